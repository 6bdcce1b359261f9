package ofac

import (
	"encoding/xml"

	"github.com/vetoscreen/veto/source"
)

// The wire structs of sdn.xml and consolidated.xml (document element
// sdnList). Every struct catches elements and attributes it does not name
// in Unknown, so that a change of the format is a warning.

type xmlPublishInfo struct {
	PublishDate string `xml:"Publish_Date"`
	RecordCount string `xml:"Record_Count"`
	unknowns
}

type xmlEntry struct {
	UID           string          `xml:"uid"`
	FirstName     string          `xml:"firstName"`
	LastName      string          `xml:"lastName"`
	Title         string          `xml:"title"`
	SDNType       string          `xml:"sdnType"`
	Remarks       string          `xml:"remarks"`
	Programs      *xmlProgramList `xml:"programList"`
	IDs           *xmlIDList      `xml:"idList"`
	AKAs          *xmlAKAList     `xml:"akaList"`
	Addresses     *xmlAddressList `xml:"addressList"`
	Nationalities *xmlCountryList `xml:"nationalityList"`
	Citizenships  *xmlCountryList `xml:"citizenshipList"`
	DOBs          *xmlDOBList     `xml:"dateOfBirthList"`
	POBs          *xmlPOBList     `xml:"placeOfBirthList"`
	Vessel        *xmlVesselInfo  `xml:"vesselInfo"`
	unknowns
}

// unknowns catches what a wire struct does not name.
type unknowns struct {
	Unknown      []source.UnknownElement `xml:",any"`
	UnknownAttrs []xml.Attr              `xml:",any,attr"`
}

type xmlProgramList struct {
	Programs []string `xml:"program"`
	unknowns
}

type xmlIDList struct {
	IDs []xmlID `xml:"id"`
	unknowns
}

type xmlID struct {
	UID            string `xml:"uid"`
	IDType         string `xml:"idType"`
	IDNumber       string `xml:"idNumber"`
	IDCountry      string `xml:"idCountry"`
	IssueDate      string `xml:"issueDate"`
	ExpirationDate string `xml:"expirationDate"`
	unknowns
}

type xmlAKAList struct {
	AKAs []xmlAKA `xml:"aka"`
	unknowns
}

type xmlAKA struct {
	UID       string `xml:"uid"`
	Type      string `xml:"type"`
	Category  string `xml:"category"`
	LastName  string `xml:"lastName"`
	FirstName string `xml:"firstName"`
	unknowns
}

type xmlAddressList struct {
	Addresses []xmlAddress `xml:"address"`
	unknowns
}

type xmlAddress struct {
	UID             string `xml:"uid"`
	Address1        string `xml:"address1"`
	Address2        string `xml:"address2"`
	Address3        string `xml:"address3"`
	City            string `xml:"city"`
	StateOrProvince string `xml:"stateOrProvince"`
	PostalCode      string `xml:"postalCode"`
	Country         string `xml:"country"`
	Region          string `xml:"region"`
	unknowns
}

// xmlCountryList is nationalityList or citizenshipList; their items are
// nationality and citizenship elements of the same shape.
type xmlCountryList struct {
	Nationalities []xmlCountryItem `xml:"nationality"`
	Citizenships  []xmlCountryItem `xml:"citizenship"`
	unknowns
}

type xmlCountryItem struct {
	UID       string `xml:"uid"`
	Country   string `xml:"country"`
	MainEntry string `xml:"mainEntry"`
	unknowns
}

type xmlDOBList struct {
	Items []xmlDOB `xml:"dateOfBirthItem"`
	unknowns
}

type xmlDOB struct {
	UID         string `xml:"uid"`
	DateOfBirth string `xml:"dateOfBirth"`
	MainEntry   string `xml:"mainEntry"`
	unknowns
}

type xmlPOBList struct {
	Items []xmlPOB `xml:"placeOfBirthItem"`
	unknowns
}

type xmlPOB struct {
	UID          string `xml:"uid"`
	PlaceOfBirth string `xml:"placeOfBirth"`
	MainEntry    string `xml:"mainEntry"`
	unknowns
}

type xmlVesselInfo struct {
	CallSign               string `xml:"callSign"`
	VesselType             string `xml:"vesselType"`
	VesselFlag             string `xml:"vesselFlag"`
	VesselOwner            string `xml:"vesselOwner"`
	Tonnage                string `xml:"tonnage"`
	GrossRegisteredTonnage string `xml:"grossRegisteredTonnage"`
	unknowns
}
