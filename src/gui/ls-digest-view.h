/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-digest.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_DIGEST_VIEW (ls_digest_view_get_type ())

G_DECLARE_FINAL_TYPE (LsDigestView, ls_digest_view, LS, DIGEST_VIEW, AdwBin)

/* clang-format off */
GtkWidget *ls_digest_view_new        (LsStore                 *store);
void       ls_digest_view_set_query  (LsDigestView            *self,
                                      const LsStatisticsQuery *query);
LsDigest  *ls_digest_view_get_digest (LsDigestView            *self);
gboolean   ls_digest_view_get_loading (LsDigestView           *self);
/* clang-format on */

G_END_DECLS
