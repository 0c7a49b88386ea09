/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-wizards"

#include "config.h"

#include "ls-wizards.h"

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
 * saves through @store, whose "changed" signal tells lists to follow.
 *
 * Returns: (transfer none): the wizard window, already presented
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
  /* Scaffolding until the wizards move onto the model. */
  AdwMessageDialog *dialog =
      ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, "Not yet", NULL));

  adw_message_dialog_add_response (dialog, "close", "Close");
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
