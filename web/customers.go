package web

import (
	"net/http"
	"net/url"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/errkind"
	"github.com/vetoscreen/veto/store"
)

// customersPerPage is the customer list's page size.
const customersPerPage = 50

type customersView struct {
	*layout
	Customers []entity.Customer
	Total     int
	// Next is the next page's URL, "" on the last; First is set when this
	// is not the first page.
	Next, First string
}

// customers lists the monitored customers, by ID, a page at a time.
func (s *server) customers(w http.ResponseWriter, r *http.Request, rq *request) error {
	after := r.URL.Query().Get("after")
	cs, err := s.Store.Customers(r.Context(), after, customersPerPage+1)
	if err != nil {
		return err
	}
	total, err := s.Store.CountCustomers(r.Context())
	if err != nil {
		return err
	}
	v := &customersView{layout: s.layout(r, rq, "Customers", "customers"), Customers: cs, Total: total}
	if len(cs) > customersPerPage {
		v.Customers = cs[:customersPerPage]
		v.Next = "/ui/customers?after=" + url.QueryEscape(cs[customersPerPage-1].ID)
	}
	if after != "" {
		v.First = "/ui/customers"
	}
	s.render(w, r, http.StatusOK, "customers", v)
	return nil
}

type customerView struct {
	*layout
	Customer *entity.Customer
	Table    alertTable
	Allow    []entity.AllowEntry
}

// customer shows a customer with its alerts and allow-list entries.
func (s *server) customer(w http.ResponseWriter, r *http.Request, rq *request) error {
	id := r.PathValue("id")
	c, err := s.Store.Customer(r.Context(), id)
	if errkind.Of(err) == errkind.NotFound {
		return notFound("no customer %q", id)
	}
	if err != nil {
		return err
	}
	as, err := s.Store.Alerts(r.Context(), store.AlertFilter{CustomerID: id, Limit: 500})
	if err != nil {
		return err
	}
	allow, err := s.Store.AllowList(r.Context(), id, "", false)
	if err != nil {
		return err
	}
	v := &customerView{layout: s.layout(r, rq, "Customer "+c.ID, "customers"), Customer: c, Allow: allow}
	v.Table = newAlertTable(v.layout, as)
	s.render(w, r, http.StatusOK, "customer", v)
	return nil
}
