// Package users manages the people who use the web UI: accounts with
// roles, argon2id password hashes, sign-in with rate limiting, and
// sessions. Every change and every sign-in is recorded in the audit
// trail.
package users

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

var (
	// ErrBadLogin is a wrong user name or password, or a disabled user;
	// the three are not told apart.
	ErrBadLogin = errors.New("wrong user name or password")
	// ErrNoSession is a missing, unknown or expired session, or one of a
	// user since disabled.
	ErrNoSession = errors.New("not signed in")
)

// RateLimitedError is a sign-in refused because of too many failures
// from its address, or, with Busy, because every core is checking
// passwords.
type RateLimitedError struct {
	RetryAfter time.Duration
	Busy       bool
}

func (e *RateLimitedError) Error() string {
	if e.Busy {
		return fmt.Sprintf("too many sign-ins at once; try again in %s", e.RetryAfter.Round(time.Second))
	}
	return fmt.Sprintf("too many failed sign-ins; try again in %s", e.RetryAfter.Round(time.Second))
}

// Service manages users and sessions in a store.
type Service struct {
	store store.Review
	audit *audit.Log
	now   func() time.Time
	// SessionTTL is how long a session lasts without activity limits:
	// default 12 hours, a working day.
	SessionTTL time.Duration
	// HashWait is how long a sign-in waits for a free core to check its
	// password before it is refused as busy (default 1.5 s).
	HashWait time.Duration
	limiter  *limiter
	// dummyHash is checked for unknown users so that a sign-in takes as
	// long whether or not the user exists.
	dummyHash string
	hashes    hashCounter
	// slots hold the password checks running: one per core.
	slots chan struct{}
}

// HashStats returns the counts of sign-ins' password checks.
func (s *Service) HashStats() HashStats { return s.hashes.stats() }

// New returns a Service on st, recording to log.
func New(st store.Review, log *audit.Log) *Service {
	dummy, _ := HashPassword("not-a-real-password-at-all")
	return &Service{store: st, audit: log, now: log.Now, SessionTTL: 12 * time.Hour, limiter: newLimiter(), dummyHash: dummy,
		slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// Create adds a user with the given password. actor is who does it.
func (s *Service) Create(ctx context.Context, actor string, u entity.User, password string) (*entity.User, error) {
	hash, err := HashPassword(password)
	if err != nil {
		return nil, fmt.Errorf("user %s: %w", u.Name, err)
	}
	u.PasswordHash = hash
	u.CreatedAt = s.now().UTC()
	u.Disabled = time.Time{}
	if u.DisplayName == "" {
		u.DisplayName = u.Name
	}
	if err := u.Validate(); err != nil {
		return nil, err
	}
	if err := s.store.CreateUser(ctx, u); err != nil {
		return nil, fmt.Errorf("user %s: %w", u.Name, err)
	}
	if err := s.audit.Record(ctx, actor, chain.ActionUserCreate, u.Name, map[string]string{"role": u.Role, "displayName": u.DisplayName}); err != nil {
		return nil, err
	}
	return &u, nil
}

// SetDisabled disables a user (their sessions end at once) or enables
// them again.
func (s *Service) SetDisabled(ctx context.Context, actor, name string, disabled bool) error {
	u, err := s.store.User(ctx, name)
	if err != nil {
		return fmt.Errorf("user %s: %w", name, err)
	}
	action := chain.ActionUserEnable
	u.Disabled = time.Time{}
	if disabled {
		action = chain.ActionUserDisable
		u.Disabled = s.now().UTC()
	}
	if err := s.store.UpdateUser(ctx, *u); err != nil {
		return fmt.Errorf("user %s: %w", name, err)
	}
	if disabled {
		if err := s.store.DeleteSessions(ctx, "", name); err != nil {
			return fmt.Errorf("user %s: end sessions: %w", name, err)
		}
	}
	return s.audit.Record(ctx, actor, action, name, nil)
}

// Update changes a user's role or password ("" keeps them).
func (s *Service) Update(ctx context.Context, actor, name, role, password string) error {
	u, err := s.store.User(ctx, name)
	if err != nil {
		return fmt.Errorf("user %s: %w", name, err)
	}
	changed := map[string]string{}
	if role != "" && role != u.Role {
		changed["role"] = role
		u.Role = role
	}
	if password != "" {
		if u.PasswordHash, err = HashPassword(password); err != nil {
			return fmt.Errorf("user %s: %w", name, err)
		}
		changed["password"] = "changed"
	}
	if len(changed) == 0 {
		return nil
	}
	if err := u.Validate(); err != nil {
		return err
	}
	if err := s.store.UpdateUser(ctx, *u); err != nil {
		return fmt.Errorf("user %s: %w", name, err)
	}
	if password != "" { // a new password ends the sessions of the old one
		if err := s.store.DeleteSessions(ctx, "", name); err != nil {
			return fmt.Errorf("user %s: end sessions: %w", name, err)
		}
	}
	return s.audit.Record(ctx, actor, chain.ActionUserUpdate, name, changed)
}

// List returns every user, by name.
func (s *Service) List(ctx context.Context) ([]entity.User, error) { return s.store.Users(ctx) }

// Get returns a user by name.
func (s *Service) Get(ctx context.Context, name string) (*entity.User, error) {
	return s.store.User(ctx, name)
}

// MaxLoginName is the longest user name a sign-in may give (twice the
// longest a user may have): a longer one is refused before anything is
// looked up, checked or recorded.
const MaxLoginName = 128

// Audit actions of sign-ins beyond those of package audit.
const (
	// ActionLoginLimited records that sign-ins from an address are
	// refused until a time: once per limit, not once per refusal.
	ActionLoginLimited = "user.login_limited"
	// ActionLoginSuspicious records, once per 15 minutes, that a user's
	// sign-ins fail from many addresses: someone may be guessing the
	// password from several machines.
	ActionLoginSuspicious = "user.login_suspicious"
)

// ErrNameTooLong is a sign-in with a user name over MaxLoginName bytes.
var ErrNameTooLong = fmt.Errorf("the user name is longer than %d bytes", MaxLoginName)

// errBusy is a password check that found no free core in time.
var errBusy = errors.New("busy")

// busyRetry is the Retry-After of a sign-in refused as busy.
const busyRetry = time.Second

// Login checks a user name and password from a client address and starts
// a session. It returns the session's token (for the cookie; only its
// hash is stored) and the session. Failures are limited per address,
// counted before the password is checked, and recorded; at most as many
// passwords are checked at once as there are cores.
func (s *Service) Login(ctx context.Context, name, password, remote string) (string, *entity.Session, error) {
	if len(name) > MaxLoginName {
		return "", nil, ErrNameTooLong
	}
	now := s.now()
	if wait, first := s.limiter.take(now, remote); wait > 0 {
		if first {
			until := now.Add(wait).UTC().Format(time.RFC3339)
			if err := s.audit.Record(ctx, name, ActionLoginLimited, name, map[string]string{"remote": remote, "until": until}); err != nil {
				return "", nil, err
			}
		}
		return "", nil, &RateLimitedError{RetryAfter: wait}
	}
	u, ok, err := s.check(ctx, name, password)
	if err != nil {
		s.limiter.refund(now, remote) // not the client's failure
		if errors.Is(err, errBusy) {
			return "", nil, &RateLimitedError{RetryAfter: busyRetry, Busy: true}
		}
		return "", nil, err
	}
	if u == nil || !ok || !u.Disabled.IsZero() {
		reason := "wrong password"
		switch {
		case u == nil:
			reason = "unknown user"
		case !u.Disabled.IsZero():
			reason = "user disabled"
		}
		if err := s.audit.Record(ctx, name, chain.ActionLoginFailed, name, map[string]string{"remote": remote, "reason": reason}); err != nil {
			return "", nil, err
		}
		if u != nil {
			if report, failures, addrs := s.limiter.failed(now, u.Name, remote); report {
				data := map[string]any{"failures": failures, "addresses": addrs, "window": window.String()}
				if err := s.audit.Record(ctx, "veto", ActionLoginSuspicious, u.Name, data); err != nil {
					return "", nil, err
				}
			}
		}
		return "", nil, ErrBadLogin
	}
	s.limiter.refund(now, remote)
	token, err := randomToken()
	if err != nil {
		return "", nil, err
	}
	csrf, err := randomToken()
	if err != nil {
		return "", nil, err
	}
	sess := entity.Session{TokenHash: HashToken(token), User: u.Name, CSRF: csrf, CreatedAt: now.UTC(), ExpiresAt: now.Add(s.SessionTTL).UTC()}
	if err := s.store.CreateSession(ctx, sess); err != nil {
		return "", nil, fmt.Errorf("session: %w", err)
	}
	if err := s.audit.Record(ctx, u.Name, chain.ActionLogin, u.Name, map[string]string{"remote": remote}); err != nil {
		return "", nil, err
	}
	return token, &sess, nil
}

// check looks the user up and checks the password (against a dummy hash
// for an unknown user, so that a sign-in takes as long whether or not
// the user exists). It returns a nil user for an unknown one.
func (s *Service) check(ctx context.Context, name, password string) (*entity.User, bool, error) {
	u, err := s.store.User(ctx, name)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, false, err
	}
	hash := s.dummyHash
	if u != nil {
		hash = u.PasswordHash
	}
	release, err := s.hashSlot(ctx)
	if err != nil {
		return nil, false, err
	}
	defer release()
	s.hashes.start()
	ok, err := CheckPassword(hash, password)
	s.hashes.done()
	if err != nil {
		return nil, false, fmt.Errorf("user %s: %w", name, err)
	}
	return u, ok, nil
}

// hashSlot waits up to HashWait for one of the slots (one per core) a
// password check runs in. A check takes 64 MiB: without the slots, a
// burst of sign-ins takes 64 MiB each at once and answers none sooner.
func (s *Service) hashSlot(ctx context.Context) (release func(), err error) {
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, nil
	default:
	}
	wait := s.HashWait
	if wait <= 0 {
		wait = 1500 * time.Millisecond
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, nil
	case <-t.C:
		return nil, errBusy
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Session returns the session of a cookie's token and its user, or
// ErrNoSession.
func (s *Service) Session(ctx context.Context, token string) (*entity.Session, *entity.User, error) {
	if token == "" {
		return nil, nil, ErrNoSession
	}
	sess, err := s.store.Session(ctx, HashToken(token))
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, ErrNoSession
	}
	if err != nil {
		return nil, nil, err
	}
	if !s.now().Before(sess.ExpiresAt) {
		return nil, nil, ErrNoSession
	}
	u, err := s.store.User(ctx, sess.User)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, ErrNoSession
	}
	if err != nil {
		return nil, nil, err
	}
	if !u.Disabled.IsZero() {
		return nil, nil, ErrNoSession
	}
	return sess, u, nil
}

// Logout ends a session.
func (s *Service) Logout(ctx context.Context, token string) error {
	sess, u, err := s.Session(ctx, token)
	if err != nil {
		return nil // nothing to end
	}
	if err := s.store.DeleteSessions(ctx, sess.TokenHash, ""); err != nil {
		return err
	}
	return s.audit.Record(ctx, u.Name, chain.ActionLogout, u.Name, nil)
}

// HashToken is what the store keeps of a session token.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
