package resolve

import (
	"cmp"
	"slices"

	"github.com/vetoscreen/veto/entity"
)

// Stats summarise a resolution.
type Stats struct {
	Listings int `json:"listings"`
	Subjects int `json:"subjects"`
	// Joined counts the subjects of more than one listing.
	Joined int `json:"joined"`
	// BySchema counts subjects by schema.
	BySchema map[entity.Schema]int `json:"bySchema"`
	// Sizes counts subjects by number of members: Sizes[n] subjects have
	// n members.
	Sizes map[int]int `json:"sizes"`
	// Links counts the links that joined members, by evidence.
	Links map[Evidence]int `json:"links"`
	// Vetoed counts links refused by a contradiction or a decision.
	Vetoed map[Evidence]int `json:"vetoed"`
	// Possible is the length of the possible-same queue.
	Possible int `json:"possible"`
	// Largest are the largest subjects, at most ten (see
	// Resolution.Largest for more).
	Largest []*Subject `json:"largest"`
}

// Stats returns the resolution's statistics.
func (r *Resolution) Stats() Stats {
	s := Stats{
		Subjects: len(r.Subjects),
		BySchema: map[entity.Schema]int{},
		Sizes:    map[int]int{},
		Links:    map[Evidence]int{},
		Vetoed:   r.Vetoed,
		Possible: len(r.Possible),
	}
	for _, sub := range r.Subjects {
		s.Listings += len(sub.Members)
		s.BySchema[sub.Schema]++
		s.Sizes[len(sub.Members)]++
		if len(sub.Members) > 1 {
			s.Joined++
		}
		for _, l := range sub.Links {
			s.Links[l.Evidence]++
		}
	}
	s.Largest = r.Largest(10)
	return s
}

// Largest returns the n subjects of most listings, largest first (ties
// in the resolution's order).
func (r *Resolution) Largest(n int) []*Subject {
	largest := slices.Clone(r.Subjects)
	slices.SortStableFunc(largest, func(a, b *Subject) int { return cmp.Compare(len(b.Members), len(a.Members)) })
	return largest[:min(max(n, 0), len(largest))]
}

// Agreement compares the pairs of listings that two resolutions put in
// one subject, as pairwise precision and recall of got against want,
// over the listings keep accepts (nil: all).
type Agreement struct {
	// Pairs is the number of pairs joined in want; Found of them joined in
	// got too; Joined is the number joined in got.
	Pairs, Found, Joined int
	Precision, Recall    float64
}

// Compare measures how well got joins the pairs want joins: pairwise
// precision (of got's pairs, how many want has) and recall (of want's,
// how many got has), over the pairs of listings keep accepts.
func Compare(got, want *Resolution, keep func(a, b string) bool) Agreement {
	var a Agreement
	pairs := func(r *Resolution, fn func(x, y string)) {
		for _, s := range r.Subjects {
			for i := range s.Members {
				for j := i + 1; j < len(s.Members); j++ {
					x, y := s.Members[i].EntityID, s.Members[j].EntityID
					if keep == nil || keep(x, y) {
						fn(x, y)
					}
				}
			}
		}
	}
	same := func(r *Resolution, x, y string) bool {
		sx, ok := r.byMem[x]
		return ok && sx == r.byMem[y]
	}
	pairs(want, func(x, y string) {
		a.Pairs++
		if same(got, x, y) {
			a.Found++
		}
	})
	correct := 0
	pairs(got, func(x, y string) {
		a.Joined++
		if same(want, x, y) {
			correct++
		}
	})
	a.Precision, a.Recall = 1, 1
	if a.Joined > 0 {
		a.Precision = float64(correct) / float64(a.Joined)
	}
	if a.Pairs > 0 {
		a.Recall = float64(a.Found) / float64(a.Pairs)
	}
	return a
}
