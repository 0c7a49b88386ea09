/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ls-form-document.h"

G_BEGIN_DECLS

#define LS_TYPE_PRINT_OPERATION (ls_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (LsPrintOperation,
                      ls_print_operation,
                      LS,
                      PRINT_OPERATION,
                      GtkPrintOperation)

/* clang-format off */
LsPrintOperation        *ls_print_operation_new          (LsFormDocument       *document);
LsFormDocument          *ls_print_operation_get_document (LsPrintOperation     *self);
void                     ls_print_operation_print_async  (LsPrintOperation     *self,
                                                          GtkWindow            *parent,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
GtkPrintOperationResult  ls_print_operation_print_finish (LsPrintOperation     *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
/* clang-format on */

G_END_DECLS
