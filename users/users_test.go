package users_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
	"github.com/vetoscreen/veto/users"
)

func TestPasswordHash(t *testing.T) {
	h, err := users.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Errorf("hash %q is not an argon2id PHC string with the documented parameters", h)
	}
	h2, _ := users.HashPassword("correct horse battery")
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt")
	}
	for _, tc := range []struct {
		pw   string
		want bool
	}{
		{"correct horse battery", true},
		{"correct horse batterY", false},
		{"", false},
	} {
		if ok, err := users.CheckPassword(h, tc.pw); ok != tc.want || err != nil {
			t.Errorf("CheckPassword(%q) = %v, %v; want %v", tc.pw, ok, err, tc.want)
		}
	}
	if _, err := users.HashPassword("short"); !errors.Is(err, users.ErrWeakPassword) {
		t.Errorf("short password: %v", err)
	}
	for _, bad := range []string{"", "$bcrypt$x", "$argon2id$v=19$m=0,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=65536,t=3,p=2$!!$AAAA"} {
		if _, err := users.CheckPassword(bad, "x"); err == nil {
			t.Errorf("CheckPassword on %q: no error", bad)
		}
	}
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newService(t *testing.T) (*users.Service, store.Store, *clock) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := &clock{time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	s := users.New(st, audit.NewLog(st, nil, c.now))
	return s, st, c
}

func TestLoginSessionsAndAudit(t *testing.T) {
	ctx := context.Background()
	s, st, c := newService(t)
	if _, err := s.Create(ctx, "admin", entity.User{Name: "ann", Role: entity.UserAnalyst}, "a long enough password"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(ctx, "admin", entity.User{Name: "ann", Role: entity.UserAnalyst}, "a long enough password"); !errors.Is(err, store.ErrConflict) {
		t.Errorf("creating ann twice: %v", err)
	}
	if _, _, err := s.Login(ctx, "ann", "wrong password!!", "10.0.0.1"); !errors.Is(err, users.ErrBadLogin) {
		t.Errorf("wrong password: %v", err)
	}
	if _, _, err := s.Login(ctx, "nobody", "a long enough password", "10.0.0.1"); !errors.Is(err, users.ErrBadLogin) {
		t.Errorf("unknown user: %v", err)
	}
	token, sess, err := s.Login(ctx, "ann", "a long enough password", "10.0.0.1")
	if err != nil || token == "" || sess.CSRF == "" || sess.TokenHash == token {
		t.Fatalf("Login = %q, %+v, %v", token, sess, err)
	}
	got, u, err := s.Session(ctx, token)
	if err != nil || u.Name != "ann" || got.CSRF != sess.CSRF {
		t.Errorf("Session = %+v, %+v, %v", got, u, err)
	}
	if _, _, err := s.Session(ctx, token+"x"); !errors.Is(err, users.ErrNoSession) {
		t.Errorf("a wrong token: %v", err)
	}
	// Sessions expire.
	c.t = c.t.Add(s.SessionTTL)
	if _, _, err := s.Session(ctx, token); !errors.Is(err, users.ErrNoSession) {
		t.Errorf("an expired session: %v", err)
	}
	// Disabling a user ends their sessions and refuses their sign-in.
	token, _, _ = s.Login(ctx, "ann", "a long enough password", "10.0.0.1")
	if err := s.SetDisabled(ctx, "admin", "ann", true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Session(ctx, token); !errors.Is(err, users.ErrNoSession) {
		t.Errorf("session of a disabled user: %v", err)
	}
	if _, _, err := s.Login(ctx, "ann", "a long enough password", "10.0.0.2"); !errors.Is(err, users.ErrBadLogin) {
		t.Errorf("disabled user signs in: %v", err)
	}
	// Everything is in the audit trail, in order.
	entries, err := st.AuditEntries(ctx, store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action)
	}
	want := "user.create user.login_failed user.login_failed user.login user.login user.disable user.login_failed"
	if strings.Join(actions, " ") != want {
		t.Errorf("audit actions:\n got %s\nwant %s", strings.Join(actions, " "), want)
	}
}

func TestLoginRateLimit(t *testing.T) {
	ctx := context.Background()
	s, _, c := newService(t)
	s.Create(ctx, "admin", entity.User{Name: "bob", Role: entity.UserApprover}, "bobs long password")
	for i := range 5 {
		if _, _, err := s.Login(ctx, "bob", "guess", "10.0.0.9"); !errors.Is(err, users.ErrBadLogin) {
			t.Fatalf("failure %d: %v", i+1, err)
		}
		c.t = c.t.Add(time.Minute)
	}
	// The sixth attempt within 15 minutes is refused even with the right
	// password, from any address (the user's count).
	var rl *users.RateLimitedError
	if _, _, err := s.Login(ctx, "bob", "bobs long password", "10.0.0.10"); !errors.As(err, &rl) || rl.RetryAfter <= 0 || rl.RetryAfter > 15*time.Minute {
		t.Fatalf("sixth attempt: %v, want rate limited", err)
	}
	// Once the first failure leaves the window, bob may try again.
	c.t = c.t.Add(11 * time.Minute)
	if _, _, err := s.Login(ctx, "bob", "bobs long password", "10.0.0.10"); err != nil {
		t.Errorf("after the window: %v", err)
	}
	// The address that guessed is still limited for other users.
	s.Create(ctx, "admin", entity.User{Name: "cy", Role: entity.UserAnalyst}, "cys long password")
	c.t = c.t.Add(-10 * time.Minute) // back inside the address's window
	for range 5 {
		s.Login(ctx, "nobody", "guess", "10.0.0.66")
	}
	if _, _, err := s.Login(ctx, "cy", "cys long password", "10.0.0.66"); !errors.As(err, &rl) {
		t.Errorf("a guessing address signs in another user: %v", err)
	}
}
