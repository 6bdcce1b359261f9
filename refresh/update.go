package refresh

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vetoscreen/veto/source"
)

// Selection picks lists to update: by list name ("ofac-sdn") or publisher
// name ("ofac"). An empty selection means every list that is not Legacy.
type Selection []string

func (s Selection) includes(pub *source.Publisher, l *source.List) bool {
	if len(s) == 0 {
		return !l.Legacy
	}
	for _, n := range s {
		if n == l.Name || n == pub.Name {
			return true
		}
	}
	return false
}

// Update downloads the selected lists from their publishers and stores a
// new version of each list whose content changed. Each list is handled on
// its own: a failed download or a refused list is reported in its Outcome
// and leaves its active version as it was, while the other lists go on.
// The error is non-nil only when nothing could be attempted.
func (r *Refresher) Update(ctx context.Context, pubs []*source.Publisher, sel Selection) ([]Outcome, error) {
	if err := r.Config.Validate(); err != nil {
		return nil, err
	}
	var out []Outcome
	for _, pub := range pubs {
		for i := range pub.Lists {
			l := &pub.Lists[i]
			if !sel.includes(pub, l) {
				continue
			}
			out = append(out, r.updateList(ctx, pub, l)...)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("update: no list matches %v", []string(sel))
	}
	return out, nil
}

// UpdateAll downloads every list of pubs, as Update, for a server's
// scheduled refresh: its error joins each list's failure, one "list:
// error" line each (the web UI splits them per list), and is nil when
// every list was stored or unchanged.
func (r *Refresher) UpdateAll(ctx context.Context, pubs []*source.Publisher) error {
	outcomes, err := r.Update(ctx, pubs, nil)
	if err != nil {
		return err
	}
	var errs []error
	for _, oc := range outcomes {
		if oc.Err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", oc.List, oc.Err))
		}
	}
	return errors.Join(errs...)
}

func (r *Refresher) updateList(ctx context.Context, pub *source.Publisher, l *source.List) []Outcome {
	fail := func(err error) []Outcome { return []Outcome{{List: l.Name, Err: err}} }
	if len(l.Downloads) == 0 {
		return fail(fmt.Errorf("%s has no download URL", l.Name))
	}
	dir, err := os.MkdirTemp("", "veto-"+l.Name+"-")
	if err != nil {
		return fail(fmt.Errorf("update %s: %w", l.Name, err))
	}
	defer os.RemoveAll(dir)
	var files, urls []string
	modified := map[string]time.Time{}
	for _, d := range l.Downloads {
		url := d.URL
		if r.Config.Mirror != "" {
			url = strings.TrimSuffix(r.Config.Mirror, "/") + "/" + d.File
		}
		path := filepath.Join(dir, d.File)
		mod, err := r.fetch(ctx, url, path)
		if err != nil {
			return fail(fmt.Errorf("update %s: %w", l.Name, err))
		}
		files, urls = append(files, path), append(urls, url)
		if !mod.IsZero() {
			modified[path] = mod
		}
	}
	results, err := pub.Parse(ctx, files)
	if err != nil {
		return fail(fmt.Errorf("update %s: downloaded files are not a good list: %w", l.Name, err))
	}
	var out []Outcome
	for _, res := range results {
		if res.List != l.Name {
			out = append(out, Outcome{List: res.List, Err: fmt.Errorf("update %s: download holds list %s", l.Name, res.List)})
			continue
		}
		out = append(out, r.store(ctx, pub, res, urls, modified))
	}
	return out
}

// ErrUnreachable marks a download whose server could not be reached at
// all: its name did not resolve, the network or host is unreachable, or
// nothing listens. It is not retried: on a machine without a network,
// retrying every list with backoff took two minutes to say nothing
// useful; the caller says instead how to import local files.
var ErrUnreachable = errors.New("server unreachable (no network, no DNS, or nothing listening)")

// unreachable reports whether err says that the server cannot be
// reached, as opposed to a server that failed to answer well.
func unreachable(err error) bool {
	var dns *net.DNSError
	return errors.As(err, &dns) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENETUNREACH) ||
		errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETDOWN)
}

// permanentError marks a download failure that retrying cannot fix.
type permanentError struct{ error }

func (e permanentError) Unwrap() error { return e.error }

// fetch downloads url to path, retrying transient failures (network
// errors, 5xx, 429, a body shorter than its Content-Length) with doubling
// backoff. It returns the server's Last-Modified time, if any.
func (r *Refresher) fetch(ctx context.Context, url, path string) (time.Time, error) {
	wait := r.Config.Backoff
	var err error
	for attempt := 1; attempt <= r.Config.Attempts; attempt++ {
		var mod time.Time
		mod, err = r.fetchOnce(ctx, url, path)
		if err == nil {
			return mod, nil
		}
		var perm permanentError
		if errors.As(err, &perm) || ctx.Err() != nil {
			break
		}
		r.logger().Warn("download failed", "url", url, "attempt", attempt, "err", err)
		if attempt < r.Config.Attempts {
			select {
			case <-ctx.Done():
				return time.Time{}, ctx.Err()
			case <-time.After(wait):
			}
			wait *= 2
		}
	}
	return time.Time{}, fmt.Errorf("download %s: %w", url, err)
}

func (r *Refresher) fetchOnce(ctx context.Context, url, path string) (time.Time, error) {
	ctx, cancel := context.WithTimeout(ctx, r.Config.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return time.Time{}, permanentError{err}
	}
	req.Header.Set("User-Agent", r.Config.UserAgent)
	client := r.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		if unreachable(err) {
			return time.Time{}, permanentError{fmt.Errorf("%w: %w", ErrUnreachable, err)}
		}
		return time.Time{}, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return time.Time{}, fmt.Errorf("server answered %s", resp.Status)
	case resp.StatusCode != http.StatusOK:
		return time.Time{}, permanentError{fmt.Errorf("server answered %s", resp.Status)}
	}
	f, err := os.Create(path)
	if err != nil {
		return time.Time{}, permanentError{err}
	}
	n, err := io.Copy(f, io.LimitReader(resp.Body, source.MaxFileSize+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("after %d bytes: %w", n, err)
	}
	if n > source.MaxFileSize {
		return time.Time{}, permanentError{fmt.Errorf("larger than %d bytes", source.MaxFileSize)}
	}
	if want, perr := strconv.ParseInt(resp.Header.Get("Content-Length"), 10, 64); perr == nil && want != n {
		return time.Time{}, fmt.Errorf("%w: got %d of %d bytes", source.ErrTruncated, n, want)
	}
	mod, _ := http.ParseTime(resp.Header.Get("Last-Modified"))
	return mod.UTC(), nil
}
