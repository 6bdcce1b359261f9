package main

import (
	"context"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestHostileMixReachesItsTargets sends each request of loadtest's
// hostile mix once to a server and checks that it attacks what it says:
// a screening costly to compute is screened (or refused as costly), not
// refused as malformed; a wrong password reaches the password check (401
// or 429), not the form's token check (403); a request whose client
// hangs up is sent; the junk method is answered as one.
func TestHostileMixReachesItsTargets(t *testing.T) {
	dir := t.TempDir()
	url, _, _ := serve(t, filepath.Join(dir, "veto.db"), "--no-auth")
	m, err := newHostileMix(strings.TrimPrefix(url, "http://"), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"threshold 1e-9":           {"400"},
		"login":                    {"401", "429"},
		"login burst of 32":        {"401", "429"},
		"login, long name":         {"400", "413"},
		"junk method":              {"400", "404", "405", "501"},
		"batch of 1000, abandoned": {"abandoned"},
	}
	var kinds []string
	for _, r := range m.reqs {
		kinds = append(kinds, r.what)
		statuses := map[string]bool{}
		for range max(r.burst, 1) {
			statuses[m.send(context.Background(), r)] = true
		}
		ok := []string{"200", "429", "503"} // screenings: done, or refused as costly
		if w, found := want[r.what]; found {
			ok = w
		}
		for st := range statuses {
			if !slices.Contains(ok, st) {
				t.Errorf("%s: answered %s, want one of %v", r.what, st, ok)
			}
		}
	}
	for _, k := range []string{"initials", "one letter", "pairs of letters", "common words", "repeated common names", "batch of 100", "match", "text"} {
		if !slices.Contains(kinds, k) {
			t.Errorf("the mix sends no %q (it sends %v)", k, kinds)
		}
	}
}

// TestHostileKinds keeps the kinds asked for, in the mix's order, and
// names the kinds when asked for one it does not send.
func TestHostileKinds(t *testing.T) {
	m, err := newHostileMix("127.0.0.1:1", "", []string{"text", "initials"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range m.reqs {
		got = append(got, r.what)
	}
	if want := []string{"initials", "text"}; !slices.Equal(got, want) {
		t.Errorf("kinds %v, want %v", got, want)
	}
	if _, err := newHostileMix("127.0.0.1:1", "", []string{"initals"}); err == nil || !strings.Contains(err.Error(), `"initals"`) || !strings.Contains(err.Error(), "one letter") {
		t.Errorf("an unknown kind: %v, want an error naming it and the kinds", err)
	}
}

// TestAttackerCPU: 250 µs a request alone, 300 µs with the attackers (a
// sixth of the server's CPU theirs), a round without figures skipped.
func TestAttackerCPU(t *testing.T) {
	alone := []LoadPoint{{ServerCPU: 250 * time.Microsecond}, {ServerCPU: 250 * time.Microsecond}, {}}
	hostile := []LoadPoint{{ServerCPU: 300 * time.Microsecond}, {ServerCPU: 300 * time.Microsecond}, {ServerCPU: time.Millisecond}}
	if got := attackerCPU(alone, hostile); math.Abs(got-1.0/6) > 1e-9 {
		t.Errorf("attackerCPU = %v, want 1/6", got)
	}
}

// TestPairedRatio takes each round's ratio before the median: a machine
// twice as fast in one round moves the ratio of the medians, not this.
func TestPairedRatio(t *testing.T) {
	with, without := []float64{900, 1800, 950}, []float64{1000, 2000, 1000}
	if got := pairedRatio(with, without); got != 0.9 {
		t.Errorf("pairedRatio = %v, want 0.9 (the ratio of the medians is %v)", got, median(with)/median(without))
	}
}
