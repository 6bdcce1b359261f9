package all_test

import (
	"context"
	"slices"
	"testing"

	"github.com/vetoscreen/veto/demo"
	"github.com/vetoscreen/veto/source/all"
)

// oldJurisdiction is the rule screen.Jurisdiction hand-wrote before the
// regime was derived from the publishers' table, kept verbatim so that
// the test proves the move changed no list's regime.
func oldJurisdiction(list string) string {
	switch {
	case len(list) >= 5 && list[:5] == "ofac-", list == "us-csl":
		return "us"
	}
	for i := 0; i < len(list); i++ {
		if list[i] == '-' {
			return list[:i]
		}
	}
	return list
}

// TestJurisdictionAsBefore: every list a publisher knows, us-csl by
// name, and every list of the demo dataset keep the regime the old rule
// gave them.
func TestJurisdictionAsBefore(t *testing.T) {
	lists := []string{"us-csl"}
	for _, p := range all.Publishers() {
		for _, l := range p.Lists {
			lists = append(lists, l.Name)
		}
	}
	rs, err := demo.Results(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) == 0 {
		t.Fatal("demo dataset has no lists")
	}
	for _, r := range rs {
		lists = append(lists, r.List)
	}
	for _, l := range lists {
		if got, want := all.Jurisdiction(l), oldJurisdiction(l); got != want {
			t.Errorf("Jurisdiction(%q) = %q, the old rule gave %q", l, got, want)
		}
	}
}

// TestJurisdiction pins the regimes themselves, and the fallback for a
// list no publisher knows, which must still be selectable by regime.
func TestJurisdiction(t *testing.T) {
	for _, c := range []struct{ list, want string }{
		{"ofac-sdn", "us"},
		{"ofac-cons", "us"},
		{"us-csl", "us"},
		{"un-sc", "un"},
		{"eu-fsf", "eu"},
		{"uk-fcdo", "uk"},
		{"uk-ofsi", "uk"},
		{"ca-sema", "ca"},
		{"au-dfat", "au"},
		// Unknown lists: by the publisher named in the prefix, else the
		// prefix itself.
		{"ofac-ssi", "us"},
		{"un-1267", "un"},
		{"xx-list", "xx"},
		{"nodash", "nodash"},
		{"", ""},
	} {
		if got := all.Jurisdiction(c.list); got != c.want {
			t.Errorf("Jurisdiction(%q) = %q, want %q", c.list, got, c.want)
		}
	}
}

func TestRegimes(t *testing.T) {
	if got, want := all.Regimes(), []string{"us", "un", "eu", "uk", "ca", "au"}; !slices.Equal(got, want) {
		t.Errorf("Regimes() = %v, want %v", got, want)
	}
	for _, c := range []struct {
		lists, want []string
	}{
		{nil, []string{}},
		{[]string{"ofac-sdn", "us-csl", "un-sc"}, []string{"us", "un"}},
		{[]string{"uk-ofsi", "eu-fsf", "uk-fcdo"}, []string{"uk", "eu"}},
	} {
		if got := all.ListRegimes(c.lists); !slices.Equal(got, c.want) {
			t.Errorf("ListRegimes(%v) = %v, want %v", c.lists, got, c.want)
		}
	}
	for _, c := range []struct {
		r    string
		want bool
	}{{"us", true}, {"au", true}, {"ofac", false}, {"ofac-sdn", false}, {"", false}} {
		if got := all.IsRegime(c.r); got != c.want {
			t.Errorf("IsRegime(%q) = %v, want %v", c.r, got, c.want)
		}
	}
}
