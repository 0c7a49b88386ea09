/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-model.h"
#include "ls-rules.h"
#include "ls-wizard.h"

/* How a wizard puts a page into its case and saves it: the page reads its
 * rows into a copy, the rules check the copy as a whole, and what they
 * find is marked on the row that stands for it, on whichever page that
 * is.  Only the public API of LsWizard is used here. */

/* How many faults between fields one commit puts right before it gives
 * up; each round puts one field back. */
#define MAX_REVERTS 8

/* The page that holds @widget, if any. */
static LsWizardPage *
page_of_widget (LsWizard *self, GtkWidget *widget)
{
  for (guint i = 0; widget != NULL && i < ls_wizard_get_n_pages (self); i++)
    {
      GtkWidget *page = GTK_WIDGET (ls_wizard_get_nth_page (self, i));

      if (widget == page || gtk_widget_is_ancestor (widget, page))
        return LS_WIZARD_PAGE (page);
    }
  return NULL;
}

/* Puts the field at @path of @target back to its stored value, through
 * the page that reads it. */
static gboolean
revert_field (LsWizard *self, LsCase *target, const char *path)
{
  for (guint i = 0; i < ls_wizard_get_n_pages (self); i++)
    if (ls_wizard_page_revert (ls_wizard_get_nth_page (self, i), target,
                               ls_wizard_get_case (self), path))
      return TRUE;
  return FALSE;
}

/* Marks the row of @path with @message on whichever page holds it, and
 * says so in a toast when that is not the page in view. */
static GtkWidget *
mark_invalid (LsWizard *self, const char *path, const char *message)
{
  LsWizardPage *owner = NULL;
  GtkWidget *row = NULL;

  for (guint i = 0; i < ls_wizard_get_n_pages (self) && row == NULL; i++)
    {
      owner = ls_wizard_get_nth_page (self, i);
      row = ls_wizard_page_mark_invalid (owner, ls_wizard_get_case (self), path,
                                         message);
    }
  if (row == NULL)
    {
      ls_wizard_show_toast (self, message);
    }
  else if (owner != ls_wizard_get_page (self))
    {
      /* Translators: a fault found on another step; the first %s is the
       * step's title, the second what is wrong. */
      g_autofree char *text = g_strdup_printf (
          _ ("%s: %s"), ls_wizard_page_get_title (owner), message);

      ls_wizard_show_toast (self, text);
    }
  return row;
}

/**
 * ls_wizard_show_invalid:
 * @path: (nullable): the field the rules found wrong
 *
 * Shows a fault of the whole case on the row it is about; a fault on
 * another step is also told in a toast.
 */
void
ls_wizard_show_invalid (LsWizard *self, const char *path, const char *message)
{
  g_return_if_fail (LS_IS_WIZARD (self));
  g_return_if_fail (message != NULL);

  mark_invalid (self, path, message);
}

/**
 * ls_wizard_commit_page:
 *
 * Puts @page into the case, as far as it is good; with
 * %LS_WIZARD_COMMIT_STRICT only when all of it is.  A fault the rules find
 * between fields (a report received before the event it reports) is
 * marked on the row that caused it, and that row's value is not taken.  A
 * fault the case had before (a unit since removed) is shown where it is
 * and does not hold this step back; the case is not saved until it is put
 * right.
 *
 * Returns: whether all of @page was good
 */
gboolean
ls_wizard_commit_page (LsWizard *self, LsWizardPage *page, LsWizardCommit mode)
{
  LsCase *lcase;
  LsOrganisation *organisation;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (LsCase) candidate = ls_case_new ();
  g_autofree char *old_bad = NULL;
  GtkWidget *first_bad = NULL;
  gboolean ok;

  g_return_val_if_fail (LS_IS_WIZARD (self), FALSE);
  g_return_val_if_fail (LS_IS_WIZARD_PAGE (page), FALSE);

  lcase = ls_wizard_get_case (self);
  organisation = ls_context_get_organisation (ls_wizard_get_context (self));
  ls_model_copy (G_OBJECT (candidate), G_OBJECT (lcase));
  ok = ls_wizard_page_commit (page, candidate, mode, now, &first_bad);
  ls_rules_find_invalid (lcase, organisation, now, &old_bad, NULL);

  for (guint tries = 0; tries < MAX_REVERTS; tries++)
    {
      g_autofree char *bad_path = NULL;
      g_autoptr (GError) error = NULL;
      const char *culprit;
      GtkWidget *row;

      if (ls_rules_find_invalid (candidate, organisation, now, &bad_path,
                                 &error))
        break;
      if (g_strcmp0 (bad_path, old_bad) == 0)
        {
          row = mark_invalid (self, bad_path, error->message);
          /* This step's own row still holds what was wrong before. */
          if (row != NULL && page_of_widget (self, row) == page)
            {
              if (first_bad == NULL)
                first_bad = row;
              ok = FALSE;
            }
          break;
        }

      culprit = bad_path;
      row = ls_wizard_page_blame (page, bad_path, &culprit);
      if (row == NULL)
        row = mark_invalid (self, bad_path, error->message);
      if (row != NULL && first_bad == NULL &&
          page_of_widget (self, row) == page)
        first_bad = row;
      ok = FALSE;
      if (!revert_field (self, candidate, culprit))
        {
          if (first_bad != NULL)
            gtk_widget_grab_focus (first_bad);
          return FALSE;
        }
    }

  if (first_bad != NULL)
    gtk_widget_grab_focus (first_bad);
  if (!ok && mode == LS_WIZARD_COMMIT_STRICT)
    return FALSE;
  ls_model_copy (G_OBJECT (lcase), G_OBJECT (candidate));
  return ok;
}

/**
 * ls_wizard_save:
 *
 * Saves the case unless the rules find it wrong, in which case the fault
 * is shown and nothing is saved: the store would refuse it anyway.
 *
 * Returns: whether the save was started (or nothing needed saving)
 */
gboolean
ls_wizard_save (LsWizard *self)
{
  g_autofree char *bad_path = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (LS_IS_WIZARD (self), FALSE);

  if (!ls_case_saver_save (ls_wizard_get_saver (self), &bad_path, &error))
    {
      mark_invalid (self, bad_path, error->message);
      return FALSE;
    }
  return TRUE;
}
