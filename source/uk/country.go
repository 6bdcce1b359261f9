package uk

import (
	"regexp"
	"strings"

	"github.com/vetoscreen/veto/countries"
)

var (
	// "Former USSR Currently Ukraine", "Ukrainian SSR (now Ukraine)".
	nowRe = regexp.MustCompile(`(?i)\b(?:now|currently)\b[\s:]*(.+)$`)
	// "Iraq (previous address)", "Azerbaijan (former USSR)".
	parenRe = regexp.MustCompile(`\s*\([^)]*\)`)
	// "Kazakh SSR", "Kazakh Soviet Socialist Republic", "Komi ASSR".
	ssrRe = regexp.MustCompile(`(?i)\s+(?:autonomous\s+)?(?:a?ssr|sfsr|soviet socialist republic)$`)
	// "Former German Democratic Republic".
	formerRe = regexp.MustCompile(`(?i)^former\s+`)
	// "Estonia, Russia", "Germany. Russia", "Panama. South Korea".
	listSepRe = regexp.MustCompile(`\s*[.,;]\s+|\s+/\s+`)
)

// countryCodes reads a country as the UK lists write it into ISO codes.
// Besides plain names it understands historical forms, which it maps to
// the present country the publisher names ("Former USSR Currently
// Ukraine" is ua), remarks in brackets, and several countries in one
// cell. ok is false when any part is not a country; an empty cell or "-"
// gives no codes and ok.
func countryCodes(s string) (codes []string, ok bool) {
	return resolveCountry(s, 0)
}

func resolveCountry(s string, depth int) ([]string, bool) {
	s = strings.Trim(strings.TrimSpace(s), " .,;:-\u00a0")
	if s == "" {
		return nil, true
	}
	if c, ok := lookupCountry(s); ok {
		return []string{c}, true
	}
	if depth > 3 {
		return nil, false
	}
	if m := nowRe.FindStringSubmatch(s); m != nil {
		if codes, ok := resolveCountry(m[1], depth+1); ok && len(codes) > 0 {
			return codes, true
		}
	}
	if t := parenRe.ReplaceAllString(s, ""); t != s && strings.TrimSpace(t) != "" {
		if codes, ok := resolveCountry(t, depth+1); ok && len(codes) > 0 {
			return codes, true
		}
	}
	if t := ssrRe.ReplaceAllString(s, ""); t != s {
		if c, ok := lookupCountry(t); ok {
			return []string{c}, true
		}
	}
	if t := formerRe.ReplaceAllString(s, ""); t != s {
		if c, ok := lookupCountry(t); ok {
			return []string{c}, true
		}
	}
	return resolveCountryList(s, depth)
}

// resolveCountryList reads "Estonia, Russia" and "Russia. Former USSR":
// every part must be a country, except parts naming a former state.
func resolveCountryList(s string, depth int) ([]string, bool) {
	parts := listSepRe.Split(s, -1)
	if len(parts) < 2 {
		return nil, false
	}
	var codes []string
	for _, p := range parts {
		if formerRe.MatchString(p) {
			continue
		}
		c, ok := resolveCountry(p, depth+1)
		if !ok {
			return nil, false
		}
		codes = append(codes, c...)
	}
	return codes, len(codes) > 0
}

// lookupCountry looks a country name up.
func lookupCountry(s string) (string, bool) { return countries.Code(s) }

// idWordRe finds the leading words of an identifier's remark, up to the
// first punctuation.
var idWordRe = regexp.MustCompile(`^[\p{L}' -]+`)

// identifierCountry returns the issuing country named at the start of an
// identifier's remark, or "": "Afghanistan passport number P04581926,
// issued in Kandahar", "India number, issued on 4 Jun. 1985", "Syria
// diplomatic passport", "United Republic of Tanzania expires 11 Dec. 2026",
// "Russian foreign travel passport number". The longest run of up to four
// leading words that is a country wins; runs shorter than four letters
// count only when written in capitals ("UK", "USA"), so that a remark's
// first word is not read as an ISO code.
func identifierCountry(note string) string {
	words := strings.Fields(idWordRe.FindString(strings.TrimLeft(note, " (")))
	for n := min(4, len(words)); n > 0; n-- {
		cand := strings.Join(words[:n], " ")
		if len(cand) < 4 && cand != strings.ToUpper(cand) {
			continue
		}
		if c, ok := lookupCountry(cand); ok {
			return c
		}
	}
	return ""
}
