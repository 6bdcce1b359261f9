package entity

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// User roles of the web UI. An analyst decides alerts; an approver also
// approves other people's decisions (four eyes); an admin also manages
// users. Each includes the ones before it.
const (
	UserAnalyst  = "analyst"
	UserApprover = "approver"
	UserAdmin    = "admin"
)

// UserRank orders user roles; 0 for an unknown role.
func UserRank(role string) int {
	switch role {
	case UserAnalyst:
		return 1
	case UserApprover:
		return 2
	case UserAdmin:
		return 3
	}
	return 0
}

// User is a person who signs in to the web UI.
type User struct {
	// Name is the login.
	Name        string `json:"name"`
	DisplayName string `json:"displayName"`
	Role        string `json:"role"`
	// PasswordHash is the encoded argon2id hash; never shown.
	PasswordHash string    `json:"-"`
	Disabled     time.Time `json:"disabled,omitzero"`
	CreatedAt    time.Time `json:"createdAt"`
}

// Validate checks a user before it is stored.
func (u *User) Validate() error {
	switch {
	case u.Name == "" || len(u.Name) > 64 || strings.ContainsAny(u.Name, " \t\r\n/"):
		return fmt.Errorf("%w: user name %q: want 1 to 64 characters, no spaces or slashes", ErrInvalid, u.Name)
	case UserRank(u.Role) == 0:
		return fmt.Errorf("%w: user %s: role %q, want analyst, approver or admin", ErrInvalid, u.Name, u.Role)
	case u.PasswordHash == "":
		return fmt.Errorf("%w: user %s has no password", ErrInvalid, u.Name)
	}
	return nil
}

// Session is a signed-in browser. The store keeps only the SHA-256 of
// the cookie's token.
type Session struct {
	TokenHash string    `json:"-"`
	User      string    `json:"user"`
	CSRF      string    `json:"-"`
	CreatedAt time.Time `json:"createdAt"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// Decisions on an alert.
const (
	DecisionTrueMatch     = "true_match"
	DecisionFalsePositive = "false_positive"
	DecisionEscalate      = "escalate"
)

// Alert statuses beyond AlertOpen: escalated alerts wait for a senior
// decision; a true match or false positive waits for an approver
// (pending); approved, the alert is closed with the decision as status.
const (
	AlertEscalated     = "escalated"
	AlertPending       = "pending_approval"
	AlertTrueMatch     = "true_match"
	AlertFalsePositive = "false_positive"
	// AlertMerged: an open alert on a listing of a subject another open
	// alert of the customer names (Alert.MergedInto); never decided.
	AlertMerged = "merged"
)

// AlertStatuses are every status an alert can have.
var AlertStatuses = []string{AlertOpen, AlertEscalated, AlertPending, AlertTrueMatch, AlertFalsePositive, AlertMerged}

// AlertDecided reports whether an alert's status is a decision approved:
// the alert is closed.
func AlertDecided(status string) bool {
	return status == AlertTrueMatch || status == AlertFalsePositive
}

// Alert actions.
const (
	ActionDecide  = "decide"
	ActionApprove = "approve"
	ActionReject  = "reject"
	ActionAssign  = "assign"
	// ActionMerge: veto merged the alert into another of its subject.
	ActionMerge = "merge"
)

// AlertAction is one step in an alert's history: a decision, an
// approval or rejection of it, an assignment.
type AlertAction struct {
	ID      int64  `json:"id"`
	AlertID int64  `json:"alertId"`
	Kind    string `json:"kind"`
	// Decision is set on decide (the decision) and approve (what was
	// approved).
	Decision string    `json:"decision,omitempty"`
	Reason   string    `json:"reason"`
	User     string    `json:"user"`
	At       time.Time `json:"at"`
}

// AllowEntry puts a (customer, entity) pair that was proven a false
// positive on the allow-list: it does not alert again until the entity's
// listing changes materially, which revokes the entry.
type AllowEntry struct {
	CustomerID string    `json:"customerId"`
	EntityID   string    `json:"entityId"`
	AlertID    int64     `json:"alertId"`
	DecidedBy  string    `json:"decidedBy"`
	ApprovedBy string    `json:"approvedBy"`
	Reason     string    `json:"reason"`
	At         time.Time `json:"at"`
	// Revoked is set when the entry no longer applies, and why.
	Revoked      time.Time `json:"revoked,omitzero"`
	RevokeReason string    `json:"revokeReason,omitempty"`
}

// AuditEntry is one record of the audit trail. Entries form a hash chain:
// each carries the hash of the one before, so that an altered, removed or
// reordered entry breaks the chain where it is.
type AuditEntry struct {
	Seq   int64     `json:"seq"`
	At    time.Time `json:"at"`
	Actor string    `json:"actor"`
	// Action is what happened, e.g. "alert.decide", "user.login".
	Action  string          `json:"action"`
	Subject string          `json:"subject"`
	Data    json.RawMessage `json:"data"`
	Prev    string          `json:"prev"`
	Hash    string          `json:"hash"`
}

// AuditCheckpoint anchors the audit chain's head outside the chain: MAC is
// an HMAC-SHA256 of Seq, Head and At with a key kept outside the database
// (package audit), so that entries removed from the end, or a chain
// recomputed after a rewrite, show against it.
type AuditCheckpoint struct {
	Seq  int64     `json:"seq"`
	Head string    `json:"head"`
	At   time.Time `json:"at"`
	// Key identifies the key that signed it (not the key itself).
	Key string `json:"key"`
	MAC string `json:"mac"`
}
