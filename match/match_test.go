package match

import (
	"testing"

	"github.com/vetoscreen/veto/entity"
)

func TestCompare(t *testing.T) {
	cfg := DefaultConfig()
	tests := []struct {
		schema entity.Schema
		a, b   string
		hit    bool
	}{
		{entity.Person, "Sergei Lavrov", "LAVROV, Sergei Viktorovich", true},
		{entity.Person, "Sergey Lavrov", "LAVROV, Sergei Viktorovich", true},
		{entity.Person, "Serguei Lavrov", "LAVROV, Sergei Viktorovich", true},
		{entity.Person, "Сергей Лавров", "LAVROV, Sergei Viktorovich", true},
		{entity.Person, "Bashar Assad", "AL-ASSAD, Bashar", true},
		{entity.Person, "Bashar al-Asad", "AL-ASSAD, Bashar", true},
		{entity.Person, "بشار الأسد", "AL-ASSAD, Bashar", true},
		{entity.Person, "Bashar AlAssad", "AL-ASSAD, Bashar", true},
		{entity.Person, "V. Putin", "PUTIN, Vladimir Vladimirovich", true},
		{entity.Person, "Xi Jin Ping", "XI, Jinping", true},
		{entity.Person, "习近平", "XI, Jinping", true},
		{entity.Person, "김정은", "KIM, Jong Un", true},
		{entity.Person, "Αλέξης Τσίπρας", "TSIPRAS, Alexis", true},
		{entity.Person, "ბიძინა ივანიშვილი", "IVANISHVILI, Bidzina", true},
		{entity.Person, "Արմեն Սարգսյան", "SARKISSIAN, Armen", true},
		{entity.Person, "Mohammed bin Salman", "MUHAMMAD IBN SALMAN", true},
		{entity.Person, "Muhammad Abdul Rahman", "MOHAMED ABD AL-RAHMAN", true},
		{entity.Person, "Sergei Lavrov", "Serguei LAVROV", true},
		{entity.Person, "LAVROV, Sergei", "Sergei Lavrov", true},
		{entity.Person, "Bashar al-Asad", "AL-ASSAD, Bashar", true},
		{entity.Person, "Mueller, Hans", "MÜLLER, Hans", true},
		{entity.Organization, "Siemens Aktiengesellschaft", "SIEMENS AG", true},
		{entity.Organization, "Rosneft Public Joint Stock Company", "PJSC ROSNEFT", true},
		{entity.Organization, "Bank Melli", "BANK SEPAH", false},
		{entity.Organization, "Bank Melli Iran", "BANK MELLI IRAN", true},
		{entity.Organization, "Rosneft OOO", "ROSNEFT LLC", true},
		{entity.Person, "Dmitry Medvedev", "MEDVEDEV, Gennadiy", false},
		{entity.Person, "Hillary Rodham Clinton", "CLINTON, George", false},
		{entity.Vessel, "VESSEL 1", "VESSEL 2", false},
		{entity.Person, "Zheng Bo", "PENG, Bo", false},
		{entity.Person, "مروان ابراهيم", "Marwan Ibrahim", true},
		{entity.Person, "موسى بن عمر بن علي السعدي", "ESSAADI, Moussa Ben Amor Ben Ali", true},
		{entity.Person, "Ahmad Elkhansa", "EL KHANSA, Ahmad", true},
		{entity.Person, "Joan Avila", "ولی جان", false},
		{entity.Person, "Umar Farouk", "OMAR, Farouk", true},
		{entity.Person, "Борис Сафарович Ебзеев", "EBZEEV, Boris Safarovich", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"~"+tt.b, func(t *testing.T) {
			r, err := cfg.Compare(tt.schema, tt.a, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if r.Match != tt.hit {
				t.Errorf("Compare(%q, %q) = %.3f, match %v; want %v\n%+v", tt.a, tt.b, r.Score, r.Match, tt.hit, r.Explanation)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"lavrov", "lavrov", 2, 0},
		{"lavrov", "lavrof", 2, 1},
		{"lavrov", "alvrov", 2, 1},
		{"lavrov", "lavr", 2, 2},
		{"lavrov", "la", 2, 3},
		{"abcdef", "ghijkl", 2, 3},
		{"", "ab", 2, 2},
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}
