package eval

import "strings"

// arabicSpellings are the usual Arabic-script spellings of the commonest
// Arabic and Persian name words, keyed by their Latin forms: an Arabic or
// Persian writer spells Mustafa مصطفى and Musa موسى, not as a rule built
// from the Latin letters would (مستفا, مسا). The variant generator uses
// them before its rules, so that the "arabic" cases are written as the
// names are written (from the standard spellings of these names, as
// dictionaries of Arabic personal names give them).
var arabicSpellings = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(`
muhammad mohammad mohammed muhammed mohamed mohamad mohd: محمد
abd: عبد
ahmad ahmed: أحمد
mahmud mahmoud: محمود
mustafa mostafa moustafa: مصطفى
ali: علي
hasan hassan: حسن
husayn hussein hussain husain hosein hossein: حسين
umar omar: عمر
uthman othman usman osman: عثمان
abu abou: أبو
musa moussa mousa: موسى
isa eissa issa: عيسى
yahya: يحيى
taha: طه
amer amir: عامر
khalid khaled: خالد
walid waleed: وليد
said saeed saeid sayed: سعيد
sayyid sayyed seyed seyyed: سيد
salih saleh: صالح
salim salem: سالم
sulayman suleiman sulaiman soleiman: سليمان
ibrahim ebrahim: إبراهيم
ismail ismael esmail: إسماعيل
yusuf yousef youssef yousif: يوسف
yunus younes younis: يونس
jamal: جمال
kamal: كمال
karim kareem: كريم
rahim raheem: رحيم
rahman: رحمن
aziz: عزيز
hamid hamed: حامد
hamad: حمد
majid majed: ماجد
nasir nasser naser: ناصر
nasr: نصر
nur noor nour: نور
faisal faysal: فيصل
fahd fahad: فهد
fadl fazl: فضل
jabir jaber: جابر
talib taleb: طالب
tariq tarek tareq: طارق
zayd zaid zeid: زيد
zayn zain zein: زين
bashar: بشار
hafiz hafez: حافظ
habib: حبيب
jawad javad: جواد
qasim qasem kassem kasim: قاسم
qadir kadir: قادر
abbas: عباس
anwar: أنور
ayman: أيمن
usama osama: أسامة
hamza hamzah: حمزة
ayub ayoub: أيوب
idris: إدريس
ilyas elias: إلياس
yasin yassin yaseen: ياسين
mansur mansour: منصور
marwan: مروان
muhannad: مهند
mushtaq: مشتاق
naim naeem: نعيم
nabil: نبيل
rashid rashed: راشد
riad riyad: رياض
sharif: شريف
shaykh sheikh shaikh: شيخ
sami: سامي
tahir taher: طاهر
wali: ولي
haji hajji: حاجي
mulla mullah: ملا
khan: خان
akhund: آخوند
`, "\n") {
		latin, arabic, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		for _, w := range strings.Fields(latin) {
			m[w] = strings.TrimSpace(arabic)
		}
	}
	return m
}()

// splitArabicCompound splits the compounds that Latin spellings of Arabic
// names glue and Arabic script writes apart: Habibullah is حبيب الله,
// Nasiruddin نصير الدين, Abdulhai عبد الحي.
func splitArabicCompound(w string) []string {
	for _, suf := range []string{"ullah", "ollah", "allah", "ulla", "ullahi"} {
		if pre, ok := strings.CutSuffix(w, suf); ok && len(pre) >= 3 {
			return []string{pre, "allah"}
		}
	}
	for _, suf := range []string{"uddin", "uddine", "eddin", "eddine", "oddin", "addin"} {
		if pre, ok := strings.CutSuffix(w, suf); ok && len(pre) >= 3 {
			return []string{pre, "al", "din"}
		}
	}
	return []string{w}
}
