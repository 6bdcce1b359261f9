package ca

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// alias is one name read from the Aliases text.
type alias struct {
	Full string
	// Lang is the ISO 639-1 code of a language label ("Russian: ...").
	Lang string
}

// langLabels maps the language labels of the Aliases text to ISO 639-1.
var langLabels = map[string]string{
	"belarusian": "be", "belarussian": "be", "russian": "ru", "ukrainian": "uk",
	"arabic": "ar", "persian": "fa", "farsi": "fa", "hebrew": "he", "chinese": "zh",
	"armenian": "hy", "georgian": "ka",
}

var labelRe = regexp.MustCompile(`(?i)\b(belaruss?ian|russian|ukrainian|arabic|persian|farsi|hebrew|chinese|armenian|georgian)\s*:\s*`)

// splitAliases reads the free-text Aliases of a record. The list has no
// one separator: names are separated by "; ", ", ", " or ", " and ",
// " / " and by language labels ("Belarusian: ..., Russian: ..."), and the
// same characters also occur inside names ("Рембаза, АО", "Research and
// Design Institute", "Aleksander/ Aleksandr or Alexander"). The text is
// cut at semicolons and labels, which never occur inside a name, and
// then at the other separators only where [splitNames] finds it safe; a
// part that cannot be split safely stays one alias.
func splitAliases(text string, person bool) []alias {
	text = cleanSpace(text)
	var out []alias
	for _, seg := range splitTop(text, ";") {
		for _, sub := range splitLabels(seg) {
			for _, name := range splitNames(sub.Full, person) {
				out = append(out, alias{Full: name, Lang: sub.Lang})
			}
		}
	}
	return out
}

// splitLabels cuts s at language labels; each part carries the language
// of the label before it.
func splitLabels(s string) []alias {
	var out []alias
	lang, start := "", 0
	for _, loc := range labelRe.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, alias{Full: s[start:loc[0]], Lang: lang})
		lang = langLabels[strings.ToLower(s[loc[2]:loc[3]])]
		start = loc[1]
	}
	out = append(out, alias{Full: s[start:], Lang: lang})
	return out
}

// sepKind is a separator between two candidate names.
type sepKind int

const (
	sepComma sepKind = iota
	sepOr
	sepAnd
	sepSlash
)

// span is a part of a string, by byte offsets.
type span struct{ start, end int }

// words are separators written as words, with the spaces around them. A
// slash separates only with a space on at least one side: "Маслюков/
// Сяргей" but not "Eslami/GRI", a name written in two languages.
var words = []struct {
	text string
	kind sepKind
}{{" or ", sepOr}, {" and ", sepAnd}, {" et ", sepAnd}, {" / ", sepSlash}, {" /", sepSlash}, {"/ ", sepSlash}}

// listWords are the words that may follow a comma at the end of a list.
var listWords = words[:3]

// splitNames splits one run of names at commas, " or ", " and " (" et "
// in French) and slashes (see words) outside brackets and quotes, where
// safe:
//
//   - a comma before or after a bare legal form ("Рембаза, АО",
//     "ОАО, БЭТО") or before a word in lower case ("...государств,
//     соотечественников", "Цивилев, or Цивилёв") is inside a name;
//   - in a person's aliases, a comma between a one-word part and a longer
//     one ("Sergei, Serhii SHERBAKOV", "Баранов, Олег Анатольевич") lists
//     variants of a name part, not names, and so does "or" or "/" next to
//     a one-word part ("Katsiaryna or Katerina Smuschkovich") or a slash
//     ("Aleksander/ Aleksandr or Alexander /Alexandr ...");
//   - "and" is part of many names ("Research and Design Institute"); it
//     separates two names only when both are in a non-Latin script (the
//     English word cannot belong to them) or both have two words or more
//     and share a word ("Defense Industries Corporation and Defense
//     Industry System").
func splitNames(s string, person bool) []string {
	parts, seps := tokenize(s)
	var out []string
	first := 0
	for i, sep := range seps {
		l, r := s[parts[i].start:parts[i].end], s[parts[i+1].start:parts[i+1].end]
		group := s[parts[first].start:parts[i].end]
		if !splitSafe(group, l, r, sep, person) {
			continue
		}
		out = appendName(out, group, person)
		first = i + 1
	}
	if len(parts) > 0 {
		out = appendName(out, s[parts[first].start:parts[len(parts)-1].end], person)
	}
	return out
}

// splitSafe reports whether a separator of kind sep between l and r,
// the parts around it, separates two names; group is the name read so
// far, which ends with l.
func splitSafe(group, l, r string, sep sepKind, person bool) bool {
	if strings.TrimSpace(l) == "" || strings.TrimSpace(r) == "" {
		return true
	}
	// A bare legal form belongs to the name it follows ("Рембаза, АО"),
	// or to the one it precedes when it starts a name ("ОАО, БЭТО").
	if isLegalForm(r) || group == l && isLegalForm(l) {
		return false
	}
	if sep == sepComma {
		// ", and X" and ", or X" end a list: the word decides.
		for _, w := range listWords {
			if rest, ok := strings.CutPrefix(r, strings.TrimPrefix(w.text, " ")); ok {
				return splitSafe(group, l, rest, w.kind, person)
			}
		}
	} else if isLegalForm(group) {
		return false
	}
	if continues(r) {
		return false
	}
	wl, wr := wordCount(l), wordCount(r)
	switch sep {
	case sepComma:
		return !person || !strings.Contains(l, "/") && !strings.Contains(r, "/") && (wl < 2) == (wr < 2)
	case sepOr, sepSlash:
		if variants(l, r) {
			return false
		}
		return !person || wl >= 2 && wr >= 2 && !strings.Contains(l, "/") && !strings.Contains(r, "/")
	default: // sepAnd
		if first, _ := utf8.DecodeRuneInString(r); unicode.IsLower(first) {
			return false // "stockage et de la distribution"
		}
		if isNonLatin(l) && isNonLatin(r) {
			return true
		}
		return wl >= 2 && wr >= 2 && shareWord(l, r)
	}
}

// variants reports whether the words on either side of "or" or "/" are
// spellings of one name part ("Aleksandr Evgenyevich or Evgenievich
// Kon’kov"): they begin with the same four letters.
func variants(l, r string) bool {
	lw, rw := strings.Fields(l), strings.Fields(r)
	if len(lw) == 0 || len(rw) == 0 {
		return false
	}
	a, b := []rune(strings.ToLower(lw[len(lw)-1])), []rune(strings.ToLower(rw[0]))
	return len(a) >= 4 && len(b) >= 4 && string(a[:4]) == string(b[:4])
}

// appendName appends a name cut from the text, trimmed of separator
// leftovers (", and ...") and of brackets opened or closed outside it
// ("Беларускi народны банк) (").
func appendName(out []string, name string, person bool) []string {
	for prev := ""; name != prev; {
		prev = name
		name = strings.Trim(name, " ,;:،")
		for _, w := range []string{"and ", "or ", "et "} {
			name = strings.TrimPrefix(name, w)
		}
		name = strings.TrimSuffix(name, "(")
		name = strings.TrimPrefix(name, ")")
		if strings.Count(name, "(") > strings.Count(name, ")") && strings.HasPrefix(name, "(") {
			name = name[1:]
		}
		if strings.Count(name, ")") > strings.Count(name, "(") && strings.HasSuffix(name, ")") {
			name = name[:len(name)-1]
		}
	}
	if wordCount(name) == 0 {
		return out
	}
	if en, fr, ok := bilingual(name); ok && !person {
		return append(out, en, fr)
	}
	return append(out, name)
}

// quotePairs are the brackets and quotes inside which separators do not
// count, when they are balanced in the text. Single quotes double as
// apostrophes ("Alexeev’s") and are left out.
var quotePairs = [][2]rune{{'(', ')'}, {'[', ']'}, {'“', '”'}, {'«', '»'}}

// tokenize cuts s at commas (also the Arabic comma) and separator words
// outside balanced brackets and quotes.
func tokenize(s string) (parts []span, seps []sepKind) {
	var open, closing []rune
	for _, p := range quotePairs {
		if strings.Count(s, string(p[0])) == strings.Count(s, string(p[1])) {
			open, closing = append(open, p[0]), append(closing, p[1])
		}
	}
	quotes := straightQuotes(s)
	depth, start := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case containsRune(open, r) || quotes[i] > 0:
			depth++
		case (containsRune(closing, r) || quotes[i] < 0) && depth > 0:
			depth--
		case depth > 0:
		case r == ',' || r == '،':
			parts, seps = append(parts, span{start, i}), append(seps, sepComma)
			// The spaces after a comma belong to it, so that in
			// "Цивилев, or Цивилёв" the next part is "or Цивилёв".
			for i += size; i < len(s) && s[i] == ' '; i++ {
			}
			start = i
			continue
		default:
			if w, n := wordAt(s, i); n > 0 {
				parts, seps = append(parts, span{start, i}), append(seps, w)
				start = i + n
				i += n
				continue
			}
		}
		i += size
	}
	parts = append(parts, span{start, len(s)})
	for k := range parts {
		parts[k] = trimSpan(s, parts[k])
	}
	return parts, seps
}

// straightQuotes tells opening (1) from closing (-1) straight double
// quotes by their neighbours: a quote after a space opens, one before a
// space or punctuation closes; a quote between two letters
// ("НИИ"Аргон") is ignored. Russian names nest quotes ("Завод "Молот"")
// and often leave one unclosed; when the opening and closing quotes do
// not balance, none of them counts.
func straightQuotes(s string) map[int]int {
	q := make(map[int]int)
	balance := 0
	for i := strings.IndexByte(s, '"'); i >= 0; {
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+1:])
		opens := i == 0 || unicode.IsSpace(before) || strings.ContainsRune("([«“", before)
		closes := i == len(s)-1 || unicode.IsSpace(after) || unicode.IsPunct(after)
		switch {
		case opens && !closes:
			q[i] = 1
			balance++
		case closes && !opens:
			q[i] = -1
			balance--
		}
		next := strings.IndexByte(s[i+1:], '"')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	if balance != 0 {
		return nil
	}
	return q
}

func wordAt(s string, i int) (sepKind, int) {
	for _, w := range words {
		if strings.HasPrefix(s[i:], w.text) {
			return w.kind, len(w.text)
		}
	}
	return 0, 0
}

func trimSpan(s string, p span) span {
	for p.start < p.end && s[p.start] == ' ' {
		p.start++
	}
	for p.end > p.start && s[p.end-1] == ' ' {
		p.end--
	}
	return p
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// legalForms are words of legal forms that follow or precede a company
// name after a comma ("Рембаза, АО", "NGO "Izhbs", LLC").
var legalForms = map[string]bool{
	"ao": true, "oao": true, "ooo": true, "zao": true, "pao": true, "jsc": true, "ojsc": true,
	"pjsc": true, "cjsc": true, "llc": true, "ltd": true, "limited": true, "inc": true, "co": true,
	"corp": true, "company": true, "plc": true, "fsue": true, "sc": true, "public": true, "joint": true,
	"stock": true, "joint-stock": true, "open": true, "closed": true, "sarl": true, "sarlu": true,
	"gmbh": true, "ag": true, "sa": true, "bv": true, "nv": true, "pte": true, "fze": true, "llp": true,
	"ао": true, "оао": true, "ооо": true, "зао": true, "пао": true, "сао": true, "мк": true, "фгуп": true,
	"ак": true, "нп": true, "гуп": true, "муп": true, "акционерное": true, "общество": true,
	"открытое": true, "закрытое": true, "публичное": true, "с": true, "ограниченной": true,
	"ответственностью": true, "некоммерческое": true, "партнерство": true,
}

// isLegalForm reports whether s consists of legal-form words only.
func isLegalForm(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !legalForms[strings.ToLower(strings.Trim(w, `.,"'«»“”`))] {
			return false
		}
	}
	return true
}

// particles are lower-case words that begin names ("al-Burhan", "the
// Basij", "l'Armée des Gardiens").
var particles = map[string]bool{
	"al": true, "el": true, "ad": true, "ar": true, "as": true, "at": true, "az": true, "bin": true,
	"ibn": true, "bint": true, "abu": true, "ben": true, "de": true, "del": true, "der": true, "di": true,
	"da": true, "do": true, "dos": true, "du": true, "la": true, "le": true, "les": true, "van": true,
	"von": true, "the": true, "l": true, "d": true,
}

// continues reports whether s goes on from the text before a separator:
// it starts with a lower-case word that is not a name particle
// ("соотечественников", "и по ...", "or Цивилёв").
func continues(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return false
	}
	w := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return len(w) == 0 || !particles[w[0]]
}

// shareWord reports whether a and b have a word of three letters or
// more in common, other than the common words of company names.
func shareWord(a, b string) bool {
	seen := make(map[string]bool)
	for _, w := range letterWords(a) {
		seen[w] = true
	}
	for _, w := range letterWords(b) {
		if seen[w] {
			return true
		}
	}
	return false
}

var commonWords = map[string]bool{
	"the": true, "for": true, "and": true, "of": true, "company": true, "joint": true, "stock": true,
	"public": true, "limited": true, "liability": true, "ltd": true, "llc": true, "jsc": true,
	"open": true, "closed": true, "russian": true, "federation": true,
}

func letterWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if utf8.RuneCountInString(w) >= 3 && !commonWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// splitTop cuts s at sep outside brackets.
func splitTop(s, sep string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '(':
			depth++
		case s[i] == ')' && depth > 0:
			depth--
		case depth == 0 && strings.HasPrefix(s[i:], sep):
			out = append(out, s[start:i])
			start = i + len(sep)
		}
	}
	return append(out, s[start:])
}
