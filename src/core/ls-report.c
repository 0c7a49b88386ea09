/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-report"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-report.h"
#include "ls-action.h"
#include "ls-individual.h"
#include "ls-record-private.h"

/*
 * The staff report (2:1 to 2:4) and what was done at once (3:1).
 */
struct _LsReport
{
  GObject parent_instance;

  LsCaseKind kind;
  char *category;
  char *received_at;
  LsReceivedHow received_how;
  char *received_by;
  char *reporter_name;
  LsReporterCategory reporter_category;
  char *occurred_at;
  gboolean occurred_unknown;
  char *noticed_at;
  char *noticed_how;
  char *description;
  char *consequences;
  GListStore *individuals;
  GListStore *immediate_actions;
};

G_DEFINE_FINAL_TYPE (LsReport, ls_report, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_CATEGORY,
  PROP_RECEIVED_AT,
  PROP_RECEIVED_HOW,
  PROP_RECEIVED_BY,
  PROP_REPORTER_NAME,
  PROP_REPORTER_CATEGORY,
  PROP_OCCURRED_AT,
  PROP_OCCURRED_UNKNOWN,
  PROP_NOTICED_AT,
  PROP_NOTICED_HOW,
  PROP_DESCRIPTION,
  PROP_CONSEQUENCES,
  PROP_INDIVIDUALS,
  PROP_IMMEDIATE_ACTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_CATEGORY, G_STRUCT_OFFSET (LsReport, category) },
  { PROP_RECEIVED_AT, G_STRUCT_OFFSET (LsReport, received_at) },
  { PROP_RECEIVED_BY, G_STRUCT_OFFSET (LsReport, received_by) },
  { PROP_REPORTER_NAME, G_STRUCT_OFFSET (LsReport, reporter_name) },
  { PROP_OCCURRED_AT, G_STRUCT_OFFSET (LsReport, occurred_at) },
  { PROP_NOTICED_AT, G_STRUCT_OFFSET (LsReport, noticed_at) },
  { PROP_NOTICED_HOW, G_STRUCT_OFFSET (LsReport, noticed_how) },
  { PROP_DESCRIPTION, G_STRUCT_OFFSET (LsReport, description) },
  { PROP_CONSEQUENCES, G_STRUCT_OFFSET (LsReport, consequences) },
};

static void
ls_report_finalize (GObject *object)
{
  LsReport *self = LS_REPORT (object);

  ls_record_free_texts (self, texts, G_N_ELEMENTS (texts));
  g_clear_object (&self->individuals);
  g_clear_object (&self->immediate_actions);

  G_OBJECT_CLASS (ls_report_parent_class)->finalize (object);
}

static void
ls_report_get_property (GObject *object,
                        guint prop_id,
                        GValue *value,
                        GParamSpec *pspec)
{
  LsReport *self = LS_REPORT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_RECEIVED_HOW:
      g_value_set_enum (value, self->received_how);
      break;
    case PROP_REPORTER_CATEGORY:
      g_value_set_enum (value, self->reporter_category);
      break;
    case PROP_OCCURRED_UNKNOWN:
      g_value_set_boolean (value, self->occurred_unknown);
      break;
    case PROP_INDIVIDUALS:
      g_value_set_object (value, self->individuals);
      break;
    case PROP_IMMEDIATE_ACTIONS:
      g_value_set_object (value, self->immediate_actions);
      break;
    default:
      if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts), prop_id,
                                     value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_report_set_property (GObject *object,
                        guint prop_id,
                        const GValue *value,
                        GParamSpec *pspec)
{
  LsReport *self = LS_REPORT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ls_report_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_RECEIVED_HOW:
      ls_report_set_received_how (self, g_value_get_enum (value));
      break;
    case PROP_REPORTER_CATEGORY:
      ls_report_set_reporter_category (self, g_value_get_enum (value));
      break;
    case PROP_OCCURRED_UNKNOWN:
      ls_report_set_occurred_unknown (self, g_value_get_boolean (value));
      break;
    default:
      if (!ls_record_set_text_value (self, texts, G_N_ELEMENTS (texts),
                                     properties, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The children and lists the walks of the model read where they are. */
static const LsRecordText objects[] = {
  { PROP_INDIVIDUALS, G_STRUCT_OFFSET (LsReport, individuals) },
  { PROP_IMMEDIATE_ACTIONS, G_STRUCT_OFFSET (LsReport, immediate_actions) },
};

/* The booleans and enumerations the walks of the model read where they
 * are. */
static const LsRecordText scalars[] = {
  { PROP_KIND, G_STRUCT_OFFSET (LsReport, kind) },
  { PROP_RECEIVED_HOW, G_STRUCT_OFFSET (LsReport, received_how) },
  { PROP_REPORTER_CATEGORY, G_STRUCT_OFFSET (LsReport, reporter_category) },
  { PROP_OCCURRED_UNKNOWN, G_STRUCT_OFFSET (LsReport, occurred_unknown) },
};

static void
ls_report_class_init (LsReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_report_finalize;
  object_class->get_property = ls_report_get_property;
  object_class->set_property = ls_report_set_property;

  properties[PROP_KIND] = g_param_spec_enum (
      "kind", "Kind", "A wrongdoing or a clear risk of one", LS_TYPE_CASE_KIND,
      LS_CASE_KIND_UNSET,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] = g_param_spec_string (
      "category", "Category",
      "The kind of wrongdoing, an id of the category list", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECEIVED_AT] = g_param_spec_string (
      "received-at", "Received at", "When the report was received", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECEIVED_HOW] = g_param_spec_enum (
      "received-how", "Received how", "Orally or in writing",
      LS_TYPE_RECEIVED_HOW, LS_RECEIVED_HOW_UNSET,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECEIVED_BY] = g_param_spec_string (
      "received-by", "Received by", "Who received the report", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORTER_NAME] = g_param_spec_string (
      "reporter-name", "Reporter", "Who reported", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORTER_CATEGORY] = g_param_spec_enum (
      "reporter-category", "Reporter category",
      "Employee, contractor, trainee or programme participant",
      LS_TYPE_REPORTER_CATEGORY, LS_REPORTER_CATEGORY_UNSET,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCURRED_AT] = g_param_spec_string (
      "occurred-at", "Occurred at", "When it happened, a date or a time", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCURRED_UNKNOWN] = g_param_spec_boolean (
      "occurred-unknown", "Occurred unknown",
      "Whether it is not known when it happened", FALSE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTICED_AT] = g_param_spec_string (
      "noticed-at", "Noticed at", "When it was noticed", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTICED_HOW] = g_param_spec_string (
      "noticed-how", "Noticed how", "How it was noticed", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string (
      "description", "Description", "What happened", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSEQUENCES] = g_param_spec_string (
      "consequences", "Consequences", "The consequences for the individual",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDIVIDUALS] = g_param_spec_object (
      "individuals", "Individuals", "The individuals concerned",
      G_TYPE_LIST_STORE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMMEDIATE_ACTIONS] = g_param_spec_object (
      "immediate-actions", "Immediate actions", "What was done at once",
      G_TYPE_LIST_STORE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_scalars (properties, scalars, G_N_ELEMENTS (scalars));
  ls_record_mark_objects (properties, objects, G_N_ELEMENTS (objects));
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));

  ls_field_set_kind (properties[PROP_RECEIVED_AT], LS_FIELD_DATETIME);
  ls_field_set_kind (properties[PROP_OCCURRED_AT], LS_FIELD_WHEN);
  ls_field_set_kind (properties[PROP_NOTICED_AT], LS_FIELD_WHEN);
  ls_field_set_kind (properties[PROP_CATEGORY], LS_FIELD_CHOICE);
}

static void
ls_report_init (LsReport *self)
{
  self->individuals = g_list_store_new (LS_TYPE_INDIVIDUAL);
  self->immediate_actions = g_list_store_new (LS_TYPE_ACTION);
}

LsReport *
ls_report_new (void)
{
  return g_object_new (LS_TYPE_REPORT, NULL);
}

LsCaseKind
ls_report_get_kind (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), 0);

  return self->kind;
}

void
ls_report_set_kind (LsReport *self, LsCaseKind kind)
{
  g_return_if_fail (LS_IS_REPORT (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
ls_report_get_category (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), NULL);

  return self->category;
}

void
ls_report_set_category (LsReport *self, const char *category)
{
  g_return_if_fail (LS_IS_REPORT (self));

  ls_record_set_string (self, &self->category, properties[PROP_CATEGORY],
                        category);
}

const char *
ls_report_get_received_at (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), NULL);

  return self->received_at;
}

void
ls_report_set_received_at (LsReport *self, const char *received_at)
{
  g_return_if_fail (LS_IS_REPORT (self));

  ls_record_set_string (self, &self->received_at, properties[PROP_RECEIVED_AT],
                        received_at);
}

LsReceivedHow
ls_report_get_received_how (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), 0);

  return self->received_how;
}

void
ls_report_set_received_how (LsReport *self, LsReceivedHow received_how)
{
  g_return_if_fail (LS_IS_REPORT (self));

  if (self->received_how == received_how)
    return;
  self->received_how = received_how;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_HOW]);
}

const char *
ls_report_get_received_by (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), NULL);

  return self->received_by;
}

void
ls_report_set_received_by (LsReport *self, const char *received_by)
{
  g_return_if_fail (LS_IS_REPORT (self));

  ls_record_set_string (self, &self->received_by, properties[PROP_RECEIVED_BY],
                        received_by);
}

const char *
ls_report_get_reporter_name (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), NULL);

  return self->reporter_name;
}

void
ls_report_set_reporter_name (LsReport *self, const char *reporter_name)
{
  g_return_if_fail (LS_IS_REPORT (self));

  ls_record_set_string (self, &self->reporter_name,
                        properties[PROP_REPORTER_NAME], reporter_name);
}

LsReporterCategory
ls_report_get_reporter_category (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), 0);

  return self->reporter_category;
}

void
ls_report_set_reporter_category (LsReport *self,
                                 LsReporterCategory reporter_category)
{
  g_return_if_fail (LS_IS_REPORT (self));

  if (self->reporter_category == reporter_category)
    return;
  self->reporter_category = reporter_category;
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[PROP_REPORTER_CATEGORY]);
}

const char *
ls_report_get_occurred_at (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), NULL);

  return self->occurred_at;
}

void
ls_report_set_occurred_at (LsReport *self, const char *occurred_at)
{
  g_return_if_fail (LS_IS_REPORT (self));

  ls_record_set_string (self, &self->occurred_at, properties[PROP_OCCURRED_AT],
                        occurred_at);
}

gboolean
ls_report_get_occurred_unknown (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), FALSE);

  return self->occurred_unknown;
}

void
ls_report_set_occurred_unknown (LsReport *self, gboolean occurred_unknown)
{
  g_return_if_fail (LS_IS_REPORT (self));

  occurred_unknown = !!occurred_unknown;
  if (self->occurred_unknown == occurred_unknown)
    return;
  self->occurred_unknown = occurred_unknown;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRED_UNKNOWN]);
}

const char *
ls_report_get_noticed_at (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), NULL);

  return self->noticed_at;
}

void
ls_report_set_noticed_at (LsReport *self, const char *noticed_at)
{
  g_return_if_fail (LS_IS_REPORT (self));

  ls_record_set_string (self, &self->noticed_at, properties[PROP_NOTICED_AT],
                        noticed_at);
}

const char *
ls_report_get_noticed_how (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), NULL);

  return self->noticed_how;
}

void
ls_report_set_noticed_how (LsReport *self, const char *noticed_how)
{
  g_return_if_fail (LS_IS_REPORT (self));

  ls_record_set_string (self, &self->noticed_how, properties[PROP_NOTICED_HOW],
                        noticed_how);
}

const char *
ls_report_get_description (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), NULL);

  return self->description;
}

void
ls_report_set_description (LsReport *self, const char *description)
{
  g_return_if_fail (LS_IS_REPORT (self));

  ls_record_set_string (self, &self->description, properties[PROP_DESCRIPTION],
                        description);
}

const char *
ls_report_get_consequences (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), NULL);

  return self->consequences;
}

void
ls_report_set_consequences (LsReport *self, const char *consequences)
{
  g_return_if_fail (LS_IS_REPORT (self));

  ls_record_set_string (self, &self->consequences,
                        properties[PROP_CONSEQUENCES], consequences);
}

/**
 * ls_report_get_individuals:
 *
 * Returns: (transfer none): the individuals concerned, a #GListStore of
 * #LsIndividual
 */
GListStore *
ls_report_get_individuals (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), NULL);

  return self->individuals;
}

/**
 * ls_report_get_immediate_actions:
 *
 * Returns: (transfer none): what was done at once, a #GListStore of #LsAction
 */
GListStore *
ls_report_get_immediate_actions (LsReport *self)
{
  g_return_val_if_fail (LS_IS_REPORT (self), NULL);

  return self->immediate_actions;
}
