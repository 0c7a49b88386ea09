/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "../core/ls-bench-statistics-cases.h"
#include "ls-bench.h"
#include "ls-core-test.h"
#include "ls-statistics-view.h"
#include "ls-test-utils.h"

/* The time from opening the statistics window on 100,000 cases until its
 * charts are drawn: the store counts off the main loop, the window shows
 * a spinner meanwhile, and the longest the main loop went without a
 * frame. */

typedef struct
{
  LsStatisticsView *view;
  gboolean drawn;
  gint64 last_tick;
  gint64 longest_gap;
} Watch;

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  Watch *watch = data;
  gint64 now = g_get_monotonic_time ();

  if (watch->last_tick != 0)
    watch->longest_gap = MAX (watch->longest_gap, now - watch->last_tick);
  watch->last_tick = now;
  if (ls_statistics_view_get_statistics (watch->view) != NULL &&
      !ls_statistics_view_get_loading (watch->view) &&
      gtk_widget_get_mapped (GTK_WIDGET (watch->view)))
    watch->drawn = TRUE;
  return G_SOURCE_CONTINUE;
}

static gboolean
drawn (gpointer data)
{
  return ((Watch *) data)->drawn;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsStatisticsQuery) query = NULL;
  g_autoptr (GError) error = NULL;
  guint n_cases;
  Watch watch = { 0 };
  gint64 t;

  ls_test_init_gtk (&argc, &argv);
  n_cases = ls_bench_statistics_cases_count ();
  dir = ls_core_test_make_tmpdir ("bench-statistics-view");
  path = g_build_filename (dir, "cases.db", NULL);
  store = ls_store_open (path, &error);
  g_assert_no_error (error);
  ls_bench_statistics_cases_fill (store, n_cases);
  organisation = ls_store_load_organisation (store, &error);
  g_assert_no_error (error);
  query = ls_statistics_query_new ("2016-01-01", "2025-12-31", &error);
  g_assert_no_error (error);

  t = g_get_monotonic_time ();
  watch.view = ls_statistics_view_new (store, organisation);
  gtk_window_set_default_size (GTK_WINDOW (watch.view), 900, 720);
  ls_statistics_view_set_query (watch.view, query);
  gtk_widget_add_tick_callback (GTK_WIDGET (watch.view), tick_cb, &watch, NULL);
  gtk_window_present (GTK_WINDOW (watch.view));
  ls_test_wait_until_for (600, drawn, &watch);
  ls_test_wait_for_frames (GTK_WIDGET (watch.view), 1);
  {
    g_autofree char *drawn_name =
        g_strdup_printf ("statistics-view-%uk", n_cases / 1000);
    g_autofree char *stall_name =
        g_strdup_printf ("statistics-view-%uk-longest-stall", n_cases / 1000);

    ls_bench_figure (drawn_name, (g_get_monotonic_time () - t) / 1000.0, "ms");
    ls_bench_figure (stall_name, watch.longest_gap / 1000.0, "ms");
  }

  gtk_window_destroy (GTK_WINDOW (watch.view));
  ls_test_drain_events ();
  g_clear_object (&store);
  ls_core_test_remove_tree (dir);
  return 0;
}
