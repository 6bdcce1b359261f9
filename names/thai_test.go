package names

import "testing"

func TestThaiRTGS(t *testing.T) {
	checkForms(t, []formCase{
		{"ประยุทธ์ จันทร์โอชา", "prayut chanocha"},
		{"ทักษิณ ชินวัตร", "thaksin chinwat"},
		{"ยิ่งลักษณ์", "yinglak"},
		{"แพทองธาร", "phaethongthan"},
		{"ภูมิพล อดุลยเดช", "phumiphon adunyadet"},
		{"วชิราลงกรณ์", "wachiralongkon"},
		{"ประวิตร วงษ์สุวรรณ", "prawit wongsuwan"},
		{"อภิสิทธิ์", "aphisit"},
		{"วลาดีมีร์ ปูติน", "waladimi putin"},
		{"ศาสตร์", "sat"},
		{"มิตร", "mit"},
		{"ไทย", "thai"},
		{"เมือง", "mueang"},
		{"หลวง", "luang"},
		{"ธรรม", "tham"},
		{"สวน", "suan"},
		{"คน", "khon"},
		{"สบาย", "sabai"},
		{"ขาว", "khao"},
		{"สมชาย", "somchai"},
		{"ชวน หลีกภัย", "chuan likphai"},
		{"เพื่อไทย", "phueathai"},
	})
}
