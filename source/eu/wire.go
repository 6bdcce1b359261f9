package eu

import (
	"encoding/xml"

	"github.com/vetoscreen/veto/source"
)

// sanctionEntity is one designation. Every child element carries a
// regulationSummary naming the legal act that added or last changed it.
type sanctionEntity struct {
	DesignationDate    string     `xml:"designationDate,attr"`
	DesignationDetails string     `xml:"designationDetails,attr"`
	UnitedNationID     string     `xml:"unitedNationId,attr"`
	EUReferenceNumber  string     `xml:"euReferenceNumber,attr"`
	LogicalID          string     `xml:"logicalId,attr"`
	UnknownAttrs       []xml.Attr `xml:",any,attr"`

	Remarks         []string         `xml:"remark"`
	Regulations     []regulation     `xml:"regulation"`
	SubjectTypes    []subjectType    `xml:"subjectType"`
	NameAliases     []nameAlias      `xml:"nameAlias"`
	Citizenships    []citizenship    `xml:"citizenship"`
	Birthdates      []birthdate      `xml:"birthdate"`
	Addresses       []address        `xml:"address"`
	Identifications []identification `xml:"identification"`

	Unknown []source.UnknownElement `xml:",any"`
}

// regulation is a legal act the designation is based on.
type regulation struct {
	RegulationType     string     `xml:"regulationType,attr"`
	OrganisationType   string     `xml:"organisationType,attr"`
	PublicationDate    string     `xml:"publicationDate,attr"`
	EntryIntoForceDate string     `xml:"entryIntoForceDate,attr"`
	NumberTitle        string     `xml:"numberTitle,attr"`
	Programme          string     `xml:"programme,attr"`
	LogicalID          string     `xml:"logicalId,attr"`
	UnknownAttrs       []xml.Attr `xml:",any,attr"`

	PublicationURL []string                `xml:"publicationUrl"`
	Unknown        []source.UnknownElement `xml:",any"`
}

// regulationSummary names the act behind one detail of a designation.
type regulationSummary struct {
	RegulationType  string                  `xml:"regulationType,attr"`
	PublicationDate string                  `xml:"publicationDate,attr"`
	NumberTitle     string                  `xml:"numberTitle,attr"`
	PublicationURL  string                  `xml:"publicationUrl,attr"`
	UnknownAttrs    []xml.Attr              `xml:",any,attr"`
	Unknown         []source.UnknownElement `xml:",any"`
}

// subjectType says whether the designation is a person or an enterprise.
type subjectType struct {
	Code               string                  `xml:"code,attr"`
	ClassificationCode string                  `xml:"classificationCode,attr"`
	UnknownAttrs       []xml.Attr              `xml:",any,attr"`
	Unknown            []source.UnknownElement `xml:",any"`
}

// detail holds what every detail element has besides its own fields.
type detail struct {
	RegulationLanguage string                  `xml:"regulationLanguage,attr"`
	LogicalID          string                  `xml:"logicalId,attr"`
	Remarks            []string                `xml:"remark"`
	Summaries          []regulationSummary     `xml:"regulationSummary"`
	UnknownAttrs       []xml.Attr              `xml:",any,attr"`
	Unknown            []source.UnknownElement `xml:",any"`
}

// nameAlias is one name. strong="false" marks a weak alias.
type nameAlias struct {
	FirstName    string `xml:"firstName,attr"`
	MiddleName   string `xml:"middleName,attr"`
	LastName     string `xml:"lastName,attr"`
	WholeName    string `xml:"wholeName,attr"`
	Function     string `xml:"function,attr"`
	Gender       string `xml:"gender,attr"`
	Title        string `xml:"title,attr"`
	NameLanguage string `xml:"nameLanguage,attr"`
	Strong       string `xml:"strong,attr"`
	detail
}

// citizenship is a country of citizenship.
type citizenship struct {
	Region             string `xml:"region,attr"`
	CountryIso2Code    string `xml:"countryIso2Code,attr"`
	CountryDescription string `xml:"countryDescription,attr"`
	detail
}

// birthdate is a date and place of birth. The date is a full date
// (birthdate, with dayOfMonth, monthOfYear and year repeating it), a year
// or a range of years; calendarType says which calendar the parts are in.
type birthdate struct {
	Circa              string `xml:"circa,attr"`
	CalendarType       string `xml:"calendarType,attr"`
	City               string `xml:"city,attr"`
	ZipCode            string `xml:"zipCode,attr"`
	Birthdate          string `xml:"birthdate,attr"`
	DayOfMonth         string `xml:"dayOfMonth,attr"`
	MonthOfYear        string `xml:"monthOfYear,attr"`
	Year               string `xml:"year,attr"`
	YearRangeFrom      string `xml:"yearRangeFrom,attr"`
	YearRangeTo        string `xml:"yearRangeTo,attr"`
	Region             string `xml:"region,attr"`
	Place              string `xml:"place,attr"`
	CountryIso2Code    string `xml:"countryIso2Code,attr"`
	CountryDescription string `xml:"countryDescription,attr"`
	detail
}

// address is a postal address with its contact details.
type address struct {
	City               string        `xml:"city,attr"`
	Street             string        `xml:"street,attr"`
	PoBox              string        `xml:"poBox,attr"`
	ZipCode            string        `xml:"zipCode,attr"`
	Region             string        `xml:"region,attr"`
	Place              string        `xml:"place,attr"`
	AsAtListingTime    string        `xml:"asAtListingTime,attr"`
	CountryIso2Code    string        `xml:"countryIso2Code,attr"`
	CountryDescription string        `xml:"countryDescription,attr"`
	ContactInfo        []contactInfo `xml:"contactInfo"`
	detail
}

// contactInfo is a phone or fax number, e-mail address or web site.
type contactInfo struct {
	Key          string                  `xml:"key,attr"`
	Value        string                  `xml:"value,attr"`
	UnknownAttrs []xml.Attr              `xml:",any,attr"`
	Unknown      []source.UnknownElement `xml:",any"`
}

// identification is a passport, identity card, registration number and
// the like.
type identification struct {
	Diplomatic                    string `xml:"diplomatic,attr"`
	KnownExpired                  string `xml:"knownExpired,attr"`
	KnownFalse                    string `xml:"knownFalse,attr"`
	ReportedLost                  string `xml:"reportedLost,attr"`
	RevokedByIssuer               string `xml:"revokedByIssuer,attr"`
	IssuedBy                      string `xml:"issuedBy,attr"`
	IssueDate                     string `xml:"issueDate,attr"`
	ValidFrom                     string `xml:"validFrom,attr"`
	ValidTo                       string `xml:"validTo,attr"`
	LatinNumber                   string `xml:"latinNumber,attr"`
	NameOnDocument                string `xml:"nameOnDocument,attr"`
	Number                        string `xml:"number,attr"`
	Region                        string `xml:"region,attr"`
	IdentificationTypeCode        string `xml:"identificationTypeCode,attr"`
	IdentificationTypeDescription string `xml:"identificationTypeDescription,attr"`
	CountryIso2Code               string `xml:"countryIso2Code,attr"`
	CountryDescription            string `xml:"countryDescription,attr"`
	detail
}
