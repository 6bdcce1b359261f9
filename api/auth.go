package api

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// presentedKey returns the key a request carries: "Authorization: Bearer
// KEY", "Authorization: ApiKey KEY" (yente's clients send this) or
// "X-API-Key: KEY"; on yente's routes also the bare key in
// Authorization and ?api_key= (see yenteKey).
func presentedKey(r *http.Request) string {
	if a := r.Header.Get("Authorization"); a != "" {
		scheme, key, _ := strings.Cut(a, " ")
		switch strings.ToLower(scheme) {
		case "bearer", "apikey":
			return strings.TrimSpace(key)
		}
		return yenteKey(r)
	}
	if k := strings.TrimSpace(r.Header.Get("X-API-Key")); k != "" {
		return k
	}
	return yenteKey(r)
}

// keyCache remembers looked-up keys for a short time, so that a request
// costs a map lookup rather than a database query; a revocation takes
// effect within ttl on every replica.
type keyCache struct {
	store store.Keys
	ttl   time.Duration
	now   func() time.Time

	mu      sync.Mutex
	entries map[string]cachedKey
}

type cachedKey struct {
	key     *entity.APIKey // nil: no such key
	fetched time.Time
}

func newKeyCache(st store.Keys, ttl time.Duration) *keyCache {
	return &keyCache{store: st, ttl: ttl, now: time.Now, entries: map[string]cachedKey{}}
}

// lookup returns the stored key with this ID, or nil if there is none.
func (c *keyCache) lookup(ctx context.Context, id string) (*entity.APIKey, error) {
	now := c.now()
	c.mu.Lock()
	e, ok := c.entries[id]
	c.mu.Unlock()
	if ok && now.Sub(e.fetched) < c.ttl {
		return e.key, nil
	}
	k, err := c.store.Key(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		k, err = nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("look up api key %s: %w", id, err)
	}
	c.mu.Lock()
	if len(c.entries) > 10000 { // bound memory against floods of made-up IDs
		clear(c.entries)
	}
	c.entries[id] = cachedKey{key: k, fetched: now}
	c.mu.Unlock()
	return k, nil
}

// forget drops a key from the cache, after a revocation through this
// process.
func (c *keyCache) forget(id string) {
	c.mu.Lock()
	delete(c.entries, id)
	c.mu.Unlock()
}

// authorize checks that the request carries a valid key with at least
// the role (none for ""), and records the key's ID for the logs.
func (s *Server) authorize(r *http.Request, role string) error {
	if role == "" || s.cfg.NoAuth {
		return nil
	}
	full := presentedKey(r)
	if full == "" {
		return errorf(CodeUnauthorized, "an API key is required: send \"Authorization: Bearer veto_...\"")
	}
	id := apikey.ID(full)
	if id == "" {
		return errorf(CodeUnauthorized, "the API key is malformed: want veto_<id>_<secret>")
	}
	k, err := s.keys.lookup(r.Context(), id)
	if err != nil {
		return err
	}
	if k == nil || subtle.ConstantTimeCompare([]byte(k.Hash), []byte(apikey.Hash(full))) != 1 {
		return errorf(CodeUnauthorized, "the API key is not valid")
	}
	if k.Revoked() {
		return errorf(CodeUnauthorized, "the API key %s was revoked", k.ID)
	}
	setKey(r, k.ID)
	if entity.RoleRank(k.Role) < entity.RoleRank(role) {
		return errorf(CodeForbidden, "this needs the %s role; key %s has %s", role, k.ID, k.Role)
	}
	return nil
}
