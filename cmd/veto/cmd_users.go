package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/vetoscreen/veto/audit"
	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/users"
)

// cliActor names who runs a command in the audit trail: the operating
// system user, since the command line has no veto sign-in.
func cliActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return "cli:" + u.Username
	}
	// A static binary in a container may have no passwd entry for its
	// user: the login shell's name is the next best witness.
	if name := os.Getenv("USER"); name != "" {
		return "cli:" + name
	}
	return "cli:unknown"
}

func newUsersCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "users",
		Short: "Create, list, disable and change the web UI's users",
		Long: `Users sign in to the web UI of veto serve. Roles: analyst (decides alerts),
approver (also approves other people's decisions: four eyes), admin (also
manages users). Passwords are stored as argon2id hashes and must have at
least 12 characters. The password is read from --password-file, or from
the terminal (asked twice), or from the first line of standard input.
Every change is recorded in the audit trail.`,
		Example: `  veto users create ann --role analyst --display-name "Ann Lee"
  veto users create bob --role approver --password-file /run/secrets/bob
  veto users list
  veto users disable ann`,
	}
	var role, display, pwFile string
	var asJSON bool
	create := &cobra.Command{
		Use:     "create NAME",
		Short:   "Create a user",
		Example: `  veto users create ann --role analyst --display-name "Ann Lee"`,
		Args:    args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if entity.UserRank(role) == 0 {
				return usageError{fmt.Errorf("--role %q: want analyst, approver or admin", role)}
			}
			pw, err := readPassword(g, pwFile)
			if err != nil {
				return err
			}
			return withUsers(cmd.Context(), g, func(s *users.Service) error {
				u, err := s.Create(cmd.Context(), cliActor(), entity.User{Name: a[0], DisplayName: display, Role: role}, pw)
				if err != nil {
					return err
				}
				fmt.Fprintf(g.stdout, "Created user %s (%s).\n", u.Name, u.Role)
				return nil
			})
		},
	}
	create.Flags().StringVar(&role, "role", entity.UserAnalyst, "analyst, approver or admin")
	create.Flags().StringVar(&display, "display-name", "", "the name shown in the UI (default: the login)")
	create.Flags().StringVar(&pwFile, "password-file", "", "read the password from this file's first line")
	list := &cobra.Command{
		Use:   "list",
		Short: "List the users",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withUsers(cmd.Context(), g, func(s *users.Service) error {
				us, err := s.List(cmd.Context())
				if err != nil {
					return err
				}
				if asJSON {
					if us == nil {
						us = []entity.User{}
					}
					return writeJSON(g.stdout, us)
				}
				if len(us) == 0 {
					fmt.Fprintln(g.stdout, "No users. Create one with `veto users create NAME --role admin`.")
					return nil
				}
				tw := table(g.stdout)
				fmt.Fprintln(tw, "NAME\tDISPLAY NAME\tROLE\tCREATED\tSTATUS")
				for _, u := range us {
					status := "active"
					if !u.Disabled.IsZero() {
						status = "disabled " + u.Disabled.UTC().Format(time.DateTime)
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Name, u.DisplayName, u.Role, u.CreatedAt.UTC().Format(time.DateTime), status)
				}
				return tw.Flush()
			})
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	setDisabled := func(use, short string, disabled bool) *cobra.Command {
		return &cobra.Command{
			Use:   use + " NAME",
			Short: short,
			Args:  args(cobra.ExactArgs(1)),
			RunE: func(cmd *cobra.Command, a []string) error {
				return withUsers(cmd.Context(), g, func(s *users.Service) error {
					if err := s.SetDisabled(cmd.Context(), cliActor(), a[0], disabled); err != nil {
						return err
					}
					fmt.Fprintf(g.stdout, "User %s %sd.\n", a[0], use)
					return nil
				})
			},
		}
	}
	var newRole string
	var setPassword bool
	update := &cobra.Command{
		Use:     "update NAME",
		Short:   "Change a user's role or password",
		Example: "  veto users update ann --role approver\n  veto users update ann --password",
		Args:    args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if newRole != "" && entity.UserRank(newRole) == 0 {
				return usageError{fmt.Errorf("--role %q: want analyst, approver or admin", newRole)}
			}
			pw := ""
			if setPassword || pwFile != "" {
				var err error
				if pw, err = readPassword(g, pwFile); err != nil {
					return err
				}
			}
			if newRole == "" && pw == "" {
				return usageError{fmt.Errorf("nothing to change: give --role or --password")}
			}
			return withUsers(cmd.Context(), g, func(s *users.Service) error {
				if err := s.Update(cmd.Context(), cliActor(), a[0], newRole, pw); err != nil {
					return err
				}
				fmt.Fprintf(g.stdout, "User %s updated.\n", a[0])
				return nil
			})
		},
	}
	update.Flags().StringVar(&newRole, "role", "", "the new role")
	update.Flags().BoolVar(&setPassword, "password", false, "set a new password (asked for, or read from standard input)")
	update.Flags().StringVar(&pwFile, "password-file", "", "read the new password from this file's first line")
	cmd.AddCommand(create, list, update,
		setDisabled("disable", "Disable a user: their sessions end and they cannot sign in", true),
		setDisabled("enable", "Enable a disabled user again", false))
	return cmd
}

func withUsers(ctx context.Context, g *globalOptions, fn func(*users.Service) error) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(users.New(st, audit.NewLog(st, g.logger(), nil)))
}

// readPassword reads a password from a file, the terminal (twice), or
// standard input's first line.
func readPassword(g *globalOptions, file string) (string, error) {
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("password file: %w", err)
		}
		pw, _, _ := strings.Cut(string(b), "\n")
		return strings.TrimRight(pw, "\r"), nil
	}
	if f, ok := g.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(g.stderr, "Password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(g.stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(g.stderr, "Again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(g.stderr)
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", fmt.Errorf("the passwords differ")
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(g.stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("password from standard input: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
