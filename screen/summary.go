package screen

import (
	"encoding/json"
	"time"

	"github.com/vetoscreen/veto/entity"
)

// Summary is what the audit trail keeps of a screening call: how many
// queries, which query IDs hit which entities at what score — not the
// names screened, which stay in the bank's own systems. The API and the
// web UI record the same shape.
type Summary struct {
	// API is where the call came from: native, yente, text, ui.
	API  string `json:"api"`
	Data string `json:"data"`
	// Versions are the list versions screened against, in compact form
	// ("un-sc@7"; the store's audit entry of each version has its hash),
	// AsOf the instant they were in force at for an as-of screening, and
	// Absent the lists of which none was.
	Versions []string  `json:"versions"`
	AsOf     time.Time `json:"asOf,omitzero"`
	Absent   []string  `json:"absent,omitempty"`
	Queries  int       `json:"queries"`
	WithHits int       `json:"withHits"`
	Hits     int       `json:"hits"`
	Best     float64   `json:"best"`
	Matched  []Matched `json:"matched,omitempty"`
}

// Matched is one hit in a Summary: the entity (a subject's best listing
// matched), its score, and for a hit grouped by subject, the subject and
// the other listings of it matched.
type Matched struct {
	Query    string   `json:"query,omitempty"`
	Entity   string   `json:"entity"`
	Score    float64  `json:"score"`
	Subject  string   `json:"subject,omitempty"`
	Listings []string `json:"listings,omitempty"`
}

// MaxSummaryHits bounds the hits listed in a Summary; its counts always
// cover them all.
const MaxSummaryHits = 100

// Summarize sums up the results of one screening call against snap.
func Summarize(api string, snap *Snapshot, results []Result) Summary {
	sum := Summary{API: api, Data: string(DataNone), Versions: []string{}}
	if snap != nil {
		sum.Data, sum.Versions, sum.AsOf, sum.Absent = string(snap.Data), snap.compact, snap.AsOf, snap.Absent
	}
	for i := range results {
		sum.Add(&results[i])
	}
	return sum
}

// Add counts one more query's result in the summary: a batch job sums up
// its rows one by one, without keeping the results of a file of a million.
func (sum *Summary) Add(res *Result) {
	sum.Queries++
	if len(res.Hits) > 0 {
		sum.WithHits++
	}
	for _, h := range res.Hits {
		sum.Hits++
		sum.Best = max(sum.Best, h.Score)
		if len(sum.Matched) < MaxSummaryHits {
			m := Matched{Query: res.ID, Entity: h.EntityID, Score: h.Score, Subject: h.Subject, Listings: otherListings(h)}
			sum.Matched = append(sum.Matched, m)
		}
	}
}

// otherListings are the listings a hit grouped by subject matched besides
// its best.
func otherListings(h Hit) []string {
	var out []string
	for _, l := range h.Matched {
		if l.EntityID != h.EntityID {
			out = append(out, l.EntityID)
		}
	}
	return out
}

// AddAlerts counts a monitoring run in the summary: customers screened,
// the alerts raised as its hits (a match raised or decided before is not
// raised, so not counted, again), the customers' own references as the
// query IDs.
func (sum *Summary) AddAlerts(customers int, alerts []entity.Alert) {
	sum.Queries += customers
	with := map[string]bool{}
	for _, a := range alerts {
		if !with[a.CustomerID] {
			with[a.CustomerID] = true
			sum.WithHits++
		}
		sum.Hits++
		sum.Best = max(sum.Best, a.Score)
		if len(sum.Matched) < MaxSummaryHits {
			m := Matched{Query: a.CustomerID, Entity: a.EntityID, Score: a.Score}
			if len(a.Members) > 0 { // raised on a subject
				m.Subject = a.SubjectID
				var h Hit
				if json.Unmarshal(a.Hit, &h) == nil {
					m.Listings = otherListings(h)
				}
			}
			sum.Matched = append(sum.Matched, m)
		}
	}
}
