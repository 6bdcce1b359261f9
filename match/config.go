// Package match scores how well a query (a name, and optionally a date of
// birth, country, identifiers and gender) fits a listed entity, and
// explains the score: which of the entity's names matched, which tokens
// matched which and how, and what each secondary field added or took away.
//
// A name score is the similarity-weighted share of the query's words
// that met the listed name's, against what the two names leave unmatched:
// every query word its weight, a listed word the share its role in the
// name sets (a middle name, patronymic or nasab link little, the surname
// much), so that "Tariq Ahmad" finds "AHMAD, Tariq Anwar al-Sayyid" and
// "Vladimir Vladimirovich" does not find Putin. Parts that contradict
// each other count in full on both sides: two patronymics, two fathers
// after bin, given names in opposite orders, a query's surname that met a
// listed given name, initials of another name, numbers, qualifiers in
// parentheses, and legal forms of different kinds. Words meet by form,
// phonetic and consonant skeletons, edits, initials, glued and split
// spans, Baltic endings, East Asian syllable keys, loose keys across
// scripts, nicknames, and acronyms of organisations (see UnitSim).
//
// Every number the scorer uses is in [Config]. Its defaults are documented
// on each field; a request may override any of them, and results can
// report the Config that produced them.
package match

import (
	"errors"
	"fmt"
)

// Config holds every weight and threshold of the scorer.
type Config struct {
	// Threshold is the score at or above which a result is a hit.
	// Default 0.80.
	Threshold float64 `json:"threshold"`

	// Token similarities, by how two tokens meet (see TokenSim).
	// SimExact: same transliterated form (1.0). SimPhon: same phonetic
	// skeleton (0.95). SimEdit1, SimEdit2: one or two edits apart on the
	// phonetic skeleton (0.88, 0.82). SimCons: same consonant skeleton,
	// both Latin (0.80). SimConsAbjad: same consonant skeleton where one
	// side was written in Arabic or Hebrew script, which does not write
	// short vowels (0.92). SimInitial: an initial and a word it begins
	// (0.85). SimJoined: one token against two adjacent ones joined
	// ("Jinping" and "Jin Ping", 0.90). SimLegalForm: two different legal
	// forms (0.5).
	SimExact float64 `json:"simExact"`
	SimPhon  float64 `json:"simPhon"`
	SimEdit1 float64 `json:"simEdit1"`
	// SimEdit1Short is SimEdit1 for words of four or five letters (0.78).
	SimEdit1Short float64 `json:"simEdit1Short"`
	SimEdit2      float64 `json:"simEdit2"`
	SimCons       float64 `json:"simCons"`
	SimConsAbjad  float64 `json:"simConsAbjad"`
	SimInitial    float64 `json:"simInitial"`
	SimJoined     float64 `json:"simJoined"`
	SimLegalForm  float64 `json:"simLegalForm"`

	// Similarities of the ways names are written across languages and
	// scripts. SimStem: the same word with a Baltic nominative ending
	// (Lavrovs, Putinas; 0.90). SimKey: the same Chinese or Korean
	// syllables in another romanisation (Tse-tung and Zedong, Jeong-eun
	// and Jong Un; 0.90). SimLoose: a word written in another script
	// (Arabic, Chinese, Korean, Japanese, Thai, Indic ...) against a Latin
	// one with the same loose consonants, three or more (فلاديمير and
	// Vladimir; 0.85); SimLooseShort with two (0.78). SimNickname: a short
	// form and the name it stands for (Bill and William, Sasha and
	// Aleksandr; 0.80). SimAcronym: an acronym and the words it abbreviates
	// (PLA and People's Liberation Army), or letters written with and
	// without periods (ABC and A.B.C.; 0.90).
	SimStem       float64 `json:"simStem"`
	SimKey        float64 `json:"simKey"`
	SimLoose      float64 `json:"simLoose"`
	SimLooseShort float64 `json:"simLooseShort"`
	SimNickname   float64 `json:"simNickname"`
	// SimSlavic: the Russian, Ukrainian or Belarusian spelling of the same
	// word (names.SlavicKey: Alyaksandr and Aleksandr, Ryhoravich and
	// Grigorevich; 0.88).
	SimSlavic  float64 `json:"simSlavic"`
	SimAcronym float64 `json:"simAcronym"`
	// QueryInitialisms lets the initials of an organisation's name in the
	// query meet a listed acronym ("Islamic Revolutionary Guard Corps" and
	// "IRGC"). Off when screening (false): the lists hold thousands of
	// short acronyms, and one in eleven unlisted company names met one by
	// chance ("Summit Engineering GmbH" and "SE"); the lists write the
	// full names beside their acronyms. Compare, given both names, turns
	// it on. A query that is an acronym meets a listed name's initials
	// either way.
	QueryInitialisms bool `json:"queryInitialisms"`

	// Edit1MinLen and Edit2MinLen are the shortest phonetic skeletons
	// (of the shorter token) on which one or two edits are tolerated
	// (defaults 4 and 8): "ali" and "alo" are different names, "lavrov"
	// and "lavrof" the same. ConsMinLen and ConsMinLenAbjad are the
	// shortest consonant skeletons compared (4 and 2); two Latin
	// spellings must also have their vowels in the same places.
	// ReadingEditMinLen is the shortest on which a word under another
	// national reading, or without its Baltic ending, may also be an edit
	// from the other (7): Kochman read as Kokhman is not Kofman.
	Edit1MinLen       int `json:"edit1MinLen"`
	Edit2MinLen       int `json:"edit2MinLen"`
	ConsMinLen        int `json:"consMinLen"`
	ConsMinLenAbjad   int `json:"consMinLenAbjad"`
	ReadingEditMinLen int `json:"readingEditMinLen"`

	// Token weights. With an index, a word weighs ln(1 + N/df), its
	// rarity among the N listed names; without one (compare), WordWeight
	// (7) or GenericWeight (3) for common organisation words and given
	// names. Particles, titles, legal forms and initials weigh at most
	// ParticleWeight (1), TitleWeight (0: "President", "Sheikh", "Dr." say
	// nothing of who, and a title alone matches nothing), LegalFormWeight
	// (0.5) and InitialWeight (1.5); numbers NumberWeight (10), since "VESSEL 1" is
	// not "VESSEL 2".
	WordWeight      float64 `json:"wordWeight"`
	GenericWeight   float64 `json:"genericWeight"`
	ParticleWeight  float64 `json:"particleWeight"`
	TitleWeight     float64 `json:"titleWeight"`
	LegalFormWeight float64 `json:"legalFormWeight"`
	InitialWeight   float64 `json:"initialWeight"`
	NumberWeight    float64 `json:"numberWeight"`

	// UnmatchedCandidate is the share of its weight that a token of the
	// listed name with no partner in the query costs (0.25), where the
	// name's form says nothing of its role; a query token with no partner
	// costs its full weight.
	UnmatchedCandidate float64 `json:"unmatchedCandidate"`
	// ShareGeneric replaces UnmatchedCandidate for a word of an
	// organisation's name that says what it does (names.TradeWord:
	// trading, industries, services, sanayi, ticaret), not which it is
	// (0.1): "Aselsan" is ASELSAN ELEKTRONIK SANAYI VE TICARET A.S.
	ShareGeneric float64 `json:"shareGeneric"`
	// In a person's name, the share a listed word left out of the query
	// costs by its role (see names.Role): the surname ShareFamily (0.5),
	// the first given name ShareGiven (0.2), a middle name, patronymic
	// or link of a nasab chain ShareMiddle (0.05), one syllable of an East
	// Asian given name ShareSyllable (1: "Kim Jong" is not Kim Jong Un).
	// A query holding given name and surname of a long listed name is
	// found; a query of given names alone is not. ShareTitled replaces
	// ShareGiven when the query has a title and all its words met
	// ("President Putin": 0.1).
	ShareFamily   float64 `json:"shareFamily"`
	ShareGiven    float64 `json:"shareGiven"`
	ShareTitled   float64 `json:"shareTitled"`
	ShareMiddle   float64 `json:"shareMiddle"`
	ShareSyllable float64 `json:"shareSyllable"`
	// QueryMiddleShare is the share a middle name of the query costs when
	// the listed person's name has no word for it (0.5): lists often
	// leave middle names out ("George Walker Bush", "BUSH, George"). A
	// query's patronymic costs UnmatchedCandidate.
	QueryMiddleShare float64 `json:"queryMiddleShare"`
	// ContradictionShare is the share of its weight at which each side of
	// a contradiction counts (1): a patronymic against another patronymic
	// (Ivanovich, Viktorovich), a father's name after bin against another,
	// a number against another or against none in an organisation's name
	// (Fund I, Fund), a qualifier in parentheses left out (UBS (Schweiz)
	// AG). Such a part is no longer "missing": it says another party.
	ContradictionShare float64 `json:"contradictionShare"`
	// LegalFormConflict is the share of the query name's weight added to
	// the denominator when both names have legal forms of different kinds
	// (AG and GmbH, LLC and JSC: a joint-stock company is not a
	// limited-liability one; 0.3, so that the same name under two kinds of
	// legal form scores at most 1/1.3 = 0.77).
	LegalFormConflict float64 `json:"legalFormConflict"`
	// NumberConflict is the share of the query name's weight added when
	// the names hold different numbers (Fund I, Fund II; Center No 1,
	// No 2; 0.3): a number names one of a series, however long the rest.
	NumberConflict float64 `json:"numberConflict"`
	// NicknameFactor scales a name score in which a query word met a
	// listed one as its nickname and no other word met as written or as
	// it sounds (0.95): a short form is weak evidence, and beside a
	// surname only near it is as often another person ("Dima Kiriyenko",
	// "DMITRII KARPENKO").
	NicknameFactor float64 `json:"nicknameFactor"`
	// OrgGuessFactor scales a name score against an organisation's name
	// whose every word the query met only a letter or two off, or on
	// its consonants, two words or more (0.95): a company is written as
	// it is registered, and a query near each of its words is as often
	// another name ("Andrew Martin", "ANDREA MARTINA LIMITED"). A typo
	// leaves the other words as written.
	OrgGuessFactor float64 `json:"orgGuessFactor"`
	// MinQueryWeight is the total token weight below which a query is too
	// little information to score high (6): the score is scaled by
	// weight/MinQueryWeight, so "Ali" alone does not hit every Ali.
	MinQueryWeight float64 `json:"minQueryWeight"`
	// WeakAliasFactor scales the score of a publisher's weak (low
	// quality) alias (0.90).
	WeakAliasFactor float64 `json:"weakAliasFactor"`

	// Secondary evidence. IDMatch: the score a matching identifier
	// (passport, tax or registration number, IMO, BIC, crypto address)
	// lifts the result to, at least (0.95). DOBMatch: same full date of
	// birth (+0.05). DOBOverlap: dates that may be the same, such as a
	// year against a full date (+0.02). DOBDayMismatch: same year,
	// different day or month (-0.10). DOBMismatch: different years
	// (-0.20). CountryMatch (+0.03) and CountryMismatch (-0.08): the
	// query's country among, or not among, the entity's nationalities,
	// citizenships, countries and address countries. GenderMismatch
	// (-0.15). Missing data on either side is neutral.
	IDMatch         float64 `json:"idMatch"`
	DOBMatch        float64 `json:"dobMatch"`
	DOBOverlap      float64 `json:"dobOverlap"`
	DOBDayMismatch  float64 `json:"dobDayMismatch"`
	DOBMismatch     float64 `json:"dobMismatch"`
	CountryMatch    float64 `json:"countryMatch"`
	CountryMismatch float64 `json:"countryMismatch"`
	GenderMismatch  float64 `json:"genderMismatch"`
}

// DefaultConfig returns the documented defaults.
func DefaultConfig() Config {
	return Config{
		Threshold: 0.80,
		SimExact:  1.0, SimPhon: 0.95, SimEdit1: 0.88, SimEdit1Short: 0.78, SimEdit2: 0.82, SimCons: 0.80, SimConsAbjad: 0.92,
		SimInitial: 0.85, SimJoined: 0.90, SimLegalForm: 0.5,
		SimStem: 0.90, SimKey: 0.90, SimLoose: 0.85, SimLooseShort: 0.78, SimNickname: 0.80, SimAcronym: 0.90, SimSlavic: 0.88,
		Edit1MinLen: 4, Edit2MinLen: 8, ConsMinLen: 4, ConsMinLenAbjad: 2, ReadingEditMinLen: 7,
		WordWeight: 7, GenericWeight: 3, ParticleWeight: 1, TitleWeight: 0, LegalFormWeight: 0.5, InitialWeight: 1.5, NumberWeight: 10,
		UnmatchedCandidate: 0.25, ShareGeneric: 0.1, ShareFamily: 0.5, ShareGiven: 0.2, ShareTitled: 0.1, ShareMiddle: 0.05, ShareSyllable: 1, QueryMiddleShare: 0.5,
		ContradictionShare: 1, LegalFormConflict: 0.3, NumberConflict: 0.3,
		MinQueryWeight: 6, WeakAliasFactor: 0.90, NicknameFactor: 0.95, OrgGuessFactor: 0.95,
		IDMatch: 0.95, DOBMatch: 0.05, DOBOverlap: 0.02, DOBDayMismatch: -0.10, DOBMismatch: -0.20,
		CountryMatch: 0.03, CountryMismatch: -0.08, GenderMismatch: -0.15,
	}
}

// ErrConfig is wrapped by Validate's errors.
var ErrConfig = errors.New("invalid match config")

// Validate reports a config the scorer cannot use.
// MinThreshold is the lowest threshold a search honours. Scores below it
// say nothing (a shared particle, one initial), and asking for them makes
// every listed name a hit: 1,000 common words at threshold 1e-9 and limit
// 100 took ten minutes and 2 GB.
const MinThreshold = 0.1

func (c Config) Validate() error {
	// Arrays, not maps: every screening validates its config, and a map
	// literal costs allocations on every call.
	type field struct {
		name string
		v    float64
	}
	unit := [...]field{
		{"threshold", c.Threshold}, {"simExact", c.SimExact}, {"simPhon", c.SimPhon}, {"simEdit1", c.SimEdit1}, {"simEdit1Short", c.SimEdit1Short}, {"simEdit2", c.SimEdit2},
		{"simCons", c.SimCons}, {"simConsAbjad", c.SimConsAbjad}, {"simInitial", c.SimInitial}, {"simJoined", c.SimJoined},
		{"simLegalForm", c.SimLegalForm}, {"unmatchedCandidate", c.UnmatchedCandidate}, {"weakAliasFactor", c.WeakAliasFactor}, {"nicknameFactor", c.NicknameFactor}, {"orgGuessFactor", c.OrgGuessFactor}, {"idMatch", c.IDMatch},
		{"simStem", c.SimStem}, {"simKey", c.SimKey}, {"simLoose", c.SimLoose}, {"simLooseShort", c.SimLooseShort}, {"simNickname", c.SimNickname}, {"simSlavic", c.SimSlavic},
		{"simAcronym", c.SimAcronym}, {"shareFamily", c.ShareFamily}, {"shareGeneric", c.ShareGeneric}, {"shareGiven", c.ShareGiven}, {"shareTitled", c.ShareTitled}, {"shareMiddle", c.ShareMiddle},
		{"shareSyllable", c.ShareSyllable}, {"queryMiddleShare", c.QueryMiddleShare}, {"contradictionShare", c.ContradictionShare},
		{"legalFormConflict", c.LegalFormConflict}, {"numberConflict", c.NumberConflict},
	}
	for _, f := range unit {
		if f.v < 0 || f.v > 1 {
			return fmt.Errorf("%w: %s = %v, want 0..1", ErrConfig, f.name, f.v)
		}
	}
	if c.Threshold < MinThreshold {
		return fmt.Errorf("%w: threshold = %v, want %v..1", ErrConfig, c.Threshold, MinThreshold)
	}
	weights := [...]field{{"wordWeight", c.WordWeight}, {"genericWeight", c.GenericWeight}, {"particleWeight", c.ParticleWeight},
		{"titleWeight", c.TitleWeight}, {"legalFormWeight", c.LegalFormWeight}, {"initialWeight", c.InitialWeight}, {"numberWeight", c.NumberWeight}, {"minQueryWeight", c.MinQueryWeight}}
	for _, f := range weights {
		if f.v < 0 || f.v > 100 {
			return fmt.Errorf("%w: %s = %v, want 0..100", ErrConfig, f.name, f.v)
		}
	}
	boosts := [...]field{{"dobMatch", c.DOBMatch}, {"dobOverlap", c.DOBOverlap}, {"dobDayMismatch", c.DOBDayMismatch},
		{"dobMismatch", c.DOBMismatch}, {"countryMatch", c.CountryMatch}, {"countryMismatch", c.CountryMismatch}, {"genderMismatch", c.GenderMismatch}}
	for _, f := range boosts {
		if f.v < -1 || f.v > 1 {
			return fmt.Errorf("%w: %s = %v, want -1..1", ErrConfig, f.name, f.v)
		}
	}
	if c.Edit1MinLen < 1 || c.Edit2MinLen < c.Edit1MinLen || c.ConsMinLen < 1 || c.ConsMinLenAbjad < 1 || c.ReadingEditMinLen < 1 {
		return fmt.Errorf("%w: edit and consonant lengths must be positive, edit2MinLen >= edit1MinLen", ErrConfig)
	}
	return nil
}

// MaxBoost is the most that secondary evidence other than an identifier
// can add to a name score. Retrieval uses it to know which candidates can
// still reach the threshold.
func (c Config) MaxBoost() float64 {
	return max(c.DOBMatch, c.DOBOverlap, 0) + max(c.CountryMatch, 0)
}
