/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-row-error"

#include "config.h"

#include "ls-row-error.h"
#include "ls-text-field.h"

/* Bad input is marked where it was typed: the row turns red, a short
 * explanation stands in it, and assistive technology hears the same
 * explanation.  Nothing the user typed is thrown away, and the mark goes
 * as soon as the user changes the value. */

#define ERROR_LABEL_KEY "ls-error-label"
#define WATCHED_KEY "ls-error-watched"

static void
value_changed_cb (GtkWidget *row)
{
  ls_row_set_error (row, NULL);
}

/* The first error on a row starts watching it for the user's correction. */
static void
watch_changes (GtkWidget *row)
{
  if (g_object_get_data (G_OBJECT (row), WATCHED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (row), WATCHED_KEY, GINT_TO_POINTER (TRUE));
  if (GTK_IS_EDITABLE (row))
    g_signal_connect (row, "changed", G_CALLBACK (value_changed_cb), NULL);
  else if (ADW_IS_COMBO_ROW (row))
    g_signal_connect (row, "notify::selected", G_CALLBACK (value_changed_cb),
                      NULL);
}

/**
 * ls_row_set_error:
 * @row: an #AdwEntryRow or #AdwActionRow (a combo row is one), or an
 *   #LsTextField
 * @message: (nullable): what is wrong, or %NULL to clear the error
 */
void
ls_row_set_error (GtkWidget *row, const char *message)
{
  GtkWidget *label;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row) || ADW_IS_ACTION_ROW (row) ||
                    LS_IS_TEXT_FIELD (row));

  if (LS_IS_TEXT_FIELD (row))
    {
      ls_text_field_set_error (LS_TEXT_FIELD (row), message);
      return;
    }

  label = g_object_get_data (G_OBJECT (row), ERROR_LABEL_KEY);
  if (message == NULL)
    {
      if (label == NULL || !gtk_widget_get_visible (label))
        return;
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_visible (label, FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      return;
    }

  if (label == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "caption");
      if (ADW_IS_ENTRY_ROW (row))
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      g_object_set_data (G_OBJECT (row), ERROR_LABEL_KEY, label);
    }

  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_widget_set_visible (label, TRUE);
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  watch_changes (row);
}

/**
 * ls_row_has_error:
 *
 * Returns: whether @row is marked with an error
 */
gboolean
ls_row_has_error (GtkWidget *row)
{
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_WIDGET (row), FALSE);

  if (LS_IS_TEXT_FIELD (row))
    return ls_text_field_has_error (LS_TEXT_FIELD (row));
  label = g_object_get_data (G_OBJECT (row), ERROR_LABEL_KEY);
  return label != NULL && gtk_widget_get_visible (label);
}
