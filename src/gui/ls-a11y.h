/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* clang-format off */
char *ls_a11y_strip_mnemonic (const char *text);
void  ls_a11y_name_once      (GtkWidget  *root);
/* clang-format on */

G_END_DECLS
