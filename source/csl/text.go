package csl

import (
	"strings"

	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// split cuts a multi-valued cell, whose values are joined with "; ".
func split(s string) []string {
	var out []string
	for _, v := range strings.Split(s, "; ") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// countryCode reads an ISO code ("SY") or a country name ("Iran",
// "St. Kitts & Nevis").
func countryCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 2 && countries.Known(s) {
		return strings.ToLower(s), true
	}
	if c, ok := countries.Code(s); ok {
		return c, true
	}
	return "", false
}

// address reads one address: its parts joined with ", ", the last of
// which is mostly an ISO country code ("Agiou Andreou, 332, Limassol,
// 3035, CY"). The parts carry no labels and empty ones are left out, so
// only the country is told apart.
func address(s string) entity.Address {
	a := entity.Address{Full: source.Clean(s)}
	parts := strings.Split(a.Full, ",")
	if code, ok := countryCode(parts[len(parts)-1]); ok {
		a.Country = code
	}
	return a
}

// linkedTo returns the parties named in "(Linked To: A; Linked To: B)"
// remarks. Names may hold brackets ("ISLAMIC REVOLUTIONARY GUARD CORPS
// (IRGC)"), so a name ends at a ";" or ")" outside its own brackets.
func linkedTo(remarks string) []string {
	const marker = "Linked To:"
	var out []string
	for rest := remarks; ; {
		i := strings.Index(rest, marker)
		if i < 0 {
			return out
		}
		rest = rest[i+len(marker):]
		depth, end := 0, len(rest)
	scan:
		for j, r := range rest {
			switch r {
			case '(':
				depth++
			case ')':
				if depth == 0 {
					end = j
					break scan
				}
				depth--
			case ';':
				if depth == 0 {
					end = j
					break scan
				}
			}
		}
		if name := strings.TrimSpace(rest[:end]); name != "" {
			out = append(out, name)
		}
		rest = rest[end:]
	}
}

func addString(list *[]string, s string) {
	if s = strings.TrimSpace(s); s == "" {
		return
	}
	for _, x := range *list {
		if x == s {
			return
		}
	}
	*list = append(*list, s)
}

func addAddress(e *entity.Entity, a entity.Address) {
	if a.Full == "" {
		return
	}
	for _, x := range e.Addresses {
		if x == a {
			return
		}
	}
	e.Addresses = append(e.Addresses, a)
}
