/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "../core/ls-test-secrets.h"
#include "ls-case-view.h"
#include "ls-chart-widget.h"
#include "ls-cli.h"
#include "ls-core-test.h"
#include "ls-follow-ups-view.h"
#include "ls-statistics-view.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"
#include "ls-wizard.h"

/* The statistics window on the statistics fixture and the example: every
 * table as a chart with its table beneath, the digest as it will be
 * exported, and both in the four looks. */

static char *fixture_db;

static gboolean
view_loaded (gpointer data)
{
  return !ls_statistics_view_get_loading (data) &&
         ls_statistics_view_get_statistics (data) != NULL;
}

/* The digest is made once its page is shown. */
static void
show_digest (LsStatisticsView *view)
{
  LsDigestView *digest = ls_statistics_view_get_digest_view (view);

  g_assert_null (ls_digest_view_get_digest (digest));
  ls_statistics_view_show_digest (view, TRUE);
  ls_test_wait_until (view_loaded, view);
  g_assert_nonnull (ls_digest_view_get_digest (digest));
  ls_test_wait_for_frames (GTK_WIDGET (view), 2);
}

static LsStatisticsView *
open_view (LsStore *store, const LsStatisticsQuery *query, int width)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsOrganisation) organisation =
      ls_store_load_organisation (store, &error);
  LsStatisticsView *view;

  g_assert_no_error (error);
  view = ls_statistics_view_new (store, organisation);
  gtk_window_set_default_size (GTK_WINDOW (view), width, 760);
  gtk_window_present (GTK_WINDOW (view));
  ls_test_wait_until (view_loaded, view);
  ls_statistics_view_set_query (view, query);
  ls_test_wait_until (view_loaded, view);
  ls_test_wait_for_frames (GTK_WIDGET (view), 3);
  return view;
}

static LsStore *
open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  LsStore *store = ls_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* The store's context, as the main window gives it to its views. */
static LsContext *
new_context (LsStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsOrganisation) organisation =
      ls_store_load_organisation (store, &error);
  g_autoptr (GSettings) settings = g_settings_new ("com.example.LexSarah");

  g_assert_no_error (error);
  return ls_context_new (store, organisation, settings);
}

static void
test_tables (void)
{
  g_autoptr (LsStore) store = open_store (fixture_db);
  g_autoptr (LsStatisticsQuery) query =
      ls_statistics_query_new_quarter (2026, 1);
  LsStatisticsView *view = open_view (store, query, 900);
  LsStatistics *statistics = ls_statistics_view_get_statistics (view);
  GtkWidget *chart;
  g_autofree char *description = NULL;

  /* The fixture's five reports and the example's two. */
  g_assert_cmpuint (ls_statistics_get_n_cases (statistics), ==, 7);
  for (guint i = 0; i < ls_statistics_get_n_tables (statistics); i++)
    g_assert_true (ls_test_widget_has_text (
        GTK_WIDGET (view), ls_statistics_get_table (statistics, i)->title));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (view), "Poor treatment"));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (view), "Median days"));
  /* The example's register: Kim, Ali and Fatima at Solgården (Lena left
   * in October), Ali, Sara and Erik at Linden; 4, 3 and 7 reports. */
  g_assert_cmpfloat (ls_statistics_get_value (statistics, LS_STATISTICS_RATE,
                                              "all", LS_STATISTICS_RATE_PEOPLE),
                     ==, 5);
  g_assert_cmpfloat (ls_statistics_get_value (statistics, LS_STATISTICS_RATE,
                                              "all", LS_STATISTICS_RATE_PER_10),
                     ==, 14);
  g_assert_true (ls_test_widget_has_text (
      GTK_WIDGET (view), "Reports per 10 people who must report"));
  g_assert_true (
      ls_test_widget_has_text (GTK_WIDGET (view), "People who must report"));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (view), "13,3"));

  /* Each chart tells a screen reader its table. */
  chart = ls_test_find_by_type (GTK_WIDGET (view), LS_TYPE_CHART_WIDGET, 0);
  g_assert_nonnull (chart);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)),
                   ==, GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpint (gtk_widget_get_height (chart), >, 100);
  g_assert_nonnull (
      ls_test_find_by_type (GTK_WIDGET (view), LS_TYPE_CHART_WIDGET,
                            ls_statistics_get_n_tables (statistics) - 1));
  gtk_window_destroy (GTK_WINDOW (view));
  ls_test_drain_events ();
}

static void
collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/* What the digest page shows holds none of the names and numbers planted
 * in every free-text member of the cases. */
static void
test_digest_pseudonymised (void)
{
  g_autofree char *path = ls_test_make_database ("digest-secrets", NULL);
  g_autoptr (LsStore) store = open_store (path);
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GPtrArray) secrets = NULL;
  g_autoptr (GPtrArray) cases =
      ls_test_secrets_make_cases (organisation, &secrets);
  g_autoptr (LsStatisticsQuery) query = ls_statistics_query_new_month (2026, 3);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  LsStatisticsView *view;

  ls_store_save_organisation (store, organisation, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      ls_store_save_case (store, g_ptr_array_index (cases, i), "Test", &error);
      g_assert_no_error (error);
    }
  view = open_view (store, query, 900);
  show_digest (view);
  collect_text (GTK_WIDGET (ls_statistics_view_get_digest_view (view)), text);
  g_assert_nonnull (strstr (text->str, "Lessons learned"));
  g_assert_nonnull (strstr (text->str, "[den enskilde]"));
  ls_test_secrets_assert_none (text->str, secrets);
  gtk_window_destroy (GTK_WINDOW (view));
  ls_test_drain_events ();
}

static void
test_screenshots (void)
{
  g_autoptr (LsStore) store = open_store (fixture_db);
  g_autoptr (LsStatisticsQuery) query =
      ls_statistics_query_new_quarter (2026, 1);

  for (guint i = 0; i < LS_TEST_N_LOOKS; i++)
    {
      const LsTestLook *look = &ls_test_looks[i];
      LsStatisticsView *view;
      g_autofree char *statistics_name =
          g_strconcat ("statistics", look->suffix, NULL);
      g_autofree char *digest_name = g_strconcat ("digest", look->suffix, NULL);

      ls_test_use_dark (look->dark);
      view =
          open_view (store, query, look->narrow ? LS_TEST_NARROW_WIDTH : 900);
      g_free (ls_test_save_screenshot (GTK_WIDGET (view), statistics_name));
      show_digest (view);
      ls_test_wait_for_text (GTK_WIDGET (view), "Lessons learned");
      g_free (ls_test_save_screenshot (GTK_WIDGET (view), digest_name));
      gtk_window_destroy (GTK_WINDOW (view));
      ls_test_drain_events ();
    }
  ls_test_use_dark (FALSE);
}

/* The example's first case is closed while a preventive action's effect is
 * still to be followed up: the case says so. */
static void
test_closed_with_open_follow_up (void)
{
  g_autoptr (LsStore) store = open_store (fixture_db);
  g_autoptr (LsContext) context = new_context (store);
  GtkWidget *window = gtk_window_new ();
  LsCaseView *view = ls_case_view_new (context);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 700);
  gtk_window_present (GTK_WINDOW (window));
  ls_case_view_show_case (view, "108402d6-8410-4307-a298-64786b3633aa");
  ls_test_wait_for_text (GTK_WIDGET (view), "Closed, 1 follow-up open");
  gtk_window_destroy (GTK_WINDOW (window));
  ls_test_drain_events ();
}

static gboolean
follow_ups_loaded (gpointer data)
{
  return !ls_follow_ups_view_get_loading (data);
}

static LsFollowUpsView *
open_follow_ups (LsContext *context, int width)
{
  LsFollowUpsView *view = ls_follow_ups_view_new (context);

  gtk_window_set_default_size (GTK_WINDOW (view), width, 640);
  gtk_window_present (GTK_WINDOW (view));
  /* The day the fixture's figures are counted on. */
  ls_follow_ups_view_set_today (view, "2026-06-15");
  ls_test_wait_until (follow_ups_loaded, view);
  ls_test_wait_for_frames (GTK_WIDGET (view), 2);
  return view;
}

/* The titles of the action rows under @widget, in the order shown. */
static void
collect_row_titles (GtkWidget *widget, GPtrArray *titles)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (
                                 ADW_PREFERENCES_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_row_titles (child, titles);
}

static gboolean
wizard_at_preventive (gpointer data)
{
  GtkWidget *wizard = ls_test_find_toplevel (LS_TYPE_WIZARD);

  return wizard != NULL &&
         g_strcmp0 (ls_wizard_get_page_name (LS_WIZARD (wizard)),
                    "preventive") == 0;
}

/* The follow-ups due across cases, as of 15 June 2026: case 5's, overdue
 * since 1 April; the example's closed case's, due today; case 2's, in
 * 2030; each with its case's number, unit and kind; by unit; and the
 * closed case opened at the step where its follow-up is recorded. */
static void
test_follow_ups_view (void)
{
  g_autoptr (LsStore) store = open_store (fixture_db);
  g_autoptr (LsContext) context = new_context (store);
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();
  const char *const linden[] = { "eed27bfe-1a3f-4647-9f5e-ae39f322ea91", NULL };
  LsFollowUpsView *view = open_follow_ups (context, 720);
  GtkWidget *row;

  g_assert_cmpuint (ls_follow_ups_view_get_n_shown (view), ==, 3);
  collect_row_titles (GTK_WIDGET (view), titles);
  g_assert_cmpuint (titles->len, ==, 3);
  g_assert_cmpstr (titles->pdata[0], ==, "Kvällstest av alla dörrlarm.");
  g_assert_cmpstr (titles->pdata[1], ==,
                   "All nattpersonal utbildas i larmhantering.");
  g_assert_true (g_str_has_prefix (titles->pdata[2], "Bemötande"));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (view), "Overdue"));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (view), "Due Soon"));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (view), "Later"));

  row = ls_test_find_row (GTK_WIDGET (view), "Kvällstest av alla dörrlarm.");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "VON-2026-0105 · Solgårdens vård- och omsorgsboende · "
                   "Preventive action\nOverdue since 2026-04-01 · Case closed");
  row = ls_test_find_row (GTK_WIDGET (view),
                          "All nattpersonal utbildas i larmhantering.");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "VON-2026-0003 · Solgårdens vård- och omsorgsboende · "
                   "Preventive action\nDue today · Case closed");

  /* Linden has none open. */
  ls_follow_ups_view_set_units (view, linden);
  ls_test_wait_until (follow_ups_loaded, view);
  g_assert_cmpuint (ls_follow_ups_view_get_n_shown (view), ==, 0);
  g_assert_true (
      ls_test_widget_has_text (GTK_WIDGET (view), "No Follow-ups Open"));
  ls_follow_ups_view_set_units (view, NULL);
  ls_test_wait_until (follow_ups_loaded, view);
  g_assert_cmpuint (ls_follow_ups_view_get_n_shown (view), ==, 3);

  /* The closed case opens at its preventive actions' follow-up. */
  row = ls_test_find_row (GTK_WIDGET (view),
                          "All nattpersonal utbildas i larmhantering.");
  g_signal_emit_by_name (row, "activated");
  ls_test_wait_until (wizard_at_preventive, NULL);
  g_assert_cmpstr (ls_case_get_regno (ls_wizard_get_case (
                       LS_WIZARD (ls_test_find_toplevel (LS_TYPE_WIZARD)))),
                   ==, "VON-2026-0003");
  ls_test_destroy_windows ();
  ls_test_drain_events ();
}

/* The follow-ups in the four looks, and in high contrast, light and
 * dark. */
static void
test_follow_ups_screenshots (void)
{
  g_autoptr (LsStore) store = open_store (fixture_db);
  g_autoptr (LsContext) context = new_context (store);
  const struct
  {
    const char *suffix;
    gboolean dark;
    gboolean high_contrast;
    int width;
  } looks[] = {
    { "", FALSE, FALSE, 720 },
    { "-dark", TRUE, FALSE, 720 },
    { "-narrow", FALSE, FALSE, LS_TEST_NARROW_WIDTH },
    { "-dark-narrow", TRUE, FALSE, LS_TEST_NARROW_WIDTH },
    { "-high-contrast", FALSE, TRUE, 720 },
    { "-high-contrast-dark", TRUE, TRUE, 720 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      g_autofree char *name = g_strconcat ("follow-ups", looks[i].suffix, NULL);
      LsFollowUpsView *view;

      ls_test_use_dark (looks[i].dark);
      ls_test_use_high_contrast (looks[i].high_contrast);
      view = open_follow_ups (context, looks[i].width);
      g_free (ls_test_save_screenshot (GTK_WIDGET (view), name));
      gtk_window_destroy (GTK_WINDOW (view));
      ls_test_drain_events ();
    }
  ls_test_use_dark (FALSE);
  ls_test_use_high_contrast (FALSE);
}

int
main (int argc, char *argv[])
{
  g_autofree char *example = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  ls_test_init_gtk (&argc, &argv);
  ls_test_use_title_buttons (NULL);

  fixture_db =
      ls_test_make_database ("statistics", "tests/data/statistics-cases.json");
  example =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
  ls_cli_import (fixture_db, example, "Test", NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/statistics-view/tables", test_tables);
  g_test_add_func ("/statistics-view/digest-pseudonymised",
                   test_digest_pseudonymised);
  g_test_add_func ("/statistics-view/screenshots", test_screenshots);
  g_test_add_func ("/follow-ups-view/list", test_follow_ups_view);
  g_test_add_func ("/follow-ups-view/screenshots", test_follow_ups_screenshots);
  g_test_add_func ("/case-view/closed-with-open-follow-up",
                   test_closed_with_open_follow_up);
  status = g_test_run ();
  g_free (fixture_db);
  return status;
}
