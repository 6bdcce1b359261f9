package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// assignRoles reads the structure of a person's name from the way it is
// written and marks each word's Role, and its Link in a nasab chain.
//
// In order of precedence:
//
//   - a comma: "LAVROV, Sergei Viktorovich", "AL-RAWI, Salman bin
//     Muhammad": the words before it are the surname, the first word after
//     it the given name, the rest middle names;
//   - capitals among small letters: "Vladimir Vladimirovich PUTIN": the
//     words in capitals are the surname;
//   - surname first: a name in Chinese characters or Hangul; a Latin name
//     whose first word is a common Chinese, Korean or Vietnamese surname
//     and whose words are all syllables ("Kim Jong Un", "Xi Jinping",
//     "Nguyen Tan Dung"), whose given-name syllables are then Syllables;
//     a Russian name ending in a patronymic ("Lavrov Sergei
//     Viktorovich"); a Hungarian name ending in a Hungarian given name
//     ("Orbán Viktor");
//   - otherwise the last word is the surname and the first the given name.
//
// In a name with bin or ibn, the word right after the last bin is the
// father's name, not a surname ("Ali bin Hassan"), and every given word
// is numbered by its generation (Link). A title that follows the name's
// words, or stands in a comma name's surname, is a word ("Stephen King",
// "MAJOR, John").
//
// It reports whether the surname was taken by the last rule alone, in a
// name of three words or more (see Name.SurnameGuessed).
func assignRoles(toks []Token, s string) bool {
	eastAsianParticles(toks)
	comma := topComma(s)
	hasContent := false
	lastWord := -1 // the last name word: a title must stand before one
	for i := range toks {
		if toks[i].Kind == Word || toks[i].Kind == Patronymic {
			lastWord = i
		}
	}
	for i := range toks {
		t := &toks[i]
		switch t.Kind {
		case Title:
			if i > lastWord && lastWord >= 0 || lastWord < 0 && i+1 < len(toks) && toks[i+1].Kind == Initial {
				// "Lady R", "Captain J.": a title before initials alone
				// is a name.
				if !trailingTitles[t.Form] && classOf(t) != otherClass {
					t.Kind = untitled(t.Form)
					hasContent = true
					continue
				}
			}
			// A title after the name's words is a name ("Stephen King",
			// "MAJOR, John"), but for the honorifics written after names
			// (Bey, Jr.) and in the scripts that write titles after them
			// (普京总统, 푸틴 대통령).
			if (hasContent && !trailingTitles[t.Form] && classOf(t) != otherClass) || comma >= 0 && t.End <= comma {
				t.Kind = untitled(t.Form)
				hasContent = true
			}
		case Word, Initial, Patronymic:
			hasContent = true
		}
	}
	content := make([]int, 0, len(toks))
	for i := range toks {
		switch toks[i].Kind {
		case Word, Initial, Patronymic:
			content = append(content, i)
		}
	}
	if len(content) < 2 {
		return false
	}
	guessed := false
	set := func(first, rest Role, ids []int) {
		// The first given name is the first word that is not a
		// patronymic: a patronymic is a middle name wherever it stands.
		firstSet := false
		for _, i := range ids {
			if !firstSet && toks[i].Kind != Patronymic {
				toks[i].Role = first
				firstSet = true
			} else {
				toks[i].Role = rest
			}
		}
	}
	family := func(ids []int) {
		for _, i := range ids {
			toks[i].Role = Family
			if toks[i].Kind == Patronymic {
				// "LUKASHEVICH, Viktar": a surname that looks like a
				// patronymic is a surname.
				toks[i].Kind = Word
			}
		}
	}
	switch {
	case comma >= 0 && splitAt(toks, content, comma) > 0 && splitAt(toks, content, comma) < len(content):
		k := splitAt(toks, content, comma)
		family(content[:k])
		set(Given, Middle, content[k:])
	case capsGivenSyllables(toks, content, s) && eastAsianOrder(toks, content, s):
		family(content[:1])
		set(Syllable, Syllable, content[1:])
	case capsSurname(toks, content, s):
		var fam, given []int
		for _, i := range content {
			if isCaps(s[toks[i].Start:toks[i].End]) {
				fam = append(fam, i)
			} else {
				given = append(given, i)
			}
		}
		family(fam)
		set(Given, Middle, given)
	case eastAsianOrder(toks, content, s):
		family(content[:1])
		set(Syllable, Syllable, content[1:])
	case toks[content[len(content)-1]].Kind == Patronymic && len(content) >= 3 && toks[content[0]].Kind == Word:
		// Russian documents write "Lavrov Sergei Viktorovich".
		family(content[:1])
		set(Given, Middle, content[1:])
	case hungarianOrder(toks, content, s):
		family(content[:1])
		set(Given, Middle, content[len(content)-1:])
		for _, i := range content[1 : len(content)-1] {
			toks[i].Role = Middle
		}
	default:
		// The surname is the last name word: not an initial ("Putin
		// V.V."), not a patronymic ("Sergei Viktorovich"), and not the
		// father's name right after bin ("Ali bin Hassan").
		last := -1
		for k := len(content) - 1; k >= 0; k-- {
			if toks[content[k]].Kind == Word {
				last = k
				break
			}
		}
		at := -1
		if last >= 0 {
			at = content[last]
		}
		if at < 0 || at > 0 && toks[at-1].Kind == Particle && toks[at-1].Form == "bin" {
			set(Given, Middle, content)
		} else {
			family([]int{at})
			rest := slices.Delete(slices.Clone(content), last, last+1)
			set(Given, Middle, rest)
			guessed = len(content) >= 3
		}
	}
	syllables(toks, s)
	links(toks)
	kunyas(toks)
	return guessed
}

// eastAsianParticles reads the words of a Chinese, Korean or Vietnamese
// name that look like particles of other languages (Il, Do, Le, Da) as the
// syllables they are: "Kim Il Sung", "Le Duc Tho". A name is such when one
// of its words is a common East Asian surname and all of its two to four
// words are syllables.
func eastAsianParticles(toks []Token) {
	if len(toks) < 2 || len(toks) > 4 {
		return
	}
	surname, particle := false, false
	for i := range toks {
		t := &toks[i]
		f := t.Form
		if t.Glue != "" {
			f = t.Glue
		}
		switch t.Kind {
		case Word:
			surname = surname || eastAsianSurnames[f]
		case Particle:
			particle = true
		default:
			return
		}
		if !isSyllables(f, 3) {
			return
		}
	}
	if !surname || !particle {
		return
	}
	for i := range toks {
		if t := &toks[i]; t.Kind == Particle {
			f := t.Form
			if t.Glue != "" {
				f = t.Glue
			}
			*t = retoken(t, f, Word)
		}
	}
}

// retoken returns t with another form and kind, its place kept.
func retoken(t *Token, form string, kind Kind) Token {
	n := newToken(form, kind, t.Start, t.End, t.Abjad)
	n.Trans, n.Paren, n.Hyphen = t.Trans, t.Paren, t.Hyphen
	return n
}

// syllables marks the given names of an East Asian name written with its
// surname apart ("KIM Jong Un", "XI, Jinping") as syllables of one name.
func syllables(toks []Token, s string) {
	fam, given := -1, 0
	for i := range toks {
		switch toks[i].Role {
		case Family:
			if fam >= 0 {
				return // two surnames: not a Chinese or Korean name
			}
			fam = i
		case Given, Middle:
			if toks[i].Kind != Word || !isSyllables(toks[i].Form, 2) {
				return
			}
			given++
		case Syllable:
			return
		}
	}
	if fam < 0 || given == 0 || given > 3 || !eastAsianSurnames[toks[fam].Form] && !isHanOrHangul(s[toks[fam].Start:toks[fam].End]) {
		return
	}
	for i := range toks {
		if toks[i].Role == Given || toks[i].Role == Middle {
			toks[i].Role = Syllable
		}
	}
}

func isHanOrHangul(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r)
}

// kunyas marks the word after abu ("father of"): Abu Hamza is not Hamza.
func kunyas(toks []Token) {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Kind == Particle && toks[i].Form == "abu" && (toks[i+1].Kind == Word || toks[i+1].Kind == Patronymic) {
			toks[i+1].Kunya = true
		}
	}
}

// untitled returns the kind of a word a title was taken for, where it is
// a name: a particle stays a particle ("Abd al-Malik", where "al-Malik" is
// also "the King").
func untitled(form string) Kind {
	switch {
	case particles[form] != "" || form == "al" || form == "bin" || form == "abu":
		return Particle
	case isPatronymic(form):
		return Patronymic
	}
	return Word
}

// links numbers the given words of a nasab chain by generation: 1 before
// the first bin, 2 after it, and so on; the surname and names without a
// bin keep 0.
func links(toks []Token) {
	chain := false
	for i := range toks {
		if isNasabLink(&toks[i]) {
			chain = true
			break
		}
	}
	if !chain {
		return
	}
	gen := uint8(1)
	for i := range toks {
		t := &toks[i]
		switch {
		case isNasabLink(t):
			// A bin that begins the surname ("BIN LADIN, Usama") is no
			// generation.
			next := i + 1
			for next < len(toks) && toks[next].Kind == Particle {
				next++
			}
			if gen < 250 && next < len(toks) && toks[next].Role != Family {
				gen++
			}
		case t.Role == Given || t.Role == Middle:
			t.Link = gen
		}
	}
}

// isNasabLink reports whether t says "son of" or "daughter of": bin, ibn,
// bint, ben (all "bin" once analysed), ould.
func isNasabLink(t *Token) bool {
	return t.Kind == Particle && (t.Form == "bin" || t.Form == "ould")
}

// topComma returns the byte offset of the first comma outside
// parentheses, or -1.
func topComma(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(depth-1, 0)
		case ',':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitAt returns how many of the content words end before offset at.
func splitAt(toks []Token, content []int, at int) int {
	k := 0
	for _, i := range content {
		if toks[i].End <= at {
			k++
		}
	}
	return k
}

// isCaps reports whether a word has two letters or more, all capitals.
func isCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// hasLower reports whether w has a small letter.
func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// capsSurname reports whether some of the name's words are in capitals
// and others in small letters: "Vladimir Vladimirovich PUTIN", "Bashar
// AL-ASSAD".
func capsSurname(toks []Token, content []int, s string) bool {
	caps, small := 0, 0
	for _, i := range content {
		w := s[toks[i].Start:toks[i].End]
		switch {
		case toks[i].Kind == Initial:
		case isCaps(w):
			caps++
		case hasLower(w):
			small++
		}
	}
	return caps > 0 && small > 0
}

// eastAsianOrder reports whether the name puts the surname first as
// Chinese, Korean and Vietnamese names do: written in Chinese characters
// or Hangul (but not a transcription of a foreign name, whose parts a
// middle dot separates), or in Latin letters with a common East Asian
// surname first and syllables only.
func eastAsianOrder(toks []Token, content []int, s string) bool {
	if r, _ := utf8.DecodeRuneInString(s[toks[content[0]].Start:]); unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) {
		return !strings.ContainsAny(s, "·・•")
	}
	if len(content) > 4 || !eastAsianSurnames[toks[content[0]].Form] {
		return false
	}
	for _, i := range content {
		if toks[i].Kind != Word || !isSyllables(toks[i].Form, 3) {
			return false
		}
	}
	return true
}

// capsGivenSyllables reports whether a name of three words has its last
// two, joined by a hyphen, in capitals and its first not ("Kim JIN-SOK"):
// the capitals mark a Korean or Chinese given name written as one, not a
// surname, since those surnames are one syllable and stand first.
func capsGivenSyllables(toks []Token, content []int, s string) bool {
	if len(content) != 3 || !toks[content[1]].Hyphen {
		return false
	}
	first, a, b := &toks[content[0]], &toks[content[1]], &toks[content[2]]
	return !isCaps(s[first.Start:first.End]) && isCaps(s[a.Start:a.End]) && isCaps(s[b.Start:b.End])
}

// isSyllable reports whether a folded word can be one romanised Chinese,
// Korean or Vietnamese syllable: up to three consonants, one to three
// vowels, and an optional final n, ng, m, p, t, k, l, h, w or r ("kuan",
// "jong", "geun", "hye", "nguyen", "yew"; not "harvey" or "oswald").
func isSyllable(form string) bool {
	if len(form) > 6 {
		return false
	}
	i := 0
	for i < len(form) && i < 3 && !isVowel(form[i]) {
		i++
	}
	v := i
	for i < len(form) && isVowel(form[i]) {
		i++
	}
	if i == v || i-v > 3 {
		return false
	}
	switch form[i:] {
	case "", "n", "ng", "m", "p", "t", "k", "l", "h", "w", "r", "nh", "ch":
		return true
	}
	return false
}

// isSyllables reports whether a folded word is one to n syllables run
// together ("jinping", "zedong", "jongun").
func isSyllables(form string, n int) bool {
	if isSyllable(form) {
		return true
	}
	if n <= 1 {
		return false
	}
	for i := 1; i < len(form) && i <= 6; i++ {
		if isSyllable(form[:i]) && isSyllables(form[i:], n-1) {
			return true
		}
	}
	return false
}

// eastAsianSurnames are the commonest Chinese (pinyin, Wade–Giles,
// Cantonese and Hokkien spellings), Korean and Vietnamese surnames: a
// name of syllables that starts with one is read surname first. From the
// national surname frequency tables (China's 2020 census ranking, the
// Korean Statistical Office's surname counts, the Vietnamese top ten) and
// the usual romanisations of each.
var eastAsianSurnames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
		zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai
		jia ding wei xue ye yan pan du dai xia zhong wang fu shen lu ren yao lu jin qiu hou
		meng bai qin kong xiong mao hao shi tan shao wan gu lai gong wen kang chang yin qian
		niu hong duan lei long fan fang xing shi su tao mo xi bo ji bi qi ou mi
		chang chao chou hsu hsieh hsia kuo kao lo cheng tseng tsai teng chiang chu chung tung
		wong chan cheung leung lau lam ng tsang chow yip kwok tse mak yeung fung ko hui tam
		so siu kwan choi au chiu kong lai lui tong shek yuen
		tan lim ong goh teo koh sim toh tay chua quek ang lee yeo neo chia tay
		kim park pak lee yi rhee choi choe jung chung jeong kang gang cho jo yoon yun jang chang
		lim im han oh shin sin seo suh kwon gwon hwang ahn an song ryu yoo jeon jun hong ko go
		moon mun yang son sohn bae pae baek paek heo hur noh roh ri ryang ju chu
		nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly trinh dinh
	`) {
		m[w] = true
	}
	return m
}()

// EastAsianSurname reports whether a folded word is one of the commonest
// Chinese, Korean or Vietnamese surnames.
func EastAsianSurname(form string) bool { return eastAsianSurnames[form] }

// vietnameseSurnames are the commonest Vietnamese surnames, which cover
// most Vietnamese (the top ten, and the next ten of the same tables).
var vietnameseSurnames = map[string]bool{"nguyen": true, "tran": true, "le": true, "pham": true, "hoang": true,
	"huynh": true, "phan": true, "vu": true, "vo": true, "dang": true, "bui": true, "do": true, "ho": true, "ngo": true,
	"duong": true, "ly": true, "trinh": true, "dinh": true, "truong": true, "luong": true}

// VietnameseSurname reports whether a folded word is one of the
// commonest Vietnamese surnames.
func VietnameseSurname(form string) bool { return vietnameseSurnames[form] }

// hungarianGivenNames are common Hungarian given names: a name of two or
// three words, with a Hungarian accented vowel or digraph, that ends in
// one is read surname first ("Orbán Viktor", "Szijjártó Péter").
var hungarianGivenNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		laszlo istvan jozsef janos zoltan sandor gabor ferenc attila peter tamas viktor zsolt
		balazs gyorgy andras csaba imre lajos tibor miklos gergely krisztian levente mate
		mihaly pal szabolcs akos bence daniel david adam norbert robert lorinc karoly geza
		dezso endre erno jeno kalman bela antal gyula marton barnabas botond kristof
		erzsebet katalin maria eva ilona zsuzsanna anna judit agnes margit julianna andrea
		krisztina erika eszter anita timea edit orsolya zsofia reka dora nora noemi
	`) {
		m[w] = true
	}
	return m
}()

// hungarianOrder reports whether a name of two or three words is
// Hungarian written surname first: its last word is a Hungarian given
// name, its first is not, and it has an accented vowel (á, é, í, ó, ö, ő,
// ú, ü, ű) or a Hungarian digraph (sz, cs, zs, gy, ny, ly).
func hungarianOrder(toks []Token, content []int, s string) bool {
	if len(content) > 3 || !hungarianGivenNames[toks[content[len(content)-1]].Form] || hungarianGivenNames[toks[content[0]].Form] {
		return false
	}
	if strings.ContainsAny(s, "áéíóöőúüűÁÉÍÓÖŐÚÜŰ") {
		return true
	}
	for _, i := range content {
		f := toks[i].Form
		for _, d := range [...]string{"sz", "cs", "zs", "gy", "ny", "ly"} {
			if strings.Contains(f, d) {
				return true
			}
		}
	}
	return false
}

// SyllableKey returns the East Asian syllable keys of a folded word (see
// Token.Key): its Chinese readings (SinoKeys) and its Korean ones
// (KoreanKeys), sorted and joined with "|"; "" for other words, and for
// words too long to be three syllables.
func SyllableKey(form string) string {
	// Most words are no syllables: reject them before the readers,
	// which cost microseconds a word.
	if len(form) > 18 || form == "" || !isSyllables(form, 3) && koreanPassportSurnames[form] == "" {
		// (Park is a passport's 박 that no syllable rule reads.)
		return ""
	}
	keys := SinoKeys(form)
	for _, k := range KoreanKeys(form) {
		keys = append(keys, "k:"+k)
	}
	if len(keys) == 0 {
		return ""
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	return strings.Join(keys, "|")
}

// SyllableKeys splits a Token.Key into its keys.
func SyllableKeys(key string) []string {
	if key == "" {
		return nil
	}
	return strings.Split(key, "|")
}

// SameSyllables reports whether two Token.Keys share a key: the two
// words may be the same Chinese or Korean syllables.
func SameSyllables(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	for a != "" {
		var k string
		k, a, _ = strings.Cut(a, "|")
		for rest := b; rest != ""; {
			var l string
			l, rest, _ = strings.Cut(rest, "|")
			if k == l {
				return true
			}
		}
	}
	return false
}

// Chain returns the son and the father that a name written with a nasab
// link gives, as indexes into its tokens: the word before the first bin
// or ould and the word after it, in the order the name is said (a name
// inverted at a comma, "BIN MANSOUR, Amran", is said "Amran bin
// Mansour"), whatever the words' roles. ok is false for a name without
// one.
func Chain(n Name) (son, father int, ok bool) {
	order := make([]int, 0, len(n.Tokens))
	if c := topComma(n.Raw); c >= 0 {
		for i := range n.Tokens {
			if n.Tokens[i].Start > c {
				order = append(order, i)
			}
		}
		if len(order) > 0 && len(order) < len(n.Tokens) {
			for i := range n.Tokens {
				if n.Tokens[i].Start < c {
					order = append(order, i)
				}
			}
		} else {
			order = order[:0]
		}
	}
	if len(order) == 0 {
		for i := range n.Tokens {
			order = append(order, i)
		}
	}
	for k, i := range order {
		if !isNasabLink(&n.Tokens[i]) {
			continue
		}
		son, father = -1, -1
		for j := k - 1; j >= 0 && son < 0; j-- {
			if t := &n.Tokens[order[j]]; t.Kind == Word {
				son = order[j]
			} else if t.Kind != Particle {
				break
			}
		}
		for j := k + 1; j < len(order) && father < 0; j++ {
			if t := &n.Tokens[order[j]]; t.Kind == Word {
				father = order[j]
			} else if t.Kind != Particle {
				break
			}
		}
		return son, father, son >= 0 && father >= 0
	}
	return -1, -1, false
}
