package index

import "slices"

// strSet is a set of distinct strings (phonetic skeletons, or forms), each
// with the vocabulary entries that have it, searchable by edit distance.
//
// Search is by deletion neighbourhood (FastSS): two strings are within k
// edits (insertions, deletions, substitutions, swaps of neighbours) only
// if deleting at most k letters from each makes them equal; a swap "ab" /
// "ba" is one deletion on each side. So every string is indexed under the
// hashes of itself and of its variants with one letter deleted, and with
// two deleted if it is long enough for two edits to be tolerated
// (twoEditsFrom); a query looks up itself and its own variants, and finds
// every candidate in a few dozen probes, whatever the vocabulary's size.
type strSet struct {
	strs    []string
	ids     map[string]uint32
	entries [][]uint32
	// two marks the strings indexed with two deletions.
	two []bool
	// dels holds, sorted, one word per string and deletion variant: the
	// variant's hash in the top bits, the string's id in the low idBits.
	dels []uint64
	// bucket[b] is the first index in dels of a word whose top
	// bucketBits bits are b, so a probe reads a handful of words.
	bucket []uint32
}

const (
	idBits     = 20 // at most a million distinct strings per set
	bucketBits = 20
	// twoEditsFrom is the length from which a string is indexed with two
	// deletions: match tolerates two edits only between words of at least
	// Edit2MinLen letters (8 by default); configurations that allow two
	// edits on shorter words fall back to a scan (see near).
	twoEditsFrom = 8
)

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
	if len(ss.strs) >= 1<<idBits {
		panic("index: more than a million distinct strings in one set")
	}
	n := 0
	for id, s := range ss.strs {
		if len(s) >= 3 {
			n += 1 + len(s)
			if ss.two[id] {
				n += len(s) * (len(s) - 1) / 2
			}
		}
	}
	ss.dels = make([]uint64, 0, n)
	for id, s := range ss.strs {
		if len(s) < 3 {
			continue
		}
		word := func(h uint64) uint64 { return h>>idBits<<idBits | uint64(id) }
		ss.dels = append(ss.dels, word(hashDel(s, -1, -1)))
		for i := range len(s) {
			ss.dels = append(ss.dels, word(hashDel(s, i, -1)))
			if ss.two[id] {
				for j := i + 1; j < len(s); j++ {
					ss.dels = append(ss.dels, word(hashDel(s, i, j)))
				}
			}
		}
	}
	slices.Sort(ss.dels)
	ss.dels = slices.Compact(ss.dels) // "aab" less either a is one variant
	ss.bucket = make([]uint32, 1<<bucketBits+1)
	k := 0
	for b := range ss.bucket {
		for k < len(ss.dels) && ss.dels[k]>>(64-bucketBits) < uint64(b) {
			k++
		}
		ss.bucket[b] = uint32(k)
	}
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
		h := key >> idBits
		b := key >> (64 - bucketBits)
		for _, w := range ss.dels[ss.bucket[b]:ss.bucket[b+1]] {
			if w>>idBits != h {
				continue
			}
			id := uint32(w & (1<<idBits - 1))
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

// hashDel returns a hash of s without its bytes at positions a and b (-1:
// none), mixed with the resulting length, so that variants of different
// strings rarely meet; when they do, the caller rejects the candidate.
func hashDel(s string, a, b int) uint64 {
	h := uint64(14695981039346656037) // FNV-1a
	n := len(s)
	for i := 0; i < len(s); i++ {
		if i == a || i == b {
			n--
			continue
		}
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	// Mix, so that the top bits, which pick the bucket, vary.
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

// firstDeleted appends the entries of the strings of q's length that
// equal q but for their first letter (a superset: hash collisions).
func (ss *strSet) firstDeleted(q string, s *scratch, out []uint32) []uint32 {
	key := hashDel(q, 0, -1)
	h, b := key>>idBits, key>>(64-bucketBits)
	for _, w := range ss.dels[ss.bucket[b]:ss.bucket[b+1]] {
		if id := uint32(w & (1<<idBits - 1)); w>>idBits == h && len(ss.strs[id]) == len(q) {
			out = append(out, ss.entries[id]...)
		}
	}
	return out
}
