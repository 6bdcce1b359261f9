package chain

import "encoding/json"

// Canonical returns data in canonical form, as Compact does, but returns
// data itself, without encoding it again, when it is canonical already:
// what an entry made by Entry always is. Checking costs a fifth of what
// encoding/json's compaction does (it runs its scanner on every byte and
// copies them), and the store canonicalises every entry it appends, a
// screening summary's among them (BenchmarkCanonical).
func Canonical(data json.RawMessage) (json.RawMessage, error) {
	if isCanonical(data) {
		return data, nil
	}
	return Compact(data)
}

// isCanonical reports whether data is one JSON value that json.Marshal of
// a json.RawMessage returns unchanged: valid, with no whitespace outside
// strings, and no <, >, & or other bytes it would escape. It is
// conservative: it refuses what it need not (non-ASCII letters, escapes
// other than \" and \\, exponents), which then takes Compact's way, so
// that whatever it accepts is canonical (FuzzCanonical).
func isCanonical(data []byte) bool {
	end, ok := canonicalValue(data, 0, 0)
	return ok && end == len(data)
}

// maxCanonicalDepth bounds the nesting checked; deeper data takes
// Compact's way.
const maxCanonicalDepth = 64

// canonicalValue checks the value at b[i:] and returns where it ends.
func canonicalValue(b []byte, i, depth int) (int, bool) {
	if i >= len(b) || depth > maxCanonicalDepth {
		return i, false
	}
	switch c := b[i]; {
	case c == '{':
		i++
		if i < len(b) && b[i] == '}' {
			return i + 1, true
		}
		for {
			var ok bool
			if i >= len(b) || b[i] != '"' {
				return i, false
			}
			if i, ok = canonicalString(b, i); !ok || i >= len(b) || b[i] != ':' {
				return i, false
			}
			if i, ok = canonicalValue(b, i+1, depth+1); !ok || i >= len(b) {
				return i, false
			}
			switch b[i] {
			case ',':
				i++
			case '}':
				return i + 1, true
			default:
				return i, false
			}
		}
	case c == '[':
		i++
		if i < len(b) && b[i] == ']' {
			return i + 1, true
		}
		for {
			var ok bool
			if i, ok = canonicalValue(b, i, depth+1); !ok || i >= len(b) {
				return i, false
			}
			switch b[i] {
			case ',':
				i++
			case ']':
				return i + 1, true
			default:
				return i, false
			}
		}
	case c == '"':
		return canonicalString(b, i)
	case c == '-' || c >= '0' && c <= '9':
		return canonicalNumber(b, i)
	case c == 't':
		return literal(b, i, "true")
	case c == 'f':
		return literal(b, i, "false")
	case c == 'n':
		return literal(b, i, "null")
	}
	return i, false
}

// canonicalString checks the string at b[i] == '"': printable ASCII
// other than <, > and &, and the escapes \" and \\ only.
func canonicalString(b []byte, i int) (int, bool) {
	for i++; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1, true
		case c == '\\':
			if i+1 >= len(b) || b[i+1] != '"' && b[i+1] != '\\' {
				return i, false
			}
			i++
		case c < 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '&':
			return i, false
		}
	}
	return i, false
}

// canonicalNumber checks the number at b[i]: -?(0|[1-9][0-9]*)(\.[0-9]+)?
// (no exponent).
func canonicalNumber(b []byte, i int) (int, bool) {
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
	default:
		return i, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		start := i
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
		if i == start {
			return i, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		return i, false
	}
	return i, true
}

func literal(b []byte, i int, lit string) (int, bool) {
	if len(b)-i < len(lit) || string(b[i:i+len(lit)]) != lit {
		return i, false
	}
	return i + len(lit), true
}
