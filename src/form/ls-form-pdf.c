/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-form-pdf"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include <cairo-pdf.h>

#include "ls-files.h"
#include "ls-form-document-private.h"

/* A laid-out document to PDF: in memory, to a stream, or to a file that
 * appears whole or not at all. */

static char *
dup_pdf_date (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * ls_form_document_render_pdf:
 * @write_func: (scope call): where the PDF's bytes go
 * @closure: its data
 *
 * Renders every page to a PDF with the document's metadata, the fonts
 * embedded and the text selectable.
 *
 * Returns: %TRUE on success
 */
gboolean
ls_form_document_render_pdf (LsFormDocument *self,
                             cairo_write_func_t write_func,
                             gpointer closure,
                             GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *date = NULL;
  guint n_pages;

  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_pages = ls_form_document_paginate (self);
  surface = cairo_pdf_surface_create_for_stream (
      write_func, closure, LS_FORM_PAGE_WIDTH, LS_FORM_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  ls_form_document_get_title (self));
  if (ls_form_document_get_subject (self) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                    ls_form_document_get_subject (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  PACKAGE_NAME " " PACKAGE_VERSION);
  date = dup_pdf_date ();
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  date);

  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      ls_form_document_render_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LS_FORM_ERROR,
                   status == CAIRO_STATUS_WRITE_ERROR ? LS_FORM_ERROR_WRITE
                                                      : LS_FORM_ERROR_RENDER,
                   _ ("The PDF could not be made: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

static cairo_status_t
write_to_byte_array_cb (void *closure,
                        const unsigned char *data,
                        unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * ls_form_document_to_pdf_bytes:
 *
 * Returns: (transfer full): the whole PDF, or %NULL with @error set
 */
GBytes *
ls_form_document_to_pdf_bytes (LsFormDocument *self, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();

  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), NULL);

  if (!ls_form_document_render_pdf (self, write_to_byte_array_cb, bytes, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

typedef struct
{
  int fd;
  int saved_errno;
} FdWriter;

static cairo_status_t
write_to_fd_cb (void *closure, const unsigned char *data, unsigned int length)
{
  FdWriter *writer = closure;

  while (length > 0)
    {
      ssize_t n = write (writer->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          writer->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }

  return CAIRO_STATUS_SUCCESS;
}

/**
 * ls_form_document_write_pdf:
 * @path: the file to write
 *
 * Writes the PDF readable by its owner only (0600), through a temporary file
 * in the same folder that is renamed into place, so that an error never
 * leaves a half-written file behind.
 *
 * Returns: %TRUE on success
 */
gboolean
ls_form_document_write_pdf (LsFormDocument *self,
                            const char *path,
                            GError **error)
{
  g_autoptr (LsOutput) output = NULL;
  g_autoptr (GError) local_error = NULL;
  FdWriter writer = { -1, 0 };

  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A temporary file that a later run removes if this one is killed. */
  output = ls_output_new (path, NULL, &local_error);
  if (output == NULL)
    goto failed;
  writer.fd = ls_output_get_fd (output);
  if (!ls_form_document_render_pdf (self, write_to_fd_cb, &writer,
                                    &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      if (local_error != NULL && local_error->code == LS_FORM_ERROR_RENDER)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (
            error, LS_FORM_ERROR, LS_FORM_ERROR_WRITE,
            _ ("Could not write “%s”: %s"), display,
            g_strerror (writer.saved_errno != 0 ? writer.saved_errno : EIO));
      return FALSE;
    }
  if (ls_output_commit (output, &local_error))
    return TRUE;

failed:
  /* The message of the file's error names it. */
  g_set_error_literal (error, LS_FORM_ERROR, LS_FORM_ERROR_WRITE,
                       local_error->message);
  return FALSE;
}
