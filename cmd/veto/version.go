package main

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// buildDate is set at build time with -ldflags "-X main.buildDate=...",
// as the Dockerfile does; a plain go build leaves it empty and the
// commit's time is given instead.
var buildDate = ""

// buildVersion says which veto this is (veto --version, the UI footer):
// the version set at build time (main.version) or the module's, the
// commit it was built from and whether the tree was modified, when it
// was built (or committed), and the Go release.
func buildVersion() string {
	bi, _ := debug.ReadBuildInfo()
	return formatVersion(version, buildDate, bi, runtime.Version())
}

func formatVersion(version, buildDate string, bi *debug.BuildInfo, goVersion string) string {
	v := version
	var rev, vcsTime string
	dirty := false
	if bi != nil {
		if v == "dev" && bi.Main.Version != "" {
			v = bi.Main.Version // v1.2.3 when installed with go install, (devel) in a clone
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				vcsTime = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if v == "dev" {
		v = "(devel)"
	}
	parts := []string{v}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		c := "commit " + rev
		if dirty {
			c += " (modified)"
		}
		parts = append(parts, c)
	}
	switch {
	case buildDate != "":
		parts = append(parts, "built "+buildDate)
	case vcsTime != "":
		parts = append(parts, "committed "+vcsTime)
	}
	return strings.Join(append(parts, goVersion), " ")
}
