package un

import (
	"context"
	"encoding/xml"
	"errors"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// ListName is the veto name of the UN Security Council Consolidated List.
const ListName = "un-sc"

// Format is the name of the UN XML format in results.
const Format = "un-xml"

// Publisher describes the UN Security Council as a list publisher.
var Publisher = source.Publisher{
	Name:         "un",
	Jurisdiction: "un",
	Title:        "UN Security Council",
	Lists: []source.List{{
		Name:  ListName,
		Title: "UN Security Council Consolidated List",
		Downloads: []source.Download{{
			URL:  "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
			File: "un_consolidated.xml",
		}},
	}},
	Parse: Parse,
}

// rootName is the document element of the list; it has no namespace.
const rootName = "CONSOLIDATED_LIST"

// rootAttrs are the attributes of the document element that are known:
// dateGenerated is the publication time, the others are XML Schema
// bookkeeping.
var rootAttrs = []string{"dateGenerated", "xmlns:xsi", "xsi:noNamespaceSchemaLocation"}

// Parse reads UN consolidated list files, each of which is one version of
// the list, and returns one Result per file in the order given. A file
// that is not a UN consolidated list fails with an error wrapping
// source.ErrFormat; see [source.Publisher] for the contract.
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	if len(paths) == 0 {
		return nil, errors.New("un: no files to parse")
	}
	var out []*source.Result
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := source.ReadFile(path)
		if err != nil {
			return nil, err
		}
		r, err := parseFile(ctx, path, data)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// parseFile reads one list file whose bytes are data.
func parseFile(ctx context.Context, path string, data []byte) (*source.Result, error) {
	res := &source.Result{List: ListName, Format: Format, Files: []string{path}}
	var warn source.Warnings
	var root xml.StartElement
	var rootLine int
	scan := source.XMLScan{
		Root: rootName, Records: []string{"INDIVIDUAL", "ENTITY"}, Sections: []string{"INDIVIDUALS", "ENTITIES"}, RootAttrs: rootAttrs, Warn: &warn,
		OnRoot: func(r xml.StartElement, line int) error {
			root, rootLine = r, line
			if r.Name.Space != "" {
				return source.Errorf(source.ErrFormat, path, line, r.Name.Local,
					"document element is <%s>, want <%s> of the UN consolidated list", r.Name.Local, rootName)
			}
			return nil
		},
	}
	seen := make(map[string]int)
	err := scan.Scan(data, path, func(x *source.XMLRecord) error {
		if len(res.Entities)%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var rec record
		if err := x.Decode(&rec); err != nil {
			return err
		}
		e, err := mapRecord(&rec, x.Raw, path, x.Line, &warn)
		if err != nil {
			return err
		}
		if first, dup := seen[e.ID]; dup {
			return source.Errorf(source.ErrMalformed, path, x.Line, rec.XMLName.Local+"/REFERENCE_NUMBER",
				"reference number %s is listed twice (first on line %d)", e.ID, first)
		}
		seen[e.ID] = x.Line
		res.Entities = append(res.Entities, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(res.Entities) == 0 {
		return nil, source.Errorf(source.ErrEmpty, path, 0, "", "no INDIVIDUAL or ENTITY records")
	}
	published(res, root.Attr, rootLine, &warn)
	res.Warnings = warn.List()
	return res, nil
}

// published sets when the list was published: the root's dateGenerated,
// or if that is missing, the newest listing date in it.
func published(res *source.Result, attrs []xml.Attr, line int, warn *source.Warnings) {
	v := ""
	for _, a := range attrs {
		if a.Name.Local == "dateGenerated" && a.Name.Space == "" {
			v = a.Value
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		res.Published, res.PublishedFrom = t, "file"
		return
	}
	warn.Add(res.Files[0], line, rootName+"@dateGenerated", "missing or unreadable publication date, using the newest listing date")
	var newest entity.Date
	for _, e := range res.Entities {
		if d := e.ListingDate; d.String() > newest.String() {
			newest = d
		}
	}
	if !newest.IsZero() {
		res.Published = time.Date(newest.Year, time.Month(max(newest.Month, 1)), max(newest.Day, 1), 0, 0, 0, 0, time.UTC)
		res.PublishedFrom = "newest-listing-date"
	}
}
