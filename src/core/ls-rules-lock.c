/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-error.h"
#include "ls-model.h"
#include "ls-rules-private.h"
#include "ls-rules.h"

/* A concluded investigation is a record: changing it means reopening it,
 * and every change after a conclusion or a notification says why, so
 * that the history shows who changed what, when and why. */

/**
 * ls_rules_is_locked:
 *
 * Returns: whether a change of the case must say why: its investigation
 *   is concluded or IVO has been notified
 */
gboolean
ls_rules_is_locked (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), FALSE);

  return ls_rules_conclusion_is_made (self) ||
         ls_rules_is_set (ls_notification_get_submitted_on (
             ls_case_get_notification (self)));
}

/**
 * ls_rules_reopen_investigation:
 *
 * Reopens a concluded investigation so that it can be changed: the day of
 * the conclusion is cleared, its text, its decider and its assessment are
 * kept as the draft of the next conclusion.  Saved with the reason, the
 * history records the reopening.
 */
void
ls_rules_reopen_investigation (LsCase *self)
{
  g_return_if_fail (LS_IS_CASE (self));

  ls_investigation_set_concluded_on (ls_case_get_investigation (self), NULL);
}

/* The investigation without its journal, which the store keeps apart. */
static JsonNode *
investigation_node (LsCase *lcase)
{
  JsonObject *object =
      ls_model_to_json (G_OBJECT (ls_case_get_investigation (lcase)));
  JsonNode *node = json_node_alloc ();

  json_object_remove_member (object, "journal");
  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

/* The case as a change after its conclusion or notification must say
 * why for.  What records what happened since is no change of it: the
 * notification written after the conclusion until it is sent, the day
 * the finished investigation was sent, the boards told and the
 * individuals told of the notification.  The journal is compared apart. */
static JsonNode *
sealed_node (LsCase *lcase, gboolean notified)
{
  JsonObject *object = ls_case_to_json (lcase);
  JsonObject *report = json_object_get_object_member (object, "report");
  JsonArray *individuals =
      report != NULL ? json_object_get_array_member (report, "individuals")
                     : NULL;
  JsonNode *node = json_node_alloc ();

  json_object_remove_member (object, "board_notices");
  json_object_remove_member (
      json_object_get_object_member (object, "investigation"), "journal");
  if (!notified)
    json_object_remove_member (object, "notification");
  else
    json_object_remove_member (
        json_object_get_object_member (object, "notification"),
        "investigation_sent_on");
  for (guint i = 0;
       individuals != NULL && i < json_array_get_length (individuals); i++)
    {
      JsonObject *individual = json_array_get_object_element (individuals, i);

      json_object_remove_member (individual, "told_of_notification_on");
      json_object_remove_member (individual, "told_of_notification_how");
    }
  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

/* The registration number, or the uuid of a case that has none yet:
 * neither is a personal detail. */
static const char *
case_name (LsCase *lcase)
{
  return ls_case_get_regno (lcase) != NULL ? ls_case_get_regno (lcase)
                                           : ls_case_get_uuid (lcase);
}

/**
 * ls_rules_check_change:
 * @before: (nullable): the case as stored, %NULL for a new one
 * @after: the case about to be stored, known to differ from @before
 * @journal_grew: whether @after adds documented items to @before's (such
 *   as a correction): a change that needs a reason, not a reopening
 * @why: (nullable): why the case changes
 *
 * A change of what was concluded or notified needs a reason; recording
 * what happened since (writing the notification after the conclusion,
 * the boards and individuals told, the investigation sent) does not.
 *
 * Returns: %TRUE when the change may be stored; otherwise @error is
 *   %LS_ERROR_LOCKED (a concluded investigation changes without being
 *   reopened) or %LS_ERROR_REASON_REQUIRED (nobody said why)
 */
gboolean
ls_rules_check_change (LsCase *before,
                       LsCase *after,
                       gboolean journal_grew,
                       const char *why,
                       GError **error)
{
  g_return_val_if_fail (before == NULL || LS_IS_CASE (before), FALSE);
  g_return_val_if_fail (LS_IS_CASE (after), FALSE);

  if (before == NULL || !ls_rules_is_locked (before))
    return TRUE;

  if (ls_rules_conclusion_is_made (before) &&
      ls_rules_conclusion_is_made (after))
    {
      g_autoptr (JsonNode) a = investigation_node (before);
      g_autoptr (JsonNode) b = investigation_node (after);

      /* Documented items are append-only: a correction added later is a
       * new item and changes nothing recorded, so it needs a reason but
       * no reopening. */
      if (!json_node_equal (a, b))
        {
          /* Translators: %s is the case's registration number. */
          g_set_error (error, LS_ERROR, LS_ERROR_LOCKED,
                       _ ("The investigation of case %s is concluded. Reopen "
                          "it, with a reason, to change it."),
                       case_name (before));
          return FALSE;
        }
    }
  if (!journal_grew)
    {
      gboolean notified = ls_rules_is_set (
          ls_notification_get_submitted_on (ls_case_get_notification (before)));
      g_autoptr (JsonNode) a = sealed_node (before, notified);
      g_autoptr (JsonNode) b = sealed_node (after, notified);

      if (json_node_equal (a, b))
        return TRUE;
    }
  if (!ls_rules_is_set (why))
    {
      /* Translators: %s is the case's registration number. */
      g_set_error (error, LS_ERROR, LS_ERROR_REASON_REQUIRED,
                   _ ("Case %s has been concluded or notified to IVO: say "
                      "why it is changed."),
                   case_name (before));
      return FALSE;
    }
  return TRUE;
}
