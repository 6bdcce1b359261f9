package ofac

import (
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// mapNames maps the entity's names. Each name has translations, one per
// script; every translation is a name of the same kind, the non-primary
// ones (another script) as aliases of it: a translation of the primary
// name is an Alias.
func (doc *enhDoc) mapNames(e *entity.Entity, w *enhEntity, line int) error {
	if w.Names == nil || len(w.Names.Names) == 0 {
		return source.Errorf(source.ErrMalformed, doc.m.file, line, "names", "entity %s has no name", w.ID)
	}
	primarySeen := false
	for _, n := range w.Names.Names {
		kind := doc.nameKind(n)
		if kind == entity.Primary {
			if primarySeen {
				doc.m.warnf("name/isPrimary", "entity has two primary names: the second is an alias")
				kind = entity.Alias
			}
			primarySeen = true
		}
		if n.Translations == nil {
			continue
		}
		for _, t := range n.Translations.Translations {
			k := kind
			if k == entity.Primary && !isTrue(t.IsPrimary) {
				k = entity.Alias
			}
			doc.addTranslation(e, t, k)
		}
	}
	if len(e.Names) == 0 {
		return source.Errorf(source.ErrMalformed, doc.m.file, line, "formattedFullName", "entity %s has no name text", w.ID)
	}
	if !primarySeen {
		doc.m.warnf("name/isPrimary", "entity has no primary name: its first name is taken")
		e.Names[0].Kind = entity.Primary
	}
	return nil
}

// nameKind: the primary name, or by alias type, a low-quality A.K.A.
// being a weak alias.
func (doc *enhDoc) nameKind(n enhName) entity.NameKind {
	if isTrue(n.IsPrimary) {
		return entity.Primary
	}
	kind := entity.Alias
	if n.AliasType != nil {
		t := doc.text(*n.AliasType)
		k, ok := altKinds[strings.ToLower(strings.Trim(t, ". "))]
		if !ok {
			doc.m.warnf("name/aliasType", "unknown alias type %q: mapped to alias", t)
		} else {
			kind = k
		}
	}
	if kind == entity.Alias && isTrue(n.IsLowQuality) {
		kind = entity.WeakAlias
	}
	return kind
}

func (doc *enhDoc) addTranslation(e *entity.Entity, t enhTranslation, kind entity.NameKind) {
	first, middle, last := strings.TrimSpace(t.FormattedFirstName), strings.TrimSpace(t.FormattedMiddleName), strings.TrimSpace(t.FormattedLastName)
	full := strings.TrimSpace(t.FormattedFullName)
	if full == "" {
		full = last
		if f := joinNonEmpty(" ", first, middle); f != "" {
			full = joinNonEmpty(", ", last, f)
		}
	}
	n := entity.Name{Full: full, Kind: kind, Script: doc.script(t.Script)}
	if e.Schema == entity.Person {
		n.First, n.Middle, n.Last = first, middle, last
	}
	e.AddName(n)
}

// scripts are ISO 15924 codes of OFAC's script names. OFAC's own codes
// are ISO for most but not all ("Hebrew", "Latin", "Korean").
var scripts = map[string]string{
	"latin": "Latn", "cyrillic": "Cyrl", "arabic": "Arab", "chinese simplified": "Hans",
	"chinese traditional": "Hant", "armenian": "Armn", "georgian": "Geor", "greek": "Grek",
	"hangul": "Hang", "korean": "Kore", "hebrew": "Hebr", "japanese": "Jpan", "persian": "Arab",
	"thai": "Thai", "devanagari": "Deva",
}

func (doc *enhDoc) script(r enhRef) string {
	name := doc.text(r)
	if name == "" {
		return ""
	}
	if c, ok := scripts[strings.ToLower(name)]; ok {
		return c
	}
	if c := doc.values[r.RefID].Code; len(c) == 4 && c[0] >= 'A' && c[0] <= 'Z' {
		return c
	}
	doc.m.warnf("script", "unknown script %q: name kept without script", name)
	return ""
}

// mapAddresses maps each address translation to an address.
func (doc *enhDoc) mapAddresses(e *entity.Entity, w *enhEntity) {
	if w.Addresses == nil {
		return
	}
	for _, a := range w.Addresses.Addresses {
		var country, code string
		if a.Country != nil {
			country = doc.text(*a.Country)
			code = doc.countryRef(a.Country.RefID, country, "address/country")
		}
		if a.Translations == nil {
			continue
		}
		for _, t := range a.Translations.Translations {
			parts := map[string][]string{}
			if t.AddressParts != nil {
				for _, p := range t.AddressParts.Parts {
					typ := strings.ToUpper(doc.text(p.Type))
					if !addressPartTypes[typ] {
						doc.m.warnf("addressPart/type", "unknown address part type %q: kept in the full address", typ)
					}
					parts[typ] = append(parts[typ], strings.TrimSpace(p.Value))
				}
			}
			addr := entity.Address{
				Street:     joinNonEmpty(", ", join(parts["ADDRESS1"]), join(parts["ADDRESS2"]), join(parts["ADDRESS3"])),
				City:       join(parts["CITY"]),
				Region:     joinNonEmpty(", ", join(parts["STATE/PROVINCE"]), join(parts["REGION"])),
				PostalCode: join(parts["POSTAL CODE"]),
				Country:    code,
			}
			var other []string
			for typ, vs := range parts {
				if !addressPartTypes[typ] {
					other = append(other, vs...)
				}
			}
			addr.Full = joinNonEmpty(", ", addr.Street, addr.City, join(parts["STATE/PROVINCE"]),
				addr.PostalCode, join(parts["REGION"]), join(other), country)
			if addr.Full != "" {
				e.Addresses = append(e.Addresses, addr)
			}
		}
	}
}

var addressPartTypes = map[string]bool{
	"ADDRESS1": true, "ADDRESS2": true, "ADDRESS3": true, "CITY": true, "STATE/PROVINCE": true,
	"POSTAL CODE": true, "REGION": true,
}

func join(vs []string) string { return joinNonEmpty(", ", vs...) }

// mapFeatures maps the features: each is a fact under its feature type's
// name, with the date of a DATE feature read from valueDate and the
// country of a COUNTRY feature from its reference's ISO code.
func (doc *enhDoc) mapFeatures(e *entity.Entity, w *enhEntity) {
	if w.Features == nil {
		return
	}
	for _, f := range w.Features.Features {
		ft, ok := doc.features[f.Type.FeatureTypeID]
		label := strings.TrimSpace(f.Type.Text)
		if label == "" {
			label = strings.TrimSpace(ft.Type)
		}
		if !ok {
			doc.m.warnf("feature/type", "featureTypeId %s is not in featureTypes", f.Type.FeatureTypeID)
		}
		fa := fact{label: label, value: strings.TrimSpace(f.Value)}
		if ref := strings.TrimSpace(f.ValueRefID); ref != "" && fa.value == "" {
			fa.value = strings.TrimSpace(doc.values[ref].Value)
		}
		switch strings.ToUpper(doc.text(ft.DetailType)) {
		case "DATE":
			if r, ok := doc.valueDate(f.ValueDate); ok {
				if rl, _ := lookupLabel(label); rl.kind == factBirthDate {
					fa.date = &r
				}
			}
		case "COUNTRY":
			if ref := strings.TrimSpace(f.ValueRefID); ref != "" {
				fa.code = doc.countryRef(ref, fa.value, "feature/value")
			}
		}
		var remarks []string
		if f.Reliability != nil {
			if rel := doc.text(*f.Reliability); rel != "" && !strings.EqualFold(rel, "Confirmed") {
				remarks = append(remarks, "reliability: "+rel)
			}
		}
		if c := strings.TrimSpace(f.Comments); c != "" {
			remarks = append(remarks, c)
		}
		fa.note = strings.Join(remarks, "; ")
		doc.m.apply(e, fa, "feature")
		if r, _ := lookupLabel(label); fa.note != "" && r.kind != factIdentifier && r.kind != factNote {
			addNote(e, label+" "+fa.value+": "+fa.note)
		}
	}
}

// valueDate reads a feature's date. OFAC gives every date as a span from
// fromDateBegin to toDateEnd: a year is 1 Jan to 31 Dec, a day is one
// day; a range of years ("1955 to 1958") spans the years.
func (doc *enhDoc) valueDate(v *enhValueDate) (entity.DateRange, bool) {
	if v == nil {
		return entity.DateRange{}, false
	}
	begin := firstNonEmpty(v.FromDateBegin, v.FromDateEnd, v.ToDateBegin, v.ToDateEnd)
	end := firstNonEmpty(v.ToDateEnd, v.ToDateBegin, v.FromDateEnd, v.FromDateBegin)
	b, err1 := time.Parse("2006-01-02", dayPart(begin))
	e, err2 := time.Parse("2006-01-02", dayPart(end))
	if err1 != nil || err2 != nil || e.Before(b) || b.Year() < 1 {
		doc.m.warnf("valueDate", "unreadable date span %q to %q: the value text is read instead", begin, end)
		return entity.DateRange{}, false
	}
	r := spanRange(b, e)
	r.Approx = isTrue(v.IsApproximate)
	return r, true
}

// spanRange turns a day span into the coarsest dates that cover it
// exactly: whole years, whole months, or days.
func spanRange(b, e time.Time) entity.DateRange {
	wholeYears := b.Month() == 1 && b.Day() == 1 && e.Month() == 12 && e.Day() == 31
	wholeMonths := b.Day() == 1 && e.AddDate(0, 0, 1).Day() == 1
	var from, to entity.Date
	switch {
	case wholeYears:
		from, to = entity.Date{Year: b.Year()}, entity.Date{Year: e.Year()}
	case wholeMonths:
		from, to = entity.Date{Year: b.Year(), Month: int(b.Month())}, entity.Date{Year: e.Year(), Month: int(e.Month())}
	default:
		from, to = entity.DateOf(b), entity.DateOf(e)
	}
	if from == to {
		return entity.DateRange{From: from}
	}
	return entity.DateRange{From: from, To: to}
}

func dayPart(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "T")
	return s
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func isTrue(s string) bool { return strings.EqualFold(strings.TrimSpace(s), "true") }

// mapDocuments maps identity documents to identifiers. An issuing
// authority of OGRN or INN names the Russian register the number is from.
func (doc *enhDoc) mapDocuments(e *entity.Entity, w *enhEntity) {
	if w.IdentityDocuments == nil {
		return
	}
	for _, d := range w.IdentityDocuments.Documents {
		label := doc.text(d.Type)
		f := fact{label: label, value: strings.TrimSpace(d.DocumentNumber)}
		if d.IssuingCountry != nil {
			f.country = doc.text(*d.IssuingCountry)
			f.code = doc.countryRef(d.IssuingCountry.RefID, f.country, "identityDocument/issuingCountry")
		}
		var notes []string
		if s := strings.TrimSpace(d.IssuingLocation); s != "" && !strings.EqualFold(s, f.country) {
			notes = append(notes, "issued in "+s)
		}
		authority := strings.TrimSpace(d.IssuingAuthority)
		if authority != "" && registerTypes[strings.ToUpper(authority)] == "" {
			notes = append(notes, "issued by "+authority)
		}
		if strings.TrimSpace(d.IsValid) != "" && !isTrue(d.IsValid) {
			notes = append(notes, "not valid")
		}
		f.note = strings.Join(notes, "; ")
		if typ := registerTypes[strings.ToUpper(authority)]; typ != "" && f.value != "" {
			e.AddIdentifier(entity.Identifier{Type: typ, Value: f.value, Country: f.code, Label: label, Note: f.note})
			continue
		}
		doc.m.apply(e, f, "identityDocument/type")
	}
}

// registerTypes are issuing authorities that name an identifier type.
var registerTypes = map[string]string{"OGRN": entity.IDOGRN, "INN": entity.IDINN}
