/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ls-store.h"

G_BEGIN_DECLS

/* clang-format off */
char     *ls_cli_dup_author    (void);
LsStore  *ls_cli_open_existing (const char  *database,
                                GError     **error);
gboolean  ls_cli_import        (const char  *database,
                                const char  *file,
                                const char  *author,
                                guint       *n_changed,
                                GError     **error);
gboolean  ls_cli_export        (const char  *database,
                                const char  *file,
                                GError     **error);
gboolean  ls_cli_backup        (const char  *database,
                                const char  *file,
                                GError     **error);
void      ls_cli_print_error   (const GError *error);
/* clang-format on */

G_END_DECLS
