package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
)

// regimeLabels name, for people, the regimes the form offers. Which
// regimes exist is all.Regimes, derived from the publishers; only the
// wording lives here.
var regimeLabels = map[string]string{
	"us": "United States (OFAC, CSL)",
	"un": "United Nations",
	"eu": "European Union",
	"uk": "United Kingdom",
	"ca": "Canada",
	"au": "Australia",
}

// regimeOptions are the regimes the form offers, in all.Regimes order; a
// regime without a label is shown by its code rather than left out.
func regimeOptions() []option {
	var out []option
	for _, r := range all.Regimes() {
		label := regimeLabels[r]
		if label == "" {
			label = r
		}
		out = append(out, option{Value: r, Label: label})
	}
	return out
}

// schemas are the kinds of party a query may be restricted to.
var schemas = []string{"Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane"}

// fieldLabels name, for people, the optional fields of the form a
// screening can go without.
var fieldLabels = map[string]string{"birthDate": "date of birth", "country": "country", "idNumber": "identifier"}

// option is a choice in a form.
type option struct {
	Value, Label string
	Checked      bool
}

// screenForm is the screening form as filled in.
type screenForm struct {
	// Subject is the party as typed; its optional fields are read
	// leniently (see screenQuery).
	entity.Subject
	CustomerID, Threshold string
	// AsOf, a date or an RFC 3339 date-time, screens against the list
	// versions in force then.
	AsOf  string
	Scope []string
}

type screenView struct {
	*layout
	Form             screenForm
	Schemas          []string
	Regimes, Lists   []option
	DefaultThreshold float64
	// Result is set after a screening.
	Result *screenResult
}

// screenResult is a screening's outcome and what it was screened against.
type screenResult struct {
	Hits      []hitView
	Threshold float64
	Scope     []string
	Data      screen.Data
	// Versions are the list versions screened against; AsOf the instant
	// they were in force at, for an as-of screening, and Absent the lists
	// of which no version was.
	Versions []entity.VersionRef
	AsOf     time.Time
	Absent   []string
	// Warnings name the fields typed that could not be read, and that
	// the name was screened without.
	Warnings []string
	// Customer is the customer ID monitored, if one was given; Changed
	// reports whether it was new or changed (and so screened by
	// monitoring), Alerts the alerts that raised.
	Customer    string
	Changed     bool
	Alerts      []entity.Alert
	MonitorNote string
}

// hitView is one hit with its explanation as a breakdown.
type hitView struct {
	screen.Hit
	Breakdown *breakdown
}

func (s *server) screenView(r *http.Request, rq *request, f screenForm) *screenView {
	v := &screenView{layout: s.layout(r, rq, "Screen a name", "screen"), Form: f, Schemas: schemas}
	if snap := s.snapshot(rq); snap != nil {
		v.DefaultThreshold = snap.Config().Threshold
	}
	served := s.servedLists(rq)
	for _, o := range regimeOptions() {
		if slices.ContainsFunc(served, func(l string) bool { return all.Jurisdiction(l) == o.Value }) {
			o.Checked = slices.Contains(f.Scope, o.Value)
			v.Regimes = append(v.Regimes, o)
		}
	}
	for _, l := range served {
		v.Lists = append(v.Lists, option{Value: l, Label: l, Checked: slices.Contains(f.Scope, l)})
	}
	return v
}

// servedLists are the names of the lists of the page's snapshot, sorted.
func (s *server) servedLists(rq *request) []string {
	if snap := s.snapshot(rq); snap != nil {
		return snap.Lists()
	}
	return nil
}

func (s *server) screenForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	s.render(w, r, http.StatusOK, "screen", s.screenView(r, rq, screenForm{}))
	return nil
}

// screen screens the form's query exactly as POST /v1/screen does (the
// same screener, threshold, limit and scope rules), shows the hits with
// their breakdowns, records a summary in the audit trail, and, given a
// customer ID, stores the customer for monitoring, which raises its
// alerts.
func (s *server) screen(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := readScreenForm(r.PostForm)
	v := s.screenView(r, rq, f)
	res, err := s.screenQuery(r, rq, f)
	if err != nil {
		status, msg := describe(err)
		if status == http.StatusInternalServerError {
			return err
		}
		v.Error = msg
		s.render(w, r, status, "screen", v)
		return nil
	}
	v.Result = res
	s.render(w, r, http.StatusOK, "screen", v)
	return nil
}

// readScreenForm reads the screening form posted.
func readScreenForm(pf url.Values) screenForm {
	return screenForm{
		Subject: entity.Subject{Name: strings.TrimSpace(pf.Get("name")), Schema: entity.Schema(pf.Get("schema")), BirthDate: strings.TrimSpace(pf.Get("birthDate")),
			Country: strings.TrimSpace(pf.Get("country")), IDNumber: strings.TrimSpace(pf.Get("idNumber"))},
		CustomerID: strings.TrimSpace(pf.Get("customerId")), Threshold: strings.TrimSpace(pf.Get("threshold")), AsOf: strings.TrimSpace(pf.Get("asOf")),
		Scope: pf["scope"]}
}

func (s *server) screenQuery(r *http.Request, rq *request, f screenForm) (*screenResult, error) {
	c := entity.Customer{ID: f.CustomerID, Subject: f.Subject}
	q := monitor.Query(&c)
	// As POST /v1/screen: a date of birth, country or identifier that
	// cannot be read is left out and said so; the name is screened.
	dropped, err := q.ValidateLenient(entity.DayFirst)
	if err != nil {
		return nil, badRequest("%v", err)
	}
	c.Subject = q.Subject // a customer is stored as it was screened
	if f.Schema != "" && !slices.Contains(schemas, string(q.Schema)) {
		return nil, badRequest("schema: %q, want one of %s", f.Schema, strings.Join(schemas, ", "))
	}
	snap := s.snapshot(rq)
	if f.AsOf != "" {
		t, err := screen.ParseAsOf(f.AsOf)
		if err != nil {
			return nil, badRequest("As of: %v", err)
		}
		if f.CustomerID != "" {
			return nil, badRequest("Customer ID: a customer is monitored against the lists served now; leave As of empty to store it, or the customer ID empty to screen as of %s", f.AsOf)
		}
		if snap, err = s.Keeper.AsOf(r.Context(), t); errors.Is(err, screen.ErrNoVersionsAt) {
			return nil, badRequest("As of %s: %v", f.AsOf, err)
		} else if err != nil {
			return nil, err
		}
	}
	if snap == nil {
		return nil, screen.ErrNotReady
	}
	cfg := snap.Config()
	if f.Threshold != "" {
		t, err := strconv.ParseFloat(f.Threshold, 64)
		if err != nil || t < match.MinThreshold || t > 1 {
			return nil, badRequest("threshold: %q, want a number from %v to 1", f.Threshold, match.MinThreshold)
		}
		cfg.Threshold = t
	}
	scope := s.cfg.Regimes
	if len(f.Scope) > 0 {
		served := snap.Lists()
		for _, l := range f.Scope {
			if !all.IsRegime(l) && !slices.Contains(served, l) {
				return nil, badRequest("%q is not a list served here nor a regime", l)
			}
		}
		scope = f.Scope
	}
	hits, err := s.Keeper.Screener.On(snap).Screen(r.Context(), q, screen.Options{Config: &cfg, Limit: screen.DefaultLimit, Explain: true, Lists: scope})
	if err != nil {
		return nil, err
	}
	res := &screenResult{Threshold: cfg.Threshold, Scope: scope, Data: snap.Data, Versions: snap.Refs(), AsOf: snap.AsOf, Absent: snap.Absent}
	for _, d := range dropped {
		res.Warnings = append(res.Warnings, fmt.Sprintf("Screened without the %s: %v.", fieldLabels[d.Field], d.Err))
	}
	for _, h := range hits.Hits {
		res.Hits = append(res.Hits, hitView{h, explain(h.Explanation, h.Score)})
	}
	if err := s.recordScreen(r, rq, f.CustomerID, snap, hits); err != nil {
		return nil, err
	}
	if f.CustomerID == "" {
		return res, nil
	}
	res.Customer = f.CustomerID
	if s.Monitor == nil {
		res.MonitorNote = "Monitoring is not enabled on this server: the customer was not stored."
		return res, nil
	}
	if err := monitor.Validate(&c); err != nil {
		return nil, err
	}
	changed, alerts, err := s.Monitor.PutOn(r.Context(), snap, []entity.Customer{c})
	if err != nil {
		return nil, err
	}
	res.Changed, res.Alerts = len(changed) > 0, alerts
	switch {
	case snap.Data != screen.DataLive:
		res.MonitorNote = "The customer is stored; monitoring raises alerts only against the real lists, not the demo data."
	case !res.Changed:
		res.MonitorNote = "The customer is stored unchanged: it was screened before, so no alert is raised again."
	}
	return res, nil
}

// recordScreen commits a screening's summary to the audit trail (with
// those of the screenings answered at the same time) before the result is
// shown: a screening shown is a screening on the trail.
func (s *server) recordScreen(r *http.Request, rq *request, customerID string, snap *screen.Snapshot, res screen.Result) error {
	// In the form the API records (api "ui"), with the customer ID as
	// the query ID.
	res.ID = customerID
	sum := screen.Summarize("ui", snap, []screen.Result{res})
	subject := "ui/screen"
	if customerID != "" {
		subject = "customer/" + customerID
	}
	if err := s.Audit.Commit(r.Context(), rq.User.Name, chain.ActionScreen, subject, sum); err != nil {
		return fmt.Errorf("the screening could not be recorded in the audit trail, so it is not shown: %w", err)
	}
	return nil
}
