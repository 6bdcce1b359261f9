package api

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"github.com/vetoscreen/veto/batch/jobs"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

// served returns the compact form of the versions the server serves now.
func (ts *testServer) served() string { return ts.Keeper.Snapshot().RefString() }

// versionsOf returns the compact form of versions.
func versionsOf(refs []entity.VersionRef) string { return entity.FormatRefs(refs) }

// TestVersionsReported: every kind of result names the list versions it
// was screened against — the body and the Veto-Versions header of
// /v1/screen, /v1/search, /v1/text, yente's /match and /search, the audit
// entries, a batch job and its results, the alerts raised.
func TestVersionsReported(t *testing.T) {
	ts, _ := jobsServer(t, 0, defaultJobs(t))
	want := ts.served()
	if strings.Count(want, ",") != 2 || !strings.Contains(want, "un-sc@") || !strings.Contains(want, "ofac-sdn@") {
		t.Fatalf("served %q, want the three fixture lists", want)
	}
	check := func(what string, r response, body []entity.VersionRef) {
		t.Helper()
		if r.Status != 200 {
			t.Fatalf("%s: %d %s", what, r.Status, r.Body)
		}
		if got := versionsOf(body); got != want {
			t.Errorf("%s: versions %q in the body, want %q", what, got, want)
		}
		if got := r.Header.Get("Veto-Versions"); got != want {
			t.Errorf("%s: Veto-Versions %q, want %q", what, got, want)
		}
		for _, v := range body {
			if v.ID == 0 || v.Hash == "" || v.Published.IsZero() {
				t.Errorf("%s: version %+v lacks its ID, hash or publication date", what, v)
			}
		}
	}

	r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": "Sergei Lavrov"})
	var single screenResponse
	r.json(t, &single)
	check("/v1/screen", r, single.Versions)
	if !single.AsOf.IsZero() || single.Absent != nil {
		t.Errorf("/v1/screen without asOf: asOf %v, absent %v", single.AsOf, single.Absent)
	}
	r = ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"queries": []map[string]any{{"name": "Sergei Lavrov"}}})
	var many batchResponse
	r.json(t, &many)
	check("/v1/screen queries", r, many.Versions)
	r = ts.do("GET", "/v1/search?q=Lavrov", entity.RoleScreen, nil)
	var page searchPage
	r.json(t, &page)
	check("/v1/search", r, page.Versions)
	r = ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": "Payment to Sergei Lavrov, Moscow"})
	var text textResponse
	r.json(t, &text)
	check("/v1/text", r, text.Versions)
	r = ts.do("POST", "/match/sanctions", entity.RoleScreen, map[string]any{"queries": map[string]any{
		"q1": map[string]any{"schema": "Person", "properties": map[string]any{"name": []string{"Sergei Lavrov"}}}}})
	var m matchResponse
	r.json(t, &m)
	check("/match", r, m.Versions)
	if len(m.Responses["q1"].Results) == 0 {
		t.Errorf("/match: no result for Lavrov: %s", r.Body)
	}
	r = ts.do("GET", "/search/sanctions?q=Lavrov", entity.RoleScreen, nil)
	var ys yenteSearchResponse
	r.json(t, &ys)
	check("/search", r, ys.Versions)

	// The audit entries of the screenings name the versions.
	ts.Audit.Close()
	for subject, e := range screens(t, ts.Store) {
		var sum screen.Summary
		if err := json.Unmarshal(e.Data, &sum); err != nil {
			t.Fatal(err)
		}
		if strings.Join(sum.Versions, ",") != want {
			t.Errorf("audit entry %s: versions %v, want %s", subject, sum.Versions, want)
		}
	}

	// A batch job: the job says its versions, and so does every row.
	r = ts.upload("/v1/jobs", "text/csv", strings.NewReader("id,name\nR1,Sergei Lavrov\nR2,Harriet Plumstead\n"))
	var created Job
	r.json(t, &created)
	j := ts.waitJob(created.ID)
	if j.Status != jobs.Done || versionsOf(j.Versions) != want {
		t.Errorf("job: %s, versions %q; want done against %q", j.Status, versionsOf(j.Versions), want)
	}
	r = ts.do("GET", created.Links.Results, entity.RoleScreen, nil)
	rows, err := csv.NewReader(bytes.NewReader(r.Body)).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("job results: %v\n%s", err, r.Body)
	}
	if !slices.Equal(rows[0], batch.CSVHeader) || rows[0][len(rows[0])-1] != "versions" {
		t.Errorf("results header %q", rows[0])
	}
	for _, row := range rows[1:] {
		if row[len(row)-1] != want {
			t.Errorf("results row %q: versions %q, want %q", row, row[len(row)-1], want)
		}
	}

	// Alerts raised by monitoring keep the versions screened against,
	// as stored.
	r = ts.do("POST", "/v1/customers", entity.RoleScreen, map[string]any{"id": "C-1", "name": "Sergei Lavrov", "schema": "Person"})
	var put customersResponse
	r.json(t, &put)
	if r.Status != 200 || len(put.Alerts) == 0 {
		t.Fatalf("customers: %d %s", r.Status, r.Body)
	}
	for _, a := range put.Alerts {
		if versionsOf(a.Versions) != want {
			t.Errorf("alert on %s: versions %q, want %q", a.EntityID, versionsOf(a.Versions), want)
		}
		r := ts.do("GET", fmt.Sprintf("/v1/alerts/%d", a.ID), entity.RoleAnalyst, nil)
		var got entity.Alert
		r.json(t, &got)
		if versionsOf(got.Versions) != want {
			t.Errorf("GET alert %d: versions %q, want %q", a.ID, versionsOf(got.Versions), want)
		}
	}
}

// TestAsOfInvalid: asOf that is not a date, or before every stored
// version, is a 400 naming the field, on /v1/screen and /v1/text alike;
// nothing is screened or audited.
func TestAsOfInvalid(t *testing.T) {
	ts := startServer(t, serverOptions{})
	for _, tc := range []struct {
		asOf    any
		mention string
	}{
		{"2025-02-30", `asOf: "2025-02-30" is not an RFC 3339 date`},
		{"01/06/2025", `asOf: "01/06/2025" is not an RFC 3339 date`},
		{"2025-06-01 12:00", "asOf:"},
		{"1999-01-01", "asOf: 1999-01-01: no list version stored was in force"},
		{20250601, "asOf"},
	} {
		for path, body := range map[string]map[string]any{
			"/v1/screen": {"name": "Sergei Lavrov", "asOf": tc.asOf},
			"/v1/text":   {"text": "Payment to Sergei Lavrov", "asOf": tc.asOf},
		} {
			r := ts.do("POST", path, entity.RoleScreen, body)
			code, msg := r.errorBody(t)
			if r.Status != http.StatusBadRequest || code != CodeInvalid || !strings.Contains(msg, tc.mention) {
				t.Errorf("%s asOf %v: %d %s %q, want 400 saying %q", path, tc.asOf, r.Status, code, msg, tc.mention)
			}
		}
	}
	ts.Audit.Close()
	if n := len(screens(t, ts.Store)); n != 0 {
		t.Errorf("%d screenings audited, want none", n)
	}
}

// TestAsOfOnTheUNSnapshots is the case over the API: with the
// real UN lists of 2025-04-19 and 2026-02-27 stored, DIMITRI HERARD
// (un-HTi.008, designated 2025-10-17) is hit as of 2026-03-01 and not as
// of 2025-05-01, and each response and its audit entry names the version.
func TestAsOfOnTheUNSnapshots(t *testing.T) {
	st, versions := unSnapshots(t)
	ts := startServer(t, serverOptions{store: st, empty: true})
	for _, tc := range []struct {
		asOf    string
		version entity.ListVersion
		hit     bool
	}{
		{"2026-03-01", versions[1], true},
		{"2025-05-01", versions[0], false},
		{"2025-05-01T00:00:00Z", versions[0], false},
		{"", versions[1], true}, // the versions served
	} {
		r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"id": "q-" + tc.asOf, "name": "Dimitri Herard", "schema": "Person", "asOf": tc.asOf})
		if r.Status != 200 {
			t.Fatalf("as of %q: %d %s", tc.asOf, r.Status, r.Body)
		}
		var res screenResponse
		r.json(t, &res)
		hit := slices.ContainsFunc(res.Hits, func(h screen.Hit) bool { return h.EntityID == "un-HTi.008" })
		if hit != tc.hit {
			t.Errorf("as of %q: hits %+v; want un-HTi.008 hit: %v", tc.asOf, res.Hits, tc.hit)
		}
		if vs := res.Versions; len(vs) != 1 || vs[0].ID != tc.version.ID || vs[0].Hash != tc.version.Hash ||
			!vs[0].Published.Equal(tc.version.Published) || r.Header.Get("Veto-Versions") != tc.version.Ref().String() {
			t.Errorf("as of %q: screened against %+v (header %q), want version %d published %s", tc.asOf, res.Versions, r.Header.Get("Veto-Versions"),
				tc.version.ID, tc.version.Published)
		}
		if (tc.asOf == "") != res.AsOf.IsZero() {
			t.Errorf("as of %q: the response says asOf %v", tc.asOf, res.AsOf)
		}
	}
	ts.Audit.Close()
	for _, e := range screens(t, ts.Store) {
		var sum screen.Summary
		json.Unmarshal(e.Data, &sum)
		asOf2025 := !sum.AsOf.IsZero() && sum.AsOf.Year() == 2025
		if want := versions[map[bool]int{true: 0, false: 1}[asOf2025]].Ref().String(); !slices.Equal(sum.Versions, []string{want}) {
			t.Errorf("audit entry as of %v: versions %v, want [%s]", sum.AsOf, sum.Versions, want)
		}
		if asOf2025 && sum.WithHits > 0 && slices.ContainsFunc(sum.Matched, func(m screen.Matched) bool { return m.Entity == "un-HTi.008" }) {
			t.Errorf("audit entry as of %v records a hit on un-HTi.008", sum.AsOf)
		}
	}
}

// unSnapshots returns a store holding the real UN lists of 2025-04-19 and
// 2026-02-27 (DIMITRI HERARD, un-HTi.008, is on the second only), and
// their versions, oldest first; it skips without the shared data.
func unSnapshots(t *testing.T) (store.Store, []entity.ListVersion) {
	t.Helper()
	old := sourcetest.SharedData(t, "un", "2025-04-19", "consolidated.xml")
	cur := sourcetest.SharedData(t, "un", "2026-02-27", "consolidated.xml")
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	pub, _ := all.Publisher("un")
	var versions []entity.ListVersion
	for _, f := range []string{old, cur} {
		outs, err := (&refresh.Refresher{Store: st, Config: refresh.DefaultConfig()}).Import(t.Context(), pub, []string{f})
		if err != nil || outs[0].Err != nil {
			t.Fatal(err, outs)
		}
		versions = append(versions, outs[0].Version)
	}
	return st, versions
}

// TestVersionsUnderSwaps swaps list versions under load over HTTP: set A
// lists un-x, set B un-y, under the same name. Every response must name
// the versions of the entity it hit, in its body, its Veto-Versions
// header and its audit entry — never A's versions with B's hits. Run it
// with -race.
func TestVersionsUnderSwaps(t *testing.T) {
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	const name = "Ivan Petrovich Sidorov"
	var want sync.Map // "un-sc@ID" → the entity the version lists
	add := func(i int) string {
		t.Helper()
		id := []string{"un-x", "un-y"}[i%2]
		day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		res, err := st.AddVersion(context.Background(), store.NewVersion{Version: entity.ListVersion{List: "un-sc", Publisher: "un",
			Hash: fmt.Sprintf("h%d", i), Published: day, PublishedFrom: "file", FetchedAt: day},
			Entities: []*entity.Entity{{ID: id, Schema: entity.Person, List: "un-sc", Names: []entity.Name{{Full: name, Kind: entity.Primary}}}}, Repeat: true})
		if err != nil {
			t.Fatal(err)
		}
		ref := res.Version.Ref().String()
		want.Store(ref, id)
		return ref
	}
	add(0)
	ts := startServer(t, serverOptions{store: st, empty: true})
	// A request of three queries, screened one after the other.
	body, _ := json.Marshal(map[string]any{"queries": []map[string]any{{"name": name}, {"name": name}, {"name": name}}})
	var seen atomic.Value // the versions last answered with
	seen.Store("")
	stop := make(chan struct{})
	errs := make(chan error, 16)
	var answered atomic.Int64
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			client := &http.Client{}
			for {
				select {
				case <-stop:
					return
				default:
				}
				req, _ := http.NewRequest("POST", ts.URL+"/v1/screen", bytes.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleScreen])
				resp, err := client.Do(req)
				if err != nil {
					errs <- err
					return
				}
				var res batchResponse
				err = json.NewDecoder(bufio.NewReader(resp.Body)).Decode(&res)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 {
					errs <- fmt.Errorf("status %d: %v", resp.StatusCode, err)
					return
				}
				versions := versionsOf(res.Versions)
				w, ok := want.Load(versions)
				if !ok || resp.Header.Get("Veto-Versions") != versions {
					errs <- fmt.Errorf("answered with versions %q (header %q)", versions, resp.Header.Get("Veto-Versions"))
					return
				}
				for _, r := range res.Results {
					if len(r.Hits) != 1 || r.Hits[0].EntityID != w {
						errs <- fmt.Errorf("screened against %s: hits %+v, want only %s", versions, r.Hits, w)
						return
					}
				}
				seen.Store(versions)
				answered.Add(1)
			}
		})
	}
	const swaps = 30
	for i := 1; i <= swaps; i++ {
		ref := add(i)
		if err := ts.Keeper.Reload(context.Background(), false); err != nil {
			t.Fatal(err)
		}
		for seen.Load() != ref && len(errs) == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// The audit entries agree with the responses.
	ts.Audit.Close()
	n := 0
	for subject, e := range screens(t, ts.Store) {
		var sum screen.Summary
		if err := json.Unmarshal(e.Data, &sum); err != nil {
			t.Fatal(err)
		}
		w, ok := want.Load(strings.Join(sum.Versions, ","))
		if !ok {
			t.Errorf("audit entry %s names versions %v", subject, sum.Versions)
			continue
		}
		for _, m := range sum.Matched {
			if m.Entity != w {
				t.Errorf("audit entry %s: screened against %v, records a hit on %s, want %s", subject, sum.Versions, m.Entity, w)
			}
		}
		n++
	}
	es, err := ts.Store.AuditEntries(t.Context(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	v := chain.NewVerifier()
	for _, e := range es {
		v.Add(e)
	}
	if !v.OK() {
		t.Errorf("the audit chain: %v", v.Problems())
	}
	t.Logf("%d responses, %d audit entries, %d swaps", answered.Load(), n, swaps)
}

// TestSearchAsOf: /v1/search takes asOf as /v1/screen does: an entity
// listed only in a later version is found now and not as of a date
// before it, and each page names the versions searched (body and
// Veto-Versions), the instant, and the lists with no version then.
func TestSearchAsOf(t *testing.T) {
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	person := func(id, list, name string) *entity.Entity {
		return &entity.Entity{ID: id, Schema: entity.Person, List: list, Names: []entity.Name{{Full: name, Kind: entity.Primary}}}
	}
	add := func(list, pub string, day time.Time, es ...*entity.Entity) entity.ListVersion {
		t.Helper()
		res, err := st.AddVersion(t.Context(), store.NewVersion{Version: entity.ListVersion{List: list, Publisher: pub,
			Hash: fmt.Sprintf("%s-%s", list, day.Format(time.DateOnly)), Published: day, PublishedFrom: "file", FetchedAt: day}, Entities: es})
		if err != nil {
			t.Fatal(err)
		}
		return res.Version
	}
	jan, mar := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC), time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	unJan := add("un-sc", "un", jan, person("un-1", "un-sc", "Ivan Petrovich Sidorov"))
	unMar := add("un-sc", "un", mar, person("un-1", "un-sc", "Ivan Petrovich Sidorov"), person("un-2", "un-sc", "Pavel Ivanovich Sidorov"))
	euMar := add("eu-fsf", "eu", mar, person("eu-1", "eu-fsf", "Pavel Sidorov"))
	ts := startServer(t, serverOptions{store: st, empty: true})

	for _, tc := range []struct {
		asOf     string
		versions []entity.ListVersion
		absent   []string
		hits     []string // sorted
	}{
		{"", []entity.ListVersion{euMar, unMar}, nil, []string{"eu-1", "un-2"}},
		{"2025-04-01", []entity.ListVersion{euMar, unMar}, nil, []string{"eu-1", "un-2"}},
		{"2025-02-01", []entity.ListVersion{unJan}, []string{"eu-fsf"}, nil},
		{"2025-02-01T12:00:00Z", []entity.ListVersion{unJan}, []string{"eu-fsf"}, nil},
	} {
		t.Run("asOf="+tc.asOf, func(t *testing.T) {
			r := ts.do("GET", "/v1/search?q=Pavel+Sidorov&asOf="+url.QueryEscape(tc.asOf), entity.RoleScreen, nil)
			if r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			var page searchPage
			r.json(t, &page)
			hits := hitIDs(page.Results)
			slices.Sort(hits)
			if !slices.Equal(hits, tc.hits) {
				t.Errorf("results %v, want %v", hits, tc.hits)
			}
			var got, want []string
			for _, v := range page.Versions {
				got = append(got, v.String())
			}
			for _, v := range tc.versions {
				want = append(want, v.Ref().String())
			}
			if !slices.Equal(got, want) || r.Header.Get("Veto-Versions") != strings.Join(want, ",") {
				t.Errorf("versions %v (header %q), want %v", got, r.Header.Get("Veto-Versions"), want)
			}
			if (tc.asOf == "") != page.AsOf.IsZero() || !slices.Equal(page.Absent, tc.absent) {
				t.Errorf("asOf %v, absent %v; want absent %v", page.AsOf, page.Absent, tc.absent)
			}
		})
	}
	for _, tc := range []struct{ asOf, mention string }{
		{"2025-02-30", `asOf: "2025-02-30" is not an RFC 3339 date`},
		{"2024-01-01", "asOf: 2024-01-01: no list version stored was in force"},
	} {
		r := ts.do("GET", "/v1/search?q=Pavel+Sidorov&asOf="+url.QueryEscape(tc.asOf), entity.RoleScreen, nil)
		if code, msg := r.errorBody(t); r.Status != http.StatusBadRequest || code != CodeInvalid || !strings.Contains(msg, tc.mention) {
			t.Errorf("asOf %s: %d %s %q, want 400 saying %q", tc.asOf, r.Status, code, msg, tc.mention)
		}
	}
}
