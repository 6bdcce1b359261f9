// Package ftm reads FollowTheMoney (FtM) JSON lines, the format
// OpenSanctions publishes every dataset in, into a list of veto entities:
// `veto import ftm` turns any FtM file (PEPs, OpenSanctions' consolidated
// data, a bank's own export) into a list of its own.
//
// Entities of the schemata veto screens (Person, Organization and its
// kinds, Company, LegalEntity, Vessel, Airplane) become entities; the
// others (Sanction, Address, Identification, Passport, CryptoWallet,
// Ownership, Directorship, Family, Associate, Occupancy and Position,
// UnknownLink, ...) are attached to the entities they reference: a
// sanction's programme, a PEP's positions, a company's owners show on the
// entity, and their lines are kept in its raw record after its own.
//
// Nothing is dropped silently: a property the FtM model does not define
// for the schema stays in the raw record and is counted in a warning
// (MsgUnknownProperty), a record attached to no screened entity is
// counted in another.
package ftm

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// Format is the Result.Format of an FtM list.
const Format = "ftm-jsonl"

// MsgUnknownProperty is the message of the warning counting a property
// the FtM model does not define for the entity's schema; its Field is the
// property.
const MsgUnknownProperty = "property not in the FtM model for the schema, kept in the raw record"

// Options say which list the entities become.
type Options struct {
	// List is the veto list name.
	List string
	// Prefix is the publisher prefix of the entities' IDs: an FtM entity
	// "Q7747" becomes "<Prefix>-Q7747".
	Prefix string
}

// BadLinesPerMille is the tolerance for lines that are not FtM entities:
// up to one per thousand lines (none in a file under a thousand lines)
// are reported as warnings with their line numbers and skipped; more fail
// the whole import. OpenSanctions' large exports are assembled from
// hundreds of crawlers, and one odd record should not hold back a
// million good ones; a file with more is not FtM JSON lines, or is
// damaged, and must not replace a good version.
const BadLinesPerMille = 1

// Publisher returns a publisher whose Parse reads FtM files into the list
// o names: `veto import ftm` stores it like an official list.
func Publisher(o Options, title, jurisdiction, listTitle string, downloads []source.Download) *source.Publisher {
	return &source.Publisher{
		Name: o.Prefix, Jurisdiction: jurisdiction, Title: title,
		Lists: []source.List{{Name: o.List, Title: listTitle, Downloads: downloads}},
		Parse: func(ctx context.Context, paths []string) ([]*source.Result, error) {
			res, err := ParseFiles(ctx, paths, o)
			if err != nil {
				return nil, err
			}
			return []*source.Result{res}, nil
		},
	}
}

// ParseFiles reads FtM JSON lines from each path (plain, gzip, or a zip
// holding one file) into one list.
func ParseFiles(ctx context.Context, paths []string, o Options) (*source.Result, error) {
	p := newParser(o)
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := source.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if err := p.read(path, data); err != nil {
			return nil, err
		}
	}
	res, err := p.finish()
	if err != nil {
		return nil, err
	}
	res.Files = paths
	return res, nil
}

// record is one line of an FtM file.
type record struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Caption    string              `json:"caption"`
	Properties map[string][]string `json:"properties"`
	// line is the record's text, file and line where it was read.
	line []byte
	file string
	num  int
}

func (r *record) first(prop string) string {
	if vs := r.Properties[prop]; len(vs) > 0 {
		return strings.TrimSpace(vs[0])
	}
	return ""
}

// caption is the record's caption, else its first name.
func (r *record) caption() string {
	if c := strings.TrimSpace(r.Caption); c != "" {
		return c
	}
	return r.first("name")
}

type parser struct {
	o     Options
	warn  source.Warnings
	lines int
	bad   []error
	// screened are the entities screened, by FtM ID, in file order in
	// order; others the records attached to them.
	screened map[string]*entity.Entity
	order    []string
	others   []*record
	byID     map[string]*record // the attached records, for Occupancy → Position
	seen     map[string]int     // line of each ID's first record
	// referrers are the screened entities whose properties reference an
	// ID (a Person's addressEntity), by that ID.
	referrers map[string][]end
}

func newParser(o Options) *parser {
	return &parser{o: o, screened: map[string]*entity.Entity{}, byID: map[string]*record{}, seen: map[string]int{}, referrers: map[string][]end{}}
}

// read reads the lines of one file.
func (p *parser) read(file string, data []byte) error {
	num := 0
	for len(data) > 0 {
		line := data
		i := bytes.IndexByte(data, '\n')
		last := i < 0
		if last {
			data = nil
		} else {
			line, data = data[:i], data[i+1:]
		}
		num++
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		p.lines++
		rec := &record{line: line, file: file, num: num}
		if err := json.Unmarshal(line, rec); err != nil {
			if last && !json.Valid(line) {
				// The file ends inside a record: it was cut short.
				return source.Errorf(source.ErrTruncated, file, num, "", "the last line is not a whole JSON object (%v): the file is cut short", err)
			}
			p.bad = append(p.bad, source.Errorf(source.ErrMalformed, file, num, "", "not an FtM entity: %v", err))
			continue
		}
		if err := p.add(rec); err != nil {
			p.bad = append(p.bad, err)
		}
	}
	return nil
}

// add maps one record: a screened entity now, an attached one later.
func (p *parser) add(rec *record) error {
	switch {
	case rec.ID == "":
		return source.Errorf(source.ErrMalformed, rec.file, rec.num, "id", "missing")
	case rec.Schema == "":
		return source.Errorf(source.ErrMalformed, rec.file, rec.num, "schema", "missing")
	case p.seen[rec.ID] > 0:
		return source.Errorf(source.ErrMalformed, rec.file, rec.num, "id", "%q again (first on line %d)", rec.ID, p.seen[rec.ID])
	}
	p.seen[rec.ID] = rec.num
	schema, ok := screenedSchema(rec.Schema)
	if !ok {
		p.others = append(p.others, rec)
		p.byID[rec.ID] = rec
		return nil
	}
	e := p.entity(rec, schema)
	if len(e.Names) == 0 {
		p.warn.Add(rec.file, rec.num, "name", rec.Schema+" without a name cannot be screened: not imported")
		return nil
	}
	p.screened[rec.ID] = e
	p.order = append(p.order, rec.ID)
	return nil
}

// screenedSchema returns the veto schema of an FtM schema veto screens.
func screenedSchema(s string) (entity.Schema, bool) {
	switch {
	case s == "Person" || s == "Vessel" || s == "Airplane":
		return entity.Schema(s), true
	case entity.FtMIs(s, "Company"):
		return entity.Company, true
	case entity.FtMIs(s, "Organization") || s == "PublicBody":
		return entity.Organization, true
	case entity.FtMIs(s, "LegalEntity"):
		return entity.LegalEntity, true
	}
	return "", false
}

// modelSchema is the schema of the FtM model whose properties rec's are
// checked against: PublicBody, which veto's copy of the model lacks, is
// an Organization.
func modelSchema(s string) string {
	if entity.FtMSchemaKnown(s) {
		return s
	}
	return "Organization"
}

// identifierProps are the FtM properties read as identifiers.
var identifierProps = map[string]bool{
	entity.IDPassport: true, entity.IDNational: true, entity.IDTax: true, entity.IDRegistration: true,
	entity.IDIMO: true, entity.IDMMSI: true, entity.IDCallSign: true, entity.IDSwiftBIC: true,
	entity.IDLEI: true, entity.IDINN: true, entity.IDOGRN: true, entity.IDISIN: true,
	"vatCode": true, "okpoCode": true, "dunsCode": true, "icaoCode": true, "serialNumber": true,
	"socialSecurityNumber": true, "uniqueEntityId": true, "bikCode": true, "kppCode": true,
}

// entity maps the properties of a record of a screened schema.
func (p *parser) entity(rec *record, schema entity.Schema) *entity.Entity {
	e := &entity.Entity{ID: p.o.Prefix + "-" + rec.ID, Schema: schema, List: p.o.List,
		Raw: entity.Raw{Format: "ftm", Text: string(rec.line)}}
	model := modelSchema(rec.Schema)
	props := rec.Properties
	for _, k := range []string{"name", "alias", "weakAlias", "previousName"} {
		kind := entity.NameKind(k)
		for i, v := range props[k] {
			if k == "name" && i > 0 {
				kind = entity.Alias
			}
			e.AddName(entity.Name{Full: v, Kind: kind})
		}
	}
	p.nameParts(e, rec)
	for _, k := range slices.Sorted(maps.Keys(props)) {
		vs := props[k]
		typ, known := entity.FtMPropertyType(model, k)
		if !known {
			p.warn.Add(rec.file, rec.num, k, MsgUnknownProperty)
			continue
		}
		switch {
		case k == "name" || k == "alias" || k == "weakAlias" || k == "previousName",
			k == "firstName" || k == "middleName" || k == "lastName":
		case k == "birthDate" || k == "incorporationDate" || k == "buildDate":
			for _, v := range vs {
				d, err := entity.ParseDate(v)
				if err != nil {
					p.warn.Add(rec.file, rec.num, k, "unreadable date, kept in the raw record")
					continue
				}
				e.AddBirthDate(entity.DateRange{From: d, To: d})
			}
		case k == "birthPlace":
			e.BirthPlaces = appendNew(e.BirthPlaces, vs...)
		case k == "gender":
			e.Gender = strings.ToLower(strings.TrimSpace(vs[0]))
		case k == "nationality":
			entity.AddCountry(&e.Nationalities, vs...)
		case k == "citizenship":
			entity.AddCountry(&e.Citizenships, vs...)
		case typ == "country":
			entity.AddCountry(&e.Countries, vs...)
		case k == "address":
			for _, v := range vs {
				addAddress(e, entity.Address{Full: v})
			}
		case k == "program" || k == "programId":
			e.Programs = appendNew(e.Programs, vs...)
		case k == "notes":
			e.Notes = appendNew(e.Notes, vs...)
		case k == "topics":
			e.Topics = appendNew(e.Topics, vs...)
		case identifierProps[k]:
			for _, v := range vs {
				e.AddIdentifier(entity.Identifier{Type: k, Value: v})
			}
		case typ == "entity":
			// References are resolved once every record is read.
			for _, v := range vs {
				p.referrers[v] = append(p.referrers[v], end{k, e})
			}
		default:
			e.AddProp(k, vs...)
		}
	}
	return e
}

// nameParts sets the parts of a person's one primary name, and makes a
// name of the parts when the record has no name.
func (p *parser) nameParts(e *entity.Entity, rec *record) {
	first, middle, last := rec.first("firstName"), rec.first("middleName"), rec.first("lastName")
	if first == "" && middle == "" && last == "" {
		return
	}
	if len(e.Names) == 0 {
		e.AddName(entity.Name{Full: strings.Join(strings.Fields(first+" "+middle+" "+last), " "), Kind: entity.Primary})
	}
	if e.Schema.IsPerson() && len(rec.Properties["name"]) <= 1 {
		e.Names[0].First, e.Names[0].Middle, e.Names[0].Last = first, middle, last
	}
}

// finish attaches the records of other schemata and returns the list.
func (p *parser) finish() (*source.Result, error) {
	if allowed := p.lines * BadLinesPerMille / 1000; len(p.bad) > allowed {
		return nil, fmt.Errorf("%d of %d lines are not FtM entities (at most %d tolerated, one per thousand), the first: %w",
			len(p.bad), p.lines, allowed, p.bad[0])
	}
	for _, err := range p.bad {
		var pe *source.ParseError
		if errors.As(err, &pe) {
			p.warn.Add(pe.File, pe.Line, pe.Field, "line skipped, not an FtM entity: "+pe.Err.Error())
		}
	}
	if len(p.order) == 0 {
		return nil, fmt.Errorf("%w: no entity of a screened schema (Person, Organization, Company, LegalEntity, Vessel, Airplane) in %d lines", source.ErrEmpty, p.lines)
	}
	// References between screened entities are relations.
	for _, id := range p.order {
		for _, x := range p.referrers[id] {
			r := entity.Relation{Type: x.prop, Target: p.screened[id].ID, Name: p.screened[id].Caption()}
			if !slices.Contains(x.e.Relations, r) {
				x.e.Relations = append(x.e.Relations, r)
			}
		}
	}
	// Records attached through another (an Occupancy's Position) count
	// as attached too.
	attached := map[string]bool{}
	for _, rec := range p.others {
		if p.attach(rec, attached) {
			attached[rec.ID] = true
		}
	}
	for _, rec := range p.others {
		if !attached[rec.ID] {
			p.warn.Add(rec.file, rec.num, "schema", rec.Schema+" references no screened entity: not imported")
		}
	}
	res := &source.Result{List: p.o.List, Format: Format, Warnings: p.warn.List()}
	res.Entities = make([]*entity.Entity, 0, len(p.order))
	for _, id := range p.order {
		res.Entities = append(res.Entities, p.screened[id])
	}
	return res, nil
}

// attach adds what rec says to the screened entities it references, and
// reports whether it references any.
func (p *parser) attach(rec *record, attached map[string]bool) bool {
	ends := p.refs(rec)
	if len(ends) == 0 {
		return false
	}
	for _, end := range ends {
		e := end.e
		e.Raw.Text += "\n" + string(rec.line)
		switch rec.Schema {
		case "Sanction":
			p.sanction(e, rec)
		case "Address":
			addAddress(e, address(rec))
		case "Identification", "Passport":
			typ := entity.IDNational
			if rec.Schema == "Passport" {
				typ = entity.IDPassport
			}
			for _, n := range rec.Properties["number"] {
				e.AddIdentifier(entity.Identifier{Type: typ, Value: n, Country: strings.ToLower(rec.first("country")), Label: rec.first("type")})
			}
		case "CryptoWallet":
			for _, k := range rec.Properties["publicKey"] {
				e.AddIdentifier(entity.Identifier{Type: entity.IDCrypto, Value: k, Label: rec.first("currency")})
			}
		case "Occupancy":
			if post := p.byID[rec.first("post")]; post != nil {
				e.AddProp("position", position(post, rec))
				e.Raw.Text += "\n" + string(post.line)
				attached[post.ID] = true
			}
		default:
			p.link(e, end.prop, rec, ends)
		}
	}
	return true
}

// end is a screened entity a record references, and the property that
// references it.
type end struct {
	prop string
	e    *entity.Entity
}

// refs returns the screened entities rec references: through its own
// properties, or (an Address) through theirs.
func (p *parser) refs(rec *record) []end {
	var out []end
	for _, k := range slices.Sorted(maps.Keys(rec.Properties)) {
		for _, v := range rec.Properties[k] {
			if e := p.screened[v]; e != nil && !slices.ContainsFunc(out, func(x end) bool { return x.e == e }) {
				out = append(out, end{k, e})
			}
		}
	}
	for _, x := range p.referrers[rec.ID] {
		if !slices.ContainsFunc(out, func(y end) bool { return y.e == x.e }) {
			out = append(out, x)
		}
	}
	return out
}

// sanction adds a Sanction's programme and authority to the entity.
func (p *parser) sanction(e *entity.Entity, rec *record) {
	e.Programs = appendNew(e.Programs, rec.Properties["program"]...)
	e.Programs = appendNew(e.Programs, rec.Properties["programId"]...)
	e.AddProp("authority", rec.Properties["authority"]...)
	e.AddProp("sanctions", rec.Properties["provisions"]...)
	e.AddProp("reason", rec.Properties["reason"]...)
	for _, k := range []string{"listingDate", "startDate"} {
		for _, v := range rec.Properties[k] {
			if d, err := entity.ParseDate(v); err == nil && (e.ListingDate.IsZero() || d.String() < e.ListingDate.String()) {
				e.ListingDate = d
			}
		}
	}
}

// linkTypes name the relation a link record makes, per schema: the type
// for the entity at its first end, then for the one at its second.
var linkTypes = map[string][2]string{
	"Ownership":      {"owns", "ownedBy"},
	"Directorship":   {"directorOf", "hasDirector"},
	"Family":         {"familyOf", "familyOf"},
	"Associate":      {"associateOf", "associateOf"},
	"Membership":     {"memberOf", "hasMember"},
	"Employment":     {"employeeOf", "employerOf"},
	"Representation": {"agentOf", "representedBy"},
	"UnknownLink":    {"linkedTo", "linkedTo"},
}

// linkEnds are the properties of a link record's first and second ends.
var linkEnds = map[string][2]string{
	"Ownership":      {"owner", "asset"},
	"Directorship":   {"director", "organization"},
	"Family":         {"person", "relative"},
	"Associate":      {"person", "associate"},
	"Membership":     {"member", "organization"},
	"Employment":     {"employee", "employer"},
	"Representation": {"agent", "client"},
	"UnknownLink":    {"subject", "object"},
}

// link adds a relation to e for a link record (Ownership, Family, ...)
// that references it through prop: to the record's other end, named by
// its veto ID when it is screened, by its caption otherwise.
func (p *parser) link(e *entity.Entity, prop string, rec *record, ends []end) {
	props, known := linkEnds[rec.Schema]
	typ := "linkedTo"
	other := ""
	switch {
	case known && prop == props[0]:
		typ, other = linkTypes[rec.Schema][0], rec.first(props[1])
	case known && prop == props[1]:
		typ, other = linkTypes[rec.Schema][1], rec.first(props[0])
	default:
		for _, x := range ends {
			if x.e != e {
				other = strings.TrimPrefix(x.e.ID, p.o.Prefix+"-")
			}
		}
	}
	r := entity.Relation{Type: typ}
	if o := p.screened[other]; o != nil {
		r.Target, r.Name = o.ID, o.Caption()
	} else if o := p.byID[other]; o != nil {
		r.Name = o.caption()
	}
	if rel := rec.first("relationship"); rel != "" && r.Name != "" {
		r.Name += " (" + rel + ")"
	}
	if r.Target == "" && r.Name == "" {
		return
	}
	if !slices.Contains(e.Relations, r) {
		e.Relations = append(e.Relations, r)
	}
}

// position is how an Occupancy of a Position reads on the holder:
// "Minister of Finance (ru, 2019-01..2023-05)".
func position(post, occ *record) string {
	var detail []string
	if c := post.first("country"); c != "" {
		detail = append(detail, strings.ToLower(c))
	}
	if from, to := occ.first("startDate"), occ.first("endDate"); from != "" || to != "" {
		detail = append(detail, from+".."+to)
	}
	if s := occ.first("status"); s != "" {
		detail = append(detail, s)
	}
	name := post.caption()
	if len(detail) > 0 {
		name += " (" + strings.Join(detail, ", ") + ")"
	}
	return name
}

// address is an FtM Address record as an address.
func address(rec *record) entity.Address {
	a := entity.Address{Full: rec.first("full"), Street: rec.first("street"), City: rec.first("city"),
		Region: cmp.Or(rec.first("region"), rec.first("state")), PostalCode: rec.first("postalCode"),
		Country: strings.ToLower(rec.first("country"))}
	if a.Full == "" {
		var parts []string
		for _, s := range []string{a.Street, a.PostalCode, a.City, a.Region, a.Country} {
			if s != "" {
				parts = append(parts, s)
			}
		}
		a.Full = cmp.Or(strings.Join(parts, ", "), rec.caption())
	}
	return a
}

func addAddress(e *entity.Entity, a entity.Address) {
	a.Full = strings.TrimSpace(a.Full)
	if a.Full == "" || slices.ContainsFunc(e.Addresses, func(x entity.Address) bool { return x.Full == a.Full }) {
		return
	}
	e.Addresses = append(e.Addresses, a)
}

func appendNew(list []string, vs ...string) []string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}
