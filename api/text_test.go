package api

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/textscan"
)

func TestText(t *testing.T) {
	ts := startServer(t, serverOptions{})
	text := "Payment to Sergei Lavrov via Damascus. BIC: DEUTDEFF.\nСергей Лавров прилетел в Тегеран."
	r := ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": text})
	if r.Status != 200 {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	var res textResponse
	r.json(t, &res)
	if res.Bytes != len(text) || res.Threshold != 0.8 {
		t.Errorf("bytes %d threshold %v, want %d 0.8", res.Bytes, res.Threshold, len(text))
	}
	type want struct {
		kind textscan.Kind
		sub  string
	}
	check := func(fs []textFinding, wants []want) {
		t.Helper()
		if len(fs) != len(wants) {
			t.Fatalf("findings %+v, want %d", fs, len(wants))
		}
		for i, w := range wants {
			start := strings.Index(text, w.sub)
			if f := fs[i]; f.Kind != w.kind || f.Start != start || f.End != start+len(w.sub) || f.Text != w.sub {
				t.Errorf("finding %d = %s [%d,%d) %q, want %s %q at %d", i, f.Kind, f.Start, f.End, f.Text, w.kind, w.sub, start)
			}
		}
	}
	check(res.Findings, []want{{textscan.KindName, "Sergei Lavrov"}, {textscan.KindPlace, "Damascus"}, {textscan.KindBIC, "DEUTDEFF"},
		{textscan.KindName, "Сергей Лавров"}, {textscan.KindPlace, "Тегеран"}})
	if e := res.Findings[0].Entity; e == nil || len(e.Lists) == 0 || res.Findings[0].Explanation == nil {
		t.Errorf("name finding %+v: want an entity with lists and an explanation", res.Findings[0])
	}

	// Options: regimes narrow the entities, kinds the findings.
	r = ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": text, "regimes": []string{"eu"}, "kinds": []string{"name"}})
	res = textResponse{}
	r.json(t, &res)
	check(res.Findings, []want{{textscan.KindName, "Sergei Lavrov"}, {textscan.KindName, "Сергей Лавров"}})
	for _, f := range res.Findings {
		if !strings.HasPrefix(f.Entity.ID, "eu-") {
			t.Errorf("regimes eu: %s", f.Entity.ID)
		}
	}

	// A text/plain body, options in the query.
	req, _ := http.NewRequest("POST", ts.URL+"/v1/text?kinds=place,bic&threshold=0.9", strings.NewReader(text))
	req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleScreen])
	r = ts.send(req)
	if r.Status != 200 {
		t.Fatalf("text/plain: status %d: %s", r.Status, r.Body)
	}
	res = textResponse{}
	r.json(t, &res)
	check(res.Findings, []want{{textscan.KindPlace, "Damascus"}, {textscan.KindBIC, "DEUTDEFF"}, {textscan.KindPlace, "Тегеран"}})
	if res.Threshold != 0.9 {
		t.Errorf("threshold %v, want 0.9", res.Threshold)
	}

	// The scanner is built once per snapshot, and a new snapshot has its
	// own.
	snap := ts.Keeper.Snapshot()
	if scanner(snap) != scanner(snap) {
		t.Error("the scanner is rebuilt for the same snapshot")
	}
	if err := ts.Keeper.Reload(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	if scanner(ts.Keeper.Snapshot()) == scanner(snap) {
		t.Error("a new snapshot scans with the scanner of the one before")
	}
}

func TestTextBadInput(t *testing.T) {
	ts := startServer(t, serverOptions{cfg: Config{MaxBody: 1 << 10}})
	plain := func(path string, body string, contentType string) response {
		req, _ := http.NewRequest("POST", ts.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleScreen])
		return ts.send(req)
	}
	for _, tc := range []struct {
		name   string
		r      response
		status int
		msg    string
	}{
		{"no key", ts.do("POST", "/v1/text", "", map[string]any{"text": "x"}), 401, ""},
		{"no text", ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{}), 400, "text: required"},
		{"unknown field", ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": "x", "txt": "y"}), 400, "txt"},
		{"bad threshold", ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": "x", "threshold": 2}), 400, "threshold"},
		{"bad kind", ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": "x", "kinds": []string{"person"}}), 400, "kinds"},
		{"bad regime", ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": "x", "regimes": []string{"xx"}}), 400, "regimes"},
		{"query with JSON", ts.do("POST", "/v1/text?kinds=name", entity.RoleScreen, map[string]any{"text": "x"}), 400, "text/plain"},
		{"invalid UTF-8", plain("/v1/text", "Caf\xe9 Lavrov", "text/plain"), 400, "UTF-8 (byte 3)"},
		{"other charset", plain("/v1/text", "Cafe", "text/plain; charset=latin1"), 415, "UTF-8"},
		{"unknown query parameter", plain("/v1/text?treshold=0.9", "Lavrov", "text/plain"), 400, "treshold"},
		{"bad threshold in query", plain("/v1/text?threshold=high", "Lavrov", "text/plain"), 400, "threshold"},
		{"too large", plain("/v1/text", strings.Repeat("Lavrov ", 200), "text/plain"), 413, "larger"},
		{"other media type", plain("/v1/text", "<p>Lavrov</p>", "text/html"), 415, "application/json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.r.Status != tc.status {
				t.Fatalf("status %d, want %d: %s", tc.r.Status, tc.status, tc.r.Body)
			}
			if _, msg := tc.r.errorBody(t); !strings.Contains(msg, tc.msg) {
				t.Errorf("message %q, want it to mention %q", msg, tc.msg)
			}
		})
	}
}

// A /v1/text call leaves one audit entry, committed before the response
// (the store has it when the client reads the answer): its findings
// counted by kind, the entities matched and their scores, the text's
// size and the versions scanned against; never the text.
func TestTextIsAudited(t *testing.T) {
	ts := startServer(t, serverOptions{})
	text := "Payment to Sergei Lavrov via Damascus for the Quixotic Marmalade Orchard. BIC: DEUTDEFF.\nСергей Лавров прилетел в Тегеран."
	r := ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": text})
	if r.Status != 200 {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	var res textResponse
	r.json(t, &res)
	stored := screens(t, ts.Store)
	if len(stored) != 1 {
		t.Fatalf("%d screening entries, want 1", len(stored))
	}
	e, ok := stored["request/"+r.Header.Get("X-Request-Id")]
	if !ok {
		t.Fatalf("no entry for the request %s: %v", r.Header.Get("X-Request-Id"), stored)
	}
	if want := "key:" + apikey.ID(ts.Keys[entity.RoleScreen]); e.Actor != want {
		t.Errorf("actor %q, want %q", e.Actor, want)
	}
	var sum textScreening
	if err := json.Unmarshal(e.Data, &sum); err != nil {
		t.Fatal(err)
	}
	wantFindings := map[string]int{"name": 2, "place": 2, "bic": 1}
	if !maps.Equal(sum.Findings, wantFindings) || sum.Bytes != len(text) {
		t.Errorf("findings %v bytes %d, want %v %d", sum.Findings, sum.Bytes, wantFindings, len(text))
	}
	if sum.API != "text" || sum.Queries != 1 || sum.WithHits != 1 || sum.Hits != 2 || len(sum.Matched) != 2 {
		t.Errorf("summary %+v: want one query with two hits", sum.Summary)
	}
	for i, m := range sum.Matched {
		if f := res.Findings[[]int{0, 3}[i]]; m.Entity != f.Entity.ID || m.Score != f.Score {
			t.Errorf("matched %d = %+v, want %s at %v", i, m, f.Entity.ID, f.Score)
		}
	}
	want := screen.Summarize("text", ts.Keeper.Snapshot(), nil)
	if len(sum.Versions) == 0 || !slices.Equal(sum.Versions, want.Versions) || sum.Data != want.Data {
		t.Errorf("versions %v data %q, want the snapshot's %v %q", sum.Versions, sum.Data, want.Versions, want.Data)
	}
	for _, word := range []string{"Lavrov", "Лавров", "Damascus", "Тегеран", "Quixotic", "Marmalade", "DEUTDEFF", "Payment"} {
		if strings.Contains(string(e.Data), word) {
			t.Errorf("the audit entry holds %q from the text: %s", word, e.Data)
		}
	}
}

// /v1/text is paced as it scans, by the work it does: past its
// allowance, a scan waits for the Pacer chunk by chunk, and of two costly
// texts at once, which would each hold the other past MaxPaceWait, one is
// refused busy; a text within its allowance is never held.
func TestTextIsPaced(t *testing.T) {
	// 20,000 pairs a second, 10,000 free a request. A text whose scan
	// does over 90,000 pairs of work waits over 3 s for its own past the
	// full bucket's 20,000; two at once each wait for the other's too.
	const rate, free = 20_000, 10_000
	ts := startServer(t, serverOptions{pacer: screen.NewPacer(rate, free, 0)})
	// A line of capitals: every word is looked up as a name's, and none
	// anchors a name, so that the scan's work is the same cold or warm.
	large := strings.Repeat("PAYMENT FOR GOODS DELIVERED UNDER THE CONTRACT OF MARCH\n", 600_000/56)
	var work int64
	if _, _, err := scanner(ts.Keeper.Snapshot()).ScanContext(t.Context(), []byte(large), textscan.Options{}, func(pairs int64) error {
		work += pairs
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if past := work - free - rate; time.Duration(past)*time.Second/rate < screen.MaxPaceWait+time.Second {
		t.Fatalf("the large text does %d pairs of work: too little to make a second wait past MaxPaceWait", work)
	}
	var wg sync.WaitGroup
	rs := make([]response, 2)
	for i := range rs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rs[i] = ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": large})
		}()
	}
	wg.Wait()
	var ok, busy int
	for _, r := range rs {
		switch {
		case r.Status == 200:
			ok++
		case r.Status == http.StatusTooManyRequests && r.errorCode(t) == CodeBusy:
			busy++
		default:
			t.Errorf("large text: %d %.300s", r.Status, r.Body)
		}
	}
	if ok != 1 || busy != 1 {
		t.Errorf("two large texts at once: %d answered, %d busy; want one of each", ok, busy)
	}
	// The bucket is in debt now; a small text is within its allowance.
	for range 3 {
		r := ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": "Payment to Sergei Lavrov via Damascus."})
		if r.Status != 200 {
			t.Fatalf("a small text: %d %s", r.Status, r.Body)
		}
	}
	// The refused scan is not on the trail; the answered ones are.
	if n := len(screens(t, ts.Store)); n != 4 {
		t.Errorf("%d screening entries, want 4 (one large text, three small)", n)
	}
}

// TestTextAsOf is /v1/screen's as-of on /v1/text: with the real UN lists
// of 2025-04-19 and 2026-02-27 stored, DIMITRI HERARD (un-HTi.008,
// designated 2025-10-17) is found in a text as of 2026-03-01, not as of
// 2025-05-01, and the response and its audit entry name the version
// scanned against; a text/plain body takes asOf as a parameter.
func TestTextAsOf(t *testing.T) {
	st, versions := unSnapshots(t)
	ts := startServer(t, serverOptions{store: st, empty: true})
	const text = "Please pay the invoice of Dimitri Herard, Port-au-Prince, by Friday."
	for _, tc := range []struct {
		asOf    string
		plain   bool
		version entity.ListVersion
		found   bool
	}{
		{"2026-03-01", false, versions[1], true},
		{"2025-05-01", false, versions[0], false},
		{"2025-05-01T00:00:00Z", true, versions[0], false},
		{"2026-03-01", true, versions[1], true},
		{"", false, versions[1], true}, // the versions served
	} {
		var r response
		if tc.plain {
			req, _ := http.NewRequest("POST", ts.URL+"/v1/text?kinds=name&asOf="+tc.asOf, strings.NewReader(text))
			req.Header.Set("Content-Type", "text/plain")
			req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleScreen])
			r = ts.send(req)
		} else {
			r = ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": text, "kinds": []string{"name"}, "asOf": tc.asOf})
		}
		if r.Status != 200 {
			t.Fatalf("as of %q: %d %s", tc.asOf, r.Status, r.Body)
		}
		var res textResponse
		r.json(t, &res)
		found := slices.ContainsFunc(res.Findings, func(f textFinding) bool { return f.Entity != nil && f.Entity.ID == "un-HTi.008" })
		if found != tc.found {
			t.Errorf("as of %q: findings %+v; want un-HTi.008 found: %v", tc.asOf, res.Findings, tc.found)
		}
		if vs := res.Versions; len(vs) != 1 || vs[0].ID != tc.version.ID || vs[0].Hash != tc.version.Hash ||
			(tc.asOf != "" && r.Header.Get("Veto-Versions") != tc.version.Ref().String()) {
			t.Errorf("as of %q: scanned against %+v (header %q), want version %d", tc.asOf, res.Versions, r.Header.Get("Veto-Versions"), tc.version.ID)
		}
		if (tc.asOf == "") != res.AsOf.IsZero() {
			t.Errorf("as of %q: the response says asOf %v", tc.asOf, res.AsOf)
		}
	}
	// Each audit entry names the versions its text was scanned against.
	ts.Audit.Close()
	entries := screens(t, ts.Store)
	if len(entries) != 5 {
		t.Fatalf("%d screening entries, want 5", len(entries))
	}
	for _, e := range entries {
		var sum textScreening
		json.Unmarshal(e.Data, &sum)
		asOf2025 := !sum.AsOf.IsZero() && sum.AsOf.Year() == 2025
		if want := versions[map[bool]int{true: 0, false: 1}[asOf2025]].Ref().String(); sum.API != "text" || !slices.Equal(sum.Versions, []string{want}) {
			t.Errorf("audit entry %s as of %v: versions %v, want [%s]", sum.API, sum.AsOf, sum.Versions, want)
		}
		if hit := slices.ContainsFunc(sum.Matched, func(m screen.Matched) bool { return m.Entity == "un-HTi.008" }); hit == asOf2025 {
			t.Errorf("audit entry as of %v: un-HTi.008 matched %v", sum.AsOf, hit)
		}
	}
}

// A name found in a text says the subject of the listing it names (the
// scan names one listing: the subject every list that names him); with
// group "listing", the listing only.
func TestTextSubject(t *testing.T) {
	ts := startServer(t, serverOptions{})
	for _, tc := range []struct {
		group string
		lists []string
	}{{"", []string{"eu-fsf", "ofac-sdn"}}, {"listing", nil}} {
		r := ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": "Yesterday Sergei Lavrov flew to Ankara.", "kinds": []string{"name"}, "group": tc.group})
		var res textResponse
		r.json(t, &res)
		if r.Status != 200 || len(res.Findings) != 1 {
			t.Fatalf("group %q: %d %s", tc.group, r.Status, r.Body)
		}
		sub := res.Findings[0].Subject
		switch {
		case tc.lists == nil && sub != nil:
			t.Errorf("group listing: a subject %+v", sub)
		case tc.lists != nil && (sub == nil || sub.Members != 2 || !slices.Equal(sub.Lists, tc.lists) || !slices.Contains(sub.Listings, res.Findings[0].Entity.ID)):
			t.Errorf("group %q: subject %+v of %s", tc.group, sub, res.Findings[0].Entity.ID)
		}
	}
	if r := ts.do("POST", "/v1/text", entity.RoleScreen, map[string]any{"text": "Sergei Lavrov", "group": "people"}); r.Status != 400 || !strings.Contains(string(r.Body), "group") {
		t.Errorf("group people: %d %s", r.Status, r.Body)
	}
}
