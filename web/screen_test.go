package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// hitIDs are the entity IDs of the hits a Screen page shows, in order.
func hitIDs(body string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`<span class="id">([^<]+)</span>`).FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// TestScreenBadOptionalField: a date of birth, country or identifier
// typed in a form the server cannot read does not keep the name from
// being screened (as POST /v1/screen): the page screens the name alone,
// says which field it went without, and keeps what was typed in the
// form. A customer is stored as screened, without the field.
func TestScreenBadOptionalField(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true})
	b := ts.signedIn(t, "anna")
	nameOnly := hitIDs(b.screen(url.Values{"name": {"Vladimir Putin"}}).Body)
	if len(nameOnly) == 0 {
		t.Fatal("Vladimir Putin has no hit on the demo lists")
	}
	for _, tc := range []struct {
		name  string
		form  url.Values
		warn  string // "" for none
		typed string // the value the form must keep
	}{
		{"day first, read", url.Values{"birthDate": {"07.10.1952"}}, "", `value="07.10.1952"`},
		{"no such day", url.Values{"birthDate": {"31.02.1952"}}, "Screened without the date of birth: date &#34;31.02.1952&#34;: 1952-02 has no day 31.", `value="31.02.1952"`},
		{"not a date", url.Values{"birthDate": {"long ago"}}, "Screened without the date of birth: date &#34;long ago&#34;: want a date such as", `value="long ago"`},
		{"unknown country", url.Values{"country": {"Narnia"}}, "Screened without the country: unknown country &#34;Narnia&#34;.", `value="Narnia"`},
		{"customer", url.Values{"birthDate": {"31.02.1952"}, "customerId": {"C-BAD-DOB"}}, "Screened without the date of birth", `value="31.02.1952"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.form.Set("name", "Vladimir Putin")
			p := b.screen(tc.form)
			if p.Status != http.StatusOK {
				t.Fatalf("status %d, want 200 (screened):\n%s", p.Status, p.Body)
			}
			checkPage(t, p)
			ids := hitIDs(p.Body)
			if len(ids) == 0 {
				t.Fatalf("no hit: the name was not screened")
			}
			hasWarning := strings.Contains(p.Body, `class="msg warning"`)
			switch {
			case tc.warn == "" && hasWarning:
				t.Errorf("a warning for a field that was read:\n%s", p.Body)
			case tc.warn != "" && !strings.Contains(p.Body, tc.warn):
				t.Errorf("the page does not warn %q:\n%s", tc.warn, p.Body)
			case tc.warn != "" && !slices.Equal(ids, nameOnly):
				t.Errorf("hits %v, want those of the name alone %v", ids, nameOnly)
			}
			if !strings.Contains(p.Body, tc.typed) {
				t.Errorf("the form does not keep %s", tc.typed)
			}
		})
	}
	c, err := ts.Store.Customer(context.Background(), "C-BAD-DOB")
	if err != nil {
		t.Fatalf("the customer screened with a bad date was not stored: %v", err)
	}
	if c.Name != "Vladimir Putin" || c.BirthDate != "" {
		t.Errorf("customer stored as %+v, want the name without the date", c.Subject)
	}
}
