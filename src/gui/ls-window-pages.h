/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* clang-format off */
void           ls_window_pages_ensure          (GtkStack     *stack,
                                                const char   *name,
                                                GMenuModel   *menu);
void           ls_window_pages_set_loading     (GtkStack     *stack,
                                                gboolean      loading);
void           ls_window_pages_show_error      (GtkStack     *stack,
                                                GMenuModel   *menu,
                                                const GError *error,
                                                const char   *location);
GtkMenuButton *ls_window_pages_get_menu_button (GtkStack     *stack,
                                                const char   *name);
void           ls_window_pages_fill_when_shown (GtkStack     *stack,
                                                const char   *name);
/* clang-format on */

G_END_DECLS
