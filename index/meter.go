package index

import "context"

// A search's retrieval (expanding the query's words, walking their
// postings, bounding the names they bring) is counted in steps, as its
// scoring is in word pairs: a posting visited, a name looked at or one of
// its words bounded against a unit is a step; a similarity computed while
// expanding a word is stepsPerSim of them. Retrieval looks at its context
// and charges its work to Options.Pace every checkSteps steps, so that a
// search whose retrieval is long (a long name of common words at a low
// threshold: two million steps, 30 ms) stops soon after its client has
// gone, and is paced as its scoring is. Fitted over a third of the
// development queries at thresholds 0.1, 0.5 and 0.8 (search time
// against pairs, steps and candidates scored), a step takes 13–17 ns and
// a scored pair some 25: a step is charged as half a pair.
const (
	checkSteps   = 1 << 14
	stepsPerSim  = 20
	stepsPerPair = 2
)

// meter counts a search's retrieval steps, and stops it when its context
// is done or Pace refuses.
type meter struct {
	ctx  context.Context // nil: never stopped
	pace func(pairs int64) error
	// steps is the retrieval's work; owed the steps not yet looked at.
	steps, owed int64
	err         error
}

// add counts n steps done, and reports whether the search may go on:
// every checkSteps steps it looks at the context and charges the work.
func (m *meter) add(n int) bool {
	m.steps += int64(n)
	m.owed += int64(n)
	if m.owed < checkSteps || m.err != nil || m.ctx == nil {
		return m.err == nil
	}
	m.err = m.ctx.Err()
	pairs := m.owed / stepsPerPair
	m.owed -= pairs * stepsPerPair
	if m.err == nil && m.pace != nil {
		m.err = m.pace(pairs)
	}
	return m.err == nil
}
