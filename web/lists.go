package web

import (
	"net/http"
	"strconv"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/errkind"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
)

type listsView struct {
	*layout
	Status screen.Status
	Lists  []listGroup
	// Failed are the lists the last refresh failed for, with the
	// errors (shown to admins).
	Failed []listFailure
}

// listGroup is one list: the version served and the versions stored.
type listGroup struct {
	Name     string
	Served   *entity.ListVersion
	Versions []entity.ListVersion
}

// lists shows each list's versions and what the server serves.
func (s *server) lists(w http.ResponseWriter, r *http.Request, rq *request) error {
	st := s.Keeper.StatusOf(s.snapshot(rq))
	stored, err := s.Store.Versions(r.Context(), store.VersionFilter{})
	if err != nil {
		return err
	}
	v := &listsView{layout: s.layout(r, rq, "Lists", "lists"), Status: st, Failed: refreshFailures(st.LastRefreshError)}
	group := func(name string) *listGroup {
		for i := range v.Lists {
			if v.Lists[i].Name == name {
				return &v.Lists[i]
			}
		}
		v.Lists = append(v.Lists, listGroup{Name: name})
		return &v.Lists[len(v.Lists)-1]
	}
	for _, name := range s.servedLists(rq) {
		group(name)
	}
	for _, ver := range stored {
		g := group(ver.List)
		g.Versions = append(g.Versions, ver)
	}
	for i := range st.Versions {
		group(st.Versions[i].List).Served = &st.Versions[i]
	}
	s.render(w, r, http.StatusOK, "lists", v)
	return nil
}

// maxChanges bounds the changes a diff page shows; the API gives all.
const maxChanges = 500

type versionView struct {
	*layout
	Version *entity.ListVersion
	Diff    *entity.Diff
	// Change filters the changes shown: "", added, removed or changed.
	Change  string
	Changes []entity.EntityChange
	// Shown of Total changes (of the kind filtered).
	Total int
}

// version shows one list version and its diff from the version before.
func (s *server) version(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return notFound("no list version %q", r.PathValue("id"))
	}
	ver, err := s.Store.Version(r.Context(), id)
	if errkind.Of(err) == errkind.NotFound {
		return notFound("no list version %d", id)
	}
	if err != nil {
		return err
	}
	d, err := s.Store.Diff(r.Context(), id)
	if err != nil {
		return err
	}
	change := r.URL.Query().Get("change")
	switch change {
	case "", entity.Added, entity.Removed, entity.Changed:
	default:
		return badRequest("change: %q, want added, removed or changed", change)
	}
	v := &versionView{layout: s.layout(r, rq, "List version "+strconv.FormatInt(id, 10), "lists"), Version: ver, Diff: d, Change: change}
	for _, c := range d.Changes {
		if change != "" && c.Change != change {
			continue
		}
		v.Total++
		if len(v.Changes) < maxChanges {
			v.Changes = append(v.Changes, c)
		}
	}
	s.render(w, r, http.StatusOK, "version", v)
	return nil
}
