package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/textscan"
)

func TestTextCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "veto.db")
	mustCLI(t, db, "import", "ofac", filepath.Join("..", "..", "source", "ofac", "testdata", "sdn.xml"))
	text := "Payment to Sergei Lavrov via Damascus.\nBIC: DEUTDEFF, vessel IMO 9074729.\n"
	file := filepath.Join(dir, "message.txt")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}

	out := mustCLI(t, db, "text", file, "--json")
	var got []textscan.Finding
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		got = append(got, decode[textscan.Finding](t, line))
	}
	want := []struct {
		kind textscan.Kind
		sub  string
	}{{textscan.KindName, "Sergei Lavrov"}, {textscan.KindPlace, "Damascus"}, {textscan.KindBIC, "DEUTDEFF"}, {textscan.KindIMO, "9074729"}}
	if len(got) != len(want) {
		t.Fatalf("findings %+v, want %d", got, len(want))
	}
	for i, w := range want {
		start := strings.Index(text, w.sub)
		if f := got[i]; f.Kind != w.kind || f.Start != start || f.End != start+len(w.sub) || f.Text != w.sub {
			t.Errorf("finding %d = %+v, want %s %q at %d", i, f, w.kind, w.sub, start)
		}
	}
	if got[0].Entity == nil || got[0].Entity.ID != "ofac-35233" || got[0].Explanation == nil {
		t.Errorf("name finding %+v, want ofac-35233 with an explanation", got[0])
	}

	// Human output, with a filter on kinds.
	human := mustCLI(t, db, "text", file, "--kinds", "name", "--explain")
	if !strings.Contains(human, "ofac-35233") || strings.Contains(human, "Damascus") || !strings.Contains(human, "1 findings") {
		t.Errorf("human output:\n%s", human)
	}

	// Bad input: an unknown kind is a usage error, invalid UTF-8 an error
	// naming the byte.
	if _, _, code := cli(t, db, "text", file, "--kinds", "nope"); code != exitUsage {
		t.Errorf("unknown kind: exit %d, want %d", code, exitUsage)
	}
	bad := filepath.Join(dir, "latin1.txt")
	if err := os.WriteFile(bad, []byte("Caf\xe9 Lavrov"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := cli(t, db, "text", bad); code != exitError || !strings.Contains(errOut, "byte 3") {
		t.Errorf("invalid UTF-8: exit %d, %q", code, errOut)
	}
}
