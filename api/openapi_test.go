package api

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/textscan"
)

// The OpenAPI tests check openapi.json against the code so that the two
// cannot drift: the routes and the roles they need (routes.go), the
// parameters, request bodies and statuses of each handler (read from the
// handlers' source), and the JSON fields of every body (by reflection on
// the Go types that are marshalled).

// oaObject is a JSON object of the document.
type oaObject = map[string]any

func loadOpenAPI(t *testing.T) oaObject {
	t.Helper()
	var doc oaObject
	if err := json.Unmarshal(openapiDoc, &doc); err != nil {
		t.Fatalf("openapi.json is not valid JSON: %v", err)
	}
	return doc
}

// object returns v as a JSON object, or nil.
func object(v any) oaObject {
	o, _ := v.(oaObject)
	return o
}

// lookup follows a local JSON pointer such as "#/components/schemas/Hit".
func lookup(doc oaObject, ptr string) (oaObject, bool) {
	rest, ok := strings.CutPrefix(ptr, "#/")
	if !ok {
		return nil, false
	}
	var cur any = doc
	for _, tok := range strings.Split(rest, "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		o, ok := cur.(oaObject)
		if !ok {
			return nil, false
		}
		if cur, ok = o[tok]; !ok {
			return nil, false
		}
	}
	o, ok := cur.(oaObject)
	return o, ok
}

// deref follows $ref until it reaches an object that is not a reference.
func deref(t *testing.T, doc, o oaObject) oaObject {
	t.Helper()
	for range 10 {
		ref, ok := o["$ref"].(string)
		if !ok {
			return o
		}
		target, ok := lookup(doc, ref)
		if !ok {
			t.Fatalf("$ref %q does not resolve", ref)
		}
		o = target
	}
	t.Fatalf("$ref loop at %v", o)
	return nil
}

// operations returns the document's operations by "METHOD /path".
func operations(doc oaObject) map[string]oaObject {
	ops := map[string]oaObject{}
	for path, item := range object(doc["paths"]) {
		for method, op := range object(item) {
			switch method {
			case "get", "put", "post", "delete", "options", "head", "patch", "trace":
				ops[strings.ToUpper(method)+" "+path] = object(op)
			}
		}
	}
	return ops
}

// parameters returns an operation's parameters of one kind ("path",
// "query") by name, its path item's included.
func parameters(t *testing.T, doc oaObject, path string, op oaObject, in string) map[string]oaObject {
	t.Helper()
	out := map[string]oaObject{}
	item := object(object(doc["paths"])[path])
	for _, list := range []any{item["parameters"], op["parameters"]} {
		ps, _ := list.([]any)
		for _, p := range ps {
			p := deref(t, doc, object(p))
			if p["in"] == in {
				out[p["name"].(string)] = p
			}
		}
	}
	return out
}

func TestOpenAPIDocument(t *testing.T) {
	doc := loadOpenAPI(t)
	if doc["openapi"] != "3.1.0" {
		t.Errorf("openapi: %v, want 3.1.0", doc["openapi"])
	}
	info := object(doc["info"])
	if info["title"] != "veto" || info["version"] == "" || info["version"] == nil {
		t.Errorf("info: title %v, version %v", info["title"], info["version"])
	}
	desc, _ := info["description"].(string)
	for _, want := range []string{"Authorization: Bearer veto_", "X-API-Key", "Veto-Data", `{"error": {"code"`, "screen", "analyst", "admin"} {
		if !strings.Contains(desc, want) {
			t.Errorf("info.description does not mention %q", want)
		}
	}
	if servers, _ := doc["servers"].([]any); len(servers) == 0 || object(servers[0])["url"] != "http://127.0.0.1:8080" {
		t.Errorf("servers: %v", doc["servers"])
	}
	schemes := object(object(doc["components"])["securitySchemes"])
	for name, want := range map[string]oaObject{
		"bearer":       {"type": "http", "scheme": "bearer"},
		"apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
	} {
		got := object(schemes[name])
		for k, v := range want {
			if got[k] != v {
				t.Errorf("securitySchemes.%s.%s: %v, want %v", name, k, got[k], v)
			}
		}
	}
	if _, ok := doc["security"]; ok {
		t.Errorf("the document has a top-level security: each operation says its own")
	}
}

// patternParams are the wildcard names of a net/http pattern.
var patternParams = regexp.MustCompile(`\{([^}.]+)(?:\.\.\.)?\}`)

func TestOpenAPIRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	ops := operations(doc)
	routes := (&Server{}).routes()
	ids := map[string]string{}
	for _, rt := range routes {
		key := rt.method + " " + rt.pattern
		t.Run(key, func(t *testing.T) {
			op, ok := ops[key]
			if !ok {
				t.Fatalf("the route is not in openapi.json")
			}
			for _, f := range []string{"operationId", "summary", "description"} {
				if s, _ := op[f].(string); s == "" {
					t.Errorf("no %s", f)
				}
			}
			if id, _ := op["operationId"].(string); ids[id] != "" {
				t.Errorf("operationId %q is also %s's", id, ids[id])
			} else {
				ids[id] = key
			}

			// The role, and the security that goes with it.
			role, hasRole := op["x-veto-role"]
			sec, hasSec := op["security"].([]any)
			switch {
			case !hasSec:
				t.Errorf("no security: want [] for an open route, the key schemes otherwise")
			case rt.role == "":
				if hasRole || len(sec) != 0 {
					t.Errorf("an open route: x-veto-role %v and security %v, want none and []", role, sec)
				}
			default:
				if role != rt.role {
					t.Errorf("x-veto-role %v, want %q", role, rt.role)
				}
				var schemes []string
				for _, req := range sec {
					schemes = slices.AppendSeq(schemes, maps.Keys(object(req)))
				}
				slices.Sort(schemes)
				want := []string{"apiKeyHeader", "bearer"}
				if slices.ContainsFunc(yentePrefixes, func(p string) bool { return strings.HasPrefix(rt.pattern, p) }) {
					want = []string{"apiKeyHeader", "apiKeyQuery", "bearer"} // OpenSanctions' clients' ?api_key=
				}
				if !slices.Equal(schemes, want) {
					t.Errorf("security %v, want bearer or apiKeyHeader", sec)
				}
			}

			// Path parameters.
			var want []string
			for _, m := range patternParams.FindAllStringSubmatch(rt.pattern, -1) {
				want = append(want, m[1])
			}
			params := parameters(t, doc, rt.pattern, op, "path")
			got := slices.Sorted(maps.Keys(params))
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("path parameters %v, want %v", got, want)
			}
			for name, p := range params {
				if p["required"] != true {
					t.Errorf("path parameter %s is not required", name)
				}
			}

			// Responses: a success, and errors in the Error body (yente's
			// on its routes).
			errSchema := "#/components/schemas/Error"
			if slices.ContainsFunc(yentePrefixes, func(p string) bool { return strings.HasPrefix(rt.pattern, p) }) {
				errSchema = "#/components/schemas/YenteError"
			}
			checkResponses(t, doc, op, errSchema)
		})
	}
	for key := range ops {
		if !slices.ContainsFunc(routes, func(rt route) bool { return rt.method+" "+rt.pattern == key }) {
			t.Errorf("openapi.json has %s, which routes.go does not", key)
		}
	}
}

// checkResponses checks that an operation has a 2xx response, that every
// response says Veto-Data, and that errors have the error body errSchema.
func checkResponses(t *testing.T, doc, op oaObject, errSchema string) {
	t.Helper()
	responses := object(op["responses"])
	success := false
	for code, r := range responses {
		status, err := strconv.Atoi(code)
		if err != nil {
			t.Errorf("response %q: want a status code", code)
			continue
		}
		r := deref(t, doc, object(r))
		if d, _ := r["description"].(string); d == "" {
			t.Errorf("response %d has no description", status)
		}
		if h := object(object(r["headers"])["Veto-Data"]); h["$ref"] != "#/components/headers/VetoData" {
			t.Errorf("response %d does not declare the Veto-Data header", status)
		}
		content := object(r["content"])
		if status == 204 || status == 304 {
			if len(content) != 0 {
				t.Errorf("response 204 has content")
			}
			success = true
			continue
		}
		if len(content) == 0 {
			t.Errorf("response %d has no content", status)
		}
		switch {
		case status >= 200 && status < 300:
			success = true
		case status >= 400:
			schema := object(object(content["application/json"])["schema"])
			if !refersTo(t, doc, schema, errSchema) {
				t.Errorf("response %d: schema %v, want %s", status, schema, errSchema)
			}
		}
	}
	if !success {
		t.Errorf("no 2xx response")
	}
}

// refersTo reports whether a schema is the one at ref, directly or as one
// of its allOf.
func refersTo(t *testing.T, doc, schema oaObject, ref string) bool {
	if schema["$ref"] == ref {
		return true
	}
	if r, ok := schema["$ref"].(string); ok {
		return refersTo(t, doc, deref(t, doc, oaObject{"$ref": r}), ref)
	}
	all, _ := schema["allOf"].([]any)
	return slices.ContainsFunc(all, func(s any) bool { return refersTo(t, doc, object(s), ref) })
}

func TestOpenAPIRefs(t *testing.T) {
	doc := loadOpenAPI(t)
	n := 0
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case oaObject:
			if ref, ok := v["$ref"].(string); ok {
				n++
				if _, ok := lookup(doc, ref); !ok {
					t.Errorf("%s: $ref %q does not resolve", path, ref)
				}
			}
			for k, x := range v {
				walk(path+"/"+k, x)
			}
		case []any:
			for i, x := range v {
				walk(path+"/"+strconv.Itoa(i), x)
			}
		}
	}
	walk("#", doc)
	if n == 0 {
		t.Errorf("no $ref in the document")
	}
}

// jsonFields returns the names of the JSON object fields encoding/json
// writes for a struct type: json tag names (the Go name without one),
// anonymous embedded structs inlined, "-" and unexported fields skipped.
func jsonFields(t reflect.Type) []string {
	var names []string
	for _, f := range jsonFieldsOf(t) {
		names = append(names, f.name)
	}
	return names
}

// alwaysPresent returns the JSON fields that are written even when zero:
// those without omitempty or omitzero.
func alwaysPresent(t reflect.Type) []string {
	var names []string
	for _, f := range jsonFieldsOf(t) {
		if !f.omit {
			names = append(names, f.name)
		}
	}
	return names
}

type jsonField struct {
	name string
	omit bool
}

func jsonFieldsOf(t reflect.Type) []jsonField {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []jsonField
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if f.Anonymous && name == "" && ft.Kind() == reflect.Struct {
			out = append(out, jsonFieldsOf(ft)...)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		omit := false
		for _, o := range strings.Split(opts, ",") {
			omit = omit || o == "omitempty" || o == "omitzero"
		}
		out = append(out, jsonField{name, omit})
	}
	return out
}

// schemaFields returns the properties of a schema and those it requires,
// through $ref and allOf.
func schemaFields(t *testing.T, doc, schema oaObject) (props, required []string) {
	t.Helper()
	schema = deref(t, doc, schema)
	props = slices.Collect(maps.Keys(object(schema["properties"])))
	req, _ := schema["required"].([]any)
	for _, r := range req {
		required = append(required, r.(string))
	}
	all, _ := schema["allOf"].([]any)
	for _, s := range all {
		p, r := schemaFields(t, doc, object(s))
		props, required = append(props, p...), append(required, r...)
	}
	return props, required
}

type schemaType struct {
	schema  string
	typ     reflect.Type
	request bool
	omit    []string
}

// schemaTypes maps the Go types marshalled as JSON bodies to their
// schemas. For a response, the schema requires exactly the fields that
// are always written; for a request (request: true), it may require
// fewer. omit lists fields the schema leaves out on purpose.
var schemaTypes = []schemaType{
	// Native API.
	{"ScreenRequest", reflect.TypeFor[screenRequest](), true, nil},
	{"Query", reflect.TypeFor[match.Query](), true, nil},
	// A request may not change the token weights: they are fixed when the
	// index is built.
	{"ConfigOverride", reflect.TypeFor[match.Config](), true, buildTimeFields},
	{"ScreenResponse", reflect.TypeFor[screenResponse](), false, nil},
	{"BatchResponse", reflect.TypeFor[batchResponse](), false, nil},
	{"ScreenedAgainst", reflect.TypeFor[screenedAgainst](), false, nil},
	{"InputWarning", reflect.TypeFor[inputWarning](), false, nil},
	{"VersionRef", reflect.TypeFor[entity.VersionRef](), false, nil},
	{"ScreenResult", reflect.TypeFor[screen.Result](), false, nil},
	{"Hit", reflect.TypeFor[screen.Hit](), false, nil},
	{"Explanation", reflect.TypeFor[match.Explanation](), false, nil},
	{"TokenMatch", reflect.TypeFor[match.TokenMatch](), false, nil},
	{"TokenCost", reflect.TypeFor[match.TokenCost](), false, nil},
	{"Contradiction", reflect.TypeFor[match.Contradiction](), false, nil},
	{"Feature", reflect.TypeFor[match.Feature](), false, nil},
	{"CompareRequest", reflect.TypeFor[compareRequest](), true, nil},
	{"CompareResult", reflect.TypeFor[match.Result](), false, nil},
	{"SearchPage", reflect.TypeFor[searchPage](), false, nil},
	{"EntityResponse", reflect.TypeFor[entityResponse](), false, nil},
	{"Entity", reflect.TypeFor[entity.Entity](), false, nil},
	{"Name", reflect.TypeFor[entity.Name](), false, nil},
	{"Identifier", reflect.TypeFor[entity.Identifier](), false, nil},
	{"Address", reflect.TypeFor[entity.Address](), false, nil},
	{"Relation", reflect.TypeFor[entity.Relation](), false, nil},
	{"Raw", reflect.TypeFor[entity.Raw](), false, nil},
	{"FtMEntity", reflect.TypeFor[entity.FtMEntity](), false, nil},
	{"PropertyChange", reflect.TypeFor[entity.PropertyChange](), false, nil},
	{"EntityVersion", reflect.TypeFor[store.EntityVersion](), false, nil},
	{"ListVersion", reflect.TypeFor[entity.ListVersion](), false, nil},
	{"Warning", reflect.TypeFor[entity.Warning](), false, nil},
	{"Diff", reflect.TypeFor[entity.Diff](), false, nil},
	{"EntityChange", reflect.TypeFor[entity.EntityChange](), false, nil},
	{"Status", reflect.TypeFor[screen.Status](), false, nil},
	// Monitoring.
	{"Customer", reflect.TypeFor[entity.Customer](), false, nil},
	{"CustomersResponse", reflect.TypeFor[customersResponse](), false, nil},
	{"CustomerPage", reflect.TypeFor[customerPage](), false, nil},
	{"Alert", reflect.TypeFor[entity.Alert](), false, nil},
	{"AlertPage", reflect.TypeFor[alertPage](), false, nil},
	{"MonitorRun", reflect.TypeFor[entity.MonitorRun](), false, nil},
	{"MonitorReport", reflect.TypeFor[monitor.Report](), false, nil},
	// Free text.
	{"TextRequest", reflect.TypeFor[textRequest](), true, nil},
	{"TextResult", reflect.TypeFor[textResponse](), false, []string{"data", "threshold", "scope", "versions", "asOf", "absent"}}, // in ScreenedAgainst (TextResponse is their allOf)
	{"TextFinding", reflect.TypeFor[textFinding](), false, nil},
	{"SubjectRef", reflect.TypeFor[screen.SubjectRef](), false, nil},
	{"MatchedListing", reflect.TypeFor[screen.Listing](), false, nil},
	{"TextEntity", reflect.TypeFor[textscan.Entity](), false, nil},
	{"TextPlace", reflect.TypeFor[textscan.Place](), false, nil},
	// Batch jobs.
	{"Job", reflect.TypeFor[Job](), false, nil},
	{"JobLinks", reflect.TypeFor[JobLinks](), false, nil},
	{"JobList", reflect.TypeFor[jobList](), false, nil},
	// yente-compatible API.
	{"MatchRequest", reflect.TypeFor[rawMatchRequest](), true, nil},
	{"EntityExample", reflect.TypeFor[entityExample](), true, nil},
	{"MatchResponse", reflect.TypeFor[matchResponse](), false, nil},
	{"MatchResponseItem", reflect.TypeFor[matchResponseItem](), false, nil},
	{"MatcherInfo", reflect.TypeFor[matcherInfo](), false, nil},
	{"YenteTotal", reflect.TypeFor[total](), false, nil},
	{"ScoredEntity", reflect.TypeFor[scoredEntity](), false, nil},
	{"FeatureResult", reflect.TypeFor[ftResult](), false, nil},
	{"YenteEntity", reflect.TypeFor[yenteEntity](), false, nil},
	{"YenteNestedEntity", reflect.TypeFor[nestedEntity](), false, nil},
	{"AdjacentResults", reflect.TypeFor[adjacentResults](), false, nil},
	{"AdjacentResponse", reflect.TypeFor[adjacentResponse](), false, nil},
	{"YenteSearchResponse", reflect.TypeFor[yenteSearchResponse](), false, nil},
	{"CatalogResponse", reflect.TypeFor[catalogResponse](), false, nil},
	{"CatalogDataset", reflect.TypeFor[catalogDataset](), false, nil},
	{"Facet", reflect.TypeFor[facet](), false, nil},
	{"FacetValue", reflect.TypeFor[facetValue](), false, nil},
	{"AlgorithmInfo", reflect.TypeFor[algorithmInfo](), false, nil},
	{"AlgorithmDocs", reflect.TypeFor[algorithmDocs](), false, nil},
	{"AlgorithmFeature", reflect.TypeFor[algorithmFeature](), false, nil},
	{"YenteValidationError", reflect.TypeFor[validationError](), false, nil},
	// Operations and errors.
	{"Health", reflect.TypeFor[health](), false, nil},
	{"Readiness", reflect.TypeFor[readiness](), false, nil},
	{"Error", reflect.TypeFor[errorBody](), false, nil},
	{"ErrorDetail", reflect.TypeFor[errorDetail](), false, nil},
}

// schemasWithoutType are the schemas no named Go type stands for.
var schemasWithoutType = map[string]string{
	"Data":               "screen.Data, a string",
	"YenteError":         "yenteError's map: detail, a string or validation errors",
	"AlgorithmsResponse": "the map of (*Server).algorithms",
	"Regime":             "a string",
	"ListKind":           "a string, one of entity.Kinds",
	"Schema":             "entity.Schema, a string",
	"ListsResponse":      "the anonymous struct of (*Server).lists",
	"RefreshRunning":     "the anonymous struct of (*Server).refresh's 202",
	"RefreshFailure":     "the anonymous struct of (*Server).refresh's 502",
	"CustomersRequest":   "customersRequest, which embeds entity.Customer: an allOf",
	"CustomerResponse":   "customerResponse, which embeds entity.Customer: an allOf",
	"TextResponse":       "textResponse and screenedAgainst: an allOf",
	"ListVersionStatus":  "listVersionStatus, which embeds entity.ListVersion: an allOf",
	"InputWarnings":      "the warnings field of screenResponse and batchResponse, a part of their allOf",
}

func TestOpenAPISchemas(t *testing.T) {
	doc := loadOpenAPI(t)
	schemas := object(object(doc["components"])["schemas"])
	for _, tc := range schemaTypes {
		t.Run(tc.schema, func(t *testing.T) {
			if _, ok := schemas[tc.schema]; !ok {
				t.Fatalf("no components.schemas.%s for %v", tc.schema, tc.typ)
			}
			props, required := schemaFields(t, doc, oaObject{"$ref": "#/components/schemas/" + tc.schema})
			fields := slices.DeleteFunc(jsonFields(tc.typ), func(f string) bool { return slices.Contains(tc.omit, f) })
			if dup := duplicates(fields); len(dup) > 0 {
				t.Errorf("%v has ambiguous JSON fields %v", tc.typ, dup)
			}
			if dup := duplicates(props); len(dup) > 0 {
				t.Errorf("the schema declares %v more than once", dup)
			}
			if missing, extra := diff(fields, props); len(missing)+len(extra) > 0 {
				t.Errorf("properties differ from %v's JSON fields: missing %v, extra %v", tc.typ, missing, extra)
			}
			if !tc.request {
				always := slices.DeleteFunc(alwaysPresent(tc.typ), func(f string) bool { return slices.Contains(tc.omit, f) })
				if missing, extra := diff(always, required); len(missing)+len(extra) > 0 {
					t.Errorf("required differs from %v's fields written even when zero: missing %v, extra %v", tc.typ, missing, extra)
				}
			} else if _, extra := diff(fields, required); len(extra) > 0 {
				t.Errorf("requires %v, which are not fields of %v", extra, tc.typ)
			}
		})
	}
	for name := range schemas {
		mapped := slices.ContainsFunc(schemaTypes, func(tc schemaType) bool { return tc.schema == name })
		if !mapped && schemasWithoutType[name] == "" {
			t.Errorf("components.schemas.%s: map it to its Go type in schemaTypes, or say why it has none in schemasWithoutType", name)
		}
	}
}

// diff returns what want has that got lacks, and what got has beyond
// want.
func diff(want, got []string) (missing, extra []string) {
	for _, w := range want {
		if !slices.Contains(got, w) {
			missing = append(missing, w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			extra = append(extra, g)
		}
	}
	return missing, extra
}

func duplicates(names []string) []string {
	var dup []string
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] && !slices.Contains(dup, n) {
			dup = append(dup, n)
		}
		seen[n] = true
	}
	return dup
}

// handlerFacts is what a handler's source shows, with the functions of
// the package it calls: the query and path parameters it reads, whether
// it decodes a JSON body, and the statuses it can answer.
type handlerFacts struct {
	query, path []string
	body        bool // decodes a JSON body
	rawBody     bool // reads r.Body itself (an upload, plain text)
	statuses    []int
}

// httpStatuses are the net/http constants the handlers answer with.
var httpStatuses = map[string]int{
	"StatusOK": 200, "StatusCreated": 201, "StatusNotModified": 304, "StatusAccepted": 202, "StatusNoContent": 204,
	"StatusBadRequest": 400, "StatusNotFound": 404, "StatusConflict": 409,
	"StatusInternalServerError": 500, "StatusBadGateway": 502, "StatusServiceUnavailable": 503,
}

// pkgSource is the parsed source of package api: functions by name
// ("(*Server).screen" for methods) and string constants by name.
type pkgSource struct {
	funcs  map[string]*ast.FuncDecl
	consts map[string]string
}

func parsePackage(t *testing.T) pkgSource {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	src := pkgSource{funcs: map[string]*ast.FuncDecl{}, consts: map[string]string{}}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, b, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				src.funcs[funcKey(d)] = d
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok || d.Tok != token.CONST {
						continue
					}
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
								src.consts[n.Name], _ = strconv.Unquote(lit.Value)
							}
						}
					}
				}
			}
		}
	}
	return src
}

// funcKey names a function as runtime.FuncForPC does, less the package:
// "errorf", "(*Server).screen".
func funcKey(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	switch rt := d.Recv.List[0].Type.(type) {
	case *ast.StarExpr:
		return "(*" + rt.X.(*ast.Ident).Name + ")." + d.Name.Name
	case *ast.Ident:
		return rt.Name + "." + d.Name.Name
	}
	return d.Name.Name
}

// facts reads what the function named key, and the package functions and
// Server methods it calls, do.
func (src pkgSource) facts(t *testing.T, key string) handlerFacts {
	t.Helper()
	var f handlerFacts
	add := func(list *[]string, v string) {
		if !slices.Contains(*list, v) {
			*list = append(*list, v)
		}
	}
	addStatus := func(s int) {
		if !slices.Contains(f.statuses, s) {
			f.statuses = append(f.statuses, s)
		}
	}
	code := func(e ast.Expr) { // an error code constant; variables are passed on
		id, ok := e.(*ast.Ident)
		if !ok || src.consts[id.Name] == "" {
			return
		}
		if s := statusOf[src.consts[id.Name]]; s != 0 {
			addStatus(s)
		} else {
			t.Errorf("%s: errorf with %s, which has no status in statusOf", key, id.Name)
		}
	}
	lit := func(e ast.Expr) (string, bool) {
		l, ok := e.(*ast.BasicLit)
		if !ok || l.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(l.Value)
		return s, err == nil
	}
	isQuery := func(e ast.Expr, vars []string) bool { // r.URL.Query(), a variable set to it, or qs (the yente helpers' url.Values)
		if id, ok := e.(*ast.Ident); ok {
			return id.Name == "qs" || slices.Contains(vars, id.Name)
		}
		c, ok := e.(*ast.CallExpr)
		if !ok {
			return false
		}
		sel, ok := c.Fun.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Query"
	}
	seen := map[string]bool{}
	var visit func(key string)
	visit = func(key string) {
		d := src.funcs[key]
		if d == nil || seen[key] || d.Body == nil {
			return
		}
		seen[key] = true
		// The receiver's name, and the prefix of its methods' keys.
		recv, methods := "", strings.TrimSuffix(funcKey(d), d.Name.Name)
		if d.Recv != nil && len(d.Recv.List[0].Names) > 0 {
			recv = d.Recv.List[0].Names[0].Name
		}
		var queryVars []string
		ast.Inspect(d.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					break
				}
				for i, rhs := range n.Rhs {
					if id, ok := n.Lhs[i].(*ast.Ident); ok && isQuery(rhs, nil) {
						queryVars = append(queryVars, id.Name)
					}
				}
			case *ast.IndexExpr:
				if name, ok := lit(n.Index); ok && isQuery(n.X, queryVars) {
					add(&f.query, name)
				}
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "r" && n.Sel.Name == "Body" {
					f.rawBody = true
				}
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "screen" && n.Sel.Name == "ErrNotReady" {
					addStatus(statusOf[CodeNotReady])
				}
				// Screening is paced: past its allowance, a search may
				// give up busy (screen.ErrOverloaded).
				if (n.Sel.Name == "Screen" || n.Sel.Name == "Batch") && isScreener(n.X) {
					addStatus(statusOf[CodeBusy])
				}
			case *ast.CompositeLit: // &Error{Code: CodeX, ...}
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "Error" {
					for _, e := range n.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Code" {
								code(kv.Value)
							}
						}
					}
				}
			case *ast.CallExpr:
				switch fun := n.Fun.(type) {
				case *ast.Ident:
					switch fun.Name {
					case "errorf":
						code(n.Args[0])
					case "writeJSON":
						if sel, ok := n.Args[1].(*ast.SelectorExpr); ok {
							if s := httpStatuses[sel.Sel.Name]; s != 0 {
								addStatus(s)
							} else {
								t.Errorf("%s: writeJSON with http.%s: add it to httpStatuses", key, sel.Sel.Name)
							}
						}
					case "knownParams":
						for _, a := range n.Args[1:] {
							if name, ok := lit(a); ok {
								add(&f.query, name)
							}
						}
					case "intParam", "floatParam", "boolParam":
						if name, ok := lit(n.Args[1]); ok {
							add(&f.query, name)
						}
					case "limitParam":
						add(&f.query, "limit")
					case "invalidParam", "invalidBody": // yente's validation errors
						addStatus(422)
					case "decodeBody":
						f.body = true
					}
					visit(fun.Name)
				case *ast.SelectorExpr:
					if len(n.Args) == 1 {
						if name, ok := lit(n.Args[0]); ok {
							switch {
							case fun.Sel.Name == "Get" && isQuery(fun.X, queryVars):
								add(&f.query, name)
							case fun.Sel.Name == "PathValue":
								add(&f.path, name)
							}
						}
					}
					if fun.Sel.Name == "WriteHeader" && len(n.Args) == 1 {
						if sel, ok := n.Args[0].(*ast.SelectorExpr); ok {
							if s := httpStatuses[sel.Sel.Name]; s != 0 {
								addStatus(s)
							} else {
								t.Errorf("%s: WriteHeader with http.%s: add it to httpStatuses", key, sel.Sel.Name)
							}
						}
					}
					if x, ok := fun.X.(*ast.Ident); ok && recv != "" && x.Name == recv {
						visit(methods + fun.Sel.Name)
					}
				}
			}
			return true
		})
	}
	if src.funcs[key] == nil {
		t.Fatalf("no function %s in the package's source", key)
	}
	visit(key)
	slices.Sort(f.query)
	slices.Sort(f.path)
	slices.Sort(f.statuses)
	return f
}

// isScreener reports whether e is the server's screener (s.screener), one
// bound to a snapshot (s.screener.On(snap)), or a variable named screener.
func isScreener(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name == "screener"
	case *ast.SelectorExpr:
		return e.Sel.Name == "screener"
	case *ast.CallExpr:
		sel, ok := e.Fun.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "On" && isScreener(sel.X)
	}
	return false
}

// handlerName returns the name of a route's handler: "(*Server).screen".
func handlerName(t *testing.T, rt route) string {
	t.Helper()
	fn := runtime.FuncForPC(reflect.ValueOf(rt.handle).Pointer())
	if fn == nil {
		t.Fatalf("cannot name the handler of %s %s", rt.method, rt.pattern)
	}
	name := fn.Name()
	name = name[strings.LastIndex(name, "/")+1:] // api.(*Server).screen
	_, name, _ = strings.Cut(name, ".")
	return name
}

// TestOpenAPIHandlers checks each operation against its handler's
// source, following the package's functions and the Server methods it
// calls: the query and path parameters it reads (knownParams, intParam,
// floatParam, r.URL.Query(), r.PathValue), whether it decodes a JSON body,
// and the statuses it can answer (errorf's codes through statusOf,
// screen.ErrNotReady, writeJSON's statuses), with 401 and 403 from its
// role. 500 may be listed anywhere; 405 comes from dispatch, not from an
// operation, and is described in info.description.
func TestOpenAPIHandlers(t *testing.T) {
	doc := loadOpenAPI(t)
	ops := operations(doc)
	src := parsePackage(t)
	for _, rt := range (&Server{}).routes() {
		key := rt.method + " " + rt.pattern
		t.Run(key, func(t *testing.T) {
			op := ops[key]
			if op == nil {
				t.Skip("not in openapi.json (TestOpenAPIRoutes says so)")
			}
			f := src.facts(t, handlerName(t, rt))

			// Query parameters: those the handler reads, less those the
			// document marks as accepted and ignored.
			var query []string
			for name, p := range parameters(t, doc, rt.pattern, op, "query") {
				if p["x-veto-ignored"] != true {
					query = append(query, name)
				}
			}
			if missing, extra := diff(f.query, query); len(missing)+len(extra) > 0 {
				t.Errorf("query parameters: the handler reads %v; undocumented %v, documented but not read %v", f.query, missing, extra)
			}
			if missing, extra := diff(f.path, slices.Collect(maps.Keys(parameters(t, doc, rt.pattern, op, "path")))); len(missing)+len(extra) > 0 {
				t.Errorf("path parameters: the handler reads %v; undocumented %v, documented but not read %v", f.path, missing, extra)
			}

			// The request body.
			body := object(op["requestBody"])
			switch {
			case f.body && (body["required"] != true || object(body["content"])["application/json"] == nil):
				t.Errorf("the handler decodes a JSON body: want a required application/json requestBody, have %v", body)
			case !f.body && f.rawBody && (body["required"] != true || len(object(body["content"])) == 0):
				t.Errorf("the handler reads the request body: want a required requestBody with its media types, have %v", body)
			case !f.body && !f.rawBody && body != nil:
				t.Errorf("the handler reads no body, the document has a requestBody")
			}

			// Statuses: those the handler can answer, and the key checks.
			can := slices.Clone(f.statuses)
			if !slices.ContainsFunc(can, func(s int) bool { return s < 300 }) {
				can = append(can, 200) // written by another handler (metrics) or w.Write
			}
			if rt.role != "" {
				can = append(can, 401)
				if entity.RoleRank(rt.role) > entity.RoleRank(entity.RoleScreen) {
					can = append(can, 403)
				}
			}
			var documented []int
			for code := range object(op["responses"]) {
				s, _ := strconv.Atoi(code)
				documented = append(documented, s)
			}
			for _, s := range can {
				if !slices.Contains(documented, s) {
					t.Errorf("the handler can answer %d; the document does not say so", s)
				}
			}
			for _, s := range documented {
				if s != 500 && !slices.Contains(can, s) {
					t.Errorf("the document lists %d, which the handler cannot answer (it can: %v)", s, can)
				}
			}
		})
	}
}

// TestOpenAPIListKinds: the spec's list kinds are entity.Kinds.
func TestOpenAPIListKinds(t *testing.T) {
	var spec struct {
		Components struct {
			Schemas map[string]struct {
				Enum []string `json:"enum"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openapiDoc, &spec); err != nil {
		t.Fatal(err)
	}
	if got := spec.Components.Schemas["ListKind"].Enum; !slices.Equal(got, entity.Kinds) {
		t.Errorf("ListKind enum %v, want entity.Kinds %v", got, entity.Kinds)
	}
}
