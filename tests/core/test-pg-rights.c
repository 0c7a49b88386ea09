/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-core-test.h"
#include "ls-pg-team-test.h"
#include "ls-store-connect.h"
#include "ls-store.h"

/* The separated duties of a team, enforced by the server: only a
 * decision-maker concludes, only a notifier records the notification as
 * made or the investigation as sent; what the session may do, as the
 * store tells it; and a role that must give a password. */

#define CASE_OPEN "2964fd60-6bce-47ca-b9e8-3be54621b4eb"

typedef struct
{
  LsPgTeam team;
  const char *location; /* the team's */
  const char *investigator;
  const char *decider;
  const char *notifier;
  const char *admin;
} Fixture;

static const char *
add_person (Fixture *f, const char *who, const char *group)
{
  const char *role = ls_pg_team_name_role (&f->team, who);

  ls_pg_team_add_person (&f->team, role, group, "Namn", "Chef",
                         LS_CORE_TEST_UNIT_LINDEN, CASE_OPEN);
  return role;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  ls_pg_team_init (&f->team);
  f->location = f->team.location;
  ls_pg_team_share_example (&f->team);
  f->investigator = add_person (f, "ivar", "investigator");
  f->decider = add_person (f, "dora", "decision_maker");
  f->notifier = add_person (f, "nils", "notifier");
  f->admin = add_person (f, "adam", "administrator");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ls_pg_team_clear (&f->team);
}

static char *
as (Fixture *f, const char *role)
{
  return ls_pg_team_dup_location_as (&f->team, role);
}

/* Sets one member of the open case's content, as raw SQL would. */
static char *
set_member (Fixture *f, const char *role, const char *path, const char *value)
{
  g_autofree char *conninfo = as (f, role);
  g_autofree char *sql = g_strdup_printf (
      "UPDATE cases SET json = jsonb_set (json::jsonb, '{%s}', '%s')::text "
      "WHERE uuid = '" CASE_OPEN "'",
      path, value);

  return ls_core_test_pg_exec (conninfo, sql);
}

static gint64
stored_is (Fixture *f, const char *path, const char *value)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT count(*) FROM cases WHERE uuid = '" CASE_OPEN "' "
      "AND json::jsonb #> '{%s}' = '%s'",
      path, value);

  return ls_core_test_pg_query_int (f->location, sql);
}

static void
test_conclude (Fixture *f, gconstpointer data)
{
  g_autofree char *message = NULL;

  /* The investigator may work on the case, but not decide it. */
  message = set_member (f, f->investigator, "investigation,recurrence",
                        "\"Låg risk.\"");
  g_assert_null (message);
  g_assert_cmpint (stored_is (f, "investigation,recurrence", "\"Låg risk.\""),
                   ==, 1);
  message = set_member (f, f->investigator, "investigation,conclusion",
                        "\"Inget missförhållande.\"");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "decision-maker"));
  g_clear_pointer (&message, g_free);
  message = set_member (f, f->notifier, "investigation,decided_by", "\"Nils\"");
  g_assert_nonnull (strstr (message, "decision-maker"));
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (
      stored_is (f, "investigation,conclusion", "\"Inget missförhållande.\""),
      ==, 0);

  /* The decision-maker's conclusion is stored, and changed. */
  message = set_member (f, f->decider, "investigation,conclusion",
                        "\"Inget missförhållande.\"");
  g_assert_null (message);
  g_assert_cmpint (
      stored_is (f, "investigation,conclusion", "\"Inget missförhållande.\""),
      ==, 1);
  message = set_member (f, f->decider, "investigation,conclusion",
                        "\"Ett missförhållande.\"");
  g_assert_null (message);
  /* ...and an investigator cannot take it away again. */
  message = set_member (f, f->investigator, "investigation,conclusion", "null");
  g_assert_nonnull (strstr (message, "decision-maker"));
  g_assert_cmpint (
      stored_is (f, "investigation,conclusion", "\"Ett missförhållande.\""), ==,
      1);
}

static void
test_notify (Fixture *f, gconstpointer data)
{
  g_autofree char *message = NULL;

  message = set_member (f, f->investigator, "notification,submitted_on",
                        "\"2026-03-12\"");
  g_assert_nonnull (strstr (message, "notifier"));
  g_clear_pointer (&message, g_free);
  message = set_member (f, f->decider, "notification,investigation_sent_on",
                        "\"2026-03-12\"");
  g_assert_nonnull (strstr (message, "notifier"));
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (stored_is (f, "notification,submitted_on", "\"2026-03-12\""),
                   ==, 0);

  /* The notifier's is stored; the rest of the notification anyone of the
   * case may prepare. */
  message = set_member (f, f->notifier, "notification,submitted_on",
                        "\"2026-03-12\"");
  g_assert_null (message);
  g_assert_cmpint (stored_is (f, "notification,submitted_on", "\"2026-03-12\""),
                   ==, 1);
  message =
      set_member (f, f->investigator, "notification,description", "\"Utkast\"");
  g_assert_null (message);
  g_assert_cmpint (stored_is (f, "notification,description", "\"Utkast\""), ==,
                   1);
}

/* Through the store: the investigator's save of a conclusion is refused
 * with the sentence the windows show, and nothing is saved. */
static void
test_store_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *conninfo = as (f, f->investigator);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = ls_store_open (conninfo, &error);
  g_autoptr (LsCase) lcase = NULL;

  g_assert_no_error (error);
  lcase = ls_store_load_case (store, CASE_OPEN, &error);
  g_assert_no_error (error);
  ls_investigation_set_conclusion (ls_case_get_investigation (lcase),
                                   "Inget missförhållande.");
  g_assert_false (ls_store_save_case (store, lcase, "Ivar", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DENIED);
  g_assert_cmpstr (error->message, ==,
                   ls_store_rights_explain (LS_STORE_RIGHT_CONCLUDE));
  g_assert_cmpint (stored_is (f, "investigation,conclusion", "null"), ==, 1);
}

static LsStoreRights
rights_of (const char *conninfo)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store =
      ls_store_open_full (conninfo, LS_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return ls_store_get_rights (store);
}

static void
test_session_rights (Fixture *f, gconstpointer data)
{
  struct
  {
    const char *role;
    LsStoreRights rights;
  } cases[] = {
    { f->investigator, LS_STORE_RIGHT_INVESTIGATE },
    { f->decider, LS_STORE_RIGHT_CONCLUDE },
    { f->notifier, LS_STORE_RIGHT_NOTIFY },
    { f->admin, LS_STORE_RIGHT_ADMINISTER },
  };
  g_autofree char *both = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *conninfo = as (f, cases[i].role);

      g_assert_cmpint (rights_of (conninfo), ==, cases[i].rights);
    }
  /* A person in two group roles has both rights. */
  grant = g_strdup_printf ("GRANT lexsarah_notifier TO %s", f->decider);
  message = ls_core_test_pg_exec (f->location, grant);
  g_assert_null (message);
  both = as (f, f->decider);
  g_assert_cmpint (rights_of (both), ==,
                   LS_STORE_RIGHT_CONCLUDE | LS_STORE_RIGHT_NOTIFY);
  /* Who the person is, as the server writes it. */
  {
    g_autofree char *conninfo = as (f, f->investigator);
    g_autoptr (GError) error = NULL;
    g_autoptr (LsStore) store = ls_store_open (conninfo, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ls_store_get_identity_name (store), ==, "Namn");
    g_assert_cmpstr (ls_store_get_identity_title (store), ==, "Chef");
  }
  /* The owner may do everything. */
  g_assert_cmpint (rights_of (f->location), ==, LS_STORE_RIGHTS_ALL);
}

/* A file of one computer: everything. */
static void
test_sqlite_rights (void)
{
  g_autofree char *dir = ls_core_test_make_tmpdir ("pg-rights");
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = ls_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ls_store_get_rights (store), ==, LS_STORE_RIGHTS_ALL);
  g_assert_true (ls_store_may (store, LS_STORE_RIGHT_CONCLUDE));
  g_assert_null (ls_store_get_identity_name (store));
  g_clear_object (&store);
  ls_core_test_remove_tree (dir);
}

static void
assert_check_fails (const char *location,
                    const char *password,
                    GQuark domain,
                    int code,
                    const char *says)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *said = ls_store_check_server (location, password, &error);

  g_assert_null (said);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, says));
}

/* "Test connection" says plainly what went wrong. */
static void
test_check (Fixture *f, gconstpointer data)
{
  g_autofree char *ivar = as (f, f->investigator);
  g_autofree char *nobody = as (f, "lexsarah_no_such_role");
  g_autofree char *bare = g_strdup_printf ("%s_bare", f->team.name);
  g_autofree char *bare_conninfo = as (f, bare);
  g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN", bare);
  g_autofree char *drop = g_strdup_printf ("DROP ROLE %s", bare);
  g_autofree char *empty_name = NULL;
  g_autofree char *empty = ls_core_test_pg_create_database (&empty_name);
  g_autofree char *message = NULL;
  g_autofree char *said = NULL;
  g_autoptr (GError) error = NULL;

  said = ls_store_check_server (ivar, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (said, ==, "Connected: the server knows you as Namn.");

  assert_check_fails ("host=/nonexistent/lexsarah dbname=x", NULL, G_IO_ERROR,
                      G_IO_ERROR_CONNECTION_REFUSED,
                      "Could not connect to the shared case database");
  assert_check_fails (nobody, NULL, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                      "no role of that name");
  assert_check_fails ("postgresql://ivar:hemligt@db.example/lexsarah", NULL,
                      LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                      "without a password");
  assert_check_fails ("/home/maria/cases.db", NULL, LS_STORE_ERROR,
                      LS_STORE_ERROR_INVALID, "postgresql://");
  message = ls_core_test_pg_exec (f->location, create);
  g_assert_null (message);
  assert_check_fails (bare_conninfo, NULL, LS_STORE_ERROR,
                      LS_STORE_ERROR_DENIED, "no rights");
  g_free (ls_core_test_pg_exec (f->location, drop));
  /* An empty database: nothing is created by a test. */
  assert_check_fails (empty, NULL, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                      "lexsarah --init-shared-database");
  g_assert_cmpint (
      ls_core_test_pg_query_int (
          empty, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
      ==, 0);
  ls_core_test_pg_drop_database (empty_name);
}

/* A role that must give a password (the test server asks it of the
 * members of lexsarah_password_test): asked for, refused when wrong,
 * accepted when right, and never in the location shown. */
static void
test_password (Fixture *f, gconstpointer data)
{
  const char *role = ls_pg_team_name_role (&f->team, "pia");
  g_autofree char *conninfo = as (f, role);
  g_autofree char *with = NULL;
  g_autofree char *said = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;

  if (!ls_pg_team_add_password_role (&f->team, role, "rätt lösen"))
    return;
  assert_check_fails (conninfo, NULL, LS_STORE_ERROR,
                      LS_STORE_ERROR_NEEDS_PASSWORD, "asks for a password");
  assert_check_fails (conninfo, "fel", LS_STORE_ERROR,
                      LS_STORE_ERROR_NEEDS_PASSWORD, "not accepted");
  said = ls_store_check_server (conninfo, "rätt lösen", &error);
  g_assert_no_error (error);
  g_assert_nonnull (said);

  with = ls_store_server_dup_location_with_password (conninfo, "rätt lösen");
  store = ls_store_open (with, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (ls_store_get_location (store), "lösen"));
  g_clear_object (&store);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pg-rights/sqlite", test_sqlite_rights);
  if (ls_core_test_pg_server () == NULL)
    {
      g_test_add_func ("/pg-rights/no-server", ls_pg_team_skip_without_server);
      return g_test_run ();
    }

#define ADD(path, func)                                                        \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/pg-rights/conclude", test_conclude);
  ADD ("/pg-rights/notify", test_notify);
  ADD ("/pg-rights/store-refused", test_store_refused);
  ADD ("/pg-rights/session", test_session_rights);
  ADD ("/pg-rights/check", test_check);
  ADD ("/pg-rights/password", test_password);
  return g_test_run ();
}
