package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/api"
	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/demo"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
	"github.com/vetoscreen/veto/users"
)

// The tests run the whole server (the API with the UI mounted) over
// httptest on a real SQLite file. The demo dataset is stored in it as
// real list versions, so that monitoring (which never runs against the
// demo fallback) raises alerts on a few customers.

// password is every test user's password.
const password = "correct horse battery"

// Test users, by role.
var testUsers = []entity.User{
	{Name: "ada", DisplayName: "Ada Admin", Role: entity.UserAdmin},
	{Name: "anna", DisplayName: "Anna Analyst", Role: entity.UserAnalyst},
	{Name: "bob", DisplayName: "Bob Approver", Role: entity.UserApprover},
	{Name: "carl", DisplayName: "Carl Approver", Role: entity.UserApprover},
}

// testCustomers raise alerts on the demo dataset: one name in Arabic
// script, to check right-to-left rendering.
var testCustomers = []entity.Customer{
	{ID: "C-1", Subject: entity.Subject{Name: "Vladimir Putin", BirthDate: "1952-10-07", Country: "RU"}},
	{ID: "C-2", Subject: entity.Subject{Name: "بشار الأسد", Country: "SY"}},
	{ID: "C-3", Subject: entity.Subject{Name: "Alexander Lukashenko", Country: "BY"}},
}

// testServer is a running veto with its UI.
type testServer struct {
	*httptest.Server
	Store   store.Store
	Keeper  *screen.Keeper
	Monitor *monitor.Monitor
	Audit   *audit.Log
	Users   *users.Service
	// APIKey is an analyst's API key.
	APIKey string
}

type serverOptions struct {
	// demoFallback serves the demo dataset as the keeper's fallback
	// (banner "DEMO DATA") instead of storing it as live lists.
	demoFallback bool
	// noCustomers adds no customers (and so raises no alerts).
	noCustomers bool
	// trustProxy takes the client address from X-Forwarded-For, so a
	// test can sign in from many addresses.
	trustProxy bool
	// refresh is the keeper's refresh (none by default).
	refresh func(context.Context) error
	// log receives what the API and the UI log.
	log io.Writer
	// anchor checks the audit page against its checkpoints.
	anchor *audit.Anchor
}

// demoVersions is the demo dataset as list versions.
func demoVersions(ctx context.Context) ([]store.NewVersion, error) {
	results, err := demo.Results(ctx)
	if err != nil {
		return nil, err
	}
	var out []store.NewVersion
	for _, r := range results {
		pub, _, _ := strings.Cut(r.List, "-")
		sum := sha256.Sum256([]byte("demo " + r.List))
		out = append(out, store.NewVersion{Version: entity.ListVersion{
			List: r.List, Publisher: pub, Format: r.Format, Published: r.Published, PublishedFrom: r.PublishedFrom,
			Hash: hex.EncodeToString(sum[:]), Source: []string{"demo dataset"}, FetchedAt: time.Now().UTC(),
		}, Entities: r.Entities})
	}
	return out, nil
}

// newTestServer starts the server with the test users (and, unless told
// otherwise, the test customers and their alerts).
func newTestServer(t testing.TB, o serverOptions) *testServer {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	k := &screen.Keeper{Screener: screen.New(nil), Store: st, Config: match.DefaultConfig(), Refresh: o.refresh}
	if o.demoFallback {
		k.Demo = demoVersions
	} else {
		vs, err := demoVersions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			if _, err := st.AddVersion(ctx, v); err != nil {
				t.Fatalf("store %s: %v", v.Version.List, err)
			}
		}
	}
	if err := k.Start(ctx); err != nil {
		t.Fatal(err)
	}
	log := audit.NewLog(st, nil, nil)
	mon := &monitor.Monitor{Store: st, Snapshot: k.Snapshot}
	us := users.New(st, log)
	for _, u := range testUsers {
		if _, err := us.Create(ctx, "test", u, password); err != nil {
			t.Fatal(err)
		}
	}
	logger := slog.New(slog.DiscardHandler)
	if o.log != nil {
		logger = slog.New(slog.NewJSONHandler(o.log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if o.anchor != nil {
		o.anchor.Store = st
	}
	// The audit page waits for its verification: a test sees its result.
	ui, err := New(Config{TrustProxy: o.trustProxy, Logger: logger, AlertSLA: 48 * time.Hour, AuditWait: time.Minute}, Deps{Keeper: k, Store: st, Users: us, Review: review.New(st, nil), Audit: log, Monitor: mon, Anchor: o.anchor})
	if err != nil {
		t.Fatal(err)
	}
	key, full, err := apikey.New("test", entity.RoleAnalyst, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateKey(ctx, key, entity.AuditEntry{}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(api.DefaultConfig(), k, st, nil, logger, api.WithMonitor(mon), api.WithUI(ui)).Handler())
	t.Cleanup(srv.Close)
	t.Cleanup(log.Close)
	ts := &testServer{Server: srv, Store: st, Keeper: k, Monitor: mon, Audit: log, Users: us, APIKey: full}
	if !o.noCustomers {
		if _, _, err := mon.Put(ctx, slices.Clone(testCustomers)); err != nil {
			t.Fatal(err)
		}
	}
	return ts
}

// alertOf returns the alert of a customer (the best scored).
func (ts *testServer) alertOf(t testing.TB, customer string) entity.Alert {
	t.Helper()
	as, err := ts.Store.Alerts(context.Background(), store.AlertFilter{CustomerID: customer})
	if err != nil || len(as) == 0 {
		t.Fatalf("alerts of %s: %v %v", customer, as, err)
	}
	slices.SortFunc(as, func(a, b entity.Alert) int { return int(1000 * (b.Score - a.Score)) })
	return as[0]
}

// browser is an HTTP client with cookies that does not follow redirects,
// and sends an Origin header with its POSTs as browsers do.
type browser struct {
	t  testing.TB
	ts *testServer
	c  *http.Client
}

func (ts *testServer) browser(t testing.TB) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, ts: ts, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// page is a response, read.
type page struct {
	Status int
	Header http.Header
	Body   string
}

func (b *browser) do(req *http.Request) page {
	b.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return page{resp.StatusCode, resp.Header, string(body)}
}

func (b *browser) get(path string) page {
	b.t.Helper()
	req, _ := http.NewRequest("GET", b.ts.URL+path, nil)
	return b.do(req)
}

// post sends a form; with csrf true it adds the token of the page at
// from (which it gets first).
func (b *browser) post(path string, form url.Values, headers ...string) page {
	b.t.Helper()
	req, _ := http.NewRequest("POST", b.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", b.ts.URL)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return b.do(req)
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf returns the CSRF token in the page at path.
func (b *browser) csrf(path string) string {
	b.t.Helper()
	p := b.get(path)
	m := csrfField.FindStringSubmatch(p.Body)
	if m == nil {
		b.t.Fatalf("GET %s (%d): no csrf field", path, p.Status)
	}
	return m[1]
}

// screen posts the Screen form with the fields of form.
func (b *browser) screen(form url.Values) page {
	b.t.Helper()
	form.Set("csrf", b.csrf("/ui/screen"))
	return b.post("/ui/screen", form)
}

// login signs in, failing the test unless it works.
func (b *browser) login(name string) {
	b.t.Helper()
	p := b.post("/ui/login", url.Values{"csrf": {b.csrf("/ui/login")}, "name": {name}, "password": {password}, "next": {"/ui/alerts"}})
	if p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/ui/alerts" {
		b.t.Fatalf("sign in as %s: %d %s", name, p.Status, p.Body)
	}
}

func (ts *testServer) signedIn(t testing.TB, name string) *browser {
	b := ts.browser(t)
	b.login(name)
	return b
}

func TestSignIn(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true})
	for _, tc := range []struct {
		name           string
		user, password string
		next           string
		noToken        bool
		status         int
		location, want string
	}{
		{name: "OK", user: "anna", password: password, next: "/ui/lists", status: 303, location: "/ui/lists"},
		{name: "NextElsewhere", user: "anna", password: password, next: "https://evil.example/", status: 303, location: "/ui/alerts"},
		{name: "NextSchemeRelative", user: "anna", password: password, next: "//evil.example/ui/", status: 303, location: "/ui/alerts"},
		{name: "WrongPassword", user: "anna", password: "wrong password!", status: 401, want: "Wrong user name or password"},
		{name: "UnknownUser", user: "nobody", password: password, status: 401, want: "Wrong user name or password"},
		{name: "NoToken", user: "anna", password: password, noToken: true, status: 403, want: "security token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := ts.browser(t)
			form := url.Values{"name": {tc.user}, "password": {tc.password}, "next": {tc.next}}
			token := b.csrf("/ui/login")
			if !tc.noToken {
				form.Set("csrf", token)
			}
			p := b.post("/ui/login", form)
			if p.Status != tc.status || p.Header.Get("Location") != tc.location || !strings.Contains(p.Body, tc.want) {
				t.Fatalf("got %d to %q, want %d to %q with %q:\n%s", p.Status, p.Header.Get("Location"), tc.status, tc.location, tc.want, p.Body)
			}
			var session *http.Cookie
			for _, c := range b.c.Jar.Cookies(mustURL(ts.URL + "/ui/")) {
				if c.Name == sessionCookie {
					session = c
				}
			}
			if (session != nil) != (tc.status == 303) {
				t.Errorf("session cookie %v after status %d", session, p.Status)
			}
		})
	}
	t.Run("CookieAttributes", func(t *testing.T) {
		b := ts.browser(t)
		p := b.post("/ui/login", url.Values{"csrf": {b.csrf("/ui/login")}, "name": {"anna"}, "password": {password}})
		c := p.Header.Values("Set-Cookie")
		i := slices.IndexFunc(c, func(s string) bool { return strings.HasPrefix(s, sessionCookie+"=") })
		if i < 0 {
			t.Fatalf("no session cookie in %q", c)
		}
		for _, attr := range []string{"Path=/ui/", "HttpOnly", "SameSite=Lax"} {
			if !strings.Contains(c[i], attr) {
				t.Errorf("session cookie %q lacks %s", c[i], attr)
			}
		}
		if strings.Contains(c[i], "Secure") {
			t.Errorf("session cookie %q is Secure on plain HTTP: the browser would drop it", c[i])
		}
	})
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestSignInRateLimited(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true})
	b := ts.browser(t)
	var p page
	for range 6 {
		p = b.post("/ui/login", url.Values{"csrf": {b.csrf("/ui/login")}, "name": {"bob"}, "password": {"not the password"}})
	}
	if p.Status != http.StatusTooManyRequests || !regexp.MustCompile(`try again in \d+ s`).MatchString(p.Body) || p.Header.Get("Retry-After") == "" {
		t.Fatalf("6th failed sign-in: %d (Retry-After %q), want 429 saying when to try again:\n%s", p.Status, p.Header.Get("Retry-After"), p.Body)
	}
	// Even the right password is refused until then.
	p = b.post("/ui/login", url.Values{"csrf": {b.csrf("/ui/login")}, "name": {"bob"}, "password": {password}})
	if p.Status != http.StatusTooManyRequests {
		t.Errorf("right password while limited: %d, want 429", p.Status)
	}
}

func TestSignedOut(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true})
	b := ts.browser(t)
	for _, tc := range []struct{ path, location string }{
		{"/", "/ui/"},
		{"/ui/", "/ui/alerts"},
		{"/ui/alerts", "/ui/login?next=%2Fui%2Falerts"},
		{"/ui/alerts/7?x=1", "/ui/login?next=%2Fui%2Falerts%2F7%3Fx%3D1"},
		{"/ui/users", "/ui/login?next=%2Fui%2Fusers"},
	} {
		if p := b.get(tc.path); p.Status != http.StatusSeeOther || p.Header.Get("Location") != tc.location {
			t.Errorf("GET %s: %d to %q, want 303 to %q", tc.path, p.Status, p.Header.Get("Location"), tc.location)
		}
	}
	if p := b.post("/ui/alerts/1/decide", url.Values{"decision": {"false_positive"}, "reason": {"x"}}); p.Status != http.StatusForbidden {
		t.Errorf("POST signed out: %d, want 403", p.Status)
	}
	// Signing out ends the session.
	b.login("anna")
	if p := b.post("/ui/logout", url.Values{"csrf": {b.csrf("/ui/alerts")}}); p.Status != http.StatusSeeOther {
		t.Fatalf("sign out: %d", p.Status)
	}
	if p := b.get("/ui/alerts"); p.Status != http.StatusSeeOther {
		t.Errorf("after signing out: %d, want a redirect to sign in", p.Status)
	}
}

func TestCSRF(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	a := ts.alertOf(t, "C-1")
	b := ts.signedIn(t, "anna")
	token := b.csrf("/ui/alerts")
	path := fmt.Sprintf("/ui/alerts/%d/decide", a.ID)
	form := func(token string) url.Values {
		v := url.Values{"decision": {"false_positive"}, "reason": {"different person"}}
		if token != "" {
			v.Set("csrf", token)
		}
		return v
	}
	for _, tc := range []struct {
		name    string
		form    url.Values
		headers []string
	}{
		{"NoToken", form(""), nil},
		{"WrongToken", form("forged"), nil},
		{"OtherOrigin", form(token), []string{"Origin", "https://evil.example"}},
		{"OtherReferer", form(token), []string{"Origin", "", "Referer", "https://evil.example/page"}},
		{"CrossSiteFetch", form(token), []string{"Sec-Fetch-Site", "cross-site"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := b.post(path, tc.form, tc.headers...)
			if p.Status != http.StatusForbidden || !strings.Contains(p.Body, "403 Forbidden") {
				t.Errorf("got %d, want the 403 page:\n%s", p.Status, p.Body)
			}
			got, err := ts.Store.Alert(context.Background(), a.ID)
			if err != nil || got.Status != entity.AlertOpen {
				t.Errorf("alert after a refused POST: %v, %v; want it open", got.Status, err)
			}
		})
	}
	t.Run("OK", func(t *testing.T) {
		if p := b.post(path, form(token)); p.Status != http.StatusSeeOther {
			t.Fatalf("with the token: %d %s", p.Status, p.Body)
		}
	})
}

func TestReview(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	ctx := context.Background()
	a := ts.alertOf(t, "C-1")
	anna, bob, carl := ts.signedIn(t, "anna"), ts.signedIn(t, "bob"), ts.signedIn(t, "carl")
	alertPath := fmt.Sprintf("/ui/alerts/%d", a.ID)
	act := func(b *browser, action string, form url.Values) page {
		t.Helper()
		form.Set("csrf", b.csrf(alertPath))
		return b.post(alertPath+"/"+action, form)
	}
	status := func() string {
		t.Helper()
		got, err := ts.Store.Alert(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.Status
	}
	// A decision needs a reason.
	if p := act(anna, "decide", url.Values{"decision": {"false_positive"}, "reason": {"  "}}); p.Status != 400 || !strings.Contains(p.Body, "reason is required") {
		t.Errorf("decide without a reason: %d, want 400 saying a reason is required", p.Status)
	}
	if p := act(anna, "decide", url.Values{"decision": {"false_positive"}, "reason": {"born 1970, not 1952"}}); p.Status != 303 {
		t.Fatalf("decide: %d %s", p.Status, p.Body)
	}
	if s := status(); s != entity.AlertPending {
		t.Fatalf("after deciding: %s", s)
	}
	// The analyst sees why there is no approve button, and cannot approve.
	if p := anna.get(alertPath); !strings.Contains(p.Body, "You decided this alert") || strings.Contains(p.Body, "/approve\"") {
		t.Errorf("analyst's alert page offers approval or does not say why not:\n%s", p.Body)
	}
	if p := act(anna, "approve", url.Values{"reason": {"ok"}}); p.Status != 403 {
		t.Errorf("analyst approves: %d, want 403", p.Status)
	}
	// Bob approves.
	if p := bob.get(alertPath); !strings.Contains(p.Body, "/approve\"") {
		t.Errorf("approver's alert page has no approve form")
	}
	if p := act(bob, "approve", url.Values{"reason": {"agreed: dates differ"}}); p.Status != 303 {
		t.Fatalf("approve: %d %s", p.Status, p.Body)
	}
	if s := status(); s != entity.AlertFalsePositive {
		t.Errorf("after approval: %s, want false_positive", s)
	}
	allow, err := ts.Store.AllowList(ctx, a.CustomerID, a.EntityID, true)
	if err != nil || len(allow) != 1 || allow[0].DecidedBy != "anna" || allow[0].ApprovedBy != "bob" {
		t.Errorf("allow-list: %+v, %v", allow, err)
	}
	p := bob.get(alertPath)
	for _, want := range []string{"born 1970, not 1952", "agreed: dates differ", "Closed as False positive"} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("alert page after approval lacks %q", want)
		}
	}

	// Self-approval: Bob decides another alert and may not approve it;
	// Carl may.
	b2 := ts.alertOf(t, "C-3")
	alertPath = fmt.Sprintf("/ui/alerts/%d", b2.ID)
	a = b2
	if p := act(bob, "decide", url.Values{"decision": {"true_match"}, "reason": {"same person"}}); p.Status != 303 {
		t.Fatalf("decide: %d", p.Status)
	}
	if p := bob.get(alertPath); !strings.Contains(p.Body, "You decided this alert") || strings.Contains(p.Body, "/approve\"") {
		t.Errorf("decider's page offers approval or does not say why not")
	}
	if p := act(bob, "approve", url.Values{"reason": {"mine"}}); p.Status != 403 || !strings.Contains(p.Body, "four eyes") {
		t.Errorf("self-approval: %d, want 403 naming four eyes", p.Status)
	}
	if p := act(carl, "reject", url.Values{"reason": {"look at the passport"}}); p.Status != 303 {
		t.Fatalf("reject: %d", p.Status)
	}
	if s := status(); s != entity.AlertOpen {
		t.Errorf("after rejection: %s, want open", s)
	}
}

func TestAssignFromQueue(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	a := ts.alertOf(t, "C-2")
	b := ts.signedIn(t, "anna")
	here := "/ui/alerts?status=open&assignee=unassigned"
	p := b.post(fmt.Sprintf("/ui/alerts/%d/assign", a.ID), url.Values{"csrf": {b.csrf(here)}, "assignee": {"me"}, "return": {here}})
	if p.Status != 303 || !strings.HasPrefix(p.Header.Get("Location"), "/ui/alerts?") || !strings.Contains(p.Header.Get("Location"), "done=assigned") {
		t.Fatalf("assign to me: %d to %q", p.Status, p.Header.Get("Location"))
	}
	got, _ := ts.Store.Alert(context.Background(), a.ID)
	if got.Assignee != "anna" {
		t.Errorf("assignee %q, want anna", got.Assignee)
	}
	mine := b.get("/ui/alerts?assignee=mine")
	if !strings.Contains(mine.Body, fmt.Sprintf(`href="/ui/alerts/%d"`, a.ID)) {
		t.Errorf("the alert is not in \"mine\"")
	}
	if un := b.get("/ui/alerts?assignee=unassigned"); strings.Contains(un.Body, fmt.Sprintf(`href="/ui/alerts/%d"`, a.ID)) {
		t.Errorf("the alert is still in \"unassigned\"")
	}
}

func TestRoles(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true})
	anna, ada := ts.signedIn(t, "anna"), ts.signedIn(t, "ada")
	for _, path := range []string{"/ui/users", "/ui/audit"} {
		if p := anna.get(path); p.Status != 403 || !strings.Contains(p.Body, "admin role") {
			t.Errorf("analyst GET %s: %d, want 403", path, p.Status)
		}
		if p := ada.get(path); p.Status != 200 {
			t.Errorf("admin GET %s: %d", path, p.Status)
		}
	}
	if p := anna.get("/ui/alerts"); strings.Contains(p.Body, `href="/ui/users"`) {
		t.Errorf("an analyst's navigation links to the users page")
	}
	if p := anna.post("/ui/users", url.Values{"csrf": {anna.csrf("/ui/alerts")}, "name": {"eve"}, "role": {"admin"}, "password": {password}}); p.Status != 403 {
		t.Errorf("analyst creates a user: %d", p.Status)
	}
	// The admin creates a user, changes her role, disables her.
	token := ada.csrf("/ui/users")
	if p := ada.post("/ui/users", url.Values{"csrf": {token}, "name": {"eve"}, "displayName": {"Eve"}, "role": {"analyst"}, "password": {"short"}}); p.Status != 400 || !strings.Contains(p.Body, "at least 12") {
		t.Errorf("weak password: %d", p.Status)
	}
	for _, form := range []url.Values{
		{"name": {"eve"}, "displayName": {"Eve"}, "role": {"analyst"}, "password": {password}},
	} {
		form.Set("csrf", token)
		if p := ada.post("/ui/users", form); p.Status != 303 {
			t.Fatalf("create: %d %s", p.Status, p.Body)
		}
	}
	for _, form := range []url.Values{{"op": {"role"}, "role": {"approver"}}, {"op": {"disable"}}} {
		form.Set("csrf", token)
		if p := ada.post("/ui/users/eve", form); p.Status != 303 {
			t.Fatalf("%s: %d %s", form.Get("op"), p.Status, p.Body)
		}
	}
	u, err := ts.Users.Get(context.Background(), "eve")
	if err != nil || u.Role != entity.UserApprover || u.Disabled.IsZero() {
		t.Errorf("eve: %+v %v", u, err)
	}
	if p := ada.post("/ui/users/ada", url.Values{"csrf": {token}, "op": {"disable"}}); p.Status != 403 {
		t.Errorf("admin disables herself: %d, want 403", p.Status)
	}
}

// TestPages renders every page and checks the banner, the security
// headers and the absence of template errors.
func TestPages(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	ctx := context.Background()
	a := ts.alertOf(t, "C-1")
	vs, err := ts.Store.Versions(ctx, store.VersionFilter{})
	if err != nil || len(vs) == 0 {
		t.Fatal(vs, err)
	}
	b := ts.signedIn(t, "ada")
	// Some history on the alert, and a screening.
	b.post(fmt.Sprintf("/ui/alerts/%d/decide", a.ID), url.Values{"csrf": {b.csrf("/ui/alerts")}, "decision": {"escalate"}, "reason": {"unsure"}})
	screened := b.post("/ui/screen", url.Values{"csrf": {b.csrf("/ui/screen")}, "name": {"Vladimir Putin"}, "birthDate": {"1952"}})
	ts.Audit.Close() // flush the screening's audit entry
	pages := []struct {
		path   string
		status int
		want   string
	}{
		{"/ui/alerts", 200, "Alert queue"},
		{"/ui/alerts?status=any&min=0.5&older=0&since=2020-01-01&list=un-sc", 200, "Alert queue"},
		{"/ui/alerts?status=bogus", 400, "status: &#34;bogus&#34;"},
		{fmt.Sprintf("/ui/alerts/%d", a.ID), 200, "Why it scored"},
		{"/ui/alerts/999999", 404, "no alert 999999"},
		{"/ui/alerts/x", 404, "404 Not Found"},
		{"/ui/screen", 200, "Screen a name"},
		{"/ui/lists", 200, "ofac-sdn"},
		{fmt.Sprintf("/ui/lists/versions/%d", vs[0].ID), 200, "Changes"},
		{fmt.Sprintf("/ui/lists/versions/%d?change=added", vs[0].ID), 200, "Added"},
		{"/ui/lists/versions/999999", 404, "no list version"},
		{"/ui/customers", 200, "C-1"},
		{"/ui/customers/C-1", 200, "Vladimir Putin"},
		{"/ui/customers/nobody", 404, "no customer"},
		{"/ui/users", 200, "Add a user"},
		{"/ui/audit", 200, "Chain intact"},
		{"/ui/nowhere", 404, "404 Not Found"},
	}
	for _, tc := range pages {
		t.Run(tc.path, func(t *testing.T) {
			p := b.get(tc.path)
			if p.Status != tc.status || !strings.Contains(p.Body, tc.want) {
				t.Fatalf("got %d, want %d with %q:\n%s", p.Status, tc.status, tc.want, p.Body)
			}
			checkPage(t, p)
		})
	}
	t.Run("screen", func(t *testing.T) {
		if screened.Status != 200 || !strings.Contains(screened.Body, "How the words matched") || !strings.Contains(screened.Body, "Date of birth") {
			t.Fatalf("screening: %d\n%s", screened.Status, screened.Body)
		}
		checkPage(t, screened)
	})
	t.Run("audit records the screening", func(t *testing.T) {
		es, err := ts.Store.AuditEntries(ctx, store.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(es, func(e entity.AuditEntry) bool { return e.Action == chain.ActionScreen && e.Actor == "ada" })
		if i < 0 {
			t.Fatalf("no screening by ada in the audit trail")
		}
		if strings.Contains(string(es[i].Data), "Putin") || !strings.Contains(string(es[i].Data), `"best"`) {
			t.Errorf("screening audit data %s: want counts and the best score, not the name", es[i].Data)
		}
	})
}

// checkPage checks what every HTML page must have.
func checkPage(t *testing.T, p page) {
	t.Helper()
	for _, h := range []struct{ name, want string }{
		{"Content-Security-Policy", "frame-ancestors 'none'"},
		{"Content-Security-Policy", "script-src 'self';"},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "same-origin"},
		{"Cache-Control", "no-store"},
	} {
		if !strings.Contains(p.Header.Get(h.name), h.want) {
			t.Errorf("%s: %q, want %q", h.name, p.Header.Get(h.name), h.want)
		}
	}
	for _, want := range []string{`class="banner`, `<main id="main"`, `href="#main"`} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, bad := range []string{"ZgotmplZ", "<no value>", "%!", "veto {"} {
		if strings.Contains(p.Body, bad) {
			t.Errorf("page contains %q: a template error", bad)
		}
	}
	if strings.Contains(p.Body, "<script>") || strings.Contains(p.Body, "style=") {
		t.Errorf("page has inline script or style, which the CSP blocks")
	}
}

func TestDemoBanner(t *testing.T) {
	ts := newTestServer(t, serverOptions{demoFallback: true, noCustomers: true})
	b := ts.signedIn(t, "anna")
	for _, path := range []string{"/ui/alerts", "/ui/screen", "/ui/lists", "/ui/customers"} {
		p := b.get(path)
		if !strings.Contains(p.Body, `class="banner demo"`) || !strings.Contains(p.Body, "DEMO DATA — not a real screening") {
			t.Errorf("%s: no demo banner", path)
		}
	}
	// On the live lists there is no demo warning.
	live := newTestServer(t, serverOptions{noCustomers: true})
	if p := live.signedIn(t, "anna").get("/ui/alerts"); strings.Contains(p.Body, "DEMO DATA") || !strings.Contains(p.Body, `class="banner live"`) {
		t.Errorf("live data with a demo banner")
	}
}

func TestRightToLeft(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	a := ts.alertOf(t, "C-2")
	b := ts.signedIn(t, "anna")
	for _, path := range []string{"/ui/alerts", fmt.Sprintf("/ui/alerts/%d", a.ID), "/ui/customers", "/ui/customers/C-2"} {
		p := b.get(path)
		if !regexp.MustCompile(`<bdi[^>]*>بشار الأسد</bdi>`).MatchString(p.Body) {
			t.Errorf("%s: the Arabic name is not isolated in a bdi element", path)
		}
	}
	// Typed into the screening form, it is kept in a dir="auto" field.
	p := b.post("/ui/screen", url.Values{"csrf": {b.csrf("/ui/screen")}, "name": {"بشار الأسد"}})
	if !strings.Contains(p.Body, `dir="auto" required maxlength="1000" autocomplete="off" value="بشار الأسد"`) {
		t.Errorf("the screening form does not keep the Arabic name in a dir=auto field")
	}
}

// TestScreenEqualsAPI checks that the UI screens as POST /v1/screen does.
func TestScreenEqualsAPI(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true})
	b := ts.signedIn(t, "anna")
	for _, q := range []match.Query{
		{Subject: entity.Subject{Name: "Vladimir Putin", BirthDate: "1952-10-07"}},
		{Subject: entity.Subject{Name: "Alexander Lukashenko", Country: "BY"}},
		{Subject: entity.Subject{Name: "بشار الأسد"}},
	} {
		body, _ := json.Marshal(q)
		req, _ := http.NewRequest("POST", ts.URL+"/v1/screen", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+ts.APIKey)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var res screen.Result
		json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		if len(res.Hits) == 0 {
			t.Fatalf("%s: the API finds nothing", q.Name)
		}
		p := b.post("/ui/screen", url.Values{"csrf": {b.csrf("/ui/screen")}, "name": {q.Name}, "birthDate": {q.BirthDate}, "country": {q.Country}})
		var ui []string
		for _, m := range regexp.MustCompile(`<span class="score" aria-label="score">([0-9.]+)</span>`).FindAllStringSubmatch(p.Body, -1) {
			ui = append(ui, m[1])
		}
		var want []string
		for _, h := range res.Hits {
			want = append(want, fmt.Sprintf("%.2f", h.Score))
		}
		if !slices.Equal(ui, want) {
			t.Errorf("%s: UI scores %v, API %v", q.Name, ui, want)
		}
	}
}

func TestSafeNext(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/ui/alerts/3", "/ui/alerts/3"},
		{"/ui/alerts?status=open&list=un-sc", "/ui/alerts?status=open&list=un-sc"},
		{"", "/ui/alerts"},
		{"/v1/alerts", "/ui/alerts"},
		{"https://evil.example/ui/", "/ui/alerts"},
		{"//evil.example/ui/", "/ui/alerts"},
		{"/ui/\\evil", "/ui/alerts"},
		{"javascript:alert(1)", "/ui/alerts"},
		{"/ui/%0d%0aSet-Cookie:x", "/ui/%0d%0aSet-Cookie:x"}, // escaped: harmless
	} {
		if got := safeNext(tc.in); got != tc.want {
			t.Errorf("safeNext(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStaticAssets(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true})
	b := ts.signedIn(t, "anna")
	p := b.get("/ui/alerts")
	m := regexp.MustCompile(`href="(/ui/static/veto\.[0-9a-f]{8}\.css)"`).FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatal("no hashed stylesheet link")
	}
	css := b.get(m[1])
	if css.Status != 200 || !strings.HasPrefix(css.Header.Get("Content-Type"), "text/css") || !strings.Contains(css.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("stylesheet: %d %q %q", css.Status, css.Header.Get("Content-Type"), css.Header.Get("Cache-Control"))
	}
	if p := b.get("/ui/static/veto.css"); p.Status != 404 {
		t.Errorf("unhashed name: %d, want 404", p.Status)
	}
}
