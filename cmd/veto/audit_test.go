package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

func TestUsersAndAuditCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	pw := filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte("a long enough password\n"), 0o600)
	mustCLI(t, db, "users", "create", "ann", "--role", "analyst", "--display-name", "Ann Lee", "--password-file", pw)
	mustCLI(t, db, "users", "create", "bob", "--role", "approver", "--password-file", pw)
	if _, errOut, code := cli(t, db, "users", "create", "cy", "--role", "boss", "--password-file", pw); code != exitUsage || !strings.Contains(errOut, "--role") {
		t.Errorf("unknown role: exit %d, %s", code, errOut)
	}
	os.WriteFile(pw, []byte("short\n"), 0o600)
	if _, errOut, code := cli(t, db, "users", "create", "cy", "--password-file", pw); code == 0 || !strings.Contains(errOut, "at least 12") {
		t.Errorf("short password: exit %d, %s", code, errOut)
	}
	mustCLI(t, db, "users", "disable", "ann")
	us := decode[[]entity.User](t, mustCLI(t, db, "users", "list", "--json"))
	if len(us) != 2 || us[0].Name != "ann" || us[0].Disabled.IsZero() || us[0].DisplayName != "Ann Lee" || us[1].Role != "approver" {
		t.Errorf("users list = %+v", us)
	}
	mustCLI(t, db, "users", "update", "bob", "--role", "admin")
	keyID := strings.Fields(mustCLI(t, db, "keys", "create", "svc", "--role", "screen", "--json"))
	if len(keyID) == 0 {
		t.Fatal("no key created")
	}

	out := mustCLI(t, db, "audit", "verify")
	if !strings.HasPrefix(out, "OK: 5 entries") {
		t.Errorf("verify: %s", out)
	}
	v := decode[struct {
		OK      bool
		Entries int
		Head    string
	}](t, mustCLI(t, db, "audit", "verify", "--json"))
	if !v.OK || v.Entries != 5 || len(v.Head) != 64 {
		t.Errorf("verify --json = %+v", v)
	}

	// Export as JSON lines: the entries recompute to the same chain.
	jsonl := filepath.Join(dir, "audit.jsonl")
	mustCLI(t, db, "audit", "export", "--from", "2000-01-01", "-o", jsonl)
	f, _ := os.Open(jsonl)
	defer f.Close()
	ver := chain.NewVerifier()
	var actions []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e entity.AuditEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		ver.Add(e)
		actions = append(actions, e.Action)
	}
	if n, head := ver.Head(); !ver.OK() || n != 5 || head != v.Head {
		t.Errorf("exported chain: ok %v, %d entries, head %s; want the verify head %s (%v)", ver.OK(), n, head, v.Head, ver.Problems())
	}
	if got := strings.Join(actions, " "); got != "user.create user.create user.disable user.update key.create" {
		t.Errorf("exported actions: %s", got)
	}
	// The export was recorded; a period in the future is empty; CSV has
	// a header and the rows.
	if out := mustCLI(t, db, "audit", "export", "--from", "2999-01-01"); out != "" {
		t.Errorf("export of the future: %q", out)
	}
	rows, err := csv.NewReader(strings.NewReader(mustCLI(t, db, "audit", "export", "--format", "csv"))).ReadAll()
	if err != nil || len(rows) != 1+7 || rows[0][0] != "seq" || rows[6][3] != "audit.export" {
		t.Errorf("CSV export: %d rows, %v", len(rows), err)
	}
	if _, errOut, code := cli(t, db, "audit", "export", "--from", "yesterday"); code != exitUsage || !strings.Contains(errOut, "--from") {
		t.Errorf("bad --from: exit %d %s", code, errOut)
	}

	// Someone with the database file drops the trigger and rewrites entry 3.
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE audit_log SET actor = 'mallory' WHERE seq = 3`, // refused
		`DROP TRIGGER audit_log_no_update`,
		`UPDATE audit_log SET data = '{"reason":"nothing to see"}' WHERE seq = 3`,
	} {
		_, err := st.DB().Exec(q)
		if strings.HasPrefix(q, "UPDATE audit_log SET actor") != (err != nil) {
			t.Fatalf("%s: %v", q, err)
		}
	}
	st.Close()
	out, _, code := cli(t, db, "audit", "verify")
	if code != exitError || !strings.Contains(out, "BROKEN") || !strings.Contains(out, "entry 3: content altered") {
		t.Errorf("verify after tampering: exit %d\n%s", code, out)
	}
}

// `veto audit verify` checks the chain against the checkpoints: the
// newest entries deleted, or one rewritten and the chain recomputed,
// make it fail naming the entry, as does a checkpoint it cannot check.
func TestAuditVerifyAgainstCheckpoints(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		mustCLI(t, db, "keys", "create", name) // one audit entry each
	}
	if out := mustCLI(t, db, "audit", "verify"); !strings.Contains(out, "OK: 5 entries") || !strings.Contains(out, "no checkpoints") {
		t.Errorf("verify without checkpoints:\n%s", out)
	}
	if out := mustCLI(t, db, "audit", "checkpoint"); !strings.Contains(out, "entry 5") {
		t.Errorf("checkpoint: %s", out)
	}
	keyFile, cpFile := filepath.Join(dir, "audit.key"), filepath.Join(dir, "audit-checkpoints.jsonl")
	for _, f := range []string{keyFile, cpFile} {
		if fi, err := os.Stat(f); err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v; want a file of mode 0600", f, err)
		}
	}
	if out := mustCLI(t, db, "audit", "verify"); !strings.Contains(out, "OK: 5 entries") || !strings.Contains(out, "Anchored") || !strings.Contains(out, "entry 5") {
		t.Errorf("verify with a checkpoint:\n%s", out)
	}
	cps := strings.Split(strings.TrimSpace(mustCLI(t, db, "audit", "checkpoints")), "\n")
	if c := decode[entity.AuditCheckpoint](t, cps[0]); len(cps) != 1 || c.Seq != 5 || len(c.MAC) != 64 {
		t.Errorf("checkpoints: %q", cps)
	}

	// An attacker with write access to the database file drops the
	// triggers and deletes the newest entries.
	tamper := func(qs ...string) {
		t.Helper()
		st, err := sqlite.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		for _, q := range qs {
			if _, err := st.DB().Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
	}
	tamper(`DROP TRIGGER audit_log_no_delete`, `DROP TRIGGER audit_log_no_update`, `DELETE FROM audit_log WHERE seq > 3`)
	out, _, code := cli(t, db, "audit", "verify")
	if code != 1 || !strings.Contains(out, "entry 5: truncated: the chain ends at entry 3") || !strings.Contains(out, "entries 4 to 5 were removed") {
		t.Errorf("verify after deleting entries 4 and 5: exit %d\n%s", code, out)
	}

	// Without the key, the checkpoints cannot be checked: say so, and
	// fail rather than pass.
	os.Rename(keyFile, keyFile+".away")
	out, _, code = cli(t, db, "audit", "verify")
	if code != 1 || !strings.Contains(out, "1 checkpoints cannot be checked") || !strings.Contains(out, keyFile) {
		t.Errorf("verify without the key file: exit %d\n%s", code, out)
	}
	os.Rename(keyFile+".away", keyFile)
	// Without the checkpoint file, the database's checkpoint still
	// catches the truncation, with a note that deleted checkpoint rows
	// would not show.
	os.Rename(cpFile, cpFile+".away")
	out, _, code = cli(t, db, "audit", "verify")
	if code != 1 || !strings.Contains(out, "truncated") || !strings.Contains(out, "no checkpoint file "+cpFile) {
		t.Errorf("verify without the checkpoint file: exit %d\n%s", code, out)
	}
	os.Rename(cpFile+".away", cpFile)
	// Deleting the checkpoint rows too shows against the file.
	tamper(`DROP TRIGGER audit_checkpoints_no_delete`, `DELETE FROM audit_checkpoints`)
	out, _, code = cli(t, db, "audit", "verify")
	if code != 1 || !strings.Contains(out, "no longer in the database") || !strings.Contains(out, "truncated") {
		t.Errorf("verify after deleting the checkpoint rows: exit %d\n%s", code, out)
	}
}

// A rewritten entry whose chain was recomputed after it verifies as a
// chain; against the checkpoint it does not.
func TestAuditVerifyCatchesRecomputedChain(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	for _, name := range []string{"a", "b", "c", "d"} {
		mustCLI(t, db, "keys", "create", name)
	}
	mustCLI(t, db, "audit", "checkpoint")
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	es, err := st.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil || len(es) != 4 {
		t.Fatalf("%d entries, %v", len(es), err)
	}
	es[1].Actor = "mallory"
	chain.Chain(1, es[0].Hash, es[1:])
	if _, err := st.DB().Exec(`DROP TRIGGER audit_log_no_update`); err != nil {
		t.Fatal(err)
	}
	for _, e := range es[1:] {
		if _, err := st.DB().Exec(`UPDATE audit_log SET actor = ?, prev = ?, hash = ? WHERE seq = ?`, e.Actor, e.Prev, e.Hash, e.Seq); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	out, _, code := cli(t, db, "audit", "verify")
	if code != 1 || !strings.Contains(out, "entry 4: rewritten") || strings.Contains(out, "content altered") {
		t.Errorf("verify after rewriting entry 2 and recomputing: exit %d\n%s", code, out)
	}
}
