package apikey

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

func TestNew(t *testing.T) {
	k, full, err := New("svc", entity.RoleScreen, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if ID(full) != k.ID || Hash(full) != k.Hash || strings.Contains(k.Hash, full) {
		t.Errorf("key %+v and %q do not agree", k, full)
	}
	_, full2, _ := New("svc", entity.RoleScreen, time.Now())
	if full == full2 {
		t.Error("two keys are equal")
	}
	if _, _, err := New("svc", "root", time.Now()); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("role root: err %v", err)
	}
}

func TestID(t *testing.T) {
	for _, tc := range []struct{ full, want string }{
		{"veto_3f9a1c0b7d2e_00ff", "3f9a1c0b7d2e"},
		{"veto_3f9a1c0b7d2e_", ""},
		{"veto__00ff", ""},
		{"veto_3f9a1c0b7d2e", ""},
		{"key_3f9a1c0b7d2e_00ff", ""},
		{"veto_3f9a1c0b7d2e_" + strings.Repeat("0", 200), ""},
	} {
		if got := ID(tc.full); got != tc.want {
			t.Errorf("ID(%.40q) = %q, want %q", tc.full, got, tc.want)
		}
	}
}

func TestCreateAndRevokeAudit(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	k, full, err := New("onboarding", entity.RoleAdmin, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := Create(ctx, st, "cli:ops", k, map[string]string{"file": "admin.key"}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Key(ctx, ID(full))
	if err != nil || got.Hash != Hash(full) || got.Role != entity.RoleAdmin {
		t.Fatalf("stored key %+v, %v", got, err)
	}
	es, err := st.AuditEntries(ctx, store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].Action != chain.ActionKeyCreate || es[0].Subject != k.ID || es[0].Actor != "cli:ops" ||
		!strings.Contains(string(es[0].Data), `"file":"admin.key"`) || !strings.Contains(string(es[0].Data), `"role":"admin"`) {
		t.Fatalf("trail = %+v", es)
	}
	if strings.Contains(string(es[0].Data), full) {
		t.Error("the audit entry holds the key")
	}
	bad := k
	bad.ID, bad.Role = "b", "root"
	if err := Create(ctx, st, "cli:ops", bad, nil); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("role root: %v", err)
	}
	if es, _ := st.AuditEntries(ctx, store.AuditFilter{}); len(es) != 1 {
		t.Errorf("a refused key left an entry: %d entries", len(es))
	}

	if err := Revoke(ctx, st, "cli:ops", k.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	if got, err := st.Key(ctx, k.ID); err != nil || !got.Revoked() {
		t.Errorf("after Revoke: %+v, %v", got, err)
	}
	es, _ = st.AuditEntries(ctx, store.AuditFilter{})
	if len(es) != 2 || es[1].Action != chain.ActionKeyRevoke || es[1].Subject != k.ID || es[1].Actor != "cli:ops" {
		t.Errorf("trail after Revoke: %+v", es)
	}
	if err := Revoke(ctx, st, "cli:ops", "nope", time.Now()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoking an unknown key: %v", err)
	}
}
