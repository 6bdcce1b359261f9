// Package api is veto's HTTP API: the native JSON API under /v1, a
// yente-compatible API (/match, /search, /entities, /catalog) so that
// clients written for OpenSanctions' yente work unchanged, health and
// readiness probes, Prometheus metrics and the OpenAPI document.
//
// Every route is declared once, in routes.go, with the role it needs; the
// OpenAPI test checks the document against that table. Errors are JSON
// bodies {"error":{"code","message"}} whose codes map to statuses in one
// table (errors.go).
package api

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/batch/jobs"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
)

// Config holds the API's limits and defaults.
type Config struct {
	// MaxBody is the largest request body accepted, in bytes (default
	// 4 MiB: a batch of 1,000 queries fits).
	MaxBody int64
	// MaxBatch is the most queries one request may screen (default 1000).
	MaxBatch int
	// Regimes are the sanctions regimes screened when a request names
	// none: any of "us", "un", "eu", "uk", "ca", "au"; empty for all.
	Regimes []string
	// Version is veto's version, reported by /healthz and /catalog.
	Version string
	// NoAuth turns API keys off, for local experiments only.
	NoAuth bool
	// ReadTimeout bounds the reading of a request, body included, and
	// WriteTimeout the whole exchange: a slow or stalled client holds a
	// connection no longer (defaults 30s and 2m).
	ReadTimeout, WriteTimeout time.Duration
	// MatchCutoff is the lowest score /match returns when the request
	// gives no cutoff (yente's default, 0.5): results between it and the
	// threshold come back with "match": false. Raising it to the
	// threshold makes /match as fast as /v1/screen.
	MatchCutoff float64
	// KeyCacheTTL is how long a looked-up API key is trusted before it is
	// read again: a revocation takes effect within it (default 30s).
	KeyCacheTTL time.Duration
	// MaxUpload is the largest file a batch job accepts, in bytes
	// (default 512 MiB).
	MaxUpload int64
	// MaxCostly is the most costly requests (a batch, a threshold below
	// the default or a limit above it, a text) one client (API key, else
	// remote address) has in flight at once; more are refused 429 busy
	// before any work (default 4). Batch jobs are not counted.
	MaxCostly int
	// CORSOrigins are the origins browsers may call the API from ("*":
	// any); none by default.
	CORSOrigins []string
	// UpdateToken is the token POST /updatez (yente's) asks for to
	// refresh the lists; empty refuses every call, as yente does.
	UpdateToken string
}

// DefaultConfig returns the documented defaults.
func DefaultConfig() Config {
	return Config{MaxBody: 4 << 20, MaxBatch: 1000, Version: "dev", ReadTimeout: 30 * time.Second, WriteTimeout: 2 * time.Minute, KeyCacheTTL: 30 * time.Second, MatchCutoff: 0.5, MaxUpload: 512 << 20, MaxCostly: 4}
}

// Server serves the API.
type Server struct {
	cfg      Config
	screener *screen.Screener
	keeper   *screen.Keeper
	store    store.Store
	log      *slog.Logger
	metrics  *Metrics
	keys     *keyCache
	now      func() time.Time
	monitor  *monitor.Monitor
	audit    *audit.Log
	ui       http.Handler
	jobs     jobs.Service
	costly   costlyClients
	history  history
	graphs   ftmGraphs
}

// Option adds an optional part to the server.
type Option func(*Server)

// WithMonitor serves customers, alerts and monitoring runs.
func WithMonitor(m *monitor.Monitor) Option { return func(s *Server) { s.monitor = m } }

// WithUI serves the web UI h under /ui/, and redirects GET / to it.
func WithUI(h http.Handler) Option { return func(s *Server) { s.ui = h } }

// New returns a Server. The keeper reports what data is served and
// refreshes it on request; metrics may be nil.
func New(cfg Config, keeper *screen.Keeper, st store.Store, metrics *Metrics, log *slog.Logger, opts ...Option) *Server {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultConfig().MaxBody
	}
	if cfg.MaxBatch <= 0 {
		cfg.MaxBatch = DefaultConfig().MaxBatch
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = DefaultConfig().ReadTimeout
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = DefaultConfig().WriteTimeout
	}
	if cfg.MatchCutoff <= 0 || cfg.MatchCutoff > 1 {
		cfg.MatchCutoff = DefaultConfig().MatchCutoff
	}
	if cfg.KeyCacheTTL <= 0 {
		cfg.KeyCacheTTL = DefaultConfig().KeyCacheTTL
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultConfig().MaxUpload
	}
	if cfg.MaxCostly <= 0 {
		cfg.MaxCostly = DefaultConfig().MaxCostly
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{costly: costlyClients{max: cfg.MaxCostly}, cfg: cfg, screener: keeper.Screener, keeper: keeper, store: st, log: log, metrics: metrics,
		keys: newKeyCache(st, cfg.KeyCacheTTL), now: time.Now}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Handler returns the API's handler, with its middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	byPattern := map[string][]route{}
	var order []string
	for _, rt := range s.routes() {
		if _, ok := byPattern[rt.pattern]; !ok {
			order = append(order, rt.pattern)
		}
		byPattern[rt.pattern] = append(byPattern[rt.pattern], rt)
	}
	for _, p := range order {
		mux.Handle(p, s.dispatch(byPattern[p]))
	}
	if s.ui != nil {
		mux.Handle("/ui/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			setRoute(r, "/ui/") // one label for the UI's pages
			s.ui.ServeHTTP(w, r)
		}))
		mux.Handle("GET /{$}", http.RedirectHandler("/ui/", http.StatusSeeOther))
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, errorf(CodeNotFound, "no route %s %s; see /openapi.json", clip(r.Method, maxLogMethod), clip(r.URL.Path, maxLogField)))
	})
	return s.recover(s.observe(s.cors(s.gzipped(mux))))
}

// HTTPServer returns an http.Server for the API on addr, with the
// timeouts and header limit that bound what one client can hold.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: min(10*time.Second, s.cfg.ReadTimeout),
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}
