package textscan

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// benchText is a mix of the test texts, about 8 KB: two news pages
// with their menus and footers, one about sanctions and full of listed
// people and places, one about shipping with none; an MT103; a pacs.008;
// and lines in Cyrillic, Arabic and Korean script.
func benchText(b *testing.B) []byte {
	b.Helper()
	var buf bytes.Buffer
	for _, f := range benchFiles {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			b.Fatal(err)
		}
		buf.Write(data)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

var benchFiles = []string{"news.txt", "prose.txt", "mt103.txt", "pacs008.xml", "scripts.txt"}

// BenchmarkScan scans the mix, and each of its texts, with a warm
// scanner, as a server does: the names of the text were searched before
// and come from the window cache.
func BenchmarkScan(b *testing.B) {
	s := New(realIndex(b), Options{})
	texts := map[string][]byte{"mix": benchText(b)}
	for _, f := range benchFiles {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			b.Fatal(err)
		}
		texts[f] = data
	}
	for _, name := range append([]string{"mix"}, benchFiles...) {
		text := texts[name]
		b.Run(name, func(b *testing.B) {
			s.Scan(text)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				s.Scan(text)
			}
		})
	}
}

// BenchmarkScanCold scans the mix with the window cache emptied before
// every scan: every name window is searched in the index.
func BenchmarkScanCold(b *testing.B) {
	s := New(realIndex(b), Options{})
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		s.cache.mu.Lock()
		s.cache.m = nil
		s.cache.mu.Unlock()
		s.Scan(text)
	}
}

// BenchmarkNew measures building a scanner over the real lists.
func BenchmarkNew(b *testing.B) {
	ix := realIndex(b)
	b.ResetTimer()
	for b.Loop() {
		New(ix, Options{})
	}
}
