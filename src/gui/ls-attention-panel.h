/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-context.h"

#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_ATTENTION_PANEL (ls_attention_panel_get_type ())

G_DECLARE_FINAL_TYPE (
    LsAttentionPanel, ls_attention_panel, LS, ATTENTION_PANEL, AdwBin)

/* clang-format off */
LsAttentionPanel *ls_attention_panel_new              (LsContext        *context);
guint             ls_attention_panel_get_n_cases      (LsAttentionPanel *self);
gboolean          ls_attention_panel_get_loading      (LsAttentionPanel *self);
/* clang-format on */

G_END_DECLS
