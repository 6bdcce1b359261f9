package resolve

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
)

// listing is one listed entity with the facts resolution weighs, read
// once.
type listing struct {
	e     *entity.Entity
	cand  *match.Candidate
	lists []string
	// dobs are the full dates of birth (known to the day), "1950-03-21".
	dobs []string
	// years are the spans of years of every date of birth.
	years  [][2]int
	gender string
	// ids are the identifying numbers, normalised.
	ids []ident
	// countries are every country code the listing is linked to.
	countries []string
	// places are the cities and streets of its addresses, folded.
	places []string
	// relations are the publishers' relations of the listing.
	relations []entity.Relation
}

// ident is an identifying number: kind is the class of number (passport,
// imo, bic …), value its letters and digits in upper case.
type ident struct {
	kind, value, country string
}

// newListing reads a listing from its candidate in the index and its
// records: one per list that carries it.
func newListing(c *match.Candidate, lists []string, recs []*entity.Entity) *listing {
	e := c.Entity
	l := &listing{e: e, cand: c, lists: lists, gender: e.Gender}
	for _, d := range e.BirthDates {
		if !d.IsRange() && d.From.Day > 0 {
			l.dobs = append(l.dobs, d.From.String())
		}
		if !d.IsZero() {
			first, last := d.Bounds()
			l.years = append(l.years, [2]int{first / 10000, last / 10000})
		}
	}
	add := func(cs ...string) {
		for _, x := range cs {
			if x != "" && !slices.Contains(l.countries, x) {
				l.countries = append(l.countries, x)
			}
		}
	}
	add(e.Nationalities...)
	add(e.Citizenships...)
	add(e.Countries...)
	for _, r := range recs {
		for _, id := range r.Identifiers {
			if x, ok := identOf(id); ok && !slices.Contains(l.ids, x) {
				l.ids = append(l.ids, x)
			}
		}
		add(r.Props["flag"]...)
		for _, a := range r.Addresses {
			add(a.Country)
			for _, p := range []string{a.City, a.Street} {
				if f := fold(p); len(f) >= 3 && !slices.Contains(l.places, f) {
					l.places = append(l.places, f)
				}
			}
		}
		l.relations = append(l.relations, r.Relations...)
	}
	return l
}

func (l *listing) person() bool { return l.e.Schema == entity.Person }
func (l *listing) org() bool    { return l.e.Schema.IsOrganization() }

// query is the listing's names as a query: the primary name, then strong
// aliases, at most n names.
func (l *listing) query(n int) match.Query {
	q := match.Query{Subject: entity.Subject{Schema: l.e.Schema}}
	if q.Schema == entity.LegalEntity {
		q.Schema = ""
	}
	for _, nm := range l.e.Names {
		if nm.Kind == entity.WeakAlias || len(nm.Full) > match.MaxNameLength {
			continue
		}
		switch {
		case q.Name == "":
			q.Name = nm.Full
		case len(q.Aliases)+1 < n && !slices.Contains(q.Aliases, nm.Full) && nm.Full != q.Name:
			q.Aliases = append(q.Aliases, nm.Full)
		}
	}
	return q
}

// yearsMeet reports whether the listings' years of birth overlap, give or
// take one, or one of them has none.
func (l *listing) yearsMeet(o *listing) bool {
	if len(l.years) == 0 || len(o.years) == 0 {
		return true
	}
	// Years one apart meet: publishers round an approximate year of birth
	// differently ("1949", "circa 1950").
	for _, a := range l.years {
		for _, b := range o.years {
			if a[0]-1 <= b[1] && b[0]-1 <= a[1] {
				return true
			}
		}
	}
	return false
}

// idCountry returns the country of the listing's identifier with key k
// ("passport 123456"), or "".
func (l *listing) idCountry(k string) string {
	for _, id := range l.ids {
		if id.kind+" "+id.value == k {
			return id.country
		}
	}
	return ""
}

// contradicts reports whether two listings cannot be one subject: they
// are on one list (a publisher lists a party once), of incompatible
// schemata, or their full dates of birth, genders, IMO numbers or
// registration numbers in one country differ, their years of birth lie
// more than maxYearsApart apart, or they are organisations of different
// countries.
func contradicts(a, b *listing) bool {
	switch {
	case impossible(a, b):
		return true
	case len(a.dobs) > 0 && len(b.dobs) > 0 && !dayMet(a.dobs, b.dobs):
		return true
	case yearsApart(a.years, b.years) > maxYearsApart:
		// Publishers disagree on a year of birth by one or two, not
		// by a generation: a passport number a list gives two people
		// is the list's mistake ("SALAMI, Hossein", born 1960, and
		// "JAFARI, Milad", born 1974).
		return true
	case a.gender != "" && b.gender != "" && a.gender != b.gender:
		return true
	case a.org() && b.org() && len(a.countries) > 0 && len(b.countries) > 0 && !overlap(a.countries, b.countries):
		// A branch of an organisation abroad is listed on its own
		// (AL-HARAMAIN: THE NETHERLANDS BRANCH, … AFGHANISTAN BRANCH).
		return true
	}
	return differ(a, b, "imo", false) || differ(a, b, "registration", true)
}

// maxYearsApart is the most years between two listings' dates of birth
// (the nearest of each's spans) that one person's listings show.
const maxYearsApart = 10

// yearsApart returns how many years lie between the nearest of the spans
// of years of a and b (0 when either has none, or spans meet).
func yearsApart(a, b [][2]int) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	gap := math.MaxInt
	for _, x := range a {
		for _, y := range b {
			switch {
			case x[1] < y[0]:
				gap = min(gap, y[0]-x[1])
			case y[1] < x[0]:
				gap = min(gap, x[0]-y[1])
			default:
				return 0
			}
		}
	}
	return gap
}

// impossible reports whether two listings cannot be one subject whatever
// their publishers say: they are of one list, or of incompatible
// schemata. Publishers' cross-references are sometimes wrong (a reference
// number reassigned, a row's reference copied from its neighbour), and
// these facts catch it.
//
// A listing's list is the one it was read from, not every list that
// carries it: the consolidated screening list carries each OFAC listing
// too, and a listing of the Entity List that only it carries is the
// OFAC listing's other half, not its rival.
func impossible(a, b *listing) bool {
	return entryOf(a.e) == entryOf(b.e) || !compatible(a.e.Schema, b.e.Schema)
}

// entryOf is the register a listing is an entry of, of which no two
// entries are one subject: its list, but OFAC's for every listing with
// an OFAC number (SDN, non-SDN, and a row only the consolidated
// screening list still carries), which numbers all its entries in one
// series.
func entryOf(e *entity.Entity) string {
	if strings.HasPrefix(e.ID, "ofac-") {
		return "ofac"
	}
	return e.List
}

// differ reports whether both listings carry identifiers of kind (in one
// country, when byCountry) and share none.
func differ(a, b *listing, kind string, byCountry bool) bool {
	for _, x := range a.ids {
		if x.kind != kind {
			continue
		}
		seen, same := false, false
		for _, y := range b.ids {
			if y.kind != kind || byCountry && (x.country == "" || x.country != y.country) {
				continue
			}
			seen = true
			if x.value == y.value {
				same = true
			}
		}
		if seen && !same {
			return true
		}
	}
	return false
}

// compatible reports whether two schemata can describe one subject.
func compatible(a, b entity.Schema) bool {
	switch {
	case a == b:
		return true
	case a == entity.LegalEntity || b == entity.LegalEntity:
		return a != entity.Vessel && b != entity.Vessel && a != entity.Airplane && b != entity.Airplane
	}
	return a.IsOrganization() && b.IsOrganization()
}

// identOf reads an identifier as a number that names one subject, if it
// is one: a passport, national ID, tax or registration number with enough
// digits not to be a placeholder, an IMO or MMSI number of the right
// length, a BIC, a LEI, an ISIN or a crypto address.
func identOf(id entity.Identifier) (ident, bool) {
	v := alnum(id.Value)
	x := ident{value: v, country: id.Country}
	switch id.Type {
	case entity.IDPassport:
		x.kind = "passport"
	case entity.IDNational:
		x.kind = "id"
	case entity.IDTax:
		x.kind = "tax"
	case entity.IDINN:
		x.kind, x.country = "tax", "ru"
	case entity.IDRegistration:
		x.kind = "registration"
	case entity.IDOGRN:
		x.kind, x.country = "registration", "ru"
	case entity.IDIMO:
		v = strings.TrimPrefix(v, "IMO")
		return ident{kind: "imo", value: v}, len(v) == 7 && digits(v) == 7
	case entity.IDMMSI:
		return ident{kind: "mmsi", value: v}, len(v) == 9 && digits(v) == 9
	case entity.IDSwiftBIC:
		// A BIC of eight letters is the head office: the same as its
		// eleven-letter form ending in XXX.
		v = strings.TrimSuffix(v, "XXX")
		return ident{kind: "bic", value: v}, len(v) == 8 || len(v) == 11
	case entity.IDLEI:
		return ident{kind: "lei", value: v}, len(v) == 20
	case entity.IDISIN:
		return ident{kind: "isin", value: v}, len(v) == 12
	case entity.IDCrypto:
		// Addresses are case-sensitive except hexadecimal ones.
		w := strings.TrimSpace(id.Value)
		if strings.HasPrefix(w, "0x") || strings.HasPrefix(w, "0X") {
			w = strings.ToLower(w)
		}
		return ident{kind: "crypto", value: w}, len(w) >= 20
	default:
		return ident{}, false
	}
	return x, len(v) >= 5 && digits(v) >= 3
}

func alnum(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

func digits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// fold is an address part compared: letters and digits in lower case,
// single spaces.
func fold(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// sharedDate returns a date of a that b holds too, or nearly: with day
// and month swapped (publishers write 03/01/1957 and 01/03/1957 for one
// date) or one day apart (a date stored as midnight in one time zone and
// published in another: the UK lists several UN designees one day off).
func sharedDate(a, b []string) (string, bool) {
	if d := shared(a, b); d != "" {
		return d, true
	}
	for _, x := range a {
		for _, y := range b {
			switch {
			case swapped(x, y):
				return x + " (" + y + ": day and month swapped)", true
			case nextDay(x) == y || nextDay(y) == x:
				return x + " (" + y + ": one day apart)", true
			}
		}
	}
	return "", false
}

// nextDay returns the day after d, YYYY-MM-DD, or "" when d is no date.
func nextDay(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, 1).Format(time.DateOnly)
}

func dayMet(a, b []string) bool {
	_, ok := sharedDate(a, b)
	return ok
}

// swap returns a date, YYYY-MM-DD, with day and month swapped, or "" when
// that is no other date.
func swap(d string) string {
	if len(d) != 10 || d[5:7] == d[8:10] || d[8:10] > "12" {
		return ""
	}
	return d[:5] + d[8:10] + "-" + d[5:7]
}

// swapped reports whether two dates, YYYY-MM-DD, are one year with day
// and month swapped.
func swapped(x, y string) bool {
	return len(x) == 10 && len(y) == 10 && x[:4] == y[:4] && x[5:7] == y[8:10] && x[8:10] == y[5:7]
}
