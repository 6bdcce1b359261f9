package resolve_test

import (
	"context"
	"strings"
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

func TestRealAgreement(t *testing.T) {
	ix, ents := realIndex(t)
	ctx := context.Background()
	hard, err := resolve.Resolve(ctx, ix, ents, resolve.Options{Use: []resolve.Evidence{resolve.CrossReference, resolve.Identifier}})
	if err != nil {
		t.Fatal(err)
	}
	soft, err := resolve.Resolve(ctx, ix, ents, resolve.Options{Use: []resolve.Evidence{resolve.NameAndBirth, resolve.NameAndAddress, resolve.SoleName}})
	if err != nil {
		t.Fatal(err)
	}
	// The truth is the publishers' cross-references where they are
	// complete: every UK and EU listing of a UN designation quotes its UN
	// reference, and every FCDO listing its OFSI group.
	listOf := map[string]string{}
	quotes := map[string]bool{} // "uk-ofsi-123 un-": the listing quotes an ID of that prefix
	for _, e := range ents {
		listOf[e.ID] = e.List
		for _, r := range e.Relations {
			if r.Type == "sameAs" && strings.HasPrefix(r.Target, "un-") {
				quotes[e.ID+" un-"] = true
			}
			if r.Type == "sameAs" && strings.HasPrefix(r.Target, "uk-ofsi-") {
				quotes[e.ID+" uk-ofsi-"] = true
			}
		}
	}
	// A pair is judged where the truth is known: a UK or EU listing that
	// quotes a UN reference, beside a UN listing (is it that one?); an
	// FCDO listing that quotes its OFSI group, beside an OFSI listing.
	referenced := func(a, b string) bool {
		if listOf[a] > listOf[b] {
			a, b = b, a
		}
		switch listOf[a] + " " + listOf[b] {
		case "uk-ofsi un-sc", "uk-fcdo un-sc", "eu-fsf un-sc":
			return quotes[a+" un-"]
		case "uk-fcdo uk-ofsi":
			return quotes[a+" uk-ofsi-"]
		}
		return false
	}
	covered := func(id string) bool { return true }
	byID := map[string]*entity.Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	for _, s := range hard.Subjects {
		for i := range s.Members {
			for j := i + 1; j < len(s.Members); j++ {
				a, b := s.Members[i].EntityID, s.Members[j].EntityID
				sa, _ := soft.Subject(a)
				sb, _ := soft.Subject(b)
				if sa != sb && referenced(a, b) && s.Schema == entity.Person {
					ea, eb := byID[a], byID[b]
					t.Logf("missed %s %q %v %v / %s %q %v %v", a, ea.Caption(), ea.BirthDates, ea.Gender, b, eb.Caption(), eb.BirthDates, eb.Gender)
				}
			}
		}
	}
	for _, schema := range []entity.Schema{entity.Person, entity.Organization, entity.Vessel} {
		keep := func(a, b string) bool {
			s, _ := hard.Subject(a)
			ok := s.Schema == schema || schema == entity.Organization && s.Schema.IsOrganization()
			return ok && referenced(a, b)
		}
		ag := resolve.Compare(soft, hard, keep)
		t.Logf("%s: hard pairs %d, soft found %d, soft pairs %d: precision %.4f recall %.4f", schema, ag.Pairs, ag.Found, ag.Joined, ag.Precision, ag.Recall)
	}
	n := 0
	for _, s := range soft.Subjects {
		for i := range s.Members {
			for j := i + 1; j < len(s.Members); j++ {
				a, b := s.Members[i].EntityID, s.Members[j].EntityID
				if !covered(a) || !covered(b) || !referenced(a, b) {
					continue
				}
				ha, _ := hard.Subject(a)
				hb, _ := hard.Subject(b)
				if ha != hb && n < 25 {
					n++
					t.Logf("soft-only %s %q / %s %q links %v", a, s.Members[i].Caption, b, s.Members[j].Caption, s.Links)
				}
			}
		}
	}
}

func TestRealMissed(t *testing.T) {
	ix, ents := realIndex(t)
	ctx := context.Background()
	hard, _ := resolve.Resolve(ctx, ix, ents, resolve.Options{Use: []resolve.Evidence{resolve.CrossReference, resolve.Identifier}})
	soft, _ := resolve.Resolve(ctx, ix, ents, resolve.Options{Use: []resolve.Evidence{resolve.NameAndBirth, resolve.NameAndAddress, resolve.SoleName}})
	byID := map[string]*entity.Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	n := 0
	kinds := map[string]int{}
	for _, s := range hard.Subjects {
		if s.Schema != entity.Person {
			continue
		}
		for i := range s.Members {
			for j := i + 1; j < len(s.Members); j++ {
				a, b := s.Members[i].EntityID, s.Members[j].EntityID
				sa, _ := soft.Subject(a)
				sb, _ := soft.Subject(b)
				if sa == sb {
					continue
				}
				ea, eb := byID[a], byID[b]
				kinds[ea.List+"/"+eb.List]++
				if n < 40 {
					n++
					t.Logf("missed %s %q %v / %s %q %v", a, ea.Caption(), ea.BirthDates, b, eb.Caption(), eb.BirthDates)
				}
			}
		}
	}
	t.Logf("%v", kinds)
}

func TestRealOrgs(t *testing.T) {
	ix, ents := realIndex(t)
	ctx := context.Background()
	hard, _ := resolve.Resolve(ctx, ix, ents, resolve.Options{Use: []resolve.Evidence{resolve.CrossReference, resolve.Identifier}})
	soft, _ := resolve.Resolve(ctx, ix, ents, resolve.Options{Use: []resolve.Evidence{resolve.NameAndBirth, resolve.NameAndAddress, resolve.SoleName}})
	byID := map[string]*entity.Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	n := 0
	for _, s := range hard.Subjects {
		if !s.Schema.IsOrganization() || n > 12 {
			continue
		}
		n++
		for _, m := range s.Members {
			e := byID[m.EntityID]
			var addrs []string
			for _, a := range e.Addresses {
				addrs = append(addrs, a.City+"|"+a.Street+"|"+a.Country)
			}
			t.Logf("%s %q c=%v nat=%v addr=%v", m.EntityID, e.Caption(), e.Countries, e.Nationalities, addrs)
		}
		t.Logf("--")
	}
	k := 0
	for _, p := range soft.Possible {
		if p.Evidence == resolve.NameAndAddress && k < 10 {
			k++
			t.Logf("possible %+v", p)
		}
	}
}
