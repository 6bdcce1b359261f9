package csl

import "strings"

// listInfo describes one of the lists the CSL bundles.
type listInfo struct {
	// name is the list's name without its agency, e.g. "Entity List (EL)".
	name string
	// topic is the FtM topic of its entries: "sanction", "export.control"
	// or "debarment".
	topic string
}

// lookupList reads the source column ("Entity List (EL) - Bureau of
// Industry and Security"): the list's name is the part before " - ", its
// topic follows from the agency (Treasury and the State Department's
// nonproliferation sanctions are sanctions, the Bureau of Industry and
// Security keeps export-control lists, and the State Department's
// Directorate of Defense Trade Controls debars).
func lookupList(source string) (listInfo, bool) {
	name, agency, _ := strings.Cut(source, " - ")
	info := listInfo{name: strings.TrimSpace(name)}
	switch {
	case strings.Contains(agency, "Treasury"):
		info.topic = "sanction"
	case strings.Contains(agency, "Bureau of Industry and Security"):
		info.topic = "export.control"
	case strings.HasPrefix(name, "ITAR Debarred"):
		info.topic = "debarment"
	case strings.HasPrefix(name, "Nonproliferation Sanctions"):
		info.topic = "sanction"
	default:
		return info, false
	}
	return info, true
}
