package index

import (
	"strings"

	"github.com/vetoscreen/veto/names"
)

type vocabKey struct {
	form   string
	kind   names.Kind
	abjad  bool
	joined bool
}

// vocab interns the tokens of the listed names, and indexes their forms
// and phonetic skeletons by trigram so that a query token finds every
// listed token within a few edits without comparing it to all of them.
type vocab struct {
	// tokens are the distinct tokens of the listed names, and of pairs of
	// adjacent tokens joined (joined[i] says which).
	tokens []names.Token
	joined []bool
	byKey  map[vocabKey]uint32
	// forms and phons are the distinct forms and phonetic skeletons.
	forms, phons *strSet
	// byCons maps a consonant skeleton to entries, byWeak the skeleton
	// without v (see names.WeakCons).
	byCons, byWeak map[string][]uint32
	// initials maps a letter to the entries that are initials.
	initials [26][]uint32
	// legalForms are the entries that are legal forms.
	legalForms []uint32
}

func newVocab() *vocab {
	return &vocab{byKey: map[vocabKey]uint32{}, forms: newStrSet(), phons: newStrSet(), byCons: map[string][]uint32{}, byWeak: map[string][]uint32{}}
}

// intern returns the id of a token, adding it if new.
func (v *vocab) intern(t *names.Token, joined bool) uint32 {
	k := vocabKey{form: t.Form, kind: t.Kind, abjad: t.Abjad, joined: joined}
	if id, ok := v.byKey[k]; ok {
		return id
	}
	id := uint32(len(v.tokens))
	v.byKey[k] = id
	tok := *t
	tok.Start, tok.End = 0, 0
	// Copies of the strings, so that the vocabulary does not keep alive
	// the memory of the names they were cut from.
	tok.Form, tok.Phon, tok.Cons = strings.Clone(t.Form), strings.Clone(t.Phon), strings.Clone(t.Cons)
	v.tokens = append(v.tokens, tok)
	v.joined = append(v.joined, joined)
	if !joined {
		// Joined pairs are compared on their skeletons only (JoinedSim).
		v.forms.add(t.Form, id, true)
	}
	v.phons.add(t.Phon, id, !joined)
	if t.Cons != "" {
		v.byCons[t.Cons] = append(v.byCons[t.Cons], id)
		if w := names.WeakCons(t.Phon); w != "" {
			v.byWeak[w] = append(v.byWeak[w], id)
		}
	}
	switch {
	case t.Kind == names.Initial && !joined:
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
	return id
}

// build makes the edit-distance search structures, the two sets at once.
func (v *vocab) build() {
	done := make(chan struct{})
	go func() { v.forms.build(); close(done) }()
	v.phons.build()
	<-done
}
