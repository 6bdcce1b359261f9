package names

import (
	"slices"
	"strings"
)

// particles connect name words and carry almost no identity. Sun-letter
// forms of the Arabic article (ar-, as-, ash-, ad-, ...) are mapped to "al"
// during segmentation.
var particles = map[string]string{
	"al": "al", "el": "al", "ul": "al", "il": "al", "ol": "al",
	"bin": "bin", "ibn": "bin", "ben": "bin", "bint": "bin", "bn": "bin", "binti": "bin", "bintu": "bin",
	"abu": "abu", "abou": "abu", "abo": "abu", "aboo": "abu", "aboe": "abu", "ebu": "abu", // aboe Dutch, ebu Turkish
	"ould": "ould", "wuld": "ould",
	"de": "de", "del": "de", "della": "de", "der": "de", "den": "de", "di": "de", "da": "de", "das": "de",
	"dos": "de", "do": "de", "du": "de", "des": "de", "la": "la", "le": "la", "van": "van", "von": "van",
	"zu": "van", "ter": "van", "ten": "van", "y": "y", "i": "y",
	// The small words that join an organisation's words: they say little
	// of which organisation it is ("Bank of Russia", "Sanayi ve Ticaret").
	"of": "of", "the": "the", "and": "and", "for": "for", "und": "and", "et": "and", "ve": "and",
}

// titles are honorifics and ranks that publishers and customers write in
// front of names.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "sir": true, "dame": true, "lord": true,
	"sheikh": true, "shaikh": true, "shaykh": true, "sheik": true, "cheikh": true, "haji": true, "hajji": true,
	"alhaji": true, "alhaj": true, "hajj": true, "mullah": true, "mulla": true, "mawlawi": true, "maulavi": true,
	"maulvi": true, "mawlavi": true, "molvi": true, "qari": true, "imam": true, "hafiz": true,
	"general": true, "gen": true, "colonel": true, "col": true, "lt": true, "major": true, "maj": true,
	"captain": true, "capt": true, "admiral": true, "adm": true, "brigadier": true, "brig": true, "commander": true,
	"sgt": true, "sergeant": true, "lieutenant": true, "marshal": true, "excellency": true, "his": true, "her": true,
	// Dutch: de heer, jonkheer, doctorandus (written without vowels).
	"dhr": true, "jhr": true, "drs": true,
}

// legalForms maps token sequences (joined by spaces, as normalised forms)
// to a canonical legal-form class. Longer phrases win over shorter ones.
var legalForms = map[string]string{
	// Limited liability companies.
	"llc": "llc", "l l c": "llc", "ooo": "llc", "tov": "llc", "too": "llc", "mchj": "llc", "sp z o o": "llc",
	"limited liability company": "llc", "limited liability co": "llc", "limited liability partnership": "llp", "llp": "llp",
	"obshchestvo s ogranichennoi otvetstvennostiu": "llc", "obshchestvo s ogranichennoy otvetstvennostyu": "llc",
	"obshestvo s ogranichennoi otvetstvennostiu": "llc", "tovarystvo z obmezhenoiu vidpovidalnistiu": "llc",
	"tovaristvo z obmezhenoiu vidpovidalnistiu": "llc", "sro": "llc", "kft": "llc", "doo": "llc", "eood": "llc", "ood": "llc",
	// Joint-stock companies.
	"jsc": "jsc", "ojsc": "jsc", "cjsc": "jsc", "pjsc": "jsc", "zao": "jsc", "oao": "jsc", "pao": "jsc", "ao": "jsc", "nao": "jsc",
	"joint stock company": "jsc", "open joint stock company": "jsc", "closed joint stock company": "jsc",
	"public joint stock company": "jsc", "joint stock co": "jsc", "joint stock": "jsc", "open joint stock": "jsc",
	"public joint stock": "jsc", "closed joint stock": "jsc", "limited liability": "llc", "aktsionernoe obshchestvo": "jsc",
	"aktsionernoye obshchestvo": "jsc", "otkrytoe aktsionernoe obshchestvo": "jsc", "zakrytoe aktsionernoe obshchestvo": "jsc",
	"publichnoe aktsionernoe obshchestvo": "jsc", "pat": "jsc", "prat": "jsc", "ad": "jsc",
	// A Russian state corporation (Rostec, Rosatom, VEB.RF) is a legal
	// form of its own under Russian law, of no kind above.
	"state corporation": "co", "gosudarstvennaya korporatsiya": "co", "goskorporatsiya": "co",
	// Limited, public limited, incorporated.
	"ltd": "ltd", "limited": "ltd", "plc": "plc", "public limited company": "plc",
	"inc": "corp", "incorporated": "corp", "corp": "corp", "corporation": "corp",
	"co": "co", "company": "co", "cie": "co", "compania": "co", "compagnie": "co",
	"pte": "ltd", "pvt": "ltd", "private limited": "ltd", "pty": "ltd", "sdn bhd": "ltd", "bhd": "ltd",
	"co ltd": "ltd", "company limited": "ltd", "private": "ltd", "pvt ltd": "ltd", "private ltd": "ltd",
	// Continental European forms.
	"gmbh": "gmbh", "gesellschaft mit beschraenkter haftung": "gmbh", "gesellschaft mit beschrankter haftung": "gmbh",
	"ag": "ag", "aktiengesellschaft": "ag", "kg": "kg", "ohg": "kg", "se": "ag",
	"sa": "sa", "s a": "sa", "societe anonyme": "sa", "sociedad anonima": "sa", "spa": "sa", "s p a": "sa",
	"sarl": "llc", "s a r l": "llc", "srl": "llc", "s r l": "llc", "sas": "sa", "sl": "llc", "bv": "llc", "b v": "llc",
	"nv": "sa", "n v": "sa", "as": "sa", "asa": "sa", "ab": "sa", "oy": "sa", "oyj": "sa", "sae": "sa", "saog": "sa", "saoc": "sa",
	// Free-zone and other forms common on the lists.
	"fze": "fz", "fzco": "fz", "fzc": "fz", "fzllc": "fz", "fz llc": "fz", "fz": "fz", "dmcc": "fz",
	"lp": "lp", "gp": "lp", "cv": "sa", "sapi": "sa", "ltda": "ltd", "ca": "sa",
	"s a l": "sa", "sal": "sa", "s a s": "sa", "s c": "co", "sc": "co", "s a de c v": "sa", "sa de cv": "sa",
	"s a b de c v": "sa", "sab de cv": "sa", "s a p i de c v": "sa", "sapi de cv": "sa", "s a b": "sa", "sab": "sa",
	"s de r l": "llc", "s de r l de c v": "llc", "s de rl de cv": "llc", "s de rl": "llc", "s r o": "llc", "a s": "sa",
	"e i r l": "llc", "eirl": "llc", "s a c": "sa", "sac": "sa", "s a a": "sa", "ltda epp": "ltd", "c a": "sa",

	// Written out in the languages of the lists and of the companies
	// banks screen, and their abbreviations (ISO 20275, the Entity Legal
	// Forms code list, is the reference for the forms of each country).
	// Dutch, Belgian.
	"besloten vennootschap": "llc", "besloten vennootschap met beperkte aansprakelijkheid": "llc",
	"naamloze vennootschap": "sa", "commanditaire vennootschap": "kg", "vennootschap onder firma": "kg", "vof": "kg",
	// Scandinavian, Finnish.
	"aksjeselskap": "sa", "allmennaksjeselskap": "sa", "aktieselskab": "sa", "aktieselskap": "sa",
	"anpartsselskab": "llc", "aps": "llc", "aktiebolag": "sa", "publikt aktiebolag": "sa", "publ": "sa",
	"osakeyhtio": "sa", "julkinen osakeyhtio": "sa",
	// German, Austrian, Swiss.
	"kommanditgesellschaft": "kg", "offene handelsgesellschaft": "kg", "kommanditgesellschaft auf aktien": "ag", "kgaa": "ag",
	"gmbh und co kg": "kg", "gmbh co kg": "kg", "eingetragene genossenschaft": "co", "eingetragener verein": "co",
	// French, Italian, Spanish, Portuguese, Romanian, Latin.
	"societe par actions simplifiee": "sa", "societe a responsabilite limitee": "llc", "societe en nom collectif": "kg", "snc": "kg",
	"societe europeenne": "ag", "societas europaea": "ag", "societe civile": "co",
	"societa per azioni": "sa", "societa a responsabilita limitata": "llc", "societa in accomandita semplice": "kg",
	"sociedad limitada": "llc", "sociedad de responsabilidad limitada": "llc", "sociedad anonima de capital variable": "sa",
	"sociedad anonima cerrada": "sa", "sociedad anonima abierta": "sa", "slu": "llc", "sau": "sa",
	"sociedade anonima": "sa", "sociedade limitada": "ltd", "sociedade por quotas": "llc", "limitada": "ltd", "eireli": "llc",
	"societate cu raspundere limitata": "llc", "societate pe actiuni": "sa",
	// Polish, Czech, Slovak, Hungarian, Bulgarian, Serbian, Croatian,
	// Slovenian.
	"spolka z ograniczona odpowiedzialnoscia": "llc", "spzoo": "llc", "sp zoo": "llc", "spolka akcyjna": "sa", "spolka jawna": "kg",
	"spolecnost s rucenim omezenym": "llc", "akciova spolecnost": "sa", "spolocnost s rucenim obmedzenym": "llc", "akciova spolocnost": "sa",
	"korlatolt felelossegu tarsasag": "llc", "reszvenytarsasag": "sa", "nyilvanosan mukodo reszvenytarsasag": "sa",
	"zartkoruen mukodo reszvenytarsasag": "sa", "nyrt": "sa", "zrt": "sa", "bt": "kg",
	"ednolichno druzhestvo s ogranichena otgovornost": "llc", "druzhestvo s ogranichena otgovornost": "llc", "aktsionerno druzhestvo": "jsc",
	"drustvo s ogranicenom odgovornoscu": "llc", "drustvo sa ogranicenom odgovornoscu": "llc", "dionicko drustvo": "sa",
	"akcionarsko drustvo": "jsc", "dd": "sa",
	// Turkish, Malay, Indonesian.
	"anonim sirketi": "sa", "a s h": "sa", "a sh": "sa", "anonim sirket": "sa", "limited sirketi": "ltd", "ltd sti": "ltd", "sti": "ltd",
	// Şirketi as Analyze folds ş.
	"anonim shirketi": "sa", "anonim shirket": "sa", "limited shirketi": "ltd", "ltd shti": "ltd", "shti": "ltd",
	"sendirian berhad": "ltd", "berhad": "ltd", "perseroan terbatas": "ltd", "tbk": "ltd", "pt": "ltd",
	// Japanese: kabushiki kaisha (joint-stock), godo and yugen kaisha
	// (limited); Swedish aktiebolaget (the company); p.l.c. in letters.
	// (Not "p t" nor "k k": initials of other words spell them, M.B.P.T.,
	// PKK.)
	"kabushiki kaisha": "sa", "kabushiki gaisha": "sa", "kk": "sa", "godo kaisha": "llc", "yugen kaisha": "llc",
	"aktiebolaget": "sa", "p l c": "plc",
	// Russian, Ukrainian, Belarusian, Kazakh, as transliterated.
	"obshchestvo s ogranichennoi otvetstvennostyu": "llc", "obshestvo s ogranichennoy otvetstvennostyu": "llc",
	"obshchestvo s dopolnitelnoi otvetstvennostiu": "llc", "odo": "llc",
	"nepublichnoe aktsionernoe obshchestvo": "jsc", "otkrytoe aktsionernoe obshestvo": "jsc", "zakrytoe aktsionernoe obshestvo": "jsc",
	"publichnoe aktsionernoe obshestvo": "jsc", "aktsionernoe obshestvo": "jsc",
	"gosudarstvennoe unitarnoe predpriiatie": "co", "gosudarstvennoe unitarnoe predpriyatie": "co", "gup": "co",
	"federalnoe gosudarstvennoe unitarnoe predpriiatie": "co", "federalnoe gosudarstvennoe unitarnoe predpriyatie": "co", "fgup": "co",
	"munitsipalnoe unitarnoe predpriiatie": "co", "mup": "co", "fgbu": "co", "fgau": "co",
	"avtonomnaia nekommercheskaia organizatsiia": "co", "avtonomnaya nekommercheskaya organizatsiya": "co", "ano": "co",
	"tovarystvo z obmezhenoyu vidpovidalnistyu": "llc",
	"pryvatne aktsionerne tovarystvo":           "jsc", "publichne aktsionerne tovarystvo": "jsc", "aktsionerne tovarystvo": "jsc",
	"tovarystvo z dodatkovoiu vidpovidalnistiu": "llc", "tdv": "llc", "dochirnie pidpryiemstvo": "co",
	"zhauapkershiligi shekteuli seriktestik": "llc", "aktsionerlik kogam": "jsc",
}

// phraseWords are spellings that legal-form phrases use interchangeably:
// "Public Joint Stock Co.", "Ltd. Liability Partnership".
var phraseWords = map[string]string{"co": "company", "cie": "company", "ltd": "limited", "corp": "corporation", "inc": "incorporated"}

// legalWords are the long words of legal-form phrases, which a typo
// ("Compnay", "Corporaiton") should not turn into a rare name word. Each
// letter's words are sorted: a typo can be one edit from two of them
// ("obshcestvo": obshchestvo, obshestvo), legalWord takes the first, and
// the order of a map's iteration, which changes with every process, would
// make the analysis of a name, so the index and every score, change too.
var legalWords = func() map[byte][]string {
	out := map[byte][]string{}
	seen := map[string]bool{}
	for phrase := range legalForms {
		for _, w := range strings.Fields(phrase) {
			if len(w) >= 6 && !seen[w] {
				seen[w] = true
				out[w[0]] = append(out[w[0]], w)
			}
		}
	}
	for _, ws := range out {
		slices.Sort(ws)
	}
	return out
}()

// legalFirstWords are the words legal-form phrases start with, so that
// most words are passed over without building phrases.
var legalFirstWords = func() map[string]bool {
	out := map[string]bool{}
	for phrase := range legalForms {
		first, _, _ := strings.Cut(phrase, " ")
		out[first] = true
	}
	return out
}()

// maxLegalFormWords is the length of the longest phrase in legalForms.
const maxLegalFormWords = 7

// legalFormsAtEndOnly are forms made of single letters (or that are common
// words) that count as legal forms only when they end the name, so that
// initials ("S. A. Khan") and words ("AS", "AD", "CA") elsewhere are not
// taken for them.
var legalFormsAtEndOnly = map[string]bool{
	"s a": true, "s p a": true, "s a r l": true, "s r l": true, "b v": true, "n v": true, "l l c": true,
	"as": true, "ad": true, "ca": true, "ab": true, "se": true, "co": true, "ao": true, "sl": true, "cv": true,
	"pat": true, "too": true, "sa": true, "ag": true, "kg": true, "lp": true, "gp": true, "oy": true,
	"private": true, "s a l": true, "sal": true, "s a s": true, "s c": true, "sc": true, "s a de c v": true, "s de r l": true,
	"s de r l de c v": true, "s r o": true, "a s": true, "e i r l": true, "s a c": true, "sac": true, "s a a": true, "c a": true,
	"aps": true, "publ": true, "snc": true, "s a b": true, "sab": true, "slu": true, "sau": true, "bt": true, "dd": true, "sti": true, "shti": true, "tbk": true, "odo": true,
	"gup": true, "mup": true, "ano": true, "tdv": true, "vof": true, "fgbu": true, "fgau": true,
}

// legalFormsAtStart are end-only forms that Russian, Ukrainian, Kazakh and
// Bulgarian names also put first: "AO Druzhba", "TOO Alem", "PAT Ukrnafta".
var legalFormsAtStart = map[string]bool{"ao": true, "too": true, "pat": true, "ad": true, "l l c": true, "gup": true, "mup": true, "ano": true, "odo": true, "tdv": true, "fgbu": true, "fgau": true}

// abbreviations expand common abbreviations of organisation words.
var abbreviations = map[string]string{
	"intl": "international", "int": "international", "natl": "national", "nat": "national",
	"mfg": "manufacturing", "bros": "brothers", "assn": "association", "assoc": "association",
	"dept": "department", "univ": "university", "svcs": "services", "svc": "service", "ind": "industries",
	"inds": "industries", "grp": "group", "hldg": "holding", "hldgs": "holding", "holdings": "holding",
	"tech": "technology", "techs": "technologies", "mgmt": "management",
	"st": "saint", "ste": "saint", "hq": "headquarters",
}

// abbreviationTypo returns what a word one typo from a long word of
// abbreviations stands for ("Holdigns", "Holdixgs": holding), "" for any
// other word: the listed word is read as its canonical form, and a typo
// of it would otherwise meet nothing.
func abbreviationTypo(form string) string {
	if len(form) < 7 {
		return ""
	}
	for _, w := range longAbbreviations {
		if oneEdit(form, w) {
			return abbreviations[w]
		}
	}
	return ""
}

// longAbbreviations are the words of abbreviations of seven letters or
// more, sorted, so that a typo one edit from two of them always reads as
// the same.
var longAbbreviations = func() []string {
	var out []string
	for w := range abbreviations {
		if len(w) >= 7 {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}()

// generic words are frequent in organisation names. Screening weighs
// tokens by their rarity in the lists; these are the words that a
// comparison without an index (veto compare) treats as common.
var generic = map[string]bool{
	"bank": true, "trading": true, "trade": true, "company": true, "international": true, "industries": true,
	"industry": true, "industrial": true, "shipping": true, "petroleum": true, "general": true, "group": true,
	"holding": true, "investment": true, "investments": true, "services": true, "service": true, "enterprise": true,
	"enterprises": true, "commercial": true, "import": true, "export": true, "oil": true, "gas": true,
	"energy": true, "national": true, "development": true, "construction": true, "engineering": true,
	"technology": true, "technologies": true, "logistics": true, "global": true, "finance": true,
	"financial": true, "capital": true, "foundation": true, "organization": true, "organisation": true,
	"association": true, "ministry": true, "government": true, "state": true, "republic": true,
	"islamic": true, "united": true, "east": true, "middle": true, "of": true, "the": true, "and": true,
	"for": true, "center": true, "centre": true, "institute": true, "research": true, "agency": true,
	"management": true, "partners": true, "consulting": true, "marine": true, "maritime": true,
	"line": true, "lines": true, "transport": true, "airlines": true, "air": true, "exchange": true,
	"money": true, "factory": true, "plant": true, "mining": true, "metals": true, "chemical": true,
	"electronics": true, "systems": true, "solutions": true, "products": true, "network": true,
	"motor": true, "motors": true, "automotive": true, "digital": true, "pharmaceutical": true, "pharmaceuticals": true,
	"telecom": true, "telecommunications": true, "media": true, "software": true, "steel": true, "textile": true,
	"textiles": true, "foods": true, "machinery": true, "equipment": true, "manufacturing": true,
	"front": true, "army": true, "brigade": true, "battalion": true, "movement": true, "party": true,
	"council": true, "committee": true, "office": true, "bureau": true, "department": true,
	"university": true, "school": true, "college": true, "hospital": true, "charity": true, "fund": true,
	"mohammad": true, "mohammed": true, "muhammad": true, "mohamed": true, "ali": true, "ahmad": true, "ahmed": true,
	"abdul": true, "abd": true, "hassan": true, "hussein": true,
	// The same in the other languages of the companies on the lists:
	// Turkish (Sanayi ve Ticaret, İletişim Hizmetleri), Spanish,
	// Portuguese, French, German, and Russian as transliterated.
	"sanayi": true, "sanayii": true, "ticaret": true, "hizmetleri": true, "iletishim": true, "elektronik": true,
	"insaat": true, "enerji": true, "yatirim": true, "teknoloji": true, "sistemleri": true, "muhendislik": true,
	"pazarlama": true, "ithalat": true, "ihracat": true, "dis": true,
	"comercial": true, "comercio": true, "industrias": true, "servicios": true, "internacional": true,
	"tecnologia": true, "tecnologias": true, "inversiones": true, "servicos": true, "industria": true,
	"commerce": true, "industrie": true, "handel": true, "handels": true, "technik": true, "technologie": true,
	"kompaniya": true, "torgovyi": true, "torgovaya": true, "promyshlennaya": true, "gruppa": true,
	// What Russian state companies call themselves, in the lists' English
	// and in transliteration: a concern, a federal state unitary
	// enterprise, a scientific production association, a combine.
	"concern": true, "kontsern": true, "federal": true, "unitary": true, "scientific": true, "production": true,
	"works": true, "combine": true, "kombinat": true, "obedinenie": true, "obyedineniye": true,
	"nauchno": true, "proizvodstvennoe": true, "proizvodstvennaya": true, "proizvodstvennoye": true,
}

// tradeWords are the generic words that say what a company does, not
// which company it is nor which part of one: trading, industries,
// services, Sanayi ve Ticaret. ("Air" and "organization" are generic,
// but "... Guard Corps Air Force" is a part of the Guard Corps.)
var tradeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`trading trade industries industry industrial services service enterprise enterprises
		commercial import export engineering construction technology technologies logistics electronics systems
		solutions products investment investments consulting management development
		motor motors automotive digital pharmaceutical pharmaceuticals telecom telecommunications media software
		steel textile textiles foods machinery equipment manufacturing
		sanayi sanayii ticaret hizmetleri iletishim elektronik insaat yatirim teknoloji sistemleri muhendislik pazarlama
		ithalat ihracat dis comercial comercio industrias servicios tecnologia tecnologias inversiones servicos industria
		commerce industrie handel handels technik technologie torgovyi torgovaya promyshlennaya`) {
		m[w] = true
	}
	return m
}()

// TradeWord reports whether a folded word is a generic word that says
// what a company does (see tradeWords).
func TradeWord(form string) bool { return tradeWords[form] }

// Generic reports whether form is a common organisation word or a very
// common given name, which a comparison without corpus statistics weighs
// low.
func Generic(form string) bool { return generic[form] }

// orgWords are words that name organisations and hardly ever people: a
// name with one is read as an organisation's where the schema does not
// say (veto compare, a legal entity of unknown kind), so that its
// acronym may stand for it and its numbers count.
var orgWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range generic {
		m[w] = true
	}
	for _, w := range []string{"mohammad", "mohammed", "muhammad", "mohamed", "ali", "ahmad", "ahmed", "abdul", "abd", "hassan", "hussein", "of", "the", "and", "for", "east", "middle", "united", "general"} {
		delete(m, w)
	}
	for _, w := range strings.Fields(`corps guard guards liberation forces force navy police news media television radio
		academy church mosque relief aid welfare trust society union league federation alliance brigades battalions
		regiment division command authority commission administration institution clinic laboratory embassy
		consulate municipality province limited corporation works mill mine port terminal airport airline airways
		hotel store market shipyard refinery petrochemical petrochemicals pharmaceutical pharmaceuticals bureau
		navigation tankers tanker vessel vessels ship ships fleet cargo freight express insurance leasing credit
		securities partners ventures resources commodities metal steel aluminium aluminum coal mineral minerals
		telecom telecommunications communications software electric electronics motors automotive aviation aerospace
		defence defense military arms weapons missile missiles nuclear atomic scientific studies center centre
		organization organisation hezbollah hizballah taliban qaida qaeda emirate caliphate jihad mujahideen`) {
		m[w] = true
	}
	return m
}()

// OrgWord reports whether a folded word names organisations rather than
// people: bank, ministry, army, shipping, corps ...
func OrgWord(form string) bool { return orgWords[form] }
