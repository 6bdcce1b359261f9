package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/vetoscreen/veto/store"
)

// The accessibility check runs axe-core (npm package axe-core, installed
// in tools/axe by `npm ci`, as .ci/run does) in headless Chromium on a
// page, and fails on every serious or critical violation of WCAG 2.1 A
// and AA and axe's best practices.

// axePath is axe-core's browser build, from the package's folder.
var axePath = filepath.Join("..", "tools", "axe", "node_modules", "axe-core", "axe.min.js")

var axeSource = sync.OnceValues(func() ([]byte, error) { return os.ReadFile(axePath) })

// axeScript returns axe-core's source. Without it the test is skipped,
// unless VETO_REQUIRE_BROWSER=1 (CI), when it fails.
func axeScript(t *testing.T) string {
	t.Helper()
	src, err := axeSource()
	if err == nil {
		return string(src)
	}
	msg := fmt.Sprintf("no axe-core (%v): run `npm ci` in tools/axe for the accessibility check", err)
	if os.Getenv("VETO_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg + "; VETO_REQUIRE_BROWSER=1 makes this a failure")
	}
	t.Skip(msg)
	return ""
}

// axeViolation is a rule a page breaks, with the elements that break it.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []string
}

// axeRun runs axe on the document and returns its serious and critical
// violations.
const axeRun = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}, resultTypes: ["violations"]})
  .then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)})))`

// checkA11y runs axe-core on the page the browser shows (page names it in
// failures) and fails the test on any serious or critical violation.
// Other tests call it on the pages they add.
func checkA11y(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	for _, v := range axeViolations(t, ctx, page) {
		t.Errorf("%s: accessibility (%s) %s: %s\n  %s", page, v.Impact, v.ID, v.Help, strings.Join(v.Nodes, "\n  "))
	}
}

// axeViolations injects axe-core into the page, once, and returns the
// serious and critical violations it finds.
func axeViolations(t *testing.T, ctx context.Context, page string) []axeViolation {
	t.Helper()
	src := axeScript(t)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("typeof axe === 'object' || (0, eval)("+jsString(src)+") || true")); err != nil {
		t.Fatalf("%s: injecting axe-core: %v", page, err)
	}
	return get(t, ctx, page+": axe", chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise))
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\u2028', '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// The harness finds what it is for: a page given an image without a
// text alternative and a field without a label fails.
func TestA11yFindsViolations(t *testing.T) {
	exe := chromium(t)
	axeScript(t)
	ts := newTestServer(t, serverOptions{noCustomers: true})
	ctx := browse(t, exe, 1280, 900, time.Minute)
	run(t, ctx, "login page", chromedp.Navigate(ts.URL+"/ui/login"), chromedp.WaitVisible(css("#password")))
	if vs := axeViolations(t, ctx, "login"); len(vs) != 0 {
		t.Fatalf("the login page as served: %+v", vs)
	}
	run(t, ctx, "break it", chromedp.Evaluate[chromedp.Void](`document.querySelector("main").insertAdjacentHTML("beforeend", '<img src="/ui/static/none.png"><input type="text">')`))
	var ids []string
	for _, v := range axeViolations(t, ctx, "login, broken") {
		ids = append(ids, v.ID)
	}
	if got := strings.Join(ids, " "); !strings.Contains(got, "image-alt") || !strings.Contains(got, "label") {
		t.Errorf("violations %q, want image-alt and label", got)
	}
}

// TestA11y checks every page of the UI with axe-core, signed in as an
// admin (who sees every page), at a desktop and a phone's width, and saves
// a screenshot of each (page-NAME-WIDTH.png) for a person to look at.
func TestA11y(t *testing.T) {
	exe := chromium(t)
	axeScript(t)
	dir := artifacts(t)
	ts := newTestServer(t, serverOptions{})
	a := ts.alertOf(t, "C-1")
	vs, err := ts.Store.Versions(context.Background(), store.VersionFilter{})
	if err != nil || len(vs) == 0 {
		t.Fatalf("versions: %v %v", vs, err)
	}
	subject := ts.Keeper.Snapshot().SubjectOf(a.EntityID)
	pages := []struct{ name, path, wait string }{
		{"alerts", "/ui/alerts?status=any", "a.alert-link"},
		{"alert", fmt.Sprintf("/ui/alerts/%d", a.ID), "#cmp-h"},
		{"entity", "/ui/entities/" + a.EntityID, "#hist-h"},
		{"subjects", "/ui/subjects", "h1"},
		{"subject", "/ui/subjects/" + subject, "#members-h"},
		{"customers", "/ui/customers", "h1"},
		{"customer", "/ui/customers/C-1", "h1"},
		{"lists", "/ui/lists", "h1"},
		{"version", fmt.Sprintf("/ui/lists/versions/%d", vs[0].ID), "h1"},
		{"users", "/ui/users", "#new-h"},
		{"audit", "/ui/audit", "#chain-h"},
	}
	for _, w := range []struct{ width, height int64 }{{1280, 900}, {390, 844}} {
		ctx := browse(t, exe, int(w.width), int(w.height), 3*time.Minute)
		at := func(name string) string { return fmt.Sprintf("%s at %d px", name, w.width) }
		run(t, ctx, "login page", chromedp.EmulateViewport(w.width, w.height), chromedp.Navigate(ts.URL+"/ui/login"), chromedp.WaitVisible(css("#password")))
		checkA11y(t, ctx, at("login"))
		run(t, ctx, "sign in", signInOn(ts, "/ui/screen", "ada")...)
		checkA11y(t, ctx, at("screen"))
		run(t, ctx, "screen",
			chromedp.SendKeys(css("#name"), "Vladimir Putin"),
			chromedp.SendKeys(css("#birthDate"), "1952-10-07"),
			chromedp.Submit(css("#name")),
			chromedp.WaitVisible(css("#results-h")))
		run(t, ctx, "results shot", screenshot(dir, fmt.Sprintf("page-screen-results-%d", w.width)))
		checkA11y(t, ctx, at("screen results"))
		for _, p := range pages {
			run(t, ctx, p.name, chromedp.Navigate(ts.URL+p.path), chromedp.WaitVisible(css(p.wait)),
				screenshot(dir, fmt.Sprintf("page-%s-%d", p.name, w.width)))
			checkA11y(t, ctx, at(p.name))
			if get(t, ctx, "overflow", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`)) {
				t.Errorf("%s scrolls sideways", at(p.name))
			}
		}
	}
}
