package names

import "testing"

func TestJapaneseReading(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"安倍晋三", "abe shinzo"},
		{"岸田文雄", "kishida fumio"},
		{"菅義偉", "suga yoshihide"},
		{"小泉純一郎", "koizumi junichiro"},
		{"麻生太郎", "aso taro"},
		{"石破茂", "ishiba shigeru"},
		{"鳩山由紀夫", "hatoyama yukio"},
		{"佐々木健", "sasaki ken"},
		{"篠田建市", "shinoda kenichi"}, // Tsukasa Shinobu, Yamaguchi-gumi
		{"高山清司", "takayama kiyoshi"},
		{"井上邦雄", "inoue kunio"},
		{"麻原彰晃", "asahara shoko"},
		{"安倍 晋三", "abe shinzo"},
		{"安倍・晋三", "abe shinzo"},
	} {
		t.Run(c.in, func(t *testing.T) {
			got, ok := JapaneseReading(c.in)
			if !ok || got != c.want {
				t.Errorf("JapaneseReading(%q) = %q, %v, want %q", c.in, got, ok, c.want)
			}
		})
	}
}

func TestJapaneseReadingNotJapanese(t *testing.T) {
	for _, in := range []string{"习近平", "毛泽东", "安倍", "晋三", "安倍晋三郎", "", "安倍 习", "Abe"} {
		if got, ok := JapaneseReading(in); ok {
			t.Errorf("JapaneseReading(%q) = %q, want none", in, got)
		}
	}
}
