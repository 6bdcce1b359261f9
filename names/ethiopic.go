package names

import (
	"strings"
	"unicode/utf8"
)

// Ethiopic (Amharic, Tigrinya) writes syllables: each row of eight in the
// Unicode block is one consonant with the vowels of the seven orders and
// a labialised eighth. go-unidecode writes the sixth order, which is a
// bare consonant or a faint ɨ, as "e" (ቭላዲሚር ፑቲን gave "velaadimire
// putine"), and the fourth as "aa". Latin spellings of Ethiopian names
// (Abiy Ahmed, Meles Zenawi, Isaias Afwerki) write the first order as e,
// the fourth as a and the sixth as nothing, as veto does here; the first
// order of the glottal and pharyngeal rows (አ, ዐ) is a; a sixth order
// between two consonants is i (Eskinder). Source: the
// Unicode Ethiopic chart, with the BGN/PCGN 1967 Amharic values.
var ethiopicRows = [...]string{
	"h", "l", "h", "m", "s", "r", "s", "sh", // U+1200
	"q", "qw", "qh", "qhw", "b", "v", "t", "ch", // U+1240
	"h", "hw", "n", "ny", "", "k", "kw", "kh", // U+1280
	"khw", "w", "", "z", "zh", "y", "d", "d", // U+12C0
	"j", "g", "gw", "ng", "t", "ch", "p", "ts", // U+1300
	"ts", "f", "p", "", // U+1340
}

// ethiopicOrders are the vowels of the eight orders.
var ethiopicOrders = [8]string{"e", "u", "i", "a", "e", "", "o", "wa"}

// ethiopicLabialOrders are the vowels of the labialised rows (ቈ, ኈ, ኰ,
// ዀ, ጐ), whose order places differ.
var ethiopicLabialOrders = [8]string{"e", "", "i", "a", "e", "", "", ""}

// translitEthiopic romanises a run of Ethiopic syllables.
func translitEthiopic(run string, b *strings.Builder) {
	first := true
	prevBare := false // the syllable before was a bare consonant (sixth order)
	for i, r := range run {
		off := int(r - 0x1200)
		if off < 0 || off/8 >= len(ethiopicRows) || r >= 0x1358 {
			b.WriteString(unidecodeRune(r))
			first = false
			continue
		}
		row, order := off/8, off%8
		cons := ethiopicRows[row]
		vowels := &ethiopicOrders
		if strings.HasSuffix(cons, "w") && cons != "w" {
			vowels = &ethiopicLabialOrders
		}
		v := vowels[order]
		if cons == "" && order == 0 {
			v = "a" // አ, ዐ: a glottal or pharyngeal onset before ä
		}
		bare := order == 5 && vowels == &ethiopicOrders
		switch {
		case bare && cons == "" && first:
			v = "i" // እ: a word-initial ɨ is written (Eritrea, Ibrahim)
			bare = false
		case bare && prevBare && i+utf8.RuneLen(r) < len(run):
			// Between two consonants the sixth order is spoken ɨ, and
			// written i (እስክንድር, Eskinder): two bare consonants in a row
			// are at most a syllable's end and the next one's start.
			v = "i"
			bare = false
		}
		b.WriteString(cons)
		b.WriteString(v)
		first = false
		prevBare = bare
	}
}
