/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-item-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-a11y.h"
#include "ls-date-row.h"
#include "ls-item-dialog.h"
#include "ls-model.h"
#include "ls-names.h"
#include "ls-pnr.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-text-field.h"

/* Edits one item of a case (an individual, an action, an investigator, a
 * cause, a board notice) from a table of its fields.  The item is the
 * dialog's own: a new one, or a copy the caller puts back.  Save checks
 * every row and marks the bad ones where they are; only a sound item
 * leaves the dialog. */

struct _LsItemDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *save_button;
  AdwPreferencesPage *page;

  GObject *item;
  const LsItemField *fields;
  guint n_fields;
  GPtrArray *rows;     /* one per field */
  char **pnr_original; /* per field: the stored number its mask stands for */
  gboolean refused;
};

G_DEFINE_FINAL_TYPE (LsItemDialog, ls_item_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SET_CHECKS_KEY "ls-item-dialog-checks"

static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '_' || p[1] == '_')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char *
dup_string_property (GObject *item, const char *property)
{
  char *value = NULL;

  g_object_get (item, property, &value, NULL);
  return value;
}

/* An enum's values are named by the model's one table of names, indexed by
 * value; a choice's entries are the field's own. */
static const LsChoice *
get_choices (LsItemDialog *self, const LsItemField *field, guint *n_choices)
{
  if (field->kind == LS_ITEM_FIELD_ENUM)
    {
      GParamSpec *pspec = g_object_class_find_property (
          G_OBJECT_GET_CLASS (self->item), field->property);

      return ls_names_get (pspec->value_type, n_choices);
    }
  *n_choices = field->n_choices;
  return field->choices;
}

static guint
choice_position (const LsChoice *choices, guint n_choices, const char *id)
{
  for (guint i = 0; i < n_choices; i++)
    if (g_strcmp0 (choices[i].id, id) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* A required choice starts on "Choose…", so that nothing is chosen for
 * the user; an optional one can be left at "None". */
static gboolean
choice_has_empty_entry (const LsItemField *field)
{
  return field->kind == LS_ITEM_FIELD_CHOICE;
}

/* The value an enum's entry at @position of the row stands for: only the
 * values with a name are entries, so "not chosen" (a value without one)
 * is never offered. */
static int
enum_value_at (const LsChoice *choices, guint n_choices, guint position)
{
  for (guint i = 0; i < n_choices; i++)
    if (choices[i].id != NULL && position-- == 0)
      return (int) i;
  return -1;
}

static GtkWidget *
make_choice_row (LsItemDialog *self, const LsItemField *field)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  guint n_choices;
  const LsChoice *choices = get_choices (self, field, &n_choices);
  guint selected = 0;
  int current = -1;

  if (choice_has_empty_entry (field))
    gtk_string_list_append (list, (field->flags & LS_ITEM_FIELD_REQUIRED)
                                      ? _ ("Choose…")
                                      : _ ("None"));
  if (field->kind == LS_ITEM_FIELD_CHOICE)
    {
      g_autofree char *id = dup_string_property (self->item, field->property);
      guint position = choice_position (choices, n_choices, id);

      if (position != GTK_INVALID_LIST_POSITION)
        selected = position + 1;
    }
  else
    g_object_get (self->item, field->property, &current, NULL);

  for (guint i = 0; i < n_choices; i++)
    {
      if (field->kind == LS_ITEM_FIELD_ENUM && choices[i].id == NULL)
        continue;
      if (field->kind == LS_ITEM_FIELD_ENUM && (int) i == current)
        selected = g_list_model_get_n_items (G_LIST_MODEL (list));
      gtk_string_list_append (list, _ (choices[i].name));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

/* The expander names what is chosen, so that it says so when closed. */
static void
set_check_toggled_cb (GtkCheckButton *toggled, AdwExpanderRow *row)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), SET_CHECKS_KEY);
  g_autoptr (GString) chosen = g_string_new (NULL);

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (!gtk_check_button_get_active (check))
        continue;
      if (chosen->len > 0)
        g_string_append (chosen, ", ");
      g_string_append (chosen, g_object_get_data (G_OBJECT (check), "name"));
    }
  adw_expander_row_set_subtitle (row,
                                 chosen->len > 0 ? chosen->str : _ ("None"));
}

/* Some of a field's choices, as a check box each under one expander; the
 * property is a string array of their ids. */
static GtkWidget *
make_set_row (LsItemDialog *self, const LsItemField *field)
{
  GtkWidget *row = adw_expander_row_new ();
  GPtrArray *checks = g_ptr_array_new ();
  g_auto (GStrv) ids = NULL;

  /* The check boxes, in the order of the choices, for reading them back. */
  g_object_set_data_full (G_OBJECT (row), SET_CHECKS_KEY, checks,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_get (self->item, field->property, &ids, NULL);
  for (guint i = 0; i < field->n_choices; i++)
    {
      GtkWidget *choice = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* A unit's name is as its organisation wrote it, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (choice), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice),
                                     field->choices[i].name);
      gtk_check_button_set_active (
          GTK_CHECK_BUTTON (check),
          ids != NULL && g_strv_contains ((const char *const *) ids,
                                          field->choices[i].id));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      field->choices[i].name, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (choice), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (choice), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), choice);
      g_ptr_array_add (checks, check);
      g_object_set_data (G_OBJECT (check), "name",
                         (gpointer) field->choices[i].name);
      g_signal_connect (check, "toggled", G_CALLBACK (set_check_toggled_cb),
                        row);
    }
  /* A unit's name is as its organisation wrote it, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  set_check_toggled_cb (NULL, ADW_EXPANDER_ROW (row));
  return row;
}

static GtkWidget *
make_row (LsItemDialog *self, guint index)
{
  const LsItemField *field = &self->fields[index];
  g_autofree char *text = NULL;
  GtkWidget *row = NULL;

  switch (field->kind)
    {
    case LS_ITEM_FIELD_TEXT:
      row = adw_entry_row_new ();
      text = dup_string_property (self->item, field->property);
      gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
      break;
    case LS_ITEM_FIELD_LONG_TEXT:
      row = ls_text_field_new ();
      ls_text_field_set_title (LS_TEXT_FIELD (row), _ (field->title));
      text = dup_string_property (self->item, field->property);
      ls_text_field_set_text (LS_TEXT_FIELD (row), text);
      return row;
    case LS_ITEM_FIELD_DATE:
    case LS_ITEM_FIELD_WHEN:
      row = ls_date_row_new ();
      ls_date_row_set_formats (LS_DATE_ROW (row),
                               field->kind == LS_ITEM_FIELD_DATE
                                   ? LS_DATES_DATE
                                   : LS_DATES_DATE | LS_DATES_DATETIME);
      g_object_set (row, "not-future",
                    (field->flags & LS_ITEM_FIELD_NOT_FUTURE) != 0, NULL);
      text = dup_string_property (self->item, field->property);
      ls_date_row_set_value (LS_DATE_ROW (row), text);
      break;
    case LS_ITEM_FIELD_PNR:
      row = adw_entry_row_new ();
      text = dup_string_property (self->item, field->property);
      if (text != NULL)
        {
          g_autofree char *masked = ls_pnr_mask (text);

          /* The number is never shown in full again; left as it is, the
           * mask keeps the stored number. */
          gtk_editable_set_text (GTK_EDITABLE (row), masked);
          self->pnr_original[index] = g_steal_pointer (&text);
        }
      break;
    case LS_ITEM_FIELD_CHOICE:
    case LS_ITEM_FIELD_ENUM:
      row = make_choice_row (self, field);
      break;
    case LS_ITEM_FIELD_SET:
      row = make_set_row (self, field);
      break;
    case LS_ITEM_FIELD_BOOLEAN:
      {
        GtkWidget *toggle = gtk_switch_new ();
        g_autofree char *plain = strip_mnemonic (_ (field->title));
        gboolean active = FALSE;

        row = adw_action_row_new ();
        g_object_get (self->item, field->property, &active, NULL);
        gtk_switch_set_active (GTK_SWITCH (toggle), active);
        gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
        gtk_accessible_update_property (
            GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (field->title));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  return row;
}

/* Rows go into groups in the order of the fields; a text of several lines
 * stands between groups, since a group lists its rows first. */
static void
build_rows (LsItemDialog *self, const char *description)
{
  AdwPreferencesGroup *group = NULL;

  for (guint i = 0; i < self->n_fields; i++)
    {
      GtkWidget *row = make_row (self, i);

      g_ptr_array_add (self->rows, row);
      if (LS_IS_TEXT_FIELD (row))
        {
          AdwPreferencesGroup *own =
              ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

          if (i == 0 && description != NULL)
            adw_preferences_group_set_description (own, description);
          adw_preferences_group_add (own, row);
          adw_preferences_page_add (self->page, own);
          group = NULL;
          continue;
        }
      if (group == NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          if (i == 0 && description != NULL)
            adw_preferences_group_set_description (group, description);
          adw_preferences_page_add (self->page, group);
        }
      adw_preferences_group_add (group, row);
    }
}

static void
set_string (GObject *item, const char *property, const char *value)
{
  g_object_set (item, property, value, NULL);
}

/* Whether a switch that excuses the excusable fields is on. */
static gboolean
is_excused (LsItemDialog *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (self->fields[i].kind == LS_ITEM_FIELD_BOOLEAN &&
          (self->fields[i].flags & LS_ITEM_FIELD_EXCUSES) &&
          gtk_switch_get_active (GTK_SWITCH (
              adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)))))
        return TRUE;
    }
  return FALSE;
}

/* Reads one row into @item; marks the row and returns FALSE when what it
 * holds is not good. */
static gboolean
read_row (LsItemDialog *self, guint index, GDateTime *now)
{
  const LsItemField *field = &self->fields[index];
  GtkWidget *row = g_ptr_array_index (self->rows, index);
  gboolean required = (field->flags & LS_ITEM_FIELD_REQUIRED) != 0;
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  /* What does not apply is not kept: a board not told has no day. */
  if ((field->flags & LS_ITEM_FIELD_EXCUSABLE) && is_excused (self))
    {
      set_string (self->item, field->property, NULL);
      return TRUE;
    }

  switch (field->kind)
    {
    case LS_ITEM_FIELD_TEXT:
      value = ls_rows_dup_text (row);
      if (value == NULL && required)
        {
          ls_row_set_error (row, _ ("Fill this in."));
          return FALSE;
        }
      set_string (self->item, field->property, value);
      return TRUE;
    case LS_ITEM_FIELD_LONG_TEXT:
      value = ls_text_field_dup_text (LS_TEXT_FIELD (row));
      if (value == NULL && required)
        {
          ls_row_set_error (row, _ ("Fill this in."));
          return FALSE;
        }
      set_string (self->item, field->property, value);
      return TRUE;
    case LS_ITEM_FIELD_DATE:
    case LS_ITEM_FIELD_WHEN:
      if (!ls_date_row_read (LS_DATE_ROW (row), now, &value, &error))
        {
          ls_row_set_error (row, error->message);
          return FALSE;
        }
      if (value == NULL && required)
        {
          ls_row_set_error (row, _ ("Give the date."));
          return FALSE;
        }
      set_string (self->item, field->property, value);
      return TRUE;
    case LS_ITEM_FIELD_PNR:
      {
        g_autofree char *text = ls_rows_dup_text (row);
        g_autofree char *masked = ls_pnr_mask (self->pnr_original[index]);

        if (text == NULL)
          value = NULL;
        else if (self->pnr_original[index] != NULL &&
                 g_str_equal (text, masked))
          value = g_strdup (self->pnr_original[index]);
        else if ((value = ls_pnr_normalize (text, now, &error)) == NULL)
          {
            ls_row_set_error (row, error->message);
            return FALSE;
          }
        set_string (self->item, field->property, value);
        return TRUE;
      }
    case LS_ITEM_FIELD_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

        if (selected == 0 || selected > field->n_choices)
          {
            if (required)
              {
                ls_row_set_error (row, _ ("Choose one."));
                return FALSE;
              }
            set_string (self->item, field->property, NULL);
            return TRUE;
          }
        set_string (self->item, field->property,
                    field->choices[selected - 1].id);
        return TRUE;
      }
    case LS_ITEM_FIELD_ENUM:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
        guint n_choices;
        const LsChoice *choices = get_choices (self, field, &n_choices);
        int chosen = enum_value_at (choices, n_choices, selected);

        if (chosen < 0)
          return TRUE;
        g_object_set (self->item, field->property, chosen, NULL);
        return TRUE;
      }
    case LS_ITEM_FIELD_SET:
      {
        GPtrArray *checks = g_object_get_data (G_OBJECT (row), SET_CHECKS_KEY);
        g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
        g_auto (GStrv) ids = NULL;

        for (guint i = 0; i < checks->len && i < field->n_choices; i++)
          if (gtk_check_button_get_active (
                  GTK_CHECK_BUTTON (g_ptr_array_index (checks, i))))
            g_strv_builder_add (builder, field->choices[i].id);
        ids = g_strv_builder_end (builder);
        if (ids[0] == NULL && required)
          {
            ls_row_set_error (row, _ ("Choose at least one."));
            return FALSE;
          }
        g_object_set (self->item, field->property, ids, NULL);
        return TRUE;
      }
    case LS_ITEM_FIELD_BOOLEAN:
      {
        GtkWidget *toggle =
            adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

        g_object_set (self->item, field->property,
                      gtk_switch_get_active (GTK_SWITCH (toggle)), NULL);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_item_dialog_apply (LS_ITEM_DIALOG (widget));
}

static void
ls_item_dialog_dispose (GObject *object)
{
  LsItemDialog *self = LS_ITEM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_ITEM_DIALOG);
  g_clear_object (&self->item);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_item_dialog_parent_class)->dispose (object);
}

static void
ls_item_dialog_finalize (GObject *object)
{
  LsItemDialog *self = LS_ITEM_DIALOG (object);

  for (guint i = 0; self->pnr_original != NULL && i < self->n_fields; i++)
    g_free (self->pnr_original[i]);
  g_free (self->pnr_original);

  G_OBJECT_CLASS (ls_item_dialog_parent_class)->finalize (object);
}

static void
ls_item_dialog_class_init (LsItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_item_dialog_dispose;
  object_class->finalize = ls_item_dialog_finalize;

  /**
   * LsItemDialog::applied:
   *
   * The rows were good and the item holds them.  A handler that finds
   * something wrong all the same calls ls_item_dialog_set_error() and the
   * dialog stays; otherwise it closes.
   */
  signals[APPLIED] =
      g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LsItemDialog,
                                        window_title);
  gtk_widget_class_bind_template_child (widget_class, LsItemDialog,
                                        save_button);
  gtk_widget_class_bind_template_child (widget_class, LsItemDialog, page);

  gtk_widget_class_install_action (widget_class, "item.save", NULL,
                                   save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return,
                                       GDK_CONTROL_MASK, "item.save", NULL);
}

static void
ls_item_dialog_init (LsItemDialog *self)
{
  g_type_ensure (LS_TYPE_DATE_ROW);
  g_type_ensure (LS_TYPE_TEXT_FIELD);
  gtk_widget_init_template (GTK_WIDGET (self));
  ls_rows_activate_on_enter (GTK_WINDOW (self));
  ls_a11y_name_once (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * ls_item_dialog_new:
 * @parent: the window it belongs to
 * @title: the dialog's title, such as "Individual"
 * @description: (nullable): a sentence above the rows
 * @item: the item to edit, which the dialog takes a reference to and
 *   changes only when Save finds every row good
 * @fields: (array length=n_fields): its fields, in the order shown; the
 *   table must outlive the dialog
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
LsItemDialog *
ls_item_dialog_new (GtkWindow *parent,
                    const char *title,
                    const char *description,
                    GObject *item,
                    const LsItemField *fields,
                    guint n_fields)
{
  LsItemDialog *self;
  int height = 120;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);
  g_return_val_if_fail (fields != NULL && n_fields > 0, NULL);

  self = g_object_new (LS_TYPE_ITEM_DIALOG, "transient-for", parent, "title",
                       title, NULL);
  adw_window_title_set_title (self->window_title, title);
  self->item = g_object_ref (item);
  self->fields = fields;
  self->n_fields = n_fields;
  self->pnr_original = g_new0 (char *, n_fields);
  build_rows (self, description);

  /* Tall enough for the rows without scrolling, where the screen allows. */
  for (guint i = 0; i < n_fields; i++)
    height += fields[i].kind == LS_ITEM_FIELD_LONG_TEXT ? 170 : 60;
  if (description != NULL)
    height += 60;
  gtk_window_set_default_size (GTK_WINDOW (self), 520, MIN (height, 640));

  gtk_widget_grab_focus (g_ptr_array_index (self->rows, 0));
  return self;
}

/**
 * ls_item_dialog_get_item:
 *
 * Returns: (transfer none): the item being edited
 */
GObject *
ls_item_dialog_get_item (LsItemDialog *self)
{
  g_return_val_if_fail (LS_IS_ITEM_DIALOG (self), NULL);

  return self->item;
}

/**
 * ls_item_dialog_get_row:
 * @property: a property of the item
 *
 * Returns: (transfer none) (nullable): the row that edits @property
 */
GtkWidget *
ls_item_dialog_get_row (LsItemDialog *self, const char *property)
{
  g_return_val_if_fail (LS_IS_ITEM_DIALOG (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  for (guint i = 0; i < self->n_fields; i++)
    if (g_str_equal (self->fields[i].property, property))
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

/**
 * ls_item_dialog_set_error:
 * @property: the property whose row is at fault
 * @message: what is wrong
 *
 * Marks the row of @property, and keeps the dialog open when called from
 * an #LsItemDialog::applied handler.
 */
void
ls_item_dialog_set_error (LsItemDialog *self,
                          const char *property,
                          const char *message)
{
  GtkWidget *row;

  g_return_if_fail (LS_IS_ITEM_DIALOG (self));
  g_return_if_fail (message != NULL);

  self->refused = TRUE;
  row = property != NULL ? ls_item_dialog_get_row (self, property) : NULL;
  if (row == NULL)
    row = g_ptr_array_index (self->rows, 0);
  ls_row_set_error (row, message);
  gtk_widget_grab_focus (row);
}

/**
 * ls_item_dialog_apply:
 *
 * What Save does: checks every row, marks the bad ones, and when all are
 * good puts them into the item, emits #LsItemDialog::applied and closes.
 *
 * Returns: whether the item was applied and the dialog closed
 */
gboolean
ls_item_dialog_apply (LsItemDialog *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *bad_path = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *first_bad = NULL;

  g_return_val_if_fail (LS_IS_ITEM_DIALOG (self), FALSE);

  for (guint i = 0; i < self->n_fields; i++)
    if (!read_row (self, i, now) && first_bad == NULL)
      first_bad = g_ptr_array_index (self->rows, i);
  if (first_bad != NULL)
    {
      gtk_widget_grab_focus (first_bad);
      return FALSE;
    }

  /* What the model itself says of the values, with its own message. */
  if (!ls_model_validate (self->item, NULL, &bad_path, &error))
    {
      g_strdelimit (bad_path, "_", '-');
      ls_item_dialog_set_error (self, bad_path, error->message);
      self->refused = FALSE;
      return FALSE;
    }

  self->refused = FALSE;
  g_object_ref (self);
  g_signal_emit (self, signals[APPLIED], 0);
  if (self->refused)
    {
      self->refused = FALSE;
      g_object_unref (self);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}
