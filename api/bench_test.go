package api

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/store/sqlite"
)

// benchServer serves every list of ../shared/data, without keys, through
// the full handler stack (middleware, decoding, screening, encoding); the
// network is left out so that the figures are the server's.
func benchServer(b *testing.B) http.Handler {
	b.Helper()
	dir := sourcetest.SharedData(b)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "veto.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, _, err := (&refresh.Refresher{Store: st, Config: refresh.DefaultConfig()}).ImportDir(ctx, dir, all.ParseFolders); err != nil {
		b.Fatal(err)
	}
	k := &screen.Keeper{Screener: screen.New(nil), Store: st, Config: match.DefaultConfig()}
	if err := k.Start(ctx); err != nil {
		b.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.NoAuth = true
	return New(cfg, k, st, NewMetrics(k), nil).Handler()
}

var benchNames = []string{"Sergei Lavrov", "Bashar al-Assad", "Bank Melli Iran", "John Smith", "Islamic Revolutionary Guard Corps",
	"Maria Garcia Lopez", "Сергей Лавров", "Rosneft Oil Company", "Kim Jong Un", "Acme Trading Ltd"}

func benchHTTP(b *testing.B, path string, body func(name string) any) {
	h := benchServer(b)
	bodies := make([][]byte, len(benchNames))
	for i, n := range benchNames {
		bodies[i], _ = json.Marshal(body(n))
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			req := httptest.NewRequest("POST", path, bytes.NewReader(bodies[i%len(bodies)]))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != 200 {
				b.Fatalf("%d %s", w.Code, w.Body)
			}
			i++
		}
	})
}

func BenchmarkScreenHTTP(b *testing.B) {
	benchHTTP(b, "/v1/screen", func(n string) any { return map[string]any{"name": n} })
}

func BenchmarkMatchHTTP(b *testing.B) {
	benchHTTP(b, "/match/sanctions", func(n string) any {
		return map[string]any{"queries": map[string]any{"q": map[string]any{"schema": "Thing", "properties": map[string][]string{"name": {n}}}}}
	})
}

// BenchmarkYenteSearchAll lists every entity with yente's default facets,
// as /search with no query does.
func BenchmarkYenteSearchAll(b *testing.B) {
	h := benchServer(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/search/default?limit=10", nil))
		if w.Code != 200 {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}
