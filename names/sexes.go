package names

import (
	"strings"
	"sync"
)

// givenSexes are given names that only men or only women bear, in the
// languages of the lists and of their readers: what a listed name's first
// given name says of the person's sex, where the list gives none, so that
// "Mrs. Thatcher" is not Mark Thatcher. Names that both sexes bear
// somewhere (Jean, Andrea, Nikola, Kim, Maria in José María) are left
// out. Sources, from knowledge (no list was copied): the commonest given
// names of English, French, German, Italian, Spanish, Portuguese, Russian,
// Ukrainian, Arabic, Persian and Turkish.
var givenSexes = map[string]string{}

const maleGiven = `william john james robert michael david richard joseph thomas charles george edward
	henry mark paul peter donald ronald kenneth steven stephen brian kevin jason jeffrey gary timothy larry frank
	raymond gregory benjamin samuel patrick jack dennis jerry walter harold arthur roger keith lawrence bill bob
	barack joe jim tom harry nicholas anthony christopher matthew andrew daniel jonathan francis philip douglas
	pierre jacques francois michel philippe alain louis emmanuel nicolas olivier bernard laurent eric antoine
	hans klaus jurgen wolfgang helmut gerhard heinrich friedrich karl ludwig werner dieter horst manfred uwe olaf
	giuseppe giovanni antonio mario luigi francesco salvatore silvio matteo sergio paolo roberto marco
	jose juan carlos luis jorge pedro miguel manuel rafael alejandro fernando ricardo diego pablo javier joaquin
	nicolas hugo raul fidel ernesto
	joao paulo
	vladimir sergei sergey aleksandr alexander alexandr dmitry dmitri mikhail nikolai nikolay ivan igor yuri yury
	viktor victor andrei andrey alexei aleksei oleg boris pavel evgeny yevgeny yevgeniy anatoly gennady valery
	vasily leonid ramzan volodymyr oleksandr petro mykola serhiy vitaliy
	muhammad mohammed mohammad mohamed ahmad ahmed ali hassan hussein husayn omar umar khalid abdullah ibrahim yusuf
	mustafa mahmoud mahmud hamid saeed said tariq bashar maher saddam osama usama ayman qasem qassem javad hossein
	ruhollah mojtaba recep tayyip mehmet ahmet mustafa kemal`

const femaleGiven = `mary patricia linda barbara elizabeth jennifer susan margaret dorothy lisa nancy karen betty helen
	sandra donna carol ruth sharon michelle laura sarah kimberly deborah jessica shirley cynthia angela melissa
	brenda amy anna rebecca virginia kathleen pamela martha debra amanda stephanie carolyn christine janet catherine
	frances ann joyce diane alice julie heather teresa doris gloria evelyn cheryl hillary monica victoria
	diana jacqueline rose grace emily emma olivia sophia isabella charlotte amelia melania ivanka chelsea
	marie brigitte isabelle nathalie sylvie sophie christine monique francoise marine segolene
	ursula angela annalena gertrud ingrid helga petra sabine birgit renate claudia
	giorgia francesca giulia chiara arianna marina alessandra paola silvia
	carmen dolores pilar isabel ana lucia cristina sofia gabriela adriana patricia veronica dilma
	olga tatiana tatyana elena yelena natalia natalya irina svetlana galina lyudmila ludmila valentina nadezhda
	yekaterina ekaterina anastasia yulia yuliya oksana larisa marina alla inna lyubov vera tamara nina zoya
	olena kateryna
	fatima fatimah aisha aicha khadija zainab zeinab maryam mariam asma bushra leila layla amina samira
	salma huda rania hanan emine hatice ayse zeynep`

var givenSexesOnce sync.Once

func sexTable() map[string]string {
	givenSexesOnce.Do(func() {
		for _, list := range [...][2]string{{maleGiven, "male"}, {femaleGiven, "female"}} {
			for _, w := range strings.Fields(list[0]) {
				p := Phon(w)
				switch s, ok := givenSexes[p]; {
				case !ok:
					givenSexes[p] = list[1]
				case s != list[1]:
					givenSexes[p] = "" // both: says nothing
				}
			}
		}
	})
	return givenSexes
}

// GivenSex returns the sex a person's name says by its first given name
// ("male", "female"), or "" when it has none or the name is borne by both.
func GivenSex(n Name) string {
	for i := range n.Tokens {
		if t := &n.Tokens[i]; t.Role == Given && t.Kind == Word {
			if t.Form == "jean" && t.Hyphen {
				// Jean alone is hers in English, his in French; Jean-
				// before another name (Jean-Marie, Jean-Claude) is his.
				return "male"
			}
			return sexTable()[t.Phon]
		}
	}
	return ""
}
