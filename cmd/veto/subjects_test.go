package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/resolve/decide"
	"github.com/vetoscreen/veto/store/sqlite"
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
	for _, n := range []int{1, 3} {
		st := decode[resolve.Stats](t, mustCLI(t, db, "subjects", "stats", "--from", "../../demo/data", "--json", "--largest", fmt.Sprint(n)))
		if len(st.Largest) != n || len(st.Largest[0].Members) < len(st.Largest[n-1].Members) {
			t.Errorf("--largest %d listed %d subjects", n, len(st.Largest))
		}
	}
	if _, _, code := cli(t, db, "subjects", "show", "nobody-1", "--from", "../../demo/data"); code == 0 {
		t.Errorf("an unknown ID exits 0")
	}
}

// An analyst's decisions, taken by subject or entity ID: stored with
// who took them, audited, applied by show and stats, refused with the ID
// named and nothing written when wrong, revoked as decisions of their
// own.
func TestSubjectsDecisions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	from := []string{"--from", "../../demo/data"}
	subject := func(id string) resolve.Subject {
		t.Helper()
		return decode[resolve.Subject](t, mustCLI(t, db, append([]string{"subjects", "show", id, "--json"}, from...)...))
	}
	lavrov := subject("ofac-990001")
	putin := subject("ofac-990002")
	if lavrov.ID == putin.ID || len(putin.Members) != 4 {
		t.Fatalf("fixture: %s %v, %s %v", lavrov.ID, lavrov.MemberIDs(), putin.ID, putin.MemberIDs())
	}
	decided := func() []entity.SubjectDecision {
		t.Helper()
		return decode[[]entity.SubjectDecision](t, mustCLI(t, db, "subjects", "decisions", "--all", "--json"))
	}
	refused := []struct {
		name    string
		args    []string
		mention string
	}{
		{"an unknown ID", []string{"merge", lavrov.ID, "nobody-1", "--note", "x"}, "nobody-1"},
		{"no note", []string{"merge", lavrov.ID, "ofac-990004"}, "--note"},
		{"split of a subject", []string{"split", putin.ID, "--note", "x"}, putin.ID},
		{"not-same of one listing twice", []string{"not-same", "ofac-990001", lavrov.ID, "--note", "x"}, "both sides"},
		{"merge of one ID", []string{"merge", lavrov.ID, "--note", "x"}, "at least 2"},
	}
	for _, tc := range refused {
		_, errOut, code := cli(t, db, append(append([]string{"subjects"}, tc.args...), from...)...)
		if code != 2 || !strings.Contains(errOut, tc.mention) {
			t.Errorf("%s: exit %d, %q; want 2 naming %q", tc.name, code, errOut, tc.mention)
		}
	}
	if ds := decided(); len(ds) != 0 {
		t.Fatalf("refused decisions stored: %+v", ds)
	}

	// Khamenei joins Lavrov's subject (an absurd merge, to be seen), and
	// the UK's Putin listing is split off.
	mustCLI(t, db, append([]string{"subjects", "merge", lavrov.ID, "ofac-990004", "--note", "court record 118"}, from...)...)
	mustCLI(t, db, append([]string{"subjects", "split", "uk-RUS9902", "--note", "another man"}, from...)...)
	merged := subject("ofac-990004")
	if merged.ID != lavrov.ID || len(merged.Members) != len(lavrov.Members)+1 {
		t.Errorf("after the merge: %s %v", merged.ID, merged.MemberIDs())
	}
	if split := subject("uk-RUS9902"); len(split.Members) != 1 || subject("ofac-990002").ID != putin.ID {
		t.Errorf("after the split: %v; Putin's subject %s", split.MemberIDs(), subject("ofac-990002").ID)
	}
	text := mustCLI(t, db, append([]string{"subjects", "show", "ofac-990004"}, from...)...)
	for _, want := range []string{"decision 1 (merge)", "decision 1 by cli:", "court record 118", "Decisions in force"} {
		if !strings.Contains(text, want) {
			t.Errorf("show lacks %q:\n%s", want, text)
		}
	}
	st := decode[struct {
		Decisions int `json:"decisions"`
		Subjects  int `json:"subjects"`
	}](t, mustCLI(t, db, append([]string{"subjects", "stats", "--json"}, from...)...))
	if st.Decisions != 2 {
		t.Errorf("stats: %+v, want 2 decisions applied", st)
	}
	// A decision against one in force is refused until that is revoked.
	if _, errOut, code := cli(t, db, append([]string{"subjects", "not-same", "ofac-990004", "eu-990001", "--note", "x"}, from...)...); code == 0 || !strings.Contains(errOut, "decision 1") {
		t.Errorf("not-same against the merge: exit %d, %s", code, errOut)
	}
	mustCLI(t, db, "subjects", "revoke", "1", "--note", "merged in error")
	if _, errOut, code := cli(t, db, "subjects", "revoke", "1"); code == 0 || !strings.Contains(errOut, "revoked") {
		t.Errorf("revoking twice: exit %d, %s", code, errOut)
	}
	mustCLI(t, db, append([]string{"subjects", "not-same", "ofac-990004", "eu-990001", "--note", "two people"}, from...)...)
	if s := subject("ofac-990004"); len(s.Members) != 1 {
		t.Errorf("after the revocation: %v", s.MemberIDs())
	}
	ds := decided()
	if len(ds) != 4 || ds[0].RevokedBy != 3 || ds[2].Kind != entity.DecisionRevoke || !strings.HasPrefix(ds[3].Actor, "cli:") {
		t.Errorf("decisions %+v", ds)
	}
	if active := decode[[]entity.SubjectDecision](t, mustCLI(t, db, "subjects", "decisions", "--json")); len(active) != 2 {
		t.Errorf("in force: %+v", active)
	}
	// Every decision is in the audit trail, chained.
	trail := mustCLI(t, db, "audit", "export")
	if n := strings.Count(trail, `"subject.decide"`) + strings.Count(trail, `"subject.revoke"`); n != 4 {
		t.Errorf("%d subject entries in the trail, want 4:\n%s", n, trail)
	}
	mustCLI(t, db, "audit", "verify")
}

// possibleFixture is the demo lists with two more OFAC listings of the
// Taliban's Mohammad Hassan AKHUND, each with another year of birth:
// neither can be told from the other, so both are possible-same with
// the subject of his UN, UK and EU listings.
func possibleFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../demo/data")); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "ofac", "sdn.csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows := `990007,"AKHUND, Mohammad Hassan","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1955; Gender Male."` + "\r\n" +
		`990008,"AKHUND, Mohammad Hassan","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1958; Gender Male."` + "\r\n"
	end := bytes.LastIndexByte(b, 0x1a) // the file's end-of-file mark, as OFAC writes it
	if err := os.WriteFile(path, slices.Concat(b[:end], []byte(rows), b[end:]), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The possible-same queue, by subject pair, shrinks as an analyst
// decides it.
func TestSubjectsPossible(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	from := []string{"--from", possibleFixture(t)}
	queue := func() []decide.Pair {
		t.Helper()
		return decode[[]decide.Pair](t, mustCLI(t, db, append([]string{"subjects", "possible", "--json"}, from...)...))
	}
	q := queue()
	if len(q) != 2 {
		t.Fatalf("queue %+v, want the UN subject with each OFAC listing", q)
	}
	akhund := q[0].A.Subject
	for _, p := range q {
		if p.A.Subject != akhund || p.B.Members != 1 || p.Listings != 3 || p.Evidence != resolve.NameAndBirth {
			t.Errorf("pair %+v, want %s (3 listings) with one OFAC listing, by 3 pairs of listings", p, akhund)
		}
	}
	text := mustCLI(t, db, append([]string{"subjects", "possible", "--limit", "1"}, from...)...)
	if !strings.Contains(text, "1 of 2 pairs") || !strings.Contains(text, q[0].B.Subject) || strings.Contains(text, q[1].B.Subject) {
		t.Errorf("possible --limit 1:\n%s", text)
	}
	mustCLI(t, db, append([]string{"subjects", "not-same", q[0].A.Subject, q[0].B.Subject, "--note", "other year of birth"}, from...)...)
	if q2 := queue(); len(q2) != 1 || q2[0].B.Subject != q[1].B.Subject {
		t.Errorf("after not-same: %+v", q2)
	}
	mustCLI(t, db, append([]string{"subjects", "merge", q[1].A.Subject, q[1].B.EntityID, "--note", "same passport"}, from...)...)
	if q3 := queue(); len(q3) != 0 {
		t.Errorf("after the merge: %+v", q3)
	}
	if out := mustCLI(t, db, append([]string{"subjects", "stats"}, from...)...); !strings.Contains(out, "0 possible-same pairs") || !strings.Contains(out, "2 analysts' decisions") {
		t.Errorf("stats:\n%s", out)
	}
}

// The subject IDs of the store's lists are stored for the next
// resolution; those of files read beside the store are not.
func TestSubjectsKeepIDs(t *testing.T) {
	storedIDs := func(db string) map[string]string {
		t.Helper()
		st, err := sqlite.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		ids, err := st.SubjectIDs(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	files := filepath.Join(t.TempDir(), "veto.db")
	mustCLI(t, files, "subjects", "stats", "--from", "../../demo/data")
	if ids := storedIDs(files); len(ids) != 0 {
		t.Errorf("a resolution of files stored %d subject IDs", len(ids))
	}
	db := filepath.Join(t.TempDir(), "veto.db")
	mustCLI(t, db, "import", "all", "../../demo/data")
	s := decode[resolve.Subject](t, mustCLI(t, db, "subjects", "show", "ofac-990001", "--json"))
	if ids := storedIDs(db); ids["ofac-990001"] != s.ID || ids["uk-RUS9901"] != s.ID {
		t.Errorf("stored %v, want %s for Lavrov's listings", ids, s.ID)
	}
}

// veto show names the subject an entity was a member of at the store's
// last resolution, with its members, without resolving again; before
// any resolution, and for a listing alone, it names none.
func TestShowNamesSubject(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	mustCLI(t, db, "import", "all", "../../demo/data")
	if s := decode[shown](t, mustCLI(t, db, "show", "ofac-990001", "--json")); s.Subject != nil {
		t.Errorf("before any resolution: subject %+v", s.Subject)
	}
	sub := decode[resolve.Subject](t, mustCLI(t, db, "subjects", "show", "ofac-990001", "--json"))
	s := decode[shown](t, mustCLI(t, db, "show", "uk-RUS9901", "--json"))
	if s.Subject == nil || s.Subject.ID != sub.ID || !sameSet(s.Subject.Members, sub.MemberIDs()) {
		t.Errorf("subject %+v, want %s with %v", s.Subject, sub.ID, sub.MemberIDs())
	}
	if text := mustCLI(t, db, "show", "uk-RUS9901", "--raw=false"); !strings.Contains(text, "Subject "+sub.ID) || !strings.Contains(text, "ofac-990001") {
		t.Errorf("text output lacks the subject:\n%s", text)
	}
}
