package names

import "strings"

// Korean syllables are romanised the way the sanctions lists write North
// Korean names, McCune-Reischauer without its breves and apostrophes: each
// syllable is a word of its own (Kim Jong Un, Pak Pong Ju, Choe Ryong
// Hae), with the initial consonant as at the start of a word.
var (
	hangulInitials = [...]string{"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	hangulVowels   = [...]string{"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"}
	hangulFinals   = [...]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
)

// isHangulSyllable reports whether r is a precomposed Korean syllable.
func isHangulSyllable(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// translitHangul romanises the Korean syllables of word; other letters go
// through unidecode.
func translitHangul(word string, b *strings.Builder) {
	for _, r := range word {
		if !isHangulSyllable(r) {
			b.WriteString(unidecodeRune(r))
			continue
		}
		n := int(r - 0xAC00)
		b.WriteString(hangulInitials[n/(21*28)])
		b.WriteString(hangulVowels[n%(21*28)/28])
		b.WriteString(hangulFinals[n%28])
	}
}
