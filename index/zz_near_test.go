package index

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/names"
	"github.com/vetoscreen/veto/source/all"
)

func TestZZNear(t *testing.T) {
	rs, _, _ := all.ParseDir(context.Background(), "/work/shared/data")
	var ents = rs[0].Entities
	for _, r := range rs[1:] {
		ents = append(ents, r.Entities...)
	}
	ix := Build(ents, match.DefaultConfig())
	cfg := ix.Config()
	s := ix.getScratch(&cfg)
	fmt.Println("phons", len(ix.voc.phons.strs), "forms", len(ix.voc.forms.strs), "entries", len(ix.voc.entries))
	for _, w := range []string{"ali", "bank", "iran", "melli", "sergei", "lavrov", "mohammed", "trading", "international", "vladimirovich", "company", "smith", "garcia"} {
		tok := names.Analyze(w).Tokens[0]
		lim := editLimit(len(tok.Phon), &cfg)
		// probe candidate count
		st := time.Now()
		n := len(ix.voc.phons.near(tok.Phon, lim, s, nil))
		el := time.Since(st)
		st = time.Now()
		m := len(ix.voc.forms.near(tok.Form, editLimit(len(tok.Form), &cfg), s, nil))
		el2 := time.Since(st)
		fmt.Printf("%-15s lim=%d phon-near=%d (%v) form-near=%d (%v) probeTouched=%d\n", w, lim, n, el, m, el2, 0)
	}
}

func TestZZMoh(t *testing.T) {
	ss := newStrSet()
	for i, w := range []string{"mohammed", "mohammad", "muhammed", "mohamed", "ahmed", "mohammedi", "ohammed"} {
		ss.add(w, uint32(i), true)
	}
	ss.build()
	s := &scratch{}
	fmt.Println(ss.near("mohammed", 1, s, nil))
}

func TestZZMoh2(t *testing.T) {
	rs, _, _ := all.ParseDir(context.Background(), "/work/shared/data")
	var ents = rs[0].Entities
	for _, r := range rs[1:] {
		ents = append(ents, r.Entities...)
	}
	ix := Build(ents, match.DefaultConfig())
	s := &scratch{}
	got := ix.voc.forms.near("mohammed", 1, s, nil)
	forms := map[string]int{}
	for _, e := range got {
		forms[ix.voc.entries[e].tok.Form]++
	}
	fmt.Println(len(got), len(forms), forms)
}

func TestZZCount(t *testing.T) {
	rs, _, _ := all.ParseDir(context.Background(), "/work/shared/data")
	var ents = rs[0].Entities
	for _, r := range rs[1:] {
		ents = append(ents, r.Entities...)
	}
	ix := Build(ents, match.DefaultConfig())
	for _, ss := range []*strSet{ix.voc.phons, ix.voc.forms} {
		n8, vars := 0, 0
		for _, s := range ss.strs {
			if len(s) >= 8 {
				n8++
				vars += len(s)*(len(s)-1)/2 + len(s) + 1
			}
		}
		fmt.Println(len(ss.strs), n8, vars, len(ss.delKeys))
	}
}
