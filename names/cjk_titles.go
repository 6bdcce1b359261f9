package names

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Chinese and Japanese write a title straight after the name, without a
// space: 普京总统 (President Putin), 岸田首相 (Prime Minister Kishida),
// 王毅外长, バイデン大統領; "former" goes between (安倍元首相). Analyze
// marks such titles among the characters it reads one by one, but a name
// read as a whole (a Japanese name, a transcription of a foreign one)
// must be cut from its title first.

// cjkTitles are the title phrases of titlePhrases written in Chinese
// characters or kana, longest first, with the foreign ministers'
// Chinese short form 外长, which the press writes.
var cjkTitles = sync.OnceValue(func() []string {
	var out []string
	for _, p := range append(slices.Clone(titlePhrases), "外长", "外長", "防长", "防長") {
		if p != "" && strings.IndexFunc(p, func(r rune) bool { return !isCJKLetter(r) }) < 0 {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return len(b) - len(a) })
	return slices.Compact(out)
})

// formerMarks say that the title after them was the person's: 元首相,
// 前总统.
const formerMarks = "元前原"

func isCJKLetter(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// cutCJKTitle returns a name written in Chinese characters or kana cut
// from the titles written after it, and those titles without the marks of
// a former one ("" for none): "普京总统" gives "普京" and "总统", "安倍元首相"
// "安倍" and "首相".
func cutCJKTitle(s string) (name, title string) {
	name = strings.TrimSpace(s)
	if r, _ := utf8.DecodeLastRuneInString(name); !isCJKLetter(r) {
		return name, "" // most names: no title to look for
	}
	for {
		cut := false
		for _, t := range cjkTitles() {
			if rest, ok := strings.CutSuffix(name, t); ok && rest != "" {
				name, title, cut = rest, t+title, true
				break
			}
		}
		if !cut {
			break
		}
		if r := []rune(name); len(r) > 1 && strings.ContainsRune(formerMarks, r[len(r)-1]) {
			name = string(r[:len(r)-1])
		}
	}
	return strings.TrimSpace(name), title
}
