package postgres

import (
	"errors"
	"strings"
	"testing"
)

// pgx already hides the password of a connection string it cannot parse;
// these cases check veto's own redaction, which does not depend on that.
func TestDSNPasswords(t *testing.T) {
	tests := []struct {
		name, dsn string
		want      []string
	}{
		{"URL", "postgres://veto:s3cret@db:5432/veto", []string{"s3cret"}},
		{"URLEscaped", "postgres://veto:s%40cret@db/veto", []string{"s%40cret", "s@cret"}},
		{"URLBadPort", "postgresql://veto:s3cret@db:port/veto?sslmode=disable", []string{"s3cret"}},
		{"URLNoPassword", "postgres://veto@db/veto", []string{""}},
		{"KeyValue", "host=db password=s3cret user=veto", []string{"s3cret"}},
		{"KeyValueFirst", "password=s3cret host=db", []string{"s3cret"}},
		{"KeyValueQuoted", "host=db password='s3 cret' user=veto", []string{"s3 cret"}},
		{"KeyValueNoPassword", "host=db user=veto", []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dsnPasswords(tt.dsn)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("dsnPasswords(%q) = %q, want %q", tt.dsn, got, tt.want)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	cause := errors.New("cannot use s3cret or s%40cret here")
	err := redact(cause, "s%40cret", "s3cret", "")
	if got, want := err.Error(), "cannot use xxxxx or xxxxx here"; got != want {
		t.Errorf("redacted = %q, want %q", got, want)
	}
	if !errors.Is(err, cause) {
		t.Error("redacted error does not unwrap to its cause")
	}
	if redact(cause, "") != cause || redact(nil, "pw") != nil {
		t.Error("nothing to redact should return the error as it is")
	}
}
