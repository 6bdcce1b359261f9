package names

import "strings"

// armenian maps the Armenian letters to Latin after BGN/PCGN 1981, the
// spelling of Armenian passports and of most lists. go-unidecode reads
// ու letter by letter ("ow": Պուտին gave "powtin"), and does not write
// the y of ե or the v of ո at the start of a word (Yerevan, Vorontsov).
var armenian = map[rune]string{
	'ա': "a", 'բ': "b", 'գ': "g", 'դ': "d", 'ե': "e", 'զ': "z", 'է': "e", 'ը': "y", 'թ': "t",
	'ժ': "zh", 'ի': "i", 'լ': "l", 'խ': "kh", 'ծ': "ts", 'կ': "k", 'հ': "h", 'ձ': "dz", 'ղ': "gh",
	'ճ': "ch", 'մ': "m", 'յ': "y", 'ն': "n", 'շ': "sh", 'ո': "o", 'չ': "ch", 'պ': "p", 'ջ': "j",
	'ռ': "r", 'ս': "s", 'վ': "v", 'տ': "t", 'ր': "r", 'ց': "ts", 'ւ': "v", 'փ': "p", 'ք': "k",
	'օ': "o", 'ֆ': "f", 'և': "ev",
}

// translitArmenian romanises a run of lower-case Armenian letters.
func translitArmenian(run string, b *strings.Builder) {
	prev := rune(0)
	skip := false
	for i, r := range run {
		if skip {
			skip = false
			prev = r
			continue
		}
		switch {
		case r == 'ո' && strings.HasPrefix(run[i+len("ո"):], "ւ"):
			b.WriteByte('u')
			skip = true
		case r == 'ե' && prev == 0:
			b.WriteString("ye")
		case r == 'ո' && prev == 0:
			b.WriteString("vo")
		case r == 'և' && prev == 0:
			b.WriteString("yev")
		default:
			if s, ok := armenian[r]; ok {
				b.WriteString(s)
			} else {
				b.WriteString(unidecodeRune(r))
			}
		}
		prev = r
	}
}
