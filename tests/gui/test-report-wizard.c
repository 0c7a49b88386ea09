/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ls-report-wizard.h"
#include "ls-test-utils.h"

static const char *const units[] = { "Solrosen", "Hemtjänst Norr", NULL };

typedef struct
{
  LsReportWizard *wizard;
  JsonObject *last_saved;
  guint n_saved;
  guint n_finished;
} Fixture;

static void
save_cb (LsReportWizard *wizard, JsonObject *object, Fixture *fixture)
{
  g_clear_pointer (&fixture->last_saved, json_object_unref);
  fixture->last_saved = json_object_ref (object);
  fixture->n_saved++;
}

static void
finished_cb (LsReportWizard *wizard, JsonObject *object, Fixture *fixture)
{
  fixture->n_finished++;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->wizard = g_object_ref_sink (
      ls_report_wizard_new (NULL, data != NULL ? data : "private", units));
  g_signal_connect (fixture->wizard, "save", G_CALLBACK (save_cb), fixture);
  g_signal_connect (fixture->wizard, "finished", G_CALLBACK (finished_cb),
                    fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->wizard), 640, 640);
  gtk_window_present (GTK_WINDOW (fixture->wizard));
  ls_test_wait_for_frames (GTK_WIDGET (fixture->wizard), 2);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_signal_handlers_disconnect_by_data (fixture->wizard, fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->wizard));
  g_clear_object (&fixture->wizard);
  g_clear_pointer (&fixture->last_saved, json_object_unref);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
click (GtkWidget *root, const char *label)
{
  GtkWidget *found = ls_test_find_label (root, label);
  GtkWidget *button;

  if (found == NULL)
    g_error ("No button “%s”", label);
  button = gtk_widget_get_ancestor (found, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* "activate" would click only after a visible delay. */
  g_signal_emit_by_name (button, "clicked");
}

static void
set_view_text (GtkWidget *root, guint nth, const char *text)
{
  GtkWidget *view = ls_test_find_by_type (root, GTK_TYPE_TEXT_VIEW, nth);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            text, -1);
}

static void
assert_row_error (GtkWidget *root, const char *title, const char *message)
{
  GtkWidget *row = ls_test_find_row (root, title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (ls_test_find_label (row, message));
}

static void
assert_row_ok (GtkWidget *root, const char *title)
{
  GtkWidget *row = ls_test_find_row (root, title);

  g_assert_nonnull (row);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
}

static const char *
member_string (JsonObject *object, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = json_object_get_member (object, parts[0]);

  for (guint i = 1; parts[i] != NULL && node != NULL; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (
            json_node_get_array (node),
            (guint) g_ascii_strtoull (parts[i], NULL, 10));
      else if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else
        node = NULL;
    }

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
             ? json_node_get_string (node)
             : NULL;
}

static void
fill_reporter (GtkWidget *w)
{
  ls_test_set_row_text (w, "Name of the person reporting", "Anna Berg");
  ls_test_set_row_text (w, "Date of the report (YYYY-MM-DD)", "2026-03-02");
}

static void
fill_kind (GtkWidget *w)
{
  GtkWidget *unit = ls_test_find_row (w, "Unit");

  adw_action_row_activate (
      ADW_ACTION_ROW (ls_test_find_row (w, "A clear risk of a wrongdoing")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (unit), 1);
}

static void
fill_event (GtkWidget *w)
{
  set_view_text (w, 0, "The safety alarm was not answered for 40 minutes.");
  ls_test_set_row_text (w, "When it happened (YYYY-MM-DD)", "2026-02-28");
  ls_test_set_row_text (w, "When it was noticed (YYYY-MM-DD)", "2026-03-01");
  ls_test_set_row_text (w, "How it was noticed", "The alarm log");
}

static void
fill_individual (GtkWidget *w)
{
  ls_test_set_row_text (w, "Name of the individual", "Karl Svensson");
  ls_test_set_row_text (w, "Personal identity number", "19121212-1212");
  set_view_text (w, 1, "He lay on the floor and was cold and frightened.");
}

static void
fill_actions (GtkWidget *w)
{
  ls_test_set_row_text (w, "Action taken", "The alarm receiver was tested");
  ls_test_set_row_text (w, "Taken by", "Lena Ek");
  ls_test_set_row_text (w, "Taken on (YYYY-MM-DD)", "2026-03-02");
}

static void
test_complete (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = GTK_WIDGET (fixture->wizard);
  JsonObject *c;

  g_assert_cmpuint (ls_report_wizard_get_step (fixture->wizard), ==, 0);
  g_assert_true (ls_test_widget_has_text (w, "Step 1 of 6: Who Reports"));

  fill_reporter (w);
  g_assert_true (ls_report_wizard_validate_step (fixture->wizard, 0));
  click (w, "Next");
  g_assert_cmpuint (ls_report_wizard_get_step (fixture->wizard), ==, 1);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpstr (member_string (fixture->last_saved, "status"), ==, "draft");
  g_assert_cmpstr (member_string (fixture->last_saved, "reporter/name"), ==,
                   "Anna Berg");

  fill_kind (w);
  click (w, "Next");
  fill_event (w);
  click (w, "Next");
  fill_individual (w);
  click (w, "Next");
  fill_actions (w);
  click (w, "Next");
  g_assert_cmpuint (ls_report_wizard_get_step (fixture->wizard), ==, 5);
  g_assert_true (ls_test_widget_has_text (w, "Finish"));
  /* A private provider is reminded to inform the deciding board. */
  g_assert_true (gtk_switch_get_active (
      GTK_SWITCH (ls_test_find_by_type (w, GTK_TYPE_SWITCH, 0))));
  ls_test_set_row_text (w, "Name of the board", "Vård- och omsorgsnämnden");
  g_assert_cmpuint (fixture->n_finished, ==, 0);
  click (w, "Finish");

  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_cmpuint (fixture->n_saved, ==, 6);
  c = fixture->last_saved;
  g_assert_cmpstr (member_string (c, "status"), ==, "reported");
  g_assert_cmpstr (member_string (c, "kind"), ==, "risk");
  g_assert_cmpstr (member_string (c, "unit"), ==, "Hemtjänst Norr");
  g_assert_cmpstr (member_string (c, "reporter/category"), ==, "employee");
  g_assert_cmpstr (member_string (c, "received_on"), ==, "2026-03-02");
  g_assert_cmpstr (member_string (c, "description"), ==,
                   "The safety alarm was not answered for 40 minutes.");
  g_assert_cmpstr (member_string (c, "occurred_on"), ==, "2026-02-28");
  g_assert_cmpstr (member_string (c, "noticed_on"), ==, "2026-03-01");
  g_assert_cmpstr (member_string (c, "noticed_how"), ==, "The alarm log");
  g_assert_cmpstr (member_string (c, "individuals/0/name"), ==,
                   "Karl Svensson");
  g_assert_cmpstr (member_string (c, "individuals/0/pnr"), ==, "19121212-1212");
  g_assert_cmpstr (member_string (c, "individuals/0/consequences"), ==,
                   "He lay on the floor and was cold and frightened.");
  g_assert_cmpstr (member_string (c, "actions/0/kind"), ==, "immediate");
  g_assert_cmpstr (member_string (c, "actions/0/description"), ==,
                   "The alarm receiver was tested");
  g_assert_cmpstr (member_string (c, "actions/0/responsible"), ==, "Lena Ek");
  g_assert_cmpstr (member_string (c, "actions/0/done_on"), ==, "2026-03-02");
  g_assert_cmpstr (member_string (c, "board_notices/0/board"), ==,
                   "Vård- och omsorgsnämnden");
  g_assert_cmpstr (member_string (c, "uuid"), !=, NULL);
}

static void
test_bad_input (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = GTK_WIDGET (fixture->wizard);
  const char *date_title = "Date of the report (YYYY-MM-DD)";

  /* An empty required name and an impossible date. */
  ls_test_set_row_text (w, date_title, "2026-02-30");
  g_assert_false (ls_report_wizard_go_next (fixture->wizard));
  g_assert_cmpuint (ls_report_wizard_get_step (fixture->wizard), ==, 0);
  assert_row_error (w, "Name of the person reporting",
                    "Required: the law asks who reported");
  assert_row_error (w, date_title, "Not a date: write it as 2026-03-01");
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  /* Nothing typed is thrown away. */
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (ls_test_find_row (w, date_title))),
      ==, "2026-02-30");

  ls_test_set_row_text (w, date_title, "2999-01-01");
  ls_test_set_row_text (w, "Name of the person reporting", "Anna Berg");
  g_assert_false (ls_report_wizard_go_next (fixture->wizard));
  assert_row_ok (w, "Name of the person reporting");
  assert_row_error (w, date_title, "A report cannot be dated in the future");

  fill_reporter (w);
  g_assert_true (ls_report_wizard_go_next (fixture->wizard));
  fill_kind (w);
  g_assert_true (ls_report_wizard_go_next (fixture->wizard));

  /* Happened after it was reported; no description. */
  ls_test_set_row_text (w, "When it happened (YYYY-MM-DD)", "2026-03-05");
  ls_test_set_row_text (w, "When it was noticed (YYYY-MM-DD)", "1st March");
  g_assert_false (ls_report_wizard_go_next (fixture->wizard));
  g_assert_cmpuint (ls_report_wizard_get_step (fixture->wizard), ==, 2);
  assert_row_error (w, "When it happened (YYYY-MM-DD)",
                    "This is after the date of the report");
  assert_row_error (w, "When it was noticed (YYYY-MM-DD)",
                    "Not a date: write it as 2026-03-01");
  g_assert_true (gtk_widget_has_css_class (
      gtk_widget_get_parent (ls_test_find_by_type (w, GTK_TYPE_TEXT_VIEW, 0)),
      "error"));
  g_assert_true (
      ls_test_widget_has_text (w, "Required: describe what happened"));
  g_free (ls_test_save_screenshot (w, "report-wizard-errors"));

  /* Correcting a row clears its mark at once. */
  ls_test_set_row_text (w, "When it happened (YYYY-MM-DD)", "2026-02-28");
  assert_row_ok (w, "When it happened (YYYY-MM-DD)");
  fill_event (w);
  g_assert_true (ls_report_wizard_go_next (fixture->wizard));

  /* A wrong check digit. */
  ls_test_set_row_text (w, "Personal identity number", "19121212-1213");
  g_assert_false (ls_report_wizard_go_next (fixture->wizard));
  assert_row_error (w, "Personal identity number",
                    "Not a valid personal identity number: check the digits");
  g_assert_cmpstr (
      member_string (ls_report_wizard_dup_case_json (fixture->wizard),
                     "individuals/0/pnr"),
      ==, "19121212-1213");
  ls_test_set_row_text (w, "Personal identity number", "121212-1212");
  g_assert_true (ls_report_wizard_go_next (fixture->wizard));

  ls_test_set_row_text (w, "Taken on (YYYY-MM-DD)", "yesterday");
  g_assert_false (ls_report_wizard_go_next (fixture->wizard));
  assert_row_error (w, "Taken on (YYYY-MM-DD)",
                    "Not a date: write it as 2026-03-01");
}

static void
test_close_keeps_draft (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = GTK_WIDGET (fixture->wizard);

  ls_test_set_row_text (w, "Name of the person reporting", "Anna Berg");
  gtk_window_close (GTK_WINDOW (fixture->wizard));

  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpuint (fixture->n_finished, ==, 0);
  g_assert_cmpstr (member_string (fixture->last_saved, "status"), ==, "draft");
  g_assert_cmpstr (member_string (fixture->last_saved, "reporter/name"), ==,
                   "Anna Berg");
}

static void
test_municipal_boards (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = GTK_WIDGET (fixture->wizard);

  /* A municipal board informs another board only if another decided. */
  g_assert_false (gtk_switch_get_active (
      GTK_SWITCH (ls_test_find_by_type (w, GTK_TYPE_SWITCH, 0))));
  g_assert_true (ls_test_widget_has_text (
      w, "Inform the board that decided the individual's service if it is "
         "another board than yours."));
}

static void
screenshot_steps (Fixture *fixture, const char *suffix)
{
  GtkWidget *w = GTK_WIDGET (fixture->wizard);
  void (*fill[]) (GtkWidget *) = { fill_reporter,   fill_kind,    fill_event,
                                   fill_individual, fill_actions, NULL };

  for (guint i = 0; i < LS_REPORT_WIZARD_N_STEPS; i++)
    {
      g_autofree char *name = NULL;

      if (fill[i] != NULL)
        fill[i](w);
      name = g_strdup_printf ("report-wizard-%u%s", i + 1, suffix);
      g_free (ls_test_save_screenshot (w, name));
      if (i + 1 < LS_REPORT_WIZARD_N_STEPS)
        g_assert_true (ls_report_wizard_go_next (fixture->wizard));
    }
}

static void
test_screenshots (Fixture *fixture, gconstpointer data)
{
  screenshot_steps (fixture, "");
}

static void
test_screenshots_dark_narrow (Fixture *fixture, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_default_size (GTK_WINDOW (fixture->wizard), 360, 640);
  ls_test_wait_for_frames (GTK_WIDGET (fixture->wizard), 2);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->wizard)), <=,
                   360);
  screenshot_steps (fixture, "-dark-narrow");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int argc, char *argv[])
{
  ls_test_init_gtk (&argc, &argv);

#define ADD(path, func, data)                                                  \
  g_test_add ("/report-wizard/" path, Fixture, data, fixture_set_up, func,     \
              fixture_tear_down)
  ADD ("complete", test_complete, NULL);
  ADD ("bad-input", test_bad_input, NULL);
  ADD ("close-keeps-draft", test_close_keeps_draft, NULL);
  ADD ("municipal-boards", test_municipal_boards, "municipal");
  ADD ("screenshots", test_screenshots, NULL);
  ADD ("screenshots-dark-narrow", test_screenshots_dark_narrow, NULL);
#undef ADD

  return g_test_run ();
}
