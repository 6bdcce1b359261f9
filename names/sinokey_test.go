package names

import (
	"slices"
	"testing"
)

// shareKey reports whether two tokens have a Chinese reading in common.
func shareKey(a, b string) bool {
	kb := SinoKeys(b)
	for _, k := range SinoKeys(a) {
		if slices.Contains(kb, k) {
			return true
		}
	}
	return false
}

func TestSinoKeySameName(t *testing.T) {
	for _, p := range [][2]string{
		// Wade–Giles and pinyin, joined and split.
		{"mao", "mao"}, {"tsetung", "zedong"}, {"tse", "ze"}, {"tung", "dong"},
		{"hsi", "xi"}, {"chinping", "jinping"}, {"chin", "jin"}, {"ping", "ping"},
		{"chiang", "jiang"}, {"kaishek", "jieshi"},
		{"teng", "deng"}, {"hsiaoping", "xiaoping"},
		{"chou", "zhou"}, {"enlai", "enlai"},
		{"li", "li"}, {"tenghui", "denghui"},
		{"tsai", "cai"}, {"ingwen", "yingwen"},
		{"ma", "ma"}, {"yingjeou", "yingjiu"},
		{"chingkuo", "jingguo"}, {"hsueh", "xue"}, {"chueh", "jue"}, {"yueh", "yue"},
		{"erh", "er"}, {"jen", "ren"}, {"jung", "rong"}, {"chih", "zhi"}, {"shih", "shi"},
		{"jih", "ri"}, {"ko", "ge"}, {"kuei", "gui"}, {"chiung", "jiong"}, {"hsiung", "xiong"},
		{"lieh", "lie"}, {"lien", "lian"}, {"yen", "yan"}, {"szu", "si"}, {"ssu", "si"}, {"tzu", "zi"},
		// Yale, Tongyong, MPS II, passports.
		{"mau", "mao"}, {"dzedung", "zedong"}, {"syi", "xi"}, {"jr", "zhi"},
		{"jhih", "zhi"}, {"syu", "xu"}, {"fong", "feng"}, {"shiang", "xiang"},
		{"lyu", "lu"}, {"lv", "lu"}, {"yuih", "youyi"},
		// Cantonese, Hokkien, Teochew surnames.
		{"wong", "huang"}, {"wong", "wang"}, {"chan", "chen"}, {"cheung", "zhang"},
		{"leung", "liang"}, {"ng", "wu"}, {"ng", "huang"}, {"tsang", "zeng"},
		{"lam", "lin"}, {"lau", "liu"}, {"chow", "zhou"}, {"yip", "ye"}, {"kwok", "guo"},
		{"tse", "xie"}, {"lim", "lin"}, {"tan", "chen"}, {"ong", "wang"}, {"goh", "wu"},
		{"teo", "zhang"}, {"koh", "xu"}, {"khoo", "qiu"}, {"sy", "shi"},
		// Cantonese given names (Hong Kong), split and joined: John Lee
		// Ka-chiu, Tang Ping-keung, Andy Lau Tak-wah, Carrie Lam
		// Yuet-ngor, Stephen Chow Sing-chi.
		{"kachiu", "jiachao"}, {"pingkeung", "bingqiang"}, {"takwah", "dehua"},
		{"yuet", "yue"}, {"ngor", "e"}, {"singchi", "xingchi"}, {"chiuwai", "chaowei"},
	} {
		t.Run(p[0]+"="+p[1], func(t *testing.T) {
			if !shareKey(p[0], p[1]) {
				t.Errorf("SinoKeys(%q) = %q and SinoKeys(%q) = %q share no key", p[0], SinoKeys(p[0]), p[1], SinoKeys(p[1]))
			}
		})
	}
}

// TestSinoKeyJoinedNames checks the single key of the names of the brief
// joined, as veto compares a pair of tokens against one.
func TestSinoKeyJoinedNames(t *testing.T) {
	for _, p := range [][2]string{
		{"tsetung", "zedong"}, {"chinping", "jinping"}, {"kaishek", "jieshi"}, {"hsiaoping", "xiaoping"},
		{"enlai", "enlai"}, {"tenghui", "denghui"}, {"ingwen", "yingwen"}, {"yingjeou", "yingjiu"},
		{"chiang", "jiang"}, {"hsi", "xi"}, {"teng", "deng"}, {"tsai", "cai"}, {"chou", "zhou"},
	} {
		t.Run(p[0], func(t *testing.T) {
			a, b := SinoKey(p[0]), SinoKey(p[1])
			if a == "" || a != b {
				t.Errorf("SinoKey(%q) = %q, SinoKey(%q) = %q", p[0], a, p[1], b)
			}
		})
	}
}

func TestSinoKeyDifferentNames(t *testing.T) {
	for _, p := range [][2]string{
		{"zedong", "zemin"}, {"xi", "shi"}, {"jinping", "jinpeng"}, {"mao", "miao"}, {"li", "lin"},
		{"zhou", "zhao"}, {"deng", "dong"}, {"xiaoping", "xiaopeng"}, {"wang", "huang"}, {"jiang", "zhang"},
		{"tsetung", "tsemin"}, {"hsi", "shih"},
		// A Cantonese syllable reads the characters it writes, not
		// every pinyin syllable it looks like.
		{"kachiu", "jiazhou"}, {"takwah", "dehuang"},
	} {
		t.Run(p[0]+"≠"+p[1], func(t *testing.T) {
			if shareKey(p[0], p[1]) {
				t.Errorf("SinoKeys(%q) = %q and SinoKeys(%q) = %q share a key", p[0], SinoKeys(p[0]), p[1], SinoKeys(p[1]))
			}
		})
	}
}

// TestSinoKeyCollisions documents the pairs that the merged key cannot
// tell apart, by design (see SinoKeys).
func TestSinoKeyCollisions(t *testing.T) {
	for _, p := range [][2]string{{"zhang", "chang"}, {"jin", "qin"}, {"ping", "bing"}, {"deng", "teng"}, {"gao", "kao"}, {"lu", "lv"}} {
		if SinoKey(p[0]) != SinoKey(p[1]) {
			t.Errorf("SinoKey(%q) = %q, SinoKey(%q) = %q: expected to collide", p[0], SinoKey(p[0]), p[1], SinoKey(p[1]))
		}
	}
}

func TestSinoKeyNotChinese(t *testing.T) {
	for _, w := range []string{"putin", "lavrov", "smith", "vladimir", "sergei", "bashar", "muhammad", "alexander", "kolomoisky", "", "x1", "Xi"} {
		if k := SinoKeys(w); k != nil {
			t.Errorf("SinoKeys(%q) = %q, want none", w, k)
		}
	}
}

func TestSinoKeyOrder(t *testing.T) {
	for _, c := range []struct{ form, first, also string }{
		{"wong", "huang", "wang"},
		{"chiang", "jiang", ""},  // Wade–Giles jiang, not pinyin chi-ang
		{"chi", "zhi", "ji"},     // pinyin chi first, Wade–Giles ch'i after
		{"chan", "zhan", "zhen"}, // pinyin chan, then Cantonese Chen
		{"tse", "xie", "ze"},     // the Hong Kong surname, then Wade–Giles
		{"tan", "dan", "zhen"},   // pinyin tan, then Hokkien Chen
		{"xian", "xian", ""},     // one syllable, not xi-an
		{"jieshi", "jieshi", ""}, // pinyin
		{"zhongshan", "zhongshan", ""},
	} {
		t.Run(c.form, func(t *testing.T) {
			ks := SinoKeys(c.form)
			if len(ks) == 0 || ks[0] != c.first || SinoKey(c.form) != c.first {
				t.Errorf("SinoKeys(%q) = %q, want %q first", c.form, ks, c.first)
			}
			if c.also != "" && !slices.Contains(ks, c.also) {
				t.Errorf("SinoKeys(%q) = %q, want %q among them", c.form, ks, c.also)
			}
		})
	}
}

func BenchmarkSinoKey(b *testing.B) {
	forms := []string{"tsetung", "jinping", "wong", "putin", "hsiaoping", "lavrov"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		SinoKeys(forms[i%len(forms)])
	}
}
