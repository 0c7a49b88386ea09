/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

/**
 * LsNotificationDocument:
 * @LS_NOTIFICATION_DOCUMENT_FORM: the notification on the annex form
 * @LS_NOTIFICATION_DOCUMENT_INVESTIGATION: the finished investigation, the
 *   notification's attachment
 *
 * The documents the notification wizard shows, prints and saves.
 */
typedef enum
{
  LS_NOTIFICATION_DOCUMENT_FORM,
  LS_NOTIFICATION_DOCUMENT_INVESTIGATION,
} LsNotificationDocument;

#define LS_TYPE_NOTIFICATION_WIZARD (ls_notification_wizard_get_type ())

G_DECLARE_FINAL_TYPE (LsNotificationWizard,
                      ls_notification_wizard,
                      LS,
                      NOTIFICATION_WIZARD,
                      AdwWindow)

/* clang-format off */
LsNotificationWizard *ls_notification_wizard_new             (GtkWindow              *parent,
                                                              LsStore                *store,
                                                              LsOrganisation         *organisation,
                                                              LsCase                 *lcase,
                                                              GSettings              *settings);
LsCase               *ls_notification_wizard_get_case        (LsNotificationWizard   *self);
void                  ls_notification_wizard_show_step       (LsNotificationWizard   *self,
                                                              LsStep                  step);
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
