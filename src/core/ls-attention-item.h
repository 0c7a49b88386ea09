/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ls-case-summary.h"

G_BEGIN_DECLS

#define LS_TYPE_ATTENTION_ITEM (ls_attention_item_get_type ())

G_DECLARE_FINAL_TYPE (
    LsAttentionItem, ls_attention_item, LS, ATTENTION_ITEM, GObject)

/* clang-format off */
LsAttentionItem *ls_attention_item_new              (LsCaseSummary   *summary,
                                                     GPtrArray       *requirements);
const char      *ls_attention_item_get_uuid         (LsAttentionItem *self);
const char      *ls_attention_item_get_regno        (LsAttentionItem *self);
const char      *ls_attention_item_get_unit         (LsAttentionItem *self);
const char      *ls_attention_item_get_status       (LsAttentionItem *self);
GPtrArray       *ls_attention_item_get_requirements (LsAttentionItem *self);
/* clang-format on */

G_END_DECLS
