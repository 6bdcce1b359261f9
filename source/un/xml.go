package un

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"sort"

	"github.com/vetoscreen/veto/source"
)

// rootElement returns the document element of data and the line it
// starts on, reading no further.
func rootElement(data []byte) (xml.StartElement, int, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			return xml.StartElement{}, 0, errors.New("no XML document element")
		}
		if err != nil {
			return xml.StartElement{}, 0, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			// off is where the token began, maybe on white space before it.
			for off < int64(len(data)) && data[off] != '<' {
				off++
			}
			return se, source.LineAt(data, off), nil
		}
	}
}

// skeleton collects the bytes of a document outside its records: the
// root element and the section elements around the records. Parsers use
// it to notice elements that are neither records nor known sections,
// which [source.ScanXML] passes over without a word.
type skeleton struct {
	data []byte
	next int // offset after the last record seen
	buf  bytes.Buffer
	// starts maps skeleton offsets back to file offsets: the gap that
	// begins at buf offset starts[i][0] begins at file offset starts[i][1].
	starts [][2]int
}

// skip records that raw, a record's bytes in data, is not skeleton.
// Records must come in document order.
func (s *skeleton) skip(raw []byte) {
	i := bytes.Index(s.data[s.next:], raw)
	if i < 0 {
		return
	}
	s.gap(s.data[s.next : s.next+i])
	s.next += i + len(raw)
}

func (s *skeleton) gap(b []byte) {
	s.starts = append(s.starts, [2]int{s.buf.Len(), s.next})
	s.buf.Write(b)
}

// fileLine returns the line in the file of a skeleton offset.
func (s *skeleton) fileLine(off int64) int {
	i := sort.Search(len(s.starts), func(i int) bool { return int64(s.starts[i][0]) > off }) - 1
	if i < 0 {
		return 0
	}
	return source.LineAt(s.data, int64(s.starts[i][1])+off-int64(s.starts[i][0]))
}

// unknown calls warn for every element of the skeleton below the root
// whose local name is not in sections, and for every attribute of the
// root not in rootAttrs. A section's content other than records is
// unknown by definition, since the records are cut out.
func (s *skeleton) unknown(sections, rootAttrs []string, warn func(field string, line int, message string)) {
	s.gap(s.data[s.next:])
	body := s.buf.Bytes()
	d := xml.NewDecoder(bytes.NewReader(body))
	depth := 0
	var path []string
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err != nil {
			// The whole document parsed already; the skeleton of a
			// well-formed document is well-formed.
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			switch {
			case depth == 0:
				for _, a := range t.Attr {
					if !contains(rootAttrs, attrName(a.Name)) {
						warn(t.Name.Local+"@"+attrName(a.Name), s.fileLine(off), "unknown attribute, not read")
					}
				}
			case depth > 1 || !contains(sections, t.Name.Local):
				warn(joinPath(path), s.fileLine(off), "unknown element, not read")
			}
			depth++
		case xml.EndElement:
			depth--
			path = path[:len(path)-1]
		}
	}
}

func attrName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	if n.Space == "http://www.w3.org/2001/XMLSchema-instance" {
		return "xsi:" + n.Local
	}
	return n.Space + ":" + n.Local
}

func joinPath(p []string) string {
	var b bytes.Buffer
	for i, s := range p {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(s)
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
