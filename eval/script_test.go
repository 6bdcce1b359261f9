package eval

import (
	"strings"
	"testing"
)

func TestToCyrillic(t *testing.T) {
	for in, want := range map[string]string{
		"Sergei Lavrov": "Сергей Лавров", "Vladimir Putin": "Владимир Путин", "Yelena Ivanova": "Елена Иванова",
		"Mikhail Khodorkovsky": "Михаил Ходорковскы",
	} {
		if got := toCyrillic(in); got != want {
			t.Errorf("toCyrillic(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestToArabic checks the spellings the generator relies on: long vowels
// of the last syllable written, short ones not, the article joined, "Abd"
// written عبد, apostrophes (ayn, hamza) dropped, dj as ج.
func TestToArabic(t *testing.T) {
	for in, want := range map[string]string{
		"Bashar al-Assad": "بشار الاساد",
		"Mohammed":        "محمد",
		"Abdul Malik":     "عبد المليك",
		"Djamel":          "جمل",
		"Ra'if":           "ريف",
	} {
		if got := toArabic(in); got != want {
			t.Errorf("toArabic(%q) = %q, want %q", in, got, want)
		}
	}
	if got := toArabic("Abdulrahman"); !strings.HasPrefix(got, "عبد ال") {
		t.Errorf("toArabic(Abdulrahman) = %q, want عبد ال...", got)
	}
}
