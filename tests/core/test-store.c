/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ls-action.h"
#include "ls-core-test.h"
#include "ls-error.h"
#include "ls-individual.h"
#include "ls-investigator.h"
#include "ls-journal-item.h"
#include "ls-pg-team-test.h"
#include "ls-sqlite-store-private.h"
#include "ls-store.h"

#define CASE_CLOSED "108402d6-8410-4307-a298-64786b3633aa"
#define CASE_OPEN "2964fd60-6bce-47ca-b9e8-3be54621b4eb"
#define UNIT_SOLGARDEN "6637c86c-a47f-4dae-8000-0b60995e4035"

/* Every test of the store's behaviour runs on both backends: a file of
 * SQLite, and a database of its own on the PostgreSQL test server. */
typedef struct
{
  gboolean pg;
  gboolean closed;
} Setup;

static const Setup sqlite_open = { FALSE, FALSE };
static const Setup sqlite_closed = { FALSE, TRUE };
static const Setup pg_open = { TRUE, FALSE };

typedef struct
{
  char *dir;
  char *path;     /* the SQLite file; NULL on PostgreSQL */
  char *location; /* what the store opens */
  char *pg_name;  /* the test's own database on the server */
  LsStore *store;
} Fixture;

/* The database goes into a folder of its own that does not exist yet, to
 * see that the store makes it private. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  const Setup *setup = data;

  f->dir = ls_core_test_make_tmpdir ("store");
  if (setup->pg)
    {
      f->location = ls_core_test_pg_create_database (&f->pg_name);
    }
  else
    {
      f->path = g_build_filename (f->dir, "private", "cases.db", NULL);
      f->location = g_strdup (f->path);
    }
  if (!setup->closed)
    f->store = ls_core_test_open_store (f->location);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  if (f->pg_name != NULL)
    ls_core_test_pg_drop_database (f->pg_name);
  ls_core_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->location);
  g_free (f->pg_name);
}

static void
import_example (LsStore *store)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  g_autoptr (GError) error = NULL;
  guint n_changed = 99;

  g_assert_true (ls_store_import_document (store, document, "Maria Lind",
                                           &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
}

static LsCase *
load (LsStore *store, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  LsCase *lcase = ls_store_load_case (store, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lcase);
  return lcase;
}

static void
save (LsStore *store, LsCase *lcase, const char *author)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ls_store_save_case (store, lcase, author, &error));
  g_assert_no_error (error);
}

/* A change after a conclusion or a notification says why. */
static void
save_why (LsStore *store, LsCase *lcase, const char *author, const char *why)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ls_store_save_case_why (store, lcase, author, why, &error));
  g_assert_no_error (error);
}

/* Behind the store's back: bare sqlite3 on the file, bare libpq on the
 * server. */
static gint64
raw_int (Fixture *f, const char *sql)
{
  sqlite3 *db;
  gint64 value;

  if (f->path == NULL)
    return ls_core_test_pg_query_int (f->location, sql);
  db = ls_core_test_open_raw (f->path);
  value = ls_core_test_query_int (db, sql);
  sqlite3_close (db);
  return value;
}

/* Returns SQLITE_OK, or the error: SQLite's, or SQLITE_CONSTRAINT for a
 * statement the server refused. */
static int
raw_exec (Fixture *f, const char *sql, char **message)
{
  sqlite3 *db;
  char *errmsg = NULL;
  int rc;

  if (f->path == NULL)
    {
      char *refused = ls_core_test_pg_exec (f->location, sql);

      rc = refused != NULL ? SQLITE_CONSTRAINT : SQLITE_OK;
      if (message != NULL)
        *message = refused;
      else
        g_free (refused);
      return rc;
    }
  db = ls_core_test_open_raw (f->path);
  rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);
  if (message != NULL)
    *message = g_strdup (errmsg);
  sqlite3_free (errmsg);
  sqlite3_close (db);
  return rc;
}

static guint
history_length (LsStore *store, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = ls_store_list_history (store, uuid, &error);

  g_assert_no_error (error);
  return history->len;
}

/* A new case of the example's organisation, with a text of its own. */
static LsCase *
new_case (const char *regno, const char *description)
{
  LsCase *lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);

  ls_case_set_regno (lcase, regno);
  ls_case_set_unit_id (lcase, UNIT_SOLGARDEN);
  ls_report_set_kind (report, LS_CASE_KIND_WRONGDOING);
  ls_report_set_received_at (report, "2026-03-02T08:15:00+01:00");
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_report_set_description (report, description);
  return lcase;
}

static gpointer
first_item (GListStore *store)
{
  gpointer item = g_list_model_get_item (G_LIST_MODEL (store), 0);

  g_object_unref (item);
  return item;
}

/* ---- Opening ------------------------------------------------------------ */

static void
test_open_create (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = new_case ("VON-2026-0001", "Larmet.");
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *dir = g_path_get_dirname (f->path);
  struct stat st;

  g_assert_cmpstr (ls_store_get_path (f->store), ==, f->path);
  /* No organisation yet, so no unit to name. */
  ls_case_set_unit_id (lcase, NULL);
  save (f->store, lcase, "Maria Lind");

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_assert_cmpint (raw_int (f, "PRAGMA user_version"), ==,
                   LS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f, "PRAGMA application_id"), ==,
                   LS_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM cases"), ==, 1);
}

static void
test_open_pragmas (Fixture *f, gconstpointer data)
{
  /* WAL belongs to the file; the others to the store's connection. */
  g_assert_cmpint (
      raw_int (f, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==,
      1);
  g_assert_cmpint (ls_store_pragma_int (f->store, "foreign_keys"), ==, 1);
  /* FULL is 2. */
  g_assert_cmpint (ls_store_pragma_int (f->store, "synchronous"), ==, 2);
  g_assert_cmpint (ls_store_pragma_int (f->store, "busy_timeout"), >=, 1000);
}

static void
test_open_empty_file (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsOrganisation) organisation = NULL;

  /* An empty file is a new database, as SQLite sees it too. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (f->path, "", 0, &error);
  g_assert_no_error (error);
  f->store = ls_core_test_open_store (f->path);
  organisation = ls_store_load_organisation (f->store, &error);
  g_assert_no_error (error);
  g_assert_null (ls_organisation_get_name (organisation));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                        ls_organisation_get_units (organisation))),
                    ==, 0);
}

/* Opening @path fails with @code, the message is for a person, and the
 * file is exactly as it was: no byte changed, no -wal or -shm made. */
static void
assert_refused (const char *path, int code, const char *message_part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autofree char *before = ls_core_test_checksum_file (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  store = ls_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LS_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));
  after = ls_core_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  /* Asking twice changes nothing either. */
  g_clear_error (&error);
  store = ls_store_open (path, &error);
  g_assert_error (error, LS_STORE_ERROR, code);
  g_clear_pointer (&after, g_free);
  after = ls_core_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

/* Closes the store so that the file has no -wal left, as after a clean
 * exit. */
static void
fill_and_close (Fixture *f)
{
  import_example (f->store);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *regno = g_strdup_printf ("VON-2025-%04u", i + 1);
      g_autoptr (LsCase) lcase = new_case (
          regno, "En lång beskrivning av vad som hände den enskilde, med "
                 "många ord så att databasens sidor fylls på riktigt.");

      save (f->store, lcase, "Maria Lind");
    }
  g_clear_object (&f->store);
}

static void
test_open_newer (Fixture *f, gconstpointer data)
{
  fill_and_close (f);
  g_assert_cmpint (raw_exec (f, "PRAGMA user_version = 99", NULL), ==,
                   SQLITE_OK);

  assert_refused (f->path, LS_STORE_ERROR_TOO_NEW, "newer version");
  g_assert_cmpint (raw_int (f, "PRAGMA user_version"), ==, 99);
}

static void
test_open_corrupt (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  fill_and_close (f);
  /* A valid header and first page, garbage after them. */
  g_file_get_contents (f->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096 * 8);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) g_test_rand_int_range (0, 256);
  g_file_set_contents (f->path, contents, length, &error);
  g_assert_no_error (error);

  assert_refused (f->path, LS_STORE_ERROR_CORRUPT, "damaged");
}

/* A database whose last run did not end cleanly (a -wal left) is checked
 * whole before it is opened: damage anywhere is refused, the file left
 * as it was. */
static void
test_open_unclean_checked (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *crashed = g_build_filename (dir, "crashed.db", NULL);
  g_autofree char *crashed_wal = g_strconcat (crashed, "-wal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;
  sqlite3 *db;

  fill_and_close (f);
  /* The files as a process killed while it had them open leaves them. */
  db = ls_core_test_open_raw (f->path);
  g_assert_cmpint (
      sqlite3_exec (db, "CREATE TABLE scratch (x); DROP TABLE scratch;", NULL,
                    NULL, NULL),
      ==, SQLITE_OK);
  g_assert_true (g_file_get_contents (wal, &contents, &length, &error));
  g_assert_true (g_file_set_contents (crashed_wal, contents, length, &error));
  g_clear_pointer (&contents, g_free);
  sqlite3_close (db);

  /* The last pages damaged, the first ones sound. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 4096 * 8);
  for (gsize i = length - 4096 * 4; i < length; i++)
    contents[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (crashed, contents, length, &error));
  g_assert_no_error (error);

  before = ls_core_test_checksum_file (crashed);
  store = ls_store_open (crashed, &error);
  g_assert_null (store);
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  after = ls_core_test_checksum_file (crashed);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_random (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  guint8 bytes[16384];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_test_rand_int_range (0, 256);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (f->path, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);

  assert_refused (f->path, LS_STORE_ERROR_NOT_A_DATABASE,
                  "not a Lex Sarah case database");
}

static void
test_open_foreign (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  /* Another program's SQLite file is not ours to migrate. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (raw_exec (f,
                             "PRAGMA journal_mode = DELETE;"
                             "CREATE TABLE songs (title TEXT);"
                             "INSERT INTO songs VALUES ('Visa');",
                             NULL),
                   ==, SQLITE_OK);

  assert_refused (f->path, LS_STORE_ERROR_NOT_A_DATABASE,
                  "not a Lex Sarah case database");
}

/* ---- Migration ---------------------------------------------------------- */

static char *
sql_quote (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, "'", -1);
  g_autofree char *joined = g_strjoinv ("''", parts);

  return g_strdup_printf ("'%s'", joined);
}

static void
test_migrate_from_v1 (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) root = ls_core_test_load_example ();
  JsonObject *document = json_node_get_object (root);
  JsonObject *case_json = json_array_get_object_element (
      json_object_get_array_member (document, "cases"), 1);
  JsonObject *investigation =
      json_object_get_object_member (case_json, "investigation");
  JsonObject *item = json_array_get_object_element (
      json_object_get_array_member (investigation, "journal"), 0);
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (JsonNode) item_node = NULL;
  g_autoptr (JsonNode) case_node = NULL;
  g_autoptr (JsonNode) org_node = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) attention = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) loaded = NULL;
  g_autoptr (JsonNode) loaded_node = NULL;
  g_autoptr (JsonNode) expected = NULL;
  g_autofree char *org_text = NULL;
  g_autofree char *case_text = NULL;
  g_autofree char *item_text = NULL;

  /* A file as the first schema had it, holding a case in today's format
   * with its journal item in the journal table; the history and the
   * attachments are rows of their own. */
  json_object_remove_member (case_json, "history");
  json_object_remove_member (case_json, "attachments");
  expected = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (expected, case_json);
  item_node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (item_node, item);
  item_text = json_to_string (item_node, FALSE);
  org_node = json_node_copy (json_object_get_member (document, "organisation"));
  org_text = json_to_string (org_node, FALSE);
  /* json_node_copy () would share the object: a real copy, through text. */
  case_text = json_to_string (expected, FALSE);
  case_node = json_from_string (case_text, NULL);
  g_clear_pointer (&case_text, g_free);
  json_object_set_array_member (
      json_object_get_object_member (json_node_get_object (case_node),
                                     "investigation"),
      "journal", json_array_new ());
  case_text = json_to_string (case_node, FALSE);

  g_string_append (sql, ls_store_schema_step (1));
  {
    g_autofree char *q_org = sql_quote (org_text);
    g_autofree char *q_case = sql_quote (case_text);
    g_autofree char *q_item = sql_quote (item_text);

    g_string_append_printf (
        sql,
        "INSERT INTO organisation (id, json) VALUES (1, %s);"
        "INSERT INTO cases (uuid, regno, status, updated_at, json) VALUES"
        " ('%s', 'VON-2026-0004', 'investigating', '2026-03-10T09:00:00Z',"
        " %s);"
        "INSERT INTO journal (uuid, case_id, documented_at, text, json) VALUES"
        " ('%s', 1, '2026-03-10', 'Utsättningen kom från läkaren.', %s);"
        "INSERT INTO history (case_id, at, field, new, who) VALUES"
        " (1, '2026-03-09T13:00:00Z', 'case', 'VON-2026-0004', 'Maria');"
        "PRAGMA application_id = %d;"
        "PRAGMA user_version = 1;",
        q_org, json_object_get_string_member (case_json, "uuid"), q_case,
        json_object_get_string_member (item, "uuid"), q_item,
        LS_STORE_APPLICATION_ID);
  }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (raw_exec (f, sql->str, NULL), ==, SQLITE_OK);

  f->store = ls_core_test_open_store (f->path);
  g_assert_cmpint (raw_int (f, "PRAGMA user_version"), ==,
                   LS_STORE_SCHEMA_VERSION);

  /* The case reads back whole, its item from the journal table. */
  loaded = load (f->store, json_object_get_string_member (case_json, "uuid"));
  loaded_node = ls_core_test_case_node (loaded);
  g_assert_true (ls_core_test_json_equal (expected, loaded_node));

  /* Derived columns: status, then the search index, words of the case and
   * of its journal item... */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM cases WHERE "
                               "status = 'under-investigation'"),
                   ==, 1);
  found = ls_core_test_search (f->store, "dosetten", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (ls_case_summary_get_regno (found->pdata[0]), ==,
                   "VON-2026-0004");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ls_core_test_search (f->store, "utsättningen", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);

  /* ...and the attention list: Erik has not been told. */
  attention = ls_store_list_attention (f->store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attention->len, ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM attention "
                               "WHERE step = 'individual'"),
                   ==, 1);
  /* The history of before is kept. */
  g_assert_cmpuint (history_length (f->store, json_object_get_string_member (
                                                  case_json, "uuid")),
                    ==, 1);
}

/* ---- Saving and loading ------------------------------------------------- */

static void
test_save_load_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GError) error = NULL;

  g_assert_true (ls_store_save_organisation (f->store, organisation, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_example_case (i);
      g_autoptr (LsCase) loaded = NULL;
      g_autoptr (LsCase) by_regno = NULL;
      g_autoptr (JsonNode) a = ls_core_test_case_node (lcase);
      g_autoptr (JsonNode) b = NULL;
      g_autoptr (JsonNode) c = NULL;

      save (f->store, lcase, "Maria Lind");
      loaded = load (f->store, ls_case_get_uuid (lcase));
      b = ls_core_test_case_node (loaded);
      g_assert_true (ls_core_test_json_equal (a, b));
      g_assert_cmpint (ls_case_get_status (loaded), ==,
                       ls_case_get_status (lcase));

      by_regno = ls_store_find_case_by_regno (
          f->store, ls_case_get_regno (lcase), &error);
      g_assert_no_error (error);
      c = ls_core_test_case_node (by_regno);
      g_assert_true (ls_core_test_json_equal (a, c));
    }

  g_assert_null (ls_store_load_case (
      f->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (
      ls_store_find_case_by_regno (f->store, "VON-1999-0001", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND);
}

static void
test_save_invalid_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (GError) error = NULL;

  import_example (f->store);
  lcase = new_case ("VON-2026-0100", "Text.");
  /* A unit the organisation does not have. */
  ls_case_set_unit_id (lcase, "00000000-0000-4000-8000-000000000001");
  g_assert_false (ls_store_save_case (f->store, lcase, "Maria", &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_UNKNOWN_UNIT);
  g_assert_true (g_str_has_prefix (error->message, "unit_id: "));
  g_clear_error (&error);
  ls_case_set_unit_id (lcase, UNIT_SOLGARDEN);
  ls_report_set_received_at (ls_case_get_report (lcase),
                             "2099-01-01T10:00:00+01:00");
  g_assert_false (ls_store_save_case (f->store, lcase, "Maria", &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_DATE_IN_FUTURE);
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==, 2);
  g_assert_null (ls_store_load_case (f->store, ls_case_get_uuid (lcase), NULL));
}

static void
changed_cb (LsStore *store, const char *uuid, guint *count)
{
  (*count)++;
}

static void
test_changed_signal (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = new_case ("VON-2026-0001", "Larmet.");
  guint count = 0;

  import_example (f->store);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &count);
  save (f->store, lcase, "Maria");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (history_length (f->store, ls_case_get_uuid (lcase)), ==, 1);
  /* Saving what is already there changes nothing, and says nothing. */
  save (f->store, lcase, "Maria");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (history_length (f->store, ls_case_get_uuid (lcase)), ==, 1);
  ls_report_set_consequences (ls_case_get_report (lcase), "Ingen skada.");
  save (f->store, lcase, "Maria");
  g_assert_cmpuint (count, ==, 2);
}

static LsHistoryEntry *
find_entry (GPtrArray *history, guint from, const char *field)
{
  LsHistoryEntry *found = NULL;

  for (guint i = from; i < history->len; i++)
    {
      LsHistoryEntry *entry = history->pdata[i];

      if (g_str_equal (entry->field, field))
        {
          g_assert_null (found);
          found = entry;
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
test_history (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsJournalItem) item = ls_journal_item_new ();
  g_autoptr (GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) after = NULL;
  LsIndividual *erik;
  LsHistoryEntry *entry;
  guint n_before;

  import_example (f->store);
  n_before = history_length (f->store, CASE_OPEN);
  /* Created by the import: one entry for the case, one per item. */
  history = ls_store_list_history (f->store, CASE_OPEN, &error);
  g_assert_no_error (error);
  entry = history->pdata[0];
  g_assert_cmpstr (entry->field, ==, "case");
  g_assert_cmpstr (entry->new_value, ==, "VON-2026-0004");
  g_assert_cmpstr (entry->who, ==, "Maria Lind");
  g_clear_pointer (&history, g_ptr_array_unref);

  lcase = load (f->store, CASE_OPEN);
  ls_report_set_consequences (ls_case_get_report (lcase),
                              "Erik fick inte sitt läkemedel på tre dagar.");
  erik = first_item (ls_report_get_individuals (ls_case_get_report (lcase)));
  ls_individual_set_informed_on (erik, "2026-03-11");
  ls_investigation_set_similar_before (ls_case_get_investigation (lcase),
                                       LS_SIMILAR_BEFORE_NO);
  ls_journal_item_set_uuid (item, "7a000000-0000-4000-8000-000000000001");
  ls_journal_item_set_text (item, "Samtal med läkaren.");
  g_list_store_append (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)), item);
  save (f->store, lcase, "Lena Holm");
  after = g_date_time_new_now_utc ();

  history = ls_store_list_history (f->store, CASE_OPEN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, n_before + 4);
  for (guint i = n_before; i < history->len; i++)
    {
      g_autoptr (GDateTime) when = NULL;

      entry = history->pdata[i];
      g_test_message ("history: %s %s -> %s", entry->field, entry->old_value,
                      entry->new_value);
      g_assert_cmpstr (entry->who, ==, "Lena Holm");
      when = g_date_time_new_from_iso8601 (entry->when, NULL);
      g_assert_nonnull (when);
      /* Stored to the second: compare with the second it was made in. */
      g_assert_cmpint (g_date_time_to_unix (when), >=,
                       g_date_time_to_unix (before));
      g_assert_cmpint (g_date_time_to_unix (when), <=,
                       g_date_time_to_unix (after));
    }
  /* One entry per changed field, in no particular order. */
  entry = find_entry (history, n_before, "report.consequences");
  g_assert_cmpstr (entry->new_value, ==,
                   "Erik fick inte sitt läkemedel på tre dagar.");
  entry = find_entry (history, n_before, "report.individuals[0].informed_on");
  g_assert_null (entry->old_value);
  g_assert_cmpstr (entry->new_value, ==, "2026-03-11");
  entry = find_entry (history, n_before, "investigation.similar_before");
  g_assert_cmpstr (entry->old_value, ==, "unknown");
  g_assert_cmpstr (entry->new_value, ==, "no");
  entry = find_entry (history, n_before, "investigation.journal");
  g_assert_cmpstr (entry->new_value, ==,
                   "7a000000-0000-4000-8000-000000000001");
}

/* ---- Registration numbers ----------------------------------------------- */

static void
test_regno (Fixture *f, gconstpointer data)
{
  g_autoptr (LsOrganisation) organisation = ls_organisation_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other_year = NULL;
  g_autofree char *prefixed = NULL;
  g_autofree char *prefixed_next = NULL;
  g_autoptr (LsCase) a = NULL;
  g_autoptr (LsCase) b = NULL;
  g_autoptr (LsCase) duplicate = NULL;
  guint count = 0;

  /* Without a prefix. */
  first = ls_store_next_regno (f->store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "2026-0001");
  a = new_case (first, "Första.");
  ls_case_set_unit_id (a, NULL);
  save (f->store, a, "Maria");
  second = ls_store_next_regno (f->store, 2026, &error);
  g_assert_cmpstr (second, ==, "2026-0002");
  other_year = ls_store_next_regno (f->store, 2027, &error);
  g_assert_cmpstr (other_year, ==, "2027-0001");

  /* With one: the number counts on from the highest of that series. */
  ls_organisation_set_regno_prefix (organisation, "SN");
  g_assert_true (ls_store_save_organisation (f->store, organisation, &error));
  g_assert_no_error (error);
  prefixed = ls_store_next_regno (f->store, 2026, &error);
  g_assert_cmpstr (prefixed, ==, "SN-2026-0001");
  b = new_case ("SN-2026-0041", "Andra.");
  ls_case_set_unit_id (b, NULL);
  save (f->store, b, "Maria");
  prefixed_next = ls_store_next_regno (f->store, 2026, &error);
  g_assert_cmpstr (prefixed_next, ==, "SN-2026-0042");

  /* A number that is taken is refused, and nothing of it is saved. */
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &count);
  duplicate = new_case ("SN-2026-0041", "Tredje.");
  ls_case_set_unit_id (duplicate, NULL);
  g_assert_false (ls_store_save_case (f->store, duplicate, "Maria", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE);
  g_assert_true (g_str_has_prefix (error->message, "regno: "));
  g_clear_error (&error);
  g_assert_cmpuint (count, ==, 0);
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==, 2);
  g_assert_null (
      ls_store_load_case (f->store, ls_case_get_uuid (duplicate), &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (history_length (f->store, ls_case_get_uuid (duplicate)), ==,
                    0);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM history"), ==, 2);
}

/* ---- The journal -------------------------------------------------------- */

static void
test_journal_triggers (Fixture *f, gconstpointer data)
{
  static const char *const refused[] = {
    "UPDATE journal SET text = 'Ändrad.'",
    "DELETE FROM journal",
    "UPDATE history SET who = 'Någon annan'",
    "DELETE FROM history",
  };
  g_autofree char *before = NULL;

  import_example (f->store);
  if (f->path != NULL)
    before = ls_core_test_checksum_file (f->path);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM journal"), ==, 8);

  /* Behind the store's back, with the database's own guard. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *message = NULL;

      g_assert_cmpint (raw_exec (f, refused[i], &message), ==,
                       SQLITE_CONSTRAINT);
      g_assert_nonnull (strstr (message, "append-only"));
    }
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM journal"), ==, 8);
  g_assert_cmpint (
      raw_int (f, "SELECT count(*) FROM journal WHERE text = 'Ändrad.'"), ==,
      0);
}

static void
assert_journal_refused (LsStore *store, LsCase *lcase, guint n_history)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (JsonNode) stored_node = NULL;

  g_assert_false (ls_store_save_case_why (store, lcase, "Lena Holm",
                                          "Lärdomen skrevs om.", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY);
  g_assert_nonnull (strstr (error->message, "correction"));
  /* Nothing of that save: not the other change, not its history. */
  stored = load (store, CASE_CLOSED);
  g_assert_cmpstr (ls_case_get_lessons_learned (stored), !=, "Ändrad.");
  g_assert_cmpuint (
      g_list_model_get_n_items (G_LIST_MODEL (
          ls_investigation_get_journal (ls_case_get_investigation (stored)))),
      ==, 7);
  g_assert_cmpuint (history_length (store, CASE_CLOSED), ==, n_history);
}

static void
test_journal_changed_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = NULL;
  GListStore *journal;
  LsJournalItem *item;
  guint n_history;

  import_example (f->store);
  n_history = history_length (f->store, CASE_CLOSED);

  /* A changed item. */
  lcase = load (f->store, CASE_CLOSED);
  journal = ls_investigation_get_journal (ls_case_get_investigation (lcase));
  item = first_item (journal);
  ls_case_set_lessons_learned (lcase, "Ändrad.");
  ls_journal_item_set_text (item, "Rapporten kom in på eftermiddagen.");
  assert_journal_refused (f->store, lcase, n_history);
  g_clear_object (&lcase);

  /* A changed point is a change too. */
  lcase = load (f->store, CASE_CLOSED);
  journal = ls_investigation_get_journal (ls_case_get_investigation (lcase));
  ls_case_set_lessons_learned (lcase, "Ändrad.");
  ls_journal_item_set_points (first_item (journal), LS_POINT_CAUSES);
  assert_journal_refused (f->store, lcase, n_history);
  g_clear_object (&lcase);

  /* A removed item. */
  lcase = load (f->store, CASE_CLOSED);
  journal = ls_investigation_get_journal (ls_case_get_investigation (lcase));
  ls_case_set_lessons_learned (lcase, "Ändrad.");
  g_list_store_remove (journal, 3);
  assert_journal_refused (f->store, lcase, n_history);
}

static void
test_journal_item_of_older_version (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GError) error = NULL;

  /* An item as a version of the app wrote it before "corrects" existed:
   * the member is missing.  (The database's own guard is lifted for that,
   * as no app ever does.) */
  import_example (f->store);
  g_assert_cmpint (
      raw_exec (f,
                "DROP TRIGGER journal_no_update;"
                "UPDATE journal SET json = json_remove (json, '$.corrects') "
                "WHERE uuid = '888465dc-95b1-4847-ab5f-b3157ba8687a';"
                "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal "
                "BEGIN SELECT RAISE (ABORT, 'journal items are append-only'); "
                "END;",
                NULL),
      ==, SQLITE_OK);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM journal WHERE json LIKE "
                               "'%corrects%' AND uuid = "
                               "'888465dc-95b1-4847-ab5f-b3157ba8687a'"),
                   ==, 0);

  /* Read and saved again with another change, it is the same item, not a
   * changed one. */
  lcase = load (f->store, CASE_CLOSED);
  ls_case_set_lessons_learned (lcase, "Ny lärdom.");
  g_assert_true (ls_store_save_case_why (f->store, lcase, "Maria",
                                         "Lärdomen skrevs om.", &error));
  g_assert_no_error (error);
  stored = load (f->store, CASE_CLOSED);
  g_assert_cmpstr (ls_case_get_lessons_learned (stored), ==, "Ny lärdom.");

  /* A real change of that item is still refused. */
  ls_journal_item_set_text (first_item (ls_investigation_get_journal (
                                ls_case_get_investigation (stored))),
                            "Ändrad.");
  g_assert_false (ls_store_save_case_why (f->store, stored, "Maria",
                                          "Texten var fel.", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY);
}

static void
test_journal_correction (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (LsJournalItem) correction = ls_journal_item_new ();
  GListStore *journal;
  LsJournalItem *wrong;
  LsJournalItem *last;
  guint n;

  import_example (f->store);
  lcase = load (f->store, CASE_CLOSED);
  journal = ls_investigation_get_journal (ls_case_get_investigation (lcase));
  wrong = first_item (journal);

  /* A correction is a new item that names the one it corrects. */
  ls_journal_item_set_uuid (correction, "7a000000-0000-4000-8000-000000000002");
  ls_journal_item_set_documented_on (correction, "2026-03-11");
  ls_journal_item_set_source (correction, "Rapporten");
  ls_journal_item_set_kind (correction, LS_JOURNAL_KIND_FACT);
  ls_journal_item_set_author_name (correction, "Lena Holm");
  ls_journal_item_set_author_title (correction, "Kvalitetsutvecklare");
  ls_journal_item_set_text (correction, "Rättelse: rapporten kom kl. 08.20.");
  ls_journal_item_set_points (correction, LS_POINT_RECEIVED);
  ls_journal_item_set_corrects (correction, ls_journal_item_get_uuid (wrong));
  g_list_store_append (journal, correction);
  save_why (f->store, lcase, "Lena Holm", "Tiden var fel.");

  stored = load (f->store, CASE_CLOSED);
  journal = ls_investigation_get_journal (ls_case_get_investigation (stored));
  n = g_list_model_get_n_items (G_LIST_MODEL (journal));
  g_assert_cmpuint (n, ==, 8);
  last = g_list_model_get_item (G_LIST_MODEL (journal), n - 1);
  g_assert_cmpstr (ls_journal_item_get_corrects (last), ==,
                   "888465dc-95b1-4847-ab5f-b3157ba8687a");
  g_assert_cmpstr (ls_journal_item_get_text (first_item (journal)), ==,
                   "Rapporten togs emot skriftligt av verksamhetschefen den "
                   "2 mars kl. 08.15.");
  g_object_unref (last);
  /* In the table, the correction points at the row it corrects. */
  g_assert_cmpint (
      raw_int (f, "SELECT count(*) FROM journal AS c JOIN journal AS o "
                  "ON c.corrects = o.id WHERE c.uuid = "
                  "'7a000000-0000-4000-8000-000000000002' AND o.uuid = "
                  "'888465dc-95b1-4847-ab5f-b3157ba8687a'"),
      ==, 1);
}

static void
test_journal_item_of_another_case (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) closed = NULL;
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GError) error = NULL;
  LsJournalItem *item;

  /* The very same item (uuid and all) copied into another case: it would
   * be taken as saved and be missing from this case when read back. */
  import_example (f->store);
  closed = load (f->store, CASE_CLOSED);
  item = first_item (
      ls_investigation_get_journal (ls_case_get_investigation (closed)));
  lcase = load (f->store, CASE_OPEN);
  g_list_store_append (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)), item);
  g_assert_false (ls_store_save_case (f->store, lcase, "Lena", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
  stored = load (f->store, CASE_OPEN);
  g_assert_cmpuint (
      g_list_model_get_n_items (G_LIST_MODEL (
          ls_investigation_get_journal (ls_case_get_investigation (stored)))),
      ==, 1);
}

/* ---- Search ------------------------------------------------------------- */

static void
assert_search (LsStore *store, const char *text, const char *const *regnos)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = ls_core_test_search (store, text, 50, &error);
  guint n = regnos != NULL ? g_strv_length ((char **) regnos) : 0;

  g_test_message ("search: %s", text);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (
        g_strv_contains (regnos, ls_case_summary_get_regno (found->pdata[i])));
}

static void
test_search (Fixture *f, gconstpointer data)
{
  static const char *const closed[] = { "VON-2026-0003", NULL };
  static const char *const open[] = { "VON-2026-0004", NULL };
  static const char *const both[] = { "VON-2026-0003", "VON-2026-0004", NULL };
  static const char *const spelled[] = { "VON-2026-0010", "VON-2026-0011",
                                         NULL };
  g_autoptr (LsCase) with =
      new_case ("VON-2026-0010", "Ingen anmälan gjordes till IVO.");
  g_autoptr (LsCase) without = new_case (
      "VON-2026-0011", "Ingen anmalan gjordes, skrivet utan prickar.");

  import_example (f->store);
  save (f->store, with, "Maria");
  save (f->store, without, "Maria");

  /* Words of the report, as a word or the start of one. */
  assert_search (f->store, "trygghetslarm", closed);
  assert_search (f->store, "trygghet", closed);
  assert_search (f->store, "TRYGGHETSLARM", closed);
  assert_search (f->store, "dosett", open);
  /* Of documented items, actions, lessons and names. */
  assert_search (f->store, "kvitterades", closed);
  assert_search (f->store, "larmleverantören", closed);
  assert_search (f->store, "bär", closed);
  assert_search (f->store, "Svensson", closed);
  assert_search (f->store, "Erik Lund", open);
  assert_search (f->store, "Lena Holm", both);
  /* The registration number. */
  assert_search (f->store, "VON-2026-0004", open);
  /* Every word must match. */
  assert_search (f->store, "larmet Erik", NULL);
  /* Diacritics are folded both ways, on purpose: a keyboard without å, ä
   * and ö finds the same cases, and so does a text written without them. */
  assert_search (f->store, "anmalan", spelled);
  assert_search (f->store, "anmälan", spelled);
  assert_search (f->store, "lakemedel", open);
  assert_search (f->store, "nattpersonal", closed);
  /* Nothing a user types is taken as search syntax. */
  assert_search (f->store, "\"OR* NEAR( -^", NULL);
  assert_search (f->store, "  ", NULL);
  /* Personal identity numbers are never searchable. */
  assert_search (f->store, "19380415", NULL);
  assert_search (f->store, "2340", NULL);
}

static void
test_similar (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) alike = new_case (
      "VON-2026-0020", "Ett trygghetslarm besvarades inte under natten. "
                       "Larmtelefonen låg urladdad i personalrummet.");
  g_autoptr (LsCase) unlike =
      new_case ("VON-2026-0021", "Fakturan till kommunen skickades fel.");
  g_autoptr (GPtrArray) similar = NULL;
  g_autoptr (GError) error = NULL;

  import_example (f->store);
  save (f->store, alike, "Maria");
  save (f->store, unlike, "Maria");

  similar = ls_store_find_similar_cases (f->store, CASE_CLOSED, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (similar->len, >=, 1);
  g_assert_cmpstr (ls_case_summary_get_regno (similar->pdata[0]), ==,
                   "VON-2026-0020");
  for (guint i = 0; i < similar->len; i++)
    {
      g_assert_cmpstr (ls_case_summary_get_uuid (similar->pdata[i]), !=,
                       CASE_CLOSED);
      g_assert_cmpstr (ls_case_summary_get_regno (similar->pdata[i]), !=,
                       "VON-2026-0021");
    }
  g_clear_pointer (&similar, g_ptr_array_unref);

  similar = ls_store_find_similar_cases (
      f->store, "00000000-0000-4000-8000-000000000000", 10, &error);
  g_assert_null (similar);
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND);
}

static void
test_attention (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) notified = new_case ("VON-2026-0030", "Allvarligt.");
  g_autoptr (LsCase) quiet = new_case ("VON-2026-0031", "Ingenting kvar.");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsAction) action = ls_action_new ();
  g_autoptr (LsInvestigator) investigator = ls_investigator_new ();

  import_example (f->store);
  /* Remedied at once and under investigation: nothing is urgent. */
  ls_action_set_description (action, "Larmet byttes.");
  ls_action_set_taken_at (action, "2026-03-02T09:00:00+01:00");
  g_list_store_append (
      ls_report_get_immediate_actions (ls_case_get_report (quiet)), action);
  ls_investigator_set_name (investigator, "Maria Lind");
  g_list_store_append (
      ls_investigation_get_investigators (ls_case_get_investigation (quiet)),
      investigator);
  /* The finished investigation is due at IVO on 1 May. */
  ls_notification_set_submitted_on (ls_case_get_notification (notified),
                                    "2026-03-01");
  save (f->store, notified, "Maria");
  save (f->store, quiet, "Maria");

  rows = ls_store_list_attention (f->store, 10, &error);
  g_assert_no_error (error);
  /* Soonest due first: the notified case, which still has no immediate
   * action (due at once, on the day it came in), the follow-up of the
   * closed case, then Erik who has not been told (no date). */
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (ls_case_summary_get_regno (rows->pdata[0]), ==,
                   "VON-2026-0030");
  g_assert_cmpstr (ls_case_summary_get_next_deadline (rows->pdata[0]), ==,
                   "2026-05-01");
  g_assert_cmpstr (ls_case_summary_get_regno (rows->pdata[1]), ==,
                   "VON-2026-0003");
  g_assert_cmpstr (ls_case_summary_get_regno (rows->pdata[2]), ==,
                   "VON-2026-0004");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Sent, remedied and investigated: no longer needs attention. */
  ls_notification_set_investigation_sent_on (
      ls_case_get_notification (notified), "2026-04-20");
  g_list_store_append (
      ls_report_get_immediate_actions (ls_case_get_report (notified)), action);
  g_list_store_append (
      ls_investigation_get_investigators (ls_case_get_investigation (notified)),
      investigator);
  save_why (f->store, notified, "Maria", "Åtgärden och utredaren saknades.");
  rows = ls_store_list_attention (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (ls_case_summary_get_regno (rows->pdata[0]), ==,
                   "VON-2026-0003");
}

/* The cases that need attention, soonest due first and then in the order
 * they were made, the same at every limit as the whole table grouped by
 * case, also where the limit falls among cases due alike. */
static void
test_attention_order (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);

  import_example (f->store);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *regno = g_strdup_printf ("VON-2026-%04u", i + 100);
      g_autoptr (LsCase) lcase = new_case (regno, "Larmet gick inte.");
      g_autoptr (LsIndividual) individual = ls_individual_new ();

      ls_individual_set_name (individual, "Erik Holm");
      g_list_store_append (
          ls_report_get_individuals (ls_case_get_report (lcase)), individual);
      save (f->store, lcase, "Maria Lind");
    }

  db = ls_core_test_open_raw (f->path);
  g_assert_cmpint (sqlite3_prepare_v2 (
                       db,
                       "SELECT cases.uuid FROM cases JOIN "
                       "(SELECT case_id, min (coalesce (due, '9999')) AS first "
                       " FROM attention GROUP BY case_id) AS a "
                       "ON a.case_id = cases.id ORDER BY a.first, cases.id",
                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (expected,
                     g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (expected->len, >=, 13);

  for (guint limit = 0; limit <= expected->len + 1; limit++)
    {
      g_autoptr (GPtrArray) rows =
          ls_store_list_attention (f->store, limit, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, MIN (limit, expected->len));
      for (guint i = 0; i < rows->len; i++)
        g_assert_cmpstr (ls_case_summary_get_uuid (rows->pdata[i]), ==,
                         expected->pdata[i]);
    }
}

/* ---- Exchange documents -------------------------------------------------- */

/* Cases whose soonest due is the same come in the order they were stored
 * in, on both backends alike, at every call and whatever the limit. */
static void
test_attention_ties (Fixture *f, gconstpointer data)
{
  /* Saved in another order than their numbers. */
  static const guint saved[] = { 7, 2, 11, 0, 5, 9, 1, 10, 3, 6, 8, 4 };
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  guint first = G_MAXUINT;

  import_example (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    {
      g_autofree char *regno =
          g_strdup_printf ("VON-2026-%04u", saved[i] + 100);
      g_autoptr (LsCase) lcase = new_case (regno, "Larmet gick inte.");

      save (f->store, lcase, "Maria Lind");
    }
  /* They do tie: one soonest due for all twelve. */
  g_assert_cmpint (raw_int (f, "SELECT count (DISTINCT a.first) FROM cases "
                               "JOIN (SELECT case_id, min (coalesce (due, "
                               "'9999')) AS first FROM attention "
                               "GROUP BY case_id) AS a ON a.case_id = cases.id "
                               "WHERE cases.regno >= 'VON-2026-0100'"),
                   ==, 1);

  all = ls_store_list_attention (f->store, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >=, G_N_ELEMENTS (saved));
  for (guint i = 0; i < all->len && first == G_MAXUINT; i++)
    if (g_str_has_prefix (ls_case_summary_get_regno (all->pdata[i]),
                          "VON-2026-01"))
      first = i;
  g_assert_cmpuint (first + G_N_ELEMENTS (saved), <=, all->len);
  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    {
      g_autofree char *regno =
          g_strdup_printf ("VON-2026-%04u", saved[i] + 100);

      g_assert_cmpstr (ls_case_summary_get_regno (all->pdata[first + i]), ==,
                       regno);
    }

  /* A limit inside the ties cuts the same order short. */
  for (guint limit = 1; limit <= all->len; limit++)
    {
      g_autoptr (GPtrArray) rows =
          ls_store_list_attention (f->store, limit, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, limit);
      for (guint i = 0; i < rows->len; i++)
        g_assert_cmpstr (ls_case_summary_get_uuid (rows->pdata[i]), ==,
                         ls_case_summary_get_uuid (all->pdata[i]));
    }
}

static void
test_import_example (Fixture *f, gconstpointer data)
{
  LsStoreQuery closed = { .status = "closed" };
  LsStoreQuery investigating = { .status = "under-investigation" };
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = NULL;

  import_example (f->store);
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, &error), ==, 2);
  g_assert_cmpint (ls_store_count_cases (f->store, &closed, &error), ==, 1);
  g_assert_cmpint (ls_store_count_cases (f->store, &investigating, &error), ==,
                   1);
  lcase = load (f->store, CASE_CLOSED);
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_CLOSED);
  organisation = ls_store_load_organisation (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ls_organisation_get_name (organisation), ==,
                   "Vård- och omsorgsnämnden");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                        ls_organisation_get_units (organisation))),
                    ==, 2);
}

static void
test_import_twice (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  guint n_changed = 99;
  guint count = 0;
  gint64 n_history;

  import_example (f->store);
  n_history = raw_int (f, "SELECT count(*) FROM history");
  g_assert_cmpint (n_history, >, 2);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &count);

  g_assert_true (ls_store_import_document (f->store, document, "Someone else",
                                           &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM history"), ==, n_history);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM journal"), ==, 8);
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==, 2);
}

static int
sort_texts_cb (const char *const *a, const char *const *b)
{
  return strcmp (*a, *b);
}

/* Every list of @node, and of what its entries hold, in reverse order or,
 * with @sort, sorted by the text of its entries. */
static void
reorder_lists (JsonNode *node, gboolean sort)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonArray) reordered = json_array_new ();
  JsonArray *array;
  guint n;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        reorder_lists (member, sort);
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *entry = json_array_get_element (array, i);

      reorder_lists (entry, sort);
      g_ptr_array_add (texts, json_to_string (entry, FALSE));
    }
  if (sort)
    g_ptr_array_sort (texts, (GCompareFunc) sort_texts_cb);
  for (guint i = 0; i < n; i++)
    json_array_add_element (
        reordered, json_from_string (texts->pdata[sort ? i : n - 1 - i], NULL));
  json_node_set_array (node, reordered);
}

/* The case @node without its history, with every list sorted by the text
 * of its entries, so that two cases of the same entries compare equal
 * whatever their order. */
static char *
dup_sorted_text (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);
  /* A deep copy: json_node_copy () shares the members. */
  g_autoptr (JsonNode) copy = json_from_string (text, NULL);

  json_object_remove_member (json_node_get_object (copy), "history");
  reorder_lists (copy, TRUE);
  return json_to_string (copy, FALSE);
}

/* Whether every entry of the list @kept is in @list, as it is. */
static gboolean
holds_every_entry (JsonArray *list, JsonArray *kept)
{
  for (guint i = 0; i < json_array_get_length (kept); i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < json_array_get_length (list) && !found; k++)
        found = json_node_equal (json_array_get_element (kept, i),
                                 json_array_get_element (list, k));
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static JsonNode *
get_case_node (JsonNode *document, guint index)
{
  return json_array_get_element (
      json_object_get_array_member (json_node_get_object (document), "cases"),
      index);
}

/* How many entries of a case's history name a field of a list entry by
 * its place ("investigation.causes[0].category"), and the last change
 * of @field, "old → new" by whom. */
static guint
count_positional (LsStore *store,
                  const char *uuid,
                  const char *field,
                  char **change)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = ls_store_list_history (store, uuid, &error);
  guint n = 0;

  g_assert_no_error (error);
  *change = NULL;
  for (guint i = 0; i < history->len; i++)
    {
      LsHistoryEntry *entry = history->pdata[i];

      if (strchr (entry->field, '[') != NULL)
        n++;
      if (g_str_equal (entry->field, field))
        {
          g_free (*change);
          *change = g_strdup_printf ("%s → %s by %s", entry->old_value,
                                     entry->new_value, entry->who);
        }
    }
  return n;
}

static void
test_import_reordered (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  g_autoptr (JsonNode) before = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *stored = NULL;
  JsonObject *case_before;
  JsonObject *case_after;
  guint n_history;
  guint n_positional;
  g_autofree char *moved = NULL;

  import_example (f->store);
  n_history = history_length (f->store, CASE_CLOSED);
  n_positional =
      count_positional (f->store, CASE_CLOSED, "investigation.causes", &moved);
  g_assert_null (moved);
  g_clear_pointer (&moved, g_free);
  before = ls_store_export_document (f->store, &error);
  g_assert_no_error (error);
  /* The closed case has entries in every list, of which some have members
   * that others leave empty: the action taken and the one planned, a
   * history entry with a reason and one without. */
  reorder_lists (get_case_node (document, 0), FALSE);

  g_assert_true (ls_store_import_document (f->store, document, "Maria Lind",
                                           NULL, &error));
  g_assert_no_error (error);
  after = ls_store_export_document (f->store, &error);
  g_assert_no_error (error);
  /* Every entry is still there, whole, whatever order it is kept in; the
   * history may say what moved, after all it said before (the PostgreSQL
   * backend's export leaves the history out). */
  kept = dup_sorted_text (get_case_node (before, 0));
  stored = dup_sorted_text (get_case_node (after, 0));
  g_assert_cmpstr (stored, ==, kept);
  case_before = json_node_get_object (get_case_node (before, 0));
  case_after = json_node_get_object (get_case_node (after, 0));
  if (json_object_has_member (case_before, "history"))
    g_assert_true (holds_every_entry (
        json_object_get_array_member (case_after, "history"),
        json_object_get_array_member (case_before, "history")));
  g_assert_cmpuint (history_length (f->store, CASE_CLOSED), >=, n_history);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM journal"), ==, 8);
  /* What moved is one change of each list's order, not a change of every
   * field of every entry that changed place. */
  g_assert_cmpuint (
      count_positional (f->store, CASE_CLOSED, "investigation.causes", &moved),
      ==, n_positional);
  g_assert_cmpstr (moved, ==, "1, 2, 3 → 3, 2, 1 by Maria Lind");
}

/* The closed case of the example with the list at @member of its
 * investigation in reverse order, after its entry @index has lost the
 * member @emptied or, without one, has been removed. */
static JsonNode *
dup_example_without (const char *member, guint index, const char *emptied)
{
  JsonNode *document = ls_core_test_load_example ();
  JsonObject *investigation = json_object_get_object_member (
      json_node_get_object (get_case_node (document, 0)), "investigation");
  JsonNode *list = json_object_get_member (investigation, member);

  if (emptied != NULL)
    json_object_set_null_member (
        json_array_get_object_element (json_node_get_array (list), index),
        emptied);
  else
    json_array_remove_element (json_node_get_array (list), index);
  reorder_lists (list, FALSE);
  return document;
}

static void
test_import_entry_removed (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *member;
    guint index;
    const char *emptied;
    const char *path;
  } lost[] = {
    /* Entries without a uuid, matched by their content. */
    { "causes", 1, NULL, "cases[0].investigation.causes[1]" },
    { "preventive_actions", 0, NULL,
      "cases[0].investigation.preventive_actions[0]" },
    /* One of them changed: it still may not lose what it holds. */
    { "preventive_actions", 0, "effect",
      "cases[0].investigation.preventive_actions[0].effect" },
    /* Entries with a uuid. */
    { "journal", 2, NULL, "cases[0].investigation.journal[2]" },
  };
  g_autoptr (JsonNode) before = NULL;
  g_autoptr (GError) error = NULL;

  import_example (f->store);
  before = ls_store_export_document (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (lost); i++)
    {
      g_autoptr (JsonNode) document =
          dup_example_without (lost[i].member, lost[i].index, lost[i].emptied);
      g_autoptr (JsonNode) after = NULL;
      guint count = 0;
      gulong handler;

      g_test_message ("lost: %s", lost[i].path);
      handler = g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb),
                                  &count);
      g_assert_false (
          ls_store_import_document (f->store, document, "Maria", NULL, &error));
      g_signal_handler_disconnect (f->store, handler);
      g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "VON-2026-0003"));
      g_assert_nonnull (strstr (error->message, lost[i].path));
      g_clear_error (&error);
      g_assert_cmpuint (count, ==, 0);

      /* Refused whole: the database as it was. */
      after = ls_store_export_document (f->store, &error);
      g_assert_no_error (error);
      g_assert_true (ls_core_test_json_equal (before, after));
    }
}

static void
test_export_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) example = ls_core_test_load_example ();
  g_autoptr (JsonNode) exported = NULL;
  g_autoptr (JsonNode) again = NULL;
  g_autoptr (LsStore) fresh = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fresh_path = g_build_filename (f->dir, "fresh.db", NULL);

  import_example (f->store);
  exported = ls_store_export_document (f->store, &error);
  g_assert_no_error (error);
  /* Exactly the documented example... */
  g_assert_true (ls_core_test_json_equal (example, exported));

  /* ...and through a fresh database, the same again. */
  fresh = ls_core_test_open_store (fresh_path);
  g_assert_true (
      ls_store_import_document (fresh, exported, "Maria", NULL, &error));
  g_assert_no_error (error);
  again = ls_store_export_document (fresh, &error);
  g_assert_no_error (error);
  g_assert_true (ls_core_test_json_equal (exported, again));
}

static void
test_export_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) exported = ls_store_export_document (f->store, &error);
  JsonObject *root;

  g_assert_no_error (error);
  root = json_node_get_object (exported);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==,
                   "lexsarah");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==,
                   LS_EXCHANGE_FORMAT_VERSION);
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (root, "cases")), ==,
      0);
}

typedef void (*Spoiler) (JsonObject *root);

static JsonObject *
second_case (JsonObject *root)
{
  return json_array_get_object_element (
      json_object_get_array_member (root, "cases"), 1);
}

static void
spoil_format (JsonObject *root)
{
  json_object_set_string_member (root, "format", "lexmaria");
}

static void
spoil_version (JsonObject *root)
{
  json_object_set_int_member (root, "version", LS_EXCHANGE_FORMAT_VERSION + 1);
}

static void
spoil_version_type (JsonObject *root)
{
  json_object_set_string_member (root, "version", "1");
}

static void
spoil_cases (JsonObject *root)
{
  json_object_set_string_member (root, "cases", "alla");
}

static void
spoil_pnr (JsonObject *root)
{
  JsonObject *report =
      json_object_get_object_member (second_case (root), "report");
  JsonObject *erik = json_array_get_object_element (
      json_object_get_array_member (report, "individuals"), 0);

  json_object_set_string_member (erik, "personal_number", "19520228-4782");
}

static void
spoil_unknown_field (JsonObject *root)
{
  json_object_set_string_member (
      json_object_get_object_member (second_case (root), "investigation"),
      "verdict", "skyldig");
}

static void
spoil_duplicate_regno (JsonObject *root)
{
  json_object_set_string_member (second_case (root), "regno", "VON-2026-0003");
}

static void
spoil_unit (JsonObject *root)
{
  json_object_set_string_member (second_case (root), "unit_id",
                                 "00000000-0000-4000-8000-000000000001");
}

static void
spoil_case_type (JsonObject *root)
{
  json_array_add_string_element (json_object_get_array_member (root, "cases"),
                                 "VON-2026-0005");
}

static void
spoil_organisation (JsonObject *root)
{
  json_object_set_string_member (
      json_object_get_object_member (root, "organisation"), "email",
      "vard.omsorg");
}

typedef struct
{
  const char *name;
  Spoiler spoil;
  const char *const parts[3];
} BadDocument;

/* The example with a copy of its case @index added at its end, whose
 * lessons learned are @lessons (NULL: emptied). */
static JsonNode *
dup_example_with_copy (guint index, const char *lessons)
{
  JsonNode *document = ls_core_test_load_example ();
  JsonArray *cases =
      json_object_get_array_member (json_node_get_object (document), "cases");
  JsonNode *copy = json_node_copy (get_case_node (document, index));
  JsonObject *object = json_node_get_object (copy);

  if (lessons != NULL)
    json_object_set_string_member (object, "lessons_learned", lessons);
  else
    json_object_set_null_member (object, "lessons_learned");
  json_array_add_element (cases, copy);
  return document;
}

/* A document that holds a case twice is refused whole, naming both
 * places, whether the second copy would make the first lose content or
 * only add to it, whether the database holds the case already or not:
 * the first copy is never written and then undone by the second. */
static void
test_import_case_twice (Fixture *f, gconstpointer data)
{
  static const struct
  {
    guint index;
    const char *lessons;
    const char *regno;
  } copies[] = {
    /* The second copy empties what the first holds. */
    { 0, NULL, "VON-2026-0003" },
    /* The second copy only adds. */
    { 1, "Något som bara finns i den andra kopian.", "VON-2026-0004" },
  };

  for (guint stored = 0; stored < 2; stored++)
    {
      g_autoptr (JsonNode) before = NULL;
      g_autoptr (GError) error = NULL;

      if (stored == 1)
        import_example (f->store);
      before = ls_store_export_document (f->store, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
        {
          g_autoptr (JsonNode) document =
              dup_example_with_copy (copies[i].index, copies[i].lessons);
          g_autoptr (JsonNode) after = NULL;
          g_autofree char *first =
              g_strdup_printf ("(cases[%u])", copies[i].index);
          guint count = 0;
          gulong handler;

          g_test_message ("copy of cases[%u], database %s", copies[i].index,
                          stored ? "holding it" : "empty");
          handler = g_signal_connect (f->store, "changed",
                                      G_CALLBACK (changed_cb), &count);
          g_assert_false (ls_store_import_document (f->store, document, "Maria",
                                                    NULL, &error));
          g_signal_handler_disconnect (f->store, handler);
          g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, copies[i].regno));
          g_assert_nonnull (strstr (error->message, first));
          g_assert_nonnull (strstr (error->message, "(cases[2])"));
          g_assert_nonnull (strstr (error->message, "uuid"));
          g_assert_null (strstr (error->message, "den andra kopian"));
          g_clear_error (&error);
          g_assert_cmpuint (count, ==, 0);

          /* Nothing of the document kept, not even its other case. */
          after = ls_store_export_document (f->store, &error);
          g_assert_no_error (error);
          g_assert_true (ls_core_test_json_equal (before, after));
          g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==,
                           stored ? 2 : 0);
        }
    }
}

/* The check that an import loses nothing judges against the case as the
 * import's own transaction holds it: a reader that still sees the case
 * before its last save does not let the import undo that save. */
static void
test_import_checked_in_transaction (Fixture *f, gconstpointer data)
{
  LsSqliteStore *sqlite = LS_SQLITE_STORE (f->store);
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (LsCase) after = NULL;
  g_autoptr (GError) error = NULL;

  import_example (f->store);
  /* A read transaction of the reader, begun before the save. */
  g_assert_true (ls_sqlite_exec (&sqlite->reader, "BEGIN", &error));
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, &error), ==, 2);
  g_assert_no_error (error);
  lcase = load (f->store, CASE_OPEN);
  g_assert_null (ls_case_get_lessons_learned (lcase));
  ls_case_set_lessons_learned (lcase, "Sparat efter exporten.");
  save (f->store, lcase, "Maria");

  /* The document is the case as it was before the save. */
  g_assert_false (
      ls_store_import_document (f->store, document, "Maria", NULL, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "VON-2026-0004"));
  g_assert_nonnull (strstr (error->message, "cases[1].lessons_learned"));
  g_assert_null (strstr (error->message, "Sparat efter"));
  g_clear_error (&error);
  g_assert_true (ls_sqlite_exec (&sqlite->reader, "COMMIT", &error));

  after = load (f->store, CASE_OPEN);
  g_assert_cmpstr (ls_case_get_lessons_learned (after), ==,
                   "Sparat efter exporten.");
}

/* A document of many cases with one bad among them, at the start, past
 * the cases read ahead of the writing, and last: the import fails on
 * that case, naming it and its member, and writes nothing; the same
 * document mended is imported whole. */
static void
test_import_bad_among_many (Fixture *f, gconstpointer data)
{
  static const guint bad_at[] = { 0, 1, 37, 119 };

  for (guint i = 0; i < G_N_ELEMENTS (bad_at); i++)
    {
      g_autoptr (JsonNode) document = ls_core_test_numbered_document (120);
      g_autoptr (GError) error = NULL;
      g_autofree char *regno = g_strdup_printf ("VON-2026-%05u", bad_at[i] + 1);
      JsonArray *cases = json_object_get_array_member (
          json_node_get_object (document), "cases");
      JsonObject *report = json_object_get_object_member (
          json_array_get_object_element (cases, bad_at[i]), "report");

      json_object_set_string_member (report, "received_at", "igår");
      g_assert_false (
          ls_store_import_document (f->store, document, "Maria", NULL, &error));
      g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, regno));
      g_assert_nonnull (strstr (error->message, "received_at"));
      g_assert_null (strstr (error->message, "igår"));
      g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==, 0);
      g_assert_cmpint (raw_int (f, "SELECT count(*) FROM history"), ==, 0);
    }

  {
    g_autoptr (JsonNode) document = ls_core_test_numbered_document (120);
    g_autoptr (GError) error = NULL;
    guint n_changed = 0;

    g_assert_true (ls_store_import_document (f->store, document, "Maria",
                                             &n_changed, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_changed, ==, 120);
    g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==, 120);
  }
}

static void
test_import_bad (Fixture *f, gconstpointer data)
{
  static const BadDocument bad[] = {
    { "format", spoil_format, { "not a Lex Sarah exchange document" } },
    { "version", spoil_version, { "version 4", "Update Lex Sarah" } },
    { "version-type", spoil_version_type, { "“version”" } },
    { "cases", spoil_cases, { "“cases”" } },
    { "pnr",
      spoil_pnr,
      { "VON-2026-0004", "cases[1].report.individuals[0].personal_number",
        "check digit" } },
    { "unknown-field",
      spoil_unknown_field,
      { "VON-2026-0004", "cases[1].investigation.verdict", "no such field" } },
    { "duplicate-regno",
      spoil_duplicate_regno,
      { "VON-2026-0003", "regno", "registration number" } },
    { "unit", spoil_unit, { "VON-2026-0004", "unit_id", "unit" } },
    { "case-type", spoil_case_type, { "Case 3", "not a case" } },
    { "organisation",
      spoil_organisation,
      { "organisation", "organisation.email", "e-mail" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (JsonNode) document = ls_core_test_load_example ();
      g_autoptr (GError) error = NULL;
      g_autoptr (LsOrganisation) organisation = NULL;
      guint count = 0;
      gulong handler;

      g_test_message ("bad document: %s", bad[i].name);
      bad[i].spoil (json_node_get_object (document));
      handler = g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb),
                                  &count);
      g_assert_false (
          ls_store_import_document (f->store, document, "Maria", NULL, &error));
      g_signal_handler_disconnect (f->store, handler);
      g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
      g_test_message ("message: %s", error->message);
      for (guint k = 0; k < G_N_ELEMENTS (bad[i].parts); k++)
        if (bad[i].parts[k] != NULL)
          g_assert_nonnull (strstr (error->message, bad[i].parts[k]));
      g_clear_error (&error);
      /* Rejected whole: nothing from any case, not the organisation. */
      g_assert_cmpuint (count, ==, 0);
      g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==, 0);
      g_assert_cmpint (raw_int (f, "SELECT count(*) FROM history"), ==, 0);
      g_assert_cmpint (raw_int (f, "SELECT count(*) FROM journal"), ==, 0);
      g_assert_cmpint (
          raw_int (
              f, f->path != NULL
                     ? "SELECT count(*) FROM case_fts"
                     : "SELECT count(*) FROM cases WHERE search_folded != ''"),
          ==, 0);
      organisation = ls_store_load_organisation (f->store, &error);
      g_assert_no_error (error);
      g_assert_null (ls_organisation_get_name (organisation));
    }

  /* Not even an object. */
  {
    g_autoptr (JsonNode) node = json_from_string ("[1, 2]", NULL);
    g_autoptr (GError) error = NULL;

    g_assert_false (
        ls_store_import_document (f->store, node, "Maria", NULL, &error));
    g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
  }
}

static void
test_organisation (Fixture *f, gconstpointer data)
{
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (LsOrganisation) loaded = NULL;
  g_autoptr (JsonObject) a = NULL;
  g_autoptr (JsonObject) b = NULL;
  g_autoptr (JsonNode) na = NULL;
  g_autoptr (JsonNode) nb = NULL;
  g_autoptr (GError) error = NULL;

  loaded = ls_store_load_organisation (f->store, &error);
  g_assert_no_error (error);
  g_assert_null (ls_organisation_get_name (loaded));
  g_clear_object (&loaded);

  g_assert_true (ls_store_save_organisation (f->store, organisation, &error));
  g_assert_no_error (error);
  loaded = ls_store_load_organisation (f->store, &error);
  g_assert_no_error (error);
  a = ls_organisation_to_json (organisation);
  b = ls_organisation_to_json (loaded);
  na = json_node_init_object (json_node_alloc (), a);
  nb = json_node_init_object (json_node_alloc (), b);
  g_assert_true (ls_core_test_json_equal (na, nb));

  /* A bad field is named and nothing is saved. */
  ls_organisation_set_postcode (organisation, "70");
  g_assert_false (ls_store_save_organisation (f->store, organisation, &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "postcode: "));
  g_clear_object (&loaded);
  loaded = ls_store_load_organisation (f->store, NULL);
  g_assert_cmpstr (ls_organisation_get_postcode (loaded), ==, "701 00");
}

/* The count of all cases is kept between calls: it follows this store's
 * saves and those of another program on the same file. */
static void
test_count_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) other = NULL;
  g_autoptr (LsCase) ours = new_case ("VON-2026-0050", "Dörren var olåst.");
  g_autoptr (LsCase) theirs = new_case ("VON-2026-0051", "Larmet tystnade.");
  const LsStoreQuery closed = { .status = "closed" };

  import_example (f->store);
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==, 2);
  g_assert_cmpint (ls_store_count_cases (f->store, &closed, NULL), ==, 1);

  save (f->store, ours, "Maria");
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==, 3);

  other = ls_core_test_open_store (f->location);
  save (other, theirs, "Kim");
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==, 4);
  g_assert_cmpint (ls_store_count_cases (other, NULL, NULL), ==, 4);
  g_assert_cmpint (ls_store_count_cases (f->store, &closed, NULL), ==, 1);
}

/* ---- Async --------------------------------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  GAsyncResult *result;
} Waiter;

static void
done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

static GAsyncResult *
wait_for (Waiter *waiter)
{
  g_main_loop_run (waiter->loop);
  return waiter->result;
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Waiter waiter = { loop, NULL };
  g_autoptr (LsCase) lcase = new_case ("VON-2026-0050", "Dörren var olåst.");
  g_autoptr (LsCase) loaded = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (LsStore) opened = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  guint count = 0;

  import_example (f->store);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &count);

  ls_store_save_case_async (f->store, lcase, "Maria", NULL, done_cb, &waiter);
  /* The caller may go on changing its case: the save took a copy. */
  ls_report_set_description (ls_case_get_report (lcase), "Ändrad efteråt.");
  g_assert_true (
      ls_store_save_case_finish (f->store, wait_for (&waiter), &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  /* "changed" reaches the main loop. */
  while (count == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count, ==, 1);

  ls_store_load_case_async (f->store, ls_case_get_uuid (lcase), NULL, done_cb,
                            &waiter);
  loaded = ls_store_load_case_finish (f->store, wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpstr (ls_report_get_description (ls_case_get_report (loaded)), ==,
                   "Dörren var olåst.");

  /* The search index has the saved case: the case list reads it so, in
   * a thread of its own (test-store-list). */
  found = ls_core_test_search (f->store, "olåst", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);

  /* A failing save reports its error. */
  ls_case_set_regno (lcase, "VON-2026-0003");
  ls_store_save_case_async (f->store, lcase, "Maria", NULL, done_cb, &waiter);
  g_assert_false (
      ls_store_save_case_finish (f->store, wait_for (&waiter), &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_clear_object (&waiter.result);

  ls_store_open_async (other, NULL, done_cb, &waiter);
  opened = ls_store_open_finish (wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpstr (ls_store_get_path (opened), ==, other);
}

/* A save with a reason, as a wizard makes it after the conclusion, carries
 * the revision the case was loaded at and hands back the one it makes, as
 * a plain save does: the wizard's next save of the same case is no
 * conflict with its own. */
static void
test_async_save_why (Fixture *f, gconstpointer data)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Waiter waiter = { loop, NULL };
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  LsHistoryEntry *entry;
  guint n_before;

  import_example (f->store);
  n_before = history_length (f->store, CASE_OPEN);
  lcase = load (f->store, CASE_OPEN);
  ls_report_set_consequences (ls_case_get_report (lcase),
                              "Erik fick inte sitt läkemedel.");
  ls_store_save_case_why_async (f->store, lcase, "Maria",
                                "Rättat efter samtal.", NULL, done_cb, &waiter);
  g_assert_true (
      ls_store_save_case_finish (f->store, wait_for (&waiter), &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);

  ls_report_set_consequences (ls_case_get_report (lcase),
                              "Erik fick inte sitt läkemedel på tre dagar.");
  ls_store_save_case_async (f->store, lcase, "Maria", NULL, done_cb, &waiter);
  g_assert_true (
      ls_store_save_case_finish (f->store, wait_for (&waiter), &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);

  stored = load (f->store, CASE_OPEN);
  g_assert_cmpstr (ls_report_get_consequences (ls_case_get_report (stored)), ==,
                   "Erik fick inte sitt läkemedel på tre dagar.");
  history = ls_store_list_history (f->store, CASE_OPEN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, n_before + 2);
  entry = history->pdata[n_before];
  g_assert_cmpstr (entry->field, ==, "report.consequences");
  /* The PostgreSQL backend keeps no reasons yet: it saves as a plain save
   * does. */
  if (LS_IS_SQLITE_STORE (f->store))
    g_assert_cmpstr (entry->why, ==, "Rättat efter samtal.");
}

/* What the windows ask of the store off the main loop: the history, the
 * organisation, the next number, the units in use. */
static void
test_async_more (Fixture *f, gconstpointer data)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Waiter waiter = { loop, NULL };
  g_autoptr (LsCase) lcase = new_case ("VON-2026-0050", "Dörren var olåst.");
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsOrganisation) loaded = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *regno = NULL;
  g_auto (GStrv) units = NULL;

  import_example (f->store);
  save (f->store, lcase, "Maria");

  ls_store_list_history_async (f->store, ls_case_get_uuid (lcase), NULL,
                               done_cb, &waiter);
  history = ls_store_list_history_finish (f->store, wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpuint (history->len, >, 0);
  g_assert_cmpstr (((LsHistoryEntry *) history->pdata[0])->who, ==, "Maria");

  ls_store_load_organisation_async (f->store, NULL, done_cb, &waiter);
  organisation =
      ls_store_load_organisation_finish (f->store, wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                        ls_organisation_get_units (organisation))),
                    ==, 2);

  ls_organisation_set_regno_prefix (organisation, "SN");
  ls_store_save_organisation_async (f->store, organisation, NULL, done_cb,
                                    &waiter);
  /* The caller may go on changing it: the save took a copy. */
  ls_organisation_set_regno_prefix (organisation, "XX");
  g_assert_true (
      ls_store_save_organisation_finish (f->store, wait_for (&waiter), &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  loaded = ls_store_load_organisation (f->store, NULL);
  g_assert_cmpstr (ls_organisation_get_regno_prefix (loaded), ==, "SN");

  ls_store_next_regno_async (f->store, 2026, NULL, done_cb, &waiter);
  regno = ls_store_next_regno_finish (f->store, wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpstr (regno, ==, "SN-2026-0001");

  /* Both units of the example have a case; the new case is in one. */
  ls_store_dup_units_in_use_async (f->store, NULL, done_cb, &waiter);
  units =
      ls_store_dup_units_in_use_finish (f->store, wait_for (&waiter), &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpuint (g_strv_length (units), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) units, UNIT_SOLGARDEN));

  /* A read cancelled before it runs says so. */
  g_cancellable_cancel (cancellable);
  ls_store_load_organisation_async (f->store, cancellable, done_cb, &waiter);
  g_assert_null (
      ls_store_load_organisation_finish (f->store, wait_for (&waiter), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&waiter.result);
}

typedef void (*TestFunc) (Fixture *f, gconstpointer data);

static void
add_pg (const char *path, TestFunc func)
{
  g_autofree char *name =
      g_strconcat ("/store/pg", path + strlen ("/store"), NULL);

  g_test_add (name, Fixture, &pg_open, fixture_set_up, func, fixture_tear_down);
}

int
main (int argc, char *argv[])
{
  gboolean pg;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                        \
  g_test_add (path, Fixture, &sqlite_open, fixture_set_up, func,               \
              fixture_tear_down)
#define ADD_CLOSED(path, func)                                                 \
  g_test_add (path, Fixture, &sqlite_closed, fixture_set_up, func,             \
              fixture_tear_down)
/* On both backends: the PostgreSQL one as /store/pg/…, when a server is
 * there to test on. */
#define ADD_BOTH(path, func)                                                   \
  G_STMT_START                                                                 \
  {                                                                            \
    ADD (path, func);                                                          \
    if (pg)                                                                    \
      add_pg (path, func);                                                     \
  }                                                                            \
  G_STMT_END

  pg = ls_core_test_pg_server () != NULL;
  if (!pg)
    g_test_add_func ("/store/pg/no-server", ls_pg_team_skip_without_server);
  ADD ("/store/open/create-private", test_open_create);
  ADD ("/store/open/pragmas", test_open_pragmas);
  ADD_CLOSED ("/store/open/empty-file", test_open_empty_file);
  ADD ("/store/open/newer-refused", test_open_newer);
  ADD ("/store/open/corrupt-refused", test_open_corrupt);
  ADD ("/store/open/unclean-checked", test_open_unclean_checked);
  ADD_CLOSED ("/store/open/random-bytes-refused", test_open_random);
  ADD_CLOSED ("/store/open/foreign-refused", test_open_foreign);
  ADD_CLOSED ("/store/migrate/from-v1", test_migrate_from_v1);
  ADD_BOTH ("/store/case/round-trip", test_save_load_round_trip);
  ADD_BOTH ("/store/case/invalid-refused", test_save_invalid_refused);
  ADD_BOTH ("/store/case/changed-signal", test_changed_signal);
  ADD_BOTH ("/store/history", test_history);
  ADD_BOTH ("/store/regno", test_regno);
  ADD_BOTH ("/store/journal/triggers", test_journal_triggers);
  ADD_BOTH ("/store/journal/changed-refused", test_journal_changed_refused);
  ADD_BOTH ("/store/journal/correction", test_journal_correction);
  ADD ("/store/journal/item-of-older-version",
       test_journal_item_of_older_version);
  ADD_BOTH ("/store/journal/item-of-another-case",
            test_journal_item_of_another_case);
  ADD_BOTH ("/store/search", test_search);
  ADD_BOTH ("/store/similar", test_similar);
  ADD_BOTH ("/store/attention", test_attention);
  ADD ("/store/attention/order", test_attention_order);
  ADD_BOTH ("/store/attention/ties", test_attention_ties);
  ADD_BOTH ("/store/import/example", test_import_example);
  ADD_BOTH ("/store/import/twice", test_import_twice);
  ADD_BOTH ("/store/import/bad-documents", test_import_bad);
  ADD_BOTH ("/store/import/bad-among-many", test_import_bad_among_many);
  ADD_BOTH ("/store/import/reordered", test_import_reordered);
  ADD_BOTH ("/store/import/entry-removed", test_import_entry_removed);
  ADD_BOTH ("/store/import/case-twice", test_import_case_twice);
  ADD ("/store/import/checked-in-transaction",
       test_import_checked_in_transaction);
  ADD_BOTH ("/store/export/round-trip", test_export_round_trip);
  ADD_BOTH ("/store/export/empty", test_export_empty);
  ADD_BOTH ("/store/organisation", test_organisation);
  ADD_BOTH ("/store/count/kept", test_count_kept);
  ADD_BOTH ("/store/async", test_async);
  ADD_BOTH ("/store/async/windows", test_async_more);
  ADD_BOTH ("/store/async/save-why", test_async_save_why);
  return g_test_run ();
}
