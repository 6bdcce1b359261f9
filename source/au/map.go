package au

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// mapper turns one listing into an entity, reporting what it cannot map.
type mapper struct {
	file  string
	sheet *sheet
	warn  *source.Warnings
	// seen holds the cells already mapped for the listing: its rows
	// repeat most cells, and each is read once.
	seen map[string]bool
}

// first reports whether the cell of col in r has not been mapped yet for
// this listing, and returns its text.
func (m *mapper) first(r row, col string) (string, bool) {
	cell := m.sheet.cell(r, col)
	key := col + "\x00" + cell
	if cell == "" || m.seen[key] {
		return cell, false
	}
	if m.seen == nil {
		m.seen = make(map[string]bool)
	}
	m.seen[key] = true
	return cell, true
}

func (m *mapper) warnf(line int, field, format string, args ...any) {
	m.warn.Add(m.file, line, field, fmt.Sprintf(format, args...))
}

// entity maps a listing. It returns the entity and the newest Control
// Date of its rows.
func (m *mapper) entity(l *listing) (*entity.Entity, entity.Date) {
	e := &entity.Entity{ID: "au-" + l.number, List: ListName, Raw: m.raw(l)}
	rows := m.ordered(l)
	e.Schema = m.schema(rows)
	for i, r := range rows {
		m.name(e, r, i == 0)
	}
	var modified entity.Date
	for _, r := range rows {
		m.facts(e, r)
		if d := m.controlDate(r); d.String() > modified.String() {
			modified = d
		}
	}
	e.AddProp("modifiedAt", modified.String())
	return e, modified
}

// ordered returns the rows of a listing with its primary row first: the
// row whose Name Type is "Primary Name", else the row whose Reference has
// no letter ("2" of "2", "2a", "2b"), else the first row.
func (m *mapper) ordered(l *listing) []row {
	primary := -1
	for i, r := range l.rows {
		if nameTypes[nameType(m.sheet.cell(r, colNameType))] == entity.Primary {
			if primary < 0 {
				primary = i
				continue
			}
			m.warnf(r.line, colNameType, "second primary name in one listing; read as an alias")
		}
	}
	if primary < 0 {
		for i, r := range l.rows {
			if m.sheet.cell(r, colReference) == l.number {
				primary = i
				break
			}
		}
	}
	if primary < 0 {
		primary = 0
		m.warnf(l.rows[0].line, colNameType, "listing has no primary name; its first row is used")
	}
	out := []row{l.rows[primary]}
	out = append(out, l.rows[:primary]...)
	return append(out, l.rows[primary+1:]...)
}

// schema reads the Type of the primary row: "Individual" or "Entity" in
// every version seen, in varying case and with trailing spaces.
func (m *mapper) schema(rows []row) entity.Schema {
	t := strings.ToLower(m.sheet.cell(rows[0], colType))
	for _, r := range rows[1:] {
		if other := strings.ToLower(m.sheet.cell(r, colType)); other != "" && other != t {
			m.warnf(r.line, colType, "rows of one listing differ in Type; the primary row's is used")
		}
	}
	switch t {
	case "individual":
		return entity.Person
	case "entity":
		return entity.Organization
	case "vessel", "ship":
		return entity.Vessel
	case "aircraft":
		return entity.Airplane
	}
	m.warnf(rows[0].line, colType, "unknown Type %q; read as LegalEntity", t)
	return entity.LegalEntity
}

// name adds the names of a row.
func (m *mapper) name(e *entity.Entity, r row, primary bool) {
	nt := nameType(m.sheet.cell(r, colNameType))
	kind, ok := nameTypes[nt]
	switch {
	case primary:
		kind = entity.Primary
	case kind == entity.Primary:
		kind = entity.Alias
	case !ok:
		m.warnf(r.line, colNameType, "unknown Name Type %q; read as an alias", nt)
		kind = entity.Alias
	}
	for i, n := range readName(m.sheet.cell(r, colName), kind, nt == "original script") {
		if primary && i == 0 {
			n.Kind = entity.Primary
		}
		addName(e, n)
	}
}

// facts maps the columns of a row other than its names. The rows of a
// listing repeat most of them; values are added once.
func (m *mapper) facts(e *entity.Entity, r row) {
	if cell, ok := m.first(r, colDateOfBirth); ok {
		m.birthDates(e, r.line, cell)
	}
	if pob, ok := m.first(r, colBirthPlace); ok && !isNotGiven(pob) {
		for _, p := range splitMarkers(strings.TrimPrefix(pob, "POB:"), true) {
			addString(&e.BirthPlaces, p)
		}
	}
	if cell, ok := m.first(r, colCitizenship); ok {
		m.citizenship(e, r.line, cell)
	}
	if cell, ok := m.first(r, colAddress); ok {
		addresses(e, cell)
	}
	if info, ok := m.first(r, colInfo); ok && !isNotGiven(info) {
		info = source.Clean(info)
		addString(&e.Notes, info)
		extract(e, info)
	}
	if cell, ok := m.first(r, colListing); ok {
		m.listing(e, cell)
	}
	if cell, ok := m.first(r, colCommittees); ok {
		for _, p := range committees(cell) {
			addString(&e.Programs, p)
		}
	}
}

func (m *mapper) birthDates(e *entity.Entity, line int, cell string) {
	b := m.sheet.parseBirthDates(cell)
	for _, d := range b.dates {
		e.AddBirthDate(d)
	}
	if b.annotated {
		addString(&e.Notes, "Date of Birth: "+source.Clean(cell))
	}
	for _, bad := range b.bad {
		m.warnf(line, colDateOfBirth, "unreadable date %q, kept in the raw record only", bad)
	}
}

var (
	// withdrawnRe and possiblyRe are qualifiers of a citizenship: the
	// country is read, the cell also goes to the notes.
	withdrawnRe = regexp.MustCompile(`(?i)\s+citizenship\s+withdrawn.*$`)
	possiblyRe  = regexp.MustCompile(`(?i)^(?:possibly|probably|reportedly)\s+`)
	altCitRe    = regexp.MustCompile(`(?i)(?:this\s+aka\s+only,?\s*)?alt(?:ernative)?\.?\s+citizenship:?`)
	citSplitRe  = regexp.MustCompile(`\s*(?:;|,|/|\band\b)\s*`)
)

// citizenship reads "Russian", "Russian and Ukrainian", "a) Pakistani b)
// Saudi Arabian", "Malian / Mauritanian", "Possibly Ethiopian", "Saudi
// Arabian (this aka only, alt Citizenship Yemeni)". Names of countries
// with "and" in them ("Trinidad and Tobago") are read whole first.
func (m *mapper) citizenship(e *entity.Entity, line int, cell string) {
	if isNotGiven(cell) {
		return
	}
	qualified := false
	for _, item := range splitMarkers(cell, false) {
		item = parenRe.ReplaceAllStringFunc(item, func(p string) string {
			qualified = true
			inner := parenRe.FindStringSubmatch(p)[1]
			if loc := altCitRe.FindStringIndex(inner); loc != nil {
				return "; " + inner[loc[1]:]
			}
			return ""
		})
		if withdrawnRe.MatchString(item) || possiblyRe.MatchString(item) {
			qualified = true
			item = possiblyRe.ReplaceAllString(withdrawnRe.ReplaceAllString(item, ""), "")
		}
		for _, name := range countryNames(item) {
			if code, ok := countryCode(name); ok {
				entity.AddCountry(&e.Citizenships, code)
			} else {
				m.warnf(line, colCitizenship, "unknown country %q", name)
			}
		}
	}
	if qualified {
		addString(&e.Notes, "Citizenship: "+source.Clean(cell))
	}
}

// countryNames splits a list of countries, trying the whole text first.
func countryNames(s string) []string {
	s = strings.Trim(source.Clean(s), " ,;.")
	if s == "" {
		return nil
	}
	if _, ok := countryCode(s); ok {
		return []string{s}
	}
	var out []string
	for _, p := range citSplitRe.Split(s, -1) {
		if p = strings.Trim(p, " ,;."); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// addresses reads the Address cell: one address, a lettered list, or
// addresses separated by ";". The country of an address is its last
// comma-separated part, when that is a country.
func addresses(e *entity.Entity, cell string) {
	if isNotGiven(cell) {
		return
	}
	cell = strings.TrimPrefix(strings.TrimSpace(cell), "Address:")
	for _, item := range splitMarkers(cell, true) {
		for _, a := range strings.Split(item, ";") {
			if a = strings.Trim(source.Clean(a), " ,;."); a == "" || isNotGiven(a) {
				continue
			}
			addr := entity.Address{Full: a}
			parts := strings.Split(strings.TrimRight(parenRe.ReplaceAllString(a, ""), " ,;."), ",")
			if code, ok := countryCode(parts[len(parts)-1]); ok {
				addr.Country = code
			}
			addAddress(e, addr)
		}
	}
}

// listing reads Listing Information: a note, from which the listing date
// is read; or an Excel serial date.
func (m *mapper) listing(e *entity.Entity, cell string) {
	if isNotGiven(cell) {
		return
	}
	if d, ok := m.sheet.excelDate(cell); ok && isNumber(cell) {
		if e.ListingDate.IsZero() {
			e.ListingDate = d
		}
		return
	}
	addString(&e.Notes, source.Clean(cell))
	if d, ok := listedOn(cell); ok && e.ListingDate.IsZero() {
		e.ListingDate = d
	}
}

// controlDate reads Control Date, an Excel serial date.
func (m *mapper) controlDate(r row) entity.Date {
	cell := m.sheet.cell(r, colControlDate)
	if cell == "" {
		return entity.Date{}
	}
	if d, ok := m.sheet.excelDate(cell); ok && isNumber(cell) {
		return d
	}
	if d, ok := textDate(cell); ok {
		return d
	}
	m.warnf(r.line, colControlDate, "unreadable date %q, kept in the raw record only", cell)
	return entity.Date{}
}

var committeeRe = regexp.MustCompile(`\d+\s*\([^()]+\)`)

// committees reads the Committees cell, the sanctions regime: "1988
// (Taliban)", "Autonomous (Russia)". A cell may name two ("1970 (Libya)
// 1973 (Libya)").
func committees(s string) []string {
	s = source.Clean(s)
	if s == "" {
		return nil
	}
	if all := committeeRe.FindAllString(s, -1); len(all) > 1 && strings.Join(all, " ") == s {
		return all
	}
	return []string{s}
}

func isNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.Trim(s, "0123456789.") == ""
}

// raw writes the rows of a listing as a JSON array of objects from header
// to cell, in column order.
func (m *mapper) raw(l *listing) entity.Raw {
	var b strings.Builder
	b.WriteByte('[')
	for i, r := range l.rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		n := max(len(m.sheet.headers), len(r.cells))
		for c := 0; c < n; c++ {
			if c > 0 {
				b.WriteByte(',')
			}
			h := fmt.Sprintf("column %d", c+1)
			if c < len(m.sheet.headers) && m.sheet.headers[c] != "" {
				h = m.sheet.headers[c]
			}
			v := ""
			if c < len(r.cells) {
				v = r.cells[c]
			}
			writeJSON(&b, h)
			b.WriteByte(':')
			writeJSON(&b, v)
		}
		b.WriteByte('}')
	}
	b.WriteByte(']')
	return entity.Raw{Format: "json", Text: b.String()}
}

func writeJSON(b *strings.Builder, s string) {
	// Marshalling a string cannot fail.
	j, _ := json.Marshal(s)
	b.Write(j)
}

func addString(list *[]string, s string) {
	if s = strings.TrimSpace(s); s == "" {
		return
	}
	for _, x := range *list {
		if x == s {
			return
		}
	}
	*list = append(*list, s)
}

// addName adds a name unless the listing has it already, under any kind:
// an alias row that repeats the primary name adds nothing.
func addName(e *entity.Entity, n entity.Name) {
	if strings.TrimSpace(n.Full) == "" {
		return
	}
	for _, x := range e.Names {
		if x.Full == n.Full {
			return
		}
	}
	e.Names = append(e.Names, n)
}

func addAddress(e *entity.Entity, a entity.Address) {
	for _, x := range e.Addresses {
		if x == a {
			return
		}
	}
	e.Addresses = append(e.Addresses, a)
}
