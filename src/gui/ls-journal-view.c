/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-journal-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-journal-view.h"
#include "ls-labels.h"
#include "ls-rows.h"

/* The documented items of one point of 5 kap. 2 §, read-only: the
 * journal only grows.  An item that a later one corrects stays, marked as
 * corrected; the others offer "Correct", which adds such a later item.
 * The last row adds an item about this point.  In a concluded
 * investigation the view is locked: the items are read, and nothing is
 * added or corrected until the investigation is reopened. */

struct _LsJournalView
{
  AdwPreferencesGroup parent_instance;

  LsPoints point;
  GListStore *journal;
  gulong items_changed_id;
  GPtrArray *rows;
  GtkWidget *add_row;
  gboolean locked;
};

G_DEFINE_FINAL_TYPE (LsJournalView, ls_journal_view, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_POINT,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  ADD,
  CORRECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ITEM_KEY "ls-journal-item"

static LsJournalItem *
find_correction (GListStore *journal, LsJournalItem *item)
{
  const char *uuid = ls_journal_item_get_uuid (item);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (journal)); i++)
    {
      g_autoptr (LsJournalItem) other =
          g_list_model_get_item (G_LIST_MODEL (journal), i);

      if (g_strcmp0 (ls_journal_item_get_corrects (other), uuid) == 0)
        return other;
    }
  return NULL;
}

static LsJournalItem *
find_by_uuid (GListStore *journal, const char *uuid)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (journal)); i++)
    {
      g_autoptr (LsJournalItem) other =
          g_list_model_get_item (G_LIST_MODEL (journal), i);

      if (g_strcmp0 (ls_journal_item_get_uuid (other), uuid) == 0)
        return other;
    }
  return NULL;
}

static char *
dup_description (LsJournalView *self, LsJournalItem *item)
{
  g_autofree char *day =
      ls_dates_format_display (ls_journal_item_get_documented_on (item));
  g_autoptr (GString) out = g_string_new (NULL);
  const char *kind =
      ls_labels_value (LS_TYPE_JOURNAL_KIND, ls_journal_item_get_kind (item));

  if (ls_journal_item_get_corrects (item) != NULL)
    {
      LsJournalItem *old =
          find_by_uuid (self->journal, ls_journal_item_get_corrects (item));
      g_autofree char *old_day =
          old != NULL ? ls_dates_format_display (
                            ls_journal_item_get_documented_on (old))
                      : NULL;

      /* Translators: %s is the day of the item being corrected. */
      g_string_append_printf (out, _ ("Corrects the item of %s"),
                              old_day != NULL ? old_day : "");
      g_string_append (out, " · ");
    }
  g_string_append (out, day);
  if (kind != NULL)
    g_string_append_printf (out, " · %s", kind);
  if (ls_journal_item_get_source (item) != NULL)
    /* Translators: where a documented item comes from. */
    {
      g_autofree char *source =
          ls_bidi_isolate (ls_journal_item_get_source (item));

      g_string_append_printf (out, " · %s %s", _ ("Source:"), source);
    }
  if (ls_journal_item_get_author_name (item) != NULL)
    {
      g_autofree char *author =
          ls_journal_item_get_author_title (item) != NULL
              ? ls_bidi_format (" · %s, %s",
                                ls_journal_item_get_author_name (item),
                                ls_journal_item_get_author_title (item), NULL)
              : ls_bidi_format (" · %s", ls_journal_item_get_author_name (item),
                                NULL);

      g_string_append (out, author);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
correct_clicked_cb (LsJournalView *self, GtkButton *button)
{
  g_signal_emit (self, signals[CORRECT], 0,
                 g_object_get_data (G_OBJECT (button), ITEM_KEY));
}

static void
add_activated_cb (LsJournalView *self)
{
  g_signal_emit (self, signals[ADD], 0);
}

static GtkWidget *
make_row (LsJournalView *self, LsJournalItem *item)
{
  g_autofree char *subtitle = dup_description (self, item);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ls_journal_item_get_text (item) != NULL
                                     ? ls_journal_item_get_text (item)
                                     : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), ITEM_KEY, g_object_ref (item),
                          g_object_unref);

  if (find_correction (self->journal, item) != NULL)
    {
      GtkWidget *label = gtk_label_new (_ ("Corrected"));

      /* It stays, for the record, but is not what the case rests on. */
      gtk_widget_add_css_class (row, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else if (!self->locked)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_ ("C_orrect…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (
          button, _ ("Add a new item that corrects this one; this one stays"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Correct this item"), -1);
      g_object_set_data_full (G_OBJECT (button), ITEM_KEY, g_object_ref (item),
                              g_object_unref);
      g_signal_connect_object (button, "clicked",
                               G_CALLBACK (correct_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
rebuild (LsJournalView *self)
{
  ls_rows_remove (ADW_PREFERENCES_GROUP (self), self->rows);
  if (gtk_widget_get_parent (self->add_row) != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->add_row);
  if (self->journal != NULL)
    for (guint i = 0;
         i < g_list_model_get_n_items (G_LIST_MODEL (self->journal)); i++)
      {
        g_autoptr (LsJournalItem) item =
            g_list_model_get_item (G_LIST_MODEL (self->journal), i);
        GtkWidget *row;

        if (!(ls_journal_item_get_points (item) & self->point))
          continue;
        row = make_row (self, item);
        g_ptr_array_add (self->rows, row);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      }
  if (!self->locked)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);
}

static void
ls_journal_view_dispose (GObject *object)
{
  LsJournalView *self = LS_JOURNAL_VIEW (object);

  g_clear_signal_handler (&self->items_changed_id, self->journal);
  g_clear_object (&self->journal);
  if (self->rows != NULL)
    ls_rows_remove (ADW_PREFERENCES_GROUP (self), self->rows);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->add_row);

  G_OBJECT_CLASS (ls_journal_view_parent_class)->dispose (object);
}

static void
ls_journal_view_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  LsJournalView *self = LS_JOURNAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_POINT:
      g_value_set_flags (value, self->point);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_journal_view_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  LsJournalView *self = LS_JOURNAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_POINT:
      ls_journal_view_set_point (self, g_value_get_flags (value));
      break;
    case PROP_LOCKED:
      ls_journal_view_set_locked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_journal_view_class_init (LsJournalViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ls_journal_view_dispose;
  object_class->get_property = ls_journal_view_get_property;
  object_class->set_property = ls_journal_view_set_property;

  properties[PROP_POINT] = g_param_spec_flags (
      "point", "Point", "The point of 5 kap. 2 § whose items are shown",
      LS_TYPE_POINTS, LS_POINT_NONE,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * LsJournalView:locked:
   *
   * Whether the items can only be read, as in a concluded investigation.
   */
  properties[PROP_LOCKED] = g_param_spec_boolean (
      "locked", "Locked", "Whether the items can only be read", FALSE,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsJournalView::add:
   *
   * The user wants to add an item about this point.
   */
  signals[ADD] =
      g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * LsJournalView::correct:
   * @item: the item to correct
   *
   * The user wants to add an item that corrects @item.
   */
  signals[CORRECT] =
      g_signal_new ("correct", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 1, LS_TYPE_JOURNAL_ITEM);
}

static void
ls_journal_view_init (LsJournalView *self)
{
  self->rows = g_ptr_array_new ();
  /* Held, since it leaves the group whenever the rows are made anew. */
  self->add_row =
      g_object_ref_sink (ls_rows_new_add (_ ("_Add Documented Item…")));
  g_signal_connect_object (self->add_row, "activated",
                           G_CALLBACK (add_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);
}

GtkWidget *
ls_journal_view_new (void)
{
  return g_object_new (LS_TYPE_JOURNAL_VIEW, NULL);
}

LsPoints
ls_journal_view_get_point (LsJournalView *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_VIEW (self), LS_POINT_NONE);

  return self->point;
}

void
ls_journal_view_set_point (LsJournalView *self, LsPoints point)
{
  g_return_if_fail (LS_IS_JOURNAL_VIEW (self));

  if (self->point == point)
    return;
  self->point = point;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINT]);
}

static void
items_changed_cb (LsJournalView *self)
{
  rebuild (self);
}

/**
 * ls_journal_view_bind:
 * @journal: (nullable): the investigation's journal
 */
void
ls_journal_view_bind (LsJournalView *self, GListStore *journal)
{
  g_return_if_fail (LS_IS_JOURNAL_VIEW (self));
  g_return_if_fail (journal == NULL || G_IS_LIST_STORE (journal));

  g_clear_signal_handler (&self->items_changed_id, self->journal);
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    self->items_changed_id = g_signal_connect_object (
        journal, "items-changed", G_CALLBACK (items_changed_cb), self,
        G_CONNECT_SWAPPED);
  rebuild (self);
}

/**
 * ls_journal_view_get_n_shown:
 *
 * Returns: how many items the view shows, corrected ones included
 */
guint
ls_journal_view_get_n_shown (LsJournalView *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_VIEW (self), 0);

  return self->rows->len;
}

/**
 * ls_journal_view_set_locked:
 * @locked: whether the items can only be read
 *
 * Locks the view, as in a concluded investigation: the items are shown,
 * and none can be added or corrected.
 */
void
ls_journal_view_set_locked (LsJournalView *self, gboolean locked)
{
  g_return_if_fail (LS_IS_JOURNAL_VIEW (self));

  locked = !!locked;
  if (self->locked == locked)
    return;
  self->locked = locked;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}
