/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-individual"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-individual.h"
#include "ls-model.h"
#include "ls-record-private.h"

/*
 * A person the report concerns, and when and how they (or their next
 * of kin) were told.
 */
struct _LsIndividual
{
  GObject parent_instance;

  char *name;
  char *personal_number;
  char *informed_on;
  char *informed_how;
  char *told_of_notification_on;
  char *told_of_notification_how;
};

G_DEFINE_FINAL_TYPE (LsIndividual, ls_individual, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_PERSONAL_NUMBER,
  PROP_INFORMED_ON,
  PROP_INFORMED_HOW,
  PROP_TOLD_OF_NOTIFICATION_ON,
  PROP_TOLD_OF_NOTIFICATION_HOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_NAME, G_STRUCT_OFFSET (LsIndividual, name) },
  { PROP_PERSONAL_NUMBER, G_STRUCT_OFFSET (LsIndividual, personal_number) },
  { PROP_INFORMED_ON, G_STRUCT_OFFSET (LsIndividual, informed_on) },
  { PROP_INFORMED_HOW, G_STRUCT_OFFSET (LsIndividual, informed_how) },
  { PROP_TOLD_OF_NOTIFICATION_ON,
    G_STRUCT_OFFSET (LsIndividual, told_of_notification_on) },
  { PROP_TOLD_OF_NOTIFICATION_HOW,
    G_STRUCT_OFFSET (LsIndividual, told_of_notification_how) },
};

static void
ls_individual_finalize (GObject *object)
{
  LsIndividual *self = LS_INDIVIDUAL (object);

  ls_record_free_texts (self, texts, G_N_ELEMENTS (texts));

  G_OBJECT_CLASS (ls_individual_parent_class)->finalize (object);
}

static void
ls_individual_get_property (GObject *object,
                            guint prop_id,
                            GValue *value,
                            GParamSpec *pspec)
{
  LsIndividual *self = LS_INDIVIDUAL (object);

  if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts), prop_id,
                                 value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ls_individual_set_property (GObject *object,
                            guint prop_id,
                            const GValue *value,
                            GParamSpec *pspec)
{
  LsIndividual *self = LS_INDIVIDUAL (object);

  if (!ls_record_set_text_value (self, texts, G_N_ELEMENTS (texts), properties,
                                 prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ls_individual_class_init (LsIndividualClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_individual_finalize;
  object_class->get_property = ls_individual_get_property;
  object_class->set_property = ls_individual_set_property;

  properties[PROP_NAME] = g_param_spec_string (
      "name", "Name", "The individual's name", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSONAL_NUMBER] = g_param_spec_string (
      "personal-number", "Personal identity number",
      "Optional, checked with its check digit", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INFORMED_ON] = g_param_spec_string (
      "informed-on", "Informed on",
      "When the individual or next of kin was told", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INFORMED_HOW] = g_param_spec_string (
      "informed-how", "Informed how", "How, and whom, the app was told", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TOLD_OF_NOTIFICATION_ON] = g_param_spec_string (
      "told-of-notification-on", "Told of the notification on",
      "When the individual or next of kin was told of the notification to IVO",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOLD_OF_NOTIFICATION_HOW] = g_param_spec_string (
      "told-of-notification-how", "Told of the notification how",
      "How, and whom, the app told of the notification", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));
  ls_model_mark_added_later (properties[PROP_TOLD_OF_NOTIFICATION_ON]);
  ls_model_mark_added_later (properties[PROP_TOLD_OF_NOTIFICATION_HOW]);

  ls_field_set_kind (properties[PROP_PERSONAL_NUMBER], LS_FIELD_PNR);
  ls_field_set_kind (properties[PROP_INFORMED_ON], LS_FIELD_DATE);
  ls_field_set_kind (properties[PROP_TOLD_OF_NOTIFICATION_ON], LS_FIELD_DATE);
}

static void
ls_individual_init (LsIndividual *self)
{
}

LsIndividual *
ls_individual_new (void)
{
  return g_object_new (LS_TYPE_INDIVIDUAL, NULL);
}

const char *
ls_individual_get_name (LsIndividual *self)
{
  g_return_val_if_fail (LS_IS_INDIVIDUAL (self), NULL);

  return self->name;
}

void
ls_individual_set_name (LsIndividual *self, const char *name)
{
  g_return_if_fail (LS_IS_INDIVIDUAL (self));

  ls_record_set_string (self, &self->name, properties[PROP_NAME], name);
}

const char *
ls_individual_get_personal_number (LsIndividual *self)
{
  g_return_val_if_fail (LS_IS_INDIVIDUAL (self), NULL);

  return self->personal_number;
}

void
ls_individual_set_personal_number (LsIndividual *self,
                                   const char *personal_number)
{
  g_return_if_fail (LS_IS_INDIVIDUAL (self));

  ls_record_set_string (self, &self->personal_number,
                        properties[PROP_PERSONAL_NUMBER], personal_number);
}

const char *
ls_individual_get_informed_on (LsIndividual *self)
{
  g_return_val_if_fail (LS_IS_INDIVIDUAL (self), NULL);

  return self->informed_on;
}

void
ls_individual_set_informed_on (LsIndividual *self, const char *informed_on)
{
  g_return_if_fail (LS_IS_INDIVIDUAL (self));

  ls_record_set_string (self, &self->informed_on, properties[PROP_INFORMED_ON],
                        informed_on);
}

const char *
ls_individual_get_informed_how (LsIndividual *self)
{
  g_return_val_if_fail (LS_IS_INDIVIDUAL (self), NULL);

  return self->informed_how;
}

void
ls_individual_set_informed_how (LsIndividual *self, const char *informed_how)
{
  g_return_if_fail (LS_IS_INDIVIDUAL (self));

  ls_record_set_string (self, &self->informed_how,
                        properties[PROP_INFORMED_HOW], informed_how);
}

const char *
ls_individual_get_told_of_notification_on (LsIndividual *self)
{
  g_return_val_if_fail (LS_IS_INDIVIDUAL (self), NULL);

  return self->told_of_notification_on;
}

void
ls_individual_set_told_of_notification_on (LsIndividual *self,
                                           const char *told_of_notification_on)
{
  g_return_if_fail (LS_IS_INDIVIDUAL (self));

  ls_record_set_string (self, &self->told_of_notification_on,
                        properties[PROP_TOLD_OF_NOTIFICATION_ON],
                        told_of_notification_on);
}

const char *
ls_individual_get_told_of_notification_how (LsIndividual *self)
{
  g_return_val_if_fail (LS_IS_INDIVIDUAL (self), NULL);

  return self->told_of_notification_how;
}

void
ls_individual_set_told_of_notification_how (
    LsIndividual *self, const char *told_of_notification_how)
{
  g_return_if_fail (LS_IS_INDIVIDUAL (self));

  ls_record_set_string (self, &self->told_of_notification_how,
                        properties[PROP_TOLD_OF_NOTIFICATION_HOW],
                        told_of_notification_how);
}
