/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

/* clang-format off */
GtkWindow  *ls_wizards_open             (GtkWindow      *parent,
                                         LsStore        *store,
                                         LsOrganisation *organisation,
                                         LsCase         *lcase,
                                         GSettings      *settings,
                                         LsStep          step,
                                         LsPoints        point);
char       *ls_wizards_dup_author       (GSettings      *settings);
gboolean    ls_wizards_is_narrow        (GtkWindow      *window);
void        ls_wizards_show_back        (GtkButton      *back,
                                         gboolean        narrow);
/* clang-format on */

G_END_DECLS
