package ofac

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// parseSDNList reads sdn.xml or consolidated.xml (document element
// sdnList). The file's name tells the list: the content is the same for
// both.
func parseSDNList(ctx context.Context, path string, data []byte) (*source.Result, error) {
	list, ok := listOfName(path)
	if !ok {
		return nil, source.Errorf(source.ErrFormat, path, 0, "",
			"an sdnList XML file does not say which list it is: name it sdn.xml or consolidated.xml")
	}
	m := &mapper{file: path}
	res := &source.Result{List: list, Format: formatXML, Files: []string{path}}
	var info *xmlPublishInfo
	seen := make(map[string]bool)
	err := source.ScanXML(data, path, "sdnList", []string{"publshInformation", "sdnEntry"}, func(rec *source.XMLRecord) error {
		m.line = rec.Line
		if rec.Start.Name.Local == "publshInformation" {
			info = new(xmlPublishInfo)
			if err := rec.Decode(info); err != nil {
				return err
			}
			reportUnknown(m, "publshInformation", info)
			return nil
		}
		if len(res.Entities)%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var w xmlEntry
		if err := rec.Decode(&w); err != nil {
			return err
		}
		e, err := m.mapXMLEntry(&w, list, rec, seen)
		if err != nil {
			return err
		}
		res.Entities = append(res.Entities, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(res.Entities) == 0 {
		return nil, errEmpty(path, "the file")
	}
	if err := m.checkPublishInfo(res, info); err != nil {
		return nil, err
	}
	finish(res.Entities)
	res.Warnings = m.warnings.List()
	return res, nil
}

// checkPublishInfo reads the publication date and checks the entry count
// against Record_Count, which tells a truncated download.
func (m *mapper) checkPublishInfo(res *source.Result, info *xmlPublishInfo) error {
	m.line = 0
	if info == nil {
		m.warnf("publshInformation", "no publshInformation: publication date unknown and entry count not checked")
		return nil
	}
	if s := strings.TrimSpace(info.PublishDate); s != "" {
		t, err := time.Parse("01/02/2006", s)
		if err != nil {
			m.warnf("Publish_Date", "unreadable Publish_Date %q (want MM/DD/YYYY)", s)
		} else {
			res.Published, res.PublishedFrom = t, "file"
		}
	}
	s := strings.TrimSpace(info.RecordCount)
	if s == "" {
		m.warnf("Record_Count", "no Record_Count: entry count not checked")
		return nil
	}
	want, err := strconv.Atoi(s)
	if err != nil {
		return source.Errorf(source.ErrMalformed, m.file, 0, "Record_Count", "Record_Count %q is not a number", s)
	}
	switch got := len(res.Entities); {
	case got < want:
		return source.Errorf(source.ErrTruncated, m.file, 0, "Record_Count",
			"the file has %d sdnEntry elements but Record_Count says %d: it is incomplete", got, want)
	case got > want:
		return source.Errorf(source.ErrMalformed, m.file, 0, "Record_Count",
			"the file has %d sdnEntry elements but Record_Count says %d", got, want)
	}
	return nil
}

// mapXMLEntry maps one sdnEntry.
func (m *mapper) mapXMLEntry(w *xmlEntry, list string, rec *source.XMLRecord, seen map[string]bool) (*entity.Entity, error) {
	uid := strings.TrimSpace(w.UID)
	if err := checkUID(m.file, rec.Line, "uid", uid); err != nil {
		return nil, err
	}
	if seen[uid] {
		return nil, dupError(m.file, rec.Line, "uid", uid)
	}
	seen[uid] = true
	if strings.TrimSpace(w.LastName) == "" {
		return nil, source.Errorf(source.ErrMalformed, m.file, rec.Line, "lastName", "sdnEntry %s has no lastName", uid)
	}
	e := &entity.Entity{ID: entityID(uid), List: list, Schema: m.schemaOf(w.SDNType, "sdnType"),
		Raw: entity.Raw{Format: "xml", Text: string(rec.Raw)}}
	m.addXMLName(e, w.LastName, w.FirstName, entity.Primary)
	if w.Programs != nil {
		for _, p := range w.Programs.Programs {
			addUnique(&e.Programs, p)
		}
	}
	e.AddProp("position", w.Title)
	m.mapXMLAKAs(e, w.AKAs)
	m.mapXMLIDs(e, w.IDs)
	m.mapXMLAddresses(e, w.Addresses)
	m.mapXMLPersonal(e, w)
	if v := w.Vessel; v != nil {
		for _, f := range []fact{
			{label: "Call Sign", value: v.CallSign}, {label: "Vessel Type", value: v.VesselType},
			{label: "Vessel Flag", value: v.VesselFlag}, {label: "Vessel Owner", value: v.VesselOwner},
			{label: "Vessel Tonnage", value: v.Tonnage}, {label: "Vessel Gross Registered Tonnage", value: v.GrossRegisteredTonnage},
		} {
			m.apply(e, f, "vesselInfo")
		}
	}
	m.applyRemarks(e, w.Remarks, w.Title, "remarks")
	reportUnknown(m, "sdnEntry", w)
	return e, nil
}

// addXMLName adds a name given as lastName and firstName: a person's is
// written "LAST, First" as in the CSV; other names are lastName alone.
func (m *mapper) addXMLName(e *entity.Entity, last, first string, kind entity.NameKind) {
	last, first = strings.TrimSpace(last), strings.TrimSpace(first)
	n := entity.Name{Full: last, Kind: kind}
	if first != "" {
		n.Full = last + ", " + first
	}
	if e.Schema == entity.Person {
		n.Last, n.First = last, first
		if first == "" && strings.Contains(last, ",") {
			// Weak aliases come whole: <lastName>ZAHAR, Mahmoud</lastName>.
			n.Last, n.First = splitPersonName(last)
		}
	}
	e.AddName(n)
}

func (m *mapper) mapXMLAKAs(e *entity.Entity, l *xmlAKAList) {
	if l == nil {
		return
	}
	for _, a := range l.AKAs {
		kind, ok := altKinds[strings.ToLower(strings.Trim(a.Type, ". "))]
		if !ok {
			m.warnf("aka/type", "unknown alias type %q: mapped to alias", a.Type)
			kind = entity.Alias
		}
		switch strings.ToLower(strings.TrimSpace(a.Category)) {
		case "weak":
			if kind == entity.Alias {
				kind = entity.WeakAlias
			}
		case "strong", "":
		default:
			m.warnf("aka/category", "unknown alias category %q: mapped as strong", a.Category)
		}
		m.addXMLName(e, a.LastName, a.FirstName, kind)
	}
}

func (m *mapper) mapXMLIDs(e *entity.Entity, l *xmlIDList) {
	if l == nil {
		return
	}
	for _, id := range l.IDs {
		var notes []string
		if s := strings.TrimSpace(id.IssueDate); s != "" {
			notes = append(notes, "issued "+s)
		}
		if s := strings.TrimSpace(id.ExpirationDate); s != "" {
			notes = append(notes, "expires "+s)
		}
		m.apply(e, fact{label: id.IDType, value: id.IDNumber, country: strings.TrimSpace(id.IDCountry),
			note: strings.Join(notes, " ")}, "idType")
	}
}

func (m *mapper) mapXMLAddresses(e *entity.Entity, l *xmlAddressList) {
	if l == nil {
		return
	}
	for _, x := range l.Addresses {
		street := joinNonEmpty(", ", x.Address1, x.Address2, x.Address3)
		a := entity.Address{Street: street, City: strings.TrimSpace(x.City),
			Region:     joinNonEmpty(", ", x.StateOrProvince, x.Region),
			PostalCode: strings.TrimSpace(x.PostalCode),
			Full:       joinNonEmpty(", ", street, x.City, x.StateOrProvince, x.PostalCode, x.Region, x.Country)}
		if a.Full == "" {
			continue
		}
		if c := strings.TrimSpace(x.Country); c != "" {
			a.Country = m.countryOf(c, "address/country")
		}
		e.Addresses = append(e.Addresses, a)
	}
}

// mapXMLPersonal maps dates and places of birth, nationalities and
// citizenships. mainEntry only marks OFAC's preferred value; all are kept.
func (m *mapper) mapXMLPersonal(e *entity.Entity, w *xmlEntry) {
	if w.DOBs != nil {
		for _, d := range w.DOBs.Items {
			m.apply(e, fact{label: "DOB", value: d.DateOfBirth}, "dateOfBirth")
		}
	}
	if w.POBs != nil {
		for _, p := range w.POBs.Items {
			addUnique(&e.BirthPlaces, p.PlaceOfBirth)
		}
	}
	for _, l := range []*xmlCountryList{w.Nationalities, w.Citizenships} {
		if l == nil {
			continue
		}
		for _, c := range l.Nationalities {
			m.apply(e, fact{label: "nationality", value: c.Country}, "nationality")
		}
		for _, c := range l.Citizenships {
			m.apply(e, fact{label: "citizen", value: c.Country}, "citizenship")
		}
	}
}
