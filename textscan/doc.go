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
// (in an all-capitals line, any word), and is not a stop word ("said",
// "the", "в", "في"). Runs of such words, which punctuation, line breaks
// and markup end, are looked at only around anchors: words that a listed
// name holds (by phonetic skeleton, or, for Arabic script, by consonant
// skeleton and only where the matcher finds the listed word similar at
// all; a word no listed name has anchors on the listed words it may be a
// spelling of, so that "Lavrof" anchors as Lavrov does) that are rare
// among listed names (Options.MinAnchorWeight) and are
// not common words of prose, web pages, titles or payments, in English,
// Russian or Arabic ("Home", "Minister", "Компания", "خلال"), nor country
// names.
//
// Every window of up to five words around an anchor gets an upper bound
// of its score against each name its anchors meet, from skeletons
// compared as numbers: the window's words that meet the name's count as
// matched (at SimConsAbjad when they share only consonants); the name's
// words that no window word meets cost UnmatchedCandidate of their
// weight, but for those a window word that meets nothing may be a
// spelling of, which index.Index.Similar (the search's own expansion of
// the word) tells. A window that passes is bounded again, each of its
// unmatched words either spelling one of the name's words or weighing in
// the denominator what a search would weigh it. A name no window of the
// run can bring to the threshold is forgotten before windows are looked
// at: in a long caseless run (an Arabic or Hangul line) most names are. A
// window of one name word is bounded only against the names it could be
// reported for alone (see below).
//
// The windows that may reach the threshold are scored, best bound first,
// by the real matcher against the names their bound let through
// (index.Index.SearchNames: the same weights and scores as a search); a
// window that holds a name is then searched in the whole index for a
// better one, as screening its text would find it. The best hits that do
// not overlap are kept. What a run and a window give depends on their
// text, the word before them (a vessel's "MV") and the options only, so
// both are remembered: names recur within a text and across the messages
// of a day. A scan's tokens, words and bound tables live in pooled
// scratch memory.
//
// A name found from one word needs a score of 0.95 and five letters, and
// is never a person's: "Lavrov" alone scores 0.89 against Sergei
// Viktorovich Lavrov, and a capitalised word of a headline may be anyone's
// surname. A person's rare name word standing alone is reported only once
// the person was named in full in the same text, with RefersTo pointing to
// that finding. A vessel named by one word needs a word before it saying
// it is one ("MV", "tanker").
//
// Known limits: a name is looked for only around a rare word, so a name
// made only of common words ("Islamic State") is not looked for, nor one
// whose rare word is misspelt beyond what the matcher allows or shorter
// than five letters ("Vladimir Putn"); a name broken over two lines is
// not found. Arabic prose is scanned an order of magnitude
// more slowly than English (every word of a caseless script may be part
// of a name, and many ordinary Arabic words share consonants with listed
// names).
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
