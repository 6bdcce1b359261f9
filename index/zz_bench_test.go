package index

import (
	"context"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/source/ofac"
	"github.com/vetoscreen/veto/source/un"
)

func benchIndex(b *testing.B) *Index {
	var ents []*entity.Entity
	rs, _ := ofac.Parse(context.Background(), []string{"/work/shared/data/ofac/sdn_csv_2024-05-03/sdn.csv"})
	for _, r := range rs {
		ents = append(ents, r.Entities...)
	}
	rs, _ = un.Parse(context.Background(), []string{"/work/shared/data/un/2026-02-27/consolidated.xml"})
	for _, r := range rs {
		ents = append(ents, r.Entities...)
	}
	return Build(ents, match.DefaultConfig())
}

func BenchmarkSearchScratch(b *testing.B) {
	ix := benchIndex(b)
	cfg := ix.Config()
	qs := []string{"Sergei Lavrov", "Сергей Лавров", "Bashar Assad", "بشار الأسد", "Dmitry Medvedev", "Hillary Rodham Clinton", "Yang Jiechi", "Conor Sweeney", "Natalia Kolesnikova", "Mohammed Ali", "Bank Melli Iran", "V. Putin", "John Smith", "Maria Garcia", "Acme Trading Company Limited"}
	var ps []*match.Prepared
	for _, q := range qs {
		p, _ := cfg.Prepare(match.Query{Name: q}, ix)
		ps = append(ps, p)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Search(ps[i%len(ps)], Options{})
	}
}
