package chain

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
)

func chain(t *testing.T, n int) []entity.AuditEntry {
	t.Helper()
	t0 := time.Date(2026, 11, 23, 9, 0, 0, 5, time.UTC)
	var es []entity.AuditEntry
	for i := range n {
		e, err := Entry(t0.Add(time.Duration(i)*time.Second), "ann", ActionAlertDecide, fmt.Sprint("alert/", i), map[string]any{"decision": "false_positive", "n": i})
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, e)
	}
	Chain(0, Genesis, es)
	return es
}

// The hash is the documented one, so that anyone can recompute it from
// an export without veto.
func TestHashFormat(t *testing.T) {
	e := chain(t, 1)[0]
	doc := `[1,"2026-11-23T09:00:00.000000005Z","ann","alert.decide","alert/0",{"decision":"false_positive","n":0},"` + Genesis + `"]`
	sum := sha256.Sum256([]byte(doc))
	if e.Hash != hex.EncodeToString(sum[:]) {
		t.Errorf("hash %s is not the SHA-256 of %s", e.Hash, doc)
	}
}

func verify(es []entity.AuditEntry) *Verifier {
	v := NewVerifier()
	for _, e := range es {
		v.Add(e)
	}
	return v
}

func TestVerifyDetectsTampering(t *testing.T) {
	good := chain(t, 6)
	if v := verify(good); !v.OK() {
		t.Fatalf("an untouched chain: %v", v.Problems())
	}
	for _, tc := range []struct {
		name   string
		tamper func(es []entity.AuditEntry) []entity.AuditEntry
		seq    int64 // where the first problem must be reported
		words  string
	}{
		{"altered data", func(es []entity.AuditEntry) []entity.AuditEntry {
			es[2].Data = json.RawMessage(`{"decision":"true_match","n":2}`)
			return es
		}, 3, "content altered"},
		{"altered actor", func(es []entity.AuditEntry) []entity.AuditEntry { es[4].Actor = "mallory"; return es }, 5, "content altered"},
		{"altered time", func(es []entity.AuditEntry) []entity.AuditEntry { es[1].At = es[1].At.Add(time.Hour); return es }, 2, "content altered"},
		{"removed entry", func(es []entity.AuditEntry) []entity.AuditEntry { return slices.Delete(es, 3, 4) }, 5, "missing"},
		{"removed last entries keep a valid prefix", nil, 0, ""},
		{"reordered", func(es []entity.AuditEntry) []entity.AuditEntry { es[2], es[3] = es[3], es[2]; return es }, 4, ""},
		{"renumbered after removal", func(es []entity.AuditEntry) []entity.AuditEntry {
			es = slices.Delete(es, 1, 2)
			for i := range es {
				es[i].Seq = int64(i + 1)
			}
			return es
		}, 2, ""},
		{"rehashed after alteration", func(es []entity.AuditEntry) []entity.AuditEntry {
			es[2].Actor = "mallory"
			es[2].Hash = Hash(es[2]) // consistent in itself, but entry 4 names the old hash
			return es
		}, 4, "does not follow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.tamper == nil {
				// Truncation at the end leaves a valid chain: that is
				// why exports carry the head hash (and its count) to
				// compare with later.
				v := verify(good[:4])
				n, head := v.Head()
				if !v.OK() || n != 4 || head != good[3].Hash {
					t.Errorf("a truncated chain: ok %v, head %d %s", v.OK(), n, head)
				}
				return
			}
			es := tc.tamper(slices.Clone(good))
			v := verify(es)
			if v.OK() {
				t.Fatal("tampering not detected")
			}
			p := v.Problems()[0]
			if p.Seq != tc.seq || !strings.Contains(p.Problem, tc.words) {
				t.Errorf("first problem %v; want at entry %d with %q (all: %v)", p, tc.seq, tc.words, v.Problems())
			}
		})
	}
}

func TestCompact(t *testing.T) {
	raw, err := Compact(json.RawMessage("{ \"a\" : [1, 2] }"))
	if err != nil || string(raw) != `{"a":[1,2]}` {
		t.Errorf("Compact = %s, %v", raw, err)
	}
	if _, err := Compact(json.RawMessage("{broken")); err == nil {
		t.Error("Compact of invalid JSON: no error")
	}
}
