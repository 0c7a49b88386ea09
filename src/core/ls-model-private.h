/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

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
gboolean ls_model_check_text         (GParamSpec  *pspec,
                                      const char  *value,
                                      const char  *path,
                                      const char  *name,
                                      gboolean     document,
                                      GError     **error);
gboolean ls_model_check_list_text    (GParamSpec  *pspec,
                                      const char  *value,
                                      const char  *path,
                                      const char  *name,
                                      guint        index,
                                      GError     **error);
/* clang-format on */

G_END_DECLS
