package api

import (
	"compress/gzip"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// yente's wire conventions, on its routes only (the native /v1 keeps
// its own): errors as {"detail": ...}, the API key in any form
// OpenSanctions' clients send it, gzip for large bodies. CORS, which
// browsers need on every route, applies to all when configured.

// yentePrefixes are the paths of the yente-compatible routes.
var yentePrefixes = []string{"/match/", "/search/", "/entities/", "/catalog", "/manifest", "/algorithms", "/updatez", "/reconcile"}

// isYente reports whether a request is to a yente route (or what would
// be one: a wrong method there is answered in yente's shape too).
func isYente(r *http.Request) bool {
	for _, p := range yentePrefixes {
		if strings.HasPrefix(r.URL.Path, p) {
			return true
		}
	}
	return false
}

// validationError is a request that does not have the shape asked for,
// which yente (FastAPI) answers 422 with a list of these as detail. On a
// native route it is an invalid request (400).
type validationError struct {
	Type  string `json:"type"`
	Loc   []any  `json:"loc"`
	Msg   string `json:"msg"`
	Input any    `json:"input"`
}

func (v *validationError) Error() string {
	loc := make([]string, len(v.Loc))
	for i, l := range v.Loc {
		loc[i] = fmt.Sprint(l)
	}
	return strings.Join(loc, ".") + ": " + v.Msg
}

func (v *validationError) Unwrap() error { return &Error{Code: CodeInvalid, Message: v.Error()} }

// invalidParam is a query parameter's validation error.
func invalidParam(typ, name, msg string, input any) *validationError {
	return &validationError{Type: typ, Loc: []any{"query", name}, Msg: msg, Input: input}
}

// invalidBody is a body field's validation error, loc after "body".
func invalidBody(typ, msg string, input any, loc ...any) *validationError {
	return &validationError{Type: typ, Loc: append([]any{"body"}, loc...), Msg: msg, Input: input}
}

// yenteError returns the status and body yente gives for err, whose
// native status is status: a validation error's 422 and list, any other
// error's message as a string. yente refuses too many queries with 400.
func yenteError(err error, e *Error, status int) (int, any) {
	var v *validationError
	if errors.As(err, &v) {
		return http.StatusUnprocessableEntity, map[string]any{"detail": []*validationError{v}}
	}
	if e.Code == CodeTooManyQueries {
		status = http.StatusBadRequest
	}
	return status, map[string]string{"detail": e.Message}
}

// yenteKey returns the key a yente request carries in the forms
// OpenSanctions' own clients use besides the schemes presentedKey reads:
// the bare key as the whole Authorization header (its API examples),
// and ?api_key= (its docs; OpenRefine carries it through).
func yenteKey(r *http.Request) string {
	if !isYente(r) {
		return ""
	}
	if a := strings.TrimSpace(r.Header.Get("Authorization")); a != "" {
		if strings.ContainsRune(a, ' ') {
			return ""
		}
		return a
	}
	return strings.TrimSpace(r.URL.Query().Get("api_key"))
}

// cors answers browsers from the configured origins (Config.CORSOrigins:
// none by default, "*" for any): preflight requests get 200 with the
// methods and the headers asked for, other requests the origin allowed.
func (s *Server) cors(next http.Handler) http.Handler {
	if len(s.cfg.CORSOrigins) == 0 {
		return next
	}
	anyOrigin := slices.Contains(s.cfg.CORSOrigins, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" || !anyOrigin && !slices.Contains(s.cfg.CORSOrigins, origin) {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Add("Vary", "Origin")
		if anyOrigin {
			h.Set("Access-Control-Allow-Origin", "*")
		} else {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Credentials", "true")
		}
		h.Set("Access-Control-Expose-Headers", "X-Batch-Size, X-Request-Id, Retry-After, ETag, "+headerData+", "+headerVersions)
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			setRoute(r, "preflight")
			h.Set("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
			if req := r.Header.Get("Access-Control-Request-Headers"); req != "" {
				h.Set("Access-Control-Allow-Headers", req)
			}
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusOK)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// gzipMinSize is the smallest body compressed, yente's.
const gzipMinSize = 500

var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

// gzipped compresses the JSON answers of yente routes of at least
// gzipMinSize bytes for clients that accept gzip. Only bodies of known
// length are compressed (writeJSON's, which are whole before they are
// written); a streamed one goes as it is.
func (s *Server) gzipped(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isYente(r) || !acceptsGzip(r) {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Add("Vary", "Accept-Encoding")
		gw := &gzipWriter{ResponseWriter: w}
		defer gw.close()
		next.ServeHTTP(gw, r)
	})
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

type gzipWriter struct {
	http.ResponseWriter
	zw          *gzip.Writer
	wroteHeader bool
}

func (g *gzipWriter) WriteHeader(code int) {
	if g.wroteHeader {
		return
	}
	g.wroteHeader = true
	h := g.Header()
	n, err := strconv.Atoi(h.Get("Content-Length"))
	if err == nil && n >= gzipMinSize && h.Get("Content-Encoding") == "" && strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		h.Del("Content-Length")
		h.Set("Content-Encoding", "gzip")
		g.zw = gzipWriters.Get().(*gzip.Writer)
		g.zw.Reset(g.ResponseWriter)
	}
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if !g.wroteHeader {
		g.WriteHeader(http.StatusOK)
	}
	if g.zw != nil {
		return g.zw.Write(b)
	}
	return g.ResponseWriter.Write(b)
}

func (g *gzipWriter) Unwrap() http.ResponseWriter { return g.ResponseWriter }

func (g *gzipWriter) close() {
	if g.zw == nil {
		return
	}
	g.zw.Close()
	g.zw.Reset(nil)
	gzipWriters.Put(g.zw)
	g.zw = nil
}
