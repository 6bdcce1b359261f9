package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// Sergei Lavrov is listed by the US, the UK, Canada and Australia in the
// snapshots of ../shared/data (the EU file there is a sample without
// him): screened by name he is one hit naming each list, by veto screen
// and by /v1/screen alike; --by listing gives one hit per listing, as
// before.
func TestLavrovIsOneHitOnTheRealLists(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("imports every real list and resolves it: too slow under -short and -race (CI runs it without the race detector, .ci/run)")
	}
	dir := sourcetest.SharedData(t)
	db := filepath.Join(t.TempDir(), "veto.db")
	mustCLI(t, db, "import", "all", dir)
	want := []string{"au-dfat", "ca-sema", "ofac-sdn", "uk-ofsi"}
	// lists returns the lists of the listings the hits matched.
	lists := func(hits []screen.Hit) []string {
		var ls []string
		for _, h := range hits {
			if len(h.Matched) == 0 {
				ls = append(ls, h.List)
			}
			for _, m := range h.Matched {
				ls = append(ls, m.List)
			}
		}
		slices.Sort(ls)
		return ls
	}
	// At 0.95, only Lavrov's listings score.
	for _, tc := range []struct {
		by   string
		hits int
	}{{"subject", 1}, {"listing", len(want)}} {
		res := decode[screen.Result](t, mustCLI(t, db, "screen", "Sergei Lavrov", "--json", "--threshold", "0.95", "--by", tc.by))
		if len(res.Hits) != tc.hits || !slices.Equal(lists(res.Hits), want) {
			t.Errorf("veto screen --by %s: %d hits on %v, want %d on %v: %+v", tc.by, len(res.Hits), lists(res.Hits), tc.hits, want, res.Hits)
		}
	}

	url, _, _ := serve(t, db, "--no-auth")
	deadline := time.Now().Add(2 * time.Minute)
	for {
		r, err := http.Get(url + "/readyz")
		if err == nil {
			r.Body.Close()
			if r.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("veto serve is not ready")
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, tc := range []struct {
		group string
		hits  int
	}{{"", 1}, {"listing", len(want)}} {
		body, _ := json.Marshal(map[string]any{"name": "Sergei Lavrov", "group": tc.group, "threshold": 0.95})
		r, err := http.Post(url+"/v1/screen", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var res screen.Result
		err = json.NewDecoder(r.Body).Decode(&res)
		r.Body.Close()
		if err != nil || r.StatusCode != 200 {
			t.Fatalf("/v1/screen group %q: %d %v", tc.group, r.StatusCode, err)
		}
		if len(res.Hits) != tc.hits || !slices.Equal(lists(res.Hits), want) {
			t.Errorf("/v1/screen group %q: %d hits on %v, want %d on %v: %+v", tc.group, len(res.Hits), lists(res.Hits), tc.hits, want, res.Hits)
		}
	}
}
