package chain

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// canonicalCases are data that isCanonical must accept (canonical) or
// leave to Compact.
var canonicalCases = []struct {
	data      string
	canonical bool
}{
	{`{"api":"native","queries":1,"best":0.93,"matched":[{"entity":"ofac-35233","score":0.93}],"versions":["eu-fsf@3"],"x":null,"y":true,"z":false}`, true},
	{`null`, true},
	{`{}`, true},
	{`[]`, true},
	{`[[],{},""]`, true},
	{`-0.5`, true},
	{`"say \"hi\" \\"`, true},
	{`{"a":-12,"b":0}`, true},
	// Whitespace, escapes json.Marshal makes, and what it would escape.
	{`{ "a":1}`, false},
	{`{"a":1} `, false},
	{"{\"a\":\n1}", false},
	{`{"a":"<b>"}`, false},
	{`{"a":"\u003cb\u003e"}`, false},
	{`{"a":"x & y"}`, false},
	{`{"a":"x y"}`, true},
	{`{"a":"x\ny"}`, false},
	{`{"a":"Сергей"}`, false},
	{"{\"a\":\"\u2028\"}", false},
	{`1e5`, false},
	// Not JSON at all.
	{``, false},
	{`{`, false},
	{`{"a"}`, false},
	{`{"a":}`, false},
	{`{"a":1,}`, false},
	{`[1,]`, false},
	{`[1 2]`, false},
	{`01`, false},
	{`-`, false},
	{`1.`, false},
	{`tru`, false},
	{`nul`, false},
	{`"open`, false},
	{`"bad \x escape"`, false},
	{`{"a":1}{"b":2}`, false},
	{`{1:2}`, false},
}

func TestCanonical(t *testing.T) {
	for _, c := range canonicalCases {
		if got := isCanonical([]byte(c.data)); got != c.canonical {
			t.Errorf("isCanonical(%q) = %v, want %v", c.data, got, c.canonical)
		}
		got, err := Canonical(json.RawMessage(c.data))
		std, stdErr := Compact(json.RawMessage(c.data))
		if (err != nil) != (stdErr != nil) || !bytes.Equal(got, std) {
			t.Errorf("Canonical(%q) = %q, %v; Compact gives %q, %v", c.data, got, err, std, stdErr)
		}
	}
}

// Canonical returns an entry's data as it is, not a copy: Entry's data
// is canonical.
func TestCanonicalKeepsEntryData(t *testing.T) {
	e, err := Entry(time.Now(), "key:0123", ActionScreen, "request/1", map[string]any{"api": "native", "best": 0.93, "versions": []string{"eu-fsf@3"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Canonical(e.Data)
	if err != nil || &got[0] != &e.Data[0] {
		t.Errorf("Canonical of an entry's data: %q, %v; want the same bytes, not a copy", got, err)
	}
}

// FuzzCanonical holds isCanonical to its promise: what it accepts,
// json.Marshal returns unchanged.
func FuzzCanonical(f *testing.F) {
	for _, c := range canonicalCases {
		f.Add([]byte(c.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !isCanonical(data) {
			return
		}
		std, err := Compact(json.RawMessage(data))
		if err != nil || !bytes.Equal(std, data) {
			t.Errorf("isCanonical(%q), but Compact gives %q, %v", data, std, err)
		}
	})
}

func BenchmarkCanonical(b *testing.B) {
	data, _ := json.Marshal(map[string]any{"api": "native", "data": "live", "queries": 1, "withHits": 1, "hits": 2, "best": 0.93,
		"versions": []string{"au-dfat@2", "ca-sema@3", "eu-fsf@3", "ofac-sdn@12", "ofac-cons@4", "uk-hmt@4", "un-sc@7", "us-csl@5"},
		"matched":  []map[string]any{{"entity": "ofac-35233", "score": 0.93, "subject": "s-12", "listings": []string{"eu-fsf-1234", "uk-hmt-99"}}, {"entity": "eu-fsf-1234", "score": 0.81}}})
	for _, c := range []struct {
		name string
		f    func(json.RawMessage) (json.RawMessage, error)
	}{{"Canonical", Canonical}, {"Compact", func(d json.RawMessage) (json.RawMessage, error) { return Compact(d) }}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.f(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
