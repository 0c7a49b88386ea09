/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-case.h"
#include "ls-form-document.h"
#include "ls-organisation.h"

G_BEGIN_DECLS

/**
 * LsNotificationDocument:
 * @LS_NOTIFICATION_DOCUMENT_FORM: the notification on the annex form
 * @LS_NOTIFICATION_DOCUMENT_INVESTIGATION: the finished investigation, the
 *   notification's attachment
 * @LS_NOTIFICATION_DOCUMENT_BOARD_LETTER: the letter to the board that
 *   decided the individual's service (6 kap. 4 §)
 *
 * The documents of a notification: what goes to IVO, and the letter to
 * the deciding board.
 */
typedef enum
{
  LS_NOTIFICATION_DOCUMENT_FORM,
  LS_NOTIFICATION_DOCUMENT_INVESTIGATION,
  LS_NOTIFICATION_DOCUMENT_BOARD_LETTER,
} LsNotificationDocument;

/* clang-format off */
LsFormDocument *ls_case_pdf_build         (LsNotificationDocument  document,
                                           LsCase                 *lcase,
                                           LsOrganisation         *organisation,
                                           GHashTable             *regnos);
char           *ls_case_pdf_dup_file_name (LsNotificationDocument  document,
                                           LsCase                 *lcase);
void            ls_case_pdf_render_async  (LsNotificationDocument  document,
                                           LsCase                 *lcase,
                                           LsOrganisation         *organisation,
                                           GHashTable             *regnos,
                                           GCancellable           *cancellable,
                                           GAsyncReadyCallback     callback,
                                           gpointer                user_data);
GBytes         *ls_case_pdf_render_finish (GAsyncResult           *result,
                                           GError                **error);
void            ls_case_pdf_write_async   (LsNotificationDocument  document,
                                           LsCase                 *lcase,
                                           LsOrganisation         *organisation,
                                           GHashTable             *regnos,
                                           const char             *path,
                                           GCancellable           *cancellable,
                                           GAsyncReadyCallback     callback,
                                           gpointer                user_data);
gboolean        ls_case_pdf_write_finish  (GAsyncResult           *result,
                                           GError                **error);
/* clang-format on */

G_END_DECLS
