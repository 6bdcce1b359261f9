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
func fold(word string, sc script, uk bool) string { return foldWord(word, sc, uk, false) }

// foldWord is fold for a word whose place in the name matters: surname
// says the word begins the name, where a lone Chinese character is read
// as a surname (单 is Shan as a surname, dan elsewhere).
func foldWord(word string, sc script, uk, surname bool) string {
	var b strings.Builder
	b.Grow(len(word) + 4)
	switch sc {
	case cyrillicScript:
		translitCyrillic(word, uk, &b)
	case arabicScript:
		translitArabic(norm.NFKC.String(word), &b)
	case hangulScript:
		translitHangul(word, &b)
	case hanScript:
		translitHan(word, surname, &b)
	case hebrewScript:
		translitHebrew(word, &b)
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
			translitOther(word, &b)
		}
	}
	return keepAlnum(b.String())
}

// translitOther romanises a word of any other script. Each run of
// letters of one writing system goes to that system's reader, where veto
// has one that reads names better than go-unidecode's letter-by-letter
// tables; the rest goes to go-unidecode.
func translitOther(word string, b *strings.Builder) {
	for i := 0; i < len(word); {
		r, size := utf8.DecodeRuneInString(word[i:])
		bl := blockOf(r)
		if bl == noBlock {
			if s, ok := latinSpecial[r]; ok {
				b.WriteString(s)
			} else {
				b.WriteString(unidecodeRune(r))
			}
			i += size
			continue
		}
		j := i + size
		for j < len(word) {
			r2, size2 := utf8.DecodeRuneInString(word[j:])
			// A combining accent (decomposed input) stays in its run.
			if blockOf(r2) != bl && !(r2 >= 0x0300 && r2 <= 0x036F) {
				break
			}
			j += size2
		}
		readers[bl](word[i:j], b)
		i = j
	}
}

// block is a writing system that veto reads itself, within translitOther.
type block uint8

const (
	noBlock block = iota
	greekBlock
	kanaBlock
	thaiBlock
	khmerBlock
	indicBlock
	sinhalaBlock
	myanmarBlock
	ethiopicBlock
	armenianBlock
	georgianBlock
	numBlocks
)

// readers romanise a run of letters of one block.
var readers = [numBlocks]func(string, *strings.Builder){
	greekBlock:    translitGreek,
	kanaBlock:     translitKana,
	thaiBlock:     translitThai,
	khmerBlock:    translitKhmer,
	indicBlock:    translitIndic,
	sinhalaBlock:  translitSinhala,
	myanmarBlock:  translitMyanmar,
	ethiopicBlock: translitEthiopic,
	armenianBlock: translitArmenian,
	georgianBlock: translitGeorgian,
}

// blockOf returns the block of r that veto reads itself, or noBlock.
func blockOf(r rune) block {
	switch {
	case r < 0x0370:
		return noBlock
	case r <= 0x03FF || r >= 0x1F00 && r <= 0x1FFF:
		return greekBlock
	case r >= 0x0530 && r <= 0x058F:
		return armenianBlock
	case r >= 0x0900 && r <= 0x0D7F:
		return indicBlock
	case r >= 0x0D80 && r <= 0x0DFF:
		return sinhalaBlock
	case r >= 0x0E00 && r <= 0x0E7F:
		return thaiBlock
	case r >= 0x1000 && r <= 0x109F:
		return myanmarBlock
	case r >= 0x10A0 && r <= 0x10FF || r >= 0x1C90 && r <= 0x1CBF:
		return georgianBlock
	case r >= 0x1200 && r <= 0x139F:
		return ethiopicBlock
	case r >= 0x1780 && r <= 0x17FF || r >= 0x19E0 && r <= 0x19FF:
		return khmerBlock
	case r >= 0x3041 && r <= 0x30FF && r != 0x30FB || r >= 0x31F0 && r <= 0x31FF || r >= 0xFF66 && r <= 0xFF9F:
		return kanaBlock
	}
	return noBlock
}

// latinSpecial are Latin letters whose usual ASCII spelling in names
// differs from go-unidecode's.
//
// The háček and the cedilla of Czech, Slovak, Slovenian, Croatian,
// Latvian, Lithuanian, Turkish, Azerbaijani and Romanian mark sounds that
// English spellings of the same names write with an h: Lukašenka is
// Lukashenka, Mišustinas Mishustinas, Beşar Beshar, Țuca Tsuca; so does
// Polish ż (Dżawdat, Djawdat). (French
// and Portuguese ç is s, so ç is left to go-unidecode.) Azerbaijani ə is
// the a of English spellings (Əliyev, Aliyev).
var latinSpecial = map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'þ': "th", 'ð': "d", 'ı': "i",
	'č': "ch", 'š': "sh", 'ž': "zh", 'ż': "zh", 'ş': "sh", 'ș': "sh", 'ț': "ts", 'ţ': "ts", 'ə': "a", 'Ə': "a",
	'Č': "ch", 'Š': "sh", 'Ž': "zh", 'Ż': "zh", 'Ş': "sh", 'Ș': "sh", 'Ț': "ts", 'Ţ': "ts"}

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
