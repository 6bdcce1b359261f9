package screen_test

import (
	"context"
	"errors"
	"github.com/vetoscreen/veto/entity"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
)

// TestPacerSlowsCostlyWorkOnly checks that a query past its allowance
// waits for the pacer (and gives up when its client does), while a cheap
// query, and a batch of cheap queries, are not held.
func TestPacerSlowsCostlyWorkOnly(t *testing.T) {
	s := ofac2024(t)
	// 50,000 pairs at full speed, then 20,000 a second: a costly search
	// takes some seconds.
	s.SetPacer(screen.NewPacer(20_000, 50_000, 5_000))
	costly := match.Query{Subject: entity.Subject{Name: strings.Repeat("muhammad ali hasan bank trading company limited ", 4)}}
	cheap := match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}}

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if _, err := s.Screen(ctx, costly, screen.Options{Threshold: match.MinThreshold, Limit: 100, Shape: screen.Costly}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a costly query past its allowance: %v, want it held until its deadline", err)
	}

	ctx, cancel = context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := s.Screen(ctx, cheap, screen.Options{})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("a cheap query after a costly one: %v, %d hits", err, len(res.Hits))
	}
	in := make(chan match.Query)
	out := make(chan screen.Result, 100)
	go func() {
		defer close(in)
		for range 100 {
			in <- cheap
		}
	}()
	if err := s.Batch(ctx, in, out, 2, screen.Options{}); err != nil {
		t.Fatalf("a batch of 100 cheap queries: %v", err)
	}
	// Five at once queue more than MaxPaceWait of work: some give up with
	// ErrOverloaded rather than wait behind the others.
	var wg sync.WaitGroup
	errs := make([]error, 5)
	ctx, cancel = context.WithTimeout(context.Background(), 3*screen.MaxPaceWait)
	defer cancel()
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.Screen(ctx, costly, screen.Options{Threshold: match.MinThreshold, Limit: 100, Shape: screen.Costly})
		}()
	}
	wg.Wait()
	if !slices.ContainsFunc(errs, func(err error) bool { return errors.Is(err, screen.ErrOverloaded) }) {
		t.Errorf("five costly queries at once: %v; want some ErrOverloaded", errs)
	}
	// Unpaced, the costly query finishes.
	s.SetPacer(nil)
	if _, err := s.Screen(context.Background(), costly, screen.Options{Threshold: match.MinThreshold, Limit: 100, Shape: screen.Costly}); err != nil {
		t.Fatal(err)
	}
}

// TestAllowanceCharge checks work charged as it is done (a text scan's,
// chunk by chunk): within the allowance it never waits; past it, it waits
// for its own work, and is refused when it would wait behind more than
// MaxPaceWait of others'. A canceled context tells waiting (its error)
// from not (nil) without timing anything.
func TestAllowanceCharge(t *testing.T) {
	p := screen.NewPacer(1_000, 5_000, 0)
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	a := p.Allowance(1, screen.Default)
	for range 5 {
		if err := a.Charge(gone, 1_000); err != nil {
			t.Fatalf("work within the allowance: %v", err)
		}
	}
	// Past the allowance, alone: the bucket's 1,000 at once, then a
	// second of waiting for its own work, not a refusal.
	if err := a.Charge(gone, 1_000); err != nil {
		t.Fatalf("work the bucket holds: %v", err)
	}
	if err := a.Charge(gone, 1_000); !errors.Is(err, context.Canceled) {
		t.Fatalf("work past the bucket, client gone: %v, want it to wait and give up", err)
	}
	// Three requests hold 1, 2 and 3 s of the Pacer's work, each waiting
	// at most 2 s (MaxPaceWait) behind the others': none is refused. The
	// queue is watched through a costly request's admission, which
	// reserves nothing: a charge that reserved and gave up while a held
	// one reserved would stay counted (a rate.Limiter gives back a
	// canceled reservation only when none was made after it), and push
	// that one past MaxPaceWait, rightly refused.
	held, release := context.WithCancel(context.Background())
	done := make(chan error, 3)
	for range 3 {
		go func() { done <- p.Allowance(1, screen.Default).Charge(held, 6_000) }()
	}
	deadline := time.Now().Add(10 * time.Second)
	for p.Allowance(1, screen.Costly).Admit() == nil {
		if time.Now().After(deadline) {
			t.Fatal("the held requests queued no more than MaxPaceWait of work")
		}
		time.Sleep(time.Millisecond)
	}
	// The next past its allowance would wait behind them for more than
	// MaxPaceWait: it is refused at once, even as its client is gone.
	if err := p.Allowance(1, screen.Default).Charge(gone, 6_000); !errors.Is(err, screen.ErrOverloaded) {
		t.Fatalf("past the allowance behind 3 s of others' work: %v, want ErrOverloaded", err)
	}
	if err := p.Allowance(1, screen.Default).Charge(gone, 5_000); err != nil {
		t.Errorf("within the allowance behind others' work: %v", err)
	}
	release()
	for range 3 {
		// Held until released; the first may have had its second by now.
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("a held charge: %v", err)
		}
	}
	var none *screen.Allowance
	if err := none.Charge(gone, 1<<40); err != nil {
		t.Fatalf("unpaced: %v", err)
	}
}

// queue makes n Patient requests, whose queries do own pairs at full
// speed, hold about a second each of p's work (1,000 pairs a second),
// waiting in its bucket until release is called, and returns once Costly
// requests are refused at admission (the queue is past MaxPaceWait). The
// held charges end with their context's error.
func queue(t *testing.T, p *screen.Pacer, n int, own int64) (release func()) {
	t.Helper()
	held, cancel := context.WithCancel(context.Background())
	done := make(chan error, n)
	for range n {
		go func() { done <- p.Allowance(0, screen.Patient).Query().Charge(held, own+2_000) }()
	}
	deadline := time.Now().Add(10 * time.Second)
	for p.Allowance(1, screen.Costly).Admit() == nil {
		if time.Now().After(deadline) {
			t.Fatal("the held requests queued no costly work")
		}
		time.Sleep(time.Millisecond)
	}
	return func() {
		cancel()
		for range n {
			if err := <-done; !errors.Is(err, context.Canceled) {
				t.Errorf("a held charge: %v", err)
			}
		}
	}
}

// TestAllowanceWhileQueued checks what a request does at full speed
// while others' costly work is queued: its queries' own work, and a
// single query of the default shape its whole allowance; a batch's
// pooled allowance, a text's, a Costly request's are not free then, and
// a Costly request is refused before any work, saying when to retry. A
// Patient one waits where others are refused. A canceled context tells
// waiting (its error) from not (nil) without timing anything.
func TestAllowanceWhileQueued(t *testing.T) {
	// 1,000 pairs a second (the bucket holds a second's); a single query
	// does 5,000 at full speed, each query of a batch 1,000.
	p := screen.NewPacer(1_000, 5_000, 1_000)
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	// Nothing queued: a batch of 3 pools 5,000 + 2 × 1,000, and a query
	// may use it all.
	if err := p.Allowance(3, screen.Default).Query().Charge(gone, 7_000); err != nil {
		t.Fatalf("a batch's query within the batch's allowance, nothing queued: %v", err)
	}
	if err := p.Allowance(1, screen.Costly).Admit(); err != nil {
		t.Fatalf("a Costly request, nothing queued: %v", err)
	}
	// A single query at /match's default cutoff, 0.5, has 25 times the
	// allowance of one at 0.8 (the pacer's bucket is kept for what follows).
	s := screen.New(nil)
	s.SetPacer(p)
	for _, tt := range []struct {
		threshold float64
		free      int64
	}{{0.8, 5_000}, {0.5, 125_000}, {0.65, 25_000}} {
		if err := s.Allowance(1, screen.Options{Threshold: tt.threshold}).Query().Charge(gone, tt.free); err != nil {
			t.Errorf("a single query at %v, within its allowance of %d: %v", tt.threshold, tt.free, err)
		}
		if err := s.Allowance(1, screen.Options{Threshold: tt.threshold}).Query().Charge(gone, tt.free+1_001); !errors.Is(err, context.Canceled) {
			t.Errorf("a single query at %v, past its allowance of %d and the bucket: %v, want it to wait", tt.threshold, tt.free, err)
		}
	}
	release := queue(t, p, 5, 1_000)
	defer release()

	err := p.Allowance(1, screen.Costly).Admit()
	var o *screen.Overload
	if !errors.As(err, &o) || !errors.Is(err, screen.ErrOverloaded) || o.RetryAfter < screen.MaxPaceWait {
		t.Errorf("a Costly request behind the queue: %v, want an Overload retrying after the queue (over %v)", err, screen.MaxPaceWait)
	}
	for _, shape := range []screen.Shape{screen.Default, screen.Patient} {
		if err := p.Allowance(2, shape).Admit(); err != nil {
			t.Errorf("shape %d behind the queue: %v, want it admitted", shape, err)
		}
	}
	tests := []struct {
		what  string
		a     *screen.Allowance
		pairs int64
		want  error // nil: at full speed
	}{
		{"a query's own", p.Allowance(3, screen.Default).Query(), 1_000, nil},
		{"a single query's allowance", p.Allowance(1, screen.Default).Query(), 5_000, nil},
		{"a batch's pooled allowance", p.Allowance(3, screen.Default).Query(), 2_000, screen.ErrOverloaded},
		{"a text's allowance", p.TextAllowance(screen.Default), 2_000, screen.ErrOverloaded},
		{"a Costly request's query", p.Allowance(1, screen.Costly).Query(), 2_000, screen.ErrOverloaded},
		{"a Patient batch's query", p.Allowance(0, screen.Patient).Query(), 2_000, context.Canceled},
	}
	for _, tt := range tests {
		if err := tt.a.Charge(gone, tt.pairs); !errors.Is(err, tt.want) && (tt.want != nil || err != nil) {
			t.Errorf("%s behind the queue: %v, want %v", tt.what, err, tt.want)
		}
	}
}

func TestShapeOf(t *testing.T) {
	tests := []struct {
		threshold float64
		limit     int
		want      screen.Shape
	}{
		{0.8, 10, screen.Default},
		{0.9, 5, screen.Default},
		{0.79, 10, screen.Costly},
		{0.8, 11, screen.Costly},
		{match.MinThreshold, 100, screen.Costly},
	}
	for _, tt := range tests {
		if got := screen.ShapeOf(tt.threshold, 0.8, tt.limit, 10); got != tt.want {
			t.Errorf("ShapeOf(%v, 0.8, %d, 10) = %d, want %d", tt.threshold, tt.limit, got, tt.want)
		}
	}
}

// TestBatchRefusedBusy checks that a batch with an allowance of its own
// stops at the first query refused busy, returning ErrOverloaded, while
// a batch without (a job's, Patient) screens on; and that a Costly query
// is refused before it is searched, cheap or not.
func TestBatchRefusedBusy(t *testing.T) {
	s := ofac2024(t)
	p := screen.NewPacer(1_000, 200_000, 10_000)
	s.SetPacer(p)
	release := queue(t, p, 5, 10_000)
	defer release()
	cheap := match.Query{Subject: entity.Subject{Name: "Sergei Lavrov"}}
	ctx := context.Background()
	if _, err := s.Screen(ctx, cheap, screen.Options{Shape: screen.Costly}); !errors.Is(err, screen.ErrOverloaded) {
		t.Errorf("a cheap Costly query behind the queue: %v, want ErrOverloaded", err)
	}
	if res, err := s.Screen(ctx, cheap, screen.Options{}); err != nil || len(res.Hits) == 0 {
		t.Errorf("a cheap query behind the queue: %v, %d hits", err, len(res.Hits))
	}
	batch := func(opts screen.Options) (int, error) {
		in := make(chan match.Query)
		out := make(chan screen.Result, 100)
		go func() {
			defer close(in)
			for range 20 {
				in <- cheap
			}
		}()
		err := s.Batch(ctx, in, out, 2, opts)
		close(out)
		n := 0
		for r := range out {
			if r.Error == "" {
				n++
			}
		}
		return n, err
	}
	if n, err := batch(screen.Options{Shape: screen.Costly, Allowance: s.Allowance(20, screen.Options{Shape: screen.Costly})}); !errors.Is(err, screen.ErrOverloaded) || n == 20 {
		t.Errorf("a Costly batch behind the queue: %v, %d of 20 screened; want ErrOverloaded", err, n)
	}
	if n, err := batch(screen.Options{Shape: screen.Costly}); err != nil || n != 20 {
		t.Errorf("a job's batch behind the queue: %v, %d of 20 screened; want all", err, n)
	}
}
