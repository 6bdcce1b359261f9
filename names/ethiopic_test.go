package names

import "testing"

func TestEthiopic(t *testing.T) {
	checkForms(t, []formCase{
		{"ቭላዲሚር ፑቲን", "vladimir putin"},
		{"ዐቢይ አሕመድ", "abiy ahmed"},
		{"ኢሳያስ አፈወርቂ", "isayas afewerqi"},
		{"መለስ ዜናዊ", "meles zenawi"},
		{"ደብረጽዮን", "debretsyon"},
		{"እስክንድር", "iskindir"},
	})
}
