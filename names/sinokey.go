package names

import "strings"

// SinoKeys returns the canonical keys of the Mandarin syllables that a
// folded Latin token (lower-case ASCII letters, as [Analyze] gives) can
// spell, most likely first, or nil when it spells no 1–3 Chinese
// syllables ("putin", "lavrov", "smith"). Two spellings of one Chinese
// name share a key whichever system wrote them:
//
//   - Hanyu Pinyin (Mao Zedong, Xi Jinping), with ü as u, v or yu (Lü,
//     Lv, Lyu);
//   - Wade–Giles without its apostrophes and umlauts (Mao Tse-tung, Hsi
//     Chin-p'ing, Teng Hsiao-p'ing, Chou En-lai), the Library of
//     Congress Wade–Giles to Pinyin conversion table read backwards;
//   - Yale (Mau Dze-dung), Tongyong Pinyin and MPS II (Taiwan), and the
//     Gwoyeu Romatzyh and passport spellings of Taiwan (Ma Ying-jeou,
//     Tsai Ing-wen, Hou Yu-ih);
//   - the Cantonese (Hong Kong) and Hokkien, Teochew and Hakka
//     (Singapore, Malaysia, the Philippines, Indonesia) spellings of the
//     commonest surnames, as a whole token only (Wong, Chan, Tan, Lim);
//   - a few names known the world over in an irregular spelling
//     (Kai-shek, Jieshi; Yat-sen, Yixian).
//
// A token spells a name joined ("zedong", "tsetung") or one syllable
// ("tse", "tung"); the key of a joined token is the keys of its
// syllables joined, so veto's comparison of a pair of tokens joined
// against one token works on keys too. Pinyin is tried first, and a
// token that is valid pinyin gets its pinyin key first: "chi" is chi
// (吃) before Wade–Giles ch'i (qi).
//
// The key merges what Wade–Giles without apostrophes cannot tell apart,
// on every side, so that pinyin and Wade–Giles meet: the aspirated and
// plain initials b/p, d/t, g/k, z/c, zh/ch and j/q are one (key "b",
// "d", "g", "z", "zh", "j"), and ü is u. Different names therefore
// collide where they differ only there; the collisions accepted are
// those pairs (Zhang and Chang, Jin and Qin, Ping and Bing, Deng and
// Teng, Zhou and Chou, Du and Tu, Gao and Kao, Cao and Zao, Qiang and
// Jiang), and lu/lü, nu/nü. Xi and Shi, Zedong and Zemin, Jinping and
// Jinpeng stay apart.
//
// SinoKeys lists, after the first, the other readings: "tse" is the
// surname Xie in Hong Kong and the syllable ze of Mao Tse-tung; "chan" is
// pinyin chan, and Chen or Zeng in Hong Kong. Two tokens are the same
// Chinese name when their key lists share a key.
//
// A key is evidence only where a name may be Chinese: many short words
// of other languages are valid pinyin ("maria" is ma-ri-a, "sean" se-an,
// "dan"), so a matcher should use keys between two tokens that both
// have one, and weigh them as a transliteration, not as an equal form.
func SinoKeys(form string) []string {
	if !sinoCandidate(form) {
		return nil
	}
	var keys []string
	py, pyN := sinoParse(form)
	anyCuts, anyOK := sinoSplit(form, isSinoSpelling)
	// Pinyin comes first unless another system reads the token as fewer
	// syllables: "chiang" is Wade–Giles jiang, not pinyin chi-ang.
	if pyN > 0 && (!anyOK || pyN <= len(anyCuts)-1) {
		keys = append(keys, py)
	}
	if ks, ok := sinoSurnames[form]; ok {
		keys = appendNew(keys, ks...)
	}
	if k, ok := sinoIrregular[form]; ok {
		keys = appendNew(keys, k)
	}
	if anyOK {
		keys = sinoReadings(form, anyCuts, keys)
	}
	return keys
}

// SinoKey returns the first of [SinoKeys], the most likely reading: a
// token's pinyin reading, else its reading as a surname of Hong Kong or
// of the Hokkien south (Wong, huang), else its Wade–Giles, Yale or
// Taiwanese reading; or "".
func SinoKey(form string) string {
	if ks := SinoKeys(form); len(ks) > 0 {
		return ks[0]
	}
	return ""
}

// sinoMaxSyllables is the most syllables a token may spell: a Chinese
// name has one to three (Ouyang Zhenhua as "ouyangzhenhua" is too many).
const sinoMaxSyllables = 3

// sinoCandidate reports whether form can be Chinese at all: lower-case
// ASCII letters, short enough for three syllables.
func sinoCandidate(form string) bool {
	if form == "" || len(form) > 18 {
		return false
	}
	for i := 0; i < len(form); i++ {
		if form[i] < 'a' || form[i] > 'z' {
			return false
		}
	}
	return true
}

func appendNew(keys []string, add ...string) []string {
	for _, k := range add {
		found := false
		for _, have := range keys {
			if have == k {
				found = true
				break
			}
		}
		if !found {
			keys = append(keys, k)
		}
	}
	return keys
}

// sinoParse splits form into the fewest pinyin syllables and returns
// their keys joined and how many there are (0 when form is not pinyin).
// Of two splits into as many syllables, the one with the longer first
// syllable wins (xian, not xi-an), so one spelling always gives one key.
func sinoParse(form string) (string, int) {
	cuts, ok := sinoSplit(form, isPinyin)
	if !ok {
		return "", 0
	}
	if len(cuts) == 2 {
		return sinoPinyin[form], 1
	}
	var b strings.Builder
	for i := 0; i+1 < len(cuts); i++ {
		b.WriteString(sinoPinyin[form[cuts[i]:cuts[i+1]]])
	}
	return b.String(), len(cuts) - 1
}

func isPinyin(s string) bool {
	_, ok := sinoPinyin[s]
	return ok
}

func isSinoSpelling(s string) bool {
	_, ok := sinoSpellings[s]
	return ok
}

// sinoReadings appends to keys those of form split at cuts into
// spellings of any system, every reading of each syllable combined, up
// to eight keys.
func sinoReadings(form string, cuts []int, keys []string) []string {
	var walk func(i int, prefix string)
	walk = func(i int, prefix string) {
		if len(keys) >= 8 {
			return
		}
		if i+1 == len(cuts) {
			keys = appendNew(keys, prefix)
			return
		}
		for _, k := range sinoSpellings[form[cuts[i]:cuts[i+1]]] {
			walk(i+1, prefix+k)
		}
	}
	walk(0, "")
	return keys
}

// sinoSplit returns the cut points of the split of form into the fewest
// syllables that valid accepts (at most sinoMaxSyllables), preferring a
// longer first syllable, then a longer second.
func sinoSplit(form string, valid func(string) bool) ([]int, bool) {
	n := len(form)
	if valid(form) && n <= sinoMaxSpelling {
		return []int{0, n}, true
	}
	for i := min(n-1, sinoMaxSpelling); i >= 1; i-- {
		if !valid(form[:i]) {
			continue
		}
		if n-i <= sinoMaxSpelling && valid(form[i:]) {
			return []int{0, i, n}, true
		}
	}
	for i := min(n-2, sinoMaxSpelling); i >= 1; i-- {
		if !valid(form[:i]) {
			continue
		}
		for j := min(n-1, i+sinoMaxSpelling); j > i; j-- {
			if valid(form[i:j]) && n-j <= sinoMaxSpelling && valid(form[j:]) {
				return []int{0, i, j, n}, true
			}
		}
	}
	return nil, false
}
