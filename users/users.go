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
	"time"

	"github.com/vetoscreen/veto/audit"
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

// RateLimitedError is a sign-in refused because of too many failures.
type RateLimitedError struct{ RetryAfter time.Duration }

func (e *RateLimitedError) Error() string {
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
}

// HashStats returns the counts of sign-ins' password checks.
func (s *Service) HashStats() HashStats { return s.hashes.stats() }

// New returns a Service on st, recording to log.
func New(st store.Review, log *audit.Log) *Service {
	dummy, _ := HashPassword("not-a-real-password-at-all")
	return &Service{store: st, audit: log, now: log.Now, SessionTTL: 12 * time.Hour, limiter: newLimiter(), dummyHash: dummy}
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
	if err := s.audit.Record(ctx, actor, audit.ActionUserCreate, u.Name, map[string]string{"role": u.Role, "displayName": u.DisplayName}); err != nil {
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
	action := audit.ActionUserEnable
	u.Disabled = time.Time{}
	if disabled {
		action = audit.ActionUserDisable
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
	return s.audit.Record(ctx, actor, audit.ActionUserUpdate, name, changed)
}

// List returns every user, by name.
func (s *Service) List(ctx context.Context) ([]entity.User, error) { return s.store.Users(ctx) }

// Get returns a user by name.
func (s *Service) Get(ctx context.Context, name string) (*entity.User, error) {
	return s.store.User(ctx, name)
}

// Login checks a user name and password from a client address and starts
// a session. It returns the session's token (for the cookie; only its
// hash is stored) and the session. Failures are rate limited per user
// name and per address, and recorded.
func (s *Service) Login(ctx context.Context, name, password, remote string) (string, *entity.Session, error) {
	now := s.now()
	if wait := s.limiter.wait(now, name, remote); wait > 0 {
		s.audit.Record(ctx, name, audit.ActionLoginFailed, name, map[string]string{"remote": remote, "reason": "rate limited"})
		return "", nil, &RateLimitedError{RetryAfter: wait}
	}
	u, err := s.store.User(ctx, name)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return "", nil, err
	}
	hash := s.dummyHash
	if u != nil {
		hash = u.PasswordHash
	}
	s.hashes.start()
	ok, err := CheckPassword(hash, password)
	s.hashes.done()
	if err != nil {
		return "", nil, fmt.Errorf("user %s: %w", name, err)
	}
	if u == nil || !ok || !u.Disabled.IsZero() {
		s.limiter.fail(now, name, remote)
		reason := "wrong password"
		switch {
		case u == nil:
			reason = "unknown user"
		case !u.Disabled.IsZero():
			reason = "user disabled"
		}
		if err := s.audit.Record(ctx, name, audit.ActionLoginFailed, name, map[string]string{"remote": remote, "reason": reason}); err != nil {
			return "", nil, err
		}
		return "", nil, ErrBadLogin
	}
	s.limiter.succeed(name, remote)
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
	if err := s.audit.Record(ctx, u.Name, audit.ActionLogin, u.Name, map[string]string{"remote": remote}); err != nil {
		return "", nil, err
	}
	return token, &sess, nil
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
	return s.audit.Record(ctx, u.Name, audit.ActionLogout, u.Name, nil)
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
