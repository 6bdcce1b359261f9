package index

import "slices"

// strSet is a set of distinct strings (phonetic skeletons, or forms), each
// with the vocabulary entries that have it, searchable by edit distance
// through a trigram index.
type strSet struct {
	strs    []string
	ids     map[string]uint32
	entries [][]uint32
	grams   map[uint32][]uint32
}

func newStrSet() *strSet { return &strSet{ids: map[string]uint32{}} }

// add records that entry has string s.
func (ss *strSet) add(s string, entry uint32) {
	id, ok := ss.ids[s]
	if !ok {
		id = uint32(len(ss.strs))
		ss.ids[s] = id
		ss.strs = append(ss.strs, s)
		ss.entries = append(ss.entries, nil)
	}
	ss.entries[id] = append(ss.entries[id], entry)
}

// lookup returns the entries with exactly s.
func (ss *strSet) lookup(s string) []uint32 {
	if id, ok := ss.ids[s]; ok {
		return ss.entries[id]
	}
	return nil
}

// buildGrams indexes every string by its padded trigrams.
func (ss *strSet) buildGrams() {
	ss.grams = make(map[uint32][]uint32, len(ss.strs)*2)
	var buf []uint32
	for id, s := range ss.strs {
		buf = trigramsOf(s, buf[:0])
		for i, g := range buf {
			if indexOf(buf[:i], g) >= 0 {
				continue // count each distinct trigram once per string
			}
			ss.grams[g] = append(ss.grams[g], uint32(id))
		}
	}
}

// near appends the entries of every string that may be within limit edits
// of q. A string within d edits of q shares at least k-4d of q's k
// distinct trigrams, since one edit (a transposition at worst) spoils at
// most four. By the pigeonhole principle it then holds one of any 4d+1 of
// them: so the postings of the 4d+1 rarest trigrams give every near
// string, and the common ones ("starts with m", "ends in i") are never
// walked. Each string found is checked by length and by the exact count
// of shared trigrams.
func (ss *strSet) near(q string, limit int, s *scratch, out []uint32) []uint32 {
	if limit <= 0 {
		return out
	}
	s.grams = trigramsOf(q, s.grams[:0])
	slices.Sort(s.grams)
	s.grams = slices.Compact(s.grams)
	need := len(s.grams) - 4*limit
	close := func(id uint32) bool {
		d := len(ss.strs[id]) - len(q)
		return d <= limit && -d <= limit
	}
	if need <= 0 {
		// Too short for the filter to prune safely: check every string.
		for id := range ss.strs {
			if close(uint32(id)) {
				out = append(out, ss.entries[id]...)
			}
		}
		return out
	}
	slices.SortFunc(s.grams, func(a, b uint32) int { return len(ss.grams[a]) - len(ss.grams[b]) })
	if len(s.counts) < len(ss.strs) {
		s.counts = make([]uint8, len(ss.strs))
	}
	for _, g := range s.grams[:4*limit+1] {
		for _, id := range ss.grams[g] {
			if s.counts[id] == 0 {
				s.counts[id] = 1
				s.ctouch = append(s.ctouch, id)
			}
		}
	}
	for _, id := range s.ctouch {
		s.counts[id] = 0
		if close(id) && sharedTrigrams(ss.strs[id], s.grams, s) >= need {
			out = append(out, ss.entries[id]...)
		}
	}
	s.ctouch = s.ctouch[:0]
	return out
}

// sharedTrigrams counts how many of grams (distinct) occur in p.
func sharedTrigrams(p string, grams []uint32, s *scratch) int {
	s.pgrams = trigramsOf(p, s.pgrams[:0])
	n := 0
	for _, g := range grams {
		if indexOf(s.pgrams, g) >= 0 {
			n++
		}
	}
	return n
}

// trigramsOf appends the trigrams of s padded with two start and two end
// marks: a string of n letters has n+2 of them.
func trigramsOf(s string, out []uint32) []uint32 {
	const start, end = 1, 2
	n := len(s)
	at := func(i int) uint32 {
		switch {
		case i < 0:
			return start
		case i >= n:
			return end
		}
		return uint32(s[i])
	}
	for i := -2; i < n; i++ {
		out = append(out, at(i)<<16|at(i+1)<<8|at(i+2))
	}
	return out
}

func indexOf(s []uint32, x uint32) int {
	for i, y := range s {
		if y == x {
			return i
		}
	}
	return -1
}
