/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-case-pdf.h"
#include "ls-wizard.h"

G_BEGIN_DECLS

#define LS_TYPE_NOTIFICATION_WIZARD (ls_notification_wizard_get_type ())

G_DECLARE_FINAL_TYPE (LsNotificationWizard,
                      ls_notification_wizard,
                      LS,
                      NOTIFICATION_WIZARD,
                      LsWizard)

/* clang-format off */
LsNotificationWizard *ls_notification_wizard_new             (GtkWindow              *parent,
                                                              LsContext              *context,
                                                              LsCase                 *lcase);
GHashTable           *ls_notification_wizard_get_regnos      (LsNotificationWizard   *self);
void                  ls_notification_wizard_reload          (LsNotificationWizard   *self);
char                 *ls_notification_wizard_dup_pdf_name    (LsNotificationWizard   *self,
                                                              LsNotificationDocument  document);
void                  ls_notification_wizard_save_pdf_async  (LsNotificationWizard   *self,
                                                              LsNotificationDocument  document,
                                                              GFile                  *file,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
gboolean              ls_notification_wizard_save_pdf_finish (LsNotificationWizard   *self,
                                                              GAsyncResult           *result,
                                                              GError                **error);
/* clang-format on */

G_END_DECLS
