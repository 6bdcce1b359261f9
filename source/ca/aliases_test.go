package ca

import (
	"strings"
	"testing"

	"github.com/vetoscreen/veto/entity"
)

func newOrg() *entity.Entity { return &entity.Entity{Schema: entity.Organization} }

func TestSplitAliases(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		person bool
		want   string // aliases joined by " | ", each with "@lang" if labelled
	}{
		{"commas", "Ivan Petrov, Iwan Petrow", true, "Ivan Petrov | Iwan Petrow"},
		{"semicolons", "Иван Петров; Ivan Petrov;, Iwan Petrow", true, "Иван Петров | Ivan Petrov | Iwan Petrow"},
		{"labels", "Ivan Petrou, Belarusian: Іван Пятроў, Russian\u00a0: Иван Петров", true,
			"Ivan Petrou | Іван Пятроў@be | Иван Петров@ru"},
		{"label without space", "Omar Example Arabic:عمر", true, "Omar Example | عمر@ar"},
		{"label runs over commas", "Belarusian: Іван Пятроў, Іван Пятровіч Пятроў", true, "Іван Пятроў@be | Іван Пятровіч Пятроў@be"},
		{"one-word variants", "Ivan, Iwan, Ioann", true, "Ivan | Iwan | Ioann"},
		{"first-name variants of a full name", "Ivan, Iwan PETROV", true, "Ivan, Iwan PETROV"},
		{"surname first", "Петров, Иван Иванович", true, "Петров, Иван Иванович"},
		{"or between full names", "Anna Ivanovna Petrova or Hanna Ivanauna Piatrova", true,
			"Anna Ivanovna Petrova | Hanna Ivanauna Piatrova"},
		{"or between name parts", "Anna or Hanna Petrova", true, "Anna or Hanna Petrova"},
		{"or between spellings of a word", "Ivan Sergeyevich or Sergeevich Petrov", true, "Ivan Sergeyevich or Sergeevich Petrov"},
		{"slashes between name parts", "Ivan/ Iwan or Ioann /Ivan Petrovich Petrov", true, "Ivan/ Iwan or Ioann /Ivan Petrovich Petrov"},
		{"spaced slash", "Иван Иванович ПЕТРОВ / Іван Іванович ПЕТРОВ", true, "Иван Иванович ПЕТРОВ | Іван Іванович ПЕТРОВ"},
		{"comma or", "Иван Петров, or Петрова", true, "Иван Петров, or Петрова"},
		{"legal form after", "Ромашка, АО", false, "Ромашка, АО"},
		{"legal form before", "ОАО, Ромашка", false, "ОАО, Ромашка"},
		{"legal forms on both names", "Ромашка, ООО, ООО «РМ»", false, "Ромашка, ООО | ООО «РМ»"},
		{"legal form alone before or", "Акционерное общество or АО «Ромашка»", false, "Акционерное общество or АО «Ромашка»"},
		{"lower-case continuation", "Агентство по делам садов, огородов и полей or Садагентство", false,
			"Агентство по делам садов, огородов и полей | Садагентство"},
		{"comma in brackets", "Институт садоводства (ИС, АО)", false, "Институт садоводства (ИС, АО)"},
		{"comma in nested straight quotes", `АО "Корпорация "Сады, Огороды" имени Мичурина"`, false,
			`АО "Корпорация "Сады, Огороды" имени Мичурина"`},
		{"unbalanced straight quotes", `АО "Завод "Ромашка" and ЗР "Ромашка", АО`, false,
			`АО "Завод "Ромашка" | ЗР "Ромашка", АО`},
		{"and inside a name", "EXM, Main Directorate for Gardens and Orchards of the Ministry", false,
			"EXM | Main Directorate for Gardens and Orchards of the Ministry"},
		{"and between names", "Garden Trading Corporation and Garden Export System", false,
			"Garden Trading Corporation | Garden Export System"},
		{"and before one word", "Al Gardena and Al-Jardin", false, "Al Gardena and Al-Jardin"},
		{"and between Cyrillic names", "Ромашка ООО and Садовод ООО", false, "Ромашка ООО | Садовод ООО"},
		{"comma and", `ЗАО "Ромашка," РМ, and Ромашка Садовая, АО`, false, `ЗАО "Ромашка," РМ | Ромашка Садовая, АО`},
		{"French et", "Université des jardins et Université des vergers", false, "Université des jardins | Université des vergers"},
		{"French et inside a name", "Entreprise du stockage et de la distribution", false, "Entreprise du stockage et de la distribution"},
		{"English/French alias", "Garden Ministry/Ministère des jardins, GM", false, "Garden Ministry | Ministère des jardins | GM"},
		{"name particle", "Gardeners Corps, the Corps, l'Armée des jardins", false, "Gardeners Corps | the Corps | l'Armée des jardins"},
		{"stray brackets", "Садовый банк) (Russian: Садовый банк России", false, "Садовый банк | Садовый банк России@ru"},
		{"wrapped line", "Garden\nTrading Company, Almaz-\nAntey", false, "Garden Trading Company | Almaz-Antey"},
		{"empty", "  ", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, a := range splitAliases(tt.in, tt.person) {
				s := a.Full
				if a.Lang != "" {
					s += "@" + a.Lang
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("splitAliases(%q)\n got  %s\n want %s", tt.in, g, tt.want)
			}
		})
	}
}

func TestOrgNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Garden Plant JSC", "name:Garden Plant JSC"},
		{"Garden Plant JSC (also known as Garden Factory)", "name:Garden Plant JSC | alias:Garden Factory"},
		{"Garden Plant JSC (also\nknown as Garden Factory and Garden Plant Joint Stock Company)\n",
			"name:Garden Plant JSC | alias:Garden Factory | alias:Garden Plant Joint Stock Company"},
		{"Garden Plant JSC (also known as Garden Factory, GF", "name:Garden Plant JSC | alias:Garden Factory | alias:GF"},
		{"Garden Ministry/Ministère des jardins", "name:Garden Ministry@en | alias:Ministère des jardins@fr"},
		{"Garden Mills (North/South/East)", "name:Garden Mills (North/South/East)"},
		{"GM/MJ", "name:GM/MJ"},
		{"Garden Directorate;", "name:Garden Directorate"},
	}
	for _, tt := range tests {
		e := newOrg()
		orgNames(e, tt.in)
		var got []string
		for _, n := range e.Names {
			s := string(n.Kind) + ":" + n.Full
			if n.Lang != "" {
				s += "@" + n.Lang
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("orgNames(%q)\n got  %s\n want %s", tt.in, g, tt.want)
		}
	}
}
