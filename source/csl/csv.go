package csl

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/vetoscreen/veto/source"
)

// The columns of the CSV file, found by their header.
const (
	colID                   = "_id"
	colSource               = "source"
	colEntityNumber         = "entity_number"
	colType                 = "type"
	colPrograms             = "programs"
	colName                 = "name"
	colTitle                = "title"
	colAddresses            = "addresses"
	colFederalRegister      = "federal_register_notice"
	colStartDate            = "start_date"
	colEndDate              = "end_date"
	colStandardOrder        = "standard_order"
	colLicenseRequirement   = "license_requirement"
	colLicensePolicy        = "license_policy"
	colCallSign             = "call_sign"
	colVesselType           = "vessel_type"
	colGrossTonnage         = "gross_tonnage"
	colGrossRegTonnage      = "gross_registered_tonnage"
	colVesselFlag           = "vessel_flag"
	colVesselOwner          = "vessel_owner"
	colRemarks              = "remarks"
	colSourceListURL        = "source_list_url"
	colAltNames             = "alt_names"
	colCitizenships         = "citizenships"
	colDatesOfBirth         = "dates_of_birth"
	colNationalities        = "nationalities"
	colPlacesOfBirth        = "places_of_birth"
	colSourceInformationURL = "source_information_url"
	colIDs                  = "ids"
)

// required are the columns without which a row cannot be read: its ID,
// its list and its name.
var required = []string{colID, colSource, colEntityNumber, colType, colName}

// known are the other columns of the 29-column file.
var known = []string{colPrograms, colTitle, colAddresses, colFederalRegister, colStartDate, colEndDate,
	colStandardOrder, colLicenseRequirement, colLicensePolicy, colCallSign, colVesselType, colGrossTonnage,
	colGrossRegTonnage, colVesselFlag, colVesselOwner, colRemarks, colSourceListURL, colAltNames,
	colCitizenships, colDatesOfBirth, colNationalities, colPlacesOfBirth, colSourceInformationURL, colIDs}

// reader reads the rows of the file with their raw text.
type reader struct {
	file  string
	data  []byte
	csv   *csv.Reader
	col   map[string]int
	extra []int // columns with an unknown header
	names []string
	warn  *source.Warnings
}

// record is one row.
type record struct {
	line  int
	raw   string
	cells []string
	r     *reader
}

// get returns the trimmed cell of a column, "" when the file lacks it.
func (rec *record) get(col string) string {
	i, ok := rec.r.col[col]
	if !ok {
		return ""
	}
	return strings.TrimSpace(rec.cells[i])
}

// newReader reads the header and recognises the file by it.
func newReader(path string, data []byte, warn *source.Warnings) (*reader, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	header, err := cr.Read()
	if err != nil {
		return nil, source.Errorf(source.ErrFormat, path, 1, "", "not a CSV file with a header: %v", err)
	}
	rd := &reader{file: path, data: data, csv: cr, col: make(map[string]int), names: header, warn: warn}
	for i, h := range header {
		rd.col[strings.TrimSpace(h)] = i
	}
	var missing []string
	for _, c := range required {
		if _, ok := rd.col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, source.Errorf(source.ErrFormat, path, 1, missing[0],
			"header lacks the column(s) %s of the Consolidated Screening List", strings.Join(missing, ", "))
	}
	for _, c := range known {
		if _, ok := rd.col[c]; !ok {
			warn.Add(path, 1, c, "column missing from the header")
		}
	}
	for i, h := range header {
		if !contains(required, h) && !contains(known, h) {
			rd.extra = append(rd.extra, i)
			warn.Add(path, 1, h, "unknown column, not read")
		}
	}
	return rd, nil
}

// next returns the next row, or nil at the end of the file.
func (rd *reader) next() (*record, error) {
	start := rd.csv.InputOffset()
	cells, err := rd.csv.Read()
	if err == io.EOF {
		return nil, nil
	}
	if err != nil {
		return nil, rd.error(err)
	}
	line, _ := rd.csv.FieldPos(0)
	raw := string(rd.data[start:rd.csv.InputOffset()])
	raw = strings.TrimSuffix(strings.TrimSuffix(raw, "\n"), "\r")
	for _, i := range rd.extra {
		if strings.TrimSpace(cells[i]) != "" {
			rd.warn.Add(rd.file, line, rd.names[i], "value in a column that is not read")
		}
	}
	return &record{line: line, raw: raw, cells: cells, r: rd}, nil
}

// error turns a CSV error into a ParseError. A row cut short at the end
// of a file that does not end with a line break is a truncated file.
func (rd *reader) error(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return source.Errorf(source.ErrMalformed, rd.file, 0, "", "%v", err)
	}
	atEnd := rd.csv.InputOffset() >= int64(len(rd.data)) && !bytes.HasSuffix(rd.data, []byte("\n"))
	switch {
	case atEnd:
		return source.Errorf(source.ErrTruncated, rd.file, pe.StartLine, "", "file ends inside a row: %v", pe.Err)
	case errors.Is(pe.Err, csv.ErrFieldCount):
		return source.Errorf(source.ErrMalformed, rd.file, pe.StartLine, "",
			"row has a different number of fields than the header's %d", len(rd.names))
	}
	return source.Errorf(source.ErrMalformed, rd.file, pe.StartLine, "", "%v", pe.Err)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
