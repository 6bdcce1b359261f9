package names

import "testing"

func TestUnmojibake(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"JosÃ© Levelink", "José Levelink"},
		{"BronisÅ‚aw Malinowski", "Bronisław Malinowski"}, // ł is C5 82; 82 is ‚ in Windows-1252
		{"Ð¡ÐµÑ€Ð³ÐµÐ¹ Ð›Ð°Ð²Ñ€Ð¾Ð²", "Сергей Лавров"},    // Cyrillic
		{"Ø¨Ø´Ø§Ø± Ø§Ù„Ø£Ø³Ø¯", "بشار الأسد"},             // Arabic
		{"ÃƒÂ©", "é"}, // twice misread
		{"Ndaju-irrapÃªtjÃªm", "Ndaju-irrapêtjêm"},                  // mid-word
		{"Mehmet  GÃ¼rsoy and Gürsoy", "Mehmet  Gürsoy and Gürsoy"}, // mixed with real accents
		// Left alone: no C3 byte, real accents, Ã not followed by a
		// continuation character.
		{"Sergei Lavrov", "Sergei Lavrov"},
		{"Ñúñez Ä Ö", "Ñúñez Ä Ö"},
		{"SÃO PAULO", "SÃO PAULO"},
		{"Ã", "Ã"},
	}
	for _, tt := range tests {
		got, back, ok := unmojibake(tt.in)
		if got != tt.want {
			t.Errorf("unmojibake(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		if ok != (tt.in != tt.want) {
			t.Errorf("unmojibake(%q): repaired %v", tt.in, ok)
		}
		if ok && (len(back) != len(got)+1 || back[len(got)] != len(tt.in)) {
			t.Errorf("unmojibake(%q): %d offsets for %d bytes, end %d", tt.in, len(back), len(got), back[len(back)-1])
		}
	}
}

// A name in mojibake is analysed as the name, and its tokens point into
// the text as written.
func TestAnalyzeMojibake(t *testing.T) {
	in := "JosÃ© LÃ³pez"
	got, want := Analyze(in), Analyze("José López")
	if len(got.Tokens) != len(want.Tokens) {
		t.Fatalf("%d tokens, want %d", len(got.Tokens), len(want.Tokens))
	}
	for i, tok := range got.Tokens {
		if tok.Form != want.Tokens[i].Form {
			t.Errorf("token %d: %q, want %q", i, tok.Form, want.Tokens[i].Form)
		}
	}
	if got.Raw != in {
		t.Errorf("Raw = %q, want the text as written", got.Raw)
	}
	if w := in[got.Tokens[1].Start:got.Tokens[1].End]; w != "LÃ³pez" {
		t.Errorf("second token spans %q, want %q", w, "LÃ³pez")
	}
}
