// Package screen is veto's screening service: it holds the Snapshot
// served — the index and the list versions it was built from — publishes
// a new one atomically when the lists change, builds snapshots of past
// versions for as-of screening, and screens single queries and batches of
// them against a snapshot.
package screen

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/source/all"
)

// ErrNotReady is returned while no index is loaded.
var ErrNotReady = errors.New("no list data loaded yet")

// Screener screens queries against a Snapshot. The Screener New returns
// screens against the snapshot last published (Publish replaces it
// without blocking searches in flight); On returns one bound to a given
// snapshot. It is safe for concurrent use.
type Screener struct {
	current *atomic.Pointer[Snapshot]
	// bound says the screener screens against fixed, whatever is
	// published (see On); fixed nil is then not ready.
	bound bool
	fixed *Snapshot
	pacer *Pacer
}

// SetPacer makes the screener pace costly work with p (nil: never). Call
// it before screening.
func (s *Screener) SetPacer(p *Pacer) { s.pacer = p }

// Allowance returns the allowance of a request of n queries screened
// with opts (its Shape, and its threshold: Threshold, else Config's, else
// the index's), to share among them through Options.Allowance; nil if
// the screener does not pace.
func (s *Screener) Allowance(n int, opts Options) *Allowance {
	threshold := opts.Threshold
	switch {
	case threshold != 0:
	case opts.Config != nil:
		threshold = opts.Config.Threshold
	case s.Index() != nil:
		threshold = s.Index().Config().Threshold
	default:
		threshold = allowanceThreshold
	}
	return s.pacer.allowance(n, opts.Shape, threshold)
}

// TextAllowance returns the allowance of a text of shape (see
// Pacer.TextAllowance); nil if the screener does not pace.
func (s *Screener) TextAllowance(shape Shape) *Allowance { return s.pacer.TextAllowance(shape) }

// New returns a Screener on ix, as live data of unnamed versions (nil:
// not ready until Publish).
func New(ix *index.Index) *Screener {
	s := &Screener{current: new(atomic.Pointer[Snapshot])}
	if ix != nil {
		s.current.Store(NewSnapshot(ix, DataLive, nil))
	}
	return s
}

// Publish makes snap the snapshot screened against from now on.
func (s *Screener) Publish(snap *Snapshot) { s.current.Store(snap) }

// Snapshot returns the snapshot screened against: the one the screener is
// bound to, or the one last published; nil when none is.
func (s *Screener) Snapshot() *Snapshot {
	if s.bound {
		return s.fixed
	}
	return s.current.Load()
}

// On returns a screener, pacing as s does, that screens against snap
// whatever is published later: a caller takes the snapshot once and
// screens, reports and audits with it.
func (s *Screener) On(snap *Snapshot) *Screener {
	return &Screener{current: s.current, bound: true, fixed: snap, pacer: s.pacer}
}

// Index returns the index of the snapshot screened against, or nil.
func (s *Screener) Index() *index.Index {
	if snap := s.Snapshot(); snap != nil {
		return snap.Index
	}
	return nil
}

// Options control a screening.
type Options struct {
	// Config overrides scoring; nil means the index's.
	Config *match.Config
	// Threshold overrides Config.Threshold when not zero.
	Threshold float64
	// Limit caps the hits per query (default 10; negative: no limit),
	// after grouping.
	Limit int
	// By groups the hits: by subject (the default) or by listing.
	By Grouping
	// Explain asks for the full explanation of each hit.
	Explain bool
	// Lists, if not empty, keeps only hits on these lists or of these
	// jurisdictions ("us", "un", "eu", "uk", "ca", "au", or list names).
	Lists []string
	// Exclude, if set, drops the entities for which it returns true
	// (yente's exclude_schema and exclude_entity_ids).
	Exclude func(*entity.Entity) bool
	// Kinds, if not empty, keeps only hits on lists of these kinds
	// (entity.Kinds: "sanction", "pep", "internal", ...); ExcludeKinds
	// drops hits on lists of these kinds. A listing on several lists is
	// kept when one of them is kept. With Lists, a profile: "the EU's
	// sanctions and our PEP list, not the debarments".
	Kinds, ExcludeKinds []string
	// Topics, if not empty, keeps only entities carrying one of these
	// topics (OpenSanctions' "role.pep", "sanction", ...; only imported
	// FtM lists carry topics).
	Topics []string
	// Allowance is the request's work at full speed (see Pacer); nil
	// means that of a request of one query of Shape, if the screener
	// paces.
	Allowance *Allowance
	Shape     Shape
}

// Hit is one listed entity a query matched.
type Hit struct {
	EntityID string  `json:"entity_id"`
	Score    float64 `json:"score"`
	// Name is the entity's name that matched; Caption its primary name.
	Name    string        `json:"name"`
	Caption string        `json:"caption"`
	Schema  entity.Schema `json:"schema"`
	// List is the entity's main list; Lists all lists it is on.
	List  string   `json:"list"`
	Lists []string `json:"lists,omitempty"`
	// Regimes are the sanctions regimes of those lists: "us", "un", "eu",
	// "uk", "ca", "au".
	Regimes []string `json:"regimes,omitempty"`
	// Kind is the kind of List: "sanction" for the official lists, the
	// kind an imported list was given ("pep", "internal", ...); Kinds
	// those of Lists. A hit on a PEP list is not a sanctions hit.
	Kind  string   `json:"kind"`
	Kinds []string `json:"kinds,omitempty"`
	// Topics are the entity's topics, when its list carries them.
	Topics []string `json:"topics,omitempty"`
	// Explanation is set when asked for.
	Explanation *match.Explanation `json:"explanation,omitempty"`
	// Subject is the ID of the sanctioned subject the entity is a
	// listing of, and Members counts its listings, when the snapshot has
	// a resolution. Grouped by subject, a hit stands for the subject:
	// EntityID, Score, Name and Explanation are its best listing's, Lists
	// and Regimes those of all its listings, and Matched the listings the
	// query matched, best first, when it has several.
	Subject string    `json:"subject,omitempty"`
	Members int       `json:"members,omitempty"`
	Matched []Listing `json:"matched,omitempty"`
}

// Result is the outcome of one query.
type Result struct {
	ID   string `json:"id,omitempty"`
	Hits []Hit  `json:"hits"`
	// Error says why the query could not be screened.
	Error string `json:"error,omitempty"`
}

// DefaultLimit is the hits returned per query unless asked otherwise.
const DefaultLimit = 10

// Screen screens one query.
func (s *Screener) Screen(ctx context.Context, q match.Query, opts Options) (Result, error) {
	// A caller that has gone (a client disconnected, a job canceled)
	// stops here, between queries: a search itself is not interrupted,
	// but a batch does not screen on for nobody.
	if err := ctx.Err(); err != nil {
		return Result{ID: q.ID}, err
	}
	snap := s.Snapshot()
	if snap == nil {
		return Result{ID: q.ID}, ErrNotReady
	}
	allowance := opts.Allowance
	if allowance == nil {
		allowance = s.Allowance(1, opts)
	}
	if err := allowance.Admit(); err != nil {
		return Result{ID: q.ID}, err
	}
	ix := snap.Index
	cfg := ix.Config()
	if opts.Config != nil {
		cfg = *opts.Config
	}
	if opts.Threshold != 0 {
		cfg.Threshold = opts.Threshold
	}
	if err := cfg.Validate(); err != nil {
		return Result{ID: q.ID}, err
	}
	p, err := cfg.Prepare(q, ix)
	if err != nil {
		return Result{ID: q.ID}, fmt.Errorf("query %s: %w", q.ID, err)
	}
	limit := opts.Limit
	if limit == 0 {
		limit = DefaultLimit
	}
	if limit < 0 {
		limit = 0
	}
	var subs *subjects
	if opts.By != ByListing {
		subs = snap.derived.subjects.Load()
	}
	first, most := subs.searchLimit(limit)
	search := index.Options{Config: &cfg, Limit: first, Explain: true, Filter: filter(opts), Pace: allowance.Query().pace(ctx)}
	hits, err := ix.SearchContext(ctx, p, search)
	if err != nil {
		return Result{ID: q.ID}, err
	}
	res := Result{ID: q.ID, Hits: hitsOf(hits, opts.Explain)}
	if subs == nil || subs.res == nil {
		return res, nil
	}
	grouped := subs.group(res.Hits, limit)
	if len(grouped) < limit && len(hits) == first && first < most {
		// Subjects listed several times filled the first search: the
		// largest possible search holds limit subjects, if there are.
		search.Limit = most
		if hits, err = ix.SearchContext(ctx, p, search); err != nil {
			return Result{ID: q.ID}, err
		}
		grouped = subs.group(hitsOf(hits, opts.Explain), limit)
	}
	res.Hits = grouped
	return res, nil
}

// hitsOf turns the index's hits into a screening's, one per listing.
func hitsOf(hits []index.Hit, explain bool) []Hit {
	out := make([]Hit, 0, len(hits))
	for _, h := range hits {
		hit := Hit{EntityID: h.EntityID, Score: h.Score, Caption: h.Entity.Caption(), Schema: h.Entity.Schema, List: h.Entity.List, Lists: h.Lists, Regimes: all.ListRegimes(h.Lists),
			Kind: all.Kind(h.Entity.List), Kinds: all.ListKinds(h.Lists), Topics: h.Entity.Topics}
		if h.Explanation != nil {
			hit.Name = h.Explanation.Name
		}
		if explain {
			hit.Explanation = h.Explanation
		}
		out = append(out, hit)
	}
	return out
}

// filter keeps candidates on one of the lists or jurisdictions o names,
// on a list of a kind o keeps, with a topic o asks for, that o.Exclude
// does not drop.
func filter(o Options) func(*match.Candidate, []string) bool {
	if len(o.Lists) == 0 && o.Exclude == nil && len(o.Kinds) == 0 && len(o.ExcludeKinds) == 0 && len(o.Topics) == 0 {
		return nil
	}
	names, exclude, kinds, notKinds, topics := o.Lists, o.Exclude, o.Kinds, o.ExcludeKinds, o.Topics
	// keepsKind reports whether the kinds filters keep hits on list.
	keepsKind := func(list string) bool {
		k := all.Kind(list)
		return (len(kinds) == 0 || slices.Contains(kinds, k)) && !slices.Contains(notKinds, k)
	}
	asked := func(t string) bool { return slices.Contains(topics, t) }
	return func(c *match.Candidate, lists []string) bool {
		return (exclude == nil || !exclude(c.Entity)) &&
			(len(names) == 0 || onLists(names, lists)) &&
			(len(kinds) == 0 && len(notKinds) == 0 || slices.ContainsFunc(lists, keepsKind)) &&
			(len(topics) == 0 || slices.ContainsFunc(c.Entity.Topics, asked))
	}
}

// onLists reports whether one of lists is named, by name or jurisdiction.
func onLists(names, lists []string) bool {
	for _, l := range lists {
		for _, n := range names {
			if l == n || all.Jurisdiction(l) == n {
				return true
			}
		}
	}
	return false
}

// Batch screens queries from in on workers goroutines (0: one per CPU)
// and sends results to out in input order. It stops at the first
// context error, and at ErrOverloaded (the allowance of opts, not
// Patient, gave up waiting for the Pacer), which it returns; a query that
// fails validation gives a Result with Error set and does not stop the
// batch. Without opts.Allowance, the batch is Patient: a job's or a
// monitor's, run in the background, it waits for the Pacer rather than
// fail.
func (s *Screener) Batch(ctx context.Context, in <-chan match.Query, out chan<- Result, workers int, opts Options) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// The whole batch is screened against one snapshot.
	if !s.bound {
		s = s.On(s.Snapshot())
	}
	// A batch of unknown length earns its allowance query by query.
	grow := opts.Allowance == nil && s.pacer != nil
	if grow {
		opts.Allowance = s.pacer.Allowance(0, Patient)
	}
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	type job struct {
		q   match.Query
		res chan Result
	}
	jobs := make(chan job, workers*4)
	order := make(chan chan Result, workers*64)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r, err := s.Screen(ctx, j.q, opts)
				if errors.Is(err, ErrOverloaded) {
					stop(err)
				}
				if err != nil {
					r = Result{ID: j.q.ID, Hits: []Hit{}, Error: err.Error()}
				}
				j.res <- r
			}
		}()
	}
	feedErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		for q := range in {
			if grow {
				opts.Allowance.grant(1)
			}
			res := make(chan Result, 1)
			select {
			case order <- res:
			case <-ctx.Done():
				feedErr <- ctx.Err()
				return
			}
			select {
			case jobs <- job{q: q, res: res}:
			case <-ctx.Done():
				feedErr <- ctx.Err()
				return
			}
		}
		feedErr <- nil
	}()
	var err error
	for res := range order {
		select {
		case r := <-res:
			out <- r
		case <-ctx.Done():
			err = context.Cause(ctx)
		}
		if err != nil {
			break
		}
	}
	wg.Wait()
	if ferr := <-feedErr; err == nil && ferr != nil {
		err = context.Cause(ctx)
	}
	return err
}
