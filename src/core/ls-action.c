/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-action"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-action.h"
#include "ls-model.h"
#include "ls-record-private.h"

/*
 * An action: immediate (3:1), remedial (5:3) or preventive (5:5).
 * Remedial and preventive actions are followed up with the individual
 * (IVO's third finding): when, whether the effect was evaluated, what it
 * was for the individual and whether they or their next of kin were asked.
 */
struct _LsAction
{
  GObject parent_instance;

  LsActionKind kind;
  char *description;
  char *responsible;
  char *taken_at;
  char *due_on;
  LsActionStatus status;
  char *follow_up_on;
  char *effect;
  gboolean individual_asked;
  char *followed_up_on;
  char *evaluated_on;
  LsEffectOutcome outcome;
};

G_DEFINE_FINAL_TYPE (LsAction, ls_action, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_RESPONSIBLE,
  PROP_TAKEN_AT,
  PROP_DUE_ON,
  PROP_STATUS,
  PROP_FOLLOW_UP_ON,
  PROP_EFFECT,
  PROP_INDIVIDUAL_ASKED,
  PROP_FOLLOWED_UP_ON,
  PROP_EVALUATED_ON,
  PROP_OUTCOME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_DESCRIPTION, G_STRUCT_OFFSET (LsAction, description) },
  { PROP_RESPONSIBLE, G_STRUCT_OFFSET (LsAction, responsible) },
  { PROP_TAKEN_AT, G_STRUCT_OFFSET (LsAction, taken_at) },
  { PROP_DUE_ON, G_STRUCT_OFFSET (LsAction, due_on) },
  { PROP_FOLLOW_UP_ON, G_STRUCT_OFFSET (LsAction, follow_up_on) },
  { PROP_EFFECT, G_STRUCT_OFFSET (LsAction, effect) },
  { PROP_FOLLOWED_UP_ON, G_STRUCT_OFFSET (LsAction, followed_up_on) },
  { PROP_EVALUATED_ON, G_STRUCT_OFFSET (LsAction, evaluated_on) },
};

static void
ls_action_finalize (GObject *object)
{
  LsAction *self = LS_ACTION (object);

  ls_record_free_texts (self, texts, G_N_ELEMENTS (texts));

  G_OBJECT_CLASS (ls_action_parent_class)->finalize (object);
}

static void
ls_action_get_property (GObject *object,
                        guint prop_id,
                        GValue *value,
                        GParamSpec *pspec)
{
  LsAction *self = LS_ACTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_INDIVIDUAL_ASKED:
      g_value_set_boolean (value, self->individual_asked);
      break;
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    default:
      if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts), prop_id,
                                     value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_action_set_property (GObject *object,
                        guint prop_id,
                        const GValue *value,
                        GParamSpec *pspec)
{
  LsAction *self = LS_ACTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ls_action_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      ls_action_set_status (self, g_value_get_enum (value));
      break;
    case PROP_INDIVIDUAL_ASKED:
      ls_action_set_individual_asked (self, g_value_get_boolean (value));
      break;
    case PROP_OUTCOME:
      ls_action_set_outcome (self, g_value_get_enum (value));
      break;
    default:
      if (!ls_record_set_text_value (self, texts, G_N_ELEMENTS (texts),
                                     properties, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The booleans and enumerations the walks of the model read where they
 * are. */
static const LsRecordText scalars[] = {
  { PROP_KIND, G_STRUCT_OFFSET (LsAction, kind) },
  { PROP_STATUS, G_STRUCT_OFFSET (LsAction, status) },
  { PROP_INDIVIDUAL_ASKED, G_STRUCT_OFFSET (LsAction, individual_asked) },
  { PROP_OUTCOME, G_STRUCT_OFFSET (LsAction, outcome) },
};

static void
ls_action_class_init (LsActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_action_finalize;
  object_class->get_property = ls_action_get_property;
  object_class->set_property = ls_action_set_property;

  properties[PROP_KIND] = g_param_spec_enum (
      "kind", "Kind", "Immediate, remedial or preventive", LS_TYPE_ACTION_KIND,
      LS_ACTION_KIND_IMMEDIATE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string (
      "description", "Description", "What was or will be done", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESPONSIBLE] = g_param_spec_string (
      "responsible", "Responsible", "Who did it or is responsible", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAKEN_AT] = g_param_spec_string (
      "taken-at", "Taken at", "When it was done, a date or a time", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_ON] = g_param_spec_string (
      "due-on", "Due on", "When a planned action must be done", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] = g_param_spec_enum (
      "status", "Status", "Planned, in progress or done", LS_TYPE_ACTION_STATUS,
      LS_ACTION_STATUS_PLANNED,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOW_UP_ON] = g_param_spec_string (
      "follow-up-on", "Follow-up on", "When its effect is to be followed up",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EFFECT] = g_param_spec_string (
      "effect", "Effect", "The evaluation of its effect for the individual",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDIVIDUAL_ASKED] = g_param_spec_boolean (
      "individual-asked", "Individual asked",
      "Whether the individual or next of kin was asked about the effect", FALSE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Added after version 1 of the format: a document without them reads
   * as not yet evaluated, which an older document's effect text overrides
   * (see ls_action_is_evaluated()). */
  properties[PROP_EVALUATED_ON] = g_param_spec_string (
      "evaluated-on", "Evaluated on", "When the effect was evaluated", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME] = g_param_spec_enum (
      "outcome", "Outcome", "Whether the action helped the individual",
      LS_TYPE_EFFECT_OUTCOME, LS_EFFECT_OUTCOME_UNKNOWN,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FOLLOWED_UP_ON] = g_param_spec_string (
      "followed-up-on", "Followed up on", "When its effect was followed up",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_scalars (properties, scalars, G_N_ELEMENTS (scalars));
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));
  ls_model_mark_added_later (properties[PROP_FOLLOWED_UP_ON]);

  ls_field_set_kind (properties[PROP_TAKEN_AT], LS_FIELD_WHEN);
  ls_field_set_kind (properties[PROP_DUE_ON], LS_FIELD_DATE);
  ls_field_set_kind (properties[PROP_FOLLOW_UP_ON], LS_FIELD_DATE);
  ls_field_set_kind (properties[PROP_FOLLOWED_UP_ON], LS_FIELD_DATE);
  ls_field_set_kind (properties[PROP_EVALUATED_ON], LS_FIELD_DATE);
  ls_model_mark_added_later (properties[PROP_EVALUATED_ON]);
  ls_model_mark_added_later (properties[PROP_OUTCOME]);
}

static void
ls_action_init (LsAction *self)
{
}

LsAction *
ls_action_new (void)
{
  return g_object_new (LS_TYPE_ACTION, NULL);
}

LsActionKind
ls_action_get_kind (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), 0);

  return self->kind;
}

void
ls_action_set_kind (LsAction *self, LsActionKind kind)
{
  g_return_if_fail (LS_IS_ACTION (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
ls_action_get_description (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), NULL);

  return self->description;
}

void
ls_action_set_description (LsAction *self, const char *description)
{
  g_return_if_fail (LS_IS_ACTION (self));

  ls_record_set_string (self, &self->description, properties[PROP_DESCRIPTION],
                        description);
}

const char *
ls_action_get_responsible (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), NULL);

  return self->responsible;
}

void
ls_action_set_responsible (LsAction *self, const char *responsible)
{
  g_return_if_fail (LS_IS_ACTION (self));

  ls_record_set_string (self, &self->responsible, properties[PROP_RESPONSIBLE],
                        responsible);
}

const char *
ls_action_get_taken_at (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), NULL);

  return self->taken_at;
}

void
ls_action_set_taken_at (LsAction *self, const char *taken_at)
{
  g_return_if_fail (LS_IS_ACTION (self));

  ls_record_set_string (self, &self->taken_at, properties[PROP_TAKEN_AT],
                        taken_at);
}

const char *
ls_action_get_due_on (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), NULL);

  return self->due_on;
}

void
ls_action_set_due_on (LsAction *self, const char *due_on)
{
  g_return_if_fail (LS_IS_ACTION (self));

  ls_record_set_string (self, &self->due_on, properties[PROP_DUE_ON], due_on);
}

LsActionStatus
ls_action_get_status (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), 0);

  return self->status;
}

void
ls_action_set_status (LsAction *self, LsActionStatus status)
{
  g_return_if_fail (LS_IS_ACTION (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
ls_action_get_follow_up_on (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), NULL);

  return self->follow_up_on;
}

void
ls_action_set_follow_up_on (LsAction *self, const char *follow_up_on)
{
  g_return_if_fail (LS_IS_ACTION (self));

  ls_record_set_string (self, &self->follow_up_on,
                        properties[PROP_FOLLOW_UP_ON], follow_up_on);
}

const char *
ls_action_get_effect (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), NULL);

  return self->effect;
}

void
ls_action_set_effect (LsAction *self, const char *effect)
{
  g_return_if_fail (LS_IS_ACTION (self));

  ls_record_set_string (self, &self->effect, properties[PROP_EFFECT], effect);
}

gboolean
ls_action_get_individual_asked (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), FALSE);

  return self->individual_asked;
}

void
ls_action_set_individual_asked (LsAction *self, gboolean individual_asked)
{
  g_return_if_fail (LS_IS_ACTION (self));

  individual_asked = !!individual_asked;
  if (self->individual_asked == individual_asked)
    return;
  self->individual_asked = individual_asked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDIVIDUAL_ASKED]);
}

const char *
ls_action_get_followed_up_on (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), NULL);

  return self->followed_up_on;
}

void
ls_action_set_followed_up_on (LsAction *self, const char *followed_up_on)
{
  g_return_if_fail (LS_IS_ACTION (self));

  ls_record_set_string (self, &self->followed_up_on,
                        properties[PROP_FOLLOWED_UP_ON], followed_up_on);
}

const char *
ls_action_get_evaluated_on (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), NULL);

  return self->evaluated_on;
}

void
ls_action_set_evaluated_on (LsAction *self, const char *evaluated_on)
{
  g_return_if_fail (LS_IS_ACTION (self));

  ls_record_set_string (self, &self->evaluated_on,
                        properties[PROP_EVALUATED_ON], evaluated_on);
}

LsEffectOutcome
ls_action_get_outcome (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), LS_EFFECT_OUTCOME_UNKNOWN);

  return self->outcome;
}

void
ls_action_set_outcome (LsAction *self, LsEffectOutcome outcome)
{
  g_return_if_fail (LS_IS_ACTION (self));

  if (self->outcome == outcome)
    return;
  self->outcome = outcome;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

/**
 * ls_action_is_evaluated:
 *
 * An action's effect counts as evaluated once the day of the evaluation
 * is given, or, in a document written before that day was asked for,
 * once its effect is written down.
 *
 * Returns: whether the effect of the action has been evaluated
 */
gboolean
ls_action_is_evaluated (LsAction *self)
{
  g_return_val_if_fail (LS_IS_ACTION (self), FALSE);

  return self->evaluated_on != NULL || self->effect != NULL;
}
