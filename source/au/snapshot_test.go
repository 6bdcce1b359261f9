package au

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// TestSnapshot reads the real workbook of 11 November 2024 and checks
// facts an analyst can verify in it.
func TestSnapshot(t *testing.T) {
	path := sourcetest.SharedData(t, "au", "dfat_2024-11-11", "regulation8_consolidated.xlsx")
	res := mustParse(t, path)
	r := res[0]
	schemas := map[entity.Schema]int{}
	rows := 0
	nameTypes := map[string]int{}
	for _, e := range r.Entities {
		schemas[e.Schema]++
		var raw []map[string]string
		if err := json.Unmarshal([]byte(e.Raw.Text), &raw); err != nil {
			t.Fatalf("%s: raw is not a JSON array of objects: %v", e.ID, err)
		}
		rows += len(raw)
		for _, row := range raw {
			nameTypes[row[colNameType]]++
		}
	}
	// 9,560 rows below the header, of which 7 empty ones at the end.
	if len(r.Entities) != 3062 || rows != 9553 || schemas[entity.Person] != 2316 || schemas[entity.Organization] != 746 {
		t.Errorf("%d listings from %d rows, %v; want 3062 from 9553, 2316 persons and 746 organisations", len(r.Entities), rows, schemas)
	}
	if nameTypes["aka"] != 5376 || nameTypes["Aka"] != 581 || nameTypes["Aka "] != 85 ||
		nameTypes["Primary Name"] != 2925 || nameTypes["Original Script"] != 416 {
		t.Errorf("Name Type counts %v", nameTypes)
	}
	if got := r.Published.Format("2006-01-02"); got != "2024-11-11" || r.PublishedFrom != "newest-listing-date" {
		t.Errorf("published %s from %s", got, r.PublishedFrom)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings: %+v", r.Warnings)
	}

	akhund := sourcetest.Find(t, res, "au-2")
	if akhund.Schema != entity.Person || len(akhund.Names) != 2 || akhund.Names[0].Full != "MOHAMMAD HASSAN AKHUND" ||
		akhund.Names[1].Full != "محمد حسن أخوند" || akhund.Names[1].Kind != entity.Alias || akhund.Names[1].Script != "Arab" {
		t.Errorf("au-2 names %+v", akhund.Names)
	}
	if got := dates(akhund); got != "~1955..1958 ~1945..1950" {
		t.Errorf("au-2 born %s", got)
	}
	if akhund.Citizenships[0] != "af" || akhund.Programs[0] != "1988 (Taliban)" || akhund.ListingDate.String() != "2001-01-25" ||
		akhund.BirthPlaces[0] != "Pashmul village, Panjwai District, Kandahar Province, Afghanistan" ||
		akhund.Props["title"][0] != "Mullah" || akhund.Props["modifiedAt"][0] != "2014-12-15" {
		t.Errorf("au-2 = %+v", akhund)
	}
	// A date of birth typed as a date: serial 18798.
	if z := sourcetest.Find(t, res, "au-147"); dates(z) != "1951-06-19" || z.Names[0].Full != "Aiman Muhammed Rabi Al-Zawahiri" {
		t.Errorf("au-147 = %s born %s", z.Caption(), dates(z))
	}
	// A listing whose last alias (2940j) sits far below its other rows.
	if c := sourcetest.Find(t, res, "au-2940"); len(c.Names) != 11 || c.Names[10].Full != "Chernomorneftegaz CJSC" {
		t.Errorf("au-2940 names %+v", c.Names)
	}
}

func BenchmarkParse(b *testing.B) {
	path := sourcetest.SharedData(b, "au", "dfat_2024-11-11", "regulation8_consolidated.xlsx")
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	for b.Loop() {
		mustParse(b, path)
	}
}
