package names

import (
	"strings"
	"unicode"
)

// JapaneseReading reads a run of Chinese characters (kanji) as a Japanese
// name, in Hepburn as Japanese passports write it ("安倍晋三" gives "abe
// shinzo"), when it splits exactly into a known surname and a known
// given name; a space or a middle dot between the two is allowed. It
// reports false for anything else: a Chinese name, or a Japanese name
// outside the tables, keeps its Chinese reading alone. Kanji have many
// readings, and a name's is a matter of record, not of rule, so the
// tables hold the commonest surnames and given names with their usual
// reading; a name whose reading differs from the usual one (菅 is Suga
// in 菅義偉, Kan in 菅直人) gets the table's.
func JapaneseReading(word string) (string, bool) {
	if sur, given, ok := cutJapaneseName(word); ok {
		s, ok1 := japaneseSurnames[sur]
		g, ok2 := japaneseGivenNames[given]
		if ok1 && ok2 {
			return s + " " + g, true
		}
		return "", false
	}
	// Without a separator, the surname is one to four characters, the
	// longest that leaves a known given name.
	n := 0
	var cuts [8]int
	for i := range word {
		if n == len(cuts) {
			return "", false
		}
		cuts[n] = i
		n++
	}
	for k := min(n-1, 4); k >= 1; k-- {
		s, ok := japaneseSurnames[word[:cuts[k]]]
		if !ok {
			continue
		}
		if g, ok := japaneseGivenNames[word[cuts[k]:]]; ok {
			return s + " " + g, true
		}
	}
	return "", false
}

// cutJapaneseName splits a name written with a separator between surname
// and given name.
func cutJapaneseName(word string) (string, string, bool) {
	for _, sep := range []string{" ", "\u3000", "・", "･", "·"} {
		if sur, given, ok := strings.Cut(strings.TrimSpace(word), sep); ok {
			return strings.TrimSpace(sur), strings.TrimSpace(given), true
		}
	}
	return "", "", false
}

// japaneseSurnames and japaneseGivenNames map kanji to Hepburn.
var japaneseSurnames, japaneseGivenNames = readingTable(japaneseSurnameList), readingTable(japaneseGivenNameList)

func readingTable(list string) map[string]string {
	f := strings.Fields(list)
	m := make(map[string]string, len(f)/2)
	for i := 0; i+1 < len(f); i += 2 {
		m[f[i]] = f[i+1]
	}
	return m
}

// Readings returns other readings of a name than Analyze's, each to be
// analysed and matched as a name of its own: a name in Chinese characters
// that splits into a known Japanese surname and given name is also read
// in Japanese ("安倍晋三": "abe shinzo"), since Analyze reads every Chinese
// character in Mandarin ("an bei jin san"); so is a known surname with a
// title written after it (岸田首相: "首相 kishida", the title first, as
// Analyze marks it). Nil for most names.
func Readings(s string) []string {
	core, title := cutCJKTitle(s)
	compact, ok := hanOnly(core)
	if !ok {
		return nil
	}
	if r, ok := japaneseReading(compact, title); ok {
		return []string{r}
	}
	return nil
}

// japaneseReading is Readings' reading of compact, the Chinese characters
// of a name, with the title written after it.
func japaneseReading(compact, title string) (string, bool) {
	if r, ok := JapaneseReading(compact); ok {
		return strings.TrimSpace(title + " " + r), true
	}
	if sur, ok := japaneseSurnames[compact]; ok && title != "" {
		return title + " " + sur, true
	}
	return "", false
}

// Transcription reads a name of two to six Chinese characters written
// without a middle dot as the transcription of a foreign name, its title
// cut off and read as a title (普京, 普京总统: Putin), as Analyze reads
// one written with the dot. Chinese writes the names of foreign leaders
// so in running text and headlines. It reports false for a name that is
// not such a run, or that Readings reads as Japanese. A Chinese name may
// read so too (王毅 as one word "wangyi"): the reading is for a query,
// beside Analyze's, not for listed names.
func Transcription(s string) (Name, bool) {
	core, title := cutCJKTitle(s)
	compact, ok := hanOnly(core)
	if !ok || isHanTranscription(core) {
		return Name{}, false
	}
	if _, japanese := japaneseReading(compact, title); japanese {
		return Name{}, false
	}
	if n := len([]rune(compact)); n < 2 || n > 6 {
		return Name{}, false
	}
	name := AnalyzeTranscription(compact)
	if title != "" {
		t := Analyze(title)
		for i := range t.Tokens {
			t.Tokens[i].Kind = Title
			t.Tokens[i].Start, t.Tokens[i].End = 0, 0
		}
		name.Tokens = append(t.Tokens, name.Tokens...)
	}
	name.Raw = s
	return name, true
}

// hanOnly returns the Chinese characters of s, and whether s has two or
// more and nothing else but spaces and middle dots.
func hanOnly(s string) (string, bool) {
	han := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r == ' ' || r == '\u3000' || isTransliterationDot(r):
		default:
			return "", false
		}
	}
	if han < 2 {
		return "", false
	}
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return r
		}
		return -1
	}, s), true
}
