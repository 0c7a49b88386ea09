/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-information-occasion"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-information-occasion.h"
#include "ls-record-private.h"

/*
 * One occasion on which people who must report were told of the duty
 * (2 kap. 2 § SOSFS 2011:5): a workplace meeting, an introduction day, a
 * letter.  One occasion has many participants, so that a meeting is
 * recorded once for everybody who was there.
 */
struct _LsInformationOccasion
{
  GObject parent_instance;

  char *id;
  char *held_on;
  gboolean oral;
  gboolean written;
  char *given_by;
  LsOccasionCovered covered;
  char *receiver;
  char **participants;
};

G_DEFINE_FINAL_TYPE (LsInformationOccasion,
                     ls_information_occasion,
                     G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_HELD_ON,
  PROP_ORAL,
  PROP_WRITTEN,
  PROP_GIVEN_BY,
  PROP_COVERED,
  PROP_RECEIVER,
  PROP_PARTICIPANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_ID, G_STRUCT_OFFSET (LsInformationOccasion, id) },
  { PROP_HELD_ON, G_STRUCT_OFFSET (LsInformationOccasion, held_on) },
  { PROP_GIVEN_BY, G_STRUCT_OFFSET (LsInformationOccasion, given_by) },
  { PROP_RECEIVER, G_STRUCT_OFFSET (LsInformationOccasion, receiver) },
};

static void
set_string (LsInformationOccasion *self, guint prop_id, const char *value)
{
  ls_record_set_text (self, texts, G_N_ELEMENTS (texts), properties, prop_id,
                      value);
}

static void
ls_information_occasion_finalize (GObject *object)
{
  LsInformationOccasion *self = LS_INFORMATION_OCCASION (object);

  ls_record_free_texts (self, texts, G_N_ELEMENTS (texts));
  g_clear_pointer (&self->participants, g_strfreev);

  G_OBJECT_CLASS (ls_information_occasion_parent_class)->finalize (object);
}

static void
ls_information_occasion_get_property (GObject *object,
                                      guint prop_id,
                                      GValue *value,
                                      GParamSpec *pspec)
{
  LsInformationOccasion *self = LS_INFORMATION_OCCASION (object);

  switch (prop_id)
    {
    case PROP_ORAL:
      g_value_set_boolean (value, self->oral);
      break;
    case PROP_WRITTEN:
      g_value_set_boolean (value, self->written);
      break;
    case PROP_COVERED:
      g_value_set_flags (value, self->covered);
      break;
    case PROP_PARTICIPANTS:
      g_value_set_boxed (value, self->participants);
      break;
    default:
      if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts), prop_id,
                                     value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_information_occasion_set_property (GObject *object,
                                      guint prop_id,
                                      const GValue *value,
                                      GParamSpec *pspec)
{
  LsInformationOccasion *self = LS_INFORMATION_OCCASION (object);

  switch (prop_id)
    {
    case PROP_ORAL:
      ls_information_occasion_set_oral (self, g_value_get_boolean (value));
      break;
    case PROP_WRITTEN:
      ls_information_occasion_set_written (self, g_value_get_boolean (value));
      break;
    case PROP_COVERED:
      ls_information_occasion_set_covered (self, g_value_get_flags (value));
      break;
    case PROP_PARTICIPANTS:
      ls_information_occasion_set_participants (self,
                                                g_value_get_boxed (value));
      break;
    default:
      if (!ls_record_set_text_value (self, texts, G_N_ELEMENTS (texts),
                                     properties, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_information_occasion_class_init (LsInformationOccasionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags =
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ls_information_occasion_finalize;
  object_class->get_property = ls_information_occasion_get_property;
  object_class->set_property = ls_information_occasion_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", "Id", "The occasion's identifier", NULL, flags);
  properties[PROP_HELD_ON] = g_param_spec_string (
      "held-on", "Held on", "The day the information was given", NULL, flags);
  properties[PROP_ORAL] = g_param_spec_boolean (
      "oral", "Oral", "Whether the information was given orally", FALSE, flags);
  properties[PROP_WRITTEN] = g_param_spec_boolean (
      "written", "Written", "Whether the information was given in writing",
      FALSE, flags);
  properties[PROP_GIVEN_BY] = g_param_spec_string (
      "given-by", "Given by", "Who gave the information", NULL, flags);
  properties[PROP_COVERED] = g_param_spec_flags (
      "covered", "Covered", "What the information covered",
      LS_TYPE_OCCASION_COVERED, LS_OCCASION_COVERED_NONE, flags);
  properties[PROP_RECEIVER] = g_param_spec_string (
      "receiver", "Receiver", "Who the participants were told receives reports",
      NULL, flags);
  properties[PROP_PARTICIPANTS] = g_param_spec_boxed (
      "participants", "Participants",
      "The identifiers of the people who took part", G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));

  ls_field_set_kind (properties[PROP_ID], LS_FIELD_UUID);
  ls_field_set_kind (properties[PROP_HELD_ON], LS_FIELD_DATE);
}

static void
ls_information_occasion_init (LsInformationOccasion *self)
{
}

/**
 * ls_information_occasion_new:
 *
 * Returns: (transfer full): a new occasion with a new identifier
 */
LsInformationOccasion *
ls_information_occasion_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (LS_TYPE_INFORMATION_OCCASION, "id", id, NULL);
}

const char *
ls_information_occasion_get_id (LsInformationOccasion *self)
{
  g_return_val_if_fail (LS_IS_INFORMATION_OCCASION (self), NULL);

  return self->id;
}

void
ls_information_occasion_set_id (LsInformationOccasion *self, const char *id)
{
  g_return_if_fail (LS_IS_INFORMATION_OCCASION (self));

  set_string (self, PROP_ID, id);
}

const char *
ls_information_occasion_get_held_on (LsInformationOccasion *self)
{
  g_return_val_if_fail (LS_IS_INFORMATION_OCCASION (self), NULL);

  return self->held_on;
}

void
ls_information_occasion_set_held_on (LsInformationOccasion *self,
                                     const char *held_on)
{
  g_return_if_fail (LS_IS_INFORMATION_OCCASION (self));

  set_string (self, PROP_HELD_ON, held_on);
}

gboolean
ls_information_occasion_get_oral (LsInformationOccasion *self)
{
  g_return_val_if_fail (LS_IS_INFORMATION_OCCASION (self), FALSE);

  return self->oral;
}

void
ls_information_occasion_set_oral (LsInformationOccasion *self, gboolean oral)
{
  g_return_if_fail (LS_IS_INFORMATION_OCCASION (self));

  ls_record_set_boolean (self, &self->oral, properties[PROP_ORAL], oral);
}

gboolean
ls_information_occasion_get_written (LsInformationOccasion *self)
{
  g_return_val_if_fail (LS_IS_INFORMATION_OCCASION (self), FALSE);

  return self->written;
}

void
ls_information_occasion_set_written (LsInformationOccasion *self,
                                     gboolean written)
{
  g_return_if_fail (LS_IS_INFORMATION_OCCASION (self));

  ls_record_set_boolean (self, &self->written, properties[PROP_WRITTEN],
                         written);
}

const char *
ls_information_occasion_get_given_by (LsInformationOccasion *self)
{
  g_return_val_if_fail (LS_IS_INFORMATION_OCCASION (self), NULL);

  return self->given_by;
}

void
ls_information_occasion_set_given_by (LsInformationOccasion *self,
                                      const char *given_by)
{
  g_return_if_fail (LS_IS_INFORMATION_OCCASION (self));

  set_string (self, PROP_GIVEN_BY, given_by);
}

LsOccasionCovered
ls_information_occasion_get_covered (LsInformationOccasion *self)
{
  g_return_val_if_fail (LS_IS_INFORMATION_OCCASION (self), 0);

  return self->covered;
}

void
ls_information_occasion_set_covered (LsInformationOccasion *self,
                                     LsOccasionCovered covered)
{
  g_return_if_fail (LS_IS_INFORMATION_OCCASION (self));

  if (self->covered == covered)
    return;
  self->covered = covered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COVERED]);
}

const char *
ls_information_occasion_get_receiver (LsInformationOccasion *self)
{
  g_return_val_if_fail (LS_IS_INFORMATION_OCCASION (self), NULL);

  return self->receiver;
}

void
ls_information_occasion_set_receiver (LsInformationOccasion *self,
                                      const char *receiver)
{
  g_return_if_fail (LS_IS_INFORMATION_OCCASION (self));

  set_string (self, PROP_RECEIVER, receiver);
}

/**
 * ls_information_occasion_get_participants:
 *
 * Returns: (nullable) (transfer none): the identifiers of the people who
 *   took part
 */
const char *const *
ls_information_occasion_get_participants (LsInformationOccasion *self)
{
  g_return_val_if_fail (LS_IS_INFORMATION_OCCASION (self), NULL);

  return (const char *const *) self->participants;
}

void
ls_information_occasion_set_participants (LsInformationOccasion *self,
                                          const char *const *participants)
{
  g_return_if_fail (LS_IS_INFORMATION_OCCASION (self));

  if (ls_record_replace_strv (&self->participants, participants))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS]);
}

/**
 * ls_information_occasion_add_participant:
 *
 * Adds a person to those who took part, once.
 */
void
ls_information_occasion_add_participant (LsInformationOccasion *self,
                                         const char *person_id)
{
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) participants = NULL;

  g_return_if_fail (LS_IS_INFORMATION_OCCASION (self));
  g_return_if_fail (person_id != NULL);

  if (ls_information_occasion_has_participant (self, person_id))
    return;
  builder = g_strv_builder_new ();
  if (self->participants != NULL)
    g_strv_builder_addv (builder, (const char **) self->participants);
  g_strv_builder_add (builder, person_id);
  participants = g_strv_builder_end (builder);
  ls_information_occasion_set_participants (self,
                                            (const char *const *) participants);
}

gboolean
ls_information_occasion_has_participant (LsInformationOccasion *self,
                                         const char *person_id)
{
  g_return_val_if_fail (LS_IS_INFORMATION_OCCASION (self), FALSE);

  return ls_record_strv_contains ((const char *const *) self->participants,
                                  person_id);
}
