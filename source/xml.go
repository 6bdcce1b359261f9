package source

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// XMLRecord is one record element found by [ScanXML].
type XMLRecord struct {
	// Start is the record's start element.
	Start xml.StartElement
	// Raw is the record's bytes in the file, from "<" to the end tag. It
	// is set by Decode.
	Raw []byte
	// Line is the 1-based line the record starts on.
	Line int
	// Decode decodes the record into v, as xml.Decoder.DecodeElement does,
	// and sets Raw. It must be called at most once, before the callback
	// returns; if it is not called, the record is skipped.
	Decode func(v any) error
}

// ScanXML walks an XML document and calls fn for every element whose local
// name is in records, at any depth, in document order. Other elements are
// passed through: fn is never called for a record nested in a record.
// root, if not empty, is the local name the document element must have;
// otherwise the input is ErrFormat. Syntax errors and a document that ends
// early become ParseErrors with the file, line and byte offset.
//
// Raw gives each record's exact bytes, so that parsers can keep the
// publisher's record as written.
func ScanXML(data []byte, file, root string, records []string, fn func(*XMLRecord) error) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charsetReader
	depth := 0
	sawRoot := false
	lines := NewLineCounter(data)
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			if !sawRoot {
				return &ParseError{File: file, Line: LineAt(data, off), Offset: off, Err: fmt.Errorf("%w: no XML document element", ErrFormat)}
			}
			if depth != 0 {
				return &ParseError{File: file, Line: LineAt(data, off), Offset: off, Err: fmt.Errorf("%w: document ends inside an element", ErrTruncated)}
			}
			return nil
		}
		if err != nil {
			return xmlError(data, file, d.InputOffset(), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				sawRoot = true
				if root != "" && t.Name.Local != root {
					return &ParseError{File: file, Line: LineAt(data, off), Offset: off, Field: t.Name.Local,
						Err: fmt.Errorf("%w: document element is <%s>, want <%s>", ErrFormat, t.Name.Local, root)}
				}
			}
			if depth > 0 && isRecord(t.Name.Local, records) {
				used := false
				rec := &XMLRecord{Start: t, Line: lines.At(off)}
				rec.Decode = func(v any) error {
					if used {
						return fmt.Errorf("source: XMLRecord.Decode called twice")
					}
					used = true
					if err := d.DecodeElement(v, &t); err != nil {
						return xmlError(data, file, d.InputOffset(), err)
					}
					rec.Raw = data[off:d.InputOffset()]
					return nil
				}
				if err := fn(rec); err != nil {
					return err
				}
				if !used {
					if err := d.Skip(); err != nil {
						return xmlError(data, file, d.InputOffset(), err)
					}
				}
				continue
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
}

func isRecord(name string, records []string) bool {
	for _, r := range records {
		if r == name {
			return true
		}
	}
	return false
}

func xmlError(data []byte, file string, off int64, err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return err
	}
	sentinel := ErrMalformed
	if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected EOF") {
		sentinel = ErrTruncated
	}
	line := LineAt(data, off)
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
	}
	return &ParseError{File: file, Line: line, Offset: off, Err: fmt.Errorf("%w: %v", sentinel, err)}
}

// charsetReader accepts the encodings the publishers declare. All of them
// write UTF-8 (some declare "utf-8" in other spellings); anything else is
// refused rather than misread.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return r, nil
	}
	return nil, fmt.Errorf("%w: XML encoding %q is not supported", ErrFormat, label)
}

// UnknownElement captures an element a wire struct does not name, so the
// parser can warn about it. Embed a field `Unknown []source.UnknownElement
// `xml:",any"“ in a wire struct.
type UnknownElement struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Inner   string     `xml:",innerxml"`
}

// Text returns the element's content with markup and surrounding space
// removed, for warning messages.
func (u UnknownElement) Text() string {
	return strings.TrimSpace(u.Inner)
}
