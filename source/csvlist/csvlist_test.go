package csvlist

import (
	"context"
	"encoding/csv"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
)

func TestParse(t *testing.T) {
	m, err := batch.ParseMapping("id=ref,name=full_name,schema=kind,dob=birth_date,country=nationality,id_number=passport,alias=aka")
	if err != nil {
		t.Fatal(err)
	}
	errorsPath := filepath.Join(t.TempDir(), "bank.errors.csv")
	res, rep, err := Parse(context.Background(), "testdata/bank.csv", Options{List: "bank-blocks", Prefix: "bank", Read: batch.ReadOptions{Map: m}, ErrorsPath: errorsPath})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 7 || rep.Errors != 3 || rep.Warnings != 1 {
		t.Errorf("report %+v, want 7 rows, 3 errors, 1 warning", rep)
	}
	byID := map[string]*entity.Entity{}
	for _, e := range res.Entities {
		if err := e.Validate(); err != nil {
			t.Error(err)
		}
		byID[e.ID] = e
	}
	if len(byID) != 4 {
		t.Fatalf("entities %v, want B-1, B-2, B-3, B-5", slices.Sorted(maps.Keys(byID)))
	}
	jovan := byID["bank-B-1"]
	if jovan.Schema != entity.Person || len(jovan.Names) != 2 || jovan.Names[1].Full != "Joco Markovski" ||
		len(jovan.BirthDates) != 1 || jovan.BirthDates[0].From.String() != "1971-04-12" || !slices.Equal(jovan.Countries, []string{"mk"}) ||
		len(jovan.Identifiers) != 1 || jovan.Identifiers[0].Value != "P998877" || jovan.List != "bank-blocks" || jovan.Raw.Format != "csv" {
		t.Errorf("B-1 = %+v", jovan)
	}
	if c := byID["bank-B-2"]; c.Schema != entity.Company || c.Caption() != "Adriatic Shell Trading Ltd" {
		t.Errorf("B-2 = %+v: the first row of an ID is kept", c)
	}
	if o := byID["bank-B-5"]; len(o.BirthDates) != 0 || o.Caption() != "Olga Bad-Date" {
		t.Errorf("B-5 = %+v: screened without its impossible date", o)
	}

	f, err := os.Open(errorsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range recs[1:] {
		lines = append(lines, r[0]+" "+r[1])
	}
	for _, want := range []string{"5 ", "6 ", "7 ", "8 "} {
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, want) }) {
			t.Errorf("errors file lacks line %s: %q", want, lines)
		}
	}
	for _, want := range []string{"no id", `"B-2" again (first on line 3)`} {
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, want) }) {
			t.Errorf("errors file lacks %q: %q", want, lines)
		}
	}
}
