package match

import (
	"strings"

	"github.com/vetoscreen/veto/names"
)

// Method says how two tokens met.
type Method string

// Token match methods, strongest first.
const (
	Exact      Method = "exact"      // same transliterated form
	Phonetic   Method = "phonetic"   // same phonetic skeleton
	Edit1      Method = "edit1"      // one edit apart
	Edit2      Method = "edit2"      // two edits apart
	Consonants Method = "consonants" // same consonant skeleton
	Initial    Method = "initial"    // an initial and a word it begins
	JoinedWord Method = "joined"     // one token against two or three joined
	LegalForm  Method = "legalForm"  // two different legal forms
	Ending     Method = "ending"     // the same word with a Baltic ending
	National   Method = "national"   // the same word read as another language reads its letters
	Romanised  Method = "romanised"  // the same East Asian syllables, another romanisation
	LooseSound Method = "loose"      // another script's spelling of the same consonants
	Slavic     Method = "slavic"     // the Russian, Ukrainian or Belarusian spelling of one word
	Nickname   Method = "nickname"   // a short form and its name
	Acronym    Method = "acronym"    // an acronym and the words it stands for
	NoMatch    Method = ""
)

// TokenSim returns how similar two tokens are, in 0..1, and how they met.
// It is symmetric. Numbers match only numbers, and only when equal.
func (c *Config) TokenSim(a, b *names.Token) (float64, Method) {
	if a.Kind == names.Number || b.Kind == names.Number {
		if a.Form == b.Form {
			return c.SimExact, Exact
		}
		return 0, NoMatch
	}
	if a.Form == b.Form {
		return c.SimExact, Exact
	}
	if a.Kind == names.LegalForm || b.Kind == names.LegalForm {
		if a.Kind == b.Kind && legalFormsCompatible(a.Form, b.Form) {
			return c.SimLegalForm, LegalForm
		}
		return 0, NoMatch
	}
	if a.Kind == names.Initial || b.Kind == names.Initial {
		if a.Kind == b.Kind {
			return 0, NoMatch // different initials
		}
		if a.Form[0] == b.Form[0] || a.Phon[0] == b.Phon[0] {
			return c.SimInitial, Initial
		}
		return 0, NoMatch
	}
	return c.phonSim(a, b)
}

// phonSim compares two words by their skeletons.
func (c *Config) phonSim(a, b *names.Token) (float64, Method) {
	pa, pb, ca, cb, abjad := a.Phon, b.Phon, a.Cons, b.Cons, a.Abjad || b.Abjad
	best, how := 0.0, NoMatch
	if pa == pb {
		return c.SimPhon, Phonetic
	}
	// Edits are counted on the skeletons (so spelling variants cost
	// nothing) and on the forms (so a typo costs one edit even where it
	// changes the skeleton more, as "x" for "f" does).
	for _, pair := range [2][2]string{{pa, pb}, {a.Form, b.Form}} {
		sim, m := c.editSim(pair[0], pair[1])
		if sim > best {
			best, how = sim, m
		}
	}
	if abjad {
		// An abjad word is read with its letters apart as well, a Latin
		// one as its national reading (Alt, see names.Token): دحي meets
		// Dahi, تهران Tehran, בנימין Benjamin read with a j as y.
		xs, xc := [2]string{pa, a.Alt}, [2]string{ca}
		ys, yc := [2]string{pb, b.Alt}, [2]string{cb}
		if xs[1] != "" {
			xc[1] = names.Cons(xs[1])
		}
		if ys[1] != "" {
			yc[1] = names.Cons(ys[1])
		}
		for i, x := range xs {
			for j, y := range ys {
				if x == "" || y == "" {
					continue
				}
				if sim := c.abjadSim(a, b, x, y, xc[i], yc[j]); sim > best {
					best, how = sim, Consonants
				}
			}
		}
		if a.Abjad && b.Abjad && c.SimLoose > best && a.ALoose == b.ALoose && len(a.ALoose) >= 3 && (persianLetters(a.Form) || persianLetters(b.Form)) {
			// A foreign name in Persian letters and in Arabic ones, which
			// have no p, g, v or ch and write b, j or k, f, sh for them:
			// ناپلئون and نابوليون, Napoleon.
			best, how = c.SimLoose, LooseSound
		}
	} else if ca == cb && ca != "" && len(ca) >= c.ConsMinLen && c.SimCons > best {
		// Between two Latin spellings the vowels must at least sit in the
		// same places and may spell the same sounds (Mohammed, Muhammad),
		// or Bashar would meet Bushra, Hassan Hussein.
		if names.SameShape(pa, pb) && names.VowelsAgree(pa, pb) {
			best, how = c.SimCons, Consonants
		}
	}
	if natAlt(a) != "" || natAlt(b) != "" || a.Stem != "" || b.Stem != "" || a.AltStem != "" || b.AltStem != "" {
		if sim, m := c.readingSim(a, b); sim > best {
			best, how = sim, m
		}
	}
	if c.SimKey > best && names.SameSyllables(a.Key, b.Key) {
		best, how = c.SimKey, Romanised
	}
	if c.SimSlavic > best && a.Slav != "" && a.Slav == b.Slav && (a.SlavMark || b.SlavMark) && !a.Trans && !b.Trans && !genderPair(a.Form, b.Form) {
		best, how = c.SimSlavic, Slavic
	}
	if c.SimNickname > best && a.Kind == names.Word && b.Kind == names.Word && names.SameNickname(pa, pb) {
		// (Words only: the Arabic article is no Al for Albert.)
		best, how = c.SimNickname, Nickname
	}
	if sim := c.looseSim(a, b); sim > best {
		best, how = sim, LooseSound
	}
	if best > c.SimCons && slavicGender(a.Form, b.Form) {
		// His surname and hers (Nazarbayev, Nazarbayeva): the same
		// family, not the same person; weak evidence, as a consonant
		// skeleton is, not a spelling.
		best, how = c.SimCons, Consonants
	}
	return best, how
}

// slavicGender reports whether two words are the masculine and feminine
// forms of one Slavic surname: -ov, -ev, -in, -yn and -ova, -eva, -ina,
// -yna; -ski, -sky, -skiy and -ska, -skaya; Czech -ová added to the
// name (Novák, Nováková).
func slavicGender(x, y string) bool {
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) < 4 {
		return false
	}
	if len(y) == len(x)+1 && y[len(x)] == 'a' && y[:len(x)] == x {
		for _, e := range [...]string{"ov", "ev", "in", "yn"} {
			if strings.HasSuffix(x, e) {
				return true
			}
		}
	}
	if len(y) == len(x)+3 && strings.HasSuffix(y, "ova") && y[:len(x)] == x && !isVowel(x[len(x)-1]) {
		return true
	}
	for _, m := range [...]string{"skiy", "skii", "skyi", "sky", "ski"} {
		stem, ok := strings.CutSuffix(x, m)
		if !ok {
			continue
		}
		for _, f := range [...]string{"skaya", "skaia", "skaja", "ska"} {
			if y == stem+f {
				return true
			}
		}
	}
	return false
}

// wawsCover reports whether the abjad word of two (one abjad, one Latin)
// writes as many و (u, w or v in its skeleton) as the Latin word has v
// and w, which WeakCons drops on both sides.
func wawsCover(a, b *names.Token) bool {
	if !a.Abjad {
		a, b = b, a
	}
	if !a.Abjad || b.Abjad {
		return true
	}
	waws, vs := 0, 0
	for i := 0; i < len(a.Phon); i++ {
		switch a.Phon[i] {
		case 'u', 'w', 'v':
			waws++
		}
	}
	for i := 0; i < len(b.Phon); i++ {
		switch b.Phon[i] {
		case 'v', 'w':
			vs++
		}
	}
	return vs <= waws
}

// readingSim compares two words under their other readings: as Central
// and Eastern European languages read Latin letters (Token.Alt: Orechov,
// Orekhov), and without a Baltic ending (Token.Stem: Latvian and
// Lithuanian add one to every man's name, Sergejs Lavrovs, Vladimiras
// Putinas), with the edits a spelling allows on what remains. The same
// word under another reading counts as a phonetic match; an ending
// costs SimStem; edits cost what they cost on the skeletons, an ending's
// edits both (Degtjarevas, Degtyarev: SimStem times SimEdit1 over
// SimPhon).
func (c *Config) readingSim(a, b *names.Token) (float64, Method) {
	best, how := 0.0, NoMatch
	wa, wb := [2]string{a.Phon, natAlt(a)}, [2]string{b.Phon, natAlt(b)}
	for i, x := range wa {
		for j, y := range wb {
			if x == "" || y == "" || i == 0 && j == 0 {
				continue
			}
			sim := c.SimPhon
			switch {
			case x == y:
			case len(x) > 1 && len(y) > 1 && x[1:] == y[1:] && jy(x[0], y[0]):
				// The first letter is j in the reading that keeps it, y
				// in English (Julija, Yuliya).
				sim = c.SimEdit1
			case min(len(x), len(y)) < c.ReadingEditMinLen:
				// Another reading and an edit are two steps from the
				// word: only a long word stays itself after both.
				continue
			default:
				sim, _ = c.editSim(x, y)
			}
			if sim > best {
				best, how = sim, National
			}
		}
	}
	if a.Stem == "" && b.Stem == "" && a.AltStem == "" && b.AltStem == "" {
		return best, how
	}
	// Stems against stems or whole words; at least one side a stem.
	sa, sb := [4]string{a.Phon, natAlt(a), a.Stem, a.AltStem}, [4]string{b.Phon, natAlt(b), b.Stem, b.AltStem}
	for i, x := range sa {
		for j, y := range sb {
			if x == "" || y == "" || i < 2 && j < 2 {
				continue
			}
			sim := c.SimStem
			switch {
			case x == y:
			case len(x) > 1 && len(y) > 1 && x[1:] == y[1:] && jy(x[0], y[0]):
				// The first letter j where English writes y, as in the
				// national readings above (Jurovas, Yurov).
				sim *= c.SimEdit1 / c.SimPhon
			default:
				// An ending and an edit on a short stem make another
				// word (Younous, Yuko).
				if min(len(x), len(y)) < c.ReadingEditMinLen {
					continue
				}
				e, _ := c.editSim(x, y)
				sim *= e / c.SimPhon
			}
			if sim > best {
				best, how = sim, Ending
			}
		}
	}
	return best, how
}

// looseSim compares a word written in another script with a Latin one on
// their loose consonants (see names.Loose): Korean writes Vladimir Putin
// "pulladimiru putin", Chinese Barack "beilake". An abjad word meets on
// its own key (names.AbjadLoose: Arabic has no p or v, but keeps l and r),
// and its long vowels must still be vowels in the Latin word, as for its
// consonant skeleton.
func (c *Config) looseSim(a, b *names.Token) float64 {
	if a.Trans == b.Trans {
		return 0
	}
	key := len(a.Loose)
	if a.Abjad || b.Abjad {
		if a.ALoose != b.ALoose || a.Abjad && !names.AbjadCompatible(a.Phon, b.Phon) || b.Abjad && !names.AbjadCompatible(b.Phon, a.Phon) {
			return 0
		}
		key = len(a.ALoose)
	} else if a.Vowelled || b.Vowelled {
		if a.Loose != b.Loose || !names.SameVowelPlaces(a.Phon, b.Phon) {
			return 0
		}
	} else if a.Loose != b.Loose {
		if droppedOne(a, b) || droppedOne(b, a) {
			return c.SimLooseShort
		}
		return 0
	}
	switch {
	case key < 2:
		return 0
	case key < 3:
		return c.SimLooseShort
	}
	return c.SimLoose
}

// droppedOne reports whether a syllabary's spelling of a foreign name
// left out one consonant of its Latin spelling, three or more kept:
// Chinese drops a closing l (Donald, 唐纳德 "tangnade"), Japanese the v
// of a cluster (Vladimir, ウラジーミル "urajimiru"). A syllabary writes
// every consonant as a syllable or drops it; it never adds one.
func droppedOne(trans, lat *names.Token) bool {
	return trans.Trans && !lat.Trans && len(trans.Loose) >= 3 && names.DroppedOne(lat.Loose, trans.Loose)
}

// editSim scores two strings one or two edits apart, within the limits
// their length allows. A short word with another first consonant is
// another name (Peng, Zheng), not a typo or a spelling.
func (c *Config) editSim(x, y string) (float64, Method) {
	short := min(len(x), len(y))
	limit := 0
	switch {
	case short >= c.Edit2MinLen:
		limit = 2
	case short >= c.Edit1MinLen:
		limit = 1
	}
	if limit == 0 || x[0] != y[0] && short < 6 && !(isVowel(x[0]) && isVowel(y[0])) && !jy(x[0], y[0]) || genderPair(x, y) {
		return 0, NoMatch
	}
	switch EditDistance(x, y, limit) {
	case 1:
		if short < 6 {
			// One letter of five is more of a name than one of ten.
			return c.SimEdit1Short, Edit1
		}
		return c.SimEdit1, Edit1
	case 2:
		// Two edits and another first letter make another name
		// (Gorbachev, Porkhachev; Protsenko, Gritsenko).
		if limit == 2 && x[0] == y[0] && min(len(x), len(y))-sharedEnding(x, y) >= editStemMinLen {
			return c.SimEdit2, Edit2
		}
	}
	return 0, NoMatch
}

// surnameEndings are the commonest endings of surnames, as phonetic
// skeletons spell them: Ukrainian -enko, Slavic -ovich, -evich, -ski,
// Georgian -shvili, -idze, Romanian -esku, Nordic -son,
// Turkish -oglu, Persian -zadeh. Many names share one, so it says
// nothing of which name it is (Panchenko, Palnychenko). Not Armenian
// -ian: Western and Eastern Armenian spell one stem two ways (Sarkissian,
// Sargsyan).
var surnameEndings = [...]string{"chenko", "enko", "ovich", "evich", "ovski", "evski", "inski", "ski",
	"shvili", "idze", "adze", "esku", "son", "sen", "oglu", "zadeh"}

// editStemMinLen is the least number of letters before a surname ending
// the two words share in which two edits may fall: two edits in a short
// stem are another name (Panchenko, Palnychenko; Ivanenko, Ivanchenko).
const editStemMinLen = 6

// sharedEnding returns the length of the longest of surnameEndings that
// both words end in, or 0.
func sharedEnding(x, y string) int {
	for _, e := range surnameEndings {
		if strings.HasSuffix(x, e) && strings.HasSuffix(y, e) {
			return len(e)
		}
	}
	return 0
}

// persianLetters reports whether the form of an abjad word has a letter
// that Persian, Urdu or Kurdish write and Arabic does not (پ p, گ g, ڤ v,
// چ ch): an Arabic غ is "gh".
func persianLetters(form string) bool {
	for i := 0; i < len(form); i++ {
		switch form[i] {
		case 'p', 'v':
			return true
		case 'g':
			if i+1 == len(form) || form[i+1] != 'h' {
				return true
			}
		case 'c':
			if i+1 < len(form) && form[i+1] == 'h' {
				return true
			}
		}
	}
	return false
}

// jy reports whether two first letters are j and i: German, Polish,
// Dutch, Baltic and Hungarian write the y of English spellings as j
// (Julia, Yulia; Jurij, Yuriy), which a skeleton reads as i.
func jy(a, b byte) bool { return a == 'j' && b == 'i' || a == 'i' && b == 'j' }

// genderPair reports whether two words differ only in a final a against
// o or i: the feminine and masculine of one Romance name (Julia, Julio;
// Maria, Mario; Giovanna, Giovanni) are two people's names.
func genderPair(x, y string) bool {
	n := len(x)
	if n < 4 || len(y) != n || x[:n-1] != y[:n-1] {
		return false
	}
	a, b := x[n-1], y[n-1]
	if a > b {
		a, b = b, a
	}
	// Slavic -ko and -ka are one surname's Russian and Belarusian forms
	// (Lukashenko, Lukashenka).
	return a == 'a' && (b == 'o' || b == 'i') && x[n-2] != 'k'
}

// EditDistance is names.EditDistance, for match's callers.
func EditDistance(a, b string, limit int) int { return names.EditDistance(a, b, limit) }

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// natAlt is a Latin word's national reading, "" for an abjad word (whose
// Alt is its letters apart).
func natAlt(t *names.Token) string {
	if t.Abjad {
		return ""
	}
	return t.Alt
}

// abjadSim compares two skeletons, pa of a and pb of b (consonants ca and
// cb), at least one of the words written in an abjad, on their consonants.
func (c *Config) abjadSim(a, b *names.Token, pa, pb, ca, cb string) float64 {
	best := 0.0
	if ca != cb {
		// و may be written for a Latin v or w, or for a vowel: compare
		// without it, and let it count as a vowel.
		// A Latin v dropped must be a و the abjad wrote, not nothing:
		// غزالي is not Kuzovlev.
		if wa, wb := names.WeakCons(pa), names.WeakCons(pb); wa == wb && len(wa) >= c.ConsMinLenAbjad && wawsCover(a, b) {
			ua, ub := names.WeakPhon(pa), names.WeakPhon(pb)
			if a.Abjad && !b.Abjad && names.AbjadCompatible(ua, ub) || b.Abjad && !a.Abjad && names.AbjadCompatible(ub, ua) {
				best = c.SimConsAbjad
				if len(wa) < 3 {
					best = c.SimCons
				}
			}
		}
		return best
	}
	if ca == "" || len(ca) < c.ConsMinLenAbjad {
		return 0
	}
	sim := c.SimConsAbjad
	if len(ca) < 3 {
		// Two consonants are thin evidence even for an abjad.
		sim = c.SimCons
	}
	// An abjad spelling's long vowels must be vowels in the Latin one.
	if a.Abjad && b.Abjad || a.Abjad && names.AbjadCompatible(pa, pb) || b.Abjad && names.AbjadCompatible(pb, pa) {
		return sim
	}
	return 0
}
