package names

import "testing"

func TestKhmer(t *testing.T) {
	checkForms(t, []formCase{
		{"ហ៊ុន សែន", "hun sen"},
		{"ហ៊ុន ម៉ាណែត", "hun manet"},
		{"ជា ស៊ីម", "chea sim"},
		{"សរ ខេង", "sar kheng"},
		{"ប៉ុល ពត", "pol pot"},
		{"អៀង សារី", "ieng sari"},
		{"ខៀវ សំផន", "khiev samphan"},
		{"នួន ជា", "nuon chea"},
		{"ហេង សំរិន", "heng samrin"},
		{"កឹម សុខា", "kem sokha"},
		{"ប្រាក់ សុខុន", "prak sokhon"},
		{"សីហនុ", "sihanu"},
		{"កម្ពុជា", "kampuchea"},
		{"សម រង្ស៊ី", "sam rongsi"},
	})
}
