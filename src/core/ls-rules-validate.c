/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-board-notice.h"
#include "ls-case-private.h"
#include "ls-cause.h"
#include "ls-dates.h"
#include "ls-error.h"
#include "ls-journal-item.h"
#include "ls-law.h"
#include "ls-model.h"
#include "ls-rules-private.h"
#include "ls-rules.h"

/* Whether a case's fields are sound and fit together, for a form, an
 * import or the command line. */

/* ---- Validation ------------------------------------------------------ */

static gboolean
fail_at (char **bad_path,
         const char *path,
         GError **error,
         LsError code,
         const char *message)
{
  if (bad_path != NULL)
    *bad_path = g_strdup (path);
  g_set_error_literal (error, LS_ERROR, code, message);
  return FALSE;
}

static gboolean
check_not_future (const char *value,
                  const char *path,
                  GDateTime *now,
                  char **bad_path,
                  GError **error)
{
  if (value != NULL && ls_dates_is_future (value, now))
    return fail_at (bad_path, path, error, LS_ERROR_DATE_IN_FUTURE,
                    _ ("The date lies in the future."));
  return TRUE;
}

static gboolean
check_choice (const LsChoice *choices,
              guint n_choices,
              const char *id,
              const char *path,
              char **bad_path,
              GError **error)
{
  g_autofree char *message = NULL;

  if (id == NULL || ls_law_find_choice (choices, n_choices, id) != NULL)
    return TRUE;
  message = g_strdup (_ ("It is not one of the categories."));
  return fail_at (bad_path, path, error, LS_ERROR_UNKNOWN_VALUE, message);
}

static gboolean
check_report_dates (LsReport *report,
                    GDateTime *now,
                    char **bad_path,
                    GError **error)
{
  const char *received = ls_report_get_received_at (report);
  const char *occurred = ls_report_get_occurred_at (report);
  const char *noticed = ls_report_get_noticed_at (report);

  if (occurred != NULL && ls_report_get_occurred_unknown (report))
    return fail_at (bad_path, "report.occurred_at", error,
                    LS_ERROR_INVALID_VALUE,
                    _ ("Give when it happened, or say that it is not known, "
                       "not both."));
  if (!check_not_future (received, "report.received_at", now, bad_path,
                         error) ||
      !check_not_future (occurred, "report.occurred_at", now, bad_path,
                         error) ||
      !check_not_future (noticed, "report.noticed_at", now, bad_path, error))
    return FALSE;

  if (occurred != NULL && received != NULL &&
      ls_dates_compare (occurred, received) > 0)
    return fail_at (bad_path, "report.occurred_at", error,
                    LS_ERROR_OCCURRED_AFTER_REPORT,
                    _ ("It cannot have happened after the report was "
                       "received."));
  if (noticed != NULL && received != NULL &&
      ls_dates_compare (noticed, received) > 0)
    return fail_at (bad_path, "report.noticed_at", error,
                    LS_ERROR_OCCURRED_AFTER_REPORT,
                    _ ("It cannot have been noticed after the report was "
                       "received."));
  if (occurred != NULL && noticed != NULL &&
      ls_dates_compare (occurred, noticed) > 0)
    return fail_at (bad_path, "report.noticed_at", error, LS_ERROR_INVALID_DATE,
                    _ ("It cannot have been noticed before it happened."));
  return TRUE;
}

static gboolean
check_journal_links (LsInvestigation *inv, char **bad_path, GError **error)
{
  GListStore *journal = ls_investigation_get_journal (inv);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ls_rules_n_items (journal); i++)
    {
      LsJournalItem *item = ls_rules_item_at (journal, i);
      const char *uuid = ls_journal_item_get_uuid (item);
      const char *corrects = ls_journal_item_get_corrects (item);
      g_autofree char *path = NULL;

      if (uuid == NULL || !g_hash_table_add (seen, (gpointer) uuid))
        {
          path = g_strdup_printf ("investigation.journal[%u].uuid", i);
          return fail_at (bad_path, path, error, LS_ERROR_BAD_DOCUMENT,
                          _ ("Every documented item needs an identifier of "
                             "its own."));
        }
      /* A correction follows what it corrects. */
      if (corrects != NULL && !g_hash_table_contains (seen, corrects))
        {
          path = g_strdup_printf ("investigation.journal[%u].corrects", i);
          return fail_at (bad_path, path, error, LS_ERROR_UNKNOWN_VALUE,
                          _ ("The item it corrects is not an earlier item "
                             "of this case."));
        }
    }
  return TRUE;
}

/* Only SiS may leave a board untold for secrecy, and then says why. */
static gboolean
check_board_notices_valid (LsCase *self,
                           LsOrganisation *organisation,
                           char **bad_path,
                           GError **error)
{
  GListStore *notices = ls_case_get_board_notices (self);

  for (guint i = 0; i < ls_rules_n_items (notices); i++)
    {
      LsBoardNotice *notice = ls_rules_item_at (notices, i);
      g_autofree char *path = NULL;

      if (!ls_board_notice_get_secrecy_prevents (notice))
        continue;
      if (organisation != NULL && !ls_rules_secrecy_allowed (organisation))
        {
          path = g_strdup_printf ("board_notices[%u].secrecy_prevents", i);
          return fail_at (bad_path, path, error, LS_ERROR_INVALID_VALUE,
                          _ ("Only SiS may leave the board untold because "
                             "secrecy prevents it."));
        }
      if (!ls_rules_is_set (ls_board_notice_get_secrecy_reason (notice)))
        {
          path = g_strdup_printf ("board_notices[%u].secrecy_reason", i);
          return fail_at (bad_path, path, error, LS_ERROR_EMPTY_FIELD,
                          _ ("Say which secrecy prevents telling the "
                             "board."));
        }
    }
  return TRUE;
}

/**
 * ls_rules_find_invalid:
 * @organisation: (nullable): the organisation, to check the unit against
 * @now: (nullable): the present, %NULL for the clock's
 * @bad_path: (out) (optional): the field at fault, such as
 *   "report.occurred_at"
 *
 * Checks every field of the case and how they fit together: well-formed
 * values, no report from the future, nothing happening after it was
 * reported, a unit the organisation has, known categories, corrections of
 * items that exist.  The message of @error is about the field alone, so a
 * form can show it beside the field @bad_path names.
 *
 * Returns: %TRUE when the case is sound
 */
gboolean
ls_rules_find_invalid (LsCase *self,
                       LsOrganisation *organisation,
                       GDateTime *now,
                       char **bad_path,
                       GError **error)
{
  g_autoptr (GDateTime) clock = NULL;
  LsReport *report;
  LsInvestigation *inv;
  GListStore *causes;
  const LsChoice *choices;
  guint n_choices;

  g_return_val_if_fail (LS_IS_CASE (self), FALSE);

  if (now == NULL)
    now = clock = ls_dates_now_local ();
  report = ls_case_get_report (self);
  inv = ls_case_get_investigation (self);

  if (!ls_case_get_fields_checked (self) &&
      !ls_model_validate (G_OBJECT (self), NULL, bad_path, error))
    return FALSE;
  if (!check_report_dates (report, now, bad_path, error))
    return FALSE;

  if (organisation != NULL && ls_case_get_unit_id (self) != NULL &&
      ls_organisation_find_unit (organisation, ls_case_get_unit_id (self)) ==
          NULL)
    return fail_at (bad_path, "unit_id", error, LS_ERROR_UNKNOWN_UNIT,
                    _ ("The unit is not one of the organisation’s units."));

  choices = ls_law_get_categories (&n_choices);
  if (!check_choice (choices, n_choices, ls_report_get_category (report),
                     "report.category", bad_path, error))
    return FALSE;
  choices = ls_law_get_cause_categories (&n_choices);
  causes = ls_investigation_get_causes (inv);
  for (guint i = 0; i < ls_rules_n_items (causes); i++)
    {
      g_autofree char *path =
          g_strdup_printf ("investigation.causes[%u].category", i);

      if (!check_choice (choices, n_choices,
                         ls_cause_get_category (ls_rules_item_at (causes, i)),
                         path, bad_path, error))
        return FALSE;
    }

  if (!check_journal_links (inv, bad_path, error))
    return FALSE;

  if (!check_board_notices_valid (self, organisation, bad_path, error))
    return FALSE;

  if (ls_notification_get_department (ls_case_get_notification (self)) !=
          NULL &&
      ls_law_find_department (ls_notification_get_department (
          ls_case_get_notification (self))) == NULL)
    return fail_at (bad_path, "notification.department", error,
                    LS_ERROR_UNKNOWN_VALUE,
                    _ ("This is not one of IVO’s departments."));
  return TRUE;
}

/**
 * ls_rules_validate:
 *
 * Like ls_rules_find_invalid(), with the field named in the message, such
 * as "report.occurred_at: It cannot have happened after the report was
 * received.", for an import or the command line.
 */
gboolean
ls_rules_validate (LsCase *self,
                   LsOrganisation *organisation,
                   GDateTime *now,
                   GError **error)
{
  g_autofree char *bad_path = NULL;
  g_autoptr (GError) local_error = NULL;

  if (ls_rules_find_invalid (self, organisation, now, &bad_path, &local_error))
    return TRUE;
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              "%s: ", bad_path != NULL ? bad_path : "");
  return FALSE;
}
