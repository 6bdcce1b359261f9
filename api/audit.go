package api

import (
	"net/http"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/screen"
)

// WithAudit records every screening call's outcome summary in the audit
// trail.
func WithAudit(l *audit.Log) Option { return func(s *Server) { s.audit = l } }

// observeScreen counts a screening call's results in the metrics and
// queues its summary (screen.Summarize: the key is the entry's actor; no
// names) for the audit trail, batched: screening does not wait for a
// database commit.
func (s *Server) observeScreen(r *http.Request, api string, results []screen.Result) {
	s.metrics.observeScreen(api, results)
	if s.audit == nil {
		return
	}
	actor := "anonymous"
	if k := info(r).key; k != "" {
		actor = "key:" + k
	}
	s.audit.Async(actor, audit.ActionScreen, "request/"+info(r).id, screen.Summarize(api, s.keeper.Status().Data, results))
}
