/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* clang-format off */
void        ls_row_set_error (GtkWidget  *row,
                              const char *message);
gboolean    ls_row_mark_bad  (GtkWidget  *row,
                              const char *message,
                              GtkWidget **first_bad);
const char *ls_row_get_error (GtkWidget  *row);
gboolean    ls_row_has_error (GtkWidget  *row);
/* clang-format on */

G_END_DECLS
