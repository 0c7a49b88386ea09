/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-attention-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-announce.h"
#include "ls-attention-panel.h"
#include "ls-bidi.h"
#include "ls-dates.h"
#include "ls-labels.h"
#include "ls-people-attention.h"
#include "ls-rows.h"
#include "ls-spinner.h"
#include "ls-toast.h"

/* What needs the manager now, across all cases: the store lists the cases
 * and what the rules say each of them is waiting for
 * (ls_store_list_attention_items_async), and again a moment after every
 * save. */

/* Cases shown at most; the soonest due come first. */
#define MAX_CASES 50
/* Saves often come in bursts (a wizard saves at every step). */
#define RELOAD_DELAY_MS 300
/* Cases made into groups at once, about as many as a window 720 pixels
 * high shows; the others follow a few at a time, each after a frame.  Laying
 * out all 50 groups, their texts wrapped, took the first frame 150 ms and more,
 * while the manager waited for the first few. */
#define FIRST_GROUPS 5
#define MORE_GROUPS 5
/* Cases shown until the manager asks for all: the soonest due, and a row
 * "Show All 50 Cases" below them.  All 50 groups drawn, mostly scrolled
 * out of view, were nineteen in twenty of the window's render nodes, walked
 * at every frame: a keystroke in the search took five times as long. */
#define SHOWN_CASES 8

struct _LsAttentionPanel
{
  AdwBin parent_instance;

  LsStore *store;
  LsContext *context;
  LsOrganisation *organisation;
  gulong changed_id;
  guint reload_id;
  GCancellable *cancellable;
  gboolean loading;
  gboolean shown; /* the first groups of a list found are in */
  guint n_cases;
  GPtrArray *items;  /* of LsAttentionItem, those found */
  guint n_added;     /* of them, made into groups so far */
  guint add_id;      /* adds the next few */
  gboolean expanded; /* all cases found are shown, not only SHOWN_CASES */
  GDateTime *now;

  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *empty_page; /* with list_box, once something is found */
  GtkBox *list_box;
  GPtrArray *groups;
  GtkWidget *people_group;   /* what the register asks, first */
  GtkWidget *show_all_group; /* below the groups, while some are left out */
};

G_DEFINE_FINAL_TYPE (LsAttentionPanel, ls_attention_panel, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_N_CASES,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated_cb (AdwActionRow *row, LsAttentionPanel *self)
{
  g_signal_emit (self, signals[CASE_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), "ls-case-uuid"));
}

static GtkWidget *
create_row (LsAttentionPanel *self,
            LsAttentionItem *item,
            LsRequirement *requirement,
            GDateTime *now)
{
  GtkWidget *row = ls_rows_new_requirement (requirement, now);

  g_object_set_data_full (G_OBJECT (row), "ls-case-uuid",
                          g_strdup (ls_attention_item_get_uuid (item)), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  return row;
}

static void set_loading (LsAttentionPanel *self, gboolean loading);

/* The pages for what is found, built when first needed: the window's
 * first frame shows the panel loading, and built with the panel they
 * were some twenty widgets more for that frame, on pages nobody saw. */
static void
ensure_pages (LsAttentionPanel *self)
{
  g_autoptr (GtkBuilder) builder = NULL;

  if (self->list_box != NULL)
    return;
  builder = gtk_builder_new_from_resource (
      "/com/example/LexSarah/gui/ls-attention-panel-pages.ui");
  self->empty_page =
      ADW_STATUS_PAGE (gtk_builder_get_object (builder, "empty_page"));
  self->list_box = GTK_BOX (gtk_builder_get_object (builder, "list_box"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_add_named (
      self->stack, GTK_WIDGET (gtk_builder_get_object (builder, "list_page")),
      "list");
}

static void
add_group (LsAttentionPanel *self, LsAttentionItem *item)
{
  GPtrArray *requirements = ls_attention_item_get_requirements (item);
  const char *regno = ls_attention_item_get_regno (item);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;

  /* Translators: a case's registration number and unit, "VON-2026-0004
   * · Gruppbostaden Linden". */
  title = ls_bidi_format (
      _ ("%s · %s"), regno != NULL ? regno : _ ("No registration number"),
      ls_labels_unit_name (self->organisation,
                           ls_attention_item_get_unit (item)),
      NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  for (guint k = 0; k < requirements->len; k++)
    adw_preferences_group_add (
        ADW_PREFERENCES_GROUP (group),
        create_row (self, item, requirements->pdata[k], self->now));
  gtk_box_append (self->list_box, group);
  g_ptr_array_add (self->groups, group);
}

/* How many of the cases found the panel shows. */
static guint
n_to_show (LsAttentionPanel *self)
{
  return self->expanded ? self->items->len
                        : MIN (self->items->len, SHOWN_CASES);
}

static void
remove_show_all (LsAttentionPanel *self)
{
  if (self->show_all_group == NULL)
    return;
  gtk_box_remove (self->list_box, self->show_all_group);
  self->show_all_group = NULL;
}

static void add_groups (LsAttentionPanel *self, guint n);
static gboolean add_more_cb (gpointer user_data);

/* Shows the cases left out, and goes on showing them all when the panel
 * is brought up to date after a save: the manager asked for them. */
static void
show_all_activated_cb (AdwActionRow *row, LsAttentionPanel *self)
{
  guint first = self->n_added;

  self->expanded = TRUE;
  /* Hidden rather than removed: it is being activated.  The next list
   * found replaces it. */
  gtk_widget_set_visible (self->show_all_group, FALSE);
  set_loading (self, TRUE);
  add_groups (self, MORE_GROUPS);
  if (self->n_added < self->items->len && self->add_id == 0)
    self->add_id = g_idle_add_full (G_PRIORITY_LOW, add_more_cb, self, NULL);
  /* The row that had the focus is gone: on to the first case it showed,
   * where reading goes on. */
  if (first < self->groups->len)
    gtk_widget_child_focus (self->groups->pdata[first], GTK_DIR_TAB_FORWARD);
}

static void
add_show_all (LsAttentionPanel *self)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  self->show_all_group = adw_preferences_group_new ();
  title = g_strdup_printf (
      ngettext ("Show All %u Case", "Show All %u Cases", self->items->len),
      self->items->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-down-symbolic"));
  g_signal_connect (row, "activated", G_CALLBACK (show_all_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->show_all_group), row);
  gtk_box_append (self->list_box, self->show_all_group);
}

/* Makes up to @n more of the cases shown into groups; the panel is up to
 * date when all are. */
static void
add_groups (LsAttentionPanel *self, guint n)
{
  guint n_shown = n_to_show (self);

  for (; n > 0 && self->n_added < n_shown; n--)
    add_group (self, self->items->pdata[self->n_added++]);
  if (self->n_added < n_shown)
    return;
  if (n_shown < self->items->len && self->show_all_group == NULL)
    add_show_all (self);
  set_loading (self, FALSE);
}

static gboolean
add_more_cb (gpointer user_data)
{
  LsAttentionPanel *self = user_data;

  add_groups (self, MORE_GROUPS);
  if (self->n_added < n_to_show (self))
    return G_SOURCE_CONTINUE;
  self->add_id = 0;
  return G_SOURCE_REMOVE;
}

static void
render (LsAttentionPanel *self, GPtrArray *items)
{
  g_clear_handle_id (&self->add_id, g_source_remove);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_new_now_local ();
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->list_box, self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);
  remove_show_all (self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_ref (items);
  self->n_added = 0;

  ensure_pages (self);
  add_groups (self, FIRST_GROUPS);
  /* After the frame that shows the first ones, at the priority of the
   * panel's own loading: the list of cases and typing come first. */
  if (self->n_added < n_to_show (self))
    self->add_id = g_idle_add_full (G_PRIORITY_LOW, add_more_cb, self, NULL);
  self->shown = TRUE;

  if (items->len == 0 && self->people_group == NULL)
    {
      adw_status_page_set_icon_name (self->empty_page,
                                     "object-select-symbolic");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  if (self->n_cases != items->len)
    {
      self->n_cases = items->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CASES]);
    }
}

static void
set_loading (LsAttentionPanel *self, gboolean loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
attention_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsAttentionPanel) self = user_data;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  items =
      ls_store_list_attention_items_finish (LS_STORE (source), result, &error);
  if (items == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_loading (self, FALSE);
      ls_spinner_stop (self->spinner);
      ls_toast_show (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  ls_spinner_stop (self->spinner);
  render (self, items);
}

static void
people_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsAttentionPanel) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsPeopleRegister) register_ =
      ls_store_load_people_finish (LS_STORE (source), result, &error);
  g_autofree char *today = ls_dates_dup_today (NULL);

  if (register_ == NULL)
    return;
  ensure_pages (self);
  if (self->people_group != NULL)
    gtk_box_remove (self->list_box, self->people_group);
  self->people_group = ls_people_attention_new_group (register_, today);
  if (self->people_group == NULL)
    return;
  gtk_box_prepend (self->list_box, self->people_group);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
reload (LsAttentionPanel *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->add_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->groups->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      ls_spinner_start_later (self->spinner);
    }
  set_loading (self, TRUE);

  /* The store copies the organisation, so that Preferences may change it
   * meanwhile. */
  ls_store_list_attention_items_async (
      self->store, self->organisation, MAX_CASES, self->cancellable,
      attention_loaded_cb, g_object_ref (self));
  ls_store_load_people_async (self->store, self->cancellable, people_loaded_cb,
                              g_object_ref (self));
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  LsAttentionPanel *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (LsStore *store, const char *uuid, LsAttentionPanel *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_id = g_timeout_add_full (G_PRIORITY_DEFAULT, RELOAD_DELAY_MS,
                                        reload_timeout_cb, self, NULL);
  set_loading (self, TRUE);
}

/* Its kind decides which boards must be told, and it names the units:
 * the panel is brought up to date when Preferences save a new one. */
static void
organisation_changed_cb (LsAttentionPanel *self)
{
  if (g_set_object (&self->organisation,
                    ls_context_get_organisation (self->context)))
    reload (self);
}

/* Whether the panel shows what it found, as far as it reaches, for a
 * benchmark of the start (see ls-announce.c): the first cases, about as
 * many as fill it, are drawn; those below follow. */
static gboolean
attention_filled (GtkWidget *widget)
{
  LsAttentionPanel *self = LS_ATTENTION_PANEL (widget);

  return self->shown && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                    "loading") != 0;
}

static void
ls_attention_panel_constructed (GObject *object)
{
  LsAttentionPanel *self = LS_ATTENTION_PANEL (object);

  G_OBJECT_CLASS (ls_attention_panel_parent_class)->constructed (object);

  self->store = g_object_ref (ls_context_get_store (self->context));
  g_set_object (&self->organisation,
                ls_context_get_organisation (self->context));
  g_signal_connect_object (self->context, "notify::organisation",
                           G_CALLBACK (organisation_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->changed_id = g_signal_connect (self->store, "changed",
                                       G_CALLBACK (store_changed_cb), self);
  /* Once the window has drawn its first frame: the list of cases comes
   * first, and this work would compete with it for the database and the
   * processor.  Started at once, beside the list's, the window took twice
   * as long and more to show its first rows. */
  gtk_stack_set_visible_child_name (self->stack, "loading");
  ls_spinner_start_later (self->spinner);
  self->loading = TRUE;
  self->reload_id =
      g_idle_add_full (G_PRIORITY_LOW, reload_timeout_cb, self, NULL);
  ls_announce_when_drawn (GTK_WIDGET (self), "attention-filled",
                          attention_filled);
}

static void
ls_attention_panel_dispose (GObject *object)
{
  LsAttentionPanel *self = LS_ATTENTION_PANEL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->add_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_ATTENTION_PANEL);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_object (&self->context);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (ls_attention_panel_parent_class)->dispose (object);
}

static void
ls_attention_panel_get_property (GObject *object,
                                 guint prop_id,
                                 GValue *value,
                                 GParamSpec *pspec)
{
  LsAttentionPanel *self = LS_ATTENTION_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_N_CASES:
      g_value_set_uint (value, self->n_cases);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_attention_panel_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  LsAttentionPanel *self = LS_ATTENTION_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_attention_panel_class_init (LsAttentionPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ls_attention_panel_constructed;
  object_class->dispose = ls_attention_panel_dispose;
  object_class->get_property = ls_attention_panel_get_property;
  object_class->set_property = ls_attention_panel_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object (
      "context", NULL, NULL, LS_TYPE_CONTEXT,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LsAttentionPanel:n-cases:
   *
   * How many cases need attention now.
   */
  properties[PROP_N_CASES] = g_param_spec_uint (
      "n-cases", NULL, NULL, 0, G_MAXUINT, 0,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * LsAttentionPanel:loading:
   *
   * Whether the panel is being brought up to date.
   */
  properties[PROP_LOADING] = g_param_spec_boolean (
      "loading", NULL, NULL, FALSE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsAttentionPanel::case-activated:
   * @uuid: the case chosen
   */
  signals[CASE_ACTIVATED] = g_signal_new (
      "case-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
      NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-attention-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LsAttentionPanel,
                                        spinner);
}

static void
ls_attention_panel_init (LsAttentionPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin owns its child, and disposes it. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  self->groups = g_ptr_array_new ();
}

LsAttentionPanel *
ls_attention_panel_new (LsContext *context)
{
  g_return_val_if_fail (LS_IS_CONTEXT (context), NULL);

  return g_object_new (LS_TYPE_ATTENTION_PANEL, "context", context, NULL);
}

guint
ls_attention_panel_get_n_cases (LsAttentionPanel *self)
{
  g_return_val_if_fail (LS_IS_ATTENTION_PANEL (self), 0);

  return self->n_cases;
}

gboolean
ls_attention_panel_get_loading (LsAttentionPanel *self)
{
  g_return_val_if_fail (LS_IS_ATTENTION_PANEL (self), FALSE);

  return self->loading;
}
