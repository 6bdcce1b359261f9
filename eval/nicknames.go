package eval

import (
	"slices"
	"strings"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/names"
)

// Short forms of given names that people go by, well attested and each
// standing for one formal name in its culture: the Russian diminutives
// that Russians use among themselves and the press of a person's circle
// uses (Sasha for Aleksandr, Misha for Mikhail), English, Spanish and
// German ones. Keys are the formal names' spellings as Analyze folds them.
// Sources, from knowledge: Wikipedia, "Russian name § Diminutives",
// "Hypocorism" (its English, Spanish and German sections).
var (
	slavicNicknames = nicknameTable(map[string][]string{
		"aleksandr alexander aleksander alexandr oleksandr": {"Sasha"},
		"aleksandra alexandra oleksandra":                   {"Sasha"},
		"aleksei aleksey alexei alexey oleksiy oleksii":     {"Alyosha", "Lyosha"},
		"mikhail mykhailo":                                  {"Misha"},
		"dmitry dmitriy dmitri dmitrii":                     {"Dima"},
		"vladimir volodymyr":                                {"Volodya", "Vova"},
		"nikolai nikolay mykola":                            {"Kolya"},
		"yevgeny yevgeniy evgeny evgeniy":                   {"Zhenya"},
		"ivan":                                              {"Vanya"},
		"pavel pavlo":                                       {"Pasha"},
		"anatoly anatoliy anatolii":                         {"Tolya"},
		"viktor victor":                                     {"Vitya"},
		"vitaly vitaliy vitalii":                            {"Vitya"},
		"konstantin kostiantyn":                             {"Kostya"},
		"yuri yuriy yury yurii":                             {"Yura"},
		"boris":                                             {"Borya"},
		"grigory grigoriy grigorii hryhoriy":                {"Grisha"},
		"vyacheslav":                                        {"Slava"},
		"stanislav":                                         {"Stas"},
		"vasily vasiliy vasilii vasyl":                      {"Vasya"},
		"pyotr petr petro":                                  {"Petya"},
		"gennady gennadiy gennadii":                         {"Gena"},
		"leonid":                                            {"Lyonya"},
		"roman":                                             {"Roma"},
		"maksim maxim":                                      {"Max"},
		"sergei sergey serhiy serhii":                       {"Seryozha"},
		"georgy georgiy georgii":                            {"Zhora"},
		"semyon semen":                                      {"Syoma"},
		"fyodor fedor":                                      {"Fedya"},
		"yekaterina ekaterina":                              {"Katya"},
		"tatyana tatiana":                                   {"Tanya"},
		"natalia natalya nataliya":                          {"Natasha"},
		"yelena elena olena":                                {"Lena"},
		"maria mariya":                                      {"Masha"},
		"anastasia anastasiya":                              {"Nastya"},
		"svetlana":                                          {"Sveta"},
		"olga":                                              {"Olya"},
		"lyudmila liudmila":                                 {"Lyuda"},
		"valentina":                                         {"Valya"},
		"galina":                                            {"Galya"},
	})
	englishNicknames = nicknameTable(map[string][]string{
		"william": {"Bill", "Will"}, "robert": {"Bob", "Rob"}, "richard": {"Rick", "Dick"}, "james": {"Jim"},
		"joseph": {"Joe"}, "thomas": {"Tom"}, "michael": {"Mike"}, "anthony": {"Tony"}, "edward": {"Ed", "Ted"},
		"charles": {"Charlie", "Chuck"}, "daniel": {"Dan"}, "david": {"Dave"}, "christopher": {"Chris"},
		"nicholas": {"Nick"}, "benjamin": {"Ben"}, "samuel": {"Sam"}, "steven stephen": {"Steve"}, "matthew": {"Matt"},
		"andrew": {"Andy"}, "jonathan": {"Jon"}, "patrick": {"Pat"}, "timothy": {"Tim"}, "gregory": {"Greg"},
		"kenneth": {"Ken"}, "ronald": {"Ron"}, "gerald": {"Gerry"}, "jeffrey": {"Jeff"}, "peter": {"Pete"},
		"frederick": {"Fred"}, "alexander": {"Alex"}, "elizabeth": {"Liz", "Beth"}, "margaret": {"Maggie", "Peggy"},
		"katherine catherine": {"Kate"}, "jennifer": {"Jen"}, "rebecca": {"Becky"}, "susan": {"Sue"},
	})
	spanishNicknames = nicknameTable(map[string][]string{
		"jose": {"Pepe"}, "francisco": {"Paco", "Pancho"}, "ignacio": {"Nacho"}, "guillermo": {"Memo"},
		"roberto alberto": {"Beto"}, "jesus": {"Chuy"}, "enrique": {"Quique"}, "eduardo": {"Lalo"},
		"manuel": {"Manolo"}, "rafael": {"Rafa"}, "alejandro": {"Alex"}, "fernando": {"Nando"},
		"dolores": {"Lola"}, "guadalupe": {"Lupe"},
	})
)

// sameNames are the spellings of one East Slavic given name in Russian,
// Ukrainian and Belarusian romanisation (Igor, Ihor, Ihar), which no
// phonetic key joins: two of a group are never "another given name".
var sameNames = func() map[string]int {
	out := map[string]int{}
	for i, g := range []string{
		"aleksandr alexander oleksandr aliaksandr alyaksandr",
		"aleksei aleksey alexei alexey oleksii oleksiy aliaksei",
		"andrei andrey andrii andriy",
		"anatoly anatoliy anatolii anatol",
		"dmitry dmitriy dmitri dmytro dzmitry dzmitri",
		"grigory grigoriy hryhorii hryhoriy ryhor",
		"igor ihor ihar",
		"ivan iwan",
		"mikhail mykhailo mikhas mikhal",
		"nikolai nikolay mykola mikalai",
		"pavel pavlo paval",
		"pyotr petr petro piotr",
		"sergei sergey serhii serhiy siarhei siarhey",
		"vasily vasiliy vasyl vasil",
		"viktor victor viktar",
		"vladimir volodymyr uladzimir",
		"yevgeny yevgeniy evgeny yevhen yauhen",
		"yuri yuriy yury yurii yuras",
		"yelena elena olena alena",
		"tatyana tatiana tetiana tatsiana",
		"natalia natalya nataliya natallia",
		"olga olha volha",
		"galina halyna halina",
		"lyudmila liudmila liudmyla",
	} {
		for _, f := range strings.Fields(g) {
			out[f] = i + 1
		}
	}
	return out
}()

// sameName reports whether two given names (as Analyze folds them) are
// spellings of one name, or short forms of one, in any table here.
func sameName(a, b string) bool {
	if a == b || sameNames[a] != 0 && sameNames[a] == sameNames[b] {
		return true
	}
	for _, t := range []map[string][]string{slavicNicknames, englishNicknames, spanishNicknames} {
		if shortOf(t, a, b) || shortOf(t, b, a) || len(t[a]) > 0 && slices.ContainsFunc(t[a], func(s string) bool { return slices.Contains(t[b], s) }) {
			return true
		}
	}
	return false
}

// shortOf reports whether short is a short form of formal in the table.
func shortOf(t map[string][]string, formal, short string) bool {
	return slices.ContainsFunc(t[formal], func(s string) bool { return strings.EqualFold(s, short) })
}

// nicknameTable spreads a table keyed by the spellings of one name.
func nicknameTable(t map[string][]string) map[string][]string {
	out := map[string][]string{}
	for spellings, short := range t {
		for _, s := range strings.Fields(spellings) {
			out[s] = short
		}
	}
	return out
}

// nicknamesFor returns the table of the person's culture: Russian
// diminutives for names from the former Soviet Union, Spanish ones for
// Spanish-speaking countries, English ones for the rest but the Arabic
// world (whose short forms, Abboud for Abdullah, few records use).
func nicknamesFor(e *entity.Entity, src string) map[string][]string {
	switch {
	case fromSlavicWorld(e, src):
		return slavicNicknames
	case fromCountries(e, spanishCountries...):
		return spanishNicknames
	case fromArabicWorld(e, src):
		return nil
	}
	return englishNicknames
}

// formOf is a word as Analyze folds it: José is jose.
func formOf(w string) string {
	if t := names.Analyze(w).Tokens; len(t) == 1 {
		return t[0].Form
	}
	return ""
}

// givenAndFamily returns a person's given names and surname, taking the
// last word for the surname where the form of the name does not tell.
func givenAndFamily(src string) (given, family []string) {
	if given, family, ok := nameParts(src); ok {
		return given, family
	}
	w := words(src)
	if len(w) < 2 {
		return nil, nil
	}
	return w[:len(w)-1], w[len(w)-1:]
}

// nickname writes a person by the short form of the first given name and
// the surname, as a customer who goes by it gives the name: Sasha
// Lukashenko for LUKASHENKO, Alexander Grigoryevich; Bill Clinton for
// William Jefferson CLINTON.
func nickname(g *generator, e *entity.Entity, src string) string {
	table := nicknamesFor(e, src)
	given, family := givenAndFamily(src)
	if table == nil || len(given) == 0 {
		return ""
	}
	short := table[formOf(given[0])]
	if len(short) == 0 {
		return ""
	}
	nick := short[g.r.IntN(len(short))]
	if upperWord(given[0]) {
		nick = strings.ToUpper(nick)
	}
	return nick + " " + strings.Join(family, " ")
}
