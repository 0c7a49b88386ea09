/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-form-document.h"

G_BEGIN_DECLS

/* Builds a document; runs in the thread that writes it. */
typedef LsFormDocument *(*LsFormBuildFunc) (gpointer data);

/* clang-format off */
void     ls_form_export_pdf_async  (LsFormBuildFunc      build,
                                    gpointer             data,
                                    GDestroyNotify       destroy,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean ls_form_export_pdf_finish (GAsyncResult        *result,
                                    GError             **error);
/* clang-format on */

G_END_DECLS
