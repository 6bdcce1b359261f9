package names

import "testing"

func TestArmenian(t *testing.T) {
	checkForms(t, []formCase{
		{"Վլադիմիր Պուտին", "vladimir putin"},
		{"Նիկոլ Փաշինյան", "nikol pashinyan"},
		{"Երևան", "yerevan"},
		{"Ոսկան", "voskan"},
		{"Սերժ Սարգսյան", "serzh sargsyan"},
	})
}

func TestGeorgian(t *testing.T) {
	checkForms(t, []formCase{
		{"ვლადიმერ პუტინი", "vladimer putini"},
		{"ბიძინა ივანიშვილი", "bidzina ivanishvili"},
		{"ირაკლი ღარიბაშვილი", "irakli gharibashvili"},
		{"წერეთელი", "tsereteli"},
		{"ხიდაშელი", "khidasheli"},
		{"ᲡᲐᲥᲐᲨᲕᲘᲚᲘ", "sakashvili"},
	})
}
