package eval

import (
	"strings"
	"unicode"
)

// toCyrillic writes a romanised Russian name back in Cyrillic, the way a
// Russian document would: Sergei Lavrov → Сергей Лавров.
func toCyrillic(s string) string {
	var out strings.Builder
	for i, w := range strings.Fields(s) {
		if i > 0 {
			out.WriteByte(' ')
		}
		out.WriteString(cyrWord(strings.ToLower(w)))
	}
	return out.String()
}

var cyrPairs = []struct{ lat, cyr string }{
	{"shch", "щ"}, {"sch", "щ"}, {"tch", "ч"}, {"zh", "ж"}, {"kh", "х"}, {"ts", "ц"}, {"ch", "ч"}, {"sh", "ш"},
	{"yu", "ю"}, {"ya", "я"}, {"yo", "ё"}, {"iy", "ий"}, {"yi", "ый"}, {"ei", "ей"}, {"ey", "ей"}, {"ai", "ай"},
	{"ay", "ай"}, {"oi", "ой"}, {"oy", "ой"}, {"ui", "уй"},
	{"a", "а"}, {"b", "б"}, {"v", "в"}, {"w", "в"}, {"g", "г"}, {"d", "д"}, {"e", "е"}, {"z", "з"}, {"i", "и"},
	{"j", "й"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"}, {"p", "п"}, {"r", "р"}, {"s", "с"},
	{"t", "т"}, {"u", "у"}, {"f", "ф"}, {"h", "х"}, {"c", "к"}, {"q", "к"}, {"x", "кс"}, {"y", "ы"},
}

func cyrWord(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); {
		if i == 0 && strings.HasPrefix(w, "ye") {
			b.WriteString("е")
			i += 2
			continue
		}
		matched := false
		for _, p := range cyrPairs {
			// ai, ei, oi, ui are a diphthong (ай, ей) only at the end:
			// Nikolai, Sergei; Mikhail is Михаил.
			if len(p.lat) == 2 && p.lat[1] == 'i' && isVowel(p.lat[0]) && i+2 != len(w) {
				continue
			}
			if strings.HasPrefix(w[i:], p.lat) {
				b.WriteString(p.cyr)
				i += len(p.lat)
				matched = true
				break
			}
		}
		if !matched {
			i++ // drop what has no Cyrillic letter (apostrophes, digits)
		}
	}
	return capitalise(b.String())
}

// toArabic writes a romanised Arabic or Persian name in Arabic script the
// way it is usually spelt: the commonest name words as their writers
// spell them (arabicSpellings), compounds apart (Habibullah, حبيب الله);
// for the rest, short vowels are not written; long vowels are,
// for the doubled spellings (aa, ee, ii, oo, ou, uu), a final a or i, and
// the vowel of a last syllable closed by one consonant (Bashar, Majid,
// Mahmud: the CaCaaC, CaCiiC, CaCuuC patterns of Arabic names); "al-" is
// joined to its word, and a word starting with a vowel takes an alif.
func toArabic(s string) string {
	s = strings.NewReplacer("'", "", "’", "", "`", "").Replace(strings.ToLower(s))
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == ',' }) {
		words = append(words, splitArabicCompound(w)...)
	}
	var out []string
	article := false
	for _, w := range words {
		if w == "allah" {
			out = append(out, "الله")
			article = false
			continue
		}
		if w == "din" && article {
			out = append(out, "الدين")
			article = false
			continue
		}
		if a, ok := arabicSpellings[w]; ok {
			if article {
				a = "ال" + a
				article = false
			}
			out = append(out, a)
			continue
		}
		if w == "al" || w == "el" || w == "ul" || w == "ur" || w == "ud" {
			article = true
			continue
		}
		// "Servant of": Abdul Malik, Abdelaziz are written عبد ال...
		for _, p := range []string{"abdul", "abdel", "abdal", "abdoul"} {
			if rest, ok := strings.CutPrefix(w, p); ok {
				out = append(out, "عبد")
				if rest == "" {
					article = true
					w = ""
				} else {
					w = "al" + rest
				}
				break
			}
		}
		if w == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(w, "al"); ok && len(rest) > 2 && strings.HasPrefix(s, "abd") {
			w, article = rest, true
		}
		a := arWord(w)
		if a == "" {
			continue
		}
		if article {
			a = "ال" + a
			article = false
		}
		out = append(out, a)
	}
	return strings.Join(out, " ")
}

var arPairs = []struct{ lat, ar string }{
	{"dj", "ج"}, {"aa", "ا"}, {"ee", "ي"}, {"ii", "ي"}, {"oo", "و"}, {"ou", "و"}, {"uu", "و"},
	{"kh", "خ"}, {"sh", "ش"}, {"ch", "ش"}, {"th", "ث"}, {"dh", "ذ"}, {"gh", "غ"},
	{"b", "ب"}, {"t", "ت"}, {"j", "ج"}, {"h", "ح"}, {"d", "د"}, {"r", "ر"}, {"z", "ز"}, {"s", "س"},
	{"f", "ف"}, {"q", "ق"}, {"k", "ك"}, {"c", "ك"}, {"l", "ل"}, {"m", "م"}, {"n", "ن"}, {"w", "و"}, {"y", "ي"},
	{"g", "گ"}, {"v", "و"}, {"p", "پ"}, {"x", "كس"},
}

func arWord(w string) string {
	// Arabic writes a doubled consonant once (with a shadda, which names
	// rarely carry): Hassan is حسن.
	var dedup []byte
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] && !isVowel(w[i]) {
			continue
		}
		dedup = append(dedup, w[i])
	}
	w = string(dedup)
	var b strings.Builder
	for i := 0; i < len(w); {
		c := w[i]
		if isVowel(c) {
			switch {
			case i == 0:
				b.WriteString("ا")
			case i == len(w)-1 && c == 'a':
				b.WriteString("ا")
			case i == len(w)-1 && (c == 'i' || c == 'y'):
				b.WriteString("ي")
			case i == len(w)-2 && !isVowel(w[i+1]) && i > 0 && c != 'e':
				// The vowel of a last syllable closed by one consonant
				// (an e there is mostly short: Mohammed, Ahmed).
				b.WriteString(map[byte]string{'a': "ا", 'i': "ي", 'o': "و", 'u': "و"}[c])
			}
			if i+1 < len(w) && w[i+1] == c {
				if i > 0 {
					b.WriteString(map[byte]string{'a': "ا", 'e': "ي", 'i': "ي", 'o': "و", 'u': "و"}[c])
				}
				i += 2
				continue
			}
			if c == 'o' && i+1 < len(w) && w[i+1] == 'u' && i > 0 {
				b.WriteString("و")
				i += 2
				continue
			}
			i++
			continue
		}
		matched := false
		for _, p := range arPairs {
			if strings.HasPrefix(w[i:], p.lat) {
				b.WriteString(p.ar)
				i += len(p.lat)
				matched = true
				break
			}
		}
		if !matched {
			i++
		}
	}
	return b.String()
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func capitalise(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
