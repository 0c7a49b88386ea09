/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-print-operation.h"

struct _LsPrintOperation
{
  GtkPrintOperation parent_instance;

  LsFormDocument *document;

  /* the running print_async(), until it is done */
  GTask *task;
  GCancellable *cancellable;
  gulong cancelled_id;
};

G_DEFINE_FINAL_TYPE (LsPrintOperation,
                     ls_print_operation,
                     GTK_TYPE_PRINT_OPERATION)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Ends the running print_async() once, whichever comes first: the "done"
 * signal or gtk_print_operation_run() returning. */
static void
complete_task (LsPrintOperation *self,
               GtkPrintOperationResult result,
               GError *error)
{
  g_autoptr (GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }

  if (self->cancellable != NULL)
    g_cancellable_disconnect (self->cancellable, self->cancelled_id);
  self->cancelled_id = 0;
  g_clear_object (&self->cancellable);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_task_return_new_error (task, LS_FORM_ERROR, LS_FORM_ERROR_PRINT,
                               _ ("The form could not be printed: %s"),
                               error != NULL ? error->message
                                             : _ ("unknown error"));
      g_clear_error (&error);
      return;
    }

  g_clear_error (&error);
  g_task_return_int (task, result);
}

static void
done_cb (GtkPrintOperation *operation,
         GtkPrintOperationResult result,
         gpointer user_data)
{
  LsPrintOperation *self = LS_PRINT_OPERATION (operation);
  GError *error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  complete_task (self, result, error);
}

static gboolean
cancel_idle_cb (gpointer user_data)
{
  gtk_print_operation_cancel (GTK_PRINT_OPERATION (user_data));
  return G_SOURCE_REMOVE;
}

/* Cancelling may emit "done" at once, and complete_task() must not
 * disconnect from the cancellable inside its own handler: later, then. */
static void
cancelled_cb (GCancellable *cancellable, gpointer user_data)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, cancel_idle_cb, g_object_ref (user_data),
                   g_object_unref);
}

/* The pages are laid out once, here, and only drawn in draw-page. */
static void
ls_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext *context)
{
  LsPrintOperation *self = LS_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (
      operation, (int) ls_form_document_paginate (self->document));
}

static void
ls_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext *context,
                              int page_nr)
{
  LsPrintOperation *self = LS_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = MIN (width / LS_FORM_PAGE_WIDTH, height / LS_FORM_PAGE_HEIGHT);

  /* On A4 this is the page as it is; on other paper the whole page shrinks
   * to fit, centred, rather than losing its edges. */
  cairo_save (cr);
  cairo_translate (cr, (width - LS_FORM_PAGE_WIDTH * scale) / 2,
                   (height - LS_FORM_PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  ls_form_document_render_page (self->document, cr, (guint) page_nr);
  cairo_restore (cr);
}

static void
ls_print_operation_constructed (GObject *object)
{
  LsPrintOperation *self = LS_PRINT_OPERATION (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  g_autoptr (GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  G_OBJECT_CLASS (ls_print_operation_parent_class)->constructed (object);

  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  /* the document has its own margins, as the paper form has */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (
      operation, ls_form_document_get_title (self->document));
}

static void
ls_print_operation_dispose (GObject *object)
{
  LsPrintOperation *self = LS_PRINT_OPERATION (object);

  if (self->cancellable != NULL)
    g_cancellable_disconnect (self->cancellable, self->cancelled_id);
  self->cancelled_id = 0;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->task);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ls_print_operation_parent_class)->dispose (object);
}

static void
ls_print_operation_get_property (GObject *object,
                                 guint prop_id,
                                 GValue *value,
                                 GParamSpec *pspec)
{
  LsPrintOperation *self = LS_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_print_operation_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  LsPrintOperation *self = LS_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_print_operation_class_init (LsPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = ls_print_operation_constructed;
  object_class->dispose = ls_print_operation_dispose;
  object_class->get_property = ls_print_operation_get_property;
  object_class->set_property = ls_print_operation_set_property;

  operation_class->begin_print = ls_print_operation_begin_print;
  operation_class->draw_page = ls_print_operation_draw_page;

  properties[PROP_DOCUMENT] = g_param_spec_object (
      "document", NULL, NULL, LS_TYPE_FORM_DOCUMENT,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ls_print_operation_init (LsPrintOperation *self)
{
}

/**
 * ls_print_operation_new:
 * @document: the form to print
 *
 * Creates a print operation for @document on A4 portrait, named after the
 * document.  Run it with ls_print_operation_print_async(), or with
 * gtk_print_operation_run() for other actions such as exporting a PDF.
 *
 * Returns: (transfer full): the new operation
 */
LsPrintOperation *
ls_print_operation_new (LsFormDocument *document)
{
  g_return_val_if_fail (LS_IS_FORM_DOCUMENT (document), NULL);

  return g_object_new (LS_TYPE_PRINT_OPERATION, "document", document, NULL);
}

/**
 * ls_print_operation_get_document:
 *
 * Returns: (transfer none): the form it prints
 */
LsFormDocument *
ls_print_operation_get_document (LsPrintOperation *self)
{
  g_return_val_if_fail (LS_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}

/**
 * ls_print_operation_print_async:
 * @parent: (nullable): the window the print dialog belongs to
 * @cancellable: (nullable): cancels the printing
 * @callback: called when the dialog is closed and the job is handed over
 *   or has failed
 *
 * Shows the system's print dialog and prints.  An operation prints once.
 */
void
ls_print_operation_print_async (LsPrintOperation *self,
                                GtkWindow *parent,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr (GTask) task = NULL;
  GtkPrintOperationResult result;
  GError *error = NULL;

  g_return_if_fail (LS_IS_PRINT_OPERATION (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ls_print_operation_print_async);
  if (self->task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _ ("The form is being printed already"));
      return;
    }

  self->task = g_steal_pointer (&task);
  if (cancellable != NULL)
    {
      self->cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (
          cancellable, G_CALLBACK (cancelled_cb), self, NULL);
    }
  g_signal_connect (self, "done", G_CALLBACK (done_cb), NULL);

  gtk_print_operation_set_allow_async (operation, TRUE);
  result = gtk_print_operation_run (
      operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    complete_task (self, result, error);
  else
    g_clear_error (&error);
}

/**
 * ls_print_operation_print_finish:
 *
 * Returns: %GTK_PRINT_OPERATION_RESULT_APPLY when printed (or handed to the
 *   printer), %GTK_PRINT_OPERATION_RESULT_CANCEL when the user cancelled,
 *   or %GTK_PRINT_OPERATION_RESULT_ERROR with @error set, in the
 *   %LS_FORM_ERROR domain, its message for the user
 */
GtkPrintOperationResult
ls_print_operation_print_finish (LsPrintOperation *self,
                                 GAsyncResult *result,
                                 GError **error)
{
  GError *local_error = NULL;
  gssize value;

  g_return_val_if_fail (LS_IS_PRINT_OPERATION (self),
                        GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (g_task_is_valid (result, self),
                        GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                            ls_print_operation_print_async,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  value = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }

  return (GtkPrintOperationResult) value;
}
