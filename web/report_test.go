package web

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/report/reporttest"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/store"
)

// decided has anna decide the alert of customer a true match and bob
// approve it, and returns the alert.
func (ts *testServer) decided(t testing.TB, customer string) entity.Alert {
	t.Helper()
	ctx := context.Background()
	a := ts.alertOf(t, customer)
	rv := review.New(ts.Store, nil)
	anna, bob := &testUsers[1], &testUsers[2]
	if _, err := rv.Decide(ctx, anna, a.ID, entity.DecisionTrueMatch, "same person: name and date of birth"); err != nil {
		t.Fatal(err)
	}
	if _, err := rv.Approve(ctx, bob, a.ID, "agreed"); err != nil {
		t.Fatal(err)
	}
	return a
}

// lastAudit returns the newest audit entry.
func (ts *testServer) lastAudit(t testing.TB) entity.AuditEntry {
	t.Helper()
	es, err := ts.Store.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil || len(es) == 0 {
		t.Fatalf("audit: %v %v", es, err)
	}
	return es[len(es)-1]
}

func TestReportPages(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	a := ts.decided(t, "C-1")
	b := ts.signedIn(t, "anna")
	base := fmt.Sprintf("/ui/alerts/%d/report", a.ID)
	for _, tc := range []struct {
		path, contentType, disposition string
	}{
		{base, "text/html; charset=utf-8", ""},
		{base + ".pdf", "application/pdf", fmt.Sprintf(`attachment; filename="veto-alert-%d.pdf"`, a.ID)},
	} {
		t.Run(tc.path, func(t *testing.T) {
			p := b.get(tc.path)
			if p.Status != http.StatusOK || p.Header.Get("Content-Type") != tc.contentType || p.Header.Get("Content-Disposition") != tc.disposition {
				t.Fatalf("GET %s: %d %v", tc.path, p.Status, p.Header)
			}
			// The report given is the report on the trail.
			sum := sha256.Sum256([]byte(p.Body))
			e := ts.lastAudit(t)
			if e.Action != chain.ActionReportExport || e.Actor != "anna" || e.Subject != fmt.Sprintf("alert/%d", a.ID) ||
				!strings.Contains(string(e.Data), hex.EncodeToString(sum[:])) {
				t.Errorf("last audit entry %+v, want the export of %x", e, sum)
			}
		})
	}
	t.Run("HTML", func(t *testing.T) {
		p := b.get(base)
		csp := p.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "style-src 'sha256-") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "script-src") {
			t.Errorf("CSP %q", csp)
		}
		for _, want := range []string{a.List + "@" + strconv.FormatInt(a.VersionID, 10), "Approved by", "bob", "true match", "@media print", "veto audit export", base + ".pdf"} {
			if !strings.Contains(p.Body, want) {
				t.Errorf("report lacks %q", want)
			}
		}
	})
	t.Run("AlertPageLinks", func(t *testing.T) {
		p := b.get(fmt.Sprintf("/ui/alerts/%d", a.ID))
		if !strings.Contains(p.Body, `href="`+base+`"`) || !strings.Contains(p.Body, `href="`+base+`.pdf"`) {
			t.Errorf("the alert page does not link its report")
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		for _, path := range []string{"/ui/alerts/999999/report", "/ui/alerts/x/report.pdf"} {
			if p := b.get(path); p.Status != http.StatusNotFound {
				t.Errorf("GET %s: %d", path, p.Status)
			}
		}
	})
	t.Run("SignedOut", func(t *testing.T) {
		if p := ts.browser(t).get(base + ".pdf"); p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Header.Get("Location"), "/ui/login") {
			t.Errorf("signed out: %d %v", p.Status, p.Header)
		}
	})
	t.Run("Screening", func(t *testing.T) {
		form := url.Values{"csrf": {b.csrf("/ui/screen")}, "name": {"Владимир Путин"}, "birthDate": {"1952"}, "customerId": {"C-9"}}
		p := b.post("/ui/screen/report.pdf", form)
		if p.Status != http.StatusOK || p.Header.Get("Content-Type") != "application/pdf" {
			t.Fatalf("POST /ui/screen/report.pdf: %d %s", p.Status, p.Body)
		}
		text := reporttest.Text(t, []byte(p.Body))
		wants := []string{"Владимир Путин", "C-9", "1952", "Lists screened against", "report.export"}
		for _, ref := range ts.Keeper.Snapshot().Refs() {
			wants = append(wants, ref.String()) // un-sc@2, as results name versions
		}
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("screening report lacks %q:\n%s", want, text)
			}
		}
		// Recorded with its hash, without the name screened.
		sum := sha256.Sum256([]byte(p.Body))
		if e := ts.lastAudit(t); e.Action != chain.ActionReportExport || e.Subject != "ui/screen" ||
			!strings.Contains(string(e.Data), hex.EncodeToString(sum[:])) || strings.Contains(string(e.Data), "Путин") {
			t.Errorf("last audit entry %+v", e)
		}
		// The customer ID is reported, not monitored.
		if _, err := ts.Store.Customer(context.Background(), "C-9"); err == nil {
			t.Error("the report stored the customer")
		}
		if p := b.post("/ui/screen/report.pdf", url.Values{"csrf": form["csrf"], "name": {"x"}, "threshold": {"7"}}); p.Status != http.StatusBadRequest {
			t.Errorf("bad threshold: %d", p.Status)
		}
	})
}

// TestReportBrowser downloads the PDF from the alert page in Chromium and
// reads its text; it saves screenshots of the HTML report at 1280 and
// 390 px, and its print rendering (Chromium's PDF of the page, first page
// as PNG).
func TestReportBrowser(t *testing.T) {
	exe := chromium(t)
	dir := artifacts(t)
	ts := newTestServer(t, serverOptions{})
	a := ts.decided(t, "C-1")
	ctx := browse(t, exe, 1280, 900, 2*time.Minute)
	run(t, ctx, "sign in",
		chromedp.Navigate(ts.URL+fmt.Sprintf("/ui/alerts/%d", a.ID)),
		chromedp.WaitVisible(css("#password")),
		chromedp.SendKeys(css("#name"), "carl"),
		chromedp.SendKeys(css("#password"), password),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css(".report-links")),
	)
	// The PDF as the alert page's link downloads it, with the session.
	b64 := get(t, ctx, "download the PDF", chromedp.Evaluate[string](`fetch(document.querySelector('.report-links a[href$=".pdf"]').href)
		.then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
		.then(b => { let s = ""; for (const c of new Uint8Array(b)) s += String.fromCharCode(c); return btoa(s); })`, chromedp.EvalAwaitPromise))
	pdf, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	text := reporttest.Text(t, pdf)
	for _, want := range []string{a.List + "@" + strconv.FormatInt(a.VersionID, 10), "true match", "Approved by", "bob", a.Customer.Name} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF downloaded lacks %q:\n%s", want, text)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "report-alert.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	reporttest.FirstPage(t, pdf, dir, "report-alert-pdf")

	run(t, ctx, "open the printable report", chromedp.Click(css(`.report-links a[href$="/report"]`)), chromedp.WaitVisible(css("#audit-h")),
		screenshot(dir, "report-html"))
	if n := get(t, ctx, "audit rows", chromedp.Evaluate[int](`document.querySelectorAll("table.audit tbody tr").length`)); n < 2 {
		t.Errorf("%d audit rows, want the decision and the approval", n)
	}
	run(t, ctx, "narrow", chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(css("#audit-h")), screenshot(dir, "report-html-390"))
	if get(t, ctx, "overflow", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`)) {
		t.Errorf("the report scrolls sideways at 390 px")
	}
	printed := get(t, ctx, "print", chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if strings.Contains(reporttest.Text(t, printed), "Download PDF") {
		t.Errorf("the printed report shows the screen's toolbar")
	}
	reporttest.FirstPage(t, printed, dir, "report-html-print")
}
