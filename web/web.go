// Package web is veto's analyst UI: server-rendered HTML pages under /ui/
// for screening a name, working the alert queue (decide, approve, assign),
// reading the lists and their changes, the subjects the listings group
// into (with the analysts' decisions on them), the monitored customers, and, for
// admins, the users and the audit trail.
//
// # Design
//
// Pages are html/template views embedded in the binary with one CSS file
// and a few lines of optional JavaScript (j/k keys in the alert queue);
// every page works without script. Assets are served under a content-hash
// URL so that browsers cache them for good and still see a change.
//
// # Security
//
// People sign in with a user name and password (package users); the
// session cookie veto_session is HttpOnly, SameSite=Lax, limited to /ui/,
// and Secure when the server runs TLS (or trusts a proxy that says so).
// Every form that changes something is a POST carrying the session's CSRF
// token, and a POST whose Origin, Referer or Sec-Fetch-Site names another
// site is refused; the sign-in form, which has no session yet, uses a
// double-submit cookie instead. Responses carry a Content-Security-Policy
// that allows only the server's own script and style and no framing.
// Roles gate pages (users and audit: admin) and actions (approving:
// approver), and the services check them again.
package web

import (
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/users"
)

// Base is the path the UI is served under.
const Base = "/ui/"

// Config holds the UI's settings.
type Config struct {
	// Regimes are screened when the screening form names none, as the
	// API's Config.Regimes; empty for all.
	Regimes []string
	// SecureCookies marks the cookies Secure: set it when the server runs
	// TLS. A request that arrived over TLS gets Secure cookies anyway.
	SecureCookies bool
	// TrustProxy trusts X-Forwarded-Proto (https means the browser uses
	// TLS, so cookies are Secure) and the last address of
	// X-Forwarded-For (the client address sign-ins are limited by). Set
	// it only behind a proxy that sets both.
	TrustProxy bool
	// MaxListAge is the age of a list's publication past which the data
	// banner warns (default 48 hours).
	MaxListAge time.Duration
	// Version is veto's version, shown in the footer.
	Version string
	// Logger logs internal errors (default: discard).
	Logger *slog.Logger
	// Now is the clock (default time.Now).
	Now func() time.Time
}

// Deps are the services the UI works with. All but Monitor are required.
type Deps struct {
	Keeper *screen.Keeper
	Store  store.Store
	Users  *users.Service
	Review *review.Service
	Audit  *audit.Log
	// Monitor, if set, monitors a customer screened with a customer ID
	// and raises its alerts.
	Monitor *monitor.Monitor
	// Anchor, if set, gives the audit page the checkpoints to check the
	// trail against (truncation, a recomputed chain).
	Anchor *audit.Anchor
}

// server is the UI.
type server struct {
	cfg Config
	Deps
	views  *views
	assets *assets
	log    *slog.Logger
}

// New returns the UI's handler, serving paths under Base.
func New(cfg Config, d Deps) (http.Handler, error) {
	if d.Keeper == nil || d.Store == nil || d.Users == nil || d.Review == nil || d.Audit == nil {
		return nil, errors.New("web: Keeper, Store, Users, Review and Audit are required")
	}
	if cfg.MaxListAge <= 0 {
		cfg.MaxListAge = 48 * time.Hour
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	as, err := loadAssets()
	if err != nil {
		return nil, err
	}
	vs, err := parseViews(as)
	if err != nil {
		return nil, err
	}
	s := &server{cfg: cfg, Deps: d, views: vs, assets: as, log: cfg.Logger}
	return s.routes(), nil
}

// routes is the UI's whole URL space, with the role each page needs.
func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	// Approving needs the approver role: package review checks it per
	// alert, and the alert page shows the buttons only to approvers.
	analyst, admin := entity.UserAnalyst, entity.UserAdmin
	mux.HandleFunc("GET /ui/static/{file}", s.assets.serve)
	mux.HandleFunc("GET /ui/login", s.loginForm)
	mux.HandleFunc("POST /ui/login", s.login)
	mux.Handle("POST /ui/logout", s.page(analyst, s.logout))
	mux.Handle("GET /ui/{$}", http.RedirectHandler("/ui/alerts", http.StatusSeeOther))

	mux.Handle("GET /ui/screen", s.page(analyst, s.screenForm))
	mux.Handle("POST /ui/screen", s.page(analyst, s.screen))
	mux.Handle("POST /ui/screen/report.pdf", s.page(analyst, s.screenReportPDF))

	mux.Handle("GET /ui/alerts", s.page(analyst, s.alerts))
	mux.Handle("GET /ui/alerts/{id}", s.page(analyst, s.alert))
	mux.Handle("POST /ui/alerts/{id}/decide", s.page(analyst, s.decide))
	mux.Handle("POST /ui/alerts/{id}/approve", s.page(analyst, s.approve))
	mux.Handle("POST /ui/alerts/{id}/reject", s.page(analyst, s.reject))
	mux.Handle("POST /ui/alerts/{id}/assign", s.page(analyst, s.assign))
	mux.Handle("GET /ui/alerts/{id}/report", s.page(analyst, s.alertReport))
	mux.Handle("GET /ui/alerts/{id}/report.pdf", s.page(analyst, s.alertReportPDF))

	mux.Handle("GET /ui/lists", s.page(analyst, s.lists))
	mux.Handle("GET /ui/lists/versions/{id}", s.page(analyst, s.version))

	mux.Handle("GET /ui/entities/{id}", s.page(analyst, s.entityPage))

	mux.Handle("GET /ui/subjects", s.page(analyst, s.subjectsPage))
	mux.Handle("GET /ui/subjects/{id}", s.page(analyst, s.subject))
	mux.Handle("POST /ui/subjects/{id}/decide", s.page(analyst, s.decideSubject))
	mux.Handle("POST /ui/subjects/decisions/{id}/revoke", s.page(analyst, s.revokeSubjectDecision))

	mux.Handle("GET /ui/customers", s.page(analyst, s.customers))
	mux.Handle("GET /ui/customers/{id}", s.page(analyst, s.customer))

	mux.Handle("GET /ui/users", s.page(admin, s.users))
	mux.Handle("POST /ui/users", s.page(admin, s.createUser))
	mux.Handle("POST /ui/users/{name}", s.page(admin, s.updateUser))

	mux.Handle("GET /ui/audit", s.page(admin, s.audit))

	mux.Handle("/ui/", s.page("", func(w http.ResponseWriter, r *http.Request, rq *request) error {
		return notFound("no page %s", r.URL.Path)
	}))
	return s.headers(mux)
}
