/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>

#include "ls-bench-cases.h"
#include "ls-core-test.h"
#include "ls-case-summary.h"
#include "ls-dates.h"
#include "ls-store-backend-private.h"
#include "ls-store.h"

/* The benchmarks' large database is written with bare sqlite3
 * (ls_bench_write_database()), not through the store: what it holds must
 * be what the store's import of the same cases holds, or the figures
 * measured on it would be of another database.  Compared here, table by
 * table: the schema with its triggers, every row of every table with the
 * number of cases the database keeps and the rows of the search index,
 * leaving out only the times of writing; and the store opens it, checks
 * it and finds in it what it finds in its own. */

#define N_CASES 450
/* Several transactions, the last one partly filled. */
#define BATCH 128

typedef struct
{
  char *dir;
  char *written;  /* by bare sqlite3 */
  char *imported; /* by the store */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = ls_core_test_make_tmpdir ("bench-database");
  f->written = g_build_filename (f->dir, "written.db", NULL);
  f->imported = g_build_filename (f->dir, "imported.db", NULL);
  ls_bench_write_database (f->written, N_CASES, BATCH);
  g_assert_true (ls_bench_ensure_database (f->imported, N_CASES));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ls_core_test_remove_tree (f->dir);
  g_free (f->written);
  g_free (f->imported);
  g_free (f->dir);
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  return db;
}

/* Every row of @sql's result on a database, each as one string of its
 * values: rows() on SQLite, pg_rows() on PostgreSQL, so that the
 * comparisons below serve both. */
typedef GPtrArray *(*RowsFunc) (gpointer db, const char *sql);

/* Every row of @sql's result, each as one string of its quoted values. */
static GPtrArray *
rows (gpointer db, const char *sql)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (row, "%s%s", i > 0 ? "|" : "",
                                  value != NULL ? value : "NULL");
        }
      g_ptr_array_add (out, g_string_free (row, FALSE));
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return out;
}

static void
assert_same_rows (RowsFunc rows_of, gpointer a, gpointer b, const char *sql)
{
  g_autoptr (GPtrArray) in_a = rows_of (a, sql);
  g_autoptr (GPtrArray) in_b = rows_of (b, sql);

  g_test_message ("%s: %u rows", sql, in_a->len);
  g_assert_cmpuint (in_a->len, ==, in_b->len);
  for (guint i = 0; i < in_a->len; i++)
    g_assert_cmpstr (in_a->pdata[i], ==, in_b->pdata[i]);
}

static gint64
query_int (RowsFunc rows_of, gpointer db, const char *sql)
{
  g_autoptr (GPtrArray) result = rows_of (db, sql);

  g_assert_cmpuint (result->len, ==, 1);
  return g_ascii_strtoll (result->pdata[0], NULL, 10);
}

/* The rows of the cases and of what they hold. */
static void
assert_counts (RowsFunc rows_of, gpointer db)
{
  g_assert_cmpint (query_int (rows_of, db, "SELECT count(*) FROM cases"), ==,
                   N_CASES);
  g_assert_cmpint (query_int (rows_of, db, "SELECT count(*) FROM journal"), >,
                   0);
  g_assert_cmpint (query_int (rows_of, db, "SELECT count(*) FROM attention"), >,
                   0);
  g_assert_cmpint (query_int (rows_of, db, "SELECT count(*) FROM history"), ==,
                   N_CASES +
                       query_int (rows_of, db, "SELECT count(*) FROM journal"));
}

/* Each of @terms, put between @before and @after, finds cases in @a and
 * the same ones in @b. */
static void
assert_same_found (RowsFunc rows_of,
                   gpointer a,
                   gpointer b,
                   const char *before,
                   const char *after,
                   const char *const *terms,
                   guint n_terms)
{
  for (guint i = 0; i < n_terms; i++)
    {
      g_autofree char *sql = g_strconcat (before, terms[i], after, NULL);
      g_autoptr (GPtrArray) found = rows_of (a, sql);

      g_assert_cmpuint (found->len, >, 0);
      assert_same_rows (rows_of, a, b, sql);
    }
}

/* The times a row was written at: the moment of each build. */
static gboolean
is_time_of_writing (const char *table, const char *column)
{
  return (g_str_equal (table, "cases") && g_str_equal (column, "updated_at")) ||
         (g_str_equal (table, "history") && g_str_equal (column, "at"));
}

/* A SELECT of every column of @table but the times of writing, ordered
 * by all of them. */
static char *
select_all (sqlite3 *db, const char *table)
{
  g_autofree char *info_sql =
      g_strdup_printf ("SELECT name FROM pragma_table_info ('%s')", table);
  g_autoptr (GPtrArray) columns = rows (db, info_sql);
  GString *sql = g_string_new ("SELECT ");
  guint n = 0;

  for (guint i = 0; i < columns->len; i++)
    {
      if (is_time_of_writing (table, columns->pdata[i]))
        continue;
      g_string_append_printf (sql, "%squote (\"%s\")", n > 0 ? ", " : "",
                              (const char *) columns->pdata[i]);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
  g_string_append_printf (sql, " FROM \"%s\" ORDER BY ", table);
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (sql, "%s%u", i > 1 ? ", " : "", i);
  return g_string_free (sql, FALSE);
}

static void
test_same_as_import (Fixture *f, gconstpointer data)
{
  sqlite3 *a = open_raw (f->written);
  sqlite3 *b = open_raw (f->imported);
  g_autoptr (GPtrArray) tables = NULL;
  static const char *const searches[] = {
    "brukaren", "insulin", "bru*", "lar*", "VON*", "Andersson", "000123",
  };

  /* The same schema, triggers included, and the same file. */
  assert_same_rows (rows, a, b,
                    "SELECT type, name, tbl_name, sql FROM sqlite_master "
                    "ORDER BY type, name");
  assert_same_rows (rows, a, b, "PRAGMA user_version");
  assert_same_rows (rows, a, b, "PRAGMA application_id");
  assert_same_rows (rows, a, b, "PRAGMA journal_mode");
  g_assert_cmpint (query_int (rows, a, "PRAGMA user_version"), ==,
                   LS_STORE_SCHEMA_VERSION);

  /* Every table's rows, but the pages of the search index itself, which
   * depend on how many cases each transaction wrote: what it finds is
   * compared below. */
  tables = rows (a, "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT IN ('case_fts_data', 'case_fts_idx') "
                    "ORDER BY name");
  g_assert_cmpuint (tables->len, >, 10);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = select_all (a, tables->pdata[i]);

      assert_same_rows (rows, a, b, sql);
    }

  /* The numbers the database keeps, and what the rows above hold. */
  g_assert_cmpint (query_int (rows, a, "SELECT n FROM case_count"), ==,
                   N_CASES);
  g_assert_cmpint (query_int (rows, a, "SELECT count(*) FROM case_fts"), ==,
                   N_CASES);
  assert_counts (rows, a);

  /* The search index finds the same cases, and is sound. */
  assert_same_found (rows, a, b,
                     "SELECT rowid FROM case_fts WHERE case_fts MATCH '",
                     "' ORDER BY rowid", searches, G_N_ELEMENTS (searches));
  g_assert_cmpint (sqlite3_exec (a,
                                 "INSERT INTO case_fts (case_fts) "
                                 "VALUES ('integrity-check')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (query_int (rows, a,
                              "SELECT count(*) FROM pragma_integrity_check "
                              "WHERE integrity_check != 'ok'"),
                   ==, 0);

  g_assert_cmpint (sqlite3_close (a), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (b), ==, SQLITE_OK);
}

static GPtrArray *
uuids (GPtrArray *summaries)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (out,
                     g_strdup (ls_case_summary_get_uuid (summaries->pdata[i])));
  return out;
}

static void
assert_same_uuids (GPtrArray *a, GPtrArray *b)
{
  g_autoptr (GPtrArray) in_a = uuids (a);
  g_autoptr (GPtrArray) in_b = uuids (b);

  g_assert_cmpuint (in_a->len, >, 0);
  g_assert_cmpuint (in_a->len, ==, in_b->len);
  for (guint i = 0; i < in_a->len; i++)
    g_assert_cmpstr (in_a->pdata[i], ==, in_b->pdata[i]);
}

/* @written holds all the cases, and finds by a search what @imported
 * finds. */
static void
assert_finds_the_same (LsStore *written, LsStore *imported)
{
  g_autoptr (GError) error = NULL;
  LsStoreQuery search = { .search = "insulin" };
  g_autoptr (GPtrArray) a = NULL;
  g_autoptr (GPtrArray) b = NULL;

  g_assert_cmpint (ls_store_count_cases (written, NULL, &error), ==, N_CASES);
  g_assert_cmpint (ls_store_count_cases (written, &search, &error), ==,
                   ls_store_count_cases (imported, &search, &error));
  g_assert_no_error (error);
  a = ls_core_test_search (written, "insulin", 50, &error);
  b = ls_core_test_search (imported, "insulin", 50, &error);
  g_assert_no_error (error);
  assert_same_uuids (a, b);
}

/* The store opens the written file as its own and answers from it as
 * from the one it imported. */
static void
test_store_reads_it (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) written = ls_store_open (f->written, &error);
  g_autoptr (LsStore) imported = NULL;
  LsStoreQuery deadline = { .order = LS_STORE_ORDER_DEADLINE };

  g_assert_no_error (error);
  imported = ls_store_open (f->imported, &error);
  g_assert_no_error (error);
  assert_finds_the_same (written, imported);
  {
    g_autoptr (GPtrArray) a =
        ls_store_list_cases (written, &deadline, 100, 50, &error);
    g_autoptr (GPtrArray) b =
        ls_store_list_cases (imported, &deadline, 100, 50, &error);

    g_assert_no_error (error);
    assert_same_uuids (a, b);
  }
  {
    g_autoptr (LsCase) lcase = ls_store_load_case (
        written, "50000000-0000-4000-8000-000000000200", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ls_case_get_uuid (lcase), ==,
                     "50000000-0000-4000-8000-000000000200");
  }
}

/* The present minute, as a case's moments are written. */
static char *
dup_this_minute (void)
{
  g_autofree char *now = ls_dates_dup_now (NULL);

  return g_strndup (now, strlen ("2026-03-01T10:00"));
}

/* A generated case holds no moment of its making, so that the two builds
 * compared above hold the same cases whenever each was made (they
 * differed when a minute began between them): it was registered when
 * it was received, and nothing in what the store keeps of it is the
 * present minute. */
static void
test_generated_cases_timeless (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260301);
  g_autoptr (GRand) again = g_rand_new_with_seed (20260301);
  g_autofree char *before = dup_this_minute ();

  for (guint n = 1; n <= 50; n++)
    {
      g_autoptr (LsCase) lcase = ls_bench_generate_case (rand, n);
      g_autoptr (LsCase) same = ls_bench_generate_case (again, n);
      g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) same_items =
          g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (GString) same_text = g_string_new (NULL);
      g_autofree char *json = ls_store_serialize_case (lcase, items, text);
      g_autofree char *same_json =
          ls_store_serialize_case (same, same_items, same_text);
      g_autofree char *after = dup_this_minute ();

      g_assert_nonnull (ls_case_get_created_at (lcase));
      g_assert_cmpstr (ls_case_get_created_at (lcase), ==,
                       ls_report_get_received_at (ls_case_get_report (lcase)));
      g_assert_null (strstr (json, before));
      g_assert_null (strstr (json, after));
      for (guint i = 0; i < items->len; i++)
        {
          g_assert_null (strstr (items->pdata[i], before));
          g_assert_null (strstr (items->pdata[i], after));
        }
      g_assert_cmpstr (json, ==, same_json);
      g_assert_cmpuint (items->len, ==, same_items->len);
      for (guint i = 0; i < items->len; i++)
        g_assert_cmpstr (items->pdata[i], ==, same_items->pdata[i]);
    }
}

/* Built once, then kept: a second call finds it and writes nothing. */
static void
test_kept (void)
{
  g_autofree char *dir = ls_core_test_make_tmpdir ("bench-large");
  g_autofree char *path = g_build_filename (dir, "large.db", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  GStatBuf before;
  GStatBuf after;

  g_assert_cmpuint (ls_bench_ensure_large_database (path, 200), ==, 200);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpint (before.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (ls_bench_ensure_large_database (path, 200), ==, 200);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  ls_core_test_remove_tree (dir);
}

/* ---- On PostgreSQL ------------------------------------------------------ */

/* Every row of @sql's result on @conn, each as one string of its values. */
static GPtrArray *
pg_rows (gpointer conn, const char *sql)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  for (int i = 0; i < PQntuples (result); i++)
    {
      GString *row = g_string_new (NULL);

      for (int k = 0; k < PQnfields (result); k++)
        g_string_append_printf (
            row, "%s%s", k > 0 ? "|" : "",
            PQgetisnull (result, i, k) ? "NULL" : PQgetvalue (result, i, k));
      g_ptr_array_add (out, g_string_free (row, FALSE));
    }
  PQclear (result);
  return out;
}

/* The rows written with COPY (ls_bench_write_pg_database()) are those of
 * the store's import of the same cases, table by table, every column but
 * the times of writing (and the time of the last save, which is one),
 * with the same ids and the sequences where the store's would be; the
 * search column finds the same cases; and the store answers from it as
 * from its own. */
static void
test_pg_same_as_import (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *written_db = NULL;
  g_autofree char *imported_db = NULL;
  g_autofree char *written = NULL;
  g_autofree char *imported = NULL;
  g_autoptr (GPtrArray) tables = NULL;
  PGconn *a;
  PGconn *b;
  static const char *const searches[] = {
    "brukaren:*", "insulin", "bru:*", "lar:*", "von:*", "andersson", "000123",
  };

  if (ls_core_test_pg_server () == NULL)
    {
      g_test_skip ("No PostgreSQL server (LEXSARAH_TEST_PG)");
      return;
    }
  written = ls_core_test_pg_create_database (&written_db);
  imported = ls_core_test_pg_create_database (&imported_db);
  ls_bench_write_pg_database (written, N_CASES, BATCH);
  {
    g_autoptr (LsStore) store = ls_store_open (imported, &error);

    g_assert_no_error (error);
    ls_bench_import_cases (store, N_CASES);
  }
  a = ls_core_test_pg_connect (written);
  b = ls_core_test_pg_connect (imported);

  /* The same schema: tables, columns, indexes, triggers, functions. */
  assert_same_rows (pg_rows, a, b,
                    "SELECT table_name, column_name, data_type, "
                    "column_default, is_nullable, generation_expression "
                    "FROM information_schema.columns WHERE table_schema = "
                    "'public' ORDER BY 1, 2");
  assert_same_rows (pg_rows, a, b,
                    "SELECT indexname, indexdef FROM pg_indexes WHERE "
                    "schemaname = 'public' ORDER BY 1");
  assert_same_rows (pg_rows, a, b,
                    "SELECT tgrelid::regclass, tgname, tgenabled FROM "
                    "pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2");
  assert_same_rows (pg_rows, a, b,
                    "SELECT proname, prosrc FROM pg_proc WHERE pronamespace "
                    "= 'public'::regnamespace ORDER BY 1");
  assert_same_rows (pg_rows, a, b, "SELECT version FROM ls_schema");

  /* Every table's rows, but the times of writing. */
  tables = pg_rows (a, "SELECT table_name FROM information_schema.tables "
                       "WHERE table_schema = 'public' AND table_type = 'BASE "
                       "TABLE' ORDER BY 1");
  g_assert_cmpuint (tables->len, >, 10);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf (
          "SELECT (to_jsonb (t) - ARRAY ['updated_at', 'saved_at', 'at'])"
          "::text AS r FROM \"%s\" AS t ORDER BY 1",
          (const char *) tables->pdata[i]);

      assert_same_rows (pg_rows, a, b, sql);
    }
  assert_counts (pg_rows, a);
  assert_same_rows (pg_rows, a, b,
                    "SELECT sequencename, last_value FROM pg_sequences "
                    "ORDER BY 1");

  /* The search column finds the same cases. */
  assert_same_found (pg_rows, a, b,
                     "SELECT id FROM cases WHERE search_vector @@ to_tsquery "
                     "('simple', '",
                     "') ORDER BY id", searches, G_N_ELEMENTS (searches));
  PQfinish (a);
  PQfinish (b);

  /* The store finds in it what it finds in its own, and saves into it. */
  {
    g_autoptr (LsStore) w = ls_store_open (written, &error);
    g_autoptr (LsStore) m = NULL;
    g_autoptr (GRand) rand = g_rand_new_with_seed (1);
    g_autoptr (LsCase) added = ls_bench_generate_case (rand, N_CASES + 1);

    g_assert_no_error (error);
    m = ls_store_open (imported, &error);
    g_assert_no_error (error);
    assert_finds_the_same (w, m);
    g_assert_true (ls_store_save_case (w, added, "Bench", &error));
    g_assert_no_error (error);
    g_assert_cmpint (ls_store_count_cases (w, NULL, &error), ==, N_CASES + 1);
  }
  ls_core_test_pg_drop_database (written_db);
  ls_core_test_pg_drop_database (imported_db);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/bench-database/same-as-import", Fixture, NULL, fixture_set_up,
              test_same_as_import, fixture_tear_down);
  g_test_add ("/bench-database/store-reads-it", Fixture, NULL, fixture_set_up,
              test_store_reads_it, fixture_tear_down);
  g_test_add_func ("/bench-database/generated-cases-timeless",
                   test_generated_cases_timeless);
  g_test_add_func ("/bench-database/kept", test_kept);
  g_test_add_func ("/bench-database/postgresql-same-as-import",
                   test_pg_same_as_import);
  return g_test_run ();
}
