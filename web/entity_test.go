package web

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

func TestEntityPage(t *testing.T) {
	ts := newTestServer(t, serverOptions{})
	b := ts.signedIn(t, "anna")
	sub := ts.Keeper.Snapshot().SubjectOf("au-99003")
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/ui/entities/au-99003", 200, []string{
			"<bdi>Vladimir Vladimirovich PUTIN</bdi></h1>", "primary name", "strong alias", "Cyrl", "1952-10-07",
			"Leningrad, Russia", "Russia (citizenship)", "President of the Russian Federation", "Autonomous (Russia)",
			`href="/ui/subjects/` + sub + `"`, "Version history", "Added", "<details", "Raw record on au-dfat",
			"the list gives no date</span>; first in veto's"}},
		// The EU gives its designation date.
		{"/ui/entities/eu-990001", 200, []string{"2022-02-25 <span class=\"muted\">(the publisher's date)</span>"}},
		{"/ui/entities/nobody-1", 404, []string{"no listed entity"}},
	}
	for _, tc := range tests {
		p := b.get(tc.path)
		if p.Status != tc.status {
			t.Errorf("%s: %d, want %d", tc.path, p.Status, tc.status)
			continue
		}
		checkPage(t, p)
		for _, want := range tc.want {
			if !strings.Contains(p.Body, want) {
				t.Errorf("%s lacks %q", tc.path, want)
			}
		}
	}

	// Entity IDs link to the profile from the alert, subject and version
	// pages.
	a := ts.alertOf(t, "C-1")
	vs, err := ts.Store.Versions(context.Background(), store.VersionFilter{List: "au-dfat"})
	if err != nil || len(vs) == 0 {
		t.Fatal(vs, err)
	}
	for _, path := range []string{fmt.Sprintf("/ui/alerts/%d", a.ID), "/ui/subjects/" + sub, fmt.Sprintf("/ui/lists/versions/%d", vs[0].ID)} {
		if p := b.get(path); !strings.Contains(p.Body, `href="/ui/entities/au-99003"`) {
			t.Errorf("%s does not link au-99003 to its profile", path)
		}
	}
}

// An entity a new version of its list drops is shown as last listed, with
// its removal in the history.
func TestEntityPageRemoved(t *testing.T) {
	ts := newTestServer(t, serverOptions{noCustomers: true})
	ctx := context.Background()
	old, err := ts.Store.Versions(ctx, store.VersionFilter{List: "au-dfat", ActiveOnly: true})
	if err != nil || len(old) != 1 {
		t.Fatal(old, err)
	}
	ents, err := ts.Store.Entities(ctx, old[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	ents = slices.DeleteFunc(ents, func(e *entity.Entity) bool { return e.ID == "au-99003" })
	v := old[0]
	v.ID, v.Hash, v.Published = 0, strings.Repeat("ab", 32), v.Published.AddDate(0, 1, 0)
	if _, err := ts.Store.AddVersion(ctx, store.NewVersion{Version: v, Entities: ents}); err != nil {
		t.Fatal(err)
	}
	p := ts.signedIn(t, "anna").get("/ui/entities/au-99003")
	if p.Status != 200 {
		t.Fatalf("removed entity: %d", p.Status)
	}
	for _, want := range []string{"No list served names this entity any more", "Removed", "1952-10-07"} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("removed entity's page lacks %q", want)
		}
	}
}
