package eval

import (
	"fmt"
	"slices"
	"sort"
)

// Hit is what a screening returned for a case: an entity and its score.
type Hit struct {
	EntityID string  `json:"entity_id"`
	Score    float64 `json:"score"`
}

// Metrics are the figures at one threshold.
type Metrics struct {
	Threshold float64 `json:"threshold"`
	// Recall is the share of positive cases in which an expected entity
	// scored at or above the threshold.
	Recall float64 `json:"recall"`
	// Precision is found positives over found positives plus false hits
	// (hits on unexpected entities, in any case).
	Precision float64 `json:"precision"`
	// FPR is the share of negative cases with any hit.
	FPR float64 `json:"fpr"`
	F1  float64 `json:"f1"`
	// Found, Missed: positive cases; FalseHits: hits on unexpected
	// entities; NegativesHit: negative cases with a hit.
	Found        int `json:"found"`
	Missed       int `json:"missed"`
	FalseHits    int `json:"falseHits"`
	NegativesHit int `json:"negativesHit"`
}

// KindMetrics are the figures for one kind of case at the default
// threshold: recall for variants, false-positive rate for negatives.
type KindMetrics struct {
	Kind     string  `json:"kind"`
	Positive bool    `json:"positive"`
	Cases    int     `json:"cases"`
	Rate     float64 `json:"rate"`
	Failures int     `json:"failures"`
}

// Failure is a case that went wrong at the default threshold: a positive
// whose expected entity did not reach it, or a negative that hit.
type Failure struct {
	Case Case `json:"case"`
	// Expected is the best score of an expected entity (positives).
	Expected float64 `json:"expected"`
	// Top is the best hit of the case.
	Top *Hit `json:"top,omitempty"`
}

// Report is the evaluation of a set of cases.
type Report struct {
	Cases      int           `json:"cases"`
	Positives  int           `json:"positives"`
	Negatives  int           `json:"negatives"`
	Default    Metrics       `json:"default"`
	Thresholds []Metrics     `json:"thresholds"`
	Kinds      []KindMetrics `json:"kinds"`
	Misses     []Failure     `json:"misses"`
	FalseHits  []Failure     `json:"falseHits"`
}

// DefaultThresholds are the thresholds a report covers.
var DefaultThresholds = []float64{0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95}

// Evaluate scores the results of cases (hits[i] are case i's hits, with
// every score at or above the lowest threshold) at each threshold, and in
// detail at def.
func Evaluate(cases []Case, hits [][]Hit, thresholds []float64, def float64) Report {
	r := Report{Cases: len(cases)}
	for _, c := range cases {
		if c.Positive() {
			r.Positives++
		} else {
			r.Negatives++
		}
	}
	ts := slices.Clone(thresholds)
	if !slices.Contains(ts, def) {
		ts = append(ts, def)
	}
	slices.Sort(ts)
	for _, t := range ts {
		m := metricsAt(cases, hits, t)
		r.Thresholds = append(r.Thresholds, m)
		if t == def {
			r.Default = m
		}
	}
	kinds := map[string]*KindMetrics{}
	for i, c := range cases {
		k := kinds[c.Kind]
		if k == nil {
			k = &KindMetrics{Kind: c.Kind, Positive: c.Positive()}
			kinds[c.Kind] = k
		}
		k.Cases++
		best := expectedScore(c, hits[i])
		if c.Positive() {
			if best < def {
				k.Failures++
				r.Misses = append(r.Misses, Failure{Case: c, Expected: best, Top: topAbove(hits[i], 0)})
			}
		} else if t := topAbove(hits[i], def); t != nil {
			k.Failures++
			r.FalseHits = append(r.FalseHits, Failure{Case: c, Top: t})
		}
	}
	for _, k := range kinds {
		if k.Positive {
			k.Rate = ratio(k.Cases-k.Failures, k.Cases)
		} else {
			k.Rate = ratio(k.Failures, k.Cases)
		}
		r.Kinds = append(r.Kinds, *k)
	}
	sort.Slice(r.Kinds, func(i, j int) bool {
		if r.Kinds[i].Positive != r.Kinds[j].Positive {
			return r.Kinds[i].Positive
		}
		return r.Kinds[i].Kind < r.Kinds[j].Kind
	})
	return r
}

func metricsAt(cases []Case, hits [][]Hit, t float64) Metrics {
	m := Metrics{Threshold: t}
	var positives, negatives int
	for i, c := range cases {
		found := false
		for _, h := range hits[i] {
			if h.Score < t {
				continue
			}
			if slices.Contains(c.Expect, h.EntityID) {
				found = true
			} else {
				m.FalseHits++
			}
		}
		if c.Positive() {
			positives++
			if found {
				m.Found++
			} else {
				m.Missed++
			}
		} else {
			negatives++
			if topAbove(hits[i], t) != nil {
				m.NegativesHit++
			}
		}
	}
	m.Recall = ratio(m.Found, positives)
	m.Precision = ratio(m.Found, m.Found+m.FalseHits)
	m.FPR = ratio(m.NegativesHit, negatives)
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	return m
}

// expectedScore returns the best score of an expected entity.
func expectedScore(c Case, hits []Hit) float64 {
	best := 0.0
	for _, h := range hits {
		if slices.Contains(c.Expect, h.EntityID) && h.Score > best {
			best = h.Score
		}
	}
	return best
}

func topAbove(hits []Hit, t float64) *Hit {
	var top *Hit
	for i := range hits {
		if hits[i].Score >= t && (top == nil || hits[i].Score > top.Score) {
			top = &hits[i]
		}
	}
	return top
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Baseline is the committed record of the figures CI must not fall below.
type Baseline struct {
	Split     string  `json:"split"`
	Threshold float64 `json:"threshold"`
	Recall    float64 `json:"recall"`
	FPR       float64 `json:"fpr"`
}

// Check returns an error when the report is worse than the baseline:
// lower recall or a higher false-positive rate.
func (b Baseline) Check(r Report) error {
	m := r.Default
	if m.Threshold != b.Threshold {
		return fmt.Errorf("baseline is for threshold %.2f, report for %.2f", b.Threshold, m.Threshold)
	}
	const eps = 1e-9
	var errs []string
	if m.Recall < b.Recall-eps {
		errs = append(errs, fmt.Sprintf("recall %.4f is below the baseline %.4f", m.Recall, b.Recall))
	}
	if m.FPR > b.FPR+eps {
		errs = append(errs, fmt.Sprintf("false-positive rate %.4f is above the baseline %.4f", m.FPR, b.FPR))
	}
	if len(errs) > 0 {
		return fmt.Errorf("matching got worse on the %s split: %v", b.Split, errs)
	}
	return nil
}
