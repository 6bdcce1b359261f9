package api

// OpenRefine's Reconciliation Service API (v0.2) on /reconcile/{dataset},
// as yente serves it: the service manifest, batches of queries screened
// as /match screens them, suggest for entities, types and properties,
// a preview page, and data extension. Types are FtM schemata (see
// reconcile_model.go), entity IDs those of the yente routes: a subject's
// ID for the merged entity of several listings, a listing's otherwise.
//
// Where yente departs from the spec, veto follows the spec when yente's
// clients (OpenRefine) cannot tell: GET ?queries= and ?extend= are
// answered (yente returns the manifest), numbers and {id, name} values
// are read (yente answers 400), an array type means any of its types
// (yente takes the first), the manifest says property_settings with
// choices {value, name} (yente: propose_settings, {id, name}), and the
// preview is served here (yente points at opensanctions.org).

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"html/template"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
)

// Bounds of reconciliation requests.
const (
	// reconBatchSize is the batch size the manifest advertises, which
	// OpenRefine sends: small enough that each request is short and
	// OpenRefine shows progress.
	reconBatchSize = 25
	// maxReconBatch is the most queries, or entities to extend, one
	// request may hold: yente's limit, which its clients keep to.
	maxReconBatch = 100
	// defaultReconLimit is a query's candidates unless it asks for
	// others (up to maxLimit, /match's).
	defaultReconLimit = 5
	// defaultSuggestLimit and maxSuggestLimit bound entity suggestions.
	defaultSuggestLimit, maxSuggestLimit = 10, 100
	// suggestListLimit is how many types or properties are suggested,
	// yente's.
	suggestListLimit = 5
	// maxPrefix bounds a suggest prefix, in bytes: one is typed, and
	// entity suggest compares it with every name served.
	maxPrefix = 100
)

// reconManifest is the service manifest.
type reconManifest struct {
	Versions        []string                `json:"versions"`
	Name            string                  `json:"name"`
	IdentifierSpace string                  `json:"identifierSpace"`
	SchemaSpace     string                  `json:"schemaSpace"`
	Documentation   string                  `json:"documentation"`
	BatchSize       int                     `json:"batchSize"`
	View            reconURL                `json:"view"`
	Preview         reconPreview            `json:"preview"`
	Suggest         map[string]reconService `json:"suggest"`
	Extend          reconExtend             `json:"extend"`
	DefaultTypes    []reconType             `json:"defaultTypes"`
}

type reconURL struct {
	URL string `json:"url"`
}

type reconPreview struct {
	URL    string `json:"url"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

type reconService struct {
	ServiceURL  string `json:"service_url"`
	ServicePath string `json:"service_path"`
}

type reconExtend struct {
	ProposeProperties reconService   `json:"propose_properties"`
	PropertySettings  []reconSetting `json:"property_settings"`
}

type reconSetting struct {
	Name     string        `json:"name"`
	Label    string        `json:"label"`
	Type     string        `json:"type"`
	Default  any           `json:"default"`
	HelpText string        `json:"help_text"`
	Choices  []reconChoice `json:"choices,omitempty"`
}

type reconChoice struct {
	Value string `json:"value"`
	Name  string `json:"name"`
}

// reconSettings are the settings of a data extension's properties.
var reconSettings = []reconSetting{
	{Name: "limit", Label: "Limit", Type: "number", Default: 0, HelpText: "The most values returned for each entity (0: all of them)."},
	{Name: "render", Label: "Value rendering", Type: "select", Default: "caption", HelpText: "Countries by name, or as their ISO codes.",
		Choices: []reconChoice{{Value: "caption", Name: "User-readable value"}, {Value: "raw", Name: "Machine-readable value"}}},
}

// reconSpaces: the identifiers are veto's (not OpenSanctions'); the
// types are FtM schemata, as yente's.
const (
	reconIdentifierSpace = "urn:veto:entity"
	reconSchemaSpace     = "https://www.opensanctions.org/reference/#schema"
)

// reconScope returns the request's snapshot and the lists of the path's
// dataset (nil: all; empty: none, the server's regimes leaving none of
// them), refusing JSONP, which veto does not serve (CORS does what it
// did).
func (s *Server) reconScope(r *http.Request) (*screen.Snapshot, []string, error) {
	if r.URL.Query().Get("callback") != "" {
		return nil, nil, errorf(CodeInvalid, "callback: JSONP is not supported; call with CORS")
	}
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, nil, err
	}
	scope, none, err := s.datasetScope(snap, r.PathValue("dataset"), nil, nil)
	if none {
		scope = []string{}
	}
	return snap, scope, err
}

// reconcileGet answers GET /reconcile/{dataset}: the service manifest, or
// with queries or extend in the query string, what POST answers.
func (s *Server) reconcileGet(w http.ResponseWriter, r *http.Request) error {
	snap, scope, err := s.reconScope(r)
	if err != nil {
		return err
	}
	qs := r.URL.Query()
	if qs.Get("queries") != "" || qs.Get("extend") != "" {
		return s.reconcileAnswer(w, r, snap, []byte(qs.Get("queries")), []byte(qs.Get("extend")))
	}
	dataset := r.PathValue("dataset")
	base := baseURL(r) + "/reconcile/" + dataset
	query := ""
	if r.URL.RawQuery != "" {
		query = "?" + r.URL.RawQuery // an api_key goes on to every call
	}
	service := func(path string) reconService { return reconService{ServiceURL: base, ServicePath: path + query} }
	page := base + "/preview/{{id}}" + query
	m := reconManifest{Versions: []string{"0.2"}, Name: datasetTitle(snap, dataset) + " (veto)", IdentifierSpace: reconIdentifierSpace, SchemaSpace: reconSchemaSpace,
		Documentation: baseURL(r) + "/openapi.json", BatchSize: reconBatchSize, View: reconURL{page},
		Preview: reconPreview{URL: page, Width: 400, Height: 300},
		Suggest: map[string]reconService{"entity": service("/suggest/entity"), "type": service("/suggest/type"), "property": service("/suggest/property")},
		Extend:  reconExtend{ProposeProperties: service("/extend/property"), PropertySettings: reconSettings}}
	for _, t := range typesIn(schemataIn(snap, scope)) {
		m.DefaultTypes = append(m.DefaultTypes, t.reconType())
	}
	writeJSON(w, http.StatusOK, m)
	return nil
}

// baseURL is the scheme and host the client called, which the manifest's
// URLs start with. A proxy that ends TLS says so in X-Forwarded-Proto; a
// client that fakes it only misleads itself.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// datasetTitle names a dataset of the yente routes: a list by its title
// (by veto's name or OpenSanctions'), a collection as all lists.
func datasetTitle(snap *screen.Snapshot, dataset string) string {
	if slices.Contains(collections, dataset) {
		return "All sanctions lists"
	}
	if ls, err := datasetLists(dataset, snap.Lists()); err == nil && len(ls) == 1 {
		if _, l, err := all.List(ls[0]); err == nil {
			return l.Title
		}
	}
	return dataset
}

// schemataIn returns the schemata of the entities on the lists of scope
// (nil: all).
func schemataIn(snap *screen.Snapshot, scope []string) map[entity.Schema]bool {
	present := map[entity.Schema]bool{}
	snap.Index.EachCandidate(func(c *match.Candidate, lists []string) {
		if inScope(scope, lists) {
			present[c.Entity.Schema] = true
		}
	})
	return present
}

// inScope reports whether an entity on lists is in scope (nil: all).
func inScope(scope, lists []string) bool {
	return scope == nil || slices.ContainsFunc(lists, func(l string) bool { return slices.Contains(scope, l) })
}

// reconcilePost answers POST /reconcile/{dataset}: a batch of queries in
// the form field queries, or a data extension in extend. The form may be
// URL-encoded or multipart; a JSON body {"queries": ...} or {"extend":
// ...} is read too.
func (s *Server) reconcilePost(w http.ResponseWriter, r *http.Request) error {
	snap, _, err := s.reconScope(r)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return errorf(CodeTooLarge, "the request body is larger than %d bytes", s.cfg.MaxBody)
	case err != nil:
		return errorf(CodeInvalid, "reading the request body: %v", err)
	}
	queries, extend, err := reconForm(r.Header.Get("Content-Type"), body)
	if err != nil {
		return err
	}
	return s.reconcileAnswer(w, r, snap, queries, extend)
}

// reconForm reads the fields queries and extend of a request body.
func reconForm(contentType string, body []byte) (queries, extend []byte, err error) {
	mt, params, _ := mime.ParseMediaType(contentType)
	switch {
	case mt == "multipart/form-data":
		mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return queries, extend, nil
			}
			if err != nil {
				return nil, nil, errorf(CodeInvalid, "the multipart form: %v", err)
			}
			v, err := io.ReadAll(p)
			if err != nil {
				return nil, nil, errorf(CodeInvalid, "the multipart form's field %s: %v", p.FormName(), err)
			}
			switch p.FormName() {
			case "queries":
				queries = v
			case "extend":
				extend = v
			}
		}
	case bytes.HasPrefix(bytes.TrimSpace(body), []byte("{")):
		var b struct {
			Queries json.RawMessage `json:"queries"`
			Extend  json.RawMessage `json:"extend"`
		}
		err := decodeParam("the body", body, &b)
		return b.Queries, b.Extend, err
	default:
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, nil, errorf(CodeInvalid, "the form: %v", err)
		}
		return []byte(form.Get("queries")), []byte(form.Get("extend")), nil
	}
}

// decodeParam decodes the JSON of a parameter or form field into v,
// strictly, as decodeBody decodes a body: errors name the field.
func decodeParam(name string, data []byte, v any) error {
	if err := validUTF8(data); err != nil {
		return errorf(CodeInvalid, "%s: not valid UTF-8", name)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = errorf(CodeInvalid, "unexpected data after the JSON value at byte %d", dec.InputOffset())
	}
	if err != nil {
		var e *Error
		errors.As(jsonError(data, dec, reflect.TypeOf(v), err), &e)
		return errorf(CodeInvalid, "%s: %s", name, e.Message)
	}
	return nil
}

// reconcileAnswer answers a batch of queries or a data extension, the
// JSON of the field given.
func (s *Server) reconcileAnswer(w http.ResponseWriter, r *http.Request, snap *screen.Snapshot, queries, extend []byte) error {
	switch {
	case len(queries) > 0 && len(extend) > 0:
		return errorf(CodeInvalid, "queries, extend: give one of them")
	case len(extend) > 0:
		return s.reconExtend(w, r, snap, extend)
	case len(queries) == 0:
		return errorf(CodeInvalid, "queries: required (or extend)")
	}
	return s.reconQueries(w, r, snap, queries)
}

// reconQuery is one query of a batch.
type reconQuery struct {
	Query string `json:"query"`
	// Type is a type's ID or an array of them.
	Type       json.RawMessage `json:"type"`
	Limit      *int            `json:"limit"`
	Properties []reconProperty `json:"properties"`
	// TypeStrict is how strictly the types apply: veto, as yente, keeps
	// to them in every case (results of other types are never wanted).
	TypeStrict string `json:"type_strict"`
}

// reconProperty is a property value a query gives: v a string, a number,
// an {id, name} object or an array of those.
type reconProperty struct {
	PID string          `json:"pid"`
	V   json.RawMessage `json:"v"`
}

// reconCandidate is a result of a query.
type reconCandidate struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Description string      `json:"description"`
	Type        []reconType `json:"type"`
	Score       float64     `json:"score"`
	Match       bool        `json:"match"`
}

type reconResults struct {
	Result []reconCandidate `json:"result"`
}

// reconQueries screens a batch of queries (JSON) as /match does, with
// its filters (changed_since, and /match's others), a query's
// candidates being its results from the cutoff up.
func (s *Server) reconQueries(w http.ResponseWriter, r *http.Request, snap *screen.Snapshot, raw []byte) error {
	if err := algorithmParam(r.URL.Query()); err != nil {
		return err
	}
	filter, err := s.yenteFilters(r, snap)
	if err != nil {
		return err
	}
	var batch map[string]reconQuery
	if err := decodeParam("queries", raw, &batch); err != nil {
		return err
	}
	switch {
	case len(batch) == 0:
		return errorf(CodeInvalid, "queries: required, an object of queries by key")
	case len(batch) > maxReconBatch:
		return errorf(CodeTooManyQueries, "queries: %d, at most %d per request", len(batch), maxReconBatch)
	}
	keys := slices.Sorted(maps.Keys(batch))
	queries := make([]match.Query, len(keys))
	types := make([][]string, len(keys))
	limits := make([]int, len(keys))
	most := 1
	for i, k := range keys {
		if queries[i], types[i], limits[i], err = s.reconQueryOf(k, batch[k]); err != nil {
			return err
		}
		most = max(most, limits[i])
	}
	threshold := snap.Config().Threshold
	cfg := snap.Config()
	cfg.Threshold = min(s.cfg.MatchCutoff, threshold)
	opts := screen.Options{Config: &cfg, Limit: most, Lists: filter.lists, Exclude: filter.exclude(),
		Shape: screen.ShapeOf(cfg.Threshold, cfg.Threshold, most, defaultReconLimit)}
	results := make([]screen.Result, len(queries))
	if !filter.none {
		if results, err = s.screenAll(r, s.screener.On(snap), queries, opts); err != nil {
			return err
		}
	}
	if err := s.observeScreen(r, snap, "reconcile", results); err != nil {
		return err
	}
	resp := make(map[string]reconResults, len(keys))
	subjects := snap.Subjects()
	for i, k := range keys {
		out := []reconCandidate{}
		for _, h := range results[i].Hits {
			id, caption, schema := h.EntityID, h.Caption, string(h.Schema)
			if sub := merged(subjects, h); sub != nil {
				id, caption, schema = sub.ID, sub.Caption, string(sub.Schema)
			}
			if len(out) == limits[i] {
				break
			}
			if !slices.ContainsFunc(types[i], func(t string) bool { return related(t, schema) }) {
				continue // of a type the matcher lets a query of their common type match
			}
			t, label := reconTypeOf(schema)
			out = append(out, reconCandidate{ID: id, Name: caption, Description: label, Type: []reconType{t}, Score: h.Score, Match: h.Score >= threshold})
		}
		resp[k] = reconResults{Result: out}
	}
	w.Header().Set("X-Batch-Size", strconv.Itoa(len(keys)))
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// reconQueryOf reads a query as the entity example /match would screen,
// and returns its types and limit; errors name the field.
func (s *Server) reconQueryOf(key string, q reconQuery) (match.Query, []string, int, error) {
	field := "queries." + key
	limit := defaultReconLimit
	if q.Limit != nil {
		if limit = *q.Limit; limit < 1 || limit > maxLimit {
			return match.Query{}, nil, 0, errorf(CodeInvalid, "%s.limit: %d, want 1..%d", field, limit, maxLimit)
		}
	}
	switch q.TypeStrict {
	case "", "any", "should", "all":
	default:
		return match.Query{}, nil, 0, errorf(CodeInvalid, "%s.type_strict: %q, want any, should or all", field, q.TypeStrict)
	}
	types, err := reconTypes(field+".type", q.Type)
	if err != nil {
		return match.Query{}, nil, 0, err
	}
	schema := commonType(types)
	ex := entityExample{Schema: schema, Properties: map[string][]string{}}
	if strings.TrimSpace(q.Query) != "" {
		ex.Properties["name"] = []string{q.Query}
	}
	for i, p := range q.Properties {
		at := field + ".properties[" + strconv.Itoa(i) + "]"
		// A pid is qualified, as property suggest gives it
		// ("Person:birthDate"), or not.
		name := p.PID[strings.LastIndex(p.PID, ":")+1:]
		if _, ok := propOn(name, schema); !ok {
			return match.Query{}, nil, 0, errorf(CodeInvalid, "%s.pid: %q is not a property of %s", at, p.PID, schema)
		}
		vs, err := reconValues(at+".v", p.V)
		if err != nil {
			return match.Query{}, nil, 0, err
		}
		ex.Properties[name] = append(ex.Properties[name], vs...)
	}
	if len(ex.Properties) == 0 {
		return match.Query{}, nil, 0, errorf(CodeInvalid, "%s.query: required (or properties)", field)
	}
	mq, _, err := s.queryOf(key, ex)
	return mq, types, limit, err
}

// reconTypes reads a query's type: an ID, an array of them, or none
// (Thing).
func reconTypes(field string, raw json.RawMessage) ([]string, error) {
	var types []string
	var one string
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return []string{"Thing"}, nil
	case json.Unmarshal(raw, &one) == nil:
		types = []string{one}
	case json.Unmarshal(raw, &types) != nil || len(types) == 0:
		return nil, errorf(CodeInvalid, "%s: want a type ID or an array of them", field)
	}
	for _, t := range types {
		if _, ok := reconSchemaNamed(t); !ok {
			return nil, errorf(CodeInvalid, "%s: unknown type %q (types are %s)", field, t, strings.Join(typeIDs(), ", "))
		}
	}
	return types, nil
}

func typeIDs() []string {
	ids := make([]string, len(reconSchemata))
	for i, s := range reconSchemata {
		ids[i] = s.name
	}
	return ids
}

// reconValues reads a property value: a string, a number, an {id, name}
// object (its name, else its ID) or an array of those.
func reconValues(field string, raw json.RawMessage) ([]string, error) {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		list = []json.RawMessage{raw}
	}
	var out []string
	for _, v := range list {
		var s string
		var n json.Number
		var ref struct{ ID, Name string }
		switch {
		case json.Unmarshal(v, &s) == nil:
		case json.Unmarshal(v, &n) == nil:
			s = n.String()
		case bytes.HasPrefix(bytes.TrimSpace(v), []byte("{")) && json.Unmarshal(v, &ref) == nil && ref.ID+ref.Name != "":
			s = cmp.Or(ref.Name, ref.ID)
		default:
			return nil, errorf(CodeInvalid, "%s: %s, want a string, a number, an {id, name} object or an array of them", field, clip(string(v), maxLogField))
		}
		out = append(out, s)
	}
	return out, nil
}

// suggestItem is an entity, type or property suggested. Entities carry
// their types as the spec's notable and as yente's type.
type suggestItem struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Description string      `json:"description,omitempty"`
	Notable     []reconType `json:"notable,omitempty"`
	Type        []reconType `json:"type,omitempty"`
}

// suggestResponse is yente's envelope of suggestions.
type suggestResponse struct {
	Code   string        `json:"code"`
	Status string        `json:"status"`
	Prefix string        `json:"prefix"`
	Result []suggestItem `json:"result"`
}

// suggestRequest reads a suggest request: the snapshot and the lists of
// its dataset (nil: all), and the prefix.
func (s *Server) suggestRequest(r *http.Request) (*screen.Snapshot, []string, string, error) {
	snap, scope, err := s.reconScope(r)
	if err != nil {
		return nil, nil, "", err
	}
	p := r.URL.Query().Get("prefix")
	if len(p) > maxPrefix {
		return nil, nil, "", errorf(CodeInvalid, "prefix: %d bytes, at most %d", len(p), maxPrefix)
	}
	return snap, scope, p, nil
}

func suggested(prefix string, items []suggestItem) suggestResponse {
	if items == nil {
		items = []suggestItem{}
	}
	return suggestResponse{Code: "/api/status/ok", Status: "200 OK", Prefix: prefix, Result: items}
}

// suggestEntity answers GET /reconcile/{dataset}/suggest/entity: the
// entities of the dataset with a name whose words start with the
// prefix's, in any order, those whose name starts with it first.
func (s *Server) suggestEntity(w http.ResponseWriter, r *http.Request) error {
	snap, scope, prefix, err := s.suggestRequest(r)
	if err != nil {
		return err
	}
	limit, err := intParam(r, "limit", defaultSuggestLimit, 1, maxSuggestLimit)
	if err != nil {
		return err
	}
	cursor, err := intParam(r, "cursor", 0, 0, maxSearchResults)
	if err != nil {
		return err
	}
	var words []string
	for _, t := range names.Analyze(prefix).Tokens {
		if t.Form != "" {
			words = append(words, t.Form)
		}
	}
	var items []suggestItem
	if len(words) > 0 {
		items = suggestEntities(snap, scope, words, cursor+limit)
	}
	items = items[min(cursor, len(items)):]
	describeSuggestions(snap, items)
	writeJSON(w, http.StatusOK, suggested(prefix, items))
	return nil
}

// suggestEntities returns the first most entities on the lists of scope
// that have a name of the words, best first. It reads only the names
// that hold a word the longest of the words starts, found in the index's
// vocabulary, compares their words by vocabulary id, and orders the
// names found before it looks up whose they are, for the first most
// only.
func suggestEntities(snap *screen.Snapshot, scope []string, words []string, most int) []suggestItem {
	key := 0
	for i, w := range words {
		if len(w) > len(words[key]) {
			key = i
		}
	}
	// starts[i] holds the vocabulary ids of the words words[i] starts.
	starts := make([]bitset, len(words))
	var vocab []uint32
	ix := snap.Index
	ix.EachWord(func(id uint32, t *names.Token) {
		for i, w := range words {
			if strings.HasPrefix(t.Form, w) {
				starts[i].add(id)
				if i == key {
					vocab = append(vocab, id)
				}
			}
		}
	})
	// A name found: first those that start with the first word, then
	// shorter ones, then in index order.
	type found struct {
		start  bool
		length int
		n      int32
		c      *match.Candidate
	}
	var all []found
	for _, v := range vocab {
		ix.EachNameWith(v, func(n int32, c *match.Candidate, lists []string, name int) bool {
			if inScope(scope, lists) {
				if ok, start := hasWords(c.Names[name].IDs, starts); ok {
					all = append(all, found{start, len(c.Names[name].Raw), n, c})
				}
			}
			return true
		})
	}
	slices.SortFunc(all, func(a, b found) int {
		switch {
		case a.start != b.start:
			if a.start {
				return -1
			}
			return 1
		case a.length != b.length:
			return a.length - b.length
		}
		return int(a.n - b.n)
	})
	subjects := snap.Subjects()
	var out []suggestItem
	seen := map[string]bool{}
	for _, f := range all {
		if len(out) == most {
			break
		}
		id := f.c.Entity.ID
		if subjects != nil {
			if sub, ok := subjects.Subject(id); ok && len(sub.Members) > 1 {
				id = sub.ID // suggested once, by its best name
			}
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, suggestItem{ID: id})
		}
	}
	return out
}

// bitset is a set of vocabulary ids.
type bitset []uint64

func (b *bitset) add(id uint32) {
	for int(id/64) >= len(*b) {
		*b = append(*b, 0)
	}
	(*b)[id/64] |= 1 << (id % 64)
}

func (b bitset) has(id uint32) bool { return int(id/64) < len(b) && b[id/64]&(1<<(id%64)) != 0 }

// hasWords reports whether a name of the words ids (vocabulary ids) has,
// for each i, a word of starts[i], each another word, and whether
// starts[0]'s is its first.
func hasWords(ids []uint32, starts []bitset) (ok, first bool) {
	if len(starts) > len(ids) {
		return false, false
	}
	var used uint64 // names have fewer than 64 words; longer ones are not suggested past them
	for wi, set := range starts {
		found := false
		for i := range min(len(ids), 64) {
			if used&(1<<i) == 0 && set.has(ids[i]) {
				used |= 1 << i
				found, first = true, first || wi == 0 && i == 0
				break
			}
		}
		if !found {
			return false, false
		}
	}
	return true, first
}

// describeSuggestions fills in the suggestions of entities their names and types.
func describeSuggestions(snap *screen.Snapshot, items []suggestItem) {
	subjects := snap.Subjects()
	for i := range items {
		it := &items[i]
		var caption, schema string
		if c, _, ok := snap.Index.Candidate(it.ID); ok {
			caption, schema = c.Entity.Caption(), string(c.Entity.Schema)
		} else if subjects != nil {
			if sub, ok := subjects.Subject(it.ID); ok { // a subject of several listings
				caption, schema = sub.Caption, string(sub.Schema)
			}
		}
		t, label := reconTypeOf(schema)
		it.Name, it.Description, it.Notable, it.Type = caption, label, []reconType{t}, []reconType{t}
	}
}

// suggestType answers GET /reconcile/{dataset}/suggest/type: the types
// of the dataset whose ID or label starts with the prefix.
func (s *Server) suggestType(w http.ResponseWriter, r *http.Request) error {
	snap, scope, prefix, err := s.suggestRequest(r)
	if err != nil {
		return err
	}
	var items []suggestItem
	for _, t := range typesIn(schemataIn(snap, scope)) {
		if len(items) < suggestListLimit && (prefixed(prefix, t.name, t.label) || prefixed(prefix, t.plural, "")) {
			items = append(items, suggestItem{ID: t.name, Name: t.plural, Description: t.description})
		}
	}
	writeJSON(w, http.StatusOK, suggested(prefix, items))
	return nil
}

// suggestProperty answers GET /reconcile/{dataset}/suggest/property: the
// properties of the dataset's types whose name or label starts with the
// prefix, qualified by their schema ("Person:birthDate"), as queries
// give them.
func (s *Server) suggestProperty(w http.ResponseWriter, r *http.Request) error {
	snap, scope, prefix, err := s.suggestRequest(r)
	if err != nil {
		return err
	}
	var items []suggestItem
	if prefix != "" {
		for _, t := range typesIn(schemataIn(snap, scope)) {
			for _, p := range reconProps {
				if p.schema == t.name && len(items) < suggestListLimit && prefixed(prefix, p.name, p.label) {
					items = append(items, suggestItem{ID: p.schema + ":" + p.name, Name: p.label, Description: t.label + ": " + p.label})
				}
			}
		}
	}
	writeJSON(w, http.StatusOK, suggested(prefix, items))
	return nil
}

// proposedProperties is the answer of property proposals.
type proposedProperties struct {
	Type       string      `json:"type"`
	Limit      int         `json:"limit"`
	Properties []reconMeta `json:"properties"`
}

// reconMeta is a property: its ID and label.
type reconMeta struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// proposeProperties answers GET /reconcile/{dataset}/extend/property:
// the properties of a type that a data extension can add, those FtM
// features first, cut to limit (0: all), by label.
func (s *Server) proposeProperties(w http.ResponseWriter, r *http.Request) error {
	if _, _, err := s.reconScope(r); err != nil {
		return err
	}
	limit, err := intParam(r, "limit", 0, 0, len(reconProps))
	if err != nil {
		return err
	}
	typ := cmp.Or(r.URL.Query().Get("type"), "Thing")
	schema, ok := reconSchemaNamed(typ)
	if !ok {
		return errorf(CodeInvalid, "type: unknown type %q (types are %s)", typ, strings.Join(typeIDs(), ", "))
	}
	props := propsOf(schema.name)
	rank := func(p reconProp) int {
		if i := slices.Index(schema.featured, p.name); i >= 0 {
			return i
		}
		return len(schema.featured)
	}
	slices.SortStableFunc(props, func(a, b reconProp) int { return rank(a) - rank(b) })
	if limit > 0 {
		props = props[:min(limit, len(props))]
	}
	out := proposedProperties{Type: schema.name, Limit: limit, Properties: make([]reconMeta, len(props))}
	for i, p := range props {
		out.Properties[i] = reconMeta{ID: p.name, Name: p.label}
	}
	slices.SortStableFunc(out.Properties, func(a, b reconMeta) int { return strings.Compare(a.Name, b.Name) })
	writeJSON(w, http.StatusOK, out)
	return nil
}

// reconEntity returns the entity of an ID as the yente routes render it:
// a subject of several listings as its merged entity, a listing as
// itself (even one of such a subject: OpenRefine asks for the IDs it
// was given, and a listing's are its own).
func (s *Server) reconEntity(snap *screen.Snapshot, hist map[string]seen, id string) (yenteEntity, bool) {
	if res := snap.Subjects(); res != nil {
		if sub, ok := res.Subject(id); ok && sub.ID == id && len(sub.Members) > 1 {
			return s.subjectEntity(snap, hist, sub, candidates(snap, sub)), true
		}
	}
	if c, lists, ok := snap.Index.Candidate(id); ok {
		return s.yenteEntityOf(snap, hist, c.Entity, lists), true
	}
	return yenteEntity{}, false
}

// rendered returns a property's values as people read them: countries
// by name.
func rendered(prop string, values []string) []string {
	p, ok := propOn(prop, "Thing")
	if !ok || !p.country {
		return values
	}
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = cmp.Or(countries.Name(v), v)
	}
	return out
}

// previewValues bounds the values a preview shows of one property.
const previewValues = 10

var previewPage = template.Must(template.New("preview").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>{{.Caption}}</title>
<style>body{font:13px/1.4 sans-serif;margin:8px;color:#222}h1{font-size:16px;margin:0}p{margin:2px 0 8px;color:#666}dt{color:#666;margin-top:4px}dd{margin:0}</style>
</head><body><h1>{{.Caption}}</h1><p>{{.Type}} · {{.ID}}</p><dl>
{{range .Rows}}<dt>{{.Label}}</dt><dd>{{range $i, $v := .Values}}{{if $i}}; {{end}}{{$v}}{{end}}</dd>
{{end}}</dl></body></html>
`))

type previewRow struct {
	Label  string
	Values []string
}

// reconPreview answers GET /reconcile/{dataset}/preview/{id}: a page
// about the entity, sized for OpenRefine's preview frame. Every value is
// the lists' text, escaped; the page loads nothing.
func (s *Server) reconPreview(w http.ResponseWriter, r *http.Request) error {
	snap, _, err := s.reconScope(r)
	if err != nil {
		return err
	}
	hist, err := s.seenOf(r.Context(), snap)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	e, ok := s.reconEntity(snap, hist, id)
	if !ok {
		return errorf(CodeNotFound, "no entity %q in the lists served", id)
	}
	_, label := reconTypeOf(e.Schema)
	page := struct {
		Caption, Type, ID string
		Rows              []previewRow
	}{Caption: e.Caption, Type: label, ID: e.ID}
	for _, p := range propsOf(e.Schema) {
		if vs := e.Properties[p.name]; len(vs) > 0 {
			page.Rows = append(page.Rows, previewRow{p.label, rendered(p.name, vs[:min(len(vs), previewValues)])})
		}
	}
	page.Rows = append(page.Rows, previewRow{"Lists", e.Datasets})
	var buf bytes.Buffer
	if err := previewPage.Execute(&buf, page); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	w.Write(buf.Bytes())
	return nil
}

// extendRequest is a data extension: properties of entities.
type extendRequest struct {
	IDs        []string         `json:"ids"`
	Properties []extendProperty `json:"properties"`
}

type extendProperty struct {
	ID       string                     `json:"id"`
	Settings map[string]json.RawMessage `json:"settings"`
}

type extendResponse struct {
	Meta []reconMeta                         `json:"meta"`
	Rows map[string]map[string][]extendValue `json:"rows"`
}

// extendValue is a value of a data extension: veto's are all text, as
// yente's.
type extendValue struct {
	Str string `json:"str"`
}

// extendSettings are a property's settings: the most values per entity
// (0: all), and whether to name countries.
type extendSettings struct {
	limit int
	raw   bool
}

// reconExtend answers a data extension (JSON): the properties asked of
// each entity, an unknown ID's row empty. IDs are looked up among all
// lists served, as yente does.
func (s *Server) reconExtend(w http.ResponseWriter, r *http.Request, snap *screen.Snapshot, raw []byte) error {
	var req extendRequest
	if err := decodeParam("extend", raw, &req); err != nil {
		return err
	}
	switch {
	case len(req.IDs) == 0:
		return errorf(CodeInvalid, "extend.ids: required, the IDs of the entities to extend")
	case len(req.IDs) > maxReconBatch:
		return errorf(CodeTooManyQueries, "extend.ids: %d, at most %d per request", len(req.IDs), maxReconBatch)
	case len(req.Properties) == 0:
		return errorf(CodeInvalid, "extend.properties: required, the properties to add")
	case len(req.Properties) > len(reconProps):
		return errorf(CodeInvalid, "extend.properties: %d, at most %d", len(req.Properties), len(reconProps))
	}
	resp := extendResponse{Meta: make([]reconMeta, len(req.Properties)), Rows: make(map[string]map[string][]extendValue, len(req.IDs))}
	settings := make([]extendSettings, len(req.Properties))
	props := make([]string, len(req.Properties))
	for i, p := range req.Properties {
		field := "extend.properties[" + strconv.Itoa(i) + "]"
		// An ID is a property's name, or qualified as in queries: the
		// answer names it as asked.
		prop, ok := propOn(p.ID[strings.LastIndex(p.ID, ":")+1:], "Thing")
		switch {
		case !ok:
			return errorf(CodeInvalid, "%s.id: unknown property %q; GET /reconcile/{dataset}/extend/property lists them", field, p.ID)
		case slices.ContainsFunc(resp.Meta[:i], func(m reconMeta) bool { return m.ID == p.ID }):
			return errorf(CodeInvalid, "%s.id: %q is asked for twice", field, p.ID)
		}
		resp.Meta[i], props[i] = reconMeta{ID: p.ID, Name: prop.label}, prop.name
		var err error
		if settings[i], err = extendSettingsOf(field+".settings", p.Settings); err != nil {
			return err
		}
	}
	hist, err := s.seenOf(r.Context(), snap)
	if err != nil {
		return err
	}
	for _, id := range req.IDs {
		row := map[string][]extendValue{}
		resp.Rows[id] = row
		e, ok := s.reconEntity(snap, hist, id)
		if !ok {
			continue
		}
		for i, m := range resp.Meta {
			vs := e.Properties[props[i]]
			if !settings[i].raw {
				vs = rendered(props[i], vs)
			}
			if n := settings[i].limit; n > 0 {
				vs = vs[:min(n, len(vs))]
			}
			out := make([]extendValue, len(vs))
			for j, v := range vs {
				out[j] = extendValue{v}
			}
			row[m.ID] = out
		}
	}
	w.Header().Set("X-Batch-Size", strconv.Itoa(len(req.IDs)))
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// extendSettingsOf reads a property's settings: limit a whole number
// (OpenRefine sends it as text), render caption or raw.
func extendSettingsOf(field string, set map[string]json.RawMessage) (extendSettings, error) {
	var out extendSettings
	for k, v := range set {
		var text string
		if json.Unmarshal(v, &text) != nil {
			text = string(v)
		}
		switch k {
		case "limit":
			n, err := strconv.Atoi(text)
			if err != nil || n < 0 {
				return out, errorf(CodeInvalid, "%s.limit: %s, want a whole number, 0 for all", field, clip(string(v), maxLogField))
			}
			out.limit = n
		case "render":
			switch text {
			case "caption":
			case "raw":
				out.raw = true
			default:
				return out, errorf(CodeInvalid, "%s.render: %s, want caption or raw", field, clip(string(v), maxLogField))
			}
		default:
			return out, errorf(CodeInvalid, "%s: unknown setting %q (settings are limit and render)", field, k)
		}
	}
	return out, nil
}
