package textscan

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/index"
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
		s.forgetCaches()
		s.Scan(text)
	}
}

// BenchmarkScanColdFiles scans each test text with the window cache
// emptied before every scan: what a text never seen before costs, by
// byte.
func BenchmarkScanColdFiles(b *testing.B) {
	s := New(realIndex(b), Options{})
	for _, f := range benchFiles {
		text := []byte(readTestdata(b, f))
		b.Run(f, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				s.forgetCaches()
				s.Scan(text)
			}
		})
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

// realisticText builds about 1 MB of the traffic a screening service
// sees most: ordinary prose (the shipping story, its people renamed) and
// payment messages between ordinary parties, every one different, with
// a listed name in about one message in fifty. It is made from the test
// texts only, deterministically, so that runs compare. The dense "mix"
// overstates how often a name is worth searching; this understates
// nothing the window cache would hide, since no two messages repeat.
func realisticText(b testing.TB) []byte {
	b.Helper()
	prose, mt103, pacs := readTestdata(b, "prose.txt"), readTestdata(b, "mt103.txt"), readTestdata(b, "pacs008.xml")
	firsts := strings.Fields(`Margaret Daniel Pieter Sophie Tomasz Anna Lucas Maria Jan Olga Ahmed Fatima Chen Wei Hiroshi Aiko
		Carlos Lucia Pierre Claire Hans Greta Ivan Elena Omar Leila Raj Priya Kwame Amara Liam Emma Noah Mia Ali Sara Piotr Ewa`)
	lasts := strings.Fields(`Holloway Okafor Marchetti Wieczorek Jensen Novak Schmidt Dubois Rossi Garcia Silva Kowalski Nielsen
		Tanaka Nakamura Fischer Weber Moreau Laurent Bianchi Romano Ferreira Costa Hansen Larsen Berg Svensson Lindqvist Murphy
		Kelly Brennan Patel Sharma Mensah Owusu Haddad Nasser Petrova Smirnova Virtanen Korhonen`)
	companies := strings.Fields(`Harbour Northbridge Baltic Meridian Alpine Riverside Summit Granite Coastal Evergreen Pioneer
		Lakeside Atlas Orion Cedar Falcon Beacon Sterling Horizon Silverline`)
	kinds := strings.Fields(`Trading Logistics Foods Textiles Engineering Consulting Holdings Shipping Metals Pharma`)
	listed := []string{"SERGEI VIKTOROVICH LAVROV", "Bashar al-Assad", "Sergei Lavrov", "BASHAR AL-ASSAD"}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	person := func() string { return pick(firsts) + " " + pick(lasts) }
	company := func() string {
		return pick(companies) + " " + pick(kinds) + " " + pick([]string{"GmbH", "Ltd", "BV", "SA", "AB", "Oy"})
	}
	proseNames := []string{"Margaret Holloway", "Daniel Okafor", "Pieter van der Linden", "Sophie Marchetti", "Tomasz Wieczorek", "Marchetti"}
	var buf bytes.Buffer
	for n := 0; buf.Len() < 1<<20; n++ {
		switch n % 3 {
		case 0:
			p := prose
			for _, name := range proseNames {
				p = strings.ReplaceAll(p, name, person())
			}
			buf.WriteString(p)
		case 1:
			m := mt103
			bene := strings.ToUpper(person())
			if n%150 == 1 {
				bene = strings.ToUpper(listed[rng.IntN(len(listed))])
			}
			m = strings.ReplaceAll(m, "SERGEI VIKTOROVICH LAVROV", bene)
			m = strings.ReplaceAll(m, "ACME TRADING GMBH", strings.ToUpper(company()))
			m = strings.ReplaceAll(m, "125000,00", fmt.Sprintf("%d,%02d", rng.IntN(1e6), rng.IntN(100)))
			m = strings.ReplaceAll(m, "4471", fmt.Sprint(rng.IntN(1e5)))
			m = strings.ReplaceAll(m, "VIA DAMASCUS", pick([]string{"VIA ROTTERDAM", "FOR Q3 SERVICES", "CONTRACT 2025-77", "VIA HAMBURG"}))
			buf.WriteString(m)
		case 2:
			m := pacs
			cdtr := person()
			if n%150 == 2 {
				cdtr = listed[rng.IntN(len(listed))]
			}
			m = strings.ReplaceAll(m, "Bashar al-Assad", cdtr)
			m = strings.ReplaceAll(m, "Globex Shipping Ltd", company())
			m = strings.ReplaceAll(m, "98000.00", fmt.Sprintf("%d.%02d", rng.IntN(1e6), rng.IntN(100)))
			m = strings.ReplaceAll(m, "Sevastopol, Crimea", pick([]string{"Antwerp", "Gdansk port", "Lyon warehouse", "Valencia"}))
			buf.WriteString(m)
		}
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// BenchmarkScanRealistic scans the realistic megabyte, warm (the caches
// are filled by one scan first), cold (the scanner's caches, runs,
// windows and word analyses, emptied before every scan, so that only
// what repeats within the megabyte is found in them), and uncached (no
// cache at all, as if nothing in the text repeated: the worst case). The
// index's own cache of query words, which screening shares, stays warm,
// as in a server.
func BenchmarkScanRealistic(b *testing.B) {
	benchRealistic(b, realisticText(b))
}

// BenchmarkScanRealisticScripts is BenchmarkScanRealistic on a megabyte
// of Russian and Arabic business news, with its people renamed, naming a
// listed person about one time in 150.
func BenchmarkScanRealisticScripts(b *testing.B) {
	benchRealistic(b, realisticScripts(b))
}

func benchRealistic(b *testing.B, text []byte) {
	s := New(realIndex(b), Options{})
	b.Run("warm", func(b *testing.B) {
		s.Scan(text)
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			s.Scan(text)
		}
	})
	b.Run("cold", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			s.forgetCaches()
			s.Scan(text)
		}
	})
	b.Run("uncached", func(b *testing.B) {
		s.forgetCaches()
		s.cache.off, s.runs.off = true, true
		defer func() { s.cache.off, s.runs.off = false, false }()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			s.Scan(text)
		}
	})
}

// realisticScripts builds about 1 MB of Russian and Arabic prose from the
// test texts, their people renamed from pools of common names, and one
// piece in 150 naming a listed person.
func realisticScripts(b testing.TB) []byte {
	b.Helper()
	ru, ar := readTestdata(b, "prose_ru.txt"), readTestdata(b, "prose_ar.txt")
	ruFirst := strings.Fields(`Анна Дмитрий Андрей Елена Павел Ольга Игорь Мария Наталья Алексей Татьяна Михаил Светлана Николай
		Юлия Виктор Ирина Константин Людмила Роман Галина Степан Вера Григорий`)
	ruLast := strings.Fields(`Смирнова Козлов Васильев Морозова Новиков Кузнецова Соколов Попов Лебедев Волкова Егоров Павлова
		Орлов Фёдорова Белов Тарасова Комаров Киселёва Макаров Андреева Зайцев Борисова Гусев Мельникова`)
	arFirst := strings.Fields(`سارة محمود خالد ليلى يوسف عمر نور أحمد فاطمة علي حسن مريم سلمى طارق رنا زياد هدى كريم`)
	arLast := strings.Fields(`الحسيني العلي المنصوري الكعبي الشامي الزعابي الهاشمي النعيمي القاسمي الظاهري الخطيب الحداد
		النجار العطار السويدي البلوشي الرميثي المهيري`)
	ruNames := []string{"Анна Смирнова", "Дмитрий Козлов", "Андрей Васильев", "Елена Морозова", "Павел Новиков", "Ольга Кузнецова", "Игорь Соколов", "Морозова"}
	arNames := []string{"سارة الحسيني", "محمود العلي", "خالد المنصوري", "ليلى الكعبي", "يوسف الشامي", "عمر الزعابي", "نور الهاشمي"}
	rng := rand.New(rand.NewPCG(3, 4))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	var buf bytes.Buffer
	for n := 0; buf.Len() < 1<<20; n++ {
		p, names, first, last, listed := ru, ruNames, ruFirst, ruLast, "Сергей Лавров"
		if n%2 == 1 {
			p, names, first, last, listed = ar, arNames, arFirst, arLast, "بشار الأسد"
		}
		for k, name := range names {
			person := pick(first) + " " + pick(last)
			if k == 0 && n%150 < 2 {
				person = listed
			}
			p = strings.ReplaceAll(p, name, person)
		}
		buf.WriteString(p)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// forgetCaches empties the scanner's caches, for a cold scan.
func (s *Scanner) forgetCaches() {
	s.cache = cache[[]index.Hit]{}
	s.runs = cache[[]nameHit]{}
	s.analyses.mu.Lock()
	s.analyses.m = nil
	s.analyses.mu.Unlock()
}

// BenchmarkScanCharged reports what a pair a scan charges (see
// pairsPerByte) takes to scan, in ns/pair, on the real lists: English
// prose and payments, Russian and Arabic news, cold (the scanner's caches
// emptied before every scan) and warm. Charged by its work, every text
// should come near what screen.Pacer prices a pair at (500 ns), whatever
// its script.
func BenchmarkScanCharged(b *testing.B) {
	s := New(realIndex(b), Options{})
	scripts := realisticScripts(b)
	var ru, ar []byte
	for line := range bytes.Lines(scripts) {
		if bytes.ContainsAny(line, "абвгдеёжзийклмнопрстуфхцчшщыэюя") {
			ru = append(ru, line...)
		} else {
			ar = append(ar, line...)
		}
	}
	texts := []struct {
		name string
		text []byte
	}{
		{"realistic", realisticText(b)},
		{"russian", ru},
		{"arabic", ar},
		{"news", bytes.Repeat([]byte(readTestdata(b, "news.txt")+"\n"), 50)},
	}
	for _, tx := range texts {
		for _, cold := range []bool{true, false} {
			b.Run(fmt.Sprintf("%s/cold=%v", tx.name, cold), func(b *testing.B) {
				var pairs int64
				charge := func(n int64) error { pairs += n; return nil }
				s.Scan(tx.text)
				b.SetBytes(int64(len(tx.text)))
				for b.Loop() {
					if cold {
						s.forgetCaches()
					}
					if _, _, err := s.ScanContext(context.Background(), tx.text, Options{}, charge); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(pairs), "ns/pair")
				b.ReportMetric(float64(pairs)/float64(b.N)/float64(len(tx.text)), "pairs/B")
			})
		}
	}
}
