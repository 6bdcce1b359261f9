package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"
)

// script is the writing system of a word, as far as transliteration cares.
type script uint8

const (
	latin script = iota
	cyrillicScript
	arabicScript
	hebrewScript
	hanScript
	hangulScript
	otherScript
)

// scriptOf returns the script of the first letter of word.
func scriptOf(word string) script {
	for _, r := range word {
		if s, ok := letterScript(r); ok {
			return s
		}
	}
	return latin
}

// runeScript returns the script of a letter (latin for anything else).
func runeScript(r rune) script {
	s, _ := letterScript(r)
	return s
}

// letterScript returns the script of r and whether r is a letter.
func letterScript(r rune) (script, bool) {
	{
		switch {
		case r < 0x80:
			return latin, true
		case unicode.Is(unicode.Cyrillic, r):
			return cyrillicScript, true
		case isArabicScript(r):
			return arabicScript, true
		case unicode.Is(unicode.Hebrew, r):
			return hebrewScript, true
		case unicode.Is(unicode.Han, r):
			return hanScript, true
		case unicode.Is(unicode.Hangul, r):
			return hangulScript, true
		case unicode.Is(unicode.Latin, r):
			return latin, true
		case unicode.IsLetter(r):
			return otherScript, true
		}
	}
	return latin, false
}

// splitsPerRune reports whether each character of a word in script s is
// a syllable to be made a token of its own: Chinese characters and Korean
// syllables, which lists write as "Xi Jinping" or "Kim Jong Un".
func (s script) splitsPerRune() bool { return s == hanScript || s == hangulScript }

// unidecodeRune transliterates one rune with go-unidecode.
func unidecodeRune(r rune) string {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	return unidecode.Unidecode(string(buf[:n]))
}

// fold transliterates a lower-case word to ASCII and keeps only letters
// and digits: the token's Form. uk says the name is Ukrainian or
// Belarusian.
func fold(word string, sc script, uk bool) string {
	var b strings.Builder
	b.Grow(len(word) + 4)
	switch sc {
	case cyrillicScript:
		translitCyrillic(word, uk, &b)
	case arabicScript:
		translitArabic(norm.NFKC.String(word), &b)
	case hangulScript:
		translitHangul(word, &b)
	default:
		ascii := true
		for i := 0; i < len(word); i++ {
			if word[i] >= 0x80 {
				ascii = false
				break
			}
		}
		if ascii {
			b.WriteString(word)
		} else {
			for _, r := range word {
				if s, ok := latinSpecial[r]; ok {
					b.WriteString(s)
					continue
				}
				b.WriteString(unidecodeRune(r))
			}
		}
	}
	return keepAlnum(b.String())
}

// latinSpecial are Latin letters whose usual ASCII spelling in names
// differs from go-unidecode's.
var latinSpecial = map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'þ': "th", 'ð': "d", 'ı': "i"}

// keepAlnum lower-cases s and keeps ASCII letters and digits.
func keepAlnum(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return string(b)
}
