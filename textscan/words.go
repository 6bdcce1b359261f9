package textscan

import (
	"strings"
	"unicode/utf8"

	"github.com/vetoscreen/veto/match"
)

// Word classes of running text. The index knows how rare a word is among
// listed names, not how common it is in prose: "Home", "World", "Minister"
// or "Foreign" are rare in names and so weigh much, yet a news page is full
// of them. These lists, written by hand, keep such words from anchoring a
// name; they may still be part of one ("Bank Melli Iran": "Melli"
// anchors, "Bank" and "Iran" are scored with it).

// stopWords break a run of name words: function words, pronouns and the
// verbs of reporting, in English and the other languages that payment
// texts and news copies mix in. A name never contains them, apart from the
// connectors below.
var stopWords = set(`
a an as at be been but by can could did do does done for from had has have he her hers him his how i if in into is it its
me more most my no nor not now on once only or our ours out over own said say says she should so some such than that
their them then there these they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours also after again against all am any are because before being below between both
down during each few further here just off same about above across along among around behind beyond despite like near
since toward towards upon via within without per told tells warned warns added adds according asked announced
yesterday today tomorrow week year years month months day days
und der die das den dem des ein eine mit von zu im ist auf nicht sich auch bei nach
le la les une des et est dans pour par sur avec au aux ce cette qui que pas
los las y en por con para del es que una uno lo como
и в во на с со по за из к о об от до не что это как для а но
в на з до від що це як для та і й
في من على إلى الى عن أن إن ان قال وقال قالت وقالت التي الذي هذا هذه ذلك مع كان كانت يجب بعد قبل حول ضد بين عند أو او ثم لا لم لن ما هو هي
از به با در که این آن برای را و یا تا
`)

// connectors may stand inside a name but neither start nor end one, nor
// anchor it: "Bank of China", "Central Bank of the Islamic Republic of
// Iran", "Bashar al-Assad", "Osama bin Laden", "van der Berg".
var connectors = set(`of the and al el ul bin ibn ben bint abu abou ould de del della der den di da das dos do du des la le van von zu y`)

// commonWords are frequent capitalised words of news pages, headlines,
// web boilerplate, payment messages and titles: they may be part of a
// name but never anchor one, so that "Home | World | Business" or a
// headline in title case is not read as a listed name.
var commonWords = set(`
home world business news sport sports politics culture travel video videos live latest more menu search sign login log
subscribe subscription register account cookies cookie accept reject privacy policy terms conditions contact about advertise
newsletter share facebook twitter instagram linkedin youtube tiktok email print comments comment read watch listen podcast
podcasts opinion analysis features feature health science technology tech climate weather markets market economy money
finance style life lifestyle food entertainment arts books music film tv radio magazine edition international national
local europe asia africa americas america middle east west north south central global world's breaking top stories story
related topics topic photos photo gallery image images copyright rights reserved page next previous back skip content
main navigation close open view all show hide settings help faq support careers jobs press media partners partner
foreign minister ministry president prime secretary chancellor deputy vice ambassador spokesman spokeswoman spokesperson
senator congressman governor mayor chairman chair chief executive director head leader general officer official officials
mr mrs ms miss dr sir madam king queen prince princess his her excellency state states department office council
government parliament assembly congress senate committee commission union federal republic democratic people's peoples
new old first second third last former acting interim high higher great greater big small little good best better new
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec
sanctions sanction sanctioned embargo talks deal agreement summit meeting meetings conference war peace security defence
defense military army navy air force forces oil gas energy trade bank banks banking group company companies holding
holdings corporation corp inc ltd llc limited plc co services service trading industries industrial investment investments
capital fund funds financial united kingdom nations european commission eu un us uk usa nato g7 g20 ukraine ukrainian
reuters associated afp bloomberg ap agency bbc cnn
payment payments transfer invoice amount currency beneficiary ordering customer remittance information reference ref
account iban swift bic code address street road avenue city country date value charges details instructions sender
receiver intermediary institution correspondent agent debtor creditor ultimate purpose urgent please regards dear thanks
thank best kind sincerely attached attachment subject re fw fwd
goods spare parts equipment machinery delivery deliveries shipment shipments cargo supplies supply products product materials
components consulting consultancy fees fee salary rent loan repayment purchase sale order contract invoices spare
inv po no nr ref tel fax www com org net http https
pay paid pays pmt pymt paymt svcs svc srvcs favour favor ifo bnf benef bene benf ord trf tfr trx txn remit settle
settlement acct chq cheque wire tt
asset assets management managers securities insurance logistics shipping freight marine maritime power resources metals
chemicals pharmaceuticals technologies systems solutions software electronics engineering construction development commercial
transport airlines airline airport port ports terminal terminals container containers line lines shipyard factory plant
export import exports imports enterprise enterprises association foundation institute university research
joint stock liability open closed public private society partnership incorporated unitary municipal federal budgetary
`)

// proseWords are ordinary English words, frequent in prose, that many
// listed organisations and vessels are named with ("Start", "Asia
// Pacific", "Sea Star", "Silver Star", "Golden Star"): a name whose
// matched words are all such words, or common words of the other
// tables, needs more than its words to be found in text (see
// distinctive). Nouns, adjectives and verbs of everyday English, written
// from general knowledge of the language, not from any list of names.
var proseWords = set(`
able about above access act action active actual add address advance advice age agent air alert alliance alpha
alternative amber anchor angel answer apex apple area arrow art asset atlantic atlas auto autumn award axis
baby back balance ball band base basic bay beach beacon bear beauty bed bell benefit best big bird black blade blue
board boat body bold bond bone book boost border bow box brain branch brand brave bread break bridge bright
brilliant broad brother brown build builder bull bureau business butterfly buy cable call calm camp can capital
captain car card care career cargo carrier case cash castle cat cause cedar cell center centre century chain
chair champion chance change channel charm chart check chief child choice circle citizen city civil claim class
classic clean clear client climate clock cloud club coal coast coastal code coin cold collection colour color
comfort command common compass complete concept concord connect connection consumer contact content control
cool copper core corner cosmos cotton council count country courage course court cover craft creative credit
crest cross crown crystal culture cup current cycle daily dawn day deal deep delta desert design destiny
develop diamond digital direct direction discovery distance dolphin dove dragon dream drive dynamic eagle early
earth east eastern easy echo eco edge education effect element elite emerald empire energy engine enterprise
entry equal era essential euro event ever evergreen excel excellence exchange expert explorer express fair
faith falcon family fashion fast father feather field film final fine fire first fish flag flame fleet flight
flow flower fly focus force forest form fortune forward fountain fox free freedom fresh friend friendship front
frontier fruit fuel full fund future galaxy game garden gate gateway gem general genesis giant gift glass global
glory goal gold golden good grace grain grand granite graphic great green ground group grow growth guard guide
gulf hand happy harbor harbour harmony harvest hawk head health heart heat heaven height help heritage hero high
highland hill history home honest honey honor honour hope horizon horse host house human hunter ice idea image
impact import independent industry infinity info inland insight integrity international iron island ivory jade
jet jewel journey joy jupiter justice key king kingdom knight lake land landmark laser leader leading leaf
legacy legend liberty life light lightning lime line link links lion little live logic long lotus love loyal
luck lucky luna lunar machine magic main major majestic maple marine mark market master matrix max medical
meridian metal metro middle mile mill mind mineral mint mirror mission mode model modern money monitor moon
morning mother motion motor mount mountain move music mutual national nature navigator neptune net network new
news next night noble north northern nova oak ocean office oil olive omega one open optimum orange orbit order
origin pacific palace palm paper paradise park partner path peace peak pearl people perfect phoenix pilot
pine pioneer planet plant platinum plaza plus point polar power premier premium press pride prime prince
princess pro progress prospect pure quality quantum queen quest quick rainbow range rapid ray real record
red reef regal relief resource rich right ring rise river road rock rocket rose royal ruby safe safety sail
saint sand sapphire satellite scale school science sea seal season secure security seed select service
seven shadow share shell shield shine ship shore sign signal silk silver simple sky smart snow solar solid
solution sound source south southern space spark special spirit sport spring square standard star start
state steel stone storm strategic strategy stream street strong style success summit sun sunrise sunset super
supreme swan swift system table talent target team tech temple terra test tiger time titan top total touch
tower town trade trader trail trans transit travel treasure tree trend triangle trinity triple trust truth
turbo twin ultra union unique unity universal universe up urban valley value vanguard vector venture venus
victor victoria victory view villa vision vista vital voice volt voyage wave way wealth west western whale
white wide wild willow win wind window wing winner winter wisdom wise wolf wonder wood world yellow young
youth zenith zone
`)

// commonAcronyms are acronyms of news and payments that are no listed
// organisation's, however its initials run: currencies, offices, bodies,
// units and the like ("the CEO said", "USD 4,000").
var commonAcronyms = set(`
usd eur gbp rub cny rmb jpy chf aed sar irr try inr krw hkd sgd cad aud nzd sek nok dkk pln czk huf uah byn kzt
ceo cfo coo cto chairman md vp svp evp gm hr pr it ai ip id pin tin vat gst iban bic swift imo mmsi dob pob
gdp cpi ppi fdi ipo m&a esg lng lpg crude bbl mt dwt teu km kg mw gw kw
eu un us uk uae usa ussr nato opec iaea imf wto who wb ecb fed sec fbi cia nsa dhs doj dod ofac ofsi fatf
fsb gru svr kgb nkvd ngo ngos tv pc pm am bbc cnn afp ap dpa tass ria
ok faq pdf url www html xml api sms gps usb dvd cd
msg sq st rd ave blvd apt ste bldg attn att pls asap fyi tbc tba eta etd pcs qty ltd inc
`)

// legalPhraseWords are the words of the legal forms written in several
// words, folded as names folds them ("Joint Stock Company", "Obshchestvo
// s Ogranichennoy Otvetstvennostyu", "Gesellschaft mit beschränkter
// Haftung", "Limited Şirketi"): names reads such a phrase as one legal
// form that weighs little, where each word alone is a word that may
// weigh much, so a bound takes a window's such word to weigh nothing
// (see word.soft). The words that are legal forms alone ("Company",
// "Ltd") are found by the analysis (analysed.legalForm).
var legalPhraseWords = set(`
joint stock limited liability company partnership open closed public private incorporated
obshchestvo obshestvo ogranichennoi ogranichennoy otvetstvennostiu otvetstvennostyu dopolnitelnoi aktsionernoe
aktsionernoye otkrytoe zakrytoe publichnoe nepublichnoe gosudarstvennoe unitarnoe predpriiatie predpriyatie
federalnoe munitsipalnoe avtonomnaia avtonomnaya nekommercheskaia nekommercheskaya organizatsiia organizatsiya
tovarystvo tovaristvo obmezhenoiu obmezhenoyu vidpovidalnistiu vidpovidalnistyu dodatkovoiu pryvatne publichne
aktsionerne dochirnie pidpryiemstvo zhauapkershiligi shekteuli seriktestik aktsionerlik kogam
spolka ograniczona odpowiedzialnoscia akcyjna jawna spolecnost rucenim omezenym akciova spolocnost obmedzenym
korlatolt felelossegu tarsasag nyilvanosan mukodo reszvenytarsasag zartkoruen ednolichno druzhestvo ogranichena
otgovornost aktsionerno drustvo ogranicenom odgovornoscu dionicko akcionarsko
gesellschaft beschraenkter beschrankter haftung kommanditgesellschaft offene handelsgesellschaft aktien
eingetragene genossenschaft eingetragener verein societe anonyme actions simplifiee responsabilite limitee
collectif europeenne civile societas europaea societa azioni responsabilita limitata accomandita semplice
sociedad anonima limitada responsabilidad capital variable cerrada abierta sociedade quotas societate raspundere
actiuni besloten vennootschap beperkte aansprakelijkheid naamloze commanditaire firma publikt aktiebolag
julkinen osakeyhtio anonim sirketi sirket sendirian berhad perseroan terbatas
`)

// legalPhraseWord reports whether a folded word is a word of a legal form
// of several words, or, as names reads them, one letter from one of six
// letters or more with the same first letter ("Obhchestvo").
func legalPhraseWord(form string) bool {
	if legalPhraseWords[form] {
		return true
	}
	if len(form) < 6 {
		return false
	}
	for _, w := range legalPhraseLong[form[0]] {
		if match.EditDistance(form, w, 1) <= 1 {
			return true
		}
	}
	return false
}

// legalPhraseLong are the legal phrase words of six letters or more, by
// first letter.
var legalPhraseLong = func() map[byte][]string {
	out := map[byte][]string{}
	for w := range legalPhraseWords {
		if len(w) >= 6 {
			out[w[0]] = append(out[w[0]], w)
		}
	}
	return out
}()

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// wordClass classifies a word by its lower-case form.
type wordClass uint8

const (
	className wordClass = iota // may anchor a name
	classCommon
	classConnector
	classStop
)

// classify returns the class of a word given in any case; the lookup
// does not allocate.
func classify(w []byte) wordClass {
	var buf [24]byte
	if len(w) > len(buf) {
		return className
	}
	n := 0
	for len(w) > 0 {
		c := w[0]
		if c >= 0x80 {
			// Non-ASCII: the Cyrillic stop words, by their UTF-8 bytes
			// folded to lower case.
			return classifyUnicode(w)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
		w = w[1:]
	}
	return wordClasses[string(buf[:n])] // className if absent
}

// wordClasses has the class of every connector, stop word and common
// word, for one lookup a word.
var wordClasses = func() map[string]wordClass {
	m := map[string]wordClass{}
	for _, c := range []struct {
		words map[string]bool
		class wordClass
	}{{commonWords, classCommon}, {commonWordsScripts, classCommon}, {stopWords, classStop}, {connectors, classConnector}} { // the last wins
		for w := range c.words {
			m[strings.ToLower(w)] = c.class
		}
	}
	return m
}()

// longestConnector is the length of the longest connector, in bytes.
var longestConnector = func() int {
	n := 0
	for w := range connectors {
		n = max(n, len(w))
	}
	return n
}()

// isConnector reports whether a word given in any case is a connector.
func isConnector(w []byte) bool {
	if len(w) > longestConnector {
		return false
	}
	var buf [8]byte
	for i, c := range w {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return connectors[string(buf[:len(w)])]
}

func classifyUnicode(w []byte) wordClass {
	if len(w) > 48 {
		return className
	}
	lw := strings.ToLower(string(w))
	if c, ok := wordClasses[lw]; ok {
		return c
	}
	// Arabic glues the conjunction (و, ف), some prepositions (ب, ل, ك)
	// and the article to the word: look up what is left once they are
	// taken off, as long as three letters are.
	for _, conj := range []string{"", "و", "ف"} {
		rest, ok := strings.CutPrefix(lw, conj)
		if !ok {
			continue
		}
		for _, art := range []string{"", "ال", "بال", "لل", "كال", "ب", "ل"} {
			if base, ok := strings.CutPrefix(rest, art); ok && utf8.RuneCountInString(base) >= 3 && (conj != "" || art != "") {
				if c, ok := wordClasses[base]; ok && c != classConnector {
					return c
				}
			}
		}
	}
	return className
}

// commonWordsScripts are common words of Arabic and Russian news, web
// pages and payments, as commonWords are of English: they may be part of
// a name but anchor none. Arabic is written without vowels, so an
// ordinary word shares its consonants with listed names ("خلال", during,
// with Khalil); and Russian capitalises the first word of a sentence and
// of a heading. Words that are also given names (كريم, أمين, سعيد, نور,
// سلام, Вера, Роман) are left out, since a name may hang on them. Arabic
// words are listed bare: the article and the glued conjunctions and
// prepositions are taken off before the lookup.
var commonWordsScripts = set(`
قال قالت يقول تقول أكد أكدت يؤكد أعلن أعلنت يعلن أضاف أضافت أوضح أوضحت أشار أشارت ذكر ذكرت حذر حذرت أفاد أفادت
صرح صرحت نقل نقلت تابع تابعت وأضاف وقال يوم أمس غدا عام أعوام ماضي ماضية مقبل مقبلة قادم قادمة حالي حالية خلال بعد قبل
منذ حتى عند نحو حوالي أكثر أقل أول أولى آخر أخرى أيضا فقط جديد جديدة كبير كبيرة صغير صغيرة طويل طويلة قصير أجل سنة
سنوات شهر أشهر أسبوع ساعة دقيقة مرة مرات جميع بعض كل غير عدة عدد أمام وراء داخل خارج فوق تحت حين بين ضمن نهاية بداية
واحد واحدة اثنين اثنان اثني ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثمانية تسع تسعة عشر عشرة عشرين ثلاثين
أربعين خمسين مئة مائة ألف آلاف مليون مليار ملايين مليارات المئة نسبة بنسبة ربع نصف ثلث
شركة شركات سهم أسهم سعر أسعار سوق أسواق بنك بنوك مصرف مصارف تجارة تجاري تجارية اقتصاد اقتصادي اقتصادية مالي مالية
استثمار استثمارات صندوق أرباح إيرادات نمو نموا ارتفاع ارتفع ارتفعت انخفاض انخفض انخفضت تراجع تراجعت تتراجع يتراجع زيادة
فائض عجز ديون قرض تمويل دفع دفعة تحويل حساب مبلغ فاتورة عقد عقود صفقة تكاليف تكلفة وقود نفط غاز طاقة كهرباء ميناء موانئ
شحن حاويات حاوية سفينة سفن نقل خط خطوط شحنة بضائع سلع منتجات خدمات لوجستية لوجستي محللة محلل محللين مستثمر مستثمرين
رئيس رئيسية رئيسي تنفيذي مدير مديرة مجلس إدارة وزير وزيرة وزارة حكومة دولة دول وزراء رئاسة متحدث متحدثة ممثل سفير
محافظ محافظة مسؤول مسؤولة مسؤولين تقاعد يتقاعد تخلف يخلف قادمة سيتقاعد مجموعة مؤسسة هيئة جهة قطاع مشروع مشاريع
عقوبات حرب أمن أمم متحدة ولايات اتحاد أوروبي دولي دولية عالم عالمي منطقة بلاد مدينة عاصمة شمال جنوب شرق غرب خليج عربي
عربية إسلامية وطني وطنية رسمي رسمية مصدر مصادر تقرير بيان مؤتمر اجتماع قمة مفاوضات اتفاق اتفاقية محادثات
رئيسية اقرأ أيضا اشترك سجل الدخول تحديث إعلان سياسة خصوصية شروط استخدام اتصل بنا مزيد أخبار رأي مقالات فيديو صور
قد قواعد أثر الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت تكنولوجيا أعمال صباح مساء تداولات تداول مستهدف طاقة استيعابية تسليم أسعار عام مقارنة حجم مناولة الماضي بقلم
Главная Новости Экономика Бизнес Финансы Технологии Мнения Подписка Войти Обновлено Читайте Реклама Политика Условия
Контакты Компания Компании Акции Банк Банка Банки Министр Министерство Правительство Президент Глава Генеральный Директор
Аналитик Аналитики Эксперт Эксперты Источник Представитель Управляющий Финансовый Порт Терминал Рынок Рынки Цены Тарифы
Однако Также Кроме Вчера Сегодня Завтра Ранее Теперь Сейчас Этот Эта Эти Там Тогда Многие Некоторые Все Если Когда Где
Почему Поэтому После Перед Между Около Более Менее Несмотря Впрочем Кстати Итак Санкции Переговоры Оператор Генеральный
`)
