package web

import (
	"net/http"
	"slices"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// Audit page sizes: entries are verified auditPage at a time, and the
// last auditRecent are shown.
const (
	auditPage   = 5000
	auditRecent = 50
)

type auditView struct {
	*layout
	OK       bool
	Problems []chain.Problem
	// Entries is the number verified, Head the last entry's hash.
	Entries int64
	Head    string
	Took    time.Duration
	// Recent are the last entries, newest first.
	Recent []entity.AuditEntry
}

// audit verifies the whole audit trail, page by page, and shows its
// state, its head hash (what a regulator compares with a later export)
// and the most recent entries.
func (s *server) audit(w http.ResponseWriter, r *http.Request, rq *request) error {
	start := time.Now()
	ver := chain.NewVerifier()
	var anchorProblems []chain.Problem
	if s.Anchor != nil {
		valid, problems, _, err := s.Anchor.Checked(r.Context())
		if err != nil {
			return err
		}
		ver.Checkpoints(valid)
		anchorProblems = problems
	}
	var recent []entity.AuditEntry
	var after int64
	for {
		es, err := s.Store.AuditEntries(r.Context(), store.AuditFilter{AfterSeq: after, Limit: auditPage})
		if err != nil {
			return err
		}
		for _, e := range es {
			ver.Add(e)
		}
		recent = append(recent, es...)
		if len(recent) > auditRecent {
			recent = slices.Clone(recent[len(recent)-auditRecent:])
		}
		if len(es) < auditPage {
			break
		}
		after = es[len(es)-1].Seq
	}
	slices.Reverse(recent)
	n, head := ver.Head()
	problems := append(anchorProblems, ver.Problems()...)
	v := &auditView{layout: s.layout(r, rq, "Audit trail", "audit"), OK: len(problems) == 0, Problems: problems,
		Entries: n, Head: head, Took: time.Since(start).Round(time.Millisecond), Recent: recent}
	s.render(w, r, http.StatusOK, "audit", v)
	return nil
}
