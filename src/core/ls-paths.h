/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* clang-format off */
char     *ls_paths_dup_default_database (void);
gboolean  ls_paths_ensure_private_dir   (const char  *path,
                                         GError     **error);
/* clang-format on */

G_END_DECLS
