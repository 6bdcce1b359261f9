package eval

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// A variant turns a listed name into a form a bank might receive. It
// returns "" when it does not apply to the name.
type variant struct {
	kind string
	// persons, orgs say which schemata it applies to.
	persons, orgs bool
	make          func(r *rand.Rand, name string) string
}

var variants = []variant{
	{"exact", true, true, func(_ *rand.Rand, n string) string { return n }},
	{"reorder", true, false, reorder},
	{"case-punct", true, true, casePunct},
	{"drop-middle", true, false, dropMiddle},
	{"translit", true, false, respell},
	{"cyrillic", true, false, func(_ *rand.Rand, n string) string { return toCyrillic(firstLast(n)) }},
	{"arabic", true, false, func(_ *rand.Rand, n string) string { return toArabic(firstLast(n)) }},
	{"typo1", true, true, func(r *rand.Rand, n string) string { return typo(r, n, 1, 6) }},
	{"typo2", true, true, func(r *rand.Rand, n string) string { return typo(r, n, 2, 10) }},
	{"initial", true, false, initial},
	{"joined", true, true, joined},
	{"particle", true, true, particle},
	{"legal-form", false, true, legalForm},
}

// words splits a name on spaces and commas, keeping hyphenated words.
func words(n string) []string {
	return strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == ',' })
}

// firstLast writes "LAST, First Middle" as "First Middle Last".
func firstLast(n string) string {
	last, rest, ok := strings.Cut(n, ",")
	if !ok {
		return n
	}
	return strings.TrimSpace(strings.TrimSpace(rest) + " " + strings.TrimSpace(last))
}

// reorder writes "LAST, First" as "First Last", and "First Middle Last"
// as "Last First Middle": the surname moves, the given names keep their
// order. Swapping the first word and the last ("Last Middle First") is no
// way of writing a name: in an Arabic or Korean one it names another
// person ("Nafi Muhammad" is Nafi, son of Muhammad).
func reorder(r *rand.Rand, n string) string {
	if strings.Contains(n, ",") {
		return firstLast(n)
	}
	w := words(n)
	if len(w) < 2 {
		return ""
	}
	return strings.Join(append([]string{w[len(w)-1]}, w[:len(w)-1]...), " ")
}

func casePunct(r *rand.Rand, n string) string {
	s := strings.NewReplacer(",", "", ".", "", "-", " ", "'", "").Replace(firstLast(n))
	if r.IntN(2) == 0 {
		return strings.ToLower(s)
	}
	return strings.ToUpper(s)
}

func dropMiddle(r *rand.Rand, n string) string {
	w := words(firstLast(n))
	if len(w) < 3 {
		return ""
	}
	i := 1 + r.IntN(len(w)-2)
	return strings.Join(slices.Delete(w, i, i+1), " ")
}

// respellings are the ways transliteration systems differ, as (from, to)
// pairs applied to lower-case text.
var respellings = [][2]string{
	{"ei", "ey"}, {"ey", "ei"}, {"iy", "y"}, {"ii", "iy"}, {"kh", "h"}, {"ya", "ia"}, {"yu", "iu"}, {"iu", "yu"},
	{"sh", "sch"}, {"ch", "tch"}, {"ts", "tz"}, {"ks", "x"}, {"x", "ks"}, {"ph", "f"}, {"ou", "u"}, {"oo", "u"},
	{"ss", "s"}, {"dd", "d"}, {"mm", "m"}, {"ll", "l"}, {"mohammed", "muhammad"}, {"muhammad", "mohamed"},
	{"mohammad", "mohamed"}, {"yev", "ev"}, {"iev", "yev"}, {"j", "dj"}, {"q", "k"}, {"w", "v"}, {"v", "w"},
	{"ie", "ye"}, {"yo", "io"}, {"aa", "a"}, {"ee", "i"}, {"oo", "ou"}, {"ck", "k"}, {"c", "k"},
}

func respell(r *rand.Rand, n string) string {
	s := strings.ToLower(firstLast(n))
	var applicable [][2]string
	for _, p := range respellings {
		if strings.Contains(s, p[0]) {
			applicable = append(applicable, p)
		}
	}
	if len(applicable) == 0 {
		return ""
	}
	p := applicable[r.IntN(len(applicable))]
	i := strings.Index(s, p[0])
	return titleCase(s[:i] + p[1] + s[i+len(p[0]):])
}

// typo makes edits typing errors in one word of at least minLen letters.
func typo(r *rand.Rand, n string, edits, minLen int) string {
	w := words(firstLast(n))
	var long []int
	for i, x := range w {
		if len([]rune(x)) >= minLen && isLatin(x) && !strings.ContainsAny(x, "0123456789-") {
			long = append(long, i)
		}
	}
	if len(long) == 0 {
		return ""
	}
	i := long[r.IntN(len(long))]
	rs := []rune(w[i])
	for e := 0; e < edits; e++ {
		p := 1 + r.IntN(len(rs)-2) // keep the first letter, as most typos do
		switch r.IntN(4) {
		case 0: // substitution
			rs[p] = rune('a' + r.IntN(26))
		case 1: // deletion
			rs = slices.Delete(rs, p, p+1)
		case 2: // insertion
			rs = slices.Insert(rs, p, rune('a'+r.IntN(26)))
		default: // transposition
			if p+1 < len(rs) {
				rs[p], rs[p+1] = rs[p+1], rs[p]
			}
		}
	}
	w[i] = string(rs)
	return strings.Join(w, " ")
}

func initial(r *rand.Rand, n string) string {
	w := words(firstLast(n))
	if len(w) < 2 || !isLatin(w[0]) {
		return ""
	}
	first := []rune(w[0])
	w[0] = string(unicode.ToUpper(first[0])) + "."
	return strings.Join(w, " ")
}

// joined joins a hyphenated or particle-led pair, or splits a long word.
func joined(r *rand.Rand, n string) string {
	s := firstLast(n)
	if strings.Contains(s, "-") {
		parts := strings.SplitN(s, "-", 2)
		return parts[0] + titleWord(strings.ToLower(parts[1]))
	}
	w := words(s)
	for i := 0; i+1 < len(w); i++ {
		if l := strings.ToLower(w[i]); l == "al" || l == "el" || l == "bin" || l == "abu" || l == "abd" {
			w[i] = w[i] + titleWord(strings.ToLower(w[i+1]))
			return strings.Join(slices.Delete(w, i+1, i+2), " ")
		}
	}
	return ""
}

// particle drops the Arabic article: "AL-KA'BI" becomes "KA'BI", "al
// Iraqi" becomes "Iraqi".
func particle(r *rand.Rand, n string) string {
	w := words(firstLast(n))
	for i, x := range w {
		low := strings.ToLower(x)
		switch {
		case (low == "al" || low == "el") && i+1 < len(w):
			return strings.Join(slices.Delete(w, i, i+1), " ")
		case (strings.HasPrefix(low, "al-") || strings.HasPrefix(low, "el-")) && len(x) > 3:
			w[i] = x[3:]
			return strings.Join(w, " ")
		}
	}
	return ""
}

// legalForms are interchangeable spellings of legal forms.
var legalForms = [][]string{
	{"LLC", "OOO", "Limited Liability Company", "L.L.C."},
	{"JSC", "AO", "Joint Stock Company", "OJSC", "PJSC", "ZAO", "OAO"},
	{"LTD", "Limited", "Ltd."},
	{"CO", "Company", "Co."},
	{"INC", "Incorporated", "Corp", "Corporation"},
	{"GMBH", "Gesellschaft mit beschraenkter Haftung"},
	{"AG", "Aktiengesellschaft"},
	{"SA", "S.A.", "Societe Anonyme"},
}

func legalForm(r *rand.Rand, n string) string {
	w := words(n)
	for i := len(w) - 1; i >= 0; i-- {
		key := strings.ToUpper(strings.Trim(w[i], ".,"))
		for _, g := range legalForms {
			for _, f := range g {
				if strings.ToUpper(strings.ReplaceAll(f, ".", "")) == strings.ReplaceAll(key, ".", "") && !strings.Contains(f, " ") {
					if r.IntN(3) == 0 {
						return strings.Join(slices.Delete(slices.Clone(w), i, i+1), " ")
					}
					alt := g[r.IntN(len(g))]
					out := slices.Clone(w)
					out[i] = alt
					return strings.Join(out, " ")
				}
			}
		}
	}
	return ""
}

func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

func titleCase(s string) string {
	w := strings.Fields(s)
	for i := range w {
		w[i] = titleWord(w[i])
	}
	return strings.Join(w, " ")
}

func titleWord(w string) string {
	for i, r := range w {
		return string(unicode.ToUpper(r)) + w[i+len(string(r)):]
	}
	return w
}
