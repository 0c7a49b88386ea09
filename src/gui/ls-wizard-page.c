/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-wizard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-date-row.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-wizard-page.h"
#include "ls-wizard.h"

/* A page knows its row of the step table and its wizard; everything a
 * page does to the case goes through the virtual methods, which the
 * wizard calls as the user moves through the steps. */

typedef struct
{
  const LsStepPage *row;
  LsWizard *wizard; /* not owned: the wizard owns its pages */
  char *next_label;
  char *next_tooltip;
} LsWizardPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LsWizardPage, ls_wizard_page, ADW_TYPE_BIN)

static gboolean
ls_wizard_page_real_commit (LsWizardPage *self,
                            LsCase *target,
                            LsWizardCommit mode,
                            GDateTime *now,
                            GtkWidget **first_bad)
{
  return TRUE;
}

static gboolean
ls_wizard_page_real_is_complete (LsWizardPage *self, LsCase *lcase)
{
  return TRUE;
}

static gboolean
ls_wizard_page_real_is_available (LsWizardPage *self, LsCase *lcase)
{
  return TRUE;
}

static void
ls_wizard_page_finalize (GObject *object)
{
  LsWizardPagePrivate *priv =
      ls_wizard_page_get_instance_private (LS_WIZARD_PAGE (object));

  g_free (priv->next_label);
  g_free (priv->next_tooltip);

  G_OBJECT_CLASS (ls_wizard_page_parent_class)->finalize (object);
}

static void
ls_wizard_page_class_init (LsWizardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_wizard_page_finalize;
  klass->commit = ls_wizard_page_real_commit;
  klass->is_complete = ls_wizard_page_real_is_complete;
  klass->is_available = ls_wizard_page_real_is_available;
}

static void
ls_wizard_page_init (LsWizardPage *self)
{
}

/**
 * ls_wizard_page_new:
 * @row: the page's row of the step table
 * @wizard: the wizard it is a page of
 *
 * Returns: (transfer floating): the page of @row, set up
 */
LsWizardPage *
ls_wizard_page_new (const LsStepPage *row, LsWizard *wizard)
{
  LsWizardPage *self;
  LsWizardPagePrivate *priv;

  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (LS_IS_WIZARD (wizard), NULL);

  self = g_object_new (row->get_type (), NULL);
  priv = ls_wizard_page_get_instance_private (self);
  priv->row = row;
  priv->wizard = wizard;
  if (LS_WIZARD_PAGE_GET_CLASS (self)->setup != NULL)
    LS_WIZARD_PAGE_GET_CLASS (self)->setup (self);
  return self;
}

const LsStepPage *
ls_wizard_page_get_row (LsWizardPage *self)
{
  LsWizardPagePrivate *priv = ls_wizard_page_get_instance_private (self);

  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), NULL);

  return priv->row;
}

const char *
ls_wizard_page_get_name (LsWizardPage *self)
{
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), NULL);

  return ls_wizard_page_get_row (self)->name;
}

/**
 * ls_wizard_page_get_title:
 *
 * Returns: the step's title, translated
 */
const char *
ls_wizard_page_get_title (LsWizardPage *self)
{
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), NULL);

  return _ (ls_wizard_page_get_row (self)->title);
}

/**
 * ls_wizard_page_get_wizard:
 *
 * Returns: (transfer none): the wizard the page is a page of
 */
LsWizard *
ls_wizard_page_get_wizard (LsWizardPage *self)
{
  LsWizardPagePrivate *priv = ls_wizard_page_get_instance_private (self);

  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), NULL);

  return priv->wizard;
}

LsContext *
ls_wizard_page_get_context (LsWizardPage *self)
{
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), NULL);

  return ls_wizard_get_context (ls_wizard_page_get_wizard (self));
}

/**
 * ls_wizard_page_get_organisation:
 *
 * Returns: (transfer none) (nullable): the organisation, for its kind and
 *   units
 */
LsOrganisation *
ls_wizard_page_get_organisation (LsWizardPage *self)
{
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), NULL);

  return ls_context_get_organisation (ls_wizard_page_get_context (self));
}

/**
 * ls_wizard_page_get_case:
 *
 * Returns: (transfer none): the case as the wizard holds it
 */
LsCase *
ls_wizard_page_get_case (LsWizardPage *self)
{
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), NULL);

  return ls_wizard_get_case (ls_wizard_page_get_wizard (self));
}

/**
 * ls_wizard_page_request_save:
 *
 * A list of the page changed the case: the wizard saves it.
 */
void
ls_wizard_page_request_save (LsWizardPage *self)
{
  g_return_if_fail (LS_IS_WIZARD_PAGE (self));

  ls_wizard_save (ls_wizard_page_get_wizard (self));
}

/**
 * ls_wizard_page_set_next_label:
 * @label: (nullable): what Next says on this page, with a mnemonic;
 *   %NULL for "Next"
 * @tooltip: (nullable): its tooltip
 */
void
ls_wizard_page_set_next_label (LsWizardPage *self,
                               const char *label,
                               const char *tooltip)
{
  LsWizardPagePrivate *priv = ls_wizard_page_get_instance_private (self);

  g_return_if_fail (LS_IS_WIZARD_PAGE (self));

  g_free (priv->next_label);
  priv->next_label = g_strdup (label);
  g_free (priv->next_tooltip);
  priv->next_tooltip = g_strdup (tooltip);
  if (ls_wizard_get_page (priv->wizard) == self)
    ls_wizard_update_header (priv->wizard);
}

const char *
ls_wizard_page_get_next_label (LsWizardPage *self)
{
  LsWizardPagePrivate *priv = ls_wizard_page_get_instance_private (self);

  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), NULL);

  return priv->next_label;
}

const char *
ls_wizard_page_get_next_tooltip (LsWizardPage *self)
{
  LsWizardPagePrivate *priv = ls_wizard_page_get_instance_private (self);

  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), NULL);

  return priv->next_tooltip;
}

void
ls_wizard_page_load (LsWizardPage *self, LsCase *lcase)
{
  g_return_if_fail (LS_IS_WIZARD_PAGE (self));
  g_return_if_fail (LS_IS_CASE (lcase));

  if (LS_WIZARD_PAGE_GET_CLASS (self)->load != NULL)
    LS_WIZARD_PAGE_GET_CLASS (self)->load (self, lcase);
}

/**
 * ls_wizard_page_commit:
 * @target: the case to read the rows into
 * @now: the time dates may not be after
 * @first_bad: (inout): the first bad row of the page, set when it is
 *   still %NULL
 *
 * Returns: whether every row of the page was good
 */
gboolean
ls_wizard_page_commit (LsWizardPage *self,
                       LsCase *target,
                       LsWizardCommit mode,
                       GDateTime *now,
                       GtkWidget **first_bad)
{
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), FALSE);
  g_return_val_if_fail (LS_IS_CASE (target), FALSE);
  g_return_val_if_fail (first_bad != NULL, FALSE);

  return LS_WIZARD_PAGE_GET_CLASS (self)->commit (self, target, mode, now,
                                                  first_bad);
}

/**
 * ls_wizard_page_mark_invalid:
 *
 * Returns: (transfer none) (nullable): the row marked, or %NULL when
 *   @path is not on this page
 */
GtkWidget *
ls_wizard_page_mark_invalid (LsWizardPage *self,
                             LsCase *lcase,
                             const char *path,
                             const char *message)
{
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), NULL);

  if (path == NULL || LS_WIZARD_PAGE_GET_CLASS (self)->mark_invalid == NULL)
    return NULL;
  return LS_WIZARD_PAGE_GET_CLASS (self)->mark_invalid (self, lcase, path,
                                                        message);
}

gboolean
ls_wizard_page_revert (LsWizardPage *self,
                       LsCase *target,
                       LsCase *stored,
                       const char *path)
{
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), FALSE);

  if (path == NULL || LS_WIZARD_PAGE_GET_CLASS (self)->revert == NULL)
    return FALSE;
  return LS_WIZARD_PAGE_GET_CLASS (self)->revert (self, target, stored, path);
}

/**
 * ls_wizard_page_blame:
 * @own_path: (out): the field of this page to put back
 *
 * Returns: (transfer none) (nullable): the row of this page that caused
 *   the fault at @bad_path, marked, or %NULL
 */
GtkWidget *
ls_wizard_page_blame (LsWizardPage *self,
                      const char *bad_path,
                      const char **own_path)
{
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), NULL);
  g_return_val_if_fail (own_path != NULL, NULL);

  if (LS_WIZARD_PAGE_GET_CLASS (self)->blame == NULL)
    return NULL;
  return LS_WIZARD_PAGE_GET_CLASS (self)->blame (self, bad_path, own_path);
}

gboolean
ls_wizard_page_is_complete (LsWizardPage *self, LsCase *lcase)
{
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), FALSE);

  return LS_WIZARD_PAGE_GET_CLASS (self)->is_complete (self, lcase);
}

gboolean
ls_wizard_page_is_available (LsWizardPage *self, LsCase *lcase)
{
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (self), FALSE);

  return LS_WIZARD_PAGE_GET_CLASS (self)->is_available (self, lcase);
}

void
ls_wizard_page_shown (LsWizardPage *self)
{
  g_return_if_fail (LS_IS_WIZARD_PAGE (self));

  if (LS_WIZARD_PAGE_GET_CLASS (self)->shown != NULL)
    LS_WIZARD_PAGE_GET_CLASS (self)->shown (self);
}

/**
 * ls_wizard_page_read_text:
 * @row: an entry row
 * @missing: (nullable): what to say when a strict commit finds it empty;
 *   %NULL when it may be
 * @setter: sets the value, %NULL for an empty row, on @target
 * @first_bad: (inout): as for ls_row_mark_bad()
 *
 * Returns: whether the row was good
 */
gboolean
ls_wizard_page_read_text (GtkWidget *row,
                          LsWizardCommit mode,
                          const char *missing,
                          gpointer target,
                          LsWizardSetter setter,
                          GtkWidget **first_bad)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (row), FALSE);
  g_return_val_if_fail (setter != NULL, FALSE);

  value = ls_rows_dup_text (row);
  if (value == NULL && missing != NULL && mode == LS_WIZARD_COMMIT_STRICT)
    return ls_row_mark_bad (row, missing, first_bad);
  setter (target, value);
  return TRUE;
}

/**
 * ls_wizard_page_read_date:
 * @row: an #LsDateRow
 *
 * As ls_wizard_page_read_text(), for a date: one that is no date, or one
 * after @now, is bad whatever the mode.
 *
 * Returns: whether the row was good
 */
gboolean
ls_wizard_page_read_date (GtkWidget *row,
                          GDateTime *now,
                          LsWizardCommit mode,
                          const char *missing,
                          gpointer target,
                          LsWizardSetter setter,
                          GtkWidget **first_bad)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (LS_IS_DATE_ROW (row), FALSE);
  g_return_val_if_fail (setter != NULL, FALSE);

  if (!ls_date_row_read (LS_DATE_ROW (row), now, &value, &error))
    return ls_row_mark_bad (row, error->message, first_bad);
  if (value == NULL && missing != NULL && mode == LS_WIZARD_COMMIT_STRICT)
    return ls_row_mark_bad (row, missing, first_bad);
  setter (target, value);
  return TRUE;
}
