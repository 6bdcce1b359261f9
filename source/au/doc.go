// Package au reads the DFAT Consolidated List, the people and entities
// under Australian sanctions law (UN Security Council regimes that
// Australia implements and its own autonomous regimes), published by the
// Department of Foreign Affairs and Trade.
//
// # The file
//
// DFAT publishes the list as one workbook, regulation8_consolidated.xlsx,
// with one sheet. Its first row holds twelve headers, found by name:
//
//	Reference | Name of Individual or Entity | Type | Name Type | Date of Birth |
//	Place of Birth | Citizenship | Address | Additional Information |
//	Listing Information | Committees | Control Date
//
// There is one row per name. Rows whose Reference starts with the same
// number are one listing: "2" is the primary name, "2a", "2b" its other
// names (also "34c1" and, with a stray space, "1140g "). A listing's rows
// are mostly together, but an alias added later can sit further down the
// sheet. Every row repeats the listing's other columns, which now and
// then differ between rows ("For this aka only, alt DOB 1973"). Empty
// rows follow the data. The sheet is typed by hand: Name Type comes as
// "Primary Name", "Primary name", "primary Name", "Primary Name ", "aka",
// "Aka", "AKA", "Original Script", "Formerly known as", "Previously
// listed as"; Type as "Individual", "individual ", "Entity ".
//
// Dates typed as dates are stored as Excel serial numbers, and the
// package reads cells raw, so that "18798" is read as 1951-06-19 rather
// than through a display format that drops the century ("19-Jun-51") or
// puts the month first ("04-24-81"). Control Date is always such a
// number; Date of Birth and Listing Information sometimes are.
//
// # Mapping
//
//   - ID: "au-" and the Reference number ("au-2"), kept by DFAT for the
//     life of a listing.
//   - Type "Individual" is a Person, "Entity" an Organization (DFAT has no
//     vessel or aircraft type; "Vessel" and "Aircraft" would be read).
//   - Names: the "Primary Name" row is the primary name, or failing that
//     the row whose Reference has no letter. "aka" rows are aliases,
//     "Original Script" rows aliases whose Script is read from their
//     letters ("Arab", "Cyrl", "Hani"), "Formerly known as" and
//     "Previously listed as" rows previous names. A name marked "(formerly
//     listed as)" or "(Previously listed as. In Arabic: ...)" is a
//     previous name, the second form with its Arabic form as another.
//   - Date of Birth: a serial date; a year; or free text, a lettered list
//     ("a) Approximately 1955- 1958 b) Approximately 1945-1950") or
//     separated by ";", ">>", "or", line breaks and runs of spaces. Each
//     date is read by source.ParseDateText, after mending the sheet's
//     forms: month words with stray dots or letters ("June.", "Sept.",
//     "Aprl", "Jan.1973"), two-digit years ("23-Apr-68", read as 19xx),
//     "03/1965", "1977/1978", "1965, 29 March", "Between Aug. and Sep
//     1977", "10/061962". "alt DOB" and "born" introduce further dates.
//     A bracket that says something about the dates ("(as Ali Thafir
//     Abdallah)", "(this aka only, ...)", "(Hijri Calendar)", whose date
//     is not Gregorian and is skipped) puts the whole cell in the notes.
//     A part that cannot be read is a warning.
//   - Place of Birth: the places of a lettered list, as written.
//   - Citizenship: country names and adjectives ("Russian and Ukrainian",
//     "a) Pakistani b) Saudi Arabian", "Malian / Mauritanian") as
//     citizenships. A qualified one ("Possibly Ethiopian", "Kuwaiti
//     citizenship withdrawn in 2002", "(this aka only, alt Citizenship
//     Yemeni)") is read and the cell also goes to the notes. An unknown
//     country is a warning.
//   - Address: the addresses of a lettered list or separated by ";"; an
//     address's country is its last comma-separated part, when that is a
//     country.
//   - Additional Information is a note. The facts in it that can be read
//     without guessing are also mapped: "Gender: male", "Title: a) Mullah
//     b) Haji" (title), "Designation: ..." (position), a passport or
//     national identification number right after its label, IMO numbers,
//     SWIFT/BIC, LEI, tax and registration numbers, websites and e-mail
//     addresses.
//   - Listing Information is a note, and its first date after "listed" or
//     "designated" (or at its start) the listing date; "Relisted" and
//     "Last listed" dates are not. A serial date there is the listing
//     date.
//   - Committees is the programme ("1988 (Taliban)", "Autonomous
//     (Russia)").
//   - Control Date is modifiedAt (the newest of the listing's rows); the
//     newest of all is the list's publication date (PublishedFrom
//     "newest-listing-date").
//   - Raw is a JSON array of the listing's rows, each an object from
//     header to raw cell text, in column order.
//
// # Not mapped
//
// Nothing is dropped on purpose. A column the package does not know is a
// warning, and so is every value in it; so are sheets other than the
// first and rows above the header.
package au
