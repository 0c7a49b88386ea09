/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-item-list.h"

G_BEGIN_DECLS

/* The lists of items the report's pages edit, and how the summary
 * describes them. */
extern const LsItemListSpec ls_report_individuals_spec;
extern const LsItemListSpec ls_report_actions_spec;
extern const LsItemListSpec ls_report_boards_spec;
extern const LsItemListSpec ls_report_boards_sis_spec;

/* clang-format off */
char *ls_report_items_join (GListStore         *store,
                            LsItemListDescribe  describe);
/* clang-format on */

G_END_DECLS
