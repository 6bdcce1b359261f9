package names

import "testing"

func TestGreek(t *testing.T) {
	checkForms(t, []formCase{
		{"Βλαντίμιρ Πούτιν", "vlandimir poutin"},
		{"Μπάιντεν", "bainden"},
		{"Ντόρα Μπακογιάννη", "dora bakogianni"},
		{"Αλέξης Τσίπρας", "alexis tsipras"},
		{"Κυριάκος Μητσοτάκης", "kyriakos mitsotakis"},
		{"Ευάγγελος Βενιζέλος", "evangelos venizelos"},
		{"Αικατερίνη", "ekaterini"},
		{"Ειρήνη", "irini"},
		{"Ευθύμιος", "efthymios"},
		{"Λάμπρος", "lambros"},
		{"Γκίκας", "gikas"},
		{"Τραμπ", "tramp"},
		{"Μαΐου", "maiou"},
		{"ΠΑΠΑΔΟΠΟΥΛΟΣ", "papadopoulos"},
	})
}
