/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-core-test.h"
#include "ls-store-connect.h"
#include "ls-pg-team-test.h"
#include "ls-store.h"

/* The set-up every test of team mode shares: a new database, the example
 * imported by its owner, the shared set-up of roles and rights, and people
 * who log in with a role of the team. */

/**
 * ls_pg_team_init:
 *
 * Makes a new, empty database on the test server for @team.
 */
void
ls_pg_team_init (LsPgTeam *team)
{
  team->location = ls_core_test_pg_create_database (&team->name);
  team->roles = g_ptr_array_new_with_free_func (g_free);
}

/**
 * ls_pg_team_clear:
 *
 * Drops the database and every role named by ls_pg_team_name_role().
 */
void
ls_pg_team_clear (LsPgTeam *team)
{
  ls_core_test_pg_drop_database (team->name);
  /* A role outlives its database: it belongs to the server. */
  for (guint i = 0; i < team->roles->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP ROLE IF EXISTS %s",
                                              (char *) team->roles->pdata[i]);

      g_free (ls_core_test_pg_exec (ls_core_test_pg_server (), sql));
    }
  g_clear_pointer (&team->roles, g_ptr_array_unref);
  g_clear_pointer (&team->name, g_free);
  g_clear_pointer (&team->location, g_free);
}

/**
 * ls_pg_team_name_role:
 * @who: a short name, such as "ivar"
 *
 * Returns: (transfer none): the name of @who's login role, of this
 *   database only, so that test programs running at once do not meet; it
 *   is dropped with the team
 */
const char *
ls_pg_team_name_role (LsPgTeam *team, const char *who)
{
  char *role = g_strdup_printf ("%s_%s", team->name, who);

  g_ptr_array_add (team->roles, role);
  return role;
}

/**
 * ls_pg_team_init_shared:
 *
 * Sets the database up for a team: twice, as the second run must find
 * everything set up and change nothing.
 */
void
ls_pg_team_init_shared (LsPgTeam *team)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (ls_store_server_init_shared (team->location, &error));
      g_assert_no_error (error);
    }
}

/**
 * ls_pg_team_share_example:
 *
 * Imports the example as its owner, then sets the database up for a
 * team.
 */
void
ls_pg_team_share_example (LsPgTeam *team)
{
  g_autoptr (LsStore) owner = ls_core_test_open_store (team->location);

  ls_core_test_import_example (owner);
  g_clear_object (&owner);
  ls_pg_team_init_shared (team);
}

/**
 * ls_pg_team_add_person:
 * @role: a name from ls_pg_team_name_role()
 * @group: the team's role, such as "investigator"
 * @unit: (nullable): the unit the person works in
 * @case_uuid: (nullable): a case the person is assigned to
 *
 * Makes a login role in @group, and the person of the team it is.
 */
void
ls_pg_team_add_person (LsPgTeam *team,
                       const char *role,
                       const char *group,
                       const char *name,
                       const char *title,
                       const char *unit,
                       const char *case_uuid)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *message = NULL;

  g_string_append_printf (
      sql,
      "CREATE ROLE %s LOGIN IN ROLE lexsarah_%s;"
      "INSERT INTO people (role, name, title) VALUES ('%s', '%s', '%s');",
      role, group, role, name, title);
  if (unit != NULL)
    g_string_append_printf (
        sql, "INSERT INTO person_units (role, unit) VALUES ('%s', '%s');", role,
        unit);
  if (case_uuid != NULL)
    g_string_append_printf (
        sql, "INSERT INTO assignments (case_uuid, role) VALUES ('%s', '%s');",
        case_uuid, role);
  message = ls_core_test_pg_exec (team->location, sql->str);
  g_assert_null (message);
}

/**
 * ls_pg_team_dup_location_as:
 *
 * Returns: (transfer full): the database's location, logged in as @role
 */
char *
ls_pg_team_dup_location_as (LsPgTeam *team, const char *role)
{
  return g_strdup_printf ("%s user=%s", team->location, role);
}

/**
 * ls_pg_team_add_password_role:
 * @role: a name from ls_pg_team_name_role()
 *
 * Makes a login role of an investigator who must give @password: the test
 * server asks it of the members of lexsarah_password_test.
 *
 * Returns: %FALSE, with the test skipped, when the server asks no password
 *   of them
 */
gboolean
ls_pg_team_add_password_role (LsPgTeam *team,
                              const char *role,
                              const char *password)
{
  g_autofree char *sql = g_strdup_printf (
      /* The server's role, made by the first test program that asks, and
       * perhaps by another at the same moment. */
      "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
      "'lexsarah_password_test') THEN CREATE ROLE lexsarah_password_test; "
      "END IF; EXCEPTION WHEN unique_violation OR duplicate_object THEN "
      "NULL; END $$;"
      "CREATE ROLE %s LOGIN PASSWORD '%s' IN ROLE "
      "lexsarah_password_test, lexsarah_investigator",
      role, password);
  g_autofree char *message = ls_core_test_pg_exec (team->location, sql);

  g_assert_null (message);
  if (ls_core_test_pg_query_int (
          team->location, "SELECT count(*) FROM pg_hba_file_rules WHERE "
                          "'+lexsarah_password_test' = ANY (user_name)") == 0)
    {
      g_test_skip ("The server asks no password of lexsarah_password_test");
      return FALSE;
    }
  return TRUE;
}

/**
 * ls_pg_team_skip_without_server:
 *
 * The one test of a program of tests on the server when there is none.
 */
void
ls_pg_team_skip_without_server (void)
{
  g_test_skip ("No PostgreSQL server: set LEXSARAH_TEST_PG to a libpq "
               "connection, or run build-aux/dev test, which starts one");
}
