package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/resolve"
)

// The demo lists name Lavrov on four lists: one subject, found by any of
// its listings' IDs, with the evidence that joined them.
func TestSubjectsShowAndStats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	out := mustCLI(t, db, "subjects", "show", "ofac-990001", "--from", "../../demo/data", "--json")
	s := decode[resolve.Subject](t, out)
	if got := strings.Join(s.MemberIDs(), " "); got != "ca-russia-1-part-1-9902 eu-990001 ofac-990001 uk-RUS9901" {
		t.Errorf("members %s", got)
	}
	if len(s.Links) != len(s.Members)-1 {
		t.Errorf("links %+v: want a tree over %d members", s.Links, len(s.Members))
	}
	// By the subject's own ID, in text.
	text := mustCLI(t, db, "subjects", "show", s.ID, "--from", "../../demo/data")
	for _, want := range []string{s.ID, "Lavrov", "uk-RUS9901", "Joined by:", "name+birth-date"} {
		if !strings.Contains(text, want) {
			t.Errorf("show output lacks %q:\n%s", want, text)
		}
	}
	stats := mustCLI(t, db, "subjects", "stats", "--from", "../../demo/data", "--json")
	st := decode[resolve.Stats](t, stats)
	if st.Listings != 24 || st.Subjects >= st.Listings || st.Links[resolve.CrossReference] == 0 {
		t.Errorf("stats %+v", st)
	}
	if _, _, code := cli(t, db, "subjects", "show", "nobody-1", "--from", "../../demo/data"); code == 0 {
		t.Errorf("an unknown ID exits 0")
	}
}
