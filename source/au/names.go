package au

import (
	"regexp"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/source"
)

// nameTypes maps the Name Type column, lower case with single spaces, to
// the kind of name. The sheet spells the same type in many ways
// ("Primary Name", "Primary name", "primary Name", "Primary Name ",
// "aka", "Aka", "AKA ").
var nameTypes = map[string]entity.NameKind{
	"primary name":           entity.Primary,
	"aka":                    entity.Alias,
	"a.k.a.":                 entity.Alias,
	"a.k.a":                  entity.Alias,
	"alias":                  entity.Alias,
	"original script":        entity.Alias,
	"fka":                    entity.Previous,
	"f.k.a.":                 entity.Previous,
	"formerly known as":      entity.Previous,
	"previously listed as":   entity.Previous,
	"formerly listed as":     entity.Previous,
	"previously known as":    entity.Previous,
	"low quality aka":        entity.WeakAlias,
	"low quality alias":      entity.WeakAlias,
	"weak aka":               entity.WeakAlias,
	"nickname":               entity.WeakAlias,
	"primary name variant":   entity.Alias,
	"primary name variation": entity.Alias,
}

// nameType normalises a Name Type cell.
func nameType(s string) string {
	return strings.ToLower(strings.TrimSuffix(source.Clean(s), ":"))
}

var (
	// listedAsRe is a former name marked in the name itself: "Mohamed
	// Aouani (formerly listed as)", "Ri'ad Hijazi (Previously listed as.
	// In Arabic: رياض ...)".
	listedAsRe = regexp.MustCompile(`(?i)\s*\((?:previously|formerly)\s+listed\s+as\b[.,:]?\s*(.*?)\)?\s*$`)
	inScriptRe = regexp.MustCompile(`(?i)^in\s+([a-z]+)(?:\s+script)?\s*:\s*(.+)$`)
	fkaRe      = regexp.MustCompile(`(?i)^(?:formerly|previously)\s+known\s+as\s+`)
)

// languages maps the language names the sheet uses in "In Arabic:" to
// ISO 639-1 codes.
var languages = map[string]string{"arabic": "ar", "russian": "ru", "persian": "fa", "farsi": "fa",
	"chinese": "zh", "korean": "ko", "pashto": "ps", "urdu": "ur", "ukrainian": "uk", "belarusian": "be"}

// readName cleans the name cell of a row whose Name Type gives kind, and
// returns the names it holds. Besides the name, the cell may mark it as a
// former name ("(formerly listed as)", a leading "Formerly known as") and
// give it in another script ("(Previously listed as. In Arabic: ...)").
// Names of "Original Script" rows get their Script from their letters.
// The marks occur on alias rows; on the primary row the caller keeps the
// name primary.
func readName(cell string, kind entity.NameKind, original bool) []entity.Name {
	s := source.Clean(cell)
	var extra []entity.Name
	if m := listedAsRe.FindStringSubmatchIndex(s); m != nil {
		kind = entity.Previous
		if inner := strings.TrimSpace(s[m[2]:m[3]]); inner != "" {
			n := entity.Name{Full: inner, Kind: entity.Previous}
			if sm := inScriptRe.FindStringSubmatch(inner); sm != nil {
				n.Full, n.Lang = strings.TrimSpace(sm[2]), languages[strings.ToLower(sm[1])]
			}
			n.Script = source.ScriptOf(n.Full)
			extra = append(extra, n)
		}
		s = strings.TrimSpace(s[:m[0]])
	}
	if loc := fkaRe.FindStringIndex(s); loc != nil {
		kind, s = entity.Previous, s[loc[1]:]
	}
	n := entity.Name{Full: s, Kind: kind}
	if original {
		n.Script = source.ScriptOf(s)
	}
	return append([]entity.Name{n}, extra...)
}
