package users

import "testing"

// BenchmarkCheckPassword measures what one sign-in costs (the figure in
// HashPassword's parameters' comment).
func BenchmarkCheckPassword(b *testing.B) {
	h, err := HashPassword("a long enough password")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		CheckPassword(h, "a long enough password")
	}
}
