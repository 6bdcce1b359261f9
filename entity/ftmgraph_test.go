package entity

import (
	"slices"
	"strings"
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

// Whatever a publisher's record holds, its FtM form is valid: facts FtM
// has no property for, or values its types do not accept, go to notes.
func TestFtMAlwaysValid(t *testing.T) {
	e, o := ftmFixture()
	odd := &Entity{ID: "uk-X1", Schema: LegalEntity, List: "uk-fcdo",
		Names:         []Name{{Full: "ODD HOLDINGS", Kind: Primary, First: "Odd", Last: "Holdings"}},
		BirthDates:    []DateRange{{From: Date{Year: 1960}, To: Date{Year: 1962}}},
		Nationalities: []string{"ru", "zz-nope"},
		Addresses:     []Address{{Full: strings.Repeat("a long address ", 30)}},
		Identifiers:   []Identifier{{Type: IDPassport, Value: "P1"}, {Type: "unLocode", Value: "UA KEH"}, {Type: IDTax, Value: strings.Repeat("9", 80)}},
		Relations:     []Relation{{Type: "parent", Name: "Big Parent"}, {Type: "sameAs", Target: "uk-X1"}, {Type: "ownedBy", Target: "nowhere-1"}},
		Props: map[string][]string{"email": {"not an email"}, "gender": {"male"}, "length": {"80"}, "sanctions": {"AssetFreeze"},
			"vesselType": {"tanker"}, "federalRegisterNotice": {"87 FR 20299"}, "topics": {"sanction", "made.up"}},
	}
	vessel := &Entity{ID: "ofac-9", Schema: Vessel, List: "ofac-sdn", Names: []Name{{Full: "SEA ODD", Kind: Primary}},
		Identifiers: []Identifier{{Type: IDPassport, Value: "X"}, {Type: IDIMO, Value: "IMO 9000001"}},
		Props:       map[string][]string{"owner": {"NITC"}, "vesselType": {"Crude Oil Tanker"}, "flag": {"IR"}}}
	ents := []*Entity{e, o, odd, vessel}
	refs := NewFtMIndex(ents, func(x *Entity) (string, Schema) { return x.ID, x.Schema })
	for _, x := range ents {
		for _, f := range append([]FtMEntity{x.FtM()}, x.FtMRelated(x.ID, refs)...) {
			if err := CheckFtM(f); err != nil {
				t.Errorf("%s: %v (%+v)", x.ID, err, f.Properties)
			}
		}
	}
	root := odd.FtM()
	for _, note := range []string{"email: not an email", "gender: male", "length: 80", "topics: made.up", "country: zz-nope", "type: tanker"} {
		if !slices.Contains(root.Properties["notes"], note) {
			t.Errorf("odd's notes %q lack %q", root.Properties["notes"], note)
		}
	}
	if root.Properties["firstName"] != nil || !slices.Equal(root.Properties["country"], []string{"ru"}) || !slices.Equal(root.Properties["incorporationDate"], []string{"1960", "1961", "1962"}) {
		t.Errorf("odd: %+v", root.Properties)
	}
	if v := vessel.FtM(); !slices.Equal(v.Properties["type"], []string{"Crude Oil Tanker"}) || !slices.Equal(v.Properties["flag"], []string{"ir"}) {
		t.Errorf("vessel: %+v", v.Properties)
	}
	// A number its schema has no property for is an Identification.
	var unlocode bool
	for _, f := range odd.FtMRelated(odd.ID, refs) {
		unlocode = unlocode || f.Schema == "Identification" && slices.Equal(f.Properties["number"], []string{"UA KEH"})
	}
	if !unlocode {
		t.Errorf("odd: no Identification of its unLocode")
	}
	// The vessel's owner, named only, is a LegalEntity that owns it.
	var owns bool
	for _, f := range vessel.FtMRelated(vessel.ID, refs) {
		owns = owns || f.Schema == "Ownership" && slices.Equal(f.Properties["asset"], []string{"ofac-9"})
	}
	if !owns {
		t.Errorf("vessel: no Ownership of it: %+v", vessel.FtMRelated(vessel.ID, refs))
	}
	if got := refs.Linking("ofac-2"); !slices.Equal(got, []string{"ofac-1"}) {
		t.Errorf("Linking(ofac-2) = %v, want [ofac-1]", got)
	}
}

func TestCheckFtM(t *testing.T) {
	p := func(kv ...string) map[string][]string {
		m := map[string][]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = append(m[kv[i]], kv[i+1])
		}
		return m
	}
	for _, c := range []struct {
		f  FtMEntity
		ok bool
	}{
		{FtMEntity{ID: "a", Schema: "Person", Properties: p("name", "A", "nationality", "ru")}, true},
		{FtMEntity{ID: "a", Schema: "Sanction", Properties: p("entity", "b", "listingDate", "2020-01")}, true},
		{FtMEntity{ID: "a", Schema: "Thing", Properties: p("name", "A")}, false}, // abstract
		{FtMEntity{ID: "a", Schema: "Human", Properties: p("name", "A")}, false}, // unknown
		{FtMEntity{ID: "a", Schema: "Person", Properties: p("name", "A", "listingDate", "2020")}, false},
		{FtMEntity{ID: "a", Schema: "Person", Properties: p("name", "A", "nationality", "RU")}, false}, // not as FtM writes it
		{FtMEntity{ID: "a", Schema: "Person", Properties: p("name", "A", "birthDate", "1950..1952")}, false},
		{FtMEntity{ID: "a", Schema: "Sanction", Properties: p("program", "X")}, false}, // entity required
	} {
		if err := CheckFtM(c.f); (err == nil) != c.ok {
			t.Errorf("CheckFtM(%+v) = %v, want ok %v", c.f, err, c.ok)
		}
	}
}
