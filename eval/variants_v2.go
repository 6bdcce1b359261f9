package eval

import (
	"slices"
	"strings"
	"unicode"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/names"
)

// An entVariant is a variant that needs more than the name: the entity's
// countries, gender and names in other scripts, or what the lists hold
// (an acronym another listed name already gives is no variant). It
// returns "" when it does not apply.
type entVariant struct {
	kind          string
	persons, orgs bool
	make          func(g *generator, e *entity.Entity, name string) string
}

// variantsV2 are the kinds for the matcher's second version: parts of a
// name left out, titles, glued and mangled words, numbers in words,
// acronyms, national spellings and nicknames.
var variantsV2 = []entVariant{
	{"partial", true, false, partial},
	{"title", true, false, title},
	{"glued", true, true, glued},
	{"leet", true, true, leet},
	{"numeral", false, true, numeral},
	{"acronym", false, true, acronym},
	{"national", true, false, national},
	{"nickname", true, false, nickname},
}

// positivesV2 makes per cases of each kind of variantsV2, from entities in
// an order drawn from the seed.
func (g *generator) positivesV2(per int) []Case {
	var out []Case
	for _, v := range variantsV2 {
		made := 0
		for _, i := range g.r.Perm(len(g.ents)) {
			if made >= per {
				break
			}
			e := g.ents[i]
			if !(e.Schema == entity.Person && v.persons || e.Schema.IsOrganization() && v.orgs) {
				continue
			}
			src := g.source(e)
			if src == "" {
				continue
			}
			q := v.make(g, e, src)
			if q == "" || q == src || len(names.Analyze(q).Tokens) == 0 {
				continue
			}
			out = append(out, Case{Query: g.query(e, q), Expect: g.group[e.ID], Kind: v.kind, Split: split(e.ID), Source: src})
			made++
		}
	}
	return out
}

// source is sourceName, computed once for each entity.
func (g *generator) source(e *entity.Entity) string {
	if s, ok := g.sources[e]; ok {
		return s
	}
	s := sourceName(e)
	g.sources[e] = s
	return s
}

// nameParts splits a person's listed name into given names and surname
// where the way it is written tells them apart: the surname before a
// comma ("LAVROV, Sergei Viktorovich") or in capitals after words in
// mixed case ("Rafael Darío RAMÍREZ CARREÑO").
func nameParts(src string) (given, family []string, ok bool) {
	if last, rest, found := strings.Cut(src, ","); found {
		given, family = words(rest), words(last)
		return given, family, len(given) > 0 && len(family) > 0
	}
	w := words(src)
	i := len(w)
	for i > 0 && upperWord(w[i-1]) {
		i--
	}
	if i == 0 || i == len(w) {
		return nil, nil, false
	}
	return w[:i], w[i:], true
}

// upperWord reports whether a word of two or more letters is in capitals.
func upperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// fromSlavicWorld and fromArabicWorld say whether a person's name is
// romanised from Cyrillic or from Arabic script: by the person's country,
// or, for a person the lists give none, by the name's look (-ovich,
// al-). Stricter than applies, whose look alone takes Celestin for a
// Russian.
func fromSlavicWorld(e *entity.Entity, src string) bool {
	return fromCountries(e, sovietCountries...) || country(e) == "" && slavicLook(src) && !arabicParticle(src)
}

func fromArabicWorld(e *entity.Entity, src string) bool {
	return fromCountries(e, arabicCountries...) || country(e) == "" && arabicParticle(src)
}

// slavicLook reports whether a word of the name has an ending of Russian
// surnames and patronymics that names of other languages rarely have
// (not -in, -ko: Hussein, Celestin, Kinjiko).
func slavicLook(n string) bool {
	for _, w := range words(strings.ToLower(n)) {
		for _, s := range []string{"ov", "ev", "ova", "eva", "sky", "skiy", "skaya", "enko", "vich", "vna"} {
			if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
				return true
			}
		}
	}
	return false
}

// spanishCountries write two surnames, the father's first.
var spanishCountries = []string{"es", "mx", "co", "ve", "ar", "cu", "ni", "pe", "ec", "bo", "cl", "py", "uy", "gt", "hn", "sv", "pa", "cr", "do"}

func isPatronymic(w string) bool {
	t := names.Analyze(w).Tokens
	return len(t) == 1 && t[0].Kind == names.Patronymic
}

// turkicPatronymic are the words that follow a father's name to make a
// patronymic in Azerbaijani and Central Asian names: "Ali oglu".
var turkicPatronymic = map[string]bool{"oglu": true, "ogly": true, "oğlu": true, "ugli": true, "kyzy": true, "qizi": true, "gizi": true, "kizi": true}

// compoundIsm are the words that begin a given name of two words in
// Arabic names: Abd al-Rahman, Abu Bakr.
var compoundIsm = map[string]bool{"abd": true, "abdul": true, "abdel": true, "abdol": true, "abdal": true, "abu": true, "abou": true, "abo": true}

// ism returns the given name an Arabic name begins with: one word, or two
// for a compound (Abdul Mohsen, Abd Al-Rahman, Sayf Allah), after any
// title.
func ism(given []string) []string {
	i := 0 // titles before it stay: Seyed Mohsen, Sheikh Ahmad
	for i+1 < len(given) && names.Analyze(given[i]).Tokens[0].Kind == names.Title {
		i++
	}
	if i+1 < len(given) {
		first, second := strings.ToLower(given[i]), strings.ToLower(given[i+1])
		if compoundIsm[first] || second == "allah" || second == "ullah" || second == "al-din" || second == "ud-din" ||
			second == "al" || strings.HasPrefix(second, "al-") || strings.HasPrefix(second, "el-") {
			return given[:i+2]
		}
	}
	return given[:i+1]
}

// nasabLink are the words of an Arabic chain that say "son of".
var nasabLink = map[string]bool{"bin": true, "ibn": true, "bint": true, "ben": true, "ould": true}

// partial writes the name a customer gives for a listed name of three or
// more parts: the given name and surname. Russian and other names with a
// patronymic lose it (Sergei Viktorovich LAVROV: Sergei Lavrov); an
// Arabic chain keeps the ism and the family name or nisba (Abd Al-Latif
// Bin Abdallah Salih Muhammad Al-Kawari: Abd Al-Latif Al-Kawari); a
// Spanish name keeps its first given name and the father's surname
// (Rafael Darío RAMÍREZ CARREÑO: Rafael RAMÍREZ). Names whose form does
// not tell the surname are left alone.
func partial(_ *generator, e *entity.Entity, src string) string {
	given, family, ok := nameParts(src)
	if !ok {
		// An Arabic name ending in a nisba: "... Al-Kawari", "... Al Thani".
		w := words(src)
		n := len(w)
		switch {
		case n >= 3 && hasArticle(w[n-1]):
			given, family = w[:n-1], w[n-1:]
		case n >= 4 && (strings.EqualFold(w[n-2], "al") || strings.EqualFold(w[n-2], "el")):
			given, family = w[:n-2], w[n-2:]
		default:
			return ""
		}
	}
	if len(given)+len(family) < 3 {
		return ""
	}
	var kept []string
	switch {
	case slices.ContainsFunc(given, isPatronymic) || slices.ContainsFunc(given, func(w string) bool { return turkicPatronymic[strings.ToLower(w)] }):
		for i := 0; i < len(given); i++ {
			if i+1 < len(given) && turkicPatronymic[strings.ToLower(given[i+1])] {
				i++
				continue
			}
			if !isPatronymic(given[i]) {
				kept = append(kept, given[i])
			}
		}
		if len(kept) == 0 || len(kept) == len(given) {
			return ""
		}
	case fromArabicWorld(e, src):
		kept = ism(given)
		if len(kept) == len(given) {
			return ""
		}
	case fromCountries(e, spanishCountries...) && len(family) >= 2:
		if names.Analyze(family[0]).Tokens[0].Kind != names.Word {
			return "" // de la Cruz: the surname begins with a particle
		}
		kept, family = given[:1], family[:1]
	default:
		return ""
	}
	return strings.Join(append(kept, family...), " ")
}

func hasArticle(w string) bool {
	l := strings.ToLower(w)
	return len(l) > 4 && (strings.HasPrefix(l, "al-") || strings.HasPrefix(l, "el-"))
}

// Titles put before names, a few from each language of names.titlePhrases,
// that the lists' people are called by.
var (
	titlesNeutral = []string{"President", "Minister", "General", "Dr.", "Colonel", "Governor", "Ambassador", "Director", "Deputy Minister", "His Excellency"}
	titlesMale    = []string{"Mr", "Mr."}
	titlesFemale  = []string{"Mrs", "Ms."}
	titlesArabic  = []string{"Sheikh", "Haji", "Dr.", "General", "Minister", "Colonel", "Brigadier General"}
	titlesAfghan  = []string{"Mullah", "Maulvi", "Mawlawi", "Haji", "Qari"}
	titlesSpanish = []string{"General", "Presidente", "Coronel", "Ministro", "Licenciado", "Señor", "Comandante"}
	titlesRussian = []string{"Президент", "Министр", "Генерал", "Генерал-майор", "Депутат", "Губернатор", "Полковник"}
	titlesArScr   = []string{"الشيخ", "اللواء", "الحاج", "الدكتور", "الوزير", "العميد"}
)

// title puts a title before the name: in English or the name's own
// language, and, for a third of the names listed also in Cyrillic or
// Arabic script, a title in that script before the name so written.
func title(g *generator, e *entity.Entity, src string) string {
	name := firstLast(src)
	pick := func(list []string) string { return list[g.r.IntN(len(list))] }
	switch {
	case fromSlavicWorld(e, src) && g.r.IntN(3) == 0:
		if n := scriptName(e, unicode.Cyrillic); n != "" {
			return pick(titlesRussian) + " " + firstLast(n)
		}
	case fromArabicWorld(e, src) && g.r.IntN(3) == 0:
		if n := scriptName(e, unicode.Arabic); n != "" {
			return pick(titlesArScr) + " " + firstLast(n)
		}
	}
	pool := titlesNeutral
	switch {
	case fromCountries(e, "af", "pk"):
		pool = append(slices.Clone(titlesAfghan), titlesArabic...)
	case fromArabicWorld(e, src):
		pool = titlesArabic
	case fromCountries(e, spanishCountries...):
		pool = titlesSpanish
	case e.Gender == "male":
		pool = append(slices.Clone(titlesNeutral), titlesMale...)
	case e.Gender == "female":
		pool = append(slices.Clone(titlesNeutral), titlesFemale...)
	}
	return pick(pool) + " " + name
}

// scriptName returns the entity's first strong name written in the script.
func scriptName(e *entity.Entity, script *unicode.RangeTable) string {
	for _, n := range e.Names {
		if n.Kind == entity.WeakAlias {
			continue
		}
		for _, r := range n.Full {
			if unicode.IsLetter(r) {
				if unicode.Is(script, r) {
					return n.Full
				}
				break
			}
		}
	}
	return ""
}

// glued runs two words together in camel case, as a form field without
// spaces receives them (SergeiLavrov, BankMelli), or, for a third of the
// names, splits a long word in two at a syllable (Khodor Kovsky).
func glued(g *generator, e *entity.Entity, src string) string {
	in := firstLast(src)
	if e.Schema != entity.Person {
		in = strings.ReplaceAll(src, ",", "")
	}
	w := words(in)
	plain := plainWords(in)
	if g.r.IntN(3) == 0 {
		var long []int
		for i, x := range w {
			if len([]rune(x)) >= 7 && onlyLetters(x) && plain[x] {
				long = append(long, i)
			}
		}
		if len(long) > 0 {
			i := long[g.r.IntN(len(long))]
			if a, b := splitWord(w[i]); a != "" {
				w[i] = a + " " + b
				return strings.Join(w, " ")
			}
		}
	}
	var pairs []int
	for i := 0; i+1 < len(w); i++ {
		if onlyLetters(w[i]) && onlyLetters(w[i+1]) && plain[w[i]] && plain[w[i+1]] &&
			!acronymStop[strings.ToLower(w[i])] && !acronymStop[strings.ToLower(w[i+1])] { // not SectOf
			pairs = append(pairs, i)
		}
	}
	if len(pairs) == 0 {
		return ""
	}
	i := pairs[g.r.IntN(len(pairs))]
	w[i] = titleWord(strings.ToLower(w[i])) + titleWord(strings.ToLower(w[i+1]))
	return strings.Join(slices.Delete(w, i+1, i+2), " ")
}

// plainWords returns the words that Analyze reads as name words in the
// name: not particles, titles or legal forms, which glued would make name
// words.
func plainWords(name string) map[string]bool {
	out := map[string]bool{}
	for _, t := range names.Analyze(name).Tokens {
		if t.Kind == names.Word || t.Kind == names.Patronymic {
			out[name[t.Start:t.End]] = true
		}
	}
	return out
}

// plainWord reports whether Analyze reads the word alone as a name word.
func plainWord(w string) bool {
	t := names.Analyze(w).Tokens
	return len(t) == 1 && (t[0].Kind == names.Word || t[0].Kind == names.Patronymic)
}

func onlyLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// splitWord splits a word at the syllable boundary nearest its middle: a
// vowel followed by a consonant that a vowel follows (Khodor·kovsky).
func splitWord(w string) (string, string) {
	rs := []rune(w)
	best := -1
	for p := 3; p <= len(rs)-3; p++ {
		if isVowelRune(rs[p-1]) && !isVowelRune(rs[p]) && isVowelRune(rs[p+1]) {
			if best < 0 || abs(p-len(rs)/2) < abs(best-len(rs)/2) {
				best = p
			}
		}
	}
	if best < 0 {
		return "", ""
	}
	second := string(rs[best:])
	if !upperWord(w) {
		second = titleWord(second)
	}
	return string(rs[:best]), second
}

func isVowelRune(r rune) bool { return strings.ContainsRune("aeiouyAEIOUY", r) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// leetDigits are the digits that pass for letters in mangled names.
var leetDigits = map[rune]rune{'o': '0', 'i': '1', 'e': '3', 'a': '4', 's': '5'}

// leet replaces one or two letters of words of four or more letters with
// the digits that look like them: 5ergey 5hoigu, R0sneft.
func leet(g *generator, e *entity.Entity, src string) string {
	in := firstLast(src)
	if e.Schema != entity.Person {
		in = strings.ReplaceAll(src, ",", "")
	}
	w := words(in)
	type spot struct{ word, at int }
	var spots []spot
	for i, x := range w {
		rs := []rune(x)
		if len(rs) < 4 || !onlyLetters(x) {
			continue
		}
		for j, r := range rs {
			if _, ok := leetDigits[unicode.ToLower(r)]; ok {
				spots = append(spots, spot{i, j})
			}
		}
	}
	if len(spots) == 0 {
		return ""
	}
	rs := make([][]rune, len(w))
	for i := range w {
		rs[i] = []rune(w[i])
	}
	// One or two digits; two in one word only in a word of eight or more
	// letters (Q14ng is past reading).
	n, done := 1+g.r.IntN(2), map[int]bool{}
	for _, k := range g.r.Perm(len(spots)) {
		s := spots[k]
		if n == 0 || done[s.word] && len(rs[s.word]) < 8 {
			continue
		}
		rs[s.word][s.at] = leetDigits[unicode.ToLower(rs[s.word][s.at])]
		done[s.word] = true
		n--
	}
	for i := range w {
		w[i] = string(rs[i])
	}
	return strings.Join(w, " ")
}
