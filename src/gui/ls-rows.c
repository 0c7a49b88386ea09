/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-labels.h"
#include "ls-rows.h"

/* The rows the overview and the wizards build in code, made in one place
 * so that a requirement, a link to a step or an empty list looks and
 * reads the same wherever it is shown.  Titles are what the user or the
 * rules wrote: text, never markup.  And the text of a row as the model
 * keeps it: without the spaces around it, and %NULL when empty. */

static GtkWidget *
new_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* An icon that only repeats what the row says. */
static GtkWidget *
new_decoration (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

static void
make_link (GtkWidget *row)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_decoration ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
}

/**
 * ls_rows_remove:
 * @rows: (element-type GtkWidget): rows of @group that were added in code
 *
 * Takes @rows out of @group and empties @rows, so that they can be made
 * anew.
 */
void
ls_rows_remove (AdwPreferencesGroup *group, GPtrArray *rows)
{
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (rows != NULL);

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/**
 * ls_rows_new_property:
 * @label: what the value is, such as "Received"
 * @value: (nullable): the value, shown as "—" when empty
 *
 * A read-only row for a summary: the label small above, the value below
 * in full, wrapped and selectable, as the user wrote it.
 *
 * Returns: (transfer floating): a new #AdwPreferencesRow
 */
GtkWidget *
ls_rows_new_property (const char *label, const char *value)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *text =
      gtk_label_new (value != NULL && *value != '\0' ? value : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The row takes the focus, not its labels: it says both. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (GTK_LABEL (text)), -1);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title,
                                  NULL, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/**
 * ls_rows_new_link:
 * @title: what the row leads to
 * @subtitle: (nullable): a second line
 *
 * A row that leads somewhere when activated, with an arrow that says so;
 * the caller connects #AdwActionRow::activated or sets an action.
 *
 * Returns: (transfer floating): a new #AdwActionRow
 */
GtkWidget *
ls_rows_new_link (const char *title, const char *subtitle)
{
  GtkWidget *row = new_row (title, subtitle);

  make_link (row);
  return row;
}

/**
 * ls_rows_new_requirement:
 * @requirement: what the law still asks of a case
 * @now: (nullable): today, to show how near its deadline is; %NULL to
 *   leave the deadline out
 *
 * A row for a requirement: what is missing, the provision that asks for
 * it and, when it has one, its deadline coloured by how near it is.  Like
 * a link, it leads to the step that fulfils it.
 *
 * Returns: (transfer floating): a new #AdwActionRow
 */
GtkWidget *
ls_rows_new_requirement (LsRequirement *requirement, GDateTime *now)
{
  const char *due;
  GtkWidget *row;

  g_return_val_if_fail (LS_IS_REQUIREMENT (requirement), NULL);

  row = new_row (ls_requirement_get_message (requirement),
                 ls_requirement_get_reference (requirement));
  /* Listed from the start, so that the list never grows as it is worked
   * off, but not to be done before what it rests on. */
  if (ls_requirement_get_later (requirement))
    {
      GtkWidget *label = gtk_label_new (_ ("Later"));

      gtk_widget_set_tooltip_text (
          label, _ ("This can be done once the step it rests on is done."));
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_accessible_update_property (
          GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
          _ ("Later: this can be done once the step it rests on is done."), -1);
    }
  due = ls_requirement_get_due (requirement);
  if (now != NULL && due != NULL)
    {
      g_autofree char *deadline = NULL;
      GtkWidget *label;
      LsUrgency urgency;

      deadline = ls_labels_deadline (due, now, &urgency);
      label = gtk_label_new (deadline);
      /* Wide enough for "Due in 5 days" on one line and a date on the
       * next, and no wider, for narrow windows. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 13);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, ls_labels_urgency_css_class (urgency));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  make_link (row);
  return row;
}

/**
 * ls_rows_new_done:
 * @title: that nothing is missing, in words
 *
 * The row that stands in a list of what is missing when nothing is.
 *
 * Returns: (transfer floating): a new #AdwActionRow
 */
GtkWidget *
ls_rows_new_done (const char *title)
{
  GtkWidget *row = new_row (title, NULL);
  GtkWidget *icon = new_decoration ("emblem-ok-symbolic");

  gtk_widget_add_css_class (icon, "success");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/**
 * ls_rows_new_add:
 * @title: (nullable): the row's title, with a mnemonic
 *
 * The last row of a list, which adds an item to it when activated.
 *
 * Returns: (transfer floating): a new #AdwActionRow
 */
GtkWidget *
ls_rows_new_add (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             new_decoration ("list-add-symbolic"));
  return row;
}

/**
 * ls_rows_new_warning_icon:
 * @label: (nullable): what the icon says to assistive technology, when
 *   the row's words do not say it already
 *
 * Returns: (transfer floating): the icon that marks a row as something
 *   still to do
 */
GtkWidget *
ls_rows_new_warning_icon (const char *label)
{
  GtkWidget *icon;

  if (label == NULL)
    icon = new_decoration ("dialog-warning-symbolic");
  else
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  gtk_widget_add_css_class (icon, "warning");
  return icon;
}

/**
 * ls_rows_dup_text:
 * @row: an #AdwEntryRow or another #GtkEditable, or a #GtkTextView
 *
 * Returns: (transfer full) (nullable): what was typed into @row, without
 *   the spaces around it; %NULL when nothing was, as the model keeps an
 *   empty field
 */
char *
ls_rows_dup_text (GtkWidget *row)
{
  char *text;

  g_return_val_if_fail (GTK_IS_EDITABLE (row) || GTK_IS_TEXT_VIEW (row), NULL);

  if (GTK_IS_TEXT_VIEW (row))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else
    {
      text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
    }
  g_strstrip (text);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/**
 * ls_rows_set_text:
 * @row: an #AdwEntryRow or another #GtkEditable, or a #GtkTextView
 * @text: (nullable): what a field of the model holds; %NULL when empty
 */
void
ls_rows_set_text (GtkWidget *row, const char *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (row) || GTK_IS_TEXT_VIEW (row));

  if (GTK_IS_TEXT_VIEW (row))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row)),
                              text != NULL ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static gboolean
activate_focus_row_cb (GtkWidget *window, GVariant *args, gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (!GTK_IS_LIST_BOX_ROW (focus) ||
      !gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (focus)) ||
      !gtk_widget_is_sensitive (focus))
    return FALSE;
  return gtk_widget_activate (focus);
}

/**
 * ls_rows_activate_on_enter:
 * @window: a window with rows in lists
 *
 * Makes Enter on a focused row do what Space and a click do: open it,
 * toggle its check, show its choices.  Otherwise a window's Enter goes to
 * its default button when the focus is on a row itself, and a row of
 * "what is still missing" would finish the wizard instead of opening the
 * step.  Enter in an entry still does what the entry says.
 */
void
ls_rows_activate_on_enter (GtkWindow *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_return_if_fail (GTK_IS_WINDOW (window));

  /* Before the window's own Enter, which activates the default. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_static_name (controller, "ls-rows-enter");
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (
          gtk_shortcut_trigger_parse_string ("Return|KP_Enter|ISO_Enter"),
          gtk_callback_action_new (activate_focus_row_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

/**
 * ls_rows_wrap_headings:
 *
 * Lets the heading of every preferences group under @root wrap onto more
 * lines instead of being cut with an ellipsis: libadwaita 1.2 keeps a
 * group's title on one line, and a heading such as "Punkt 3: När och hur
 * det uppmärksammades" is read whole at 360 pixels only when it wraps.
 */
void
ls_rows_wrap_headings (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "heading") &&
      gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_GROUP) != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (root), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (root), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (root), PANGO_WRAP_WORD_CHAR);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ls_rows_wrap_headings (child);
}
