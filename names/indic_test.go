package names

import "testing"

func TestIndic(t *testing.T) {
	checkForms(t, []formCase{
		// Devanagari, with Hindi schwa deletion.
		{"व्लादिमीर पुतिन", "vladimir putin"},
		{"नरेन्द्र मोदी", "narendra modi"},
		{"अरविंद केजरीवाल", "arvind kejrival"},
		{"मनमोहन सिंह", "manmohan singh"},
		{"राहुल गांधी", "rahul gandhi"},
		{"दामोदरदास", "damodardas"},
		{"आदित्यनाथ", "adityanath"},
		{"कमला", "kamla"},
		{"मिश्र", "mishra"},
		{"ज़रदारी", "zardari"},
		{"अमिताभ बच्चन", "amitabh bachchan"},
		// Bengali, Gurmukhi, Gujarati, Oriya.
		{"ভ্লাদিমির পুতিন", "bhladimir putin"},
		{"শেখ হাসিনা", "shekh hasina"},
		{"মুহাম্মদ ইউনূস", "muhammad yunus"},
		{"ਵਲਾਦੀਮੀਰ ਪੂਤਿਨ", "valadimir putin"},
		{"ਭਗਵੰਤ ਮਾਨ", "bhagvant man"},
		{"ਪੱਕਾ", "pakka"},
		{"વ્લાદિમીર પુતિન", "vladimir putin"},
		{"ନବୀନ ପଟ୍ଟନାୟକ", "nabin pattanayak"},
		// Dravidian scripts keep every inherent vowel.
		{"விளாதிமிர் புதின்", "vilathimir puthin"},
		{"ஸ்டாலின்", "stalin"},
		{"முருகன்", "murugan"},
		{"சிதம்பரம்", "chithambaram"},
		{"பிச்சை", "pichai"},
		{"వ్లాదిమిర్ పుతిన్", "vladimir putin"},
		{"చంద్రబాబు నాయుడు", "chandrababu nayudu"},
		{"ವ್ಲಾದಿಮಿರ್ ಪುಟಿನ್", "vladimir putin"},
		{"വ്ലാഡിമിർ പുടിൻ", "vladimir putin"},
		// Sinhala.
		{"ව්ලැඩිමීර් පුටින්", "vlaedimir putin"},
		{"මහින්ද රාජපක්ෂ", "mahinda rajapaksha"},
		{"රනිල්", "ranil"},
	})
}
