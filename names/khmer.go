package names

import "strings"

// Khmer is romanised as Cambodian names are written in Latin (Hun Sen,
// Hun Manet, Chea Sim, Sar Kheng, Pol Pot, Ieng Sary, Nuon Chea), which
// follows the UNGEGN system (BGN/PCGN 1972) without its diacritics. Each
// consonant belongs to one of two series, and the series gives the
// vowels their sound: ា is a after ស but ea after ជ (Chea), ុ is o after
// ស (Sokha) but u after ហ៊ (Hun). The triisap ៊ moves a consonant to the
// second series and the muusikatoan ៉ to the first (ប៉ is p). go-unidecode
// writes the letters one by one, with ណ as "nn" and ែ as "ae" (ហ៊ុន
// ម៉ាណែត gave "hun maannaet").

// khmerConsonants are the consonants U+1780–U+17A2: Latin value as an
// onset, as a final, and whether the letter is of the second (o) series.
var khmerConsonants = [0x23]struct {
	onset, final string
	oSeries      bool
}{
	{"k", "k", false}, {"kh", "k", false}, {"k", "k", true}, {"kh", "k", true}, {"ng", "ng", true}, // ក ខ គ ឃ ង
	{"ch", "ch", false}, {"chh", "ch", false}, {"ch", "ch", true}, {"chh", "ch", true}, {"nh", "nh", true}, // ច ឆ ជ ឈ ញ
	{"d", "t", false}, {"th", "t", false}, {"d", "t", true}, {"th", "t", true}, {"n", "n", false}, // ដ ឋ ឌ ឍ ណ
	{"t", "t", false}, {"th", "t", false}, {"t", "t", true}, {"th", "t", true}, {"n", "n", true}, // ត ថ ទ ធ ន
	{"b", "p", false}, {"ph", "p", false}, {"p", "p", true}, {"ph", "p", true}, {"m", "m", true}, // ប ផ ព ភ ម
	{"y", "y", true}, {"r", "r", true}, {"l", "l", true}, {"v", "v", true}, // យ រ ល វ
	{"s", "s", false}, {"s", "s", false}, // ឝ ឞ (archaic)
	{"s", "s", false}, {"h", "h", false}, {"l", "l", false}, {"", "", false}, // ស ហ ឡ អ
}

// khmerVowels are the vowel signs U+17B6–U+17C5, in the first and the
// second series.
var khmerVowels = [0x10][2]string{
	{"a", "ea"},   // ា
	{"e", "i"},    // ិ
	{"i", "i"},    // ី (ei in UNGEGN's first series; names write i: Sihanouk)
	{"e", "ue"},   // ឹ (Kem Sokha)
	{"eu", "eu"},  // ឺ
	{"o", "u"},    // ុ
	{"o", "u"},    // ូ
	{"uo", "uo"},  // ួ
	{"aeu", "eu"}, // ើ
	{"oea", "oea"},
	{"ie", "ie"}, // ៀ
	{"e", "e"},   // េ
	{"e", "e"},   // ែ (ae in UNGEGN; names write e: Hun Sen, Manet)
	{"ai", "ey"}, // ៃ
	{"ao", "o"},  // ោ
	{"au", "ov"}, // ៅ
}

// khmerIndependent are the independent vowels U+17A3–U+17B3.
var khmerIndependent = [0x11]string{"a", "a", "e", "ei", "o", "ou", "ou", "ov", "rue", "rueu", "lue", "lueu", "ae", "ai", "ao", "ao", "au"}

const (
	khmerTriisap = '\u17CA'
	khmerMuusik  = '\u17C9'
	khmerCoeng   = '\u17D2'
	khmerNikahit = '\u17C6'
	khmerReahmuk = '\u17C7'
)

// khmerSyllable is a syllable being read.
type khmerSyllable struct {
	onset   string
	oSeries bool
	vowel   int // index into khmerVowels, or -1 for the inherent vowel
	nikahit bool
	final   string
	active  bool
}

// translitKhmer romanises a run of Khmer letters.
func translitKhmer(run string, b *strings.Builder) {
	rs := []rune(run)
	syl := khmerSyllable{vowel: -1}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= 0x1780 && r <= 0x17A2:
			c := khmerConsonants[r-0x1780]
			if syl.active && khmerIsFinal(rs, i, &syl) {
				syl.final = c.final
				continue
			}
			syl.flush(b)
			syl = khmerSyllable{onset: c.onset, oSeries: c.oSeries, vowel: -1, active: true}
		case r == khmerCoeng && i+1 < len(rs) && rs[i+1] >= 0x1780 && rs[i+1] <= 0x17A2:
			// A subscript consonant joins the onset: ប្រ is br, ស្រ sr.
			sub := khmerConsonants[rs[i+1]-0x1780]
			if syl.final != "" {
				// After a final it starts the next syllable (រង្ស៊ី).
				syl.flush(b)
				syl = khmerSyllable{onset: sub.onset, oSeries: sub.oSeries, vowel: -1, active: true}
			} else if sub.onset != syl.onset {
				if syl.onset == "b" {
					syl.onset = "p" // ប before a subscript is p (ប្រាក់, Prak)
				}
				syl.onset += sub.onset
			}
			i++
		case r == khmerTriisap:
			syl.oSeries = true
		case r == khmerMuusik:
			syl.oSeries = false
			if syl.onset == "b" {
				syl.onset = "p" // ប៉
			}
		case r >= 0x17B6 && r <= 0x17C5:
			syl.vowel = int(r - 0x17B6)
		case r == khmerNikahit:
			syl.nikahit = true
		case r == khmerReahmuk:
			syl.final = "h"
		case r >= 0x17A3 && r <= 0x17B3:
			syl.flush(b)
			b.WriteString(khmerIndependent[r-0x17A3])
		case r >= 0x17C8 && r <= 0x17D3 || r == 0x17DD:
			// Diacritics that shorten or stress a vowel, or mark a letter
			// silent: nothing to write.
		default:
			syl.flush(b)
			b.WriteString(unidecodeRune(r))
		}
	}
	syl.flush(b)
}

// khmerIsFinal reports whether the consonant at rs[i] closes the syllable
// syl rather than opening the next. Khmer writes no syllable breaks, and
// a consonant between two vowels could be either; names read best with
// these rules: a consonant with a vowel sign, a series sign or a
// subscript of its own, or after a syllable closed by ំ or ះ, opens a
// syllable (ម៉ាណែត, ma-net); one that a subscript follows closes the
// syllable before it when that has no final yet (រង្ស៊ី, rang-si;
// កម្ពុជា, kam-pu-chea); one before a consonant that has its own vowel
// opens a syllable (សីហនុ, si-ha-nu); one at the end, or before another
// consonant without a vowel, closes the syllable (ហ៊ុន, សម).
func khmerIsFinal(rs []rune, i int, syl *khmerSyllable) bool {
	if syl.nikahit || syl.final != "" {
		return false
	}
	if i+1 >= len(rs) {
		return true
	}
	n := rs[i+1]
	switch {
	case n >= 0x17B6 && n <= 0x17C5, n == khmerTriisap, n == khmerMuusik, n == khmerNikahit, n == khmerReahmuk:
		return false
	case n == khmerCoeng:
		return true
	case n >= 0x1780 && n <= 0x17A2:
		if i+2 < len(rs) {
			nn := rs[i+2]
			if nn >= 0x17B6 && nn <= 0x17C7 || nn == khmerTriisap || nn == khmerMuusik || nn == khmerCoeng {
				return false
			}
		}
	}
	return true
}

func (s *khmerSyllable) flush(b *strings.Builder) {
	if s.active {
		b.WriteString(s.onset)
		b.WriteString(s.rhyme())
		b.WriteString(s.final)
	}
	*s = khmerSyllable{vowel: -1}
}

// rhyme returns the vowel of the syllable in its series.
func (s *khmerSyllable) rhyme() string {
	series := 0
	if s.oSeries {
		series = 1
	}
	switch {
	case s.vowel < 0 && s.nikahit:
		return [2]string{"am", "um"}[series]
	case s.vowel < 0 && s.final == "":
		return [2]string{"a", "o"}[series]
	case s.vowel < 0:
		return [2]string{"a", "o"}[series]
	case s.nikahit && s.vowel == 0: // ាំ
		return [2]string{"am", "eam"}[series]
	case s.nikahit && (s.vowel == 5 || s.vowel == 6): // ុំ
		return [2]string{"om", "um"}[series]
	}
	v := khmerVowels[s.vowel][series]
	if s.nikahit {
		v += "m"
	}
	return v
}
