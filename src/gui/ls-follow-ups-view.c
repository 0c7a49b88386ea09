/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-follow-ups-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-dates.h"
#include "ls-follow-ups-view.h"
#include "ls-follow-ups.h"
#include "ls-labels.h"
#include "ls-period-chooser.h"
#include "ls-store-statistics.h"
#include "ls-view-load.h"
#include "ls-wizards.h"

/* IVO's third finding, across cases: every remedial and preventive action
 * whose effect for the individual is to be followed up and is not yet
 * evaluated, the overdue first, then those due soon, then the later ones;
 * closed cases included, as a case closed with a follow-up open is not
 * done.  Choosing one opens its case at the step where the follow-up is
 * recorded.  The store reads them off the main loop, again whenever it
 * saves. */

struct _LsFollowUpsView
{
  AdwWindow parent_instance;

  LsContext *context;
  LsStore *store;
  char *today; /* NULL: the clock's */
  GPtrArray *follow_ups;
  LsViewLoad load;
  /* Opening a case is not undone by reading the list again. */
  GCancellable *open_cancellable;
  guint n_shown;

  AdwToastOverlay *toast_overlay;
  LsPeriodChooser *chooser;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkBox *groups_box;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (LsFollowUpsView, ls_follow_ups_view, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The groups, in the order shown, by the urgency of the day. */
static const struct
{
  LsUrgency urgency;
  const char *title;
} groups[] = {
  { LS_URGENCY_OVERDUE, N_ ("Overdue") },
  { LS_URGENCY_SOON, N_ ("Due Soon") },
  { LS_URGENCY_LATER, N_ ("Later") },
};

static void load (LsFollowUpsView *self);

static GDateTime *
dup_today (LsFollowUpsView *self)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  GDate day;

  if (self->today == NULL || !ls_dates_get_day (self->today, &day))
    return g_date_time_new_now_local ();
  return g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day), 12, 0, 0);
}

/* ---- Opening a follow-up --------------------------------------------- */

typedef struct
{
  LsFollowUpsView *self;
  LsStep step;
} Opening;

static void
case_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Opening *opening = user_data;
  g_autoptr (LsFollowUpsView) self = opening->self;
  LsStep step = opening->step;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase =
      ls_store_load_case_finish (LS_STORE (source), result, &error);

  g_free (opening);
  if (lcase == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (error->message));
      return;
    }
  ls_wizards_open (GTK_WINDOW (self), self->context, lcase, step,
                   LS_POINT_NONE);
}

/* A remedial action's follow-up is recorded with the remedial actions, a
 * preventive one's on the step of the follow-up. */
static void
row_activated_cb (AdwActionRow *row, LsFollowUpsView *self)
{
  LsFollowUp *follow_up = g_object_get_data (G_OBJECT (row), "ls-follow-up");
  Opening *opening = g_new0 (Opening, 1);

  opening->self = g_object_ref (self);
  opening->step = follow_up->kind == LS_ACTION_KIND_REMEDIAL
                      ? LS_STEP_REMEDIAL_FOLLOW_UP
                      : LS_STEP_FOLLOW_UP;
  ls_store_load_case_async (self->store, follow_up->case_uuid,
                            self->open_cancellable, case_loaded_cb, opening);
}

/* ---- The list -------------------------------------------------------- */

static GtkWidget *
new_row (LsFollowUpsView *self,
         LsFollowUp *follow_up,
         GDateTime *today,
         LsUrgency *urgency)
{
  GtkWidget *row = adw_action_row_new ();
  LsOrganisation *organisation = ls_context_get_organisation (self->context);
  g_autofree char *when =
      ls_labels_deadline (follow_up->follow_up_on, today, urgency);
  g_autoptr (GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 follow_up->description != NULL
                                     ? follow_up->description
                                     : _ ("An action"));
  /* Translators: a follow-up's case, unit and kind of action, such as
   * "VON-2026-0003 · Solgården · Preventive action" */
  g_string_append_printf (
      subtitle, _ ("%s · %s · %s"),
      follow_up->regno != NULL ? follow_up->regno : _ ("Not registered"),
      ls_labels_unit_name (organisation, follow_up->unit_id),
      follow_up->kind == LS_ACTION_KIND_REMEDIAL ? _ ("Remedial action")
                                                 : _ ("Preventive action"));
  g_string_append_c (subtitle, '\n');
  g_string_append (subtitle, when);
  if (follow_up->closed)
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _ ("Case closed"));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (*urgency == LS_URGENCY_OVERDUE)
    {
      GtkWidget *icon =
          gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, ls_labels_urgency_css_class (*urgency));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Overdue"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "ls-follow-up", follow_up);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  return row;
}

static void
show_follow_ups (LsFollowUpsView *self)
{
  g_autoptr (GDateTime) today = dup_today (self);
  GtkWidget *shown[G_N_ELEMENTS (groups)] = { NULL };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      shown[g] = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (shown[g]),
                                       _ (groups[g].title));
      gtk_widget_set_visible (shown[g], FALSE);
      gtk_box_append (self->groups_box, shown[g]);
    }

  /* The store gives them the earliest first: each group keeps that. */
  for (guint i = 0; i < self->follow_ups->len; i++)
    {
      LsUrgency urgency = LS_URGENCY_NONE;
      GtkWidget *row =
          new_row (self, self->follow_ups->pdata[i], today, &urgency);

      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        if (groups[g].urgency == urgency || g == G_N_ELEMENTS (groups) - 1)
          {
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (shown[g]), row);
            gtk_widget_set_visible (shown[g], TRUE);
            break;
          }
    }
  self->n_shown = self->follow_ups->len;
  gtk_stack_set_visible_child_name (self->stack,
                                    self->n_shown > 0 ? "list" : "empty");
}

static void
loaded (gpointer view, gpointer follow_ups)
{
  LsFollowUpsView *self = view;

  if (follow_ups == NULL)
    {
      self->n_shown = 0;
      return;
    }
  g_clear_pointer (&self->follow_ups, g_ptr_array_unref);
  self->follow_ups = follow_ups;
  show_follow_ups (self);
}

static void
load (LsFollowUpsView *self)
{
  g_auto (GStrv) units = ls_period_chooser_dup_units (self->chooser);

  ls_store_list_follow_ups_async (
      self->store, (const char *const *) units, self->today,
      ls_view_load_start (&self->load, self->follow_ups == NULL),
      ls_view_load_ready, &self->load);
}

static void
chooser_changed_cb (LsFollowUpsView *self)
{
  load (self);
}

/* A follow-up evaluated, or a case saved with a new one, anywhere. */
static void
store_changed_cb (LsFollowUpsView *self)
{
  load (self);
}

/* ---- The object ------------------------------------------------------ */

static void
ls_follow_ups_view_constructed (GObject *object)
{
  LsFollowUpsView *self = LS_FOLLOW_UPS_VIEW (object);

  G_OBJECT_CLASS (ls_follow_ups_view_parent_class)->constructed (object);

  self->store = g_object_ref (ls_context_get_store (self->context));
  ls_period_chooser_set_organisation (
      self->chooser, ls_context_get_organisation (self->context));
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  load (self);
}

static void
ls_follow_ups_view_dispose (GObject *object)
{
  LsFollowUpsView *self = LS_FOLLOW_UPS_VIEW (object);

  ls_view_load_cancel (&self->load);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_FOLLOW_UPS_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->follow_ups, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_follow_ups_view_parent_class)->dispose (object);
}

static void
ls_follow_ups_view_get_property (GObject *object,
                                 guint prop_id,
                                 GValue *value,
                                 GParamSpec *pspec)
{
  LsFollowUpsView *self = LS_FOLLOW_UPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->load.loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_follow_ups_view_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  LsFollowUpsView *self = LS_FOLLOW_UPS_VIEW (object);

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
ls_follow_ups_view_class_init (LsFollowUpsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ls_follow_ups_view_constructed;
  object_class->dispose = ls_follow_ups_view_dispose;
  object_class->get_property = ls_follow_ups_view_get_property;
  object_class->set_property = ls_follow_ups_view_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object (
      "context", NULL, NULL, LS_TYPE_CONTEXT,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean (
      "loading", NULL, NULL, FALSE,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LS_TYPE_PERIOD_CHOOSER);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-follow-ups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LsFollowUpsView,
                                        toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LsFollowUpsView, chooser);
  gtk_widget_class_bind_template_child (widget_class, LsFollowUpsView, stack);
  gtk_widget_class_bind_template_child (widget_class, LsFollowUpsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LsFollowUpsView,
                                        groups_box);
  gtk_widget_class_bind_template_child (widget_class, LsFollowUpsView,
                                        error_page);
  gtk_widget_class_bind_template_callback (widget_class, chooser_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w,
                                       GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ls_follow_ups_view_init (LsFollowUpsView *self)
{
  self->open_cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ls_view_load_init (&self->load, self, properties[PROP_LOADING], self->spinner,
                     self->stack, self->error_page,
                     (LsViewLoadFinish) ls_store_list_follow_ups_finish,
                     loaded);
}

/**
 * ls_follow_ups_view_new:
 *
 * Returns: (transfer full): a window of the follow-ups open in the
 *   context's store, of all units to begin with
 */
LsFollowUpsView *
ls_follow_ups_view_new (LsContext *context)
{
  g_return_val_if_fail (LS_IS_CONTEXT (context), NULL);

  return g_object_new (LS_TYPE_FOLLOW_UPS_VIEW, "context", context, NULL);
}

/**
 * ls_follow_ups_view_set_today:
 * @today: (nullable): the day that tells what is overdue, "YYYY-MM-DD",
 *   or %NULL for the clock's
 */
void
ls_follow_ups_view_set_today (LsFollowUpsView *self, const char *today)
{
  g_return_if_fail (LS_IS_FOLLOW_UPS_VIEW (self));

  g_free (self->today);
  self->today = g_strdup (today);
  load (self);
}

/**
 * ls_follow_ups_view_set_units:
 * @units: (nullable) (array zero-terminated=1): only these units, or
 *   %NULL for all
 */
void
ls_follow_ups_view_set_units (LsFollowUpsView *self, const char *const *units)
{
  g_return_if_fail (LS_IS_FOLLOW_UPS_VIEW (self));

  ls_period_chooser_set_units (self->chooser, units);
  load (self);
}

/**
 * ls_follow_ups_view_get_loading:
 *
 * Returns: whether the follow-ups are being read
 */
gboolean
ls_follow_ups_view_get_loading (LsFollowUpsView *self)
{
  g_return_val_if_fail (LS_IS_FOLLOW_UPS_VIEW (self), FALSE);

  return self->load.loading;
}

/**
 * ls_follow_ups_view_get_n_shown:
 *
 * Returns: how many follow-ups the view lists
 */
guint
ls_follow_ups_view_get_n_shown (LsFollowUpsView *self)
{
  g_return_val_if_fail (LS_IS_FOLLOW_UPS_VIEW (self), 0);

  return self->n_shown;
}
