package web

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
)

// verdict says whether a customer's field and the listing's say the
// same party: what clears most false positives is a fact that differs.
type verdict string

const (
	agrees  verdict = "agrees"
	differs verdict = "differs"
	unknown verdict = "unknown"
)

// fieldRow is one field of the alert page's comparison: the values on
// each side as shown, the verdict, and the evidence for it in words.
type fieldRow struct {
	Field            string
	Customer, Listed []string
	Verdict          verdict
	Evidence         string
}

// compareFields sets a customer beside a listed record, field by field.
// The listing may be nil (the store no longer has it): its side is then
// unknown, but for the name the explanation still tells. Dates compare by
// the precision each side gives (1965 agrees with 1965-09-11), and
// identifiers as the matcher folds them.
func compareFields(c entity.Subject, e *entity.Entity, ex *match.Explanation) []fieldRow {
	if e == nil {
		e = &entity.Entity{}
	}
	return []fieldRow{
		compareName(c, ex),
		compareKind(c.Schema, e.Schema),
		compareBirthDate(c.BirthDate, e.BirthDates),
		compareCountry(c.Country, e),
		compareGender(c.Gender, e.Gender),
		compareIdentifier(c.IDNumber, e.Identifiers),
		compareAddress(e.Addresses),
	}
}

func compareName(c entity.Subject, ex *match.Explanation) fieldRow {
	r := fieldRow{Field: "Name", Customer: append([]string{c.Name}, c.Aliases...), Verdict: unknown,
		Evidence: "no explanation was stored with the alert"}
	if ex == nil {
		return r
	}
	r.Listed = []string{ex.Name}
	switch {
	case len(ex.Contradictions) > 0:
		var parts []string
		for _, x := range ex.Contradictions {
			parts = append(parts, fmt.Sprintf("%s %s against %s", x.What, x.Query, x.Name))
		}
		r.Verdict, r.Evidence = differs, "the names contradict: "+strings.Join(parts, "; ")
	case len(ex.UnmatchedQuery) > 0:
		var words []string
		for _, t := range ex.UnmatchedQuery {
			words = append(words, t.Token)
		}
		r.Verdict, r.Evidence = differs, fmt.Sprintf("the customer's %s met no listed word (name score %.2f)", strings.Join(words, ", "), ex.NameScore)
	default:
		r.Verdict, r.Evidence = agrees, fmt.Sprintf("every word of the customer's name met a listed word (name score %.2f)", ex.NameScore)
	}
	return r
}

func compareKind(c, e entity.Schema) fieldRow {
	r := fieldRow{Field: "Kind", Customer: nonEmpty(string(c)), Listed: nonEmpty(string(e))}
	switch {
	case c == "" || e == "":
		r.Verdict, r.Evidence = unknown, notGiven(c == "", e == "")
	case entity.Compatible(c, e):
		r.Verdict, r.Evidence = agrees, fmt.Sprintf("a %s may be listed as a %s", c, e)
	default:
		r.Verdict, r.Evidence = differs, fmt.Sprintf("a %s is not a %s", c, e)
	}
	return r
}

func compareBirthDate(c string, listed []entity.DateRange) fieldRow {
	r := fieldRow{Field: "Date of birth", Customer: nonEmpty(c)}
	for _, d := range listed {
		r.Listed = append(r.Listed, d.String())
	}
	q, err := entity.ParseDateInput(c, entity.DayFirst)
	switch {
	case err != nil:
		r.Verdict, r.Evidence = unknown, fmt.Sprintf("the customer's date %q cannot be read", c)
		return r
	case q.IsZero() || len(listed) == 0:
		r.Verdict, r.Evidence = unknown, notGiven(q.IsZero(), len(listed) == 0)
		return r
	}
	for _, d := range listed {
		if q.Overlaps(d) {
			r.Verdict = agrees
			if q == d {
				r.Evidence = fmt.Sprintf("the same date, %s", d)
			} else {
				r.Evidence = fmt.Sprintf("%s and %s may be the same date, as far as each is known", q, d)
			}
			return r
		}
	}
	r.Verdict, r.Evidence = differs, fmt.Sprintf("%s cannot be %s", q, strings.Join(r.Listed, " nor "))
	return r
}

// compareCountry looks for the customer's country among every country
// the listing names: nationality, citizenship, residence, registration,
// address.
func compareCountry(c string, e *entity.Entity) fieldRow {
	r := fieldRow{Field: "Nationality / country", Customer: nonEmpty(c)}
	var codes []string
	add := func(role string, cs ...string) {
		for _, code := range cs {
			if code != "" && !slices.Contains(codes, code) {
				codes = append(codes, code)
				r.Listed = append(r.Listed, countryName(code)+" ("+role+")")
			}
		}
	}
	add("nationality", e.Nationalities...)
	add("citizenship", e.Citizenships...)
	add("country", e.Countries...)
	for _, a := range e.Addresses {
		add("address", a.Country)
	}
	code, ok := match.CountryCode(c)
	if ok {
		r.Customer = []string{countryName(code)}
	}
	switch {
	case c != "" && !ok:
		r.Verdict, r.Evidence = unknown, fmt.Sprintf("the customer's country %q is not one veto knows", c)
	case c == "" || len(codes) == 0:
		r.Verdict, r.Evidence = unknown, notGiven(c == "", len(codes) == 0)
	case slices.Contains(codes, code):
		r.Verdict, r.Evidence = agrees, countryName(code)+" is among the listing's countries"
	default:
		r.Verdict, r.Evidence = differs, countryName(code)+" is none of the listing's countries"
	}
	return r
}

func compareGender(c, e string) fieldRow {
	g := match.Gender(c)
	r := fieldRow{Field: "Gender", Customer: nonEmpty(c), Listed: nonEmpty(e)}
	switch {
	case c != "" && g == "":
		r.Verdict, r.Evidence = unknown, fmt.Sprintf("the customer's gender %q is neither male nor female", c)
	case g == "" || e == "":
		r.Verdict, r.Evidence = unknown, notGiven(g == "", e == "")
	case g == e:
		r.Verdict, r.Evidence = agrees, "both "+e
	default:
		r.Verdict, r.Evidence = differs, fmt.Sprintf("%s against %s", g, e)
	}
	return r
}

func compareIdentifier(c string, listed []entity.Identifier) fieldRow {
	r := fieldRow{Field: "Identifiers", Customer: nonEmpty(c)}
	for _, id := range listed {
		r.Listed = append(r.Listed, identifierText(id))
	}
	n := match.NormID(c)
	switch {
	case c != "" && n == "":
		r.Verdict, r.Evidence = unknown, fmt.Sprintf("the customer's identifier %q has no letter or digit", c)
		return r
	case n == "" || len(listed) == 0:
		r.Verdict, r.Evidence = unknown, notGiven(n == "", len(listed) == 0)
		return r
	}
	for _, id := range listed {
		if match.NormID(id.Value) == n {
			r.Verdict, r.Evidence = agrees, fmt.Sprintf("%s is listed: %s", c, identifierText(id))
			return r
		}
	}
	r.Verdict, r.Evidence = differs, fmt.Sprintf("%s is none of the %d listed identifiers (compared without spaces, dashes and case)", c, len(listed))
	return r
}

// compareAddress shows the listed addresses: a customer record holds no
// address to compare (its country is compared with theirs).
func compareAddress(listed []entity.Address) fieldRow {
	r := fieldRow{Field: "Address", Verdict: unknown, Evidence: "the customer record holds no address; its country is compared above"}
	for _, a := range listed {
		r.Listed = append(r.Listed, a.Full)
	}
	return r
}

// identifierText is an identifier as shown: its type, value and country.
func identifierText(id entity.Identifier) string {
	s := label(id.Type) + " " + id.Value
	if id.Country != "" {
		s += " (" + countryName(id.Country) + ")"
	}
	return s
}

// countryName is a country's English name for its code, or the code in
// capitals when veto does not know it.
func countryName(code string) string {
	if n := countries.Name(code); n != "" {
		return n
	}
	return strings.ToUpper(code)
}

// notGiven says which side lacks a value.
func notGiven(customer, listed bool) string {
	switch {
	case customer && listed:
		return "neither side gives it"
	case customer:
		return "the customer record does not give it"
	}
	return "the listing does not give it"
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
