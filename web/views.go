package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

//go:embed templates
var templateFS embed.FS

// viewNames are the pages; each is templates/<name>.html, defining
// "content", rendered inside layout.html with the partials.
var viewNames = []string{"login", "error", "screen", "alerts", "alert", "lists", "version", "subjects", "subject", "customers", "customer", "users", "audit", "entity"}

// views holds one parsed template set per page.
type views struct {
	byName map[string]*template.Template
}

// parseViews parses every page at start, so that a broken template stops
// the server from starting rather than failing a request, and checks that
// every template file is a known page or a shared file.
func parseViews(as *assets) (*views, error) {
	base := template.New("layout.html").Funcs(funcs(as))
	base, err := base.ParseFS(templateFS, "templates/layout.html", "templates/partials.html", "templates/report_links.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	vs := &views{byName: map[string]*template.Template{}}
	for _, name := range viewNames {
		t, err := base.Clone()
		if err == nil {
			t, err = t.ParseFS(templateFS, "templates/"+name+".html")
		}
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("web: template %s defines no \"content\"", name)
		}
		vs.byName[name] = t
	}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name != "layout" && name != "partials" && name != "report_links" && !slices.Contains(viewNames, name) {
			return nil, fmt.Errorf("web: template %s is not a registered view", f)
		}
	}
	return vs, nil
}

// layout is what every page shows around its content: the navigation,
// the data banner, messages. Page views embed it.
type layout struct {
	Title string
	// Nav is the navigation entry of the page, marked aria-current.
	Nav  string
	User *entity.User
	// CSRF is the token every POST form carries.
	CSRF   string
	Banner banner
	// Error and Notice are messages shown at the top of the content.
	Error, Notice string
	Now           time.Time
	// AppVersion is veto's version.
	AppVersion string
}

// IsApprover and IsAdmin say what the signed-in user may do.
func (l *layout) IsApprover() bool {
	return l.User != nil && entity.UserRank(l.User.Role) >= entity.UserRank(entity.UserApprover)
}

// IsAdmin reports whether the user is an admin.
func (l *layout) IsAdmin() bool {
	return l.User != nil && entity.UserRank(l.User.Role) >= entity.UserRank(entity.UserAdmin)
}

// banner says on every page what is being screened against.
type banner struct {
	Data  screen.Data
	Lists []listAge
	// LastRefresh is when the lists were last refreshed; Failed are the
	// lists that refresh failed for, named without the error's details
	// (URLs, hosts): every signed-in user sees the banner.
	LastRefresh time.Time
	Failed      []listFailure
	// Now is the page's time, for the failures' age.
	Now time.Time
	// Admin links the failures to their details on the lists page.
	Admin bool
}

// listAge is one served list and how old it is.
type listAge struct {
	List      string
	Published time.Time
	Age       string
	// Fetched is set when the list carries no publication date: the
	// age is then since veto fetched it.
	Fetched bool
	// Stale is set when the list is older than Config.MaxListAge.
	Stale bool
	// Unknown is set when the publication date is not known (a file
	// time): the list's age is unknown, neither fresh nor old.
	Unknown bool
}

// snapshot returns the snapshot of the page: taken once, when the page
// began (or here, for pages not behind page), so that the banner, the
// lists offered and a screening shown are of the same versions.
func (s *server) snapshot(rq *request) *screen.Snapshot {
	if rq.snap == nil {
		rq.snap = s.Keeper.Snapshot()
	}
	return rq.snap
}

func (s *server) layout(r *http.Request, rq *request, title, nav string) *layout {
	l := &layout{Title: title, Nav: nav, User: rq.User, Now: s.cfg.Now().UTC(), AppVersion: s.cfg.Version}
	if rq.Session != nil {
		l.CSRF = rq.Session.CSRF
	}
	st := s.Keeper.StatusOf(s.snapshot(rq))
	l.Banner = banner{Data: st.Data, LastRefresh: st.LastRefresh, Failed: refreshFailures(st.LastRefreshError), Now: l.Now, Admin: l.IsAdmin()}
	for _, v := range st.Versions {
		at, fetched := v.Published, v.Published.IsZero()
		if fetched {
			at = v.FetchedAt
		}
		if v.PublishedFrom == entity.PublishedFromFileTime {
			l.Banner.Lists = append(l.Banner.Lists, listAge{List: v.List, Published: v.Published, Unknown: true})
			continue
		}
		age := l.Now.Sub(at)
		l.Banner.Lists = append(l.Banner.Lists, listAge{List: v.List, Published: at, Age: duration(age), Fetched: fetched, Stale: age > s.cfg.MaxListAge})
	}
	slices.SortFunc(l.Banner.Lists, func(a, b listAge) int { return strings.Compare(a.List, b.List) })
	return l
}

// render writes a page. It executes the template into a buffer first, so
// that a template error gives a clean 500 and never half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t, ok := s.views.byName[name]
	var buf bytes.Buffer
	err := fmt.Errorf("no view %q", name)
	if ok {
		err = t.ExecuteTemplate(&buf, "layout.html", data)
	}
	if err != nil {
		s.log.Error("ui: template failed", "view", name, "err", err)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintln(w, "500 Internal Server Error: the page could not be rendered; it has been logged.")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// headers sets the security headers of every response: only our own
// script and style run, no framing, no MIME sniffing, and pages (which
// hold personal data) are not cached.
func (s *server) headers(next http.Handler) http.Handler {
	const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
		"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if !strings.HasPrefix(r.URL.Path, Base+"static/") {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// funcs are the template functions.
func funcs(as *assets) template.FuncMap {
	return template.FuncMap{
		"asset":    as.url,
		"score":    func(f float64) string { return fmt.Sprintf("%.2f", f) },
		"percent":  func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) },
		"signed":   signed,
		"date":     func(t time.Time) string { return dateOr(t, "2006-01-02") },
		"datetime": func(t time.Time) string { return dateOr(t, "2006-01-02 15:04 UTC") },
		"iso":      func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"isodate":  func(t time.Time) string { return t.UTC().Format(time.DateOnly) },
		"ago":      func(now, t time.Time) string { return duration(now.Sub(t)) },
		"label":    label,
		"join":     strings.Join,
		"add":      func(a, b int) int { return a + b },
		"country":  countryName,
		"nameKind": nameKind,
	}
}

func dateOr(t time.Time, layout string) string {
	if t.IsZero() {
		return "—"
	}
	return t.UTC().Format(layout)
}

// signed formats a score change with its sign: +0.05, −0.10.
func signed(f float64) string {
	switch {
	case f > 0.0005:
		return fmt.Sprintf("+%.3f", f)
	case f < -0.0005:
		return fmt.Sprintf("−%.3f", -f)
	}
	return "±0"
}

// duration says how long, roughly: 45 s, 12 min, 5 h, 3 d.
func duration(d time.Duration) string {
	switch {
	case d < 0:
		return "in the future"
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h", int(d.Hours()))
	}
	return fmt.Sprintf("%d d", int(math.Floor(d.Hours()/24)))
}

// labels are the words shown for the codes of statuses, decisions,
// causes, actions, match methods and features.
var labels = map[string]string{
	entity.AlertOpen:          "Open",
	entity.AlertEscalated:     "Escalated",
	entity.AlertPending:       "Pending approval",
	entity.AlertTrueMatch:     "True match",
	entity.AlertFalsePositive: "False positive",
	entity.AlertMerged:        "Merged",
	entity.DecisionEscalate:   "Escalate",
	entity.CauseCustomer:      "Customer added or changed",
	entity.CauseListChange:    "List change",
	entity.CauseRescreen:      "Full re-screening",
	entity.CauseRelisted:      "Listing changed after a false positive",
	entity.CauseNewListing:    "New listing of the subject",
	entity.ActionMerge:        "Merged",
	entity.ActionDecide:       "Decided",
	entity.ActionApprove:      "Approved",
	entity.ActionReject:       "Rejected",
	entity.ActionAssign:       "Assigned",
	entity.Added:              "Added",
	entity.Removed:            "Removed",
	entity.Changed:            "Changed",
	// Match methods.
	"exact":      "same spelling",
	"phonetic":   "sounds alike",
	"edit1":      "one letter apart",
	"edit2":      "two letters apart",
	"consonants": "same consonants",
	"initial":    "initial",
	"joined":     "words joined",
	"legalForm":  "different legal form",
	// Features.
	"identifier":     "Identifier",
	"birthDate":      "Date of birth",
	"country":        "Country",
	"gender":         "Gender",
	"weakAlias":      "Weak alias",
	"lowInformation": "Little information in the query",
	// Identifier types.
	entity.IDPassport:     "Passport",
	entity.IDNational:     "ID number",
	entity.IDTax:          "Tax number",
	entity.IDRegistration: "Registration number",
	entity.IDIMO:          "IMO number",
	entity.IDMMSI:         "MMSI",
	entity.IDCallSign:     "Call sign",
	entity.IDSwiftBIC:     "SWIFT/BIC",
	entity.IDLEI:          "LEI",
	entity.IDINN:          "INN",
	entity.IDOGRN:         "OGRN",
	entity.IDISIN:         "ISIN",
	entity.IDCrypto:       "Crypto wallet",
	// Name kinds.
	"name":         "primary name",
	"alias":        "alias",
	"previousName": "previous name",
	"any":          "Any status",
}

// nameKinds say how strongly a listed name identifies its entity.
var nameKinds = map[entity.NameKind]string{
	entity.Primary:   "primary name",
	entity.Alias:     "strong alias",
	entity.WeakAlias: "weak alias (low quality)",
	entity.Previous:  "previous name",
}

func nameKind(k entity.NameKind) string {
	if s, ok := nameKinds[k]; ok {
		return s
	}
	return string(k)
}

// label returns the words for a code (a string or a named string type,
// such as match.Method).
func label(code any) string {
	c := fmt.Sprint(code)
	if l, ok := labels[c]; ok {
		return l
	}
	return c
}
