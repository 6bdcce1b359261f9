package screen_test

import (
	"context"
	"slices"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/ofac"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// ofac2024 is a screener on the OFAC SDN list of 2024-05-03.
func ofac2024(t *testing.T) *screen.Screener {
	t.Helper()
	path := sourcetest.SharedData(t, "ofac", "sdn_csv_2024-05-03", "sdn.csv")
	rs, err := ofac.Parse(context.Background(), []string{path})
	if err != nil {
		t.Fatal(err)
	}
	return screen.New(index.Build(rs[0].Entities, match.DefaultConfig()))
}

func TestWhatMustMatch(t *testing.T) {
	s := ofac2024(t)
	tests := []struct {
		q    match.Query
		want string // the entity that must be the first hit
	}{
		{match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}}, "ofac-35233"},
		{match.Query{Subject: entity.Subject{Name: "Sergey Lavrov"}}, "ofac-35233"},
		{match.Query{Subject: entity.Subject{Name: "Serguei Lavrov"}}, "ofac-35233"},
		{match.Query{Subject: entity.Subject{Name: "Сергей Лавров"}}, "ofac-35233"},
		{match.Query{Subject: entity.Subject{Name: "LAVROV, Sergei"}}, "ofac-35233"},
		{match.Query{Subject: entity.Subject{Name: "Bashar Assad"}}, "ofac-12735"},
		{match.Query{Subject: entity.Subject{Name: "Bashar al-Asad"}}, "ofac-12735"},
		{match.Query{Subject: entity.Subject{Name: "بشار الأسد"}}, "ofac-12735"},
		{match.Query{Subject: entity.Subject{Name: "Bashar AlAssad", Schema: entity.Person}}, "ofac-12735"},
		{match.Query{Subject: entity.Subject{Name: "V. Putin"}}, "ofac-35096"},
		{match.Query{Subject: entity.Subject{Name: "Vladimir Putin", BirthDate: "1952-10-07", Country: "Russia"}}, "ofac-35096"},
		{match.Query{Subject: entity.Subject{Name: "Dmitry Medvedev"}}, "ofac-36407"},
		{match.Query{Subject: entity.Subject{Name: "Bank Melli Iran", Schema: entity.Organization}}, "ofac-25578"},
		{match.Query{Subject: entity.Subject{Name: "BANK MELLI IRAN"}}, "ofac-25578"},
		{match.Query{Subject: entity.Subject{Name: "Ebano", Schema: entity.Vessel}}, "ofac-4243"},
		{match.Query{Subject: entity.Subject{Name: "a renamed ship", Schema: entity.Vessel, IDNumber: "IMO 7406784"}}, "ofac-4243"},
	}
	for _, tt := range tests {
		t.Run(tt.q.Name, func(t *testing.T) {
			res, err := s.Screen(context.Background(), tt.q, screen.Options{Explain: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 || res.Hits[0].EntityID != tt.want {
				t.Fatalf("hits = %+v, want %s first", ids(res.Hits), tt.want)
			}
			if h := res.Hits[0]; h.Explanation == nil || len(h.Explanation.Tokens) == 0 && tt.q.IDNumber == "" || h.Name == "" {
				t.Errorf("hit lacks its explanation or matched name: %+v", h)
			}
		})
	}
}

func TestWhatMustNotMatch(t *testing.T) {
	s := ofac2024(t)
	for _, name := range []string{"Hillary Rodham Clinton", "Yang Jiechi", "Conor Sweeney", "Natalia Kolesnikova"} {
		res, err := s.Screen(context.Background(), match.Query{Subject: entity.Subject{Name: name}}, screen.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 0 {
			t.Errorf("%s hits %v at the default threshold", name, ids(res.Hits))
		}
	}
	// Dmitry Medvedev is MEDVEDEV, Dmitry Anatolievich, far above
	// MEDVEDEV, Gennadiy (if that one shows at all).
	res, _ := s.Screen(context.Background(), match.Query{Subject: entity.Subject{Name: "Dmitry Medvedev"}}, screen.Options{Threshold: 0.3, Limit: -1})
	first, other := 0.0, 0.0
	for _, h := range res.Hits {
		switch {
		case h.EntityID == "ofac-36407":
			first = h.Score
		case h.Caption == "MEDVEDEV, Gennadiy" || h.Caption == "MEDVEDEV, Gennadiy Gennadievich":
			other = max(other, h.Score)
		}
	}
	if first < 0.85 || first-other < 0.25 {
		t.Errorf("Medvedev: Dmitry Anatolievich %.3f, Gennadiy %.3f", first, other)
	}
	// A common name alone does not flood the analyst.
	res, _ = s.Screen(context.Background(), match.Query{Subject: entity.Subject{Name: "Mohammed Ali"}}, screen.Options{Limit: -1})
	if len(res.Hits) > 25 {
		t.Errorf("Mohammed Ali: %d hits at the default threshold", len(res.Hits))
	}
}

func TestSecondaryEvidenceMovesTheScore(t *testing.T) {
	s := ofac2024(t)
	score := func(q match.Query) float64 {
		res, err := s.Screen(context.Background(), q, screen.Options{Threshold: 0.3, Limit: -1})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.EntityID == "ofac-35233" {
				return h.Score
			}
		}
		return 0
	}
	base := score(match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}})
	same := score(match.Query{Subject: entity.Subject{Name: "Sergei Lavrov", BirthDate: "1950-03-21", Country: "ru"}})
	other := score(match.Query{Subject: entity.Subject{Name: "Sergei Lavrov", BirthDate: "1987-11-02", Country: "fr"}})
	if !(same > base && base > other) {
		t.Errorf("Lavrov: name only %.3f, matching DOB and country %.3f, other DOB and country %.3f", base, same, other)
	}
}

func TestListFilter(t *testing.T) {
	s := ofac2024(t)
	res, _ := s.Screen(context.Background(), match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}}, screen.Options{Lists: []string{"un"}})
	if len(res.Hits) != 0 {
		t.Errorf("UN-only screening hit OFAC entities: %v", ids(res.Hits))
	}
	res, _ = s.Screen(context.Background(), match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}}, screen.Options{Lists: []string{"us"}})
	if len(res.Hits) == 0 || !slices.Contains(res.Hits[0].Lists, "ofac-sdn") {
		t.Errorf("US screening missed OFAC: %v", ids(res.Hits))
	}
}

func ids(hs []screen.Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.EntityID)
	}
	return out
}

func TestBatchKeepsOrder(t *testing.T) {
	s := ofac2024(t)
	names := []string{"Sergei Lavrov", "", "Bank Melli Iran", "Nobody Atall", "V. Putin"}
	in := make(chan match.Query)
	out := make(chan screen.Result, len(names))
	go func() {
		for i, n := range names {
			in <- match.Query{ID: string(rune('a' + i)), Subject: entity.Subject{Name: n}}
		}
		close(in)
	}()
	if err := s.Batch(context.Background(), in, out, 2, screen.Options{}); err != nil {
		t.Fatal(err)
	}
	close(out)
	var got []screen.Result
	for r := range out {
		got = append(got, r)
	}
	if len(got) != len(names) {
		t.Fatalf("%d results for %d queries", len(got), len(names))
	}
	for i, r := range got {
		if r.ID != string(rune('a'+i)) {
			t.Errorf("result %d has id %q", i, r.ID)
		}
	}
	if got[1].Error == "" || len(got[0].Hits) == 0 || got[0].Hits[0].EntityID != "ofac-35233" || len(got[3].Hits) != 0 {
		t.Errorf("batch results = %+v", got)
	}
}
