package ca

import (
	"regexp"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// names sets the schema and the names of e: the primary name from
// GivenName and LastName (a person) or EntityOrShip (an organisation or
// a ship), then the aliases.
func (m *mapper) names(e *entity.Entity, f fields) error {
	last, given, org := cleanSpace(f.last), cleanSpace(f.given), f.org
	switch {
	case last != "" || given != "":
		e.Schema = entity.Person
		personNames(e, given, last)
		if org != "" {
			m.warnf("EntityOrShip", "record names both a person and an entity; the entity name is kept as an alias")
			e.AddName(entity.Name{Full: cleanSpace(org), Kind: entity.Alias})
		}
	case org != "":
		e.Schema = entity.Organization
		if f.imo != "" || f.title != "" {
			// TitleOrShip of an EntityOrShip record is the ship type
			// ("Oil Tanker"); in the list every such record has an IMO
			// number too.
			e.Schema = entity.Vessel
		}
		orgNames(e, org)
	default:
		return source.Errorf(source.ErrMalformed, m.file, m.line, "LastName",
			"record has neither LastName/GivenName nor EntityOrShip, so it names no one")
	}
	for _, a := range splitAliases(f.aliases, e.Schema == entity.Person) {
		addAlias(e, a)
	}
	return nil
}

// personNames adds the primary name "GivenName LastName". A bracketed
// variant of a name part ("DIKIY (DIKY)", "Adanov (Adnuf)") is another
// spelling: the primary name uses the part before the brackets and the
// variant becomes an alias.
func personNames(e *entity.Entity, given, last string) {
	g, gAlt := bracketVariant(given)
	l, lAlt := bracketVariant(last)
	e.AddName(entity.Name{Full: joinName(g, l), Kind: entity.Primary, First: g, Last: l})
	if gAlt != "" || lAlt != "" {
		g2, l2 := g, l
		if gAlt != "" {
			g2 = gAlt
		}
		if lAlt != "" {
			l2 = lAlt
		}
		e.AddName(entity.Name{Full: joinName(g2, l2), Kind: entity.Alias, First: g2, Last: l2})
	}
}

func joinName(given, last string) string {
	return strings.TrimSpace(given + " " + last)
}

var bracketRe = regexp.MustCompile(`^([^()]+?)\s*\(([^()]+)\)$`)

// bracketVariant splits "DIKIY (DIKY)" into "DIKIY" and "DIKY".
func bracketVariant(s string) (name, variant string) {
	if m := bracketRe.FindStringSubmatch(s); m != nil {
		return m[1], strings.TrimSpace(m[2])
	}
	return s, ""
}

var akaRe = regexp.MustCompile(`(?i)\(\s*also known as\s+`)

// orgNames adds the names held in EntityOrShip. Canada writes some
// aliases into the name itself: "Dux JSC (also known as Duks)", and the
// bracket is sometimes never closed. Iranian and Syrian entities are
// named in English and French, "Iranian Army/Armée iranienne": the
// English name is the primary name and the French one an alias.
func orgNames(e *entity.Entity, raw string) {
	s := strings.Trim(cleanSpace(raw), " ;,")
	var aka string
	if loc := akaRe.FindStringIndex(s); loc != nil {
		end := closingBracket(s, loc[0])
		if end < 0 {
			aka = s[loc[1]:]
			s = strings.TrimSpace(s[:loc[0]])
		} else {
			aka = s[loc[1]:end]
			s = strings.TrimSpace(s[:loc[0]] + " " + s[end+1:])
		}
	}
	if en, fr, ok := bilingual(s); ok {
		e.AddName(entity.Name{Full: en, Kind: entity.Primary, Lang: "en"})
		e.AddName(entity.Name{Full: fr, Kind: entity.Alias, Lang: "fr"})
	} else {
		e.AddName(entity.Name{Full: s, Kind: entity.Primary})
	}
	for _, name := range splitNames(aka, false) {
		addAlias(e, alias{Full: name})
	}
}

// closingBracket returns the index of the ")" that closes the "(" at
// open, or -1.
func closingBracket(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// bilingual splits "English name/Nom français" at its one slash outside
// brackets, when both halves have at least two words. "MEC Steel Mills
// (Hmaw Bi/Pyi/Ywama)" has its slashes inside brackets and is one name.
func bilingual(s string) (en, fr string, ok bool) {
	at := -1
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case '/':
			if depth == 0 {
				if at >= 0 {
					return "", "", false
				}
				at = i
			}
		}
	}
	if at < 0 {
		return "", "", false
	}
	en, fr = strings.TrimSpace(s[:at]), strings.TrimSpace(s[at+1:])
	if wordCount(en) < 2 || wordCount(fr) < 2 {
		return "", "", false
	}
	return en, fr, true
}

// addAlias adds an alias unless it repeats a name already there. A
// person's one-word alias ("Hemedti", "Batya", "Alexei") alone does not
// identify anyone and is a weak alias.
func addAlias(e *entity.Entity, a alias) {
	for _, n := range e.Names {
		if n.Full == a.Full {
			return
		}
	}
	kind := entity.Alias
	if e.Schema == entity.Person && wordCount(a.Full) < 2 {
		kind = entity.WeakAlias
	}
	n := entity.Name{Full: a.Full, Kind: kind, Lang: a.Lang}
	if a.Lang != "" {
		n.Script = source.ScriptOf(a.Full)
	}
	e.AddName(n)
}
