/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ls-statistics.h"

G_BEGIN_DECLS

/**
 * LsChartStyle:
 * @foreground: text and axes
 * @grid: the grid lines and the bars' tracks
 * @series: the colours of up to three series, the first the accent
 * @font: the Pango font of the labels
 * @swedish: whether to label in Swedish (documents) or the app's language
 *
 * How a chart is drawn; the widget takes it from the style of the moment
 * (light or dark, the accent), the documents from ls_chart_style_init().
 */
typedef struct
{
  double foreground[4];
  double grid[4];
  double series[3][4];
  const char *font;
  gboolean swedish;
} LsChartStyle;

/* clang-format off */
void   ls_chart_style_init (LsChartStyle            *style,
                            gboolean                 dark);
double ls_chart_get_height (const LsStatisticsTable *table,
                            const LsChartStyle      *style,
                            double                   width);
void   ls_chart_draw       (cairo_t                 *cr,
                            const LsStatisticsTable *table,
                            const LsChartStyle      *style,
                            double                   width,
                            double                   height);
char  *ls_chart_dup_table_text (const LsStatisticsTable *table,
                                gboolean                 swedish);
/* clang-format on */

G_END_DECLS
