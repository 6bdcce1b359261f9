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
	raw, err := Compact(json.RawMessage("{ \"a\" : [1, 2], \"b\": \"<&>\" }"))
	if err != nil || string(raw) != `{"a":[1,2],"b":"\u003c\u0026\u003e"}` {
		t.Errorf("Compact = %s, %v", raw, err)
	}
	if _, err := Compact(json.RawMessage("{broken")); err == nil {
		t.Error("Compact of invalid JSON: no error")
	}
}

// The hash built by hand (the writer's fast path) is the SHA-256 of what
// encoding/json makes of the array, whatever the strings and data hold,
// and data stored compact but not HTML-escaped (as before Compact
// escaped it) hashes as it did when it was written.
func TestHashIsEncodingJSONOfTheArray(t *testing.T) {
	reference := func(e entity.AuditEntry) string {
		data := e.Data
		if len(data) == 0 {
			data = json.RawMessage("null")
		}
		b, err := json.Marshal([]any{e.Seq, e.At.UTC().Format(time.RFC3339Nano), e.Actor, e.Action, e.Subject, data, e.Prev})
		if err != nil {
			b, _ = json.Marshal([]any{e.Seq, e.At.UTC().Format(time.RFC3339Nano), e.Actor, e.Action, e.Subject, string(data), e.Prev})
		}
		sum := sha256.Sum256(b)
		return hex.EncodeToString(sum[:])
	}
	at := time.Date(2026, 12, 7, 16, 0, 0, 123456789, time.FixedZone("CET", 3600))
	for _, c := range []struct {
		name, actor, subject string
		data                 any
	}{
		{"plain", "key:0123456789ab", "request/0f3a", map[string]any{"hits": 2}},
		{"quotes and backslash", `ann "the analyst" \ x`, "alert/1", map[string]any{"note": `a "b" \ c`}},
		{"html", "<script>&", "a>b", map[string]any{"note": "Smith & Sons <Ltd>"}},
		{"control and unicode", "ann\n\t\b\f\x01", "Сергей Лавров\u2028", map[string]any{"name": "محمد\u2029"}},
		{"invalid utf-8", "ann\xff\xfe", "x\xc3", map[string]any{"n": 1}},
		{"raw data with spaces and html", "ann", "x", json.RawMessage(`{ "note" : "A & B <c>", "n" : [1, 2] }`)},
		{"no data", "ann", "x", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, err := Entry(at, c.actor, ActionAlertDecide, c.subject, c.data)
			if err != nil {
				t.Fatal(err)
			}
			if c.data == nil {
				e.Data = nil
			}
			es := []entity.AuditEntry{e}
			Chain(41, Genesis, es)
			if want := reference(es[0]); es[0].Hash != want || Hash(es[0]) != want {
				t.Errorf("Chain's hash %s, Hash %s; encoding/json's %s", es[0].Hash, Hash(es[0]), want)
			}
		})
	}
	// Stored before Compact escaped HTML: compact, "&" as is.
	old := entity.AuditEntry{Seq: 7, At: at, Actor: "ann", Action: ActionAlertDecide, Subject: "alert/7", Data: json.RawMessage(`{"note":"A & B"}`), Prev: Genesis}
	if got, want := Hash(old), reference(old); got != want {
		t.Errorf("an entry stored unescaped hashes %s, want %s", got, want)
	}
	// Data that is not JSON (a damaged row) hashes as a string.
	bad := old
	bad.Data = json.RawMessage(`{broken`)
	if got, want := Hash(bad), reference(bad); got != want {
		t.Errorf("damaged data hashes %s, want %s", got, want)
	}
}

func BenchmarkChain(b *testing.B) {
	e, err := Entry(time.Now(), "key:0123456789ab", ActionScreen, "request/0123456789abcdef",
		map[string]any{"api": "native", "versions": []string{"eu-fsf@3", "ofac-sdn@12", "uk-hmt@4", "un-sc@7"}, "queries": 1, "hits": 2})
	if err != nil {
		b.Fatal(err)
	}
	es := make([]entity.AuditEntry, 8)
	for b.Loop() {
		for i := range es {
			es[i] = e
		}
		Chain(0, Genesis, es)
	}
}
