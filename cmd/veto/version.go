package main

import (
	"runtime"
	"runtime/debug"
)

// buildVersion says which veto this is: the version set at build time
// (main.version), else the module version and the commit it was built
// from when the build recorded one (go build in a clone does;
// -buildvcs=false does not).
func buildVersion() string {
	if version != "dev" {
		return version + " " + runtime.Version()
	}
	v, rev, dirty := "(devel)", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		v += " commit " + rev
		if dirty {
			v += " (modified)"
		}
	}
	return v + " " + runtime.Version()
}
