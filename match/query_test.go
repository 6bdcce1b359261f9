package match

import (
	"testing"

	"github.com/vetoscreen/veto/entity"
)

// Validate puts the schema in canonical form: a spelling it accepts must
// screen as the schema it means, never as a string no entity has.
func TestValidateCanonicalSchema(t *testing.T) {
	for _, tc := range []struct {
		in   entity.Schema
		want entity.Schema
		ok   bool
	}{
		{"", "", true}, {"Person", entity.Person, true}, {"Thing", "", true},
		{"Organisation", entity.Organization, true}, {"Aircraft", entity.Airplane, true},
		{"person", "", false}, {"Spaceship", "", false},
	} {
		q := Query{Subject: entity.Subject{Name: "Sergei Lavrov", Schema: tc.in}}
		err := q.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("%q: err %v", tc.in, err)
			continue
		}
		if tc.ok && q.Schema != tc.want {
			t.Errorf("%q: schema %q after Validate, want %q", tc.in, q.Schema, tc.want)
		}
	}
}
