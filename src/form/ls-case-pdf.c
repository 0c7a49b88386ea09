/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-pdf"

#include "config.h"

#include "ls-case-documents.h"
#include "ls-case-pdf.h"
#include "ls-model.h"
#include "ls-rules.h"

/*
 * The documents of a notification as PDF, drawn off the main loop.  A
 * document drawn in a worker thread is also built there: it lays itself
 * out with the font map of the thread that creates it, and the main
 * thread's is GTK's.  So the thread gets copies of the case and the
 * organisation of its own, which nobody can change under it.
 */

typedef struct
{
  LsNotificationDocument document;
  LsCase *lcase;
  LsOrganisation *organisation;
  GHashTable *regnos;
  char *path; /* where to write it, or NULL for the bytes */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->lcase);
  g_clear_object (&job->organisation);
  g_clear_pointer (&job->regnos, g_hash_table_unref);
  g_free (job->path);
  g_free (job);
}

static GTask *
start_job (LsNotificationDocument document,
           LsCase *lcase,
           LsOrganisation *organisation,
           GHashTable *regnos,
           const char *path,
           gpointer source_tag,
           GCancellable *cancellable,
           GAsyncReadyCallback callback,
           gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);
  GHashTableIter iter;
  gpointer uuid, regno;

  g_task_set_source_tag (task, source_tag);
  job->document = document;
  job->lcase = ls_case_new ();
  ls_model_copy (G_OBJECT (job->lcase), G_OBJECT (lcase));
  if (organisation != NULL)
    {
      job->organisation = ls_organisation_new ();
      ls_model_copy (G_OBJECT (job->organisation), G_OBJECT (organisation));
    }
  job->regnos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (regnos != NULL)
    {
      g_hash_table_iter_init (&iter, regnos);
      while (g_hash_table_iter_next (&iter, &uuid, &regno))
        g_hash_table_insert (job->regnos, g_strdup (uuid), g_strdup (regno));
    }
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, job_free);
  return task;
}

static void
job_thread (GTask *task,
            gpointer source_object,
            gpointer task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (LsFormDocument) document = ls_case_pdf_build (
      job->document, job->lcase, job->organisation, job->regnos);
  GError *error = NULL;
  GBytes *pdf;

  if (job->path != NULL)
    {
      if (ls_form_document_write_pdf (document, job->path, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }
  pdf = ls_form_document_to_pdf_bytes (document, &error);
  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

/**
 * ls_case_pdf_build:
 * @organisation: (nullable): who investigated
 * @regnos: (nullable): registration numbers of linked cases, by uuid
 *
 * Builds @document in the calling thread, as for printing.
 *
 * Returns: (transfer full): the document
 */
LsFormDocument *
ls_case_pdf_build (LsNotificationDocument document,
                   LsCase *lcase,
                   LsOrganisation *organisation,
                   GHashTable *regnos)
{
  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);

  if (document == LS_NOTIFICATION_DOCUMENT_INVESTIGATION)
    return ls_case_documents_build_investigation (lcase, organisation, regnos);
  if (document == LS_NOTIFICATION_DOCUMENT_BOARD_LETTER)
    {
      g_autofree char *board = ls_rules_dup_deciding_board (lcase);

      return ls_case_documents_build_board_letter (lcase, organisation, board);
    }
  return ls_case_documents_build_notification (lcase);
}

/**
 * ls_case_pdf_dup_file_name:
 *
 * The documents are Swedish whatever the language of the app, and so are
 * their file names: "Anmälan lex Sarah VON-2026-0003.pdf".
 *
 * Returns: (transfer full): the name a PDF of @document is offered under
 */
char *
ls_case_pdf_dup_file_name (LsNotificationDocument document, LsCase *lcase)
{
  const char *what;
  const char *regno;
  g_autofree char *safe = NULL;

  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);

  switch (document)
    {
    case LS_NOTIFICATION_DOCUMENT_INVESTIGATION:
      what = "Utredning lex Sarah";
      break;
    case LS_NOTIFICATION_DOCUMENT_BOARD_LETTER:
      what = "Information till nämnd lex Sarah";
      break;
    case LS_NOTIFICATION_DOCUMENT_FORM:
    default:
      what = "Anmälan lex Sarah";
      break;
    }
  regno = ls_case_get_regno (lcase);
  if (regno == NULL)
    return g_strdup_printf ("%s.pdf", what);
  safe = g_strdelimit (g_strdup (regno), "/\\:", '-');
  return g_strdup_printf ("%s %s.pdf", what, safe);
}

/**
 * ls_case_pdf_render_async:
 *
 * Draws @document of @lcase as it is now into a PDF in memory, in a
 * thread.
 */
void
ls_case_pdf_render_async (LsNotificationDocument document,
                          LsCase *lcase,
                          LsOrganisation *organisation,
                          GHashTable *regnos,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (LS_IS_CASE (lcase));

  task = start_job (document, lcase, organisation, regnos, NULL,
                    ls_case_pdf_render_async, cancellable, callback, user_data);
  g_task_run_in_thread (task, job_thread);
}

/**
 * ls_case_pdf_render_finish:
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
ls_case_pdf_render_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                            ls_case_pdf_render_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ls_case_pdf_write_async:
 * @path: the file to write; replaced whole or not at all, readable only
 *   by the user
 *
 * Writes @document of @lcase as it is now to @path, in a thread.
 */
void
ls_case_pdf_write_async (LsNotificationDocument document,
                         LsCase *lcase,
                         LsOrganisation *organisation,
                         GHashTable *regnos,
                         const char *path,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (LS_IS_CASE (lcase));
  g_return_if_fail (path != NULL);

  task = start_job (document, lcase, organisation, regnos, path,
                    ls_case_pdf_write_async, cancellable, callback, user_data);
  g_task_run_in_thread (task, job_thread);
}

/**
 * ls_case_pdf_write_finish:
 *
 * Returns: whether the file was written; if not, @error says why, for the
 *   user
 */
gboolean
ls_case_pdf_write_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                            ls_case_pdf_write_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
