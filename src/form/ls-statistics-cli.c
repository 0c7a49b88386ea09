/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-statistics-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ls-cli.h"
#include "ls-digest-document.h"
#include "ls-statistics-cli.h"
#include "ls-statistics-document.h"
#include "ls-store-statistics.h"

/* The work behind `lexsarah --statistics --from DATE --to DATE --csv FILE`
 * (or --output FILE.pdf) and `--digest --from DATE --to DATE --output
 * FILE.pdf`: no window, no display.  Nothing of a case is printed: the
 * statistics only count, and the digest is pseudonymised. */

static const GOptionEntry options[] = {
  { "statistics", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("Write the statistics of the reports received from --from to --to "
        "to the CSV file given with --csv, or as PDF to --output, and quit"),
    NULL },
  { "digest", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("Write the pseudonymised learning digest of the investigations "
        "concluded from --from to --to to the PDF file given with --output, "
        "and quit"),
    NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("The first day of the period of --statistics or --digest"),
    N_ ("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("The last day of the period of --statistics or --digest"),
    N_ ("DATE") },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("The CSV file --statistics writes"), N_ ("FILE") },
  { NULL }
};

/**
 * ls_statistics_cli_get_options:
 *
 * Returns: (transfer none): the command line's options for statistics
 */
const GOptionEntry *
ls_statistics_cli_get_options (void)
{
  return options;
}

gboolean
ls_statistics_cli_handles (GVariantDict *dict)
{
  g_return_val_if_fail (dict != NULL, FALSE);

  return g_variant_dict_contains (dict, "statistics") ||
         g_variant_dict_contains (dict, "digest");
}

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
 * ls_statistics_cli_run:
 *
 * Returns: the exit status
 */
int
ls_statistics_cli_run (const char *database, GVariantDict *dict)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *output = NULL;
  gboolean ok;

  g_return_val_if_fail (database != NULL, EXIT_FAILURE);
  g_return_val_if_fail (dict != NULL, EXIT_FAILURE);

  g_variant_dict_lookup (dict, "from", "s", &from);
  g_variant_dict_lookup (dict, "to", "s", &to);
  g_variant_dict_lookup (dict, "csv", "^ay", &csv);
  g_variant_dict_lookup (dict, "output", "^ay", &output);

  if (g_variant_dict_contains (dict, "digest"))
    {
      if (output == NULL)
        {
          g_printerr ("%s\n", _ ("Name the PDF file to write with --output."));
          return EXIT_FAILURE;
        }
      ok = ls_statistics_cli_write_pdf (database, from, to, output, TRUE,
                                        &error);
    }
  else if (csv == NULL && output == NULL)
    {
      g_printerr ("%s\n", _ ("Name the CSV file to write with --csv, or a "
                             "PDF file with --output."));
      return EXIT_FAILURE;
    }
  else
    {
      ok = csv == NULL ||
           ls_statistics_cli_write_csv (database, from, to, csv, &error);
      if (ok && output != NULL)
        ok = ls_statistics_cli_write_pdf (database, from, to, output, FALSE,
                                          &error);
    }
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
