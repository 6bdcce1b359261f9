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
	// full weight, a patronymic or a middle name less.
	UnmatchedQuery []TokenCost `json:"unmatchedQuery,omitempty"`
	// UnmatchedName are the entity name's tokens with no partner: each
	// costs a share of its weight by its role (Config.ShareFamily ...).
	UnmatchedName []TokenCost `json:"unmatchedName,omitempty"`
	// Contradictions are the parts of the two names that say another
	// party: each side counts in full.
	Contradictions []Contradiction `json:"contradictions,omitempty"`
	// Features are the adjustments after the name score, in order.
	Features []Feature `json:"features,omitempty"`

	// nickAlone says that a nickname met and no other word as written
	// or as it sounds (see Config.NicknameFactor), for the feature.
	nickAlone bool
	// orgGuessed says that every word of the query met a word of an
	// organisation's name a letter or two off (Config.OrgGuessFactor).
	orgGuessed bool
}

// Contradiction is a pair of unmatched parts that cannot both be true of
// one party.
type Contradiction struct {
	// What is "patronymic" (Ivanovich, Viktorovich), "father" (the names
	// after bin), "number" (Fund I, Fund II) or "legalForm" (AG, GmbH).
	What string `json:"what"`
	// Query and Name are the two parts, as normalised.
	Query string `json:"query"`
	Name  string `json:"name"`
	// Cost is the weight the contradiction adds beyond its parts' own
	// (two kinds of legal form weigh LegalFormConflict).
	Cost float64 `json:"cost,omitempty"`
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

// TokenCost is an unmatched token, its weight and what it cost.
type TokenCost struct {
	Token string `json:"token"`
	// Role is the token's part in the name: given, middle, family,
	// syllable, patronymic, number, legalForm, title, qualifier; "" when
	// the name's form does not say.
	Role   string  `json:"role,omitempty"`
	Weight float64 `json:"weight"`
	// Cost is the part of Weight the score's denominator counts: a
	// listed middle name a twentieth, a surname half, a contradicted
	// part all of it.
	Cost float64 `json:"cost"`
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
