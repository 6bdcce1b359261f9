package ofac

import (
	"context"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// enhDoc is the state of one enhanced XML file being read: its lookup
// tables, which come before the entities, and what was read so far.
type enhDoc struct {
	m        *mapper
	values   map[string]enhReferenceValue // by refId
	features map[string]enhFeatureType    // by featureTypeId
	info     *enhPublicationInfo
	seen     map[string]bool
	entities []*entity.Entity
}

// parseEnhanced reads SDN_ENHANCED.XML or CONS_ENHANCED.XML (document
// element sanctionsData).
func parseEnhanced(ctx context.Context, path string, data []byte) (*source.Result, error) {
	doc := &enhDoc{m: &mapper{file: path}, values: map[string]enhReferenceValue{},
		features: map[string]enhFeatureType{}, seen: map[string]bool{}}
	records := []string{"publicationInfo", "referenceValue", "featureType", "entity"}
	err := source.ScanXML(data, path, "sanctionsData", records, func(rec *source.XMLRecord) error {
		doc.m.line = rec.Line
		if len(doc.entities)%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		return doc.record(rec)
	})
	if err != nil {
		return nil, err
	}
	if len(doc.entities) == 0 {
		return nil, errEmpty(path, "the file")
	}
	res := &source.Result{Format: formatEnhanced, Files: []string{path}, Entities: doc.entities}
	if err := doc.publication(res); err != nil {
		return nil, err
	}
	for _, e := range res.Entities {
		e.List = res.List
	}
	finish(res.Entities)
	res.Warnings = doc.m.warnings.List()
	return res, nil
}

func (doc *enhDoc) record(rec *source.XMLRecord) error {
	m := doc.m
	switch rec.Start.Name.Local {
	case "publicationInfo":
		doc.info = new(enhPublicationInfo)
		if err := rec.Decode(doc.info); err != nil {
			return err
		}
		reportUnknown(m, "publicationInfo", doc.info)
	case "referenceValue":
		var v enhReferenceValue
		if err := rec.Decode(&v); err != nil {
			return err
		}
		reportUnknown(m, "referenceValue", &v)
		doc.values[v.RefID] = v
	case "featureType":
		var v enhFeatureType
		if err := rec.Decode(&v); err != nil {
			return err
		}
		reportUnknown(m, "featureType", &v)
		doc.features[v.FeatureTypeID] = v
	case "entity":
		var w enhEntity
		if err := rec.Decode(&w); err != nil {
			return err
		}
		e, err := doc.mapEntity(&w, rec)
		if err != nil {
			return err
		}
		doc.entities = append(doc.entities, e)
	}
	return nil
}

// publication reads dataAsOf and which list the file is, from
// publicationInfo/filters/sanctionsLists, or else from the file name.
func (doc *enhDoc) publication(res *source.Result) error {
	m := doc.m
	m.line = 0
	if doc.info != nil {
		if s := strings.TrimSpace(doc.info.DataAsOf); s != "" {
			if t, ok := parseTimestamp(s); ok {
				res.Published, res.PublishedFrom = t, "file"
			} else {
				m.warnf("dataAsOf", "unreadable dataAsOf %q", s)
			}
		}
		if f := doc.info.Filters; f != nil && f.SanctionsLists != nil {
			for _, l := range f.SanctionsLists.Lists {
				switch doc.text(l) {
				case "SDN List":
					res.List = listSDN
				case "Consolidated List":
					res.List = listCons
				}
				if res.List != "" {
					return nil
				}
			}
		}
	}
	if list, ok := listOfName(m.file); ok {
		res.List = list
		return nil
	}
	return source.Errorf(source.ErrFormat, m.file, 0, "publicationInfo",
		"the file does not say which list it is (no SDN List or Consolidated List filter) and its name does not tell")
}

func parseTimestamp(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02T15:04:05.999999999", time.RFC3339Nano, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// text returns a reference's text, or the value its refId points to
// when the element has no text. A refId missing from referenceValues is a
// warning: the file is inconsistent.
func (doc *enhDoc) text(r enhRef) string {
	v, ok := doc.values[r.RefID]
	if r.RefID != "" && !ok {
		doc.m.warnf("refId", "refId %s is not in referenceValues", r.RefID)
	}
	if s := strings.TrimSpace(r.Text); s != "" {
		return s
	}
	return strings.TrimSpace(v.Value)
}

// countryRef returns the ISO code of a COUNTRY reference.
func (doc *enhDoc) countryRef(refID, name, field string) string {
	if v, ok := doc.values[refID]; ok && v.ISOCode != "" {
		if c := strings.ToLower(v.ISOCode); countryKnown(c) {
			return c
		}
	}
	if name == "" {
		name = strings.TrimSpace(doc.values[refID].Value)
	}
	if name == "" {
		return ""
	}
	return doc.m.countryOf(name, field)
}

// mapEntity maps one entity element.
func (doc *enhDoc) mapEntity(w *enhEntity, rec *source.XMLRecord) (*entity.Entity, error) {
	m := doc.m
	uid := strings.TrimSpace(w.ID)
	if err := checkUID(m.file, rec.Line, "entity/@id", uid); err != nil {
		return nil, err
	}
	if doc.seen[uid] {
		return nil, dupError(m.file, rec.Line, "entity/@id", uid)
	}
	doc.seen[uid] = true
	e := &entity.Entity{ID: entityID(uid), Raw: entity.Raw{Format: "xml", Text: string(rec.Raw)}}
	e.Schema = m.schemaOf(doc.text(w.GeneralInfo.EntityType), "entityType")
	if err := doc.mapNames(e, w, rec.Line); err != nil {
		return nil, err
	}
	doc.mapSanctions(e, w)
	doc.mapAddresses(e, w)
	doc.mapFeatures(e, w)
	doc.mapDocuments(e, w)
	doc.mapRelationships(e, w)
	m.applyRemarks(e, w.GeneralInfo.Remarks, "", "remarks")
	reportUnknown(m, "entity", w)
	return e, nil
}

// mapSanctions maps the lists the entity is on (Props "sanctionsLists";
// the earliest date it was published on one, other than the 2014
// Consolidated List itself, is its listing date), its programmes,
// sanctions types and legal authorities.
func (doc *enhDoc) mapSanctions(e *entity.Entity, w *enhEntity) {
	var first, consolidated entity.Date
	if w.SanctionsLists != nil {
		for _, l := range w.SanctionsLists.Items {
			name := doc.text(l)
			e.AddProp("sanctionsLists", name)
			d, err := entity.ParseDate(l.DatePublished)
			if err != nil {
				doc.m.warnf("sanctionsList/@datePublished", "unreadable date %q", l.DatePublished)
				continue
			}
			switch {
			case d.IsZero():
			case name == "Consolidated List":
				consolidated = d
			case first.IsZero() || d.String() < first.String():
				first = d
			}
		}
	}
	if first.IsZero() {
		first = consolidated
	}
	e.ListingDate = first
	if w.SanctionsPrograms != nil {
		for _, p := range w.SanctionsPrograms.Items {
			addUnique(&e.Programs, doc.text(p))
		}
	}
	if w.SanctionsTypes != nil {
		for _, t := range w.SanctionsTypes.Items {
			e.AddProp("sanctionsType", doc.text(t))
		}
	}
	if w.LegalAuthorities != nil {
		for _, a := range w.LegalAuthorities.Items {
			e.AddProp("legalAuthority", doc.text(a))
		}
	}
}

func (doc *enhDoc) mapRelationships(e *entity.Entity, w *enhEntity) {
	if w.Relationships == nil {
		return
	}
	for _, r := range w.Relationships.Relationships {
		rel := entity.Relation{Type: relationType(doc.text(r.Type)), Name: strings.TrimSpace(r.RelatedEntity.Text)}
		if id := strings.TrimSpace(r.RelatedEntity.EntityID); id != "" {
			rel.Target = entityID(id)
		}
		if rel.Target == "" && rel.Name == "" {
			doc.m.warnf("relationship/relatedEntity", "relationship without a related entity: ignored")
			continue
		}
		addRelation(e, rel)
	}
}

// relationTypes names OFAC's relationship types in FtM style.
var relationTypes = map[string]string{
	"associate of":                  "associateOf",
	"providing support to":          "supports",
	"acting for or on behalf of":    "actingFor",
	"owned or controlled by":        "ownedBy",
	"owns, controls, or operates":   "owns",
	"family member of":              "familyOf",
	"playing a significant role in": "significantRoleIn",
	"leader or official of":         "leaderOf",
	"principal executive officer":   "principalExecutiveOfficerOf",
	"property in the interest of":   "propertyOf",
	"linked to":                     "linkedTo",
}

// relationType returns the FtM-style name of a relationship type; types
// not in the table are written in lowerCamelCase.
func relationType(s string) string {
	k := strings.ToLower(strings.TrimSpace(s))
	if t, ok := relationTypes[k]; ok {
		return t
	}
	var b strings.Builder
	for i, w := range strings.FieldsFunc(k, func(r rune) bool { return !isAlnum(r) }) {
		if i > 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
	}
	if b.Len() == 0 {
		return "relatedTo"
	}
	return b.String()
}

func isAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}
