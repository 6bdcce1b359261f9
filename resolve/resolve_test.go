package resolve_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/index"
	"github.com/vetoscreen/veto/match"
	"github.com/vetoscreen/veto/resolve"
)

// listed builds a listing: an ID whose prefix names the publisher, a
// list, a schema and names; the options add facts.
func listed(id, list string, schema entity.Schema, name string, opts ...func(*entity.Entity)) *entity.Entity {
	e := &entity.Entity{ID: id, List: list, Schema: schema, Names: []entity.Name{{Full: name, Kind: entity.Primary}}}
	for _, o := range opts {
		o(e)
	}
	return e
}

func born(dates ...string) func(*entity.Entity) {
	return func(e *entity.Entity) {
		for _, d := range dates {
			r, err := entity.ParseDateRange(d)
			if err != nil {
				panic(err)
			}
			e.BirthDates = append(e.BirthDates, r)
		}
	}
}

func sameAs(target string) func(*entity.Entity) {
	return func(e *entity.Entity) {
		e.Relations = append(e.Relations, entity.Relation{Type: "sameAs", Target: target})
	}
}

func ident(typ, value, country string) func(*entity.Entity) {
	return func(e *entity.Entity) {
		e.Identifiers = append(e.Identifiers, entity.Identifier{Type: typ, Value: value, Country: country})
	}
}

func gender(g string) func(*entity.Entity) { return func(e *entity.Entity) { e.Gender = g } }

func country(c string) func(*entity.Entity) {
	return func(e *entity.Entity) { e.Countries = append(e.Countries, c) }
}

func alias(n string) func(*entity.Entity) {
	return func(e *entity.Entity) { e.Names = append(e.Names, entity.Name{Full: n, Kind: entity.Alias}) }
}

func resolveAll(t *testing.T, ents []*entity.Entity, opts resolve.Options) *resolve.Resolution {
	t.Helper()
	ix := index.Build(ents, match.DefaultConfig())
	res, err := resolve.Resolve(context.Background(), ix, ents, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// groups returns the resolution's subjects as sorted member lists, one
// string each: "a b c".
func groups(res *resolve.Resolution) []string {
	var gs []string
	for _, s := range res.Subjects {
		gs = append(gs, strings.Join(s.MemberIDs(), " "))
	}
	slices.Sort(gs)
	return gs
}

func same(res *resolve.Resolution, a, b string) bool {
	sa, okA := res.Subject(a)
	sb, okB := res.Subject(b)
	return okA && okB && sa == sb
}

func TestEvidence(t *testing.T) {
	tests := []struct {
		name string
		ents []*entity.Entity
		// join are pairs that must be one subject, apart pairs that
		// must not.
		join, apart [][2]string
		// evidence is the evidence the first join pair must carry.
		evidence resolve.Evidence
	}{{
		name: "a UK listing quoting a UN reference",
		ents: []*entity.Entity{
			listed("un-QDi.001", "un-sc", entity.Person, "ABU BAKR AL-BAGHDADI"),
			listed("uk-ofsi-1", "uk-ofsi", entity.Person, "Ibrahim Awwad Ibrahim Ali al-Badri", sameAs("un-QDi.001")),
		},
		join:     [][2]string{{"un-QDi.001", "uk-ofsi-1"}},
		evidence: resolve.CrossReference,
	}, {
		name: "two listings quoting one reference of a list not loaded",
		ents: []*entity.Entity{
			listed("uk-ofsi-1", "uk-ofsi", entity.Person, "Anatoly Petrov", sameAs("un-QDi.999")),
			listed("eu-1", "eu-fsf", entity.Person, "Anatolii Petrov", sameAs("un-QDi.999")),
		},
		join:     [][2]string{{"uk-ofsi-1", "eu-1"}},
		evidence: resolve.CrossReference,
	}, {
		// One UK listing quotes the UN reference of another person: the
		// references whose names agree are taken, and a subject never
		// holds two listings of one list.
		name: "conflicting cross-references",
		ents: []*entity.Entity{
			listed("un-QDi.017", "un-sc", entity.Person, "THARWAT SALAH SHIHATA", born("1960-06-29")),
			listed("un-QDi.196", "un-sc", entity.Person, "FADHIL HARUN", born("1972")),
			listed("uk-ofsi-6899", "uk-ofsi", entity.Person, "THARWAT SALAH SHIHATA", sameAs("un-QDi.017"), sameAs("uk-AQD0195")),
			listed("uk-AQD0195", "uk-fcdo", entity.Person, "Fadhil Harun", sameAs("un-QDi.196")),
		},
		join:  [][2]string{{"un-QDi.017", "uk-ofsi-6899"}, {"un-QDi.196", "uk-AQD0195"}},
		apart: [][2]string{{"un-QDi.017", "un-QDi.196"}},
	}, {
		// The consolidated screening list carries OFAC's listing (a row
		// with its number) and one of the Entity List's: one subject,
		// although one list carries both.
		name: "an OFAC listing and the Entity List's listing of it",
		ents: []*entity.Entity{
			listed("ofac-1", "ofac-sdn", entity.Company, "ROSTEC STATE CORPORATION"),
			listed("ofac-1", "us-csl", entity.Company, "ROSTEC STATE CORPORATION"),
			listed("csl-9f2", "us-csl", entity.Company, "Rostec State Corporation"),
		},
		join:     [][2]string{{"ofac-1", "csl-9f2"}},
		evidence: resolve.SoleName,
	}, {
		// Two OFAC numbers are two entries, even where only the
		// consolidated screening list still carries one of them.
		name: "two OFAC numbers",
		ents: []*entity.Entity{
			listed("ofac-2", "ofac-sdn", entity.Company, "PSI DMCC"),
			listed("ofac-3", "us-csl", entity.Company, "PSI DMCC"),
		},
		apart: [][2]string{{"ofac-2", "ofac-3"}},
	}, {
		// A list gives one person's passport to another, born a
		// generation apart.
		name: "a shared passport, years of birth fourteen apart",
		ents: []*entity.Entity{
			listed("au-1941", "au-dfat", entity.Person, "Hossein SALAMI", born("1960"), ident(entity.IDPassport, "L8081303", "ir")),
			listed("ofac-12555", "ofac-sdn", entity.Person, "JAFARI, Milad", born("1974-09-20"), ident(entity.IDPassport, "L8081303", "ir")),
		},
		apart: [][2]string{{"au-1941", "ofac-12555"}},
	}, {
		// Canada gives a name alone: it finds its namesake on the
		// Australian list, and a weaker reading of it, an alias of
		// another man, on OFAC's; that one is not its sole match.
		name: "a name alone, and a namesake that reads it better elsewhere",
		ents: []*entity.Entity{
			listed("ca-1", "ca-sema", entity.Person, "Ali Al-Salim"),
			listed("au-1", "au-dfat", entity.Person, "Ali AL-SALIM", born("1960")),
			listed("ofac-1", "ofac-sdn", entity.Person, "BAKRI, Omar", born("1955-01-01"), alias("Ali SALEEM")),
		},
		apart: [][2]string{{"ca-1", "ofac-1"}},
	}, {
		name: "a passport number of one country on two lists",
		ents: []*entity.Entity{
			listed("ofac-1", "ofac-sdn", entity.Person, "KARIMOV, Rustam", ident(entity.IDPassport, "AB 1234567", "uz")),
			listed("au-1", "au-dfat", entity.Person, "Rustam Karimov", ident(entity.IDPassport, "AB1234567", "")),
		},
		join:     [][2]string{{"ofac-1", "au-1"}},
		evidence: resolve.Identifier,
	}, {
		name: "one passport number issued by two countries",
		ents: []*entity.Entity{
			listed("ofac-1", "ofac-sdn", entity.Person, "KARIMOV, Rustam", ident(entity.IDPassport, "1234567", "uz")),
			listed("au-1", "au-dfat", entity.Person, "Ivan Sidorov", ident(entity.IDPassport, "1234567", "ru")),
		},
		apart: [][2]string{{"ofac-1", "au-1"}},
	}, {
		// A person and the company he runs share a wallet.
		name: "an identifier shared by a person and an organisation",
		ents: []*entity.Entity{
			listed("ofac-1", "ofac-sdn", entity.Person, "KARIMOV, Rustam", ident(entity.IDCrypto, "0xABCDEF0123456789abcdef0123456789", "")),
			listed("uk-ofsi-1", "uk-ofsi", entity.Organization, "KARIMOV TRADING LLC", ident(entity.IDCrypto, "0xabcdef0123456789ABCDEF0123456789", "")),
		},
		apart: [][2]string{{"ofac-1", "uk-ofsi-1"}},
	}, {
		name: "an IMO number",
		ents: []*entity.Entity{
			listed("ofac-1", "ofac-sdn", entity.Vessel, "SEA STAR", ident(entity.IDIMO, "IMO 9187629", "")),
			listed("uk-ofsi-1", "uk-ofsi", entity.Vessel, "OCEAN PRIDE", ident(entity.IDIMO, "9187629", "")),
		},
		join:     [][2]string{{"ofac-1", "uk-ofsi-1"}},
		evidence: resolve.Identifier,
	}, {
		name: "names with the same full date of birth",
		ents: []*entity.Entity{
			listed("ofac-1", "ofac-sdn", entity.Person, "LAVROV, Sergei Viktorovich", born("1950-03-21")),
			listed("uk-ofsi-1", "uk-ofsi", entity.Person, "Sergey Viktorovich LAVROV", born("1950-03-21")),
		},
		join:     [][2]string{{"ofac-1", "uk-ofsi-1"}},
		evidence: resolve.NameAndBirth,
	}, {
		name: "one name, different full dates of birth",
		ents: []*entity.Entity{
			listed("ofac-1", "ofac-sdn", entity.Person, "IVANOV, Sergei Borisovich", born("1953-01-31")),
			listed("uk-ofsi-1", "uk-ofsi", entity.Person, "Sergei Borisovich IVANOV", born("1971-06-12")),
		},
		apart: [][2]string{{"ofac-1", "uk-ofsi-1"}},
	}, {
		name: "dates one day apart, and day and month swapped",
		ents: []*entity.Entity{
			listed("un-KPi.078", "un-sc", entity.Person, "RI U'N SO'NG", born("1969-07-22")),
			listed("uk-ofsi-13574", "uk-ofsi", entity.Person, "RI U'N SO'NG", born("1969-07-23")),
			listed("ofac-16671", "ofac-sdn", entity.Person, "ROTENBERG, Boris Romanovich", born("1957-01-03")),
			listed("uk-ofsi-14182", "uk-ofsi", entity.Person, "Boris Romanovich ROTENBERG", born("1957-03-01")),
		},
		join: [][2]string{{"un-KPi.078", "uk-ofsi-13574"}, {"ofac-16671", "uk-ofsi-14182"}},
	}, {
		name: "one name and date, different genders",
		ents: []*entity.Entity{
			listed("ofac-1", "ofac-sdn", entity.Person, "KIM, Song Il", born("1970-01-01"), gender("male")),
			listed("uk-ofsi-1", "uk-ofsi", entity.Person, "KIM SONG IL", born("1970-01-01"), gender("female")),
		},
		apart: [][2]string{{"ofac-1", "uk-ofsi-1"}},
	}, {
		name: "a name without date of birth found once on each list",
		ents: []*entity.Entity{
			listed("ofac-35233", "ofac-sdn", entity.Person, "LAVROV, Sergei Viktorovich", born("1950-03-21")),
			listed("ca-1", "ca-sema", entity.Person, "Sergei Viktorovich LAVROV", born("1950")),
		},
		join:     [][2]string{{"ca-1", "ofac-35233"}},
		evidence: resolve.SoleName,
	}, {
		// Two people of one name on one list: the third listing's name
		// cannot say which it is.
		name: "a name found twice on one list",
		ents: []*entity.Entity{
			listed("un-TAi.001", "un-sc", entity.Person, "MOHAMMAD AHMADI", born("1963")),
			listed("un-TAi.002", "un-sc", entity.Person, "MOHAMMAD AHMADI", born("1963")),
			listed("uk-ofsi-1", "uk-ofsi", entity.Person, "Mohammad AHMADI", born("1963")),
		},
		apart: [][2]string{{"uk-ofsi-1", "un-TAi.001"}, {"uk-ofsi-1", "un-TAi.002"}, {"un-TAi.001", "un-TAi.002"}},
	}, {
		name: "a name with years of birth far apart",
		ents: []*entity.Entity{
			listed("un-TAi.001", "un-sc", entity.Person, "ABDUL BARI AKHUND", born("1953")),
			listed("uk-ofsi-1", "uk-ofsi", entity.Person, "ABDUL BARI AKHUND", born("1975")),
		},
		apart: [][2]string{{"un-TAi.001", "uk-ofsi-1"}},
	}, {
		name: "an organisation's branches in two countries",
		ents: []*entity.Entity{
			listed("un-QDe.114", "un-sc", entity.Organization, "AL-HARAMAIN FOUNDATION", country("nl")),
			listed("uk-ofsi-8428", "uk-ofsi", entity.Organization, "AL-HARAMAIN FOUNDATION", country("af")),
		},
		apart: [][2]string{{"un-QDe.114", "uk-ofsi-8428"}},
	}, {
		name: "an organisation of one country found once on each list",
		ents: []*entity.Entity{
			listed("un-LYe.001", "un-sc", entity.Organization, "LIBYAN INVESTMENT AUTHORITY", country("ly")),
			listed("ofac-1", "ofac-sdn", entity.Organization, "LIBYAN INVESTMENT AUTHORITY", country("ly"), alias("LIA")),
		},
		join:     [][2]string{{"un-LYe.001", "ofac-1"}},
		evidence: resolve.SoleName,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := resolveAll(t, tt.ents, resolve.Options{})
			for _, p := range tt.join {
				if !same(res, p[0], p[1]) {
					t.Errorf("%s and %s are apart: %v", p[0], p[1], groups(res))
				}
			}
			for _, p := range tt.apart {
				if same(res, p[0], p[1]) {
					s, _ := res.Subject(p[0])
					t.Errorf("%s and %s are one subject: %+v", p[0], p[1], s.Links)
				}
			}
			if tt.evidence != "" {
				s, _ := res.Subject(tt.join[0][0])
				if len(s.Links) == 0 || s.Links[0].Evidence != tt.evidence {
					t.Errorf("links %+v, want %s evidence", s.Links, tt.evidence)
				}
			}
		})
	}
}

// A name found twice on one list is a possible pair with both.
func TestPossible(t *testing.T) {
	ents := []*entity.Entity{
		listed("un-TAi.001", "un-sc", entity.Person, "MOHAMMAD AHMADI", born("1963-01-01")),
		listed("un-TAi.002", "un-sc", entity.Person, "MOHAMMAD AHMADI", born("1963-01-01")),
		listed("uk-ofsi-1", "uk-ofsi", entity.Person, "Mohammad AHMADI", born("1963-01-01")),
	}
	res := resolveAll(t, ents, resolve.Options{})
	if len(res.Subjects) != 2 {
		t.Fatalf("subjects %v, want the UK listing joined to one UN listing and the other apart", groups(res))
	}
	if len(res.Possible) == 0 {
		t.Fatalf("no possible pair")
	}
	for _, p := range res.Possible {
		if same(res, p.A, p.B) {
			t.Errorf("possible pair %+v is one subject", p)
		}
	}
}

// A pair an analyst decides is no longer queued; the others stay.
func TestPossibleDecided(t *testing.T) {
	// One name twice on the UN list: the OFAC listing's name finds two,
	// and without an address neither joins.
	ents := []*entity.Entity{
		listed("un-LYe.001", "un-sc", entity.Organization, "AL-KARAMA FOUNDATION", country("ly")),
		listed("un-LYe.002", "un-sc", entity.Organization, "AL-KARAMA FOUNDATION", country("ly")),
		listed("ofac-1", "ofac-sdn", entity.Organization, "AL-KARAMA FOUNDATION", country("ly")),
	}
	pairs := func(res *resolve.Resolution) []string {
		var ps []string
		for _, p := range res.Possible {
			ps = append(ps, min(p.A, p.B)+" "+max(p.A, p.B))
		}
		slices.Sort(ps)
		return ps
	}
	before := pairs(resolveAll(t, ents, resolve.Options{}))
	if !slices.Equal(before, []string{"ofac-1 un-LYe.001", "ofac-1 un-LYe.002"}) {
		t.Fatalf("queue %v, want the OFAC listing with each UN listing", before)
	}
	tests := []struct {
		name     string
		decision resolve.Decision
		want     []string
	}{
		{"not the same", resolve.Decision{Kind: resolve.NotSame, A: "un-LYe.001", B: "ofac-1"}, []string{"ofac-1 un-LYe.002"}},
		{"alone", resolve.Decision{Kind: resolve.Alone, A: "ofac-1"}, nil},
		{"merged", resolve.Decision{Kind: resolve.Merge, A: "un-LYe.002", B: "ofac-1"}, []string{"ofac-1 un-LYe.001"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pairs(resolveAll(t, ents, resolve.Options{Decisions: []resolve.Decision{tt.decision}})); !slices.Equal(got, tt.want) {
				t.Errorf("queue %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDecisions(t *testing.T) {
	ents := []*entity.Entity{
		listed("un-QDi.001", "un-sc", entity.Person, "ABU BAKR AL-BAGHDADI"),
		listed("uk-ofsi-1", "uk-ofsi", entity.Person, "Ibrahim Awwad Ibrahim Ali al-Badri", sameAs("un-QDi.001")),
		listed("ofac-1", "ofac-sdn", entity.Person, "AL-BADRI, Ibrahim Awwad Ibrahim Ali"),
		listed("eu-1", "eu-fsf", entity.Person, "Ibrahim al-Badri", sameAs("un-QDi.001")),
	}
	before := resolveAll(t, ents, resolve.Options{})
	if !same(before, "un-QDi.001", "eu-1") || !same(before, "ofac-1", "uk-ofsi-1") {
		t.Fatalf("without decisions: %v", groups(before))
	}
	decided := resolve.Options{Decisions: []resolve.Decision{
		{Kind: resolve.NotSame, A: "eu-1", B: "un-QDi.001"},
		{Kind: resolve.Alone, A: "ofac-1"},
	}}
	after := resolveAll(t, ents, decided)
	if same(after, "eu-1", "un-QDi.001") {
		t.Errorf("not-same ignored: %v", groups(after))
	}
	if s, _ := after.Subject("ofac-1"); len(s.Members) != 1 {
		t.Errorf("alone ignored: %v", groups(after))
	}
	// A merge outlives a list update: the next version adds a listing,
	// and the decision still joins.
	merge := resolve.Options{Decisions: []resolve.Decision{{Kind: resolve.Merge, A: "ofac-1", B: "au-9", Detail: "decision 1"}}}
	next := append(slices.Clone(ents), listed("au-9", "au-dfat", entity.Person, "Abu Du'a"))
	res := resolveAll(t, next, merge)
	if !same(res, "ofac-1", "au-9") {
		t.Errorf("merge ignored: %v", groups(res))
	}
	if s, _ := res.Subject("au-9"); s.Links[0].Evidence != resolve.Analyst || s.Links[0].Detail != "decision 1" {
		t.Errorf("links %+v: the analyst's link comes first", s.Links)
	}
	for _, d := range []resolve.Decision{{Kind: resolve.Merge, A: "a"}, {Kind: resolve.Alone, A: "a", B: "b"}, {Kind: "join", A: "a", B: "b"}} {
		if err := d.Validate(); err == nil {
			t.Errorf("%+v: no error", d)
		}
	}
}

func TestStableIDs(t *testing.T) {
	lavrov := []*entity.Entity{
		listed("ofac-1", "ofac-sdn", entity.Person, "LAVROV, Sergei Viktorovich", born("1950-03-21")),
		listed("uk-ofsi-1", "uk-ofsi", entity.Person, "Sergei Viktorovich LAVROV", born("1950-03-21")),
	}
	first := resolveAll(t, lavrov, resolve.Options{})
	s, _ := first.Subject("ofac-1")
	id := s.ID
	if again := resolveAll(t, lavrov, resolve.Options{}); again.IDs()["ofac-1"] != id {
		t.Errorf("same listings, new ID %s, was %s", again.IDs()["ofac-1"], id)
	}
	// The EU lists him too; then the US delists him: the subject keeps
	// its ID through both versions, though the member it was derived
	// from has gone.
	withEU := append(slices.Clone(lavrov), listed("eu-1", "eu-fsf", entity.Person, "Sergey Viktorovich LAVROV", born("1950-03-21")))
	second := resolveAll(t, withEU, resolve.Options{Previous: first.IDs()})
	if got := second.IDs()["eu-1"]; got != id {
		t.Errorf("after the EU listing: %s, want %s", got, id)
	}
	third := resolveAll(t, withEU[1:], resolve.Options{Previous: second.IDs()})
	if got := third.IDs()["eu-1"]; got != id {
		t.Errorf("after the US delisting: %s, want %s", got, id)
	}
	// An analyst splits the EU listing off: the larger part keeps the ID,
	// the other gets a new one.
	split := resolveAll(t, withEU, resolve.Options{Previous: second.IDs(), Decisions: []resolve.Decision{{Kind: resolve.Alone, A: "eu-1"}}})
	if split.IDs()["ofac-1"] != id || split.IDs()["eu-1"] == id || split.IDs()["eu-1"] == "" {
		t.Errorf("after the split: %v, want ofac-1 to keep %s", split.IDs(), id)
	}
}

// A subject shows the evidence its lists give, and an analyst's merge
// only where it joins what they do not: here a second OFAC listing of
// one man, which the lists' evidence could not join (one list, one
// listing a subject).
func TestMergeShown(t *testing.T) {
	ents := []*entity.Entity{
		listed("ofac-1", "ofac-sdn", entity.Person, "IVANOV, Sergei Borisovich", born("1953-01-31")),
		listed("ofac-2", "ofac-sdn", entity.Person, "IVANOV, Sergei Borisovich", born("1953-01-31")),
		listed("uk-1", "uk-ofsi", entity.Person, "Sergei Borisovich IVANOV", born("1953-01-31")),
		listed("eu-1", "eu-fsf", entity.Person, "Sergei IVANOV", sameAs("uk-1")),
	}
	before := resolveAll(t, ents, resolve.Options{})
	other := "ofac-2"
	if same(before, "uk-1", "ofac-2") {
		other = "ofac-1"
	}
	s, _ := before.Subject("uk-1")
	// The analyst merges it with the subject: with each of its listings,
	// as package decide does.
	var merges []resolve.Decision
	for _, m := range s.MemberIDs() {
		merges = append(merges, resolve.Decision{Kind: resolve.Merge, A: other, B: m})
	}
	res := resolveAll(t, ents, resolve.Options{Decisions: merges})
	merged, _ := res.Subject(other)
	if len(merged.Members) != 4 || len(merged.Links) != 3 {
		t.Fatalf("merged %v by %+v", merged.MemberIDs(), merged.Links)
	}
	for _, l := range merged.Links {
		if analyst, touches := l.Evidence == resolve.Analyst, l.A == other || l.B == other; analyst != touches {
			t.Errorf("link %+v: want the merge to join %s and only it", l, other)
		}
	}
	if !slices.Equal(merged.Links[1:], s.Links) {
		t.Errorf("links %+v, want the merge and %+v", merged.Links, s.Links)
	}
}
