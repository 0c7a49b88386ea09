/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-notification"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-model.h"
#include "ls-notification.h"
#include "ls-record-private.h"

/*
 * The notification to IVO on the annex form (chapter 6), pre-filled
 * from the case, the organisation and the unit and then kept as sent.
 */
struct _LsNotification
{
  GObject parent_instance;

  LsCaseKind kind;
  char *department;
  LsOrganisationKind sender;
  char *board_name;
  char *board_municipality;
  char *provider_name;
  char *contact_name;
  char *contact_title;
  char *workplace;
  char *postal_address;
  char *postcode;
  char *town;
  char *phone;
  char *email;
  char *unit_name;
  char *activity;
  char *unit_street_address;
  char *unit_postcode;
  char *unit_town;
  char *unit_phone;
  char *occurred;
  char *description;
  gboolean individuals_informed;
  gboolean attach_investigation;
  gboolean attach_routines;
  gboolean attach_other;
  char *other_attachments;
  char *organisation_staffing;
  char *staff_details;
  char *actions;
  char *signed_on;
  char *signatory;
  char *submitted_on;
  char *investigation_sent_on;
  char **sent_attachments;
};

G_DEFINE_FINAL_TYPE (LsNotification, ls_notification, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_DEPARTMENT,
  PROP_SENDER,
  PROP_BOARD_NAME,
  PROP_BOARD_MUNICIPALITY,
  PROP_PROVIDER_NAME,
  PROP_CONTACT_NAME,
  PROP_CONTACT_TITLE,
  PROP_WORKPLACE,
  PROP_POSTAL_ADDRESS,
  PROP_POSTCODE,
  PROP_TOWN,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_UNIT_NAME,
  PROP_ACTIVITY,
  PROP_UNIT_STREET_ADDRESS,
  PROP_UNIT_POSTCODE,
  PROP_UNIT_TOWN,
  PROP_UNIT_PHONE,
  PROP_OCCURRED,
  PROP_DESCRIPTION,
  PROP_INDIVIDUALS_INFORMED,
  PROP_ATTACH_INVESTIGATION,
  PROP_ATTACH_ROUTINES,
  PROP_ATTACH_OTHER,
  PROP_OTHER_ATTACHMENTS,
  PROP_ORGANISATION_STAFFING,
  PROP_STAFF_DETAILS,
  PROP_ACTIONS,
  PROP_SIGNED_ON,
  PROP_SIGNATORY,
  PROP_SUBMITTED_ON,
  PROP_INVESTIGATION_SENT_ON,
  PROP_SENT_ATTACHMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_DEPARTMENT, G_STRUCT_OFFSET (LsNotification, department) },
  { PROP_BOARD_NAME, G_STRUCT_OFFSET (LsNotification, board_name) },
  { PROP_BOARD_MUNICIPALITY,
    G_STRUCT_OFFSET (LsNotification, board_municipality) },
  { PROP_PROVIDER_NAME, G_STRUCT_OFFSET (LsNotification, provider_name) },
  { PROP_CONTACT_NAME, G_STRUCT_OFFSET (LsNotification, contact_name) },
  { PROP_CONTACT_TITLE, G_STRUCT_OFFSET (LsNotification, contact_title) },
  { PROP_WORKPLACE, G_STRUCT_OFFSET (LsNotification, workplace) },
  { PROP_POSTAL_ADDRESS, G_STRUCT_OFFSET (LsNotification, postal_address) },
  { PROP_POSTCODE, G_STRUCT_OFFSET (LsNotification, postcode) },
  { PROP_TOWN, G_STRUCT_OFFSET (LsNotification, town) },
  { PROP_PHONE, G_STRUCT_OFFSET (LsNotification, phone) },
  { PROP_EMAIL, G_STRUCT_OFFSET (LsNotification, email) },
  { PROP_UNIT_NAME, G_STRUCT_OFFSET (LsNotification, unit_name) },
  { PROP_ACTIVITY, G_STRUCT_OFFSET (LsNotification, activity) },
  { PROP_UNIT_STREET_ADDRESS,
    G_STRUCT_OFFSET (LsNotification, unit_street_address) },
  { PROP_UNIT_POSTCODE, G_STRUCT_OFFSET (LsNotification, unit_postcode) },
  { PROP_UNIT_TOWN, G_STRUCT_OFFSET (LsNotification, unit_town) },
  { PROP_UNIT_PHONE, G_STRUCT_OFFSET (LsNotification, unit_phone) },
  { PROP_OCCURRED, G_STRUCT_OFFSET (LsNotification, occurred) },
  { PROP_DESCRIPTION, G_STRUCT_OFFSET (LsNotification, description) },
  { PROP_OTHER_ATTACHMENTS,
    G_STRUCT_OFFSET (LsNotification, other_attachments) },
  { PROP_ORGANISATION_STAFFING,
    G_STRUCT_OFFSET (LsNotification, organisation_staffing) },
  { PROP_STAFF_DETAILS, G_STRUCT_OFFSET (LsNotification, staff_details) },
  { PROP_ACTIONS, G_STRUCT_OFFSET (LsNotification, actions) },
  { PROP_SIGNED_ON, G_STRUCT_OFFSET (LsNotification, signed_on) },
  { PROP_SIGNATORY, G_STRUCT_OFFSET (LsNotification, signatory) },
  { PROP_SUBMITTED_ON, G_STRUCT_OFFSET (LsNotification, submitted_on) },
  { PROP_INVESTIGATION_SENT_ON,
    G_STRUCT_OFFSET (LsNotification, investigation_sent_on) },
};

/* Every text of the form is kept as NULL when empty, and says when it
 * changes. */
static void
set_text (LsNotification *self, char **field, const char *value, guint prop)
{
  ls_record_set_string (self, field, properties[prop], value);
}

static void
set_flag (LsNotification *self, gboolean *field, gboolean value, guint prop)
{
  ls_record_set_boolean (self, field, properties[prop], value);
}

static void
ls_notification_finalize (GObject *object)
{
  LsNotification *self = LS_NOTIFICATION (object);

  ls_record_free_texts (self, texts, G_N_ELEMENTS (texts));
  g_clear_pointer (&self->sent_attachments, g_strfreev);

  G_OBJECT_CLASS (ls_notification_parent_class)->finalize (object);
}

static void
ls_notification_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  LsNotification *self = LS_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SENDER:
      g_value_set_enum (value, self->sender);
      break;
    case PROP_INDIVIDUALS_INFORMED:
      g_value_set_boolean (value, self->individuals_informed);
      break;
    case PROP_ATTACH_INVESTIGATION:
      g_value_set_boolean (value, self->attach_investigation);
      break;
    case PROP_ATTACH_ROUTINES:
      g_value_set_boolean (value, self->attach_routines);
      break;
    case PROP_ATTACH_OTHER:
      g_value_set_boolean (value, self->attach_other);
      break;
    case PROP_SENT_ATTACHMENTS:
      g_value_set_boxed (value, self->sent_attachments);
      break;
    default:
      if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts), prop_id,
                                     value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_notification_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  LsNotification *self = LS_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ls_notification_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SENDER:
      ls_notification_set_sender (self, g_value_get_enum (value));
      break;
    case PROP_INDIVIDUALS_INFORMED:
      ls_notification_set_individuals_informed (self,
                                                g_value_get_boolean (value));
      break;
    case PROP_ATTACH_INVESTIGATION:
      ls_notification_set_attach_investigation (self,
                                                g_value_get_boolean (value));
      break;
    case PROP_ATTACH_ROUTINES:
      ls_notification_set_attach_routines (self, g_value_get_boolean (value));
      break;
    case PROP_ATTACH_OTHER:
      ls_notification_set_attach_other (self, g_value_get_boolean (value));
      break;
    case PROP_SENT_ATTACHMENTS:
      ls_notification_set_sent_attachments (self, g_value_get_boxed (value));
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
  { PROP_KIND, G_STRUCT_OFFSET (LsNotification, kind) },
  { PROP_SENDER, G_STRUCT_OFFSET (LsNotification, sender) },
  { PROP_INDIVIDUALS_INFORMED,
    G_STRUCT_OFFSET (LsNotification, individuals_informed) },
  { PROP_ATTACH_INVESTIGATION,
    G_STRUCT_OFFSET (LsNotification, attach_investigation) },
  { PROP_ATTACH_ROUTINES, G_STRUCT_OFFSET (LsNotification, attach_routines) },
  { PROP_ATTACH_OTHER, G_STRUCT_OFFSET (LsNotification, attach_other) },
};

static void
ls_notification_class_init (LsNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_notification_finalize;
  object_class->get_property = ls_notification_get_property;
  object_class->set_property = ls_notification_set_property;

  properties[PROP_KIND] = g_param_spec_enum (
      "kind", "Kind", "A serious wrongdoing or a clear risk of one",
      LS_TYPE_CASE_KIND, LS_CASE_KIND_UNSET,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT] = g_param_spec_string (
      "department", "IVO department", "The IVO department notified", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENDER] = g_param_spec_enum (
      "sender", "Sender", "Board, private provider or SiS",
      LS_TYPE_ORGANISATION_KIND, LS_ORGANISATION_KIND_MUNICIPAL_BOARD,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOARD_NAME] = g_param_spec_string (
      "board-name", "Board", "The notifying board", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOARD_MUNICIPALITY] = g_param_spec_string (
      "board-municipality", "Board municipality",
      "The board's municipality or region", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVIDER_NAME] = g_param_spec_string (
      "provider-name", "Provider", "The private provider's name", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_NAME] = g_param_spec_string (
      "contact-name", "Contact person", "The contact person", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_TITLE] = g_param_spec_string (
      "contact-title", "Contact title", "The contact person's title", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKPLACE] = g_param_spec_string (
      "workplace", "Workplace", "The contact person's workplace", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSTAL_ADDRESS] = g_param_spec_string (
      "postal-address", "Postal address", "The postal address", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSTCODE] = g_param_spec_string (
      "postcode", "Postcode", "The postcode", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOWN] = g_param_spec_string (
      "town", "Town", "The town", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] = g_param_spec_string (
      "phone", "Phone", "The phone number", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] = g_param_spec_string (
      "email", "E-mail", "The e-mail address", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_NAME] = g_param_spec_string (
      "unit-name", "Unit", "Where it happened", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVITY] = g_param_spec_string (
      "activity", "Activity", "The type of activity", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_STREET_ADDRESS] = g_param_spec_string (
      "unit-street-address", "Unit street address", "The unit's street address",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_POSTCODE] = g_param_spec_string (
      "unit-postcode", "Unit postcode", "The unit's postcode", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_TOWN] = g_param_spec_string (
      "unit-town", "Unit town", "The unit's town", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_PHONE] = g_param_spec_string (
      "unit-phone", "Unit phone", "The unit's phone number", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCURRED] = g_param_spec_string (
      "occurred", "Occurred", "Date, weekday and time of day it happened", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string (
      "description", "Description", "Short description and consequences", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDIVIDUALS_INFORMED] = g_param_spec_boolean (
      "individuals-informed", "Individuals informed",
      "Whether the individuals were told of the notification", FALSE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTACH_INVESTIGATION] = g_param_spec_boolean (
      "attach-investigation", "Attach investigation",
      "The finished investigation is attached", FALSE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTACH_ROUTINES] = g_param_spec_boolean (
      "attach-routines", "Attach routines",
      "The routines in force are attached", FALSE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTACH_OTHER] = g_param_spec_boolean (
      "attach-other", "Attach other", "Other documents are attached", FALSE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OTHER_ATTACHMENTS] = g_param_spec_string (
      "other-attachments", "Other attachments", "Which other documents", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION_STAFFING] = g_param_spec_string (
      "organisation-staffing", "Organisation and staffing",
      "The activity's organisation and staffing", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF_DETAILS] = g_param_spec_string (
      "staff-details", "Staff details",
      "Staff training, length of service and employment form", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIONS] = g_param_spec_string (
      "actions", "Actions",
      "Actions taken or planned to prevent it happening again", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNED_ON] = g_param_spec_string (
      "signed-on", "Signed on", "The date on the form", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNATORY] = g_param_spec_string (
      "signatory", "Signatory", "The name in print of who signs", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBMITTED_ON] = g_param_spec_string (
      "submitted-on", "Submitted on", "When the notification was sent to IVO",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATION_SENT_ON] = g_param_spec_string (
      "investigation-sent-on", "Investigation sent on",
      "When the finished investigation was sent", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENT_ATTACHMENTS] = g_param_spec_boxed (
      "sent-attachments", "Sent attachments",
      "The uuids of the case's attachments chosen to go with the "
      "notification in the package for IVO",
      G_TYPE_STRV,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_scalars (properties, scalars, G_N_ELEMENTS (scalars));
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));
  /* Since version 3 of the exchange format. */
  ls_model_mark_added_later (properties[PROP_SENT_ATTACHMENTS]);

  ls_field_set_kind (properties[PROP_POSTCODE], LS_FIELD_POSTCODE);
  ls_field_set_kind (properties[PROP_EMAIL], LS_FIELD_EMAIL);
  ls_field_set_kind (properties[PROP_UNIT_POSTCODE], LS_FIELD_POSTCODE);
  ls_field_set_kind (properties[PROP_SIGNED_ON], LS_FIELD_DATE);
  ls_field_set_kind (properties[PROP_SUBMITTED_ON], LS_FIELD_DATE);
  ls_field_set_kind (properties[PROP_INVESTIGATION_SENT_ON], LS_FIELD_DATE);
  ls_field_set_kind (properties[PROP_DEPARTMENT], LS_FIELD_CHOICE);
}

static void
ls_notification_init (LsNotification *self)
{
}

LsNotification *
ls_notification_new (void)
{
  return g_object_new (LS_TYPE_NOTIFICATION, NULL);
}

LsCaseKind
ls_notification_get_kind (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), 0);

  return self->kind;
}

void
ls_notification_set_kind (LsNotification *self, LsCaseKind kind)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
ls_notification_get_department (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->department;
}

void
ls_notification_set_department (LsNotification *self, const char *department)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->department, department, PROP_DEPARTMENT);
}

LsOrganisationKind
ls_notification_get_sender (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), 0);

  return self->sender;
}

void
ls_notification_set_sender (LsNotification *self, LsOrganisationKind sender)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  if (self->sender == sender)
    return;
  self->sender = sender;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENDER]);
}

const char *
ls_notification_get_board_name (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->board_name;
}

void
ls_notification_set_board_name (LsNotification *self, const char *board_name)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->board_name, board_name, PROP_BOARD_NAME);
}

const char *
ls_notification_get_board_municipality (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->board_municipality;
}

void
ls_notification_set_board_municipality (LsNotification *self,
                                        const char *board_municipality)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->board_municipality, board_municipality,
            PROP_BOARD_MUNICIPALITY);
}

const char *
ls_notification_get_provider_name (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->provider_name;
}

void
ls_notification_set_provider_name (LsNotification *self,
                                   const char *provider_name)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->provider_name, provider_name, PROP_PROVIDER_NAME);
}

const char *
ls_notification_get_contact_name (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->contact_name;
}

void
ls_notification_set_contact_name (LsNotification *self,
                                  const char *contact_name)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->contact_name, contact_name, PROP_CONTACT_NAME);
}

const char *
ls_notification_get_contact_title (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->contact_title;
}

void
ls_notification_set_contact_title (LsNotification *self,
                                   const char *contact_title)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->contact_title, contact_title, PROP_CONTACT_TITLE);
}

const char *
ls_notification_get_workplace (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->workplace;
}

void
ls_notification_set_workplace (LsNotification *self, const char *workplace)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->workplace, workplace, PROP_WORKPLACE);
}

const char *
ls_notification_get_postal_address (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->postal_address;
}

void
ls_notification_set_postal_address (LsNotification *self,
                                    const char *postal_address)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->postal_address, postal_address, PROP_POSTAL_ADDRESS);
}

const char *
ls_notification_get_postcode (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->postcode;
}

void
ls_notification_set_postcode (LsNotification *self, const char *postcode)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->postcode, postcode, PROP_POSTCODE);
}

const char *
ls_notification_get_town (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->town;
}

void
ls_notification_set_town (LsNotification *self, const char *town)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->town, town, PROP_TOWN);
}

const char *
ls_notification_get_phone (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->phone;
}

void
ls_notification_set_phone (LsNotification *self, const char *phone)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->phone, phone, PROP_PHONE);
}

const char *
ls_notification_get_email (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->email;
}

void
ls_notification_set_email (LsNotification *self, const char *email)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->email, email, PROP_EMAIL);
}

const char *
ls_notification_get_unit_name (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->unit_name;
}

void
ls_notification_set_unit_name (LsNotification *self, const char *unit_name)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->unit_name, unit_name, PROP_UNIT_NAME);
}

const char *
ls_notification_get_activity (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->activity;
}

void
ls_notification_set_activity (LsNotification *self, const char *activity)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->activity, activity, PROP_ACTIVITY);
}

const char *
ls_notification_get_unit_street_address (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->unit_street_address;
}

void
ls_notification_set_unit_street_address (LsNotification *self,
                                         const char *unit_street_address)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->unit_street_address, unit_street_address,
            PROP_UNIT_STREET_ADDRESS);
}

const char *
ls_notification_get_unit_postcode (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->unit_postcode;
}

void
ls_notification_set_unit_postcode (LsNotification *self,
                                   const char *unit_postcode)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->unit_postcode, unit_postcode, PROP_UNIT_POSTCODE);
}

const char *
ls_notification_get_unit_town (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->unit_town;
}

void
ls_notification_set_unit_town (LsNotification *self, const char *unit_town)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->unit_town, unit_town, PROP_UNIT_TOWN);
}

const char *
ls_notification_get_unit_phone (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->unit_phone;
}

void
ls_notification_set_unit_phone (LsNotification *self, const char *unit_phone)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->unit_phone, unit_phone, PROP_UNIT_PHONE);
}

const char *
ls_notification_get_occurred (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->occurred;
}

void
ls_notification_set_occurred (LsNotification *self, const char *occurred)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->occurred, occurred, PROP_OCCURRED);
}

const char *
ls_notification_get_description (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->description;
}

void
ls_notification_set_description (LsNotification *self, const char *description)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->description, description, PROP_DESCRIPTION);
}

gboolean
ls_notification_get_individuals_informed (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), FALSE);

  return self->individuals_informed;
}

void
ls_notification_set_individuals_informed (LsNotification *self,
                                          gboolean individuals_informed)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_flag (self, &self->individuals_informed, individuals_informed,
            PROP_INDIVIDUALS_INFORMED);
}

gboolean
ls_notification_get_attach_investigation (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), FALSE);

  return self->attach_investigation;
}

void
ls_notification_set_attach_investigation (LsNotification *self,
                                          gboolean attach_investigation)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_flag (self, &self->attach_investigation, attach_investigation,
            PROP_ATTACH_INVESTIGATION);
}

gboolean
ls_notification_get_attach_routines (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), FALSE);

  return self->attach_routines;
}

void
ls_notification_set_attach_routines (LsNotification *self,
                                     gboolean attach_routines)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_flag (self, &self->attach_routines, attach_routines,
            PROP_ATTACH_ROUTINES);
}

gboolean
ls_notification_get_attach_other (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), FALSE);

  return self->attach_other;
}

void
ls_notification_set_attach_other (LsNotification *self, gboolean attach_other)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_flag (self, &self->attach_other, attach_other, PROP_ATTACH_OTHER);
}

const char *
ls_notification_get_other_attachments (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->other_attachments;
}

void
ls_notification_set_other_attachments (LsNotification *self,
                                       const char *other_attachments)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->other_attachments, other_attachments,
            PROP_OTHER_ATTACHMENTS);
}

const char *
ls_notification_get_organisation_staffing (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->organisation_staffing;
}

void
ls_notification_set_organisation_staffing (LsNotification *self,
                                           const char *organisation_staffing)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->organisation_staffing, organisation_staffing,
            PROP_ORGANISATION_STAFFING);
}

const char *
ls_notification_get_staff_details (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->staff_details;
}

void
ls_notification_set_staff_details (LsNotification *self,
                                   const char *staff_details)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->staff_details, staff_details, PROP_STAFF_DETAILS);
}

const char *
ls_notification_get_actions (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->actions;
}

void
ls_notification_set_actions (LsNotification *self, const char *actions)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->actions, actions, PROP_ACTIONS);
}

const char *
ls_notification_get_signed_on (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->signed_on;
}

void
ls_notification_set_signed_on (LsNotification *self, const char *signed_on)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->signed_on, signed_on, PROP_SIGNED_ON);
}

const char *
ls_notification_get_signatory (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->signatory;
}

void
ls_notification_set_signatory (LsNotification *self, const char *signatory)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->signatory, signatory, PROP_SIGNATORY);
}

const char *
ls_notification_get_submitted_on (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->submitted_on;
}

void
ls_notification_set_submitted_on (LsNotification *self,
                                  const char *submitted_on)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->submitted_on, submitted_on, PROP_SUBMITTED_ON);
}

const char *
ls_notification_get_investigation_sent_on (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return self->investigation_sent_on;
}

void
ls_notification_set_investigation_sent_on (LsNotification *self,
                                           const char *investigation_sent_on)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  set_text (self, &self->investigation_sent_on, investigation_sent_on,
            PROP_INVESTIGATION_SENT_ON);
}

/**
 * ls_notification_get_sent_attachments:
 *
 * Returns: (transfer none) (nullable): the uuids of the case's
 *   attachments chosen to go with the notification in the package for
 *   IVO, besides the form, the investigation and the routines
 */
const char *const *
ls_notification_get_sent_attachments (LsNotification *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION (self), NULL);

  return (const char *const *) self->sent_attachments;
}

void
ls_notification_set_sent_attachments (LsNotification *self,
                                      const char *const *sent_attachments)
{
  g_return_if_fail (LS_IS_NOTIFICATION (self));

  if (ls_record_replace_strv (&self->sent_attachments, sent_attachments))
    g_object_notify_by_pspec (G_OBJECT (self),
                              properties[PROP_SENT_ATTACHMENTS]);
}

/**
 * ls_notification_set_attachment_sent:
 * @uuid: an attachment of the case
 * @sent: whether it goes with the notification
 *
 * Chooses, or no longer chooses, one attachment for the package for IVO.
 */
void
ls_notification_set_attachment_sent (LsNotification *self,
                                     const char *uuid,
                                     gboolean sent)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) chosen = NULL;

  g_return_if_fail (LS_IS_NOTIFICATION (self));
  g_return_if_fail (uuid != NULL);

  for (guint i = 0;
       self->sent_attachments != NULL && self->sent_attachments[i] != NULL; i++)
    if (!g_str_equal (self->sent_attachments[i], uuid))
      g_strv_builder_add (builder, self->sent_attachments[i]);
  if (sent)
    g_strv_builder_add (builder, uuid);
  chosen = g_strv_builder_end (builder);
  ls_notification_set_sent_attachments (self, (const char *const *) chosen);
}
