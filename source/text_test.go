package source

import "testing"

func TestScriptOf(t *testing.T) {
	tests := map[string]string{
		"Сергей Лавров": "Cyrl", "بشار الأسد": "Arab", "习近平": "Hani", "김정은": "Hang", "Sergei": "",
		"Сергей Lavrov": "", "محمد (Mr)": "Arab", "ბიძინა": "Geor", "1234": "",
	}
	for in, want := range tests {
		if got := ScriptOf(in); got != want {
			t.Errorf("ScriptOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJoin(t *testing.T) {
	if got := Join(", ", " Nobonyad Square,", "", "Tehran", "TEHRAN", "Iran "); got != "Nobonyad Square, Tehran, Iran" {
		t.Errorf("Join = %q", got)
	}
	if got := Clean("  Tionscail  Ceimiceán\n Parchin "); got != "Tionscail Ceimiceán Parchin" {
		t.Errorf("Clean = %q", got)
	}
}
