package eval

import (
	"fmt"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
)

// TextFinder finds the names in a text, as textscan.Scanner does: the
// text of each name found. eval takes it as a function so that textscan's
// own tests may use eval's cases.
type TextFinder func(text string) []string

// NewTextFinder builds a TextFinder over an index; cmd gives textscan's.
type NewTextFinder func(ix *index.Index) TextFinder

// TextCategory is the category of pairs whose Name1 is a passage of text.
const TextCategory = "text"

// ScorePairs scores each pair as veto would: two names with
// match.Config.Compare (no index: corpus-free weights), and a passage of
// text (TextCategory) by scanning it with textscan against the listed
// entities of background (the real lists, for the rarity of their words;
// nil for none) and the pairs' listed names, each finding then scored
// against the pair's listed name. A pair's score is the best of its
// findings', 0 when the scan finds no name.
func ScorePairs(pairs []Pair, cfg match.Config, background []*entity.Entity, finder NewTextFinder) ([]float64, error) {
	scores := make([]float64, len(pairs))
	var texts []int
	for i, p := range pairs {
		if p.Category == TextCategory {
			texts = append(texts, i)
			continue
		}
		r, err := cfg.Compare(entity.Schema(p.Schema), p.Name1, p.Name2)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.Line, err)
		}
		scores[i] = r.Score
	}
	if len(texts) == 0 {
		return scores, nil
	}
	ents := append([]*entity.Entity(nil), background...)
	for _, i := range texts {
		ents = append(ents, pairEntity(i, pairs[i]))
	}
	ix := index.Build(ents, cfg)
	find := finder(ix)
	scorer := match.NewScorer(&cfg)
	for _, i := range texts {
		p := pairs[i]
		cand, _, ok := ix.Candidate(pairID(i))
		if !ok {
			return nil, fmt.Errorf("%s: the listed name was not indexed", p.Line)
		}
		best := 0.0
		for _, text := range find(p.Name1) {
			q, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: text, Schema: querySchema(p.Schema)}}, ix)
			if err != nil {
				continue
			}
			best = max(best, scorer.Score(q, cand, nil, false).Score)
		}
		scores[i] = best
	}
	return scores, nil
}

func pairID(i int) string { return fmt.Sprintf("pair-%d", i) }

func pairEntity(i int, p Pair) *entity.Entity {
	s := entity.Schema(p.Schema)
	if s == "" {
		s = entity.LegalEntity
	}
	return &entity.Entity{ID: pairID(i), Schema: s, List: "pairs", Names: []entity.Name{{Full: p.Name2, Kind: entity.Primary}}}
}

func querySchema(s string) entity.Schema {
	switch entity.Schema(s) {
	case entity.Company, entity.Organization:
		return entity.Organization
	}
	return entity.Schema(s)
}
