package audit_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/store/sqlite"
)

// TestAnchorCheckpoint runs an Anchor on a real SQLite store: it writes a
// checkpoint only when the chain has advanced, to the store and to the
// file alike, and Checked finds them valid. (storetest checks what
// checkpoints catch; this checks the service that writes them.)
func TestAnchorCheckpoint(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	key, err := chain.NewKey(strings.Repeat("k", 40))
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	a := &audit.Anchor{Store: st, Key: key, File: filepath.Join(t.TempDir(), "checkpoints.jsonl"), Now: func() time.Time { return t0 }}
	appendOne := func(subject string) {
		t.Helper()
		e, err := chain.Entry(t0, "ann", chain.ActionScreen, subject, map[string]int{"hits": 1})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AppendAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}

	if _, written, err := a.Checkpoint(ctx); written || err != nil {
		t.Fatalf("checkpoint of an empty trail: written %v, %v; want none", written, err)
	}
	if _, _, noFile, err := a.Checked(ctx); !noFile || err != nil {
		t.Errorf("Checked before any checkpoint: noFile %v, %v; want the missing file reported", noFile, err)
	}
	for i, step := range []struct {
		append      bool
		wantWritten bool
		wantSeq     int64
	}{
		{append: true, wantWritten: true, wantSeq: 1},
		{append: false, wantWritten: false}, // unchanged head: nothing new to anchor
		{append: true, wantWritten: true, wantSeq: 2},
	} {
		if step.append {
			appendOne("request/" + string(rune('a'+i)))
		}
		c, written, err := a.Checkpoint(ctx)
		if err != nil || written != step.wantWritten {
			t.Fatalf("step %d: Checkpoint written %v, %v; want %v", i, written, err, step.wantWritten)
		}
		if written && (c.Seq != step.wantSeq || !key.Check(c)) {
			t.Errorf("step %d: checkpoint %+v; want seq %d with a MAC that verifies", i, c, step.wantSeq)
		}
	}
	valid, problems, noFile, err := a.Checked(ctx)
	if err != nil || noFile || len(problems) != 0 || len(valid) != 2 {
		t.Fatalf("Checked = %d valid, %v, noFile %v, %v; want 2 valid, no problem", len(valid), problems, noFile, err)
	}
	db, err := st.AuditCheckpoints(ctx)
	if err != nil {
		t.Fatal(err)
	}
	file, err := chain.ReadCheckpointFile(a.File)
	if err != nil {
		t.Fatal(err)
	}
	if len(db) != 2 || len(file) != 2 || db[1] != file[1] || db[1].Seq != 2 {
		t.Errorf("store holds %+v, file %+v; want the same two checkpoints", db, file)
	}
}
