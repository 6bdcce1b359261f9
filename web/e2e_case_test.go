package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/store"
)

// TestBrowserCaseFile drives the working day in headless Chromium: the
// queue sorted by score, a bulk false positive by an analyst that leaves
// each alert waiting for an approver (and reports the escalated one she
// may not decide), an approval by another; a note and a file on the
// alert, downloaded back; the audit page filtered to them. It saves the
// queue, the notes and the audit page at 1280 and 390 px.
func TestBrowserCaseFile(t *testing.T) {
	exe := chromium(t)
	dir := artifacts(t)
	ts := newTestServer(t, serverOptions{})
	bg := context.Background()
	// Namesakes of one listed person: the common name a bulk decision is
	// for.
	var namesakes []entity.Customer
	for i := range 4 {
		namesakes = append(namesakes, entity.Customer{ID: fmt.Sprintf("NS-%d", i), Subject: entity.Subject{Name: "Vladimir Putin"}})
	}
	if _, _, err := ts.Monitor.Put(bg, namesakes); err != nil {
		t.Fatal(err)
	}
	// An approver escalated one alert: an analyst may not decide it.
	escalated := ts.alertOf(t, "C-3")
	bob, err := ts.Store.User(bg, "bob")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := review.New(ts.Store, nil).Decide(bg, bob, escalated.ID, entity.DecisionEscalate, "needs the branch's file"); err != nil {
		t.Fatal(err)
	}
	open, err := ts.Store.Alerts(bg, store.AlertFilter{Status: entity.AlertOpen})
	if err != nil || len(open) < 5 {
		t.Fatalf("open alerts: %d, %v", len(open), err)
	}

	ctx := browse(t, exe, 1280, 900, 4*time.Minute)
	shot := func(name string) chromedp.Action[chromedp.Void] { return screenshot(dir, name) }
	text := func(sel string) string { t.Helper(); return get(t, ctx, "text of "+sel, chromedp.Text(css(sel))) }
	evalString := func(js string) string { t.Helper(); return get(t, ctx, js, chromedp.Evaluate[string](js)) }
	// submit runs actions that load a page (a form sent, a link
	// followed) and waits for it: the element waited for next may be on
	// the page before too.
	submit := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if _, err := chromedp.RunResponse(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	signIn := func(name string) { t.Helper(); signInAs(t, ctx, ts.URL, name) }
	signOut := func() { t.Helper(); signOutOf(t, ctx) }
	// atWidths saves the page at 1280 and 390 px as name.png and
	// name-390.png (of the element sel, or the whole page when ""), and
	// checks that it does not scroll sideways.
	atWidths := func(name, path, wait, sel string) {
		t.Helper()
		for _, w := range []struct {
			suffix        string
			width, height int64
		}{{"", 1280, 900}, {"-390", 390, 844}} {
			run(t, ctx, name+w.suffix, chromedp.EmulateViewport(w.width, w.height), chromedp.Navigate(ts.URL+path), chromedp.WaitVisible(css(wait)))
			if sel == "" {
				run(t, ctx, "shot "+name, shot(name+w.suffix))
			} else {
				png := get(t, ctx, "shot "+name, chromedp.Screenshot(css(sel)))
				if err := os.WriteFile(filepath.Join(dir, name+w.suffix+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if get(t, ctx, "overflow", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`)) {
				t.Errorf("%s scrolls sideways at %d px", path, w.width)
			}
		}
		run(t, ctx, "wide", chromedp.EmulateViewport(1280, 900))
	}
	scores := func() []float64 {
		t.Helper()
		var out []float64
		for _, s := range strings.Fields(evalString(`[...document.querySelectorAll('table.alerts td[data-label="Score"]')].map(e => e.textContent).join(" ")`)) {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("score %q", s)
			}
			out = append(out, f)
		}
		return out
	}

	// The analyst sorts the queue by score, best first, then lowest first.
	signIn("anna")
	run(t, ctx, "queue", chromedp.Navigate(ts.URL+"/ui/alerts?status=any"), chromedp.WaitVisible(css("#f-sort")))
	submit("sort by score", chromedp.SetValue(css("#f-sort"), "score"), chromedp.Submit(css("#f-sort")))
	best := scores()
	if len(best) != len(open)+1 || !slices.IsSortedFunc(best, func(a, b float64) int { return int(1000*b - 1000*a) }) {
		t.Errorf("by score: %v, want %d alerts best first", best, len(open)+1)
	}
	if url := evalString(`location.search`); !strings.Contains(url, "sort=score") {
		t.Errorf("the sort is not in the URL (a bookmark): %s", url)
	}
	submit("lowest first", chromedp.SetValue(css("#f-dir"), "asc"), chromedp.Submit(css("#f-sort")))
	if low := scores(); !slices.IsSorted(low) || len(low) != len(best) {
		t.Errorf("lowest first: %v", low)
	}
	if got := text(".status-counts"); !strings.Contains(got, fmt.Sprintf("Open %d", len(open))) || !strings.Contains(got, "Escalated 1") {
		t.Errorf("counts by status: %q", got)
	}
	if got := text("table.alerts tbody"); !strings.Contains(got, "within SLA") {
		t.Errorf("no SLA badge on new alerts: %q", got)
	}
	atWidths("queue-sorted", "/ui/alerts?status=any&sort=score&all=1", "table.alerts", "")

	// Bulk false positive on the page, every alert selected: the open ones
	// wait for an approver, the escalated one is reported.
	run(t, ctx, "queue by score", chromedp.Navigate(ts.URL+"/ui/alerts?status=any&sort=score"), chromedp.WaitVisible(css("table.alerts")))
	submit("select all", chromedp.Click(css(`a[href$="all=1"]`)))
	run(t, ctx, "choose", chromedp.WaitVisible(css(`input[form="bulk"]:checked`)),
		chromedp.Click(css(`#bulk input[name="decision"][value="false_positive"]`)),
		chromedp.SendKeys(css("#bulk-reason"), "Namesakes: born in the 1980s, the listed person in 1952."))
	submit("bulk decide", chromedp.Click(css(`#bulk button[type="submit"]`)))
	run(t, ctx, "bulk result", chromedp.WaitVisible(css(".bulk-result")), shot("queue-bulk-result"))
	result := text(".bulk-result")
	if !strings.Contains(result, fmt.Sprintf("%d alerts decided", len(open))) || !strings.Contains(result, fmt.Sprintf("#%d: alert %d is escalated", escalated.ID, escalated.ID)) {
		t.Errorf("bulk result: %q", result)
	}
	for _, a := range open {
		got, err := ts.Store.Alert(bg, a.ID)
		if err != nil || got.Status != entity.AlertPending {
			t.Errorf("alert %d after the bulk decision: %v, %v; want pending approval", a.ID, got.Status, err)
		}
	}
	decided, err := ts.Store.SearchAudit(bg, store.AuditQuery{Actor: "anna", Action: chain.ActionAlertDecide})
	if err != nil || len(decided) != len(open) {
		t.Errorf("%d decide entries by anna, want one per alert (%d): %v", len(decided), len(open), err)
	}
	signOut()

	// Another approver approves one; a note and a file go on it.
	signIn("bob")
	id := open[0].ID
	alertURL := fmt.Sprintf("%s/ui/alerts/%d", ts.URL, id)
	run(t, ctx, "alert", chromedp.Navigate(alertURL), chromedp.WaitVisible(css("#approve-reason")), chromedp.SendKeys(css("#approve-reason"), "Agreed."))
	submit("approve", chromedp.Click(css(`form[action$="/approve"] button[type="submit"]:not([formaction])`)))
	if a, err := ts.Store.Alert(bg, id); err != nil || a.Status != entity.AlertFalsePositive {
		t.Errorf("approved alert: %v, %v", a.Status, err)
	}
	note := "Checked with the branch: <b>passport</b> copy on file, born 1981."
	run(t, ctx, "note", chromedp.SendKeys(css("#note-text"), note))
	submit("add the note", chromedp.Click(css(`form[action$="/notes"] button`)))
	file := filepath.Join(t.TempDir(), "passport check.txt")
	if err := os.WriteFile(file, []byte("passport 12345, born 1981-01-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "file", chromedp.SetUploadFiles(css("#note-file"), []string{file}))
	submit("attach", chromedp.Click(css(`form[action$="/attachments"] button`)))
	run(t, ctx, "attached", chromedp.WaitVisible(css(".case-notes a[download]")))
	history := text(".case-notes")
	if !strings.Contains(history, note) || !strings.Contains(history, "passport check.txt") || !strings.Contains(history, "text/plain; charset=utf-8") {
		t.Errorf("notes and files: %q", history)
	}
	download := get(t, ctx, "download", chromedp.Evaluate[string](`fetch(document.querySelector('.case-notes a[download]').href).then(r => r.text().then(b =>
		[r.headers.get("content-disposition"), r.headers.get("x-content-type-options"), b].join("|")))`, chromedp.EvalAwaitPromise))
	if want := `attachment; filename="passport check.txt"|nosniff|passport 12345, born 1981-01-01` + "\n"; download != want {
		t.Errorf("download: %q, want %q", download, want)
	}
	atWidths("alert-notes", fmt.Sprintf("/ui/alerts/%d", id), "#notes-h", "section.notes")
	signOut()

	// The admin filters the audit trail to bob's notes.
	signIn("ada")
	atWidths("audit", "/ui/audit", "#chain-h", "")
	run(t, ctx, "audit page", chromedp.Navigate(ts.URL+"/ui/audit"), chromedp.WaitVisible(css("#a-actor")),
		chromedp.SendKeys(css("#a-actor"), "bob"), chromedp.SetValue(css("#a-action"), chain.ActionNoteAdd))
	submit("filter the audit page", chromedp.Submit(css("#a-actor")))
	lines := evalString(`[...document.querySelectorAll(".audit-lines .line")].map(e => e.textContent).join("\n")`)
	if want := fmt.Sprintf("bob added a note to alert %d — '%s'", id, note); lines != want {
		t.Errorf("filtered audit lines:\n%s\nwant:\n%s", lines, want)
	}
	if url := evalString(`location.search`); !strings.Contains(url, "actor=bob") || !strings.Contains(url, "action=note.add") {
		t.Errorf("the filter is not in the URL: %s", url)
	}
	atWidths("audit-filtered", "/ui/audit?actor=bob", ".audit-lines", "")
	t.Logf("screenshots in %s", dir)
}
