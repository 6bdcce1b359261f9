// Package textscan finds, in free text (a SWIFT MT103 or ISO 20022
// pacs.008 message, an email, a contract, a news page copied with its
// menus), the listed names of people, organisations and vessels, the
// sanctioned countries, regions and cities, and IMO numbers, BICs and
// crypto addresses, each with its byte span in the input.
//
// A [Scanner] is built once per index ([New], about 150 ms on the real
// lists) and is safe for concurrent use.
//
// # Names
//
// The text is split into words with their byte offsets; a word may be
// part of a name if it is capitalised in a line that has lower-case words
// (in an all-capitals line, any word), and is not a stop word ("said",
// "the", "в", "في"). Runs of such words, which punctuation, line breaks
// and markup end, are looked at only around anchors: words that a listed
// name holds (by phonetic skeleton, or consonant skeleton for Arabic
// script) that are rare among listed names (Options.MinAnchorWeight) and
// are not common words of prose, web pages, titles or payments ("Home",
// "Minister", "Business", "Spare Parts") nor country names. Every window
// of up to five words around an anchor gets a cheap upper bound of its
// score against the names its anchors meet, the window's words and the
// name's compared by skeleton (as numbers): the window's words that meet
// nothing of the name count against it, and so do the name's words that
// nothing in the window meets, beyond those a window word might still
// meet by spelling. A name no window of the run can bring to the
// threshold is forgotten before windows are looked at: in a long
// caseless run (an Arabic or Hangul line, where every other word anchors)
// most names are. A window of one name word is bounded only against the
// names it could be reported for alone (see below). The windows that may
// reach the threshold are searched with the index (the real matcher,
// through [index.Index.Search]), best bound first, and the best hits
// that do not overlap are kept. A scan's tokens, words and bound tables
// live in pooled scratch memory, so that a scan allocates little but its
// findings.
//
// A name found from one word needs a score of 0.95 and five letters, and
// is never a person's: "Lavrov" alone scores 0.89 against Sergei
// Viktorovich Lavrov, and a capitalised word of a headline may be anyone's
// surname. A person's rare name word standing alone is reported only once
// the person was named in full in the same text, with RefersTo pointing to
// that finding. A vessel named by one word needs a word before it saying
// it is one ("MV", "tanker").
//
// Known limits: a name whose words meet the listed ones only by spelling
// edits ("Lavrof") is found only if its other words carry the score; a
// listed name made only of common words ("Islamic State") is not looked
// for; a name broken over two lines is not found.
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
