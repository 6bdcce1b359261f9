package pgtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
)

var (
	privateOnce sync.Once
	privateDSN  string
	privateErr  error
	privateDir  string
	privateBin  string
	privateUser string // who runs the server: root may not
)

// Main runs the package's tests and stops the private server, if they
// started one. Call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	stopPrivate()
	os.Exit(code)
}

// startPrivate starts, once per test process, a PostgreSQL server of the
// tests' own from the binaries under /usr/lib/postgresql (Debian's
// layout) or on PATH.
func startPrivate() (string, error) {
	privateOnce.Do(func() { privateDSN, privateErr = start() })
	return privateDSN, privateErr
}

func findBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("PostgreSQL is not installed (no initdb); install it (apt-get install postgresql) or set VETO_TEST_POSTGRES")
}

func version(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

func start() (string, error) {
	bin, err := findBin()
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "veto-pgtest-")
	if err != nil {
		return "", err
	}
	privateDir, privateBin = dir, bin
	// PostgreSQL refuses to run as root: run it as the postgres user
	// Debian's package creates.
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return "", errors.New("running as root and there is no postgres user to run the server as")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return "", err
		}
		privateUser = "postgres"
	}
	data := filepath.Join(dir, "data")
	if out, err := run("initdb", "-D", data, "-U", "veto", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"); err != nil {
		return "", fmt.Errorf("initdb: %v: %s", err, out)
	}
	opts := fmt.Sprintf("-c listen_addresses='' -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off", dir)
	if out, err := run("pg_ctl", "-D", data, "-w", "-t", "60", "-l", filepath.Join(dir, "log"), "-o", opts, "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		return "", fmt.Errorf("pg_ctl start: %v: %s %s", err, out, log)
	}
	return fmt.Sprintf("host=%s port=5432 user=veto dbname=postgres sslmode=disable", dir), nil
}

func run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(privateBin, name), args...)
	if privateUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", privateUser, "--", filepath.Join(privateBin, name)}, args...)...)
	}
	cmd.Dir = privateDir
	return cmd.CombinedOutput()
}

func stopPrivate() {
	if privateDSN == "" {
		return
	}
	run("pg_ctl", "-D", filepath.Join(privateDir, "data"), "-m", "immediate", "-w", "stop")
	os.RemoveAll(privateDir)
}
