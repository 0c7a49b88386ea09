/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-rights"

#include "config.h"

#include "ls-rights.h"

/* What the windows show of the session's rights: what the person may not
 * do is insensitive, with the sentence that says who may.  The server
 * refuses it whatever the windows show (ls_store_get_rights()); this only
 * spares the person a refused save. */

/**
 * ls_rights_may:
 * @rights: one or more rights
 *
 * Returns: whether the session of @context's store has all of @rights
 */
gboolean
ls_rights_may (LsContext *context, LsStoreRights rights)
{
  g_return_val_if_fail (LS_IS_CONTEXT (context), FALSE);

  return ls_store_may (ls_context_get_store (context), rights);
}

/**
 * ls_rights_note:
 * @note: a group that says why, shown only when the session lacks @rights
 * @rights: what a part of a page needs
 *
 * Returns: whether the session has @rights
 */
gboolean
ls_rights_note (AdwPreferencesGroup *note,
                LsContext *context,
                LsStoreRights rights)
{
  gboolean may = ls_rights_may (context, rights);

  adw_preferences_group_set_description (
      note, may ? NULL : ls_store_rights_explain (rights));
  gtk_widget_set_visible (GTK_WIDGET (note), !may);
  return may;
}

/**
 * ls_rights_limit:
 * @widget: a control that needs @rights
 * @may: whether the session has them
 *
 * Makes @widget insensitive when the session may not use it, with the
 * sentence why as its tooltip; leaves its sensitivity alone otherwise.
 */
void
ls_rights_limit (GtkWidget *widget, gboolean may, LsStoreRights rights)
{
  if (may)
    return;
  gtk_widget_set_sensitive (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, ls_store_rights_explain (rights));
}
