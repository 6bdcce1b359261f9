package uk

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/vetoscreen/veto/entity"
)

// Name ranks decide which name becomes the entity's primary name: the
// first name the publisher types "primary name", else the first primary
// name variation, else the first name.
const (
	rankPrimary = iota
	rankVariation
	rankOther
)

// nameCandidate is a name read from a record, before the primary name is
// chosen.
type nameCandidate struct {
	name entity.Name
	rank int
}

// finishNames adds the candidates to e, the primary name first. Names
// typed primary after the first one become aliases: OFSI gives some
// designations two primary names (LUKASHENKO, Alexander Grigorievich and
// Alexander Ryhorovich), and an entity has one caption.
func finishNames(e *entity.Entity, cands []nameCandidate) {
	best := -1
	for i, c := range cands {
		if best < 0 || c.rank < cands[best].rank {
			best = i
		}
	}
	if best < 0 {
		return
	}
	first := cands[best].name
	first.Kind = entity.Primary
	e.AddName(first)
	for i, c := range cands {
		if i == best {
			continue
		}
		n := c.name
		if n.Kind == entity.Primary {
			n.Kind = entity.Alias
		}
		e.AddName(n)
	}
}

// buildName joins the UK's six name parts. Name 6 is the surname of a
// person, or the whole name of an entity or ship; Name 1 to Name 5 are
// given and middle names. The full name is Name 1..Name 5 then Name 6, as
// the UK prints names ("Sergei Viktorovich LAVROV"). Only a person's name
// gets First/Middle/Last.
func buildName(parts [6]string, person bool) entity.Name {
	var words []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			words = append(words, p)
		}
	}
	n := entity.Name{Full: strings.Join(words, " ")}
	if person {
		n.First = strings.TrimSpace(parts[0])
		var middle []string
		for _, p := range parts[1:5] {
			if p = strings.TrimSpace(p); p != "" {
				middle = append(middle, p)
			}
		}
		n.Middle = strings.Join(middle, " ")
		n.Last = strings.TrimSpace(parts[5])
	}
	return n
}

// scripts are the ISO 15924 codes of the Unicode scripts that names on
// the UK lists are written in.
var scripts = []struct {
	table *unicode.RangeTable
	code  string
}{
	{unicode.Latin, "Latn"}, {unicode.Cyrillic, "Cyrl"}, {unicode.Arabic, "Arab"},
	{unicode.Han, "Hani"}, {unicode.Hangul, "Hang"}, {unicode.Hiragana, "Jpan"},
	{unicode.Katakana, "Jpan"}, {unicode.Hebrew, "Hebr"}, {unicode.Georgian, "Geor"},
	{unicode.Greek, "Grek"}, {unicode.Thai, "Thai"}, {unicode.Myanmar, "Mymr"},
	{unicode.Armenian, "Armn"}, {unicode.Ethiopic, "Ethi"}, {unicode.Devanagari, "Deva"},
	{unicode.Bengali, "Beng"}, {unicode.Tamil, "Taml"}, {unicode.Khmer, "Khmr"},
	{unicode.Lao, "Laoo"}, {unicode.Tibetan, "Tibt"}, {unicode.Sinhala, "Sinh"},
}

// scriptOf returns the ISO 15924 code of the script most of the letters
// of s are written in, or "" when s has no letters of a known script. It
// is a count, not the first letter, because the lists mix look-alike Latin
// letters into Cyrillic names ("AO НПП ТОПАЗ"). Japanese kana win over
// Han, since a name with kana is Japanese ("Jpan").
func scriptOf(s string) string {
	counts := make(map[string]int, 2)
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		for _, sc := range scripts {
			if unicode.Is(sc.table, r) {
				counts[sc.code]++
				break
			}
		}
	}
	if counts["Jpan"] > 0 {
		return "Jpan"
	}
	best, n := "", 0
	for _, sc := range scripts { // fixed order keeps ties deterministic
		if c := counts[sc.code]; c > n {
			best, n = sc.code, c
		}
	}
	return best
}

// scriptTypes maps the "Non-Latin Script Type" values (typos included,
// as they occur in the OFSI list) to ISO 15924 codes. The letters decide
// first; the type is used when a name has no letters of a known script.
var scriptTypes = map[string]string{
	"cyrillic": "Cyrl", "cryillic": "Cyrl", "cyrilic": "Cyrl", "cyrllic": "Cyrl", "russian": "Cyrl",
	"arabic": "Arab", "persian": "Arab", "farsi": "Arab", "urdu": "Arab", "pashto": "Arab",
	"chinese": "Hani", "han": "Hani", "hangul": "Hang", "korean": "Hang", "japanese": "Jpan",
	"hebrew": "Hebr", "georgian": "Geor", "greek": "Grek", "thai": "Thai",
	"burmese": "Mymr", "myanmar": "Mymr", "armenian": "Armn", "latin": "Latn",
}

// scriptType returns the ISO 15924 code for a script type the publisher
// names, and whether the name is known.
func scriptType(s string) (string, bool) {
	c, ok := scriptTypes[strings.ToLower(strings.TrimSpace(s))]
	return c, ok
}

// langAliases are language values in the lists that are not English
// language names: other spellings, countries written for their language,
// and scripts written in the language column.
var langAliases = map[string]string{
	"persian/farsi": "fa", "farsi": "fa", "russia": "ru", "ukraine": "uk", "belarus": "be",
	"mandarin": "zh", "cyrillic": "", "arabic script": "",
}

// languageNames maps lower-case English language names ("Russian",
// "Belarusian", "Persian") to ISO 639-1 codes, from CLDR.
var languageNames = sync.OnceValue(func() map[string]string {
	names := display.English.Languages()
	m := make(map[string]string, 200)
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := string([]rune{a, b})
			base, err := language.ParseBase(code)
			if err != nil || base.String() != code {
				continue
			}
			if n := names.Name(base); n != "" {
				m[strings.ToLower(n)] = code
			}
		}
	}
	return m
})

// langCode returns the ISO 639-1 code for a language name, "" with ok
// for values that name a script rather than a language, and false for
// names it does not know.
func langCode(s string) (string, bool) {
	k := strings.ToLower(strings.TrimSpace(s))
	if c, ok := langAliases[k]; ok {
		return c, true
	}
	c, ok := languageNames()[k]
	return c, ok
}
