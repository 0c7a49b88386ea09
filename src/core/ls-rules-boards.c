/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-board-notice.h"
#include "ls-rules-private.h"
#include "ls-rules.h"
#include "ls-unit.h"

/* Which boards are told of a report (4 kap.) and of a notification
 * (6 kap.): those the law requires, and those its advice suggests. */

static gboolean
same_board (const char *a, const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_strcmp0 (g_strstrip (fa), g_strstrip (fb)) == 0;
}

/* A notice counts when it names its board and says when the board was
 * told or the letter went; for SiS, also when it says which secrecy
 * kept the board from being told (4 kap. 2 §, 6 kap. 5 §). @board, when
 * not %NULL, asks for a notice to that board. */
static gboolean
has_notice (LsRulesCheck *check, LsNoticeStage stage, const char *board)
{
  GListStore *notices = ls_case_get_board_notices (check->self);
  gboolean secrecy =
      ls_rules_organisation_kind (check) == LS_ORGANISATION_KIND_SIS;

  for (guint i = 0; i < ls_rules_n_items (notices); i++)
    {
      LsBoardNotice *notice = ls_rules_item_at (notices, i);

      if (ls_board_notice_get_stage (notice) != stage)
        continue;
      if (secrecy && ls_board_notice_get_secrecy_prevents (notice) &&
          ls_rules_is_set (ls_board_notice_get_secrecy_reason (notice)) &&
          board == NULL)
        return TRUE;
      if (!ls_rules_is_set (ls_board_notice_get_board (notice)))
        continue;
      if (board != NULL &&
          !same_board (board, ls_board_notice_get_board (notice)))
        continue;
      if (ls_rules_is_set (ls_board_notice_get_notified_on (notice)) ||
          ls_rules_is_set (ls_board_notice_get_letter_sent_on (notice)))
        return TRUE;
    }
  return FALSE;
}

/**
 * ls_rules_secrecy_allowed:
 *
 * Only SiS may leave the responsible board untold because secrecy
 * prevents it (4 kap. 2 §, 6 kap. 5 §).
 *
 * Returns: whether a board notice may be recorded as not given for
 *   secrecy
 */
gboolean
ls_rules_secrecy_allowed (LsOrganisation *organisation)
{
  return organisation != NULL &&
         ls_organisation_get_kind (organisation) == LS_ORGANISATION_KIND_SIS;
}

/**
 * ls_rules_is_personal_assistance:
 * @organisation: (nullable): the organisation whose unit the case names
 *
 * Personal assistance under LSS is where Försäkringskassan may have
 * decided on assistance compensation (51 kap. 2 § socialförsäkringsbalken),
 * and the advice to 4 kap. 1 § and 6 kap. 3 § asks about the board
 * responsible under 15 § 2 LSS.
 *
 * Returns: whether the case concerns LSS personal assistance
 */
gboolean
ls_rules_is_personal_assistance (LsCase *self, LsOrganisation *organisation)
{
  LsUnit *unit;
  g_autofree char *activity = NULL;

  g_return_val_if_fail (LS_IS_CASE (self), FALSE);

  if (ls_case_get_assistance_compensation (self))
    return TRUE;
  if (organisation == NULL || ls_case_get_regime (self) != LS_REGIME_LSS)
    return FALSE;
  unit = ls_organisation_find_unit (organisation, ls_case_get_unit_id (self));
  if (unit == NULL || ls_unit_get_activity (unit) == NULL)
    return FALSE;
  activity = g_utf8_casefold (ls_unit_get_activity (unit), -1);
  return strstr (activity, "assistans") != NULL ||
         strstr (activity, "assistance") != NULL;
}

/* The boards the advice suggests: the board responsible under 15 § 2 LSS
 * where Försäkringskassan decided on assistance compensation, and for a
 * municipal board the board that decided the individual's service when
 * it is another board.  Suggested and recorded, never blocking. */
static void
suggest_advised (LsRulesCheck *check, LsNoticeStage stage)
{
  LsCase *self = check->self;
  const char *deciding = ls_case_get_deciding_board (self);
  gboolean report = stage == LS_NOTICE_STAGE_REPORT;

  if (ls_case_get_assistance_compensation (self) &&
      !has_notice (check, stage, ls_case_get_assistance_board (self)))
    {
      g_autofree char *message = NULL;
      const char *board = ls_case_get_assistance_board (self);

      if (!ls_rules_wants_messages (check))
        message = NULL;
      else if (board == NULL)
        message = g_strdup (
            report ? _ ("Consider telling the board responsible under 15 § 2 "
                        "LSS of the report: Försäkringskassan decided on the "
                        "assistance compensation.")
                   : _ ("Consider telling the board responsible under 15 § 2 "
                        "LSS of the notification: Försäkringskassan decided "
                        "on the assistance compensation."));
      else
        message = ls_bidi_format (
            report ? _ ("Consider telling %s, the board responsible under "
                        "15 § 2 LSS, of the report.")
                   : _ ("Consider telling %s, the board responsible under "
                        "15 § 2 LSS, of the notification."),
            board, NULL);
      ls_rules_require (check, LS_STEP_BOARD_NOTICE, 0,
                        report ? LS_LAW_BOARD_PRIVATE_ADVICE
                               : LS_LAW_NOTIFY_BOARD_PRIVATE_ADVICE,
                        NULL, FALSE, message);
    }

  if (ls_rules_organisation_kind (check) ==
          LS_ORGANISATION_KIND_MUNICIPAL_BOARD &&
      ls_rules_is_set (deciding) &&
      (check->organisation == NULL ||
       !same_board (deciding,
                    ls_organisation_get_name (check->organisation))) &&
      !has_notice (check, stage, deciding))
    {
      g_autofree char *message = NULL;

      if (ls_rules_wants_messages (check))
        message = ls_bidi_format (
            report ? _ ("Consider telling %s, which decided the individual’s "
                        "service, of the report.")
                   : _ ("Consider telling %s, which decided the individual’s "
                        "service, of the notification."),
            deciding, NULL);

      ls_rules_require (check, LS_STEP_BOARD_NOTICE, 0,
                        report ? LS_LAW_BOARD_MUNICIPAL_ADVICE
                               : LS_LAW_NOTIFY_BOARD_MUNICIPAL_ADVICE,
                        NULL, FALSE, message);
    }
}

void
ls_rules_check_board_notices (LsRulesCheck *check, LsNoticeStage stage)
{
  LsOrganisationKind kind = ls_rules_organisation_kind (check);
  gboolean report = stage == LS_NOTICE_STAGE_REPORT;

  if (ls_law_board_notice_required (kind, stage) &&
      !has_notice (check, stage, NULL))
    {
      if (kind == LS_ORGANISATION_KIND_SIS)
        ls_rules_require (
            check, LS_STEP_BOARD_NOTICE, 0,
            report ? LS_LAW_BOARD_SIS : LS_LAW_NOTIFY_BOARD_SIS, NULL, report,
            report ? _ ("Tell the responsible social welfare board of the "
                        "report, unless secrecy prevents it.")
                   : _ ("Tell the responsible social welfare board of the "
                        "notification, unless secrecy prevents it."));
      else
        ls_rules_require (
            check, LS_STEP_BOARD_NOTICE, 0,
            report ? LS_LAW_BOARD_PRIVATE : LS_LAW_NOTIFY_BOARD_PRIVATE, NULL,
            report,
            report ? _ ("Tell the board that decided the individual’s service "
                        "of the report.")
                   : _ ("Tell the board that decided the individual’s service "
                        "of the notification: what emerged, the conclusion "
                        "and the actions."));
    }
  suggest_advised (check, stage);
}

/**
 * ls_rules_dup_deciding_board:
 *
 * Returns: (transfer full) (nullable): the board that decided the
 *   individual's service, as the case names it or as it was told of the
 *   report
 */
char *
ls_rules_dup_deciding_board (LsCase *self)
{
  GListStore *notices;

  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  if (ls_rules_is_set (ls_case_get_deciding_board (self)))
    return g_strdup (ls_case_get_deciding_board (self));
  notices = ls_case_get_board_notices (self);
  for (guint i = 0; i < ls_rules_n_items (notices); i++)
    {
      LsBoardNotice *notice = ls_rules_item_at (notices, i);

      if (ls_board_notice_get_stage (notice) == LS_NOTICE_STAGE_REPORT &&
          ls_rules_is_set (ls_board_notice_get_board (notice)))
        return g_strdup (ls_board_notice_get_board (notice));
    }
  return NULL;
}

/**
 * ls_rules_record_board_letter:
 * @board: the board the letter of 6 kap. 4 § went to
 * @sent_on: the day it was sent
 *
 * Records on the notification's board notice to @board, made when there
 * is none, that the letter was sent and when; the board counts as told
 * from that day unless an earlier day is recorded.
 *
 * Returns: (transfer none): the notice
 */
LsBoardNotice *
ls_rules_record_board_letter (LsCase *self,
                              const char *board,
                              const char *sent_on)
{
  GListStore *notices;
  g_autoptr (LsBoardNotice) made = NULL;
  LsBoardNotice *notice = NULL;

  g_return_val_if_fail (LS_IS_CASE (self), NULL);
  g_return_val_if_fail (board != NULL && sent_on != NULL, NULL);

  notices = ls_case_get_board_notices (self);
  for (guint i = 0; notice == NULL && i < ls_rules_n_items (notices); i++)
    {
      LsBoardNotice *candidate = ls_rules_item_at (notices, i);

      if (ls_board_notice_get_stage (candidate) ==
              LS_NOTICE_STAGE_NOTIFICATION &&
          same_board (ls_board_notice_get_board (candidate), board))
        notice = candidate;
    }
  if (notice == NULL)
    {
      made = ls_board_notice_new ();
      ls_board_notice_set_stage (made, LS_NOTICE_STAGE_NOTIFICATION);
      ls_board_notice_set_board (made, board);
      ls_board_notice_set_how (made, "Brev enligt 6 kap. 4 § SOSFS 2011:5");
      g_list_store_append (notices, made);
      notice = made;
    }
  ls_board_notice_set_letter_sent_on (notice, sent_on);
  if (!ls_rules_is_set (ls_board_notice_get_notified_on (notice)))
    ls_board_notice_set_notified_on (notice, sent_on);
  return notice;
}
