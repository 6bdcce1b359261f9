package batch

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Meter shows the progress of a run: on a terminal, a bar with the rows
// per second and the time left, redrawn in place; elsewhere (a log file,
// a CI job) a plain line every few seconds, so that the log stays
// readable.
type Meter struct {
	w    io.Writer
	tty  bool
	last time.Time
	// drawn is the width of the bar on screen, to clear it.
	drawn int
}

// NewMeter returns a Meter writing to w, a terminal if tty.
func NewMeter(w io.Writer, tty bool) *Meter { return &Meter{w: w, tty: tty} }

// Update shows s, at most 5 times a second on a terminal and every 5
// seconds otherwise.
func (m *Meter) Update(s Stats) {
	every := 5 * time.Second
	if m.tty {
		every = 200 * time.Millisecond
	}
	if now := time.Now(); now.Sub(m.last) >= every {
		m.last = now
		m.show(s)
	}
}

func (m *Meter) show(s Stats) {
	pct := 0.0
	if s.Size > 0 {
		pct = float64(s.Offset) / float64(s.Size)
	}
	eta := "?"
	if done := s.Offset - s.From; done > 0 && s.Elapsed > 0 {
		left := time.Duration(float64(s.Elapsed) * float64(s.Size-s.Offset) / float64(done))
		eta = left.Round(time.Second).String()
	}
	text := fmt.Sprintf("%5.1f%%  %s rows  %s errors  %s hits  %s rows/s  ETA %s", 100*pct, count(s.Rows), count(s.Errors), count(s.Hits),
		count(int64(s.RowsPerSecond())), eta)
	if !m.tty {
		fmt.Fprintln(m.w, "batch:", text)
		return
	}
	const width = 24
	n := int(pct * width)
	line := "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "] " + text
	pad := max(m.drawn-len(line), 0)
	fmt.Fprint(m.w, "\r"+line+strings.Repeat(" ", pad))
	m.drawn = len(line)
}

// Done clears the bar, for the summary to follow.
func (m *Meter) Done() {
	if m.tty && m.drawn > 0 {
		fmt.Fprint(m.w, "\r"+strings.Repeat(" ", m.drawn)+"\r")
		m.drawn = 0
	}
}

// Summary is a one-line account of a run.
func Summary(s Stats) string {
	var resumed string
	if s.Resumed > 0 {
		resumed = fmt.Sprintf(" (resumed after %s)", count(s.Resumed))
	}
	return fmt.Sprintf("%s rows%s, %s errors, %s with hits; %s rows/s, %v elapsed", count(s.Rows), resumed, count(s.Errors), count(s.Hits),
		count(int64(s.RowsPerSecond())), s.Elapsed.Round(time.Millisecond))
}

// count writes n with thousands separators.
func count(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
