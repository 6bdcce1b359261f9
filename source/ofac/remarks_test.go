package ofac

import (
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

func TestSplitRemarks(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"-0-", nil},
		{"a.k.a. 'BNC'.", []string{"a.k.a. 'BNC'"}},
		{"DOB 1946; POB Baghdad, Iraq.", []string{"DOB 1946", "POB Baghdad, Iraq"}},
		{"Linked To: PERSIAN GULF PETROCHEMICAL INDUSTRY CO.", []string{"Linked To: PERSIAN GULF PETROCHEMICAL INDUSTRY CO."}},
		{"Linked To: CONSORCIO LUNALO, S.A. DE C.V.", []string{"Linked To: CONSORCIO LUNALO, S.A. DE C.V."}},
		{"nationality possibly Palestinian;arrested 23 Apr 2002; Gender Male.", []string{"nationality possibly Palestinian", "arrested 23 Apr 2002", "Gender Male"}},
		{"See Section 11 of Executive Order 14024.; Gender Male.", []string{"See Section 11 of Executive Order 14024.", "Gender Male"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := splitRemarks(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("splitRemarks(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseClause(t *testing.T) {
	tests := []struct {
		in                    string
		label, value, country string
		note                  string
		free, suspicious      bool
	}{
		{in: "DOB 21 Mar 1950", label: "DOB", value: "21 Mar 1950"},
		{in: "alt. DOB circa 1965", label: "DOB", value: "circa 1965"},
		{in: "POB Moscow, Russia", label: "POB", value: "Moscow, Russia"},
		{in: "nationality Korea, North", label: "nationality", value: "Korea, North"},
		{in: "Passport 645720381 (Russia) issued 01 Jan 2010 expires 01 Jan 2020", label: "Passport", value: "645720381", country: "Russia", note: "issued 01 Jan 2010 expires 01 Jan 2020"},
		{in: "alt. Passport RL 1794375 (Lebanon)", label: "Passport", value: "RL 1794375", country: "Lebanon"},
		{in: "Registration Number HRA 738077 (Stuttgart) (Germany)", label: "Registration Number", value: "HRA 738077 (Stuttgart)", country: "Germany"},
		{in: "Unified Social Credit Code (USCC) 91110000710934369E(China)", label: "Unified Social Credit Code (USCC)", value: "91110000710934369E", country: "China"},
		{in: "Tarjeta Profesional 186785 (Abogado) (Colombia)", label: "Tarjeta Profesional", value: "186785 (Abogado)", country: "Colombia"},
		{in: "International Maritime Organization No. (5777731)", label: "International Maritime Organization No.", value: "5777731"},
		{in: "Digital Currency Address - XBT 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", label: "Digital Currency Address - XBT", value: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"},
		{in: "Secondary sanctions risk: section 1(b) of Executive Order 13224", label: "Secondary sanctions risk:", value: "section 1(b) of Executive Order 13224"},
		{in: "Executive Order 13662 Directive Determination - Subject to Directive 2", label: "Executive Order 13662 Directive Determination -", value: "Subject to Directive 2"},
		{in: "Organization Type: Passenger air transport", label: "Organization Type:", value: "Passenger air transport"},
		{in: "Alternate Title, Brigadier General", label: "Alternate Title,", value: "Brigadier General"},
		{in: "a.k.a. 'YUSUF, 'Adnan'", label: "a.k.a.", value: "YUSUF, 'Adnan"},
		{in: "f.k.a. 'TARHUNA BRIGADE'", label: "f.k.a.", value: "TARHUNA BRIGADE"},
		{in: "(Linked To: HAMAS)", label: "Linked To:", value: "HAMAS"},
		{in: "Citizen's Card Number 211226197812154256 (China)", label: "Citizen's Card Number", value: "211226197812154256", country: "China"},
		{in: "citizen Iran", label: "citizen", value: "Iran"},
		{in: "Nationality of Registration Korea, North", label: "Nationality of Registration", value: "Korea, North"},
		{in: "info@example.org (email)", label: "Email Address", value: "info@example.org"},
		{in: "http://www.example.org (website)", label: "Website", value: "http://www.example.org"},
		{in: "Harbour Registration Code 5521 (Iran)", label: "Harbour Registration Code", value: "5521", country: "Iran"},
		{in: "Minister of Foreign Affairs of the Russian Federation", free: true},
		{in: "Commander of FDLR 1st Division", free: true},
		{in: "Widget Permit No. 77 (Iran)", free: true, suspicious: true},
		{in: "Gizmo Code 12345", free: true, suspicious: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c := parseClause(tt.in)
			if c.free != tt.free || c.suspicious != tt.suspicious {
				t.Fatalf("free %v suspicious %v, want %v %v (%+v)", c.free, c.suspicious, tt.free, tt.suspicious, c)
			}
			if tt.free {
				return
			}
			if c.label != tt.label || c.value != tt.value || c.country != tt.country || c.note != tt.note {
				t.Errorf("got label %q value %q country %q note %q, want %q %q %q %q",
					c.label, c.value, c.country, c.note, tt.label, tt.value, tt.country, tt.note)
			}
		})
	}
}

func TestApplyRemarks(t *testing.T) {
	m := &mapper{file: "sdn.csv"}
	e := &entity.Entity{ID: "ofac-1", Schema: entity.Person}
	m.applyRemarks(e, "DOB 1955 to 1958; alt. DOB circa 1965; DOB sometime; nationality Atlantis; "+
		"Gender Other; Minister of Things; Vessel Registration Identification IMO 9000001; "+
		"Company Number IMO 5055293; Vessel Registration Identification RS 150443 (Russia).", "Minister of Things", "Remarks")
	if got := []string{e.BirthDates[0].String(), e.BirthDates[1].String()}; strings.Join(got, " ") != "1955..1958 ~1965" {
		t.Errorf("birth dates %v", e.BirthDates)
	}
	var types []string
	for _, id := range e.Identifiers {
		types = append(types, id.Type+"="+id.Value)
	}
	if want := "imoNumber=IMO 9000001 imoNumber=IMO 5055293 registrationNumber=RS 150443"; strings.Join(types, " ") != want {
		t.Errorf("identifiers %v, want %s", types, want)
	}
	if want := "DOB sometime|nationality Atlantis|Gender Other"; strings.Join(e.Notes, "|") != want {
		t.Errorf("notes %q, want %q (the title clause is the position)", e.Notes, want)
	}
	var msgs []string
	for _, w := range m.warnings.List() {
		msgs = append(msgs, w.Message)
	}
	want := []string{"unreadable DOB date: kept as a note", `unknown country "Atlantis"`, `unknown gender "Other": kept as a note`}
	if strings.Join(msgs, "|") != strings.Join(want, "|") {
		t.Errorf("warnings %q, want %q", msgs, want)
	}
}
