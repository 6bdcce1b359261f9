package ftm

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"

	"github.com/vetoscreen/veto/source"
)

// Generating synthetic lists. `veto lists generate` writes N realistic
// FtM entities (people, companies, organisations, vessels, with dates,
// countries, identifiers, topics, and Sanction, Occupancy/Position and
// Ownership records attached to some) for the scale tests and benchmarks,
// so that they run without downloading anything. The output depends on
// the seed and the name pool only: the same seed and pool give the same
// bytes.

// Generator writes synthetic FtM entities.
type Generator struct {
	// Seed picks the entities.
	Seed uint64
	// Names, if not empty, is the pool people's names are drawn from
	// (see LoadNamePool), whole or recombined within one script; without
	// it they follow built-in shape rules in several scripts.
	Names []string
}

// LoadNamePool reads the names of a name-pairs file (two tab-separated
// names and a label a line, as ../shared/data/names has them): every
// distinct name of either column, in file order.
func LoadNamePool(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("name pool: %w", err)
	}
	defer f.Close()
	var out []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		for _, c := range cols[:min(2, len(cols))] {
			c = strings.TrimSpace(c)
			if len([]rune(c)) >= 3 && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("name pool %s: %w", path, err)
	}
	return out, nil
}

// line is one generated FtM entity.
type line struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Caption    string              `json:"caption"`
	Properties map[string][]string `json:"properties"`
}

// Built-in shapes of names, by script: given names and family names.
var shapes = []struct {
	given, family []string
	// order is "gf" (given family) or "fg" (family given, no space for
	// Han).
	order string
}{
	{[]string{"Ivan", "Olga", "Dmitri", "Anna", "Sergei", "Elena", "Mikhail", "Tatiana", "Yuri", "Natalia"},
		[]string{"Petrov", "Ivanova", "Sokolov", "Kuznetsova", "Volkov", "Morozova", "Lebedev", "Novikova", "Kozlov", "Popova"}, "gf"},
	{[]string{"Иван", "Ольга", "Дмитрий", "Анна", "Сергей", "Елена", "Михаил", "Татьяна"},
		[]string{"Петров", "Иванова", "Соколов", "Кузнецова", "Волков", "Морозова", "Лебедев", "Новикова"}, "gf"},
	{[]string{"Mohammed", "Fatima", "Ahmad", "Aisha", "Omar", "Khadija", "Hassan", "Zainab", "Ali", "Maryam"},
		[]string{"Al-Rashid", "Haddad", "Khalil", "Nasser", "Hussein", "Mansour", "Saleh", "Abbas", "Qasim", "Darwish"}, "gf"},
	{[]string{"محمد", "فاطمة", "أحمد", "عائشة", "عمر", "خديجة", "حسن", "زينب"},
		[]string{"الرشيد", "حداد", "خليل", "ناصر", "حسين", "منصور", "صالح", "عباس"}, "gf"},
	{[]string{"伟", "芳", "娜", "敏", "静", "强", "磊", "洋"}, []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵"}, "fg"},
	{[]string{"Wei", "Fang", "Na", "Min", "Jing", "Qiang", "Lei", "Yang"}, []string{"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao"}, "gf"},
	{[]string{"José", "María", "Juan", "Carmen", "Luis", "Ana", "Carlos", "Lucía", "Jorge", "Sofía"},
		[]string{"García", "Rodríguez", "Martínez", "López", "González", "Hernández", "Pérez", "Sánchez", "Ramírez", "Torres"}, "gf"},
	{[]string{"Jean", "Marie", "Pierre", "Sophie", "Luc", "Camille", "Hans", "Greta", "Klaus", "Ingrid"},
		[]string{"Dubois", "Lefebvre", "Moreau", "Laurent", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner"}, "gf"},
	{[]string{"Γιώργος", "Μαρία", "Νίκος", "Ελένη"}, []string{"Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Νικολάου"}, "gf"},
	{[]string{"민준", "서연", "지호", "하은"}, []string{"김", "이", "박", "최"}, "fg"},
	{[]string{"Kim Jong", "Ri Sol", "Pak Myong", "Choe Ryong"}, []string{"Hae", "Ju", "Chol", "Su"}, "gf"},
	{[]string{"Reza", "Maryam", "Hossein", "Zahra"}, []string{"Hosseini", "Rezaei", "Mohammadi", "Karimi"}, "gf"},
}

var (
	companyWords = []string{"Global", "Trans", "Euro", "Asia", "Pacific", "Atlas", "Nord", "Sever", "Orient", "Delta", "Prime", "Star",
		"Alpha", "Omega", "Golden", "Silver", "Caspian", "Baltic", "Red Sea", "Black Sea", "Neva", "Volga", "Amur", "Sahara"}
	companyTrades = []string{"Trading", "Shipping", "Energy", "Petroleum", "Logistics", "Investments", "Holdings", "Metals", "Industries",
		"Technologies", "Engineering", "Maritime", "Aviation", "Finance", "Mining", "Chemicals", "Electronics", "Construction"}
	companyForms = []string{"LLC", "Ltd", "GmbH", "OOO", "AO", "JSC", "S.A.", "FZE", "LLP", "Co., Ltd.", "PJSC", "SARL", "B.V.", "Pte. Ltd."}
	orgWords     = []string{"Foundation", "Brigade", "Committee", "Front", "Movement", "Institute", "Council", "Battalion", "Society", "Directorate"}
	vesselWords  = []string{"OCEAN", "STAR", "GLORY", "PRIDE", "SPIRIT", "LADY", "PEARL", "WIND", "DRAGON", "EAGLE", "HORIZON", "FORTUNE",
		"PRINCESS", "VOYAGER", "NEPTUNE", "AURORA", "MARINER", "TITAN", "BREEZE", "SUN"}
	countryCodes = []string{"ru", "ir", "kp", "sy", "cu", "ve", "by", "cn", "ae", "tr", "lb", "iq", "af", "ye", "mm", "sd", "ly", "so",
		"ua", "kz", "de", "gb", "us", "fr", "cy", "pa", "lr", "mh", "hk", "sg", "in", "pk", "ng", "za", "br", "mx", "co"}
	programs  = []string{"RUSSIA-EO14024", "UKRAINE-EO13660", "IRAN", "SDGT", "DPRK3", "SYRIA", "BELARUS-EO14038", "CYBER2", "GLOMAG", "VENEZUELA-EO13850"}
	positions = []string{"Minister of Finance", "Member of Parliament", "Governor of the Central Bank", "Deputy Prime Minister",
		"Ambassador", "Mayor", "Judge of the Supreme Court", "Minister of Defence", "Head of State", "Regional Governor",
		"Member of the Security Council", "Chief of the General Staff", "Minister of Energy", "Deputy Minister of Foreign Affairs"}
)

// Generate writes n screened entities, and the records attached to some
// of them, as FtM JSON lines.
func (g *Generator) Generate(w io.Writer, n int) error {
	rng := rand.New(rand.NewPCG(g.Seed, g.Seed^0x9e3779b97f4a7c15))
	pools := scriptPools(g.Names)
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	write := func(l line) error { return enc.Encode(l) }
	// The positions PEPs occupy, written first.
	for i, p := range positions {
		c := countryCodes[i%len(countryCodes)]
		if err := write(line{ID: fmt.Sprintf("gen-pos-%d", i), Schema: "Position", Caption: p,
			Properties: map[string][]string{"name": {p}, "country": {c}}}); err != nil {
			return err
		}
	}
	var people []string // IDs of people written, owners for companies
	for i := range n {
		var l line
		switch r := rng.IntN(100); {
		case r < 60:
			l = g.person(rng, pools, i)
			people = append(people, l.ID)
		case r < 85:
			l = company(rng, i)
		case r < 93:
			l = organization(rng, i)
		default:
			l = vessel(rng, i)
		}
		if err := write(l); err != nil {
			return err
		}
		for _, a := range attached(rng, l, people) {
			if err := write(a); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

// attached returns the records attached to l: a Sanction for most
// sanctioned entities, an Occupancy for PEPs, an Ownership for some
// companies.
func attached(rng *rand.Rand, l line, people []string) []line {
	var out []line
	topics := l.Properties["topics"]
	if slices.Contains(topics, "sanction") && rng.IntN(4) > 0 {
		out = append(out, line{ID: l.ID + "-sanction", Schema: "Sanction", Caption: "Sanction", Properties: map[string][]string{
			"entity": {l.ID}, "program": {pick(rng, programs)}, "authority": {"Office of Foreign Assets Control"},
			"startDate": {date(rng, 2014, 2026, 3)}}})
	}
	if slices.Contains(topics, "role.pep") {
		out = append(out, line{ID: l.ID + "-occupancy", Schema: "Occupancy", Caption: "Occupancy", Properties: map[string][]string{
			"holder": {l.ID}, "post": {fmt.Sprintf("gen-pos-%d", rng.IntN(len(positions)))}, "startDate": {date(rng, 1995, 2024, 2)}}})
	}
	if l.Schema == "Company" && len(people) > 0 && rng.IntN(3) == 0 {
		out = append(out, line{ID: l.ID + "-ownership", Schema: "Ownership", Caption: "Ownership", Properties: map[string][]string{
			"owner": {people[rng.IntN(len(people))]}, "asset": {l.ID}, "percentage": {fmt.Sprint(10 + rng.IntN(91))}}})
	}
	return out
}

func (g *Generator) person(rng *rand.Rand, pools map[string][]string, i int) line {
	name, alias := g.personName(rng, pools)
	p := map[string][]string{"name": {name}, "birthDate": {date(rng, 1935, 2005, 3)}, "nationality": {pick(rng, countryCodes)},
		"gender": {pick(rng, []string{"male", "female"})}}
	if alias != "" && alias != name {
		p["alias"] = []string{alias}
	}
	if rng.IntN(3) == 0 {
		p["passportNumber"] = []string{fmt.Sprintf("%c%c%07d", 'A'+rng.IntN(26), 'A'+rng.IntN(26), rng.IntN(10_000_000))}
	}
	if rng.IntN(4) == 0 {
		p["birthPlace"] = []string{pick(rng, []string{"Moscow", "Tehran", "Damascus", "Pyongyang", "Caracas", "Minsk", "Baghdad", "Beirut", "Kabul", "Dubai"})}
	}
	switch r := rng.IntN(10); {
	case r < 5:
		p["topics"] = []string{"sanction"}
	case r < 8:
		p["topics"] = []string{"role.pep"}
	case r < 9:
		p["topics"] = []string{"role.rca"}
	default:
		p["topics"] = []string{"crime"}
	}
	return line{ID: fmt.Sprintf("gen-p%d", i), Schema: "Person", Caption: name, Properties: p}
}

// personName draws a name and an alias: from the pool, whole or a given
// name and a family name of two names of one script; else from the
// built-in shapes, the alias in the other order.
func (g *Generator) personName(rng *rand.Rand, pools map[string][]string) (name, alias string) {
	if len(g.Names) > 0 {
		// Scripts as common as in the pool; recombined within one.
		a := g.Names[rng.IntN(len(g.Names))]
		pool := pools[source.ScriptOf(a)]
		if rng.IntN(2) == 0 {
			return a, ""
		}
		b := pool[rng.IntN(len(pool))]
		fa, fb := strings.Fields(a), strings.Fields(b)
		if len(fa) > 1 && len(fb) > 1 {
			return fa[0] + " " + fb[len(fb)-1], a
		}
		return a, b
	}
	s := shapes[rng.IntN(len(shapes))]
	given, family := pick(rng, s.given), pick(rng, s.family)
	if s.order == "fg" {
		return family + given, family + " " + given
	}
	return given + " " + family, strings.ToUpper(family) + ", " + given
}

func company(rng *rand.Rand, i int) line {
	name := pick(rng, companyWords) + " " + pick(rng, companyTrades) + " " + pick(rng, companyForms)
	c := pick(rng, countryCodes)
	p := map[string][]string{"name": {name}, "jurisdiction": {c}, "incorporationDate": {date(rng, 1990, 2024, 2)},
		"registrationNumber": {fmt.Sprintf("%d", 1_000_000_000+rng.Int64N(9_000_000_000))}, "topics": {"sanction"}}
	if rng.IntN(3) == 0 {
		p["alias"] = []string{strings.ToUpper(name)}
	}
	return line{ID: fmt.Sprintf("gen-c%d", i), Schema: "Company", Caption: name, Properties: p}
}

func organization(rng *rand.Rand, i int) line {
	name := pick(rng, companyWords) + " " + pick(rng, orgWords)
	return line{ID: fmt.Sprintf("gen-o%d", i), Schema: "Organization", Caption: name, Properties: map[string][]string{
		"name": {name}, "country": {pick(rng, countryCodes)}, "topics": {pick(rng, []string{"sanction", "crime.terror", "debarment"})}}}
}

func vessel(rng *rand.Rand, i int) line {
	name := pick(rng, vesselWords) + " " + pick(rng, vesselWords)
	if rng.IntN(2) == 0 {
		name += fmt.Sprintf(" %d", 1+rng.IntN(9))
	}
	return line{ID: fmt.Sprintf("gen-v%d", i), Schema: "Vessel", Caption: name, Properties: map[string][]string{
		"name": {name}, "imoNumber": {fmt.Sprintf("IMO %d", 9_000_000+rng.IntN(999_999))}, "flag": {pick(rng, countryCodes)},
		"buildDate": {date(rng, 1975, 2022, 1)}, "topics": {"sanction"}}}
}

// date draws a date between the years, written to a precision of 1
// (year), 2 (month) or 3 (day) parts at most.
func date(rng *rand.Rand, from, to, parts int) string {
	y, m, d := from+rng.IntN(to-from+1), 1+rng.IntN(12), 1+rng.IntN(28)
	switch min(parts, 1+rng.IntN(3)) {
	case 1:
		return fmt.Sprintf("%04d", y)
	case 2:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func pick(rng *rand.Rand, s []string) string { return s[rng.IntN(len(s))] }

// scriptPools groups names by their script (source.ScriptOf: "" for
// Latin), so that recombined names keep to one script.
func scriptPools(names []string) map[string][]string {
	by := map[string][]string{}
	for _, n := range names {
		s := source.ScriptOf(n)
		by[s] = append(by[s], n)
	}
	return by
}
