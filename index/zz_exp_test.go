package index

import (
	"fmt"
	"testing"
	"time"

	"github.com/vetoscreen/veto/names"
)

func TestExpandScratch(t *testing.T) {
	ix := benchIndex(nil)
	cfg := ix.Config()
	s := ix.getScratch(&cfg)
	for _, w := range []string{"bank", "melli", "iran", "sergei", "lavrov", "mohammed", "ali", "assad", "bashar", "john", "smith"} {
		tok := names.Analyze(w).Tokens[0]
		u := unit{tok: &tok, weight: 5}
		// channel sizes
		v := ix.voc
		nf := len(v.byForm[tok.Form])
		np := 0
		if pid, ok := v.phonID[tok.Phon]; ok {
			np = len(v.phonEntries[pid])
		}
		nc := len(v.byCons[tok.Cons])
		ni := len(v.initials[tok.Form[0]-'a'])
		near := len(ix.nearPhons(tok.Phon, &cfg, s, nil))
		st := time.Now()
		for i := 0; i < 100; i++ {
			ix.expand(&u, &cfg, s)
		}
		el := time.Since(st) / 100
		fmt.Printf("%-10s form=%d phon=%d cons=%d init=%d near=%d exp=%d  %v\n", w, nf, np, nc, ni, near, len(u.exp.ids), el)
	}
}
