package api

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
)

// Every screening call leaves an outcome summary in the audit trail: the
// key that called, the request, the counts and the hits, not the names.
func TestScreeningIsAudited(t *testing.T) {
	ts := startServer(t, serverOptions{})
	r := ts.do("POST", "/v1/screen", entity.RoleScreen, map[string]any{"queries": []map[string]any{
		{"id": "cust-1", "name": "Sergei Lavrov"},
		{"id": "cust-2", "name": "Jane Nobody Unlisted"},
	}})
	if r.Status != 200 {
		t.Fatalf("screen: %d %s", r.Status, r.Body)
	}
	if r := ts.do("POST", "/match/sanctions", entity.RoleScreen, map[string]any{"queries": map[string]any{
		"q1": map[string]any{"schema": "Person", "properties": map[string]any{"name": []string{"Bashar al-Assad"}}},
	}}); r.Status != 200 {
		t.Fatalf("match: %d %s", r.Status, r.Body)
	}
	ts.Audit.Close() // flush the queued entries
	es, err := ts.Store.AuditEntries(t.Context(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var screens []entity.AuditEntry
	v := audit.NewVerifier()
	for _, e := range es {
		v.Add(e)
		if e.Action == audit.ActionScreen {
			screens = append(screens, e)
		}
	}
	if !v.OK() {
		t.Errorf("chain: %v", v.Problems())
	}
	if len(screens) != 2 {
		t.Fatalf("%d screening entries, want 2", len(screens))
	}
	var native, yente screen.Summary
	json.Unmarshal(screens[0].Data, &native)
	json.Unmarshal(screens[1].Data, &yente)
	wantActor := "key:" + keyID(ts.Keys[entity.RoleScreen])
	if screens[0].Actor != wantActor || !strings.HasPrefix(screens[0].Subject, "request/") || screens[0].Subject != "request/"+r.Header.Get("X-Request-Id") {
		t.Errorf("entry: actor %q subject %q; want %q and the request's ID %q", screens[0].Actor, screens[0].Subject, wantActor, r.Header.Get("X-Request-Id"))
	}
	if native.API != "native" || native.Queries != 2 || native.WithHits != 1 || native.Hits == 0 || native.Matched[0].Query != "cust-1" || native.Best < 0.8 {
		t.Errorf("native summary = %+v", native)
	}
	if yente.API != "yente" || yente.Queries != 1 || yente.WithHits != 1 {
		t.Errorf("yente summary = %+v", yente)
	}
	if strings.Contains(string(screens[0].Data), "Lavrov") {
		t.Errorf("the audit entry holds the name screened: %s", screens[0].Data)
	}
}
