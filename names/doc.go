// Package names turns a raw name, in any script and spelling, into tokens
// that can be compared: one function path for the names of listed entities
// (at index build) and for queries, so both sides are treated alike.
//
// [Analyze] splits a name into words, transliterates each word to lower-case
// ASCII (Cyrillic, Arabic and Persian by veto's own tables, which keep the
// distinctions that matter for names; Greek, Hebrew, Georgian, Armenian,
// Han, Hangul and Kana through github.com/mozillazg/go-unidecode), folds
// diacritics (ß→ss, ø→o, ł→l), and classifies each token: a word, a
// particle (al, bin, abu, van, de), a title (sheikh, haji, general), an
// organisation legal form mapped to a canonical class (OOO, LLC and
// "obshchestvo s ogranichennoy otvetstvennostyu" are all "llc"), a number,
// or an initial.
//
// Each token carries three keys of decreasing strictness:
//
//   - Form, the transliterated word ("serguei");
//   - Phon, a phonetic skeleton that collapses the spelling variants of
//     transliteration: y/i/j, kh/h, ph/f, w/v, ou/u, q/k, c/k, x/ks, sch/sh,
//     doubled letters, the -iy/-ii/-ij endings, French "gu" before e/i
//     ("serguei", "sergey", "sergej" and "sergei" all give "sergei");
//   - Cons, the consonant skeleton of Phon ("srg"), on which names written
//     in Arabic script (which omits short vowels) meet their Latin forms:
//     بشار gives "bshr", as do Bashar and Bachar.
//
// Tokens keep their byte offsets in the input, so a free-text scanner can
// report where a name was found.
package names
