package report

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/image/font/sfnt"
)

// fontTTF is DejaVu Sans 2.37 (Bitstream Vera licence, DejaVu changes in
// the public domain: fonts/LICENSE), 760 kB. It covers Latin, Greek,
// Cyrillic, Armenian, Georgian, Hebrew and Arabic (the letters, not their
// joined forms: fpdf does not shape Arabic, so its letters print
// unjoined), not Chinese, Japanese or Korean, whose fonts weigh tens of
// megabytes: printable shows those romanised, in brackets.
//
//go:embed fonts/DejaVuSans.ttf
var fontTTF []byte

const fontFamily = "dejavu"

// glyphs reports, for each rune of the Basic Multilingual Plane, whether
// the font has a glyph for it; built on first use, not at start-up.
var glyphs = sync.OnceValue(func() []bool {
	f, err := sfnt.Parse(fontTTF)
	if err != nil {
		panic("report: the embedded font does not parse: " + err.Error())
	}
	var b sfnt.Buffer
	has := make([]bool, 0x10000)
	for r := range has {
		if i, err := f.GlyphIndex(&b, rune(r)); err == nil && i != 0 {
			has[r] = true
		}
	}
	return has
})

// covered reports whether the font can draw r.
func covered(r rune) bool {
	return r < 0x10000 && glyphs()[r]
}

// printable returns s as the PDF can draw it in the embedded font: runs
// of letters the font lacks (CJK) romanised in brackets ("[Jin Zheng En]"),
// control characters dropped, and right-to-left runs (Arabic, Hebrew)
// put in visual order, since fpdf lays text out left to right.
func printable(s string) string {
	var out strings.Builder
	var missing, rtl []rune
	// Spaces between two words of a run belong to it; trailing ones
	// do not.
	trim := func(run []rune) ([]rune, string) {
		n := len(run)
		for n > 0 && unicode.IsSpace(run[n-1]) {
			n--
		}
		return run[:n], string(run[n:])
	}
	flushMissing := func() {
		if len(missing) > 0 {
			word, space := trim(missing)
			out.WriteString("[" + strings.TrimSpace(unidecode.Unidecode(string(word))) + "]" + space)
			missing = missing[:0]
		}
	}
	flushRTL := func() {
		word, space := trim(rtl)
		for i := len(word) - 1; i >= 0; i-- {
			out.WriteRune(word[i])
		}
		out.WriteString(space)
		rtl = rtl[:0]
	}
	for _, r := range s {
		switch {
		case r == '\n':
		case unicode.IsControl(r), r == unicode.ReplacementChar:
			continue
		case isRTL(r) || (r == ' ' || unicode.Is(unicode.Mn, r)) && len(rtl) > 0:
			flushMissing()
			rtl = append(rtl, r)
			continue
		case !covered(r) && !unicode.IsSpace(r):
			flushRTL()
			missing = append(missing, r)
			continue
		case unicode.IsSpace(r) && len(missing) > 0:
			missing = append(missing, r)
			continue
		}
		flushRTL()
		flushMissing()
		out.WriteRune(r)
	}
	flushRTL()
	flushMissing()
	return out.String()
}

// isRTL reports whether r is a letter of a right-to-left script.
func isRTL(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana)
}
