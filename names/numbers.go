package names

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Numbers in names ("44th Brigade", "Сорок четвёртая бригада", "Tercera
// Compañía", "Zweiundzwanzigste Division", "Vessel Two") are compared as
// digits, so that one list's words meet another's digits. The words come
// from spellers, one per language, that write every number the way the
// grammars below describe, in the forms Analyze folds them to; readNumber
// looks the longest run of words up in what they wrote. A speller is
// easier to check against a grammar than a parser is, and cannot read a
// run of number words that no language writes ("forty forty").
//
// Sources, from knowledge (the spellers were checked against no file):
// the numeral chapters of each language's grammar, as Wikipedia's
// "English numerals" and its articles on the numerals of the other
// languages set them out, with the Belgian and Swiss French septante,
// huitante and nonante; for Spanish ordinals, the Real Academia's
// Diccionario panhispánico de dudas, "ordinales"; for the romanisations
// of Russian and Ukrainian, Wikipedia: Romanization of Russian and
// Romanization of Ukrainian.

// readNumber reads a number written in words, or an ordinal written with
// digits, at the start of words, and returns how many words it used and
// the number in decimal digits ("44"); 0, "" when words[0] begins no number.
//
// A word made only of digits is the caller's ("44" gives 0) unless a
// Russian or Ukrainian case ending follows it as a word of its own, as in
// "44-я бригада" (["44", "ya"]) and "1-й полк": then both are read. A
// word that is also a name or a particle (ambiguousNumberWords) is read
// only as part of a longer number ("cuarenta y dos", never "dos" alone).
func readNumber(words []string) (used int, digits string) {
	used, digits = readNumberPart(words)
	// "nine hundred twenty-fourth": the spellers write compounds up to a
	// hundred, so a round number followed by a smaller number than its
	// round part ("nine hundred twenty" and "fourth") is read as one.
	for used > 0 && used < len(words) {
		n, _ := strconv.Atoi(digits)
		round := 0
		switch {
		case n >= 100 && n%100 == 0:
			round = 100
		case n >= 20 && n%10 == 0:
			round = 10
		}
		if round == 0 {
			break
		}
		next, skip := words[used:], 0
		if len(next) > 1 && (next[0] == "and" || next[0] == "e" || next[0] == "y" || next[0] == "und") {
			next, skip = next[1:], 1
		}
		k, d := readNumberPart(next)
		m, _ := strconv.Atoi(d)
		if k == 0 || m <= 0 || m >= round {
			break
		}
		used, digits = used+skip+k, strconv.Itoa(n+m)
	}
	return used, digits
}

// readNumberPart is readNumber without joining a hundred and what follows.
func readNumberPart(words []string) (used int, digits string) {
	if len(words) == 0 || words[0] == "" {
		return 0, ""
	}
	w := words[0]
	if w[0] >= '0' && w[0] <= '9' {
		if allDigits(w) {
			if len(words) > 1 && slavicDigitEndings[words[1]] {
				return 2, trimZeros(w)
			}
			return 0, ""
		}
		if d, ok := digitOrdinal(w); ok {
			return 1, d
		}
		return 0, ""
	}
	lex := numberWords()
	if !lex.first[w] {
		return 0, ""
	}
	for k := min(len(words), lex.maxWords); k >= 1; k-- {
		e, ok := lex.phrases[strings.Join(words[:k], " ")]
		if !ok {
			continue
		}
		if k > 1 {
			return k, strconv.Itoa(e.n)
		}
		if ambiguousNumberWords[w] {
			return 0, ""
		}
		// "forty 4": a tens word then a unit written as a digit.
		if e.unitsFollow && len(words) > 1 && len(words[1]) == 1 && words[1][0] >= '1' && words[1][0] <= '9' {
			return 2, strconv.Itoa(e.n + int(words[1][0]-'0'))
		}
		return 1, strconv.Itoa(e.n)
	}
	return 0, ""
}

// ambiguousNumberWords are number words that are also given names,
// surnames, particles, articles or common words in names, and so are read
// as numbers only inside a longer number.
var ambiguousNumberWords = map[string]bool{
	// Articles: "un" and "une" (French), "uno", "una" (Spanish, Italian),
	// "um", "uma" (Portuguese; Uma is also a given name), "een" (Dutch).
	// German "ein" and "eine" are articles too, but not numbers on their
	// own ("eins" is), so the spellers never write them alone.
	"un": true, "une": true, "uno": true, "una": true, "um": true, "uma": true, "een": true,
	// Particles of veto's table: "dos" (Portuguese, dos Santos), "ten"
	// (Dutch, ten Boom), "bin" (Arabic; Turkish 1000).
	"dos": true, "ten": true, "bin": true,
	// Given names and surnames: Otto (German), Sei (Japanese), Tre
	// (English nickname, Vietnamese), Mille (Danish, Norwegian), Mil
	// (Russian, the helicopter designer), Díez (Spanish), Dix (German),
	// Odin (Norse, given name), Nol (Lon Nol), Sem (Dutch), Trí
	// (Vietnamese), Sim (Korean), Trista (English), Kirk (English), Elli
	// (Greek, Finnish), Tiến (Vietnamese), Cento (Italian surname), and
	// ordinals that are Italian and Spanish given names or surnames:
	// Primo (Levi), Secondo, Segundo, Tercero, Quinto, Quinta, Sesto,
	// Settimo, Nono (Luigi Nono), Nona, Decimo, Decima; Zehnter
	// (German) and Achter (Dutch) surnames.
	"otto": true, "sei": true, "tre": true, "mille": true, "mil": true, "diez": true, "dix": true,
	"odin": true, "nol": true, "sem": true, "tri": true, "sim": true, "trista": true, "kirk": true,
	"elli": true, "tien": true, "cento": true, "primo": true, "prima": true, "secondo": true,
	"segundo": true, "tercero": true, "quinto": true, "quinta": true, "sesto": true, "settimo": true,
	"nono": true, "nona": true, "decimo": true, "decima": true, "zehnter": true, "achter": true,
	// Common words in names: "premier" (a title, Premier Bank), "elf"
	// (Elf Aquitaine), "neuf" (French "new": Pont-Neuf), "sept" (a clan;
	// September), "cent" (50 Cent), "once" (English), "null" (a database's
	// empty value), "on" (English; Turkish 10), "bir" (Arabic "well": Bir
	// Zeit; Turkish 1), "uc" (an abbreviation; Turkish 3), "soma" and
	// "some" (Ukrainian 7th, feminine and neuter).
	"premier": true, "elf": true, "neuf": true, "sept": true, "cent": true, "once": true,
	"null": true, "on": true, "bir": true, "uc": true, "soma": true, "some": true,
}

// slavicDigitEndings are the case endings that Russian and Ukrainian
// write after an ordinal in digits, with a hyphen: 1-й, 44-я, 2-го, 3-е.
// Endings that are also single letters or conjunctions in names ("a",
// "e", "y") are left out.
var slavicDigitEndings = map[string]bool{
	"i": true, "yi": true, "ii": true, "iy": true, "yy": true, "ya": true, "ia": true, "ye": true,
	"go": true, "ogo": true, "oi": true, "oy": true, "aya": true, "yu": true, "mu": true,
}

// digitOrdinal reads an ordinal written with digits and a suffix: 1st,
// 22nd, 3rd (English); 1er, 1re, 1ere, 2e, 2eme, 2nd, 2nde (French); 1o,
// 1a, 2do, 3ra, 1ro, 1er, 4to, 7mo (Spanish, Portuguese, Italian, where º
// and ª fold to o and a); 1e, 2de, 8ste (Dutch); 1te, 3ter (German);
// 1inci, 2nci, 3uncu (Turkish, whose apostrophe is dropped). The suffix
// is not checked against the number: "2th" is as plainly the second.
// "3d" is left out: it is far more often "3-D" than "third".
func digitOrdinal(w string) (string, bool) {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if !digitOrdinalSuffixes[w[i:]] {
		return "", false
	}
	return trimZeros(w[:i]), true
}

var digitOrdinalSuffixes = map[string]bool{
	"st": true, "nd": true, "rd": true, "th": true,
	"er": true, "re": true, "ere": true, "ier": true, "iere": true, "e": true, "eme": true, "nde": true,
	"o": true, "a": true, "ro": true, "ra": true, "do": true, "da": true, "era": true, "to": true, "ta": true,
	"mo": true, "ma": true, "vo": true, "va": true, "no": true, "na": true,
	"de": true, "ste": true, "te": true, "ter": true, "ten": true,
	"inci": true, "nci": true, "uncu": true, "ncu": true,
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// trimZeros drops leading zeros, keeping one digit: "007" is "7".
func trimZeros(d string) string {
	for len(d) > 1 && d[0] == '0' {
		d = d[1:]
	}
	return d
}

// romanNumeral returns the value of a Roman numeral word ("ii" → "2",
// "xiv" → "14") in decimal digits, and false for anything else.
func romanNumeral(word string) (string, bool) {
	n, ok := romanNumerals[word]
	if !ok {
		return "", false
	}
	return strconv.Itoa(n), true
}

// romanNumerals are the numerals of 2 to 49 in their standard form, the
// regnal and ordinal numbers of names (Louis XIV, Abdullah II, Hamad
// III). Single letters are initials, and L, C, D and M make no numeral
// below 50 but many words (li, liv, lix, mix, dix, civil). Left out:
//
//	xi   11: the Chinese surname Xi (Xi Jinping);
//	vi   6: the Vietnamese given name Vi;
//	xl   40: the clothing size, and XL in company names (XL Group);
//	xxx  30: a placeholder for an unknown name.
var romanNumerals = func() map[string]int {
	out := map[string]int{}
	tens := []string{"", "x", "xx", "xxx", "xl"}
	units := []string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}
	for n := 2; n < 50; n++ {
		if w := tens[n/10] + units[n%10]; len(w) > 1 {
			out[w] = n
		}
	}
	for _, w := range []string{"xi", "vi", "xl", "xxx"} {
		delete(out, w)
	}
	return out
}()

// numberLexicon is every phrase the spellers write, words joined by
// spaces.
type numberLexicon struct {
	phrases  map[string]numberEntry
	first    map[string]bool // first words of phrases
	maxWords int
}

type numberEntry struct {
	n int
	// unitsFollow: a tens word of a language that writes units after tens
	// ("forty four", "sorok chetyre"), after which "4" may stand for the
	// unit word.
	unitsFollow bool
}

// numberWords builds the lexicon on first use: about 31,000 phrases,
// 4 MB and 20 ms, which most programs that import names never need.
var numberWords = sync.OnceValue(func() numberLexicon {
	lex, _ := buildNumberLexicon()
	return lex
})

// numberSpeller writes every number a language has words for, calling
// add with a number and its phrases (folded words separated by single
// spaces).
type numberSpeller struct {
	spell          func(add func(n int, phrases ...string))
	unitsAfterTens bool
}

var numberSpellers = []numberSpeller{
	{englishNumbers, true}, {frenchNumbers, true}, {germanNumbers, false}, {spanishNumbers, true},
	{portugueseNumbers, true}, {italianNumbers, false}, {dutchNumbers, false},
	{russianNumbers, true}, {ukrainianNumbers, true}, {turkishNumbers, true},
}

// buildNumberLexicon runs the spellers. It also returns the phrases that
// two spellers give different numbers, which the tests require to be
// none.
func buildNumberLexicon() (numberLexicon, []string) {
	lex := numberLexicon{phrases: make(map[string]numberEntry, 32<<10), first: make(map[string]bool, 8<<10)}
	var conflicts []string
	for _, sp := range numberSpellers {
		sp.spell(func(n int, phrases ...string) {
			for _, p := range phrases {
				e, seen := lex.phrases[p]
				if seen && e.n != n {
					conflicts = append(conflicts, p)
					continue
				}
				e.n = n
				words := strings.Count(p, " ") + 1
				if sp.unitsAfterTens && words == 1 && n >= 20 && n < 100 && n%10 == 0 {
					e.unitsFollow = true
				}
				lex.phrases[p] = e
				first, _, _ := strings.Cut(p, " ")
				lex.first[first] = true
				lex.maxWords = max(lex.maxWords, words)
			}
		})
	}
	return lex, conflicts
}

// join makes every phrase of the form a + sep + b.
func join(as []string, sep string, bs []string) []string {
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+sep+b)
		}
	}
	return out
}

// lastWord replaces the last word of each phrase by f's forms of it.
func lastWord(phrases []string, f func(string) []string) []string {
	var out []string
	for _, p := range phrases {
		head, last := "", p
		if i := strings.LastIndexByte(p, ' '); i >= 0 {
			head, last = p[:i+1], p[i+1:]
		}
		for _, o := range f(last) {
			out = append(out, head+o)
		}
	}
	return out
}

// below100 spells 0–99 for a language that puts units after tens, with
// or without a connector: units[n] for n < 20 (each entry may list
// variants separated by "|"), and tens joined to units by each of seps.
func below100(n int, under20, tens []string, seps ...string) []string {
	if n < 20 {
		return strings.Split(under20[n], "|")
	}
	t := strings.Split(tens[n/10], "|")
	if n%10 == 0 {
		return t
	}
	var out []string
	for _, sep := range seps {
		out = append(out, join(t, sep, strings.Split(under20[n%10], "|"))...)
	}
	return out
}

func englishNumbers(add func(int, ...string)) {
	under20 := strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
	tens := []string{"", "", "twenty", "thirty", "forty|fourty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	ord20 := strings.Fields("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth")
	ordTens := map[string]string{"twenty": "twentieth", "thirty": "thirtieth", "forty": "fortieth", "fourty": "fourtieth", "fifty": "fiftieth", "sixty": "sixtieth", "seventy": "seventieth", "eighty": "eightieth", "ninety": "ninetieth", "hundred": "hundredth"}
	card := func(n int) []string {
		if n < 100 {
			return below100(n, under20, tens, " ")
		}
		h := []string{under20[n/100] + " hundred"}
		if n/100 == 1 {
			h = append(h, "hundred")
		}
		if n%100 == 0 {
			return h
		}
		return append(join(h, " ", below100(n%100, under20, tens, " ")), join(h, " and ", below100(n%100, under20, tens, " "))...)
	}
	for n := 0; n < 1000; n++ {
		add(n, card(n)...)
	}
	add(1000, "thousand", "one thousand")
	for k := 2; k < 10; k++ {
		add(k*1000, under20[k]+" thousand")
	}
	for n := 1; n <= 100; n++ {
		add(n, lastWord(card(n), func(w string) []string {
			for i, c := range under20 {
				if c == w {
					return []string{ord20[i]}
				}
			}
			return []string{ordTens[w]}
		})...)
	}
}

func frenchNumbers(add func(int, ...string)) {
	under20 := strings.Split("zero,un|une,deux,trois,quatre,cinq,six,sept,huit,neuf,dix,onze,douze,treize,quatorze,quinze,seize,dix sept,dix huit,dix neuf", ",")
	tens := []string{"", "", "vingt", "trente", "quarante", "cinquante", "soixante", "septante", "huitante|octante", "nonante"}
	var card func(n int) []string
	card = func(n int) []string {
		t, u := n/10, n%10
		switch {
		case n >= 100:
			h := []string{"cent"}
			if n >= 200 {
				h = []string{under20[n/100] + " cent", under20[n/100] + " cents"}
			}
			if n%100 == 0 {
				return h
			}
			return join(h, " ", card(n%100))
		case n < 20 || u > 1:
			// Belgian and Swiss septante, huitante and nonante as well as
			// soixante-dix and quatre-vingts below.
			out := below100(n, under20, tens, " ")
			switch t {
			case 7:
				out = append(out, join([]string{"soixante"}, " ", card(10+u))...)
			case 8:
				out = append(out, join([]string{"quatre vingt"}, " ", card(u))...)
			case 9:
				out = append(out, join([]string{"quatre vingt"}, " ", card(10+u))...)
			}
			return out
		case u == 0 && t == 8:
			return append(strings.Split(tens[8], "|"), "quatre vingts", "quatre vingt")
		case u == 0:
			out := strings.Split(tens[t], "|")
			switch t {
			case 7:
				out = append(out, "soixante dix")
			case 9:
				out = append(out, "quatre vingt dix")
			}
			return out
		default: // 21, 31, ... 71, 81, 91: "et un", and "vingt un" as written
			out := join(strings.Split(tens[t], "|"), " et ", []string{"un", "une"})
			out = append(out, join(strings.Split(tens[t], "|"), " ", []string{"un", "une"})...)
			switch t {
			case 7:
				out = append(out, "soixante et onze", "soixante onze")
			case 8:
				out = append(out, "quatre vingt un", "quatre vingt une")
			case 9:
				out = append(out, "quatre vingt onze")
			}
			return out
		}
	}
	for n := 0; n < 1000; n++ {
		add(n, card(n)...)
	}
	add(1000, "mille")
	for k := 2; k < 10; k++ {
		add(k*1000, under20[k]+" mille")
	}
	add(1, "premier", "premiere")
	add(2, "second", "seconde")
	for n := 2; n <= 100; n++ {
		add(n, lastWord(card(n), func(w string) []string {
			switch w {
			case "un", "une":
				return []string{"unieme"}
			case "cinq":
				return []string{"cinquieme"}
			case "neuf":
				return []string{"neuvieme"}
			case "vingts", "cents":
				w = w[:len(w)-1]
			}
			return []string{strings.TrimSuffix(w, "e") + "ieme"}
		})...)
	}
}

func germanNumbers(add func(int, ...string)) {
	under20 := strings.Fields("null eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn vierzehn funfzehn sechzehn siebzehn achtzehn neunzehn")
	tens := strings.Fields("_ _ zwanzig dreissig vierzig funfzig sechzig siebzig achtzig neunzig")
	// In compounds one is "ein": einundzwanzig, einhundert.
	unit := func(u int) string {
		if u == 1 {
			return "ein"
		}
		return under20[u]
	}
	card := func(n int) []string {
		var out []string
		r := n % 100
		switch {
		case r < 20:
			out = []string{under20[r]}
		case r%10 == 0:
			out = []string{tens[r/10]}
		default:
			out = []string{unit(r%10) + "und" + tens[r/10]}
			if n < 100 {
				out = append(out, unit(r%10)+" und "+tens[r/10])
			}
		}
		if n < 100 {
			return out
		}
		h := []string{unit(n/100) + "hundert"}
		if n/100 == 1 {
			h = append(h, "hundert")
		}
		if r == 0 {
			return h
		}
		return join(h, "", out)
	}
	// ordinal writes -te below 20 and -ste from 20, with the endings of
	// the adjective: dritte, dritter, dritten, drittes, drittem.
	ordinal := func(n int, c string) []string {
		stem := c + "ste"
		if n%100 < 20 && n%100 > 0 {
			stem = c + "te"
			switch {
			case strings.HasSuffix(c, "eins"):
				stem = strings.TrimSuffix(c, "eins") + "erste"
			case strings.HasSuffix(c, "drei"):
				stem = strings.TrimSuffix(c, "drei") + "dritte"
			case strings.HasSuffix(c, "sieben"):
				stem = strings.TrimSuffix(c, "sieben") + "siebte"
			case strings.HasSuffix(c, "acht"):
				stem = c + "e"
			}
		}
		var out []string
		for _, e := range []string{"", "r", "n", "s", "m"} {
			out = append(out, stem+e)
		}
		if n == 7 {
			out = append(out, "siebente", "siebenter", "siebenten", "siebentes", "siebentem")
		}
		return out
	}
	umlaut := strings.NewReplacer("funf", "fuenf", "zwolf", "zwoelf")
	umlauts := func(ps []string) []string {
		out := ps
		for _, p := range ps {
			if q := umlaut.Replace(p); q != p {
				out = append(out, q)
			}
		}
		return out
	}
	for n := 0; n < 1000; n++ {
		add(n, umlauts(card(n))...)
		if n > 0 && n <= 100 {
			for _, c := range card(n) {
				if !strings.Contains(c, " ") {
					add(n, umlauts(ordinal(n, c))...)
				}
			}
		}
	}
	add(1000, "tausend", "eintausend")
	for k := 2; k < 10; k++ {
		add(k*1000, umlauts([]string{under20[k] + "tausend"})...)
	}
}

func spanishNumbers(add func(int, ...string)) {
	under30 := strings.Split("cero,uno|un|una,dos,tres,cuatro,cinco,seis,siete,ocho,nueve,diez,once,doce,trece,catorce,quince,"+
		"dieciseis|diez y seis,diecisiete|diez y siete,dieciocho|diez y ocho,diecinueve|diez y nueve,veinte,"+
		"veintiuno|veintiun|veintiuna,veintidos,veintitres,veinticuatro,veinticinco,veintiseis,veintisiete,veintiocho,veintinueve", ",")
	tens := []string{"", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"}
	hundreds := []string{"", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos"}
	below := func(n int) []string {
		if n < 30 {
			return strings.Split(under30[n], "|")
		}
		return below100(n, under30, tens, " y ")
	}
	for n := 0; n < 1000; n++ {
		switch {
		case n < 100:
			add(n, below(n)...)
		case n == 100:
			add(n, "cien")
		default:
			h := []string{hundreds[n/100]}
			if n >= 200 {
				h = append(h, strings.TrimSuffix(hundreds[n/100], "os")+"as")
			}
			if n%100 == 0 {
				add(n, h...)
			} else {
				add(n, join(h, " ", below(n%100))...)
			}
		}
	}
	add(1000, "mil")
	for k := 2; k < 10; k++ {
		add(k*1000, under30[k]+" mil")
	}
	units := strings.Split(",primero|primer,segundo,tercero|tercer,cuarto,quinto,sexto,septimo|setimo,octavo,noveno|nono", ",")
	ordTens := []string{"", "decimo", "vigesimo", "trigesimo", "cuadragesimo", "quincuagesimo", "sexagesimo", "septuagesimo", "octogesimo", "nonagesimo"}
	add(11, "undecimo", "undecima")
	add(12, "duodecimo", "duodecima")
	add(100, "centesimo", "centesima")
	spellRomanceOrdinals(add, units, ordTens)
}

// spellRomanceOrdinals writes the Spanish and Portuguese ordinals 1–99:
// the tens ordinal and the unit ordinal, as two words or one
// (vigésimo primero, vigesimoprimero), masculine and feminine.
func spellRomanceOrdinals(add func(int, ...string), units, tens []string) {
	fem := func(ps []string) []string {
		out := ps
		for _, p := range ps {
			if q := strings.ReplaceAll(p+" ", "o ", "a "); q != p+" " {
				out = append(out, strings.TrimSuffix(q, " "))
			}
		}
		return out
	}
	for n := 1; n < 100; n++ {
		var out []string
		u := strings.Split(units[n%10], "|")
		t := strings.Split(tens[n/10], "|")
		switch {
		case n < 10:
			out = u
		case n%10 == 0:
			out = t
		default:
			out = append(join(t, " ", u), join(t, "", u)...)
		}
		add(n, fem(out)...)
	}
}

func portugueseNumbers(add func(int, ...string)) {
	under20 := strings.Split("zero,um|uma,dois|duas,tres,quatro,cinco,seis,sete,oito,nove,dez,onze,doze,treze,catorze|quatorze,quinze,"+
		"dezesseis|dezasseis,dezessete|dezassete,dezoito,dezenove|dezanove", ",")
	tens := []string{"", "", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa"}
	hundreds := []string{"", "cento", "duzentos", "trezentos", "quatrocentos", "quinhentos", "seiscentos", "setecentos", "oitocentos", "novecentos"}
	for n := 0; n < 1000; n++ {
		switch {
		case n < 100:
			add(n, below100(n, under20, tens, " e ")...)
		case n == 100:
			add(n, "cem")
		default:
			h := []string{hundreds[n/100]}
			if n >= 200 {
				h = append(h, strings.TrimSuffix(hundreds[n/100], "os")+"as")
			}
			if n%100 == 0 {
				add(n, h...)
			} else {
				add(n, join(h, " e ", below100(n%100, under20, tens, " e "))...)
			}
		}
	}
	add(1000, "mil")
	for k := 2; k < 10; k++ {
		add(k*1000, join(strings.Split(under20[k], "|"), " ", []string{"mil"})...)
	}
	units := strings.Split(",primeiro,segundo,terceiro,quarto,quinto,sexto,setimo|septimo,oitavo,nono", ",")
	ordTens := []string{"", "decimo", "vigesimo", "trigesimo", "quadragesimo", "quinquagesimo", "sexagesimo", "septuagesimo|setuagesimo", "octogesimo", "nonagesimo"}
	add(100, "centesimo", "centesima")
	spellRomanceOrdinals(add, units, ordTens)
}

func italianNumbers(add func(int, ...string)) {
	under20 := strings.Fields("zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove")
	tens := strings.Fields("_ _ venti trenta quaranta cinquanta sessanta settanta ottanta novanta")
	// Tens drop their vowel before uno and otto: ventuno, trentotto.
	below := func(n int) []string {
		switch {
		case n < 20:
			return []string{under20[n]}
		case n%10 == 0:
			return []string{tens[n/10]}
		case n%10 == 1 || n%10 == 8:
			return []string{tens[n/10][:len(tens[n/10])-1] + under20[n%10]}
		}
		return []string{tens[n/10] + under20[n%10]}
	}
	card := func(n int) []string {
		if n < 100 {
			return below(n)
		}
		h := "cento"
		if n >= 200 {
			h = under20[n/100] + "cento"
		}
		switch r := n % 100; {
		case r == 0:
			return []string{h}
		case r == 8 || r >= 80 && r < 90:
			// centootto and centotto, centottanta and centoottanta
			return []string{h + below(r)[0], h[:len(h)-1] + below(r)[0]}
		default:
			return []string{h + below(r)[0]}
		}
	}
	for n := 0; n < 1000; n++ {
		add(n, card(n)...)
	}
	add(1000, "mille")
	for k := 2; k < 10; k++ {
		add(k*1000, under20[k]+"mila")
	}
	first := strings.Fields("_ primo secondo terzo quarto quinto sesto settimo ottavo nono decimo")
	for n := 1; n <= 100; n++ {
		var ms []string
		if n <= 10 {
			ms = []string{first[n]}
		} else {
			for _, c := range card(n) {
				switch {
				case strings.HasSuffix(c, "tre"), strings.HasSuffix(c, "sei"):
					ms = append(ms, c+"esimo") // ventitreesimo, ventiseiesimo
				default:
					ms = append(ms, c[:len(c)-1]+"esimo")
				}
			}
		}
		for _, m := range ms {
			add(n, m, m[:len(m)-1]+"a")
		}
	}
}

func dutchNumbers(add func(int, ...string)) {
	under20 := strings.Fields("nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien")
	tens := strings.Fields("_ _ twintig dertig veertig vijftig zestig zeventig tachtig negentig")
	// eenentwintig, tweeëntwintig (folded tweeentwintig), vierenveertig.
	card := func(n int) []string {
		var r string
		switch m := n % 100; {
		case m < 20:
			r = under20[m]
		case m%10 == 0:
			r = tens[m/10]
		default:
			r = under20[m%10] + "en" + tens[m/10]
		}
		if n < 100 {
			return []string{r}
		}
		h := []string{under20[n/100] + "honderd"}
		if n/100 == 1 {
			h = append(h, "honderd")
		}
		if n%100 == 0 {
			return h
		}
		return join(h, "", []string{r})
	}
	for n := 0; n < 1000; n++ {
		add(n, card(n)...)
	}
	add(1000, "duizend", "eenduizend")
	for k := 2; k < 10; k++ {
		add(k*1000, under20[k]+"duizend")
	}
	first := strings.Fields("_ eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde")
	for n := 1; n <= 100; n++ {
		switch {
		case n < len(first):
			add(n, first[n])
		case n < 20:
			add(n, under20[n]+"de")
		default:
			add(n, lastWord(card(n), func(w string) []string { return []string{w + "ste"} })...)
		}
	}
}

// slavicNumerals are a Russian or Ukrainian speller's words, in Cyrillic.
type slavicNumerals struct {
	under20, tens, hundreds []string  // "|" separates variants
	thousand                [3]string // after 1, after 2–4, after 5–9
	ordinals                map[int]string
	// endings of ordinals in -ый / -ий (hard stems) and -ой (stressed
	// stems), the m., f. and n. nominative, m. and f. genitive, plural.
	hardEndings, stressedEndings []string
	// soft is the paradigm of 3rd, the one soft-stemmed ordinal.
	soft []string
}

var russianNumerals = slavicNumerals{
	under20: strings.Split("ноль|нуль,один|одна|одно,два|две,три,четыре,пять,шесть,семь,восемь,девять,десять,одиннадцать,"+
		"двенадцать,тринадцать,четырнадцать,пятнадцать,шестнадцать,семнадцать,восемнадцать,девятнадцать", ","),
	tens:     strings.Split(",,двадцать,тридцать,сорок,пятьдесят,шестьдесят,семьдесят,восемьдесят,девяносто", ","),
	hundreds: strings.Split(",сто,двести,триста,четыреста,пятьсот,шестьсот,семьсот,восемьсот,девятьсот", ","),
	thousand: [3]string{"тысяча", "тысячи", "тысяч"},
	ordinals: map[int]string{1: "первый", 2: "второй", 3: "третий", 4: "четвёртый", 5: "пятый", 6: "шестой", 7: "седьмой",
		8: "восьмой", 9: "девятый", 10: "десятый", 11: "одиннадцатый", 12: "двенадцатый", 13: "тринадцатый",
		14: "четырнадцатый", 15: "пятнадцатый", 16: "шестнадцатый", 17: "семнадцатый", 18: "восемнадцатый",
		19: "девятнадцатый", 20: "двадцатый", 30: "тридцатый", 40: "сороковой", 50: "пятидесятый", 60: "шестидесятый",
		70: "семидесятый", 80: "восьмидесятый", 90: "девяностый", 100: "сотый"},
	hardEndings:     []string{"ый", "ая", "ое", "ого", "ой", "ые"},
	stressedEndings: []string{"ой", "ая", "ое", "ого", "ые"},
	soft:            []string{"третий", "третья", "третье", "третьего", "третьей", "третьи"},
}

var ukrainianNumerals = slavicNumerals{
	under20: strings.Split("нуль,один|одна|одне,два|дві,три,чотири,п'ять,шість,сім,вісім,дев'ять,десять,одинадцять,"+
		"дванадцять,тринадцять,чотирнадцять,п'ятнадцять,шістнадцять,сімнадцять,вісімнадцять,дев'ятнадцять", ","),
	tens:     strings.Split(",,двадцять,тридцять,сорок,п'ятдесят,шістдесят,сімдесят,вісімдесят,дев'яносто", ","),
	hundreds: strings.Split(",сто,двісті,триста,чотириста,п'ятсот,шістсот,сімсот,вісімсот,дев'ятсот", ","),
	thousand: [3]string{"тисяча", "тисячі", "тисяч"},
	ordinals: map[int]string{1: "перший", 2: "другий", 3: "третій", 4: "четвертий", 5: "п'ятий", 6: "шостий", 7: "сьомий",
		8: "восьмий", 9: "дев'ятий", 10: "десятий", 11: "одинадцятий", 12: "дванадцятий", 13: "тринадцятий",
		14: "чотирнадцятий", 15: "п'ятнадцятий", 16: "шістнадцятий", 17: "сімнадцятий", 18: "вісімнадцятий",
		19: "дев'ятнадцятий", 20: "двадцятий", 30: "тридцятий", 40: "сороковий", 50: "п'ятдесятий", 60: "шістдесятий",
		70: "сімдесятий", 80: "вісімдесятий", 90: "дев'яностий", 100: "сотий"},
	hardEndings: []string{"ий", "а", "е", "ого", "ої", "і"},
	soft:        []string{"третій", "третя", "третє", "третього", "третьої", "треті"},
}

func russianNumbers(add func(int, ...string))   { spellSlavic(add, russianNumerals) }
func ukrainianNumbers(add func(int, ...string)) { spellSlavic(add, ukrainianNumerals) }

func spellSlavic(add func(int, ...string), w slavicNumerals) {
	roman := cyrillicRomanizer{}
	addCyr := func(n int, phrases ...string) {
		for _, p := range phrases {
			add(n, roman.phrase(p)...)
		}
	}
	card := func(n int) []string {
		r := below100(n%100, w.under20, w.tens, " ")
		if n < 100 {
			return r
		}
		if n%100 == 0 {
			return []string{w.hundreds[n/100]}
		}
		return join([]string{w.hundreds[n/100]}, " ", r)
	}
	for n := 0; n < 1000; n++ {
		addCyr(n, card(n)...)
	}
	for k := 1; k < 10; k++ {
		th := w.thousand[2]
		switch {
		case k == 1:
			addCyr(1000, w.thousand[0])
			th = w.thousand[0]
		case k < 5:
			th = w.thousand[1]
		}
		addCyr(k*1000, join(strings.Split(w.under20[k], "|"), " ", []string{th})...)
	}
	paradigm := func(m string) []string {
		stem, endings := m[:len(m)-len("ий")], w.hardEndings
		switch {
		case m == w.soft[0]:
			return w.soft
		case strings.HasSuffix(m, "ой"):
			endings = w.stressedEndings
		}
		var out []string
		for _, e := range endings {
			out = append(out, stem+e)
		}
		return out
	}
	for n := 1; n <= 100; n++ {
		if m, ok := w.ordinals[n]; ok {
			addCyr(n, paradigm(m)...)
			continue
		}
		addCyr(n, join(strings.Split(w.tens[n/10], "|"), " ", paradigm(w.ordinals[n%10]))...)
	}
}

// cyrillicSystems are romanisations of Cyrillic that names arrive in
// besides veto's own (translitCyrillic): BGN/PCGN writes й as y ("pervyy",
// "vtoroy", "tretiy"); ICAO 9303 passports, ALA-LC and Ukraine's 2010
// national system write я, ю, є, ї as ia, iu, ie, i and е as e ("piat",
// "tretia", "pervaia"); ISO 9, GOST and German, Czech and Polish readers
// write й, я, ю as j, ja, ju ("pervyj", "pjat"). Source: Wikipedia:
// Romanization of Russian; Romanization of Ukrainian.
var cyrillicSystems = []map[rune]string{
	{'й': "y"},
	{'я': "ia", 'ю': "iu", 'є': "ie", 'ї': "i", 'й': "i", 'е': "e"},
	{'й': "j", 'я': "ja", 'ю': "ju", 'є': "je", 'ї': "ji", 'е': "e"},
}

// cyrillicRomanizer spells Cyrillic phrases in veto's romanisation, for a
// name read as Russian and as Ukrainian (a Ukrainian phrase in a name
// without і, ї, є or ґ is read as Russian), and in cyrillicSystems; each
// phrase in one system throughout. It remembers the words it has spelled,
// as a speller writes each of them in many phrases.
type cyrillicRomanizer map[string][]string

func (c cyrillicRomanizer) phrase(phrase string) []string {
	words := strings.Fields(phrase)
	forms := make([][]string, len(words))
	for i, w := range words {
		forms[i] = c.word(w)
	}
	out := make([]string, 0, len(forms[0]))
	for v := range forms[0] {
		var b strings.Builder
		for i := range forms {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(forms[i][v])
		}
		if p := b.String(); !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// word returns the romanisations of w, in the same order for every word.
func (c cyrillicRomanizer) word(w string) []string {
	if f, ok := c[w]; ok {
		return f
	}
	var out []string
	for _, uk := range []bool{false, true} {
		var b strings.Builder
		translitCyrillic(w, uk, &b)
		out = append(out, keepAlnum(b.String()))
		for _, sys := range cyrillicSystems {
			b.Reset()
			prev := rune(0)
			for _, r := range w {
				if o, ok := sys[r]; ok {
					b.WriteString(o)
				} else if r == 'е' && !uk && prev != 0 && !strings.ContainsRune(cyrillicVowels, prev) {
					b.WriteString("e")
				} else {
					translitCyrillic(string(r), uk, &b)
				}
				prev = r
			}
			out = append(out, keepAlnum(b.String()))
		}
	}
	c[w] = out
	return out
}

func turkishNumbers(add func(int, ...string)) {
	units := strings.Fields("sifir bir iki uc dort bes alti yedi sekiz dokuz")
	tens := strings.Fields("_ on yirmi otuz kirk elli altmis yetmis seksen doksan")
	// Ordinals add -(i)nci with vowel harmony; ı and ü fold to i and u.
	ordinal := map[string]string{
		"bir": "birinci", "iki": "ikinci", "uc": "ucuncu", "dort": "dorduncu", "bes": "besinci", "alti": "altinci",
		"yedi": "yedinci", "sekiz": "sekizinci", "dokuz": "dokuzuncu", "on": "onuncu", "yirmi": "yirminci",
		"otuz": "otuzuncu", "kirk": "kirkinci", "elli": "ellinci", "altmis": "altmisinci", "yetmis": "yetmisinci",
		"seksen": "sekseninci", "doksan": "doksaninci", "yuz": "yuzuncu",
	}
	// Words are written apart or, as on cheques, together: kırk dört,
	// kırkdört, yüz kırk dört.
	words := func(n int) []string {
		var ws []string
		switch h := n / 100; {
		case h == 1:
			ws = append(ws, "yuz")
		case h > 1:
			ws = append(ws, units[h], "yuz")
		}
		if t := n % 100 / 10; t > 0 {
			ws = append(ws, tens[t])
		}
		if u := n % 10; u > 0 || n == 0 {
			ws = append(ws, units[u])
		}
		return ws
	}
	for n := 0; n < 1000; n++ {
		ws := words(n)
		add(n, strings.Join(ws, " "), strings.Join(ws, ""))
		if n > 0 && n <= 100 {
			last := len(ws) - 1
			ord := strings.Join(ws[:last], " ")
			sep := " "
			if last == 0 {
				sep = ""
			}
			add(n, ord+sep+ordinal[ws[last]], strings.Join(ws[:last], "")+ordinal[ws[last]])
		}
	}
	add(1000, "bin")
	for k := 2; k < 10; k++ {
		add(k*1000, units[k]+" bin", units[k]+"bin")
	}
}
