/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ls-field.h"

G_BEGIN_DECLS

/* What ls_model_check_text() checks of a member of a document beyond
 * the form of its kind, found from the member's name once per class. */
typedef enum
{
  LS_MODEL_CHECK_PAST = 1 << 0,       /* the date of something done */
  LS_MODEL_CHECK_DEPARTMENT = 1 << 1, /* one of IVO's departments */
} LsModelChecks;

/* clang-format off */
void     ls_model_append_json       (GObject     *object,
                                     GListModel  *omit,
                                     GString     *out,
                                     GString     *text);
gboolean ls_model_from_json_checked (GObject     *object,
                                     JsonObject  *json,
                                     const char  *path,
                                     GError     **error);
gboolean ls_model_from_json_document (GObject     *object,
                                      JsonObject  *json,
                                      const char  *path,
                                      GError     **error);
char    *ls_model_dup_nicks          (GType        type);
LsModelChecks ls_model_member_checks (const char *name);
gboolean ls_model_check_text         (LsFieldKind  kind,
                                      LsModelChecks checks,
                                      const char  *value,
                                      const char  *path,
                                      const char  *name,
                                      gboolean     document,
                                      GError     **error);
gboolean ls_model_fail_unknown_member (const char *path,
                                      const char  *name,
                                      GError     **error);
gboolean ls_model_check_list_text    (GParamSpec  *pspec,
                                      const char  *value,
                                      const char  *path,
                                      const char  *name,
                                      guint        index,
                                      GError     **error);
/* clang-format on */

G_END_DECLS
