/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-row-error"

#include "config.h"

#include "ls-row-error.h"
#include "ls-text-field.h"

/* Bad input is marked where it was typed: the row turns red, the
 * explanation stands right under it, across the whole width so that it is
 * read in full even in a narrow window, and assistive technology hears the
 * same explanation.  Nothing the user typed is thrown away, and the mark
 * goes as soon as the user changes the value. */

#define MESSAGE_ROW_KEY "ls-error-row"
#define WATCHED_KEY "ls-error-watched"
#define MESSAGE_KEY "ls-error-message"

static void
value_changed_cb (GtkWidget *row)
{
  ls_row_set_error (row, NULL);
}

static void
remove_message_row (GtkWidget *row)
{
  GtkWidget *message_row = g_object_get_data (G_OBJECT (row), MESSAGE_ROW_KEY);
  GtkWidget *list;

  if (message_row == NULL)
    return;
  list = gtk_widget_get_parent (message_row);
  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_remove (GTK_LIST_BOX (list), message_row);
  g_object_set_data (G_OBJECT (row), MESSAGE_ROW_KEY, NULL);
}

static gboolean
remove_orphan_cb (gpointer data)
{
  GtkWidget *message_row = data;
  GtkWidget *list = gtk_widget_get_parent (message_row);

  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_remove (GTK_LIST_BOX (list), message_row);
  return G_SOURCE_REMOVE;
}

/* A row that leaves its list takes its message with it.  Not at once: the
 * list may be in the middle of taking all its rows down. */
static void
parent_changed_cb (GtkWidget *row)
{
  GtkWidget *message_row = g_object_get_data (G_OBJECT (row), MESSAGE_ROW_KEY);

  if (message_row == NULL ||
      gtk_widget_get_parent (message_row) == gtk_widget_get_parent (row))
    return;
  g_idle_add_full (G_PRIORITY_DEFAULT, remove_orphan_cb,
                   g_object_ref (message_row), g_object_unref);
  g_object_set_data (G_OBJECT (row), MESSAGE_ROW_KEY, NULL);
}

/* The first error on a row starts watching it for the user's correction. */
static void
watch_row (GtkWidget *row)
{
  if (g_object_get_data (G_OBJECT (row), WATCHED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (row), WATCHED_KEY, GINT_TO_POINTER (TRUE));
  if (GTK_IS_EDITABLE (row))
    g_signal_connect (row, "changed", G_CALLBACK (value_changed_cb), NULL);
  else if (ADW_IS_COMBO_ROW (row))
    g_signal_connect (row, "notify::selected", G_CALLBACK (value_changed_cb),
                      NULL);
  g_signal_connect (row, "notify::parent", G_CALLBACK (parent_changed_cb),
                    NULL);
}

/* The message goes in a row of its own right under @row, in the same
 * boxed list. */
static GtkWidget *
ensure_message_row (GtkWidget *row)
{
  GtkWidget *message_row = g_object_get_data (G_OBJECT (row), MESSAGE_ROW_KEY);
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *label;

  if (message_row != NULL || !GTK_IS_LIST_BOX (list))
    return message_row;

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 9);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  /* The row itself carries the message for assistive technology. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  /* A preferences row, as an AdwPreferencesGroup wants of every row of
   * its list. */
  message_row = adw_preferences_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_widget_set_focusable (message_row, FALSE);
  /* A list box gives Tab to the next sensitive row, whether it can take
   * the focus or not: a sensitive message row would swallow the Tab and
   * the rows after it would be reached only with the arrows.  Insensitive
   * it is passed over; the style keeps it readable. */
  gtk_widget_set_sensitive (message_row, FALSE);
  gtk_widget_add_css_class (message_row, "error-message");
  gtk_accessible_update_state (GTK_ACCESSIBLE (message_row),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_list_box_insert (GTK_LIST_BOX (list), message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  /* Held, so that it can be asked for its parent even after its list has
   * dropped it: the list may go first when both are destroyed. */
  g_object_set_data_full (G_OBJECT (row), MESSAGE_ROW_KEY,
                          g_object_ref (message_row), g_object_unref);
  return message_row;
}

/**
 * ls_row_set_error:
 * @row: an #AdwEntryRow or #AdwActionRow (a combo row is one) in a list,
 *   or an #LsTextField
 * @message: (nullable): what is wrong, or %NULL to clear the error
 */
void
ls_row_set_error (GtkWidget *row, const char *message)
{
  GtkWidget *message_row;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row) || ADW_IS_ACTION_ROW (row) ||
                    LS_IS_TEXT_FIELD (row));

  if (LS_IS_TEXT_FIELD (row))
    {
      ls_text_field_set_error (LS_TEXT_FIELD (row), message);
      return;
    }

  if (message == NULL)
    {
      if (!gtk_widget_has_css_class (row, "error"))
        return;
      remove_message_row (row);
      g_object_set_data (G_OBJECT (row), MESSAGE_KEY, NULL);
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      return;
    }

  watch_row (row);
  message_row = ensure_message_row (row);
  if (message_row != NULL)
    {
      gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (
                              GTK_LIST_BOX_ROW (message_row))),
                          message);
    }
  g_object_set_data_full (G_OBJECT (row), MESSAGE_KEY, g_strdup (message),
                          g_free);
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

/**
 * ls_row_mark_bad:
 * @row: as for ls_row_set_error()
 * @message: what is wrong
 * @first_bad: (inout): the first row marked while a page is read, where
 *   the focus goes; set to @row if it is still %NULL
 *
 * Marks @row as ls_row_set_error() does, while a page of rows is read.
 *
 * Returns: %FALSE, so that a reader can say `ok = ls_row_mark_bad (...)`
 */
gboolean
ls_row_mark_bad (GtkWidget *row, const char *message, GtkWidget **first_bad)
{
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (first_bad != NULL, FALSE);

  ls_row_set_error (row, message);
  if (*first_bad == NULL)
    *first_bad = row;
  return FALSE;
}

/**
 * ls_row_get_error:
 *
 * Returns: (nullable): the message @row is marked with
 */
const char *
ls_row_get_error (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  if (LS_IS_TEXT_FIELD (row))
    return ls_text_field_get_error (LS_TEXT_FIELD (row));
  return g_object_get_data (G_OBJECT (row), MESSAGE_KEY);
}

/**
 * ls_row_has_error:
 *
 * Returns: whether @row is marked with an error
 */
gboolean
ls_row_has_error (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), FALSE);

  if (LS_IS_TEXT_FIELD (row))
    return ls_text_field_has_error (LS_TEXT_FIELD (row));
  return gtk_widget_has_css_class (row, "error");
}
