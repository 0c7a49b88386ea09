/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ls-attention-panel.h"
#include "ls-case-view.h"
#include "ls-investigator.h"
#include "ls-item-dialog.h"
#include "ls-people-window.h"
#include "ls-routines-editor.h"
#include "ls-responsible-group.h"
#include "ls-staff-view.h"
#include "ls-substitution.h"
#include "ls-test-utils.h"
#include "ls-wizard-test.h"
#include "ls-wizard.h"
#include "ls-wizards.h"

/* The routines in the wizards: a report that names the person the
 * routines make responsible for the investigation; at the investigators'
 * step the app says so, proposes the substitute, and records in the case
 * and its history who took over and why.  On the documented example's
 * organisation and routines, in a real store. */

#define UNIT_SOLGARDEN "6637c86c-a47f-4dae-8000-0b60995e4035"
#define UNIT_LINDEN "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"

typedef struct
{
  char *dir;
  LsStore *store;
  LsOrganisation *organisation;
  GSettings *settings;
  LsContext *context;
  LsCase *lcase;
  GtkWidget *wizard;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *example =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  LsReport *report;

  fixture->dir = ls_wz_make_temp_dir ();
  path = g_build_filename (fixture->dir, "lexsarah.db", NULL);
  fixture->store = ls_store_open (path, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (parser, example, &error);
  g_assert_no_error (error);
  ls_store_import_document (fixture->store, json_parser_get_root (parser),
                            "Test", NULL, &error);
  g_assert_no_error (error);
  fixture->organisation = ls_store_load_organisation (fixture->store, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_set_string (fixture->settings, "user-name", "Anna Svensson");
  fixture->context =
      ls_context_new (fixture->store, fixture->organisation, fixture->settings);

  /* The report: Kim Berg tells that Maria Lind, who by the routines is
   * responsible for investigations, left a resident without help. */
  fixture->lcase = ls_case_new ();
  report = ls_case_get_report (fixture->lcase);
  ls_case_set_regno (fixture->lcase, "VON-2026-0010");
  ls_case_set_unit_id (fixture->lcase, UNIT_SOLGARDEN);
  ls_report_set_kind (report, LS_CASE_KIND_WRONGDOING);
  ls_report_set_category (report, "poor-treatment");
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_report_set_received_how (report, LS_RECEIVED_HOW_ORAL);
  ls_report_set_received_at (report, "2026-03-02T08:15:00+01:00");
  ls_report_set_received_by (report, "Anna Svensson");
  ls_report_set_description (
      report, "Maria Lind lät bli att hjälpa Sven på toaletten trots att han "
              "ringde flera gånger.");
  ls_report_set_occurred_at (report, "2026-03-01T21:00:00+01:00");
  ls_store_save_case (fixture->store, fixture->lcase, "Anna Svensson", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  ls_test_destroy_windows ();
  g_clear_object (&fixture->wizard);
  g_clear_object (&fixture->lcase);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->organisation);
  g_clear_object (&fixture->store);
  ls_wz_remove_temp_dir (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
group_loaded (gpointer data)
{
  return !ls_responsible_group_get_loading (data) &&
         gtk_widget_get_visible (data);
}

static LsResponsibleGroup *
open_investigators (Fixture *fixture, int width)
{
  GtkWindow *window = ls_wizards_open (NULL, fixture->context, fixture->lcase,
                                       LS_STEP_INVESTIGATORS, LS_POINT_NONE);
  GtkWidget *group;

  fixture->wizard = g_object_ref (GTK_WIDGET (window));
  gtk_window_set_default_size (window, width, 760);
  ls_test_wait_for_frames (fixture->wizard, 2);
  ls_wz_wait_idle (fixture->wizard);
  g_assert_cmpstr (ls_wizard_get_page_name (LS_WIZARD (window)), ==,
                   "investigators");
  group = ls_test_find_by_type (
      GTK_WIDGET (ls_wizard_get_page (LS_WIZARD (window))),
      LS_TYPE_RESPONSIBLE_GROUP, 0);
  g_assert_nonnull (group);
  ls_test_wait_until (group_loaded, group);
  return LS_RESPONSIBLE_GROUP (group);
}

static void
test_substitute_proposed_and_recorded (Fixture *fixture, gconstpointer data)
{
  LsResponsibleGroup *group = open_investigators (fixture, 720);
  GtkWidget *page =
      GTK_WIDGET (ls_wizard_get_page (LS_WIZARD (fixture->wizard)));
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsSubstitution) substitution = NULL;
  g_autoptr (LsInvestigator) investigator = NULL;
  GListStore *substitutions;
  gboolean in_history = FALSE;

  /* The app says that the holder is concerned and names the substitute. */
  g_assert_true (ls_responsible_group_get_concerned (group));
  g_assert_cmpstr (ls_responsible_group_get_suggestion (group), ==,
                   "Jonas Ek, medicinskt ansvarig sjuksköterska");
  g_assert_true (
      ls_test_widget_has_text (page, "Maria Lind is concerned by the report"));
  g_assert_true (ls_test_widget_has_text (
      page, "By the routines Jonas Ek, medicinskt ansvarig sjuksköterska "
            "takes over (conflict of interest)."));
  g_free (ls_test_save_screenshot (fixture->wizard, "routines-substitute"));

  ls_test_click (page, "Use Substitute");
  ls_wz_wait_idle (fixture->wizard);

  /* The substitute investigates, and the case says who took over and why,
   * saved and in the history. */
  stored = ls_store_load_case (fixture->store,
                               ls_case_get_uuid (fixture->lcase), &error);
  g_assert_no_error (error);
  investigator =
      g_list_model_get_item (G_LIST_MODEL (ls_investigation_get_investigators (
                                 ls_case_get_investigation (stored))),
                             0);
  g_assert_cmpstr (ls_investigator_get_name (investigator), ==, "Jonas Ek");
  g_assert_cmpstr (ls_investigator_get_title (investigator), ==,
                   "medicinskt ansvarig sjuksköterska");
  substitutions = ls_case_get_substitutions (stored);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (substitutions)), ==,
                    1);
  substitution = g_list_model_get_item (G_LIST_MODEL (substitutions), 0);
  g_assert_cmpint (ls_substitution_get_responsibility (substitution), ==,
                   LS_RESPONSIBILITY_INVESTIGATE);
  g_assert_cmpstr (ls_substitution_get_holder (substitution), ==,
                   "Maria Lind, verksamhetschef");
  g_assert_nonnull (strstr (ls_substitution_get_reason (substitution),
                            "conflict of interest"));

  history = ls_store_list_history (fixture->store,
                                   ls_case_get_uuid (fixture->lcase), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      LsHistoryEntry *entry = history->pdata[i];

      if (g_str_has_prefix (entry->field, "substitutions") &&
          entry->new_value != NULL &&
          strstr (entry->new_value, "Jonas Ek") != NULL)
        {
          g_assert_cmpstr (entry->who, ==, "Anna Svensson");
          in_history = TRUE;
        }
    }
  g_assert_true (in_history);
}

static void
test_holder_suggested (Fixture *fixture, gconstpointer data)
{
  LsResponsibleGroup *group;
  GtkWidget *page;
  g_autoptr (GError) error = NULL;

  /* Nobody of the routines named: the holder is suggested as such. */
  ls_report_set_description (ls_case_get_report (fixture->lcase),
                             "Larmet besvarades inte under natten.");
  ls_store_save_case (fixture->store, fixture->lcase, "Anna Svensson", &error);
  g_assert_no_error (error);
  group = open_investigators (fixture, 720);
  page = GTK_WIDGET (ls_wizard_get_page (LS_WIZARD (fixture->wizard)));
  g_assert_false (ls_responsible_group_get_concerned (group));
  g_assert_cmpstr (ls_responsible_group_get_suggestion (group), ==,
                   "Maria Lind, verksamhetschef");
  g_assert_true (ls_test_widget_has_text (
      page, "By the routines: Maria Lind, verksamhetschef"));
  ls_test_click (page, "Use");
  ls_wz_wait_idle (fixture->wizard);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                        ls_case_get_substitutions (fixture->lcase))),
                    ==, 0);
}

static gboolean
people_loaded (gpointer data)
{
  return ls_people_window_get_view (data, "staff") != NULL;
}

static gboolean
people_saved (gpointer data)
{
  return !ls_people_window_get_busy (data);
}

static GtkWidget *
open_people_window (Fixture *fixture)
{
  GtkWidget *window =
      ls_people_window_new (NULL, fixture->store, fixture->organisation);

  gtk_window_present (GTK_WINDOW (window));
  ls_test_wait_until (people_loaded, window);
  return window;
}

/* Staff and Routines from the main menu: the register loaded from the
 * store, and a decision made in the editor saved to it. */
static void
test_people_window (Fixture *fixture, gconstpointer data)
{
  GtkWidget *window = open_people_window (fixture);
  g_autoptr (LsPeopleRegister) stored = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *editor;

  g_assert_true (ls_test_widget_has_text (window, "Fatima Ali"));
  g_free (ls_test_save_screenshot (window, "staff-and-routines"));

  editor = ls_people_window_get_view (LS_PEOPLE_WINDOW (window), "routines");
  g_assert_true (LS_IS_ROUTINES_EDITOR (editor));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ls_test_find_by_type (
                                     editor, ADW_TYPE_EXPANDER_ROW, 3)),
                                 TRUE);
  g_free (ls_test_save_screenshot (window, "staff-and-routines-routines"));
  ls_test_set_row_text (editor, "Decided by", "Vård- och omsorgsnämnden, § 9");
  ls_test_set_row_text (editor, "Decided on", "2026-03-05");
  g_assert_true (
      ls_routines_editor_decide (LS_ROUTINES_EDITOR (editor), &error));
  g_assert_no_error (error);
  ls_test_wait_until (people_saved, window);

  stored = ls_store_load_people (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                        ls_people_register_get_routines (stored))),
                    ==, 3);
  g_assert_cmpstr (ls_routines_get_decided_by (
                       ls_people_register_get_latest_routines (stored)),
                   ==, "Vård- och omsorgsnämnden, § 9");
}

static void
select_combo_entry (GtkWidget *root, const char *title, const char *entry)
{
  AdwComboRow *row = ADW_COMBO_ROW (ls_test_find_row (root, title));
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                     entry))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_assert_not_reached ();
}

/* A person's category (2 kap. 1 §), end date and units edited in the
 * real dialog of the staff view, saved to the store and shown. */
static void
test_edit_person (Fixture *fixture, gconstpointer data)
{
  GtkWidget *window = open_people_window (fixture);
  g_autoptr (LsPeopleRegister) stored = NULL;
  g_autoptr (GError) error = NULL;
  LsPeopleRegister *shown;
  LsPerson *kim;
  const char *const *units;
  GtkWidget *staff;
  GtkWidget *dialog;
  GtkWidget *linden;
  GtkWidget *row;
  const char *subtitle;

  staff = ls_people_window_get_view (LS_PEOPLE_WINDOW (window), "staff");
  shown = ls_people_window_get_register (LS_PEOPLE_WINDOW (window));
  kim = ls_people_register_find_staff_number (shown, "1001");
  g_assert_nonnull (kim);

  dialog = ls_staff_view_edit_person (LS_STAFF_VIEW (staff), kim);
  ls_test_wait_for_frames (dialog, 2);
  /* The categories of 2 kap. 1 §, and no "not chosen" among them. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (
                        ADW_COMBO_ROW (ls_test_find_row (dialog, "Category")))),
                    ==, 4);
  g_assert_cmpuint (adw_combo_row_get_selected (
                        ADW_COMBO_ROW (ls_test_find_row (dialog, "Category"))),
                    ==, 0);
  select_combo_entry (dialog, "Category", "Contractor");
  ls_test_set_row_text (dialog, "Ended on", "2026-06-30");
  linden = ls_test_find_row (dialog, "Gruppbostaden Linden");
  g_assert_nonnull (linden);
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (
          adw_action_row_get_activatable_widget (ADW_ACTION_ROW (linden))),
      TRUE);
  g_assert_true (ls_item_dialog_apply (LS_ITEM_DIALOG (dialog)));
  ls_test_wait_until (people_saved, window);

  stored = ls_store_load_people (fixture->store, &error);
  g_assert_no_error (error);
  kim = ls_people_register_find_staff_number (stored, "1001");
  g_assert_cmpint (ls_person_get_category (kim), ==,
                   LS_REPORTER_CATEGORY_CONTRACTOR);
  g_assert_cmpstr (ls_person_get_ended_on (kim), ==, "2026-06-30");
  g_assert_cmpstr (ls_person_get_started_on (kim), ==, "2019-08-19");
  units = ls_person_get_units (kim);
  g_assert_cmpuint (g_strv_length ((GStrv) units), ==, 2);
  g_assert_true (g_strv_contains (units, UNIT_SOLGARDEN));
  g_assert_true (g_strv_contains (units, UNIT_LINDEN));
  /* The staff view shows the new category and both units. */
  row = ls_test_find_row (staff, "Kim Berg");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_true (g_str_has_prefix (subtitle, "Contractor · "));
  g_assert_nonnull (strstr (subtitle, "Gruppbostaden Linden"));
}

static gboolean
requirements_shown (gpointer data)
{
  return ls_case_view_get_case (data) != NULL &&
         ls_test_widget_has_text (data, "Choose an entry to go to the step "
                                        "where you can fill it in.");
}

static LsCaseView *
show_case_view (LsContext *context, const char *uuid)
{
  GtkWidget *window = adw_window_new ();
  LsCaseView *view = ls_case_view_new (context);

  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  gtk_window_present (GTK_WINDOW (window));
  ls_case_view_show_case (view, uuid);
  ls_test_wait_until (requirements_shown, view);
  return view;
}

#define NO_SUBSTITUTE                                                          \
  "The person who by the routines holds this is concerned by the report and "  \
  "no substitute is named: Is responsible for the investigation"
#define NO_ROUTINES                                                            \
  "No routines for reporting, investigating, remedying and notifying have "    \
  "been decided"

/* What the case lacks by the routines (7 kap. 1 §): with a substitute
 * named, nothing; once a new version names none for the investigation,
 * whose holder the report names, the case says so; and an organisation
 * that has decided no routines is told in every case. */
static void
test_case_view_routines (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsPeopleRegister) register_ =
      ls_store_load_people (fixture->store, NULL);
  g_autoptr (LsRoutines) version = ls_routines_new_version (
      ls_people_register_get_latest_routines (register_));
  g_autofree char *dir = ls_wz_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "lexsarah.db", NULL);
  g_autoptr (LsStore) bare = NULL;
  g_autoptr (LsContext) bare_context = NULL;
  g_autoptr (GError) error = NULL;
  LsCaseView *view;

  view = show_case_view (fixture->context, ls_case_get_uuid (fixture->lcase));
  g_assert_false (ls_test_widget_has_text (GTK_WIDGET (view), NO_SUBSTITUTE));
  g_assert_false (ls_test_widget_has_text (GTK_WIDGET (view), NO_ROUTINES));
  ls_test_destroy_windows ();

  ls_assignment_set_substitute (
      ls_routines_find (version, LS_RESPONSIBILITY_INVESTIGATE, UNIT_SOLGARDEN),
      NULL);
  ls_assignment_set_substitute (
      ls_routines_find (version, LS_RESPONSIBILITY_INVESTIGATE, NULL), NULL);
  ls_routines_set_decided_on (version, "2026-02-20");
  ls_routines_set_decided_by (version, "Vård- och omsorgsnämnden, § 3");
  g_list_store_append (ls_people_register_get_routines (register_), version);
  g_assert_true (ls_store_save_people (fixture->store, register_, &error));
  g_assert_no_error (error);
  view = show_case_view (fixture->context, ls_case_get_uuid (fixture->lcase));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (view), NO_SUBSTITUTE));
  g_assert_false (ls_test_widget_has_text (GTK_WIDGET (view), NO_ROUTINES));
  ls_test_destroy_windows ();

  bare = ls_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (
      ls_store_save_organisation (bare, fixture->organisation, &error));
  g_assert_true (
      ls_store_save_case (bare, fixture->lcase, "Anna Svensson", &error));
  g_assert_no_error (error);
  bare_context =
      ls_context_new (bare, fixture->organisation, fixture->settings);
  view = show_case_view (bare_context, ls_case_get_uuid (fixture->lcase));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (view), NO_ROUTINES));
  ls_test_destroy_windows ();
  g_clear_object (&bare_context);
  g_clear_object (&bare);
  ls_wz_remove_temp_dir (dir);
}

static gboolean
has_people_group (gpointer data)
{
  return ls_test_widget_has_text (data, "Staff and Routines");
}

/* Needs attention now names what the register asks: the people not told
 * of the duty, counted, with the provision. */
static void
test_attention_panel (Fixture *fixture, gconstpointer data)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *panel = GTK_WIDGET (ls_attention_panel_new (fixture->context));

  adw_window_set_content (ADW_WINDOW (window), panel);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 700);
  gtk_window_present (GTK_WINDOW (window));
  ls_test_wait_until (has_people_group, panel);
  g_assert_true (ls_test_widget_has_text (
      panel, "Not told of the duty to report and who receives reports since "
             "the engagement began"));
  g_assert_true (ls_wz_has_text_prefix (panel, "1 person · 2 kap. 2 §"));
}

int
main (int argc, char *argv[])
{
  ls_test_init_gtk (&argc, &argv);

  g_test_add ("/routines-wizard/substitute-proposed-and-recorded", Fixture,
              NULL, fixture_set_up, test_substitute_proposed_and_recorded,
              fixture_tear_down);
  g_test_add ("/routines-wizard/holder-suggested", Fixture, NULL,
              fixture_set_up, test_holder_suggested, fixture_tear_down);
  g_test_add ("/routines-wizard/people-window", Fixture, NULL, fixture_set_up,
              test_people_window, fixture_tear_down);
  g_test_add ("/routines-wizard/edit-person", Fixture, NULL, fixture_set_up,
              test_edit_person, fixture_tear_down);
  g_test_add ("/routines-wizard/case-view", Fixture, NULL, fixture_set_up,
              test_case_view_routines, fixture_tear_down);
  g_test_add ("/routines-wizard/attention-panel", Fixture, NULL, fixture_set_up,
              test_attention_panel, fixture_tear_down);

  return g_test_run ();
}
