package ofac

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// null is how OFAC's CSV files write an empty field: "-0- ".
const null = "-0-"

// csvRole is what one legacy CSV file holds, told by its column count.
type csvRole int

const (
	csvMain     csvRole = iota // sdn.csv, cons_prim.csv: 12 columns
	csvAdd                     // add.csv, cons_add.csv: 6 columns
	csvAlt                     // alt.csv, cons_alt.csv: 5 columns
	csvComments                // sdn_comments.csv, cons_comments.csv: 2 columns
)

// roleWidth is each role's column count.
var roleWidth = [4]int{csvMain: 12, csvAdd: 6, csvAlt: 5, csvComments: 2}

// roleOfWidth tells a file's role from its column count.
func roleOfWidth(n int) (csvRole, bool) {
	for role, w := range roleWidth {
		if w == n {
			return csvRole(role), true
		}
	}
	return 0, false
}

// roleFiles names each role's file per list, for messages.
var roleFiles = map[string][4]string{
	listSDN:  {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"},
	listCons: {"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"},
}

// csvRecord is one record of a CSV file.
type csvRecord struct {
	fields []string // trimmed; OFAC's null "-0-" is ""
	line   int
	raw    string // the record's lines as in the file, without the final line end
}

// csvFile is one legacy CSV file, read whole.
type csvFile struct {
	path    string
	list    string
	role    csvRole
	records []csvRecord
	// ended reports that the file ends with Ctrl-Z, OFAC's end mark.
	ended bool
}

// readCSVFile reads a legacy CSV file and tells its role by its column
// count and its list by its name. A file that is not OFAC CSV is
// ErrFormat.
func readCSVFile(ctx context.Context, path string, data []byte) (*csvFile, error) {
	// The files end with a DOS end-of-file byte (Ctrl-Z) after the last
	// record's line end. It is the only mark of a complete file: one cut
	// at a line end reads as a shorter list (see checkEnd).
	body := bytes.TrimRight(data, "\r\n\t ")
	ended := bytes.HasSuffix(body, []byte{eof})
	data = bytes.TrimRight(body, "\x1a\r\n\t ")
	if len(data) == 0 {
		return nil, errEmpty(path, "the file")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	f := &csvFile{path: path, ended: ended}
	for {
		if len(f.records)%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		start := r.InputOffset()
		fields, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(path, data, start, err, len(f.records) == 0)
		}
		line, _ := r.FieldPos(0)
		rec := csvRecord{fields: fields, line: line,
			raw: strings.TrimRight(string(data[start:r.InputOffset()]), "\r\n")}
		for i, v := range rec.fields {
			if v = strings.TrimSpace(v); v == null {
				v = ""
			}
			rec.fields[i] = v
		}
		if err := f.check(rec); err != nil {
			return nil, err
		}
		f.records = append(f.records, rec)
	}
	if err := f.checkEnd(); err != nil {
		return nil, err
	}
	return f, nil
}

// eof is the DOS end-of-file byte (Ctrl-Z) OFAC writes at the end of every
// CSV file.
const eof = 0x1a

// checkEnd refuses a main, address or alias file that lacks the Ctrl-Z
// after its last record: OFAC writes it at the end of each of them, so
// without it the file is a download cut short, possibly at a line end,
// where it would read as a list with designations missing. A comments
// file without it is read (with a warning, added by the set): a real 2021
// sdn_comments.csv lacks it, and that file only continues remarks.
func (f *csvFile) checkEnd() error {
	if f.ended || f.role == csvComments {
		return nil
	}
	last := f.records[len(f.records)-1]
	return &source.ParseError{File: f.path, Line: last.line, Offset: -1,
		Err: fmt.Errorf("%w: the file ends after line %d (ent_num %s) without the end-of-file mark Ctrl-Z (0x1A) that OFAC writes after the last record: it is cut short, and the records after it are missing",
			source.ErrTruncated, last.line, last.fields[0])}
}

// check tells the file's role from its first record and checks every
// record against it.
func (f *csvFile) check(rec csvRecord) error {
	if len(f.records) == 0 {
		role, ok := roleOfWidth(len(rec.fields))
		if !ok || checkUID(f.path, rec.line, "ent_num", rec.fields[0]) != nil {
			return source.Errorf(source.ErrFormat, f.path, rec.line, "",
				"not an OFAC CSV file: first record has %d fields starting %q (want ent_num and 12, 6, 5 or 2 fields)",
				len(rec.fields), rec.fields[0])
		}
		f.role = role
		list, ok := listOfName(f.path)
		switch {
		case ok:
		case role == csvMain:
			list = listSDN // the legacy CSV is mostly the SDN list's; see the package doc
		default:
			return source.Errorf(source.ErrFormat, f.path, 0, "",
				"cannot tell which list this side file belongs to from its name (want add.csv, alt.csv, sdn_comments.csv or cons_*.csv)")
		}
		f.list = list
	}
	if want := roleWidth[f.role]; len(rec.fields) != want {
		return source.Errorf(source.ErrMalformed, f.path, rec.line, "",
			"record has %d fields, want %d like the file's first record", len(rec.fields), want)
	}
	return checkUID(f.path, rec.line, "ent_num", rec.fields[0])
}

func csvError(path string, data []byte, start int64, err error, first bool) error {
	var pe *csv.ParseError
	line := source.LineAt(data, start)
	if errors.As(err, &pe) {
		line = pe.Line
		if errors.Is(pe.Err, csv.ErrQuote) && pe.Line > 0 && bytes.Count(data, []byte{'"'})%2 == 1 {
			return &source.ParseError{File: path, Line: pe.StartLine, Offset: start,
				Err: fmt.Errorf("%w: quoted field never ends: %v", source.ErrTruncated, pe.Err)}
		}
	}
	sentinel := source.ErrMalformed
	if first {
		sentinel = source.ErrFormat
	}
	return &source.ParseError{File: path, Line: line, Offset: start, Err: fmt.Errorf("%w: CSV: %v", sentinel, err)}
}

// csvSet is the CSV files of one list: the main file and its side files.
type csvSet struct {
	list  string
	files [4]*csvFile // by role
	paths []string    // in the order read
}

func (s *csvSet) add(f *csvFile) error {
	if old := s.files[f.role]; old != nil {
		return source.Errorf(source.ErrFormat, f.path, 0, "",
			"two %s files given for %s (the other is %s)", roleFiles[s.list][f.role], s.list, old.path)
	}
	s.files[f.role] = f
	s.paths = append(s.paths, f.path)
	return nil
}

// csvEntry is one entity being assembled from the main record and its
// side records.
type csvEntry struct {
	e        *entity.Entity
	main     csvRecord
	remarks  string
	sideRaws []string
	// alts are the alt.csv records, mapped once the schema is known.
	alts []csvRecord
}

// parse joins the files of the set into one Result.
func (s *csvSet) parse(ctx context.Context) (*source.Result, error) {
	main := s.files[csvMain]
	if main == nil {
		var given *csvFile
		for _, f := range s.files {
			if f != nil {
				given = f
				break
			}
		}
		return nil, source.Errorf(source.ErrFormat, given.path, 0, "",
			"%s is a side file of %s; its main file %s is missing (the side files cannot be read without it)",
			filepath.Base(given.path), s.list, roleFiles[s.list][csvMain])
	}
	if len(main.records) == 0 {
		return nil, errEmpty(main.path, "the list")
	}
	m := &mapper{file: main.path}
	entries, byID, err := s.mainEntries(main)
	if err != nil {
		return nil, err
	}
	s.joinSides(m, byID)
	res := &source.Result{List: s.list, Format: formatCSV, Files: s.paths}
	for role, f := range s.files {
		if f == nil {
			m.file, m.line = main.path, 0
			m.warnf("", "%s not given: %s", roleFiles[s.list][role], missingSide[role])
		} else if !f.ended {
			m.file, m.line = f.path, f.records[len(f.records)-1].line
			m.warnf("", "the file lacks the end-of-file mark Ctrl-Z (0x1A) OFAC writes after the last record: it may be cut short, and remarks continued in the records after it would be incomplete")
		}
	}
	for i, en := range entries {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m.file, m.line = main.path, en.main.line
		m.mapCSVMain(en)
		raws := append([]string{en.main.raw}, en.sideRaws...)
		en.e.Raw = entity.Raw{Format: "csv", Text: strings.Join(raws, "\n")}
		res.Entities = append(res.Entities, en.e)
	}
	finish(res.Entities)
	res.Warnings = m.warnings.List()
	return res, nil
}

var missingSide = [4]string{
	csvMain:     "",
	csvAdd:      "addresses from it are missing",
	csvAlt:      "aliases from it are missing",
	csvComments: "remarks cut at the field limit are incomplete",
}

// mainEntries makes an entry per main record, in file order.
func (s *csvSet) mainEntries(main *csvFile) ([]*csvEntry, map[string]*csvEntry, error) {
	entries := make([]*csvEntry, 0, len(main.records))
	byID := make(map[string]*csvEntry, len(main.records))
	for _, rec := range main.records {
		uid := rec.fields[0]
		if _, dup := byID[uid]; dup {
			return nil, nil, dupError(main.path, rec.line, "ent_num", uid)
		}
		if rec.fields[1] == "" {
			return nil, nil, source.Errorf(source.ErrMalformed, main.path, rec.line, "SDN_Name", "entry %s has no name", uid)
		}
		en := &csvEntry{main: rec, remarks: rec.fields[11],
			e: &entity.Entity{ID: entityID(uid), List: s.list}}
		entries = append(entries, en)
		byID[uid] = en
	}
	return entries, byID, nil
}

// joinSides attaches the side files' records to their entries: comments
// continue the remarks (mid-word, so they are joined without a space),
// add and alt rows are kept for mapping.
func (s *csvSet) joinSides(m *mapper, byID map[string]*csvEntry) {
	for _, role := range []csvRole{csvAdd, csvAlt, csvComments} {
		f := s.files[role]
		if f == nil {
			continue
		}
		for _, rec := range f.records {
			m.file, m.line = f.path, rec.line
			en := byID[rec.fields[0]]
			if en == nil {
				m.warnf("ent_num", "row for ent_num not in %s: ignored", roleFiles[s.list][csvMain])
				continue
			}
			en.sideRaws = append(en.sideRaws, rec.raw)
			switch role {
			case csvComments:
				en.remarks += rec.fields[1]
			case csvAdd:
				if a, ok := csvAddress(m, rec); ok {
					en.e.Addresses = append(en.e.Addresses, a)
				}
			case csvAlt:
				en.alts = append(en.alts, rec)
			}
		}
	}
}
