package api

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
)

// listings returns the listing IDs a page of entities stands for (a
// merged entity's referents), sorted.
func listings(es []yenteEntity) []string {
	var ids []string
	for _, e := range es {
		if len(e.Referents) == 0 {
			ids = append(ids, e.ID)
		}
		ids = append(ids, e.Referents...)
	}
	slices.Sort(ids)
	return ids
}

// Every filter yente documents on /search is applied, on the fixtures'
// ten listings (eight subjects: Lavrov's OFAC and EU listings are one,
// and so are eu-900303 and un-KPe.915): never accepted and ignored. A
// subject passes a filter when one of its listings does.
func TestYenteSearchFilters(t *testing.T) {
	ts := startServer(t, serverOptions{})
	everyone := []string{"eu-900101", "eu-900202", "eu-900303", "ofac-35233", "ofac-90001", "ofac-90002", "un-KPe.915", "un-QDe.915", "un-QDi.901", "un-QDi.902"}
	for _, tc := range []struct {
		name, path string
		want       []string
	}{
		{"no query: every entity", "/search/default", everyone},
		{"OpenSanctions' name in the path", "/search/un_sc_sanctions", []string{"eu-900303", "un-KPe.915", "un-QDe.915", "un-QDi.901", "un-QDi.902"}},
		{"veto's name in the path", "/search/un-sc?q=korea", []string{"eu-900303", "un-KPe.915"}},
		{"include_dataset by OpenSanctions' name", "/search/sanctions?include_dataset=us_ofac_sdn", []string{"eu-900101", "ofac-35233", "ofac-90001", "ofac-90002"}},
		{"an empty scope: no results", "/search/us_ofac_sdn?exclude_dataset=us_ofac_sdn", nil},
		{"include outside the path's dataset", "/search/eu_fsf?include_dataset=un_sc_sanctions", nil},
		{"topics", "/search/default?topics=crime.terror", []string{"ofac-90001", "un-QDe.915", "un-QDi.901", "un-QDi.902"}},
		{"topics and a query", "/search/default?topics=crime.terror&q=ibrahim", []string{"un-QDi.901"}},
		{"countries", "/search/default?countries=kp", []string{"eu-900303", "un-KPe.915"}},
		{"countries upper case", "/search/default?countries=KP", []string{"eu-900303", "un-KPe.915"}},
		{"countries AND", "/search/default?countries=kp&countries=hk&filter_op=AND", []string{"eu-900303", "un-KPe.915"}},
		{"countries AND, none has both", "/search/default?countries=kp&countries=sy&filter_op=AND", nil},
		{"datasets", "/search/default?datasets=eu_fsf", []string{"eu-900101", "eu-900202", "eu-900303", "ofac-35233", "un-KPe.915"}},
		{"filter schema", "/search/default?filter=schema:Vessel", []string{"ofac-90002"}},
		{"filter a property", "/search/default?filter=properties.nationality:ru", []string{"eu-900101", "ofac-35233"}},
		{"filter countries", "/search/default?filter=countries:sy&filter=countries:iq", []string{"eu-900202", "un-QDi.901"}},
		{"exclude_schema", "/search/default?exclude_schema=Person&exclude_schema=Organization", []string{"ofac-90002"}},
		{"schema", "/search/default?schema=Vessel", []string{"ofac-90002"}},
		{"target", "/search/default?target=true", everyone},
		{"not a target", "/search/default?target=false", nil},
		{"changed since the OFAC version", "/search/default?changed_since=2025-01-01", []string{"eu-900101", "eu-900202", "eu-900303", "ofac-35233",
			"un-KPe.915", "un-QDe.915", "un-QDi.901", "un-QDi.902"}},
		{"changed since, to the second", "/search/default?changed_since=2026-03-01T12:00:00", []string{"eu-900101", "eu-900202", "eu-900303", "ofac-35233", "un-KPe.915"}},
		{"changed since, to the hour", "/search/default?changed_since=2026-03-02T18", nil},
		{"changed in the future", "/search/default?changed_since=2099-01-01", nil},
		{"fuzzy", "/search/default?q=lavrof&fuzzy=true", []string{"eu-900101", "ofac-35233"}},
		{"simple reads syntax as a name", "/search/default?q=" + url.QueryEscape("LAVROV, Sergei*") + "&simple=true", []string{"eu-900101", "ofac-35233"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.do("GET", tc.path, entity.RoleScreen, nil)
			var sr yenteSearchResponse
			r.json(t, &sr)
			if got := listings(sr.Results); r.Status != 200 || !slices.Equal(got, tc.want) || sr.Total.Value != len(sr.Results) {
				t.Errorf("%d: %v (total %v), want %v", r.Status, got, sr.Total, tc.want)
			}
		})
	}
}

// The same filters on /match, where yente has them.
func TestYenteMatchFilters(t *testing.T) {
	ts := startServer(t, serverOptions{})
	example := yenteBody(map[string]map[string]any{"q": {"schema": "Thing", "properties": map[string]any{"name": "Example"}}})
	for _, tc := range []struct {
		name, path string
		want       []string
	}{
		{"all", "/match/default?cutoff=0.3", []string{"eu-900303", "ofac-90001", "ofac-90002", "un-KPe.915"}},
		{"OpenSanctions' name in the path", "/match/us_ofac_sdn?cutoff=0.3", []string{"ofac-90001", "ofac-90002"}},
		{"include_dataset", "/match/default?cutoff=0.3&include_dataset=un_sc_sanctions&include_dataset=eu_fsf", []string{"eu-900303", "un-KPe.915"}},
		{"empty scope", "/match/un_sc_sanctions?cutoff=0.3&include_dataset=eu_fsf", nil},
		{"topics", "/match/default?cutoff=0.3&topics=crime.terror", []string{"ofac-90001"}},
		{"changed_since", "/match/default?cutoff=0.3&changed_since=2025-06-01", []string{"eu-900303", "un-KPe.915"}},
		{"changed_since in the future", "/match/default?cutoff=0.3&changed_since=2099-01-01", nil},
		{"an algorithm yente's clients send", "/match/default?cutoff=0.3&algorithm=logic-v2", []string{"eu-900303", "ofac-90001", "ofac-90002", "un-KPe.915"}},
		{"veto's own, any case", "/match/default?cutoff=0.3&algorithm=VETO-v1", []string{"eu-900303", "ofac-90001", "ofac-90002", "un-KPe.915"}},
		{"limit 0", "/match/default?cutoff=0.3&limit=0", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ts.do("POST", tc.path, entity.RoleScreen, example)
			var resp matchResponse
			r.json(t, &resp)
			got := listingIDs(resp.Responses["q"].Results)
			slices.Sort(got)
			if r.Status != 200 || !slices.Equal(got, tc.want) {
				t.Errorf("%d: %v, want %v", r.Status, got, tc.want)
			}
			for _, res := range resp.Responses["q"].Results {
				for _, d := range res.Datasets {
					if !strings.Contains(d, "_") {
						t.Errorf("%s: dataset %q is not OpenSanctions' name", res.ID, d)
					}
				}
			}
		})
	}
}

// Parameters yente refuses are refused, with yente's status.
func TestYenteRefusals(t *testing.T) {
	ts := startServer(t, serverOptions{})
	example := yenteBody(map[string]map[string]any{"q": {"schema": "Person", "properties": map[string]any{"name": "Sergei Lavrov"}}})
	for _, tc := range []struct {
		name, method, path string
		status             int
		mention            string
	}{
		{"unknown algorithm", "POST", "/match/default?algorithm=neural-net", 400, "Invalid algorithm: neural-net"},
		{"changed_since not a date", "POST", "/match/default?changed_since=not-a-date", 422, "query.changed_since"},
		{"changed_since with a zone", "GET", "/search/default?changed_since=2024-01-01T00:00:00%2B00:00", 422, "changed_since"},
		{"limit above 500", "POST", "/match/default?limit=501", 422, "query.limit"},
		{"search limit above 500", "GET", "/search/default?limit=501", 422, "query.limit"},
		{"unknown facet", "GET", "/search/default?facets=colours", 422, "query.facets"},
		{"bad filter_op", "GET", "/search/default?countries=ru&filter_op=XOR", 422, "filter_op"},
		{"filter without colon", "GET", "/search/default?filter=ru", 400, "Invalid filter"},
		{"filter on an unknown field", "GET", "/search/default?filter=colour:red", 400, "Invalid filter"},
		{"filter on a property the index does not keep", "GET", "/search/default?filter=properties.notes:x", 400, "properties.notes"},
		{"sort on an unknown field", "GET", "/search/default?sort=colour", 400, "Search error"},
		{"Lucene syntax", "GET", "/search/default?q=name:lavrov", 400, "simple=true"},
		{"unknown schema", "GET", "/search/default?schema=Planet", 400, "Invalid schema"},
		{"unknown exclude_schema", "POST", "/match/default?exclude_schema=Planet", 400, "Planet"},
		{"unknown dataset", "GET", "/search/nowhere", 404, "nowhere"},
		{"unknown include_dataset", "POST", "/match/default?include_dataset=nowhere", 400, "nowhere"},
		{"bad boolean", "GET", "/search/default?target=maybe", 422, "query.target"},
		{"too many exclude_entity_ids", "POST", "/match/default?" + strings.Repeat("exclude_entity_ids=x&", 51), 422, "exclude_entity_ids"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var body any
			if tc.method == "POST" {
				body = example
			}
			r := ts.do(tc.method, tc.path, entity.RoleScreen, body)
			if r.Status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.Status, tc.status, r.Body)
			}
			if _, msg := r.errorBody(t); !strings.Contains(msg, tc.mention) {
				t.Errorf("detail %q does not mention %q", msg, tc.mention)
			}
		})
	}
}

// Facets count over the whole result set, and sorts order it before
// the page is cut.
func TestYenteFacetsSort(t *testing.T) {
	ts := startServer(t, serverOptions{})
	var sr yenteSearchResponse
	ts.do("GET", "/search/default?facets=schema&facets=topics&facets=countries&limit=1", entity.RoleScreen, nil).json(t, &sr)
	counts := func(f string) map[string]int {
		m := map[string]int{}
		for _, v := range sr.Facets[f].Values {
			m[v.Name] = v.Count
			if v.Label == "" {
				t.Errorf("facet %s value %s has no label", f, v.Name)
			}
		}
		return m
	}
	if len(sr.Facets) != 3 || len(sr.Results) != 1 || sr.Total.Value != 8 {
		t.Fatalf("facets %v, %d results of %v", sr.Facets, len(sr.Results), sr.Total)
	}
	if c := counts("schema"); c["Person"] != 4 || c["Organization"] != 3 || c["Vessel"] != 1 || sr.Facets["schema"].Label != "Entity types" {
		t.Errorf("schema facet %v", sr.Facets["schema"])
	}
	if c := counts("topics"); c["sanction"] != 8 || c["crime.terror"] != 4 {
		t.Errorf("topics facet %v", sr.Facets["topics"])
	}
	if c := counts("countries"); c["kp"] != 1 || c["ru"] != 2 || c["sy"] != 2 {
		t.Errorf("countries facet %v", sr.Facets["countries"])
	}
	sr = yenteSearchResponse{}
	ts.do("GET", "/search/default", entity.RoleScreen, nil).json(t, &sr)
	if len(sr.Facets) != 3 || sr.Facets["datasets"].Values == nil {
		t.Errorf("default facets %v, want countries, topics, datasets", sr.Facets)
	}
	for _, tc := range []struct {
		sort  string
		first string
	}{
		{"caption", "AL-QADISIYAH BRIGADE"},
		{"caption:desc", "Sergey Viktorovich LAVROV"},
		{"last_change:desc&sort=caption", "Bashar Hafez AL-ASSAD"},
		{"entity_id:asc", "Bashar Hafez AL-ASSAD"},
	} {
		sr = yenteSearchResponse{}
		ts.do("GET", "/search/default?limit=2&sort="+tc.sort, entity.RoleScreen, nil).json(t, &sr)
		if len(sr.Results) != 2 || sr.Results[0].Caption != tc.first {
			t.Errorf("sort=%s: first %+v, want %s", tc.sort, sr.Results, tc.first)
		}
	}
}

func TestTopicsOf(t *testing.T) {
	for _, tc := range []struct {
		lists, programs []string
		want            []string
	}{
		{[]string{"ofac-sdn"}, []string{"RUSSIA-EO14024"}, []string{"sanction"}},
		{[]string{"ofac-sdn"}, []string{"SDGT", "IRAN"}, []string{"crime.terror", "sanction"}},
		{[]string{"ofac-sdn"}, []string{"SDNTK"}, []string{"crime", "sanction"}},
		{[]string{"ofac-sdn"}, []string{"CYBER2"}, []string{"crime.cyber", "sanction"}},
		{[]string{"ofac-sdn"}, []string{"ILLICIT-DRUGS-EO14059"}, []string{"crime", "sanction"}},
		{[]string{"un-sc"}, []string{"Al-Qaida"}, []string{"crime.terror", "sanction"}},
		{[]string{"uk-ofsi"}, []string{"ISIL (Da'esh) and Al-Qaida"}, []string{"crime.terror", "sanction"}},
		{[]string{"au-dfat"}, []string{"1988 (Taliban)"}, []string{"crime.terror", "sanction"}},
		{[]string{"eu-fsf"}, []string{"TERR"}, []string{"crime.terror", "sanction"}},
		{[]string{"ca-sema"}, []string{"Occupied territory"}, []string{"sanction"}},
		{[]string{"us-csl"}, []string{"Entity List (EL)"}, []string{"export.control"}},
		{[]string{"us-csl"}, []string{"ITAR Debarred (DTC)"}, []string{"debarment"}},
		{[]string{"us-csl"}, []string{"SDGT"}, []string{"crime.terror", "sanction"}},
		{[]string{"ofac-sdn", "us-csl"}, []string{"Military End User (MEU) List"}, []string{"export.control", "sanction"}},
	} {
		if got := topicsOf(tc.lists, tc.programs, nil); !slices.Equal(got, tc.want) {
			t.Errorf("%v %v: %v, want %v", tc.lists, tc.programs, got, tc.want)
		}
	}
	if isTarget([]string{"sanction.linked"}) || !isTarget([]string{"export.control"}) {
		t.Error("isTarget")
	}
	// An imported list's entities carry their own topics; its kind says
	// whether the list implies "sanction".
	all.SetListInfos([]entity.ListInfo{{List: "test-topics-peps", Kind: entity.KindPEP, Jurisdiction: "global"},
		{List: "test-topics-sanctions", Kind: entity.KindSanction, Jurisdiction: "global"}})
	defer all.SetListInfos(nil)
	for _, tc := range []struct {
		lists, own, want []string
	}{
		{[]string{"test-topics-peps"}, []string{"role.pep"}, []string{"role.pep"}},
		{[]string{"test-topics-peps"}, nil, nil},
		{[]string{"test-topics-sanctions"}, []string{"crime"}, []string{"crime", "sanction"}},
		{[]string{"test-topics-peps", "ofac-sdn"}, []string{"role.rca"}, []string{"role.rca", "sanction"}},
	} {
		if got := topicsOf(tc.lists, nil, tc.own); !slices.Equal(got, tc.want) {
			t.Errorf("%v %v: %v, want %v", tc.lists, tc.own, got, tc.want)
		}
	}
}

// The demo dataset has no version history in the store: its entities
// count as seen and changed from their version, and changed_since
// filters by that.
func TestYenteDemoData(t *testing.T) {
	published := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	demo := func(context.Context) ([]store.NewVersion, error) {
		e := &entity.Entity{ID: "un-QDi.999", Schema: entity.Person, List: "un-sc", Programs: []string{"Al-Qaida"},
			Names: []entity.Name{{Full: "Demo Person Example", Kind: entity.Primary}}}
		return []store.NewVersion{{Version: entity.ListVersion{List: "un-sc", Publisher: "un", Published: published, PublishedFrom: "file", FetchedAt: published},
			Entities: []*entity.Entity{e}}}, nil
	}
	ts := startServer(t, serverOptions{empty: true, demo: demo})
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/search/default?changed_since=2025-01-01", []string{"un-QDi.999"}},
		{"/search/default?changed_since=2025-07-01", nil},
		{"/search/un_sc_sanctions?topics=crime.terror", []string{"un-QDi.999"}},
	} {
		var sr yenteSearchResponse
		r := ts.do("GET", tc.path, entity.RoleScreen, nil)
		r.json(t, &sr)
		if got := listings(sr.Results); r.Status != 200 || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %d %v, want %v", tc.path, r.Status, got, tc.want)
		}
	}
	var e yenteEntity
	ts.do("GET", "/entities/un-QDi.999?nested=false", entity.RoleScreen, nil).json(t, &e)
	if e.FirstSeen == nil || *e.FirstSeen != "2025-06-01T00:00:00" || e.LastChange == nil || *e.LastChange != *e.FirstSeen {
		t.Errorf("demo entity: first_seen %v last_change %v", e.FirstSeen, e.LastChange)
	}
}
