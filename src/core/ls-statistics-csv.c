/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-statistics"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-statistics.h"

/* Every table in one CSV file, made for the spreadsheets Swedish offices
 * use (docs/statistics.md): UTF-8 with a byte order mark, which Excel
 * needs to take the file for UTF-8 rather than Windows-1252; fields
 * separated by semicolons and decimals written with a comma, as Excel and
 * LibreOffice expect in a Swedish locale, so that they open the file into
 * columns and read numbers as numbers; lines ending in CR LF (RFC 4180).
 * Each table is a title row, a header row and its rows, and an empty row
 * parts it from the next. */

#define SEPARATOR ';'
#define NEWLINE "\r\n"

static void
append_field (GString *out, const char *text)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ";\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_table (GString *out, const LsStatisticsTable *table)
{
  append_field (out, table->title);
  g_string_append (out, NEWLINE);
  append_field (out, table->dimension);
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_string_append_c (out, SEPARATOR);
      append_field (out, table->columns[c]);
    }
  g_string_append (out, NEWLINE);
  for (guint r = 0; r < table->rows->len; r++)
    {
      const LsStatisticsRow *row = g_ptr_array_index (table->rows, r);

      append_field (out, row->label);
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *value = ls_statistics_format_value (row->values[c]);

          g_string_append_c (out, SEPARATOR);
          g_string_append (out, value);
        }
      g_string_append (out, NEWLINE);
    }
}

/**
 * ls_statistics_dup_csv:
 *
 * Returns: (transfer full): every table as CSV text, with the byte order
 *   mark that begins the file
 */
char *
ls_statistics_dup_csv (LsStatistics *self)
{
  const LsStatisticsQuery *query;
  GString *out;

  g_return_val_if_fail (LS_IS_STATISTICS (self), NULL);

  query = ls_statistics_get_query (self);
  out = g_string_new ("\xEF\xBB\xBF");
  append_field (out, _ ("Lex Sarah statistics"));
  g_string_append_c (out, SEPARATOR);
  g_string_append (out, ls_statistics_query_get_from (query));
  g_string_append_c (out, SEPARATOR);
  g_string_append (out, ls_statistics_query_get_to (query));
  g_string_append (out, NEWLINE);
  for (guint i = 0; i < ls_statistics_get_n_tables (self); i++)
    {
      g_string_append (out, NEWLINE);
      append_table (out, ls_statistics_get_table (self, i));
    }
  return g_string_free (out, FALSE);
}

/**
 * ls_statistics_write_csv:
 * @file: where to write; replaced whole, readable by the user only
 *
 * Returns: %FALSE with @error set when the file could not be written; a
 *   file that was there before is then left as it was
 */
gboolean
ls_statistics_write_csv (LsStatistics *self,
                         GFile *file,
                         GCancellable *cancellable,
                         GError **error)
{
  g_autofree char *csv = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (LS_IS_STATISTICS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = ls_statistics_dup_csv (self);
  /* The statistics name units and counts, not people, but they are the
   * organisation's own: private, as every file the app writes. */
  if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE |
                                    G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, LS_STATISTICS_ERROR, LS_STATISTICS_ERROR_WRITE,
                   _ ("The statistics could not be saved in “%s”: %s"), name,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
write_csv_thread (GTask *task,
                  gpointer source_object,
                  gpointer task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (ls_statistics_write_csv (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ls_statistics_write_csv_async (LsStatistics *self,
                               GFile *file,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (LS_IS_STATISTICS (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ls_statistics_write_csv_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, write_csv_thread);
}

gboolean
ls_statistics_write_csv_finish (LsStatistics *self,
                                GAsyncResult *result,
                                GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                            ls_statistics_write_csv_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
