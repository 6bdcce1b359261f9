package ofac

import (
	"testing"

	"github.com/vetoscreen/veto/entity"
)

func TestLookupLabel(t *testing.T) {
	tests := []struct {
		label string
		kind  factKind
		prop  string
	}{
		{"Passport", factIdentifier, entity.IDPassport},
		{"National ID No.", factIdentifier, entity.IDNational},
		{"Tax ID No.", factIdentifier, entity.IDTax},
		{"Cedula No.", factIdentifier, entity.IDNational},
		{"Vessel Registration Identification", factIdentifier, entity.IDIMO},
		{"MMSI", factIdentifier, entity.IDMMSI},
		{"SWIFT/BIC", factIdentifier, entity.IDSwiftBIC},
		{"Legal Entity Number", factIdentifier, entity.IDLEI},
		{"Digital Currency Address - XMR", factIdentifier, entity.IDCrypto},
		{"Digital Currency Address - USDT", factIdentifier, entity.IDCrypto},
		{"Driver's License No.", factIdentifier, entity.IDNational},
		{"Telephone:", factProp, "phone"},
		{"Aircraft Manufacturer’s Serial Number (MSN)", factIdentifier, idSerial},
		{"Website", factProp, "website"},
		{"Email Address", factProp, "email"},
		{"Gender", factGender, ""},
		{"Secondary sanctions risk:", factNote, ""},
		{"Additional Sanctions Information -", factNote, ""},
		{"Executive Order 14999 Directive Information -", factNote, ""},
		{"Listing Date (EO 14024 Directive 9):", factNote, ""},
		{"Nationality of Registration", factCountry, ""},
		{"Former Vessel Flag", factPastFlag, ""},
		{"Linked To:", factRelation, ""},
		// Keyword rules for labels OFAC has not used yet.
		{"Provincial Tax Code", factIdentifier, entity.IDTax},
		{"Seaman's Passport", factIdentifier, entity.IDPassport},
		{"Harbour Registration Code", factIdentifier, entity.IDRegistration},
		{"Mining Licence No.", factIdentifier, entity.IDRegistration},
		{"Voter Identification Card", factIdentifier, entity.IDNational},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			r, ok := lookupLabel(tt.label)
			if !ok || r.kind != tt.kind || r.prop != tt.prop {
				t.Errorf("lookupLabel(%q) = %+v, %v; want kind %d prop %q", tt.label, r, ok, tt.kind, tt.prop)
			}
		})
	}
	if r, ok := lookupLabel("Favourite Colour"); ok {
		t.Errorf("lookupLabel of an unknown label = %+v, want not found", r)
	}
}

func TestMatchLabel(t *testing.T) {
	tests := []struct{ clause, label, rest string }{
		{"nationality Russia", "nationality", "Russia"},
		{"Nationality of Registration Panama", "Nationality of Registration", "Panama"},
		{"Citizen's Card Number 2112 (China)", "Citizen's Card Number", "2112 (China)"},
		{"Passport Booklet: A5199819 (Pakistan)", "Passport Booklet:", "A5199819 (Pakistan)"},
		{"PHONE 850 2 381 8221", "PHONE", "850 2 381 8221"},
		{"Matricula Mercantil No 48131-1 (Mexico)", "Matricula Mercantil No", "48131-1 (Mexico)"},
	}
	for _, tt := range tests {
		label, rest, _, ok := matchLabel(tt.clause)
		if !ok || label != tt.label || rest != tt.rest {
			t.Errorf("matchLabel(%q) = %q, %q, %v; want %q, %q", tt.clause, label, rest, ok, tt.label, tt.rest)
		}
	}
	for _, c := range []string{"citizenship unknown", "Passporting rights", "Minister of Defense"} {
		if label, _, _, ok := matchLabel(c); ok {
			t.Errorf("matchLabel(%q) found label %q", c, label)
		}
	}
}
