package names

import (
	"strings"
	"unicode/utf8"
)

// Burmese names are written in Latin in the conventional romanisation
// (the one of Min Aung Hlaing, Aung San Suu Kyi, Than Shwe, Thein Sein,
// Htin Kyaw), which spells each syllable by its sound: a final consonant
// with the vowel before it makes a rhyme of its own (ောင် is aung, ိုင်
// aing, ိန် ein), the medials ျ and ြ are y, ှ makes a sonorant voiceless
// (လှ, hl) and ရှ is sh. go-unidecode reads the letters one by one
// (မင်းအောင်လှိုင် gave "mng:aeaangliung"). Sources: the conventional
// (BGN/PCGN 1970) Burmese romanisation table, and the rhymes of MLCTS.

// myanmarOnsets are the Latin values of the consonants U+1000–U+1021.
var myanmarOnsets = [0x22]string{
	"k", "kh", "g", "g", "ng", "s", "s", "z", "z", "ny", "ny", "t", "ht", "d", "d", "n",
	"t", "ht", "d", "d", "n", "p", "ph", "b", "b", "m", "y", "y", "l", "w", "th", "h",
	"l", "",
}

// myanmarSyllable is a syllable being read.
type myanmarSyllable struct {
	onset            string
	medY, medW, medH bool
	vowel            byte // one of the vowel signs: 'a' ါ/ာ, 'i', 'u', 'e' ေ, 'E' ဲ, 'o' ို, 'A' ော
	final            string
	nasal            bool // ံ
	active           bool
}

// translitMyanmar romanises a run of Myanmar letters.
func translitMyanmar(run string, b *strings.Builder) {
	rs := []rune(run)
	var syl myanmarSyllable
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= 0x1000 && r <= 0x1021:
			// A consonant followed by asat (်) or the stacking virama (္)
			// closes the syllable before it.
			if syl.active && i+1 < len(rs) && (rs[i+1] == 0x103A || rs[i+1] == 0x1039 || i+2 < len(rs) && rs[i+1] == 0x1037 && rs[i+2] == 0x103A) {
				syl.final = myanmarFinal(r)
				if rs[i+1] == 0x1037 {
					i++
				}
				i++
				continue
			}
			if syl.active {
				syl.write(b)
			}
			syl = myanmarSyllable{onset: myanmarOnsets[r-0x1000], active: true}
		case r == 0x1023 || r == 0x1024: // ဣ ဤ
			syl.flush(b)
			syl = myanmarSyllable{active: true, vowel: 'i'}
		case r == 0x1025 || r == 0x1026: // ဥ ဦ
			syl.flush(b)
			syl = myanmarSyllable{active: true, vowel: 'u'}
		case r == 0x1027: // ဧ
			syl.flush(b)
			syl = myanmarSyllable{active: true, vowel: 'e'}
		case r == 0x1029 || r == 0x102A: // ဩ ဪ
			syl.flush(b)
			syl = myanmarSyllable{active: true, vowel: 'A'}
		case r == 0x103B || r == 0x103C: // medial ya, ra
			syl.medY = true
		case r == 0x103D: // medial wa
			syl.medW = true
		case r == 0x103E: // medial ha
			syl.medH = true
		case r == 0x102B || r == 0x102C: // ါ ာ
			if syl.vowel == 'e' {
				syl.vowel = 'A' // ေ + ာ is aw
			} else {
				syl.vowel = 'a'
			}
		case r == 0x102D || r == 0x102E:
			syl.vowel = 'i'
		case r == 0x102F || r == 0x1030:
			if syl.vowel == 'i' {
				syl.vowel = 'o' // ိ + ု is o
			} else {
				syl.vowel = 'u'
			}
		case r == 0x1031:
			syl.vowel = 'e'
		case r == 0x1032:
			syl.vowel = 'E'
		case r == 0x1036:
			syl.nasal = true
		case r == 0x1037 || r == 0x1038 || r == 0x103A || r == 0x1039:
			// Tones, and an asat or virama not after a consonant.
		default:
			syl.flush(b)
			b.WriteString(unidecodeRune(r))
		}
	}
	syl.flush(b)
}

func (s *myanmarSyllable) flush(b *strings.Builder) {
	if s.active {
		s.write(b)
	}
	*s = myanmarSyllable{}
}

// myanmarFinal returns the class of a final consonant: k, t (for t, s,
// p), n (for n, m), ng, ny or y.
func myanmarFinal(r rune) string {
	switch r {
	case 0x1000, 0x1001, 0x1002, 0x1003: // က ခ ဂ ဃ
		return "k"
	case 0x1004: // င
		return "ng"
	case 0x1005, 0x1010, 0x1011, 0x1012, 0x1013, 0x1015, 0x1016, 0x1017, 0x1018, 0x100B, 0x100C, 0x100D, 0x100E, 0x101E: // စ တ ထ ဒ ဓ ပ ...
		return "t"
	case 0x1009, 0x100A: // ဉ ည
		return "ny"
	case 0x1014, 0x1019, 0x100F: // န မ ဏ
		return "n"
	case 0x101A: // ယ
		return "y"
	case 0x101C: // လ
		return "n"
	}
	return ""
}

// write writes the syllable: onset, medials, and rhyme.
func (s *myanmarSyllable) write(b *strings.Builder) {
	onset := s.onset
	switch {
	case s.medH && (onset == "y" || onset == "l" && s.medY):
		onset = "sh" // ရှ, ယှ, လျှ
	case s.medH:
		onset = "h" + onset // လှ, မှ, နှ
	}
	if s.medY && onset != "sh" {
		onset += "y"
	}
	if s.medW && s.vowel == 0 && (s.final == "n" || s.final == "t" || s.nasal) {
		// ွန်, ွတ်, ွံ are the rhymes un, ut (ကျွန်, kyun).
		b.WriteString(onset)
		b.WriteByte('u')
		if s.final == "t" {
			b.WriteByte('t')
		} else {
			b.WriteByte('n')
		}
		return
	}
	if s.medW {
		onset += "w"
	}
	b.WriteString(onset)
	b.WriteString(s.rhyme())
}

// rhyme returns the conventional spelling of the vowel and final.
func (s *myanmarSyllable) rhyme() string {
	fin := s.final
	if s.nasal && fin == "" {
		fin = "n"
	}
	switch s.vowel {
	case 0:
		switch fin {
		case "":
			return "a"
		case "k":
			return "et"
		case "ng":
			return "in"
		case "t":
			return "at"
		case "n":
			return "an"
		case "ny":
			return "i"
		case "y":
			return "e"
		}
	case 'a':
		return "a"
	case 'i':
		switch fin {
		case "t", "k":
			return "eik"
		case "n", "ng":
			return "ein"
		}
		return "i"
	case 'u':
		switch fin {
		case "t", "k":
			return "ok"
		case "n", "ng":
			return "on"
		}
		return "u"
	case 'o':
		switch fin {
		case "k":
			return "aik"
		case "ng":
			return "aing"
		}
		return "o"
	case 'e':
		return "e"
	case 'E':
		return "e"
	case 'A':
		switch fin {
		case "k":
			return "auk"
		case "ng":
			return "aung"
		}
		return "aw"
	}
	return "a"
}

// myanmarSyllables splits a Burmese word into its syllables, which Latin
// spellings write as words of their own: Burmese writes no space inside
// a name (မင်းအောင်လှိုင်, Min Aung Hlaing), as Chinese does not. A syllable
// starts at each consonant or independent vowel that is not a final
// (one that asat ် or the stacking sign ္ follows: the consonant stacked
// under it starts the next syllable); the parts are substrings of word,
// in order.
func myanmarSyllables(word string) []string {
	var out []string
	start := 0
	for i, r := range word {
		if i == 0 {
			continue
		}
		starts := r >= 0x1000 && r <= 0x1021 || r >= 0x1023 && r <= 0x102A
		if starts && r >= 0x1000 && r <= 0x1021 {
			rest := word[i+len(string(r)):]
			if strings.HasPrefix(rest, "\u103A") || strings.HasPrefix(rest, "\u1039") || strings.HasPrefix(rest, "\u1037\u103A") {
				starts = false // a final
			}
		}
		if starts {
			out = append(out, word[start:i])
			start = i
		}
	}
	return append(out, word[start:])
}

// isMyanmar reports whether a word starts with a Burmese letter.
func isMyanmar(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return blockOf(r) == myanmarBlock
}
