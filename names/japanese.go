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
// character in Mandarin ("an bei jin san"). Nil for most names.
func Readings(s string) []string {
	han := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r == ' ' || r == '\u3000' || isTransliterationDot(r):
		default:
			return nil
		}
	}
	if han < 2 {
		return nil
	}
	compact := strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return r
		}
		return -1
	}, s)
	if r, ok := JapaneseReading(compact); ok {
		return []string{r}
	}
	return nil
}
