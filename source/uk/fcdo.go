package uk

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// parseFCDO reads the FCDO UK Sanctions List XML.
func parseFCDO(ctx context.Context, file string, data []byte) (*source.Result, error) {
	p := &fcdoParser{ctx: ctx, m: &mapper{file: file}, data: data, lines: map[string]int{}}
	if err := p.scan(); err != nil {
		return nil, err
	}
	if len(p.entities) == 0 {
		return nil, source.Errorf(source.ErrEmpty, file, 0, "Designation", "the list holds no <Designation> records")
	}
	res := &source.Result{
		List:     listFCDO,
		Format:   formatFCDO,
		Files:    []string{file},
		Entities: p.entities,
	}
	setPublished(res, p.m, p.generated, p.generatedLine, "DateGenerated")
	res.Warnings = p.m.warns.List()
	return res, nil
}

// fcdoParser walks one FCDO XML document.
type fcdoParser struct {
	ctx           context.Context
	m             *mapper
	data          []byte
	entities      []*entity.Entity
	lines         map[string]int // entity ID -> line, to report duplicates
	generated     string
	generatedLine int
}

// scan reads <Designations>: its <DateGenerated> and every <Designation>.
// It walks the tokens itself rather than using source.ScanXML so that an
// unknown child of the root is reported too.
func (p *fcdoParser) scan() error {
	d := xml.NewDecoder(bytes.NewReader(p.data))
	d.CharsetReader = charsetReader
	lines := source.NewLineCounter(p.data)
	depth, sawRoot := 0, false
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			switch {
			case !sawRoot:
				return p.errAt(off, source.ErrFormat, "", "no XML document element; want <Designations>")
			case depth != 0:
				return p.errAt(off, source.ErrTruncated, "", "the file ends before the end tag </Designations> of its document element: it is cut short")
			}
			return nil
		}
		if err != nil {
			return p.xmlError(d.InputOffset(), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if sawRoot {
					return p.errAt(off, source.ErrMalformed, t.Name.Local, "a second document element <%s>", t.Name.Local)
				}
				if t.Name.Local != "Designations" {
					return p.errAt(off, source.ErrFormat, t.Name.Local, "document element is <%s>, want <Designations> (FCDO UK Sanctions List)", t.Name.Local)
				}
				sawRoot, depth = true, 1
				p.m.attrs(lines.At(off), "Designations", t.Attr)
				continue
			}
			if err := p.child(d, t, off, lines.At(off)); err != nil {
				return err
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 1 && len(bytes.TrimSpace(t)) > 0 {
				p.m.warn(lines.At(off), "Designations", "text not mapped: %q", strings.TrimSpace(string(t)))
			}
		}
	}
}

// child reads one child element of the root.
func (p *fcdoParser) child(d *xml.Decoder, t xml.StartElement, off int64, line int) error {
	switch t.Name.Local {
	case "DateGenerated":
		var s string
		if err := d.DecodeElement(&s, &t); err != nil {
			return p.xmlError(d.InputOffset(), err)
		}
		p.generated, p.generatedLine = s, line
		return nil
	case "Designation":
		if len(p.entities)%256 == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
		}
		var w designation
		if err := d.DecodeElement(&w, &t); err != nil {
			return p.xmlError(d.InputOffset(), err)
		}
		e, err := p.m.designation(&w, line)
		if err != nil {
			return err
		}
		if first, dup := p.lines[e.ID]; dup {
			return source.Errorf(source.ErrMalformed, p.m.file, line, "UniqueID",
				"duplicate UniqueID %s (first at line %d): each designation must be listed once", strings.TrimPrefix(e.ID, "uk-"), first)
		}
		p.lines[e.ID] = line
		e.Raw = entity.Raw{Format: "xml", Text: string(p.data[off:d.InputOffset()])}
		p.entities = append(p.entities, e)
		return nil
	}
	p.m.warn(line, "Designations/"+t.Name.Local, "element not mapped")
	if err := d.Skip(); err != nil {
		return p.xmlError(d.InputOffset(), err)
	}
	return nil
}

// errAt returns a ParseError at byte offset off.
func (p *fcdoParser) errAt(off int64, sentinel error, field, format string, args ...any) error {
	return &source.ParseError{File: p.m.file, Line: source.LineAt(p.data, off), Offset: off, Field: field,
		Err: fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))}
}

// xmlError classifies a decoder error: the input ending early is
// ErrTruncated, anything else ErrMalformed.
func (p *fcdoParser) xmlError(off int64, err error) error {
	var pe *source.ParseError
	if errors.As(err, &pe) {
		return err
	}
	sentinel, what := source.ErrMalformed, ""
	if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected EOF") {
		sentinel, what = source.ErrTruncated, "the file ends before the end tag </Designations> of its document element: it is cut short: "
	}
	if errors.Is(err, source.ErrFormat) {
		sentinel, what = source.ErrFormat, ""
	}
	line := source.LineAt(p.data, off)
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
	}
	return &source.ParseError{File: p.m.file, Line: line, Offset: off, Err: fmt.Errorf("%w: %s%v", sentinel, what, err)}
}

// charsetReader accepts UTF-8 under its usual labels; the FCDO writes
// UTF-8, and anything else is refused rather than misread.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return r, nil
	}
	return nil, fmt.Errorf("%w: XML encoding %q is not supported", source.ErrFormat, label)
}

// setPublished sets the publication date from the date the file gives,
// or else from the newest listing date.
func setPublished(res *source.Result, m *mapper, date string, line int, field string) {
	if strings.TrimSpace(date) != "" {
		t, err := published(date)
		if err == nil {
			res.Published, res.PublishedFrom = t, "file"
			return
		}
		m.warn(line, field, "unreadable publication date %q", strings.TrimSpace(date))
	}
	var newest entity.Date
	for _, e := range res.Entities {
		if e.ListingDate.String() > newest.String() {
			newest = e.ListingDate
		}
	}
	if newest.IsZero() {
		return
	}
	res.Published = timeOf(newest)
	res.PublishedFrom = "newest-listing-date"
}
