package web

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/errkind"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
)

// entityView is the profile of a listed entity: its record on each list
// that has it, the subject it is a listing of, and its version history.
type entityView struct {
	*layout
	ID      string
	Records []recordView
	// Subject is the subject the listing belongs to, nil without a
	// resolution.
	Subject *resolve.Subject
	History []historyRow
	// Removed is set when no list served has the entity any more: the
	// records shown are the last versions that had it.
	Removed bool
}

// recordView is one list's record of the entity, laid out.
type recordView struct {
	*entity.Entity
	// RawText is the record as the publisher wrote it, indented if JSON.
	RawText string
	// Countries are the countries the record names, with their role.
	Countries []string
	// Positions are the positions and titles the record gives.
	Positions []string
	// Legal are the facts on the legal basis of the listing, Other the
	// remaining properties, each a label and values.
	Legal, Other []fact
	// FirstSeen and LastChange are the versions of the list that added
	// the record first and added or changed it last (nil if unknown).
	FirstSeen, LastChange *entity.ListVersion
}

// fact is a labelled property of a record.
type fact struct {
	Label  string
	Values []string
}

// historyRow is a version of a list in which the entity was added,
// changed, removed or kept.
type historyRow struct {
	store.EntityVersion
	// Version is the version's metadata; nil if the store lost it.
	Version *entity.ListVersion
}

// legalProps are the properties that say on what legal basis and under
// which regime a listing was made, with their labels; the order is the
// order shown.
var legalProps = []struct{ prop, label string }{
	{"legalAuthority", "Legal authority"},
	{"authority", "Authority"},
	{"federalRegisterNotice", "Federal Register notice"},
	{"standardOrder", "Standard order"},
	{"euReferenceNumber", "EU reference"},
	{"sanctions", "Sanctions"},
	{"sanctionsType", "Type of sanctions"},
	{"sanctionsImposed", "Sanctions imposed"},
	{"sanctionsLists", "Sanctions lists"},
	{"sourceList", "Source list"},
	{"licenseRequirement", "Licence requirement"},
	{"licensePolicy", "Licence policy"},
	{"designationDate", "Designated"},
	{"endDate", "Ends"},
	{"modifiedAt", "Modified by the publisher"},
}

// countryProps hold country codes, shown as country names.
var countryProps = map[string]bool{"flag": true, "pastFlags": true, "birthCountry": true}

// entityPage shows a listed entity's profile.
func (s *server) entityPage(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	id := r.PathValue("id")
	snap := s.snapshot(rq)
	recs, err := s.servedRecords(ctx, snap, id)
	if err != nil {
		return err
	}
	hist, err := s.Store.EntityHistory(ctx, id)
	if err != nil && errkind.Of(err) != errkind.NotFound {
		return err
	}
	v := &entityView{ID: id}
	if len(recs) == 0 && len(hist) > 0 {
		v.Removed = true
		if recs, err = s.lastRecords(ctx, id, hist); err != nil {
			return err
		}
	}
	if len(recs) == 0 {
		return notFound("no listed entity %q", id)
	}
	v.layout = s.layout(r, rq, recs[0].Caption(), "lists")
	versions := map[int64]*entity.ListVersion{}
	version := func(id int64) (*entity.ListVersion, error) {
		if lv, ok := versions[id]; ok {
			return lv, nil
		}
		lv, err := s.Store.Version(ctx, id)
		if err != nil && errkind.Of(err) != errkind.NotFound {
			return nil, err
		}
		versions[id] = lv
		return lv, nil
	}
	for _, h := range hist {
		lv, err := version(h.VersionID)
		if err != nil {
			return err
		}
		v.History = append(v.History, historyRow{EntityVersion: h, Version: lv})
	}
	for _, e := range recs {
		rv := layOut(e)
		for _, h := range v.History {
			if h.List != e.List {
				continue
			}
			if h.Change == entity.Added && rv.FirstSeen == nil {
				rv.FirstSeen = h.Version
			}
			if h.Change == entity.Added || h.Change == entity.Changed {
				rv.LastChange = h.Version
			}
		}
		v.Records = append(v.Records, rv)
	}
	if snap != nil {
		if res := snap.Subjects(); res != nil {
			v.Subject, _ = res.Subject(id)
		}
	}
	s.render(w, r, http.StatusOK, "entity", v)
	return nil
}

// servedRecords returns the records of an entity in the lists served:
// the demo dataset's when that is served, else the active versions' (none
// when no list has it).
func (s *server) servedRecords(ctx context.Context, snap *screen.Snapshot, id string) ([]*entity.Entity, error) {
	if snap != nil {
		if recs := snap.DemoRecords(id); len(recs) > 0 {
			return recs, nil
		}
	}
	recs, err := s.Store.Entity(ctx, id)
	if err != nil && errkind.Of(err) != errkind.NotFound {
		return nil, err
	}
	return recs, nil
}

// lastRecords returns the entity's records from the last version of each
// list that held it, for an entity no list serves any more.
func (s *server) lastRecords(ctx context.Context, id string, hist []store.EntityVersion) ([]*entity.Entity, error) {
	last := map[string]int64{}
	for _, h := range hist {
		if h.Change != entity.Removed {
			last[h.List] = h.VersionID
		}
	}
	var out []*entity.Entity
	for _, list := range slices.Sorted(maps.Keys(last)) {
		ents, err := s.Store.Entities(ctx, last[list])
		if err != nil {
			return nil, fmt.Errorf("entity %s in version %d: %w", id, last[list], err)
		}
		for _, e := range ents {
			if e.ID == id {
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// layOut sorts a record's properties into the sections of the profile.
func layOut(e *entity.Entity) recordView {
	rv := recordView{Entity: e, RawText: readable(e.Raw)}
	role := func(r string, codes []string) {
		for _, c := range codes {
			rv.Countries = append(rv.Countries, countryName(c)+" ("+r+")")
		}
	}
	role("nationality", e.Nationalities)
	role("citizenship", e.Citizenships)
	role("country", e.Countries)
	rv.Positions = append(slices.Clone(e.Props["position"]), e.Props["title"]...)
	shown := map[string]bool{"position": true, "title": true}
	for _, p := range legalProps {
		shown[p.prop] = true
		if vs := e.Props[p.prop]; len(vs) > 0 {
			rv.Legal = append(rv.Legal, fact{p.label, vs})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(e.Props)) {
		if shown[k] {
			continue
		}
		vs := e.Props[k]
		if countryProps[k] {
			vs = nil
			for _, c := range e.Props[k] {
				vs = append(vs, countryName(c))
			}
		}
		rv.Other = append(rv.Other, fact{k, vs})
	}
	return rv
}
