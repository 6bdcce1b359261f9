package names

import (
	"fmt"
	"strings"
	"testing"
)

// describe writes a name's tokens as form/role[/link].
func describe(n Name) string {
	var out []string
	for _, t := range n.Tokens {
		s := t.Form
		if t.Role != NoRole {
			s += "/" + t.Role.String()
		}
		if t.Link > 0 {
			s += fmt.Sprintf("/%d", t.Link)
		}
		if t.Kind == Title {
			s += "/title"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestRoles(t *testing.T) {
	tests := []struct{ in, want string }{
		{"LAVROV, Sergei Viktorovich", "lavrov/family sergei/given viktorovich/middle"},
		{"Sergei Viktorovich Lavrov", "sergei/given viktorovich/middle lavrov/family"},
		{"Lavrov Sergei Viktorovich", "lavrov/family sergei/given viktorovich/middle"},
		{"Vladimir Vladimirovich PUTIN", "vladimir/given vladimirovich/middle putin/family"},
		{"AL-ASSAD, Bashar", "al assad/family bashar/given"},
		{"Bashar al-Assad", "bashar/given al assad/family"},
		{"AHMAD, Tariq Anwar al-Sayyid", "ahmad/family tariq/given anwar/middle al sayyid/middle"},
		{"SALMAN BIN MUHAMMAD AL-RAWI", "salman/given/1 bin muhammad/middle/2 al rawi/family"},
		{"AL-RAWI, Salman bin Muhammad", "al rawi/family salman/given/1 bin muhammad/middle/2"},
		{"Ali bin Hassan", "ali/given/1 bin hassan/middle/2"},
		{"Kim Jong Un", "kim/family jong/syllable un/syllable"},
		{"Xi Jinping", "xi/family jinping/syllable"},
		{"Jinping Xi", "jinping/syllable xi/family"},
		{"KIM Jong Un", "kim/family jong/syllable un/syllable"},
		{"Kim JIN-SOK", "kim/family jin/syllable sok/syllable"},
		{"Kim LEE", "kim/syllable lee/family"},
		{"Putin V.V.", "putin/family v/given v/middle"},
		{"BIN LADIN, Usama bin Muhammad", "bin ladin/family usama/given/1 bin muhammad/middle/2"},
		{"习近平", "xi/family jin/syllable ping/syllable"},
		{"Lee Harvey Oswald", "lee/given harvey/middle oswald/family"},
		{"Orbán Viktor", "orban/family viktor/given"},
		{"Viktor Orbán", "viktor/given orban/family"},
		{"Sheikh Erdoğan", "sheikh/title erdogan"},
		{"Stephen King", "stephen/given king/family"},
		{"Sheikh Tamim bin Hamad Al Thani", "sheikh/title tamim/given/1 bin hamad/middle/2 al thani/family"},
		{"LUKASHEVICH, Viktar", "lukashevich/family viktar/given"},
		{"Peter Szabo", "peter/given szabo/family"},
		{"Szabó Péter", "szabo/family peter/given"},
		{"KING, Stephen", "king/family stephen/given"},
		{"Sheikh", "sheikh/title"},
	}
	for _, tt := range tests {
		if got := describe(Analyze(tt.in)); got != tt.want {
			t.Errorf("Analyze(%q) = %q\n want %q", tt.in, got, tt.want)
		}
	}
}
