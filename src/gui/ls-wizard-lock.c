/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-wizard"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ls-item-list.h"
#include "ls-journal-view.h"
#include "ls-rules.h"
#include "ls-wizard-lock.h"

/* When a wizard's case can only be read, and how its pages are made so.
 * A step the case has gone past stays readable: a concluded investigation
 * until it is reopened, and every step of a closed case.  (The report
 * stays open while the case is investigated: what is missing from it,
 * such as an immediate action, is still added there.)  Its controls are made
 * insensitive, and given back exactly as they were when the lock is lifted: a
 * page keeps the sensitivity it set for reasons of its own.  A control that
 * only reads the case (printing, saving a copy) or lifts the lock (reopening)
 * is marked to stay active. */

#define LOCKED_KEY "ls-wizard-locked"
#define KEEP_ACTIVE_KEY "ls-wizard-keep-active"

/**
 * ls_wizard_lock_reason:
 * @kind: the wizard
 * @reopenable: (out) (optional): whether reopening the investigation
 *   lifts the lock
 *
 * Returns: (nullable): why @lcase can only be read in the wizard, for the
 *   banner above its steps, or %NULL when it can be edited
 */
const char *
ls_wizard_lock_reason (LsWizardKind kind, LsCase *lcase, gboolean *reopenable)
{
  LsCaseStatus status = ls_case_get_status (lcase);
  gboolean concluded = ls_rules_conclusion_is_made (lcase);

  if (reopenable != NULL)
    *reopenable = kind == LS_WIZARD_INVESTIGATION && concluded;
  if (kind == LS_WIZARD_INVESTIGATION && concluded)
    return _ ("The investigation is concluded and can only be read. To "
              "change it, reopen it on its last step, Conclusion, and say "
              "why.");
  if (status == LS_CASE_STATUS_CLOSED)
    return _ ("The case is closed and can only be read. Its documents "
              "can still be printed and saved from the case.");
  return NULL;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget);
}

/**
 * ls_wizard_lock_controls:
 * @widget: a page, or a widget on one
 * @read_only: whether the case can only be read
 *
 * Makes every control under @widget insensitive, and its lists locked,
 * or gives back what an earlier lock took.
 */
void
ls_wizard_lock_controls (GtkWidget *widget, gboolean read_only)
{
  if (g_object_get_data (G_OBJECT (widget), KEEP_ACTIVE_KEY) != NULL)
    return;
  if (LS_IS_ITEM_LIST (widget))
    {
      ls_item_list_set_locked (LS_ITEM_LIST (widget), read_only);
      return;
    }
  if (LS_IS_JOURNAL_VIEW (widget))
    {
      ls_journal_view_set_locked (LS_JOURNAL_VIEW (widget), read_only);
      return;
    }
  if (is_control (widget))
    {
      if (read_only && gtk_widget_get_sensitive (widget))
        {
          g_object_set_data (G_OBJECT (widget), LOCKED_KEY,
                             GINT_TO_POINTER (TRUE));
          gtk_widget_set_sensitive (widget, FALSE);
        }
      else if (!read_only &&
               g_object_get_data (G_OBJECT (widget), LOCKED_KEY) != NULL)
        {
          g_object_set_data (G_OBJECT (widget), LOCKED_KEY, NULL);
          gtk_widget_set_sensitive (widget, TRUE);
        }
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ls_wizard_lock_controls (child, read_only);
}

/**
 * ls_wizard_keep_active:
 * @control: a control on a page
 *
 * Keeps @control, and what it holds, working when the case can only be
 * read: it prints or saves a copy, or reopens the investigation.
 */
void
ls_wizard_keep_active (GtkWidget *control)
{
  g_return_if_fail (GTK_IS_WIDGET (control));

  g_object_set_data (G_OBJECT (control), KEEP_ACTIVE_KEY,
                     GINT_TO_POINTER (TRUE));
}
