package uk

import (
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// cellValues is one distinct combination of cells of a group, and the
// line of the first row that has it.
type cellValues struct {
	v    []string
	line int
}

// distinct returns the distinct combinations of the given columns over
// the group's rows, in order of first appearance, leaving out rows where
// all of them are empty. OFSI writes one row per combination of name,
// date of birth and address, so a fact repeats on many rows; it is
// mapped once.
func (h *ofsiHeader) distinct(g *ofsiGroup, cols ...int) []cellValues {
	var out []cellValues
	seen := make(map[string]bool)
	for _, r := range g.rows {
		v := make([]string, len(cols))
		empty := true
		for i, c := range cols {
			v[i] = h.get(r, c)
			empty = empty && v[i] == ""
		}
		key := strings.Join(v, "\x00")
		if empty || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, cellValues{v: v, line: r.line})
	}
	return out
}

// ofsiEntity maps a group of rows to an entity.
func (m *mapper) ofsiEntity(g *ofsiGroup, h *ofsiHeader) (*entity.Entity, error) {
	e := &entity.Entity{ID: "uk-ofsi-" + g.id, List: listOFSI}
	types := h.distinct(g, colGroupType)
	switch {
	case len(types) == 0:
		e.Schema = m.schema(g.rows[0].line, "Group Type", "")
	default:
		e.Schema = m.schema(types[0].line, "Group Type", types[0].v[0])
		for _, t := range types[1:] {
			m.warn(t.line, "Group Type", "group %s is also typed %q (kept %q)", g.id, t.v[0], types[0].v[0])
		}
	}
	m.ofsiNames(e, g, h)
	if len(e.Names) == 0 {
		return nil, source.Errorf(source.ErrMalformed, m.file, g.rows[0].line, "Name 6", "group %s has no name", g.id)
	}
	m.ofsiPerson(e, g, h)
	m.ofsiIdentifiers(e, g, h)
	m.ofsiAddresses(e, g, h)
	for _, c := range h.distinct(g, colOtherInfo) {
		addNote(e, c.v[0])
		m.otherInfo(e, c.line, c.v[0])
	}
	m.ofsiListing(e, g, h)
	e.Raw = entity.Raw{Format: "json", Text: h.rawJSON(g)}
	return e, nil
}

// ofsiNames reads each row's name and its non-Latin form.
func (m *mapper) ofsiNames(e *entity.Entity, g *ofsiGroup, h *ofsiHeader) {
	var cands []nameCandidate
	person := e.Schema == entity.Person
	for _, c := range h.distinct(g, colName1, colName2, colName3, colName4, colName5, colName6,
		colAliasType, colAliasQuality, colNonLatin, colScriptType, colScriptLang) {
		v := c.v
		kind, rank := m.nameKind(c.line, "Alias Type", v[6], v[7])
		if n := buildName([6]string(v[:6]), person); n.Full != "" {
			n.Kind = kind
			cands = append(cands, nameCandidate{name: n, rank: rank})
		}
		if v[8] != "" {
			// The original script of a primary name is an alias of it.
			if kind == entity.Primary {
				kind = entity.Alias
			}
			n := m.nonLatinName(c.line, "Name Non-Latin Script", v[8], v[9], v[10], kind)
			cands = append(cands, nameCandidate{name: n, rank: rankOther})
		}
	}
	finishNames(e, cands)
}

// ofsiPerson reads titles, positions, dates and places of birth and
// nationalities.
func (m *mapper) ofsiPerson(e *entity.Entity, g *ofsiGroup, h *ofsiHeader) {
	for _, c := range h.distinct(g, colTitle) {
		e.AddProp("title", texts(c.v[0])...)
	}
	for _, c := range h.distinct(g, colPosition) {
		e.AddProp("position", texts(c.v[0])...)
	}
	for _, c := range h.distinct(g, colDOB) {
		m.birthDate(e, c.line, "DOB", c.v[0])
	}
	for _, c := range h.distinct(g, colNationality) {
		for _, it := range splitNumbered(c.v[0]) {
			entity.AddCountry(&e.Nationalities, m.countries(c.line, "Nationality", it.text)...)
		}
	}
	for _, c := range h.distinct(g, colTownOfBirth, colCountryOfBirth) {
		towns, lands := texts(c.v[0]), texts(c.v[1])
		for _, l := range lands {
			e.AddProp("birthCountry", m.countries(c.line, "Country of Birth", l)...)
		}
		for _, p := range birthPlaces(towns, lands) {
			if !contains(e.BirthPlaces, p) {
				e.BirthPlaces = append(e.BirthPlaces, p)
			}
		}
	}
}

// birthPlaces pairs the towns and countries of birth of one row: by
// position when there are as many of each, every town with the one
// country when there is one, else the towns alone (the numbering of
// "(1) to (6) Algeria (7) Morocco" cannot be paired).
func birthPlaces(towns, lands []string) []string {
	switch {
	case len(towns) == 0:
		return lands
	case len(towns) == len(lands):
		out := make([]string, len(towns))
		for i := range towns {
			out[i] = joinParts(towns[i], lands[i])
		}
		return out
	case len(lands) == 1:
		out := make([]string, len(towns))
		for i := range towns {
			out[i] = joinParts(towns[i], lands[0])
		}
		return out
	}
	return towns
}

// ofsiIdentifiers reads passport and national identification numbers
// with their details.
func (m *mapper) ofsiIdentifiers(e *entity.Entity, g *ofsiGroup, h *ofsiHeader) {
	for _, c := range h.distinct(g, colPassportNumber, colPassportDetails) {
		pairIdentifiers(e, entity.IDPassport, "Passport", c.v[0], c.v[1])
	}
	for _, c := range h.distinct(g, colNationalIDNumber, colNationalIDDetails) {
		pairIdentifiers(e, entity.IDNational, "National identifier", c.v[0], c.v[1])
	}
}

// pairIdentifiers pairs the numbers of a numbered cell ("(1) CB982788 (2)
// 24132276") with the details of the same number ("(1) Portugal (2)
// Israel"). Details that are not numbered belong to every number; details
// whose number has no value ("(2) -") become notes.
func pairIdentifiers(e *entity.Entity, typ, label, numbers, details string) {
	nums, dets := splitNumbered(numbers), splitNumbered(details)
	detsNumbered := len(dets) > 0 && dets[0].n > 0
	used := make(map[int]bool)
	for _, n := range nums {
		note := details
		if n.n > 0 && detsNumbered {
			note = ""
			for _, d := range dets {
				if d.n == n.n {
					note = d.text
					used[d.n] = true
				}
			}
		}
		addIdentifier(e, typ, label, n.text, note)
	}
	switch {
	case len(nums) == 0:
		addIdentifier(e, typ, label, "", details)
	case detsNumbered && len(nums) > 0 && nums[0].n > 0:
		for _, d := range dets {
			if !used[d.n] {
				addIdentifier(e, typ, label, "", d.text)
			}
		}
	}
}

// ofsiAddresses reads Address 1..6, Post/Zip Code and Country. A few rows
// have their cells shifted ("Russia" under Post/Zip Code, "115088" under
// Country); when Country is not a country, the last address cell that is
// one gives the code.
func (m *mapper) ofsiAddresses(e *entity.Entity, g *ofsiGroup, h *ofsiHeader) {
	for _, c := range h.distinct(g, colAddress1, colAddress2, colAddress3, colAddress4, colAddress5,
		colAddress6, colPostCode, colCountry) {
		v := c.v
		postal := v[6]
		codes, ok := countryCodes(v[7])
		for i := 6; !ok && i >= 0; i-- {
			if cc, found := countryCodes(v[i]); found && len(cc) > 0 {
				codes, ok = cc, true
				if i == 6 { // Post/Zip Code and Country swapped
					postal = v[7]
				}
			}
		}
		if !ok {
			m.warn(c.line, "Country", "unknown country %q", v[7])
		}
		a := entity.Address{Full: joinParts(v...), PostalCode: postal}
		if len(codes) > 0 {
			a.Country = codes[0]
		}
		entity.AddCountry(&e.Countries, codes...)
		addAddress(e, a)
	}
}

// ofsiListing reads the regimes and the dates. A designation under
// several regimes has a row set per regime, each with its own listing
// date; the earliest is the listing date.
func (m *mapper) ofsiListing(e *entity.Entity, g *ofsiGroup, h *ofsiHeader) {
	for _, c := range h.distinct(g, colRegime) {
		addProgram(e, c.v[0])
	}
	for _, c := range h.distinct(g, colListedOn) {
		d, err := parseDay(c.v[0])
		if err != nil {
			m.warn(c.line, "Listed On", "unreadable date %q", c.v[0])
			continue
		}
		if e.ListingDate.IsZero() || d.String() < e.ListingDate.String() {
			e.ListingDate = d
		}
	}
	for _, c := range h.distinct(g, colUKDesignated) {
		d, err := parseDay(c.v[0])
		if err != nil {
			m.warn(c.line, "UK Sanctions List Date Designated", "unreadable date %q", c.v[0])
			continue
		}
		e.AddProp("designationDate", d.String())
	}
	var latest entity.Date
	for _, c := range h.distinct(g, colLastUpdated) {
		d, err := parseDay(c.v[0])
		if err != nil {
			m.warn(c.line, "Last Updated", "unreadable date %q", c.v[0])
			continue
		}
		if d.String() > latest.String() {
			latest = d
		}
	}
	if !latest.IsZero() {
		e.AddProp("modifiedAt", latest.String())
	}
}
