package names

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// appendArabic appends the tokens of a word in Arabic script. The article
// ال written joined to its word is a token of its own; الله is "allah",
// whole, whether it stands alone or ends a word (عطاالله); a word
// starting with عبد ("servant of") is split after it, as Latin spellings
// write "Abd al-Rahman"; the rest is transliterated.
func appendArabic(toks []Token, w word) []Token {
	text := norm.NFKC.String(w.text)
	exact := text == w.text // offsets within the word are exact
	pos := 0                // byte offset of text's rest in the word
	at := func(from, to int) (int, int) {
		if !exact {
			return w.start, w.end
		}
		return w.start + from, w.start + to
	}
	rest := text
	for _, abu := range []string{"ابو", "أبو"} {
		if r, ok := strings.CutPrefix(rest, abu); ok && len([]rune(r)) >= 3 {
			// ابواليزيد: Abu al-Yazid written as one word.
			s, e := at(pos, pos+len(abu))
			toks = append(toks, newToken("abu", Particle, s, e, true))
			pos += len(abu)
			rest = r
			break
		}
	}
	if r, ok := strings.CutPrefix(rest, "محمد"); ok && len([]rune(r)) >= 3 {
		// محمدباقر: Mohammad Bagher written as one word.
		s, e := at(pos, pos+len("محمد"))
		toks = appendWord(toks, "mhmd", s, e, true)
		pos += len("محمد")
		rest = r
	}
	if r, ok := strings.CutPrefix(rest, "عبد"); ok && len([]rune(r)) >= 2 {
		s, e := at(pos, pos+len("عبد"))
		toks = append(toks, newToken("abd", Word, s, e, true))
		pos += len("عبد")
		rest = r
	}
	if rest == "الله" || rest == "اللہ" {
		s, e := at(pos, pos+len(rest))
		return append(toks, newToken("allah", Word, s, e, true))
	}
	if r, ok := strings.CutPrefix(rest, "ال"); ok && len([]rune(r)) >= 2 {
		s, e := at(pos, pos+len("ال"))
		toks = append(toks, newToken("al", Particle, s, e, true))
		pos += len("ال")
		rest = r
	}
	if pre, ok := strings.CutSuffix(rest, "الله"); ok && pre != "" {
		s, e := at(pos, pos+len(pre))
		if f := fold(pre, arabicScript, false); f != "" {
			toks = appendWord(toks, f, s, e, true)
		}
		s, e = at(pos+len(pre), pos+len(rest))
		return append(toks, newToken("allah", Word, s, e, true))
	}
	for _, din := range []string{"الدين", "الدین"} {
		if pre, ok := strings.CutSuffix(rest, din); ok && pre != "" {
			// نورالدين: Nur al-Din written as one word.
			s, e := at(pos, pos+len(pre))
			if f := fold(pre, arabicScript, false); f != "" {
				toks = appendWord(toks, f, s, e, true)
			}
			s, e = at(pos+len(pre), pos+len(rest))
			return append(toks, newToken("al", Particle, s, s, true), newToken("din", Word, s, e, true))
		}
	}
	if f := fold(rest, arabicScript, false); f != "" {
		s, e := at(pos, pos+len(rest))
		toks = appendWord(toks, f, s, e, true)
	}
	return toks
}
