package main

import (
	"runtime/debug"
	"testing"
)

func TestFormatVersion(t *testing.T) {
	vcs := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "6bab710f00d1c2b5245d3b2f40ee"}, {Key: "vcs.time", Value: "2026-12-07T05:17:37Z"}, {Key: "vcs.modified", Value: "true"}}}
	for _, tt := range []struct {
		version, date string
		bi            *debug.BuildInfo
		want          string
	}{
		{"dev", "", nil, "(devel) go1.26"},
		{"dev", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0 go1.26"},
		{"dev", "", vcs, "(devel) commit 6bab710f00d1 (modified) committed 2026-12-07T05:17:37Z go1.26"},
		{"v1.5.0", "2026-12-08T10:00:00Z", vcs, "v1.5.0 commit 6bab710f00d1 (modified) built 2026-12-08T10:00:00Z go1.26"},
	} {
		if got := formatVersion(tt.version, tt.date, tt.bi, "go1.26"); got != tt.want {
			t.Errorf("formatVersion(%q, %q) = %q, want %q", tt.version, tt.date, got, tt.want)
		}
	}
}
