package textscan

import (
	"unicode"
	"unicode/utf8"
)

// gap says what separates a token from the one before it.
type gap uint8

const (
	// gapSpace is white space on the same line: the two tokens may be
	// words of one name.
	gapSpace gap = iota
	// gapJoin is a hyphen or an abbreviation's period (al-Assad, V. Putin,
	// Mr. Lavrov): the tokens belong together.
	gapJoin
	// gapLine is one line break (with white space around it, or after a
	// hyphen or an abbreviation's period): prose wraps its lines, and a
	// payment message its fields, inside names ("President Vladimir
	// Putin", "PUBLIC JOINT STOCK COMPANY SBERBANK / OF RUSSIA"), so a
	// name runs across it.
	gapLine
	// gapBreak is anything a name does not run across: sentence and list
	// punctuation, an empty line, a markup tag, a separator such as "|".
	gapBreak
	// gapComma is a comma on the same line: a break, but after a surname
	// in capitals that begins a name ("LAVROV, Sergei"), as the lists
	// and many payment messages write names.
	gapComma
)

// token is one word of the text, with its byte offsets.
type token struct {
	start, end int
	// hyphen and cont, when cont is not 0, are where a word hyphenated at
	// the end of a line breaks and goes on ("Prigo-\nzhin"): the word is
	// text[start:hyphen] and text[cont:end] (see word).
	hyphen, cont int
	gap          gap
	// upper: the first letter is upper case; lower: the word has a
	// lower-case letter; caseless: its script has no case (Arabic,
	// Hangul, Han); digits: it has a digit; ascii: only ASCII bytes.
	upper, lower, caseless, digits, ascii bool
	// line is the index of the token's line, for casing per line.
	line int
}

// tokenize splits text into words: runs of letters, marks and digits,
// with apostrophes inside a word kept in it (O'Brien, Sa'id). Markup tags
// (<BICFI>, <p class="x">) are skipped and break names, as do line breaks
// and punctuation other than hyphens and the periods of initials and
// short abbreviations.
func tokenize(text []byte, toks []token) []token {
	toks = toks[:0]
	g := gapBreak
	line := 0
	// dash is the offset of a hyphen right after the last word, until
	// anything but white space follows it; wrap says it was followed by
	// a line break (the word may be hyphenated).
	dash, wrap := -1, false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && isASCIIWordByte(c) || c >= utf8.RuneSelf && startsWord(text[i:]) {
			t, next := wordAt(text, i)
			if wrap && hyphenated(text, &toks[len(toks)-1], &t) {
				// "Prigo-\nzhin": one word.
				p := &toks[len(toks)-1]
				p.hyphen, p.cont, p.end = dash, t.start, t.end
				p.lower, p.digits = p.lower || t.lower, p.digits || t.digits
				p.ascii = p.ascii && t.ascii
			} else {
				t.gap, t.line = g, line
				toks = append(toks, t)
			}
			g, dash, wrap = gapSpace, -1, false
			i = next
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t':
			case c == '\r' && i+1 < len(text) && text[i+1] == '\n':
			case c == '\n' || c == '\r':
				switch g {
				case gapSpace, gapJoin:
					g = gapLine
					wrap = dash >= 0
				default:
					g, dash, wrap = gapBreak, -1, false
				}
				line++
			case c == '-':
				if g == gapSpace {
					g = gapJoin
					if len(toks) > 0 && toks[len(toks)-1].end == i {
						dash = i
					}
				} else {
					dash, wrap = -1, false
				}
			case c == '.' && g == gapComma:
				g = gapBreak // ",." is punctuation, not a surname's comma
			case c == '.':
				g = max(g, periodGap(text, toks))
			case c == ',':
				if g == gapSpace {
					g = gapComma
				} else {
					g = gapBreak
				}
			case c == '<':
				dash, wrap = -1, false
				if end := tagEnd(text, i); end > 0 {
					g = gapBreak
					i = end
					continue
				}
				g = gapBreak
			default:
				g, dash, wrap = gapBreak, -1, false
			}
			if c == '.' || c == ',' {
				dash, wrap = -1, false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == '\u00a0' || unicode.IsSpace(r) && r != '\u2028' && r != '\u2029':
		case r == '‐' || r == '‑':
			if g == gapSpace {
				g = gapJoin
				if len(toks) > 0 && toks[len(toks)-1].end == i {
					dash = i
				}
			}
		case r == '–':
			if g == gapSpace {
				g = gapJoin
			}
		default:
			g, dash, wrap = gapBreak, -1, false
		}
		i += size
	}
	return toks
}

// hyphenated reports whether word t, which follows a hyphen at the end of
// the line that ends with word p, is the rest of p ("Prigo-\nzhin",
// "Deri-\npaska", "RODRI-\nGUEZ") rather than the second word of a
// compound ("Abdul-\nRahman", "al-\nAssad"): it starts with a small
// letter, or both are in capitals; and p is no particle ("al-", "bin-").
func hyphenated(text []byte, p, t *token) bool {
	if p.cont != 0 || p.digits || t.digits || p.caseless || t.caseless || isConnector(text[p.start:p.end]) {
		return false
	}
	r, _ := utf8.DecodeRune(text[t.start:t.end])
	return unicode.IsLower(r) || capitals(p) && capitals(t)
}

// word returns the text of a token: for a word hyphenated at the end of a
// line, its two parts joined.
func (t *token) word(text []byte) []byte {
	if t.cont == 0 {
		return text[t.start:t.end]
	}
	w := make([]byte, 0, t.hyphen-t.start+t.end-t.cont)
	return append(append(w, text[t.start:t.hyphen]...), text[t.cont:t.end]...)
}

// startsWord reports whether a word starts with the (non-ASCII) rune at
// the start of b.
func startsWord(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return isWordRune(r)
}

// periodGap is the gap a period makes after the last token: a join
// after an initial or a short abbreviation (V. Putin, Mr. Lavrov), which
// must be on the same line; a break otherwise.
func periodGap(text []byte, toks []token) gap {
	if len(toks) == 0 {
		return gapBreak
	}
	t := toks[len(toks)-1]
	w := t.word(text)
	if t.upper && (utf8.RuneCount(w) == 1 || titleAbbrev[lowerASCII(w)]) {
		return gapJoin
	}
	return gapBreak
}

// titleAbbrev are abbreviations written with a period inside names.
var titleAbbrev = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "gen": true, "col": true, "lt": true, "capt": true, "prof": true, "sen": true}

// wordAt reads the word starting at i and returns it and the offset
// after it.
func wordAt(text []byte, i int) (token, int) {
	t := token{start: i, ascii: true}
	first := true
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				t.lower = true
			case c >= 'A' && c <= 'Z':
				if first {
					t.upper = true
				}
			case c >= '0' && c <= '9':
				t.digits = true
			case c == '\'' && i > t.start && i+1 < len(text) && isASCIILetter(text[i+1]):
				// O'Brien, Sa'id: the apostrophe joins.
			default:
				t.end = i
				return t, i
			}
			first = false
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case isWordRune(r):
			t.ascii = false
			switch {
			case unicode.IsUpper(r):
				if first {
					t.upper = true
				}
			case unicode.IsLower(r):
				t.lower = true
			case unicode.IsDigit(r):
				t.digits = true
			case unicode.IsLetter(r) && first:
				t.caseless = true
			}
		case (r == '’' || r == 'ʼ') && i > t.start && i+size < len(text):
			// An apostrophe inside a word joins, if a letter follows.
			if next, _ := utf8.DecodeRune(text[i+size:]); !unicode.IsLetter(next) {
				t.end = i
				return t, i
			}
			t.ascii = false
		default:
			t.end = i
			return t, i
		}
		first = false
		i += size
	}
	t.end = i
	return t, i
}

// tagEnd returns the offset after a markup tag starting at i ("<Nm>",
// "</BICFI>", "<!-- -->"), or 0 if the '<' does not open one.
func tagEnd(text []byte, i int) int {
	if i+1 >= len(text) {
		return 0
	}
	c := text[i+1]
	if !(isASCIILetter(c) || c == '/' || c == '!' || c == '?') {
		return 0
	}
	for j := i + 1; j < len(text) && j < i+2048; j++ {
		switch text[j] {
		case '>':
			return j + 1
		case '<', '\n':
			return 0
		}
	}
	return 0
}

// tagBefore returns the name of the markup tag that ends right before
// offset i (spaces aside), or "".
func tagBefore(text []byte, i int) string {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == 0 || text[j-1] != '>' {
		return ""
	}
	k := j - 1
	for k > 0 && text[k-1] != '<' && j-k < 64 {
		k--
	}
	if k == 0 || text[k-1] != '<' {
		return ""
	}
	name := text[k : j-1]
	for n, c := range name {
		if c == ' ' || c == '/' {
			name = name[:n]
			break
		}
	}
	return string(name)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isASCIIWordByte(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// lowerASCII returns w in lower case if it is ASCII, else "".
func lowerASCII(w []byte) string {
	var buf [32]byte
	if len(w) > len(buf) {
		return ""
	}
	for i, c := range w {
		if c >= utf8.RuneSelf {
			return ""
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return string(buf[:len(w)])
}
