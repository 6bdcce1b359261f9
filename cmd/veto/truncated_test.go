package main

import (
	"archive/zip"
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

// cutOFACCSV writes the OFAC fixture sdn.csv into dir cut at its last line
// end, without its final record and the Ctrl-Z after it: a download that
// stopped at a line end.
func cutOFACCSV(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "source", "ofac", "testdata", "sdn_csv", "sdn.csv"))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.TrimRight(string(data), "\x1a\r\n")
	cut := filepath.Join(dir, "sdn.csv")
	if err := os.WriteFile(cut, []byte(body[:strings.LastIndex(body, "\n")+1]), 0o600); err != nil {
		t.Fatal(err)
	}
	return cut
}

// TestTruncatedOFACCSVIsRefused: `veto import` and `veto update` of an
// sdn.csv cut at a line end exit 3 naming the file and what is missing,
// and the active version stays.
func TestTruncatedOFACCSVIsRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "veto.db")
	mustCLI(t, db, "import", "ofac", filepath.Join("..", "..", "source", "ofac", "testdata", "sdn_csv", "sdn.csv"))
	before := mustCLI(t, db, "lists", "--json")

	cut := cutOFACCSV(t, t.TempDir())
	_, errOut, code := cli(t, db, "import", "ofac", cut)
	if code != exitRefused || !strings.Contains(errOut, cut) || !strings.Contains(errOut, "Ctrl-Z") {
		t.Errorf("import of a cut sdn.csv: exit %d, stderr %q; want %d naming the file and the missing Ctrl-Z", code, errOut, exitRefused)
	}

	// veto update fetches SDN_ENHANCED.ZIP; the mirror serves it cut
	// short, then whole but holding an XML file cut short.
	xmlData, err := os.ReadFile(filepath.Join("..", "..", "source", "ofac", "testdata", "SDN_ENHANCED.XML"))
	if err != nil {
		t.Fatal(err)
	}
	zipOf := func(member []byte) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, err := zw.Create("SDN_ENHANCED.XML")
		if err != nil {
			t.Fatal(err)
		}
		w.Write(member)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	whole := zipOf(xmlData)
	for _, tt := range []struct {
		name, missing string
		body          []byte
	}{
		{"CutZip", "central directory", whole[:len(whole)*9/10]},
		{"ZipOfCutXML", "</sanctionsData>", zipOf(xmlData[:bytes.LastIndexByte(xmlData[:len(xmlData)*9/10], '\n')+1])},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/SDN_ENHANCED.ZIP") {
				w.Write(tt.body)
				return
			}
			http.NotFound(w, r)
		}))
		out, errOut, code := cli(t, db, "update", "ofac-sdn", "--mirror", srv.URL, "--attempts", "1")
		srv.Close()
		if code != exitRefused || !strings.Contains(out, "SDN_ENHANCED.ZIP") || !strings.Contains(out, tt.missing) {
			t.Errorf("%s: update: exit %d, output %q %q; want %d naming the file and %s", tt.name, code, out, errOut, exitRefused, tt.missing)
		}
	}
	after := mustCLI(t, db, "lists", "--json")
	if after != before {
		t.Errorf("the store changed:\nbefore %s\nafter  %s", before, after)
	}
	if vs := decode[[]entity.ListVersion](t, after); len(vs) != 1 || !vs[0].Active {
		t.Errorf("versions = %+v, want the one imported first, active", vs)
	}
}
