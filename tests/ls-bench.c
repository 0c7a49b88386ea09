/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-bench.h"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The value below which a share @p of @values lie (@values is sorted). */
double
ls_bench_percentile (GArray *values, double p)
{
  g_return_val_if_fail (values != NULL && values->len > 0, 0);

  g_array_sort (values, compare_doubles);
  return g_array_index (values, double,
                        MIN (values->len - 1, (guint) (p * values->len)));
}

double
ls_bench_median (GArray *values)
{
  return ls_bench_percentile (values, 0.5);
}

void
ls_bench_add (GArray *values, double value)
{
  g_array_append_val (values, value);
}

void
ls_bench_figure (const char *name, double value, const char *unit)
{
  g_print ("figure %s %.*f %s\n", name, value < 10 ? 2 : 1, value, unit);
}

void
ls_bench_figure_ratio (const char *name,
                       double value,
                       const char *unit,
                       double ratio,
                       double target)
{
  g_print ("figure %s %.*f %s, ratio %.2f (target %.2f)\n", name,
           value < 10 ? 2 : 1, value, unit, ratio, target);
}
