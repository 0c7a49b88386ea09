/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-board-notice.h"
#include "ls-case-private.h"
#include "ls-case.h"
#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-error.h"
#include "ls-field.h"
#include "ls-model-private.h"
#include "ls-model.h"
#include "ls-record-private.h"
#include "ls-rules.h"
#include "ls-substitution.h"

/*
 * One lex Sarah case, from the staff report to the closed investigation
 * and the notification.  Its status follows from its content.
 */
struct _LsCase
{
  GObject parent_instance;

  char *uuid;
  char *regno;
  char *unit_id;
  LsRegime regime;
  char *created_at;
  char *lessons_learned;
  LsReport *report;
  GListStore *board_notices;
  LsInvestigation *investigation;
  LsNotification *notification;
  char **concerned;
  GListStore *substitutions;

  /* Derived from everything above, never set. */
  LsCaseStatus status;
  char *next_deadline;

  /* Every field was found well-formed when read, and nothing changed
   * since: checking it again before a save would find the same. */
  gboolean fields_checked;
  char *deciding_board;
  gboolean assistance_compensation;
  char *assistance_board;
};

G_DEFINE_FINAL_TYPE (LsCase, ls_case, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_REGNO,
  PROP_UNIT_ID,
  PROP_REGIME,
  PROP_CREATED_AT,
  PROP_LESSONS_LEARNED,
  PROP_REPORT,
  PROP_BOARD_NOTICES,
  PROP_INVESTIGATION,
  PROP_NOTIFICATION,
  PROP_CONCERNED,
  PROP_SUBSTITUTIONS,
  PROP_STATUS,
  PROP_NEXT_DEADLINE,
  PROP_DECIDING_BOARD,
  PROP_ASSISTANCE_COMPENSATION,
  PROP_ASSISTANCE_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ls_case_finalize (GObject *object)
{
  LsCase *self = LS_CASE (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->regno, g_free);
  g_clear_pointer (&self->unit_id, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->lessons_learned, g_free);
  g_clear_pointer (&self->next_deadline, g_free);
  g_clear_object (&self->report);
  g_clear_object (&self->board_notices);
  g_clear_object (&self->investigation);
  g_clear_object (&self->notification);
  g_clear_pointer (&self->deciding_board, g_free);
  g_clear_pointer (&self->assistance_board, g_free);
  g_clear_pointer (&self->concerned, g_strfreev);
  g_clear_object (&self->substitutions);

  G_OBJECT_CLASS (ls_case_parent_class)->finalize (object);
}

static void
ls_case_get_property (GObject *object,
                      guint prop_id,
                      GValue *value,
                      GParamSpec *pspec)
{
  LsCase *self = LS_CASE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_REGNO:
      g_value_set_string (value, self->regno);
      break;
    case PROP_UNIT_ID:
      g_value_set_string (value, self->unit_id);
      break;
    case PROP_REGIME:
      g_value_set_enum (value, self->regime);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_LESSONS_LEARNED:
      g_value_set_string (value, self->lessons_learned);
      break;
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_BOARD_NOTICES:
      g_value_set_object (value, self->board_notices);
      break;
    case PROP_INVESTIGATION:
      g_value_set_object (value, self->investigation);
      break;
    case PROP_NOTIFICATION:
      g_value_set_object (value, self->notification);
      break;
    case PROP_CONCERNED:
      g_value_set_boxed (value, self->concerned);
      break;
    case PROP_SUBSTITUTIONS:
      g_value_set_object (value, self->substitutions);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_NEXT_DEADLINE:
      g_value_set_string (value, self->next_deadline);
      break;
    case PROP_DECIDING_BOARD:
      g_value_set_string (value, self->deciding_board);
      break;
    case PROP_ASSISTANCE_COMPENSATION:
      g_value_set_boolean (value, self->assistance_compensation);
      break;
    case PROP_ASSISTANCE_BOARD:
      g_value_set_string (value, self->assistance_board);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Anything in the case changed: the status and the next deadline follow. */
static void
update_derived (GObject *object)
{
  LsCase *self = LS_CASE (object);
  LsCaseStatus status = ls_rules_derive_status (self);
  g_autofree char *deadline = ls_rules_dup_next_deadline (self);

  self->fields_checked = FALSE;

  if (status != self->status)
    {
      self->status = status;
      g_object_notify_by_pspec (object, properties[PROP_STATUS]);
    }
  if (g_strcmp0 (deadline, self->next_deadline) != 0)
    {
      g_free (self->next_deadline);
      self->next_deadline = g_steal_pointer (&deadline);
      g_object_notify_by_pspec (object, properties[PROP_NEXT_DEADLINE]);
    }
}

static void
ls_case_set_property (GObject *object,
                      guint prop_id,
                      const GValue *value,
                      GParamSpec *pspec)
{
  LsCase *self = LS_CASE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      ls_case_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_REGNO:
      ls_case_set_regno (self, g_value_get_string (value));
      break;
    case PROP_UNIT_ID:
      ls_case_set_unit_id (self, g_value_get_string (value));
      break;
    case PROP_REGIME:
      ls_case_set_regime (self, g_value_get_enum (value));
      break;
    case PROP_CREATED_AT:
      ls_case_set_created_at (self, g_value_get_string (value));
      break;
    case PROP_LESSONS_LEARNED:
      ls_case_set_lessons_learned (self, g_value_get_string (value));
      break;
    case PROP_DECIDING_BOARD:
      ls_case_set_deciding_board (self, g_value_get_string (value));
      break;
    case PROP_ASSISTANCE_COMPENSATION:
      ls_case_set_assistance_compensation (self, g_value_get_boolean (value));
      break;
    case PROP_ASSISTANCE_BOARD:
      ls_case_set_assistance_board (self, g_value_get_string (value));
      break;
    case PROP_CONCERNED:
      ls_case_set_concerned (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The children and lists the walks of the model read where they are. */
static const LsRecordText objects[] = {
  { PROP_REPORT, G_STRUCT_OFFSET (LsCase, report) },
  { PROP_BOARD_NOTICES, G_STRUCT_OFFSET (LsCase, board_notices) },
  { PROP_INVESTIGATION, G_STRUCT_OFFSET (LsCase, investigation) },
  { PROP_NOTIFICATION, G_STRUCT_OFFSET (LsCase, notification) },
  { PROP_SUBSTITUTIONS, G_STRUCT_OFFSET (LsCase, substitutions) },
};

/* The booleans and enumerations the walks of the model read where they
 * are. */
static const LsRecordText scalars[] = {
  { PROP_REGIME, G_STRUCT_OFFSET (LsCase, regime) },
  { PROP_ASSISTANCE_COMPENSATION,
    G_STRUCT_OFFSET (LsCase, assistance_compensation) },
};

static void
ls_case_class_init (LsCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_case_finalize;
  object_class->get_property = ls_case_get_property;
  object_class->set_property = ls_case_set_property;

  properties[PROP_UUID] = g_param_spec_string (
      "uuid", "UUID", "The case's stable identifier", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGNO] = g_param_spec_string (
      "regno", "Registration number",
      "The registration number, such as 2026-0007", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_ID] = g_param_spec_string (
      "unit-id", "Unit", "The id of the unit concerned", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGIME] = g_param_spec_enum (
      "regime", "Regime", "SoL or LSS", LS_TYPE_REGIME, LS_REGIME_SOL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] = g_param_spec_string (
      "created-at", "Created at", "When the case was registered", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LESSONS_LEARNED] = g_param_spec_string (
      "lessons-learned", "Lessons learned", "What the organisation learnt",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] = g_param_spec_object (
      "report", "Report", "The staff report", LS_TYPE_REPORT,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOARD_NOTICES] = g_param_spec_object (
      "board-notices", "Board notices",
      "Boards told of the report or notification", G_TYPE_LIST_STORE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATION] = g_param_spec_object (
      "investigation", "Investigation", "The investigation",
      LS_TYPE_INVESTIGATION, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTIFICATION] = g_param_spec_object (
      "notification", "Notification", "The notification to IVO",
      LS_TYPE_NOTIFICATION, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONCERNED] = g_param_spec_boxed (
      "concerned", "Concerned",
      "People the user marked as concerned by the report", G_TYPE_STRV,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBSTITUTIONS] = g_param_spec_object (
      "substitutions", "Substitutions",
      "Who took over a responsibility because its holder was concerned",
      G_TYPE_LIST_STORE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] = g_param_spec_enum (
      "status", "Status", "Where the case is, derived from its content",
      LS_TYPE_CASE_STATUS, LS_CASE_STATUS_DRAFT,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_DEADLINE] = g_param_spec_string (
      "next-deadline", "Next deadline", "The earliest open deadline", NULL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DECIDING_BOARD] = g_param_spec_string (
      "deciding-board", "Deciding board",
      "The board that decided the individual's service, when it is another "
      "board",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSISTANCE_COMPENSATION] = g_param_spec_boolean (
      "assistance-compensation", "Assistance compensation",
      "Försäkringskassan decided on assistance compensation (51 kap. 2 § SFB)",
      FALSE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSISTANCE_BOARD] = g_param_spec_string (
      "assistance-board", "Assistance board",
      "The board responsible under 15 § 2 LSS", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_scalars (properties, scalars, G_N_ELEMENTS (scalars));
  ls_record_mark_objects (properties, objects, G_N_ELEMENTS (objects));
  ls_model_mark_added_later (properties[PROP_DECIDING_BOARD]);
  ls_model_mark_added_later (properties[PROP_ASSISTANCE_COMPENSATION]);
  ls_model_mark_added_later (properties[PROP_ASSISTANCE_BOARD]);

  ls_field_set_kind (properties[PROP_UUID], LS_FIELD_UUID);
  /* Version 2 of the exchange format: a version 1 case has neither. */
  ls_model_mark_added_later (properties[PROP_CONCERNED]);
  ls_model_mark_added_later (properties[PROP_SUBSTITUTIONS]);
  ls_field_set_kind (properties[PROP_REGNO], LS_FIELD_REGNO);
  ls_field_set_kind (properties[PROP_UNIT_ID], LS_FIELD_UUID);
  ls_field_set_kind (properties[PROP_CREATED_AT], LS_FIELD_DATETIME);
}

/* Set while this thread makes a case to read from a document. */
static GPrivate reading;

static void
ls_case_init (LsCase *self)
{
  self->report = ls_report_new ();
  self->board_notices = g_list_store_new (LS_TYPE_BOARD_NOTICE);
  self->investigation = ls_investigation_new ();
  self->notification = ls_notification_new ();
  self->substitutions = g_list_store_new (LS_TYPE_SUBSTITUTION);

  self->status = ls_rules_derive_status (self);
  /* A case being read from a document is watched once it is read: a
   * GObject nobody listens to notifies for free, and a case has a hundred
   * fields to read. */
  if (g_private_get (&reading) == NULL)
    ls_model_watch (G_OBJECT (self), G_OBJECT (self), update_derived);
}

/**
 * ls_case_new:
 *
 * Creates an empty case with a new identifier, registered now.
 *
 * Returns: (transfer full): the case
 */
LsCase *
ls_case_new (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = ls_dates_dup_now (NULL);

  return g_object_new (LS_TYPE_CASE, "uuid", uuid, "created-at", now, NULL);
}

static LsCase *
new_from_json (JsonObject *json,
               const char *path,
               gboolean document,
               gboolean watch,
               GError **error)
{
  g_autoptr (LsCase) self = NULL;
  g_autoptr (JsonObject) fields = NULL;
  gboolean ok;

  g_return_val_if_fail (json != NULL, NULL);

  /* A case's history and attachments travel with it in the exchange
   * format but are the store's, not fields of the case. */
  if (json_object_has_member (json, "history") ||
      json_object_has_member (json, "attachments"))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      fields = json_object_new ();
      json_object_iter_init (&iter, json);
      while (json_object_iter_next (&iter, &name, &member))
        if (!g_str_equal (name, "history") &&
            !g_str_equal (name, "attachments"))
          json_object_set_member (fields, name, json_node_copy (member));
      json = fields;
    }

  g_private_set (&reading, GINT_TO_POINTER (TRUE));
  self = g_object_new (LS_TYPE_CASE, NULL);
  g_private_set (&reading, NULL);
  if (document)
    ok = ls_model_from_json_document (G_OBJECT (self), json, path, error);
  else
    ok = ls_model_from_json_checked (G_OBJECT (self), json, path, error);
  if (!ok)
    return NULL;
  if (watch)
    ls_model_watch (G_OBJECT (self), G_OBJECT (self), update_derived);
  update_derived (G_OBJECT (self));
  if (self->uuid == NULL)
    {
      g_set_error (error, LS_ERROR, LS_ERROR_EMPTY_FIELD, "%s%suuid: %s",
                   path != NULL ? path : "",
                   path != NULL && *path != '\0' ? "." : "",
                   _ ("every case needs its identifier."));
      return NULL;
    }
  self->fields_checked = TRUE;
  return g_steal_pointer (&self);
}

/**
 * ls_case_new_from_json:
 * @json: a case as the exchange format has it
 * @path: (nullable): where it is in its document, for messages
 *
 * Reads a case and checks that every field is well-formed.  Whether the
 * case is consistent with an organisation is ls_rules_validate()'s to say.
 *
 * Returns: (transfer full): the case, or %NULL with @error naming the field
 */
LsCase *
ls_case_new_from_json (JsonObject *json, const char *path, GError **error)
{
  return new_from_json (json, path, FALSE, TRUE, error);
}

/**
 * ls_case_new_from_document:
 * @json: a case of an exchange document to import
 * @path: (nullable): where it is in its document, for messages
 *
 * Like ls_case_new_from_json(), and stricter, as a document from elsewhere
 * must be: every member is there, no date of something done lies after
 * today, and the message of @error names the member without its value.
 *
 * Returns: (transfer full): the case, or %NULL with @error naming the field
 */
LsCase *
ls_case_new_from_document (JsonObject *json, const char *path, GError **error)
{
  return new_from_json (json, path, TRUE, TRUE, error);
}

/*
 * ls_case_read_to_store:
 *
 * Like ls_case_new_from_document(), for an import that checks the case,
 * writes it and lets it go: the case does not follow its own changes, so
 * that its status and next deadline stay those it was read with, and
 * nobody may change it.  Watching each of the objects of a case, and
 * letting go of the handlers, was a fifth of what an import cost beside
 * the database's own work.
 */
LsCase *
ls_case_read_to_store (JsonObject *json, const char *path, GError **error)
{
  return new_from_json (json, path, TRUE, FALSE, error);
}

/**
 * ls_case_to_json:
 *
 * Returns: (transfer full): the case as the exchange format has it
 */
JsonObject *
ls_case_to_json (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return ls_model_to_json (G_OBJECT (self));
}

/* Whether every field is known to be well-formed: read by
 * ls_case_new_from_json() and not changed since. */
gboolean
ls_case_get_fields_checked (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), FALSE);

  return self->fields_checked;
}

/**
 * ls_case_get_status:
 *
 * Returns: where the case is, derived from its content
 */
LsCaseStatus
ls_case_get_status (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), LS_CASE_STATUS_DRAFT);

  return self->status;
}

/**
 * ls_case_get_next_deadline:
 *
 * Returns: (nullable): the earliest open deadline, "YYYY-MM-DD"
 */
const char *
ls_case_get_next_deadline (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->next_deadline;
}

/**
 * ls_case_dup_title:
 *
 * Returns: (transfer full): the first line of what happened, at most 80
 *   characters, for lists; "" when nothing is written yet
 */
char *
ls_case_dup_title (LsCase *self)
{
  const char *text;
  const char *end;

  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  text = ls_report_get_description (self->report);
  if (text == NULL)
    return g_strdup ("");
  end = text + strcspn (text, "\n");
  if (g_utf8_strlen (text, end - text) > 80)
    end = g_utf8_offset_to_pointer (text, 80);
  return g_strndup (text, end - text);
}

const char *
ls_case_get_uuid (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->uuid;
}

void
ls_case_set_uuid (LsCase *self, const char *uuid)
{
  g_return_if_fail (LS_IS_CASE (self));

  if (uuid != NULL && *uuid == '\0')
    uuid = NULL;
  if (g_strcmp0 (self->uuid, uuid) == 0)
    return;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
ls_case_get_regno (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->regno;
}

void
ls_case_set_regno (LsCase *self, const char *regno)
{
  g_return_if_fail (LS_IS_CASE (self));

  if (regno != NULL && *regno == '\0')
    regno = NULL;
  if (g_strcmp0 (self->regno, regno) == 0)
    return;
  g_free (self->regno);
  self->regno = g_strdup (regno);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGNO]);
}

const char *
ls_case_get_unit_id (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->unit_id;
}

void
ls_case_set_unit_id (LsCase *self, const char *unit_id)
{
  g_return_if_fail (LS_IS_CASE (self));

  if (unit_id != NULL && *unit_id == '\0')
    unit_id = NULL;
  if (g_strcmp0 (self->unit_id, unit_id) == 0)
    return;
  g_free (self->unit_id);
  self->unit_id = g_strdup (unit_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_ID]);
}

LsRegime
ls_case_get_regime (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), 0);

  return self->regime;
}

void
ls_case_set_regime (LsCase *self, LsRegime regime)
{
  g_return_if_fail (LS_IS_CASE (self));

  if (self->regime == regime)
    return;
  self->regime = regime;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGIME]);
}

const char *
ls_case_get_created_at (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->created_at;
}

void
ls_case_set_created_at (LsCase *self, const char *created_at)
{
  g_return_if_fail (LS_IS_CASE (self));

  if (created_at != NULL && *created_at == '\0')
    created_at = NULL;
  if (g_strcmp0 (self->created_at, created_at) == 0)
    return;
  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
ls_case_get_lessons_learned (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->lessons_learned;
}

void
ls_case_set_lessons_learned (LsCase *self, const char *lessons_learned)
{
  g_return_if_fail (LS_IS_CASE (self));

  if (lessons_learned != NULL && *lessons_learned == '\0')
    lessons_learned = NULL;
  if (g_strcmp0 (self->lessons_learned, lessons_learned) == 0)
    return;
  g_free (self->lessons_learned);
  self->lessons_learned = g_strdup (lessons_learned);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LESSONS_LEARNED]);
}

/**
 * ls_case_get_report:
 *
 * Returns: (transfer none): the staff report
 */
LsReport *
ls_case_get_report (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->report;
}

/**
 * ls_case_get_board_notices:
 *
 * Returns: (transfer none): boards told of the report or notification, a
 * #GListStore of #LsBoardNotice
 */
GListStore *
ls_case_get_board_notices (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->board_notices;
}

/**
 * ls_case_get_investigation:
 *
 * Returns: (transfer none): the investigation
 */
LsInvestigation *
ls_case_get_investigation (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->investigation;
}

/**
 * ls_case_get_notification:
 *
 * Returns: (transfer none): the notification to IVO
 */
LsNotification *
ls_case_get_notification (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->notification;
}

const char *
ls_case_get_deciding_board (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->deciding_board;
}

void
ls_case_set_deciding_board (LsCase *self, const char *deciding_board)
{
  g_return_if_fail (LS_IS_CASE (self));

  if (deciding_board != NULL && *deciding_board == '\0')
    deciding_board = NULL;
  if (g_strcmp0 (self->deciding_board, deciding_board) == 0)
    return;
  g_free (self->deciding_board);
  self->deciding_board = g_strdup (deciding_board);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIDING_BOARD]);
}

gboolean
ls_case_get_assistance_compensation (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), FALSE);

  return self->assistance_compensation;
}

void
ls_case_set_assistance_compensation (LsCase *self,
                                     gboolean assistance_compensation)
{
  g_return_if_fail (LS_IS_CASE (self));

  assistance_compensation = !!assistance_compensation;
  if (self->assistance_compensation == assistance_compensation)
    return;
  self->assistance_compensation = assistance_compensation;
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[PROP_ASSISTANCE_COMPENSATION]);
}

const char *
ls_case_get_assistance_board (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->assistance_board;
}

void
ls_case_set_assistance_board (LsCase *self, const char *assistance_board)
{
  g_return_if_fail (LS_IS_CASE (self));

  if (assistance_board != NULL && *assistance_board == '\0')
    assistance_board = NULL;
  if (g_strcmp0 (self->assistance_board, assistance_board) == 0)
    return;
  g_free (self->assistance_board);
  self->assistance_board = g_strdup (assistance_board);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSISTANCE_BOARD]);
}

/**
 * ls_case_get_concerned:
 *
 * Returns: (nullable) (transfer none): the names of the people the user
 *   marked as concerned by the report
 */
const char *const *
ls_case_get_concerned (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return (const char *const *) self->concerned;
}

void
ls_case_set_concerned (LsCase *self, const char *const *concerned)
{
  g_return_if_fail (LS_IS_CASE (self));

  if (ls_record_replace_strv (&self->concerned, concerned))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCERNED]);
}

/**
 * ls_case_get_substitutions:
 *
 * Returns: (transfer none): who took over a responsibility from a holder
 *   concerned by the report, a #GListStore of #LsSubstitution
 */
GListStore *
ls_case_get_substitutions (LsCase *self)
{
  g_return_val_if_fail (LS_IS_CASE (self), NULL);

  return self->substitutions;
}
