// Package batch screens files of customers: CSV or JSON lines in, one
// result per input row out, in input order, on every core, resumable after
// an interruption.
//
// # Input
//
// A CSV file has a header row. The delimiter (comma, semicolon, tab or
// vertical bar) is detected from the header, a UTF-8 byte order mark (as
// Excel writes) is skipped, lines may end in CRLF, and quoted fields may
// hold delimiters, quotes ("") and newlines. The columns screened are
// found by their header (see [Mapping]): name, or first and last name;
// date of birth; country; the customer's own ID; schema; an identifier
// (passport, tax ID). A JSON-lines file holds one query per line, as
// veto screen --jsonl reads them ([match.Query]: id, schema, name,
// aliases, birthDate, country, idNumber, gender).
//
// A record that cannot be read — a wrong number of fields, bad quoting,
// invalid UTF-8, no name, an invalid date, country or schema, a line that
// is not a JSON query — comes back as a [Row] with Err set, naming its
// line and reason; the rows after it are read as usual. A quoted field
// left open costs only the line it starts on: the reader joins lines
// while a quote is open, and if the joined record does not parse into the
// header's number of fields it reports the first line alone and goes on
// with the next (see csvReader).
//
// # Output
//
// [Run] writes one output row per input record, in input order: JSON
// lines in the shape of veto screen --jsonl ([screen.Result] and the
// input line number), or CSV with the best hit and all hits in one
// column. A record that could not be read gives an output row too, with
// its error and no hits, so that the output lines up with the input; it
// is also written to the errors file (CSV: line, reason, record). Every
// output row names the list versions it was screened against, in compact
// form ("eu-fsf@3,un-sc@7"): the last CSV column, "versions", or the
// "versions" field of a JSON line. A run screens against one snapshot of
// the lists, taken when it starts, so the value is the same on every row;
// it is repeated so that a row copied out of the file still says it, and
// put last so that readers of the other columns, by header or position,
// read them as before.
//
// # Checkpoints
//
// Every few thousand rows Run flushes the output and errors files and
// then writes a checkpoint beside the output (atomically: a temporary
// file renamed): where the input was read up to, the sizes of the output
// and errors files, and identities of the input and of the options that
// change the output. A run that finds a checkpoint truncates the output
// files to the recorded sizes and goes on from the recorded input offset,
// so an interrupted and resumed run writes exactly the bytes of an
// uninterrupted one; it refuses to resume when the input or the options
// changed.
package batch
