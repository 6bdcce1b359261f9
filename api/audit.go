package api

import (
	"net/http"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/screen"
)

// WithAudit records every screening call's outcome summary in the audit
// trail.
func WithAudit(l *audit.Log) Option { return func(s *Server) { s.audit = l } }

// maxAuditHits bounds the hits listed in one screening call's audit
// entry; the counts always cover them all.
const maxAuditHits = 100

// screenSummary is what the audit trail keeps of a screening call: who
// (the key, as the entry's actor), which request, how many queries, and
// which query IDs hit which entities at what score — not the names
// screened, which stay in the bank's own systems.
type screenSummary struct {
	API      string     `json:"api"`
	Data     string     `json:"data"`
	Queries  int        `json:"queries"`
	WithHits int        `json:"withHits"`
	Hits     int        `json:"hits"`
	Best     float64    `json:"best"`
	Matched  []auditHit `json:"matched,omitempty"`
}

type auditHit struct {
	Query  string  `json:"query,omitempty"`
	Entity string  `json:"entity"`
	Score  float64 `json:"score"`
}

// observeScreen counts a screening call's results in the metrics and
// queues its summary for the audit trail (batched: screening does not wait
// for a database commit).
func (s *Server) observeScreen(r *http.Request, api string, results []screen.Result) {
	s.metrics.observeScreen(api, results)
	if s.audit == nil {
		return
	}
	sum := screenSummary{API: api, Data: string(s.keeper.Status().Data), Queries: len(results)}
	for _, res := range results {
		if len(res.Hits) > 0 {
			sum.WithHits++
		}
		for _, h := range res.Hits {
			sum.Hits++
			sum.Best = max(sum.Best, h.Score)
			if len(sum.Matched) < maxAuditHits {
				sum.Matched = append(sum.Matched, auditHit{res.ID, h.EntityID, h.Score})
			}
		}
	}
	actor := "anonymous"
	if k := info(r).key; k != "" {
		actor = "key:" + k
	}
	s.audit.Async(actor, audit.ActionScreen, "request/"+info(r).id, sum)
}
