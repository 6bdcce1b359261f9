package names

// sinoSurnameSpellings are Cantonese (Hong Kong government romanisation,
// as on HKSAR passports), Hokkien, Teochew and Hakka (Singapore,
// Malaysia, the Philippines, Indonesia) spellings of the commonest
// Chinese surnames, with the pinyin of the surnames each may write, most
// common first. From the romanisation columns of the list of common
// Chinese surnames (Wikipedia, after the 2006 and 2019 Ministry of
// Public Security rankings). They are matched as a whole token: they are
// not syllables to split a longer word into.
const sinoSurnameSpellings = `au ou
aw hu ou
ang hong weng
beh ma
chan chen zeng
chau zhou zou
chee xu qian
cheah xie
cheng zheng cheng
cheong zhang
cheung zhang jiang
chew zhou
chia xie
chiam zhan
chin chen qian
ching cheng
chng zhuang
cho cao zuo
choi cai
chong zhong zhang zhuang
choo zhu
choong zhong
chow zhou
choy cai
chua cai
chuah cai
chui xu cui
chung zhong
ee yu
fok huo
fong fang feng kuang
foo fu hu
fung feng
gan yan
goh wu
gwee wei
hau hou
heng wang
hew qiu
ho he
hoh he
hon han
hui xu
hung hong kong xiong
ip ye
kam gan jin
keung jiang
kee ji
khoo qiu xu
koh xu gao
ko gao
kok hao guo
koo gu
kua ke
kwan guan
kwek guo
kwok guo
lai li lai
lam lin lan
lau liu
law luo
lee li
leong liang
leow liao
leung liang
liew liao
lim lin
liu liao liu
lo luo lu
loh luo
loke lu
loo lu
loong long
low liu
lui lei lv
luk lu
lum lin
mah ma
mak mai
man wen
mok mo
mui mei
neo liang
ng wu huang
ngai wei ni
ngan yan
nip nie
oei huang
oh hu
ong wang
ooi huang
ow ou
pak bai
phang peng
phua pan
png fang
poh fu
poon pan
pun pan
quek guo
saw su
seah xie she
see shi
seet xue
sy shi
seow xiao
sham shen cen
shek shi
shiu shao xiao
shum shen cen
sim shen
sin shan xian
sit xue
siu xiao shao
so su
soh su
soo su
soon sun
suen sun
sung song
sze shi si
tam tan
tan chen tan
tang deng tang
tay zheng dai
tee zheng
teh zheng
teng ding deng
teo zhang
tham tan
ting ding
to du tao
toh du zhuo
tong tang
tsang zeng
tse xie
tsoi cai
tsui xu cui
tung dong
wan yin wen
wee huang
wong huang wang
woo hu wu
yam ren
yap ye
yau qiu you
yee yu
yeo yang
yeoh yang
yeow yao
yeung yang
yim yan
yip ye
yiu yao
yong yang rong
yow qiu
yuen yuan ruan
yung weng rong`

// sinoIrregularSpellings are names known the world over in a spelling
// that no system gives (Chiang Kai-shek's is Cantonese, Lee Kuan Yew's
// Hakka-English), with their pinyin.
var sinoIrregularSpellings = map[string]string{
	"kaishek":    "jieshi",
	"yatsen":     "yixian",
	"kuanyew":    "guangyao",
	"hsienloong": "xianlong",
}

// sinoCantoneseSyllables are the Hong Kong government's romanisation of
// the Cantonese syllables common in given names, with the pinyin of the
// characters each commonly writes there, most common first: Li Ka-shing
// is Li Jiacheng (李嘉誠), Chan Kong-sang Chen Gangsheng (陳港生). Unlike
// the surnames above they are syllables, split out of a longer word
// ("kashing") as pinyin's are. From the HK romanisation of the
// characters of common given names (Jyutping readings after the Chinese
// University of Hong Kong's character database, written as HKSAR
// passports write them).
const sinoCantoneseSyllables = `chee zhi
cheuk zhuo
chi zhi chi zi
chiu chao zhao
choi cai
chun jun chun
chung zhong cong
fai hui
fat fa
fung feng
hei xi
hin xian
ho hao he
hoi hai kai
hok xue
hon han
hung xiong hong
ka jia
kai qi jie
kam jin gan
kar jia
kei ji qi
keung qiang
kin jian
kit jie
kiu qiao
kok jue
kong gang jiang kang
kuen quan
kuoi ju
kwan kun jun qun
kwok guo
lai li
lok le
man wen min
ngai yi
ngan yan
ngor e
on an
ping bing ping
po bao
pui pei bei
sang sheng
shing cheng sheng
shun xin shun
sing xing sheng cheng
siu xiao shao
sum sen xin
tak de
to tao
tsun jun
tsz zi ci
tung dong tong
tzar ze
wah hua
wai wei hui
wan yun wen
wing rong yong
wun huan
yan ren xin en
yau you
yee yi
yeung yang
yip ye
yiu yao
yuet yue
yuk yu
yun run ren`
