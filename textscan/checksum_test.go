package textscan

import (
	"crypto/sha256"
	"math/big"
	"testing"
)

// base58CheckEncode builds an address from a version byte and a payload,
// independently of the decoder under test.
func base58CheckEncode(version byte, payload []byte) string {
	b := append([]byte{version}, payload...)
	h := sha256.Sum256(b)
	h = sha256.Sum256(h[:])
	b = append(b, h[:4]...)
	n := new(big.Int).SetBytes(b)
	var out []byte
	mod := new(big.Int)
	for n.Sign() > 0 {
		n.DivMod(n, big.NewInt(58), mod)
		out = append([]byte{base58Alphabet[mod.Int64()]}, out...)
	}
	for _, c := range b {
		if c != 0 {
			break
		}
		out = append([]byte{'1'}, out...)
	}
	return string(out)
}

// mutations returns s with each position changed to another character
// of the same class, so that a checksum must reject every one.
func mutations(s string, from int, alphabet string) []string {
	var out []string
	for i := from; i < len(s); i++ {
		for k := 0; k < len(alphabet); k++ {
			if c := alphabet[k]; c != s[i] {
				out = append(out, s[:i]+string(c)+s[i+1:])
				break
			}
		}
	}
	return out
}

func TestIMO(t *testing.T) {
	for _, tc := range []struct {
		imo  string
		want bool
	}{
		{"9074729", true}, // 9·7+0·6+7·5+4·4+7·3+2·2 = 139
		{"9074728", false},
		{"9704729", false}, // two digits swapped
		{"0000000", false},
		{"907472", false},
		{"90747290", false},
		{"907472a", false},
	} {
		if got := validIMO(tc.imo); got != tc.want {
			t.Errorf("validIMO(%q) = %v, want %v", tc.imo, got, tc.want)
		}
	}
	for _, m := range mutations("9074729", 0, "0123456789") {
		if validIMO(m) {
			t.Errorf("validIMO(%q): a changed digit passed", m)
		}
	}
}

func TestCryptoAddresses(t *testing.T) {
	tron := base58CheckEncode(0x41, make([]byte, 20))
	ltc := base58CheckEncode(0x30, []byte("twenty bytes payload"))
	valid := []struct{ addr, kind string }{
		{"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "Bitcoin P2PKH"},                              // the genesis block's
		{"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "Bitcoin P2SH"},                               // Bitcoin wiki
		{"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "Bitcoin segwit"},                     // BIP 173
		{"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "Bitcoin segwit"},                     // one case
		{"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "Bitcoin segwit"}, // BIP 350
		{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "Ethereum address, EIP-55"},           // EIP-55
		{"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "Ethereum address, EIP-55"},
		{"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "Ethereum address (one case"},
		{"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "Tron"},
		{tron, "Tron"},
		{ltc, "Litecoin"},
	}
	for _, tc := range valid {
		kind, ok := cryptoKind(tc.addr)
		if !ok || len(kind) < len(tc.kind) || kind[:len(tc.kind)] != tc.kind {
			t.Errorf("cryptoKind(%q) = %q, %v; want %q", tc.addr, kind, ok, tc.kind)
		}
	}
	// Any one changed character is caught: base58check and bech32 by
	// their checksums, EIP-55 by the case of the letters.
	for _, tc := range []struct {
		addr, alphabet string
		from           int
	}{
		{"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", base58Alphabet, 1},
		{"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", base58Alphabet, 1},
		{"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", base58Alphabet, 1},
		{"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", bech32Charset, 4},
		{"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", bech32Charset, 4},
	} {
		for _, m := range mutations(tc.addr, tc.from, tc.alphabet) {
			if kind, ok := cryptoKind(m); ok {
				t.Errorf("%q (from %q) passed as %s", m, tc.addr, kind)
			}
		}
	}
	for _, bad := range []string{
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", // one letter's case flipped
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",  // short
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", // not hex
		"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3T4", // mixed case
		// A v0 program with a bech32m checksum (BIP 350's invalid list).
		"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
		"1111111111111111111114oLvT3", // the all-zero P2PKH address with its last character changed
	} {
		if kind, ok := cryptoKind(bad); ok {
			t.Errorf("cryptoKind(%q) = %q, want invalid", bad, kind)
		}
	}
}
