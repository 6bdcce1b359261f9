package names

import (
	"slices"
	"testing"
)

func TestCutCJKTitle(t *testing.T) {
	tests := []struct{ in, name, title string }{
		{"普京总统", "普京", "总统"},
		{"岸田首相", "岸田", "首相"},
		{"安倍元首相", "安倍", "首相"}, // 元: former
		{"王毅外长", "王毅", "外长"},
		{"バイデン大統領", "バイデン", "大統領"},
		{"习近平", "习近平", ""},
		{"总统", "总统", ""}, // a title alone is no name
	}
	for _, tt := range tests {
		if name, title := cutCJKTitle(tt.in); name != tt.name || title != tt.title {
			t.Errorf("cutCJKTitle(%q) = %q, %q; want %q, %q", tt.in, name, title, tt.name, tt.title)
		}
	}
}

func TestReadingsWithTitles(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"岸田文雄首相", []string{"首相 kishida fumio"}},
		{"岸田首相", []string{"首相 kishida"}}, // a surname with a title names a person
		{"岸田", nil}, // a surname alone does not
		{"普京总统", nil},
	}
	for _, tt := range tests {
		if got := Readings(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Readings(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTranscription(t *testing.T) {
	tests := []struct {
		in   string
		ok   bool
		want []string // forms
		kind []Kind
	}{
		{"普京总统", true, []string{"zong", "tong", "pujing"}, []Kind{Title, Title, Word}},
		{"普京", true, []string{"pujing"}, []Kind{Word}},
		{"安倍晋三", false, nil, nil},     // read as Japanese
		{"弗拉基米尔·普京", false, nil, nil}, // a transcription already
		{"普", false, nil, nil},
		{"Putin", false, nil, nil},
	}
	for _, tt := range tests {
		n, ok := Transcription(tt.in)
		if ok != tt.ok {
			t.Errorf("Transcription(%q): ok %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		var kinds []Kind
		for _, tok := range n.Tokens {
			kinds = append(kinds, tok.Kind)
		}
		if !slices.Equal(n.Forms(), tt.want) || !slices.Equal(kinds, tt.kind) || n.Raw != tt.in {
			t.Errorf("Transcription(%q) = %q %v (raw %q), want %q %v", tt.in, n.Forms(), kinds, n.Raw, tt.want, tt.kind)
		}
	}
}
