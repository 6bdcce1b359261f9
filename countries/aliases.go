package countries

// territories are places that sanctions regimes treat apart from the
// country they belong to, with FtM-style codes.
var territories = map[string]string{
	"su":     "Soviet Union",
	"yu":     "Yugoslavia",
	"cs":     "Serbia and Montenegro",
	"an":     "Netherlands Antilles",
	"ua-cri": "Crimea",
	"ua-dpr": "Donetsk",
	"ua-lpr": "Luhansk",
}

// aliases are the other names publishers use for countries, and the
// nationality adjectives. Keys are folded by key before lookup, so case,
// accents and punctuation do not matter.
var aliases = map[string]string{
	// Names as the lists write them.
	"Bahamas, The": "bs", "Bahamas": "bs",
	"Burma": "mm", "Myanmar (Burma)": "mm", "Myanmar": "mm",
	"Northern Mali": "ml", "Macedonia, The Former Yugoslav Republic of": "mk",
	"former Soviet Union": "su", "former USSR": "su", "former Yugoslavia": "yu",
	"Brunei Darussalam": "bn", "Brunei": "bn",
	"Bolivia (Plurinational State of)":               "bo",
	"Cabo Verde":                                     "cv",
	"China, Hong Kong Special Administrative Region": "hk", "Hong Kong SAR": "hk", "Hong Kong": "hk",
	"China, Macao Special Administrative Region": "mo", "Macau": "mo", "Macao": "mo",
	"Congo, Democratic Republic of the": "cd", "Democratic Republic of the Congo": "cd", "Congo (Kinshasa)": "cd", "DRC": "cd", "Zaire": "cd",
	"Congo, Republic of the": "cg", "Republic of the Congo": "cg", "Congo (Brazzaville)": "cg", "Congo": "cg",
	"Cote d Ivoire": "ci", "Ivory Coast": "ci",
	"Czech Republic":                        "cz",
	"Democratic People's Republic of Korea": "kp", "Korea, North": "kp", "North Korea": "kp", "DPRK": "kp", "Korea, Democratic People's Republic of": "kp",
	"Korea, South": "kr", "Republic of Korea": "kr", "South Korea": "kr", "Korea, Republic of": "kr",
	"Gambia": "gm", "The Gambia": "gm", "Gambia, The": "gm",
	"Iran (Islamic Republic of)": "ir", "Islamic Republic of Iran": "ir", "Iran, Islamic Republic of": "ir", "Persia": "ir",
	"Lao People's Democratic Republic": "la", "Laos": "la",
	"Man, Isle of": "im", "Isle of Man": "im",
	"Micronesia, Federated States of": "fm",
	"Moldova, Republic of":            "md", "Republic of Moldova": "md",
	"Netherlands Antilles":             "an",
	"North Macedonia, The Republic of": "mk", "North Macedonia": "mk", "Macedonia": "mk", "The former Yugoslav Republic of Macedonia": "mk",
	"Palestinian": "ps", "State of Palestine": "ps", "Palestine": "ps", "Palestinian Territories": "ps", "Occupied Palestinian Territory": "ps",
	"West Bank": "ps", "Gaza": "ps", "Gaza Strip": "ps", "North Gaza": "ps", "Northern Gaza": "ps",
	"Russian Federation": "ru", "Russia": "ru", "USSR": "su", "Soviet Union": "su",
	"Saint Kitts and Nevis": "kn", "Saint Lucia": "lc", "Saint Vincent and the Grenadines": "vc",
	"St. Kitts and Nevis": "kn", "St. Lucia": "lc", "St. Vincent and the Grenadines": "vc", "Antigua and Barbuda": "ag",
	"Sao Tome and Principe": "st",
	"Syrian Arab Republic":  "sy", "Syria": "sy",
	"Taiwan, Province of China": "tw", "Taiwan": "tw",
	"Tanzania, United Republic of": "tz", "United Republic of Tanzania": "tz", "Tanzania": "tz",
	"Turkey": "tr", "Türkiye": "tr", "Turkiye": "tr",
	"United Kingdom of Great Britain and Northern Ireland": "gb", "United Kingdom": "gb", "UK": "gb", "Great Britain": "gb", "Britain": "gb", "England": "gb",
	"United States of America": "us", "United States": "us", "USA": "us", "U.S.A.": "us", "US": "us",
	"Venezuela (Bolivarian Republic of)": "ve", "Venezuela, Bolivarian Republic of": "ve",
	"Viet Nam": "vn", "Vietnam": "vn",
	"Virgin Islands, British": "vg", "British Virgin Islands": "vg",
	"Virgin Islands, U.S.": "vi",
	"Yugoslavia":           "yu", "Serbia and Montenegro": "cs",
	"Eswatini": "sz", "Swaziland": "sz",
	"Holy See": "va", "Vatican": "va",
	"Kosovo": "xk",
	"Crimea": "ua-cri", "Crimea region of Ukraine": "ua-cri", "Autonomous Republic of Crimea": "ua-cri", "Sevastopol": "ua-cri",
	"Donetsk People's Republic": "ua-dpr", "Donetsk": "ua-dpr", "Luhansk People's Republic": "ua-lpr", "Luhansk": "ua-lpr", "Lugansk": "ua-lpr",
	"Timor-Leste": "tl", "East Timor": "tl",
	"Micronesia":   "fm",
	"Saint Martin": "mf", "Sint Maarten": "sx", "Curacao": "cw",

	"Democratic Republic of Congo": "cd", "United Kingdom of Great Britain": "gb", "Occupied Palestinian Territories": "ps",
	"UAE": "ae", "PRC": "cn", "Bosnia-Herzegovina": "ba", "Congo (Democratic Republic)": "cd",
	"German Democratic Republic": "de", "East Germany": "de", "Russian Soviet Federative Socialist Republic": "ru",
	"Republic of Moldovia": "md", "Yakut Autonomous SSR": "ru", "Yakut": "ru",
	// Misspellings in the lists.
	"Sundan": "sd", "Uzbekhistan": "uz", "Belrus": "by", "Repubic of Moldova": "md",

	// Nationality adjectives, as the UK, EU and OFAC remarks write them.
	"Afghani": "af", "Uzbekistani": "uz", "Mauritian": "mu", "Turkiyish": "tr", "Ukranian": "ua", "Fijian": "fj",
	"Afghan": "af", "Albanian": "al", "Algerian": "dz", "American": "us", "Angolan": "ao", "Argentine": "ar", "Argentinian": "ar",
	"Armenian": "am", "Australian": "au", "Austrian": "at", "Azerbaijani": "az", "Azeri": "az", "Bahraini": "bh", "Bangladeshi": "bd",
	"Belarusian": "by", "Belarussian": "by", "Belgian": "be", "Bosnian": "ba", "Brazilian": "br", "British": "gb", "Bulgarian": "bg",
	"Burmese": "mm", "Burundian": "bi", "Cambodian": "kh", "Cameroonian": "cm", "Canadian": "ca", "Central African": "cf", "Chadian": "td",
	"Chilean": "cl", "Chinese": "cn", "Colombian": "co", "Congolese": "cd", "Croatian": "hr", "Cuban": "cu", "Cypriot": "cy",
	"Czech": "cz", "Danish": "dk", "Djiboutian": "dj", "Dutch": "nl", "Ecuadorian": "ec", "Egyptian": "eg", "Emirati": "ae",
	"Eritrean": "er", "Estonian": "ee", "Ethiopian": "et", "Finnish": "fi", "French": "fr", "Gambian": "gm", "Georgian": "ge",
	"German": "de", "Ghanaian": "gh", "Greek": "gr", "Guinean": "gn", "Haitian": "ht", "Hungarian": "hu", "Indian": "in",
	"Indonesian": "id", "Iranian": "ir", "Iraqi": "iq", "Irish": "ie", "Israeli": "il", "Italian": "it", "Ivorian": "ci",
	"Jamaican": "jm", "Japanese": "jp", "Jordanian": "jo", "Kazakh": "kz", "Kazakhstani": "kz", "Kenyan": "ke", "Kosovar": "xk",
	"Kuwaiti": "kw", "Kyrgyz": "kg", "Latvian": "lv", "Lebanese": "lb", "Liberian": "lr", "Libyan": "ly", "Lithuanian": "lt",
	"Malaysian": "my", "Malian": "ml", "Maltese": "mt", "Mauritanian": "mr", "Mexican": "mx", "Moldovan": "md", "Mongolian": "mn",
	"Montenegrin": "me", "Moroccan": "ma", "Mozambican": "mz", "Nepalese": "np", "Nicaraguan": "ni", "Nigerian": "ng",
	"Nigerien": "ne", "North Korean": "kp", "Norwegian": "no", "Omani": "om", "Pakistani": "pk", "Panamanian": "pa",
	"Filipino": "ph", "Polish": "pl", "Portuguese": "pt", "Qatari": "qa", "Romanian": "ro", "Russian": "ru", "Rwandan": "rw",
	"Saudi": "sa", "Saudi Arabian": "sa", "Senegalese": "sn", "Serbian": "rs", "Singaporean": "sg", "Slovak": "sk", "Slovenian": "si",
	"Somali": "so", "South African": "za", "South Korean": "kr", "South Sudanese": "ss", "Spanish": "es", "Sri Lankan": "lk",
	"Sudanese": "sd", "Swedish": "se", "Swiss": "ch", "Syrian": "sy", "Taiwanese": "tw", "Tajik": "tj", "Tanzanian": "tz",
	"Thai": "th", "Tunisian": "tn", "Turkish": "tr", "Turkmen": "tm", "Ugandan": "ug", "Ukrainian": "ua", "Uruguayan": "uy",
	"Uzbek": "uz", "Venezuelan": "ve", "Vietnamese": "vn", "Yemeni": "ye", "Zambian": "zm", "Zimbabwean": "zw",
}

// alpha3 maps the ISO alpha-3 codes that appear in list identifiers and
// passports to alpha-2.
var alpha3 = map[string]string{
	"AFG": "af", "ARE": "ae", "AZE": "az", "BLR": "by", "CHN": "cn", "CUB": "cu", "DEU": "de", "EGY": "eg", "FRA": "fr",
	"GBR": "gb", "IND": "in", "IRN": "ir", "IRQ": "iq", "ISR": "il", "JOR": "jo", "KAZ": "kz", "KGZ": "kg", "KWT": "kw",
	"LBN": "lb", "LBY": "ly", "MLI": "ml", "MMR": "mm", "NGA": "ng", "PAK": "pk", "PRK": "kp", "QAT": "qa", "RUS": "ru",
	"SAU": "sa", "SDN": "sd", "SOM": "so", "SSD": "ss", "SYR": "sy", "TJK": "tj", "TUR": "tr", "UKR": "ua", "USA": "us",
	"UZB": "uz", "VEN": "ve", "YEM": "ye", "ZWE": "zw",
}

// noCountry are place names that the lists use where no single country
// applies: unknowns, regions spanning or disputed between countries.
var noCountry = map[string]bool{
	"undetermined": true, "unknown": true, "0": true, "none identified": true, "none": true, "na": true, "n a": true,
	"stateless": true, "commonwealth of independent states": true, "jammu and kashmir": true, "kafia kingi": true,
}
