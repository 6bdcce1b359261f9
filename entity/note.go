package entity

import "time"

// AlertNote is an analyst's comment on an alert: plain text, never
// rendered as markup.
type AlertNote struct {
	ID      int64     `json:"id"`
	AlertID int64     `json:"alertId"`
	Author  string    `json:"author"`
	At      time.Time `json:"at"`
	Text    string    `json:"text"`
}

// Attachment is a file attached to an alert as evidence. Data is set only
// when the file itself is asked for.
type Attachment struct {
	ID      int64     `json:"id"`
	AlertID int64     `json:"alertId"`
	Author  string    `json:"author"`
	At      time.Time `json:"at"`
	// Name is the file's name as uploaded (without folders).
	Name string `json:"name"`
	// ContentType is sniffed from the content, not taken from the upload.
	ContentType string `json:"contentType"`
	Size        int64  `json:"size"`
	// SHA256 is the hex SHA-256 of Data, also in the audit entry.
	SHA256 string `json:"sha256"`
	Data   []byte `json:"-"`
}
