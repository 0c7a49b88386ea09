/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * LsModelChangedFunc:
 * @watcher: the object that asked to be told
 *
 * Called when anything in a watched tree of model objects changed.
 */
typedef void (*LsModelChangedFunc) (GObject *watcher);

/* clang-format off */
JsonObject *ls_model_to_json       (GObject             *object);
gboolean    ls_model_from_json     (GObject             *object,
                                    JsonObject          *json,
                                    const char          *path,
                                    GError             **error);
gboolean    ls_model_validate      (GObject             *object,
                                    const char          *path,
                                    char               **bad_path,
                                    GError             **error);
void        ls_model_collect_text  (GObject             *object,
                                    GString             *out);
void        ls_model_copy          (GObject             *dest,
                                    GObject             *src);
void        ls_model_mark_added_later (GParamSpec       *pspec);
gboolean    ls_model_is_added_later   (GParamSpec       *pspec);
void        ls_model_watch         (GObject             *object,
                                    GObject             *watcher,
                                    LsModelChangedFunc   changed);
/* clang-format on */

G_END_DECLS
