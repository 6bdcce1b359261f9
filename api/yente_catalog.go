package api

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
)

// yente's catalog, algorithms and update routes.

type catalogDataset struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Type  string `json:"type"`
	Load  bool   `json:"load"`
	// Version is the list version's ID (a collection's, a digest of its
	// lists' versions); the index is always built from it, so
	// IndexVersion equals it and IndexCurrent is true.
	Version      string   `json:"version"`
	IndexVersion string   `json:"index_version"`
	IndexCurrent bool     `json:"index_current"`
	UpdatedAt    *string  `json:"updated_at"`
	EntityCount  int      `json:"entity_count"`
	Children     []string `json:"children"`
	// List and Regime are veto's additions: the list's veto name and its
	// sanctions regime.
	List   string `json:"list,omitempty"`
	Regime string `json:"regime,omitempty"`
}

type catalogResponse struct {
	Datasets   []catalogDataset `json:"datasets"`
	Current    []string         `json:"current"`
	Outdated   []string         `json:"outdated"`
	IndexStale bool             `json:"index_stale"`
}

// catalog answers GET /catalog (and /manifest): each list served under
// its OpenSanctions name, and the collections of them all. The ETag
// changes with the versions served; If-None-Match with it gets 304.
func (s *Server) catalog(w http.ResponseWriter, r *http.Request) error {
	var versions []entity.ListVersion
	ref := ""
	if snap := info(r).snap; snap != nil {
		versions, ref = snap.Versions, snap.RefString()
	}
	sum := sha256.Sum256([]byte(ref))
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "public, max-age=300")
	if m := r.Header.Get("If-None-Match"); m == "*" || slices.Contains(strings.Split(strings.ReplaceAll(m, " ", ""), ","), etag) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	resp := catalogResponse{Datasets: []catalogDataset{}, Current: []string{}, Outdated: []string{}}
	var names []string
	total := 0
	var newest time.Time
	for _, v := range versions {
		title := v.List
		if _, l, err := all.List(v.List); err == nil {
			title = l.Title
		}
		id := strconv.FormatInt(v.ID, 10)
		ds := catalogDataset{Name: datasetName(v.List), Title: title, Type: "source", Load: true, Version: id, IndexVersion: id, IndexCurrent: true,
			UpdatedAt: yenteTimestamp(v.Published), EntityCount: v.EntityCount, Children: []string{}, List: v.List, Regime: all.Jurisdiction(v.List)}
		resp.Datasets = append(resp.Datasets, ds)
		names = append(names, ds.Name)
		total += v.EntityCount
		newest = later(newest, v.Published)
	}
	slices.Sort(names)
	digest := hex.EncodeToString(sum[:6])
	for _, c := range collections {
		resp.Datasets = append(resp.Datasets, catalogDataset{Name: c, Title: "All sanctions lists served by veto", Type: "collection", Load: true,
			Version: digest, IndexVersion: digest, IndexCurrent: true, UpdatedAt: yenteTimestamp(newest), EntityCount: total, Children: names})
	}
	resp.Current = append(names, collections...)
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// algorithmFeatures are the features veto's matcher reports in
// explanations, as /algorithms describes them.
var algorithmFeatures = map[string]string{
	"name":           "name similarity: query and listed name tokens aligned across scripts, transliterations and spellings, weighted by rarity",
	"birthDate":      "date of birth (or of incorporation, or build) agreeing or contradicting",
	"country":        "nationality, citizenship or country agreeing or contradicting",
	"identifier":     "an identifier (passport, registration, IMO, BIC, ...) equal to a listed one",
	"gender":         "gender contradicting",
	"weakAlias":      "the name met is a weak alias, which alone does not identify",
	"lowInformation": "the name says little (one common token)",
}

type algorithmFeature struct {
	Description string  `json:"description"`
	Coefficient float64 `json:"coefficient"`
	URL         string  `json:"url"`
}

type algorithmDocs struct {
	Name        string                      `json:"name"`
	Description string                      `json:"description"`
	Config      map[string]any              `json:"config"`
	Features    map[string]algorithmFeature `json:"features"`
}

type algorithmInfo struct {
	Name        string                      `json:"name"`
	Description string                      `json:"description"`
	Features    map[string]algorithmFeature `json:"features"`
	Docs        algorithmDocs               `json:"docs"`
}

// algorithms answers GET /algorithms: veto's matcher, under its own name
// and under each name yente's clients send, which it serves.
func (s *Server) algorithms(w http.ResponseWriter, r *http.Request) error {
	features := map[string]algorithmFeature{}
	for name, d := range algorithmFeatures {
		features[name] = algorithmFeature{Description: d, Coefficient: 1, URL: "https://github.com/vetoscreen/veto/blob/main/docs/design.md"}
	}
	var out []algorithmInfo
	for _, name := range append([]string{yenteAlgorithm}, yenteAlgorithms...) {
		desc := matcherDescription
		if name != yenteAlgorithm {
			desc = "served by " + yenteAlgorithm + ": " + desc
		}
		out = append(out, algorithmInfo{Name: name, Description: desc, Features: features,
			Docs: algorithmDocs{Name: name, Description: desc, Config: map[string]any{}, Features: features}})
	}
	writeJSON(w, http.StatusOK, map[string]any{"algorithms": out, "default": "best", "best": yenteAlgorithm})
	return nil
}

// updatez answers yente's POST /updatez?token=: a refresh of the lists,
// waited for with sync=true, else started in the background. The token
// is Config.UpdateToken (veto serve reads VETO_UPDATE_TOKEN); none set
// refuses every call, as yente does.
func (s *Server) updatez(w http.ResponseWriter, r *http.Request) error {
	token := r.URL.Query().Get("token")
	if s.cfg.UpdateToken == "" || subtle.ConstantTimeCompare([]byte(token), []byte(s.cfg.UpdateToken)) != 1 {
		return errorf(CodeForbidden, "Invalid token.")
	}
	sync, err := boolParam(r.URL.Query(), "sync")
	if err != nil {
		return err
	}
	// Not the request's context: a client that hangs up does not cancel
	// a refresh half-way.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), time.Hour)
	if sync == nil || !*sync {
		go func() {
			defer cancel()
			if err := s.keeper.RefreshNow(ctx); err != nil && !errors.Is(err, screen.ErrBusy) {
				s.log.Error("refresh asked by /updatez failed", "err", err)
			}
		}()
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
		return nil
	}
	defer cancel()
	switch err := s.keeper.RefreshNow(ctx); {
	case errors.Is(err, screen.ErrNoRefresh), errors.Is(err, screen.ErrBusy):
		return errorf(CodeConflict, "%v", err)
	case err != nil:
		return errorf(CodeRefreshFailed, "refresh failed: %v", err)
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}
