package batch

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
)

// Files are the files of a run.
type Files struct {
	// Input is the file screened.
	Input string
	// Output receives one result per input record.
	Output string
	// Errors receives the records that could not be screened (default:
	// Output without its extension, plus ".errors.csv").
	Errors string
	// Checkpoint is where progress is recorded (default: Output plus
	// ".checkpoint").
	Checkpoint string
}

// ErrorsPath is the default errors file of an output file.
func ErrorsPath(output string) string {
	return strings.TrimSuffix(output, filepath.Ext(output)) + ".errors.csv"
}

// Options control a run.
type Options struct {
	// Read says how to read the input (its Start is ignored: a
	// checkpoint sets it).
	Read ReadOptions
	// Output is the output format (default: JSON lines if the output
	// file's extension says so, else CSV).
	Output Format
	// Screen are the screening options. A limit (Screen.Limit, default
	// 10) lets the index stop scoring once the best hits are known.
	Screen screen.Options
	// Workers screening (0: one per CPU).
	Workers int
	// CheckpointEvery is the number of rows between checkpoints (default
	// 20,000; negative: none).
	CheckpointEvery int
	// Restart ignores (and removes) a checkpoint instead of resuming.
	Restart bool
	// Fingerprint identifies what else changes the output (the lists
	// screened against, the match configuration): a checkpoint written
	// with another fingerprint is not resumed.
	Fingerprint string
	// Progress, if set, is called after every few hundred rows, from one
	// goroutine at a time.
	Progress func(Stats)
	// Result, if set, is called with each row and its result once they
	// are written, in input order, from one goroutine at a time (for the
	// audit trail's summary of the run).
	Result func(*Row, *screen.Result)
	Logger *slog.Logger
}

// Stats say how a run is going, or went.
type Stats struct {
	// Rows read (screened or not), Errors among them, and Hits: rows with
	// at least one hit. They include the rows of a resumed run's earlier
	// sessions.
	Rows   int64 `json:"rows"`
	Errors int64 `json:"errors"`
	Hits   int64 `json:"hits"`
	// Offset is how far the input was read, of its Size in bytes.
	Offset int64 `json:"offset"`
	Size   int64 `json:"size"`
	// Resumed is the number of rows done before this session, when it
	// resumed from a checkpoint, and From the offset it resumed from.
	Resumed int64 `json:"resumed,omitempty"`
	From    int64 `json:"-"`
	// Elapsed is this session's time.
	Elapsed time.Duration `json:"elapsed"`
}

// RowsPerSecond is this session's speed.
func (s Stats) RowsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Rows-s.Resumed) / s.Elapsed.Seconds()
}

// chunkRows is how many rows travel together between the goroutines:
// enough to make the channel traffic negligible, few enough to keep all
// the workers busy until the end.
const chunkRows = 256

type chunk struct {
	rows []Row
	res  []screen.Result
	end  Position
	done chan struct{}
}

// optionsID is the SHA-256 of what changes the output.
func (o *Options) optionsID() string {
	cfg, _ := json.Marshal(o.Screen.Config)
	b, _ := json.Marshal([]any{o.Read.Format, o.Read.Map.String(), o.Output, o.Screen.Threshold, o.Screen.Limit,
		o.Screen.Lists, o.Screen.Explain, string(cfg), o.Fingerprint})
	if o.Read.DateOrder != "" && o.Read.DateOrder != entity.DayFirst {
		// Only then, so that checkpoints written before the option are
		// still resumed.
		b = fmt.Appendf(b, " %s", o.Read.DateOrder)
	}
	if o.Screen.By == screen.ByListing {
		// Hits per listing have other rows than hits per subject (the
		// default, which keeps the checkpoints written before the
		// option).
		b = fmt.Appendf(b, " by %s", o.Screen.By)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Run screens the input and writes one result per record to the output,
// in input order, resuming from a checkpoint if there is one (see the
// package documentation). It screens every record against the snapshot
// s serves when it starts, and names its versions in every output row;
// a checkpoint written against other versions is not resumed. On a
// cancelled context it flushes what was done, writes a checkpoint and
// returns the context's error.
func Run(ctx context.Context, s *screen.Screener, files Files, opts Options) (Stats, error) {
	snap := s.Snapshot()
	if snap == nil {
		return Stats{}, screen.ErrNotReady
	}
	s = s.On(snap)
	opts.Fingerprint += "\n" + snap.RefString()
	if files.Errors == "" {
		files.Errors = ErrorsPath(files.Output)
	}
	if files.Checkpoint == "" {
		files.Checkpoint = files.Output + ".checkpoint"
	}
	if opts.Output == "" {
		opts.Output = FormatCSV
		if f, _ := ParseFormat(strings.TrimPrefix(filepath.Ext(files.Output), ".")); f == FormatJSONL {
			opts.Output = FormatJSONL
		}
	}
	if opts.CheckpointEvery == 0 {
		opts.CheckpointEvery = 20000
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	in, err := os.Open(files.Input)
	if err != nil {
		return Stats{}, err
	}
	defer in.Close()
	inID, err := identify(in)
	if err != nil {
		return Stats{}, err
	}
	optsID := opts.optionsID()
	var cp *checkpoint
	if opts.Restart {
		if err := os.Remove(files.Checkpoint); err != nil && !errors.Is(err, os.ErrNotExist) {
			return Stats{}, err
		}
	} else if cp, err = readCheckpoint(files.Checkpoint); err != nil {
		return Stats{}, err
	} else if cp != nil {
		if err := cp.check(files.Checkpoint, inID, optsID); err != nil {
			return Stats{}, err
		}
	}
	if cp == nil {
		cp = &checkpoint{Version: checkpointVersion, Input: inID, Options: optsID}
	}
	ro := opts.Read
	ro.Start = cp.Pos
	rd, err := NewReader(in, files.Input, ro)
	if err != nil {
		return Stats{}, err
	}
	log.Info("batch: reading", "file", files.Input, "as", rd.Describe())
	out, err := openAt(files.Output, cp.OutputSize)
	if err != nil {
		return Stats{}, err
	}
	defer out.Close()
	errf, err := openAt(files.Errors, cp.ErrorsSize)
	if err != nil {
		return Stats{}, err
	}
	defer errf.Close()
	r := &run{s: s, versions: snap.RefString(), files: files, opts: &opts, cp: *cp, rd: rd, out: out, errf: errf,
		outCount: &countingWriter{w: out, n: cp.OutputSize}, errCount: &countingWriter{w: errf, n: cp.ErrorsSize}}
	r.stats = Stats{Rows: cp.Rows, Errors: cp.Errors, Hits: cp.Hits, Offset: cp.Pos.Offset, Size: inID.Size, Resumed: cp.Rows, From: cp.Pos.Offset}
	if cp.Pos.Line > 0 {
		log.Info("batch: resuming", "checkpoint", files.Checkpoint, "line", cp.Pos.Line, "rows", cp.Rows)
	}
	stats, err := r.run(ctx)
	if err != nil {
		return stats, err
	}
	if err := os.Remove(files.Checkpoint); err != nil && !errors.Is(err, os.ErrNotExist) {
		return stats, err
	}
	return stats, nil
}

// openAt opens a file for writing from offset size, cutting off what
// follows: the rows written after the last checkpoint of a run that was
// killed.
func openAt(path string, size int64) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := f.Truncate(size); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if _, err := f.Seek(size, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// run is one session of Run.
type run struct {
	s                  *screen.Screener
	versions           string // the compact form of s's snapshot's versions
	files              Files
	opts               *Options
	cp                 checkpoint
	rd                 Reader
	out, errf          *os.File
	outCount, errCount *countingWriter
	stats              Stats
}

func (r *run) run(ctx context.Context) (Stats, error) {
	start := time.Now()
	w := newResultWriter(r.opts.Output, r.outCount, r.versions)
	ew := NewErrorsWriter(r.errCount)
	if r.cp.OutputSize == 0 {
		if err := w.header(); err != nil {
			return r.stats, err
		}
	}
	if r.cp.ErrorsSize == 0 {
		if err := ew.Header(); err != nil {
			return r.stats, err
		}
	}
	workers := r.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The reader sends each chunk to the workers and, in input order, to
	// the writer (this goroutine), which waits for each to be done. The
	// capacity of ordered bounds how far reading runs ahead.
	work := make(chan *chunk, workers)
	ordered := make(chan *chunk, workers*4)
	readErr := make(chan error, 1)
	go func() {
		defer close(ordered)
		defer close(work)
		readErr <- r.read(ctx, work, ordered)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for c := range work {
				r.screen(ctx, c)
			}
		})
	}
	defer wg.Wait()

	since := 0
	var writeErr error
	for c := range ordered {
		select {
		case <-c.done:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		writeErr = writeRows(w, ew, c.rows, c.res, &r.stats, r.opts.Result, r.files.Output, r.files.Errors)
		r.stats.Rows += int64(len(c.rows))
		r.stats.Offset, r.cp.Pos = c.end.Offset, c.end
		r.stats.Elapsed = time.Since(start)
		if writeErr == nil && r.opts.CheckpointEvery > 0 {
			if since += len(c.rows); since >= r.opts.CheckpointEvery {
				since = 0
				writeErr = r.checkpoint(w, ew)
			}
		}
		if writeErr != nil {
			break
		}
		if r.opts.Progress != nil {
			r.opts.Progress(r.stats)
		}
	}
	r.stats.Elapsed = time.Since(start)
	stopped := ctx.Err() // only the caller cancels ctx until here
	cancel()
	for range ordered { // let the reader finish
	}
	readFailed := <-readErr
	switch {
	case writeErr != nil:
		// The files may hold part of a chunk: the last checkpoint, which
		// names their sizes before it, stands.
		return r.stats, writeErr
	case stopped != nil || readFailed != nil:
		// Keep what was done: the rows written are flushed and a
		// checkpoint names them, so that a new run goes on from here.
		failed := cmp.Or(stopped, readFailed)
		if err := r.checkpoint(w, ew); err != nil {
			return r.stats, errors.Join(failed, err)
		}
		return r.stats, failed
	}
	if err := w.flush(); err != nil {
		return r.stats, fmt.Errorf("write %s: %w", r.files.Output, err)
	}
	if err := ew.Flush(); err != nil {
		return r.stats, fmt.Errorf("write %s: %w", r.files.Errors, err)
	}
	return r.stats, nil
}

// read sends chunks of rows until the end of the input.
func (r *run) read(ctx context.Context, work, ordered chan<- *chunk) error {
	for {
		c := &chunk{rows: make([]Row, 0, chunkRows), done: make(chan struct{})}
		var err error
		for len(c.rows) < chunkRows {
			var row Row
			if row, err = r.rd.Next(); err != nil {
				break
			}
			c.rows = append(c.rows, row)
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("read %s: %w", r.files.Input, err)
		}
		c.end = r.rd.Pos()
		if len(c.rows) > 0 {
			for _, ch := range []chan<- *chunk{ordered, work} {
				select {
				case ch <- c:
				case <-ctx.Done():
					return nil
				}
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// screen screens a chunk's rows.
func (r *run) screen(ctx context.Context, c *chunk) {
	defer close(c.done)
	c.res = make([]screen.Result, len(c.rows))
	for i := range c.rows {
		if ctx.Err() != nil {
			return
		}
		screenRow(ctx, r.s, &r.opts.Screen, &c.rows[i], &c.res[i])
	}
}

// screenRow screens a row into res: a row that could not be read gets
// its reason as the result's error, as does one the screener fails on.
func screenRow(ctx context.Context, s *screen.Screener, opts *screen.Options, row *Row, res *screen.Result) {
	if row.Err != nil {
		*res = screen.Result{ID: row.Query.ID, Hits: []screen.Hit{}, Error: Reason(row.Err)}
		return
	}
	r, err := s.Screen(ctx, row.Query, *opts)
	if err != nil {
		r = screen.Result{ID: row.Query.ID, Hits: []screen.Hit{}, Error: err.Error()}
	}
	*res = r
}

// writeRows writes screened rows and their results, in order: each to
// the output, those with an error or a warning to the errors file too;
// it counts them in st (but for Rows) and passes each to result, if set.
// outName and errName name the files in errors.
func writeRows(w resultWriter, ew *ErrorsWriter, rows []Row, res []screen.Result, st *Stats, result func(*Row, *screen.Result), outName, errName string) error {
	for i := range rows {
		row, res := &rows[i], &res[i]
		if row.Err != nil {
			st.Errors++
			if err := ew.Write(row); err != nil {
				return fmt.Errorf("write %s: %w", errName, err)
			}
		} else if len(res.Hits) > 0 {
			st.Hits++
		}
		if row.Warning != nil {
			if err := ew.WriteWarning(row); err != nil {
				return fmt.Errorf("write %s: %w", errName, err)
			}
		}
		if err := w.write(row, res); err != nil {
			return fmt.Errorf("write %s: %w", outName, err)
		}
		if result != nil {
			result(row, res)
		}
	}
	return nil
}

// checkpoint flushes the output and errors files to disk, then records
// how far the run got.
func (r *run) checkpoint(w resultWriter, ew *ErrorsWriter) error {
	if err := w.flush(); err != nil {
		return fmt.Errorf("write %s: %w", r.files.Output, err)
	}
	if err := ew.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", r.files.Errors, err)
	}
	// Sync before the checkpoint names the sizes: after a crash of the
	// machine, a checkpoint must not promise rows the disk lost.
	for _, f := range []*os.File{r.out, r.errf} {
		if err := f.Sync(); err != nil {
			return fmt.Errorf("sync %s: %w", f.Name(), err)
		}
	}
	cp := r.cp
	cp.OutputSize, cp.ErrorsSize = r.outCount.n, r.errCount.n
	cp.Rows, cp.Errors, cp.Hits = r.stats.Rows, r.stats.Errors, r.stats.Hits
	cp.Elapsed = r.cp.Elapsed + r.stats.Elapsed
	return cp.write(r.files.Checkpoint)
}
