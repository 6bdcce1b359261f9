package eu_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source/eu"
	"github.com/vetoscreen/veto/source/sourcetest"
)

const (
	sampleDir  = "fsf_xml_1_1_excerpt_2026-08-05"
	sampleFile = "sample_eu_fsf.xml"
)

// The facts below were checked by hand in the excerpt of the real file.
func TestSnapshotExcerpt(t *testing.T) {
	path := sourcetest.SharedData(t, "eu", sampleDir, sampleFile)
	results := mustParse(t, path)
	r := results[0]
	if want := time.Date(2026, 8, 5, 14, 47, 4, 449e6, time.UTC); !r.Published.Equal(want) || r.PublishedFrom != "file" {
		t.Errorf("published = %v from %q, want %v", r.Published, r.PublishedFrom, want)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings = %+v", r.Warnings)
	}
	var ids []string
	names := 0
	for _, e := range r.Entities {
		ids = append(ids, e.ID+" "+string(e.Schema))
		names += len(e.Names)
	}
	wantIDs := []string{"eu-191 Person", "eu-521 Person", "eu-3822 Organization", "eu-6106 Person", "eu-6177 Person"}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("entities = %v, want %v", ids, wantIDs)
	}
	// Every one of the 45 nameAlias elements is a name.
	if names != 45 {
		t.Errorf("%d names, want 45", names)
	}

	ksm := sourcetest.Find(t, results, "eu-191")
	if ksm.Names[0] != (entity.Name{Full: "Bin Khalid Fahd Bin Adballah", Kind: entity.Primary, Lang: "fr"}) ||
		ksm.Names[5] != (entity.Name{Full: "Khalid Sheikh MOHAMMED", Kind: entity.Alias, First: "Khalid Sheikh", Last: "MOHAMMED", Lang: "en"}) {
		t.Errorf("EU.3579.2 names = %+v", ksm.Names)
	}
	if got := dateStrings(ksm.BirthDates); !slices.Equal(got, []string{"1965-04-14", "1964-03-01"}) || ksm.Gender != "male" {
		t.Errorf("EU.3579.2 birth dates = %v, gender %q", got, ksm.Gender)
	}
	// countryIso2Code="00": no country.
	if ksm.Identifiers[0] != (entity.Identifier{Type: entity.IDPassport, Value: "488555", Label: "National passport"}) {
		t.Errorf("EU.3579.2 identifiers = %+v", ksm.Identifiers)
	}

	jan := sourcetest.Find(t, results, "eu-521")
	if got := dateStrings(jan.BirthDates); !slices.Equal(got, []string{"~1953..1958"}) {
		t.Errorf("EU.502.12 birth dates = %v", got)
	}
	if !slices.Equal(jan.Citizenships, []string{"af"}) || !slices.Equal(jan.Props["title"], []string{"Maulavi"}) ||
		!slices.Equal(jan.BirthPlaces, []string{"Tirin Kot District, Uruzgan Province, AFGHANISTAN", "Kandahar province, AFGHANISTAN"}) ||
		jan.ListingDate.String() != "2001-01-25" || !slices.Equal(jan.Programs, []string{"AFG"}) {
		t.Errorf("EU.502.12 = %v %v %q %v %v", jan.Citizenships, jan.Props, jan.BirthPlaces, jan.ListingDate, jan.Programs)
	}

	pci := sourcetest.Find(t, results, "eu-3822")
	langs := map[string]string{}
	for _, n := range pci.Names {
		langs[n.Full] = n.Lang + "/" + n.Script
	}
	if langs["Tionscail Ceimiceán Parchin"] != "ga/" || langs["Parcsini Vegyipari Vállalat"] != "hu/" || langs["صنایع شیمیایی پارچین"] != "fa/Arab" {
		t.Errorf("EU.3953.70 languages = %v", langs)
	}
	if len(pci.Identifiers) != 1 || pci.Identifiers[0].Type != entity.IDRegistration || pci.Identifiers[0].Value != "892" {
		t.Errorf("EU.3953.70 identifiers = %+v", pci.Identifiers)
	}
	if len(pci.Addresses) != 6 || !slices.Equal(pci.Countries, []string{"ir"}) ||
		!slices.Equal(pci.Props["phone"], []string{"+98 21 2258929", "+98 21 35243153", "+98 21 3130626"}) ||
		!slices.Equal(pci.Props["website"], []string{"http://icig.ir/"}) {
		t.Errorf("EU.3953.70 addresses %d, countries %v, props %v", len(pci.Addresses), pci.Countries, pci.Props)
	}

	dorda := sourcetest.Find(t, results, "eu-6106")
	wantPassport := entity.Identifier{Type: entity.IDPassport, Value: "FK117RK0", Country: "ly", Label: "National passport",
		Note: "issued 2018-11-25; valid to 2026-11-24; issued in Tripoli"}
	if len(dorda.Identifiers) != 1 || dorda.Identifiers[0] != wantPassport {
		t.Errorf("EU.3886.3 identifiers = %+v", dorda.Identifiers)
	}
	if !slices.Equal(dorda.Relations, []entity.Relation{{Type: "sameAs", Target: "un-LYi.006"}}) ||
		!slices.Equal(dateStrings(dorda.BirthDates), []string{"1944-04-04"}) || !slices.Equal(dorda.BirthPlaces, []string{"Alrhaybat"}) {
		t.Errorf("EU.3886.3 = %v %v %q", dorda.Relations, dorda.BirthDates, dorda.BirthPlaces)
	}

	asiri := sourcetest.Find(t, results, "eu-6177")
	// The ISLAMIC birthdate (24/6/1402) is kept by its Gregorian birthdate attribute.
	if got := dateStrings(asiri.BirthDates); !slices.Equal(got, []string{"1982-04-18", "1982-04-19"}) {
		t.Errorf("EU.3092.36 birth dates = %v", got)
	}
	var weak []string
	for _, n := range asiri.Names {
		if n.Kind == entity.WeakAlias {
			weak = append(weak, n.Full)
		}
	}
	if !slices.Equal(weak, []string{"Abu-Salaah", "Abosslah", "Abu Saleh"}) {
		t.Errorf("EU.3092.36 weak aliases = %v", weak)
	}
	passport := asiri.Identifiers[1]
	if passport.Value != "F654645" || passport.Country != "sa" || !strings.HasPrefix(passport.Note, "known expired; issued 2005-04-30; valid to 2010-03-07") {
		t.Errorf("EU.3092.36 passport = %+v", passport)
	}
}

func BenchmarkParseExcerpt(b *testing.B) {
	path := sourcetest.SharedData(b, "eu", sampleDir, sampleFile)
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	for b.Loop() {
		if _, err := eu.Parse(context.Background(), []string{path}); err != nil {
			b.Fatal(err)
		}
	}
}
