/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ls-enums.h"
#include "ls-law.h"

G_BEGIN_DECLS

/**
 * LsResponsibilityInfo:
 * @responsibility: which one
 * @name: what the holder does, in English (a msgid: pass it to gettext)
 * @swedish: the same in Swedish, for the routines document
 * @reference: the provision that asks for it
 * @step: the step of a case where the holder acts, or -1 where none does
 * @has_holder: whether a person or function holds it; what an
 *   investigation contains is the app's checklist instead
 *
 * One responsibility the general advice to 7 kap. 1 § names.
 */
typedef struct
{
  LsResponsibility responsibility;
  const char *name;
  const char *swedish;
  LsLawRef reference;
  int step;
  gboolean has_holder;
} LsResponsibilityInfo;

/* clang-format off */
const LsResponsibilityInfo *ls_responsibility_get_info    (LsResponsibility responsibility);
int                         ls_responsibility_for_step    (LsStep           step);
const char *const          *ls_responsibility_get_checklist (guint         *n_items);
/* clang-format on */

G_END_DECLS
