package ofac

// The wire structs of the enhanced XML (SDN_ENHANCED.XML,
// CONS_ENHANCED.XML; document element sanctionsData). Every struct
// catches elements and attributes it does not name in unknowns, so that a
// change of the format is a warning. The id attributes are OFAC's internal
// row ids; they are read so that they are not reported, and not mapped.

type enhPublicationInfo struct {
	DataAsOf string `xml:"dataAsOf"`
	Filters  *struct {
		SanctionsLists *struct {
			Lists []enhRef `xml:"sanctionsList"`
			unknowns
		} `xml:"sanctionsLists"`
		unknowns
	} `xml:"filters"`
	unknowns
}

// enhRef is an element whose text is a reference value's value and whose
// refId attribute points to it: <entityType refId="600">Individual</...>.
type enhRef struct {
	RefID         string `xml:"refId,attr"`
	ID            string `xml:"id,attr"`
	DatePublished string `xml:"datePublished,attr"`
	Text          string `xml:",chardata"`
	unknowns
}

type enhReferenceValue struct {
	RefID   string `xml:"refId,attr"`
	Type    string `xml:"type"`
	Value   string `xml:"value"`
	Code    string `xml:"code"`
	ISOCode string `xml:"isoCode"`
	unknowns
}

type enhFeatureType struct {
	FeatureTypeID      string `xml:"featureTypeId,attr"`
	Type               string `xml:"type"`
	DetailType         enhRef `xml:"detailType"`
	PublishExclude     string `xml:"publishExclude"`
	PublishDescription string `xml:"publishDescription"`
	PublishOrder       string `xml:"publishOrder"`
	unknowns
}

type enhEntity struct {
	ID          string `xml:"id,attr"`
	GeneralInfo struct {
		IdentityID string `xml:"identityId"`
		EntityType enhRef `xml:"entityType"`
		Remarks    string `xml:"remarks"`
		unknowns
	} `xml:"generalInfo"`
	SanctionsLists *struct {
		Items []enhRef `xml:"sanctionsList"`
		unknowns
	} `xml:"sanctionsLists"`
	SanctionsPrograms *struct {
		Items []enhRef `xml:"sanctionsProgram"`
		unknowns
	} `xml:"sanctionsPrograms"`
	SanctionsTypes *struct {
		Items []enhRef `xml:"sanctionsType"`
		unknowns
	} `xml:"sanctionsTypes"`
	LegalAuthorities *struct {
		Items []enhRef `xml:"legalAuthority"`
		unknowns
	} `xml:"legalAuthorities"`
	Names *struct {
		Names []enhName `xml:"name"`
		unknowns
	} `xml:"names"`
	Addresses *struct {
		Addresses []enhAddress `xml:"address"`
		unknowns
	} `xml:"addresses"`
	Features *struct {
		Features []enhFeature `xml:"feature"`
		unknowns
	} `xml:"features"`
	IdentityDocuments *struct {
		Documents []enhDocument `xml:"identityDocument"`
		unknowns
	} `xml:"identityDocuments"`
	Relationships *struct {
		Relationships []enhRelationship `xml:"relationship"`
		unknowns
	} `xml:"relationships"`
	unknowns
}

type enhName struct {
	ID           string  `xml:"id,attr"`
	IsPrimary    string  `xml:"isPrimary"`
	AliasType    *enhRef `xml:"aliasType"`
	IsLowQuality string  `xml:"isLowQuality"`
	Translations *struct {
		Translations []enhTranslation `xml:"translation"`
		unknowns
	} `xml:"translations"`
	unknowns
}

type enhTranslation struct {
	ID                  string `xml:"id,attr"`
	IsPrimary           string `xml:"isPrimary"`
	Script              enhRef `xml:"script"`
	FormattedFirstName  string `xml:"formattedFirstName"`
	FormattedMiddleName string `xml:"formattedMiddleName"`
	FormattedLastName   string `xml:"formattedLastName"`
	FormattedFullName   string `xml:"formattedFullName"`
	NameParts           *struct {
		Parts []enhPart `xml:"namePart"`
		unknowns
	} `xml:"nameParts"`
	unknowns
}

// enhPart is a namePart or an addressPart.
type enhPart struct {
	ID    string `xml:"id,attr"`
	Type  enhRef `xml:"type"`
	Value string `xml:"value"`
	unknowns
}

type enhAddress struct {
	ID           string  `xml:"id,attr"`
	Country      *enhRef `xml:"country"`
	Translations *struct {
		Translations []struct {
			ID           string `xml:"id,attr"`
			IsPrimary    string `xml:"isPrimary"`
			Script       enhRef `xml:"script"`
			AddressParts *struct {
				Parts []enhPart `xml:"addressPart"`
				unknowns
			} `xml:"addressParts"`
			unknowns
		} `xml:"translation"`
		unknowns
	} `xml:"translations"`
	unknowns
}

type enhFeature struct {
	ID   string `xml:"id,attr"`
	Type struct {
		FeatureTypeID string `xml:"featureTypeId,attr"`
		Text          string `xml:",chardata"`
		unknowns
	} `xml:"type"`
	VersionID   string        `xml:"versionId"`
	Value       string        `xml:"value"`
	ValueDate   *enhValueDate `xml:"valueDate"`
	ValueRefID  string        `xml:"valueRefId"`
	IsPrimary   string        `xml:"isPrimary"`
	Reliability *enhRef       `xml:"reliability"`
	Comments    string        `xml:"comments"`
	unknowns
}

type enhValueDate struct {
	ID            string `xml:"id,attr"`
	FromDateBegin string `xml:"fromDateBegin"`
	FromDateEnd   string `xml:"fromDateEnd"`
	ToDateBegin   string `xml:"toDateBegin"`
	ToDateEnd     string `xml:"toDateEnd"`
	IsApproximate string `xml:"isApproximate"`
	IsDateRange   string `xml:"isDateRange"`
	unknowns
}

type enhDocument struct {
	ID   string `xml:"id,attr"`
	Type enhRef `xml:"type"`
	Name struct {
		NameID            string `xml:"nameId,attr"`
		NameTranslationID string `xml:"nameTranslationId,attr"`
		Text              string `xml:",chardata"`
		unknowns
	} `xml:"name"`
	DocumentNumber   string  `xml:"documentNumber"`
	IsValid          string  `xml:"isValid"`
	IssuingLocation  string  `xml:"issuingLocation"`
	IssuingCountry   *enhRef `xml:"issuingCountry"`
	IssuingAuthority string  `xml:"issuingAuthority"`
	unknowns
}

type enhRelationship struct {
	ID            string `xml:"id,attr"`
	Type          enhRef `xml:"type"`
	RelatedEntity struct {
		EntityID string `xml:"entityId,attr"`
		Text     string `xml:",chardata"`
		unknowns
	} `xml:"relatedEntity"`
	Quality *enhRef `xml:"quality"`
	unknowns
}
