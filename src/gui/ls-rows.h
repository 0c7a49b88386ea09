/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-requirement.h"

G_BEGIN_DECLS

/* clang-format off */
void       ls_rows_remove           (AdwPreferencesGroup *group,
                                     GPtrArray           *rows);
GtkWidget *ls_rows_new_property     (const char          *label,
                                     const char          *value);
GtkWidget *ls_rows_new_link         (const char          *title,
                                     const char          *subtitle);
GtkWidget *ls_rows_new_requirement  (LsRequirement       *requirement,
                                     GDateTime           *now);
GtkWidget *ls_rows_new_done         (const char          *title);
GtkWidget *ls_rows_new_add          (const char          *title);
GtkWidget *ls_rows_new_warning_icon (const char          *label);
char      *ls_rows_dup_text         (GtkWidget           *row);
void       ls_rows_set_text         (GtkWidget           *row,
                                     const char          *text);
void       ls_rows_activate_on_enter (GtkWindow          *window);
void       ls_rows_wrap_headings    (GtkWidget           *root);
/* clang-format on */

G_END_DECLS
