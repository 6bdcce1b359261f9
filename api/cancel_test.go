package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/screen"
)

// TestScreenAllStopsWhenCanceled: a synchronous batch whose client has
// gone stops within the queries in flight, on the one-by-one path and
// the parallel one. Exclude counts the candidates looked at: the same
// number for each query, as every query is the same name.
func TestScreenAllStopsWhenCanceled(t *testing.T) {
	ts := startServer(t, serverOptions{})
	s := New(DefaultConfig(), ts.Keeper, ts.Store, nil, nil)
	var calls atomic.Int64
	var cancel context.CancelFunc
	var perQuery int64
	opts := screen.Options{Exclude: func(*entity.Entity) bool {
		if n := calls.Add(1); perQuery > 0 && n == perQuery {
			cancel() // the client goes after the first query
		}
		return false
	}}
	queries := func(n int) []match.Query {
		qs := make([]match.Query, n)
		for i := range qs {
			qs[i] = match.Query{ID: fmt.Sprint(i), Subject: entity.Subject{Name: "Sergei Lavrov"}}
		}
		return qs
	}
	req := func(ctx context.Context) *http.Request {
		return httptest.NewRequest("POST", "/v1/screen", nil).WithContext(ctx)
	}
	if _, err := s.screenAll(req(context.Background()), s.screener, queries(1), opts); err != nil {
		t.Fatal(err)
	}
	if perQuery = calls.Load(); perQuery == 0 {
		t.Fatal("Exclude never called: the query meets no candidate")
	}
	workers := int64(runtime.GOMAXPROCS(0))
	for _, n := range []int{5, 400} {
		calls.Store(0)
		ctx, c := context.WithCancel(context.Background())
		cancel = c
		_, err := s.screenAll(req(ctx), s.screener, queries(n), opts)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%d queries: %v, want context canceled", n, err)
		}
		// In flight when the client went: at most one query a worker.
		if got := calls.Load() / perQuery; got > workers {
			t.Errorf("%d queries: %d screened after the client went at the first, want at most %d (one a worker)", n, got, workers)
		}
		c()
	}
}
