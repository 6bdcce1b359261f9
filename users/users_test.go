package users_test

import (
	"context"
	"errors"
	"fmt"
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
	s, st, c := newService(t)
	s.Create(ctx, "admin", entity.User{Name: "bob", Role: entity.UserApprover}, "bobs long password")
	s.Create(ctx, "admin", entity.User{Name: "cy", Role: entity.UserAnalyst}, "cys long password")
	for i := range 5 {
		if _, _, err := s.Login(ctx, "bob", "guess", "10.0.0.9"); !errors.Is(err, users.ErrBadLogin) {
			t.Fatalf("failure %d: %v", i+1, err)
		}
		c.t = c.t.Add(time.Minute)
	}
	// The sixth attempt from the address within 15 minutes is refused,
	// even with the right password, and for any user.
	var rl *users.RateLimitedError
	for _, name := range []string{"bob", "cy", "nobody"} {
		if _, _, err := s.Login(ctx, name, name+"s long password", "10.0.0.9"); !errors.As(err, &rl) || rl.RetryAfter <= 0 || rl.RetryAfter > 15*time.Minute || rl.Busy {
			t.Fatalf("sign-in as %s from the guessing address: %v, want rate limited", name, err)
		}
	}
	// From another address bob signs in: nobody can lock him out.
	if _, _, err := s.Login(ctx, "bob", "bobs long password", "10.0.0.10"); err != nil {
		t.Errorf("bob from another address: %v", err)
	}
	// The refusals make one entry.
	limited := auditOf(t, st, users.ActionLoginLimited)
	if len(limited) != 1 || limited[0].Actor != "bob" || !strings.Contains(string(limited[0].Data), "10.0.0.9") {
		t.Errorf("login_limited entries: %+v; want one", limited)
	}
	// Once the first failure leaves the window, the address may try
	// again; a success takes its attempt back.
	c.t = c.t.Add(11 * time.Minute)
	for range 4 {
		if _, _, err := s.Login(ctx, "bob", "bobs long password", "10.0.0.9"); err != nil {
			t.Errorf("after the window: %v", err)
		}
	}
	// A name too long is refused before anything.
	if _, _, err := s.Login(ctx, strings.Repeat("x", users.MaxLoginName+1), "x", "10.0.0.11"); !errors.Is(err, users.ErrNameTooLong) {
		t.Errorf("a long name: %v", err)
	}
	if n := s.HashStats().Total; n != 10 {
		t.Errorf("%d passwords checked, want 10 (5 failures, 5 successes)", n)
	}
}

func auditOf(t *testing.T, st store.Store, action string) []entity.AuditEntry {
	t.Helper()
	es, err := st.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []entity.AuditEntry
	for _, e := range es {
		if e.Action == action {
			out = append(out, e)
		}
	}
	return out
}

// Failures for one user from many addresses are reported once per
// window.
func TestLoginSuspicious(t *testing.T) {
	ctx := context.Background()
	s, st, c := newService(t)
	s.Create(ctx, "admin", entity.User{Name: "bob", Role: entity.UserApprover}, "bobs long password")
	for round := range 2 {
		for i := range 7 {
			s.Login(ctx, "bob", "guess", fmt.Sprintf("10.%d.0.%d", round, i))
		}
		c.t = c.t.Add(16 * time.Minute)
	}
	got := auditOf(t, st, users.ActionLoginSuspicious)
	if len(got) != 2 || got[0].Subject != "bob" || got[1].Subject != "bob" {
		t.Errorf("login_suspicious entries: %+v; want two for bob, one per window", got)
	}
}
