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
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vetoscreen/veto/api"
	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/batch/jobs"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/notify"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/source/all"
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
	MaxCostly       int
	JobsDir         string
	JobQuotaBytes   int64
	JobQuotaJobs    int
	JobExpiry       time.Duration
	JobLease        time.Duration
	JobChunkRows    int
	MatchCutoff     float64
	KeyFile         string
	LogFormat       string
	Refresh         refresh.Config
	Webhooks        []string
	WebhookSecret   string
	UI              bool
	TrustProxy      bool
	Audit           app.AuditFiles
	CheckpointEvery time.Duration
	CORSOrigins     []string
	AlertSLA        time.Duration
	MaxAttachment   int64
}

// serveEnv maps serve's flags to the environment variables that set them
// when the flag is not given.
var serveEnv = map[string]string{
	"addr": "VETO_ADDR", "tls-cert": "VETO_TLS_CERT", "tls-key": "VETO_TLS_KEY", "refresh-every": "VETO_REFRESH_EVERY",
	"poll": "VETO_POLL", "shutdown-timeout": "VETO_SHUTDOWN_TIMEOUT", "regimes": "VETO_REGIMES", "config": "VETO_MATCH_CONFIG",
	"no-auth": "VETO_NO_AUTH", "no-demo": "VETO_NO_DEMO", "max-batch": "VETO_MAX_BATCH", "max-body": "VETO_MAX_BODY", "max-costly": "VETO_MAX_COSTLY",
	"admin-key-file": "VETO_ADMIN_KEY_FILE", "match-cutoff": "VETO_MATCH_CUTOFF", "log-format": "VETO_LOG_FORMAT", "mirror": "VETO_MIRROR",
	"webhook": "VETO_WEBHOOK_URL", "webhook-secret": "VETO_WEBHOOK_SECRET", "ui": "VETO_UI", "trust-proxy": "VETO_TRUST_PROXY", "jobs-dir": "VETO_JOBS_DIR",
	"job-quota-bytes": "VETO_JOB_QUOTA_BYTES", "job-quota-jobs": "VETO_JOB_QUOTA_JOBS", "job-expiry": "VETO_JOB_EXPIRY",
	"cors-origins": "VETO_CORS_ORIGINS",
	"job-lease":    "VETO_JOB_LEASE", "job-chunk-rows": "VETO_JOB_CHUNK_ROWS",
	"audit-key-file": "VETO_AUDIT_KEY_FILE", "checkpoint-file": "VETO_AUDIT_CHECKPOINTS", "audit-checkpoint-every": "VETO_AUDIT_CHECKPOINT_EVERY",
	"alert-sla": "VETO_ALERT_SLA", "max-attachment": "VETO_MAX_ATTACHMENT",
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
	f.IntVar(&o.MaxCostly, "max-costly", api.DefaultConfig().MaxCostly, "most costly requests (batches, low thresholds, high limits, texts) one API key or address has in flight; more get 429 (env VETO_MAX_COSTLY)")
	f.Float64Var(&o.MatchCutoff, "match-cutoff", api.DefaultConfig().MatchCutoff, "lowest score /match returns when a request gives no cutoff, as yente (env VETO_MATCH_CUTOFF)")
	f.StringSliceVar(&o.CORSOrigins, "cors-origins", nil, "origins browsers may call the API from, comma-separated, or * for any (default none) (env VETO_CORS_ORIGINS)")
	f.StringVar(&o.KeyFile, "admin-key-file", "", "where the first admin key is written (default: admin.key beside the SQLite file) (env VETO_ADMIN_KEY_FILE)")
	f.StringVar(&o.LogFormat, "log-format", "text", "log as text or json (env VETO_LOG_FORMAT)")
	f.StringSliceVar(&o.Webhooks, "webhook", nil, "POST a signed notification of each new alert and list version to this URL; repeatable (env VETO_WEBHOOK_URL, comma-separated)")
	f.StringVar(&o.WebhookSecret, "webhook-secret", "", "the HMAC-SHA256 key webhooks are signed with, at least 16 characters (env VETO_WEBHOOK_SECRET)")
	f.StringVar(&o.Refresh.Mirror, "mirror", "", "download the lists from this base URL instead of the publishers' (env VETO_MIRROR)")
	f.StringVar(&o.JobsDir, "jobs-dir", "", "the folder of batch jobs (/v1/jobs) (default: jobs beside the SQLite file; with PostgreSQL, veto-jobs in the temporary folder) (env VETO_JOBS_DIR)")
	f.Int64Var(&o.JobQuotaBytes, "job-quota-bytes", jobs.DefaultConfig("").QuotaBytes, "most bytes one API key's batch jobs keep on disk, uploads and results (env VETO_JOB_QUOTA_BYTES)")
	f.IntVar(&o.JobQuotaJobs, "job-quota-jobs", jobs.DefaultConfig("").QuotaJobs, "most batch jobs one API key has queued or running (env VETO_JOB_QUOTA_JOBS)")
	f.DurationVar(&o.JobExpiry, "job-expiry", jobs.DefaultConfig("").Expiry, "delete a finished batch job and its files this long after it ended, in the audit trail (env VETO_JOB_EXPIRY)")
	f.DurationVar(&o.JobLease, "job-lease", jobs.DefaultLease, "with PostgreSQL, a replica's lease on a chunk of a batch job it screens, renewed every third of it: a chunk of a replica that died is screened by another after this (env VETO_JOB_LEASE)")
	f.IntVar(&o.JobChunkRows, "job-chunk-rows", jobs.DefaultChunkRows, "with PostgreSQL, the rows in each chunk of a batch job that the replicas claim (env VETO_JOB_CHUNK_ROWS)")
	f.BoolVar(&o.UI, "ui", true, "serve the analyst web UI under /ui/; users sign in with accounts made by veto users create (env VETO_UI)")
	f.BoolVar(&o.TrustProxy, "trust-proxy", false, "trust X-Forwarded-Proto and X-Forwarded-For from a TLS-terminating proxy: UI cookies become Secure (env VETO_TRUST_PROXY)")
	f.StringVar(&o.Audit.KeyFile, "audit-key-file", "", "the key audit checkpoints are signed with, unless VETO_AUDIT_KEY is set; created on first start (default: audit.key beside the SQLite file) (env VETO_AUDIT_KEY_FILE)")
	f.StringVar(&o.Audit.CheckpointFile, "checkpoint-file", "", "the append-only file audit checkpoints are written to, besides the store (default: audit-checkpoints.jsonl beside the SQLite file) (env VETO_AUDIT_CHECKPOINTS)")
	f.DurationVar(&o.CheckpointEvery, "audit-checkpoint-every", time.Minute, "checkpoint the audit trail's head this often when it has advanced, and on shutdown; 0 only on shutdown (env VETO_AUDIT_CHECKPOINT_EVERY)")
	f.DurationVar(&o.AlertSLA, "alert-sla", review.DefaultSLA, "how long an undecided alert may wait: the queue marks alerts near and over it, /metrics counts them; 0 for none (env VETO_ALERT_SLA)")
	f.Int64Var(&o.MaxAttachment, "max-attachment", review.DefaultMaxAttachment, "largest file in bytes attached to an alert in the UI (env VETO_MAX_ATTACHMENT)")
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
	if o.AlertSLA < 0 {
		return usageError{fmt.Errorf("--alert-sla %v: want 0 (none) or more", o.AlertSLA)}
	}
	if o.MaxAttachment < 1 || o.MaxAttachment > 1<<30 {
		return usageError{fmt.Errorf("--max-attachment %d: want 1 to %d bytes", o.MaxAttachment, 1<<30)}
	}
	if o.MaxCostly < 1 {
		return usageError{fmt.Errorf("--max-costly %d: want 1 or more", o.MaxCostly)}
	}
	// Zero would not mean "no quota" or "never": refuse it rather than
	// fall back to a default silently.
	if o.JobQuotaBytes < 1 || o.JobQuotaJobs < 1 || o.JobExpiry < time.Minute {
		return usageError{errors.New("--job-quota-bytes and --job-quota-jobs must be at least 1, and --job-expiry at least 1m")}
	}
	if o.JobLease < 300*time.Millisecond || o.JobChunkRows < 1 || o.JobChunkRows > 1_000_000 {
		return usageError{fmt.Errorf("--job-lease %v, --job-chunk-rows %d: want a lease of at least 300ms and 1 to 1,000,000 rows", o.JobLease, o.JobChunkRows)}
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

	a, err := app.Open(ctx, app.Config{DB: g.DB, Match: cfg, Logger: log})
	if err != nil {
		return err
	}
	// After the server has shut down: the loops and the job running stop,
	// the audit entries queued are committed and the trail checkpointed.
	defer func() {
		if err := a.Close(); err != nil {
			log.Error("stopping", "err", err)
		}
	}()
	if o.NoAuth {
		log.Warn("API keys are OFF (--no-auth): anyone who can reach " + o.Addr + " can screen and administer")
	}
	metrics := api.NewMetrics(a.Keeper)
	var hooks []notify.Webhook
	for _, u := range o.Webhooks {
		hooks = append(hooks, notify.Webhook{URL: u, Secret: o.WebhookSecret})
	}
	err = a.Start(ctx, app.Serving{
		RefreshEvery: o.RefreshEvery, Poll: o.Poll, Refresh: o.Refresh, NoDemo: o.NoDemo, Regimes: o.Regimes,
		NoAuth: o.NoAuth, AdminKeyFile: o.KeyFile, Audit: o.Audit, CheckpointEvery: o.CheckpointEvery,
		Jobs: jobs.Config{Dir: o.JobsDir, QuotaBytes: o.JobQuotaBytes, QuotaJobs: o.JobQuotaJobs, Expiry: o.JobExpiry,
			Lease: o.JobLease, ChunkRows: o.JobChunkRows},
		Webhooks: hooks, Registry: metrics.Registry(),
	})
	if errors.Is(err, entity.ErrInvalid) {
		return usageError{err}
	}
	if err != nil {
		return err
	}
	acfg := api.DefaultConfig()
	acfg.MaxBatch, acfg.MaxBody, acfg.Regimes, acfg.Version, acfg.NoAuth = o.MaxBatch, o.MaxBody, o.Regimes, version, o.NoAuth
	acfg.MatchCutoff, acfg.MaxCostly = o.MatchCutoff, o.MaxCostly
	// yente's POST /updatez token, from the environment only, as yente's
	// YENTE_UPDATE_TOKEN: a flag would show it in the process list.
	acfg.CORSOrigins, acfg.UpdateToken = o.CORSOrigins, os.Getenv("VETO_UPDATE_TOKEN")
	opts := []api.Option{api.WithMonitor(a.Monitor), api.WithAudit(a.Audit)}
	if a.Jobs != nil {
		opts = append(opts, api.WithJobs(a.Jobs))
	}
	metrics.Registry().MustRegister(review.QueueCollector{Store: a.Store, SLA: o.AlertSLA})
	if o.UI {
		rev := review.New(a.Store, nil)
		rev.MaxAttachment = o.MaxAttachment
		ui, err := web.New(web.Config{Regimes: o.Regimes, SecureCookies: o.TLSCert != "", TrustProxy: o.TrustProxy, Version: version, Logger: log, AlertSLA: o.AlertSLA},
			web.Deps{Keeper: a.Keeper, Store: a.Store, Users: users.New(a.Store, a.Audit), Review: rev, Audit: a.Audit, Monitor: a.Monitor, Anchor: a.Anchor})
		if err != nil {
			return err
		}
		opts = append(opts, api.WithUI(ui))
	}
	srv := api.New(acfg, a.Keeper, a.Store, metrics, log, opts...).HTTPServer(o.Addr)

	scheme := "http"
	if o.TLSCert != "" {
		scheme = "https"
	}
	url := fmt.Sprintf("%s://%s", scheme, ln.Addr())
	status := a.Keeper.Status()
	log.Info("veto serving", "url", url, "version", version, "data", status.Data, "entities", status.Entities)
	fmt.Fprintf(g.stdout, "veto listening on %s\n", url)

	runCtx, cancelRun := context.WithCancel(context.Background())
	defer cancelRun()
	go a.Run(runCtx)

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
