/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-core-test.h"
#include "ls-model.h"
#include "ls-store.h"

/* The search index of the SQLite store, which the store writes at the
 * commit of each transaction (or a thousand rows at a time within it)
 * from the values the saves wrote: what a search finds after an import,
 * an import of thousands of cases, a save that changes a
 * case's texts or its number, an import that fails halfway, and a file of
 * schema 5, whose triggers wrote the index row by row; a file of schema 6,
 * whose index kept no lists of words by their first 4 or 5 letters; a
 * word of one letter typed after others; and the rows a save writes, the
 * case's and its documented items' JSON byte for byte as json-glib writes
 * them, texts that JSON escapes among them. */

#define N_CASES 300

typedef struct
{
  char *dir;
  char *path;
  LsStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (N_CASES);

  f->dir = ls_core_test_make_tmpdir ("index");
  f->path = g_build_filename (f->dir, "cases.db", NULL);
  f->store = ls_core_test_open_store (f->path);
  g_assert_true (
      ls_store_import_document (f->store, document, "Maria", NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  ls_core_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
raw_int (Fixture *f, const char *sql)
{
  sqlite3 *db = ls_core_test_open_raw (f->path);
  gint64 value = ls_core_test_query_int (db, sql);

  sqlite3_close (db);
  return value;
}

static guint
n_found (Fixture *f, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found =
      ls_core_test_search (f->store, text, 1000, &error);

  g_assert_no_error (error);
  return found->len;
}

static void
assert_found_once (Fixture *f, const char *text, const char *regno)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found =
      ls_core_test_search (f->store, text, 1000, &error);

  g_test_message ("search: %s", text);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (ls_case_summary_get_regno (found->pdata[0]), ==, regno);
}

static LsCase *
load (Fixture *f, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = ls_core_test_uuid (n);
  LsCase *lcase = ls_store_load_case (f->store, uuid, &error);

  g_assert_no_error (error);
  return lcase;
}

/* Every case of one import is indexed once, with its number and texts. */
static void
test_import (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts"), ==, N_CASES);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts JOIN cases "
                               "ON cases.id = case_fts.rowid "
                               "WHERE case_fts.body = cases.search_text"),
                   ==, N_CASES);
  assert_found_once (f, "VON-2026-00001", "VON-2026-00001");
  assert_found_once (f, "VON-2026-00150", "VON-2026-00150");
  assert_found_once (f, "VON-2026-00300", "VON-2026-00300");
  g_assert_cmpuint (n_found (f, "badrummet"), ==, N_CASES / 5);
  g_assert_cmpuint (n_found (f, "bemötandet"), ==, N_CASES - N_CASES / 5);
}

/* A save finds the case by its new texts and number, not by the old. */
static void
test_changed (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load (f, 5);
  g_autoptr (LsCase) other = ls_core_test_numbered_case (N_CASES + 1);
  g_autoptr (GError) error = NULL;

  ls_report_set_description (ls_case_get_report (lcase),
                             "Nyckeln till medicinskåpet saknades.");
  ls_case_set_regno (lcase, "VON-2026-09999");
  g_assert_true (ls_store_save_case (f->store, lcase, "Maria", &error));
  g_assert_no_error (error);

  assert_found_once (f, "medicinskåpet", "VON-2026-09999");
  assert_found_once (f, "VON-2026-09999", "VON-2026-09999");
  g_assert_cmpuint (n_found (f, "VON-2026-00005"), ==, 0);
  g_assert_cmpuint (n_found (f, "badrummet"), ==, N_CASES / 5 - 1);

  /* A new case, alone in its transaction. */
  g_assert_true (ls_store_save_case (f->store, other, "Maria", &error));
  g_assert_no_error (error);
  assert_found_once (f, "VON-2026-00301", "VON-2026-00301");
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts"), ==,
                   N_CASES + 1);
}

/* An import that fails at its last case leaves no row of its cases in the
 * index, and the next save does not write them either. */
static void
test_rolled_back (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (1);
  g_autoptr (LsCase) later = ls_core_test_numbered_case (N_CASES + 20);
  g_autoptr (GError) error = NULL;
  JsonArray *cases =
      json_object_get_array_member (json_node_get_object (document), "cases");

  json_array_remove_element (cases, 0);
  for (guint i = 1; i <= 10; i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_numbered_case (N_CASES + i);

      /* The last takes a number that a stored case has. */
      if (i == 10)
        ls_case_set_regno (lcase, "VON-2026-00001");
      json_array_add_object_element (cases, ls_case_to_json (lcase));
    }
  g_assert_false (
      ls_store_import_document (f->store, document, "Maria", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts"), ==, N_CASES);
  g_assert_cmpuint (n_found (f, "VON-2026-00301"), ==, 0);

  g_assert_true (ls_store_save_case (f->store, later, "Maria", &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts"), ==,
                   N_CASES + 1);
  assert_found_once (f, "VON-2026-00320", "VON-2026-00320");
  g_assert_cmpuint (n_found (f, "VON-2026-00301"), ==, 0);
}

#define N_LARGE 2500

/* A document of N_LARGE new cases after the stored ones, and three
 * stored cases with a word added to their descriptions, at its start, its
 * middle and its end: the store writes the index a thousand rows at a
 * time within the import's one transaction. */
static JsonNode *
large_document (void)
{
  g_autoptr (JsonArray) cases = json_array_new ();

  for (guint i = 1; i <= N_LARGE; i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_numbered_case (N_CASES + i);

      json_array_add_object_element (cases, ls_case_to_json (lcase));
      if (i == 1 || i == N_LARGE / 2 || i == N_LARGE)
        {
          guint n = i == 1 ? 5 : i == N_LARGE ? N_CASES : 150;
          g_autoptr (LsCase) stored = ls_core_test_numbered_case (n);
          LsReport *report = ls_case_get_report (stored);
          g_autofree char *text = g_strconcat (
              ls_report_get_description (report), " medicinskåpet", NULL);

          ls_report_set_description (report, text);
          json_array_add_object_element (cases, ls_case_to_json (stored));
        }
    }
  return ls_core_test_document_of (g_steal_pointer (&cases));
}

static void
test_large_import (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = large_document ();
  g_autoptr (GError) error = NULL;
  guint n_changed = 0;

  g_assert_true (ls_store_import_document (f->store, document, "Maria",
                                           &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, N_LARGE + 3);

  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts"), ==,
                   N_CASES + N_LARGE);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts JOIN cases "
                               "ON cases.id = case_fts.rowid "
                               "WHERE case_fts.body = cases.search_text "
                               "AND case_fts.regno = cases.regno"),
                   ==, N_CASES + N_LARGE);
  /* Each side of where a thousand rows were written. */
  assert_found_once (f, "VON-2026-00301", "VON-2026-00301");
  assert_found_once (f, "VON-2026-01299", "VON-2026-01299");
  assert_found_once (f, "VON-2026-01300", "VON-2026-01300");
  assert_found_once (f, "VON-2026-02800", "VON-2026-02800");
  /* The stored cases by their new word, and by their old ones once. */
  g_assert_cmpuint (n_found (f, "medicinskåpet"), ==, 3);
  assert_found_once (f, "VON-2026-00150", "VON-2026-00150");
  g_assert_cmpuint (n_found (f, "badrummet"), ==, (N_CASES + N_LARGE) / 5);
}

/* An import refused at its last case, after two thousand rows of the
 * index were written within its transaction, leaves none of them. */
static void
test_large_rolled_back (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = large_document ();
  g_autoptr (LsCase) last = ls_core_test_numbered_case (N_CASES + N_LARGE + 1);
  g_autoptr (GError) error = NULL;

  ls_case_set_regno (last, "VON-2026-00001");
  json_array_add_object_element (
      json_object_get_array_member (json_node_get_object (document), "cases"),
      ls_case_to_json (last));
  g_assert_false (
      ls_store_import_document (f->store, document, "Maria", NULL, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);

  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts"), ==, N_CASES);
  g_assert_cmpuint (n_found (f, "VON-2026-00301"), ==, 0);
  g_assert_cmpuint (n_found (f, "medicinskåpet"), ==, 0);
  g_assert_cmpuint (n_found (f, "badrummet"), ==, N_CASES / 5);
}

/* Schema 5 had triggers write the index; migrated, the file keeps its
 * index and the store writes it from then on. */
static void
test_migrate_from_v5 (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (LsCase) other = ls_core_test_numbered_case (N_CASES + 1);
  g_autoptr (GError) error = NULL;
  sqlite3 *db;

  /* The file as schema 5 left it: the same tables, and the triggers. */
  g_clear_object (&f->store);
  db = ls_core_test_open_raw (f->path);
  g_assert_cmpint (
      sqlite3_exec (
          db,
          "CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN\n"
          "  INSERT INTO case_fts (rowid, regno, body, journal)\n"
          "    VALUES (new.id, coalesce (new.regno, ''), new.search_text, "
          "'');\n"
          "END;\n"
          "CREATE TRIGGER cases_fts_update AFTER UPDATE OF regno, search_text\n"
          "  ON cases BEGIN\n"
          "  UPDATE case_fts SET regno = coalesce (new.regno, ''),\n"
          "    body = new.search_text WHERE rowid = new.id;\n"
          "END;\n"
          "DROP INDEX cases_summary;\n"
          "PRAGMA user_version = 5;",
          NULL, NULL, NULL),
      ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = ls_core_test_open_store (f->path);
  g_assert_cmpint (raw_int (f, "PRAGMA user_version"), ==,
                   LS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM sqlite_master WHERE "
                               "type = 'trigger' AND name IN "
                               "('cases_fts_insert', 'cases_fts_update')"),
                   ==, 0);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM sqlite_master WHERE "
                               "type = 'trigger' AND name = "
                               "'cases_fts_delete'"),
                   ==, 1);
  /* The summaries of a search have their index. */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM sqlite_master WHERE "
                               "type = 'index' AND name = 'cases_summary'"),
                   ==, 1);
  assert_found_once (f, "VON-2026-00042", "VON-2026-00042");

  /* Written once, not twice. */
  g_assert_true (ls_store_save_case (f->store, other, "Maria", &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts"), ==,
                   N_CASES + 1);
  assert_found_once (f, "VON-2026-00301", "VON-2026-00301");

  lcase = load (f, 42);
  ls_report_set_description (ls_case_get_report (lcase),
                             "Larmet hördes inte i korridoren.");
  g_assert_true (ls_store_save_case (f->store, lcase, "Maria", &error));
  g_assert_no_error (error);
  assert_found_once (f, "korridoren", "VON-2026-00042");
  g_assert_cmpuint (n_found (f, "badrummet"), ==, N_CASES / 5);
  /* One case fewer, and the new one. */
  g_assert_cmpuint (n_found (f, "bemötandet"), ==, N_CASES - N_CASES / 5);
}

/* Schema 6 indexed the first 2 and 3 letters of words only; migrated,
 * the index is copied into one with 4 and 5 as well, and every search
 * finds what it found before, a deleted case nothing. */
static void
test_migrate_from_v6 (Fixture *f, gconstpointer data)
{
  static const char *const searches[] = {
    "ba",   "bad",   "badr",         "badru",         "badrummet",
    "bemö", "bemöt", "bemötandet",   "VON-2026-0015", "VON-2026-00150",
    "fall", "fallo", "fallolycka b",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) other = ls_core_test_numbered_case (N_CASES + 1);
  guint before[G_N_ELEMENTS (searches)];
  sqlite3 *db;

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    before[i] = n_found (f, searches[i]);
  g_assert_cmpuint (before[3], ==, N_CASES / 5);
  g_assert_cmpuint (before[8], ==, 10);

  /* The file as schema 6 left it: the index with the prefixes of then. */
  g_clear_object (&f->store);
  db = ls_core_test_open_raw (f->path);
  g_assert_cmpint (
      sqlite3_exec (
          db,
          "DROP TRIGGER cases_fts_delete;\n"
          "CREATE VIRTUAL TABLE case_fts_v6 USING fts5 (\n"
          "  regno, body, journal,\n"
          "  tokenize = 'unicode61 remove_diacritics 2',\n"
          "  prefix = '2 3');\n"
          "INSERT INTO case_fts_v6 (rowid, regno, body, journal)\n"
          "  SELECT rowid, regno, body, journal FROM case_fts;\n"
          "DROP TABLE case_fts;\n"
          "ALTER TABLE case_fts_v6 RENAME TO case_fts;\n"
          "CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN\n"
          "  DELETE FROM case_fts WHERE rowid = old.id;\n"
          "END;\n"
          "PRAGMA user_version = 6;",
          NULL, NULL, NULL),
      ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM sqlite_master WHERE "
                               "name = 'case_fts' AND sql LIKE "
                               "'%prefix = ''2 3'')'"),
                   ==, 1);

  f->store = ls_core_test_open_store (f->path);
  g_assert_cmpint (raw_int (f, "PRAGMA user_version"), ==,
                   LS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM sqlite_master WHERE "
                               "name = 'case_fts' AND sql LIKE "
                               "'%prefix = ''2 3 4 5'')'"),
                   ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM sqlite_master WHERE "
                               "name LIKE 'case_fts_v%'"),
                   ==, 0);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts JOIN cases "
                               "ON cases.id = case_fts.rowid "
                               "WHERE case_fts.body = cases.search_text"),
                   ==, N_CASES);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_test_message ("search: %s", searches[i]);
      g_assert_cmpuint (n_found (f, searches[i]), ==, before[i]);
    }
  assert_found_once (f, "VON-2026-00150", "VON-2026-00150");

  /* The store writes the new index, and the trigger still removes a
   * deleted case's row from it. */
  g_assert_true (ls_store_save_case (f->store, other, "Maria", &error));
  g_assert_no_error (error);
  assert_found_once (f, "VON-2026-00301", "VON-2026-00301");
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts"), ==,
                   N_CASES + 1);
  g_clear_object (&f->store);
  db = ls_core_test_open_raw (f->path);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DELETE FROM cases "
                                 "WHERE regno = 'VON-2026-00301';",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts"), ==, N_CASES);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM case_fts "
                               "WHERE case_fts MATCH '\"00301\"'"),
                   ==, 0);
}

/* A word of one letter beside longer ones is taken as not yet typed;
 * alone, it is the start of a word. */
static void
test_one_letter (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (n_found (f, "bemötandet q"), ==, N_CASES - N_CASES / 5);
  g_assert_cmpuint (n_found (f, "q bemötandet"), ==, N_CASES - N_CASES / 5);
  g_assert_cmpuint (n_found (f, "fallolycka b"), ==, N_CASES / 5);
  assert_found_once (f, "VON-2026-00150 0", "VON-2026-00150");
  g_assert_cmpuint (n_found (f, "q"), ==, 0);
  g_assert_cmpuint (n_found (f, "f"), >=, N_CASES / 5);
  /* Two letters are a word. */
  g_assert_cmpuint (n_found (f, "bemötandet qq"), ==, 0);
}

/* The number of cases is kept by the database (schema 8), not counted
 * at every start: it follows every case added, and a file of schema 7
 * gets it counted once when it is opened. */
static char *
node_text (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static void
test_stored_json (Fixture *f, gconstpointer data)
{
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) weird = g_string_new ("Rad 1\nRad 2\t\"citat\" \\ ");

  for (guint c = 1; c < 128; c++)
    g_string_append_c (weird, (char) c);
  g_string_append (weird, " åäö €");
  g_assert_true (ls_store_save_organisation (f->store, organisation, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_example_case (i);
      GListModel *journal = G_LIST_MODEL (
          ls_investigation_get_journal (ls_case_get_investigation (lcase)));
      g_autoptr (JsonObject) expected = NULL;
      g_autofree char *expected_text = NULL;
      sqlite3 *db;
      sqlite3_stmt *stmt = NULL;
      guint n_items = 0;

      ls_case_set_lessons_learned (lcase, weird->str);
      g_assert_true (ls_store_save_case (f->store, lcase, "Maria", &error));
      g_assert_no_error (error);

      /* The case without its journal, which has a table of its own. */
      expected = ls_case_to_json (lcase);
      json_object_set_array_member (
          json_object_get_object_member (expected, "investigation"), "journal",
          json_array_new ());
      expected_text = node_text (expected);

      db = ls_core_test_open_raw (f->path);
      g_assert_cmpint (sqlite3_prepare_v2 (db,
                                           "SELECT json FROM cases "
                                           "WHERE uuid = ?",
                                           -1, &stmt, NULL),
                       ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, ls_case_get_uuid (lcase), -1,
                         SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                       expected_text);
      sqlite3_finalize (stmt);

      g_assert_cmpint (
          sqlite3_prepare_v2 (db,
                              "SELECT json FROM journal WHERE case_id = "
                              "(SELECT id FROM cases WHERE uuid = ?) "
                              "ORDER BY id",
                              -1, &stmt, NULL),
          ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, ls_case_get_uuid (lcase), -1,
                         SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr (GObject) item = g_list_model_get_item (journal, n_items);
          g_autofree char *item_text = node_text (ls_model_to_json (item));

          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                           item_text);
          n_items++;
        }
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      g_assert_cmpuint (n_items, ==, g_list_model_get_n_items (journal));
    }
}

static void
test_kept_count (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) other = ls_core_test_numbered_case (N_CASES + 1);
  g_autoptr (GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (raw_int (f, "SELECT n FROM case_count"), ==, N_CASES);
  g_assert_true (ls_store_save_case (f->store, other, "Maria", &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f, "SELECT n FROM case_count"), ==, N_CASES + 1);
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, &error), ==,
                   N_CASES + 1);

  g_clear_object (&f->store);
  db = ls_core_test_open_raw (f->path);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TRIGGER cases_count_insert;\n"
                                 "DROP TRIGGER cases_count_delete;\n"
                                 "DROP TABLE case_count;\n"
                                 "PRAGMA user_version = 7;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = ls_core_test_open_store (f->path);
  g_assert_cmpint (raw_int (f, "PRAGMA user_version"), ==,
                   LS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f, "SELECT n FROM case_count"), ==, N_CASES + 1);
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, &error), ==,
                   N_CASES + 1);
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                        \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store-index/import", test_import);
  ADD ("/store-index/changed", test_changed);
  ADD ("/store-index/rolled-back", test_rolled_back);
  ADD ("/store-index/large-import", test_large_import);
  ADD ("/store-index/large-rolled-back", test_large_rolled_back);
  ADD ("/store-index/migrate-from-v5", test_migrate_from_v5);
  ADD ("/store-index/migrate-from-v6", test_migrate_from_v6);
  ADD ("/store-index/one-letter", test_one_letter);
  ADD ("/store-index/kept-count", test_kept_count);
  ADD ("/store-index/stored-json", test_stored_json);
  return g_test_run ();
}
