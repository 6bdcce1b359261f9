package names

import (
	"strings"
	"unicode"
)

// cyrillic maps Russian Cyrillic to the romanisation most lists use (BGN/
// PCGN-like: х→kh, ц→ts, щ→shch, й→i, ы→y, the soft and hard signs dropped).
// The phonetic skeleton then meets the other systems (ICAO, German,
// French) on the Latin side.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya",
	// Ukrainian and Belarusian letters.
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u",
	// Serbian and Macedonian.
	'ђ': "dj", 'ј': "y", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dzh", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
	// Kazakh, Kyrgyz, Tajik, Uzbek Cyrillic.
	'ә': "a", 'ғ': "gh", 'қ': "q", 'ң': "ng", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h", 'ӣ': "i", 'ӯ': "u",
	'ҳ': "h", 'ҷ': "j",
	'\'': "", 'ʼ': "",
}

// ukrainian overrides for a name written in Ukrainian (recognised by і, ї,
// є or ґ anywhere in it) or Belarusian (ў): г is h, и is y.
var ukrainian = map[rune]string{'г': "h", 'и': "y", 'й': "i", 'е': "e", 'є': "ye"}

// cyrillicVowels lets е at the start of a word or after a vowel be "ye",
// as BGN writes it (Yelena, Yevgeny).
const cyrillicVowels = "аеёиоуыэюяіїєъь"

// hasUkrainianLetters reports whether s has letters that only Ukrainian
// and Belarusian use.
func hasUkrainianLetters(s string) bool { return strings.ContainsAny(s, "іїєґІЇЄҐўЎ") }

// translitCyrillic romanises one lower-case Cyrillic word.
func translitCyrillic(word string, uk bool, b *strings.Builder) {
	prev := rune(0)
	for _, r := range word {
		if uk {
			if s, ok := ukrainian[r]; ok {
				b.WriteString(s)
				prev = r
				continue
			}
		}
		if r == 'е' && (prev == 0 || strings.ContainsRune(cyrillicVowels, prev)) {
			b.WriteString("ye")
		} else if s, ok := cyrillic[r]; ok {
			b.WriteString(s)
		} else {
			b.WriteString(unidecodeRune(r))
		}
		prev = r
	}
}

// latinToCyrillic maps Latin letters to the Cyrillic letters that look
// the same, and cyrillicToLatin the reverse, for names typed with the
// wrong keyboard layout for a letter or two.
var latinToCyrillic = map[rune]rune{
	'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'I': 'І', 'K': 'К', 'M': 'М', 'O': 'О', 'P': 'Р', 'T': 'Т', 'X': 'Х', 'Y': 'У',
	'a': 'а', 'c': 'с', 'e': 'е', 'i': 'і', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у', 'ë': 'ё', 'Ë': 'Ё',
}

var cyrillicToLatin = func() map[rune]rune {
	out := make(map[rune]rune, len(latinToCyrillic))
	for l, c := range latinToCyrillic {
		out[c] = l
	}
	return out
}()

// allLookAlike reports whether every letter of the lower-case word s has
// a Cyrillic look-alike (so it may be a Cyrillic word begun in Latin).
func allLookAlike(s string) bool {
	for _, r := range s {
		if _, ok := latinToCyrillic[unicode.ToUpper(r)]; !ok {
			return false
		}
	}
	return s != ""
}
