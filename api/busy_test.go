package api

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

// TestBusyBehindCostlyWork checks the API while costly work queued
// exceeds MaxPaceWait: a request below the default threshold or above the
// default limit, a batch of them, a /match below its default cutoff and
// a text below the default threshold are refused at once, 429 busy with a
// Retry-After of the queue's seconds, the batch whole (not answered with
// an error per query); a query of the default shape is answered.
func TestBusyBehindCostlyWork(t *testing.T) {
	p := screen.NewPacer(1_000, 200_000, 10_000)
	ts := startServer(t, serverOptions{pacer: p})
	// Five background requests each queue a second of the Pacer's work,
	// and hold it until the test ends.
	held, release := context.WithCancel(context.Background())
	done := make(chan error, 5)
	for range cap(done) {
		go func() { done <- p.Allowance(0, screen.Patient).Query().Charge(held, 12_000) }()
	}
	defer func() {
		release()
		for range cap(done) {
			if err := <-done; !errors.Is(err, context.Canceled) {
				t.Errorf("a held charge: %v", err)
			}
		}
	}()
	for deadline := time.Now().Add(10 * time.Second); p.Allowance(1, screen.Costly).Admit() == nil; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the held requests queued no costly work")
		}
	}
	names := []map[string]any{{"name": "Sergei Lavrov"}, {"name": "Bashar al-Assad"}, {"name": "Sergei Lavrov"}}
	tests := []struct {
		what, path string
		body       any
		busy       bool
	}{
		{"default", "/v1/screen", map[string]any{"name": "Sergei Lavrov"}, false},
		{"threshold 0.5", "/v1/screen", map[string]any{"name": "Sergei Lavrov", "threshold": 0.5}, true},
		{"limit 100", "/v1/screen", map[string]any{"name": "Sergei Lavrov", "limit": 100}, true},
		{"batch at threshold 0.5", "/v1/screen", map[string]any{"queries": append(append(names, names...), names...), "threshold": 0.5}, true},
		{"match", "/match/sanctions", map[string]any{"queries": map[string]any{"q": map[string]any{"schema": "Person", "properties": map[string]any{"name": []string{"Sergei Lavrov"}}}}}, false},
		{"match, cutoff 0.2", "/match/sanctions?cutoff=0.2", map[string]any{"queries": map[string]any{"q": map[string]any{"schema": "Person", "properties": map[string]any{"name": []string{"Sergei Lavrov"}}}}}, true},
		{"text at threshold 0.5", "/v1/text", map[string]any{"text": "Payment to Sergei Lavrov.", "threshold": 0.5}, true},
	}
	tests = append(tests,
		struct {
			what, path string
			body       any
			busy       bool
		}{"search (below the default threshold)", "GET /search/sanctions?q=Lavrov", nil, true},
		struct {
			what, path string
			body       any
			busy       bool
		}{"search without one: every entity", "GET /search/sanctions", nil, true})
	for _, tt := range tests {
		method, path := "POST", tt.path
		if m, p, ok := strings.Cut(tt.path, " "); ok {
			method, path = m, p
		}
		r := ts.do(method, path, entity.RoleScreen, tt.body)
		if !tt.busy {
			if r.Status != http.StatusOK {
				t.Errorf("%s: %d %.300s, want it answered", tt.what, r.Status, r.Body)
			}
			continue
		}
		retry, err := strconv.Atoi(r.Header.Get("Retry-After"))
		if r.Status != http.StatusTooManyRequests || r.errorCode(t) != CodeBusy && path == "/v1/screen" || err != nil || time.Duration(retry)*time.Second < screen.MaxPaceWait {
			t.Errorf("%s: %d Retry-After %q %.300s, want 429 busy, retry after the queue (over %v)", tt.what, r.Status, r.Header.Get("Retry-After"), r.Body, screen.MaxPaceWait)
		}
	}
}
