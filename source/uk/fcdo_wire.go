package uk

import (
	"encoding/xml"
	"strings"

	"github.com/vetoscreen/veto/source"
)

// The wire structs of the FCDO UK Sanctions List XML. Every struct keeps
// the elements and attributes it does not name (Unknown, Attrs), so that
// the mapper can warn about them: a new element in the file is a format
// change that someone must look at.

// designation is one <Designation>.
type designation struct {
	LastUpdated          string
	DateDesignated       string
	UniqueID             string
	OFSIGroupID          string
	UNReferenceNumber    string
	Names                list[wireName]
	NonLatinNames        list[nonLatinName]
	Titles               list[textItem]
	RegimeName           []string
	IndividualEntityShip string
	DesignationSource    string
	SanctionsImposed     string
	Indicators           list[textItem] `xml:"SanctionsImposedIndicators"`
	OtherInformation     []string
	UKStatementofReasons []string
	Addresses            list[wireAddress]
	PhoneNumbers         list[textItem]
	EmailAddresses       list[textItem]
	Websites             list[textItem]
	IndividualDetails    list[individual]
	EntityDetails        list[entityDetails]
	ShipDetails          list[ship]
	wireExtra
}

// wireExtra collects what a struct does not name.
type wireExtra struct {
	Attrs   []xml.Attr              `xml:",any,attr"`
	Unknown []source.UnknownElement `xml:",any"`
}

// list is a wrapper element whose children are items of one kind, such as
// <Names> with <Name> children. Children of any name are decoded, so that
// one of an unexpected name is seen and reported rather than lost.
type list[T any] struct {
	Items []T        `xml:",any"`
	Attrs []xml.Attr `xml:",any,attr"`
}

// textItem is a child element holding text, such as <Title> in <Titles>.
type textItem struct {
	XMLName xml.Name
	Text    string `xml:",chardata"`
	wireExtra
}

// value returns the item's text, trimmed.
func (t textItem) value() string { return strings.TrimSpace(t.Text) }

// wireName is one <Name> in <Names>.
type wireName struct {
	XMLName       xml.Name
	Name1         string
	Name2         string
	Name3         string
	Name4         string
	Name5         string
	Name6         string
	NameType      string
	AliasStrength string
	wireExtra
}

// parts returns Name1..Name6.
func (n wireName) parts() [6]string {
	return [6]string{n.Name1, n.Name2, n.Name3, n.Name4, n.Name5, n.Name6}
}

// nonLatinName is one <NonLatinName> in <NonLatinNames>.
type nonLatinName struct {
	XMLName                xml.Name
	NameNonLatinScript     string
	NonLatinScriptType     string
	NonLatinScriptLanguage string
	wireExtra
}

// wireAddress is one <Address> in <Addresses>.
type wireAddress struct {
	XMLName           xml.Name
	AddressLine1      string
	AddressLine2      string
	AddressLine3      string
	AddressLine4      string
	AddressLine5      string
	AddressLine6      string
	AddressPostalCode string
	AddressCountry    string
	wireExtra
}

// individual is <IndividualDetails><Individual>.
type individual struct {
	XMLName                   xml.Name
	DOBs                      list[textItem]
	Nationalities             list[textItem]
	Genders                   list[textItem]
	Positions                 list[textItem]
	PassportDetails           list[passport]
	NationalIdentifierDetails list[nationalID]
	BirthDetails              list[birthLocation]
	wireExtra
}

// passport is one <Passport> in <PassportDetails>.
type passport struct {
	XMLName                       xml.Name
	PassportNumber                string
	PassportAdditionalInformation string
	wireExtra
}

// nationalID is one <NationalIdentifier> in <NationalIdentifierDetails>.
type nationalID struct {
	XMLName                                 xml.Name
	NationalIdentifierNumber                string
	NationalIdentifierAdditionalInformation string
	wireExtra
}

// birthLocation is one <Location> in <BirthDetails>.
type birthLocation struct {
	XMLName        xml.Name
	TownOfBirth    string
	CountryOfBirth string
	wireExtra
}

// entityDetails is <EntityDetails><Entity>.
type entityDetails struct {
	XMLName                     xml.Name
	TypeOfEntities              list[textItem]
	Subsidiaries                list[textItem]
	ParentCompanies             list[textItem]
	BusinessRegistrationNumbers list[textItem]
	wireExtra
}

// ship is <ShipDetails><Ship>.
type ship struct {
	XMLName                    xml.Name
	IMONumbers                 list[textItem]
	CurrentOwnerOperators      list[textItem]
	PreviousOwnerOperators     list[textItem]
	CurrentBelievedFlagOfShips list[textItem]
	PreviousFlags              list[textItem]
	TypeOfShipDetails          list[textItem]
	TonnageOfShipDetails       list[textItem]
	LengthOfShipDetails        list[textItem]
	YearBuiltDetails           list[textItem]
	HullIdentificationNumbers  list[textItem]
	wireExtra
}

// named is what every list item has: its element name and extras.
type named interface {
	elementName() string
	extra() wireExtra
}

func (t textItem) elementName() string      { return t.XMLName.Local }
func (n wireName) elementName() string      { return n.XMLName.Local }
func (n nonLatinName) elementName() string  { return n.XMLName.Local }
func (a wireAddress) elementName() string   { return a.XMLName.Local }
func (i individual) elementName() string    { return i.XMLName.Local }
func (p passport) elementName() string      { return p.XMLName.Local }
func (n nationalID) elementName() string    { return n.XMLName.Local }
func (b birthLocation) elementName() string { return b.XMLName.Local }
func (e entityDetails) elementName() string { return e.XMLName.Local }
func (s ship) elementName() string          { return s.XMLName.Local }

func (w wireExtra) extra() wireExtra { return w }
