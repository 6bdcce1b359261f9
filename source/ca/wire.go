package ca

import (
	"bytes"
	"encoding/xml"

	"github.com/vetoscreen/veto/source"
)

// record is one <record> element. Every field is a slice so that a
// repeated element is noticed instead of silently overwriting the first.
type record struct {
	Country                    []string `xml:"Country"`
	LastName                   []string `xml:"LastName"`
	GivenName                  []string `xml:"GivenName"`
	EntityOrShip               []string `xml:"EntityOrShip"`
	TitleOrShip                []string `xml:"TitleOrShip"`
	ShipIMONumber              []string `xml:"ShipIMONumber"`
	DateOfBirthOrShipBuildDate []string `xml:"DateOfBirthOrShipBuildDate"`
	Aliases                    []string `xml:"Aliases"`
	Schedule                   []string `xml:"Schedule"`
	Item                       []string `xml:"Item"`
	DateOfListing              []string `xml:"DateOfListing"`

	Attrs   []xml.Attr              `xml:",any,attr"`
	Unknown []source.UnknownElement `xml:",any"`
}

// rootAttrs are the attributes of <data-set> that carry no list data.
var rootAttrs = map[string]bool{"xmlns:xsi": true, "xsi:noNamespaceSchemaLocation": true}

// outline warns about what lies outside the records: attributes of the
// document element and elements beside <record>, which source.ScanXML
// passes over. The document has already been read whole without error,
// so a token error here cannot happen and ends the walk.
func outline(data []byte, file string, warn *source.Warnings) {
	d := xml.NewDecoder(bytes.NewReader(data))
	lines := source.NewLineCounter(data)
	depth := 0
	for {
		off := d.InputOffset()
		tok, err := d.RawToken()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch depth {
			case 0:
				for _, a := range t.Attr {
					if name := attrName(a.Name); !rootAttrs[name] {
						warn.Add(file, lines.At(off), rootName+"@"+name, "unknown attribute, not read")
					}
				}
			case 1:
				if t.Name.Local != recordName {
					warn.Add(file, lines.At(off), t.Name.Local, "unknown element beside the records, not read")
				}
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 1 && len(bytes.TrimSpace(t)) > 0 {
				warn.Add(file, lines.At(off), rootName, "text between the records, not read")
			}
		}
	}
}

func attrName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
