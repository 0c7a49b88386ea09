/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ls-law.h"

G_BEGIN_DECLS

/* clang-format off */
const LsChoice *ls_names_get  (GType  enum_type,
                               guint *n_values);
const LsChoice *ls_names_find (GType  enum_type,
                               int    value);
/* clang-format on */

G_END_DECLS
