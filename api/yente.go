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
	ID         *string             `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

type total struct {
	Value    int    `json:"value"`
	Relation string `json:"relation"`
}

// yenteEntity is yente's EntityResponse, its property values strings.
type yenteEntity = ftmEntity[string]

// ftmEntity is yente's EntityResponse with property values of type V:
// strings, or also nested entities (nestedEntity).
type ftmEntity[V any] struct {
	ID         string         `json:"id"`
	Caption    string         `json:"caption"`
	Schema     string         `json:"schema"`
	Properties map[string][]V `json:"properties"`
	Datasets   []string       `json:"datasets"`
	Referents  []string       `json:"referents"`
	Target     bool           `json:"target"`
	FirstSeen  *string        `json:"first_seen"`
	LastSeen   *string        `json:"last_seen"`
	LastChange *string        `json:"last_change"`
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

// Properties of a query veto screens on; the other FtM properties (see
// ftmProperties) are ignored with a warning.
var (
	nameProps    = []string{"name"}
	aliasProps   = []string{"alias", "weakAlias", "previousName", "abbreviation"}
	partsProps   = []string{"firstName", "secondName", "middleName", "fatherName", "lastName"}
	dateProps    = []string{"birthDate", "incorporationDate", "buildDate"}
	countryProps = []string{"nationality", "citizenship", "country", "jurisdiction", "mainCountry", "flag", "registrationCountry"}
	idProps      = []string{"idNumber", "passportNumber", "taxNumber", "registrationNumber", "imoNumber", "mmsi", "innCode",
		"ogrnCode", "leiCode", "swiftBic", "vatCode", "socialSecurityNumber", "icaoCode", "serialNumber", "callSign", "publicKey", "dunsCode"}
)

// fieldProps are the properties a query's optional field is read from,
// the first value of them.
var fieldProps = map[string][]string{"birthDate": dateProps, "country": countryProps, "idNumber": idProps, "gender": {"gender"}}

// isProp reports whether veto screens on a property.
func isProp(name string) bool {
	for _, set := range [][]string{nameProps, aliasProps, partsProps, dateProps, countryProps, idProps, {"gender"}} {
		if slices.Contains(set, name) {
			return true
		}
	}
	return false
}

// querySchema reads an example's schema as yente does: an FtM schema
// that is matchable; of those, veto screens the ones its lists hold.
func querySchema(key, schema string) (entity.Schema, error) {
	switch {
	case schema == "Thing":
		return "", nil
	case schema == "PublicBody":
		return entity.Organization, nil
	case !slices.Contains(ftmSchemata, schema):
		return "", errorf(CodeInvalid, "Cannot parse example entity: Unknown schema: '%s'", schema)
	case !slices.Contains(ftmMatchable, schema):
		return "", errorf(CodeInvalid, "Cannot parse example entity: Non-matchable schema for query: %s", schema)
	}
	s, err := entity.ParseSchema(schema)
	if err != nil {
		return "", errorf(CodeInvalid, "queries.%s.schema: veto's lists hold no %s; it screens Thing, PublicBody and %s", key, schema, strings.Join(schemaNames(), ", "))
	}
	return s, nil
}

func schemaNames() []string {
	out := make([]string, len(entity.Schemata))
	for i, s := range entity.Schemata {
		out[i] = string(s)
	}
	return out
}

// queryOf turns an entity example into a veto query; the error names the
// property at fault. As yente drops the values it cannot clean, a date
// of birth, country, identifier or gender that cannot be read is left
// out, and said so in the warnings: the name is screened. So is an FtM
// property veto does not screen on. What the name cannot be screened
// without (no name, an unknown schema or property) is an error.
func (s *Server) queryOf(key string, ex entityExample) (match.Query, []inputWarning, error) {
	q := match.Query{ID: key}
	var err error
	if q.Schema, err = querySchema(key, ex.Schema); err != nil {
		return q, nil, err
	}
	props := make([]string, 0, len(ex.Properties))
	for p := range ex.Properties {
		props = append(props, p)
	}
	sort.Strings(props)
	var ws []inputWarning
	for _, p := range props {
		switch {
		case isProp(p):
		case ignoredProperty(p):
			field := "queries." + key + ".properties." + p
			ws = append(ws, inputWarning{Field: field, Value: strings.Join(ex.Properties[p], "; "),
				Message: "screened without " + field + ": veto does not match on " + p})
			s.metrics.observeIgnored(p)
		default:
			return q, nil, errorf(CodeInvalid, "queries.%s.properties.%s: not a FollowTheMoney property", key, p)
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
	for _, d := range dropped {
		_, from := first(fieldProps[d.Field])
		prop := "queries." + key + ".properties." + from
		ws = append(ws, inputWarning{Field: prop, Value: d.Value, Message: "screened without " + prop + ": " + d.Err.Error()})
	}
	return q, ws, nil
}

// echo is the example as veto understood it: the properties it screened
// on, as string lists.
func echo(ex entityExample) entityExample {
	out := entityExample{ID: ex.ID, Schema: ex.Schema, Properties: map[string][]string{}}
	for p, vs := range ex.Properties {
		if isProp(p) {
			out.Properties[p] = vs
		}
	}
	return out
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

// datasetScope resolves a dataset and the include/exclude parameters
// (veto's list names or OpenSanctions') to the lists of snap screened
// (nil: all). As in yente, include_dataset narrows the dataset's lists,
// exclude_dataset then removes from them, and a scope left empty gives
// no results (none), not an error; a name that is no dataset is one.
func (s *Server) datasetScope(snap *screen.Snapshot, dataset string, include, exclude []string) (scope []string, none bool, err error) {
	served := snap.Lists()
	if scope, err = datasetLists(dataset, served); err != nil {
		return nil, false, errorf(CodeNotFound, "No such dataset: %v", err)
	}
	names := func(param string, ds []string) ([]string, error) {
		var out []string
		for _, d := range ds {
			ls, err := datasetLists(d, served)
			if err != nil {
				return nil, errorf(CodeInvalid, "%s: %v", param, err)
			}
			out = append(out, ls...)
		}
		return out, nil
	}
	in, err := names("include_dataset", include)
	if err != nil {
		return nil, false, err
	}
	out, err := names("exclude_dataset", exclude)
	if err != nil {
		return nil, false, err
	}
	if len(include) > 0 {
		scope = slices.DeleteFunc(scope, func(l string) bool { return !slices.Contains(in, l) })
	}
	scope = slices.DeleteFunc(scope, func(l string) bool { return slices.Contains(out, l) })
	// The server's regimes still apply, whatever the dataset.
	if len(s.cfg.Regimes) > 0 {
		scope = slices.DeleteFunc(scope, func(l string) bool { return !slices.Contains(s.cfg.Regimes, all.Jurisdiction(l)) })
	}
	switch {
	case len(scope) == 0:
		return nil, true, nil
	case len(scope) == len(served):
		return nil, false, nil
	}
	return scope, false, nil
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

// matcherDescription describes veto's matcher, in /match and /algorithms.
const matcherDescription = "veto's matcher: token alignment across scripts and spellings, weighted by rarity, with date of birth, country and identifier evidence"

func (s *Server) yenteMatch(w http.ResponseWriter, r *http.Request) error {
	snap, err := s.snapshot(r)
	if err != nil {
		return err
	}
	ix := snap.Index
	limit, err := limitParam(r.URL.Query(), defaultMatchLimit)
	if err != nil {
		return err
	}
	if err := algorithmParam(r.URL.Query()); err != nil {
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
	filter, err := s.yenteFilters(r, snap)
	if err != nil {
		return err
	}
	if err := excludeEntities(filter, r, snap); err != nil {
		return err
	}
	keys, examples, req, err := s.readMatchRequest(w, r)
	if err != nil {
		return err
	}
	switch {
	case len(keys) == 0:
		return errorf(CodeInvalid, "No queries provided.")
	case len(keys) > s.cfg.MaxBatch:
		return errorf(CodeTooManyQueries, "Too many queries in one batch (limit: %d)", s.cfg.MaxBatch)
	case len(req.Weights) > 0:
		return errorf(CodeInvalid, "weights: veto scores with its own features and weights; per-request weights are not supported")
	}
	for k := range req.Config {
		return errorf(CodeInvalid, "Invalid configuration parameter: %s for algorithm %s", k, yenteAlgorithm)
	}
	queries := make([]match.Query, len(keys))
	warnings := make([][]inputWarning, len(keys))
	for i, k := range keys {
		if queries[i], warnings[i], err = s.queryOf(k, examples[k]); err != nil {
			return err
		}
	}
	cfg.Threshold = cutoff
	opts := screen.Options{Config: &cfg, Limit: max(limit, 1), Explain: true, Lists: filter.lists, Exclude: filter.exclude(),
		Shape: screen.ShapeOf(cutoff, min(s.cfg.MatchCutoff, ix.Config().Threshold), limit, defaultMatchLimit)}
	results := make([]screen.Result, len(queries))
	if !filter.none && limit > 0 {
		if results, err = s.screenAll(r, s.screener.On(snap), queries, opts); err != nil {
			return err
		}
	}
	if err := s.observeScreen(r, snap, "yente", results); err != nil {
		return err
	}
	hist, err := s.seenOf(r.Context(), snap)
	if err != nil {
		return err
	}
	resp := matchResponse{Responses: make(map[string]matchResponseItem, len(keys)), Limit: limit, Versions: snap.Refs(),
		Matcher: matcherInfo{Name: yenteAlgorithm, Description: matcherDescription}}
	for i, k := range keys {
		item := matchResponseItem{Status: http.StatusOK, Results: make([]scoredEntity, 0, len(results[i].Hits)),
			Total: total{Relation: "eq"}, Query: echo(examples[k]), Warnings: warnings[i]}
		for _, h := range results[i].Hits {
			res := s.scored(snap, hist, h, threshold)
			if res.Match {
				item.Total.Value++
			}
			item.Results = append(item.Results, res)
		}
		resp.Responses[k] = item
	}
	w.Header().Set("X-Batch-Size", strconv.Itoa(len(keys)))
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// scored renders a hit against snap as yente's ScoredEntityResponse: a
// subject's hit as its merged entity.
func (s *Server) scored(snap *screen.Snapshot, hist map[string]seen, h screen.Hit, threshold float64) scoredEntity {
	out := scoredEntity{Score: h.Score, Match: h.Score >= threshold, Regimes: h.Regimes,
		Features: map[string]float64{}, Explanations: map[string]ftResult{}}
	out.yenteEntity = s.hitEntity(snap, hist, h)
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

// hitEntity renders a hit of snap's index as yente's EntityResponse: a
// subject of several listings as its merged entity, a listing as
// itself.
func (s *Server) hitEntity(snap *screen.Snapshot, hist map[string]seen, h screen.Hit) yenteEntity {
	if sub := merged(snap.Subjects(), h); sub != nil {
		return s.subjectEntity(snap, hist, sub, candidates(snap, sub))
	}
	if c, lists, ok := snap.Index.Candidate(h.EntityID); ok {
		return s.yenteEntityOf(snap, hist, c.Entity, lists)
	}
	out := yenteEntity{ID: h.EntityID, Caption: h.Caption, Schema: string(h.Schema), Properties: map[string][]string{}, Referents: []string{}}
	describe(&out, snap, hist, []string{h.EntityID}, h.Lists, nil)
	return out
}

// yenteEntityOf renders a listed entity of snap (nil: none served) as
// yente's EntityResponse.
func (s *Server) yenteEntityOf(snap *screen.Snapshot, hist map[string]seen, e *entity.Entity, lists []string) yenteEntity {
	f := e.FtM()
	out := yenteEntity{ID: f.ID, Caption: f.Caption, Schema: f.Schema, Properties: f.Properties, Referents: []string{}}
	if len(lists) == 0 {
		lists = f.Datasets
	}
	describe(&out, snap, hist, []string{e.ID}, lists, e.Programs)
	return out
}

// describe sets what yente says of an entity beyond its properties, for
// the listings ids on lists with programmes: its datasets by
// OpenSanctions' names, its topics (also a property, as in yente), target
// and timestamps.
func describe(out *yenteEntity, snap *screen.Snapshot, hist map[string]seen, ids, lists, programs []string) {
	out.Datasets = datasetNames(lists)
	topics := topicsOf(lists, programs, out.Properties["topics"])
	out.Target = isTarget(topics)
	if len(topics) > 0 {
		out.Properties["topics"] = topics
	}
	if snap != nil {
		timestamps(out, snap, hist, ids, lists)
	}
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
func (s *Server) subjectEntity(snap *screen.Snapshot, hist map[string]seen, sub *resolve.Subject, recs []*entity.Entity) yenteEntity {
	out := yenteEntity{ID: sub.ID, Caption: sub.Caption, Schema: string(sub.Schema), Properties: entity.SubjectFtM(sub.ID, recs).Properties,
		Referents: sub.MemberIDs()}
	var programs []string
	for _, e := range recs {
		programs = append(programs, e.Programs...)
	}
	describe(&out, snap, hist, sub.MemberIDs(), sub.Lists(), programs)
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
				hist, err := s.seenOf(r.Context(), snap)
				if err != nil {
					return err
				}
				writeJSON(w, http.StatusOK, s.subjectEntity(snap, hist, sub, recs))
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
		return errorf(CodeNotFound, "No such entity! (%s is no longer listed; GET /v1/entities/%s has its history)", id, id)
	}
	var hist map[string]seen
	if snap := info(r).snap; snap != nil {
		if hist, err = s.seenOf(r.Context(), snap); err != nil {
			return err
		}
	}
	merged := entity.MergeFtM(recs)[0]
	out := yenteEntity{ID: merged.ID, Caption: merged.Caption, Schema: merged.Schema, Properties: merged.Properties, Referents: []string{}}
	var programs []string
	for _, e := range recs {
		programs = append(programs, e.Programs...)
	}
	describe(&out, info(r).snap, hist, []string{id}, merged.Datasets, programs)
	writeJSON(w, http.StatusOK, out)
	return nil
}
