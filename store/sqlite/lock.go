package sqlite

import (
	"context"
	"sync"
)

// locks are the locks held in this process. A SQLite store is one
// process's (several processes on one file would contend for its write
// lock anyway), so an in-process lock is all TryLock needs.
var (
	locksMu sync.Mutex
	locks   = map[string]bool{}
)

// TryLock implements store.Locker.
func (s *DB) TryLock(_ context.Context, name string) (func(), bool, error) {
	key := s.path + "\x00" + name
	locksMu.Lock()
	defer locksMu.Unlock()
	if locks[key] {
		return nil, false, nil
	}
	locks[key] = true
	var once sync.Once
	return func() {
		once.Do(func() {
			locksMu.Lock()
			delete(locks, key)
			locksMu.Unlock()
		})
	}, true, nil
}
