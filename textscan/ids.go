package textscan

import (
	"bytes"
	"strings"

	"github.com/vetoscreen/veto/countries"
	"github.com/vetoscreen/veto/source/all"
)

// findIDs finds IMO numbers, BICs and crypto addresses: each must pass
// its checksum (BICs, which have none, a valid country code and a
// context), and each is linked to the listed entities that have it.
func (s *Scanner) findIDs(text []byte, toks []token) []Finding {
	var out []Finding
	for i := range toks {
		t := &toks[i]
		if n := t.end - t.start; !t.ascii || n != 7 && n != 8 && n != 10 && n != 11 && n < 14 {
			// No identifier has this length (IMO 7 or 10 with its
			// prefix, BIC 8 or 11, a crypto address 14 and more): most
			// words stop here, before their string is made.
			continue
		}
		w := string(text[t.start:t.end])
		switch {
		case t.digits && len(w) == 7 && imoBefore(text, toks, i):
			if validIMO(w) {
				out = append(out, s.idFinding(KindIMO, text, t.start, t.end, "imo:"+w, "IMO check digit valid"))
			}
		case len(w) == 10 && strings.EqualFold(w[:3], "imo") && validIMO(w[3:]):
			out = append(out, s.idFinding(KindIMO, text, t.start+3, t.end, "imo:"+w[3:], "IMO check digit valid"))
		case (len(w) == 8 || len(w) == 11) && looksBIC(w):
			if ctx := bicContext(text, toks, i); ctx != "" {
				key := w
				if len(w) == 11 && strings.HasSuffix(w, "XXX") {
					key = w[:8]
				}
				f := s.idFinding(KindBIC, text, t.start, t.end, "bic:"+key, "BIC "+ctx)
				if f.Entity == nil && len(w) == 11 {
					// A branch of a listed institution.
					if g := s.idFinding(KindBIC, text, t.start, t.end, "bic:"+w[:8], "BIC "+ctx+"; branch of the listed "+w[:8]); g.Entity != nil {
						f = g
					}
				}
				out = append(out, f)
			}
		default:
			if kind, ok := cryptoKind(w); ok {
				out = append(out, s.idFinding(KindCrypto, text, t.start, t.end, "crypto:"+cryptoKey(w), kind))
			}
		}
	}
	return out
}

// idFinding makes the finding of a valid identifier, linked to the
// first listed entity with it.
func (s *Scanner) idFinding(kind Kind, text []byte, start, end int, key, detail string) Finding {
	f := Finding{Kind: kind, Start: start, End: end, Text: string(text[start:end]), Detail: detail}
	if refs := s.ids[key]; len(refs) > 0 {
		r := refs[0]
		e := r.cand.Entity
		f.Entity = &Entity{ID: e.ID, Caption: e.Caption(), Schema: e.Schema, Lists: r.lists, Regimes: all.ListRegimes(r.lists)}
		f.Score = s.cfg.IDMatch
		if len(refs) > 1 {
			f.Detail += "; also listed for " + refs[1].cand.Entity.ID
		}
	}
	return f
}

// imoBefore reports whether "IMO" (or "IMO No.", "IMO number") comes
// right before token i on its line.
func imoBefore(text []byte, toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k+1].gap >= gapBreak && !bytes.ContainsAny(text[toks[k].end:toks[k+1].start], ":.#") {
			return false
		}
		w := strings.ToLower(string(text[toks[k].start:toks[k].end]))
		switch w {
		case "imo":
			return true
		case "no", "nr", "number", "num":
			continue
		}
		return false
	}
	return false
}

// looksBIC reports whether w has a BIC's shape: four letters of the
// institution, a known ISO country code, two letters or digits of
// location, and optionally three of branch, all in capitals.
func looksBIC(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		letter := c >= 'A' && c <= 'Z'
		if i < 6 && !letter || !letter && !(c >= '0' && c <= '9') {
			return false
		}
	}
	return countries.Known(w[4:6])
}

// bicContext says why a BIC-shaped word at token i is taken for one, or
// returns "": an ISO 20022 element (<BICFI>, <BIC>, <AnyBIC>), a SWIFT
// MT field of option A (:52A:, :57A: ...), or a "BIC" or "SWIFT" keyword
// shortly before it on the same line. Without context, capitalised
// eight-letter words ("DIRECTOR") would be taken for BICs.
func bicContext(text []byte, toks []token, i int) string {
	t := &toks[i]
	switch tag := tagBefore(text, t.start); tag {
	case "BICFI", "BIC", "AnyBIC", "BICOrBEI":
		return "in <" + tag + ">"
	}
	if tag := mtField(text, t.start); tag != "" {
		return "in field " + tag
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		// The keyword must be in the same sentence: only a colon,
		// slash or bracket may separate it.
		if toks[k].line != t.line || len(bytes.Trim(text[toks[k].end:toks[k+1].start], " :/#()")) > 0 {
			break
		}
		switch strings.ToUpper(string(text[toks[k].start:toks[k].end])) {
		case "BIC", "SWIFT", "BICFI":
			return "after " + string(text[toks[k].start:toks[k].end])
		}
	}
	return ""
}

// mtField returns the SWIFT MT field of option A (":57A:") that the
// line holding offset i belongs to, or "": the field's tag starts its
// first line, and its other lines do not start with ':'.
func mtField(text []byte, i int) string {
	lineStart := bytes.LastIndexByte(text[:i], '\n') + 1
	for hops := 0; hops < 4; hops++ {
		line := text[lineStart:]
		if len(line) >= 5 && line[0] == ':' {
			end := bytes.IndexByte(line[1:], ':')
			if end < 2 || end > 4 {
				return ""
			}
			tag := string(line[:end+2])
			if tag[1] == '5' && tag[len(tag)-2] == 'A' {
				return tag
			}
			return ""
		}
		if lineStart == 0 {
			return ""
		}
		lineStart = bytes.LastIndexByte(text[:lineStart-1], '\n') + 1
	}
	return ""
}

// cryptoKind returns what kind of crypto address w is, if it is a valid
// one: Bitcoin (base58check P2PKH and P2SH, bech32 and bech32m segwit),
// Ethereum (EIP-55 checked when mixed case), Tron, Litecoin.
func cryptoKind(w string) (string, bool) {
	switch {
	case len(w) == 42 && w[0] == '0' && w[1] == 'x':
		ok, checked := validEthereum(w)
		switch {
		case ok && checked:
			return "Ethereum address, EIP-55 checksum valid", true
		case ok:
			return "Ethereum address (one case: no checksum to check)", true
		}
	case len(w) >= 14 && strings.EqualFold(w[:3], "bc1"):
		if validSegwit(w) {
			return "Bitcoin segwit address, bech32 checksum valid", true
		}
	case len(w) >= 26 && len(w) <= 35:
		version, ok := base58Check(w)
		if !ok {
			return "", false
		}
		switch {
		case version == 0x00 && w[0] == '1':
			return "Bitcoin P2PKH address, base58check valid", true
		case version == 0x05 && w[0] == '3':
			return "Bitcoin P2SH address, base58check valid", true
		case version == 0x41 && w[0] == 'T':
			return "Tron address, base58check valid", true
		case version == 0x30 && w[0] == 'L', version == 0x32 && w[0] == 'M':
			return "Litecoin address, base58check valid", true
		}
	}
	return "", false
}

// findPlaces finds sanctioned places by their names and adjectives, in
// the languages and scripts of the place table. In a line with
// lower-case words a Latin or Cyrillic place name must be capitalised.
func (s *Scanner) findPlaces(text []byte, toks []token, sc *scratch) []Finding {
	sc.cased = lineCasing(toks, sc.cased)
	cased := sc.cased
	var out []Finding
	// fold returns word k folded, in buf when the word is ASCII (most
	// words of most texts): the table lookups then make no string.
	var buf [32]byte
	fold := func(k int) []byte {
		w := toks[k].word(text)
		if toks[k].ascii && len(w) <= len(buf) {
			for i, c := range w {
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[i] = c
			}
			return buf[:len(w)]
		}
		return []byte(foldWord(w))
	}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.digits || cased[t.line] && !t.upper && !t.caseless {
			continue
		}
		phrases, hangulEnd := s.places[string(fold(i))], 0
		if len(phrases) == 0 && t.caseless {
			phrases, hangulEnd = s.hangulPrefix(text, t)
		}
	phrase:
		for _, p := range phrases {
			if i+len(p.words) > len(toks) {
				continue
			}
			for k := 1; k < len(p.words); k++ {
				if toks[i+k].gap >= gapBreak || string(fold(i+k)) != p.words[k] {
					continue phrase
				}
			}
			end := toks[i+len(p.words)-1].end
			if hangulEnd > 0 {
				end = hangulEnd
			}
			score := 1.0
			if p.place.Adjective {
				score = 0.9
			}
			out = append(out, Finding{Kind: KindPlace, Start: t.start, End: end, Text: string(text[t.start:end]), Score: score, Place: p.place})
			i += len(p.words) - 1
			break
		}
	}
	return out
}

// hangulPrefix finds a Korean place name with a particle glued to it
// ("북한의", "평양에서"): the longest prefix of the word that is a place,
// if at most hangulParticleMax syllables follow it.
func (s *Scanner) hangulPrefix(text []byte, t *token) ([]placePhrase, int) {
	w := []rune(string(t.word(text)))
	for n := len(w) - 1; n >= 2 && len(w)-n <= hangulParticleMax; n-- {
		if ps := s.places[foldWord([]byte(string(w[:n])))]; len(ps) > 0 && len(ps[len(ps)-1].words) == 1 {
			return ps[len(ps)-1:], t.start + len(string(w[:n]))
		}
	}
	return nil, 0
}
