/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-application.h"

G_BEGIN_DECLS

typedef gboolean (*LsTestCondition) (gpointer data);

/* clang-format off */
void       ls_test_wait_until        (LsTestCondition  condition,
                                      gpointer         data);
void       ls_test_drain_events      (void);
char      *ls_test_make_database     (const char      *name,
                                      const char      *document);
void       ls_test_wait_for_store    (LsApplication   *app);
void       ls_test_open_database     (LsApplication   *app,
                                      const char      *path);
void       ls_test_click             (GtkWidget       *root,
                                      const char      *label);
GtkWindow *ls_test_find_window       (GType            type,
                                      GtkWindow       *except);
GtkWidget *ls_test_find_text         (GtkWidget       *root,
                                      const char      *text);
gboolean   ls_test_shows_text        (GtkWidget       *root,
                                      const char      *text);
/* clang-format on */

G_END_DECLS
