package index

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/source/ofac"
	"github.com/vetoscreen/veto/source/un"
)

func TestScratch(t *testing.T) {
	var ents []*entity.Entity
	for _, x := range []struct {
		p     func(context.Context, []string) ([]*sourceResult, error)
		paths []string
	}{} {
		_ = x
	}
	rs, err := ofac.Parse(context.Background(), []string{"/work/shared/data/ofac/sdn_csv_2024-05-03/sdn.csv"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		ents = append(ents, r.Entities...)
	}
	rs, err = un.Parse(context.Background(), []string{"/work/shared/data/un/2026-02-27/consolidated.xml"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		ents = append(ents, r.Entities...)
	}
	ix := Build(ents, match.DefaultConfig())
	fmt.Printf("%+v\n", ix.Stats)
	cfg := ix.Config()
	for _, q := range []match.Query{
		{Name: "Sergei Lavrov", Schema: "Person"}, {Name: "Сергей Лавров"}, {Name: "Bashar Assad"}, {Name: "بشار الأسد"},
		{Name: "Dmitry Medvedev"}, {Name: "Hillary Rodham Clinton"}, {Name: "Yang Jiechi"}, {Name: "Conor Sweeney"}, {Name: "Natalia Kolesnikova"},
		{Name: "Mohammed Ali"}, {Name: "Bank Melli Iran"}, {Name: "V. Putin"}, {Name: "Vladimir Putin"},
	} {
		p, err := cfg.Prepare(q, ix)
		if err != nil {
			t.Fatal(err)
		}
		st := time.Now()
		hits := ix.Search(p, Options{Threshold: 0.7})
		el := time.Since(st)
		bf := ix.BruteForce(p, Options{Threshold: 0.7})
		fmt.Printf("%-25s %6d hits idx, %4d bf, %v\n", q.Name, len(hits), len(bf), el)
		for i, h := range hits {
			if i >= 4 {
				break
			}
			fmt.Printf("     %.3f %s %s\n", h.Score, h.EntityID, h.Entity.Caption())
		}
	}
}

type sourceResult = struct{}
