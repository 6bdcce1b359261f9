package ofac

import (
	"context"
	"testing"

	"github.com/vetoscreen/veto/source"
)

// benchmarkParse parses a snapshot folder; the bytes per operation are
// the files' decompressed size.
func benchmarkParse(b *testing.B, dir string) {
	paths := sharedFolder(b, dir)
	var size int64
	for _, p := range paths {
		data, err := source.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(context.Background(), paths); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseSDNCSV2024(b *testing.B)   { benchmarkParse(b, "sdn_csv_2024-05-03") }
func BenchmarkParseSDNCSV2021(b *testing.B)   { benchmarkParse(b, "sdn_csv_2021-07-07") }
func BenchmarkParseConsXML(b *testing.B)      { benchmarkParse(b, "non_sdn_xml_2026-01-08") }
func BenchmarkParseConsEnhanced(b *testing.B) { benchmarkParse(b, "non_sdn_enhanced_xml_2025-01-10") }
