package entity

import (
	"slices"
	"strings"
)

// Properties returns the entity as an FtM property map: every name, date,
// country, identifier and string property under its FtM property name, each
// list in publisher order. It is the view that diffs compare and exports
// write. Date ranges are written "FROM..TO"; see [Entity.FtM] for the strict
// FtM form.
func (e *Entity) Properties() map[string][]string {
	p := make(map[string][]string)
	add := func(k string, vs ...string) {
		for _, v := range vs {
			if v != "" && !contains(p[k], v) {
				p[k] = append(p[k], v)
			}
		}
	}
	for _, n := range e.Names {
		add(string(n.Kind), n.Full)
		add("firstName", n.First)
		add("middleName", n.Middle)
		add("lastName", n.Last)
	}
	dateProp := "birthDate"
	if e.Schema.IsAsset() {
		dateProp = "buildDate"
	} else if !e.Schema.IsPerson() {
		dateProp = "incorporationDate"
	}
	for _, d := range e.BirthDates {
		add(dateProp, d.String())
	}
	add("birthPlace", e.BirthPlaces...)
	add("gender", e.Gender)
	add("nationality", e.Nationalities...)
	add("citizenship", e.Citizenships...)
	add("country", e.Countries...)
	for _, a := range e.Addresses {
		add("address", a.Full)
	}
	for _, id := range e.Identifiers {
		add(id.Type, id.Value)
	}
	add("program", e.Programs...)
	add("topics", e.Topics...)
	add("listingDate", e.ListingDate.String())
	add("notes", e.Notes...)
	for _, r := range e.Relations {
		v := r.Target
		if v == "" {
			v = r.Name
		}
		add(r.Type, v)
	}
	for k, vs := range e.Props {
		add(k, vs...)
	}
	return p
}

// FtMEntity is an entity in the FollowTheMoney JSON form that OpenSanctions
// and yente use.
type FtMEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Caption    string              `json:"caption"`
	Properties map[string][]string `json:"properties"`
	Datasets   []string            `json:"datasets"`
	// Referents are the IDs of the listings a merged entity stands for
	// (a sanctioned subject, see SubjectFtM); none for one listing.
	Referents []string `json:"referents,omitempty"`
}

func (r DateRange) ftmValues() []string {
	if !r.IsRange() {
		return []string{r.From.String()}
	}
	if r.From.Month == 0 && r.To.Month == 0 && r.To.Year-r.From.Year <= 10 {
		var out []string
		for y := r.From.Year; y <= r.To.Year; y++ {
			out = append(out, Date{Year: y}.String())
		}
		return out
	}
	return []string{r.From.String(), r.To.String()}
}

// PropertyChange is how one property differs between two versions of an
// entity: the values that appeared and the values that went away.
type PropertyChange struct {
	Property string   `json:"property"`
	Added    []string `json:"added,omitempty"`
	Removed  []string `json:"removed,omitempty"`
}

// CompareProperties returns the property changes from old to new, sorted
// by property name. Value order within a property does not count: a
// publisher that reorders aliases has not changed the listing.
func CompareProperties(old, new *Entity) []PropertyChange {
	a, b := old.Properties(), new.Properties()
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []PropertyChange
	for _, k := range keys {
		c := PropertyChange{Property: k}
		for _, v := range b[k] {
			if !contains(a[k], v) {
				c.Added = append(c.Added, v)
			}
		}
		for _, v := range a[k] {
			if !contains(b[k], v) {
				c.Removed = append(c.Removed, v)
			}
		}
		if len(c.Added) > 0 || len(c.Removed) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// Material reports whether changes touch what identifies an entity or its
// listing (names, dates, countries, identifiers, programmes), rather than
// only notes, addresses or bookkeeping fields. A changed listing re-raises
// allow-listed alerts only when the change is material.
func Material(changes []PropertyChange) bool {
	for _, c := range changes {
		switch c.Property {
		case "notes", "address", "modifiedAt", "sourceUrl", "listingDate", "phone", "email", "website", "position", "title",
			// An act amending the listing names the same party.
			"legalAuthority":
			continue
		}
		if strings.HasSuffix(c.Property, "Url") {
			continue
		}
		return true
	}
	return false
}

// MergeFtM returns the entities in FtM form with records of the same ID
// merged into one: the union of their property values and of their
// datasets. The first record's schema and caption win. Output follows the
// order in which IDs first appear.
func MergeFtM(ents []*Entity) []FtMEntity {
	var set FtMSet
	for _, e := range ents {
		set.Add(e.FtM())
	}
	return set.Entities()
}

// SubjectFtM returns the listings recs of one sanctioned subject as
// OpenSanctions writes a merged entity: the subject's ID, the union of
// their property values and datasets, and their IDs as referents (in
// order of first appearance). The first record's schema and caption win.
func SubjectFtM(id string, recs []*Entity) FtMEntity {
	if len(recs) == 0 {
		return FtMEntity{ID: id, Properties: map[string][]string{}, Datasets: []string{}}
	}
	var set FtMSet
	var referents []string
	for _, e := range recs {
		if !contains(referents, e.ID) {
			referents = append(referents, e.ID)
		}
		f := e.FtM()
		// The references to the entities its facts become keep the
		// listing's ID they are derived from (see FtMRelated).
		f.ID = id
		set.Add(f)
	}
	f := set.Entities()[0]
	f.Referents = referents
	return f
}
