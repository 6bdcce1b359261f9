package names

import (
	"slices"
	"strings"
	"testing"
)

func TestNicknameGroupsWellFormed(t *testing.T) {
	for i, g := range nicknameGroups {
		if len(g) < 2 {
			t.Errorf("group %d %v has fewer than two forms", i, g)
		}
		seen := map[string]bool{}
		for _, f := range g {
			if f == "" {
				t.Errorf("group %d %v has an empty form", i, g)
			}
			for j := 0; j < len(f); j++ {
				if f[j] < 'a' || f[j] > 'z' {
					t.Errorf("group %d: form %q is not lower-case ASCII letters", i, f)
					break
				}
			}
			if seen[f] {
				t.Errorf("group %d %v has %q twice", i, g, f)
			}
			seen[f] = true
		}
	}
	// Two groups with the same forms are one group written twice.
	key := map[string]int{}
	for i, g := range nicknameGroups {
		s := slices.Clone(g)
		slices.Sort(s)
		k := strings.Join(s, " ")
		if j, ok := key[k]; ok {
			t.Errorf("groups %d and %d are the same: %v", j, i, g)
		}
		key[k] = i
	}
}

// shareNicknameGroup reports whether some group holds both a and b.
func shareNicknameGroup(a, b string) bool {
	for _, g := range nicknameGroups {
		if slices.Contains(g, a) && slices.Contains(g, b) {
			return true
		}
	}
	return false
}

func TestNicknamePairs(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"bill", "william", true},
		{"liam", "william", true},
		{"bob", "robert", true},
		{"dick", "richard", true},
		{"peggy", "margaret", true},
		{"chuck", "charles", true},
		{"hank", "henry", true},
		{"jim", "james", true},
		{"abe", "abraham", true},
		{"barry", "barack", true},
		{"ted", "edward", true},
		{"ted", "theodore", true},
		{"jack", "john", true},
		{"sasha", "aleksandr", true},
		{"sasha", "aleksandra", true},
		{"sashko", "oleksandr", true},
		{"alex", "alexander", true},
		{"alex", "aleksei", true},
		{"alex", "alexandra", true},
		{"misha", "mikhail", true},
		{"mykhailo", "mikhail", true},
		{"volodya", "vladimir", true},
		{"vova", "volodymyr", true},
		{"uladzimir", "vladimir", true},
		{"dima", "dmitry", true},
		{"dima", "dmytro", true},
		{"kolya", "nikolai", true},
		{"mykola", "nikolay", true},
		{"seryozha", "sergei", true},
		{"serhii", "sergey", true},
		{"zhenya", "yevgeny", true},
		{"zhenya", "yevgeniya", true},
		{"lyosha", "alexei", true},
		{"alyosha", "aleksei", true},
		{"pasha", "pavel", true},
		{"petya", "pyotr", true},
		{"vanya", "ivan", true},
		{"yura", "yuri", true},
		{"tolya", "anatoly", true},
		{"slava", "vyacheslav", true},
		{"slava", "vladislav", true},
		{"slava", "yaroslav", true},
		{"natasha", "natalya", true},
		{"tanya", "tatyana", true},
		{"lena", "yelena", true},
		{"katya", "yekaterina", true},
		{"masha", "mariya", true},
		{"bibi", "binyamin", true},
		{"bibi", "benjamin", true},
		{"yossi", "yosef", true},
		{"pepe", "jose", true},
		{"paco", "francisco", true},
		{"pancho", "francisco", true},
		{"nacho", "ignacio", true},
		{"quique", "enrique", true},
		{"lupe", "guadalupe", true},
		{"chus", "jesus", true},
		{"lula", "luiz", true},
		{"beppe", "giuseppe", true},
		{"peppe", "giuseppe", true},
		{"gigi", "luigi", true},
		{"sandro", "alessandro", true},
		{"sepp", "josef", true},
		{"hansi", "hans", true},
		{"hans", "johannes", true},
		{"fritz", "friedrich", true},
		{"willi", "wilhelm", true},
		{"mo", "mohammed", true},
		{"moe", "muhammad", true},
		{"hamoudi", "mohammad", true},

		// Different names that share a short form, or none.
		{"dima", "vadim", false},
		{"vadik", "dmitry", false},
		{"aleksandr", "aleksei", false},
		{"aleksandr", "aleksandra", false},
		{"vladimir", "vladislav", false},
		{"vyacheslav", "vladislav", false},
		{"viktor", "vitalii", false},
		{"yevgenii", "yevgeniya", false},
		{"valentin", "valentina", false},
		{"edward", "theodore", false},
		{"henry", "harold", false},
		{"john", "jonathan", false},
		{"john", "ivan", false},
		{"john", "juan", false},
		{"john", "giovanni", false},
		{"michael", "mikhail", false},
		{"william", "wilhelm", false},
		{"muhammad", "mehmet", false},
		{"muhammad", "ahmad", false},
		{"jose", "giuseppe", false},
		{"alberto", "roberto", false},
		{"salvatore", "antonio", false},
		{"abu", "muhammad", false},
		{"kim", "kimberly", false},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			if got := shareNicknameGroup(tc.a, tc.b); got != tc.same {
				t.Errorf("shareNicknameGroup(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
			}
		})
	}
}

// TestNicknamesCyrillic checks that names written in Cyrillic, as veto's
// table romanises them, find their groups: a nickname and its formal name,
// each read as Analyze reads a name made of it alone (as Ukrainian when it
// has і, ї, є or ґ, else as Russian).
func TestNicknamesCyrillic(t *testing.T) {
	tests := []struct{ nick, formal string }{
		{"Саша", "Александр"},
		{"Шура", "Александра"},
		{"Сашко", "Олександр"},
		{"Алёша", "Алексей"},
		{"Лёша", "Алексей"},
		{"Лёха", "Олексій"},
		{"Миша", "Михаил"},
		{"Міхась", "Михайло"},
		{"Вова", "Владимир"},
		{"Володя", "Володимир"},
		{"Вова", "Уладзімір"},
		{"Дима", "Дмитрий"},
		{"Митя", "Дмитро"},
		{"Діма", "Дмитро"},
		{"Дима", "Дзмітрый"},
		{"Коля", "Николай"},
		{"Коля", "Микола"},
		{"Коля", "Мікалай"},
		{"Серёжа", "Сергей"},
		{"Серёга", "Сергей"},
		{"Серёжа", "Сергій"},
		{"Серёжа", "Сяргей"},
		{"Женя", "Евгений"},
		{"Женя", "Євген"},
		{"Женя", "Евгения"},
		{"Паша", "Павел"},
		{"Паша", "Павло"},
		{"Петя", "Пётр"},
		{"Петя", "Петро"},
		{"Ваня", "Иван"},
		{"Юра", "Юрий"},
		{"Юрко", "Юрій"},
		{"Толя", "Анатолий"},
		{"Толик", "Анатолій"},
		{"Слава", "Вячеслав"},
		{"Слава", "Ярослав"},
		{"Влад", "Владислав"},
		{"Стас", "Станислав"},
		{"Костя", "Константин"},
		{"Костя", "Костянтин"},
		{"Витя", "Виктор"},
		{"Виталик", "Виталий"},
		{"Гена", "Геннадий"},
		{"Гриша", "Григорий"},
		{"Гриша", "Григорій"},
		{"Андрюша", "Андрей"},
		{"Андрюша", "Андрій"},
		{"Вася", "Василий"},
		{"Вася", "Василь"},
		{"Яша", "Яков"},
		{"Федя", "Фёдор"},
		{"Федя", "Федір"},
		{"Лёня", "Леонид"},
		{"Лёва", "Лев"},
		{"Тёма", "Артём"},
		{"Наташа", "Наталья"},
		{"Наташа", "Наталия"},
		{"Наташа", "Наталія"},
		{"Таня", "Татьяна"},
		{"Таня", "Тетяна"},
		{"Лена", "Елена"},
		{"Лена", "Олена"},
		{"Катя", "Екатерина"},
		{"Катя", "Катерина"},
		{"Маша", "Мария"},
		{"Оля", "Ольга"},
		{"Ира", "Ирина"},
		{"Ира", "Ірина"},
		{"Света", "Светлана"},
		{"Света", "Світлана"},
		{"Люда", "Людмила"},
		{"Настя", "Анастасия"},
		{"Юля", "Юлия"},
		{"Галя", "Галина"},
		{"Даша", "Дарья"},
		{"Ксюша", "Ксения"},
		{"Соня", "Софья"},
		{"Соня", "София"},
		{"Аня", "Анна"},
		{"Лиза", "Елизавета"},
		{"Надя", "Надежда"},
	}
	fold := func(s string) string {
		var b strings.Builder
		translitCyrillic(strings.ToLower(s), hasUkrainianLetters(s), &b)
		return keepAlnum(b.String())
	}
	for _, tc := range tests {
		t.Run(tc.nick+"/"+tc.formal, func(t *testing.T) {
			n, f := fold(tc.nick), fold(tc.formal)
			if !shareNicknameGroup(n, f) {
				t.Errorf("%s (%q) and %s (%q) share no group", tc.nick, n, tc.formal, f)
			}
		})
	}
}
