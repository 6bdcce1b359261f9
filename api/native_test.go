package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
)

// hitIDs returns the entity IDs of the listings the hits matched: a
// hit's, or a subject's listings matched.
func hitIDs(hits []screen.Hit) []string {
	var ids []string
	for _, h := range hits {
		if len(h.Matched) == 0 {
			ids = append(ids, h.EntityID)
		}
		for _, m := range h.Matched {
			ids = append(ids, m.EntityID)
		}
	}
	return ids
}

func TestScreenSingle(t *testing.T) {
	ts := startServer(t, serverOptions{})
	r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{
		"id": "cust-1", "name": "Сергей Лавров", "schema": "Person", "birthDate": "1950-03-21"})
	if r.Status != 200 {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	var res screenResponse
	r.json(t, &res)
	if res.ID != "cust-1" || res.Data != screen.DataLive || res.Threshold != 0.8 {
		t.Errorf("response %s", r.Body)
	}
	ids := hitIDs(res.Hits)
	if !slices.Contains(ids, "ofac-35233") || !slices.Contains(ids, "eu-900101") {
		t.Fatalf("hits %v, want Lavrov on ofac-sdn and eu-fsf", ids)
	}
	for _, h := range res.Hits {
		want := map[string]string{"ofac-35233": "us", "eu-900101": "eu"}[h.EntityID]
		if want != "" && !slices.Contains(h.Regimes, want) {
			t.Errorf("%s: regimes %v, want %s", h.EntityID, h.Regimes, want)
		}
		if h.Explanation == nil || len(h.Explanation.Tokens) == 0 {
			t.Errorf("%s: no explanation", h.EntityID)
		}
	}
	// explain:false drops the explanations, not the hits.
	r = ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": "Sergey Lavrov", "explain": false})
	res = screenResponse{}
	r.json(t, &res)
	if len(hitIDs(res.Hits)) < 2 || res.Hits[0].Explanation != nil {
		t.Errorf("explain false: %s", r.Body)
	}
}

// A date of birth as people type it is read; one that cannot be read is
// left out with a warning naming the field and the value, and the name
// is screened anyway: a listed person must not pass for a bad date.
func TestScreenWarnings(t *testing.T) {
	ts := startServer(t, serverOptions{})
	for _, tt := range []struct {
		body     map[string]any
		warnings []inputWarning
	}{
		{map[string]any{"name": "Amira Hadzic", "birthDate": "28.07.1971"}, nil},
		{map[string]any{"name": "Amira Hadzic", "birthDate": "July 28, 1971"}, nil},
		{map[string]any{"name": "Amira Hadzic", "birthDate": "31.02.1971"}, []inputWarning{{Field: "birthDate", Value: "31.02.1971"}}},
		{map[string]any{"name": "Amira Hadzic", "birthDate": "07/28/1971", "country": "Atlantis"},
			[]inputWarning{{Field: "birthDate", Value: "07/28/1971"}, {Field: "country", Value: "Atlantis"}}},
	} {
		r := ts.do("POST", "/v1/screen", entity.RoleScreen, tt.body)
		if r.Status != 200 {
			t.Errorf("%v: status %d %s", tt.body, r.Status, r.Body)
			continue
		}
		var res screenResponse
		r.json(t, &res)
		if !slices.Contains(hitIDs(res.Hits), "un-QDi.902") {
			t.Errorf("%v: hits %v, want un-QDi.902", tt.body, hitIDs(res.Hits))
		}
		if len(res.Warnings) != len(tt.warnings) {
			t.Errorf("%v: warnings %+v, want %+v", tt.body, res.Warnings, tt.warnings)
			continue
		}
		for i, w := range res.Warnings {
			if w.Field != tt.warnings[i].Field || w.Value != tt.warnings[i].Value || !strings.Contains(w.Message, "screened without "+w.Field) || !strings.Contains(w.Message, w.Value) {
				t.Errorf("%v: warning %+v, want %+v", tt.body, w, tt.warnings[i])
			}
		}
		if tt.warnings == nil && strings.Contains(string(r.Body), `"warnings"`) {
			t.Errorf("%v: a warnings field without warnings: %s", tt.body, r.Body)
		}
	}
	// In a batch, the warning names the query.
	r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"queries": []map[string]any{{"name": "Sergei Lavrov"}, {"name": "Amira Hadzic", "birthDate": "1971-13"}}})
	var res batchResponse
	r.json(t, &res)
	if r.Status != 200 || len(res.Warnings) != 1 || res.Warnings[0].Field != "queries[1].birthDate" || res.Warnings[0].Value != "1971-13" ||
		!slices.Contains(hitIDs(res.Results[1].Hits), "un-QDi.902") {
		t.Errorf("batch: %d %s", r.Status, r.Body)
	}
}

func TestScreenRegimes(t *testing.T) {
	lavrov := map[string]any{"name": "Sergei Lavrov"}
	with := func(extra map[string]any) map[string]any {
		m := map[string]any{}
		for k, v := range lavrov {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	ts := startServer(t, serverOptions{})
	for _, tc := range []struct {
		name string
		body map[string]any
		want []string
	}{
		{"all by default", lavrov, []string{"eu-900101", "ofac-35233"}},
		{"a European bank: un, eu, uk", with(map[string]any{"regimes": []string{"un", "eu", "uk"}}), []string{"eu-900101"}},
		{"a US payment firm: un, us", with(map[string]any{"regimes": []string{"un", "us"}}), []string{"ofac-35233"}},
		{"a list by name", with(map[string]any{"lists": []string{"ofac-sdn"}}), []string{"ofac-35233"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.do("POST", "/v1/screen", entity.RoleScreen, tc.body)
			var res screenResponse
			r.json(t, &res)
			got := hitIDs(res.Hits)
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("hits %v, want %v", got, tc.want)
			}
		})
	}
	// The server's default regimes apply when a request names none.
	cfg := DefaultConfig()
	cfg.Regimes = []string{"eu"}
	eu := startServer(t, serverOptions{cfg: cfg})
	var res screenResponse
	eu.do("POST", "/v1/screen", entity.RoleScreen, lavrov).json(t, &res)
	if got := hitIDs(res.Hits); !slices.Equal(got, []string{"eu-900101"}) || !slices.Equal(res.Scope, []string{"eu"}) {
		t.Errorf("server regimes eu: hits %v scope %v", got, res.Scope)
	}
}

func TestScreenBatch(t *testing.T) {
	ts := startServer(t, serverOptions{})
	var qs []map[string]any
	names := []string{"Sergei Lavrov", "Nobody Inparticular", "Amira Hadzic", "Korea Example Trading Corp", "Bashar al-Assad"}
	for i := 0; i < 40; i++ { // enough to go through the parallel path
		qs = append(qs, map[string]any{"id": fmt.Sprint("q", i), "name": names[i%len(names)]})
	}
	r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"queries": qs, "explain": false})
	if r.Status != 200 {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	var res batchResponse
	r.json(t, &res)
	if len(res.Results) != len(qs) {
		t.Fatalf("%d results for %d queries", len(res.Results), len(qs))
	}
	want := map[string]string{"Sergei Lavrov": "ofac-35233", "Amira Hadzic": "un-QDi.902", "Korea Example Trading Corp": "un-KPe.915", "Bashar al-Assad": "eu-900202"}
	for i, res := range res.Results {
		if res.ID != fmt.Sprint("q", i) {
			t.Fatalf("result %d has id %s: order lost", i, res.ID)
		}
		name := names[i%len(names)]
		if w := want[name]; w != "" && !slices.Contains(hitIDs(res.Hits), w) {
			t.Errorf("%s: hits %v, want %s", name, hitIDs(res.Hits), w)
		}
		if want[name] == "" && len(res.Hits) != 0 {
			t.Errorf("%s: hits %v, want none", name, hitIDs(res.Hits))
		}
	}
}

func TestBadInput(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxBatch = 1000
	ts := startServer(t, serverOptions{cfg: cfg})
	batch := func(n int) string {
		var b strings.Builder
		b.WriteString(`{"queries":[`)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"name":"a b"}`)
		}
		b.WriteString(`]}`)
		return b.String()
	}
	for _, tc := range []struct {
		name, method, path string
		body               string
		contentType        string
		status             int
		code, mention      string
	}{
		{"malformed JSON", "POST", "/v1/screen", "{\n\"name\": \"x\",,}", "", 400, CodeInvalid, "line 2"},
		{"truncated JSON", "POST", "/v1/screen", `{"name": "Sergei`, "", 400, CodeInvalid, "ends early"},
		{"not an object", "POST", "/v1/screen", `["Sergei Lavrov"]`, "", 400, CodeInvalid, ""},
		{"wrong type", "POST", "/v1/screen", `{"name": 42}`, "", 400, CodeInvalid, "name"},
		{"unknown field", "POST", "/v1/screen", `{"name": "x", "nmae": "y"}`, "", 400, CodeInvalid, `"nmae"`},
		{"unknown schema", "POST", "/v1/screen", `{"name": "x", "schema": "Spaceship"}`, "", 400, CodeInvalid, "Spaceship"},
		{"empty name", "POST", "/v1/screen", `{"name": "  "}`, "", 400, CodeInvalid, "name"},
		{"empty body", "POST", "/v1/screen", ``, "", 400, CodeInvalid, "empty"},
		{"two JSON values", "POST", "/v1/screen", `{"name":"a"} {"name":"b"}`, "", 400, CodeInvalid, "after"},
		{"name too long", "POST", "/v1/screen", `{"name": "` + strings.Repeat("a", 2000) + `"}`, "", 400, CodeInvalid, "name"},
		{"10 MB name", "POST", "/v1/screen", `{"name": "` + strings.Repeat("a", 10<<20) + `"}`, "", 413, CodeTooLarge, "bytes"},
		{"invalid UTF-8", "POST", "/v1/screen", "{\"name\": \"Serg\xffei\"}", "", 400, CodeInvalid, "UTF-8"},
		// On /v1/screen an unreadable date or country is a warning
		// (TestScreenWarnings); comparing, there is nothing to screen.
		{"bad date", "POST", "/v1/compare", `{"query": {"name": "x", "birthDate": "31/02/1950"}, "entity_id": "ofac-35233"}`, "", 400, CodeInvalid, "birthDate"},
		{"unknown country", "POST", "/v1/compare", `{"query": {"name": "x", "country": "Atlantis"}, "entity_id": "ofac-35233"}`, "", 400, CodeInvalid, "country"},
		{"both single and batch", "POST", "/v1/screen", `{"name": "x", "queries": [{"name":"y"}]}`, "", 400, CodeInvalid, "not both"},
		{"a bad query in a batch", "POST", "/v1/screen", `{"queries": [{"name":"y"},{"name":""}]}`, "", 400, CodeInvalid, "queries[1]"},
		{"1,001 queries", "POST", "/v1/screen", batch(1001), "", 413, CodeTooManyQueries, "1000"},
		{"100,000 queries", "POST", "/v1/screen", batch(100000), "", 413, "", ""},
		{"threshold out of range", "POST", "/v1/screen", `{"name": "x", "threshold": 1.5}`, "", 400, CodeInvalid, "threshold"},
		{"threshold below the floor", "POST", "/v1/screen", `{"name": "x", "threshold": 1e-9}`, "", 400, CodeInvalid, "0.1..1"},
		{"config threshold below the floor", "POST", "/v1/screen", `{"name": "x", "config": {"threshold": 0.05}}`, "", 400, CodeInvalid, "threshold"},
		{"text threshold below the floor", "POST", "/v1/text", `{"text": "x", "threshold": 1e-9}`, "", 400, CodeInvalid, "0.1..1"},
		{"plain text threshold below the floor", "POST", "/v1/text?threshold=0.01", `x`, "text/plain", 400, CodeInvalid, "0.1..1"},
		{"limit out of range", "POST", "/v1/screen", `{"name": "x", "limit": 100000}`, "", 400, CodeInvalid, "limit"},
		{"unknown regime", "POST", "/v1/screen", `{"name": "x", "regimes": ["mars"]}`, "", 400, CodeInvalid, "mars"},
		{"unknown list", "POST", "/v1/screen", `{"name": "x", "lists": ["nope"]}`, "", 400, CodeInvalid, "nope"},
		{"config weight override", "POST", "/v1/screen", `{"name": "x", "config": {"wordWeight": 3}}`, "", 400, CodeInvalid, "wordWeight"},
		{"config unknown field", "POST", "/v1/screen", `{"name": "x", "config": {"magic": 3}}`, "", 400, CodeInvalid, "magic"},
		{"config out of range", "POST", "/v1/screen", `{"name": "x", "config": {"simPhon": 7}}`, "", 400, CodeInvalid, "simPhon"},
		{"form body", "POST", "/v1/screen", `name=x`, "application/x-www-form-urlencoded", 415, CodeMediaType, "application/json"},
		{"GET a POST route", "GET", "/v1/screen", ``, "", 405, CodeMethod, "POST"},
		{"no such route", "GET", "/v1/nothing", ``, "", 404, CodeNotFound, "/v1/nothing"},
		{"no such entity", "GET", "/v1/entities/ofac-0", ``, "", 404, CodeNotFound, "ofac-0"},
		{"search without q", "GET", "/v1/search", ``, "", 400, CodeInvalid, "q"},
		{"search bad limit", "GET", "/v1/search?q=x&limit=abc", ``, "", 400, CodeInvalid, "limit"},
		{"search misspelt parameter", "GET", "/v1/search?q=x&limt=3", ``, "", 400, CodeInvalid, "limt"},
		{"compare half a pair", "POST", "/v1/compare", `{"name1": "x"}`, "", 400, CodeInvalid, "name2"},
		{"compare unknown entity", "POST", "/v1/compare", `{"query": {"name": "x"}, "entity_id": "nope"}`, "", 404, CodeNotFound, "nope"},
		// yente's routes answer in yente's shapes ({"detail": ...}): no
		// code; a body of the wrong shape is 422.
		{"match without queries", "POST", "/match/sanctions", `{}`, "", 422, "", "body.queries: Field required"},
		{"match unknown dataset", "POST", "/match/mars", `{"queries": {"a": {"schema": "Person", "properties": {"name": ["x"]}}}}`, "", 404, "", "mars"},
		{"match unknown property", "POST", "/match/sanctions", `{"queries": {"a": {"schema": "Person", "properties": {"name": ["x"], "shoeSize": ["9"]}}}}`, "", 400, "", "shoeSize"},
		{"match unknown schema", "POST", "/match/sanctions", `{"queries": {"a": {"schema": "Planet", "properties": {"name": ["x"]}}}}`, "", 400, "", "Unknown schema: 'Planet'"},
		{"match no name", "POST", "/match/sanctions", `{"queries": {"a": {"schema": "Person", "properties": {"birthDate": ["1950"]}}}}`, "", 400, "", "queries.a.properties.name"},
		{"match bad threshold", "POST", "/match/sanctions?threshold=2", `{"queries": {"a": {"schema": "Thing", "properties": {"name": ["x"]}}}}`, "", 400, "", "threshold"},
		{"match weights", "POST", "/match/sanctions", `{"queries": {"a": {"schema": "Thing", "properties": {"name": ["x"]}}}, "weights": {"name_literal_match": 2}}`, "", 400, "", "weights"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, ts.URL+tc.path, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			ct := tc.contentType
			if ct == "" {
				ct = "application/json"
			}
			req.Header.Set("Content-Type", ct)
			req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleAdmin])
			r := ts.send(req)
			if r.Status != tc.status {
				t.Fatalf("status %d, want %d: %.300s", r.Status, tc.status, r.Body)
			}
			code, msg := r.errorBody(t)
			if tc.code != "" && code != tc.code {
				t.Errorf("code %s, want %s", code, tc.code)
			}
			if !strings.Contains(msg, tc.mention) {
				t.Errorf("message %.300q does not mention %q", msg, tc.mention)
			}
		})
	}
	// None of it cost the server anything: it still screens.
	if r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": "Sergei Lavrov"}); r.Status != 200 {
		t.Errorf("after bad input: %d", r.Status)
	}
}

func TestScreenConfigOverride(t *testing.T) {
	ts := startServer(t, serverOptions{})
	// A stricter country mismatch penalty lowers a hit's score.
	score := func(body map[string]any) float64 {
		var res screenResponse
		r := ts.do("POST", "/v1/screen", entity.RoleScreen, body)
		r.json(t, &res)
		for _, h := range res.Hits {
			if h.EntityID == "ofac-35233" {
				return h.Score
			}
		}
		t.Fatalf("no ofac-35233 hit: %s", r.Body)
		return 0
	}
	base := score(map[string]any{"name": "Sergei Lavrov", "country": "fr", "threshold": 0.5})
	harsh := score(map[string]any{"name": "Sergei Lavrov", "country": "fr", "threshold": 0.5, "config": map[string]any{"countryMismatch": -0.3}})
	if harsh >= base-0.1 {
		t.Errorf("countryMismatch -0.3: score %.3f, default %.3f", harsh, base)
	}
}

func TestCompare(t *testing.T) {
	ts := startServer(t, serverOptions{})
	var res struct {
		Score       float64
		Match       bool
		EntityID    string `json:"entity_id"`
		Explanation struct{ Features []struct{ Name string } }
	}
	r := ts.do("POST", "/v1/compare", entity.RoleScreen, map[string]any{"name1": "Bashar Assad", "name2": "AL-ASSAD, Bashar", "schema": "Person"})
	r.json(t, &res)
	if r.Status != 200 || !res.Match {
		t.Errorf("names: %d %s", r.Status, r.Body)
	}
	// Against a listed entity, the date of birth counts.
	r = ts.do("POST", "/v1/compare", entity.RoleScreen, map[string]any{"query": map[string]any{"name": "Sergei Lavrov", "birthDate": "1950-03-21"}, "entity_id": "ofac-35233"})
	r.json(t, &res)
	if r.Status != 200 || !res.Match || res.EntityID != "ofac-35233" || !slices.ContainsFunc(res.Explanation.Features, func(f struct{ Name string }) bool { return f.Name == "birthDate" }) {
		t.Errorf("query against entity: %d %s", r.Status, r.Body)
	}
}

func TestSearch(t *testing.T) {
	ts := startServer(t, serverOptions{})
	var page searchPage
	// By subject, Lavrov's OFAC and EU listings are one result.
	r := ts.do("GET", "/v1/search?q=lavrov", entity.RoleScreen, nil)
	r.json(t, &page)
	if r.Status != 200 || page.Total != 1 || !slices.Equal(hitIDs(page.Results), []string{"eu-900101", "ofac-35233"}) {
		t.Fatalf("search lavrov: %d %s", r.Status, r.Body)
	}
	r = ts.do("GET", "/v1/search?q=lavrov&group=listing", entity.RoleScreen, nil)
	page = searchPage{}
	r.json(t, &page)
	if r.Status != 200 || page.Total < 2 {
		t.Fatalf("search lavrov by listing: %d %s", r.Status, r.Body)
	}
	all := hitIDs(page.Results)
	// Paging walks the same results one at a time.
	var paged []string
	for off := 0; ; off++ {
		var p searchPage
		ts.do("GET", fmt.Sprintf("/v1/search?q=lavrov&group=listing&limit=1&offset=%d", off), entity.RoleScreen, nil).json(t, &p)
		paged = append(paged, hitIDs(p.Results)...)
		if !p.More {
			break
		}
		if off > 10 {
			t.Fatal("paging does not end")
		}
	}
	if !slices.Equal(all, paged) {
		t.Errorf("pages %v, one page %v", paged, all)
	}
	var eu searchPage
	ts.do("GET", "/v1/search?q=lavrov&lists=eu", entity.RoleScreen, nil).json(t, &eu)
	if got := hitIDs(eu.Results); !slices.Equal(got, []string{"eu-900101"}) {
		t.Errorf("lists=eu: %v", got)
	}
}

func TestEntityListsDiff(t *testing.T) {
	ts := startServer(t, serverOptions{})
	r := ts.do("GET", "/v1/entities/ofac-35233", entity.RoleScreen, nil)
	var ent entityResponse
	r.json(t, &ent)
	if r.Status != 200 || len(ent.Records) != 1 || ent.Records[0].Raw.Text == "" || len(ent.History) != 1 || ent.FtM.Properties["name"] == nil {
		t.Fatalf("entity: %d %s", r.Status, r.Body)
	}

	// A new un-sc version in which one entity changed.
	dir := t.TempDir()
	data, err := os.ReadFile(fixtures["un"])
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(strings.Replace(string(data), "HADZIC", "HADZICH", 1), `dateGenerated="2026-03-01`, `dateGenerated="2026-03-08`, 1)
	path := dir + "/un_consolidated.xml"
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	un, _ := all.Publisher("un")
	if _, err := (&refresh.Refresher{Store: ts.Store, Config: refresh.DefaultConfig()}).Import(context.Background(), un, []string{path}); err != nil {
		t.Fatal(err)
	}
	var lists struct{ Versions []entity.ListVersion }
	ts.do("GET", "/v1/lists", entity.RoleScreen, nil).json(t, &lists)
	if len(lists.Versions) != 3 {
		t.Errorf("active versions: %+v", lists.Versions)
	}
	ts.do("GET", "/v1/lists?all=true&list=un-sc", entity.RoleScreen, nil).json(t, &lists)
	if len(lists.Versions) != 2 || lists.Versions[0].Active == lists.Versions[1].Active {
		t.Errorf("un-sc versions: %+v", lists.Versions)
	}
	r = ts.do("GET", "/v1/lists/un-sc/diff", entity.RoleAnalyst, nil)
	var d entity.Diff
	r.json(t, &d)
	if r.Status != 200 || d.Changed != 1 || d.Added != 0 || d.Removed != 0 || len(d.Changes) != 1 || d.Changes[0].EntityID != "un-QDi.902" {
		t.Errorf("diff: %d %s", r.Status, r.Body)
	}
	// The publisher's name works when it has one list; a version ID
	// picks an older diff.
	r = ts.do("GET", fmt.Sprintf("/v1/lists/un/diff?version=%d", lists.Versions[1].ID), entity.RoleAnalyst, nil)
	r.json(t, &d)
	if r.Status != 200 || d.Added != 4 {
		t.Errorf("first version's diff: %d %s", r.Status, r.Body)
	}
	if r := ts.do("GET", "/v1/lists/mars/diff", entity.RoleAnalyst, nil); r.Status != 404 {
		t.Errorf("unknown list: %d", r.Status)
	}
	r = ts.do("GET", "/v1/entities/un-QDi.902", entity.RoleScreen, nil)
	r.json(t, &ent)
	if len(ent.History) != 2 || ent.History[1].Change != entity.Changed {
		t.Errorf("history: %s", r.Body)
	}

	// The UN delists her (a forced import: one entity of four is more
	// than the shrink check lets go). Her entity is no longer listed,
	// and its history says when it went.
	start := strings.LastIndex(changed[:strings.Index(changed, "HADZICH")], "<INDIVIDUAL>")
	end := strings.Index(changed[start:], "</INDIVIDUAL>") + start + len("</INDIVIDUAL>")
	delisted := strings.Replace(changed[:start]+changed[end:], `dateGenerated="2026-03-08`, `dateGenerated="2026-03-15`, 1)
	if err := os.WriteFile(path, []byte(delisted), 0o644); err != nil {
		t.Fatal(err)
	}
	force := refresh.DefaultConfig()
	force.Force = true
	if outs, err := (&refresh.Refresher{Store: ts.Store, Config: force}).Import(context.Background(), un, []string{path}); err != nil || outs[0].Err != nil {
		t.Fatal(err, outs)
	}
	r = ts.do("GET", "/v1/entities/un-QDi.902", entity.RoleScreen, nil)
	ent = entityResponse{}
	r.json(t, &ent)
	if r.Status != 200 || ent.Listed || len(ent.Records) != 0 || ent.FtM != nil || len(ent.History) != 3 || ent.History[2].Change != entity.Removed {
		t.Errorf("delisted entity: %d %s", r.Status, r.Body)
	}
	if r := ts.do("GET", "/entities/un-QDi.902", entity.RoleScreen, nil); r.Status != 404 {
		t.Errorf("yente entity of a delisted entity: %d", r.Status)
	}
}

// Schema spellings the API accepts screen as the schema they mean.
func TestScreenSchemaSpellings(t *testing.T) {
	ts := startServer(t, serverOptions{})
	for _, tc := range []struct{ name, schema, want string }{
		{"Sergei Lavrov", "Thing", "ofac-35233"},
		{"Sergei Lavrov", "Person", "ofac-35233"},
		{"Example Shipping Company", "Organisation", "ofac-90001"},
		{"Example Shipping Company", "LegalEntity", "ofac-90001"},
	} {
		var res screenResponse
		ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": tc.name, "schema": tc.schema}).json(t, &res)
		if !slices.Contains(hitIDs(res.Hits), tc.want) {
			t.Errorf("%s as %s: hits %v, want %s", tc.name, tc.schema, hitIDs(res.Hits), tc.want)
		}
		var page searchPage
		ts.do("GET", "/v1/search?q="+strings.ReplaceAll(tc.name, " ", "+")+"&schema="+tc.schema, entity.RoleScreen, nil).json(t, &page)
		if !slices.Contains(hitIDs(page.Results), tc.want) {
			t.Errorf("search %s as %s: %v, want %s", tc.name, tc.schema, hitIDs(page.Results), tc.want)
		}
	}
}

// TestRefresh refreshes through the API from a mirror serving a new
// un-sc file: the real download, checks and store, and the index swap.
func TestRefresh(t *testing.T) {
	data, err := os.ReadFile(fixtures["un"])
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(strings.Replace(string(data), "AMIRA", "AMIRAH", 1), `dateGenerated="2026-03-01`, `dateGenerated="2026-03-09`, 1)
	mirror := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/un_consolidated.xml" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(changed))
	}))
	defer mirror.Close()
	var st store.Store
	refreshFn := func(ctx context.Context) error {
		cfg := refresh.DefaultConfig()
		cfg.Mirror = mirror.URL
		cfg.Attempts = 1
		outs, err := (&refresh.Refresher{Store: st, Config: cfg}).Update(ctx, all.Publishers(), refresh.Selection{"un-sc"})
		if err != nil {
			return err
		}
		return outs[0].Err
	}
	ts := startServer(t, serverOptions{refresh: func(ctx context.Context) error { return refreshFn(ctx) }})
	st = ts.Store
	before := ts.Keeper.Status().LoadedAt
	r := ts.do("POST", "/v1/admin/refresh", entity.RoleAdmin, nil)
	var status screen.Status
	r.json(t, &status)
	if r.Status != 200 || status.LastRefreshError != "" || !status.LoadedAt.After(before) {
		t.Fatalf("refresh: %d %s", r.Status, r.Body)
	}
	var res screenResponse
	ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": "Amirah Hadzic", "threshold": 0.99}).json(t, &res)
	if !slices.Contains(hitIDs(res.Hits), "un-QDi.902") {
		t.Errorf("the refreshed name is not screened: %v", hitIDs(res.Hits))
	}
	// While another process holds the refresh lock, a refresh is refused
	// with 409, and nothing changes.
	release, ok, err := ts.Store.TryLock(context.Background(), "refresh")
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if r := ts.do("POST", "/v1/admin/refresh", entity.RoleAdmin, nil); r.Status != 409 || r.errorCode(t) != CodeConflict {
		t.Errorf("refresh while locked: %d %s", r.Status, r.Body)
	}
	release()
	// A refresh that fails says so, and the lists stay as they were.
	mirror.Close()
	r = ts.do("POST", "/v1/admin/refresh?wait=100", entity.RoleAdmin, nil)
	if r.Status != http.StatusBadGateway || r.errorCode(t) != CodeRefreshFailed {
		t.Errorf("failed refresh: %d %s", r.Status, r.Body)
	}
	if ts.Keeper.Status().Data != screen.DataLive || ts.Keeper.Status().Entities != 10 {
		t.Errorf("after a failed refresh: %+v", ts.Keeper.Status())
	}
}

func TestMetrics(t *testing.T) {
	ts := startServer(t, serverOptions{})
	ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": "Sergei Lavrov"})
	ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": ""})
	r := ts.do("GET", "/metrics", "", nil)
	body := string(r.Body)
	for _, want := range []string{
		`veto_http_requests_total{code="200",method="POST",route="/v1/screen"} 1`,
		`veto_http_requests_total{code="400",method="POST",route="/v1/screen"} 1`,
		`veto_http_request_duration_seconds_bucket{route="/v1/screen",le="+Inf"} 2`,
		`veto_screen_queries_total{api="native"} 1`,
		`veto_screen_hits_total{regime="us"} 1`,
		`veto_screen_hits_total{regime="eu"} 1`,
		`veto_list_entities{list="un-sc"} 4`,
		`veto_list_published_timestamp_seconds{list="un-sc"} ` + strconv.FormatFloat(float64(time.Date(2026, 3, 1, 0, 0, 5, 0, time.UTC).Unix()), 'g', -1, 64),
		`veto_data_demo 0`,
		`veto_ready 1`,
		`veto_index_entities 10`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if !strings.Contains(body, `veto_list_age_seconds{list="ofac-sdn"}`) {
		t.Error("no list age")
	}
}

// FuzzDecodeScreen feeds arbitrary bodies to the strict decoder and the
// query validation: they must never panic, and whatever they accept is a
// valid query or batch.
func FuzzDecodeScreen(f *testing.F) {
	for _, s := range []string{
		`{"name":"Sergei Lavrov"}`, `{"queries":[{"name":"a"},{"name":"b","birthDate":"1950"}]}`,
		`{"name":"x","config":{"simPhon":0.9}}`, `{"name":"\u0000"}`, "{\"name\":\"\xff\"}", `[]`, `{`, `{"name":1e999}`,
		`{"name":"x","aliases":["y","z"],"country":"ru","idNumber":"123"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var req screenRequest
		if err := decodeBody(body, &req); err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("decode error %T is not an API error", err)
			}
			return
		}
		if req.Name != "" {
			_ = req.Query.Validate()
		}
		for i := range req.Queries {
			_ = req.Queries[i].Validate()
		}
		if len(req.Config) > 0 {
			_, _ = overrideConfig(match.DefaultConfig(), req.Config)
		}
	})
}

// FuzzMatchQuery feeds arbitrary yente queries to the FtM mapping.
func FuzzMatchQuery(f *testing.F) {
	f.Add([]byte(`{"queries":{"a":{"schema":"Person","properties":{"name":["Sergei Lavrov"],"birthDate":["1950-03-21T00:00"]}}}}`))
	f.Add([]byte(`{"queries":{"a":{"schema":"Thing","properties":{"firstName":["A"],"lastName":["B"],"nationality":["ru"]}}}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var req rawMatchRequest
		if json.Unmarshal(body, &req) != nil {
			return
		}
		for k, raw := range req.Queries {
			ex, err := readExample(k, raw)
			if err != nil {
				continue
			}
			q, _, err := (&Server{}).queryOf(k, ex)
			if err == nil {
				if verr := q.Validate(); verr != nil {
					t.Fatalf("queryOf accepted an invalid query: %v", verr)
				}
			}
		}
	})
}

// A version dated by its file's time says so in the list status.
func TestListsFileTime(t *testing.T) {
	ts := startServer(t, serverOptions{})
	fileTime := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	_, err := ts.Store.AddVersion(context.Background(), store.NewVersion{Version: entity.ListVersion{
		List: "ofac-cons", Publisher: "ofac", Format: "ofac-csv", Published: fileTime, PublishedFrom: entity.PublishedFromFileTime,
		Hash: strings.Repeat("cd", 32), Source: []string{"cons_csv"}, FetchedAt: time.Now().UTC()}})
	if err != nil {
		t.Fatal(err)
	}
	r := ts.do("GET", "/v1/lists?list=ofac-cons", entity.RoleScreen, nil)
	var res struct {
		Versions []listVersionStatus `json:"versions"`
	}
	r.json(t, &res)
	if r.Status != 200 || len(res.Versions) != 1 || res.Versions[0].PublishDateKnown || res.Versions[0].PublishedText != "publish date unknown (file time 2024-05-01)" {
		t.Errorf("/v1/lists: %d %s", r.Status, r.Body)
	}
	r = ts.do("GET", "/v1/lists", entity.RoleScreen, nil)
	res.Versions = nil
	r.json(t, &res)
	if len(res.Versions) < 2 {
		t.Fatalf("/v1/lists: %s", r.Body)
	}
	for _, v := range res.Versions {
		if v.PublishedFrom == "file" && (!v.PublishDateKnown || v.PublishedText != v.Published.Format(time.DateOnly)) {
			t.Errorf("%s: known %v, %q", v.List, v.PublishDateKnown, v.PublishedText)
		}
	}
}

// Lavrov's OFAC and EU listings are one subject: one hit by default,
// naming both listings and both regimes; two with group "listing", as
// before; another group is refused, naming the field.
func TestScreenGroup(t *testing.T) {
	ts := startServer(t, serverOptions{})
	for _, tc := range []struct {
		group  string
		status int
		hits   int
	}{{"", 200, 1}, {"subject", 200, 1}, {"listing", 200, 2}, {"person", 400, 0}} {
		r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"name": "Sergei Lavrov", "group": tc.group})
		if r.Status != tc.status {
			t.Fatalf("group %q: %d %s", tc.group, r.Status, r.Body)
		}
		if tc.status != 200 {
			if !strings.Contains(string(r.Body), "group") {
				t.Errorf("group %q: the error does not name the field: %s", tc.group, r.Body)
			}
			continue
		}
		var res screenResponse
		r.json(t, &res)
		ids := hitIDs(res.Hits)
		slices.Sort(ids)
		if len(res.Hits) != tc.hits || !slices.Equal(ids, []string{"eu-900101", "ofac-35233"}) {
			t.Errorf("group %q: hits %s", tc.group, r.Body)
		}
		if h := res.Hits[0]; tc.hits == 1 && (h.Subject == "" || h.Members != 2 || !slices.Equal(h.Regimes, []string{"eu", "us"}) || h.Explanation == nil) {
			t.Errorf("group %q: the subject's hit %+v", tc.group, h)
		}
	}
	// The audit entry keeps the entity IDs, and adds the subject.
	ts.Audit.Close() // flush the queued entries
	es, err := ts.Store.AuditEntries(t.Context(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var sum screen.Summary
	for _, e := range es {
		if e.Action == chain.ActionScreen {
			json.Unmarshal(e.Data, &sum)
			break // the first: group ""
		}
	}
	if len(sum.Matched) != 1 || sum.Matched[0].Subject == "" || !slices.Contains([]string{"eu-900101", "ofac-35233"}, sum.Matched[0].Entity) || len(sum.Matched[0].Listings) != 1 {
		t.Errorf("audit summary %+v: want the subject, its best listing and the other", sum)
	}
}
