/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sys/resource.h>

#include "ls-bench-cases.h"
#include "ls-bench.h"
#include "ls-core-test.h"
#include "ls-enum-types.h"
#include "ls-model.h"
#include "ls-requirement.h"
#include "ls-rules.h"
#include "ls-store.h"

/* The store against a floor of bare sqlite3 calls writing the same rows
 * (case, search index, documented items, history, attention) into the
 * same schema in transactions of the same size, and how its costs grow:
 * at 10,000 and 100,000 cases (and 1,000,000 with LEXSARAH_BENCH_HUGE=1)
 * the time to open the database, a page of the list, a search at the 50th
 * and 95th percentiles with its count, and a save.  LS_BENCH_CASES makes
 * the run smaller.
 *
 * Targets: the store's bulk inserts within 1.2 times the floor's time, a
 * search under 10 ms at the 95th percentile, and every cost growing no
 * faster than the logarithm of the number of cases. */

#define BATCH 1000
#define SINGLE_SAVES 200
#define QUERIES 400

/* ---- The floor ------------------------------------------------------------
 */

/* The rows the store writes for a case, computed before the clock starts:
 * the floor pays for SQLite only. */
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
  GPtrArray *journal;   /* JournalRow */
  GPtrArray *attention; /* "step\tdue" */
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
  g_clear_pointer (&row->journal, g_ptr_array_unref);
  g_clear_pointer (&row->attention, g_ptr_array_unref);
}

static char *
nick (GType type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);

  return g_strdup (g_enum_get_value (klass, value)->value_nick);
}

static char *
object_text (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static void
floor_row_init (FloorRow *row, LsCase *lcase, LsOrganisation *organisation)
{
  g_autoptr (JsonObject) json = ls_case_to_json (lcase);
  JsonObject *inv = json_object_get_object_member (json, "investigation");
  g_autoptr (JsonArray) journal =
      json_array_ref (json_object_get_array_member (inv, "journal"));
  g_autoptr (GListStore) requirements = ls_rules_check (lcase, organisation);
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
  ls_model_collect_text (G_OBJECT (lcase), text);
  row->search_text = g_string_free (text, FALSE);

  row->journal =
      g_ptr_array_new_with_free_func ((GDestroyNotify) journal_row_free);
  for (guint i = 0; i < json_array_get_length (journal); i++)
    {
      JsonObject *item = json_array_get_object_element (journal, i);
      JournalRow *jr = g_new0 (JournalRow, 1);

      jr->uuid = g_strdup (json_object_get_string_member (item, "uuid"));
      jr->documented_on =
          g_strdup (json_object_get_string_member (item, "documented_on"));
      jr->text = g_strdup (json_object_get_string_member (item, "text"));
      jr->json = object_text (item);
      g_ptr_array_add (row->journal, jr);
    }
  json_object_set_array_member (inv, "journal", json_array_new ());
  row->json = object_text (json);

  /* As the store's attention list: the individual, the notification and
   * its deadline, and follow-ups with a date. */
  row->attention = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (requirements));
       i++)
    {
      g_autoptr (LsRequirement) r =
          g_list_model_get_item (G_LIST_MODEL (requirements), i);
      LsStep step = ls_requirement_get_step (r);

      if (step == LS_STEP_NOTIFICATION || step == LS_STEP_INVESTIGATION_SENT ||
          step == LS_STEP_INDIVIDUAL ||
          (step == LS_STEP_FOLLOW_UP && ls_requirement_get_due (r) != NULL))
        {
          g_autofree char *step_nick = nick (LS_TYPE_STEP, step);

          g_ptr_array_add (row->attention,
                           g_strdup_printf ("%s\t%s", step_nick,
                                            ls_requirement_get_due (r)
                                                ? ls_requirement_get_due (r)
                                                : ""));
        }
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
} Floor;

static void
floor_exec (sqlite3_stmt *stmt)
{
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static void
bind (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

static void
floor_insert (Floor *floor, FloorRow *row, const char *now)
{
  sqlite3_stmt *s = floor->insert;
  gint64 case_id;

  bind (s, 1, row->uuid);
  bind (s, 2, row->regno);
  bind (s, 3, row->status);
  bind (s, 4, row->unit);
  bind (s, 5, row->kind);
  bind (s, 6, row->title);
  bind (s, 7, row->received_at);
  bind (s, 8, now);
  bind (s, 9, row->json);
  bind (s, 10, row->next_deadline);
  bind (s, 11, row->search_text);
  floor_exec (s);
  case_id = sqlite3_last_insert_rowid (floor->db);

  /* The case's row of the search index, as a trigger wrote it. */
  s = floor->index;
  sqlite3_bind_int64 (s, 1, case_id);
  bind (s, 2, row->regno != NULL ? row->regno : "");
  bind (s, 3, row->search_text);
  floor_exec (s);

  s = floor->history;
  sqlite3_bind_int64 (s, 1, case_id);
  bind (s, 2, now);
  bind (s, 3, "case");
  bind (s, 4, row->regno);
  floor_exec (s);

  for (guint i = 0; i < row->journal->len; i++)
    {
      JournalRow *jr = row->journal->pdata[i];

      s = floor->journal;
      bind (s, 1, jr->uuid);
      sqlite3_bind_int64 (s, 2, case_id);
      bind (s, 3, jr->documented_on);
      bind (s, 4, jr->text);
      bind (s, 5, jr->json);
      floor_exec (s);
      s = floor->history;
      sqlite3_bind_int64 (s, 1, case_id);
      bind (s, 2, now);
      bind (s, 3, "investigation.journal");
      bind (s, 4, jr->uuid);
      floor_exec (s);
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
      floor_exec (s);
    }
}

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  return stmt;
}

static Floor *
floor_open (const char *path, LsOrganisation *organisation)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) schema = ls_store_open (path, &error);
  Floor *floor = g_new0 (Floor, 1);

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
  floor->begin = prepare (floor->db, "BEGIN IMMEDIATE");
  floor->commit = prepare (floor->db, "COMMIT");
  floor->insert = prepare (
      floor->db, "INSERT INTO cases (uuid, regno, status, unit, kind, title, "
                 "received_at, updated_at, json, next_deadline, search_text) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  floor->index = prepare (floor->db, "INSERT INTO case_fts (rowid, regno, "
                                     "body, journal) VALUES (?, ?, ?, '')");
  floor->history =
      prepare (floor->db, "INSERT INTO history (case_id, at, field, old, "
                          "new, who) VALUES (?, ?, ?, NULL, ?, 'Bench')");
  floor->journal = prepare (floor->db, "INSERT INTO journal (uuid, case_id, "
                                       "documented_at, text, json) VALUES "
                                       "(?, ?, ?, ?, ?)");
  floor->attention = prepare (
      floor->db, "INSERT INTO attention (case_id, step, due) VALUES (?, ?, ?)");
  return floor;
}

static void
floor_close (Floor *floor)
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
  guint n_cases;
  double open_ms;
  double page_ms;
  double search_p50;
  double search_p95;
  double count_p95;
  double save_p50;
} Stage;

/* The figure at @stage's size, against the smallest size's: it should
 * grow no faster than the logarithm of the number of cases. */
static void
stage_figure (const char *what,
              const Stage *stage,
              const Stage *first,
              double value,
              double first_value)
{
  g_autofree char *name =
      g_strdup_printf ("%s-%uk", what, stage->n_cases / 1000);

  if (stage == first)
    ls_bench_figure (name, value, "ms");
  else
    ls_bench_figure_ratio (name, value, "ms", value / first_value,
                           log (stage->n_cases) / log (first->n_cases));
}

static void
print_stage (const Stage *stage, const Stage *first)
{
  stage_figure ("open", stage, first, stage->open_ms, first->open_ms);
  stage_figure ("page", stage, first, stage->page_ms, first->page_ms);
  stage_figure ("search-p50", stage, first, stage->search_p50,
                first->search_p50);
  stage_figure ("search-p95", stage, first, stage->search_p95,
                first->search_p95);
  stage_figure ("search-count-p95", stage, first, stage->count_p95,
                first->count_p95);
  stage_figure ("save-p50", stage, first, stage->save_p50, first->save_p50);
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

      t = g_get_monotonic_time ();
      found = ls_store_search (store, text, 50, &error);
      ls_bench_add (search_ms, (g_get_monotonic_time () - t) / 1000.0);
      g_assert_no_error (error);

      query.search = text;
      t = g_get_monotonic_time ();
      g_assert_cmpint (ls_store_count_cases (store, &query, &error), >=, 0);
      ls_bench_add (count_ms, (g_get_monotonic_time () - t) / 1000.0);
    }
  stage->search_p50 = ls_bench_percentile (search_ms, 0.5);
  stage->search_p95 = ls_bench_percentile (search_ms, 0.95);
  stage->count_p95 = ls_bench_percentile (count_ms, 0.95);

  {
    g_autoptr (GPtrArray) page = NULL;
    LsStoreQuery query = { .order = LS_STORE_ORDER_DEADLINE };

    t = g_get_monotonic_time ();
    page = ls_store_list_cases (store, &query, n_stored / 2, 200, &error);
    stage->page_ms = (g_get_monotonic_time () - t) / 1000.0;
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 200);
  }
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = ls_core_test_make_tmpdir ("bench");
  g_autofree char *store_path = g_build_filename (dir, "store.db", NULL);
  g_autofree char *floor_path = g_build_filename (dir, "floor.db", NULL);
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GArray) store_save_ms =
      g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_save_ms =
      g_array_new (FALSE, FALSE, sizeof (double));
  const char *env = g_getenv ("LS_BENCH_CASES");
  guint sizes[3] = { 10000, 100000, 1000000 };
  guint n_sizes =
      g_strcmp0 (g_getenv ("LEXSARAH_BENCH_HUGE"), "1") == 0 ? 3 : 2;
  Stage stages[3] = { 0 };
  GRand *rand = g_rand_new_with_seed (20260301);
  GRand *query_rand = g_rand_new_with_seed (7);
  guint64 serial = 0;
  guint n_stored = 0;
  guint n_bulk = 0;
  Floor *floor;
  gint64 store_us = 0;
  gint64 floor_us = 0;
  gint64 store_user = 0, store_sys = 0, floor_user = 0, floor_sys = 0;
  gint64 u0, s0, u1, s1;
  gint64 t;
  double store_rate;
  double floor_rate;
  const char *now = "2026-03-01T12:00:00Z";

  /* A smaller run when asked: only the sizes up to LS_BENCH_CASES. */
  if (env != NULL)
    {
      guint most = MAX ((guint) g_ascii_strtoull (env, NULL, 10), BATCH);

      while (n_sizes > 1 && sizes[n_sizes - 1] > most)
        n_sizes--;
      if (sizes[0] > most)
        sizes[0] = most / BATCH * BATCH;
    }

  store = ls_store_open (store_path, &error);
  g_assert_no_error (error);
  g_assert_true (ls_store_save_organisation (store, organisation, &error));
  floor = floor_open (floor_path, organisation);

  for (guint k = 0; k < n_sizes; k++)
    {
      Stage *stage = &stages[k];

      stage->n_cases = sizes[k];
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
          document = ls_bench_make_document (batch);

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
          floor_exec (floor->begin);
          for (guint i = 0; i < BATCH; i++)
            floor_insert (floor, &g_array_index (rows, FloorRow, i), now);
          floor_exec (floor->commit);
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
          t = g_get_monotonic_time ();
          g_assert_true (ls_store_save_case (store, lcase, "Bench", &error));
          ls_bench_add (store_save_ms, (g_get_monotonic_time () - t) / 1000.0);

          t = g_get_monotonic_time ();
          floor_exec (floor->begin);
          floor_insert (floor, &row, now);
          floor_exec (floor->commit);
          ls_bench_add (floor_save_ms, (g_get_monotonic_time () - t) / 1000.0);
          floor_row_clear (&row);
        }
      n_stored += SINGLE_SAVES;
      stage->save_p50 = ls_bench_percentile (store_save_ms, 0.5);

      g_clear_object (&store);
      measure_stage (store_path, n_stored, query_rand, stage);
      store = ls_store_open (store_path, &error);
      g_assert_no_error (error);
    }
  floor_close (floor);
  g_clear_object (&store);

  store_rate = n_bulk / (store_us / 1e6);
  floor_rate = n_bulk / (floor_us / 1e6);
  g_print ("cases: up to %u (LS_BENCH_CASES; 1,000,000 with "
           "LEXSARAH_BENCH_HUGE=1), bulk inserts %u per transaction\n",
           stages[n_sizes - 1].n_cases, BATCH);
  g_print ("CPU time of the bulk inserts: store %.1f s user %.1f s system, "
           "floor %.1f s user %.1f s system; wall: store %.1f s, floor "
           "%.1f s\n",
           store_user / 1e6, store_sys / 1e6, floor_user / 1e6, floor_sys / 1e6,
           store_us / 1e6, floor_us / 1e6);
  ls_bench_figure_ratio ("bulk-insert", store_rate, "cases/s",
                         floor_rate / store_rate, 1.2);
  ls_bench_figure ("bulk-insert-floor", floor_rate, "cases/s");
  ls_bench_figure ("save-floor-p50", ls_bench_percentile (floor_save_ms, 0.5),
                   "ms");
  /* A search within 10 ms at the 95th percentile, at the largest size. */
  ls_bench_figure_ratio ("search-p95", stages[n_sizes - 1].search_p95, "ms",
                         stages[n_sizes - 1].search_p95 / 10.0, 1.0);
  for (guint k = 0; k < n_sizes; k++)
    print_stage (&stages[k], &stages[0]);

  ls_core_test_remove_tree (dir);
  g_rand_free (rand);
  g_rand_free (query_rand);
  return 0;
}
