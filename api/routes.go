package api

import (
	"net/http"
	"strings"

	"github.com/vetoscreen/veto/entity"
)

// route is one endpoint: its method and path pattern (net/http's), the
// role it needs ("" for none), and its handler.
type route struct {
	method, pattern string
	role            string
	handle          func(s *Server, w http.ResponseWriter, r *http.Request) error
}

// routes is the whole URL space of the API.
func (s *Server) routes() []route {
	return []route{
		// Native API.
		{"POST", "/v1/screen", entity.RoleScreen, (*Server).screen},
		{"POST", "/v1/text", entity.RoleScreen, (*Server).text},
		{"POST", "/v1/compare", entity.RoleScreen, (*Server).compare},
		{"GET", "/v1/search", entity.RoleScreen, (*Server).search},
		{"GET", "/v1/entities/{id}", entity.RoleScreen, (*Server).entity},
		{"GET", "/v1/lists", entity.RoleScreen, (*Server).lists},
		{"GET", "/v1/lists/{publisher}/diff", entity.RoleAnalyst, (*Server).diff},
		{"POST", "/v1/admin/refresh", entity.RoleAdmin, (*Server).refresh},
		// Monitoring.
		{"POST", "/v1/customers", entity.RoleScreen, (*Server).putCustomers},
		{"GET", "/v1/customers", entity.RoleAnalyst, (*Server).listCustomers},
		{"GET", "/v1/customers/{id}", entity.RoleAnalyst, (*Server).getCustomer},
		{"DELETE", "/v1/customers/{id}", entity.RoleAnalyst, (*Server).removeCustomer},
		{"GET", "/v1/alerts", entity.RoleAnalyst, (*Server).listAlerts},
		{"GET", "/v1/alerts/{id}", entity.RoleAnalyst, (*Server).getAlert},
		{"POST", "/v1/monitor/run", entity.RoleAdmin, (*Server).runMonitor},
		// Batch jobs.
		{"POST", "/v1/jobs", entity.RoleScreen, (*Server).createJob},
		{"GET", "/v1/jobs", entity.RoleScreen, (*Server).listJobs},
		{"GET", "/v1/jobs/{id}", entity.RoleScreen, (*Server).getJob},
		{"DELETE", "/v1/jobs/{id}", entity.RoleScreen, (*Server).deleteJob},
		{"GET", "/v1/jobs/{id}/results", entity.RoleScreen, (*Server).jobResults},
		{"GET", "/v1/jobs/{id}/errors", entity.RoleScreen, (*Server).jobErrors},
		// yente-compatible API.
		{"POST", "/match/{dataset}", entity.RoleScreen, (*Server).yenteMatch},
		{"GET", "/search/{dataset}", entity.RoleScreen, (*Server).yenteSearch},
		{"GET", "/entities/{id}", entity.RoleScreen, (*Server).yenteEntity},
		{"GET", "/entities/{id}/adjacent", entity.RoleScreen, (*Server).yenteAdjacent},
		{"GET", "/entities/{id}/adjacent/{prop}", entity.RoleScreen, (*Server).yenteAdjacentProp},
		{"GET", "/catalog", entity.RoleScreen, (*Server).catalog},
		{"GET", "/manifest", entity.RoleScreen, (*Server).catalog},
		{"GET", "/algorithms", entity.RoleScreen, (*Server).algorithms},
		{"POST", "/updatez", "", (*Server).updatez},
		// OpenRefine reconciliation (reconcile.go).
		{"GET", "/reconcile/{dataset}", entity.RoleScreen, (*Server).reconcileGet},
		{"POST", "/reconcile/{dataset}", entity.RoleScreen, (*Server).reconcilePost},
		{"GET", "/reconcile/{dataset}/suggest/entity", entity.RoleScreen, (*Server).suggestEntity},
		{"GET", "/reconcile/{dataset}/suggest/type", entity.RoleScreen, (*Server).suggestType},
		{"GET", "/reconcile/{dataset}/suggest/property", entity.RoleScreen, (*Server).suggestProperty},
		{"GET", "/reconcile/{dataset}/extend/property", entity.RoleScreen, (*Server).proposeProperties},
		{"GET", "/reconcile/{dataset}/preview/{id}", entity.RoleScreen, (*Server).reconPreview},
		// Operations.
		{"GET", "/healthz", "", (*Server).healthz},
		{"GET", "/readyz", "", (*Server).readyz},
		{"GET", "/metrics", "", (*Server).metricsHandler},
		{"GET", "/openapi.json", "", (*Server).openapi},
	}
}

// dispatch serves one path pattern: the route for the request's method,
// after authentication, or a 405 naming the methods allowed.
func (s *Server) dispatch(rts []route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var allowed []string
		for _, rt := range rts {
			if rt.method == r.Method || rt.method == "GET" && r.Method == "HEAD" {
				setRoute(r, rt.pattern)
				if err := s.authorize(r, rt.role); err != nil {
					s.writeError(w, r, err)
					return
				}
				if err := rt.handle(s, w, r); err != nil {
					s.writeError(w, r, err)
				}
				return
			}
			allowed = append(allowed, rt.method)
		}
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		s.writeError(w, r, errorf(CodeMethod, "%s %s: method not allowed (allowed: %s)", clip(r.Method, maxLogMethod), clip(r.URL.Path, maxLogField), strings.Join(allowed, ", ")))
	})
}
