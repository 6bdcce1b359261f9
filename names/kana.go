package names

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Hiragana and katakana are romanised in modified Hepburn as Japanese
// passports write names (the Ministry of Foreign Affairs' Hepburn table):
// シ is shi, チ chi, ツ tsu, ジ and ヂ ji; a small ャ ュ ョ makes a
// contracted syllable (キャ kya, シャ sha); the small vowels of katakana
// write foreign sounds (ファ fa, ティ ti, ウィ wi, ヴァ va); a small ッ
// doubles the next consonant (ッチ tchi); ン is m before b, m and p; and
// long vowels are not marked: the prolonged sound mark ー is dropped, and
// oo, ou, uu are o, o, u (佐藤 さとう, Sato; プーチン, puchin), except ou
// before e, where the u begins a syllable of its own (いのうえ, Inoue).
// go-unidecode wrote ジ as "zi" (Nihon-shiki) and kept the long vowels.

// kanaRomaji are the katakana U+30A1–U+30FA; hiragana are read through
// them. A leading "_" marks the small kana that modify the one before.
var kanaRomaji = [0x5A]string{
	"_a", "a", "_i", "i", "_u", "u", "_e", "e", "_o", "o", // ァ ア ィ イ ゥ ウ ェ エ ォ オ
	"ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go",
	"sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo",
	"ta", "da", "chi", "ji", "_tsu", "tsu", "zu", "te", "de", "to", "do", // タ ダ チ ヂ ッ ツ ヅ テ デ ト ド
	"na", "ni", "nu", "ne", "no",
	"ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo", "po",
	"ma", "mi", "mu", "me", "mo",
	"_ya", "ya", "_yu", "yu", "_yo", "yo",
	"ra", "ri", "ru", "re", "ro",
	"_wa", "wa", "i", "e", "o", "n", "vu", "ka", "ke", "va", "vi", "ve", "vo", // ヮ ワ ヰ ヱ ヲ ン ヴ ヵ ヶ ヷ ヸ ヹ ヺ
}

// kanaOf returns the romaji of a kana, hiragana folded to katakana.
func kanaOf(r rune) (string, bool) {
	if r >= 0x3041 && r <= 0x3096 {
		r += 0x60
	}
	if r >= 0x30A1 && r <= 0x30FA {
		return kanaRomaji[r-0x30A1], true
	}
	return "", false
}

// translitKana romanises a run of hiragana and katakana.
func translitKana(run string, b *strings.Builder) {
	for _, r := range run {
		if r >= 0xFF00 {
			run = norm.NFKC.String(run) // half-width katakana
			break
		}
	}
	var buf [64]byte
	out := buf[:0]
	last := 0         // where the romaji of the last kana starts in out
	geminate := false // a small tsu waits for its consonant
	for _, r := range run {
		if r == 'ー' {
			continue // a long vowel is written single
		}
		if r == 'ヽ' || r == 'ゝ' || r == 'ヾ' || r == 'ゞ' {
			// Iteration marks repeat the kana before.
			rep := string(out[last:])
			last = len(out)
			out = append(out, rep...)
			continue
		}
		s, ok := kanaOf(r)
		if !ok {
			out = append(out, unidecodeRune(r)...)
			last = len(out)
			continue
		}
		if s == "_tsu" {
			geminate = true
			continue
		}
		if s[0] == '_' {
			out = kanaModify(out, last, s[1:])
			continue
		}
		if s == "vu" {
			s = "v" // the u of ヴ is only the vowel Japanese must write
		}
		last = len(out)
		if geminate {
			if strings.HasPrefix(s, "ch") {
				out = append(out, 't')
			} else if c := s[0]; !isVowel(c) && c != 'n' {
				out = append(out, c)
			}
			geminate = false
		}
		out = append(out, s...)
	}
	// A lone v at the end of a word was a whole ヴ.
	if n := len(out); n > 0 && out[n-1] == 'v' {
		out = append(out, 'u')
	}
	b.Write(kanaLongVowels(kanaSyllabicN(out)))
}

// kanaModify applies a small kana to the romaji of the kana before it,
// which starts at out[last:]: a small ャ, ュ, ョ replaces its i with y
// (キャ kya) or with nothing after sh, ch and j (シャ sha); a small vowel
// replaces its vowel (ファ fa, チェ che), after ウ as w (ウィ wi), after イ
// as y (イェ ye), after テ, デ as i (ティ ti), after ト, ド as u (トゥ tu).
func kanaModify(out []byte, last int, small string) []byte {
	prev := string(out[last:])
	if prev == "" {
		return append(out, small...)
	}
	out = out[:last]
	switch {
	case small[0] == 'y' || small == "wa":
		stem := strings.TrimSuffix(prev, "i")
		if small == "wa" {
			stem = strings.TrimSuffix(prev, "u")
		}
		if stem == "sh" || stem == "ch" || stem == "j" || small == "wa" {
			return append(append(out, stem...), small[1:]...)
		}
		return append(append(out, stem...), small...)
	case prev == "u":
		return append(append(out, 'w'), small...)
	case prev == "i":
		return append(append(out, 'y'), small...)
	case (prev == "te" || prev == "de") && small == "i", (prev == "to" || prev == "do") && small == "u":
		return append(append(out, prev[0]), small...)
	case prev == "ku" || prev == "gu":
		return append(append(out, prev[0], 'w'), small...)
	case prev == "v":
		return append(append(out, 'v'), small...)
	}
	stem := strings.TrimRight(prev, "aeiou")
	return append(append(out, stem...), small...)
}

// kanaSyllabicN writes ン as m before b, m and p (Hepburn: Shimbun).
func kanaSyllabicN(s []byte) []byte {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 'n' && (s[i+1] == 'b' || s[i+1] == 'm' || s[i+1] == 'p') {
			s[i] = 'm'
		}
	}
	return s
}

// kanaLongVowels writes the long vowels oo, ou, uu, aa and ee single, as
// passports do; ou before e is two syllables (Inoue), and ii and ei are
// kept (Fujii, Keiko).
func kanaLongVowels(s []byte) []byte {
	out := s[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if n := len(out); n > 0 {
			p := out[n-1]
			long := p == c && (c == 'o' || c == 'u' || c == 'a' || c == 'e') ||
				p == 'o' && c == 'u' && (i+1 >= len(s) || s[i+1] != 'e')
			if long && (n < 2 || !strings.ContainsRune("aeiou", rune(out[n-2]))) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}
