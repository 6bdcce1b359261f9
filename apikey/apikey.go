// Package apikey makes API keys, and creates and revokes them in a store
// with their audit entries. A key is "veto_<id>_<secret>": the ID is public (listings,
// logs), the secret is 32 random bytes in hex, and the store keeps only
// the SHA-256 of the whole key, so a key is shown once, when created.
package apikey

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// prefix starts every API key.
const prefix = "veto_"

// New makes a key with a fresh ID and secret. It returns the key to store
// and the full key to give to the client, once: it cannot be recovered
// from the store.
func New(name, role string, now time.Time) (entity.APIKey, string, error) {
	var id [6]byte
	var secret [32]byte
	if _, err := rand.Read(id[:]); err != nil {
		return entity.APIKey{}, "", err
	}
	if _, err := rand.Read(secret[:]); err != nil {
		return entity.APIKey{}, "", err
	}
	k := entity.APIKey{ID: hex.EncodeToString(id[:]), Name: name, Role: role, CreatedAt: now.UTC()}
	full := prefix + k.ID + "_" + hex.EncodeToString(secret[:])
	k.Hash = Hash(full)
	return k, full, k.Validate()
}

// Hash is what the store keeps of a full key.
func Hash(full string) string {
	sum := sha256.Sum256([]byte(full))
	return hex.EncodeToString(sum[:])
}

// ID returns the ID part of a full key, or "" if it is not one.
func ID(full string) string {
	rest, ok := strings.CutPrefix(full, prefix)
	if !ok {
		return ""
	}
	id, secret, ok := strings.Cut(rest, "_")
	if !ok || id == "" || secret == "" || len(full) > 200 {
		return ""
	}
	return id
}

// Create stores a key made by New with its key.create audit entry, by
// actor, in one transaction, so that no key exists that the trail does
// not show made. note adds to the entry's data (the file a first admin
// key was written to, say); it never holds the key.
func Create(ctx context.Context, st store.Keys, actor string, k entity.APIKey, note map[string]string) error {
	data := map[string]string{"name": k.Name, "role": k.Role}
	for f, v := range note {
		data[f] = v
	}
	e, err := chain.Entry(k.CreatedAt, actor, chain.ActionKeyCreate, k.ID, data)
	if err != nil {
		return err
	}
	if err := st.CreateKey(ctx, k, e); err != nil {
		return fmt.Errorf("create key %q: %w", k.Name, err)
	}
	return nil
}

// Revoke revokes the key id at now with its key.revoke audit entry, by
// actor, in one transaction.
func Revoke(ctx context.Context, st store.Keys, actor, id string, now time.Time) error {
	e, err := chain.Entry(now, actor, chain.ActionKeyRevoke, id, nil)
	if err != nil {
		return err
	}
	if err := st.RevokeKey(ctx, id, now.UTC(), e); err != nil {
		return fmt.Errorf("revoke key %s: %w", id, err)
	}
	return nil
}
