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
	return s.commitScreening(r, screen.Summarize(api, snap, results))
}

// commitScreening commits the summary of the request's screening (a
// screen.Summary, or a shape that embeds one) as observeScreen does: the
// request's key is the actor, and it returns once the entry is committed.
func (s *Server) commitScreening(r *http.Request, summary any) error {
	if s.audit == nil {
		return nil
	}
	actor := "anonymous"
	if k := info(r).key; k != "" {
		actor = "key:" + k
	}
	if err := s.audit.Commit(r.Context(), actor, chain.ActionScreen, "request/"+info(r).id, summary); err != nil {
		s.log.Error("screening not answered: its summary could not be recorded in the audit trail", "request", info(r).id, "err", err)
		return errorf(CodeInternal, "the screening could not be recorded in the audit trail, so it is not answered; retry")
	}
	return nil
}

// textScreening is the audit entry of a /v1/text call, the shape of the
// CLI's veto text entry: the text is one query, its findings are counted
// by kind, and those naming a listed entity are its hits. Neither the
// text nor the words found in it are kept.
type textScreening struct {
	screen.Summary
	// Findings counts the findings by kind; Bytes is the text's length.
	Findings map[string]int `json:"findings"`
	Bytes    int            `json:"bytes"`
	// Truncated says the scan stopped at its cap on findings.
	Truncated bool `json:"truncated,omitempty"`
}

func summarizeText(snap *screen.Snapshot, size int, findings []textFinding, truncated bool) textScreening {
	res := screen.Result{}
	sum := textScreening{Findings: map[string]int{}, Bytes: size, Truncated: truncated}
	for _, f := range findings {
		sum.Findings[string(f.Kind)]++
		if f.Entity != nil {
			h := screen.Hit{EntityID: f.Entity.ID, Score: f.Score}
			if f.Subject != nil {
				h.Subject = f.Subject.ID
			}
			res.Hits = append(res.Hits, h)
		}
	}
	sum.Summary = screen.Summarize("text", snap, []screen.Result{res})
	return sum
}
