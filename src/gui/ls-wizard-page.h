/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case.h"
#include "ls-context.h"
#include "ls-step-table.h"

G_BEGIN_DECLS

/**
 * LsWizardCommit:
 * @LS_WIZARD_COMMIT_LENIENT: Back, a jump or closing leaves the page: only
 *   what cannot be stored (a date that is no date) is an error, the rest
 *   is kept, so that a case left half-way is a draft that loses nothing
 * @LS_WIZARD_COMMIT_STRICT: Next or Finish leaves it: a required row left
 *   empty is an error too
 */
typedef enum
{
  LS_WIZARD_COMMIT_LENIENT,
  LS_WIZARD_COMMIT_STRICT,
} LsWizardCommit;

typedef struct _LsWizard LsWizard;

#define LS_TYPE_WIZARD_PAGE (ls_wizard_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (LsWizardPage, ls_wizard_page, LS, WIZARD_PAGE, AdwBin)

/**
 * LsWizardPageClass:
 * @setup: called once the page knows its row of the step table and its
 *   wizard, before the first @load
 * @load: shows what @lcase holds in the page's rows
 * @commit: reads the rows into @target (a copy of the wizard's case);
 *   marks every bad row (ls_row_mark_bad) and returns %FALSE with
 *   @first_bad set to the first.  Lists of items edit the case at once and
 *   need nothing here.
 * @mark_invalid: marks the row or list item that stands for the field
 *   @path of @lcase with @message and returns it, or returns %NULL when
 *   the field is not on this page
 * @revert: puts the field @path of @target back to its value in
 *   @stored; %FALSE when @path is not a field this page reads
 * @blame: when a rule between fields fails at @bad_path on another page,
 *   the page may take the blame for a field of its own: it marks that row,
 *   sets @own_path to the field to revert and returns the row
 * @is_complete: whether the page has everything the law asks of it; a
 *   link to a step opens the first page of the step that is not
 * @is_available: whether the page is part of the flow now (a page of
 *   what follows a submission only once it is submitted); Back and Next
 *   pass over a page that is not, and the last available page finishes
 * @shown: the page came into view (fill summaries, start a search)
 *
 * A page of a wizard: a widget with the rows of one step.  Navigation,
 * saving and the questions on closing are the wizard's; the page knows
 * only how to show the case and how to read its rows back.
 */
struct _LsWizardPageClass
{
  AdwBinClass parent_class;

  void (*setup) (LsWizardPage *self);
  void (*load) (LsWizardPage *self, LsCase *lcase);
  gboolean (*commit) (LsWizardPage *self,
                      LsCase *target,
                      LsWizardCommit mode,
                      GDateTime *now,
                      GtkWidget **first_bad);
  GtkWidget *(*mark_invalid) (LsWizardPage *self,
                              LsCase *lcase,
                              const char *path,
                              const char *message);
  gboolean (*revert) (LsWizardPage *self,
                      LsCase *target,
                      LsCase *stored,
                      const char *path);
  GtkWidget *(*blame) (LsWizardPage *self,
                       const char *bad_path,
                       const char **own_path);
  gboolean (*is_complete) (LsWizardPage *self, LsCase *lcase);
  gboolean (*is_available) (LsWizardPage *self, LsCase *lcase);
  void (*shown) (LsWizardPage *self);

  gpointer padding[8];
};

/* clang-format off */
LsWizardPage     *ls_wizard_page_new            (const LsStepPage *row,
                                                 LsWizard         *wizard);
const LsStepPage *ls_wizard_page_get_row        (LsWizardPage     *self);
const char       *ls_wizard_page_get_name       (LsWizardPage     *self);
const char       *ls_wizard_page_get_title      (LsWizardPage     *self);
LsWizard         *ls_wizard_page_get_wizard     (LsWizardPage     *self);
LsContext        *ls_wizard_page_get_context    (LsWizardPage     *self);
LsOrganisation   *ls_wizard_page_get_organisation (LsWizardPage   *self);
LsCase           *ls_wizard_page_get_case       (LsWizardPage     *self);
void              ls_wizard_page_request_save   (LsWizardPage     *self);
void              ls_wizard_page_set_next_label (LsWizardPage     *self,
                                                 const char       *label,
                                                 const char       *tooltip);
const char       *ls_wizard_page_get_next_label (LsWizardPage     *self);
const char       *ls_wizard_page_get_next_tooltip (LsWizardPage   *self);

void              ls_wizard_page_load           (LsWizardPage     *self,
                                                 LsCase           *lcase);
gboolean          ls_wizard_page_commit         (LsWizardPage     *self,
                                                 LsCase           *target,
                                                 LsWizardCommit    mode,
                                                 GDateTime        *now,
                                                 GtkWidget       **first_bad);
GtkWidget        *ls_wizard_page_mark_invalid   (LsWizardPage     *self,
                                                 LsCase           *lcase,
                                                 const char       *path,
                                                 const char       *message);
gboolean          ls_wizard_page_revert         (LsWizardPage     *self,
                                                 LsCase           *target,
                                                 LsCase           *stored,
                                                 const char       *path);
GtkWidget        *ls_wizard_page_blame          (LsWizardPage     *self,
                                                 const char       *bad_path,
                                                 const char      **own_path);
gboolean          ls_wizard_page_is_complete    (LsWizardPage     *self,
                                                 LsCase           *lcase);
gboolean          ls_wizard_page_is_available   (LsWizardPage     *self,
                                                 LsCase           *lcase);
void              ls_wizard_page_shown          (LsWizardPage     *self);

/* For a page's commit: reads a row through @setter unless it is bad. */
typedef void (*LsWizardSetter) (gpointer target, const char *value);

gboolean          ls_wizard_page_read_text      (GtkWidget        *row,
                                                 LsWizardCommit    mode,
                                                 const char       *missing,
                                                 gpointer          target,
                                                 LsWizardSetter    setter,
                                                 GtkWidget       **first_bad);
gboolean          ls_wizard_page_read_date      (GtkWidget        *row,
                                                 GDateTime        *now,
                                                 LsWizardCommit    mode,
                                                 const char       *missing,
                                                 gpointer          target,
                                                 LsWizardSetter    setter,
                                                 GtkWidget       **first_bad);
/* clang-format on */

G_END_DECLS
