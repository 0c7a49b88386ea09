/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ls-action.h"
#include "ls-cause.h"
#include "ls-dates.h"
#include "ls-individual.h"
#include "ls-investigation-wizard.h"
#include "ls-investigator.h"
#include "ls-item-dialog.h"
#include "ls-journal-item-dialog.h"
#include "ls-journal-view.h"
#include "ls-notification-wizard.h"
#include "ls-report-wizard.h"
#include "ls-requirement.h"
#include "ls-row-error.h"
#include "ls-rules.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"
#include "ls-wizard-test.h"
#include "ls-wizards.h"

/* The investigation wizard driven through its steps as a manager would,
 * with what it saved read back from a real store. */

#define UNIT_SOLGARDEN "6637c86c-a47f-4dae-8000-0b60995e4035"

typedef struct
{
  char *dir;
  LsStore *store;
  LsOrganisation *organisation;
  GSettings *settings;
  LsContext *context;
  LsCase *lcase;   /* the reported case under investigation */
  LsCase *earlier; /* a closed case much like it */
  GtkWidget *wizard;
} Fixture;

static LsCase *
make_reported_case (const char *regno,
                    const char *description,
                    const char *received_at)
{
  LsCase *lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);
  g_autoptr (LsIndividual) individual = ls_individual_new ();
  g_autoptr (LsAction) action = ls_action_new ();

  ls_case_set_regno (lcase, regno);
  ls_case_set_unit_id (lcase, UNIT_SOLGARDEN);
  ls_report_set_kind (report, LS_CASE_KIND_WRONGDOING);
  ls_report_set_category (report, "service-not-carried-out");
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_report_set_received_how (report, LS_RECEIVED_HOW_WRITTEN);
  ls_report_set_received_at (report, received_at);
  ls_report_set_received_by (report, "Maria Lind");
  ls_report_set_description (report, description);
  ls_report_set_consequences (report, "Ett blåmärke på höften.");
  ls_report_set_occurred_at (report, "2025-03-01T22:30:00+01:00");
  ls_report_set_noticed_at (report, "2025-03-02T06:40:00+01:00");
  ls_report_set_noticed_how (report, "Vid morgonrundan.");
  ls_individual_set_name (individual, "Anna Svensson");
  ls_individual_set_personal_number (individual, "19380415-2340");
  g_list_store_append (ls_report_get_individuals (report), individual);
  ls_action_set_description (action, "Sjuksköterska undersökte Anna.");
  ls_action_set_responsible (action, "Eva Ek");
  ls_action_set_taken_at (action, "2025-03-02T07:00:00+01:00");
  g_list_store_append (ls_report_get_immediate_actions (report), action);
  return lcase;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsUnit) unit = ls_unit_new ();
  g_autofree char *path = NULL;

  fixture->dir = ls_wz_make_temp_dir ();
  path = g_build_filename (fixture->dir, "lexsarah.db", NULL);
  fixture->store = ls_store_open (path, &error);
  g_assert_no_error (error);

  fixture->organisation = ls_organisation_new ();
  ls_organisation_set_kind (fixture->organisation,
                            LS_ORGANISATION_KIND_MUNICIPAL_BOARD);
  ls_organisation_set_name (fixture->organisation, "Vård- och omsorgsnämnden");
  ls_organisation_set_regno_prefix (fixture->organisation, "VON");
  ls_unit_set_id (unit, UNIT_SOLGARDEN);
  ls_unit_set_name (unit, "Solgårdens vård- och omsorgsboende");
  g_list_store_append (ls_organisation_get_units (fixture->organisation), unit);
  ls_store_save_organisation (fixture->store, fixture->organisation, &error);
  g_assert_no_error (error);

  fixture->settings = g_settings_new (APP_ID);
  g_settings_set_string (fixture->settings, "user-name", "Lena Holm");
  g_settings_set_string (fixture->settings, "user-title",
                         "Kvalitetsutvecklare");
  fixture->context =
      ls_context_new (fixture->store, fixture->organisation, fixture->settings);

  fixture->earlier = make_reported_case (
      "VON-2025-0001",
      "Larmet från trygghetslarmet besvarades inte under natten på "
      "Solgården.",
      "2025-01-10T09:00:00+01:00");
  ls_report_set_occurred_at (ls_case_get_report (fixture->earlier),
                             "2025-01-09T23:00:00+01:00");
  ls_report_set_noticed_at (ls_case_get_report (fixture->earlier),
                            "2025-01-10T06:30:00+01:00");
  ls_store_save_case (fixture->store, fixture->earlier, "Lena Holm", &error);
  g_assert_no_error (error);

  fixture->lcase = make_reported_case (
      "VON-2025-0003",
      "Anna larmade med trygghetslarmet kl. 22.30. Larmet besvarades inte "
      "under natten.",
      "2025-03-02T08:15:00+01:00");
  ls_store_save_case (fixture->store, fixture->lcase, "Lena Holm", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  ls_test_destroy_windows ();
  g_clear_object (&fixture->wizard);
  g_clear_object (&fixture->lcase);
  g_clear_object (&fixture->earlier);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->organisation);
  g_clear_object (&fixture->store);
  ls_wz_remove_temp_dir (fixture->dir);
  g_free (fixture->dir);
}

static LsWizard *
wizard_of (Fixture *fixture)
{
  return LS_WIZARD (fixture->wizard);
}

static GtkWidget *
open_wizard (Fixture *fixture, LsStep step, LsPoints point, int width)
{
  GtkWindow *window =
      ls_wizards_open (NULL, fixture->context, fixture->lcase, step, point);

  g_assert_true (LS_IS_INVESTIGATION_WIZARD (window));
  fixture->wizard = g_object_ref (GTK_WIDGET (window));
  gtk_window_set_default_size (window, width, 760);
  ls_test_wait_for_frames (fixture->wizard, 2);
  ls_wz_wait_idle (fixture->wizard);
  return fixture->wizard;
}

/* The step in view: rows of the same title stand on other steps too. */
static GtkWidget *
page (Fixture *fixture)
{
  return GTK_WIDGET (ls_wizard_get_page (wizard_of (fixture)));
}

static LsCase *
load_stored (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  LsCase *lcase = ls_store_load_case (
      fixture->store, ls_case_get_uuid (fixture->lcase), &error);

  g_assert_no_error (error);
  return lcase;
}

static void
go_to (Fixture *fixture, const char *target)
{
  ls_wizard_set_page_name (wizard_of (fixture), target);
  ls_wz_wait_idle (fixture->wizard);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==, target);
}

static void
next (Fixture *fixture)
{
  g_assert_true (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_wait_idle (fixture->wizard);
}

static GtkWidget *
open_item_dialog (Fixture *fixture, const char *add_title)
{
  GtkWidget *dialog;

  ls_wz_activate_row (page (fixture), add_title);
  dialog = ls_test_find_toplevel (LS_TYPE_ITEM_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
save_item_dialog (Fixture *fixture, GtkWidget *dialog)
{
  ls_test_click (dialog, "Save");
  ls_test_drain_events ();
  g_assert_null (ls_test_find_toplevel (LS_TYPE_ITEM_DIALOG));
  ls_wz_wait_idle (fixture->wizard);
}

/* Adds a documented item on the step in view, about its point. */
static GtkWidget *
open_journal_dialog (Fixture *fixture)
{
  GtkWidget *dialog;

  ls_wz_activate_row (page (fixture), "Add Documented Item…");
  dialog = ls_test_find_toplevel (LS_TYPE_JOURNAL_ITEM_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
add_journal_item (Fixture *fixture,
                  const char *text,
                  const char *source,
                  gboolean fact)
{
  GtkWidget *dialog = open_journal_dialog (fixture);

  /* Who documents it is the user, unless changed. */
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (ls_test_find_row (dialog, "Name"))),
      ==, "Lena Holm");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                       ls_test_find_row (dialog, "Title or role"))),
                   ==, "Kvalitetsutvecklare");
  ls_wz_set_text_field (dialog, "What is documented", text);
  ls_test_set_row_text (dialog, "Source", source);
  ls_wz_activate_row (dialog, fact ? "A fact" : "An assessment");
  ls_test_click (dialog, "Add");
  ls_test_drain_events ();
  g_assert_null (ls_test_find_toplevel (LS_TYPE_JOURNAL_ITEM_DIALOG));
  ls_wz_wait_idle (fixture->wizard);
}

static void
fill_investigators (Fixture *fixture)
{
  GtkWidget *dialog = open_item_dialog (fixture, "Add an Investigator…");

  ls_test_set_row_text (dialog, "Name", "Lena Holm");
  ls_test_set_row_text (dialog, "Title or role", "Kvalitetsutvecklare");
  ls_wz_set_text_field (dialog,
                        "Competence, such as training in event analysis",
                        "Utbildad i händelseanalys.");
  save_item_dialog (fixture, dialog);
}

static void
fill_point_1 (Fixture *fixture)
{
  add_journal_item (fixture,
                    "Anna larmade kl. 22.30 och låg på golvet till kl. 06.40.",
                    "Samtal med Anna", TRUE);
}

static void
fill_point_5 (Fixture *fixture)
{
  GtkWidget *dialog = open_item_dialog (fixture, "Add a Cause…");

  ls_wz_select (dialog, "Kind of cause", 1);
  ls_wz_set_text_field (dialog, "What in the way the work is done led to it",
                        "Ingen rutin för att lämna över larmtelefonen vid "
                        "rast.");
  save_item_dialog (fixture, dialog);
  add_journal_item (fixture,
                    "Larmtelefonen låg kvar i personalrummet under rasten.",
                    "Intervju med nattpersonalen", TRUE);
}

static void
fill_point_6 (Fixture *fixture)
{
  ls_wz_activate_row (page (fixture), "No, not that we know of");
  add_journal_item (fixture, "Inget liknande finns i ärendena sedan 2020.",
                    "Ärendena i Lex Sarah", TRUE);
}

static void
fill_point_7 (Fixture *fixture)
{
  ls_wz_set_text_field (page (fixture), "Your assessment, and what it rests on",
                        "Det kan hända igen på alla boenden med samma "
                        "larmtelefoner.");
  add_journal_item (fixture, "Samma larmtelefoner används på tre boenden till.",
                    "Verksamhetschefen", FALSE);
}

static void
fill_preventive (Fixture *fixture)
{
  GtkWidget *dialog = open_item_dialog (fixture, "Add an Action…");

  ls_wz_set_text_field (dialog, "What is done",
                        "Rutin för överlämning av larmtelefonen.");
  ls_test_set_row_text (dialog, "Responsible", "Maria Lind");
  ls_test_set_row_text (dialog, "Done by", "2025-04-01");
  ls_test_set_row_text (dialog, "Follow-up date", "2025-06-01");
  save_item_dialog (fixture, dialog);
}

static void
fill_informing (Fixture *fixture)
{
  ls_test_set_row_text (page (fixture), "Told on", "2025-03-02");
  ls_test_set_row_text (page (fixture), "How, and by whom",
                        "Enhetschefen berättade för Anna och hennes dotter.");
}

static void
fill_lessons (Fixture *fixture)
{
  ls_wz_set_text_field (page (fixture), "What others can learn",
                        "En larmtelefon som ingen bär är ett larm som ingen "
                        "hör.");
}

/* Every step but the sixth point, step by step with Next. */
static void
investigate_all_but_point_6 (Fixture *fixture)
{
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "investigators");
  fill_investigators (fixture);
  next (fixture);
  fill_point_1 (fixture);
  next (fixture); /* 2: the report says when it came in */
  next (fixture); /* 3: and when and how it was noticed */
  next (fixture); /* 4: and when it happened */
  next (fixture);
  fill_point_5 (fixture);
  next (fixture);
  next (fixture); /* 6 is left */
  fill_point_7 (fixture);
  next (fixture);
  next (fixture); /* no remedial action beyond those done at once */
  ls_test_click (page (fixture), "Nothing Else Emerged");
  next (fixture);
  fill_preventive (fixture);
  next (fixture);
  fill_informing (fixture);
  next (fixture);
  fill_lessons (fixture);
  next (fixture);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "conclusion");
}

static void
conclude (Fixture *fixture, gboolean serious)
{
  GtkWidget *p = page (fixture);

  ls_wz_set_text_field (p, "Conclusion",
                        "Ett missförhållande: larmet besvarades inte.");
  ls_test_set_row_text (p, "Decided by", "Maria Lind");
  ls_test_set_row_text (p, "Title or role", "Verksamhetschef");
  ls_wz_activate_row (p, serious ? "Serious: IVO must be notified"
                                 : "Not serious");
}

/* An investigation that lacks one of the seven points cannot be concluded,
 * says which point and where the law asks for it, and leads to it. */
static void
test_missing_point (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) stored = NULL;
  /* The app takes its days from the clock as it goes: each is the day
   * at some moment of the test, whether or not midnight falls inside. */
  g_autofree char *since = ls_dates_dup_today (NULL);
  LsInvestigation *inv;
  GtkWidget *p;

  open_wizard (fixture, LS_STEP_INVESTIGATORS, LS_POINT_NONE, 720);
  investigate_all_but_point_6 (fixture);

  p = page (fixture);
  g_assert_true (ls_test_widget_has_text (
      p, "Say whether something similar has happened before."));
  g_assert_true (ls_test_widget_has_text (p, "5 kap. 2 § 6 SOSFS 2011:5"));
  g_assert_false (ls_test_widget_has_text (
      p, "Everything the law asks for is documented."));
  /* The conclusion cannot even be written. */
  g_assert_false (
      gtk_widget_is_sensitive (ls_wz_find_text_field (p, "Conclusion")));
  g_assert_false (
      gtk_widget_is_sensitive (ls_test_find_row (p, "Not serious")));
  g_free (ls_test_save_screenshot (fixture->wizard,
                                   "investigation-wizard-missing"));
  g_assert_false (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_wait_idle (fixture->wizard);
  g_assert_true (ls_wz_has_text_prefix (
      fixture->wizard, "The investigation cannot be concluded yet"));

  stored = load_stored (fixture);
  g_assert_cmpint (ls_case_get_status (stored), ==,
                   LS_CASE_STATUS_UNDER_INVESTIGATION);
  g_assert_null (
      ls_investigation_get_concluded_on (ls_case_get_investigation (stored)));
  g_clear_object (&stored);

  /* The line leads to the point. */
  ls_wz_activate_row (p, "Say whether something similar has happened before.");
  ls_wz_wait_idle (fixture->wizard);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "point-6");
  fill_point_6 (fixture);
  go_to (fixture, "conclusion");

  p = page (fixture);
  g_assert_true (ls_test_widget_has_text (
      p, "Everything the law asks for is documented."));
  g_assert_true (
      gtk_widget_is_sensitive (ls_wz_find_text_field (p, "Conclusion")));
  /* The user decides, unless told otherwise. */
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (ls_test_find_row (p, "Decided by"))),
      ==, "Lena Holm");
  conclude (fixture, FALSE);
  g_assert_true (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_wait_destroyed (fixture->wizard);
  g_assert_null (ls_wz_find_message_dialog ("Notify IVO"));

  stored = load_stored (fixture);
  inv = ls_case_get_investigation (stored);
  g_assert_cmpint (ls_case_get_status (stored), ==, LS_CASE_STATUS_CLOSED);
  g_assert_cmpint (ls_investigation_get_seriousness (inv), ==,
                   LS_SERIOUSNESS_NOT_SERIOUS);
  g_assert_cmpstr (ls_investigation_get_conclusion (inv), ==,
                   "Ett missförhållande: larmet besvarades inte.");
  ls_wz_assert_today_since (ls_investigation_get_started_on (inv), since);
  ls_wz_assert_today_since (ls_investigation_get_concluded_on (inv),
                            ls_investigation_get_started_on (inv));
  g_assert_cmpstr (ls_investigation_get_decided_by (inv), ==, "Maria Lind");
  g_assert_cmpstr (ls_investigation_get_decided_by_title (inv), ==,
                   "Verksamhetschef");
  g_assert_cmpint (ls_investigation_get_similar_before (inv), ==,
                   LS_SIMILAR_BEFORE_NO);
  g_assert_cmpstr (ls_investigation_get_other_findings (inv), ==,
                   "Nothing else emerged during the investigation.");
  g_assert_cmpstr (ls_case_get_lessons_learned (stored), ==,
                   "En larmtelefon som ingen bär är ett larm som ingen hör.");
  g_assert_cmpuint (g_list_model_get_n_items (
                        G_LIST_MODEL (ls_investigation_get_journal (inv))),
                    ==, 4);
  {
    g_autoptr (LsInvestigator) investigator = g_list_model_get_item (
        G_LIST_MODEL (ls_investigation_get_investigators (inv)), 0);
    g_autoptr (LsCause) cause = g_list_model_get_item (
        G_LIST_MODEL (ls_investigation_get_causes (inv)), 0);
    g_autoptr (LsAction) action = g_list_model_get_item (
        G_LIST_MODEL (ls_investigation_get_preventive_actions (inv)), 0);
    g_autoptr (LsIndividual) individual = g_list_model_get_item (
        G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (stored))),
        0);
    g_autoptr (LsJournalItem) item = g_list_model_get_item (
        G_LIST_MODEL (ls_investigation_get_journal (inv)), 0);

    g_assert_cmpstr (ls_investigator_get_name (investigator), ==, "Lena Holm");
    g_assert_cmpstr (ls_investigator_get_competence (investigator), ==,
                     "Utbildad i händelseanalys.");
    g_assert_cmpstr (ls_cause_get_category (cause), ==, "routines");
    g_assert_cmpint (ls_action_get_kind (action), ==,
                     LS_ACTION_KIND_PREVENTIVE);
    g_assert_cmpstr (ls_action_get_responsible (action), ==, "Maria Lind");
    g_assert_cmpstr (ls_action_get_due_on (action), ==, "2025-04-01");
    g_assert_cmpstr (ls_action_get_follow_up_on (action), ==, "2025-06-01");
    g_assert_cmpint (ls_action_get_status (action), ==,
                     LS_ACTION_STATUS_PLANNED);
    g_assert_cmpstr (ls_individual_get_informed_on (individual), ==,
                     "2025-03-02");
    g_assert_cmpstr (ls_individual_get_informed_how (individual), ==,
                     "Enhetschefen berättade för Anna och hennes dotter.");
    g_assert_cmpint (ls_journal_item_get_points (item), ==,
                     LS_POINT_WHAT_HAPPENED);
    g_assert_cmpint (ls_journal_item_get_kind (item), ==, LS_JOURNAL_KIND_FACT);
    g_assert_cmpstr (ls_journal_item_get_source (item), ==, "Samtal med Anna");
    g_assert_cmpstr (ls_journal_item_get_author_name (item), ==, "Lena Holm");
    g_assert_cmpstr (ls_journal_item_get_author_title (item), ==,
                     "Kvalitetsutvecklare");
    ls_wz_assert_today_since (ls_journal_item_get_documented_on (item), since);
  }
}

/* A documented item is never changed: a correction is a new item that
 * names the one it corrects, and both stay. */
static void
test_journal_correction (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (LsJournalItem) first = NULL;
  g_autoptr (LsJournalItem) second = NULL;
  GListModel *journal;
  GtkWidget *dialog;

  open_wizard (fixture, LS_STEP_JOURNAL, LS_POINT_WHAT_HAPPENED, 720);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "point-1");
  add_journal_item (fixture, "Anna låg på golvet i två timmar.",
                    "Samtal med Anna", TRUE);

  ls_test_click (page (fixture), "Correct…");
  dialog = ls_test_find_toplevel (LS_TYPE_JOURNAL_ITEM_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (ls_test_widget_has_text (dialog, "Corrects an Earlier Item"));
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (ls_test_find_row (dialog, "Source"))),
                   ==, "Samtal med Anna");
  g_free (ls_test_save_screenshot (dialog, "investigation-wizard-correction"));
  ls_wz_set_text_field (dialog, "What is documented",
                        "Anna låg på golvet i åtta timmar, från 22.30 till "
                        "06.40.");
  ls_test_set_row_text (dialog, "Source", "Larmloggen");
  ls_test_click (dialog, "Add");
  ls_wz_wait_idle (fixture->wizard);

  stored = load_stored (fixture);
  journal = G_LIST_MODEL (
      ls_investigation_get_journal (ls_case_get_investigation (stored)));
  g_assert_cmpuint (g_list_model_get_n_items (journal), ==, 2);
  first = g_list_model_get_item (journal, 0);
  second = g_list_model_get_item (journal, 1);
  g_assert_cmpstr (ls_journal_item_get_text (first), ==,
                   "Anna låg på golvet i två timmar.");
  g_assert_null (ls_journal_item_get_corrects (first));
  g_assert_cmpstr (ls_journal_item_get_corrects (second), ==,
                   ls_journal_item_get_uuid (first));
  g_assert_cmpstr (ls_journal_item_get_source (second), ==, "Larmloggen");
  g_assert_cmpint (ls_journal_item_get_points (second), ==,
                   LS_POINT_WHAT_HAPPENED);

  /* Both are shown; the first as corrected, without a way to correct it
   * again. */
  g_assert_true (ls_test_widget_has_text (page (fixture),
                                          "Anna låg på golvet i två timmar."));
  g_assert_true (ls_test_widget_has_text (page (fixture), "Corrected"));
  g_assert_cmpuint (
      ls_journal_view_get_n_shown (LS_JOURNAL_VIEW (
          ls_test_find_by_type (page (fixture), LS_TYPE_JOURNAL_VIEW, 0))),
      ==, 2);
  g_assert_true (
      ls_wz_has_text_prefix (page (fixture), "Corrects the item of"));
  g_free (ls_test_save_screenshot (fixture->wizard,
                                   "investigation-wizard-journal"));
}

/* A case whose investigation holds everything but the conclusion. */
static void
complete_investigation (Fixture *fixture)
{
  LsInvestigation *inv = ls_case_get_investigation (fixture->lcase);
  g_autoptr (LsInvestigator) investigator = ls_investigator_new ();
  g_autoptr (LsCause) cause = ls_cause_new ();
  g_autoptr (LsAction) action = ls_action_new ();
  g_autoptr (LsJournalItem) item = ls_journal_item_new ();
  g_autoptr (LsIndividual) individual =
      g_list_model_get_item (G_LIST_MODEL (ls_report_get_individuals (
                                 ls_case_get_report (fixture->lcase))),
                             0);
  g_autoptr (GError) error = NULL;

  ls_investigation_set_started_on (inv, "2025-03-02");
  ls_investigator_set_name (investigator, "Lena Holm");
  g_list_store_append (ls_investigation_get_investigators (inv), investigator);
  ls_cause_set_category (cause, "routines");
  ls_cause_set_description (cause, "Ingen rutin vid rast.");
  g_list_store_append (ls_investigation_get_causes (inv), cause);
  ls_investigation_set_similar_before (inv, LS_SIMILAR_BEFORE_NO);
  ls_investigation_set_recurrence (inv, "Det kan hända igen.");
  ls_investigation_set_other_findings (inv, "Inget mer.");
  ls_action_set_kind (action, LS_ACTION_KIND_PREVENTIVE);
  ls_action_set_description (action, "Ny rutin.");
  ls_action_set_responsible (action, "Maria Lind");
  g_list_store_append (ls_investigation_get_preventive_actions (inv), action);
  ls_individual_set_informed_on (individual, "2025-03-02");
  ls_journal_item_set_documented_on (item, "2025-03-03");
  ls_journal_item_set_source (item, "Larmloggen");
  ls_journal_item_set_kind (item, LS_JOURNAL_KIND_FACT);
  ls_journal_item_set_author_name (item, "Lena Holm");
  ls_journal_item_set_author_title (item, "Kvalitetsutvecklare");
  ls_journal_item_set_text (item, "Larmet kvitterades aldrig.");
  ls_journal_item_set_points (item, LS_POINT_WHAT_HAPPENED | LS_POINT_CAUSES |
                                        LS_POINT_SIMILAR_BEFORE |
                                        LS_POINT_RECURRENCE);
  g_list_store_append (ls_investigation_get_journal (inv), item);
  ls_store_save_case (fixture->store, fixture->lcase, "Lena Holm", &error);
  g_assert_no_error (error);
}

/* The button under @root whose icon or label is @name, or NULL. */
static GtkWidget *
find_button (GtkWidget *root, const char *name)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), name) == 0 ||
       g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), name) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  Fixture *fixture;
  guint n_causes;
} CauseCount;

static gboolean
stored_causes_are (gpointer data)
{
  CauseCount *count = data;
  g_autoptr (LsCase) stored = load_stored (count->fixture);

  return g_list_model_get_n_items (G_LIST_MODEL (ls_investigation_get_causes (
             ls_case_get_investigation (stored)))) == count->n_causes;
}

/* Removing a cause offers Undo in a toast, and Undo puts it back in the
 * stored case. */
static void
test_remove_undo (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (LsCause) cause = NULL;
  CauseCount count = { fixture, 0 };
  GtkWidget *remove;
  GtkWidget *undo;

  complete_investigation (fixture);
  open_wizard (fixture, LS_STEP_CAUSES, LS_POINT_NONE, 680);
  remove = find_button (page (fixture), "user-trash-symbolic");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  ls_test_wait_until (stored_causes_are, &count);

  ls_test_wait_for_text (fixture->wizard,
                         "“Routines missing or not followed” removed");
  ls_test_wait_for_frames (fixture->wizard, 3);
  g_free (ls_test_save_screenshot (fixture->wizard, "investigation-undo"));
  undo = find_button (fixture->wizard, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  count.n_causes = 1;
  ls_test_wait_until (stored_causes_are, &count);
  stored = load_stored (fixture);
  cause = g_list_model_get_item (G_LIST_MODEL (ls_investigation_get_causes (
                                     ls_case_get_investigation (stored))),
                                 0);
  g_assert_cmpstr (ls_cause_get_description (cause), ==,
                   "Ingen rutin vid rast.");
  g_assert_true (
      ls_test_widget_has_text (page (fixture), "Ingen rutin vid rast."));
}

/* A concluded investigation shows its lists, and nothing in them can be
 * added, changed or removed. */
static void
test_concluded_locked (Fixture *fixture, gconstpointer data)
{
  LsInvestigation *inv = ls_case_get_investigation (fixture->lcase);
  g_autoptr (GError) error = NULL;
  const char *const steps[] = { "point-5", "investigators" };

  complete_investigation (fixture);
  ls_investigation_set_conclusion (inv, "Ett missförhållande.");
  ls_investigation_set_concluded_on (inv, "2025-03-20");
  ls_investigation_set_decided_by (inv, "Maria Lind");
  ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_NOT_SERIOUS);
  ls_store_save_case (fixture->store, fixture->lcase, "Lena Holm", &error);
  g_assert_no_error (error);

  open_wizard (fixture, LS_STEP_CAUSES, LS_POINT_NONE, 680);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      go_to (fixture, steps[i]);
      g_assert_null (find_button (page (fixture), "user-trash-symbolic"));
    }
  go_to (fixture, "point-5");
  g_assert_true (
      ls_test_widget_has_text (page (fixture), "Ingen rutin vid rast."));
  g_assert_false (ls_test_widget_has_text (page (fixture), "Add a _Cause…"));
  for (guint i = 0; i < LS_TEST_N_LOOKS; i++)
    {
      g_autofree char *shot =
          g_strconcat ("investigation-locked", ls_test_looks[i].suffix, NULL);

      ls_test_use_dark (ls_test_looks[i].dark);
      gtk_window_set_default_size (
          GTK_WINDOW (fixture->wizard),
          ls_test_looks[i].narrow ? LS_TEST_NARROW_WIDTH : 680, 760);
      ls_test_wait_for_frames (fixture->wizard, 3);
      g_free (ls_test_save_screenshot (fixture->wizard, shot));
    }
  ls_test_use_dark (FALSE);
}

/* A serious conclusion asks for the notification to IVO at once. */
static void
test_serious (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) stored = NULL;
  GtkWidget *notification;
  GtkWidget *dialog;
  GtkWidget *p;

  complete_investigation (fixture);
  open_wizard (fixture, LS_STEP_CONCLUSION, LS_POINT_NONE, 720);
  p = page (fixture);
  g_assert_true (ls_test_widget_has_text (
      p, "Everything the law asks for is documented."));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (
      ls_test_find_row (p, "Notify IVO…"), ADW_TYPE_PREFERENCES_GROUP)));

  /* Every part of the conclusion is asked for. */
  ls_test_set_row_text (p, "Decided by", "");
  g_assert_false (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_assert_row_error (p, "Conclusion", "Write the conclusion.");
  ls_wz_assert_row_error (p, "Decided by", "Give who decided.");
  ls_wz_assert_row_error (p, "Not serious", "Say whether it is serious.");

  conclude (fixture, TRUE);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (
      ls_test_find_row (p, "Notify IVO…"), ADW_TYPE_PREFERENCES_GROUP)));
  g_free (ls_test_save_screenshot (fixture->wizard,
                                   "investigation-wizard-serious"));
  g_assert_true (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_wait_destroyed (fixture->wizard);

  dialog = ls_wz_find_message_dialog ("Notify IVO");
  g_assert_nonnull (dialog);
  g_assert_true (ls_test_widget_has_text (
      dialog, "The conclusion is that it is serious. Notify IVO as soon as "
              "possible, on IVO’s form (6 kap. 1–2 §§ SOSFS 2011:5). Tell the "
              "individual that IVO has been notified."));
  g_free (ls_test_save_screenshot (dialog, "investigation-wizard-notify"));

  stored = load_stored (fixture);
  g_assert_cmpint (
      ls_investigation_get_seriousness (ls_case_get_investigation (stored)), ==,
      LS_SERIOUSNESS_SERIOUS);
  /* Not closed until IVO has the notification and the investigation. */
  g_assert_cmpint (ls_case_get_status (stored), ==,
                   LS_CASE_STATUS_UNDER_INVESTIGATION);

  /* Notifying opens the notification wizard on the case. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "notify");
  ls_test_drain_events ();
  notification = ls_test_find_toplevel (LS_TYPE_NOTIFICATION_WIZARD);
  g_assert_nonnull (notification);
  g_assert_cmpstr (
      ls_case_get_uuid (ls_wizard_get_case (LS_WIZARD (notification))), ==,
      ls_case_get_uuid (fixture->lcase));
  /* Closing may destroy the window at once: wait on the pointer only. */
  gtk_window_close (GTK_WINDOW (notification));
  ls_wz_wait_destroyed (notification);
}

/* A concluded investigation is locked: changing it means reopening it,
 * and the reason is asked for and goes into the history. */
static void
test_reopen (Fixture *fixture, gconstpointer data)
{
  LsInvestigation *inv = ls_case_get_investigation (fixture->lcase);
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  LsHistoryEntry *found = NULL;
  GtkWidget *p;

  complete_investigation (fixture);
  ls_investigation_set_conclusion (inv, "Ett missförhållande.");
  ls_investigation_set_concluded_on (inv, "2025-03-10");
  ls_investigation_set_decided_by (inv, "Maria Lind");
  ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_NOT_SERIOUS);
  g_assert_true (
      ls_store_save_case (fixture->store, fixture->lcase, "Maria", &error));
  g_assert_no_error (error);

  open_wizard (fixture, LS_STEP_CONCLUSION, LS_POINT_NONE, 720);
  p = page (fixture);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (
      ls_test_find_row (p, "Why it is reopened"), ADW_TYPE_PREFERENCES_GROUP)));

  /* Not without a reason. */
  g_assert_true (gtk_widget_activate_action (p, "page.reopen", NULL));
  ls_wz_assert_row_error (p, "Why it is reopened",
                          "Say why the investigation is reopened.");

  ls_test_set_row_text (p, "Why it is reopened", "Ny uppgift från anhörig");
  g_assert_true (gtk_widget_activate_action (p, "page.reopen", NULL));
  ls_wz_wait_idle (fixture->wizard);
  stored = load_stored (fixture);
  g_assert_null (
      ls_investigation_get_concluded_on (ls_case_get_investigation (stored)));
  g_assert_cmpstr (
      ls_investigation_get_conclusion (ls_case_get_investigation (stored)), ==,
      "Ett missförhållande.");
  history = ls_store_list_history (fixture->store,
                                   ls_case_get_uuid (fixture->lcase), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      LsHistoryEntry *entry = history->pdata[i];

      if (g_str_equal (entry->field, "investigation.concluded_on"))
        found = entry;
    }
  g_assert_nonnull (found);
  g_assert_cmpstr (found->old_value, ==, "2025-03-10");
  g_assert_cmpstr (found->why, ==, "Ny uppgift från anhörig");
}

/* The overview opens the step asked for, and a second call for the same
 * case shows the window already open. */
static void
test_open_at_step (Fixture *fixture, gconstpointer data)
{
  GtkWindow *again;

  open_wizard (fixture, LS_STEP_JOURNAL, LS_POINT_NOTICED, 720);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "point-3");
  g_assert_true (ls_test_widget_has_text (page (fixture), "Vid morgonrundan."));

  again = ls_wizards_open (NULL, fixture->context, fixture->lcase,
                           LS_STEP_CAUSES, LS_POINT_NONE);
  g_assert_true (GTK_WIDGET (again) == fixture->wizard);
  ls_wz_wait_idle (fixture->wizard);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "point-5");

  /* A step of the notification: this window saves and hands the case to
   * the notification wizard. */
  ls_wizards_open (NULL, fixture->context, fixture->lcase, LS_STEP_NOTIFICATION,
                   LS_POINT_NONE);
  ls_wz_wait_destroyed (fixture->wizard);
  again = GTK_WINDOW (ls_test_find_toplevel (LS_TYPE_NOTIFICATION_WIZARD));
  g_assert_nonnull (again);
  g_assert_cmpstr (ls_case_get_uuid (ls_wizard_get_case (LS_WIZARD (again))),
                   ==, ls_case_get_uuid (fixture->lcase));
  gtk_window_close (again);
  ls_wz_wait_destroyed ((GtkWidget *) again);

  /* A step of the report: the investigation saves and hands over too. */
  g_clear_object (&fixture->wizard);
  fixture->wizard = g_object_ref (GTK_WIDGET (ls_wizards_open (
      NULL, fixture->context, fixture->lcase, LS_STEP_CAUSES, LS_POINT_NONE)));
  g_assert_true (LS_IS_INVESTIGATION_WIZARD (fixture->wizard));
  ls_wz_wait_idle (fixture->wizard);
  ls_wizards_open (NULL, fixture->context, fixture->lcase,
                   LS_STEP_IMMEDIATE_ACTIONS, LS_POINT_NONE);
  ls_wz_wait_destroyed (fixture->wizard);
  g_assert_nonnull (ls_test_find_toplevel (LS_TYPE_REPORT_WIZARD));
}

/* A remedial action's follow-up is done where the remedial actions are,
 * not on the preventive actions' page. */
static void
test_remedial_follow_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsAction) action = ls_action_new ();
  g_autoptr (GListStore) requirements = NULL;
  g_autoptr (GError) error = NULL;
  LsRequirement *follow_up = NULL;

  ls_action_set_description (action, "Larmet flyttades till Annas säng.");
  ls_action_set_taken_at (action, "2025-03-02");
  ls_action_set_follow_up_on (action, "2025-04-02");
  g_list_store_append (ls_investigation_get_remedial_actions (
                           ls_case_get_investigation (fixture->lcase)),
                       action);
  g_assert_true (
      ls_store_save_case (fixture->store, fixture->lcase, "Lena Holm", &error));
  g_assert_no_error (error);
  requirements = ls_rules_check (fixture->lcase, fixture->organisation);
  for (guint i = 0;
       i < g_list_model_get_n_items (G_LIST_MODEL (requirements)) &&
       follow_up == NULL;
       i++)
    {
      g_autoptr (LsRequirement) requirement =
          g_list_model_get_item (G_LIST_MODEL (requirements), i);

      if (strstr (ls_requirement_get_message (requirement),
                  "Larmet flyttades till Annas säng.") != NULL &&
          ls_requirement_get_due (requirement) != NULL)
        follow_up = requirement;
    }
  g_assert_nonnull (follow_up);
  g_assert_cmpstr (ls_requirement_get_due (follow_up), ==, "2025-04-02");

  open_wizard (fixture, ls_requirement_get_step (follow_up),
               ls_requirement_get_point (follow_up), 720);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "remedial");
  g_assert_true (ls_test_widget_has_text (page (fixture),
                                          "Larmet flyttades till Annas säng."));
}

static void
test_bad_input (Fixture *fixture, gconstpointer data)
{
  g_autofree char *before = NULL;
  GtkWidget *p;

  open_wizard (fixture, LS_STEP_INVESTIGATORS, LS_POINT_NONE, 720);
  before =
      ls_wz_dup_stored_json (fixture->store, ls_case_get_uuid (fixture->lcase));
  p = page (fixture);
  ls_test_set_row_text (p, "Started on", "2025-02-30");
  g_assert_false (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_wait_idle (fixture->wizard);
  ls_wz_assert_row_error (p, "Started on",
                          "This is not a date. Write it as "
                          "year-month-day, such as 2026-03-01.");
  ls_test_set_row_text (p, "Started on", "2999-01-01");
  g_assert_false (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_assert_row_error (p, "Started on", "The date lies in the future.");
  {
    g_autofree char *after = ls_wz_dup_stored_json (
        fixture->store, ls_case_get_uuid (fixture->lcase));

    g_assert_cmpstr (after, ==, before);
  }

  go_to (fixture, "individuals");
  p = page (fixture);
  ls_test_set_row_text (p, "Told on", "imorgon");
  g_assert_false (ls_wizard_go_next (wizard_of (fixture)));
  ls_wz_assert_row_error (p, "Told on",
                          "This is not a date. Write it as "
                          "year-month-day, such as 2026-03-01.");

  /* A journal item needs its source, its kind and a point. */
  go_to (fixture, "point-2");
  {
    GtkWidget *dialog = open_journal_dialog (fixture);

    ls_wz_activate_row (dialog, "2. When the report was received");
    g_assert_false (
        ls_journal_item_dialog_apply (LS_JOURNAL_ITEM_DIALOG (dialog)));
    ls_wz_assert_row_error (dialog, "What is documented", "Fill this in.");
    ls_wz_assert_row_error (dialog, "Source", "Fill this in.");
    ls_wz_assert_row_error (dialog, "A fact",
                            "Say whether it is a fact or an assessment.");
    ls_wz_assert_row_error (dialog, "1. What happened, and its consequences",
                            "Choose at least one point.");
    g_free (ls_test_save_screenshot (dialog, "investigation-journal-errors"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  {
    g_autofree char *after = ls_wz_dup_stored_json (
        fixture->store, ls_case_get_uuid (fixture->lcase));

    g_assert_cmpstr (after, ==, before);
  }
}

static gboolean
similar_found (gpointer data)
{
  Fixture *fixture = data;

  return ls_wz_has_text_prefix (page (fixture), "VON-2025-0001 · ");
}

/* Earlier cases that share its words are offered, and a link is kept. */
static void
test_similar_cases (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) stored = NULL;
  LsInvestigation *inv;
  const char *const *linked;
  GtkWidget *p;

  /* An earlier case of another unit, and a later one of the same. */
  {
    g_autoptr (LsUnit) linden = ls_unit_new ();
    g_autoptr (LsCase) elsewhere = make_reported_case (
        "VON-2025-0002",
        "Larmet från trygghetslarmet besvarades inte under natten.",
        "2025-02-10T09:00:00+01:00");
    g_autoptr (LsCase) later = make_reported_case (
        "VON-2025-0009",
        "Larmet från trygghetslarmet besvarades inte under natten.",
        "2025-04-10T09:00:00+01:00");
    g_autoptr (GError) error = NULL;

    ls_unit_set_id (linden, "eed27bfe-1a3f-4647-9f5e-ae39f322ea91");
    ls_unit_set_name (linden, "Gruppbostaden Linden");
    g_list_store_append (ls_organisation_get_units (fixture->organisation),
                         linden);
    ls_store_save_organisation (fixture->store, fixture->organisation, &error);
    g_assert_no_error (error);
    ls_case_set_unit_id (elsewhere, "eed27bfe-1a3f-4647-9f5e-ae39f322ea91");
    ls_report_set_occurred_at (ls_case_get_report (elsewhere),
                               "2025-02-09T23:00:00+01:00");
    ls_report_set_noticed_at (ls_case_get_report (elsewhere),
                              "2025-02-10T06:30:00+01:00");
    ls_store_save_case (fixture->store, elsewhere, "Lena Holm", &error);
    g_assert_no_error (error);
    ls_store_save_case (fixture->store, later, "Lena Holm", &error);
    g_assert_no_error (error);
  }

  open_wizard (fixture, LS_STEP_SIMILAR, LS_POINT_NONE, 720);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "point-6");
  ls_test_wait_until_for (LS_WZ_TIMEOUT, similar_found, fixture);
  p = page (fixture);
  g_assert_true (
      ls_test_widget_has_text (p, "Received 2025-01-10 09:00 · Reported"));
  /* 5 kap. 2 § 6: earlier means earlier; another unit's says so. */
  g_assert_true (ls_test_widget_has_text (
      p, "Received 2025-02-10 09:00 · Reported · From another unit"));
  g_assert_false (ls_wz_has_text_prefix (p, "VON-2025-0009 · "));
  /* The explanation is asked for only when it happened before. */
  g_assert_false (gtk_widget_is_visible (
      ls_wz_find_text_field (p, "Why did it happen again?")));
  ls_wz_activate_row (p, "Yes, something similar has happened before");
  g_assert_true (gtk_widget_is_visible (
      ls_wz_find_text_field (p, "Why did it happen again?")));
  ls_wz_set_text_field (p, "Why did it happen again?",
                        "Rutinen från januari blev aldrig känd på natten.");
  ls_wz_activate_row (p, "VON-2025-0001 · Larmet från trygghetslarmet "
                         "besvarades inte under natten på Solgården.");
  g_free (ls_test_save_screenshot (fixture->wizard,
                                   "investigation-wizard-similar"));
  next (fixture);

  stored = load_stored (fixture);
  inv = ls_case_get_investigation (stored);
  linked = ls_investigation_get_linked_cases (inv);
  g_assert_nonnull (linked);
  g_assert_cmpuint (g_strv_length ((char **) linked), ==, 1);
  g_assert_cmpstr (linked[0], ==, ls_case_get_uuid (fixture->earlier));
  g_assert_cmpint (ls_investigation_get_similar_before (inv), ==,
                   LS_SIMILAR_BEFORE_YES);
  g_assert_cmpstr (ls_investigation_get_similar_explanation (inv), ==,
                   "Rutinen från januari blev aldrig känd på natten.");
}

/* The steps in order, by name, with what each is filled with. */
static void
fill_other_findings (Fixture *fixture)
{
  ls_test_click (page (fixture), "Nothing Else Emerged");
}

static void
fill_conclusion (Fixture *fixture)
{
  conclude (fixture, FALSE);
}

static const struct
{
  const char *name;
  void (*fill) (Fixture *fixture);
} steps[] = {
  { "investigators", fill_investigators },
  { "point-1", fill_point_1 },
  { "point-2", NULL },
  { "point-3", NULL },
  { "point-4", NULL },
  { "point-5", fill_point_5 },
  { "point-6", fill_point_6 },
  { "point-7", fill_point_7 },
  { "remedial", NULL },
  { "other-findings", fill_other_findings },
  { "preventive", fill_preventive },
  { "individuals", fill_informing },
  { "lessons", fill_lessons },
  { "conclusion", fill_conclusion },
};

/* The wizard's pages are these steps, in this order. */
static void
assert_steps (Fixture *fixture)
{
  LsWizard *wizard = wizard_of (fixture);

  g_assert_cmpuint (ls_wizard_get_n_pages (wizard), ==, G_N_ELEMENTS (steps));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    g_assert_cmpstr (
        ls_wizard_page_get_name (ls_wizard_get_nth_page (wizard, i)), ==,
        steps[i].name);
}

static void
screenshot_steps (Fixture *fixture, const char *suffix, int width)
{
  open_wizard (fixture, LS_STEP_INVESTIGATORS, LS_POINT_NONE, width);
  assert_steps (fixture);
  if (width <= 360)
    g_assert_cmpint (gtk_widget_get_width (fixture->wizard), <=, 360);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *name =
          g_strdup_printf ("investigation-wizard-%02u%s", i + 1, suffix);

      g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                       steps[i].name);
      if (steps[i].fill != NULL)
        steps[i].fill (fixture);
      ls_wz_wait_idle (fixture->wizard);
      g_free (ls_test_save_screenshot (fixture->wizard, name));
      if (i + 1 < G_N_ELEMENTS (steps))
        next (fixture);
    }
}

static void
test_screenshots (Fixture *fixture, gconstpointer data)
{
  const LsTestLook *look = data;

  ls_test_use_dark (look->dark);
  screenshot_steps (fixture, look->suffix,
                    look->narrow ? LS_TEST_NARROW_WIDTH : 720);
  ls_test_use_dark (FALSE);
}

/* Keyboard first: each mnemonic of a step leads to one control only, in
 * both languages, and in the documented item's dialog too. */
static void
test_mnemonics (Fixture *fixture, gconstpointer data)
{
  const char *const languages[] = { "en", "sv" };

  complete_investigation (fixture);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      GtkWidget *dialog;

      ls_test_use_language (languages[l]);
      open_wizard (fixture, LS_STEP_INVESTIGATORS, LS_POINT_NONE, 720);
      assert_steps (fixture);
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          go_to (fixture, steps[i].name);
          ls_wz_assert_mnemonics_unique (fixture->wizard, page (fixture));
        }
      go_to (fixture, "point-1");
      g_signal_emit_by_name (
          ls_test_find_by_type (page (fixture), LS_TYPE_JOURNAL_VIEW, 0),
          "add");
      dialog = ls_test_find_toplevel (LS_TYPE_JOURNAL_ITEM_DIALOG);
      g_assert_nonnull (dialog);
      ls_wz_assert_mnemonics_unique (dialog, dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
      gtk_window_destroy (GTK_WINDOW (fixture->wizard));
      g_clear_object (&fixture->wizard);
    }
  ls_test_use_language ("en");
}

/* In Swedish, in a narrow window, every step. */
static void
test_swedish (Fixture *fixture, gconstpointer data)
{
  ls_test_use_language ("sv");
  complete_investigation (fixture);
  open_wizard (fixture, LS_STEP_INVESTIGATORS, LS_POINT_NONE, 360);
  g_assert_true (ls_test_widget_has_text (fixture->wizard, "Vem som utreder"));
  assert_steps (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *name =
          g_strdup_printf ("investigation-wizard-%02u-sv", i + 1);

      go_to (fixture, steps[i].name);
      g_free (ls_test_save_screenshot (fixture->wizard, name));
    }
  g_assert_true (ls_test_widget_has_text (
      page (fixture), "Allt som lagen kräver är dokumenterat."));
  ls_test_use_language ("en");
}

/* A name written right to left does not turn the masked personal
 * identity number after it around: each value is isolated. */
static void
test_bidi_isolates (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsIndividual) individual =
      g_list_model_get_item (G_LIST_MODEL (ls_report_get_individuals (
                                 ls_case_get_report (fixture->lcase))),
                             0);

  ls_individual_set_name (individual, "ليلى حسن");
  ls_store_save_case (fixture->store, fixture->lcase, "Test", &error);
  g_assert_no_error (error);
  open_wizard (fixture, LS_STEP_JOURNAL, LS_POINT_WHAT_HAPPENED, 720);
  g_assert_cmpstr (ls_wizard_get_page_name (wizard_of (fixture)), ==,
                   "point-1");
  g_assert_true (ls_test_widget_has_text (
      page (fixture),
      "\u200e\u2068ليلى حسن\u2069 (\u206819380415-****\u2069)"));
}

/* A point of the law is called a point, so that its number is not read
 * as the step's: step 7 of 14 documents point 6. */
static void
test_point_headings (Fixture *fixture, gconstpointer data)
{
  open_wizard (fixture, LS_STEP_SIMILAR, LS_POINT_SIMILAR_BEFORE, 720);
  g_assert_true (
      ls_test_widget_has_text (page (fixture), "Point 6: Happened Before?"));
  g_assert_false (
      ls_test_widget_has_text (page (fixture), "6. Happened Before?"));
}

int
main (int argc, char *argv[])
{
  ls_test_init_gtk (&argc, &argv);

#define ADD(path, func)                                                        \
  g_test_add ("/investigation-wizard/" path, Fixture, NULL, fixture_set_up,    \
              func, fixture_tear_down)
  ADD ("missing-point", test_missing_point);
  ADD ("journal-correction", test_journal_correction);
  ADD ("serious", test_serious);
  ADD ("bidi-isolates", test_bidi_isolates);
  ADD ("point-headings", test_point_headings);
  ADD ("open-at-step", test_open_at_step);
  ADD ("remedial-follow-up", test_remedial_follow_up);
  ADD ("reopen", test_reopen);
  ADD ("bad-input", test_bad_input);
  ADD ("similar-cases", test_similar_cases);
  ADD ("remove-undo", test_remove_undo);
  ADD ("concluded-locked", test_concluded_locked);
  for (guint i = 0; i < LS_TEST_N_LOOKS; i++)
    {
      g_autofree char *path = g_strconcat ("/investigation-wizard/screenshots",
                                           ls_test_looks[i].suffix, NULL);

      g_test_add (path, Fixture, &ls_test_looks[i], fixture_set_up,
                  test_screenshots, fixture_tear_down);
    }
  ADD ("swedish", test_swedish);
  ADD ("mnemonics", test_mnemonics);
#undef ADD

  return g_test_run ();
}
