package index

import (
	"fmt"
	"testing"
	"time"

	"github.com/vetoscreen/veto/match"
)

func TestStatsScratch(t *testing.T) {
	ix := benchIndex(nil)
	cfg := ix.Config()
	qs := []string{"Sergei Lavrov", "Сергей Лавров", "Bashar Assad", "بشار الأسد", "Dmitry Medvedev", "Hillary Rodham Clinton", "Yang Jiechi", "Conor Sweeney", "Natalia Kolesnikova", "Mohammed Ali", "Bank Melli Iran", "V. Putin", "John Smith", "Maria Garcia", "Acme Trading Company Limited"}
	for _, q := range qs {
		p, _ := cfg.Prepare(match.Query{Name: q}, ix)
		s := ix.getScratch(&ix.cfg)
		st := time.Now()
		full := ix.planUnits(p, &ix.cfg, 0.8, s)
		t1 := time.Since(st)
		ix.retrieve(p, &ix.cfg, 0.8, s)
		t2 := time.Since(st)
		exp, post := 0, 0
		for _, u := range s.units {
			if u.retrieve {
				exp += len(u.exp.ids)
				for _, id := range u.exp.ids {
					post += len(ix.postings[id])
				}
			}
		}
		n := len(s.cands)
		st = time.Now()
		ix.Search(p, Options{})
		t3 := time.Since(st)
		fmt.Printf("%-30s full=%v units=%d exp=%d postings=%d touched=%d cands=%d plan=%v retr=%v search=%v\n", q, full, len(s.units), exp, post, len(s.touched), n, t1, t2, t3)
		ix.putScratch(s)
	}
}
