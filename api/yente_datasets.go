package api

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// OpenSanctions names its datasets differently from veto's lists
// ("us_ofac_sdn" for "ofac-sdn"). yente's clients name OpenSanctions'
// datasets, and some read them in results ("un_" in a dataset means a UN
// listing), so the yente routes take both names everywhere and answer
// with OpenSanctions' (the native /v1 keeps veto's).

// openSanctionsName maps each list veto reads to its OpenSanctions
// dataset (yente-api.md §5).
var openSanctionsName = map[string]string{
	"ofac-sdn":  "us_ofac_sdn",
	"ofac-cons": "us_ofac_cons",
	"un-sc":     "un_sc_sanctions",
	"eu-fsf":    "eu_fsf",
	"uk-ofsi":   "gb_hmt_sanctions",
	"uk-fcdo":   "gb_fcdo_sanctions",
	"ca-sema":   "ca_dfatd_sema_sanctions",
	"au-dfat":   "au_dfat_sanctions",
	"us-csl":    "us_trade_csl",
}

// collections are OpenSanctions' collections veto serves: each means
// every list served. OpenSanctions' "sanctions" leaves out the retired
// gb_hmt_sanctions; veto screens whatever it serves, as its "sanctions"
// always has.
var collections = []string{"sanctions", "default"}

// datasetName returns a list's OpenSanctions name; a list OpenSanctions
// has no dataset for keeps veto's name.
func datasetName(list string) string {
	if n, ok := openSanctionsName[list]; ok {
		return n
	}
	return list
}

// datasetNames returns the OpenSanctions names of lists, sorted.
func datasetNames(lists []string) []string {
	out := make([]string, 0, len(lists))
	for _, l := range lists {
		if n := datasetName(l); !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// datasetLists returns the lists of served a dataset name stands for: a
// collection, every one; a list by veto's name or OpenSanctions', that
// list. A name that is neither is an error naming the datasets there
// are.
func datasetLists(name string, served []string) ([]string, error) {
	if slices.Contains(collections, name) {
		return slices.Clone(served), nil
	}
	for _, l := range served {
		if l == name || datasetName(l) == name {
			return []string{l}, nil
		}
	}
	return nil, fmt.Errorf("no dataset %q: datasets are %s", name, strings.Join(append(slices.Clone(collections), datasetNames(served)...), ", "))
}
