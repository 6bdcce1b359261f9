package main

import (
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	long := strings.Repeat("word ", 60) // 300 bytes in common
	tests := []struct{ a, b, want string }{
		{"a b c", "a x c", "a [-b-] {+x+} c"},
		{"a b c", "a b c d", "a b c {+d+}"},
		{"a b c", "b c", "[-a-] b c"},
		{"a  b", "a b", "a b (spacing only)"},
		{long + "Listed on 2024-01-02.", long + "Listed on 2025-03-04.",
			"… word word word word Listed on [-2024-01-02.-] {+2025-03-04.+}"},
		{"Start 1 " + long, "Start 2 " + long, "Start [-1-] {+2+} word word word word word word …"},
	}
	for _, tt := range tests {
		if got := wordDiff(tt.a, tt.b); got != tt.want {
			t.Errorf("wordDiff(%.30q…, %.30q…) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// A long value that changed at its end is shown where it changed; short
// values keep their - and + lines, and unpaired values stay as they are.
func TestPairLong(t *testing.T) {
	long := strings.Repeat("Additional Sanctions Information - Subject to Secondary Sanctions; ", 4)
	removed := []string{long + "Gender Male.", "Tehran"}
	added := []string{"Isfahan", long + "Gender Male; Nationality Iran."}
	r, a, ch := pairLong(removed, added)
	if len(r) != 1 || r[0] != "Tehran" || len(a) != 1 || a[0] != "Isfahan" || len(ch) != 1 || ch[0][0] != removed[0] || ch[0][1] != added[1] {
		t.Fatalf("pairLong = %q %q %q", r, a, ch)
	}
	got := wordDiff(ch[0][0], ch[0][1])
	if !strings.HasPrefix(got, "… ") || !strings.Contains(got, "Gender [-Male.-] {+Male; Nationality Iran.+}") || len(got) > 200 {
		t.Errorf("word diff %q", got)
	}
}
