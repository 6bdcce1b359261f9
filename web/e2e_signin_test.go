package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The sign-in page, its error pages and a signed-in page, in a phone's
// width, while the last refresh of the lists has failed: nothing scrolls
// sideways, and nothing before sign-in tells of the failure.
func TestBrowserNarrowSignIn(t *testing.T) {
	exe := chromium(t)
	dir := artifacts(t)
	ts := newFailedRefreshServer(t)
	ctx := browse(t, exe, 390, 844, 2*time.Minute)
	shot := func(name string) chromedp.Action[chromedp.Void] { return screenshot(dir, name) }
	check := func(name string, signedIn bool) {
		t.Helper()
		run(t, ctx, name, shot(name))
		if w := get(t, ctx, "scroll width", chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > 390 {
			t.Errorf("%s: scroll width %d px at a 390 px window: the page scrolls sideways", name, w)
		}
		body := get(t, ctx, "body text", chromedp.Text(css("body")))
		if !signedIn {
			for _, s := range internals {
				if strings.Contains(body, s) {
					t.Errorf("%s shows %q before sign-in", name, s)
				}
			}
		}
	}
	run(t, ctx, "sign-in page", chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+"/ui/alerts"), chromedp.WaitVisible(css("#password")))
	check("login-390", false)
	run(t, ctx, "wrong password",
		chromedp.SendKeys(css("#name"), "anna"),
		chromedp.SendKeys(css("#password"), "not the password"),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css(".msg.error")),
	)
	check("login-wrong-390", false)
	run(t, ctx, "no such page", chromedp.Navigate(ts.URL+"/ui/no-such-page"), chromedp.WaitVisible(css("h1")))
	check("notfound-390", false)
	run(t, ctx, "sign in",
		chromedp.Navigate(ts.URL+"/ui/login"),
		chromedp.WaitVisible(css("#password")),
		chromedp.SendKeys(css("#name"), "ada"),
		chromedp.SendKeys(css("#password"), password),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css(`a[aria-current="page"][href="/ui/alerts"]`)),
	)
	check("alerts-refresh-failed-390", true)
	run(t, ctx, "lists", chromedp.Navigate(ts.URL+"/ui/lists"), chromedp.WaitVisible(css("h1")))
	check("lists-refresh-failed-390", true)
	t.Logf("screenshots in %s", dir)
}
