package names

import "testing"

func TestSlavicKey(t *testing.T) {
	same := [][2]string{
		{"kanstantsinavich", "konstantinovich"},
		{"alyaksandr", "aleksandr"},
		{"lukashenka", "lukashenko"},
		{"uladzimir", "vladimir"},
		{"oleksandr", "aleksandr"},
		{"serhiy", "sergei"},
		{"kazlou", "kozlov"},
		{"hryhoriy", "grigoriy"},
		{"andriy", "andrei"},
		{"ryhoravich", "grigorevich"},
		{"ryhoravich", "grigoryevich"},
		{"siarheevich", "sergeyevich"},
	}
	for _, p := range same {
		if a, b := SlavicKey(p[0]), SlavicKey(p[1]); a == "" || a != b {
			t.Errorf("SlavicKey(%q) = %q, SlavicKey(%q) = %q: want one key", p[0], a, p[1], b)
		}
	}
	apart := [][2]string{
		{"ivanov", "ivanova"},       // his and her surname
		{"mikhail", "mihail"},       // kh is not h (SlavicKey keeps them apart; phon joins them)
		{"zhukov", "zukov"},         // zh is not z
		{"sergeevich", "sergeevna"}, // son and daughter
		{"petrov", "petrenko"},
		{"ivanovich", "ivanovna"},
		{"ivanovich", "viktorovich"},
	}
	for _, p := range apart {
		if a, b := SlavicKey(p[0]), SlavicKey(p[1]); a == b {
			t.Errorf("SlavicKey(%q) = SlavicKey(%q) = %q: want different keys", p[0], p[1], a)
		}
	}
	if k := SlavicKey("lena"); k != "" {
		t.Errorf("SlavicKey(lena) = %q, want none for a short word", k)
	}
}

func TestSlavicMark(t *testing.T) {
	for _, w := range []string{"alyaksandr", "siarhei", "serhiy", "olha", "hryhoriy", "kanstantsin", "uladzimir", "lukashenka", "kazlou", "oleksandr", "ivanovich", "zelenskyy"} {
		if !SlavicMark(w) {
			t.Errorf("SlavicMark(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"khomeini", "khamenei", "aleksandr", "vladimir", "sergei", "lukashenko", "mohammed", "ashraf", "shahid", "zhukov", "thomas"} {
		if SlavicMark(w) {
			t.Errorf("SlavicMark(%q) = true, want false", w)
		}
	}
}
