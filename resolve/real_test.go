package resolve_test

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/source/all/alltest"
)

var real struct {
	once sync.Once
	ix   *index.Index
	ents []*entity.Entity
	res  *resolve.Resolution
	err  error
}

// realResolution resolves the newest version of every list in the shared
// data, once for all tests.
func realResolution(t testing.TB) (*index.Index, []*entity.Entity, *resolve.Resolution) {
	t.Helper()
	if testing.Short() {
		t.Skip("resolving every list takes seconds; skipped with -short")
	}
	ents := alltest.Entities(t)
	real.once.Do(func() {
		real.ents = ents
		real.ix = index.Build(real.ents, match.DefaultConfig())
		real.res, real.err = resolve.Resolve(context.Background(), real.ix, real.ents, resolve.Options{})
	})
	if real.err != nil {
		t.Fatal(real.err)
	}
	return real.ix, real.ents, real.res
}

// Well-known designees come out as one subject with every list that names
// them: the listings were read off the lists by hand.
func TestRealSubjects(t *testing.T) {
	_, _, res := realResolution(t)
	st := res.Stats()
	t.Logf("listings %d, subjects %d (%d of several listings), links %v, vetoed %v, possible pairs %d, sizes %v",
		st.Listings, st.Subjects, st.Joined, st.Links, st.Vetoed, st.Possible, st.Sizes)
	for _, who := range []struct {
		name    string
		members []string
	}{
		{"Sergei Lavrov", []string{"au-6679", "ca-russia-1-part-1-505", "ofac-35233", "uk-ofsi-14197"}},
		{"Vladimir Putin", []string{"au-6678", "ca-russia-1-part-1-503", "ofac-35096", "uk-ofsi-14196"}},
		{"Dmitry Medvedev", []string{"au-6277", "ca-russia-1-part-1-512", "ofac-36407", "uk-ofsi-14676"}},
		{"Bashar al-Assad", []string{"au-2241", "ca-syria-part-2-1", "ofac-12735", "uk-ofsi-11928"}},
		{"Arkady Rotenberg", []string{"au-2695", "ca-russia-1-part-1-40", "ofac-16669", "uk-ofsi-15498"}},
		{"Boris Rotenberg", []string{"au-2696", "ca-russia-1-part-1-41", "ofac-16671", "uk-ofsi-14182"}},
		{"Ramzan Kadyrov", []string{"au-2961", "ca-russia-1-part-1-54", "ofac-23343", "uk-ofsi-13042"}},
		{"Kim Jong Un", []string{"ofac-20157"}},
		{"Bank Melli Iran", []string{"ofac-25578"}},
	} {
		s, ok := res.Subject(who.members[0])
		if !ok {
			t.Errorf("%s: %s not resolved", who.name, who.members[0])
			continue
		}
		if got := strings.Join(s.MemberIDs(), " "); got != strings.Join(who.members, " ") {
			t.Errorf("%s: subject %s holds %s, want %v; links %+v", who.name, s.ID, got, who.members, s.Links)
		}
	}
	if same(res, "ofac-16669", "ofac-16671") {
		t.Errorf("Arkady and Boris Rotenberg are one subject")
	}
	// No subject holds two listings of one list, whatever its evidence;
	// an OFAC listing and one of the Entity List, both carried by the
	// consolidated screening list, may be one subject.
	csl := 0
	for _, s := range res.Subjects {
		seen := map[string]string{}
		for _, m := range s.Members {
			if other, ok := seen[m.List]; ok {
				t.Errorf("subject %s holds %s and %s of %s", s.ID, other, m.EntityID, m.List)
			}
			seen[m.List] = m.EntityID
		}
		if seen["us-csl"] != "" && seen["ofac-sdn"] != "" {
			csl++
		}
	}
	t.Logf("%d subjects join an OFAC listing and one the consolidated screening list alone carries", csl)
}

// The soft evidence (names, dates, countries) against the publishers'
// own: resolved with each alone, compared where the cross-references are
// complete — a UK or EU listing that quotes a UN reference beside a UN
// listing (is it that one?), an FCDO listing that quotes its OFSI group
// beside an OFSI listing.
func TestRealSoftAgreesWithPublished(t *testing.T) {
	ix, ents, _ := realResolution(t)
	ctx := context.Background()
	hard, err := resolve.Resolve(ctx, ix, ents, resolve.Options{Use: []resolve.Evidence{resolve.CrossReference}})
	if err != nil {
		t.Fatal(err)
	}
	soft, err := resolve.Resolve(ctx, ix, ents, resolve.Options{Use: []resolve.Evidence{resolve.NameAndBirth, resolve.NameAndAddress, resolve.SoleName}})
	if err != nil {
		t.Fatal(err)
	}
	listOf := map[string]string{}
	quotes := map[string]bool{} // "uk-ofsi-123 un-": the listing quotes an ID with that prefix
	for _, e := range ents {
		listOf[e.ID] = e.List
		for _, r := range e.Relations {
			for _, prefix := range []string{"un-", "uk-ofsi-"} {
				if r.Type == "sameAs" && strings.HasPrefix(r.Target, prefix) {
					quotes[e.ID+" "+prefix] = true
				}
			}
		}
	}
	judged := func(a, b string) bool {
		if listOf[a] > listOf[b] {
			a, b = b, a
		}
		switch listOf[a] + " " + listOf[b] {
		case "eu-fsf un-sc", "uk-fcdo un-sc", "uk-ofsi un-sc":
			return quotes[a+" un-"]
		case "uk-fcdo uk-ofsi":
			return quotes[a+" uk-ofsi-"]
		}
		return false
	}
	for _, kind := range []struct {
		name              string
		is                func(entity.Schema) bool
		precision, recall float64
	}{
		{"people", func(s entity.Schema) bool { return s == entity.Person }, 0.99, 0.95},
		{"organisations", entity.Schema.IsOrganization, 0.99, 0.90},
	} {
		ag := resolve.Compare(soft, hard, func(a, b string) bool {
			s, _ := hard.Subject(a)
			return kind.is(s.Schema) && judged(a, b)
		})
		t.Logf("%s: %d published pairs, %d found by names and facts, %d joined by them: precision %.4f, recall %.4f",
			kind.name, ag.Pairs, ag.Found, ag.Joined, ag.Precision, ag.Recall)
		if ag.Precision < kind.precision || ag.Recall < kind.recall {
			t.Errorf("%s: precision %.4f (want ≥ %.2f), recall %.4f (want ≥ %.2f)", kind.name, ag.Precision, kind.precision, ag.Recall, kind.recall)
		}
	}
}

// BenchmarkResolve resolves every list of the shared data; cpu-s/op is
// the process's CPU time per resolution, which a busy machine inflates
// less than the wall time.
func BenchmarkResolve(b *testing.B) {
	ix, ents, _ := realResolution(b)
	b.ResetTimer()
	before := cpuTime()
	for range b.N {
		if _, err := resolve.Resolve(context.Background(), ix, ents, resolve.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-before).Seconds()/float64(b.N), "cpu-s/op")
	// What a resolution keeps: the heap with one alive, against without.
	b.StopTimer()
	var without, with runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&without)
	res, err := resolve.Resolve(context.Background(), ix, ents, resolve.Options{})
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&with)
	runtime.KeepAlive(res)
	b.ReportMetric(float64(int64(with.HeapAlloc)-int64(without.HeapAlloc))/(1<<20), "MB-kept")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
