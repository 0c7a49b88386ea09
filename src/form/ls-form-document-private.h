/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-form-document.h"

G_BEGIN_DECLS

/* clang-format off */
const char *ls_form_document_get_subject (LsFormDocument *self);
/* clang-format on */

G_END_DECLS
