package names

// titlePhrases are honorifics, ranks and functions written before (or
// after) names, in the languages and scripts of the lists and their
// readers, as people write them.
//
// The lists put them in the name ("General Qasem Soleimani", "اللواء قاسم
// سليماني", "김정은 국무위원장") or in a title field that customers paste
// into the name, and a comparison that counts them as name words finds
// two people alike because both are generals. Abbreviations are given as
// written, with their dots; one that folds to a single letter ("M." for
// Monsieur, "S.E.", "د.") is left out, as it cannot be told from an
// initial. A word that is also a given name or surname where the lists'
// people come from is in notTitles instead, and a phrase that contains
// such a word ("Crown Prince", "Major General") is still a title.
//
// Two cautions for whoever matches them. Phrases in Han, Kana and Hangul
// must be matched as written, before transliteration: folded, 主席 is "zhu
// xi" (the name of the philosopher Zhu Xi), 様 is "yang" and さん "san"
// (Aung San). And many are names where they follow a given name (السيد is
// also the surname El-Sayed, الشيخ the family Al ash-Sheikh, Major the
// surname of John Major): a phrase is a title where it stands before the
// name, or after it for the honorifics written after names (さん, 様, 씨,
// Hanım, Efendi, Esq.).
//
// Phrases that read the same in several languages are listed once, under
// the first: General (English, German, Spanish, Portuguese), Presidente
// (Spanish, Portuguese, Italian), 首相 and 大使 (Japanese, Chinese), وزیر
// (Persian, Urdu, Pashto).
//
// Sources, from knowledge (no list was copied): Wikipedia: English
// honorifics; Forms of address in the United Kingdom; Spanish, Portuguese
// and Italian honorifics (Don, Doña, Dom); French honorifics
// (Monsieur, Maître); German honorifics (Herr, Frau); Islamic honorifics;
// Hajji; Sayyid; Mawlawi; Mufti; Ayatollah; Hujjat al-Islam; Persian
// honorifics (Agha, Khanum, Jenab); Indian honorifics (Shri, Shrimati);
// Turkish honorifics (Bey, Hanım, Sayın, Hoca); Korean honorifics (씨,
// 님); Japanese honorifics (様, さん); Chinese honorifics (先生, 同志);
// the ranks in Military ranks of Russia, of Ukraine, of Iran, of Egypt and
// Syria (Arabic), of Pakistan, of India, of the Turkish Armed Forces, of
// the Korean People's Army and of South Korea, of the People's Liberation
// Army, and the old Imperial Japanese ranks; and the titles that the
// sanctions lists' own title and designation fields carry (OFAC, UN, EU,
// UK).
var titlePhrases = []string{
	// Malaysian and Burmese honorifics and ranks, which the lists and the
	// press write before the names of Najib Razak and Min Aung Hlaing.
	"Datuk", "Datuk Seri", "Dato' Sri", "Datuk Sri", "Tan Sri", "Tun", "Senior General",
	"Vice Senior General", "Thura",
	// Khmer honorifics the lists and the press write before Cambodian
	// names (Samdech Hun Sen; Oknha before the tycoons OFAC lists). (The
	// Javanese and Balinese ones of nobility and caste, Raden, Ida Bagus,
	// Cokorda, are left as words: they stand where a given name does, and
	// read as titles they let a bare surname meet everyone of that name.)
	"Samdech", "Samdech Techo", "Samdech Akka Moha Sena Padei Techo", "Oknha", "Neak Oknha", "Lok Chumteav",

	// English: heads of state and government, ministers, officials.
	"President", "Vice President", "Vice-President", "Prime Minister", "Deputy Prime Minister",
	"First Deputy Prime Minister", "Chancellor", "Premier", "Queen", "Crown Prince", "Princess",
	"Emperor", "Empress", "His Majesty", "Her Majesty", "His Highness", "Her Highness",
	"His Royal Highness", "Her Royal Highness", "HRH", "Supreme Leader", "Head of State",
	"Minister", "Deputy Minister", "Foreign Minister", "Minister of Foreign Affairs", "Defence Minister",
	"Defense Minister", "Minister of Defence", "Minister of Defense", "Interior Minister",
	"Minister of Interior", "Finance Minister", "Minister of Finance", "Secretary of State",
	"Governor", "Deputy Governor", "Lieutenant Governor", "Governor General", "Mayor", "Senator", "Sen.",
	"Deputy", "Member of Parliament", "MP", "Speaker", "Ambassador", "Amb.", "Secretary",
	"Secretary General", "Secretary-General", "General Secretary", "First Secretary", "Chairman",
	"Chairwoman", "Chairperson", "Vice Chairman", "Director", "Director General", "Director-General",
	"Managing Director", "Chief Executive", "CEO", "Commander", "Commander-in-Chief", "Supreme Commander",
	"Pres.", "President-elect", "Judge", "Justice", "Chief Justice", "Prosecutor", "Prosecutor General",
	"Attorney General", "Congressman", "Congresswoman", "Representative", "Rep.", "Gov.",
	// English: military ranks.
	"General", "Gen.", "Lieutenant General", "Lt. Gen.", "Lt Gen", "Major General", "Maj. Gen.",
	"Brigadier General", "Brig. Gen.", "Brigadier", "Brig.", "Colonel", "Col.", "Lieutenant Colonel",
	"Lt. Col.", "Major", "Maj.", "Captain", "Capt.", "Lieutenant", "Lt.", "First Lieutenant",
	"Second Lieutenant", "Sergeant", "Sgt.", "Corporal", "Admiral", "Adm.", "Vice Admiral",
	"Rear Admiral", "Commodore", "Marshal", "Field Marshal", "Air Marshal", "Air Chief Marshal",
	"Air Vice Marshal", "Wing Commander", "Squadron Leader", "Group Captain", "Commandant",
	// English and Latin-script transliterations: religious titles.
	// Sayyid and its spellings are also the lineage of the Prophet's
	// descendants, which families carry as part of the name (Syed Ali Shah
	// Geelani): as a title it marks no individual, and so is treated as one.
	"Sheikh", "Shaikh", "Shaykh", "Sheik", "Imam", "Mullah", "Mulla", "Molla", "Mawlawi",
	"Maulvi", "Maulavi", "Mawlavi", "Molvi", "Maulana", "Mawlana", "Mufti", "Grand Mufti", "Ayatollah",
	"Ayatullah", "Grand Ayatollah", "Hojatoleslam", "Hojjatoleslam", "Hujjat al-Islam", "Haji", "Hajji",
	"Hadji", "Hajj", "Alhaji", "Alhaj", "Al-Haj", "Al-Hajj", "Hajja", "Hajjah", "Sayyid", "Sayed",
	"Seyed", "Seyyed", "Sayyed", "Syed", "Qari", "Allama", "Ustad", "Ustadh", "Ustaz", "Kyai", "Kiai",
	"Father", "Fr.", "Reverend", "Rev.", "The Reverend", "Rabbi", "Archbishop", "Patriarch",
	"Cardinal", "Pope", "Monsignor", "Msgr.",
	// English: courtesy titles.
	"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Mx.", "Mister", "Madam", "Dr", "Dr.",
	"Doctor", "Prof", "Prof.", "Professor", "Sir", "Dame", "Lord", "Lady", "His Excellency",
	"Her Excellency", "H.E.", "Excellency", "Hon.", "Honourable", "Honorable", "The Honourable",
	"The Honorable", "Rt. Hon.", "Right Honourable", "Comrade", "Esq.", "Shri", "Shree", "Shrimati", "Smt.",

	// French.
	"Président", "Présidente", "Vice-président", "Premier ministre", "Première ministre", "Chancelier",
	"Reine", "Princesse", "Prince héritier", "Ministre", "Ministre des Affaires étrangères",
	"Ministre de la Défense", "Gouverneur", "Maire", "Sénateur", "Député", "Ambassadeur", "Secrétaire",
	"Secrétaire général", "Directeur", "Directeur général", "Général", "Général de brigade",
	"Général de division", "Général de corps d'armée", "Lieutenant-colonel", "Commandant en chef",
	"Capitaine", "Amiral", "Maréchal", "Sergent", "Père", "Abbé", "Évêque", "Monseigneur", "Mgr",
	"Révérend", "Rabbin", "Monsieur", "Madame", "Mademoiselle", "Mme", "Mlle", "Docteur", "Maître",
	"Son Excellence",

	// German.
	"Präsident", "Präsidentin", "Bundespräsident", "Vizepräsident", "Kanzler", "Kanzlerin",
	"Bundeskanzler", "Bundeskanzlerin", "Premierminister", "Ministerpräsident", "Königin", "Prinz",
	"Prinzessin", "Kronprinz", "Ministerin", "Außenminister", "Verteidigungsminister", "Bürgermeister",
	"Abgeordneter", "Abgeordnete", "Botschafter", "Generalsekretär", "Vorsitzender",
	"Vorsitzende", "Direktor", "Geschäftsführer", "Generalleutnant", "Generalmajor", "Brigadegeneral",
	"Oberst", "Oberstleutnant", "Hauptmann", "Kapitän", "Marschall", "Feldmarschall", "Pfarrer",
	"Bischof", "Rabbiner", "Scheich", "Herr", "Frau", "Fräulein",

	// Spanish.
	"Presidente", "Presidenta", "Vicepresidente", "Vicepresidenta", "Primer Ministro", "Primera Ministra",
	"Canciller", "Príncipe", "Princesa", "Príncipe heredero", "Ministro", "Ministra",
	"Ministro de Relaciones Exteriores", "Ministro de Defensa", "Gobernador", "Alcalde", "Senador",
	"Diputado", "Diputada", "Embajador", "Secretario", "Secretario General", "General de Brigada",
	"General de División", "Teniente General", "Coronel", "Teniente Coronel", "Comandante", "Capitán",
	"Teniente", "Sargento", "Almirante", "Mariscal", "Padre", "Obispo", "Arzobispo", "Monseñor",
	"Reverendo", "Jeque", "Señor", "Sr.", "Señora", "Sra.", "Señorita", "Srta.", "Doña", "Licenciado",
	"Lic.", "Ingeniero", "Ing.", "Su Excelencia",

	// Portuguese.
	"Vice-Presidente", "Primeiro-Ministro", "Primeira-Ministra", "Rainha", "Príncipe herdeiro",
	"Governador", "Prefeito", "Deputado", "Embaixador", "Secretário", "Secretário-Geral", "Diretor",
	"Tenente-General", "Tenente-Coronel", "Capitão", "Tenente", "Marechal", "Brigadeiro", "Bispo",
	"Xeque", "Senhor", "Senhora", "Doutor", "Doutora", "Sua Excelência",

	// Italian.
	"Presidente del Consiglio", "Primo Ministro", "Principessa", "Ministro degli Esteri",
	"Ministro della Difesa", "Governatore", "Sindaco", "Senatore", "Deputato", "Onorevole", "On.",
	"Ambasciatore", "Segretario", "Segretario Generale", "Direttore", "Generale", "Generale di Brigata",
	"Tenente Generale", "Colonnello", "Tenente Colonnello", "Maggiore", "Capitano", "Ammiraglio",
	"Maresciallo", "Sergente", "Vescovo", "Monsignore", "Mons.", "Cardinale", "Sceicco", "Signor",
	"Signore", "Sig.", "Signora", "Sig.ra", "Signorina", "Dottore", "Dottoressa", "Dott.", "Dott.ssa",
	"Avvocato", "Avv.", "Ingegnere", "Professore", "Cavaliere", "Cav.", "Commendatore",

	// Polish, as the lists' readers in Poland write the commonest.
	"Prezydent", "Prezes", "Generał", "Pułkownik", "Pani",

	// Russian and Ukrainian.
	"Президент", "Вице-президент", "Віце-президент", "Премьер-министр", "Прем'єр-міністр",
	"Председатель правительства", "Канцлер", "Король", "Королева", "Принц", "Принцесса", "Наследный принц",
	"Министр", "Міністр", "Министр иностранных дел", "Міністр закордонних справ", "Министр обороны",
	"Міністр оборони", "Губернатор", "Мэр", "Мер", "Сенатор", "Депутат", "Народный депутат",
	"Народний депутат", "Посол", "Секретарь", "Секретар", "Генеральный секретарь", "Генеральний секретар",
	"Председатель", "Директор", "Генеральный директор", "Генеральний директор", "Генерал",
	"Генерал армии", "Генерал-полковник", "Генерал-лейтенант", "Генерал-майор", "Бригадный генерал",
	"Бригадний генерал", "Полковник", "Подполковник", "Підполковник", "Майор", "Капитан", "Капітан",
	"Лейтенант", "Старший лейтенант", "Сержант", "Прапорщик", "Адмирал", "Адмірал", "Вице-адмирал",
	"Контр-адмирал", "Маршал", "Патриарх", "Патріарх", "Митрополит", "Архиепископ", "Епископ",
	"Єпископ", "Священник", "Протоиерей", "Отец", "Раввин", "Муфтий", "Муфтій", "Имам", "Імам", "Шейх",
	"Мулла", "Хаджи", "Господин", "Госпожа", "Пані", "Товарищ", "Товариш", "Доктор", "Профессор",
	"Професор", "Академик", "Академік", "Его превосходительство",

	// Arabic. الأمير (al-Amir, the prince or emir, as Gulf princes are
	// styled) is a title with its article; أمير without it is the given
	// name Amir, and in notTitles. So with الملك (the king) and ملك (the
	// name Malak).
	"رئيس", "الرئيس", "نائب الرئيس", "رئيس الجمهورية", "رئيس الوزراء", "رئيس مجلس الوزراء", "الملك",
	"الملكة", "ولي العهد", "الأمير", "الأميرة", "صاحب السمو", "صاحب السمو الملكي", "صاحب الجلالة",
	"جلالة الملك", "فخامة", "فخامة الرئيس", "معالي", "سعادة", "وزير", "الوزير", "وزير الخارجية",
	"وزير الدفاع", "وزير الداخلية", "محافظ", "المحافظ", "سفير", "السفير", "الأمين العام", "أمين عام",
	"سكرتير", "مدير", "المدير", "المدير العام", "رئيس مجلس الإدارة", "القائد", "القائد العام",
	"مشير", "المشير", "فريق أول", "الفريق أول", "فريق", "الفريق", "لواء", "اللواء", "عميد", "العميد",
	"عقيد", "العقيد", "مقدم", "المقدم", "ملازم", "ملازم أول", "الشيخ", "شيخ", "إمام", "الإمام", "مفتي",
	"المفتي", "آية الله", "آية الله العظمى", "حجة الإسلام", "السيد", "السيدة", "الحاج", "حاج", "الحاجة",
	"حاجي", "ملا", "الملا", "مولوي", "مولانا", "قاري", "القاري", "أمير المؤمنين", "الدكتور", "دكتور",
	"الأستاذ", "أستاذ", "مهندس", "المهندس",

	// Persian (ZWNJ, U+200C, joins the parts of compounds as Iranian
	// typing does; lists also write a space).
	"رئیس", "رئیس جمهور", "رئیس\u200cجمهور", "معاون اول رئیس جمهور", "نخست وزیر", "نخست\u200cوزیر",
	"وزیر", "وزیر امور خارجه", "وزیر دفاع", "وزیر کشور", "استاندار", "شهردار", "سفیر", "نماینده",
	"دبیر کل", "مدیر", "مدیرعامل", "مدیر عامل", "فرمانده", "فرمانده کل", "ارتشبد", "سپهبد", "سرلشکر",
	"سرتیپ", "سرهنگ", "سرگرد", "سروان", "دریادار", "دریابان", "آیت الله", "آیت\u200cالله",
	"آیت الله العظمی", "آیت\u200cالله العظمی", "حجت الاسلام", "حجت\u200cالاسلام",
	"حجت الاسلام والمسلمین", "شیخ", "امام", "مفتی", "سید", "سیده", "حاجی", "آقای", "خانم",
	"جناب", "جناب آقای", "حضرت", "دکتر", "استاد",

	// Urdu.
	"وزیر اعظم", "وزیراعظم", "وزیر خارجہ", "گورنر", "میئر", "جنرل", "لیفٹیننٹ جنرل", "میجر جنرل",
	"بریگیڈیئر", "کرنل", "لیفٹیننٹ کرنل", "میجر", "کیپٹن", "ایڈمرل", "مولوی", "قاری", "علامہ",
	"محترم", "محترمہ", "ڈاکٹر", "پروفیسر",

	// Pashto.
	"ولسمشر", "لومړی وزیر", "ښاروال", "جنرال", "ډگروال", "ډګروال", "جګړن", "تورن", "ښاغلی", "اغلې",
	"امیرالمومنین", "امیر المومنین",

	// Turkish.
	"Cumhurbaşkanı", "Cumhurbaşkanı Yardımcısı", "Başbakan", "Bakan", "Dışişleri Bakanı",
	"Milli Savunma Bakanı", "İçişleri Bakanı", "Belediye Başkanı", "Büyükelçi", "Milletvekili",
	"Genel Sekreter", "Genel Müdür", "Müdür", "Başkan", "Kral", "Kraliçe", "Prens", "Prenses",
	"Veliaht Prens", "Mareşal", "Orgeneral", "Korgeneral", "Tümgeneral", "Tuğgeneral", "Albay",
	"Yarbay", "Binbaşı", "Yüzbaşı", "Üsteğmen", "Teğmen", "Oramiral", "Koramiral", "Tümamiral",
	"Tuğamiral", "Şeyh", "Müftü", "Hacı", "Sayın", "Hanım", "Efendi",

	// Korean (Hangul): South and North Korean titles and ranks. Each
	// syllable is a word to Analyze, and most are also syllables of given
	// names, so only 씨 (after a name, "Mr/Ms") stands alone here.
	"대통령", "부통령", "국무총리", "총리", "국무위원장", "위원장", "총비서", "총서기", "비서", "주석",
	"국가주석", "최고사령관", "사령관", "장관", "외무상", "국방상", "도지사", "시장", "의원", "대사",
	"회장", "사장", "대원수", "원수", "차수", "대장", "상장", "중장", "소장", "준장", "대좌", "상좌",
	"중좌", "소좌", "대령", "중령", "소령", "대위", "중위", "소위", "장군", "제독", "여왕", "왕자", "공주",
	"왕세자", "각하", "여사", "동지", "선생", "선생님", "박사", "교수", "목사", "신부", "스님", "씨",

	// Japanese.
	"大統領", "副大統領", "首相", "内閣総理大臣", "総理大臣", "総理", "大臣", "外務大臣", "防衛大臣",
	"知事", "市長", "議員", "大使", "書記長", "総書記", "委員長", "議長", "社長", "会長", "天皇",
	"国王", "女王", "王子", "王女", "皇太子", "陛下", "殿下", "閣下", "元帥", "将軍", "大将", "中将",
	"少将", "大佐", "中佐", "少佐", "大尉", "中尉", "少尉", "提督", "先生", "博士", "教授", "牧師",
	"神父", "同志", "様", "さま", "さん",

	// Chinese, simplified and traditional (where they differ).
	"总统", "總統", "副总统", "副總統", "主席", "国家主席", "國家主席", "总理", "總理", "总书记", "總書記",
	"书记", "書記", "委员长", "部长", "部長", "外交部长", "外交部長", "国防部长", "國防部長", "省长",
	"省長", "市长", "议员", "主任", "董事长", "董事長", "总经理", "總經理", "总司令", "總司令", "司令员",
	"司令員", "元帅", "将军", "將軍", "上将", "上將", "中將", "少將", "大校", "上校", "中校", "少校",
	"國王", "公主", "王储", "王儲", "阁下", "女士", "小姐", "太太", "牧师", "阿訇", "伊玛目", "伊瑪目",
	"谢赫", "謝赫", "毛拉",

	// Hindi (Devanagari).
	"राष्ट्रपति", "उपराष्ट्रपति", "प्रधानमंत्री", "प्रधान मंत्री", "मुख्यमंत्री", "मंत्री", "विदेश मंत्री",
	"रक्षा मंत्री", "राज्यपाल", "महापौर", "सांसद", "विधायक", "राजदूत", "सचिव", "महासचिव", "अध्यक्ष",
	"निदेशक", "महाराजा", "जनरल", "लेफ्टिनेंट जनरल", "मेजर जनरल", "ब्रिगेडियर", "कर्नल", "मेजर",
	"कैप्टन", "एडमिरल", "श्री", "श्रीमती", "सुश्री", "डॉ.", "डॉक्टर", "प्रोफेसर", "मौलाना", "मौलवी",
	"इमाम", "मुफ्ती", "शेख", "हाजी", "पादरी",

	// Dutch forms of address, the abbreviations archives and registers
	// write before names (dhr. for de heer, mevr. for mevrouw, mej. for
	// mejuffrouw, jhr. for jonkheer). (Indonesian Bapak, Ibu and Javanese
	// Raden are left out: people bear them as given names.)
	"Dhr.", "De heer", "Mevr.", "Mevrouw", "Mej.", "Mejuffrouw", "Jhr.", "Jonkheer", "Jkvr.",
	"Jonkvrouw", "Ir.", "Drs.", "Z.K.H.", "H.K.H.", "Z.M.", "H.M.", "Zijne Koninklijke Hoogheid",
	"Hare Koninklijke Hoogheid", "Prins", "Prinses", "Pater", "Frater", "Zuster",

	// Ranks of nobility in the European languages (those that are also
	// given names or surnames, Earl, Duke, Baron, Conde, Graf, Duc, are in
	// notTitles; Contessa, a given name, is left out).
	"Count", "Countess", "Duchess", "Marquess", "Marchioness", "Viscount", "Viscountess", "Baroness",
	"Gräfin", "Fürst", "Fürstin", "Freiherr", "Freifrau", "Freiin", "Herzog", "Herzogin",
	"Comte", "Comtesse", "Duchesse", "Marquise", "Vicomte", "Vicomtesse", "Baronne", "Condesa",
	"Condessa", "Duque", "Duquesa", "Marqués", "Marquesa", "Conte",
	"Principe", "Princ", "Princeza", "Kníže", "Hrabě", "Hrabia", "Książę", "Księżna",
}

// notTitles are words that are titles in some languages but given names or
// surnames in others (Emir, Amir, Malik, Sultan, Khan, Don, …): they are
// never treated as titles. Each is here because a person on the lists, or
// among the people screened, carries it as a name:
//
//   - Emir, Amir, Sultan, Malik, Khan, Shah, Mirza, Sardar, Mir, Sharif,
//     Nawab, Raja, Rana, Agha, Bey, Pasha, Begum, Chaudhry, Mian, Wali,
//     Akhund, Sadr, Hafiz: given names and family names across the Muslim
//     world and South Asia (Amir Hatami, Malik Riaz, Sardar Azmoun, Nawaz
//     Sharif, Mir Hossein Mousavi, Hafez al-Assad, Muqtada al-Sadr, Mullah
//     Hasan Akhund), though titles elsewhere; also in Arabic script where
//     the word without an article is the name (أمير, ملك, سلطان, رائد Raed,
//     نقيب Naqib);
//   - Cheikh: a common given name in Senegal and Mauritania (Cheikh Anta
//     Diop), though the French spelling of sheikh in the Maghreb;
//   - Hoca (Hoxha, Khoja): a title in Turkish, the Albanian surname Hoxha;
//   - Don, Dom: given names in English (Don, Dom), honorifics in Spanish,
//     Italian and Portuguese; Rey, Rei, Re, Roi, Reina, Regina: "king" and
//     "queen" in Spanish, Portuguese, Italian and French, and surnames or
//     given names (Rei, Japanese; Roi, Hebrew; Regina);
//   - King, Prince, Bishop, Pastor, Earl, Duke, Baron: common surnames or
//     given names (Prince Y. Johnson of Liberia is on the lists as Prince);
//   - Bay, Bayan: Turkish "Mr" and "Mrs", and the surname Bay and the
//     Kazakh and Mongolian given name Bayan;
//   - Sri, Kumari, Pandit, Swami, Raja, Rani, Rajkumar: Indian titles and
//     frequent given names or surnames (Sri Mulyani Indrawati);
//   - Pan, Пан: Polish, Czech and Ukrainian "Mr", and the Chinese surname
//     Pan;
//   - 王 and 왕 (Wang), 君 (Jun): "king" or an honorific, and Chinese and
//     Korean surnames or given-name characters.
var notTitles = []string{
	"Emir", "Émir", "Amir", "Sultan", "Malik", "Khan", "Shah", "Mirza", "Sardar", "Mir", "Sharif",
	"Nawab", "Raja", "Rana", "Agha", "Aga", "Bey", "Pasha", "Paşa", "Begum", "Chaudhry", "Mian",
	"Wali", "Vali", "Akhund", "Sadr", "Hafiz", "Hafez", "Cheikh", "Hoca", "Hoxha", "Khoja", "Don",
	"Dom", "Pan", "Rey", "Rei", "Re", "Roi", "Reina", "Regina", "King", "Prince", "Bishop", "Pastor", "Earl",
	"Duke", "Baron", "Conde", "Graf", "Duc", "Bay", "Bayan", "Sri", "Kumari", "Pandit", "Swami", "Rani", "Rajkumar",
	"أمير", "ملك", "سلطان", "خان", "شاه", "رائد", "نقيب", "امیر", "سردار", "آقا", "آخوند", "ملک",
	"میاں", "چوہدری", "والي", "صدر", "حافظ", "Эмир", "Султан", "Хан", "Шах", "Мирза", "Пан", "王",
	"왕", "君", "राजा", "रानी", "राजकुमार", "राजकुमारी", "पंडित", "स्वामी",
}
