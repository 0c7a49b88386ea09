/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-notification-form.h"
#include "ls-poppler-private.h"

G_BEGIN_DECLS

/**
 * LsTestItem:
 * @label: text printed on the form, such as a box's label
 * @value: (nullable): text that must stand right under @label, in its box
 * @page: the page it must be on, from 0, or -1 for any page from the one of
 *   the item before
 */
typedef struct
{
  const char *label;
  const char *value;
  int page;
} LsTestItem;

/* The check boxes of the annex form, in the order the document adds them:
 * serious wrongdoing, clear risk; board, private provider, SiS; informed;
 * investigation under SoL, under LSS, routines, other. */
enum
{
  CHECK_WRONGDOING,
  CHECK_RISK,
  CHECK_BOARD,
  CHECK_PRIVATE,
  CHECK_SIS,
  CHECK_INFORMED,
  CHECK_INVESTIGATION_SOL,
  CHECK_INVESTIGATION_LSS,
  CHECK_ROUTINES,
  CHECK_OTHER,
  N_CHECKS
};

/* clang-format off */
LsNotificationForm *ls_test_example_form        (void);
PopplerDocument    *ls_test_render_to_poppler   (LsFormDocument  *doc);
char               *ls_test_dup_all_text        (PopplerDocument *pdf);
char               *ls_test_dup_page_text       (PopplerDocument *pdf,
                                                 guint            page);
char               *ls_test_squeeze             (const char      *text);
void                ls_test_assert_in_order     (const char      *haystack,
                                                 const char     **needles);
char               *ls_test_dup_numbered_words  (const char      *prefix,
                                                 gsize            length);
void                ls_test_assert_words_in_order (const char    *haystack,
                                                 const char      *text);
cairo_surface_t    *ls_test_render_page_image   (PopplerDocument *pdf,
                                                 guint            page,
                                                 double           scale);
double              ls_test_darkness            (cairo_surface_t *image,
                                                 double           x,
                                                 double           y,
                                                 double           size);
void                ls_test_assert_a4           (PopplerDocument *pdf);
void                ls_test_assert_page_numbers (PopplerDocument *pdf);
void                ls_test_assert_fonts_embedded (PopplerDocument *pdf);
void                ls_test_assert_checks_drawn (LsFormDocument  *doc,
                                                 PopplerDocument *pdf);
void                ls_test_assert_layout       (PopplerDocument *pdf,
                                                 const LsTestItem *items,
                                                 guint            n_items);
void                ls_test_assert_golden       (PopplerDocument *pdf,
                                                 guint            page,
                                                 const char      *name);
/* clang-format on */

G_END_DECLS
