package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestChunksJoinToRunOutput screens a file in chunks, as the replicas of
// a batch job do, and joins their results after the headers: the bytes
// are Run's, and the merged tallies Run's tally, for every chunk size.
func TestChunksJoinToRunOutput(t *testing.T) {
	inputs := map[string]string{
		"customers.csv": "\xef\xbb\xbfcustomer_id;name;dob;country\r\n" +
			"C1;Sergei Lavrov;1950-03-21;RU\r\n" +
			"C2;\"Bashar\n, Assad\";;\r\n" + // a quoted newline
			"C3;Jo\"hn Smith;;\r\n" + // bare quote
			"\r\n" +
			"C4;Vladimir Putin;1952-10-07;\r\n" +
			"C5;;1960;\r\n" + // no name
			"C6;Ali Khamenei;1939-13-45;\r\n" + // screened without the date
			"C7;\"Korea Mining Development Trading Corporation;;KP\r\n" + // quote left open
			"C8;Harriet Plumstead;;GB\r\n",
		"queries.jsonl": "\xef\xbb\xbf{\"id\":\"q1\",\"name\":\"Sergei Lavrov\"}\n" +
			"not json\n" +
			"{\"id\":\"q2\",\"name\":\"Vladimir Putin\",\"birthDate\":\"1952\"}\n" +
			"\n" +
			"{\"id\":\"q3\",\"name\":\"Harriet Plumstead\"}\n",
	}
	s := newDemoScreener(t)
	for name, content := range inputs {
		for _, format := range []Format{FormatCSV, FormatJSONL} {
			dir := t.TempDir()
			in := writeFile(t, dir, name, content)
			opts := Options{Output: format}
			var tally Tally
			opts.Result = tally.Count
			out := filepath.Join(dir, "out")
			if _, err := Run(context.Background(), s, Files{Input: in, Output: out}, opts); err != nil {
				t.Fatal(err)
			}
			want, _ := os.ReadFile(out)
			wantErrs, _ := os.ReadFile(ErrorsPath(out))
			for _, rows := range []int{1, 2, 3, 100} {
				t.Run(fmt.Sprintf("%s/%s/%d", name, format, rows), func(t *testing.T) {
					opts := Options{Output: format}
					got, gotErrs := Headers(format)
					var sum Tally
					err := Split(in, opts.Read, rows, func(header []byte, c Chunk) error {
						if !bytes.HasPrefix([]byte(content), header) {
							t.Errorf("header %q is not the input's start", header)
						}
						res, err := ScreenChunk(context.Background(), s, name, header, c, opts)
						if err != nil {
							return err
						}
						got, gotErrs = append(got, res.Output...), append(gotErrs, res.Errors...)
						sum.Merge(&res.Tally)
						return nil
					})
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(got, want) {
						t.Errorf("output:\n%s\nwant Run's:\n%s", got, want)
					}
					if !bytes.Equal(gotErrs, wantErrs) {
						t.Errorf("errors:\n%s\nwant Run's:\n%s", gotErrs, wantErrs)
					}
					if sum.Rows != tally.Rows || sum.Errors != tally.Errors || sum.Warnings != tally.Warnings ||
						sum.WithHits != tally.WithHits || sum.Hits != tally.Hits || len(sum.Matched) != len(tally.Matched) {
						a, _ := json.Marshal(sum)
						b, _ := json.Marshal(tally)
						t.Errorf("merged tally %s, want %s", a, b)
					}
				})
			}
		}
	}
}
