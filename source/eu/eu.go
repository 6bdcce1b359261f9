package eu

import (
	"context"
	"encoding/xml"
	"errors"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// ListName is the veto name of the EU Consolidated Financial Sanctions
// List.
const ListName = "eu-fsf"

// Format is the name of the EU XML 1.1 format in results.
const Format = "eu-xml"

// Namespace is the XML namespace of the EU export format.
const Namespace = "http://eu.europa.ec/fpi/fsd/export"

// Publisher describes the European Union as a list publisher.
var Publisher = source.Publisher{
	Name:         "eu",
	Jurisdiction: "eu",
	Title:        "European Union",
	Lists: []source.List{{
		Name:  ListName,
		Title: "EU Consolidated Financial Sanctions List",
		Downloads: []source.Download{{
			URL:  "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
			File: "eu_fsf.xml",
		}},
	}},
	Parse: Parse,
}

const rootName = "export"

// rootAttrs are the known attributes of the document element:
// generationDate is the publication time, globalFileId the EU's number
// of the file.
var rootAttrs = []string{"generationDate", "globalFileId", "xmlns"}

// Parse reads EU financial sanctions files (XML 1.1), each of which is one
// version of the list, and returns one Result per file in the order
// given. A file that is not an EU export fails with an error wrapping
// source.ErrFormat; see [source.Publisher] for the contract.
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	if len(paths) == 0 {
		return nil, errors.New("eu: no files to parse")
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
		Root: rootName, Records: []string{"sanctionEntity"}, Sections: nil, RootAttrs: rootAttrs, Warn: &warn,
		OnRoot: func(r xml.StartElement, line int) error {
			root, rootLine = r, line
			if r.Name.Space != Namespace {
				return source.Errorf(source.ErrFormat, path, line, r.Name.Local,
					"document element is <%s> in namespace %q, want <%s> in %q of the EU financial sanctions file",
					r.Name.Local, r.Name.Space, rootName, Namespace)
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
		var se sanctionEntity
		if err := x.Decode(&se); err != nil {
			return err
		}
		e, err := mapEntity(&se, x.Raw, path, x.Line, &warn)
		if err != nil {
			return err
		}
		if first, dup := seen[e.ID]; dup {
			return source.Errorf(source.ErrMalformed, path, x.Line, "sanctionEntity@logicalId",
				"logicalId %s is listed twice (first on line %d)", e.ID, first)
		}
		seen[e.ID] = x.Line
		res.Entities = append(res.Entities, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(res.Entities) == 0 {
		return nil, source.Errorf(source.ErrEmpty, path, 0, "", "no sanctionEntity records")
	}
	published(res, root.Attr, rootLine, &warn)
	res.Warnings = warn.List()
	return res, nil
}

// published sets when the list was published: the root's generationDate,
// or if that is missing, the newest designation date in it.
func published(res *source.Result, attrs []xml.Attr, line int, warn *source.Warnings) {
	v := ""
	for _, a := range attrs {
		if a.Name.Local == "generationDate" && a.Name.Space == "" {
			v = a.Value
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		res.Published, res.PublishedFrom = t, "file"
		return
	}
	warn.Add(res.Files[0], line, rootName+"@generationDate", "missing or unreadable publication date, using the newest designation date")
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
