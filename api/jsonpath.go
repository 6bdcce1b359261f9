package api

import (
	"encoding/json"
	"reflect"
	"strings"
)

// typeError says, in the client's terms, which field of a JSON body has
// the wrong type: the path as the client wrote it ("limit", not Go's
// "screenParams.limit"; "queries[].name") and JSON's names of the types
// ("a number", not "int"). target is the type decoded into.
func typeError(target reflect.Type, e *json.UnmarshalTypeError) string {
	path := jsonPath(target, e.Field)
	if path == "" {
		path = "the body"
	}
	return path + ": want " + jsonKind(e.Type) + ", got " + jsonValue(e.Value)
}

// jsonPath turns the field path encoding/json reports, JSON names with
// the Go names of embedded structs among them, into the path of JSON
// names, marking the arrays gone through with [].
func jsonPath(t reflect.Type, field string) string {
	if field == "" {
		return ""
	}
	var out []string
	for seg := range strings.SplitSeq(field, ".") {
		for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			if t.Kind() != reflect.Pointer && len(out) > 0 {
				out[len(out)-1] += "[]"
			}
			t = t.Elem()
		}
		switch {
		case t != nil && t.Kind() == reflect.Map:
			out, t = append(out, seg), t.Elem()
		case t != nil && t.Kind() == reflect.Struct:
			f, embedded, ok := structField(t, seg)
			if embedded {
				t = f.Type
				continue
			}
			out, t = append(out, seg), nil
			if ok {
				t = f.Type
			}
		default:
			out, t = append(out, seg), nil
		}
	}
	return strings.Join(out, ".")
}

// structField finds the field of struct t that encoding/json names seg in
// a path: an embedded struct by its Go name, else a field by its JSON
// name.
func structField(t reflect.Type, seg string) (f reflect.StructField, embedded, ok bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && name == "" && f.Name == seg {
			return f, true, true
		}
		if name == "" {
			name = f.Name
		}
		if name == seg {
			return f, false, true
		}
	}
	return reflect.StructField{}, false, false
}

// jsonKind names the JSON values a Go type takes.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "a whole number"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number of at least 0"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "a string" // base64
		}
		return "an array"
	case reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "another value"
}

// jsonValue names what encoding/json reports it found: "string",
// "number 1.5", "bool", "array", "object".
func jsonValue(v string) string {
	kind, _, _ := strings.Cut(v, " ")
	switch kind {
	case "string":
		return "a string"
	case "number":
		return "a number" + strings.TrimPrefix(v, "number")
	case "bool":
		return "a boolean"
	case "array":
		return "an array"
	case "object":
		return "an object"
	}
	return v
}
