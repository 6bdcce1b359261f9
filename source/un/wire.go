package un

import (
	"encoding/xml"

	"github.com/vetoscreen/veto/source"
)

// record is one INDIVIDUAL or ENTITY element. The two share one struct:
// an ENTITY has the same fields with ENTITY_ in place of INDIVIDUAL_ in
// the names of its repeated groups, and simply lacks the person-only ones
// (GENDER, TITLE, NATIONALITY, dates and places of birth, documents).
type record struct {
	XMLName xml.Name

	DataID             string `xml:"DATAID"`
	VersionNum         string `xml:"VERSIONNUM"`
	FirstName          string `xml:"FIRST_NAME"`
	SecondName         string `xml:"SECOND_NAME"`
	ThirdName          string `xml:"THIRD_NAME"`
	FourthName         string `xml:"FOURTH_NAME"`
	UNListType         string `xml:"UN_LIST_TYPE"`
	ReferenceNumber    string `xml:"REFERENCE_NUMBER"`
	ListedOn           string `xml:"LISTED_ON"`
	NameOriginalScript string `xml:"NAME_ORIGINAL_SCRIPT"`
	Gender             string `xml:"GENDER"`
	Comments1          string `xml:"COMMENTS1"`
	SortKey            string `xml:"SORT_KEY"`
	SortKeyLastMod     string `xml:"SORT_KEY_LAST_MOD"`

	Title          []values `xml:"TITLE"`
	Designation    []values `xml:"DESIGNATION"`
	Nationality    []values `xml:"NATIONALITY"`
	ListType       []values `xml:"LIST_TYPE"`
	LastDayUpdated []values `xml:"LAST_DAY_UPDATED"`
	SubmittedBy    []values `xml:"SUBMITTED_BY"`

	IndividualAliases []alias   `xml:"INDIVIDUAL_ALIAS"`
	EntityAliases     []alias   `xml:"ENTITY_ALIAS"`
	IndividualAddress []address `xml:"INDIVIDUAL_ADDRESS"`
	EntityAddress     []address `xml:"ENTITY_ADDRESS"`

	DatesOfBirth  []dateOfBirth  `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	PlacesOfBirth []placeOfBirth `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents     []document     `xml:"INDIVIDUAL_DOCUMENT"`

	Unknown      []source.UnknownElement `xml:",any"`
	UnknownAttrs []xml.Attr              `xml:",any,attr"`
}

// values is a list field: <TITLE><VALUE>a</VALUE><VALUE>b</VALUE></TITLE>.
// Text catches a value written without VALUE elements.
type values struct {
	Values       []string                `xml:"VALUE"`
	Text         string                  `xml:",chardata"`
	Unknown      []source.UnknownElement `xml:",any"`
	UnknownAttrs []xml.Attr              `xml:",any,attr"`
}

// alias is an INDIVIDUAL_ALIAS or ENTITY_ALIAS. Records without aliases
// carry one with empty QUALITY and ALIAS_NAME.
type alias struct {
	Quality        string                  `xml:"QUALITY"`
	Name           string                  `xml:"ALIAS_NAME"`
	DateOfBirth    string                  `xml:"DATE_OF_BIRTH"`
	CityOfBirth    string                  `xml:"CITY_OF_BIRTH"`
	CountryOfBirth string                  `xml:"COUNTRY_OF_BIRTH"`
	Note           string                  `xml:"NOTE"`
	Unknown        []source.UnknownElement `xml:",any"`
	UnknownAttrs   []xml.Attr              `xml:",any,attr"`
}

// address is an INDIVIDUAL_ADDRESS or ENTITY_ADDRESS.
type address struct {
	Street        string                  `xml:"STREET"`
	City          string                  `xml:"CITY"`
	StateProvince string                  `xml:"STATE_PROVINCE"`
	ZipCode       string                  `xml:"ZIP_CODE"`
	Country       string                  `xml:"COUNTRY"`
	Note          string                  `xml:"NOTE"`
	Unknown       []source.UnknownElement `xml:",any"`
	UnknownAttrs  []xml.Attr              `xml:",any,attr"`
}

// dateOfBirth is an INDIVIDUAL_DATE_OF_BIRTH: TYPE_OF_DATE says which of
// DATE, YEAR or FROM_YEAR/TO_YEAR is filled.
type dateOfBirth struct {
	TypeOfDate   string                  `xml:"TYPE_OF_DATE"`
	Date         string                  `xml:"DATE"`
	Year         string                  `xml:"YEAR"`
	FromYear     string                  `xml:"FROM_YEAR"`
	ToYear       string                  `xml:"TO_YEAR"`
	Note         string                  `xml:"NOTE"`
	Unknown      []source.UnknownElement `xml:",any"`
	UnknownAttrs []xml.Attr              `xml:",any,attr"`
}

// placeOfBirth is an INDIVIDUAL_PLACE_OF_BIRTH.
type placeOfBirth struct {
	Street        string                  `xml:"STREET"`
	City          string                  `xml:"CITY"`
	StateProvince string                  `xml:"STATE_PROVINCE"`
	Country       string                  `xml:"COUNTRY"`
	Note          string                  `xml:"NOTE"`
	Unknown       []source.UnknownElement `xml:",any"`
	UnknownAttrs  []xml.Attr              `xml:",any,attr"`
}

// document is an INDIVIDUAL_DOCUMENT (passport, national ID and the like).
type document struct {
	Type           string                  `xml:"TYPE_OF_DOCUMENT"`
	Type2          string                  `xml:"TYPE_OF_DOCUMENT2"`
	Number         string                  `xml:"NUMBER"`
	IssuingCountry string                  `xml:"ISSUING_COUNTRY"`
	DateOfIssue    string                  `xml:"DATE_OF_ISSUE"`
	CityOfIssue    string                  `xml:"CITY_OF_ISSUE"`
	CountryOfIssue string                  `xml:"COUNTRY_OF_ISSUE"`
	Note           string                  `xml:"NOTE"`
	Unknown        []source.UnknownElement `xml:",any"`
	UnknownAttrs   []xml.Attr              `xml:",any,attr"`
}
