/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-requirement.h"

G_BEGIN_DECLS

/* clang-format off */
gboolean      ls_rules_report_is_complete     (LsCase          *self);
gboolean      ls_rules_investigation_begun    (LsCase          *self);
gboolean      ls_rules_conclusion_is_made     (LsCase          *self);
gboolean      ls_rules_proposes_notification  (LsCase          *self);
LsCaseStatus  ls_rules_derive_status          (LsCase          *self);
char         *ls_rules_dup_investigation_due  (LsCase          *self);
char         *ls_rules_dup_next_deadline      (LsCase          *self);
GListStore   *ls_rules_check                  (LsCase          *self,
                                               LsOrganisation  *organisation);
gboolean      ls_rules_can_close              (LsCase          *self,
                                               LsOrganisation  *organisation,
                                               GError         **error);
gboolean      ls_rules_needs_attention        (LsRequirement   *requirement);
int           ls_rules_compare_urgency        (LsRequirement   *a,
                                               LsRequirement   *b);
gboolean      ls_rules_find_invalid           (LsCase          *self,
                                               LsOrganisation  *organisation,
                                               GDateTime       *now,
                                               char           **bad_path,
                                               GError         **error);
gboolean      ls_rules_validate               (LsCase          *self,
                                               LsOrganisation  *organisation,
                                               GDateTime       *now,
                                               GError         **error);
void          ls_rules_prefill_notification   (LsCase          *self,
                                               LsOrganisation  *organisation);
/* clang-format on */

G_END_DECLS
