package index

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
)

// longRetrieval returns an index of synthetic names and a query whose
// retrieval is long there: a long name of common words.
func longRetrieval(t *testing.T) (*Index, *match.Prepared) {
	t.Helper()
	r := rand.New(rand.NewPCG(7, 8))
	ix := Build(syntheticEntities(r, 8000), match.DefaultConfig())
	cfg := ix.Config()
	p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: strings.Repeat("Sergei Lavrov Muhammad Ali Bank Melli Trading ", 20)}}, ix)
	if err != nil {
		t.Fatal(err)
	}
	return ix, p
}

// TestRetrievalStopsWhenAbandoned checks that a search whose retrieval is
// long (a long name of common words at the lowest threshold) looks at its
// context while retrieving: abandoned at its third look, it stops within
// a look's steps of it (and a posting list), having scored nothing, and
// says so.
func TestRetrievalStopsWhenAbandoned(t *testing.T) {
	ix, p := longRetrieval(t)
	var all Work
	if _, err := ix.SearchContext(context.Background(), p, Options{Threshold: match.MinThreshold, Work: &all}); err != nil {
		t.Fatal(err)
	}
	ctx := &doneAfter{Context: context.Background(), n: 2}
	var w Work
	hits, err := ix.SearchContext(ctx, p, Options{Threshold: match.MinThreshold, Work: &w})
	if !errors.Is(err, context.Canceled) || hits != nil {
		t.Fatalf("abandoned search: %d hits, error %v; want none and context.Canceled", len(hits), err)
	}
	// The look before the search's first step, and two while retrieving.
	if all.Steps < 10*checkSteps || w.Steps > 2*checkSteps+int64(ix.Stats.Names) || w.Scored > 0 {
		t.Errorf("a search abandoned at its third look retrieved %d steps and scored %d candidates; a whole one %d steps", w.Steps, w.Scored, all.Steps)
	}
}

// TestRetrievalIsPaced checks that a search charges its retrieval to
// Options.Pace as it goes, at stepsPerPair steps a pair, and stops where
// Pace refuses, before scoring.
func TestRetrievalIsPaced(t *testing.T) {
	ix, p := longRetrieval(t)
	var charged int64
	var w Work
	if _, err := ix.SearchContext(context.Background(), p, Options{Threshold: match.MinThreshold, Work: &w,
		Pace: func(pairs int64) error { charged += pairs; return nil }}); err != nil {
		t.Fatal(err)
	}
	// Scoring charges its pairs, retrieval its steps: all but the last
	// look's of each.
	if want := w.Pairs + w.Steps/stepsPerPair; charged < want-checkSteps-int64(checkEvery)*1000 || charged > want {
		t.Errorf("charged %d pairs for %d pairs and %d retrieval steps", charged, w.Pairs, w.Steps)
	}
	refused := errors.New("refused")
	calls := 0
	w = Work{}
	_, err := ix.SearchContext(context.Background(), p, Options{Threshold: match.MinThreshold, Work: &w,
		Pace: func(int64) error { calls++; return refused }})
	if !errors.Is(err, refused) || calls != 1 || w.Scored > 0 || w.Steps > checkSteps+int64(ix.Stats.Names) {
		t.Errorf("refused at the first charge: error %v after %d charges, %d steps and %d candidates scored", err, calls, w.Steps, w.Scored)
	}
}
