package api

// The yente-compatible API: the request and response shapes of
// OpenSanctions' yente (https://www.opensanctions.org/docs/api/), so that
// a client written for yente screens against veto by changing its base
// URL. Datasets are veto's list names ("ofac-sdn", "un-sc", ...) and
// "sanctions" (also "default") for all of them.

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/resolve/decide"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
)

// allDatasets are the dataset names that mean every list.
var allDatasets = []string{"sanctions", "default"}

// yenteAlgorithm is the name veto reports as its matching algorithm.
const yenteAlgorithm = "veto-v1"

// entityExample is a query in FollowTheMoney form.
type entityExample struct {
	ID         string              `json:"id,omitempty"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// matchRequest is the body of POST /match/{dataset}.
type matchRequest struct {
	Queries map[string]entityExample `json:"queries"`
	// Weights and Config are yente's per-request scoring overrides;
	// veto accepts them empty only.
	Weights map[string]float64 `json:"weights,omitempty"`
	Config  map[string]any     `json:"config,omitempty"`
}

type total struct {
	Value    int    `json:"value"`
	Relation string `json:"relation"`
}

// entityResponse is yente's EntityResponse.
type yenteEntity struct {
	ID         string              `json:"id"`
	Caption    string              `json:"caption"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
	Datasets   []string            `json:"datasets"`
	Referents  []string            `json:"referents"`
	Target     bool                `json:"target"`
	FirstSeen  *string             `json:"first_seen"`
	LastSeen   *string             `json:"last_seen"`
	LastChange *string             `json:"last_change"`
}

// ftResult is one feature's contribution to a score, with what it saw.
type ftResult struct {
	Score  float64 `json:"score"`
	Detail string  `json:"detail,omitempty"`
}

// scoredEntity is yente's ScoredEntityResponse.
type scoredEntity struct {
	yenteEntity
	Score        float64             `json:"score"`
	Features     map[string]float64  `json:"features"`
	Explanations map[string]ftResult `json:"explanations"`
	Match        bool                `json:"match"`
	// Regimes are veto's addition: the regimes of the entity's lists.
	Regimes []string `json:"regimes"`
}

type matchResponseItem struct {
	Status  int            `json:"status"`
	Results []scoredEntity `json:"results"`
	Total   total          `json:"total"`
	Query   entityExample  `json:"query"`
	// Warnings are veto's addition: the properties the query was
	// screened without, because their values could not be read (yente
	// drops such values silently).
	Warnings []inputWarning `json:"warnings,omitempty"`
}

type matchResponse struct {
	Responses map[string]matchResponseItem `json:"responses"`
	Matcher   matcherInfo                  `json:"matcher"`
	Limit     int                          `json:"limit"`
	// Versions are veto's addition: the list versions screened against
	// (also in the Veto-Versions header). yente's clients ignore fields
	// they do not know.
	Versions []entity.VersionRef `json:"versions"`
}

type matcherInfo struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Properties of a query: those veto scores, and the other FtM properties
// of the screened schemata, which it accepts and does not use (yente
// clients send whatever they hold).
var (
	nameProps    = []string{"name"}
	aliasProps   = []string{"alias", "weakAlias", "previousName", "abbreviation"}
	partsProps   = []string{"firstName", "secondName", "middleName", "fatherName", "lastName"}
	dateProps    = []string{"birthDate", "incorporationDate", "buildDate"}
	countryProps = []string{"nationality", "citizenship", "country", "jurisdiction", "mainCountry", "flag", "registrationCountry"}
	idProps      = []string{"idNumber", "passportNumber", "taxNumber", "registrationNumber", "imoNumber", "mmsi", "innCode",
		"ogrnCode", "leiCode", "swiftBic", "vatCode", "socialSecurityNumber", "icaoCode", "serialNumber", "callSign", "publicKey", "dunsCode"}
	ignoredProps = []string{"gender", "address", "addressEntity", "birthPlace", "deathDate", "position", "title", "notes", "summary",
		"topics", "email", "phone", "website", "sourceUrl", "program", "programId", "legalForm", "status", "sector", "classification",
		"motherName", "religion", "political", "education", "ethnicity", "keywords", "description", "type", "model", "tonnage",
		"grossRegisteredTonnage", "owner", "operator", "pastFlags", "modifiedAt", "createdAt", "retrievedAt", "wikidataId", "uniqueEntityId"}
)

// fieldProps are the properties a query's optional field is read from,
// the first value of them.
var fieldProps = map[string][]string{"birthDate": dateProps, "country": countryProps, "idNumber": idProps, "gender": {"gender"}}

func isProp(name string) bool {
	for _, set := range [][]string{nameProps, aliasProps, partsProps, dateProps, countryProps, idProps, ignoredProps} {
		if slices.Contains(set, name) {
			return true
		}
	}
	return false
}

// queryOf turns an entity example into a veto query; the error names the
// property at fault. As yente drops the values it cannot clean, a date
// of birth, country, identifier or gender that cannot be read is left
// out, and said so in the warnings: the name is screened. What the name
// cannot be screened without (no name, an unknown schema or property)
// is an error.
func queryOf(key string, ex entityExample) (match.Query, []inputWarning, error) {
	q := match.Query{ID: key}
	switch ex.Schema {
	case "", "Thing":
	case "PublicBody":
		q.Schema = entity.Organization
	default:
		s, err := entity.ParseSchema(ex.Schema)
		if err != nil {
			return q, nil, errorf(CodeInvalid, "queries.%s.schema: %v", key, err)
		}
		q.Schema = s
	}
	props := make([]string, 0, len(ex.Properties))
	for p := range ex.Properties {
		props = append(props, p)
	}
	sort.Strings(props)
	for _, p := range props {
		if !isProp(p) {
			return q, nil, errorf(CodeInvalid, "queries.%s.properties.%s: not a property veto knows of schema %s", key, p, ex.Schema)
		}
	}
	// first is the first value of the properties names, and the
	// property it is of.
	first := func(names []string) (value, prop string) {
		for _, n := range names {
			for _, v := range ex.Properties[n] {
				if strings.TrimSpace(v) != "" {
					return v, n
				}
			}
		}
		return "", ""
	}
	var all []string
	for _, n := range append(slices.Clone(nameProps), aliasProps...) {
		for _, v := range ex.Properties[n] {
			if strings.TrimSpace(v) != "" {
				all = append(all, v)
			}
		}
	}
	if parts := joinParts(ex.Properties); parts != "" {
		all = append(all, parts)
	}
	if len(all) == 0 {
		return q, nil, errorf(CodeInvalid, "queries.%s.properties.name: required (or firstName and lastName)", key)
	}
	q.Name, q.Aliases = all[0], all[1:]
	q.BirthDate, _ = first(fieldProps["birthDate"])
	q.Country, _ = first(fieldProps["country"])
	q.IDNumber, _ = first(fieldProps["idNumber"])
	g, _ := first(fieldProps["gender"])
	switch g = strings.ToLower(g); g {
	case "male", "female":
		q.Gender = g
	}
	if d := q.BirthDate; len(d) > 10 && d[10] == 'T' { // FtM dates may carry a time
		q.BirthDate = d[:10]
	}
	dropped, err := q.ValidateLenient(entity.DayFirst)
	if err != nil {
		field, msg, _ := strings.Cut(err.Error(), ": ")
		return q, nil, errorf(CodeInvalid, "queries.%s.properties.%s: %s", key, field, msg)
	}
	var ws []inputWarning
	for _, d := range dropped {
		_, from := first(fieldProps[d.Field])
		prop := "queries." + key + ".properties." + from
		ws = append(ws, inputWarning{Field: prop, Value: d.Value, Message: "screened without " + prop + ": " + d.Err.Error()})
	}
	return q, ws, nil
}

// joinParts builds a name from its parts, when the query gives them.
func joinParts(p map[string][]string) string {
	var parts []string
	for _, n := range partsProps {
		if vs := p[n]; len(vs) > 0 && strings.TrimSpace(vs[0]) != "" {
			parts = append(parts, strings.TrimSpace(vs[0]))
		}
	}
	return strings.Join(parts, " ")
}

// datasetScope resolves a dataset and the include/exclude parameters to
// the lists of snap screened (nil: all).
func (s *Server) datasetScope(snap *screen.Snapshot, dataset string, include, exclude []string) ([]string, error) {
	served := snap.Lists()
	var scope []string
	switch {
	case slices.Contains(allDatasets, dataset):
		scope = served
	case slices.Contains(served, dataset):
		scope = []string{dataset}
	default:
		return nil, errorf(CodeNotFound, "no dataset %q: datasets are %s and %s", dataset, strings.Join(allDatasets, ", "), strings.Join(served, ", "))
	}
	for _, d := range append(slices.Clone(include), exclude...) {
		if !slices.Contains(served, d) && !slices.Contains(allDatasets, d) {
			return nil, errorf(CodeInvalid, "no dataset %q: datasets are %s", d, strings.Join(served, ", "))
		}
	}
	if len(include) > 0 {
		scope = slices.DeleteFunc(scope, func(l string) bool { return !slices.Contains(include, l) })
	}
	scope = slices.DeleteFunc(scope, func(l string) bool { return slices.Contains(exclude, l) })
	if len(scope) == 0 {
		return nil, errorf(CodeInvalid, "include_dataset and exclude_dataset leave no dataset to screen")
	}
	if len(scope) == len(served) && len(s.cfg.Regimes) == 0 {
		return nil, nil
	}
	// The server's regimes still apply, whatever the dataset.
	if len(s.cfg.Regimes) > 0 {
		scope = slices.DeleteFunc(scope, func(l string) bool { return !slices.Contains(s.cfg.Regimes, all.Jurisdiction(l)) })
		if len(scope) == 0 {
			return nil, errorf(CodeInvalid, "dataset %s is outside the regimes this server screens (%s)", dataset, strings.Join(s.cfg.Regimes, ", "))
		}
	}
	return scope, nil
}

// floatParam reads a number in (0,1] from the query string.
func floatParam(r *http.Request, name string, def float64) (float64, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f > 1 {
		return 0, errorf(CodeInvalid, "%s: %q, want a number 0..1", name, v)
	}
	return f, nil
}

// defaultMatchLimit is /match's limit unless asked otherwise, yente's.
const defaultMatchLimit = 5

// minCutoff is the lowest cutoff honoured.
const minCutoff = match.MinThreshold

func (s *Server) yenteMatch(w http.ResponseWriter, r *http.Request) error {
	snap, err := s.snapshot(r)
	if err != nil {
		return err
	}
	ix := snap.Index
	qs := r.URL.Query()
	limit, err := intParam(r, "limit", defaultMatchLimit, 1, maxLimit)
	if err != nil {
		return err
	}
	cfg := ix.Config()
	threshold, err := floatParam(r, "threshold", cfg.Threshold)
	if err != nil {
		return err
	}
	if threshold <= 0 {
		return errorf(CodeInvalid, "threshold: %v, want more than 0", threshold)
	}
	cutoff, err := floatParam(r, "cutoff", min(s.cfg.MatchCutoff, threshold))
	if err != nil {
		return err
	}
	// Scores below 0.1 say nothing, and asking for them would make every
	// query scan the whole index.
	cutoff = max(cutoff, minCutoff)
	scope, err := s.datasetScope(snap, r.PathValue("dataset"), qs["include_dataset"], qs["exclude_dataset"])
	if err != nil {
		return err
	}
	var schemata []entity.Schema
	for _, sc := range qs["exclude_schema"] {
		parsed, err := entity.ParseSchema(sc)
		if err != nil {
			return errorf(CodeInvalid, "exclude_schema: %v", err)
		}
		schemata = append(schemata, parsed)
	}
	// As yente, an ID excludes its whole subject: the subject's ID or
	// any listing's.
	excludeIDs := membersOf(snap.Subjects(), qs["exclude_entity_ids"])
	var req matchRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	switch {
	case len(req.Queries) == 0:
		return errorf(CodeInvalid, "queries: required, an object of queries by key")
	case len(req.Queries) > s.cfg.MaxBatch:
		return errorf(CodeTooManyQueries, "queries: %d, at most %d per request", len(req.Queries), s.cfg.MaxBatch)
	case len(req.Weights) > 0 || len(req.Config) > 0:
		return errorf(CodeInvalid, "weights, config: veto scores with its own configuration; per-request weights are not supported")
	}
	keys := make([]string, 0, len(req.Queries))
	for k := range req.Queries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	queries := make([]match.Query, len(keys))
	warnings := make([][]inputWarning, len(keys))
	for i, k := range keys {
		if queries[i], warnings[i], err = queryOf(k, req.Queries[k]); err != nil {
			return err
		}
	}
	cfg.Threshold = cutoff
	opts := screen.Options{Config: &cfg, Limit: limit, Explain: true, Lists: scope,
		Shape: screen.ShapeOf(cutoff, min(s.cfg.MatchCutoff, ix.Config().Threshold), limit, defaultMatchLimit)}
	if len(schemata) > 0 || len(excludeIDs) > 0 {
		opts.Exclude = func(e *entity.Entity) bool {
			return slices.Contains(schemata, e.Schema) || slices.Contains(excludeIDs, e.ID)
		}
	}
	results, err := s.screenAll(r, s.screener.On(snap), queries, opts)
	if err != nil {
		return err
	}
	if err := s.observeScreen(r, snap, "yente", results); err != nil {
		return err
	}
	resp := matchResponse{Responses: make(map[string]matchResponseItem, len(keys)), Limit: limit, Versions: snap.Refs(),
		Matcher: matcherInfo{Name: yenteAlgorithm, Description: "veto's matcher: token alignment across scripts and spellings, weighted by rarity, with date of birth, country and identifier evidence"}}
	for i, k := range keys {
		item := matchResponseItem{Status: http.StatusOK, Results: make([]scoredEntity, 0, len(results[i].Hits)),
			Total: total{Value: len(results[i].Hits), Relation: "eq"}, Query: req.Queries[k], Warnings: warnings[i]}
		if item.Query.Properties == nil {
			item.Query.Properties = map[string][]string{}
		}
		for _, h := range results[i].Hits {
			item.Results = append(item.Results, s.scored(snap, h, threshold))
		}
		resp.Responses[k] = item
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// scored renders a hit against snap as yente's ScoredEntityResponse: a
// subject's hit as its merged entity.
func (s *Server) scored(snap *screen.Snapshot, h screen.Hit, threshold float64) scoredEntity {
	out := scoredEntity{Score: h.Score, Match: h.Score >= threshold, Regimes: h.Regimes,
		Features: map[string]float64{}, Explanations: map[string]ftResult{}}
	if sub := merged(snap.Subjects(), h); sub != nil {
		out.yenteEntity = s.subjectEntity(snap, sub, candidates(snap, sub))
	} else if c, lists, ok := snap.Index.Candidate(h.EntityID); ok {
		out.yenteEntity = s.yenteEntityOf(snap, c.Entity, lists)
	} else {
		out.yenteEntity = yenteEntity{ID: h.EntityID, Caption: h.Caption, Schema: string(h.Schema), Datasets: h.Lists,
			Properties: map[string][]string{}, Referents: []string{}, Target: true}
	}
	if ex := h.Explanation; ex != nil {
		out.Features["name"] = ex.NameScore
		var how []string
		for _, t := range ex.Tokens {
			how = append(how, fmt.Sprintf("%s~%s (%s %.2f)", t.Query, t.Name, t.Method, t.Similarity))
		}
		out.Explanations["name"] = ftResult{Score: ex.NameScore,
			Detail: fmt.Sprintf("query %q against %s %q: %s", ex.Query, ex.NameKind, ex.Name, strings.Join(how, ", "))}
		for _, f := range ex.Features {
			out.Features[f.Name] = f.Delta
			out.Explanations[f.Name] = ftResult{Score: f.Delta, Detail: f.Detail}
		}
	}
	return out
}

// yenteEntityOf renders a listed entity of snap (nil: none served) as
// yente's EntityResponse.
func (s *Server) yenteEntityOf(snap *screen.Snapshot, e *entity.Entity, lists []string) yenteEntity {
	f := e.FtM()
	out := yenteEntity{ID: f.ID, Caption: f.Caption, Schema: f.Schema, Properties: f.Properties, Datasets: lists,
		Referents: []string{}, Target: true}
	if len(out.Datasets) == 0 {
		out.Datasets = f.Datasets
	}
	if !e.ListingDate.IsZero() {
		d := e.ListingDate.String()
		out.FirstSeen = &d
	}
	if snap == nil {
		return out
	}
	if v, ok := snap.Version(e.List); ok {
		seen := v.FetchedAt.UTC().Format(time.RFC3339)
		out.LastSeen = &seen
	}
	return out
}

// merged returns the subject of several listings a hit grouped by
// subject stands for; nil for a hit of one listing, which yente shows as
// that listing.
func merged(res *decide.Resolved, h screen.Hit) *resolve.Subject {
	if res == nil || h.Members < 2 {
		return nil
	}
	if sub, ok := res.Subject(h.Subject); ok {
		return sub
	}
	return nil
}

// candidates returns the records of a subject's listings in snap's index.
func candidates(snap *screen.Snapshot, sub *resolve.Subject) []*entity.Entity {
	var recs []*entity.Entity
	for _, id := range sub.MemberIDs() {
		if c, _, ok := snap.Index.Candidate(id); ok {
			recs = append(recs, c.Entity)
		}
	}
	return recs
}

// subjectEntity renders a subject of several listings (recs, their
// records) as OpenSanctions renders a merged entity: its ID, its
// listings' IDs as referents, every list that names it as datasets, and
// the properties of them all.
func (s *Server) subjectEntity(snap *screen.Snapshot, sub *resolve.Subject, recs []*entity.Entity) yenteEntity {
	out := yenteEntity{ID: sub.ID, Caption: sub.Caption, Schema: string(sub.Schema), Properties: entity.SubjectFtM(sub.ID, recs).Properties,
		Datasets: sub.Lists(), Referents: sub.MemberIDs(), Target: true}
	var first entity.Date
	var seen time.Time
	for _, e := range recs {
		if d := e.ListingDate; !d.IsZero() && (first.IsZero() || d.String() < first.String()) {
			first = d
		}
		if v, ok := snap.Version(e.List); ok && v.FetchedAt.After(seen) {
			seen = v.FetchedAt
		}
	}
	if !first.IsZero() {
		d := first.String()
		out.FirstSeen = &d
	}
	if !seen.IsZero() {
		d := seen.UTC().Format(time.RFC3339)
		out.LastSeen = &d
	}
	return out
}

// membersOf returns ids with, for each that names a subject or a listing
// of a subject of res, every listing of that subject.
func membersOf(res *decide.Resolved, ids []string) []string {
	out := slices.Clone(ids)
	if res == nil {
		return out
	}
	for _, id := range ids {
		if sub, ok := res.Subject(id); ok {
			out = append(out, sub.MemberIDs()...)
		}
	}
	return out
}

type yenteSearchResponse struct {
	Results []yenteEntity  `json:"results"`
	Total   total          `json:"total"`
	Limit   int            `json:"limit"`
	Offset  int            `json:"offset"`
	Facets  map[string]any `json:"facets"`
	// Versions are veto's addition, as in matchResponse.
	Versions []entity.VersionRef `json:"versions"`
}

func (s *Server) yenteSearch(w http.ResponseWriter, r *http.Request) error {
	snap, err := s.snapshot(r)
	if err != nil {
		return err
	}
	ix := snap.Index
	qs := r.URL.Query()
	limit, err := intParam(r, "limit", 10, 1, maxLimit)
	if err != nil {
		return err
	}
	offset, err := intParam(r, "offset", 0, 0, maxSearchResults)
	if err != nil {
		return err
	}
	scope, err := s.datasetScope(snap, r.PathValue("dataset"), qs["include_dataset"], qs["exclude_dataset"])
	if err != nil {
		return err
	}
	schema := qs.Get("schema")
	if schema == "Thing" {
		schema = ""
	}
	page, err := s.searchHits(r, snap, searchParams{q: qs.Get("q"), schema: schema, lists: scope}, offset, limit)
	if err != nil {
		return err
	}
	resp := yenteSearchResponse{Results: make([]yenteEntity, 0, len(page.Results)), Limit: limit, Offset: offset, Facets: map[string]any{},
		Total: total{Value: page.Total, Relation: "eq"}, Versions: page.Versions}
	if page.More {
		resp.Total.Relation = "gte"
	}
	subjects := snap.Subjects()
	for _, h := range page.Results {
		if sub := merged(subjects, h); sub != nil {
			resp.Results = append(resp.Results, s.subjectEntity(snap, sub, candidates(snap, sub)))
		} else if c, lists, ok := ix.Candidate(h.EntityID); ok {
			resp.Results = append(resp.Results, s.yenteEntityOf(snap, c.Entity, lists))
		}
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// yenteEntity answers GET /entities/{id}: a subject of several listings
// by its ID as the merged entity; a listing of one, as OpenSanctions
// answers a referent, with a redirect to the subject (308); a listing
// alone in its subject as itself.
func (s *Server) yenteEntity(w http.ResponseWriter, r *http.Request) error {
	if nested, err := nestedParam(r); err != nil || nested {
		if err != nil {
			return err
		}
		return s.yenteEntityNested(w, r)
	}
	id := r.PathValue("id")
	if snap := info(r).snap; snap != nil && snap.Subjects() != nil {
		if sub, ok := snap.Subjects().Subject(id); ok {
			switch {
			case len(sub.Members) > 1 && sub.ID != id:
				http.Redirect(w, r, "/entities/"+url.PathEscape(sub.ID), http.StatusPermanentRedirect)
				return nil
			case len(sub.Members) > 1:
				var recs []*entity.Entity
				for _, m := range sub.MemberIDs() {
					rs, _, err := s.entityRecords(r, m)
					if err != nil {
						return err
					}
					recs = append(recs, rs...)
				}
				writeJSON(w, http.StatusOK, s.subjectEntity(snap, sub, recs))
				return nil
			case sub.ID == id:
				http.Redirect(w, r, "/entities/"+url.PathEscape(sub.Members[0].EntityID), http.StatusPermanentRedirect)
				return nil
			}
		}
	}
	recs, _, err := s.entityRecords(r, id)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return errorf(CodeNotFound, "entity %q is no longer listed; GET /v1/entities/%s has its history", id, id)
	}
	merged := entity.MergeFtM(recs)[0]
	out := s.yenteEntityOf(info(r).snap, recs[0], merged.Datasets)
	out.Properties = merged.Properties
	writeJSON(w, http.StatusOK, out)
	return nil
}

type catalogDataset struct {
	Name        string   `json:"name"`
	Title       string   `json:"title"`
	Type        string   `json:"type"`
	Load        bool     `json:"load"`
	Version     string   `json:"version,omitempty"`
	UpdatedAt   string   `json:"updated_at,omitempty"`
	EntityCount int      `json:"entity_count"`
	Children    []string `json:"children,omitempty"`
	// Regime is veto's addition: the sanctions regime of the list.
	Regime string `json:"regime,omitempty"`
}

type catalogResponse struct {
	Datasets   []catalogDataset `json:"datasets"`
	Current    []string         `json:"current"`
	Outdated   []string         `json:"outdated"`
	IndexStale bool             `json:"index_stale"`
}

func (s *Server) catalog(w http.ResponseWriter, r *http.Request) error {
	var versions []entity.ListVersion
	if snap := info(r).snap; snap != nil {
		versions = snap.Versions
	}
	resp := catalogResponse{Current: []string{}, Outdated: []string{}}
	var names []string
	total := 0
	for _, v := range versions {
		title := v.List
		if _, l, err := all.List(v.List); err == nil {
			title = l.Title
		}
		ds := catalogDataset{Name: v.List, Title: title, Type: "source", Load: true,
			Version: strconv.FormatInt(v.ID, 10), EntityCount: v.EntityCount, Regime: all.Jurisdiction(v.List)}
		if !v.Published.IsZero() {
			ds.UpdatedAt = v.Published.UTC().Format(time.RFC3339)
		}
		resp.Datasets = append(resp.Datasets, ds)
		names = append(names, v.List)
		total += v.EntityCount
	}
	sort.Strings(names)
	resp.Datasets = append(resp.Datasets, catalogDataset{Name: "sanctions", Title: "All sanctions lists served by veto", Type: "collection",
		Load: true, EntityCount: total, Children: names})
	resp.Current = append(names, "sanctions")
	writeJSON(w, http.StatusOK, resp)
	return nil
}
