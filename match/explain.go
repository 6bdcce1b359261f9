package match

// Explanation says why a query scored what it did against an entity.
type Explanation struct {
	// Query is the query name that matched best.
	Query string `json:"query"`
	// Name is the entity's name that matched best, and its kind (name,
	// alias, weakAlias, previousName).
	Name     string `json:"name"`
	NameKind string `json:"nameKind"`
	// NameScore is the score of the names alone, before secondary
	// evidence.
	NameScore float64 `json:"nameScore"`
	// Tokens are the token pairs that matched.
	Tokens []TokenMatch `json:"tokens"`
	// UnmatchedQuery are query tokens with no partner: each costs its
	// full weight.
	UnmatchedQuery []TokenCost `json:"unmatchedQuery,omitempty"`
	// UnmatchedName are the entity name's tokens with no partner: each
	// costs Config.UnmatchedCandidate of its weight.
	UnmatchedName []TokenCost `json:"unmatchedName,omitempty"`
	// Features are the adjustments after the name score, in order.
	Features []Feature `json:"features,omitempty"`
}

// TokenMatch is one aligned pair of tokens.
type TokenMatch struct {
	// Query and Name are the tokens as normalised (two words joined by
	// "+" when one token met two).
	Query string `json:"query"`
	Name  string `json:"name"`
	// Method is how they met; Similarity how well (0..1).
	Method     Method  `json:"method"`
	Similarity float64 `json:"similarity"`
	// Weight is the query token's weight, its rarity in the lists.
	Weight float64 `json:"weight"`
}

// TokenCost is an unmatched token and its weight.
type TokenCost struct {
	Token  string  `json:"token"`
	Weight float64 `json:"weight"`
}

// Feature is one adjustment of the score by evidence other than the
// name: date of birth, country, identifier, gender, weak alias, a query
// with little information.
type Feature struct {
	// Name is "identifier", "birthDate", "country", "gender",
	// "weakAlias" or "lowInformation".
	Name string `json:"name"`
	// Delta is what it added to the score (negative: took away); for
	// factors (weakAlias, lowInformation) the change it made.
	Delta float64 `json:"delta"`
	// Detail says what was compared, e.g. "query 1950-03-21, listed
	// 1950-03-21".
	Detail string `json:"detail"`
}
