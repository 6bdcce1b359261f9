package textscan

import (
	"crypto/sha256"
	"encoding/hex"
	"math/big"
	"strings"

	"golang.org/x/crypto/sha3"
)

// The checksums of the identifiers found in text. Each rejects any one
// changed character, so that a number that merely looks like an IMO
// number or an address is not reported.

// validIMO reports whether s is a seven-digit IMO ship number whose last
// digit checks: the first six digits weighted 7, 6, 5, 4, 3, 2, summed,
// mod 10.
func validIMO(s string) bool {
	if len(s) != 7 {
		return false
	}
	sum := 0
	for i := 0; i < 7; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		if i < 6 {
			sum += int(s[i]-'0') * (7 - i)
		}
	}
	return s != "0000000" && sum%10 == int(s[6]-'0')
}

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// base58Decode decodes Bitcoin's base58, or reports false.
func base58Decode(s string) ([]byte, bool) {
	n := new(big.Int)
	radix := big.NewInt(58)
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(base58Alphabet, s[i])
		if d < 0 {
			return nil, false
		}
		n.Mul(n, radix)
		n.Add(n, big.NewInt(int64(d)))
	}
	out := n.Bytes()
	// Each leading '1' is a leading zero byte.
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	return append(make([]byte, zeros), out...), true
}

// base58Check decodes a base58check string of 25 bytes (a version byte,
// a 20-byte hash, a 4-byte checksum: the first bytes of the double
// SHA-256 of the rest) and returns its version byte.
func base58Check(s string) (byte, bool) {
	b, ok := base58Decode(s)
	if !ok || len(b) != 25 {
		return 0, false
	}
	h := sha256.Sum256(b[:21])
	h = sha256.Sum256(h[:])
	for i := 0; i < 4; i++ {
		if h[i] != b[21+i] {
			return 0, false
		}
	}
	return b[0], true
}

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// Bech32 checksum constants: BIP 173 (witness version 0) and BIP 350
// (bech32m, versions 1 to 16).
const (
	bech32Const  = 1
	bech32mConst = 0x2bc830a3
)

func bech32Polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (top>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

// validSegwit reports whether s is a Bitcoin segwit address (bc1...):
// one case throughout, a valid checksum of the kind its witness version
// needs, and a program of a length that version allows.
func validSegwit(s string) bool {
	if len(s) < 14 || len(s) > 90 || strings.ToLower(s) != s && strings.ToUpper(s) != s {
		return false
	}
	s = strings.ToLower(s)
	hrp, data, ok := strings.Cut(s, "1")
	if !ok || hrp != "bc" || strings.Contains(data, "1") || len(data) < 7 {
		return false
	}
	vals := make([]byte, 0, len(hrp)*2+1+len(data))
	for i := 0; i < len(hrp); i++ {
		vals = append(vals, hrp[i]>>5)
	}
	vals = append(vals, 0)
	for i := 0; i < len(hrp); i++ {
		vals = append(vals, hrp[i]&31)
	}
	d := make([]byte, len(data))
	for i := 0; i < len(data); i++ {
		v := strings.IndexByte(bech32Charset, data[i])
		if v < 0 {
			return false
		}
		d[i] = byte(v)
	}
	version := d[0]
	want := uint32(bech32Const)
	if version > 0 {
		want = bech32mConst
	}
	if version > 16 || bech32Polymod(append(vals, d...)) != want {
		return false
	}
	// The program: 5-bit groups without the version and checksum,
	// regrouped into bytes; at most 4 bits of zero padding.
	bits := (len(d) - 7) * 5
	n := bits / 8
	if bits%8 > 4 {
		return false
	}
	switch {
	case version == 0:
		return n == 20 || n == 32
	default:
		return n >= 2 && n <= 40
	}
}

// validEthereum reports whether s is 0x and 40 hex digits, and, when it
// mixes cases, whether the cases spell its EIP-55 checksum: a letter is
// upper case where the Keccak-256 of the lower-case address has a nibble
// of 8 or more.
func validEthereum(s string) (ok, checked bool) {
	if len(s) != 42 || s[0] != '0' || s[1] != 'x' {
		return false, false
	}
	hexPart := s[2:]
	if _, err := hex.DecodeString(hexPart); err != nil {
		return false, false
	}
	lower := strings.ToLower(hexPart)
	if hexPart == lower || hexPart == strings.ToUpper(hexPart) {
		return true, false
	}
	h := sha3.NewLegacyKeccak256()
	h.Write([]byte(lower))
	sum := h.Sum(nil)
	for i := 0; i < 40; i++ {
		c := hexPart[i]
		if c >= '0' && c <= '9' {
			continue
		}
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0xf
		}
		if (nibble >= 8) != (c >= 'A' && c <= 'F') {
			return false, true
		}
	}
	return true, true
}

// cryptoKey folds a crypto address for comparison: hex and bech32
// addresses are case-insensitive, base58 ones are not.
func cryptoKey(s string) string {
	s = strings.TrimSpace(s)
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "0x") || strings.HasPrefix(l, "bc1") {
		return l
	}
	return s
}
