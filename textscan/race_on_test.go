//go:build race

package textscan

// raceDetector is true in a -race build. The scanner's measurements over
// thousands of real cases run in one goroutine, where the race detector
// has nothing to find, and ten times slower under it (over ten minutes):
// they skip there, and CI runs them without the detector (.ci/run).
const raceDetector = true

const raceSkip = "a single-goroutine measurement over thousands of cases, ten times slower under -race: CI runs it without the race detector (.ci/run)"
