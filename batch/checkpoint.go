package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// ErrCheckpoint is returned when a checkpoint cannot be resumed from: the
// input or the options changed since it was written.
var ErrCheckpoint = errors.New("cannot resume")

// checkpoint records how far a run got, written after the output and
// errors files were flushed up to it.
type checkpoint struct {
	Version int     `json:"version"`
	Input   InputID `json:"input"`
	// Options is the SHA-256 of the options that change the output.
	Options string `json:"options"`
	// Pos is where the input was read up to; OutputSize and ErrorsSize
	// the sizes of the files holding exactly the rows before it.
	Pos        Position `json:"position"`
	OutputSize int64    `json:"outputSize"`
	ErrorsSize int64    `json:"errorsSize"`
	// Rows, Errors and Hits count the rows before Pos, and Elapsed the
	// time spent on them, for the summary of the resumed run.
	Rows    int64         `json:"rows"`
	Errors  int64         `json:"errors"`
	Hits    int64         `json:"hits"`
	Elapsed time.Duration `json:"elapsed"`
}

// checkpointVersion is 2 since output rows name the versions screened
// against: a run of version 1 did not, and is not resumed.
const checkpointVersion = 2

// InputID identifies an input file well enough to notice that it was
// replaced or edited: its size, modification time and the SHA-256 of its
// first 64 KiB (hashing it all would cost a pass over a large file).
type InputID struct {
	Size    int64     `json:"size"`
	ModTime time.Time `json:"modTime"`
	Head    string    `json:"head"`
}

func identify(f *os.File) (InputID, error) {
	st, err := f.Stat()
	if err != nil {
		return InputID{}, err
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, 64<<10)); err != nil {
		return InputID{}, fmt.Errorf("%s: %w", f.Name(), err)
	}
	return InputID{Size: st.Size(), ModTime: st.ModTime().UTC(), Head: hex.EncodeToString(h.Sum(nil))}, nil
}

func (a InputID) equal(b InputID) bool {
	return a.Size == b.Size && a.ModTime.Equal(b.ModTime) && a.Head == b.Head
}

// readCheckpoint returns the checkpoint at path, or nil if there is none.
func readCheckpoint(path string) (*checkpoint, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var cp checkpoint
	if err := json.Unmarshal(b, &cp); err != nil {
		return nil, fmt.Errorf("checkpoint %s: %w (delete it to start over)", path, err)
	}
	if cp.Version != checkpointVersion {
		return nil, fmt.Errorf("%w: checkpoint %s is of version %d, written by a veto whose output had other columns; run with --resume=false to start over",
			ErrCheckpoint, path, cp.Version)
	}
	return &cp, nil
}

// write writes the checkpoint atomically: a kill leaves the previous
// checkpoint or this one, never half of one.
func (cp *checkpoint) write(path string) error {
	b, err := json.Marshal(cp)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("write checkpoint: %w", err)
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write checkpoint %s: %w", path, err)
	}
	return nil
}

// check says why the checkpoint cannot be resumed with this input and
// these options, if it cannot.
func (cp *checkpoint) check(path string, in InputID, options string) error {
	switch {
	case !cp.Input.equal(in):
		return fmt.Errorf("%w: the input file changed since the run that wrote %s (size, modification time or content); run with --resume=false to start over", ErrCheckpoint, path)
	case cp.Options != options:
		return fmt.Errorf("%w: the options or the lists changed since the run that wrote %s; run again with the same options and lists, or with --resume=false to start over", ErrCheckpoint, path)
	case cp.Pos.Offset > in.Size:
		return fmt.Errorf("%w: %s is past the end of the input", ErrCheckpoint, path)
	}
	return nil
}
