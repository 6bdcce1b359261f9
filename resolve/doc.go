// Package resolve groups the listings of every list into sanctioned
// subjects: one person, organisation, vessel or aircraft, with the
// listings that name it and the evidence that joined each.
//
// Sergei Lavrov is designated by the US, the UK, Canada, Australia and the
// EU; each list describes him in its own words. Resolution reads the
// evidence the listings carry, strongest first:
//
//  1. an analyst's decision (merge, not the same, stand alone), which
//     overrides everything below;
//  2. cross-references the publishers print themselves: a "sameAs"
//     relation (UN reference numbers quoted by the UK and EU lists, OFSI
//     group IDs quoted by the FCDO list);
//  3. identifiers that name one subject: passport and national ID
//     numbers, IMO and MMSI numbers, SWIFT/BIC codes, crypto addresses,
//     registration, tax, INN, OGRN and LEI numbers, on listings of
//     different lists whose countries do not disagree;
//  4. for people, the matcher's name score over all names of both
//     listings with the same full date of birth; for organisations, the
//     name score with a shared country and a shared address.
//
// Contradictions veto every kind of evidence but the first two: two
// listings with different full dates of birth, different genders,
// different IMO numbers, different registration numbers in one country,
// or entries of one register (one list; every OFAC number is one
// register, whichever list carries it), are never joined by an
// identifier or by their names. Pairs whose names and facts agree, but not enough to join, are
// kept as possible-same pairs for an analyst to decide.
//
// A subject's ID is derived from its members and kept across list
// versions: given the previous resolution, a subject keeps the ID of the
// previous subject it shares most members with.
package resolve
