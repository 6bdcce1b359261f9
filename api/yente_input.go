package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// yente reads /match bodies leniently, and its clients rely on it: a
// JSON body whatever the Content-Type says, a scalar where a list of
// strings is expected, numbers in lists, FtM properties it does not
// match on. veto reads them the same way, says in warnings what it
// screened without, and refuses what is no FtM at all.

// ftmSchemata are FollowTheMoney's schemata (4.x): a name outside them is
// "Unknown schema", as yente says.
var ftmSchemata = []string{"Address", "Airplane", "Analyzable", "Article", "Assessment", "Asset", "Associate", "Audio", "BankAccount",
	"Call", "CallForTenders", "Company", "Contract", "ContractAward", "CourtCase", "CourtCaseParty", "CryptoWallet", "Debt",
	"Directorship", "Document", "Documentation", "EconomicActivity", "Email", "Employment", "Event", "Family", "Folder",
	"HyperText", "Identification", "Image", "Interest", "Interval", "LegalEntity", "License", "Membership", "Mention", "Message",
	"Note", "Occupancy", "Organization", "Ownership", "Package", "Page", "Pages", "Passport", "Payment", "Person", "PlainText",
	"Position", "Post", "Project", "ProjectParticipant", "PublicBody", "RealEstate", "Representation", "Sanction", "Security",
	"Similar", "Succession", "Table", "TaxRoll", "Thing", "Trip", "UnknownLink", "UserAccount", "Value", "Vehicle", "Vessel",
	"Video", "Workbook"}

// ftmMatchable are the schemata yente matches on; of them, veto screens
// those its lists hold (entity.Schemata, PublicBody as Organization and
// Thing as any).
var ftmMatchable = []string{"Thing", "LegalEntity", "Person", "Organization", "Company", "PublicBody", "Vessel", "Airplane",
	"Address", "CryptoWallet", "Security", "BankAccount", "Asset", "Vehicle"}

// ftmProperties are the properties of FtM's matchable schemata and their
// parents: one veto does not screen on is ignored with a warning, as
// yente ignores what it cannot use; a name outside them is refused (a
// typo must not pass for a property).
var ftmProperties = []string{
	// Thing
	"name", "alias", "previousName", "weakAlias", "summary", "description", "country", "sourceUrl", "alephUrl", "publisher",
	"publisherUrl", "wikipediaUrl", "wikidataId", "keywords", "topics", "address", "addressEntity", "program", "programId",
	"notes", "proof", "createdAt", "modifiedAt", "retrievedAt", "indexText", "sanctions", "unknownLinkSubject", "unknownLinkObject",
	// LegalEntity, Organization, Company, PublicBody
	"abbreviation", "email", "phone", "website", "legalForm", "incorporationDate", "dissolutionDate", "taxStatus", "status",
	"sector", "classification", "registrationNumber", "idNumber", "taxNumber", "vatCode", "jurisdiction", "mainCountry",
	"opencorporatesUrl", "bvdId", "icijId", "okpoCode", "innCode", "ogrnCode", "leiCode", "dunsCode", "uniqueEntityId", "npiCode",
	"swiftBic", "parent", "cageCode", "permId", "imoNumber", "giiNumber", "jibCode", "ipoCode", "cikCode", "irsCode", "voenCode",
	"ticker", "capital", "bikCode", "ricCode", "kppCode", "isinCode", "coatoCode", "okvedCode", "oksmCode", "caemCode", "fnsCode",
	"fssCode", "ogrnDate", "registrationCountry", "registrationDate", "licenseNumber",
	// Person
	"title", "firstName", "secondName", "middleName", "fatherName", "motherName", "lastName", "nameSuffix", "birthDate",
	"birthPlace", "birthCountry", "deathDate", "position", "nationality", "citizenship", "passportNumber", "socialSecurityNumber",
	"gender", "ethnicity", "religion", "political", "education", "weight", "height", "eyeColor", "hairColor", "appearance",
	"spokenLanguage",
	// Asset, Vessel, Airplane, Vehicle, Security, CryptoWallet, BankAccount
	"amount", "currency", "amountUsd", "amountEur", "type", "crsNumber", "flag", "registrationPort", "navigationArea",
	"tonnage", "grossRegisteredTonnage", "deadweightTonnage", "nameChangeDate", "callSign", "mmsi", "pastFlags", "pastTypes",
	"pastNames", "owner", "operator", "buildDate", "model", "serialNumber", "icaoCode", "manufacturer", "isin", "publicKey",
	"privateKey", "creationDate", "accountNumber", "iban", "bankName", "bic", "holder", "issuer", "plateNumber",
	// Address
	"full", "remarks", "postOfficeBox", "street", "street2", "city", "postalCode", "region", "state", "latitude", "longitude",
	"googlePlaceId", "osmId",
}

// rawExample is a /match example as sent: its properties as JSON.
type rawExample struct {
	ID         json.RawMessage            `json:"id"`
	Schema     json.RawMessage            `json:"schema"`
	Properties map[string]json.RawMessage `json:"properties"`
}

// rawMatchRequest is a /match body as sent; other keys are ignored, as
// yente ignores them.
type rawMatchRequest struct {
	Queries map[string]json.RawMessage `json:"queries"`
	Weights map[string]json.RawMessage `json:"weights"`
	Config  map[string]json.RawMessage `json:"config"`
}

// readMatchRequest reads a /match body as yente does: any Content-Type,
// yente's validation errors (422) for a body of the wrong shape.
func (s *Server) readMatchRequest(w http.ResponseWriter, r *http.Request) (keys []string, examples map[string]entityExample, req rawMatchRequest, err error) {
	body, err := s.readBody(w, r)
	if err != nil {
		return nil, nil, req, err
	}
	if err := validUTF8(body); err != nil {
		return nil, nil, req, err
	}
	if err := json.Unmarshal(body, &req); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			var loc []any
			for _, f := range strings.Split(typ.Field, ".") {
				loc = append(loc, f)
			}
			return nil, nil, req, invalidBody("model_attributes_type", "Input should be a valid dictionary or object", nil, loc...)
		}
		return nil, nil, req, invalidBody("json_invalid", "JSON decode error: "+err.Error(), nil)
	}
	if req.Queries == nil {
		return nil, nil, req, invalidBody("missing", "Field required", nil, "queries")
	}
	examples = make(map[string]entityExample, len(req.Queries))
	for k, raw := range req.Queries {
		keys = append(keys, k)
		if examples[k], err = readExample(k, raw); err != nil {
			return nil, nil, req, err
		}
	}
	sort.Strings(keys)
	return keys, examples, req, nil
}

// readExample reads one example: schema and properties required, id a
// string or null, each property a string or a list.
func readExample(key string, raw json.RawMessage) (entityExample, error) {
	var ex entityExample
	var re rawExample
	if err := json.Unmarshal(raw, &re); err != nil {
		return ex, invalidBody("model_attributes_type", "Input should be a valid dictionary or object to extract fields from", json.RawMessage(raw), "queries", key)
	}
	if len(re.Schema) == 0 || string(re.Schema) == "null" {
		return ex, invalidBody("missing", "Field required", nil, "queries", key, "schema")
	}
	if err := json.Unmarshal(re.Schema, &ex.Schema); err != nil {
		return ex, invalidBody("string_type", "Input should be a valid string", re.Schema, "queries", key, "schema")
	}
	if len(re.ID) > 0 && string(re.ID) != "null" {
		var id string
		if err := json.Unmarshal(re.ID, &id); err != nil {
			return ex, invalidBody("string_type", "Input should be a valid string", re.ID, "queries", key, "id")
		}
		ex.ID = &id
	}
	if re.Properties == nil {
		return ex, invalidBody("missing", "Field required", nil, "queries", key, "properties")
	}
	ex.Properties = make(map[string][]string, len(re.Properties))
	for p, v := range re.Properties {
		vs, ok := stringValues(v)
		if !ok {
			return ex, invalidBody("list_type", "Input should be a valid list or string", v, "queries", key, "properties", p)
		}
		if len(vs) > 0 {
			ex.Properties[p] = vs
		}
	}
	return ex, nil
}

// stringValues reads a property's value as yente does: a string is a
// list of one; in a list, numbers become strings (floats to 3 decimals,
// trailing zeros dropped: 1965 and 1965.0 are "1965"), nulls and empty
// strings are dropped, anything else is its JSON text. A bare number,
// bool, null or object is not a value (false).
func stringValues(raw json.RawMessage) ([]string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, false
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil, false
		}
		if s == "" {
			return nil, true
		}
		return []string{s}, true
	case '[':
	default:
		return nil, false
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return nil, false
	}
	var out []string
	for _, it := range items {
		switch it[0] {
		case 'n':
			continue
		case '"':
			var s string
			if json.Unmarshal(it, &s) == nil && s != "" {
				out = append(out, s)
			}
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			f, err := strconv.ParseFloat(string(it), 64)
			if err != nil {
				return nil, false
			}
			out = append(out, strconv.FormatFloat(math.Round(f*1000)/1000, 'f', -1, 64))
		default:
			out = append(out, string(it))
		}
	}
	return out, true
}

// ignoredProperty is an FtM property a query gave that veto does not
// screen on.
func ignoredProperty(p string) bool { return slices.Contains(ftmProperties, p) && !isProp(p) }
