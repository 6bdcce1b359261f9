package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	pinyin "github.com/mozillazg/go-pinyin"
)

// Chinese characters are read as Mandarin pinyin without tones, the way
// lists and passports of the PRC write names (习近平, Xi Jinping). The
// readings come from go-pinyin's dictionary (Unihan kMandarin and the
// pinyin-data project), whose first reading of a character is its common
// one; go-unidecode's tables, used before, read some common surnames
// wrongly (沈 as chen for Shen).

// hanSurnameReadings are characters whose reading as a surname differs
// from their common reading (go-pinyin's first), used for the character
// that begins a name. Sources: the 百家姓 surname readings as given in
// 现代汉语词典 (Xiandai Hanyu Cidian) and the Ministry of Public
// Security's surname list. 尉 is Wei as a surname of its own (尉健行,
// Wei Jianxing) and Yu only in the double surname 尉迟, so it is not here.
var hanSurnameReadings = map[rune]string{
	'单': "shan", '單': "shan",
	'曾': "zeng",
	'解': "xie",
	'仇': "qiu",
	'区': "ou", '區': "ou",
	'查': "zha",
	'朴': "piao", // the Korean surname Park (박) read in Chinese
	'乐': "yue", '樂': "yue",
	'盖': "ge", '蓋': "ge",
	'缪': "miao", '繆': "miao",
	'覃': "qin",
	'秘': "bi",
	'种': "chong", '種': "chong",
	'句': "gou",
	'阚': "kan", '闞': "kan",
	'员': "yun", '員': "yun",
	'隗': "wei",
	'翟': "zhai",
	'薄': "bo", // 薄熙来, Bo Xilai
	'折': "she",
	'都': "du",
	'能': "nai",
	'藏': "zang",
	'祭': "zhai",
	'洗': "xian",
	'召': "shao",
	'繁': "po",
	'黑': "he",
	'长': "chang", '長': "chang",
	'重': "chong",
	'尉': "wei",
}

// hanGivenReadings are characters whose reading in given names differs
// from their common reading: 长 is chang in 李长春, zhang only as a verb.
var hanGivenReadings = map[rune]string{
	'长': "chang", '長': "chang",
}

// translitHan writes the pinyin of a word of Chinese characters: one
// character, or the part of a foreign name that a Chinese transcription
// writes between middle dots (贝拉克 gives "beilake"). surname says the
// word begins a Chinese name.
func translitHan(word string, surname bool, b *strings.Builder) {
	n := 0
	for _, r := range word {
		n++
		if n == 1 && surname && len(word) == utf8.RuneLen(r) {
			if s, ok := hanSurnameReadings[r]; ok {
				b.WriteString(s)
				continue
			}
		}
		if s, ok := hanGivenReadings[r]; ok {
			b.WriteString(s)
			continue
		}
		if !writePinyin(r, b) {
			b.WriteString(unidecodeRune(r))
		}
	}
}

// writePinyin writes the first reading of a Chinese character without
// its tone mark, ü as u (as names are written: 吕 Lu, 女 Nu), and reports
// whether the character has one. It allocates nothing.
func writePinyin(r rune, b *strings.Builder) bool {
	s, ok := pinyin.PinyinDict[int(r)]
	if !ok || s == "" {
		return false
	}
	for _, c := range s {
		if c == ',' {
			break
		}
		if c < 0x80 {
			b.WriteByte(byte(c))
			continue
		}
		switch c {
		case 'ā', 'á', 'ǎ', 'à':
			b.WriteByte('a')
		case 'ē', 'é', 'ě', 'è', 'ê', 'ế', 'ề':
			b.WriteByte('e')
		case 'ī', 'í', 'ǐ', 'ì':
			b.WriteByte('i')
		case 'ō', 'ó', 'ǒ', 'ò':
			b.WriteByte('o')
		case 'ū', 'ú', 'ǔ', 'ù', 'ü', 'ǖ', 'ǘ', 'ǚ', 'ǜ':
			b.WriteByte('u')
		case 'ń', 'ň', 'ǹ':
			b.WriteByte('n')
		case 'ḿ':
			b.WriteByte('m')
		}
	}
	return true
}

// isTransliterationDot reports whether r is one of the dots that Chinese
// (and Japanese) writing puts between the parts of a foreign name.
func isTransliterationDot(r rune) bool {
	switch r {
	case '·', '・', '‧', '•', '∙', '･', '.', '．':
		return true
	}
	return false
}

// isHanTranscription reports whether s is a Chinese transcription of a
// foreign name: Chinese characters with a middle dot between the parts
// (贝拉克·奥巴马, Barack Obama; 弗拉基米尔·普京, Vladimir Putin). Its
// characters spell sounds, not the syllables of a Chinese name, so each
// part is one word ("beilake", "aobama") rather than a token per
// character.
func isHanTranscription(s string) bool {
	if !strings.ContainsFunc(s, isTransliterationDot) {
		return false
	}
	prevHan := false
	sawDot := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			if sawDot && prevHan {
				return true
			}
			prevHan, sawDot = true, false
		case isTransliterationDot(r):
			sawDot = true
		case r == ' ':
		default:
			prevHan, sawDot = false, false
		}
	}
	return false
}

// splitsPerRuneIn is splitsPerRune inside a name for which transcription
// is isHanTranscription(name): the characters of a transcribed foreign
// name stay together, one word per dot-separated part.
func (s script) splitsPerRuneIn(transcription bool) bool {
	return s.splitsPerRune() && !(transcription && s == hanScript)
}
