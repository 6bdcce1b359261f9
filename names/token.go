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
}

// Forms returns the tokens' forms, for tests and explanations.
func (n Name) Forms() []string {
	out := make([]string, len(n.Tokens))
	for i, t := range n.Tokens {
		out[i] = t.Form
	}
	return out
}
