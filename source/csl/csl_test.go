package csl

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// mustParse parses files and fails the test on error.
func mustParse(t testing.TB, paths ...string) []*source.Result {
	t.Helper()
	res, err := Parse(context.Background(), paths)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	for _, r := range res {
		sourcetest.CheckResult(t, r)
	}
	return res
}

// newFile writes data to a file in a temporary directory.
func newFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func fixture(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "consolidated.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestGolden(t *testing.T) {
	sourcetest.Golden(t, "consolidated", mustParse(t, filepath.Join("testdata", "consolidated.csv")))
}

func TestFixture(t *testing.T) {
	res := mustParse(t, filepath.Join("testdata", "consolidated.csv"))
	r := res[0]
	if len(r.Entities) != 11 || r.Published.Format("2006-01-02") != "2022-04-21" || r.PublishedFrom != "newest-listing-date" {
		t.Errorf("%d entities, published %s from %s", len(r.Entities), r.Published, r.PublishedFrom)
	}
	rim := sourcetest.Find(t, res, "ofac-90001")
	if rim.Schema != entity.Person || rim.Gender != "female" || rim.BirthDates[0].String() != "1973-03-25" ||
		rim.Nationalities[0] != "sy" || rim.Props["topics"][0] != "sanction" {
		t.Errorf("ofac-90001 = %+v", rim)
	}
	bank := sourcetest.Find(t, res, "ofac-90002")
	if got := bank.Props["sourceList"]; len(got) != 3 {
		t.Errorf("merged bank lists %v", got)
	}
	if n := strings.Count(bank.Raw.Text, "\n"); n != 2 || !strings.HasPrefix(bank.Raw.Text, "90002,Specially") {
		t.Errorf("merged raw has %d line breaks:\n%s", n, bank.Raw.Text)
	}
	if rel := bank.Relations; len(rel) != 2 || rel[0].Target != "ofac-90003" || rel[1].Target != "" {
		t.Errorf("relations %+v", rel)
	}
	types := map[string]string{}
	for _, id := range bank.Identifiers {
		types[id.Label] = id.Type
	}
	if types["Tax ID No."] != entity.IDINN || types["Registration ID"] != entity.IDOGRN ||
		types["Legal Entity Number"] != entity.IDLEI || types["SWIFT/BIC"] != entity.IDSwiftBIC {
		t.Errorf("bank identifiers %+v", bank.Identifiers)
	}
	juan := sourcetest.Find(t, res, "ofac-90006")
	if juan.Identifiers[0].Note != "issued 2009-08-31, expires 2014-08-30" || juan.Identifiers[1].Note != "issued or expires 1998-10-28" ||
		juan.Identifiers[2].Type != entity.IDNational {
		t.Errorf("documents %+v", juan.Identifiers)
	}
	el := sourcetest.Find(t, res, "csl-deadbeef0000000000000000000000000000aaaa")
	if el.Schema != entity.LegalEntity || el.Programs[0] != "Entity List (EL)" || el.Props["topics"][0] != "export.control" ||
		el.ListingDate.String() != "2020-08-20" || el.Addresses[1].Country != "hk" {
		t.Errorf("Entity List row = %+v", el)
	}
	dpl := sourcetest.Find(t, res, "csl-deadbeef0000000000000000000000000000bbbb")
	if dpl.Caption() != "I. EXAMPLE" || dpl.Addresses[0].Full != "INMATE NUMBER: 12345-678, FCI EXAMPLE, P.O. BOX 1, EXAMPLE, TX, 75159, US" ||
		!strings.Contains(dpl.Raw.Text, "FCI EXAMPLE,\nP.O. BOX 1") {
		t.Errorf("DPL row = %+v", dpl)
	}
	var msgs []string
	for _, w := range r.Warnings {
		msgs = append(msgs, w.Field+": "+w.Message)
	}
	want := []string{
		`dates_of_birth: unreadable date "sometime", kept in the raw record only`,
		`ids: unknown type "Mystery Code"; kept as a note`,
		`source: unknown source list "Future List (FL) - Department of Examples"; no topic set`,
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func TestGzipped(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(fixture(t))
	zw.Close()
	res := mustParse(t, newFile(t, "consolidated.csv.gz", buf.Bytes()))
	if len(res[0].Entities) != 11 {
		t.Errorf("%d entities", len(res[0].Entities))
	}
}

func TestParseErrors(t *testing.T) {
	data := fixture(t)
	header, _, _ := bytes.Cut(data, []byte("\n"))
	lines := bytes.Split(data, []byte("\n"))
	tests := []struct {
		name    string
		content []byte
		want    error
		line    int
	}{
		{"truncated in a quoted field", data[:bytes.Index(data, []byte("FCI EXAMPLE"))], source.ErrTruncated, 9},
		{"truncated in a row", data[:len(data)-30], source.ErrTruncated, 0},
		{"wrong column count", append(append(append([]byte(nil), header...), '\n'), "1,SDN,1,Individual,X,NAME\n"...), source.ErrMalformed, 2},
		{"bare quote", append(append(append([]byte(nil), header...), '\n'), "1,S\"DN,1,Individual,,N,,,,,,,,,,,,,,,,,,,,,,,\n"...), source.ErrMalformed, 2},
		{"OFAC sdn.csv", []byte("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- \n"), source.ErrFormat, 1},
		{"XML", []byte("<sdnList></sdnList>\n"), source.ErrFormat, 1},
		{"empty list", append(header, '\n'), source.ErrEmpty, 1},
		{"no id", append(append(append([]byte(nil), header...), '\n'), ",EL,,,,Name,,,,,,,,,,,,,,,,,,,,,,,\n"...), source.ErrMalformed, 2},
		{"no name", append(append(append([]byte(nil), header...), '\n'), "abc,EL,,,,,,,,,,,,,,,,,,,,,,,,,,,\n"...), source.ErrMalformed, 2},
		{"second row bad", bytes.Join([][]byte{lines[0], lines[1], []byte("x,y")}, []byte("\n")), source.ErrTruncated, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := newFile(t, "consolidated.csv", tt.content)
			_, err := Parse(context.Background(), []string{path})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			sourcetest.CheckParseError(t, err)
			var pe *source.ParseError
			errors.As(err, &pe)
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			if tt.line != 0 && pe.Line != tt.line {
				t.Errorf("line %d, want %d (%v)", pe.Line, tt.line, err)
			}
		})
	}
}

func TestParseNoFiles(t *testing.T) {
	if _, err := Parse(context.Background(), nil); err == nil {
		t.Error("Parse(nil) succeeded")
	}
}

func TestDocument(t *testing.T) {
	tests := []struct {
		typ, label, in string
		want           string // type|value|country|note
	}{
		{entity.IDPassport, "Passport", "CA, BC166787", "passportNumber|BC166787|ca|"},
		{entity.IDPassport, "Passport", "JO, 2014-08-30, 2009-08-31, K475336", "passportNumber|K475336|jo|issued 2009-08-31, expires 2014-08-30"},
		{entity.IDPassport, "Passport", "2004-02-05, 1999-06-23, G025057", "passportNumber|G025057||issued 1999-06-23, expires 2004-02-05"},
		{entity.IDPassport, "Passport", "2000-05-21, C 1415363 - 16/2/1421H", "passportNumber|C 1415363 - 16/2/1421H||issued or expires 2000-05-21"},
		{entity.IDRegistration, "Public Registration Number", "PA, 467323, Doc. 694710", "registrationNumber|467323, Doc. 694710|pa|"},
		{entity.IDRegistration, "Company Number", "IMO 5938411", "imoNumber|IMO 5938411||"},
		{entity.IDIMO, "Vessel Registration Identification", "RU, IMO 9256860", "imoNumber|IMO 9256860|ru|"},
		{entity.IDIMO, "Vessel Registration Identification", "A-123", "registrationNumber|A-123||"},
		{entity.IDLEI, "Legal Entity Number", "NL, 852496527", "registrationNumber|852496527|nl|"},
		{entity.IDTax, "Tax ID No.", "RU, 7736640919", "innCode|7736640919|ru|"},
		{entity.IDTax, "Tax ID No.", "5030056754", "taxNumber|5030056754||"},
		{entity.IDRegistration, "Registration ID", "RU, 1137746390572", "ogrnCode|1137746390572|ru|"},
	}
	for _, tt := range tests {
		id := document(tt.typ, tt.label, strings.Split(tt.in, ", "))
		if got := id.Type + "|" + id.Value + "|" + id.Country + "|" + id.Note; got != tt.want {
			t.Errorf("document(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeywordType(t *testing.T) {
	tests := map[string]string{
		"Diplomatic Passport": entity.IDPassport, "Digital Currency Address - XBT": entity.IDCrypto,
		"R.F.C.": entity.IDTax, "NIT #": entity.IDTax, "C.U.I.T.": entity.IDTax, "Italian Fiscal Code": entity.IDTax,
		"Cedula No.": entity.IDNational, "C.U.R.P.": entity.IDNational, "Driver's License No.": entity.IDNational,
		"Kenyan ID No.": entity.IDNational, "Folio Mercantil No.": entity.IDRegistration,
		"Unified Social Credit Code (USCC)": entity.IDRegistration, "Trade License No.": entity.IDRegistration,
		"Registered Charity No.": entity.IDRegistration, "Legal Entity Number": entity.IDLEI, "Colour": "",
	}
	for label, want := range tests {
		if got := keywordType(strings.ToLower(label)); got != want {
			t.Errorf("keywordType(%q) = %q, want %q", label, got, want)
		}
	}
}

func TestLinkedTo(t *testing.T) {
	tests := []struct{ in, want string }{
		{"(Linked To: EXAMPLE BANK)", "EXAMPLE BANK"},
		{"All offices; (Linked To: A; Linked To: B CO (BC); Linked To: C)", "A|B CO (BC)|C"},
		{"(Linked To: ISLAMIC EXAMPLE CORPS (IEC", "ISLAMIC EXAMPLE CORPS (IEC"},
		{"no links", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(linkedTo(tt.in), "|"); got != tt.want {
			t.Errorf("linkedTo(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
