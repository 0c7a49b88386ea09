/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* What the form documents print in place of a character that no installed
 * font can draw: U+FFFD, which every font the app needs has. */
#define LS_FORM_TEXT_PLACEHOLDER "\xEF\xBF\xBD"

typedef struct _LsFormTextChecker LsFormTextChecker;

/* clang-format off */
PangoContext      *ls_form_text_context_new      (void);
PangoLayout       *ls_form_text_layout_new       (PangoContext      *context,
                                                  const char        *font,
                                                  const char        *text,
                                                  int                length,
                                                  double             width);
gsize              ls_form_text_fit              (PangoContext      *context,
                                                  const char        *font,
                                                  const char        *text,
                                                  gsize              length,
                                                  gsize              start,
                                                  double             width,
                                                  double             height,
                                                  guint              max_lines,
                                                  gsize             *shown_end,
                                                  double            *used);
gsize              ls_form_text_skip_breaks      (const char        *text,
                                                  gsize              pos);
char              *ls_form_text_dup_breakable_address
                                                 (const char        *address);

LsFormTextChecker *ls_form_text_checker_new      (PangoContext      *context,
                                                  const char        *font);
void               ls_form_text_checker_free     (LsFormTextChecker *checker);
char              *ls_form_text_checker_clean    (LsFormTextChecker *checker,
                                                  const char        *text,
                                                  guint             *n_replaced);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsFormTextChecker, ls_form_text_checker_free)

G_END_DECLS
