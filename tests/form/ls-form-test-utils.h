/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "ls-notification-form.h"

G_BEGIN_DECLS

/* poppler-glib 22.12 has no autoptr support of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* clang-format off */
LsNotificationForm *ls_test_example_form        (void);
PopplerDocument    *ls_test_render_to_poppler   (LsFormDocument  *doc);
char               *ls_test_dup_all_text        (PopplerDocument *pdf);
char               *ls_test_dup_page_text       (PopplerDocument *pdf,
                                                 guint            page);
char               *ls_test_squeeze             (const char      *text);
void                ls_test_assert_in_order     (const char      *haystack,
                                                 const char     **needles);
cairo_surface_t    *ls_test_render_page_image   (PopplerDocument *pdf,
                                                 guint            page,
                                                 double           scale);
double              ls_test_darkness            (cairo_surface_t *image,
                                                 double           x,
                                                 double           y,
                                                 double           size);
/* clang-format on */

G_END_DECLS
