package names

import (
	"strings"
	"testing"
)

func TestTranslitHan(t *testing.T) {
	for _, c := range []struct {
		word    string
		surname bool
		want    string
	}{
		{"习", true, "xi"},
		{"近", false, "jin"},
		{"沈", true, "shen"}, // go-unidecode: chen
		{"单", true, "shan"},
		{"单", false, "dan"},
		{"曾", true, "zeng"},
		{"曾", false, "ceng"},
		{"薄", true, "bo"},
		{"朴", true, "piao"},
		{"區", true, "ou"},
		{"尉", true, "wei"},
		{"吕", true, "lu"},
		{"长", false, "chang"},
		{"贝拉克", false, "beilake"},
		{"奥巴马", true, "aobama"}, // a part of a transcription is no surname
		{"々", false, ""},
	} {
		t.Run(c.word, func(t *testing.T) {
			if got := foldWord(c.word, hanScript, false, c.surname); got != c.want {
				t.Errorf("foldWord(%q, surname=%v) = %q, want %q", c.word, c.surname, got, c.want)
			}
		})
	}
}

func TestAnalyzeHan(t *testing.T) {
	checkForms(t, []formCase{
		{"习近平", "xi jin ping"},
		{"習近平", "xi jin ping"},
		{"沈跃跃", "shen yue yue"},
		{"李长春", "li chang chun"},
		{"Mao 毛泽东", "mao mao ze dong"},
	})
}

func TestHanTranscriptionDetected(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"贝拉克·奥巴马", true},
		{"弗拉基米尔・普京", true},
		{"伊力哈木‧土赫提", true},
		{"唐纳德 · 特朗普", true},
		{"习近平", false},
		{"Xi·Jinping", false},
		{"Dr.李", false},
		{"李·", false},
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := isHanTranscription(c.in); got != c.want {
				t.Errorf("isHanTranscription(%q) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}

// TestTranscriptionWords shows what segment gives a transcription once
// it keeps each part whole (splitsPerRuneIn): one word per part.
func TestTranscriptionWords(t *testing.T) {
	in := "贝拉克·奥巴马"
	tr := isHanTranscription(in)
	if hanScript.splitsPerRuneIn(tr) {
		t.Fatal("a transcription's characters must not be split")
	}
	if !hanScript.splitsPerRuneIn(false) || !hangulScript.splitsPerRuneIn(true) {
		t.Fatal("Chinese names and Korean syllables are still split")
	}
	var forms []string
	for _, part := range strings.FieldsFunc(in, isTransliterationDot) {
		forms = append(forms, foldWord(part, hanScript, false, false))
	}
	if got := strings.Join(forms, " "); got != "beilake aobama" {
		t.Errorf("parts read %q, want %q", got, "beilake aobama")
	}
}

func BenchmarkAnalyzeHan(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Analyze("习近平")
	}
}
