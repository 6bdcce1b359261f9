package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/vetoscreen/veto/screen"
)

// A Chunk is a run of consecutive records of an input file, screened on
// its own (by any of several replicas, package batch/jobs) with the same
// output, row for row, as Run writes for those records: the results of
// a file's chunks, joined in order after the header, are Run's output.
type Chunk struct {
	// Start is where the chunk's first record is in the input.
	Start Position
	// Data is the input's bytes from Start to the chunk's end.
	Data []byte
}

// Split reads the input file at path as Run does and cuts it into chunks
// of at most rows records, calling fn with each in order and with the
// input's bytes before its first record (a CSV header, a byte order
// mark), which every chunk is read after.
func Split(path string, ro ReadOptions, rows int, fn func(header []byte, c Chunk) error) error {
	if rows < 1 {
		return fmt.Errorf("split %s: %d rows a chunk, want 1 or more", path, rows)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	ro.Start = Position{}
	rd, err := NewReader(f, path, ro)
	if err != nil {
		return err
	}
	start := rd.Pos()
	header := make([]byte, start.Offset)
	if _, err := f.ReadAt(header, 0); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	cut := func() error {
		end := rd.Pos()
		data := make([]byte, end.Offset-start.Offset)
		if _, err := f.ReadAt(data, start.Offset); err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if err := fn(header, Chunk{Start: start, Data: data}); err != nil {
			return err
		}
		start = end
		return nil
	}
	n := 0
	for {
		_, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if n++; n == rows {
			if err := cut(); err != nil {
				return err
			}
			n = 0
		}
	}
	if n > 0 {
		return cut()
	}
	return nil
}

// ChunkResult is what screening a chunk gives: its rows of output and of
// the errors file (without headers), and their tally.
type ChunkResult struct {
	Output, Errors []byte
	Tally          Tally
	// Hits counts the rows with at least one hit.
	Hits int64
}

// ScreenChunk screens a chunk of an input whose bytes before its first
// record are header, as Run screens those records, against s's snapshot
// (whose versions every output row names), on every core. name names
// the input in errors.
func ScreenChunk(ctx context.Context, s *screen.Screener, name string, header []byte, c Chunk, opts Options) (*ChunkResult, error) {
	snap := s.Snapshot()
	if snap == nil {
		return nil, screen.ErrNotReady
	}
	s = s.On(snap)
	ro := opts.Read
	ro.Start = c.Start
	rd, err := NewReader(&chunkFile{header: header, at: c.Start.Offset, data: c.Data}, name, ro)
	if err != nil {
		return nil, err
	}
	var rows []Row
	for {
		row, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		rows = append(rows, row)
	}
	res := make([]screen.Result, len(rows))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(rows); i += workers {
				screenRow(ctx, s, &opts.Screen, &rows[i], &res[i])
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out, errs bytes.Buffer
	cr := &ChunkResult{Tally: Tally{Summary: screen.Summarize("job", snap, nil)}}
	w, ew := newResultWriter(opts.Output, &out, snap.RefString()), NewErrorsWriter(&errs)
	var st Stats
	if err := writeRows(w, ew, rows, res, &st, cr.Tally.Count, "output", "errors"); err != nil {
		return nil, err
	}
	if err := errors.Join(w.flush(), ew.Flush()); err != nil {
		return nil, err
	}
	cr.Output, cr.Errors, cr.Hits = out.Bytes(), errs.Bytes(), st.Hits
	return cr, nil
}

// Headers are the first bytes of the output file of format f and of the
// errors file, which Run writes before the rows and chunks' results go
// after.
func Headers(f Format) (output, errs []byte) {
	var o, e bytes.Buffer
	w, ew := newResultWriter(f, &o, ""), NewErrorsWriter(&e)
	// Writing to a buffer does not fail.
	_ = w.header()
	_ = w.flush()
	_ = ew.Header()
	_ = ew.Flush()
	return o.Bytes(), e.Bytes()
}

// chunkFile reads as the input file a chunk was cut from, as far as the
// reader of the chunk goes: its header at offset 0 and the chunk's bytes
// at their offset; reading what lies between, or after, is the end of
// the file.
type chunkFile struct {
	header []byte
	at     int64
	data   []byte
	off    int64
}

func (f *chunkFile) Read(p []byte) (int, error) {
	var src []byte
	switch {
	case f.off < int64(len(f.header)) && f.off < f.at:
		src = f.header[f.off:min(int64(len(f.header)), f.at)]
	case f.off >= f.at && f.off < f.at+int64(len(f.data)):
		src = f.data[f.off-f.at:]
	default:
		return 0, io.EOF
	}
	n := copy(p, src)
	f.off += int64(n)
	return n, nil
}

func (f *chunkFile) Seek(offset int64, whence int) (int64, error) {
	if whence != io.SeekStart || offset < 0 {
		return f.off, errors.New("chunk: only absolute seeks")
	}
	f.off = offset
	return offset, nil
}
