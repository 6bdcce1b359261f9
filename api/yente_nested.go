package api

// Nested entities and adjacency on the yente routes: GET
// /entities/{id}?nested=true and /entities/{id}/adjacent[/{prop}]. An
// entity's neighbourhood is the FtM graph veto's export writes (see
// entity.FtMRelated): its Sanctions, Identification, Passport, Address
// and CryptoWallet entities, its links to other entities, and the links
// of other entities to it, nested as yente nests them.

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/resolve/decide"
	"github.com/vetoscreen/veto/screen"
)

// nestedEntity is yente's EntityResponse with nested entities among its
// property values.
type nestedEntity = ftmEntity[any]

// nestedOf is e with the property values props.
func nestedOf(e yenteEntity, props map[string][]any) nestedEntity {
	return nestedEntity{ID: e.ID, Caption: e.Caption, Schema: e.Schema, Properties: props, Datasets: e.Datasets,
		Referents: e.Referents, Target: e.Target, FirstSeen: e.FirstSeen, LastSeen: e.LastSeen, LastChange: e.LastChange}
}

// adjacentResults is yente's AdjacentResults: one property's page of
// neighbours.
type adjacentResults struct {
	Results []any `json:"results"`
	Total   total `json:"total"`
	Limit   int   `json:"limit"`
	Offset  int   `json:"offset"`
}

type adjacentResponse struct {
	Entity   yenteEntity                `json:"entity"`
	Adjacent map[string]adjacentResults `json:"adjacent"`
}

// ftmGraph is what the neighbourhoods of a snapshot's entities are
// found with: the FtM index of its listings, each under the ID the yente
// routes serve it by (its subject's when the subject has several
// listings), and the listings that have relations, by ID, kept with
// what their links are made of.
type ftmGraph struct {
	idx     *entity.FtMIndex
	linkers map[string]*entity.Entity
}

// ftmGraphs keeps the server's graph of the latest snapshot asked for,
// and of its resolution (an analyst's decision re-resolves a snapshot in
// place): it costs a read of every record.
type ftmGraphs struct {
	sync.Mutex
	snap *screen.Snapshot
	res  *decide.Resolved
	g    *ftmGraph
}

func (s *Server) ftmGraph(ctx context.Context, snap *screen.Snapshot) (*ftmGraph, error) {
	c := &s.graphs
	c.Lock()
	defer c.Unlock()
	if c.snap == snap && c.res == snap.Subjects() {
		return c.g, nil
	}
	ents, err := snap.Records(ctx, s.store)
	if err != nil {
		return nil, fmt.Errorf("read the records for the FtM graph: %w", err)
	}
	res := snap.Subjects()
	g := &ftmGraph{linkers: map[string]*entity.Entity{}}
	g.idx = entity.NewFtMIndex(ents, func(e *entity.Entity) (string, entity.Schema) {
		if res != nil {
			if sub, ok := res.Subject(e.ID); ok && len(sub.Members) > 1 {
				return sub.ID, sub.Schema
			}
		}
		return e.ID, e.Schema
	})
	for _, e := range ents {
		if len(e.Relations) > 0 || len(e.Props) > 0 {
			// What FtMRelated makes links of; not the raw record.
			g.linkers[e.ID] = &entity.Entity{ID: e.ID, Schema: e.Schema, List: e.List, Names: e.Names, Relations: e.Relations, Props: e.Props}
		}
	}
	c.snap, c.res, c.g = snap, res, g
	return g, nil
}

// ftmRoot is an entity the yente routes serve: a subject of several
// listings (sub), or a listing.
type ftmRoot struct {
	id   string
	recs []*entity.Entity
	sub  *resolve.Subject
}

// yenteRoot resolves id as GET /entities/{id} does. For a listing of a
// subject of several listings, or the subject ID of a single listing, it
// returns the ID to redirect to instead.
func (s *Server) yenteRoot(r *http.Request, snap *screen.Snapshot, id string) (ftmRoot, string, error) {
	if res := snap.Subjects(); res != nil {
		if sub, ok := res.Subject(id); ok {
			switch {
			case len(sub.Members) > 1 && sub.ID != id:
				return ftmRoot{}, sub.ID, nil
			case len(sub.Members) > 1:
				root := ftmRoot{id: id, sub: sub}
				for _, m := range sub.MemberIDs() {
					rs, _, err := s.entityRecords(r, m)
					if err != nil {
						return ftmRoot{}, "", err
					}
					root.recs = append(root.recs, rs...)
				}
				return root, "", nil
			case sub.ID == id:
				return ftmRoot{}, sub.Members[0].EntityID, nil
			}
		}
	}
	recs, _, err := s.entityRecords(r, id)
	if err != nil {
		return ftmRoot{}, "", err
	}
	if len(recs) == 0 {
		return ftmRoot{}, "", errorf(CodeNotFound, "entity %q is no longer listed; GET /v1/entities/%s has its history", id, id)
	}
	return ftmRoot{id: id, recs: recs}, "", nil
}

// entity renders the root as the yente routes do.
func (s *Server) rootEntity(snap *screen.Snapshot, hist map[string]seen, root ftmRoot) yenteEntity {
	if root.sub != nil {
		return s.subjectEntity(snap, hist, root.sub, root.recs)
	}
	merged := entity.MergeFtM(root.recs)[0]
	out := s.yenteEntityOf(snap, hist, root.recs[0], merged.Datasets)
	out.Properties = merged.Properties
	return out
}

// listedEntity renders the entity served under id (a subject's or a
// listing's) from snap's index; false when there is none.
func (s *Server) listedEntity(snap *screen.Snapshot, hist map[string]seen, id string) (yenteEntity, bool) {
	if res := snap.Subjects(); res != nil {
		if sub, ok := res.Subject(id); ok && len(sub.Members) > 1 && sub.ID == id {
			return s.subjectEntity(snap, hist, sub, candidates(snap, sub)), true
		}
	}
	if c, lists, ok := snap.Index.Candidate(id); ok {
		return s.yenteEntityOf(snap, hist, c.Entity, lists), true
	}
	return yenteEntity{}, false
}

// neighbourhood is an entity and the entities around it, by ID, in a
// stable order.
type neighbourhood struct {
	root  yenteEntity
	order []string
	byID  map[string]yenteEntity
}

func (n *neighbourhood) add(e yenteEntity) {
	if _, ok := n.byID[e.ID]; ok || e.ID == n.root.ID {
		return
	}
	n.order = append(n.order, e.ID)
	n.byID[e.ID] = e
}

// neighbours gathers root's neighbourhood: the entities its listings'
// facts become, the links of other listings to it, and the entities at
// the far end of every link.
func (s *Server) neighbours(r *http.Request, snap *screen.Snapshot, root ftmRoot) (*neighbourhood, error) {
	g, err := s.ftmGraph(r.Context(), snap)
	if err != nil {
		return nil, err
	}
	// The timestamps of the entities served (first_seen, last_change),
	// as the other yente routes give them.
	hist, err := s.seenOf(r.Context(), snap)
	if err != nil {
		return nil, err
	}
	n := &neighbourhood{root: s.rootEntity(snap, hist, root), byID: map[string]yenteEntity{}}
	var set entity.FtMSet
	for _, e := range root.recs {
		set.Add(e.FtMRelated(root.id, g.idx)...)
	}
	for _, from := range g.idx.Linking(root.id) {
		e, ok := g.linkers[from]
		if !ok {
			continue
		}
		as, _, _ := g.idx.Ref(from)
		for _, f := range e.FtMRelated(as, g.idx) {
			if entity.FtMIsEdge(f.Schema) && linksTo(f, root.id) {
				set.Add(f)
			}
		}
	}
	for _, f := range set.Entities() {
		n.add(yenteEntity{ID: f.ID, Caption: f.Caption, Schema: f.Schema, Properties: f.Properties,
			Datasets: datasetNames(f.Datasets), Referents: []string{}})
	}
	// The far ends of the links that are listed entities.
	for _, id := range slices.Clone(n.order) {
		f := n.byID[id]
		if !entity.FtMIsEdge(f.Schema) {
			continue
		}
		for prop, vs := range f.Properties {
			if _, ok := entity.FtMReference(f.Schema, prop); !ok {
				continue
			}
			for _, v := range vs {
				if _, seen := n.byID[v]; !seen && v != root.id {
					if e, ok := s.listedEntity(snap, hist, v); ok {
						n.add(e)
					}
				}
			}
		}
	}
	return n, nil
}

// linksTo reports whether f has id among its references.
func linksTo(f entity.FtMEntity, id string) bool {
	for prop, vs := range f.Properties {
		if _, ok := entity.FtMReference(f.Schema, prop); ok && slices.Contains(vs, id) {
			return true
		}
	}
	return false
}

// adjacent returns the root's neighbours by property, nested as yente
// nests them: its references by their property, with the entities they
// name in place of the IDs; the entities that refer to it under the
// reverse property; an edge's other end in place too, but no further;
// references back to the root kept as IDs. A property of which no value
// could be expanded keeps its IDs; of one with some expanded, the others
// are left out.
func (n *neighbourhood) adjacent() map[string][]any {
	out := map[string][]any{}
	rootID, schema := n.root.ID, n.root.Schema
	for prop, vs := range n.root.Properties {
		if _, ok := entity.FtMReference(schema, prop); !ok {
			continue
		}
		out[prop] = n.expand(vs, rootID, true)
	}
	for _, id := range n.order {
		f := n.byID[id]
		for _, prop := range slices.Sorted(maps.Keys(f.Properties)) {
			rev, ok := entity.FtMReference(f.Schema, prop)
			if !ok || rev == "" || !slices.Contains(f.Properties[prop], rootID) {
				continue
			}
			out[rev] = append(out[rev], n.nest(f, rootID, true))
		}
	}
	return out
}

// expand returns ids with the neighbourhood's entities in place, as
// adjacent says.
func (n *neighbourhood) expand(ids []string, rootID string, deeper bool) []any {
	var found, raw []any
	for _, id := range ids {
		raw = append(raw, id)
		if f, ok := n.byID[id]; ok && id != rootID {
			found = append(found, n.nest(f, rootID, deeper))
		}
	}
	if len(found) == 0 {
		return raw
	}
	return found
}

// nest renders a neighbour: an edge with its other ends expanded (when
// deeper), anything else with its properties as they are.
func (n *neighbourhood) nest(f yenteEntity, rootID string, deeper bool) nestedEntity {
	out := nestedOf(f, make(map[string][]any, len(f.Properties)))
	for prop, vs := range f.Properties {
		if _, ref := entity.FtMReference(f.Schema, prop); ref && deeper && entity.FtMIsEdge(f.Schema) {
			var keep []string
			for _, v := range vs {
				if v != rootID {
					keep = append(keep, v)
				}
			}
			out.Properties[prop] = n.expand(keep, rootID, false)
			if slices.Contains(vs, rootID) {
				out.Properties[prop] = append(out.Properties[prop], rootID)
			}
			continue
		}
		out.Properties[prop] = strings2any(vs)
	}
	return out
}

func strings2any(vs []string) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// neighbourhoodOf resolves the request's entity and gathers its
// neighbourhood; for an ID that redirects, it answers the redirect
// itself and returns nil.
func (s *Server) neighbourhoodOf(w http.ResponseWriter, r *http.Request) (*neighbourhood, error) {
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	root, to, err := s.yenteRoot(r, snap, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	if to != "" {
		// As yente: to the plain entity route, whichever route was
		// asked, without the query string.
		http.Redirect(w, r, "/entities/"+url.PathEscape(to), http.StatusPermanentRedirect)
		return nil, nil
	}
	return s.neighbours(r, snap, root)
}

// nestedParam reads the nested parameter of GET /entities/{id}: true
// unless said otherwise, as yente.
func nestedParam(r *http.Request) (bool, error) {
	v := r.URL.Query().Get("nested")
	if v == "" {
		return true, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, errorf(CodeInvalid, "nested: %q, want true or false", v)
	}
	return b, nil
}

// yenteEntityNested answers GET /entities/{id}?nested=true: the entity
// with its neighbourhood in its properties.
func (s *Server) yenteEntityNested(w http.ResponseWriter, r *http.Request) error {
	n, err := s.neighbourhoodOf(w, r)
	if n == nil {
		return err
	}
	out := nestedOf(n.root, map[string][]any{})
	for prop, vs := range n.root.Properties {
		out.Properties[prop] = strings2any(vs)
	}
	for prop, vs := range n.adjacent() {
		out.Properties[prop] = vs
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// adjacentPage reads the paging parameters of the adjacent routes.
type adjacentPage struct {
	limit, offset int
	sort          []string
}

func readAdjacentPage(r *http.Request) (adjacentPage, error) {
	var p adjacentPage
	var err error
	if p.limit, err = intParam(r, "limit", 10, 0, 500); err != nil {
		return p, err
	}
	if p.offset, err = intParam(r, "offset", 0, 0, 9499); err != nil {
		return p, err
	}
	for _, s := range r.URL.Query()["sort"] {
		field, _, _ := strings.Cut(s, ":")
		if field != "id" && field != "caption" && field != "schema" && !strings.HasPrefix(field, "properties.") {
			return p, errorf(CodeInvalid, "sort: %q, want id, caption, schema or properties.<name>, with :asc or :desc", s)
		}
	}
	p.sort = r.URL.Query()["sort"]
	return p, nil
}

// page sorts the items (if asked) and returns the page of them.
func (p adjacentPage) page(items []any) adjacentResults {
	items = slices.Clone(items)
	for i := len(p.sort) - 1; i >= 0; i-- {
		field, order, _ := strings.Cut(p.sort[i], ":")
		desc := order == "desc"
		slices.SortStableFunc(items, func(a, b any) int {
			va, oka := sortValue(a, field)
			vb, okb := sortValue(b, field)
			switch {
			case !oka || !okb: // missing values last
				return cmpBool(okb, oka)
			case desc:
				return cmp.Compare(vb, va)
			}
			return cmp.Compare(va, vb)
		})
	}
	out := adjacentResults{Results: []any{}, Total: total{Value: len(items), Relation: "eq"}, Limit: p.limit, Offset: p.offset}
	if p.offset < len(items) {
		out.Results = items[p.offset:min(len(items), p.offset+p.limit)]
	}
	return out
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// sortValue is the value an adjacent item sorts by.
func sortValue(item any, field string) (string, bool) {
	e, ok := item.(nestedEntity)
	if !ok {
		return "", false
	}
	switch field {
	case "id":
		return e.ID, true
	case "caption":
		return e.Caption, true
	case "schema":
		return e.Schema, true
	}
	for _, v := range e.Properties[strings.TrimPrefix(field, "properties.")] {
		if s, ok := v.(string); ok {
			return s, true
		}
	}
	return "", false
}

// adjacentOf reads the paging parameters of the adjacent routes, then
// gathers the neighbourhood as neighbourhoodOf does.
func (s *Server) adjacentOf(w http.ResponseWriter, r *http.Request) (adjacentPage, *neighbourhood, error) {
	p, err := readAdjacentPage(r)
	if err != nil {
		return p, nil, err
	}
	n, err := s.neighbourhoodOf(w, r)
	return p, n, err
}

// yenteAdjacent answers GET /entities/{id}/adjacent: the entity, and a
// page of its neighbours for each property that has some.
func (s *Server) yenteAdjacent(w http.ResponseWriter, r *http.Request) error {
	p, n, err := s.adjacentOf(w, r)
	if n == nil {
		return err
	}
	resp := adjacentResponse{Entity: n.root, Adjacent: map[string]adjacentResults{}}
	for prop, items := range n.adjacent() {
		if len(items) > 0 {
			resp.Adjacent[prop] = p.page(items)
		}
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// yenteAdjacentProp answers GET /entities/{id}/adjacent/{prop}: a page of
// the entity's neighbours by one property of its schema that refers to
// entities.
func (s *Server) yenteAdjacentProp(w http.ResponseWriter, r *http.Request) error {
	p, n, err := s.adjacentOf(w, r)
	if n == nil {
		return err
	}
	prop := r.PathValue("prop")
	if _, ok := entity.FtMReference(n.root.Schema, prop); !ok {
		return errorf(CodeNotFound, "no property %q of schema %s that refers to entities", prop, n.root.Schema)
	}
	writeJSON(w, http.StatusOK, p.page(n.adjacent()[prop]))
	return nil
}
