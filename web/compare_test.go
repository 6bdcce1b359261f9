package web

import (
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
)

func TestCompareFields(t *testing.T) {
	assad := &entity.Entity{
		ID: "ofac-12735", Schema: entity.Person, List: "ofac-sdn",
		BirthDates:    []entity.DateRange{{From: entity.Date{Year: 1965, Month: 9, Day: 11}}},
		Gender:        "male",
		Nationalities: []string{"sy"},
		Addresses:     []entity.Address{{Full: "Damascus, Syria", Country: "sy"}},
		Identifiers:   []entity.Identifier{{Type: entity.IDPassport, Value: "D-1234 567", Country: "sy"}},
	}
	ranged := &entity.Entity{BirthDates: []entity.DateRange{{From: entity.Date{Year: 1955}, To: entity.Date{Year: 1958}}}}
	tests := []struct {
		name     string
		customer entity.Subject
		listing  *entity.Entity
		field    string
		want     verdict
		evidence string // a part of the evidence
	}{
		{"year against the full date", entity.Subject{BirthDate: "1965"}, assad, "Date of birth", agrees, "1965 and 1965-09-11"},
		{"another year", entity.Subject{BirthDate: "1972"}, assad, "Date of birth", differs, "1972 cannot be 1965-09-11"},
		{"the same day", entity.Subject{BirthDate: "1965-09-11"}, assad, "Date of birth", agrees, "the same date"},
		{"as people type it", entity.Subject{BirthDate: "11.09.1965"}, assad, "Date of birth", agrees, "the same date"},
		{"another day of the year", entity.Subject{BirthDate: "1965-09-12"}, assad, "Date of birth", differs, ""},
		{"month against the date", entity.Subject{BirthDate: "1965-09"}, assad, "Date of birth", agrees, ""},
		{"within a listed range", entity.Subject{BirthDate: "1957-03-01"}, ranged, "Date of birth", agrees, ""},
		{"outside a listed range", entity.Subject{BirthDate: "1960"}, ranged, "Date of birth", differs, "1955..1958"},
		{"no customer date", entity.Subject{}, assad, "Date of birth", unknown, "customer record does not give it"},
		{"no listed date", entity.Subject{BirthDate: "1965"}, &entity.Entity{}, "Date of birth", unknown, "listing does not give it"},
		{"unreadable date", entity.Subject{BirthDate: "31.02.1965"}, assad, "Date of birth", unknown, "cannot be read"},
		{"no listing at all", entity.Subject{BirthDate: "1965"}, nil, "Date of birth", unknown, ""},

		{"nationality by code", entity.Subject{Country: "SY"}, assad, "Nationality / country", agrees, "Syria is among"},
		{"nationality by name", entity.Subject{Country: "Syrian Arab Republic"}, assad, "Nationality / country", agrees, ""},
		{"another country", entity.Subject{Country: "FR"}, assad, "Nationality / country", differs, "France is none"},
		{"unknown country", entity.Subject{Country: "Atlantis"}, assad, "Nationality / country", unknown, "not one veto knows"},
		{"country of an address", entity.Subject{Country: "sy"}, &entity.Entity{Addresses: assad.Addresses}, "Nationality / country", agrees, ""},

		{"same gender", entity.Subject{Gender: "M"}, assad, "Gender", agrees, "both male"},
		{"other gender", entity.Subject{Gender: "female"}, assad, "Gender", differs, "female against male"},
		{"no gender", entity.Subject{}, assad, "Gender", unknown, ""},

		{"identifier normalised", entity.Subject{IDNumber: "d1234567"}, assad, "Identifiers", agrees, "Syria"},
		{"another identifier", entity.Subject{IDNumber: "X99"}, assad, "Identifiers", differs, "none of the 1 listed"},
		{"identifier of punctuation", entity.Subject{IDNumber: "--"}, assad, "Identifiers", unknown, "no letter or digit"},
		{"no listed identifier", entity.Subject{IDNumber: "D1234567"}, &entity.Entity{}, "Identifiers", unknown, "listing does not give it"},

		{"person as person", entity.Subject{Schema: entity.Person}, assad, "Kind", agrees, ""},
		{"company against person", entity.Subject{Schema: entity.Company}, assad, "Kind", differs, "a Company is not a Person"},
		{"kind not given", entity.Subject{}, assad, "Kind", unknown, "customer record does not give it"},

		{"addresses shown, not compared", entity.Subject{}, assad, "Address", unknown, "holds no address"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows := compareFields(tc.customer, tc.listing, nil)
			var got *fieldRow
			for i := range rows {
				if rows[i].Field == tc.field {
					got = &rows[i]
				}
			}
			if got == nil {
				t.Fatalf("no row %q in %+v", tc.field, rows)
			}
			if got.Verdict != tc.want || !strings.Contains(got.Evidence, tc.evidence) {
				t.Errorf("%s: %s (%s), want %s with %q", tc.field, got.Verdict, got.Evidence, tc.want, tc.evidence)
			}
		})
	}
}

func TestCompareName(t *testing.T) {
	c := entity.Subject{Name: "Bashar Assad", Aliases: []string{"B. Assad"}}
	tests := []struct {
		name     string
		ex       *match.Explanation
		want     verdict
		evidence string
	}{
		{"no explanation", nil, unknown, "no explanation"},
		{"every word met", &match.Explanation{Name: "AL-ASSAD, Bashar", NameScore: 0.93,
			Tokens: []match.TokenMatch{{Query: "bashar", Name: "bashar"}, {Query: "assad", Name: "assad"}}}, agrees, "name score 0.93"},
		{"a word unmatched", &match.Explanation{Name: "AL-ASSAD, Maher", NameScore: 0.6,
			UnmatchedQuery: []match.TokenCost{{Token: "bashar"}}}, differs, "bashar met no listed word"},
		{"a contradiction", &match.Explanation{Name: "Ivan Petrovich",
			Contradictions: []match.Contradiction{{What: "patronymic", Query: "ivanovich", Name: "petrovich"}}}, differs, "patronymic ivanovich against petrovich"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compareFields(c, nil, tc.ex)[0]
			if r.Field != "Name" || r.Verdict != tc.want || !strings.Contains(r.Evidence, tc.evidence) {
				t.Errorf("%s: %s (%s), want %s with %q", r.Field, r.Verdict, r.Evidence, tc.want, tc.evidence)
			}
			if len(r.Customer) != 2 {
				t.Errorf("customer names %v, want the name and its alias", r.Customer)
			}
		})
	}
}
