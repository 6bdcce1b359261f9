package chain

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
)

func TestLoadKey(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.key")
	if _, _, err := LoadKey(path, "", false); !errors.Is(err, ErrNoKey) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "VETO_AUDIT_KEY") {
		t.Errorf("no key file: %v; want ErrNoKey naming %s and VETO_AUDIT_KEY", err, path)
	}
	k, created, err := LoadKey(path, "", true)
	if err != nil || !created {
		t.Fatalf("create: %v, created %v", err, created)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v, %v; want mode 0600", fi.Mode(), err)
	}
	again, created, err := LoadKey(path, "", true)
	if err != nil || created || again.ID != k.ID {
		t.Errorf("second load: %s created %v, %v; want the same key %s", again.ID, created, err, k.ID)
	}
	env, _, err := LoadKey(path, strings.Repeat("e", 32), false)
	if err != nil || env.ID == k.ID {
		t.Errorf("VETO_AUDIT_KEY set: key %s, %v; want it, not the file's", env.ID, err)
	}
	if _, _, err := LoadKey(path, "short", false); err == nil || !strings.Contains(err.Error(), "VETO_AUDIT_KEY") {
		t.Errorf("short VETO_AUDIT_KEY: %v", err)
	}
	bad := filepath.Join(dir, "bad.key")
	os.WriteFile(bad, []byte("tooshort\n"), 0o600)
	if _, _, err := LoadKey(bad, "", true); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("short key file: %v; want an error naming %s", err, bad)
	}
}

// The MAC is the documented one: HMAC-SHA256 of [seq, head, at].
func TestCheckpointSignature(t *testing.T) {
	k, _ := NewKey(strings.Repeat("k", 32))
	at := time.Date(2026, 11, 23, 9, 0, 0, 5, time.UTC)
	c := k.Sign(7, Genesis, at)
	if string(checkpointMessage(7, Genesis, at)) != `[7,"`+Genesis+`","2026-11-23T09:00:00.000000005Z"]` {
		t.Errorf("message %s", checkpointMessage(7, Genesis, at))
	}
	if !k.Check(c) {
		t.Error("a checkpoint does not check with its key")
	}
	for name, alter := range map[string]func(*entity.AuditCheckpoint){
		"seq":  func(c *entity.AuditCheckpoint) { c.Seq-- },
		"head": func(c *entity.AuditCheckpoint) { c.Head = strings.Repeat("1", 64) },
		"at":   func(c *entity.AuditCheckpoint) { c.At = c.At.Add(time.Nanosecond) },
	} {
		d := c
		alter(&d)
		if k.Check(d) {
			t.Errorf("altered %s: still checks", name)
		}
	}
	other, _ := NewKey(strings.Repeat("o", 32))
	if other.Check(c) {
		t.Error("checks with another key")
	}
}

func TestCheckpointsCatchTruncationAndRewriting(t *testing.T) {
	k, _ := NewKey(strings.Repeat("k", 32))
	good := chain(t, 10)
	at := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	cps := []entity.AuditCheckpoint{k.Sign(4, good[3].Hash, at), k.Sign(10, good[9].Hash, at.Add(time.Minute))}
	check := func(es []entity.AuditEntry) []Problem {
		v := NewVerifier()
		v.Checkpoints(cps)
		for _, e := range es {
			v.Add(e)
		}
		return v.Problems()
	}
	if p := check(good); len(p) != 0 {
		t.Errorf("untouched: %v", p)
	}
	// Without checkpoints a truncated chain verifies; with them it does
	// not, and the problem names the entry checkpointed.
	if p := check(good[:7]); len(p) != 1 || p[0].Seq != 10 || !strings.Contains(p[0].Problem, "truncated: the chain ends at entry 7") || !strings.Contains(p[0].Problem, "entries 8 to 10 were removed") {
		t.Errorf("truncated to 7: %v", p)
	}
	if p := check(nil); len(p) != 1 || !strings.Contains(p[0].Problem, "entries 1 to 10") {
		t.Errorf("all removed: %v", p)
	}
	// Rewritten at 6 and recomputed: consistent in itself, but not with
	// the checkpoint at 10.
	es := slices.Clone(good)
	es[5].Actor = "mallory"
	Chain(5, es[4].Hash, es[5:])
	if p := check(es); len(p) != 1 || p[0].Seq != 10 || !strings.Contains(p[0].Problem, "rewritten") {
		t.Errorf("rewritten at 6: %v", p)
	}
	// Truncated, then as many entries appended again.
	es = slices.Clone(good[:8])
	more := chain(t, 2)
	Chain(8, es[7].Hash, more)
	if p := check(append(es, more...)); len(p) != 1 || p[0].Seq != 10 || !strings.Contains(p[0].Problem, "rewritten") {
		t.Errorf("truncated and refilled: %v", p)
	}
}

func TestCheckCheckpoints(t *testing.T) {
	k, _ := NewKey(strings.Repeat("k", 32))
	other, _ := NewKey(strings.Repeat("o", 32))
	at := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	a, b, c := k.Sign(1, Genesis, at), k.Sign(2, Genesis, at), k.Sign(3, Genesis, at)
	forged := k.Sign(4, Genesis, at)
	forged.Seq = 40
	foreign := other.Sign(5, Genesis, at)
	// b only in the database (another replica's), c only in the file
	// (deleted from the database).
	valid, problems := CheckCheckpoints(k, []entity.AuditCheckpoint{a, b, forged, foreign}, []entity.AuditCheckpoint{a, c})
	if len(valid) != 3 || valid[0] != a || valid[1] != b || valid[2] != c {
		t.Errorf("valid = %+v; want a, b, c", valid)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{"entry 40: checkpoint", "forged or altered", "entry 5: checkpoint", "signed with key " + other.ID, "entry 3: checkpoint", "no longer in the database"}
	joined := strings.Join(got, "\n")
	if len(problems) != 3 {
		t.Errorf("problems:\n%s\nwant 3", joined)
	}
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("problems:\n%s\nwant %q", joined, w)
		}
	}
}

func TestCheckpointFile(t *testing.T) {
	k, _ := NewKey(strings.Repeat("k", 32))
	path := filepath.Join(t.TempDir(), "cp.jsonl")
	if _, err := ReadCheckpointFile(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("no file: %v", err)
	}
	at := time.Date(2026, 11, 24, 0, 0, 0, 7, time.UTC)
	for i := range 3 {
		if err := AppendCheckpointFile(path, k.Sign(int64(i+1), Genesis, at)); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := ReadCheckpointFile(path)
	if err != nil || len(cs) != 3 || cs[2].Seq != 3 || !k.Check(cs[2]) {
		t.Errorf("read back: %+v, %v", cs, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode())
	}
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("{not json\n")
	f.Close()
	if _, err := ReadCheckpointFile(path); err == nil || !strings.Contains(err.Error(), path+":4") {
		t.Errorf("damaged line 4: %v; want an error naming %s:4", err, path)
	}
}
