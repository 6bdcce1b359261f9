package names

import "strings"

// The nine Indic scripts of Unicode's U+0900–U+0D7F (Devanagari, Bengali,
// Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam) share one
// layout inherited from ISCII: the same letter sits at the same offset in
// each block, so one table reads them all, with a few letters per script
// overridden. Values follow the Hunterian system (the Government of
// India's, and the spelling of Indian names in Latin: Narendra Modi,
// Arvind Kejriwal), without its diacritics: long vowels are written
// single (मोदी, Modi), and the retroflex and dental letters alike.
//
// go-unidecode writes no inherent vowel at all (नरेन्द्र gave "nrendr")
// and doubles long vowels ("modii"). Here every consonant carries the
// inherent a unless a virama or a vowel sign replaces it, and then, in
// the Indo-Aryan languages (Hindi, Marathi, Bengali, Punjabi, Gujarati,
// Oriya), the inherent vowels that speech drops are dropped, by Ohala's
// schwa-deletion rule (M. Ohala, "Aspects of Hindi Phonology", 1983): at
// the end of a word after a single consonant (राम, Ram; but नरेन्द्र,
// Narendra, keeps it after a cluster), and inside a word between a vowel
// and a consonant with its vowel, right to left (कमला, Kamla; दामोदरदास,
// Damodardas). Tamil, Telugu, Kannada and Malayalam keep every inherent
// vowel, as they are spoken.

// indicLetters are the Latin values of the offsets 0x00–0x7F common to
// the nine blocks ("" where nothing is written).
var indicLetters = [0x80]string{
	0x01: "n", 0x02: "n", 0x03: "h",
	0x04: "a", 0x05: "a", 0x06: "a", 0x07: "i", 0x08: "i", 0x09: "u", 0x0A: "u", 0x0B: "ri", 0x0C: "li",
	0x0D: "e", 0x0E: "e", 0x0F: "e", 0x10: "ai", 0x11: "o", 0x12: "o", 0x13: "o", 0x14: "au",
	0x15: "k", 0x16: "kh", 0x17: "g", 0x18: "gh", 0x19: "n", 0x1A: "ch", 0x1B: "chh", 0x1C: "j", 0x1D: "jh",
	0x1E: "n", 0x1F: "t", 0x20: "th", 0x21: "d", 0x22: "dh", 0x23: "n", 0x24: "t", 0x25: "th", 0x26: "d",
	0x27: "dh", 0x28: "n", 0x29: "n", 0x2A: "p", 0x2B: "ph", 0x2C: "b", 0x2D: "bh", 0x2E: "m", 0x2F: "y",
	0x30: "r", 0x31: "r", 0x32: "l", 0x33: "l", 0x34: "l", 0x35: "v", 0x36: "sh", 0x37: "sh", 0x38: "s",
	0x39: "h",
	0x3E: "a", 0x3F: "i", 0x40: "i", 0x41: "u", 0x42: "u", 0x43: "ri", 0x44: "ri", 0x45: "e", 0x46: "e",
	0x47: "e", 0x48: "ai", 0x49: "o", 0x4A: "o", 0x4B: "o", 0x4C: "au",
	0x50: "om",
	0x58: "q", 0x59: "kh", 0x5A: "gh", 0x5B: "z", 0x5C: "r", 0x5D: "rh", 0x5E: "f", 0x5F: "y",
	0x60: "ri", 0x61: "li", 0x62: "li", 0x63: "li",
}

// indicOverrides are the letters whose value differs in one script.
var indicOverrides = map[rune]string{
	0x0B2F: "j",                              // Oriya ଯ is ja; ୟ is ya
	0x0B71: "w",                              // Oriya ୱ
	0x0BA4: "th",                             // Tamil த, as Tamil names write it
	0x0BB4: "zh", 0x0D34: "zh", 0x0CDE: "zh", // Tamil ழ, Malayalam ഴ, Kannada ೞ: the retroflex approximant
	0x0C58: "ts", 0x0C59: "dz", // Telugu ౘ ౙ
	0x09CE: "t",                                                                  // Bengali khanda ta ৎ
	0x0D7A: "n", 0x0D7B: "n", 0x0D7C: "r", 0x0D7D: "l", 0x0D7E: "l", 0x0D7F: "k", // Malayalam chillu letters
}

// Offsets with a part to play in the syllable.
const (
	indicCandrabindu = 0x01
	indicAnusvara    = 0x02
	indicVisarga     = 0x03
	indicNukta       = 0x3C
	indicAvagraha    = 0x3D
	indicVirama      = 0x4D
	gurmukhiTippi    = 0x70
	gurmukhiAddak    = 0x71
	gurmukhiIri      = 0x72
	gurmukhiUra      = 0x73
)

// indicUnit is one consonant with its vowel, or a vowel letter.
type indicUnit struct {
	cons     string
	vowel    string
	inherent bool // vowel is the unwritten a
	virama   bool // the consonant is joined to the next
	nasal    string
	double   bool // Gurmukhi addak: the consonant is doubled
}

// translitIndic romanises a run of letters of one of the nine Indic
// blocks.
func translitIndic(run string, b *strings.Builder) {
	var buf [24]indicUnit
	us := buf[:0]
	block := rune(-1)
	double := false
	dravidian := false
	for _, r := range run {
		bl, off := r&^0x7F, r&0x7F
		if bl != block {
			// A run may mix blocks only by mistake: write what was read.
			if len(us) > 0 {
				writeIndic(us, block, b)
				us = us[:0]
			}
			block = bl
			dravidian = bl >= 0x0B80
		}
		v, ok := indicOverrides[r]
		if !ok {
			v = indicLetters[off]
		}
		last := len(us) - 1
		switch {
		case r >= 0x0D7A && r <= 0x0D7F:
			// A Malayalam chillu is a consonant without its vowel.
			us = append(us, indicUnit{cons: v, virama: false})
		case off >= 0x15 && off <= 0x39 || off >= 0x58 && off <= 0x5F || r == 0x0B71:
			us = append(us, indicUnit{cons: v, vowel: "a", inherent: true, double: double})
			double = false
		case off == indicNukta && last >= 0:
			us[last].cons = nuktaValue(us[last].cons)
		case off == indicVirama && last >= 0:
			us[last].vowel, us[last].inherent, us[last].virama = "", false, true
		case (off >= 0x3E && off <= 0x4C || off == 0x62 || off == 0x63) && last >= 0:
			us[last].vowel, us[last].inherent = v, false
		case off >= 0x04 && off <= 0x14 || off == 0x60 || off == 0x61:
			us = append(us, indicUnit{vowel: v})
		case bl == 0x0A00 && (off == gurmukhiIri || off == gurmukhiUra):
			// Vowel bearers: the vowel sign that follows is the vowel.
			us = append(us, indicUnit{vowel: "a"})
		case (off == indicAnusvara || off == indicCandrabindu || bl == 0x0A00 && off == gurmukhiTippi) && last >= 0:
			us[last].nasal = "n"
			if bl == 0x0D00 {
				us[last].nasal = "m" // Malayalam ം is m
			}
		case off == indicVisarga && last >= 0:
			us[last].nasal = "h"
		case bl == 0x0A00 && off == gurmukhiAddak:
			double = true
		case off == indicAvagraha || off >= 0x51 && off <= 0x57:
			// Stress and length marks write no sound of their own.
		default:
			if len(us) > 0 {
				writeIndic(us, block, b)
				us = us[:0]
			}
			b.WriteString(unidecodeRune(r))
		}
	}
	if n := len(us); n > 0 && us[n-1].nasal == "h" {
		// A visarga at the end of a word is Sanskrit's ending, which
		// names in the modern languages drop (ठाकुरः is ठाकुर, Thakur).
		us[n-1].nasal = ""
	}
	if !dravidian {
		deleteSchwas(us)
	}
	writeIndic(us, block, b)
}

// nuktaValue returns the sound a nukta makes of a consonant: क़ is q, ज़
// z, फ़ f, ड़ r.
func nuktaValue(cons string) string {
	switch cons {
	case "k":
		return "q"
	case "j":
		return "z"
	case "ph":
		return "f"
	case "d":
		return "r"
	case "dh":
		return "rh"
	case "g":
		return "gh"
	case "y":
		return "y"
	}
	return cons
}

// deleteSchwas drops the inherent vowels that Indo-Aryan speech drops
// (Ohala's rule; see the top of this file).
func deleteSchwas(us []indicUnit) {
	n := len(us)
	if n < 2 {
		return
	}
	last := &us[n-1]
	if last.inherent && last.cons != "" && last.nasal == "" && !us[n-2].virama {
		last.vowel, last.inherent = "", false
	}
	for i := n - 2; i >= 1; i-- {
		u, prev, next := &us[i], us[i-1], us[i+1]
		if !u.inherent || u.cons == "" || u.nasal != "" || u.double {
			continue
		}
		if prev.virama || prev.vowel == "" {
			continue // after a cluster, or a vowel already dropped
		}
		if next.cons == "" || next.vowel == "" {
			continue
		}
		u.vowel, u.inherent = "", false
	}
}

// writeIndic writes the units of one block, with the context rules that
// depend on neighbours: the nasal's place of articulation, and Tamil's
// voiced and voiceless readings of one letter.
func writeIndic(us []indicUnit, block rune, b *strings.Builder) {
	tamil := block == 0x0B80
	for i, u := range us {
		cons := u.cons
		if tamil && cons != "" {
			if u.virama && cons == "ch" && i+1 < len(us) && us[i+1].cons == "ch" {
				continue // ச்ச is written "ch" once (Pichai)
			}
			cons = tamilConsonant(us, i)
		}
		if u.double && cons != "" {
			b.WriteString(cons[:1])
		}
		b.WriteString(cons)
		if cons == "" && u.vowel == "i" && i+1 < len(us) && us[i+1].cons == "" {
			b.WriteByte('y') // ইউ, इउ before another vowel: Yunus
			continue
		}
		b.WriteString(u.vowel)
		if u.nasal != "" {
			b.WriteString(nasalBefore(u.nasal, us, i))
		}
	}
}

// nasalBefore returns how an anusvara sounds before the next consonant:
// m before p, b and m (संपत, Sampat), ng before h (सिंह, Singh), n
// elsewhere.
func nasalBefore(nasal string, us []indicUnit, i int) string {
	if nasal != "n" || i+1 >= len(us) {
		return nasal
	}
	switch next := us[i+1].cons; {
	case next == "":
	case next[0] == 'p' || next[0] == 'b' || next[0] == 'm':
		return "m"
	case next == "h":
		return "ng"
	}
	return nasal
}

// tamilConsonant returns the reading of a Tamil consonant in context:
// Tamil writes one letter for k and g, ch, s and j, t and d, p and b, and
// speech voices them between vowels and after a nasal (முருகன், Murugan;
// சிதம்பரம், Chidambaram). த is th as Tamil names write it (Karunanidhi,
// Jayalalithaa), d after a nasal.
func tamilConsonant(us []indicUnit, i int) string {
	u := us[i]
	afterVowel := i > 0 && us[i-1].vowel != "" && us[i-1].nasal == ""
	afterNasal := i > 0 && us[i-1].virama && isNasalLetter(us[i-1].cons) || i > 0 && us[i-1].nasal != ""
	geminate := i > 0 && us[i-1].virama && us[i-1].cons == u.cons
	if geminate {
		return u.cons // a geminate stays voiceless (Chettiar)
	}
	switch u.cons {
	case "k":
		if afterVowel || afterNasal {
			return "g"
		}
	case "ch":
		switch {
		case afterNasal:
			return "j"
		case afterVowel:
			return "s"
		}
	case "t":
		if afterVowel || afterNasal {
			return "d"
		}
	case "th":
		if afterNasal {
			return "d"
		}
	case "p":
		if afterNasal {
			return "b"
		}
	}
	return u.cons
}

func isNasalLetter(c string) bool { return c == "n" || c == "m" }

// sinhala maps the Sinhala block (U+0D80–U+0DFF), whose layout is its
// own, to Latin, by the values of Sri Lankan names in Latin (Mahinda
// Rajapaksa, Ranil Wickremesinghe): ත is th, ව is v (w in many names,
// which the phonetic skeleton joins), and the prenasalised stops ඟ, ඬ, ඳ,
// ඹ are ng, nd, nd, mb. Every inherent vowel is spoken, and kept.
var sinhala = map[rune]string{
	0x0D85: "a", 0x0D86: "a", 0x0D87: "ae", 0x0D88: "ae", 0x0D89: "i", 0x0D8A: "i", 0x0D8B: "u", 0x0D8C: "u",
	0x0D8D: "ri", 0x0D8E: "ri", 0x0D8F: "li", 0x0D90: "li", 0x0D91: "e", 0x0D92: "e", 0x0D93: "ai", 0x0D94: "o",
	0x0D95: "o", 0x0D96: "au",
	0x0D9A: "k", 0x0D9B: "kh", 0x0D9C: "g", 0x0D9D: "gh", 0x0D9E: "n", 0x0D9F: "ng", 0x0DA0: "ch", 0x0DA1: "chh",
	0x0DA2: "j", 0x0DA3: "jh", 0x0DA4: "n", 0x0DA5: "gn", 0x0DA6: "nj", 0x0DA7: "t", 0x0DA8: "th", 0x0DA9: "d",
	0x0DAA: "dh", 0x0DAB: "n", 0x0DAC: "nd", 0x0DAD: "th", 0x0DAE: "th", 0x0DAF: "d", 0x0DB0: "dh", 0x0DB1: "n",
	0x0DB3: "nd", 0x0DB4: "p", 0x0DB5: "ph", 0x0DB6: "b", 0x0DB7: "bh", 0x0DB8: "m", 0x0DB9: "mb", 0x0DBA: "y",
	0x0DBB: "r", 0x0DBD: "l", 0x0DC0: "v", 0x0DC1: "sh", 0x0DC2: "sh", 0x0DC3: "s", 0x0DC4: "h", 0x0DC5: "l",
	0x0DC6: "f",
}

// sinhalaSigns are the Sinhala vowel signs.
var sinhalaSigns = map[rune]string{
	0x0DCF: "a", 0x0DD0: "ae", 0x0DD1: "ae", 0x0DD2: "i", 0x0DD3: "i", 0x0DD4: "u", 0x0DD6: "u", 0x0DD8: "ru",
	0x0DD9: "e", 0x0DDA: "e", 0x0DDB: "ai", 0x0DDC: "o", 0x0DDD: "o", 0x0DDE: "au", 0x0DDF: "lu", 0x0DF2: "ru",
	0x0DF3: "lu",
}

// translitSinhala romanises a run of Sinhala letters.
func translitSinhala(run string, b *strings.Builder) {
	var buf [24]indicUnit
	us := buf[:0]
	for _, r := range run {
		last := len(us) - 1
		if s, ok := sinhalaSigns[r]; ok && last >= 0 {
			us[last].vowel, us[last].inherent = s, false
			continue
		}
		switch {
		case r == 0x0DCA && last >= 0: // al-lakuna, the virama
			us[last].vowel, us[last].inherent, us[last].virama = "", false, true
		case r == 0x0D82 && last >= 0: // anusvara: ng in Sinhala (Singha)
			us[last].nasal = "ng"
		case r == 0x0D83 && last >= 0:
			us[last].nasal = "h"
		case r >= 0x0D85 && r <= 0x0D96:
			us = append(us, indicUnit{vowel: sinhala[r]})
		default:
			if s, ok := sinhala[r]; ok {
				us = append(us, indicUnit{cons: s, vowel: "a", inherent: true})
				continue
			}
			writeIndic(us, 0x0D80, b)
			us = us[:0]
			b.WriteString(unidecodeRune(r))
		}
	}
	writeIndic(us, 0x0D80, b)
}
