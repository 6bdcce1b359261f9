package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vetoscreen/veto/api"
	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/demo"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/notify"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/users"
	"github.com/vetoscreen/veto/web"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

type serveOptions struct {
	Addr            string
	TLSCert, TLSKey string
	RefreshEvery    time.Duration
	Poll            time.Duration
	Shutdown        time.Duration
	Regimes         []string
	Config          string
	NoAuth          bool
	NoDemo          bool
	MaxBatch        int
	MaxBody         int64
	JobsDir         string
	JobQuotaBytes   int64
	JobQuotaJobs    int
	JobExpiry       time.Duration
	MatchCutoff     float64
	KeyFile         string
	LogFormat       string
	Refresh         refresh.Config
	Webhooks        []string
	WebhookSecret   string
	UI              bool
	TrustProxy      bool
	Audit           auditOptions
	CheckpointEvery time.Duration
}

// serveEnv maps serve's flags to the environment variables that set them
// when the flag is not given.
var serveEnv = map[string]string{
	"addr": "VETO_ADDR", "tls-cert": "VETO_TLS_CERT", "tls-key": "VETO_TLS_KEY", "refresh-every": "VETO_REFRESH_EVERY",
	"poll": "VETO_POLL", "shutdown-timeout": "VETO_SHUTDOWN_TIMEOUT", "regimes": "VETO_REGIMES", "config": "VETO_MATCH_CONFIG",
	"no-auth": "VETO_NO_AUTH", "no-demo": "VETO_NO_DEMO", "max-batch": "VETO_MAX_BATCH", "max-body": "VETO_MAX_BODY",
	"admin-key-file": "VETO_ADMIN_KEY_FILE", "match-cutoff": "VETO_MATCH_CUTOFF", "log-format": "VETO_LOG_FORMAT", "mirror": "VETO_MIRROR",
	"webhook": "VETO_WEBHOOK_URL", "webhook-secret": "VETO_WEBHOOK_SECRET", "ui": "VETO_UI", "trust-proxy": "VETO_TRUST_PROXY", "jobs-dir": "VETO_JOBS_DIR",
	"job-quota-bytes": "VETO_JOB_QUOTA_BYTES", "job-quota-jobs": "VETO_JOB_QUOTA_JOBS", "job-expiry": "VETO_JOB_EXPIRY",
	"audit-key-file": "VETO_AUDIT_KEY_FILE", "checkpoint-file": "VETO_AUDIT_CHECKPOINTS", "audit-checkpoint-every": "VETO_AUDIT_CHECKPOINT_EVERY",
}

func newServeCommand(g *globalOptions) *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the screening API",
		Long: `Serve the screening API: the native JSON API under /v1, the yente-compatible
/match, /search, /entities and /catalog, /healthz, /readyz, /metrics and
/openapi.json, and the analyst web UI under /ui/ (--ui=false turns it off;
people sign in with accounts made by veto users create).

On start veto loads the store's active list versions. When the store holds
none it serves a small demo dataset built into the binary, says so in the
log and in a "Veto-Data: demo" header on every response, and downloads the
lists; it switches to them as soon as they are stored. It refreshes the
lists every --refresh-every, and polls the store every --poll for versions
stored by another process (veto update, veto import, or another replica
on the same PostgreSQL), swapping its index without a restart.

Clients authenticate with API keys (veto keys create). On the first start
with no keys, veto creates an admin key and writes it to --admin-key-file.

Every screening's outcome summary is committed to the audit trail before
its response is sent. veto serve checkpoints the trail's head, signed with
the audit key (VETO_AUDIT_KEY, or --audit-key-file, created on first start),
every --audit-checkpoint-every and on shutdown: see veto audit --help.

Every flag can also be set by the environment variable named in its help.`,
		Example: `  veto serve
  veto serve --addr 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem
  VETO_DB=postgres://veto@db/veto VETO_REGIMES=un,eu,uk veto serve`,
		Args: cobra.NoArgs,
		PreRunE: func(cmd *cobra.Command, _ []string) error {
			// serve logs each request at info; the warn default is for
			// one-shot commands.
			if !cmd.Flags().Changed("log-level") && os.Getenv("VETO_LOG_LEVEL") == "" {
				g.LogLevel = "info"
			}
			return bindEnv(cmd.Flags(), serveEnv)
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), g, &o)
		},
	}
	o.Refresh = refresh.DefaultConfig()
	f := cmd.Flags()
	f.StringVar(&o.Addr, "addr", "127.0.0.1:8080", "listen on HOST:PORT (env VETO_ADDR)")
	f.StringVar(&o.TLSCert, "tls-cert", "", "serve HTTPS with this PEM certificate chain (env VETO_TLS_CERT)")
	f.StringVar(&o.TLSKey, "tls-key", "", "the certificate's PEM private key (env VETO_TLS_KEY)")
	f.DurationVar(&o.RefreshEvery, "refresh-every", 6*time.Hour, "download the lists this often; 0 never, not even on a first start with no lists (env VETO_REFRESH_EVERY)")
	f.DurationVar(&o.Poll, "poll", 30*time.Second, "check the store for new versions this often (env VETO_POLL)")
	f.DurationVar(&o.Shutdown, "shutdown-timeout", 30*time.Second, "on SIGTERM, wait this long for requests in flight (env VETO_SHUTDOWN_TIMEOUT)")
	f.StringSliceVar(&o.Regimes, "regimes", nil, "regimes screened when a request names none: "+strings.Join(all.Regimes(), ", ")+" (default all) (env VETO_REGIMES)")
	f.StringVar(&o.Config, "config", "", "a JSON file of match.Config fields (env VETO_MATCH_CONFIG)")
	f.BoolVar(&o.NoAuth, "no-auth", false, "serve without API keys: for a laptop, never in production (env VETO_NO_AUTH)")
	f.BoolVar(&o.NoDemo, "no-demo", false, "never serve the demo dataset: stay not ready until lists are stored (env VETO_NO_DEMO)")
	f.IntVar(&o.MaxBatch, "max-batch", api.DefaultConfig().MaxBatch, "most queries in one request (env VETO_MAX_BATCH)")
	f.Int64Var(&o.MaxBody, "max-body", api.DefaultConfig().MaxBody, "largest request body in bytes (env VETO_MAX_BODY)")
	f.Float64Var(&o.MatchCutoff, "match-cutoff", api.DefaultConfig().MatchCutoff, "lowest score /match returns when a request gives no cutoff, as yente (env VETO_MATCH_CUTOFF)")
	f.StringVar(&o.KeyFile, "admin-key-file", "", "where the first admin key is written (default: admin.key beside the SQLite file) (env VETO_ADMIN_KEY_FILE)")
	f.StringVar(&o.LogFormat, "log-format", "text", "log as text or json (env VETO_LOG_FORMAT)")
	f.StringSliceVar(&o.Webhooks, "webhook", nil, "POST a signed notification of each new alert and list version to this URL; repeatable (env VETO_WEBHOOK_URL, comma-separated)")
	f.StringVar(&o.WebhookSecret, "webhook-secret", "", "the HMAC-SHA256 key webhooks are signed with, at least 16 characters (env VETO_WEBHOOK_SECRET)")
	f.StringVar(&o.Refresh.Mirror, "mirror", "", "download the lists from this base URL instead of the publishers' (env VETO_MIRROR)")
	f.StringVar(&o.JobsDir, "jobs-dir", "", "the folder of batch jobs (/v1/jobs) (default: jobs beside the SQLite file; with PostgreSQL, veto-jobs in the temporary folder) (env VETO_JOBS_DIR)")
	f.Int64Var(&o.JobQuotaBytes, "job-quota-bytes", api.DefaultConfig().JobQuotaBytes, "most bytes one API key's batch jobs keep on disk, uploads and results (env VETO_JOB_QUOTA_BYTES)")
	f.IntVar(&o.JobQuotaJobs, "job-quota-jobs", api.DefaultConfig().JobQuotaJobs, "most batch jobs one API key has queued or running (env VETO_JOB_QUOTA_JOBS)")
	f.DurationVar(&o.JobExpiry, "job-expiry", api.DefaultConfig().JobExpiry, "delete a finished batch job and its files this long after it ended, in the audit trail (env VETO_JOB_EXPIRY)")
	f.BoolVar(&o.UI, "ui", true, "serve the analyst web UI under /ui/; users sign in with accounts made by veto users create (env VETO_UI)")
	f.BoolVar(&o.TrustProxy, "trust-proxy", false, "trust X-Forwarded-Proto and X-Forwarded-For from a TLS-terminating proxy: UI cookies become Secure (env VETO_TRUST_PROXY)")
	f.StringVar(&o.Audit.KeyFile, "audit-key-file", "", "the key audit checkpoints are signed with, unless VETO_AUDIT_KEY is set; created on first start (default: audit.key beside the SQLite file) (env VETO_AUDIT_KEY_FILE)")
	f.StringVar(&o.Audit.CheckpointFile, "checkpoint-file", "", "the append-only file audit checkpoints are written to, besides the store (default: audit-checkpoints.jsonl beside the SQLite file) (env VETO_AUDIT_CHECKPOINTS)")
	f.DurationVar(&o.CheckpointEvery, "audit-checkpoint-every", time.Minute, "checkpoint the audit trail's head this often when it has advanced, and on shutdown; 0 only on shutdown (env VETO_AUDIT_CHECKPOINT_EVERY)")
	return cmd
}

// bindEnv sets each flag not given on the command line from its
// environment variable, naming the variable when its value is wrong.
func bindEnv(fs *pflag.FlagSet, env map[string]string) error {
	for flag, name := range env {
		v, ok := os.LookupEnv(name)
		if !ok || v == "" || fs.Changed(flag) {
			continue
		}
		if err := fs.Set(flag, v); err != nil {
			return usageError{fmt.Errorf("environment %s=%q: %w", name, v, err)}
		}
	}
	return nil
}

func (o *serveOptions) validate() error {
	if (o.TLSCert == "") != (o.TLSKey == "") {
		return usageError{errors.New("--tls-cert and --tls-key go together")}
	}
	for _, r := range o.Regimes {
		if !all.IsRegime(r) {
			return usageError{fmt.Errorf("--regimes: unknown regime %q, want one of %s", r, strings.Join(all.Regimes(), ", "))}
		}
	}
	if o.LogFormat != "text" && o.LogFormat != "json" {
		return usageError{fmt.Errorf("--log-format %q: want text or json", o.LogFormat)}
	}
	if len(o.Webhooks) > 0 && len(o.WebhookSecret) < 16 {
		return usageError{errors.New("--webhook needs --webhook-secret (VETO_WEBHOOK_SECRET) of at least 16 characters")}
	}
	if o.MatchCutoff < 0.1 || o.MatchCutoff > 1 {
		return usageError{fmt.Errorf("--match-cutoff %v: want 0.1..1", o.MatchCutoff)}
	}
	if o.CheckpointEvery < 0 {
		return usageError{fmt.Errorf("--audit-checkpoint-every %v: want 0 (only on shutdown) or more", o.CheckpointEvery)}
	}
	if o.MaxBatch < 1 || o.MaxBody < 1024 {
		return usageError{errors.New("--max-batch must be at least 1 and --max-body at least 1024")}
	}
	// Zero would not mean "no quota" or "never": refuse it rather than
	// fall back to a default silently.
	if o.JobQuotaBytes < 1 || o.JobQuotaJobs < 1 || o.JobExpiry < time.Minute {
		return usageError{errors.New("--job-quota-bytes and --job-quota-jobs must be at least 1, and --job-expiry at least 1m")}
	}
	return nil
}

func (o *serveOptions) logger(g *globalOptions) *slog.Logger {
	level := slog.LevelInfo
	_ = level.UnmarshalText([]byte(g.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if o.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(g.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(g.stderr, opts))
}

func runServe(ctx context.Context, g *globalOptions, o *serveOptions) error {
	if err := o.validate(); err != nil {
		return err
	}
	cfg, err := readConfig(o.Config)
	if err != nil {
		return usageError{err}
	}
	log := o.logger(g)
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Bind the address before the store opens and the index loads
	// (seconds on the real lists): a busy port or a wrong address fails
	// at once, naming it. Connections made meanwhile wait in the backlog.
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("listen on %s: the address is in use (another veto serve?); choose another with --addr: %w", o.Addr, err)
		}
		return fmt.Errorf("listen on %s: %w", o.Addr, err)
	}
	defer ln.Close() // if serving never starts; Serve closes it otherwise

	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if !o.NoAuth {
		if err := ensureAdminKey(ctx, st, g, o, log); err != nil {
			return err
		}
	} else {
		log.Warn("API keys are OFF (--no-auth): anyone who can reach " + o.Addr + " can screen and administer")
	}

	screener := screen.New(nil)
	// Costly searches (low thresholds, names built to be costly) share a
	// tenth of the cores beyond their allowance, so they cannot starve
	// everyone else's.
	screener.SetPacer(screen.DefaultPacer())
	keeper := &screen.Keeper{
		Screener: screener, Store: st, Config: cfg,
		RefreshEvery: o.RefreshEvery, PollEvery: o.Poll, Logger: log,
	}
	// --refresh-every 0 is a server that never downloads: not on a
	// schedule, not on its first start with an empty store, not when an
	// admin asks (an air-gapped install, whose lists come from veto
	// import; the poll picks them up).
	if o.RefreshEvery > 0 {
		keeper.Refresh = func(ctx context.Context) error {
			r := &refresh.Refresher{Store: st, Config: o.Refresh, Logger: log}
			outcomes, err := r.Update(ctx, all.Publishers(), nil)
			if err != nil {
				return err
			}
			var errs []error
			for _, oc := range outcomes {
				if oc.Err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", oc.List, oc.Err))
				}
			}
			return errors.Join(errs...)
		}
	} else {
		log.Info("downloading is off (--refresh-every 0): the lists come from veto import or veto update, picked up every --poll")
	}
	if !o.NoDemo {
		keeper.Demo = demoVersions
	}
	metrics := api.NewMetrics(keeper)
	var hooks []notify.Webhook
	for _, u := range o.Webhooks {
		hooks = append(hooks, notify.Webhook{URL: u, Secret: o.WebhookSecret})
	}
	notifier, err := notify.New(hooks, notify.DefaultConfig(), metrics.Registry(), log)
	if err != nil {
		return usageError{err}
	}
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		notifier.Close(ctx)
	}()
	// Monitoring re-screens the customers after each list version the
	// index loads (never against the demo dataset).
	mon := &monitor.Monitor{Store: st, Lists: o.Regimes, Notify: notifier.Notify, Logger: log, Snapshot: keeper.Snapshot}
	monitorNow := make(chan struct{}, 1)
	keeper.OnLoad = func(s screen.Status) {
		if s.Data == screen.DataLive {
			select {
			case monitorNow <- struct{}{}:
			default: // a run is already due
			}
		}
	}
	if err := keeper.Start(ctx); err != nil {
		return err
	}
	acfg := api.DefaultConfig()
	acfg.MaxBatch, acfg.MaxBody, acfg.Regimes, acfg.Version, acfg.NoAuth = o.MaxBatch, o.MaxBody, o.Regimes, version, o.NoAuth
	acfg.MatchCutoff = o.MatchCutoff
	acfg.JobQuotaBytes, acfg.JobQuotaJobs, acfg.JobExpiry = o.JobQuotaBytes, o.JobQuotaJobs, o.JobExpiry
	if acfg.JobsDir = o.JobsDir; acfg.JobsDir == "" {
		acfg.JobsDir = filepath.Join(filepath.Dir(g.DB), "jobs")
		if isPostgres(g.DB) {
			acfg.JobsDir = filepath.Join(os.TempDir(), "veto-jobs")
		}
	}
	// Screening summaries are committed to the audit trail in groups,
	// each before its response. After the server has shut down, the
	// writer stops and the anchor checkpoints the head a last time.
	anchor, created, err := o.Audit.anchor(g, st)
	if err != nil {
		return err
	}
	anchor.Logger = log
	if created {
		keyFile, _ := o.Audit.paths(g)
		log.Warn("created the audit key that signs the audit trail's checkpoints; keep a copy away from the database", "file", keyFile)
	}
	auditLog := audit.NewLog(st, log, nil)
	defer func() {
		auditLog.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, _, err := anchor.Checkpoint(ctx); err != nil {
			log.Error("audit: the shutdown checkpoint was not written", "err", err)
		}
	}()
	opts := []api.Option{api.WithMonitor(mon), api.WithAudit(auditLog)}
	if o.UI {
		ui, err := web.New(web.Config{Regimes: o.Regimes, SecureCookies: o.TLSCert != "", TrustProxy: o.TrustProxy, Version: version, Logger: log},
			web.Deps{Keeper: keeper, Store: st, Users: users.New(st, auditLog), Review: review.New(st, nil), Audit: auditLog, Monitor: mon, Anchor: anchor})
		if err != nil {
			return err
		}
		opts = append(opts, api.WithUI(ui))
	}
	srv := api.New(acfg, keeper, st, metrics, log, opts...).HTTPServer(o.Addr)

	scheme := "http"
	if o.TLSCert != "" {
		scheme = "https"
	}
	url := fmt.Sprintf("%s://%s", scheme, ln.Addr())
	log.Info("veto serving", "url", url, "version", version, "data", keeper.Status().Data, "entities", keeper.Status().Entities)
	fmt.Fprintf(g.stdout, "veto listening on %s\n", url)

	runCtx, cancelRun := context.WithCancel(context.Background())
	defer cancelRun()
	go keeper.Run(runCtx)
	if o.CheckpointEvery > 0 {
		go anchor.Run(runCtx, o.CheckpointEvery)
	}
	go func() {
		for {
			select {
			case <-runCtx.Done():
				return
			case <-monitorNow:
				if _, err := mon.Process(runCtx); err != nil && !errors.Is(err, monitor.ErrBusy) && runCtx.Err() == nil {
					log.Error("monitoring failed", "err", err)
				}
			}
		}
	}()

	errc := make(chan error, 1)
	go func() {
		if o.TLSCert != "" {
			errc <- srv.ServeTLS(ln, o.TLSCert, o.TLSKey)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight", "timeout", o.Shutdown)
	cancelRun()
	sctx, cancel := context.WithTimeout(context.Background(), o.Shutdown)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// demoVersions is the demo dataset as list versions, never stored.
func demoVersions(ctx context.Context) ([]store.NewVersion, error) {
	results, err := demo.Results(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]store.NewVersion, 0, len(results))
	for _, r := range results {
		pub := r.List
		if i := strings.IndexByte(pub, '-'); i > 0 {
			pub = pub[:i]
		}
		out = append(out, store.NewVersion{Version: entity.ListVersion{
			List: r.List, Publisher: pub, Format: r.Format, Published: r.Published, PublishedFrom: r.PublishedFrom,
			Source: []string{"demo dataset built into veto"}, FetchedAt: time.Now().UTC(), Warnings: r.Warnings,
		}, Entities: r.Entities})
	}
	return out, nil
}

// ensureAdminKey creates an admin key when the store has none, so that a
// fresh install can be administered, and writes it to a file only its
// owner can read. The key itself is never logged.
func ensureAdminKey(ctx context.Context, st store.Store, g *globalOptions, o *serveOptions, log *slog.Logger) error {
	release, ok, err := st.TryLock(ctx, "bootstrap")
	if err != nil {
		return err
	}
	if !ok {
		return nil // another replica is doing it
	}
	defer release()
	keys, err := st.ListKeys(ctx)
	if err != nil {
		return err
	}
	if len(keys) > 0 {
		return nil
	}
	path := o.KeyFile
	if path == "" {
		if isPostgres(g.DB) {
			path = "veto-admin.key"
		} else {
			path = filepath.Join(filepath.Dir(g.DB), "admin.key")
		}
	}
	k, full, err := api.NewAPIKey("initial-admin", entity.RoleAdmin, time.Now())
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, []byte(full+"\n"), 0o600); err != nil {
		return fmt.Errorf("write the first admin key: %w", err)
	}
	if err := st.CreateKey(ctx, k); err != nil {
		os.Remove(path)
		return err
	}
	if err := audit.NewLog(st, nil, nil).Record(ctx, "veto", chain.ActionKeyCreate, k.ID, map[string]string{"name": k.Name, "role": k.Role, "file": path}); err != nil {
		return err
	}
	log.Warn("no API keys existed: created an admin key; store it in your secrets manager and delete the file",
		"key_id", k.ID, "file", path)
	return nil
}
