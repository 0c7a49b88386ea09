/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The largest file a case can hold: a scanned statement or a photo, not a
 * film.  The whole database is one file that backups carry. */
#define LS_ATTACHMENT_MAX_SIZE (20 * 1024 * 1024)

#define LS_TYPE_ATTACHMENT (ls_attachment_get_type ())

G_DECLARE_FINAL_TYPE (LsAttachment, ls_attachment, LS, ATTACHMENT, GObject)

/* clang-format off */
LsAttachment *ls_attachment_new              (const char    *name,
                                              const char    *content_type,
                                              const char    *kind,
                                              GBytes        *data,
                                              const char    *replaces,
                                              const char    *added_by,
                                              const char    *added_at,
                                              GError       **error);
LsAttachment *ls_attachment_new_from_json    (JsonObject    *json,
                                              const char    *path,
                                              GBytes       **data,
                                              GError       **error);
JsonObject   *ls_attachment_to_json          (LsAttachment  *self,
                                              GBytes        *data);
const char   *ls_attachment_get_uuid         (LsAttachment  *self);
const char   *ls_attachment_get_name         (LsAttachment  *self);
const char   *ls_attachment_get_content_type (LsAttachment  *self);
const char   *ls_attachment_get_kind         (LsAttachment  *self);
gint64        ls_attachment_get_size         (LsAttachment  *self);
const char   *ls_attachment_get_sha256       (LsAttachment  *self);
const char   *ls_attachment_get_replaces     (LsAttachment  *self);
const char   *ls_attachment_get_added_by     (LsAttachment  *self);
const char   *ls_attachment_get_added_at     (LsAttachment  *self);
gboolean      ls_attachment_kind_is_valid    (const char    *kind);
/* For the store */
LsAttachment *ls_attachment_new_stored       (const char    *uuid,
                                              const char    *name,
                                              const char    *content_type,
                                              const char    *kind,
                                              gint64         size,
                                              const char    *sha256,
                                              const char    *replaces,
                                              const char    *added_by,
                                              const char    *added_at);
/* clang-format on */

G_END_DECLS
