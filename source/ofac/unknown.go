package ofac

import (
	"encoding/xml"
	"reflect"
	"strings"

	"github.com/vetoscreen/veto/source"
)

var (
	unknownElementsType = reflect.TypeFor[[]source.UnknownElement]()
	unknownAttrsType    = reflect.TypeFor[[]xml.Attr]()
)

// reportUnknown warns about every element and attribute that a decoded
// wire struct caught in its Unknown fields, naming it by its path from the
// record ("sdnEntry/idList/id/foo"). The record's raw XML keeps them.
func reportUnknown(m *mapper, path string, v any) {
	walkUnknown(m, path, reflect.ValueOf(v))
}

func walkUnknown(m *mapper, path string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkUnknown(m, path, v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkUnknown(m, path, v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f, fv := t.Field(i), v.Field(i)
			switch {
			case f.Type == unknownElementsType:
				for _, u := range fv.Interface().([]source.UnknownElement) {
					m.warnf(path+"/"+u.XMLName.Local, "unknown element: not mapped, kept in the raw record")
				}
			case f.Type == unknownAttrsType:
				for _, a := range fv.Interface().([]xml.Attr) {
					if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
						continue
					}
					m.warnf(path+"/@"+a.Name.Local, "unknown attribute: not mapped, kept in the raw record")
				}
			case f.Anonymous:
				walkUnknown(m, path, fv)
			case f.Type.Kind() == reflect.Pointer || f.Type.Kind() == reflect.Slice || f.Type.Kind() == reflect.Struct:
				walkUnknown(m, path+"/"+xmlName(f), fv)
			}
		}
	}
}

// xmlName returns the element name a struct field decodes, from its tag.
func xmlName(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("xml"), ",")
	if tag == "" {
		return f.Name
	}
	return tag
}
