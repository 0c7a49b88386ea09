/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-person"

#include "config.h"

#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-person.h"
#include "ls-record-private.h"

/*
 * Someone who must report wrongdoings (2 kap. 1 § SOSFS 2011:5): an
 * employee, a contractor, a trainee or a labour-market programme
 * participant, in one or more units.  A person who leaves is given an end
 * date and kept, so that it stays known who was told what and when.
 */
struct _LsPerson
{
  GObject parent_instance;

  char *id;
  char *staff_number;
  char *name;
  LsReporterCategory category;
  char **units;
  char *started_on;
  char *ended_on;
};

G_DEFINE_FINAL_TYPE (LsPerson, ls_person, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_STAFF_NUMBER,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_UNITS,
  PROP_STARTED_ON,
  PROP_ENDED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_ID, G_STRUCT_OFFSET (LsPerson, id) },
  { PROP_STAFF_NUMBER, G_STRUCT_OFFSET (LsPerson, staff_number) },
  { PROP_NAME, G_STRUCT_OFFSET (LsPerson, name) },
  { PROP_STARTED_ON, G_STRUCT_OFFSET (LsPerson, started_on) },
  { PROP_ENDED_ON, G_STRUCT_OFFSET (LsPerson, ended_on) },
};

static void
set_string (LsPerson *self, guint prop_id, const char *value)
{
  ls_record_set_text (self, texts, G_N_ELEMENTS (texts), properties, prop_id,
                      value);
}

static void
ls_person_finalize (GObject *object)
{
  LsPerson *self = LS_PERSON (object);

  ls_record_free_texts (self, texts, G_N_ELEMENTS (texts));
  g_clear_pointer (&self->units, g_strfreev);

  G_OBJECT_CLASS (ls_person_parent_class)->finalize (object);
}

static void
ls_person_get_property (GObject *object,
                        guint prop_id,
                        GValue *value,
                        GParamSpec *pspec)
{
  LsPerson *self = LS_PERSON (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    case PROP_UNITS:
      g_value_set_boxed (value, self->units);
      break;
    default:
      if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts), prop_id,
                                     value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_person_set_property (GObject *object,
                        guint prop_id,
                        const GValue *value,
                        GParamSpec *pspec)
{
  LsPerson *self = LS_PERSON (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      ls_person_set_category (self, g_value_get_enum (value));
      break;
    case PROP_UNITS:
      ls_person_set_units (self, g_value_get_boxed (value));
      break;
    default:
      if (!ls_record_set_text_value (self, texts, G_N_ELEMENTS (texts),
                                     properties, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_person_class_init (LsPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags =
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ls_person_finalize;
  object_class->get_property = ls_person_get_property;
  object_class->set_property = ls_person_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", "Id", "The person's identifier in the register", NULL, flags);
  properties[PROP_STAFF_NUMBER] = g_param_spec_string (
      "staff-number", "Staff number",
      "The number the HR or staffing system knows the person by", NULL, flags);
  properties[PROP_NAME] =
      g_param_spec_string ("name", "Name", "The person's name", NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_enum (
      "category", "Category", "Which of 2 kap. 1 § the person is",
      LS_TYPE_REPORTER_CATEGORY, LS_REPORTER_CATEGORY_UNSET, flags);
  properties[PROP_UNITS] = g_param_spec_boxed (
      "units", "Units", "The identifiers of the units the person works in",
      G_TYPE_STRV, flags);
  properties[PROP_STARTED_ON] = g_param_spec_string (
      "started-on", "Started on", "The day the engagement began", NULL, flags);
  properties[PROP_ENDED_ON] = g_param_spec_string (
      "ended-on", "Ended on", "The day the engagement ended", NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));

  ls_field_set_kind (properties[PROP_ID], LS_FIELD_UUID);
  ls_field_set_kind (properties[PROP_STARTED_ON], LS_FIELD_DATE);
  ls_field_set_kind (properties[PROP_ENDED_ON], LS_FIELD_DATE);
}

static void
ls_person_init (LsPerson *self)
{
}

/**
 * ls_person_new:
 *
 * Returns: (transfer full): a new person with a new identifier
 */
LsPerson *
ls_person_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (LS_TYPE_PERSON, "id", id, NULL);
}

const char *
ls_person_get_id (LsPerson *self)
{
  g_return_val_if_fail (LS_IS_PERSON (self), NULL);

  return self->id;
}

void
ls_person_set_id (LsPerson *self, const char *id)
{
  g_return_if_fail (LS_IS_PERSON (self));

  set_string (self, PROP_ID, id);
}

const char *
ls_person_get_staff_number (LsPerson *self)
{
  g_return_val_if_fail (LS_IS_PERSON (self), NULL);

  return self->staff_number;
}

void
ls_person_set_staff_number (LsPerson *self, const char *staff_number)
{
  g_return_if_fail (LS_IS_PERSON (self));

  set_string (self, PROP_STAFF_NUMBER, staff_number);
}

const char *
ls_person_get_name (LsPerson *self)
{
  g_return_val_if_fail (LS_IS_PERSON (self), NULL);

  return self->name;
}

void
ls_person_set_name (LsPerson *self, const char *name)
{
  g_return_if_fail (LS_IS_PERSON (self));

  set_string (self, PROP_NAME, name);
}

LsReporterCategory
ls_person_get_category (LsPerson *self)
{
  g_return_val_if_fail (LS_IS_PERSON (self), 0);

  return self->category;
}

void
ls_person_set_category (LsPerson *self, LsReporterCategory category)
{
  g_return_if_fail (LS_IS_PERSON (self));

  if (self->category == category)
    return;
  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

/**
 * ls_person_get_units:
 *
 * Returns: (nullable) (transfer none): the identifiers of the person's units
 */
const char *const *
ls_person_get_units (LsPerson *self)
{
  g_return_val_if_fail (LS_IS_PERSON (self), NULL);

  return (const char *const *) self->units;
}

void
ls_person_set_units (LsPerson *self, const char *const *units)
{
  g_return_if_fail (LS_IS_PERSON (self));

  if (ls_record_replace_strv (&self->units, units))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNITS]);
}

const char *
ls_person_get_started_on (LsPerson *self)
{
  g_return_val_if_fail (LS_IS_PERSON (self), NULL);

  return self->started_on;
}

void
ls_person_set_started_on (LsPerson *self, const char *started_on)
{
  g_return_if_fail (LS_IS_PERSON (self));

  set_string (self, PROP_STARTED_ON, started_on);
}

const char *
ls_person_get_ended_on (LsPerson *self)
{
  g_return_val_if_fail (LS_IS_PERSON (self), NULL);

  return self->ended_on;
}

void
ls_person_set_ended_on (LsPerson *self, const char *ended_on)
{
  g_return_if_fail (LS_IS_PERSON (self));

  set_string (self, PROP_ENDED_ON, ended_on);
}

/**
 * ls_person_is_active:
 * @today: the day, "2026-03-01"
 *
 * Returns: whether the person's engagement has not ended by @today (the
 *   day of leaving still counts)
 */
gboolean
ls_person_is_active (LsPerson *self, const char *today)
{
  g_return_val_if_fail (LS_IS_PERSON (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return self->ended_on == NULL ||
         ls_dates_compare (self->ended_on, today) >= 0;
}

/**
 * ls_person_in_unit:
 * @unit_id: (nullable): a unit's identifier, or %NULL for any
 *
 * Returns: whether the person works in the unit
 */
gboolean
ls_person_in_unit (LsPerson *self, const char *unit_id)
{
  g_return_val_if_fail (LS_IS_PERSON (self), FALSE);

  return unit_id == NULL ||
         ls_record_strv_contains ((const char *const *) self->units, unit_id);
}
