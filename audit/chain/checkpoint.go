package chain

import (
	"bufio"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
)

// A chain detects change but not truncation at the end, nor a rewrite
// whose author recomputes every hash after it: both leave a valid chain.
// Checkpoints close that gap. A checkpoint records the head (seq and
// hash) at a time, signed with HMAC-SHA256 under a key that lives outside
// the database, so that someone who can write the database cannot make
// one; checkpoints are stored in the database and appended to a file
// beside it, so that deleting their rows shows too.

// ErrNoKey is returned by LoadKey when there is no key to read.
var ErrNoKey = errors.New("no audit key")

// minKeyLen is the shortest key accepted, in characters.
const minKeyLen = 32

// Key is the secret checkpoints are signed with.
type Key struct {
	secret []byte
	// ID names the key in checkpoints: the first 16 hex digits of the
	// SHA-256 of the secret. It tells a checkpoint signed with another
	// key from a forged one without revealing the key.
	ID string
}

// NewKey returns a Key of a secret of at least 32 characters.
func NewKey(secret string) (Key, error) {
	secret = strings.TrimSpace(secret)
	if len(secret) < minKeyLen {
		return Key{}, fmt.Errorf("audit key: %d characters, want at least %d", len(secret), minKeyLen)
	}
	sum := sha256.Sum256([]byte(secret))
	return Key{secret: []byte(secret), ID: hex.EncodeToString(sum[:8])}, nil
}

// LoadKey returns the key in env when it is not empty (VETO_AUDIT_KEY
// wins over the file), or else the key in the file at path. When the file
// does not exist, create makes it (0600, 32 random bytes in hex) and
// reports created; otherwise the error wraps ErrNoKey.
func LoadKey(path, env string, create bool) (k Key, created bool, err error) {
	if env != "" {
		k, err := NewKey(env)
		if err != nil {
			return Key{}, false, fmt.Errorf("VETO_AUDIT_KEY: %w", err)
		}
		return k, false, nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if !create {
			return Key{}, false, fmt.Errorf("%w: %s does not exist (set VETO_AUDIT_KEY or --audit-key-file to the key veto serve signs checkpoints with)", ErrNoKey, path)
		}
		raw := make([]byte, 32)
		if _, err := rand.Read(raw); err != nil {
			return Key{}, false, fmt.Errorf("audit key: %w", err)
		}
		secret := hex.EncodeToString(raw)
		// O_EXCL: two processes starting at once must not each write a
		// key and sign with different ones.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			return LoadKey(path, "", false)
		}
		if err != nil {
			return Key{}, false, fmt.Errorf("create audit key: %w", err)
		}
		if _, err := f.WriteString(secret + "\n"); err != nil {
			f.Close()
			return Key{}, false, fmt.Errorf("write audit key %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return Key{}, false, fmt.Errorf("write audit key %s: %w", path, err)
		}
		k, err := NewKey(secret)
		return k, true, err
	}
	if err != nil {
		return Key{}, false, fmt.Errorf("read audit key: %w", err)
	}
	k, err = NewKey(string(b))
	if err != nil {
		return Key{}, false, fmt.Errorf("%s: %w", path, err)
	}
	return k, false, nil
}

// checkpointMessage is what a checkpoint's MAC covers: the JSON array
// [seq, head, at] with at in RFC 3339 with nanoseconds in UTC.
func checkpointMessage(seq int64, head string, at time.Time) []byte {
	b, _ := json.Marshal([]any{seq, head, at.UTC().Format(time.RFC3339Nano)})
	return b
}

func (k Key) mac(seq int64, head string, at time.Time) string {
	m := hmac.New(sha256.New, k.secret)
	m.Write(checkpointMessage(seq, head, at))
	return hex.EncodeToString(m.Sum(nil))
}

// Sign returns a checkpoint of the head seq, hash at time at.
func (k Key) Sign(seq int64, head string, at time.Time) entity.AuditCheckpoint {
	at = at.UTC()
	return entity.AuditCheckpoint{Seq: seq, Head: head, At: at, Key: k.ID, MAC: k.mac(seq, head, at)}
}

// Check reports whether c was signed with k and not altered since.
func (k Key) Check(c entity.AuditCheckpoint) bool {
	want := k.mac(c.Seq, c.Head, c.At)
	return hmac.Equal([]byte(want), []byte(c.MAC))
}

// AppendCheckpointFile appends c to the JSON-lines file at path (made
// 0600 when new) and syncs it: the file is only ever appended to.
func AppendCheckpointFile(path string, c entity.AuditCheckpoint) error {
	line, err := json.Marshal(c)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("checkpoint file: %w", err)
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("checkpoint file %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("checkpoint file %s: %w", path, err)
	}
	return f.Close()
}

// ReadCheckpointFile reads the checkpoints in the file at path; the error
// wraps fs.ErrNotExist when there is no file, and names the line of one
// that is not a checkpoint.
func ReadCheckpointFile(path string) ([]entity.AuditCheckpoint, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("checkpoint file: %w", err)
	}
	defer f.Close()
	var out []entity.AuditCheckpoint
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var c entity.AuditCheckpoint
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: not a checkpoint: %w", path, line, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// CheckCheckpoints checks the checkpoints stored in the database (db) and
// in the file (file) with k. It returns the ones whose MAC checks out,
// the database's and the file's together, and a problem for each that
// does not (forged, altered, or signed with another key) and for each in
// the file that the database no longer holds (deleted). The database may
// hold checkpoints the file does not: those of replicas on other machines.
func CheckCheckpoints(k Key, db, file []entity.AuditCheckpoint) (valid []entity.AuditCheckpoint, problems []Problem) {
	seen := map[string]bool{}
	inDB := map[string]bool{}
	add := func(where string, c entity.AuditCheckpoint) {
		if !k.Check(c) {
			why := "forged or altered"
			if c.Key != k.ID {
				why = fmt.Sprintf("signed with key %s, not this key %s, or forged", c.Key, k.ID)
			}
			problems = append(problems, Problem{c.Seq, fmt.Sprintf("checkpoint of %s in the %s: its MAC does not verify (%s)", c.At.Format(time.RFC3339), where, why)})
			return
		}
		if !seen[c.MAC] {
			seen[c.MAC] = true
			valid = append(valid, c)
		}
	}
	for _, c := range db {
		inDB[c.MAC] = true
		add("database", c)
	}
	for _, c := range file {
		add("checkpoint file", c)
		if k.Check(c) && !inDB[c.MAC] {
			problems = append(problems, Problem{c.Seq, fmt.Sprintf("checkpoint of %s (entry %d, hash %.12s…) is in the checkpoint file but no longer in the database: checkpoint rows were deleted", c.At.Format(time.RFC3339), c.Seq, c.Head)})
		}
	}
	return valid, problems
}
