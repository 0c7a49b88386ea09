/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-a11y"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ls-a11y.h"

/* GTK 4.8 names a control with a mnemonic twice over: once from its own
 * label, underscore and all ("_Next"), once from the label that names it
 * for the mnemonic ("Next"), and a screen reader says "_Next Next".  Each
 * such control here gets one name: its words without the underscore, and
 * no second source.  Later GTK versions name it once by themselves; the
 * name given here is the same. */

#define WATCHED_KEY "ls-a11y-watched"

/**
 * ls_a11y_strip_mnemonic:
 * @text: a label with a mnemonic, "_Save" or "Drag __and Drop"
 *
 * Returns: (transfer full): @text as it is read, "Save"
 */
char *
ls_a11y_strip_mnemonic (const char *text)
{
  GString *plain;

  g_return_val_if_fail (text != NULL, NULL);

  plain = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          p++;
          if (*p == '\0')
            break;
        }
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

static void
name_button (GtkButton *button)
{
  const char *label;
  g_autofree char *name = NULL;

  /* Asked while an icon takes the label's place, GTK 4.8 would read the
   * icon as a label. */
  if (!GTK_IS_LABEL (gtk_button_get_child (button)))
    return;
  label = gtk_button_get_label (button);
  if (label == NULL || !gtk_button_get_use_underline (button))
    return;
  name = ls_a11y_strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* A check that a row activates is named by the row's title through the
 * mnemonic; a label of its own would be said as well. */
static void
name_check (GtkWidget *check)
{
  GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

  if (row == NULL ||
      adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) != check ||
      !adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)))
    return;
  gtk_accessible_reset_property (GTK_ACCESSIBLE (check),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
button_changed_cb (GtkButton *button)
{
  name_button (button);
}

/**
 * ls_a11y_name_once:
 * @root: a window, or a part of one made from a template
 *
 * Gives every button with a mnemonic under @root one accessible name,
 * kept when its label changes, and takes the second name off checks
 * that their rows name.
 */
void
ls_a11y_name_once (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && !GTK_IS_CHECK_BUTTON (root) &&
      g_object_get_data (G_OBJECT (root), WATCHED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (root), WATCHED_KEY, GINT_TO_POINTER (TRUE));
      g_signal_connect (root, "notify::label", G_CALLBACK (button_changed_cb),
                        NULL);
      g_signal_connect (root, "notify::use-underline",
                        G_CALLBACK (button_changed_cb), NULL);
      name_button (GTK_BUTTON (root));
    }
  else if (GTK_IS_CHECK_BUTTON (root) || GTK_IS_SWITCH (root))
    name_check (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ls_a11y_name_once (child);
}
