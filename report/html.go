package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
)

//go:embed report.html
var pageText string

//go:embed report.css
var style string

// Links are the web UI's links on the HTML report, shown on screen and
// not printed; a file written by the CLI has none.
type Links struct {
	Back, PDF string
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"score":         func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"signed":        func(f float64) string { return fmt.Sprintf("%+.3f", f) },
	"datetime":      datetime,
	"label":         label,
	"join":          strings.Join,
	"published":     published,
	"checkText":     func() string { return checkText },
	"screeningText": func() string { return screeningText },
}).Parse(pageText))

// checkText tells an auditor how to check the audit entries listed.
const checkText = "To check these entries, export the trail (veto audit export --from DATE -o trail.jsonl, " +
	"DATE on or before the first entry's) and run veto audit verify: for each sequence number above, " +
	"the exported entry must carry the same hash, and each hash is the SHA-256 of the JSON array " +
	"[seq, at, actor, action, subject, data, prev] (see veto audit --help), so it can be recomputed without veto. " +
	"Generating this report is itself recorded as a report.export entry carrying the SHA-256 of this file " +
	"(sha256sum of the file as delivered)."

// screeningText says how a screening's report is traceable.
const screeningText = "The screening is recorded in the audit trail as a screen entry, and generating this report " +
	"as a report.export entry carrying the SHA-256 of this file (sha256sum of the file as delivered); " +
	"veto audit export lists both with their sequence numbers and hashes."

// StyleCSP is the Content-Security-Policy source that allows the
// report's inline style sheet and no other: the web UI serves the page
// with it.
func StyleCSP() string {
	sum := sha256.Sum256([]byte(style))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// WriteHTML writes the report as one self-contained HTML page (the style
// inline, with print rules), to be read on screen or printed.
func (e *Evidence) WriteHTML(w io.Writer, links *Links) error {
	// The style is trusted, embedded text: html/template would
	// otherwise replace it inside <style>.
	if err := page.Execute(w, map[string]any{"E": e, "Style": template.CSS(style), "Links": links}); err != nil {
		return fmt.Errorf("report: html: %w", err)
	}
	return nil
}

func datetime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.UTC().Format("2006-01-02 15:04:05 UTC")
}

// label turns a code (false_positive, listing-changed) into words.
func label(code string) string {
	return strings.NewReplacer("_", " ", "-", " ").Replace(code)
}

// published says when a version was published, and where the date was
// read from when not from the file itself.
func published(v entity.VersionRef) string {
	switch {
	case v.Published.IsZero():
		return "unknown"
	case v.PublishedFrom == entity.PublishedFromFileTime:
		return "unknown (file copied " + v.Published.UTC().Format(time.DateOnly) + ")"
	case v.PublishedFrom == "" || v.PublishedFrom == "file":
		return v.Published.UTC().Format(time.DateOnly)
	}
	return v.Published.UTC().Format(time.DateOnly) + " (" + label(v.PublishedFrom) + ")"
}
