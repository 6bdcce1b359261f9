package web

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"

	"github.com/chromedp/chromedp"
)

// fileTimeServer serves the demo lists with ofac-sdn replaced by a
// version whose file carried no date, imported from a 2024 file: its
// publish date is the file's time.
func fileTimeServer(t *testing.T) *testServer {
	t.Helper()
	ts := newTestServer(t, serverOptions{noCustomers: true})
	ctx := context.Background()
	vs, err := demoVersions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Version.List != "ofac-sdn" {
			continue
		}
		v.Version.Published, v.Version.PublishedFrom = time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC), entity.PublishedFromFileTime
		v.Version.Hash = strings.Repeat("ab", 32)
		v.Version.FetchedAt = time.Now().UTC()
		v.Force = true
		if _, err := ts.Store.AddVersion(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := ts.Keeper.Reload(ctx, false); err != nil {
		t.Fatal(err)
	}
	return ts
}

// A version dated by its file's time says its publish date is unknown,
// on the lists page and in the banner, where its age is neither fresh
// nor old.
func TestFileTimeIsNoPublishDate(t *testing.T) {
	ts := fileTimeServer(t)
	b := ts.signedIn(t, "anna")
	p := b.get("/ui/lists")
	if p.Status != 200 {
		t.Fatalf("lists: %d", p.Status)
	}
	banner, _, _ := strings.Cut(p.Body[strings.Index(p.Body, `class="ages"`):], "</ul>")
	sdn, _, _ := strings.Cut(banner[strings.Index(banner, ">ofac-sdn<"):], "</li>")
	if !strings.Contains(sdn, "publish date unknown") || !strings.Contains(sdn, "file time 2024-05-01") || strings.Contains(sdn, " ago") || strings.Contains(sdn, ">old<") {
		t.Errorf("banner for ofac-sdn: %s", sdn)
	}
	if !strings.Contains(banner, "ago</time>") {
		t.Errorf("the other lists lost their age: %s", banner)
	}
	main := p.Body[strings.Index(p.Body, `id="list-ofac-sdn"`):]
	if served, _, _ := strings.Cut(main, "</p>"); !strings.Contains(served, "publish date unknown (file time 2024-05-01)") || strings.Contains(served, "published 2024") {
		t.Errorf("served line: %s", served)
	}
	if row, _, _ := strings.Cut(main[strings.Index(main, "<tbody>"):], "</tr>"); !strings.Contains(row, "publish date unknown") || !strings.Contains(row, "(file time 2024-05-01)") {
		t.Errorf("version row: %s", row)
	}
	vs, err := ts.Store.Versions(context.Background(), store.VersionFilter{List: "ofac-sdn", ActiveOnly: true})
	if err != nil || len(vs) != 1 {
		t.Fatal(vs, err)
	}
	if v := b.get("/ui/lists/versions/" + itoa(vs[0].ID)); !strings.Contains(v.Body, "publish date unknown") || !strings.Contains(v.Body, "(file time 2024-05-01)") {
		t.Errorf("version page: %d", v.Status)
	}
}

// Screenshots of the lists page with a file-time version, wide and in a
// phone's width, for a person to look at; the page must not scroll
// sideways.
func TestBrowserFileTimeLists(t *testing.T) {
	exe := chromium(t)
	dir := artifacts(t)
	ts := fileTimeServer(t)
	for _, width := range []int{1280, 390} {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exe),
			chromedp.NoSandbox,
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.WindowSize(width, 900),
		)
		actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel2 := chromedp.NewContext(actx)
		ctx, cancel3 := context.WithTimeout(ctx, 2*time.Minute)
		run(t, ctx, "sign in",
			chromedp.EmulateViewport(int64(width), 900),
			chromedp.Navigate(ts.URL+"/ui/login"),
			chromedp.WaitVisible(css("#password")),
			chromedp.SendKeys(css("#name"), "anna"),
			chromedp.SendKeys(css("#password"), password),
			chromedp.Submit(css("#password")),
			chromedp.WaitVisible(css(`a[aria-current="page"][href="/ui/alerts"]`)),
			chromedp.Navigate(ts.URL+"/ui/lists"),
			chromedp.WaitVisible(css("h1")),
		)
		png := get(t, ctx, "screenshot", chromedp.FullScreenshot(100))
		name := filepath.Join(dir, "lists-file-time-"+itoa(int64(width))+".png")
		if err := os.WriteFile(name, png, 0o644); err != nil {
			t.Fatal(err)
		}
		if w := get(t, ctx, "scroll width", chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > width {
			t.Errorf("scroll width %d px at %d px: the page scrolls sideways", w, width)
		}
		if got := get(t, ctx, "banner", chromedp.Text(css(".ages"))); !strings.Contains(strings.ToLower(got), "ofac-sdn publish date unknown (file time 2024-05-01)") {
			t.Errorf("banner at %d px: %q", width, got)
		}
		cancel3()
		cancel2()
		cancel()
	}
	t.Logf("screenshots in %s", dir)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
