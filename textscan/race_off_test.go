//go:build !race

package textscan

// raceDetector: see race_on_test.go.
const raceDetector = false

const raceSkip = ""
