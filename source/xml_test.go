package source

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestScanXMLCutShortNamesTheMissingEndTag(t *testing.T) {
	const doc = "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST>\n  <INDIVIDUALS>\n    <INDIVIDUAL><DATAID>1</DATAID></INDIVIDUAL>\n    <INDIVIDUAL><DATAID>2</DATAID></INDIVIDUAL>\n  </INDIVIDUALS>\n</CONSOLIDATED_LIST>\n"
	// Cut after each line end but the last, and in the middle of a record.
	cuts := []int{strings.Index(doc, "<INDIVIDUAL>") + 5}
	for i, c := range doc[:len(doc)-1] {
		if c == '\n' && i > 30 {
			cuts = append(cuts, i+1)
		}
	}
	for _, n := range cuts {
		err := ScanXML([]byte(doc[:n]), "consolidated.xml", "CONSOLIDATED_LIST", []string{"INDIVIDUAL"}, func(r *XMLRecord) error {
			var v struct{ DATAID string }
			return r.Decode(&v)
		})
		if !errors.Is(err, ErrTruncated) || !strings.Contains(err.Error(), "consolidated.xml") || !strings.Contains(err.Error(), "</CONSOLIDATED_LIST>") {
			t.Errorf("cut at byte %d: err = %v, want ErrTruncated naming the file and </CONSOLIDATED_LIST>", n, err)
		}
	}
	if err := ScanXML([]byte(doc), "consolidated.xml", "CONSOLIDATED_LIST", []string{"INDIVIDUAL"}, func(*XMLRecord) error { return nil }); err != nil {
		t.Errorf("whole document: %v", err)
	}
}

func TestDecompressCutZipNamesTheCentralDirectory(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("SDN_ENHANCED.XML")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(strings.Repeat("<entity/>\n", 1000)))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	if _, err := Decompress("SDN_ENHANCED.ZIP", whole); err != nil {
		t.Fatalf("whole zip: %v", err)
	}
	_, err = Decompress("SDN_ENHANCED.ZIP", whole[:len(whole)*9/10])
	if !errors.Is(err, ErrTruncated) || !strings.Contains(err.Error(), "SDN_ENHANCED.ZIP") || !strings.Contains(err.Error(), "central directory") {
		t.Errorf("cut zip: err = %v, want ErrTruncated naming the file and its central directory", err)
	}
}
