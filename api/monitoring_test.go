package api

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vetoscreen/veto/apikey"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
)

func TestCustomersAndAlerts(t *testing.T) {
	var mu sync.Mutex
	var events []string
	ts := startServer(t, serverOptions{notify: func(ev string, _ any) {
		mu.Lock()
		events = append(events, ev)
		mu.Unlock()
	}})
	// Process the versions loaded at start, with no customers yet.
	if r := ts.do("POST", "/v1/monitor/run", entity.RoleAdmin, nil); r.Status != 200 {
		t.Fatalf("monitor run: %d %s", r.Status, r.Body)
	}
	body := map[string]any{"customers": []map[string]any{
		{"id": "C-1", "name": "Sergei Lavrov", "schema": "Person", "birthDate": "1950-03-21"},
		{"id": "C-2", "name": "Zoran Milenkovic", "schema": "Person"},
		{"id": "C-3", "name": "Harriet Plumstead", "schema": "Person"},
	}}
	r := ts.do("POST", "/v1/customers", entity.RoleScreen, body)
	var put customersResponse
	r.json(t, &put)
	if r.Status != 200 || len(put.Changed) != 3 {
		t.Fatalf("put: %d %s", r.Status, r.Body)
	}
	// One alert on Lavrov, naming his EU and OFAC listings.
	if len(put.Alerts) != 1 {
		t.Fatalf("alerts on import: %+v", put.Alerts)
	}
	if a := put.Alerts[0]; a.CustomerID != "C-1" || a.Cause != entity.CauseCustomer || a.Status != entity.AlertOpen ||
		!slices.Equal(a.Members, []string{"eu-900101", "ofac-35233"}) || a.SubjectID != ts.Keeper.Snapshot().SubjectOf("ofac-35233") {
		t.Errorf("alert on import %+v", a)
	}
	// The same customers again: nothing changed, nothing raised.
	r = ts.do("POST", "/v1/customers", entity.RoleScreen, body)
	put = customersResponse{}
	r.json(t, &put)
	if len(put.Changed) != 0 || len(put.Alerts) != 0 {
		t.Errorf("second put: %s", r.Body)
	}
	// One customer at the top level.
	r = ts.do("POST", "/v1/customers", entity.RoleScreen, map[string]any{"id": "C-4", "name": "Amira Hadzic"})
	put = customersResponse{}
	r.json(t, &put)
	if r.Status != 200 || !slices.Equal(put.Changed, []string{"C-4"}) || len(put.Alerts) != 1 || put.Alerts[0].EntityID != "un-QDi.902" {
		t.Errorf("single put: %d %s", r.Status, r.Body)
	}
	for _, tc := range []struct {
		name, body, mention string
	}{
		{"no id", `{"customers":[{"name":"x"}]}`, "customers[0]"},
		{"duplicate id", `{"customers":[{"id":"a","name":"x"},{"id":"a","name":"y"}]}`, "customers[0]"},
		{"unknown field", `{"customers":[{"id":"a","name":"x","nam":"y"}]}`, "nam"},
		{"set by veto", `{"id":"a","name":"x","createdAt":"2020-01-01T00:00:00Z"}`, "createdAt"},
		{"empty", `{}`, "required"},
	} {
		r := ts.do("POST", "/v1/customers", entity.RoleScreen, tc.body)
		code, msg := r.errorBody(t)
		if r.Status != 400 || code != CodeInvalid || !strings.Contains(msg, tc.mention) {
			t.Errorf("%s: %d %s", tc.name, r.Status, msg)
		}
	}
	if _, err := ts.Store.Customer(context.Background(), "a"); err == nil {
		t.Error("a refused request stored a customer")
	}
	// A date of birth that cannot be read is a warning: the customer is
	// stored and screened without it, as batch rows and queries are.
	r = ts.do("POST", "/v1/customers", entity.RoleScreen, `{"customers":[{"id":"C-5","name":"Harriet Plumstead","birthDate":"31.02.1970"}]}`)
	put = customersResponse{}
	r.json(t, &put)
	if r.Status != 200 || !slices.Equal(put.Changed, []string{"C-5"}) || len(put.Alerts) != 0 ||
		len(put.Warnings) != 1 || put.Warnings[0].Field != "customers[0].birthDate" || put.Warnings[0].Value != "31.02.1970" {
		t.Errorf("bad date: %d %s", r.Status, r.Body)
	}
	if c, err := ts.Store.Customer(context.Background(), "C-5"); err != nil || c.BirthDate != "" {
		t.Errorf("stored %+v, %v: want C-5 without a date of birth", c, err)
	}
	if r := ts.do("DELETE", "/v1/customers/C-5", entity.RoleAnalyst, nil); r.Status >= 300 {
		t.Fatalf("DELETE C-5: %d %s", r.Status, r.Body)
	}

	// Listing and paging.
	var page customerPage
	ts.do("GET", "/v1/customers?limit=2", entity.RoleAnalyst, nil).json(t, &page)
	if len(page.Customers) != 2 || page.Next != "C-2" || page.Total != 4 {
		t.Errorf("page 1: %+v", page)
	}
	next := page.Next
	page = customerPage{}
	ts.do("GET", "/v1/customers?limit=2&after="+next, entity.RoleAnalyst, nil).json(t, &page)
	if len(page.Customers) != 2 || page.Customers[0].ID != "C-3" || page.Next != "" {
		t.Errorf("page 2: %+v", page)
	}
	if r := ts.do("GET", "/v1/customers", entity.RoleScreen, nil); r.Status != 403 {
		t.Errorf("customers with a screen key: %d", r.Status)
	}
	var cust customerResponse
	ts.do("GET", "/v1/customers/C-1", entity.RoleAnalyst, nil).json(t, &cust)
	if cust.Name != "Sergei Lavrov" || len(cust.Alerts) != 1 {
		t.Errorf("customer C-1: %+v", cust)
	}

	// Alerts, filtered.
	var alerts alertPage
	ts.do("GET", "/v1/alerts?limit=1", entity.RoleAnalyst, nil).json(t, &alerts)
	if len(alerts.Alerts) != 1 || alerts.Next == 0 {
		t.Fatalf("alerts page: %+v", alerts)
	}
	first := alerts.Alerts[0]
	alerts = alertPage{}
	ts.do("GET", fmt.Sprintf("/v1/alerts?before=%d", first.ID), entity.RoleAnalyst, nil).json(t, &alerts)
	if len(alerts.Alerts) != 1 || alerts.Alerts[0].ID >= first.ID || alerts.Alerts[0].CustomerID != "C-1" {
		t.Errorf("second alerts page: %+v", alerts)
	}
	lavrov := alerts.Alerts[0]
	alerts = alertPage{}
	ts.do("GET", "/v1/alerts?subject="+lavrov.SubjectID, entity.RoleAnalyst, nil).json(t, &alerts)
	if len(alerts.Alerts) != 1 || alerts.Alerts[0].ID != lavrov.ID {
		t.Errorf("alerts of Lavrov's subject: %+v", alerts)
	}
	var one entity.Alert
	r = ts.do("GET", fmt.Sprintf("/v1/alerts/%d", first.ID), entity.RoleAnalyst, nil)
	r.json(t, &one)
	var hit struct {
		EntityID    string `json:"entity_id"`
		Explanation *struct{ Tokens []any }
	}
	json.Unmarshal(one.Hit, &hit)
	if one.ID != first.ID || hit.EntityID != one.EntityID || hit.Explanation == nil || len(hit.Explanation.Tokens) == 0 {
		t.Errorf("alert %d: %s", first.ID, r.Body)
	}
	if r := ts.do("GET", "/v1/alerts/999999", entity.RoleAnalyst, nil); r.Status != 404 {
		t.Errorf("unknown alert: %d", r.Status)
	}

	// A new un-sc version renames AMIRA HADZIC to ZORAN MILENKOVIC: the
	// customer of that name gets an alert (a material change), and no
	// one else does.
	data, err := os.ReadFile(fixtures["un"])
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.NewReplacer("<FIRST_NAME>AMIRA</FIRST_NAME>", "<FIRST_NAME>ZORAN</FIRST_NAME>", "<SECOND_NAME>HADZIC</SECOND_NAME>", "<SECOND_NAME>MILENKOVIC</SECOND_NAME>",
		`dateGenerated="2026-03-01`, `dateGenerated="2026-03-20`).Replace(string(data))
	if changed == string(data) || !strings.Contains(changed, "MILENKOVIC") {
		t.Fatal("the fixture did not change as expected")
	}
	path := filepath.Join(t.TempDir(), "un_consolidated.xml")
	os.WriteFile(path, []byte(changed), 0o644)
	un, _ := all.Publisher("un")
	if outs, err := (&refresh.Refresher{Store: ts.Store, Config: refresh.DefaultConfig()}).Import(context.Background(), un, []string{path}); err != nil || outs[0].Err != nil {
		t.Fatal(err, outs)
	}
	if err := ts.Keeper.Reload(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	r = ts.do("POST", "/v1/monitor/run", entity.RoleAdmin, nil)
	var rep monitor.Report
	r.json(t, &rep)
	if r.Status != 200 || len(rep.Versions) != 1 || rep.Entities != 1 || rep.Customers != 4 || len(rep.Alerts) != 1 ||
		rep.Alerts[0].CustomerID != "C-2" || rep.Alerts[0].Cause != entity.CauseListChange || rep.Alerts[0].EntityID != "un-QDi.902" {
		t.Errorf("monitor run after the update: %d %s", r.Status, r.Body)
	}
	r = ts.do("POST", "/v1/monitor/run", entity.RoleAdmin, nil)
	rep = monitor.Report{}
	r.json(t, &rep)
	if len(rep.Versions) != 0 || len(rep.Alerts) != 0 {
		t.Errorf("second run: %s", r.Body)
	}
	r = ts.do("POST", "/v1/monitor/run?full=true", entity.RoleAdmin, nil)
	rep = monitor.Report{}
	r.json(t, &rep)
	if r.Status != 200 || rep.Customers != 4 || len(rep.Alerts) != 0 {
		t.Errorf("full rescreen: %s", r.Body)
	}
	if r := ts.do("POST", "/v1/monitor/run", entity.RoleAnalyst, nil); r.Status != 403 {
		t.Errorf("monitor run as analyst: %d", r.Status)
	}

	// Removing a customer stops its monitoring.
	if r := ts.do("DELETE", "/v1/customers/C-3", entity.RoleAnalyst, nil); r.Status != 204 {
		t.Errorf("delete: %d %s", r.Status, r.Body)
	}
	if r := ts.do("DELETE", "/v1/customers/nobody", entity.RoleAnalyst, nil); r.Status != 404 {
		t.Errorf("delete unknown: %d", r.Status)
	}
	page = customerPage{}
	ts.do("GET", "/v1/customers", entity.RoleAnalyst, nil).json(t, &page)
	if page.Total != 3 {
		t.Errorf("after delete: %+v", page)
	}

	mu.Lock()
	defer mu.Unlock()
	var alertEvents, versionEvents int
	for _, e := range events {
		switch e {
		case monitor.EventAlert:
			alertEvents++
		case monitor.EventListVersion:
			versionEvents++
		}
	}
	if alertEvents != 3 || versionEvents != 4 {
		t.Errorf("events: %d alerts (want 3), %d list versions (want 4: three at start, one update)", alertEvents, versionEvents)
	}
}

// A monitoring run through the API leaves a monitor.run entry, committed
// before the response: the customers screened, the alerts raised (by
// customer ID, entity and score) and the versions screened against, by
// the key that asked; no names.
func TestMonitorRunIsAudited(t *testing.T) {
	ts := startServer(t, serverOptions{})
	// Stored without being screened: the run raises their alerts.
	if _, err := ts.Store.PutCustomers(t.Context(), []entity.Customer{
		{ID: "C-1", Subject: entity.Subject{Name: "Sergei Lavrov", Schema: "Person", BirthDate: "1950-03-21"}},
		{ID: "C-3", Subject: entity.Subject{Name: "Harriet Plumstead", Schema: "Person"}},
	}, time.Now()); err != nil {
		t.Fatal(err)
	}
	r := ts.do("POST", "/v1/monitor/run?full=true", entity.RoleAdmin, nil)
	var rep monitor.Report
	r.json(t, &rep)
	if r.Status != 200 || rep.Customers != 2 || len(rep.Alerts) != 1 {
		t.Fatalf("monitor run: %d %s", r.Status, r.Body)
	}
	es, err := ts.Store.AuditEntries(t.Context(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var runs []entity.AuditEntry
	for _, e := range es {
		if e.Action == chain.ActionMonitorRun {
			runs = append(runs, e)
		}
	}
	if len(runs) != 1 {
		t.Fatalf("%d monitor.run entries, want 1", len(runs))
	}
	var sum monitorScreening
	if err := json.Unmarshal(runs[0].Data, &sum); err != nil {
		t.Fatal(err)
	}
	if !sum.Full || sum.Customers != 2 || sum.Alerts != 1 || sum.Interrupted {
		t.Errorf("summary %+v", sum)
	}
	checkLavrovAudited(t, ts, r, entity.RoleAdmin, runs[0], sum.Summary)
}

// checkLavrovAudited checks the audit entry e, whose summary is sum, of
// the screening of C-1 (Sergei Lavrov) and C-3 (Harriet Plumstead) asked
// for by r with the key of role: the key and the request, the two
// customers, C-1's two alerts by entity and score, the versions of the
// snapshot served, and no names.
func checkLavrovAudited(t *testing.T, ts *testServer, r response, role string, e entity.AuditEntry, sum screen.Summary) {
	t.Helper()
	if want := "key:" + apikey.ID(ts.Keys[role]); e.Actor != want || e.Subject != "request/"+r.Header.Get("X-Request-Id") {
		t.Errorf("entry by %q on %q, want %q on the request", e.Actor, e.Subject, want)
	}
	if sum.Queries != 2 || sum.WithHits != 1 || sum.Hits != 1 || len(sum.Matched) != 1 {
		t.Fatalf("summary %+v, want 2 customers screened, 1 with an alert", sum)
	}
	// One alert on Lavrov's subject, with the other listing it matched.
	m := sum.Matched[0]
	matched := append([]string{m.Entity}, m.Listings...)
	slices.Sort(matched)
	if m.Query != "C-1" || m.Score < 0.8 || m.Subject == "" || !slices.Equal(matched, []string{"eu-900101", "ofac-35233"}) {
		t.Errorf("matched %+v, want C-1's alert on both listings", m)
	}
	want := screen.Summarize("", ts.Keeper.Snapshot(), nil)
	if len(sum.Versions) == 0 || !slices.Equal(sum.Versions, want.Versions) {
		t.Errorf("versions %v, want the snapshot's %v", sum.Versions, want.Versions)
	}
	for _, word := range []string{"Lavrov", "Plumstead"} {
		if strings.Contains(string(e.Data), word) {
			t.Errorf("the entry holds the name %q: %s", word, e.Data)
		}
	}
}

// POST /v1/customers screens the customers it adds or changes, and
// leaves a screening entry as every other entry point does, committed
// before the response: the customers screened, the alerts raised (by
// customer ID, entity and score) and the versions, by the key that asked;
// no names. Customers stored unchanged are not screened, and leave none.
func TestPutCustomersIsAudited(t *testing.T) {
	ts := startServer(t, serverOptions{})
	body := map[string]any{"customers": []map[string]any{
		{"id": "C-1", "name": "Sergei Lavrov", "schema": "Person", "birthDate": "1950-03-21"},
		{"id": "C-3", "name": "Harriet Plumstead", "schema": "Person"},
	}}
	r := ts.do("POST", "/v1/customers", entity.RoleScreen, body)
	if r.Status != 200 {
		t.Fatalf("put: %d %s", r.Status, r.Body)
	}
	e, ok := screens(t, ts.Store)["request/"+r.Header.Get("X-Request-Id")]
	if n := len(screens(t, ts.Store)); !ok || n != 1 {
		t.Fatalf("%d screening entries, want 1 on the request", n)
	}
	var sum customersScreening
	if err := json.Unmarshal(e.Data, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.API != "customers" || sum.Customers != 2 || sum.Alerts != 1 {
		t.Errorf("summary %+v", sum)
	}
	checkLavrovAudited(t, ts, r, entity.RoleScreen, e, sum.Summary)
	// Unchanged, or refused: nothing screened, nothing on the trail.
	ts.do("POST", "/v1/customers", entity.RoleScreen, body)
	ts.do("POST", "/v1/customers", entity.RoleScreen, `{"customers":[{"id":"a","name":"x"},{"id":"a","name":"y"}]}`)
	if n := len(screens(t, ts.Store)); n != 1 {
		t.Errorf("%d screening entries after an unchanged and a refused put, want 1", n)
	}
}
