package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a run of letters and digits in the input, with its offsets.
type word struct {
	text       string // lower case, apostrophes removed
	start, end int
	sc         script
	hyphenNext bool // a hyphen follows directly
	paren      bool // written inside parentheses or brackets
}

// Analyze splits a name into normalised, classified tokens. It never
// fails: a name with no letters or digits gives no tokens.
func Analyze(s string) Name { return analyze(s, true) }

// AnalyzeTranscription is Analyze for a name in Chinese characters read as
// the transcription of a foreign name, as Analyze reads one written with
// a middle dot (贝拉克·奥巴马): the characters of each part stay together
// and spell sounds, not a Chinese name's syllables.
func AnalyzeTranscription(s string) Name { return analyzeAs(s, true, true) }

// analyze is Analyze; without classify, it leaves runs of words as they
// are (no numbers in words, legal forms, titles, letters or roles), for
// building the tables that classify them.
func analyze(s string, classify bool) Name { return analyzeAs(s, classify, false) }

// analyzeAs is analyze, reading Chinese characters as a transcription when
// transcription is set or the name says so (see isHanTranscription).
func analyzeAs(s string, classify, transcription bool) Name {
	raw := s
	s, back, repaired := unmojibake(s)
	words := segment(s, transcription || isHanTranscription(s))
	uk := hasUkrainianLetters(s)
	toks := make([]Token, 0, len(words)+2)
	lang := anyReading
	if strings.ContainsAny(s, "zZ") {
		// Only sz, cz, rz, zs tell Hungarian from Polish.
		latinWords := make([]string, 0, len(words))
		for _, w := range words {
			if w.sc == latin {
				latinWords = append(latinWords, strings.ToLower(w.text))
			}
		}
		lang = nameReading(latinWords)
	}
	for i, w := range words {
		if w.sc == otherScript && isMyanmar(w.text) {
			// Burmese writes a name's syllables without spaces: Min Aung
			// Hlaing is မင်းအောင်လှိုင်.
			off := w.start
			for _, p := range myanmarSyllables(w.text) {
				if f := fold(p, w.sc, uk); f != "" {
					toks = appendWord(toks, f, off, off+len(p), false)
					toks[len(toks)-1].Trans = true
				}
				off += len(p)
			}
			continue
		}
		// The first Chinese character of a name is read as a surname
		// (单 is Shan there, dan elsewhere).
		surname := w.sc == hanScript && (i == 0 || words[i-1].sc != hanScript)
		form := foldWord(w.text, w.sc, uk, surname)
		if form == "" {
			continue
		}
		// Sun-letter assimilation of the Arabic article: ar-Rahman,
		// ash-Shami, ad-Din are al-Rahman, al-Shami, al-Din.
		assimilated := ""
		if i+1 < len(words) && (w.hyphenNext || spacedArticle[form]) && isAssimilatedArticle(form, strings.ToLower(words[i+1].text)) {
			assimilated, form = form, "al"
		}
		first := len(toks)
		abjad := w.sc == arabicScript || w.sc == hebrewScript
		if w.sc == arabicScript {
			toks = appendArabic(toks, w)
		} else {
			if d, ok := deleet(form); ok {
				// Digits for letters before compounds: Hizb0llah is
				// Hizbollah, hizb and allah.
				form = d
			}
			parts, written := splitCompound(form)
			for k, p := range parts {
				// Offsets of the parts of one word are shared out by length.
				start := w.start + (w.end-w.start)*k/len(parts)
				end := w.start + (w.end-w.start)*(k+1)/len(parts)
				if p == "al" {
					toks = append(toks, newToken("al", Particle, start, end, abjad))
				} else {
					toks = appendWord(toks, p, start, end, abjad)
				}
				if t := &toks[len(toks)-1]; len(parts) > 1 && (t.Kind == Word || t.Kind == Particle) && t.Glue == "" && written[k] != t.Form {
					t.Glue = written[k]
				}
			}
		}
		trans := w.sc != latin && w.sc != cyrillicScript
		chIsKh := w.sc == latin && (strings.Contains(w.text, "ch") || strings.Contains(w.text, "CH") || strings.Contains(w.text, "Ch") || strings.Contains(w.text, "cH"))
		for k := first; k < len(toks); k++ {
			toks[k].Trans, toks[k].Paren = trans, w.paren
			toks[k].Vowelled = w.sc == otherScript && vowelled(w.text)
			if w.sc == latin {
				readNationally(&toks[k], chIsKh, lang)
			}
			if (w.sc == hangulScript || w.sc == hanScript) && toks[k].Kind == Initial {
				// 이 is the syllable i (Lee), not an initial.
				toks[k].Kind = Word
			}
		}
		if len(toks) > first {
			toks[len(toks)-1].Hyphen = w.hyphenNext
			if assimilated != "" {
				// Written as said (ud-Dawa, ash-Shami), glued so too.
				toks[first].Glue = assimilated
			}
		}
	}
	if !classify {
		return Name{Raw: raw, Tokens: pointBack(toks, back, repaired)}
	}
	toks = mergeLegalForms(toks)
	toks = mergeNumbers(toks, s)
	markTitles(toks)
	if merged := mergeLetters(toks, s); len(merged) < len(toks) {
		// "DE C.V.": letters run together may spell a legal form.
		toks = mergeLegalForms(merged)
	}
	digraphInitials(toks, s)
	guessed := assignRoles(toks, s)
	return Name{Raw: raw, Tokens: pointBack(boundTokens(toks), back, repaired), SurnameGuessed: guessed}
}

// pointBack makes the offsets of tokens analysed in a repaired text (see
// unmojibake) offsets in the text as written.
func pointBack(toks []Token, back []int, repaired bool) []Token {
	if repaired {
		for i := range toks {
			toks[i].Start, toks[i].End = back[toks[i].Start], back[toks[i].End]
		}
	}
	return toks
}

// digraphs are the two Latin letters that transliterate one Cyrillic
// vowel (Е ye, Ю yu, Я ya, Ё yo): written with a period, as Russian
// initials are ("Ye.V. Prigozhin", "Yu. Chaika"), they are one initial.
// (Zh., Kh., Sh. have no vowel and are read as letters already.)
var digraphs = map[string]bool{"ye": true, "yu": true, "ya": true, "yo": true}

// digraphInitials marks a digraph written with a period after it as an
// initial.
func digraphInitials(toks []Token, s string) {
	for i := range toks {
		t := &toks[i]
		if t.Kind == Word && !t.Trans && digraphs[t.Form] && t.End < len(s) && s[t.End] == '.' {
			t.Kind = Initial
		}
	}
}

// MaxTokens is the most words a name keeps, and MaxRepeats the most times
// one word (or initial) may appear in it. Scoring two names costs in the
// product of their lengths, and retrieval in the sum of their words'
// postings: a 1,000-byte "name" of initials or of one word repeated must
// cost what a long real name costs, not seconds. No listed name repeats
// a word more than twice ("Muhammad bin Muhammad"); one in a thousand has
// more than 16 words, and those past 32 are descriptions ("… and all
// operating units wherever located").
// Initials are not retrieved by, and are scored against every word of the
// other name, so a name keeps at most MaxInitials of them (real names have
// three or four: "A.K.M.", "J.R.R.").
const (
	MaxTokens   = 32
	MaxRepeats  = 2
	MaxInitials = 8
)

// boundTokens drops the third and later occurrences of a word, the
// initials past MaxInitials, then the words past MaxTokens.
func boundTokens(toks []Token) []Token {
	if len(toks) <= MaxRepeats {
		return toks
	}
	// Every name is analysed through here, queries and windows of text
	// alike: count repeats among the kept words (at most MaxTokens)
	// rather than allocate a map per name.
	initials := 0
	out := toks[:0]
	for _, t := range toks {
		seen := 0
		for _, o := range out {
			if o.Form == t.Form {
				seen++
			}
		}
		if seen >= MaxRepeats {
			continue
		}
		if t.Kind == Initial {
			if initials++; initials > MaxInitials {
				continue
			}
		}
		out = append(out, t)
		if len(out) == MaxTokens {
			break
		}
	}
	return out
}

// appendWord classifies a folded word and appends its token.
func appendWord(toks []Token, form string, start, end int, abjad bool) []Token {
	written := form
	if full, ok := abbreviations[form]; ok {
		form = full
	} else if full := abbreviationTypo(form); full != "" {
		form = full
	}
	if vesselMarkers[form] && !abjad {
		// MV, MT, M/V before a vessel's name say what it is, not who.
		return append(toks, newToken(form, Title, start, end, abjad))
	}
	if g := generations[form]; g != "" && len(toks) > 0 && !abjad {
		// "Robert F. Kennedy Jr.": a son is not his father. Read as a
		// number, it counts as one: a query's left unmatched costs in
		// full.
		return append(toks, newToken(g, Number, start, end, abjad))
	}
	if !abjad && isInitialism(form) && legalForms[form] == "" {
		// "JC Juncker", "JP Morgan", "VV Putin": letters without a vowel
		// are initials run together, not a word.
		for k := 0; k < len(form); k++ {
			s := start + (end-start)*k/len(form)
			e := start + (end-start)*(k+1)/len(form)
			toks = append(toks, newToken(form[k:k+1], Initial, s, e, abjad))
		}
		return toks
	}
	kind := Word
	switch {
	case hasDigit(form):
		kind = Number
	case len(form) == 1:
		kind = Initial
	case particles[form] != "":
		written, form, kind = form, particles[form], Particle
	case isPatronymic(form):
		kind = Patronymic
	}
	t := newToken(form, kind, start, end, abjad)
	if written != form {
		t.Glue = written
	}
	return append(toks, t)
}

// generations are the abbreviations that say which of a father and a son
// of one name is meant, written after the name, by their canonical form.
var generations = map[string]string{"jr": "jr", "jnr": "jr", "sr": "sr", "snr": "sr"}

// VesselMarker reports whether a folded word is a vessel's prefix (MV,
// MT): a title even in a vessel's name.
func VesselMarker(form string) bool { return vesselMarkers[form] }

// vesselMarkers are the prefixes of ships' names: motor vessel, motor
// tanker, motor ship, steam ship.
var vesselMarkers = map[string]bool{"mv": true, "mt": true, "ms": true, "mts": true, "ss": true, "mvs": true}

func newToken(form string, kind Kind, start, end int, abjad bool) Token {
	t := Token{Form: form, Kind: kind, Start: start, End: end, Abjad: abjad}
	if kind == Number {
		t.Phon = form
		return t
	}
	d := wordCache.derive(form, abjad, false, anyReading)
	t.Phon, t.Cons, t.Loose, t.ALoose, t.Stem, t.Key = d.phon, d.cons, d.loose, d.aloose, d.stem, d.key
	if abjad {
		t.Alt = d.alt // its letters apart (see phonApart)
	}
	if kind == Word || kind == Patronymic {
		t.Slav, t.SlavMark = d.slav, d.slavMark
	}
	return t
}

// vowelled reports whether a word is in a script that writes a foreign
// name's vowels as said (see Token.Vowelled): not a syllabary, nor Thai,
// Lao, Khmer or Burmese, whose spellings of foreign names add and change
// vowels.
func vowelled(word string) bool {
	for _, r := range word {
		if unicode.IsLetter(r) {
			return !unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Ethiopic, unicode.Yi)
		}
	}
	return false
}

// readNationally gives a word written in Latin letters its national
// reading (see national).
func readNationally(t *Token, chIsKh bool, lang reading) {
	if t.Kind != Word && t.Kind != Patronymic {
		return
	}
	d := wordCache.derive(t.Form, false, chIsKh, lang)
	t.Alt, t.AltStem = d.alt, d.altStem
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// spacedArticle are the sun-letter forms of the article that are read as
// such when a space, not a hyphen, follows them ("Ash Sham", "Ar
// Rahman"): not as, at, an, es, which are words of other languages.
var spacedArticle = map[string]bool{"ash": true, "ath": true, "adh": true, "ar": true, "az": true, "ad": true, "ud": true, "ur": true}

// isAssimilatedArticle reports whether form is a sun-letter form of the
// Arabic article before next: "ar" before "rahman", "ash" before "shami".
func isAssimilatedArticle(form, next string) bool {
	switch form {
	case "ar", "as", "ash", "at", "ath", "ad", "adh", "an", "az", "ud", "ur", "us", "un", "ed", "er", "es", "et", "en", "ez":
		c := form[len(form)-1]
		if form == "ash" || form == "ath" || form == "adh" {
			c = form[1]
		}
		return next != "" && next[0] == c
	}
	return false
}

// splitCompound splits the Arabic compounds that Latin spellings write
// as one word into the words Arabic script writes: abdulrahman, abdelaziz
// and a lone abdul are abd al ...; hamdullah, saifullah and abdullah are
// ... allah; nasiruddin, alaeddine and nouredine are ... al din. Both sides of a
// comparison are split alike, so "Abdul Rahman", "Abdulrahman" and
// "عبد الرحمن" meet. written gives each part as written ("hedayatollah":
// hedayat, allah written "ollah"), so that the parts glued again are the
// word as written, and a typo in it one edit from them (Hedayatolkah).
func splitCompound(form string) (parts, written []string) {
	if len(form) < 5 {
		return []string{form}, []string{form}
	}
	switch form {
	case "abdul", "abdel", "abdoul", "abdal", "abdol", "abdur", "abdus", "abdou", "abdoel":
		return []string{"abd", "al"}, []string{"abd", form[3:]}
	}
	for _, suf := range []string{"ullah", "ollah", "allah", "ullahi", "ulla", "ulah", "ulloh"} {
		if pre, ok := strings.CutSuffix(form, suf); ok && len(pre) >= 3 {
			p, w := splitCompound(pre)
			return append(p, "allah"), append(w, suf)
		}
	}
	// The d is often written once (Nouredine, Alaedin, Zainudin).
	for _, suf := range []string{"uddin", "uddine", "eddin", "eddine", "addin", "aldin", "oddin", "ouddin", "ouddine", "udeen", "uddeen", "adeen",
		"edine", "edin", "udin", "udine", "oudine"} {
		if pre, ok := strings.CutSuffix(form, suf); ok && len(pre) >= 3 {
			p, w := splitCompound(pre)
			// The article and din as written: "ud" and "din", "e" and "dine".
			cut := strings.IndexByte(suf[1:], 'd') + 1
			if suf[cut] == 'd' && cut+1 < len(suf) && suf[cut+1] == 'd' {
				cut++
			}
			return append(p, "al", "din"), append(w, suf[:cut], suf[cut:])
		}
	}
	if len(form) >= 8 && strings.HasPrefix(form, "abd") {
		for _, pre := range []string{"abdoul", "abdoel", "abdul", "abdel", "abdal", "abdol", "abdur", "abdus"} {
			if r, ok := strings.CutPrefix(form, pre); ok && len(r) >= 3 {
				p, w := splitCompound(r)
				return append([]string{"abd", "al"}, p...), append([]string{"abd", pre[3:]}, w...)
			}
		}
	}
	return []string{form}, []string{form}
}

// segment splits s into words: runs of letters, marks and digits.
// Apostrophes inside a word are dropped (O'Brien, Sa'id); hyphens,
// spaces and other punctuation separate words; Chinese characters and
// Korean syllables are words of their own. Words glued in camel case are
// split where a capital follows a small letter (SiemensAG, AlAssad,
// FridrichBuchenberg; not McDonald or MacArthur) and before the last
// capital of a run of three or more that starts a word in small letters
// (JPMorgan, USAir).
//
// A Chinese transcription of a foreign name (贝拉克·奥巴马; transcription
// set) keeps the characters of each part together: they spell sounds, not
// syllables of a Chinese name.
func segment(s string, transcription bool) []word {
	var out []word
	var b strings.Builder
	start := -1
	sc := latin
	depth := 0 // of parentheses and brackets
	paren := false
	flush := func(end int, hyphen bool) {
		if start >= 0 && b.Len() > 0 {
			out = append(out, word{text: b.String(), start: start, end: end, sc: sc, hyphenNext: hyphen, paren: paren})
		}
		b.Reset()
		start = -1
	}
	begin := func(i int, rs script) {
		start, sc, paren = i, rs, depth > 0
	}
	hangulWord := false // a Hangul run long enough to be one word
	lowerRun := 0       // small letters just written
	upperRun := 0       // capitals just written, ASCII
	for i, r := range s {
		size := utf8.RuneLen(r)
		// Lists mix look-alike letters of the other alphabet into names
		// ("Александровiч", "ШУМIЛIН", "Lavrоv"): inside a word, a
		// look-alike takes the word's alphabet.
		if start >= 0 {
			switch sc {
			case cyrillicScript:
				if c, ok := latinToCyrillic[r]; ok {
					r = c
				}
			case latin:
				if c, ok := cyrillicToLatin[r]; ok {
					r = c
				} else if unicode.Is(unicode.Cyrillic, r) && allLookAlike(b.String()) {
					// "Oрлов": the word was Cyrillic from its first letter.
					lat := b.String()
					b.Reset()
					for _, l := range lat {
						b.WriteRune(unicode.ToLower(latinToCyrillic[unicode.ToUpper(l)]))
					}
					sc = cyrillicScript
				}
			}
		}
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'):
			// The common case, without the Unicode tables.
			if start >= 0 && sc != latin && sc != otherScript {
				flush(i, false)
			}
			upper := r >= 'A' && r <= 'Z'
			lower := r >= 'a' && r <= 'z'
			if start >= 0 && upper && lowerRun > 0 && camelSplits(b.String(), lowerRun) && !legalCamel(s, start) && !shortMixed(s, start) {
				flush(i, false)
			}
			if start >= 0 && lower && upperRun >= 3 && capitalisedRest(s, i) {
				// "JPMorgan": the last capital starts the next word.
				text := b.String()
				b.Reset()
				b.WriteString(text[:len(text)-1])
				flush(i-1, false)
				begin(i-1, latin)
				b.WriteByte(text[len(text)-1])
			}
			if start < 0 {
				begin(i, latin)
			}
			if upper {
				r += 'a' - 'A'
				upperRun++
			} else {
				upperRun = 0
			}
			b.WriteByte(byte(r))
			if lower {
				lowerRun++
			} else {
				lowerRun = 0
			}
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r):
			rs := runeScript(r)
			if unicode.IsMark(r) {
				rs = sc
			}
			perRune := rs.splitsPerRuneIn(transcription)
			if rs == hangulScript && (start < 0 || sc != hangulScript) {
				// A run of four Korean syllables or more spells a foreign
				// name (블라디미르, Vladimir), not a Korean name's
				// syllables: it is one word.
				hangulWord = hangulRun(s[i:]) >= 4
			}
			if rs == hangulScript && hangulWord {
				perRune = false
			}
			if start >= 0 && (rs != sc && !(isLatinish(rs) && isLatinish(sc)) || perRune) {
				flush(i, false)
			}
			if start >= 0 && unicode.IsUpper(r) && lowerRun > 0 && camelSplits(b.String(), lowerRun) {
				flush(i, false)
			}
			if start < 0 {
				begin(i, rs)
			}
			b.WriteRune(unicode.ToLower(r))
			upperRun = 0
			if unicode.IsLower(r) {
				lowerRun++
			} else {
				lowerRun = 0
			}
			if perRune {
				flush(i+size, false)
			}
		case (r == '$' || r == '@') && start >= 0 && i+1 < len(s) && isASCIILetter(s[i+1]):
			// Ba$har al-A$$ad, H@mas: a sign for a letter inside a word.
			if r == '$' {
				b.WriteByte('s')
			} else {
				b.WriteByte('a')
			}
			lowerRun, upperRun = 0, 0
		case r == '\u200c' && start >= 0 && strings.HasSuffix(b.String(), "ه"):
			// Persian writes a final silent h, a vowel, before a
			// zero-width non-joiner (خامنه‌ای, Khamenei): the word goes
			// on, and the h is the vowel it is.
			text := strings.TrimSuffix(b.String(), "ه")
			b.Reset()
			b.WriteString(text)
			b.WriteRune('ە')
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == 'ʻ' || r == '‘' || r == '\u200c' || r == '\u200d':
			// Inside a word, an apostrophe joins; elsewhere it is
			// nothing. So do the zero-width joiner and non-joiner, which
			// Persian and the Indic scripts write inside words.
		case r == '-' || r == '‐' || r == '‑' || r == '–':
			flush(i, true)
			lowerRun, upperRun = 0, 0
		default:
			flush(i, false)
			lowerRun, upperRun = 0, 0
			switch r {
			case '(', '[':
				depth++
			case ')', ']':
				depth = max(depth-1, 0)
			}
		}
	}
	flush(len(s), false)
	return out
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// capitalisedRest reports whether the small letters from s[i] on are two
// or more and end the word: "organ" in "JPMorgan", not "qu" in
// "SHCquERBAKOV", a typo in capitals.
func capitalisedRest(s string, i int) bool {
	j := i
	for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
		j++
	}
	return j-i >= 2 && (j == len(s) || !(s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9'))
}

// legalCamel reports whether the ASCII word that starts at s[start] is a
// legal form written in mixed case (GmbH, KGaA, SpA), which is one word.
func legalCamel(s string, start int) bool {
	end := start
	for end < len(s) && (s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z') {
		end++
	}
	if end-start > 6 {
		return false
	}
	w := strings.ToLower(s[start:end])
	_, ok := legalForms[w]
	return ok || w == "kgaa" || w == "mbh"
}

// hangulRun counts the Korean syllables s starts with.
func hangulRun(s string) int {
	n := 0
	for _, r := range s {
		if !isHangulSyllable(r) {
			break
		}
		n++
	}
	return n
}

// camelSplits reports whether a word written so far (in lower case),
// whose last lowerRun letters were small, ends where a capital follows:
// after a word of three letters or more all small but the first
// ("SiemensAG", "FridrichBuchenberg"; not "GAVRILgV" or "SHCquERBAKOV",
// typos in capitals), or after a particle ("AlAssad", "DiCaprio"); never
// after a Gaelic prefix (McDonald, MacArthur), which is part of the name.
func camelSplits(sofar string, lowerRun int) bool {
	switch sofar {
	case "mc", "mac", "fitz":
		return false
	case "al", "el", "di", "de", "da", "du", "le", "la", "van", "von", "der", "abu", "bin", "ibn", "abd", "ul", "ud":
		return true
	}
	// A capitalised or small word before the capital, not a typo inside
	// capitals: all its letters but the first are small.
	n := utf8.RuneCountInString(sofar)
	return lowerRun >= 2 && n >= 3 && lowerRun >= n-1
}

// shortMixed reports whether the word of ASCII letters at s[start:] is of
// four letters or fewer with two capitals or more: an acronym written with
// its small words in small letters (LeT, JeM, JuD), not words glued.
func shortMixed(s string, start int) bool {
	n, caps := 0, 0
	for i := start; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			caps++
		} else if c < 'a' || c > 'z' {
			break
		}
		n++
	}
	return n <= 4 && caps >= 2
}

func isLatinish(s script) bool { return s == latin || s == otherScript }

// mergeLetters writes a run of initials that no name word follows as one
// word, when they are all the name has or the name is an organisation's:
// "DSD", "A.B.C. Company", "T.E.G. LIMITED" are named by their letters, as
// "ABC" is. Initials before a name word ("V. V. Putin", "J. P. Morgan"),
// after a person's surname ("Putin V.V.") or after a comma ("SMITH, J.
// R.") stay initials.
func mergeLetters(toks []Token, s string) []Token {
	comma := topComma(s)
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != Initial {
			continue
		}
		j := i
		for j < len(toks) && toks[j].Kind == Initial {
			j++
		}
		if j-i < 2 {
			continue
		}
		words, org := 0, false
		for k := range toks {
			if k < i || k >= j {
				if toks[k].Kind == Word || toks[k].Kind == Patronymic {
					words++
				}
				org = org || toks[k].Kind == LegalForm || toks[k].Kind == Word && OrgWord(toks[k].Form)
			}
		}
		followed := j < len(toks) && (toks[j].Kind == Word || toks[j].Kind == Patronymic)
		if followed || words > 0 && (!org || comma >= 0 && comma < toks[i].Start) {
			i = j - 1
			continue
		}
		var b strings.Builder
		for k := i; k < j; k++ {
			b.WriteString(toks[k].Form)
		}
		t := newToken(b.String(), Word, toks[i].Start, toks[j-1].End, toks[i].Abjad)
		t.Trans, t.Paren, t.Hyphen = toks[i].Trans, toks[i].Paren, toks[j-1].Hyphen
		toks = append(toks[:i], append([]Token{t}, toks[j:]...)...)
	}
	return toks
}

// mergeLegalForms replaces runs of tokens that spell a legal form by one
// LegalForm token holding its canonical class.
func mergeLegalForms(toks []Token) []Token {
	found := false
	for i := range toks {
		if n, _, _ := matchLegalForm(toks, i); n > 0 {
			found = true
			break
		}
	}
	if !found {
		return toks
	}
	out := toks[:0:0]
	for i := 0; i < len(toks); {
		n, class, phrase := matchLegalForm(toks, i)
		if n == 0 {
			out = append(out, toks[i])
			i++
			continue
		}
		t := newToken(class, LegalForm, toks[i].Start, toks[i+n-1].End, false)
		t.Legal = legalPlaces[phrase]
		out = append(out, t)
		i += n
	}
	return out
}

// matchLegalForm returns the length, class and phrase (as legalForms
// spells it) of the longest legal-form phrase starting at toks[i], or 0.
func matchLegalForm(toks []Token, i int) (int, string, string) {
	// An abjad spells no Latin abbreviation: سال is Sal, not S.A.L.
	if toks[i].Kind == Number || toks[i].Abjad || !legalFirstWords[legalWord(toks[i].Form, true)] && !legalFirstWords[legalWord(toks[i].Form, false)] {
		return 0, "", ""
	}
	var phrase strings.Builder
	best, class, bestPhrase := 0, "", ""
	for n := 1; n <= maxLegalFormWords && i+n <= len(toks); n++ {
		if n > 1 {
			phrase.WriteByte(' ')
		}
		t := toks[i+n-1]
		if t.Kind == Number {
			break
		}
		phrase.WriteString(legalWord(t.Form, n > 1 || i+n < len(toks)))
		p := phrase.String()
		c, ok := legalForms[p]
		if !ok {
			continue
		}
		if legalFormsAtEndOnly[p] && (i+n != len(toks) || i == 0) && !(i == 0 && legalFormsAtStart[p]) {
			continue
		}
		best, class, bestPhrase = n, c, p
	}
	// A name that is nothing but a legal form ("Company") keeps its word.
	if best == len(toks) {
		return 0, "", ""
	}
	return best, class, bestPhrase
}

// legalWord returns the form to look up in legal-form phrases: the word
// itself, its interchangeable spelling inside a phrase (co for company),
// or the legal word it is one typo away from, or two for a word of
// legalTwoEditsMinLen letters or more ("Coryoramion", "Obhsqhestvo").
func legalWord(form string, inPhrase bool) string {
	if w, ok := phraseWords[form]; ok && inPhrase {
		return w
	}
	if len(form) < 6 {
		return form
	}
	for _, w := range legalWords[form[0]] {
		if w == form {
			return form
		}
	}
	for _, w := range legalWords[form[0]] {
		if oneEdit(form, w) {
			return w
		}
	}
	if len(form) < legalTwoEditsMinLen || legalLookalikes[form] {
		return form
	}
	for _, w := range legalWords[form[0]] {
		if len(w) >= legalTwoEditsMinLen && EditDistance(form, w, 2) <= 2 {
			return w
		}
	}
	return form
}

// legalTwoEditsMinLen is the shortest word that two typos leave a legal
// word: on ten letters, eight still stand where they were.
const legalTwoEditsMinLen = 10

// legalLookalikes are words two edits from a legal word that are words of
// their own: a cooperation is not a corporation.
var legalLookalikes = map[string]bool{"cooperation": true, "cooperations": true}

// oneEdit reports whether a and b are at most one insertion, deletion,
// substitution or swap of neighbours apart.
func oneEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return true
		}
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		i := 0
		for i < len(b) && a[i] == b[i] {
			i++
		}
		return a[i+1:] == b[i:]
	}
	return false
}

// patronymicEndings are the endings of East Slavic and Turkic
// patronymics.
var patronymicEndings = []string{"ovich", "evich", "ovych", "evych", "avich", "ovna", "evna", "ivna", "ichna", "ogly", "oglu", "ogli", "kyzy", "qizi", "uly",
	"ovics", "evics", "ovicius", "evicius", "ovichius", "evichius", "ovichs", "evichs"}

// isPatronymic reports whether a folded word is an East Slavic or Turkic
// patronymic, in Russian spelling or as Hungarian, Latvian and Lithuanian
// write it (Rosztiszlavovics, Nikolajevičs, Valentinovičius).
func isPatronymic(form string) bool {
	if len(form) < 7 {
		return false
	}
	for _, e := range patronymicEndings {
		if strings.HasSuffix(form, e) {
			return true
		}
	}
	return false
}
