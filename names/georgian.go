package names

import "strings"

// georgian maps the Georgian letters (Mkhedruli) to Latin by the national
// system of 2002, the spelling of Georgian passports, without its
// apostrophes for the ejectives (Ivanishvili, Tsereteli, Gharibashvili).
// go-unidecode writes ც and წ as "c", ძ as "z" and ხ as "x" (ბიძინა gave
// "bizina" for Bidzina, and x is ks to the phonetic skeleton).
var georgian = map[rune]string{
	'ა': "a", 'ბ': "b", 'გ': "g", 'დ': "d", 'ე': "e", 'ვ': "v", 'ზ': "z", 'თ': "t", 'ი': "i", 'კ': "k",
	'ლ': "l", 'მ': "m", 'ნ': "n", 'ო': "o", 'პ': "p", 'ჟ': "zh", 'რ': "r", 'ს': "s", 'ტ': "t", 'უ': "u",
	'ფ': "p", 'ქ': "k", 'ღ': "gh", 'ყ': "q", 'შ': "sh", 'ჩ': "ch", 'ც': "ts", 'ძ': "dz", 'წ': "ts", 'ჭ': "ch",
	'ხ': "kh", 'ჯ': "j", 'ჰ': "h",
	// Letters of older Georgian and of Mingrelian and Svan.
	'ჱ': "e", 'ჲ': "y", 'ჳ': "v", 'ჴ': "q", 'ჵ': "o", 'ჶ': "f", 'ჷ': "e",
}

// translitGeorgian romanises a run of Georgian letters.
func translitGeorgian(run string, b *strings.Builder) {
	for _, r := range run {
		if s, ok := georgian[r]; ok {
			b.WriteString(s)
		} else {
			b.WriteString(unidecodeRune(r))
		}
	}
}
