package eu

import (
	"regexp"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// qualityRe matches the remarks the EU uses to grade an alias, typos
// included: "good quality alias", "Low quality aliias".
var qualityRe = regexp.MustCompile(`(?i)^(good|low)[- ]quality\s+al+i+a+s+\.?$`)

// formerRe matches remarks that mark a former name.
var formerRe = regexp.MustCompile(`(?i)^(formerly known as|former name|previous name|f\.?k\.?a\.?)$`)

// nameAlias maps one name. The first nameAlias of an entity is its
// primary name. Of the others, a remark "formerly known as" marks a
// previous name, strong="false" and the remark "low quality alias" a weak
// alias; the rest are aliases. The name's title is the title of the
// entity, its gender the entity's gender.
func (m *mapper) nameAlias(n nameAlias, primary bool) {
	const field = "nameAlias"
	m.unknownDetail(field, n.detail)
	first, middle, last := source.Clean(n.FirstName), source.Clean(n.MiddleName), source.Clean(n.LastName)
	full := source.Clean(n.WholeName)
	if full == "" {
		full = source.Join(" ", first, middle, last)
	}
	m.function(full, source.Clean(n.Function))
	m.e.AddProp("title", source.Clean(n.Title))
	m.gender(n.Gender)
	weak := false
	switch s := strings.ToLower(source.Clean(n.Strong)); s {
	case "", "true":
	case "false":
		weak = true
	default:
		m.warnf(field+"@strong", "unknown strength %q, mapped to alias", s)
	}
	var remarks []string
	former := false
	for _, r := range n.Remarks {
		r = source.Clean(r)
		if mm := qualityRe.FindStringSubmatch(r); mm != nil {
			weak = weak || strings.EqualFold(mm[1], "low")
			continue
		}
		if formerRe.MatchString(strings.TrimRight(r, ".:")) {
			former = true
			continue
		}
		if r != "" {
			remarks = append(remarks, r)
		}
	}
	if full == "" {
		if len(remarks) > 0 {
			m.warnf(field+"@wholeName", "name details without a name, kept in notes")
			m.note("Name without text: %s", strings.Join(remarks, "; "))
		}
		return
	}
	kind := entity.Alias
	switch {
	case primary:
		kind = entity.Primary
	case former:
		kind = entity.Previous
	case weak:
		kind = entity.WeakAlias
	}
	m.addName(entity.Name{
		Full: full, Kind: kind, First: first, Middle: middle, Last: last,
		Lang: strings.ToLower(source.Clean(n.NameLanguage)), Script: source.ScriptOf(full),
	})
	for _, r := range remarks {
		m.note("%s: %s", full, r)
	}
}

// function maps what the EU says a party does: a person's function is
// their position; an enterprise's is a description ("produces
// ammunition, explosives ..."), which FtM has no property for but notes.
func (m *mapper) function(name, f string) {
	switch {
	case f == "":
	case m.e.Schema.IsPerson():
		m.e.AddProp("position", f)
	default:
		m.note("%s", source.Join(": ", name, f))
	}
}

// addName appends a name unless an identical one is there. Names that
// differ only in language stay apart, so that every nameAlias is a name.
func (m *mapper) addName(n entity.Name) {
	for _, x := range m.e.Names {
		if x == n {
			return
		}
	}
	m.e.Names = append(m.e.Names, n)
}

// gender maps the gender attribute, M or F.
func (m *mapper) gender(g string) {
	var v string
	switch g = strings.ToUpper(source.Clean(g)); g {
	case "":
		return
	case "M":
		v = "male"
	case "F":
		v = "female"
	default:
		m.warnf("nameAlias@gender", "unknown gender %q", g)
		return
	}
	switch {
	case !m.e.Schema.IsPerson():
		m.warnf("nameAlias@gender", "gender of a non-person, not mapped")
	case m.e.Gender == "":
		m.e.Gender = v
	case m.e.Gender != v:
		m.warnf("nameAlias@gender", "names disagree on the gender, kept the first")
	}
}
