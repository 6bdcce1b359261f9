package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// The reconciliation tests send what OpenRefine sends (form-encoded
// queries=, multipart, GET ?queries=, the manifest's own service URLs)
// to a real server, and validate every request and answer against the
// v0.2 JSON schemas in testdata/reconcile, written from the spec.

var specSchemas = struct {
	once   sync.Once
	byName map[string]*jsonschema.Schema
	err    error
}{}

// conforms fails the test unless body is valid against the v0.2 schema
// of that name (a file of testdata/reconcile).
func conforms(t *testing.T, schema string, body []byte) {
	t.Helper()
	if err := conformance(t, schema, body); err != nil {
		t.Errorf("not a valid %s: %v\n%s", schema, err, body)
	}
}

func conformance(t *testing.T, schema string, body []byte) error {
	t.Helper()
	specSchemas.once.Do(func() {
		specSchemas.byName = map[string]*jsonschema.Schema{}
		files, _ := filepath.Glob("testdata/reconcile/*.json")
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		for _, f := range files {
			abs, err := filepath.Abs(f)
			if err != nil {
				specSchemas.err = err
				return
			}
			s, err := c.Compile(abs)
			if err != nil {
				specSchemas.err = fmt.Errorf("compile %s: %w", f, err)
				return
			}
			specSchemas.byName[strings.TrimSuffix(filepath.Base(f), ".json")] = s
		}
	})
	if specSchemas.err != nil {
		t.Fatal(specSchemas.err)
	}
	s := specSchemas.byName[schema]
	if s == nil {
		t.Fatalf("no schema %s in testdata/reconcile", schema)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// errorMessage returns the message of an error body: veto's
// {"error": {"message"}}, or yente's {"detail"}, a string or validation
// errors.
func errorMessage(t *testing.T, r response) string {
	t.Helper()
	var body struct {
		Error  struct{ Message string }
		Detail any
	}
	if err := json.Unmarshal(r.Body, &body); err != nil {
		t.Fatalf("status %d: not a JSON error body: %s", r.Status, r.Body)
	}
	switch d := body.Detail.(type) {
	case string:
		return d
	case []any: // validation errors: their locations and messages
		return fmt.Sprint(d...)
	}
	if body.Error.Message == "" {
		t.Fatalf("status %d: no message in the error body %s", r.Status, r.Body)
	}
	return body.Error.Message
}

// The OpenAPI schemas of reconciliation, checked as the others by
// TestOpenAPISchemas (added here, so that the tables there keep to the
// routes of yente.go).
func init() {
	schemaTypes = append(schemaTypes,
		schemaType{"ReconManifest", reflect.TypeFor[reconManifest](), false, nil},
		schemaType{"ReconURL", reflect.TypeFor[reconURL](), false, nil},
		schemaType{"ReconPreview", reflect.TypeFor[reconPreview](), false, nil},
		schemaType{"ReconService", reflect.TypeFor[reconService](), false, nil},
		schemaType{"ReconExtend", reflect.TypeFor[reconExtend](), false, nil},
		schemaType{"ReconSetting", reflect.TypeFor[reconSetting](), false, nil},
		schemaType{"ReconChoice", reflect.TypeFor[reconChoice](), false, nil},
		schemaType{"ReconType", reflect.TypeFor[reconType](), false, nil},
		schemaType{"ReconQuery", reflect.TypeFor[reconQuery](), true, nil},
		schemaType{"ReconProperty", reflect.TypeFor[reconProperty](), true, nil},
		schemaType{"ReconResults", reflect.TypeFor[reconResults](), false, nil},
		schemaType{"ReconCandidate", reflect.TypeFor[reconCandidate](), false, nil},
		schemaType{"SuggestResponse", reflect.TypeFor[suggestResponse](), false, nil},
		schemaType{"SuggestItem", reflect.TypeFor[suggestItem](), false, nil},
		schemaType{"ProposedProperties", reflect.TypeFor[proposedProperties](), false, nil},
		schemaType{"ReconMeta", reflect.TypeFor[reconMeta](), false, nil},
		schemaType{"ExtendRequest", reflect.TypeFor[extendRequest](), true, nil},
		schemaType{"ExtendProperty", reflect.TypeFor[extendProperty](), true, nil},
		schemaType{"ExtendResponse", reflect.TypeFor[extendResponse](), false, nil},
		schemaType{"ExtendValue", reflect.TypeFor[extendValue](), false, nil},
	)
	schemasWithoutType["ReconQueryBatch"] = "map[string]reconQuery, the JSON of the queries field"
	schemasWithoutType["ReconResultBatch"] = "map[string]reconResults, the answer of a query batch"
}

// statusIs reports whether a status is the one wanted; a batch too large
// may be 413 (the spec's) or 400 (yente's, on routes with its wire
// conventions).
func statusIs(got, want int) bool {
	return got == want || want == http.StatusRequestEntityTooLarge && got == http.StatusBadRequest
}

// reconRequest is a request as OpenRefine (or a script) sends it.
type reconRequest struct {
	method, path string
	// form: fields sent URL-encoded (POST) or in the query string (GET).
	form      url.Values
	multipart bool   // the form as multipart/form-data
	json      string // a JSON body instead of a form
}

// send sends a request with the screen role's key.
func (ts *testServer) recon(rq reconRequest) response {
	ts.t.Helper()
	path, ct := rq.path, ""
	var body []byte
	switch {
	case rq.json != "":
		body, ct = []byte(rq.json), "application/json"
	case rq.multipart:
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for k, vs := range rq.form {
			for _, v := range vs {
				mw.WriteField(k, v)
			}
		}
		mw.Close()
		body, ct = buf.Bytes(), mw.FormDataContentType()
	case rq.method == "GET" && rq.form != nil:
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + rq.form.Encode()
	case rq.form != nil:
		body, ct = []byte(rq.form.Encode()), "application/x-www-form-urlencoded"
	}
	req, err := http.NewRequest(rq.method, ts.URL+path, bytes.NewReader(body))
	if err != nil {
		ts.t.Fatal(err)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleScreen])
	return ts.send(req)
}

func TestReconcileManifest(t *testing.T) {
	ts := startServer(t, serverOptions{})
	for _, tc := range []struct {
		path, name string
		types      []string // defaultTypes
		query      string   // carried into the service paths
	}{
		{"/reconcile/default", "All sanctions lists (veto)", []string{"Thing", "LegalEntity", "Person", "Organization", "Vessel"}, ""},
		{"/reconcile/sanctions?api_key=veto_x_y", "All sanctions lists (veto)", []string{"Thing", "LegalEntity", "Person", "Organization", "Vessel"}, "?api_key=veto_x_y"},
		{"/reconcile/un-sc", "", []string{"Thing", "LegalEntity", "Person", "Organization"}, ""},
	} {
		t.Run(tc.path, func(t *testing.T) {
			r := ts.recon(reconRequest{method: "GET", path: tc.path})
			if r.Status != 200 {
				t.Fatalf("status %d: %s", r.Status, r.Body)
			}
			conforms(t, "manifest", r.Body)
			var m reconManifest
			r.json(t, &m)
			dataset := strings.TrimPrefix(strings.Split(tc.path, "?")[0], "/reconcile/")
			base := ts.URL + "/reconcile/" + dataset
			if tc.name != "" && m.Name != tc.name || !strings.HasSuffix(m.Name, " (veto)") || m.BatchSize != reconBatchSize {
				t.Errorf("name %q, batchSize %d", m.Name, m.BatchSize)
			}
			var types []string
			for _, ty := range m.DefaultTypes {
				types = append(types, ty.ID)
			}
			if !slices.Equal(types, tc.types) {
				t.Errorf("defaultTypes %v, want %v", types, tc.types)
			}
			for kind, svc := range m.Suggest {
				if svc.ServiceURL != base || svc.ServicePath != "/suggest/"+kind+tc.query {
					t.Errorf("suggest.%s: %+v", kind, svc)
				}
			}
			if p := m.Extend.ProposeProperties; p.ServiceURL != base || p.ServicePath != "/extend/property"+tc.query {
				t.Errorf("extend.propose_properties: %+v", p)
			}
			if m.Preview.URL != base+"/preview/{{id}}"+tc.query || m.View.URL != m.Preview.URL {
				t.Errorf("preview %+v, view %+v", m.Preview, m.View)
			}
		})
	}

	// OpenRefine follows the manifest: its suggest and propose URLs
	// are the service's own.
	var m reconManifest
	ts.recon(reconRequest{method: "GET", path: "/reconcile/default"}).json(t, &m)
	svc := m.Suggest["entity"]
	r := ts.recon(reconRequest{method: "GET", path: strings.TrimPrefix(svc.ServiceURL, ts.URL) + svc.ServicePath + "?prefix=lavrov"})
	conforms(t, "suggest-entities-response", r.Body)
	var sug suggestResponse
	r.json(t, &sug)
	if len(sug.Result) != 1 || sug.Result[0].ID != ts.Keeper.Snapshot().SubjectOf("ofac-35233") {
		t.Errorf("the manifest's entity suggest for lavrov: %s", r.Body)
	}

	for _, tc := range []struct {
		name   string
		rq     reconRequest
		status int
		msg    string
	}{
		{"unknown dataset", reconRequest{method: "GET", path: "/reconcile/us_nowhere"}, 404, `"us_nowhere"`},
		{"JSONP", reconRequest{method: "GET", path: "/reconcile/default?callback=cb"}, 400, "callback: JSONP"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.recon(tc.rq)
			if msg := errorMessage(t, r); r.Status != tc.status || !strings.Contains(msg, tc.msg) {
				t.Errorf("status %d, %q; want %d, %q", r.Status, msg, tc.status, tc.msg)
			}
		})
	}
	if r := ts.do("GET", "/reconcile/default", "", nil); r.Status != 401 {
		t.Errorf("without a key: %d, want 401", r.Status)
	}

	// OpenRefine sends no header: the key is on the manifest's URL, and
	// goes on to every service it names. The dataset may have its
	// OpenSanctions name.
	key := url.QueryEscape(ts.Keys[entity.RoleScreen])
	r = ts.do("GET", "/reconcile/us_ofac_sdn?api_key="+key, "", nil)
	if r.Status != 200 {
		t.Fatalf("manifest with api_key: %d %s", r.Status, r.Body)
	}
	r.json(t, &m)
	if !strings.HasPrefix(m.Name, "Specially Designated Nationals") {
		t.Errorf("us_ofac_sdn's manifest: name %q", m.Name)
	}
	svc = m.Suggest["entity"]
	r = ts.do("GET", strings.TrimPrefix(svc.ServiceURL, ts.URL)+svc.ServicePath+"&prefix=lavrov", "", nil)
	r.json(t, &sug)
	if r.Status != 200 || len(sug.Result) != 1 {
		t.Errorf("the manifest's entity suggest, with its api_key: %d %s", r.Status, r.Body)
	}
	page := strings.Replace(strings.TrimPrefix(m.Preview.URL, ts.URL), "{{id}}", url.PathEscape(sug.Result[0].ID), 1)
	if r := ts.do("GET", page, "", nil); r.Status != 200 || !strings.Contains(string(r.Body), "LAVROV") {
		t.Errorf("the manifest's preview, with its api_key: %d %s", r.Status, r.Body)
	}
}

// queriesOf returns a batch as OpenRefine sends it, checking first that
// it is a valid v0.2 query batch.
func queriesOf(t *testing.T, batch string) url.Values {
	t.Helper()
	conforms(t, "reconciliation-query-batch", []byte(batch))
	return url.Values{"queries": {batch}}
}

func TestReconcileQueries(t *testing.T) {
	ts := startServer(t, serverOptions{})
	lavrov := ts.Keeper.Snapshot().SubjectOf("ofac-35233")
	threshold := ts.Keeper.Snapshot().Config().Threshold
	lavrovBatch := `{"q0":{"query":"Sergei Lavrov","type":"Person","type_strict":"should"}}`
	for _, tc := range []struct {
		name string
		rq   reconRequest
		// first is the best candidate's ID of each query; none: no
		// candidate.
		first map[string]string
		types map[string][]string // the types each query's candidates may have
	}{
		{"form-encoded POST", reconRequest{method: "POST", path: "/reconcile/default", form: queriesOf(t, lavrovBatch)},
			map[string]string{"q0": lavrov}, map[string][]string{"q0": {"Person", "LegalEntity"}}},
		{"multipart POST", reconRequest{method: "POST", path: "/reconcile/default", form: queriesOf(t, lavrovBatch), multipart: true},
			map[string]string{"q0": lavrov}, nil},
		{"GET ?queries=", reconRequest{method: "GET", path: "/reconcile/default", form: queriesOf(t, lavrovBatch)},
			map[string]string{"q0": lavrov}, nil},
		{"a JSON body", reconRequest{method: "POST", path: "/reconcile/default", json: `{"queries":` + lavrovBatch + `}`},
			map[string]string{"q0": lavrov}, nil},
		{"properties, qualified and not, with a number and an {id, name}", reconRequest{method: "POST", path: "/reconcile/default", form: queriesOf(t,
			`{"q0":{"query":"Lavrov","type":["Person"],"limit":2,"properties":[{"pid":"Person:birthDate","v":1950},{"pid":"nationality","v":{"id":"Q159","name":"ru"}}]}}`)},
			map[string]string{"q0": lavrov}, nil},
		{"a batch, no type, and properties alone", reconRequest{method: "POST", path: "/reconcile/sanctions", form: queriesOf(t,
			`{"a":{"query":"Sergey Lavrov"},"b":{"properties":[{"pid":"Thing:name","v":["Example Shipping Company"]}],"type":"Company"},"c":{"query":"Jane Nobodyson","type":"Person"}}`)},
			map[string]string{"a": lavrov, "b": "ofac-90001", "c": ""}, map[string][]string{"b": {"Company", "Organization", "LegalEntity"}}},
		{"types: any of them", reconRequest{method: "POST", path: "/reconcile/default", form: queriesOf(t,
			`{"q0":{"query":"Sea Example","type":["Vessel","Person"],"limit":10}}`)},
			map[string]string{"q0": "ofac-90002"}, map[string][]string{"q0": {"Vessel", "Person", "LegalEntity"}}},
		{"a dataset: Lavrov is on no UN list", reconRequest{method: "POST", path: "/reconcile/un-sc", form: queriesOf(t, lavrovBatch)},
			map[string]string{"q0": ""}, nil},
		{"a dataset by its OpenSanctions name", reconRequest{method: "POST", path: "/reconcile/un_sc_sanctions", form: queriesOf(t, lavrovBatch)},
			map[string]string{"q0": ""}, nil},
		{"changed_since: nothing changed after 2099", reconRequest{method: "POST", path: "/reconcile/default?changed_since=2099-01-01", form: queriesOf(t, lavrovBatch)},
			map[string]string{"q0": ""}, nil},
		{"changed_since: everything changed after 2000", reconRequest{method: "POST", path: "/reconcile/default?changed_since=2000-01-01&algorithm=logic-v2", form: queriesOf(t, lavrovBatch)},
			map[string]string{"q0": lavrov}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.recon(tc.rq)
			if r.Status != 200 {
				t.Fatalf("status %d: %s", r.Status, r.Body)
			}
			conforms(t, "reconciliation-result-batch", r.Body)
			var res map[string]reconResults
			r.json(t, &res)
			if len(res) != len(tc.first) || r.Header.Get("X-Batch-Size") != fmt.Sprint(len(tc.first)) {
				t.Errorf("%d results, x-batch-size %q; want %d", len(res), r.Header.Get("X-Batch-Size"), len(tc.first))
			}
			for key, first := range tc.first {
				cands := res[key].Result
				if first == "" {
					if slices.ContainsFunc(cands, func(c reconCandidate) bool { return c.Match }) {
						t.Errorf("%s: a match in %+v", key, cands)
					}
					continue
				}
				if len(cands) == 0 || cands[0].ID != first || !cands[0].Match {
					t.Fatalf("%s: candidates %+v, want %s first, a match", key, cands, first)
				}
				for i, c := range cands {
					if i > 0 && c.Score > cands[i-1].Score {
						t.Errorf("%s: not best first: %+v", key, cands)
					}
					if c.Match != (c.Score >= threshold) || c.Name == "" || len(c.Type) != 1 || c.Description == "" {
						t.Errorf("%s: candidate %+v", key, c)
					}
					if want := tc.types[key]; want != nil && !slices.Contains(want, c.Type[0].ID) {
						t.Errorf("%s: candidate %s of type %s, want one of %v", key, c.ID, c.Type[0].ID, want)
					}
				}
			}
		})
	}

	// limit cuts each query's candidates, whatever the others ask.
	r := ts.recon(reconRequest{method: "POST", path: "/reconcile/default",
		form: queriesOf(t, `{"one":{"query":"Example","limit":1},"many":{"query":"Example","limit":10}}`)})
	var res map[string]reconResults
	r.json(t, &res)
	if len(res["one"].Result) != 1 || len(res["many"].Result) < 2 {
		t.Errorf("limits 1 and 10: %d and %d candidates", len(res["one"].Result), len(res["many"].Result))
	}
}

func TestReconcileBadQueries(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxBody = 64 << 10
	ts := startServer(t, serverOptions{cfg: cfg})
	many := map[string]any{}
	for i := range maxReconBatch + 1 {
		many[fmt.Sprint("q", i)] = map[string]any{"query": "Lavrov"}
	}
	tooMany, _ := json.Marshal(many)
	q := func(batch string) url.Values { return url.Values{"queries": {batch}} }
	for _, tc := range []struct {
		name string
		rq   reconRequest
		// specValid says whether the batch is valid v0.2 (veto refuses
		// some that are: no FtM property is a boolean).
		specValid bool
		status    int
		msg       string
	}{
		{"nothing", reconRequest{method: "POST", path: "/reconcile/default", form: url.Values{"other": {"1"}}}, true, 400, "queries: required (or extend)"},
		{"an empty batch", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{}`)}, true, 400, "queries: required"},
		{"queries and extend", reconRequest{method: "POST", path: "/reconcile/default", form: url.Values{"queries": {`{"q0":{"query":"x"}}`}, "extend": {`{"ids":[]}`}}}, true, 400, "give one of them"},
		{"malformed JSON", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"Lavrov"}`)}, false, 400, "queries: malformed JSON"},
		{"neither query nor properties", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"type":"Person"}}`)}, false, 400, "queries.q0.query: required"},
		{"an unknown key", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"Lavrov","strict":true}}`)}, false, 400, `unknown field "strict"`},
		{"an unknown type", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"Lavrov","type":"Dog"}}`)}, true, 400, `queries.q0.type: unknown type "Dog"`},
		{"a type of the wrong kind", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"Lavrov","type":7}}`)}, false, 400, "queries.q0.type: want a type ID"},
		{"an unknown property", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"Lavrov","properties":[{"pid":"Person:shoeSize","v":"44"}]}}`)}, true, 400, `queries.q0.properties[0].pid: "Person:shoeSize"`},
		{"a property of another type", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"Sea Example","type":"Vessel","properties":[{"pid":"Person:birthDate","v":"1950"}]}}`)}, true, 400, "is not a property of Vessel"},
		{"a boolean value", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"Lavrov","properties":[{"pid":"Person:gender","v":true}]}}`)}, true, 400, "queries.q0.properties[0].v: true"},
		{"limit 0", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"Lavrov","limit":0}}`)}, false, 400, "queries.q0.limit: 0, want 1..100"},
		{"limit past the most", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"Lavrov","limit":101}}`)}, true, 400, "queries.q0.limit: 101"},
		{"type_strict", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"Lavrov","type_strict":"maybe"}}`)}, false, 400, "queries.q0.type_strict"},
		{"a name too long", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"` + strings.Repeat("a ", 600) + `"}}`)}, true, 400, "queries.q0"},
		{"too many queries", reconRequest{method: "POST", path: "/reconcile/default", form: q(string(tooMany))}, true, 413, "at most 100 per request"},
		{"a body too large", reconRequest{method: "POST", path: "/reconcile/default", form: q(`{"q0":{"query":"` + strings.Repeat("a", 70<<10) + `"}}`)}, true, 413, "larger than"},
		{"an unknown algorithm", reconRequest{method: "POST", path: "/reconcile/default?algorithm=neural-net", form: q(`{"q0":{"query":"Lavrov"}}`)}, true, 400, "Invalid algorithm: neural-net"},
		{"changed_since not a date", reconRequest{method: "POST", path: "/reconcile/default?changed_since=not-a-date", form: q(`{"q0":{"query":"Lavrov"}}`)}, true, 422, "changed_since"},
		{"an unknown dataset", reconRequest{method: "POST", path: "/reconcile/nowhere", form: q(`{"q0":{"query":"Lavrov"}}`)}, true, 404, `"nowhere"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if batch := tc.rq.form.Get("queries"); batch != "" && len(batch) < 10000 {
				if err := conformance(t, "reconciliation-query-batch", []byte(batch)); (err == nil) != tc.specValid {
					t.Errorf("v0.2 validity of the batch: %v, want valid %v", err, tc.specValid)
				}
			}
			r := ts.recon(tc.rq)
			if msg := errorMessage(t, r); !statusIs(r.Status, tc.status) || !strings.Contains(msg, tc.msg) {
				t.Errorf("status %d, %q; want %d, %q", r.Status, msg, tc.status, tc.msg)
			}
		})
	}
	// The algorithm veto scores with may be named, by its name or
	// yente's.
	for _, a := range []string{yenteAlgorithm, "logic-v2", "best"} {
		if r := ts.recon(reconRequest{method: "POST", path: "/reconcile/default?algorithm=" + a, form: q(`{"q0":{"query":"Lavrov"}}`)}); r.Status != 200 {
			t.Errorf("algorithm=%s: %d %s", a, r.Status, r.Body)
		}
	}
}

func TestReconcileSuggest(t *testing.T) {
	ts := startServer(t, serverOptions{})
	lavrov := ts.Keeper.Snapshot().SubjectOf("ofac-35233")
	for _, tc := range []struct {
		path, schema string
		want         []string // the IDs suggested, in order; nil: any
		first        string   // the first ID, when want is nil
	}{
		{"/reconcile/default/suggest/entity?prefix=lavr", "suggest-entities-response", []string{lavrov}, ""},
		{"/reconcile/default/suggest/entity?prefix=serg%20lav", "suggest-entities-response", []string{lavrov}, ""},
		{"/reconcile/default/suggest/entity?prefix=lavrov%20serg", "suggest-entities-response", []string{lavrov}, ""},
		{"/reconcile/default/suggest/entity?prefix=%D0%9B%D0%B0%D0%B2%D1%80", "suggest-entities-response", []string{lavrov}, ""}, // Лавр
		{"/reconcile/un-sc/suggest/entity?prefix=lavr", "suggest-entities-response", []string{}, ""},
		{"/reconcile/default/suggest/entity?prefix=", "suggest-entities-response", []string{}, ""},
		{"/reconcile/default/suggest/entity?prefix=sea%20ex", "suggest-entities-response", []string{"ofac-90002"}, ""},
		{"/reconcile/default/suggest/entity?prefix=example", "suggest-entities-response", nil, "ofac-90001"},
		{"/reconcile/default/suggest/type?prefix=per", "suggest-types-response", []string{"Person"}, ""},
		{"/reconcile/default/suggest/type?prefix=legal", "suggest-types-response", []string{"LegalEntity"}, ""},
		{"/reconcile/default/suggest/type?prefix=vessels", "suggest-types-response", []string{"Vessel"}, ""},
		{"/reconcile/default/suggest/type?prefix=compan", "suggest-types-response", []string{}, ""}, // no company is listed
		{"/reconcile/default/suggest/type?prefix=", "suggest-types-response", []string{"Thing", "LegalEntity", "Person", "Organization", "Vessel"}, ""},
		{"/reconcile/un-sc/suggest/type?prefix=v", "suggest-types-response", []string{}, ""},
		{"/reconcile/default/suggest/property?prefix=birth", "suggest-properties-response", []string{"Person:birthDate", "Person:birthPlace"}, ""},
		{"/reconcile/default/suggest/property?prefix=nation", "suggest-properties-response", []string{"Person:nationality"}, ""},
		{"/reconcile/default/suggest/property?prefix=IMO", "suggest-properties-response", []string{"Organization:imoNumber", "Vessel:imoNumber"}, ""},
		{"/reconcile/default/suggest/property?prefix=", "suggest-properties-response", []string{}, ""},
	} {
		t.Run(tc.path, func(t *testing.T) {
			r := ts.recon(reconRequest{method: "GET", path: tc.path})
			if r.Status != 200 {
				t.Fatalf("status %d: %s", r.Status, r.Body)
			}
			conforms(t, tc.schema, r.Body)
			var res suggestResponse
			r.json(t, &res)
			var ids []string
			for _, it := range res.Result {
				ids = append(ids, it.ID)
			}
			switch {
			case tc.want != nil && !slices.Equal(ids, tc.want) && !(len(ids) == 0 && len(tc.want) == 0):
				t.Errorf("suggested %v, want %v", ids, tc.want)
			case tc.want == nil && tc.first != "" && (len(ids) == 0 || ids[0] != tc.first):
				t.Errorf("suggested %v, want %s first", ids, tc.first)
			}
			u, _ := url.Parse(tc.path)
			if res.Code != "/api/status/ok" || res.Status != "200 OK" || res.Prefix != u.Query().Get("prefix") {
				t.Errorf("envelope %+v", res)
			}
		})
	}

	// Entity suggest pages with limit and cursor, over what it finds.
	var all, page suggestResponse
	ts.recon(reconRequest{method: "GET", path: "/reconcile/default/suggest/entity?prefix=ex"}).json(t, &all)
	ts.recon(reconRequest{method: "GET", path: "/reconcile/default/suggest/entity?prefix=ex&limit=2&cursor=1"}).json(t, &page)
	idsOf := func(items []suggestItem) (ids []string) {
		for _, it := range items {
			ids = append(ids, it.ID)
		}
		return ids
	}
	if len(all.Result) != 3 || !slices.Equal(idsOf(page.Result), idsOf(all.Result[1:3])) {
		t.Errorf("prefix ex: %v; limit 2 from 1: %v", all.Result, page.Result)
	}
	for _, it := range all.Result {
		if it.Name == "" || it.Description == "" || len(it.Notable) != 1 || it.Notable[0] != it.Type[0] {
			t.Errorf("suggested entity %+v", it)
		}
	}

	for _, tc := range []struct {
		path, msg string
	}{
		{"/reconcile/default/suggest/entity?prefix=" + strings.Repeat("a", maxPrefix+1), "prefix: 101 bytes, at most 100"},
		{"/reconcile/default/suggest/type?prefix=" + strings.Repeat("a", maxPrefix+1), "prefix: 101 bytes"},
		{"/reconcile/default/suggest/property?prefix=" + strings.Repeat("a", maxPrefix+1), "prefix: 101 bytes"},
		{"/reconcile/default/suggest/entity?prefix=a&limit=101", "limit"},
		{"/reconcile/default/suggest/entity?prefix=a&cursor=-1", "cursor"},
		{"/reconcile/nowhere/suggest/type?prefix=a", `"nowhere"`},
	} {
		r := ts.recon(reconRequest{method: "GET", path: tc.path})
		if msg := errorMessage(t, r); r.Status/100 != 4 || !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: status %d, %q; want %q", tc.path, r.Status, msg, tc.msg)
		}
	}
}

func TestReconcileExtend(t *testing.T) {
	ts := startServer(t, serverOptions{})
	lavrov := ts.Keeper.Snapshot().SubjectOf("ofac-35233")

	// Property proposals.
	for _, tc := range []struct {
		path string
		want []string // IDs, by label
		all  []string // IDs among them, when want is nil
	}{
		{"/reconcile/default/extend/property?type=Person&limit=3", []string{"birthDate", "name", "nationality"}, nil},
		{"/reconcile/default/extend/property?type=Vessel&limit=4", []string{"flag", "imoNumber", "name", "type"}, nil},
		{"/reconcile/default/extend/property?type=Person", nil, []string{"birthDate", "passportNumber", "country", "alias", "registrationNumber"}},
		{"/reconcile/default/extend/property", nil, []string{"name", "country", "program"}},
	} {
		r := ts.recon(reconRequest{method: "GET", path: tc.path})
		if r.Status != 200 {
			t.Fatalf("%s: status %d: %s", tc.path, r.Status, r.Body)
		}
		conforms(t, "propose-properties-response", r.Body)
		var res proposedProperties
		r.json(t, &res)
		var ids []string
		for i, p := range res.Properties {
			ids = append(ids, p.ID)
			if i > 0 && p.Name < res.Properties[i-1].Name {
				t.Errorf("%s: not by label: %v", tc.path, res.Properties)
			}
		}
		if tc.want != nil && !slices.Equal(ids, tc.want) {
			t.Errorf("%s: %v, want %v", tc.path, ids, tc.want)
		}
		for _, id := range tc.all {
			if !slices.Contains(ids, id) {
				t.Errorf("%s: %v lacks %s", tc.path, ids, id)
			}
		}
	}
	if r := ts.recon(reconRequest{method: "GET", path: "/reconcile/default/extend/property?type=Dog"}); r.Status != 400 || !strings.Contains(errorMessage(t, r), `type: unknown type "Dog"`) {
		t.Errorf("type Dog: %d %s", r.Status, r.Body)
	}

	// Data extension.
	ext := func(q string) url.Values {
		t.Helper()
		conforms(t, "data-extension-query", []byte(q))
		return url.Values{"extend": {q}}
	}
	r := ts.recon(reconRequest{method: "POST", path: "/reconcile/default", form: ext(fmt.Sprintf(
		`{"ids":[%q,"ofac-90002","nobody"],"properties":[{"id":"nationality"},{"id":"Person:birthDate","settings":{"limit":"1"}},{"id":"flag","settings":{"limit":0,"render":"caption"}}]}`, lavrov))})
	if r.Status != 200 {
		t.Fatalf("extend: status %d: %s", r.Status, r.Body)
	}
	conforms(t, "data-extension-response", r.Body)
	var res struct {
		Meta []reconMeta
		Rows map[string]map[string][]map[string]string
	}
	r.json(t, &res)
	if len(res.Meta) != 3 || res.Meta[0] != (reconMeta{"nationality", "Nationality"}) || res.Meta[1] != (reconMeta{"Person:birthDate", "Birth date"}) || r.Header.Get("X-Batch-Size") != "3" {
		t.Errorf("meta %+v, x-batch-size %s", res.Meta, r.Header.Get("X-Batch-Size"))
	}
	// A property is named as asked; a person has no flag.
	row := res.Rows[lavrov]
	if len(row["Person:birthDate"]) != 1 || row["Person:birthDate"][0]["str"] != "1950-03-21" || row["flag"] == nil || len(row["flag"]) != 0 {
		t.Errorf("lavrov's row %v", row)
	}
	if len(res.Rows["nobody"]) != 0 || len(res.Rows) != 3 {
		t.Errorf("rows %v: want nobody's empty", res.Rows)
	}

	// Countries by name (caption, the default) or code (raw).
	r = ts.recon(reconRequest{method: "GET", path: "/reconcile/default", form: ext(fmt.Sprintf(
		`{"ids":[%q],"properties":[{"id":"nationality"}]}`, lavrov))})
	r.json(t, &res)
	if got := res.Rows[lavrov]["nationality"]; len(got) == 0 || got[0]["str"] != "Russia" {
		t.Errorf("nationality by name: %v", got)
	}
	r = ts.recon(reconRequest{method: "POST", path: "/reconcile/default", json: fmt.Sprintf(
		`{"extend":{"ids":[%q],"properties":[{"id":"nationality","settings":{"render":"raw"}}]}}`, lavrov)})
	r.json(t, &res)
	if got := res.Rows[lavrov]["nationality"]; len(got) == 0 || got[0]["str"] != "ru" {
		t.Errorf("nationality raw: %v", got)
	}

	ids := make([]string, maxReconBatch+1)
	for i := range ids {
		ids[i] = fmt.Sprint("id-", i)
	}
	tooMany, _ := json.Marshal(map[string]any{"ids": ids, "properties": []any{map[string]any{"id": "name"}}})
	for _, tc := range []struct {
		name, extend string
		status       int
		msg          string
	}{
		{"no ids", `{"ids":[],"properties":[{"id":"name"}]}`, 400, "extend.ids: required"},
		{"no properties", `{"ids":["x"],"properties":[]}`, 400, "extend.properties: required"},
		{"an unknown property", `{"ids":["x"],"properties":[{"id":"shoeSize"}]}`, 400, `extend.properties[0].id: unknown property "shoeSize"`},
		{"a property twice", `{"ids":["x"],"properties":[{"id":"name"},{"id":"name","settings":{"limit":1}}]}`, 400, `extend.properties[1].id: "name" is asked for twice`},
		{"an unknown setting", `{"ids":["x"],"properties":[{"id":"name","settings":{"color":"red"}}]}`, 400, `extend.properties[0].settings: unknown setting "color"`},
		{"a bad limit", `{"ids":["x"],"properties":[{"id":"name","settings":{"limit":"-1"}}]}`, 400, "extend.properties[0].settings.limit"},
		{"a bad render", `{"ids":["x"],"properties":[{"id":"name","settings":{"render":"html"}}]}`, 400, "extend.properties[0].settings.render"},
		{"malformed", `{"ids":["x"]`, 400, "extend: malformed JSON"},
		{"too many ids", string(tooMany), 413, "extend.ids: 101, at most 100"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.recon(reconRequest{method: "POST", path: "/reconcile/default", form: url.Values{"extend": {tc.extend}}})
			if msg := errorMessage(t, r); !statusIs(r.Status, tc.status) || !strings.Contains(msg, tc.msg) {
				t.Errorf("status %d, %q; want %d, %q", r.Status, msg, tc.status, tc.msg)
			}
		})
	}
}

func TestReconcilePreview(t *testing.T) {
	// A name with markup, as a list could publish one.
	hostile := `<script>alert("x")</script> & <b>Co</b>`
	demo := func(context.Context) ([]store.NewVersion, error) {
		e := &entity.Entity{ID: "un-QDe.999", Schema: entity.Organization, List: "un-sc", Countries: []string{"ru"},
			Names: []entity.Name{{Full: hostile, Kind: entity.Primary}}, Raw: entity.Raw{Format: "un-xml", Text: "<ENTITY/>"}}
		return []store.NewVersion{{Version: entity.ListVersion{List: "un-sc", Publisher: "un"}, Entities: []*entity.Entity{e}}}, nil
	}
	ts := startServer(t, serverOptions{empty: true, demo: demo})
	r := ts.recon(reconRequest{method: "GET", path: "/reconcile/default/preview/un-QDe.999"})
	if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") || !strings.Contains(r.Header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Fatalf("preview: %d %v %s", r.Status, r.Header, r.Body)
	}
	page := string(r.Body)
	if strings.Contains(page, "<script>") || strings.Contains(page, "<b>") || !strings.Contains(page, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;") {
		t.Errorf("the name is not escaped:\n%s", page)
	}
	for _, want := range []string{"Organization", "un-QDe.999", "Russia", "un_sc_sanctions"} {
		if !strings.Contains(page, want) {
			t.Errorf("the preview lacks %q:\n%s", want, page)
		}
	}
	if r := ts.recon(reconRequest{method: "GET", path: "/reconcile/default/preview/nobody"}); r.Status != 404 {
		t.Errorf("preview of nobody: %d", r.Status)
	}
	// The suggest of an entity finds it, and names it as written.
	var sug suggestResponse
	ts.recon(reconRequest{method: "GET", path: "/reconcile/default/suggest/entity?prefix=alert"}).json(t, &sug)
	if len(sug.Result) != 1 || sug.Result[0].Name != hostile {
		t.Errorf("suggest alert: %+v", sug.Result)
	}
}

// BenchmarkReconcileHTTP reconciles the bench names, one query a
// request, on every list of ../shared/data: compare BenchmarkMatchHTTP.
func BenchmarkReconcileHTTP(b *testing.B) {
	benchHTTP(b, "/reconcile/sanctions", func(n string) any {
		return map[string]any{"queries": map[string]any{"q": map[string]any{"query": n}}}
	})
}

// BenchmarkSuggestEntityHTTP suggests entities for what a user types
// first, the first word of each bench name, and for one letter, which
// most names have a word starting with (the costliest prefix).
func BenchmarkSuggestEntityHTTP(b *testing.B) {
	h := benchServer(b)
	var words []string
	for _, n := range benchNames {
		words = append(words, strings.Fields(n)[0])
	}
	for _, bc := range []struct {
		name     string
		prefixes []string
	}{{"word", words}, {"letter", []string{"a", "s", "m"}}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := range b.N {
				req := httptest.NewRequest("GET", "/reconcile/sanctions/suggest/entity?prefix="+url.QueryEscape(bc.prefixes[i%len(bc.prefixes)]), nil)
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatalf("%d %s", w.Code, w.Body)
				}
			}
		})
	}
}
