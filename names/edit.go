package names

// EditDistance returns the optimal-string-alignment distance between a and
// b (insertions, deletions, substitutions and transpositions of adjacent
// letters), or limit+1 when it exceeds limit. It works on bytes, which is
// right for the ASCII skeletons it is used on.
func EditDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if a == b {
		return 0
	}
	// Three rows suffice for transpositions; the strings are short.
	n := len(b)
	var buf [3 * 64]int
	var prev2, prev, cur []int
	if n+1 <= 64 {
		prev2, prev, cur = buf[0:n+1], buf[64:64+n+1], buf[128:128+n+1]
	} else {
		prev2, prev, cur = make([]int, n+1), make([]int, n+1), make([]int, n+1)
	}
	for j := 0; j <= n; j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= n; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[n] > limit {
		return limit + 1
	}
	return prev[n]
}
