// Package textscan finds, in free text (a SWIFT MT103 or ISO 20022
// pacs.008 message, an email, a contract, a news page copied with its
// menus), the listed names of people, organisations and vessels, the
// sanctioned countries, regions and cities, and IMO numbers, BICs and
// crypto addresses, each with its byte span in the input.
//
// A [Scanner] is built once per index ([New], about 250 ms on the real
// lists) and is safe for concurrent use.
//
// # Names
//
// The text is split into words with their byte offsets; a word may be
// part of a name if it is capitalised in a line that has lower-case words
// (in an all-capitals line, any word), or a number of five digits or
// fewer, which may end a name (with its legal form: "NORD STREAM 2 AG")
// but neither starts nor anchors one, and is not a stop word ("said", "the", "в", "في"). Runs
// of such words, which punctuation, an empty line
// and markup end, are looked at only around anchors. One line break does
// not end a run: prose wraps its lines, and a payment message its fields,
// inside names ("President Vladimir" / "Putin said", "PUBLIC JOINT STOCK
// COMPANY SBERBANK" / "OF RUSSIA"); a word hyphenated at the end of a
// line ("Prigo-" / "zhin") is read whole, while a particle's hyphen
// ("al-") or a capital after it ("Abdul-" / "Rahman") keeps two words.
// Anchors are words that a listed name holds (by phonetic skeleton, or,
// for Arabic script, by consonant skeleton and only where the matcher
// finds the listed word similar at all; a word no listed name has anchors
// on the listed words it may be a spelling of, so that "Lavrof" anchors
// as Lavrov does) that are rare among listed names
// (Options.MinAnchorWeight) and are not common words of prose, web pages,
// titles or payments, in English, Russian or Arabic ("Home", "Minister",
// "Компания", "خلال"), nor country names.
//
// Every window of up to five words around an anchor gets an upper bound
// of its score against each name its anchors meet, which never falls
// below what a search of the window's text scores that name
// (TestBoundsHoldScores checks it against index.Index.SearchNames): the
// window's tokens that meet a token of the name by phonetic or consonant
// skeleton, alone or glued to a neighbour, count as matched; a token that
// may meet one by spelling (index.Index.Similar) counts matched or not,
// whichever bounds higher; a word no listed name has weighs what a search
// settles it to; a word of a legal form of several words ("Joint Stock
// Company") may weigh nothing; a window's word left unmatched costs its
// weight, or QueryMiddleShare of it where the window may read it as a
// middle name, a patronymic UnmatchedCandidate of it, a title nothing.
// The name's tokens that no token of the window meets cost the least
// share of their weight their role allows (match.Config.NameShare by the
// name's Places: a middle name little, a surname much), but those a
// token of the window may meet by spelling. A name no window of the run
// can bring to the threshold is forgotten before windows are looked at:
// in a long caseless run (an Arabic or Hangul line) most names are. A
// window of one name word is bounded only against the names it could be
// reported for alone (see below).
//
// The windows that may reach the threshold are scored, best bound first,
// by the real matcher against the names their bound let through
// (index.Index.SearchNames: the same weights and scores as a search); a
// window that holds a name is then searched in the whole index for a
// better one, as screening its text would find it. The best hits that do
// not overlap are kept, the longer first. A window that starts or ends
// with a word its analysis reads as a title the listed name lacks is no
// finding: the window without it scores as much, and a finding's span is
// the name without its title ("Sergei Lavrov" in "Foreign Minister
// Sergei Lavrov"). What a run and a window give depends on their text,
// the word before them (a vessel's "MV"), whether their lines have small
// letters, and the options only, so both are remembered: names recur
// within a text and across the messages of a day. A scan's tokens, words
// and bound tables live in pooled scratch memory.
//
// A name found from one word needs a score of 0.95 and five letters, and
// is not a person's unless a title stands before the word ("President
// Erdoğan", "Sheikh Tamim", "Mr Lavrov"; then the threshold): "Lavrov"
// alone scores 0.93 against Sergei Viktorovich Lavrov, and a capitalised
// word of a headline may be anyone's surname. A person's rare name word
// standing alone, or after a title, is reported as that person once the
// person was named in full in the same text, with RefersTo pointing to
// that finding. A vessel named by one word needs a word before it saying
// it is one ("MV", "tanker", "yacht").
//
// An organisation or vessel met only by common words of prose ("the Cold
// War-era START pact", "the Asia-Pacific region", "a Silver Star") is a
// finding only with what makes it a name beside those words: a legal form
// ("JSC START", "Asia Pacific Links Ltd"), for a vessel a word saying one
// follows, or an identifier of the entity in the text or any on the same
// line; another of its words that is not a common word ("SEA STAR III")
// makes it no common words' hit.
//
// Known limits: a name is looked for only around a rare word, so a name
// made only of common words ("Islamic State") is not looked for, nor one
// whose rare word is misspelt beyond what the matcher allows or shorter
// than five letters ("Vladimir Putn"); a quoted nickname inside a name
// ("Joaquín "El Chapo" Guzmán") breaks it. The bounds read each word as
// names analyses it alone, and the windows' texts as names analyses them:
// where the two differ beyond what the bounds allow for (legal forms and
// titles of several words, a word that is a legal form only at a name's
// end, initials run together), a bound might fall short; none does on the
// texts TestBoundsHoldScores writes. Arabic prose is scanned an order of
// magnitude more slowly than English (every word of a caseless script may
// be part of a name, and many ordinary Arabic words share consonants with
// listed names).
//
// # Places
//
// Sanctioned places are found by a table of names and adjectives in
// English, French, German, Spanish, Russian and Ukrainian (with their
// inflected forms), Arabic, Persian and Korean (with particles glued
// on). "embargo" marks comprehensive or territorial sanctions (Iran,
// Syria, North Korea, Cuba, Crimea, Donetsk, Luhansk, the occupied parts
// of Zaporizhzhia and Kherson, and their cities); "sanctions" marks
// countries under broad but targeted regimes (Russia, Belarus,
// Venezuela, Myanmar), where the place alone proves nothing. Adjectives
// ("Iranian tanker") count, flagged as such and scored 0.9.
//
// # Identifiers
//
// IMO numbers need "IMO" before them and a valid check digit. BICs need
// a known country code and a context: an MT field of option A (:52A:,
// :57A: ...), an ISO 20022 element (<BICFI>), or "BIC" or "SWIFT" before
// them in the same sentence. Crypto addresses need a valid checksum:
// base58check (Bitcoin P2PKH and P2SH, Tron, Litecoin), bech32 and
// bech32m (Bitcoin segwit), EIP-55 for a mixed-case Ethereum address.
// Each is linked to the listed entity that has it.
package textscan
