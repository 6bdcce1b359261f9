package batch

import (
	"fmt"
	"strings"
	"unicode"
)

// The fields a CSV column can be mapped to.
const (
	FieldID       = "id"
	FieldName     = "name"
	FieldFirst    = "first_name"
	FieldMiddle   = "middle_name"
	FieldLast     = "last_name"
	FieldSchema   = "schema"
	FieldDOB      = "dob"
	FieldCountry  = "country"
	FieldIDNumber = "id_number"
	FieldGender   = "gender"
	FieldAlias    = "alias"
)

// synonyms are the headers recognised for each field, normalised (see
// normHeader), best first; a field's own name is recognised too. They
// cover the usual exports of core banking and CRM systems.
var synonyms = map[string][]string{
	FieldID:       {"id", "customerid", "customerno", "customernumber", "clientid", "clientno", "clientref", "externalid", "reference", "ref", "accountid", "partyid"},
	FieldName:     {"name", "fullname", "customername", "clientname", "partyname", "entityname", "legalname", "companyname"},
	FieldFirst:    {"firstname", "givenname", "givennames", "forename", "forenames", "first"},
	FieldMiddle:   {"middlename", "middlenames", "middle"},
	FieldLast:     {"lastname", "surname", "familyname", "last"},
	FieldSchema:   {"schema", "type", "entitytype", "partytype", "customertype"},
	FieldDOB:      {"dob", "birthdate", "dateofbirth", "birthday", "born", "dateofincorporation", "incorporationdate"},
	FieldCountry:  {"country", "nationality", "citizenship", "countrycode", "countryofresidence", "residence", "countryofincorporation"},
	FieldIDNumber: {"idnumber", "passport", "passportnumber", "passportno", "taxid", "tin", "nationalid", "registrationnumber", "documentnumber", "imo"},
	FieldGender:   {"gender", "sex"},
	FieldAlias:    {"alias", "aka", "othername"},
}

// fieldNames are the fields in a fixed order, for messages.
var fieldNames = []string{FieldID, FieldName, FieldFirst, FieldMiddle, FieldLast, FieldSchema, FieldDOB, FieldCountry, FieldIDNumber, FieldGender, FieldAlias}

// Mapping names, for some fields, the CSV columns they are read from; the
// other fields are found by their usual headers. Several columns mapped
// to one field are joined with spaces (name=first+last), except aliases,
// one per column.
type Mapping map[string][]string

// ParseMapping reads a mapping such as
//
//	name=full_name,dob=birth_date,country=nationality,id=customer_no
//
// Field names are those of the Field constants, compared like headers
// (case, spaces, underscores and hyphens do not matter; birthDate and
// birth_date are dob); "a+b" maps several columns to one field.
func ParseMapping(spec string) (Mapping, error) {
	m := Mapping{}
	if strings.TrimSpace(spec) == "" {
		return m, nil
	}
	for _, part := range strings.Split(spec, ",") {
		field, cols, ok := strings.Cut(part, "=")
		if !ok || strings.TrimSpace(cols) == "" {
			return nil, fmt.Errorf("mapping %q: want FIELD=COLUMN", part)
		}
		f, ok := fieldOf(field)
		if !ok {
			return nil, fmt.Errorf("mapping %q: unknown field %q (want one of %s)", part, strings.TrimSpace(field), strings.Join(fieldNames, ", "))
		}
		for _, c := range strings.Split(cols, "+") {
			if c = strings.TrimSpace(c); c == "" {
				return nil, fmt.Errorf("mapping %q: empty column name", part)
			}
			m[f] = append(m[f], c)
		}
	}
	return m, nil
}

// String is the mapping in the form ParseMapping reads, fields in a
// fixed order.
func (m Mapping) String() string {
	var parts []string
	for _, f := range fieldNames {
		if cols := m[f]; len(cols) > 0 {
			parts = append(parts, f+"="+strings.Join(cols, "+"))
		}
	}
	return strings.Join(parts, ",")
}

// fieldOf returns the field a mapping key names.
func fieldOf(key string) (string, bool) {
	k := normHeader(key)
	switch k {
	case "birthdate", "dateofbirth":
		return FieldDOB, true
	case "aliases":
		return FieldAlias, true
	}
	for _, f := range fieldNames {
		if normHeader(f) == k {
			return f, true
		}
	}
	return "", false
}

// normHeader folds a header for comparison: lower case, letters and
// digits only, so "Date of Birth", "date_of_birth" and "DateOfBirth" meet.
func normHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimPrefix(s, "\ufeff") {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// columns is a mapping resolved against a header: column indexes per
// field.
type columns map[string][]int

// resolve finds each field's columns in header: those mapped, else the
// first header among the field's synonyms. A name column is required, or
// else first, middle and last names, which are then joined.
func (m Mapping) resolve(header []string) (columns, error) {
	index := map[string]int{}
	for i, h := range header {
		if _, dup := index[normHeader(h)]; !dup {
			index[normHeader(h)] = i
		}
	}
	cols := columns{}
	for _, f := range fieldNames {
		if names, ok := m[f]; ok {
			for _, n := range names {
				i, ok := index[normHeader(n)]
				if !ok {
					return nil, fmt.Errorf("mapping %s=%s: no column %q in the header (%s)", f, n, n, strings.Join(header, ", "))
				}
				cols[f] = append(cols[f], i)
			}
			continue
		}
		for _, s := range synonyms[f] {
			if i, ok := index[s]; ok {
				cols[f] = []int{i}
				break
			}
		}
	}
	if len(cols[FieldName]) == 0 && len(cols[FieldFirst]) == 0 && len(cols[FieldLast]) == 0 {
		return nil, fmt.Errorf("no name column in the header (%s): map one with name=COLUMN (or first_name=... and last_name=...)", strings.Join(header, ", "))
	}
	return cols, nil
}

// describe says which column each field is read from, for the log.
func (c columns) describe(header []string) string {
	var parts []string
	for _, f := range fieldNames {
		var hs []string
		for _, i := range c[f] {
			hs = append(hs, header[i])
		}
		if len(hs) > 0 {
			parts = append(parts, f+"="+strings.Join(hs, "+"))
		}
	}
	return strings.Join(parts, ",")
}

// join returns the fields' values at idx joined with single spaces.
func join(fields []string, idx []int) string {
	if len(idx) == 1 {
		return strings.TrimSpace(fields[idx[0]])
	}
	var parts []string
	for _, i := range idx {
		if v := strings.TrimSpace(fields[i]); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " ")
}

// schemaOf reads a customer type as a schema: the FtM names, and the
// words banks use (individual, natural person, corporate, entity).
func schemaOf(s string) string {
	switch n := normHeader(s); n {
	case "":
		return ""
	case "p", "i", "individual", "naturalperson", "person", "private", "retail":
		return "Person"
	case "c", "company", "corporate", "corporation", "business":
		return "Company"
	case "o", "e", "organisation", "organization", "entity", "legalperson", "legalentity":
		if n == "legalentity" {
			return "LegalEntity"
		}
		return "Organization"
	case "vessel", "ship":
		return "Vessel"
	case "aircraft", "airplane":
		return "Airplane"
	}
	for _, x := range []string{"Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane", "Thing"} {
		if strings.EqualFold(x, strings.TrimSpace(s)) {
			return x
		}
	}
	return strings.TrimSpace(s) // validation names it
}
