package names

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// unmojibake undoes mojibake: text encoded as UTF-8 and then decoded as
// Windows-1252 or Latin-1, as a system that assumes one of those reads a
// UTF-8 export (José arrives as "JosÃ©", Bronisław as "BronisÅ‚aw",
// Сергей as "Ð¡ÐµÑ€Ð³ÐµÐ¹"). Bank files and web forms carry it often,
// and unrepaired it makes a listed name a different word. Each run of
// characters whose Windows-1252 bytes form one valid multi-byte UTF-8
// character is replaced by that character; everything else is kept, so a
// name with real accents (Ñúñez) is left alone. Mojibake of mojibake is
// undone too (at most three rounds).
//
// back maps each byte offset of the result (and its end) to the offset in
// s it came from, so that tokens still point into the text as written.
// ok is false, and s returned as is, when there was nothing to undo.
func unmojibake(s string) (out string, back []int, ok bool) {
	// Every lead byte of a multi-byte UTF-8 character (C2–F4) reads in
	// Windows-1252 as a letter from Â to ô, which UTF-8 writes as C3 xx:
	// without a C3 byte there is nothing to undo.
	if strings.IndexByte(s, 0xC3) < 0 {
		return s, nil, false
	}
	cur := s
	for range 3 {
		next, step, changed := unmojibakeOnce(cur)
		if !changed {
			break
		}
		if back == nil {
			back = step
		} else {
			for i, o := range step {
				step[i] = back[o]
			}
			back = step
		}
		cur = next
	}
	if back == nil {
		return s, nil, false
	}
	return cur, back, true
}

// unmojibakeOnce is one round of unmojibake.
func unmojibakeOnce(s string) (string, []int, bool) {
	var b strings.Builder
	var back []int
	changed := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if n := leadLength(r); n > 1 {
			if c, end, ok := decodeMisread(s, i, n); ok {
				if !changed {
					changed = true
					b.Grow(len(s))
					b.WriteString(s[:i])
					back = make([]int, 0, len(s)+1)
					for k := range i {
						back = append(back, k)
					}
				}
				w := utf8.EncodeRune(make([]byte, utf8.UTFMax), c)
				for range w {
					back = append(back, i)
				}
				b.WriteRune(c)
				i = end
				continue
			}
		}
		if changed {
			b.WriteString(s[i : i+size])
			for k := range size {
				back = append(back, i+k)
			}
		}
		i += size
	}
	if !changed {
		return s, nil, false
	}
	back = append(back, len(s))
	return b.String(), back, true
}

// leadLength returns the length of the UTF-8 character whose lead byte
// the Windows-1252 character r stands for, or 0.
func leadLength(r rune) int {
	switch {
	case r >= 0xC2 && r <= 0xDF:
		return 2
	case r >= 0xE0 && r <= 0xEF:
		return 3
	case r >= 0xF0 && r <= 0xF4:
		return 4
	}
	return 0
}

// decodeMisread reads the n characters of s from i as the Windows-1252
// (or Latin-1) bytes of one UTF-8 character: the character and the
// offset after them.
func decodeMisread(s string, i, n int) (rune, int, bool) {
	var buf [utf8.UTFMax]byte
	j := i
	for k := range n {
		if j >= len(s) {
			return 0, 0, false
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		c, ok := misreadByte(r)
		if !ok || k > 0 && (c < 0x80 || c > 0xBF) {
			return 0, 0, false
		}
		buf[k] = c
		j += size
	}
	c, size := utf8.DecodeRune(buf[:n])
	if c == utf8.RuneError || size != n {
		return 0, 0, false
	}
	return c, j, true
}

// misreadByte returns the byte that a Windows-1252 decoder read as r; the
// C1 controls stand for themselves, as Latin-1 decoders and the five
// bytes Windows-1252 leaves undefined give them.
func misreadByte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	return charmap.Windows1252.EncodeRune(r)
}
