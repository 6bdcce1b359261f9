//go:build race

package main

// raceDetector is true in a -race build. The tests that import every real
// list and resolve their subjects (a few seconds each) take over ten
// minutes under the race detector, which has little to find in them: they
// skip there, and CI runs them without the detector (.ci/run).
const raceDetector = true
