package entity

// Subject is a party screened against the lists: its name and what else
// is known of it. A screening query (match.Query) and a monitored
// customer (Customer) are both a Subject under a reference of their own,
// so a field the matcher learns to read is added here once, and reaches
// the API, batch files, the command line and monitoring alike.
type Subject struct {
	// Schema restricts the entities matched: Person, Organization,
	// Company, LegalEntity, Vessel, Airplane; empty for any.
	Schema Schema `json:"schema,omitempty"`
	// Name is the name to screen. Required.
	Name string `json:"name"`
	// Aliases are other names of the same party, screened too.
	Aliases []string `json:"aliases,omitempty"`
	// BirthDate is a date of birth (or of incorporation or build): an
	// ISO date or prefix (1950-03-21, 1950-03, 1950), or as people type
	// it (see ParseDateInput) until validated.
	BirthDate string `json:"birthDate,omitempty"`
	// Country is a country name or ISO code: nationality, residence or
	// registration.
	Country string `json:"country,omitempty"`
	// IDNumber is any identifier: passport, national ID, tax or
	// registration number, IMO number, BIC, crypto address.
	IDNumber string `json:"idNumber,omitempty"`
	// Gender is "male" or "female".
	Gender string `json:"gender,omitempty"`
}
