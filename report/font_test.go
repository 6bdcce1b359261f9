package report

import "testing"

func TestPrintable(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Sergei Lavrov", "Sergei Lavrov"},
		{"Сергей Лавров", "Сергей Лавров"},   // Cyrillic: in the font
		{"Αλέξης Τσίπρας", "Αλέξης Τσίπρας"}, // Greek
		{"金正恩", "[Jin Zheng En]"},            // CJK: not in the font, romanised
		{"Kim Jong Un 金正恩 (DPRK)", "Kim Jong Un [Jin Zheng En] (DPRK)"},
		{"김정은", "[gimjeongeun]"},                     // Hangul
		{"name: بشار الأسد.", "name: دسألا راشب."},   // Arabic in visual order, unshaped
		{"a\x00b\tc", "abc"},                         // control characters dropped
		{"line one\nline two", "line one\nline two"}, // line breaks kept
	} {
		if got := printable(tc.in); got != tc.want {
			t.Errorf("printable(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
