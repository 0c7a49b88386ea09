/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LS_TYPE_FORM_PREVIEW (ls_form_preview_get_type ())

G_DECLARE_FINAL_TYPE (
    LsFormPreview, ls_form_preview, LS, FORM_PREVIEW, GtkWidget)

/* clang-format off */
GtkWidget *ls_form_preview_new           (void);
GBytes    *ls_form_preview_get_pdf       (LsFormPreview *self);
void       ls_form_preview_set_pdf       (LsFormPreview *self,
                                          GBytes        *pdf);
guint      ls_form_preview_get_n_pages   (LsFormPreview *self);
gboolean   ls_form_preview_get_loading   (LsFormPreview *self);
double     ls_form_preview_get_zoom      (LsFormPreview *self);
void       ls_form_preview_set_zoom      (LsFormPreview *self,
                                          double         zoom);
gboolean   ls_form_preview_get_fit_width (LsFormPreview *self);
void       ls_form_preview_set_fit_width (LsFormPreview *self,
                                          gboolean       fit_width);
/* clang-format on */

G_END_DECLS
