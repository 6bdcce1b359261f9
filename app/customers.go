package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/monitor"
)

// importChunk is how many customers are stored (and screened) at once.
const importChunk = 1000

// CustomerImport says what ImportCustomers did.
type CustomerImport struct {
	// Rows read; Imported customers stored, Changed among them added or
	// changed (and so screened); Errors rows not imported, Warnings rows
	// imported without an unreadable optional field.
	Rows     int64
	Imported int
	Changed  int
	Errors   int64
	Warnings int64
	// File is the errors file, when rows were not imported.
	File string
	// Alerted are the alerts raised.
	Alerted []entity.Alert
}

// ImportCustomers stores the customers of a file (CSV or JSON lines, read
// as batch reads them) in chunks through the Monitor, which screens those
// added or changed and raises their alerts. Each row needs an ID, the
// bank's own reference: a customer stored under it is replaced. Rows that
// cannot be read, or have no ID, go to errorsPath with their line and
// reason (the file is removed when there are none); the others are
// imported. Once it began reading, it returns what it did even with an
// error, for the audit trail: the customers screened until then are
// screenings.
func (a *App) ImportCustomers(ctx context.Context, path, errorsPath string, ro batch.ReadOptions) (*CustomerImport, error) {
	in, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	rd, err := batch.NewReader(in, path, ro)
	if err != nil {
		return nil, err
	}
	ef, err := os.Create(errorsPath)
	if err != nil {
		return nil, err
	}
	defer ef.Close()
	ew := batch.NewErrorsWriter(ef)
	if err := ew.Header(); err != nil {
		return nil, err
	}
	rep := &CustomerImport{}
	var chunk []entity.Customer
	seen := map[string]int{} // ID → line, in the chunk
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		changed, alerts, err := a.Monitor.Put(ctx, chunk)
		if err != nil {
			return fmt.Errorf("%s: store customers: %w", path, err)
		}
		rep.Imported += len(chunk)
		rep.Changed += len(changed)
		rep.Alerted = append(rep.Alerted, alerts...)
		chunk, seen = chunk[:0], map[string]int{}
		return nil
	}
	for {
		row, err := rd.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return rep, err
		}
		rep.Rows++
		c := row.Customer()
		if row.Err == nil {
			if c.ID == "" {
				row.Err = &batch.ParseError{File: path, Line: row.Line, Err: fmt.Errorf("%w: no customer id (map the column with --map id=COLUMN)", batch.ErrInvalid)}
			} else if err := monitor.Validate(&c); err != nil {
				row.Err = &batch.ParseError{File: path, Line: row.Line, Err: fmt.Errorf("%w: %v", batch.ErrInvalid, err)}
			}
		}
		if row.Err == nil && row.Warning != nil {
			rep.Warnings++
			if err := ew.WriteWarning(&row); err != nil {
				return rep, fmt.Errorf("write %s: %w", errorsPath, err)
			}
		}
		if row.Err != nil {
			rep.Errors++
			if row.Raw == "" {
				row.Raw = strings.Join(row.Fields, ",")
			}
			if err := ew.Write(&row); err != nil {
				return rep, fmt.Errorf("write %s: %w", errorsPath, err)
			}
			continue
		}
		if _, dup := seen[c.ID]; dup { // the later row replaces the earlier one, as in a second import
			if err := flush(); err != nil {
				return rep, err
			}
		}
		seen[c.ID] = row.Line
		if chunk = append(chunk, c); len(chunk) >= importChunk {
			if err := flush(); err != nil {
				return rep, err
			}
		}
	}
	if err := flush(); err != nil {
		return rep, err
	}
	if err := ew.Flush(); err != nil {
		return rep, fmt.Errorf("write %s: %w", errorsPath, err)
	}
	if rep.Errors > 0 {
		rep.File = errorsPath
	} else {
		ef.Close()
		os.Remove(errorsPath) // nothing to report
	}
	return rep, nil
}
