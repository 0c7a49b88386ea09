/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-people-register.h"

G_BEGIN_DECLS

/* clang-format off */
GtkWidget *ls_people_attention_new_group (LsPeopleRegister *register_,
                                          const char       *today);
/* clang-format on */

G_END_DECLS
