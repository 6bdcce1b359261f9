package users

import (
	"sync"
	"time"
)

// Sign-in rate limits: after maxFailures failed sign-ins within window,
// for one user name or from one address, further attempts are refused
// until the oldest failure leaves the window. This stops online password
// guessing (argon2id stops offline guessing) without letting a stranger
// lock a user out for long.
const (
	maxFailures = 5
	window      = 15 * time.Minute
	maxTracked  = 100000 // keys kept; past it the oldest are forgotten
)

// limiter counts recent failures per key ("user:NAME", "addr:IP") in
// memory. With several replicas each counts its own: the limit is per
// replica, which is still a few guesses a minute.
type limiter struct {
	mu       sync.Mutex
	failures map[string][]time.Time
}

func newLimiter() *limiter { return &limiter{failures: map[string][]time.Time{}} }

func keys(name, remote string) []string {
	ks := []string{"user:" + name}
	if remote != "" {
		ks = append(ks, "addr:"+remote)
	}
	return ks
}

// wait returns how long until a sign-in for name from remote may be
// tried, 0 if now.
func (l *limiter) wait(now time.Time, name, remote string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	var longest time.Duration
	for _, k := range keys(name, remote) {
		recent := l.recent(now, k)
		if len(recent) >= maxFailures {
			if d := recent[len(recent)-maxFailures].Add(window).Sub(now); d > longest {
				longest = d
			}
		}
	}
	return longest
}

// recent returns the failures of key still in the window, dropping the
// older ones. l.mu is held.
func (l *limiter) recent(now time.Time, key string) []time.Time {
	fs := l.failures[key]
	i := 0
	for i < len(fs) && !fs[i].Add(window).After(now) {
		i++
	}
	fs = fs[i:]
	if len(fs) == 0 {
		delete(l.failures, key)
		return nil
	}
	l.failures[key] = fs
	return fs
}

func (l *limiter) fail(now time.Time, name, remote string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.failures) > maxTracked {
		for k := range l.failures { // forget some: map order is random
			delete(l.failures, k)
			if len(l.failures) <= maxTracked/2 {
				break
			}
		}
	}
	for _, k := range keys(name, remote) {
		l.failures[k] = append(l.recent(now, k), now)
	}
}

// succeed forgets the user's failures (not the address's: a guesser who
// also knows one password must not reset the count for others).
func (l *limiter) succeed(name, _ string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, "user:"+name)
}
