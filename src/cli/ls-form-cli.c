/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-form-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-case-documents.h"
#include "ls-cli.h"
#include "ls-files.h"
#include "ls-form-cli.h"
#include "ls-rules.h"
#include "ls-store.h"

/* The work behind `lexsarah --notification-pdf REGNO --output FILE` and
 * `--investigation-pdf`: no window, no display. */

typedef struct
{
  LsOutput *output;
  GError *error;
} Writer;

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  Writer *writer = closure;

  if (writer->error == NULL &&
      ls_output_write (writer->output, data, length, &writer->error))
    return CAIRO_STATUS_SUCCESS;
  return CAIRO_STATUS_WRITE_ERROR;
}

/**
 * ls_form_cli_write_pdf:
 * @database: the case database
 * @regno: the registration number of the case
 * @output: the PDF to write; written 0600 to a temporary file first and
 *   renamed, so that a failure never leaves half a file
 *
 * Writes a case's notification form or its investigation as PDF.  A
 * notification not yet sent is filled in from the case, the organisation
 * and the unit where it is still empty, as the notification wizard does; a
 * sent one is printed exactly as it was sent.
 */
gboolean
ls_form_cli_write_pdf (const char *database,
                       const char *regno,
                       LsFormCliDocument document,
                       const char *output,
                       GError **error)
{
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (LsOutput) out = NULL;
  Writer writer = { NULL, NULL };

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (regno != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  store = ls_cli_open_existing (database, error);
  if (store == NULL)
    return FALSE;
  organisation = ls_store_load_organisation (store, error);
  if (organisation == NULL)
    return FALSE;
  lcase = ls_store_find_case_by_regno (store, regno, &local_error);
  if (lcase == NULL)
    {
      if (g_error_matches (local_error, LS_STORE_ERROR,
                           LS_STORE_ERROR_NOT_FOUND))
        /* Not the number typed: it may be anything at all. */
        g_set_error_literal (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                             _ ("No case has the registration number given."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Refused before the PDF is made. */
  out = ls_output_new (output, database, error);
  if (out == NULL)
    return FALSE;
  writer.output = out;

  if (document == LS_FORM_CLI_INVESTIGATION)
    {
      g_autoptr (GHashTable) regnos =
          ls_case_documents_dup_linked_regnos (store, lcase);

      doc = ls_case_documents_build_investigation (lcase, organisation, regnos);
    }
  else
    {
      if (ls_notification_get_submitted_on (ls_case_get_notification (lcase)) ==
          NULL)
        ls_rules_prefill_notification (lcase, organisation);
      doc = ls_case_documents_build_notification (lcase);
    }

  /* Written as every output is: never over the database, a device or a
   * FIFO, never half a file. */
  if (!ls_form_document_render_pdf (doc, write_cb, &writer, &local_error))
    {
      g_propagate_error (error, writer.error != NULL
                                    ? g_steal_pointer (&writer.error)
                                    : g_steal_pointer (&local_error));
      return FALSE;
    }
  return ls_output_commit (out, error);
}
