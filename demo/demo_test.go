package demo

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// mustResults returns the demo results and fails the test on error or on
// a result that breaks the parsers' invariants or has warnings.
func mustResults(t *testing.T) []*source.Result {
	t.Helper()
	rs, err := Results(context.Background())
	if err != nil {
		t.Fatalf("Results: %v", err)
	}
	for _, r := range rs {
		sourcetest.CheckResult(t, r)
		if len(r.Warnings) != 0 {
			t.Errorf("%s: %d warnings: %+v", r.List, len(r.Warnings), r.Warnings)
		}
	}
	return rs
}

// result returns the result of the named list.
func result(t *testing.T, rs []*source.Result, list string) *source.Result {
	t.Helper()
	for _, r := range rs {
		if r.List == list {
			return r
		}
	}
	t.Fatalf("no result for list %s", list)
	return nil
}

// dates returns an entity's dates of birth as text, space separated.
func dates(e *entity.Entity) string {
	var s []string
	for _, d := range e.BirthDates {
		s = append(s, d.String())
	}
	return strings.Join(s, " ")
}

// names returns the full names of an entity of the given kind.
func names(e *entity.Entity, kind entity.NameKind) []string {
	var s []string
	for _, n := range e.Names {
		if n.Kind == kind {
			s = append(s, n.Full)
		}
	}
	return s
}

// hasRelation reports whether e has a relation of the type to target.
func hasRelation(e *entity.Entity, typ, target string) bool {
	return slices.ContainsFunc(e.Relations, func(r entity.Relation) bool { return r.Type == typ && r.Target == target })
}

func TestResultsOnePerList(t *testing.T) {
	rs := mustResults(t)
	want := []struct {
		list, format string
		entities     int
		files        []string
		dated        bool // the format carries a publication date
	}{
		{"ofac-sdn", "ofac-csv", 6, []string{"demo/ofac/add.csv", "demo/ofac/alt.csv", "demo/ofac/sdn.csv", "demo/ofac/sdn_comments.csv"}, false},
		{"un-sc", "un-xml", 5, []string{"demo/un/un_consolidated.xml"}, true},
		{"eu-fsf", "eu-xml", 5, []string{"demo/eu/eu_fsf.xml"}, true},
		{"uk-fcdo", "uk-fcdo-xml", 5, []string{"demo/uk/UK-Sanctions-List.xml"}, true},
		{"ca-sema", "ca-xml", 3, []string{"demo/ca/sema-lmes.xml"}, false},
		{"au-dfat", "au-xlsx", 5, []string{"demo/au/regulation8_consolidated.xlsx"}, true},
	}
	if len(rs) != len(want) {
		t.Fatalf("%d results, want %d", len(rs), len(want))
	}
	for i, w := range want {
		r := rs[i]
		if r.List != w.list || r.Format != w.format || len(r.Entities) != w.entities || !slices.Equal(r.Files, w.files) {
			t.Errorf("result %d: %s %s, %d entities, files %v; want %s %s, %d, %v",
				i, r.List, r.Format, len(r.Entities), r.Files, w.list, w.format, w.entities, w.files)
		}
		switch {
		case w.dated && r.Published.UTC().Format("2006-01-02") != "2025-01-01":
			t.Errorf("%s published %s, want the demo date 2025-01-01", r.List, r.Published)
		case !w.dated && !r.Published.IsZero():
			t.Errorf("%s published %s, want none (the format carries no date)", r.List, r.Published)
		}
	}
	if got := result(t, rs, "au-dfat").PublishedFrom; got != "newest-listing-date" {
		t.Errorf("au-dfat published from %q", got)
	}
	if got := result(t, rs, "un-sc").PublishedFrom; got != "file" {
		t.Errorf("un-sc published from %q", got)
	}
}

func TestOFAC(t *testing.T) {
	rs := []*source.Result{result(t, mustResults(t), "ofac-sdn")}

	lavrov := sourcetest.Find(t, rs, "ofac-990001")
	if lavrov.Caption() != "LAVROV, Sergei Viktorovich" || lavrov.Schema != entity.Person || dates(lavrov) != "1950-03-21" ||
		!slices.Equal(lavrov.Programs, []string{"RUSSIA-EO14024"}) || !slices.Equal(lavrov.Nationalities, []string{"ru"}) ||
		lavrov.Gender != "male" || !slices.Equal(lavrov.BirthPlaces, []string{"Moscow, Russia"}) ||
		lavrov.Props["position"][0] != "Minister of Foreign Affairs of the Russian Federation" {
		t.Errorf("LAVROV = %+v", lavrov)
	}
	putin := sourcetest.Find(t, rs, "ofac-990002")
	if putin.Caption() != "PUTIN, Vladimir Vladimirovich" || dates(putin) != "1952-10-07" || putin.Programs[0] != "RUSSIA-EO14024" {
		t.Errorf("PUTIN = %+v", putin)
	}
	assad := sourcetest.Find(t, rs, "ofac-990003")
	if assad.Caption() != "AL-ASSAD, Bashar" || dates(assad) != "1965-09-11" || !slices.Equal(assad.Programs, []string{"SYRIA"}) {
		t.Errorf("AL-ASSAD = %+v", assad)
	}
	// The remark is cut mid-word ("Gen") and continued in sdn_comments.csv.
	khamenei := sourcetest.Find(t, rs, "ofac-990004")
	if khamenei.Caption() != "KHAMENEI, Ali" || dates(khamenei) != "1939-04-19" || khamenei.Gender != "male" ||
		!slices.Equal(khamenei.Programs, []string{"IRAN-EO13876"}) || khamenei.BirthPlaces[0] != "Mashhad, Iran" {
		t.Errorf("KHAMENEI = %+v", khamenei)
	}
	irgc := sourcetest.Find(t, rs, "ofac-990005")
	if irgc.Schema != entity.Organization || !slices.Equal(irgc.Programs, []string{"IRGC", "NPWMD", "SDGT"}) ||
		!slices.Contains(names(irgc, entity.Alias), "IRGC") || len(irgc.Addresses) != 1 ||
		irgc.Addresses[0].City != "Tehran" || irgc.Addresses[0].Country != "ir" {
		t.Errorf("IRGC = %+v", irgc)
	}
	ubl := sourcetest.Find(t, rs, "ofac-990006")
	if ubl.Caption() != "BIN LADIN, Usama bin Muhammad bin Awad" || !slices.Equal(ubl.Programs, []string{"SDGT"}) ||
		!slices.Contains(names(ubl, entity.Alias), "BIN LADEN, Osama") || ubl.BirthPlaces[0] != "Jeddah, Saudi Arabia" {
		t.Errorf("BIN LADIN = %+v", ubl)
	}
}

func TestUN(t *testing.T) {
	rs := []*source.Result{result(t, mustResults(t), "un-sc")}

	z := sourcetest.Find(t, rs, "un-QDi.006")
	if z.Caption() != "AIMAN MUHAMMED RABI AL-ZAWAHIRI" || dates(z) != "1951-06-19" || z.ListingDate.String() != "2001-01-25" ||
		!slices.Equal(z.Programs, []string{"Al-Qaida"}) || !slices.Equal(z.Nationalities, []string{"eg"}) ||
		!hasRelation(z, "linkedTo", "un-QDe.004") {
		t.Errorf("un-QDi.006 = %+v", z)
	}
	akhund := sourcetest.Find(t, rs, "un-TAi.002")
	if akhund.Caption() != "MOHAMMAD HASSAN AKHUND" || dates(akhund) != "~1955..1958 ~1945..1950" ||
		akhund.ListingDate.String() != "2001-01-25" || akhund.Programs[0] != "Taliban" ||
		!slices.Equal(akhund.Props["title"], []string{"Mullah", "Haji"}) || akhund.Names[1].Script != "Arab" {
		t.Errorf("un-TAi.002 = %+v", akhund)
	}
	aq := sourcetest.Find(t, rs, "un-QDe.004")
	if aq.Caption() != "AL-QAIDA" || aq.Schema != entity.Organization || aq.ListingDate.String() != "2001-10-06" {
		t.Errorf("un-QDe.004 = %+v", aq)
	}
	komid := sourcetest.Find(t, rs, "un-KPe.001")
	if komid.Caption() != "KOREA MINING DEVELOPMENT TRADING CORPORATION" || !slices.Contains(names(komid, entity.Alias), "KOMID") ||
		komid.Programs[0] != "DPRK" || komid.ListingDate.String() != "2009-04-24" || !slices.Equal(komid.Countries, []string{"kp"}) {
		t.Errorf("un-KPe.001 = %+v", komid)
	}
	tanchon := sourcetest.Find(t, rs, "un-KPe.003")
	if tanchon.Caption() != "TANCHON COMMERCIAL BANK" || !slices.Contains(names(tanchon, entity.Previous), "CHANGGWANG CREDIT BANK") ||
		!hasRelation(tanchon, "linkedTo", "un-KPe.001") {
		t.Errorf("un-KPe.003 = %+v", tanchon)
	}
}

func TestEU(t *testing.T) {
	rs := []*source.Result{result(t, mustResults(t), "eu-fsf")}

	lavrov := sourcetest.Find(t, rs, "eu-990001")
	if lavrov.Caption() != "Sergey Viktorovich LAVROV" || dates(lavrov) != "1950-03-21" || lavrov.ListingDate.String() != "2022-02-25" ||
		!slices.Equal(lavrov.Programs, []string{"UKR"}) || !slices.Equal(lavrov.Citizenships, []string{"ru"}) ||
		lavrov.Names[1].Full != "Сергей Викторович ЛАВРОВ" || lavrov.Names[1].Script != "Cyrl" || lavrov.Names[1].Lang != "ru" {
		t.Errorf("eu LAVROV = %+v", lavrov)
	}
	putin := sourcetest.Find(t, rs, "eu-990002")
	if putin.Caption() != "Vladimir Vladimirovich PUTIN" || dates(putin) != "1952-10-07" || putin.Props["position"][0] != "President of the Russian Federation" {
		t.Errorf("eu PUTIN = %+v", putin)
	}
	assad := sourcetest.Find(t, rs, "eu-990003")
	if assad.Caption() != "Bashar AL-ASSAD" || assad.ListingDate.String() != "2011-05-23" || assad.Programs[0] != "SYR" || dates(assad) != "1965-09-11" {
		t.Errorf("eu AL-ASSAD = %+v", assad)
	}
	z := sourcetest.Find(t, rs, "eu-990004")
	if z.Programs[0] != "TAQA" || !hasRelation(z, "sameAs", "un-QDi.006") || dates(z) != "1951-06-19" {
		t.Errorf("eu AL-ZAWAHIRI = %+v", z)
	}
	akhund := sourcetest.Find(t, rs, "eu-990005")
	if akhund.Programs[0] != "AFG" || !hasRelation(akhund, "sameAs", "un-TAi.002") || dates(akhund) != "~1955..1958 ~1945..1950" {
		t.Errorf("eu AKHUND = %+v", akhund)
	}
}

func TestUK(t *testing.T) {
	rs := []*source.Result{result(t, mustResults(t), "uk-fcdo")}
	const russia = "The Russia (Sanctions) (EU Exit) Regulations 2019"

	lavrov := sourcetest.Find(t, rs, "uk-RUS9901")
	if lavrov.Caption() != "Sergei Viktorovich LAVROV" || dates(lavrov) != "1950-03-21" || !slices.Equal(lavrov.Programs, []string{russia}) ||
		!slices.Contains(names(lavrov, entity.Alias), "Sergey Viktorovich LAVROV") || !slices.Equal(lavrov.Props["sanctions"], []string{"AssetFreeze"}) {
		t.Errorf("uk LAVROV = %+v", lavrov)
	}
	putin := sourcetest.Find(t, rs, "uk-RUS9902")
	if putin.Caption() != "Vladimir Vladimirovich PUTIN" || dates(putin) != "1952-10-07" || putin.Programs[0] != russia {
		t.Errorf("uk PUTIN = %+v", putin)
	}
	assad := sourcetest.Find(t, rs, "uk-SYR9901")
	if assad.Programs[0] != "The Syria (Sanctions) (EU Exit) Regulations 2019" || dates(assad) != "1965-09-11" {
		t.Errorf("uk AL-ASSAD = %+v", assad)
	}
	z := sourcetest.Find(t, rs, "uk-AQD9901")
	if z.Caption() != "Aiman Muhammed Rabi AL-ZAWAHIRI" || !hasRelation(z, "sameAs", "un-QDi.006") || z.Props["authority"][0] != "UN" {
		t.Errorf("uk AL-ZAWAHIRI = %+v", z)
	}
	akhund := sourcetest.Find(t, rs, "uk-AFG9901")
	if akhund.Programs[0] != "The Afghanistan (Sanctions) (EU Exit) Regulations 2020" || !hasRelation(akhund, "sameAs", "un-TAi.002") {
		t.Errorf("uk AKHUND = %+v", akhund)
	}
}

func TestCanada(t *testing.T) {
	rs := []*source.Result{result(t, mustResults(t), "ca-sema")}

	luka := sourcetest.Find(t, rs, "ca-belarus-part-1-9901")
	if luka.Caption() != "Aleksandr Grigoryevich Lukashenko" || dates(luka) != "1954-08-30" || luka.Programs[0] != "Belarus / Bélarus" ||
		!slices.Contains(names(luka, entity.Alias), "Аляксандр Рыгоравіч Лукашэнка") {
		t.Errorf("ca Lukashenko = %+v", luka)
	}
	putin := sourcetest.Find(t, rs, "ca-russia-1-part-1-9901")
	if putin.Caption() != "Vladimir Vladimirovich Putin" || dates(putin) != "1952-10-07" || putin.Programs[0] != "Russia / Russie" {
		t.Errorf("ca Putin = %+v", putin)
	}
	lavrov := sourcetest.Find(t, rs, "ca-russia-1-part-1-9902")
	if lavrov.Caption() != "Sergei Viktorovich Lavrov" || dates(lavrov) != "1950-03-21" ||
		!slices.Contains(names(lavrov, entity.Alias), "Сергей Викторович Лавров") {
		t.Errorf("ca Lavrov = %+v", lavrov)
	}
}

func TestAustralia(t *testing.T) {
	rs := []*source.Result{result(t, mustResults(t), "au-dfat")}

	akhund := sourcetest.Find(t, rs, "au-99001")
	if akhund.Caption() != "MOHAMMAD HASSAN AKHUND" || akhund.ListingDate.String() != "2001-01-25" ||
		!slices.Equal(akhund.Programs, []string{"1988 (Taliban)"}) || dates(akhund) != "~1955..1958 ~1945..1950" ||
		!slices.Equal(akhund.Citizenships, []string{"af"}) || akhund.Props["modifiedAt"][0] != "2025-01-01" {
		t.Errorf("au AKHUND = %+v", akhund)
	}
	komid := sourcetest.Find(t, rs, "au-99002")
	if komid.Schema != entity.Organization || komid.Programs[0] != "1718 (DPRK)" || komid.ListingDate.String() != "2009-04-24" ||
		!slices.Equal(names(komid, entity.Alias), []string{"KOMID", "CHANGGWANG SINYONG CORPORATION"}) {
		t.Errorf("au KOMID = %+v", komid)
	}
	// The dates of birth are date-typed cells, read from their serial numbers.
	putin := sourcetest.Find(t, rs, "au-99003")
	if putin.Caption() != "Vladimir Vladimirovich PUTIN" || dates(putin) != "1952-10-07" || putin.Programs[0] != "Autonomous (Russia)" ||
		putin.Names[1].Script != "Cyrl" || putin.Gender != "male" {
		t.Errorf("au PUTIN = %+v", putin)
	}
	lavrov := sourcetest.Find(t, rs, "au-99004")
	if lavrov.Caption() != "Sergei Viktorovich LAVROV" || dates(lavrov) != "1950-03-21" || len(lavrov.Names) != 3 {
		t.Errorf("au LAVROV = %+v", lavrov)
	}
	assad := sourcetest.Find(t, rs, "au-99005")
	if assad.Caption() != "Bashar AL-ASSAD" || dates(assad) != "1965-09-11" || assad.Programs[0] != "Autonomous (Syria)" {
		t.Errorf("au AL-ASSAD = %+v", assad)
	}
}

// TestSameFactsEverywhere checks that a person listed by several
// publishers has the same date of birth on each of their lists, so a typo
// in one hand-written file is caught.
func TestSameFactsEverywhere(t *testing.T) {
	born := map[string]string{
		"LAVROV": "1950-03-21", "PUTIN": "1952-10-07", "ASSAD": "1965-09-11",
		"ZAWAHIRI": "1951-06-19", "AKHUND": "~1955..1958 ~1945..1950",
	}
	seen := map[string]int{}
	for _, r := range mustResults(t) {
		for _, e := range r.Entities {
			for key, want := range born {
				if !strings.Contains(strings.ToUpper(e.Caption()), key) {
					continue
				}
				seen[key]++
				if got := dates(e); got != "" && got != want {
					t.Errorf("%s %s born %s, want %s", e.ID, e.Caption(), got, want)
				}
			}
		}
	}
	want := map[string]int{"LAVROV": 5, "PUTIN": 5, "ASSAD": 4, "ZAWAHIRI": 3, "AKHUND": 4}
	for key, n := range want {
		if seen[key] != n {
			t.Errorf("%s on %d lists, want %d", key, seen[key], n)
		}
	}
}

// TestDocListsEveryDesignation keeps doc.go's list of designations in step
// with the files.
func TestDocListsEveryDesignation(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range mustResults(t) {
		for _, e := range r.Entities {
			n++
			if !bytes.Contains(doc, []byte("//\t"+e.ID+" ")) {
				t.Errorf("doc.go does not list %s (%s)", e.ID, e.Caption())
			}
		}
	}
	if got := bytes.Count(doc, []byte("//\t")); got != n {
		t.Errorf("doc.go lists %d designations, the files hold %d", got, n)
	}
}

// TestOFACQuirks checks that the OFAC files keep the line ends and the
// end-of-file byte of the real ones (which a checkout that converts line
// ends would lose).
func TestOFACQuirks(t *testing.T) {
	for _, name := range []string{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"} {
		b, err := data.ReadFile("data/ofac/" + name)
		if err != nil {
			t.Fatal(err)
		}
		body, ok := bytes.CutSuffix(b, []byte("\r\n\x1a"))
		if !ok || bytes.Contains(bytes.ReplaceAll(body, []byte("\r\n"), nil), []byte("\n")) {
			t.Errorf("%s: want CRLF line ends and a final 0x1A byte", name)
		}
	}
}

// TestTempFolderRemoved checks that Results leaves nothing behind.
func TestTempFolderRemoved(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	mustResults(t)
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Results(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Results with a cancelled context: %v, want context.Canceled", err)
	}
}

// TestPublishers: the dataset's publishers, derived from its folders,
// are the six it was written for, in the publishers' order; csl has no
// demo data (its rows are OFAC's and BIS's).
func TestPublishers(t *testing.T) {
	if want := []string{"ofac", "un", "eu", "uk", "ca", "au"}; !slices.Equal(publishers, want) {
		t.Errorf("publishers = %v, want %v", publishers, want)
	}
}
