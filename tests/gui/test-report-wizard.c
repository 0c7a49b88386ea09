/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "ls-action.h"
#include "ls-board-notice.h"
#include "ls-individual.h"
#include "ls-investigation-wizard.h"
#include "ls-item-dialog.h"
#include "ls-item-list.h"
#include "ls-report-wizard.h"
#include "ls-requirement.h"
#include "ls-row-error.h"
#include "ls-rules.h"
#include "ls-test-utils.h"
#include "ls-wizard-test.h"
#include "ls-wizards.h"

/* The report wizard driven as a user would: rows filled by their titles,
 * buttons activated, and what it saved read back from a real store. */

#define UNIT_SOLROSEN "6637c86c-a47f-4dae-8000-0b60995e4035"
#define UNIT_LINDEN "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"

typedef struct
{
  char *dir;
  char *path;
  LsStore *store;
  LsOrganisation *organisation;
  GSettings *settings;
  LsContext *context;
  GtkWidget *wizard;
} Fixture;

static LsUnit *
make_unit (const char *id, const char *name, LsRegime regime)
{
  LsUnit *unit = ls_unit_new ();

  ls_unit_set_id (unit, id);
  ls_unit_set_name (unit, name);
  ls_unit_set_activity (unit, regime == LS_REGIME_LSS
                                  ? "Gruppbostad enligt LSS"
                                  : "Särskilt boende för äldre");
  ls_unit_set_regime (unit, regime);
  return unit;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsUnit) solrosen =
      make_unit (UNIT_SOLROSEN, "Solrosens äldreboende", LS_REGIME_SOL);
  g_autoptr (LsUnit) linden =
      make_unit (UNIT_LINDEN, "Gruppbostaden Linden", LS_REGIME_LSS);

  fixture->dir = ls_wz_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "lexsarah.db", NULL);
  fixture->store = ls_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->organisation = ls_organisation_new ();
  ls_organisation_set_kind (fixture->organisation,
                            data != NULL
                                ? GPOINTER_TO_INT (data) - 1
                                : LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
  ls_organisation_set_name (fixture->organisation, "Omsorg i Norden AB");
  ls_organisation_set_regno_prefix (fixture->organisation, "OAB");
  g_list_store_append (ls_organisation_get_units (fixture->organisation),
                       solrosen);
  g_list_store_append (ls_organisation_get_units (fixture->organisation),
                       linden);
  ls_store_save_organisation (fixture->store, fixture->organisation, &error);
  g_assert_no_error (error);

  fixture->settings = g_settings_new (APP_ID);
  g_settings_set_string (fixture->settings, "user-name", "Maria Lind");
  g_settings_set_string (fixture->settings, "user-title", "Enhetschef");
  fixture->context =
      ls_context_new (fixture->store, fixture->organisation, fixture->settings);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  ls_test_destroy_windows ();
  g_clear_object (&fixture->wizard);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->organisation);
  g_clear_object (&fixture->store);
  ls_wz_remove_temp_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GtkWidget *
open_wizard (Fixture *fixture, LsCase *lcase, LsStep step, int width)
{
  GtkWindow *window =
      ls_wizards_open (NULL, fixture->context, lcase, step, LS_POINT_NONE);

  g_assert_true (LS_IS_REPORT_WIZARD (window));
  fixture->wizard = g_object_ref (GTK_WIDGET (window));
  gtk_window_set_default_size (window, width, 760);
  ls_test_wait_for_frames (fixture->wizard, 2);
  ls_wz_wait_idle (fixture->wizard);
  return fixture->wizard;
}

static LsWizard *
wizard_of (Fixture *fixture)
{
  return LS_WIZARD (fixture->wizard);
}

static gint64
count_cases (Fixture *fixture)
{
  LsStoreQuery query = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 n = ls_store_count_cases (fixture->store, &query, &error);

  g_assert_no_error (error);
  return n;
}

static LsCase *
load_stored (Fixture *fixture, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  LsCase *lcase = ls_store_load_case (fixture->store, uuid, &error);

  g_assert_no_error (error);
  return lcase;
}

static void
next (Fixture *fixture)
{
  g_assert_true (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_wait_idle (fixture->wizard);
}

static void
refuse_next (Fixture *fixture)
{
  g_autofree char *page =
      g_strdup (ls_wizard_get_page_name (wizard_of (fixture)));

  g_assert_false (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_wait_idle (fixture->wizard);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==, page);
}

/* Fills the rows of the dialog an add row opens, and saves it. */
static GtkWidget *
open_dialog (GtkWidget *w, const char *add_title)
{
  GtkWidget *dialog;

  ls_wz_activate_row (w, add_title);
  dialog = ls_test_find_toplevel (LS_TYPE_ITEM_DIALOG);
  g_assert_nonnull (dialog);
  ls_test_wait_for_frames (dialog, 1);
  return dialog;
}

static void
fill_reporter (GtkWidget *w)
{
  ls_test_set_row_text (w, "Name of the person who reported", "Kim Berg");
  ls_wz_select (w, "Works here as", LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_wz_select (w, "How it was reported", LS_RECEIVED_HOW_WRITTEN);
  ls_test_set_row_text (w, "Received, date and time", "2025-03-02 08:15");
}

static void
fill_kind (GtkWidget *w)
{
  ls_wz_activate_row (w, "A clear risk of a wrongdoing");
  /* The third of the categories: "Service not carried out". */
  ls_wz_select (w, "Category", 3);
  ls_wz_select (w, "Unit where it happened", 2);
}

static void
fill_event (GtkWidget *w)
{
  ls_wz_set_text_field (w, "What happened",
                        "Anna larmade kl. 22.30. Larmet besvarades inte.");
  ls_test_set_row_text (w, "When it happened", "2025-03-01 22:30");
  ls_test_set_row_text (w, "When it was noticed", "20250302 06.40");
  ls_test_set_row_text (w, "How it was noticed", "Vid morgonrundan");
}

static void
fill_individuals (GtkWidget *w)
{
  GtkWidget *dialog = open_dialog (w, "Add an Individual…");

  ls_test_set_row_text (dialog, "Name", "Anna Svensson");
  ls_test_set_row_text (dialog, "Personal identity number, if known",
                        "380415-2340");
  ls_test_click (dialog, "Save");
  ls_wz_set_text_field (w, "Consequences for them, or what it could have meant",
                        "Ett blåmärke på höften; hon var nedkyld.");
}

static void
fill_actions (GtkWidget *w)
{
  GtkWidget *dialog = open_dialog (w, "Add an Action…");

  ls_wz_set_text_field (dialog, "What was done",
                        "Sjuksköterska undersökte Anna.");
  ls_test_set_row_text (dialog, "When, day and time", "2025-03-02 07:00");
  ls_test_set_row_text (dialog, "By whom", "Eva Ek");
  ls_test_click (dialog, "Save");
}

static void
fill_boards (GtkWidget *w)
{
  GtkWidget *dialog = open_dialog (w, "Add a Board Informed…");

  ls_test_set_row_text (dialog, "Board", "Socialnämnden i Exempelstad");
  ls_test_set_row_text (dialog, "Informed on", "2025-03-03");
  ls_test_set_row_text (dialog, "How, such as by letter or by phone",
                        "Per brev");
  ls_test_click (dialog, "Save");
}

/* (transfer full): the one board notice @lcase holds. */
static LsBoardNotice *
dup_only_board_notice (LsCase *lcase)
{
  GListModel *notices = G_LIST_MODEL (ls_case_get_board_notices (lcase));

  g_assert_cmpuint (g_list_model_get_n_items (notices), ==, 1);
  return g_list_model_get_item (notices, 0);
}

/* Returns the number @regno the app gave at its first save, asserting it
 * is the year's first for the year when the test began (@since) or, when
 * the year changed while the test ran, for the year now: the app takes
 * the year from the clock. */
static char *
dup_first_regno (const char *regno, GDateTime *since)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *first =
      g_strdup_printf ("OAB-%d-0001", g_date_time_get_year (since));
  g_autofree char *last =
      g_strdup_printf ("OAB-%d-0001", g_date_time_get_year (now));

  g_assert_nonnull (regno);
  if (!g_str_equal (regno, last))
    g_assert_cmpstr (regno, ==, first);
  return g_strdup (regno);
}

static void
test_complete (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  g_autofree char *uuid =
      g_strdup (ls_case_get_uuid (ls_wizard_get_case (wizard_of (fixture))));
  g_autofree char *regno = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (LsIndividual) individual = NULL;
  g_autoptr (LsAction) action = NULL;
  g_autoptr (LsBoardNotice) notice = NULL;
  LsReport *report;

  g_assert_true (ls_test_widget_has_text (w, "Step 1 of 6"));
  g_assert_true (ls_test_widget_has_text (w, "Who Reported"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (w)), ==, "New Report");
  /* The user receives the report, unless told otherwise. */
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (ls_test_find_row (w, "Received by"))),
                   ==, "Maria Lind");

  fill_reporter (w);
  next (fixture);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==, "kind");
  g_assert_true (ls_test_widget_has_text (w, "Wrongdoing or Risk"));
  /* Saved at the first step, with the year's first number, as a draft. */
  g_assert_cmpint (count_cases (fixture), ==, 1);
  stored = load_stored (fixture, uuid);
  regno = dup_first_regno (ls_case_get_regno (stored), now);
  g_assert_cmpint (ls_case_get_status (stored), ==, LS_CASE_STATUS_DRAFT);
  g_assert_cmpstr (ls_report_get_reporter_name (ls_case_get_report (stored)),
                   ==, "Kim Berg");
  g_clear_object (&stored);
  {
    g_autofree char *progress = g_strdup_printf ("Step 2 of 6 · %s", regno);

    g_assert_true (ls_test_widget_has_text (w, progress));
  }

  fill_kind (w);
  g_assert_true (ls_test_widget_has_text (w, "Gruppbostad enligt LSS · LSS"));
  next (fixture);
  fill_event (w);
  next (fixture);
  fill_individuals (w);
  ls_wz_wait_idle (w);
  /* The number is shown hidden once entered. */
  g_assert_true (ls_test_widget_has_text (w, "19380415-****"));
  g_assert_false (ls_wz_has_text_prefix (w, "19380415-2340"));
  next (fixture);
  fill_actions (w);
  ls_wz_wait_idle (w);
  next (fixture);
  g_assert_true (ls_test_widget_has_text (w, "Boards to Inform"));
  fill_boards (w);
  ls_wz_wait_idle (w);
  next (fixture);

  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "summary");
  g_assert_true (ls_test_widget_has_text (w, regno));
  g_assert_true (ls_test_widget_has_text (w, "Reported"));
  g_assert_true (ls_test_widget_has_text (w, "Kim Berg, Employee"));
  g_assert_true (
      ls_test_widget_has_text (w, "Nothing is missing from the report."));
  g_assert_true (ls_test_widget_has_text (w, "Finish"));

  g_assert_true (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_wait_destroyed (w);

  stored = load_stored (fixture, uuid);
  report = ls_case_get_report (stored);
  g_assert_cmpint (ls_case_get_status (stored), ==, LS_CASE_STATUS_REPORTED);
  g_assert_cmpstr (ls_case_get_regno (stored), ==, regno);
  g_assert_cmpstr (ls_report_get_reporter_name (report), ==, "Kim Berg");
  g_assert_cmpint (ls_report_get_reporter_category (report), ==,
                   LS_REPORTER_CATEGORY_EMPLOYEE);
  g_assert_cmpint (ls_report_get_received_how (report), ==,
                   LS_RECEIVED_HOW_WRITTEN);
  g_assert_cmpstr (ls_report_get_received_at (report), ==,
                   "2025-03-02T08:15:00+01:00");
  g_assert_cmpstr (ls_report_get_received_by (report), ==, "Maria Lind");
  g_assert_cmpint (ls_report_get_kind (report), ==, LS_CASE_KIND_CLEAR_RISK);
  g_assert_cmpstr (ls_report_get_category (report), ==,
                   "service-not-carried-out");
  g_assert_cmpstr (ls_case_get_unit_id (stored), ==, UNIT_LINDEN);
  /* The unit's law is the case's. */
  g_assert_cmpint (ls_case_get_regime (stored), ==, LS_REGIME_LSS);
  g_assert_cmpstr (ls_report_get_description (report), ==,
                   "Anna larmade kl. 22.30. Larmet besvarades inte.");
  g_assert_cmpstr (ls_report_get_occurred_at (report), ==,
                   "2025-03-01T22:30:00+01:00");
  g_assert_false (ls_report_get_occurred_unknown (report));
  g_assert_cmpstr (ls_report_get_noticed_at (report), ==,
                   "2025-03-02T06:40:00+01:00");
  g_assert_cmpstr (ls_report_get_noticed_how (report), ==, "Vid morgonrundan");
  g_assert_cmpstr (ls_report_get_consequences (report), ==,
                   "Ett blåmärke på höften; hon var nedkyld.");

  g_assert_cmpuint (g_list_model_get_n_items (
                        G_LIST_MODEL (ls_report_get_individuals (report))),
                    ==, 1);
  individual = g_list_model_get_item (
      G_LIST_MODEL (ls_report_get_individuals (report)), 0);
  g_assert_cmpstr (ls_individual_get_name (individual), ==, "Anna Svensson");
  g_assert_cmpstr (ls_individual_get_personal_number (individual), ==,
                   "19380415-2340");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                        ls_report_get_immediate_actions (report))),
                    ==, 1);
  action = g_list_model_get_item (
      G_LIST_MODEL (ls_report_get_immediate_actions (report)), 0);
  g_assert_cmpint (ls_action_get_kind (action), ==, LS_ACTION_KIND_IMMEDIATE);
  g_assert_cmpstr (ls_action_get_description (action), ==,
                   "Sjuksköterska undersökte Anna.");
  g_assert_cmpstr (ls_action_get_taken_at (action), ==,
                   "2025-03-02T07:00:00+01:00");
  g_assert_cmpstr (ls_action_get_responsible (action), ==, "Eva Ek");

  notice = dup_only_board_notice (stored);
  g_assert_cmpint (ls_board_notice_get_stage (notice), ==,
                   LS_NOTICE_STAGE_REPORT);
  g_assert_cmpstr (ls_board_notice_get_board (notice), ==,
                   "Socialnämnden i Exempelstad");
  g_assert_cmpstr (ls_board_notice_get_notified_on (notice), ==, "2025-03-03");
  g_assert_cmpstr (ls_board_notice_get_how (notice), ==, "Per brev");

  /* Nothing the report needs is missing. */
  {
    g_autoptr (GListStore) requirements =
        ls_rules_check (stored, fixture->organisation);

    for (guint i = 0;
         i < g_list_model_get_n_items (G_LIST_MODEL (requirements)); i++)
      {
        g_autoptr (LsRequirement) requirement =
            g_list_model_get_item (G_LIST_MODEL (requirements), i);

        g_assert_cmpint (ls_requirement_get_step (requirement), !=,
                         LS_STEP_REPORT);
        g_assert_cmpint (ls_requirement_get_step (requirement), !=,
                         LS_STEP_IMMEDIATE_ACTIONS);
        g_assert_cmpint (ls_requirement_get_step (requirement), !=,
                         LS_STEP_BOARD_NOTICE);
      }
  }
}

/* The number the app gives can be replaced by the registry's own; a
 * number another case has is refused on its row, and nothing is lost. */
static void
test_regno (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  g_autofree char *uuid =
      g_strdup (ls_case_get_uuid (ls_wizard_get_case (wizard_of (fixture))));
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *regno = NULL;
  g_autoptr (LsCase) other = ls_case_new ();
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *row;

  ls_case_set_regno (other, "Dnr 2026/16");
  ls_store_save_case (fixture->store, other, "Test", &error);
  g_assert_no_error (error);

  fill_reporter (w);
  next (fixture);
  fill_kind (w);
  next (fixture);
  fill_event (w);
  next (fixture);
  fill_individuals (w);
  ls_wz_wait_idle (w);
  next (fixture);
  fill_actions (w);
  ls_wz_wait_idle (w);
  next (fixture);
  fill_boards (w);
  ls_wz_wait_idle (w);
  next (fixture);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "summary");

  /* The year's number, given at the first save. */
  row = ls_test_find_row (w, "Registration number");
  g_assert_nonnull (row);
  regno = dup_first_regno (gtk_editable_get_text (GTK_EDITABLE (row)), now);

  /* Another case's number. */
  ls_test_set_row_text (w, "Registration number", "Dnr 2026/16");
  g_assert_true (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_wait_idle (w);
  g_assert_true (gtk_widget_get_visible (w));
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "summary");
  g_assert_cmpstr (ls_row_get_error (row), ==,
                   "Another case already has this registration number.");
  stored = load_stored (fixture, uuid);
  g_assert_cmpstr (ls_case_get_regno (stored), ==, regno);
  g_clear_object (&stored);

  /* The registry's number. */
  ls_test_set_row_text (w, "Registration number", "Dnr 2026/17");
  g_assert_null (ls_row_get_error (row));
  g_assert_true (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_wait_destroyed (w);
  stored = load_stored (fixture, uuid);
  g_assert_cmpstr (ls_case_get_regno (stored), ==, "Dnr 2026/17");
  g_assert_cmpint (ls_case_get_status (stored), ==, LS_CASE_STATUS_REPORTED);
}

static void
test_close_keeps_draft (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  g_autofree char *uuid =
      g_strdup (ls_case_get_uuid (ls_wizard_get_case (wizard_of (fixture))));
  g_autoptr (LsCase) stored = NULL;

  ls_test_set_row_text (w, "Name of the person who reported", "Kim Berg");
  ls_test_set_row_text (w, "Received, date and time", "2025-03-02 08:15");
  /* A required choice left open does not stop a draft. */
  g_assert_cmpint (count_cases (fixture), ==, 0);
  gtk_window_close (GTK_WINDOW (w));
  ls_wz_wait_destroyed (w);

  g_assert_cmpint (count_cases (fixture), ==, 1);
  stored = load_stored (fixture, uuid);
  g_assert_cmpint (ls_case_get_status (stored), ==, LS_CASE_STATUS_DRAFT);
  g_assert_cmpstr (ls_report_get_reporter_name (ls_case_get_report (stored)),
                   ==, "Kim Berg");
  g_assert_cmpstr (ls_report_get_received_at (ls_case_get_report (stored)), ==,
                   "2025-03-02T08:15:00+01:00");
  g_assert_nonnull (ls_case_get_regno (stored));
}

static void
test_close_untouched (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);

  /* Opening a new report and closing it leaves no empty draft. */
  gtk_window_close (GTK_WINDOW (w));
  ls_wz_wait_destroyed (w);
  g_assert_cmpint (count_cases (fixture), ==, 0);
}

static void
assert_unchanged (Fixture *fixture, const char *uuid, const char *before)
{
  g_autofree char *after = ls_wz_dup_stored_json (fixture->store, uuid);

  g_assert_cmpstr (after, ==, before);
}

/* Every row that is checked, given bad input, says why on the row, keeps
 * what was typed, and the store keeps what it had. */
static void
test_bad_input (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  g_autofree char *uuid =
      g_strdup (ls_case_get_uuid (ls_wizard_get_case (wizard_of (fixture))));
  g_autofree char *before = NULL;
  const char *received = "Received, date and time";
  GtkWidget *dialog;

  /* Empty required rows. */
  ls_test_set_row_text (w, received, "");
  refuse_next (fixture);
  ls_wz_assert_row_error (w, "Name of the person who reported",
                          "Give who reported: the law asks for it.");
  ls_wz_assert_row_error (w, "Works here as", "Choose one.");
  ls_wz_assert_row_error (w, "How it was reported", "Choose one.");
  ls_wz_assert_row_error (w, received,
                          "Give the day and time the report came in.");
  g_assert_cmpint (count_cases (fixture), ==, 0);

  /* Not a date; a date without the time the law asks for. */
  fill_reporter (w);
  ls_test_set_row_text (w, received, "2025-02-30 10:00");
  refuse_next (fixture);
  ls_wz_assert_row_error (
      w, received,
      "This is not a date and time. Write it as year-month-day "
      "and hours:minutes, such as 2026-03-01 22:30.");
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (ls_test_find_row (w, received))), ==,
      "2025-02-30 10:00");
  /* Correcting the row takes the mark away at once. */
  ls_test_set_row_text (w, received, "2025-03-02");
  g_assert_false (ls_row_has_error (ls_test_find_row (w, received)));
  refuse_next (fixture);
  ls_wz_assert_row_error (
      w, received,
      "This is not a date and time. Write it as year-month-day and "
      "hours:minutes, such as 2026-03-01 22:30.");
  /* A report from the future. */
  ls_test_set_row_text (w, received, "2999-01-01 10:00");
  refuse_next (fixture);
  ls_wz_assert_row_error (w, received, "The date lies in the future.");
  g_assert_cmpint (count_cases (fixture), ==, 0);

  fill_reporter (w);
  next (fixture);
  before = ls_wz_dup_stored_json (fixture->store, uuid);
  g_assert_nonnull (before);

  /* Nothing chosen. */
  refuse_next (fixture);
  ls_wz_assert_row_error (w, "A wrongdoing",
                          "Choose whether it is a wrongdoing or a clear risk.");
  ls_wz_assert_row_error (w, "Category", "Choose one.");
  ls_wz_assert_row_error (w, "Unit where it happened", "Choose one.");
  assert_unchanged (fixture, uuid, before);
  fill_kind (w);
  next (fixture);
  g_free (before);
  before = ls_wz_dup_stored_json (fixture->store, uuid);

  /* No description; it happened after it was reported. */
  ls_test_set_row_text (w, "When it happened", "2025-03-05 10:00");
  refuse_next (fixture);
  ls_wz_assert_row_error (w, "What happened", "Describe what happened.");
  g_free (ls_test_save_screenshot (w, "report-wizard-errors"));
  fill_event (w);
  ls_test_set_row_text (w, "When it happened", "2025-03-05 10:00");
  refuse_next (fixture);
  ls_wz_assert_row_error (
      w, "When it happened",
      "It cannot have happened after the report was received.");
  assert_unchanged (fixture, uuid, before);

  /* Noticed after it was reported. */
  fill_event (w);
  ls_test_set_row_text (w, "When it was noticed", "2025-03-04");
  refuse_next (fixture);
  ls_wz_assert_row_error (
      w, "When it was noticed",
      "It cannot have been noticed after the report was received.");
  assert_unchanged (fixture, uuid, before);

  /* Noticed before it happened. */
  fill_event (w);
  ls_test_set_row_text (w, "When it was noticed", "2025-02-20");
  refuse_next (fixture);
  ls_wz_assert_row_error (w, "When it was noticed",
                          "It cannot have been noticed before it happened.");
  assert_unchanged (fixture, uuid, before);

  /* In the future. */
  fill_event (w);
  ls_test_set_row_text (w, "When it happened", "2999-03-01");
  refuse_next (fixture);
  ls_wz_assert_row_error (w, "When it happened",
                          "The date lies in the future.");
  assert_unchanged (fixture, uuid, before);

  /* Neither a time nor "not known". */
  fill_event (w);
  ls_test_set_row_text (w, "When it happened", "");
  refuse_next (fixture);
  ls_wz_assert_row_error (
      w, "When it happened",
      "Give when it happened, or switch on that it is not known.");
  ls_wz_activate_row (w, "We do not know when it happened");
  g_assert_false (ls_row_has_error (ls_test_find_row (w, "When it happened")));

  fill_event (w);
  ls_wz_activate_row (w, "We do not know when it happened");
  next (fixture);
  g_free (before);
  before = ls_wz_dup_stored_json (fixture->store, uuid);

  /* A personal identity number with a wrong check digit: the dialog says
   * so and stays, and nothing reaches the case. */
  dialog = open_dialog (w, "Add an Individual…");
  ls_test_set_row_text (dialog, "Name", "Anna Svensson");
  ls_test_set_row_text (dialog, "Personal identity number, if known",
                        "380415-2341");
  ls_test_click (dialog, "Save");
  ls_test_drain_events ();
  g_assert_true (ls_test_find_toplevel (LS_TYPE_ITEM_DIALOG) == dialog);
  ls_wz_assert_row_error (dialog, "Personal identity number, if known",
                          "The personal identity number has a wrong check "
                          "digit; check that every digit is right.");
  g_free (ls_test_save_screenshot (dialog, "report-wizard-individual-error"));
  ls_test_set_row_text (dialog, "Personal identity number, if known",
                        "1938-04-15");
  ls_test_click (dialog, "Save");
  ls_wz_assert_row_error (dialog, "Personal identity number, if known",
                          "A personal identity number has ten or twelve "
                          "digits, such as 19450312-1234 or 450312-1234.");
  ls_test_set_row_text (dialog, "Name", "");
  ls_test_click (dialog, "Save");
  ls_wz_assert_row_error (dialog, "Name", "Fill this in.");
  g_assert_cmpuint (ls_item_list_get_n_shown (LS_ITEM_LIST (
                        ls_test_find_by_type (w, LS_TYPE_ITEM_LIST, 0))),
                    ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
  ls_test_drain_events ();
  assert_unchanged (fixture, uuid, before);
  next (fixture);

  /* An action with a time that is no time, and without saying what. */
  dialog = open_dialog (w, "Add an Action…");
  ls_test_set_row_text (dialog, "When, day and time", "igår");
  ls_test_click (dialog, "Save");
  ls_wz_assert_row_error (dialog, "What was done", "Fill this in.");
  ls_wz_assert_row_error (
      dialog, "When, day and time",
      "This is not a date. Write it as year-month-day, such as "
      "2026-03-01, with the time if it is known, such as 2026-03-01 22:30.");
  ls_test_set_row_text (dialog, "When, day and time", "2999-01-01 07:00");
  ls_wz_set_text_field (dialog, "What was done", "Tillsyn varje timme.");
  ls_test_click (dialog, "Save");
  ls_wz_assert_row_error (dialog, "When, day and time",
                          "The date lies in the future.");
  gtk_window_close (GTK_WINDOW (dialog));
  ls_test_drain_events ();
  assert_unchanged (fixture, uuid, before);
}

/* A case whose unit the organisation has since removed. */
static void
test_unknown_unit (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = ls_case_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  LsReport *report = ls_case_get_report (lcase);
  GtkWidget *w;

  ls_case_set_regno (lcase, "OAB-2025-0007");
  ls_case_set_unit_id (lcase, UNIT_LINDEN);
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_received_at (report, "2025-03-02T08:15:00+01:00");
  ls_store_save_case (fixture->store, lcase, "Maria Lind", &error);
  g_assert_no_error (error);
  before = ls_wz_dup_stored_json (fixture->store, ls_case_get_uuid (lcase));

  g_list_store_remove (ls_organisation_get_units (fixture->organisation), 1);
  ls_store_save_organisation (fixture->store, fixture->organisation, &error);
  g_assert_no_error (error);

  w = open_wizard (fixture, lcase, LS_STEP_REPORT, 680);
  ls_wizard_set_page_name (wizard_of (fixture), "kind");
  ls_wz_activate_row (w, "A wrongdoing");
  ls_wz_select (w, "Category", 1);
  g_assert_true (
      ls_test_widget_has_text (w, "A unit the organisation no longer has"));
  refuse_next (fixture);
  ls_wz_assert_row_error (w, "Unit where it happened",
                          "The unit is not one of the organisation’s units.");
  assert_unchanged (fixture, ls_case_get_uuid (lcase), before);

  ls_wz_select (w, "Unit where it happened", 1);
  next (fixture);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==, "event");
  {
    g_autoptr (LsCase) stored = load_stored (fixture, ls_case_get_uuid (lcase));

    g_assert_cmpstr (ls_case_get_unit_id (stored), ==, UNIT_SOLROSEN);
  }
}

/* Closing with a bad row asks; "close without it" keeps all the rest. */
static void
test_close_with_bad_row (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  g_autofree char *uuid =
      g_strdup (ls_case_get_uuid (ls_wizard_get_case (wizard_of (fixture))));
  g_autoptr (LsCase) stored = NULL;
  GtkWidget *dialog;

  ls_test_set_row_text (w, "Name of the person who reported", "Kim Berg");
  ls_test_set_row_text (w, "Received, date and time", "2025-13-02 08:15");
  gtk_window_close (GTK_WINDOW (w));
  ls_test_drain_events ();
  dialog = ls_wz_find_message_dialog ("Some of This Step Cannot Be Saved");
  g_assert_nonnull (dialog);
  ls_wz_assert_row_error (w, "Received, date and time",
                          "This is not a date and time. Write "
                          "it as year-month-day and hours:minutes, such as "
                          "2026-03-01 22:30.");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  ls_wz_wait_destroyed (w);

  stored = load_stored (fixture, uuid);
  g_assert_cmpstr (ls_report_get_reporter_name (ls_case_get_report (stored)),
                   ==, "Kim Berg");
  /* The time stays what it was before: the bad one is not saved. */
  g_assert_cmpstr (ls_report_get_received_at (ls_case_get_report (stored)), !=,
                   NULL);
  g_assert_false (g_str_has_prefix (
      ls_report_get_received_at (ls_case_get_report (stored)), "2025-13"));
}

/* A full disk, a read-only file: the store refuses every write. */
static void
break_store (Fixture *fixture, gboolean broken)
{
  sqlite3 *db = NULL;
  const char *sql =
      broken
          ? "CREATE TRIGGER wizard_test_full BEFORE INSERT ON cases BEGIN "
            "SELECT RAISE (ABORT, 'database or disk is full'); END; "
            "CREATE TRIGGER wizard_test_full_u BEFORE UPDATE ON cases "
            "BEGIN SELECT RAISE (ABORT, 'database or disk is full'); END;"
          : "DROP TRIGGER wizard_test_full; DROP TRIGGER wizard_test_full_u;";

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_storage_error (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  g_autofree char *uuid =
      g_strdup (ls_case_get_uuid (ls_wizard_get_case (wizard_of (fixture))));
  g_autoptr (LsCase) stored = NULL;
  GtkWidget *dialog;

  break_store (fixture, TRUE);
  fill_reporter (w);
  next (fixture);
  g_assert_true (ls_wz_has_text_prefix (
      w, "Could not save: The case database could not be used: database or "
         "disk is full. What you typed is kept."));
  g_free (ls_test_save_screenshot (w, "report-wizard-storage-error"));
  g_assert_cmpint (count_cases (fixture), ==, 0);

  /* Closing now cannot save either: the user decides. */
  gtk_window_close (GTK_WINDOW (w));
  ls_wz_wait_idle (w);
  dialog = ls_wz_find_message_dialog ("The Report Could Not Be Saved");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  ls_test_drain_events ();
  g_assert_true (gtk_widget_get_visible (w));

  /* With room again, the next step saves everything typed so far. */
  break_store (fixture, FALSE);
  ls_wizard_set_page_name (wizard_of (fixture), "reporter");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ls_test_find_row (
                       w, "Name of the person who reported"))),
                   ==, "Kim Berg");
  next (fixture);
  stored = load_stored (fixture, uuid);
  g_assert_cmpstr (ls_report_get_reporter_name (ls_case_get_report (stored)),
                   ==, "Kim Berg");
}

/* A stored case shows its values again, and opens at the step asked for. */
/* A report of Solrosen as the manager left it, stored with its number. */
static LsCase *
save_filed_report (Fixture *fixture)
{
  LsCase *lcase = ls_case_new ();
  g_autoptr (LsIndividual) individual = ls_individual_new ();
  g_autoptr (LsAction) action = ls_action_new ();
  g_autoptr (GError) error = NULL;
  LsReport *report = ls_case_get_report (lcase);

  ls_case_set_regno (lcase, "OAB-2025-0003");
  ls_case_set_unit_id (lcase, UNIT_SOLROSEN);
  ls_report_set_kind (report, LS_CASE_KIND_WRONGDOING);
  ls_report_set_category (report, "poor-treatment");
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_TRAINEE);
  ls_report_set_received_how (report, LS_RECEIVED_HOW_ORAL);
  ls_report_set_received_at (report, "2025-03-02T08:15:00+01:00");
  ls_report_set_received_by (report, "Lena Holm");
  ls_report_set_description (report, "Anna blev utskälld.");
  ls_report_set_occurred_unknown (report, TRUE);
  ls_individual_set_name (individual, "Anna Svensson");
  ls_individual_set_personal_number (individual, "19380415-2340");
  g_list_store_append (ls_report_get_individuals (report), individual);
  ls_action_set_description (action, "Samtal med personalen.");
  ls_action_set_taken_at (action, "2025-03-02");
  g_list_store_append (ls_report_get_immediate_actions (report), action);
  ls_store_save_case (fixture->store, lcase, "Maria Lind", &error);
  g_assert_no_error (error);
  return lcase;
}

static void
test_reopen (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = save_filed_report (fixture);
  GtkWidget *w;

  w = open_wizard (fixture, lcase, LS_STEP_IMMEDIATE_ACTIONS, 680);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "actions");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (w)), ==,
                   "Report OAB-2025-0003");
  g_assert_true (ls_test_widget_has_text (w, "Step 5 of 6 · OAB-2025-0003"));
  g_assert_true (ls_test_widget_has_text (w, "Samtal med personalen."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ls_test_find_row (
                       w, "Name of the person who reported"))),
                   ==, "Kim Berg");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                       ls_test_find_row (w, "Received, date and time"))),
                   ==, "2025-03-02 08:15");
  g_assert_cmpuint (adw_combo_row_get_selected (
                        ADW_COMBO_ROW (ls_test_find_row (w, "Works here as"))),
                    ==, LS_REPORTER_CATEGORY_TRAINEE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (ls_test_find_by_type (
      ls_test_find_row (w, "We do not know when it happened"), GTK_TYPE_SWITCH,
      0))));
  g_assert_true (ls_test_widget_has_text (w, "19380415-****"));

  /* Editing the individual keeps the hidden number unless it is retyped. */
  ls_wizard_set_page_name (wizard_of (fixture), "individuals");
  ls_wz_activate_row (w, "Anna Svensson");
  {
    GtkWidget *dialog = ls_test_find_toplevel (LS_TYPE_ITEM_DIALOG);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ls_test_find_row (
                         dialog, "Personal identity number, if known"))),
                     ==, "19380415-****");
    ls_test_set_row_text (dialog, "Name", "Anna Maria Svensson");
    ls_test_click (dialog, "Save");
  }
  ls_wz_wait_idle (w);
  {
    g_autoptr (LsCase) stored = load_stored (fixture, ls_case_get_uuid (lcase));
    g_autoptr (LsIndividual) saved = g_list_model_get_item (
        G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (stored))),
        0);

    g_assert_cmpstr (ls_individual_get_name (saved), ==, "Anna Maria Svensson");
    g_assert_cmpstr (ls_individual_get_personal_number (saved), ==,
                     "19380415-2340");
  }
}

/* (transfer full) (nullable): what the rules ask of @lcase that says
 * @message. */
static LsRequirement *
find_requirement (LsCase *lcase,
                  LsOrganisation *organisation,
                  const char *message)
{
  g_autoptr (GListStore) requirements = ls_rules_check (lcase, organisation);

  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (requirements));
       k++)
    {
      g_autoptr (LsRequirement) r =
          g_list_model_get_item (G_LIST_MODEL (requirements), k);

      if (ls_test_reads_as (ls_requirement_get_message (r), message))
        return g_steal_pointer (&r);
    }
  return NULL;
}

/* Notified to IVO, what the report says is on record: changing it asks
 * why, in one dialog, and the history keeps the reason. */
static void
test_reason_asked (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = save_filed_report (fixture);
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  GtkWidget *w;

  ls_notification_set_submitted_on (ls_case_get_notification (lcase),
                                    "2025-03-05");
  g_assert_true (ls_store_save_case_why (fixture->store, lcase, "Maria Lind",
                                         NULL, &error));
  g_assert_no_error (error);

  w = open_wizard (fixture, lcase, LS_STEP_REPORT, 680);
  ls_wizard_set_page_name (wizard_of (fixture), "reporter");
  ls_test_set_row_text (w, "Name of the person who reported", "Kim Bergström");
  g_assert_true (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_give_reason ("Namnet var felstavat");
  ls_wz_wait_idle (w);

  stored = load_stored (fixture, ls_case_get_uuid (lcase));
  g_assert_cmpstr (ls_report_get_reporter_name (ls_case_get_report (stored)),
                   ==, "Kim Bergström");
  why = ls_wz_dup_history_why (fixture->store, ls_case_get_uuid (lcase),
                               "reporter_name");
  g_assert_cmpstr (why, ==, "Namnet var felstavat");
}

/* Whether the rules ask, blocking the closing, to tell the board. */
static gboolean
board_notice_blocks (LsCase *lcase, LsOrganisation *organisation)
{
  g_autoptr (LsRequirement) r = find_requirement (
      lcase, organisation,
      "Tell the responsible social welfare board of the report, unless "
      "secrecy prevents it.");

  return r != NULL && ls_requirement_get_blocking (r);
}

/* SiS (4 kap. 2 §): the board is not told because secrecy prevents it;
 * the dialog then asks for no day, the reason is kept, and the notice no
 * longer holds the case open. */
static void
test_sis_secrecy (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = save_filed_report (fixture);
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (LsBoardNotice) notice = NULL;
  GtkWidget *w;
  GtkWidget *dialog;

  g_assert_true (board_notice_blocks (lcase, fixture->organisation));
  w = open_wizard (fixture, lcase, LS_STEP_REPORT, 680);
  ls_wizard_set_page_name (wizard_of (fixture), "boards");
  dialog = open_dialog (w, "Add a Board Informed…");
  ls_test_set_row_text (dialog, "Board", "Socialnämnden i Exempelstad");
  ls_wz_activate_row (dialog, "Not told: secrecy prevents it");
  ls_test_set_row_text (dialog, "Which secrecy, and why it applies",
                        "Sekretess enligt 26 kap. 1 § OSL");
  ls_test_click (dialog, "Save");
  ls_wz_wait_destroyed (dialog);
  g_assert_true (ls_test_widget_has_text (w, "Not told: secrecy prevents it"));
  ls_wz_wait_idle (w);

  stored = load_stored (fixture, ls_case_get_uuid (lcase));
  notice = dup_only_board_notice (stored);
  g_assert_cmpstr (ls_board_notice_get_board (notice), ==,
                   "Socialnämnden i Exempelstad");
  g_assert_true (ls_board_notice_get_secrecy_prevents (notice));
  g_assert_cmpstr (ls_board_notice_get_secrecy_reason (notice), ==,
                   "Sekretess enligt 26 kap. 1 § OSL");
  g_assert_null (ls_board_notice_get_notified_on (notice));
  g_assert_cmpint (ls_board_notice_get_stage (notice), ==,
                   LS_NOTICE_STAGE_REPORT);
  g_assert_false (board_notice_blocks (stored, fixture->organisation));
}

static void
test_municipal_boards (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);

  ls_wizard_set_page_name (wizard_of (fixture), "boards");
  /* A municipal board tells another board only if that one decided. */
  g_assert_true (ls_test_widget_has_text (
      w, "If another board decided the individual’s service, it should be "
         "told that a report came in (general advice to 4 kap. SOSFS "
         "2011:5). Otherwise there is nobody to add here."));
}

/* Another board decided the individual's service: the advice suggests
 * telling it, never blocking (general advice to 4 kap.). Assistance
 * compensation is asked about only for LSS personal assistance. */
static void
test_deciding_board (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);

  ls_wizard_set_page_name (wizard_of (fixture), "boards");
  g_assert_false (gtk_widget_get_visible (ls_test_find_row (
      w, "Försäkringskassan decided on assistance compensation")));
  ls_test_set_row_text (w, "Board that decided the individual’s service",
                        "Socialnämnden");
  ls_wizard_set_page_name (wizard_of (fixture), "summary");
  g_assert_cmpstr (
      ls_case_get_deciding_board (ls_wizard_get_case (wizard_of (fixture))), ==,
      "Socialnämnden");
  {
    g_autoptr (LsRequirement) r =
        find_requirement (ls_wizard_get_case (wizard_of (fixture)), NULL,
                          "Consider telling Socialnämnden, which decided the "
                          "individual’s service, of the report.");

    g_assert_nonnull (r);
    g_assert_false (ls_requirement_get_blocking (r));
  }
}

static void
test_private_boards (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);

  ls_wizard_set_page_name (wizard_of (fixture), "boards");
  g_assert_true (ls_test_widget_has_text (
      w, "As a private provider you must tell the board that decided the "
         "individual’s service, or that holds the contract for the activity, "
         "that a report came in (4 kap. 1 § SOSFS 2011:5)."));
  ls_wizard_set_page_name (wizard_of (fixture), "summary");
  /* Still to do, with the provision, until it is done. */
  g_assert_true (ls_test_widget_has_text (
      w, "Tell the board that decided the individual’s service of the "
         "report."));
  g_assert_true (ls_test_widget_has_text (w, "4 kap. 1 § SOSFS 2011:5"));
}

/* The summary is where the report is checked before finishing: what
 * happened is shown whole, wrapped, not cut like a list's title. */
static void
test_summary_whole_description (Fixture *fixture, gconstpointer data)
{
  static const char description[] =
      "Anna larmade kl. 22.30 från sitt rum. Larmet besvarades inte förrän "
      "kl. 23.10, då nattpersonalen var upptagen i det andra huset.\n"
      "Hon hade försökt gå på toaletten själv och föll.";
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  GtkWidget *label;

  ls_wizard_set_page_name (wizard_of (fixture), "event");
  ls_wz_set_text_field (w, "What happened", description);
  ls_wizard_set_page_name (wizard_of (fixture), "summary");
  ls_wz_wait_idle (w);
  label = ls_test_find_label (w, description);
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==,
                   PANGO_ELLIPSIZE_NONE);
}

/* Keyboard: Next is the default widget, so Enter in a row goes on;
 * Alt+Right and Alt+Left move between the steps. */
static void
test_keyboard (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  GtkWidget *name = ls_test_find_row (w, "Name of the person who reported");

  GtkWidget *next_button = gtk_window_get_default_widget (GTK_WINDOW (w));

  g_assert_true (GTK_IS_BUTTON (next_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next_button)), ==,
                   "_Next");
  g_assert_true (adw_entry_row_get_activates_default (ADW_ENTRY_ROW (name)));
  fill_reporter (w);
  g_assert_true (gtk_widget_activate_action (w, "wizard.next", NULL));
  ls_wz_wait_idle (w);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==, "kind");
  g_assert_true (gtk_widget_activate_action (w, "wizard.back", NULL));
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "reporter");
}

/* The longest category, in Swedish, is read whole in a 680-pixel wizard
 * and a narrow one: the choice stands under the title and wraps. */
static void
test_long_category (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w;
  GtkWidget *row;

  ls_test_use_language ("sv");
  w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  ls_wizard_set_page_name (wizard_of (fixture), "kind");
  /* After "Välj…", the ninth: environment or technology. */
  ls_wz_select (w, "Kategori", 9);
  row = ls_test_find_row (w, "Kategori");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Brister i miljö eller teknik");
  for (guint i = 0; i < LS_TEST_N_LOOKS; i++)
    {
      g_autofree char *name = g_strconcat ("report-wizard-long-category-sv",
                                           ls_test_looks[i].suffix, NULL);

      ls_test_use_dark (ls_test_looks[i].dark);
      gtk_window_set_default_size (
          GTK_WINDOW (w), ls_test_looks[i].narrow ? LS_TEST_NARROW_WIDTH : 680,
          760);
      ls_test_wait_for_frames (w, 3);
      g_free (ls_test_save_screenshot (w, name));
    }
  ls_test_use_dark (FALSE);
  ls_test_use_language ("en");
}

static GtkWidget *
press_tab (GtkWidget *w)
{
  g_assert_true (ls_test_press_key (w, GDK_KEY_Tab, 0));
  return gtk_root_get_focus (GTK_ROOT (w));
}

/* Tab goes through every control of a step in order, with errors shown
 * under its rows as without them. */
static void
test_tab_order_with_errors (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  GtkWidget *how = ls_test_find_row (w, "How it was reported");
  GtkWidget *received = ls_test_find_row (w, "Received, date and time");
  GtkWidget *received_by = ls_test_find_row (w, "Received by");
  GtkWidget *focus;

  g_assert_nonnull (how);
  g_assert_nonnull (received);
  g_assert_nonnull (received_by);
  /* Next on the empty step marks its rows. */
  g_assert_true (gtk_widget_activate_action (w, "wizard.next", NULL));
  ls_wz_wait_idle (w);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "reporter");
  g_assert_true (ls_row_has_error (
      ls_test_find_row (w, "Name of the person who reported")));
  ls_row_set_error (how, "Choose how it was reported.");

  g_assert_true (gtk_widget_grab_focus (how));
  focus = press_tab (w);
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, received));
  /* The date's entry, then its calendar button, in the same row. */
  focus = press_tab (w);
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, received));
  g_assert_true (GTK_IS_MENU_BUTTON (focus) || GTK_IS_BUTTON (focus) ||
                 gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON) != NULL);
  focus = press_tab (w);
  g_assert_true (
      focus != NULL &&
      (focus == received_by || gtk_widget_is_ancestor (focus, received_by)));
  /* And back. */
  g_assert_true (ls_test_press_key (w, GDK_KEY_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (w));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, received));
}

static gboolean
shows_kind (gpointer data)
{
  return g_strcmp0 (ls_wizard_get_page_name (data), "kind") == 0;
}

/* Enter on a focused row of what is still missing opens its step, as a
 * click does; it does not finish the report.  Enter in an entry row still
 * goes on to the next step. */
static void
test_enter_on_row (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  GtkWidget *row;

  g_assert_true (ls_test_press_key (w, GDK_KEY_Return, 0) ||
                 gtk_root_get_focus (GTK_ROOT (w)) == NULL);
  ls_wizard_set_page_name (wizard_of (fixture), "summary");
  row = ls_test_find_row (w, "Give who reported.");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (ls_test_press_key (w, GDK_KEY_Return, 0));
  ls_wz_wait_idle (w);
  g_assert_cmpint (ls_wizard_get_state (wizard_of (fixture)), ==,
                   LS_WIZARD_STATE_EDITING);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "reporter");

  /* In an entry, Enter still means Next. */
  row = ls_test_find_row (w, "Name of the person who reported");
  fill_reporter (w);
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (ls_test_press_key (w, GDK_KEY_Return, 0));
  /* A default button is pressed visibly first. */
  ls_test_wait_until (shows_kind, wizard_of (fixture));
}

static void
screenshot_steps (Fixture *fixture, const char *suffix, int width)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, width);
  const struct
  {
    const char *page;
    void (*fill) (GtkWidget *);
  } steps[] = {
    { "reporter", fill_reporter }, { "kind", fill_kind },
    { "event", fill_event },       { "individuals", fill_individuals },
    { "actions", fill_actions },   { "boards", fill_boards },
    { "summary", NULL },
  };

  if (width <= 360)
    g_assert_cmpint (gtk_widget_get_width (w), <=, 360);
  g_assert_cmpuint (ls_wizard_get_n_pages (wizard_of (fixture)), ==,
                    G_N_ELEMENTS (steps));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *name =
          g_strdup_printf ("report-wizard-%u%s", i + 1, suffix);

      g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                       steps[i].page);
      if (steps[i].fill != NULL)
        steps[i].fill (w);
      ls_wz_wait_idle (w);
      g_free (ls_test_save_screenshot (w, name));
      if (i + 1 < G_N_ELEMENTS (steps))
        next (fixture);
    }
  /* What the pictures show was saved, step by step. */
  {
    g_autoptr (LsCase) stored = load_stored (
        fixture, ls_case_get_uuid (ls_wizard_get_case (wizard_of (fixture))));

    g_assert_nonnull (stored);
    g_assert_nonnull (ls_case_get_regno (stored));
    g_assert_cmpuint (
        g_list_model_get_n_items (G_LIST_MODEL (
            ls_report_get_individuals (ls_case_get_report (stored)))),
        ==, 1);
  }
}

/* A look's test has the look as its data, and the default organisation. */
static void
look_set_up (Fixture *fixture, gconstpointer data)
{
  fixture_set_up (fixture, NULL);
}

static void
test_screenshots (Fixture *fixture, gconstpointer data)
{
  const LsTestLook *look = data;

  ls_test_use_dark (look->dark);
  screenshot_steps (fixture, look->suffix,
                    look->narrow ? LS_TEST_NARROW_WIDTH : 680);
  ls_test_use_dark (FALSE);
}

/* Keyboard first: on every step, in both languages, each mnemonic leads to
 * one control only, and each dialog's too. */
static void
assert_pages_mnemonics (Fixture *fixture)
{
  GtkWidget *stack = ls_test_find_by_type (fixture->wizard, GTK_TYPE_STACK, 0);

  for (guint i = 0; i < ls_wizard_get_n_pages (wizard_of (fixture)); i++)
    {
      ls_wizard_set_page_name (wizard_of (fixture),
                               ls_wizard_page_get_name (ls_wizard_get_nth_page (
                                   wizard_of (fixture), i)));
      ls_wz_wait_idle (fixture->wizard);
      ls_wz_assert_mnemonics_unique (
          fixture->wizard, gtk_stack_get_visible_child (GTK_STACK (stack)));
    }
}

static void
test_mnemonics (Fixture *fixture, gconstpointer data)
{
  const char *const languages[] = { "en", "sv" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *const adds[] = { "Add an Individual…", "Add an Action…",
                                   "Add a Board Informed…" };
      const char *const pages[] = { "individuals", "actions", "boards" };

      ls_test_use_language (languages[l]);
      open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
      assert_pages_mnemonics (fixture);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          GtkWidget *dialog;
          GtkWidget *list;

          ls_wizard_set_page_name (wizard_of (fixture), pages[i]);
          list = ls_test_find_by_type (
              gtk_stack_get_visible_child (GTK_STACK (
                  ls_test_find_by_type (fixture->wizard, GTK_TYPE_STACK, 0))),
              LS_TYPE_ITEM_LIST, 0);
          dialog =
              GTK_WIDGET (ls_item_list_open_dialog (LS_ITEM_LIST (list), NULL));
          ls_wz_assert_mnemonics_unique (dialog, dialog);
          gtk_window_destroy (GTK_WINDOW (dialog));
          g_assert_nonnull (adds[i]);
        }
      gtk_window_destroy (GTK_WINDOW (fixture->wizard));
      g_clear_object (&fixture->wizard);
    }
  ls_test_use_language ("en");
}

/* The summary hands a finished report straight to the investigation. */
static void
test_finish_and_investigate (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w = open_wizard (fixture, NULL, LS_STEP_REPORT, 680);
  g_autofree char *uuid =
      g_strdup (ls_case_get_uuid (ls_wizard_get_case (wizard_of (fixture))));
  GtkWidget *investigation;

  fill_reporter (w);
  next (fixture);
  fill_kind (w);
  next (fixture);
  fill_event (w);
  ls_wizard_set_page_name (wizard_of (fixture), "summary");
  ls_wz_wait_idle (w);
  ls_wz_activate_row (w, "Finish and Start the Investigation");
  ls_wz_wait_destroyed (w);

  investigation = ls_test_find_toplevel (LS_TYPE_INVESTIGATION_WIZARD);
  g_assert_nonnull (investigation);
  ls_wz_wait_idle (investigation);
  g_assert_cmpstr (
      ls_case_get_uuid (ls_wizard_get_case (LS_WIZARD (investigation))), ==,
      uuid);
  g_assert_cmpstr (ls_wizard_get_page_name (LS_WIZARD (investigation)), ==,
                   "investigators");
  {
    g_autoptr (LsCase) stored = load_stored (fixture, uuid);

    g_assert_cmpint (ls_case_get_status (stored), ==, LS_CASE_STATUS_REPORTED);
  }
}

/* In Swedish, as most users will see it: every step in a narrow window. */
static void
test_swedish (Fixture *fixture, gconstpointer data)
{
  GtkWidget *w;

  ls_test_use_language ("sv");
  w = open_wizard (fixture, NULL, LS_STEP_REPORT, 360);
  g_assert_true (ls_test_widget_has_text (w, "Vem rapporterade"));
  g_assert_true (ls_test_widget_has_text (w, "Steg 1 av 6"));
  g_assert_false (ls_test_widget_has_text (w, "Who Reported"));
  for (guint i = 0; i < ls_wizard_get_n_pages (wizard_of (fixture)); i++)
    {
      g_autofree char *name = g_strdup_printf ("report-wizard-%u-sv", i + 1);

      ls_wizard_set_page_name (wizard_of (fixture),
                               ls_wizard_page_get_name (ls_wizard_get_nth_page (
                                   wizard_of (fixture), i)));
      ls_wz_wait_idle (w);
      g_free (ls_test_save_screenshot (w, name));
    }
  /* A mistake is explained in Swedish too. */
  ls_wizard_set_page_name (wizard_of (fixture), "reporter");
  ls_test_set_row_text (w, "Mottagen, datum och klockslag", "2999-01-01 10:00");
  refuse_next (fixture);
  ls_wz_assert_row_error (w, "Mottagen, datum och klockslag",
                          "Datumet ligger i framtiden.");
  g_free (ls_test_save_screenshot (w, "report-wizard-errors-sv"));
  ls_test_use_language ("en");
}

int
main (int argc, char *argv[])
{
  ls_test_init_gtk (&argc, &argv);

#define ADD(path, func, data)                                                  \
  g_test_add ("/report-wizard/" path, Fixture, data, fixture_set_up, func,     \
              fixture_tear_down)
  ADD ("complete", test_complete, NULL);
  ADD ("regno", test_regno, NULL);
  ADD ("close-keeps-draft", test_close_keeps_draft, NULL);
  ADD ("close-untouched", test_close_untouched, NULL);
  ADD ("bad-input", test_bad_input, NULL);
  ADD ("unknown-unit", test_unknown_unit, NULL);
  ADD ("close-with-bad-row", test_close_with_bad_row, NULL);
  ADD ("storage-error", test_storage_error, NULL);
  ADD ("reopen", test_reopen, NULL);
  /* Named whole: docs/law.md cites them. */
  g_test_add ("/report-wizard/reason-asked", Fixture, NULL, fixture_set_up,
              test_reason_asked, fixture_tear_down);
  g_test_add ("/report-wizard/sis-secrecy", Fixture,
              GINT_TO_POINTER (LS_ORGANISATION_KIND_SIS + 1), fixture_set_up,
              test_sis_secrecy, fixture_tear_down);
  ADD ("municipal-boards", test_municipal_boards,
       GINT_TO_POINTER (LS_ORGANISATION_KIND_MUNICIPAL_BOARD + 1));
  ADD ("private-boards", test_private_boards, NULL);
  ADD ("deciding-board", test_deciding_board, NULL);
  ADD ("keyboard", test_keyboard, NULL);
  ADD ("enter-on-row", test_enter_on_row, NULL);
  ADD ("tab-order-with-errors", test_tab_order_with_errors, NULL);
  ADD ("long-category", test_long_category, NULL);
  ADD ("summary-whole-description", test_summary_whole_description, NULL);
  for (guint i = 0; i < LS_TEST_N_LOOKS; i++)
    {
      g_autofree char *path = g_strconcat ("/report-wizard/screenshots",
                                           ls_test_looks[i].suffix, NULL);

      g_test_add (path, Fixture, &ls_test_looks[i], look_set_up,
                  test_screenshots, fixture_tear_down);
    }
  ADD ("swedish", test_swedish, NULL);
  ADD ("mnemonics", test_mnemonics, NULL);
  ADD ("finish-and-investigate", test_finish_and_investigate, NULL);
#undef ADD

  return g_test_run ();
}
