// Package un reads the UN Security Council Consolidated List, the list of
// every individual and entity under the sanctions of a Security Council
// committee (ISIL/Al-Qaida, Taliban, DPRK, Libya, ...).
//
// # The file
//
// The UN publishes the list as one XML file at
// https://scsanctions.un.org/resources/xml/en/consolidated.xml (saved as
// un_consolidated.xml). Its document element, CONSOLIDATED_LIST, has no
// namespace; its dateGenerated attribute ("2026-02-27T00:00:09.554Z") is
// the publication time. It holds two sections, INDIVIDUALS and ENTITIES,
// of INDIVIDUAL and ENTITY records:
//
//	<INDIVIDUAL>
//	  <DATAID>6908858</DATAID> <VERSIONNUM>1</VERSIONNUM>
//	  <FIRST_NAME>EMRAAN</FIRST_NAME> <SECOND_NAME>ALI</SECOND_NAME>
//	  <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
//	  <REFERENCE_NUMBER>QDi.430</REFERENCE_NUMBER>
//	  <LISTED_ON>2021-11-23</LISTED_ON>
//	  <COMMENTS1>Senior member of ... (QDe.115) ...</COMMENTS1>
//	  <NATIONALITY><VALUE>Trinidad and Tobago</VALUE></NATIONALITY>
//	  <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Jihad TNT</ALIAS_NAME></INDIVIDUAL_ALIAS>
//	  <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1967-07-04</DATE></INDIVIDUAL_DATE_OF_BIRTH>
//	  <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>TB162181</NUMBER>
//	    <ISSUING_COUNTRY>Trinidad and Tobago</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
//	  ...
//	</INDIVIDUAL>
//
// ENTITY records have the same fields, with ENTITY_ALIAS and
// ENTITY_ADDRESS, and without the person-only ones. Empty groups are
// written out (<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>,
// <INDIVIDUAL_DOCUMENT/>) and mean nothing. The serialisation varies
// between versions (single or double quotes, two- or four-space
// indentation), and long values are wrapped over several lines; every
// value is therefore read with its runs of white space turned into one
// space.
//
// # Mapping
//
// The entity ID is "un-" and the REFERENCE_NUMBER ("un-QDi.430"), which
// the UN keeps for the life of a designation. INDIVIDUAL becomes a
// Person, ENTITY an Organization.
//
//   - Names: the primary name is FIRST_NAME to FOURTH_NAME joined by
//     spaces, in the order given; the UN does not say which part is the
//     family name, so no name parts are set. NAME_ORIGINAL_SCRIPT is an
//     alias whose Script is read from its letters ("Arab", "Cyrl").
//     Aliases by QUALITY: "Good" and "a.k.a." are aliases, "Low" weak
//     aliases, "f.k.a." previous names. An alias NOTE goes to the notes
//     ("Alias Sayf-Al Adl: DOB: 11 Apr. 1963 ..."); an alias's own
//     DATE_OF_BIRTH, CITY_OF_BIRTH and COUNTRY_OF_BIRTH join the entity's
//     dates and places of birth (the raw record keeps which alias they
//     belong to).
//   - UN_LIST_TYPE is the programme, LISTED_ON the listing date (a time
//     zone suffix such as "2015-03-27-04:00" is dropped), COMMENTS1 a
//     note. Reference numbers cited in the notes ("(QDe.115)") become
//     linkedTo relations.
//   - TITLE values are the title property, DESIGNATION values the
//     position property, LAST_DAY_UPDATED values modifiedAt, GENDER the
//     gender, NATIONALITY values the nationalities (country names; "na"
//     means not available). SUBMITTED_BY, which the schema allows but the
//     files leave out, becomes a note.
//   - INDIVIDUAL_DATE_OF_BIRTH: TYPE_OF_DATE EXACT takes DATE or YEAR,
//     APPROXIMATELY a YEAR marked approximate, BETWEEN the range FROM_YEAR
//     to TO_YEAR. The NOTE may refine the date ("Approximately" for a
//     range, "Sep." for the month of a YEAR) or stand for it ("Nov. 1973",
//     "Between Aug. and Sep. 1977"); a note that is not about the date
//     goes to the notes. A date in the Hijri calendar ("24/06/1402 (Hijri
//     Calendar)") is kept as a note: the UN gives the Gregorian date as
//     another date of birth, and when it does not, that is a warning.
//   - INDIVIDUAL_PLACE_OF_BIRTH: STREET, CITY, STATE_PROVINCE and COUNTRY
//     joined with ", ", the NOTE after it in brackets.
//   - INDIVIDUAL_ADDRESS and ENTITY_ADDRESS: addresses; their country is
//     also one of the entity's countries. The NOTE ("as of June 2016")
//     goes to the notes, or is the address when there are no parts.
//   - INDIVIDUAL_DOCUMENT: identifiers. TYPE_OF_DOCUMENT "Passport" (also
//     "Numéro de passeport", "Número de pasaporte") is a passportNumber,
//     "National Identification Number" an idNumber; TYPE_OF_DOCUMENT2
//     refines the type ("Italian Fiscal Code" is a taxNumber, "Service
//     passport" a passportNumber) and is the label when given. The
//     country is ISSUING_COUNTRY, else COUNTRY_OF_ISSUE; the note holds
//     DATE_OF_ISSUE, CITY_OF_ISSUE (and COUNTRY_OF_ISSUE when it differs
//     from the issuing country) and the NOTE ("expired on 13 Feb. 2000").
//     A document without NUMBER, whose number is only in the NOTE
//     ("Tunisian passport number L 191609 issued on ..."), is a note.
//
// # Not mapped
//
// DATAID and VERSIONNUM are the UN's internal record id and version;
// SORT_KEY and SORT_KEY_LAST_MOD are sort keys, empty in every known
// file; LIST_TYPE is always "UN List" and names the list itself (another
// value is a warning); the root's xsi:noNamespaceSchemaLocation names the
// schema. None of them says anything about the listed party. Any other
// element or attribute is counted in a warning, and so are unknown alias
// qualities, date types, genders and country names; the raw record keeps
// everything.
//
// Aliases that the UN writes only inside a NOTE ("Yunis al-Mauritani;
// Younis al-Mauritani; ...") stay in the notes: cutting names out of free
// text would guess.
package un
