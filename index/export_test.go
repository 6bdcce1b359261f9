package index

import "sync"

// Forget drops what searches leave behind, the expansion cache and the
// pooled scratch space, so that the next search runs as on a new index.
func (ix *Index) Forget() {
	ix.cache = newExpansionCache()
	ix.pool = sync.Pool{}
}
