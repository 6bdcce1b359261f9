package screen

import (
	"context"
	"errors"
	"math"
	"runtime"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// A search's cost is counted in the word pairs it looks up
// (index.Work.Pairs), its retrieval's steps counted as half a pair each
// (index.Work.Steps): about 0.1 µs each for real queries, and up to
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

// A Pacer shares the cores between cheap searches and costly ones. Each
// query does BatchQueryAllowance of work at full speed, always: what all
// but one real query in a hundred costs, so a normal query never waits.
// Past it, a query draws on its request's allowance (QueryAllowance for a
// single query of the default shape, BatchQueryAllowance for each further
// query of a batch) while no costly work is queued, and on one token
// bucket that fills at CostlyShare of the cores once costly work is
// queued or the allowance is spent. A flood of costly queries (threshold
// 0.1, a thousand bytes of initials, batches of them) thus slows itself,
// not everyone: all costly work together gets CostlyShare of the cores,
// and a request, however large its allowance, gets nothing at full speed
// past its queries' own while others' costly work waits — an attacker
// cannot turn allowances into cores by sending requests that are refused
// once they are spent.
type Pacer struct {
	lim             *rate.Limiter
	query, perQuery int64
}

// NewPacer returns a Pacer whose costly work proceeds at pairsPerSecond,
// with an allowance of query pairs for a request of one query and
// perQuery more for each further query; each query's own is perQuery.
func NewPacer(pairsPerSecond float64, query, perQuery int64) *Pacer {
	burst := max(int(pairsPerSecond), 1)
	return &Pacer{lim: rate.NewLimiter(rate.Limit(pairsPerSecond), burst), query: query, perQuery: perQuery}
}

// DefaultPacer paces costly work to CostlyShare of this process's cores,
// with the allowances QueryAllowance and BatchQueryAllowance.
func DefaultPacer() *Pacer {
	return NewPacer(CostlyShare*float64(runtime.GOMAXPROCS(0))*PairsPerCoreSecond, QueryAllowance, BatchQueryAllowance)
}

// queued is how long the costly work already queued takes at the
// Pacer's rate: none while the bucket holds tokens.
func (p *Pacer) queued() time.Duration {
	tokens := p.lim.TokensAt(time.Now())
	if tokens >= 0 {
		return 0
	}
	return time.Duration(-tokens / float64(p.lim.Limit()) * float64(time.Second))
}

// A Shape says what a request asks for, which decides its allowance.
type Shape int

const (
	// Default: queries at the entry point's default threshold and limit
	// or above them, whose costliest real query fits QueryAllowance.
	Default Shape = iota
	// Costly: a threshold below the default or a limit above it, which
	// makes any name cost more. Its first query's allowance is a further
	// query's (BatchQueryAllowance), not QueryAllowance, and it is
	// refused at once, before any work, while costly work queued exceeds
	// MaxPaceWait (see Admit).
	Costly
	// Patient: a batch job's or a monitor's, run in the background:
	// paced as Default, but it waits for the Pacer as long as it must and
	// is never refused.
	Patient
)

// ShapeOf returns the Shape of a request at threshold with limit hits a
// query, where the entry point's defaults are def and defLimit.
func ShapeOf(threshold, def float64, limit, defLimit int) Shape {
	if threshold < def || limit > defLimit {
		return Costly
	}
	return Default
}

// Allowance is one request's work at full speed; past it, its searches
// wait for the Pacer. It is safe for concurrent use by the searches of a
// batch.
type Allowance struct {
	p     *Pacer
	shape Shape
	// single: a request of one query of the Default shape, whose
	// allowance is free even while costly work is queued.
	single bool
	// req is the request's allowance, of which this is a query's (see
	// Query); nil for the request's own.
	req *Allowance
	// pool is the request's allowance past its queries' own (see Pacer).
	pool atomic.Int64
	// own is what Charge does at full speed, always (a text's): one
	// query's own.
	own atomic.Int64
	// waited is how long the request's searches have waited, in all, and
	// paced how long their own work past the allowance takes at the
	// Pacer's rate (nanoseconds).
	waited, paced atomic.Int64
}

// Allowance returns the allowance of a request of n queries of shape at
// the default threshold; nil (no pacing) on a nil Pacer.
func (p *Pacer) Allowance(n int, shape Shape) *Allowance { return p.allowance(n, shape, 1) }

// Real queries cost more below the default threshold. Of 11,889
// generated from the lists, at /match's default cutoff 0.5 and limit 5,
// retrieval counted (index.Work.Steps, a step as half a pair), one in a
// hundred costs 81,000 pairs and one in a thousand 265,000, and 23 over
// 200,000; six cost 2.1 to 4.1 million: short names of letters beside
// light words ("mcs international gmbh", "T.M.G. ENGINEERING Ltd.",
// "VTB BANK (PUBLIC JOINTStock company)"), whose letters must retrieve
// at 0.5, so that every listed entity is scored (in 40 to 90 ms: such
// pairs are cheap). At 0.8 and limit 10 none costs over 80,000. A query
// of the Default shape below allowanceThreshold, the default threshold
// QueryAllowance was measured at (that of an entry point whose default
// is lower: /match), has QueryAllowance times up to lowThresholdScale
// (at lowThreshold and below), geometrically between: five million
// pairs at 0.5, the costliest real query with a margin. With a scale of
// 5 (a million pairs) those six waited for the Pacer for 5 to 11 s
// whenever attackers' costly work was queued, holding their clients.
const (
	allowanceThreshold = 0.8
	lowThreshold       = 0.5
	lowThresholdScale  = 25
)

// queryAllowance is the allowance of a single query of the Default
// shape at threshold.
func (p *Pacer) queryAllowance(threshold float64) int64 {
	below := min(max(allowanceThreshold-threshold, 0), allowanceThreshold-lowThreshold) / (allowanceThreshold - lowThreshold)
	return int64(float64(p.query) * math.Pow(lowThresholdScale, below))
}

// allowance is Allowance at threshold.
func (p *Pacer) allowance(n int, shape Shape, threshold float64) *Allowance {
	if p == nil {
		return nil
	}
	a := &Allowance{p: p, shape: shape, single: n == 1 && shape == Default}
	first := p.queryAllowance(threshold)
	if shape == Costly {
		first = p.perQuery
	}
	if n > 0 {
		a.pool.Store(first - p.perQuery + p.perQuery*int64(n-1))
	}
	a.own.Store(p.perQuery)
	return a
}

// TextAllowance returns the allowance of a text of shape: a query's, as
// a request of queries that is not single, since a text's scan is many
// searches.
func (p *Pacer) TextAllowance(shape Shape) *Allowance {
	a := p.Allowance(1, shape)
	if a != nil {
		a.single = false
	}
	return a
}

// grant adds n queries' allowance (a batch read from a stream).
func (a *Allowance) grant(n int) {
	if a != nil {
		a.pool.Add(a.p.perQuery * int64(n))
	}
}

// Query returns the allowance of one of the request's queries: its own
// work at full speed, then the request's.
func (a *Allowance) Query() *Allowance {
	if a == nil {
		return nil
	}
	q := &Allowance{p: a.p, shape: a.shape, req: a}
	q.own.Store(a.p.perQuery)
	return q
}

// MaxPaceWait is the longest a request's costly searches wait for others'
// costly work, in all, beyond the time their own takes at the Pacer's
// rate. Costly work queues in one bucket: were it let queue without end,
// a flood of it would make a request just past its allowance wait as long
// as the flood's backlog, and wait again at every step. A request that
// would wait longer gives up with ErrOverloaded; one alone waits only for
// its own work. A Patient one waits.
const MaxPaceWait = 2 * time.Second

// ErrOverloaded says that a search went past its allowance while costly work
// already queued for MaxPaceWait: the client may retry later, or ask for
// less (a higher threshold, a smaller batch). The error returned is an
// *Overload, which says when.
var ErrOverloaded = errors.New("the server is busy with costly searches: try again later, or with a higher threshold or a smaller batch")

// Overload is ErrOverloaded with the time after which to retry: when the
// costly work queued would be done.
type Overload struct{ RetryAfter time.Duration }

func (o *Overload) Error() string        { return ErrOverloaded.Error() }
func (o *Overload) Is(target error) bool { return target == ErrOverloaded }

// Overload returns ErrOverloaded as an *Overload, with the time until
// the costly work queued now would be done (at least a second).
func (a *Allowance) Overload() error {
	return &Overload{RetryAfter: max(a.p.queued(), time.Second)}
}

// Costly reports whether the request asks, up front, for more than a
// single query of the default shape does: a batch, a Costly shape or a
// text. A nil Allowance (no pacing) is not.
func (a *Allowance) Costly() bool { return a != nil && !a.single }

// Admit refuses a Costly request with ErrOverloaded while the costly work
// queued exceeds MaxPaceWait: it would go past its allowance at once and
// be refused then, after preparing its queries (work not charged) and
// retrieving their candidates up to the first charge (see
// index.Options.Pace), which a client sending such requests back to back
// would turn into cores. Other requests, and a nil Allowance, are
// admitted.
func (a *Allowance) Admit() error {
	if a == nil || a.shape != Costly || a.p.queued() <= MaxPaceWait {
		return nil
	}
	return a.Overload()
}

// pace returns the index.Options.Pace of a search under a.
func (a *Allowance) pace(ctx context.Context) func(int64) error {
	if a == nil {
		return nil
	}
	return func(pairs int64) error { return a.Charge(ctx, pairs) }
}

// Charge charges work done, pairs of it, to the allowance, as a search
// does every so often, and a text scan every textscan.ChargeEvery pairs.
// Work within the allowance's own is free; past it, work draws on the
// request's allowance while no costly work is queued, and else waits for
// the Pacer. When the request's waits, in all, would exceed the time its
// own work takes at the Pacer's rate by more than MaxPaceWait (others'
// costly work queued before it), it returns ErrOverloaded, unless the
// request is Patient; when ctx ends while it waits, ctx's error. A nil
// Allowance takes anything.
func (a *Allowance) Charge(ctx context.Context, pairs int64) error {
	if a == nil {
		return nil
	}
	left := a.own.Add(-pairs)
	if left >= 0 {
		return nil
	}
	over := min(pairs, -left)
	req := a
	if a.req != nil {
		req = a.req
	}
	if req.single || a.p.queued() == 0 {
		// A single query of the default shape, or nobody waits: the
		// request's allowance pays what it can.
		n := req.pool.Add(-over)
		if n >= 0 {
			return nil
		}
		over = min(over, -n)
	}
	for over > 0 {
		n := min(over, int64(a.p.lim.Burst()))
		r := a.p.lim.ReserveN(time.Now(), int(n))
		if !r.OK() {
			return a.Overload()
		}
		d := r.Delay()
		own := req.paced.Add(int64(float64(n) / float64(a.p.lim.Limit()) * float64(time.Second)))
		if time.Duration(req.waited.Add(int64(d))-own) > MaxPaceWait && a.shape != Patient {
			r.Cancel()
			return a.Overload()
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
