/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-wizards"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-cli.h"
#include "ls-investigation-wizard.h"
#include "ls-notification-wizard.h"
#include "ls-report-wizard.h"
#include "ls-wizards.h"

/* Which wizard owns which step of the law, so that the overview can send
 * the user to whatever is missing with one call.  A case has at most one
 * wizard open at a time: two would each save their own copy over the
 * other's. */

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
