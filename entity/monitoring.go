package entity

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Customer is a party a bank screens when it is added and again after
// every list change: its own reference and what it knows of the party.
type Customer struct {
	// ID is the bank's own reference for the customer (its external ID).
	ID string `json:"id"`
	// Subject is what the bank knows of the party, as screened.
	Subject
	// Removed is set when the customer is no longer monitored; its alerts
	// stay.
	Removed   time.Time `json:"removed,omitzero"`
	CreatedAt time.Time `json:"createdAt,omitzero"`
	UpdatedAt time.Time `json:"updatedAt,omitzero"`
}

// MaxCustomerID bounds a customer ID, in bytes.
const MaxCustomerID = 200

// Validate checks what the store needs; the screening fields are checked
// by the matcher's own validation.
func (c *Customer) Validate() error {
	switch {
	case strings.TrimSpace(c.ID) == "":
		return fmt.Errorf("%w: customer has no id", ErrInvalid)
	case len(c.ID) > MaxCustomerID || !utf8.ValidString(c.ID):
		return fmt.Errorf("%w: customer id %.40q: longer than %d bytes or not UTF-8", ErrInvalid, c.ID, MaxCustomerID)
	case strings.TrimSpace(c.Name) == "":
		return fmt.Errorf("%w: customer %s has no name", ErrInvalid, c.ID)
	}
	return nil
}

// Alert statuses. An alert is open until decided.
const (
	AlertOpen = "open"
)

// Alert causes: why a customer was screened when the alert was raised.
const (
	// CauseCustomer: the customer was added or changed.
	CauseCustomer = "customer"
	// CauseListChange: a new list version added or changed the entity.
	CauseListChange = "list-change"
	// CauseRescreen: a full re-screening was asked for.
	CauseRescreen = "rescreen"
	// CauseRelisted: the pair was on the allow-list as a proven false
	// positive, and the entity's listing changed materially since.
	CauseRelisted = "listing-changed"
	// CauseNewListing: a list named the alert's subject anew (the EU
	// listed someone the US already lists): the subject's alert, decided
	// or open, is raised again or updated.
	CauseNewListing = "new-listing"
)

// Alert is a potential match of a monitored customer with a sanctioned
// subject, raised once per (customer, subject) pair: one alert names
// every listing of the subject, and one decision covers them all.
type Alert struct {
	ID         int64  `json:"id"`
	CustomerID string `json:"customerId"`
	// EntityID is the subject's listing that scored best.
	EntityID string `json:"entityId"`
	// SubjectID is the subject's ID; the entity ID when the alert was
	// raised without a resolution (a subject of one listing).
	SubjectID string `json:"subjectId"`
	// Members are the entity IDs of all the subject's listings when the
	// alert was raised or last updated; empty when it was raised without
	// a resolution (or before veto grouped listings into subjects): its
	// subject is then its entity alone until the next resolution adopts
	// it (see store.Monitoring.AdoptSubjects).
	Members []string `json:"members"`
	// MergedInto is the alert this one was merged into, when alerts of
	// one customer raised per listing turned out to name one subject.
	MergedInto int64 `json:"mergedInto,omitempty"`
	// List is the entity's list; VersionID the version of it screened.
	List      string `json:"list"`
	VersionID int64  `json:"versionId"`
	// Versions are all the list versions the customer was screened
	// against when the alert was raised; empty for alerts raised before
	// veto recorded them.
	Versions []VersionRef `json:"versions"`
	Score    float64      `json:"score"`
	Status   string       `json:"status"`
	Cause    string       `json:"cause"`
	// Assignee is the user working on the alert, if any.
	Assignee string `json:"assignee,omitempty"`
	// Customer is the customer as screened.
	Customer Customer `json:"customer"`
	// Hit is the screening hit, with its explanation (a screen.Hit).
	Hit       json.RawMessage `json:"hit"`
	CreatedAt time.Time       `json:"createdAt"`
	UpdatedAt time.Time       `json:"updatedAt"`
}

// MonitorRun records the re-screening of the customers after one list
// version.
type MonitorRun struct {
	VersionID int64     `json:"versionId"`
	List      string    `json:"list"`
	At        time.Time `json:"at"`
	// Entities is the number of added or materially changed entities
	// screened against; Customers the customers screened; Alerts the new
	// alerts raised.
	Entities  int           `json:"entities"`
	Customers int           `json:"customers"`
	Alerts    int           `json:"alerts"`
	Took      time.Duration `json:"took"`
}
