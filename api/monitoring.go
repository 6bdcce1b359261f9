package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
)

// customersRequest is the body of POST /v1/customers: one customer's
// fields at the top level, or up to MaxBatch in "customers".
type customersRequest struct {
	entity.Customer
	Customers []entity.Customer `json:"customers,omitempty"`
}

// customersResponse says which customers were added or changed (and so
// screened) and the alerts their screening raised.
type customersResponse struct {
	Changed []string       `json:"changed"`
	Alerts  []entity.Alert `json:"alerts"`
	// Warnings name the optional fields a customer was stored and
	// screened without, because they could not be read.
	Warnings []inputWarning `json:"warnings,omitempty"`
}

func (s *Server) needMonitor() error {
	if s.monitor == nil {
		return errorf(CodeNotFound, "monitoring is not enabled on this server")
	}
	return nil
}

func (s *Server) putCustomers(w http.ResponseWriter, r *http.Request) error {
	if err := s.needMonitor(); err != nil {
		return err
	}
	var req customersRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	single := !reflect.ValueOf(req.Customer).IsZero()
	cs := req.Customers
	switch {
	case single && cs != nil:
		return errorf(CodeInvalid, "give one customer's fields or \"customers\", not both")
	case single:
		cs = []entity.Customer{req.Customer}
	case len(cs) == 0:
		return errorf(CodeInvalid, "id and name: required (or \"customers\": a list of customers)")
	case len(cs) > s.cfg.MaxBatch:
		return errorf(CodeTooManyQueries, "customers: %d, at most %d per request; use veto customers import for files", len(cs), s.cfg.MaxBatch)
	}
	seen := map[string]int{}
	var warnings []inputWarning
	for i := range cs {
		field := fmt.Sprintf("customers[%d]", i)
		if single {
			field = "customer"
		}
		if !cs[i].Removed.IsZero() || !cs[i].CreatedAt.IsZero() || !cs[i].UpdatedAt.IsZero() {
			return errorf(CodeInvalid, "%s: removed, createdAt and updatedAt are set by veto", field)
		}
		dropped, err := monitor.ValidateLenient(&cs[i], entity.DayFirst)
		if err != nil {
			return errorf(CodeInvalid, "%s: %v", field, err)
		}
		prefix := field + "."
		if single {
			prefix = ""
		}
		for _, d := range dropped {
			warnings = append(warnings, inputWarning{Field: prefix + d.Field, Value: d.Value, Message: "stored and screened without " + prefix + d.Error()})
		}
		if j, dup := seen[cs[i].ID]; dup {
			return errorf(CodeInvalid, "%s: id %q is also customers[%d]", field, cs[i].ID, j)
		}
		seen[cs[i].ID] = i
	}
	snap := info(r).snap
	changed, alerts, err := s.monitor.PutOn(r.Context(), snap, cs)
	// The customers added or changed were screened (unchanged ones are
	// not), and a screening that stopped midway raised alerts until then:
	// they are on the trail either way.
	if len(changed) > 0 {
		if aerr := s.commitScreening(r, summarizeCustomers(snap, changed, alerts)); aerr != nil {
			return aerr
		}
	}
	if err != nil {
		return err
	}
	if changed == nil {
		changed = []string{}
	}
	if alerts == nil {
		alerts = []entity.Alert{}
	}
	writeJSON(w, http.StatusOK, customersResponse{changed, alerts, warnings})
	return nil
}

type customerPage struct {
	Customers []entity.Customer `json:"customers"`
	// Next is the "after" of the next page; empty on the last.
	Next  string `json:"next,omitempty"`
	Total int    `json:"total"`
}

func (s *Server) listCustomers(w http.ResponseWriter, r *http.Request) error {
	if err := knownParams(r, "after", "limit"); err != nil {
		return err
	}
	limit, err := intParam(r, "limit", 100, 1, 1000)
	if err != nil {
		return err
	}
	cs, err := s.store.Customers(r.Context(), r.URL.Query().Get("after"), limit+1)
	if err != nil {
		return err
	}
	total, err := s.store.CountCustomers(r.Context())
	if err != nil {
		return err
	}
	page := customerPage{Customers: cs, Total: total}
	if len(cs) > limit {
		page.Customers = cs[:limit]
		page.Next = cs[limit-1].ID
	}
	if page.Customers == nil {
		page.Customers = []entity.Customer{}
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

type customerResponse struct {
	entity.Customer
	Alerts []entity.Alert `json:"alerts"`
}

func (s *Server) getCustomer(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	c, err := s.store.Customer(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return errorf(CodeNotFound, "no customer %q", id)
	}
	if err != nil {
		return err
	}
	alerts, err := s.store.Alerts(r.Context(), store.AlertFilter{CustomerID: id, Limit: 1000})
	if err != nil {
		return err
	}
	if alerts == nil {
		alerts = []entity.Alert{}
	}
	writeJSON(w, http.StatusOK, customerResponse{*c, alerts})
	return nil
}

func (s *Server) removeCustomer(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	err := s.store.RemoveCustomer(r.Context(), id, s.now())
	if errors.Is(err, store.ErrNotFound) {
		return errorf(CodeNotFound, "no monitored customer %q", id)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type alertPage struct {
	Alerts []entity.Alert `json:"alerts"`
	// Next is the "before" of the next page; 0 on the last.
	Next int64 `json:"next,omitempty"`
}

func (s *Server) listAlerts(w http.ResponseWriter, r *http.Request) error {
	if err := knownParams(r, "status", "customer", "entity", "subject", "list", "kind", "min_score", "before", "limit"); err != nil {
		return err
	}
	q := r.URL.Query()
	limit, err := intParam(r, "limit", 50, 1, 1000)
	if err != nil {
		return err
	}
	f := store.AlertFilter{Status: q.Get("status"), CustomerID: q.Get("customer"), EntityID: q.Get("entity"), SubjectID: q.Get("subject"), List: q.Get("list"), Limit: limit + 1}
	if v := q.Get("kind"); v != "" {
		if f.Kind, err = entity.ParseKind(v); err != nil {
			return errorf(CodeInvalid, "kind: %v", err)
		}
	}
	if v := q.Get("min_score"); v != "" {
		if f.MinScore, err = floatParam(r, "min_score", 0); err != nil {
			return err
		}
	}
	if v := q.Get("before"); v != "" {
		if f.BeforeID, err = strconv.ParseInt(v, 10, 64); err != nil || f.BeforeID <= 0 {
			return errorf(CodeInvalid, "before: %q, want an alert ID", v)
		}
	}
	alerts, err := s.store.Alerts(r.Context(), f)
	if err != nil {
		return err
	}
	page := alertPage{Alerts: alerts}
	if len(alerts) > limit {
		page.Alerts = alerts[:limit]
		page.Next = alerts[limit-1].ID
	}
	if page.Alerts == nil {
		page.Alerts = []entity.Alert{}
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

func (s *Server) getAlert(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return errorf(CodeNotFound, "no alert %q", r.PathValue("id"))
	}
	a, err := s.store.Alert(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return errorf(CodeNotFound, "no alert %d", id)
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}

// runMonitor re-screens the customers after the list versions not yet
// processed, or, with ?full=true, against every listed entity.
func (s *Server) runMonitor(w http.ResponseWriter, r *http.Request) error {
	if err := s.needMonitor(); err != nil {
		return err
	}
	if err := knownParams(r, "full"); err != nil {
		return err
	}
	full := false
	if v := r.URL.Query().Get("full"); v != "" {
		var err error
		if full, err = strconv.ParseBool(v); err != nil {
			return errorf(CodeInvalid, "full: %q, want true or false", v)
		}
	}
	// The run screens against the request's snapshot, the one its audit
	// entry names, whatever is published meanwhile.
	snap := info(r).snap
	start := time.Now()
	var rep *monitor.Report
	var err error
	if full {
		rep, err = s.monitor.RescreenOn(r.Context(), snap)
	} else {
		rep, err = s.monitor.ProcessOn(r.Context(), snap)
	}
	if errors.Is(err, monitor.ErrBusy) {
		return errorf(CodeConflict, "%v", err)
	}
	// A run that stopped midway raised alerts until then: they are on the
	// trail too.
	if rep != nil {
		if aerr := s.commitMonitorRun(r, summarizeMonitorRun(snap, full, rep, err, time.Since(start))); aerr != nil {
			return aerr
		}
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}

// customersScreening is the audit entry of a POST /v1/customers, the
// shape of the CLI's veto customers import entry: the customers added or
// changed are its queries, the alerts their screening raised its hits
// (query: the customer's ID).
type customersScreening struct {
	screen.Summary
	Customers int `json:"customers"`
	Alerts    int `json:"alerts"`
}

func summarizeCustomers(snap *screen.Snapshot, changed []string, alerts []entity.Alert) customersScreening {
	sum := customersScreening{Summary: screen.Summarize("customers", snap, nil), Customers: len(changed), Alerts: len(alerts)}
	sum.AddAlerts(len(changed), alerts)
	return sum
}

// monitorScreening is the audit entry of a monitoring run, the shape of
// the CLI's veto monitor run entry: the customers screened are its
// queries, the alerts raised its hits (query: the customer's ID).
type monitorScreening struct {
	screen.Summary
	Full      bool   `json:"full,omitempty"`
	Customers int    `json:"customers"`
	Alerts    int    `json:"alerts"`
	Took      string `json:"took"`
	// Interrupted is set when the run stopped before its end.
	Interrupted bool `json:"interrupted,omitempty"`
}

func summarizeMonitorRun(snap *screen.Snapshot, full bool, rep *monitor.Report, err error, took time.Duration) monitorScreening {
	sum := monitorScreening{Summary: screen.Summarize("monitor", snap, nil), Full: full, Customers: rep.Customers, Alerts: len(rep.Alerts),
		Took: took.Round(time.Millisecond).String(), Interrupted: err != nil}
	sum.AddAlerts(rep.Customers, rep.Alerts)
	return sum
}

// commitMonitorRun commits a monitoring run's entry (action monitor.run)
// before the response, as the screening summaries are.
func (s *Server) commitMonitorRun(r *http.Request, sum monitorScreening) error {
	if s.audit == nil {
		return nil
	}
	actor := "anonymous"
	if k := info(r).key; k != "" {
		actor = "key:" + k
	}
	if err := s.audit.Commit(context.WithoutCancel(r.Context()), actor, chain.ActionMonitorRun, "request/"+info(r).id, sum); err != nil {
		s.log.Error("monitoring run: its summary could not be recorded in the audit trail", "request", info(r).id, "err", err)
		return errorf(CodeInternal, "the monitoring run could not be recorded in the audit trail; its alerts are stored, see /v1/alerts")
	}
	return nil
}
