package names

import "strings"

// SlavicKey returns the key on which the Russian, Ukrainian and Belarusian
// spellings of one name meet, or "" for a word shorter than six letters
// (where the key would join different names: Lena, Lina). The three
// languages write one name with systematic differences, which every
// transliteration keeps: Belarusian writes an unstressed o as a
// (Alyaksandr, Lukashenka, Kanstantsin for Aleksandr, Lukashenko,
// Konstantin), ць and дз for ть and дь (Kanstantsin, Uladzimir), and ў
// for a final в (Kazlou, Kozlov); Ukrainian and Belarusian write h for
// Russian g (Hryhoriy, Serhiy, Ryhoravich), Ukrainian и and і for и and
// е (Andriy, Oleksiy). Sanctions lists name Belarusian and Ukrainian
// officials in one language and customers and other lists in another:
// "Alyaksandr Ryhoravich Lukashenka" and "Aleksandr Grigoryevich
// Lukashenko" are one man, and their patronymics must not count as a
// contradiction.
//
// The key: kh is kept apart from h, which becomes g; ts and dz lose
// their second letter; a final ou or au is ov or av, an initial ul vl;
// each run of vowels becomes u if it has a u, a if it is only a and o,
// i otherwise; doubled letters count once; the vowel before a
// patronymic's -vich or -vna is dropped, and an initial rig is grig.
// SlavicMark reports whether a word bears the marks of Ukrainian or
// Belarusian spelling, or of an East Slavic patronymic: dz, ts, an h
// after a consonant other than c, k, s, z (Serhiy, Olha, Hryhoriy), ia or
// ya after a consonant (Alyaksandr, Siarhei), a final iy, yy, ou or au,
// the endings -enka, -vich, -vych, -vna, an initial ul or ole.
func SlavicMark(form string) bool {
	for _, e := range [...]string{"iy", "yy", "ou", "au", "enka", "vich", "vych", "vna"} {
		if strings.HasSuffix(form, e) {
			return true
		}
	}
	if strings.HasPrefix(form, "ul") || strings.HasPrefix(form, "ole") {
		return true
	}
	for i := 1; i < len(form); i++ {
		c, p := form[i], form[i-1]
		switch {
		case p == 'd' && c == 'z', p == 't' && c == 's':
			return true
		case c == 'h' && !isVowel(p) && p != 'y' && !strings.ContainsRune("ckszgtdp", rune(p)):
			return true
		case (c == 'a') && (p == 'i' || p == 'y') && i > 1 && !isVowel(form[i-2]) && form[i-2] != 'y':
			return true
		}
	}
	return false
}

func SlavicKey(form string) string {
	if len(form) < 6 {
		return ""
	}
	for i := 0; i < len(form); i++ {
		if c := form[i]; c < 'a' || c > 'z' {
			return "" // digits: not a name word
		}
	}
	s := form
	if strings.HasPrefix(s, "ul") {
		s = "vl" + s[2:] // Uladzimir
	}
	if strings.HasSuffix(s, "ou") || strings.HasSuffix(s, "au") {
		s = s[:len(s)-1] + "v" // Kazlou, Lukashou
	}
	b := make([]byte, 0, len(s))
	push := func(c byte) {
		if n := len(b); n == 0 || b[n-1] != c {
			b = append(b, c)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isVowel(c) || c == 'y' {
			j := i
			u, onlyAO := false, true
			for j < len(s) && (isVowel(s[j]) || s[j] == 'y') {
				u = u || s[j] == 'u'
				onlyAO = onlyAO && (s[j] == 'a' || s[j] == 'o')
				j++
			}
			switch {
			case u:
				push('u')
			case onlyAO:
				push('a')
			default:
				push('i')
			}
			i = j - 1
			continue
		}
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch {
		case c == 'k' && next == 'h':
			push('x')
			i++
			continue
		case c == 'h' && (i == 0 || !strings.ContainsRune("csz", rune(s[i-1]))):
			c = 'g' // Hryhoriy, Serhiy; not the h of sh, ch, zh
		case c == 't' && next == 's', c == 'd' && next == 'z' && (i+2 >= len(s) || s[i+2] != 'h'):
			push(c) // Kanstantsin, Uladzimir (not the dzh of j)
			i++
			continue
		case c == 'w':
			c = 'v'
		}
		push(c)
	}
	k := string(b)
	// One patronymic suffix, however the vowel before it is written:
	// -ovich, -evich, -avich, -ovych; -ovna, -evna, -avna.
	for _, e := range [...][2]string{{"avich", "vich"}, {"ivich", "vich"}, {"avna", "vna"}, {"ivna", "vna"}} {
		if strings.HasSuffix(k, e[0]) && len(k) > len(e[0])+1 {
			k = k[:len(k)-len(e[0])] + e[1]
			break
		}
	}
	// Belarusian Рыгор is Григорий without its first letter: Ryhor,
	// Ryhoravich.
	if strings.HasPrefix(k, "rig") {
		k = "g" + k
	}
	return k
}
