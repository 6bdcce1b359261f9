package match

import (
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

// An optional field that cannot be read is dropped with a warning naming
// it and its value; what the name cannot be screened without is an error.
func TestValidateLenient(t *testing.T) {
	for _, tt := range []struct {
		q       Query
		order   entity.DateOrder
		dropped []string // fields
		dob     string   // the date of birth kept, in ISO form
		err     string
	}{
		{q: Query{Subject: entity.Subject{Name: "Jo", BirthDate: "21.03.1950"}}, dob: "1950-03-21"},
		{q: Query{Subject: entity.Subject{Name: "Jo", BirthDate: "03/21/1950"}}, order: entity.MonthFirst, dob: "1950-03-21"},
		{q: Query{Subject: entity.Subject{Name: "Jo", BirthDate: "03/21/1950"}}, dropped: []string{"birthDate"}},
		{q: Query{Subject: entity.Subject{Name: "Jo", BirthDate: "31.02.1950", Country: "Atlantis", Gender: "x"}}, dropped: []string{"birthDate", "country", "gender"}},
		{q: Query{Subject: entity.Subject{Name: "Jo", BirthDate: strings.Repeat("1", 2000)}}, dropped: []string{"birthDate"}},
		{q: Query{Subject: entity.Subject{Name: " ", BirthDate: "x"}}, err: "name: required"},
		{q: Query{Subject: entity.Subject{Name: "Jo", Schema: "Persn", BirthDate: "x"}}, err: "schema:"},
	} {
		q := tt.q
		dropped, err := q.ValidateLenient(tt.order)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%+v: error %v, want %q", tt.q, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%+v: %v", tt.q, err)
			continue
		}
		var fields []string
		for _, d := range dropped {
			fields = append(fields, d.Field)
			if d.Value == "" || !strings.HasPrefix(d.Error(), d.Field+": ") {
				t.Errorf("%+v: warning %q without its value or field", tt.q, d)
			}
		}
		if strings.Join(fields, ",") != strings.Join(tt.dropped, ",") || q.BirthDate != tt.dob {
			t.Errorf("%+v: dropped %v, date %q; want %v, %q", tt.q, fields, q.BirthDate, tt.dropped, tt.dob)
		}
	}
}
