package web

import (
	"regexp"
	"slices"
	"strings"
)

// listFailure is one list whose last refresh failed, and why.
type listFailure struct {
	// List is the list's name; "" when the error names none.
	List string
	// Detail is the error as the refresh gave it: URLs, host names and
	// the resolver's address. Only admins see it, on the lists page.
	Detail string
}

// listPrefix is how the refresh names the list of each of its errors:
// one line per list, "ofac-sdn: …".
var listPrefix = regexp.MustCompile(`^([a-z0-9][a-z0-9._-]{0,63}): `)

// refreshFailures splits the keeper's last refresh error into its
// lists. A line that names no list belongs to the one before it (an
// error of several lines); an error that names none is one failure
// without a list.
func refreshFailures(msg string) []listFailure {
	if strings.TrimSpace(msg) == "" {
		return nil
	}
	var out []listFailure
	for line := range strings.SplitSeq(msg, "\n") {
		if m := listPrefix.FindStringSubmatch(line); m != nil {
			if i := slices.IndexFunc(out, func(f listFailure) bool { return f.List == m[1] }); i >= 0 {
				out[i].Detail += "\n" + line
				continue
			}
			out = append(out, listFailure{List: m[1], Detail: line})
			continue
		}
		if len(out) == 0 {
			out = append(out, listFailure{})
		}
		if out[len(out)-1].Detail != "" {
			out[len(out)-1].Detail += "\n"
		}
		out[len(out)-1].Detail += line
	}
	return out
}
