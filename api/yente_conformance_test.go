package api

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// The client conformance suite: the requests yente's clients send, as
// yente-api.md describes them (yente's own tests, its Python SDK,
// OpenSanctions' API examples, nomenklatura's enricher), replayed against
// a real server on the fixtures, each answer checked against the shape
// the client reads: fields, types, statuses.

// clientRequest is one request a client sends.
type clientRequest struct {
	client, name string
	method, path string
	// auth is the whole Authorization header ("" for none; the key is
	// put in for KEY), or "?api_key" to send it in the query.
	auth        string
	contentType string // "" sends none
	body        string
	status      int
	// shape checks the decoded body.
	shape func(t *testing.T, body map[string]any)
}

const lavrovQuery = `{"schema": "Person", "properties": {"name": ["Sergei Lavrov"], "birthDate": ["1950-03-21"], "nationality": ["ru"]}}`

func TestYenteClients(t *testing.T) {
	ts := startServer(t, serverOptions{})
	key := ts.Keys[entity.RoleScreen]
	th := ts.Keeper.Snapshot().Config().Threshold // /match's default threshold: veto's, not yente's 0.7
	requests := []clientRequest{
		// yente-client (Python SDK): ApiKey scheme, the full envelope,
		// the first dataset in the path and the others repeated.
		{client: "sdk", name: "match", method: "POST", path: "/match/default?algorithm=best&include_dataset=us_ofac_sdn&include_dataset=eu_fsf",
			auth: "ApiKey KEY", contentType: "application/json",
			body:   `{"queries": {"q": ` + lavrovQuery + `}, "weights": {}, "config": {}}`,
			status: 200, shape: matchShape("q", th)},
		{client: "sdk", name: "search", method: "GET", path: "/search/default?q=lavrov&limit=5&offset=0&fuzzy=false", auth: "ApiKey KEY",
			status: 200, shape: searchShape},
		{client: "sdk", name: "entity", method: "GET", path: "/entities/ofac-35233", auth: "ApiKey KEY", status: 200, shape: entityShape},
		{client: "sdk", name: "catalog", method: "GET", path: "/catalog", auth: "ApiKey KEY", status: 200, shape: catalogShape},
		{client: "sdk", name: "algorithms", method: "GET", path: "/algorithms", auth: "ApiKey KEY", status: 200, shape: algorithmsShape},
		{client: "sdk", name: "exclude_entities", method: "POST", path: "/match/default?exclude_entity_ids=ofac-35233", auth: "ApiKey KEY",
			contentType: "application/json", body: `{"queries": {"q": ` + lavrovQuery + `}, "weights": {}, "config": {}}`, status: 200,
			shape: func(t *testing.T, b map[string]any) {
				matchShape("q", th)(t, b)
				if rs := results(b, "q"); len(rs) != 0 {
					t.Errorf("a referent excluded, results %v", rs)
				}
			}},
		{client: "sdk", name: "changed_since with a zone", method: "GET", path: "/search/default?changed_since=2024-01-01T00:00:00%2B00:00",
			auth: "ApiKey KEY", status: 422, shape: validationShape("query", "changed_since")},
		{client: "sdk", name: "readyz", method: "GET", path: "/readyz", status: 200},

		// OpenSanctions' API examples: the bare key, features read.
		{client: "api-examples", name: "match", method: "POST", path: "/match/sanctions", auth: "KEY", contentType: "application/json",
			body: `{"queries": {"q1": ` + lavrovQuery + `}}`, status: 200,
			shape: func(t *testing.T, b map[string]any) {
				matchShape("q1", th)(t, b)
				for _, r := range results(b, "q1") {
					if _, ok := r.(map[string]any)["features"].(map[string]any); !ok {
						t.Errorf("no features object: %v", r)
					}
				}
			}},
		{client: "api-examples", name: "search", method: "GET", path: "/search/default?q=Korea+Example", auth: "KEY", status: 200, shape: searchShape},
		{client: "api-examples", name: "api_key in the query", method: "GET", path: "/search/default?q=lavrov&api_key=KEY", status: 200, shape: searchShape},
		{client: "api-examples", name: "no key", method: "GET", path: "/search/default?q=lavrov", status: 401, shape: detailShape},
		{client: "api-examples", name: "a wrong key", method: "GET", path: "/search/default?q=lavrov", auth: "veto_000000000000_" + strings.Repeat("0", 64),
			status: 401, shape: detailShape},

		// yente's own tests: no Content-Type, scalar values, numbers in
		// lists, errors in yente's shapes.
		{client: "yente", name: "no content type", method: "POST", path: "/match/default", auth: "Bearer KEY",
			body: `{"queries": {"q": {"schema": "Person", "properties": {"name": "Sergei Lavrov", "birthDate": [1950]}}}}`, status: 200,
			shape: func(t *testing.T, b map[string]any) {
				matchShape("q", th)(t, b)
				q := b["responses"].(map[string]any)["q"].(map[string]any)["query"].(map[string]any)
				if props := q["properties"].(map[string]any); !slices.Equal(anyStrings(props["birthDate"]), []string{"1950"}) ||
					!slices.Equal(anyStrings(props["name"]), []string{"Sergei Lavrov"}) || q["id"] != nil {
					t.Errorf("query echoed %v", q)
				}
			}},
		{client: "yente", name: "text/plain", method: "POST", path: "/match/default", auth: "Bearer KEY", contentType: "text/plain",
			body: `{"queries": {"q": {"schema": "Company", "properties": {"name": "Example Shipping", "country": "Iran"}}}}`, status: 200, shape: matchShape("q", th)},
		{client: "yente", name: "missing schema", method: "POST", path: "/match/default", auth: "Bearer KEY",
			body: `{"queries": {"q": {"properties": {"name": ["x"]}}}}`, status: 422, shape: validationShape("body", "queries", "q", "schema")},
		{client: "yente", name: "a number as the whole value", method: "POST", path: "/match/default", auth: "Bearer KEY",
			body: `{"queries": {"q": {"schema": "Person", "properties": {"name": ["x"], "birthDate": 1965}}}}`, status: 422,
			shape: validationShape("body", "queries", "q", "properties", "birthDate")},
		{client: "yente", name: "invalid JSON", method: "POST", path: "/match/default", auth: "Bearer KEY", body: `{"queries": `, status: 422,
			shape: validationShape("body")},
		{client: "yente", name: "no queries", method: "POST", path: "/match/default", auth: "Bearer KEY", body: `{"queries": {}}`, status: 400, shape: detailShape},
		{client: "yente", name: "unknown schema", method: "POST", path: "/match/default", auth: "Bearer KEY",
			body: `{"queries": {"q": {"schema": "Banana", "properties": {"name": ["x"]}}}}`, status: 400, shape: detailIs("Cannot parse example entity: Unknown schema: 'Banana'")},
		{client: "yente", name: "non-matchable schema", method: "POST", path: "/match/default", auth: "Bearer KEY",
			body: `{"queries": {"q": {"schema": "Sanction", "properties": {"name": ["x"]}}}}`, status: 400, shape: detailIs("Cannot parse example entity: Non-matchable schema for query: Sanction")},
		{client: "yente", name: "config key", method: "POST", path: "/match/default", auth: "Bearer KEY",
			body: `{"queries": {"q": ` + lavrovQuery + `}, "config": {"nm_number_mismatch": 0.2}}`, status: 400, shape: detailIs("Invalid configuration parameter: nm_number_mismatch for algorithm veto-v1")},
		{client: "yente", name: "unknown entity", method: "GET", path: "/entities/ofac-0", auth: "Bearer KEY", status: 404, shape: detailShape},
		{client: "yente", name: "unknown dataset", method: "GET", path: "/search/nowhere?q=x", auth: "Bearer KEY", status: 404, shape: detailShape},
		{client: "yente", name: "wrong method", method: "GET", path: "/match/default", auth: "Bearer KEY", status: 405, shape: detailShape},
		{client: "yente", name: "healthz", method: "GET", path: "/healthz", status: 200},
		{client: "yente", name: "search everything", method: "GET", path: "/search/default?limit=500", auth: "Bearer KEY", status: 200, shape: searchShape},

		// nomenklatura's enricher: the whole FtM entity as the example,
		// with properties veto does not match on and keys yente ignores.
		{client: "nomenklatura", name: "enrich", method: "POST", path: "/match/sanctions?algorithm=logic-v2&threshold=0.7&cutoff=0.5", auth: "ApiKey KEY",
			contentType: "application/json",
			body: `{"queries": {"entity": {"id": "x-1", "schema": "Person", "caption": "Sergei Lavrov", "datasets": ["mine"], "referents": [],
				"properties": {"name": ["Sergei Lavrov"], "birthCountry": ["ru"], "nameSuffix": ["Jr."], "birthDate": ["1950-03-21"]}}}}`,
			status: 200, shape: func(t *testing.T, b map[string]any) {
				matchShape("entity", 0.7)(t, b)
				item := b["responses"].(map[string]any)["entity"].(map[string]any)
				var fields []string
				for _, w := range item["warnings"].([]any) {
					fields = append(fields, w.(map[string]any)["field"].(string))
				}
				if !slices.Equal(fields, []string{"queries.entity.properties.birthCountry", "queries.entity.properties.nameSuffix"}) {
					t.Errorf("warnings on %v", fields)
				}
				if id := item["query"].(map[string]any)["id"]; id != "x-1" {
					t.Errorf("query id %v", id)
				}
			}},
		{client: "nomenklatura", name: "a Company with okpoCode", method: "POST", path: "/match/default", auth: "ApiKey KEY",
			body:   `{"queries": {"c": {"schema": "Company", "properties": {"name": ["Example Shipping Co"], "okpoCode": ["12345"], "dissolutionDate": ["2020"]}}}}`,
			status: 200, shape: matchShape("c", th)},
	}
	for _, cr := range requests {
		t.Run(cr.client+"/"+cr.name, func(t *testing.T) {
			path := strings.ReplaceAll(cr.path, "KEY", key)
			var body io.Reader
			if cr.body != "" {
				body = strings.NewReader(cr.body)
			}
			req, err := http.NewRequest(cr.method, ts.URL+path, body)
			if err != nil {
				t.Fatal(err)
			}
			if cr.auth != "" {
				req.Header.Set("Authorization", strings.ReplaceAll(cr.auth, "KEY", key))
			}
			if cr.contentType != "" {
				req.Header.Set("Content-Type", cr.contentType)
			}
			r := ts.send(req)
			if r.Status != cr.status {
				t.Fatalf("status %d, want %d: %.500s", r.Status, cr.status, r.Body)
			}
			if cr.shape == nil {
				return
			}
			var b map[string]any
			if err := json.Unmarshal(r.Body, &b); err != nil {
				t.Fatalf("not a JSON object: %v: %.300s", err, r.Body)
			}
			cr.shape(t, b)
		})
	}
}

func anyStrings(v any) []string {
	var out []string
	l, _ := v.([]any)
	for _, x := range l {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

func results(b map[string]any, key string) []any {
	rs, _ := b["responses"].(map[string]any)[key].(map[string]any)["results"].([]any)
	return rs
}

// entityKeys are the ten keys of yente's EntityResponse, always there.
var entityKeys = []string{"id", "caption", "schema", "properties", "datasets", "referents", "target", "first_seen", "last_seen", "last_change"}

func entityShape(t *testing.T, e map[string]any) {
	t.Helper()
	for _, k := range entityKeys {
		if _, ok := e[k]; !ok {
			t.Errorf("entity %v: no %s", e["id"], k)
		}
	}
	if _, ok := e["target"].(bool); !ok {
		t.Errorf("target %v", e["target"])
	}
	for _, k := range []string{"id", "caption", "schema"} {
		if s, _ := e[k].(string); s == "" {
			t.Errorf("%s %v", k, e[k])
		}
	}
	for _, k := range []string{"first_seen", "last_seen", "last_change"} {
		// yente's format, pinned by its tests: 19 characters, no zone.
		if s, ok := e[k].(string); e[k] != nil && (!ok || len(s) != 19 || s[10] != 'T') {
			t.Errorf("%s %v, want YYYY-MM-DDTHH:MM:SS", k, e[k])
		}
	}
	props, ok := e["properties"].(map[string]any)
	if !ok {
		t.Fatalf("properties %v", e["properties"])
	}
	for p, vs := range props {
		if l, ok := vs.([]any); !ok || len(l) == 0 {
			t.Errorf("property %s: %v, want a list", p, vs)
		}
	}
	for _, d := range anyStrings(e["datasets"]) {
		if !slices.Contains(slices.Collect(func(yield func(string) bool) {
			for _, n := range openSanctionsName {
				if !yield(n) {
					return
				}
			}
		}), d) {
			t.Errorf("dataset %q is not an OpenSanctions name", d)
		}
	}
	if _, ok := e["referents"].([]any); !ok {
		t.Errorf("referents %v", e["referents"])
	}
}

func totalShape(t *testing.T, v any) float64 {
	t.Helper()
	tot, _ := v.(map[string]any)
	n, ok := tot["value"].(float64)
	if rel := tot["relation"]; !ok || rel != "eq" && rel != "gte" {
		t.Errorf("total %v", v)
	}
	return n
}

// matchShape checks a /match response for the query key, as the SDK
// reads it: results best first, match == score >= threshold.
func matchShape(key string, threshold float64) func(t *testing.T, b map[string]any) {
	return func(t *testing.T, b map[string]any) {
		t.Helper()
		if _, ok := b["limit"].(float64); !ok {
			t.Errorf("limit %v", b["limit"])
		}
		item, ok := b["responses"].(map[string]any)[key].(map[string]any)
		if !ok || item["status"] != float64(200) {
			t.Fatalf("responses.%s: %v", key, b["responses"])
		}
		if q, _ := item["query"].(map[string]any); q == nil || q["schema"] == "" || q["properties"] == nil {
			t.Errorf("query %v", item["query"])
		}
		prev := 2.0
		matches := 0
		for _, r := range results(b, key) {
			e := r.(map[string]any)
			entityShape(t, e)
			score, _ := e["score"].(float64)
			if score > prev {
				t.Errorf("results not best first")
			}
			prev = score
			if m, _ := e["match"].(bool); m != (score >= threshold) {
				t.Errorf("%v: match %v at score %v", e["id"], e["match"], score)
			} else if m {
				matches++
			}
			if _, ok := e["explanations"].(map[string]any); !ok {
				t.Errorf("explanations %v", e["explanations"])
			}
		}
		if n := totalShape(t, item["total"]); int(n) != matches {
			t.Errorf("total %v, want the %d matches", n, matches)
		}
	}
}

func searchShape(t *testing.T, b map[string]any) {
	t.Helper()
	rs, ok := b["results"].([]any)
	if !ok {
		t.Fatalf("results %v", b["results"])
	}
	for _, r := range rs {
		entityShape(t, r.(map[string]any))
		if _, scored := r.(map[string]any)["score"]; scored {
			t.Errorf("a search result with a score")
		}
	}
	if n := totalShape(t, b["total"]); int(n) < len(rs) {
		t.Errorf("total %v below %d results", n, len(rs))
	}
	facets, _ := b["facets"].(map[string]any)
	for _, f := range []string{"countries", "topics", "datasets"} {
		fv, _ := facets[f].(map[string]any)
		if _, ok := fv["label"].(string); !ok {
			t.Errorf("facet %s: %v", f, facets[f])
		}
		for _, v := range fv["values"].([]any) {
			v := v.(map[string]any)
			if _, ok := v["count"].(float64); !ok || v["name"] == "" || v["label"] == "" {
				t.Errorf("facet %s value %v", f, v)
			}
		}
	}
	for _, k := range []string{"limit", "offset"} {
		if _, ok := b[k].(float64); !ok {
			t.Errorf("%s %v", k, b[k])
		}
	}
}

func catalogShape(t *testing.T, b map[string]any) {
	t.Helper()
	ds, _ := b["datasets"].([]any)
	names := map[string]bool{}
	for _, d := range ds {
		d := d.(map[string]any)
		for _, k := range []string{"name", "title", "version", "index_version"} {
			if s, _ := d[k].(string); s == "" {
				t.Errorf("dataset %v: %s %v", d["name"], k, d[k])
			}
		}
		if d["index_current"] != true || d["load"] != true {
			t.Errorf("dataset %v: index_current %v load %v", d["name"], d["index_current"], d["load"])
		}
		if _, ok := d["children"].([]any); !ok {
			t.Errorf("dataset %v: children %v", d["name"], d["children"])
		}
		names[d["name"].(string)] = true
	}
	for _, n := range []string{"us_ofac_sdn", "un_sc_sanctions", "eu_fsf", "sanctions", "default"} {
		if !names[n] {
			t.Errorf("no dataset %s in %v", n, names)
		}
	}
	if b["index_stale"] != false || len(anyStrings(b["current"])) != len(ds) {
		t.Errorf("current %v, index_stale %v", b["current"], b["index_stale"])
	}
}

func algorithmsShape(t *testing.T, b map[string]any) {
	t.Helper()
	var names []string
	for _, a := range b["algorithms"].([]any) {
		a := a.(map[string]any)
		names = append(names, a["name"].(string))
		docs, _ := a["docs"].(map[string]any)
		if _, ok := docs["config"].(map[string]any); !ok || a["description"] == "" {
			t.Errorf("algorithm %v", a)
		}
	}
	if b["default"] != "best" || !slices.Contains(names, b["best"].(string)) || !slices.Contains(names, "logic-v2") {
		t.Errorf("algorithms %v, default %v, best %v", names, b["default"], b["best"])
	}
}

func detailShape(t *testing.T, b map[string]any) {
	t.Helper()
	if s, _ := b["detail"].(string); s == "" {
		t.Errorf("detail %v, want a message", b)
	}
	if _, native := b["error"]; native {
		t.Errorf("a native error body on a yente route: %v", b)
	}
}

func detailIs(want string) func(t *testing.T, b map[string]any) {
	return func(t *testing.T, b map[string]any) {
		t.Helper()
		if b["detail"] != want {
			t.Errorf("detail %q, want %q", b["detail"], want)
		}
	}
}

// validationShape checks a 422: a list of errors, the first at loc.
func validationShape(loc ...string) func(t *testing.T, b map[string]any) {
	return func(t *testing.T, b map[string]any) {
		t.Helper()
		errs, _ := b["detail"].([]any)
		if len(errs) == 0 {
			t.Fatalf("detail %v, want a list", b["detail"])
		}
		e := errs[0].(map[string]any)
		got := anyStrings(e["loc"])
		if len(got) < len(loc) || !slices.Equal(got[:len(loc)], loc) || e["msg"] == "" || e["type"] == "" {
			t.Errorf("error %v, want loc %v", e, loc)
		}
		if _, ok := e["input"]; !ok {
			t.Errorf("error %v has no input", e)
		}
	}
}

// The wire conventions: CORS when configured (none by default), gzip for
// large bodies, x-batch-size, the update token, the catalog's ETag, the
// counter of properties screened without.
func TestYenteWire(t *testing.T) {
	cfg := DefaultConfig()
	cfg.CORSOrigins, cfg.UpdateToken = []string{"https://app.example"}, "s3cret"
	ts := startServer(t, serverOptions{cfg: cfg})
	plain := startServer(t, serverOptions{})
	preflight := func(ts *testServer, origin string) response {
		req, _ := http.NewRequest("OPTIONS", ts.URL+"/match/default", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
		return ts.send(req)
	}
	if r := preflight(ts, "https://app.example"); r.Status != 200 || r.Header.Get("Access-Control-Allow-Origin") != "https://app.example" ||
		r.Header.Get("Access-Control-Allow-Headers") != "authorization, content-type" || !strings.Contains(r.Header.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("preflight: %d %v", r.Status, r.Header)
	}
	if r := preflight(ts, "https://evil.example"); r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from another origin allowed: %v", r.Header)
	}
	if r := preflight(plain, "https://app.example"); r.Status != 405 || r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight with no origins configured: %d %v", r.Status, r.Header)
	}
	star := DefaultConfig()
	star.CORSOrigins = []string{"*"}
	if r := preflight(startServer(t, serverOptions{cfg: star}), "https://any.example"); r.Status != 200 || r.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("preflight with *: %d %v", r.Status, r.Header)
	}

	// gzip for a client that accepts it, and a body of 500 bytes or
	// more; x-batch-size.
	body := `{"queries": {"a": ` + lavrovQuery + `, "b": {"schema": "Thing", "properties": {"name": ["Sea Example"]}}}}`
	for _, accept := range []string{"gzip", ""} {
		req, _ := http.NewRequest("POST", ts.URL+"/match/default", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleScreen])
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		// The transport must not ask for gzip itself, so that the test
		// sees the body as sent.
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.Header.Get("X-Batch-Size") != "2" {
			t.Errorf("x-batch-size %q", resp.Header.Get("X-Batch-Size"))
		}
		if accept == "" {
			if resp.Header.Get("Content-Encoding") != "" || !json.Valid(raw) {
				t.Errorf("compressed for a client that did not ask")
			}
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil || resp.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("not gzip: %v %v", err, resp.Header)
		}
		plainBody, _ := io.ReadAll(zr)
		if !json.Valid(plainBody) || len(plainBody) < gzipMinSize {
			t.Errorf("gzipped body %.200s", plainBody)
		}
	}

	// /updatez: the token, and nothing else.
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/updatez", 403}, {"/updatez?token=wrong", 403}, {"/updatez?token=s3cret&sync=maybe", 422},
	} {
		if r := ts.do("POST", tc.path, "", nil); r.Status != tc.status {
			t.Errorf("%s: %d, want %d: %s", tc.path, r.Status, tc.status, r.Body)
		}
	}
	if r := plain.do("POST", "/updatez?token=", "", nil); r.Status != 403 {
		t.Errorf("no token configured: %d", r.Status)
	}
	if r := ts.do("POST", "/updatez?token=s3cret&sync=true", "", nil); r.Status != 409 {
		// The test server has no refresh to run: a conflict, said so.
		t.Errorf("updatez: %d %s", r.Status, r.Body)
	}

	// The catalog's ETag: 304 while the versions are the same.
	r := ts.do("GET", "/catalog", entity.RoleScreen, nil)
	etag := r.Header.Get("ETag")
	if etag == "" || r.Header.Get("Cache-Control") != "public, max-age=300" {
		t.Fatalf("catalog headers %v", r.Header)
	}
	for _, m := range []string{etag, "*", `"other", ` + etag} {
		req, _ := http.NewRequest("GET", ts.URL+"/manifest", nil)
		req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleScreen])
		req.Header.Set("If-None-Match", m)
		if r := ts.send(req); r.Status != 304 || len(r.Body) != 0 || r.Header.Get("ETag") != etag {
			t.Errorf("If-None-Match %s: %d %q", m, r.Status, r.Body)
		}
	}
	if other := plain.do("GET", "/catalog", entity.RoleScreen, nil); other.Header.Get("ETag") != etag {
		t.Errorf("the same versions, another ETag: %s, %s", other.Header.Get("ETag"), etag)
	}

	// The properties screened without are counted, by property.
	for range 2 {
		ts.do("POST", "/match/default", entity.RoleScreen, yenteBody(map[string]map[string]any{
			"q": {"schema": "Person", "properties": map[string]any{"name": "Sergei Lavrov", "birthCountry": "ru"}}}))
	}
	metrics := string(ts.do("GET", "/metrics", "", nil).Body)
	if !strings.Contains(metrics, `veto_yente_ignored_properties_total{property="birthCountry"} 2`) {
		t.Errorf("no count of birthCountry in /metrics")
	}
	// The native API keeps its own error shape, and its keys.
	if r := ts.do("GET", "/v1/search?q=x&api_key="+ts.Keys[entity.RoleScreen], "", nil); r.Status != 401 || r.errorCode(t) != CodeUnauthorized {
		t.Errorf("api_key on /v1: %d %s", r.Status, r.Body)
	}
}

// Timestamps come from the version history: a listing changed in a
// later version has that version as last_change, and first_seen stays
// its first.
func TestYenteTimestamps(t *testing.T) {
	ts := startServer(t, serverOptions{})
	var before yenteEntity
	ts.do("GET", "/entities/un-QDi.902?nested=false", entity.RoleScreen, nil).json(t, &before)
	if before.FirstSeen == nil || before.LastChange == nil || *before.FirstSeen != *before.LastChange || *before.FirstSeen != "2026-03-01T00:00:05" {
		t.Fatalf("before: first_seen %v last_change %v", before.FirstSeen, before.LastChange)
	}
	// The next UN version changes un-QDi.902 and keeps the others.
	ctx := t.Context()
	v, _ := ts.Keeper.Snapshot().Version("un-sc")
	ents, err := ts.Store.Entities(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.ID == "un-QDi.902" {
			e.Notes = append(e.Notes, "Review concluded on 1 Oct. 2026.")
		}
	}
	next := time.Date(2026, 10, 1, 9, 30, 0, 0, time.UTC)
	if _, err := ts.Store.AddVersion(ctx, store.NewVersion{Version: entity.ListVersion{List: "un-sc", Publisher: "un", Hash: "un-changed",
		Published: next, PublishedFrom: "file", FetchedAt: next}, Entities: ents}); err != nil {
		t.Fatal(err)
	}
	if err := ts.Keeper.Reload(ctx, false); err != nil {
		t.Fatal(err)
	}
	var after, other yenteEntity
	ts.do("GET", "/entities/un-QDi.902?nested=false", entity.RoleScreen, nil).json(t, &after)
	if *after.FirstSeen != *before.FirstSeen || after.LastChange == nil || *after.LastChange != "2026-10-01T09:30:00" {
		t.Errorf("after a change: first_seen %v last_change %v", *after.FirstSeen, *after.LastChange)
	}
	ts.do("GET", "/entities/un-QDi.901?nested=false", entity.RoleScreen, nil).json(t, &other)
	if *other.LastChange != "2026-03-01T00:00:05" {
		t.Errorf("an entity the version left as it was: last_change %v", *other.LastChange)
	}
	var sr yenteSearchResponse
	ts.do("GET", "/search/un_sc_sanctions?changed_since=2026-06-01", entity.RoleScreen, nil).json(t, &sr)
	if got := listings(sr.Results); !slices.Equal(got, []string{"un-QDi.902"}) {
		t.Errorf("changed_since the change: %v", got)
	}
}
