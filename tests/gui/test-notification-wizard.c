/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "ls-action.h"
#include "ls-attachment.h"
#include "ls-board-notice.h"
#include "ls-cause.h"
#include "ls-dates.h"
#include "ls-form-preview.h"
#include "ls-form-test-utils.h"
#include "ls-individual.h"
#include "ls-law.h"
#include "ls-notification-wizard.h"
#include "ls-package-attachments.h"
#include "ls-row-error.h"
#include "ls-rules.h"
#include "ls-test-utils.h"
#include "ls-wizard-test.h"
#include "ls-wizard.h"

/* The wizard on a real store: the example document imported, its open case
 * VON-2026-0004 (LSS, a clear risk) investigated to a serious conclusion
 * through the model, and the wizard driven through its rows and actions as
 * a user would. */

#define OPEN_REGNO "VON-2026-0004"
#define EARLIER_REGNO "VON-2026-0003"
#define USER_NAME "Tove Testare"
#define REPORT_DESCRIPTION                                                     \
  "Läkemedelslistan i medicinskåpet stämde inte med dosetten."

typedef struct
{
  char *dir;
  LsStore *store;
  LsOrganisation *organisation;
  LsCase *lcase;
  GSettings *settings;
  LsContext *context;
  LsNotificationWizard *wizard;
} Fixture;

static LsCase *
load_stored (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  LsCase *stored = ls_store_find_case_by_regno (f->store, OPEN_REGNO, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

static char *
dup_case_json (LsCase *lcase)
{
  g_autoptr (JsonObject) object = ls_case_to_json (lcase);
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static char *
dup_stored_json (Fixture *f)
{
  g_autoptr (LsCase) stored = load_stored (f);

  return dup_case_json (stored);
}

/* The case as the wizard holds it: its own copy, which it took from the
 * store. */
static LsCase *
wizard_case (Fixture *f)
{
  return ls_wizard_get_case (LS_WIZARD (f->wizard));
}

/* Whether the store holds the case as the wizard has it: every save
 * done.  Asked every 20 ms, not at every event: it reads the store. */
static gboolean
store_holds_case (gpointer data)
{
  Fixture *f = data;
  g_autofree char *stored = NULL;
  g_autofree char *current = NULL;

  ls_test_run_for (20);
  stored = dup_stored_json (f);
  current = dup_case_json (wizard_case (f));
  return g_str_equal (stored, current);
}

static void
wait_for_store (Fixture *f)
{
  ls_test_wait_until (store_holds_case, f);
}

static gboolean
wizard_closed (gpointer data)
{
  Fixture *f = data;

  return !gtk_widget_get_visible (GTK_WIDGET (f->wizard));
}

static void
wait_until_closed (Fixture *f)
{
  ls_test_wait_until (wizard_closed, f);
}

static void
import_example (Fixture *f)
{
  g_autofree char *path =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  guint n_changed = 0;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  ls_store_import_document (f->store, json_parser_get_root (parser), USER_NAME,
                            &n_changed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
}

/* What the investigation of VON-2026-0004 found, so that it ends in a
 * serious conclusion with every point of 5 kap. answered. */
static void
complete_investigation (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) earlier =
      ls_store_find_case_by_regno (f->store, EARLIER_REGNO, &error);
  LsReport *report = ls_case_get_report (f->lcase);
  LsInvestigation *inv = ls_case_get_investigation (f->lcase);
  g_autoptr (LsCause) cause = ls_cause_new ();
  g_autoptr (LsAction) action = ls_action_new ();
  g_autoptr (LsIndividual) individual = g_list_model_get_item (
      G_LIST_MODEL (ls_report_get_individuals (report)), 0);
  const char *links[] = { NULL, NULL };
  guint n_categories;
  const LsChoice *categories = ls_law_get_cause_categories (&n_categories);

  g_assert_no_error (error);
  links[0] = ls_case_get_uuid (earlier);

  ls_report_set_occurred_unknown (report, FALSE);
  ls_report_set_occurred_at (report, "2026-03-09T08:00:00+01:00");
  ls_individual_set_informed_on (individual, "2026-03-10");
  ls_individual_set_informed_how (individual, "Samtal med Erik");

  ls_cause_set_category (cause, categories[0].id);
  ls_cause_set_description (cause, "Ändringar per telefon förs inte in.");
  g_list_store_append (ls_investigation_get_causes (inv), cause);
  ls_investigation_set_similar_before (inv, LS_SIMILAR_BEFORE_NO);
  ls_investigation_set_linked_cases (inv, links);
  ls_investigation_set_recurrence (inv, "Kan hända igen utan ny rutin.");
  ls_investigation_set_other_findings (inv, "Inget annat framkom.");
  ls_action_set_kind (action, LS_ACTION_KIND_PREVENTIVE);
  ls_action_set_description (action, "Ny rutin för telefonordinationer.");
  ls_action_set_responsible (action, "Jonas Ahl");
  ls_action_set_due_on (action, "2026-04-30");
  g_list_store_append (ls_investigation_get_preventive_actions (inv), action);
  ls_investigation_set_conclusion (inv, "Ett allvarligt missförhållande.");
  ls_investigation_set_concluded_on (inv, "2026-03-20");
  ls_investigation_set_decided_by (inv, "Maria Lind");
  ls_investigation_set_decided_by_title (inv, "Verksamhetschef");
  ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_SERIOUS);

  ls_store_save_case (f->store, f->lcase, USER_NAME, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("ls-notification-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "lexsarah.db", NULL);
  f->store = ls_store_open (path, &error);
  g_assert_no_error (error);
  import_example (f);

  f->organisation = ls_store_load_organisation (f->store, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (data, "sv") == 0)
    ls_test_use_language ("sv");
  if (g_strcmp0 (data, "private") == 0)
    {
      /* the same organisation as a private provider */
      ls_organisation_set_kind (f->organisation,
                                LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
      ls_organisation_set_name (f->organisation, "Omsorg i Exempelstad AB");
      ls_store_save_organisation (f->store, f->organisation, &error);
      g_assert_no_error (error);
    }

  f->lcase = load_stored (f);
  complete_investigation (f);

  f->settings = g_settings_new ("com.example.LexSarah");
  g_settings_set_string (f->settings, "user-name", USER_NAME);

  f->context = ls_context_new (f->store, f->organisation, f->settings);
  f->wizard = g_object_ref_sink (
      ls_notification_wizard_new (NULL, f->context, f->lcase));
  gtk_window_set_default_size (GTK_WINDOW (f->wizard), 720, 720);
  gtk_window_present (GTK_WINDOW (f->wizard));
  ls_test_wait_for_frames (GTK_WIDGET (f->wizard), 2);
  ls_test_run_for (100);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  /* nothing when closed already */
  gtk_window_destroy (GTK_WINDOW (f->wizard));
  g_clear_object (&f->wizard);
  ls_test_run_for (50);
  g_clear_object (&f->lcase);
  g_clear_object (&f->context);
  g_clear_object (&f->organisation);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->dir);
  ls_test_use_language ("en");
}

static GtkWidget *
root (Fixture *f)
{
  return GTK_WIDGET (f->wizard);
}

static GtkWidget *
row (Fixture *f, const char *title)
{
  GtkWidget *found = ls_test_find_row (root (f), title);

  if (found == NULL)
    g_error ("No row titled “%s”", title);
  return found;
}

static const char *
row_text (Fixture *f, const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (row (f, title)));
}

static const char *
visible_page (Fixture *f)
{
  return ls_wizard_get_page_name (LS_WIZARD (f->wizard));
}

static GtkWidget *
visible_page_child (Fixture *f)
{
  return GTK_WIDGET (ls_wizard_get_page (LS_WIZARD (f->wizard)));
}

static GtkWidget *
page_child (Fixture *f, const char *name)
{
  return GTK_WIDGET (ls_wizard_find_page (LS_WIZARD (f->wizard), name));
}

/* Puts what was typed on the page @name into the case, as leaving the
 * page does. */
static void
commit_page (Fixture *f, const char *name)
{
  g_assert_true (ls_wizard_commit_page (
      LS_WIZARD (f->wizard), ls_wizard_find_page (LS_WIZARD (f->wizard), name),
      LS_WIZARD_COMMIT_LENIENT));
}

static void
activate (Fixture *f, const char *action)
{
  g_assert_true (gtk_widget_activate_action (root (f), action, NULL));
  ls_test_run_for (50);
}

static void
go_to (Fixture *f, const char *page)
{
  for (guint i = 0; i < 8 && g_strcmp0 (visible_page (f), page) != 0; i++)
    activate (f, "wizard.next");
  g_assert_cmpstr (visible_page (f), ==, page);
}

static char *
dup_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The row's error as ls_row_set_error() shows it: the error style and a
 * visible label with the message. */
static gboolean
row_shows_error (GtkWidget *widget)
{
  const char *message = ls_row_get_error (widget);

  return gtk_widget_has_css_class (widget, "error") && message != NULL &&
         *message != '\0';
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GtkWidget *dialog = ls_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

static void
mark_sent (Fixture *f)
{
  AdwMessageDialog *dialog;

  go_to (f, "send");
  activate (f, "wizard.mark-sent");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "send");
  wait_for_store (f);
}

static gboolean
preview_drawn (gpointer data)
{
  LsFormPreview *preview = data;

  return !ls_form_preview_get_loading (preview) &&
         ls_form_preview_get_n_pages (preview) > 0;
}

static void
wait_for_preview (Fixture *f)
{
  LsFormPreview *preview = LS_FORM_PREVIEW (
      ls_test_find_by_type (root (f), LS_TYPE_FORM_PREVIEW, 0));

  ls_test_run_for (100);
  ls_test_wait_until (preview_drawn, preview);
  ls_test_wait_for_frames (root (f), 3);
}

/* Filled from the case, the organisation and the unit, and saved. */
static void
test_prefilled (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) stored = NULL;
  GtkWidget *description;
  g_autofree char *text = NULL;

  g_assert_cmpstr (visible_page (f), ==, "kind");
  g_assert_true (ls_test_widget_has_text (root (f), OPEN_REGNO));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
      ls_test_find_by_type (row (f, "A clear risk of a serious wrongdoing"),
                            GTK_TYPE_CHECK_BUTTON, 0))));
  g_assert_true (
      gtk_check_button_get_active (GTK_CHECK_BUTTON (ls_test_find_by_type (
          row (f, "Avdelning mitt"), GTK_TYPE_CHECK_BUTTON, 0))));

  g_assert_cmpstr (row_text (f, "Contact person"), ==, "Maria Lind");
  g_assert_cmpstr (row_text (f, "Title or function"), ==,
                   "Verksamhetschef äldreomsorg");
  g_assert_cmpstr (row_text (f, "Name of the board"), ==,
                   "Vård- och omsorgsnämnden");
  g_assert_cmpstr (row_text (f, "Unit or department"), ==,
                   "Gruppbostaden Linden");
  g_assert_cmpstr (row_text (f, "Type of activity"), ==,
                   "Gruppbostad enligt LSS");
  g_assert_cmpstr (row_text (f, "Street address"), ==, "Lindvägen 4");
  g_assert_cmpstr (row_text (f, "Date, weekday and time"), ==,
                   "måndag 9 mars 2026 kl. 08.00");

  description =
      ls_test_find_by_type (page_child (f, "what"), GTK_TYPE_TEXT_VIEW, 0);
  text = dup_view_text (description);
  g_assert_nonnull (strstr (text, REPORT_DESCRIPTION));
  g_assert_nonnull (strstr (text, "Ingen dos hann ges."));

  /* a finished investigation goes with the form; the individual was told
   * of the wrongdoing, which is not being told of the notification */
  g_assert_true (
      gtk_check_button_get_active (GTK_CHECK_BUTTON (ls_test_find_by_type (
          row (f, "The finished investigation"), GTK_TYPE_CHECK_BUTTON, 0))));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (ls_test_find_by_type (
      row (f, "The individuals concerned have been told of the notification"),
      GTK_TYPE_SWITCH, 0))));

  /* moving on saves what was filled in */
  activate (f, "wizard.next");
  wait_for_store (f);
  g_assert_cmpstr (visible_page (f), ==, "sender");
  stored = load_stored (f);
  g_assert_cmpstr (
      ls_notification_get_contact_name (ls_case_get_notification (stored)), ==,
      "Maria Lind");
  g_assert_cmpstr (
      ls_notification_get_occurred (ls_case_get_notification (stored)), ==,
      "måndag 9 mars 2026 kl. 08.00");
  g_assert_cmpstr (
      ls_notification_get_department (ls_case_get_notification (stored)), ==,
      "mitt");
}

/* An edited field is stored with its author; an emptied required one is
 * listed before printing and leads back to its row. */
static void
test_edit_and_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *missing;
  GtkWidget *contact;
  gboolean found = FALSE;

  ls_test_set_row_text (root (f), "Title or function", "Enhetschef");
  ls_test_set_row_text (root (f), "Contact person", "");
  go_to (f, "staff");
  gtk_text_buffer_set_text (
      gtk_text_view_get_buffer (GTK_TEXT_VIEW (ls_test_find_by_type (
          visible_page_child (f), GTK_TYPE_TEXT_VIEW, 0))),
      "Gruppbostaden har sex lägenheter och personal dygnet runt.", -1);
  go_to (f, "send");
  wait_for_store (f);

  /* the form lacks its contact person: named, and a step back to it */
  g_assert_null (ls_test_find_label (
      root (f), "Everything the form asks for is filled in"));
  missing = ls_test_find_row (visible_page_child (f), "Contact person");
  g_assert_nonnull (missing);
  g_assert_true (gtk_widget_is_ancestor (missing, visible_page_child (f)));
  g_assert_true (ls_test_widget_has_text (missing, "Step 2: Who Notifies"));
  g_assert_nonnull (ls_test_find_row (visible_page_child (f),
                                      "Staff training, length of service "
                                      "and employment form"));
  g_assert_null (
      ls_test_find_row (visible_page_child (f), "Organisation and staffing"));

  g_signal_emit_by_name (missing, "activate");
  ls_test_run_for (100);
  g_assert_cmpstr (visible_page (f), ==, "sender");
  contact = row (f, "Contact person");
  g_assert_true (gtk_widget_is_ancestor (
      gtk_root_get_focus (GTK_ROOT (f->wizard)), contact));

  stored = load_stored (f);
  g_assert_cmpstr (
      ls_notification_get_contact_title (ls_case_get_notification (stored)), ==,
      "Enhetschef");
  g_assert_null (
      ls_notification_get_contact_name (ls_case_get_notification (stored)));
  g_assert_cmpstr (ls_notification_get_organisation_staffing (
                       ls_case_get_notification (stored)),
                   ==,
                   "Gruppbostaden har sex lägenheter och personal dygnet "
                   "runt.");

  history = ls_store_list_history (f->store, ls_case_get_uuid (stored), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      LsHistoryEntry *entry = g_ptr_array_index (history, i);

      if (strstr (entry->field, "contact_title") != NULL &&
          g_strcmp0 (entry->new_value, "Enhetschef") == 0)
        {
          g_assert_cmpstr (entry->who, ==, USER_NAME);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  if (!ls_notification_wizard_save_pdf_finish (LS_NOTIFICATION_WIZARD (source),
                                               result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "saved");
}

static PopplerDocument *
save_and_read (Fixture *f, LsNotificationDocument document, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr (GError) error = NULL;
  PopplerDocument *pdf;
  GStatBuf st;

  ls_notification_wizard_save_pdf_async (f->wizard, document, file, NULL,
                                         saved_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* sensitive personal data: for the user's eyes only */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return pdf;
}

/* The PDF the wizard writes is the form as the case holds it, and the
 * investigation report names the linked earlier case. */
static void
test_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *name = NULL;
  g_autoptr (PopplerDocument) form = NULL;
  g_autoptr (PopplerDocument) investigation = NULL;
  g_autofree char *form_text = NULL;
  g_autofree char *investigation_text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *expected = NULL;

  name = ls_notification_wizard_dup_pdf_name (f->wizard,
                                              LS_NOTIFICATION_DOCUMENT_FORM);
  g_assert_cmpstr (name, ==, "Anmälan lex Sarah " OPEN_REGNO ".pdf");

  ls_test_set_row_text (root (f), "Workplace", "Gruppbostäderna i Exempelstad");
  commit_page (f, "sender");
  form = save_and_read (f, LS_NOTIFICATION_DOCUMENT_FORM, name);
  ls_test_assert_a4 (form);
  form_text = ls_test_dup_all_text (form);
  squeezed = ls_test_squeeze (form_text);
#define ASSERT_PRINTED(text)                                                   \
  do                                                                           \
    {                                                                          \
      g_autofree char *needle = ls_test_squeeze (text);                        \
      if (strstr (squeezed, needle) == NULL)                                   \
        g_error ("“%s” is not in the PDF", text);                              \
    }                                                                          \
  while (0)
  ASSERT_PRINTED ("ANMÄLAN – lex Sarah");
  /* the case is under LSS: the form names its section */
  ASSERT_PRINTED ("24 f § LSS");
  g_assert_null (strstr (squeezed, "14kap.7§SoL"));
  ASSERT_PRINTED (REPORT_DESCRIPTION);
  ASSERT_PRINTED ("Maria Lind");
  ASSERT_PRINTED ("Gruppbostäderna i Exempelstad");
  ASSERT_PRINTED (OPEN_REGNO);
  ASSERT_PRINTED ("Avdelning mitt");
  g_clear_pointer (&squeezed, g_free);

  g_free (name);
  name = ls_notification_wizard_dup_pdf_name (
      f->wizard, LS_NOTIFICATION_DOCUMENT_INVESTIGATION);
  g_assert_cmpstr (name, ==, "Utredning lex Sarah " OPEN_REGNO ".pdf");
  investigation =
      save_and_read (f, LS_NOTIFICATION_DOCUMENT_INVESTIGATION, name);
  investigation_text = ls_test_dup_all_text (investigation);
  squeezed = ls_test_squeeze (investigation_text);
  ASSERT_PRINTED ("Ett allvarligt missförhållande.");
  ASSERT_PRINTED ("Ny rutin för telefonordinationer.");
  /* the linked case, by its registration number, loaded from the store */
  ASSERT_PRINTED (EARLIER_REGNO);
#undef ASSERT_PRINTED
  expected = ls_test_squeeze ("24 e § LSS");
  g_assert_nonnull (strstr (squeezed, expected));
}

/* Sending makes the notification read-only and starts the two months;
 * the finished investigation sent closes the case. */
static void
test_submit (Fixture *f, gconstpointer data)
{
  /* The app takes the day of the sending from the clock: the day at some
   * moment of the test, whether or not midnight falls inside. */
  g_autofree char *since = ls_dates_dup_today (NULL);
  g_autofree char *sent_on = NULL;
  g_autofree char *told_on = NULL;
  g_autofree char *sent_title = NULL;
  g_autofree char *investigation_title = NULL;
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (LsCase) closed = NULL;
  GtkWidget *description;
  GtkWidget *sent_label;

  ls_test_set_row_text (root (f), "Who signs (name in print)", "Maria Lind");
  go_to (f, "send");
  ls_wz_assert_today_since (row_text (f, "Date sent"), since);
  /* what follows the sending is no step before it */
  g_assert_false (ls_wizard_page_is_available (
      ls_wizard_find_page (LS_WIZARD (f->wizard), "after"), wizard_case (f)));
  g_assert_true (gtk_widget_is_sensitive (row (f, "Contact person")));

  /* cancelling changes nothing */
  activate (f, "wizard.mark-sent");
  g_free (ls_test_save_screenshot (GTK_WIDGET (find_message_dialog ()),
                                   "notification-wizard-confirm-sent"));
  adw_message_dialog_response (find_message_dialog (), "cancel");
  wait_for_store (f);
  stored = load_stored (f);
  g_assert_null (
      ls_notification_get_submitted_on (ls_case_get_notification (stored)));
  g_clear_object (&stored);

  mark_sent (f);
  stored = load_stored (f);
  sent_on = g_strdup (
      ls_notification_get_submitted_on (ls_case_get_notification (stored)));
  ls_wz_assert_today_since (sent_on, since);
  /* The investigation was concluded and goes with the form: it is sent
   * with it (6 kap. 2 §), nothing more is due, and the case is closed. */
  g_assert_cmpint (ls_case_get_status (stored), ==, LS_CASE_STATUS_CLOSED);
  {
    g_autofree char *stored_due = ls_rules_dup_investigation_due (stored);
    g_autofree char *investigation_sent_on =
        ls_rules_dup_investigation_sent_on (stored);

    g_assert_null (stored_due);
    g_assert_cmpstr (investigation_sent_on, ==, sent_on);
  }

  /* read-only now, and says so */
  g_assert_false (
      gtk_editable_get_editable (GTK_EDITABLE (row (f, "Contact person"))));
  g_assert_false (
      gtk_editable_get_editable (GTK_EDITABLE (row (f, "Date on the form"))));
  description =
      ls_test_find_by_type (page_child (f, "what"), GTK_TYPE_TEXT_VIEW, 0);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (description)));
  g_assert_false (gtk_widget_is_sensitive (row (f, "A serious wrongdoing")));
  g_assert_false (gtk_widget_get_sensitive (row (f, "Avdelning mitt")));
  sent_label = ls_test_find_by_type (
      ls_test_find_by_type (root (f), GTK_TYPE_INFO_BAR, 0), GTK_TYPE_LABEL, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (sent_label)),
                            "cannot be changed"));
  sent_title = g_strdup_printf ("Sent to IVO on %s", sent_on);
  g_assert_nonnull (ls_test_find_row (visible_page_child (f), sent_title));
  ls_test_set_row_text (root (f), "Town", "Någonstans");
  wait_for_store (f);
  g_clear_object (&stored);
  stored = load_stored (f);
  g_assert_cmpstr (ls_notification_get_town (ls_case_get_notification (stored)),
                   ==, "Exempelstad");

  /* then telling the individuals of the notification, a fact of its own */
  activate (f, "wizard.next");
  g_assert_cmpstr (visible_page (f), ==, "told");
  g_assert_true (ls_test_widget_has_text (
      root (f),
      "Tell the individuals concerned, or their next of kin, that IVO "
      "has been notified (general advice to 6 kap. SOSFS 2011:5). "
      "Being told what happened is not the same: write when and how "
      "they were told of the notification. The form’s box is ticked "
      "from this."));
  /* Today as it is now: never before the sending. */
  told_on = ls_dates_dup_today (NULL);
  ls_test_set_row_text (visible_page_child (f), "Told on", told_on);
  ls_test_set_row_text (visible_page_child (f), "How, and by whom",
                        "Per telefon");

  /* then the finished investigation */
  activate (f, "wizard.next");
  g_assert_cmpstr (visible_page (f), ==, "after");
  /* a municipal board writes no letter of 6 kap. 4 § */
  g_assert_null (ls_test_find_label (visible_page_child (f),
                                     "Write the Letter to the Board…"));
  /* Next saves in a thread: its end, not a moment, before reading. */
  wait_for_store (f);
  {
    g_autoptr (LsCase) told = load_stored (f);
    g_autoptr (LsIndividual) individual = g_list_model_get_item (
        G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (told))),
        0);

    g_assert_cmpstr (ls_individual_get_told_of_notification_on (individual), ==,
                     told_on);
    g_assert_cmpstr (ls_individual_get_told_of_notification_how (individual),
                     ==, "Per telefon");
    g_assert_true (ls_rules_all_told_of_notification (told));
  }
  g_assert_true (
      ls_test_widget_has_text (root (f), "The investigation is finished"));
  /* it went with the form: the same day as the notification */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                       ls_test_find_row (visible_page_child (f), "Date sent"))),
                   ==, sent_on);
  activate (f, "wizard.mark-investigation-sent");
  wait_for_store (f);
  closed = load_stored (f);
  g_assert_cmpstr (ls_notification_get_investigation_sent_on (
                       ls_case_get_notification (closed)),
                   ==, sent_on);
  g_assert_cmpint (ls_case_get_status (closed), ==, LS_CASE_STATUS_CLOSED);
  investigation_title =
      g_strdup_printf ("The finished investigation was sent on %s", sent_on);
  g_assert_nonnull (
      ls_test_find_row (visible_page_child (f), investigation_title));
}

/* Sent: recording when and how the individual was told of the
 * notification is a fact of its own, changing it once recorded is a
 * change of the notified case and asks why (item 11). */
static void
test_reason_asked (Fixture *f, gconstpointer data)
{
  g_autofree char *today = NULL;
  g_autofree char *why = NULL;
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (LsIndividual) individual = NULL;

  ls_test_set_row_text (root (f), "Who signs (name in print)", "Maria Lind");
  mark_sent (f);
  /* Read after the sending, so never a day before it. */
  today = ls_dates_dup_today (NULL);
  activate (f, "wizard.next");
  g_assert_cmpstr (visible_page (f), ==, "told");
  ls_test_set_row_text (visible_page_child (f), "Told on", today);
  ls_test_set_row_text (visible_page_child (f), "How, and by whom",
                        "Per telefon");
  activate (f, "wizard.next");
  wait_for_store (f);
  g_assert_null (ls_wz_find_message_dialog ("Why Is the Case Changed?"));

  activate (f, "wizard.back");
  g_assert_cmpstr (visible_page (f), ==, "told");
  ls_test_set_row_text (visible_page_child (f), "How, and by whom",
                        "Per brev, på Eriks begäran");
  activate (f, "wizard.next");
  ls_wz_give_reason ("Erik ville ha beskedet skriftligt");
  wait_for_store (f);

  stored = load_stored (f);
  individual = g_list_model_get_item (
      G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (stored))),
      0);
  g_assert_cmpstr (ls_individual_get_told_of_notification_how (individual), ==,
                   "Per brev, på Eriks begäran");
  why = ls_wz_dup_history_why (f->store, ls_case_get_uuid (stored),
                               "told_of_notification_how");
  g_assert_cmpstr (why, ==, "Erik ville ha beskedet skriftligt");
}

/* Adds a file to the case in the store, as the case view does. */
static char *
attach (Fixture *f, const char *name, const char *type)
{
  g_autoptr (GBytes) data = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsAttachment) attachment = ls_attachment_new (
      name, type, "statement", data, NULL, USER_NAME, NULL, &error);
  g_autoptr (LsAttachment) stored = NULL;

  g_assert_no_error (error);
  stored = ls_store_add_attachment (f->store, ls_case_get_uuid (f->lcase),
                                    attachment, data, &error);
  g_assert_no_error (error);
  return g_strdup (ls_attachment_get_uuid (stored));
}

static gboolean
attachments_listed (gpointer data)
{
  Fixture *f = data;
  GtkWidget *list =
      ls_test_find_by_type (root (f), LS_TYPE_PACKAGE_ATTACHMENTS, 0);

  return list != NULL && ls_package_attachments_get_n_shown (
                             LS_PACKAGE_ATTACHMENTS (list)) == 3;
}

static GtkWidget *
switch_of (Fixture *f, const char *title)
{
  return ls_test_find_by_type (row (f, title), GTK_TYPE_SWITCH, 0);
}

/* The stored case has chosen @uuid, and nothing else, for IVO. */
static void
assert_only_chosen (Fixture *f, const char *uuid)
{
  g_autoptr (LsCase) stored = load_stored (f);
  const char *const *chosen =
      ls_notification_get_sent_attachments (ls_case_get_notification (stored));

  g_assert_nonnull (chosen);
  g_assert_cmpstr (chosen[0], ==, uuid);
  g_assert_null (chosen[1]);
}

/* Where the package for IVO is made, each attachment says whether it goes
 * with the notification; the choice is kept with the case (item 13). */
static void
test_package_choice (Fixture *f, gconstpointer data)
{
  g_autofree char *statement =
      attach (f, "Vittnesmål natt.pdf", "application/pdf");
  g_autofree char *note = attach (f, "Anteckning dag.pdf", "application/pdf");
  g_autofree char *photo = attach (f, "Foto larmknapp.png", "image/png");

  /* Sent without the investigation, so that the case stays open. */
  ls_wizard_set_page_name (LS_WIZARD (f->wizard), "what");
  ls_wz_activate_row (root (f), "The finished investigation");
  ls_test_set_row_text (root (f), "Who signs (name in print)", "Maria Lind");
  mark_sent (f);
  activate (f, "wizard.next");
  activate (f, "wizard.next");
  g_assert_cmpstr (visible_page (f), ==, "after");
  ls_test_wait_until (attachments_listed, f);

  /* Nothing is chosen until the user chooses; a photo cannot go. */
  g_assert_false (gtk_switch_get_active (
      GTK_SWITCH (switch_of (f, "Vittnesmål natt.pdf"))));
  g_assert_false (
      gtk_widget_get_sensitive (switch_of (f, "Foto larmknapp.png")));
  g_assert_true (ls_test_widget_has_text (
      root (f), "Not a PDF file: IVO’s e-service takes PDF files only."));

  gtk_switch_set_active (GTK_SWITCH (switch_of (f, "Vittnesmål natt.pdf")),
                         TRUE);
  wait_for_store (f);
  g_assert_null (ls_wz_find_message_dialog ("Why Is the Case Changed?"));
  assert_only_chosen (f, statement);

  /* Taken out again, the other chosen instead. */
  gtk_switch_set_active (GTK_SWITCH (switch_of (f, "Vittnesmål natt.pdf")),
                         FALSE);
  ls_wz_activate_row (root (f), "Anteckning dag.pdf");
  wait_for_store (f);
  assert_only_chosen (f, note);
}

/* A private provider must tell the deciding board of the notification
 * (6 kap. 3–4 §§): recorded as a board notice of the notification. */
static void
test_board_notice_private (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) stored = NULL;
  GListModel *notices;
  g_autoptr (LsBoardNotice) notice = NULL;
  g_autofree char *today = NULL;
  const char *description;

  go_to (f, "sender");
  g_assert_true (
      gtk_check_button_get_active (GTK_CHECK_BUTTON (ls_test_find_by_type (
          row (f, "Private provider"), GTK_TYPE_CHECK_BUTTON, 0))));
  g_assert_true (
      gtk_widget_get_visible (row (f, "Name of the company or foundation")));
  g_assert_false (gtk_widget_get_visible (row (f, "Name of the board")));
  g_assert_cmpstr (row_text (f, "Name of the company or foundation"), ==,
                   "Omsorg i Exempelstad AB");

  mark_sent (f);
  /* Read after the sending, so never a day before it. */
  today = ls_dates_dup_today (NULL);
  activate (f, "wizard.next");
  g_assert_cmpstr (visible_page (f), ==, "told");
  activate (f, "wizard.next");
  g_assert_cmpstr (visible_page (f), ==, "after");
  /* The letter of 6 kap. 4 § is written from here, as is the package. */
  g_assert_nonnull (ls_test_find_label (visible_page_child (f),
                                        "Write the Letter to the Board…"));
  g_assert_nonnull (ls_test_find_label (visible_page_child (f),
                                        "Print the Letter to the Board…"));
  g_assert_nonnull (ls_test_find_label (visible_page_child (f),
                                        "Write the Package for IVO…"));
  description = adw_preferences_group_get_description (
      ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (
          row (f, "Which board was told"), ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_true (g_str_has_prefix (description, "Required:"));
  g_assert_nonnull (strstr (description, "6 kap. 3–4 §§ SOSFS 2011:5"));

  /* a date before the notification is refused where it was typed */
  ls_test_set_row_text (root (f), "Which board was told",
                        "Socialnämnden i Exempelstad");
  ls_test_set_row_text (root (f), "Date they were told", "2020-01-01");
  g_assert_true (row_shows_error (row (f, "Date they were told")));
  ls_test_set_row_text (root (f), "Date they were told", today);
  g_assert_false (row_shows_error (row (f, "Date they were told")));
  ls_test_set_row_text (root (f), "How they were told", "Brev");
  g_free (ls_test_save_screenshot (root (f),
                                   "notification-wizard-7-after-private"));
  gtk_window_close (GTK_WINDOW (f->wizard));
  wait_until_closed (f);
  wait_for_store (f);

  stored = load_stored (f);
  notices = G_LIST_MODEL (ls_case_get_board_notices (stored));
  g_assert_cmpuint (g_list_model_get_n_items (notices), ==, 1);
  notice = g_list_model_get_item (notices, 0);
  g_assert_cmpint (ls_board_notice_get_stage (notice), ==,
                   LS_NOTICE_STAGE_NOTIFICATION);
  g_assert_cmpstr (ls_board_notice_get_board (notice), ==,
                   "Socialnämnden i Exempelstad");
  g_assert_cmpstr (ls_board_notice_get_notified_on (notice), ==, today);
  g_assert_cmpstr (ls_board_notice_get_how (notice), ==, "Brev");
  g_assert_cmpstr (
      ls_notification_get_provider_name (ls_case_get_notification (stored)), ==,
      "Omsorg i Exempelstad AB");
}

/* Bad input is marked on its row, holds the wizard on the page, and never
 * reaches the store. */
static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *postcode;
  GtkWidget *email;

  go_to (f, "sender");
  wait_for_store (f);
  before = dup_stored_json (f);

  postcode = row (f, "Postcode");
  ls_test_set_row_text (root (f), "Postcode", "7A1 00");
  g_assert_true (row_shows_error (postcode));
  email = row (f, "E-mail address");
  ls_test_set_row_text (root (f), "E-mail address", "vard.omsorg");
  g_assert_true (row_shows_error (email));

  activate (f, "wizard.next");
  g_assert_cmpstr (visible_page (f), ==, "sender");
  g_free (ls_test_save_screenshot (root (f), "notification-wizard-bad-input"));
  g_assert_true (gtk_widget_is_ancestor (
                     gtk_root_get_focus (GTK_ROOT (f->wizard)), postcode) ||
                 gtk_widget_is_ancestor (
                     gtk_root_get_focus (GTK_ROOT (f->wizard)), email));
  /* time for a save that must not happen */
  ls_test_run_for (300);
  after = dup_stored_json (f);
  g_assert_cmpstr (after, ==, before);
  /* what was typed is kept for correcting */
  g_assert_cmpstr (row_text (f, "Postcode"), ==, "7A1 00");

  /* corrected, it is saved */
  ls_test_set_row_text (root (f), "Postcode", "701 01");
  g_assert_false (row_shows_error (postcode));
  ls_test_set_row_text (root (f), "E-mail address", "anmalan@exempelstad.se");
  activate (f, "wizard.next");
  wait_for_store (f);
  g_assert_cmpstr (visible_page (f), ==, "where");
  {
    g_autoptr (LsCase) stored = load_stored (f);

    g_assert_cmpstr (
        ls_notification_get_postcode (ls_case_get_notification (stored)), ==,
        "701 01");
    g_assert_cmpstr (
        ls_notification_get_email (ls_case_get_notification (stored)), ==,
        "anmalan@exempelstad.se");
  }

  /* a day that is no day, where the submission is recorded */
  go_to (f, "send");
  ls_test_set_row_text (root (f), "Date sent", "2026-13-45");
  g_assert_true (row_shows_error (row (f, "Date sent")));
  activate (f, "wizard.mark-sent");
  g_assert_null (find_message_dialog ());
  g_clear_pointer (&after, g_free);
  {
    g_autoptr (LsCase) stored = load_stored (f);

    g_assert_null (
        ls_notification_get_submitted_on (ls_case_get_notification (stored)));
  }
}

/* Closing (Escape) saves first: nothing typed is lost. */
static void
test_close_saves (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) stored = NULL;

  go_to (f, "where");
  ls_test_set_row_text (visible_page_child (f), "Phone, with area code",
                        "019-10 14 99");
  g_assert_true (gtk_widget_activate_action (root (f), "window.close", NULL));
  /* closed: gone from the screen, after saving */
  wait_until_closed (f);
  wait_for_store (f);
  stored = load_stored (f);
  g_assert_cmpstr (
      ls_notification_get_unit_phone (ls_case_get_notification (stored)), ==,
      "019-10 14 99");
}

/* Closing with a bad row asks first; what is valid is saved, the bad text
 * is not. */
static void
test_close_with_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) stored = NULL;
  AdwMessageDialog *dialog;

  go_to (f, "sender");
  ls_test_set_row_text (root (f), "Workplace", "Gruppbostäderna");
  ls_test_set_row_text (root (f), "Postcode", "701");
  g_assert_true (gtk_widget_activate_action (root (f), "window.close", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Some of This Step Cannot Be Saved");
  adw_message_dialog_response (dialog, "keep");
  ls_test_run_for (100);
  g_assert_true (gtk_widget_get_visible (root (f)));
  g_assert_cmpstr (row_text (f, "Postcode"), ==, "701");

  g_assert_true (gtk_widget_activate_action (root (f), "window.close", NULL));
  adw_message_dialog_response (find_message_dialog (), "close");
  wait_until_closed (f);
  wait_for_store (f);
  stored = load_stored (f);
  g_assert_cmpstr (
      ls_notification_get_workplace (ls_case_get_notification (stored)), ==,
      "Gruppbostäderna");
  g_assert_cmpstr (
      ls_notification_get_postcode (ls_case_get_notification (stored)), !=,
      "701");
}

static gboolean
retry_offered (gpointer data)
{
  Fixture *f = data;

  return ls_test_widget_has_text (root (f), "Try Again");
}

/* A storage error (here another program holding the database's write
 * lock) is said in a toast; what was typed stays, and is saved when the
 * manager tries again. */
static void
test_storage_error (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "lexsarah.db", NULL);
  g_autoptr (LsCase) stored = NULL;
  sqlite3 *other = NULL;

  wait_for_store (f);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE;", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  go_to (f, "sender");
  ls_test_set_row_text (root (f), "Workplace", "Gruppbostäderna");
  activate (f, "wizard.next");
  /* the store waits a while for the lock before it gives up */
  ls_test_wait_until (retry_offered, f);
  g_free (
      ls_test_save_screenshot (root (f), "notification-wizard-storage-error"));

  g_assert_cmpstr (row_text (f, "Workplace"), ==, "Gruppbostäderna");
  stored = load_stored (f);
  g_assert_cmpstr (
      ls_notification_get_workplace (ls_case_get_notification (stored)), ==,
      "Vård- och omsorgsförvaltningen");
  g_clear_object (&stored);

  sqlite3_exec (other, "ROLLBACK;", NULL, NULL, NULL);
  sqlite3_close (other);
  activate (f, "wizard.save");
  wait_for_store (f);
  stored = load_stored (f);
  g_assert_cmpstr (
      ls_notification_get_workplace (ls_case_get_notification (stored)), ==,
      "Gruppbostäderna");
}

/* The end of a page taller than the window, scrolled to. */
static void
shoot_end (Fixture *f, const char *name)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (ls_test_find_by_type (
      visible_page_child (f), GTK_TYPE_SCROLLED_WINDOW, 0));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  double end = gtk_adjustment_get_upper (adjustment) -
               gtk_adjustment_get_page_size (adjustment);
  g_autofree char *end_name = NULL;

  if (end <= 0)
    return;
  gtk_adjustment_set_value (adjustment, end);
  ls_test_wait_for_frames (root (f), 3);
  end_name = g_strconcat (name, "-end", NULL);
  g_free (ls_test_save_screenshot (root (f), end_name));
  gtk_adjustment_set_value (adjustment, 0);
}

static void
shoot_pages (Fixture *f, const char *suffix)
{
  static const char *const pages[] = {
    "kind", "sender", "where", "what", "staff", "send",
  };

  ls_wizard_show_step (LS_WIZARD (f->wizard), LS_STEP_NOTIFICATION,
                       LS_POINT_NONE);
  ls_test_run_for (100);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = NULL;

      go_to (f, pages[i]);
      if (g_str_equal (pages[i], "send"))
        wait_for_preview (f);
      name = g_strdup_printf ("notification-wizard-%u-%s%s", i + 1, pages[i],
                              suffix);
      g_free (ls_test_save_screenshot (root (f), name));
      shoot_end (f, name);
    }
}

static void
shoot_sent (Fixture *f, const char *suffix)
{
  g_autofree char *sent = NULL;
  g_autofree char *after = NULL;

  ls_wizard_show_step (LS_WIZARD (f->wizard), LS_STEP_NOTIFICATION,
                       LS_POINT_NONE);
  g_assert_cmpstr (visible_page (f), ==, "send");
  wait_for_preview (f);
  sent = g_strdup_printf ("notification-wizard-6-sent%s", suffix);
  g_free (ls_test_save_screenshot (root (f), sent));
  shoot_end (f, sent);
  ls_wizard_show_step (LS_WIZARD (f->wizard), LS_STEP_INVESTIGATION_SENT,
                       LS_POINT_NONE);
  g_assert_cmpstr (visible_page (f), ==, "after");
  after = g_strdup_printf ("notification-wizard-7-after%s", suffix);
  g_free (ls_test_save_screenshot (root (f), after));
  shoot_end (f, after);
}

static void
resize (Fixture *f, int width, int height)
{
  gtk_window_set_default_size (GTK_WINDOW (f->wizard), width, height);
  ls_test_wait_for_frames (root (f), 3);
  g_assert_cmpint (gtk_widget_get_width (root (f)), <=, width);
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{

  shoot_pages (f, "");
  resize (f, 360, 720);
  shoot_pages (f, "-narrow");
  ls_test_use_dark (TRUE);
  shoot_pages (f, "-dark-narrow");
  resize (f, 720, 720);
  shoot_pages (f, "-dark");

  mark_sent (f);
  shoot_sent (f, "-dark");
  ls_test_use_dark (FALSE);
  shoot_sent (f, "");
  resize (f, 360, 720);
  shoot_sent (f, "-narrow");
}

/* The app is used in Swedish: every page speaks it, and fits a narrow
 * window in it. */
static void
test_swedish (Fixture *f, gconstpointer data)
{
  g_assert_true (ls_test_widget_has_text (root (f), "Vad som anmäls"));
  /* the step after sending is not one until the notification is sent */
  g_assert_true (
      ls_test_widget_has_text (root (f), "Steg 1 av 6 · " OPEN_REGNO));
  g_assert_true (ls_test_widget_has_text (root (f), "Nästa"));
  g_assert_cmpstr (row_text (f, "Kontaktperson"), ==, "Maria Lind");
  g_assert_nonnull (
      ls_test_find_row (root (f), "Ett allvarligt missförhållande"));
  g_assert_false (ls_test_widget_has_text (root (f), "What Is Notified"));

  shoot_pages (f, "-sv");
  /* the missing date, named in Swedish on the last page */
  g_assert_nonnull (ls_test_find_row (visible_page_child (f), "Datum"));
  /* Not "Klar": the notification is not done until it is sent. */
  g_assert_true (ls_test_widget_has_text (root (f), "Spara och stäng"));
  g_assert_false (ls_test_widget_has_text (root (f), "Klar"));
  resize (f, 360, 720);
  shoot_pages (f, "-sv-narrow");
  mark_sent (f);
  shoot_sent (f, "-sv-narrow");
}

/* Alt+Right and Alt+Left go on and back, with the focus in a row of the
 * page as well as nowhere in particular; Ctrl+Page Down and Up too. */
static void
test_keys (Fixture *f, gconstpointer data)
{
  GtkWidget *first = NULL;
  const char *start = visible_page (f);

  g_assert_true (ls_test_press_key (root (f), GDK_KEY_Right, GDK_ALT_MASK));
  ls_test_run_for (50);
  g_assert_cmpstr (visible_page (f), !=, start);
  g_assert_true (ls_test_press_key (root (f), GDK_KEY_Left, GDK_ALT_MASK));
  ls_test_run_for (50);
  g_assert_cmpstr (visible_page (f), ==, start);

  /* With the focus on the page's first control. */
  g_assert_true (
      gtk_widget_child_focus (visible_page_child (f), GTK_DIR_TAB_FORWARD));
  first = gtk_root_get_focus (GTK_ROOT (root (f)));
  g_assert_nonnull (first);
  g_assert_true (gtk_widget_is_ancestor (first, visible_page_child (f)));
  g_assert_true (ls_test_press_key (root (f), GDK_KEY_Right, GDK_ALT_MASK));
  ls_test_run_for (50);
  g_assert_cmpstr (visible_page (f), !=, start);
  g_assert_true (
      ls_test_press_key (root (f), GDK_KEY_Page_Up, GDK_CONTROL_MASK));
  ls_test_run_for (50);
  g_assert_cmpstr (visible_page (f), ==, start);
  g_assert_true (
      ls_test_press_key (root (f), GDK_KEY_Page_Down, GDK_CONTROL_MASK));
  ls_test_run_for (50);
  g_assert_cmpstr (visible_page (f), !=, start);
}

int
main (int argc, char *argv[])
{
  ls_test_init_gtk (&argc, &argv);

#define ADD(path, func, data)                                                  \
  g_test_add ("/notification-wizard/" path, Fixture, data, fixture_set_up,     \
              func, fixture_tear_down)
  ADD ("prefilled", test_prefilled, NULL);
  ADD ("edit-and-missing", test_edit_and_missing, NULL);
  ADD ("pdf", test_pdf, NULL);
  ADD ("submit", test_submit, NULL);
  /* Named whole: docs/law.md cites them. */
  g_test_add ("/notification-wizard/reason-asked", Fixture, NULL,
              fixture_set_up, test_reason_asked, fixture_tear_down);
  g_test_add ("/notification-wizard/package-choice", Fixture, NULL,
              fixture_set_up, test_package_choice, fixture_tear_down);
  ADD ("board-notice-private", test_board_notice_private, "private");
  ADD ("bad-input", test_bad_input, NULL);
  ADD ("keys", test_keys, NULL);
  ADD ("close-saves", test_close_saves, NULL);
  ADD ("close-with-bad-input", test_close_with_bad_input, NULL);
  ADD ("storage-error", test_storage_error, NULL);
  ADD ("screenshots", test_screenshots, NULL);
  ADD ("swedish", test_swedish, "sv");
#undef ADD

  return g_test_run ();
}
