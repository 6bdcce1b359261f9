package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
)

// screenRequest is the body of POST /v1/screen: one query's fields at the
// top level, or up to MaxBatch queries in "queries", and options.
type screenRequest struct {
	match.Query
	Queries []match.Query `json:"queries,omitempty"`
	screenParams
}

// screenParams are the options of a screening by /v1/screen (and, set by
// the server, of /v1/search).
type screenParams struct {
	// Threshold overrides the configured threshold (0..1).
	Threshold *float64 `json:"threshold,omitempty"`
	// Limit caps the hits per query (default 10, at most 100).
	Limit int `json:"limit,omitempty"`
	// Explain includes each hit's explanation (default true).
	Explain *bool `json:"explain,omitempty"`
	// Regimes are the sanctions regimes screened (default: the
	// server's); Lists narrows to lists by name instead.
	Regimes []string `json:"regimes,omitempty"`
	Lists   []string `json:"lists,omitempty"`
	// Kinds keeps only hits on lists of these kinds ("sanction", "pep",
	// "internal", ...); ExcludeKinds drops those on lists of these.
	Kinds        []string `json:"kinds,omitempty"`
	ExcludeKinds []string `json:"exclude_kinds,omitempty"`
	// Topics keeps only entities carrying one of these topics
	// ("role.pep", "sanction", ...), as imported FtM lists have them.
	Topics []string `json:"topics,omitempty"`
	// Config overrides scoring parameters other than token weights.
	Config json.RawMessage `json:"config,omitempty"`
	// AsOf screens against the list versions in force at that instant
	// (screen.VersionsAt): an RFC 3339 date-time, or a date, meaning the
	// end of that day in UTC.
	AsOf string `json:"asOf,omitempty"`
	// Group is "subject" (default: one hit per sanctioned subject) or
	// "listing" (one per listing, as each list has it).
	Group string `json:"group,omitempty"`
}

// screenResponse is one query's result with what it was screened against.
type screenResponse struct {
	screen.Result
	screenedAgainst
	Warnings []inputWarning `json:"warnings,omitempty"`
}

type batchResponse struct {
	Results []screen.Result `json:"results"`
	screenedAgainst
	Warnings []inputWarning `json:"warnings,omitempty"`
}

// inputWarning names an optional field a query was screened without,
// because it could not be read: a date of birth written 31.02.1950 must
// not keep the name from being screened, nor pass unnoticed.
type inputWarning struct {
	// Field is the request's field: birthDate, or queries[2].birthDate.
	Field   string `json:"field"`
	Value   string `json:"value"`
	Message string `json:"message"`
}

// validateLenient validates q, dropping the optional fields it cannot
// read into warnings; prefix names the query in a batch ("queries[2].").
func validateLenient(q *match.Query, prefix string) ([]inputWarning, error) {
	dropped, err := q.ValidateLenient(entity.DayFirst)
	if err != nil {
		return nil, errorf(CodeInvalid, "%s%v", prefix, err)
	}
	var ws []inputWarning
	for _, d := range dropped {
		ws = append(ws, inputWarning{Field: prefix + d.Field, Value: d.Value, Message: "screened without " + prefix + d.Error()})
	}
	return ws, nil
}

// screenedAgainst records, with each response, the data and rules it was
// screened with: an analyst reading it later knows what "no hit" meant.
type screenedAgainst struct {
	Data      screen.Data `json:"data"`
	Threshold float64     `json:"threshold"`
	// Scope is the regimes or lists screened; empty means all.
	Scope []string `json:"scope,omitempty"`
	// Versions are the list versions screened against, one per list: the
	// snapshot the request took, whatever was published meanwhile.
	Versions []entity.VersionRef `json:"versions"`
	// AsOf is the instant asked for by an as-of screening, and Absent
	// the lists stored of which no version was in force then (not
	// screened).
	AsOf   time.Time `json:"asOf,omitzero"`
	Absent []string  `json:"absent,omitempty"`
}

// against returns what a screening against snap records.
func against(snap *screen.Snapshot, threshold float64, scope []string) screenedAgainst {
	return screenedAgainst{Data: snap.Data, Threshold: threshold, Scope: scope, Versions: snap.Refs(), AsOf: snap.AsOf, Absent: snap.Absent}
}

// snapshot returns the snapshot the request took when it came in (see
// observe): everything it screens, reports and audits is of that one.
func (s *Server) snapshot(r *http.Request) (*screen.Snapshot, error) {
	if snap := info(r).snap; snap != nil {
		return snap, nil
	}
	return nil, screen.ErrNotReady
}

// snapshotAsOf returns the request's snapshot, or with asOf given, the
// snapshot of the versions in force at that instant; the response's
// Veto-Versions header names its versions.
func (s *Server) snapshotAsOf(w http.ResponseWriter, r *http.Request, asOf string) (*screen.Snapshot, error) {
	if asOf == "" {
		return s.snapshot(r)
	}
	t, err := screen.ParseAsOf(asOf)
	if err != nil {
		return nil, errorf(CodeInvalid, "asOf: %v", err)
	}
	snap, err := s.keeper.AsOf(r.Context(), t)
	if errors.Is(err, screen.ErrNoVersionsAt) {
		return nil, errorf(CodeInvalid, "asOf: %s: %v", asOf, err)
	}
	if err != nil {
		return nil, err
	}
	w.Header().Set(headerVersions, snap.RefString())
	return snap, nil
}

// maxLimit bounds the hits per query a client may ask for.
const maxLimit = 100

// options turns the parameters into screening options against snap,
// checking each.
func (s *Server) options(snap *screen.Snapshot, p screenParams) (screen.Options, screenedAgainst, error) {
	cfg := snap.Config()
	if len(p.Config) > 0 {
		var err error
		if cfg, err = overrideConfig(cfg, p.Config); err != nil {
			return screen.Options{}, screenedAgainst{}, err
		}
		if cfg.Threshold < match.MinThreshold {
			return screen.Options{}, screenedAgainst{}, errorf(CodeInvalid, "config.threshold: %v, want %v..1", cfg.Threshold, match.MinThreshold)
		}
	}
	if p.Threshold != nil {
		if *p.Threshold < match.MinThreshold || *p.Threshold > 1 {
			return screen.Options{}, screenedAgainst{}, errorf(CodeInvalid, "threshold: %v, want %v..1", *p.Threshold, match.MinThreshold)
		}
		cfg.Threshold = *p.Threshold
	}
	switch {
	case p.Limit < 0 || p.Limit > maxLimit:
		return screen.Options{}, screenedAgainst{}, errorf(CodeInvalid, "limit: %d, want 1..%d", p.Limit, maxLimit)
	case p.Limit == 0:
		p.Limit = screen.DefaultLimit
	}
	scope, err := s.scope(snap, p.Regimes, p.Lists)
	if err != nil {
		return screen.Options{}, screenedAgainst{}, err
	}
	by, err := screen.ParseGrouping(p.Group)
	if err != nil {
		return screen.Options{}, screenedAgainst{}, errorf(CodeInvalid, "group: %v", err)
	}
	explain := p.Explain == nil || *p.Explain
	shape := screen.ShapeOf(cfg.Threshold, snap.Config().Threshold, p.Limit, screen.DefaultLimit)
	for field, kinds := range map[string][]string{"kinds": p.Kinds, "exclude_kinds": p.ExcludeKinds} {
		for i, k := range kinds {
			if kinds[i], err = entity.ParseKind(k); err != nil {
				return screen.Options{}, screenedAgainst{}, errorf(CodeInvalid, "%s[%d]: %v", field, i, err)
			}
		}
	}
	return screen.Options{Config: &cfg, Limit: p.Limit, Explain: explain, Lists: scope, Shape: shape, By: by,
		Kinds: p.Kinds, ExcludeKinds: p.ExcludeKinds, Topics: p.Topics}, against(snap, cfg.Threshold, scope), nil
}

// scope checks the regimes and lists a request names: lists, if given,
// must each be a list of snap (or a regime); regimes must be known. With
// neither, the server's default regimes apply.
func (s *Server) scope(snap *screen.Snapshot, regimes, lists []string) ([]string, error) {
	if len(regimes) > 0 && len(lists) > 0 {
		return nil, errorf(CodeInvalid, "give regimes or lists, not both")
	}
	for i, r := range regimes {
		if !all.IsRegime(r) {
			return nil, errorf(CodeInvalid, "regimes[%d]: unknown regime %q, want one of %s", i, r, strings.Join(all.Regimes(), ", "))
		}
	}
	if len(lists) > 0 {
		served := snap.Lists()
		for i, l := range lists {
			if !all.IsRegime(l) && !slices.Contains(served, l) {
				return nil, errorf(CodeInvalid, "lists[%d]: %q is not a list served here (%s) nor a regime", i, l, strings.Join(served, ", "))
			}
		}
		return lists, nil
	}
	if len(regimes) > 0 {
		return regimes, nil
	}
	return s.cfg.Regimes, nil
}

// buildTimeFields are the config fields fixed when the index is built: a
// request cannot change them.
var buildTimeFields = []string{"wordWeight", "genericWeight", "particleWeight", "titleWeight", "legalFormWeight", "initialWeight", "numberWeight"}

// overrideConfig applies a request's config fields to the index's.
func overrideConfig(base match.Config, raw json.RawMessage) (match.Config, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			return base, errorf(CodeInvalid, "config: want an object of match config fields, got %s", jsonValue(typ.Value))
		}
		return base, errorf(CodeInvalid, "config: want an object of match config fields")
	}
	known := map[string]bool{}
	t := reflect.TypeFor[match.Config]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		known[name] = true
	}
	for name := range fields {
		switch {
		case slices.Contains(buildTimeFields, name):
			return base, errorf(CodeInvalid, "config.%s: token weights are fixed when the index is built; set them in the server's --config", name)
		case !known[name]:
			return base, errorf(CodeInvalid, "config.%s: unknown field", name)
		}
	}
	cfg := base
	if err := json.Unmarshal(raw, &cfg); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			return base, errorf(CodeInvalid, "config.%s", typeError(reflect.TypeFor[match.Config](), typ))
		}
		return base, errorf(CodeInvalid, "config: %v", err)
	}
	if err := cfg.Validate(); err != nil {
		return base, errorf(CodeInvalid, "config: %v", err)
	}
	return cfg, nil
}

func (s *Server) screen(w http.ResponseWriter, r *http.Request) error {
	var req screenRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	single := req.Name != "" || !reflect.ValueOf(req.Query).IsZero()
	switch {
	case single && req.Queries != nil:
		return errorf(CodeInvalid, "give one query's fields or \"queries\", not both")
	case !single && len(req.Queries) == 0:
		return errorf(CodeInvalid, "name: required (or \"queries\": a list of queries)")
	case len(req.Queries) > s.cfg.MaxBatch:
		return errorf(CodeTooManyQueries, "queries: %d, at most %d per request; use a batch job for more", len(req.Queries), s.cfg.MaxBatch)
	}
	snap, err := s.snapshotAsOf(w, r, req.AsOf)
	if err != nil {
		return err
	}
	opts, against, err := s.options(snap, req.screenParams)
	if err != nil {
		return err
	}
	screener := s.screener.On(snap)
	if single {
		warnings, err := validateLenient(&req.Query, "")
		if err != nil {
			return err
		}
		results, err := s.screenAll(r, screener, []match.Query{req.Query}, opts)
		if err != nil {
			return err
		}
		res := results[0]
		if err := s.observeScreen(r, snap, "native", results); err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, screenResponse{res, against, warnings})
		return nil
	}
	var warnings []inputWarning
	for i := range req.Queries {
		ws, err := validateLenient(&req.Queries[i], fmt.Sprintf("queries[%d].", i))
		if err != nil {
			return err
		}
		warnings = append(warnings, ws...)
	}
	results, err := s.screenAll(r, screener, req.Queries, opts)
	if err != nil {
		return err
	}
	if err := s.observeScreen(r, snap, "native", results); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, batchResponse{results, against, warnings})
	return nil
}

// screenAll screens queries in order, with screener (bound to the
// request's snapshot), on every core for large batches.
func (s *Server) screenAll(r *http.Request, screener *screen.Screener, qs []match.Query, opts screen.Options) ([]screen.Result, error) {
	results := make([]screen.Result, 0, len(qs))
	if opts.Allowance == nil {
		opts.Allowance = screener.Allowance(len(qs), opts)
	}
	release, err := s.admitCostly(r, opts.Allowance)
	if err != nil {
		return nil, err
	}
	defer release()
	if len(qs) < 8 {
		for _, q := range qs {
			res, err := screener.Screen(r.Context(), q, opts)
			if err != nil {
				return nil, err
			}
			results = append(results, res)
		}
		return results, nil
	}
	in := make(chan match.Query)
	out := make(chan screen.Result, 64)
	errc := make(chan error, 1)
	go func() {
		defer close(out)
		errc <- screener.Batch(r.Context(), in, out, 0, opts)
	}()
	go func() {
		defer close(in)
		for _, q := range qs {
			select {
			case in <- q:
			case <-r.Context().Done():
				return
			}
		}
	}()
	for res := range out {
		results = append(results, res)
	}
	if err := <-errc; err != nil {
		return nil, err
	}
	// A client gone while the queries were fed ends the feed early, and
	// the batch, screening what it was given, cannot tell: the results
	// would be a part, with no error.
	if err := r.Context().Err(); err != nil && len(results) < len(qs) {
		return nil, err
	}
	return results, nil
}

// compareRequest is the body of POST /v1/compare: two names, scored as
// `veto compare` does, or a query against a listed entity, scored as
// screening does with the entity's dates, countries and identifiers.
type compareRequest struct {
	Schema   entity.Schema `json:"schema,omitempty"`
	Name1    string        `json:"name1,omitempty"`
	Name2    string        `json:"name2,omitempty"`
	Query    *match.Query  `json:"query,omitempty"`
	EntityID string        `json:"entity_id,omitempty"`
}

func (s *Server) compare(w http.ResponseWriter, r *http.Request) error {
	var req compareRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	switch {
	case req.Query != nil || req.EntityID != "":
		if req.Query == nil || req.EntityID == "" || req.Name1 != "" || req.Name2 != "" {
			return errorf(CodeInvalid, "give name1 and name2, or query and entity_id")
		}
		if err := req.Query.Validate(); err != nil {
			return errorf(CodeInvalid, "query.%v", err)
		}
		snap, err := s.snapshot(r)
		if err != nil {
			return err
		}
		ix := snap.Index
		cand, _, ok := ix.Candidate(req.EntityID)
		if !ok {
			return errorf(CodeNotFound, "entity_id: no entity %q in the lists served", req.EntityID)
		}
		cfg := ix.Config()
		p, err := cfg.Prepare(*req.Query, ix)
		if err != nil {
			return errorf(CodeInvalid, "query: %v", err)
		}
		res := match.NewScorer(&cfg).Score(p, cand, nil, true)
		res.EntityID = req.EntityID
		writeJSON(w, http.StatusOK, res)
		return nil
	default:
		for field, v := range map[string]string{"name1": req.Name1, "name2": req.Name2} {
			q := match.Query{Subject: entity.Subject{Name: v}}
			if err := q.Validate(); err != nil {
				return errorf(CodeInvalid, "%s: %v", field, strings.TrimPrefix(err.Error(), "name: "))
			}
		}
		if req.Schema != "" {
			if _, err := entity.ParseSchema(string(req.Schema)); err != nil {
				return errorf(CodeInvalid, "schema: %v", err)
			}
		}
		cfg := match.DefaultConfig()
		res, err := cfg.Compare(req.Schema, req.Name1, req.Name2)
		if err != nil {
			return errorf(CodeInvalid, "%v", err)
		}
		res.EntityID = "" // no listed entity was involved
		writeJSON(w, http.StatusOK, res)
		return nil
	}
}

// searchThreshold is the lowest score /v1/search reports: a search
// box lists near names too, where screening would not alert.
const searchThreshold = 0.5

// searchPage is a page of search results.
type searchPage struct {
	Results []screen.Hit `json:"results"`
	// Total is the number of results up to the search's cap; More says
	// whether the next page has any.
	Total  int         `json:"total"`
	Offset int         `json:"offset"`
	Limit  int         `json:"limit"`
	More   bool        `json:"more"`
	Data   screen.Data `json:"data"`
	// Versions are the list versions searched; AsOf and Absent as in
	// screenedAgainst, for a search as of an instant.
	Versions []entity.VersionRef `json:"versions"`
	AsOf     time.Time           `json:"asOf,omitzero"`
	Absent   []string            `json:"absent,omitempty"`
}

// maxSearchResults caps how deep a search pages.
const maxSearchResults = 1000

// searchParams are what a search looks for: a name, of a schema, on
// lists, its hits grouped by "subject" (default) or "listing".
type searchParams struct {
	q, schema string
	lists     []string
	group     string
}

// searchHits runs a name search against snap with paging.
func (s *Server) searchHits(r *http.Request, snap *screen.Snapshot, sp searchParams, offset, limit int) (searchPage, error) {
	query := match.Query{Subject: entity.Subject{Name: sp.q, Schema: entity.Schema(sp.schema)}}
	if err := query.Validate(); err != nil {
		if strings.HasPrefix(err.Error(), "name:") {
			return searchPage{}, errorf(CodeInvalid, "q: %s", strings.TrimPrefix(err.Error(), "name: "))
		}
		return searchPage{}, errorf(CodeInvalid, "%v", err)
	}
	if offset < 0 || offset+limit > maxSearchResults {
		return searchPage{}, errorf(CodeInvalid, "offset: %d with limit %d goes past the %d results a search returns", offset, limit, maxSearchResults)
	}
	th := searchThreshold
	opts, against, err := s.options(snap, screenParams{Threshold: &th, Lists: sp.lists, Limit: 1, Group: sp.group})
	if err != nil {
		return searchPage{}, err
	}
	opts.Limit = offset + limit + 1
	opts.Explain = false
	res, err := s.screener.On(snap).Screen(r.Context(), query, opts)
	if err != nil {
		return searchPage{}, err
	}
	hits := res.Hits
	page := searchPage{Total: len(hits), Offset: offset, Limit: limit, Data: against.Data, Versions: against.Versions, AsOf: against.AsOf, Absent: against.Absent}
	if len(hits) > offset+limit {
		page.More = true
		hits = hits[:offset+limit]
	}
	if offset < len(hits) {
		page.Results = hits[offset:]
	} else {
		page.Results = []screen.Hit{}
	}
	return page, nil
}

// intParam reads an integer query parameter.
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, errorf(CodeInvalid, "%s: %q, want a whole number %d..%d", name, v, lo, hi)
	}
	return n, nil
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	if err := knownParams(r, "q", "schema", "lists", "limit", "offset", "asOf", "group"); err != nil {
		return err
	}
	limit, err := intParam(r, "limit", 20, 1, maxLimit)
	if err != nil {
		return err
	}
	offset, err := intParam(r, "offset", 0, 0, maxSearchResults)
	if err != nil {
		return err
	}
	var lists []string
	if v := r.URL.Query().Get("lists"); v != "" {
		lists = strings.Split(v, ",")
	}
	snap, err := s.snapshotAsOf(w, r, r.URL.Query().Get("asOf"))
	if err != nil {
		return err
	}
	page, err := s.searchHits(r, snap, searchParams{q: r.URL.Query().Get("q"), schema: r.URL.Query().Get("schema"), lists: lists, group: r.URL.Query().Get("group")}, offset, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

// knownParams refuses query parameters a route does not take, so that a
// misspelt "treshold" is not silently ignored.
func knownParams(r *http.Request, names ...string) error {
	for k := range r.URL.Query() {
		if !slices.Contains(names, k) {
			return errorf(CodeInvalid, "unknown query parameter %q (this route takes %s)", k, strings.Join(names, ", "))
		}
	}
	return nil
}

// entityResponse is an entity's records on every list that has it, as
// parsed and as published (raw), merged as FollowTheMoney, with its
// history across list versions.
type entityResponse struct {
	ID string `json:"id"`
	// Listed is false for an entity no active version holds any more
	// (delisted): its history says when it went.
	Listed  bool                  `json:"listed"`
	Records []*entity.Entity      `json:"records"`
	FtM     *entity.FtMEntity     `json:"ftm,omitempty"`
	History []store.EntityVersion `json:"history"`
}

// entityRecords returns the records of an entity: from the store, or
// from the index when the demo dataset is served.
func (s *Server) entityRecords(r *http.Request, id string) ([]*entity.Entity, []store.EntityVersion, error) {
	if snap := info(r).snap; snap != nil && snap.Data == screen.DataDemo {
		if recs := snap.DemoRecords(id); len(recs) > 0 {
			return recs, []store.EntityVersion{}, nil
		}
		return nil, nil, errorf(CodeNotFound, "no entity %q in the demo dataset", id)
	}
	recs, err := s.store.Entity(r.Context(), id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, nil, err
	}
	hist, err := s.store.EntityHistory(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, errorf(CodeNotFound, "no entity %q in any list version", id)
	}
	if err != nil {
		return nil, nil, err
	}
	if recs == nil {
		recs = []*entity.Entity{}
	}
	return recs, hist, nil
}

func (s *Server) entity(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	recs, hist, err := s.entityRecords(r, id)
	if err != nil {
		return err
	}
	resp := entityResponse{ID: id, Listed: len(recs) > 0, Records: recs, History: hist}
	if len(recs) > 0 {
		resp.FtM = &entity.MergeFtM(recs)[0]
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

func (s *Server) lists(w http.ResponseWriter, r *http.Request) error {
	if err := knownParams(r, "list", "publisher", "all", "limit"); err != nil {
		return err
	}
	limit, err := intParam(r, "limit", 0, 0, 10000)
	if err != nil {
		return err
	}
	all := false
	if v := r.URL.Query().Get("all"); v != "" {
		var err error
		if all, err = strconv.ParseBool(v); err != nil {
			return errorf(CodeInvalid, "all: %q, want true or false", v)
		}
	}
	f := store.VersionFilter{List: r.URL.Query().Get("list"), Publisher: r.URL.Query().Get("publisher"), ActiveOnly: !all, Limit: limit}
	vs, err := s.store.Versions(r.Context(), f)
	if err != nil {
		return err
	}
	data := screen.DataNone
	if snap := info(r).snap; snap != nil {
		data = snap.Data
		if snap.Data == screen.DataDemo && len(vs) == 0 {
			vs = snap.Versions // the demo dataset's, which the store does not hold
		}
	}
	out := make([]listVersionStatus, len(vs))
	for i, v := range vs {
		out[i] = listVersionStatus{v, v.PublishDateKnown(), v.PublishedText()}
	}
	writeJSON(w, http.StatusOK, struct {
		Data     screen.Data         `json:"data"`
		Versions []listVersionStatus `json:"versions"`
	}{data, out})
	return nil
}

// listVersionStatus is a list version with its publication date as shown
// to people: a version imported from a file that carries no date has a
// file time, which must not pass for a publication date.
type listVersionStatus struct {
	entity.ListVersion
	PublishDateKnown bool   `json:"publishDateKnown"`
	PublishedText    string `json:"publishedText"`
}

// diff returns a list's diff: of the version given by ?version=ID, or of
// the active version, from its predecessor.
func (s *Server) diff(w http.ResponseWriter, r *http.Request) error {
	if err := knownParams(r, "version"); err != nil {
		return err
	}
	list := r.PathValue("publisher")
	var id int64
	if v := r.URL.Query().Get("version"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return errorf(CodeInvalid, "version: %q, want a version ID", v)
		}
		ver, err := s.store.Version(r.Context(), n)
		if err != nil {
			return fmt.Errorf("version %d: %w", n, err)
		}
		if ver.List != list && ver.Publisher != list {
			return errorf(CodeNotFound, "version %d is of %s, not %s", n, ver.List, list)
		}
		id = n
	} else {
		vs, err := s.store.Versions(r.Context(), store.VersionFilter{List: list, ActiveOnly: true})
		if err != nil {
			return err
		}
		if len(vs) == 0 {
			vs, err = s.store.Versions(r.Context(), store.VersionFilter{Publisher: list, ActiveOnly: true})
			if err != nil {
				return err
			}
		}
		switch len(vs) {
		case 0:
			return errorf(CodeNotFound, "no list or publisher %q is stored", list)
		case 1:
			id = vs[0].ID
		default:
			var names []string
			for _, v := range vs {
				names = append(names, v.List)
			}
			return errorf(CodeInvalid, "publisher %s has several lists (%s): name one", list, strings.Join(names, ", "))
		}
	}
	d, err := s.store.Diff(r.Context(), id)
	if err != nil {
		return fmt.Errorf("diff of version %d: %w", id, err)
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

// refresh refreshes the lists now. It waits for the refresh up to ?wait=
// seconds (default 60): 200 with the new status when it is done in time,
// 202 when it goes on in the background.
func (s *Server) refresh(w http.ResponseWriter, r *http.Request) error {
	if err := knownParams(r, "wait"); err != nil {
		return err
	}
	// The answer must come before the server's write timeout.
	wait, err := intParam(r, "wait", 60, 0, max(0, int(s.cfg.WriteTimeout.Seconds())-10))
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() {
		// Not the request's context: a client that hangs up does not
		// cancel a refresh half-way.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), time.Hour)
		defer cancel()
		done <- s.keeper.RefreshNow(ctx)
	}()
	select {
	case err = <-done:
	case <-time.After(time.Duration(wait) * time.Second):
		writeJSON(w, http.StatusAccepted, struct {
			Status string `json:"status"`
		}{"running"})
		return nil
	}
	switch {
	case errors.Is(err, screen.ErrNoRefresh):
		return errorf(CodeConflict, "%v", err)
	case errors.Is(err, screen.ErrBusy):
		return errorf(CodeConflict, "%v; the new versions are picked up when it is done", err)
	case err != nil:
		s.log.Error("refresh failed", "err", err)
		st := s.keeper.Status()
		writeJSON(w, http.StatusBadGateway, struct {
			Error  errorDetail   `json:"error"`
			Status screen.Status `json:"status"`
		}{errorDetail{CodeRefreshFailed, err.Error()}, st})
		return nil
	}
	writeJSON(w, http.StatusOK, s.keeper.Status())
	return nil
}
