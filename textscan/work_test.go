package textscan

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// charges records what a scan charges.
type charges []int64

func (c *charges) charge(pairs int64) error {
	*c = append(*c, pairs)
	return nil
}

func (c charges) total() int64 {
	var n int64
	for _, p := range c {
		n += p
	}
	return n
}

// freshDemo returns a scanner over the demo index with empty caches: what
// a scan costs depends on what its scanner has seen.
func freshDemo(t testing.TB) *Scanner { return New(mustDemo(t).ix, Options{}) }

// charged scans text with a fresh scanner over ix's and returns what it
// charged.
func charged(t *testing.T, s *Scanner, text []byte) charges {
	t.Helper()
	var c charges
	if _, _, err := New(s.ix, Options{}).ScanContext(t.Context(), text, Options{}, c.charge); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestScanChargesAsItGoes checks that a long text is charged chunk by
// chunk as it is scanned, the first chunk small, not its whole cost up
// front; and that charging changes no finding.
func TestScanChargesAsItGoes(t *testing.T) {
	s := freshDemo(t)
	text := realisticText(t)
	var c charges
	got, cut, err := s.ScanContext(t.Context(), text, Options{}, c.charge)
	if err != nil {
		t.Fatal(err)
	}
	total := c.total()
	if len(c) < 10 || c[0] > 2*ChargeEvery || c[0]*10 > total {
		t.Fatalf("%d bytes charged %d pairs in %d charges, the first %d: want many charges, the first at most %d", len(text), total, len(c), c[0], 2*ChargeEvery)
	}
	for i, p := range c[:len(c)-1] {
		if p < ChargeEvery || p > 2*ChargeEvery {
			t.Errorf("charge %d of %d is %d pairs, want %d..%d", i, len(c), p, ChargeEvery, 2*ChargeEvery)
		}
	}
	want, wantCut := freshDemo(t).ScanLimited(text, Options{})
	if cut != wantCut || !slices.EqualFunc(got, want, func(a, b Finding) bool { return a.Start == b.Start && a.End == b.End && a.Kind == b.Kind }) {
		t.Errorf("charged: %d findings (cut %v), uncharged %d (cut %v)", len(got), cut, len(want), wantCut)
	}
}

// TestScanChargedByWork checks that what a text is charged follows what
// scanning it does, not its size: words never seen before cost their
// analysis, where the same word over and over costs one; a name mentioned
// twice as often costs about twice as much (linear in the findings).
func TestScanChargedByWork(t *testing.T) {
	s := mustDemo(t)
	rng := rand.New(rand.NewPCG(5, 6))
	var distinct, same strings.Builder
	for distinct.Len() < 200_000 {
		w := []byte{byte('A' + rng.IntN(26))}
		for range 7 {
			w = append(w, byte('a'+rng.IntN(26)))
		}
		fmt.Fprintf(&distinct, "%s said. ", w)
		same.WriteString("Bkdjwqop said. ")
	}
	d, r := charged(t, s, []byte(distinct.String())).total(), charged(t, s, []byte(same.String())).total()
	if d < 10*r {
		t.Errorf("200 KB of words never seen: %d pairs; of one word repeated: %d; want ten times as much at least", d, r)
	}
	once := charged(t, s, []byte(strings.Repeat("Sergei Lavrov, ", 4_000))).total()
	twice := charged(t, s, []byte(strings.Repeat("Sergei Lavrov, ", 8_000))).total()
	if ratio := float64(twice) / float64(once); ratio < 1.8 || ratio > 2.2 {
		t.Errorf("8,000 mentions of a name: %d pairs, 4,000: %d (%.2f times), want about twice", twice, once, ratio)
	}
}

// TestScriptsChargedByWork checks, on the real lists, that a text in
// Arabic, every word of which may be part of a name, is charged more a
// byte than English prose, as scanning it costs more (see
// BenchmarkScanCharged): a charge by size alone undercharged it sixfold.
func TestScriptsChargedByWork(t *testing.T) {
	s := &Scanner{ix: realIndex(t)}
	perByte := func(file string) float64 {
		text := []byte(strings.Repeat(readTestdata(t, file)+"\n", 20))
		return float64(charged(t, s, text).total()) / float64(len(text))
	}
	en, ar := perByte("prose.txt"), perByte("prose_ar.txt")
	t.Logf("pairs a byte: English prose %.3f, Arabic %.3f", en, ar)
	if ar < 2*en {
		t.Errorf("Arabic prose charged %.3f pairs a byte, English %.3f: want twice as much at least", ar, en)
	}
}

var errRefused = errors.New("refused")

// TestScanStopsWhenRefused checks that a scan whose charge is refused
// stops there, with the refusal and no findings, having done little more
// work than it was granted; and that what it left undone is not
// remembered as done (the caches): the same text scanned again in full
// finds what a fresh scanner does.
func TestScanStopsWhenRefused(t *testing.T) {
	s := freshDemo(t)
	text := realisticText(t)
	const budget = ChargeEvery
	var c charges
	refusals := 0
	got, _, err := s.ScanContext(t.Context(), text, Options{}, func(pairs int64) error {
		if refusals > 0 {
			t.Fatalf("charged %d pairs after a refusal", pairs)
		}
		c = append(c, pairs)
		if c.total() > budget {
			refusals++
			return errRefused
		}
		return nil
	})
	if !errors.Is(err, errRefused) || got != nil {
		t.Fatalf("a refused scan: %d findings, error %v; want none and the refusal", len(got), err)
	}
	full := charged(t, s, text).total()
	if done := c.total(); done > budget+2*ChargeEvery || full < 4*done {
		t.Errorf("a scan refused past %d pairs did %d of the %d of a whole scan", budget, done, full)
	}
	again, _ := s.ScanLimited(text, Options{})
	fresh, _ := freshDemo(t).ScanLimited(text, Options{})
	if !slices.EqualFunc(again, fresh, func(a, b Finding) bool { return a.Start == b.Start && a.End == b.End && a.Score == b.Score }) {
		t.Errorf("after a refused scan: %d findings, a fresh scanner %d", len(again), len(fresh))
	}
}

// TestScanStopsWhenCanceled checks that a scan whose context ends stops
// at its next charge: it charges nothing more.
func TestScanStopsWhenCanceled(t *testing.T) {
	s := freshDemo(t)
	text := realisticText(t)
	ctx, cancel := context.WithCancel(t.Context())
	var c charges
	_, _, err := s.ScanContext(ctx, text, Options{}, func(pairs int64) error {
		c = append(c, pairs)
		if len(c) == 3 {
			cancel() // the client goes while this chunk is charged
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || len(c) != 3 {
		t.Errorf("canceled at the third charge: %v after %d charges, want context.Canceled after 3", err, len(c))
	}
	_, _, err = s.ScanContext(ctx, text, Options{}, c.charge)
	if !errors.Is(err, context.Canceled) || len(c) != 3 {
		t.Errorf("canceled before it starts: %v after %d more charges, want context.Canceled and none", err, len(c)-3)
	}
}
