package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"

	"github.com/vetoscreen/veto/report"
)

// reportCSP is the Content-Security-Policy of the HTML report: the UI's,
// with the report's inline style sheet allowed by its hash (the page is
// one self-contained file, as the CLI writes it).
var reportCSP = "default-src 'none'; style-src " + report.StyleCSP() + "; img-src 'self' data:; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// alertReport serves an alert's evidence report as a printable HTML page.
func (s *server) alertReport(w http.ResponseWriter, r *http.Request, rq *request) error {
	e, err := s.alertEvidence(r, rq)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	back := fmt.Sprintf("/ui/alerts/%d", e.Alert.ID)
	if err := e.WriteHTML(&b, &report.Links{Back: back, PDF: back + "/report.pdf"}); err != nil {
		return err
	}
	w.Header().Set("Content-Security-Policy", reportCSP)
	return s.deliver(w, r, e, "html", b.Bytes(), "")
}

// alertReportPDF serves an alert's evidence report as a PDF download.
func (s *server) alertReportPDF(w http.ResponseWriter, r *http.Request, rq *request) error {
	e, err := s.alertEvidence(r, rq)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := e.WritePDF(&b); err != nil {
		return err
	}
	return s.deliver(w, r, e, "pdf", b.Bytes(), fmt.Sprintf("veto-alert-%d.pdf", e.Alert.ID))
}

func (s *server) alertEvidence(r *http.Request, rq *request) (*report.Evidence, error) {
	id, err := alertID(r)
	if err != nil {
		return nil, err
	}
	return report.ForAlert(r.Context(), s.Store, id, rq.User.Name, s.cfg.Now())
}

// screenReportPDF screens the Screen page's query again, as the page
// does (and recorded as it is), and serves the evidence report of that
// screening as a PDF: the report needs no stored state. A customer ID is
// reported as part of the query but not stored again.
func (s *server) screenReportPDF(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := readScreenForm(r.PostForm)
	customer := f.CustomerID
	f.CustomerID = ""
	res, err := s.screenQuery(r, rq, f)
	if err != nil {
		return err
	}
	e := &report.Evidence{Kind: report.KindScreening, GeneratedAt: s.cfg.Now().UTC(), GeneratedBy: rq.User.Name,
		Query: report.Query{Subject: f.Subject, CustomerID: customer, Threshold: res.Threshold, Scope: res.Scope},
		Data:  string(res.Data), AsOf: res.AsOf, Versions: res.Versions, Absent: res.Absent, Warnings: res.Warnings}
	for _, h := range res.Hits {
		e.Hits = append(e.Hits, h.Hit)
	}
	var b bytes.Buffer
	if err := e.WritePDF(&b); err != nil {
		return err
	}
	return s.deliver(w, r, e, "pdf", b.Bytes(), "veto-screening-"+fileWord(f.Name)+".pdf")
}

// deliver records the report's export, with its SHA-256, in the audit
// trail and then sends it: a report given is a report on the trail. A
// file name makes it a download.
func (s *server) deliver(w http.ResponseWriter, r *http.Request, e *report.Evidence, format string, body []byte, file string) error {
	sum := sha256.Sum256(body)
	if err := report.Record(r.Context(), s.Audit, e, format, hex.EncodeToString(sum[:])); err != nil {
		return err
	}
	h := w.Header()
	if format == "pdf" {
		h.Set("Content-Type", "application/pdf")
	} else {
		h.Set("Content-Type", "text/html; charset=utf-8")
	}
	if file != "" {
		h.Set("Content-Disposition", `attachment; filename="`+file+`"`)
	}
	_, err := w.Write(body)
	return err
}

// fileWord makes a name fit a file name: ASCII letters and digits, the
// rest dashes, at most 40 bytes.
func fileWord(name string) string {
	word := strings.Trim(strings.Map(func(r rune) rune {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return r
		}
		return '-'
	}, name), "-")
	if len(word) > 40 {
		word = word[:40]
	}
	if word == "" {
		return "query"
	}
	return word
}
