package index

import (
	"slices"
	"strings"
	"sync"

	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
)

type vocabKey struct {
	form  string
	kind  names.Kind
	abjad bool
	trans bool
	span  match.SpanKind
	// legal tells legal forms of one kind apart by their places (GmbH
	// and Ltd are both limited companies).
	legal names.LegalPlace
}

func keyOf(t *names.Token, span match.SpanKind) vocabKey {
	return vocabKey{form: t.Form, kind: t.Kind, abjad: t.Abjad, trans: t.Trans, span: span, legal: t.Legal}
}

// vocab interns the tokens of the listed names, and indexes their forms
// and phonetic skeletons by trigram so that a query token finds every
// listed token within a few edits without comparing it to all of them.
type vocab struct {
	// tokens are the distinct tokens of the listed names, and of their
	// spans written as one word (span[i] says which kind; match.Single
	// for a token).
	tokens []names.Token
	span   []match.SpanKind
	byKey  map[vocabKey]uint32
	// forms and phons are the distinct forms and phonetic skeletons.
	forms, phons *strSet
	// byCons maps a consonant skeleton to entries, byWeak the skeleton
	// without v (see names.WeakCons).
	byCons, byWeak map[string][]uint32
	// readings are the words' other skeletons: their national readings
	// and their stems without a Baltic ending (names.Token's Alt, Stem
	// and AltStem), searchable by edits as phons are.
	readings *strSet
	// bySyllables maps a word's East Asian syllable key to its words (see
	// names.Token).
	bySyllables map[string][]uint32
	// bySlav maps a word's East Slavic key to its words (see
	// names.SlavicKey), bySlavMarked to those of them that bear
	// Ukrainian or Belarusian marks (names.Token.SlavMark).
	bySlav, bySlavMarked map[string][]uint32
	// byAltCons maps the consonant skeletons (names.Cons and
	// names.WeakCons) of Latin words' national readings to the words, for
	// abjad spellings to meet them (Benjamin read with a j as y: בנימין).
	byAltCons map[string][]uint32
	// byAbjadCons maps the consonant skeletons (names.Cons and
	// names.WeakCons, of both readings) of abjad words to the words, for
	// a Latin word's national reading to meet them.
	byAbjadCons map[string][]uint32
	// looseAll maps a loose consonant key to every word, looseTrans to
	// the words written in scripts other than Latin and Cyrillic (the
	// only ones a Latin word meets on it); abjadAll and abjadOnly do the
	// same for the abjad key (names.AbjadLoose).
	looseAll, looseTrans, abjadAll, abjadOnly map[string][]uint32
	// looseDropped maps the loose key of a Latin word to the words of a
	// syllabary that may spell it with one consonant left out (see
	// names.LooseAdded and match.looseSim): Donald to 唐纳德.
	looseDropped map[string][]uint32
	// letters maps a run of letters, or an organisation's initials, to
	// its entries, for the words that may be that acronym.
	letters map[string][]uint32
	// initials maps a letter to the entries that are initials.
	initials [26][]uint32
	// legalForms are the entries that are legal forms.
	legalForms []uint32
}

func newVocab() *vocab {
	return &vocab{byKey: map[vocabKey]uint32{}, forms: newStrSet(), phons: newStrSet(), byCons: map[string][]uint32{}, byWeak: map[string][]uint32{},
		readings: newStrSet(), bySyllables: map[string][]uint32{}, bySlav: map[string][]uint32{}, bySlavMarked: map[string][]uint32{}, byAltCons: map[string][]uint32{}, byAbjadCons: map[string][]uint32{}, looseAll: map[string][]uint32{}, looseTrans: map[string][]uint32{}, looseDropped: map[string][]uint32{},
		abjadAll: map[string][]uint32{}, abjadOnly: map[string][]uint32{},
		letters: map[string][]uint32{}}
}

// intern returns the id of a token or span, adding it if new.
func (v *vocab) intern(t *names.Token, span match.SpanKind) uint32 {
	k := keyOf(t, span)
	if id, ok := v.byKey[k]; ok {
		return id
	}
	id := uint32(len(v.tokens))
	v.byKey[k] = id
	tok := *t
	tok.Start, tok.End = 0, 0
	// A token's place in its name is the name's (match.Place), not the
	// vocabulary's.
	tok.Role, tok.Link, tok.Paren, tok.Hyphen, tok.Kunya, tok.Glue = 0, 0, false, false, false, ""
	// Copies of the strings, so that the vocabulary does not keep alive
	// the memory of the names they were cut from.
	tok.Form, tok.Phon, tok.Cons = strings.Clone(t.Form), strings.Clone(t.Phon), strings.Clone(t.Cons)
	tok.Loose, tok.ALoose, tok.Stem, tok.Key = strings.Clone(t.Loose), strings.Clone(t.ALoose), strings.Clone(t.Stem), strings.Clone(t.Key)
	tok.Alt, tok.AltStem = strings.Clone(t.Alt), strings.Clone(t.AltStem)
	tok.Slav, tok.SlavMark = strings.Clone(t.Slav), t.SlavMark
	v.tokens = append(v.tokens, tok)
	v.span = append(v.span, span)
	return id
}

// tables fills the lookup tables of entries from id on: each table by a
// goroutine of its own, since they are independent.
func (v *vocab) tables() {
	var wg sync.WaitGroup
	each := func(f func(id uint32, t *names.Token, span match.SpanKind)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range v.tokens {
				f(uint32(i), &v.tokens[i], v.span[i])
			}
		}()
	}
	each(func(id uint32, t *names.Token, span match.SpanKind) {
		switch span {
		case match.Letters, match.Initialism:
			// Met only by a word of the same letters (match.AcronymSim).
			v.letters[t.Form] = append(v.letters[t.Form], id)
		case match.Single:
			// Glued words are compared on their skeletons only
			// (JoinedSim).
			v.forms.add(t.Form, id, true)
		}
	})
	each(func(id uint32, t *names.Token, span match.SpanKind) {
		if span != match.Letters && span != match.Initialism {
			v.phons.add(t.Phon, id, span == match.Single)
		}
	})
	each(func(id uint32, t *names.Token, span match.SpanKind) {
		if span == match.Letters || span == match.Initialism {
			return
		}
		for _, k := range names.SyllableKeys(t.Key) {
			v.bySyllables[k] = append(v.bySyllables[k], id)
		}
		if t.Slav != "" && span == match.Single {
			v.bySlav[t.Slav] = append(v.bySlav[t.Slav], id)
			if t.SlavMark {
				v.bySlavMarked[t.Slav] = append(v.bySlavMarked[t.Slav], id)
			}
		}
		if span != match.Single {
			return
		}
		for _, r := range [...]string{t.Alt, t.Stem, t.AltStem} {
			if r != "" {
				v.readings.add(r, id, true)
			}
		}
		switch {
		case t.Kind == names.Initial:
			// Under its letter and its skeleton's (Y. is also I.), as
			// TokenSim compares both.
			for i, c := range []byte{t.Form[0], t.Phon[0]} {
				if c >= 'a' && c <= 'z' && (i == 0 || c != t.Form[0]) {
					v.initials[c-'a'] = append(v.initials[c-'a'], id)
				}
			}
		case t.Kind == names.LegalForm:
			v.legalForms = append(v.legalForms, id)
		}
	})
	each(func(id uint32, t *names.Token, span match.SpanKind) {
		if span == match.Letters || span == match.Initialism || t.Cons == "" {
			return
		}
		v.byCons[t.Cons] = append(v.byCons[t.Cons], id)
		if w := names.WeakCons(t.Phon); w != "" {
			v.byWeak[w] = append(v.byWeak[w], id)
		}
		if !t.Abjad && t.Alt != "" {
			for _, k := range [2]string{names.Cons(t.Alt), names.WeakCons(t.Alt)} {
				if k != "" && k != t.Cons {
					v.byAltCons[k] = append(v.byAltCons[k], id)
				}
			}
		}
		if t.Abjad {
			keys := []string{t.Cons, names.WeakCons(t.Phon)}
			if t.Alt != "" {
				keys = append(keys, names.Cons(t.Alt), names.WeakCons(t.Alt))
			}
			slices.Sort(keys)
			for _, k := range slices.Compact(keys) {
				if k != "" {
					v.byAbjadCons[k] = append(v.byAbjadCons[k], id)
				}
			}
		}
		if t.Abjad && t.Alt != "" {
			// Its letters apart (see names.Token.Alt).
			if c := names.Cons(t.Alt); c != t.Cons {
				v.byCons[c] = append(v.byCons[c], id)
			}
			if w := names.WeakCons(t.Alt); w != "" && w != names.WeakCons(t.Phon) {
				v.byWeak[w] = append(v.byWeak[w], id)
			}
		}
	})
	each(func(id uint32, t *names.Token, span match.SpanKind) {
		if span != match.Single || t.Kind == names.Number {
			return
		}
		if t.Loose != "" {
			v.looseAll[t.Loose] = append(v.looseAll[t.Loose], id)
			if t.Trans && !t.Abjad {
				v.looseTrans[t.Loose] = append(v.looseTrans[t.Loose], id)
				if !t.Vowelled && len(t.Loose) >= 3 {
					names.LooseAdded(t.Loose, func(k string) { v.looseDropped[k] = append(v.looseDropped[k], id) })
				}
			}
		}
		if t.ALoose != "" {
			v.abjadAll[t.ALoose] = append(v.abjadAll[t.ALoose], id)
			if t.Abjad {
				v.abjadOnly[t.ALoose] = append(v.abjadOnly[t.ALoose], id)
			}
		}
		if t.Abjad && t.Alt != "" {
			if k := names.AbjadLoose(t.Alt); k != t.ALoose {
				v.abjadAll[k] = append(v.abjadAll[k], id)
				v.abjadOnly[k] = append(v.abjadOnly[k], id)
			}
		}
	})
	wg.Wait()
}

// build makes the edit-distance search structures, the sets at once.
func (v *vocab) build() {
	v.tables()
	done := make(chan struct{})
	go func() { v.forms.build(); v.readings.build(); close(done) }()
	v.phons.build()
	<-done
}
