package screen

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// A search's cost is counted in the word pairs it looks up
// (index.Work.Pairs): about 0.1 µs each for real queries, and up to
// 0.5 µs for names built to be costly (a thousand bytes of two-letter
// words at threshold 0.1: 930,000 pairs in 0.43 s). At the default
// threshold the costliest of 3,000 real queries looks up 200,000, one in
// a hundred more than 9,500; at threshold 0.1 and limit 100 one in a
// hundred looks up three million.
const (
	// QueryAllowance is the work a query does unpaced: what the costliest
	// real query costs at the default threshold.
	QueryAllowance = 200_000
	// BatchQueryAllowance is what each further query of a batch adds to
	// the batch's allowance: what all but one in a hundred real queries
	// cost at the default threshold.
	BatchQueryAllowance = 10_000
	// PairsPerCoreSecond is a core's rate on the costly kind of names.
	PairsPerCoreSecond = 2_000_000
	// CostlyShare is the share of the cores that work beyond its
	// allowance gets, all such work together.
	CostlyShare = 0.1
)

// A Pacer shares the cores between cheap searches and costly ones: each
// request may do its allowance of work at full speed, and what it does
// beyond draws from one token bucket that fills at CostlyShare of the
// cores. A flood of costly queries (threshold 0.1, a thousand bytes of
// initials, a batch of them) then slows itself, not everyone: it waits
// for tokens instead of taking cores, and stops when its client goes.
type Pacer struct {
	lim             *rate.Limiter
	query, perQuery int64
}

// NewPacer returns a Pacer whose costly work proceeds at pairsPerSecond,
// with an allowance of query pairs for a request of one query and
// perQuery more for each further query.
func NewPacer(pairsPerSecond float64, query, perQuery int64) *Pacer {
	burst := max(int(pairsPerSecond), 1)
	return &Pacer{lim: rate.NewLimiter(rate.Limit(pairsPerSecond), burst), query: query, perQuery: perQuery}
}

// DefaultPacer paces costly work to CostlyShare of this process's cores,
// with the allowances QueryAllowance and BatchQueryAllowance.
func DefaultPacer() *Pacer {
	return NewPacer(CostlyShare*float64(runtime.GOMAXPROCS(0))*PairsPerCoreSecond, QueryAllowance, BatchQueryAllowance)
}

// Allowance is one request's work at full speed; past it, its searches
// wait for the Pacer. It is safe for concurrent use by the searches of a
// batch.
type Allowance struct {
	p    *Pacer
	free atomic.Int64
	// waited is how long the request's searches have waited, in all, and
	// paced how long their own work past the allowance takes at the
	// Pacer's rate (nanoseconds).
	waited, paced atomic.Int64
}

// Allowance returns the allowance of a request of n queries; nil (no
// pacing) on a nil Pacer.
func (p *Pacer) Allowance(n int) *Allowance {
	if p == nil {
		return nil
	}
	a := &Allowance{p: p}
	a.free.Store(p.query + p.perQuery*int64(max(n-1, 0)))
	return a
}

// grant adds n queries' allowance (a batch read from a stream).
func (a *Allowance) grant(n int) {
	if a != nil {
		a.free.Add(a.p.perQuery * int64(n))
	}
}

// MaxPaceWait is the longest a request's costly searches wait for others'
// costly work, in all, beyond the time their own takes at the Pacer's
// rate. Costly work queues in one bucket: were it let queue without end,
// a flood of it would make a request just past its allowance wait as long
// as the flood's backlog, and wait again at every step. A request that
// would wait longer gives up with ErrOverloaded; one alone waits only for
// its own work.
const MaxPaceWait = 2 * time.Second

// ErrOverloaded says that a search went past its allowance while costly work
// already queued for MaxPaceWait: the client may retry later, or ask for
// less (a higher threshold, a smaller batch).
var ErrOverloaded = errors.New("the server is busy with costly searches: try again later, or with a higher threshold or a smaller batch")

// pace returns the index.Options.Pace of a search under a.
func (a *Allowance) pace(ctx context.Context) func(int64) error {
	if a == nil {
		return nil
	}
	return func(pairs int64) error { return a.Charge(ctx, pairs) }
}

// Charge charges work done, pairs of it, to the allowance, as a search
// does every so often, and a text scan every textscan.ChargeEvery pairs:
// past the allowance it waits for the Pacer. When the request's waits, in
// all, would exceed the time its own work takes at the Pacer's rate by
// more than MaxPaceWait (others' costly work queued before it), it
// returns ErrOverloaded; when ctx ends while it waits, ctx's error. A nil
// Allowance takes anything.
func (a *Allowance) Charge(ctx context.Context, pairs int64) error {
	if a == nil {
		return nil
	}
	left := a.free.Add(-pairs)
	if left >= 0 {
		return nil
	}
	over := min(pairs, -left)
	for over > 0 {
		n := min(over, int64(a.p.lim.Burst()))
		r := a.p.lim.ReserveN(time.Now(), int(n))
		if !r.OK() {
			return ErrOverloaded
		}
		d := r.Delay()
		own := a.paced.Add(int64(float64(n) / float64(a.p.lim.Limit()) * float64(time.Second)))
		if time.Duration(a.waited.Add(int64(d))-own) > MaxPaceWait {
			r.Cancel()
			return ErrOverloaded
		}
		if d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				r.Cancel()
				return ctx.Err()
			}
		}
		over -= n
	}
	return nil
}
