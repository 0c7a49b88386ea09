/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the file the user chose, and the data given. */
typedef void (*LsExportChosenFunc) (GFile *file, gpointer user_data);

/* clang-format off */
void ls_export_choose_file (GtkWindow          *parent,
                            const char         *title,
                            const char         *name,
                            const char         *filter_name,
                            const char         *mime_type,
                            LsExportChosenFunc  chosen,
                            gpointer            user_data,
                            GDestroyNotify      destroy);
/* clang-format on */

G_END_DECLS
