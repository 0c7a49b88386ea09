/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-chart"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ls-chart.h"

/* The charts of the statistics, drawn with Cairo for the view, the PDF and
 * the tests alike.  Bars lie across, one row of the table to a label and
 * its bars, so that long Swedish category names need no room beside the
 * bar and a chart reads at 360 pixels as well as on A4; months are lines.
 * Colours are GNOME's palette: the accent for the first series, and for
 * duties green, red and grey for on time, late and not yet due. */

#define BAR_HEIGHT 12.0
#define BAR_GAP 3.0
#define ROW_GAP 8.0
#define LINE_CHART_HEIGHT 200.0

typedef struct
{
  guint columns[3];
  guint n_columns;
  gboolean stacked;
  const char *skip_row;
} Plan;

static Plan
plan_for (const LsStatisticsTable *table)
{
  switch (table->id)
    {
    case LS_STATISTICS_BY_MONTH:
      return (Plan){ { 0, 1, 2 }, 3, FALSE, NULL };
    case LS_STATISTICS_RATE:
      return (Plan){ { LS_STATISTICS_RATE_PER_10 }, 1, FALSE, NULL };
    case LS_STATISTICS_DUTIES:
      return (Plan){ { 0, 1, 2 }, 3, TRUE, NULL };
    case LS_STATISTICS_CAUSES:
    case LS_STATISTICS_ACTIONS:
      return (Plan){ { 0, 1 }, 2, FALSE, NULL };
    case LS_STATISTICS_TIME:
      /* The count is not in days: the table beneath gives it. */
      return (Plan){ { 0 }, 1, FALSE, "concluded" };
    case LS_STATISTICS_NOTIFIED:
      return (Plan){ { 0 }, 1, FALSE, "share" };
    case LS_STATISTICS_BY_CATEGORY:
    case LS_STATISTICS_BY_KIND:
    case LS_STATISTICS_BY_UNIT:
    case LS_STATISTICS_BY_REPORTER:
    case LS_STATISTICS_N_TABLES:
    default:
      return (Plan){ { 0 }, 1, FALSE, NULL };
    }
}

static void
set_rgba (double rgba[4], guint32 rgb, double alpha)
{
  rgba[0] = ((rgb >> 16) & 0xff) / 255.0;
  rgba[1] = ((rgb >> 8) & 0xff) / 255.0;
  rgba[2] = (rgb & 0xff) / 255.0;
  rgba[3] = alpha;
}

/**
 * ls_chart_style_init:
 * @dark: for a dark background
 *
 * The style of documents and tests: GNOME's blue accent and palette,
 * with colours a step lighter on dark.
 */
void
ls_chart_style_init (LsChartStyle *style, gboolean dark)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  set_rgba (style->foreground, dark ? 0xffffff : 0x000000, dark ? 1 : 0.8);
  set_rgba (style->grid, dark ? 0xffffff : 0x000000, dark ? 0.15 : 0.1);
  set_rgba (style->series[0], dark ? 0x78aeed : 0x3584e4, 1);
  set_rgba (style->series[1], dark ? 0x57e389 : 0x26a269, 1);
  set_rgba (style->series[2], dark ? 0xffa348 : 0xe66100, 1);
  style->font = "DejaVu Sans 8";
}

/* On time, late, not yet due. */
static void
status_colour (const LsChartStyle *style, guint column, double rgba[4])
{
  gboolean dark = style->foreground[0] > 0.5;

  switch (column)
    {
    case LS_STATISTICS_ON_TIME:
      set_rgba (rgba, dark ? 0x57e389 : 0x26a269, 1);
      break;
    case LS_STATISTICS_LATE:
      set_rgba (rgba, dark ? 0xf66151 : 0xc01c28, 1);
      break;
    default:
      set_rgba (rgba, dark ? 0x9a9996 : 0x77767b, 1);
      break;
    }
}

static void
series_colour (const LsChartStyle *style,
               const Plan *plan,
               guint index,
               double rgba[4])
{
  if (plan->stacked)
    status_colour (style, plan->columns[index], rgba);
  else
    memcpy (rgba, style->series[index], sizeof (double) * 4);
}

static PangoLayout *
make_layout (cairo_t *cr, const LsChartStyle *style, const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) desc =
      pango_font_description_from_string (style->font);

  pango_layout_set_font_description (layout, desc);
  /* A Swedish document: a unit's name in Arabic keeps its label's side. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_context_set_base_dir (pango_layout_get_context (layout),
                              PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
line_height (const LsChartStyle *style)
{
  cairo_surface_t *surface =
      cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (PangoLayout) layout = make_layout (cr, style, "Åg");
  int height;

  pango_layout_get_size (layout, NULL, &height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return (double) height / PANGO_SCALE;
}

static gboolean
row_is_charted (const Plan *plan, const LsStatisticsRow *row)
{
  return plan->skip_row == NULL || g_strcmp0 (row->key, plan->skip_row) != 0;
}

static guint
n_charted_rows (const LsStatisticsTable *table, const Plan *plan)
{
  guint n = 0;

  for (guint i = 0; i < table->rows->len; i++)
    n += row_is_charted (plan, g_ptr_array_index (table->rows, i));
  return n;
}

static double
value_at (const LsStatisticsRow *row, guint column)
{
  return isnan (row->values[column]) ? 0 : row->values[column];
}

/**
 * ls_chart_get_height:
 * @width: the width the chart will have
 *
 * Returns: the height the chart needs at @width
 */
double
ls_chart_get_height (const LsStatisticsTable *table,
                     const LsChartStyle *style,
                     double width)
{
  Plan plan;
  double line;
  double legend;
  guint bars;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (style != NULL, 0);

  plan = plan_for (table);
  line = line_height (style);
  legend = plan.n_columns > 1 ? line + ROW_GAP : 0;
  if (table->over_time)
    return legend + MAX (LINE_CHART_HEIGHT, 3 * line + 80);
  bars = plan.stacked ? 1 : plan.n_columns;
  return legend + n_charted_rows (table, &plan) *
                      (line + bars * (BAR_HEIGHT + BAR_GAP) + ROW_GAP);
}

static void
show_text (cairo_t *cr,
           const LsChartStyle *style,
           const char *text,
           double x,
           double y,
           double max_width,
           double align)
{
  g_autoptr (PangoLayout) layout = make_layout (cr, style, text);
  int w;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_size (layout, &w, NULL);
  cairo_set_source_rgba (cr, style->foreground[0], style->foreground[1],
                         style->foreground[2], style->foreground[3]);
  cairo_move_to (cr, x - align * w / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (cairo_t *cr, const LsChartStyle *style, const char *text)
{
  g_autoptr (PangoLayout) layout = make_layout (cr, style, text);
  int w;

  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

static const char *
column_name (const LsStatisticsTable *table,
             const LsChartStyle *style,
             guint column)
{
  return style->swedish ? table->columns_sv[column] : table->columns[column];
}

static double
draw_legend (cairo_t *cr,
             const LsStatisticsTable *table,
             const Plan *plan,
             const LsChartStyle *style,
             double width)
{
  double line = line_height (style);
  double x = 0;

  if (plan->n_columns < 2)
    return 0;
  for (guint s = 0; s < plan->n_columns; s++)
    {
      const char *name = column_name (table, style, plan->columns[s]);
      double rgba[4];
      double w = text_width (cr, style, name);

      series_colour (style, plan, s, rgba);
      cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
      cairo_rectangle (cr, x, (line - 10) / 2, 10, 10);
      cairo_fill (cr);
      show_text (cr, style, name, x + 14, 0, width - x - 14, 0);
      x += 14 + w + 16;
    }
  return line + ROW_GAP;
}

static void
draw_value (cairo_t *cr,
            const LsChartStyle *style,
            double value,
            double x,
            double y,
            double width)
{
  g_autofree char *text = ls_statistics_format_value (value);
  double w = text_width (cr, style, text);
  double line = line_height (style);

  /* Beside the bar, or inside its end when the bar fills the width. */
  show_text (cr, style, text, MIN (x + 4, width - w),
             y + (BAR_HEIGHT - line) / 2, 0, 0);
}

static void
draw_bars (cairo_t *cr,
           const LsStatisticsTable *table,
           const Plan *plan,
           const LsChartStyle *style,
           double width,
           double y)
{
  double line = line_height (style);
  double max = 0;
  /* Room for the value after the longest bar. */
  double track = MAX (width - 36, 10);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const LsStatisticsRow *row = g_ptr_array_index (table->rows, r);
      double sum = 0;

      if (!row_is_charted (plan, row))
        continue;
      for (guint s = 0; s < plan->n_columns; s++)
        {
          sum += value_at (row, plan->columns[s]);
          max = MAX (max, value_at (row, plan->columns[s]));
        }
      if (plan->stacked)
        max = MAX (max, sum);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      const LsStatisticsRow *row = g_ptr_array_index (table->rows, r);
      double x = 0;

      if (!row_is_charted (plan, row))
        continue;
      show_text (cr, style, style->swedish ? row->label_sv : row->label, 0, y,
                 width, 0);
      y += line;
      for (guint s = 0; s < plan->n_columns; s++)
        {
          double value = value_at (row, plan->columns[s]);
          double w = max > 0 ? track * value / max : 0;
          double rgba[4];

          if (!plan->stacked || s == 0)
            {
              /* The track shows where 100 % of the scale would end. */
              cairo_set_source_rgba (cr, style->grid[0], style->grid[1],
                                     style->grid[2], style->grid[3]);
              cairo_rectangle (cr, 0, y, track, BAR_HEIGHT);
              cairo_fill (cr);
            }
          series_colour (style, plan, s, rgba);
          cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
          cairo_rectangle (cr, x, y, w, BAR_HEIGHT);
          cairo_fill (cr);
          if (plan->stacked)
            {
              x += w;
              continue;
            }
          draw_value (cr, style, row->values[plan->columns[s]], w, y, width);
          y += BAR_HEIGHT + BAR_GAP;
        }
      if (plan->stacked)
        {
          double sum = 0;

          for (guint s = 0; s < plan->n_columns; s++)
            sum += value_at (row, plan->columns[s]);
          draw_value (cr, style, sum, x, y, width);
          y += BAR_HEIGHT + BAR_GAP;
        }
      y += ROW_GAP;
    }
}

/* A step of the axis that gives at most about five lines: 1, 2 or 5 times
 * a power of ten, never less than one report. */
static double
nice_step (double max)
{
  double raw = MAX (max / 5, 1);
  double power = pow (10, floor (log10 (raw)));
  double unit = raw / power;

  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

static void
draw_lines (cairo_t *cr,
            const LsStatisticsTable *table,
            const Plan *plan,
            const LsChartStyle *style,
            double width,
            double y,
            double height)
{
  double line = line_height (style);
  guint n = table->rows->len;
  double max = 0, step, top;
  double left, plot_w, plot_h, bottom;
  g_autofree char *max_text = NULL;
  guint label_every;

  for (guint r = 0; r < n; r++)
    for (guint s = 0; s < plan->n_columns; s++)
      max = MAX (
          max, value_at (g_ptr_array_index (table->rows, r), plan->columns[s]));
  step = nice_step (max);
  top = MAX (step, ceil (max / step) * step);
  max_text = ls_statistics_format_value (top);
  left = text_width (cr, style, max_text) + 6;
  plot_w = MAX (width - left - 4, 10);
  bottom = y + height - line - 4;
  plot_h = MAX (bottom - y - line / 2, 10);

  /* Grid lines and their values. */
  for (double v = 0; v <= top + step / 2; v += step)
    {
      double gy = bottom - plot_h * v / top;
      g_autofree char *text = ls_statistics_format_value (v);

      cairo_set_source_rgba (cr, style->grid[0], style->grid[1], style->grid[2],
                             style->grid[3] * 2);
      cairo_rectangle (cr, left, round (gy), plot_w, 1);
      cairo_fill (cr);
      show_text (cr, style, text, left - 6, gy - line / 2, 0, 1);
    }

  /* Month labels, as many as fit without touching. */
  label_every = 1;
  if (n > 1)
    {
      double label_w = text_width (cr, style, "2026-12") + 8;

      while (label_every < n && plot_w / n * label_every < label_w)
        label_every++;
    }
  for (guint r = 0; r < n; r += label_every)
    {
      const LsStatisticsRow *row = g_ptr_array_index (table->rows, r);
      double x = left + (n > 1 ? plot_w * r / (n - 1) : plot_w / 2);

      show_text (cr, style, style->swedish ? row->label_sv : row->label, x,
                 bottom + 4, 0,
                 r == 0 && n > 1 ? 0
                 : r == n - 1    ? 1
                                 : 0.5);
    }

  for (guint s = 0; s < plan->n_columns; s++)
    {
      double rgba[4];

      series_colour (style, plan, s, rgba);
      cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
      cairo_set_line_width (cr, s == 0 ? 3 : 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      /* Text left its point in the path: start the line afresh. */
      cairo_new_path (cr);
      for (guint r = 0; r < n; r++)
        {
          double x = left + (n > 1 ? plot_w * r / (n - 1) : plot_w / 2);
          double v =
              value_at (g_ptr_array_index (table->rows, r), plan->columns[s]);

          cairo_line_to (cr, x, bottom - plot_h * v / top);
        }
      cairo_stroke (cr);
      for (guint r = 0; r < n; r++)
        {
          double x = left + (n > 1 ? plot_w * r / (n - 1) : plot_w / 2);
          double v =
              value_at (g_ptr_array_index (table->rows, r), plan->columns[s]);

          cairo_new_sub_path (cr);
          cairo_arc (cr, x, bottom - plot_h * v / top, s == 0 ? 4 : 3, 0,
                     2 * G_PI);
          cairo_fill (cr);
        }
    }
}

/**
 * ls_chart_draw:
 *
 * Draws the chart of @table into the rectangle (0, 0, @width, @height) of
 * @cr, which ls_chart_get_height() sized.
 */
void
ls_chart_draw (cairo_t *cr,
               const LsStatisticsTable *table,
               const LsChartStyle *style,
               double width,
               double height)
{
  Plan plan;
  double y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (table != NULL);
  g_return_if_fail (style != NULL);

  plan = plan_for (table);
  cairo_save (cr);
  y = draw_legend (cr, table, &plan, style, width);
  if (table->over_time)
    draw_lines (cr, table, &plan, style, width, y, height - y);
  else
    draw_bars (cr, table, &plan, style, width, y);
  cairo_restore (cr);
}

/**
 * ls_chart_dup_table_text:
 * @swedish: in Swedish, or in the language of the app
 *
 * Returns: (transfer full): the table as lines of text, "Label: value,
 *   value", the chart's alternative for those who cannot see it
 */
char *
ls_chart_dup_table_text (const LsStatisticsTable *table, gboolean swedish)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (table != NULL, NULL);

  g_string_append (text, swedish ? table->title_sv : table->title);
  for (guint r = 0; r < table->rows->len; r++)
    {
      const LsStatisticsRow *row = g_ptr_array_index (table->rows, r);

      g_string_append_printf (text,
                              "\n%s:", swedish ? row->label_sv : row->label);
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *value = ls_statistics_format_value (row->values[c]);

          g_string_append_printf (text, "%s %s %s", c > 0 ? "," : "",
                                  swedish ? table->columns_sv[c]
                                          : table->columns[c],
                                  *value ? value : "–");
        }
    }
  return g_string_free (text, FALSE);
}
