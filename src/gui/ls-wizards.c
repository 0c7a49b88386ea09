/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-wizards"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-action.h"
#include "ls-cli.h"
#include "ls-dates.h"
#include "ls-investigation-wizard.h"
#include "ls-notification-wizard.h"
#include "ls-report-wizard.h"
#include "ls-wizards.h"

/* Which wizard owns which step of the law, so that the overview can send
 * the user to whatever is missing with one call.  A case has at most one
 * wizard open at a time: two would each save their own copy over the
 * other's.  And what the wizards do alike: their header, their keys,
 * their questions on closing. */

static GtkWindow *
find_open_wizard (LsCase *lcase)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (lcase == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      LsCase *shown = NULL;

      if (LS_IS_REPORT_WIZARD (window))
        shown = ls_report_wizard_get_case (LS_REPORT_WIZARD (window));
      else if (LS_IS_INVESTIGATION_WIZARD (window))
        shown =
            ls_investigation_wizard_get_case (LS_INVESTIGATION_WIZARD (window));
      else if (LS_IS_NOTIFICATION_WIZARD (window))
        shown =
            ls_notification_wizard_get_case (LS_NOTIFICATION_WIZARD (window));
      if (shown != NULL &&
          g_strcmp0 (ls_case_get_uuid (shown), ls_case_get_uuid (lcase)) == 0)
        return window;
    }
  return NULL;
}

static gboolean
is_report_step (LsStep step)
{
  return step == LS_STEP_REPORT || step == LS_STEP_IMMEDIATE_ACTIONS ||
         step == LS_STEP_BOARD_NOTICE;
}

static gboolean
is_notification_step (LsStep step, LsCase *lcase)
{
  return step == LS_STEP_NOTIFICATION || step == LS_STEP_INVESTIGATION_SENT ||
         (step == LS_STEP_BOARD_NOTICE && lcase != NULL &&
          ls_notification_get_submitted_on (ls_case_get_notification (lcase)) !=
              NULL);
}

/**
 * ls_wizards_open:
 * @parent: the window the wizard belongs to
 * @store: where the case is saved, at every step
 * @organisation: the organisation, its units and kind
 * @lcase: (nullable): the case to work on; %NULL starts a new report
 * @settings: the app's settings (the user's name and title)
 * @step: the step to show first: a step of the report (report, immediate
 *   actions, board notice of the report), of the investigation, or of the
 *   notification (notification, investigation sent, board notice after a
 *   notification)
 * @point: for %LS_STEP_JOURNAL, the point of 5 kap. 2 § to show
 *
 * Opens the wizard that owns @step, at that step, for @lcase.  The wizard
 * saves through @store, whose "changed" signal tells lists to follow.  If
 * a wizard is already open for @lcase, that one is shown; an open
 * investigation asked for a step of the report or of the notification
 * saves its work, closes and opens the wizard that owns the step.
 *
 * Returns: (transfer none): the window presented, which may close at once
 *   when it hands the case over
 */
GtkWindow *
ls_wizards_open (GtkWindow *parent,
                 LsStore *store,
                 LsOrganisation *organisation,
                 LsCase *lcase,
                 GSettings *settings,
                 LsStep step,
                 LsPoints point)
{
  GtkWindow *window;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LS_IS_STORE (store), NULL);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (lcase == NULL || LS_IS_CASE (lcase), NULL);

  window = find_open_wizard (lcase);
  if (window != NULL)
    {
      /* The investigation hands a step of the report or of the
       * notification over to the wizard that owns it once its own work is
       * saved; the report and the notification are finished first before
       * anything else is done with the case. */
      gtk_window_present (window);
      if (LS_IS_REPORT_WIZARD (window) && is_report_step (step))
        ls_report_wizard_show_step (LS_REPORT_WIZARD (window), step);
      else if (LS_IS_INVESTIGATION_WIZARD (window))
        ls_investigation_wizard_show_step (LS_INVESTIGATION_WIZARD (window),
                                           step, point);
      else if (LS_IS_NOTIFICATION_WIZARD (window) &&
               is_notification_step (step, lcase))
        ls_notification_wizard_show_step (LS_NOTIFICATION_WIZARD (window),
                                          step);
      return window;
    }

  if (lcase != NULL && is_notification_step (step, lcase))
    {
      LsNotificationWizard *wizard = ls_notification_wizard_new (
          parent, store, organisation, lcase, settings);

      ls_notification_wizard_show_step (wizard, step);
      window = GTK_WINDOW (wizard);
      gtk_window_present (window);
      return window;
    }

  if (lcase == NULL || is_report_step (step))
    {
      LsReportWizard *wizard =
          ls_report_wizard_new (parent, store, organisation, lcase, settings);

      if (lcase != NULL)
        ls_report_wizard_show_step (wizard, step);
      window = GTK_WINDOW (wizard);
    }
  else
    {
      LsInvestigationWizard *wizard = ls_investigation_wizard_new (
          parent, store, organisation, lcase, settings);

      ls_investigation_wizard_show_step (wizard, step, point);
      window = GTK_WINDOW (wizard);
    }
  gtk_window_present (window);
  return window;
}

/**
 * ls_wizards_dup_author:
 * @settings: (nullable): the app's settings
 *
 * Returns: (transfer full): the user's name for the history and as the
 *   author of documented items: the one in the preferences, or else the
 *   computer account's
 */
char *
ls_wizards_dup_author (GSettings *settings)
{
  g_autofree char *name = NULL;

  if (settings != NULL)
    name = g_strstrip (g_settings_get_string (settings, "user-name"));
  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);
  return ls_cli_dup_author ();
}

/* Below this width the header keeps its room for the step's title. */
#define NARROW_WIDTH 500

/**
 * ls_wizards_is_narrow:
 *
 * Returns: whether @window is so narrow that its header must save room
 */
gboolean
ls_wizards_is_narrow (GtkWindow *window)
{
  int width = 0;
  int height = 0;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  gtk_window_get_default_size (window, &width, &height);
  return width > 0 && width < NARROW_WIDTH;
}

/**
 * ls_wizards_show_back:
 * @narrow: whether the window is narrow
 *
 * A wizard's Back button: its word in a wide window, an arrow in a narrow
 * one, where the step's title needs the room.  Either way its name for
 * assistive technology is "Back", and Alt+Left does the same.
 */
void
ls_wizards_show_back (GtkButton *back, gboolean narrow)
{
  g_return_if_fail (GTK_IS_BUTTON (back));

  if (narrow)
    {
      gtk_button_set_icon_name (back, "go-previous-symbolic");
    }
  else
    {
      gtk_button_set_label (back, _ ("_Back"));
      gtk_button_set_use_underline (back, TRUE);
    }
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Back"), -1);
}

/**
 * ls_wizards_show_step_title:
 * @wizard: the wizard's window
 * @window_title: its header's title
 * @back: its Back button
 * @stack: its pages, whose titles are the steps'
 * @progress: how far the user is, "Step 2 of 6"
 * @regno: (nullable): the case's registration number
 *
 * The step in view is the header's title, so that it stays whole in a
 * narrow window, with the progress and the registration number below; a
 * narrow window leaves the number to the window's title.
 */
void
ls_wizards_show_step_title (GtkWindow *wizard,
                            AdwWindowTitle *window_title,
                            GtkButton *back,
                            GtkStack *stack,
                            const char *progress,
                            const char *regno)
{
  GtkStackPage *page;
  g_autofree char *subtitle = NULL;
  gboolean narrow;

  g_return_if_fail (GTK_IS_WINDOW (wizard));
  g_return_if_fail (ADW_IS_WINDOW_TITLE (window_title));
  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (progress != NULL);

  narrow = ls_wizards_is_narrow (wizard);
  if (regno != NULL && !narrow)
    /* Translators: the progress and the case's registration number,
     * "Step 2 of 6 · OAB-2026-0001". */
    subtitle = g_strdup_printf (_ ("%s · %s"), progress, regno);
  else
    subtitle = g_strdup (progress);
  page = gtk_stack_get_page (stack, gtk_stack_get_visible_child (stack));
  adw_window_title_set_title (window_title, gtk_stack_page_get_title (page));
  adw_window_title_set_subtitle (window_title, subtitle);
  ls_wizards_show_back (back, narrow);
}

/**
 * ls_wizards_focus_page:
 *
 * Puts the keyboard focus on the first control of the page in view,
 * unless the stack moved it into the page already.
 */
void
ls_wizards_focus_page (GtkWindow *wizard, GtkStack *stack)
{
  GtkWidget *page;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WINDOW (wizard));
  g_return_if_fail (GTK_IS_STACK (stack));

  page = gtk_stack_get_visible_child (stack);
  focus = gtk_root_get_focus (GTK_ROOT (wizard));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, page))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/**
 * ls_wizards_add_bindings:
 *
 * The keys every wizard answers to, for its "wizard.next" and
 * "wizard.back" actions: Alt+Right and Alt+Left, Ctrl+Page Down and
 * Ctrl+Page Up; and Escape closes it.
 */
void
ls_wizards_add_bindings (GtkWidgetClass *widget_class)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right,
                                       GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down,
                                       GDK_CONTROL_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up,
                                       GDK_CONTROL_MASK, "wizard.back", NULL);
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
    *subtitle = g_strdup_printf (_ ("%s, %s"), when,
                                 ls_action_get_responsible (action));
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
