package textscan

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
	"github.com/vetoscreen/veto/screen"
)

// word is a text token seen as a possible word of a name.
type word struct {
	class wordClass
	// inRun: the word may be part of a name; anchor: names are looked for
	// around it.
	inRun, anchor bool
	// an are its tokens as names analyses them, with their weights;
	// keys the listed words it anchors on.
	an      []names.Token
	weights []float64
	// unlisted[k]: no listed name has token k, whose weight the matcher
	// settles to that of the closest listed word.
	unlisted []bool
	keys     []*wordKey
}

// nameHit is a window of words that matched a listed entity.
type nameHit struct {
	a, b       int // first and last word
	start, end int // byte offsets
	hit        index.Hit
}

// findNames finds listed names: it looks at runs of words that may form a
// name (capitalised words in a line with lower-case words, any words but
// stop words in an all-capitals line), and in each run at the windows of
// up to MaxWindow words around an anchor, a word rare among the listed
// names and not a common word of prose. A window is searched only if an
// upper bound of its score against the names its anchors meet reaches
// the threshold; the best windows that do not overlap are kept.
func (s *Scanner) findNames(text []byte, toks []token, o Options) []Finding {
	cased := lineCasing(toks)
	ws := make([]word, len(toks))
	for i := range toks {
		ws[i] = s.analyseWord(text, &toks[i], cased[toks[i].line], o)
	}
	var hits []nameHit
	for i := 0; i < len(ws); {
		if !ws[i].inRun {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && ws[j].inRun && toks[j].gap != gapBreak {
			j++
		}
		hits = s.scanRun(text, toks, ws, i, j, o, hits)
		i = j
	}
	hits = resolve(hits)
	out := make([]Finding, 0, len(hits))
	for _, h := range hits {
		f := Finding{Kind: KindName, Start: h.start, End: h.end, Text: string(text[h.start:h.end]), Score: h.hit.Score,
			Entity: hitEntity(h.hit), Explanation: h.hit.Explanation}
		out = append(out, f)
	}
	return append(out, s.surnames(text, toks, ws, hits, o)...)
}

func hitEntity(h index.Hit) *Entity {
	name := ""
	if h.Explanation != nil {
		name = h.Explanation.Name
	}
	e := h.Entity
	return &Entity{ID: e.ID, Caption: e.Caption(), Schema: e.Schema, Name: name, Lists: h.Lists, Regimes: screen.Regimes(h.Lists)}
}

// lineCasing reports, per line, whether it has words in lower case: in
// such a line a name's words start with a capital.
func lineCasing(toks []token) []bool {
	n := 0
	if len(toks) > 0 {
		n = toks[len(toks)-1].line + 1
	}
	cased := make([]bool, n)
	for i := range toks {
		t := &toks[i]
		if t.lower && !t.upper && !t.caseless && !t.digits {
			cased[t.line] = true
		}
	}
	return cased
}

// analyseWord classifies a token and, if it may be part of a name,
// analyses it as names does.
func (s *Scanner) analyseWord(text []byte, t *token, cased bool, o Options) word {
	w := text[t.start:t.end]
	wd := word{class: classify(w)}
	switch {
	case wd.class == classStop, t.digits:
		return wd
	case cased && !t.upper && !t.caseless && wd.class != classConnector:
		return wd
	}
	wd.inRun = true
	a := s.analysis(w)
	wd.an, wd.weights, wd.unlisted = a.an, a.weights, a.unlisted
	for k := range wd.an {
		tk := &wd.an[k]
		if wd.class != className || tk.Kind != names.Word && tk.Kind != names.Patronymic {
			continue
		}
		key, minWeight := s.words[tk.Phon], o.MinAnchorWeight
		if tk.Abjad {
			// Arabic script writes no short vowels: its consonant
			// skeletons are shared by more names than a Latin word's
			// spelling (بشار is Bashar, Bishr and Bushra), so they anchor
			// a little more easily.
			key, minWeight = s.cons[tk.Cons], minWeight-1
		}
		if key != nil && !key.overflow && !key.place && key.weight >= minWeight {
			wd.anchor = true
			wd.keys = append(wd.keys, key)
		}
	}
	return wd
}

// canStart reports whether a window may start at a word: not at an
// English connector ("of", "the", "and"), while a name particle may
// start a name (al-Qaida, bin Laden, van der Berg).
func (w *word) canStart(text []byte, t *token) bool {
	if w.class != classConnector {
		return true
	}
	switch strings.ToLower(string(text[t.start:t.end])) {
	case "of", "the", "and":
		return false
	}
	return true
}

type window struct {
	a, b  int
	bound float64
}

// scanRun looks for names in the words [i, j) of one run.
func (s *Scanner) scanRun(text []byte, toks []token, ws []word, i, j int, o Options, hits []nameHit) []nameHit {
	for j > i && ws[j-1].class == classConnector {
		j--
	}
	if !slices.ContainsFunc(ws[i:j], func(w word) bool { return w.anchor }) {
		return hits
	}
	if oneWord(ws[i:j]) && !s.soloBound(ws[i:j], o) {
		// A lone word, the commonest case in prose: no name holding it
		// is close enough to nothing but the word.
		return hits
	}
	rn := s.runNames(ws[i:j])
	var wins []window
	for a := i; a < j; a++ {
		if !ws[a].canStart(text, &toks[a]) {
			continue
		}
		for b := a; b < j && b-a < o.MaxWindow; b++ {
			if ws[b].class == classConnector {
				continue
			}
			if !slices.ContainsFunc(ws[a:b+1], func(w word) bool { return w.anchor }) {
				continue
			}
			bound := s.bound(ws, rn, i, a, b)
			min := o.Threshold
			if oneWord(ws[a : b+1]) {
				min = o.OneWordThreshold
			}
			if bound >= min {
				wins = append(wins, window{a, b, bound})
			}
		}
	}
	// Best bound first, longer first among equals: a window whose bound
	// cannot beat a hit it overlaps is not searched.
	slices.SortFunc(wins, func(x, y window) int {
		switch {
		case x.bound > y.bound:
			return -1
		case x.bound < y.bound:
			return 1
		}
		return (y.b - y.a) - (x.b - x.a)
	})
	first := len(hits)
	for _, w := range wins {
		beaten := false
		for _, h := range hits[first:] {
			if h.a <= w.b && w.a <= h.b && h.hit.Score >= w.bound {
				beaten = true
				break
			}
		}
		if beaten {
			continue
		}
		if h, ok := s.searchWindow(text, toks, ws, w.a, w.b, o); ok {
			hits = append(hits, h)
		}
	}
	return hits
}

// oneWord reports whether a window is one name word, with its particles
// and titles ("al-Qaida", "Mr Lavrov").
func oneWord(ws []word) bool {
	n := 0
	for _, w := range ws {
		if slices.ContainsFunc(w.an, func(t names.Token) bool { return t.Kind == names.Word || t.Kind == names.Patronymic }) {
			n++
		}
	}
	return n <= 1
}

// runNames holds the names a run's anchors meet, and for each which of
// the run's tokens meet one of its words by phonetic or consonant
// skeleton: the cheap evidence a window's bound is computed from.
type runNames struct {
	names []nameRef
	// anchors[n] has bit w set when the run's word w anchors on name n;
	// keyed[n] bit k when the run's token k meets a word of name n
	// (words and tokens past the 63rd share bit 63).
	anchors, keyed []uint64
	// at[w] is the index of word w's first token among the run's tokens.
	at []int
}

func (s *Scanner) runNames(ws []word) *runNames {
	rn := &runNames{at: make([]int, len(ws)+1)}
	var toks []*names.Token
	for k := range ws {
		rn.at[k] = len(toks)
		for t := range ws[k].an {
			toks = append(toks, &ws[k].an[t])
		}
	}
	rn.at[len(ws)] = len(toks)
	pos := map[nameRef]int{}
	for k := range ws {
		for _, key := range ws[k].keys {
			for _, n := range key.names {
				p, ok := pos[n]
				if !ok {
					p = len(rn.names)
					pos[n] = p
					rn.names = append(rn.names, n)
					rn.anchors = append(rn.anchors, 0)
				}
				rn.anchors[p] |= 1 << min(k, 63)
			}
		}
	}
	rn.keyed = make([]uint64, len(rn.names))
	for n, ref := range rn.names {
		pn := &ref.cand.Names[ref.name]
		for j := 0; j < pn.Len(); j++ {
			lt := pn.Token(j)
			for k, t := range toks {
				if t.Kind == lt.Kind && (t.Phon == lt.Phon || t.Cons == lt.Cons && t.Cons != "" && (t.Abjad || lt.Abjad || len(t.Cons) >= s.cfg.ConsMinLen)) {
					rn.keyed[n] |= 1 << min(k, 63)
				}
			}
		}
	}
	return rn
}

// bound returns what window [a, b] (of the run starting at word i) may
// score against the names its anchors meet, counting as matched in full
// the tokens that meet a word of the name by skeleton and as unmatched
// the other listed tokens; tokens no listed name has are left out (the
// matcher weighs them as the listed word they are closest to). A name
// whose words meet the window's only by spelling edits ("Lavrof") is
// therefore missed unless its other words carry the score.
func (s *Scanner) bound(ws []word, rn *runNames, i, a, b int) float64 {
	var words uint64
	for w := a; w <= b; w++ {
		words |= 1 << min(w-i, 63)
	}
	total := 0.0
	for w := a; w <= b; w++ {
		for _, x := range ws[w].weights {
			total += x
		}
	}
	lowInfo := 1.0
	if s.cfg.MinQueryWeight > 0 {
		lowInfo = min(1, total/s.cfg.MinQueryWeight)
	}
	best := 0.0
	for n, ref := range rn.names {
		if rn.anchors[n]&words == 0 {
			continue
		}
		matched, denom := 0.0, 0.0
		k := rn.at[a-i]
		for w := a; w <= b; w++ {
			for t := range ws[w].an {
				switch {
				case rn.keyed[n]&(1<<min(k, 63)) != 0:
					matched += ws[w].weights[t]
					denom += ws[w].weights[t]
				case !ws[w].unlisted[t]:
					denom += ws[w].weights[t]
				}
				k++
			}
		}
		if denom == 0 {
			continue
		}
		score := matched / denom * lowInfo
		if ref.cand.Names[ref.name].Kind == entity.WeakAlias {
			score *= s.cfg.WeakAliasFactor
		}
		best = max(best, score)
	}
	return best
}

// searchWindow scores the text of window [a, b] with the index and
// returns its best hit that the rules for the window allow.
func (s *Scanner) searchWindow(text []byte, toks []token, ws []word, a, b int, o Options) (nameHit, bool) {
	start, end := toks[a].start, toks[b].end
	raw := text[start:end]
	key := strings.ToLower(string(raw)) + "\x00" + strconv.FormatFloat(o.Threshold, 'f', -1, 64) + "\x00" + strings.Join(o.Lists, ",")
	hits, ok := s.cache.get(key)
	if !ok {
		cfg := s.cfg
		cfg.Threshold = o.Threshold
		p, err := cfg.Prepare(match.Query{Name: string(raw)}, s.ix)
		if err == nil {
			var filter func(*match.Candidate, []string) bool
			if len(o.Lists) > 0 {
				filter = func(_ *match.Candidate, lists []string) bool { return s.onLists(lists, o.Lists) }
			}
			hits = s.ix.Search(p, index.Options{Config: &cfg, Limit: 3, Explain: true, Filter: filter})
		}
		s.cache.put(key, hits)
	}
	one := oneWord(ws[a : b+1])
	for _, h := range hits {
		if one && !s.oneWordOK(text, toks, ws, a, b, h, o) {
			continue
		}
		return nameHit{a: a, b: b, start: start, end: end, hit: h}, true
	}
	return nameHit{}, false
}

// minOneWordLetters is the shortest word a name is found from alone.
const minOneWordLetters = 5

// oneWordOK applies the rules for a name found from one word: a high
// score; five letters at least; never a person (a surname alone is reported only after the
// person was named in full, see surnames); a vessel only after a word
// saying it is one ("MV", "tanker"), since vessels are named after
// ordinary words.
func (s *Scanner) oneWordOK(text []byte, toks []token, ws []word, a, b int, h index.Hit, o Options) bool {
	main := a
	for k := a; k <= b; k++ {
		if ws[k].class != classConnector {
			main = k
		}
	}
	switch {
	case h.Score < o.OneWordThreshold:
		return false
	case utf8.RuneCount(text[toks[main].start:toks[main].end]) < minOneWordLetters && !toks[main].caseless:
		// Acronyms (MSG, RSP) and short words name too many things.
		return false
	case h.Entity.Schema == entity.Person, h.Entity.Schema == entity.LegalEntity:
		// LegalEntity: the lists' records of unknown kind, mostly people.
		return false
	case h.Entity.Schema == entity.Vessel:
		return a > 0 && vesselWords[strings.ToLower(string(text[toks[a-1].start:toks[a-1].end]))]
	}
	return true
}

var vesselWords = set(`mv mt ms ss v t vessel tanker ship boat cargo freighter carrier`)

// resolve keeps the best hits that do not overlap: higher score first,
// then the longer span.
func resolve(hits []nameHit) []nameHit {
	slices.SortFunc(hits, func(x, y nameHit) int {
		switch {
		case x.hit.Score > y.hit.Score:
			return -1
		case x.hit.Score < y.hit.Score:
			return 1
		}
		if d := (y.end - y.start) - (x.end - x.start); d != 0 {
			return d
		}
		return x.start - y.start
	})
	var out []nameHit
	for _, h := range hits {
		if !slices.ContainsFunc(out, func(o nameHit) bool { return o.start < h.end && h.start < o.end }) {
			out = append(out, h)
		}
	}
	slices.SortFunc(out, func(x, y nameHit) int { return x.start - y.start })
	return out
}

// surnames finds the later (or earlier) mentions of a person named in
// full by one rare word of the name alone: "Sergei Lavrov ... Lavrov
// said". The word must stand alone among common words ("Mr Lavrov",
// "Minister Lavrov"), not beside another name word ("Maria Lavrova").
func (s *Scanner) surnames(text []byte, toks []token, ws []word, hits []nameHit, o Options) []Finding {
	refs := map[string]*nameHit{}
	for i := range hits {
		h := &hits[i]
		if h.hit.Entity.Schema != entity.Person || h.hit.Explanation == nil {
			continue
		}
		for _, tm := range h.hit.Explanation.Tokens {
			if tm.Weight >= o.MinAnchorWeight && tm.Similarity >= s.cfg.SimPhon && !strings.Contains(tm.Query, "+") {
				if _, ok := refs[names.Phon(tm.Query)]; !ok {
					refs[names.Phon(tm.Query)] = h
				}
			}
		}
	}
	if len(refs) == 0 {
		return nil
	}
	var out []Finding
	for i := range ws {
		w := &ws[i]
		if !w.anchor || len(w.an) != 1 || slices.ContainsFunc(hits, func(h nameHit) bool { return h.a <= i && i <= h.b }) {
			continue
		}
		ref := refs[w.an[0].Phon]
		if ref == nil || nameNeighbour(toks, ws, i-1, i) || nameNeighbour(toks, ws, i+1, i) {
			continue
		}
		start := ref.start
		t := toks[i]
		out = append(out, Finding{Kind: KindName, Start: t.start, End: t.end, Text: string(text[t.start:t.end]), Score: ref.hit.Score,
			Entity: hitEntity(ref.hit), RefersTo: &start,
			Detail: "the surname of " + ref.hit.Entity.Caption() + ", named in full at byte " + strconv.Itoa(start)})
	}
	return out
}

// nameNeighbour reports whether word j, next to word i, is a name word of
// the same run.
func nameNeighbour(toks []token, ws []word, j, i int) bool {
	if j < 0 || j >= len(ws) {
		return false
	}
	later := max(i, j)
	return ws[j].inRun && ws[j].class == className && toks[later].gap != gapBreak
}

// soloBound reports whether the one word of ws may reach the one-word
// threshold against a name holding it.
func (s *Scanner) soloBound(ws []word, o Options) bool {
	for _, w := range ws {
		for _, k := range w.keys {
			if k.solo >= o.OneWordThreshold {
				return true
			}
		}
	}
	return false
}

// analysed is a word as names analyses it, with the weights the index
// gives its tokens. It is shared: read only.
type analysed struct {
	an       []names.Token
	weights  []float64
	unlisted []bool
}

// analysis returns the analysis of a word, from the scanner's cache when
// the word was seen before: capitalised words repeat within a text and
// across texts (menus, titles, the names in the news).
func (s *Scanner) analysis(w []byte) *analysed {
	s.analyses.mu.RLock()
	a := s.analyses.m[string(w)]
	s.analyses.mu.RUnlock()
	if a != nil {
		return a
	}
	a = &analysed{an: names.Analyze(string(w)).Tokens}
	a.weights = make([]float64, len(a.an))
	a.unlisted = make([]bool, len(a.an))
	for k := range a.an {
		tk := &a.an[k]
		raw := s.ix.Weight(tk)
		a.weights[k] = s.cfg.ClassWeight(tk, raw)
		a.unlisted[k] = tk.Kind == names.Word && raw >= s.maxWeight
	}
	s.analyses.mu.Lock()
	if s.analyses.m == nil || len(s.analyses.m) >= analysisCacheSize {
		s.analyses.m = make(map[string]*analysed)
	}
	s.analyses.m[string(w)] = a
	s.analyses.mu.Unlock()
	return a
}

// analysisCacheSize bounds the words whose analysis is remembered.
const analysisCacheSize = 1 << 16
