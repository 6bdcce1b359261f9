// Package names turns a raw name, in any script and spelling, into tokens
// that can be compared: one function path for the names of listed entities
// (at index build) and for queries, so both sides are treated alike.
//
// [Analyze] splits a name into words (splitting words glued in camel case,
// SiemensAG, FridrichBuchenberg, JPMorgan; reading digits and signs that
// stand for letters, Ig0r Sech1n, Ba$har), transliterates each word to
// lower-case ASCII, folds diacritics (ß→ss, š→sh, ə→a), and classifies
// each token: a word, a particle (al, bin, abu, van, de), a title (President,
// Sheikh, Президент, رئيس, 대통령: titlePhrases), an organisation's legal
// form mapped to a canonical class (OOO, LLC and "obshchestvo s
// ogranichennoy otvetstvennostyu" are all "llc"; ISO 20275's forms of many
// countries), a number (44, "forty-four", "1st", "zweiundzwanzigste", XIV:
// readNumber), a patronymic, or an initial.
//
// Transliteration is veto's own where it names matter: Cyrillic (Russian,
// Ukrainian, Belarusian, Serbian, Central Asian), Arabic, Persian, Urdu and
// Pashto, Hebrew, Korean (as the lists write North Korean names), Chinese
// characters as Mandarin pinyin through github.com/mozillazg/go-pinyin
// (surname readings for a name's first character; a transcription of a
// foreign name, 贝拉克·奥巴马, read one word per part), Japanese kana in
// Hepburn (and common kanji names as an extra reading, Readings), Thai,
// Khmer, Burmese, the Indic scripts, Sinhala, Greek, Armenian, Georgian and
// Ethiopic; the rest through github.com/mozillazg/go-unidecode.
//
// Each token carries keys of decreasing strictness:
//
//   - Form, the transliterated word ("serguei");
//   - Phon, a phonetic skeleton that collapses the spelling variants of
//     transliteration and of national spellings: y/i/j, kh/h, ph/f, w/v,
//     ou/u, q/k, c/k, x/ks, sch/sh, dsch/dzh/j, Dutch oe, Polish ie,
//     doubled letters, the -iy/-ii/-ij endings, French "gu" before e/i
//     ("serguei", "sergey", "sergej" and "sergei" all give "sergei");
//   - Cons, the consonant skeleton of Phon ("srg"), on which names written
//     in Arabic script (which omits short vowels) meet their Latin forms:
//     بشار gives "bshr", as do Bashar and Bachar;
//   - Stem, Phon without a Baltic ending (Sergejs, Putinas);
//   - Key, the Chinese and Korean syllables a word may spell, equal for
//     pinyin, Wade–Giles, Yale, Taiwanese, Cantonese and Hokkien surnames,
//     and the Korean romanisations (Tse-tung and Zedong; Gim Jeong-eun and
//     Kim Jong Un);
//   - Loose and ALoose, consonant keys on which a word written in another
//     script meets a Latin one despite the sounds that script lacks
//     (Arabic has no p or v: فلاديمير بوتين; Korean no f or l/r: 블라디미르).
//
// A name's form also says what part each word plays (Role): the surname
// before a comma or in capitals, first in Chinese, Korean, Vietnamese,
// Hungarian and surname-first Russian names, last elsewhere; the first
// given name; middle names and patronymics; the syllables of an East
// Asian given name; and, in an Arabic name, each word's generation in a
// nasab chain (Link: "A bin B" is not "B bin A") and the son's name after
// abu (Kunya). Nicknames (nicknameGroups) and the Japanese readings of
// kanji names are offered to the matcher as weaker or extra evidence.
//
// Tokens keep their byte offsets in the input, so a free-text scanner can
// report where a name was found.
package names
