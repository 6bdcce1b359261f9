package names

import "strings"

// KoreanKeys returns the canonical keys of the Korean syllables that a
// folded Latin token can spell, most likely first, or nil when it is not
// one to three Korean syllables. Spellings of one Korean name in Revised
// Romanization (Gim Jeong-eun), McCune–Reischauer without breves and
// apostrophes (Kim Chong-un, the spelling of North Korean names on the
// lists), and the usual passport spellings (Kim Jong-un, Park, Lee, Choi,
// Jung, Yoon) share a key:
//
//   - the plain, tense and aspirated consonants that MR tells apart only by
//     an apostrophe, and that RR and MR spell differently, are one: g, k
//     and kk are g; d, t, tt are d; b, p, pp are b; j, ch, jj are j; s, ss,
//     sh are s; r and l are l;
//   - the vowels that MR writes alike once its breves are gone are one:
//     ㅓ (RR eo, MR ŏ) and ㅗ (o) are o; ㅡ (eu, ŭ) and ㅜ (u, oo) are u;
//     ㅕ (yeo, yŏ) and ㅛ (yo) are yo; ㅐ is ae (or ai); ㅚ is oe (or oi);
//     ㅣ is i (ee, yi);
//   - the passport u for ㅓ (Jung, Sung, Chun for 정, 성, 전) gives a second
//     key with o, and you (Young for 영) a second with yo;
//   - an initial r or n before i or y is dropped, and an initial r before
//     another vowel is n, as South Korea writes them (Ri, Rhee, Lee, Yi and
//     I are one surname; Ryong and Yong, Ro and Roh and No meet);
//   - an h after a vowel that no vowel follows is silent (Ahn, Roh, Suh).
//
// So Kim Jong Un, Gim Jeong-eun, Kim Jong-un and Kim Chong-un meet, joined
// ("jongun") or not, and Kim Jong Il does not meet Kim Jong Un. Different
// names collide where they differ only in what the key merges (Jong 종 and
// Jeong 정, Kim and Kkim, Pak and Bak). As with [SinoKeys], many short
// words of other languages spell Korean syllables ("putin" is pu-tin), so
// a key is evidence between two tokens that may both be Korean.
func KoreanKeys(form string) []string {
	if form == "" || len(form) > 16 {
		return nil
	}
	for i := 0; i < len(form); i++ {
		if form[i] < 'a' || form[i] > 'z' {
			return nil
		}
	}
	if s, ok := koreanPassportSurnames[form]; ok {
		form = s
	}
	form = silentH(form)
	var best []koreanSyllable
	var cur [3]koreanSyllable
	var walk func(pos, n int)
	walk = func(pos, n int) {
		if pos == len(form) {
			if best == nil || n < len(best) {
				best = append([]koreanSyllable(nil), cur[:n]...)
			}
			return
		}
		if n == len(cur) || best != nil && n+1 >= len(best) {
			return
		}
		for _, s := range koreanSyllablesAt(form, pos) {
			cur[n] = s
			walk(pos+s.length, n+1)
		}
	}
	walk(0, 0)
	if best == nil {
		return nil
	}
	var keys []string
	var each func(i int, prefix string)
	each = func(i int, prefix string) {
		if len(keys) >= 8 {
			return
		}
		if i == len(best) {
			keys = appendNew(keys, koreanInitialRule(prefix))
			return
		}
		s := best[i]
		for _, v := range s.vowels {
			each(i+1, prefix+s.initial+v+s.final)
		}
	}
	each(0, "")
	return keys
}

// KoreanKey returns the first of [KoreanKeys], or "".
func KoreanKey(form string) string {
	if ks := KoreanKeys(form); len(ks) > 0 {
		return ks[0]
	}
	return ""
}

// koreanSyllable is one syllable of a parse: its keys and length.
type koreanSyllable struct {
	initial, final string
	vowels         []string
	length         int
}

// koreanSpelling is a spelling of a part of a syllable and its keys.
type koreanSpelling struct {
	spelling string
	keys     []string
}

// koreanInitials, koreanVowels and koreanFinals are the spellings of the
// parts of a syllable in RR, MR and passports, longest first within
// each letter, with their keys. Sources: the Revised Romanization of
// Korean (Ministry of Culture, 2000), McCune–Reischauer (1939), and the
// Ministry of Foreign Affairs' list of passport surname spellings.
var (
	koreanInitials = []koreanSpelling{
		{"kk", k1("g")}, {"gg", k1("g")}, {"g", k1("g")}, {"k", k1("g")},
		{"n", k1("n")},
		{"tt", k1("d")}, {"dd", k1("d")}, {"d", k1("d")}, {"t", k1("d")},
		{"rh", k1("l")}, {"r", k1("l")}, {"l", k1("l")},
		{"m", k1("m")},
		{"pp", k1("b")}, {"bb", k1("b")}, {"b", k1("b")}, {"p", k1("b")},
		{"ss", k1("s")}, {"sh", k1("s")}, {"s", k1("s")},
		{"jj", k1("j")}, {"tch", k1("j")}, {"ch", k1("j")}, {"j", k1("j")},
		{"h", k1("h")},
		{"", k1("")},
	}
	koreanVowels = []koreanSpelling{
		{"yeo", k1("yo")}, {"yae", k1("yae")}, {"wae", k1("wae")}, {"weo", k1("wo")}, {"eui", k1("ui")},
		{"you", []string{"yo", "yu"}}, {"yoo", k1("yu")}, {"woo", k1("u")}, {"wee", k1("wi")},
		{"eo", k1("o")}, {"eu", k1("u")}, {"ae", k1("ae")}, {"ai", k1("ae")}, {"ya", k1("ya")}, {"ye", k1("ye")},
		{"yo", k1("yo")}, {"yu", []string{"yu", "yo"}}, {"wa", k1("wa")}, {"oa", k1("wa")}, {"oe", k1("oe")},
		{"oi", k1("oe")}, {"we", k1("we")}, {"wo", k1("wo")}, {"wi", k1("wi")}, {"ui", k1("ui")}, {"oo", k1("u")},
		{"ee", k1("i")}, {"yi", k1("i")},
		{"a", k1("a")}, {"e", k1("e")}, {"i", k1("i")}, {"o", k1("o")}, {"u", []string{"u", "o"}},
	}
	koreanFinals = []koreanSpelling{
		{"ng", k1("ng")}, {"ck", k1("g")}, {"k", k1("g")}, {"g", k1("g")}, {"n", k1("n")},
		{"t", k1("d")}, {"d", k1("d")}, {"l", k1("l")}, {"r", k1("l")}, {"m", k1("m")}, {"p", k1("b")},
		{"b", k1("b")}, {"", k1("")},
	}
)

func k1(k string) []string { return []string{k} }

// koreanPassportSurnames are passport spellings of surnames that the
// rules do not read: Park for 박 (Bak, Pak), Hur and Her for 허 (Heo).
var koreanPassportSurnames = map[string]string{"park": "bak", "hur": "heo", "her": "heo", "rhie": "ri"}

// koreanSyllablesAt returns the syllables that start at form[pos:].
func koreanSyllablesAt(form string, pos int) []koreanSyllable {
	var out []koreanSyllable
	rest := form[pos:]
	for _, ini := range koreanInitials {
		if !strings.HasPrefix(rest, ini.spelling) {
			continue
		}
		r1 := rest[len(ini.spelling):]
		for _, v := range koreanVowels {
			if !strings.HasPrefix(r1, v.spelling) {
				continue
			}
			r2 := r1[len(v.spelling):]
			for _, f := range koreanFinals {
				if !strings.HasPrefix(r2, f.spelling) {
					continue
				}
				out = append(out, koreanSyllable{
					initial: ini.keys[0], final: f.keys[0], vowels: v.keys,
					length: len(ini.spelling) + len(v.spelling) + len(f.spelling),
				})
			}
		}
	}
	return out
}

// koreanInitialRule drops an initial r (key l) or n before i or y, as
// the South writes them (Lee, Yi, Rhee; Ryu, Yu).
func koreanInitialRule(key string) string {
	if len(key) < 2 || key[0] != 'l' && key[0] != 'n' {
		return key
	}
	if key[1] == 'i' || key[1] == 'y' {
		return key[1:]
	}
	// An initial r before another vowel is n in the South (Roh, Noh),
	// but a key that merged them would join Lai and Nai, Ra and Na,
	// which other languages keep apart: it stays.
	return key
}

// silentH removes an h that follows a vowel and that no vowel follows:
// Ahn, Roh, Suh, Sohn are An, Ro, Su, Son.
func silentH(form string) string {
	if strings.IndexByte(form, 'h') <= 0 {
		return form
	}
	b := make([]byte, 0, len(form))
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c == 'h' && i > 0 && isVowel(form[i-1]) && form[i-1] != 'y' && (i+1 == len(form) || !isVowel(form[i+1]) && form[i+1] != 'w') {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}
