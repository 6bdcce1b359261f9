package names

import "strings"

// Phon returns the phonetic skeleton of a folded form (lower-case ASCII):
// the spelling variants that transliteration produces collapse to one
// string. The rules, applied left to right:
//
//	tsch, tch → ch      sch → sh          dzh, zh, dj → j
//	kh → h              gh → g            ph → f
//	th → t              dh → d            ck, q, c (before a, o, u or a consonant) → k
//	c (before e, i, y) → s                x → ks                w → v
//	ou, oo → u          gu (before e, i) → g
//	y → i               j (at the end, or before a final s) → i
//	oe (between consonants) → u
//	ie, ye at the start of a word → e     doubled letters → one
//
// so that Sergei, Sergey, Serguei and Sergej; Yevgeny and Evgeny; Khalid
// and Halid; Wladimir and Vladimir; Asad and Assad meet. Digits are kept.
func Phon(form string) string { return phon(form, false) }

// PhonOf is Phon for a word that may have been written in an abjad (see
// phon).
func PhonOf(form string, abjad bool) string { return phon(form, abjad) }

// phon is Phon; for a word written in an abjad it leaves z and h apart:
// veto's Arabic table writes ژ as j, so a zh there is ز and ح side by
// side (الزهراني, al-Zahrani), not a digraph.
func phon(form string, abjad bool) string { return phonRead(form, abjad, false) }

// phonApart is the phonetic skeleton of an abjad word read with its
// letters apart: veto's Arabic table writes single letters side by side
// that Latin reads as one sound (د+ح of دحلان, Dahlan, is "dh", as is ذ;
// ت+ه of تهران, Tehran, "th"; س+ج of سجاد, Sajjad, "sj"; پ+ه of پهلوی,
// Pahlavi, "ph"). Latin spellings of such names put a vowel between the
// two, which the abjad did not write: the word is read both ways.
func phonApart(form string) string { return phonRead(form, true, true) }

func phonRead(form string, abjad, apart bool) string {
	s := form
	b := make([]byte, 0, len(s)+2)
	for i := 0; i < len(s); i++ {
		c := s[i]
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch c {
		case 't':
			if hasAt(s, i, "tsch") {
				b = append(b, 'c', 'h')
				i += 3
				continue
			}
			if next == 'c' && i+2 < len(s) && s[i+2] == 'h' {
				b = append(b, 'c', 'h')
				i += 2
				continue
			}
			if next == 's' && i+2 < len(s) && s[i+2] == 'j' && !apart {
				// Dutch tsj is ch: Vjatsjeslav, Saakovitsj.
				b = append(b, 'c', 'h')
				i += 2
				continue
			}
			if next == 'h' && !apart {
				b = append(b, 't')
				i++
				continue
			}
		case 's':
			if next == 'c' && i+2 < len(s) && s[i+2] == 'h' {
				b = append(b, 's', 'h')
				i += 2
				continue
			}
			if next == 'j' && !apart {
				// Dutch and Swedish sj is sh: Chroesjtsjov, Sjoigoe.
				b = append(b, 's', 'h')
				i++
				continue
			}
		case 'd':
			if hasAt(s, i, "dsch") {
				// German writes j as dsch: Ahmadinedschad.
				b = append(b, 'j')
				i += 3
				continue
			}
			if hasAt(s, i, "dzh") {
				b = append(b, 'j')
				i += 2
				continue
			}
			if next == 'j' && !apart {
				b = append(b, 'j')
				i++
				continue
			}
			if next == 'h' && !apart {
				b = append(b, 'd')
				i++
				continue
			}
		case 'z':
			if next == 'h' && !abjad {
				b = append(b, 'j')
				i++
				continue
			}
		case 'k':
			if next == 'h' && !apart {
				b = append(b, 'h')
				i++
				continue
			}
		case 'g':
			if next == 'h' && !apart {
				b = append(b, 'g')
				i++
				continue
			}
			if next == 'u' && i+2 < len(s) && (s[i+2] == 'e' || s[i+2] == 'i') {
				b = append(b, 'g')
				i++
				continue
			}
		case 'p':
			if next == 'h' && !apart {
				b = append(b, 'f')
				i++
				continue
			}
		case 'c':
			switch {
			case next == 's':
				// Hungarian cs is ch: Szecsina, Rosztiszlavovics.
				b = append(b, 'c', 'h')
				i++
				continue
			case next == 'z':
				// Polish and Czech cz is ch: Czarnecki, Szczepan.
				b = append(b, 'c', 'h')
				i++
				continue
			case next == 'h':
				b = append(b, 'c', 'h')
				i++
				continue
			case next == 'k':
				b = append(b, 'k')
				i++
				continue
			case next == 'e' || next == 'i' || next == 'y':
				b = append(b, 's')
				continue
			}
			b = append(b, 'k')
			continue
		case 'q':
			b = append(b, 'k')
			continue
		case 'x':
			b = append(b, 'k', 's')
			continue
		case 'w':
			b = append(b, 'v')
			continue
		case 'o':
			if next == 'u' || next == 'o' {
				b = append(b, 'u')
				i++
				continue
			}
			// Dutch writes u as oe between consonants or before one at
			// the start: Poetin, Soedan, Oesama.
			if next == 'e' && (i == 0 || !isVowel(s[i-1])) && i+2 < len(s) && !isVowel(s[i+2]) {
				b = append(b, 'u')
				i++
				continue
			}
		case 'i':
			// Polish softens a consonant before e with an i: Siergiej,
			// Niemcow are Sergej, Nemtsov. (Not after r, l, d, t, where
			// an ie is a Russian patronymic's: Dmitrievich, Vasilievich.)
			if next == 'e' && i > 0 && strings.IndexByte("szcngkbpmwf", s[i-1]) >= 0 && i+2 < len(s) && !isVowel(s[i+2]) {
				continue
			}
		case 'y':
			// Between a vowel and e, y is BGN's way of writing е after a
			// vowel: Sergeyev, Andreyev are Sergeev, Andreev.
			if n := len(b); n > 0 && isVowel(b[n-1]) && next == 'e' {
				continue
			}
			c = 'i'
		case 'j':
			// Word-final j is German and Polish for й (Sergej, Jurij), and
			// so is j before Latvian's final s (Sergejs, Aleksejs).
			if next == 0 || next == 's' && i+2 == len(s) && i > 0 && isVowel(s[i-1]) {
				c = 'i'
			}
		}
		b = append(b, c)
	}
	// ie/ye at the start: Yelena, Ielena, Elena.
	if len(b) > 2 && b[0] == 'i' && b[1] == 'e' {
		b = b[1:]
	}
	// Collapse doubled letters (after the rules, so "iy" and "ij" endings,
	// now "ii", become "i").
	out := b[:0]
	for i, c := range b {
		if i > 0 && c == b[i-1] && !(c >= '0' && c <= '9') {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

func hasAt(s string, i int, sub string) bool {
	return len(s)-i >= len(sub) && s[i:i+len(sub)] == sub
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// Cons returns the consonant skeleton of a phonetic skeleton: its letters
// without vowels, doubled consonants collapsed, and "ch" as "sh". It is what a name written
// in Arabic script and its Latin spellings share (Muhammad, Mohammed and
// محمد all give "mhmd"), and what survives most vowel variation between
// transliterations (Volodymyr and Vladimir give "vldmr").
func Cons(phon string) string {
	b := make([]byte, 0, len(phon))
	vowel := false // a vowel since the last consonant
	for i := 0; i < len(phon); i++ {
		c := phon[i]
		if isVowel(c) {
			vowel = true
			continue
		}
		if c == 'c' {
			// Phon leaves c only in "ch", which French writes for ش and
			// English for ч: the loose key lets them meet "sh".
			c = 's'
		}
		// A consonant written twice is one; the same consonant twice
		// with a vowel between is two (حنين, Hanin, is not Khan).
		if n := len(b); n > 0 && b[n-1] == c && !vowel {
			continue
		}
		b = append(b, c)
		vowel = false
	}
	return string(b)
}

// SameShape reports whether two phonetic skeletons have vowels in the same
// places: each run of vowels counts as one vowel, whatever its letters.
// Mohammed and Muhammad have one shape, Bashar and Bushra two.
func SameShape(a, b string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		va, vb := isVowel(a[i]), isVowel(b[j])
		if va != vb || (!va && a[i] != b[j]) {
			return false
		}
		if va {
			for i < len(a) && isVowel(a[i]) {
				i++
			}
			for j < len(b) && isVowel(b[j]) {
				j++
			}
			continue
		}
		i++
		j++
	}
	return i == len(a) && j == len(b)
}

// SameVowelPlaces reports whether two phonetic skeletons alternate
// consonants and vowels alike: the same runs of each, in the same order,
// whatever their letters (h, which Loose drops, is not counted). Louis
// and Rouse do not (l-oui-s, r-ou-s-e); Tifani and Tiffany do.
func SameVowelPlaces(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && a[i] == 'h' {
			i++
		}
		for j < len(b) && b[j] == 'h' {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		va, vb := isVowel(a[i]), isVowel(b[j])
		if va != vb {
			return false
		}
		for i < len(a) && (isVowel(a[i]) == va || a[i] == 'h') {
			i++
		}
		for j < len(b) && (isVowel(b[j]) == vb || b[j] == 'h') {
			j++
		}
	}
}

// VowelsAgree reports whether two phonetic skeletons of the same shape
// (see SameShape) have vowels that can spell the same sound in each
// place: a and e (Mohammed, Muhammad), e and i (Rashed, Rashid), o and u
// (Omar, Umar), a diphthong and e or i (Husein, Husain). Hassan and
// Hussein share consonants and shape, but not a first vowel: they are
// two names.
func VowelsAgree(a, b string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if !isVowel(a[i]) || !isVowel(b[j]) {
			if a[i] != b[j] {
				return false
			}
			i++
			j++
			continue
		}
		si, sj := i, j
		for i < len(a) && isVowel(a[i]) {
			i++
		}
		for j < len(b) && isVowel(b[j]) {
			j++
		}
		if !vowelClassesAgree(vowelClass(a[si:i]), vowelClass(b[sj:j])) {
			return false
		}
	}
	return i == len(a) && j == len(b)
}

// vowelClass returns the class of a run of vowels: its first letter, or
// 'd' for a diphthong ending in i (ai, ei, oi; y is i in a skeleton).
func vowelClass(run string) byte {
	if len(run) > 1 && run[len(run)-1] == 'i' && run[0] != 'i' {
		return 'd'
	}
	if run[0] == 'y' {
		return 'i'
	}
	return run[0]
}

func vowelClassesAgree(x, y byte) bool {
	if x == y {
		return true
	}
	if x > y {
		x, y = y, x
	}
	switch string([]byte{x, y}) {
	case "ae", "ad", "de", "di", "ei", "ou":
		return true
	}
	return false
}

// AbjadCompatible reports whether a skeleton from an abjad (Arabic,
// Hebrew: long vowels written, short ones not) can be the same word as a
// Latin skeleton with the same consonants: every place where the abjad
// writes a vowel, the Latin spelling has one too. بشار (b-sh-a-r) fits
// Bashar but not Bushra.
func AbjadCompatible(abjad, latin string) bool {
	a, l := vowelGaps(abjad), vowelGaps(latin)
	if len(a) != len(l) {
		return true // the consonants differ in number; Cons decided already
	}
	// Arabic writes a word-initial vowel (on an alif): a Latin name that
	// starts with a vowel cannot be an abjad word that starts without one.
	if l[0] && !a[0] {
		return false
	}
	// It writes a final i too (ي): Talebi is طالبي, not طالب.
	if n := len(latin); n > 1 && !a[len(a)-1] && latin[n-1] == 'i' && !isVowel(latin[n-2]) {
		return false
	}
	for i := range a {
		if a[i] && !l[i] {
			return false
		}
	}
	return true
}

// vowelGaps returns, for the gap before each consonant and after the last,
// whether a vowel is written there. Doubled consonants count once and "c"
// counts as "s", as in Cons.
func vowelGaps(phon string) []bool {
	gaps := []bool{false}
	var last byte
	for i := 0; i < len(phon); i++ {
		c := phon[i]
		if isVowel(c) {
			gaps[len(gaps)-1] = true
			continue
		}
		if c == 'c' {
			c = 's'
		}
		if c == last && !gaps[len(gaps)-1] {
			continue
		}
		last = c
		gaps = append(gaps, false)
	}
	return gaps
}

// WeakCons returns the consonant skeleton of a phonetic skeleton as an
// abjad spelling constrains it: without v (و is a consonant, v or w, in
// some names and the vowel u in others: Marwan, Nur, Javad), with z as d
// (ض and ظ are d or z by region: Ramadan, Fazl) and g as k (ق, غ and گ are
// q, k, g or gh: Qasim, Gasim).
func WeakCons(phon string) string {
	b := make([]byte, 0, len(phon))
	vowel := false
	for i := 0; i < len(phon); i++ {
		c := phon[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'v':
			vowel = true
			continue
		case 'z':
			c = 'd'
		case 'g':
			c = 'k'
		case 'c':
			c = 's'
		}
		if n := len(b); n > 0 && b[n-1] == c && !vowel {
			continue
		}
		b = append(b, c)
		vowel = false
	}
	return string(b)
}

// WeakPhon returns phon with v as the vowel u, for AbjadCompatible's
// vowel places when the skeletons met through WeakCons.
func WeakPhon(phon string) string { return strings.ReplaceAll(phon, "v", "u") }

// Loose returns the loose consonant key of a phonetic skeleton: its
// consonants grouped by where they are said, vowels, h and y dropped,
// repeats collapsed. Scripts other than Latin write a foreign name with
// the sounds they have: Arabic has no p or v (فلاديمير بوتين is
// "fladimir butin"), Korean no f, v or l/r distinction, Chinese and
// Japanese no l/r or voicing distinction. The groups are
//
//	b p f v w → p     d t ch j → t     g k → k     l r → r     s z → s
//	m n, and ng closing a syllable → n
//
// and digits stay. Vladimir, فلاديمير, 블라디미르 ("pulladimiru") and
// 弗拉基米尔 ("fulajimier") all give "prtnr". The nasals are one group
// because Chinese closes a syllable with n or ng and has no m there
// (Trump, 特朗普 "telangpu"); j is the affricate that Chinese and
// Japanese write for a foreign t or d before i (Putin, 普京 "pujing").
func Loose(phon string) string {
	b := make([]byte, 0, len(phon))
	vowel := false
	for i := 0; i < len(phon); i++ {
		c := phon[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			vowel = true
			continue
		case 'h':
			continue
		case 'b', 'f', 'v', 'w':
			c = 'p'
		case 'd', 'j':
			c = 't'
		case 'g', 'q':
			if c == 'g' && i > 0 && phon[i-1] == 'n' && (i+1 == len(phon) || !isVowel(phon[i+1])) {
				continue // the g of a closing ng: the nasal alone
			}
			c = 'k'
		case 'l':
			c = 'r'
		case 'm':
			c = 'n'
		case 'z', 'x':
			c = 's'
		case 'c':
			// c is left of "ch" only: Japanese writes foreign ti as chi
			// (プーチン, puchin, for Putin).
			c = 't'
		}
		// Keqiang is k-q-ng: two consonants, one written twice would be
		// one.
		if n := len(b); n > 0 && b[n-1] == c && !vowel {
			continue
		}
		b = append(b, c)
		vowel = false
	}
	return string(b)
}

// DroppedOne reports whether short is long with one letter left out.
func DroppedOne(long, short string) bool {
	if len(long) != len(short)+1 {
		return false
	}
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	return long[i+1:] == short[i:]
}

// LooseAdded calls f with every loose key one consonant longer than key
// (a consonant of the Loose groups added anywhere), the keys of which key
// may be a syllabary's spelling with one consonant dropped (DroppedOne).
func LooseAdded(key string, f func(string)) {
	b := make([]byte, len(key)+1)
	for i := 0; i <= len(key); i++ {
		copy(b, key[:i])
		copy(b[i+1:], key[i:])
		for _, c := range []byte("ptkrns0123456789") {
			if i > 0 && key[i-1] == c {
				continue // the key added before this letter already
			}
			b[i] = c
			f(string(b))
		}
	}
}

// AbjadLoose returns the key on which a word written in an abjad (Arabic,
// Persian, Hebrew) meets a foreign name's Latin spelling: its consonants
// with p as b (Arabic has no p: بوتين for Putin), v and w as f (ف or و
// for v: فلاديمير, ولادیمیر for Vladimir), g and q as k; l and r, d and t,
// h stay apart, as the script keeps them. Vladimir and فلاديمير give
// "fldmr", Ibrahim "brhm".
func AbjadLoose(phon string) string {
	b := make([]byte, 0, len(phon))
	for i := 0; i < len(phon); i++ {
		c := phon[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			continue
		case 'p':
			c = 'b'
		case 'v', 'w':
			c = 'f'
		case 'g', 'q':
			c = 'k'
		case 'c':
			c = 's'
		}
		if n := len(b); n > 0 && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// stem returns the phonetic skeleton of a folded word without a Baltic
// nominative ending, or "" if it has none: Latvian adds -s (Sergejs,
// Lavrovs, Putins), Lithuanian -as, -is, -us, -ius, -ys (Putinas,
// Sergejus, Valentinovičius). Latin's -us and -ius are the same endings,
// and Italian, Spanish and Portuguese write them -o and -io, so one given
// name meets across the three (Donatus, Donato; Antonius, Antonio,
// Anton; Julius, Julio). (-a and -e are left on: Maria is not Mario,
// nor Louise Louis; nor is -ko.)
// What remains must have four letters.
func stem(form string) string {
	for _, end := range [...]string{"ius", "as", "is", "us", "ys", "io", "o"} {
		if end == "o" && strings.HasSuffix(form, "ko") {
			// Ukrainian surnames end in -ko (Ponomarenko), which is no
			// Romance ending.
			continue
		}
		if len(form) >= len(end)+4 && form[len(form)-len(end):] == end {
			return Phon(form[:len(form)-len(end)])
		}
	}
	if n := len(form); n >= 5 && form[n-1] == 's' && !isVowel(form[n-2]) && form[n-2] != 's' {
		return Phon(form[:n-1])
	}
	return ""
}
