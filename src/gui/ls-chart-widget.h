/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ls-statistics.h"

G_BEGIN_DECLS

#define LS_TYPE_CHART_WIDGET (ls_chart_widget_get_type ())

G_DECLARE_FINAL_TYPE (
    LsChartWidget, ls_chart_widget, LS, CHART_WIDGET, GtkWidget)

/* clang-format off */
GtkWidget               *ls_chart_widget_new       (LsStatistics        *statistics,
                                                    LsStatisticsTableId  id);
const LsStatisticsTable *ls_chart_widget_get_table (LsChartWidget       *self);
/* clang-format on */

G_END_DECLS
