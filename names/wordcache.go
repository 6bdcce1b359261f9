package names

import (
	"hash/maphash"
	"strings"
	"sync"
)

// derived is what newToken derives from a word's form alone: its keys.
type derived struct {
	phon, cons, loose, aloose, stem, key, slav string
	slavMark                                   bool
	// alt and altStem are the skeleton and stem of the national reading
	// (see national), "" when they are phon and stem.
	alt, altStem string
}

type wordKey struct {
	form        string
	abjad, chKh bool
	lang        reading
}

// wordCache remembers the keys of words already analysed. Names repeat
// their words (Muhammad, Trading, Limited; the same query screened
// again), and a word's keys cost microseconds: its East Asian syllable
// parses above all. The cache is bounded: a full shard is emptied.
var wordCache = func() *derivedCache {
	c := &derivedCache{seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = make(map[wordKey]derived)
	}
	return c
}()

type derivedCache struct {
	seed   maphash.Seed
	shards [64]struct {
		mu sync.RWMutex
		m  map[wordKey]derived
	}
}

// wordShardSize bounds each shard: 64 × 4096 words, some tens of
// megabytes at most.
const wordShardSize = 4096

func (c *derivedCache) derive(form string, abjad, chIsKh bool, lang reading) derived {
	k := wordKey{form, abjad, chIsKh, lang}
	sh := &c.shards[maphash.String(c.seed, form)%uint64(len(c.shards))]
	sh.mu.RLock()
	d, ok := sh.m[k]
	sh.mu.RUnlock()
	if ok {
		return d
	}
	p := phon(form, abjad)
	d = derived{phon: p, cons: Cons(p), loose: Loose(p), aloose: AbjadLoose(p), stem: stem(form), key: SyllableKey(form)}
	if !abjad {
		d.slav = SlavicKey(form)
		d.slavMark = d.slav != "" && SlavicMark(form)
	}
	if abjad {
		// The letters apart (see phonApart); the consonant skeletons
		// compare as abjad spellings, not as national readings.
		if a := phonApart(form); a != p {
			d.alt = a
		}
	}
	n := national(form, chIsKh, lang)
	if n == "" {
		n = kunrei(form)
	}
	if n != "" && !abjad {
		if a := phon(n, false); a != p {
			d.alt = a
		}
		if st := stem(n); st != d.stem {
			d.altStem = st
		}
	}
	if !abjad && d.alt == "" && strings.Contains(form, "zh") {
		// Latin zh is one sound (Zhukov), but in an Arabic, Persian or
		// Urdu name romanised letter by letter it is z and h side by
		// side (Mazhar, Mazhari: مظهر, مظهري): read it both ways, the
		// second as abjad spellings are read.
		if a := phon(form, true); a != p {
			d.alt = a
		}
	}
	sh.mu.Lock()
	if len(sh.m) >= wordShardSize {
		clear(sh.m)
	}
	sh.m[k] = d
	sh.mu.Unlock()
	return d
}

// Skeletons returns the phonetic and consonant skeletons and the East
// Asian syllable key of a folded form, as a token of it would have them
// (remembered, as for the words Analyze makes).
func Skeletons(form string, abjad bool) (phon, cons, key string) {
	d := wordCache.derive(form, abjad, false, anyReading)
	return d.phon, d.cons, d.key
}
