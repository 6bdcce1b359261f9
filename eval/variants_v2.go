package eval

import (
	"slices"
	"strconv"
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

// acronymStop are the words an acronym leaves out.
var acronymStop = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "at": true,
	"to": true, "und": true, "et": true, "y": true, "e": true, "ve": true, "&": true}

// acronym writes an organisation of three to six significant words by
// their initials (Islamic Republic of Iran Shipping Lines: IRISL), leaving
// out particles, small words, legal forms and qualifiers in parentheses;
// some with dots, some with the legal form after them. An organisation
// whose name holds an acronym or a number is left alone, and so is one
// whose initials the lists already give (as a name or a word of one) or
// share with another listed organisation: there the acronym names no
// one party.
func acronym(g *generator, e *entity.Entity, src string) string {
	letters, form := initials(src)
	if e.Schema == entity.LegalEntity && form == "" {
		return "" // a LegalEntity may be a person: Glenda Joyce Tucker
	}
	if letters == "" || g.isListed(letters) {
		return ""
	}
	if owners := g.acronymOwners()[letters]; len(owners) != 1 {
		return ""
	}
	out := letters
	if g.r.IntN(5) == 0 {
		out = strings.Join(strings.Split(letters, ""), ".") + "."
	}
	if form != "" && g.r.IntN(3) == 0 {
		out += " " + form
	}
	return out
}

// initials returns the initials of a name's significant words and its
// legal form as written, or "" when the name has fewer than three or more
// than six such words, or a word that is itself an acronym or a number.
func initials(name string) (letters, form string) {
	if strings.ContainsAny(name, "()-") {
		// A qualifier in parentheses often holds the acronym already
		// (Oil Turbocompressor Engineering Co. (OTEC)); a hyphenated
		// brand (Ferrite-Domen) is no two words of one.
		return "", ""
	}
	// Russian state enterprises' descriptors are their legal form, which
	// Analyze does not read as one: FSUE Atomflot is no FSUEA.
	for _, d := range stateForms {
		if len(name) > len(d) && strings.EqualFold(name[:len(d)], d) {
			name = name[len(d):]
			break
		}
	}
	comma := strings.IndexByte(name, ',')
	a := names.Analyze(name)
	var b strings.Builder
	n, formAt := 0, -1
	for _, t := range a.Tokens {
		raw := name[t.Start:t.End]
		switch {
		case t.Kind == names.LegalForm:
			if formAt < 0 {
				formAt = t.Start
			}
			form = strings.TrimSpace(name[formAt:t.End])
			continue
		case comma >= 0 && t.Start > comma:
			// After a comma, only a legal form: "Tactical Missiles
			// Corporation, Ravenstvo-service JSC" is two names.
			return "", ""
		case t.Kind == names.Title:
			return "", "" // a business named for a person: Haji Khairullah Haji Sattar Money Exchange
		case t.Kind == names.Particle || acronymStop[t.Form]:
			continue
		case t.Kind != names.Word || len(t.Form) < 2 || !isLatin(raw):
			return "", ""
		case len(raw) <= 4 && upperWord(raw) && !upperWord(name):
			return "", "" // an acronym in the name: VTB Bank
		}
		b.WriteByte(t.Form[0])
		n++
	}
	if n < 3 || n > 6 || !slices.ContainsFunc(a.Tokens, func(t names.Token) bool { return acronymWords[t.Form] }) {
		return "", ""
	}
	return strings.ToUpper(b.String()), form
}

// acronymWords are the English words of the names that go by acronyms:
// an organisation with none (Basaran Nakliyat ve Dis Ticaret, Xiang Cheng
// Gao Trading) is rarely written by its initials.
var acronymWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`bank banking corporation organization organisation institute committee agency
		force forces group industries industry center centre office ministry council party front army association
		foundation union authority service services team factory plant shipping lines systems engineering technology
		technologies research development national international investment investments company commission bureau
		directorate department administration movement brigade regiment division battalion guard guards corps
		network media society federation academy university enterprise enterprises holding holdings trust fund
		petroleum oil gas energy electronics aviation airlines aerospace chemical chemicals defense defence`) {
		acronymWords[w] = true
	}
}

// stateForms are the descriptors Russian state bodies' names begin with.
var stateForms = []string{"Federal State Unitary Enterprise", "Federal State Budgetary Institution", "Federal State Institution",
	"Federal State Budgetary Educational Institution", "State Unitary Enterprise", "Federal State Autonomous Institution"}

// acronymOwners maps the initials of every strong name of a listed
// organisation to the parties (by their group's first ID) that have them.
func (g *generator) acronymOwners() map[string][]string {
	if g.acronyms != nil {
		return g.acronyms
	}
	g.acronyms = map[string][]string{}
	for _, e := range g.ents {
		if !e.Schema.IsOrganization() {
			continue
		}
		for _, n := range e.Names {
			if n.Kind == entity.WeakAlias {
				continue
			}
			if l, _ := initials(n.Full); l != "" {
				party := g.group[e.ID][0]
				if !slices.Contains(g.acronyms[l], party) {
					g.acronyms[l] = append(g.acronyms[l], party)
				}
			}
		}
	}
	return g.acronyms
}
