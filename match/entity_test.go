package match

import (
	"testing"

	"github.com/vetoscreen/veto/entity"
)

// TestEntityContradictions holds the scorer to what an entity's other
// names say: a query that meets one name written without a patronymic,
// a legal form or a nasab link is still contradicted by the patronymic,
// legal form or chain the entity's other names give.
func TestEntityContradictions(t *testing.T) {
	cfg := DefaultConfig()
	w := StaticWeigher{Config: &cfg}
	tests := []struct {
		what   string
		schema entity.Schema
		query  string
		names  []string
		hit    bool
	}{
		{"another patronymic", entity.Person, "Viktor Ivanovich Vekselberg", []string{"Viktor VEKSELBERG", "Viktor Felixovich VEKSELBERG"}, false},
		{"the same patronymic", entity.Person, "Viktor Felixovich Vekselberg", []string{"Viktor VEKSELBERG", "Viktor Felixovich VEKSELBERG"}, true},
		{"another legal form", entity.Organization, "Alfa-Lizing AO", []string{"ALFA-LIZING", "ALFA-LIZING, OOO"}, false},
		{"the same legal form", entity.Organization, "Alfa-Lizing LLC", []string{"ALFA-LIZING", "ALFA-LIZING, OOO"}, true},
		{"a limited company of other places", entity.Organization, "Moku Goldmines GmbH", []string{"MOKU GOLD MINES", "MOKU GOLDMINES LTD", "MOKU MINES D'OR SA"}, false},
		{"the same form translated", entity.Organization, "Moku Goldmines Limited", []string{"MOKU GOLD MINES", "MOKU GOLDMINES LTD", "MOKU MINES D'OR SA"}, true},
		{"father and son swapped", entity.Person, "Mansour bin Amran", []string{"MANSOR, Amran", "BIN MANSOUR, Amran"}, false},
		{"father and son in order", entity.Person, "Amran bin Mansour", []string{"MANSOR, Amran", "BIN MANSOUR, Amran"}, true},
		{"no chain to contradict", entity.Person, "Mansour bin Amran", []string{"MANSOR, Amran"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.what, func(t *testing.T) {
			e := &entity.Entity{ID: "e", Schema: tt.schema}
			for i, n := range tt.names {
				kind := entity.Alias
				if i == 0 {
					kind = entity.Primary
				}
				e.Names = append(e.Names, entity.Name{Full: n, Kind: kind})
			}
			p, err := cfg.Prepare(Query{Subject: entity.Subject{Name: tt.query, Schema: tt.schema}}, w)
			if err != nil {
				t.Fatal(err)
			}
			r := NewScorer(&cfg).Score(p, cfg.NewCandidate(e, w), nil, true)
			if r.Match != tt.hit {
				t.Errorf("%q against %q: %.3f, match %v; want %v\n%+v", tt.query, tt.names, r.Score, r.Match, tt.hit, r.Explanation)
			}
		})
	}
}
