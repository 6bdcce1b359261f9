// Package uk reads the United Kingdom's sanctions lists: the UK Sanctions
// List that the Foreign, Commonwealth and Development Office (FCDO)
// publishes, and the Consolidated List of Financial Sanctions Targets that
// HM Treasury's Office of Financial Sanctions Implementation (OFSI)
// published until early 2026.
//
// [Parse] recognises each file by its content: an XML document with the
// root <Designations> is the FCDO list (format "uk-fcdo-xml", list
// "uk-fcdo"); a text file whose first line is "Last Updated,dd/mm/yyyy" or
// the Consolidated List's header row is ConList.csv ("uk-ofsi-csv"); an
// Excel workbook is ConList.xlsx ("uk-ofsi-xlsx"). Both OFSI formats are
// list "uk-ofsi". Each file gives one [source.Result].
//
// # The FCDO UK Sanctions List (XML)
//
// The file is <Designations> with a <DateGenerated> (dd/mm/yyyy, the
// publication date) and one <Designation> per designated person, entity or
// ship. A designation maps to one entity with ID "uk-<UniqueID>" (the
// regime prefix and a number, "uk-RUS0252"):
//
//	UniqueID                         ID "uk-RUS0252"
//	IndividualEntityShip             Individual → Person, Entity → Organization, Ship → Vessel
//	Names/Name                       Name1..Name5 are given and middle names, Name6 the
//	                                 surname (the whole name of an entity or ship); the
//	                                 full name is Name1..Name5 then Name6, and a person's
//	                                 name gets First (Name1), Middle (Name2..5), Last (Name6)
//	  NameType                       "Primary Name" → the primary name; "Primary Name
//	                                 Variation" and "Alias" → aliases
//	  AliasStrength                  "Low quality a.k.a" → weak alias, "Good quality a.k.a" → alias
//	NonLatinNames/NonLatinName       an alias; Script from its letters, Lang from
//	                                 NonLatinScriptLanguage ("Russian" → ru)
//	DateDesignated                   ListingDate
//	LastUpdated                      prop modifiedAt
//	OFSIGroupID, UNReferenceNumber   relations sameAs "uk-ofsi-<id>" and "un-<ref>"
//	RegimeName                       Programs
//	DesignationSource                prop authority ("UK|UN" → UK, UN)
//	SanctionsImposed                 prop sanctionsImposed ("Asset freeze|Travel Ban")
//	SanctionsImposedIndicators/*     prop sanctions: the names of the indicators that are true
//	OtherInformation, UKStatementofReasons   Notes
//	Titles, Addresses, PhoneNumbers, EmailAddresses, Websites
//	                                 props title, phone, email, website; Addresses (the
//	                                 address country also goes to Countries)
//	IndividualDetails/Individual     DOBs → BirthDates ("12/05/1958", "dd/mm/1945",
//	                                 "00/00/1971", "05/1973", "1946"); Nationalities;
//	                                 Genders; Positions → position; PassportDetails/Passport
//	                                 and NationalIdentifierDetails/NationalIdentifier →
//	                                 identifiers with the additional information as Note;
//	                                 BirthDetails/Location → BirthPlaces "town, country"
//	                                 and prop birthCountry
//	EntityDetails/Entity             TypeOfEntities → legalForm; ParentCompanies and
//	                                 Subsidiaries → relations "parent", "subsidiary";
//	                                 BusinessRegistrationNumbers → registrationNumber
//	ShipDetails/Ship                 IMONumbers → imoNumber (as written, "IMO9562233");
//	                                 HullIdentificationNumbers → registrationNumber;
//	                                 CurrentOwnerOperators → owner; PreviousOwnerOperators
//	                                 → pastOwners; CurrentBelievedFlagOfShips → flag;
//	                                 PreviousFlags → pastFlags; TypeOfShip → vesselType;
//	                                 TonnageOfShip → tonnage; LengthOfShip → length;
//	                                 YearBuilt → BirthDates (the build date)
//
// The parser walks the document itself rather than with
// [source.ScanXML], so that an unknown child of <Designations> is reported
// too. Every wire struct keeps the elements and attributes it does not
// name, and each is a warning. A designation without a UniqueID or a name,
// or a UniqueID listed twice, fails the parse.
//
// # The OFSI Consolidated List (CSV and XLSX)
//
// ConList.csv and ConList.xlsx hold the same rows. The first row is "Last
// Updated" and the publication date (dd/mm/yyyy); the second is the header
// row of 36 columns, which the parser finds by name, not position: Name 6,
// Name 1..Name 5, Title, Name Non-Latin Script, Non-Latin Script Type,
// Non-Latin Script Language, DOB, Town of Birth, Country of Birth,
// Nationality, Passport Number, Passport Details, National Identification
// Number, National Identification Details, Position, Address 1..Address 6,
// Post/Zip Code, Country, Other Information, Group Type, Alias Type, Alias
// Quality, Regime, Listed On, UK Sanctions List Date Designated, Last
// Updated, Group ID. A missing column fails the parse (ErrFormat naming
// it); a column it does not know is kept in the raw record and warned
// about when it holds values.
//
// There is one row per name, and rows with the same Group ID are one
// designation, mapped to one entity "uk-ofsi-<Group ID>". The rows of a
// group are not always next to each other, and they multiply: OFSI writes
// a row for every combination of name, date of birth, address and regime
// (one group has 99 rows), so each distinct value or combination (an
// address's cells, a passport number with its details) is mapped once
// and values that differ between rows are merged. Entities come in the
// order of each group's first row. The raw record is a JSON array of the
// group's rows, each a header-to-cell object in column order.
//
//	Alias Type        "Primary name" → the primary name (the first one in the file; OFSI
//	                  types two names of some groups so, and the later one is an alias);
//	                  "Primary name variation", "AKA" → aliases; "FKA" → previous name
//	Alias Quality     "Low quality" → weak alias; "Good quality" or empty → alias
//	Name Non-Latin Script   an alias (a previous or weak alias on such rows); Script from
//	                  its letters, or from Non-Latin Script Type when they tell nothing
//	                  (the type is often empty or misspelt: "Cryillic"); Lang from
//	                  Non-Latin Script Language
//	Group Type        Individual → Person, Entity → Organization, Ship → Vessel
//	DOB               BirthDates: "21/03/1950", "00/00/1972", "00/08/1977", "1954"
//	Town/Country of Birth   BirthPlaces "town, country", prop birthCountry
//	Nationality       Nationalities
//	Passport Number/Details, National Identification Number/Details
//	                  identifiers; numbered cells are paired by number: "(1) CB982788
//	                  (2) 24132276" with "(1) Portugal (2) Israel". Details of a missing
//	                  number ("(2) -") become notes.
//	Title, Position   props title, position
//	Address 1..6, Post/Zip Code, Country   Addresses, Countries
//	Regime            Programs (a group listed under several regimes has several)
//	Listed On         ListingDate, the earliest when a group has several
//	UK Sanctions List Date Designated   prop designationDate
//	Last Updated      prop modifiedAt, the latest
//	Other Information Notes, whole. Its labelled facts are also mapped: (UK Sanctions
//	                  List Ref) → relation sameAs "uk-<ref>"; (UN Ref) → sameAs
//	                  "un-<ref>"; (Gender); (Phone number), (Tel), (Fax), (Email
//	                  address), (Website); (Type of entity) → legalForm; (Parent
//	                  company), (Subsidiaries) → relations; (Business Reg No) →
//	                  registrationNumber; (IMO number) → imoNumber; (Flag of ship),
//	                  (Previous flags), (Type of ship), (Tonnage of ship), (Length of
//	                  ship), (Current owners), (Year built), as for FCDO ships.
//
// Cells that hold several values number them: "(1) Russia (2) Israel",
// "(1-3) Libya", "(1) to (6) Algeria (7) Morocco" (the "to" is dropped).
// Country cells use many historical forms, which map to the country named
// as the present one ("Former USSR Currently Ukraine" → ua, "Kazakh SSR" →
// kz) and to remarks in brackets ("Iraq (previous address)" → iq). A few
// rows have their address cells shifted ("Russia" under Post/Zip Code);
// then the country comes from the last address cell that is one.
//
// The CSV may start with a byte order mark, has CRLF line ends and quoted
// cells with line breaks; a row must have the header's number of cells
// (empty trailing cells excepted). The XLSX is read from its first sheet,
// row by row (excelize's streaming reader), with raw cell values: all of
// OFSI's cells are text.
//
// # Not mapped
//
// Nothing is left out on purpose except namespace declarations and
// xsi:nil attributes in the XML, which say nothing about the designated
// party. Labels in Other Information other than those above stay in the
// note only. Any element, attribute, column or value the parser cannot map
// is a warning (counted, with the file and line of the first one); the
// real snapshots of 2023 and 2025 and the FCDO excerpt parse with none.
package uk
