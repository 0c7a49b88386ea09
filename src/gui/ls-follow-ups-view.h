/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-context.h"

G_BEGIN_DECLS

#define LS_TYPE_FOLLOW_UPS_VIEW (ls_follow_ups_view_get_type ())

G_DECLARE_FINAL_TYPE (
    LsFollowUpsView, ls_follow_ups_view, LS, FOLLOW_UPS_VIEW, AdwWindow)

/* clang-format off */
LsFollowUpsView *ls_follow_ups_view_new         (LsContext         *context);
void             ls_follow_ups_view_set_today   (LsFollowUpsView   *self,
                                                 const char        *today);
void             ls_follow_ups_view_set_units   (LsFollowUpsView   *self,
                                                 const char *const *units);
gboolean         ls_follow_ups_view_get_loading (LsFollowUpsView   *self);
guint            ls_follow_ups_view_get_n_shown (LsFollowUpsView   *self);
/* clang-format on */

G_END_DECLS
