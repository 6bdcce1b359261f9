package web

import (
	"context"
	"database/sql"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
)

// The audit page checks the trail against its checkpoints: entries
// deleted from the end show, though the chain left is intact.
func TestAuditPageChecksCheckpoints(t *testing.T) {
	k, err := chain.NewKey(strings.Repeat("k", 32))
	if err != nil {
		t.Fatal(err)
	}
	a := &audit.Anchor{Key: k, File: filepath.Join(t.TempDir(), "checkpoints.jsonl")}
	ts := newTestServer(t, serverOptions{anchor: a})
	b := ts.signedIn(t, "ada")
	if p := b.get("/ui/audit"); p.Status != 200 || !strings.Contains(p.Body, "Chain intact") {
		t.Fatalf("before: %d\n%s", p.Status, p.Body)
	}
	c, written, err := a.Checkpoint(context.Background())
	if err != nil || !written {
		t.Fatal(written, err)
	}
	db := ts.Store.(interface{ DB() *sql.DB }).DB()
	for _, q := range []string{`DROP TRIGGER audit_log_no_delete`, `DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	// The verification goes on from the last entry it verified, which
	// is gone: it starts again from the first.
	if p := b.post("/ui/audit/verify", url.Values{"csrf": {b.csrf("/ui/audit")}}); p.Status != 303 || p.Header.Get("Location") != "/ui/audit" {
		t.Fatalf("verify: %d %s", p.Status, p.Header.Get("Location"))
	}
	p := b.get("/ui/audit")
	if p.Status != 200 || strings.Contains(p.Body, "Chain intact") || !strings.Contains(p.Body, "truncated") {
		t.Errorf("after deleting entry %d: %d\n%s", c.Seq, p.Status, p.Body)
	}
}
