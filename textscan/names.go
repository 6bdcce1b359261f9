package textscan

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
	"github.com/vetoscreen/veto/source/all"
)

// word is a text token seen as a possible word of a name.
type word struct {
	class wordClass
	// inRun: the word may be part of a name; anchor: names are looked for
	// around it; number: a number of a few digits, which may end a run of
	// words but not start one.
	inRun, anchor, number bool
	// The word's analysis (nil unless inRun), shared and read only: a
	// pointer rather than its three slices keeps a word small, and a text
	// has one word per five or six bytes.
	*analysed
	// keys are the listed words it anchors on.
	keys []*wordKey
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
//
// It counts its work in sc.meter, and stops with the meter's error.
func (s *Scanner) findNames(text []byte, toks []token, o Options, sc *scratch) ([]Finding, error) {
	m := &sc.meter
	sc.cased = lineCasing(toks, sc.cased)
	ws := slices.Grow(sc.ws[:0], len(toks))[:len(toks)]
	sc.ws = ws
	for i := range toks {
		if i%cutEvery == 0 || m.owed >= ChargeEvery {
			if err := m.cut(toks[i].end); err != nil {
				return nil, err
			}
		}
		ws[i] = s.analyseWord(text, &toks[i], sc.cased[toks[i].line], o, m)
	}
	for i := range ws {
		if w := &ws[i]; w.anchor && w.acro && w.keys[len(w.keys)-1].acronym && capitalWordBeside(toks, ws, i) {
			// An acronym among capitals is no finding alone (oneWordOK),
			// and anchors nothing but with a legal form: a payment's
			// lines of capitals have many words that are some
			// organisation's initials.
			w.keys = w.keys[:len(w.keys)-1]
			w.anchor = len(w.keys) > 0
		}
	}
	var hits []nameHit
	okey := o.cacheKey()
	for i := 0; i < len(ws); {
		if !ws[i].inRun || ws[i].number {
			i++
			continue
		}
		j := runEnd(toks, ws, sc.cased, i)
		anchored := slices.ContainsFunc(ws[i:j], func(w word) bool { return w.anchor })
		if anchored {
			m.add(pairsPerRun)
			hits = s.scanRunCached(text, toks, ws, i, j, o, okey, hits, sc)
			if err := m.check(); err != nil {
				return nil, err
			}
		}
		i = j
	}
	var ids []Finding
	idsDone := false
	hits = slices.DeleteFunc(hits, func(h nameHit) bool {
		if !s.commonWords(text, toks, ws, &h) {
			return false
		}
		if !idsDone {
			ids, idsDone = s.findIDs(text, toks), true
		}
		return !s.distinctive(text, toks, ws, &h, ids)
	})
	m.add(pairsPerHit * float64(len(hits)))
	hits = resolve(hits)
	refs := s.fullNames(ws, hits, o)
	out := make([]Finding, 0, len(hits))
	for _, h := range hits {
		f := Finding{Kind: KindName, Start: h.start, End: h.end, Text: string(text[h.start:h.end]), Score: h.hit.Score,
			Entity: hitEntity(h.hit), Explanation: h.hit.Explanation}
		if ref := refs[h.oneWordPhon(ws)]; ref != nil && ref.start != h.start {
			// A person named by one word after a title ("Mr Lavrov"),
			// named in full elsewhere in the text, is that person.
			f = refersTo(text, h.start, h.end, ref)
		}
		out = append(out, f)
	}
	return append(out, s.surnames(text, toks, ws, hits, refs)...), nil
}

// oneWordPhon returns the phonetic skeleton of the word of a person's
// name found from one word (after a title), or "".
func (h *nameHit) oneWordPhon(ws []word) string {
	if h.hit.Entity.Schema != entity.Person && h.hit.Entity.Schema != entity.LegalEntity || !oneWord(ws[h.a:h.b+1]) {
		return ""
	}
	for m := h.a; m <= h.b; m++ {
		if ws[m].nameWord() && len(ws[m].an) == 1 {
			return ws[m].an[0].Phon
		}
	}
	return ""
}

// refersTo makes the finding of a person's name word at [start, end) that
// stands for the person named in full by ref.
func refersTo(text []byte, start, end int, ref *nameHit) Finding {
	at := ref.start
	return Finding{Kind: KindName, Start: start, End: end, Text: string(text[start:end]), Score: ref.hit.Score,
		Entity: hitEntity(ref.hit), RefersTo: &at,
		Detail: "the surname of " + ref.hit.Entity.Caption() + ", named in full at byte " + strconv.Itoa(at)}
}

// commonWords reports whether a hit on an organisation or a vessel met
// the listed name only with common words of prose (proseWords and the
// tables of common, stop and connecting words, in English, Russian and
// Arabic; legal forms aside): "the Cold War-era START", "the Asia-Pacific
// region", "a Silver Star for gallantry".
func (s *Scanner) commonWords(text []byte, toks []token, ws []word, h *nameHit) bool {
	ex := h.hit.Explanation
	if ex == nil || h.hit.Entity.Schema == entity.Person || h.hit.Entity.Schema == entity.LegalEntity {
		return false
	}
	met := func(form string) bool {
		return slices.ContainsFunc(ex.Tokens, func(tm match.TokenMatch) bool {
			return tm.Query == form || strings.Contains(tm.Query, "+") && slices.Contains(strings.Split(tm.Query, "+"), form)
		})
	}
	for x := h.a; x <= h.b; x++ {
		w := &ws[x]
		if w.analysed == nil || w.legalForm || !slices.ContainsFunc(w.an, func(t names.Token) bool { return t.Kind != names.LegalForm && met(t.Form) }) {
			continue
		}
		if w.class == className && !proseWords[lowerASCII(toks[x].word(text))] {
			return false
		}
	}
	return true
}

// distinctive reports whether a hit made of common words (commonWords)
// has beside it what makes it a name: a legal form ("JSC START", "Asia
// Pacific Links Ltd"), for a vessel a word saying one follows ("MV SEA
// STAR"), or an identifier of the entity in the text or any on the same
// line (ids: the text's identifier findings). A name word that is not a
// common word ("SEA STAR III": III) makes the hit no common words'.
func (s *Scanner) distinctive(text []byte, toks []token, ws []word, h *nameHit, ids []Finding) bool {
	for x := h.a; x <= min(h.b+1, len(ws)-1); x++ {
		if ws[x].analysed == nil {
			continue
		}
		if ws[x].legalForm || ws[x].legalPart || slices.ContainsFunc(ws[x].an, func(t names.Token) bool { return t.Kind == names.LegalForm }) {
			if x <= h.b || toks[x].gap < gapBreak {
				return true
			}
		}
	}
	if h.hit.Entity.Schema == entity.Vessel && s.vesselBefore(text, toks, h.a) {
		return true
	}
	for _, f := range ids {
		if f.Entity != nil && f.Entity.ID == h.hit.Entity.ID {
			return true
		}
		if f.Start >= toks[h.a].start-200 && f.End <= toks[h.b].end+200 && !bytes.ContainsAny(text[min(f.End, toks[h.a].start):max(f.Start, toks[h.b].end)], "\n") {
			return true
		}
	}
	return false
}

func hitEntity(h index.Hit) *Entity {
	name := ""
	if h.Explanation != nil {
		name = h.Explanation.Name
	}
	e := h.Entity
	return &Entity{ID: e.ID, Caption: e.Caption(), Schema: e.Schema, Name: name, Lists: h.Lists, Regimes: all.ListRegimes(h.Lists)}
}

// runEnd returns the end of the run of words that starts at word i: the
// words that may be part of a name, up to a break. A comma breaks, but
// after a surname in capitals ("LAVROV, Sergei"): a word in capitals in
// a line with lower case, or the first word of a run in a line of
// capitals (where "ACME TRADING GMBH, HAMBURG" must break).
func runEnd(toks []token, ws []word, cased []bool, i int) int {
	j := i + 1
	for j < len(ws) && ws[j].inRun && (toks[j].gap < gapBreak || toks[j].gap == gapComma && capitals(&toks[j-1]) && (j == i+1 || cased[toks[j-1].line])) {
		j++
		if ws[j-1].number {
			// A number ends a name ("EVER BRIGHT 88"), but for its
			// legal form ("NORD STREAM 2 AG").
			if j < len(ws) && ws[j].inRun && !ws[j].number && ws[j].legalForm && toks[j].gap < gapBreak {
				j++
			}
			break
		}
	}
	return j
}

// capitals reports whether a word is written in capitals: a surname, in
// the lists' "LAVROV, Sergei".
func capitals(t *token) bool { return t.upper && !t.lower && !t.caseless && !t.digits }

// lineCasing reports, per line, whether it has words in lower case: in
// such a line a name's words start with a capital.
func lineCasing(toks []token, cased []bool) []bool {
	n := 0
	if len(toks) > 0 {
		n = toks[len(toks)-1].line + 1
	}
	cased = slices.Grow(cased[:0], n)[:n]
	clear(cased)
	for i := range toks {
		t := &toks[i]
		if t.lower && !t.upper && !t.caseless && !t.digits || t.cont != 0 && t.lower {
			// A word hyphenated at the line's end in small letters
			// ("Medved-\nchuk") is prose wrapped, whatever else the line
			// holds ("Politician Viktor Medved-").
			cased[t.line] = true
		}
	}
	return cased
}

// analyseWord classifies a token and, if it may be part of a name,
// analyses it as names does.
func (s *Scanner) analyseWord(text []byte, t *token, cased bool, o Options, m *meter) word {
	w := t.word(text)
	leet := t.digits && leetWord(w, cased)
	switch {
	case t.digits && !shortNumber(w) && !leet:
		return word{}
	case cased && !t.upper && !t.digits && !t.caseless && !isConnector(w):
		// A word in lower case in a line that has capitals: prose. (Most
		// words of a text end here, with no map lookup if they are
		// longer than any connector.)
		return word{}
	}
	if t.digits && !leet {
		// It ends a run, and anchors nothing.
		return word{class: className, inRun: true, analysed: s.numberAnalysis(w), number: true}
	}
	a := s.analysis(w, m)
	if a.class == classStop {
		return word{class: classStop}
	}
	wd := word{class: a.class, inRun: true, analysed: a, keys: a.keys}
	if o.MinAnchorWeight != s.opts.MinAnchorWeight {
		wd.keys = s.anchorKeys(a, o.MinAnchorWeight)
	}
	wd.anchor = len(wd.keys) > 0
	return wd
}

// leetWord reports whether a word with digits is a word with digits for
// letters ("S3rgey", "0ttovich", "KHOTIMSK1Y"), as names reads it: ASCII
// letters and single digits that stand for letters, three letters or
// more, twice as many as the digits, and not an ordinal ("2nd"). In a
// line with small letters, it starts with a capital or a digit.
func leetWord(w []byte, cased bool) bool {
	letters, digits := 0, 0
	for i, c := range w {
		switch {
		case c >= '0' && c <= '9':
			if !strings.ContainsRune("01345789", rune(c)) || i > 0 && w[i-1] >= '0' && w[i-1] <= '9' {
				return false
			}
			digits++
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			letters++
		default:
			return false
		}
	}
	if digits == 0 || letters < 3 || digits*2 > letters {
		return false
	}
	if n := len(w); n >= 3 && w[n-3] >= '0' && w[n-3] <= '9' {
		switch lowerASCII(w[n-2:]) {
		case "st", "nd", "rd", "th":
			return false
		}
	}
	return !cased || w[0] >= '0' && w[0] <= '9' || w[0] >= 'A' && w[0] <= 'Z'
}

// shortNumber reports whether a word is a number of five digits or fewer,
// which may end a name in a run ("EVER BRIGHT 88", "NORD STREAM 2 AG",
// "FU YUAN YU 7620") but anchors none; longer ones are amounts, accounts
// and dates.
func shortNumber(w []byte) bool {
	if len(w) == 0 || len(w) > 5 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// anchorKeys returns the listed words a word anchors on, given the least
// weight of an anchor.
func (s *Scanner) anchorKeys(a *analysed, minAnchorWeight float64) []*wordKey {
	if a.class != className {
		return nil
	}
	var keys []*wordKey
	for k := range a.an {
		tk := &a.an[k]
		if tk.Kind != names.Word && tk.Kind != names.Patronymic {
			continue
		}
		key, minWeight := s.words[tk.Phon], minAnchorWeight
		if tk.Abjad {
			// Arabic script writes no short vowels: its consonant
			// skeletons are shared by more names than a Latin word's
			// spelling (بشار is Bashar, Bishr and Bushra), so they anchor
			// a little more easily.
			key, minWeight = s.cons[tk.Cons], minWeight-1
		}
		if key != nil && !key.overflow && !key.place && key.weight >= minWeight {
			if tk.Abjad {
				key = s.abjadKey(key, tk)
			}
			if key != nil {
				keys = append(keys, key)
			}
		}
		if key == nil && !tk.Abjad && a.unlisted[k] && len(tk.Phon) >= minSpelledAnchor {
			// A word no listed name has may be a misspelt rare one
			// ("Lavrof"): it anchors on the listed words it may be a
			// spelling of, as a search would expand it.
			sim := a.similar[k].get(s.ix, tk)
			for x, id := range sim.ids {
				if float64(sim.sims[x]) < min(s.cfg.SimEdit1Short, s.cfg.SimEdit2) {
					continue // consonants alone are too little to anchor on
				}
				if key := s.vocabKeys[id]; key != nil && !key.overflow && !key.place && key.weight >= minWeight && !slices.Contains(keys, key) {
					keys = append(keys, key)
				}
			}
		}
	}
	return keys
}

// minSpelledAnchor is the fewest letters of a skeleton a word needs to
// anchor on the listed words it may be a spelling of: shorter words are
// a few edits from too many.
const minSpelledAnchor = 5

// abjadKey returns the names of consonant key k that a word in Arabic
// script may match: those holding a listed word the matcher finds it
// similar to at all. Ordinary Arabic words share consonant skeletons
// with hundreds of listed names (نموا, "growth", has the consonants of
// many a name) whose vowels, where the script writes them, cannot fit:
// without this a line of Arabic prose anchored on thousands of names.
// It returns k itself when every name may match, and nil when none.
func (s *Scanner) abjadKey(k *wordKey, tk *names.Token) *wordKey {
	var keep []keyGroup
	for _, g := range k.groups {
		if sim, _ := s.cfg.TokenSim(tk, g.tok); sim > 0 {
			keep = append(keep, g)
		}
	}
	switch len(keep) {
	case len(k.groups):
		return k
	case 0:
		return nil
	}
	fk := &wordKey{weight: k.weight, place: k.place}
	for _, g := range keep {
		fk.names = append(fk.names, k.names[g.from:g.to]...)
	}
	s.settleRest(fk)
	return fk
}

// canStart reports whether a window may start at a word: not at a
// number, nor at an English connector ("of", "the", "and"), while a name
// particle may start a name (al-Qaida, bin Laden, van der Berg).
func (w *word) canStart(text []byte, t *token) bool {
	if w.number {
		return false // a number ends a name, it does not start one
	}
	if w.class != classConnector {
		return true
	}
	switch strings.ToLower(string(t.word(text))) {
	case "of", "the", "and":
		return false
	}
	return true
}

type window struct {
	a, b  int
	bound float64
	// cands are the numbers of the names the window may reach the
	// threshold against: scratch.cands[off : off+n].
	off, n int
}

// scanRunCached is scanRun, through the scanner's run cache: a run's
// findings depend on its words and what separates them (its bytes), on
// whether the word before it says a vessel follows, on whether the lines
// of a run over several have small letters, and on the options;
// and runs recur, within a text (the parties of a day's payments, the
// people of a news page) and across texts.
func (s *Scanner) scanRunCached(text []byte, toks []token, ws []word, i, j int, o Options, okey string, hits []nameHit, sc *scratch) []nameHit {
	start, end := toks[i].start, toks[j-1].end
	key := make([]byte, 0, len(okey)+2+end-start)
	key = append(key, okey...)
	if s.vesselBefore(text, toks, i) {
		key = append(key, 'v')
	}
	if toks[j-1].line > toks[i].line {
		// A run over several lines: whether each has small letters
		// (cutShort).
		for l := toks[i].line; l <= toks[j-1].line; l++ {
			key = append(key, "ul"[b2i(sc.cased[l])])
		}
	}
	key = append(key, 0)
	key = append(key, text[start:end]...)
	if found, ok := s.runs.get(string(key)); ok {
		for _, h := range found {
			h.a, h.b, h.start, h.end = h.a+i, h.b+i, h.start+start, h.end+start
			hits = append(hits, h)
		}
		return hits
	}
	first := len(hits)
	hits = s.scanRun(text, toks, ws, i, j, o, hits, sc)
	if sc.meter.err != nil {
		return hits // cut short: not the run's findings
	}
	found := slices.Clone(hits[first:])
	for k := range found {
		h := &found[k]
		h.a, h.b, h.start, h.end = h.a-i, h.b-i, h.start-start, h.end-start
	}
	s.runs.put(string(key), found)
	return hits
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// vesselBefore reports whether the word before word a says that a vessel
// follows ("MV", "tanker").
func (s *Scanner) vesselBefore(text []byte, toks []token, a int) bool {
	return a > 0 && vesselWords[lowerASCII(toks[a-1].word(text))]
}

// windows returns the windows of the run of words [i, j) whose bound
// reaches the threshold, with the names each may match in sc.cands. It
// uses sc.wins, and counts its work in sc.meter: when the meter stops the
// scan, the windows found so far.
func (s *Scanner) windows(text []byte, toks []token, ws []word, i, j int, o Options, sc *scratch) []window {
	wins := sc.wins[:0]
	for j > i && ws[j-1].class == classConnector {
		j--
	}
	if !slices.ContainsFunc(ws[i:j], func(w word) bool { return w.anchor }) {
		return wins
	}
	if oneWord(ws[i:j]) && !s.soloBound(ws[i:j], o, slices.ContainsFunc(ws[i:j], word.isTitle)) {
		// A lone word, the commonest case in prose: no name holding it
		// is close enough to nothing but the word.
		return wins
	}
	rn := s.runNames(ws[i:j], &sc.rn, o)
	sc.meter.addRun(len(rn.toks), len(rn.met))
	if !slices.ContainsFunc(rn.anchors, func(m uint64) bool { return m != 0 }) {
		return wins
	}
	sc.cands = sc.cands[:0]
	for a := i; a < j; a++ {
		if sc.meter.check() != nil {
			return wins
		}
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
			one := oneWord(ws[a : b+1])
			if one && tooShort(text, toks, ws, a, b) {
				continue
			}
			off := len(sc.cands)
			var bound float64
			oneFloor := o.OneWordThreshold
			if one && slices.ContainsFunc(ws[a:b+1], func(w word) bool { return w.analysed != nil && w.acro }) && !capitalsBeside(text, toks, a, b) {
				oneFloor = o.Threshold // an acronym scores SimAcronym at most
			}
			bound, sc.cands = s.bound(text, toks, ws, rn, i, a, b, one, one && titled(toks, ws, a, b), o.Threshold-1e-9, oneFloor-1e-9, sc.cands)
			sc.meter.add(pairsPerWindowName * float64(rn.wordOff[b+1-i]-rn.wordOff[a-i]))
			if len(sc.cands) > off {
				wins = append(wins, window{a: a, b: b, bound: bound, off: off, n: len(sc.cands) - off})
			}
		}
	}
	return wins
}

// titled reports whether the one name word of window [a, b] follows a
// title in its run ("President Erdoğan", "Sheikh Tamim", "Mr Lavrov"): a
// title says a person is named.
func titled(toks []token, ws []word, a, b int) bool {
	for m := a; m <= b; m++ {
		if ws[m].nameWord() {
			return m > 0 && ws[m-1].inRun && ws[m-1].isTitle() && toks[m].gap < gapBreak
		}
	}
	return false
}

// isTitle reports whether a word is a title, analysed alone ("President",
// "Sheikh", "Mr").
func (w word) isTitle() bool {
	return len(w.an) > 0 && !slices.ContainsFunc(w.an, func(t names.Token) bool { return t.Kind != names.Title })
}

// nameWord reports whether a word has a word, patronymic or initial of a
// name: the words oneWord counts.
func (w word) nameWord() bool {
	return slices.ContainsFunc(w.an, func(t names.Token) bool {
		return t.Kind == names.Word || t.Kind == names.Patronymic || t.Kind == names.Initial
	})
}

// scanRun looks for names in the words [i, j) of one run, and stops
// where sc.meter stops the scan.
func (s *Scanner) scanRun(text []byte, toks []token, ws []word, i, j int, o Options, hits []nameHit, sc *scratch) []nameHit {
	wins := s.windows(text, toks, ws, i, j, o, sc)
	defer func() { sc.wins = wins[:0] }()
	// Best bound first, longer first among equals: a window whose bound
	// cannot beat a hit it overlaps, and which is no longer, is not
	// searched (resolve prefers the longer).
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
			if h.a <= w.b && w.a <= h.b && h.hit.Score >= w.bound && w.b-w.a <= h.b-h.a {
				beaten = true
				break
			}
		}
		if beaten {
			continue
		}
		if sc.meter.check() != nil {
			return hits
		}
		h, ok := s.searchWindow(text, toks, ws, w.a, w.b, o, sc.cands[w.off:w.off+w.n], &sc.meter)
		if ok && !s.cutShort(text, toks, ws, sc.cased, i, j, w.a, w.b, o, h.hit.Explanation) && !titleEdge(ws, w.a, w.b, h.hit.Explanation) {
			hits = append(hits, h)
		}
	}
	return hits
}

// titleEdge reports whether window [a, b] starts or ends with a word that
// its analysis reads as a title the listed name does not have: the
// window without it scores as much (a title weighs nothing), is searched
// too, and is the name as the finding must give it ("Foreign Minister
// Sergei Lavrov" is Sergei Lavrov).
func titleEdge(ws []word, a, b int, ex *match.Explanation) bool {
	if ex == nil || a == b {
		return false
	}
	title := func(w *word) bool {
		n := 0
		for _, t := range w.an {
			if t.Kind == names.Particle {
				continue
			}
			if !slices.ContainsFunc(ex.UnmatchedQuery, func(c match.TokenCost) bool { return c.Role == "title" && c.Token == t.Form }) {
				return false
			}
			n++
		}
		return n > 0
	}
	return title(&ws[a]) || title(&ws[b])
}

// cutShort reports whether window [a, b] of the run [i, j) leaves out a
// word beside it that reads as part of the same name: "Pharma GmbH" in
// "Horizon Pharma GmbH", "Anna Maria" in "Anna Maria Rombach". The name
// the text writes is then the longer one, whose window is searched too
// and kept if it matches (resolve prefers it); the shorter alone would
// flag a name that screening the text's name would not. A window of
// MaxWindow words cannot be made longer, and a word that is common,
// a title, a legal form, a place or a vessel's marker is no part of a
// name.
//
// In a line without small letters (a payment message's fields), capitals
// say nothing of where a name ends, and a name is followed by its city or
// country far more often than by more of itself ("PAY SERGEI LAVROV
// MOSCOW", "PRIVATE MILITARY COMPANY WAGNER BANGUI"): there a word after
// the window does not cut it short once the window has met the listed
// name's surname (ex, the window's match, leaves no listed surname out)
// or all of an organisation's name.
func (s *Scanner) cutShort(text []byte, toks []token, ws []word, cased []bool, i, j, a, b int, o Options, ex *match.Explanation) bool {
	if b-a+1 >= o.MaxWindow {
		return false
	}
	ends := false
	if !cased[toks[b].line] {
		// An organisation's name goes on where a legal form follows
		// ("ROSNEFT DEUTSCHLAND GMBH" is not Rosneft).
		person, whole := nameEnds(ex)
		ends = person || whole && !slices.ContainsFunc(ws[b+1:j], func(w word) bool { return w.legalForm })
	}
	// A line break ends a field of a payment message, where the next
	// line says something else ("SERGEI LAVROV / SMOLENSKAYA SQ"); only
	// prose wraps a name across lines.
	prose := func(x, y int) bool { return toks[y].gap != gapLine || cased[toks[x].line] && cased[toks[y].line] }
	near := func(x int) bool {
		return s.nameLike(text, toks, ws, x) && !acronymInProse(text, toks, cased, x) && !(x == a-1 && sentenceStart(toks, ws, cased, x))
	}
	return a > i && prose(a-1, a) && near(a-1) || b+1 < j && !ends && prose(b, b+1) && near(b+1)
}

// nameEnds reports whether a window's match ex met the whole query and
// left out of a person's name only given names (person), or of any name
// no word at all (whole): the window holds the name's end.
func nameEnds(ex *match.Explanation) (person, whole bool) {
	if ex == nil || len(ex.UnmatchedQuery) > 0 {
		return false, false
	}
	for _, t := range ex.UnmatchedName {
		switch t.Role {
		case "family":
			return false, false
		case "given", "middle", "patronymic", "syllable":
			person = true
		}
	}
	return person, len(ex.UnmatchedName) == 0
}

// sentenceStart reports whether word x begins a sentence of prose and is
// no word of any listed name: capitalised there because it begins it
// ("Politician Viktor Medvedchuk said"), not because it names.
func sentenceStart(toks []token, ws []word, cased []bool, x int) bool {
	return toks[x].gap == gapBreak && cased[toks[x].line] && ws[x].analysed != nil && len(ws[x].unlisted) > 0 && !slices.Contains(ws[x].unlisted, false)
}

// acronymInProse reports whether word x is a short word in capitals, of
// two to four letters, in a line written in small letters too: an
// acronym beside a name ("MP Viktor Medvedchuk", "EU Commissioner"), not
// a word of it. A surname in capitals (KIM Jong Un) is read with the
// name where its window scores, as any window is.
func acronymInProse(text []byte, toks []token, cased []bool, x int) bool {
	t := &toks[x]
	n := utf8.RuneCount(t.word(text))
	return cased[t.line] && capitals(t) && n >= 2 && n <= 4
}

func (s *Scanner) nameLike(text []byte, toks []token, ws []word, x int) bool {
	w := &ws[x]
	if w.class != className || w.legalForm || !slices.ContainsFunc(w.an, func(t names.Token) bool { return t.Kind == names.Word || t.Kind == names.Patronymic }) {
		return false
	}
	raw := toks[x].word(text)
	if vesselWords[lowerASCII(raw)] {
		return false
	}
	f := foldWord(raw)
	return !s.countryWords[f] && len(s.places[f]) == 0
}

// oneWord reports whether a window is one name word, with its particles
// and titles ("al-Qaida", "Mr Lavrov"). An initial counts as a word: "V.
// Putin" names a person as the news writes him.
func oneWord(ws []word) bool {
	n := 0
	for _, w := range ws {
		if w.analysed != nil && w.camel > 1 {
			n += w.camel // "SergeyPetrov" is two words run together
			continue
		}
		if slices.ContainsFunc(w.an, func(t names.Token) bool {
			return t.Kind == names.Word || t.Kind == names.Patronymic || t.Kind == names.Initial
		}) {
			n++
		}
	}
	return n <= 1
}

// searchWindow scores the text of window [a, b] with the index against
// the listed names numbered cands (those its bound let through) and
// returns its best hit that the rules for the window allow.
func (s *Scanner) searchWindow(text []byte, toks []token, ws []word, a, b int, o Options, cands []int32, m *meter) (nameHit, bool) {
	start, end := toks[a].start, toks[b].end
	raw := windowText(text, toks, a, b)
	one := oneWord(ws[a : b+1])
	// The names a window is scored against are a function of its words,
	// but for a window of one word, whose vessels are looked at only
	// after a word that says it is one. The key keeps the text's case,
	// which the explanation quotes.
	key := raw + "\x00" + strconv.FormatFloat(o.Threshold, 'f', -1, 64) + "\x00" + strings.Join(o.Lists, ",")
	if one && s.vesselBefore(text, toks, a) {
		key += "\x00v"
	}
	if one && titled(toks, ws, a, b) {
		key += "\x00t"
	}
	hits, ok := s.cache.get(key)
	if !ok {
		cfg := s.cfg
		cfg.Threshold = o.Threshold
		p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: raw}}, s.ix)
		if err == nil {
			var filter func(*match.Candidate, []string) bool
			if len(o.Lists) > 0 {
				filter = func(_ *match.Candidate, lists []string) bool { return s.onLists(lists, o.Lists) }
			}
			var work index.Work
			opts := index.Options{Config: &cfg, Limit: 3, Explain: true, Filter: filter, Work: &work}
			hits = s.ix.SearchNames(p, cands, opts)
			if i := slices.IndexFunc(hits, func(h index.Hit) bool { return !one || s.oneWordOK(text, toks, ws, a, b, h, o) }); i >= 0 && hits[i].Score < 1 {
				// A name is here: search the whole index for a better
				// one, as screening the window's text would find it,
				// since a listed name may meet the window by spelling
				// alone ("Nazeer" for Nasser) and score higher. Only
				// names that can beat the one found are looked at, which
				// keeps this search short (none can beat a score of 1);
				// and most windows hold no name.
				better := opts
				better.Threshold, better.Limit = math.Nextafter(hits[i].Score, 2), 1
				if p, err := cfg.Prepare(match.Query{Subject: entity.Subject{Name: raw}}, s.ix); err == nil {
					hits = append(s.ix.Search(p, better), hits...)
				}
			}
			m.addSearch(&work)
		}
		s.cache.put(key, hits)
	}
	for _, h := range hits {
		if one && !s.oneWordOK(text, toks, ws, a, b, h, o) {
			continue
		}
		return nameHit{a: a, b: b, start: start, end: end, hit: h}, true
	}
	return nameHit{}, false
}

// windowText returns the text of words [a, b] as a name to search: the
// text's own, but for a word hyphenated at the end of a line, written
// whole ("Yevgeny Prigozhin" for "Yevgeny Prigo-\nzhin").
func windowText(text []byte, toks []token, a, b int) string {
	if !slices.ContainsFunc(toks[a:b+1], func(t token) bool { return t.cont != 0 }) {
		return string(text[toks[a].start:toks[b].end])
	}
	var w []byte
	for k := a; k <= b; k++ {
		if k > a {
			w = append(w, text[toks[k-1].end:toks[k].start]...)
		}
		w = append(w, toks[k].word(text)...)
	}
	return string(w)
}

// tooShort reports whether the one name word of window [a, b] is too
// short to be found alone: acronyms (MSG, RSP) and short words name too
// many things.
func tooShort(text []byte, toks []token, ws []word, a, b int) bool {
	main := a
	for k := a; k <= b; k++ {
		if ws[k].class != classConnector {
			main = k
		}
	}
	if ws[main].analysed != nil && ws[main].acro && !capitalsBeside(text, toks, a, b) {
		return false // an acronym is short
	}
	return utf8.RuneCount(toks[main].word(text)) < minOneWordLetters && !toks[main].caseless
}

// minOneWordLetters is the shortest word a name is found from alone.
const minOneWordLetters = 5

// oneWordOK applies the rules for a name found from one word: five
// letters at least; a high score; never a person (a surname alone is
// reported only after the person was named in full, see surnames) but
// after a title, which says a person is named ("President Erdoğan",
// "Sheikh Tamim"), at the threshold; a vessel only after a word saying
// it is one ("MV", "tanker"), since vessels are named after ordinary
// words. The letters, schema and vessel rules are also applied before a
// window is searched (tooShort, bound).
func (s *Scanner) oneWordOK(text []byte, toks []token, ws []word, a, b int, h index.Hit, o Options) bool {
	switch {
	case tooShort(text, toks, ws, a, b):
		return false
	case acronymHit(ws, a, b, h):
		return h.Score >= o.Threshold && !capitalsBeside(text, toks, a, b)
	case h.Entity.Schema == entity.Person, h.Entity.Schema == entity.LegalEntity:
		// LegalEntity: the lists' records of unknown kind, mostly people.
		return titled(toks, ws, a, b) && h.Score >= o.Threshold
	case h.Score < o.OneWordThreshold:
		return false
	case h.Entity.Schema == entity.Vessel:
		return s.vesselBefore(text, toks, a)
	}
	return true
}

// capitalsBeside reports whether a word in capitals stands on the same
// line right before or after window [a, b]: an acronym is one among
// words in small letters, or alone on its line, not a word of a line of
// capitals ("WIL VAN DER COELEN").
func capitalsBeside(text []byte, toks []token, a, b int) bool {
	caps := func(x, y int) bool { // y beside x
		return y >= 0 && y < len(toks) && toks[y].line == toks[x].line && !toks[y].lower && !toks[y].digits && !toks[y].caseless
	}
	return caps(a, a-1) || caps(b, b+1)
}

// capitalWordBeside reports whether a word in capitals other than a
// legal form stands on the same line right before or after word i.
func capitalWordBeside(toks []token, ws []word, i int) bool {
	caps := func(y int) bool {
		if y < 0 || y >= len(toks) || toks[y].line != toks[i].line || toks[y].lower || toks[y].digits || toks[y].caseless {
			return false
		}
		return ws[y].analysed == nil || !ws[y].legalForm && !ws[y].legalPart
	}
	return caps(i-1) || caps(i+1)
}

// acronymHit reports whether the one name word of window [a, b] is an
// acronym (analysed.acro) that hit h met the listed name's initials with.
func acronymHit(ws []word, a, b int, h index.Hit) bool {
	if h.Explanation == nil {
		return false
	}
	for m := a; m <= b; m++ {
		if ws[m].analysed == nil || !ws[m].acro {
			continue
		}
		f := ws[m].an[0].Form
		if slices.ContainsFunc(h.Explanation.Tokens, func(tm match.TokenMatch) bool { return tm.Method == match.Acronym && tm.Query == f }) {
			return true
		}
	}
	return false
}

var vesselWords = set(`mv mt ms ss v t vessel tanker ship boat cargo freighter carrier yacht superyacht`)

// resolve keeps the hits that do not overlap: the longer first (in
// words), then the higher score. The longest window that matches is the
// name as the text writes it, which is what screening that name would
// look at: "Leonid KALASHNIKOV" is a person, though "KALASHNIKOV" alone
// scores higher against a company.
func resolve(hits []nameHit) []nameHit {
	slices.SortFunc(hits, func(x, y nameHit) int {
		if d := (y.b - y.a) - (x.b - x.a); d != 0 {
			return d
		}
		switch {
		case x.hit.Score > y.hit.Score:
			return -1
		case x.hit.Score < y.hit.Score:
			return 1
		}
		return x.start - y.start
	})
	// The bytes the kept hits cover: a hit is looked up and marked in
	// the length of its name, so resolving is linear in the hits, not
	// quadratic (64,000 mentions of one name took seconds).
	end := 0
	for _, h := range hits {
		end = max(end, h.end)
	}
	covered := make([]uint64, end/64+1)
	overlaps := func(a, b int) bool {
		for i := a; i < b; i++ {
			if covered[i/64]&(1<<(i%64)) != 0 {
				return true
			}
		}
		return false
	}
	var out []nameHit
	for _, h := range hits {
		if overlaps(h.start, h.end) {
			continue
		}
		for i := h.start; i < h.end; i++ {
			covered[i/64] |= 1 << (i % 64)
		}
		out = append(out, h)
	}
	slices.SortFunc(out, func(x, y nameHit) int { return x.start - y.start })
	return out
}

// surnames finds the later (or earlier) mentions of a person named in
// full by one rare word of the name alone: "Sergei Lavrov ... Lavrov
// said". The word must stand alone among common words ("Mr Lavrov",
// "Minister Lavrov"), not beside another name word ("Maria Lavrova").
func (s *Scanner) surnames(text []byte, toks []token, ws []word, hits []nameHit, refs map[string]*nameHit) []Finding {
	if len(refs) == 0 {
		return nil
	}
	var out []Finding
	next := 0 // hits are in text order and do not overlap
	for i := range ws {
		w := &ws[i]
		for next < len(hits) && hits[next].b < i {
			next++
		}
		if !w.anchor || len(w.an) != 1 || next < len(hits) && hits[next].a <= i {
			continue
		}
		ref := refs[w.an[0].Phon]
		if ref == nil || nameNeighbour(toks, ws, i-1, i) || nameNeighbour(toks, ws, i+1, i) {
			continue
		}
		out = append(out, refersTo(text, toks[i].start, toks[i].end, ref))
	}
	return out
}

// fullNames maps the phonetic skeleton of each rare word of the people
// named in full (by more than one word) to the first finding that named
// them.
func (s *Scanner) fullNames(ws []word, hits []nameHit, o Options) map[string]*nameHit {
	refs := map[string]*nameHit{}
	for i := range hits {
		h := &hits[i]
		if h.hit.Entity.Schema != entity.Person || h.hit.Explanation == nil || oneWord(ws[h.a:h.b+1]) {
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
	return refs
}

// nameNeighbour reports whether word j, next to word i, is a name word of
// the same run.
func nameNeighbour(toks []token, ws []word, j, i int) bool {
	if j < 0 || j >= len(ws) {
		return false
	}
	later := max(i, j)
	return ws[j].inRun && ws[j].class == className && toks[later].gap < gapBreak
}

// soloBound reports whether the one name word of ws may reach the
// one-word threshold against a name holding it that it may be reported
// for alone; after a title (titled), the threshold against any name. A
// word of several tokens that may each meet a word of a name
// ("Abdulrahman": abd, al, rahman) is not bounded here.
func (s *Scanner) soloBound(ws []word, o Options, titled bool) bool {
	floor := o.OneWordThreshold
	if titled {
		floor = o.Threshold
	}
	for _, w := range ws {
		if len(w.keys) == 0 {
			continue
		}
		total, spell := 0.0, 0
		for t := range w.an {
			total += w.weights[t]
			if k := w.an[t].Kind; k == names.Word || k == names.Patronymic {
				spell++
			}
			if s.joinPhons[w.sk[t].phon] {
				return true // it may be a span of a name's words written as one
			}
		}
		if spell > 1 {
			return true
		}
		for _, k := range w.keys {
			if k.acronym || s.solo(k, total, titled) >= floor {
				return true
			}
		}
	}
	return false
}

// analysed is a word as names analyses it, with the weights the index
// gives its tokens, its class, and the listed words it anchors on with
// the scanner's own Options.MinAnchorWeight. It is shared: read only.
type analysed struct {
	class    wordClass
	keys     []*wordKey
	an       []names.Token
	weights  []float64
	unlisted []bool
	// sk are the skeletons of an, similar the listed words they are
	// similar to.
	sk      []skel
	similar []similarIDs
	// legalForm: the word is a legal form at the end of a name ("BV",
	// "Ltd", "AB"), which a word alone is not: in a window it weighs
	// Config.LegalFormWeight and meets the listed name's legal form.
	// legalPart: it may be a word of a legal form of several words
	// ("Joint", "Obshchestvo"; see legalPhraseWord).
	legalForm, legalPart bool
	// wild marks the tokens that are legal forms where the word ends a
	// name, as it does alone, and words where a name goes on after it:
	// "الاس" alone is al and the legal form "as", before another word
	// the name Elias. A bound does not know what they weigh or meet.
	wild []bool
	// alt is, for a particle that an East Asian name reads as a syllable
	// ("Il" in "Jae Il RI", al alone; see names' eastAsianParticles), the
	// weight of that word, whose phonetic skeleton is sk's alt; 0 for
	// other tokens.
	alt []float64
	// numeral marks the numbers written in words ("SEVENTY", "EIGHT"),
	// which a name's analysis may read with their neighbours as one
	// number ("SEVENTY-EIGHT", 78).
	numeral []bool
	// camel is the number of name words of a word written in camel case
	// ("SergeyPetrov", "KangRyong"), which names splits: a name of that
	// many words, not one; 0 for other words.
	camel int
	// acro: the word, written in capitals, is the initials of listed
	// organisations' names ("VSP", "NIORD"; Scanner.acronyms), and anchors
	// on them. Found alone, it is reported at the threshold, as a search
	// of it scores it (match.Config.SimAcronym), not at the one-word
	// threshold, and however short (see acronymHit).
	acro bool
}

// acronymWord reports whether a word is an acronym of listed names (see
// analysed.acro): three to eight capitals, of a word that is neither a
// common word of prose nor a common acronym.
func (s *Scanner) acronymWord(w []byte, a *analysed) bool {
	if len(w) < 3 || len(w) > 8 || a.class != className || len(a.an) != 1 || a.an[0].Kind != names.Word || a.legalForm || a.legalPart {
		return false
	}
	for _, c := range w {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	f := lowerASCII(w)
	if proseWords[f] || commonAcronyms[f] {
		return false
	}
	k := s.acronyms[f]
	return k != nil && !k.overflow && a.an[0].Form == f
}

// camelCase reports whether a word has a capital after a small letter.
func camelCase(w []byte) bool {
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' && w[i-1] >= 'a' && w[i-1] <= 'z' {
			return true
		}
	}
	return false
}

// analysis returns the analysis of a word, from the scanner's cache when
// the word was seen before: capitalised words repeat within a text and
// across texts (menus, titles, the names in the news).
func (s *Scanner) analysis(w []byte, m *meter) *analysed {
	s.analyses.mu.RLock()
	a := s.analyses.m[string(w)]
	s.analyses.mu.RUnlock()
	m.add(pairsPerLookup)
	if a != nil {
		return a
	}
	m.add(pairsPerAnalysis)
	a = &analysed{class: classify(w), an: names.Analyze(string(w)).Tokens}
	if an := names.Analyze("Acme " + string(w)).Tokens; len(an) == 2 && an[1].Kind == names.LegalForm {
		a.legalForm = true
	}
	a.sk = make([]skel, len(a.an))
	a.similar = make([]similarIDs, len(a.an))
	for k := range a.an {
		a.sk[k] = s.textSkel(&a.an[k])
	}
	a.weights = make([]float64, len(a.an))
	a.unlisted = make([]bool, len(a.an))
	a.wild = make([]bool, len(a.an))
	a.alt = make([]float64, len(a.an))
	a.numeral = make([]bool, len(a.an))
	for k := range a.an {
		tk := &a.an[k]
		raw := s.ix.Weight(tk)
		a.weights[k] = s.cfg.ClassWeight(tk, raw)
		a.unlisted[k] = (tk.Kind == names.Word || tk.Kind == names.Patronymic) && raw >= s.maxWeight
		a.wild[k] = tk.Kind == names.LegalForm && len(a.an) > 1
		a.legalPart = a.legalPart || legalPhraseWord(tk.Form)
		a.numeral[k] = tk.Kind == names.Number && !hasDigitByte(w)
		if tk.Kind == names.Particle && tk.Glue != "" && len(tk.Glue) <= 3 && !tk.Abjad {
			// A syllable of an East Asian name where its other words are
			// ("Kim Il Sung", "Le Duc Tho"): a word there.
			phon, cons, key := names.Skeletons(tk.Glue, false)
			at := names.Token{Form: tk.Glue, Phon: phon, Cons: cons, Key: key, Kind: names.Word}
			if id := s.phonIDs[phon]; id != 0 {
				a.sk[k].alt = id
				a.alt[k] = s.cfg.ClassWeight(&at, s.ix.Weight(&at))
			}
		}
	}
	if camelCase(w) {
		n := 0
		for k := range a.an {
			if kd := a.an[k].Kind; kd == names.Word || kd == names.Patronymic {
				n++
			}
		}
		if n > 1 {
			a.camel = n
		}
	}
	a.keys = s.anchorKeys(a, s.opts.MinAnchorWeight)
	a.acro = s.acronymWord(w, a)
	if a.acro {
		a.keys = append(a.keys, s.acronyms[a.an[0].Form])
	}
	s.analyses.mu.Lock()
	if s.analyses.m == nil || len(s.analyses.m) >= analysisCacheSize {
		s.analyses.m = make(map[string]*analysed)
	}
	s.analyses.m[string(w)] = a
	s.analyses.mu.Unlock()
	return a
}

// numberAnalysis returns the analysis of a number of a few digits, as
// names would make it (one Number token of its digits), without names:
// a text has many numbers, most of them once.
func (s *Scanner) numberAnalysis(w []byte) *analysed {
	t := names.Token{Form: string(w), Phon: string(w), Kind: names.Number}
	return &analysed{class: className, an: []names.Token{t}, weights: []float64{s.cfg.ClassWeight(&t, 0)},
		sk: []skel{s.textSkel(&t)}, similar: make([]similarIDs, 1), unlisted: []bool{false}, wild: []bool{false}, alt: []float64{0}, numeral: []bool{false}}
}

func hasDigitByte(w []byte) bool {
	for _, c := range w {
		if c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// analysisCacheSize bounds the words whose analysis is remembered.
const analysisCacheSize = 1 << 16
