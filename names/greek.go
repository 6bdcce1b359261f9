package names

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Greek is romanised after ELOT 743 (the Greek passport standard, ISO
// 843 type 2), which reads the digraphs that go-unidecode spells letter by
// letter: ου is u ("ou"), αι is e, ει and οι are i, αυ and ευ are av/ev
// before a voiced sound and af/ef before a voiceless one, μπ, ντ and γκ
// at the start of a word are b, d and g (Μπάιντεν, Biden), and γγ is ng.
// Inside a word ELOT writes μπ, ντ and γκ letter by letter (mp, nt, gk:
// Lampros); veto writes the sounds, mb, nd and ng, which are one edit
// from the passport spelling of a Greek name (Αντώνης, Antonis) and from
// the foreign name that Greek spells with ντ because its δ is a
// fricative (Βλαντίμιρ, Vladimir).
// An accent on the first vowel or a diaeresis on the second splits a
// digraph (Μπάιντεν is ba-i, not be).

// greekLetters maps the lower-case Greek letters to Latin.
var greekLetters = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th",
	'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p",
	'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps",
	'ω': "o", 'ϐ': "v", 'ϑ': "th", 'ϕ': "f", 'ϲ': "s",
}

// greekLetter is a Greek letter without its accent, and what it carried.
type greekLetter struct {
	base      rune
	accent    bool // tonos, or any polytonic accent
	diaeresis bool
}

// greekVoiceless are the letters before which αυ, ευ and ηυ are af, ef,
// if.
const greekVoiceless = "θκξπστφχψ"

// translitGreek romanises a run of lower-case Greek letters.
func translitGreek(run string, b *strings.Builder) {
	var buf [24]greekLetter
	ls := buf[:0]
	for _, r := range run {
		if r >= 0x0300 && r <= 0x036F {
			// A decomposed accent: mark the letter it follows.
			if n := len(ls); n > 0 {
				if r == 0x0308 {
					ls[n-1].diaeresis = true
				} else {
					ls[n-1].accent = true
				}
			}
			continue
		}
		if _, ok := greekLetters[r]; ok {
			ls = append(ls, greekLetter{base: r})
			continue
		}
		// Accented letters: decompose (rare letters; monotonic accents
		// are a handful, polytonic ones the rest of the block).
		d := norm.NFD.String(string(r))
		l := greekLetter{}
		for i, c := range d {
			if i == 0 {
				l.base = c
				continue
			}
			if c == 0x0308 {
				l.diaeresis = true
			} else {
				l.accent = true
			}
		}
		ls = append(ls, l)
	}
	for i := 0; i < len(ls); i++ {
		c := ls[i].base
		next, next2 := rune(0), rune(0)
		var nextL greekLetter
		if i+1 < len(ls) {
			nextL = ls[i+1]
			next = nextL.base
		}
		if i+2 < len(ls) {
			next2 = ls[i+2].base
		}
		// A vowel digraph is one when the first letter has no accent and
		// the second no diaeresis.
		digraph := !ls[i].accent && !nextL.diaeresis
		switch {
		case c == 'ο' && next == 'υ' && digraph:
			b.WriteString("ou")
			i++
			continue
		case c == 'α' && next == 'ι' && digraph:
			b.WriteString("e")
			i++
			continue
		case (c == 'ε' || c == 'ο' || c == 'υ') && next == 'ι' && digraph:
			b.WriteString("i")
			i++
			continue
		case (c == 'α' || c == 'ε' || c == 'η') && next == 'υ' && digraph:
			b.WriteString(greekLetters[c])
			if next2 == 0 || strings.ContainsRune(greekVoiceless, next2) {
				b.WriteByte('f')
			} else {
				b.WriteByte('v')
			}
			i++
			continue
		case c == 'μ' && next == 'π':
			switch {
			case i == 0:
				b.WriteByte('b')
			case i+2 == len(ls):
				b.WriteString("mp")
			default:
				b.WriteString("mb")
			}
			i++
			continue
		case c == 'ν' && next == 'τ':
			if i == 0 {
				b.WriteByte('d')
			} else {
				b.WriteString("nd")
			}
			i++
			continue
		case c == 'γ' && (next == 'κ' || next == 'γ'):
			if i == 0 {
				b.WriteByte('g')
			} else {
				b.WriteString("ng")
			}
			i++
			continue
		case c == 'γ' && (next == 'ξ' || next == 'χ'):
			b.WriteByte('n')
			continue
		}
		if s, ok := greekLetters[c]; ok {
			b.WriteString(s)
		} else {
			b.WriteString(unidecodeRune(c))
		}
	}
}
