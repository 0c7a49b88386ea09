/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* clang-format off */
void ls_spinner_start_later (GtkSpinner *spinner);
void ls_spinner_stop        (GtkSpinner *spinner);
/* clang-format on */

G_END_DECLS
