// Package reporttest reads evidence reports back in tests: the text of a
// PDF, as pdftotext (Debian's poppler-utils) extracts it, and its first
// page as a picture (pdftoppm) for a person to look at.
package reporttest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// need skips the test when tool is missing, unless
// VETO_REQUIRE_PDFTOTEXT=1 (CI), when it fails.
func need(t testing.TB, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err == nil {
		return
	}
	msg := tool + " is missing (apt-get install poppler-utils): the PDF is not checked"
	if os.Getenv("VETO_REQUIRE_PDFTOTEXT") == "1" {
		t.Fatal(msg + "; VETO_REQUIRE_PDFTOTEXT=1 makes this a failure")
	}
	t.Skip(msg)
}

// Text returns the text of a PDF, in reading order.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	need(t, "pdftotext")
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.Bytes())
	}
	return string(out)
}

// FirstPage renders the first page of a PDF as dir/name.png.
func FirstPage(t testing.TB, pdf []byte, dir, name string) {
	t.Helper()
	need(t, "pdftoppm")
	cmd := exec.Command("pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", "-", filepath.Join(dir, name))
	cmd.Stdin = bytes.NewReader(pdf)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
}
