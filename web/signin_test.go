package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// attempt is one sign-in form ready to post from a client address.
type attempt struct {
	b    *browser
	form url.Values
	from string
}

// newAttempt gets the sign-in form (and its cookie) for a client at
// address from.
func (ts *testServer) newAttempt(t testing.TB, from, name, pw string) attempt {
	b := ts.browser(t)
	return attempt{b: b, from: from, form: url.Values{"csrf": {b.csrf("/ui/login")}, "name": {name}, "password": {pw}}}
}

func (a attempt) post() page {
	return a.b.post("/ui/login", a.form, "X-Forwarded-For", a.from)
}

// burst posts the attempts all at once and returns the statuses.
func burst(as []attempt) []page {
	pages := make([]page, len(as))
	var start, wg sync.WaitGroup
	start.Add(1)
	for i := range as {
		wg.Go(func() {
			start.Wait()
			pages[i] = as[i].post()
		})
	}
	start.Done()
	wg.Wait()
	return pages
}

func statusCounts(ps []page) map[int]int {
	n := map[int]int{}
	for _, p := range ps {
		n[p.Status]++
	}
	return n
}

// auditEntries returns the audit trail's entries of an action ("" for
// all).
func (ts *testServer) auditEntries(t *testing.T, action string) []entity.AuditEntry {
	t.Helper()
	es, err := ts.Store.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []entity.AuditEntry
	for _, e := range es {
		if action == "" || e.Action == action {
			out = append(out, e)
		}
	}
	return out
}

// A burst of sign-ins runs at most as many password checks at once as
// there are cores (each takes 64 MiB); the others wait briefly, then are
// told to come back. From one address, no more checks run than the
// address may fail.
func TestLoginBurst(t *testing.T) {
	const n = 64
	t.Run("ManyAddresses", func(t *testing.T) {
		ts := newTestServer(t, serverOptions{noCustomers: true, trustProxy: true})
		// A short wait makes the refusals certain on any machine: a
		// check of 64 MiB takes far longer than 5 ms.
		ts.Users.HashWait = 5 * time.Millisecond
		var as []attempt
		for i := range n {
			as = append(as, ts.newAttempt(t, fmt.Sprintf("10.1.%d.%d", i/250, i%250+1), "ada", "not the password"))
		}
		pages := burst(as)
		counts := statusCounts(pages)
		st := ts.Users.HashStats()
		t.Logf("statuses %v, hashes %+v, GOMAXPROCS %d", counts, st, runtime.GOMAXPROCS(0))
		if st.Peak > runtime.GOMAXPROCS(0) {
			t.Errorf("%d password checks ran at once, want at most GOMAXPROCS = %d", st.Peak, runtime.GOMAXPROCS(0))
		}
		if counts[http.StatusTooManyRequests] == 0 || counts[http.StatusUnauthorized] == 0 || counts[http.StatusUnauthorized]+counts[http.StatusTooManyRequests] != n {
			t.Errorf("statuses %v: want some 401 (checked) and the rest 429 (busy)", counts)
		}
		for _, p := range pages {
			if p.Status == http.StatusTooManyRequests && p.Header.Get("Retry-After") == "" {
				t.Fatalf("429 without Retry-After:\n%s", p.Body)
			}
		}
		if st.Total != counts[http.StatusUnauthorized] {
			t.Errorf("%d passwords checked for %d answers 401: a busy refusal must not check", st.Total, counts[http.StatusUnauthorized])
		}
	})
	t.Run("OneAddress", func(t *testing.T) {
		ts := newTestServer(t, serverOptions{noCustomers: true, trustProxy: true})
		var as []attempt
		for range n {
			as = append(as, ts.newAttempt(t, "10.2.0.1", "ada", "not the password"))
		}
		counts := statusCounts(burst(as))
		st := ts.Users.HashStats()
		t.Logf("statuses %v, hashes %+v", counts, st)
		if st.Total > 5 || counts[http.StatusTooManyRequests] < n-5 {
			t.Errorf("%d passwords checked, statuses %v: one address may try 5 times in 15 minutes, counted before the check", st.Total, counts)
		}
	})
}

// Sign-in attempts cannot flood the audit trail, which is never
// deleted: a long name is refused unread, and refused attempts make one
// entry per address and limit.
func TestLoginAuditFlood(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true, trustProxy: true})
	before := len(ts.auditEntries(t, ""))
	long := strings.Repeat("x", 30<<10)
	p := ts.newAttempt(t, "10.3.0.1", long, "not the password").post()
	if p.Status != http.StatusBadRequest || strings.Contains(p.Body, long[:200]) {
		t.Errorf("30 KB user name: %d, want 400 without the name echoed (%d bytes of body)", p.Status, len(p.Body))
	}
	if got := ts.auditEntries(t, ""); len(got) != before {
		t.Errorf("a 30 KB user name added %d audit entries, want none", len(got)-before)
	}
	if h := ts.Users.HashStats().Total; h != 0 {
		t.Errorf("a 30 KB user name was hashed (%d checks)", h)
	}
	var statuses []int
	for i := range 40 {
		statuses = append(statuses, ts.newAttempt(t, "10.3.0.2", fmt.Sprintf("guess%d", i), "not the password").post().Status)
	}
	failed, limited := ts.auditEntries(t, "user.login_failed"), ts.auditEntries(t, "user.login_limited")
	if len(failed) != 5 || len(limited) != 1 {
		t.Errorf("40 attempts from one address (statuses %v): %d login_failed and %d login_limited entries, want 5 and 1", statuses, len(failed), len(limited))
	}
	var size int
	for _, e := range ts.auditEntries(t, "") {
		size += len(e.Actor) + len(e.Subject) + len(e.Data)
	}
	if size > 10<<10 {
		t.Errorf("the audit trail holds %d bytes after the flood", size)
	}
}

// Nobody can lock a user out: an attacker failing twenty times as ada,
// from one address and then from several, does not keep ada from
// signing in from a new address or from one she used before; ada's
// admins are told once that someone guesses her password.
func TestLoginNoLockOut(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true, trustProxy: true})
	const attacker, fresh, usual = "10.4.0.1", "10.4.0.2", "10.4.0.3"
	if p := ts.newAttempt(t, usual, "ada", password).post(); p.Status != http.StatusSeeOther {
		t.Fatalf("ada signs in from %s: %d", usual, p.Status)
	}
	for range 20 {
		ts.newAttempt(t, attacker, "ada", "not the password").post()
	}
	for i := range 10 {
		ts.newAttempt(t, fmt.Sprintf("10.4.1.%d", i), "ada", "not the password").post()
	}
	for _, from := range []string{fresh, usual} {
		p := ts.newAttempt(t, from, "ada", password).post()
		if p.Status != http.StatusSeeOther {
			t.Errorf("ada with the right password from %s after the attack: %d (Retry-After %q), want 303", from, p.Status, p.Header.Get("Retry-After"))
		}
	}
	if p := ts.newAttempt(t, attacker, "ada", password).post(); p.Status != http.StatusTooManyRequests {
		t.Errorf("the attacking address: %d, want 429", p.Status)
	}
	alerts := ts.auditEntries(t, "user.login_suspicious")
	if len(alerts) != 1 || alerts[0].Subject != "ada" {
		t.Errorf("login_suspicious entries: %+v, want one for ada", alerts)
	}
}

// refreshFailure is how a failed download of two lists reads: URLs and
// the internal DNS server.
var refreshFailure = errors.Join(
	errors.New(`ofac-sdn: update ofac-sdn: download https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ADVANCED.XML: Get "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ADVANCED.XML": dial tcp: lookup sanctionslistservice.ofac.treas.gov on 10.96.0.10:53: server misbehaving`),
	errors.New(`eu-fsf: update eu-fsf: download https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4: Get "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4": dial tcp: lookup webgate.ec.europa.eu on 10.96.0.10:53: server misbehaving`),
)

// internals are what no page before sign-in may show of refreshFailure.
var internals = []string{"https://", "treas.gov", "europa.eu", "10.96.0.10", "lookup", "misbehaving", "token="}

// newFailedRefreshServer is a test server whose last refresh failed.
func newFailedRefreshServer(t *testing.T) *testServer {
	ts := newTestServer(t, serverOptions{noCustomers: true, refresh: func(context.Context) error { return refreshFailure }})
	if err := ts.Keeper.RefreshNow(context.Background()); err == nil {
		t.Fatal("the refresh did not fail")
	}
	if ts.Keeper.Status().LastRefreshError == "" {
		t.Fatal("the keeper records no refresh error")
	}
	return ts
}

// The pages anyone can see show nothing of the server's downloads;
// signed-in pages say which list failed, and the lists page gives
// admins the details.
func TestPreSignInShowsNoInternals(t *testing.T) {
	ts := newFailedRefreshServer(t)
	b := ts.browser(t)
	wrong := ts.newAttempt(t, "", "ada", "not the password")
	for name, p := range map[string]page{
		"sign-in page":   b.get("/ui/login"),
		"wrong password": wrong.post(),
		"no such page":   b.get("/ui/no-such-page"),
		"no CSRF token":  b.post("/ui/login", url.Values{"name": {"ada"}, "password": {"x"}}),
		"long name":      ts.newAttempt(t, "", strings.Repeat("n", 200), "x").post(),
	} {
		for _, s := range internals {
			if strings.Contains(p.Body, s) {
				t.Errorf("%s (%d) shows %q before sign-in", name, p.Status, s)
			}
		}
		if strings.Contains(p.Body, "refresh") || strings.Contains(p.Body, "download") {
			t.Errorf("%s (%d) speaks of list downloads before sign-in", name, p.Status)
		}
	}
	anna := ts.signedIn(t, "anna")
	for _, path := range []string{"/ui/alerts", "/ui/lists"} {
		p := anna.get(path)
		for _, list := range []string{"ofac-sdn", "eu-fsf"} {
			if !strings.Contains(p.Body, list+": last refresh failed") {
				t.Errorf("%s for an analyst does not say %s failed to refresh", path, list)
			}
		}
		for _, s := range internals {
			if strings.Contains(p.Body, s) {
				t.Errorf("%s shows an analyst %q", path, s)
			}
		}
	}
	if p := ts.signedIn(t, "ada").get("/ui/lists"); !strings.Contains(p.Body, "10.96.0.10:53") || !strings.Contains(p.Body, "sanctionslistservice.ofac.treas.gov") {
		t.Errorf("the lists page does not give an admin the refresh error's details")
	}
}

// A request whose client has gone is no server error.
func TestClientGone(t *testing.T) {
	var logs syncBuffer
	ts := newTestServer(t, serverOptions{noCustomers: true, log: &logs})
	b := ts.signedIn(t, "anna")
	req, _ := http.NewRequest("GET", ts.URL+"/ui/alerts", nil)
	for _, c := range b.c.Jar.Cookies(req.URL) {
		req.AddCookie(c)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec := &recorder{header: http.Header{}}
	ts.Config.Handler.ServeHTTP(rec, req.WithContext(ctx))
	out := logs.String()
	if strings.Contains(out, `"level":"ERROR"`) || strings.Contains(out, `"status":500`) {
		t.Errorf("a client gone is logged as a server error:\n%s", out)
	}
	if !strings.Contains(out, "client gone") || !strings.Contains(out, `"status":499`) {
		t.Errorf("a client gone is not logged as such (status 499):\n%s", out)
	}
}

// recorder is a ResponseWriter that keeps the status.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) WriteHeader(s int) {
	if r.status == 0 {
		r.status = s
	}
}
func (r *recorder) Write(b []byte) (int, error) { r.WriteHeader(200); return r.body.Write(b) }

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
