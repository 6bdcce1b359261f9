package source

import "github.com/vetoscreen/veto/entity"

// Warnings counts things a parser read but did not map. Warnings with the
// same field and message are one warning with a count; the first
// occurrence's file and line are kept. The zero value is ready to use; it
// is not safe for concurrent use.
type Warnings struct {
	order []string
	byKey map[string]*entity.Warning
}

// Add records one occurrence.
func (w *Warnings) Add(file string, line int, field, message string) {
	key := field + "\x00" + message
	if x, ok := w.byKey[key]; ok {
		x.Count++
		return
	}
	if w.byKey == nil {
		w.byKey = make(map[string]*entity.Warning)
	}
	w.byKey[key] = &entity.Warning{File: file, Line: line, Field: field, Message: message, Count: 1}
	w.order = append(w.order, key)
}

// List returns the warnings in order of first occurrence.
func (w *Warnings) List() []entity.Warning {
	out := make([]entity.Warning, 0, len(w.order))
	for _, k := range w.order {
		out = append(out, *w.byKey[k])
	}
	return out
}

// Len returns the number of distinct warnings.
func (w *Warnings) Len() int { return len(w.order) }
