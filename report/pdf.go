package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/vetoscreen/veto/screen"
)

// Page geometry, in millimetres (A4).
const (
	margin  = 15.0
	lineH   = 4.6
	bodyPt  = 9.0
	smallPt = 7.5
)

// Colours: headings and rules in the HTML report's blue, greys for
// labels and table heads.
var (
	blue  = [3]int{31, 78, 121}
	grey  = [3]int{85, 85, 85}
	black = [3]int{27, 31, 36}
	shade = [3]int{240, 243, 247}
)

// WritePDF writes the report as a PDF: the same sections as the HTML
// page, in the embedded DejaVu Sans (see font.go for the scripts it
// covers).
func (e *Evidence) WritePDF(w io.Writer) error {
	p := &pdfDoc{Fpdf: fpdf.New("P", "mm", "A4", "")}
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(true, margin+5)
	p.AddUTF8FontFromBytes(fontFamily, "", fontTTF)
	p.SetTitle(e.Title(), true)
	p.SetAuthor(e.GeneratedBy, true)
	p.SetCreator("veto", true)
	// A fixed creation date makes the same evidence give the same bytes,
	// and so the same SHA-256 on the trail.
	p.SetCreationDate(e.GeneratedAt)
	p.SetModificationDate(e.GeneratedAt)
	p.AliasNbPages("{nb}")
	title := e.Title()
	p.SetFooterFunc(func() {
		p.SetY(-margin)
		p.font(smallPt, grey)
		p.CellFormat(0, 4, p.text(fmt.Sprintf("%s · generated %s · page %d of {nb}", title, datetime(e.GeneratedAt), p.PageNo())), "T", 0, "C", false, 0, "")
	})
	p.AddPage()
	e.pdfBody(p)
	if err := p.Output(w); err != nil {
		return fmt.Errorf("report: pdf: %w", err)
	}
	return nil
}

func (e *Evidence) pdfBody(p *pdfDoc) {
	p.font(16, blue)
	p.MultiCell(0, 7, p.text(e.Title()), "", "L", false)
	p.font(bodyPt, grey)
	p.MultiCell(0, lineH, p.text(fmt.Sprintf("Generated %s by %s · veto evidence report (%s)", datetime(e.GeneratedAt), e.GeneratedBy, e.Kind)), "", "L", false)
	if e.Data != "live" {
		p.warning("Screened against the DEMO data, not the official lists.")
	}
	if a := e.Alert; a != nil {
		p.heading("Alert")
		subject := a.SubjectID
		if len(a.Members) > 0 {
			subject += fmt.Sprintf(" (%d listing%s)", len(a.Members), plural(len(a.Members)))
		}
		p.facts([][2]string{
			{"Alert", "#" + strconv.FormatInt(a.ID, 10)},
			{"Status", label(a.Status)},
			{"Score", fmt.Sprintf("%.2f", a.Score)},
			{"Cause", label(a.Cause)},
			{"Raised", datetime(a.CreatedAt)},
			{"Listing", fmt.Sprintf("%s on %s, version #%d", a.EntityID, a.List, a.VersionID)},
			{"Subject", subject},
		})
	}
	q := e.Query
	p.heading("Query")
	threshold, scope := "the server's (not recorded with alerts)", "every list screened (below)"
	if q.Threshold > 0 {
		threshold = fmt.Sprintf("%.2f", q.Threshold)
	}
	if len(q.Scope) > 0 {
		scope = strings.Join(q.Scope, ", ")
	}
	p.facts([][2]string{
		{"Customer ID", dash(q.CustomerID)},
		{"Name", q.Name},
		{"Aliases", dash(strings.Join(q.Aliases, "; "))},
		{"Kind of party", or(string(q.Schema), "any")},
		{"Date of birth", dash(q.BirthDate)},
		{"Country", dash(q.Country)},
		{"Identifier", dash(q.IDNumber)},
		{"Gender", dash(q.Gender)},
		{"Threshold", threshold},
		{"Lists and regimes", scope},
	})
	for _, w := range e.Warnings {
		p.warning(w)
	}

	p.heading("Lists screened against")
	if !e.AsOf.IsZero() {
		p.para("The versions in force as of " + datetime(e.AsOf) + ".")
	}
	var rows [][]string
	for _, v := range e.Versions {
		rows = append(rows, []string{v.List, v.String(), published(v), v.Hash})
	}
	p.table([]string{"List", "Version", "Published", "Content SHA-256"}, []float64{30, 40, 36, 74}, rows)
	if len(e.Absent) > 0 {
		p.warning("Not screened, no version in force then: " + strings.Join(e.Absent, ", ") + ".")
	}

	if e.Alert != nil {
		p.heading("The hit")
	} else {
		p.heading(fmt.Sprintf("%d hit%s", len(e.Hits), plural(len(e.Hits))))
	}
	if len(e.Hits) == 0 {
		p.para("No listed party scored at or above the threshold.")
	}
	for _, h := range e.Hits {
		p.hit(h)
	}

	if d := e.Decision; d != nil {
		p.heading("Decision")
		rows := [][2]string{{"Status", label(d.Status)}}
		switch {
		case d.Decision == "":
			rows = append(rows, [2]string{"Decision", "none yet"})
		default:
			rows = append(rows, [2]string{"Decision", label(d.Decision)},
				[2]string{"Decided by", d.DecidedBy + ", " + datetime(d.DecidedAt)},
				[2]string{"Reason", d.Reason})
			switch d.Review {
			case "approve":
				rows = append(rows, [2]string{"Approved by", d.ReviewedBy + ", " + datetime(d.ReviewedAt) + " (four eyes: a second person)"},
					[2]string{"Approval reason", d.ReviewReason})
			case "reject":
				rows = append(rows, [2]string{"Rejected by", d.ReviewedBy + ", " + datetime(d.ReviewedAt) + ": " + d.ReviewReason})
			default:
				rows = append(rows, [2]string{"Approved by", "nobody yet"})
			}
		}
		p.facts(rows)
	}
	if e.Alert == nil {
		p.heading("Audit")
		p.para(screeningText)
		return
	}
	p.heading("History")
	if len(e.History) == 0 {
		p.para("No action yet.")
	}
	for _, h := range e.History {
		s := fmt.Sprintf("%s · %s · %s", datetime(h.At), h.User, label(h.Kind))
		if h.Decision != "" {
			s += " " + label(h.Decision)
		}
		if h.Reason != "" {
			s += ": " + h.Reason
		}
		p.para(s)
	}
	p.heading("Notes")
	if len(e.Notes) == 0 {
		p.para("No notes.")
	}
	for _, n := range e.Notes {
		p.para(fmt.Sprintf("%s · %s: %s", datetime(n.At), n.Author, n.Text))
	}
	p.heading("Audit entries")
	rows = nil
	for _, a := range e.Audit {
		rows = append(rows, []string{strconv.FormatInt(a.Seq, 10), a.At.UTC().Format(time.DateTime), a.Actor, a.Action, a.Subject, a.Hash})
	}
	if len(rows) == 0 {
		p.para("No audit entry concerns this alert.")
	} else {
		p.table([]string{"Seq", "Time (UTC)", "Actor", "Action", "Subject", "Hash (SHA-256)"}, []float64{12, 30, 22, 26, 28, 62}, rows)
	}
	p.font(smallPt, black)
	p.MultiCell(0, 3.8, p.text(checkText), "L", "L", false)
}

// hit writes one hit: who, where listed, and the score's parts.
func (p *pdfDoc) hit(h screen.Hit) {
	p.Ln(1)
	p.font(11, black)
	p.MultiCell(0, 6, p.text(fmt.Sprintf("%s — score %.2f", h.Caption, h.Score)), "", "L", false)
	meta := fmt.Sprintf("%s · %s · listed on %s", h.Schema, h.EntityID, strings.Join(h.Lists, ", "))
	if len(h.Regimes) > 0 {
		meta += " (" + strings.Join(h.Regimes, ", ") + ")"
	}
	if h.Subject != "" {
		meta += " · subject " + h.Subject
	}
	p.font(bodyPt, grey)
	p.MultiCell(0, lineH, p.text(meta), "", "L", false)
	if len(h.Matched) > 0 {
		var rows [][]string
		for _, m := range h.Matched {
			rows = append(rows, []string{m.List, m.EntityID, m.Name, fmt.Sprintf("%.2f", m.Score)})
		}
		p.caption("Listings of the subject matched")
		p.table([]string{"List", "Entity", "Name matched", "Score"}, []float64{35, 40, 85, 20}, rows)
	}
	x := h.Explanation
	if x == nil {
		p.para("No explanation was stored with this hit.")
		return
	}
	p.para(fmt.Sprintf("Name pair: query “%s” against listed %s “%s”; names alone score %.2f.", x.Query, label(x.NameKind), x.Name, x.NameScore))
	var rows [][]string
	for _, t := range x.Tokens {
		rows = append(rows, []string{t.Query, t.Name, string(t.Method), fmt.Sprintf("%.2f", t.Similarity), fmt.Sprintf("%.2f", t.Weight)})
	}
	for _, t := range x.UnmatchedQuery {
		rows = append(rows, []string{t.Token, strings.TrimSpace("— unmatched " + t.Role), "", "0.00", fmt.Sprintf("%.2f", t.Weight)})
	}
	for _, t := range x.UnmatchedName {
		rows = append(rows, []string{"— not in query", t.Token, "costs", "", fmt.Sprintf("%.2f", t.Cost)})
	}
	for _, c := range x.Contradictions {
		rows = append(rows, []string{c.Query, c.Name, "contradicts (" + c.What + ")", "", fmt.Sprintf("%.2f", c.Cost)})
	}
	p.caption("The score's parts: words aligned")
	p.table([]string{"Query word", "Listed word", "How", "Similarity", "Weight"}, []float64{45, 45, 40, 25, 25}, rows)
	if len(x.Features) > 0 {
		rows = nil
		for _, f := range x.Features {
			rows = append(rows, []string{label(f.Name), f.Detail, fmt.Sprintf("%+.3f", f.Delta)})
		}
		p.caption("Other evidence")
		p.table([]string{"Evidence", "Compared", "Effect"}, []float64{35, 120, 25}, rows)
	}
}

// pdfDoc adds the report's layout to an fpdf document.
type pdfDoc struct {
	*fpdf.Fpdf
}

func (p *pdfDoc) font(size float64, c [3]int) {
	p.SetFont(fontFamily, "", size)
	p.SetTextColor(c[0], c[1], c[2])
}

// text makes s printable in the embedded font (see printable).
func (p *pdfDoc) text(s string) string { return printable(s) }

func (p *pdfDoc) heading(s string) {
	p.Ln(3)
	if p.GetY() > 250 { // keep a heading with what follows it
		p.AddPage()
	}
	p.font(12.5, blue)
	p.CellFormat(0, 7, p.text(s), "", 1, "L", false, 0, "")
	p.SetDrawColor(blue[0], blue[1], blue[2])
	p.SetLineWidth(0.5)
	y := p.GetY()
	p.Line(margin, y, 210-margin, y)
	p.SetLineWidth(0.2)
	p.Ln(1.5)
}

func (p *pdfDoc) caption(s string) {
	p.font(bodyPt, black)
	p.CellFormat(0, lineH+0.5, p.text(s), "", 1, "L", false, 0, "")
}

func (p *pdfDoc) para(s string) {
	p.font(bodyPt, black)
	p.MultiCell(0, lineH, p.text(s), "", "L", false)
	p.Ln(0.5)
}

func (p *pdfDoc) warning(s string) {
	p.font(bodyPt, [3]int{140, 60, 0})
	p.SetDrawColor(179, 89, 0)
	p.MultiCell(0, lineH, p.text(s), "L", "L", false)
	p.Ln(1)
}

// facts writes label: value rows, the value wrapped.
func (p *pdfDoc) facts(rows [][2]string) {
	const labelW = 34.0
	width := 210 - 2*margin - labelW
	for _, r := range rows {
		p.font(bodyPt, black)
		lines := p.SplitText(p.text(r[1]), width)
		if len(lines) == 0 {
			lines = []string{""}
		}
		h := float64(len(lines)) * lineH
		if p.GetY()+h > 297-margin-5 {
			p.AddPage()
		}
		y := p.GetY()
		p.font(bodyPt, grey)
		p.SetXY(margin, y)
		p.CellFormat(labelW, lineH, p.text(r[0]), "", 0, "L", false, 0, "")
		p.font(bodyPt, black)
		for i, l := range lines {
			p.SetXY(margin+labelW, y+float64(i)*lineH)
			p.CellFormat(width, lineH, l, "", 0, "L", false, 0, "")
		}
		p.SetDrawColor(210, 214, 222)
		p.Line(margin, y+h, 210-margin, y+h)
		p.SetXY(margin, y+h)
	}
}

// table writes a table whose cells wrap; a row that does not fit on the
// page starts a new one, with the head repeated.
func (p *pdfDoc) table(head []string, widths []float64, rows [][]string) {
	const cellH = 4.0
	p.SetDrawColor(208, 215, 222)
	var draw func(cells []string, fill bool)
	draw = func(cells []string, fill bool) {
		p.font(smallPt+0.5, black)
		var wrapped [][]string
		n := 1
		for i, c := range cells {
			lines := p.SplitText(p.text(c), widths[i])
			if len(lines) == 0 {
				lines = []string{""}
			}
			n = max(n, len(lines))
			wrapped = append(wrapped, lines)
		}
		h := float64(n)*cellH + 1
		if p.GetY()+h > 297-margin-5 && !fill {
			p.AddPage()
			draw(head, true)
		}
		x, y := margin, p.GetY()
		for i, lines := range wrapped {
			if fill {
				p.SetFillColor(shade[0], shade[1], shade[2])
			}
			p.Rect(x, y, widths[i], h, map[bool]string{true: "FD", false: "D"}[fill])
			for j, l := range lines {
				p.SetXY(x, y+0.5+float64(j)*cellH)
				p.CellFormat(widths[i], cellH, l, "", 0, "L", false, 0, "")
			}
			x += widths[i]
		}
		p.SetXY(margin, y+h)
	}
	draw(head, true)
	for _, r := range rows {
		draw(r, false)
	}
	p.Ln(2)
}

func dash(s string) string { return or(s, "—") }

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
