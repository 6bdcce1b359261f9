package source

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// MaxFileSize bounds how much one list file may expand to in memory.
// The largest official file, OFAC's SDN_ADVANCED.XML, is about 120 MB.
const MaxFileSize = 1 << 30

// ReadFile reads a list file whole, decompressing it when it is gzip or a
// zip archive with one member (as OFAC ships SDN_ENHANCED.ZIP), whatever
// its extension says. A zip with several members is an error: the caller
// must name the member it wants with [ReadZipMember].
func ReadFile(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read list file: %w", err)
	}
	return Decompress(path, raw)
}

// Decompress returns data, or its decompressed content when data is gzip
// or a single-member zip. name is used in errors.
func Decompress(name string, data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0x1f, 0x8b}):
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, &ParseError{File: name, Offset: 0, Err: fmt.Errorf("%w: gzip: %v", ErrMalformed, err)}
		}
		out, err := io.ReadAll(io.LimitReader(zr, MaxFileSize+1))
		if err != nil {
			return nil, &ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: gzip: %v", ErrTruncated, err)}
		}
		if len(out) > MaxFileSize {
			return nil, &ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: expands beyond %d bytes", ErrMalformed, MaxFileSize)}
		}
		return out, nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, ZipError(name, err)
		}
		var files []*zip.File
		for _, f := range zr.File {
			if !f.FileInfo().IsDir() {
				files = append(files, f)
			}
		}
		if len(files) != 1 {
			return nil, &ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: zip holds %d files, want 1", ErrFormat, len(files))}
		}
		return readZipFile(name, files[0])
	}
	return data, nil
}

// ZipError explains why a zip archive (a zipped list, or an XLSX
// workbook, which is a zip) cannot be opened. A zip's central directory,
// the table of its members, is written last: without it the download was
// cut short.
func ZipError(name string, err error) error {
	if errors.Is(err, zip.ErrFormat) {
		return &ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: the zip archive's central directory, written at the end of every complete zip (and XLSX workbook), is missing: the file is cut short (%v)", ErrTruncated, err)}
	}
	return &ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: zip: %v", ErrTruncated, err)}
}

// ReadZipMember reads the member of a zip archive whose base name equals
// member, ignoring case.
func ReadZipMember(path, member string) ([]byte, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, ZipError(path, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.EqualFold(filepath.Base(f.Name), member) {
			return readZipFile(path, f)
		}
	}
	return nil, &ParseError{File: path, Offset: -1, Err: fmt.Errorf("%w: zip has no member %s", ErrFormat, member)}
}

func readZipFile(name string, f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > MaxFileSize {
		return nil, &ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: zip member %s is %d bytes", ErrMalformed, f.Name, f.UncompressedSize64)}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: zip member %s: %v", ErrMalformed, f.Name, err)}
	}
	defer rc.Close()
	out, err := io.ReadAll(io.LimitReader(rc, MaxFileSize+1))
	if err != nil {
		return nil, &ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: zip member %s: %v", ErrTruncated, f.Name, err)}
	}
	return out, nil
}

// BaseName returns the lower-case base name of path with any .gz or .zip
// suffix removed: "SDN_ENHANCED.ZIP" → "sdn_enhanced", "CONS_ENHANCED.XML.gz"
// → "cons_enhanced.xml". Parsers use it to recognise files.
func BaseName(path string) string {
	b := strings.ToLower(filepath.Base(path))
	for _, ext := range []string{".gz", ".zip"} {
		b = strings.TrimSuffix(b, ext)
	}
	return b
}

// LineAt returns the 1-based line number of byte offset off in data.
func LineAt(data []byte, off int64) int {
	if off < 0 {
		return 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// LineCounter turns byte offsets into line numbers for offsets that mostly
// increase, counting each byte of data once.
type LineCounter struct {
	data []byte
	off  int64
	line int
}

// NewLineCounter returns a LineCounter at the start of data.
func NewLineCounter(data []byte) *LineCounter { return &LineCounter{data: data, line: 1} }

// At returns the 1-based line number of byte offset off.
func (c *LineCounter) At(off int64) int {
	if off < c.off {
		c.off, c.line = 0, 1
	}
	off = min(off, int64(len(c.data)))
	c.line += bytes.Count(c.data[c.off:off], []byte{'\n'})
	c.off = off
	return c.line
}
