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
	// gapBreak is anything a name does not run across: sentence and list
	// punctuation, a line break, a markup tag, a separator such as "|".
	gapBreak
	// gapComma is a comma on the same line: a break, but after a surname
	// in capitals that begins a name ("LAVROV, Sergei"), as the lists
	// and many payment messages write names.
	gapComma
)

// token is one word of the text, with its byte offsets.
type token struct {
	start, end int
	gap        gap
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
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && isASCIIWordByte(c) || c >= utf8.RuneSelf && startsWord(text[i:]) {
			t, next := wordAt(text, i)
			t.gap, t.line = g, line
			toks = append(toks, t)
			g = gapSpace
			i = next
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t':
			case c == '\n' || c == '\r':
				g = gapBreak
				if c == '\n' {
					line++
				}
			case c == '-':
				if g == gapSpace {
					g = gapJoin
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
				if end := tagEnd(text, i); end > 0 {
					g = gapBreak
					i = end
					continue
				}
				g = gapBreak
			default:
				g = gapBreak
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == '\u00a0' || unicode.IsSpace(r) && r != '\u2028' && r != '\u2029':
		case r == '‐' || r == '‑' || r == '–':
			if g == gapSpace {
				g = gapJoin
			}
		default:
			g = gapBreak
		}
		i += size
	}
	return toks
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
	w := text[t.start:t.end]
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
