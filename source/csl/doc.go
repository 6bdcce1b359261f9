// Package csl reads the US Consolidated Screening List (CSL), which the
// International Trade Administration publishes at trade.gov: thirteen
// export-control and sanctions lists of three US departments in one file.
//
//   - Commerce, Bureau of Industry and Security: Entity List (EL), Denied
//     Persons List (DPL), Unverified List (UVL), Military End User (MEU)
//     List;
//   - State: ITAR Debarred (DTC), Nonproliferation Sanctions (ISN);
//   - Treasury, OFAC: Specially Designated Nationals (SDN), Sectoral
//     Sanctions Identifications (SSI), Palestinian Legislative Council
//     (PLC), Non-SDN Chinese Military-Industrial Complex Companies (CMIC),
//     Capta (CAP), Non-SDN Menu-Based Sanctions (NS-MBS), Foreign Sanctions
//     Evaders (FSE).
//
// # The file
//
// consolidated.csv is a CSV file with a header of 29 columns, found by
// name:
//
//	_id, source, entity_number, type, programs, name, title, addresses,
//	federal_register_notice, start_date, end_date, standard_order,
//	license_requirement, license_policy, call_sign, vessel_type,
//	gross_tonnage, gross_registered_tonnage, vessel_flag, vessel_owner,
//	remarks, source_list_url, alt_names, citizenships, dates_of_birth,
//	nationalities, places_of_birth, source_information_url, ids
//
// There is one row per entry of each list. source names the list ("Entity
// List (EL) - Bureau of Industry and Security"). Treasury rows carry OFAC's
// entry number in entity_number (and as _id); other rows have a hash _id
// and no entity_number, type or programs. A designation on several
// Treasury lists has one row per list with the same entity_number (the
// SDN and the SSI row of a Russian bank). Multi-valued cells are joined
// with "; ". Dates are ISO; citizenships and nationalities are ISO codes.
// A few names and addresses run over two lines inside quotes. The copy in
// the shared data folder is gzipped; source.ReadFile sees through that.
//
// # Mapping
//
//   - ID: rows with an entity_number get OFAC's ID, "ofac-" +
//     entity_number, so that a designation read from this list and from
//     OFAC's own lists is one entity; rows that share an entity_number are
//     merged into one entity (values are added once, the first row's name
//     is the primary name, other names are aliases). Other rows are
//     "csl-" + _id. A row with neither, or with no name, fails the parse.
//   - Schema from type: Individual is a Person, Entity an Organization,
//     Vessel a Vessel, Aircraft an Airplane; rows without a type (the
//     Commerce and State lists) are LegalEntity.
//   - The list: source as written is the sourceList property, its FtM
//     topic ("sanction" for Treasury and ISN, "export.control" for the
//     Bureau of Industry and Security, "debarment" for ITAR Debarred) the
//     topics property. programs are the programmes; a row without any
//     gets the list's name as its programme ("Entity List (EL)"), so that
//     export-control teams can filter by list either way.
//   - name is the primary name, alt_names aliases. title is the position
//     property (OFAC's "title" is mostly a function: "President",
//     "Scientific Studies and Research Center Employee").
//   - addresses: each a "; "-separated entry of comma-joined parts whose
//     last part is mostly an ISO country code ("Agiou Andreou, 332,
//     Limassol, 3035, CY"); the parts are not labelled and empty ones are
//     left out, so only the country is read from them.
//   - start_date is the listing date (the earliest of merged rows); the
//     newest one in the file is its publication date (PublishedFrom
//     "newest-listing-date"). end_date is the endDate property.
//   - dates_of_birth ("1973-03-25", "1966", "circa 1963", "1978 to 1980")
//     are birth dates, places_of_birth birth places, citizenships and
//     nationalities country codes.
//   - remarks is a note; each "Linked To: NAME" in it is a linkedTo
//     relation, whose Target is the ID of the one entity of the file named
//     exactly NAME, if there is one.
//   - call_sign is a callSign identifier, vessel_type, gross_tonnage,
//     gross_registered_tonnage and vessel_owner the vesselType, tonnage,
//     grossRegisteredTonnage and owner properties, vessel_flag the flag
//     (a country code).
//   - federal_register_notice, standard_order, license_requirement,
//     license_policy, source_list_url and source_information_url are the
//     federalRegisterNotice, standardOrder, licenseRequirement,
//     licensePolicy, sourceUrl and sourceInformationUrl properties.
//   - ids: see the layout above identifier. Identifier types are placed
//     by keyword ("Passport", "Cedula No." and "C.U.R.P." national IDs,
//     "R.F.C." and "NIT #" tax numbers, "Folio Mercantil No." registration
//     numbers, "Digital Currency Address - XBT" crypto wallets); a Russian
//     tax number is an INN code and a Russian 13- or 15-digit registration
//     number an OGRN code, "IMO 1234567" an IMO number, a "Legal Entity
//     Number" an LEI only when it looks like one. The dates of a document
//     go to its note. Other types map to properties (Gender, Website,
//     Email Address, Phone Number, Organization Type: as sector, Target
//     Type as classification, Aircraft Model, Aircraft Operator, serial
//     numbers, Equity Ticker, Former and Other Vessel Flag as pastFlags),
//     dates (Organization Established Date, Aircraft Manufacture Date),
//     countries (Nationality of Registration) or notes (sanctions
//     information such as "Secondary sanctions risk:", directive listing
//     and effective dates, CMIC dates, aircraft construction numbers). An
//     unknown type is a warning and a note.
//   - Raw is the row's CSV text as in the file; for merged rows, all of
//     them joined by "\n".
//
// # Not mapped
//
// _id and entity_number are read into the ID only. An unknown column is
// a warning, and so is each value in it.
package csl
