/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "ls-core-test.h"
#include "ls-pg-store-private.h"
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

/* ---- The count of a search's matches ------------------------------------ */

/* 3,000 cases more, a third of them of the unit of the team's people,
 * with words in every case, a tenth, every 500th and one; the table
 * analysed, as the server's autovacuum would have it. */
static void
add_counted_cases (Fixture *f)
{
  g_autofree char *message = ls_core_test_pg_exec (
      f->location,
      "INSERT INTO cases (uuid, status, unit, updated_at, json, "
      "search_folded) SELECT '60000000-0000-4000-8000-' || lpad (g::text, "
      "12, '0'), CASE WHEN g % 7 = 0 THEN 'closed' ELSE 'received' END, "
      "CASE WHEN g % 3 = 0 THEN '" LS_CORE_TEST_UNIT_LINDEN "' ELSE "
      "'" LS_CORE_TEST_UNIT_SOLGARDEN "' END, '2026-01-01T00:00:00Z', '{}', "
      "'everywhere ' || CASE WHEN g % 10 = 0 THEN 'tenth ' ELSE '' END || "
      "CASE WHEN g % 500 = 0 THEN 'rarely ' ELSE '' END || 'w' || g "
      "FROM generate_series (1, 3000) AS g;"
      "ANALYZE cases");

  g_assert_null (message);
}

/* The count of lexsarah_count_matches() as @conninfo's role, and the
 * same count by the plain query, each up to @up_to. */
static void
assert_count (const char *conninfo,
              const char *words,
              const char *status,
              guint up_to)
{
  g_autofree char *status_sql =
      status != NULL ? g_strdup_printf ("'%s'", status) : g_strdup ("NULL");
  g_autofree char *counted = g_strdup_printf (
      "SELECT lexsarah_count_matches (to_tsquery ('simple', '%s'), %s, "
      "NULL, FALSE, %u)",
      words, status_sql, up_to);
  g_autofree char *plain = g_strdup_printf (
      "SELECT least (count(*), %u) FROM cases WHERE search_vector @@ "
      "to_tsquery ('simple', '%s') AND (%s::text IS NULL OR status = %s)",
      up_to, words, status_sql, status_sql);

  g_test_message ("%s as %s", counted, conninfo);
  g_assert_cmpint (ls_core_test_pg_query_int (conninfo, counted), ==,
                   ls_core_test_pg_query_int (conninfo, plain));
}

/* The count, read from the newest cases or from the index, is the
 * count of the cases the role sees, whichever way it is read: words in
 * every case, few and none, counted up to a few or to many. */
static void
test_count_matches (Fixture *f, gconstpointer data)
{
  static const char *const words[] = {
    "everywhere", "tenth", "rarely", "w12:*", "w2999", "nowhere", "ever:*",
  };
  static const guint limits[] = { 1001, 51, 5000 };
  g_autofree char *decider = as (f, f->decider);
  g_autofree char *investigator = as (f, f->investigator);
  const char *who[] = { f->location, decider, investigator };

  add_counted_cases (f);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    for (guint k = 0; k < G_N_ELEMENTS (limits); k++)
      for (guint w = 0; w < G_N_ELEMENTS (who); w++)
        {
          assert_count (who[w], words[i], NULL, limits[k]);
          assert_count (who[w], words[i], "closed", limits[k]);
        }

  /* Through the store: the decision-maker counts the cases of their
   * unit alone, the investigator none of them. */
  {
    LsStoreQuery query = { .search = "everywhere" };
    g_autoptr (GError) error = NULL;
    g_autoptr (LsStore) store = ls_store_open (decider, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ls_store_count_cases (store, &query, &error), ==, 1000);
    g_clear_object (&store);
    store = ls_store_open (investigator, &error);
    g_assert_no_error (error);
    g_assert_cmpint (ls_store_count_cases (store, &query, &error), ==, 0);
    g_assert_no_error (error);
  }
}

/* Schema 5 only added the filters' indexes of the newest cases and kept
 * the search column in the row. */
#define UNDO_VERSION_5                                                         \
  "DROP INDEX cases_status_newest; DROP INDEX cases_unit_newest;"              \
  "DROP INDEX cases_deadline_newest;"                                          \
  "ALTER TABLE cases ALTER COLUMN search_vector SET STORAGE EXTENDED;"

/* A team's database of schema 3, as a build of that version left it:
 * schema 4 only replaced the count of a search's matches. */
static void
make_version_3 (Fixture *f)
{
  g_autofree char *message = ls_core_test_pg_exec (
      f->location, UNDO_VERSION_5
      "DROP FUNCTION lexsarah_count_newest; DROP FUNCTION "
      "lexsarah_count_indexed; DROP FUNCTION lexsarah_count_matches;"
      "CREATE FUNCTION lexsarah_count_matches (words tsquery, of_status "
      "text, of_unit text, with_deadline boolean, up_to integer) RETURNS "
      "bigint LANGUAGE sql STABLE SET enable_seqscan = off AS $$ SELECT "
      "count(*) FROM (SELECT FROM cases WHERE search_vector @@ words AND "
      "(of_status IS NULL OR status = of_status) AND (of_unit IS NULL OR "
      "unit = of_unit) AND (NOT with_deadline OR next_deadline IS NOT NULL) "
      "LIMIT up_to) AS matched $$;"
      "UPDATE ls_schema SET version = 3");

  g_assert_null (message);
}

/* The first value of @result, which is then cleared and @conn closed. */
static char *
take_text (PGconn *conn, PGresult *result)
{
  char *text;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  text = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return text;
}

/* Everything of the cases and of the rights, in one text: every case's
 * row, the people, their units and cases, the policies and the grants. */
static char *
cases_and_rights (Fixture *f)
{
  PGconn *conn = ls_core_test_pg_connect (f->location);
  PGresult *result = PQexec (
      conn,
      "SELECT concat_ws (E'\n', "
      "(SELECT string_agg (c::text, E'\n' ORDER BY id) FROM cases AS c), "
      "(SELECT string_agg (p::text, E'\n' ORDER BY role) FROM people AS p), "
      "(SELECT string_agg (u::text, E'\n' ORDER BY role, unit) FROM "
      "person_units AS u), "
      "(SELECT string_agg (a::text, E'\n' ORDER BY case_uuid, role) FROM "
      "assignments AS a), "
      "(SELECT string_agg (concat_ws (' ', tablename, policyname, cmd, "
      "roles::text, qual, with_check), E'\n' ORDER BY tablename, policyname) "
      "FROM pg_policies), "
      "(SELECT string_agg (concat_ws (' ', table_name, grantee, "
      "privilege_type), E'\n' ORDER BY table_name, grantee, privilege_type) "
      "FROM information_schema.role_table_grants WHERE table_schema = "
      "'public'))");

  return take_text (conn, result);
}

/* A team's database of schema 3 opened by this version: migrated in
 * place to this version's schema, every case and right as it was, and
 * its counts bound by the rights as before. */
static void
test_count_upgrade (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *decider = as (f, f->decider);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;

  add_counted_cases (f);
  make_version_3 (f);
  before = cases_and_rights (f);
  g_assert_cmpint (
      ls_core_test_pg_query_int (f->location, "SELECT count(*) FROM cases"), >,
      3000);

  store = ls_store_open (f->location, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (
      ls_core_test_pg_query_int (f->location, "SELECT version FROM ls_schema"),
      ==, LS_PG_SCHEMA_VERSION);
  g_assert_cmpint (ls_core_test_pg_query_int (
                       f->location, "SELECT count(*) FROM pg_proc WHERE "
                                    "proname = 'lexsarah_count_newest'"),
                   ==, 1);
  after = cases_and_rights (f);
  g_assert_cmpstr (after, ==, before);
  assert_count (decider, "everywhere", NULL, 1001);
  assert_count (decider, "tenth", "closed", 1001);
  g_assert_cmpint (ls_core_test_pg_query_int (
                       decider, "SELECT lexsarah_count_matches (to_tsquery "
                                "('simple', 'everywhere'), NULL, NULL, FALSE, "
                                "5000)"),
                   ==, 1000);
}

/* Some of the counted cases with a deadline: every fourth. */
static void
add_deadlines (Fixture *f)
{
  g_autofree char *message = ls_core_test_pg_exec (
      f->location, "UPDATE cases SET next_deadline = '2026-02-01' "
                   "WHERE uuid LIKE '60000000-%' AND id % 4 = 0;"
                   "ANALYZE cases");

  g_assert_null (message);
}

/* The newest matches of @words:* as @conninfo's role sees them, with the
 * filter as parameters that may be NULL, newest first, up to 1,001:
 * each case's id and time of update, a line each. */
static char *
plain_search (const char *conninfo,
              const char *words,
              const char *status,
              const char *unit,
              gboolean with_deadline)
{
  PGconn *conn = ls_core_test_pg_connect (conninfo);
  g_autofree char *match = g_strconcat (words, ":*", NULL);
  const char *params[] = { match, status, unit, with_deadline ? "t" : "f" };
  PGresult *result = PQexecParams (
      conn,
      "SELECT coalesce (string_agg (id || ' ' || updated_at, E'\n' ORDER BY "
      "id DESC), '') FROM (SELECT id, updated_at FROM cases WHERE "
      "search_vector @@ to_tsquery ('simple', $1) AND ($2::text IS NULL OR "
      "status = $2) AND ($3::text IS NULL OR unit = $3) AND (NOT $4::boolean "
      "OR next_deadline IS NOT NULL) ORDER BY id DESC LIMIT 1001) AS m",
      4, NULL, params, NULL, NULL, 0);

  return take_text (conn, result);
}

/* The store's search and count of @words with the filter against the
 * plain query's, as @conninfo's role. */
static void
assert_filtered (LsStore *store,
                 const char *conninfo,
                 const char *words,
                 const char *status,
                 const char *unit,
                 gboolean with_deadline)
{
  LsStoreQuery query = { .search = words,
                         .status = status,
                         .unit = unit,
                         .with_deadline = with_deadline };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GString) found = g_string_new (NULL);
  g_autofree char *expected =
      plain_search (conninfo, words, status, unit, with_deadline);
  guint n_expected = *expected != '\0' ? 1 : 0;

  for (const char *c = expected; *c != '\0'; c++)
    n_expected += *c == '\n';
  ids = ls_store_search_ids (store, &query, 1001, keys, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (found, "%s%" G_GINT64_FORMAT " %s",
                            i > 0 ? "\n" : "", g_array_index (ids, gint64, i),
                            (char *) keys->pdata[i]);
  g_test_message ("%s %s %s %d: %u", words, status, unit, with_deadline,
                  n_expected);
  g_assert_cmpstr (found->str, ==, expected);
  g_assert_cmpint (ls_store_count_cases (store, &query, &error), ==,
                   n_expected);
  g_assert_no_error (error);
}

/* Every filter with words in every case, a tenth, few and none, as the
 * owner, a decision-maker of one unit and an investigator of one case. */
static void
assert_filtered_searches (Fixture *f)
{
  static const char *const words[] = {
    "everywhere", "tenth", "rarely", "w12", "ever", "nowhere",
  };
  static const struct
  {
    const char *status;
    const char *unit;
    gboolean with_deadline;
  } filters[] = {
    { "closed", NULL, FALSE },
    { NULL, LS_CORE_TEST_UNIT_LINDEN, FALSE },
    { NULL, LS_CORE_TEST_UNIT_SOLGARDEN, FALSE },
    { NULL, NULL, TRUE },
    { "received", LS_CORE_TEST_UNIT_SOLGARDEN, FALSE },
    { "closed", NULL, TRUE },
    { "received", LS_CORE_TEST_UNIT_LINDEN, TRUE },
  };
  g_autofree char *decider = as (f, f->decider);
  g_autofree char *investigator = as (f, f->investigator);
  const char *who[] = { f->location, decider, investigator };

  for (guint w = 0; w < G_N_ELEMENTS (who); w++)
    {
      g_autoptr (LsStore) store = ls_core_test_open_store (who[w]);

      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        for (guint k = 0; k < G_N_ELEMENTS (filters); k++)
          assert_filtered (store, who[w], words[i], filters[k].status,
                           filters[k].unit, filters[k].with_deadline);
    }
}

/* A search with a filter finds the newest matches in the same order, with
 * the same values of the order and the same count, as the plain query
 * finds them, whichever index the server reads; a member finds only the
 * cases of their units: the decision-maker of Linden none of Solgården,
 * the investigator only the case assigned to them. */
static void
test_filtered_search (Fixture *f, gconstpointer data)
{
  g_autofree char *decider = as (f, f->decider);
  g_autofree char *investigator = as (f, f->investigator);
  LsStoreQuery other_unit = { .search = "everywhere",
                              .unit = LS_CORE_TEST_UNIT_SOLGARDEN };
  LsStoreQuery closed = { .search = "everywhere", .status = "closed" };
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (GArray) ids = NULL;

  add_counted_cases (f);
  add_deadlines (f);
  assert_filtered_searches (f);

  store = ls_core_test_open_store (decider);
  ids = ls_store_search_ids (store, &other_unit, 1001, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_cmpint (ls_store_count_cases (store, &other_unit, &error), ==, 0);
  /* Of the 3,000 cases every seventh is closed, every third of Linden. */
  g_assert_cmpint (ls_store_count_cases (store, &closed, &error), ==,
                   3000 / 21);
  g_clear_object (&store);
  store = ls_core_test_open_store (investigator);
  g_clear_pointer (&ids, g_array_unref);
  ids = ls_store_search_ids (store, &closed, 1001, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
}

/* A team's database of schema 4, as a build of that version left it. */
static void
make_version_4 (Fixture *f)
{
  g_autofree char *message = ls_core_test_pg_exec (
      f->location, UNDO_VERSION_5 "UPDATE ls_schema SET version = 4");

  g_assert_null (message);
}

/* A team's database of schema 4: a member is told to have it upgraded
 * and it is left as it is; once the owner has run
 * --init-shared-database, it has the filters' indexes and the search
 * column in the row, every case and right as before, and the member's
 * filtered searches find what they found. */
static void
test_filtered_upgrade (Fixture *f, gconstpointer data)
{
  g_autofree char *decider = as (f, f->decider);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;

  add_counted_cases (f);
  add_deadlines (f);
  make_version_4 (f);
  before = cases_and_rights (f);

  store = ls_store_open (decider, &error);
  g_assert_null (store);
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_TOO_OLD);
  g_clear_error (&error);
  g_assert_cmpint (
      ls_core_test_pg_query_int (f->location, "SELECT version FROM ls_schema"),
      ==, 4);

  g_assert_true (ls_store_server_init_shared (f->location, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
      ls_core_test_pg_query_int (f->location, "SELECT version FROM ls_schema"),
      ==, LS_PG_SCHEMA_VERSION);
  g_assert_cmpint (ls_core_test_pg_query_int (
                       f->location, "SELECT count(*) FROM pg_indexes WHERE "
                                    "indexname LIKE 'cases_%_newest'"),
                   ==, 3);
  g_assert_cmpint (ls_core_test_pg_query_int (
                       f->location, "SELECT count(*) FROM pg_attribute WHERE "
                                    "attrelid = 'cases'::regclass AND attname "
                                    "= 'search_vector' AND attstorage = 'm'"),
                   ==, 1);
  after = cases_and_rights (f);
  g_assert_cmpstr (after, ==, before);
  store = ls_core_test_open_store (decider);
  assert_filtered (store, decider, "everywhere", "closed", NULL, FALSE);
  assert_filtered (store, decider, "tenth", NULL, NULL, TRUE);
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
  ADD ("/pg-rights/count-matches", test_count_matches);
  ADD ("/pg-rights/count-upgrade", test_count_upgrade);
  ADD ("/pg-rights/filtered-search", test_filtered_search);
  ADD ("/pg-rights/filtered-upgrade", test_filtered_upgrade);
  return g_test_run ();
}
