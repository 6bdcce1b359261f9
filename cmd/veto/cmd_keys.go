package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetoscreen/veto/entity"
	"github.com/vetoscreen/veto/match"
)

func newKeysCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Create, list and revoke API keys",
		Long: `API keys authenticate clients of veto serve. A key has a role: screen (screen
and search), analyst (also list diffs), or admin (also refresh the lists).
The store keeps only each key's SHA-256: a key is shown once, when created.
A revoked key stops working on every server within 30 seconds.`,
		Example: `  veto keys create onboarding-service --role screen
  veto keys list
  veto keys revoke 3f9a1c0b7d2e`,
	}
	var role string
	var asJSON bool
	create := &cobra.Command{
		Use:     "create NAME",
		Short:   "Create a key and print it (once)",
		Example: "  veto keys create onboarding-service --role screen",
		Args:    args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return runKeysCreate(cmd.Context(), g, a[0], role, asJSON)
		},
	}
	create.Flags().StringVar(&role, "role", entity.RoleScreen, "screen, analyst or admin")
	create.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	list := &cobra.Command{
		Use:   "list",
		Short: "List the keys (IDs, names, roles; never the secrets)",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runKeysList(cmd.Context(), g, asJSON)
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	revoke := &cobra.Command{
		Use:   "revoke ID",
		Short: "Revoke a key by its ID",
		Args:  args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return runKeysRevoke(cmd.Context(), g, a[0])
		},
	}
	cmd.AddCommand(create, list, revoke)
	return cmd
}

func runKeysCreate(ctx context.Context, g *globalOptions, name, role string, asJSON bool) error {
	if entity.RoleRank(role) == 0 {
		return usageError{fmt.Errorf("--role %q: want screen, analyst or admin", role)}
	}
	a, err := g.open(ctx, match.DefaultConfig())
	if err != nil {
		return err
	}
	defer a.Close()
	k, full, err := a.CreateKey(ctx, cliActor(), name, role)
	if errors.Is(err, entity.ErrInvalid) {
		return usageError{err}
	}
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(g.stdout, struct {
			entity.APIKey
			Key string `json:"key"`
		}{k, full})
	}
	fmt.Fprintf(g.stdout, "%s\n", full)
	fmt.Fprintf(g.stderr, "Created key %s (%s, role %s). It is shown only now: store it safely.\n", k.ID, k.Name, k.Role)
	return nil
}

func runKeysList(ctx context.Context, g *globalOptions, asJSON bool) error {
	st, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	keys, err := st.ListKeys(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		if keys == nil {
			keys = []entity.APIKey{}
		}
		return writeJSON(g.stdout, keys)
	}
	if len(keys) == 0 {
		fmt.Fprintln(g.stdout, "No API keys. Create one with `veto keys create NAME --role screen`.")
		return nil
	}
	tw := table(g.stdout)
	fmt.Fprintln(tw, "ID\tNAME\tROLE\tCREATED\tSTATUS")
	for _, k := range keys {
		status := "active"
		if k.Revoked() {
			status = "revoked " + k.RevokedAt.UTC().Format(time.DateTime)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", k.ID, k.Name, k.Role, k.CreatedAt.UTC().Format(time.DateTime), status)
	}
	return tw.Flush()
}

func runKeysRevoke(ctx context.Context, g *globalOptions, id string) error {
	a, err := g.open(ctx, match.DefaultConfig())
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.RevokeKey(ctx, cliActor(), id); err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "Revoked key %s.\n", id)
	return nil
}
