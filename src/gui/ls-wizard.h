/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case-saver.h"
#include "ls-context.h"
#include "ls-step-table.h"
#include "ls-wizard-page.h"

G_BEGIN_DECLS

/**
 * LsWizardState:
 * @LS_WIZARD_STATE_LOADING: the stored case is being loaded; nothing can
 *   be edited yet
 * @LS_WIZARD_STATE_EDITING: the user works on the case
 * @LS_WIZARD_STATE_CLOSING: closing waits for the last save
 * @LS_WIZARD_STATE_FINISHING: finishing waits for the last save, then the
 *   wizard's @finished runs
 * @LS_WIZARD_STATE_HANDING_OVER: waits for the last save, then closes and
 *   opens the wizard that owns another step
 * @LS_WIZARD_STATE_DONE: the window may close
 *
 * One state for the wizard's whole life, instead of a flag for each.
 */
typedef enum
{
  LS_WIZARD_STATE_LOADING,
  LS_WIZARD_STATE_EDITING,
  LS_WIZARD_STATE_CLOSING,
  LS_WIZARD_STATE_FINISHING,
  LS_WIZARD_STATE_HANDING_OVER,
  LS_WIZARD_STATE_DONE,
} LsWizardState;

#define LS_TYPE_WIZARD (ls_wizard_get_type ())

G_DECLARE_DERIVABLE_TYPE (LsWizard, ls_wizard, LS, WIZARD, AdwWindow)

/**
 * LsWizardClass:
 * @kind: which wizard of the step table this is: its pages are the
 *   table's rows of this kind, in order
 * @cannot_save: N_() heading of the question when the case could not be
 *   saved on closing, "The Report Could Not Be Saved"
 * @new_case: makes the case a wizard opened without one starts with
 *   (only the report wizard has one)
 * @dup_title: the window's title for the case
 * @finished: Finish was pressed on the last page, every page was good
 *   and the case is saved; the default closes the window
 * @save_failed: a save failed; return %TRUE when the wizard dealt with
 *   it (such as a registration number taken), %FALSE for the general
 *   message
 * @finish_failed: the save after Finish failed: undo what finishing set
 * @case_taken: the wizard took a (new or loaded) case; pages are loaded
 *
 * The window every wizard is: the header with the step's title and the
 * progress, Back and Next, the keys, loading and saving through the
 * context's store, and the questions on closing.  A subclass gives its
 * kind and what it does on finishing; its pages are the step table's.
 */
struct _LsWizardClass
{
  AdwWindowClass parent_class;

  LsWizardKind kind;
  const char *cannot_save;

  LsCase *(*new_case) (LsWizard *self);
  char *(*dup_title) (LsWizard *self);
  void (*finished) (LsWizard *self);
  gboolean (*save_failed) (LsWizard *self, const GError *error);
  void (*finish_failed) (LsWizard *self);
  void (*case_taken) (LsWizard *self);

  gpointer padding[8];
};

/* clang-format off */
LsContext     *ls_wizard_get_context      (LsWizard       *self);
LsCase        *ls_wizard_get_case         (LsWizard       *self);
LsCaseSaver   *ls_wizard_get_saver        (LsWizard       *self);
LsWizardState  ls_wizard_get_state        (LsWizard       *self);
gboolean       ls_wizard_get_busy         (LsWizard       *self);
guint          ls_wizard_get_n_pages      (LsWizard       *self);
LsWizardPage  *ls_wizard_get_nth_page     (LsWizard       *self,
                                           guint           index);
LsWizardPage  *ls_wizard_find_page        (LsWizard       *self,
                                           const char     *name);
LsWizardPage  *ls_wizard_get_page         (LsWizard       *self);
const char    *ls_wizard_get_page_name    (LsWizard       *self);
void           ls_wizard_set_page_name    (LsWizard       *self,
                                           const char     *name);
void           ls_wizard_show_step        (LsWizard       *self,
                                           LsStep          step,
                                           LsPoints        point);
gboolean       ls_wizard_go_next          (LsWizard       *self);
void           ls_wizard_go_back          (LsWizard       *self);
gboolean       ls_wizard_finish           (LsWizard       *self);
gboolean       ls_wizard_commit_page      (LsWizard       *self,
                                           LsWizardPage   *page,
                                           LsWizardCommit  mode);
gboolean       ls_wizard_save             (LsWizard       *self);
void           ls_wizard_show_invalid     (LsWizard       *self,
                                           const char     *path,
                                           const char     *message);
void           ls_wizard_hand_over        (LsWizard       *self,
                                           LsStep          step,
                                           LsPoints        point);
void           ls_wizard_replace          (LsWizard       *self,
                                           LsStep          step,
                                           LsPoints        point);
void           ls_wizard_focus_next       (LsWizard       *self);
void           ls_wizard_show_toast       (LsWizard       *self,
                                           const char     *text);
void           ls_wizard_add_top_bar      (LsWizard       *self,
                                           GtkWidget      *bar);
void           ls_wizard_update_header    (LsWizard       *self);
void           ls_wizard_update_lock      (LsWizard       *self);
gboolean       ls_wizard_get_read_only    (LsWizard       *self);
/* clang-format on */

G_END_DECLS
