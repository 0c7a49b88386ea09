/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-form-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-form-export.h"

/* Writing a document to a PDF file off the main loop.  The document is
 * built in the worker that draws it, as LsFormDocument requires (Pango's
 * font map is not shared between threads). */

typedef struct
{
  LsFormBuildFunc build;
  gpointer data;
  GDestroyNotify destroy;
  char *path;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->destroy != NULL)
    job->destroy (job->data);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (LsFormDocument) document = job->build (job->data);
  GError *error = NULL;

  if (ls_form_document_write_pdf (document, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ls_form_export_pdf_async:
 * @build: (scope notified): makes the document, in the worker
 * @destroy: (nullable): frees @data when done
 * @file: where to write; replaced whole or not at all, readable by the
 *   user only
 */
void
ls_form_export_pdf_async (LsFormBuildFunc build,
                          gpointer data,
                          GDestroyNotify destroy,
                          GFile *file,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (build != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ls_form_export_pdf_async);
  job = g_new0 (Job, 1);
  job->build = build;
  job->data = data;
  job->destroy = destroy;
  job->path = g_file_get_path (file);
  g_task_set_task_data (task, job, job_free);
  if (job->path == NULL)
    {
      g_task_return_new_error (task, LS_FORM_ERROR, LS_FORM_ERROR_WRITE,
                               _ ("The PDF can only be saved in a folder on "
                                  "this computer."));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

gboolean
ls_form_export_pdf_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                            ls_form_export_pdf_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
