package api

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve/decide"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/textscan"
)

// textRequest is the JSON body of POST /v1/text. A text/plain body is
// the text itself, with the options as query parameters.
type textRequest struct {
	// Text is the text to scan. Required.
	Text string `json:"text"`
	// Threshold overrides the lowest score of a name finding (0..1).
	Threshold *float64 `json:"threshold,omitempty"`
	// Regimes are the sanctions regimes screened (default: the
	// server's); Lists narrows to lists by name instead.
	Regimes []string `json:"regimes,omitempty"`
	Lists   []string `json:"lists,omitempty"`
	// Kinds are the kinds of finding wanted: name, place, imo, bic,
	// crypto (default all).
	Kinds []string `json:"kinds,omitempty"`
	// AsOf scans against the list versions in force at that instant, as
	// /v1/screen's asOf does.
	AsOf string `json:"asOf,omitempty"`
	// Group is "subject" (default: each name found says the subject of
	// the listing it names) or "listing" (the listing only).
	Group string `json:"group,omitempty"`
}

// textFinding is a finding with, grouped by subject, the subject of the
// listing it names: the scan names the best listing, the subject every
// list that names the same party.
type textFinding struct {
	textscan.Finding
	Subject *screen.SubjectRef `json:"subject,omitempty"`
}

// textResponse is what POST /v1/text found.
type textResponse struct {
	// Findings are sorted by their start offset.
	Findings []textFinding `json:"findings"`
	// Bytes is the length of the text scanned, in bytes: the offsets of
	// the findings are into it.
	Bytes int `json:"bytes"`
	// Truncated says the text had more findings than one scan reports
	// (textscan.DefaultMaxFindings): these are the first.
	Truncated bool `json:"truncated,omitempty"`
	screenedAgainst
}

func (s *Server) text(w http.ResponseWriter, r *http.Request) error {
	var req textRequest
	var err error
	if isPlainText(r) {
		req, err = s.plainTextRequest(w, r)
	} else {
		if len(r.URL.Query()) > 0 {
			return errorf(CodeInvalid, "query parameters are for text/plain bodies; give the options in the JSON body")
		}
		err = s.decodeJSON(w, r, &req)
	}
	if err != nil {
		return err
	}
	if req.Text == "" {
		return errorf(CodeInvalid, "text: required")
	}
	by, err := screen.ParseGrouping(req.Group)
	if err != nil {
		return errorf(CodeInvalid, "group: %v", err)
	}
	snap, err := s.snapshotAsOf(w, r, req.AsOf)
	if err != nil {
		return err
	}
	var subjects *decide.Resolved
	if by == screen.BySubject {
		subjects = snap.Subjects()
	}
	opts := textscan.Options{}
	threshold := snap.Config().Threshold
	if req.Threshold != nil {
		if *req.Threshold < match.MinThreshold || *req.Threshold > 1 {
			return errorf(CodeInvalid, "threshold: %v, want %v..1", *req.Threshold, match.MinThreshold)
		}
		opts.Threshold, threshold = *req.Threshold, *req.Threshold
	}
	for _, k := range req.Kinds {
		opts.Kinds = append(opts.Kinds, textscan.Kind(k))
	}
	if err := opts.Validate(); err != nil {
		return errorf(CodeInvalid, "kinds: %v", err)
	}
	if opts.Lists, err = s.scope(snap, req.Regimes, req.Lists); err != nil {
		return err
	}
	// Paced as it runs, by the work it does: a long or costly text past
	// the request's allowance waits for the Pacer chunk by chunk, and is
	// refused busy (what it scanned thrown away) when others' costly work
	// would hold it past MaxPaceWait. Below the default threshold it is
	// refused at once while they would.
	allowance := s.screener.TextAllowance(screen.ShapeOf(threshold, snap.Config().Threshold, 0, 0))
	release, err := s.admitCostly(r, allowance)
	if err != nil {
		return err
	}
	defer release()
	err = allowance.Admit()
	var findings []textscan.Finding
	var truncated bool
	if err == nil {
		findings, truncated, err = scanner(snap).ScanContext(r.Context(), []byte(req.Text), opts, func(pairs int64) error {
			return allowance.Charge(r.Context(), pairs)
		})
	}
	if errors.Is(err, screen.ErrOverloaded) {
		return &Error{Code: CodeBusy, Message: "the server is busy with costly work: try again later, or send a shorter text", Err: err}
	}
	if err != nil {
		return err
	}
	out := make([]textFinding, len(findings))
	for i, f := range findings {
		out[i].Finding = f
		if f.Entity != nil {
			out[i].Subject = screen.SubjectRefOf(subjects, f.Entity.ID)
		}
	}
	// Recorded before the response, as the screening calls are: a text
	// answered is a text screened on the trail.
	if err := s.commitScreening(r, summarizeText(snap, len(req.Text), out, truncated)); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, textResponse{Findings: out, Bytes: len(req.Text), Truncated: truncated,
		screenedAgainst: against(snap, threshold, opts.Lists)})
	return nil
}

// scanner returns the text scanner of the snapshot: veto serve builds it
// when the snapshot is loaded (screen.Keeper.Warm); otherwise the first
// text request builds it (a few hundred milliseconds on the real lists)
// while later ones wait for it rather than build it again. It goes with
// its snapshot.
func scanner(snap *screen.Snapshot) *textscan.Scanner {
	return snap.Scanner(textscan.Build).(*textscan.Scanner)
}

func isPlainText(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == "text/plain"
}

// plainTextRequest reads a text/plain body, at most MaxBody bytes of
// UTF-8, and the options from the query: threshold, regimes, lists,
// kinds (the three comma-separated), asOf and group.
func (s *Server) plainTextRequest(w http.ResponseWriter, r *http.Request) (textRequest, error) {
	var req textRequest
	if err := knownParams(r, "threshold", "regimes", "lists", "kinds", "asOf", "group"); err != nil {
		return req, err
	}
	if _, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); params["charset"] != "" && !strings.EqualFold(params["charset"], "utf-8") {
		return req, errorf(CodeMediaType, "charset %q: send UTF-8", params["charset"])
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return req, errorf(CodeTooLarge, "the request body is larger than %d bytes", s.cfg.MaxBody)
		}
		return req, errorf(CodeInvalid, "reading the request body: %v", err)
	}
	if err := validUTF8(body); err != nil {
		return req, err
	}
	req.Text = string(body)
	q := r.URL.Query()
	if v := q.Get("threshold"); v != "" {
		t, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return req, errorf(CodeInvalid, "threshold: %q is not a number", v)
		}
		req.Threshold = &t
	}
	split := func(v string) []string {
		if v == "" {
			return nil
		}
		return strings.Split(v, ",")
	}
	req.Regimes, req.Lists, req.Kinds = split(q.Get("regimes")), split(q.Get("lists")), split(q.Get("kinds"))
	req.AsOf, req.Group = q.Get("asOf"), q.Get("group")
	return req, nil
}
