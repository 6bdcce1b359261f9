package entity

import (
	"crypto/sha1"
	"encoding/hex"
	"maps"
	"slices"
	"strings"
	"unicode"
)

// FtM form: what veto's facts become. An entity's own properties are
// written on it when its schema has them and the values are valid for
// their types (see ftmClean); its listing (programmes, dates, authority,
// provisions) becomes a Sanction, its identity documents Identification
// and Passport entities, its addresses Address entities, its crypto
// wallets CryptoWallet entities, and its relations Ownership,
// Directorship, Family, Associate or UnknownLink entities, as
// OpenSanctions writes them. What FtM has no place for goes to the notes
// as "property: value". docs/design.md has the table.

// sanctionProps are the properties of veto's records that describe the
// listing rather than the entity, and the property of the Sanction they
// become.
var sanctionProps = map[string]string{
	"listingDate":           "listingDate",
	"designationDate":       "startDate",
	"endDate":               "endDate",
	"sourceInformationUrl":  "sourceUrl",
	"sourceList":            "authority",
	"authority":             "authority",
	"euReferenceNumber":     "authorityId",
	"federalRegisterNotice": "summary",
	"legalAuthority":        "summary",
	"sanctionsLists":        "authority",
	"sanctionsType":         "provisions",
	"sanctionsImposed":      "provisions",
	"sanctions":             "provisions",
	"licensePolicy":         "provisions",
	"licenseRequirement":    "provisions",
	"standardOrder":         "provisions",
}

// provisionLabels prefix the provisions that are not readable alone.
var provisionLabels = map[string]string{
	"licensePolicy":      "License policy: ",
	"licenseRequirement": "License requirement: ",
	"standardOrder":      "Standard order: ",
}

// renamedProps are veto's names for FtM properties named otherwise.
var renamedProps = map[string]string{"vesselType": "type"}

// linkProps are properties whose values are named parties, written as
// relations of the given type.
var linkProps = map[string]string{"owner": "ownedBy", "operator": "operatedBy", "pastOwners": "formerlyOwnedBy"}

// ftmID derives the ID of an entity that one of parent's facts becomes:
// the same fact always gets the same ID.
func ftmID(parent, kind string, parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return parent + "-" + kind + "-" + hex.EncodeToString(h.Sum(nil))[:12]
}

func newFtM(id, schema, caption, list string) FtMEntity {
	return FtMEntity{ID: id, Schema: schema, Caption: caption, Properties: map[string][]string{}, Datasets: []string{list}}
}

// put adds the values of prop that FtM's model accepts on the entity's
// schema; the others it notes.
func (f *FtMEntity) put(prop string, vs ...string) {
	p, ok := ftmProperty(f.Schema, prop)
	for _, v := range vs {
		if strings.TrimSpace(v) == "" {
			continue
		}
		c, valid := "", false
		if ok && p.typ != "entity" {
			c, valid = ftmClean(p.typ, v)
		}
		if !valid {
			f.note(prop, v)
			continue
		}
		if !contains(f.Properties[prop], c) {
			f.Properties[prop] = append(f.Properties[prop], c)
		}
	}
}

// ref adds a reference to the entity id.
func (f *FtMEntity) ref(prop, id string) {
	if !contains(f.Properties[prop], id) {
		f.Properties[prop] = append(f.Properties[prop], id)
	}
}

// note keeps a value FtM has no property for in the free-text notes
// (description on the schemata without notes).
func (f *FtMEntity) note(prop, v string) {
	notes := "notes"
	if _, ok := ftmProperty(f.Schema, notes); !ok {
		notes = "description"
	}
	if c, ok := ftmClean("text", prop+": "+v); ok && !contains(f.Properties[notes], c) {
		f.Properties[notes] = append(f.Properties[notes], c)
	}
}

// FtM returns the entity in FtM form, with only the properties its
// schema has and values valid for their types. Unlike
// [Entity.Properties], date ranges become their year or date bounds,
// since FtM dates are single values; short year ranges list every year,
// as OpenSanctions does, so a matcher that knows only FtM still sees each
// possible year. The entities its facts become are [Entity.FtMRelated].
func (e *Entity) FtM() FtMEntity {
	schema := string(e.Schema)
	f := newFtM(e.ID, schema, e.Caption(), e.List)
	person := e.Schema.IsPerson()
	for _, n := range e.Names {
		f.put(string(n.Kind), n.Full)
		if person { // elsewhere the full name holds the parts
			f.put("firstName", n.First)
			f.put("middleName", n.Middle)
			f.put("lastName", n.Last)
		}
	}
	dateProp := "birthDate"
	if e.Schema.IsAsset() {
		dateProp = "buildDate"
	} else if !person {
		dateProp = "incorporationDate"
	}
	for _, d := range e.BirthDates {
		f.put(dateProp, d.ftmValues()...)
	}
	f.put("birthPlace", e.BirthPlaces...)
	f.put("gender", e.Gender)
	nationality, citizenship := "nationality", "citizenship"
	if !person {
		nationality, citizenship = "country", "country"
	}
	f.put(nationality, e.Nationalities...)
	f.put(citizenship, e.Citizenships...)
	f.put("country", e.Countries...)
	for _, a := range e.Addresses {
		if full, ok := ftmClean("address", a.Full); ok {
			f.put("address", full)
			f.ref("addressEntity", ftmID(e.ID, "address", full))
		} else {
			f.note("address", a.Full)
		}
	}
	for _, id := range e.Identifiers {
		// The numbers the schema has no property for become entities
		// of their own (FtMRelated), where they can.
		if _, ok := ftmProperty(schema, id.Type); ok {
			f.put(id.Type, id.Value)
		} else if _, ok := ftmClean("identifier", id.Value); !ok || id.Type != IDCrypto && !e.holdsDocuments() {
			f.note(id.Type, id.Value)
		}
	}
	f.put("program", e.Programs...)
	f.put("topics", e.Topics...)
	f.put("notes", e.Notes...)
	for _, k := range slices.Sorted(maps.Keys(e.Props)) {
		vs := e.Props[k]
		switch {
		case sanctionProps[k] != "" || linkProps[k] != "":
		case renamedProps[k] != "":
			f.put(renamedProps[k], vs...)
		case !person && (k == "firstName" || k == "middleName" || k == "lastName"):
		case !person && (k == "nationality" || k == "citizenship"):
			f.put("country", vs...)
		default:
			f.put(k, vs...)
		}
	}
	if len(f.Properties["name"]) == 0 && len(e.Names) > 0 {
		// FtM requires a name: the first valid one of any kind.
		for _, n := range e.Names {
			if c, ok := ftmClean("name", n.Full); ok {
				f.Properties["name"] = []string{c}
				break
			}
		}
	}
	return f
}

// holdsDocuments reports whether the entity's schema can hold FtM
// Identification entities (people and organisations, not assets).
func (e *Entity) holdsDocuments() bool { return ftmIs(string(e.Schema), "LegalEntity") }

// FtMRefs resolves the parties an entity's relations name to entities
// written in the same export.
type FtMRefs interface {
	// Ref returns the FtM ID and schema the listing id is written under.
	Ref(id string) (ref string, schema string, ok bool)
	// Named returns the entity on list that has name, when exactly one
	// has it.
	Named(list, name string) (ref string, schema string, ok bool)
}

// FtMRelated returns the entities the entity's facts become, in FtM
// form, pointing at id (the entity's own ID, or the ID of the subject it
// is written as): a Sanction for its listing, Identification, Passport,
// Address and CryptoWallet entities, and a link entity for each relation
// to an entity refs resolves, or to a party named without a listing
// (then a LegalEntity of that name, too). With refs nil, relations to
// listings are left out.
func (e *Entity) FtMRelated(id string, refs FtMRefs) []FtMEntity {
	var out []FtMEntity
	out = append(out, e.ftmSanction(id))
	for _, a := range e.Addresses {
		full, ok := ftmClean("address", a.Full)
		if !ok {
			continue
		}
		f := newFtM(ftmID(e.ID, "address", full), "Address", full, e.List)
		f.put("full", full)
		f.put("street", a.Street)
		f.put("city", a.City)
		f.put("region", a.Region)
		f.put("postalCode", a.PostalCode)
		f.put("country", a.Country)
		out = append(out, f)
	}
	for _, x := range e.Identifiers {
		if f, ok := e.ftmDocument(id, x); ok {
			out = append(out, f)
		}
	}
	for _, r := range e.relations() {
		out = append(out, e.ftmLink(id, r, refs)...)
	}
	return out
}

// ftmSanction is the entity's listing as an FtM Sanction.
func (e *Entity) ftmSanction(id string) FtMEntity {
	caption := "Sanction"
	if len(e.Programs) > 0 {
		caption = e.Programs[0]
	}
	f := newFtM(ftmID(e.ID, "sanction", e.List), "Sanction", caption, e.List)
	f.ref("entity", id)
	f.put("program", e.Programs...)
	f.put("listingDate", e.ListingDate.String())
	for _, k := range slices.Sorted(maps.Keys(e.Props)) {
		p := sanctionProps[k]
		if p == "" {
			continue
		}
		for _, v := range e.Props[k] {
			f.put(p, provisionLabels[k]+v)
		}
	}
	return f
}

// ftmDocument is an identifier of the entity as an FtM entity: a
// Passport, an Identification (for identity documents and the numbers
// its schema has no property for) or a CryptoWallet; false for the
// numbers kept as properties only.
func (e *Entity) ftmDocument(id string, x Identifier) (FtMEntity, bool) {
	number, ok := ftmClean("identifier", x.Value)
	if !ok {
		return FtMEntity{}, false
	}
	if x.Type == IDCrypto {
		f := newFtM(ftmID(e.ID, "wallet", number), "CryptoWallet", number, e.List)
		f.put("publicKey", number)
		if _, cur, ok := strings.Cut(x.Label, " - "); ok {
			f.put("currencySymbol", cur)
		}
		if e.holdsDocuments() {
			f.ref("holder", id)
		}
		return f, true
	}
	_, onSchema := ftmProperty(string(e.Schema), x.Type)
	if !e.holdsDocuments() || onSchema && x.Type != IDPassport && x.Type != IDNational {
		return FtMEntity{}, false
	}
	schema := "Identification"
	if x.Type == IDPassport {
		schema = "Passport"
	}
	f := newFtM(ftmID(e.ID, "id", x.Type, number, x.Country), schema, number, e.List)
	f.ref("holder", id)
	f.put("number", number)
	f.put("country", x.Country)
	typ := x.Label
	if typ == "" {
		typ = x.Type
	}
	f.put("type", typ)
	if x.Note != "" {
		f.put("description", x.Note)
	}
	return f, true
}

// ftmLink is a relation of the entity as an FtM link entity, and the
// party it links to when that party has no listing; none when refs
// cannot resolve it or it is the entity itself.
func (e *Entity) ftmLink(id string, r Relation, refs FtMRefs) []FtMEntity {
	var out []FtMEntity
	ref, schema, ok := resolveRelation(refs, e.List, r)
	if !ok {
		name, valid := ftmClean("name", r.Name)
		if !valid {
			return nil
		}
		party := newFtM(ftmID(e.ID, "party", name), "LegalEntity", name, e.List)
		party.put("name", name)
		out = append(out, party)
		ref, schema = party.ID, party.Schema
	}
	if ref == id {
		return nil
	}
	self := string(e.Schema)
	role := words(r.Type)
	var link FtMEntity
	mk := func(schema, from, fromID, to, toID string) {
		link = newFtM(ftmID(e.ID, "link", r.Type, ref), schema, role, e.List)
		link.ref(from, fromID)
		link.ref(to, toID)
		link.put("role", role)
	}
	switch {
	case (r.Type == "ownedBy" || r.Type == "formerlyOwnedBy" || r.Type == "parent") && ftmIs(self, "Asset") && ftmIs(schema, "LegalEntity"):
		mk("Ownership", "owner", ref, "asset", id)
	case (r.Type == "owns" || r.Type == "subsidiary") && ftmIs(self, "LegalEntity") && ftmIs(schema, "Asset"):
		mk("Ownership", "owner", id, "asset", ref)
	case (r.Type == "leaderOf" || r.Type == "principalExecutiveOfficerOf") && ftmIs(self, "LegalEntity") && ftmIs(schema, "Organization"):
		mk("Directorship", "director", id, "organization", ref)
	case r.Type == "familyOf" && self == "Person" && schema == "Person":
		mk("Family", "person", id, "relative", ref)
	case r.Type == "associateOf" && self == "Person" && schema == "Person":
		mk("Associate", "person", id, "associate", ref)
	default:
		mk("UnknownLink", "subject", id, "object", ref)
	}
	return append(out, link)
}

// resolveRelation returns the entity refs has for the party of a
// relation on list: the listing it names, or the one entity of the list
// with its name.
func resolveRelation(refs FtMRefs, list string, r Relation) (ref, schema string, ok bool) {
	if refs == nil {
		return "", "", false
	}
	if r.Target != "" {
		ref, schema, ok = refs.Ref(r.Target)
	}
	if !ok && r.Name != "" {
		ref, schema, ok = refs.Named(list, r.Name)
	}
	return ref, schema, ok
}

// relations returns the entity's relations, with the parties its
// properties name (a vessel's owner) as relations too.
func (e *Entity) relations() []Relation {
	rels := slices.Clone(e.Relations)
	for _, k := range slices.Sorted(maps.Keys(e.Props)) {
		if t := linkProps[k]; t != "" {
			for _, v := range e.Props[k] {
				rels = append(rels, Relation{Type: t, Name: v})
			}
		}
	}
	return rels
}

// words writes a relation type for people: "ownedBy" as "owned by".
func words(t string) string {
	var b strings.Builder
	for i, r := range t {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// FtMIndex resolves relations among the records of one export (see
// [FtMRefs]): a listing by its ID, a party named without one by the
// names of its list's entities.
type FtMIndex struct {
	byID   map[string]ftmTarget
	byName map[string]ftmTarget
	// linking holds, by the ID an entity is written under, the
	// listings whose relations point at it.
	linking map[string][]string
}

type ftmTarget struct{ id, schema string }

// NewFtMIndex indexes ents, each written under the ID and schema as
// returns (its own, or its subject's).
func NewFtMIndex(ents []*Entity, as func(*Entity) (id string, schema Schema)) *FtMIndex {
	x := &FtMIndex{byID: make(map[string]ftmTarget, len(ents)), byName: make(map[string]ftmTarget, len(ents))}
	for _, e := range ents {
		id, schema := as(e)
		t := ftmTarget{id, string(schema)}
		x.byID[e.ID] = t
		for _, n := range e.Names {
			k := e.List + "\x00" + nameKey(n.Full)
			if old, seen := x.byName[k]; seen && old != t {
				x.byName[k] = ftmTarget{} // two entities have the name
			} else if !seen {
				x.byName[k] = t
			}
		}
	}
	x.linking = map[string][]string{}
	for _, e := range ents {
		for _, r := range e.relations() {
			if ref, _, ok := resolveRelation(x, e.List, r); ok && !contains(x.linking[ref], e.ID) {
				x.linking[ref] = append(x.linking[ref], e.ID)
			}
		}
	}
	return x
}

// Linking returns the listings whose relations point at the entity
// written under id.
func (x *FtMIndex) Linking(id string) []string { return x.linking[id] }

// Ref implements FtMRefs.
func (x *FtMIndex) Ref(id string) (string, string, bool) {
	t, ok := x.byID[id]
	return t.id, t.schema, ok
}

// Named implements FtMRefs.
func (x *FtMIndex) Named(list, name string) (string, string, bool) {
	t, ok := x.byName[list+"\x00"+nameKey(name)]
	return t.id, t.schema, ok && t.id != ""
}

func nameKey(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// FtMSet collects entities in FtM form, records of one ID merged into one
// (the union of their values and datasets; the first record's schema and
// caption win), in the order IDs first appear.
type FtMSet struct {
	list  []FtMEntity
	index map[string]int
}

// Add adds fs to the set.
func (s *FtMSet) Add(fs ...FtMEntity) {
	if s.index == nil {
		s.index = map[string]int{}
	}
	for _, f := range fs {
		i, ok := s.index[f.ID]
		if !ok {
			s.index[f.ID] = len(s.list)
			s.list = append(s.list, f)
			continue
		}
		m := &s.list[i]
		for _, k := range slices.Sorted(maps.Keys(f.Properties)) {
			// Records of one subject can differ in schema: the first
			// one's decides what is a property and what a note.
			if p, ok := ftmProperty(m.Schema, k); ok && p.typ == "entity" {
				for _, v := range f.Properties[k] {
					m.ref(k, v)
				}
			} else {
				m.put(k, f.Properties[k]...)
			}
		}
		for _, d := range f.Datasets {
			if !contains(m.Datasets, d) {
				m.Datasets = append(m.Datasets, d)
			}
		}
	}
}

// Entities returns the set's entities.
func (s *FtMSet) Entities() []FtMEntity { return s.list }
