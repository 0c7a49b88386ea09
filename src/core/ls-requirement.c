/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-requirement"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-requirement.h"

/*
 * One thing the law still requires of a case: what to do, the provision
 * that asks for it, the step of the workflow where it is done, and by when
 * if there is a deadline.  A blocking requirement keeps the investigation
 * from being closed.  Immutable: the check makes new ones.
 */
struct _LsRequirement
{
  GObject parent_instance;

  LsStep step;
  LsPoints point;
  char *reference;
  char *message;
  char *due;
  gboolean blocking;
  LsLegalUrgency urgency;
  gboolean later;
};

G_DEFINE_FINAL_TYPE (LsRequirement, ls_requirement, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STEP,
  PROP_POINT,
  PROP_REFERENCE,
  PROP_MESSAGE,
  PROP_DUE,
  PROP_BLOCKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ls_requirement_finalize (GObject *object)
{
  LsRequirement *self = LS_REQUIREMENT (object);

  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->due, g_free);

  G_OBJECT_CLASS (ls_requirement_parent_class)->finalize (object);
}

static void
ls_requirement_get_property (GObject *object,
                             guint prop_id,
                             GValue *value,
                             GParamSpec *pspec)
{
  LsRequirement *self = LS_REQUIREMENT (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_enum (value, self->step);
      break;
    case PROP_POINT:
      g_value_set_flags (value, self->point);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;
    case PROP_BLOCKING:
      g_value_set_boolean (value, self->blocking);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_requirement_class_init (LsRequirementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_requirement_finalize;
  object_class->get_property = ls_requirement_get_property;

  properties[PROP_STEP] = g_param_spec_enum (
      "step", "Step", "The step that fulfils it", LS_TYPE_STEP, LS_STEP_REPORT,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POINT] = g_param_spec_flags (
      "point", "Point", "The point of 5:2 it concerns", LS_TYPE_POINTS, 0,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERENCE] = g_param_spec_string (
      "reference", "Reference", "The provision that requires it", NULL,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
      g_param_spec_string ("message", "Message", "What to do, for a manager",
                           NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE] =
      g_param_spec_string ("due", "Due", "The day it must be done by", NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOCKING] = g_param_spec_boolean (
      "blocking", "Blocking", "Whether it keeps the investigation open", FALSE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ls_requirement_init (LsRequirement *self)
{
}

/**
 * ls_requirement_urgency_of_step:
 * @due: (nullable): the last day of the requirement
 *
 * What the steps ask is as urgent as the law makes the step; the rules
 * raise the few that depend on more than the step.
 *
 * Returns: the urgency a new requirement of @step has
 */
LsLegalUrgency
ls_requirement_urgency_of_step (LsStep step, const char *due)
{
  switch (step)
    {
    case LS_STEP_NOTIFICATION:
      return LS_LEGAL_URGENCY_AS_SOON_AS_POSSIBLE;
    case LS_STEP_INVESTIGATION_SENT:
      return LS_LEGAL_URGENCY_BY_DATE;
    case LS_STEP_INDIVIDUAL:
    case LS_STEP_TOLD_OF_NOTIFICATION:
      return LS_LEGAL_URGENCY_SOON;
    case LS_STEP_FOLLOW_UP:
    case LS_STEP_REMEDIAL_FOLLOW_UP:
      return due != NULL ? LS_LEGAL_URGENCY_BY_DATE : LS_LEGAL_URGENCY_IN_TIME;
    default:
      return LS_LEGAL_URGENCY_IN_TIME;
    }
}

/**
 * ls_requirement_new:
 * @point: the point of 5 kap. 2 § concerned, or %LS_POINT_NONE
 * @reference: the provision, such as "5 kap. 2 § 5 SOSFS 2011:5"
 * @message: what to do, translated
 * @due: (nullable): the last day, "YYYY-MM-DD"
 * @blocking: whether it keeps the investigation from being closed
 */
LsRequirement *
ls_requirement_new (LsStep step,
                    LsPoints point,
                    const char *reference,
                    const char *message,
                    const char *due,
                    gboolean blocking)
{
  LsRequirement *self;

  g_return_val_if_fail (reference != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (LS_TYPE_REQUIREMENT, NULL);
  self->step = step;
  self->point = point;
  self->reference = g_strdup (reference);
  self->message = g_strdup (message);
  self->due = g_strdup (due);
  self->blocking = !!blocking;

  self->urgency = ls_requirement_urgency_of_step (step, due);
  return self;
}

LsStep
ls_requirement_get_step (LsRequirement *self)
{
  g_return_val_if_fail (LS_IS_REQUIREMENT (self), 0);

  return self->step;
}

LsPoints
ls_requirement_get_point (LsRequirement *self)
{
  g_return_val_if_fail (LS_IS_REQUIREMENT (self), 0);

  return self->point;
}

const char *
ls_requirement_get_reference (LsRequirement *self)
{
  g_return_val_if_fail (LS_IS_REQUIREMENT (self), NULL);

  return self->reference;
}

const char *
ls_requirement_get_message (LsRequirement *self)
{
  g_return_val_if_fail (LS_IS_REQUIREMENT (self), NULL);

  return self->message;
}

/**
 * ls_requirement_get_due:
 *
 * Returns: (nullable): the last day, "YYYY-MM-DD"
 */
const char *
ls_requirement_get_due (LsRequirement *self)
{
  g_return_val_if_fail (LS_IS_REQUIREMENT (self), NULL);

  return self->due;
}

gboolean
ls_requirement_get_blocking (LsRequirement *self)
{
  g_return_val_if_fail (LS_IS_REQUIREMENT (self), FALSE);

  return self->blocking;
}

/**
 * ls_requirement_get_urgency:
 *
 * Returns: how urgent the law makes it
 */
LsLegalUrgency
ls_requirement_get_urgency (LsRequirement *self)
{
  g_return_val_if_fail (LS_IS_REQUIREMENT (self), LS_LEGAL_URGENCY_IN_TIME);

  return self->urgency;
}

/**
 * ls_requirement_set_urgency:
 *
 * For the rules, before they hand the requirement out: how urgent the law
 * makes it, when that depends on more than its step.
 */
void
ls_requirement_set_urgency (LsRequirement *self, LsLegalUrgency urgency)
{
  g_return_if_fail (LS_IS_REQUIREMENT (self));

  self->urgency = urgency;
}

/**
 * ls_requirement_get_later:
 *
 * Returns: whether it cannot be done yet, as it rests on another
 *   requirement (the documented items behind causes not yet named); it is
 *   listed from the start so that the list never grows as it is worked off
 */
gboolean
ls_requirement_get_later (LsRequirement *self)
{
  g_return_val_if_fail (LS_IS_REQUIREMENT (self), FALSE);

  return self->later;
}

/**
 * ls_requirement_set_later:
 *
 * For the rules, before they hand the requirement out.
 */
void
ls_requirement_set_later (LsRequirement *self, gboolean later)
{
  g_return_if_fail (LS_IS_REQUIREMENT (self));

  self->later = !!later;
}
