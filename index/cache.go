package index

import (
	"hash/maphash"
	"sync"

	"github.com/vetoscreen/veto/match"
)

// expansionCache remembers the expansions of query tokens computed with
// the index's own Config: names repeat (Mohammed, Sergei, Trading), and a
// remembered expansion turns the costliest step of a search into a map
// lookup. It is bounded: a full shard drops half its entries.
type expansionCache struct {
	seed   maphash.Seed
	shards [32]cacheShard
}

type cacheShard struct {
	mu sync.RWMutex
	m  map[vocabKey]expansion
}

// cacheShardSize bounds each shard; 32 shards of 4096 hold 131,072
// expansions, a few megabytes.
const cacheShardSize = 4096

func newExpansionCache() *expansionCache {
	c := &expansionCache{seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = make(map[vocabKey]expansion)
	}
	return c
}

func (c *expansionCache) shard(k vocabKey) *cacheShard {
	return &c.shards[maphash.String(c.seed, k.form)%uint64(len(c.shards))]
}

func (c *expansionCache) get(k vocabKey) (expansion, bool) {
	sh := c.shard(k)
	sh.mu.RLock()
	e, ok := sh.m[k]
	sh.mu.RUnlock()
	return e, ok
}

func (c *expansionCache) put(k vocabKey, e expansion) {
	sh := c.shard(k)
	sh.mu.Lock()
	if len(sh.m) >= cacheShardSize {
		i := 0
		for key := range sh.m {
			if i%2 == 0 {
				delete(sh.m, key)
			}
			i++
		}
	}
	sh.m[k] = e
	sh.mu.Unlock()
}

// sameSims reports whether two configs compute the same token
// similarities, so that expansions made with one serve the other.
func sameSims(a, b *match.Config) bool {
	return a.SimExact == b.SimExact && a.SimPhon == b.SimPhon && a.SimEdit1 == b.SimEdit1 && a.SimEdit1Short == b.SimEdit1Short && a.SimEdit2 == b.SimEdit2 &&
		a.SimCons == b.SimCons && a.SimConsAbjad == b.SimConsAbjad && a.SimInitial == b.SimInitial &&
		a.SimJoined == b.SimJoined && a.SimLegalForm == b.SimLegalForm && a.Edit1MinLen == b.Edit1MinLen &&
		a.Edit2MinLen == b.Edit2MinLen && a.ConsMinLen == b.ConsMinLen && a.ConsMinLenAbjad == b.ConsMinLenAbjad && a.ReadingEditMinLen == b.ReadingEditMinLen &&
		a.SimStem == b.SimStem && a.SimKey == b.SimKey && a.SimLoose == b.SimLoose && a.SimLooseShort == b.SimLooseShort &&
		a.SimNickname == b.SimNickname && a.SimSlavic == b.SimSlavic && a.SimAcronym == b.SimAcronym
}
