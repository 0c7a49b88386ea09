/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-similar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-case-summary.h"
#include "ls-dates.h"
#include "ls-investigation-pages.h"
#include "ls-labels.h"
#include "ls-rows.h"
#include "ls-similar-page.h"
#include "ls-text-field.h"
#include "ls-wizard.h"

/* Point 6 of 5 kap. 2 §: whether something similar happened before, and
 * why it happened again.  The earlier cases that share this one's words
 * are offered, searched off the main loop when the page is first shown,
 * and those ticked are linked to the case. */

#define SIMILAR_LIMIT 8
#define UUID_KEY "ls-uuid"
#define CHECK_KEY "ls-check"

struct _LsSimilarPage
{
  LsWizardPage parent_instance;

  GCancellable *cancellable;
  gboolean searched;
  GPtrArray *similar_rows; /* rows of earlier cases, or a message */

  GtkCheckButton *similar_no_check;
  GtkCheckButton *similar_yes_check;
  AdwPreferencesGroup *explanation_group;
  LsTextField *similar_explanation_field;
  AdwPreferencesGroup *similar_cases_group;
  LsJournalView *journal;
};

G_DEFINE_FINAL_TYPE (LsSimilarPage, ls_similar_page, LS_TYPE_WIZARD_PAGE)

static void
add_message (LsSimilarPage *self, const char *message, gboolean busy)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  if (busy)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
    }
  adw_preferences_group_add (self->similar_cases_group, row);
  g_ptr_array_add (self->similar_rows, row);
}

/* A row to tick to link the earlier case. */
static void
add_case (LsSimilarPage *self,
          LsCaseSummary *summary,
          const char *const *linked)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *regno = ls_case_summary_get_regno (summary);
  const char *case_title = ls_case_summary_get_title (summary);
  g_autofree char *received =
      ls_dates_format_display (ls_case_summary_get_received_at (summary));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  title = ls_bidi_format ("%s · %s", regno != NULL ? regno : "",
                          case_title != NULL ? case_title : "", NULL);
  /* Translators: "Received 2026-01-10 · Closed". */
  subtitle =
      g_strdup_printf (_ ("Received %s · %s"), received,
                       ls_labels_status (ls_case_summary_get_status (summary)));
  /* 5 kap. 2 § 6 asks about the activity itself: a case of another unit
   * is offered after those of this one, and says so. */
  if (g_strcmp0 (ls_case_summary_get_unit (summary),
                 ls_case_get_unit_id (
                     ls_wizard_page_get_case (LS_WIZARD_PAGE (self)))) != 0)
    {
      g_autofree char *own = g_steal_pointer (&subtitle);

      /* Translators: %s is "Received 2026-01-10 · Closed". */
      subtitle = g_strdup_printf (_ ("%s · From another unit"), own);
    }
  /* Translators: the accessible name of a check box; %s is a
   * registration number. */
  label = ls_bidi_format (_ ("Link case %s"), regno != NULL ? regno : "", NULL);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (check),
      linked != NULL &&
          g_strv_contains (linked, ls_case_summary_get_uuid (summary)));
  g_object_set_data_full (G_OBJECT (row), UUID_KEY,
                          g_strdup (ls_case_summary_get_uuid (summary)),
                          g_free);
  g_object_set_data (G_OBJECT (row), CHECK_KEY, check);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (self->similar_cases_group, row);
  g_ptr_array_add (self->similar_rows, row);
}

static void
similar_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsSimilarPage *self = user_data;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  const char *const *linked;

  rows = ls_store_find_similar_cases_finish (LS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ls_rows_remove (self->similar_cases_group, self->similar_rows);
  if (rows == NULL)
    {
      g_autofree char *text = g_strdup_printf (
          _ ("Earlier cases could not be searched: %s"), error->message);

      add_message (self, text, FALSE);
      return;
    }
  if (rows->len == 0)
    {
      add_message (self,
                   _ ("No earlier case shares enough words with this one."),
                   FALSE);
      return;
    }

  linked = ls_investigation_get_linked_cases (ls_case_get_investigation (
      ls_wizard_page_get_case (LS_WIZARD_PAGE (self))));
  for (guint i = 0; i < rows->len; i++)
    add_case (self, g_ptr_array_index (rows, i), linked);
}

static void
search_similar (LsSimilarPage *self)
{
  LsWizardPage *page = LS_WIZARD_PAGE (self);
  LsCase *lcase = ls_wizard_page_get_case (page);

  if (self->searched || ls_wizard_get_state (ls_wizard_page_get_wizard (
                            page)) == LS_WIZARD_STATE_LOADING)
    return;
  self->searched = TRUE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  ls_rows_remove (self->similar_cases_group, self->similar_rows);
  add_message (self, _ ("Looking for earlier cases…"), TRUE);
  ls_store_find_similar_cases_async (
      ls_context_get_store (ls_wizard_page_get_context (page)),
      ls_case_get_uuid (lcase),
      ls_investigation_get_linked_cases (ls_case_get_investigation (lcase)),
      SIMILAR_LIMIT, self->cancellable, similar_cb, self);
}

/* Which earlier cases are linked: those ticked, and, while the search has
 * not come back, those linked before. */
static GStrv
dup_linked (LsSimilarPage *self, LsInvestigation *inv)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  gboolean shown = FALSE;

  for (guint i = 0; i < self->similar_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->similar_rows, i);
      GtkWidget *check = g_object_get_data (G_OBJECT (row), CHECK_KEY);

      if (check == NULL)
        continue;
      shown = TRUE;
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_strv_builder_add (builder,
                            g_object_get_data (G_OBJECT (row), UUID_KEY));
    }
  if (!shown && ls_investigation_get_linked_cases (inv) != NULL)
    g_strv_builder_addv (
        builder, (const char **) ls_investigation_get_linked_cases (inv));
  return g_strv_builder_end (builder);
}

static void
choice_toggled_cb (LsSimilarPage *self)
{
  /* Toggled while the template is being built, too. */
  if (self->explanation_group == NULL)
    return;
  gtk_widget_set_visible (
      GTK_WIDGET (self->explanation_group),
      gtk_check_button_get_active (self->similar_yes_check));
}

static void
ls_similar_page_setup (LsWizardPage *page)
{
  LS_SIMILAR_PAGE (page)->journal = ls_investigation_add_journal (page);
}

static void
ls_similar_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsSimilarPage *self = LS_SIMILAR_PAGE (page);
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  LsSimilarBefore similar = ls_investigation_get_similar_before (inv);

  gtk_check_button_set_active (self->similar_no_check,
                               similar == LS_SIMILAR_BEFORE_NO);
  gtk_check_button_set_active (self->similar_yes_check,
                               similar == LS_SIMILAR_BEFORE_YES);
  ls_text_field_set_text (self->similar_explanation_field,
                          ls_investigation_get_similar_explanation (inv));
  choice_toggled_cb (self);
  ls_investigation_load_journal (self->journal, lcase);
  /* The case may link other cases now: search again when shown. */
  self->searched = FALSE;
}

static gboolean
ls_similar_page_commit (LsWizardPage *page,
                        LsCase *target,
                        LsWizardCommit mode,
                        GDateTime *now,
                        GtkWidget **first_bad)
{
  LsSimilarPage *self = LS_SIMILAR_PAGE (page);
  LsInvestigation *inv = ls_case_get_investigation (target);
  g_autofree char *explanation =
      ls_text_field_dup_text (self->similar_explanation_field);
  g_auto (GStrv) linked = dup_linked (self, inv);
  LsSimilarBefore similar = LS_SIMILAR_BEFORE_UNKNOWN;

  if (gtk_check_button_get_active (self->similar_no_check))
    similar = LS_SIMILAR_BEFORE_NO;
  else if (gtk_check_button_get_active (self->similar_yes_check))
    similar = LS_SIMILAR_BEFORE_YES;
  ls_investigation_set_similar_before (inv, similar);
  ls_investigation_set_similar_explanation (inv, explanation);
  ls_investigation_set_linked_cases (inv, (const char *const *) linked);
  return TRUE;
}

static void
ls_similar_page_shown (LsWizardPage *page)
{
  search_similar (LS_SIMILAR_PAGE (page));
}

static void
ls_similar_page_dispose (GObject *object)
{
  LsSimilarPage *self = LS_SIMILAR_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->similar_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_similar_page_parent_class)->dispose (object);
}

static void
ls_similar_page_class_init (LsSimilarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = ls_similar_page_dispose;
  page_class->setup = ls_similar_page_setup;
  page_class->load = ls_similar_page_load;
  page_class->commit = ls_similar_page_commit;
  page_class->shown = ls_similar_page_shown;

  gtk_widget_class_set_template_from_resource (
      widget_class,
      "/com/example/LexSarah/gui/investigation/ls-similar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LsSimilarPage,
                                        similar_no_check);
  gtk_widget_class_bind_template_child (widget_class, LsSimilarPage,
                                        similar_yes_check);
  gtk_widget_class_bind_template_child (widget_class, LsSimilarPage,
                                        explanation_group);
  gtk_widget_class_bind_template_child (widget_class, LsSimilarPage,
                                        similar_explanation_field);
  gtk_widget_class_bind_template_child (widget_class, LsSimilarPage,
                                        similar_cases_group);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
}

static void
ls_similar_page_init (LsSimilarPage *self)
{
  g_type_ensure (LS_TYPE_TEXT_FIELD);
  self->similar_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
