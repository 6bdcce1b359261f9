package api

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

// yente's query parameters, each read here the way yente reads it, and
// each either applied or refused: a filter accepted and ignored would
// answer a restricted question with unrestricted results.

// yenteMaxLimit is the largest limit /match and /search take (yente's
// YENTE_MAX_MATCHES and its search maximum).
const yenteMaxLimit = 500

// boolParam reads a boolean as FastAPI does (true/false, 1/0, yes/no,
// on/off, any case); nil when absent.
func boolParam(qs url.Values, name string) (*bool, error) {
	v := qs.Get(name)
	if v == "" {
		return nil, nil
	}
	var b bool
	switch strings.ToLower(v) {
	case "true", "1", "yes", "on", "t", "y":
		b = true
	case "false", "0", "no", "off", "f", "n":
	default:
		return nil, invalidParam("bool_parsing", name, "Input should be a valid boolean, unable to interpret input", v)
	}
	return &b, nil
}

// limitParam reads yente's limit: at most 500 (else 422); below 0 is 0.
func limitParam(qs url.Values, def int) (int, error) {
	v := qs.Get("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	switch {
	case err != nil:
		return 0, invalidParam("int_parsing", "limit", "Input should be a valid integer, unable to parse string as an integer", v)
	case n > yenteMaxLimit:
		return 0, invalidParam("less_than_equal", "limit", "Input should be less than or equal to "+strconv.Itoa(yenteMaxLimit), v)
	}
	return max(n, 0), nil
}

// changedSincePattern is yente's: a date, optionally with an hour,
// minutes and seconds; no zone, no fraction.
var changedSincePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?$`)

// changedSince reads changed_since (zero when absent).
func changedSince(qs url.Values) (time.Time, error) {
	v := qs.Get("changed_since")
	if v == "" {
		return time.Time{}, nil
	}
	bad := invalidParam("string_pattern_mismatch", "changed_since", "String should match pattern '"+changedSincePattern.String()+"'", v)
	if !changedSincePattern.MatchString(v) {
		return time.Time{}, bad
	}
	layout := "2006-01-02T15:04:05"[:len(v)]
	t, err := time.Parse(layout, v)
	if err != nil {
		return time.Time{}, bad
	}
	return t, nil
}

// algorithm is veto's matcher's name; yenteAlgorithms are the names
// yente's clients send, each served by it (see /algorithms).
var yenteAlgorithms = []string{"best", "logic-v2", "logic-v1", "ofac", "name-based", "name-qualified", "regression-v1"}

// algorithmParam checks algorithm: veto's matcher by its name or any of
// yente's (case-insensitive); another name is yente's 400.
func algorithmParam(qs url.Values) error {
	v := strings.ToLower(qs.Get("algorithm"))
	if v == "" || v == yenteAlgorithm || slices.Contains(yenteAlgorithms, v) {
		return nil
	}
	return errorf(CodeInvalid, "Invalid algorithm: %s", qs.Get("algorithm"))
}

// yenteFilter is what a /match or /search request keeps of the entities
// its dataset scope holds.
type yenteFilter struct {
	// lists are the lists screened (nil: all); none is set when the
	// scope is empty (an include_dataset outside the path's dataset):
	// no results, as in yente.
	lists []string
	none  bool
	// and combines several values of one field (filter_op=AND), on
	// /search; /match always ORs.
	and           bool
	topics        []string
	countries     []string
	datasets      []string // lists, veto's names
	props         map[string][]string
	excludeSchema []string
	excludeIDs    []string
	target        *bool
	since         time.Time
	snap          *screen.Snapshot
	hist          map[string]seen
	lookup        func(id string) []string // the lists of an entity
}

// yenteFilters reads the filters /match and /search share against snap:
// the dataset scope, exclude_schema, topics and changed_since.
func (s *Server) yenteFilters(r *http.Request, snap *screen.Snapshot) (*yenteFilter, error) {
	qs := r.URL.Query()
	f := &yenteFilter{topics: qs["topics"], snap: snap, lookup: func(id string) []string { _, ls, _ := snap.Index.Candidate(id); return ls }}
	var err error
	if f.lists, f.none, err = s.datasetScope(snap, r.PathValue("dataset"), qs["include_dataset"], qs["exclude_dataset"]); err != nil {
		return nil, err
	}
	for _, sc := range qs["exclude_schema"] {
		if !slices.Contains(ftmSchemata, sc) {
			return nil, errorf(CodeInvalid, "exclude_schema: unknown schema %q", sc)
		}
		f.excludeSchema = append(f.excludeSchema, sc)
	}
	if f.since, err = changedSince(qs); err != nil {
		return nil, err
	}
	if !f.since.IsZero() {
		if f.hist, err = s.seenOf(r.Context(), snap); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// excludeEntities reads /match's exclude_entity_ids: as in yente, an ID
// excludes its whole subject, by the subject's ID or any listing's.
func excludeEntities(f *yenteFilter, r *http.Request, snap *screen.Snapshot) error {
	qs := r.URL.Query()
	if len(qs["exclude_entity_ids"]) > 50 {
		return invalidParam("too_long", "exclude_entity_ids", "List should have at most 50 items", len(qs["exclude_entity_ids"]))
	}
	f.excludeIDs = membersOf(snap.Subjects(), qs["exclude_entity_ids"])
	return nil
}

// searchFilters reads the filters of /search only: countries, datasets,
// filter, filter_op and target.
func searchFilters(f *yenteFilter, r *http.Request, snap *screen.Snapshot) error {
	qs := r.URL.Query()
	var err error
	switch op := qs.Get("filter_op"); op {
	case "", "OR":
	case "AND":
		f.and = true
	default:
		return invalidParam("enum", "filter_op", "Input should be 'OR' or 'AND'", op)
	}
	for _, c := range qs["countries"] {
		f.countries = append(f.countries, strings.ToLower(c))
	}
	for _, d := range qs["datasets"] {
		ls, err := datasetLists(d, snap.Lists())
		if err != nil {
			return errorf(CodeInvalid, "datasets: %v", err)
		}
		f.datasets = append(f.datasets, ls...)
	}
	if f.target, err = boolParam(qs, "target"); err != nil {
		return err
	}
	for _, fv := range qs["filter"] {
		field, value, ok := strings.Cut(fv, ":")
		if !ok {
			return errorf(CodeInvalid, "Invalid filter: %q", fv)
		}
		if err := filterable(field); err != nil {
			return err
		}
		if f.props == nil {
			f.props = map[string][]string{}
		}
		f.props[field] = append(f.props[field], strings.ToLower(value))
	}
	return nil
}

// active reports whether the filter drops anything beyond the lists.
func (f *yenteFilter) active() bool {
	return len(f.topics)+len(f.countries)+len(f.datasets)+len(f.props)+len(f.excludeSchema)+len(f.excludeIDs) > 0 || f.target != nil || !f.since.IsZero()
}

// exclude returns the screening's Exclude: nil when nothing is filtered.
func (f *yenteFilter) exclude() func(*entity.Entity) bool {
	if !f.active() {
		return nil
	}
	return func(e *entity.Entity) bool { return !f.keep(e, f.lookup(e.ID)) }
}

// keep reports whether an indexed entity, on lists, passes every filter.
func (f *yenteFilter) keep(e *entity.Entity, lists []string) bool {
	if !f.active() {
		return true
	}
	if slices.Contains(f.excludeSchema, string(e.Schema)) || slices.Contains(f.excludeIDs, e.ID) {
		return false
	}
	if len(f.topics) > 0 || f.target != nil {
		topics := topicsOf(lists, e.Programs, e.Topics)
		if len(f.topics) > 0 && !f.matches(topics, f.topics) {
			return false
		}
		if f.target != nil && isTarget(topics) != *f.target {
			return false
		}
	}
	if len(f.countries) > 0 && !f.matches(countriesOf(e), f.countries) {
		return false
	}
	if len(f.datasets) > 0 && !f.matches(lists, f.datasets) {
		return false
	}
	if !f.since.IsZero() {
		if _, _, changed := seenTimes(f.snap, f.hist, []string{e.ID}, lists); !changed.After(f.since) {
			return false
		}
	}
	if len(f.props) > 0 {
		for field, want := range f.props {
			if !f.matches(fieldValues(e, lists, field), want) {
				return false
			}
		}
	}
	return true
}

// matches reports whether have holds any of want (every one, with AND).
func (f *yenteFilter) matches(have, want []string) bool {
	for _, w := range want {
		if slices.Contains(have, w) != f.and {
			return !f.and
		}
	}
	return f.and
}

// countriesOf returns every country code of an indexed entity (its
// address countries are among its Countries there).
func countriesOf(e *entity.Entity) []string {
	out := slices.Concat(e.Nationalities, e.Citizenships, e.Countries)
	for _, id := range e.Identifiers {
		if id.Country != "" {
			out = append(out, id.Country)
		}
	}
	return out
}

// filterFields are the top-level fields filter= takes, besides
// properties.<prop> (filterProps).
var filterFields = []string{"countries", "topics", "datasets", "schema", "entity_id", "id", "identifiers"}

// filterProps are the properties the index keeps of each entity, which
// filter=properties.<prop>: can look at; the others (addresses, notes,
// ...) stay in the store, so a filter on them is refused rather than
// never met.
var filterProps = []string{"name", "alias", "weakAlias", "previousName", "firstName", "middleName", "lastName", "birthDate",
	"incorporationDate", "buildDate", "gender", "nationality", "citizenship", "country", "program", "listingDate",
	entity.IDPassport, entity.IDNational, entity.IDTax, entity.IDRegistration, entity.IDIMO, entity.IDMMSI, entity.IDCallSign,
	entity.IDSwiftBIC, entity.IDLEI, entity.IDINN, entity.IDOGRN, entity.IDISIN, entity.IDCrypto}

// filterable checks a filter= field.
func filterable(field string) error {
	if p, ok := strings.CutPrefix(field, "properties."); ok {
		if slices.Contains(filterProps, p) {
			return nil
		}
		return errorf(CodeInvalid, "Invalid filter: veto's index cannot filter on %s (it can on properties.%s)", field, strings.Join(filterProps, ", properties."))
	}
	if slices.Contains(filterFields, field) {
		return nil
	}
	return errorf(CodeInvalid, "Invalid filter: unknown field %q (want one of %s, or properties.<property>)", field, strings.Join(filterFields, ", "))
}

// fieldValues returns an indexed entity's values of a filter field, in
// lower case as yente's index folds them.
func fieldValues(e *entity.Entity, lists []string, field string) []string {
	var vs []string
	switch field {
	case "countries":
		vs = countriesOf(e)
	case "topics":
		vs = topicsOf(lists, e.Programs, e.Topics)
	case "datasets":
		vs = slices.Concat(lists, datasetNames(lists))
	case "schema":
		return []string{strings.ToLower(string(e.Schema))}
	case "entity_id", "id":
		vs = []string{e.ID}
	case "identifiers":
		for _, id := range e.Identifiers {
			vs = append(vs, id.Value)
		}
	default:
		vs = e.FtM().Properties[strings.TrimPrefix(field, "properties.")]
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = strings.ToLower(v)
	}
	return out
}
