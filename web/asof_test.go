package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
)

// TestScreenAsOf screens on the Screen page against the lists as they
// were: the demo dataset is stored with un-sc, eu-fsf, uk-fcdo and
// au-dfat published 2025-01-01, and ofac-sdn and ca-sema with no
// publication date, so in force from when they were stored (today). Ali
// Khamenei is on the demo ofac-sdn only.
func TestScreenAsOf(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true})
	b := ts.signedIn(t, "anna")
	ofac, ok := ts.Keeper.Snapshot().Version("ofac-sdn")
	if !ok {
		t.Fatal("no ofac-sdn served")
	}
	un, _ := ts.Keeper.Snapshot().Version("un-sc")

	now := b.screen(url.Values{"name": {"Ali Khamenei"}})
	if now.Status != 200 || !strings.Contains(now.Body, "ofac-990004") {
		t.Fatalf("screened now: %d, want a hit on ofac-990004:\n%s", now.Status, now.Body)
	}
	if !strings.Contains(now.Body, `<a href="/ui/lists/versions/`) || !strings.Contains(now.Body, "ofac-sdn #") || strings.Contains(now.Body, "as of") {
		t.Errorf("screened now: the page does not name the versions (or says as of):\n%s", now.Body)
	}

	then := b.screen(url.Values{"name": {"Ali Khamenei"}, "asOf": {"2025-06-01"}})
	if then.Status != 200 || strings.Contains(then.Body, "ofac-990004") {
		t.Fatalf("as of 2025-06-01: %d, want no hit on ofac-990004 (ofac-sdn was not stored yet):\n%s", then.Status, then.Body)
	}
	for _, want := range []string{"as of 2025-06-01 23:59 UTC", "Not screened", "ca-sema, ofac-sdn", "un-sc #"} {
		if !strings.Contains(then.Body, want) {
			t.Errorf("as of 2025-06-01: the page lacks %q", want)
		}
	}
	checkPage(t, then)
	if !strings.Contains(then.Body, `value="2025-06-01"`) {
		t.Error("the form does not keep the date asked for")
	}

	// The audit trail records both screenings with their versions.
	es, err := ts.Store.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var sums []screen.Summary
	for _, e := range es {
		if e.Action == chain.ActionScreen && e.Actor == "anna" {
			var s screen.Summary
			if err := json.Unmarshal(e.Data, &s); err != nil {
				t.Fatal(err)
			}
			sums = append(sums, s)
		}
	}
	if len(sums) != 2 {
		t.Fatalf("%d screenings by anna in the audit trail, want 2", len(sums))
	}
	if !slices.Contains(sums[0].Versions, entity.VersionRef{ID: ofac.ID, List: "ofac-sdn"}.String()) || !sums[0].AsOf.IsZero() {
		t.Errorf("audit of the screening now: versions %v, as of %v", sums[0].Versions, sums[0].AsOf)
	}
	if slices.Contains(sums[1].Versions, entity.VersionRef{ID: ofac.ID, List: "ofac-sdn"}.String()) ||
		!slices.Contains(sums[1].Versions, entity.VersionRef{ID: un.ID, List: "un-sc"}.String()) ||
		sums[1].AsOf.Format("2006-01-02") != "2025-06-01" || !slices.Equal(sums[1].Absent, []string{"ca-sema", "ofac-sdn"}) {
		t.Errorf("audit of the screening as of 2025-06-01: %+v", sums[1])
	}

	for _, tc := range []struct {
		name string
		form url.Values
		want string
	}{
		{"not a date", url.Values{"name": {"Ali Khamenei"}, "asOf": {"01/06/2025"}}, "As of: &#34;01/06/2025&#34; is not an RFC 3339 date"},
		{"before every version", url.Values{"name": {"Ali Khamenei"}, "asOf": {"2020-01-01"}}, "no list version stored was in force"},
		{"with a customer", url.Values{"name": {"Ali Khamenei"}, "asOf": {"2025-06-01"}, "customerId": {"C-9"}}, "Customer ID: a customer is monitored against the lists served now"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := b.screen(tc.form)
			if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, tc.want) {
				t.Errorf("got %d, want 400 saying %q:\n%s", p.Status, tc.want, p.Body)
			}
		})
	}
	if c, err := ts.Store.Customer(context.Background(), "C-9"); err == nil {
		t.Errorf("a customer screened as of a date was stored: %+v", c)
	}
}

// TestAlertShowsVersions: the alert page names every list version the
// customer was screened against when the alert was raised.
func TestAlertShowsVersions(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	a := ts.alertOf(t, "C-1")
	if len(a.Versions) != len(ts.Keeper.Snapshot().Versions) {
		t.Fatalf("alert screened against %+v, want the %d versions served", a.Versions, len(ts.Keeper.Snapshot().Versions))
	}
	p := ts.signedIn(t, "anna").get(fmt.Sprintf("/ui/alerts/%d", a.ID))
	if p.Status != 200 || !strings.Contains(p.Body, "Screened against") {
		t.Fatalf("alert page: %d\n%s", p.Status, p.Body)
	}
	for _, v := range a.Versions {
		if want := fmt.Sprintf(`<a class="nw" href="/ui/lists/versions/%d">%s #%d</a>`, v.ID, v.List, v.ID); !strings.Contains(p.Body, want) {
			t.Errorf("alert page lacks %s", want)
		}
	}
}
