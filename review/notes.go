package review

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
)

// Case notes: plain text (shown as typed, never as markup), and files
// kept as evidence. Files are not scanned for viruses: they are stored
// and served back as downloads only.
const (
	// MaxNote bounds a note's length in bytes.
	MaxNote = 4000
	// DefaultMaxAttachment is the largest file attached unless
	// Service.MaxAttachment says otherwise: 10 MiB.
	DefaultMaxAttachment = 10 << 20
	// maxFileName bounds an attachment's name in bytes.
	maxFileName = 200
)

// AttachmentLimit is the largest file AddAttachment takes.
func (s *Service) AttachmentLimit() int64 {
	if s.MaxAttachment > 0 {
		return s.MaxAttachment
	}
	return DefaultMaxAttachment
}

// AddNote adds a plain-text note by u to an alert, audited (note.add,
// with the text).
func (s *Service) AddNote(ctx context.Context, u *entity.User, alertID int64, text string) (entity.AlertNote, error) {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return entity.AlertNote{}, fmt.Errorf("%w: note: the text is empty", entity.ErrInvalid)
	case len(text) > MaxNote:
		return entity.AlertNote{}, fmt.Errorf("%w: note: %d bytes, at most %d", entity.ErrInvalid, len(text), MaxNote)
	case !utf8.ValidString(text):
		return entity.AlertNote{}, fmt.Errorf("%w: note: not UTF-8 text", entity.ErrInvalid)
	}
	n := entity.AlertNote{AlertID: alertID, Author: u.Name, At: s.now().UTC(), Text: text}
	var auditErr error
	n, err := s.store.AddNote(ctx, n, func(n entity.AlertNote) entity.AuditEntry {
		var e entity.AuditEntry
		e, auditErr = chain.Entry(n.At, n.Author, chain.ActionNoteAdd, fmt.Sprintf("alert/%d", n.AlertID), map[string]any{"alert": n.AlertID, "note": n.ID, "text": n.Text})
		return e
	})
	if err == nil {
		err = auditErr
	}
	if err != nil {
		return n, fmt.Errorf("alert %d: note: %w", alertID, err)
	}
	return n, nil
}

// AddAttachment attaches a file by u to an alert, its content type sniffed
// from the content (never the uploader's word), audited (attachment.add,
// with the file's SHA-256).
func (s *Service) AddAttachment(ctx context.Context, u *entity.User, alertID int64, name string, data []byte) (entity.Attachment, error) {
	switch {
	case len(data) == 0:
		return entity.Attachment{}, fmt.Errorf("%w: attachment: the file is empty", entity.ErrInvalid)
	case int64(len(data)) > s.AttachmentLimit():
		return entity.Attachment{}, fmt.Errorf("%w: attachment: %d bytes, at most %d", entity.ErrInvalid, len(data), s.AttachmentLimit())
	}
	a := entity.Attachment{AlertID: alertID, Author: u.Name, At: s.now().UTC(), Name: FileName(name), ContentType: http.DetectContentType(data), Data: data}
	var auditErr error
	a, err := s.store.AddAttachment(ctx, a, func(a entity.Attachment) entity.AuditEntry {
		var e entity.AuditEntry
		e, auditErr = chain.Entry(a.At, a.Author, chain.ActionAttachmentAdd, fmt.Sprintf("alert/%d", a.AlertID), map[string]any{
			"alert": a.AlertID, "attachment": a.ID, "name": a.Name, "contentType": a.ContentType, "size": a.Size, "sha256": a.SHA256})
		return e
	})
	if err == nil {
		err = auditErr
	}
	if err != nil {
		return a, fmt.Errorf("alert %d: attachment %s: %w", alertID, a.Name, err)
	}
	return a, nil
}

// FileName is the name an uploaded file is kept under: the last element
// of whatever path the browser sent (either slash), without control or
// format characters, at most maxFileName bytes; "attachment" when nothing
// is left.
func FileName(name string) string {
	name = strings.ToValidUTF8(name, "")
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	for len(name) > maxFileName {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	if name == "" || name == "." || name == "/" || name == ".." {
		return "attachment"
	}
	return name
}
