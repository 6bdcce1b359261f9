package main

import (
	"strings"
)

// wordContext is how many unchanged words a word diff shows on each side
// of the change.
const wordContext = 6

// maxChangeRunes bounds each side of the changed part shown.
const maxChangeRunes = 400

// wordDiff shows how b differs from a, word by word: the words both share
// at the start and at the end are elided but for a few around the change
// ("…"), and the changed words are marked [-removed-] {+added+}. A long
// value that changed at its end (an OFAC remark with a date added) is so
// shown where it changed, not cut off before.
func wordDiff(a, b string) string {
	aw, bw := strings.Fields(a), strings.Fields(b)
	p := 0
	for p < len(aw) && p < len(bw) && aw[p] == bw[p] {
		p++
	}
	s := 0
	for s < len(aw)-p && s < len(bw)-p && aw[len(aw)-1-s] == bw[len(bw)-1-s] {
		s++
	}
	var out []string
	if p > wordContext {
		out = append(out, "…")
	}
	out = append(out, aw[max(0, p-wordContext):p]...)
	if removed := aw[p : len(aw)-s]; len(removed) > 0 {
		out = append(out, "[-"+cut(strings.Join(removed, " "))+"-]")
	}
	if added := bw[p : len(bw)-s]; len(added) > 0 {
		out = append(out, "{+"+cut(strings.Join(added, " "))+"+}")
	}
	if p == len(aw) && p == len(bw) { // only the spacing changed
		out = append(out, "(spacing only)")
	}
	out = append(out, aw[len(aw)-s:min(len(aw), len(aw)-s+wordContext)]...)
	if s > wordContext {
		out = append(out, "…")
	}
	return strings.Join(out, " ")
}

// cut shortens a changed part past maxChangeRunes, keeping its start and
// its end.
func cut(s string) string {
	r := []rune(s)
	if len(r) <= maxChangeRunes {
		return s
	}
	half := maxChangeRunes / 2
	return string(r[:half]) + " … " + string(r[len(r)-half:])
}

// similarity is the number of words two values share at their start and
// end, to pair a property's removed and added values.
func similarity(a, b string) int {
	aw, bw := strings.Fields(a), strings.Fields(b)
	n := 0
	for n < len(aw) && n < len(bw) && aw[n] == bw[n] {
		n++
	}
	for s := 0; s < len(aw)-n && s < len(bw)-n && aw[len(aw)-1-s] == bw[len(bw)-1-s]; s++ {
		n++
	}
	return n
}
