package index

import (
	"slices"
)

// strSet is a set of distinct strings (phonetic skeletons, or forms), each
// with the vocabulary entries that have it, searchable by edit distance.
//
// Search is by deletion neighbourhood (FastSS): two strings are within k
// edits (insertions, deletions, substitutions, swaps of neighbours) only
// if deleting at most k letters from each makes them equal; a swap "ab" /
// "ba" is one deletion on each side. So every string is indexed under the
// hashes of itself and of its variants with one letter deleted, and with
// two deleted if it is long enough for two edits to be tolerated
// (wordsForTwoEdits); a query looks up itself and its own variants, and
// finds every candidate in a few dozen binary searches, whatever the
// vocabulary's size.
type strSet struct {
	strs    []string
	ids     map[string]uint32
	entries [][]uint32
	// two marks the strings indexed with two deletions.
	two []bool
	// delKeys are the sorted hashes of the strings and their deletion
	// variants; delIDs[delOff[i]:delOff[i+1]] the strings behind key i.
	delKeys []uint64
	delOff  []uint32
	delIDs  []uint32
	// bucket[b] is the first index in delKeys of a key whose top
	// bucketBits bits are b, so a probe searches a handful of keys.
	bucket []uint32
}

const bucketBits = 20

// twoEditsFrom is the length from which a string is indexed with two
// deletions: match tolerates two edits only between words of at least
// Edit2MinLen letters (8 by default); configurations that allow two
// edits on shorter words fall back to a scan (see near).
const twoEditsFrom = 8

func newStrSet() *strSet { return &strSet{ids: map[string]uint32{}} }

// add records that entry has string s. twoEdits says the entry can be
// two edits from a query (a word; not a joined pair, which match allows
// one edit at most).
func (ss *strSet) add(s string, entry uint32, twoEdits bool) {
	id, ok := ss.ids[s]
	if !ok {
		id = uint32(len(ss.strs))
		ss.ids[s] = id
		ss.strs = append(ss.strs, s)
		ss.entries = append(ss.entries, nil)
		ss.two = append(ss.two, false)
	}
	ss.entries[id] = append(ss.entries[id], entry)
	if twoEdits && len(s) >= twoEditsFrom {
		ss.two[id] = true
	}
}

// lookup returns the entries with exactly s.
func (ss *strSet) lookup(s string) []uint32 {
	if id, ok := ss.ids[s]; ok {
		return ss.entries[id]
	}
	return nil
}

// build makes the search structures once all strings are added.
func (ss *strSet) build() {
	type pair struct {
		key uint64
		id  uint32
	}
	var pairs []pair
	for id, s := range ss.strs {
		if len(s) < 3 {
			continue
		}
		pairs = append(pairs, pair{hashDel(s, -1, -1), uint32(id)})
		for i := range len(s) {
			pairs = append(pairs, pair{hashDel(s, i, -1), uint32(id)})
			if ss.two[id] {
				for j := i + 1; j < len(s); j++ {
					pairs = append(pairs, pair{hashDel(s, i, j), uint32(id)})
				}
			}
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return int(a.id) - int(b.id)
	})
	ss.delKeys = make([]uint64, 0, len(pairs)/2)
	ss.delIDs = make([]uint32, 0, len(pairs))
	for i, p := range pairs {
		if i > 0 && p.key == pairs[i-1].key && p.id == pairs[i-1].id {
			continue // "aab" less either a is one variant
		}
		if i == 0 || p.key != pairs[i-1].key {
			ss.delKeys = append(ss.delKeys, p.key)
			ss.delOff = append(ss.delOff, uint32(len(ss.delIDs)))
		}
		ss.delIDs = append(ss.delIDs, p.id)
	}
	ss.delOff = append(ss.delOff, uint32(len(ss.delIDs)))
	ss.bucket = make([]uint32, 1<<bucketBits+1)
	k := 0
	for b := range ss.bucket {
		for k < len(ss.delKeys) && ss.delKeys[k]>>(64-bucketBits) < uint64(b) {
			k++
		}
		ss.bucket[b] = uint32(k)
	}
}

// find returns the index of key in delKeys.
func (ss *strSet) find(key uint64) (int, bool) {
	b := key >> (64 - bucketBits)
	lo, hi := int(ss.bucket[b]), int(ss.bucket[b+1])
	for i := lo; i < hi; i++ {
		if ss.delKeys[i] == key {
			return i, true
		}
	}
	return 0, false
}

// near appends the entries of every string that may be within limit edits
// of q (a superset: the caller checks each). Two edits are found among
// the strings indexed for them (see twoEditsFrom); a query shorter than
// that allowed two edits by its configuration is answered by a scan.
func (ss *strSet) near(q string, limit int, s *scratch, out []uint32) []uint32 {
	if limit <= 0 {
		return out
	}
	if limit > 2 || limit == 2 && len(q) < twoEditsFrom {
		for id, str := range ss.strs {
			if d := len(str) - len(q); d <= limit && -d <= limit {
				out = append(out, ss.entries[id]...)
			}
		}
		return out
	}
	seen := s.ctouch[:0]
	probe := func(key uint64) {
		i, ok := ss.find(key)
		if !ok {
			return
		}
		for _, id := range ss.delIDs[ss.delOff[i]:ss.delOff[i+1]] {
			if d := len(ss.strs[id]) - len(q); d > limit || d < -limit || indexOf(seen, id) >= 0 {
				continue
			}
			seen = append(seen, id)
			out = append(out, ss.entries[id]...)
		}
	}
	probe(hashDel(q, -1, -1))
	for i := range len(q) {
		if i > 0 && q[i] == q[i-1] {
			continue // the same variant as deleting q[i-1]
		}
		probe(hashDel(q, i, -1))
		if limit == 2 {
			for j := i + 1; j < len(q); j++ {
				if j > i+1 && q[j] == q[j-1] {
					continue
				}
				probe(hashDel(q, i, j))
			}
		}
	}
	s.ctouch = seen[:0]
	return out
}

// hashDel returns the FNV-1a hash of s without its bytes at positions a
// and b (-1: none), mixed with the resulting length, so that variants of
// different strings rarely collide; a collision only adds a candidate
// that the caller rejects.
func hashDel(s string, a, b int) uint64 {
	h := uint64(14695981039346656037)
	n := len(s)
	for i := 0; i < len(s); i++ {
		if i == a || i == b {
			n--
			continue
		}
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	// Mix so that the top bits, which pick the bucket, vary.
	h ^= uint64(n) << 56
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

func indexOf(s []uint32, x uint32) int {
	for i, y := range s {
		if y == x {
			return i
		}
	}
	return -1
}
