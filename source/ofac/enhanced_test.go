package ofac

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/sourcetest"
)

func enhancedXML(t *testing.T, old, new string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/SDN_ENHANCED.XML")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("testdata/SDN_ENHANCED.XML has no %q", old)
	}
	return []byte(strings.Replace(string(b), old, new, 1))
}

// TestEnhancedCompressed reads the enhanced XML as OFAC ships it (a zip
// with one member) and gzipped, under names that do not say the list: the
// content does.
func TestEnhancedCompressed(t *testing.T) {
	plain, _ := os.ReadFile("testdata/SDN_ENHANCED.XML")
	var gz, zipped bytes.Buffer
	gw := gzip.NewWriter(&gz)
	gw.Write(plain)
	gw.Close()
	zw := zip.NewWriter(&zipped)
	w, _ := zw.Create("SDN_ENHANCED.XML")
	w.Write(plain)
	zw.Close()
	for name, b := range map[string][]byte{"download.gz": gz.Bytes(), "download.zip": zipped.Bytes()} {
		rs := mustParse(t, newFile(t, name, b))
		if len(rs) != 1 || rs[0].List != listSDN || rs[0].Format != formatEnhanced || len(rs[0].Entities) != 3 {
			t.Errorf("%s: results %+v", name, rs)
		}
	}
}

func TestEnhancedListFromFilter(t *testing.T) {
	p := newFile(t, "export.xml", enhancedXML(t, `<sanctionsList refId="1550">SDN List</sanctionsList>
      </sanctionsLists>
    </filters>`, `<sanctionsList refId="91512">Consolidated List</sanctionsList>
      </sanctionsLists>
    </filters>`))
	rs := mustParse(t, p)
	if rs[0].List != listCons {
		t.Errorf("list %s, want %s", rs[0].List, listCons)
	}
	if want := time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC); !rs[0].Published.Equal(want) || rs[0].PublishedFrom != "file" {
		t.Errorf("published %v from %q", rs[0].Published, rs[0].PublishedFrom)
	}
}

func TestEnhancedWarnings(t *testing.T) {
	tests := []struct {
		name, old, new, field string
	}{
		{"UnknownFeatureType", `<type featureTypeId="9">Place of Birth</type>`, `<type featureTypeId="999">Favourite Colour</type>`, "feature"},
		{"UnknownElement", `<versionId>1</versionId>`, `<versionId>1</versionId><locations/>`, "entity/features/feature/locations"},
		{"UnknownAttribute", `<entity id="90002">`, `<entity id="90002" status="new">`, "entity/@status"},
		{"UnknownScript", `<script refId="20107">Cyrillic</script>`, `<script refId="20199">Runic</script>`, "script"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := mustParse(t, newFile(t, "SDN_ENHANCED.XML", enhancedXML(t, tt.old, tt.new)))
			var fields []string
			for _, w := range rs[0].Warnings {
				fields = append(fields, w.Field)
			}
			if !strings.Contains(strings.Join(fields, " "), tt.field) {
				t.Errorf("warnings %+v, want one for %s", rs[0].Warnings, tt.field)
			}
		})
	}
}

func TestEnhancedErrors(t *testing.T) {
	full, _ := os.ReadFile("testdata/SDN_ENHANCED.XML")
	tests := []struct {
		name     string
		content  []byte
		sentinel error
	}{
		{"CutOff", full[:len(full)*2/3], source.ErrTruncated},
		{"NoEntities", []byte(`<sanctionsData><publicationInfo/><entities/></sanctionsData>`), source.ErrEmpty},
		{"NoName", enhancedXML(t, "<formattedLastName>SEA EXAMPLE</formattedLastName>\n              <formattedFullName>SEA EXAMPLE</formattedFullName>", ``), source.ErrMalformed},
		{"BadID", enhancedXML(t, `<entity id="90002">`, `<entity id="">`), source.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustParseError(t, tt.sentinel, newFile(t, "SDN_ENHANCED.XML", tt.content))
		})
	}
	// A name built from its parts when formattedFullName is missing.
	rs := mustParse(t, newFile(t, "SDN_ENHANCED.XML", enhancedXML(t,
		`<formattedFullName>LAVROV, Sergei Viktorovich</formattedFullName>`, ``)))
	if c := sourcetest.Find(t, rs, "ofac-35233").Caption(); c != "LAVROV, Sergei Viktorovich" {
		t.Errorf("caption %q", c)
	}
}

func TestSpanRange(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	tests := []struct{ from, to, want string }{
		{"1950-03-21", "1950-03-21", "1950-03-21"},
		{"1962-01-01", "1962-12-31", "1962"},
		{"1965-06-01", "1965-06-30", "1965-06"},
		{"1955-01-01", "1958-12-31", "1955..1958"},
		{"1960-02-01", "1960-04-30", "1960-02..1960-04"},
		{"1960-02-03", "1960-02-09", "1960-02-03..1960-02-09"},
	}
	for _, tt := range tests {
		if got := spanRange(day(tt.from), day(tt.to)).String(); got != tt.want {
			t.Errorf("spanRange(%s, %s) = %s, want %s", tt.from, tt.to, got, tt.want)
		}
	}
}
