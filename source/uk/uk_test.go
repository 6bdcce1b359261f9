package uk

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// TestGolden parses the hand-written fixtures and compares the results
// with the golden files.
func TestGolden(t *testing.T) {
	tests := []struct {
		name, file string
		warnings   int
	}{
		{"fcdo", "testdata/fcdo.xml", 0},
		{"fcdo_unknown", "testdata/fcdo_unknown.xml", 17},
		{"ofsi_csv", "testdata/ConList.csv", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustParse(t, tt.file)
			for _, r := range res {
				sourcetest.CheckResult(t, r)
			}
			if got := len(res[0].Warnings); got != tt.warnings {
				t.Errorf("%d warnings, want %d: %+v", got, tt.warnings, res[0].Warnings)
			}
			sourcetest.Golden(t, tt.name, res)
		})
	}
}

// TestXLSXMatchesCSV writes the CSV fixture's rows to a workbook, as OFSI
// publishes the same list in both, and checks that both read the same.
func TestXLSXMatchesCSV(t *testing.T) {
	fromCSV := mustParse(t, "testdata/ConList.csv")[0]
	fromXLSX := mustParse(t, mustWriteXLSX(t, mustReadCSV(t, "testdata/ConList.csv")))[0]
	sourcetest.CheckResult(t, fromXLSX)
	if fromXLSX.Format != formatOFSIXLSX || fromCSV.Format != formatOFSICSV {
		t.Errorf("formats %q and %q", fromCSV.Format, fromXLSX.Format)
	}
	if !fromXLSX.Published.Equal(fromCSV.Published) || fromXLSX.PublishedFrom != "file" {
		t.Errorf("published %v (%s), want %v", fromXLSX.Published, fromXLSX.PublishedFrom, fromCSV.Published)
	}
	if len(fromXLSX.Entities) != len(fromCSV.Entities) {
		t.Fatalf("%d entities from XLSX, %d from CSV", len(fromXLSX.Entities), len(fromCSV.Entities))
	}
	for i, e := range fromXLSX.Entities {
		if !reflect.DeepEqual(e, fromCSV.Entities[i]) {
			t.Errorf("entity %s differs between XLSX and CSV:\n%+v\n%+v", e.ID, e, fromCSV.Entities[i])
		}
	}
	if len(fromXLSX.Warnings) != 0 {
		t.Errorf("warnings: %+v", fromXLSX.Warnings)
	}
}

// TestParseSeveralFiles reads files of both lists in one call.
func TestParseSeveralFiles(t *testing.T) {
	res := mustParse(t, "testdata/fcdo.xml", "testdata/ConList.csv")
	if len(res) != 2 || res[0].List != listFCDO || res[1].List != listOFSI {
		t.Fatalf("got %d results", len(res))
	}
	// The two lists point at each other: FCDO's OFSIGroupID, OFSI's
	// UK Sanctions List Ref.
	lavrov := sourcetest.Find(t, res, "uk-RUS0252")
	if !hasRelation(lavrov.Relations, "sameAs", "uk-ofsi-14197") {
		t.Errorf("uk-RUS0252 relations %+v", lavrov.Relations)
	}
	if o := sourcetest.Find(t, res, "uk-ofsi-14197"); !hasRelation(o.Relations, "sameAs", "uk-RUS0252") {
		t.Errorf("uk-ofsi-14197 relations %+v", o.Relations)
	}
}

// TestCSVVariants reads the quirks of ConList.csv that the fixture does
// not hold: no byte order mark, LF line ends, a "Last Updated" line
// padded with commas, trailing empty cells, no "Last Updated" line at all.
func TestCSVVariants(t *testing.T) {
	header := strings.Join(ofsiHeaders[:], ",")
	row := "LAVROV,Sergei,,,,,,,,,21/03/1950,,,Russia,,,,,,,,,,,,,,(UK Sanctions List Ref):RUS0252.,Individual,Primary name,,Russia,25/02/2022,25/02/2022,21/03/2023,14197"
	tests := []struct {
		name, text string
		published  string
		from       string
	}{
		{"lf", "Last Updated,14/04/2025\n" + header + "\n" + row + "\n", "2025-04-14", "file"},
		{"padded first line", "Last Updated,14/04/2025" + strings.Repeat(",", 34) + "\r\n" + header + "\r\n" + row + "\r\n", "2025-04-14", "file"},
		{"trailing comma", "Last Updated,14/04/2025\n" + header + ",\n" + row + ",\n", "2025-04-14", "file"},
		{"quoted first line", "\"Last Updated\",\"14/04/2025\"\n" + header + "\n" + row, "2025-04-14", "file"},
		{"no date line", header + "\n" + row + "\n", "2022-02-25", "newest-listing-date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustParse(t, mustWrite(t, "ConList.csv", tt.text))[0]
			sourcetest.CheckResult(t, res)
			if got := res.Published.Format("2006-01-02"); got != tt.published || res.PublishedFrom != tt.from {
				t.Errorf("published %s (%s), want %s (%s)", got, res.PublishedFrom, tt.published, tt.from)
			}
			if len(res.Entities) != 1 || res.Entities[0].Names[0].Full != "Sergei LAVROV" {
				t.Errorf("entities %+v", res.Entities)
			}
			if len(res.Warnings) != 0 {
				t.Errorf("warnings %+v", res.Warnings)
			}
		})
	}
}

// TestFCDOVariants reads the FCDO fixture with a byte order mark and CRLF
// line ends, and gzipped: the entities must be those of the plain file.
func TestFCDOVariants(t *testing.T) {
	plain := mustReadFile(t, "testdata/fcdo.xml")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write([]byte(plain)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	want := mustParse(t, "testdata/fcdo.xml")[0]
	for name, text := range map[string]string{
		"bom crlf": "\ufeff" + strings.ReplaceAll(plain, "\n", "\r\n"),
		"gzip":     gz.String(),
	} {
		t.Run(name, func(t *testing.T) {
			got := mustParse(t, mustWrite(t, "UK-Sanctions-List.xml", text))[0]
			sourcetest.CheckResult(t, got)
			if len(got.Entities) != len(want.Entities) || len(got.Warnings) != 0 || !got.Published.Equal(want.Published) {
				t.Fatalf("%d entities, %d warnings, published %v", len(got.Entities), len(got.Warnings), got.Published)
			}
			for i, e := range got.Entities {
				if !reflect.DeepEqual(e.Names, want.Entities[i].Names) || !reflect.DeepEqual(e.Identifiers, want.Entities[i].Identifiers) {
					t.Errorf("%s differs: %+v", e.ID, e.Names)
				}
			}
		})
	}
}

// TestParseErrors checks that unreadable input fails with a ParseError
// that names the file, wraps the right sentinel and, where it can, gives
// the line.
func TestParseErrors(t *testing.T) {
	fcdo := mustReadFile(t, "testdata/fcdo.xml")
	conlist := mustReadFile(t, "testdata/ConList.csv")
	header := strings.Join(ofsiHeaders[:], ",")
	tests := []struct {
		name, file, text string
		want             error
		line             int    // expected line; 0 to skip the check
		contains         string // expected in the message
	}{
		{"fcdo truncated", "UK-Sanctions-List.xml", fcdo[:len(fcdo)/2], source.ErrTruncated, 0, ""},
		{"fcdo malformed", "UK-Sanctions-List.xml", "<Designations>\n<Designation>\n<UniqueID>X</Unique>\n</Designation>\n</Designations>", source.ErrMalformed, 3, ""},
		{"fcdo other root", "consolidated.xml", "<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>", source.ErrFormat, 1, "CONSOLIDATED_LIST"},
		{"fcdo empty list", "UK-Sanctions-List.xml", "<Designations><DateGenerated>01/01/2026</DateGenerated></Designations>", source.ErrEmpty, 0, ""},
		{"fcdo no UniqueID", "UK-Sanctions-List.xml", "<Designations>\n<Designation><Names><Name><Name6>X</Name6><NameType>Primary Name</NameType></Name></Names></Designation>\n</Designations>", source.ErrMalformed, 2, "UniqueID"},
		{"fcdo no name", "UK-Sanctions-List.xml", "<Designations>\n<Designation><UniqueID>AFG0001</UniqueID><Names/></Designation>\n</Designations>", source.ErrMalformed, 2, "no name"},
		{"fcdo duplicate", "UK-Sanctions-List.xml", "<Designations>\n" + strings.Repeat("<Designation><UniqueID>AFG0001</UniqueID><Names><Name><Name6>X</Name6><NameType>Primary Name</NameType></Name></Names></Designation>\n", 2) + "</Designations>", source.ErrMalformed, 3, "duplicate UniqueID AFG0001"},
		{"fcdo two roots", "UK-Sanctions-List.xml", "<Designations/><Designations/>", source.ErrMalformed, 1, ""},
		{"fcdo latin-1", "UK-Sanctions-List.xml", `<?xml version="1.0" encoding="iso-8859-1"?><Designations/>`, source.ErrFormat, 0, ""},
		{"csv missing column", "ConList.csv", "Last Updated,14/04/2025\n" + strings.Replace(header, ",Group ID", "", 1) + "\n", source.ErrFormat, 2, "Group ID"},
		{"csv duplicate column", "ConList.csv", "Last Updated,14/04/2025\n" + header + ",DOB\n", source.ErrFormat, 2, "twice"},
		{"csv short row", "ConList.csv", "Last Updated,14/04/2025\n" + header + "\nLAVROV,Sergei,,Individual\n", source.ErrMalformed, 3, "4 cells"},
		{"csv long row", "ConList.csv", "Last Updated,14/04/2025\n" + header + "\n" + strings.Repeat("x,", 36) + "x\n", source.ErrMalformed, 3, "37 cells"},
		{"csv truncated in a quoted cell", "ConList.csv", conlist[:strings.Index(conlist, "Second line")], source.ErrTruncated, 0, ""},
		{"csv truncated in a row", "ConList.csv", "Last Updated,14/04/2025\n" + header + "\nLAVROV,Sergei,,", source.ErrTruncated, 3, ""},
		{"csv bare quote", "ConList.csv", "Last Updated,14/04/2025\n" + header + "\nLAV\"ROV" + strings.Repeat(",", 35) + "\n", source.ErrMalformed, 3, ""},
		{"csv header only", "ConList.csv", "Last Updated,14/04/2025\n" + header + "\n", source.ErrEmpty, 0, ""},
		{"csv date line only", "ConList.csv", "Last Updated,14/04/2025\n", source.ErrTruncated, 0, ""},
		{"csv no Group ID", "ConList.csv", "Last Updated,14/04/2025\n" + header + "\nLAVROV" + strings.Repeat(",", 35) + "\n", source.ErrMalformed, 3, "Group ID"},
		{"csv no name", "ConList.csv", "Last Updated,14/04/2025\n" + header + "\n" + strings.Repeat(",", 28) + "Individual,Primary name,,,,,,14197\n", source.ErrMalformed, 3, "no name"},
		{"csv not UTF-8", "ConList.csv", "Last Updated,14/04/2025\n" + header + "\nLAVROV,Serg\xe9i" + strings.Repeat(",", 34) + "1\n", source.ErrMalformed, 3, "UTF-8"},
		{"ofac csv", "SDN.CSV", "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n", source.ErrFormat, 0, ""},
		{"text", "notes.txt", "hello\n", source.ErrFormat, 0, ""},
		{"empty file", "ConList.csv", "", source.ErrFormat, 0, ""},
		{"zip cut short", "ConList.xlsx", "PK\x03\x04\x14\x00\x00\x00", source.ErrTruncated, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := mustWrite(t, tt.file, tt.text)
			checkParseError(t, path, tt.want, tt.line, tt.contains)
		})
	}
}

// TestXLSXErrors checks workbooks that are not a readable Consolidated List.
func TestXLSXErrors(t *testing.T) {
	good := mustReadCSV(t, "testdata/ConList.csv")
	t.Run("truncated", func(t *testing.T) {
		data := mustReadFile(t, mustWriteXLSX(t, good))
		checkParseError(t, mustWrite(t, "ConList.xlsx", data[:len(data)/2]), source.ErrTruncated, 0, "")
	})
	t.Run("other header", func(t *testing.T) {
		rows := [][]string{{"Reference", "Name of Individual or Entity", "Type"}, {"1", "X", "Individual"}}
		checkParseError(t, mustWriteXLSX(t, rows), source.ErrFormat, 0, "header")
	})
	t.Run("header only", func(t *testing.T) {
		checkParseError(t, mustWriteXLSX(t, good[:2]), source.ErrEmpty, 0, "")
	})
}

// TestParseNoFiles checks the call without files.
func TestParseNoFiles(t *testing.T) {
	if _, err := Parse(context.Background(), nil); !errors.Is(err, source.ErrEmpty) {
		t.Errorf("Parse(nil) = %v, want ErrEmpty", err)
	}
}

// TestParseCancelled checks that a cancelled context stops the parse.
func TestParseCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(ctx, []string{"testdata/fcdo.xml"}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func checkParseError(t *testing.T, path string, want error, line int, contains string) {
	t.Helper()
	_, err := Parse(context.Background(), []string{path})
	if err == nil {
		t.Fatalf("no error, want %v", want)
	}
	sourcetest.CheckParseError(t, err)
	if !errors.Is(err, want) {
		t.Errorf("err = %v, want %v", err, want)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("message %q does not name the file", err)
	}
	if contains != "" && !strings.Contains(err.Error(), contains) {
		t.Errorf("message %q does not contain %q", err, contains)
	}
	var pe *source.ParseError
	if errors.As(err, &pe) && line > 0 && pe.Line != line {
		t.Errorf("line %d, want %d (%v)", pe.Line, line, err)
	}
}

func mustParse(t testing.TB, paths ...string) []*source.Result {
	t.Helper()
	res, err := Parse(context.Background(), paths)
	if err != nil {
		t.Fatalf("Parse(%v): %v", paths, err)
	}
	return res
}

func mustReadFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustWrite(t testing.TB, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// mustReadCSV reads a CSV fixture's records.
func mustReadCSV(t testing.TB, path string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(mustReadFile(t, path), "\ufeff")))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// mustWriteXLSX writes rows to the first sheet of a new workbook and
// returns its path.
func mustWriteXLSX(t testing.TB, rows [][]string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetList()[0]
	for i, row := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "ConList.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func hasRelation(rels []entity.Relation, typ, target string) bool {
	for _, r := range rels {
		if r.Type == typ && r.Target == target {
			return true
		}
	}
	return false
}
