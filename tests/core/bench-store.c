/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>

#include "ls-bench-cases.h"
#include "ls-bench.h"
#include "ls-case-list.h"
#include "ls-core-test.h"
#include "ls-enum-types.h"
#include "ls-journal-item.h"
#include "ls-model.h"
#include "ls-pg-store-private.h"
#include "ls-requirement.h"
#include "ls-rules.h"
#include "ls-sqlite-store-private.h"
#include "ls-store-backend-private.h"
#include "ls-store.h"

/* The store on each backend against a floor of bare calls of the same
 * database (sqlite3 on a file, libpq on the PostgreSQL test server)
 * writing the same rows (case, search column, documented items, history,
 * attention) into the same schema in transactions of the same size, and
 * how its costs grow: at 10,000 and 100,000 cases (and 1,000,000 with
 * LEXSARAH_BENCH_HUGE=1) the time to open the database, a page of the
 * list, a search at the 50th and 95th percentiles with its count, and a
 * save, and a search with a filter that few cases pass (the rarest
 * state) and its count.  The 1,000,000 cases are a database kept between runs,
 * each run saving some of its cases again: on SQLite a file under
 * build/tests/bench (some 10 GB, written once in a few minutes by
 * ls_bench_write_database()), on PostgreSQL a database of the test server
 * (written with COPY by ls_bench_write_pg_database(); it lasts as long as
 * the server does).
 * LS_BENCH_CASES makes the run smaller; --backend sqlite or
 * --backend postgresql runs one of them (the PostgreSQL one needs
 * LEXSARAH_TEST_PG, and is skipped without it).
 *
 * Every figure is printed as `figure NAME VALUE UNIT, ratio R (target T)`,
 * NAME beginning with the backend.  Targets: bulk inserts within 1.2 times
 * the floor's time on SQLite and 1.5 times on PostgreSQL (a server's round
 * trips), a save within 1.5 times the floor's, a search under 10 ms at the
 * 95th percentile, a page under 50 ms, and every cost growing no faster
 * than the logarithm of the number of cases. */

#define BATCH 1000
#define SINGLE_SAVES 200
#define QUERIES 400
/* Searches with a filter few cases pass. */
#define FILTERED_QUERIES 100
/* Larger sizes from a database kept between runs. */
#define LARGE_FROM 100000

/* ---- The floor ------------------------------------------------------------
 */

/* The rows the store writes for a case, computed before the clock starts:
 * the floor pays for the database only. */
typedef struct
{
  char *uuid;
  char *regno;
  char *status;
  char *unit;
  char *kind;
  char *title;
  char *received_at;
  char *next_deadline;
  char *json;
  char *search_text;
  char *search_folded;  /* PostgreSQL's search column */
  GPtrArray *journal;   /* JournalRow */
  GPtrArray *attention; /* "step\tdue" */
  gint64 case_id;       /* as written by the floor */
} FloorRow;

typedef struct
{
  char *uuid;
  char *documented_on;
  char *text;
  char *json;
} JournalRow;

static void
journal_row_free (JournalRow *row)
{
  g_free (row->uuid);
  g_free (row->documented_on);
  g_free (row->text);
  g_free (row->json);
  g_free (row);
}

static void
floor_row_clear (FloorRow *row)
{
  g_free (row->uuid);
  g_free (row->regno);
  g_free (row->status);
  g_free (row->unit);
  g_free (row->kind);
  g_free (row->title);
  g_free (row->received_at);
  g_free (row->next_deadline);
  g_free (row->json);
  g_free (row->search_text);
  g_free (row->search_folded);
  g_clear_pointer (&row->journal, g_ptr_array_unref);
  g_clear_pointer (&row->attention, g_ptr_array_unref);
}

static char *
nick (GType type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);

  return g_strdup (g_enum_get_value (klass, value)->value_nick);
}

/* The rows are the store's own, computed before the clock starts: the
 * case's JSON without its journal, each item's JSON and the search text
 * in the store's order, and the attention rows by the store's rule. */
static void
floor_row_init (FloorRow *row, LsCase *lcase, LsOrganisation *organisation)
{
  GListModel *journal = G_LIST_MODEL (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)));
  g_autoptr (GPtrArray) item_json = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) attention =
      ls_store_attention_requirements (lcase, organisation, NULL);
  GString *text = g_string_new (NULL);
  LsReport *report = ls_case_get_report (lcase);

  row->uuid = g_strdup (ls_case_get_uuid (lcase));
  row->regno = g_strdup (ls_case_get_regno (lcase));
  row->status = nick (LS_TYPE_CASE_STATUS, ls_case_get_status (lcase));
  row->unit = g_strdup (ls_case_get_unit_id (lcase));
  row->kind = nick (LS_TYPE_CASE_KIND, ls_report_get_kind (report));
  row->title = ls_case_dup_title (lcase);
  row->received_at = g_strdup (ls_report_get_received_at (report));
  row->next_deadline = ls_case_get_status (lcase) != LS_CASE_STATUS_CLOSED
                           ? g_strdup (ls_case_get_next_deadline (lcase))
                           : NULL;
  row->json = ls_store_serialize_case (lcase, item_json, text);
  row->search_text = g_string_free (text, FALSE);
  {
    g_autofree char *all_text =
        g_strconcat (row->regno ? row->regno : "", " ", row->search_text, NULL);

    row->search_folded = ls_store_fold_words (all_text);
  }

  row->journal =
      g_ptr_array_new_with_free_func ((GDestroyNotify) journal_row_free);
  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr (LsJournalItem) item = g_list_model_get_item (journal, i);
      JournalRow *jr = g_new0 (JournalRow, 1);

      jr->uuid = g_strdup (ls_journal_item_get_uuid (item));
      jr->documented_on = g_strdup (ls_journal_item_get_documented_on (item));
      jr->text = g_strdup (ls_journal_item_get_text (item));
      jr->json = g_strdup (item_json->pdata[i]);
      g_ptr_array_add (row->journal, jr);
    }

  /* What needs attention now, by the rule of the store's list (with no
   * routines, as the benchmark's register has none). */
  row->attention = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < attention->len; i++)
    {
      LsRequirement *r = attention->pdata[i];
      g_autofree char *step_nick =
          nick (LS_TYPE_STEP, ls_requirement_get_step (r));

      g_ptr_array_add (row->attention,
                       g_strdup_printf ("%s\t%s", step_nick,
                                        ls_requirement_get_due (r)
                                            ? ls_requirement_get_due (r)
                                            : ""));
    }
}

typedef struct
{
  sqlite3 *db;
  sqlite3_stmt *begin;
  sqlite3_stmt *commit;
  sqlite3_stmt *insert;
  sqlite3_stmt *index;
  sqlite3_stmt *history;
  sqlite3_stmt *journal;
  sqlite3_stmt *attention;
} SqliteFloor;

static void
sqlite_exec (sqlite3_stmt *stmt)
{
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static void
sqlite_bind (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

static void
sqlite_floor_insert (SqliteFloor *floor, FloorRow *row, const char *now)
{
  sqlite3_stmt *s = floor->insert;
  gint64 case_id;

  sqlite_bind (s, 1, row->uuid);
  sqlite_bind (s, 2, row->regno);
  sqlite_bind (s, 3, row->status);
  sqlite_bind (s, 4, row->unit);
  sqlite_bind (s, 5, row->kind);
  sqlite_bind (s, 6, row->title);
  sqlite_bind (s, 7, row->received_at);
  sqlite_bind (s, 8, now);
  sqlite_bind (s, 9, row->json);
  sqlite_bind (s, 10, row->next_deadline);
  sqlite_bind (s, 11, row->search_text);
  sqlite_exec (s);
  case_id = sqlite3_last_insert_rowid (floor->db);

  row->case_id = case_id;

  s = floor->history;
  sqlite3_bind_int64 (s, 1, case_id);
  sqlite_bind (s, 2, now);
  sqlite_bind (s, 3, "case");
  sqlite_bind (s, 4, row->regno);
  sqlite_exec (s);

  for (guint i = 0; i < row->journal->len; i++)
    {
      JournalRow *jr = row->journal->pdata[i];

      s = floor->journal;
      sqlite_bind (s, 1, jr->uuid);
      sqlite3_bind_int64 (s, 2, case_id);
      sqlite_bind (s, 3, jr->documented_on);
      sqlite_bind (s, 4, jr->text);
      sqlite_bind (s, 5, jr->json);
      sqlite_exec (s);
      s = floor->history;
      sqlite3_bind_int64 (s, 1, case_id);
      sqlite_bind (s, 2, now);
      sqlite_bind (s, 3, "investigation.journal");
      sqlite_bind (s, 4, jr->uuid);
      sqlite_exec (s);
    }

  for (guint i = 0; i < row->attention->len; i++)
    {
      const char *entry = row->attention->pdata[i];
      const char *tab = strchr (entry, '\t');

      s = floor->attention;
      sqlite3_bind_int64 (s, 1, case_id);
      sqlite3_bind_text (s, 2, entry, tab - entry, SQLITE_STATIC);
      if (tab[1] != '\0')
        sqlite3_bind_text (s, 3, tab + 1, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (s, 3);
      sqlite_exec (s);
    }
}

/* The rows of the search index of a transaction's cases, together at its
 * end as the store writes them: FTS5 writes what it holds to disk at the
 * savepoint of every statement that may fail halfway, and a row written
 * with each case would be a segment of the index each. */
static void
sqlite_floor_index (SqliteFloor *floor, FloorRow *rows, guint n)
{
  sqlite3_stmt *s = floor->index;

  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (s, 1, rows[i].case_id);
      sqlite_bind (s, 2, rows[i].regno != NULL ? rows[i].regno : "");
      sqlite_bind (s, 3, rows[i].search_text);
      sqlite_bind (s, 4, rows[i].status);
      sqlite_bind (s, 5, rows[i].unit);
      sqlite_bind (s, 6, rows[i].next_deadline);
      sqlite_exec (s);
    }
}

static sqlite3_stmt *
sqlite_prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  return stmt;
}

static SqliteFloor *
sqlite_floor_open (const char *path, LsOrganisation *organisation)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) schema = ls_store_open (path, &error);
  SqliteFloor *floor = g_new0 (SqliteFloor, 1);

  /* The same file format and schema as the store's, then bare sqlite3
   * with the same settings. */
  g_assert_no_error (error);
  g_assert_true (ls_store_save_organisation (schema, organisation, &error));
  g_clear_object (&schema);
  g_assert_cmpint (sqlite3_open (path, &floor->db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (floor->db,
                                 "PRAGMA journal_mode = WAL;"
                                 "PRAGMA synchronous = FULL;"
                                 "PRAGMA foreign_keys = ON;"
                                 "PRAGMA cache_size = -16384;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  floor->begin = sqlite_prepare (floor->db, "BEGIN IMMEDIATE");
  floor->commit = sqlite_prepare (floor->db, "COMMIT");
  floor->insert = sqlite_prepare (
      floor->db, "INSERT INTO cases (uuid, regno, status, unit, kind, title, "
                 "received_at, updated_at, json, next_deadline, search_text) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  floor->index = sqlite_prepare (
      floor->db, "INSERT INTO case_fts (rowid, regno, body, journal, filter) "
                 "VALUES (?1, ?2, ?3, '', " LS_SQLITE_FILTER_TERMS_OF (
                     "?4", "?5", "?6") ")");
  floor->history = sqlite_prepare (
      floor->db, "INSERT INTO history (case_id, at, field, old, "
                 "new, who) VALUES (?, ?, ?, NULL, ?, 'Bench')");
  floor->journal =
      sqlite_prepare (floor->db, "INSERT INTO journal (uuid, case_id, "
                                 "documented_at, text, json) VALUES "
                                 "(?, ?, ?, ?, ?)");
  floor->attention = sqlite_prepare (
      floor->db, "INSERT INTO attention (case_id, step, due) VALUES (?, ?, ?)");
  return floor;
}

static void
sqlite_floor_close (SqliteFloor *floor)
{
  sqlite3_finalize (floor->begin);
  sqlite3_finalize (floor->commit);
  sqlite3_finalize (floor->insert);
  sqlite3_finalize (floor->index);
  sqlite3_finalize (floor->history);
  sqlite3_finalize (floor->journal);
  sqlite3_finalize (floor->attention);
  sqlite3_close (floor->db);
  g_free (floor);
}

typedef struct
{
  PGconn *conn;
} PgFloor;

static void
pg_run (PgFloor *floor,
        const char *name,
        int n,
        const char *const *values,
        char **id)
{
  PGresult *result =
      PQexecPrepared (floor->conn, name, n, values, NULL, NULL, 0);

  g_assert_true (PQresultStatus (result) == PGRES_COMMAND_OK ||
                 PQresultStatus (result) == PGRES_TUPLES_OK);
  if (id != NULL)
    *id = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
}

static void
pg_sql (PgFloor *floor, const char *sql)
{
  PGresult *result = PQexec (floor->conn, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
}

static void
pg_floor_begin (PgFloor *floor)
{
  pg_sql (floor, "BEGIN");
}

static void
pg_floor_commit (PgFloor *floor)
{
  pg_sql (floor, "COMMIT");
}

static void
pg_floor_insert (PgFloor *floor, FloorRow *row, const char *now)
{
  g_autofree char *case_id = NULL;
  const char *values[] = {
    row->uuid, row->regno,         row->status,      row->unit,
    row->kind, row->title,         row->received_at, now,
    row->json, row->next_deadline, row->search_text, row->search_folded
  };
  const char *history[] = { NULL, now, "case", row->regno };

  pg_run (floor, "case", G_N_ELEMENTS (values), values, &case_id);
  history[0] = case_id;
  pg_run (floor, "history", 4, history, NULL);
  for (guint i = 0; i < row->journal->len; i++)
    {
      JournalRow *jr = row->journal->pdata[i];
      const char *journal[] = { jr->uuid, case_id, jr->documented_on, jr->text,
                                jr->json };
      const char *added[] = { case_id, now, "investigation.journal", jr->uuid };

      pg_run (floor, "journal", 5, journal, NULL);
      pg_run (floor, "history", 4, added, NULL);
    }
  for (guint i = 0; i < row->attention->len; i++)
    {
      g_auto (GStrv) parts = g_strsplit (row->attention->pdata[i], "\t", 2);
      const char *attention[] = { case_id, parts[0],
                                  *parts[1] != '\0' ? parts[1] : NULL };

      pg_run (floor, "attention", 3, attention, NULL);
    }
}

static void
pg_prepare (PgFloor *floor, const char *name, const char *sql)
{
  PGresult *result = PQprepare (floor->conn, name, sql, 0, NULL);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
}

static PgFloor *
pg_floor_open (const char *location, LsOrganisation *organisation)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) schema = ls_store_open (location, &error);
  PgFloor *floor = g_new0 (PgFloor, 1);

  g_assert_no_error (error);
  g_assert_true (ls_store_save_organisation (schema, organisation, &error));
  g_clear_object (&schema);
  floor->conn = ls_core_test_pg_connect (location);
  pg_prepare (floor, "case",
              "INSERT INTO cases (uuid, regno, status, unit, kind, title, "
              "received_at, updated_at, json, next_deadline, search_text, "
              "search_folded, saved_by, saved_at) VALUES ($1, $2, $3, $4, "
              "$5, $6, $7, $8, $9, $10, $11, $12, 'Bench', $8) "
              "RETURNING id");
  pg_prepare (floor, "history",
              "INSERT INTO history (case_id, at, field, old, new, who) "
              "VALUES ($1, $2, $3, NULL, $4, 'Bench')");
  pg_prepare (floor, "journal",
              "INSERT INTO journal (uuid, case_id, documented_at, text, "
              "json) VALUES ($1, $2, $3, $4, $5)");
  pg_prepare (floor, "attention",
              "INSERT INTO attention (case_id, step, due) "
              "VALUES ($1, $2, $3)");
  return floor;
}

static void
pg_floor_close (PgFloor *floor)
{
  PQfinish (floor->conn);
  g_free (floor);
}

/* ---- Measuring ------------------------------------------------------------
 */

/* Microseconds of CPU, in user space and in the kernel (reads and writes
 * of pages), used by this process so far. */
static void
cpu_times (gint64 *user, gint64 *sys)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  *user = usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec;
  *sys = usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

/* The store's figures at one size of the database. */
typedef struct
{
  const char *name; /* the backend's */
  guint n_cases;
  double open_ms;
  double page_ms;
  double jump_ms; /* the same page by its offset */
  double search_p50;
  double search_p95;
  double count_p95;
  double list_p50; /* a search as the list runs it */
  double list_p95;
  double filtered_p95; /* a search with a rare filter, as the list's */
  double filtered_count_p95;
  double save_p50;
} Stage;

static void
print_figure (const char *backend,
              const char *what,
              double value,
              const char *unit,
              double ratio,
              double target)
{
  g_autofree char *name = g_strdup_printf ("%s-%s", backend, what);

  ls_bench_figure_ratio (name, value, unit, ratio, target);
}

/* The figure at @stage's size: at the smallest size against the time it
 * may take (@limit ms), at the larger ones against the smallest size's,
 * which it should outgrow no faster than the logarithm of the number of
 * cases. */
static void
stage_figure (const char *what,
              const Stage *stage,
              const Stage *first,
              double value,
              double first_value,
              double limit)
{
  g_autofree char *sized =
      g_strdup_printf ("%s-%uk", what, stage->n_cases / 1000);

  if (stage == first)
    print_figure (stage->name, sized, value, "ms", value / limit, 1.0);
  else
    print_figure (stage->name, sized, value, "ms", value / first_value,
                  log (stage->n_cases) / log (first->n_cases));
}

static void
print_stage (const Stage *stage, const Stage *first, double floor_save_p50)
{
  stage_figure ("open", stage, first, stage->open_ms, first->open_ms, 1000.0);
  stage_figure ("page", stage, first, stage->page_ms, first->page_ms, 50.0);
  {
    g_autofree char *name = g_strdup_printf ("%s-page-offset-%uk", stage->name,
                                             stage->n_cases / 1000);

    /* A jump by the scroll bar: no target, it grows with the offset. */
    ls_bench_figure (name, stage->jump_ms, "ms");
  }
  stage_figure ("search-p50", stage, first, stage->search_p50,
                first->search_p50, 10.0);
  stage_figure ("search-p95", stage, first, stage->search_p95,
                first->search_p95, 10.0);
  stage_figure ("search-count-p95", stage, first, stage->count_p95,
                first->count_p95, 10.0);
  stage_figure ("search-list-p50", stage, first, stage->list_p50,
                first->list_p50, 10.0);
  stage_figure ("search-list-p95", stage, first, stage->list_p95,
                first->list_p95, 10.0);
  stage_figure ("search-filtered-p95", stage, first, stage->filtered_p95,
                first->filtered_p95, 10.0);
  stage_figure ("search-filtered-count-p95", stage, first,
                stage->filtered_count_p95, first->filtered_count_p95, 10.0);
  /* A save against the floor's save of the same rows. */
  if (stage == first)
    {
      g_autofree char *sized =
          g_strdup_printf ("save-p50-%uk", stage->n_cases / 1000);

      print_figure (stage->name, sized, stage->save_p50, "ms",
                    stage->save_p50 / floor_save_p50, 1.5);
    }
  else
    stage_figure ("save-p50", stage, first, stage->save_p50, first->save_p50,
                  1.0);
}

/* The state that the fewest cases are in, of those that some are in. */
static char *
dup_rarest_status (LsStore *store)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (LS_TYPE_CASE_STATUS);
  const char *rarest = NULL;
  gint64 fewest = G_MAXINT64;

  for (guint i = 0; i < klass->n_values; i++)
    {
      g_autoptr (GError) error = NULL;
      LsStoreQuery query = { .status = klass->values[i].value_nick };
      gint64 n = ls_store_count_cases (store, &query, &error);

      g_assert_no_error (error);
      if (n > 0 && n < fewest)
        {
          fewest = n;
          rarest = klass->values[i].value_nick;
        }
    }
  g_assert_nonnull (rarest);
  return g_strdup (rarest);
}

/* Searches with a filter that few cases pass, such as a state, with the
 * same words as the others (a common word among them): the newest
 * matches that pass it as the list reads them, with the order's values,
 * and their count. */
static void
measure_filtered (LsStore *store, Stage *stage)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) count_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *status = dup_rarest_status (store);
  GRand *rand = g_rand_new_with_seed (11);

  for (guint i = 0; i < FILTERED_QUERIES; i++)
    {
      g_autofree char *text = ls_bench_make_query (rand, i, stage->n_cases);
      g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GArray) ids = NULL;
      LsStoreQuery query = { .status = status, .search = text };
      gint64 t;

      t = g_get_monotonic_time ();
      ids = ls_store_search_ids (store, &query, LS_CASE_LIST_SEARCH_LIMIT + 1,
                                 keys, &error);
      ls_bench_add (search_ms, (g_get_monotonic_time () - t) / 1000.0);
      g_assert_no_error (error);

      t = g_get_monotonic_time ();
      g_assert_cmpint (ls_store_count_cases (store, &query, &error), >=, 0);
      ls_bench_add (count_ms, (g_get_monotonic_time () - t) / 1000.0);
      g_assert_no_error (error);
    }
  stage->filtered_p95 = ls_bench_percentile (search_ms, 0.95);
  stage->filtered_count_p95 = ls_bench_percentile (count_ms, 0.95);
  g_print ("%s: filtered searches at %u cases with state %s\n", stage->name,
           stage->n_cases, status);
  g_rand_free (rand);
}

/* Opens the database again, as the app does at its start, and times what
 * a manager does with it: a page of the list, searches with their counts. */
static void
measure_stage (const char *path,
               guint n_stored,
               GRand *query_rand,
               Stage *stage)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) count_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) list_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 t;

  t = g_get_monotonic_time ();
  store = ls_store_open (path, &error);
  stage->open_ms = (g_get_monotonic_time () - t) / 1000.0;
  g_assert_no_error (error);
  g_assert_cmpint (ls_store_count_cases (store, NULL, &error), ==, n_stored);

  for (guint i = 0; i < QUERIES; i++)
    {
      g_autofree char *text =
          ls_bench_make_query (query_rand, i, stage->n_cases);
      g_autoptr (GPtrArray) found = NULL;
      LsStoreQuery query = { 0 };

      /* The newest 50 matches, as the list reads them: their ids, then
       * their summaries. */
      t = g_get_monotonic_time ();
      found = ls_core_test_search (store, text, 50, &error);
      ls_bench_add (search_ms, (g_get_monotonic_time () - t) / 1000.0);
      g_assert_no_error (error);

      query.search = text;
      t = g_get_monotonic_time ();
      g_assert_cmpint (ls_store_count_cases (store, &query, &error), >=, 0);
      ls_bench_add (count_ms, (g_get_monotonic_time () - t) / 1000.0);

      /* A search as the list runs it, in a list none before it shares a
       * case with (a keystroke that narrows one reads fewer summaries):
       * the newest matches, one more than it shows to know that there
       * are more, sorted, and the rows it shows first. */
      {
        g_autoptr (LsCaseList) list = ls_case_list_new (store);

        t = g_get_monotonic_time ();
        ls_case_list_set_search (list, text);
        ls_bench_add (list_ms, (g_get_monotonic_time () - t) / 1000.0);
      }
    }
  stage->search_p50 = ls_bench_percentile (search_ms, 0.5);
  stage->search_p95 = ls_bench_percentile (search_ms, 0.95);
  stage->count_p95 = ls_bench_percentile (count_ms, 0.95);
  stage->list_p50 = ls_bench_percentile (list_ms, 0.5);
  stage->list_p95 = ls_bench_percentile (list_ms, 0.95);
  measure_filtered (store, stage);

  /* A page in the middle of the list, as scrolling reads it: after the
   * last row of the page before (the list's keyset paging), and as a jump
   * there reads it, by its offset. */
  {
    g_autoptr (GPtrArray) before = NULL;
    g_autoptr (GPtrArray) page = NULL;
    g_autoptr (GPtrArray) jump = NULL;
    LsStoreQuery query = { .order = LS_STORE_ORDER_DEADLINE };

    before = ls_store_list_cases (store, &query, n_stored / 2 - 1, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (before->len, ==, 1);
    t = g_get_monotonic_time ();
    page = ls_store_list_cases_after (store, &query, before->pdata[0], 0, 200,
                                      &error);
    stage->page_ms = (g_get_monotonic_time () - t) / 1000.0;
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 200);

    t = g_get_monotonic_time ();
    jump = ls_store_list_cases (store, &query, n_stored / 2, 200, &error);
    stage->jump_ms = (g_get_monotonic_time () - t) / 1000.0;
    g_assert_no_error (error);
    g_assert_cmpuint (jump->len, ==, 200);
    for (guint i = 0; i < page->len; i++)
      g_assert_true (ls_case_summary_equal (page->pdata[i], jump->pdata[i]));
  }
}

/* ---- The backends --------------------------------------------------------
 */

typedef struct
{
  const char *name; /* the figures' prefix */
  double bulk_target;
  char *store_location;
  char *floor_location;
  char *store_db; /* on the server: to drop */
  char *floor_db;
  SqliteFloor *sqlite;
  PgFloor *pg;
} Backend;

static void
backend_open_floor (Backend *backend, LsOrganisation *organisation)
{
  if (backend->store_db != NULL)
    backend->pg = pg_floor_open (backend->floor_location, organisation);
  else
    backend->sqlite = sqlite_floor_open (backend->floor_location, organisation);
}

/* The floor's rows of @n cases, in one transaction. */
static void
backend_floor_write (Backend *backend, FloorRow *rows, guint n, const char *now)
{
  if (backend->pg != NULL)
    {
      pg_floor_begin (backend->pg);
      for (guint i = 0; i < n; i++)
        pg_floor_insert (backend->pg, &rows[i], now);
      pg_floor_commit (backend->pg);
      return;
    }
  sqlite_exec (backend->sqlite->begin);
  for (guint i = 0; i < n; i++)
    sqlite_floor_insert (backend->sqlite, &rows[i], now);
  sqlite_floor_index (backend->sqlite, rows, n);
  sqlite_exec (backend->sqlite->commit);
}

static void
backend_clear (Backend *backend)
{
  g_clear_pointer (&backend->sqlite, sqlite_floor_close);
  g_clear_pointer (&backend->pg, pg_floor_close);
  if (backend->store_db != NULL)
    {
      ls_core_test_pg_drop_database (backend->store_db);
      ls_core_test_pg_drop_database (backend->floor_db);
    }
  g_free (backend->store_location);
  g_free (backend->floor_location);
  g_free (backend->store_db);
  g_free (backend->floor_db);
}

/* ---- One backend's run ----------------------------------------------------
 */

/* The number of cases after the bulk inserts of a stage of @n_cases,
 * from @n_stored. */
static guint
bulk_target (guint n_stored, guint n_cases)
{
  return n_stored + (n_cases - n_stored) / BATCH * BATCH;
}

static void
run_backend (Backend *backend, const guint *sizes, guint n_sizes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GArray) store_save_ms =
      g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_save_ms =
      g_array_new (FALSE, FALSE, sizeof (double));
  Stage stages[3] = { 0 };
  g_autofree char *large_location = NULL;
  const char *location = backend->store_location;
  GRand *rand = g_rand_new_with_seed (20260301);
  GRand *query_rand = g_rand_new_with_seed (7);
  guint64 serial = 0;
  guint n_stored = 0;
  guint n_bulk = 0;
  gint64 store_us = 0;
  gint64 floor_us = 0;
  gint64 store_user = 0, store_sys = 0, floor_user = 0, floor_sys = 0;
  gint64 u0, s0, u1, s1;
  gint64 t;
  double store_rate;
  double floor_rate;
  double save_p50;
  const char *now = "2026-03-01T12:00:00Z";

  store = ls_store_open (backend->store_location, &error);
  g_assert_no_error (error);
  g_assert_true (ls_store_save_organisation (store, organisation, &error));
  backend_open_floor (backend, organisation);

  for (guint k = 0; k < n_sizes; k++)
    {
      Stage *stage = &stages[k];

      stage->name = backend->name;
      stage->n_cases = sizes[k];
      /* A million cases from the database kept between runs: imported
       * here, with the floor's, they would take hours and twice the
       * space. */
      if (sizes[k] > LARGE_FROM)
        {
          guint n_large = bulk_target (n_stored, sizes[k]);

          g_clear_object (&store);
          g_free (large_location);
          if (backend->sqlite != NULL)
            {
              GStatBuf buf;

              large_location =
                  g_strdup_printf ("%s/bench/store-%u-v%d.db", LS_TEST_BUILDDIR,
                                   n_large, LS_STORE_SCHEMA_VERSION);
              n_stored =
                  ls_bench_ensure_large_database (large_location, n_large);
              g_assert_cmpint (g_stat (large_location, &buf), ==, 0);
              g_print ("%s: %u cases from %s (%.2f GB; kept between runs, "
                       "each saving %u of them again)\n",
                       backend->name, n_stored, large_location,
                       buf.st_size / 1e9, SINGLE_SAVES);
            }
          else
            {
              g_autofree char *name = g_strdup_printf (
                  "lexsarah_bench_store_%u_v%d", n_large, LS_PG_SCHEMA_VERSION);

              /* The smaller sizes' databases are done with: the server
               * holds the kept one alone (some 9 GB). */
              g_clear_pointer (&backend->pg, pg_floor_close);
              ls_core_test_pg_drop_database (backend->store_db);
              ls_core_test_pg_drop_database (backend->floor_db);
              large_location =
                  ls_bench_ensure_large_pg_database (name, n_large, &n_stored);
              g_print ("%s: %u cases in the database %s of the server (kept "
                       "between runs on the same server, each saving %u of "
                       "them again)\n",
                       backend->name, n_stored, name, SINGLE_SAVES);
            }
          location = large_location;
          serial = MAX (serial, n_stored);
          store = ls_store_open (location, &error);
          g_assert_no_error (error);
        }
      /* Bulk: an import of BATCH cases is one transaction in the store;
       * the floor writes the same rows in transactions of the same size. */
      while (n_stored + BATCH <= sizes[k])
        {
          g_autoptr (GPtrArray) batch =
              g_ptr_array_new_with_free_func (g_object_unref);
          g_autoptr (JsonNode) document = NULL;
          g_autoptr (GArray) rows =
              g_array_sized_new (FALSE, TRUE, sizeof (FloorRow), BATCH);

          g_array_set_clear_func (rows, (GDestroyNotify) floor_row_clear);
          for (guint i = 0; i < BATCH; i++)
            {
              FloorRow row = { 0 };
              LsCase *lcase = ls_bench_generate_case (rand, ++serial);

              g_ptr_array_add (batch, lcase);
              floor_row_init (&row, lcase, organisation);
              g_array_append_val (rows, row);
            }
          document = ls_bench_make_document (batch, organisation);

          cpu_times (&u0, &s0);
          t = g_get_monotonic_time ();
          g_assert_true (ls_store_import_document (store, document, "Bench",
                                                   NULL, &error));
          store_us += g_get_monotonic_time () - t;
          cpu_times (&u1, &s1);
          store_user += u1 - u0;
          store_sys += s1 - s0;
          g_assert_no_error (error);

          cpu_times (&u0, &s0);
          t = g_get_monotonic_time ();
          backend_floor_write (backend, &g_array_index (rows, FloorRow, 0),
                               BATCH, now);
          floor_us += g_get_monotonic_time () - t;
          cpu_times (&u1, &s1);
          floor_user += u1 - u0;
          floor_sys += s1 - s0;
          n_stored += BATCH;
          n_bulk += BATCH;
        }

      /* One user action, one transaction, one fsync. */
      g_array_set_size (store_save_ms, 0);
      for (guint i = 0; i < SINGLE_SAVES; i++)
        {
          g_autoptr (LsCase) lcase = ls_bench_generate_case (rand, ++serial);
          FloorRow row = { 0 };

          floor_row_init (&row, lcase, organisation);
          /* The database kept between runs does not grow with them, so
           * that the figures of one run compare with another's: its
           * saves are of cases it holds, spread over it, their
           * description rewritten with the reason a case reported or
           * concluded asks for. */
          if (location != backend->store_location)
            {
              g_autoptr (LsCase) stored = NULL;

              /* A concluded investigation would have to be reopened. */
              for (guint next = 0;
                   stored == NULL ||
                   ls_investigation_get_concluded_on (
                       ls_case_get_investigation (stored)) != NULL;
                   next++)
                {
                  g_autofree char *uuid = g_strdup_printf (
                      "50000000-0000-4000-8000-%012u",
                      1 + i * (n_stored / SINGLE_SAVES) + next);

                  g_clear_object (&stored);
                  stored = ls_store_load_case (store, uuid, &error);
                  g_assert_no_error (error);
                }
              ls_report_set_description (
                  ls_case_get_report (stored),
                  ls_report_get_description (ls_case_get_report (lcase)));
              g_set_object (&lcase, stored);
            }
          t = g_get_monotonic_time ();
          g_assert_true (ls_store_save_case_why (
              store, lcase, "Bench",
              location != backend->store_location ? "Rättelse" : NULL, &error));
          ls_bench_add (store_save_ms, (g_get_monotonic_time () - t) / 1000.0);

          /* The floor's database stays at the size before. */
          if (location == backend->store_location)
            {
              t = g_get_monotonic_time ();
              backend_floor_write (backend, &row, 1, now);
              ls_bench_add (floor_save_ms,
                            (g_get_monotonic_time () - t) / 1000.0);
            }
          floor_row_clear (&row);
        }
      if (location == backend->store_location)
        n_stored += SINGLE_SAVES;
      stage->save_p50 = ls_bench_percentile (store_save_ms, 0.5);

      g_clear_object (&store);
      measure_stage (location, n_stored, query_rand, stage);
      store = ls_store_open (location, &error);
      g_assert_no_error (error);
    }
  g_clear_pointer (&backend->sqlite, sqlite_floor_close);
  g_clear_pointer (&backend->pg, pg_floor_close);
  g_clear_object (&store);

  store_rate = n_bulk / (store_us / 1e6);
  floor_rate = n_bulk / (floor_us / 1e6);
  save_p50 = ls_bench_percentile (floor_save_ms, 0.5);
  g_print ("%s: up to %u cases (LS_BENCH_CASES; 1,000,000 with "
           "LEXSARAH_BENCH_HUGE=1), bulk inserts %u per transaction\n",
           backend->name, stages[n_sizes - 1].n_cases, BATCH);
  g_print ("%s: bulk inserts: store %.0f cases/s, floor %.0f cases/s; CPU "
           "time: store %.1f s user %.1f s system, floor %.1f s user %.1f s "
           "system; wall: store %.1f s, floor %.1f s; floor's save p50 "
           "%.2f ms\n",
           backend->name, store_rate, floor_rate, store_user / 1e6,
           store_sys / 1e6, floor_user / 1e6, floor_sys / 1e6, store_us / 1e6,
           floor_us / 1e6, save_p50);
  print_figure (backend->name, "bulk-insert", store_rate, "cases/s",
                floor_rate / store_rate, backend->bulk_target);
  /* A search within 10 ms at the 95th percentile, at the largest size. */
  print_figure (backend->name, "search-p95", stages[n_sizes - 1].search_p95,
                "ms", stages[n_sizes - 1].search_p95 / 10.0, 1.0);
  for (guint k = 0; k < n_sizes; k++)
    print_stage (&stages[k], &stages[0], save_p50);

  g_rand_free (rand);
  g_rand_free (query_rand);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = ls_core_test_make_tmpdir ("bench");
  const char *env = g_getenv ("LS_BENCH_CASES");
  const char *only = NULL;
  guint sizes[3] = { 10000, 100000, 1000000 };
  guint n_sizes =
      g_strcmp0 (g_getenv ("LEXSARAH_BENCH_HUGE"), "1") == 0 ? 3 : 2;
  gboolean ran = FALSE;

  if (argc == 3 && g_str_equal (argv[1], "--backend"))
    only = argv[2];
  else if (argc != 1)
    {
      g_printerr ("Usage: %s [--backend sqlite|postgresql]\n", argv[0]);
      return 2;
    }

  /* A smaller run when asked: only the sizes up to LS_BENCH_CASES. */
  if (env != NULL)
    {
      guint most = MAX ((guint) g_ascii_strtoull (env, NULL, 10), BATCH);

      while (n_sizes > 1 && sizes[n_sizes - 1] > most)
        n_sizes--;
      if (sizes[0] > most)
        sizes[0] = most / BATCH * BATCH;
    }

  if (only == NULL || g_str_equal (only, "sqlite"))
    {
      Backend sqlite = { "sqlite", 1.2 };

      sqlite.store_location = g_build_filename (dir, "store.db", NULL);
      sqlite.floor_location = g_build_filename (dir, "floor.db", NULL);
      run_backend (&sqlite, sizes, n_sizes);
      backend_clear (&sqlite);
      ran = TRUE;
    }
  if (only == NULL || g_str_equal (only, "postgresql"))
    {
      /* The store and the floor each in a database of their own on the
       * server of the tests. */
      if (ls_core_test_pg_server () == NULL)
        g_print ("postgresql: no server (LEXSARAH_TEST_PG): skipped\n");
      else
        {
          Backend pg = { "postgresql", 1.5 };

          pg.store_location = ls_core_test_pg_create_database (&pg.store_db);
          pg.floor_location = ls_core_test_pg_create_database (&pg.floor_db);
          run_backend (&pg, sizes, n_sizes);
          backend_clear (&pg);
          ran = TRUE;
        }
    }

  ls_core_test_remove_tree (dir);
  /* 77: skipped, for meson, when the only backend asked for is not here. */
  return ran ? 0 : 77;
}
