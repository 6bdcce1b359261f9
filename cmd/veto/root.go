package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/app"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/store"
)

// Exit codes, documented in `veto --help`.
const (
	exitOK      = 0
	exitError   = 1
	exitUsage   = 2
	exitRefused = 3
)

const exitHelp = `Exit status:
  0  success
  1  an error (the message says what and where)
  2  the command line is wrong
  3  a list download or file was refused by the safety checks (truncated,
     malformed, or dropping too many entities); the previous version of
     that list stays active`

// globalOptions are the flags every command shares.
type globalOptions struct {
	DB       string
	LogLevel string

	stdin          io.Reader
	stdout, stderr io.Writer
}

func (g *globalOptions) addFlags(cmd *cobra.Command) {
	f := cmd.PersistentFlags()
	f.StringVar(&g.DB, "db", envOr("VETO_DB", defaultDBPath()), "the store: a SQLite file path, or postgres://user:pass@host/db (env VETO_DB)")
	f.StringVar(&g.LogLevel, "log-level", envOr("VETO_LOG_LEVEL", "warn"), "log level: debug, info, warn, error (env VETO_LOG_LEVEL)")
}

func (g *globalOptions) logger() *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(g.LogLevel)); err != nil {
		level = slog.LevelWarn
	}
	return slog.New(slog.NewTextHandler(g.stderr, &slog.HandlerOptions{Level: level}))
}

// openStore opens the store named by --db, for the commands that only
// read or write it.
func (g *globalOptions) openStore(ctx context.Context) (store.Store, error) {
	return app.OpenStore(ctx, g.DB)
}

// open opens veto on the store named by --db, for the commands that
// screen, monitor or make keys: what they screen against and how they
// audit it is the application's.
func (g *globalOptions) open(ctx context.Context, cfg match.Config) (*app.App, error) {
	return app.Open(ctx, app.Config{DB: g.DB, Match: cfg, Logger: g.logger()})
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// defaultDBPath is the per-user store location: $XDG_DATA_HOME/veto/veto.db
// (~/.local/share/veto/veto.db) on Linux and BSD, ~/Library/Application
// Support/veto/veto.db on macOS, %AppData%\veto\veto.db on Windows.
func defaultDBPath() string {
	var dir string
	switch runtime.GOOS {
	case "darwin", "windows":
		dir, _ = os.UserConfigDir()
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			if home, err := os.UserHomeDir(); err == nil {
				dir = filepath.Join(home, ".local", "share")
			}
		}
	}
	if dir == "" {
		dir = "."
	}
	return filepath.Join(dir, "veto", "veto.db")
}

// usageError marks a wrong command line (exit status 2).
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// refusedError marks a list refused by the safety checks (exit status 3).
type refusedError struct{ error }

func (e refusedError) Unwrap() error { return e.error }

func newRootCommand(g *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:   "veto",
		Short: "Screen names, records and text against the official sanctions lists",
		Long: `veto keeps the official sanctions lists (OFAC, UN, EU, UK, Canada, Australia,
the US Consolidated Screening List) current in their official formats, with
every version and its diff, and screens names against them.

The store is a SQLite file (--db, env VETO_DB; default ` + defaultDBPath() + `).

` + exitHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       buildVersion(),
	}
	root.SetVersionTemplate("veto {{.Version}}\n")
	root.CompletionOptions.DisableDefaultCmd = true
	g.addFlags(root)
	root.SetIn(g.stdin)
	root.SetOut(g.stdout)
	root.SetErr(g.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	// A misspelt --log-level (or VETO_LOG_LEVEL) is refused, not read as
	// warn: "veto serve --log-level degub" must not hide the debug log.
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		var level slog.Level
		if err := level.UnmarshalText([]byte(g.LogLevel)); err != nil {
			return usageError{fmt.Errorf("--log-level %q: want debug, info, warn or error", g.LogLevel)}
		}
		return nil
	}
	root.AddCommand(
		newUpdateCommand(g),
		newImportCommand(g),
		newListsCommand(g),
		newDiffCommand(g),
		newShowCommand(g),
		newSubjectsCommand(g),
		newExportCommand(g),
		newScreenCommand(g),
		newTextCommand(g),
		newCompareCommand(g),
		newDevsetCommand(g),
		newEvalCommand(g),
		newBenchCommand(g),
		newServeCommand(g),
		newKeysCommand(g),
		newUsersCommand(g),
		newAuditCommand(g),
		newLoadtestCommand(g),
		newCustomersCommand(g),
		newMonitorCommand(g),
		newAlertsCommand(g),
		newReportCommand(g),
		newBatchCommand(g),
	)
	return root
}

// run executes the command line and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g := &globalOptions{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRootCommand(g)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "veto:", err)
	return exitCode(err)
}

func exitCode(err error) int {
	var ue usageError
	var re refusedError
	switch {
	case errors.As(err, &ue), strings.HasPrefix(err.Error(), "unknown command"), strings.HasPrefix(err.Error(), "accepts "), strings.Contains(err.Error(), "arg(s)"):
		return exitUsage
	case errors.As(err, &re), errors.Is(err, refresh.ErrRefused), errors.Is(err, source.ErrTruncated), errors.Is(err, source.ErrMalformed), errors.Is(err, source.ErrFormat), errors.Is(err, source.ErrEmpty):
		return exitRefused
	}
	return exitError
}

// args wraps a cobra positional-argument check so that its failure is a
// usage error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return usageError{err}
		}
		return nil
	}
}
