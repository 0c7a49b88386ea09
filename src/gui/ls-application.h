/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_APPLICATION (ls_application_get_type ())

G_DECLARE_FINAL_TYPE (
    LsApplication, ls_application, LS, APPLICATION, AdwApplication)

/* clang-format off */
LsApplication  *ls_application_new                      (void);
const char     *ls_application_get_database_path        (LsApplication        *self);
void            ls_application_open_database            (LsApplication        *self,
                                                         const char           *path);
void            ls_application_reload                   (LsApplication        *self);
GSettings      *ls_application_get_settings             (LsApplication        *self);
LsStore        *ls_application_get_store                (LsApplication        *self);
const GError   *ls_application_get_store_error          (LsApplication        *self);
LsOrganisation *ls_application_get_organisation         (LsApplication        *self);
gboolean        ls_application_needs_setup              (LsApplication        *self);
void            ls_application_save_organisation_async  (LsApplication        *self,
                                                         LsOrganisation       *organisation,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean        ls_application_save_organisation_finish (LsApplication        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void            ls_application_adopt_organisation       (LsApplication        *self,
                                                         LsStore              *store,
                                                         LsOrganisation       *organisation);
void            ls_application_set_database_setting     (LsApplication        *self,
                                                         const char           *location);
/* clang-format on */

G_END_DECLS
