package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/screen"
	"github.com/vetoscreen/veto/users"
)

// Cookies. Both are limited to the UI's path and never readable by script.
const (
	// sessionCookie holds the session token; the store keeps only its hash.
	sessionCookie = "veto_session"
	// loginCookie holds the sign-in form's CSRF token (double submit):
	// before signing in there is no session to hold one.
	loginCookie = "veto_login_csrf"
)

// maxAddr bounds a client address from X-Forwarded-For (an IPv6 address
// with a zone fits).
const maxAddr = 64

// clip cuts s to at most n bytes, on a character boundary, marking the
// cut: for what clients send that is logged or recorded.
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

// maxForm bounds a form body: the longest field is a reason of
// review.MaxReason bytes.
const maxForm = 64 << 10

// request is what a page handler knows of who asks.
type request struct {
	// User and Session are nil on pages that need no sign-in.
	User    *entity.User
	Session *entity.Session
	// snap is the snapshot the page shows and screens against, taken once
	// (see server.snapshot).
	snap *screen.Snapshot
}

// handler serves a page; an error becomes an error page.
type handler func(w http.ResponseWriter, r *http.Request, rq *request) error

// page wraps a handler: it finds the session (redirecting to the sign-in
// page without one, for a GET), checks the role ("" for pages anyone may
// see, signed in or not), checks every POST for its CSRF token and
// origin, and renders the handler's error.
func (s *server) page(role string, h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rq := &request{snap: s.Keeper.Snapshot()}
		sess, u, err := s.session(r)
		switch {
		case err == nil:
			rq.User, rq.Session = u, sess
		case !errors.Is(err, users.ErrNoSession):
			s.fail(w, r, rq, err)
			return
		case role == "":
		case r.Method == http.MethodGet || r.Method == http.MethodHead:
			http.Redirect(w, r, "/ui/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		default:
			s.fail(w, r, rq, forbidden("you are not signed in (or your session ended); sign in and try again"))
			return
		}
		if role != "" && entity.UserRank(u.Role) < entity.UserRank(role) {
			s.fail(w, r, rq, forbidden("this page is for users with the %s role; you are %s", role, u.Role))
			return
		}
		if r.Method == http.MethodPost {
			if err := s.checkPost(w, r, rq); err != nil {
				s.fail(w, r, rq, err)
				return
			}
		}
		if err := h(w, r, rq); err != nil {
			s.fail(w, r, rq, err)
		}
	})
}

// session returns the session of the request's cookie.
func (s *server) session(r *http.Request) (*entity.Session, *entity.User, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil, nil, users.ErrNoSession
	}
	return s.Users.Session(r.Context(), c.Value)
}

// checkPost parses a POST form and checks that it comes from this site
// with the session's CSRF token.
func (s *server) checkPost(w http.ResponseWriter, r *http.Request, rq *request) error {
	if err := sameOrigin(r); err != nil {
		return err
	}
	if err := s.parsePost(w, r); err != nil {
		return err
	}
	if rq.Session == nil || !equalTokens(r.PostForm.Get("csrf"), rq.Session.CSRF) {
		return forbidden("the form's security token is missing or out of date: reload the page and try again")
	}
	return nil
}

func equalTokens(got, want string) bool {
	return got != "" && want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// sameOrigin refuses a request that the browser says comes from another
// site: by Sec-Fetch-Site, else Origin, else Referer. Browsers send at
// least one of them with every POST; a request with none comes from no
// browser and still needs the CSRF token.
func sameOrigin(r *http.Request) error {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return forbidden("cross-site request refused")
	}
	from := r.Header.Get("Origin")
	if from == "" || from == "null" {
		from = r.Header.Get("Referer")
	}
	if from == "" {
		return nil
	}
	u, err := url.Parse(from)
	if err != nil || !strings.EqualFold(u.Host, r.Host) {
		return forbidden("cross-site request refused: it comes from %q", from)
	}
	return nil
}

// secure reports whether the browser reached us over TLS.
func (s *server) secure(r *http.Request) bool {
	return s.cfg.SecureCookies || r.TLS != nil || s.cfg.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https"
}

// remote is the client's address, for the sign-in limits and the audit
// trail.
func (s *server) remote(r *http.Request) string {
	if s.cfg.TrustProxy {
		if f := r.Header.Get("X-Forwarded-For"); f != "" {
			parts := strings.Split(f, ",")
			return clip(strings.TrimSpace(parts[len(parts)-1]), maxAddr)
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *server) setCookie(w http.ResponseWriter, r *http.Request, c *http.Cookie) {
	c.Path = Base
	c.HttpOnly = true
	c.Secure = s.secure(r)
	if c.SameSite == 0 {
		c.SameSite = http.SameSiteLaxMode
	}
	http.SetCookie(w, c)
}

func (s *server) clearCookie(w http.ResponseWriter, r *http.Request, name string) {
	s.setCookie(w, r, &http.Cookie{Name: name, Value: "", MaxAge: -1})
}

// safeNext returns next if it is a path of the UI, else the home page:
// the sign-in page must not send anyone to another site.
func safeNext(next string) string {
	const home = "/ui/alerts"
	u, err := url.Parse(next)
	if err != nil || next == "" || u.Scheme != "" || u.Host != "" || u.User != nil ||
		!strings.HasPrefix(next, Base) || strings.ContainsAny(next, "\\\r\n\t") || strings.HasPrefix(next, "//") {
		return home
	}
	return next
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand panics rather)
	return base64.RawURLEncoding.EncodeToString(b)
}

type loginView struct {
	*layout
	Next, Name string
}

// loginForm shows the sign-in form, with a fresh double-submit token.
func (s *server) loginForm(w http.ResponseWriter, r *http.Request) {
	next := safeNext(r.URL.Query().Get("next"))
	if _, _, err := s.session(r); err == nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	s.renderLogin(w, r, http.StatusOK, next, "", "")
}

func (s *server) renderLogin(w http.ResponseWriter, r *http.Request, status int, next, name, msg string) {
	token := randomToken()
	s.setCookie(w, r, &http.Cookie{Name: loginCookie, Value: token, SameSite: http.SameSiteStrictMode})
	l := s.layout(r, &request{}, "Sign in", "")
	l.CSRF, l.Error = token, msg
	s.render(w, r, status, "login", loginView{l, next, name})
}

// login checks the sign-in form and starts a session.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	fail := func(err error) { s.fail(w, r, &request{}, err) }
	if err := sameOrigin(r); err != nil {
		fail(err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		fail(badRequest("the form could not be read: %v", err))
		return
	}
	c, err := r.Cookie(loginCookie)
	if err != nil || !equalTokens(r.PostForm.Get("csrf"), c.Value) {
		fail(forbidden("the sign-in form's security token is missing or out of date: reload the page and sign in again (cookies must be allowed)"))
		return
	}
	next := safeNext(r.PostForm.Get("next"))
	name := strings.TrimSpace(r.PostForm.Get("name"))
	token, sess, err := s.Users.Login(r.Context(), name, r.PostForm.Get("password"), s.remote(r))
	var limited *users.RateLimitedError
	switch {
	case errors.Is(err, users.ErrNameTooLong):
		// Neither shown back nor logged: it is what a flood sends.
		s.renderLogin(w, r, http.StatusBadRequest, next, "", fmt.Sprintf("The user name is too long (at most %d bytes).", users.MaxLoginName))
		return
	case errors.As(err, &limited):
		secs := int(math.Ceil(limited.RetryAfter.Seconds()))
		w.Header().Set("Retry-After", fmt.Sprint(secs))
		msg := fmt.Sprintf("Too many failed sign-ins: try again in %d s.", secs)
		if limited.Busy {
			msg = fmt.Sprintf("Too many sign-ins at once: try again in %d s.", secs)
		}
		s.renderLogin(w, r, http.StatusTooManyRequests, next, name, msg)
		return
	case errors.Is(err, users.ErrBadLogin):
		s.renderLogin(w, r, http.StatusUnauthorized, next, name, "Wrong user name or password.")
		return
	case err != nil:
		fail(err)
		return
	}
	s.clearCookie(w, r, loginCookie)
	s.setCookie(w, r, &http.Cookie{Name: sessionCookie, Value: token, Expires: sess.ExpiresAt})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// logout ends the session.
func (s *server) logout(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := r.Cookie(sessionCookie)
	if err == nil {
		if err := s.Users.Logout(r.Context(), c.Value); err != nil {
			return err
		}
	}
	s.clearCookie(w, r, sessionCookie)
	http.Redirect(w, r, "/ui/login", http.StatusSeeOther)
	return nil
}
