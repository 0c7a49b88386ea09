/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-cause"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-cause.h"
#include "ls-record-private.h"

/*
 * A cause found by the investigation, at system level (5:2 5).
 */
struct _LsCause
{
  GObject parent_instance;

  char *category;
  char *description;
};

G_DEFINE_FINAL_TYPE (LsCause, ls_cause, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CATEGORY,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_CATEGORY, G_STRUCT_OFFSET (LsCause, category) },
  { PROP_DESCRIPTION, G_STRUCT_OFFSET (LsCause, description) },
};

static void
ls_cause_finalize (GObject *object)
{
  LsCause *self = LS_CAUSE (object);

  ls_record_free_texts (self, texts, G_N_ELEMENTS (texts));

  G_OBJECT_CLASS (ls_cause_parent_class)->finalize (object);
}

static void
ls_cause_get_property (GObject *object,
                       guint prop_id,
                       GValue *value,
                       GParamSpec *pspec)
{
  LsCause *self = LS_CAUSE (object);

  if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts), prop_id,
                                 value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ls_cause_set_property (GObject *object,
                       guint prop_id,
                       const GValue *value,
                       GParamSpec *pspec)
{
  LsCause *self = LS_CAUSE (object);

  if (!ls_record_set_text_value (self, texts, G_N_ELEMENTS (texts), properties,
                                 prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ls_cause_class_init (LsCauseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_cause_finalize;
  object_class->get_property = ls_cause_get_property;
  object_class->set_property = ls_cause_set_property;

  properties[PROP_CATEGORY] = g_param_spec_string (
      "category", "Category", "The kind of cause, an id of the cause list",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string (
      "description", "Description", "What the cause is", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));

  ls_field_set_kind (properties[PROP_CATEGORY], LS_FIELD_CHOICE);
}

static void
ls_cause_init (LsCause *self)
{
}

LsCause *
ls_cause_new (void)
{
  return g_object_new (LS_TYPE_CAUSE, NULL);
}

const char *
ls_cause_get_category (LsCause *self)
{
  g_return_val_if_fail (LS_IS_CAUSE (self), NULL);

  return self->category;
}

void
ls_cause_set_category (LsCause *self, const char *category)
{
  g_return_if_fail (LS_IS_CAUSE (self));

  ls_record_set_string (self, &self->category, properties[PROP_CATEGORY],
                        category);
}

const char *
ls_cause_get_description (LsCause *self)
{
  g_return_val_if_fail (LS_IS_CAUSE (self), NULL);

  return self->description;
}

void
ls_cause_set_description (LsCause *self, const char *description)
{
  g_return_if_fail (LS_IS_CAUSE (self));

  ls_record_set_string (self, &self->description, properties[PROP_DESCRIPTION],
                        description);
}
