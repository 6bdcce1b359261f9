package textscan

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/eval"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/source/sourcetest"
)

// TestRecallInText measures what finding names in text costs in recall
// and false alarms against screening the names alone: the labelled
// variants of listed names that the evaluation generates (spellings,
// typos, word orders, scripts), and those of textVariants (a title
// before the name, a nickname, a nasab chain cut short, a national
// letter), which screening finds, are written into a sentence of prose
// and into a payment message, and the scanner must find them there; the
// generated names of people who are not listed must not be flagged there
// more often than screening flags them.
func TestRecallInText(t *testing.T) {
	if raceDetector {
		t.Skip(raceSkip)
	}
	ix := realIndex(t)
	f, err := os.Open(filepath.Join(sourcetest.SharedData(t), "names", "nmvw_wikidata_name_pairs", "name_pairs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	people, err := eval.ReadPeople(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	cases := eval.Generate(real.ents, people, 11, eval.Sizes{PerVariant: 40, Unlisted: 300, SharedSurname: 150, SharedGiven: 100, Orgs: 100})
	cases = append(cases, textVariants(real.ents, 40)...)
	s := New(ix, Options{})
	cfg := ix.Config()
	templates := []struct {
		name string
		text func(name string) string
	}{
		{"prose", func(n string) string {
			return "On Tuesday the bank received a transfer from " + n + ", its records show."
		}},
		{"mt103", func(n string) string {
			return ":50K:/DE44500105175407324931\n" + strings.ToUpper(n) + "\nBERLIN\n:70:/INV/4471 SPARE PARTS\n"
		}},
	}
	type tally struct{ screened, found int }
	byKind := map[string]*tally{}
	var screened, found, negatives, screenFP, textFP int
	for _, c := range cases {
		if c.Query.Name == "" || c.Kind == "case-punct" { // prose writes names with capitals
			continue
		}
		p, err := cfg.Prepare(c.Query, ix)
		if err != nil {
			continue
		}
		hits := ix.Search(p, index.Options{})
		if len(c.Expect) == 0 {
			negatives++
			if len(hits) > 0 {
				screenFP++
			}
			for _, tp := range templates {
				if fs := s.Scan([]byte(tp.text(c.Query.Name))); slices.ContainsFunc(fs, func(f Finding) bool { return f.Kind == KindName }) {
					textFP++
					if os.Getenv("MISSES") != "" {
						t.Logf("false %s %s %q → %s", c.Kind, tp.name, c.Query.Name, strings.ReplaceAll(describe(fs), "\n", " / "))
					}
					break
				}
			}
			continue
		}
		if !slices.ContainsFunc(hits, func(h index.Hit) bool { return slices.Contains(c.Expect, h.EntityID) }) {
			continue // screening misses it: not the scanner's to find
		}
		k := byKind[c.Kind]
		if k == nil {
			k = &tally{}
			byKind[c.Kind] = k
		}
		for _, tp := range templates {
			screened++
			k.screened++
			fs := s.Scan([]byte(tp.text(c.Query.Name)))
			// Found: a name finding on an entity that screening the name
			// raises too (the best of several listings of one person
			// may be another list's).
			if slices.ContainsFunc(fs, func(f Finding) bool {
				return f.Entity != nil && slices.ContainsFunc(hits, func(h index.Hit) bool { return h.EntityID == f.Entity.ID })
			}) {
				found++
				k.found++
			} else if os.Getenv("MISSES") != "" {
				t.Logf("miss %s %s %q → %s", c.Kind, tp.name, c.Query.Name, describe(fs))
			}
		}
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("%-16s %4d/%4d  %.3f", k, byKind[k].found, byKind[k].screened, float64(byKind[k].found)/float64(byKind[k].screened))
	}
	recall := float64(found) / float64(screened)
	t.Logf("recall in text %.3f (%d of %d screened hits); negatives flagged: screening %d, text %d of %d", recall, found, screened, screenFP, textFP, negatives)
	if screened < 500 || negatives < 300 {
		t.Fatalf("%d positives, %d negatives: too few to measure", screened, negatives)
	}
	if recall < minTextRecall {
		t.Errorf("recall in text %.3f, want at least %.2f", recall, minTextRecall)
	}
	if textFP > screenFP+negatives/100 {
		t.Errorf("text flags %d of %d unlisted people, screening %d", textFP, negatives, screenFP)
	}
}

// textVariants writes listed people's names in the ways of matching v2
// that text has most (as eval.Generate writes its variants): after a
// title ("President Sergei Lavrov"), with a nickname for the given name
// ("Sasha Lukashenko"), a nasab chain cut after the father's name
// ("Tamim bin Hamad"), and with a letter of the national alphabet
// ("Erdoğan", "Łukaszenka"). Each kind has up to n cases, from the
// people whose names allow it, in a fixed order.
func textVariants(ents []*entity.Entity, n int) []eval.Case {
	titles := []string{"President", "Minister", "General", "Sheikh", "Dr.", "Colonel"}
	nick := map[string]string{"aleksandr": "Sasha", "alexander": "Alex", "vladimir": "Volodya", "mikhail": "Misha", "dmitry": "Dima",
		"dmitriy": "Dima", "yevgeniy": "Zhenya", "yevgeny": "Zhenya", "nikolai": "Kolya", "nikolay": "Kolya", "ivan": "Vanya",
		"william": "Bill", "robert": "Bob", "richard": "Dick", "joseph": "Joe", "james": "Jim", "michael": "Mike", "anatoly": "Tolya",
		"viktor": "Vitya", "yuri": "Yura", "yuriy": "Yura", "konstantin": "Kostya", "boris": "Borya", "sergei": "Seryozha", "sergey": "Seryozha"}
	national := strings.NewReplacer("g", "ğ", "s", "ş", "l", "ł", "c", "ç")
	var out []eval.Case
	count := map[string]int{}
	add := func(kind, name string, e *entity.Entity) {
		if count[kind] >= n || name == "" {
			return
		}
		count[kind]++
		out = append(out, eval.Case{Query: match.Query{Subject: entity.Subject{Name: name}}, Expect: []string{e.ID}, Kind: kind})
	}
	ids := make([]*entity.Entity, 0, len(ents))
	for _, e := range ents {
		if e.Schema == entity.Person && len(e.Names) > 0 {
			ids = append(ids, e)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].ID < ids[j].ID })
	for i, e := range ids {
		full := e.Names[0].Full
		if strings.IndexFunc(full, func(r rune) bool { return r > 0x24f }) >= 0 {
			continue // Latin names only
		}
		last, rest, comma := strings.Cut(full, ",")
		words := strings.Fields(strings.TrimSpace(rest) + " " + strings.TrimSpace(last))
		if !comma {
			words = strings.Fields(full)
		}
		if len(words) < 2 {
			continue
		}
		name := strings.Join(words, " ")
		if i%7 == 0 {
			add("title", titles[i%len(titles)]+" "+name, e)
		}
		if k := nick[strings.ToLower(words[0])]; k != "" {
			add("nickname", k+" "+words[len(words)-1], e)
		}
		if b := slices.IndexFunc(words, func(w string) bool { return strings.EqualFold(w, "bin") || strings.EqualFold(w, "ibn") }); b > 0 && b+2 < len(words) {
			add("nasab-cut", strings.Join(words[:b+2], " "), e)
		}
		if i%5 == 0 {
			surname := words[len(words)-1]
			plain := surname[:1] + strings.ToLower(surname[1:])
			if ns := surname[:1] + national.Replace(strings.ToLower(surname[1:])); ns != plain {
				add("national-letter", strings.Join(words[:len(words)-1], " ")+" "+ns, e)
			}
		}
	}
	return out
}

// minTextRecall is the recall in text TestRecallInText holds the scanner
// to. It measured 0.914 on the development set before matching v2's kinds
// (acronyms, numerals, leet, glued and joined words, nasab chains cut,
// nicknames, national letters) were added to it, and 0.882 on the set
// with them (0.816 before the scanner learnt digits for letters, camel
// case and acronyms). The misses: names of common words and a number
// ("LLC GROUP NINETY-NINE"), which nothing rare leads to; dotted
// acronyms ("S.G.I.D."); acronyms of entities of unknown kind; glued
// names with no rare word ("RSBGroup"); Arabic spellings whose consonants
// differ; nasab chains cut before a rare word.
const minTextRecall = 0.88
