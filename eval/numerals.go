package eval

import (
	"strconv"
	"strings"

	"github.com/vetoscreen/veto/entity"
)

// numeral writes a number in an organisation's name in English words
// (Mariupol 24: Mariupol Twenty-Four; the 33rd Light Infantry Division:
// the Thirty-Third Light Infantry Division; Investments II: Investments
// Two), or English number words in digits (First Ocean: 1st
// Ocean). Numbers of more than three digits, codes (TV6) and a lone I,
// which is also a letter, are left alone.
func numeral(g *generator, _ *entity.Entity, src string) string {
	w := words(strings.ReplaceAll(src, ",", ""))
	var at []int
	for i, x := range w {
		if _, ok := numberInWords(x); ok {
			at = append(at, i)
		} else if _, ok := numberInDigits(x); ok {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return ""
	}
	i := at[g.r.IntN(len(at))]
	if s, ok := numberInWords(w[i]); ok {
		if i > 0 && numberSign(w[i-1]) {
			// "No. 1" reads "Number One".
			w[i-1] = "Number"
		}
		w[i] = s
	} else {
		w[i], _ = numberInDigits(w[i])
	}
	if upperWord(strings.Join(words(src), "")) {
		return strings.ToUpper(strings.Join(w, " "))
	}
	return strings.Join(w, " ")
}

func numberSign(w string) bool {
	switch strings.ToLower(w) {
	case "no.", "no", "nr.", "nr", "#", "№":
		return true
	}
	return false
}

var (
	onesWords = []string{"", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven",
		"Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"}
	tensWords    = []string{"", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"}
	ordinalWords = map[string]string{"One": "First", "Two": "Second", "Three": "Third", "Five": "Fifth", "Eight": "Eighth",
		"Nine": "Ninth", "Twelve": "Twelfth"}
	// romanValues are the numerals numeral and otherNumber read: V and X
	// alone are initials as often (Andrey V Gromadskih).
	romanValues = map[string]int{"II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
		"XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20}
)

// spellNumber writes 1 to 999 in English words, as an ordinal if asked:
// 195 is One Hundred Ninety-Five, 24th Twenty-Fourth.
func spellNumber(n int, ordinal bool) string {
	var parts []string
	if n >= 100 {
		parts = append(parts, onesWords[n/100], "Hundred")
		n %= 100
	}
	switch {
	case n >= 20 && n%10 != 0:
		parts = append(parts, tensWords[n/10]+"-"+onesWords[n%10])
	case n >= 20:
		parts = append(parts, tensWords[n/10])
	case n > 0:
		parts = append(parts, onesWords[n])
	}
	if ordinal {
		last := parts[len(parts)-1]
		head, unit := "", last
		if i := strings.LastIndex(last, "-"); i >= 0 {
			head, unit = last[:i+1], last[i+1:]
		}
		switch {
		case ordinalWords[unit] != "":
			unit = ordinalWords[unit]
		case strings.HasSuffix(unit, "y"):
			unit = strings.TrimSuffix(unit, "y") + "ieth"
		default:
			unit += "th"
		}
		parts[len(parts)-1] = head + unit
	}
	return strings.Join(parts, " ")
}

// maxSpelled is the largest number numeral writes in words: people write
// "Twenty-Fourth Brigade", not "Seven Hundred Fourteenth Research
// Institute".
const maxSpelled = 99

// numberInWords spells a word that is a number (195, 24th, II) in English
// words.
func numberInWords(w string) (string, bool) {
	if v, ok := romanValues[w]; ok {
		return spellNumber(v, false), true
	}
	digits, suffix := w, ""
	for _, s := range []string{"st", "nd", "rd", "th", "ST", "ND", "RD", "TH"} {
		if d, ok := strings.CutSuffix(w, s); ok {
			digits, suffix = d, s
			break
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || n > maxSpelled || digits[0] == '0' || strings.ContainsAny(digits, "+-") {
		return "", false
	}
	return spellNumber(n, suffix != ""), true
}

// numberInDigits writes an English number word of one word (Two,
// First, Twenty-Fourth) in digits (2, 1st, 24th).
func numberInDigits(w string) (string, bool) {
	d, ok := numberWords[strings.ToLower(w)]
	return d, ok
}

// numberWords maps English number words of 1 to 99, lower case, to
// digits: "twenty-second" to 22nd.
var numberWords = func() map[string]string {
	out := map[string]string{}
	for n := 1; n <= 99; n++ {
		out[strings.ToLower(spellNumber(n, false))] = strconv.Itoa(n)
		out[strings.ToLower(spellNumber(n, true))] = strconv.Itoa(n) + ordinalSuffix(n)
	}
	return out
}()

func ordinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}
