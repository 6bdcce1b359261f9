// Package ofac reads the lists of the US Treasury's Office of Foreign
// Assets Control (OFAC): the Specially Designated Nationals and Blocked
// Persons List (veto list "ofac-sdn") and the Consolidated (non-SDN)
// Sanctions List ("ofac-cons").
//
// OFAC publishes each list in several formats under one base URL,
// https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/.
// `veto update` fetches the richest, the enhanced XML (SDN_ENHANCED.ZIP,
// CONS_ENHANCED.ZIP). [Parse] reads every format below, plain, gzipped or
// in a one-member zip, and tells them apart by content (the XML document
// element, the CSV column count) and, where the content cannot tell, by
// the file's base name. The legacy files, for reference:
//
//	SDN.CSV ADD.CSV ALT.CSV SDN_COMMENTS.CSV    SDN list, legacy CSV
//	CONS_PRIM.CSV CONS_ADD.CSV CONS_ALT.CSV CONS_COMMENTS.CSV   consolidated, CSV
//	SDN.XML CONSOLIDATED.XML                    both lists, sdnList XML
//	SDN_ENHANCED.XML CONS_ENHANCED.XML          both lists, enhanced XML
//
// IDs are "ofac-<uid>": OFAC's ent_num (CSV), sdnEntry/uid (XML) and
// entity/@id (enhanced XML) are the same number for the same designation,
// and an entity on both lists has the same ID on each.
//
// # Legacy CSV
//
// Four files per list, without a header: the main file (sdn.csv,
// cons_prim.csv; 12 columns ent_num, SDN_Name, SDN_Type, Program, Title,
// Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks),
// add.csv (ent_num, add_num, address, city/state/province/postal code,
// country, add_remarks), alt.csv (ent_num, alt_num, alt_type, alt_name,
// alt_remarks) and sdn_comments.csv (ent_num, remarks continuation). The
// cons_* files have the same columns. Quirks:
//
//   - null is the unquoted literal "-0- " (with its space);
//   - programmes are joined as "SDGT] [IRGC", the outer brackets missing;
//   - lines end in CRLF and the files in a DOS end-of-file byte (0x1A);
//   - quoted fields hold line breaks (addresses);
//   - SDN_Type is "individual", "vessel", "aircraft" or null for an
//     entity (quoted in the cons files);
//   - Remarks longer than the field limit are cut, often mid-word, and
//     continue in the comments file: the continuation is appended to the
//     remarks as is before they are read.
//
// A main file alone is read, with one warning per missing side file
// ("alt.csv not given: aliases from it are missing"); side files without
// their main file are an ErrFormat error. A side row whose ent_num is not
// in the main file is a warning. The main and side files tell their role
// by column count; their list by name ("cons..." is the consolidated list,
// any other main file the SDN list). An entity's raw record is its main
// line and its add, alt and comments lines as in the file, joined by "\n".
//
// Individuals' names are written "LAST, First Middle": Full is the name
// as written, Last the part before the first comma and First the rest.
// alt_type aka and nka are aliases, fka a former name.
//
// # Remarks
//
// OFAC writes most facts into the Remarks field (and, for what has no
// element of its own, into sdn.xml's remarks) as clauses separated by
// "; ", each "[alt. ]LABEL VALUE[ (Country)][ issued DATE][ expires
// DATE]", the last ending in a period:
//
//	DOB 21 Mar 1950; POB Moscow, Russia; nationality Russia; Gender Male;
//	Passport 100000000 (Russia) issued 01 Jan 2010; a.k.a. 'BNC';
//	Linked To: SOME COMPANY.
//
// A clause starts with the longest label of one table (idtypes.go) that
// every format shares: the CSV clause labels, sdn.xml's idType values and
// the enhanced XML's feature and identity document types are the same
// words. The table maps each label to the model: identifiers (passport,
// national ID, tax, registration, IMO, MMSI, SWIFT/BIC, LEI, ISIN, crypto
// wallets, aircraft serial numbers, call signs), dates and places of
// birth ("circa 1965", "1955 to 1958"; also build and establishment
// dates), nationality, citizenship, gender, country of registration,
// vessel flags, contact details and other properties, and sanctions
// information kept as notes (secondary sanctions risk, directives and
// their dates). Labels not in the table are classified by keywords (tax,
// passport, registration, national ID); identifier values that start
// "IMO" are IMO numbers whatever their label. Names in single quotes after
// "a.k.a." are OFAC's weak aliases; "f.k.a." gives a former name, "n.k.a."
// and "d.b.a." aliases. "Linked To: NAME" is a linkedTo relation, whose
// target is resolved to the ID of the listed entity of that name when
// there is exactly one. Clauses that are no fact (positions, descriptions)
// are notes; free text shaped like an identifier under an unknown label
// ("Foo No. 123 (Iran)") is also a warning, so new labels are noticed.
// E-mail addresses and websites written without a label are read too.
//
// Measured on the CSV snapshots (SDN 2024-05-03 and 2021-07-07,
// consolidated 2025-12-19): 97,043 clauses, of which 92,688 carry one of
// 194 labels (the most frequent: DOB 12,733, Linked To 10,049, POB
// 7,442, nationality 7,031, a.k.a. 6,058, Gender 5,779, Additional
// Sanctions Information 4,251, Passport 3,647, Secondary sanctions risk
// 3,390, Tax ID No. 3,375, Registration Number 3,123) and 4,355 are free
// text.
//
// # sdnList XML
//
// sdn.xml and consolidated.xml: document element sdnList in the namespace
// https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML
// (older files: http://tempuri.org/sdnList.xsd; elements are matched by
// local name, so both are read). publshInformation/Publish_Date
// (MM/DD/YYYY) is the publication date, and Record_Count must equal the
// number of sdnEntry elements, else the file is truncated (ErrTruncated)
// or malformed. The file's name tells the list. An sdnEntry gives uid,
// firstName, lastName, title, sdnType, remarks, programList, idList (each
// id a fact under its idType, with idCountry, issueDate and
// expirationDate), akaList (type a.k.a., f.k.a., n.k.a.; category weak
// makes a weak alias), addressList, nationalityList, citizenshipList,
// dateOfBirthList, placeOfBirthList and vesselInfo. A person's name is
// written "LAST, First" as in the CSV.
//
// # Enhanced XML
//
// SDN_ENHANCED.XML and CONS_ENHANCED.XML: document element sanctionsData
// in the namespace
// https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML.
// publicationInfo/dataAsOf is the publication date, and
// publicationInfo/filters/sanctionsLists names the list ("SDN List",
// "Consolidated List"). Two lookup tables come first: referenceValues
// (refId → type, value, ISO code) and featureTypes (featureTypeId → name,
// detail type DATE, COUNTRY, LOOKUP or TEXT); every refId is resolved
// through them, and countries are read from their ISO codes. Each entity
// gives:
//
//   - generalInfo: entityType (Individual, Entity, Vessel, Aircraft) and
//     remarks (read as remarks above);
//   - sanctionsLists: every list the entity is on, as Props
//     "sanctionsLists" (a consolidated entry also on the SDN list says
//     "SDN List"); the earliest datePublished, other than that of the
//     Consolidated List itself (created 2014), is the listing date;
//   - sanctionsPrograms (Programs), sanctionsTypes (Props
//     "sanctionsType"), legalAuthorities (Props "legalAuthority");
//   - names: each name has translations, one per script; each
//     translation is a name (formattedFullName; a person's first, middle
//     and last name from the formatted parts) with its ISO 15924 script.
//     isPrimary marks the primary name, aliasType A.K.A./F.K.A./N.K.A. the
//     others, isLowQuality a weak alias; a non-primary translation of the
//     primary name is an alias;
//   - addresses: each translation an address, from its address parts;
//   - features: each a fact under its feature type's name (the same
//     table), dates read from valueDate (a span: whole years, months or
//     days; a range when it spans more than one, approximate when
//     isApproximate); a reliability other than Confirmed and comments
//     become notes;
//   - identityDocuments: identifiers by type, number and issuing country;
//     an issuing authority OGRN or INN makes an ogrnCode or innCode;
//     issuingLocation, other authorities and isValid false go to the
//     identifier's note;
//   - relationships: relations to "ofac-<relatedEntity/@entityId>", typed
//     ownedBy, owns, actingFor, associateOf, familyOf, leaderOf, ...
//
// # Not mapped
//
// These carry nothing about the sanctioned party and are ignored on
// purpose (the raw record keeps them): OFAC's internal row ids (the uid of
// sdn.xml's id, aka, address, nationality and date items; the id
// attributes of the enhanced XML; generalInfo/identityId; feature
// versionId; identityDocument/name, which only says which name a document
// was issued under), mainEntry and isPrimary of features and dates (all
// values are kept; they only mark OFAC's preferred one), the enhanced XML's
// namePart elements (the formatted names carry the same text),
// relationship quality, and featureType publishExclude, publishDescription
// and publishOrder (print layout). Elements directly under the document
// element other than the record elements are not checked for unknown
// content.
package ofac
