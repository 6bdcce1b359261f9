package eval

import (
	"github.com/vetoscreen/veto/entity"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/match"
)

func TestEvaluate(t *testing.T) {
	cases := []Case{
		{Query: match.Query{Subject: entity.Subject{Name: "a"}}, Expect: []string{"x-1", "y-1"}, Kind: "exact"},
		{Query: match.Query{Subject: entity.Subject{Name: "b"}}, Expect: []string{"x-2"}, Kind: "typo1"},
		{Query: match.Query{Subject: entity.Subject{Name: "c"}}, Expect: []string{}, Kind: "unlisted-person"},
		{Query: match.Query{Subject: entity.Subject{Name: "d"}}, Expect: []string{}, Kind: "unlisted-person"},
	}
	hits := [][]Hit{
		{{"y-1", 0.95}, {"x-9", 0.82}}, // found (another ID of the party), one false hit
		{{"x-2", 0.75}},                // found at 0.70, missed at 0.80
		{{"x-3", 0.85}},                // a negative that hits at 0.80
		nil,
	}
	r := Evaluate(cases, hits, []float64{0.7, 0.8}, 0.8)
	m := r.Default
	if m.Recall != 0.5 || m.FPR != 0.5 || m.FalseHits != 2 || m.Found != 1 || m.Precision != 1.0/3 {
		t.Errorf("at 0.80: %+v", m)
	}
	if r.Thresholds[0].Recall != 1 {
		t.Errorf("at 0.70: %+v", r.Thresholds[0])
	}
	if len(r.Misses) != 1 || r.Misses[0].Case.Query.Name != "b" || r.Misses[0].Expected != 0.75 {
		t.Errorf("misses = %+v", r.Misses)
	}
	if len(r.FalseHits) != 1 || r.FalseHits[0].Top.EntityID != "x-3" {
		t.Errorf("false hits = %+v", r.FalseHits)
	}
	b := Baseline{Split: "test", Threshold: 0.8, Recall: 0.5, FPR: 0.5}
	if err := b.Check(r); err != nil {
		t.Errorf("equal to the baseline: %v", err)
	}
	b.Recall = 0.6
	if err := b.Check(r); err == nil || !strings.Contains(err.Error(), "recall") {
		t.Errorf("worse recall not caught: %v", err)
	}
	b.Recall, b.FPR = 0.5, 0.4
	if err := b.Check(r); err == nil || !strings.Contains(err.Error(), "false-positive") {
		t.Errorf("worse FPR not caught: %v", err)
	}
}
