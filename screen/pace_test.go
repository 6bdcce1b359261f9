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
	if _, err := s.Screen(ctx, costly, screen.Options{Threshold: match.MinThreshold, Limit: 100}); !errors.Is(err, context.DeadlineExceeded) {
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
			_, errs[i] = s.Screen(ctx, costly, screen.Options{Threshold: match.MinThreshold, Limit: 100})
		}()
	}
	wg.Wait()
	if !slices.ContainsFunc(errs, func(err error) bool { return errors.Is(err, screen.ErrOverloaded) }) {
		t.Errorf("five costly queries at once: %v; want some ErrOverloaded", errs)
	}
	// Unpaced, the costly query finishes.
	s.SetPacer(nil)
	if _, err := s.Screen(context.Background(), costly, screen.Options{Threshold: match.MinThreshold, Limit: 100}); err != nil {
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
	// Three requests hold 1, 2 and 3 s of the Pacer's work: the next past
	// its allowance would wait behind them for more than MaxPaceWait, and
	// is refused.
	held, release := context.WithCancel(context.Background())
	done := make(chan error, 3)
	for range 3 {
		go func() { done <- p.Allowance(1, screen.Default).Charge(held, 6_000) }()
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := p.Allowance(1, screen.Default).Charge(gone, 6_000)
		if errors.Is(err, screen.ErrOverloaded) {
			break
		}
		if !errors.Is(err, context.Canceled) || time.Now().After(deadline) {
			t.Fatalf("past the allowance behind 3 s of others' work: %v, want ErrOverloaded", err)
		}
		time.Sleep(time.Millisecond) // until the held ones have reserved
	}
	if err := p.Allowance(1, screen.Default).Charge(gone, 5_000); err != nil {
		t.Errorf("within the allowance behind others' work: %v", err)
	}
	release()
	for range 3 {
		// The first held may have had its second by now.
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("a held charge: %v", err)
		}
	}
	var none *screen.Allowance
	if err := none.Charge(gone, 1<<40); err != nil {
		t.Fatalf("unpaced: %v", err)
	}
}
