package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// addAkhunds stores a list of two listings of the Taliban's Mohammad
// Hassan AKHUND, each with another year of birth and neither a full
// date: both are possibly the same as the subject of his UN, UK and EU
// listings in the demo lists, and the keeper serves them.
func addAkhunds(t *testing.T, ts *testServer) {
	t.Helper()
	ctx := context.Background()
	person := func(id, year string) *entity.Entity {
		d, err := entity.ParseDateRange(year)
		if err != nil {
			t.Fatal(err)
		}
		return &entity.Entity{ID: id, List: "us-test", Schema: entity.Person, Gender: "male",
			Names: []entity.Name{{Full: "AKHUND, Mohammad Hassan", Kind: entity.Primary}}, BirthDates: []entity.DateRange{d}}
	}
	v := store.NewVersion{Version: entity.ListVersion{List: "us-test", Publisher: "us", Format: "test", Hash: strings.Repeat("a1", 32),
		Published: time.Now().UTC(), PublishedFrom: "file", Source: []string{"test"}, FetchedAt: time.Now().UTC()},
		Entities: []*entity.Entity{person("us-1", "1955"), person("us-2", "1958")}}
	if _, err := ts.Store.AddVersion(ctx, v); err != nil {
		t.Fatal(err)
	}
	if err := ts.Keeper.Reload(ctx, true); err != nil {
		t.Fatal(err)
	}
}

var subjectLink = regexp.MustCompile(`href="/ui/subjects/(vs-[0-9a-f]+)"`)

func TestSubjectPages(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true})
	addAkhunds(t, ts)
	b := ts.signedIn(t, "anna")
	queue := b.get("/ui/subjects")
	checkPage(t, queue)
	links := subjectLink.FindAllStringSubmatch(queue.Body, -1)
	if queue.Status != 200 || len(links) != 4 || !strings.Contains(queue.Body, "2 pairs of subjects") {
		t.Fatalf("queue: %d, subjects %v\n%s", queue.Status, links, queue.Body)
	}
	akhund := links[0][1] // of the UN, UK and EU listings: the larger
	other := links[1][1]
	path := "/ui/subjects/" + akhund
	decisions := func() []entity.SubjectDecision {
		t.Helper()
		ds, err := ts.Store.SubjectDecisions(context.Background(), false)
		if err != nil {
			t.Fatal(err)
		}
		return ds
	}
	pages := []struct {
		path   string
		status int
		want   string
	}{
		{path, 200, "no shared full date of birth"},
		{"/ui/subjects/un-TAi.002", 200, akhund},
		{"/ui/subjects/nobody", 404, "no subject or listing &#34;nobody&#34;"},
		{"/ui/subjects?id=us-1", 303, ""},
	}
	for _, tc := range pages {
		p := b.get(tc.path)
		if p.Status != tc.status || !strings.Contains(p.Body, tc.want) {
			t.Errorf("GET %s: %d, want %d with %q:\n%s", tc.path, p.Status, tc.status, tc.want, p.Body)
		}
		if p.Status == 200 {
			checkPage(t, p)
		}
	}
	page := b.get(path)
	for _, want := range []string{"Listings and the evidence that joined them", "cross-reference", "Possibly the same", `value="merge"`, `value="not-same"`, "Split a listing off"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("subject page lacks %q", want)
		}
	}
	csrf := b.csrf(path)
	refused := []struct {
		name   string
		form   url.Values
		status int
		want   string
	}{
		{"no note", url.Values{"kind": {"merge"}, "other": {other}}, 400, "say why"},
		{"an unknown subject", url.Values{"kind": {"merge"}, "other": {"vs-000000000000"}, "note": {"x"}}, 400, "vs-000000000000"},
		{"an unknown kind", url.Values{"kind": {"join"}, "other": {other}, "note": {"x"}}, 400, "join"},
		{"split of the whole subject", url.Values{"kind": {"alone"}, "other": {akhund}, "note": {"x"}}, 400, "name a listing"},
	}
	for _, tc := range refused {
		tc.form.Set("csrf", csrf)
		p := b.post(path+"/decide", tc.form)
		if p.Status != tc.status || !strings.Contains(p.Body, tc.want) {
			t.Errorf("%s: %d, want %d with %q:\n%s", tc.name, p.Status, tc.status, tc.want, p.Body)
		}
	}
	if ds := decisions(); len(ds) != 0 {
		t.Fatalf("refused decisions stored: %+v", ds)
	}
	p := b.post(path+"/decide", url.Values{"csrf": {csrf}, "kind": {"not-same"}, "other": {other}, "note": {"born 1955, not 1956"}})
	if p.Status != http.StatusSeeOther || !strings.Contains(p.Header.Get("Location"), "done=decided") {
		t.Fatalf("not-same: %d %s\n%s", p.Status, p.Header.Get("Location"), p.Body)
	}
	after := b.get(p.Header.Get("Location"))
	if !strings.Contains(after.Body, "Decision 1: not-same") || strings.Contains(after.Body, `value="`+other+`"`) || !strings.Contains(after.Body, "born 1955") {
		t.Errorf("after not-same:\n%s", after.Body)
	}
	ds := decisions()
	if len(ds) != 1 || ds[0].Actor != "anna" || ds[0].Kind != entity.DecisionNotSame || len(ds[0].Sides[0]) < 3 || ds[0].Sides[1][0] != "us-1" && ds[0].Sides[1][0] != "us-2" {
		t.Fatalf("stored %+v", ds)
	}
	// Revoked from the page: the pair is queued again.
	p = b.post("/ui/subjects/decisions/1/revoke", url.Values{"csrf": {csrf}, "subject": {"un-TAi.002"}, "note": {"wrong pair"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("revoke: %d\n%s", p.Status, p.Body)
	}
	if again := b.get(path); !strings.Contains(again.Body, `value="`+other+`"`) {
		t.Errorf("after the revocation the pair is not queued")
	}
	if p := b.post("/ui/subjects/decisions/1/revoke", url.Values{"csrf": {csrf}, "subject": {"un-TAi.002"}}); p.Status != http.StatusConflict {
		t.Errorf("revoking twice: %d", p.Status)
	}
	es, err := ts.Store.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range es {
		if strings.HasPrefix(e.Action, "subject.") {
			actions = append(actions, e.Action+" "+e.Actor+" "+e.Subject)
		}
	}
	if want := []string{chain.ActionSubjectDecide + " anna subject-decision/1", chain.ActionSubjectRevoke + " anna subject-decision/1"}; strings.Join(actions, ",") != strings.Join(want, ",") {
		t.Errorf("audit %v, want %v", actions, want)
	}
}

// The subject pages resolve the demo dataset too, which the store does
// not hold.
func TestSubjectsOnDemoData(t *testing.T) {
	ts := newTestServer(t, serverOptions{demoFallback: true, noCustomers: true})
	b := ts.signedIn(t, "anna")
	if p := b.get("/ui/subjects"); p.Status != 200 || !strings.Contains(p.Body, "listings of the lists served group into") {
		t.Errorf("demo subjects: %d\n%s", p.Status, p.Body)
	}
	if p := b.get("/ui/subjects/ofac-990001"); p.Status != 200 || !strings.Contains(p.Body, "uk-RUS9901") {
		t.Errorf("Lavrov: %d\n%s", p.Status, p.Body)
	}
}

// An analyst merges two subjects in the browser, and the page shows the
// decision that placed the listing; screenshots at 1280 and 390 pixels.
func TestBrowserSubjects(t *testing.T) {
	exe := chromium(t)
	dir := artifacts(t)
	ts := newTestServer(t, serverOptions{noCustomers: true})
	addAkhunds(t, ts)
	ctx := browse(t, exe, 1280, 900, 2*time.Minute)
	shot := func(name string) chromedp.Action[chromedp.Void] { return screenshot(dir, name) }
	text := func(sel string) string { t.Helper(); return get(t, ctx, "text of "+sel, chromedp.Text(css(sel))) }
	run(t, ctx, "sign in", append(signInOn(ts, "/ui/subjects", "anna"),
		shot("subjects-1280"),
		chromedp.EmulateViewport(390, 844),
		shot("subjects-390"),
		chromedp.EmulateViewport(1280, 900),
		chromedp.Click(css("table.stack tbody tr:first-child td:nth-child(2) a")),
		chromedp.WaitVisible(css("#members-h")),
		shot("subject-1280"),
		chromedp.EmulateViewport(390, 844),
		shot("subject-390"),
		chromedp.EmulateViewport(1280, 900),
	)...)
	if got := text("main"); !strings.Contains(got, "un-TAi.002") || !strings.Contains(got, "Possibly the same") {
		t.Fatalf("subject page: %s", got)
	}
	run(t, ctx, "merge the first possible subject",
		chromedp.SendKeys(css("#note-0"), "same passport on the court record"),
		chromedp.Click(css(`form.possible button[value="merge"]`)),
		chromedp.WaitVisible(css(`.msg.notice`)),
		shot("subject-merged-1280"),
	)
	got := text("main")
	for _, want := range []string{"Your decision is recorded", "Decision 1: merge", "analyst with", "decision 1 by anna (same passport on the court record)"} {
		if !strings.Contains(got, want) {
			t.Errorf("after the merge the page lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "us-test"); n < 1 {
		t.Errorf("the merged listing is not shown:\n%s", got)
	}
	t.Logf("screenshots in %s", dir)
}

// The Screen page shows a subject listed on several lists as one row,
// naming each listing that matched; screenshots at 1280 and 390 pixels.
func TestBrowserScreenBySubject(t *testing.T) {
	exe := chromium(t)
	dir := artifacts(t)
	ts := newTestServer(t, serverOptions{noCustomers: true})
	ctx := browse(t, exe, 1280, 900, 2*time.Minute)
	run(t, ctx, "sign in", signInOn(ts, "/ui/screen", "anna")...)
	lavrov := ts.Keeper.Snapshot().SubjectOf("ofac-990001")
	for _, w := range []struct {
		suffix        string
		width, height int64
	}{{"1280", 1280, 900}, {"390", 390, 844}} {
		run(t, ctx, "screen at "+w.suffix,
			chromedp.EmulateViewport(w.width, w.height),
			chromedp.Navigate(ts.URL+"/ui/screen"),
			chromedp.SendKeys(css("#name"), "Sergei Lavrov"),
			chromedp.Submit(css("#name")),
			chromedp.WaitVisible(css("#results-h")),
			screenshot(dir, "screen-subject-"+w.suffix),
		)
		rows := get(t, ctx, "rows", chromedp.Evaluate[int](`[...document.querySelectorAll("article.hit")].filter(a => a.textContent.includes("`+lavrov+`")).length`))
		listings := get(t, ctx, "listings", chromedp.Evaluate[[]string](`[...document.querySelectorAll("article.hit table.matched tbody td.id")].map(td => td.textContent)`))
		slices.Sort(listings)
		if rows != 1 || !slices.Equal(listings, []string{"au-99004", "ca-russia-1-part-1-9902", "eu-990001", "ofac-990001", "uk-RUS9901"}) {
			t.Errorf("%s px: %d rows of subject %s, listings %v", w.suffix, rows, lavrov, listings)
		}
		if get(t, ctx, "overflow", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`)) {
			t.Errorf("%s px: the page scrolls sideways", w.suffix)
		}
	}
}

// signInOn are the browser actions that open page, sign in as user on
// the form it shows, and wait for the page, its tab current.
func signInOn(ts *testServer, page, user string) []chromedp.Action[chromedp.Void] {
	return []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(ts.URL + page),
		chromedp.WaitVisible(css("#password")),
		chromedp.SendKeys(css("#name"), user),
		chromedp.SendKeys(css("#password"), password),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css(`a[aria-current="page"][href="` + page + `"]`)),
	}
}
