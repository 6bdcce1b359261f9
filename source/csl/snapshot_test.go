package csl

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// TestSnapshot reads the real list of April 2022 (14,160 rows) and checks
// facts an analyst can verify in the file.
func TestSnapshot(t *testing.T) {
	path := sourcetest.SharedData(t, "us_csl", "trade_gov_csv_2022-04-21", "consolidated.csv.gz")
	res := mustParse(t, path)
	r := res[0]
	schemas := map[entity.Schema]int{}
	lists := map[string]int{}
	ofac, merged, mergedRows := 0, 0, 0
	for _, e := range r.Entities {
		schemas[e.Schema]++
		for _, s := range e.Props["sourceList"] {
			name, _, _ := strings.Cut(s, " - ")
			lists[name]++
		}
		if strings.HasPrefix(e.ID, "ofac-") {
			ofac++
			rows, err := csv.NewReader(strings.NewReader(e.Raw.Text)).ReadAll()
			if err != nil {
				t.Fatalf("%s: raw is not CSV: %v", e.ID, err)
			}
			if len(rows) > 1 {
				merged++
				mergedRows += len(rows) - 1
			}
		}
	}
	// 10,535 Treasury rows hold 10,423 distinct entity numbers: 112 rows
	// are merged into the entity of another row with the same number.
	if len(r.Entities) != 14048 || ofac != 10423 {
		t.Errorf("%d entities, %d from Treasury rows; want 14048 and 10423", len(r.Entities), ofac)
	}
	if merged != 71 || mergedRows != 112 {
		t.Errorf("%d entities merged from several rows, %d rows merged into them; want 71 and 112", merged, mergedRows)
	}
	wantSchemas := map[entity.Schema]int{entity.Person: 5284, entity.Organization: 4423, entity.LegalEntity: 3625,
		entity.Vessel: 433, entity.Airplane: 283}
	for s, n := range wantSchemas {
		if schemas[s] != n {
			t.Errorf("%s: %d, want %d", s, schemas[s], n)
		}
	}
	// Rows by list; the CAP count is one less than its rows because one
	// bank has two CAP rows.
	wantLists := map[string]int{"Specially Designated Nationals (SDN)": 10026, "Entity List (EL)": 2001,
		"ITAR Debarred (DTC)": 727, "Denied Persons List (DPL)": 462, "Sectoral Sanctions Identifications List (SSI)": 290,
		"Unverified List (UVL)": 201, "Nonproliferation Sanctions (ISN)": 163, "Palestinian Legislative Council List (PLC)": 78,
		"Military End User (MEU) List": 71, "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC)": 68,
		"Capta List (CAP)": 52, "Non-SDN Menu-Based Sanctions List (NS-MBS List)": 17, "Foreign Sanctions Evaders (FSE)": 3}
	for l, n := range wantLists {
		if lists[l] != n {
			t.Errorf("%s: %d entities, want %d", l, lists[l], n)
		}
	}
	if got := r.Published.Format("2006-01-02"); got != "2022-04-21" || r.PublishedFrom != "newest-listing-date" {
		t.Errorf("published %s from %s", got, r.PublishedFrom)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings: %+v", r.Warnings)
	}

	rim := sourcetest.Find(t, res, "ofac-21944")
	if rim.Schema != entity.Person || rim.Caption() != "'ABBAS, Rim" || rim.BirthDates[0].String() != "1973-03-25" ||
		len(rim.Nationalities) != 1 || rim.Nationalities[0] != "sy" || rim.Programs[0] != "SYRIA" ||
		rim.Props["position"][0] != "Scientific Studies and Research Center Employee" {
		t.Errorf("ofac-21944 = %+v", rim)
	}
	bank := sourcetest.Find(t, res, "ofac-18291")
	if bank.Caption() != "BANK BELVEB OJSC" || len(bank.Props["sourceList"]) != 3 || strings.Count(bank.Raw.Text, "\n") != 2 {
		t.Errorf("ofac-18291 lists %v", bank.Props["sourceList"])
	}
	ids := map[string]string{}
	for _, id := range bank.Identifiers {
		ids[id.Type] = id.Value
	}
	if ids[entity.IDINN] != "7750004150" || ids[entity.IDSwiftBIC] != "BELBBY2X" || ids[entity.IDLEI] != "25340038P8SYW80B9W34" {
		t.Errorf("ofac-18291 identifiers %+v", bank.Identifiers)
	}
	if rel := bank.Relations; len(rel) != 1 || rel[0].Target != "ofac-17015" {
		t.Errorf("ofac-18291 relations %+v", rel)
	}
	dpl := sourcetest.Find(t, res, "csl-deb7a1d5743a85c354ca1a2c7f2664e2104b32d7")
	if dpl.Caption() != "I. ASH" || dpl.Schema != entity.LegalEntity || dpl.Programs[0] != "Denied Persons List (DPL)" ||
		dpl.Props["topics"][0] != "export.control" || dpl.ListingDate.String() != "2003-06-19" {
		t.Errorf("DPL row = %+v", dpl)
	}
}

func BenchmarkParse(b *testing.B) {
	path := sourcetest.SharedData(b, "us_csl", "trade_gov_csv_2022-04-21", "consolidated.csv.gz")
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	for b.Loop() {
		mustParse(b, path)
	}
}
