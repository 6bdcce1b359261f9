package api

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"mime"
	"net/http"
	"reflect"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vetoscreen/veto/screen"
)

// reqInfo is what the middleware learns about a request as it is served,
// for the access log and the metrics.
type reqInfo struct {
	id    string
	route string // the route's pattern; "" for no route
	key   string // the API key's ID, never the key
	// snap is the snapshot served when the request came in: the request
	// screens against it and reports and audits its versions (nil: none
	// loaded yet).
	snap *screen.Snapshot
}

type ctxKey struct{}

func info(r *http.Request) *reqInfo {
	if i, ok := r.Context().Value(ctxKey{}).(*reqInfo); ok {
		return i
	}
	return &reqInfo{}
}

func setRoute(r *http.Request, pattern string) { info(r).route = pattern }
func setKey(r *http.Request, id string)        { info(r).key = id }

// statusWriter records the status and size written.
type statusWriter struct {
	http.ResponseWriter
	status int
	size   int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.size += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Headers naming what a response was screened against.
const (
	// headerData is "live", "demo" when the lists could not be loaded, or
	// "none".
	headerData = "Veto-Data"
	// headerVersions names the list versions, in compact form:
	// "eu-fsf@3,ofac-sdn@12,un-sc@7".
	headerVersions = "Veto-Versions"
)

// observe gives each request an ID and the snapshot it is served with,
// taken once (see reqInfo.snap), says which data and versions that is
// (the Veto-Data and Veto-Versions headers), and logs and counts the
// request when it is done. The log names the key's ID, never the key.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ri := &reqInfo{id: requestID(r), snap: s.screener.Snapshot()}
		r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, ri))
		w.Header().Set("X-Request-Id", ri.id)
		if ri.snap != nil {
			w.Header().Set(headerData, string(ri.snap.Data))
			w.Header().Set(headerVersions, ri.snap.RefString())
		} else {
			w.Header().Set(headerData, string(screen.DataNone))
		}
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
			if clientGone(r) {
				sw.status = StatusClientGone
			}
		}
		took := time.Since(start)
		route := ri.route
		if route == "" {
			route = "other"
		}
		s.metrics.observeRequest(route, r.Method, sw.status, took)
		level, msg := slog.LevelInfo, "request"
		switch {
		case sw.status == StatusClientGone:
			msg = "client gone"
		case sw.status >= 500:
			level = slog.LevelError
		case route == "/healthz" || route == "/readyz" || route == "/metrics":
			level = slog.LevelDebug
		}
		// The method, path and agent are what the client sent: clipped,
		// so that a request cannot put megabytes in the log. Attributes
		// of their own kinds, not key-value pairs, spare a request the
		// boxing of each value.
		s.log.LogAttrs(r.Context(), level, msg, slog.String("id", ri.id), slog.String("method", clip(r.Method, maxLogMethod)),
			slog.String("path", clip(r.URL.Path, maxLogField)), slog.String("route", route), slog.Int("status", sw.status),
			slog.Int64("bytes", sw.size), slog.Duration("took", took), slog.String("key", ri.key), slog.String("remote", r.RemoteAddr),
			slog.String("agent", clip(r.UserAgent(), maxLogField)))
	})
}

// StatusClientGone is the status logged and counted for a request whose
// client went away before the answer (nginx's 499): it is no server
// error, and nothing is written.
const StatusClientGone = 499

// clientGone reports whether the request's client has gone: the server
// cancels a request's context when its connection closes.
func clientGone(r *http.Request) bool { return errors.Is(r.Context().Err(), context.Canceled) }

// Bounds of the fields of a log line that come from the client.
const (
	maxLogMethod = 16
	maxLogField  = 256
	maxLogError  = 1024
)

// clip cuts s to at most n bytes, on a character boundary, marking the
// cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// requestID is the client's X-Request-Id when it is short and plain, or a
// new random one.
func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-Id"); id != "" && len(id) <= 64 && !strings.ContainsFunc(id, func(c rune) bool { return c < '!' || c > '~' }) {
		return id
	}
	// An ID names a request in the logs and is no secret: math/rand's
	// generator, without the system call crypto/rand may make.
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], rand.Uint64())
	return hex.EncodeToString(b[:])
}

// recover turns a panic in a handler into a logged 500 with a JSON body,
// so that one bad request never takes the server down.
func (s *Server) recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "method", clip(r.Method, maxLogMethod), "path", clip(r.URL.Path, maxLogField),
					"panic", clip(fmt.Sprint(v), maxLogError), "stack", string(debug.Stack()))
				s.writeError(w, r, &Error{Code: CodeInternal, Message: "internal error", Err: fmt.Errorf("panic: %v", v)})
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// decodeJSON reads a request body of at most MaxBody bytes into v,
// refusing other media types, unknown fields, trailing data and invalid
// UTF-8, with errors that say where.
func (s *Server) decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/json" && !strings.HasSuffix(mt, "+json") {
			return errorf(CodeMediaType, "Content-Type %q: send application/json", ct)
		}
	}
	body, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	return decodeBody(body, v)
}

// readBody reads a request body of at most MaxBody bytes.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, errorf(CodeTooLarge, "the request body is larger than %d bytes", s.cfg.MaxBody)
		}
		return nil, errorf(CodeInvalid, "reading the request body: %v", err)
	}
	return body, nil
}

// decodeBody decodes one JSON value into v, strictly.
func decodeBody(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return errorf(CodeInvalid, "the request body is empty; send a JSON object")
	}
	if err := validUTF8(body); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(body, dec, reflect.TypeOf(v), err)
	}
	if dec.More() {
		return errorf(CodeInvalid, "unexpected data after the JSON object at byte %d", dec.InputOffset())
	}
	return nil
}

// validUTF8 refuses bodies that are not UTF-8: encoding/json would
// silently replace the bad bytes, and a name screened with U+FFFD in it
// is not the name the client sent.
func validUTF8(body []byte) error {
	if utf8.Valid(body) {
		return nil
	}
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 {
			return errorf(CodeInvalid, "the request body is not valid UTF-8 (byte %d)", i)
		}
		i += size
	}
	return nil
}

// jsonError names where a JSON body decoded into a target type is wrong.
func jsonError(body []byte, dec *json.Decoder, target reflect.Type, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(body, syn.Offset)
		return errorf(CodeInvalid, "malformed JSON at line %d, column %d: %v", line, col, syn)
	case errors.As(err, &typ):
		return errorf(CodeInvalid, "%s", typeError(target, typ))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errorf(CodeInvalid, "malformed JSON: the body ends early (byte %d)", dec.InputOffset())
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return errorf(CodeInvalid, "unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return errorf(CodeInvalid, "malformed JSON: %v", err)
}

// position turns a byte offset into a 1-based line and column.
func position(body []byte, off int64) (line, col int) {
	line, col = 1, 1
	for i := int64(0); i < off && i < int64(len(body)); i++ {
		if body[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
