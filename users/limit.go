package users

import (
	"sync"
	"time"
)

// Sign-in limits. Each client address may fail maxFailures sign-ins
// within window; further attempts from it are refused until the oldest
// failure leaves the window. An attempt counts before its password is
// checked (and is taken back if it succeeds), so a burst from one
// address costs at most maxFailures checks.
//
// There is deliberately no limit per user name: anyone could then lock
// any user out by failing as them (from anywhere, as often as the limit
// allows). Instead a user whose sign-ins fail from suspiciousAddrs
// addresses within window is reported once per window in the audit
// trail (ActionLoginSuspicious), for the admins to act on.
const (
	maxFailures     = 5
	window          = 15 * time.Minute
	suspiciousAddrs = 5
	maxTracked      = 100000 // addresses kept; past it the oldest are forgotten
)

// limiter counts recent attempts per client address, and failures per
// existing user, in memory. With several replicas each counts its own:
// the limit is per replica, which is still a few guesses a minute.
type limiter struct {
	mu sync.Mutex
	// attempts are the times of each address's attempts still counted:
	// failed, or still being checked.
	attempts map[string][]time.Time
	// limitedUntil is, for an address refused, the end of the limit its
	// refusal was recorded for: one audit entry per limit, not one per
	// refused attempt.
	limitedUntil map[string]time.Time
	// users are the recent failures of existing users (user names
	// that do not exist are not kept: they would let a stranger fill
	// memory).
	users map[string]*userFailures
}

// userFailures are the recent failed sign-ins of one user.
type userFailures struct {
	at       []time.Time
	from     []string
	reported time.Time // when the user was last reported suspicious
}

func newLimiter() *limiter {
	return &limiter{attempts: map[string][]time.Time{}, limitedUntil: map[string]time.Time{}, users: map[string]*userFailures{}}
}

// take counts an attempt from remote at now, or, when the address has
// failed too often, returns how long until it may try again, and whether
// this is the first refusal of this limit (the one to record).
func (l *limiter) take(now time.Time, remote string) (wait time.Duration, first bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	recent := l.recent(now, remote)
	if len(recent) >= maxFailures {
		until := recent[len(recent)-maxFailures].Add(window)
		first = !l.limitedUntil[remote].After(now)
		if first {
			l.limitedUntil[remote] = until
		}
		return until.Sub(now), first
	}
	l.forgetSome()
	l.attempts[remote] = append(recent, now)
	return 0, false
}

// refund takes back the attempt counted at at: it succeeded, or was
// never checked.
func (l *limiter) refund(at time.Time, remote string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	as := l.attempts[remote]
	for i := len(as) - 1; i >= 0; i-- {
		if as[i].Equal(at) {
			l.attempts[remote] = append(as[:i:i], as[i+1:]...)
			break
		}
	}
	if len(l.attempts[remote]) == 0 {
		delete(l.attempts, remote)
	}
}

// recent returns the attempts of remote still in the window, dropping
// the older ones. l.mu is held.
func (l *limiter) recent(now time.Time, remote string) []time.Time {
	as := l.attempts[remote]
	i := 0
	for i < len(as) && !as[i].Add(window).After(now) {
		i++
	}
	as = as[i:]
	if len(as) == 0 {
		delete(l.attempts, remote)
		if !l.limitedUntil[remote].After(now) {
			delete(l.limitedUntil, remote)
		}
		return nil
	}
	l.attempts[remote] = as
	return as
}

// forgetSome bounds the memory a stranger with many addresses can make
// the limiter take. l.mu is held.
func (l *limiter) forgetSome() {
	if len(l.attempts) <= maxTracked {
		return
	}
	for k := range l.attempts { // map order is random
		delete(l.attempts, k)
		delete(l.limitedUntil, k)
		if len(l.attempts) <= maxTracked/2 {
			break
		}
	}
}

// failed records a failed sign-in of an existing user from remote. It
// reports, once per window, when the user's recent failures come from
// suspiciousAddrs addresses or more, with their counts.
func (l *limiter) failed(now time.Time, user, remote string) (report bool, failures, addrs int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.users[user]
	if f == nil {
		f = &userFailures{}
		l.users[user] = f
	}
	i := 0
	for i < len(f.at) && !f.at[i].Add(window).After(now) {
		i++
	}
	f.at, f.from = append(f.at[i:], now), append(f.from[i:], remote)
	distinct := map[string]bool{}
	for _, a := range f.from {
		distinct[a] = true
	}
	if len(distinct) >= suspiciousAddrs && !f.reported.Add(window).After(now) {
		f.reported = now
		return true, len(f.at), len(distinct)
	}
	return false, len(f.at), len(distinct)
}
