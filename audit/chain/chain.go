// Package chain keeps the audit trail tamper-evident. Every entry carries
// the hash of the entry before it (Prev) and its own hash (Hash) over its
// fields and Prev, so that changing, removing, inserting or reordering any
// entry breaks the chain at that place, and a regulator holding the head
// hash of an export can check that nothing before it was rewritten.
//
// This package is the pure part of the audit trail: the entries' vocabulary
// (actions, Entry), hashing, chaining, verification and signed
// checkpoints. It sits below store, which chains the entries it appends
// with it; the service that records events into a store (audit.Log) and
// writes checkpoints of it (audit.Anchor) sits above store in package
// audit, so that no package imports one above it.
package chain

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/vetoscreen/veto/entity"
)

// Genesis is the Prev of the first entry.
const Genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// Hash returns the hex SHA-256 of an entry's content and Prev: the JSON
// array [seq, at, actor, action, subject, data, prev], with at in RFC 3339
// with nanoseconds in UTC and data as encoding/json writes a
// json.RawMessage (compact, with <, > and & escaped), strings as it writes
// them. Hash itself is not covered.
func Hash(e entity.AuditEntry) string {
	data, err := canonical(e.Data)
	if err != nil {
		// Data is validated JSON when entries are made (Compact); an
		// entry read back with data that is not JSON hashes its bytes
		// as a string instead, so verification reports it rather than
		// failing.
		data = appendString(nil, string(e.Data))
	}
	return hashCanonical(e, data)
}

// hashCanonical is Hash for data already in canonical form (see
// [Compact]), without reading it again: the writer's part, which hashes
// every entry it appends.
func hashCanonical(e entity.AuditEntry, data []byte) string {
	b := make([]byte, 0, 160+len(e.Actor)+len(e.Subject)+len(data))
	b = append(b, '[')
	b = strconv.AppendInt(b, e.Seq, 10)
	b = append(b, ',')
	b = appendString(b, e.At.UTC().Format(time.RFC3339Nano))
	b = append(b, ',')
	b = appendString(b, e.Actor)
	b = append(b, ',')
	b = appendString(b, e.Action)
	b = append(b, ',')
	b = appendString(b, e.Subject)
	b = append(b, ',')
	b = append(b, data...)
	b = append(b, ',')
	b = appendString(b, e.Prev)
	b = append(b, ']')
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// appendString appends s as encoding/json writes a string: quoted as it
// is when it is printable ASCII that needs no escape (actors, actions,
// subjects, times and hashes are), else by encoding/json itself.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			js, _ := json.Marshal(s) // a string always marshals
			return append(b, js...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// canonical returns data in the form Hash covers: as encoding/json
// writes a json.RawMessage, compact and HTML-escaped, "null" for none.
func canonical(data json.RawMessage) ([]byte, error) {
	if len(data) == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(data)
}

// Compact returns v as canonical JSON, the form in which data is stored
// and hashed: what json.Marshal makes of it (compact, with <, > and &
// escaped), for a json.RawMessage too. Marshalling canonical JSON again
// gives the same bytes, so entries stored before the rule hash as they
// did.
func Compact(v any) (json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("audit data: %w", err)
	}
	return b, nil
}

// Chain sets the Seq, Prev and Hash of entries to be appended after the
// entry with sequence number seq and hash prev (0 and Genesis for an
// empty trail). Their data must be canonical, as Compact returns it.
func Chain(seq int64, prev string, es []entity.AuditEntry) {
	for i := range es {
		seq++
		es[i].Seq = seq
		es[i].At = es[i].At.UTC()
		es[i].Prev = prev
		data := es[i].Data
		if len(data) == 0 {
			data = json.RawMessage("null")
		}
		es[i].Hash = hashCanonical(es[i], data)
		prev = es[i].Hash
	}
}

// A Problem is a place where the chain is broken.
type Problem struct {
	// Seq is the sequence number of the entry where the break shows.
	Seq     int64  `json:"seq"`
	Problem string `json:"problem"`
}

func (p Problem) String() string {
	if p.Seq == 0 { // not at an entry: the checkpoints themselves
		return p.Problem
	}
	return fmt.Sprintf("entry %d: %s", p.Seq, p.Problem)
}

// Verifier checks a chain fed to it entry by entry, in sequence order, so
// that a long trail is verified without holding it in memory.
type Verifier struct {
	n        int64
	lastSeq  int64
	lastHash string
	problems []Problem
	// anchors are the checkpoints by seq; last is the latest in seq.
	anchors map[int64][]entity.AuditCheckpoint
	last    *entity.AuditCheckpoint
	// MaxProblems stops recording after this many (0: 100); the count of
	// entries checked goes on.
	MaxProblems int
}

// NewVerifier returns a Verifier of a trail from its first entry.
func NewVerifier() *Verifier { return &Verifier{lastHash: Genesis} }

func (v *Verifier) report(seq int64, format string, args ...any) {
	max := v.MaxProblems
	if max == 0 {
		max = 100
	}
	if len(v.problems) < max {
		v.problems = append(v.problems, Problem{seq, fmt.Sprintf(format, args...)})
	}
}

// Add checks the next entry: that its sequence number follows the one
// before (a gap is a removed entry, a step back a reordering), that it
// names the hash of the entry before, and that its own hash matches its
// content.
func (v *Verifier) Add(e entity.AuditEntry) {
	v.n++
	switch {
	case e.Seq == v.lastSeq+1:
	case e.Seq > v.lastSeq+1:
		v.report(e.Seq, "entries %d to %d are missing (removed)", v.lastSeq+1, e.Seq-1)
	default:
		v.report(e.Seq, "out of order: follows entry %d (reordered or renumbered)", v.lastSeq)
	}
	if e.Prev != v.lastHash {
		v.report(e.Seq, "does not follow the entry before it: prev %.12s…, the entry before hashes to %.12s… (an entry before it was altered, removed or reordered)", e.Prev, v.lastHash)
	}
	if h := Hash(e); h != e.Hash {
		v.report(e.Seq, "content altered: stored hash %.12s…, content hashes to %.12s…", e.Hash, h)
	}
	for _, c := range v.anchors[e.Seq] {
		if c.Head != e.Hash {
			v.report(e.Seq, "rewritten: hash %.12s…, but the checkpoint of %s recorded %.12s… (this entry or one before it was changed and the chain recomputed)", e.Hash, c.At.Format(time.RFC3339), c.Head)
		}
	}
	v.lastSeq = e.Seq
	v.lastHash = e.Hash
}

// Checkpoints sets the checkpoints (whose MACs check out: see
// CheckCheckpoints) to check the chain against, before the first Add: the
// entry at each checkpoint's seq must have the checkpointed hash, and the
// chain must reach the latest checkpoint.
func (v *Verifier) Checkpoints(cs []entity.AuditCheckpoint) {
	v.anchors = map[int64][]entity.AuditCheckpoint{}
	for i, c := range cs {
		v.anchors[c.Seq] = append(v.anchors[c.Seq], c)
		if v.last == nil || c.Seq > v.last.Seq {
			v.last = &cs[i]
		}
	}
}

// LastCheckpoint returns the checkpoint with the highest seq, or nil.
func (v *Verifier) LastCheckpoint() *entity.AuditCheckpoint { return v.last }

// OK reports whether every entry added so far checks out, and the chain
// reaches the last checkpoint.
func (v *Verifier) OK() bool { return len(v.Problems()) == 0 }

// Problems returns the breaks found, in order, and last that the chain
// ends before the last checkpoint (the newest entries were removed).
func (v *Verifier) Problems() []Problem {
	if v.last == nil || v.lastSeq >= v.last.Seq {
		return v.problems
	}
	c := v.last
	return append(v.problems[:len(v.problems):len(v.problems)], Problem{c.Seq, fmt.Sprintf(
		"truncated: the chain ends at entry %d, but the checkpoint of %s recorded entry %d (hash %.12s…): entries %d to %d were removed",
		v.lastSeq, c.At.Format(time.RFC3339), c.Seq, c.Head, v.lastSeq+1, c.Seq)})
}

// LastSeq returns the sequence number of the last entry checked (0
// before the first): where a verification goes on from.
func (v *Verifier) LastSeq() int64 { return v.lastSeq }

// Head returns the number of entries checked and the hash of the last:
// what a regulator compares with a later export.
func (v *Verifier) Head() (n int64, hash string) { return v.n, v.lastHash }
