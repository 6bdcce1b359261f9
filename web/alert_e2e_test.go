package web

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/vetoscreen/veto/entity"
)

// The alert page in headless Chromium: a customer whose date of birth
// contradicts the listing sees the row marked differs; the keys choose a
// decision and move to the reason without submitting, and j moves along
// the queue; the listed entity's profile opens from the alert. Screenshots
// at 1280 and 390 px: alert-decide-*.png, entity-*.png.
func TestBrowserAlertDecision(t *testing.T) {
	exe := chromium(t)
	dir := artifacts(t)
	ts := newTestServer(t, serverOptions{noCustomers: true})
	customers := []entity.Customer{
		{ID: "C-DOB", Subject: entity.Subject{Name: "Vladimir Putin", BirthDate: "1972-01-01", Country: "RU", Gender: "male"}},
		{ID: "C-AR", Subject: entity.Subject{Name: "بشار الأسد", Country: "SY"}},
		{ID: "C-BY", Subject: entity.Subject{Name: "Alexander Lukashenko", BirthDate: "1954", Country: "BY"}},
	}
	if _, raised, err := ts.Monitor.Put(context.Background(), customers); err != nil || len(raised) < 3 {
		t.Fatalf("customers: %d alerts, %v", len(raised), err)
	}
	putin := ts.alertOf(t, "C-DOB")
	ctx := browse(t, exe, 1280, 900, 3*time.Minute)
	evalString := func(js string) string { t.Helper(); return get(t, ctx, js, chromedp.Evaluate[string](js)) }
	run(t, ctx, "sign in", signInOn(ts, "/ui/alerts", "anna")...)

	// The queue as sorted, which j and k follow on the alert pages.
	run(t, ctx, "queue", chromedp.Navigate(ts.URL+"/ui/alerts?status=any"), chromedp.WaitVisible(css("a.alert-link")))
	queue := get(t, ctx, "queue order", chromedp.Evaluate[[]string](`[...document.querySelectorAll("a.alert-link")].map(a => a.getAttribute("href"))`))
	here := fmt.Sprintf("/ui/alerts/%d", putin.ID)
	i := slices.Index(queue, here)
	if i < 0 || len(queue) < 3 {
		t.Fatalf("queue %v lacks %s", queue, here)
	}

	for _, w := range []struct{ width, height int64 }{{1280, 900}, {390, 844}} {
		run(t, ctx, "alert", chromedp.EmulateViewport(w.width, w.height), chromedp.Navigate(ts.URL+here), chromedp.WaitVisible(css("#cmp-h")),
			screenshot(dir, fmt.Sprintf("alert-decide-%d", w.width)))
		if get(t, ctx, "overflow", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`)) {
			t.Errorf("the alert page scrolls sideways at %d px", w.width)
		}
	}
	run(t, ctx, "wide", chromedp.EmulateViewport(1280, 900))
	// Born 1972, listed 1952-10-07: the row says so.
	row := evalString(`(r => r.className + " | " + r.textContent)([...document.querySelectorAll("table.compare tbody tr")].find(r => r.querySelector("th").textContent === "Date of birth"))`)
	if !strings.HasPrefix(row, "row-differs") || !strings.Contains(row, "differs") || !strings.Contains(row, "1972-01-01") || !strings.Contains(row, "1952-10-07") {
		t.Errorf("date of birth row: %q, want differs with both dates", row)
	}
	if got := evalString(`document.querySelector(".tally").textContent`); !strings.Contains(got, "1 differs") {
		t.Errorf("tally %q, want 1 differs", got)
	}
	// The country agrees.
	if row := evalString(`[...document.querySelectorAll("table.compare tbody tr")].find(r => r.querySelector("th").textContent === "Nationality / country").className`); row != "row-agrees" {
		t.Errorf("country row %q, want agrees", row)
	}

	// f: false positive chosen, the reason focused, nothing submitted.
	run(t, ctx, "f", chromedp.KeyEvent("f"))
	if got := evalString(`document.activeElement.id + " " + document.querySelector('input[name="decision"]:checked').value`); got != "decide-reason false_positive" {
		t.Errorf("after f: focus and decision %q, want decide-reason false_positive", got)
	}
	if got := evalString(`location.pathname + location.search`); got != here {
		t.Errorf("after f the page is %s: the key submitted", got)
	}
	// Typed in the reason, letters are text, not keys.
	run(t, ctx, "type", chromedp.KeyEvent("jet"))
	if got := evalString(`document.activeElement.value + " " + location.pathname`); got != "jet "+here {
		t.Errorf("typing in the reason: %q", got)
	}
	// t and e choose the others.
	for key, want := range map[string]string{"t": "true_match", "e": "escalate"} {
		run(t, ctx, "blur", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent(key))
		if got := evalString(`document.activeElement.id + " " + document.querySelector('input[name="decision"]:checked').value`); got != "decide-reason "+want {
			t.Errorf("after %s: %q, want decide-reason %s", key, got, want)
		}
	}
	// j: the next alert of the queue; k back.
	next, prev := "", ""
	if i+1 < len(queue) {
		next = queue[i+1]
	}
	if i > 0 {
		prev = queue[i-1]
	}
	if next != "" {
		run(t, ctx, "j", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent("j"), chromedp.WaitVisible(css("#cmp-h")))
		if got := evalString(`location.pathname`); got != next {
			t.Errorf("j went to %s, want the next alert %s", got, next)
		}
		run(t, ctx, "k", chromedp.KeyEvent("k"), chromedp.WaitVisible(css("#cmp-h")))
		if got := evalString(`location.pathname`); got != here {
			t.Errorf("k went to %s, want back to %s", got, here)
		}
	}
	if nav := evalString(`document.querySelector("nav.queue-nav").textContent`); !strings.Contains(nav, fmt.Sprintf("Alert %d of %d", i+1, len(queue))) || (prev != "") != strings.Contains(nav, "Previous") {
		t.Errorf("queue navigation %q", nav)
	}

	// Times in the reader's locale, ISO on hover.
	tm := evalString(`(t => t.title + " | " + t.textContent)(document.querySelector("time.local"))`)
	if iso, shown, _ := strings.Cut(tm, " | "); !regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`).MatchString(iso) || strings.Contains(shown, "UTC") {
		t.Errorf("time: %q, want the ISO form in the title and the locale's in the text", tm)
	}

	// The listed entity's profile, from the comparison's header.
	run(t, ctx, "open the entity", chromedp.Click(css(`table.compare thead a[href^="/ui/entities/"]`)), chromedp.WaitVisible(css("#hist-h")))
	if got := evalString(`location.pathname`); got != "/ui/entities/"+putin.EntityID {
		t.Errorf("entity link went to %s, want %s", got, putin.EntityID)
	}
	body := evalString(`document.querySelector("main").innerText`)
	for _, want := range []string{putin.EntityID, "Names", "primary name", "Date of birth", "1952-10-07", "Version history", "Added"} {
		if !strings.Contains(body, want) {
			t.Errorf("entity page lacks %q:\n%s", want, body)
		}
	}
	if sub := ts.Keeper.Snapshot().SubjectOf(putin.EntityID); !strings.Contains(evalString(`[...document.querySelectorAll("a")].map(a => a.getAttribute("href")).join(" ")`), "/ui/subjects/"+sub) {
		t.Errorf("entity page does not link its subject %s", sub)
	}
	for _, w := range []struct{ width, height int64 }{{1280, 900}, {390, 844}} {
		run(t, ctx, "entity", chromedp.EmulateViewport(w.width, w.height), chromedp.Reload(), chromedp.WaitVisible(css("#hist-h")),
			screenshot(dir, fmt.Sprintf("entity-%d", w.width)))
		if get(t, ctx, "overflow", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`)) {
			t.Errorf("the entity page scrolls sideways at %d px", w.width)
		}
	}
	t.Logf("screenshots in %s", dir)
}
