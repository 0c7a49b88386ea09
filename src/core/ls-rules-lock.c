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

/* Removes @member of @object while the stored object has none:
 * recording it is no change, changing it once recorded is. */
static void
drop_if_unset (JsonObject *object, JsonObject *stored, const char *member)
{
  JsonNode *node =
      stored != NULL ? json_object_get_member (stored, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    json_object_remove_member (object, member);
}

/* Leaves of @object (a case) what a change after its conclusion or
 * notification must say why for, @stored being the case as stored.  What
 * records what happened since is no change of it: the notification
 * written after the conclusion until it is sent, the attachments chosen
 * for the package for IVO, the boards told, and,
 * until they are recorded, the day the finished investigation was sent
 * and when and how the individuals were told of the notification.  The
 * journal is compared apart. */
static void
strip_recorded_since (JsonObject *object, JsonObject *stored, gboolean notified)
{
  JsonObject *report = json_object_get_object_member (object, "report");
  JsonObject *stored_report = json_object_get_object_member (stored, "report");
  JsonArray *individuals = json_object_get_array_member (report, "individuals");
  JsonArray *stored_individuals =
      json_object_get_array_member (stored_report, "individuals");

  json_object_remove_member (object, "board_notices");
  json_object_remove_member (
      json_object_get_object_member (object, "investigation"), "journal");
  if (!notified)
    json_object_remove_member (object, "notification");
  else
    {
      JsonObject *notification =
          json_object_get_object_member (object, "notification");

      drop_if_unset (notification,
                     json_object_get_object_member (stored, "notification"),
                     "investigation_sent_on");
      /* The package for IVO is written once the notification is sent:
       * choosing what goes in it is part of sending it. */
      json_object_remove_member (notification, "sent_attachments");
    }
  for (guint i = 0; i < json_array_get_length (individuals); i++)
    {
      JsonObject *individual = json_array_get_object_element (individuals, i);
      JsonObject *was =
          i < json_array_get_length (stored_individuals)
              ? json_array_get_object_element (stored_individuals, i)
              : NULL;

      drop_if_unset (individual, was, "told_of_notification_on");
      drop_if_unset (individual, was, "told_of_notification_how");
    }
}

/* Whether @after changes what @before concluded or notified. */
static gboolean
changes_sealed (LsCase *before, LsCase *after)
{
  gboolean notified = ls_rules_is_set (
      ls_notification_get_submitted_on (ls_case_get_notification (before)));
  g_autoptr (JsonNode) a = json_node_alloc ();
  g_autoptr (JsonNode) b = json_node_alloc ();
  JsonObject *stored = ls_case_to_json (before);
  JsonObject *changed = ls_case_to_json (after);

  /* @changed first: @stored says what was recorded until it is stripped. */
  strip_recorded_since (changed, stored, notified);
  strip_recorded_since (stored, stored, notified);
  json_node_init_object (a, stored);
  json_node_init_object (b, changed);
  json_object_unref (stored);
  json_object_unref (changed);
  return !json_node_equal (a, b);
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
  if (!journal_grew && !changes_sealed (before, after))
    return TRUE;
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
