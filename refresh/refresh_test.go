package refresh_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/au"
	"github.com/vetoscreen/veto/source/sourcetest"
	"github.com/vetoscreen/veto/source/un"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

// unList writes a UN consolidated list in the official XML format with n
// individuals, generated dated.
func unList(n int, generated string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://www.un.org/sc/resources/sc-sanctions.xsd" dateGenerated="%s">
  <INDIVIDUALS>
`, generated)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `    <INDIVIDUAL>
      <DATAID>%d</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>PERSON</FIRST_NAME>
      <SECOND_NAME>NUMBER %d</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPi.%03d</REFERENCE_NUMBER>
      <LISTED_ON>2016-03-02</LISTED_ON>
      <COMMENTS1>Test record %d.</COMMENTS1>
      <LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1960-01-%02d</DATE></INDIVIDUAL_DATE_OF_BIRTH>
    </INDIVIDUAL>
`, 1000+i, i, i, i, 1+i%28)
	}
	b.WriteString("  </INDIVIDUALS>\n  <ENTITIES/>\n</CONSOLIDATED_LIST>\n")
	return b.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func newRefresher(t *testing.T) (*refresh.Refresher, *sqlite.DB) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cfg := refresh.DefaultConfig()
	cfg.Backoff = time.Millisecond
	return &refresh.Refresher{Store: db, Config: cfg}, db
}

// mustImportGood stores the first version: 20 individuals.
func mustImportGood(t *testing.T, r *refresh.Refresher) refresh.Outcome {
	t.Helper()
	out, err := r.Import(context.Background(), &un.Publisher, []string{writeFile(t, "consolidated.xml", unList(20, "2025-04-19T23:00:04.625Z"))})
	if err != nil || len(out) != 1 || out[0].Err != nil {
		t.Fatalf("import good list: %v %+v", err, out)
	}
	return out[0]
}

// assertActive checks that version id is still the active un-sc version,
// with its 20 entities unchanged.
func assertActive(t *testing.T, db store.Store, id int64) {
	t.Helper()
	vs, err := db.Versions(context.Background(), store.VersionFilter{List: "un-sc"})
	if err != nil || len(vs) != 1 || vs[0].ID != id || !vs[0].Active {
		t.Fatalf("versions = %+v, %v; want only version %d, active", vs, err, id)
	}
	ents, err := db.ActiveEntities(context.Background())
	if err != nil || len(ents) != 20 || ents[0].Caption() != "PERSON NUMBER 1" {
		t.Fatalf("active entities changed: %d, %v", len(ents), err)
	}
}

func TestImportRefusesTruncatedFile(t *testing.T) {
	r, db := newRefresher(t)
	good := mustImportGood(t, r)
	full := unList(20, "2026-02-27T00:00:09.554Z")
	_, err := r.Import(context.Background(), &un.Publisher, []string{writeFile(t, "consolidated.xml", full[:len(full)*2/3])})
	if !errors.Is(err, source.ErrTruncated) {
		t.Fatalf("truncated import: err = %v, want ErrTruncated", err)
	}
	var pe *source.ParseError
	if !errors.As(err, &pe) || pe.Line == 0 || !strings.HasSuffix(pe.File, "consolidated.xml") {
		t.Errorf("error does not locate the problem: %v", err)
	}
	assertActive(t, db, good.Version.ID)
}

func TestImportRefusesHalfTheEntities(t *testing.T) {
	r, db := newRefresher(t)
	good := mustImportGood(t, r)
	half := writeFile(t, "consolidated.xml", unList(10, "2026-02-27T00:00:09.554Z"))
	out, err := r.Import(context.Background(), &un.Publisher, []string{half})
	if err != nil || len(out) != 1 || !errors.Is(out[0].Err, refresh.ErrRefused) {
		t.Fatalf("half list: %v %+v; want ErrRefused", err, out)
	}
	if !strings.Contains(out[0].Err.Error(), "10 entities, 50% fewer than the 20") {
		t.Errorf("refusal does not say why: %v", out[0].Err)
	}
	assertActive(t, db, good.Version.ID)

	r.Config.Force = true
	out, err = r.Import(context.Background(), &un.Publisher, []string{half})
	if err != nil || out[0].Err != nil || out[0].Version.EntityCount != 10 || out[0].Diff.Removed != 10 {
		t.Fatalf("forced import: %v %+v", err, out)
	}
}

func TestImportUnchangedAndNewVersion(t *testing.T) {
	r, db := newRefresher(t)
	good := mustImportGood(t, r)
	again, err := r.Import(context.Background(), &un.Publisher, []string{writeFile(t, "un.xml", unList(20, "2025-04-19T23:00:04.625Z"))})
	if err != nil || !again[0].Unchanged || again[0].Version.ID != good.Version.ID {
		t.Fatalf("same content again: %v %+v", err, again)
	}
	next, err := r.Import(context.Background(), &un.Publisher, []string{writeFile(t, "un.xml", unList(21, "2026-02-27T00:00:09.554Z"))})
	if err != nil || next[0].Err != nil || next[0].Diff.Added != 1 || next[0].Diff.From != good.Version.ID {
		t.Fatalf("new version: %v %+v", err, next)
	}
	v, _ := db.Version(context.Background(), next[0].Version.ID)
	if v.Published.Format("2006-01-02") != "2026-02-27" || v.PublishedFrom != "file" || v.Hash == good.Version.Hash {
		t.Errorf("stored version = %+v", v)
	}
}

func TestUpdateFromMirror(t *testing.T) {
	var body atomic.Value // string served as the UN file
	var failures atomic.Int32
	var truncate atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path != "/lists/"+un.Publisher.Lists[0].Downloads[0].File {
			http.NotFound(w, req)
			return
		}
		if failures.Load() > 0 {
			failures.Add(-1)
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		b := body.Load().(string)
		w.Header().Set("Content-Length", fmt.Sprint(len(b)))
		if truncate.Load() {
			b = b[:len(b)/2] // the connection drops halfway
		}
		w.Write([]byte(b))
	}))
	defer srv.Close()

	r, db := newRefresher(t)
	r.Config.Mirror = srv.URL + "/lists"
	body.Store(unList(20, "2025-04-19T23:00:04.625Z"))
	failures.Store(2)
	out, err := r.Update(context.Background(), []*source.Publisher{&un.Publisher}, nil)
	if err != nil || len(out) != 1 || out[0].Err != nil || out[0].Version.EntityCount != 20 {
		t.Fatalf("update after two 503s: %v %+v", err, out)
	}
	if got := out[0].Version.Source; len(got) != 1 || !strings.HasPrefix(got[0], srv.URL+"/lists/") {
		t.Errorf("source = %v, want the mirror URL", got)
	}
	good := out[0]

	truncate.Store(true)
	body.Store(unList(22, "2026-02-27T00:00:09.554Z"))
	out, _ = r.Update(context.Background(), []*source.Publisher{&un.Publisher}, refresh.Selection{"un"})
	if len(out) != 1 || out[0].Err == nil {
		t.Fatalf("truncated download: %+v, want an error", out)
	}
	assertActive(t, db, good.Version.ID)

	r.Config.Mirror = srv.URL + "/elsewhere"
	r.Config.Attempts = 1
	out, _ = r.Update(context.Background(), []*source.Publisher{&un.Publisher}, nil)
	if len(out) != 1 || out[0].Err == nil || !strings.Contains(out[0].Err.Error(), "404") {
		t.Fatalf("missing file: %+v, want a 404 error", out)
	}
	assertActive(t, db, good.Version.ID)
}

func TestUpdateSelection(t *testing.T) {
	r, _ := newRefresher(t)
	if _, err := r.Update(context.Background(), []*source.Publisher{&un.Publisher}, refresh.Selection{"nope"}); err == nil {
		t.Error("an unknown selection was accepted")
	}
}

// TestImportDirOrdersByContentDateAndIsIdempotent imports real snapshots
// from folders whose names disagree with the dates inside the files, twice:
// the first import stores each list's versions oldest first by the dates
// read from the content (a dateless file before the dated ones, never
// placed by its file time), so the active version never goes back to an
// older snapshot; the second adds no version and changes nothing.
func TestImportDirOrdersByContentDateAndIsIdempotent(t *testing.T) {
	shared := sourcetest.SharedData(t)
	dir := t.TempDir()
	for folder, files := range map[string][]string{
		"1-cons-xml":      {"ofac/non_sdn_xml_2026-01-08/consolidated.xml"},
		"2-cons-csv":      {"ofac/non_sdn_csv_2025-12-19/cons_prim.csv", "ofac/non_sdn_csv_2025-12-19/cons_add.csv", "ofac/non_sdn_csv_2025-12-19/cons_alt.csv", "ofac/non_sdn_csv_2025-12-19/cons_comments.csv"},
		"3-cons-enhanced": {"ofac/non_sdn_enhanced_xml_2025-01-10/CONS_ENHANCED.XML.gz"},
		"4-un-2026":       {"un/2026-02-27/consolidated.xml"},
		"5-un-2025":       {"un/2025-04-19/consolidated.xml"},
	} {
		if err := os.Mkdir(filepath.Join(dir, folder), 0o700); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.Symlink(filepath.Join(shared, f), filepath.Join(dir, folder, filepath.Base(f))); err != nil {
				t.Fatal(err)
			}
		}
	}
	r, db := newRefresher(t)
	out, _, err := r.ImportDir(context.Background(), dir, all.ParseFolders)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range out {
		if o.Err != nil {
			t.Errorf("first import, %s: %v", o.List, o.Err)
		}
	}
	first, err := db.Versions(context.Background(), store.VersionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Each stored version became active when stored, so the versions of
	// a list in ID order are the sequence of its active versions.
	byList := map[string][]entity.ListVersion{}
	for _, v := range slices.Backward(first) {
		byList[v.List] = append(byList[v.List], v)
	}
	wantFormats := map[string][]string{
		"ofac-cons": {"ofac-csv", "ofac-enhanced-xml", "ofac-xml"},
		"un-sc":     {"un-xml", "un-xml"},
	}
	for list, want := range wantFormats {
		var got []string
		var last time.Time
		for _, v := range byList[list] {
			got = append(got, v.Format)
			if v.PublishedFrom == "file" {
				if v.Published.Before(last) {
					t.Errorf("%s: version %d, published %s, became active after one published %s", list, v.ID, v.Published.Format(time.DateOnly), last.Format(time.DateOnly))
				}
				last = v.Published
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s versions in the order stored: %v, want %v", list, got, want)
		}
	}
	if un := byList["un-sc"]; len(un) == 2 && (un[1].Published.Format(time.DateOnly) != "2026-02-27" || !un[1].Active) {
		t.Errorf("active un-sc version = %+v, want the 2026-02-27 one", un[1])
	}

	again, _, err := r.ImportDir(context.Background(), dir, all.ParseFolders)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != len(out) {
		t.Errorf("second import: %d outcomes, want %d", len(again), len(out))
	}
	for _, o := range again {
		if o.Err != nil || !o.Unchanged {
			t.Errorf("second import, %s: %+v, want unchanged", o.List, o)
		}
	}
	second, err := db.Versions(context.Background(), store.VersionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(second) != len(first) {
		t.Errorf("second import: %d versions, want the %d of the first", len(second), len(first))
	}
	for i := range min(len(first), len(second)) {
		if first[i].ID != second[i].ID || first[i].Active != second[i].Active {
			t.Errorf("second import changed version %d: active %v, now %v", first[i].ID, first[i].Active, second[i].Active)
		}
	}
}

// TestUpdateBackToEarlierContent: a download is the publisher's current
// list; when it returns to an earlier content (a designation added, then
// lifted) that content becomes active again, unlike a file imported again.
func TestUpdateBackToEarlierContent(t *testing.T) {
	var body atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.Write([]byte(body.Load().(string)))
	}))
	defer srv.Close()
	r, db := newRefresher(t)
	r.Config.Mirror = srv.URL
	var ids []int64
	for _, n := range []int{20, 21, 20} {
		body.Store(unList(n, "2025-04-19T23:00:04.625Z"))
		out, err := r.Update(context.Background(), []*source.Publisher{&un.Publisher}, nil)
		if err != nil || len(out) != 1 || out[0].Err != nil || out[0].Unchanged {
			t.Fatalf("update to %d entities: %v %+v", n, err, out)
		}
		ids = append(ids, out[0].Version.ID)
	}
	act, err := db.Versions(context.Background(), store.VersionFilter{ActiveOnly: true})
	if err != nil || len(act) != 1 || act[0].ID != ids[2] || act[0].EntityCount != 20 || ids[2] == ids[0] {
		t.Errorf("active = %+v, %v; want a third version, of 20 entities (versions %v)", act, err, ids)
	}
}

// TestUpdateAll: a server's refresh says which lists failed, one line
// each, and nothing when every list came.
func TestUpdateAll(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path != "/"+un.Publisher.Lists[0].Downloads[0].File {
			http.NotFound(w, req)
			return
		}
		w.Write([]byte(unList(20, "2025-04-19T23:00:04.625Z")))
	}))
	defer srv.Close()
	r, db := newRefresher(t)
	r.Config.Mirror, r.Config.Attempts = srv.URL, 1
	if err := r.UpdateAll(context.Background(), []*source.Publisher{&un.Publisher}); err != nil {
		t.Fatalf("every list came: %v", err)
	}
	err := r.UpdateAll(context.Background(), []*source.Publisher{&un.Publisher, &au.Publisher})
	if err == nil {
		t.Fatal("a list that failed went unreported")
	}
	lines := strings.Split(err.Error(), "\n")
	for _, l := range au.Publisher.Lists {
		if !slices.ContainsFunc(lines, func(line string) bool { return strings.HasPrefix(line, l.Name+": ") }) {
			t.Errorf("no line for %s in %q", l.Name, err)
		}
	}
	if strings.Contains(err.Error(), "un-sc") {
		t.Errorf("the list that came is reported: %q", err)
	}
	vs, _ := db.Versions(context.Background(), store.VersionFilter{List: "un-sc"})
	if len(vs) != 1 {
		t.Errorf("un-sc versions: %d, want 1", len(vs))
	}
}
