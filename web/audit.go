package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vetoscreen/veto/audit/chain"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/store"
)

// The audit page: the trail's entries, filtered and paged newest first by
// sequence number, and the state of the chain, verified in the background
// and cached.
const (
	// auditPage is the entries a verification reads at a time.
	auditPage = 5000
	// auditShown is the entries shown on a page.
	auditShown = 50
	// auditFresh is how long a verification's result stands before a
	// visit starts the next (incremental) one.
	auditFresh = time.Minute
	// auditWaitDefault is how long a visit waits for the verification it
	// started before showing the last result: a small trail's state is
	// then current on the first visit.
	auditWaitDefault = 2 * time.Second
	// auditRunLimit bounds one verification.
	auditRunLimit = 30 * time.Minute
)

// auditWindow is the entries a filtered page searches at most, back from
// its cursor: who, what and subject have no index (each would cost every
// append), so a rare actor is found window by window. A variable for
// tests.
var auditWindow int64 = 100_000

// auditActions are the actions offered by the page's filter.
var auditActions = []string{
	chain.ActionAlertDecide, chain.ActionAlertApprove, chain.ActionAlertReject, chain.ActionAlertAssign, chain.ActionNoteAdd, chain.ActionAttachmentAdd,
	chain.ActionAllowAdd, chain.ActionAllowRevoke, chain.ActionAlertMerge, chain.ActionAlertRenew, chain.ActionAlertResubject,
	chain.ActionScreen, chain.ActionMonitorRun, chain.ActionListVersion, chain.ActionCustomerRemove, chain.ActionSubjectDecide, chain.ActionSubjectRevoke,
	chain.ActionLogin, chain.ActionLoginFailed, chain.ActionLogout, chain.ActionUserCreate, chain.ActionUserUpdate, chain.ActionUserDisable,
	chain.ActionUserEnable, chain.ActionKeyCreate, chain.ActionKeyRevoke, chain.ActionAuditExport,
}

// chainState is the result of a verification of the chain.
type chainState struct {
	OK       bool
	Problems []chain.Problem
	// Entries is the number verified, UpTo the last one's seq, Head its
	// hash.
	Entries, UpTo int64
	Head          string
	// At is when the verification ended; Took how long it took; Full
	// whether it verified from the first entry (else from the last
	// verified one).
	At   time.Time
	Took time.Duration
	Full bool
	Err  string
}

// chainCheck verifies the audit trail in the background: each run goes on
// from the last entry verified (whose hash it checks first: a changed
// entry there, or a trail now shorter, starts again from the first), or
// from the first on demand and once a day (auditFullEvery), which is what
// finds an older entry changed. The page shows the last result.
type chainCheck struct {
	mu sync.Mutex
	// ver is the verifier of the last run, nil after a failed one;
	// lastFull when a run last started from the first entry.
	ver      *chain.Verifier
	lastFull time.Time
	last     chainState
	running  chan struct{} // closed when the run in progress ends; nil when none
	// fullNext, when not nil, is closed when the full run asked for
	// during another run ends: it starts when that one does.
	fullNext chan struct{}
}

// auditFullEvery is how often a visit's verification starts from the
// first entry rather than going on.
const auditFullEvery = 24 * time.Hour

// startVerify starts a verification unless one runs, and returns the
// channel closed when the run that answers the request ends: a run that
// will start from the first entry when full, else the one running or
// started.
func (s *server) startVerify(full bool) <-chan struct{} {
	c := &s.chain
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.running == nil {
		return s.launchVerify(full)
	}
	if !full {
		return c.running
	}
	// A run that goes on from the last entry is running: the full one
	// follows it.
	if c.fullNext == nil {
		c.fullNext = make(chan struct{})
	}
	return c.fullNext
}

// launchVerify starts a run, c.mu held, and returns the channel closed
// when it ends.
func (s *server) launchVerify(full bool) chan struct{} {
	c := &s.chain
	done := make(chan struct{})
	c.running = done
	ver := c.ver
	if full || s.cfg.Now().Sub(c.lastFull) > auditFullEvery {
		ver = nil
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), auditRunLimit)
		defer cancel()
		ver, st := s.verify(ctx, ver)
		c.mu.Lock()
		defer c.mu.Unlock()
		c.running, c.ver, c.last = nil, ver, st
		if st.Full && st.Err == "" {
			c.lastFull = st.At
		}
		close(done)
		if next := c.fullNext; next != nil {
			c.fullNext = nil
			after := s.launchVerify(true)
			go func() { <-after; close(next) }()
		}
	}()
	return done
}

// verify goes on verifying the trail with ver (nil: from the first
// entry), and returns the verifier and its result.
func (s *server) verify(ctx context.Context, ver *chain.Verifier) (*chain.Verifier, chainState) {
	start := time.Now()
	fail := func(err error) (*chain.Verifier, chainState) {
		s.log.Error("ui: audit verification", "err", err)
		return nil, chainState{At: s.cfg.Now(), Err: "the verification failed: " + err.Error()}
	}
	if ver != nil {
		// Go on only if the entry last verified is still there, as it was.
		_, hash := ver.Head()
		seq := ver.LastSeq()
		es, err := s.Store.AuditEntries(ctx, store.AuditFilter{AfterSeq: seq - 1, Limit: 1})
		if err != nil {
			return fail(err)
		}
		if len(es) == 0 || es[0].Seq != seq || es[0].Hash != hash {
			ver = nil
		}
	}
	full := ver == nil
	if full {
		ver = chain.NewVerifier()
	}
	var anchorProblems []chain.Problem
	if s.Anchor != nil {
		valid, problems, _, err := s.Anchor.Checked(ctx)
		if err != nil {
			return fail(err)
		}
		ver.Checkpoints(valid)
		anchorProblems = problems
	}
	for {
		es, err := s.Store.AuditEntries(ctx, store.AuditFilter{AfterSeq: ver.LastSeq(), Limit: auditPage})
		if err != nil {
			return fail(err)
		}
		for _, e := range es {
			ver.Add(e)
		}
		if len(es) < auditPage {
			break
		}
	}
	n, head := ver.Head()
	problems := append(anchorProblems, ver.Problems()...)
	return ver, chainState{OK: len(problems) == 0, Problems: problems, Entries: n, UpTo: ver.LastSeq(), Head: head,
		At: s.cfg.Now(), Took: time.Since(start).Round(10 * time.Microsecond), Full: full}
}

// auditQuery is the page's filter form, as in the URL.
type auditQuery struct {
	Actor, Action, Subject, From, To string
}

type auditView struct {
	*layout
	Chain   chainState
	Running bool
	Query   auditQuery
	Actions []string
	Entries []auditLine
	// Next is the URL of the older entries ("" on the last page), First
	// that of the newest when this is not the first page. Searched is the
	// range of entries a filtered page searched, when it is not all
	// before the cursor: Next then searches the next window.
	Next, First string
	Searched    string
	Window      int64
}

// auditLine is an entry as a sentence, with its data indented.
type auditLine struct {
	entity.AuditEntry
	Line, JSON string
	// Filter links to the entries of the same subject.
	Filter string
	// Broken marks an entry the last verification found a problem at.
	Broken bool
}

// audit shows the trail's entries matching the filter, newest first, and
// the chain's state as last verified (starting a verification when that
// is older than auditFresh).
func (s *server) audit(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f := auditQuery{Actor: strings.TrimSpace(q.Get("actor")), Action: q.Get("action"), Subject: strings.TrimSpace(q.Get("subject")), From: q.Get("from"), To: q.Get("to")}
	sq := store.AuditQuery{Actor: f.Actor, Action: f.Action, Subject: f.Subject, Limit: auditShown + 1}
	day := func(name, v string) (time.Time, error) {
		if v == "" {
			return time.Time{}, nil
		}
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			return t, badRequest("%s: %q, want a date like 2025-01-31", name, v)
		}
		return t, nil
	}
	var err error
	if sq.From, err = day("from", f.From); err != nil {
		return err
	}
	if sq.To, err = day("to", f.To); err != nil {
		return err
	}
	if !sq.To.IsZero() {
		sq.To = sq.To.AddDate(0, 0, 1) // to a day, inclusive
	}
	if b := q.Get("before"); b != "" {
		if sq.BeforeSeq, err = strconv.ParseInt(b, 10, 64); err != nil || sq.BeforeSeq <= 0 {
			return badRequest("before: %q, want an entry number", b)
		}
	}
	s.chain.mu.Lock()
	stale := s.chain.last.At.IsZero() || s.cfg.Now().Sub(s.chain.last.At) > auditFresh
	s.chain.mu.Unlock()
	if stale {
		s.awaitVerify(r, false)
	}
	if f.Actor != "" || f.Action != "" || f.Subject != "" {
		top := sq.BeforeSeq
		if top == 0 {
			head, _, err := s.Store.AuditHead(r.Context())
			if err != nil {
				return err
			}
			top = head + 1
		}
		sq.AfterSeq = max(0, top-1-auditWindow)
	}
	es, err := s.Store.SearchAudit(r.Context(), sq)
	if err != nil {
		return err
	}
	v := &auditView{layout: s.layout(r, rq, "Audit trail", "audit"), Query: f, Actions: auditActions, Window: auditWindow}
	s.chain.mu.Lock()
	v.Chain, v.Running = s.chain.last, s.chain.running != nil
	s.chain.mu.Unlock()
	next := func(before int64) string {
		u := cloneValues(q)
		u.Del("done")
		u.Set("before", strconv.FormatInt(before, 10))
		return "/ui/audit?" + u.Encode()
	}
	switch {
	case len(es) > auditShown:
		es = es[:auditShown]
		v.Next = next(es[len(es)-1].Seq)
	case sq.AfterSeq > 0:
		v.Next = next(sq.AfterSeq + 1)
		v.Searched = fmt.Sprintf("entries #%d and later", sq.AfterSeq+1)
		if sq.BeforeSeq > 0 {
			v.Searched = fmt.Sprintf("entries #%d to #%d", sq.AfterSeq+1, sq.BeforeSeq-1)
		}
	}
	if sq.BeforeSeq != 0 {
		first := cloneValues(q)
		first.Del("before")
		v.First = "/ui/audit?" + first.Encode()
	}
	broken := map[int64]bool{}
	for _, p := range v.Chain.Problems {
		broken[p.Seq] = true
	}
	for _, e := range es {
		var indented bytes.Buffer
		if json.Indent(&indented, e.Data, "", "  ") != nil {
			indented.Reset()
			indented.Write(e.Data)
		}
		v.Entries = append(v.Entries, auditLine{AuditEntry: e, Line: readableEntry(e), JSON: indented.String(),
			Filter: "/ui/audit?" + url.Values{"subject": {e.Subject}}.Encode(), Broken: broken[e.Seq]})
	}
	v.Notice = notices[q.Get("done")]
	s.render(w, r, http.StatusOK, "audit", v)
	return nil
}

// verifyAudit starts a verification of the whole trail, from the first
// entry, in the background.
func (s *server) verifyAudit(w http.ResponseWriter, r *http.Request, rq *request) error {
	to := "/ui/audit?done=verified"
	if !s.awaitVerify(r, true) {
		to = "/ui/audit?done=verifying"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// awaitVerify starts a verification (unless one runs) and waits for it
// a little (Config.AuditWait), reporting whether it ended.
func (s *server) awaitVerify(r *http.Request, full bool) bool {
	wait := s.cfg.AuditWait
	if wait == 0 {
		wait = auditWaitDefault
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-s.startVerify(full):
		return true
	case <-t.C:
	case <-r.Context().Done():
	}
	return false
}

// readableEntry says what an entry records, in a sentence: "ann decided
// alert 42: false positive — 'born 1971'". Fields the data lacks read
// as "?"; an action it does not know reads as the action and subject.
func readableEntry(e entity.AuditEntry) string {
	var d map[string]any
	_ = json.Unmarshal(e.Data, &d) // data that is not an object reads as none
	str := func(k string) string {
		switch v := d[k].(type) {
		case nil:
			return "?"
		case string:
			return v
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64)
		default:
			b, _ := json.Marshal(v)
			return string(b)
		}
	}
	quoted := func(k string) string {
		if s, ok := d[k].(string); ok && s != "" {
			return " — '" + clip(s, 200) + "'"
		}
		return ""
	}
	alert := strings.TrimPrefix(e.Subject, "alert/")
	a := e.Actor
	switch e.Action {
	case chain.ActionAlertDecide:
		return fmt.Sprintf("%s decided alert %s: %s%s", a, alert, decision(str("decision")), quoted("reason"))
	case chain.ActionAlertApprove:
		return fmt.Sprintf("%s approved %s's decision on alert %s: %s%s", a, str("decidedBy"), alert, decision(str("decision")), quoted("reason"))
	case chain.ActionAlertReject:
		return fmt.Sprintf("%s rejected %s's decision on alert %s (%s); the alert is open again%s", a, str("decidedBy"), alert, decision(str("decision")), quoted("reason"))
	case chain.ActionAlertAssign:
		to := str("assignee")
		if to == "" {
			to = "nobody"
		}
		return fmt.Sprintf("%s assigned alert %s to %s", a, alert, to)
	case chain.ActionNoteAdd:
		return fmt.Sprintf("%s added a note to alert %s%s", a, alert, quoted("text"))
	case chain.ActionAttachmentAdd:
		return fmt.Sprintf("%s attached %s (%s bytes, SHA-256 %.12s…) to alert %s", a, str("name"), str("size"), str("sha256"), alert)
	case chain.ActionAllowAdd:
		return fmt.Sprintf("%s put %s on the allow-list: decided by %s, approved by %s", a, e.Subject, str("decidedBy"), str("approvedBy"))
	case chain.ActionAllowRevoke:
		return fmt.Sprintf("%s took %s off the allow-list%s", a, e.Subject, quoted("reason"))
	case chain.ActionLoginFailed:
		return fmt.Sprintf("a sign-in as %s failed%s", e.Subject, quoted("reason"))
	case chain.ActionUserCreate:
		return fmt.Sprintf("%s created user %s (%s)", a, e.Subject, str("role"))
	}
	if f, ok := actorDidTo[e.Action]; ok {
		return fmt.Sprintf(f, a, e.Subject)
	}
	return fmt.Sprintf("%s: %s %s", a, e.Action, e.Subject)
}

// actorDidTo are the sentences of the actions that say no more than who
// did what to which subject: a format of the actor and the subject.
var actorDidTo = map[string]string{
	chain.ActionLogin:       "%s signed in%.0s",
	chain.ActionLogout:      "%s signed out%.0s",
	chain.ActionUserUpdate:  "%s changed user %s",
	chain.ActionUserDisable: "%s disabled user %s",
	chain.ActionUserEnable:  "%s enabled user %s",
	chain.ActionKeyCreate:   "%s created API key %s",
	chain.ActionKeyRevoke:   "%s revoked API key %s",
	chain.ActionListVersion: "%s stored a new version of %s",
	chain.ActionScreen:      "%s screened (%s)",
}

// decision is a decision's words within a sentence: "false positive".
func decision(code string) string { return strings.ToLower(label(code)) }
