package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
)

// Queue parameters the server refuses, naming the field.
func TestQueueParameters(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	b := ts.signedIn(t, "anna")
	for _, tc := range []struct {
		query  string
		status int
		want   string
	}{
		{"sort=score&dir=desc&min=0.5&max=1&customer=C-1", 200, "Alerts 1–1 of 1"},
		{"status=any&sort=age&dir=asc&page=1", 200, "of 3"},
		{"sort=name", 400, "sort: &#34;name&#34;"},
		{"sort=score&dir=up", 400, "dir: &#34;up&#34;"},
		{"max=2", 400, "maximum score"},
		{"page=0", 400, "page: &#34;0&#34;"},
		{"page=99999999", 400, "there are 1 pages"},
	} {
		p := b.get("/ui/alerts?" + tc.query)
		if p.Status != tc.status || !strings.Contains(p.Body, tc.want) {
			t.Errorf("%s: %d, want %d and %q", tc.query, p.Status, tc.status, tc.want)
		}
	}
}

// Past the cap, counts say "at least" and the queue pages no further.
func TestQueueCountCap(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	b := ts.signedIn(t, "anna")
	defer func(n int) { queueCountCap = n }(queueCountCap)
	queueCountCap = 2
	p := b.get("/ui/alerts?status=any")
	if p.Status != 200 || !strings.Contains(p.Body, `Open <span class="count">2+</span>`) || !strings.Contains(p.Body, "Alerts 1–3 of 3+") {
		t.Errorf("capped queue: %d\n%s", p.Status, p.Body)
	}
	if p := b.get("/ui/alerts?status=any&page=2"); p.Status != 400 || !strings.Contains(p.Body, "narrow the filter") {
		t.Errorf("page past the cap: %d", p.Status)
	}
}

// A bulk decision's bad input is refused as a whole, with the reason.
func TestBulkDecideRefused(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	b := ts.signedIn(t, "anna")
	a := ts.alertOf(t, "C-1")
	csrf := b.csrf("/ui/alerts")
	for _, tc := range []struct {
		form url.Values
		want string
	}{
		{url.Values{"decision": {"false_positive"}, "reason": {"x"}}, "no alert selected"},
		{url.Values{"id": {fmt.Sprint(a.ID)}, "decision": {"false_positive"}}, "a reason is required"},
		{url.Values{"id": {"x"}, "decision": {"false_positive"}, "reason": {"x"}}, "id: &#34;x&#34;"},
	} {
		tc.form.Set("csrf", csrf)
		if p := b.post("/ui/alerts/decide", tc.form); p.Status != 400 || !strings.Contains(p.Body, tc.want) {
			t.Errorf("%v: %d, want 400 and %q", tc.form, p.Status, tc.want)
		}
	}
	if got, _ := ts.Store.Alert(t.Context(), a.ID); got.Status != entity.AlertOpen {
		t.Errorf("alert %d is %s after refused bulk decisions", a.ID, got.Status)
	}
}

// upload posts a file to an alert's attachments as a browser does.
func (b *browser) upload(alertID int64, csrf, name string, data []byte) page {
	b.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	w.WriteField("csrf", csrf)
	fw, _ := w.CreateFormFile("file", name)
	fw.Write(data)
	w.Close()
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/ui/alerts/%d/attachments", b.ts.URL, alertID), &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Origin", b.ts.URL)
	return b.do(req)
}

// Files: an HTML file is kept and served as a download (never as a page
// of the site), only under its own alert; one over the limit is refused;
// an upload needs the CSRF token like any form.
func TestAttachments(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	b := ts.signedIn(t, "anna")
	a, other := ts.alertOf(t, "C-1"), ts.alertOf(t, "C-2")
	csrf := b.csrf(fmt.Sprintf("/ui/alerts/%d", a.ID))
	html := []byte("<html><script>alert(1)</script></html>")
	if p := b.upload(a.ID, "wrong", "x.html", html); p.Status != 403 {
		t.Errorf("upload without the CSRF token: %d", p.Status)
	}
	if p := b.upload(a.ID, csrf, "big.bin", make([]byte, 10<<20+1)); p.Status != 400 || !strings.Contains(p.Body, "10 MiB") {
		t.Errorf("file over 10 MiB: %d", p.Status)
	}
	p := b.upload(a.ID, csrf, "../../evil.html", html)
	if p.Status != 303 || !strings.HasSuffix(p.Header.Get("Location"), "done=attached#notes-h") {
		t.Fatalf("upload: %d %s", p.Status, p.Header.Get("Location"))
	}
	files, err := ts.Store.Attachments(t.Context(), a.ID)
	if err != nil || len(files) != 1 || files[0].Name != "evil.html" {
		t.Fatalf("attachments: %+v, %v", files, err)
	}
	got := b.get(fmt.Sprintf("/ui/alerts/%d/attachments/%d", a.ID, files[0].ID))
	if got.Status != 200 || got.Body != string(html) || got.Header.Get("Content-Disposition") != `attachment; filename=evil.html` ||
		got.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(got.Header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("download: %d %v", got.Status, got.Header)
	}
	if p := b.get(fmt.Sprintf("/ui/alerts/%d/attachments/%d", other.ID, files[0].ID)); p.Status != 404 {
		t.Errorf("the file under another alert: %d, want 404", p.Status)
	}
	page := b.get(fmt.Sprintf("/ui/alerts/%d", a.ID))
	if !strings.Contains(page.Body, "evil.html") || !strings.Contains(page.Body, files[0].SHA256) {
		t.Error("the alert page does not list the file with its SHA-256")
	}
	if p := b.post(fmt.Sprintf("/ui/alerts/%d/notes", a.ID), url.Values{"csrf": {csrf}, "text": {" "}}); p.Status != 400 || !strings.Contains(p.Body, "the text is empty") {
		t.Errorf("empty note: %d", p.Status)
	}
}

func TestReadableEntry(t *testing.T) {
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		actor, action, subject string
		data                   any
		want                   string
	}{
		{"alice", chain.ActionAlertDecide, "alert/42", map[string]any{"decision": "false_positive", "reason": "different DOB"},
			"alice decided alert 42: false positive — 'different DOB'"},
		{"bob", chain.ActionAlertApprove, "alert/42", map[string]any{"decision": "true_match", "decidedBy": "alice"},
			"bob approved alice's decision on alert 42: true match"},
		{"bob", chain.ActionAlertAssign, "alert/7", map[string]any{"assignee": ""}, "bob assigned alert 7 to nobody"},
		{"ann", chain.ActionAttachmentAdd, "alert/7", map[string]any{"name": "id.pdf", "size": 1234, "sha256": strings.Repeat("ab", 32)},
			"ann attached id.pdf (1234 bytes, SHA-256 abababababab…) to alert 7"},
		{"ann", chain.ActionNoteAdd, "alert/7", "not an object", "ann added a note to alert 7"},
		{"veto", "something.new", "x/1", nil, "veto: something.new x/1"},
		{"ann", chain.ActionAlertDecide, "alert/9", nil, "ann decided alert 9: ?"},
	} {
		e, err := chain.Entry(at, tc.actor, tc.action, tc.subject, tc.data)
		if err != nil {
			t.Fatal(err)
		}
		if got := readableEntry(e); got != tc.want {
			t.Errorf("%s %v:\n got %q\nwant %q", tc.action, tc.data, got, tc.want)
		}
	}
	// Data that is not JSON at all (a tampered row) still reads.
	if got := readableEntry(entity.AuditEntry{Actor: "x", Action: chain.ActionLogin, Data: json.RawMessage("{")}); got != "x signed in" {
		t.Errorf("bad data: %q", got)
	}
}
