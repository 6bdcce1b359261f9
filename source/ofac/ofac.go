package ofac

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// The lists' veto names.
const (
	listSDN  = "ofac-sdn"
	listCons = "ofac-cons"
)

// The format names of results.
const (
	formatCSV      = "ofac-csv"
	formatXML      = "ofac-xml"
	formatEnhanced = "ofac-enhanced-xml"
)

const exportsURL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"

// Publisher describes the US Treasury OFAC lists as a list publisher.
var Publisher = source.Publisher{
	Name:         "ofac",
	Jurisdiction: "us",
	Title:        "US Treasury OFAC",
	Lists: []source.List{
		{
			Name:      listSDN,
			Title:     "Specially Designated Nationals and Blocked Persons List",
			Downloads: []source.Download{{URL: exportsURL + "SDN_ENHANCED.ZIP", File: "SDN_ENHANCED.ZIP"}},
		},
		{
			Name:      listCons,
			Title:     "Consolidated (non-SDN) Sanctions List",
			Downloads: []source.Download{{URL: exportsURL + "CONS_ENHANCED.ZIP", File: "CONS_ENHANCED.ZIP"}},
		},
	},
	Parse: Parse,
}

// Parse reads OFAC list files: the legacy CSV files, sdn.xml or
// consolidated.xml, and the enhanced XML files, plain or compressed. It
// returns one Result per list and format found, in the order of the paths.
// The CSV files of one list (the main file and its side files) make one
// Result; each XML file makes its own.
func Parse(ctx context.Context, paths []string) ([]*source.Result, error) {
	if len(paths) == 0 {
		return nil, errors.New("ofac: no list files given")
	}
	var (
		results []*source.Result
		order   []any // *source.Result for XML files, *csvSet for CSV lists
		sets    = map[string]*csvSet{}
	)
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := source.ReadFile(p)
		if err != nil {
			return nil, err
		}
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		root, isXML, err := xmlRoot(p, data)
		if err != nil {
			return nil, err
		}
		if isXML {
			r, err := parseXMLFile(ctx, p, root, data)
			if err != nil {
				return nil, err
			}
			order = append(order, r)
			continue
		}
		f, err := readCSVFile(ctx, p, data)
		if err != nil {
			return nil, err
		}
		set := sets[f.list]
		if set == nil {
			set = &csvSet{list: f.list}
			sets[f.list] = set
			order = append(order, set)
		}
		if err := set.add(f); err != nil {
			return nil, err
		}
	}
	for _, o := range order {
		switch o := o.(type) {
		case *source.Result:
			results = append(results, o)
		case *csvSet:
			r, err := o.parse(ctx)
			if err != nil {
				return nil, err
			}
			results = append(results, r)
		}
	}
	return results, nil
}

// parseXMLFile parses an XML file by its document element.
func parseXMLFile(ctx context.Context, path, root string, data []byte) (*source.Result, error) {
	switch root {
	case "sdnList":
		return parseSDNList(ctx, path, data)
	case "sanctionsData":
		return parseEnhanced(ctx, path, data)
	}
	return nil, source.Errorf(source.ErrFormat, path, 0, root,
		"XML document element <%s> is not an OFAC list (want <sdnList> or <sanctionsData>)", root)
}

// xmlRoot reports whether data is XML and returns its document element's
// local name. Data that does not start with "<" is not XML.
func xmlRoot(path string, data []byte) (string, bool, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '<' {
		return "", false, nil
	}
	d := xml.NewDecoder(bytes.NewReader(trimmed))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return "", true, source.Errorf(source.ErrFormat, path, 0, "", "XML file has no document element")
			}
			return "", true, source.Errorf(source.ErrFormat, path, source.LineAt(trimmed, d.InputOffset()), "",
				"not a readable XML file: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local, true, nil
		}
	}
}

// listOfName tells the list of a file from its base name, for formats
// whose content does not say: "cons..." and "consolidated..." are the
// consolidated list, "sdn..." (and the SDN's side files) the SDN list.
func listOfName(path string) (string, bool) {
	b := source.BaseName(path)
	switch {
	case strings.HasPrefix(b, "cons"):
		return listCons, true
	case strings.HasPrefix(b, "sdn"), strings.HasPrefix(b, "add"), strings.HasPrefix(b, "alt"):
		return listSDN, true
	}
	return "", false
}

// finish puts what every format shares on the entities of a result:
// names in kind order, and relation targets resolved by name within the
// list where the format gives only a name.
func finish(entities []*entity.Entity) {
	byName := make(map[string]string, len(entities))
	for _, e := range entities {
		k := strings.ToUpper(e.Caption())
		if _, dup := byName[k]; dup {
			byName[k] = "" // ambiguous: leave unresolved
			continue
		}
		byName[k] = e.ID
	}
	for _, e := range entities {
		slices.SortStableFunc(e.Names, func(a, b entity.Name) int { return kindRank[a.Kind] - kindRank[b.Kind] })
		for i, r := range e.Relations {
			if r.Target != "" || r.Name == "" {
				continue
			}
			for _, n := range []string{r.Name, r.Name + ".", strings.TrimSuffix(r.Name, ".")} {
				if id := byName[strings.ToUpper(n)]; id != "" && id != e.ID {
					e.Relations[i].Target = id
					break
				}
			}
		}
	}
}

var kindRank = map[entity.NameKind]int{entity.Primary: 0, entity.Alias: 1, entity.WeakAlias: 2, entity.Previous: 3}

// entityID returns the veto ID of an OFAC uid.
func entityID(uid string) string { return "ofac-" + uid }

// errEmpty is the error for a file or list without entities.
func errEmpty(path, what string) error {
	return source.Errorf(source.ErrEmpty, path, 0, "", "%s holds no entries", what)
}

// checkUID checks that an OFAC uid is a positive number.
func checkUID(path string, line int, field, uid string) error {
	if uid == "" {
		return source.Errorf(source.ErrMalformed, path, line, field, "entry has no %s", field)
	}
	for _, r := range uid {
		if r < '0' || r > '9' {
			return source.Errorf(source.ErrMalformed, path, line, field, "%s %q is not a number", field, uid)
		}
	}
	return nil
}

// dupError is the error for an ID that occurs twice in one list.
func dupError(path string, line int, field, uid string) error {
	return source.Errorf(source.ErrMalformed, path, line, field,
		"%s %s occurs twice; OFAC lists each designation once", field, uid)
}
