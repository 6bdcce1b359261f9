package ofac

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// copyFixtures copies the named files of testdata/sdn_csv to a temporary
// directory, so that a test can give Parse only some of them.
func copyFixtures(t *testing.T, names ...string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata/sdn_csv", n))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestCSVMainFileAlone(t *testing.T) {
	rs := mustParse(t, copyFixtures(t, "sdn.csv")...)
	var msgs []string
	for _, w := range rs[0].Warnings {
		msgs = append(msgs, w.Message)
	}
	for _, want := range []string{
		"add.csv not given: addresses from it are missing",
		"alt.csv not given: aliases from it are missing",
		"sdn_comments.csv not given: remarks cut at the field limit are incomplete",
	} {
		if !strings.Contains(strings.Join(msgs, "\n"), want) {
			t.Errorf("warnings %q lack %q", msgs, want)
		}
	}
	if n := len(rs[0].Entities); n != 7 {
		t.Errorf("%d entities, want 7", n)
	}
}

func TestCSVSideFilesWithoutMain(t *testing.T) {
	pe := mustParseError(t, source.ErrFormat, copyFixtures(t, "add.csv", "alt.csv", "sdn_comments.csv")...)
	if !strings.Contains(pe.Error(), "main file sdn.csv is missing") {
		t.Errorf("error %q does not say the main file is missing", pe)
	}
}

func TestCSVQuirks(t *testing.T) {
	rs := mustParse(t, mustGlob(t, "testdata/sdn_csv/*.csv")...)
	t.Run("CommentsContinueRemarksMidWord", func(t *testing.T) {
		e := sourcetest.Find(t, rs, "ofac-90004")
		if len(e.Relations) != 1 || e.Relations[0].Name != "EXAMPLE GROUP" {
			t.Errorf("relations %+v, want Linked To EXAMPLE GROUP from the joined remarks", e.Relations)
		}
		if !strings.HasSuffix(e.Raw.Text, "\n90004,\"E GROUP.\"") {
			t.Errorf("raw record lacks its comments line: %q", e.Raw.Text)
		}
	})
	t.Run("QuotedFieldWithLineBreak", func(t *testing.T) {
		e := sourcetest.Find(t, rs, "ofac-35233")
		if len(e.Addresses) != 1 || e.Addresses[0].Street != "Smolenskaya-Sennaya pl., 32/34 building 1" {
			t.Errorf("addresses %+v", e.Addresses)
		}
		if !strings.Contains(e.Raw.Text, "32/34\r\nbuilding 1") {
			t.Errorf("raw record does not keep the line break as in the file: %q", e.Raw.Text)
		}
	})
	t.Run("NullAndPrograms", func(t *testing.T) {
		e := sourcetest.Find(t, rs, "ofac-12735")
		if strings.Join(e.Programs, "|") != "SYRIA|SYRIA-EO13894" {
			t.Errorf("programs %q", e.Programs)
		}
		if e.Props["flag"] != nil || e.Props["vesselType"] != nil {
			t.Errorf("null columns mapped: %v", e.Props)
		}
	})
	t.Run("SideRowForUnknownEntry", func(t *testing.T) {
		w := rs[0].Warnings[0]
		if w.Field != "ent_num" || w.Line != 6 || !strings.HasSuffix(w.File, "add.csv") {
			t.Errorf("first warning %+v, want add.csv:6 ent_num", w)
		}
	})
	t.Run("WeakAliasFromRemarks", func(t *testing.T) {
		e := sourcetest.Find(t, rs, "ofac-306")
		want := []entity.Name{
			{Full: "BANCO NACIONAL DE CUBA", Kind: entity.Primary},
			{Full: "NATIONAL BANK OF CUBA", Kind: entity.Alias},
			{Full: "BNC", Kind: entity.WeakAlias},
		}
		if len(e.Names) != len(want) {
			t.Fatalf("names %+v", e.Names)
		}
		for i := range want {
			if e.Names[i] != want[i] {
				t.Errorf("name %d = %+v, want %+v", i, e.Names[i], want[i])
			}
		}
	})
}

func TestCSVErrors(t *testing.T) {
	main := func(lines ...string) []byte { return []byte(strings.Join(lines, "\r\n") + "\r\n\x1a") }
	const ok = `306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `
	tests := []struct {
		name     string
		file     string
		content  []byte
		sentinel error
		line     int
		message  string
	}{
		{"WrongColumnCount", "sdn.csv", main(ok, `307,"X",-0- ,"CUBA"`), source.ErrMalformed, 2, "4 fields, want 12"},
		{"UnterminatedQuote", "sdn.csv", main(ok, `307,"X,-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `)[:100], source.ErrTruncated, 2, "never ends"},
		{"BadEntNum", "sdn.csv", main(ok, `30x,"X",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `), source.ErrMalformed, 2, "not a number"},
		{"DuplicateEntNum", "sdn.csv", main(ok, ok), source.ErrMalformed, 2, "occurs twice"},
		{"NoName", "sdn.csv", main(`306,-0- ,-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `), source.ErrMalformed, 1, "no name"},
		{"Header", "sdn.csv", main("ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,Vess_owner,Remarks", ok), source.ErrFormat, 1, "not an OFAC CSV file"},
		{"UnnamedSideFile", "extra.csv", main(`306,220,"aka","BNC",-0- `), source.ErrFormat, 0, "cannot tell which list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newFile(t, tt.file, tt.content)
			pe := mustParseError(t, tt.sentinel, p)
			if pe.Line != tt.line || !strings.Contains(pe.Error(), tt.message) || !strings.Contains(pe.Error(), p) {
				t.Errorf("error %q, want line %d, the file and %q", pe, tt.line, tt.message)
			}
		})
	}
}

func TestCSVTwoMainFiles(t *testing.T) {
	a := copyFixtures(t, "sdn.csv")
	b := copyFixtures(t, "sdn.csv")
	pe := mustParseError(t, source.ErrFormat, a[0], b[0])
	if !strings.Contains(pe.Error(), "two sdn.csv files") {
		t.Errorf("error %q", pe)
	}
}

// cutAtLineEnd returns data without its last line (and the Ctrl-Z after
// it): a download cut at a line end, which a CSV reader alone takes for a
// complete file.
func cutAtLineEnd(t testing.TB, data []byte) []byte {
	t.Helper()
	body := strings.TrimRight(string(data), "\x1a\r\n")
	i := strings.LastIndex(body, "\n")
	if i < 0 {
		t.Fatalf("cannot cut %q at a line end", data)
	}
	return []byte(body[:i+1])
}

func TestCSVTruncatedAtLineEnd(t *testing.T) {
	// Every OFAC CSV file ends with Ctrl-Z (0x1A) after its last record;
	// one that does not is cut short, even when it ends at a line end.
	for _, tt := range []struct{ dir, main, file string }{
		{"sdn_csv", "sdn.csv", "sdn.csv"},
		{"sdn_csv", "sdn.csv", "add.csv"},
		{"sdn_csv", "sdn.csv", "alt.csv"},
		{"cons_csv", "cons_prim.csv", "cons_prim.csv"},
		{"cons_csv", "cons_prim.csv", "cons_add.csv"},
		{"cons_csv", "cons_prim.csv", "cons_alt.csv"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			dir := t.TempDir()
			paths := []string{}
			for _, n := range []string{tt.main, tt.file} {
				b, err := os.ReadFile(filepath.Join("testdata", tt.dir, n))
				if err != nil {
					t.Fatal(err)
				}
				if n == tt.file {
					b = cutAtLineEnd(t, b)
				}
				p := filepath.Join(dir, n)
				if err := os.WriteFile(p, b, 0o600); err != nil {
					t.Fatal(err)
				}
				if !slices.Contains(paths, p) {
					paths = append(paths, p)
				}
			}
			pe := mustParseError(t, source.ErrTruncated, paths...)
			if !strings.HasSuffix(pe.File, tt.file) || !strings.Contains(pe.Error(), "Ctrl-Z") {
				t.Errorf("error %q, want it to name %s and the missing Ctrl-Z", pe, tt.file)
			}
		})
	}
}

func TestCSVCommentsWithoutEndMark(t *testing.T) {
	// OFAC's comments files end with Ctrl-Z too (cons_comments.csv, the
	// 2025 sdn_comments.csv), but a real 2021 sdn_comments.csv does not:
	// a comments file without it is read, with a warning, since it only
	// continues remarks.
	paths := copyFixtures(t, "sdn.csv", "sdn_comments.csv")
	rs := mustParse(t, paths...)
	var found bool
	for _, w := range rs[0].Warnings {
		if strings.HasSuffix(w.File, "sdn_comments.csv") && strings.Contains(w.Message, "Ctrl-Z") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning that sdn_comments.csv lacks its end mark: %+v", rs[0].Warnings)
	}
}
