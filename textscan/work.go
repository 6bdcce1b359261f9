package textscan

import (
	"context"

	"github.com/vetoscreen/veto/index"
)

// A scan counts its work as it does it, in the unit a server paces
// searches by: the word pair the index looks up (index.Work.Pairs), which
// screen.Pacer prices at half a microsecond of a core. What a scan does
// other than search is counted in pairs too, at what it costs: its words,
// the listed names its anchors lead to, the bounds of its windows, the
// searches of the windows that may hold a name. A text is thus charged by
// what scanning it does, not by its size: English prose, whose words are
// mostly skipped as lower case, costs a fraction of an Arabic text, whose
// every word may be part of a name; and what the caches spare (a name
// seen before) is not charged. The costs below were measured on the real
// lists, phase by phase; BenchmarkScanCharged reports what a charged pair
// takes to scan, on English prose and payments, Russian and Arabic news,
// cold and warm: 200 to 1,100 ns on the shared 2-core machine, against
// the Pacer's 500. (Charged by its size, 2.4 pairs a byte, English prose
// paid five times its work cold, some thirty times warm.)
const (
	// pairsPerByte is what a byte of text costs to cut into words and
	// class them, and to look for places and identifiers;
	// pairsPerLookup what looking up a word that may be a name's costs
	// (in a line with small letters, a word in small letters is not
	// looked up: most of English or Russian prose, none of Arabic);
	// pairsPerAnalysis what analysing a word not seen before costs
	// (names.Analyze, the listed words it anchors on, or may be a
	// spelling of).
	pairsPerByte     = 0.06
	pairsPerLookup   = 0.8
	pairsPerAnalysis = 60
	// pairsPerRun is what a run of words with an anchor costs to look up
	// in the run cache; pairsPerHit what a name found costs to resolve and
	// report, from the cache or not.
	pairsPerRun = 0.5
	pairsPerHit = 0.5
	// Bounding a run (runNames) costs pairsPerRunToken for each of its
	// tokens (the listed words it may be a spelling of), and for each
	// token of the listed names its anchors lead to pairsPerListedToken,
	// and pairsPerMeeting for each run token it is compared with (up to
	// meetAll: past them, skeletons are looked up in tables).
	pairsPerRunToken    = 12
	pairsPerListedToken = 0.2
	pairsPerMeeting     = 0.08
	meetAll             = 13
	// pairsPerWindowName is what a window's bound costs for each name of
	// its anchors (bound).
	pairsPerWindowName = 0.1
	// A window's search costs, beyond the pairs it looks up,
	// pairsPerSearch (analysing the window's text as a query and
	// expanding its words) and pairsPerScored for each name scored
	// (and explained).
	pairsPerSearch = 100
	pairsPerScored = 10
)

// ChargeEvery is about the most work a scan does between two charges (see
// ScanContext), in pairs: 5 ms of a core at the Pacer's price.
const ChargeEvery = 10_000

// meter counts a scan's work and charges it, ChargeEvery at a time.
type meter struct {
	ctx    context.Context
	charge func(pairs int64) error
	// owed is the work done and not charged yet; err what stopped the
	// scan (charge's error or ctx's), after which nothing is charged.
	owed float64
	err  error
	// cutTo is the end of the text counted as cut into words so far.
	cutTo int
}

// add counts work done.
func (m *meter) add(pairs float64) { m.owed += pairs }

// addSearch counts a window's search.
func (m *meter) addSearch(w *index.Work) {
	m.owed += pairsPerSearch + float64(w.Pairs) + pairsPerScored*float64(w.Scored)
}

// addRun counts a run's bound (runNames) of toks tokens against listed
// tokens of the names its anchors lead to.
func (m *meter) addRun(toks, listed int) {
	m.owed += pairsPerRunToken*float64(toks) + pairsPerListedToken*float64(listed) + pairsPerMeeting*float64(listed*min(toks, meetAll))
}

// cut counts the text up to byte end as cut into words and looked at,
// and charges the work done once it reaches ChargeEvery (see check).
func (m *meter) cut(end int) error {
	m.owed += pairsPerByte * float64(end-m.cutTo)
	m.cutTo = end
	return m.check()
}

// cutEvery is how many words are looked at between two calls of cut.
const cutEvery = 1024

// check charges the work done once it reaches ChargeEvery, and reports
// whether the scan must stop: charge refused, or ctx ended. ctx is looked
// at as often as work is charged, so a scan whose client has gone stops
// within ChargeEvery pairs of work.
func (m *meter) check() error {
	if m.err == nil && m.owed >= ChargeEvery {
		m.settle()
	}
	return m.err
}

// settle charges all the work done.
func (m *meter) settle() error {
	if m.err != nil {
		return m.err
	}
	if m.err = m.ctx.Err(); m.err != nil {
		return m.err
	}
	n := int64(m.owed)
	if n <= 0 {
		return nil
	}
	m.owed -= float64(n)
	if m.charge != nil {
		m.err = m.charge(n)
	}
	return m.err
}
