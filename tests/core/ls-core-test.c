/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ls-core-test.h"
#include "ls-store.h"

/**
 * ls_core_test_load_example:
 *
 * Returns: (transfer full): the root of docs/example.json, the complete
 *   exchange document the project documents its format with
 */
JsonNode *
ls_core_test_load_example (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

LsOrganisation *
ls_core_test_example_organisation (void)
{
  g_autoptr (JsonNode) root = ls_core_test_load_example ();
  g_autoptr (GError) error = NULL;
  LsOrganisation *organisation = ls_organisation_new_from_json (
      json_object_get_object_member (json_node_get_object (root),
                                     "organisation"),
      "organisation", &error);

  g_assert_no_error (error);
  return organisation;
}

/* Case 0 of the example is closed and serious, case 1 is under
 * investigation. */
LsCase *
ls_core_test_example_case (guint index)
{
  g_autoptr (JsonNode) root = ls_core_test_load_example ();
  g_autoptr (GError) error = NULL;
  JsonArray *cases =
      json_object_get_array_member (json_node_get_object (root), "cases");
  LsCase *lcase;

  g_assert_cmpuint (index, <, json_array_get_length (cases));
  lcase = ls_case_new_from_json (json_array_get_object_element (cases, index),
                                 "cases[0]", &error);
  g_assert_no_error (error);
  return lcase;
}

/* A fixed present, well after the example's dates, so that no test depends
 * on the clock. */
GDateTime *
ls_core_test_now (void)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();

  return g_date_time_new (zone, 2026, 6, 1, 12, 0, 0);
}

char *
ls_core_test_make_tmpdir (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("ls-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
ls_core_test_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) ||
      g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }
  /* A test may have taken the write permission away. */
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      ls_core_test_remove_tree (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

char *
ls_core_test_checksum_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents,
                                      length);
}

sqlite3 *
ls_core_test_open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db,
                                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                    NULL),
                   ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

gint64
ls_core_test_query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
ls_core_test_query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Equal, and if not, both printed so the failure shows the difference. */
gboolean
ls_core_test_json_equal (JsonNode *a, JsonNode *b)
{
  if (json_node_equal (a, b))
    return TRUE;
  g_autofree char *ta = json_to_string (a, TRUE);
  g_autofree char *tb = json_to_string (b, TRUE);

  g_test_message ("JSON differs:\n%s\n---\n%s", ta, tb);
  return FALSE;
}

JsonNode *
ls_core_test_case_node (LsCase *lcase)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, ls_case_to_json (lcase));
  return node;
}

char *
ls_core_test_uuid (guint64 n)
{
  return g_strdup_printf ("40000000-0000-4000-8000-%012" G_GUINT64_FORMAT, n);
}

/* Case @n of a generated set: every fourth closed, every fifth about a
 * fall, odd ones at Linden; regno VON-2026-%05u. */
LsCase *
ls_core_test_numbered_case (guint n)
{
  g_autoptr (LsCase) lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);
  g_autofree char *uuid = ls_core_test_uuid (n);
  g_autofree char *regno = g_strdup_printf ("VON-2026-%05u", n);
  g_autofree char *received =
      g_strdup_printf ("2026-0%u-%02uT10:00:00+01:00", 1 + n % 3, 1 + n % 28);
  g_autofree char *description = g_strdup_printf (
      "%s %u",
      n % 5 == 0 ? "Fallolycka i badrummet" : "Bemötandet vid måltiden", n);

  ls_case_set_uuid (lcase, uuid);
  ls_case_set_regno (lcase, regno);
  ls_case_set_unit_id (lcase, n % 2 ? LS_CORE_TEST_UNIT_LINDEN
                                    : LS_CORE_TEST_UNIT_SOLGARDEN);
  ls_report_set_kind (report, LS_CASE_KIND_WRONGDOING);
  ls_report_set_received_at (report, received);
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_report_set_description (report, description);
  if (n % 4 == 0)
    {
      LsInvestigation *inv = ls_case_get_investigation (lcase);

      ls_investigation_set_conclusion (inv, "Inget missförhållande.");
      ls_investigation_set_concluded_on (inv, "2026-03-20");
      ls_investigation_set_decided_by (inv, "Maria Lind");
      ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_NOT_SERIOUS);
    }
  return g_steal_pointer (&lcase);
}

/* An exchange document of the example's organisation and @cases, which
 * it takes. */
JsonNode *
ls_core_test_document_of (JsonArray *cases)
{
  g_autoptr (JsonNode) example = ls_core_test_load_example ();
  g_autoptr (JsonObject) root = json_object_new ();

  json_object_set_string_member (root, "format", "lexsarah");
  json_object_set_int_member (root, "version", 1);
  json_object_set_member (root, "organisation",
                          json_node_copy (json_object_get_member (
                              json_node_get_object (example), "organisation")));
  json_object_set_array_member (root, "cases", cases);
  return json_node_init_object (json_node_alloc (), root);
}

/* An exchange document of the example's organisation and the numbered
 * cases 1 to @n_cases. */
JsonNode *
ls_core_test_numbered_document (guint n_cases)
{
  JsonArray *cases = json_array_new ();

  for (guint i = 1; i <= n_cases; i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_numbered_case (i);

      json_array_add_object_element (cases, ls_case_to_json (lcase));
    }
  return ls_core_test_document_of (cases);
}

/* How many cases the database at @path holds. */
gint64
ls_core_test_count_cases (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = ls_store_open (path, &error);

  g_assert_no_error (error);
  return ls_store_count_cases (store, NULL, &error);
}

/* Runs the command line @argv without a display, as a user would run it
 * from a terminal, and waits for it to end.
 *
 * Returns: (transfer full): the process that has ended, with what it wrote
 *   on stdout in @out and on stderr in @err */
GSubprocess *
ls_core_test_run_command (const char *const *argv, char **out, char **err)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Without a display: import and export must not need one. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&process);
}

/* A case of the exchange format without what the store keeps beside the
 * case (its history and attachments): what an LsCase holds. */
JsonNode *
ls_core_test_case_fields (JsonNode *node)
{
  JsonNode *copy = json_node_copy (node);
  g_autofree char *text = json_to_string (node, FALSE);
  JsonObject *object;

  /* json_node_copy () would share the object: a real copy, through text. */
  json_node_unref (copy);
  copy = json_from_string (text, NULL);
  object = json_node_get_object (copy);
  if (json_object_has_member (object, "history"))
    json_object_remove_member (object, "history");
  if (json_object_has_member (object, "attachments"))
    json_object_remove_member (object, "attachments");
  return copy;
}

/* ---- PostgreSQL --------------------------------------------------------- */

static guint pg_counter;

/* The server the tests may use, from LEXSARAH_TEST_PG (build-aux/dev
 * starts one).  Without one the PostgreSQL tests skip, except in CI,
 * where they must run. */
const char *
ls_core_test_pg_server (void)
{
  const char *server = g_getenv ("LEXSARAH_TEST_PG");

  if (server != NULL && *server != '\0')
    return server;
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_error ("CI=true, but LEXSARAH_TEST_PG names no PostgreSQL server");
  return NULL;
}

/* The server's notices (a role that did not exist, a table made anew)
 * are not the user's business, nor the terminal's. */
static void
ignore_notice (void *user_data, const char *message)
{
}

PGconn *
ls_core_test_pg_connect (const char *conninfo)
{
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Could not connect to the test server: %s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  return conn;
}

/* Runs @sql; returns NULL on success, else the server's message. */
char *
ls_core_test_pg_exec (const char *conninfo, const char *sql)
{
  PGconn *conn = ls_core_test_pg_connect (conninfo);
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  char *message = NULL;

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    message = g_strdup (PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
  return message;
}

gint64
ls_core_test_pg_query_int (const char *conninfo, const char *sql)
{
  PGconn *conn = ls_core_test_pg_connect (conninfo);
  PGresult *result = PQexec (conn, sql);
  gint64 value = -1;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0)
    value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  else
    g_test_message ("%s", PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
  return value;
}

/* A database of its own for one test: the server's connection with the
 * new database's name.  Drop it with ls_core_test_pg_drop_database(). */
char *
ls_core_test_pg_create_database (char **name_out)
{
  const char *server = ls_core_test_pg_server ();
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *message = NULL;

  g_assert_nonnull (server);
  name = g_strdup_printf ("lexsarah_test_%d_%u", (int) getpid (), ++pg_counter);
  sql = g_strdup_printf ("CREATE DATABASE %s", name);
  /* CREATE DATABASE copies template1, and fails while another session
   * (another test program's CREATE DATABASE) holds it: again, a little
   * later. */
  for (guint attempt = 0; attempt < 10; attempt++)
    {
      g_clear_pointer (&message, g_free);
      message = ls_core_test_pg_exec (server, sql);
      if (message == NULL)
        break;
      g_usleep (200 * 1000);
    }
  if (message != NULL)
    g_error ("Could not make a database on the test server: %s", message);
  if (name_out != NULL)
    *name_out = g_strdup (name);
  return g_strdup_printf ("%s dbname=%s", server, name);
}

void
ls_core_test_pg_drop_database (const char *name)
{
  g_autofree char *sql =
      g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
  g_autofree char *message =
      ls_core_test_pg_exec (ls_core_test_pg_server (), sql);

  g_assert_null (message);
}

/* ---- One test, two backends ---------------------------------------------- */

/* The databases made by ls_core_test_location(), by "dir/name". */
static GHashTable *locations;

/**
 * ls_core_test_location:
 * @dir: the test's folder
 * @name: the file's name, which also names the database on the server
 * @pg: on the PostgreSQL test server, in a database of its own
 *
 * Returns: (transfer none): what the store opens for @name: the file in
 *   @dir, or a new database on the server; the same again for the same
 *   @dir and @name, until ls_core_test_drop_locations()
 */
const char *
ls_core_test_location (const char *dir, const char *name, gboolean pg)
{
  g_autofree char *key = g_build_filename (dir, name, NULL);
  char *location;

  if (locations == NULL)
    locations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  location = g_hash_table_lookup (locations, key);
  if (location != NULL)
    return location;
  if (pg)
    {
      g_autofree char *db_name = NULL;
      g_autofree char *conninfo = ls_core_test_pg_create_database (&db_name);

      /* The name, to drop it, after the location. */
      location = g_strconcat (conninfo, "\n", db_name, NULL);
      *strchr (location, '\n') = '\0';
    }
  else
    location = g_strdup (key);
  g_hash_table_insert (locations, g_steal_pointer (&key), location);
  return location;
}

/**
 * ls_core_test_drop_locations:
 *
 * Drops every database ls_core_test_location() made on the server; the
 * files go with the test's folder.  Every store must be closed.
 */
void
ls_core_test_drop_locations (void)
{
  GHashTableIter iter;
  gpointer value;

  if (locations == NULL)
    return;
  g_hash_table_iter_init (&iter, locations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (ls_store_location_is_server (value))
      ls_core_test_pg_drop_database ((char *) value + strlen (value) + 1);
  g_clear_pointer (&locations, g_hash_table_unref);
}

/* Behind the store's back: bare sqlite3 on a file, bare libpq on the
 * server. */
gint64
ls_core_test_raw_int (const char *location, const char *sql)
{
  sqlite3 *db;
  gint64 value;

  if (ls_store_location_is_server (location))
    return ls_core_test_pg_query_int (location, sql);
  db = ls_core_test_open_raw (location);
  value = ls_core_test_query_int (db, sql);
  sqlite3_close (db);
  return value;
}

/* Whether @sql ran: SQLite and the server refuse the same things. */
gboolean
ls_core_test_raw_exec (const char *location, const char *sql)
{
  g_autofree char *message = NULL;
  sqlite3 *db;
  int rc;

  if (ls_store_location_is_server (location))
    {
      message = ls_core_test_pg_exec (location, sql);
      return message == NULL;
    }
  db = ls_core_test_open_raw (location);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static void
skip_without_server (void)
{
  g_test_skip ("No PostgreSQL server: set LEXSARAH_TEST_PG to a libpq "
               "connection, or run build-aux/dev test, which starts one");
}

/**
 * ls_core_test_add_both:
 * @path: the test's path, "/area/what"; on PostgreSQL "/area/pg/what"
 * @sqlite_data: the setup's data for SQLite
 * @pg_data: the setup's data for PostgreSQL
 *
 * Adds a test of the store on both backends, the same assertions, the
 * PostgreSQL one when a server is there (and without one under CI=true,
 * a failure); without one, "/area/pg/no-server" says it was skipped.
 */
void
ls_core_test_add_both (const char *path,
                       gsize data_size,
                       gconstpointer sqlite_data,
                       gconstpointer pg_data,
                       GTestFixtureFunc setup,
                       GTestFixtureFunc test,
                       GTestFixtureFunc teardown)
{
  const char *second = strchr (path + 1, '/');
  g_autofree char *area = g_strndup (path, second - path);
  g_autofree char *pg_path = g_strconcat (area, "/pg", second, NULL);
  static GHashTable *skipped;

  g_test_add_vtable (path, data_size, sqlite_data, setup, test, teardown);
  if (ls_core_test_pg_server () != NULL)
    {
      g_test_add_vtable (pg_path, data_size, pg_data, setup, test, teardown);
      return;
    }
  if (skipped == NULL)
    skipped = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_contains (skipped, area))
    {
      g_autofree char *skip_path = g_strconcat (area, "/pg/no-server", NULL);

      g_hash_table_add (skipped, g_strdup (area));
      g_test_add_func (skip_path, skip_without_server);
    }
}
