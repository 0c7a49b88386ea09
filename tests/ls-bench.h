/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every benchmark prints: one line per figure, in a form a script can
 * read,
 *
 *   figure NAME VALUE UNIT, ratio R (target T)
 *
 * the ratio being the figure against its floor (a bare program doing the
 * same, or the time it may take), and nothing after the unit for a figure
 * with no floor. */

/* clang-format off */
double ls_bench_percentile   (GArray     *values,
                              double      p);
double ls_bench_median       (GArray     *values);
void   ls_bench_add          (GArray     *values,
                              double      value);
void   ls_bench_figure       (const char *name,
                              double      value,
                              const char *unit);
void   ls_bench_figure_ratio (const char *name,
                              double      value,
                              const char *unit,
                              double      ratio,
                              double      target);
/* clang-format on */

G_END_DECLS
