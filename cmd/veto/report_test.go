package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/report/reporttest"
	"github.com/vetoscreen/veto/review"
	"github.com/vetoscreen/veto/store/sqlite"
)

// TestReportCommand writes an alert's report as PDF and HTML, each
// recorded in the audit trail with the SHA-256 of the file written.
func TestReportCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	mustCLI(t, db, "import", "un", filepath.Join("..", "..", "source", "un", "testdata", "consolidated.xml"))
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.PutCustomers(ctx, []entity.Customer{{ID: "C-1", Subject: entity.Subject{Name: "Amira Hadzic", Schema: entity.Person}}}, time.Now()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	mustCLI(t, db, "monitor", "run", "--full")
	alerts := decode[[]entity.Alert](t, mustCLI(t, db, "alerts", "--json"))
	if len(alerts) != 1 {
		t.Fatalf("alerts: %+v", alerts)
	}
	a := alerts[0]
	id := strconv.FormatInt(a.ID, 10)
	st, err = sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	rv := review.New(st, nil)
	if _, err := rv.Decide(ctx, &entity.User{Name: "ann", Role: entity.UserAnalyst}, a.ID, entity.DecisionFalsePositive, "born 1985, listed 1962"); err != nil {
		t.Fatal(err)
	}
	if _, err := rv.Approve(ctx, &entity.User{Name: "bea", Role: entity.UserApprover}, a.ID, "checked the passport"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	for _, tc := range []struct {
		file   string
		args   []string
		format string
		want   []string
	}{
		{"alert.pdf", nil, "pdf", []string{"false positive", "bea", a.List + "@" + strconv.FormatInt(a.VersionID, 10), "Amira Hadzic"}},
		{"alert.html", nil, "html", []string{"false positive", "bea", a.List + "@" + strconv.FormatInt(a.VersionID, 10), "Amira Hadzic", "@media print"}},
		{"alert.out", []string{"--format", "pdf"}, "pdf", []string{"false positive"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			out := mustCLI(t, db, append([]string{"report", id, "-o", path}, tc.args...)...)
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(body)
			hash := hex.EncodeToString(sum[:])
			if !strings.Contains(out, hash) {
				t.Errorf("output %q does not name the file's SHA-256 %s", out, hash)
			}
			text := string(body)
			if tc.format == "pdf" {
				text = reporttest.Text(t, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("%s lacks %q", tc.file, w)
				}
			}
			exports := auditEntries(t, db, chain.ActionReportExport)
			if len(exports) == 0 {
				t.Fatal("no report.export entry")
			}
			last := exports[len(exports)-1]
			if last.Subject != "alert/"+id || !strings.Contains(string(last.Data), hash) ||
				!strings.Contains(string(last.Data), `"format":"`+tc.format+`"`) {
				t.Errorf("last audit entry %+v", last)
			}
		})
	}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"report", id, "-o", filepath.Join(dir, "x.txt")}, 2},
		{[]string{"report", "abc", "-o", filepath.Join(dir, "x.pdf")}, 2},
		{[]string{"report", id}, 2},
		{[]string{"report", "999", "-o", filepath.Join(dir, "x.pdf")}, 1},
	} {
		if _, errOut, code := cli(t, db, tc.args...); code != tc.code {
			t.Errorf("veto %s: exit %d, want %d\n%s", strings.Join(tc.args, " "), code, tc.code, errOut)
		}
	}
}
