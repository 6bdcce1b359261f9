package names

import "strings"

// pinyinSyllables are the syllables of Mandarin in Hanyu Pinyin without
// tones (ü written v), after the syllable table of the Xiandai Hanyu
// Cidian, less the interjections that no name has (lo, yo, o, ei, m, n,
// ng, hm, dei, den, kei, tei, shei, zhei, nou, rua, me, ne, dia, nin,
// zei, fou), which would keep Wade–Giles lo (luo) and the like from being
// read.
const pinyinSyllables = `a ai an ang ao
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo
da dai dan dang dao de deng di dian diao die ding diu dong dou du duan dui dun duo
e en eng er
fa fan fang fei fen feng fo fu
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv lve
ma mai man mang mao mei men meng mi mian miao mie min ming miu mo mou mu
na nai nan nang nao nei nen neng ni nian niang niao nie ning niu nong nu nuan nuo nv nve
ou
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
ran rang rao re ren reng ri rong rou ru ruan rui run ruo
sa sai san sang sao se sen seng sha shai shan shang shao she shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo
ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
wa wai wan wang wei wen weng wo wu
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
ya yan yang yao ye yi yin ying yong you yu yuan yue yun
za zai zan zang zao ze zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo`

// pinyinInitials are the initials of pinyin, two-letter ones first.
var pinyinInitials = []string{"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"}

// splitPinyin returns the initial and final of a pinyin syllable.
func splitPinyin(py string) (ini, fin string) {
	for _, i := range pinyinInitials {
		if strings.HasPrefix(py, i) {
			return i, py[len(i):]
		}
	}
	return "", py
}

// sinoMergedInitials are the initials that the key merges: those that
// Wade–Giles tells apart only by an apostrophe.
var sinoMergedInitials = map[string]string{"p": "b", "t": "d", "k": "g", "c": "z", "ch": "zh", "q": "j"}

// sinoKeyOf returns the key of a pinyin syllable (v for ü).
func sinoKeyOf(py string) string {
	ini, fin := splitPinyin(py)
	if m, ok := sinoMergedInitials[ini]; ok {
		ini = m
	}
	return ini + strings.ReplaceAll(fin, "v", "u")
}

// umlautFinal reports whether the final fin after ini is written with ü
// (ju, que, xuan, lv).
func umlautFinal(ini, fin string) bool {
	return (ini == "j" || ini == "q" || ini == "x" || ini == "y") && strings.HasPrefix(fin, "u") || strings.HasPrefix(fin, "v")
}

// wadeGiles returns the Wade–Giles spellings of a pinyin syllable without
// apostrophes and umlauts, after the Library of Congress Pinyin/Wade–
// Giles conversion table.
func wadeGiles(py string) []string {
	switch py {
	case "yi":
		return []string{"i", "yi"}
	case "you":
		return []string{"yu", "yiu"}
	case "yan":
		return []string{"yen"}
	case "ye":
		return []string{"yeh"}
	case "yong":
		return []string{"yung"}
	case "yue":
		return []string{"yueh"}
	case "er":
		return []string{"erh", "er"}
	case "e":
		return []string{"o", "e"}
	case "lve":
		return []string{"lueh", "lio"}
	case "nve":
		return []string{"nueh", "nio"}
	}
	ini, fin := splitPinyin(py)
	w := map[string]string{"b": "p", "d": "t", "g": "k", "j": "ch", "q": "ch", "x": "hs", "zh": "ch", "r": "j", "z": "ts", "c": "ts"}[ini]
	if w == "" {
		w = ini
	}
	switch {
	case fin == "i" && (ini == "zh" || ini == "ch" || ini == "sh" || ini == "r"):
		return []string{w + "ih"}
	case fin == "i" && (ini == "z" || ini == "c"):
		return []string{"tzu"}
	case fin == "i" && ini == "s":
		return []string{"ssu", "szu", "sze"}
	case fin == "e" && (ini == "g" || ini == "k" || ini == "h"):
		return []string{w + "o"}
	case fin == "ie":
		return []string{w + "ieh"}
	case fin == "ian":
		return []string{w + "ien"}
	case fin == "ong":
		return []string{w + "ung"}
	case fin == "iong":
		return []string{w + "iung"}
	case fin == "ui" && (ini == "g" || ini == "k"):
		return []string{w + "uei", w + "ui"}
	case fin == "uo" && ini != "g" && ini != "k" && ini != "h" && ini != "sh":
		return []string{w + "o"}
	case fin == "ue" || fin == "ve":
		return []string{w + "ueh"}
	case fin == "v":
		return []string{w + "u"}
	case fin == "er":
		return []string{w + "erh"}
	}
	return []string{w + fin}
}

// yale returns the Yale spelling of a pinyin syllable (Mau Dze-dung).
func yale(py string) []string {
	switch py {
	case "yao":
		return []string{"yau"}
	case "yong":
		return []string{"yung"}
	case "yue":
		return []string{"ywe"}
	case "yuan":
		return []string{"ywan"}
	}
	ini, fin := splitPinyin(py)
	y := map[string]string{"q": "ch", "x": "sy", "zh": "j", "z": "dz", "c": "ts"}[ini]
	if y == "" {
		y = ini
	}
	if fin == "i" {
		switch ini {
		case "zh", "ch", "sh", "r":
			return []string{y + "r"}
		case "z", "c", "s":
			return []string{y + "z"}
		}
	}
	if umlautFinal(ini, fin) && ini != "y" {
		// ü after j, q, x, l, n is yu, ywe, ywan, yun.
		fin = "y" + strings.TrimPrefix(strings.TrimPrefix(fin, "u"), "v")
		switch fin {
		case "y":
			fin = "yu"
		case "ye":
			fin = "ywe"
		case "yan":
			fin = "ywan"
		case "yn":
			fin = "yun"
		}
		if ini == "x" {
			y = "s"
		}
		return []string{y + fin}
	}
	switch fin {
	case "ao":
		fin = "au"
	case "iao":
		fin = "yau"
	case "ie":
		fin = "ye"
	case "ian":
		fin = "yan"
	case "iang":
		fin = "yang"
	case "ia":
		fin = "ya"
	case "iu":
		fin = "you"
	case "iong":
		fin = "yung"
	case "ong":
		fin = "ung"
	case "ui":
		fin = "wei"
	case "uo":
		fin = "wo"
	case "uan":
		fin = "wan"
	case "un":
		fin = "wun"
	case "ua":
		fin = "wa"
	case "uai":
		fin = "wai"
	case "uang":
		fin = "wang"
	}
	if ini == "x" && strings.HasPrefix(fin, "y") {
		y = "s"
	}
	return []string{y + fin}
}

// tongyong returns the Tongyong Pinyin and MPS II (Taiwan) spellings of a
// pinyin syllable: Tongyong jhih, sih, syu, cyu, fong, jiou, guei; MPS II
// jr, sz, shiang, chiou, jiu (for ju).
func tongyong(py string) []string {
	ini, fin := splitPinyin(py)
	var out []string
	// Tongyong.
	t := map[string]string{"x": "s", "q": "c", "zh": "jh"}[ini]
	if t == "" {
		t = ini
	}
	tf := fin
	switch {
	case fin == "i" && (ini == "zh" || ini == "ch" || ini == "sh" || ini == "r" || ini == "z" || ini == "c" || ini == "s"):
		tf = "ih"
	case umlautFinal(ini, fin) && ini != "y":
		tf = "y" + strings.TrimPrefix(strings.TrimPrefix(fin, "u"), "v")
		if tf == "y" {
			tf = "yu"
		} else if tf == "yn" {
			tf = "yun"
		} else if tf == "ye" {
			tf = "yue"
		} else if tf == "yan" {
			tf = "yuan"
		}
	case fin == "eng" && (ini == "b" || ini == "p" || ini == "m" || ini == "f" || ini == "w"):
		tf = "ong"
	case fin == "iu":
		tf = "iou"
	case fin == "ui":
		tf = "uei"
	case py == "wen":
		tf = "un"
	}
	out = append(out, t+tf)
	// MPS II.
	m := map[string]string{"zh": "j", "x": "sh", "q": "ch", "z": "tz", "c": "ts"}[ini]
	if m == "" {
		m = ini
	}
	mf := fin
	switch {
	case fin == "i" && (ini == "zh" || ini == "ch" || ini == "sh" || ini == "r"):
		mf = "r"
	case fin == "i" && (ini == "z" || ini == "c" || ini == "s"):
		mf = "z"
	case umlautFinal(ini, fin) && ini != "y":
		mf = "iu" + strings.TrimPrefix(strings.TrimPrefix(fin, "u"), "v")
	case fin == "iu":
		mf = "iou"
	case fin == "ui":
		mf = "uei"
	case fin == "un":
		mf = "uen"
	case fin == "ong":
		mf = "ung"
	case fin == "iong":
		mf = "iung"
	}
	return append(out, m+mf)
}

// sinoExtraSpellings are spellings of Taiwan's passports and of Gwoyeu
// Romatzyh that no rule above makes: GR writes the third tone of iou as
// eou (Ma Ying-jeou), and passports write ying as ing (Tsai Ing-wen), yi
// as ih (Hou Yu-ih), zhe as je (Ko Wen-je).
var sinoExtraSpellings = map[string]string{
	"jeou": "jiu", "cheou": "qiu", "sheou": "xiu", "hsieou": "xiu", "leou": "liu", "neou": "niu", "yeou": "you", "deou": "diu",
	"ing": "ying", "in": "yin", "ih": "yi", "je": "zhe", "jye": "jie", "shiue": "xue", "shiu": "xu", "chiu": "qiu",
	"hsu": "xu", "lyu": "lv", "nyu": "nv", "lyue": "lve", "nyue": "nve", "lue": "lve", "nue": "nve",
}

// The tables, built from the lists above at init.
var (
	sinoPinyin      map[string]string   // pinyin spelling → key
	sinoSpellings   map[string][]string // spelling in any system → keys
	sinoSurnames    map[string][]string // dialect surname → keys
	sinoIrregular   map[string]string   // irregular whole token → key
	sinoMaxSpelling int                 // the longest spelling
)

func init() {
	sinoPinyin = make(map[string]string, 420)
	sinoSpellings = make(map[string][]string, 1600)
	add := func(spelling, key string) {
		sinoSpellings[spelling] = appendNew(sinoSpellings[spelling], key)
		sinoMaxSpelling = max(sinoMaxSpelling, len(spelling))
	}
	for _, py := range strings.Fields(pinyinSyllables) {
		key := sinoKeyOf(py)
		sinoPinyin[py] = key
		add(py, key)
	}
	// Passport and typing spellings of ü count as pinyin: Lyu, Lv, Lue.
	for _, s := range []string{"lyu", "nyu", "lyue", "nyue", "lue", "nue"} {
		py := sinoExtraSpellings[s]
		sinoPinyin[s] = sinoKeyOf(py)
	}
	for _, py := range strings.Fields(pinyinSyllables) {
		key := sinoKeyOf(py)
		for _, s := range wadeGiles(py) {
			add(s, key)
		}
		for _, s := range yale(py) {
			if len(s) > 1 { // Yale's ri is a bare r, too loose to split words on
				add(s, key)
			}
		}
		// Taiwan's systems write some syllables as pinyin writes others
		// (MPS II shi for xi, Tongyong si for xi, MPS II jiu for ju): those
		// spellings are rare beside the pinyin ones and would make Xi and
		// Shi one name, so they are left out.
		for _, s := range tongyong(py) {
			if _, isPinyin := sinoPinyin[s]; !isPinyin {
				add(s, key)
			}
		}
	}
	for s, py := range sinoExtraSpellings {
		add(s, sinoKeyOf(py))
	}
	for _, line := range strings.Split(sinoCantoneseSyllables, "\n") {
		f := strings.Fields(line)
		for _, py := range f[1:] {
			add(f[0], sinoKeyOf(py))
		}
	}
	sinoSurnames = make(map[string][]string)
	for _, line := range strings.Split(sinoSurnameSpellings, "\n") {
		f := strings.Fields(line)
		var keys []string
		for _, py := range f[1:] {
			keys = appendNew(keys, sinoKeyOf(py))
		}
		sinoSurnames[f[0]] = keys
	}
	sinoIrregular = make(map[string]string, len(sinoIrregularSpellings))
	for s, name := range sinoIrregularSpellings {
		k, n := sinoParse(name)
		if n == 0 {
			panic("names: irregular Chinese name " + name + " is not pinyin")
		}
		sinoIrregular[s] = k
	}
}
