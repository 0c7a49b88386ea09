/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-statistics-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-cli.h"
#include "ls-cli-commands.h"
#include "ls-digest-document.h"
#include "ls-statistics-cli.h"
#include "ls-statistics-document.h"
#include "ls-store-statistics.h"

/* The work behind `lexsarah --statistics --from DATE --to DATE --csv FILE`
 * (or --output FILE.pdf) and `--digest --from DATE --to DATE --output
 * FILE.pdf`: no window, no display.  Nothing of a case is printed: the
 * statistics only count, and the digest is pseudonymised. */

static LsStatisticsQuery *
make_query (const char *from, const char *to, GError **error)
{
  if (from == NULL || to == NULL)
    {
      g_set_error (error, LS_STATISTICS_ERROR, LS_STATISTICS_ERROR_PERIOD,
                   _ ("Give the period with --from and --to, as 2026-01-01 "
                      "and 2026-03-31."));
      return NULL;
    }
  return ls_statistics_query_new (from, to, error);
}

gboolean
ls_statistics_cli_write_csv (const char *database,
                             const char *from,
                             const char *to,
                             const char *csv,
                             GError **error)
{
  g_autoptr (LsStatisticsQuery) query = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsStatistics) statistics = NULL;
  g_autoptr (GFile) file = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);

  query = make_query (from, to, error);
  if (query == NULL)
    return FALSE;
  store = ls_cli_open_existing (database, error);
  if (store == NULL)
    return FALSE;
  statistics = ls_store_compute_statistics (store, query, error);
  if (statistics == NULL)
    return FALSE;
  file = g_file_new_for_commandline_arg (csv);
  return ls_statistics_write_csv (statistics, file, NULL, error);
}

/**
 * ls_statistics_cli_write_pdf:
 * @digest: the learning digest, or else the statistics with charts
 */
gboolean
ls_statistics_cli_write_pdf (const char *database,
                             const char *from,
                             const char *to,
                             const char *output,
                             gboolean digest,
                             GError **error)
{
  g_autoptr (LsStatisticsQuery) query = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsFormDocument) doc = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  query = make_query (from, to, error);
  if (query == NULL)
    return FALSE;
  store = ls_cli_open_existing (database, error);
  if (store == NULL)
    return FALSE;
  if (digest)
    {
      g_autoptr (LsDigest) result =
          ls_digest_new_from_store (store, query, error);

      if (result == NULL)
        return FALSE;
      doc = ls_digest_document_build (result);
    }
  else
    {
      g_autoptr (LsOrganisation) organisation =
          ls_store_load_organisation (store, error);
      g_autoptr (LsStatistics) statistics = NULL;

      if (organisation == NULL)
        return FALSE;
      statistics = ls_store_compute_statistics (store, query, error);
      if (statistics == NULL)
        return FALSE;
      doc = ls_statistics_document_build (
          statistics, ls_organisation_get_name (organisation));
    }
  return ls_form_document_write_pdf (doc, output, error);
}

/**
 * ls_statistics_cli_run_statistics:
 *
 * `--statistics --from DATE --to DATE`, to the CSV file of --csv and, or,
 * as PDF to --output.
 */
gboolean
ls_statistics_cli_run_statistics (const LsCliCall *call, GError **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *output = NULL;

  g_return_val_if_fail (call != NULL, FALSE);

  g_variant_dict_lookup (call->options, "from", "s", &from);
  g_variant_dict_lookup (call->options, "to", "s", &to);
  g_variant_dict_lookup (call->options, "csv", "^ay", &csv);
  g_variant_dict_lookup (call->options, "output", "^ay", &output);
  if (csv == NULL && output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _ ("Name the CSV file to write with --csv, or a "
                              "PDF file with --output."));
      return FALSE;
    }
  if (csv != NULL &&
      !ls_statistics_cli_write_csv (call->database, from, to, csv, error))
    return FALSE;
  return output == NULL || ls_statistics_cli_write_pdf (
                               call->database, from, to, output, FALSE, error);
}

/**
 * ls_statistics_cli_run_digest:
 *
 * `--digest --from DATE --to DATE --output FILE.pdf`.
 */
gboolean
ls_statistics_cli_run_digest (const LsCliCall *call, GError **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;

  g_return_val_if_fail (call != NULL, FALSE);

  g_variant_dict_lookup (call->options, "from", "s", &from);
  g_variant_dict_lookup (call->options, "to", "s", &to);
  if (!g_variant_dict_lookup (call->options, "output", "^ay", &output))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _ ("Name the PDF file to write with --output."));
      return FALSE;
    }
  return ls_statistics_cli_write_pdf (call->database, from, to, output, TRUE,
                                      error);
}
