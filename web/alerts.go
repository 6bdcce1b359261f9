package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
)

// alertsPerPage is the queue's page size.
const alertsPerPage = 50

// statusOptions are the queue's status filter choices; "any" shows all.
var statusOptions = []string{entity.AlertOpen, entity.AlertEscalated, entity.AlertPending, entity.AlertTrueMatch, entity.AlertFalsePositive, "any"}

// queueFilter is the alert queue's filter form, as in the URL.
type queueFilter struct {
	Status, List, MinScore, OlderThan, Since, Assignee string
}

type alertsView struct {
	*layout
	Filter   queueFilter
	Statuses []string
	Lists    []string
	Table    alertTable
	// Next is the next page's URL ("" on the last), First the first
	// page's when this is not it.
	Next, First string
}

// alertTable is a table of alerts (the partial "alertrows").
type alertTable struct {
	Rows []alertRow
	Now  time.Time
	// Actions adds an "assign to me" button to each undecided alert not
	// assigned to User, with the CSRF token, returning to Here.
	Actions          bool
	CSRF, User, Here string
}

// alertRow is one alert in the queue: one (customer, subject) pair.
type alertRow struct {
	entity.Alert
	// Caption is the listed entity's name.
	Caption string
	// Lists are every list naming the subject; Matched the listings the
	// customer matched (empty for a subject of one listing).
	Lists   []string
	Matched []screen.Listing
}

// newAlertTable makes the table of alerts as.
func newAlertTable(l *layout, as []entity.Alert) alertTable {
	t := alertTable{Now: l.Now, CSRF: l.CSRF}
	if l.User != nil {
		t.User = l.User.Name
	}
	for i := range as {
		row := alertRow{Alert: as[i], Caption: as[i].EntityID, Lists: []string{as[i].List}}
		var h screen.Hit
		if json.Unmarshal(as[i].Hit, &h) == nil {
			if h.Caption != "" {
				row.Caption = h.Caption
			}
			if len(h.Lists) > 0 {
				row.Lists = h.Lists
			}
			row.Matched = h.Matched
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// parseQueue turns the queue's URL parameters into a store filter.
func (s *server) parseQueue(q url.Values, user string) (queueFilter, store.AlertFilter, error) {
	f := queueFilter{Status: q.Get("status"), List: q.Get("list"), MinScore: q.Get("min"), OlderThan: q.Get("older"), Since: q.Get("since"), Assignee: q.Get("assignee")}
	if f.Status == "" {
		f.Status = entity.AlertOpen
	}
	sf := store.AlertFilter{Status: f.Status, List: f.List, Limit: alertsPerPage + 1}
	switch {
	case f.Status == "any":
		sf.Status = ""
	case !slices.Contains(statusOptions, f.Status):
		return f, sf, badRequest("status: %q, want one of %s", f.Status, strings.Join(statusOptions, ", "))
	}
	if f.MinScore != "" {
		v, err := strconv.ParseFloat(f.MinScore, 64)
		if err != nil || v < 0 || v > 1 {
			return f, sf, badRequest("minimum score: %q, want a number from 0 to 1", f.MinScore)
		}
		sf.MinScore = v
	}
	if f.OlderThan != "" {
		days, err := strconv.Atoi(f.OlderThan)
		if err != nil || days < 0 || days > 3650 {
			return f, sf, badRequest("older than: %q, want a number of days", f.OlderThan)
		}
		sf.CreatedBefore = s.cfg.Now().Add(-time.Duration(days) * 24 * time.Hour)
	}
	if f.Since != "" {
		t, err := time.Parse("2006-01-02", f.Since)
		if err != nil {
			return f, sf, badRequest("raised since: %q, want a date like 2025-01-31", f.Since)
		}
		sf.CreatedAfter = t
	}
	switch f.Assignee {
	case "":
	case "mine":
		sf.Assignee = user
	case "unassigned":
		sf.Assignee = "-"
	default:
		sf.Assignee = f.Assignee
	}
	if b := q.Get("before"); b != "" {
		id, err := strconv.ParseInt(b, 10, 64)
		if err != nil || id <= 0 {
			return f, sf, badRequest("before: %q, want an alert number", b)
		}
		sf.BeforeID = id
	}
	return f, sf, nil
}

// alerts is the alert queue, the home page.
func (s *server) alerts(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f, sf, err := s.parseQueue(q, rq.User.Name)
	if err != nil {
		return err
	}
	as, err := s.Store.Alerts(r.Context(), sf)
	if err != nil {
		return err
	}
	v := &alertsView{layout: s.layout(r, rq, "Alert queue", "alerts"), Filter: f, Statuses: statusOptions, Lists: s.servedLists(rq)}
	if len(as) > alertsPerPage {
		as = as[:alertsPerPage]
		next := cloneValues(q)
		next.Set("before", strconv.FormatInt(as[len(as)-1].ID, 10))
		v.Next = "/ui/alerts?" + next.Encode()
	}
	if sf.BeforeID != 0 {
		first := cloneValues(q)
		first.Del("before")
		v.First = "/ui/alerts?" + first.Encode()
	}
	v.Table = newAlertTable(v.layout, as)
	v.Table.Actions, v.Table.Here = true, r.URL.RequestURI()
	v.Notice = notices[q.Get("done")]
	s.render(w, r, http.StatusOK, "alerts", v)
	return nil
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// notices are the messages shown after an action, by the done parameter
// of the redirect: only these, so that a link cannot put words on the
// page.
var notices = map[string]string{
	"decided":    "Your decision is recorded. A true match or false positive takes effect when another approver approves it.",
	"escalated":  "The alert is escalated to an approver.",
	"approved":   "Approved: the decision takes effect.",
	"rejected":   "Rejected: the alert is open again.",
	"assigned":   "The alert is assigned.",
	"user":       "The user is saved.",
	"usercreate": "The user is created.",
}
