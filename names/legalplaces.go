package names

// LegalPlace says where a company of a legal form may be registered, and
// whether a joint-stock company is open (public) or closed (private):
// the bits of a legal form token (Token.Legal). Zero says nothing: a
// translation into English (LLC, JSC, Limited Liability Company), a
// form of anywhere (Company, S.A.), or no legal form.
//
// A list translates a company's own legal form (ООО is LLC, 有限公司 Co.,
// Ltd.), so a translation may stand for any form of its kind. Two forms
// of the places they are registered in do not: MOKU GOLDMINES GMBH (a
// German-speaking country's) is not MOKU GOLDMINES LTD (a common-law
// country's), Ferrari N.V. (Dutch) is not Ferrari S.p.A. (Italian), and a
// closed joint-stock company (ZAO) is not an open one (OAO) of the same
// name. Countries with several languages register one company under the
// forms of each (Swiss AG and SA, GmbH and Sàrl; Belgian NV and SA, BV
// and SRL): they are places of their own that those forms share.
type LegalPlace uint16

const (
	placeGerman LegalPlace = 1 << iota
	placeFrench
	placeItalian
	placeIberian // Spain, Portugal and Latin America
	placeDutch
	placeNordic
	placePostSoviet
	placeCentral // Poland, Czechia, Slovakia, Hungary, the Balkans
	placeCommon  // common-law countries, and English translations of East Asian forms
	placeJapanese
	placeTurkish
	placeGulf
	placeSwiss
	placeBelgian
	legalOpen
	legalClosed

	placeMask = legalOpen - 1
)

// legalPlaces are the legal-form phrases of legalForms that name a form of
// some places only, by ISO 20275 (Entity Legal Forms) and the company law
// of each country; every other phrase is read as a translation.
var legalPlaces = func() map[string]LegalPlace {
	m := map[string]LegalPlace{}
	set := func(p LegalPlace, phrases ...string) {
		for _, ph := range phrases {
			m[ph] |= p
		}
	}
	set(placeGerman, "gmbh", "gesellschaft mit beschraenkter haftung", "gesellschaft mit beschrankter haftung", "ag", "aktiengesellschaft",
		"kg", "ohg", "kommanditgesellschaft", "offene handelsgesellschaft", "kommanditgesellschaft auf aktien", "kgaa", "gmbh und co kg", "gmbh co kg")
	set(placeSwiss, "gmbh", "gesellschaft mit beschraenkter haftung", "gesellschaft mit beschrankter haftung", "ag", "aktiengesellschaft",
		"sarl", "s a r l", "societe a responsabilite limitee")
	set(placeFrench, "sarl", "s a r l", "societe a responsabilite limitee", "sas", "s a s", "societe par actions simplifiee",
		"societe en nom collectif", "snc", "s a l", "sal")
	set(placeItalian, "spa", "s p a", "societa per azioni", "srl", "s r l", "societa a responsabilita limitata", "societa in accomandita semplice")
	set(placeIberian, "sl", "slu", "sociedad limitada", "sociedad de responsabilidad limitada", "srl", "s r l", "ltda", "limitada", "ltda epp",
		"sociedade limitada", "sociedade por quotas", "eireli", "e i r l", "eirl", "s de r l", "s de r l de c v", "s de rl de cv", "s de rl",
		"s a de c v", "sa de cv", "s a b de c v", "sab de cv", "s a p i de c v", "sapi de cv", "sapi", "cv", "s a c", "sac", "s a a", "c a", "ca",
		"sociedad anonima de capital variable", "sociedad anonima cerrada", "sociedad anonima abierta", "sau")
	set(placeDutch, "bv", "b v", "besloten vennootschap", "besloten vennootschap met beperkte aansprakelijkheid", "nv", "n v",
		"naamloze vennootschap", "commanditaire vennootschap", "vennootschap onder firma", "vof")
	set(placeBelgian, "bv", "b v", "besloten vennootschap", "nv", "n v", "naamloze vennootschap", "srl", "s r l")
	set(placeNordic, "as", "a s", "asa", "ab", "oy", "oyj", "aksjeselskap", "allmennaksjeselskap", "aktieselskab", "aktieselskap",
		"anpartsselskab", "aps", "aktiebolag", "aktiebolaget", "publikt aktiebolag", "publ", "osakeyhtio", "julkinen osakeyhtio")
	set(placePostSoviet, "ooo", "tov", "too", "mchj", "odo", "tdv", "zao", "oao", "pao", "ao", "nao", "pat", "prat",
		"obshchestvo s ogranichennoi otvetstvennostiu", "obshchestvo s ogranichennoy otvetstvennostyu", "obshestvo s ogranichennoi otvetstvennostiu",
		"obshchestvo s ogranichennoi otvetstvennostyu", "obshestvo s ogranichennoy otvetstvennostyu", "obshchestvo s dopolnitelnoi otvetstvennostiu",
		"tovarystvo z obmezhenoiu vidpovidalnistiu", "tovaristvo z obmezhenoiu vidpovidalnistiu", "tovarystvo z obmezhenoyu vidpovidalnistyu",
		"tovarystvo z dodatkovoiu vidpovidalnistiu", "aktsionernoe obshchestvo", "aktsionernoye obshchestvo", "otkrytoe aktsionernoe obshchestvo",
		"zakrytoe aktsionernoe obshchestvo", "publichnoe aktsionernoe obshchestvo", "nepublichnoe aktsionernoe obshchestvo",
		"otkrytoe aktsionernoe obshestvo", "zakrytoe aktsionernoe obshestvo", "publichnoe aktsionernoe obshestvo", "aktsionernoe obshestvo",
		"pryvatne aktsionerne tovarystvo", "publichne aktsionerne tovarystvo", "aktsionerne tovarystvo",
		"zhauapkershiligi shekteuli seriktestik", "aktsionerlik kogam")
	set(placeCentral, "sp z o o", "spzoo", "sp zoo", "spolka z ograniczona odpowiedzialnoscia", "spolka akcyjna", "spolka jawna",
		"sro", "s r o", "spolecnost s rucenim omezenym", "akciova spolecnost", "spolocnost s rucenim obmedzenym", "akciova spolocnost",
		"as", "a s", "kft", "zrt", "nyrt", "bt", "korlatolt felelossegu tarsasag", "reszvenytarsasag", "nyilvanosan mukodo reszvenytarsasag",
		"zartkoruen mukodo reszvenytarsasag", "doo", "dd", "ad", "ood", "eood", "ednolichno druzhestvo s ogranichena otgovornost",
		"druzhestvo s ogranichena otgovornost", "aktsionerno druzhestvo", "drustvo s ogranicenom odgovornoscu",
		"drustvo sa ogranicenom odgovornoscu", "dionicko drustvo", "akcionarsko drustvo",
		"srl", "s r l", "societate cu raspundere limitata", "societate pe actiuni")
	set(placeCommon, "ltd", "limited", "plc", "p l c", "public limited company", "pte", "pvt", "private limited", "pty", "sdn bhd", "bhd",
		"co ltd", "company limited", "private", "pvt ltd", "private ltd", "sendirian berhad", "berhad", "inc", "incorporated", "corp", "corporation")
	// Japanese companies are "Co., Ltd." and "Corporation" in English.
	set(placeJapanese, "kabushiki kaisha", "kabushiki gaisha", "kk", "godo kaisha", "yugen kaisha",
		"ltd", "limited", "co ltd", "company limited", "inc", "incorporated", "corp", "corporation")
	set(placeTurkish, "anonim sirketi", "a s h", "a sh", "anonim sirket", "limited sirketi", "ltd sti", "sti", "as", "a s",
		"anonim shirketi", "anonim shirket", "limited shirketi", "ltd shti", "shti")
	// A Turkish Limited Şirketi is a Limited in English.
	set(placeCommon, "limited sirketi", "ltd sti", "sti", "limited shirketi", "ltd shti", "shti")
	set(placeGulf, "fze", "fzco", "fzc", "fzllc", "fz llc", "fz", "dmcc", "sae", "saog", "saoc")
	set(legalOpen, "oao", "pao", "ojsc", "pjsc", "pat", "open joint stock company", "public joint stock company", "open joint stock",
		"public joint stock", "otkrytoe aktsionernoe obshchestvo", "publichnoe aktsionernoe obshchestvo", "otkrytoe aktsionernoe obshestvo",
		"publichnoe aktsionernoe obshestvo", "publichne aktsionerne tovarystvo")
	set(legalClosed, "zao", "cjsc", "nao", "prat", "closed joint stock company", "closed joint stock", "zakrytoe aktsionernoe obshchestvo",
		"zakrytoe aktsionernoe obshestvo", "nepublichnoe aktsionernoe obshchestvo", "pryvatne aktsionerne tovarystvo")
	return m
}()

// LegalFormsMeet reports whether two legal forms' places may name one
// company: one of them a translation (no place), or a place they share,
// and not an open joint-stock company against a closed one.
func LegalFormsMeet(a, b LegalPlace) bool {
	if a&legalOpen != 0 && b&legalClosed != 0 || a&legalClosed != 0 && b&legalOpen != 0 {
		return false
	}
	pa, pb := a&placeMask, b&placeMask
	return pa == 0 || pb == 0 || pa&pb != 0
}
