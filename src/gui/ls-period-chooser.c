/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-period-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-period-chooser.h"
#include "ls-unit.h"

/* The choice of a period (a month, a quarter, a year, or from–to) and of
 * the units to count, as the statistics, the learning digest and the
 * follow-ups due are chosen; the follow-ups, which have no period, show
 * the units alone.  "changed" says that the choice changed; the query is
 * read with ls_period_chooser_dup_query(), which names what is wrong with
 * a period typed by hand. */

typedef enum
{
  KIND_MONTH,
  KIND_QUARTER,
  KIND_YEAR,
  KIND_CUSTOM,
} PeriodKind;

/* How many periods back the period list offers. */
static const guint n_periods[] = { 24, 8, 6, 0 };

typedef struct
{
  int year;
  int number; /* month or quarter */
} Period;

struct _LsPeriodChooser
{
  AdwBin parent_instance;

  GArray *periods; /* Period */
  GPtrArray *unit_checks;
  gboolean updating;
  gboolean show_period;

  GtkWidget *bar;
  GtkDropDown *kind_dropdown;
  GtkDropDown *period_dropdown;
  GtkMenuButton *units_button;
  GtkBox *units_box;
  GtkRevealer *custom_revealer;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
};

G_DEFINE_FINAL_TYPE (LsPeriodChooser, ls_period_chooser, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SHOW_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (LsPeriodChooser *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static char *
dup_period_label (PeriodKind kind, const Period *period)
{
  g_autoptr (GDateTime) month = NULL;

  switch (kind)
    {
    case KIND_MONTH:
      month = g_date_time_new_utc (period->year, period->number, 1, 0, 0, 0);
      return g_date_time_format (month, "%B %Y");
    case KIND_QUARTER:
      /* TRANSLATORS: a quarter of a year, such as "Q1 2026" */
      return g_strdup_printf (_ ("Q%d %d"), period->number, period->year);
    case KIND_YEAR:
    case KIND_CUSTOM:
    default:
      return g_strdup_printf ("%d", period->year);
    }
}

/* Whether a choice of a period of its own is shown: a period typed by
 * hand shows its days instead of the list. */
static void
update_visible (LsPeriodChooser *self)
{
  PeriodKind kind = gtk_drop_down_get_selected (self->kind_dropdown);

  gtk_widget_set_visible (GTK_WIDGET (self->kind_dropdown), self->show_period);
  gtk_widget_set_visible (GTK_WIDGET (self->period_dropdown),
                          self->show_period && kind != KIND_CUSTOM);
  gtk_revealer_set_reveal_child (self->custom_revealer,
                                 self->show_period && kind == KIND_CUSTOM);
  /* A hidden revealer still asks for its child's width. */
  gtk_widget_set_visible (GTK_WIDGET (self->custom_revealer),
                          self->show_period);
  /* Alone, the units' button says what it chooses, and fits a header
   * bar. */
  g_object_set (self->bar, "margin-start", self->show_period ? 6 : 0,
                "margin-end", self->show_period ? 6 : 0, "margin-top",
                self->show_period ? 6 : 0, "margin-bottom",
                self->show_period ? 6 : 0, NULL);
  if (self->show_period)
    gtk_menu_button_set_icon_name (self->units_button,
                                   "view-more-horizontal-symbolic");
  else
    gtk_menu_button_set_label (self->units_button, _ ("Units"));
}

/* The periods up to the present, the latest first. */
static void
fill_periods (LsPeriodChooser *self)
{
  PeriodKind kind = gtk_drop_down_get_selected (self->kind_dropdown);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  Period period = { g_date_time_get_year (now), g_date_time_get_month (now) };
  gboolean updating = self->updating;

  if (kind == KIND_QUARTER)
    period.number = (period.number - 1) / 3 + 1;
  g_array_set_size (self->periods, 0);
  for (guint i = 0; kind < G_N_ELEMENTS (n_periods) && i < n_periods[kind]; i++)
    {
      g_autofree char *label = dup_period_label (kind, &period);

      g_array_append_val (self->periods, period);
      gtk_string_list_append (labels, label);
      if (kind == KIND_YEAR || --period.number == 0)
        {
          period.year--;
          period.number = kind == KIND_MONTH ? 12 : 4;
        }
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->period_dropdown, 0);
  self->updating = updating;
  update_visible (self);
}

static void
kind_changed_cb (LsPeriodChooser *self)
{
  fill_periods (self);
  /* A period typed by hand counts once its days are given. */
  if (gtk_drop_down_get_selected (self->kind_dropdown) != KIND_CUSTOM)
    emit_changed (self);
}

static void
custom_changed_cb (LsPeriodChooser *self)
{
  emit_changed (self);
}

static void
ls_period_chooser_dispose (GObject *object)
{
  LsPeriodChooser *self = LS_PERIOD_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_PERIOD_CHOOSER);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->unit_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_period_chooser_parent_class)->dispose (object);
}

static void
ls_period_chooser_get_property (GObject *object,
                                guint prop_id,
                                GValue *value,
                                GParamSpec *pspec)
{
  LsPeriodChooser *self = LS_PERIOD_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_SHOW_PERIOD:
      g_value_set_boolean (value, self->show_period);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_period_chooser_set_property (GObject *object,
                                guint prop_id,
                                const GValue *value,
                                GParamSpec *pspec)
{
  LsPeriodChooser *self = LS_PERIOD_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_SHOW_PERIOD:
      ls_period_chooser_set_show_period (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_period_chooser_class_init (LsPeriodChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_period_chooser_dispose;
  object_class->get_property = ls_period_chooser_get_property;
  object_class->set_property = ls_period_chooser_set_property;

  /**
   * LsPeriodChooser:show-period:
   *
   * Whether a period is chosen, or the units alone.
   */
  properties[PROP_SHOW_PERIOD] = g_param_spec_boolean (
      "show-period", NULL, NULL, TRUE,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsPeriodChooser::changed:
   *
   * The user chose another period or other units.
   */
  signals[SIGNAL_CHANGED] =
      g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-period-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, LsPeriodChooser, bar);
  gtk_widget_class_bind_template_child (widget_class, LsPeriodChooser,
                                        kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LsPeriodChooser,
                                        period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LsPeriodChooser,
                                        units_button);
  gtk_widget_class_bind_template_child (widget_class, LsPeriodChooser,
                                        units_box);
  gtk_widget_class_bind_template_child (widget_class, LsPeriodChooser,
                                        custom_revealer);
  gtk_widget_class_bind_template_child (widget_class, LsPeriodChooser,
                                        from_entry);
  gtk_widget_class_bind_template_child (widget_class, LsPeriodChooser,
                                        to_entry);
  gtk_widget_class_bind_template_callback (widget_class, custom_changed_cb);
}

static void
ls_period_chooser_init (LsPeriodChooser *self)
{
  self->periods = g_array_new (FALSE, FALSE, sizeof (Period));
  self->unit_checks = g_ptr_array_new ();
  self->show_period = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The present quarter to begin with, without a "changed": the owner
   * reads the first choice when it is ready. */
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, KIND_QUARTER);
  fill_periods (self);
  self->updating = FALSE;
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (kind_changed_cb), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected",
                            G_CALLBACK (emit_changed), self);
}

/**
 * ls_period_chooser_new:
 *
 * Returns: (transfer floating): a chooser of the present quarter and all
 *   units
 */
GtkWidget *
ls_period_chooser_new (void)
{
  return g_object_new (LS_TYPE_PERIOD_CHOOSER, NULL);
}

/**
 * ls_period_chooser_set_organisation:
 *
 * Offers the units of @organisation, none chosen (all counted).
 */
void
ls_period_chooser_set_organisation (LsPeriodChooser *self,
                                    LsOrganisation *organisation)
{
  GListModel *units;
  GtkWidget *child;
  GtkWidget *hint;

  g_return_if_fail (LS_IS_PERIOD_CHOOSER (self));
  g_return_if_fail (LS_IS_ORGANISATION (organisation));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->units_box))))
    gtk_box_remove (self->units_box, child);
  g_ptr_array_set_size (self->unit_checks, 0);

  hint = gtk_label_new (_ ("All units are counted when none is chosen."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 30);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (self->units_box, hint);
  units = G_LIST_MODEL (ls_organisation_get_units (organisation));
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (units, i);
      GtkWidget *check =
          gtk_check_button_new_with_label (ls_unit_get_name (unit));

      g_object_set_data_full (G_OBJECT (check), "unit-id",
                              g_strdup (ls_unit_get_id (unit)), g_free);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (emit_changed),
                                self);
      g_ptr_array_add (self->unit_checks, check);
      gtk_box_append (self->units_box, check);
    }
}

/**
 * ls_period_chooser_set_show_period:
 * @show_period: whether a period is chosen, or the units alone
 */
void
ls_period_chooser_set_show_period (LsPeriodChooser *self, gboolean show_period)
{
  g_return_if_fail (LS_IS_PERIOD_CHOOSER (self));

  show_period = !!show_period;
  if (self->show_period == show_period)
    return;
  self->show_period = show_period;
  update_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PERIOD]);
}

gboolean
ls_period_chooser_get_show_period (LsPeriodChooser *self)
{
  g_return_val_if_fail (LS_IS_PERIOD_CHOOSER (self), FALSE);

  return self->show_period;
}

/**
 * ls_period_chooser_dup_units:
 *
 * Returns: (transfer full) (nullable): the ids of the units chosen, or
 *   %NULL when none is (all are counted)
 */
GStrv
ls_period_chooser_dup_units (LsPeriodChooser *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) units = NULL;

  g_return_val_if_fail (LS_IS_PERIOD_CHOOSER (self), NULL);

  for (guint i = 0; i < self->unit_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->unit_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder,
                            g_object_get_data (G_OBJECT (check), "unit-id"));
    }
  units = g_strv_builder_end (builder);
  return units[0] != NULL ? g_steal_pointer (&units) : NULL;
}

/**
 * ls_period_chooser_dup_query:
 *
 * Returns: (transfer full) (nullable): the period and units chosen, or
 *   %NULL with @error set when the days typed are no period (or %NULL
 *   without an error while there is none to choose)
 */
LsStatisticsQuery *
ls_period_chooser_dup_query (LsPeriodChooser *self, GError **error)
{
  PeriodKind kind;
  guint index;
  LsStatisticsQuery *query = NULL;
  g_auto (GStrv) units = NULL;

  g_return_val_if_fail (LS_IS_PERIOD_CHOOSER (self), NULL);

  kind = gtk_drop_down_get_selected (self->kind_dropdown);
  index = gtk_drop_down_get_selected (self->period_dropdown);
  if (kind == KIND_CUSTOM)
    query = ls_statistics_query_new (
        gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
        gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), error);
  else if (index < self->periods->len)
    {
      Period *period = &g_array_index (self->periods, Period, index);

      query =
          kind == KIND_MONTH
              ? ls_statistics_query_new_month (period->year, period->number)
          : kind == KIND_QUARTER
              ? ls_statistics_query_new_quarter (period->year, period->number)
              : ls_statistics_query_new_year (period->year);
    }
  if (query == NULL)
    return NULL;
  units = ls_period_chooser_dup_units (self);
  ls_statistics_query_set_units (query, (const char *const *) units);
  return query;
}

/**
 * ls_period_chooser_set_units:
 * @units: (nullable) (array zero-terminated=1): the units to choose, or
 *   %NULL for none (all counted)
 *
 * Chooses @units, without emitting #LsPeriodChooser::changed.
 */
void
ls_period_chooser_set_units (LsPeriodChooser *self, const char *const *units)
{
  g_return_if_fail (LS_IS_PERIOD_CHOOSER (self));

  self->updating = TRUE;
  for (guint i = 0; i < self->unit_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->unit_checks, i);

      gtk_check_button_set_active (
          check, units != NULL &&
                     g_strv_contains (units, g_object_get_data (
                                                 G_OBJECT (check), "unit-id")));
    }
  self->updating = FALSE;
}

/**
 * ls_period_chooser_set_query:
 *
 * Chooses @query's period, as from–to, and its units, without emitting
 * #LsPeriodChooser::changed.
 */
void
ls_period_chooser_set_query (LsPeriodChooser *self,
                             const LsStatisticsQuery *query)
{
  g_return_if_fail (LS_IS_PERIOD_CHOOSER (self));
  g_return_if_fail (query != NULL);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, KIND_CUSTOM);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry),
                         ls_statistics_query_get_from (query));
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry),
                         ls_statistics_query_get_to (query));
  self->updating = FALSE;
  ls_period_chooser_set_units (self, ls_statistics_query_get_units (query));
}
