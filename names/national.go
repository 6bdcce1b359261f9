package names

import "strings"

// national returns a word as Central and Eastern European languages, and
// German and Dutch, would spell it in English-style transliteration, or
// "" when that reading changes nothing. These languages write the sounds
// of Russian, Ukrainian, Belarusian and Arabic names with letters that
// English reads otherwise: j is y (Degtjarev, Jurjevna, Nikolajevič:
// Degtyarev, Yuryevna, Nikolayevich), ch is kh (Orechov, Michail:
// Orekhov, Mikhail), c is ts (Piarcou, Gocanjuk: Piartsou, Gotsanyuk), w
// is v, and Polish sz, cz, rz are sh, ch, zh. Hungarian writes s for sh
// and sz for s, cs for ch, zs for zh, gy and ty for the soft d and t
// before i (Szergej Szkvorcov, Vlagyimir Putyin: Sergey Skvortsov,
// Vladimir Putin); a word with Hungarian's digraphs is read as Hungarian.
//
// Since English and Arabic transliteration read the same letters
// otherwise (John, Majid, Charles), the reading is a second skeleton of
// the word (Token.Alt), compared beside the first, not a replacement. A
// word's first j stays: Jamal is not Yamal (the edit rules let an initial
// j and y meet). chIsKh says that the word was written with a c and an h,
// not with a č that folding spelt ch (Lithuanian -vičius is -vich).
func national(form string, chIsKh bool, lang reading) string {
	// Not a short word, nor letters with no vowel (an acronym).
	if len(form) < 4 || strings.IndexAny(form, "jcwsz") < 0 && !strings.Contains(form, "gy") && !strings.HasSuffix(form, "oe") || strings.IndexAny(form, "aeiouy") < 0 {
		return ""
	}
	hungarian := lang == hungarianReading || lang == anyReading && isHungarian(form)
	b := make([]byte, 0, len(form)+4)
	for i := 0; i < len(form); i++ {
		c := form[i]
		next := byte(0)
		if i+1 < len(form) {
			next = form[i+1]
		}
		if hungarian {
			switch {
			case c == 's' && next == 'z':
				b = append(b, 's')
				i++
				continue
			case c == 'c' && next == 's':
				b = append(b, 'c', 'h')
				i++
				continue
			case c == 'z' && next == 's':
				b = append(b, 'z', 'h')
				i++
				continue
			case (c == 'g' || c == 't' || c == 'n' || c == 'l') && next == 'y':
				// The soft consonants: gy is the d of Vladimir before i.
				if c == 'g' {
					c = 'd'
				}
				b = append(b, c)
				i++
				continue
			case c == 's':
				b = append(b, 's', 'h')
				continue
			case c == 'c' && next != 'h':
				b = append(b, 't', 's')
				continue
			case c == 'j' && i > 0:
				b = append(b, 'y')
				continue
			}
			b = append(b, c)
			continue
		}
		switch {
		case hasAt(form, i, "szcz"):
			b = append(b, "shch"...)
			i += 3
			continue
		case c == 's' && next == 'z':
			b = append(b, 's', 'h')
			i++
			continue
		case c == 'r' && next == 'z':
			b = append(b, 'z', 'h')
			i++
			continue
		case c == 'c' && next == 'z':
			b = append(b, 'c', 'h')
			i++
			continue
		case hasAt(form, i, "tsch"):
			b = append(b, 'c', 'h')
			i += 3
			continue
		case hasAt(form, i, "sch"):
			b = append(b, 's', 'h')
			i += 2
			continue
		case c == 'c' && next == 'h' && chIsKh:
			b = append(b, 'k', 'h')
			i++
			continue
		case c == 'c' && next == 'k' && slavicSkEnding(form[i+2:]):
			// The Slavic -ski of Polish, Czech and Slovak after a c:
			// Bielicki, Belicky, Wysocki are Belitsky, Vysotsky.
			b = append(b, 't', 's')
			continue
		case c == 'o' && next == 'e' && i+2 == len(form) && i > 0 && !isVowel(form[i-1]):
			// Dutch writes a final u as oe too: Aboe, Inanloe, Basoetoe
			// (phon reads oe as u between consonants only).
			b = append(b, 'u')
			i++
			continue
		case c == 'c' && next != 'k' && next != 's' && next != 'h':
			b = append(b, 't', 's')
			continue
		case c == 'd' && next == 'z' && i+2 < len(form) && isVowel(form[i+2]):
			// Polish and Czech dz before a vowel, for the j of Korean
			// and Chinese names (Kim Dzong Il).
			b = append(b, 'd', 'z', 'h')
			i++
			continue
		case c == 'j' && i > 0 && strings.IndexByte("dsz", form[i-1]) < 0:
			// Not dj (Serbian đ), nor Dutch sj, zj, tsj (sh, zh, ch).
			b = append(b, 'y')
			continue
		}
		b = append(b, c)
	}
	if string(b) == form {
		return ""
	}
	return string(b)
}

// slavicSkEnding reports whether what follows the k of a word's -ck is
// the ending of a Slavic adjective surname: -cki, -cky, -cka, -ckij,
// -ckyj, -ckiy, -ckaya.
func slavicSkEnding(rest string) bool {
	switch rest {
	case "i", "y", "a", "ij", "yj", "iy", "ii", "aya", "aja", "iego", "ego":
		return true
	}
	return false
}

func hasAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// reading says how a name's words are read (see national): as each word's
// own letters suggest, or all as Hungarian or all as Polish where the
// name's other words say which (Szergej Sojgu is Hungarian, Siergiej
// Szojgu Polish, though sz alone could be either).
type reading uint8

const (
	anyReading reading = iota
	hungarianReading
	polishReading
)

// isHungarian reports whether a word has Hungarian's digraphs: cs, zs, gy,
// or sz without Polish's cz, rz or w.
func isHungarian(form string) bool {
	return hasAny(form, "cs", "zs", "gy") || strings.Contains(form, "sz") && !isPolish(form)
}

// isPolish reports whether a word has Polish's cz, rz, w, or an i that
// softens a consonant before e (Siergiej).
func isPolish(form string) bool {
	if hasAny(form, "cz", "rz", "w") {
		return true
	}
	for i := 1; i+1 < len(form); i++ {
		if form[i] == 'i' && form[i+1] == 'e' && strings.IndexByte("szcngkbpmf", form[i-1]) >= 0 {
			return true
		}
	}
	return false
}

// nameReading returns how the words of a name are read: Hungarian when a
// word has Hungarian's digraphs, Polish when one has Polish letters and
// none Hungarian's strong ones (cs, zs, gy), and word by word otherwise.
func nameReading(forms []string) reading {
	hu, pl, sz := false, false, false
	for _, f := range forms {
		hu = hu || hasAny(f, "cs", "zs", "gy")
		pl = pl || isPolish(f)
		sz = sz || strings.Contains(f, "sz")
	}
	switch {
	case hu:
		return hungarianReading
	case pl:
		return polishReading
	case sz:
		return hungarianReading
	}
	return anyReading
}
