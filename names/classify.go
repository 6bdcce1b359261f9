package names

import (
	"strings"
	"sync"
)

// This file classifies runs of tokens after folding: numbers written in
// words (readNumber), titles of one or more words (titlePhrases), and
// nicknames (nicknameGroups).

// scriptClass sorts tokens for phrase lookups: a title folds to the same
// letters in a Latin name and in an Arabic one ("adm" is Admiral's
// abbreviation and آدم, Adam), or in Chinese characters and in pinyin
// (主席, chairman, is "zhu xi", the philosopher Zhu Xi), so a phrase
// written in one class of scripts matches tokens of that class only.
type scriptClass uint8

const (
	alphabetClass scriptClass = iota // Latin, Cyrillic
	abjadClass                       // Arabic, Persian, Hebrew
	otherClass                       // Han, Kana, Hangul, Greek, Thai, Indic ...
)

func classOf(t *Token) scriptClass {
	switch {
	case t.Abjad:
		return abjadClass
	case t.Trans:
		return otherClass
	}
	return alphabetClass
}

type phraseKey struct {
	form  string
	class scriptClass
}

// titleTable returns the map of a title's first folded word to the
// titles, as folded word sequences, that start with it.
func titleTable() map[phraseKey][][]string {
	titleOnce.Do(func() { titleMap = buildTitleTable() })
	return titleMap
}

var (
	titleOnce sync.Once
	titleMap  map[phraseKey][][]string
)

func buildTitleTable() map[phraseKey][][]string {
	skip := map[string]bool{}
	for _, w := range notTitles {
		for _, t := range analyzeRaw(w) {
			skip[t.Form] = true
		}
	}
	m := map[phraseKey][][]string{}
	add := func(phrase string) {
		toks := analyzeRaw(phrase)
		if len(toks) == 0 || len(toks) == 1 && (len(toks[0].Form) < 2 || skip[toks[0].Form]) {
			return
		}
		for i := range toks {
			if toks[i].Kind == Initial {
				// "MP", "M.V.": a title of initials cannot be told from
				// a name's initials or an acronym (MPS).
				return
			}
		}
		forms := make([]string, len(toks))
		for i := range toks {
			forms[i] = toks[i].Form
		}
		k := phraseKey{forms[0], classOf(&toks[0])}
		for _, f := range m[k] {
			if strings.Join(f, " ") == strings.Join(forms, " ") {
				return
			}
		}
		m[k] = append(m[k], forms)
	}
	for _, p := range titlePhrases {
		add(p)
	}
	for w := range titles {
		add(w)
	}
	return m
}

// trailingTitles are honorifics written after a name in Latin letters:
// "Ahmet Bey", "Ayşe Hanım", "John Smith Esq.", "George Bush Jr.".
var trailingTitles = map[string]bool{"bey": true, "hanim": true, "efendi": true, "esq": true, "jr": true, "sr": true, "jnr": true, "snr": true, "pasha": true, "pasa": true}

// analyzeRaw folds a phrase into tokens without classifying runs, for
// building the phrase tables.
func analyzeRaw(s string) []Token {
	return analyze(s, false).Tokens
}

// markTitles marks the tokens that spell a title as Titles, longest phrase
// first.
func markTitles(toks []Token) {
	table := titleTable()
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind == Number || t.Kind == LegalForm {
			continue
		}
		best := 0
		for _, p := range table[phraseKey{t.Form, classOf(t)}] {
			if len(p) <= best || i+len(p) > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < len(p); k++ {
				if u := &toks[i+k]; u.Form != p[k] || u.Kind == Number || u.Kind == LegalForm {
					ok = false
					break
				}
			}
			if ok {
				best = len(p)
			}
		}
		for k := i; k < i+best; k++ {
			toks[k].Kind = Title
		}
		i += max(best-1, 0)
	}
}

// asciiWord reports whether a token was written in ASCII letters.
func asciiWord(s string, t *Token) bool {
	if t.Start < 0 || t.End > len(s) || t.Start >= t.End {
		return false
	}
	for i := t.Start; i < t.End; i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// mergeNumbers replaces the tokens of a number written in words ("forty
// four", "first", "zweiundzwanzigste", "44-я") by one Number token of its
// digits, reads Roman numerals of two letters or more ("II", "XIV") as
// numbers, and a lone I, V or X after the last word of an organisation's
// name as one ("Offshore Fund I, Ltd."). Roman numerals are Latin
// letters: Ukrainian and Belarusian І looks like I, but "Ів" is Yves,
// not IV (s is the analysed string the tokens' offsets point into).
func mergeNumbers(toks []Token, s string) []Token {
	var forms []string
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Abjad || t.Kind != Word && t.Kind != Number && t.Kind != Particle && t.Kind != Initial {
			continue
		}
		if t.Kind == Word && asciiWord(s, t) {
			if d, ok := romanNumeral(t.Form); ok {
				*t = numberToken(d, t, t)
				t.Glue = "" // a numeral, not a word
				continue
			}
		}
		if forms == nil {
			forms = make([]string, len(toks))
			for k := range toks {
				forms[k] = toks[k].Form
			}
		}
		used, digits := readNumber(forms[i:])
		if used == 0 {
			continue
		}
		nt := numberToken(digits, t, &toks[i+used-1])
		toks = append(toks[:i], append([]Token{nt}, toks[i+used:]...)...)
		forms = append(forms[:i], append([]string{digits}, forms[i+used:]...)...)
	}
	// "No. 1", "Number One", "Nr. 1", "№ 1": the sign before a number
	// says only that a number follows, and is written or not.
	for i := 0; i+1 < len(toks); i++ {
		if toks[i+1].Kind != Number || toks[i].Abjad {
			continue
		}
		if numberSigns[toks[i].Form] {
			toks = append(toks[:i], toks[i+1:]...)
		} else if i > 0 && toks[i-1].Kind == Initial && toks[i].Kind == Initial && numberSigns[toks[i-1].Form+toks[i].Form] {
			// "Nr." read as the letters n and r.
			toks = append(toks[:i-1], toks[i+1:]...)
		}
	}
	// "Fund I": a lone letter that can be a Roman numeral, after a name
	// word and before nothing but a legal form, in an organisation's name.
	for i := 1; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != Initial || t.Form != "i" && t.Form != "v" && t.Form != "x" || toks[i-1].Kind != Word {
			continue
		}
		last, org := true, false
		for k := range toks {
			if k > i && toks[k].Kind != LegalForm {
				last = false
			}
			org = org || toks[k].Kind == LegalForm || toks[k].Kind == Word && OrgWord(toks[k].Form)
		}
		if last && org {
			*t = numberToken(map[string]string{"i": "1", "v": "5", "x": "10"}[t.Form], t, t)
		}
	}
	return toks
}

// numberSigns are the words for "number" written before one, folded:
// English No., Number; German Nr., Nummer; French, Spanish, Italian and
// Portuguese n°, núm., nro., numéro, número, numero; Russian номер.
var numberSigns = map[string]bool{
	"no": true, "nos": true, "number": true, "num": true, "nr": true, "nro": true, "n": true,
	"nummer": true, "numero": true, "nomer": true,
}

func numberToken(digits string, first, last *Token) Token {
	t := newToken(digits, Number, first.Start, last.End, false)
	t.Trans, t.Paren, t.Hyphen = first.Trans, first.Paren, last.Hyphen
	if first.Kind != Number && first.Form != "" && (first.Form[0] < '0' || first.Form[0] > '9') && first.Form != digits {
		// Written in words ("Primero"): its first word as written, for
		// the initials of a name (match.Spans).
		t.Glue = first.Form
	}
	return t
}

// nickGroups maps a phonetic skeleton to the nickname groups its word is
// in (see nicknameGroups).
var nickGroups = sync.OnceValue(func() map[string][]uint16 {
	m := map[string][]uint16{}
	for g, forms := range nicknameGroups {
		for _, f := range forms {
			p := Phon(f)
			if len(m[p]) == 0 || m[p][len(m[p])-1] != uint16(g) {
				m[p] = append(m[p], uint16(g))
			}
		}
	}
	return m
})

// SameNickname reports whether two words with the phonetic skeletons a
// and b are a name and its short form, or two short forms of one name:
// Bill and William, Sasha and Aleksandr, Bibi and Benjamin.
func SameNickname(a, b string) bool {
	if a == b {
		return false
	}
	m := nickGroups()
	ga, gb := m[a], m[b]
	for _, x := range ga {
		for _, y := range gb {
			if x == y {
				return true
			}
		}
	}
	return false
}

// NicknamePhons returns the phonetic skeletons of the names a word with
// skeleton p may stand for or be short for, itself excluded.
func NicknamePhons(p string) []string {
	var out []string
	for _, g := range nickGroups()[p] {
		for _, f := range nicknameGroups[g] {
			if q := Phon(f); q != p && !contains(out, q) {
				out = append(out, q)
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// titleGenders are the titles that say a person's sex, folded: Mrs. Clinton
// is not William Jefferson Clinton.
var titleGenders = map[string]string{
	"mr": "male", "mister": "male", "herr": "male", "monsieur": "male", "senor": "male", "signor": "male", "senhor": "male",
	"gospodin": "male", "pan": "male", "bey": "male", "sir": "male", "lord": "male", "king": "male", "prince": "male", "emperor": "male",
	"dhr": "male", "heer": "male", "jhr": "male", "jonkheer": "male", "prins": "male", "graf": "male", "furst": "male", "comte": "male", "conde": "male", "count": "male", "duque": "male",
	"mevr": "female", "mevrouw": "female", "mej": "female", "mejuffrouw": "female", "prinses": "female", "grafin": "female", "furstin": "female", "comtesse": "female", "countess": "female", "condesa": "female", "condessa": "female", "contessa": "female", "duchess": "female", "duquesa": "female", "baroness": "female",
	"mrs": "female", "ms": "female", "miss": "female", "madame": "female", "mme": "female", "mademoiselle": "female", "mlle": "female",
	"frau": "female", "fraulein": "female", "senora": "female", "senorita": "female", "signora": "female", "signorina": "female",
	"senhora": "female", "gospozha": "female", "pani": "female", "hanim": "female", "khanum": "female", "khanom": "female",
	"begum": "female", "lady": "female", "dame": "female", "queen": "female", "princess": "female", "empress": "female",
	"sheikha": "female", "shaikha": "female",
}

// regnalTitles are the titles of rulers written before their given name
// ("King Salman", "Emir Tamim", "Sultan Haitham") that are also given
// names or surnames, and so in notTitles: as a name's first word, before
// two more, they may be either (see RegnalTitle).
var regnalTitles = map[string]bool{}

var regnalOnce sync.Once

// RegnalTitle reports whether a token is a ruler's title that is also a
// name: King, Emir, Sultan, Prince and their spellings in the lists'
// languages and scripts.
func RegnalTitle(t *Token) bool {
	regnalOnce.Do(func() {
		// Amir, Malik, Shah and Raja are left out: far more people are
		// called so than titled so ("Amir Hossein Ahmadi").
		for _, w := range []string{"King", "Emir", "Émir", "Sultan", "Prince", "Rey", "Roi",
			"Король", "Эмир", "Султан", "Принц", "ملك", "سلطان"} {
			for _, tok := range analyzeRaw(w) {
				regnalTitles[tok.Form] = true
			}
		}
	})
	return t.Kind == Word && regnalTitles[t.Form]
}

// TitleGender returns the sex a name's titles say ("male", "female"), or
// "" when they say none or disagree.
func TitleGender(n Name) string {
	g := ""
	for _, t := range n.Tokens {
		if t.Kind != Title || classOf(&t) != alphabetClass {
			continue
		}
		if s := titleGenders[t.Form]; s != "" {
			if g != "" && g != s {
				return ""
			}
			g = s
		}
	}
	return g
}
