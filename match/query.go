package match

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/entity"
)

// Query is what a client screens: a name, and what else it knows.
type Query struct {
	// ID is the client's reference for the query, echoed in results.
	ID string `json:"id,omitempty"`
	// Schema restricts the entities matched: Person, Organization,
	// Company, LegalEntity, Vessel, Airplane; empty for any.
	Schema entity.Schema `json:"schema,omitempty"`
	// Name is the name to screen. Required.
	Name string `json:"name"`
	// Aliases are other names of the same party, screened too.
	Aliases []string `json:"aliases,omitempty"`
	// BirthDate is a date of birth (or of incorporation or build) as an
	// ISO date or prefix: 1950-03-21, 1950-03, 1950.
	BirthDate string `json:"birthDate,omitempty"`
	// Country is a country name or ISO code: nationality, residence or
	// registration.
	Country string `json:"country,omitempty"`
	// IDNumber is any identifier: passport, national ID, tax or
	// registration number, IMO number, BIC, crypto address.
	IDNumber string `json:"idNumber,omitempty"`
	// Gender is "male" or "female".
	Gender string `json:"gender,omitempty"`
}

// MaxNameLength bounds a query name, in bytes.
const MaxNameLength = 1000

// Validate checks a query, naming the field at fault, and puts its
// schema in canonical form.
func (q *Query) Validate() error {
	if strings.TrimSpace(q.Name) == "" {
		return fmt.Errorf("name: required")
	}
	for field, v := range map[string]string{"name": q.Name, "birthDate": q.BirthDate, "country": q.Country, "idNumber": q.IDNumber, "gender": q.Gender, "id": q.ID} {
		if !utf8.ValidString(v) {
			return fmt.Errorf("%s: not valid UTF-8", field)
		}
		if len(v) > MaxNameLength {
			return fmt.Errorf("%s: longer than %d bytes", field, MaxNameLength)
		}
	}
	for i, a := range q.Aliases {
		if !utf8.ValidString(a) || len(a) > MaxNameLength {
			return fmt.Errorf("aliases[%d]: not valid UTF-8 or longer than %d bytes", i, MaxNameLength)
		}
	}
	if len(q.Aliases) > 20 {
		return fmt.Errorf("aliases: more than 20")
	}
	switch q.Schema {
	case "":
	case "Thing": // FtM's root: a person, an organisation or an asset
		q.Schema = ""
	default:
		s, err := entity.ParseSchema(string(q.Schema))
		if err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		q.Schema = s // "Organisation" is Organization, "Aircraft" Airplane
	}
	if q.BirthDate != "" {
		if _, err := entity.ParseDateRange(q.BirthDate); err != nil {
			return fmt.Errorf("birthDate: %w", err)
		}
	}
	if q.Country != "" {
		if _, ok := countryCode(q.Country); !ok {
			return fmt.Errorf("country: unknown country %q", q.Country)
		}
	}
	switch strings.ToLower(q.Gender) {
	case "", "male", "female", "m", "f":
	default:
		return fmt.Errorf("gender: %q, want male or female", q.Gender)
	}
	return nil
}

// countryCode reads an ISO code or a country name.
func countryCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 2 && countries.Known(s) {
		return strings.ToLower(s), true
	}
	return countries.Code(s)
}

func gender(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "m", "male":
		return "male"
	case "f", "female":
		return "female"
	}
	return ""
}

// normID folds an identifier for comparison: upper-case letters and
// digits only, and IMO numbers without their "IMO" prefix.
func normID(s string) string {
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
