package entity

//go:generate sh -c "cd ../tools/ftmvalidate && npm ci --no-audit --no-fund >/dev/null && node genmodel.mjs > ../../entity/ftmmodel.go && gofmt -w ../../entity/ftmmodel.go"

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf16"
)

// ftmProp is a property of the FtM model: its type, and for an entity
// reference the schema it points to and the property that points back.
type ftmProp struct{ typ, rng, reverse string }

// ftmSchemaDef is a schema as the model defines it: its own properties
// and the schemata it extends.
type ftmSchemaDef struct {
	abstract, edge    bool
	extends, required []string
	props             map[string]ftmProp
}

// ftmSchema is a schema with what it inherits: every property, and the
// names of the schemata it is (itself included).
type ftmSchema struct {
	props map[string]ftmProp
	is    map[string]bool
}

var ftmModel = func() map[string]*ftmSchema {
	out := make(map[string]*ftmSchema, len(ftmSchemata))
	var resolve func(name string) *ftmSchema
	resolve = func(name string) *ftmSchema {
		if s, ok := out[name]; ok {
			return s
		}
		def := ftmSchemata[name]
		s := &ftmSchema{props: map[string]ftmProp{}, is: map[string]bool{name: true}}
		for _, p := range def.extends {
			ps := resolve(p)
			for k, v := range ps.props {
				s.props[k] = v
			}
			for k := range ps.is {
				s.is[k] = true
			}
		}
		for k, v := range def.props {
			s.props[k] = v
		}
		out[name] = s
		return s
	}
	for name := range ftmSchemata {
		resolve(name)
	}
	return out
}()

// FtMReference returns, for a property of an FtM schema that holds
// entity IDs, the property of the other entity that points back
// (Sanction's "entity" is the "sanctions" of the sanctioned); false when
// the property does not exist or holds no IDs.
func FtMReference(schema, prop string) (reverse string, ok bool) {
	p, ok := ftmProperty(schema, prop)
	return p.reverse, ok && p.typ == "entity"
}

// FtMIsEdge reports whether an FtM schema is an edge between two
// entities (Ownership, Directorship, UnknownLink, ...), which yente
// nests together with its far end.
func FtMIsEdge(schema string) bool { return ftmSchemata[schema].edge }

// ftmIs reports whether schema is the schema parent or one of its kinds
// (a Company is a LegalEntity and an Asset).
func ftmIs(schema, parent string) bool {
	s, ok := ftmModel[schema]
	return ok && s.is[parent]
}

// ftmProperty returns the property of schema named prop.
func ftmProperty(schema, prop string) (ftmProp, bool) {
	s, ok := ftmModel[schema]
	if !ok {
		return ftmProp{}, false
	}
	p, ok := s.props[prop]
	return p, ok
}

// ftmCountryAliases are the codes publishers use that FtM writes otherwise.
var ftmCountryAliases = map[string]string{"su": "suhh", "yu": "yucs", "cs": "cshh", "uk": "gb"}

var (
	ftmDateRE  = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$`)
	ftmEmailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s.]+$`)
	ftmPhoneRE = regexp.MustCompile(`^\+?[0-9][0-9 ()./-]{4,}$`)
	ftmNumRE   = regexp.MustCompile(`^-?\d+(\.\d+)?$`)
	ftmCtrlRE  = regexp.MustCompile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
	// ftmRemarkRE is a parenthesised remark after a value: "(mobile)".
	ftmRemarkRE = regexp.MustCompile(`\s*\([^()]*[a-zA-Z][^()]*\)\s*$`)
)

// ftmClean returns v cleaned as a value of the FtM type typ, the way FtM
// cleans it where that is unambiguous (a country code in lower case, a
// web address without its scheme given one), and false when v is not a
// valid value of the type. Entity references are checked by the caller.
func ftmClean(typ, v string) (string, bool) {
	v = strings.TrimSpace(v)
	if v == "" || ftmCtrlRE.MatchString(v) {
		return "", false
	}
	switch typ {
	case "country", "gender", "language", "topic":
		v = strings.ToLower(v)
		if a, ok := ftmCountryAliases[v]; ok && typ == "country" {
			v = a
		}
		if !ftmValues[typ][v] {
			return "", false
		}
	case "date":
		if !ftmDateRE.MatchString(v) {
			return "", false
		}
		if _, err := ParseDate(v); err != nil {
			return "", false
		}
	case "url":
		if !strings.Contains(v, "://") {
			v = "http://" + v
		}
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "ftp") || !strings.Contains(u.Host, ".") || strings.ContainsAny(v, " \t\n") {
			return "", false
		}
	case "email":
		v = strings.TrimSuffix(v, ".")
		if !ftmEmailRE.MatchString(v) {
			return "", false
		}
	case "phone":
		v = ftmRemarkRE.ReplaceAllString(v, "")
		if !ftmPhoneRE.MatchString(v) || len(strings.Map(keepDigits, v)) < 5 {
			return "", false
		}
	case "number":
		if !ftmNumRE.MatchString(strings.ReplaceAll(v, ",", "")) {
			return "", false
		}
	case "entity":
		return v, true
	}
	if n, ok := ftmMaxLength[typ]; ok && utf16Len(v) > n {
		return "", false
	}
	return v, true
}

func keepDigits(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

// utf16Len is the length of s as JavaScript counts it, which FtM's
// maximum lengths are in.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// CheckFtM returns the first way f is not valid FollowTheMoney, nil
// when it is: an unknown or abstract schema, a property its schema does
// not have, a value its property's type does not accept as it is, a
// required property without a value. References are not resolved (the
// CI's check of a whole export does).
func CheckFtM(f FtMEntity) error {
	def, ok := ftmSchemata[f.Schema]
	if !ok || def.abstract {
		return fmt.Errorf("%s: schema %q is not one FtM has, or abstract", f.ID, f.Schema)
	}
	for prop, vs := range f.Properties {
		p, ok := ftmProperty(f.Schema, prop)
		if !ok {
			return fmt.Errorf("%s: %s has no property %q", f.ID, f.Schema, prop)
		}
		for _, v := range vs {
			if c, ok := ftmClean(p.typ, v); !ok || c != v {
				return fmt.Errorf("%s: %s.%s: %q is not a valid %s", f.ID, f.Schema, prop, v, p.typ)
			}
		}
	}
	for _, prop := range def.required {
		if len(f.Properties[prop]) == 0 {
			return fmt.Errorf("%s: %s requires %s", f.ID, f.Schema, prop)
		}
	}
	return nil
}
