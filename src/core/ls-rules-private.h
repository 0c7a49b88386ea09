/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-case.h"
#include "ls-law.h"
#include "ls-organisation.h"
#include "ls-requirement.h"

G_BEGIN_DECLS

/* What the parts of the rules share: one check of a case collects its
 * requirements into @out, or, when @out is %NULL, only the step and day
 * of those that need attention now into @attention (of
 * #LsRulesAttention), without their messages: the store writes those
 * rows for every case it saves. */
typedef struct
{
  LsCase *self;
  LsOrganisation *organisation;
  GListStore *out;
  GArray *attention;
} LsRulesCheck;

/* clang-format off */
gboolean            ls_rules_is_set          (const char   *text);
guint               ls_rules_n_items         (GListStore   *store);
gpointer            ls_rules_item_at         (GListStore   *store,
                                              guint         position);
LsOrganisationKind  ls_rules_organisation_kind (LsRulesCheck *check);
gboolean            ls_rules_wants_messages  (LsRulesCheck *check);
LsRequirement      *ls_rules_require         (LsRulesCheck *check,
                                              LsStep        step,
                                              LsPoints      point,
                                              LsLawRef      ref,
                                              const char   *due,
                                              gboolean      blocking,
                                              const char   *message);
void                ls_rules_check_board_notices (LsRulesCheck *check,
                                              LsNoticeStage stage);
/* clang-format on */

G_END_DECLS
