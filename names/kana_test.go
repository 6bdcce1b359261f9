package names

import "testing"

func TestKanaHepburn(t *testing.T) {
	checkForms(t, []formCase{
		{"プーチン", "puchin"},
		{"ウラジーミル・プーチン", "urajimiru puchin"},
		{"あべ しんぞう", "abe shinzo"},
		{"さとう こういち", "sato koichi"},
		{"いのうえ", "inoue"},
		{"おおの", "ono"},
		{"ゆうこ", "yuko"},
		{"ふじい", "fujii"},
		{"けいこ", "keiko"},
		{"しんぶん", "shimbun"},
		{"きっちり", "kitchiri"},
		{"ほっかいどう", "hokkaido"},
		{"キャンベル", "kyamberu"},
		{"しゃちょう", "shacho"},
		{"ジョー・バイデン", "jo baiden"},
		{"ヴァレンティーナ", "varentina"},
		{"ヴ", "vu"},
		{"ファティマ", "fatima"},
		{"ウィリアム", "wiriamu"},
		{"チェ", "che"},
		{"ディエゴ", "diego"},
		{"ｱﾍﾞ", "abe"},
		{"みすゞ", "misusu"},
	})
}
