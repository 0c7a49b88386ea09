/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-statistics-document"

#include "config.h"

#include "ls-chart.h"
#include "ls-statistics-document.h"

/* The statistics as a document for a board: in Swedish, as the documents
 * for boards are, each table's chart with the table beneath it, so that
 * the figures can be read and quoted without the picture. */

typedef struct
{
  LsStatistics *statistics; /* keeps the table alive */
  const LsStatisticsTable *table;
  LsChartStyle style;
} Chart;

static void
chart_free (gpointer data)
{
  Chart *chart = data;

  g_object_unref (chart->statistics);
  g_free (chart);
}

static void
draw_chart (cairo_t *cr, double width, double height, gpointer user_data)
{
  Chart *chart = user_data;

  ls_chart_draw (cr, chart->table, &chart->style, width, height);
}

static void
add_table_rows (LsFormDocument *doc, const LsStatisticsTable *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      const LsStatisticsRow *row = g_ptr_array_index (table->rows, r);
      g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      LsFormBox boxes[4] = {
        { .label = table->dimension_sv, .value = row->label_sv, .weight = 2.2 },
      };

      for (guint c = 0; c < table->n_columns; c++)
        {
          char *value = ls_statistics_format_value (row->values[c]);

          if (*value == '\0')
            {
              g_free (value);
              value = g_strdup ("–");
            }
          g_ptr_array_add (values, value);
          boxes[c + 1] = (LsFormBox){ .label = table->columns_sv[c],
                                      .value = value,
                                      .weight = 1 };
        }
      ls_form_document_add_row (doc, boxes, table->n_columns + 1);
    }
}

/**
 * ls_statistics_document_build:
 * @organisation_name: (nullable): whose statistics they are
 *
 * Returns: (transfer full): the statistics as a document, a chart and its
 *   table for each table
 */
LsFormDocument *
ls_statistics_document_build (LsStatistics *statistics,
                              const char *organisation_name)
{
  g_autoptr (LsFormDocument) doc = NULL;
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *count = NULL;

  g_return_val_if_fail (LS_IS_STATISTICS (statistics), NULL);

  period = ls_statistics_query_dup_label (ls_statistics_get_query (statistics));
  subtitle = g_strdup_printf ("Rapporter mottagna %s%s%s", period,
                              organisation_name ? ", " : "",
                              organisation_name ? organisation_name : "");
  count = g_strdup_printf ("%u", ls_statistics_get_n_cases (statistics));
  doc = ls_form_document_new ("Statistik – lex Sarah",
                              "Statistik över rapporter enligt lex Sarah");
  ls_form_document_set_running_header (doc, "STATISTIK – lex Sarah");
  {
    LsFormBox box = { .label = "Antal rapporter", .value = count, .weight = 1 };

    ls_form_document_add_title (doc, "STATISTIK – lex Sarah", subtitle, &box);
  }
  ls_form_document_add_paragraph (
      doc,
      "En hög andel påtagliga risker är ett tecken på att personalen vågar "
      "rapportera tidigt. Tiderna räknas från den dag rapporten togs emot. "
      "Den färdiga utredningen ska vara hos IVO senast två månader efter "
      "anmälan (6 kap. 2 § SOSFS 2011:5).",
      FALSE);

  for (guint i = 0; i < ls_statistics_get_n_tables (statistics); i++)
    {
      const LsStatisticsTable *table = ls_statistics_get_table (statistics, i);
      Chart *chart = g_new0 (Chart, 1);
      double width = ls_form_document_get_content_width (doc);

      chart->statistics = g_object_ref (statistics);
      chart->table = table;
      ls_chart_style_init (&chart->style, FALSE);
      chart->style.swedish = TRUE;
      ls_form_document_add_heading (doc, table->title_sv);
      ls_form_document_add_space (doc, 4);
      ls_form_document_add_drawing (
          doc, ls_chart_get_height (table, &chart->style, width), draw_chart,
          chart, chart_free);
      ls_form_document_add_space (doc, 4);
      add_table_rows (doc, table);
    }
  return g_steal_pointer (&doc);
}
