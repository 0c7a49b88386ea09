/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ls-case.h"
#include "ls-enums.h"

G_BEGIN_DECLS

/**
 * LsWizardKind:
 * @LS_WIZARD_REPORT: the report wizard (2:3, 3:1, 4 kap.)
 * @LS_WIZARD_INVESTIGATION: the investigation wizard (5 kap.)
 * @LS_WIZARD_NOTIFICATION: the notification wizard (6 kap.)
 */
typedef enum
{
  LS_WIZARD_REPORT,
  LS_WIZARD_INVESTIGATION,
  LS_WIZARD_NOTIFICATION,
} LsWizardKind;

/* The step of the law a page fulfils, as a bit of LsStepPage.steps. */
#define LS_STEP_BIT(step) (1u << (step))

/**
 * LsStepPage:
 * @wizard: the wizard the page belongs to
 * @name: the page's name: stable, for links, tests and the stack
 * @get_type: the page's #LsWizardPage class
 * @steps: the steps of the law (LS_STEP_BIT) the page fulfils; the
 *   first page of a step that is not complete is the one a link opens
 * @points: for a page of documented items, the points of 5 kap. 2 § it
 *   documents
 * @title: the step's title, in the header (N_())
 * @law: (nullable): the provision the page carries out, as the law table
 *   names it
 * @progress: (nullable): N_() text that stands instead of "Step N of M"
 *   for a page that is not a step of its own, such as a summary
 *
 * One row per page of every wizard: the one place that says which
 * wizard and page carry out which step of the law.  Opening a wizard at a
 * step, the wizards' pages, the requirements' links and the tests all
 * read it.
 */
typedef struct
{
  LsWizardKind wizard;
  const char *name;
  GType (*get_type) (void);
  guint steps;
  LsPoints points;
  const char *title;
  const char *law;
  const char *progress;
} LsStepPage;

/* clang-format off */
const LsStepPage *ls_step_table_get        (guint          *n_pages);
const LsStepPage *ls_step_table_find       (LsWizardKind    wizard,
                                            const char     *name);
LsWizardKind      ls_step_table_wizard_of  (LsStep          step,
                                            LsCase         *lcase);
/* clang-format on */

G_END_DECLS
