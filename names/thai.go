package names

import "strings"

// Thai is romanised by the Royal Thai General System of Transcription
// (RTGS, Royal Institute 1999), the spelling of Thai names on most lists
// and maps: syllable by syllable, with the leading vowels เ แ โ ใ ไ read
// after the consonant they precede, consonants valued by their place
// (ร is r as an onset, n as a final), the letters that thanthakhat (์)
// marks silent dropped, and the unwritten vowels that Thai speech puts
// in: o in a closed syllable with no vowel sign (คน, khon), a in an open
// one (สบาย, sa-bai). go-unidecode writes the letters in their written
// order ("ประยุทธ์" gave "prayuthth", "จันทร์โอชา" "cchanthro`chaa").
// Thai writes no spaces between the words of a name, nor between
// syllables, so syllables are found by rule, without a dictionary; real
// names come out close to RTGS (ประยุทธ์ จันทร์โอชา, prayut chanocha;
// ทักษิณ ชินวัตร, thaksin chinwat, where RTGS has chinnawat).

// thaiConsonant is a Thai consonant's value as an onset and as a final.
type thaiConsonant struct{ onset, final string }

// thaiConsonants are the consonants U+0E01–U+0E2E.
var thaiConsonants = [0x2E]thaiConsonant{
	{"k", "k"}, {"kh", "k"}, {"kh", "k"}, {"kh", "k"}, {"kh", "k"}, {"kh", "k"}, {"ng", "ng"}, // ก ข ฃ ค ฅ ฆ ง
	{"ch", "t"}, {"ch", "t"}, {"ch", "t"}, {"s", "t"}, {"ch", "t"}, {"y", "n"}, // จ ฉ ช ซ ฌ ญ
	{"d", "t"}, {"t", "t"}, {"th", "t"}, {"th", "t"}, {"th", "t"}, {"n", "n"}, // ฎ ฏ ฐ ฑ ฒ ณ
	{"d", "t"}, {"t", "t"}, {"th", "t"}, {"th", "t"}, {"th", "t"}, {"n", "n"}, // ด ต ถ ท ธ น
	{"b", "p"}, {"p", "p"}, {"ph", "p"}, {"f", "p"}, {"ph", "p"}, {"f", "p"}, {"ph", "p"}, {"m", "m"}, // บ ป ผ ฝ พ ฟ ภ ม
	{"y", "i"}, {"r", "n"}, {"rue", ""}, {"l", "n"}, {"lue", ""}, {"w", "o"}, // ย ร ฤ ล ฦ ว
	{"s", "t"}, {"s", "t"}, {"s", "t"}, {"h", ""}, {"l", "n"}, {"", ""}, {"h", ""}, // ศ ษ ส ห ฬ อ ฮ
}

const (
	thaiSaraA      = 'ะ'
	thaiMaiHanAkat = 'ั'
	thaiSaraAa     = 'า'
	thaiSaraAm     = 'ำ'
	thaiOAng       = 'อ'
	thaiWoWaen     = 'ว'
	thaiYoYak      = 'ย'
	thaiRoRuea     = 'ร'
	thaiLoLing     = 'ล'
	thaiHoHip      = 'ห'
	thaiThanthakat = '์'
	thaiMaiTaiKhu  = '็'
)

func isThaiConsonant(r rune) bool { return r >= 0x0E01 && r <= 0x0E2E && r != 'ฤ' && r != 'ฦ' }

func isThaiLeadingVowel(r rune) bool { return r >= 0x0E40 && r <= 0x0E44 }

// isThaiFollowingVowel reports whether r is a vowel sign written after or
// over its consonant.
func isThaiFollowingVowel(r rune) bool {
	return r == thaiSaraA || r == thaiMaiHanAkat || r >= 0x0E32 && r <= 0x0E39 || r == thaiMaiTaiKhu
}

// thaiClusters are the consonant pairs that make one onset (กร, ปล, ขว).
var thaiClusters = map[[2]rune]bool{
	{'ก', 'ร'}: true, {'ก', 'ล'}: true, {'ก', 'ว'}: true, {'ข', 'ร'}: true, {'ข', 'ล'}: true, {'ข', 'ว'}: true,
	{'ค', 'ร'}: true, {'ค', 'ล'}: true, {'ค', 'ว'}: true, {'ต', 'ร'}: true, {'ป', 'ร'}: true, {'ป', 'ล'}: true,
	{'พ', 'ร'}: true, {'พ', 'ล'}: true, {'ผ', 'ล'}: true, {'ท', 'ร'}: true, {'บ', 'ร'}: true, {'บ', 'ล'}: true,
	{'ฟ', 'ร'}: true, {'ฟ', 'ล'}: true, {'ด', 'ร'}: true,
}

// thaiLowSonorants are the consonants that a silent ห leads (หมอ, mo;
// หญิง, ying).
const thaiLowSonorants = "งญนมยรลว"

// translitThai romanises a run of Thai letters.
func translitThai(run string, b *strings.Builder) {
	rs := thaiStripSilent([]rune(run))
	t := thaiReader{rs: rs, b: b}
	for t.i < len(t.rs) {
		t.syllable()
	}
}

// thaiStripSilent removes tone marks and the letters that thanthakhat
// marks silent: the letter under it with its vowel sign, and a consonant
// before that which itself follows a consonant (จันทร์, chan; ศาสตร์,
// sat), as the cluster is silent as a whole.
func thaiStripSilent(rs []rune) []rune {
	out := rs[:0:0]
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= 0x0E48 && r <= 0x0E4B, r == 'ๆ', r == 'ฯ':
			continue // tone marks, repetition and abbreviation signs
		case r == 0x0E4D && i+1 < len(rs) && rs[i+1] == thaiSaraAa:
			// นิคหิต and า typed for ำ.
			out = append(out, thaiSaraAm)
			i++
			continue
		case r == thaiThanthakat:
			// Drop back to the silent consonant.
			for len(out) > 0 && !isThaiConsonant(out[len(out)-1]) {
				out = out[:len(out)-1]
			}
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			// A consonant left after a final (the final has a vowel sign
			// before it) was the first of a silent cluster.
			if n := len(out); n >= 3 && isThaiConsonant(out[n-1]) && isThaiConsonant(out[n-2]) && !isThaiConsonant(out[n-3]) && !isThaiLeadingVowel(out[n-3]) {
				out = out[:n-1]
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// thaiReader reads Thai syllables from rs.
type thaiReader struct {
	rs []rune
	i  int
	b  *strings.Builder
}

func (t *thaiReader) at(i int) rune {
	if i < 0 || i >= len(t.rs) {
		return 0
	}
	return t.rs[i]
}

// syllable reads one syllable at t.i and writes it.
func (t *thaiReader) syllable() {
	r := t.at(t.i)
	lead := rune(0)
	if isThaiLeadingVowel(r) {
		lead = r
		t.i++
		r = t.at(t.i)
	}
	if r == 'ฤ' || r == 'ฦ' {
		t.b.WriteString(thaiConsonants[r-0x0E01].onset)
		t.i++
		return
	}
	if !isThaiConsonant(r) {
		if lead != 0 {
			t.b.WriteString(thaiLeadAlone(lead))
		}
		if r != 0 && !isThaiFollowingVowel(r) {
			t.b.WriteString(unidecodeRune(r))
		} else if r != 0 {
			t.b.WriteString(thaiVowelAlone(r))
		}
		t.i++
		return
	}
	onset := t.onset(lead != 0)
	t.b.WriteString(onset)
	start := t.i
	vowel, takesFinal := t.vowel(lead)
	t.b.WriteString(vowel)
	if !takesFinal {
		return
	}
	// A written vowel other than ั (which must have a final) takes the
	// next consonant as its final only when the consonant after that
	// has a vowel of its own: otherwise the two make a syllable with the
	// unwritten o (ภูมิพล is phu-mi-phon, not phu-mip-la).
	explicit := t.i > start && t.at(start) != thaiMaiHanAkat || lead != 0
	// A final consonant, and a silent one after it at the end of a
	// cluster (ชินวัตร: wat, the ร silent).
	if c := t.at(t.i); isThaiConsonant(c) && t.isFinal(t.i) && (!explicit || t.nextHasVowel(t.i+1)) {
		fin := thaiConsonants[c-0x0E01].final
		if (lead == 'ใ' || lead == 'ไ' || vowel == "ai") && c == thaiYoYak {
			fin = "" // ไทย: the ย only lengthens ai
		}
		t.b.WriteString(fin)
		t.i++
		if c2 := t.at(t.i); c2 == thaiRoRuea && !isThaiFollowingVowel(t.at(t.i+1)) && t.at(t.i+1) != thaiOAng {
			t.i++
		}
	}
}

// onset reads the initial consonant, with a cluster or a silent leading
// ห or อ, and returns its Latin value.
func (t *thaiReader) onset(led bool) string {
	c := t.at(t.i)
	t.i++
	next, after := t.at(t.i), t.at(t.i+1)
	vowelFollows := isThaiFollowingVowel(after) || led || after == thaiOAng && !isThaiFollowingVowel(t.at(t.i+2))
	switch {
	case c == thaiHoHip && strings.ContainsRune(thaiLowSonorants, next) && next != 0 && (vowelFollows || isThaiConsonant(after)):
		// A silent ห leads a sonorant (หมอ, หลวง).
		t.i++
		return thaiConsonants[next-0x0E01].onset
	case c == thaiOAng && next == thaiYoYak:
		t.i++
		return "y"
	case thaiClusters[[2]rune{c, next}] && vowelFollows:
		t.i++
		if c == 'ท' && next == thaiRoRuea {
			return "s" // ทร is s (ทราย, sai)
		}
		return thaiConsonants[c-0x0E01].onset + thaiConsonants[next-0x0E01].onset
	}
	return thaiConsonants[c-0x0E01].onset
}

// vowel reads the vowel after the onset (with the leading vowel lead),
// and returns it and whether a final consonant may follow.
func (t *thaiReader) vowel(lead rune) (string, bool) {
	r := t.at(t.i)
	switch lead {
	case 'เ':
		switch {
		case r == thaiSaraAa && t.at(t.i+1) == thaiSaraA:
			t.i += 2
			return "o", false
		case r == thaiSaraAa:
			t.i++
			return "ao", false
		case r == 'ี' && t.at(t.i+1) == thaiYoYak:
			t.i += 2
			return "ia", true
		case r == 'ื' && t.at(t.i+1) == thaiOAng:
			t.i += 2
			return "uea", true
		case r == thaiOAng:
			t.i++
			return "oe", true
		case r == 'ิ':
			t.i++
			return "oe", true
		case r == thaiSaraA:
			t.i++
			return "e", false
		case r == thaiMaiTaiKhu:
			t.i++
		}
		return "e", true
	case 'แ':
		switch r {
		case thaiSaraA:
			t.i++
			return "ae", false
		case thaiMaiTaiKhu:
			t.i++
		}
		return "ae", true
	case 'โ':
		if r == thaiSaraA {
			t.i++
			return "o", false
		}
		return "o", true
	case 'ใ', 'ไ':
		return "ai", true
	}
	switch {
	case r == thaiMaiHanAkat && t.at(t.i+1) == thaiWoWaen:
		t.i += 2
		return "ua", true
	case r == thaiMaiHanAkat:
		t.i++
		return "a", true
	case r == thaiSaraA:
		t.i++
		return "a", false
	case r == thaiSaraAa:
		t.i++
		return "a", true
	case r == thaiSaraAm:
		t.i++
		return "am", false
	case r == 'ิ', r == 'ี':
		t.i++
		return "i", true
	case r == 'ึ':
		t.i++
		return "ue", true
	case r == 'ื':
		t.i++
		if t.at(t.i) == thaiOAng {
			t.i++
		}
		return "ue", true
	case r == 'ุ', r == 'ู':
		t.i++
		return "u", true
	case r == thaiMaiTaiKhu:
		t.i++
		return "o", false // ก็, ko
	case r == thaiOAng && !isThaiFollowingVowel(t.at(t.i+1)):
		t.i++
		return "o", true
	case r == thaiWoWaen && isThaiConsonant(t.at(t.i+1)) && !isThaiFollowingVowel(t.at(t.i+2)) && t.at(t.i+2) != thaiOAng:
		// ว between an onset and a final is the vowel ua (ชวน, chuan).
		t.i++
		return "ua", true
	case r == thaiRoRuea && t.at(t.i+1) == thaiRoRuea:
		// รร (ro han) is a, or an before no final (ธรรม, tham; สรร, san).
		t.i += 2
		if c := t.at(t.i); isThaiConsonant(c) && t.isFinal(t.i) {
			return "a", true
		}
		return "an", false
	case r == 'ฤ':
		t.i++
		return "ri", true
	}
	// No vowel written: o before a final, a in an open syllable.
	if c := t.at(t.i); isThaiConsonant(c) && t.isFinal(t.i) {
		return "o", true
	}
	return "a", false
}

// nextHasVowel reports whether the syllable at i, after a candidate
// final, has a vowel of its own or a reason to stand alone: it is the
// end of the word or the word goes on with a leading vowel; it is a
// consonant with a vowel sign, with อ or ว as its vowel, or before a
// leading vowel (an open syllable, อดุลยเดช: a-dun-ya-det); or it is the
// silent ร of a final cluster (ชินวัตร).
func (t *thaiReader) nextHasVowel(i int) bool {
	c, n := t.at(i), t.at(i+1)
	switch {
	case c == 0 || isThaiLeadingVowel(c):
		return true
	case !isThaiConsonant(c):
		return true
	case isThaiFollowingVowel(n) || n == thaiSaraAm || isThaiLeadingVowel(n):
		return true
	case n == thaiOAng && !isThaiFollowingVowel(t.at(i+2)):
		return true
	case c == thaiRoRuea && (n == 0 || isThaiLeadingVowel(n)) && strings.ContainsRune(thaiSilentRAfter, t.at(i-1)):
		return true
	case thaiClusters[[2]rune{c, n}] && isThaiFollowingVowel(t.at(i+2)):
		return true
	case c == thaiHoHip && strings.ContainsRune(thaiLowSonorants, n) && isThaiFollowingVowel(t.at(i+2)):
		return true
	}
	return false
}

// thaiSilentRAfter are the finals after which a ร closing the word is
// silent (มิตร, mit; บัตร, bat).
const thaiSilentRAfter = "ตทดจศสษชธ"

// isFinal reports whether the consonant at i closes the syllable before
// it rather than opening the next: it is followed by the end, a leading
// vowel, or a consonant that is not its vowel (อ, ว) or the second half
// of a cluster with it.
func (t *thaiReader) isFinal(i int) bool {
	c, n := t.at(i), t.at(i+1)
	switch {
	case n == 0 || isThaiLeadingVowel(n):
		return true
	case isThaiFollowingVowel(n) || n == thaiSaraAm || n == thaiSaraA:
		return false
	case n == thaiOAng && !isThaiFollowingVowel(t.at(i+2)):
		return false // the vowel o of the next syllable (ทอง)
	case n == thaiWoWaen && isThaiConsonant(t.at(i+2)) && !isThaiFollowingVowel(t.at(i+3)) && c != 'อ':
		return false // the vowel ua (สวน)
	case thaiClusters[[2]rune{c, n}] && isThaiFollowingVowel(t.at(i+2)):
		return false
	case c == thaiHoHip && strings.ContainsRune(thaiLowSonorants, n) && isThaiFollowingVowel(t.at(i+2)):
		return false
	}
	return isThaiConsonant(n) || n == 'ฤ'
}

// thaiLeadAlone returns a leading vowel written with no consonant after
// it (a typing error, or a fragment).
func thaiLeadAlone(r rune) string {
	switch r {
	case 'แ':
		return "ae"
	case 'โ':
		return "o"
	case 'ใ', 'ไ':
		return "ai"
	}
	return "e"
}

// thaiVowelAlone returns a following vowel sign written with no consonant
// before it.
func thaiVowelAlone(r rune) string {
	switch r {
	case thaiSaraA, thaiMaiHanAkat, thaiSaraAa:
		return "a"
	case 'ิ', 'ี':
		return "i"
	case 'ึ', 'ื':
		return "ue"
	case 'ุ', 'ู':
		return "u"
	}
	return ""
}
