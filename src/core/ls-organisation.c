/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-organisation"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-model-private.h"
#include "ls-model.h"
#include "ls-organisation.h"
#include "ls-record-private.h"

/*
 * Whoever runs the activity and receives the reports: a municipal
 * or regional board, a private provider or the National Board of
 * Institutional Care (SiS), with its units.
 */
struct _LsOrganisation
{
  GObject parent_instance;

  LsOrganisationKind kind;
  char *name;
  char *municipality;
  char *regno_prefix;
  char *department;
  char *contact_name;
  char *contact_title;
  char *workplace;
  char *postal_address;
  char *postcode;
  char *town;
  char *phone;
  char *email;
  GListStore *units;
};

G_DEFINE_FINAL_TYPE (LsOrganisation, ls_organisation, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_MUNICIPALITY,
  PROP_REGNO_PREFIX,
  PROP_DEPARTMENT,
  PROP_CONTACT_NAME,
  PROP_CONTACT_TITLE,
  PROP_WORKPLACE,
  PROP_POSTAL_ADDRESS,
  PROP_POSTCODE,
  PROP_TOWN,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_UNITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_NAME, G_STRUCT_OFFSET (LsOrganisation, name) },
  { PROP_MUNICIPALITY, G_STRUCT_OFFSET (LsOrganisation, municipality) },
  { PROP_REGNO_PREFIX, G_STRUCT_OFFSET (LsOrganisation, regno_prefix) },
  { PROP_DEPARTMENT, G_STRUCT_OFFSET (LsOrganisation, department) },
  { PROP_CONTACT_NAME, G_STRUCT_OFFSET (LsOrganisation, contact_name) },
  { PROP_CONTACT_TITLE, G_STRUCT_OFFSET (LsOrganisation, contact_title) },
  { PROP_WORKPLACE, G_STRUCT_OFFSET (LsOrganisation, workplace) },
  { PROP_POSTAL_ADDRESS, G_STRUCT_OFFSET (LsOrganisation, postal_address) },
  { PROP_POSTCODE, G_STRUCT_OFFSET (LsOrganisation, postcode) },
  { PROP_TOWN, G_STRUCT_OFFSET (LsOrganisation, town) },
  { PROP_PHONE, G_STRUCT_OFFSET (LsOrganisation, phone) },
  { PROP_EMAIL, G_STRUCT_OFFSET (LsOrganisation, email) },
};

static void
ls_organisation_finalize (GObject *object)
{
  LsOrganisation *self = LS_ORGANISATION (object);

  ls_record_free_texts (self, texts, G_N_ELEMENTS (texts));
  g_clear_object (&self->units);

  G_OBJECT_CLASS (ls_organisation_parent_class)->finalize (object);
}

static void
ls_organisation_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  LsOrganisation *self = LS_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_UNITS:
      g_value_set_object (value, self->units);
      break;
    default:
      if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts), prop_id,
                                     value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_organisation_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  LsOrganisation *self = LS_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ls_organisation_set_kind (self, g_value_get_enum (value));
      break;
    default:
      if (!ls_record_set_text_value (self, texts, G_N_ELEMENTS (texts),
                                     properties, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_organisation_class_init (LsOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_organisation_finalize;
  object_class->get_property = ls_organisation_get_property;
  object_class->set_property = ls_organisation_set_property;

  properties[PROP_KIND] = g_param_spec_enum (
      "kind", "Kind", "Board, private provider or SiS",
      LS_TYPE_ORGANISATION_KIND, LS_ORGANISATION_KIND_MUNICIPAL_BOARD,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string (
      "name", "Name", "The board's or the company's name", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MUNICIPALITY] = g_param_spec_string (
      "municipality", "Municipality", "The municipality or region of a board",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGNO_PREFIX] = g_param_spec_string (
      "regno-prefix", "Registration number prefix",
      "Put before the year in new registration numbers", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT] = g_param_spec_string (
      "department", "IVO department",
      "The IVO department that supervises the activity", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_NAME] = g_param_spec_string (
      "contact-name", "Contact person", "Who IVO contacts about a notification",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_TITLE] = g_param_spec_string (
      "contact-title", "Contact title", "The contact person's title", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKPLACE] = g_param_spec_string (
      "workplace", "Workplace", "The contact person's workplace", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSTAL_ADDRESS] = g_param_spec_string (
      "postal-address", "Postal address", "The organisation's postal address",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSTCODE] = g_param_spec_string (
      "postcode", "Postcode", "The organisation's postcode", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOWN] = g_param_spec_string (
      "town", "Town", "The organisation's town", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] = g_param_spec_string (
      "phone", "Phone", "The organisation's phone number", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] = g_param_spec_string (
      "email", "E-mail", "The organisation's e-mail address", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNITS] = g_param_spec_object (
      "units", "Units", "The units, a list of LsUnit", G_TYPE_LIST_STORE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));

  ls_field_set_kind (properties[PROP_POSTCODE], LS_FIELD_POSTCODE);
  ls_field_set_kind (properties[PROP_EMAIL], LS_FIELD_EMAIL);
  ls_field_set_kind (properties[PROP_DEPARTMENT], LS_FIELD_CHOICE);
}

static void
ls_organisation_init (LsOrganisation *self)
{
  self->units = g_list_store_new (LS_TYPE_UNIT);
}

LsOrganisation *
ls_organisation_new (void)
{
  return g_object_new (LS_TYPE_ORGANISATION, NULL);
}

LsOrganisationKind
ls_organisation_get_kind (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), 0);

  return self->kind;
}

void
ls_organisation_set_kind (LsOrganisation *self, LsOrganisationKind kind)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
ls_organisation_get_name (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->name;
}

void
ls_organisation_set_name (LsOrganisation *self, const char *name)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->name, properties[PROP_NAME], name);
}

const char *
ls_organisation_get_municipality (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->municipality;
}

void
ls_organisation_set_municipality (LsOrganisation *self,
                                  const char *municipality)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->municipality,
                        properties[PROP_MUNICIPALITY], municipality);
}

const char *
ls_organisation_get_regno_prefix (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->regno_prefix;
}

void
ls_organisation_set_regno_prefix (LsOrganisation *self,
                                  const char *regno_prefix)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->regno_prefix,
                        properties[PROP_REGNO_PREFIX], regno_prefix);
}

const char *
ls_organisation_get_department (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->department;
}

void
ls_organisation_set_department (LsOrganisation *self, const char *department)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->department, properties[PROP_DEPARTMENT],
                        department);
}

const char *
ls_organisation_get_contact_name (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->contact_name;
}

void
ls_organisation_set_contact_name (LsOrganisation *self,
                                  const char *contact_name)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->contact_name,
                        properties[PROP_CONTACT_NAME], contact_name);
}

const char *
ls_organisation_get_contact_title (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->contact_title;
}

void
ls_organisation_set_contact_title (LsOrganisation *self,
                                   const char *contact_title)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->contact_title,
                        properties[PROP_CONTACT_TITLE], contact_title);
}

const char *
ls_organisation_get_workplace (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->workplace;
}

void
ls_organisation_set_workplace (LsOrganisation *self, const char *workplace)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->workplace, properties[PROP_WORKPLACE],
                        workplace);
}

const char *
ls_organisation_get_postal_address (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->postal_address;
}

void
ls_organisation_set_postal_address (LsOrganisation *self,
                                    const char *postal_address)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->postal_address,
                        properties[PROP_POSTAL_ADDRESS], postal_address);
}

const char *
ls_organisation_get_postcode (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->postcode;
}

void
ls_organisation_set_postcode (LsOrganisation *self, const char *postcode)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->postcode, properties[PROP_POSTCODE],
                        postcode);
}

const char *
ls_organisation_get_town (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->town;
}

void
ls_organisation_set_town (LsOrganisation *self, const char *town)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->town, properties[PROP_TOWN], town);
}

const char *
ls_organisation_get_phone (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->phone;
}

void
ls_organisation_set_phone (LsOrganisation *self, const char *phone)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->phone, properties[PROP_PHONE], phone);
}

const char *
ls_organisation_get_email (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->email;
}

void
ls_organisation_set_email (LsOrganisation *self, const char *email)
{
  g_return_if_fail (LS_IS_ORGANISATION (self));

  ls_record_set_string (self, &self->email, properties[PROP_EMAIL], email);
}

/**
 * ls_organisation_get_units:
 *
 * Returns: (transfer none): the units, a list of LsUnit, a #GListStore of
 * #LsUnit
 */
GListStore *
ls_organisation_get_units (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return self->units;
}

/**
 * ls_organisation_find_unit:
 * @id: (nullable): a unit's identifier
 *
 * Returns: (transfer none) (nullable): the unit with @id
 */
LsUnit *
ls_organisation_find_unit (LsOrganisation *self, const char *id)
{
  GListModel *units;

  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  if (id == NULL)
    return NULL;
  units = G_LIST_MODEL (self->units);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (units, i);

      if (g_strcmp0 (ls_unit_get_id (unit), id) == 0)
        return unit;
    }
  return NULL;
}

/**
 * ls_organisation_new_from_json:
 * @json: an organisation as the exchange format has it
 * @path: (nullable): where it is in its document, for messages
 *
 * Returns: (transfer full): the organisation, or %NULL with @error naming
 *   the field
 */
LsOrganisation *
ls_organisation_new_from_json (JsonObject *json,
                               const char *path,
                               GError **error)
{
  g_autoptr (LsOrganisation) self = g_object_new (LS_TYPE_ORGANISATION, NULL);
  g_autofree char *bad_path = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  if (!ls_model_from_json (G_OBJECT (self), json, path, error))
    return NULL;
  if (!ls_model_validate (G_OBJECT (self), path, &bad_path, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "%s: ", bad_path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * ls_organisation_new_from_document:
 * @json: the organisation of an exchange document to import
 * @path: (nullable): where it is in its document, for messages
 *
 * Like ls_organisation_new_from_json(), as strict as
 * ls_case_new_from_document().
 *
 * Returns: (transfer full): the organisation, or %NULL with @error naming
 *   the field
 */
LsOrganisation *
ls_organisation_new_from_document (JsonObject *json,
                                   const char *path,
                                   GError **error)
{
  g_autoptr (LsOrganisation) self = g_object_new (LS_TYPE_ORGANISATION, NULL);

  g_return_val_if_fail (json != NULL, NULL);

  if (!ls_model_from_json_document (G_OBJECT (self), json, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * ls_organisation_to_json:
 *
 * Returns: (transfer full): the organisation and its units as the exchange
 *   format has them
 */
JsonObject *
ls_organisation_to_json (LsOrganisation *self)
{
  g_return_val_if_fail (LS_IS_ORGANISATION (self), NULL);

  return ls_model_to_json (G_OBJECT (self));
}
