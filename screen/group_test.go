package screen

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
	"github.com/vetoscreen/veto/resolve/decide"
)

// The snapshot's grouping table groups hits as GroupBySubject does from
// the resolution itself: the same subjects, order, members matched and
// lists, whatever the limit, with more subjects than it looks through
// one by one (keptAlone) and listings it does not know.
func TestGroupTableAgreesWithGroupBySubject(t *testing.T) {
	person := func(id, list, name string, sameAs ...string) *entity.Entity {
		e := &entity.Entity{ID: id, List: list, Schema: entity.Person, Names: []entity.Name{{Full: name, Kind: entity.Primary}}}
		for _, s := range sameAs {
			e.Relations = append(e.Relations, entity.Relation{Type: "sameAs", Target: s})
		}
		return e
	}
	// Subjects of two listings (us-i, uk-i referring to it), and as many
	// of one listing: more than keptAlone in all.
	var ents []*entity.Entity
	var hits []Hit
	n := keptAlone + 8
	for i := range n {
		us, uk := fmt.Sprintf("us-%d", i), fmt.Sprintf("uk-%d", i)
		ents = append(ents, person(us, "ofac-sdn", fmt.Sprintf("Person%c Number%c", 'A'+i%26, 'A'+i/26)), person(uk, "uk-ofsi", fmt.Sprintf("Person%c Number%c", 'A'+i%26, 'A'+i/26), us))
		single := fmt.Sprintf("eu-%d", i)
		ents = append(ents, person(single, "eu-fsf", fmt.Sprintf("Other%c Someone%c", 'A'+i%26, 'A'+i/26)))
		score := 1 - float64(i)/float64(4*n)
		hits = append(hits, Hit{EntityID: us, List: "ofac-sdn", Lists: []string{"ofac-sdn"}, Score: score},
			Hit{EntityID: single, List: "eu-fsf", Lists: []string{"eu-fsf"}, Score: score - 0.001})
	}
	// The second listings of the subjects rank after every first one; a
	// listing of no subject in between.
	hits = append(hits, Hit{EntityID: "xx-1", List: "xx", Score: 0.7})
	for i := range n {
		hits = append(hits, Hit{EntityID: fmt.Sprintf("uk-%d", i), List: "uk-ofsi", Lists: []string{"uk-ofsi"}, Score: 0.6 - float64(i)/float64(4*n)})
	}
	r, err := resolve.Resolve(context.Background(), index.Build(ents, match.DefaultConfig()), ents, resolve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := &decide.Resolved{Resolution: r}
	if sub, _ := res.Subject("uk-3"); sub == nil || len(sub.Members) != 2 {
		t.Fatalf("uk-3's subject: %+v, want two listings", sub)
	}
	subs := &subjects{res: res, groups: groupsOf(res)}
	for _, limit := range []int{1, 5, 10, keptAlone, keptAlone + 1, 2 * n, 0, -1} {
		want := GroupBySubject(res, clone(hits), limit)
		got := subs.group(clone(hits), limit)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("limit %d: the table groups\n%+v\nGroupBySubject\n%+v", limit, got, want)
		}
		if limit > 0 && len(got) != min(limit, 2*n+1) || limit <= 0 && len(got) != 2*n+1 {
			t.Errorf("limit %d: %d hits", limit, len(got))
		}
		for _, h := range got {
			if h.Members == 2 && len(h.Matched) != 2 {
				t.Errorf("limit %d: %s matched %d listings of 2", limit, h.Subject, len(h.Matched))
			}
		}
	}
}

func clone(hits []Hit) []Hit { return append([]Hit(nil), hits...) }
