package api

import (
	"net/http"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/screen"
)

// WithAudit records every screening call's outcome summary in the audit
// trail.
func WithAudit(l *audit.Log) Option { return func(s *Server) { s.audit = l } }

// observeScreen counts a screening call's results in the metrics and
// commits its summary (screen.Summarize: the key is the entry's actor; no
// names; the versions of snap, which the results were screened against)
// to the audit trail, in one transaction with the summaries of the
// requests answered at the same time (group commit). It returns once the
// summary is committed: the response is written after, so that a
// screening answered is a screening on the trail; when the commit fails
// the request fails with a 500 instead of being answered.
func (s *Server) observeScreen(r *http.Request, snap *screen.Snapshot, api string, results []screen.Result) error {
	s.metrics.observeScreen(api, results)
	if s.audit == nil {
		return nil
	}
	actor := "anonymous"
	if k := info(r).key; k != "" {
		actor = "key:" + k
	}
	if err := s.audit.Commit(r.Context(), actor, chain.ActionScreen, "request/"+info(r).id, screen.Summarize(api, snap, results)); err != nil {
		s.log.Error("screening not answered: its summary could not be recorded in the audit trail", "request", info(r).id, "err", err)
		return errorf(CodeInternal, "the screening could not be recorded in the audit trail, so it is not answered; retry")
	}
	return nil
}
