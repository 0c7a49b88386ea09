/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-application.h"

G_BEGIN_DECLS

/* clang-format off */
void  ls_backup_choose       (LsApplication *app,
                              GtkWindow     *parent);
void  ls_backup_write        (LsApplication *app,
                              GtkWindow     *parent,
                              GFile         *file);
void  ls_restore_choose      (LsApplication *app,
                              GtkWindow     *parent);
void  ls_restore_check       (LsApplication *app,
                              GtkWindow     *parent,
                              GFile         *file);
char *ls_restore_dup_keep_path (const char  *database);
/* clang-format on */

G_END_DECLS
