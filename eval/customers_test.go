package eval

import (
	"context"
	"slices"
	"testing"

	"github.com/vetoscreen/veto/demo"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/screen"
)

func TestGenerateCustomers(t *testing.T) {
	rs, err := demo.Results(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ents []*entity.Entity
	for _, r := range rs {
		ents = append(ents, r.Entities...)
	}
	const n = 5000
	a := slices.Collect(GenerateCustomers(ents, n, 42))
	b := slices.Collect(GenerateCustomers(ents, n, 42))
	c := slices.Collect(GenerateCustomers(ents, n, 43))
	if len(a) != n || !slices.EqualFunc(a, b, func(x, y entity.Customer) bool { return x.ID == y.ID && x.Name == y.Name && x.BirthDate == y.BirthDate }) {
		t.Fatal("not deterministic for a seed")
	}
	if slices.EqualFunc(a, c, func(x, y entity.Customer) bool { return x.Name == y.Name }) {
		t.Error("the seed changes nothing")
	}
	s := screen.New(index.Build(ents, match.DefaultConfig()))
	distinct := map[string]bool{}
	var hits, dobs, companies int
	for i := range a {
		if err := monitor.Validate(&a[i]); err != nil {
			t.Fatalf("customer %d: %v", i, err)
		}
		distinct[a[i].Name] = true
		if a[i].BirthDate != "" {
			dobs++
		}
		if a[i].Schema == entity.Company {
			companies++
		}
		res, err := s.Screen(context.Background(), monitor.Query(&a[i]), screen.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) > 0 {
			hits++
		}
	}
	// About 1% are listed parties, and most of their variants hit.
	if hits < n/200 || hits > n/40 {
		t.Errorf("%d of %d customers hit, want about 1%%", hits, n)
	}
	if len(distinct) < n*9/10 || dobs < n/2 || companies < n/20 {
		t.Errorf("%d distinct names, %d dates of birth, %d companies of %d", len(distinct), dobs, companies, n)
	}
}
