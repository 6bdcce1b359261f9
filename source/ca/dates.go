package ca

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

var orRe = regexp.MustCompile(`(?i)\s+or\s+`)

// parseDates reads DateOfBirthOrShipBuildDate: mostly an ISO date or
// prefix ("1965-04-29", "1972", "1972-08"), sometimes alternatives joined
// by "or"/"OR" ("1963 or 1964"), a year range ("1963-1964") or a phrase
// ("born in the early 1970s"). It returns the dates it read and the
// parts it could not read.
func parseDates(s string) (dates []entity.DateRange, bad []string) {
	for _, part := range orRe.Split(cleanSpace(s), -1) {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		d, ok := parseDate(part)
		if !ok {
			bad = append(bad, part)
			continue
		}
		dates = append(dates, d)
	}
	return dates, bad
}

func parseDate(s string) (entity.DateRange, bool) {
	if d, err := entity.ParseDate(s); err == nil {
		return entity.DateRange{From: d}, true
	}
	if r, err := source.ParseDateText(s); err == nil {
		return r, true
	}
	return decade(s)
}

var decadeRe = regexp.MustCompile(`(?i)^(?:born\s+)?(?:in\s+)?(?:the\s+)?(early|mid|late)?[\s-]*(\d{3}0)'?s$`)

// decade reads "born in the early 1970s" as the approximate range
// 1970..1973 ("mid": 1974..1976, "late": 1977..1979, none: the decade).
func decade(s string) (entity.DateRange, bool) {
	m := decadeRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return entity.DateRange{}, false
	}
	y, _ := strconv.Atoi(m[2])
	from, to := y, y+9
	switch strings.ToLower(m[1]) {
	case "early":
		to = y + 3
	case "mid":
		from, to = y+4, y+6
	case "late":
		from = y + 7
	}
	return entity.DateRange{From: entity.Date{Year: from}, To: entity.Date{Year: to}, Approx: true}, true
}
