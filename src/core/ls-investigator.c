/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-investigator"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-investigator.h"
#include "ls-record-private.h"

/*
 * Someone who investigates the case, with the competence they bring.
 */
struct _LsInvestigator
{
  GObject parent_instance;

  char *name;
  char *title;
  char *competence;
};

G_DEFINE_FINAL_TYPE (LsInvestigator, ls_investigator, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_COMPETENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_NAME, G_STRUCT_OFFSET (LsInvestigator, name) },
  { PROP_TITLE, G_STRUCT_OFFSET (LsInvestigator, title) },
  { PROP_COMPETENCE, G_STRUCT_OFFSET (LsInvestigator, competence) },
};

static void
ls_investigator_finalize (GObject *object)
{
  LsInvestigator *self = LS_INVESTIGATOR (object);

  ls_record_free_texts (self, texts, G_N_ELEMENTS (texts));

  G_OBJECT_CLASS (ls_investigator_parent_class)->finalize (object);
}

static void
ls_investigator_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  LsInvestigator *self = LS_INVESTIGATOR (object);

  if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts), prop_id,
                                 value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ls_investigator_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  LsInvestigator *self = LS_INVESTIGATOR (object);

  if (!ls_record_set_text_value (self, texts, G_N_ELEMENTS (texts), properties,
                                 prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ls_investigator_class_init (LsInvestigatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_investigator_finalize;
  object_class->get_property = ls_investigator_get_property;
  object_class->set_property = ls_investigator_set_property;

  properties[PROP_NAME] = g_param_spec_string (
      "name", "Name", "The investigator's name", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string (
      "title", "Title", "The investigator's title", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPETENCE] = g_param_spec_string (
      "competence", "Competence", "What competence they bring", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));
}

static void
ls_investigator_init (LsInvestigator *self)
{
}

LsInvestigator *
ls_investigator_new (void)
{
  return g_object_new (LS_TYPE_INVESTIGATOR, NULL);
}

const char *
ls_investigator_get_name (LsInvestigator *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATOR (self), NULL);

  return self->name;
}

void
ls_investigator_set_name (LsInvestigator *self, const char *name)
{
  g_return_if_fail (LS_IS_INVESTIGATOR (self));

  ls_record_set_string (self, &self->name, properties[PROP_NAME], name);
}

const char *
ls_investigator_get_title (LsInvestigator *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATOR (self), NULL);

  return self->title;
}

void
ls_investigator_set_title (LsInvestigator *self, const char *title)
{
  g_return_if_fail (LS_IS_INVESTIGATOR (self));

  ls_record_set_string (self, &self->title, properties[PROP_TITLE], title);
}

const char *
ls_investigator_get_competence (LsInvestigator *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATOR (self), NULL);

  return self->competence;
}

void
ls_investigator_set_competence (LsInvestigator *self, const char *competence)
{
  g_return_if_fail (LS_IS_INVESTIGATOR (self));

  ls_record_set_string (self, &self->competence, properties[PROP_COMPETENCE],
                        competence);
}
