package entity

import (
	"errors"
	"reflect"
	"testing"
)

func lavrov() *Entity {
	return &Entity{
		ID: "ofac-35233", Schema: Person, List: "ofac-sdn",
		Names: []Name{
			{Full: "LAVROV, Sergei Viktorovich", Kind: Primary, First: "Sergei Viktorovich", Last: "LAVROV"},
			{Full: "LAVROV, Sergey", Kind: Alias},
		},
		BirthDates:    []DateRange{{From: Date{Year: 1950, Month: 3, Day: 21}}},
		Nationalities: []string{"ru"},
		Identifiers:   []Identifier{{Type: IDPassport, Value: "100000000", Country: "ru"}},
		Programs:      []string{"RUSSIA-EO14024"},
		Raw:           Raw{Format: "csv", Text: "35233,..."},
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(e *Entity)
		ok     bool
	}{
		{"OK", func(e *Entity) {}, true},
		{"NoPublisher", func(e *Entity) { e.ID = "35233" }, false},
		{"EmptyOwnID", func(e *Entity) { e.ID = "ofac-" }, false},
		{"UnknownSchema", func(e *Entity) { e.Schema = "Thingy" }, false},
		{"NoList", func(e *Entity) { e.List = "" }, false},
		{"NoNames", func(e *Entity) { e.Names = nil }, false},
		{"BlankName", func(e *Entity) { e.Names[1].Full = "  " }, false},
		{"BadKind", func(e *Entity) { e.Names[1].Kind = "nickname" }, false},
		{"BadDate", func(e *Entity) { e.BirthDates[0].From.Day = 32 }, false},
		{"EmptyIdentifier", func(e *Entity) { e.Identifiers[0].Value = "" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := lavrov()
			tt.change(e)
			err := e.Validate()
			if tt.ok && err != nil {
				t.Errorf("Validate() = %v", err)
			}
			if !tt.ok && !errors.Is(err, ErrInvalid) {
				t.Errorf("Validate() = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestProperties(t *testing.T) {
	p := lavrov().Properties()
	want := map[string][]string{
		"name":           {"LAVROV, Sergei Viktorovich"},
		"alias":          {"LAVROV, Sergey"},
		"firstName":      {"Sergei Viktorovich"},
		"lastName":       {"LAVROV"},
		"birthDate":      {"1950-03-21"},
		"nationality":    {"ru"},
		"passportNumber": {"100000000"},
		"program":        {"RUSSIA-EO14024"},
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("Properties() = %v\nwant %v", p, want)
	}
}

func TestFtMExpandsShortYearRanges(t *testing.T) {
	e := lavrov()
	e.BirthDates = []DateRange{{From: Date{Year: 1955}, To: Date{Year: 1958}, Approx: true}, {From: Date{Year: 1950, Month: 3, Day: 21}}}
	f := e.FtM()
	want := []string{"1955", "1956", "1957", "1958", "1950-03-21"}
	if !reflect.DeepEqual(f.Properties["birthDate"], want) {
		t.Errorf("birthDate = %v, want %v", f.Properties["birthDate"], want)
	}
	if f.Caption != "LAVROV, Sergei Viktorovich" || f.Datasets[0] != "ofac-sdn" {
		t.Errorf("FtM() = %+v", f)
	}
}

func TestComputeDiff(t *testing.T) {
	a, b := lavrov(), lavrov()
	b.Notes = []string{"Foreign Minister"}
	c := lavrov()
	c.Names = append(c.Names, Name{Full: "Сергей Лавров", Kind: Alias})
	reordered := lavrov()
	reordered.Names[0], reordered.Names[1] = reordered.Names[1], reordered.Names[0]
	amended := lavrov()
	amended.AddProp("legalAuthority", "2024/753 (OJ L23022024)")
	removed := &Entity{ID: "ofac-1", Schema: Person, List: "ofac-sdn", Names: []Name{{Full: "X", Kind: Primary}}}
	added := &Entity{ID: "ofac-2", Schema: Person, List: "ofac-sdn", Names: []Name{{Full: "Y", Kind: Primary}}}

	tests := []struct {
		name                    string
		old, new                []*Entity
		added, removed, changed int
		material                bool
	}{
		{"NotesOnlyIsNotMaterial", []*Entity{a}, []*Entity{b}, 0, 0, 1, false},
		{"NewAliasIsMaterial", []*Entity{a}, []*Entity{c}, 0, 0, 1, true},
		{"ReorderIsNoChange", []*Entity{a}, []*Entity{reordered}, 0, 0, 0, false},
		{"AmendingActIsNotMaterial", []*Entity{a}, []*Entity{amended}, 0, 0, 1, false},
		{"AddedAndRemoved", []*Entity{a, removed}, []*Entity{a, added}, 1, 1, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ComputeDiff("ofac-sdn", 1, 2, tt.old, tt.new)
			if d.Added != tt.added || d.Removed != tt.removed || d.Changed != tt.changed {
				t.Fatalf("diff = %+v", d)
			}
			for _, c := range d.Changes {
				if c.Material != tt.material {
					t.Errorf("%s material = %v, want %v (%+v)", c.EntityID, c.Material, tt.material, c.Properties)
				}
			}
		})
	}
}

func TestMergeFtM(t *testing.T) {
	a := lavrov()
	b := lavrov()
	b.List = "us-csl"
	b.Names = append(b.Names, Name{Full: "LAVROV, Serguei", Kind: Alias})
	other := &Entity{ID: "un-1", Schema: Person, List: "un-sc", Names: []Name{{Full: "Z", Kind: Primary}}}
	got := MergeFtM([]*Entity{a, other, b})
	if len(got) != 2 || got[0].ID != "ofac-35233" || got[1].ID != "un-1" {
		t.Fatalf("MergeFtM ids = %+v", got)
	}
	if !reflect.DeepEqual(got[0].Datasets, []string{"ofac-sdn", "us-csl"}) {
		t.Errorf("datasets = %v", got[0].Datasets)
	}
	if !reflect.DeepEqual(got[0].Properties["alias"], []string{"LAVROV, Sergey", "LAVROV, Serguei"}) {
		t.Errorf("aliases = %v", got[0].Properties["alias"])
	}
}

func TestCompatible(t *testing.T) {
	tests := []struct {
		q, s Schema
		want bool
	}{
		{"", Vessel, true},
		{Person, Person, true},
		{Person, Vessel, false},
		{Person, Company, false},
		{Company, Organization, true},
		{LegalEntity, Person, true},
		{Vessel, Airplane, false},
	}
	for _, tt := range tests {
		if got := Compatible(tt.q, tt.s); got != tt.want {
			t.Errorf("Compatible(%q, %q) = %v, want %v", tt.q, tt.s, got, tt.want)
		}
	}
}
