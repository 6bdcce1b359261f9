package api

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

// nested decodes a nested entity generically, as a client reads it.
type nestedJSON struct {
	ID         string                       `json:"id"`
	Schema     string                       `json:"schema"`
	Caption    string                       `json:"caption"`
	Target     bool                         `json:"target"`
	Properties map[string][]json.RawMessage `json:"properties"`
}

// objects returns the entities nested under prop, failing on an ID.
func (n nestedJSON) objects(t *testing.T, prop string) []nestedJSON {
	t.Helper()
	var out []nestedJSON
	for _, raw := range n.Properties[prop] {
		var e nestedJSON
		if err := json.Unmarshal(raw, &e); err != nil {
			t.Fatalf("%s.%s: %s is not an entity", n.ID, prop, raw)
		}
		out = append(out, e)
	}
	return out
}

// strings returns the values of prop, failing on a nested entity.
func (n nestedJSON) strings(t *testing.T, prop string) []string {
	t.Helper()
	var out []string
	for _, raw := range n.Properties[prop] {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatalf("%s.%s: %s is not a string", n.ID, prop, raw)
		}
		out = append(out, s)
	}
	return out
}

// allKeys checks that a nested entity has the ten keys of yente's
// EntityResponse, and no other.
func allKeys(t *testing.T, raw json.RawMessage) {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	want := []string{"caption", "datasets", "first_seen", "id", "last_change", "last_seen", "properties", "referents", "schema", "target"}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, want) {
		t.Errorf("entity keys %v, want %v", keys, want)
	}
}

// GET /entities/{id} nests, by default as yente, the entities around a
// listing: its Sanction, identity documents and addresses, its links
// with their far ends, and the links of others to it; references back
// to the root stay IDs.
func TestYenteEntityNested(t *testing.T) {
	ts := startServer(t, serverOptions{})
	get := func(path string) nestedJSON {
		t.Helper()
		r := ts.do("GET", path, entity.RoleScreen, nil)
		if r.Status != 200 {
			t.Fatalf("%s: %d %s", path, r.Status, r.Body)
		}
		var n nestedJSON
		r.json(t, &n)
		return n
	}
	for _, path := range []string{"/entities/un-QDi.901", "/entities/un-QDi.901?nested=true"} {
		n := get(path)
		if !n.Target {
			t.Errorf("%s: the listed entity is not a target", path)
		}
		for _, raw := range n.Properties["sanctions"] {
			allKeys(t, raw)
		}
		sanctions := n.objects(t, "sanctions")
		if len(sanctions) != 1 || sanctions[0].Schema != "Sanction" || !slices.Equal(sanctions[0].strings(t, "entity"), []string{"un-QDi.901"}) ||
			!slices.Equal(sanctions[0].strings(t, "program"), []string{"Al-Qaida"}) || sanctions[0].Target {
			t.Errorf("%s: sanctions %+v", path, sanctions)
		}
		var docs []string
		for _, d := range n.objects(t, "identification") {
			docs = append(docs, d.Schema+" "+d.strings(t, "number")[0])
			if !slices.Equal(d.strings(t, "holder"), []string{"un-QDi.901"}) {
				t.Errorf("%s: %s holder %v", path, d.ID, d.Properties["holder"])
			}
		}
		slices.Sort(docs)
		if !slices.Equal(docs, []string{"Identification 0012345", "Passport A1234567"}) {
			t.Errorf("%s: identification %v", path, docs)
		}
		addrs := n.objects(t, "addressEntity")
		if len(addrs) != 2 || addrs[0].Schema != "Address" || addrs[0].strings(t, "full")[0] != "Raqqa, Syrian Arab Republic" || addrs[0].strings(t, "country")[0] != "sy" {
			t.Errorf("%s: addressEntity %+v", path, addrs)
		}
		links := n.objects(t, "unknownLinkTo")
		if len(links) != 1 || !slices.Equal(links[0].strings(t, "subject"), []string{"un-QDi.901"}) {
			t.Fatalf("%s: unknownLinkTo %+v", path, links)
		}
		if far := links[0].objects(t, "object"); len(far) != 1 || far[0].ID != "un-QDe.915" || !far[0].Target {
			t.Errorf("%s: the link's far end %+v", path, far)
		}
	}

	// The other end sees the link under the reverse property.
	org := get("/entities/un-QDe.915")
	var subjects []string
	for _, l := range org.objects(t, "unknownLinkFrom") {
		if !slices.Equal(l.strings(t, "object"), []string{"un-QDe.915"}) {
			t.Errorf("unknownLinkFrom %s: object %s", l.ID, l.Properties["object"])
		}
		for _, s := range l.objects(t, "subject") {
			subjects = append(subjects, s.ID)
		}
	}
	if !slices.Contains(subjects, "un-QDi.901") {
		t.Errorf("un-QDe.915's unknownLinkFrom: subjects %v, want un-QDi.901 among them", subjects)
	}

	// nested=false: the properties as strings, no neighbours.
	flat := get("/entities/un-QDi.901?nested=false")
	if len(flat.strings(t, "addressEntity")) != 2 || flat.Properties["sanctions"] != nil {
		t.Errorf("nested=false: %+v", flat.Properties)
	}
	if r := ts.do("GET", "/entities/un-QDi.901?nested=maybe", entity.RoleScreen, nil); r.Status != 400 {
		t.Errorf("nested=maybe: %d", r.Status)
	}
}

// GET /entities/{id}/adjacent pages each property's neighbours, and
// /adjacent/{prop} one property's; a listing of a merged subject is
// redirected to the subject's plain entity route, as yente does.
func TestYenteAdjacent(t *testing.T) {
	ts := startServer(t, serverOptions{})
	r := ts.do("GET", "/entities/un-QDi.901/adjacent?limit=1", entity.RoleScreen, nil)
	var adj struct {
		Entity   yenteEntity `json:"entity"` // not nested: strings only
		Adjacent map[string]struct {
			Results []json.RawMessage `json:"results"`
			Total   total             `json:"total"`
			Limit   int               `json:"limit"`
			Offset  int               `json:"offset"`
		} `json:"adjacent"`
	}
	r.json(t, &adj)
	if r.Status != 200 || adj.Entity.ID != "un-QDi.901" {
		t.Fatalf("adjacent: %d %s", r.Status, r.Body)
	}
	totals := map[string]int{}
	for prop, page := range adj.Adjacent {
		totals[prop] = page.Total.Value
		if len(page.Results) != 1 || page.Limit != 1 || page.Offset != 0 || page.Total.Relation != "eq" {
			t.Errorf("adjacent %s: %+v", prop, page)
		}
	}
	want := map[string]int{"addressEntity": 2, "identification": 2, "sanctions": 1, "unknownLinkTo": 1, "unknownLinkFrom": 1}
	if len(totals) != len(want) {
		t.Errorf("adjacent totals %v, want %v", totals, want)
	}
	for prop, n := range want {
		if totals[prop] != n {
			t.Errorf("adjacent %s: total %d, want %d", prop, totals[prop], n)
		}
	}

	for _, c := range []struct {
		query     string
		wantFirst string
	}{
		{"?sort=caption:asc", "Located in the border area since 2019"},
		{"?sort=caption:desc", "Raqqa, Syrian Arab Republic"},
		{"?sort=caption&offset=1", "Raqqa, Syrian Arab Republic"},
	} {
		var page adjacentResults
		r := ts.do("GET", "/entities/un-QDi.901/adjacent/addressEntity"+c.query, entity.RoleScreen, nil)
		r.json(t, &page)
		first, _ := page.Results[0].(map[string]any)
		if r.Status != 200 || page.Total.Value != 2 || first["caption"] != c.wantFirst {
			t.Errorf("adjacent/addressEntity%s: %d %s; want %q first", c.query, r.Status, r.Body, c.wantFirst)
		}
	}

	for _, c := range []struct {
		path   string
		status int
	}{
		{"/entities/un-QDi.901/adjacent/name", 404},           // not a reference
		{"/entities/un-QDi.901/adjacent/nonesuch", 404},       // not a property
		{"/entities/un-QDi.901/adjacent/ownershipOwner", 200}, // none, but a property of a Person
		{"/entities/nope/adjacent", 404},
		{"/entities/un-QDi.901/adjacent?limit=501", 400},
		{"/entities/un-QDi.901/adjacent?offset=9500", 400},
		{"/entities/un-QDi.901/adjacent?sort=score", 400},
	} {
		if r := ts.do("GET", c.path, entity.RoleScreen, nil); r.Status != c.status {
			t.Errorf("%s: %d, want %d: %s", c.path, r.Status, c.status, r.Body)
		}
	}

	// A merged subject's listing: 308 to the plain entity route.
	subject := ts.Keeper.Snapshot().SubjectOf("ofac-35233")
	req, _ := http.NewRequest("GET", ts.URL+"/entities/ofac-35233/adjacent?limit=3", nil)
	req.Header.Set("Authorization", "Bearer "+ts.Keys[entity.RoleScreen])
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusPermanentRedirect || resp.Header.Get("Location") != "/entities/"+subject {
		t.Errorf("adjacent of a subject's listing: %d to %q, want 308 to /entities/%s", resp.StatusCode, resp.Header.Get("Location"), subject)
	}
	// The subject's Sanctions come from both its listings.
	var page adjacentResults
	ts.do("GET", "/entities/"+subject+"/adjacent/sanctions", entity.RoleScreen, nil).json(t, &page)
	if page.Total.Value != 2 {
		t.Errorf("subject %s: %d sanctions, want one per listing: %+v", subject, page.Total.Value, page.Results)
	}
}

// validFtM checks every entity in a yente response body, nested ones
// too, against the FtM model (entity.CheckFtM).
func validFtM(t *testing.T, body []byte) int {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatal(err)
	}
	n := 0
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, y := range x {
				walk(y)
			}
		case map[string]any:
			// An entity: an id, a schema and properties (the query
			// echoed by /match has no id, and is the client's).
			props, isEntity := x["properties"].(map[string]any)
			id, _ := x["id"].(string)
			if _, ok := x["schema"].(string); !ok || !isEntity || id == "" {
				for _, y := range x {
					walk(y)
				}
				return
			}
			f := entity.FtMEntity{ID: id, Schema: x["schema"].(string), Properties: map[string][]string{}}
			for p, vs := range props {
				for _, v := range vs.([]any) {
					if s, ok := v.(string); ok {
						f.Properties[p] = append(f.Properties[p], s)
					} else {
						f.Properties[p] = append(f.Properties[p], v.(map[string]any)["id"].(string))
						walk(v)
					}
				}
			}
			if err := entity.CheckFtM(f); err != nil {
				t.Error(err)
			}
			n++
		}
	}
	walk(v)
	return n
}

// Every entity the yente routes serve is valid FtM.
func TestYenteEntitiesAreValidFtM(t *testing.T) {
	ts := startServer(t, serverOptions{})
	subject := ts.Keeper.Snapshot().SubjectOf("ofac-35233")
	match := yenteBody(map[string]map[string]any{
		"q": {"schema": "Person", "properties": map[string][]string{"name": {"Sergei Lavrov"}}},
		"o": {"schema": "Organization", "properties": map[string][]string{"name": {"Example Shipping"}}},
	})
	for _, c := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/entities/un-QDi.901", nil},
		{"GET", "/entities/un-QDe.915", nil},
		{"GET", "/entities/" + subject, nil},
		{"GET", "/entities/ofac-90002", nil},
		{"GET", "/entities/un-QDi.901/adjacent", nil},
		{"GET", "/search/sanctions?q=example&limit=100", nil},
		{"POST", "/match/sanctions?threshold=0.5", match},
	} {
		r := ts.do(c.method, c.path, entity.RoleScreen, c.body)
		if r.Status != 200 {
			t.Fatalf("%s %s: %d %s", c.method, c.path, r.Status, r.Body)
		}
		if n := validFtM(t, r.Body); n == 0 {
			t.Errorf("%s %s: no entity in %s", c.method, c.path, r.Body)
		}
	}
}
