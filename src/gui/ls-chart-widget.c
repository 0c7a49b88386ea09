/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-chart-widget"

#include "config.h"

#include <adwaita.h>

#include "ls-chart-widget.h"
#include "ls-chart.h"

/* One table's chart, drawn by ls_chart_draw() as the PDF draws it, in the
 * colours of the style of the moment: the text colour, and the accent as
 * libadwaita sets it for light and dark.  As high as the chart needs at
 * its width.  A screen reader reads the table as its description; the
 * view shows the table beneath it as well. */

struct _LsChartWidget
{
  GtkWidget parent_instance;

  LsStatistics *statistics;
  LsStatisticsTableId id;
};

G_DEFINE_FINAL_TYPE (LsChartWidget, ls_chart_widget, GTK_TYPE_WIDGET)

static void
style_from_widget (LsChartWidget *self, LsChartStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA colour;

  ls_chart_style_init (style, dark);
  style->font = NULL;
  gtk_style_context_get_color (context, &colour);
  style->foreground[0] = colour.red;
  style->foreground[1] = colour.green;
  style->foreground[2] = colour.blue;
  style->foreground[3] = colour.alpha;
  style->grid[0] = colour.red;
  style->grid[1] = colour.green;
  style->grid[2] = colour.blue;
  style->grid[3] = 0.1;
  /* On dark the accent as text (lighter) stands out better than its
   * background colour. */
  if (gtk_style_context_lookup_color (
          context, dark ? "accent_color" : "accent_bg_color", &colour))
    {
      style->series[0][0] = colour.red;
      style->series[0][1] = colour.green;
      style->series[0][2] = colour.blue;
      style->series[0][3] = 1;
    }
}

static const char *
font_of (LsChartWidget *self, char **owned)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *desc = pango_context_get_font_description (context);

  *owned = pango_font_description_to_string (desc);
  return *owned;
}

static void
ls_chart_widget_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LsChartWidget *self = LS_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree char *font = NULL;
  LsChartStyle style;
  cairo_t *cr;

  if (self->statistics == NULL || width <= 0 || height <= 0)
    return;
  style_from_widget (self, &style);
  style.font = font_of (self, &font);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, width, height));
  ls_chart_draw (cr, ls_chart_widget_get_table (self), &style, width, height);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
ls_chart_widget_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ls_chart_widget_measure (GtkWidget *widget,
                         GtkOrientation orientation,
                         int for_size,
                         int *minimum,
                         int *natural,
                         int *minimum_baseline,
                         int *natural_baseline)
{
  LsChartWidget *self = LS_CHART_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
      return;
    }
  if (self->statistics == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  {
    g_autofree char *font = NULL;
    LsChartStyle style;

    style_from_widget (self, &style);
    style.font = font_of (self, &font);
    *minimum = *natural = (int) ceil (
        ls_chart_get_height (ls_chart_widget_get_table (self), &style,
                             for_size > 0 ? for_size : 480));
  }
}

static void
dark_changed_cb (LsChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ls_chart_widget_dispose (GObject *object)
{
  LsChartWidget *self = LS_CHART_WIDGET (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->statistics);

  G_OBJECT_CLASS (ls_chart_widget_parent_class)->dispose (object);
}

static void
ls_chart_widget_class_init (LsChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_chart_widget_dispose;
  widget_class->snapshot = ls_chart_widget_snapshot;
  widget_class->measure = ls_chart_widget_measure;
  widget_class->get_request_mode = ls_chart_widget_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ls_chart_widget_init (LsChartWidget *self)
{
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);
}

/**
 * ls_chart_widget_new:
 *
 * Returns: (transfer floating): a chart of the table @id of @statistics
 */
GtkWidget *
ls_chart_widget_new (LsStatistics *statistics, LsStatisticsTableId id)
{
  LsChartWidget *self;
  const LsStatisticsTable *table;
  g_autofree char *text = NULL;

  g_return_val_if_fail (LS_IS_STATISTICS (statistics), NULL);
  g_return_val_if_fail (ls_statistics_lookup_table (statistics, id) != NULL,
                        NULL);

  self = g_object_new (LS_TYPE_CHART_WIDGET, NULL);
  self->statistics = g_object_ref (statistics);
  self->id = id;
  table = ls_chart_widget_get_table (self);
  text = ls_chart_dup_table_text (table, FALSE);
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, table->title,
      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  return GTK_WIDGET (self);
}

/**
 * ls_chart_widget_get_table:
 *
 * Returns: (transfer none): the table drawn
 */
const LsStatisticsTable *
ls_chart_widget_get_table (LsChartWidget *self)
{
  g_return_val_if_fail (LS_IS_CHART_WIDGET (self), NULL);

  return ls_statistics_lookup_table (self->statistics, self->id);
}
