/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the search's words, stripped, whenever they change. */
typedef void (*LsWindowSearchChanged) (gpointer data, const char *text);

typedef struct _LsWindowSearch LsWindowSearch;

/* clang-format off */
LsWindowSearch *ls_window_search_new             (GtkWidget             *window,
                                                  GtkBox                *box,
                                                  GtkWidget             *sibling,
                                                  GtkToggleButton       *button,
                                                  LsWindowSearchChanged  changed,
                                                  gpointer               data);
void            ls_window_search_free            (LsWindowSearch        *self);
void            ls_window_search_start           (LsWindowSearch        *self);
void            ls_window_search_set_key_capture (LsWindowSearch        *self,
                                                  gboolean               capture);
/* clang-format on */

G_END_DECLS
