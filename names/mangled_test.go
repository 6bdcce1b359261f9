package names

import "testing"

func TestDeleet(t *testing.T) {
	tests := []struct {
		form, want string
		ok         bool
	}{
		{"sech1n", "sechin", true},
		{"ig0r", "igor", true},
		{"5ergey", "sergey", true},
		{"plastma55", "plastmass", true}, // a doubled digit, a doubled letter
		{"g00gle", "google", false},      // four letters: too few beside a doubled digit
		{"boeing737", "", false},         // different digits together: a model
		{"su35", "", false},
		{"kh55", "", false}, // a missile: too few letters
		{"mh17", "", false},
		{"a320", "", false},
		{"1st", "", false},
		{"abc555", "", false}, // three digits together
	}
	for _, tt := range tests {
		got, ok := deleet(tt.form)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("deleet(%q) = %q, %v; want %q, %v", tt.form, got, ok, tt.want, tt.ok)
		}
	}
}
