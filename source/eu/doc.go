// Package eu reads the EU Consolidated Financial Sanctions List: every
// person and enterprise under an EU asset freeze, under CFSP decisions and
// Council regulations (terrorism, Russia, Iran, Syria, ...), including the
// UN designations the EU carries over.
//
// # The file
//
// The European Commission publishes the list as "XML 1.1" at
// https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw
// (saved as eu_fsf.xml). The document element is export in the namespace
// http://eu.europa.ec/fpi/fsd/export; its generationDate attribute
// ("2026-08-05T16:47:04.449+02:00") is the publication time. Each
// sanctionEntity is one designation; its facts are attributes of child
// elements, each with the regulationSummary of the act that added it:
//
//	<sanctionEntity designationDate="2011-02-26" designationDetails="" unitedNationId="LYi.006"
//	    euReferenceNumber="EU.3886.3" logicalId="6106">
//	  <remark>Listed pursuant to paragraph 15 of resolution 1970 ...</remark>
//	  <regulation programme="LBY" numberTitle="2022/1502 (OJ L235)" ...><publicationUrl>...</publicationUrl></regulation>
//	  <subjectType code="person" classificationCode="P" />
//	  <nameAlias firstName="Abu" middleName="Zayd Umar" lastName="DORDA" wholeName="Abu Zayd Umar DORDA"
//	      function="Director, External Security Organisation. ..." title="" nameLanguage="" strong="true" ...>
//	    <regulationSummary regulationType="amendment" publicationDate="..." numberTitle="..." publicationUrl="..." />
//	  </nameAlias>
//	  <birthdate circa="false" calendarType="GREGORIAN" birthdate="1944-04-04" dayOfMonth="4" monthOfYear="4"
//	      year="1944" place="Alrhaybat" countryIso2Code="00" countryDescription="UNKNOWN" ... />
//	  <identification identificationTypeCode="passport" identificationTypeDescription="National passport"
//	      number="FK117RK0" issueDate="2018-11-25" validTo="2026-11-24" region="Tripoli" countryIso2Code="LY" ... />
//	</sanctionEntity>
//
// Empty attributes are written out (firstName=""), booleans are "true" or
// "false", an unknown country is countryIso2Code="00" with
// countryDescription="UNKNOWN", and an unknown birth city is "-".
//
// # Mapping
//
// The entity ID is "eu-" and the sanctionEntity's logicalId ("eu-6106"),
// which the EU keeps for the life of a designation. subjectType code
// person (classificationCode P) becomes a Person, enterprise (E) an
// Organization, since the EU does not say whether an enterprise is a
// company; anything else is a LegalEntity and a warning.
//
//   - nameAlias: the first is the primary name, as the EU lists it first;
//     the others are aliases, previous names when a remark says "formerly
//     known as", or weak aliases when strong="false" or a remark grades
//     them "low quality alias". Full is wholeName (white
//     space runs made one space), or the parts joined when it is empty;
//     firstName, middleName and lastName are the name parts; nameLanguage
//     ("FA", "GA", "HU") is Lang in lower case; Script is read from the
//     letters. Names that differ only in language are kept apart, so every
//     nameAlias is a name. function is the position property of a person
//     and a note for an enterprise (where it describes the business);
//     title is the title property, gender (M, F) the entity's gender.
//     Other remarks go to the notes, after the name.
//   - regulation@programme ("TERR", "IRN") is the programme,
//     publicationUrl the sourceUrl property; designationDate is the
//     listing date; remark and designationDetails ("UN designation:
//     24/03/2007 (no longer valid)") are notes. euReferenceNumber
//     ("EU.3886.3") is the euReferenceNumber property: it is the EU's
//     reference for the designation, not an identifier of the party, so it
//     is kept out of the identifiers a screening would match on.
//     unitedNationId is a sameAs relation to "un-" and the UN reference.
//   - citizenship: the citizenships, by countryIso2Code, or by
//     countryDescription when the code is "00".
//   - birthdate: the birthdate attribute when given; else year with
//     monthOfYear and dayOfMonth; else yearRangeFrom to yearRangeTo;
//     circa="true" marks the date approximate. With calendarType ISLAMIC
//     the day, month and year are Hijri and only the birthdate attribute
//     is Gregorian: without it, the Hijri date is kept as a note and
//     counted in a warning. place, city, zipCode, region and
//     countryDescription, joined, are the place of birth.
//   - address: street, "P.O. Box" poBox, place, city, zipCode, region and
//     countryDescription, joined, are the address; the country is also one
//     of the entity's countries. asAtListingTime="true" and remarks are
//     notes; an address with nothing but a remark is the remark.
//     contactInfo PHONE and FAX are the phone property, EMAIL email, WEB
//     website (several values in one are split at ";").
//   - identification: identifiers. identificationTypeCode passport is a
//     passportNumber, id an idNumber, regnumber a registrationNumber,
//     fiscalcode a taxNumber, swiftbic a swiftBic, imo an imoNumber;
//     other is an idNumber unless identificationTypeDescription names the
//     kind ("Tax Identification Number (INN)" is an innCode, "(OGRN)" an
//     ogrnCode). The label is identificationTypeDescription; the note
//     holds knownExpired, knownFalse, reportedLost, revokedByIssuer,
//     diplomatic, issueDate, validFrom, validTo, issuedBy, region (where
//     it was issued), nameOnDocument and the remarks. latinNumber, the
//     number in Latin letters, is a second identifier.
//
// # Not mapped
//
// regulationSummary on every detail, and the regulation's
// regulationType, organisationType, publicationDate, entryIntoForceDate
// and logicalId, describe the legal acts, not the party; the acts are
// reachable from the sourceUrl, and named by the regulation's numberTitle
// (Props "legalAuthority", which a change of leaves the listing's
// materiality alone: see entity.Material). logicalId and
// regulationLanguage of the details are the EU's record keeping;
// globalFileId on the root is the EU's number of the file. Any other
// element or attribute is counted in a warning, and so are unknown
// subject types, calendars, genders, contact keys, identification types
// and country codes; the raw record keeps everything.
package eu
