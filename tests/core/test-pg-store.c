/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "ls-case-summary.h"
#include "ls-core-test.h"
#include "ls-journal-item.h"
#include "ls-pg-store-private.h"
#include "ls-pg-team-test.h"
#include "ls-store-connect.h"
#include "ls-store.h"

/* What only a shared database does: a server's schema refused when it is
 * newer, exchange with SQLite both ways, the team's rights enforced by
 * the server whatever the client, two people on one case, NOTIFY to the
 * other clients, and connecting again after the server let go.  The
 * store's own behaviour on PostgreSQL is test-store's /store/pg/. */

#define CASE_CLOSED "108402d6-8410-4307-a298-64786b3633aa"
#define CASE_OPEN "2964fd60-6bce-47ca-b9e8-3be54621b4eb"

typedef struct
{
  LsPgTeam team;
  char *dir;
  const char *location; /* the team's */
  const char *receiver;
  const char *investigator;
  const char *administrator;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = ls_core_test_make_tmpdir ("pg-store");
  ls_pg_team_init (&f->team);
  f->location = f->team.location;
  f->receiver = ls_pg_team_name_role (&f->team, "anna");
  f->investigator = ls_pg_team_name_role (&f->team, "ivar");
  f->administrator = ls_pg_team_name_role (&f->team, "ada");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ls_pg_team_clear (&f->team);
  ls_core_test_remove_tree (f->dir);
  g_free (f->dir);
}

static LsCase *
load (LsStore *store, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  LsCase *lcase = ls_store_load_case (store, uuid, &error);

  g_assert_no_error (error);
  return lcase;
}

static char *
query_text (const char *conninfo, const char *sql)
{
  PGconn *conn = ls_core_test_pg_connect (conninfo);
  PGresult *result = PQexec (conn, sql);
  char *value = NULL;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0)
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}

/* ---- Locations and the schema ------------------------------------------- */

static void
test_location (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autofree char *with_password = NULL;
  g_autofree char *name = NULL;
  g_autofree char *location = ls_core_test_pg_create_database (&name);

  g_assert_true (ls_store_location_is_server ("postgresql://db.example/ls"));
  g_assert_true (ls_store_location_is_server ("postgres:///lexsarah"));
  g_assert_true (ls_store_location_is_server ("service=lexsarah"));
  g_assert_true (ls_store_location_is_server ("host=/run/pg dbname=x"));
  g_assert_false (ls_store_location_is_server ("/home/maria/cases=old.db"));
  g_assert_false (ls_store_location_is_server ("./a=b.db"));
  g_assert_false (ls_store_location_is_server ("cases.db"));
  /* A connection is not a path to resolve. */
  {
    g_autofree char *kept = ls_store_canonicalize_location ("service=lexsarah");

    g_assert_cmpstr (kept, ==, "service=lexsarah");
  }

  /* A password in the location is never shown. */
  with_password = g_strdup_printf ("%s password=hemligt", location);
  store = ls_store_open (with_password, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (store), ==, "LsPgStore");
  g_assert_null (strstr (ls_store_get_location (store), "hemligt"));
  g_assert_nonnull (strstr (ls_store_get_location (store), name));
  g_clear_object (&store);
  ls_core_test_pg_drop_database (name);
}

static void
test_newer_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = ls_core_test_open_store (f->location);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 n_tables;

  ls_core_test_import_example (store);
  g_clear_object (&store);
  message =
      ls_core_test_pg_exec (f->location, "UPDATE ls_schema SET version = 99");
  g_assert_null (message);
  n_tables = ls_core_test_pg_query_int (
      f->location,
      "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");

  store = ls_store_open (f->location, &error);
  g_assert_null (store);
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_TOO_NEW);
  /* Left as it was. */
  g_assert_cmpint (
      ls_core_test_pg_query_int (f->location, "SELECT version FROM ls_schema"),
      ==, 99);
  g_assert_cmpint (ls_core_test_pg_query_int (f->location,
                                              "SELECT count(*) FROM pg_tables "
                                              "WHERE schemaname = 'public'"),
                   ==, n_tables);
  g_assert_cmpint (
      ls_core_test_pg_query_int (f->location, "SELECT count(*) FROM cases"), ==,
      2);
}

static void
test_foreign_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message =
      ls_core_test_pg_exec (f->location, "CREATE TABLE cases (x int)");

  g_assert_null (message);
  store = ls_store_open (f->location, &error);
  g_assert_null (store);
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_A_DATABASE);
  g_assert_cmpint (
      ls_core_test_pg_query_int (f->location,
                                 "SELECT (to_regclass ('ls_schema') IS NULL "
                                 "AND to_regclass ('journal') IS NULL)::int"),
      ==, 1);
}

/* A database of schema 2, as a build of that version left it: schemas 3
 * to 5 only changed the indexes of the list's orders, added the count of
 * a search and the filters' indexes of the newest cases and kept the
 * search column in the row, so the current schema with those as they were
 * is one. */
static void
make_version_2 (Fixture *f)
{
  g_autofree char *message = ls_core_test_pg_exec (
      f->location,
      "DROP INDEX cases_received; DROP INDEX cases_regno;"
      "DROP INDEX cases_status; DROP INDEX cases_unit;"
      "CREATE INDEX cases_status ON cases (status, updated_at);"
      "CREATE INDEX cases_unit ON cases (unit, updated_at);"
      "CREATE INDEX cases_received ON cases (received_at DESC, id DESC);"
      "DROP FUNCTION lexsarah_count_matches;"
      "DROP FUNCTION lexsarah_count_newest;"
      "DROP FUNCTION lexsarah_count_indexed;"
      "DROP INDEX cases_status_newest; DROP INDEX cases_unit_newest;"
      "DROP INDEX cases_deadline_newest;"
      "ALTER TABLE cases ALTER COLUMN search_vector SET STORAGE EXTENDED;"
      "UPDATE ls_schema SET version = 2;"
      /* And the policy of the history as a team's set-up of version 2
       * wrote it, if it has one. */
      "DO $$ BEGIN IF EXISTS (SELECT FROM pg_policies WHERE policyname = "
      "'history_of_cases') THEN DROP POLICY history_of_cases ON history; "
      "CREATE POLICY history_of_cases ON history "
      "USING (case_id IN (SELECT id FROM cases)); END IF; END $$");

  g_assert_null (message);
}

/* Whether the history's policy asks for the one case of the row. */
static gboolean
history_policy_current (Fixture *f)
{
  g_autofree char *qual = query_text (
      f->location,
      "SELECT qual FROM pg_policies WHERE policyname = 'history_of_cases'");

  return qual != NULL && strstr (qual, "EXISTS") != NULL;
}

/* The definitions of the indexes of the list's orders, in one text. */
static char *
list_indexes (Fixture *f)
{
  return query_text (
      f->location,
      "SELECT string_agg (indexdef, '; ' ORDER BY indexname) FROM pg_indexes "
      "WHERE tablename = 'cases' AND indexname IN ('cases_received', "
      "'cases_regno', 'cases_status', 'cases_unit')");
}

/* The list in @order has case @uuid at @position of its three. */
static void
assert_list_order (LsStore *store,
                   LsStoreOrder order,
                   guint position,
                   const char *uuid)
{
  g_autoptr (GError) error = NULL;
  LsStoreQuery query = { .order = order };
  g_autoptr (GPtrArray) all =
      ls_store_list_cases (store, &query, 0, 10, &error);
  g_autoptr (GPtrArray) second = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (ls_case_summary_get_uuid (all->pdata[position]), ==, uuid);
  /* A page further down is the same cases as the whole list there. */
  second = ls_store_list_cases (store, &query, 1, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (ls_case_summary_get_uuid (second->pdata[i]), ==,
                     ls_case_summary_get_uuid (all->pdata[i + 1]));
}

/* Schema 3's indexes reach a database of schema 2 when it is set up
 * for a team again, and when it is opened (with the team's policies of
 * this version); its cases are kept, and the
 * list reads them in each order as before: the nulls of the receipt
 * last, those of the registration number first. */
static void
test_version_2_migrated (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = ls_core_test_open_store (f->location);
  g_autoptr (GError) error = NULL;
  g_autofree char *current = NULL;
  g_autofree char *old = NULL;
  g_autofree char *message = NULL;

  ls_core_test_import_example (store);
  g_clear_object (&store);
  current = list_indexes (f);
  g_assert_nonnull (strstr (current, "received_at DESC NULLS LAST, id DESC"));
  g_assert_nonnull (strstr (current, "regno NULLS FIRST, id"));
  g_assert_nonnull (strstr (current, "status, updated_at DESC, id DESC"));
  g_assert_nonnull (strstr (current, "unit, updated_at DESC, id DESC"));

  for (guint way = 0; way < 2; way++)
    {
      g_autofree char *migrated = NULL;

      make_version_2 (f);
      old = (g_free (old), list_indexes (f));
      g_assert_null (strstr (old, "NULLS"));
      if (way == 0)
        {
          g_assert_true (ls_store_server_init_shared (f->location, &error));
          g_assert_no_error (error);
        }
      else
        {
          /* Now a team's database: opened, it gets the team's set-up of
           * this version too. */
          g_assert_false (history_policy_current (f));
          store = ls_core_test_open_store (f->location);
          g_clear_object (&store);
        }
      g_assert_true (history_policy_current (f));
      g_assert_cmpint (ls_core_test_pg_query_int (
                           f->location, "SELECT version FROM ls_schema"),
                       ==, LS_PG_SCHEMA_VERSION);
      migrated = list_indexes (f);
      g_assert_cmpstr (migrated, ==, current);
    }
  g_assert_cmpint (
      ls_core_test_pg_query_int (f->location, "SELECT count(*) FROM cases"), ==,
      2);

  /* A third case with neither a registration number nor a time of
   * receipt. */
  message = ls_core_test_pg_exec (
      f->location, "INSERT INTO cases (uuid, status, updated_at, json) VALUES "
                   "('00000000-0000-4000-8000-000000000001', 'received', "
                   "'2026-01-01T00:00:00Z', '{}')");
  g_assert_null (message);
  store = ls_core_test_open_store (f->location);
  assert_list_order (store, LS_STORE_ORDER_REGNO, 0,
                     "00000000-0000-4000-8000-000000000001");
  assert_list_order (store, LS_STORE_ORDER_RECEIVED, 2,
                     "00000000-0000-4000-8000-000000000001");

  /* A search is counted again, by schema 3's function. */
  {
    LsStoreQuery query = { .search = "trygghetslarm" };
    g_autoptr (GPtrArray) found =
        ls_core_test_search (store, query.search, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, >, 0);
    g_assert_cmpint (ls_store_count_cases (store, &query, &error), ==,
                     found->len);
    g_assert_no_error (error);
  }
}

/* ---- Exchange ------------------------------------------------------------ */

static JsonNode *export(LsStore *store)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = ls_store_export_document (store, &error);

  g_assert_no_error (error);
  return node;
}

/* SQLite to PostgreSQL to SQLite and on to another PostgreSQL database:
 * the same document at every step, with the register of people, the
 * routines, each case's history (with the reasons of changes made after
 * a conclusion) and its attachments, byte for byte. */
static void
test_exchange_both_ways (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) example = ls_core_test_load_example ();
  g_autofree char *first = g_build_filename (f->dir, "first.db", NULL);
  g_autofree char *last = g_build_filename (f->dir, "last.db", NULL);
  g_autofree char *second_name = NULL;
  g_autofree char *second = ls_core_test_pg_create_database (&second_name);
  g_autoptr (LsStore) sqlite = ls_core_test_open_store (first);
  g_autoptr (LsStore) pg = ls_core_test_open_store (f->location);
  g_autoptr (LsStore) back = ls_core_test_open_store (last);
  g_autoptr (LsStore) pg_again = ls_core_test_open_store (second);
  g_autoptr (JsonNode) from_sqlite = NULL;
  g_autoptr (JsonNode) from_pg = NULL;
  g_autoptr (JsonNode) from_back = NULL;
  g_autoptr (JsonNode) from_pg_again = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *first_case;
  JsonArray *history;
  gboolean has_why = FALSE;

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (pg), ==, "LsPgStore");
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (sqlite), !=, "LsPgStore");
  /* The example has what must travel: people, routines, a history entry
   * with its reason, an attachment. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_node_get_object (example), "people")),
                    >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_node_get_object (example), "routines")),
                    >, 0);
  first_case = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (example), "cases"),
      0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        first_case, "attachments")),
                    ==, 1);
  history = json_object_get_array_member (first_case, "history");
  for (guint i = 0; i < json_array_get_length (history); i++)
    if (!json_object_get_null_member (
            json_array_get_object_element (history, i), "why"))
      has_why = TRUE;
  g_assert_true (has_why);

  ls_core_test_import_example (sqlite);
  from_sqlite = export(sqlite);
  g_assert_true (ls_core_test_json_equal (example, from_sqlite));
  g_assert_true (
      ls_store_import_document (pg, from_sqlite, "Maria", NULL, &error));
  g_assert_no_error (error);
  from_pg = export(pg);
  g_assert_true (ls_core_test_json_equal (example, from_pg));

  g_assert_true (
      ls_store_import_document (back, from_pg, "Maria", NULL, &error));
  g_assert_no_error (error);
  from_back = export(back);
  g_assert_true (ls_core_test_json_equal (from_pg, from_back));

  g_assert_true (
      ls_store_import_document (pg_again, from_back, "Maria", NULL, &error));
  g_assert_no_error (error);
  from_pg_again = export(pg_again);
  g_assert_true (ls_core_test_json_equal (example, from_pg_again));

  g_clear_object (&pg_again);
  ls_core_test_pg_drop_database (second_name);
}

/* ---- Rights -------------------------------------------------------------- */

static char *
as (Fixture *f, const char *role)
{
  return ls_pg_team_dup_location_as (&f->team, role);
}

static void
assert_needs_init (const GError *error)
{
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_TOO_OLD);
  g_assert_nonnull (strstr (error->message, "older version"));
  g_assert_nonnull (strstr (error->message, "--init-shared-database"));
  g_assert_nonnull (strstr (error->message, "owner"));
}

/* A member of the team who opens a database of an older schema may not
 * change the schema: the message says who is to upgrade it and how, and
 * the database is left as it was; so it is for a read-only open, which
 * Test Connection makes.  Once the owner has run --init-shared-database,
 * the member opens it. */
static void
test_older_needs_init (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *anna = NULL;
  g_autofree char *said = NULL;

  ls_pg_team_share_example (&f->team);
  ls_pg_team_add_person (&f->team, f->receiver, "receiver", "Anna Ek", "Chef",
                         LS_CORE_TEST_UNIT_SOLGARDEN, NULL);
  anna = as (f, f->receiver);
  make_version_2 (f);

  store = ls_store_open (anna, &error);
  g_assert_null (store);
  assert_needs_init (error);
  g_clear_error (&error);
  said = ls_store_check_server (anna, NULL, &error);
  g_assert_null (said);
  assert_needs_init (error);
  g_clear_error (&error);
  store = ls_store_open_full (f->location, LS_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  assert_needs_init (error);
  g_clear_error (&error);
  g_assert_cmpint (
      ls_core_test_pg_query_int (f->location, "SELECT version FROM ls_schema"),
      ==, 2);
  g_assert_false (history_policy_current (f));

  g_assert_true (ls_store_server_init_shared (f->location, &error));
  g_assert_no_error (error);
  store = ls_core_test_open_store (anna);
  g_assert_cmpint (ls_store_count_cases (store, NULL, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_rights (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = ls_core_test_open_store (f->location);
  g_autofree char *anna = NULL;
  g_autofree char *ivar = NULL;
  g_autofree char *message = NULL;
  g_autofree char *who = NULL;
  g_autofree char *sql = NULL;

  ls_core_test_import_example (store);
  g_clear_object (&store);
  ls_pg_team_init_shared (&f->team);
  ls_pg_team_add_person (&f->team, f->receiver, "receiver", "Anna Ek", "Chef",
                         LS_CORE_TEST_UNIT_SOLGARDEN, NULL);
  ls_pg_team_add_person (&f->team, f->investigator, "investigator", "Ivar Berg",
                         "Chef", NULL, NULL);
  anna = as (f, f->receiver);
  ivar = as (f, f->investigator);

  /* A receiver sees the cases of her own unit, and no other. */
  g_assert_cmpint (
      ls_core_test_pg_query_int (anna, "SELECT count(*) FROM cases"), ==, 1);
  g_assert_cmpint (
      ls_core_test_pg_query_int (
          anna, "SELECT count(*) FROM cases WHERE uuid = '" CASE_OPEN "'"),
      ==, 0);
  g_assert_cmpint (
      ls_core_test_pg_query_int (anna, "SELECT count(*) FROM journal"), ==,
      ls_core_test_pg_query_int (
          f->location,
          "SELECT count(*) FROM journal JOIN cases ON "
          "cases.id = case_id WHERE cases.uuid = '" CASE_CLOSED "'"));
  /* ...and cannot change another unit's case, nor move hers there. */
  message = ls_core_test_pg_exec (
      anna, "UPDATE cases SET title = 'Ändrad' WHERE uuid = '" CASE_OPEN "'");
  g_assert_null (message);
  g_assert_cmpint (ls_core_test_pg_query_int (f->location,
                                              "SELECT count(*) FROM cases "
                                              "WHERE title = 'Ändrad'"),
                   ==, 0);
  message = ls_core_test_pg_exec (
      anna, "UPDATE cases SET unit = '" LS_CORE_TEST_UNIT_LINDEN "' "
            "WHERE uuid = '" CASE_CLOSED "'");
  g_assert_nonnull (strstr (message, "row-level security"));
  g_clear_pointer (&message, g_free);

  /* An investigator sees only what is assigned to him... */
  g_assert_cmpint (
      ls_core_test_pg_query_int (ivar, "SELECT count(*) FROM cases"), ==, 0);
  sql =
      g_strdup_printf ("INSERT INTO assignments VALUES ('" CASE_OPEN "', '%s')",
                       f->investigator);
  message = ls_core_test_pg_exec (f->location, sql);
  g_assert_null (message);
  g_assert_cmpint (
      ls_core_test_pg_query_int (ivar, "SELECT count(*) FROM cases"), ==, 1);
  /* ...and cannot change the organisation, nor who has which role. */
  message = ls_core_test_pg_exec (ivar, "UPDATE organisation SET json = '{}'");
  g_assert_nonnull (strstr (message, "permission denied"));
  g_clear_pointer (&message, g_free);
  message = ls_core_test_pg_exec (
      ivar, "UPDATE people SET name = 'Någon' WHERE role = current_user");
  g_assert_nonnull (strstr (message, "permission denied"));
  g_clear_pointer (&message, g_free);

  /* A history entry's author is the session's person, whatever the
   * client writes. */
  message = ls_core_test_pg_exec (
      anna, "INSERT INTO history (case_id, at, field, who) "
            "SELECT id, '2026-04-01T10:00:00Z', 'test', 'Någon annan' "
            "FROM cases WHERE uuid = '" CASE_CLOSED "'");
  g_assert_null (message);
  who =
      query_text (f->location, "SELECT who FROM history WHERE field = 'test'");
  g_assert_cmpstr (who, ==, "Anna Ek");
}

/* The register of people and the routines are the organisation's: every
 * role reads them, only the administrator changes them.  An attachment
 * is seen with its case, and who added it is the session's person,
 * whatever the client says. */
static void
test_rights_register (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = ls_core_test_open_store (f->location);
  g_autoptr (LsStore) hers = NULL;
  g_autoptr (LsStore) admin = NULL;
  g_autoptr (LsPeopleRegister) register_ = NULL;
  g_autoptr (LsPerson) person = ls_person_new ();
  g_autoptr (GBytes) bytes = g_bytes_new_static ("Foto", 4);
  g_autoptr (LsAttachment) attachment = NULL;
  g_autoptr (LsAttachment) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *anna = NULL;
  g_autofree char *ada = NULL;
  g_autofree char *message = NULL;
  g_autofree char *added_by = NULL;

  ls_core_test_import_example (store);
  g_clear_object (&store);
  ls_pg_team_init_shared (&f->team);
  ls_pg_team_add_person (&f->team, f->receiver, "receiver", "Anna Ek", "Chef",
                         LS_CORE_TEST_UNIT_SOLGARDEN, NULL);
  ls_pg_team_add_person (&f->team, f->administrator, "administrator",
                         "Ada Lind", "Chef", NULL, NULL);
  anna = as (f, f->receiver);
  ada = as (f, f->administrator);

  /* Anna reads the whole register and the routines... */
  g_assert_cmpint (
      ls_core_test_pg_query_int (anna, "SELECT count(*) FROM register_people"),
      ==, 6);
  g_assert_cmpint (ls_core_test_pg_query_int (
                       anna, "SELECT count(*) FROM register_routines"),
                   ==, 2);
  /* ...and changes none of it. */
  message = ls_core_test_pg_exec (anna, "UPDATE register_people SET name = "
                                        "'Någon'");
  g_assert_nonnull (strstr (message, "permission denied"));
  g_clear_pointer (&message, g_free);
  message = ls_core_test_pg_exec (
      anna, "INSERT INTO register_occasions (id, held_on, json) "
            "VALUES ('x', '2026-04-01', '{}')");
  g_assert_nonnull (strstr (message, "permission denied"));
  g_clear_pointer (&message, g_free);

  /* The administrator adds a person through the store. */
  admin = ls_core_test_open_store (ada);
  register_ = ls_store_load_people (admin, &error);
  g_assert_no_error (error);
  ls_person_set_name (person, "Nora Lund");
  ls_person_set_category (person, LS_REPORTER_CATEGORY_TRAINEE);
  ls_person_set_started_on (person, "2026-03-09");
  g_list_store_append (ls_people_register_get_people (register_), person);
  g_assert_true (ls_store_save_people (admin, register_, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
      ls_core_test_pg_query_int (anna, "SELECT count(*) FROM register_people"),
      ==, 7);

  /* Anna sees the attachment of her unit's case, not the other's... */
  g_assert_cmpint (
      ls_core_test_pg_query_int (anna, "SELECT count(*) FROM attachments"), ==,
      ls_core_test_pg_query_int (
          f->location,
          "SELECT count(*) FROM attachments JOIN cases ON "
          "cases.id = case_id WHERE cases.uuid = '" CASE_CLOSED "'"));
  /* ...and what she attaches is hers, whatever name the client gives. */
  hers = ls_core_test_open_store (anna);
  attachment = ls_attachment_new ("Foto.txt", "text/plain", "statement", bytes,
                                  NULL, "Någon annan", NULL, &error);
  g_assert_no_error (error);
  stored =
      ls_store_add_attachment (hers, CASE_CLOSED, attachment, bytes, &error);
  g_assert_no_error (error);
  added_by = query_text (f->location, "SELECT added_by FROM attachments "
                                      "WHERE name = 'Foto.txt'");
  g_assert_cmpstr (added_by, ==, "Anna Ek");
  message = ls_core_test_pg_exec (anna, "DELETE FROM attachments");
  g_assert_nonnull (message);
}

/* Through the store, as the receiver: her saves are hers, whatever name
 * the client gives, and another unit's case is not there for her. */
static void
test_rights_store (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = ls_core_test_open_store (f->location);
  g_autoptr (LsStore) hers = NULL;
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *anna = NULL;
  LsHistoryEntry *last;

  ls_core_test_import_example (store);
  g_clear_object (&store);
  ls_pg_team_init_shared (&f->team);
  ls_pg_team_add_person (&f->team, f->receiver, "receiver", "Anna Ek", "Chef",
                         LS_CORE_TEST_UNIT_SOLGARDEN, NULL);
  anna = as (f, f->receiver);
  hers = ls_core_test_open_store (anna);
  g_assert_cmpstr (ls_store_server_get_role (hers), ==, f->receiver);

  g_assert_cmpint (ls_store_count_cases (hers, NULL, &error), ==, 1);
  g_assert_null (ls_store_load_case (hers, CASE_OPEN, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  lcase = load (hers, CASE_CLOSED);
  ls_case_set_lessons_learned (lcase, "Larmen testas varje vecka.");
  g_assert_true (ls_store_save_case_why (hers, lcase, "Skrivet namn",
                                         "Lärdomen kompletteras.", &error));
  g_assert_no_error (error);
  history = ls_store_list_history (hers, CASE_CLOSED, &error);
  g_assert_no_error (error);
  last = history->pdata[history->len - 1];
  g_assert_cmpstr (last->field, ==, "lessons_learned");
  g_assert_cmpstr (last->who, ==, "Anna Ek");
}

/* ---- Two people, one case ------------------------------------------------ */

static void
test_stale_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) first = ls_core_test_open_store (f->location);
  g_autoptr (LsStore) second = ls_core_test_open_store (f->location);
  g_autoptr (LsCase) mine = NULL;
  g_autoptr (LsCase) theirs = NULL;
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GError) error = NULL;

  ls_core_test_import_example (first);
  mine = load (first, CASE_OPEN);
  theirs = load (second, CASE_OPEN);

  ls_case_set_lessons_learned (mine, "Dosetterna kontrolleras av två.");
  g_assert_true (ls_store_save_case (first, mine, "Lena Holm", &error));
  g_assert_no_error (error);

  ls_case_set_lessons_learned (theirs, "Apoteket ringer vid ändring.");
  g_assert_false (ls_store_save_case (second, theirs, "Erik Ek", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_STALE);
  /* Who saved in between, and when; what was typed is kept. */
  g_assert_nonnull (strstr (error->message, "Lena Holm"));
  g_assert_nonnull (strstr (error->message, "20"));
  g_assert_cmpstr (ls_case_get_lessons_learned (theirs), ==,
                   "Apoteket ringer vid ändring.");
  stored = load (second, CASE_OPEN);
  g_assert_cmpstr (ls_case_get_lessons_learned (stored), ==,
                   "Dosetterna kontrolleras av två.");
  g_clear_error (&error);

  /* Reloaded, the change is made again and saved. */
  ls_case_set_lessons_learned (stored, "Apoteket ringer vid ändring.");
  g_assert_true (ls_store_save_case (second, stored, "Erik Ek", &error));
  g_assert_no_error (error);
}

static void
async_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
save_async (LsStore *store, LsCase *lcase, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ls_store_save_case_async (store, lcase, "Lena Holm", NULL, async_done_cb,
                            &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ls_store_save_case_finish (store, result, error);
}

/* A save in a worker knows the revision its case was loaded at, and the
 * case knows the one the save made: the same window saves again and
 * again, and a colleague's save in between is still found. */
static void
test_stale_async (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) first = ls_core_test_open_store (f->location);
  g_autoptr (LsStore) second = ls_core_test_open_store (f->location);
  g_autoptr (LsCase) mine = NULL;
  g_autoptr (LsCase) theirs = NULL;
  g_autoptr (GError) error = NULL;

  ls_core_test_import_example (first);
  mine = load (first, CASE_OPEN);
  theirs = load (second, CASE_OPEN);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("Version %u.", i);

      ls_case_set_lessons_learned (mine, text);
      g_assert_true (save_async (first, mine, &error));
      g_assert_no_error (error);
    }
  ls_case_set_lessons_learned (theirs, "Min egen.");
  g_assert_false (save_async (second, theirs, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, "Lena Holm"));
}

static void
add_item (LsCase *lcase, const char *text)
{
  g_autoptr (LsJournalItem) item = ls_journal_item_new ();
  GListStore *journal =
      ls_investigation_get_journal (ls_case_get_investigation (lcase));

  ls_journal_item_set_documented_on (item, "2026-04-02");
  ls_journal_item_set_author_name (item, "Lena Holm");
  ls_journal_item_set_text (item, text);
  g_list_store_append (journal, item);
}

/* Documented items added by two at once never conflict. */
static void
test_journal_both (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) first = ls_core_test_open_store (f->location);
  g_autoptr (LsStore) second = ls_core_test_open_store (f->location);
  g_autoptr (LsCase) mine = NULL;
  g_autoptr (LsCase) theirs = NULL;
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  guint before;

  ls_core_test_import_example (first);
  mine = load (first, CASE_OPEN);
  theirs = load (second, CASE_OPEN);
  before = g_list_model_get_n_items (G_LIST_MODEL (
      ls_investigation_get_journal (ls_case_get_investigation (mine))));

  add_item (mine, "Samtal med sjuksköterskan.");
  add_item (theirs, "Samtal med apoteket.");
  g_assert_true (ls_store_save_case (first, mine, "Lena Holm", &error));
  g_assert_no_error (error);
  g_assert_true (ls_store_save_case (second, theirs, "Erik Ek", &error));
  g_assert_no_error (error);

  stored = load (first, CASE_OPEN);
  g_assert_cmpuint (
      g_list_model_get_n_items (G_LIST_MODEL (
          ls_investigation_get_journal (ls_case_get_investigation (stored)))),
      ==, before + 2);
  /* The words of both are found, in the one case. */
  found = ls_core_test_search (first, "apoteket sjukskoterskan", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ls_core_test_search (first, "apoteket", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ls_core_test_search (first, "sjukskoterskan", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
}

/* ---- Live ---------------------------------------------------------------- */

typedef struct
{
  char *uuid;
  guint count;
} Heard;

static void
heard_cb (LsStore *store, const char *uuid, Heard *heard)
{
  heard->count++;
  g_free (heard->uuid);
  heard->uuid = g_strdup (uuid);
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("No NOTIFY within 30 s");
  return G_SOURCE_REMOVE;
}

static void
test_notify (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) first = ls_core_test_open_store (f->location);
  g_autoptr (LsStore) second = ls_core_test_open_store (f->location);
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (GError) error = NULL;
  Heard heard = { NULL, 0 };
  gint64 start;
  guint give_up;

  ls_core_test_import_example (first);
  /* The import's NOTIFYs arrive; let them pass. */
  g_signal_connect (second, "changed", G_CALLBACK (heard_cb), &heard);
  give_up = g_timeout_add_seconds (30, give_up_cb, NULL);
  while (heard.count < 2)
    g_main_context_iteration (NULL, TRUE);
  heard.count = 0;

  lcase = load (first, CASE_CLOSED);
  ls_case_set_lessons_learned (lcase, "Larmen testas varje vecka.");
  start = g_get_monotonic_time ();
  g_assert_true (ls_store_save_case_why (first, lcase, "Lena",
                                         "Lärdomen kompletteras.", &error));
  g_assert_no_error (error);
  while (heard.count == 0 || g_strcmp0 (heard.uuid, CASE_CLOSED) != 0)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("NOTIFY reached the other store after %" G_GINT64_FORMAT
                  " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_source_remove (give_up);
  g_free (heard.uuid);
  g_signal_handlers_disconnect_by_data (second, &heard);
}

/* Ends every other session of the team's database; at least @at_least
 * of them are the store's and sure to be there.  The listener's thread
 * connects again by itself, in its own time, so it is never counted on. */
static void
terminate_others (Fixture *f, int at_least)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity "
      "WHERE datname = '%s' AND pid != pg_backend_pid ()",
      f->team.name);

  g_assert_cmpint (ls_core_test_pg_query_int (ls_core_test_pg_server (), sql),
                   >=, at_least);
}

static void
test_reconnect (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = ls_core_test_open_store (f->location);
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 n_history;

  ls_core_test_import_example (store);
  /* The writer and the reader. */
  terminate_others (f, 2);
  /* Reads and writes connect again by themselves. */
  g_assert_cmpint (ls_store_count_cases (store, NULL, &error), ==, 2);
  g_assert_no_error (error);
  lcase = load (store, CASE_CLOSED);
  ls_case_set_lessons_learned (lcase, "Efter avbrottet.");
  /* The reader, connected again to count and load; the writer has not
   * been used since. */
  terminate_others (f, 1);
  g_assert_true (ls_store_save_case_why (store, lcase, "Lena",
                                         "Lärdomen kompletteras.", &error));
  g_assert_no_error (error);

  /* The server lost in the middle of a save: nothing of it is kept, and
   * the next save goes through. */
  message = ls_core_test_pg_exec (
      f->location,
      "CREATE FUNCTION die () RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
      "IF NEW.field = 'report.description' THEN "
      "PERFORM pg_terminate_backend (pg_backend_pid ()); END IF; "
      "RETURN NEW; END $$;"
      "CREATE TRIGGER die BEFORE INSERT ON history FOR EACH ROW "
      "EXECUTE FUNCTION die ();");
  g_assert_null (message);
  n_history =
      ls_core_test_pg_query_int (f->location, "SELECT count(*) FROM history");
  ls_case_set_lessons_learned (lcase, "Halvt sparat?");
  ls_report_set_description (ls_case_get_report (lcase), "Ny beskrivning.");
  g_assert_false (ls_store_save_case_why (store, lcase, "Lena",
                                          "Lärdomen kompletteras.", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (
      ls_core_test_pg_query_int (f->location, "SELECT count(*) FROM history"),
      ==, n_history);
  stored = load (store, CASE_CLOSED);
  g_assert_cmpstr (ls_case_get_lessons_learned (stored), ==,
                   "Efter avbrottet.");
  message = ls_core_test_pg_exec (f->location, "DROP TRIGGER die ON history");
  g_assert_null (message);
  g_assert_true (ls_store_save_case_why (store, lcase, "Lena",
                                         "Lärdomen kompletteras.", &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = load (store, CASE_CLOSED);
  g_assert_cmpstr (ls_case_get_lessons_learned (stored), ==, "Halvt sparat?");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (ls_core_test_pg_server () == NULL)
    {
      g_test_add_func ("/pg/no-server", ls_pg_team_skip_without_server);
      return g_test_run ();
    }

#define ADD(path, func)                                                        \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/pg/location", test_location);
  ADD ("/pg/open/newer-refused", test_newer_refused);
  ADD ("/pg/open/foreign-refused", test_foreign_refused);
  ADD ("/pg/open/version-2-migrated", test_version_2_migrated);
  ADD ("/pg/open/older-needs-init", test_older_needs_init);
  ADD ("/pg/exchange/both-ways", test_exchange_both_ways);
  ADD ("/pg/rights/raw-sql", test_rights);
  ADD ("/pg/rights/store", test_rights_store);
  ADD ("/pg/rights/register", test_rights_register);
  ADD ("/pg/two/stale-refused", test_stale_refused);
  ADD ("/pg/two/stale-async", test_stale_async);
  ADD ("/pg/two/journal-both", test_journal_both);
  ADD ("/pg/live/notify", test_notify);
  ADD ("/pg/live/reconnect", test_reconnect);
  return g_test_run ();
}
