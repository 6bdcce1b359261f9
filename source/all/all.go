// Package all lists every publisher veto reads. It is the one place that
// imports all the publisher packages; adding a publisher means adding its
// package here.
package all

import (
	"fmt"

	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/au"
	"github.com/vetoscreen/veto/source/ca"
	"github.com/vetoscreen/veto/source/csl"
	"github.com/vetoscreen/veto/source/eu"
	"github.com/vetoscreen/veto/source/ofac"
	"github.com/vetoscreen/veto/source/uk"
	"github.com/vetoscreen/veto/source/un"
)

// Publishers returns every publisher, in a stable order.
func Publishers() []*source.Publisher {
	return []*source.Publisher{&ofac.Publisher, &un.Publisher, &eu.Publisher, &uk.Publisher, &ca.Publisher, &au.Publisher, &csl.Publisher}
}

// Publisher returns the publisher with the given name ("ofac", "un", ...).
func Publisher(name string) (*source.Publisher, error) {
	var names []string
	for _, p := range Publishers() {
		if p.Name == name {
			return p, nil
		}
		names = append(names, p.Name)
	}
	return nil, fmt.Errorf("unknown publisher %q (known: %v)", name, names)
}

// List returns the publisher and list with the given list name ("ofac-sdn").
func List(name string) (*source.Publisher, *source.List, error) {
	for _, p := range Publishers() {
		for i := range p.Lists {
			if p.Lists[i].Name == name {
				return p, &p.Lists[i], nil
			}
		}
	}
	return nil, nil, fmt.Errorf("unknown list %q", name)
}
