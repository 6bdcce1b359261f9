package web

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/errkind"
	"github.com/vetoscreen/veto/review"
)

// uploadMemory is how much of a file upload is held in memory while the
// form is parsed; the rest goes to a temporary file, removed after the
// request.
const uploadMemory = 1 << 20

// parsePost reads a POST form: a file upload (multipart, an attachment)
// up to the largest file allowed, any other form up to maxForm.
func (s *server) parsePost(w http.ResponseWriter, r *http.Request) error {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "multipart/form-data" {
		r.Body = http.MaxBytesReader(w, r.Body, maxForm)
		if err := r.ParseForm(); err != nil {
			return badRequest("the form could not be read: %v", err)
		}
		return nil
	}
	limit := s.Review.AttachmentLimit()
	r.Body = http.MaxBytesReader(w, r.Body, limit+maxForm)
	if err := r.ParseMultipartForm(uploadMemory); err != nil {
		if errors.As(err, new(*http.MaxBytesError)) {
			return badRequest("the file is too large: at most %s", mebibytes(limit))
		}
		return badRequest("the form could not be read: %v", err)
	}
	return nil
}

// mebibytes writes n bytes for people.
func mebibytes(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// notesView is the alert page's case notes and files (the partial
// "notes"), oldest first.
type notesView struct {
	AlertID int64
	CSRF    string
	Items   []caseItem
	// Text is a note that failed, kept in the form.
	Text     string
	MaxNote  int
	MaxFile  string
	MaxBytes int64
}

// caseItem is a note or a file.
type caseItem struct {
	At     time.Time
	Author string
	Note   string
	File   *entity.Attachment
}

// notesOf gathers the notes and files of alert id.
func (s *server) notesOf(r *http.Request, l *layout, id int64) (*notesView, error) {
	notes, err := s.Store.AlertNotes(r.Context(), id)
	if err != nil {
		return nil, err
	}
	files, err := s.Store.Attachments(r.Context(), id)
	if err != nil {
		return nil, err
	}
	v := &notesView{AlertID: id, CSRF: l.CSRF, MaxNote: review.MaxNote, MaxBytes: s.Review.AttachmentLimit(), MaxFile: mebibytes(s.Review.AttachmentLimit())}
	for _, n := range notes {
		v.Items = append(v.Items, caseItem{At: n.At, Author: n.Author, Note: n.Text})
	}
	for i := range files {
		v.Items = append(v.Items, caseItem{At: files[i].At, Author: files[i].Author, File: &files[i]})
	}
	slices.SortStableFunc(v.Items, func(a, b caseItem) int { return a.At.Compare(b.At) })
	return v, nil
}

// addNote adds a note to an alert.
func (s *server) addNote(w http.ResponseWriter, r *http.Request, rq *request) error {
	text := r.PostForm.Get("text")
	return s.addToCase(w, r, rq, "noted", text, func(id int64) error {
		_, err := s.Review.AddNote(r.Context(), rq.User, id, text)
		return err
	})
}

// addAttachment attaches the uploaded file to an alert.
func (s *server) addAttachment(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.addToCase(w, r, rq, "attached", "", func(id int64) error {
		f, h, err := r.FormFile("file")
		if err != nil {
			return fmt.Errorf("%w: file: choose a file to attach", entity.ErrInvalid)
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, s.Review.AttachmentLimit()+1))
		if err != nil {
			return fmt.Errorf("file %s: %w", h.Filename, err)
		}
		_, err = s.Review.AddAttachment(r.Context(), rq.User, id, h.Filename, data)
		return err
	})
}

// addToCase runs add on the alert of the request, then shows the alert's
// notes (done is the notice), or the alert page with why it failed and
// the note's text kept.
func (s *server) addToCase(w http.ResponseWriter, r *http.Request, rq *request, done, text string, add func(id int64) error) error {
	id, err := alertID(r)
	if err != nil {
		return err
	}
	if err := add(id); err != nil {
		status, msg := describe(err)
		if status == http.StatusInternalServerError || errkind.Of(err) == errkind.NotFound {
			return err
		}
		v, verr := s.alertView(r, rq, id)
		if verr != nil {
			return verr
		}
		v.Error = msg
		if v.Notes != nil {
			v.Notes.Text = text
		}
		s.render(w, r, status, "alert", v)
		return nil
	}
	http.Redirect(w, r, fmt.Sprintf("/ui/alerts/%d?done=%s#notes-h", id, done), http.StatusSeeOther)
	return nil
}

// attachment serves an attached file as a download, never as a page: its
// sniffed type, Content-Disposition attachment, and (for every response)
// nosniff and a CSP that runs nothing.
func (s *server) attachment(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := alertID(r)
	if err != nil {
		return err
	}
	fid, err := strconv.ParseInt(r.PathValue("file"), 10, 64)
	if err != nil || fid <= 0 {
		return notFound("no file %q", r.PathValue("file"))
	}
	a, err := s.Store.Attachment(r.Context(), fid)
	if errkind.Of(err) == errkind.NotFound || (err == nil && a.AlertID != id) {
		return notFound("alert %d has no file %d", id, fid)
	}
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", a.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Name}))
	h.Set("Content-Length", strconv.FormatInt(int64(len(a.Data)), 10))
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodHead {
		w.Write(a.Data) // an error is the client gone: nobody to tell
	}
	return nil
}
