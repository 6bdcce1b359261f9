package api

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

// yenteBody is a yente /match request: the shape yente's clients send.
func yenteBody(queries map[string]map[string]any) map[string]any {
	return map[string]any{"queries": queries}
}

// listingIDs returns the listings the results stand for: a merged
// entity's referents, another result's ID.
func listingIDs(rs []scoredEntity) []string {
	var ids []string
	for _, r := range rs {
		if len(r.Referents) == 0 {
			ids = append(ids, r.ID)
		}
		ids = append(ids, r.Referents...)
	}
	return ids
}

// resultOf returns the result that stands for a listing.
func resultOf(t *testing.T, rs []scoredEntity, id string) scoredEntity {
	t.Helper()
	for _, r := range rs {
		if r.ID == id || slices.Contains(r.Referents, id) {
			return r
		}
	}
	t.Fatalf("no result stands for %s: %v", id, resultIDs(rs))
	return scoredEntity{}
}

func resultIDs(rs []scoredEntity) []string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestYenteMatch(t *testing.T) {
	ts := startServer(t, serverOptions{})
	body := yenteBody(map[string]map[string]any{
		"lavrov": {"schema": "Person", "properties": map[string][]string{"name": {"Sergei Lavrov"}, "birthDate": {"1950-03-21"}, "nationality": {"ru"}}},
		"ship":   {"schema": "Company", "properties": map[string][]string{"name": {"Example Shipping Company"}}},
		"nobody": {"schema": "Person", "properties": map[string][]string{"firstName": {"Jane"}, "lastName": {"Nobodyson"}}},
	})
	r := ts.do("POST", "/match/sanctions", entity.RoleScreen, body)
	if r.Status != 200 {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	var resp matchResponse
	r.json(t, &resp)
	if len(resp.Responses) != 3 || resp.Limit != 5 || resp.Matcher.Name == "" {
		t.Fatalf("response %s", r.Body)
	}
	lav := resp.Responses["lavrov"]
	if lav.Status != 200 || lav.Query.Schema != "Person" || lav.Query.Properties["name"][0] != "Sergei Lavrov" || lav.Total.Value != len(lav.Results) {
		t.Errorf("lavrov response %+v", lav)
	}
	// Lavrov's OFAC and EU listings are one merged entity, as
	// OpenSanctions has them: the subject's ID, the listings' as
	// referents, their lists as datasets.
	ids := resultIDs(lav.Results)
	subject := ts.Keeper.Snapshot().SubjectOf("ofac-35233")
	if len(ids) == 0 || ids[0] != subject || slices.Contains(ids[1:], subject) || !slices.Equal(lav.Results[0].Referents, []string{"eu-900101", "ofac-35233"}) ||
		!slices.Equal(lav.Results[0].Datasets, []string{"eu_fsf", "us_ofac_sdn"}) || !slices.Equal(lav.Results[0].Regimes, []string{"eu", "us"}) {
		t.Fatalf("lavrov results %v: want one merged entity %s first, %+v", ids, subject, lav.Results[0].yenteEntity)
	}
	for i, res := range lav.Results {
		if i > 0 && res.Score > lav.Results[i-1].Score {
			t.Errorf("results not best first: %v", ids)
		}
		if res.Caption == "" || res.Schema != "Person" || len(res.Datasets) == 0 || res.Properties["name"] == nil || !res.Target {
			t.Errorf("result %s lacks entity fields: %+v", res.ID, res.yenteEntity)
		}
		if res.Match != (res.Score >= 0.8) || res.Features["name"] == 0 || res.Explanations["name"].Detail == "" {
			t.Errorf("result %s: score %.3f match %v features %v", res.ID, res.Score, res.Match, res.Features)
		}
	}
	if ofac := resultOf(t, lav.Results, "ofac-35233"); ofac.Features["birthDate"] <= 0 || !slices.Contains(ofac.Regimes, "us") {
		t.Errorf("ofac-35233: features %v regimes %v", ofac.Features, ofac.Regimes)
	}
	if ids := resultIDs(resp.Responses["ship"].Results); !slices.Contains(ids, "ofac-90001") {
		t.Errorf("ship results %v", ids)
	}
	for _, res := range resp.Responses["nobody"].Results {
		if res.Match {
			t.Errorf("Jane Nobodyson matched %s", res.ID)
		}
	}
}

func TestYenteMatchParams(t *testing.T) {
	ts := startServer(t, serverOptions{})
	lavrov := yenteBody(map[string]map[string]any{"q": {"schema": "Person", "properties": map[string][]string{"name": {"Sergei Lavrov"}}}})
	example := yenteBody(map[string]map[string]any{"q": {"schema": "Thing", "properties": map[string][]string{"name": {"Sea Example"}}}})
	for _, tc := range []struct {
		name, path string
		body       map[string]any
		want       []string // sorted listing IDs (a merged entity's referents)
	}{
		{"a dataset", "/match/ofac-sdn?cutoff=0.3", example, []string{"ofac-90001", "ofac-90002"}},
		{"include_dataset", "/match/sanctions?include_dataset=un-sc&cutoff=0.3", example, []string{"eu-900303", "un-KPe.915"}},
		{"exclude_dataset", "/match/sanctions?exclude_dataset=ofac-sdn&cutoff=0.3", example, []string{"eu-900303", "un-KPe.915"}},
		{"exclude_entity_ids: a referent excludes its subject", "/match/sanctions?exclude_entity_ids=eu-900101", lavrov, nil},
		{"exclude_entity_ids: a listing alone", "/match/sanctions?exclude_entity_ids=ofac-90002&cutoff=0.3", example, []string{"eu-900303", "ofac-90001", "un-KPe.915"}},
		{"limit counts subjects", "/match/default?limit=1", lavrov, []string{"eu-900101", "ofac-35233"}},
		{"no schema excluded", "/match/sanctions?cutoff=0.3", example, []string{"eu-900303", "ofac-90001", "ofac-90002", "un-KPe.915"}},
		{"exclude_schema", "/match/sanctions?exclude_schema=Organization&cutoff=0.3", example, []string{"ofac-90002"}},
		{"exclude_schema twice", "/match/sanctions?exclude_schema=Vessel&exclude_schema=Company&cutoff=0.3", example, []string{"eu-900303", "ofac-90001", "un-KPe.915"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.do("POST", tc.path, entity.RoleScreen, tc.body)
			var resp matchResponse
			r.json(t, &resp)
			got := listingIDs(resp.Responses["q"].Results)
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%d: results %v, want %v", r.Status, got, tc.want)
			}
		})
	}
	t.Run("cutoff", func(t *testing.T) {
		// A cutoff between the two best scores keeps the better one.
		var all matchResponse
		ts.do("POST", "/match/sanctions?cutoff=0.3", entity.RoleScreen, example).json(t, &all)
		res := all.Responses["q"].Results
		if len(res) < 2 || res[0].Score <= res[1].Score {
			t.Fatalf("want results scored apart, got %+v", res)
		}
		var resp matchResponse
		ts.do("POST", fmt.Sprintf("/match/sanctions?cutoff=%.4f", (res[0].Score+res[1].Score)/2), entity.RoleScreen, example).json(t, &resp)
		if got := resultIDs(resp.Responses["q"].Results); !slices.Equal(got, []string{res[0].ID}) {
			t.Errorf("results %v, want [%s]", got, res[0].ID)
		}
	})
	// threshold sets "match", not which results come back.
	var resp matchResponse
	ts.do("POST", "/match/sanctions?threshold=1", entity.RoleScreen, lavrov).json(t, &resp)
	for _, res := range resp.Responses["q"].Results {
		if res.Match != (res.Score >= 1) {
			t.Errorf("%s: score %v match %v at threshold 1", res.ID, res.Score, res.Match)
		}
	}
}

func TestYenteSearchEntityCatalog(t *testing.T) {
	ts := startServer(t, serverOptions{})
	var sr yenteSearchResponse
	r := ts.do("GET", "/search/sanctions?q=example&limit=1", entity.RoleScreen, nil)
	r.json(t, &sr)
	if r.Status != 200 || len(sr.Results) != 1 || sr.Total.Value < 2 || sr.Total.Relation != "eq" || sr.Limit != 1 {
		t.Errorf("search: %d %s", r.Status, r.Body)
	}
	ts.do("GET", "/search/ofac-sdn?q=lavrov", entity.RoleScreen, nil).json(t, &sr)
	subject := ts.Keeper.Snapshot().SubjectOf("ofac-35233")
	if len(sr.Results) != 1 || sr.Results[0].ID != subject || !slices.Equal(sr.Results[0].Referents, []string{"eu-900101", "ofac-35233"}) || sr.Total.Relation != "eq" {
		t.Errorf("search ofac-sdn: %+v", sr)
	}
	// A subject by its ID, or by any listing's (redirected, 308, as
	// OpenSanctions redirects a referent), is the merged entity.
	for _, id := range []string{subject, "ofac-35233", "eu-900101"} {
		var merged nestedEntity
		r := ts.do("GET", "/entities/"+id, entity.RoleScreen, nil)
		r.json(t, &merged)
		if r.Status != 200 || merged.ID != subject || !slices.Equal(merged.Referents, []string{"eu-900101", "ofac-35233"}) ||
			!slices.Equal(merged.Datasets, []string{"eu_fsf", "us_ofac_sdn"}) || len(merged.Properties["name"]) < 2 {
			t.Errorf("entity %s: %d %s", id, r.Status, r.Body)
		}
	}

	var ent nestedEntity
	r = ts.do("GET", "/entities/un-QDi.901", entity.RoleScreen, nil)
	r.json(t, &ent)
	if r.Status != 200 || ent.ID != "un-QDi.901" || ent.Schema != "Person" || !slices.Equal(ent.Datasets, []string{"un_sc_sanctions"}) ||
		len(ent.Properties["birthDate"]) == 0 || ent.LastSeen == nil {
		t.Errorf("entity: %d %s", r.Status, r.Body)
	}
	if r := ts.do("GET", "/entities/nope", entity.RoleScreen, nil); r.Status != 404 {
		t.Errorf("unknown entity: %d", r.Status)
	}

	var cat catalogResponse
	ts.do("GET", "/catalog", entity.RoleScreen, nil).json(t, &cat)
	names := map[string]catalogDataset{}
	for _, d := range cat.Datasets {
		names[d.Name] = d
	}
	if un := names["un_sc_sanctions"]; un.EntityCount != 4 || un.Regime != "un" || un.List != "un-sc" || names["us_ofac_sdn"].Regime != "us" ||
		names["sanctions"].EntityCount != 10 || len(names["sanctions"].Children) != 3 || !slices.Contains(cat.Current, "sanctions") ||
		!slices.Equal(names["default"].Children, names["sanctions"].Children) || !un.IndexCurrent || un.IndexVersion != un.Version {
		t.Errorf("catalog %+v", cat)
	}
}

// yente queries take dates of birth as people type them too: the date
// counts in the score as its ISO form does.
func TestYenteMatchTypedDate(t *testing.T) {
	ts := startServer(t, serverOptions{})
	score := func(dob string) float64 {
		t.Helper()
		r := ts.do("POST", "/match/sanctions", entity.RoleScreen, yenteBody(map[string]map[string]any{
			"q": {"schema": "Person", "properties": map[string][]string{"name": {"Sergei Lavrov"}, "birthDate": {dob}}}}))
		var resp matchResponse
		r.json(t, &resp)
		q := resp.Responses["q"]
		if r.Status != 200 || q.Status != 200 {
			t.Fatalf("birthDate %q: %d %s", dob, r.Status, r.Body)
		}
		return resultOf(t, q.Results, "ofac-35233").Features["birthDate"]
	}
	iso := score("1950-03-21")
	for _, dob := range []string{"21 March 1950", "21.03.1950", "March 21, 1950", "1950-03-21T00:00:00"} {
		if got := score(dob); got != iso || got <= 0 {
			t.Errorf("birthDate %q: feature %v, want %v as for 1950-03-21", dob, got, iso)
		}
	}
}

// A value yente could not clean it drops, and screens the rest; veto
// does the same and says so (warnings), rather than refusing the request:
// a bad date of birth must not keep a listed name from being found. A
// payload that is not a yente query is still refused.
func TestYenteMatchUnreadableValue(t *testing.T) {
	ts := startServer(t, serverOptions{})
	matchQ := func(props map[string]any) (response, matchResponseItem) {
		t.Helper()
		r := ts.do("POST", "/match/sanctions", entity.RoleScreen, yenteBody(map[string]map[string]any{"q": {"schema": "Person", "properties": props}}))
		var resp matchResponse
		if r.Status == 200 {
			r.json(t, &resp)
		}
		return r, resp.Responses["q"]
	}
	_, nameOnly := matchQ(map[string]any{"name": []string{"Sergei Lavrov"}})
	want := listingIDs(nameOnly.Results)
	if !slices.Contains(want, "ofac-35233") {
		t.Fatalf("Sergei Lavrov alone: results %v", want)
	}
	for _, tc := range []struct {
		name   string
		props  map[string]any
		fields []string // the warnings' fields
	}{
		{"no such day", map[string]any{"birthDate": []string{"31.02.1950"}}, []string{"queries.q.properties.birthDate"}},
		{"not a date", map[string]any{"birthDate": []string{"long ago"}}, []string{"queries.q.properties.birthDate"}},
		{"incorporation date", map[string]any{"incorporationDate": []string{"21.03.50"}}, []string{"queries.q.properties.incorporationDate"}},
		{"unknown country", map[string]any{"nationality": []string{"Narnia"}}, []string{"queries.q.properties.nationality"}},
		{"both", map[string]any{"birthDate": []string{"1950-13"}, "citizenship": []string{"Narnia"}},
			[]string{"queries.q.properties.birthDate", "queries.q.properties.citizenship"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.props["name"] = []string{"Sergei Lavrov"}
			r, q := matchQ(tc.props)
			if r.Status != 200 || q.Status != 200 {
				t.Fatalf("status %d: %s", r.Status, r.Body)
			}
			if got := listingIDs(q.Results); !slices.Equal(got, want) {
				t.Errorf("results %v, want those of the name alone %v", got, want)
			}
			var fields []string
			for _, w := range q.Warnings {
				fields = append(fields, w.Field)
				if !strings.HasPrefix(w.Message, "screened without "+w.Field+": ") || w.Value == "" {
					t.Errorf("warning %+v", w)
				}
			}
			if !slices.Equal(fields, tc.fields) {
				t.Errorf("warnings on %v, want %v", fields, tc.fields)
			}
		})
	}
	for _, tc := range []struct {
		name  string
		props map[string]any
		want  string
	}{
		{"no name", map[string]any{"birthDate": []string{"1950-03-21"}}, "queries.q.properties.name: required"},
		{"unknown property", map[string]any{"name": []string{"Sergei Lavrov"}, "shoeSize": []string{"44"}}, "queries.q.properties.shoeSize"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := matchQ(tc.props)
			if r.Status != 400 || !strings.Contains(string(r.Body), tc.want) {
				t.Errorf("status %d %s, want 400 naming %s", r.Status, r.Body, tc.want)
			}
		})
	}
}
