package users

import "sync"

// HashStats counts the password checks of sign-ins: how many run now,
// the most that ran at once, and how many ran in all. Each takes 64 MiB
// and a core for about 80 ms, so these say what sign-ins cost the server.
type HashStats struct {
	InFlight, Peak, Total int
}

// hashCounter keeps the HashStats.
type hashCounter struct {
	mu sync.Mutex
	HashStats
}

func (c *hashCounter) start() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.InFlight++
	c.Total++
	c.Peak = max(c.Peak, c.InFlight)
}

func (c *hashCounter) done() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.InFlight--
}

func (c *hashCounter) stats() HashStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.HashStats
}
