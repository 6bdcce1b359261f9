package names

// This file reads words written to look like others: digits standing for
// letters, and initials run together without their periods.

// leetLetter returns the letter a digit stands for in names typed to
// slip past a filter or mangled by OCR (Ig0r, Sech1n, I9or, 5ergey), or 0.
func leetLetter(d byte) byte {
	switch d {
	case '0':
		return 'o'
	case '1':
		return 'i'
	case '3':
		return 'e'
	case '4':
		return 'a'
	case '5':
		return 's'
	case '7':
		return 't'
	case '8':
		return 'b'
	case '9':
		return 'g'
	}
	return 0
}

// deleet reads a word of letters with a digit or two standing for letters
// ("sech1n", "ig0r", "r0sneft", "5ergey") as the word it spells. A word
// with two different digits together (boeing737, su35), fewer than three
// letters (mh17, s7), more digits than half its letters, a digit that
// stands for no letter (a320, t72) or an ordinal's ending (1st, 2nd) is a
// model, a flight or a number, and is left alone. A doubled digit is a
// doubled letter in a word of five letters or more (plastma55; not kh55).
func deleet(form string) (string, bool) {
	letters, digits, doubled := 0, 0, false
	for i := 0; i < len(form); i++ {
		c := form[i]
		switch {
		case c >= '0' && c <= '9':
			if leetLetter(c) == 0 {
				return "", false
			}
			if i > 0 && form[i-1] >= '0' && form[i-1] <= '9' {
				if form[i-1] != c || doubled || i > 1 && form[i-2] >= '0' && form[i-2] <= '9' {
					return "", false
				}
				doubled = true
			}
			digits++
		case c >= 'a' && c <= 'z':
			letters++
		default:
			return "", false
		}
	}
	if digits == 0 || letters < 3 || doubled && letters < 5 || digits*2 > letters || isDigitOrdinal(form) {
		return "", false
	}
	b := []byte(form)
	for i, c := range b {
		if l := leetLetter(c); l != 0 {
			b[i] = l
		}
	}
	return string(b), true
}

// isDigitOrdinal reports whether form is an ordinal written with digits:
// 1st, 22nd, 3rd, 4th, 1er, 1re, 2e, 2eme, 1o, 1a, 3ra, 2do, 1ro.
func isDigitOrdinal(form string) bool {
	i := 0
	for i < len(form) && form[i] >= '0' && form[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	switch form[i:] {
	case "st", "nd", "rd", "th", "er", "re", "e", "eme", "ieme", "o", "a", "ra", "ro", "do", "da", "to", "ta", "vo", "va", "no", "na", "mo", "ma", "te", "ten", "ste", "sten", "ye", "ya", "yi", "ii", "i", "go", "oi", "yy":
		return true
	}
	return false
}

// isInitialism reports whether a folded Latin word of two or three
// letters has no vowel, so that it can only be initials run together
// ("jc", "jp", "vv", "gw"). Legal forms, titles, particles and known
// abbreviations (llc, mr, bn, st) are words, and so is the Chinese
// surname Ng.
func isInitialism(form string) bool {
	if len(form) < 2 || len(form) > 3 {
		return false
	}
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c < 'a' || c > 'z' || isVowel(c) {
			return false
		}
	}
	if form == "ng" || form == "hm" || titles[form] || particles[form] != "" || legalFirstWords[form] {
		return false
	}
	if _, ok := legalForms[form]; ok {
		return false
	}
	if _, ok := abbreviations[form]; ok {
		return false
	}
	return true
}
