/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-investigation-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-investigation-pages.h"
#include "ls-journal-item-dialog.h"
#include "ls-rows.h"
#include "ls-wizard.h"

/* Every point of 5 kap. 2 § has its documented items below what else its
 * page asks; they are only ever added to, a correction being a new item
 * that names the one it corrects (5 kap. 4 §).  And what the report says
 * stands beside the points it answers. */

static void
journal_applied_cb (LsWizardPage *page, LsJournalItemDialog *dialog)
{
  LsCase *lcase = ls_wizard_page_get_case (page);

  g_list_store_append (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)),
      ls_journal_item_dialog_get_item (dialog));
  ls_wizard_page_request_save (page);
}

/* The user documents the item unless they say otherwise. */
static void
open_journal_dialog (LsWizardPage *page,
                     LsJournalView *view,
                     LsJournalItem *corrects)
{
  LsContext *context = ls_wizard_page_get_context (page);
  g_autofree char *author = ls_context_dup_author (context);
  g_autofree char *author_title = ls_context_dup_author_title (context);
  LsJournalItemDialog *dialog = ls_journal_item_dialog_new (
      GTK_WINDOW (ls_wizard_page_get_wizard (page)),
      ls_journal_view_get_point (view), corrects, author, author_title);

  g_signal_connect_object (dialog, "applied", G_CALLBACK (journal_applied_cb),
                           page, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
journal_add_cb (LsWizardPage *page, LsJournalView *view)
{
  open_journal_dialog (page, view, NULL);
}

static void
journal_correct_cb (LsWizardPage *page,
                    LsJournalItem *item,
                    LsJournalView *view)
{
  open_journal_dialog (page, view, item);
}

/**
 * ls_investigation_add_journal:
 * @page: a page of a point of 5 kap. 2 §, whose step table row gives the
 *   point
 *
 * Adds the documented items on the page's point below the page's groups.
 *
 * Returns: (transfer none): the view of the items
 */
LsJournalView *
ls_investigation_add_journal (LsWizardPage *page)
{
  GtkWidget *prefs;
  GtkWidget *view;

  g_return_val_if_fail (LS_IS_WIZARD_PAGE (page), NULL);

  prefs = adw_bin_get_child (ADW_BIN (page));
  g_return_val_if_fail (ADW_IS_PREFERENCES_PAGE (prefs), NULL);

  view = ls_journal_view_new ();
  ls_journal_view_set_point (LS_JOURNAL_VIEW (view),
                             ls_wizard_page_get_row (page)->points);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (view),
                                   _ ("Documented Items"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (view),
      _ ("What the investigation found on this point: for each item its "
         "date, its source, whether it is a fact or an assessment, and who "
         "documented it (5 kap. 4 §)."));
  g_signal_connect_object (view, "add", G_CALLBACK (journal_add_cb), page,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "correct", G_CALLBACK (journal_correct_cb),
                           page, G_CONNECT_SWAPPED);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs),
                            ADW_PREFERENCES_GROUP (view));
  return LS_JOURNAL_VIEW (view);
}

/**
 * ls_investigation_load_journal:
 *
 * Shows the documented items of @lcase in @view.
 */
void
ls_investigation_load_journal (LsJournalView *view, LsCase *lcase)
{
  g_return_if_fail (LS_IS_JOURNAL_VIEW (view));
  g_return_if_fail (LS_IS_CASE (lcase));

  ls_journal_view_bind (
      view, ls_investigation_get_journal (ls_case_get_investigation (lcase)));
}

/**
 * ls_investigation_watch_list:
 *
 * A list of @page edits the case at once: each change is saved.
 */
void
ls_investigation_watch_list (LsWizardPage *page, LsItemList *list)
{
  g_return_if_fail (LS_IS_WIZARD_PAGE (page));
  g_return_if_fail (LS_IS_ITEM_LIST (list));

  g_signal_connect_object (list, "changed",
                           G_CALLBACK (ls_wizard_page_request_save), page,
                           G_CONNECT_SWAPPED);
}

/**
 * ls_investigation_add_fact:
 * @rows: the rows of facts shown, to remove them on the next load
 * @value: (nullable): what the report says
 *
 * Shows a fact of the report in @group.
 */
void
ls_investigation_add_fact (AdwPreferencesGroup *group,
                           GPtrArray *rows,
                           const char *title,
                           const char *value)
{
  GtkWidget *row;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (rows != NULL);

  row = ls_rows_new_property (title, value != NULL && *value != '\0'
                                         ? value
                                         : _ ("Not given in the report"));
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}
