package entity

import (
	"slices"
	"testing"
)

func TestFtMClean(t *testing.T) {
	for _, c := range []struct {
		typ, in, want string
		ok            bool
	}{
		{"country", "RU", "ru", true},
		{"country", "su", "suhh", true},
		{"country", "xx", "", false},
		{"date", "1950-03", "1950-03", true},
		{"date", "1950-02-30", "", false},
		{"date", "1955..1958", "", false},
		{"url", "www.example.com", "http://www.example.com", true},
		{"url", "https://example.com/x", "https://example.com/x", true},
		{"url", "not a url", "", false},
		{"email", "info@example.com.", "info@example.com", true},
		{"email", "a@b.com. c@d.net", "", false},
		{"phone", "+93-797-059059 (mobile)", "+93-797-059059", true},
		{"phone", "8", "", false},
		{"identifier", "1234567890123456789012345678901234567890123456789012345678901234567890", "", false},
		{"topic", "sanction", "sanction", true},
		{"topic", "sanctioned", "", false},
		{"name", " Ivan ", "Ivan", true},
	} {
		got, ok := ftmClean(c.typ, c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ftmClean(%s, %q) = %q, %v; want %q, %v", c.typ, c.in, got, ok, c.want, c.ok)
		}
	}
}

// ftmFixture is a listing with every kind of fact that becomes an FtM
// entity of its own, and another listing it is linked to.
func ftmFixture() (*Entity, *Entity) {
	e := &Entity{ID: "ofac-1", Schema: Person, List: "ofac-sdn",
		Names:         []Name{{Full: "Ivan PETROV", Kind: Primary, First: "Ivan", Last: "PETROV"}},
		Nationalities: []string{"su"},
		Addresses:     []Address{{Full: "1 Red Square, Moscow", City: "Moscow", Country: "ru"}},
		Identifiers: []Identifier{
			{Type: IDPassport, Value: "AB123", Country: "ru", Label: "Passport"},
			{Type: IDCrypto, Value: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", Label: "Digital Currency Address - XBT"},
			{Type: "bikCode", Value: "044525225"},
		},
		Programs:    []string{"RUSSIA-EO14024"},
		ListingDate: Date{Year: 2022, Month: 3, Day: 11},
		Relations:   []Relation{{Type: "linkedTo", Target: "ofac-2"}, {Type: "associateOf", Name: "Unlisted Friend"}},
		Props: map[string][]string{"designationDate": {"2022-03-10"}, "sourceInformationUrl": {"https://example.gov/n"},
			"phone": {"8"}, "website": {"www.petrov.example"}},
	}
	o := &Entity{ID: "ofac-2", Schema: Organization, List: "ofac-sdn", Names: []Name{{Full: "PETROV HOLDING", Kind: Primary}}}
	return e, o
}

// The facts of a listing become Sanction, Passport, Identification,
// Address, CryptoWallet and link entities, each pointing at the ID the
// listing is written under (its own or its subject's), with values FtM
// accepts and the rest in notes.
func TestFtMRelated(t *testing.T) {
	e, o := ftmFixture()
	for _, as := range []string{"ofac-1", "vs-subject"} {
		refs := NewFtMIndex([]*Entity{e, o}, func(x *Entity) (string, Schema) {
			if x == e {
				return as, x.Schema
			}
			return x.ID, x.Schema
		})
		root := e.FtM()
		root.ID = as
		rel := e.FtMRelated(as, refs)
		bySchema := map[string][]FtMEntity{}
		ids := map[string]bool{}
		for _, f := range rel {
			bySchema[f.Schema] = append(bySchema[f.Schema], f)
			ids[f.ID] = true
		}
		one := func(schema string) FtMEntity {
			t.Helper()
			if len(bySchema[schema]) != 1 {
				t.Fatalf("as %s: %d %s entities, want 1: %+v", as, len(bySchema[schema]), schema, rel)
			}
			return bySchema[schema][0]
		}
		want := func(f FtMEntity, prop string, vs ...string) {
			t.Helper()
			if !slices.Equal(f.Properties[prop], vs) {
				t.Errorf("as %s: %s.%s = %q, want %q", as, f.Schema, prop, f.Properties[prop], vs)
			}
		}
		s := one("Sanction")
		want(s, "entity", as)
		want(s, "program", "RUSSIA-EO14024")
		want(s, "listingDate", "2022-03-11")
		want(s, "startDate", "2022-03-10")
		want(s, "sourceUrl", "https://example.gov/n")
		p := one("Passport")
		want(p, "holder", as)
		want(p, "number", "AB123")
		want(p, "country", "ru")
		id := one("Identification")
		want(id, "holder", as)
		want(id, "number", "044525225")
		want(id, "type", "bikCode")
		a := one("Address")
		want(a, "full", "1 Red Square, Moscow")
		want(a, "country", "ru")
		want(root, "addressEntity", a.ID)
		w := one("CryptoWallet")
		want(w, "holder", as)
		want(w, "currencySymbol", "XBT")
		friend := one("LegalEntity")
		want(friend, "name", "Unlisted Friend")
		// associateOf needs two people: an unlisted party of unknown
		// kind is linked by an UnknownLink, as a listing of another
		// kind is.
		objects := map[string]FtMEntity{}
		for _, l := range bySchema["UnknownLink"] {
			want(l, "subject", as)
			objects[l.Properties["object"][0]] = l
		}
		want(objects["ofac-2"], "role", "linked to")
		want(objects[friend.ID], "role", "associate of")
		want(root, "nationality", "suhh")
		want(root, "website", "http://www.petrov.example")
		want(root, "notes", "phone: 8")
		for _, k := range []string{"designationDate", "sourceInformationUrl", "bikCode", "listingDate"} {
			if _, ok := root.Properties[k]; ok {
				t.Errorf("as %s: root keeps %s", as, k)
			}
		}
		if len(ids) != len(rel) {
			t.Errorf("as %s: %d entities with %d IDs", as, len(rel), len(ids))
		}
	}
}
