package names

import (
	"slices"
	"testing"
)

// shareKoreanKey reports whether two tokens have a Korean reading in
// common.
func shareKoreanKey(a, b string) bool {
	kb := KoreanKeys(b)
	for _, k := range KoreanKeys(a) {
		if slices.Contains(kb, k) {
			return true
		}
	}
	return false
}

func TestKoreanKeySameName(t *testing.T) {
	for _, p := range [][2]string{
		{"kim", "gim"}, {"jong", "jeong"}, {"jong", "chong"}, {"jong", "cheong"}, {"un", "eun"},
		{"jongun", "jeongeun"}, {"jongun", "chongun"}, {"kimjongun", "gimjeongeun"},
		{"park", "bak"}, {"pak", "bak"}, {"lee", "i"}, {"lee", "yi"}, {"rhee", "ri"}, {"lee", "rhee"},
		{"choe", "choi"}, {"ryong", "yong"}, {"ryonghae", "yonghae"}, {"hwan", "hoan"}, {"yeo", "yo"},
		{"ahn", "an"}, {"jung", "jeong"}, {"young", "yeong"}, {"kwon", "gwon"},
		{"suh", "seo"}, {"moon", "mun"}, {"yoon", "yun"}, {"sohn", "son"}, {"shin", "sin"},
		{"hur", "heo"}, {"byun", "byeon"}, {"pong", "bong"}, {"ju", "chu"},
	} {
		t.Run(p[0]+"="+p[1], func(t *testing.T) {
			if !shareKoreanKey(p[0], p[1]) {
				t.Errorf("KoreanKeys(%q) = %q and KoreanKeys(%q) = %q share no key", p[0], KoreanKeys(p[0]), p[1], KoreanKeys(p[1]))
			}
		})
	}
}

func TestKoreanKeyDifferentNames(t *testing.T) {
	for _, p := range [][2]string{
		{"jongil", "jongun"}, {"il", "un"}, {"kim", "pak"}, {"jong", "jang"}, {"choe", "cho"},
		{"ilsung", "jongil"}, {"sol", "sal"}, {"lai", "nai"}, {"ra", "na"},
	} {
		t.Run(p[0]+"≠"+p[1], func(t *testing.T) {
			if shareKoreanKey(p[0], p[1]) {
				t.Errorf("KoreanKeys(%q) = %q and KoreanKeys(%q) = %q share a key", p[0], KoreanKeys(p[0]), p[1], KoreanKeys(p[1]))
			}
		})
	}
}

func TestKoreanKeyNotKorean(t *testing.T) {
	for _, w := range []string{"smith", "lavrov", "vladimir", "xi", "zedong", "alexander", "frank", "qasim", "", "kim2", "abcdefghijklmnopq"} {
		if k := KoreanKeys(w); k != nil {
			t.Errorf("KoreanKeys(%q) = %q, want none", w, k)
		}
	}
}

func TestKoreanKeyJoined(t *testing.T) {
	// "Kim Jong Un" and "Kim Jong-un" meet on the key of the pair joined.
	if a, b := KoreanKey("jongun"), KoreanKey("jeongeun"); a == "" || a != b {
		t.Errorf("KoreanKey(jongun) = %q, KoreanKey(jeongeun) = %q", a, b)
	}
	if KoreanKey("jongun") == KoreanKey("jongil") {
		t.Error("Jong Un and Jong Il share a key")
	}
}

func BenchmarkKoreanKey(b *testing.B) {
	forms := []string{"jongun", "kim", "ryonghae", "putin", "lavrov"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		KoreanKeys(forms[i%len(forms)])
	}
}
