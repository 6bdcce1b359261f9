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
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
)

// alertsPerPage is the queue's page size.
const alertsPerPage = 50

// queueCountCap bounds the count of each status: a count costs what it
// counts, and past it the queue says "10000+" and pages no further (a
// filter or a sort finds what is beyond). A variable for tests.
var queueCountCap = 10_000

// statusOptions are the queue's status filter choices; "any" shows all.
var statusOptions = []string{entity.AlertOpen, entity.AlertEscalated, entity.AlertPending, entity.AlertTrueMatch, entity.AlertFalsePositive, "any"}

// sortOptions are the queue's orders, by the sort parameter, with the
// store's sort of each and the direction it takes unless dir says
// otherwise: the best score, the oldest, lists and customers A to Z.
// "" is newest first.
var sortOptions = []queueSort{
	{"", "Newest first", "", true},
	{"score", "Score", "score", true},
	{"age", "Age", "id", false},
	{"list", "List", "list", false},
	{"customer", "Customer", "customer", false},
}

// queueFilter is the alert queue's filter form, as in the URL: a saved
// view is a bookmark.
type queueFilter struct {
	Status, List, MinScore, MaxScore, OlderThan, Since, Assignee, Customer, Sort, Dir string
	Page                                                                              int
}

type alertsView struct {
	*layout
	Filter   queueFilter
	Statuses []statusCount
	Sorts    []queueSort
	Lists    []string
	Table    alertTable
	// Total is the number of alerts the filter selects (at least, when
	// Capped); From and To the numbers of the first and last shown.
	Total, From, To int
	Capped          bool
	Pages           []pageLink
	Prev, Next      string
	// Bulk is what a bulk decision just did; Here is the queue's URL the
	// bulk form returns to; SLA the SLA in force ("": none).
	Bulk      *bulkResult
	Here, SLA string
}

// statusCount is a status with the number of alerts in it that match the
// rest of the filter, linked.
type statusCount struct {
	Status, URL     string
	Count           int
	Current, Capped bool
}

// queueSort is an order of the queue: its URL value and label, the
// store's sort and its default direction.
type queueSort struct {
	Value, Label, column string
	desc                 bool
}

// pageLink is one page number of the pager; Gap marks elided pages.
type pageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// alertTable is a table of alerts (the partial "alertrows").
type alertTable struct {
	Rows []alertRow
	Now  time.Time
	// Actions adds an "assign to me" button to each undecided alert not
	// assigned to User, with the CSRF token, returning to Here.
	Actions          bool
	CSRF, User, Here string
	// Select adds a checkbox to each undecided alert, for the bulk form
	// (id "bulk"); AllSelected checks them all.
	Select, AllSelected bool
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
	// SLA is the alert's standing against the SLA (review.SLAState).
	SLA string
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

// parseQueue turns the queue's URL parameters into a store filter,
// without paging.
func (s *server) parseQueue(q url.Values, user string) (queueFilter, store.AlertFilter, error) {
	f := queueFilter{Status: q.Get("status"), List: q.Get("list"), MinScore: q.Get("min"), MaxScore: q.Get("max"), OlderThan: q.Get("older"),
		Since: q.Get("since"), Assignee: q.Get("assignee"), Customer: strings.TrimSpace(q.Get("customer")), Sort: q.Get("sort"), Dir: q.Get("dir"), Page: 1}
	if f.Status == "" {
		f.Status = entity.AlertOpen
	}
	sf := store.AlertFilter{Status: f.Status, List: f.List, CustomerID: f.Customer}
	switch {
	case f.Status == "any":
		sf.Status = ""
	case !slices.Contains(statusOptions, f.Status):
		return f, sf, badRequest("status: %q, want one of %s", f.Status, strings.Join(statusOptions, ", "))
	}
	score := func(name, v string) (float64, error) {
		if v == "" {
			return 0, nil
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || x < 0 || x > 1 {
			return 0, badRequest("%s score: %q, want a number from 0 to 1", name, v)
		}
		return x, nil
	}
	var err error
	if sf.MinScore, err = score("minimum", f.MinScore); err != nil {
		return f, sf, err
	}
	if sf.MaxScore, err = score("maximum", f.MaxScore); err != nil {
		return f, sf, err
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
	i := slices.IndexFunc(sortOptions, func(o queueSort) bool { return o.Value == f.Sort })
	if i < 0 {
		return f, sf, badRequest("sort: %q, want score, age, list or customer", f.Sort)
	}
	sf.Sort, sf.Desc = sortOptions[i].column, sortOptions[i].desc
	switch f.Dir {
	case "":
	case "asc", "desc":
		// Age ascending is newest first: the store sorts by raise order.
		sf.Desc = (f.Dir == "desc") != (f.Sort == "age")
	default:
		return f, sf, badRequest("dir: %q, want asc or desc", f.Dir)
	}
	if p := q.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 {
			return f, sf, badRequest("page: %q, want a page number", p)
		}
		f.Page = n
	}
	return f, sf, nil
}

// alerts is the alert queue, the home page.
func (s *server) alerts(w http.ResponseWriter, r *http.Request, rq *request) error {
	v, err := s.queueView(r, rq, r.URL.Query())
	if err != nil {
		return err
	}
	v.Notice = notices[r.URL.Query().Get("done")]
	s.render(w, r, http.StatusOK, "alerts", v)
	return nil
}

// queueView is the queue for the URL parameters q: the page of alerts
// sorted and paged in the store, the counts of each status for the rest
// of the filter, and the pager.
func (s *server) queueView(r *http.Request, rq *request, q url.Values) (*alertsView, error) {
	f, sf, err := s.parseQueue(q, rq.User.Name)
	if err != nil {
		return nil, err
	}
	// Every status, merged too: "any" lists them all.
	counts, err := s.Store.CountAlerts(r.Context(), sf, entity.AlertStatuses, queueCountCap)
	if err != nil {
		return nil, err
	}
	here := func(set ...string) string {
		u := cloneValues(q)
		u.Del("done")
		for i := 0; i+1 < len(set); i += 2 {
			if set[i+1] == "" {
				u.Del(set[i])
			} else {
				u.Set(set[i], set[i+1])
			}
		}
		return "/ui/alerts?" + u.Encode()
	}
	v := &alertsView{layout: s.layout(r, rq, "Alert queue", "alerts"), Filter: f, Sorts: sortOptions, Lists: s.servedLists(rq), Here: here()}
	if s.cfg.AlertSLA > 0 {
		v.SLA = duration(s.cfg.AlertSLA)
	}
	for _, st := range statusOptions {
		c := statusCount{Status: st, Count: counts[st], Capped: counts[st] >= queueCountCap, Current: st == f.Status, URL: here("status", st, "page", "")}
		if st == "any" {
			for _, n := range counts {
				c.Count += n
				c.Capped = c.Capped || n >= queueCountCap
			}
		}
		v.Statuses = append(v.Statuses, c)
		if c.Current {
			v.Total, v.Capped = c.Count, c.Capped
		}
	}
	pages := max(1, (v.Total+alertsPerPage-1)/alertsPerPage)
	switch {
	case f.Page > pages && v.Capped:
		return nil, badRequest("page: %d, the queue pages through the first %d alerts of a filter: narrow the filter or sort another way", f.Page, v.Total)
	case f.Page > pages:
		return nil, badRequest("page: %d, there are %d pages", f.Page, pages)
	}
	sf.Limit, sf.Offset = alertsPerPage, (f.Page-1)*alertsPerPage
	as, err := s.Store.Alerts(r.Context(), sf)
	if err != nil {
		return nil, err
	}
	if len(as) > 0 {
		v.From, v.To = sf.Offset+1, sf.Offset+len(as)
		v.Total = max(v.Total, v.To) // a capped count may be below the page
	}
	page := func(n int) string { return here("page", strconv.Itoa(n)) }
	if f.Page > 1 {
		v.Prev = page(f.Page - 1)
	}
	if f.Page < pages {
		v.Next = page(f.Page + 1)
	}
	if pages > 1 {
		for n := 1; n <= pages; n++ {
			// The first, the last, and two either side of this one.
			if n == 1 || n == pages || (n >= f.Page-2 && n <= f.Page+2) {
				v.Pages = append(v.Pages, pageLink{Number: n, URL: page(n), Current: n == f.Page})
			} else if len(v.Pages) > 0 && !v.Pages[len(v.Pages)-1].Gap {
				v.Pages = append(v.Pages, pageLink{Gap: true})
			}
		}
	}
	v.Table = newAlertTable(v.layout, as)
	v.Table.Actions, v.Table.Here = true, v.Here
	v.Table.Select, v.Table.AllSelected = true, q.Get("all") == "1"
	for i := range v.Table.Rows {
		row := &v.Table.Rows[i]
		row.SLA = review.SLAState(s.cfg.AlertSLA, row.Status, row.CreatedAt, v.Now)
	}
	return v, nil
}

// bulkResult is what a bulk decision did.
type bulkResult struct {
	Decision string
	Decided  []int64
	Failed   []bulkFailure
}

type bulkFailure struct {
	ID     int64
	Reason string
}

// decideAll records one decision with one reason on every alert selected
// in the queue (each its own decision and audit entry; see
// review.Service.DecideAll), and shows the queue again with what was
// decided and what was not, and why.
func (s *server) decideAll(w http.ResponseWriter, r *http.Request, rq *request) error {
	back, err := url.Parse(safeNext(r.PostForm.Get("return")))
	if err != nil || back.Path != "/ui/alerts" {
		back = &url.URL{Path: "/ui/alerts"}
	}
	var ids []int64
	for _, v := range r.PostForm["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return badRequest("id: %q, want an alert number", v)
		}
		ids = append(ids, id)
	}
	decision := r.PostForm.Get("decision")
	out, err := s.Review.DecideAll(r.Context(), rq.User, ids, decision, r.PostForm.Get("reason"))
	q := back.Query()
	q.Del("all")
	v, verr := s.queueView(r, rq, q)
	if verr != nil {
		return verr
	}
	if err != nil {
		status, msg := describe(err)
		if status == http.StatusInternalServerError {
			return err
		}
		v.Error = msg
		s.render(w, r, status, "alerts", v)
		return nil
	}
	v.Bulk = &bulkResult{Decision: decision}
	for _, o := range out {
		if o.Err != nil {
			status, msg := describe(o.Err)
			if status == http.StatusInternalServerError {
				s.log.Error("ui: bulk decision", "alert", o.ID, "err", clip(o.Err.Error(), 1024))
			}
			v.Bulk.Failed = append(v.Bulk.Failed, bulkFailure{o.ID, msg})
			continue
		}
		v.Bulk.Decided = append(v.Bulk.Decided, o.ID)
	}
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
	"noted":      "The note is added.",
	"attached":   "The file is attached.",
	"verifying":  "The whole trail is being verified again from its first entry; reload the page to see the result.",
	"verified":   "The whole trail is verified again from its first entry.",
}
