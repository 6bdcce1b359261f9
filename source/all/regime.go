package all

import (
	"slices"
	"strings"
)

// The regime rule. A list's regime (its jurisdiction, as screening
// profiles, --regimes and the API's "regimes" name it: "us", "un", ...) is
// its publisher's Jurisdiction. This file is the one place that derives
// it, so that adding a publisher (or a list to one) cannot leave a second
// hand-written copy of the rule behind in screen, api, web or the CLI.

// jurisdictions maps every list name a publisher knows to the
// publisher's jurisdiction, and regimes holds the distinct jurisdictions
// in publisher order. Both are built once: Jurisdiction is called per
// candidate when screening is restricted to regimes, so it must be a map
// look-up, not a walk over the publishers.
var jurisdictions, regimes = func() (map[string]string, []string) {
	m := map[string]string{}
	var rs []string
	for _, p := range Publishers() {
		for _, l := range p.Lists {
			m[l.Name] = p.Jurisdiction
		}
		if !slices.Contains(rs, p.Jurisdiction) {
			rs = append(rs, p.Jurisdiction)
		}
	}
	return m, rs
}()

// Jurisdiction returns the sanctions regime list belongs to: the
// Jurisdiction of the publisher that publishes it ("us" for ofac-sdn and
// us-csl, "un" for un-sc, ...).
//
// A list no publisher knows (a list retired from veto but still in a
// store, or one made up in a test) belongs to the publisher whose name
// prefixes it ("ofac-old" is "us"), else to the text before its first
// '-' ("xx-list" is "xx"), so that it can still be selected by a regime
// name.
func Jurisdiction(list string) string {
	if j, ok := jurisdictions[list]; ok {
		return j
	}
	if li, ok := userInfo(list); ok {
		return li.Jurisdiction
	}
	prefix, _, _ := strings.Cut(list, "-")
	for _, p := range Publishers() {
		if p.Name == prefix {
			return p.Jurisdiction
		}
	}
	return prefix
}

// ListRegimes returns the distinct regimes of lists, in order of first
// appearance.
func ListRegimes(lists []string) []string {
	out := make([]string, 0, 2)
	for _, l := range lists {
		if j := Jurisdiction(l); !slices.Contains(out, j) {
			out = append(out, j)
		}
	}
	return out
}

// Regimes returns every regime veto screens against, in publisher order
// ("us", "un", "eu", "uk", "ca", "au"), then those only imported lists
// belong to, by name: the values a request, a profile or --regimes may
// name. The caller owns the slice.
func Regimes() []string { return append(slices.Clone(regimes), userRegimes()...) }

// IsRegime reports whether r is one of Regimes.
func IsRegime(r string) bool { return slices.Contains(regimes, r) || slices.Contains(userRegimes(), r) }
