/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-item-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-item-list.h"
#include "ls-model.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-toast.h"

/* The items of a list of the case (individuals, actions, investigators,
 * causes, board notices) as rows: activating one edits it in an
 * #LsItemDialog, its button removes it, and the last row adds one.  The
 * store is the case's own, so the wizard saves what the list changed when
 * it emits "changed". */

struct _LsItemList
{
  AdwPreferencesGroup parent_instance;

  GListStore *model;
  const LsItemListSpec *spec;
  gpointer user_data;
  gulong items_changed_id;

  char *add_label;
  char *dialog_title;
  char *dialog_description;

  GPtrArray *rows; /* the item rows, in order */
  GtkWidget *add_row;
  LsItemDialog *dialog; /* weak */
  gboolean locked;
};

G_DEFINE_FINAL_TYPE (LsItemList, ls_item_list, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_ADD_LABEL,
  PROP_DIALOG_TITLE,
  PROP_DIALOG_DESCRIPTION,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ITEM_KEY "ls-item"

static gboolean
item_is_shown (LsItemList *self, GObject *item)
{
  return self->spec->filter == NULL ||
         self->spec->filter (item, self->user_data);
}

static void
applied_new_cb (LsItemList *self, LsItemDialog *dialog)
{
  g_list_store_append (self->model, ls_item_dialog_get_item (dialog));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
applied_edit_cb (LsItemList *self, LsItemDialog *dialog)
{
  GObject *original = g_object_get_data (G_OBJECT (dialog), ITEM_KEY);
  GObject *edited = ls_item_dialog_get_item (dialog);
  guint position;

  /* The list may have changed under the dialog; an item that is gone
   * stays gone. */
  if (!g_list_store_find (self->model, original, &position))
    return;
  g_list_store_splice (self->model, position, 1, (gpointer *) &edited, 1);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
row_activated_cb (LsItemList *self, AdwActionRow *row)
{
  ls_item_list_open_dialog (self, g_object_get_data (G_OBJECT (row), ITEM_KEY));
}

static void
add_activated_cb (LsItemList *self)
{
  ls_item_list_open_dialog (self, NULL);
}

/* What a toast's Undo puts back: the item where it was, in the store it
 * was removed from, while the list is still there to save it. */
typedef struct
{
  GWeakRef list;
  GListStore *model;
  GObject *item;
  guint position;
} Removed;

static void
removed_free (gpointer data, GClosure *closure)
{
  Removed *removed = data;

  g_weak_ref_clear (&removed->list);
  g_object_unref (removed->model);
  g_object_unref (removed->item);
  g_free (removed);
}

static void
undo_clicked_cb (AdwToast *toast, Removed *removed)
{
  g_autoptr (LsItemList) self = g_weak_ref_get (&removed->list);
  guint n;

  if (self == NULL || self->model != removed->model || self->locked ||
      g_list_store_find (removed->model, removed->item, NULL))
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (removed->model));
  g_list_store_insert (removed->model, MIN (removed->position, n),
                       removed->item);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (LsItemList *self, GtkButton *button)
{
  GObject *item = g_object_get_data (G_OBJECT (button), ITEM_KEY);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *message = NULL;
  Removed *removed;
  AdwToast *toast;
  guint position;

  if (self->locked || !g_list_store_find (self->model, item, &position))
    return;
  title = self->spec->describe (item, &subtitle);
  removed = g_new0 (Removed, 1);
  g_weak_ref_init (&removed->list, self);
  removed->model = g_object_ref (self->model);
  removed->item = g_object_ref (item);
  removed->position = position;

  g_list_store_remove (self->model, position);
  gtk_widget_grab_focus (self->add_row);
  g_signal_emit (self, signals[CHANGED], 0);

  /* No removal without a way back (the HIG's undo toast). */
  /* Translators: %s is the item removed, such as a cause or a name. */
  message = ls_bidi_format (_ ("“%s” removed"), title, NULL);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                         removed, removed_free, 0);
  ls_toast_show (GTK_WIDGET (self), toast);
}

static GtkWidget *
make_row (LsItemList *self, GObject *item)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *title = self->spec->describe (item, &subtitle);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* What the user wrote is text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data_full (G_OBJECT (row), ITEM_KEY, g_object_ref (item),
                          g_object_unref);
  /* Locked: read, never changed or removed. */
  if (self->locked)
    return row;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _ ("Edit"));
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb),
                           self, G_CONNECT_SWAPPED);

  /* Translators: the accessible name of a button; %s is an item of a
   * list, such as a person's name or an action. */
  remove_label = ls_bidi_format (_ ("Remove “%s”"), title, NULL);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove"));
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), ITEM_KEY, g_object_ref (item),
                          g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
rebuild (LsItemList *self)
{
  GtkWidget *focused = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint focus_index = G_MAXUINT;

  /* Keyboard users keep their place when the rows are made anew. */
  if (root != NULL)
    focused = gtk_root_get_focus (root);
  for (guint i = 0; focused != NULL && i < self->rows->len; i++)
    if (gtk_widget_is_ancestor (focused, g_ptr_array_index (self->rows, i)) ||
        focused == g_ptr_array_index (self->rows, i))
      focus_index = i;

  ls_rows_remove (ADW_PREFERENCES_GROUP (self), self->rows);
  /* A locked list has no row to add with. */
  if (gtk_widget_get_parent (self->add_row) != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->add_row);
  if (self->model != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->model));
         i++)
      {
        g_autoptr (GObject) item =
            g_list_model_get_item (G_LIST_MODEL (self->model), i);
        GtkWidget *row;

        if (!item_is_shown (self, item))
          continue;
        row = make_row (self, item);
        g_ptr_array_add (self->rows, row);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      }
  if (!self->locked)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);

  if (focus_index != G_MAXUINT && !self->locked)
    gtk_widget_grab_focus (focus_index < self->rows->len
                               ? g_ptr_array_index (self->rows, focus_index)
                               : self->add_row);
}

static void
items_changed_cb (LsItemList *self)
{
  rebuild (self);
}

static void
ls_item_list_dispose (GObject *object)
{
  LsItemList *self = LS_ITEM_LIST (object);

  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog),
                                    (gpointer *) &self->dialog);
      gtk_window_destroy (GTK_WINDOW (self->dialog));
      self->dialog = NULL;
    }
  g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);
  if (self->rows != NULL)
    ls_rows_remove (ADW_PREFERENCES_GROUP (self), self->rows);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->add_row);

  G_OBJECT_CLASS (ls_item_list_parent_class)->dispose (object);
}

static void
ls_item_list_finalize (GObject *object)
{
  LsItemList *self = LS_ITEM_LIST (object);

  g_free (self->add_label);
  g_free (self->dialog_title);
  g_free (self->dialog_description);

  G_OBJECT_CLASS (ls_item_list_parent_class)->finalize (object);
}

static void
set_string_member (LsItemList *self,
                   char **member,
                   const char *value,
                   guint prop_id)
{
  if (g_strcmp0 (*member, value) == 0)
    return;
  g_free (*member);
  *member = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
ls_item_list_get_property (GObject *object,
                           guint prop_id,
                           GValue *value,
                           GParamSpec *pspec)
{
  LsItemList *self = LS_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_ADD_LABEL:
      g_value_set_string (value, self->add_label);
      break;
    case PROP_DIALOG_TITLE:
      g_value_set_string (value, self->dialog_title);
      break;
    case PROP_DIALOG_DESCRIPTION:
      g_value_set_string (value, self->dialog_description);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_item_list_set_property (GObject *object,
                           guint prop_id,
                           const GValue *value,
                           GParamSpec *pspec)
{
  LsItemList *self = LS_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_ADD_LABEL:
      set_string_member (self, &self->add_label, g_value_get_string (value),
                         prop_id);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row),
                                     self->add_label != NULL ? self->add_label
                                                             : "");
      break;
    case PROP_DIALOG_TITLE:
      set_string_member (self, &self->dialog_title, g_value_get_string (value),
                         prop_id);
      break;
    case PROP_DIALOG_DESCRIPTION:
      set_string_member (self, &self->dialog_description,
                         g_value_get_string (value), prop_id);
      break;
    case PROP_LOCKED:
      ls_item_list_set_locked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_item_list_class_init (LsItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ls_item_list_dispose;
  object_class->finalize = ls_item_list_finalize;
  object_class->get_property = ls_item_list_get_property;
  object_class->set_property = ls_item_list_set_property;

  properties[PROP_ADD_LABEL] = g_param_spec_string (
      "add-label", "Add label", "The title of the row that adds an item", NULL,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIALOG_TITLE] = g_param_spec_string (
      "dialog-title", "Dialog title", "The title of an item's dialog", NULL,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIALOG_DESCRIPTION] = g_param_spec_string (
      "dialog-description", "Dialog description",
      "A sentence above the rows of an item's dialog", NULL,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * LsItemList:locked:
   *
   * Whether the items are only shown: no adding, editing or removing, as
   * in a concluded investigation until it is reopened.
   */
  properties[PROP_LOCKED] = g_param_spec_boolean (
      "locked", "Locked", "Whether the items can only be read", FALSE,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsItemList::changed:
   *
   * An item was added, edited or removed, in the store.
   */
  signals[CHANGED] =
      g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ls_item_list_init (LsItemList *self)
{
  self->rows = g_ptr_array_new ();
  /* Held, since it leaves the group whenever the rows are made anew. */
  self->add_row = g_object_ref_sink (ls_rows_new_add (NULL));
  g_signal_connect_object (self->add_row, "activated",
                           G_CALLBACK (add_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);
}

GtkWidget *
ls_item_list_new (void)
{
  return g_object_new (LS_TYPE_ITEM_LIST, NULL);
}

/**
 * ls_item_list_bind:
 * @model: the case's store of items, changed in place
 * @spec: (nullable): what the items are; must outlive the list
 * @user_data: passed to @spec's functions
 *
 * Shows @model, or nothing when it is %NULL.
 */
void
ls_item_list_bind (LsItemList *self,
                   GListStore *model,
                   const LsItemListSpec *spec,
                   gpointer user_data)
{
  g_return_if_fail (LS_IS_ITEM_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_STORE (model));
  g_return_if_fail (model == NULL || spec != NULL);

  g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, model);
  self->spec = spec;
  self->user_data = user_data;
  if (model != NULL)
    self->items_changed_id = g_signal_connect_object (
        model, "items-changed", G_CALLBACK (items_changed_cb), self,
        G_CONNECT_SWAPPED);
  rebuild (self);
}

/**
 * ls_item_list_open_dialog:
 * @item: (nullable): an item of the list to edit, or %NULL to add one
 *
 * What activating a row does: opens the dialog for @item, or for a new
 * item.  The item changes in the store only when the dialog is saved.
 *
 * Returns: (transfer none): the dialog, already presented
 */
LsItemDialog *
ls_item_list_open_dialog (LsItemList *self, GObject *item)
{
  g_autoptr (GObject) edited = NULL;
  GtkRoot *root;

  g_return_val_if_fail (LS_IS_ITEM_LIST (self), NULL);
  g_return_val_if_fail (self->model != NULL, NULL);

  if (self->dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->dialog));
      return self->dialog;
    }

  if (item != NULL)
    {
      edited = g_object_new (G_OBJECT_TYPE (item), NULL);
      ls_model_copy (edited, item);
    }
  else
    {
      edited = self->spec->create (self->user_data);
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->dialog =
      ls_item_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                          self->dialog_title != NULL ? self->dialog_title : "",
                          self->dialog_description, edited, self->spec->fields,
                          self->spec->n_fields);
  g_object_add_weak_pointer (G_OBJECT (self->dialog),
                             (gpointer *) &self->dialog);
  if (item != NULL)
    {
      g_object_set_data_full (G_OBJECT (self->dialog), ITEM_KEY,
                              g_object_ref (item), g_object_unref);
      g_signal_connect_object (self->dialog, "applied",
                               G_CALLBACK (applied_edit_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      g_signal_connect_object (self->dialog, "applied",
                               G_CALLBACK (applied_new_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->dialog));
  return self->dialog;
}

/**
 * ls_item_list_set_item_error:
 * @item: an item of the list
 * @message: (nullable): what is wrong with it, or %NULL
 *
 * Marks the row of @item, for a fault found in the whole case.
 */
void
ls_item_list_set_item_error (LsItemList *self,
                             GObject *item,
                             const char *message)
{
  g_return_if_fail (LS_IS_ITEM_LIST (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (g_object_get_data (G_OBJECT (row), ITEM_KEY) == item)
        ls_row_set_error (row, message);
    }
}

/**
 * ls_item_list_get_n_shown:
 *
 * Returns: how many items the list shows
 */
guint
ls_item_list_get_n_shown (LsItemList *self)
{
  g_return_val_if_fail (LS_IS_ITEM_LIST (self), 0);

  return self->rows->len;
}

/**
 * ls_item_list_set_locked:
 * @locked: whether the items can only be read
 *
 * Locks the list, as in a concluded investigation: the items are shown,
 * and none can be added, edited or removed.
 */
void
ls_item_list_set_locked (LsItemList *self, gboolean locked)
{
  g_return_if_fail (LS_IS_ITEM_LIST (self));

  locked = !!locked;
  if (self->locked == locked)
    return;
  self->locked = locked;
  if (locked && self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}
