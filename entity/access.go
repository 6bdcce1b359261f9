package entity

import (
	"fmt"
	"time"
)

// Roles an API key or a user can have. Each role includes the ones
// before it: an analyst can screen, an admin can do everything.
const (
	RoleScreen  = "screen"
	RoleAnalyst = "analyst"
	RoleAdmin   = "admin"
)

// RoleRank orders roles; 0 for an unknown role.
func RoleRank(role string) int {
	switch role {
	case RoleScreen:
		return 1
	case RoleAnalyst:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// APIKey is a key a client authenticates with. The secret is never
// stored: only its SHA-256.
type APIKey struct {
	// ID is the key's public part, shown in listings and logs.
	ID string `json:"id"`
	// Name says whose or what the key is, e.g. "onboarding-service".
	Name string `json:"name"`
	// Role is RoleScreen, RoleAnalyst or RoleAdmin.
	Role string `json:"role"`
	// Hash is the hex SHA-256 of the whole key.
	Hash      string    `json:"-"`
	CreatedAt time.Time `json:"createdAt"`
	// RevokedAt is set once the key is revoked.
	RevokedAt time.Time `json:"revokedAt,omitzero"`
}

// Validate checks a key before it is stored.
func (k *APIKey) Validate() error {
	switch {
	case k.ID == "":
		return fmt.Errorf("%w: api key has no id", ErrInvalid)
	case k.Name == "":
		return fmt.Errorf("%w: api key %s has no name", ErrInvalid, k.ID)
	case RoleRank(k.Role) == 0:
		return fmt.Errorf("%w: api key %s: role %q, want screen, analyst or admin", ErrInvalid, k.ID, k.Role)
	case len(k.Hash) != 64:
		return fmt.Errorf("%w: api key %s: hash is not a hex SHA-256", ErrInvalid, k.ID)
	}
	return nil
}

// Revoked reports whether the key is revoked.
func (k *APIKey) Revoked() bool { return !k.RevokedAt.IsZero() }
