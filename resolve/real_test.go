package resolve_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/sourcetest"
)

var real struct {
	once sync.Once
	ix   *index.Index
	ents []*entity.Entity
	err  error
}

// realIndex is the index of the newest version of every list in the
// shared data.
func realIndex(t *testing.T) (*index.Index, []*entity.Entity) {
	t.Helper()
	dir := sourcetest.SharedData(t)
	real.once.Do(func() {
		rs, _, err := all.ParseDir(context.Background(), dir)
		if err != nil {
			real.err = err
			return
		}
		var ents []*entity.Entity
		for _, r := range rs {
			ents = append(ents, r.Entities...)
		}
		real.ix, real.ents = index.Build(ents, match.DefaultConfig()), ents
	})
	if real.err != nil {
		t.Fatal(real.err)
	}
	return real.ix, real.ents
}

func TestRealStats(t *testing.T) {
	ix, ents := realIndex(t)
	start := time.Now()
	res, err := resolve.Resolve(context.Background(), ix, ents, resolve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("resolved in %v", time.Since(start))
	st := res.Stats()
	t.Logf("listings %d subjects %d joined %d links %v vetoed %v possible %d sizes %v", st.Listings, st.Subjects, st.Joined, st.Links, st.Vetoed, st.Possible, st.Sizes)
	for _, s := range st.Largest {
		t.Logf("  %s %s %v", s.ID, s.Caption, s.MemberIDs())
	}
}

func TestRealDebug(t *testing.T) {
	ix, ents := realIndex(t)
	res, _ := resolve.Resolve(context.Background(), ix, ents, resolve.Options{Use: []resolve.Evidence{resolve.CrossReference}})
	s, _ := res.Subject("un-QDi.017")
	for _, l := range s.Links {
		t.Logf("%+v", l)
	}
	for _, e := range ents {
		if e.ID == "uk-ofsi-10664" || e.ID == "uk-AQD0195" || e.ID == "uk-ofsi-6899" || e.ID == "uk-ofsi-8719" {
			t.Logf("%s %s %v", e.ID, e.Caption(), e.Relations)
		}
	}
}

func TestRealWho(t *testing.T) {
	ix, ents := realIndex(t)
	res, _ := resolve.Resolve(context.Background(), ix, ents, resolve.Options{})
	cfg := ix.Config()
	for _, q := range []match.Query{
		{Name: "Sergei Viktorovich Lavrov", Schema: entity.Person},
		{Name: "Vladimir Vladimirovich Putin", Schema: entity.Person},
		{Name: "Dmitry Anatolyevich Medvedev", Schema: entity.Person},
		{Name: "Bashar al-Assad", Schema: entity.Person},
		{Name: "Arkady Romanovich Rotenberg", Schema: entity.Person},
		{Name: "Boris Romanovich Rotenberg", Schema: entity.Person},
		{Name: "Ramzan Akhmatovich Kadyrov", Schema: entity.Person},
		{Name: "Kim Jong Un", Schema: entity.Person},
		{Name: "Bank Melli Iran", Schema: entity.Organization},
	} {
		p, _ := cfg.Prepare(q, ix)
		t.Logf("== %s", q.Name)
		for _, h := range ix.Search(p, index.Options{Threshold: 0.85}) {
			s, _ := res.Subject(h.EntityID)
			t.Logf("  %.2f %-28s %-40s %v %s", h.Score, h.EntityID, h.Entity.Caption(), h.Entity.BirthDates, s.ID)
		}
	}
}

func TestRealShow(t *testing.T) {
	_, ents := realIndex(t)
	for _, e := range ents {
		switch e.ID {
		case "ca-russia-1-part-1-505", "ofac-35233", "uk-ofsi-14197", "au-6679", "ca-syria-part-2-1", "au-2241":
			t.Logf("%s nat=%v cit=%v c=%v dob=%v addr=%v", e.ID, e.Nationalities, e.Citizenships, e.Countries, e.BirthDates, e.Addresses)
		}
	}
}
