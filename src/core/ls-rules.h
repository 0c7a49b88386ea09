/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-board-notice.h"
#include "ls-case.h"
#include "ls-duty.h"
#include "ls-organisation.h"
#include "ls-requirement.h"

G_BEGIN_DECLS

/**
 * LsRulesAttention:
 * @step: the step of a requirement that needs attention now
 * @due: (nullable): its last day
 *
 * What the store keeps of such a requirement, see
 * ls_rules_check_attention().
 */
typedef struct
{
  LsStep step;
  char *due;
} LsRulesAttention;

/* clang-format off */
gboolean      ls_rules_report_is_complete     (LsCase          *self);
gboolean      ls_rules_investigation_begun    (LsCase          *self);
gboolean      ls_rules_conclusion_is_made     (LsCase          *self);
gboolean      ls_rules_proposes_notification  (LsCase          *self);
LsCaseStatus  ls_rules_derive_status          (LsCase          *self);
char         *ls_rules_dup_investigation_due  (LsCase          *self);
char         *ls_rules_dup_investigation_sent_on (LsCase       *self);
gboolean      ls_rules_investigation_is_sent  (LsCase          *self);
gboolean      ls_rules_all_told_of_notification (LsCase        *self);
gboolean      ls_rules_secrecy_allowed        (LsOrganisation  *organisation);
gboolean      ls_rules_is_personal_assistance (LsCase          *self,
                                               LsOrganisation  *organisation);
char         *ls_rules_dup_deciding_board     (LsCase          *self);
LsBoardNotice *ls_rules_record_board_letter   (LsCase          *self,
                                               const char      *board,
                                               const char      *sent_on);
gboolean      ls_rules_is_locked              (LsCase          *self);
void          ls_rules_reopen_investigation   (LsCase          *self);
gboolean      ls_rules_check_change           (LsCase          *before,
                                               LsCase          *after,
                                               gboolean         journal_grew,
                                               const char      *why,
                                               GError         **error);
GPtrArray    *ls_rules_list_duties            (LsCase          *self,
                                               GDateTime       *now);
char         *ls_rules_dup_next_deadline      (LsCase          *self);
GListStore   *ls_rules_check                  (LsCase          *self,
                                               LsOrganisation  *organisation);
gboolean      ls_rules_can_close              (LsCase          *self,
                                               LsOrganisation  *organisation,
                                               GError         **error);
GArray       *ls_rules_check_attention        (LsCase          *self,
                                               LsOrganisation  *organisation);
gboolean      ls_rules_needs_attention        (LsRequirement   *requirement);
gboolean      ls_rules_urgency_needs_attention (LsLegalUrgency urgency);
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
