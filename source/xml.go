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
// name is in records; see [XMLScan.Scan]. root, if not empty, is the local
// name the document element must have. Elements that are neither records
// nor inside records are passed over silently; use XMLScan to be told.
func ScanXML(data []byte, file, root string, records []string, fn func(*XMLRecord) error) error {
	return XMLScan{Root: root, Records: records}.Scan(data, file, fn)
}

// XMLScan describes the shape of an XML list document: its document
// element, its record elements, and the section elements that hold them.
type XMLScan struct {
	// Root is the local name the document element must have; "" accepts
	// any.
	Root string
	// Records are the local names of record elements, found at any depth
	// outside other records.
	Records []string
	// Sections are the local names of elements that hold records (UN's
	// INDIVIDUALS, ENTITIES). With Warn set, an element that is neither
	// a record nor a section, nor inside a record, is reported.
	Sections []string
	// RootAttrs are the document element's attributes the parser reads
	// (namespace declarations and xsi: schema hints are always accepted).
	// With Warn set, any other is reported.
	RootAttrs []string
	// Warn, if set, receives "unknown element" and "unknown attribute"
	// warnings, so a change in the publisher's format is noticed.
	Warn *Warnings
	// OnRoot, if set, is called with the document element and its line
	// before any record.
	OnRoot func(root xml.StartElement, line int) error
}

// Scan walks data and calls fn for every record element, in document
// order: fn is never called for a record nested in a record. Syntax
// errors and a document that ends early become ParseErrors with the file,
// line and byte offset; input that is not XML at all, or whose document
// element is not Root, is ErrFormat.
//
// Raw gives each record's exact bytes, so that parsers can keep the
// publisher's record as written.
func (sc XMLScan) Scan(data []byte, file string, fn func(*XMLRecord) error) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charsetReader
	depth := 0
	sawRoot := false
	rootName := "" // the document element's name, for "ends before </...>"
	lines := NewLineCounter(data)
	var path []string
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			if !sawRoot {
				return &ParseError{File: file, Line: lines.At(off), Offset: off, Err: fmt.Errorf("%w: no XML document element", ErrFormat)}
			}
			if depth != 0 {
				return &ParseError{File: file, Line: lines.At(off), Offset: off, Err: fmt.Errorf("%w: the file ends before the end tag </%s> of its document element: it is cut short", ErrTruncated, rootName)}
			}
			return nil
		}
		if err != nil {
			if !sawRoot {
				return &ParseError{File: file, Line: lines.At(off), Offset: off, Err: fmt.Errorf("%w: not an XML document: %v", ErrFormat, err)}
			}
			return xmlError(data, file, rootName, d.InputOffset(), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			start := startOffset(data, off)
			if depth == 0 {
				sawRoot, rootName = true, t.Name.Local
				if sc.Root != "" && t.Name.Local != sc.Root {
					return &ParseError{File: file, Line: lines.At(start), Offset: start, Field: t.Name.Local,
						Err: fmt.Errorf("%w: document element is <%s>, want <%s>", ErrFormat, t.Name.Local, sc.Root)}
				}
				sc.checkRootAttrs(t, file, lines.At(start))
				if sc.OnRoot != nil {
					if err := sc.OnRoot(t, lines.At(start)); err != nil {
						return err
					}
				}
			}
			if depth > 0 && isRecord(t.Name.Local, sc.Records) {
				used := false
				rec := &XMLRecord{Start: t, Line: lines.At(start)}
				rec.Decode = func(v any) error {
					if used {
						return fmt.Errorf("source: XMLRecord.Decode called twice")
					}
					used = true
					if err := d.DecodeElement(v, &t); err != nil {
						return xmlError(data, file, rootName, d.InputOffset(), err)
					}
					rec.Raw = data[start:d.InputOffset()]
					return nil
				}
				if err := fn(rec); err != nil {
					return err
				}
				if !used {
					if err := d.Skip(); err != nil {
						return xmlError(data, file, rootName, d.InputOffset(), err)
					}
				}
				continue
			}
			path = append(path, t.Name.Local)
			if depth > 0 && sc.Warn != nil && !isRecord(t.Name.Local, sc.Sections) {
				sc.Warn.Add(file, lines.At(start), strings.Join(path, "/"), "unknown element, not read")
				path = path[:len(path)-1]
				if err := d.Skip(); err != nil {
					return xmlError(data, file, rootName, d.InputOffset(), err)
				}
				continue
			}
			depth++
		case xml.EndElement:
			depth--
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		}
	}
}

// startOffset moves off, where a token began, past the white space that
// may precede its "<".
func startOffset(data []byte, off int64) int64 {
	for off < int64(len(data)) && data[off] != '<' {
		off++
	}
	return off
}

func (sc XMLScan) checkRootAttrs(root xml.StartElement, file string, line int) {
	if sc.Warn == nil {
		return
	}
	for _, a := range root.Attr {
		switch {
		case a.Name.Space == "xmlns" || a.Name.Local == "xmlns" && a.Name.Space == "":
			continue // namespace declarations
		case a.Name.Space == "http://www.w3.org/2001/XMLSchema-instance":
			continue // schema location hints
		case isRecord(a.Name.Local, sc.RootAttrs) && a.Name.Space == "":
			continue
		}
		sc.Warn.Add(file, line, root.Name.Local+"@"+a.Name.Local, "unknown attribute, not read")
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

// xmlError locates a decoder error. The input ending early is
// ErrTruncated, and says which end tag (of root, the document element)
// the file lacks; anything else is ErrMalformed.
func xmlError(data []byte, file, root string, off int64, err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return err
	}
	line := LineAt(data, off)
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected EOF") {
		return &ParseError{File: file, Line: line, Offset: off,
			Err: fmt.Errorf("%w: the file ends before the end tag </%s> of its document element: it is cut short (%v)", ErrTruncated, root, err)}
	}
	return &ParseError{File: file, Line: line, Offset: off, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
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
