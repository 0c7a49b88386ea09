/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_CONTEXT (ls_context_get_type ())

G_DECLARE_FINAL_TYPE (LsContext, ls_context, LS, CONTEXT, GObject)

/* clang-format off */
LsContext      *ls_context_new              (LsStore        *store,
                                             LsOrganisation *organisation,
                                             GSettings      *settings);
LsStore        *ls_context_get_store        (LsContext      *self);
LsOrganisation *ls_context_get_organisation (LsContext      *self);
void            ls_context_set_organisation (LsContext      *self,
                                             LsOrganisation *organisation);
GSettings      *ls_context_get_settings     (LsContext      *self);
char           *ls_context_dup_author       (LsContext      *self);
char           *ls_context_dup_author_title (LsContext      *self);
/* clang-format on */

G_END_DECLS
