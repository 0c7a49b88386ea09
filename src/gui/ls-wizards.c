/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-wizards"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-action.h"
#include "ls-bidi.h"
#include "ls-dates.h"
#include "ls-investigation-wizard.h"
#include "ls-notification-wizard.h"
#include "ls-report-wizard.h"
#include "ls-step-table.h"
#include "ls-wizard.h"
#include "ls-wizards.h"

/* Which wizard owns which step of the law, so that the overview can send
 * the user to whatever is missing with one call.  A case has at most one
 * wizard open at a time: two would each save their own copy over the
 * other's.  And what the wizards do alike: their header, their keys,
 * their questions on closing. */

/* The wizard classes, by the kind the step table names. */
static GType
wizard_type (LsWizardKind kind)
{
  switch (kind)
    {
    case LS_WIZARD_REPORT:
      return LS_TYPE_REPORT_WIZARD;
    case LS_WIZARD_NOTIFICATION:
      return LS_TYPE_NOTIFICATION_WIZARD;
    case LS_WIZARD_INVESTIGATION:
    default:
      return LS_TYPE_INVESTIGATION_WIZARD;
    }
}

static LsWizard *
find_open_wizard (LsCase *lcase)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (lcase == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      LsCase *shown;

      if (!LS_IS_WIZARD (window))
        continue;
      shown = ls_wizard_get_case (LS_WIZARD (window));
      if (shown != NULL &&
          g_strcmp0 (ls_case_get_uuid (shown), ls_case_get_uuid (lcase)) == 0)
        return LS_WIZARD (window);
    }
  return NULL;
}

/**
 * ls_wizards_open:
 * @parent: the window the wizard belongs to
 * @context: the store, the organisation and the user
 * @lcase: (nullable): the case to work on; %NULL starts a new report
 * @step: the step to show first
 * @point: for %LS_STEP_JOURNAL, the point of 5 kap. 2 § to show
 *
 * Opens the wizard that owns @step in the step table, at that step, for
 * @lcase.  A case has at most one wizard open at a time: two would each
 * save their own copy over the other's.  If one is open for @lcase, that
 * one is shown: the report and the notification are finished first
 * before anything else is done with the case, while an open investigation
 * asked for a step it does not own saves its work, closes and opens the
 * wizard that does.
 *
 * Returns: (transfer none): the window presented, which may close at once
 *   when it hands the case over
 */
GtkWindow *
ls_wizards_open (GtkWindow *parent,
                 LsContext *context,
                 LsCase *lcase,
                 LsStep step,
                 LsPoints point)
{
  LsWizard *wizard;
  LsWizardKind kind;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (lcase == NULL || LS_IS_CASE (lcase), NULL);

  kind =
      lcase != NULL ? ls_step_table_wizard_of (step, lcase) : LS_WIZARD_REPORT;
  wizard = find_open_wizard (lcase);
  if (wizard != NULL)
    {
      gtk_window_present (GTK_WINDOW (wizard));
      if (LS_WIZARD_GET_CLASS (wizard)->kind == kind ||
          LS_WIZARD_GET_CLASS (wizard)->kind == LS_WIZARD_INVESTIGATION)
        ls_wizard_show_step (wizard, step, point);
      return GTK_WINDOW (wizard);
    }

  wizard = g_object_new (wizard_type (kind), "transient-for", parent, "context",
                         context, "case", lcase, NULL);
  if (lcase != NULL)
    ls_wizard_show_step (wizard, step, point);
  gtk_window_present (GTK_WINDOW (wizard));
  return GTK_WINDOW (wizard);
}

/**
 * ls_wizards_find_item_at:
 * @store: a list of the case
 * @path: a field path the rules named, "report.individuals[0].name"
 * @prefix: the path of @store with its bracket, "report.individuals["
 * @item: (out) (transfer full): the item @path names
 *
 * Returns: whether @path names an item of @store
 */
gboolean
ls_wizards_find_item_at (GListStore *store,
                         const char *path,
                         const char *prefix,
                         GObject **item)
{
  guint64 index;
  char *end = NULL;

  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);
  g_return_val_if_fail (prefix != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (path == NULL || !g_str_has_prefix (path, prefix))
    return FALSE;
  index = g_ascii_strtoull (path + strlen (prefix), &end, 10);
  if (end == path + strlen (prefix) || *end != ']' ||
      index >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return FALSE;
  *item = g_list_model_get_item (G_LIST_MODEL (store), index);
  return TRUE;
}

/**
 * ls_wizards_mark_item:
 * @list: the list that shows @store
 * @prefix: the path of @store with its bracket, "report.individuals["
 * @path: a field path the rules named
 * @message: what is wrong
 *
 * Marks the item of @list that @path names, for a page's mark_invalid.
 *
 * Returns: (transfer none) (nullable): @list, or %NULL when @path names
 *   no item of @store
 */
GtkWidget *
ls_wizards_mark_item (LsItemList *list,
                      GListStore *store,
                      const char *prefix,
                      const char *path,
                      const char *message)
{
  g_autoptr (GObject) item = NULL;

  g_return_val_if_fail (LS_IS_ITEM_LIST (list), NULL);

  if (!ls_wizards_find_item_at (store, path, prefix, &item))
    return NULL;
  ls_item_list_set_item_error (list, item, message);
  return GTK_WIDGET (list);
}

/**
 * ls_wizards_describe_action:
 *
 * An #LsItemListDescribe for an action that was taken: what was done, and
 * below it when and by whom.
 */
char *
ls_wizards_describe_action (GObject *item, char **subtitle)
{
  LsAction *action = LS_ACTION (item);
  g_autofree char *when =
      ls_dates_format_display (ls_action_get_taken_at (action));

  if (ls_action_get_responsible (action) != NULL)
    /* Translators: when an action was taken and by whom, "2026-03-02
     * 07:00, Eva Ek". */
    *subtitle = ls_bidi_format (_ ("%s, %s"), when,
                                ls_action_get_responsible (action), NULL);
  else
    *subtitle = g_steal_pointer (&when);
  return g_strdup (ls_action_get_description (action));
}

/**
 * ls_wizards_dup_save_error:
 * @error: why the store did not save, such as that the disk is full
 *
 * Returns: (transfer full): what a wizard says when a save failed
 */
char *
ls_wizards_dup_save_error (const GError *error)
{
  g_autofree char *why = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  /* The store's messages end in a full stop; this sentence goes on. */
  why = g_strchomp (g_strdup (error->message));
  if (g_str_has_suffix (why, "."))
    why[strlen (why) - 1] = '\0';
  /* Translators: %s says why, such as "the disk is full". */
  return g_strdup_printf (_ ("Could not save: %s. What you typed is kept."),
                          why);
}

/**
 * ls_wizards_ask_close:
 * @wizard: the wizard's window
 * @close_label: the destructive response, with a mnemonic
 *
 * Asks whether to close @wizard although something would be lost; the
 * answer is the dialog's response "close" or "keep", which is also what
 * Escape gives.
 *
 * Returns: (transfer none): the dialog, presented
 */
AdwMessageDialog *
ls_wizards_ask_close (GtkWindow *wizard,
                      const char *heading,
                      const char *body,
                      const char *close_label)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (wizard), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (wizard, heading, body));
  adw_message_dialog_add_responses (dialog, "keep", _ ("_Keep Editing"),
                                    "close", close_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * ls_wizards_ask_close_without_step:
 *
 * What closing asks when the step in view holds something that is not
 * valid: everything else is kept either way.
 *
 * Returns: (transfer none): the dialog, presented, as ls_wizards_ask_close()
 */
AdwMessageDialog *
ls_wizards_ask_close_without_step (GtkWindow *wizard)
{
  return ls_wizards_ask_close (
      wizard, _ ("Some of This Step Cannot Be Saved"),
      _ ("What is marked in red is not valid. Correct it, or close and "
         "keep everything else."),
      _ ("_Close Without It"));
}

/* The reason may not be empty: Save waits for it, and Enter on an empty
 * entry says so under it. */
static void
why_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *why = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GtkWidget *message = g_object_get_data (G_OBJECT (dialog), "ls-message");

  adw_message_dialog_set_response_enabled (dialog, "save", *why != '\0');
  if (*why != '\0')
    {
      gtk_widget_set_visible (message, FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
    }
}

static void
why_activated_cb (GtkEntry *entry, AdwMessageDialog *dialog)
{
  GtkWidget *message = g_object_get_data (G_OBJECT (dialog), "ls-message");

  if (adw_message_dialog_get_response_enabled (dialog, "save"))
    {
      /* As the button does; closing would give the close response too. */
      adw_message_dialog_response (dialog, "save");
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  gtk_widget_set_visible (message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

/**
 * ls_wizards_ask_why:
 * @wizard: the wizard's window
 * @regno: (nullable): the case's registration number
 *
 * Asks why a concluded or notified case is changed, in one dialog with an
 * entry.  Its response is "save", once a reason is typed, or "cancel",
 * which is also what Escape gives; ls_wizards_dup_why() reads the reason.
 *
 * Returns: (transfer none): the dialog, presented
 */
AdwMessageDialog *
ls_wizards_ask_why (GtkWindow *wizard, const char *regno)
{
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *message = gtk_label_new (_ ("Say why the case is changed."));
  g_autofree char *body = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (wizard), NULL);

  /* Translators: %s is the case's registration number. */
  body = g_strdup_printf (_ ("Case %s has been concluded or notified to IVO. "
                             "Say briefly why it is changed: the history "
                             "keeps the reason with the change."),
                          regno != NULL ? regno : "");
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (wizard, _ ("Why Is the Case Changed?"), body));
  gtk_entry_set_max_length (GTK_ENTRY (entry), 500);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Reason"));
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Reason"), -1);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_set_visible (message, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), message);
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "ls-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "ls-message", message);

  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "save",
                                    _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (why_changed_cb),
                           dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (why_activated_cb),
                           dialog, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

/**
 * ls_wizards_dup_why:
 * @dialog: a dialog of ls_wizards_ask_why()
 *
 * Returns: (transfer full) (nullable): the reason typed, trimmed, or
 *   %NULL when none is
 */
char *
ls_wizards_dup_why (AdwMessageDialog *dialog)
{
  GtkEditable *entry;
  char *why;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  entry = g_object_get_data (G_OBJECT (dialog), "ls-entry");
  g_return_val_if_fail (GTK_IS_EDITABLE (entry), NULL);
  why = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (*why == '\0')
    g_clear_pointer (&why, g_free);
  return why;
}
