package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vetoscreen/veto/entity"
)

// A spellRule rewrites letters of a lower-case romanised word: from, as
// the lists write it in English, to, as a national text writes it.
type spellRule struct {
	from, to string
	at       ruleAt
}

type ruleAt uint8

const (
	anywhere    ruleAt = iota
	beforeVowel        // from is followed by a vowel: y in Yuri, Maya
	atEnd              // from ends the word: -iy, -ey
)

// A nationalSpelling is how the press and registers of one country write
// romanised Russian, Ukrainian and Belarusian names (slavic) or Arabic and
// Persian ones (arabic): its letters for sounds English writes sh, ch,
// zh, kh, and, in Latvian and Lithuanian, the endings a man's name takes.
// Sources, from knowledge: Wikipedia, "Romanization of Russian" (its
// German Duden, Polish, Czech, Hungarian, Latvian and Lithuanian
// columns) and the Dutch and German transcriptions of Arabic names
// (Joesoef, Dschamal).
type nationalSpelling struct {
	lang           string
	slavic, arabic bool
	rules          []spellRule
	// ending gives a man's name its nominative ending (Latvian Sergejs,
	// Lithuanian Lavrovas).
	ending func(string) string
}

// Rules shared by the languages that write Russian ей, ий, ай at the end
// of a word with j: Sergej, Dmitrij, Nikolaj.
var endingsJ = []spellRule{
	{"ei", "ej", atEnd}, {"ey", "ej", atEnd}, {"iy", "ij", atEnd}, {"yy", "ij", atEnd}, {"ii", "ij", atEnd},
	{"ay", "aj", atEnd}, {"ai", "aj", atEnd}, {"oy", "oj", atEnd},
}

func rules(groups ...[]spellRule) []spellRule {
	var out []spellRule
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

var nationalSpellings = []nationalSpelling{
	{lang: "de", slavic: true, rules: []spellRule{
		{"ei", "ej", atEnd}, {"ey", "ej", atEnd}, {"iy", "i", atEnd}, {"yy", "y", atEnd}, {"ii", "i", atEnd},
		{"ay", "ai", atEnd}, {"oy", "oi", atEnd}, {"y", "i", atEnd},
		{"shch", "schtsch", anywhere}, {"sh", "sch", anywhere}, {"zh", "sch", anywhere}, {"ch", "tsch", anywhere},
		{"kh", "ch", anywhere}, {"ts", "z", anywhere}, {"z", "s", anywhere}, {"v", "w", anywhere}, {"y", "j", beforeVowel},
	}},
	{lang: "de", arabic: true, rules: []spellRule{
		{"sh", "sch", anywhere}, {"kh", "ch", anywhere}, {"dj", "dsch", anywhere}, {"j", "dsch", anywhere}, {"y", "j", beforeVowel},
	}},
	{lang: "nl", slavic: true, rules: rules(endingsJ, []spellRule{
		{"shch", "sjtsj", anywhere}, {"sh", "sj", anywhere}, {"zh", "zj", anywhere}, {"ch", "tsj", anywhere},
		{"kh", "ch", anywhere}, {"y", "j", beforeVowel}, {"ou", "oe", anywhere}, {"u", "oe", anywhere},
	})},
	{lang: "nl", arabic: true, rules: []spellRule{
		{"sh", "sj", anywhere}, {"kh", "ch", anywhere}, {"j", "dj", anywhere}, {"y", "j", beforeVowel},
		{"ou", "oe", anywhere}, {"oo", "oe", anywhere}, {"u", "oe", anywhere},
	}},
	{lang: "pl", slavic: true, rules: rules(endingsJ, []spellRule{
		{"shch", "szcz", anywhere}, {"sh", "sz", anywhere}, {"zh", "ż", anywhere}, {"ch", "cz", anywhere},
		{"kh", "ch", anywhere}, {"ts", "c", anywhere}, {"v", "w", anywhere}, {"y", "j", beforeVowel},
	})},
	{lang: "pl", arabic: true, rules: []spellRule{
		{"sh", "sz", anywhere}, {"kh", "ch", anywhere}, {"dj", "dż", anywhere}, {"j", "dż", anywhere}, {"y", "j", beforeVowel},
	}},
	{lang: "cs", slavic: true, rules: rules(endingsJ, []spellRule{
		{"shch", "šč", anywhere}, {"sh", "š", anywhere}, {"zh", "ž", anywhere}, {"ch", "č", anywhere},
		{"kh", "ch", anywhere}, {"ts", "c", anywhere}, {"y", "j", beforeVowel},
	})},
	{lang: "hu", slavic: true, rules: rules(endingsJ, []spellRule{
		{"shch", "scs", anywhere}, {"sh", "s", anywhere}, {"zh", "zs", anywhere}, {"ch", "cs", anywhere},
		{"kh", "h", anywhere}, {"ts", "c", anywhere}, {"s", "sz", anywhere}, {"y", "j", beforeVowel},
	})},
	{lang: "lv", slavic: true, rules: rules(endingsJ, []spellRule{
		{"shch", "šč", anywhere}, {"sh", "š", anywhere}, {"zh", "ž", anywhere}, {"ch", "č", anywhere},
		{"kh", "h", anywhere}, {"ts", "c", anywhere}, {"y", "j", beforeVowel},
	}), ending: latvianEnding},
	{lang: "lt", slavic: true, rules: rules(endingsJ, []spellRule{
		{"shch", "šč", anywhere}, {"sh", "š", anywhere}, {"zh", "ž", anywhere}, {"ch", "č", anywhere},
		{"kh", "ch", anywhere}, {"ts", "c", anywhere}, {"y", "j", beforeVowel},
	}), ending: lithuanianEnding},
}

// latvianEnding gives a man's name ending in a consonant the nominative
// -s: Sergejs, Lavrovs, Viktorovičs.
func latvianEnding(w string) string {
	r, _ := utf8.DecodeLastRuneInString(w)
	if strings.ContainsRune("aeiouys", r) {
		return w
	}
	return w + "s"
}

// lithuanianEnding gives a man's name ending in a consonant -as
// (Lavrovas, Putinas), -jus after j (Sergejus, Dmitrijus) and -ius after
// č (Viktorovičius).
func lithuanianEnding(w string) string {
	r, _ := utf8.DecodeLastRuneInString(w)
	switch {
	case strings.ContainsRune("aeiouys", r):
		return w
	case r == 'j':
		return w + "us"
	case r == 'č':
		return w + "ius"
	}
	return w + "as"
}

// respellWord applies the first rule that fits at each place of w.
func respellWord(w string, rs []spellRule) string {
	var b strings.Builder
	for i := 0; i < len(w); {
		matched := false
		for _, r := range rs {
			if !strings.HasPrefix(w[i:], r.from) {
				continue
			}
			end := i + len(r.from)
			if r.at == beforeVowel && (end >= len(w) || !isVowel(w[end])) || r.at == atEnd && end != len(w) {
				continue
			}
			b.WriteString(r.to)
			i, matched = end, true
			break
		}
		if !matched {
			_, size := utf8.DecodeRuneInString(w[i:])
			b.WriteString(w[i : i+size])
			i += size
		}
	}
	return b.String()
}

// national writes a person's romanised Russian or Arabic name as a German,
// Dutch, Polish, Czech, Hungarian, Latvian or Lithuanian text would
// (Sergei Viktorovich LAVROV: Sergej Viktorovič Lavrov, Sergejs Lavrovs;
// Yusuf: Joesoef), in one language drawn at random among those whose
// rules change the name. Only men's names take the Baltic endings.
func national(g *generator, e *entity.Entity, src string) string {
	slavic, arabic := fromSlavicWorld(e, src), fromArabicWorld(e, src)
	if !slavic && !arabic {
		return ""
	}
	var langs []nationalSpelling
	for _, s := range nationalSpellings {
		if slavic && s.slavic || arabic && !slavic && s.arabic {
			langs = append(langs, s)
		}
	}
	in := strings.ToLower(firstLast(src))
	w := words(in)
	male := e.Gender == "male" || e.Gender == "" && !strings.HasSuffix(w[0], "a")
	start := g.r.IntN(len(langs))
	for k := range langs {
		s := langs[(start+k)%len(langs)]
		out := make([]string, len(w))
		for i, x := range w {
			if nasabLink[x] || x == "al" || x == "el" {
				out[i] = x
				continue
			}
			out[i] = respellWord(x, s.rules)
			if s.ending != nil && male && onlyLetters(out[i]) {
				out[i] = s.ending(out[i])
			}
		}
		if r := capitalWords(strings.Join(out, " ")); !strings.EqualFold(r, in) {
			return r
		}
	}
	return ""
}

// capitalWords capitalises each letter that begins a word or follows a
// hyphen, or an apostrophe that begins a word: ‘Abd Al-Rahman, Jum'ah.
func capitalWords(s string) string {
	var b strings.Builder
	up, start := true, true
	for _, r := range s {
		if up && unicode.IsLetter(r) {
			r = unicode.ToUpper(r)
		}
		switch {
		case r == ' ' || r == '-':
			up, start = true, true
		case start && (r == '\'' || r == '‘' || r == '’'):
			up = true // ‘Abd
		default:
			up, start = false, false
		}
		b.WriteRune(r)
	}
	return b.String()
}
