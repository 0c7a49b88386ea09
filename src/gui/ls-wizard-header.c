/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-model.h"
#include "ls-wizard-private.h"

/* The wizard's header: the step's title, the progress, Back and Next. */

#define PRIV(self) ls_wizard_get_priv (self)

static gboolean
is_last (LsWizard *self, LsWizardPage *page)
{
  return ls_wizard_step_from (self, page, 1) == NULL;
}

static gboolean
is_narrow (LsWizard *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  return width > 0 && width < NARROW_WIDTH;
}

/* Back is its word in a wide window, an arrow in a narrow one, where the
 * step's title needs the room.  Either way its name for assistive
 * technology is "Back". */
static void
show_back (LsWizard *self, gboolean narrow)
{
  LsWizardPrivate *priv = PRIV (self);

  if (narrow)
    {
      gtk_button_set_icon_name (priv->back_button, "go-previous-symbolic");
    }
  else
    {
      gtk_button_set_label (priv->back_button, _ ("_Back"));
      gtk_button_set_use_underline (priv->back_button, TRUE);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Back"),
                                  -1);
}

/* "Step 2 of 6", counting the pages that are steps and in the flow. */
static char *
dup_progress (LsWizard *self, LsWizardPage *current, double *fraction)
{
  LsWizardPrivate *priv = PRIV (self);
  const LsStepPage *row = ls_wizard_page_get_row (current);
  guint position = 0;
  guint n_steps = 0;

  for (guint i = 0; i < priv->pages->len; i++)
    {
      LsWizardPage *page = g_ptr_array_index (priv->pages, i);

      if (ls_wizard_page_get_row (page)->progress != NULL ||
          !ls_wizard_page_is_available (page, priv->lcase))
        continue;
      n_steps++;
      if ((int) i <= ls_wizard_index_of_page (self, current))
        position = n_steps;
    }
  *fraction = n_steps > 0 ? MIN (1.0, (double) position / n_steps) : 1.0;
  if (row->progress != NULL)
    {
      *fraction = 1.0;
      return g_strdup (_ (row->progress));
    }
  /* Translators: the progress through the wizard, "Step 2 of 6". */
  return g_strdup_printf (_ ("Step %u of %u"), position, n_steps);
}

/**
 * ls_wizard_update_header:
 *
 * Shows the step in view as the header's title, so that it stays whole in
 * a narrow window, with the progress and the registration number below; a
 * narrow window leaves the number to the window's title.
 */
void
ls_wizard_update_header (LsWizard *self)
{
  LsWizardPrivate *priv;
  LsWizardPage *page;
  g_autofree char *progress = NULL;
  g_autofree char *subtitle = NULL;
  const char *regno;
  const char *label;
  const char *tooltip;
  double fraction = 0;
  gboolean narrow;
  gboolean last;

  g_return_if_fail (LS_IS_WIZARD (self));

  priv = PRIV (self);
  page = ls_wizard_get_page (self);
  if (page == NULL || priv->lcase == NULL)
    return;

  narrow = is_narrow (self);
  regno = ls_case_get_regno (priv->lcase);
  progress = dup_progress (self, page, &fraction);
  if (regno != NULL && !narrow)
    /* Translators: the progress and the case's registration number,
     * "Step 2 of 6 · OAB-2026-0001". */
    subtitle = g_strdup_printf (_ ("%s · %s"), progress, regno);
  else
    subtitle = g_strdup (progress);
  gtk_label_set_text (priv->title_label, ls_wizard_page_get_title (page));
  gtk_label_set_text (priv->subtitle_label, subtitle);
  show_back (self, narrow);
  gtk_progress_bar_set_fraction (priv->progress_bar, fraction);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back",
                                 ls_wizard_step_from (self, page, -1) != NULL);
  last = is_last (self, page);
  label = ls_wizard_page_get_next_label (page);
  tooltip = ls_wizard_page_get_next_tooltip (page);
  if (priv->read_only)
    {
      /* Nothing to save or finish: the case is read. */
      label = last ? _ ("_Close") : _ ("_Next");
      tooltip = last ? _ ("Close") : _ ("Next Step (Alt+Right)");
    }
  if (label == NULL)
    label = last ? _ ("_Finish") : _ ("_Next");
  if (tooltip == NULL)
    tooltip = last ? _ ("Save and Close") : _ ("Save and Go On (Alt+Right)");
  gtk_button_set_label (priv->next_button, label);
  gtk_button_set_use_underline (priv->next_button, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (priv->next_button), tooltip);
}
