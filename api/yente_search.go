package api

import (
	"cmp"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
)

// yente's GET /search/{dataset}: a name search (or, with no q, every
// entity) within the dataset, with yente's filters, facets and sorts,
// each applied over the whole result set before the page is cut.

type yenteSearchResponse struct {
	Results []yenteEntity    `json:"results"`
	Total   total            `json:"total"`
	Limit   int              `json:"limit"`
	Offset  int              `json:"offset"`
	Facets  map[string]facet `json:"facets"`
	// Versions are veto's addition, as in matchResponse.
	Versions []entity.VersionRef `json:"versions"`
}

type facet struct {
	Label  string       `json:"label"`
	Values []facetValue `json:"values"`
}

type facetValue struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// facetLabels are yente's facets and their labels; defaultFacets those
// given when a request names none.
var (
	facetLabels = map[string]string{"datasets": "Data sources", "schema": "Entity types", "countries": "Countries",
		"identifiers": "Identifiers", "topics": "Topics", "genders": "Genders"}
	defaultFacets = []string{"countries", "topics", "datasets"}
)

// topicLabels are the FtM labels of the topics veto derives.
var topicLabels = map[string]string{"sanction": "Sanctioned entity", "sanction.linked": "Sanction-linked entity",
	"sanction.counter": "Counter-sanctioned entity", "debarment": "Debarred entity", "export.control": "Export controlled",
	"crime": "Crime", "crime.terror": "Terrorism", "crime.cyber": "Cybercrime", "wanted": "Wanted"}

// schemaPlurals are the FtM plural labels of veto's schemata.
var schemaPlurals = map[string]string{"Person": "People", "Organization": "Organizations", "Company": "Companies",
	"LegalEntity": "Legal entities", "Vessel": "Vessels", "Airplane": "Airplanes"}

// sortFields are the fields /search sorts on, besides properties.<prop>
// (filterProps).
var sortFields = []string{"caption", "schema", "entity_id", "id", "first_seen", "last_seen", "last_change", "_score"}

// yenteMaxOffset is yente's largest offset.
const yenteMaxOffset = 9499

// searchDoc is one result of a search before rendering: a listing, or
// the subject of several listings it belongs to, with the indexed
// records and lists.
type searchDoc struct {
	hit   *screen.Hit
	sub   *resolve.Subject
	recs  []*entity.Entity
	lists []string
	ids   []string
}

func (s *Server) yenteSearch(w http.ResponseWriter, r *http.Request) error {
	snap, err := s.snapshot(r)
	if err != nil {
		return err
	}
	qs := r.URL.Query()
	limit, err := limitParam(qs, 10)
	if err != nil {
		return err
	}
	offset := 0
	if v := qs.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset > yenteMaxOffset {
			return invalidParam("less_than_equal", "offset", "Input should be a valid integer, at most "+strconv.Itoa(yenteMaxOffset), v)
		}
		offset = max(offset, 0)
	}
	// veto's search returns at most maxSearchResults results: a page
	// past them is cut, as yente cuts at 9999.
	offset = min(offset, maxSearchResults)
	limit = min(limit, maxSearchResults-offset)
	facets := defaultFacets
	if fs := qs["facets"]; len(fs) > 0 {
		for _, f := range fs {
			if _, ok := facetLabels[f]; !ok {
				return invalidParam("enum", "facets", "Input should be 'datasets', 'schema', 'countries', 'identifiers', 'topics' or 'genders'", f)
			}
		}
		facets = fs
	}
	sorts, err := sortParams(qs["sort"])
	if err != nil {
		return err
	}
	fuzzy, err := boolParam(qs, "fuzzy")
	if err != nil {
		return err
	}
	simple, err := boolParam(qs, "simple")
	if err != nil {
		return err
	}
	q := strings.TrimSpace(qs.Get("q"))
	if (simple == nil || !*simple) && luceneSyntax(q) {
		return errorf(CodeInvalid, "Search error: veto reads q as a name and does not parse Lucene query syntax (fields, wildcards, AND/OR/NOT, ~); send simple=true to search for it as written")
	}
	schema, err := searchSchema(qs.Get("schema"))
	if err != nil {
		return err
	}
	filter, err := s.yenteFilters(r, snap)
	if err != nil {
		return err
	}
	if err := searchFilters(filter, r, snap); err != nil {
		return err
	}
	hist, err := s.seenOf(r.Context(), snap)
	if err != nil {
		return err
	}
	var docs []searchDoc
	more := false
	switch {
	case filter.none:
	case q == "":
		// A walk of the whole index (a fifth of a second on every
		// list): costly work, one of the client's few at a time, and
		// refused while costly work queues.
		a := s.screener.On(snap).Allowance(1, screen.Options{Shape: screen.Costly})
		release, err := s.admitCostly(r, a)
		if err != nil {
			return err
		}
		defer release()
		if err := a.Admit(); err != nil {
			return &Error{Code: CodeBusy, Message: "the server is busy with costly work: try again later, or search with a query", Err: err}
		}
		docs, more = everyEntity(snap, filter, schema)
	default:
		th := searchThreshold
		if fuzzy != nil && *fuzzy {
			th = fuzzyThreshold
		}
		opts, _, err := s.options(snap, screenParams{Threshold: &th, Lists: filter.lists, Limit: 1})
		if err != nil {
			return err
		}
		opts.Limit, opts.Explain, opts.Exclude = maxSearchResults+1, false, filter.exclude()
		res, err := s.screener.On(snap).Screen(r.Context(), match.Query{Subject: entity.Subject{Name: q, Schema: schema}}, opts)
		if errors.Is(err, screen.ErrOverloaded) {
			return err // busy, with its Retry-After
		}
		if err != nil {
			return errorf(CodeInvalid, "Search error: %v", err)
		}
		for i := range res.Hits {
			docs = append(docs, docOf(snap, &res.Hits[i]))
		}
		if len(docs) > maxSearchResults {
			docs, more = docs[:maxSearchResults], true
		}
	}
	sortDocs(docs, sorts, snap, hist)
	resp := yenteSearchResponse{Results: []yenteEntity{}, Limit: limit, Offset: offset, Facets: map[string]facet{},
		Total: total{Value: len(docs), Relation: "eq"}, Versions: snap.Refs()}
	if more {
		resp.Total.Relation = "gte"
	}
	for _, f := range facets {
		resp.Facets[f] = countFacet(f, docs)
	}
	for _, d := range docs[min(offset, len(docs)):min(offset+limit, len(docs))] {
		if d.sub != nil {
			resp.Results = append(resp.Results, s.subjectEntity(snap, hist, d.sub, d.recs))
		} else {
			resp.Results = append(resp.Results, s.yenteEntityOf(snap, hist, d.recs[0], d.lists))
		}
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// fuzzyThreshold is the lowest score of a fuzzy search (fuzzy=true):
// names further from the query than a search box lists by default.
const fuzzyThreshold = 0.35

// luceneSyntax reports whether q uses Lucene query syntax, which yente
// parses when simple is false and veto does not: a field (name:x), a
// wildcard, fuzziness or an operator.
func luceneSyntax(q string) bool {
	if strings.ContainsAny(q, "*?~") {
		return true
	}
	for _, w := range strings.Fields(q) {
		if w == "AND" || w == "OR" || w == "NOT" || strings.HasPrefix(w, "+") || strings.HasPrefix(w, "-") {
			return true
		}
		if f, _, ok := strings.Cut(w, ":"); ok && f != "" && !strings.ContainsFunc(f, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.' || r == '_') }) {
			return true
		}
	}
	return false
}

// searchSchema reads /search's schema: Thing (or none) for every
// entity, another of veto's schemata for it and those compatible with
// it (as yente expands a schema to its matchable relatives).
func searchSchema(v string) (entity.Schema, error) {
	switch {
	case v == "" || v == "Thing":
		return "", nil
	case v == "PublicBody":
		return entity.Organization, nil
	case !slices.Contains(ftmSchemata, v):
		return "", errorf(CodeInvalid, "Invalid schema")
	}
	s, err := entity.ParseSchema(v)
	if err != nil {
		return "", errorf(CodeInvalid, "schema: veto's lists hold no %s (they hold %s)", v, strings.Join(schemaNames(), ", "))
	}
	return s, nil
}

// everyEntity returns every entity of snap the filter keeps, of schema
// (a subject of several listings once), in entity ID order: yente's
// search with no query. more is never set: the whole set is counted.
func everyEntity(snap *screen.Snapshot, f *yenteFilter, schema entity.Schema) (docs []searchDoc, more bool) {
	res := snap.Subjects()
	done := map[string]bool{}
	snap.Index.Each(func(c *match.Candidate, lists []string) {
		e := c.Entity
		if f.lists != nil && !slices.ContainsFunc(lists, func(l string) bool { return slices.Contains(f.lists, l) }) ||
			!entity.Compatible(schema, e.Schema) || !f.keep(e, lists) {
			return
		}
		h := &screen.Hit{EntityID: e.ID, Caption: e.Caption(), Schema: e.Schema, List: e.List, Lists: lists}
		if res != nil {
			if sub, ok := res.Subject(e.ID); ok && len(sub.Members) > 1 {
				if done[sub.ID] {
					return
				}
				done[sub.ID] = true
				h.Subject, h.Members, h.Lists = sub.ID, len(sub.Members), sub.Lists()
				docs = append(docs, docOf(snap, h))
				return
			}
		}
		docs = append(docs, searchDoc{hit: h, recs: []*entity.Entity{e}, lists: lists, ids: []string{e.ID}})
	})
	slices.SortFunc(docs, func(a, b searchDoc) int { return strings.Compare(a.id(), b.id()) })
	return docs, false
}

// docOf returns the search result a hit stands for.
func docOf(snap *screen.Snapshot, h *screen.Hit) searchDoc {
	if sub := merged(snap.Subjects(), *h); sub != nil {
		return searchDoc{hit: h, sub: sub, recs: candidates(snap, sub), lists: sub.Lists(), ids: sub.MemberIDs()}
	}
	d := searchDoc{hit: h, lists: h.Lists, ids: []string{h.EntityID}}
	if c, lists, ok := snap.Index.Candidate(h.EntityID); ok {
		d.recs, d.lists = []*entity.Entity{c.Entity}, lists
	}
	return d
}

func (d searchDoc) id() string {
	if d.sub != nil {
		return d.sub.ID
	}
	return d.hit.EntityID
}

// values returns a result's values of a facet or sort field, each once.
func (d searchDoc) values(field string) []string {
	var out []string
	add := func(vs ...string) {
		for _, v := range vs {
			if v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	switch field {
	case "datasets":
		add(datasetNames(d.lists)...)
	case "topics":
		var programs, own []string
		for _, e := range d.recs {
			programs = append(programs, e.Programs...)
			own = append(own, e.Topics...)
		}
		add(topicsOf(d.lists, programs, own)...)
	case "schema":
		add(string(d.hit.Schema))
	case "caption":
		add(d.hit.Caption)
	case "genders":
		for _, e := range d.recs {
			add(e.Gender)
		}
	default:
		for _, e := range d.recs {
			add(fieldValues(e, d.lists, field)...)
		}
	}
	return out
}

// countFacet counts the results' values of a facet, most frequent first
// (then by name), at most 1000 values as yente.
func countFacet(name string, docs []searchDoc) facet {
	counts := map[string]int{}
	for _, d := range docs {
		for _, v := range d.values(name) {
			counts[v]++
		}
	}
	out := facet{Label: facetLabels[name], Values: []facetValue{}}
	for v, n := range counts {
		out.Values = append(out.Values, facetValue{Name: v, Label: facetLabel(name, v), Count: n})
	}
	slices.SortFunc(out.Values, func(a, b facetValue) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Name, b.Name))
	})
	if len(out.Values) > 1000 {
		out.Values = out.Values[:1000]
	}
	return out
}

// facetLabel is a facet value's label for people.
func facetLabel(facet, v string) string {
	switch facet {
	case "countries":
		if n := countries.Name(v); n != "" {
			return n
		}
	case "topics":
		if l, ok := topicLabels[v]; ok {
			return l
		}
	case "schema":
		if l, ok := schemaPlurals[v]; ok {
			return l
		}
	case "datasets":
		for list, ds := range openSanctionsName {
			if ds == v {
				if _, l, err := all.List(list); err == nil {
					return l.Title
				}
			}
		}
	}
	return v
}

// searchSort is one sort= of /search.
type searchSort struct {
	field string
	desc  bool
}

// sortParams reads sort=field[:asc|desc] (another order is asc, as in
// yente); a field veto cannot sort on is yente's search error (400).
func sortParams(vs []string) ([]searchSort, error) {
	var out []searchSort
	for _, v := range vs {
		field, order, _ := strings.Cut(v, ":")
		if p, ok := strings.CutPrefix(field, "properties."); !slices.Contains(sortFields, field) && !(ok && slices.Contains(filterProps, p)) {
			return nil, errorf(CodeInvalid, "Search error: cannot sort on %q (veto sorts on %s, or properties.<property>)", field, strings.Join(sortFields, ", "))
		}
		out = append(out, searchSort{field: field, desc: order == "desc"})
	}
	return out, nil
}

// sortDocs orders results by the sorts given, missing values last, then
// as they were (by relevance, or entity ID).
func sortDocs(docs []searchDoc, sorts []searchSort, snap *screen.Snapshot, hist map[string]seen) {
	if len(sorts) == 0 {
		return
	}
	key := func(d searchDoc, field string) string {
		switch field {
		case "entity_id", "id":
			return d.id()
		case "_score":
			return strconv.FormatFloat(1-d.hit.Score, 'f', 6, 64)
		case "first_seen", "last_seen", "last_change":
			first, last, changed := seenTimes(snap, hist, d.ids, d.lists)
			if ts := map[string]time.Time{"first_seen": first, "last_seen": last, "last_change": changed}[field]; !ts.IsZero() {
				return ts.UTC().Format(yenteTime)
			}
			return ""
		}
		vs := d.values(field)
		if len(vs) == 0 {
			return ""
		}
		return strings.ToLower(slices.Min(vs))
	}
	// Each result's keys, once: a sort compares them n log n times.
	type keyed struct {
		doc  searchDoc
		keys []string
	}
	ks := make([]keyed, len(docs))
	for i, d := range docs {
		ks[i].doc = d
		for _, s := range sorts {
			ks[i].keys = append(ks[i].keys, key(d, s.field))
		}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		for i, s := range sorts {
			ka, kb := a.keys[i], b.keys[i]
			switch {
			case ka == kb:
				continue
			case ka == "":
				return 1
			case kb == "":
				return -1
			case s.desc:
				return strings.Compare(kb, ka)
			}
			return strings.Compare(ka, kb)
		}
		return 0
	})
	for i := range ks {
		docs[i] = ks[i].doc
	}
}
