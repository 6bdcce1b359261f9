package api

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/vetoscreen/veto/screen"
)

// TestCostlyPerClient checks the per-client limit on costly requests:
// with two in flight, a client's third costly request is refused 429
// busy with a Retry-After, before any work, while a single query of the
// default shape from it, and costly requests from another key or
// address, are admitted; a slot given back admits the next.
func TestCostlyPerClient(t *testing.T) {
	p := screen.NewPacer(1_000_000, 200_000, 10_000)
	s := &Server{costly: costlyClients{max: 2}, log: slog.New(slog.DiscardHandler)}
	request := func(key, addr string) *http.Request {
		r := httptest.NewRequest("POST", "/v1/screen", nil)
		r.RemoteAddr = addr
		return r.WithContext(context.WithValue(r.Context(), ctxKey{}, &reqInfo{key: key}))
	}
	batch := p.Allowance(10, screen.Default)
	var held []func()
	for range 2 {
		release, err := s.admitCostly(request("k1", "10.0.0.1:1000"), batch)
		if err != nil {
			t.Fatalf("costly request within the limit: %v", err)
		}
		held = append(held, release)
	}
	tests := []struct {
		what      string
		key, addr string
		a         *screen.Allowance
		refused   bool
	}{
		{"same key, a batch", "k1", "10.0.0.9:2000", batch, true},
		{"same key, threshold below the default", "k1", "10.0.0.1:1001", p.Allowance(1, screen.Costly), true},
		{"same key, a text", "k1", "10.0.0.1:1002", p.TextAllowance(screen.Default), true},
		{"same key, a single query of the default shape", "k1", "10.0.0.1:1003", p.Allowance(1, screen.Default), false},
		{"same key, no pacing", "k1", "10.0.0.1:1004", nil, false},
		{"another key, same address", "k2", "10.0.0.1:1005", batch, false},
		{"no key, same address", "", "10.0.0.1:1006", batch, false},
	}
	for _, tt := range tests {
		release, err := s.admitCostly(request(tt.key, tt.addr), tt.a)
		if !tt.refused {
			if err != nil {
				t.Errorf("%s: %v, want it admitted", tt.what, err)
				continue
			}
			release()
			continue
		}
		if err == nil {
			release()
			t.Errorf("%s: admitted, want 429 busy", tt.what)
			continue
		}
		w := httptest.NewRecorder()
		s.writeError(w, request(tt.key, tt.addr), err)
		retry, aerr := strconv.Atoi(w.Header().Get("Retry-After"))
		if w.Code != http.StatusTooManyRequests || aerr != nil || retry < 1 {
			t.Errorf("%s: %d Retry-After %q %s, want 429 with Retry-After", tt.what, w.Code, w.Header().Get("Retry-After"), w.Body)
		}
	}
	// Two requests of one address without a key share its slots.
	for range 2 {
		release, err := s.admitCostly(request("", "10.0.0.7:1"), batch)
		if err != nil {
			t.Fatalf("keyless costly request within the limit: %v", err)
		}
		defer release()
	}
	if _, err := s.admitCostly(request("", "10.0.0.7:2"), batch); err == nil {
		t.Error("a keyless address's third costly request was admitted")
	}
	held[0]()
	release, err := s.admitCostly(request("k1", "10.0.0.1:1007"), batch)
	if err != nil {
		t.Fatalf("after a slot was given back: %v", err)
	}
	release()
	held[1]()
	if n := len(s.costly.n); n != 1 {
		t.Errorf("%d clients counted, want the keyless address's only: %v", n, s.costly.n)
	}
}
