/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest file an import reads: far more than the cases of a large
 * organisation take, and little enough to hold in memory twice. */
#define LS_FILES_MAX_INPUT (64 * 1024 * 1024)

/* The deepest nesting of objects and lists an exchange document can need
 * is 7 (a point of a journal item of a case); more is refused before the
 * text reaches a parser that recurses once per level. */
#define LS_FILES_MAX_DEPTH 16

/* The longest error message the command line prints, in bytes. */
#define LS_FILES_MAX_MESSAGE 1024

typedef struct _LsOutput LsOutput;

/* clang-format off */
GBytes   *ls_files_read_input      (const char   *path,
                                    gsize         limit,
                                    GError      **error);
gboolean  ls_files_scan_json       (const char   *data,
                                    gsize         length,
                                    char        **nul_path,
                                    GError      **error);

LsOutput *ls_output_new            (const char   *path,
                                    const char   *database,
                                    GError      **error);
int       ls_output_get_fd         (LsOutput     *self);
gboolean  ls_output_write          (LsOutput     *self,
                                    const void   *data,
                                    gsize         length,
                                    GError      **error);
gboolean  ls_output_commit         (LsOutput     *self,
                                    GError      **error);
void      ls_output_free           (LsOutput     *self);
gboolean  ls_files_write_output    (const char   *path,
                                    const char   *database,
                                    const char   *data,
                                    gsize         length,
                                    GError      **error);

guint     ls_files_remove_stale    (const char   *folder);
void      ls_files_clean_leftovers (const char   *database);
char     *ls_files_tidy_message    (const char   *message);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsOutput, ls_output_free)

G_END_DECLS
