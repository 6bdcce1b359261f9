package match

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/entity"
)

// Query is what a client screens: a subject under the client's reference.
type Query struct {
	// ID is the client's reference for the query, echoed in results.
	ID string `json:"id,omitempty"`
	entity.Subject
}

// MaxNameLength bounds a query name, in bytes.
const MaxNameLength = 1000

// FieldError is a query field that cannot be read.
type FieldError struct {
	Field string // the JSON name: birthDate, country, aliases[2]
	Value string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field, value, format string, a ...any) error {
	return &FieldError{Field: field, Value: value, Err: fmt.Errorf(format, a...)}
}

// Validate checks a query, naming the field at fault (a *FieldError), and
// puts its schema and date of birth in canonical form. Numeric dates are
// read day first (see entity.ParseDateInput).
func (q *Query) Validate() error { return q.ValidateIn(entity.DayFirst) }

// ValidateIn is Validate reading numeric dates of birth in order.
func (q *Query) ValidateIn(order entity.DateOrder) error {
	if strings.TrimSpace(q.Name) == "" {
		return fieldErr("name", q.Name, "required")
	}
	for field, v := range map[string]string{"name": q.Name, "birthDate": q.BirthDate, "country": q.Country, "idNumber": q.IDNumber, "gender": q.Gender, "id": q.ID} {
		if !utf8.ValidString(v) {
			return fieldErr(field, strings.ToValidUTF8(v, "\uFFFD"), "not valid UTF-8")
		}
		if len(v) > MaxNameLength {
			return fieldErr(field, strings.ToValidUTF8(v[:MaxNameLength/10], "")+"…", "longer than %d bytes", MaxNameLength)
		}
	}
	for i, a := range q.Aliases {
		if !utf8.ValidString(a) || len(a) > MaxNameLength {
			return fieldErr(fmt.Sprintf("aliases[%d]", i), "", "not valid UTF-8 or longer than %d bytes", MaxNameLength)
		}
	}
	if len(q.Aliases) > 20 {
		return fieldErr("aliases", "", "more than 20")
	}
	switch q.Schema {
	case "":
	case "Thing": // FtM's root: a person, an organisation or an asset
		q.Schema = ""
	default:
		s, err := entity.ParseSchema(string(q.Schema))
		if err != nil {
			return &FieldError{Field: "schema", Value: string(q.Schema), Err: err}
		}
		q.Schema = s // "Organisation" is Organization, "Aircraft" Airplane
	}
	if q.BirthDate != "" {
		d, err := entity.ParseDateInput(q.BirthDate, order)
		if err != nil {
			return &FieldError{Field: "birthDate", Value: q.BirthDate, Err: err}
		}
		q.BirthDate = d.String() // what the matcher reads, whatever the order
	}
	if q.Country != "" {
		if _, ok := CountryCode(q.Country); !ok {
			return fieldErr("country", q.Country, "unknown country %q", q.Country)
		}
	}
	switch strings.ToLower(q.Gender) {
	case "", "male", "female", "m", "f":
	default:
		return fieldErr("gender", q.Gender, "%q, want male or female", q.Gender)
	}
	return nil
}

// optionalFields are the fields a query can be screened without.
var optionalFields = map[string]func(*Query){
	"birthDate": func(q *Query) { q.BirthDate = "" },
	"country":   func(q *Query) { q.Country = "" },
	"gender":    func(q *Query) { q.Gender = "" },
	"idNumber":  func(q *Query) { q.IDNumber = "" },
}

// ValidateLenient is ValidateIn, except that an optional field that
// cannot be read (a date of birth written 31.02.1950, an unknown
// country) is left out, and returned as a warning, instead of keeping
// the name from being screened: a listed person must be found with or
// without the date. The error is for what the name cannot be screened
// without (no name, bad UTF-8 in it, an unknown schema).
func (q *Query) ValidateLenient(order entity.DateOrder) (dropped []*FieldError, err error) {
	for {
		err := q.ValidateIn(order)
		if err == nil {
			return dropped, nil
		}
		var fe *FieldError
		if !errors.As(err, &fe) || optionalFields[fe.Field] == nil {
			return dropped, err
		}
		optionalFields[fe.Field](q)
		dropped = append(dropped, fe)
	}
}

// CountryCode reads an ISO code or a country name, as queries give
// countries.
func CountryCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 2 && countries.Known(s) {
		return strings.ToLower(s), true
	}
	return countries.Code(s)
}

// Gender reads a query's gender: "male", "female", or "" for anything
// else (m and f are read too).
func Gender(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "m", "male":
		return "male"
	case "f", "female":
		return "female"
	}
	return ""
}

// NormID folds an identifier for comparison: upper-case letters and
// digits only, and IMO numbers without their "IMO" prefix. Exported so
// that the UI says whether two numbers are the same by the rule that
// scores them.
func NormID(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range strings.ToUpper(s) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b = append(b, byte(r))
		}
	}
	out := string(b)
	if rest, ok := strings.CutPrefix(out, "IMO"); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
		out = rest
	}
	return out
}
