/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-application.h"
#include "ls-test-utils.h"

G_BEGIN_DECLS

/* clang-format off */
char      *ls_test_make_database     (const char      *name,
                                      const char      *document);
void       ls_test_wait_for_store    (LsApplication   *app);
LsApplication *ls_test_start_app     (const char      *path);
void       ls_test_open_database     (LsApplication   *app,
                                      const char      *path);
GtkWidget *ls_test_open_window       (LsApplication   *app,
                                      int              width,
                                      int              height);
GtkWindow *ls_test_find_window       (GType            type,
                                      GtkWindow       *except);
GtkWidget *ls_test_find_text         (GtkWidget       *root,
                                      const char      *text);
gboolean   ls_test_shows_text        (GtkWidget       *root,
                                      const char      *text);
void       ls_test_wait_for_text     (GtkWidget       *root,
                                      const char      *text);
void       ls_test_wait_without_text (GtkWidget       *root,
                                      const char      *text);
/* clang-format on */

G_END_DECLS
