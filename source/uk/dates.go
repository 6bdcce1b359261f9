package uk

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// monthYearRe matches a date of birth known to the month: "05/1972".
var monthYearRe = regexp.MustCompile(`^(\d{1,2})/(\d{4})$`)

// parseBirthDate reads a UK date of birth: "21/03/1950", "dd/mm/1972",
// "00/00/1972", "00/08/1977", "05/1972" or "1946".
func parseBirthDate(s string) (entity.DateRange, error) {
	s = strings.TrimSpace(s)
	if m := monthYearRe.FindStringSubmatch(s); m != nil {
		month, _ := strconv.Atoi(m[1])
		year, _ := strconv.Atoi(m[2])
		d := entity.Date{Year: year, Month: month}
		if err := d.Validate(); err != nil {
			return entity.DateRange{}, fmt.Errorf("date %q: %w", s, err)
		}
		return entity.DateRange{From: d}, nil
	}
	return source.ParseDateText(s)
}

// parseDay reads a dd/mm/yyyy date such as a listing date. A partial date
// ("00/00/2001") gives its known part.
func parseDay(s string) (entity.Date, error) {
	if t, err := source.ParseDayFirst(s); err == nil {
		return entity.DateOf(t), nil
	}
	r, err := parseBirthDate(s)
	if err != nil {
		return entity.Date{}, err
	}
	if r.IsRange() || r.Approx {
		return entity.Date{}, fmt.Errorf("date %q is not a single day", s)
	}
	return r.From, nil
}

// published turns a dd/mm/yyyy publication date into a time at midnight UTC.
func published(s string) (time.Time, error) {
	return source.ParseDayFirst(s)
}

// timeOf returns the first day a date may stand for, at midnight UTC.
func timeOf(d entity.Date) time.Time {
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}
