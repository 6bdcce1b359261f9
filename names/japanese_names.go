package names

// japaneseSurnameList holds the commonest Japanese surnames, kanji and
// Hepburn reading with long vowels unmarked as on passports (伊藤 Ito,
// 大野 Ono): the top of the myoji-yurai.net surname ranking, written
// from knowledge, with the surnames of prime ministers, ministers and
// the Japanese persons on sanctions lists (the Yamaguchi-gumi and Aum
// Shinrikyo designations). Variant kanji of one surname (渡辺, 渡邊,
// 渡邉) are listed each.
const japaneseSurnameList = `
佐藤 sato 鈴木 suzuki 高橋 takahashi 田中 tanaka 伊藤 ito 渡辺 watanabe 渡邊 watanabe 渡邉 watanabe
山本 yamamoto 中村 nakamura 小林 kobayashi 加藤 kato 吉田 yoshida 山田 yamada 佐々木 sasaki 山口 yamaguchi
松本 matsumoto 井上 inoue 木村 kimura 林 hayashi 斎藤 saito 斉藤 saito 齋藤 saito 齊藤 saito 清水 shimizu
山崎 yamazaki 森 mori 池田 ikeda 橋本 hashimoto 阿部 abe 安倍 abe 安部 abe 石川 ishikawa 山下 yamashita
中島 nakajima 中嶋 nakajima 石井 ishii 小川 ogawa 前田 maeda 岡田 okada 長谷川 hasegawa 藤田 fujita
後藤 goto 近藤 kondo 村上 murakami 遠藤 endo 青木 aoki 坂本 sakamoto 福田 fukuda 太田 ota 大田 ota
西村 nishimura 藤井 fujii 金子 kaneko 岡本 okamoto 藤原 fujiwara 中野 nakano 三浦 miura 原田 harada
中川 nakagawa 松田 matsuda 竹内 takeuchi 小野 ono 田村 tamura 中山 nakayama 和田 wada 石田 ishida
森田 morita 上田 ueda 植田 ueda 原 hara 内田 uchida 柴田 shibata 酒井 sakai 坂井 sakai 宮崎 miyazaki
横山 yokoyama 高木 takagi 安藤 ando 宮本 miyamoto 大野 ono 小島 kojima 谷口 taniguchi 今井 imai
工藤 kudo 高田 takada 増田 masuda 丸山 maruyama 杉山 sugiyama 村田 murata 大塚 otsuka 新井 arai
荒井 arai 小山 koyama 平野 hirano 藤本 fujimoto 河野 kono 上野 ueno 野口 noguchi 武田 takeda
竹田 takeda 松井 matsui 千葉 chiba 岩崎 iwasaki 菅原 sugawara 木下 kinoshita 久保 kubo 佐野 sano
野村 nomura 松尾 matsuo 市川 ichikawa 菊地 kikuchi 菊池 kikuchi 杉本 sugimoto 古川 furukawa
大西 onishi 島田 shimada 水野 mizuno 桜井 sakurai 櫻井 sakurai 高野 takano 渡部 watanabe 吉川 yoshikawa
山内 yamauchi 西田 nishida 飯田 iida 西川 nishikawa 小松 komatsu 北村 kitamura 安田 yasuda
五十嵐 igarashi 川口 kawaguchi 平田 hirata 関 seki 中田 nakata 久保田 kubota 服部 hattori 東 higashi
岩田 iwata 土屋 tsuchiya 川崎 kawasaki 福島 fukushima 本田 honda 本多 honda 辻 tsuji 樋口 higuchi
秋山 akiyama 田口 taguchi 永井 nagai 山中 yamanaka 中西 nakanishi 吉村 yoshimura 川上 kawakami
石原 ishihara 大橋 ohashi 松岡 matsuoka 馬場 baba 浅野 asano 荒木 araki 大久保 okubo 野田 noda
小沢 ozawa 小澤 ozawa 田辺 tanabe 川村 kawamura 河村 kawamura 星野 hoshino 黒田 kuroda 堀 hori
尾崎 ozaki 望月 mochizuki 永田 nagata 長田 nagata 熊谷 kumagai 内藤 naito 松村 matsumura
西山 nishiyama 大谷 otani 平井 hirai 大島 oshima 岩本 iwamoto 片山 katayama 本間 homma 早川 hayakawa
横田 yokota 岡崎 okazaki 大石 oishi 鎌田 kamata 成田 narita 宮田 miyata 小田 oda 石橋 ishibashi
篠原 shinohara 須藤 sudo 河合 kawai 大川 okawa 高井 takai 小西 konishi 南 minami 松下 matsushita
宮下 miyashita 吉野 yoshino 岡 oka 杉浦 sugiura 青山 aoyama 小池 koike 岸 kishi 岸田 kishida
菅 suga 麻生 aso 小泉 koizumi 鳩山 hatoyama 小渕 obuchi 村山 murayama 細川 hosokawa 宮沢 miyazawa
宮澤 miyazawa 海部 kaifu 竹下 takeshita 中曽根 nakasone 石破 ishiba 茂木 motegi 二階 nikai
甘利 amari 高市 takaichi 枝野 edano 志位 shii 玉木 tamaki 上川 kamikawa 松野 matsuno 浜田 hamada
濱田 hamada 萩生田 hagiuda 稲田 inada 亀井 kamei 橋下 hashimoto 菅野 kanno 三木 miki 大平 ohira
東条 tojo 東條 tojo 麻原 asahara 篠田 shinoda 高山 takayama 入江 irie 清田 kiyota 西口 nishiguchi
関口 sekiguchi 松永 matsunaga 野中 nonaka 宇野 uno 羽田 hata 福井 fukui 岸本 kishimoto 小倉 ogura
大森 omori 大山 oyama 桑原 kuwabara 今村 imamura 石黒 ishiguro 坂口 sakaguchi 三宅 miyake
田島 tajima 北川 kitagawa 岡村 okamura 中井 nakai 堀内 horiuchi 福本 fukumoto 松浦 matsuura
川島 kawashima 池上 ikegami 矢野 yano 小谷 kotani 広瀬 hirose 廣瀬 hirose 浅井 asai 西本 nishimoto
片岡 kataoka 大竹 otake 吉岡 yoshioka 奥村 okumura 浜口 hamaguchi 上原 uehara 三上 mikami
松原 matsubara 野崎 nozaki 堀田 hotta 長尾 nagao 中尾 nakao 秋元 akimoto 松山 matsuyama
森本 morimoto 西尾 nishio 大沢 osawa 大澤 osawa 石塚 ishizuka 小森 komori 岩井 iwai 中原 nakahara
金田 kaneda 寺田 terada 永野 nagano 黒木 kuroki 白石 shiraishi 武藤 muto 竹中 takenaka 北野 kitano
西野 nishino 牧野 makino 徳田 tokuda 田原 tahara 中谷 nakatani 福岡 fukuoka 平山 hirayama
宮川 miyagawa 宮内 miyauchi 栗原 kurihara 関根 sekine 前川 maekawa 吉永 yoshinaga 豊田 toyoda
古田 furuta 高松 takamatsu 有田 arita 池内 ikeuchi 水谷 mizutani 内山 uchiyama 宮原 miyahara
奥田 okuda 岡野 okano 金井 kanai 松崎 matsuzaki 谷 tani 森下 morishita 杉田 sugita 山根 yamane
伊東 ito 神田 kanda 荒川 arakawa 村井 murai 中本 nakamoto 岩瀬 iwase 山岸 yamagishi 川田 kawada
吉原 yoshihara 山村 yamamura 石山 ishiyama 手塚 tezuka 沢田 sawada 澤田 sawada 田代 tashiro
小野寺 onodera 大橋 ohashi 新田 nitta 大木 oki 川本 kawamoto 小原 obara 野上 nogami 宮城 miyagi
上村 uemura 石崎 ishizaki 長野 nagano 堤 tsutsumi 松島 matsushima 須田 suda 森山 moriyama
高島 takashima 吉本 yoshimoto 梅田 umeda 安井 yasui 飯島 iijima 谷川 tanigawa 丹羽 niwa 井口 iguchi
竹本 takemoto 平松 hiramatsu 坂田 sakata 藤川 fujikawa 稲垣 inagaki 長島 nagashima 田所 tadokoro
中澤 nakazawa 中沢 nakazawa 北原 kitahara 小笠原 ogasawara 吉井 yoshii 滝沢 takizawa 瀧澤 takizawa
高須 takasu 須賀 suga 福原 fukuhara 志村 shimura 橋口 hashiguchi 前原 maehara 岡部 okabe 本村 motomura
`

// japaneseGivenNameList holds common Japanese given names with their
// usual reading: the names of Meiji Yasuda's birth-year rankings of
// several generations, written from knowledge, and those of prime
// ministers, emperors and the Japanese persons on sanctions lists.
const japaneseGivenNameList = `
晋三 shinzo 文雄 fumio 義偉 yoshihide 純一郎 junichiro 太郎 taro 一郎 ichiro 次郎 jiro 二郎 jiro
三郎 saburo 四郎 shiro 五郎 goro 健一 kenichi 建市 kenichi 憲一 kenichi 賢一 kenichi 健二 kenji
健司 kenji 賢治 kenji 憲二 kenji 健太 kenta 健 ken 謙 ken 誠 makoto 茂 shigeru 清 kiyoshi 清司 kiyoshi
清志 kiyoshi 潔 kiyoshi 博 hiroshi 浩 hiroshi 弘 hiroshi 洋 hiroshi 宏 hiroshi 寛 hiroshi 隆 takashi
崇 takashi 孝 takashi 貴 takashi 敬 takashi 剛 tsuyoshi 翔 sho 将 sho 翔太 shota 大輔 daisuke
大介 daisuke 直樹 naoki 和也 kazuya 拓也 takuya 卓也 takuya 大樹 daiki 哲也 tetsuya 達也 tatsuya
竜也 tatsuya 正 tadashi 禎 tadashi 明 akira 彰 akira 昭 akira 晃 akira 章 akira 亮 ryo 涼 ryo
勇 isamu 進 susumu 実 minoru 稔 minoru 豊 yutaka 裕 yutaka 修 osamu 秀樹 hideki 英樹 hideki
由紀夫 yukio 幸雄 yukio 幸夫 yukio 邦夫 kunio 邦雄 kunio 信夫 nobuo 武 takeshi 猛 takeshi 毅 takeshi
敏 satoshi 聡 satoshi 智 satoshi 哲 satoshi 悟 satoru 学 manabu 勝 masaru 優 masaru 翼 tsubasa
蓮 ren 陽翔 haruto 悠真 yuma 大和 yamato 湊 minato 樹 itsuki 悠人 yuto 悠斗 yuto 陸 riku 颯太 sota
蒼 ao 康夫 yasuo 直人 naoto 佳彦 yoshihiko 喜朗 yoshiro 恵三 keizo 龍太郎 ryutaro 富市 tomiichi
護熙 morihiro 康弘 yasuhiro 角栄 kakuei 栄作 eisaku 信介 nobusuke 勇人 hayato 隼人 hayato
敏充 toshimitsu 芳正 yoshimasa 慎太郎 shintaro 彰晃 shoko 智津夫 chizuo 忍 shinobu 茂男 shigeo
功 isao 克也 katsuya 一 hajime 元 hajime 肇 hajime 正義 masayoshi 幸之助 konosuke 宗一郎 soichiro
昌 masashi 雅之 masayuki 正之 masayuki 雅彦 masahiko 正人 masato 雅人 masato 和夫 kazuo 一夫 kazuo
和男 kazuo 和雄 kazuo 和彦 kazuhiko 輝 hikaru 光 hikaru 秀一 shuichi 修一 shuichi 俊介 shunsuke
俊 shun 駿 shun 勇気 yuki 雄一 yuichi 裕一 yuichi 雄大 yudai 大地 daichi 健介 kensuke 慎也 shinya
信也 shinya 真也 shinya 浩二 koji 浩司 koji 徹 toru 透 toru 亨 toru 渉 wataru 航 wataru 太一 taichi
拓海 takumi 匠 takumi 巧 takumi 海斗 kaito 陽太 yota 優太 yuta 裕太 yuta 雄太 yuta 晴 haru
春樹 haruki 秀明 hideaki 英明 hideaki 秀夫 hideo 英夫 hideo 義雄 yoshio 良雄 yoshio 芳雄 yoshio
義男 yoshio 俊夫 toshio 敏夫 toshio 利夫 toshio 正夫 masao 政夫 masao 昭夫 akio 明夫 akio 達夫 tatsuo
正和 masakazu 大 dai 龍 ryu 直也 naoya 直哉 naoya 和樹 kazuki 一樹 kazuki 翔平 shohei 祥平 shohei
洋平 yohei 陽平 yohei 公平 kohei 康平 kohei 浩平 kohei 良太 ryota 亮太 ryota 涼太 ryota 圭 kei
啓 kei 正樹 masaki 雅樹 masaki 翔一 shoichi 正一 shoichi 昭一 shoichi 誠一 seiichi 清一 seiichi
孝之 takayuki 隆之 takayuki 貴之 takayuki 博之 hiroyuki 浩之 hiroyuki 裕之 hiroyuki 宏之 hiroyuki
弘之 hiroyuki 博文 hirofumi 裕二 yuji 雄二 yuji 一成 kazunari 義信 yoshinobu 信長 nobunaga
秀吉 hideyoshi 家康 ieyasu 龍馬 ryoma 隆盛 takamori 裕仁 hirohito 明仁 akihito 徳仁 naruhito
文仁 fumihito 悠仁 hisahito 元気 genki 剛志 tsuyoshi 光太郎 kotaro 耕太郎 kotaro 幸太郎 kotaro
健太郎 kentaro 雄一郎 yuichiro 一輝 kazuki 豊 yutaka 勉 tsutomu 努 tsutomu 満 mitsuru 昇 noboru
登 noboru 保 tamotsu 寛 hiroshi 伸 shin 信 shin 慎 shin 真 makoto 淳 jun 純 jun 潤 jun 順 jun
孝雄 takao 隆夫 takao 高志 takashi 敏行 toshiyuki 利之 toshiyuki 俊之 toshiyuki 秀人 hideto
英二 eiji 英治 eiji 栄治 eiji 永二 eiji 誠二 seiji 征爾 seiji 政治 seiji 晴彦 haruhiko 克彦 katsuhiko
克己 katsumi 勝也 katsuya 勝利 katsutoshi 拓郎 takuro 琢磨 takuma 拓真 takuma 颯 hayate 大翔 hiroto
湊斗 minato 結翔 yuito 蒼空 sora 空 sora 陽向 hinata 碧 aoi 朝陽 asahi 旭 asahi 律 ritsu 晴翔 haruto
花子 hanako 恵子 keiko 幸子 sachiko 洋子 yoko 陽子 yoko 和子 kazuko 美智子 michiko 道子 michiko
京子 kyoko 恭子 kyoko 久美子 kumiko 裕子 yuko 優子 yuko 祐子 yuko 由美子 yumiko 明美 akemi 直子 naoko
真由美 mayumi 智子 tomoko 朋子 tomoko 知子 tomoko 友子 tomoko 美香 mika 美加 mika 愛 ai 恵 megumi
彩 aya 綾 aya 陽菜 hina 結衣 yui 美咲 misaki 七海 nanami 百合子 yuriko 節子 setsuko 文子 fumiko
良子 yoshiko 佳子 yoshiko 芳子 yoshiko 雅子 masako 紀子 noriko 典子 noriko 真紀子 makiko 聖子 seiko
麻衣 mai 舞 mai 真央 mao 千尋 chihiro 香織 kaori 亜美 ami 沙織 saori 楓 kaede 葵 aoi 早苗 sanae
由紀 yuki 由紀子 yukiko 雪 yuki 美穂 miho 美保 miho 理恵 rie 里美 satomi 聡子 satoko 悦子 etsuko
純子 junko 順子 junko 淳子 junko 敦子 atsuko 弘子 hiroko 博子 hiroko 浩子 hiroko 裕美 hiromi 広美 hiromi
恵美 emi 絵美 emi 恵美子 emiko 英子 eiko 栄子 eiko 春子 haruko 晴美 harumi 美紀 miki 美樹 miki
瞳 hitomi 愛子 aiko 静香 shizuka 沙也加 sayaka 桜 sakura 咲 saki 花 hana 美月 mizuki 彩花 ayaka
明日香 asuka 加奈子 kanako 眞子 mako 真子 mako 貴子 takako 孝子 takako 信子 nobuko 光子 mitsuko
美和 miwa 美奈子 minako 千代子 chiyoko 小百合 sayuri 涼子 ryoko 凛 rin 芽衣 mei 杏 an 莉子 riko
美羽 miu 心春 koharu 結愛 yua 陽葵 himari 紬 tsumugi 澪 mio 結菜 yuna 咲良 sakura 美桜 mio 萌 moe
奈美 nami 奈々 nana 菜々 nana 真理子 mariko 真理 mari 麻美 asami 麻由美 mayumi 由香 yuka 由佳 yuka
由香里 yukari 紀香 norika 知美 tomomi 智美 tomomi 美穂子 mihoko 景子 keiko 啓子 keiko 桂子 keiko
圭子 keiko 久子 hisako 昌子 masako 正子 masako 登美子 tomiko 富美子 fumiko 喜美子 kimiko 君子 kimiko
公子 kimiko 千鶴子 chizuko 和美 kazumi 一美 kazumi 秀子 hideko 澄子 sumiko 清子 kiyoko 多恵子 taeko
妙子 taeko 陽菜子 hinako 玲子 reiko 礼子 reiko 令子 reiko 美代子 miyoko 千恵 chie 千恵子 chieko
`
