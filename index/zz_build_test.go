package index

import (
	"context"
	"os"
	"runtime/pprof"
	"testing"
	"time"
	"fmt"

	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/source/all"
)

func TestZZBuild(t *testing.T) {
	rs, _, _ := all.ParseDir(context.Background(), "/work/shared/data")
	var ents = rs[0].Entities
	for _, r := range rs[1:] {
		ents = append(ents, r.Entities...)
	}
	f, _ := os.Create("/tmp/build.prof")
	pprof.StartCPUProfile(f)
	for i := 0; i < 3; i++ {
		st := time.Now()
		Build(ents, match.DefaultConfig())
		fmt.Println(time.Since(st))
	}
	pprof.StopCPUProfile()
}
