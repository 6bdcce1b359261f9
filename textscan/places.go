package textscan

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Place is a sanctioned country, region or city.
type Place struct {
	// Name is the place's English name.
	Name string `json:"name"`
	// Country is its ISO 3166-1 code, lower case, or the sub-code veto
	// uses for a territory sanctioned apart ("ua-cri" Crimea, "ua-dpr"
	// Donetsk, "ua-lpr" Luhansk).
	Country string `json:"country"`
	// Kind is "country", "region" or "city".
	Kind string `json:"kind"`
	// Severity is "embargo" for places under comprehensive or territorial
	// sanctions (any dealing needs a licence) and "sanctions" for
	// countries under broad but targeted regimes (Russia, Belarus,
	// Venezuela, Myanmar), where the place alone proves nothing.
	Severity string `json:"severity"`
	// Reason says which regimes, briefly.
	Reason string `json:"reason"`
	// Adjective reports that the text named the place by its adjective
	// ("Iranian", "иранский"): a weaker signal, reported because an
	// "Iranian tanker" in a payment matters as much as "Iran".
	Adjective bool `json:"adjective,omitempty"`
}

// Place severities.
const (
	Embargo   = "embargo"
	Sanctions = "sanctions"
)

// placeDef is a place and the ways texts write it: forms are names in
// several languages and scripts, including the inflected Russian and
// Ukrainian forms a text uses ("в Крыму", "из Ирана"), separated by "|".
type placeDef struct {
	Place
	forms, adjectives string
}

const (
	reasonCrimea   = "territorial sanctions: US (EO 14065 and 13685), EU, UK, Canada, Australia"
	reasonOccupied = "EU and UK territorial sanctions on the areas not controlled by Ukraine's government"
	reasonIran     = "comprehensive US embargo (ITSR); UN, EU and UK sanctions"
	reasonSyria    = "long under US, EU and UK embargoes; the Assad regime's listed persons remain designated"
	reasonDPRK     = "UN Security Council sanctions (resolution 1718 and after); comprehensive US embargo"
	reasonCuba     = "comprehensive US embargo (CACR)"
)

var placeDefs = []placeDef{
	{Place{"Iran", "ir", "country", Embargo, reasonIran, false},
		"Iran|Islamic Republic of Iran|Irán|Иран|Ирана|Ирану|Ираном|Иране|Іран|Ірану|Ірані|إيران|ايران|ایران|이란",
		"Iranian|Iranians|iranien|iranienne|iraniens|iraniennes|iranisch|iranische|iranischen|iranischer|iranisches|iraní|iraníes|иранский|иранская|иранское|иранские|иранского|иранской|иранских|иранскую|іранський|іранська|іранські|إيراني|إيرانية|ایرانی"},
	{Place{"Syria", "sy", "country", Embargo, reasonSyria, false},
		"Syria|Syrian Arab Republic|Syrie|Syrien|Siria|Сирия|Сирии|Сирию|Сирией|Сирія|Сирії|سوريا|سورية|سوريه|سوریه|시리아",
		"Syrian|Syrians|syrien|syrienne|syriens|syrisch|syrische|syrischen|syrischer|sirio|sirios|сирийский|сирийская|сирийские|сирийского|сирийской|сирійський|سوري"},
	{Place{"North Korea", "kp", "country", Embargo, reasonDPRK, false},
		"North Korea|DPRK|D P R K|Democratic People's Republic of Korea|Democratic Peoples Republic of Korea|Corée du Nord|Nordkorea|Corea del Norte|Северная Корея|Северной Кореи|Северную Корею|Северной Корее|КНДР|Північна Корея|Північної Кореї|Північній Кореї|كوريا الشمالية|كوريا الديمقراطية|북한|조선민주주의인민공화국",
		"North Korean|North Koreans|nord coréen|nord coréenne|nordkoreanisch|nordkoreanische|nordkoreanischen|norcoreano|norcoreana|северокорейский|северокорейская|северокорейские|северокорейского|північнокорейський"},
	{Place{"Cuba", "cu", "country", Embargo, reasonCuba, false},
		"Cuba|Kuba|Куба|Кубы|Кубе|Кубу|Кубой|كوبا|쿠바",
		"Cuban|Cubans|cubain|cubaine|kubanisch|kubanische|kubanischen|cubano|cubana|cubanos|кубинский|кубинская|кубинские|кубинского"},
	{Place{"Crimea", "ua-cri", "region", Embargo, reasonCrimea, false},
		"Crimea|Republic of Crimea|Crimean Peninsula|Crimée|Krim|Krym|Крым|Крыма|Крыму|Крымом|Крыме|Крим|Криму|Кримом|القرم|크림",
		"Crimean|крымский|крымская|крымские|крымского|кримський|кримська"},
	{Place{"Sevastopol", "ua-cri", "city", Embargo, reasonCrimea, false}, "Sevastopol|Sébastopol|Sewastopol|Sebastopol|Севастополь|Севастополя|Севастополе", ""},
	{Place{"Simferopol", "ua-cri", "city", Embargo, reasonCrimea, false}, "Simferopol|Simferopoli|Симферополь|Симферополя|Симферополе|Сімферополь|Сімферополя", ""},
	{Place{"Donetsk", "ua-dpr", "region", Embargo, reasonCrimea, false},
		"Donetsk|Donezk|Donetsk People's Republic|Donetsk Peoples Republic|DNR|Донецк|Донецка|Донецке|Донецьк|Донецька|Донецьку|ДНР|دونيتسك", ""},
	{Place{"Luhansk", "ua-lpr", "region", Embargo, reasonCrimea, false},
		"Luhansk|Lugansk|Luhansk People's Republic|Lugansk People's Republic|LNR|Луганск|Луганска|Луганске|Луганськ|Луганська|Луганську|ЛНР|لوهانسك", ""},
	{Place{"Zaporizhzhia", "ua", "region", Embargo, reasonOccupied, false},
		"Zaporizhzhia|Zaporizhia|Zaporozhye|Zaporijia|Saporischschja|Запорожье|Запорожья|Запорожской|Запоріжжя|Запорізька|Запорізької", ""},
	{Place{"Kherson", "ua", "region", Embargo, reasonOccupied, false}, "Kherson|Cherson|Kherson Oblast|Херсон|Херсона|Херсоне|Херсонской|Херсонська|Херсонської", ""},
	{Place{"Tehran", "ir", "city", Embargo, reasonIran, false}, "Tehran|Teheran|Téhéran|Teherán|Тегеран|Тегерана|Тегеране|Тегерані|طهران|تهران|테헤란", ""},
	{Place{"Bandar Abbas", "ir", "city", Embargo, reasonIran, false}, "Bandar Abbas|Bandar-e Abbas|بندر عباس", ""},
	{Place{"Damascus", "sy", "city", Embargo, reasonSyria, false}, "Damascus|Damas|Damaskus|Damasco|Дамаск|Дамаска|Дамаске|Дамаску|دمشق", ""},
	{Place{"Aleppo", "sy", "city", Embargo, reasonSyria, false}, "Aleppo|Alep|Алеппо|Халеб|حلب", ""},
	{Place{"Latakia", "sy", "city", Embargo, reasonSyria, false}, "Latakia|Lattakia|Lattaquié|Латакия|Латакии|اللاذقية", ""},
	{Place{"Tartus", "sy", "city", Embargo, reasonSyria, false}, "Tartus|Tartous|Тартус|طرطوس", ""},
	{Place{"Pyongyang", "kp", "city", Embargo, reasonDPRK, false}, "Pyongyang|P'yŏngyang|Pjöngjang|Pionyang|Пхеньян|Пхеньяна|Пхеньяне|Пхеньяну|بيونغ يانغ|بيونغيانغ|평양", ""},
	{Place{"Nampo", "kp", "city", Embargo, reasonDPRK, false}, "Nampo|Namp'o|Нампхо|남포", ""},
	{Place{"Havana", "cu", "city", Embargo, reasonCuba, false}, "Havana|La Havane|Havanna|La Habana|Гавана|Гаваны|Гаване|هافانا|아바나", ""},
	{Place{"Russia", "ru", "country", Sanctions, "broad US, EU, UK, Canadian and Australian sanctions: financial, sectoral, export", false},
		"Russia|Russian Federation|Russie|Russland|Rusia|Россия|России|Россию|Россией|Росія|Росії|Росію|روسيا|روسیه|러시아",
		"Russian|Russians|russe|russes|russisch|russische|russischen|russischer|ruso|rusa|rusos|российский|российская|российские|российского|российской|российских|російський|російська|російські"},
	{Place{"Belarus", "by", "country", Sanctions, "US, EU, UK and Canadian sanctions", false},
		"Belarus|Belorussia|Byelorussia|Biélorussie|Weißrussland|Bielorrusia|Беларусь|Беларуси|Белоруссия|Белоруссии|Білорусь|Білорусі|بيلاروسيا",
		"Belarusian|Belarussian|biélorusse|belarussisch|белорусский|белорусская|белорусские|білоруський"},
	{Place{"Venezuela", "ve", "country", Sanctions, "US sanctions on the government and sectors; EU arms embargo", false},
		"Venezuela|Венесуэла|Венесуэлы|Венесуэле|فنزويلا", "Venezuelan|vénézuélien|venezolanisch|venezolano|venezolana"},
	{Place{"Myanmar", "mm", "country", Sanctions, "US, EU, UK and Canadian sanctions on the military regime", false},
		"Myanmar|Burma|Birmanie|Birma|Мьянма|Мьянмы|ميانمار", "Burmese"},
}

// placePhrase is one written form of a place: its folded words.
type placePhrase struct {
	words []string
	place *Place
}

// placeTable maps the first folded word of every form to its phrases,
// longest first.
type placeTable map[string][]placePhrase

func newPlaceTable() placeTable {
	t := placeTable{}
	for i := range placeDefs {
		d := &placeDefs[i]
		adj := d.Place
		adj.Adjective = true
		for _, forms := range []struct {
			list  string
			place *Place
		}{{d.forms, &d.Place}, {d.adjectives, &adj}} {
			if forms.list == "" {
				continue
			}
			p := *forms.place
			for _, form := range strings.Split(forms.list, "|") {
				var words []string
				for _, w := range strings.FieldsFunc(form, func(r rune) bool { return r == ' ' || r == '-' }) {
					words = append(words, foldWord([]byte(w)))
				}
				t[words[0]] = append(t[words[0]], placePhrase{words: words, place: &p})
			}
		}
	}
	for k, ps := range t {
		// Longest first, so that "North Korean" wins over a shorter form.
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		t[k] = ps
	}
	return t
}

// foldWord folds a word for place lookup: lower case, accents removed,
// the Persian letters written as their Arabic counterparts, typographic
// apostrophes made plain. ASCII words are only lower-cased; words in the
// Latin, Greek, Cyrillic, Arabic and Hangul blocks are folded a letter at
// a time from a table (a Russian or Arabic text is folded at the speed of
// an English one); other words go through Unicode normalisation.
func foldWord(w []byte) string {
	ascii := true
	for _, c := range w {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(string(w))
	}
	var buf [64]byte
	b := buf[:0]
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRune(w[i:])
		switch {
		case r < rune(len(foldTable)):
			b = append(b, foldTable[r]...)
		case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables: no case, no marks
			b = append(b, w[i:i+size]...)
		default:
			return foldSlow(w)
		}
		i += size
	}
	return string(b)
}

// foldTable is foldSlow of each letter below U+0700, which folds a word
// as the concatenation of its letters' folds: it removes marks (so that
// no mark is left to compose with), and recomposes nothing else there.
var foldTable = func() []string {
	t := make([]string, 0x700)
	for r := range t {
		if utf8.ValidRune(rune(r)) {
			t[r] = foldSlow(utf8.AppendRune(nil, rune(r)))
		}
	}
	return t
}()

// foldSlow is foldWord by Unicode normalisation.
func foldSlow(w []byte) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(string(w)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ی' || r == 'ى':
			r = 'ي'
		case r == 'ک':
			r = 'ك'
		case r == '’' || r == 'ʼ':
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	// Recompose what NFD took apart and is not an accent: Hangul
	// syllables.
	return norm.NFC.String(b.String())
}

// hangulParticleMax is the most syllables a Korean particle glued to a
// place name has ("북한의", "북한에서는").
const hangulParticleMax = 3
