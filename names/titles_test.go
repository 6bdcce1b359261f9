package names

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkPhraseList reports empty, badly spaced, invalid and repeated
// entries of a list of phrases.
func checkPhraseList(t *testing.T, name string, list []string) {
	t.Helper()
	seen := map[string]string{}
	for _, p := range list {
		switch {
		case p == "":
			t.Errorf("%s has an empty phrase", name)
			continue
		case !utf8.ValidString(p):
			t.Errorf("%s: %q is not valid UTF-8", name, p)
		case strings.TrimSpace(p) != p || strings.Contains(p, "  "):
			t.Errorf("%s: %q has stray spaces", name, p)
		case strings.IndexFunc(p, func(r rune) bool { return unicode.IsControl(r) || r == '\ufffd' }) >= 0:
			t.Errorf("%s: %q has a control character", name, p)
		}
		k := strings.ToLower(p)
		if prev, ok := seen[k]; ok {
			t.Errorf("%s has %q and %q", name, prev, p)
		}
		seen[k] = p
	}
}

func TestTitleLists(t *testing.T) {
	checkPhraseList(t, "titlePhrases", titlePhrases)
	checkPhraseList(t, "notTitles", notTitles)
	titles := map[string]bool{}
	for _, p := range titlePhrases {
		titles[strings.ToLower(p)] = true
	}
	for _, w := range notTitles {
		if titles[strings.ToLower(w)] {
			t.Errorf("%q is both a title and not a title", w)
		}
	}
}

func TestTitleSpotChecks(t *testing.T) {
	titles := []string{
		// The brief's examples, in their scripts.
		"President", "Präsident", "Presidente", "Président", "Президент", "Prezydent", "رئيس", "الرئيس",
		"رئیس", "رئیس جمهور", "대통령", "大統領", "总统", "總統", "Prime Minister", "His Excellency",
		"رئيس الوزراء", "国家主席", "Crown Prince",
		// Heads of state, ministers, officials.
		"Vice President", "Chancellor", "Queen", "Princess", "Foreign Minister", "Defence Minister",
		"Governor", "Mayor", "Senator", "Ambassador", "Secretary General", "Chairman", "Chairwoman",
		"Director", "Генеральный секретарь", "위원장", "총비서", "主席", "الأمير", "الملك",
		// Military ranks.
		"General", "Lieutenant General", "Colonel", "Major", "Captain", "Admiral", "Marshal",
		"Brigadier", "Генерал", "Полковник", "Генерал-лейтенант", "لواء", "عقيد", "عميد", "سرلشکر",
		"Albay", "대장",
		// Khmer honorifics.
		"Samdech", "Oknha", "Neak Oknha",
		// Religious titles.
		"Sheikh", "Shaykh", "Shaikh", "Şeyh", "Imam", "Mullah", "Mulla", "Molla", "Mawlawi", "Maulvi",
		"Mufti", "Ayatollah", "Grand Ayatollah", "Hojatoleslam", "Haji", "Hajji", "Alhaji", "Hadji",
		"Хаджи", "Sayyid", "Sayed", "Seyed", "Qari", "Father", "Reverend", "Rabbi", "Patriarch",
		"آیت\u200cالله", "حجت الاسلام",
		// Courtesy titles.
		"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Her Excellency",
		"Hon.", "Herr", "Frau", "Dr.", "Monsieur", "Madame", "Mme", "Señor", "Sr.", "Señora", "Sra.",
		"Doña", "Sig.", "Signora", "Господин", "Госпожа", "Товарищ", "Comrade", "آقای", "خانم",
		"السيد", "السيدة", "Sayın", "씨", "様", "さん", "先生", "同志",
	}
	for _, p := range titles {
		if !slices.Contains(titlePhrases, p) {
			t.Errorf("titlePhrases lacks %q", p)
		}
	}
	names := []string{
		"Emir", "Amir", "Malik", "Sultan", "Khan", "Don", "Shah", "Mirza", "Sardar", "Pasha", "Bey",
		"Hafiz", "Hafez", "Cheikh", "King", "Prince", "Bishop", "Pastor", "Bay", "Bayan", "Sri",
		"أمير", "سلطان", "رائد", "Эмир", "Султан", "王", "왕",
	}
	for _, w := range names {
		if !slices.Contains(notTitles, w) {
			t.Errorf("notTitles lacks %q", w)
		}
	}
	// "M." (Monsieur) folds to the initial M; it must not be a title.
	for _, p := range []string{"M.", "M", "S.E.", "د."} {
		if slices.Contains(titlePhrases, p) {
			t.Errorf("titlePhrases has %q, which reads as an initial", p)
		}
	}
}

// Forms of address written without vowels are titles, not initials run
// together: "Dhr. R. Flaherty" has one initial.
func TestTitlesWithoutVowels(t *testing.T) {
	for _, in := range []string{"Dhr. R. Flaherty", "Jhr. R. Flaherty", "Drs. R. Flaherty"} {
		n := Analyze(in)
		if len(n.Tokens) != 3 || n.Tokens[0].Kind != Title || n.Tokens[1].Kind != Initial {
			t.Errorf("%q: %v, want a title, an initial and a word", in, n.Tokens)
		}
	}
}
