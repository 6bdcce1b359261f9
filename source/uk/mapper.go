package uk

import (
	"fmt"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// mapper holds what mapping one file needs besides the record: the file
// name for warnings, and the warnings themselves.
type mapper struct {
	file  string
	warns source.Warnings
}

// warn records something read but not mapped.
func (m *mapper) warn(line int, field, format string, args ...any) {
	m.warns.Add(m.file, line, field, fmt.Sprintf(format, args...))
}

// countries resolves a country cell, warning about what it cannot read.
func (m *mapper) countries(line int, field, s string) []string {
	codes, ok := countryCodes(s)
	if !ok {
		m.warn(line, field, "unknown country %q", strings.TrimSpace(s))
	}
	return codes
}

// gender maps "Male"/"Female" to FtM's values.
func (m *mapper) gender(e *entity.Entity, line int, field, s string) {
	switch g := strings.ToLower(strings.TrimSpace(s)); g {
	case "":
	case "male", "female":
		if e.Gender != "" && e.Gender != g {
			m.warn(line, field, "second gender %q (kept %q)", s, e.Gender)
			return
		}
		e.Gender = g
	default:
		m.warn(line, field, "unknown gender %q", s)
	}
}

// birthDate adds a date of birth, warning when it cannot be read.
func (m *mapper) birthDate(e *entity.Entity, line int, field, s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	r, err := parseBirthDate(s)
	if err != nil {
		m.warn(line, field, "unreadable date %q", strings.TrimSpace(s))
		return
	}
	e.AddBirthDate(r)
}

// nonLatinName builds a name the publisher gives in its original script:
// the script is read from the letters (the publisher's script type is the
// fallback, as it is often missing or misspelt) and the language from the
// publisher's language name.
func (m *mapper) nonLatinName(line int, field, full, scriptName, langName string, kind entity.NameKind) entity.Name {
	n := entity.Name{Full: strings.TrimSpace(full), Kind: kind}
	st, known := scriptType(scriptName)
	if !known && strings.TrimSpace(scriptName) != "" {
		m.warn(line, field+" script type", "unknown script type %q", strings.TrimSpace(scriptName))
	}
	n.Script = scriptOf(n.Full)
	if n.Script == "" {
		n.Script = st
	}
	if langName = strings.TrimSpace(langName); langName != "" {
		code, ok := langCode(langName)
		if !ok {
			m.warn(line, field+" language", "unknown language %q", langName)
		}
		n.Lang = code
	}
	return n
}

// addRelation appends a relation unless an equal one is there.
func addRelation(e *entity.Entity, r entity.Relation) {
	r.Name = strings.TrimSpace(r.Name)
	if r.Target == "" && r.Name == "" {
		return
	}
	for _, x := range e.Relations {
		if x == r {
			return
		}
	}
	e.Relations = append(e.Relations, r)
}

// addAddress appends an address unless one with the same text is there.
func addAddress(e *entity.Entity, a entity.Address) {
	if a.Full == "" {
		return
	}
	for _, x := range e.Addresses {
		if x.Full == a.Full {
			return
		}
	}
	e.Addresses = append(e.Addresses, a)
}

// joinParts joins the non-empty parts of an address with ", ".
func joinParts(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}

// addNote appends a free-text remark unless it is empty or already there.
func addNote(e *entity.Entity, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	for _, x := range e.Notes {
		if x == s {
			return
		}
	}
	e.Notes = append(e.Notes, s)
}

// addProgram appends a regime unless it is empty or already there.
func addProgram(e *entity.Entity, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	for _, x := range e.Programs {
		if x == s {
			return
		}
	}
	e.Programs = append(e.Programs, s)
}

// errorf wraps a sentinel with a message.
func errorf(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))
}
