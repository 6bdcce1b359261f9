package ofac

import (
	"os"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/source"
)

// sdnXML returns testdata/sdn.xml with old replaced by new.
func sdnXML(t *testing.T, old, new string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/sdn.xml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("testdata/sdn.xml has no %q", old)
	}
	return []byte(strings.Replace(string(b), old, new, 1))
}

func TestSDNListErrors(t *testing.T) {
	full, _ := os.ReadFile("testdata/sdn.xml")
	tests := []struct {
		name     string
		file     string
		content  []byte
		sentinel error
		message  string
	}{
		{"FewerEntriesThanRecordCount", "sdn.xml", sdnXML(t, "<Record_Count>3<", "<Record_Count>4<"), source.ErrTruncated, "Record_Count says 4"},
		{"MoreEntriesThanRecordCount", "sdn.xml", sdnXML(t, "<Record_Count>3<", "<Record_Count>2<"), source.ErrMalformed, "Record_Count says 2"},
		{"CutOff", "sdn.xml", full[:len(full)/2], source.ErrTruncated, ""},
		{"Malformed", "sdn.xml", sdnXML(t, "<lastName>LAVROV</lastName>", "<lastName>LAVROV</lastname>"), source.ErrMalformed, ""},
		{"NoUID", "sdn.xml", sdnXML(t, "<uid>35233</uid>", ""), source.ErrMalformed, "no uid"},
		{"NoLastName", "sdn.xml", sdnXML(t, "<lastName>SEA EXAMPLE</lastName>", ""), source.ErrMalformed, "no lastName"},
		{"DuplicateUID", "sdn.xml", sdnXML(t, "<uid>90001</uid>", "<uid>35233</uid>"), source.ErrMalformed, "occurs twice"},
		{"Empty", "sdn.xml", []byte(`<sdnList><publshInformation><Record_Count>0</Record_Count></publshInformation></sdnList>`), source.ErrEmpty, "no entries"},
		{"UnnamedFile", "list.xml", full, source.ErrFormat, "name it sdn.xml or consolidated.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newFile(t, tt.file, tt.content)
			pe := mustParseError(t, tt.sentinel, p)
			if !strings.Contains(pe.Error(), tt.message) || pe.File != p {
				t.Errorf("error %q, want the file and %q", pe, tt.message)
			}
			if tt.name == "Malformed" && pe.Line == 0 {
				t.Errorf("error %q has no line", pe)
			}
		})
	}
}

func TestSDNListUnknownElement(t *testing.T) {
	p := newFile(t, "sdn.xml", sdnXML(t, "<title>", `<favouriteColour>blue</favouriteColour><title note="x">`))
	rs := mustParse(t, p)
	var got []string
	for _, w := range rs[0].Warnings {
		got = append(got, w.Field+": "+w.Message)
	}
	want := []string{
		"sdnEntry/favouriteColour: unknown element: not mapped, kept in the raw record",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings %q, want %q", got, want)
	}
	if !strings.Contains(rs[0].Entities[0].Raw.Text, "<favouriteColour>blue</favouriteColour>") {
		t.Error("raw record lost the unknown element")
	}
}

func TestSDNListUnknownNested(t *testing.T) {
	p := newFile(t, "sdn.xml", sdnXML(t, "<idCountry>Russia</idCountry>", `<idCountry>Russia</idCountry><issuedBy>FMS</issuedBy>`))
	rs := mustParse(t, p)
	if len(rs[0].Warnings) != 1 || rs[0].Warnings[0].Field != "sdnEntry/idList/id/issuedBy" {
		t.Errorf("warnings %+v, want one for sdnEntry/idList/id/issuedBy", rs[0].Warnings)
	}
}
