package index

import (
	"github.com/vetoscreen/veto/names"
)

// vocabEntry is one distinct token of the listed names (or two adjacent
// tokens joined, for the joined forms).
type vocabEntry struct {
	tok    names.Token
	joined bool
	phon   uint32 // id in phons
}

type vocabKey struct {
	form   string
	kind   names.Kind
	abjad  bool
	joined bool
}

// vocab interns the tokens of the listed names, and indexes their phonetic
// skeletons by trigram so that a query token finds every listed token
// within a few edits without comparing it to all of them.
type vocab struct {
	entries []vocabEntry
	byKey   map[vocabKey]uint32
	// byForm maps a form to its entries (several kinds or scripts).
	byForm map[string][]uint32
	// phons are the distinct phonetic skeletons; phonEntries[i] the
	// entries with skeleton phons[i].
	phons       []string
	phonID      map[string]uint32
	phonEntries [][]uint32
	// byCons maps a consonant skeleton to entries.
	byCons map[string][]uint32
	// initials maps a letter to the entries that are initials.
	initials [26][]uint32
	// legalForms are the entries that are legal forms.
	legalForms []uint32
	// trigrams maps a padded trigram of a phonetic skeleton to phon ids.
	trigrams map[uint32][]uint32
}

func newVocab() *vocab {
	return &vocab{byKey: map[vocabKey]uint32{}, byForm: map[string][]uint32{}, phonID: map[string]uint32{}, byCons: map[string][]uint32{}}
}

// intern returns the id of a token, adding it if new.
func (v *vocab) intern(t *names.Token, joined bool) uint32 {
	k := vocabKey{form: t.Form, kind: t.Kind, abjad: t.Abjad, joined: joined}
	if id, ok := v.byKey[k]; ok {
		return id
	}
	id := uint32(len(v.entries))
	v.byKey[k] = id
	pid, ok := v.phonID[t.Phon]
	if !ok {
		pid = uint32(len(v.phons))
		v.phonID[t.Phon] = pid
		v.phons = append(v.phons, t.Phon)
		v.phonEntries = append(v.phonEntries, nil)
	}
	tok := *t
	tok.Start, tok.End = 0, 0
	v.entries = append(v.entries, vocabEntry{tok: tok, joined: joined, phon: pid})
	v.phonEntries[pid] = append(v.phonEntries[pid], id)
	v.byForm[t.Form] = append(v.byForm[t.Form], id)
	if t.Cons != "" {
		v.byCons[t.Cons] = append(v.byCons[t.Cons], id)
	}
	switch {
	case t.Kind == names.Initial && !joined:
		if c := t.Form[0]; c >= 'a' && c <= 'z' {
			v.initials[c-'a'] = append(v.initials[c-'a'], id)
		}
	case t.Kind == names.LegalForm:
		v.legalForms = append(v.legalForms, id)
	}
	return id
}

// buildTrigrams indexes every phonetic skeleton by its padded trigrams.
func (v *vocab) buildTrigrams() {
	v.trigrams = make(map[uint32][]uint32, len(v.phons)*2)
	var buf []uint32
	for pid, p := range v.phons {
		buf = trigramsOf(p, buf[:0])
		for i, g := range buf {
			if indexOf(buf[:i], g) >= 0 {
				continue // count each distinct trigram once per skeleton
			}
			v.trigrams[g] = append(v.trigrams[g], uint32(pid))
		}
	}
}

// trigramsOf appends the trigrams of s padded with two start and two end
// marks: a skeleton of n letters has n+2 of them.
func trigramsOf(s string, out []uint32) []uint32 {
	const start, end = 1, 2
	n := len(s)
	at := func(i int) uint32 {
		switch {
		case i < 0:
			return start
		case i >= n:
			return end
		}
		return uint32(s[i])
	}
	for i := -2; i < n; i++ {
		out = append(out, at(i)<<16|at(i+1)<<8|at(i+2))
	}
	return out
}

func indexOf(s []uint32, x uint32) int {
	for i, y := range s {
		if y == x {
			return i
		}
	}
	return -1
}
