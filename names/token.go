package names

// Kind classifies a token by the part it plays in a name.
type Kind uint8

// Token kinds.
const (
	// Word is an ordinary name word: "lavrov", "bashar", "melli".
	Word Kind = iota
	// Particle is a connecting word: al, el, bin, ibn, abu, de, van, von.
	Particle
	// Title is an honorific or rank: sheikh, haji, mullah, dr, general.
	Title
	// LegalForm is an organisation's legal form, Form holding its
	// canonical class: llc, jsc, ltd, plc, corp, co, gmbh, ag, sa, ...
	LegalForm
	// Number is a token with digits: "1" in "VESSEL 1", "2000".
	Number
	// Initial is a single letter: "v" in "V. Putin".
	Initial
	// Patronymic is a name formed from the father's name, which one
	// record of a person has and another often lacks: "Viktorovich",
	// "Petrovna", "Ivanovych", "Aliyevich", "Hasan oglu".
	Patronymic
)

var kindNames = [...]string{"word", "particle", "title", "legalForm", "number", "initial", "patronymic"}

// Role is the part a word plays in a person's name, as the way the name
// is written tells it: the surname stands before a comma ("LAVROV,
// Sergei") or in capitals ("Sergei LAVROV"), first in Chinese, Korean,
// Vietnamese and Hungarian names, last elsewhere; the first given name
// follows it or leads; what lies between is middle names, patronymics and
// the links of an Arabic nasab chain. A listed part the query leaves out
// costs according to its role: a middle name little, the surname much.
type Role uint8

// Roles.
const (
	// NoRole: a particle, title, legal form or number, a one-word name,
	// or a name whose form says nothing.
	NoRole Role = iota
	// Given is the first given name.
	Given
	// Middle is any other given name: a second forename, a patronymic,
	// the father's and grandfather's names of a nasab chain, a laqab.
	Middle
	// Family is the surname (or a nisba or tribal name where it stands
	// in the surname's place).
	Family
	// Syllable is one syllable of a Chinese, Korean or Vietnamese given
	// name ("Jong" and "Un" in "Kim Jong Un"): together they are one
	// name, and one left out makes another name (Kim Jong Il).
	Syllable
)

var roleNames = [...]string{"", "given", "middle", "family", "syllable"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "unknown"
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Token is one word of a name, normalised.
type Token struct {
	// Form is the word transliterated to lower-case ASCII letters and
	// digits; for a legal form, its canonical class.
	Form string
	// Phon is the phonetic skeleton of Form.
	Phon string
	// Cons is the consonant skeleton of Phon; "" for numbers.
	Cons string
	// Kind is the token's part in the name.
	Kind Kind
	// Abjad reports that the word was written in a script that omits
	// short vowels (Arabic, Persian, Hebrew), so that only its Cons is
	// reliable.
	Abjad bool
	// Trans reports that the word was written in a script other than
	// Latin and Cyrillic, whose spelling of a foreign name loses
	// distinctions Latin makes (Arabic has no p or v, Korean no f or l/r,
	// Chinese and Japanese add vowels): such a word may meet a Latin one
	// on its Loose key.
	Trans bool
	// Vowelled reports a word written in a script other than Latin and
	// Cyrillic that spells a foreign name's vowels as they are said
	// (Greek, Armenian, Georgian, the Indic scripts), unlike the
	// syllabaries and Han, which add vowels (프리드리히 for Friedrich), and
	// the abjads, which drop them: on its loose key it meets only a word
	// with vowels in the same places.
	Vowelled bool
	// Loose is the loose consonant key of Phon (see Loose): consonants
	// grouped by place of articulation, vowels dropped. "fladimir"
	// (فلاديمير) and "vladimir" both give "prtmr".
	Loose string
	// ALoose is the key on which an abjad word meets a Latin one (see
	// AbjadLoose): "fldmr" for فلاديمير and Vladimir.
	ALoose string
	// Stem is Phon without a Baltic nominative ending (Latvian Sergejs,
	// Lavrovs; Lithuanian Putinas), "" when the word has none.
	Stem string
	// For an Abjad word, Alt is the skeleton read with its letters apart
	// (see phonApart), "" when that changes nothing; AltStem is unused.
	// Otherwise Alt and AltStem are Phon and Stem of the word as Central and
	// Eastern European languages, German and Dutch read Latin letters (j
	// as y, ch as kh, c as ts, Polish sz and Hungarian s as sh: see
	// national), for a word written in Latin letters whose reading that
	// changes, or as Hepburn writes a Japanese word written in
	// Kunrei-shiki (see kunrei); "" otherwise. Orechovas is Orekhov(as),
	// Degtjarev Degtyarev, Szkvorcov Skvortsov, Kisida Kishida.
	Alt, AltStem string
	// Slav is the word's East Slavic key (see SlavicKey), on which the
	// Russian, Ukrainian and Belarusian spellings of one name meet;
	// "" for short words and words not written in Latin or Cyrillic.
	Slav string
	// SlavMark reports that the word is spelt as Ukrainian or Belarusian
	// write, or is a patronymic (see SlavicMark): two words meet on Slav
	// only when one of them is, so that Khomeini and Khamenei, one key
	// apart from the vowels, stay two names.
	SlavMark bool
	// Key is the word's East Asian syllable keys (see SyllableKey): two
	// spellings of the same Chinese or Korean syllables, in pinyin,
	// Wade–Giles or another romanisation (Zedong, Tse-tung), share one
	// (SameSyllables); "" for other words.
	Key string
	// Role is the word's part in a person's name.
	Role Role
	// Link is the word's place in an Arabic nasab chain, "A bin B bin
	// C": 1 for A, 2 for B (the father), 3 for C; 0 in a name without
	// bin or ibn and for the surname. "A bin B" is not "B bin A".
	Link uint8
	// Kunya reports that the word follows abu, "father of": in "Abu
	// Hamza al-Masri", Hamza is his son's name, not his.
	Kunya bool
	// Paren reports that the word was written in parentheses: in an
	// organisation's name, a qualifier ("UBS (Schweiz) AG").
	Paren bool
	// Glue is the word as written when Form is its canonical form (the
	// particle "der" is "de", the abbreviation "intl" "international"):
	// words are glued as written ("van der Bilt", "Vanderbilt").
	Glue string
	// Hyphen reports that a hyphen joins the word to the next one
	// ("Jean-Claude", "Tse-tung").
	Hyphen bool
	// Legal is, for a legal form, where a company of that form is
	// registered, as written (LegalPlace): Form holds only its kind.
	Legal LegalPlace
	// Start and End are the byte offsets of the word in the analysed
	// string (for a legal form made of several words, of all of them).
	Start, End int
}

// Name is an analysed name.
type Name struct {
	// Raw is the name as given.
	Raw string
	// Tokens are its tokens in order.
	Tokens []Token
	// SurnameGuessed reports that nothing in the way the name is written
	// says which word is the surname (no comma, no capitals, no order of
	// its own): the last word was taken for it. "Nicolas Maduro Moros"
	// may be a given name and two surnames as well as a middle name and
	// one.
	SurnameGuessed bool
}

// Forms returns the tokens' forms, for tests and explanations.
func (n Name) Forms() []string {
	out := make([]string, len(n.Tokens))
	for i, t := range n.Tokens {
		out[i] = t.Form
	}
	return out
}
