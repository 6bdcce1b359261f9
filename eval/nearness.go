package eval

import (
	"slices"
	"strings"

	"github.com/vetoscreen/veto/names"
)

// listedName is what the checks need of each listed name, in the order of
// generator.phons' name numbers.
type listedName struct {
	patronymics []string // phonetic forms
	numbers     []string
	legalForms  []string // canonical classes
	seq         []string // word and particle forms in order, for nasab chains
}

// nearIndex finds the listed names that hold a word or one near it.
type nearIndex struct {
	// deletions maps each listed word's phonetic form, and each form with
	// one letter deleted, to the forms it comes from: two forms within
	// one edit share a key.
	deletions map[string][]string
	// cons maps consonant skeletons of three or more letters to the names
	// holding a word with that skeleton (Oleksandr and Aleksandr, Muhammad
	// and Mohammed).
	cons map[string]map[int32]bool
}

// addListedName records what the checks need of listed name number n.
func (g *generator) addListedName(n int32, a names.Name) {
	var ln listedName
	for _, t := range a.Tokens {
		switch t.Kind {
		case names.Patronymic:
			ln.patronymics = append(ln.patronymics, t.Phon)
		case names.Number:
			ln.numbers = append(ln.numbers, t.Form)
		case names.LegalForm:
			ln.legalForms = append(ln.legalForms, t.Form)
		case names.Word, names.Particle:
			ln.seq = append(ln.seq, t.Phon)
		}
		if len(t.Cons) >= 3 {
			if g.near.cons[t.Cons] == nil {
				g.near.cons[t.Cons] = map[int32]bool{}
			}
			g.near.cons[t.Cons][n] = true
		}
	}
	g.nameInfo = append(g.nameInfo, ln)
}

// indexNear indexes every listed word under its deletion keys.
func (g *generator) indexNear() {
	for p := range g.phons {
		for _, k := range deletionKeys(p) {
			g.near.deletions[k] = append(g.near.deletions[k], p)
		}
	}
}

// deletionKeys are a word and the word with each one letter deleted.
func deletionKeys(p string) []string {
	out := []string{p}
	for i := range len(p) {
		out = append(out, p[:i]+p[i+1:])
	}
	return out
}

// nearNames returns the listed names holding the word of token t or one
// within an edit of it, or with its consonant skeleton.
func (g *generator) nearNames(t names.Token) map[int32]bool {
	out := map[int32]bool{}
	for _, k := range deletionKeys(t.Phon) {
		for _, p := range g.near.deletions[k] {
			for n := range g.phons[p] {
				out[n] = true
			}
		}
	}
	if len(t.Cons) >= 3 {
		for n := range g.near.cons[t.Cons] {
			out[n] = true
		}
	}
	return out
}

// holders returns the listed names that hold, for every name word of a
// (but a qualifier in parentheses), that word or one near it (nearNames):
// the names a might be a spelling or a typing error of. A negative made
// from a listed name passes only when each of these has the part that
// names another party, so that it is no listed name misspelt.
func (g *generator) holders(a names.Name) []int32 {
	var sets []map[int32]bool
	for _, t := range a.Tokens {
		if t.Kind == names.Word && !t.Paren {
			sets = append(sets, g.nearNames(t))
		}
	}
	if len(sets) == 0 {
		return nil
	}
	slices.SortFunc(sets, func(x, y map[int32]bool) int { return len(x) - len(y) })
	var out []int32
	for n := range sets[0] {
		if !slices.ContainsFunc(sets[1:], func(s map[int32]bool) bool { return !s[n] }) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// heldTogether reports whether some listed name holds all the words, or
// words near them.
func (g *generator) heldTogether(ws ...string) bool {
	return len(g.holders(names.Analyze(strings.Join(ws, " ")))) > 0
}

// nearForm reports whether two phonetic forms are within an edit, or
// share a consonant skeleton of three or more letters.
func nearForm(a, b string) bool {
	if editDistance(a, b) <= 1 {
		return true
	}
	ca, cb := consOf(a), consOf(b)
	return len(ca) >= 3 && ca == cb
}

// editDistance is the Levenshtein distance of two strings, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// distinct reports whether two given names are far enough apart that a
// careful reader takes them for two names, not one misspelt: more than a
// quarter of the longer one's letters, and at least two, must change
// (Amin and Amir, Mochammad and Muhammad are too near), and they may not
// be one name in two languages (Igor and Ihar) or a name and its short
// form.
func distinct(a, b string) bool {
	pa, pb := tokenPhon(a), tokenPhon(b)
	if pa == "" || pb == "" || nearForm(pa, pb) || sameName(formOf(a), formOf(b)) {
		return false
	}
	return editDistance(pa, pb) > max(1, max(len(pa), len(pb))/4)
}
