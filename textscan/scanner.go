package textscan

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
	"github.com/vetoscreen/veto/source/all"
)

// Kind is what a finding is.
type Kind string

// Finding kinds.
const (
	KindName   Kind = "name"
	KindPlace  Kind = "place"
	KindIMO    Kind = "imo"
	KindBIC    Kind = "bic"
	KindCrypto Kind = "crypto"
)

// Kinds are all finding kinds, in the order they are documented.
var Kinds = []Kind{KindName, KindPlace, KindIMO, KindBIC, KindCrypto}

// Finding is one thing found in the text.
type Finding struct {
	Kind Kind `json:"kind"`
	// Start and End are the byte offsets of the finding in the input:
	// Text is exactly input[Start:End].
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Score is, for a name, the matcher's score; for a place 1 (0.9 when
	// named by its adjective); for an identifier, Config.IDMatch when it
	// is listed and 0 when it is valid but not listed.
	Score float64 `json:"score"`
	// Entity is the listed entity a name or identifier matched.
	Entity *Entity `json:"entity,omitempty"`
	// Place is the sanctioned place found.
	Place *Place `json:"place,omitempty"`
	// Explanation is the matcher's explanation of a name's score.
	Explanation *match.Explanation `json:"explanation,omitempty"`
	// RefersTo, for a name given by its surname alone ("Lavrov"), is the
	// Start of the earlier finding that named the same entity in full
	// ("Sergei Lavrov"), whose score and explanation it shares.
	RefersTo *int `json:"refersTo,omitempty"`
	// Detail says what was checked: "IMO check digit valid", "Bitcoin
	// P2PKH, base58check valid", "BIC in field :57A:".
	Detail string `json:"detail,omitempty"`
}

// Entity identifies a listed entity in a finding.
type Entity struct {
	ID      string        `json:"id"`
	Caption string        `json:"caption"`
	Schema  entity.Schema `json:"schema"`
	// Name is the listed name that matched, for names.
	Name string `json:"name,omitempty"`
	// Lists are the lists the entity is on; Regimes their regimes.
	Lists   []string `json:"lists"`
	Regimes []string `json:"regimes"`
}

// Options control a scan.
type Options struct {
	// Threshold is the lowest score of a name finding; 0 means the
	// index's Config.Threshold (0.80 by default).
	Threshold float64
	// OneWordThreshold is the lowest score of a name found from a single
	// word ("Hamas", "Rosneft"); 0 means 0.95. A surname alone scores
	// about 0.93 against a listed person ("Lavrov"), and a word of a
	// headline may be an organisation's name, so one word must match a
	// listed name nearly in full. (A person is found from one word only
	// after a title, "President Erdoğan", at Threshold.)
	OneWordThreshold float64
	// MinAnchorWeight is the least weight (rarity among listed names,
	// ln(1+N/df)) a word needs to anchor a name: names are looked for
	// only around such words. 0 means 6, a word held by at most one
	// listed name in 400 on the real lists; "Sergei" (4.5) and "Kim"
	// (5.7) do not anchor, "Lavrov" (8.8), "Jong" (7.3) and "Assad" (6.1)
	// do.
	MinAnchorWeight float64
	// MaxWindow is the most words a name may have in the text; 0 means 5.
	MaxWindow int
	// Lists, if not empty, keeps only entities on these lists or regimes
	// ("us", "eu", "ofac-sdn", ...), as screen.Options.Lists.
	Lists []string
	// Kinds, if not empty, are the kinds of finding reported.
	Kinds []Kind
	// MaxFindings caps the findings of one scan (the first in the text
	// are kept); 0 means DefaultMaxFindings. A 4 MiB text of one name
	// repeated has a quarter of a million.
	MaxFindings int
}

// DefaultMaxFindings is the cap on one scan's findings: a long contract
// or a day's news names a few hundred.
const DefaultMaxFindings = 10_000

func (o Options) withDefaults(cfg *match.Config) Options {
	if o.Threshold == 0 {
		o.Threshold = cfg.Threshold
	}
	o.Threshold = max(o.Threshold, match.MinThreshold)
	if o.MaxFindings <= 0 {
		o.MaxFindings = DefaultMaxFindings
	}
	if o.OneWordThreshold == 0 {
		o.OneWordThreshold = 0.95
	}
	o.OneWordThreshold = max(o.OneWordThreshold, o.Threshold)
	if o.MinAnchorWeight == 0 {
		o.MinAnchorWeight = 6
	}
	if o.MaxWindow == 0 {
		o.MaxWindow = 5
	}
	return o
}

// Validate reports options a scan cannot use.
func (o Options) Validate() error {
	if o.Threshold < 0 || o.Threshold > 1 {
		return fmt.Errorf("threshold %v: want 0..1", o.Threshold)
	}
	if o.OneWordThreshold < 0 || o.OneWordThreshold > 1 {
		return fmt.Errorf("one-word threshold %v: want 0..1", o.OneWordThreshold)
	}
	if o.MaxWindow < 0 || o.MaxWindow > 8 {
		return fmt.Errorf("max window %d: want 1..8", o.MaxWindow)
	}
	for _, k := range o.Kinds {
		if !slices.Contains(Kinds, k) {
			return fmt.Errorf("kind %q: want one of %v", k, Kinds)
		}
	}
	return nil
}

// cacheKey is what of the options a run's or window's findings depend on.
func (o Options) cacheKey() string {
	return fmt.Sprintf("%g/%g/%g/%d/%s", o.Threshold, o.OneWordThreshold, o.MinAnchorWeight, o.MaxWindow, strings.Join(o.Lists, ","))
}

func (o Options) wants(k Kind) bool { return len(o.Kinds) == 0 || slices.Contains(o.Kinds, k) }

// Scanner finds listed names, sanctioned places and listed identifiers
// in free text. It is built once per index and is safe for concurrent
// use.
type Scanner struct {
	ix   *index.Index
	cfg  match.Config
	opts Options
	// words maps the phonetic skeleton of every listed name word to the
	// names holding it; cons maps consonant skeletons, for words written
	// in Arabic script, which omits short vowels.
	words, cons map[string]*wordKey
	// countryWords are the words of country names (see countryWords).
	countryWords map[string]bool
	// vocabKeys has the key of each listed word, by vocabulary id (nil
	// for a joined pair and a word that is not a name word).
	vocabKeys []*wordKey
	// maxWeight is the weight of a word no listed name has.
	maxWeight float64
	// consSim is the highest similarity the matcher gives two words of
	// different phonetic skeletons (see metSim).
	consSim float64
	places  placeTable
	// ids maps folded identifiers (IMO numbers, BICs, crypto addresses)
	// to the candidates that have them.
	ids map[string][]candRef
	// cache remembers windows' hits, runs the findings of runs (see
	// scanRunCached).
	cache cache[[]index.Hit]
	runs  cache[[]nameHit]
	// phonIDs and consIDs number the skeletons of the listed names'
	// tokens, from 1 (see skel); vocab has the skeleton of every token
	// of the index's vocabulary, by vocabulary id.
	phonIDs, consIDs map[string]uint32
	vocab            []skel
	// voc is the index's vocabulary (match.PreparedName.Vocab);
	// vocKeys[id] the numbers of the East Asian syllable keys of its
	// token id (names.Token.Key), numbered by keys.
	voc     []names.Token
	vocKeys [][]uint32
	keys    map[string]uint32
	// joinPhons has the phonetic skeleton numbers of the listed names'
	// spans written as one word (match.Joined), joinSkels those and their
	// consonant skeleton numbers (with consBit); isJoin marks their
	// vocabulary ids.
	joinPhons, joinSkels map[uint32]bool
	isJoin               []bool
	// joinEdit has the first three and the last four letters of the
	// phonetic skeletons of the listed words of Edit2MinLen letters or
	// more, with their lengths, and vowelRest the skeletons without their
	// first letter of those that start with a vowel: what a join must
	// share with a word to meet it by spelling (see spellsJoin).
	joinEdit  map[editKey]bool
	vowelRest map[string]bool
	// listed has, for the listed names that anchors lead to, what bounds
	// compare: their tokens' skeletons and weights, flat.
	listed listedNames
	// acronyms maps the initials of listed organisations' names
	// (match.Initialism spans: "vsp" for VALFAJR SHIPPING COMPANY PJS) to
	// the names that have them: a word in capitals that is one anchors
	// on them (see analysed.acro).
	acronyms map[string]*wordKey
	// analyses remembers the analysis of text words (see analysis).
	analyses struct {
		mu sync.RWMutex
		m  map[string]*analysed
	}
}

// wordKey is a listed word's skeleton: its weight and the names that
// hold it.
type wordKey struct {
	weight float64
	// rest is the least that the rest of a name holding the word costs
	// a score when the word alone meets it (nameSpan.rest): rest[0] over
	// the names a word alone may be reported for (not a person's),
	// rest[1] over every name (after a title, a word may name a person);
	// weakRest the same over weak aliases. +Inf when there is none.
	rest, weakRest [2]float64
	names          []nameRef
	// overflow: the word is in more than maxKeyNames names, which are
	// not kept.
	overflow bool
	// groups split the names of a consonant skeleton's key by the listed
	// word they hold it in, names[from:to]: a word in Arabic script
	// anchors only on the names whose word the matcher finds it similar
	// to (see abjadKey).
	groups []keyGroup
	// acronym: the key is an organisation's initials (see acronyms).
	acronym bool
	// place: the word names a country or a sanctioned place. Place names
	// are in many organisations' names (Bank Melli Iran, Moscow
	// Industrial Bank) and all over the news: they are scored with a
	// name, and reported as places, but anchor nothing.
	place bool
}

// nameRef is a listed name: its candidate, its position in the
// candidate's Names, and its number in the index (see
// index.Index.SearchNames).
type keyGroup struct {
	tok      *names.Token
	from, to int
}

type nameRef struct {
	cand *match.Candidate
	name int32
	n    int32
}

type candRef struct {
	cand  *match.Candidate
	lists []string
}

// maxKeyNames bounds the names a key remembers: a word in more names
// than this weighs below any sensible anchor weight (ln(1+81,000/4,000)
// is 3), so its postings are never followed.
const maxKeyNames = 4000

// Build makes the scanner of an index with the default options, in the
// shape screen.Snapshot.Scanner takes (its result is a *Scanner): the API
// and veto serve's warm-up share one scanner per snapshot this way.
func Build(ix *index.Index) any { return New(ix, Options{}) }

// New builds a Scanner over ix. opts are the defaults of Scan.
func New(ix *index.Index, opts Options) *Scanner {
	s := &Scanner{ix: ix, cfg: ix.Config(), words: map[string]*wordKey{}, cons: map[string]*wordKey{}, ids: map[string][]candRef{}, places: newPlaceTable()}
	s.opts = opts.withDefaults(&s.cfg)
	c := &s.cfg
	s.consSim = max(c.SimEdit1, c.SimEdit1Short, c.SimEdit2, c.SimCons, c.SimConsAbjad, c.SimJoined, c.SimInitial, c.SimLegalForm,
		c.SimStem, c.SimKey, c.SimLoose, c.SimLooseShort, c.SimNickname, c.SimAcronym, c.SimSlavic)
	placeWords := countryWords()
	s.countryWords = placeWords
	s.numberSkeletons()
	s.listed.at = make([]nameSpan, ix.NameCount())
	s.listed.toks = make([]listedToken, 0, ix.Stats.Tokens)
	s.vocabKeys = make([]*wordKey, ix.Stats.Vocab)
	s.maxWeight = ix.Weight(&names.Token{Phon: "\x00"})
	single := make([]bool, len(s.voc))
	ix.EachWord(func(id uint32, t *names.Token) {
		single[id] = true
		if t.Kind != names.Word && t.Kind != names.Patronymic {
			return
		}
		n := ix.WordNames(id)
		w := ix.Weight(t)
		add := func(m map[string]*wordKey, key string, consonants bool) {
			k := m[key]
			if k == nil {
				k = &wordKey{weight: w, place: placeWords[t.Form] || s.places[t.Form] != nil}
				m[key] = k
			}
			// A consonant skeleton is shared by many words: it weighs
			// what the commonest of them weighs.
			k.weight = min(k.weight, w)
			if k.overflow {
				return
			}
			if len(k.names)+n > maxKeyNames {
				k.names, k.groups, k.overflow = nil, nil, true
				return
			}
			first := len(k.names)
			ix.EachNameWith(id, func(num int32, c *match.Candidate, _ []string, name int) bool {
				k.names = append(k.names, nameRef{c, int32(name), num})
				s.listed.add(s, num, c, name)
				return true
			})
			if consonants {
				k.groups = append(k.groups, keyGroup{tok: t, from: first, to: len(k.names)})
			}
		}
		add(s.words, t.Phon, false)
		if len(t.Cons) >= 2 {
			add(s.cons, t.Cons, true)
		}
		s.vocabKeys[id] = s.words[t.Phon]
	})
	s.joinPhons, s.joinSkels, s.isJoin = map[uint32]bool{}, map[uint32]bool{}, make([]bool, len(s.voc))
	for id := range s.voc {
		if !single[id] {
			sk := s.vocab[id]
			s.joinPhons[sk.phon], s.joinSkels[sk.phon], s.isJoin[id] = true, true, true
			if sk.cons != 0 {
				s.joinSkels[sk.cons|consBit] = true
			}
		}
	}
	s.joinEdit, s.vowelRest = map[editKey]bool{}, map[string]bool{}
	for id := range s.voc {
		t := &s.voc[id]
		if !single[id] || t.Kind != names.Word && t.Kind != names.Patronymic {
			continue
		}
		if p := t.Phon; len(p) >= c.Edit2MinLen {
			s.joinEdit[prefixKey(p, len(p))] = true
			s.joinEdit[suffixKey(p, len(p))] = true
		}
		if p := t.Phon; len(p) > 3 && isVowel(p[0]) {
			s.vowelRest[p[1:]] = true
		}
	}
	// A consonant skeleton weighs by the names that hold it, as the
	// index weighs a phonetic skeleton: "asd" (al-Assad, Asad, Saad,
	// Sayed ...) is common although each word is not.
	for _, k := range s.cons {
		if k.overflow {
			k.weight = 0
			continue
		}
		k.weight = min(k.weight, math.Log(1+float64(max(ix.Stats.Names, index.MinCorpusNames))/float64(max(len(k.names), 1))))
	}
	for _, m := range []map[string]*wordKey{s.words, s.cons} {
		for _, k := range m {
			s.settleRest(k)
		}
	}
	s.acronymKeys()
	ix.EachCandidate(func(c *match.Candidate, lists []string) {
		for _, id := range c.Entity.Identifiers {
			if k := idKey(id); k != "" {
				s.ids[k] = append(s.ids[k], candRef{c, lists})
			}
		}
	})
	return s
}

// acronymKeys fills s.acronyms from the listed names' initialisms.
func (s *Scanner) acronymKeys() {
	s.acronyms = map[string]*wordKey{}
	seen := make([]bool, len(s.voc))
	s.ix.EachCandidate(func(c *match.Candidate, _ []string) {
		for ni := range c.Names {
			for _, jn := range c.Names[ni].Joined {
				if jn.Kind != match.Initialism || int(jn.ID) >= len(seen) || seen[jn.ID] {
					continue
				}
				seen[jn.ID] = true
				form := s.voc[jn.ID].Form
				if len(form) < 2 {
					continue
				}
				k := s.acronyms[form]
				if k == nil {
					k = &wordKey{acronym: true}
					s.acronyms[form] = k
				}
				if k.overflow {
					continue
				}
				s.ix.EachNameWith(jn.ID, func(num int32, c *match.Candidate, _ []string, name int) bool {
					if len(k.names) >= maxKeyNames {
						k.names, k.overflow = nil, true
						return false
					}
					k.names = append(k.names, nameRef{c, int32(name), num})
					s.listed.add(s, num, c, name)
					return true
				})
			}
		}
	})
	for _, k := range s.acronyms {
		// An acronym meets the words it stands for whole: nothing of the
		// name is left to cost a score (see solo).
		k.weight = math.Log(1 + float64(max(s.ix.Stats.Names, index.MinCorpusNames))/float64(max(len(k.names), 1)))
	}
}

// editKey is a part of a skeleton, its first three or last four
// letters, with the skeleton's length.
type editKey struct {
	part [4]byte
	n    int
	suf  bool
}

func prefixKey(p string, n int) editKey {
	k := editKey{n: n}
	copy(k.part[:], p[:3])
	return k
}

func suffixKey(p string, n int) editKey {
	k := editKey{n: n, suf: true}
	copy(k.part[:], p[len(p)-4:])
	return k
}

// mayJoinSpell reports whether a join with phonetic skeleton p may meet
// a listed word by spelling (spellsJoin): one edit leaves the first three
// or the last four letters of a word of eight letters or more as they
// are, and the length within one.
func (s *Scanner) mayJoinSpell(p string) bool {
	if len(p) > 3 && isVowel(p[0]) && s.vowelRest[p[1:]] {
		return true
	}
	if len(p) < s.cfg.Edit2MinLen {
		return false
	}
	for n := len(p) - 1; n <= len(p)+1; n++ {
		if s.joinEdit[prefixKey(p, n)] || s.joinEdit[suffixKey(p, n)] {
			return true
		}
	}
	return false
}

// numberSkeletons numbers the skeletons of the listed names' tokens. The
// index keeps every distinct token once, in a vocabulary its names point
// into by id (match.PreparedName.Vocab): numbering the vocabulary, not
// the names' tokens, costs a map lookup per distinct token rather than
// per token of every name.
func (s *Scanner) numberSkeletons() {
	s.phonIDs, s.consIDs = make(map[string]uint32, s.ix.Stats.Vocab), make(map[string]uint32, s.ix.Stats.Vocab/2)
	s.ix.EachCandidate(func(c *match.Candidate, _ []string) {
		if s.vocab != nil || len(c.Names) == 0 {
			return
		}
		voc := c.Names[0].Vocab
		s.voc = voc
		s.vocab = make([]skel, len(voc))
		s.vocKeys = make([][]uint32, len(voc))
		s.keys = map[string]uint32{}
		for id := range voc {
			s.vocab[id] = s.listedSkel(&voc[id])
			for _, k := range names.SyllableKeys(voc[id].Key) {
				n, ok := s.keys[k]
				if !ok {
					n = uint32(len(s.keys) + 1)
					s.keys[k] = n
				}
				s.vocKeys[id] = append(s.vocKeys[id], n)
			}
		}
	})
}

// idKey folds a listed identifier of a kind the scanner finds, or
// returns "".
func idKey(id entity.Identifier) string {
	v := strings.TrimSpace(id.Value)
	switch id.Type {
	case entity.IDIMO:
		d := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, v)
		if len(d) == 7 {
			return "imo:" + d
		}
	case entity.IDSwiftBIC:
		b := strings.ToUpper(strings.ReplaceAll(v, " ", ""))
		if len(b) == 11 && strings.HasSuffix(b, "XXX") {
			b = b[:8]
		}
		if len(b) == 8 || len(b) == 11 {
			return "bic:" + b
		}
	case entity.IDCrypto:
		return "crypto:" + cryptoKey(v)
	}
	return ""
}

// Scan scans text with the scanner's options.
func (s *Scanner) Scan(text []byte) []Finding { return s.ScanOptions(text, s.opts) }

// ScanOptions scans text with other options. Findings are sorted by
// Start; name findings do not overlap one another.
func (s *Scanner) ScanOptions(text []byte, opts Options) []Finding {
	out, _ := s.ScanLimited(text, opts)
	return out
}

// ScanLimited is ScanOptions that also reports whether the findings were
// cut at opts.MaxFindings.
func (s *Scanner) ScanLimited(text []byte, opts Options) (findings []Finding, truncated bool) {
	findings, truncated, _ = s.ScanContext(context.Background(), text, opts, nil)
	return findings, truncated
}

// ScanContext is ScanLimited that charges its work, as it does it, to
// charge (nil: to nothing), about ChargeEvery at a time, in the word
// pairs a search's work is counted in (index.Work.Pairs; what the rest of
// a scan costs is counted in pairs too, see work.go), and stops when ctx
// ends. The first charge comes after
// ChargeEvery pairs of work, not after the whole text: a server paces a
// long text as it is scanned, by what it costs, rather than make it wait
// on an estimate before it starts. When charge returns an error, or ctx
// ends, the scan stops there, with that error and no findings: the
// work it does past the last charge is at most ChargeEvery pairs and a
// search (a window's search is bounded by construction, see match).
func (s *Scanner) ScanContext(ctx context.Context, text []byte, opts Options, charge func(pairs int64) error) (findings []Finding, truncated bool, err error) {
	opts = opts.withDefaults(&s.cfg)
	sc := scratchPool.Get().(*scratch)
	defer func() {
		// The scratch of a very large text (some 5 MB and up) is let go
		// rather than kept for the ordinary texts that follow.
		if cap(sc.toks) <= maxPooledTokens {
			sc.meter = meter{}
			scratchPool.Put(sc)
		}
	}()
	sc.meter = meter{ctx: ctx, charge: charge}
	m := &sc.meter
	// A word takes five to seven bytes of text: reserving for one in five
	// spares the token slice its doublings.
	toks := tokenize(text, slices.Grow(sc.toks[:0], len(text)/5+16))
	sc.toks = toks
	var out []Finding
	if opts.wants(KindName) {
		names, err := s.findNames(text, toks, opts, sc)
		if err != nil {
			return nil, false, err
		}
		out = append(out, names...)
	} else {
		for i := 0; i < len(toks); i += cutEvery {
			if err := m.cut(toks[i].end); err != nil {
				return nil, false, err
			}
		}
	}
	// A place is a place even where a listed name is nothing more
	// ("North Korea" is also the name of a listed government): a name
	// spanning exactly a place is dropped.
	places := s.findPlaces(text, toks, sc)
	if len(places) > 0 {
		spans := make(map[[2]int]bool, len(places))
		for _, p := range places {
			spans[[2]int{p.Start, p.End}] = true
		}
		out = slices.DeleteFunc(out, func(f Finding) bool { return spans[[2]int{f.Start, f.End}] })
	}
	if opts.wants(KindPlace) {
		out = append(out, places...)
	}
	if opts.wants(KindIMO) || opts.wants(KindBIC) || opts.wants(KindCrypto) {
		for _, f := range s.findIDs(text, toks) {
			if opts.wants(f.Kind) && (f.Entity == nil || s.onLists(f.Entity.Lists, opts.Lists)) {
				out = append(out, f)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	if err := m.cut(len(text)); err != nil {
		return nil, false, err
	}
	if err := m.settle(); err != nil {
		return nil, false, err
	}
	if len(out) > opts.MaxFindings {
		return out[:opts.MaxFindings:opts.MaxFindings], true, nil
	}
	return out, false, nil
}

// scratch is one scan's working memory, kept in a pool between scans:
// a megabyte of text has some 170,000 words, and allocating their tokens
// and words anew for every scan cost more than looking at them.
type scratch struct {
	toks  []token
	ws    []word
	cased []bool
	wins  []window
	cands []int32
	rn    runNames
	meter meter
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

const maxPooledTokens = 1 << 20

// onLists reports whether an entity on lists is in scope.
func (s *Scanner) onLists(lists, scope []string) bool {
	if len(scope) == 0 {
		return true
	}
	for _, l := range lists {
		for _, n := range scope {
			if l == n || all.Jurisdiction(l) == n {
				return true
			}
		}
	}
	return false
}

// cache remembers what was found in a window's or a run's text: names
// recur, within a text and across the messages of a day, and a search
// costs tens of microseconds. It is bounded: when full, it is emptied.
type cache[V any] struct {
	mu sync.RWMutex
	m  map[string]V
	// off: nothing is remembered (for benchmarks).
	off bool
}

const cacheSize = 1 << 14

func (c *cache[V]) get(key string) (V, bool) {
	if c.off {
		var zero V
		return zero, false
	}
	c.mu.RLock()
	v, ok := c.m[key]
	c.mu.RUnlock()
	return v, ok
}

func (c *cache[V]) put(key string, v V) {
	if c.off {
		return
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= cacheSize {
		c.m = make(map[string]V)
	}
	c.m[key] = v
	c.mu.Unlock()
}

// countryWords returns the lower-case names of the countries that are
// one word ("france", "china"), and the words of the others but for
// "and", "of", "the" and the like ("korea", "arab", "emirates").
func countryWords() map[string]bool {
	out := map[string]bool{}
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := string([]rune{a, b})
			if !countries.Known(code) {
				continue
			}
			for _, w := range strings.FieldsFunc(strings.ToLower(countries.Name(code)), func(r rune) bool { return !unicode.IsLetter(r) }) {
				if !connectors[w] && !stopWords[w] && len(w) > 2 {
					out[w] = true
				}
			}
		}
	}
	return out
}

// settleRest sets the least costs of the rest of key k's names (see
// wordKey.rest).
func (s *Scanner) settleRest(k *wordKey) {
	inf := math.Inf(1)
	k.rest, k.weakRest = [2]float64{inf, inf}, [2]float64{inf, inf}
	for _, ref := range k.names {
		sp := s.listed.at[ref.n]
		rest := &k.rest
		if sp.weak {
			rest = &k.weakRest
		}
		rest[1] = min(rest[1], sp.rest)
		if !sp.oneWordNo {
			rest[0] = min(rest[0], sp.rest)
		}
	}
}

// solo returns the best score a word weighing w that anchors on key k
// can reach alone against the names it may be reported for: any of them
// after a title (titled), else no person's.
func (s *Scanner) solo(k *wordKey, w float64, titled bool) float64 {
	t := 0
	if titled {
		t = 1
	}
	return max(w/(w+k.rest[t]), s.cfg.WeakAliasFactor*w/(w+k.weakRest[t]))
}
