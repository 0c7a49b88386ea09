/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "ls-store-private.h"
#include "ls-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("ls-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "private", "cases.db", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonNode *
parse_node (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
make_case (guint n, const char *status, const char *description)
{
  g_autofree char *text = g_strdup_printf (
      "{\"uuid\": \"00000000-0000-4000-8000-%012u\","
      " \"regno\": \"LS-2026-%04u\", \"status\": \"%s\","
      " \"unit\": \"unit-%u\", \"kind\": \"wrongdoing\","
      " \"received_at\": \"2026-03-%02u\","
      " \"investigation_deadline\": \"2026-04-%02u\","
      " \"description\": \"%s\", \"consequences\": \"Ingen skada.\"}",
      n, n, status, n % 3, n % 28 + 1, n % 28 + 1, description);

  return parse_object (text);
}

static char *
case_uuid (guint n)
{
  return g_strdup_printf ("00000000-0000-4000-8000-%012u", n);
}

static LsStore *
open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  LsStore *store = ls_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
save (LsStore *store, JsonObject *object, const char *who)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ls_store_save_case_json (store, object, who, &error));
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static int
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

static int
raw_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_open_create (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *dir = g_path_get_dirname (f->path);
  struct stat st;

  store = open_store (f->path);
  g_assert_cmpstr (ls_store_get_path (store), ==, f->path);
  save (store, make_case (1, "reported", "Larmet fungerade inte."), "Anna");

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==,
                   LS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f->path, "PRAGMA application_id"), ==,
                   LS_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM cases"), ==, 1);
}

static void
test_open_pragmas (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = open_store (f->path);

  /* WAL is a property of the file; a second connection sees it. */
  g_assert_cmpint (raw_int (f->path, "SELECT journal_mode = 'wal' FROM "
                                     "pragma_journal_mode"),
                   ==, 1);
}

static void
assert_refused (const char *path, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = read_bytes (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = ls_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LS_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "Lex Sarah")
                        ? error->message
                        : strstr (error->message, "damaged"));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_open_newer (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = open_store (f->path);

  save (store, make_case (1, "reported", "Text"), "Anna");
  g_clear_object (&store);
  g_assert_cmpint (raw_exec (f->path, "PRAGMA user_version = 99"), ==,
                   SQLITE_OK);

  assert_refused (f->path, LS_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 99);
}

static void
test_open_corrupt (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = open_store (f->path);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize len;

  for (guint i = 1; i <= 60; i++)
    save (store,
          make_case (i, "reported",
                     "En lång beskrivning av vad som hände den enskilde, "
                     "med många ord så att sidorna fylls."),
          "Anna");
  g_clear_object (&store);

  /* Scribble over the middle of the file, leaving the header intact. */
  g_file_get_contents (f->path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 4096 * 4);
  for (gsize i = 4096 + 8; i < len - 4096; i += 7)
    contents[i] = (char) (i * 31);
  g_file_set_contents (f->path, contents, len, &error);
  g_assert_no_error (error);
  g_free (contents);

  assert_refused (f->path, LS_STORE_ERROR_CORRUPT);
}

static void
test_open_random (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_random_int_range (0, 256);
  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (f->path, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);

  assert_refused (f->path, LS_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_open_foreign (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (raw_exec (f->path, "CREATE TABLE songs (title TEXT);"
                                      "INSERT INTO songs VALUES ('x');"),
                   ==, SQLITE_OK);

  assert_refused (f->path, LS_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_migrate_from_v1 (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *sql = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;
  LsStoreQuery query = { .order = LS_STORE_ORDER_DEADLINE };

  /* A file as the first release wrote it. */
  g_mkdir_with_parents (dir, 0700);
  sql = g_strdup_printf (
      "%s"
      "INSERT INTO cases (uuid, regno, status, updated_at, json) VALUES"
      " ('00000000-0000-4000-8000-000000000001', 'LS-2025-0001', 'reported',"
      "  '2025-01-01T00:00:00Z', '{\"uuid\": "
      "\"00000000-0000-4000-8000-000000000001\", \"regno\": \"LS-2025-0001\","
      " \"status\": \"reported\", \"investigation_deadline\": \"2025-02-01\","
      " \"description\": \"Brukaren föll i badrummet.\"}');"
      "INSERT INTO journal (uuid, case_id, documented_at, text, json) VALUES"
      " ('00000000-0000-4000-8000-0000000000aa', 1, '2025-01-02',"
      "  'Samtal med personalen om trygghetslarmet.', '{\"uuid\": "
      "\"00000000-0000-4000-8000-0000000000aa\", \"text\": \"Samtal med "
      "personalen om trygghetslarmet.\"}');"
      "PRAGMA application_id = %d;"
      "PRAGMA user_version = 1;",
      ls_store_schema_step (1), LS_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_exec (f->path, sql), ==, SQLITE_OK);

  store = open_store (f->path);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 2);

  found = ls_store_search (store, "badrummet", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (ls_case_summary_get_regno (found->pdata[0]), ==,
                   "LS-2025-0001");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = ls_store_search (store, "trygghetslarm", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);

  listed = ls_store_list_cases (store, &query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (ls_case_summary_get_next_deadline (listed->pdata[0]), ==,
                   "2025-02-01");
}

static void
test_journal_append_only (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = open_store (f->path);
  g_autoptr (JsonObject) object = make_case (1, "investigating", "Fall");
  g_autoptr (JsonObject) loaded = NULL;
  g_autoptr (JsonObject) changed = NULL;
  g_autoptr (JsonObject) correction = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = case_uuid (1);
  JsonArray *journal;

  json_object_set_array_member (object, "journal", json_array_new ());
  journal = json_object_get_array_member (object, "journal");
  json_array_add_object_element (
      journal,
      parse_object ("{\"uuid\": \"10000000-0000-4000-8000-000000000001\","
                    " \"documented_at\": \"2026-03-02\","
                    " \"source\": \"Samtal\", \"fact\": true,"
                    " \"author\": \"Anna, enhetschef\","
                    " \"text\": \"Larmet var avstängt.\"}"));
  save (store, object, "Anna");

  /* At the SQL level. */
  g_assert_cmpint (raw_exec (f->path, "UPDATE journal SET text = 'x'"), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (f->path, "DELETE FROM journal"), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (f->path, "DELETE FROM history"), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM journal"), ==, 1);

  /* Through the store: changing an item is refused, nothing saved. */
  changed = parse_object (
      "{\"uuid\": \"00000000-0000-4000-8000-000000000001\", \"status\": "
      "\"closed\", \"journal\": [{\"uuid\": "
      "\"10000000-0000-4000-8000-000000000001\", \"text\": \"Annat.\"}]}");
  g_assert_false (ls_store_save_case_json (store, changed, "Bo", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY);
  g_clear_error (&error);
  loaded = ls_store_load_case_json (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (loaded, "status"), ==,
                   "investigating");

  /* A correction is a new item pointing at the old one. */
  correction = parse_object (
      "{\"uuid\": \"10000000-0000-4000-8000-000000000002\","
      " \"corrects\": \"10000000-0000-4000-8000-000000000001\","
      " \"documented_at\": \"2026-03-03\", \"text\": \"Larmet var på.\"}");
  g_assert_true (
      ls_store_append_journal_json (store, uuid, correction, "Anna", &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT corrects FROM journal WHERE "
                                     "uuid LIKE '1%2'"),
                   ==, 1);
  g_clear_pointer (&loaded, json_object_unref);
  loaded = ls_store_load_case_json (store, uuid, &error);
  journal = json_object_get_array_member (loaded, "journal");
  g_assert_cmpuint (json_array_get_length (journal), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (journal, 1), "text"),
                   ==, "Larmet var på.");
}

static void
test_history (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = open_store (f->path);
  g_autoptr (JsonObject) object = make_case (7, "reported", "Fall");
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = case_uuid (7);
  LsHistoryEntry *entry;

  save (store, object, "Anna Andersson");
  json_object_set_string_member (object, "status", "investigating");
  save (store, object, "Bo Berg");
  save (store, object, "Nobody");

  history = ls_store_list_history (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  entry = history->pdata[0];
  g_assert_cmpstr (entry->field, ==, "case");
  g_assert_cmpstr (entry->who, ==, "Anna Andersson");
  g_assert_cmpstr (entry->new_value, ==, "LS-2026-0007");
  entry = history->pdata[1];
  g_assert_cmpstr (entry->field, ==, "status");
  g_assert_cmpstr (entry->old_value, ==, "reported");
  g_assert_cmpstr (entry->new_value, ==, "investigating");
  g_assert_cmpstr (entry->who, ==, "Bo Berg");
  g_assert_true (g_str_has_prefix (entry->when, "20"));
}

static guint
search_count (LsStore *store, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = ls_store_search (store, text, 50, &error);

  g_assert_no_error (error);
  return found->len;
}

static void
test_search (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = open_store (f->path);

  save (
      store,
      make_case (1, "reported", "Anmälan om trygghetslarm som inte fungerade"),
      "Anna");
  save (store, make_case (2, "reported", "Fel läkemedel gavs till brukaren"),
        "Anna");
  save (store, make_case (3, "closed", "Bemötande vid måltid"), "Anna");

  /* Diacritics are folded both ways. */
  g_assert_cmpuint (search_count (store, "anmälan"), ==, 1);
  g_assert_cmpuint (search_count (store, "anmalan"), ==, 1);
  g_assert_cmpuint (search_count (store, "ANMALAN"), ==, 1);
  g_assert_cmpuint (search_count (store, "lakemedel"), ==, 1);
  /* Prefixes, as typed. */
  g_assert_cmpuint (search_count (store, "trygg"), ==, 1);
  g_assert_cmpuint (search_count (store, "bem"), ==, 1);
  g_assert_cmpuint (search_count (store, "fel läk"), ==, 1);
  g_assert_cmpuint (search_count (store, "fel måltid"), ==, 0);
  /* Registration numbers and texts from other fields. */
  g_assert_cmpuint (search_count (store, "LS-2026-0002"), ==, 1);
  g_assert_cmpuint (search_count (store, "skada"), ==, 3);
  /* FTS syntax typed by a user is just text. */
  g_assert_cmpuint (search_count (store, "\"larm* OR NEAR("), ==, 0);
  g_assert_cmpuint (search_count (store, "  "), ==, 0);
}

static void
test_similar (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = open_store (f->path);
  g_autoptr (GPtrArray) similar = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = case_uuid (1);

  save (store,
        make_case (1, "reported",
                   "Trygghetslarmet larmade inte när brukaren föll natten"),
        "Anna");
  save (store, make_case (2, "closed", "Trygghetslarmet saknade batteri"),
        "Anna");
  save (store, make_case (3, "closed", "Fel dos insulin gavs"), "Anna");

  similar = ls_store_find_similar_cases (store, uuid, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (similar->len, >=, 1);
  g_assert_cmpstr (ls_case_summary_get_regno (similar->pdata[0]), ==,
                   "LS-2026-0002");
  for (guint i = 0; i < similar->len; i++)
    g_assert_cmpstr (ls_case_summary_get_uuid (similar->pdata[i]), !=, uuid);
}

static void
test_regno (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = open_store (f->path);
  g_autoptr (JsonObject) organisation = parse_object (
      "{\"name\": \"Vård och omsorg\", \"regno_prefix\": \"VO\"}");
  g_autoptr (JsonObject) first = make_case (1, "reported", "Ett");
  g_autoptr (JsonObject) second = make_case (2, "reported", "Två");
  g_autoptr (GError) error = NULL;
  g_autofree char *regno = NULL;

  regno = ls_store_next_regno (store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (regno, ==, "LS-2026-0001");
  g_clear_pointer (&regno, g_free);

  g_assert_true (
      ls_store_save_organisation_json (store, organisation, "Anna", &error));
  g_assert_no_error (error);
  regno = ls_store_next_regno (store, 2026, &error);
  g_assert_cmpstr (regno, ==, "VO-2026-0001");
  json_object_set_string_member (first, "regno", regno);
  save (store, first, "Anna");
  g_clear_pointer (&regno, g_free);
  regno = ls_store_next_regno (store, 2026, &error);
  g_assert_cmpstr (regno, ==, "VO-2026-0002");
  g_clear_pointer (&regno, g_free);
  regno = ls_store_next_regno (store, 2027, &error);
  g_assert_cmpstr (regno, ==, "VO-2027-0001");

  json_object_set_string_member (second, "regno", "VO-2026-0001");
  g_assert_false (ls_store_save_case_json (store, second, "Anna", &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (ls_store_count_cases (store, NULL, NULL), ==, 1);
}

static const char good_document[] =
    "{\"format\": \"lexsarah\", \"version\": 1,"
    " \"organisation\": {\"name\": \"Omsorgen\", \"regno_prefix\": \"OM\"},"
    " \"cases\": ["
    "  {\"uuid\": \"20000000-0000-4000-8000-000000000001\","
    "   \"regno\": \"OM-2026-0001\", \"status\": \"investigating\","
    "   \"description\": \"Brukaren fick fel mat.\","
    "   \"actions\": [{\"what\": \"Ny rutin\", \"due\": \"2026-05-01\"}],"
    "   \"journal\": [{\"uuid\": \"21000000-0000-4000-8000-000000000001\","
    "     \"documented_at\": \"2026-03-01\", \"text\": \"Samtal.\"}]},"
    "  {\"uuid\": \"20000000-0000-4000-8000-000000000002\","
    "   \"regno\": \"OM-2026-0002\", \"status\": \"closed\","
    "   \"description\": \"Dörren var olåst.\", \"count\": 3,"
    "   \"informed\": true, \"journal\": []}"
    " ]}";

static void
test_import_bad (Fixture *f, gconstpointer data)
{
  static const char *const bad[] = {
    "[]",
    "{\"format\": \"other\", \"version\": 1, \"cases\": []}",
    "{\"format\": \"lexsarah\", \"version\": 2, \"cases\": []}",
    "{\"format\": \"lexsarah\", \"version\": 1}",
    "{\"format\": \"lexsarah\", \"version\": 1, \"cases\": [1]}",
    /* The second case is bad: the first must not be half-imported. */
    "{\"format\": \"lexsarah\", \"version\": 1, \"cases\": ["
    " {\"uuid\": \"20000000-0000-4000-8000-000000000001\", \"regno\": \"A\"},"
    " {\"uuid\": \"not a uuid\"}]}",
    /* Duplicate registration number. */
    "{\"format\": \"lexsarah\", \"version\": 1, \"cases\": ["
    " {\"uuid\": \"20000000-0000-4000-8000-000000000001\", \"regno\": \"A\"},"
    " {\"uuid\": \"20000000-0000-4000-8000-000000000002\", \"regno\": \"A\"}]}",
    /* Bad journal item. */
    "{\"format\": \"lexsarah\", \"version\": 1, \"cases\": ["
    " {\"uuid\": \"20000000-0000-4000-8000-000000000001\","
    "  \"journal\": [{\"uuid\": \"x\"}]}]}",
  };
  g_autoptr (LsStore) store = open_store (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (JsonNode) document = parse_node (bad[i]);
      g_autoptr (GError) error = NULL;

      g_assert_false (
          ls_store_import_document (store, document, "Anna", NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == LS_STORE_ERROR);
      g_assert_cmpint (ls_store_count_cases (store, NULL, NULL), ==, 0);
    }
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM history"), ==, 0);
}

static void
test_import_twice (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = open_store (f->path);
  g_autoptr (JsonNode) document = parse_node (good_document);
  g_autoptr (GError) error = NULL;
  guint n_changed = 99;
  int history;

  g_assert_true (
      ls_store_import_document (store, document, "Anna", &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  history = raw_int (f->path, "SELECT count(*) FROM history");

  g_assert_true (
      ls_store_import_document (store, document, "Anna", &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpint (ls_store_count_cases (store, NULL, NULL), ==, 2);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM journal"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM history"), ==,
                   history);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = open_store (f->path);
  g_autoptr (LsStore) other = NULL;
  g_autoptr (JsonNode) document = parse_node (good_document);
  g_autoptr (JsonNode) exported = NULL;
  g_autoptr (JsonNode) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  JsonObject *org;

  g_assert_true (
      ls_store_import_document (store, document, "Anna", NULL, &error));
  g_assert_no_error (error);
  exported = ls_store_export_document (store, &error);
  g_assert_no_error (error);
  /* Exactly what went in. */
  g_assert_true (json_node_equal (document, exported));

  other = open_store (other_path);
  g_assert_true (
      ls_store_import_document (other, exported, "Bo", NULL, &error));
  g_assert_no_error (error);
  again = ls_store_export_document (other, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (exported, again));
  org = json_object_get_object_member (json_node_get_object (again),
                                       "organisation");
  g_assert_cmpstr (json_object_get_string_member (org, "name"), ==, "Omsorgen");
}

static void
test_list_paging (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = open_store (f->path);
  g_autoptr (JsonObject) root = json_object_new ();
  g_autoptr (JsonArray) cases = json_array_new ();
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (GError) error = NULL;
  LsStoreQuery query = { .order = LS_STORE_ORDER_REGNO };

  for (guint i = 1; i <= 450; i++)
    json_array_add_object_element (
        cases, make_case (i, i % 3 == 0 ? "closed" : "reported",
                          i % 10 == 0 ? "Fallolycka" : "Bemötande"));
  json_object_set_string_member (root, "format", "lexsarah");
  json_object_set_int_member (root, "version", 1);
  json_object_set_array_member (root, "cases", g_steal_pointer (&cases));
  document = json_node_init_object (json_node_alloc (), root);
  g_assert_true (
      ls_store_import_document (store, document, "Anna", NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (ls_store_count_cases (store, &query, &error), ==, 450);
  page = ls_store_list_cases (store, &query, 200, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 200);
  g_assert_cmpstr (ls_case_summary_get_regno (page->pdata[0]), ==,
                   "LS-2026-0201");
  g_clear_pointer (&page, g_ptr_array_unref);
  page = ls_store_list_cases (store, &query, 400, 200, &error);
  g_assert_cmpuint (page->len, ==, 50);
  g_assert_cmpstr (ls_case_summary_get_regno (page->pdata[49]), ==,
                   "LS-2026-0450");
  g_assert_cmpstr (ls_case_summary_get_title (page->pdata[49]), ==,
                   "Fallolycka");
  g_assert_cmpstr (ls_case_summary_get_status (page->pdata[49]), ==, "closed");

  query.status = "closed";
  g_assert_cmpint (ls_store_count_cases (store, &query, &error), ==, 150);
  query.unit = "unit-0";
  g_assert_cmpint (ls_store_count_cases (store, &query, &error), ==, 150);
  query.unit = "unit-1";
  g_assert_cmpint (ls_store_count_cases (store, &query, &error), ==, 0);
  query.status = NULL;
  g_assert_cmpint (ls_store_count_cases (store, &query, &error), ==, 150);
  query.status = NULL;
  query.unit = NULL;
  query.search = "fallol";
  g_assert_cmpint (ls_store_count_cases (store, &query, &error), ==, 45);
  query.status = "reported";
  g_assert_cmpint (ls_store_count_cases (store, &query, &error), ==, 30);
  g_assert_no_error (error);
}

static void
async_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
changed_cb (LsStore *store, guint *count)
{
  (*count)++;
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (LsStore) store = NULL;
  g_autoptr (JsonObject) loaded = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = case_uuid (5);
  GAsyncResult *result = NULL;
  guint changed = 0;

  ls_store_open_async (f->path, NULL, async_done_cb, &result);
  store = ls_store_open_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changed);

  ls_store_save_case_json_async (store,
                                 make_case (5, "reported", "Asynkron text"),
                                 "Anna", NULL, async_done_cb, &result);
  g_assert_true (
      ls_store_save_case_json_finish (store, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  while (changed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changed, ==, 1);

  ls_store_load_case_json_async (store, uuid, NULL, async_done_cb, &result);
  loaded = ls_store_load_case_json_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (json_object_get_string_member (loaded, "description"), ==,
                   "Asynkron text");

  ls_store_search_async (store, "asynk", 10, NULL, async_done_cb, &result);
  found = ls_store_search_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (found->len, ==, 1);

  ls_store_load_case_json_async (store, "00000000-0000-4000-8000-999999999999",
                                 NULL, async_done_cb, &result);
  g_assert_null (
      ls_store_load_case_json_finish (store, wait_for (&result), &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND);
  g_clear_object (&result);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func)                                                        \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open/create-0600", test_open_create);
  ADD ("/store/open/pragmas", test_open_pragmas);
  ADD ("/store/open/newer-refused", test_open_newer);
  ADD ("/store/open/corrupt-refused", test_open_corrupt);
  ADD ("/store/open/random-bytes-refused", test_open_random);
  ADD ("/store/open/foreign-refused", test_open_foreign);
  ADD ("/store/migrate/from-v1", test_migrate_from_v1);
  ADD ("/store/journal/append-only", test_journal_append_only);
  ADD ("/store/history/who-what-when", test_history);
  ADD ("/store/search/diacritics-prefix", test_search);
  ADD ("/store/search/similar", test_similar);
  ADD ("/store/regno", test_regno);
  ADD ("/store/import/bad-changes-nothing", test_import_bad);
  ADD ("/store/import/twice", test_import_twice);
  ADD ("/store/export/round-trip", test_round_trip);
  ADD ("/store/list/count-paging", test_list_paging);
  ADD ("/store/async", test_async);

#undef ADD

  return g_test_run ();
}
