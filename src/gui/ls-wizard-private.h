/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-wizard.h"

G_BEGIN_DECLS

/* What the wizard's own files share: ls-wizard.c and the header's
 * ls-wizard-header.c. */

/* Below this width the header keeps its room for the step's title. */
#define NARROW_WIDTH 500

typedef struct
{
  LsContext *context;
  LsCase *lcase;
  LsCaseSaver *saver;
  GCancellable *cancellable;
  GPtrArray *pages;
  LsWizardState state;
  /* The case can only be read here: Next only turns the pages, and
   * nothing is saved. */
  gboolean read_only;

  /* A step asked for while loading, shown once the case is there. */
  int pending_step;
  LsPoints pending_point;
  /* Where handing over goes. */
  LsStep handover_step;
  LsPoints handover_point;
  AdwMessageDialog *why_dialog; /* asking why, while it is up */

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkButton *back_button;
  GtkButton *next_button;
  GtkProgressBar *progress_bar;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkBox *content_box;
  GtkInfoBar *read_only_bar;
  GtkLabel *read_only_label;
  GtkWidget *reopen_button;
} LsWizardPrivate;

LsWizardPrivate *ls_wizard_get_priv (LsWizard *self);
int ls_wizard_index_of_page (LsWizard *self, LsWizardPage *page);
LsWizardPage *
ls_wizard_step_from (LsWizard *self, LsWizardPage *from, int direction);

G_END_DECLS
