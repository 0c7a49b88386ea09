/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ls-case-documents-group.h"
#include "ls-case-view.h"
#include "ls-form-preview.h"
#include "ls-form-test-utils.h"
#include "ls-item-list.h"
#include "ls-journal-view.h"
#include "ls-model.h"
#include "ls-report-wizard.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"
#include "ls-text-field.h"
#include "ls-wizard-test.h"
#include "ls-wizards.h"

/* A case the law is done with stays readable and printable: every step
 * of its wizards opens read-only with a banner saying why, and the case
 * view offers its documents whatever its state.  The cases are those of
 * docs/example.json, and a closed case made from one of them that was
 * not serious. */

#define CLOSED_SERIOUS "108402d6-8410-4307-a298-64786b3633aa"
#define NOT_SERIOUS "0d1f4b73-61c4-4b5e-9f0c-6a4c1c5f0a11"
#define NOT_SERIOUS_REGNO "VON-2026-0009"

typedef struct
{
  char *path;
  LsStore *store;
  LsOrganisation *organisation;
  GSettings *settings;
  LsContext *context;
} Fixture;

/* The closed serious case of the example, concluded as not serious and
 * never notified: closed all the same. */
static void
save_not_serious (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) serious =
      ls_store_load_case (fixture->store, CLOSED_SERIOUS, &error);
  g_autoptr (LsCase) lcase = ls_case_new ();
  LsNotification *notification;

  g_assert_no_error (error);
  ls_model_copy (G_OBJECT (lcase), G_OBJECT (serious));
  ls_case_set_uuid (lcase, NOT_SERIOUS);
  ls_case_set_regno (lcase, NOT_SERIOUS_REGNO);
  ls_investigation_set_seriousness (ls_case_get_investigation (lcase),
                                    LS_SERIOUSNESS_NOT_SERIOUS);
  /* Documented items belong to one case each. */
  g_list_store_remove_all (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)));
  notification = ls_case_get_notification (lcase);
  ls_notification_set_submitted_on (notification, NULL);
  ls_notification_set_investigation_sent_on (notification, NULL);
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_CLOSED);
  ls_store_save_case (fixture->store, lcase, "Test", &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->path = ls_test_make_database ("read-only", "docs/example.json");
  fixture->store = ls_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->organisation = ls_store_load_organisation (fixture->store, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_set_string (fixture->settings, "user-name", "Lena Holm");
  fixture->context =
      ls_context_new (fixture->store, fixture->organisation, fixture->settings);
  save_not_serious (fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  ls_test_destroy_windows ();
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->organisation);
  g_clear_object (&fixture->store);
  g_free (fixture->path);
}

static LsCase *
load (Fixture *fixture, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  LsCase *lcase = ls_store_load_case (fixture->store, uuid, &error);

  g_assert_no_error (error);
  return lcase;
}

static LsWizard *
open_wizard (Fixture *fixture, const char *uuid, LsStep step)
{
  g_autoptr (LsCase) lcase = load (fixture, uuid);
  GtkWindow *window =
      ls_wizards_open (NULL, fixture->context, lcase, step, LS_POINT_NONE);

  gtk_window_set_default_size (window, 680, 760);
  ls_test_wait_for_frames (GTK_WIDGET (window), 2);
  ls_wz_wait_idle (GTK_WIDGET (window));
  return LS_WIZARD (window);
}

/* What a user could change with: an entry, a text, a button, a switch, a
 * check, a choice; or a list that is not locked.  (A row that opens a
 * step is for reading too.) */
static gboolean
is_control (GtkWidget *widget)
{
  gboolean locked = TRUE;

  if (LS_IS_ITEM_LIST (widget) || LS_IS_JOURNAL_VIEW (widget))
    g_object_get (widget, "locked", &locked, NULL);
  return !locked || GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget);
}

/* The first control under @root a user could use, if any. */
static GtkWidget *
find_sensitive_control (GtkWidget *root)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (is_control (root) && gtk_widget_is_sensitive (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sensitive_control (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
row_text (LsWizard *wizard, const char *page, const char *title)
{
  GtkWidget *row =
      ls_test_find_row (GTK_WIDGET (ls_wizard_find_page (wizard, page)), title);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The report of a closed case opens from the case view, shows what was
 * reported, and no control of any step can change it. */
static void
test_report_closed (Fixture *fixture, gconstpointer data)
{
  g_autofree char *before = ls_wz_dup_stored_json (fixture->store, NOT_SERIOUS);
  g_autofree char *after = NULL;
  LsWizard *wizard = open_wizard (fixture, NOT_SERIOUS, LS_STEP_REPORT);
  GtkWidget *description;
  g_autofree char *what = NULL;
  GtkWidget *window = GTK_WIDGET (wizard);

  g_assert_true (LS_IS_REPORT_WIZARD (wizard));
  g_assert_true (ls_wizard_get_read_only (wizard));
  g_assert_true (ls_test_widget_has_text (
      window, "The case is closed and can only be read. Its documents can "
              "still be printed and saved from the case."));

  g_assert_cmpstr (row_text (wizard, "reporter",
                             "Name of the person who "
                             "reported"),
                   ==, "Kim Berg");
  g_assert_cmpstr (row_text (wizard, "reporter", "Received by"), ==,
                   "Maria Lind");
  description = ls_wz_find_text_field (
      GTK_WIDGET (ls_wizard_find_page (wizard, "event")), "What happened");
  g_assert_nonnull (description);
  what = ls_text_field_dup_text (LS_TEXT_FIELD (description));
  g_assert_true (g_str_has_prefix (what, "Anna Svensson"));

  for (guint i = 0; i < ls_wizard_get_n_pages (wizard); i++)
    {
      LsWizardPage *page = ls_wizard_get_nth_page (wizard, i);
      GtkWidget *control;

      ls_wizard_set_page_name (wizard, ls_wizard_page_get_name (page));
      ls_wz_wait_idle (window);
      control = find_sensitive_control (GTK_WIDGET (page));
      if (control != NULL)
        g_error ("A %s on the step %s can be used",
                 G_OBJECT_TYPE_NAME (control), ls_wizard_page_get_name (page));
    }
  for (guint i = 0; i < LS_TEST_N_LOOKS; i++)
    {
      g_autofree char *shot =
          g_strconcat ("report-read-only", ls_test_looks[i].suffix, NULL);

      ls_test_use_dark (ls_test_looks[i].dark);
      gtk_window_set_default_size (
          GTK_WINDOW (wizard),
          ls_test_looks[i].narrow ? LS_TEST_NARROW_WIDTH : 680, 760);
      ls_test_wait_for_frames (window, 3);
      g_free (ls_test_save_screenshot (window, shot));
    }
  ls_test_use_dark (FALSE);

  /* The last step's button closes, and nothing was saved. */
  g_object_ref (wizard);
  g_assert_true (ls_wizard_go_next (wizard));
  ls_wz_wait_destroyed (window);
  g_object_unref (wizard);
  after = ls_wz_dup_stored_json (fixture->store, NOT_SERIOUS);
  g_assert_cmpstr (after, ==, before);
}

static GtkWidget *
find_journal (LsWizard *wizard, const char *page)
{
  GtkWidget *journal = ls_test_find_by_type (
      GTK_WIDGET (ls_wizard_find_page (wizard, page)), LS_TYPE_JOURNAL_VIEW, 0);

  g_assert_nonnull (journal);
  return journal;
}

/* Nothing of a concluded investigation is added, corrected or changed
 * until it is reopened, documented items neither. */
static void
test_investigation_concluded (Fixture *fixture, gconstpointer data)
{
  LsWizard *wizard =
      open_wizard (fixture, CLOSED_SERIOUS, LS_STEP_INVESTIGATORS);
  GtkWidget *journal = find_journal (wizard, "point-1");
  GtkWidget *conclusion;

  g_assert_true (ls_wizard_get_read_only (wizard));
  g_assert_true (ls_test_widget_has_text (
      GTK_WIDGET (wizard), "The investigation is concluded and can only be "
                           "read. To change it, reopen it on its last step, "
                           "Conclusion, and say why."));
  g_assert_cmpuint (ls_journal_view_get_n_shown (LS_JOURNAL_VIEW (journal)), >,
                    0);
  g_assert_null (ls_test_find_row (journal, "Add Documented Item…"));
  g_assert_false (ls_test_widget_has_text (journal, "Correct…"));
  g_assert_null (find_sensitive_control (
      GTK_WIDGET (ls_wizard_find_page (wizard, "point-1"))));

  /* The banner leads to reopening, which lifts the lock. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard),
                                             "wizard.show-reopen", NULL));
  ls_wz_wait_idle (GTK_WIDGET (wizard));
  g_assert_cmpstr (ls_wizard_get_page_name (wizard), ==, "conclusion");
  conclusion = GTK_WIDGET (ls_wizard_get_page (wizard));
  ls_test_set_row_text (conclusion, "Why it is reopened", "Ny uppgift");
  g_assert_true (gtk_widget_activate_action (conclusion, "page.reopen", NULL));
  ls_wz_wait_idle (GTK_WIDGET (wizard));
  g_assert_false (ls_wizard_get_read_only (wizard));
  g_assert_nonnull (ls_test_find_row (journal, "Add Documented Item…"));
  g_assert_true (ls_test_widget_has_text (journal, "Correct…"));
  g_assert_true (gtk_widget_is_sensitive (ls_test_find_row (
      GTK_WIDGET (ls_wizard_find_page (wizard, "conclusion")), "Decided by")));
}

static gboolean
preview_drawn (gpointer data)
{
  /* Its pages drawn, not only its PDF made: no drawing is left running
   * when the test ends. */
  return ls_form_preview_get_pdf (data) != NULL &&
         !ls_form_preview_get_loading (data) &&
         ls_form_preview_get_n_pages (data) > 0;
}

/* A closed case that was not serious has no notification, and still its
 * investigation (and the form, as a draft) are previewed, printed and
 * saved from the case view. */
static void
test_case_view_documents (Fixture *fixture, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  LsCaseView *view = ls_case_view_new (fixture->context);
  LsCaseDocumentsGroup *group;
  GtkWindow *preview_window;
  GtkWidget *preview;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 700);
  gtk_window_present (GTK_WINDOW (window));
  ls_case_view_show_case (view, NOT_SERIOUS);
  ls_test_wait_for_text (GTK_WIDGET (view), "Documents");
  group = LS_CASE_DOCUMENTS_GROUP (ls_test_find_by_type (
      GTK_WIDGET (view), LS_TYPE_CASE_DOCUMENTS_GROUP, 0));
  ls_test_wait_for_text (GTK_WIDGET (group), "Investigation");

  g_assert_true (ls_case_documents_group_offers (
      group, LS_NOTIFICATION_DOCUMENT_INVESTIGATION));
  g_assert_true (
      ls_case_documents_group_offers (group, LS_NOTIFICATION_DOCUMENT_FORM));
  g_assert_nonnull (ls_test_find_row (GTK_WIDGET (group), "Investigation"));
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (group),
                                          "A draft: IVO is not notified yet"));
  g_assert_true (
      ls_test_widget_has_text (GTK_WIDGET (group), "Concluded on 2026-03-20"));
  /* The report opens read-only on a closed case. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view),
                                             "case.continue-report", NULL));
  ls_test_wait_for_frames (window, 2);
  {
    GtkWidget *wizard = ls_test_find_toplevel (LS_TYPE_REPORT_WIZARD);

    g_assert_nonnull (wizard);
    ls_wz_wait_idle (wizard);
    g_assert_true (ls_wizard_get_read_only (LS_WIZARD (wizard)));
    gtk_window_destroy (GTK_WINDOW (wizard));
  }

  preview_window = ls_case_documents_group_preview (
      group, LS_NOTIFICATION_DOCUMENT_INVESTIGATION);
  preview = ls_test_find_by_type (GTK_WIDGET (preview_window),
                                  LS_TYPE_FORM_PREVIEW, 0);
  ls_test_wait_until_for (LS_WZ_TIMEOUT, preview_drawn, preview);
  pdf = poppler_document_new_from_bytes (
      ls_form_preview_get_pdf (LS_FORM_PREVIEW (preview)), NULL, &error);
  g_assert_no_error (error);
  text = ls_test_dup_all_text (pdf);
  g_assert_nonnull (strstr (text, NOT_SERIOUS_REGNO));
  ls_test_wait_for_frames (GTK_WIDGET (preview_window), 3);
  g_free (ls_test_save_screenshot (GTK_WIDGET (preview_window),
                                   "case-documents-preview"));
  g_free (ls_test_save_screenshot (GTK_WIDGET (group), "case-documents"));

  /* A closed serious case says when IVO was notified and when the
   * investigation was sent, and offers the letter to the board too. */
  ls_case_view_show_case (view, CLOSED_SERIOUS);
  ls_test_wait_for_text (GTK_WIDGET (view), "VON-2026-0003");
  ls_test_wait_for_text (GTK_WIDGET (view),
                         "As IVO was notified on 2026-03-06");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                       ls_test_find_row (GTK_WIDGET (view), "IVO notified"))),
                   ==, "2026-03-06");
  g_assert_cmpstr (
      adw_action_row_get_subtitle (ADW_ACTION_ROW (
          ls_test_find_row (GTK_WIDGET (view), "Investigation sent to IVO"))),
      ==, "2026-03-24");
  /* A board notifies IVO itself: no letter to a deciding board. */
  g_assert_false (ls_case_documents_group_offers (
      group, LS_NOTIFICATION_DOCUMENT_BOARD_LETTER));
}

/* A private provider's closed case offers its letter to the board that
 * decided the individual's service (6 kap. 4 §), and it renders. */
static void
test_case_view_letter (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load (fixture, CLOSED_SERIOUS);
  g_autoptr (GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  LsCaseView *view = ls_case_view_new (fixture->context);
  LsCaseDocumentsGroup *group;
  GtkWidget *preview;

  ls_case_set_deciding_board (lcase, "Socialnämnden i Ekby");
  ls_notification_set_sender (ls_case_get_notification (lcase),
                              LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
  /* The case is closed: a change of it is saved with its reason. */
  ls_store_save_case_why (fixture->store, lcase, "Test",
                          "Utföraren är en enskild verksamhet", &error);
  g_assert_no_error (error);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 700);
  gtk_window_present (GTK_WINDOW (window));
  ls_case_view_show_case (view, CLOSED_SERIOUS);
  ls_test_wait_for_text (GTK_WIDGET (view), "Letter to the Deciding Board");
  group = LS_CASE_DOCUMENTS_GROUP (ls_test_find_by_type (
      GTK_WIDGET (view), LS_TYPE_CASE_DOCUMENTS_GROUP, 0));
  g_assert_true (ls_case_documents_group_offers (
      group, LS_NOTIFICATION_DOCUMENT_BOARD_LETTER));
  preview =
      ls_test_find_by_type (GTK_WIDGET (ls_case_documents_group_preview (
                                group, LS_NOTIFICATION_DOCUMENT_BOARD_LETTER)),
                            LS_TYPE_FORM_PREVIEW, 0);
  ls_test_wait_until_for (LS_WZ_TIMEOUT, preview_drawn, preview);
  {
    g_autoptr (PopplerDocument) pdf = poppler_document_new_from_bytes (
        ls_form_preview_get_pdf (LS_FORM_PREVIEW (preview)), NULL, &error);
    g_autofree char *text = NULL;
    g_autofree char *squeezed = NULL;

    g_assert_no_error (error);
    text = ls_test_dup_all_text (pdf);
    squeezed = ls_test_squeeze (text);
    /* Squeezed: without white space. */
    g_assert_nonnull (strstr (squeezed, "INFORMATIONTILLBESLUTANDENÄMND"));
    g_assert_nonnull (strstr (squeezed, "SocialnämndeniEkby"));
    g_assert_nonnull (strstr (text, "VON-2026-0003"));
  }
}

int
main (int argc, char *argv[])
{
  ls_test_init_gtk (&argc, &argv);

#define ADD(name, func)                                                        \
  g_test_add ("/read-only/" name, Fixture, NULL, fixture_set_up, func,         \
              fixture_tear_down)
  ADD ("report-closed", test_report_closed);
  ADD ("investigation-concluded", test_investigation_concluded);
  ADD ("case-view-documents", test_case_view_documents);
  ADD ("case-view-letter", test_case_view_letter);
#undef ADD

  return g_test_run ();
}
