/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LS_TYPE_TEXT_FIELD (ls_text_field_get_type ())

G_DECLARE_FINAL_TYPE (LsTextField, ls_text_field, LS, TEXT_FIELD, GtkWidget)

/* clang-format off */
GtkWidget  *ls_text_field_new       (void);
const char *ls_text_field_get_title (LsTextField *self);
void        ls_text_field_set_title (LsTextField *self,
                                     const char  *title);
char       *ls_text_field_dup_text  (LsTextField *self);
void        ls_text_field_set_text  (LsTextField *self,
                                     const char  *text);
void        ls_text_field_set_error (LsTextField *self,
                                     const char  *message);
const char *ls_text_field_get_error (LsTextField *self);
gboolean    ls_text_field_has_error (LsTextField *self);
/* clang-format on */

G_END_DECLS
