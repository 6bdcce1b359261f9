package report_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/monitor"
	"github.com/vetoscreen/veto/report"
	"github.com/vetoscreen/veto/report/reporttest"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/store"
	"github.com/vetoscreen/veto/store/sqlite"
)

var (
	anna = &entity.User{Name: "anna", Role: entity.UserAnalyst}
	bob  = &entity.User{Name: "bob", Role: entity.UserApprover}
)

// fixture is a hand-written list: a person listed with a Cyrillic name
// beside its romanisation, a Chinese alias, and an organisation.
func fixture() store.NewVersion {
	return store.NewVersion{
		Version: entity.ListVersion{List: "un-sc", Publisher: "un", Format: "un-xml", Published: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC),
			PublishedFrom: "file", Hash: strings.Repeat("ab", 32), Source: []string{"fixture"}, FetchedAt: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)},
		Entities: []*entity.Entity{
			{ID: "un-QDi.900", Schema: entity.Person, List: "un-sc", Names: []entity.Name{
				{Full: "Сергей Викторович Лавров", Kind: entity.Primary},
				{Full: "Sergei Viktorovich Lavrov", Kind: entity.Alias},
				{Full: "谢尔盖·拉夫罗夫", Kind: entity.Alias},
			}, Nationalities: []string{"ru"}, Raw: entity.Raw{Format: "xml", Text: "<INDIVIDUAL/>"}},
			{ID: "un-QDe.901", Schema: entity.Organization, List: "un-sc", Names: []entity.Name{{Full: "Harbour Trading Company", Kind: entity.Primary}},
				Raw: entity.Raw{Format: "xml", Text: "<ENTITY/>"}},
		},
	}
}

// world is a store with the fixture list, the alerts monitoring raised on
// two customers, and the review service.
type world struct {
	st     store.Store
	log    *audit.Log
	review *review.Service
	alerts map[string]entity.Alert // by customer ID
	ver    entity.ListVersion
}

func newWorld(t testing.TB) *world {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "veto.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	res, err := st.AddVersion(ctx, fixture())
	if err != nil {
		t.Fatal(err)
	}
	k := &screen.Keeper{Screener: screen.New(nil), Store: st, Config: match.DefaultConfig()}
	if err := k.Start(ctx); err != nil {
		t.Fatal(err)
	}
	mon := &monitor.Monitor{Store: st, Snapshot: k.Snapshot}
	_, raised, err := mon.Put(ctx, []entity.Customer{
		{ID: "C-1", Subject: entity.Subject{Name: "Сергей Лавров", Country: "RU", BirthDate: "1950-03-21"}},
		{ID: "C-2", Subject: entity.Subject{Name: "Sergei Lavrov"}},
		{ID: "C-3", Subject: entity.Subject{Name: "Sergey Lavrov"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	w := &world{st: st, log: audit.NewLog(st, nil, nil), review: review.New(st, nil), alerts: map[string]entity.Alert{}, ver: res.Version}
	t.Cleanup(w.log.Close)
	for _, a := range raised {
		w.alerts[a.CustomerID] = a
	}
	if len(w.alerts) != 3 {
		t.Fatalf("alerts raised: %+v", raised)
	}
	return w
}

func TestForAlert(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	// C-1: decided and approved (four eyes); C-2: decided, waiting; C-3:
	// untouched.
	id1, id2 := w.alerts["C-1"].ID, w.alerts["C-2"].ID
	if _, err := w.review.Decide(ctx, anna, id1, entity.DecisionTrueMatch, "same name, same birth year"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.review.Approve(ctx, bob, id1, "agreed: the listed minister"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.review.Decide(ctx, anna, id2, entity.DecisionFalsePositive, "a namesake"); err != nil {
		t.Fatal(err)
	}
	// A note as case notes record it until they have their own store.
	if err := w.log.Record(ctx, "anna", "note.add", "alert/"+strconv.FormatInt(id1, 10), map[string]any{"text": "called the branch"}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		customer                     string
		status, decision, review, by string
		auditActions                 []string
		notes                        int
	}{
		{"C-1", entity.AlertTrueMatch, entity.DecisionTrueMatch, entity.ActionApprove, "bob", []string{chain.ActionAlertDecide, chain.ActionAlertApprove, "note.add"}, 1},
		{"C-2", entity.AlertPending, entity.DecisionFalsePositive, "", "", []string{chain.ActionAlertDecide}, 0},
		{"C-3", entity.AlertOpen, "", "", "", nil, 0},
	} {
		t.Run(tc.customer, func(t *testing.T) {
			a := w.alerts[tc.customer]
			e, err := report.ForAlert(ctx, w.st, a.ID, "carl", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			if e.Kind != report.KindAlert || e.Alert.ID != a.ID || e.Query.CustomerID != tc.customer || e.Query.Name != a.Customer.Name {
				t.Errorf("alert %d, query %+v", e.Alert.ID, e.Query)
			}
			if len(e.Versions) != 1 || e.Versions[0].ID != w.ver.ID || !e.Versions[0].Published.Equal(w.ver.Published) {
				t.Errorf("versions %+v, want version %d", e.Versions, w.ver.ID)
			}
			if len(e.Hits) != 1 || e.Hits[0].EntityID != "un-QDi.900" || e.Hits[0].Explanation == nil || len(e.Hits[0].Explanation.Tokens) == 0 {
				t.Errorf("hits %+v", e.Hits)
			}
			d := e.Decision
			if d.Status != tc.status || d.Decision != tc.decision || d.Review != tc.review || d.ReviewedBy != tc.by {
				t.Errorf("decision %+v", d)
			}
			if tc.decision != "" && d.DecidedBy != "anna" {
				t.Errorf("decided by %q", d.DecidedBy)
			}
			var actions []string
			for i, en := range e.Audit {
				actions = append(actions, en.Action)
				if en.Hash == "" || (i > 0 && en.Seq <= e.Audit[i-1].Seq) {
					t.Errorf("audit entry %+v", en)
				}
			}
			if !slices.Equal(actions, tc.auditActions) {
				t.Errorf("audit actions %v, want %v", actions, tc.auditActions)
			}
			if len(e.Notes) != tc.notes || (tc.notes > 0 && (e.Notes[0].Text != "called the branch" || e.Notes[0].Author != "anna")) {
				t.Errorf("notes %+v", e.Notes)
			}
		})
	}
	if _, err := report.ForAlert(ctx, w.st, 999, "carl", time.Now()); err == nil || !strings.Contains(err.Error(), "alert 999") {
		t.Errorf("no such alert: %v", err)
	}
}

// TestRecord checks that a report's export is on the trail with its hash.
func TestRecord(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	a := w.alerts["C-2"]
	e, err := report.ForAlert(ctx, w.st, a.ID, "carl", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := report.Record(ctx, w.log, e, "pdf", "feedbeef"); err != nil {
		t.Fatal(err)
	}
	again, err := report.ForAlert(ctx, w.st, a.ID, "carl", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(again.Audit); n != 1 || again.Audit[0].Action != chain.ActionReportExport || again.Audit[0].Actor != "carl" ||
		!strings.Contains(string(again.Audit[0].Data), `"sha256":"feedbeef"`) {
		t.Errorf("audit after the export: %+v", again.Audit)
	}
}

// TestPDFText reads the PDF back with pdftotext: the version IDs, the
// decision, the approver and the Cyrillic name must be there as text.
func TestPDFText(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	id := w.alerts["C-1"].ID
	if _, err := w.review.Decide(ctx, anna, id, entity.DecisionTrueMatch, "same person"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.review.Approve(ctx, bob, id, "agreed"); err != nil {
		t.Fatal(err)
	}
	e, err := report.ForAlert(ctx, w.st, id, "carl", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if err := e.WritePDF(&pdf); err != nil {
		t.Fatal(err)
	}
	// The same evidence gives the same bytes, and so the same SHA-256.
	var again bytes.Buffer
	if err := e.WritePDF(&again); err != nil || !bytes.Equal(again.Bytes(), pdf.Bytes()) {
		t.Errorf("the same evidence gave another PDF (%v)", err)
	}
	text := reporttest.Text(t, pdf.Bytes())
	for _, want := range []string{
		"un-sc@" + strconv.FormatInt(w.ver.ID, 10), "2026-11-30", // the version and its publish date
		"true match", "Approved by", "bob", "anna", // the decision, four eyes
		"Сергей Лавров",            // the customer, in Cyrillic
		"Сергей Викторович Лавров", // the listed name
		e.Audit[0].Hash[:16],       // the audit entries' hashes
		"veto audit export",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q:\n%s", want, text)
		}
	}
	if dir := os.Getenv("VETO_ARTIFACTS"); dir != "" {
		reporttest.FirstPage(t, pdf.Bytes(), dir, "report-alert-pdf")
	}
}

// BenchmarkReport measures an alert's report: assembled from the store,
// then written as PDF and as HTML.
func BenchmarkReport(b *testing.B) {
	ctx := context.Background()
	w := newWorld(b)
	id := w.alerts["C-1"].ID
	for _, bc := range []struct {
		name  string
		write func(*report.Evidence, *bytes.Buffer) error
	}{
		{"ForAlert", func(*report.Evidence, *bytes.Buffer) error { return nil }},
		{"PDF", func(e *report.Evidence, buf *bytes.Buffer) error { return e.WritePDF(buf) }},
		{"HTML", func(e *report.Evidence, buf *bytes.Buffer) error { return e.WriteHTML(buf, nil) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				e, err := report.ForAlert(ctx, w.st, id, "carl", time.Now())
				if err != nil {
					b.Fatal(err)
				}
				buf.Reset()
				if err := bc.write(e, &buf); err != nil {
					b.Fatal(err)
				}
			}
			if buf.Len() > 0 {
				b.ReportMetric(float64(buf.Len()), "bytes/report")
			}
		})
	}
}
