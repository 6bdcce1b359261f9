package ca

import (
	"os"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// TestSnapshot reads the real list of May 2025 and checks facts an
// analyst can verify in the file.
func TestSnapshot(t *testing.T) {
	path := sourcetest.SharedData(t, "ca", "sema_2025-05", "sema-lmes.xml")
	res := mustParse(t, path)
	if len(res) != 1 {
		t.Fatalf("%d results", len(res))
	}
	r := res[0]
	schemas := map[entity.Schema]int{}
	aliases := 0
	for _, e := range r.Entities {
		schemas[e.Schema]++
		if strings.Contains(e.Raw.Text, "<Aliases>") {
			aliases++
		}
	}
	if len(r.Entities) != 4759 || schemas[entity.Person] != 3334 || schemas[entity.Vessel] != 109 ||
		schemas[entity.Organization] != 1316 || aliases != 2877 {
		t.Errorf("entities = %d %v, with Aliases %d; want 4759 (3334 persons, 109 vessels, 1316 organisations), 2877", len(r.Entities), schemas, aliases)
	}
	if got := r.Published.Format("2006-01-02"); got != "2025-03-20" || r.PublishedFrom != "newest-listing-date" {
		t.Errorf("published %s from %s", got, r.PublishedFrom)
	}
	// The one documented warning: "Sep-99" is the date of birth given for
	// Alexey Mordashov, which cannot be read.
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].Message, `"Sep-99"`) {
		t.Errorf("warnings = %+v", r.Warnings)
	}

	luka := sourcetest.Find(t, res, "ca-belarus-1-part-1-8")
	if luka.Caption() != "Aleksandr Grigoryevich Lukashenko" || luka.BirthDates[0].String() != "1954-08-30" ||
		luka.ListingDate.String() != "2020-09-28" || luka.Programs[0] != "Belarus / Bélarus" {
		t.Errorf("Lukashenko = %+v", luka)
	}
	lavrov := sourcetest.Find(t, res, "ca-russia-1-part-1-505")
	wantNames(t, lavrov, "name:Sergei Viktorovich LAVROV", "alias:Сергей Викторович Лавров", "alias:Sergey Lavrov")
	if lavrov.BirthDates[0].String() != "1950" {
		t.Errorf("Lavrov born %v", lavrov.BirthDates)
	}
	ship := sourcetest.Find(t, res, "ca-russia-1-1-1")
	if ship.Schema != entity.Vessel || ship.Caption() != "Balitiyskiy III" || ship.Identifiers[0].Value != "7612448" ||
		ship.BirthDates[0].String() != "1980" || ship.Props["vesselType"][0] != "General Cargo / Multi Purpose" {
		t.Errorf("Balitiyskiy III = %+v", ship)
	}
	irgc := sourcetest.Find(t, res, "ca-iran-1-part-1-136")
	wantNames(t, irgc, "name:Islamic Revolutionary Guard Corps", "alias:Corps des Gardiens de la Révolution islamique",
		"alias:IRGC", "alias:Army of the Guardians of the Islamic Revolution", "alias:Iranian Revolutionary Guards")
	// Belarusian and Russian forms are labelled in the Aliases text.
	nikolai := sourcetest.Find(t, res, "ca-belarus-1-part-1-120")
	if n := nikolai.Names[len(nikolai.Names)-2]; n.Full != "Николай Александрович Лукашенко" || n.Lang != "ru" || n.Script != "Cyrl" {
		t.Errorf("Nikolai Lukashenko's Russian name = %+v", n)
	}
	// "born in the early 1970s"
	if e := sourcetest.Find(t, res, "ca-sudan-part-1-1"); e.BirthDates[0].String() != "~1970..1973" {
		t.Errorf("early 1970s = %v", e.BirthDates)
	}
	// A regulation without schedules.
	if e := sourcetest.Find(t, res, "ca-zimbabwe-174"); e.Caption() != "Rido Mpofu" {
		t.Errorf("ca-zimbabwe-174 = %s", e.Caption())
	}
	// An alias written into the name: "(also known as ...)".
	dux := findByName(t, r.Entities, "Dux JSC")
	wantNames(t, dux, "name:Dux JSC", "alias:Duks")
}

func wantNames(t *testing.T, e *entity.Entity, want ...string) {
	t.Helper()
	for i, w := range want {
		if i >= len(e.Names) || string(e.Names[i].Kind)+":"+e.Names[i].Full != w {
			t.Errorf("%s: names = %+v, want %v", e.ID, e.Names, want)
			return
		}
	}
}

func findByName(t *testing.T, es []*entity.Entity, name string) *entity.Entity {
	t.Helper()
	for _, e := range es {
		if e.Caption() == name {
			return e
		}
	}
	t.Fatalf("no entity named %q", name)
	return nil
}

func BenchmarkParse(b *testing.B) {
	path := sourcetest.SharedData(b, "ca", "sema_2025-05", "sema-lmes.xml")
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	for b.Loop() {
		mustParse(b, path)
	}
}
