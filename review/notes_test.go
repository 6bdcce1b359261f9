package review_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/store"
)

func TestNotes(t *testing.T) {
	ctx := context.Background()
	s, st, as := setup(t, 1)
	id := as[0].ID
	for _, text := range []string{"", " \n ", strings.Repeat("x", review.MaxNote+1), "\xff\xfe"} {
		if _, err := s.AddNote(ctx, ann, id, text); !errors.Is(err, entity.ErrInvalid) {
			t.Errorf("AddNote(%.20q): %v, want ErrInvalid", text, err)
		}
	}
	n, err := s.AddNote(ctx, ann, id, "  <b>Called</b> the branch: DOB 1971-02-03.\n")
	if err != nil || n.Text != "<b>Called</b> the branch: DOB 1971-02-03." || n.Author != "ann" {
		t.Fatalf("AddNote = %+v, %v", n, err)
	}
	if _, err := s.AddNote(ctx, ann, id+1000, "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("note on no alert: %v", err)
	}

	s.MaxAttachment = 1024
	if _, err := s.AddAttachment(ctx, ann, id, "big.bin", make([]byte, 1025)); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("file over the limit: %v", err)
	}
	if _, err := s.AddAttachment(ctx, ann, id, "empty.txt", nil); !errors.Is(err, entity.ErrInvalid) {
		t.Errorf("empty file: %v", err)
	}
	// The uploader says text; the content is a PNG.
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 100)...)
	a, err := s.AddAttachment(ctx, ann, id, `C:\Users\ann\scan.png`, png)
	if err != nil || a.Name != "scan.png" || a.ContentType != "image/png" || a.Size != int64(len(png)) {
		t.Fatalf("AddAttachment = %+v, %v", a, err)
	}
	es, err := st.SearchAudit(ctx, store.AuditQuery{Action: chain.ActionAttachmentAdd})
	if err != nil || len(es) != 1 || !strings.Contains(string(es[0].Data), a.SHA256) || es[0].Subject != fmt.Sprintf("alert/%d", id) {
		t.Errorf("attachment.add entries = %+v, %v", es, err)
	}
}

func TestFileName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"report.pdf", "report.pdf"},
		{"../../etc/passwd", "passwd"},
		{`C:\evidence\id card.jpg`, "id card.jpg"},
		{"a\x00b\r\n.txt", "ab.txt"},
		{"gpj.\u202eexe", "gpj.exe"}, // right-to-left override removed
		{"..", "attachment"},
		{"/", "attachment"},
		{"", "attachment"},
		{strings.Repeat("é", 150), strings.Repeat("é", 100)},
	} {
		if got := review.FileName(tc.in); got != tc.want {
			t.Errorf("FileName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
