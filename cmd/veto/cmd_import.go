package main

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/batch"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/refresh"
	"github.com/vetoscreen/veto/source"
	"github.com/vetoscreen/veto/source/all"
	"github.com/vetoscreen/veto/source/csvlist"
	"github.com/vetoscreen/veto/source/ftm"
)

func newImportCommand(g *globalOptions) *cobra.Command {
	var o refreshOptions
	cmd := &cobra.Command{
		Use:   "import PUBLISHER PATH... | import ftm|csv FILE --list NAME --kind KIND",
		Short: "Store list versions read from local files",
		Long: `Read list files of one publisher (files, or folders whose files are all
read) in any of the publisher's official formats, and store a new version of
each list found, with the same checks as update. The format is recognised
from the content.

Publishers: ofac, un, eu, uk, ca, au, csl. Lists of your own, or other
watchlists (PEPs, OpenSanctions), are imported with "veto import ftm" from
FollowTheMoney JSON lines and "veto import csv" from CSV: see their help. With "all", PATH is a folder whose
subfolders are each read as whatever list they hold (folders that hold no list
are skipped), and each list's versions are stored oldest first by the publish
date read from the files; versions of a format without one (OFAC's CSV) keep
the folders' name order and go first. File modification times never order
versions.

Content the store already holds, as any version, is reported "unchanged, same
as version N" and changes nothing, so importing the same files again adds no
version (--force stores it again as a rollback). A file cut short is refused
(exit status 3) and nothing stored changes.`,
		Example: `  veto import un ~/lists/un/consolidated.xml
  veto import ofac ~/lists/ofac/            # sdn.csv, add.csv, alt.csv, sdn_comments.csv
  veto import ofac SDN_ENHANCED.ZIP CONS_ENHANCED.ZIP
  veto import all ../shared/data`,
		Args: args(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return runImport(cmd.Context(), g, &o, a[0], a[1:])
		},
	}
	o.addFlags(cmd, false)
	cmd.AddCommand(newImportFtMCommand(g), newImportCSVCommand(g))
	return cmd
}

func runImport(ctx context.Context, g *globalOptions, o *refreshOptions, publisher string, paths []string) error {
	var pub *source.Publisher
	if publisher != "all" {
		var err error
		if pub, err = all.Publisher(publisher); err != nil {
			return usageError{err}
		}
	} else if len(paths) != 1 {
		return usageError{fmt.Errorf("import all takes one folder")}
	}
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	r := &refresh.Refresher{Store: st, Config: o.Config, Logger: g.logger()}
	var outcomes []refresh.Outcome
	if pub == nil {
		var skipped []error
		outcomes, skipped, err = r.ImportDir(ctx, paths[0], all.ParseFolders)
		for _, s := range skipped {
			g.logger().Info("no list in folder", "reason", s)
		}
	} else {
		outcomes, err = r.Import(ctx, pub, paths)
	}
	if err != nil {
		return err
	}
	return reportOutcomes(g.stdout, outcomes, o.JSON)
}

// userListOptions describe a list imported from FtM or CSV: its name and
// what the user says of it.
type userListOptions struct {
	List, Title, Publisher, Jurisdiction, Kind string
}

func (o *userListOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.List, "list", "", "the list's name, e.g. os-peps (required; lower case letters, digits, '-')")
	f.StringVar(&o.Title, "title", "", "the list's title for people (default: its name)")
	f.StringVar(&o.Publisher, "publisher", "", "who publishes it, e.g. OpenSanctions; its letters and digits, lower case, prefix the entities' IDs (default: the list's name)")
	f.StringVar(&o.Jurisdiction, "jurisdiction", "", "the regime the list belongs to, as --lists and --regimes name it (default: the list's name)")
	f.StringVar(&o.Jurisdiction, "regime", "", "same as --jurisdiction")
	f.StringVar(&o.Kind, "kind", "", "the list's kind: "+strings.Join(entity.Kinds, ", ")+" (required)")
}

var listNameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// check validates the options and returns the list's info and the
// prefix of its entities' IDs.
func (o *userListOptions) check() (entity.ListInfo, string, error) {
	var li entity.ListInfo
	switch {
	case o.List == "":
		return li, "", usageError{fmt.Errorf("--list is required")}
	case !listNameRE.MatchString(o.List):
		return li, "", usageError{fmt.Errorf("--list %q: want lower case letters, digits and '-', starting with a letter or digit", o.List)}
	case all.IsOfficial(o.List):
		return li, "", usageError{fmt.Errorf("--list %q is an official list; give your list a name of its own", o.List)}
	case o.Kind == "":
		return li, "", usageError{fmt.Errorf("--kind is required (%s)", strings.Join(entity.Kinds, ", "))}
	}
	kind, err := entity.ParseKind(o.Kind)
	if err != nil {
		return li, "", usageError{fmt.Errorf("--kind: %w", err)}
	}
	prefix := idPrefix(cmp.Or(o.Publisher, o.List))
	if prefix == "" {
		return li, "", usageError{fmt.Errorf("--publisher %q: has no letter or digit for the entities' IDs", o.Publisher)}
	}
	if _, err := all.Publisher(prefix); err == nil {
		return li, "", usageError{fmt.Errorf("--publisher %q: %q is an official publisher's ID prefix; name the publisher otherwise", o.Publisher, prefix)}
	}
	li = entity.ListInfo{List: o.List, Kind: kind, Jurisdiction: cmp.Or(strings.ToLower(o.Jurisdiction), o.List),
		Title: cmp.Or(o.Title, o.List), Publisher: cmp.Or(o.Publisher, o.List)}
	return li, prefix, nil
}

// idPrefix is a publisher's name as the prefix of its entities' IDs: its
// letters and digits, lower case ("OpenSanctions" → "opensanctions").
func idPrefix(s string) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

func newImportFtMCommand(g *globalOptions) *cobra.Command {
	var o refreshOptions
	var u userListOptions
	cmd := &cobra.Command{
		Use:   "ftm FILE|URL",
		Short: "Store a list version read from FollowTheMoney JSON lines (OpenSanctions, PEPs, your own)",
		Long: `Read FollowTheMoney entities, one JSON object a line (plain, .gz, or a .zip
holding one file; a URL is downloaded with update's retries and limits), and
store them as a new version of the list --list: versioned, diffed, checked
against --max-drop like the official lists, screened, and monitored customers
rescreened when it changes.

People, organisations, companies, legal entities, vessels and aircraft are
screened. Sanctions, addresses, identity documents, crypto wallets,
ownerships, directorships, family and associate links, occupancies of
positions and other links are attached to the entities they reference: a
sanction's programme, a PEP's positions and a company's owners show on the
entity, and their records are kept in its raw record. OpenSanctions' topics
(role.pep, role.rca, sanction, crime, ...) are kept: veto screen --topics
filters on them.

A property the FtM model does not define for the schema is kept in the raw
record and counted in the summary. A line that is not an FtM entity is
skipped and reported by line number when there is at most one such line per
thousand; more, or a last line cut short, fail the import and nothing is
stored.`,
		Example: `  veto import ftm https://data.opensanctions.org/datasets/latest/peps/entities.ftm.json \
      --list os-peps --kind pep --publisher OpenSanctions --title "OpenSanctions PEPs" --jurisdiction global
  veto import ftm exit-list.ftm.json.gz --list bank-exits --kind internal --publisher "Example Bank"`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			li, prefix, err := u.check()
			if err != nil {
				return err
			}
			opts := ftm.Options{List: li.List, Prefix: prefix}
			pub := ftm.Publisher(opts, li.Publisher, li.Jurisdiction, li.Title, nil)
			return runImportUserList(cmd.Context(), g, &o, li, pub, a[0])
		},
	}
	o.addFlags(cmd, false)
	u.addFlags(cmd)
	return cmd
}

func newImportCSVCommand(g *globalOptions) *cobra.Command {
	var o refreshOptions
	var u userListOptions
	var mapSpec, errorsPath, dateOrder string
	cmd := &cobra.Command{
		Use:   "csv FILE",
		Short: "Store a list version read from CSV: a bank's own block or exit list",
		Long: `Read a watchlist from CSV, one entity a row, and store it as a new version of
the list --list, versioned, diffed, checked against --max-drop, screened and
monitored like the official lists.

Columns are found by their usual headers, or mapped with --map as in veto
batch (fields: id, name, first_name, middle_name, last_name, schema, dob,
country, id_number, gender, alias). Every row needs an ID, unique in the
file: it names the entity across versions. Rows that cannot be read (a
wrong number of fields, bad quoting, no name or ID, an ID again) are
written to the errors file with their line and reason, and the others are
imported; an optional field that cannot be read (a date of birth 31.02.1975)
is left out and the row imported, noted in the errors file too. A row
without a schema is a LegalEntity, matched by people and organisations.`,
		Example: `  veto import csv exits.csv --list bank-exits --kind internal --map id=customer_no,name=full_name,dob=birth_date,country=nationality
  veto import csv debarred.csv --list bank-debarred --kind debarment --title "Debarred suppliers"`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			li, prefix, err := u.check()
			if err != nil {
				return err
			}
			read, err := readFlags("", mapSpec, dateOrder)
			if err != nil {
				return err
			}
			if errorsPath == "" {
				errorsPath = batch.ErrorsPath(a[0])
			}
			var rep csvlist.Report
			opts := csvlist.Options{List: li.List, Prefix: prefix, Read: read, ErrorsPath: errorsPath}
			pub := csvlist.Publisher(opts, li.Publisher, li.Jurisdiction, li.Title, &rep)
			if err := runImportUserList(cmd.Context(), g, &o, li, pub, a[0]); err != nil {
				return err
			}
			if !o.JSON {
				fmt.Fprintf(g.stdout, "Read %s: %s imported.\n", plural(rep.Rows, "row"), plural(rep.Rows-rep.Errors, "entity"))
				if rep.Errors+rep.Warnings > 0 {
					fmt.Fprintf(g.stdout, "%s not imported, %s imported without a field: see %s (line, reason, record).\n",
						plural(rep.Errors, "row"), plural(rep.Warnings, "row"), errorsPath)
				}
			}
			return nil
		},
	}
	o.addFlags(cmd, false)
	u.addFlags(cmd)
	fl := cmd.Flags()
	fl.StringVar(&mapSpec, "map", "", "CSV columns of the fields: FIELD=COLUMN,... (see veto batch --help)")
	fl.StringVar(&errorsPath, "errors", "", "the errors file (default: FILE's name with .errors.csv)")
	fl.StringVar(&dateOrder, "date-order", "dmy", "how numeric dates of birth such as 03/04/1950 are read: dmy (day first), mdy or ymd")
	return cmd
}

// runImportUserList stores a version of a user list read by pub from
// path, or downloaded from it when it is a URL, and the list's info.
func runImportUserList(ctx context.Context, g *globalOptions, o *refreshOptions, li entity.ListInfo, pub *source.Publisher, path string) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	r := &refresh.Refresher{Store: st, Config: o.Config, Logger: g.logger()}
	var outcomes []refresh.Outcome
	if u, uerr := url.Parse(path); uerr == nil && (u.Scheme == "http" || u.Scheme == "https") {
		pub.Lists[0].Downloads = []source.Download{{URL: path, File: cmp.Or(filepath.Base(u.Path), "entities.ftm.json")}}
		outcomes, err = r.Update(ctx, []*source.Publisher{pub}, refresh.Selection{li.List})
	} else {
		outcomes, err = r.Import(ctx, pub, []string{path})
	}
	if err != nil {
		return err
	}
	for _, oc := range outcomes {
		if oc.Err == nil {
			li.UpdatedAt = time.Now().UTC()
			if err := st.PutListInfo(ctx, li); err != nil {
				return err
			}
		}
	}
	if err := reportOutcomes(g.stdout, outcomes, o.JSON); err != nil {
		return err
	}
	if !o.JSON {
		for _, oc := range outcomes {
			if s := unknownProperties(oc.Version.Warnings); oc.Err == nil && s != "" {
				fmt.Fprintf(g.stdout, "%s: %s\n", oc.List, s)
			}
		}
	}
	return nil
}

// unknownProperties summarises the properties an FtM import kept in the
// raw records only: "kept 3 unknown properties: x (12), y (3), z (1)".
func unknownProperties(ws []entity.Warning) string {
	var parts []string
	for _, w := range ws {
		if w.Message == ftm.MsgUnknownProperty {
			parts = append(parts, fmt.Sprintf("%s (%d)", w.Field, w.Count))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("kept %s in the raw records: %s", plural(len(parts), "unknown property"), strings.Join(parts, ", "))
}
