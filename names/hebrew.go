package names

import "strings"

// Hebrew is an abjad like Arabic: short vowels are not written, so tokens
// from it are compared on their consonant skeleton (Token.Abjad), and
// the letters that also write vowels are read as veto reads Arabic: ו is
// v at the start of a word and doubled (וו), u elsewhere; י is y at the
// start and doubled (יי), i elsewhere; א is a. go-unidecode wrote ו as v
// and י as y everywhere (פוטין, Putin, gave "pvtyn", whose skeleton is
// not Putin's). ב, כ and פ are b, k and p at the start of a word and v,
// kh and f after a vowel, as names are written (Avraham, Mordechai,
// Yosef), unless a dagesh marks them hard. Sources: the Academy of the
// Hebrew Language's 2006 romanisation rules, simplified as passports do.
var hebrew = map[rune]string{
	'א': "a", 'ב': "v", 'ג': "g", 'ד': "d", 'ה': "h", 'ו': "u", 'ז': "z", 'ח': "kh", 'ט': "t",
	'י': "i", 'כ': "kh", 'ך': "kh", 'ל': "l", 'מ': "m", 'ם': "m", 'נ': "n", 'ן': "n", 'ס': "s",
	'ע': "", 'פ': "f", 'ף': "f", 'צ': "ts", 'ץ': "ts", 'ק': "k", 'ר': "r", 'ש': "sh", 'ת': "t",
	'װ': "v", 'ױ': "oi", 'ײ': "ei",
}

// hebrewHard are the letters that a dagesh, or the start of a word,
// makes stops.
var hebrewHard = map[rune]string{'ב': "b", 'כ': "k", 'פ': "p"}

const (
	dagesh  = '\u05BC'
	sinDot  = '\u05C2'
	shinDot = '\u05C1'
)

// translitHebrew romanises one Hebrew word; niqqud (vowel points) are
// dropped, except dagesh and the sin dot, which change a letter.
func translitHebrew(word string, b *strings.Builder) {
	rs := []rune(word)
	first := true
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r >= 0x0591 && r <= 0x05C7 {
			continue // points and cantillation, read with their letter
		}
		s, ok := hebrew[r]
		if !ok {
			b.WriteString(unidecodeRune(r))
			first = false
			continue
		}
		// The points that follow the letter.
		hard, sin := false, false
		for j := i + 1; j < len(rs) && rs[j] >= 0x0591 && rs[j] <= 0x05C7; j++ {
			hard = hard || rs[j] == dagesh
			sin = sin || rs[j] == sinDot
		}
		next := nextHebrewLetter(rs, i)
		switch {
		case first && r == 'ע':
			// A word-initial ayin carries a vowel (Amos, Ezra).
			s = "a"
		case (r == 'ו' || r == 'י') && next == r:
			// A doubled vav or yod is the consonant.
			if r == 'ו' {
				s = "v"
			} else {
				s = "y"
			}
			i = skipHebrewLetter(rs, i)
		case r == 'ו' && first:
			s = "v"
		case r == 'י' && first:
			s = "y"
		case r == 'ש' && sin:
			s = "s"
		case r == 'ה' && next == 0 && !first:
			// A final he writes a vowel (Sara, Moshe).
			s = "a"
		}
		if h, ok := hebrewHard[r]; ok && (first || hard) {
			s = h
		}
		b.WriteString(s)
		first = false
	}
}

// nextHebrewLetter returns the letter after rs[i], skipping points, or 0.
func nextHebrewLetter(rs []rune, i int) rune {
	for j := i + 1; j < len(rs); j++ {
		if rs[j] < 0x0591 || rs[j] > 0x05C7 {
			return rs[j]
		}
	}
	return 0
}

// skipHebrewLetter returns the index of the letter after rs[i], less one,
// so that a loop's increment lands after it.
func skipHebrewLetter(rs []rune, i int) int {
	for j := i + 1; j < len(rs); j++ {
		if rs[j] < 0x0591 || rs[j] > 0x05C7 {
			return j
		}
	}
	return i
}
