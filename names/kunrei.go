package names

// kunrei returns a word written in Kunrei-shiki, the romanisation of
// Japanese that ISO 3602 and Japan's schools teach, as Hepburn writes it
// (passports, the press, the lists): Kisida Humio is Kishida Fumio, Tanaka
// Kakuei stays. It returns "" for a word that is not made of Japanese
// syllables alone, for one Kunrei and Hepburn spell alike, and for a word
// of fewer than five letters, where a Japanese reading of a name from
// elsewhere (Tina, Siti, Zia) would be a guess.
//
// Kunrei writes by the kana's row: si, ti, tu, hu, zi, di, du and sya,
// tya, zya, dya (with u and o) where Hepburn writes shi, chi, tsu, fu,
// ji, ji, zu and sha, cha, ja, ja.
func kunrei(form string) string {
	if len(form) < 5 {
		return ""
	}
	b := make([]byte, 0, len(form)+4)
	changed := false
	for i := 0; i < len(form); {
		c := form[i]
		if isVowel(c) {
			b = append(b, c)
			i++
			continue
		}
		next := byte(0)
		if i+1 < len(form) {
			next = form[i+1]
		}
		switch {
		case c == 'n' && !isVowel(next) && next != 'y':
			// The syllabic n, before a consonant or at the end.
			b = append(b, c)
			i++
			continue
		case c == next && (c == 'k' || c == 's' || c == 't' || c == 'p'):
			// A doubled consonant: the small tsu, written by doubling
			// the next syllable's (Hepburn's tch is left as tt).
			b = append(b, c)
			i++
			continue
		}
		if !kunreiOnset(c, next) {
			return ""
		}
		if next == 'y' {
			if i+2 >= len(form) || !kunreiGlide(form[i+2]) {
				return ""
			}
			if h := kunreiHepburnY[c]; h != "" {
				b = append(b, h...)
				changed = true
			} else {
				b = append(b, c, 'y')
			}
			b = append(b, form[i+2])
			i += 3
			continue
		}
		if !isVowel(next) {
			return ""
		}
		if h := kunreiHepburn[string([]byte{c, next})]; h != "" {
			b = append(b, h...)
			changed = true
		} else {
			b = append(b, c, next)
		}
		i += 2
	}
	if !changed {
		return ""
	}
	return string(b)
}

// kunreiOnset reports whether c begins a Kunrei syllable before next: a
// consonant of the kana's rows before a vowel, y before a, u, o, w before
// a, or a consonant and y before a, u, o.
func kunreiOnset(c, next byte) bool {
	switch c {
	case 'k', 'g', 's', 'z', 't', 'd', 'n', 'h', 'b', 'p', 'm', 'r':
		return isVowel(next) || next == 'y'
	case 'y':
		return kunreiGlide(next)
	case 'w':
		return next == 'a' || next == 'o'
	}
	return false
}

func kunreiGlide(c byte) bool { return c == 'a' || c == 'u' || c == 'o' }

// kunreiHepburn are the syllables Kunrei and Hepburn spell differently.
var kunreiHepburn = map[string]string{
	"si": "shi", "ti": "chi", "tu": "tsu", "hu": "fu", "zi": "ji", "di": "ji", "du": "zu",
}

// kunreiHepburnY are the consonants before y (sya, tya, zya, dya) that
// Hepburn writes otherwise (sha, cha, ja, ja).
var kunreiHepburnY = map[byte]string{'s': "sh", 't': "ch", 'z': "j", 'd': "j"}
