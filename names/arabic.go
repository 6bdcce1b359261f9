package names

import "strings"

// arabic maps Arabic and Persian letters to Latin consonants. Long vowels
// are kept (ا→a, و→u, ي→i); short vowels are not written in Arabic script,
// so tokens from it are marked Abjad and compared on their consonant
// skeleton. ع (ayn) and ء (hamza) are dropped, as most Latin forms do.
var arabic = map[rune]string{
	'ا': "a", 'أ': "a", 'إ': "i", 'آ': "a", 'ٱ': "a", 'ء': "", 'ؤ': "u", 'ئ': "i",
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh", 'ر': "r",
	'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z", 'ع': "", 'غ': "gh",
	'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'ة': "a", 'و': "u",
	'ي': "i", 'ى': "a",
	// Persian and Urdu letters.
	'پ': "p", 'چ': "ch", 'ژ': "j", 'گ': "g", 'ک': "k", 'ی': "i", 'ۀ': "a", 'ە': "a", 'ہ': "h", 'ھ': "h",
	'ے': "e", 'ٹ': "t", 'ڈ': "d", 'ڑ': "r", 'ں': "n",
	// Pashto letters.
	'ځ': "z", 'څ': "ts", 'ټ': "t", 'ډ': "d", 'ړ': "r", 'ږ': "zh", 'ښ': "sh", 'ګ': "g", 'ڼ': "n", 'ۍ': "i", 'ې': "e",
	// Kurdish (Sorani), Sindhi, Uyghur, Malay (Jawi) and Maghrebi letters:
	// Wikipedia and the press write foreign names with them (لیۆناردۆ,
	// ڤینچی, ڪڪ). The vowels are read as the Arabic long vowels are.
	'ۆ': "u", 'ێ': "i", 'ڵ': "l", 'ڕ': "r", 'ڤ': "v", 'ڥ': "v", 'ۋ': "v", 'ۏ': "v", 'ڪ': "k",
	'ڨ': "g", 'ڬ': "g", 'ڭ': "ng", 'ڠ': "ng", 'ڽ': "ny", 'ۇ': "u", 'ۈ': "u", 'ۊ': "u", 'ۉ': "u",
	'ٷ': "u", 'ٶ': "u", 'ٸ': "i",
	// Marks: the small alef is the long a written above (الرحمٰن); the
	// others (hamza and vowel signs above and below) are left out.
	'\u0670': "a", '\u0653': "", '\u0654': "", '\u0655': "", '\u0656': "", '\u0657': "", '\u0658': "",
	'\u0659': "", '\u065A': "", '\u065B': "", '\u065C': "", '\u065D': "", '\u065E': "", '\u065F': "",
	// Short vowel marks, where a name is vocalised.
	'\u064E': "a", '\u0650': "i", '\u064F': "u", '\u0652': "", '\u064B': "", '\u064C': "", '\u064D': "",
	'\u0640': "", // tatweel
}

const shadda = '\u0651'

// translitArabic romanises one Arabic-script word. و and ي at the start
// of a word, or after a long vowel, are the consonants w and y.
func translitArabic(word string, b *strings.Builder) {
	start := b.Len()
	prevVowel := true
	rs := []rune(word)
	for k, r := range rs {
		if r == shadda {
			// Doubling changes nothing once the skeleton collapses doubles.
			continue
		}
		s, ok := arabic[r]
		if !ok {
			s = unidecodeRune(r)
		}
		switch {
		case r == 'ع' && b.Len() == start && k+1 < len(rs) && (rs[k+1] == 'ي' || rs[k+1] == 'ی'):
			// Ayn before a long i is the I of Latin spellings: عيسى is
			// Isa, عيد Eid; the yeh is the vowel.
			s = ""
			prevVowel = false
			b.WriteString("i")
			continue
		case r == 'ع' && b.Len() == start:
			// A word-initial ayn carries a vowel in every Latin spelling
			// (Ali, Omar, Abd, Iraq).
			s = "a"
		case r == 'ئ' && !prevVowel:
			// Hamza on a yeh after a consonant carries an a: رئيس is
			// ra'is (Raisi), after a vowel an i: فائز is fa'iz.
			s = "a"
		case r == 'ہ' && k == len(rs)-1 && k > 0 && !prevVowel && rs[k-1] != 'ل':
			// Urdu's final heh after a consonant is a vowel: طیبہ is
			// Tayyiba, فاطمہ Fatima (but اللہ is Allah, شاہ Shah).
			s = "a"
		case r == 'و' && (b.Len() == start || prevVowel):
			s = "w"
		case r == 'ع' && k > 0:
			// A medial ayn is the vowel (or apostrophe) of Latin spellings:
			// معمر Mu'ammar, سعيد Sa'id, مسعود Mas'ud, جعفر Ja'far; the
			// long vowel after it stays a vowel.
			b.WriteString("a")
			prevVowel = false
			continue
		case (r == 'ي' || r == 'ی') && k == 1 && rs[0] == 'ع':
			// The long i after an initial ayn (see above).
			s = ""
		case (r == 'ي' || r == 'ی') && (b.Len() == start || prevVowel):
			s = "y"
		}
		b.WriteString(s)
		prevVowel = s == "a" || s == "u" || s == "i"
	}
}

// isArabicScript reports whether r is an Arabic-script letter or mark.
func isArabicScript(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F) || (r >= 0x08A0 && r <= 0x08FF) || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}
