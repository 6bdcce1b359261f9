package web

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// The end-to-end test drives the real server in headless Chromium: an
// analyst screens a customer and decides its alert, an approver approves
// it, and the customer screened again raises nothing (the allow-list). It
// saves screenshots of the main pages in $VETO_ARTIFACTS (default: a
// temporary folder).

// chromium finds a Chromium or Chrome binary. Without one the test is
// skipped, unless VETO_REQUIRE_BROWSER=1 (CI), when it fails.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium found (chromium, chromium-browser or google-chrome on $PATH): the browser test needs one (apt-get install chromium)"
	if os.Getenv("VETO_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg + "; VETO_REQUIRE_BROWSER=1 makes this a failure")
	}
	t.Skip(msg)
	return ""
}

// artifacts is the folder screenshots go to.
func artifacts(t *testing.T) string {
	dir := os.Getenv("VETO_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// run runs browser actions that return nothing, failing the test on
// an error.
func run(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// get runs an action that returns a value.
func get[T any](t *testing.T, ctx context.Context, step string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	return v
}

// css is a CSS selector.
type css = chromedp.CSS

// browse starts headless Chromium (exe) with a window of w × h pixels,
// and returns its context: the browser lives until timeout or the end of
// the test.
func browse(t *testing.T, exe string, w, h int, timeout time.Duration) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // root in a container has no user namespaces for the sandbox
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(w, h),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(actx)
	// The browser lives as long as the context of the first action.
	ctx, cancel := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() {
		cancel()
		cancelBrowser()
		cancelAlloc()
	})
	return ctx
}

// screenshot saves the whole page as dir/name.png.
func screenshot(dir, name string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		png, err := chromedp.FullScreenshot(100)(ctx, tg)
		if err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.Void{}, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
}

// signInAs signs in as the test user name on the server at base.
func signInAs(t *testing.T, ctx context.Context, base, name string) {
	t.Helper()
	run(t, ctx, "sign in as "+name,
		chromedp.Navigate(base+"/ui/alerts"),
		chromedp.WaitVisible(css("#password")),
		chromedp.SendKeys(css("#name"), name),
		chromedp.SendKeys(css("#password"), password),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css(`a[aria-current="page"][href="/ui/alerts"]`)),
	)
}

// signOutOf signs out with the button of the page shown.
func signOutOf(t *testing.T, ctx context.Context) {
	t.Helper()
	run(t, ctx, "sign out", chromedp.Click(css("form.who button")), chromedp.WaitVisible(css("#password")))
}

func TestBrowser(t *testing.T) {
	exe := chromium(t)
	dir := artifacts(t)
	ts := newTestServer(t, serverOptions{noCustomers: true})
	ctx := browse(t, exe, 1280, 900, 3*time.Minute)
	shot := func(name string) chromedp.Action[chromedp.Void] { return screenshot(dir, name) }
	text := func(sel string) string { t.Helper(); return get(t, ctx, "text of "+sel, chromedp.Text(css(sel))) }
	attr := func(sel, name string) string {
		t.Helper()
		return get(t, ctx, "attribute of "+sel, chromedp.AttributeValue(css(sel), name)).Value
	}
	evalString := func(js string) string { t.Helper(); return get(t, ctx, js, chromedp.Evaluate[string](js)) }
	signIn := func(name string) { t.Helper(); signInAs(t, ctx, ts.URL, name) }
	signOut := func() { t.Helper(); signOutOf(t, ctx) }

	// The analyst screens a customer with its ID: monitoring raises its
	// alerts.
	signIn("anna")
	run(t, ctx, "screen",
		chromedp.Navigate(ts.URL+"/ui/screen"),
		chromedp.SendKeys(css("#name"), "Vladimir Putin"),
		chromedp.SendKeys(css("#birthDate"), "1952-10-07"),
		chromedp.SendKeys(css("#customerId"), "CUST-9"),
		chromedp.Submit(css("#name")),
		chromedp.WaitVisible(css("#results-h")),
		shot("screen"),
	)
	if got := text(".results"); !strings.Contains(got, "Customer CUST-9 is monitored") || !strings.Contains(got, "new alert") {
		t.Fatalf("screening result: %s", got)
	}

	href := attr(`.monitor a[href^="/ui/alerts/"]`, "href")
	var id int64
	if _, err := fmt.Sscanf(href, "/ui/alerts/%d", &id); err != nil {
		t.Fatalf("alert link %q", href)
	}

	// screenAtWidths fills in the Screen form, screens, and saves the
	// result as name.png at 1280 px and name-390.png at 390 px; check
	// looks at each page.
	screenAtWidths := func(name string, check func(name string), fill ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		for _, w := range []struct {
			suffix        string
			width, height int64
		}{{"", 1280, 900}, {"-390", 390, 844}} {
			actions := append([]chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(w.width, w.height), chromedp.Navigate(ts.URL + "/ui/screen")}, fill...)
			run(t, ctx, name+w.suffix, append(actions, chromedp.Submit(css("#name")), chromedp.WaitVisible(css("#results-h")), shot(name+w.suffix))...)
			check(name + w.suffix)
			if get(t, ctx, "overflow", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`)) {
				t.Errorf("%s scrolls sideways", name+w.suffix)
			}
		}
	}
	// As of a date: the lists in force then (the demo's ofac-sdn and
	// ca-sema carry no publication date and were stored today, so they
	// are not), named with their versions, at both widths.
	screenAtWidths("screen-asof", func(name string) {
		if got := text(".results"); !strings.Contains(got, "as of 2025-06-01 23:59 UTC") || !strings.Contains(got, "Not screened") || !strings.Contains(got, "un-sc #") {
			t.Errorf("%s: the result does not say what it was screened against: %s", name, got)
		}
	}, chromedp.SendKeys(css("#name"), "Vladimir Putin"), chromedp.SetValue(css("#asOf"), "2025-06-01"))
	// A date of birth the server cannot read: the name is screened
	// anyway, and the page says it went without the date.
	screenAtWidths("screen-bad-dob", func(name string) {
		if got := text(".msg.warning"); !strings.Contains(got, "Screened without the date of birth") {
			t.Errorf("%s: warning %q", name, got)
		}
		if n := get(t, ctx, "hits", chromedp.Evaluate[int](`document.querySelectorAll("article.hit").length`)); n == 0 {
			t.Errorf("%s: no hit, the name was not screened", name)
		}
	}, chromedp.SendKeys(css("#name"), "Vladimir Putin"), chromedp.SendKeys(css("#birthDate"), "31.02.1952"))
	run(t, ctx, "wide again", chromedp.EmulateViewport(1280, 900))
	// Open the first alert.
	run(t, ctx, "open the alert",
		chromedp.Navigate(ts.URL+href),
		chromedp.WaitVisible(css("#why-h")),
		shot("alert"),
	)
	a, err := ts.Store.Alert(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	// One alert on Putin's subject names every listing he matched.
	if len(a.Members) < 2 {
		t.Fatalf("Putin's alert on %v, want his subject of several listings", a.Members)
	}
	if rows := get(t, ctx, "listings matched", chromedp.Evaluate[int](`document.querySelectorAll("#lst-h + div tbody tr").length`)); rows < 2 {
		t.Errorf("the alert page lists %d listings matched, want his %d", rows, len(a.Members))
	}
	// Decide it false positive, with a reason.
	run(t, ctx, "decide",
		chromedp.Click(css(`input[name="decision"][value="false_positive"]`)),
		chromedp.SendKeys(css("#decide-reason"), "Different person: the customer is a namesake born elsewhere."),
		chromedp.Submit(css("#decide-reason")),
		chromedp.WaitVisible(css(".msg.notice")),
	)
	if got := text(".msg.notice"); !strings.Contains(got, "decision is recorded") {
		t.Errorf("after deciding: %q", got)
	}
	// A POST from script without the CSRF token is refused.
	status := get(t, ctx, "fetch without CSRF", chromedp.Evaluate[int](fmt.Sprintf(
		`fetch("/ui/alerts/%d/assign", {method: "POST", body: new URLSearchParams({assignee: "me"})}).then(r => r.status)`, id),
		chromedp.EvalAwaitPromise))
	if status != 403 {
		t.Errorf("POST without CSRF token from the page: %d, want 403", status)
	}
	signOut()

	// The approver approves; the alert leaves the open queue.
	signIn("bob")
	run(t, ctx, "approve",
		chromedp.Navigate(fmt.Sprintf("%s/ui/alerts/%d", ts.URL, id)),
		chromedp.WaitVisible(css("#approve-reason")),
		chromedp.SendKeys(css("#approve-reason"), "Agreed: different date and place of birth."),
		chromedp.Click(css(`form[action$="/approve"] button[type="submit"]:not([formaction])`)),
		chromedp.WaitVisible(css(".msg.notice")),
	)
	if got := text(".msg.notice"); !strings.Contains(got, "Approved") {
		t.Errorf("after approving: %q", got)
	}
	run(t, ctx, "open queue", chromedp.Navigate(ts.URL+"/ui/alerts"), chromedp.WaitVisible(css("h1")))
	if get(t, ctx, "in queue", chromedp.Evaluate[bool](fmt.Sprintf(`!!document.querySelector('a[href="/ui/alerts/%d"]')`, id))) {
		t.Errorf("alert %d is still in the open queue after approval", id)
	}

	// Screened again with a changed field, the customer raises no new
	// alert for the allow-listed pair.
	run(t, ctx, "screen again",
		chromedp.Navigate(ts.URL+"/ui/screen"),
		chromedp.SendKeys(css("#name"), "Vladimir Putin"),
		chromedp.SendKeys(css("#birthDate"), "1952-10"),
		chromedp.SendKeys(css("#country"), "RU"),
		chromedp.SendKeys(css("#customerId"), "CUST-9"),
		chromedp.Submit(css("#name")),
		chromedp.WaitVisible(css(".monitor")),
	)
	if got := text(".monitor"); !strings.Contains(got, "No new alert") {
		t.Errorf("screened again: %q, want no new alert", got)
	}
	as, err := ts.Store.Alerts(context.Background(), store.AlertFilter{CustomerID: "CUST-9", EntityID: a.EntityID})
	if err != nil || len(as) != 1 || as[0].Status != entity.AlertFalsePositive {
		t.Errorf("alerts of the allow-listed pair: %+v, %v; want the one approved", as, err)
	}
	allow, err := ts.Store.AllowList(context.Background(), "CUST-9", a.EntityID, true)
	if err != nil || len(allow) != 1 {
		t.Errorf("allow-list: %+v, %v", allow, err)
	}

	// A second alert in the queue, for j to move to.
	if _, more, err := ts.Monitor.Put(context.Background(), []entity.Customer{{ID: "CUST-KB", Subject: entity.Subject{Name: "بشار الأسد"}}}); err != nil || len(more) == 0 {
		t.Fatalf("second customer: %d alerts, %v", len(more), err)
	}

	// Keyboard: the first Tab reaches the skip link; Tabs then reach the
	// first alert link, which shows a focus outline.
	run(t, ctx, "tab to the skip link",
		chromedp.Navigate(ts.URL+"/ui/alerts?status=any"),
		chromedp.WaitVisible(css("a.alert-link")),
		chromedp.KeyEvent(kb.Tab),
	)
	active := evalString(`document.activeElement.className`)
	if active != "skip" {
		t.Errorf("first Tab focuses %q, want the skip link", active)
	}
	for i := 0; i < 60 && active != "alert-link"; i++ {
		run(t, ctx, "tab", chromedp.KeyEvent(kb.Tab))
		active = evalString(`document.activeElement.className`)
	}
	if active != "alert-link" {
		t.Fatalf("Tab never reached an alert link")
	}
	outline := evalString(`(s => s.outlineStyle + " " + s.outlineWidth)(getComputedStyle(document.activeElement))`)
	if strings.HasPrefix(outline, "none") || strings.HasSuffix(outline, " 0px") {
		t.Errorf("focused alert link has no visible outline: %q", outline)
	}
	run(t, ctx, "focus shot", shot("queue-focus"))
	// j moves to the next alert (progressive enhancement).
	before := evalString(`document.activeElement.getAttribute("href")`)
	run(t, ctx, "j", chromedp.KeyEvent("j"))
	if after := evalString(`document.activeElement.getAttribute("href")`); after == before {
		t.Errorf("j did not move the focus from %s", before)
	}
	run(t, ctx, "queue", chromedp.Navigate(ts.URL+"/ui/alerts?status=any"), chromedp.WaitVisible(css("a.alert-link")), shot("queue"))

	// An Arabic name: screened, monitored, and its alert.
	run(t, ctx, "screen an Arabic name",
		chromedp.Navigate(ts.URL+"/ui/screen"),
		chromedp.SendKeys(css("#name"), "بشار الأسد"),
		chromedp.SendKeys(css("#customerId"), "CUST-AR"),
		chromedp.Submit(css("#name")),
		chromedp.WaitVisible(css("#results-h")),
		shot("screen-arabic"),
		chromedp.Click(css(`.monitor a[href^="/ui/alerts/"]`)),
		chromedp.WaitVisible(css("#why-h")),
		shot("alert-arabic"),
	)
	run(t, ctx, "lists", chromedp.Navigate(ts.URL+"/ui/lists"), chromedp.WaitVisible(css("h1")), shot("lists"))
	version := attr(`table a[href^="/ui/lists/versions/"]`, "href")
	run(t, ctx, "diff", chromedp.Navigate(ts.URL+version), chromedp.WaitVisible(css("h1")), shot("version"))

	// Narrow screen: the queue's table becomes cards, and no page
	// scrolls sideways.
	for _, p := range []struct{ name, path, wait string }{
		{"queue-390", "/ui/alerts?status=any", "a.alert-link"},
		{"alert-390", fmt.Sprintf("/ui/alerts/%d", id), "#why-h"},
		{"screen-390", "/ui/screen", "#name"},
	} {
		run(t, ctx, p.name, chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+p.path), chromedp.WaitVisible(css(p.wait)), shot(p.name))
		if get(t, ctx, "overflow", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`)) {
			t.Errorf("%s scrolls sideways at 390 px", p.path)
		}
	}
	run(t, ctx, "wide", chromedp.EmulateViewport(1280, 900))
	signOut()

	// The admin pages.
	signIn("ada")
	run(t, ctx, "users", chromedp.Navigate(ts.URL+"/ui/users"), chromedp.WaitVisible(css("#new-h")), shot("users"))
	run(t, ctx, "audit", chromedp.Navigate(ts.URL+"/ui/audit"), chromedp.WaitVisible(css("#chain-h")), shot("audit"))
	if got := text("#chain-h"); got != "Chain intact" {
		t.Errorf("audit chain: %q", got)
	}
	// Someone with the database file drops the trigger and rewrites the
	// record of the approval: the audit page says where the chain breaks
	// (veto audit verify does the same; see cmd/veto's tests).
	db := ts.Store.(interface{ DB() *sql.DB }).DB()
	var seq int64
	if err := db.QueryRow(`SELECT seq FROM audit_log WHERE action = 'alert.approve' ORDER BY seq LIMIT 1`).Scan(&seq); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TRIGGER audit_log_no_update`, fmt.Sprintf(`UPDATE audit_log SET actor = 'mallory' WHERE seq = %d`, seq)} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// The page shows the last verification, which went on from the
	// entry last verified: the button verifies the whole trail again.
	run(t, ctx, "audit after tampering", chromedp.Navigate(ts.URL+"/ui/audit"), chromedp.WaitVisible(css("#chain-h")))
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(css(`form[action="/ui/audit/verify"] button`))); err != nil {
		t.Fatalf("verify again: %v", err)
	}
	run(t, ctx, "verified", chromedp.WaitVisible(css(".msg.notice")), shot("audit-tampered"))
	if got := text("#chain-h"); got != "Chain BROKEN" {
		t.Errorf("audit chain after tampering: %q", got)
	}
	if got := text(".audit-lines li.broken .num"); got != fmt.Sprintf("#%d", seq) {
		t.Errorf("entry marked broken: %q, want #%d", got, seq)
	}
	if body := text("main"); !strings.Contains(body, fmt.Sprintf("entry %d: content altered", seq)) {
		t.Errorf("the audit page does not name entry %d as altered:\n%s", seq, body)
	}
	run(t, ctx, "sign-in page", chromedp.Click(css("form.who button")), chromedp.WaitVisible(css("#password")), shot("login"))
	t.Logf("screenshots in %s", dir)
}
