package batch

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

// readAll reads every row of input.
func readAll(t *testing.T, name, input string, opts ReadOptions) []Row {
	t.Helper()
	rd, err := NewReader(strings.NewReader(input), name, opts)
	if err != nil {
		t.Fatal(err)
	}
	var rows []Row
	for {
		row, err := rd.Next()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, row)
	}
}

// want is a row expected: its line, ID, name and date, or its error.
type want struct {
	line             int
	id, name, dob, c string
	err              error
	warn             error // the row is screened, without a field
}

func check(t *testing.T, rows []Row, wants []want) {
	t.Helper()
	if len(rows) != len(wants) {
		for _, r := range rows {
			t.Logf("line %d: %+v err %v", r.Line, r.Query, r.Err)
		}
		t.Fatalf("%d rows, want %d", len(rows), len(wants))
	}
	for i, w := range wants {
		r := rows[i]
		if r.Line != w.line {
			t.Errorf("row %d: line %d, want %d", i, r.Line, w.line)
		}
		if w.err != nil {
			if !errors.Is(r.Err, w.err) {
				t.Errorf("line %d: error %v, want %v", r.Line, r.Err, w.err)
			}
			var pe *ParseError
			if !errors.As(r.Err, &pe) || pe.Line != w.line || pe.File != "in.csv" && pe.File != "in.jsonl" {
				t.Errorf("line %d: error %#v does not name the file and line", r.Line, r.Err)
			}
			continue
		}
		if r.Err != nil {
			t.Errorf("line %d: unexpected error %v", r.Line, r.Err)
			continue
		}
		if (w.warn == nil) != (r.Warning == nil) || w.warn != nil && !errors.Is(r.Warning, w.warn) {
			t.Errorf("line %d: warning %v, want %v", r.Line, r.Warning, w.warn)
		}
		if r.ID != w.id || r.Query.Name != w.name || r.Query.BirthDate != w.dob || r.Query.Country != w.c {
			t.Errorf("line %d: id %q name %q dob %q country %q, want %q %q %q %q", r.Line, r.ID, r.Query.Name, r.Query.BirthDate, r.Query.Country, w.id, w.name, w.dob, w.c)
		}
		if wantQID := cmpOr(w.id, itoa(w.line)); r.Query.ID != wantQID {
			t.Errorf("line %d: query ID %q, want %q", r.Line, r.Query.ID, wantQID)
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestCSVReader(t *testing.T) {
	tests := []struct {
		name  string
		input string
		spec  string
		want  []want
	}{{
		name:  "Excel: BOM, semicolons, CRLF, auto-detected headers",
		input: "\ufeffCustomer No;Full Name;Date of Birth;Nationality\r\nC1;Sergei Lavrov;1950-03-21;RU\r\nC2;\"Smith; John\";;\r\n",
		want:  []want{{line: 2, id: "C1", name: "Sergei Lavrov", dob: "1950-03-21", c: "RU"}, {line: 3, id: "C2", name: "Smith; John"}},
	}, {
		name:  "tab and first, middle and last names joined",
		input: "id\tfirst_name\tmiddle_name\tlast_name\n7\tVladimir\tV.\tPutin\n8\tAnna\t\tSchmidt\n",
		want:  []want{{line: 2, id: "7", name: "Vladimir V. Putin"}, {line: 3, id: "8", name: "Anna Schmidt"}},
	}, {
		name:  "vertical bar, no ID column: the line number",
		input: "name|country\nBashar Assad|Syria\n",
		want:  []want{{line: 2, name: "Bashar Assad", c: "Syria"}},
	}, {
		name:  "mapping",
		input: "ref,client,born,nat,name\nA1,Ali Khamenei,1939,IR,ignored\n",
		spec:  "id=ref,name=client,dob=born,country=nat",
		want:  []want{{line: 2, id: "A1", name: "Ali Khamenei", dob: "1939", c: "IR"}},
	}, {
		name:  "mapping several columns to the name",
		input: "given,family\nSergei,Lavrov\n",
		spec:  "name=given+family",
		want:  []want{{line: 2, name: "Sergei Lavrov"}},
	}, {
		name:  "quoted newline, escaped quotes and blank lines",
		input: "id,name,note\n1,\"Lavrov\nSergei\",\"say \"\"hi\"\"\"\n\n,,\n2,Putin,x\n",
		want:  []want{{line: 2, id: "1", name: "Lavrov\nSergei"}, {line: 6, id: "2", name: "Putin"}},
	}, {
		name:  "a quote left open costs only its line",
		input: "id,name,dob\n1,\"Lavrov,1950\n2,Putin,1952\n3,\"Assad, Bashar\",1965\n4,Khamenei,1939\n",
		want:  []want{{line: 2, err: ErrQuote}, {line: 3, id: "2", name: "Putin", dob: "1952"}, {line: 4, id: "3", name: "Assad, Bashar", dob: "1965"}, {line: 5, id: "4", name: "Khamenei", dob: "1939"}},
	}, {
		name:  "a quote left open to the end of the file",
		input: "id,name\n1,Putin\n2,\"Lavrov\n3,Assad\n",
		want:  []want{{line: 2, id: "1", name: "Putin"}, {line: 3, err: ErrQuote}, {line: 4, id: "3", name: "Assad"}},
	}, {
		name:  "bare quote, text after a quote, wrong field count, bad UTF-8, no name; a bad date or country is dropped, the name screened",
		input: "id,name,dob,country\n1,Jo\"hn,,\n2,\"John\"x,,\n3,John\n4,Jo\xffhn,,\n5,  ,,\n6,John,31/02/1950,\n7,John,,Atlantis\n8,John,1950-03,GB\n",
		want: []want{{line: 2, err: ErrQuote}, {line: 3, err: ErrQuote}, {line: 4, err: ErrFieldCount}, {line: 5, err: ErrEncoding},
			{line: 6, err: ErrInvalid}, {line: 7, id: "6", name: "John", warn: ErrDropped}, {line: 8, id: "7", name: "John", warn: ErrDropped}, {line: 9, id: "8", name: "John", dob: "1950-03", c: "GB"}},
	}, {
		name:  "no final newline",
		input: "name\nSergei Lavrov",
		want:  []want{{line: 2, name: "Sergei Lavrov"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMapping(tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			check(t, readAll(t, "in.csv", tt.input, ReadOptions{Map: m}), tt.want)
		})
	}
}

func TestCSVHeaderErrors(t *testing.T) {
	for _, tt := range []struct{ input, spec, want string }{
		{"id,country\n1,RU\n", "", "no name column"},
		{"id,name\n1,x\n", "dob=birth", `no column "birth"`},
		{"", "", "empty file"},
	} {
		m, err := ParseMapping(tt.spec)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := NewReader(strings.NewReader(tt.input), "in.csv", ReadOptions{Map: m}); err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "in.csv") {
			t.Errorf("%q with %q: error %v, want one naming the file and %q", tt.input, tt.spec, err, tt.want)
		}
	}
	for _, spec := range []string{"nom=x", "name", "name=", "name=a+"} {
		if _, err := ParseMapping(spec); err == nil {
			t.Errorf("ParseMapping(%q) succeeded", spec)
		}
	}
	m, err := ParseMapping("Birth Date=born, name = a+b")
	if err != nil || m.String() != "name=a+b,dob=born" {
		t.Errorf("ParseMapping: %v, %v", m, err)
	}
}

// Dates of birth are read as people type them, numeric ones in the
// order asked for (day first by default), and put in ISO form; one that
// does not fit the order is dropped with a warning, never read the other
// way round.
func TestReaderDateOrder(t *testing.T) {
	input := "id,name,dob\n1,John,21.03.1950\n2,John,03/21/1950\n3,John,March 21 1950\n4,John,1950\n5,John,04/03/1950\n"
	rows := readAll(t, "in.csv", input, ReadOptions{})
	check(t, rows, []want{{line: 2, id: "1", name: "John", dob: "1950-03-21"}, {line: 3, id: "2", name: "John", warn: ErrDropped},
		{line: 4, id: "3", name: "John", dob: "1950-03-21"}, {line: 5, id: "4", name: "John", dob: "1950"}, {line: 6, id: "5", name: "John", dob: "1950-03-04"}})
	if w := rows[1].Warning.Error(); !strings.Contains(w, `birthDate: date "03/21/1950": month 21 out of range, reading the date day first (dmy)`) {
		t.Errorf("warning %q", w)
	}
	rows = readAll(t, "in.csv", input, ReadOptions{DateOrder: entity.MonthFirst})
	check(t, rows, []want{{line: 2, id: "1", name: "John", warn: ErrDropped}, {line: 3, id: "2", name: "John", dob: "1950-03-21"},
		{line: 4, id: "3", name: "John", dob: "1950-03-21"}, {line: 5, id: "4", name: "John", dob: "1950"}, {line: 6, id: "5", name: "John", dob: "1950-04-03"}})
}

func TestJSONLReader(t *testing.T) {
	input := `{"id":"q1","name":"Sergei Lavrov","birthDate":"1950-03-21","country":"ru"}
{"name":"Bashar Assad"}

{"name":"x","nickname":"y"}
{"name":
{"name":"Putin"} {"name":"again"}
{"name":"Putin","birthDate":"the 2nd of March 1952"}
{"id":"q8","name":"Ali Khamenei","schema":"Person"}
`
	rows := readAll(t, "in.jsonl", input, ReadOptions{})
	check(t, rows, []want{{line: 1, id: "q1", name: "Sergei Lavrov", dob: "1950-03-21", c: "ru"}, {line: 2, name: "Bashar Assad"},
		{line: 4, err: ErrJSON}, {line: 5, err: ErrJSON}, {line: 6, err: ErrJSON}, {line: 7, name: "Putin", warn: ErrDropped}, {line: 8, id: "q8", name: "Ali Khamenei"}})
	if _, err := NewReader(strings.NewReader(input), "in.jsonl", ReadOptions{Map: Mapping{"name": {"x"}}}); err == nil {
		t.Error("a mapping was accepted for JSON lines")
	}
}

func TestDetectFormat(t *testing.T) {
	for _, tt := range []struct {
		name, head string
		want       Format
	}{{"a.csv", "{", FormatCSV}, {"a.NDJSON", "name", FormatJSONL}, {"a", "\ufeff {\"name\"", FormatJSONL}, {"a.dat", "name;id", FormatCSV}} {
		if got := DetectFormat(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("DetectFormat(%q, %q) = %s, want %s", tt.name, tt.head, got, tt.want)
		}
	}
}

// TestReaderResume checks that a reader started at the position of an
// earlier one reads the same rows as it would have.
func TestReaderResume(t *testing.T) {
	input := "\ufeffid;name\r\n1;\"Lavrov\r\nSergei\"\r\n2;\"Putin\r\n3;Assad\r\n4;Khamenei\r\n"
	all := readAll(t, "in.csv", input, ReadOptions{})
	for k := range all {
		rd, _ := NewReader(strings.NewReader(input), "in.csv", ReadOptions{})
		for range k {
			rd.Next()
		}
		rest := readAll(t, "in.csv", input, ReadOptions{Start: rd.Pos()})
		if len(rest) != len(all)-k {
			t.Fatalf("after %d rows: %d rows, want %d", k, len(rest), len(all)-k)
		}
		for i, r := range rest {
			if w := all[k+i]; r.Line != w.Line || r.Query.Name != w.Query.Name || (r.Err == nil) != (w.Err == nil) {
				t.Errorf("after %d rows: row %d = line %d %q, want line %d %q", k, i, r.Line, r.Query.Name, w.Line, w.Query.Name)
			}
		}
	}
}

func FuzzParseFields(f *testing.F) {
	for _, s := range []string{`a,b,c`, `"a,b",c`, `"a""b",`, `a"b`, `"a"b`, `"a`, `,,`, "\"a\r\nb\",c", `""`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Within one line, parseFields agrees with encoding/csv (strict).
		if strings.ContainsAny(s, "\r\n") || s == "" || strings.TrimSpace(s) == "" {
			return
		}
		got, err := parseFields(s, ',', nil)
		r := csv.NewReader(strings.NewReader(s))
		r.FieldsPerRecord = -1
		want, werr := r.Read()
		if (err != nil) != (werr != nil) {
			t.Fatalf("%q: parseFields %q, %v; encoding/csv %q, %v", s, got, err, want, werr)
		}
		if err == nil && !slices.Equal(got, want) {
			t.Fatalf("%q: parseFields %q; encoding/csv %q", s, got, want)
		}
	})
}
