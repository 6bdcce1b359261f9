package web

import (
	"net/http"
	"strings"

	"github.com/vetoscreen/veto/entity"
)

// roles are the user roles, least first.
var roles = []string{entity.UserAnalyst, entity.UserApprover, entity.UserAdmin}

type usersView struct {
	*layout
	Users []entity.User
	Roles []string
	// New is the creation form as filled in, kept when it failed.
	New entity.User
}

func (s *server) usersView(r *http.Request, rq *request) (*usersView, error) {
	us, err := s.Users.List(r.Context())
	if err != nil {
		return nil, err
	}
	return &usersView{layout: s.layout(r, rq, "Users", "users"), Users: us, Roles: roles, New: entity.User{Role: entity.UserAnalyst}}, nil
}

// users lists the users, with forms to add one, change a role and
// disable or enable a user.
func (s *server) users(w http.ResponseWriter, r *http.Request, rq *request) error {
	v, err := s.usersView(r, rq)
	if err != nil {
		return err
	}
	v.Notice = notices[r.URL.Query().Get("done")]
	s.render(w, r, http.StatusOK, "users", v)
	return nil
}

// usersFailed shows the users page again with what went wrong, or
// returns err when it is not the user's to fix.
func (s *server) usersFailed(w http.ResponseWriter, r *http.Request, rq *request, err error, keep entity.User) error {
	status, msg := describe(err)
	if status == http.StatusInternalServerError {
		return err
	}
	v, verr := s.usersView(r, rq)
	if verr != nil {
		return verr
	}
	v.Error, v.New = msg, keep
	s.render(w, r, status, "users", v)
	return nil
}

func (s *server) createUser(w http.ResponseWriter, r *http.Request, rq *request) error {
	pf := r.PostForm
	u := entity.User{Name: strings.TrimSpace(pf.Get("name")), DisplayName: strings.TrimSpace(pf.Get("displayName")), Role: pf.Get("role")}
	if _, err := s.Users.Create(r.Context(), rq.User.Name, u, pf.Get("password")); err != nil {
		return s.usersFailed(w, r, rq, err, u)
	}
	http.Redirect(w, r, "/ui/users?done=usercreate", http.StatusSeeOther)
	return nil
}

// updateUser changes a user's role, or disables or enables them. Admins
// cannot lock themselves out: they may not disable themselves or lower
// their own role.
func (s *server) updateUser(w http.ResponseWriter, r *http.Request, rq *request) error {
	name := r.PathValue("name")
	pf := r.PostForm
	var err error
	switch op := pf.Get("op"); op {
	case "role":
		role := pf.Get("role")
		if name == rq.User.Name && role != rq.User.Role {
			err = forbidden("you cannot change your own role; ask another admin")
		} else {
			err = s.Users.Update(r.Context(), rq.User.Name, name, role, "")
		}
	case "disable", "enable":
		if name == rq.User.Name {
			err = forbidden("you cannot disable yourself; ask another admin")
		} else {
			err = s.Users.SetDisabled(r.Context(), rq.User.Name, name, op == "disable")
		}
	default:
		err = badRequest("op: %q, want role, disable or enable", op)
	}
	if err != nil {
		return s.usersFailed(w, r, rq, err, entity.User{Role: entity.UserAnalyst})
	}
	http.Redirect(w, r, "/ui/users?done=user", http.StatusSeeOther)
	return nil
}
