/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

/* clang-format off */
JsonNode *ls_import_read_document      (const char     *file,
                                        GError        **error);
JsonNode *ls_import_parse_document     (const char     *data,
                                        gsize           length,
                                        GError        **error);
char     *ls_import_name_case          (const char     *regno,
                                        const char     *uuid,
                                        guint           index);
char     *ls_import_dup_case_name      (JsonNode       *element,
                                        guint           index);
gboolean  ls_import_check_document     (JsonNode       *document,
                                        GError        **error);
gboolean  ls_import_check_organisation (LsOrganisation *stored,
                                        LsOrganisation *incoming,
                                        GError        **error);
gboolean  ls_import_check_case         (LsCase         *stored,
                                        LsCase         *incoming,
                                        guint           index,
                                        GError        **error);
gboolean  ls_import_check_units        (LsStore        *store,
                                        LsOrganisation *organisation,
                                        GError        **error);
/* clang-format on */

G_END_DECLS
