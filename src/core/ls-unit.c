/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-unit"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-record-private.h"
#include "ls-unit.h"

/*
 * A unit of the organisation: a home, a group home, a home-help area.
 * Each has the regime it works under, which decides the law on the form.
 */
struct _LsUnit
{
  GObject parent_instance;

  char *id;
  char *name;
  char *activity;
  LsRegime regime;
  char *street_address;
  char *postcode;
  char *town;
  char *phone;
};

G_DEFINE_FINAL_TYPE (LsUnit, ls_unit, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ACTIVITY,
  PROP_REGIME,
  PROP_STREET_ADDRESS,
  PROP_POSTCODE,
  PROP_TOWN,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_ID, G_STRUCT_OFFSET (LsUnit, id) },
  { PROP_NAME, G_STRUCT_OFFSET (LsUnit, name) },
  { PROP_ACTIVITY, G_STRUCT_OFFSET (LsUnit, activity) },
  { PROP_STREET_ADDRESS, G_STRUCT_OFFSET (LsUnit, street_address) },
  { PROP_POSTCODE, G_STRUCT_OFFSET (LsUnit, postcode) },
  { PROP_TOWN, G_STRUCT_OFFSET (LsUnit, town) },
  { PROP_PHONE, G_STRUCT_OFFSET (LsUnit, phone) },
};

static void
ls_unit_finalize (GObject *object)
{
  LsUnit *self = LS_UNIT (object);

  ls_record_free_texts (self, texts, G_N_ELEMENTS (texts));

  G_OBJECT_CLASS (ls_unit_parent_class)->finalize (object);
}

static void
ls_unit_get_property (GObject *object,
                      guint prop_id,
                      GValue *value,
                      GParamSpec *pspec)
{
  LsUnit *self = LS_UNIT (object);

  switch (prop_id)
    {
    case PROP_REGIME:
      g_value_set_enum (value, self->regime);
      break;
    default:
      if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts), prop_id,
                                     value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_unit_set_property (GObject *object,
                      guint prop_id,
                      const GValue *value,
                      GParamSpec *pspec)
{
  LsUnit *self = LS_UNIT (object);

  switch (prop_id)
    {
    case PROP_REGIME:
      ls_unit_set_regime (self, g_value_get_enum (value));
      break;
    default:
      if (!ls_record_set_text_value (self, texts, G_N_ELEMENTS (texts),
                                     properties, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_unit_class_init (LsUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_unit_finalize;
  object_class->get_property = ls_unit_get_property;
  object_class->set_property = ls_unit_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", "Id", "The unit's stable identifier", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string (
      "name", "Name", "The unit's name", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVITY] = g_param_spec_string (
      "activity", "Activity", "The type of activity, such as home help", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGIME] = g_param_spec_enum (
      "regime", "Regime", "SoL or LSS", LS_TYPE_REGIME, LS_REGIME_SOL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STREET_ADDRESS] = g_param_spec_string (
      "street-address", "Street address", "Where the unit is", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSTCODE] = g_param_spec_string (
      "postcode", "Postcode", "The unit's postcode", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOWN] = g_param_spec_string (
      "town", "Town", "The unit's town", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] = g_param_spec_string (
      "phone", "Phone", "The unit's phone number with area code", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));

  ls_field_set_kind (properties[PROP_ID], LS_FIELD_UUID);
  ls_field_set_kind (properties[PROP_POSTCODE], LS_FIELD_POSTCODE);
}

static void
ls_unit_init (LsUnit *self)
{
}

/**
 * ls_unit_new:
 *
 * Returns: (transfer full): a new unit with a new identifier
 */
LsUnit *
ls_unit_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (LS_TYPE_UNIT, "id", id, NULL);
}

const char *
ls_unit_get_id (LsUnit *self)
{
  g_return_val_if_fail (LS_IS_UNIT (self), NULL);

  return self->id;
}

void
ls_unit_set_id (LsUnit *self, const char *id)
{
  g_return_if_fail (LS_IS_UNIT (self));

  ls_record_set_string (self, &self->id, properties[PROP_ID], id);
}

const char *
ls_unit_get_name (LsUnit *self)
{
  g_return_val_if_fail (LS_IS_UNIT (self), NULL);

  return self->name;
}

void
ls_unit_set_name (LsUnit *self, const char *name)
{
  g_return_if_fail (LS_IS_UNIT (self));

  ls_record_set_string (self, &self->name, properties[PROP_NAME], name);
}

const char *
ls_unit_get_activity (LsUnit *self)
{
  g_return_val_if_fail (LS_IS_UNIT (self), NULL);

  return self->activity;
}

void
ls_unit_set_activity (LsUnit *self, const char *activity)
{
  g_return_if_fail (LS_IS_UNIT (self));

  ls_record_set_string (self, &self->activity, properties[PROP_ACTIVITY],
                        activity);
}

LsRegime
ls_unit_get_regime (LsUnit *self)
{
  g_return_val_if_fail (LS_IS_UNIT (self), 0);

  return self->regime;
}

void
ls_unit_set_regime (LsUnit *self, LsRegime regime)
{
  g_return_if_fail (LS_IS_UNIT (self));

  if (self->regime == regime)
    return;
  self->regime = regime;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGIME]);
}

const char *
ls_unit_get_street_address (LsUnit *self)
{
  g_return_val_if_fail (LS_IS_UNIT (self), NULL);

  return self->street_address;
}

void
ls_unit_set_street_address (LsUnit *self, const char *street_address)
{
  g_return_if_fail (LS_IS_UNIT (self));

  ls_record_set_string (self, &self->street_address,
                        properties[PROP_STREET_ADDRESS], street_address);
}

const char *
ls_unit_get_postcode (LsUnit *self)
{
  g_return_val_if_fail (LS_IS_UNIT (self), NULL);

  return self->postcode;
}

void
ls_unit_set_postcode (LsUnit *self, const char *postcode)
{
  g_return_if_fail (LS_IS_UNIT (self));

  ls_record_set_string (self, &self->postcode, properties[PROP_POSTCODE],
                        postcode);
}

const char *
ls_unit_get_town (LsUnit *self)
{
  g_return_val_if_fail (LS_IS_UNIT (self), NULL);

  return self->town;
}

void
ls_unit_set_town (LsUnit *self, const char *town)
{
  g_return_if_fail (LS_IS_UNIT (self));

  ls_record_set_string (self, &self->town, properties[PROP_TOWN], town);
}

const char *
ls_unit_get_phone (LsUnit *self)
{
  g_return_val_if_fail (LS_IS_UNIT (self), NULL);

  return self->phone;
}

void
ls_unit_set_phone (LsUnit *self, const char *phone)
{
  g_return_if_fail (LS_IS_UNIT (self));

  ls_record_set_string (self, &self->phone, properties[PROP_PHONE], phone);
}
