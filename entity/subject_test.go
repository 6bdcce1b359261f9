package entity

import (
	"encoding/json"
	"testing"
)

// TestCustomerJSON: a customer's JSON is flat, its subject's fields
// beside its ID as before Subject was shared, in both directions.
func TestCustomerJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Customer
		want string
	}{
		{"every field", Customer{ID: "C-1", Subject: Subject{Schema: Person, Name: "Ann Lee", Aliases: []string{"Anne Lee"}, BirthDate: "1950-03-21", Country: "gb", IDNumber: "X1", Gender: "female"}},
			`{"id":"C-1","schema":"Person","name":"Ann Lee","aliases":["Anne Lee"],"birthDate":"1950-03-21","country":"gb","idNumber":"X1","gender":"female"}`},
		{"name only", Customer{ID: "C-2", Subject: Subject{Name: "Ann Lee"}}, `{"id":"C-2","name":"Ann Lee"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.Marshal(tc.c)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("marshalled %s\nwant       %s", got, tc.want)
			}
			var back Customer
			if err := json.Unmarshal([]byte(tc.want), &back); err != nil {
				t.Fatal(err)
			}
			again, _ := json.Marshal(back)
			if string(again) != tc.want {
				t.Errorf("read back as %s", again)
			}
		})
	}
}
