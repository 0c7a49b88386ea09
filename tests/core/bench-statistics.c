/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "ls-bench-statistics-cases.h"
#include "ls-bench.h"
#include "ls-core-test.h"
#include "ls-store-statistics.h"

/* The statistics of every case against a floor: the same counts made by
 * bare SQL GROUP BY queries on a connection of its own, in the same run,
 * on the same file.  The ratio is what the store's statistics cost over
 * what SQLite itself needs.  Prints
 *   figure statistics-100k VALUE ms, ratio R (target T)
 */

#define RUNS 5
#define TARGET 1.5

static const char *const floor_sql[] = {
  "SELECT json_extract (json, '$.report.category'), count (*) FROM cases "
  "WHERE status <> 'draft' AND received_at >= ?1 AND received_at < ?2 "
  "GROUP BY 1",
  "SELECT substr (received_at, 1, 7), kind, count (*) FROM cases "
  "WHERE status <> 'draft' AND received_at >= ?1 AND received_at < ?2 "
  "GROUP BY 1, 2",
  "SELECT unit, count (*) FROM cases "
  "WHERE status <> 'draft' AND received_at >= ?1 AND received_at < ?2 "
  "GROUP BY 1",
  "SELECT json_extract (json, '$.report.reporter_category'), count (*) "
  "FROM cases WHERE status <> 'draft' AND received_at >= ?1 "
  "AND received_at < ?2 GROUP BY 1",
  "SELECT julianday (json_extract (json, '$.investigation.concluded_on')) "
  "- julianday (substr (received_at, 1, 10)) FROM cases "
  "WHERE status <> 'draft' AND received_at >= ?1 AND received_at < ?2 "
  "AND json_extract (json, '$.investigation.concluded_on') IS NOT NULL",
  "SELECT json_extract (json, '$.notification.investigation_sent_on') "
  "IS NULL, count (*) FROM cases WHERE status <> 'draft' "
  "AND received_at >= ?1 AND received_at < ?2 "
  "AND json_extract (json, '$.notification.submitted_on') IS NOT NULL "
  "GROUP BY 1",
  "SELECT json_extract (c.value, '$.category'), count (*), "
  "count (DISTINCT cases.id) FROM cases, "
  "json_each (cases.json, '$.investigation.causes') AS c "
  "WHERE status <> 'draft' AND received_at >= ?1 AND received_at < ?2 "
  "GROUP BY 1",
  "SELECT json_extract (a.value, '$.status'), "
  "json_extract (a.value, '$.outcome'), count (*) FROM cases, "
  "json_each (cases.json, '$.investigation.preventive_actions') AS a "
  "WHERE status <> 'draft' AND received_at >= ?1 AND received_at < ?2 "
  "GROUP BY 1, 2",
  "SELECT json_extract (a.value, '$.status'), "
  "json_extract (a.value, '$.outcome'), count (*) FROM cases, "
  "json_each (cases.json, '$.investigation.remedial_actions') AS a "
  "WHERE status <> 'draft' AND received_at >= ?1 AND received_at < ?2 "
  "GROUP BY 1, 2",
};

static double
run_floor (sqlite3 *db)
{
  gint64 t = g_get_monotonic_time ();
  gint64 rows = 0;

  for (guint i = 0; i < G_N_ELEMENTS (floor_sql); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, floor_sql[i], -1, &stmt, NULL),
                       ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, "2000-01-01", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, "2100-01-01", -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        rows++;
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (rows, >, 0);
  return (g_get_monotonic_time () - t) / 1000.0;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = ls_core_test_make_tmpdir ("bench-statistics");
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr (LsStatisticsQuery) query = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (GError) error = NULL;
  guint n_cases = ls_bench_statistics_cases_count ();
  double store_ms[RUNS], floor_ms[RUNS];
  double store_median, floor_median, ratio;
  sqlite3 *db;
  gint64 t;

  store = ls_store_open (path, &error);
  g_assert_no_error (error);
  t = g_get_monotonic_time ();
  ls_bench_statistics_cases_fill (store, n_cases);
  g_print ("cases: %u (LS_BENCH_CASES), made in %.1f s\n", n_cases,
           (g_get_monotonic_time () - t) / 1e6);

  query = ls_statistics_query_new ("2000-01-01", "2099-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  /* Both warm: the first run of each reads the file into the cache. */
  {
    g_autoptr (LsStatistics) warm =
        ls_store_compute_statistics (store, query, NULL);

    run_floor (db);
  }
  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr (LsStatistics) statistics = NULL;

      t = g_get_monotonic_time ();
      statistics = ls_store_compute_statistics (store, query, &error);
      store_ms[i] = (g_get_monotonic_time () - t) / 1000.0;
      g_assert_no_error (error);
      g_assert_cmpuint (ls_statistics_get_n_cases (statistics), ==, n_cases);
      floor_ms[i] = run_floor (db);
    }
  sqlite3_close (db);

  store_median = median (store_ms, RUNS);
  floor_median = median (floor_ms, RUNS);
  ratio = store_median / floor_median;
  g_print ("statistics of %u cases: store %.1f ms, bare GROUP BY floor "
           "%.1f ms (medians of %u runs)\n",
           n_cases, store_median, floor_median, RUNS);
  {
    g_autofree char *name = g_strdup_printf ("statistics-%uk", n_cases / 1000);

    ls_bench_figure_ratio (name, store_median, "ms", ratio, TARGET);
  }

  g_clear_object (&store);
  ls_core_test_remove_tree (dir);
  return 0;
}
