package web

import (
	"github.com/vetoscreen/veto/match"
)

// breakdown is a score explanation as an analyst reads it: each query
// token, what it met and how, and its share of the query's weight; then
// what the secondary evidence added or took away.
type breakdown struct {
	Query, Name, NameKind string
	NameScore, Score      float64
	Tokens                []tokenRow
	// Extra are the listed name's words the query did not have.
	Extra    []match.TokenCost
	Features []match.Feature
}

// tokenRow is one query token: Name is "" when it met nothing.
type tokenRow struct {
	Query, Name string
	Method      match.Method
	Similarity  float64
	// Weight is the token's rarity weight, Share its part of the
	// query's total weight.
	Weight, Share float64
}

// explain turns an explanation into a breakdown; nil gives nil.
func explain(e *match.Explanation, score float64) *breakdown {
	if e == nil {
		return nil
	}
	b := &breakdown{Query: e.Query, Name: e.Name, NameKind: e.NameKind, NameScore: e.NameScore, Score: score,
		Extra: e.UnmatchedName, Features: e.Features}
	var total float64
	for _, t := range e.Tokens {
		total += t.Weight
	}
	for _, t := range e.UnmatchedQuery {
		total += t.Weight
	}
	share := func(w float64) float64 {
		if total == 0 {
			return 0
		}
		return w / total
	}
	for _, t := range e.Tokens {
		b.Tokens = append(b.Tokens, tokenRow{Query: t.Query, Name: t.Name, Method: t.Method, Similarity: t.Similarity, Weight: t.Weight, Share: share(t.Weight)})
	}
	for _, t := range e.UnmatchedQuery {
		b.Tokens = append(b.Tokens, tokenRow{Query: t.Token, Weight: t.Weight, Share: share(t.Weight)})
	}
	return b
}
