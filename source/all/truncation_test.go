package all_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// TestRealFilesCutShortAreRefused cuts each real list file of the shared
// data at a line end (XLSX at a byte), as a download that stopped early
// leaves it, beside its folder's other files whole, and wants the folder
// refused as truncated with an error that names the file and the mark
// that is missing.
func TestRealFilesCutShortAreRefused(t *testing.T) {
	root := sourcetest.SharedData(t)
	for _, tt := range []struct {
		file    string // in the shared data
		missing string // what the error says is missing
	}{
		{"ofac/sdn_csv_2024-05-03/sdn.csv", "Ctrl-Z"},
		{"ofac/sdn_csv_2021-07-07/sdn.csv", "Ctrl-Z"},
		{"ofac/sdn_csv_2021-07-07/add.csv", "Ctrl-Z"},
		{"ofac/sdn_csv_2021-07-07/alt.csv", "Ctrl-Z"},
		{"ofac/non_sdn_csv_2025-12-19/cons_prim.csv", "Ctrl-Z"},
		{"ofac/non_sdn_csv_2025-12-19/cons_add.csv", "Ctrl-Z"},
		{"ofac/non_sdn_csv_2025-12-19/cons_alt.csv", "Ctrl-Z"},
		{"ofac/non_sdn_xml_2026-01-08/consolidated.xml", "</sdnList>"},
		{"ofac/non_sdn_enhanced_xml_2025-01-10/CONS_ENHANCED.XML.gz", "</sanctionsData>"},
		{"un/2026-02-27/consolidated.xml", "</CONSOLIDATED_LIST>"},
		{"un/2025-04-19/consolidated.xml", "</CONSOLIDATED_LIST>"},
		{"eu/fsf_xml_1_1_excerpt_2026-08-05/sample_eu_fsf.xml", "</export>"},
		{"uk/fcdo_xml_excerpt_2026-09-10/sample_uk_sanctions.xml", "</Designations>"},
		{"uk/ofsi_conlist_2025-04-14/ConList.xlsx", "central directory"},
		{"au/dfat_2024-11-11/regulation8_consolidated.xlsx", "central directory"},
		{"ca/sema_2025-05/sema-lmes.xml", "</data-set>"},
		// The trade.gov CSL CSV has no end mark and no count: a cut at a
		// line end cannot be told (docs/design.md).
	} {
		t.Run(tt.file, func(t *testing.T) {
			src := filepath.Join(root, tt.file)
			dir := filepath.Join(t.TempDir(), "lists", "folder")
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			sibs, err := filepath.Glob(filepath.Join(filepath.Dir(src), "*"))
			if err != nil {
				t.Fatal(err)
			}
			var cut string
			for _, s := range sibs {
				data, err := os.ReadFile(s)
				if err != nil {
					t.Fatal(err)
				}
				name := filepath.Base(s)
				if s == src {
					if strings.HasSuffix(name, ".gz") {
						if data, err = source.Decompress(s, data); err != nil {
							t.Fatal(err)
						}
						name = strings.TrimSuffix(name, ".gz")
					}
					n := len(data) * 95 / 100
					if !strings.HasSuffix(name, ".xlsx") {
						n = bytes.LastIndexByte(data[:n], '\n') + 1
					}
					data, cut = data[:n], filepath.Join(dir, name)
				}
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			var stored int
			_, err = all.ParseFolders(context.Background(), filepath.Dir(dir), func(_ *source.Publisher, rs []*source.Result) error {
				stored += len(rs)
				return nil
			})
			if !errors.Is(err, source.ErrTruncated) {
				t.Fatalf("cut file read: err = %v (%d lists), want ErrTruncated", err, stored)
			}
			if !strings.Contains(err.Error(), cut) || !strings.Contains(err.Error(), tt.missing) {
				t.Errorf("error %q, want it to name %s and %s", err, cut, tt.missing)
			}
		})
	}
}
