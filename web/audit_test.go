package web

import (
	"context"
	"database/sql"
	"html"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/store"
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
	if p := b.post("/ui/audit/verify", url.Values{"csrf": {b.csrf("/ui/audit")}}); p.Status != 303 || p.Header.Get("Location") != "/ui/audit?done=verified" {
		t.Fatalf("verify: %d %s", p.Status, p.Header.Get("Location"))
	}
	p := b.get("/ui/audit")
	if p.Status != 200 || strings.Contains(p.Body, "Chain intact") || !strings.Contains(p.Body, "truncated") {
		t.Errorf("after deleting entry %d: %d\n%s", c.Seq, p.Status, p.Body)
	}
}

// A filtered page searches a window of entries back from its cursor, and
// links to the next window: every entry of the filter is found, window
// by window, and none twice.
func TestAuditPageSearchesByWindow(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	b := ts.signedIn(t, "ada")
	defer func(w int64) { auditWindow = w }(auditWindow)
	auditWindow = 4
	want, err := ts.Store.SearchAudit(context.Background(), store.AuditQuery{Action: chain.ActionUserCreate})
	if err != nil || len(want) != len(testUsers) {
		t.Fatalf("user.create entries: %d, %v", len(want), err)
	}
	seen := map[string]bool{}
	next := "/ui/audit?action=" + chain.ActionUserCreate
	for pages := 0; next != ""; pages++ {
		if pages > 100 {
			t.Fatal("no end to the windows")
		}
		p := b.get(next)
		if p.Status != 200 {
			t.Fatalf("%s: %d", next, p.Status)
		}
		for _, m := range createdUser.FindAllStringSubmatch(p.Body, -1) {
			if seen[m[1]] {
				t.Errorf("user %s shown twice", m[1])
			}
			seen[m[1]] = true
		}
		next = ""
		if m := olderLink.FindStringSubmatch(p.Body); m != nil {
			next = html.UnescapeString(m[1])
		}
	}
	if len(seen) != len(testUsers) {
		t.Errorf("found the creation of %v, want every test user's", seen)
	}
}

var (
	createdUser = regexp.MustCompile(`test created user (\w+) \(`)
	olderLink   = regexp.MustCompile(`<a href="([^"]+)" rel="next">`)
)
