package au

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// header is the header row of the DFAT workbook.
var header = []any{colReference, colName, colType, colNameType, colDateOfBirth, colBirthPlace,
	colCitizenship, colAddress, colInfo, colListing, colCommittees, colControlDate}

// control is a Control Date, written as a date-typed cell.
var control = time.Date(2024, 11, 11, 0, 0, 0, 0, time.UTC)

// fixtureRows are listings of our own, modelled on public designations,
// with the quirks of the real sheet. A time.Time is written as a
// date-typed cell (an Excel serial number), an int as a number.
func fixtureRows() [][]any {
	const taliban = "Listed by UN 1267 Committee on 25 January 2001 (amended on 20 December 2005, 29 Nov. 2011)"
	const russia = "Instrument of first designation: Autonomous Sanctions (Designated Persons and Entities and Declared Persons—Russia and Ukraine) Amendment (No. 1) Instrument 2022"
	return [][]any{
		append(header, "Remarks"),
		{"2", "MOHAMMAD HASSAN EXAMPLE", "Individual", "Primary Name", "a) Approximately 1955- 1958 b) Approximately 1945-1950",
			"Pashmul village, Panjwai District, Kandahar Province, Afghanistan", "Afghanistan", "NA",
			"Title: a) Mullah b) Haji. Designation: a) First Deputy, Council of Ministers under the Taliban regime b) Governor of Kandahar under the Taliban regime. Belongs to Kakar tribe.",
			taliban, "1988 (Taliban)", time.Date(2014, 12, 15, 0, 0, 0, 0, time.UTC)},
		{"2a", "محمد حسن مثال", "Individual", "Original Script", "a) Approximately 1955- 1958 b) Approximately 1945-1950",
			"Pashmul village, Panjwai District, Kandahar Province, Afghanistan", "Afghanistan", "NA", "", taliban, "1988 (Taliban)", time.Date(2014, 12, 15, 0, 0, 0, 0, time.UTC)},
		{"2b", "Mohammad Hassan Ex (previously listed as)", "Individual", "aka"},
		{},
		{"3", "Sergei Viktorovich LAVROV", "Individual ", "Primary name ", time.Date(1950, 3, 21, 0, 0, 0, 0, time.UTC),
			"Moscow, Russia", "Russian", "", "Gender: male. Passport no.: 100000001 (diplomatic). Minister of Foreign Affairs.",
			russia, "Autonomous (Russia) ", control, "", " "},
		{"3a", "Sergey LAVROV", "individual", "Aka ", 1950},
		{"3b", "Сергей Викторович Лавров", "Individual", "original script"},
		{"4", "Example Trading Company, Limited", "Entity ", "Primary Name",
			"", "", "", "a) 1 Example Street, Pyongyang, Democratic People's Republic of Korea b) Room 2, Test Building, Dubai, United Arab Emirates",
			"Website: www.example-trading.kp ; http://example.com/en\nEmail: info@example-trading.kp\nTax ID No.: 7700000000 (Russia)\nSWIFT/BIC: EXAMKPPY\nIMO number: 5123456.",
			41340, "1718 (DPRK)", control, "internal note"},
		{"4a", "Example Shipping Company", "Entity", "AKA"},
		{"4b", "Formerly known as Example Export Bureau", "Entity", "Formerly known as"},
		{"5", "Ri'ad Example Hijazi", "Individual", "Primary Name",
			"15 May 1968 (as Ri'ad Ex) 1970 (as Riyad Ex);\n23-Apr-68", "a) Amman, Jordan b) Riyadh, Saudi Arabia",
			"a) Jordanian b) Possibly Ethiopian", "", "", "Listed on: 6 Oct.  2001 (amended on 26 Nov 2004). Relisted on 1 May 2019.",
			"1970 (Libya) 1973 (Libya)", control},
		{"5a", "Riyad Example", "Individual", "Spelling variant", "about forty", "", "Atlantis"},
		{"5b", "Riyad Ex Hijazi (previously listed as, in Arabic: رياض مثال الحجازي)", "Individual", "aka"},
		{"6", "Ahmad EXAMPLE", "Individual", "Primary Name", "na", "", "Trinidad and Tobago", "", "", "", "1373 (2001)", control},
		{"4c ", "Example Trading Co Ltd", "Entity", "aka"},
	}
}

// newWorkbook writes rows to a one-sheet workbook in a temporary
// directory and returns its path. A nil or missing cell is left empty.
func newWorkbook(t testing.TB, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		for j, v := range r {
			if v == nil {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "regulation8_consolidated.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

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

func TestGolden(t *testing.T) {
	path := newWorkbook(t, fixtureRows())
	res := mustParse(t, path)
	// The workbook is written to a temporary directory; the golden file
	// names it by its base name.
	for _, r := range res {
		r.Files = []string{filepath.Base(path)}
		for i := range r.Warnings {
			r.Warnings[i].File = filepath.Base(path)
		}
	}
	sourcetest.Golden(t, "dfat", res)
}

func TestFixture(t *testing.T) {
	res := mustParse(t, newWorkbook(t, fixtureRows()))
	r := res[0]
	if len(r.Entities) != 5 || r.Published.Format("2006-01-02") != "2024-11-11" || r.PublishedFrom != "newest-listing-date" {
		t.Errorf("%d entities, published %s from %s", len(r.Entities), r.Published, r.PublishedFrom)
	}
	e := sourcetest.Find(t, res, "au-2")
	if got := dates(e); got != "~1955..1958 ~1945..1950" {
		t.Errorf("au-2 born %s", got)
	}
	if e.Names[1].Script != "Arab" || e.Names[2].Kind != entity.Previous || e.Names[2].Full != "Mohammad Hassan Ex" {
		t.Errorf("au-2 names %+v", e.Names)
	}
	if e.ListingDate.String() != "2001-01-25" || e.Props["title"][1] != "Haji" || e.Props["modifiedAt"][0] != "2014-12-15" {
		t.Errorf("au-2 = %+v", e)
	}
	lavrov := sourcetest.Find(t, res, "au-3")
	if got := dates(lavrov); got != "1950-03-21 1950" || lavrov.Gender != "male" || lavrov.Citizenships[0] != "ru" ||
		lavrov.Identifiers[0].Value != "100000001" || lavrov.Names[2].Script != "Cyrl" {
		t.Errorf("au-3 = %+v", lavrov)
	}
	org := sourcetest.Find(t, res, "au-4")
	if org.Schema != entity.Organization || org.ListingDate.String() != "2013-03-07" || len(org.Names) != 4 ||
		org.Names[3].Full != "Example Trading Co Ltd" || org.Addresses[1].Country != "ae" {
		t.Errorf("au-4 = %+v", org)
	}
	hijazi := sourcetest.Find(t, res, "au-5")
	if got := dates(hijazi); got != "1968-05-15 1970 1968-04-23" || hijazi.ListingDate.String() != "2001-10-06" ||
		strings.Join(hijazi.Programs, "|") != "1970 (Libya)|1973 (Libya)" || hijazi.Names[3].Lang != "ar" ||
		hijazi.Names[3].Kind != entity.Previous || hijazi.Names[2].Full != "Riyad Ex Hijazi" {
		t.Errorf("au-5 = %+v", hijazi)
	}
	if c := sourcetest.Find(t, res, "au-6").Citizenships; len(c) != 1 || c[0] != "tt" {
		t.Errorf("au-6 citizenships %v", c)
	}
	var msgs []string
	for _, w := range r.Warnings {
		msgs = append(msgs, w.Field+": "+w.Message)
	}
	want := []string{
		"Remarks: unknown column, not read",
		"Remarks: value in a column that is not read",
		`Name Type: unknown Name Type "spelling variant"; read as an alias`,
		`Date of Birth: unreadable date "about forty", kept in the raw record only`,
		`Citizenship: unknown country "Atlantis"`,
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func dates(e *entity.Entity) string {
	var out []string
	for _, d := range e.BirthDates {
		out = append(out, d.String())
	}
	return strings.Join(out, " ")
}

func TestParseErrors(t *testing.T) {
	good := newWorkbook(t, fixtureRows())
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	row := func(cells ...any) [][]any { return [][]any{header, cells} }
	tests := []struct {
		name  string
		path  func(t *testing.T) string
		want  error
		line  int
		field string
	}{
		{"truncated", func(t *testing.T) string { return newFile(t, data[:len(data)/2]) }, source.ErrTruncated, 0, ""},
		{"not a workbook", func(t *testing.T) string { return newFile(t, []byte("Reference,Name\n1,X\n")) }, source.ErrFormat, 0, ""},
		{"zip of another file", func(t *testing.T) string { return newFile(t, zipOf(t, "list.csv", "Reference,Name\n")) }, source.ErrFormat, 0, ""},
		{"another workbook", func(t *testing.T) string {
			return newWorkbook(t, [][]any{{"Last Updated", "14/04/2025"}, {"Name 6", "Name 1", "Name 2"}, {"MITHOO", "Mian"}})
		}, source.ErrFormat, 0, colReference},
		{"missing column", func(t *testing.T) string {
			return newWorkbook(t, [][]any{header[:11], {"1", "X", "Individual", "Primary Name"}})
		}, source.ErrFormat, 1, colControlDate},
		{"empty list", func(t *testing.T) string { return newWorkbook(t, [][]any{header}) }, source.ErrEmpty, 1, ""},
		{"bad reference", func(t *testing.T) string {
			return newWorkbook(t, row("A1", "X", "Individual", "Primary Name"))
		}, source.ErrMalformed, 2, colReference},
		{"no reference", func(t *testing.T) string {
			return newWorkbook(t, row(nil, "X", "Individual", "Primary Name"))
		}, source.ErrMalformed, 2, colReference},
		{"no name", func(t *testing.T) string {
			return newWorkbook(t, row("1", "", "Individual", "Primary Name"))
		}, source.ErrMalformed, 2, colName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path(t)
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
			if pe.Line != tt.line || pe.Field != tt.field {
				t.Errorf("line %d field %q, want %d %q (%v)", pe.Line, pe.Field, tt.line, tt.field, err)
			}
		})
	}
}

// zipOf returns a zip archive holding one file.
func zipOf(t testing.TB, name, content string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(content))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func newFile(t testing.TB, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "regulation8_consolidated.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestParseNoFiles(t *testing.T) {
	if _, err := Parse(context.Background(), nil); err == nil {
		t.Error("Parse(nil) succeeded")
	}
}

func TestParseBirthDates(t *testing.T) {
	sh := &sheet{}
	tests := []struct{ in, want string }{
		{"18798", "1951-06-19"},
		{"18798.25", "1951-06-19"},
		{"1965", "1965"},
		{"12/03/1965", "1965-03-12"},
		{"a) Approximately 1955- 1958 b) Approximately 1945-1950", "~1955..1958 ~1945..1950"},
		{"14 Mar 1974 >> 13 Apr 1974", "1974-03-14 1974-04-13"},
		{"1963 or 1964 or 1965", "1963 1964 1965"},
		{"5/06/1953   15/06/1953", "1953-06-05 1953-06-15"},
		{"21/09/1964; alt DOB: 07/04/62", "1964-09-21 1962-04-07"},
		{"a) 1/01/1968 b) 23-Apr-68", "1968-01-01 1968-04-23"},
		{"15 June. 1976", "1976-06-15"},
		{"29-Aprl-1967", "1967-04-29"},
		{"13 Sept. 2007", "2007-09-13"},
		{"24 Jan.1973", "1973-01-24"},
		{"12. Sep 1974", "1974-09-12"},
		{"a) 03/1965; b) 04/1965", "1965-03 1965-04"},
		{"approximately 1977/1978", "~1977..1978"},
		{"1965, 29 March ", "1965-03-29"},
		{"March 16, 1972", "1972-03-16"},
		{"August, 1961", "1961-08"},
		{"a) Between Aug. and Sep 1977    b) 1976", "1977-08..1977-09 1976"},
		{"Between 1963 to 1968", "1963..1968"},
		{"10/061962", "1962-06-10"},
		{"a) 09/10/1954; b) 09/11/ 1954 ", "1954-10-09 1954-11-09"},
		{"01/10/1983,15/10/1983, 01/01/1980", "1983-10-01 1983-10-15 1980-01-01"},
		{"a) 1959 g) (Aug. 1961)", "1959 1961-08"},
		{"a) 19 Apr. 1982 b) 24/06/1402 (Hijri Calendar)", "1982-04-19 +note"},
		{"27/05/1979 (this aka only, alt DOB 1973)", "1979-05-27 1973 +note"},
		{"5 Feb. 1970\u00a0(this aka only, alt born 5 Feb. 1969\u00a0", "1970-02-05 1969-02-05 +note"},
		{"8 Aug. 1980, (appears in false passport number S335026)", "1980-08-08 +note"},
		{"Approximately (30-35 years old)", "+note"},
		{"na", ""},
		{"sometime", "!sometime"},
	}
	for _, tt := range tests {
		b := sh.parseBirthDates(tt.in)
		var got []string
		for _, d := range b.dates {
			got = append(got, d.String())
		}
		if b.annotated {
			got = append(got, "+note")
		}
		for _, x := range b.bad {
			got = append(got, "!"+x)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("parseBirthDates(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestReadName(t *testing.T) {
	tests := []struct {
		in       string
		kind     entity.NameKind
		original bool
		want     string
	}{
		{"  MOHAMMAD\nEXAMPLE ", entity.Primary, false, "name:MOHAMMAD EXAMPLE"},
		{"Nik Example (previously listed as)", entity.Alias, false, "previousName:Nik Example"},
		{"Adel Example (formerly listed as) ", entity.Alias, false, "previousName:Adel Example"},
		{"Riyad Ex (Previously listed as. In Arabic: رياض)", entity.Alias, false, "previousName:Riyad Ex|previousName:رياض@ar/Arab"},
		{"Merai Ex (previously listed as, in Arabic: مرعي)", entity.Alias, false, "previousName:Merai Ex|previousName:مرعي@ar/Arab"},
		{"Formerly known as Example Wine Plant", entity.Alias, false, "previousName:Example Wine Plant"},
		{"Эмират Пример\n", entity.Alias, true, "alias:Эмират Пример@/Cyrl"},
		{"保利科技", entity.Alias, true, "alias:保利科技@/Hani"},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range readName(tt.in, tt.kind, tt.original) {
			s := string(n.Kind) + ":" + n.Full
			if n.Lang != "" || n.Script != "" {
				s += "@" + n.Lang + "/" + n.Script
			}
			got = append(got, s)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("readName(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestListedOn(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Listed on: 25 Jan. 2001 (amended on 3 Sep. 2003)", "2001-01-25"},
		{"Listed by UN 1267 Committee on 6 October 2001", "2001-10-06"},
		{"Listedon 8 Jun. 2007 (amended on 13 Dec. 2011)", "2007-06-08"},
		{"Designated under the Autonomous Sanctions Regulations 2011 on 21 March 2014.", "2014-03-21"},
		{"The Minister for Foreign Affairs listed this entity on 21 December 2001 under section 15(1)", "2001-12-21"},
		{"22 Apr. 2010 (amended 15 Apr 2014)", "2010-04-22"},
		{"16 Jul.2020 (amended on 19 Dec. 2023)", "2020-07-16"},
		{"Listed pursuant to paragraph 43(a) of resolution 2093 (2013). Listed on: 18/02/2022", "2022-02-18"},
		{"Instrument of first listing: Example List 2001. Last listed on: 16/09/2022", ""},
		{"Instrument of first designation: Example Amendment List 2013. Relisted on 12 January 2024.", ""},
		{"Assets received on or after 23 May 2003 are not controlled assets. Listed under Resolution 1483 (2003)", ""},
		{"Resolution 1596 (2005), amended 16 December 2008", ""},
		{"Listed by UN 2368 (2017)", ""},
	}
	for _, tt := range tests {
		d, _ := listedOn(tt.in)
		if d.String() != tt.want {
			t.Errorf("listedOn(%q) = %q, want %q", tt.in, d, tt.want)
		}
	}
}

func TestSplitMarkers(t *testing.T) {
	tests := []struct {
		in     string
		strict bool
		want   string
	}{
		{"a) X b) Y", true, "X|Y"},
		{"(a) X; (b) Y", true, "X|Y"},
		{"X, b) Y", true, "X|Y"},
		{"a) Office 1: i) Street A, ii) Street B; b) Office 2", true, "Office 1: i) Street A, ii) Street B|Office 2"},
		{"a) 1966 b) 1964 c) 1969 c) 1971", false, "1966|1964|1969|1971"},
		{"Kabul, Afghanistan", true, "Kabul, Afghanistan"},
		{"a) Darzab District. B) Qush Tepa District", true, "Darzab District|Qush Tepa District"},
	}
	for _, tt := range tests {
		if got := strings.Join(splitMarkers(tt.in, tt.strict), "|"); got != tt.want {
			t.Errorf("splitMarkers(%q, %v) = %q, want %q", tt.in, tt.strict, got, tt.want)
		}
	}
}

func TestGzipped(t *testing.T) {
	data, err := os.ReadFile(newWorkbook(t, fixtureRows()))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	if res := mustParse(t, newFile(t, buf.Bytes())); len(res[0].Entities) != 5 {
		t.Errorf("%d entities", len(res[0].Entities))
	}
}
