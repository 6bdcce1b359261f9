package all

import (
	"maps"
	"slices"
	"sync/atomic"

	"github.com/vetoscreen/veto/entity"
)

// The lists a user imported (`veto import ftm|csv`) have the kind and
// regime the user gave, stored with them (entity.ListInfo) and known
// here once the store is opened (app.OpenStore calls SetListInfos): the
// regime and kind rules below and in regime.go then answer for them as
// for the official lists. The infos are replaced whole, atomically, so
// that Jurisdiction and Kind stay map look-ups on the screening path.

type userLists struct {
	info    map[string]entity.ListInfo
	regimes []string // the regimes of user lists that are not official ones
}

var users atomic.Pointer[userLists]

// SetListInfos makes infos the user lists' kinds and regimes, replacing
// those set before.
func SetListInfos(infos []entity.ListInfo) {
	u := &userLists{info: make(map[string]entity.ListInfo, len(infos))}
	for _, li := range infos {
		u.info[li.List] = li
		if !slices.Contains(regimes, li.Jurisdiction) && !slices.Contains(u.regimes, li.Jurisdiction) {
			u.regimes = append(u.regimes, li.Jurisdiction)
		}
	}
	slices.Sort(u.regimes)
	users.Store(u)
}

// UserLists returns the names of the user lists, sorted.
func UserLists() []string {
	u := users.Load()
	if u == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(u.info))
}

// userInfo returns the info of a user list.
func userInfo(list string) (entity.ListInfo, bool) {
	u := users.Load()
	if u == nil {
		return entity.ListInfo{}, false
	}
	li, ok := u.info[list]
	return li, ok
}

// userRegimes returns the regimes only user lists belong to.
func userRegimes() []string {
	if u := users.Load(); u != nil {
		return u.regimes
	}
	return nil
}

// Kind returns the kind of list: the kind its importer gave a user list,
// entity.KindSanction for the official lists (and any other).
func Kind(list string) string {
	if li, ok := userInfo(list); ok {
		return li.Kind
	}
	return entity.KindSanction
}

// ListKinds returns the distinct kinds of lists, in order of first
// appearance.
func ListKinds(lists []string) []string {
	out := make([]string, 0, 1)
	for _, l := range lists {
		if k := Kind(l); !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// IsOfficial reports whether a publisher veto reads publishes list.
func IsOfficial(list string) bool {
	_, ok := jurisdictions[list]
	return ok
}
