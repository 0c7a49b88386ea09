/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-investigation"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-investigation.h"
#include "ls-action.h"
#include "ls-cause.h"
#include "ls-investigator.h"
#include "ls-journal-item.h"
#include "ls-record-private.h"

/*
 * The investigation (5:1 to 5:5): who investigates, the journal of
 * documented items, causes, recurrence, actions and the conclusion.
 */
struct _LsInvestigation
{
  GObject parent_instance;

  char *started_on;
  GListStore *investigators;
  GListStore *journal;
  GListStore *causes;
  LsSimilarBefore similar_before;
  char *similar_explanation;
  char **linked_cases;
  char *recurrence;
  GListStore *remedial_actions;
  GListStore *preventive_actions;
  char *other_findings;
  char *conclusion;
  char *concluded_on;
  char *decided_by;
  char *decided_by_title;
  LsSeriousness seriousness;
};

G_DEFINE_FINAL_TYPE (LsInvestigation, ls_investigation, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STARTED_ON,
  PROP_INVESTIGATORS,
  PROP_JOURNAL,
  PROP_CAUSES,
  PROP_SIMILAR_BEFORE,
  PROP_SIMILAR_EXPLANATION,
  PROP_LINKED_CASES,
  PROP_RECURRENCE,
  PROP_REMEDIAL_ACTIONS,
  PROP_PREVENTIVE_ACTIONS,
  PROP_OTHER_FINDINGS,
  PROP_CONCLUSION,
  PROP_CONCLUDED_ON,
  PROP_DECIDED_BY,
  PROP_DECIDED_BY_TITLE,
  PROP_SERIOUSNESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ls_investigation_finalize (GObject *object)
{
  LsInvestigation *self = LS_INVESTIGATION (object);

  g_clear_pointer (&self->started_on, g_free);
  g_clear_object (&self->investigators);
  g_clear_object (&self->journal);
  g_clear_object (&self->causes);
  g_clear_pointer (&self->similar_explanation, g_free);
  g_clear_pointer (&self->linked_cases, g_strfreev);
  g_clear_pointer (&self->recurrence, g_free);
  g_clear_object (&self->remedial_actions);
  g_clear_object (&self->preventive_actions);
  g_clear_pointer (&self->other_findings, g_free);
  g_clear_pointer (&self->conclusion, g_free);
  g_clear_pointer (&self->concluded_on, g_free);
  g_clear_pointer (&self->decided_by, g_free);
  g_clear_pointer (&self->decided_by_title, g_free);

  G_OBJECT_CLASS (ls_investigation_parent_class)->finalize (object);
}

static void
ls_investigation_get_property (GObject *object,
                               guint prop_id,
                               GValue *value,
                               GParamSpec *pspec)
{
  LsInvestigation *self = LS_INVESTIGATION (object);

  switch (prop_id)
    {
    case PROP_STARTED_ON:
      g_value_set_string (value, self->started_on);
      break;
    case PROP_INVESTIGATORS:
      g_value_set_object (value, self->investigators);
      break;
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_CAUSES:
      g_value_set_object (value, self->causes);
      break;
    case PROP_SIMILAR_BEFORE:
      g_value_set_enum (value, self->similar_before);
      break;
    case PROP_SIMILAR_EXPLANATION:
      g_value_set_string (value, self->similar_explanation);
      break;
    case PROP_LINKED_CASES:
      g_value_set_boxed (value, self->linked_cases);
      break;
    case PROP_RECURRENCE:
      g_value_set_string (value, self->recurrence);
      break;
    case PROP_REMEDIAL_ACTIONS:
      g_value_set_object (value, self->remedial_actions);
      break;
    case PROP_PREVENTIVE_ACTIONS:
      g_value_set_object (value, self->preventive_actions);
      break;
    case PROP_OTHER_FINDINGS:
      g_value_set_string (value, self->other_findings);
      break;
    case PROP_CONCLUSION:
      g_value_set_string (value, self->conclusion);
      break;
    case PROP_CONCLUDED_ON:
      g_value_set_string (value, self->concluded_on);
      break;
    case PROP_DECIDED_BY:
      g_value_set_string (value, self->decided_by);
      break;
    case PROP_DECIDED_BY_TITLE:
      g_value_set_string (value, self->decided_by_title);
      break;
    case PROP_SERIOUSNESS:
      g_value_set_enum (value, self->seriousness);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_investigation_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  LsInvestigation *self = LS_INVESTIGATION (object);

  switch (prop_id)
    {
    case PROP_STARTED_ON:
      ls_investigation_set_started_on (self, g_value_get_string (value));
      break;
    case PROP_SIMILAR_BEFORE:
      ls_investigation_set_similar_before (self, g_value_get_enum (value));
      break;
    case PROP_SIMILAR_EXPLANATION:
      ls_investigation_set_similar_explanation (self,
                                                g_value_get_string (value));
      break;
    case PROP_LINKED_CASES:
      ls_investigation_set_linked_cases (self, g_value_get_boxed (value));
      break;
    case PROP_RECURRENCE:
      ls_investigation_set_recurrence (self, g_value_get_string (value));
      break;
    case PROP_OTHER_FINDINGS:
      ls_investigation_set_other_findings (self, g_value_get_string (value));
      break;
    case PROP_CONCLUSION:
      ls_investigation_set_conclusion (self, g_value_get_string (value));
      break;
    case PROP_CONCLUDED_ON:
      ls_investigation_set_concluded_on (self, g_value_get_string (value));
      break;
    case PROP_DECIDED_BY:
      ls_investigation_set_decided_by (self, g_value_get_string (value));
      break;
    case PROP_DECIDED_BY_TITLE:
      ls_investigation_set_decided_by_title (self, g_value_get_string (value));
      break;
    case PROP_SERIOUSNESS:
      ls_investigation_set_seriousness (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The children and lists the walks of the model read where they are. */
static const LsRecordText objects[] = {
  { PROP_INVESTIGATORS, G_STRUCT_OFFSET (LsInvestigation, investigators) },
  { PROP_JOURNAL, G_STRUCT_OFFSET (LsInvestigation, journal) },
  { PROP_CAUSES, G_STRUCT_OFFSET (LsInvestigation, causes) },
  { PROP_REMEDIAL_ACTIONS,
    G_STRUCT_OFFSET (LsInvestigation, remedial_actions) },
  { PROP_PREVENTIVE_ACTIONS,
    G_STRUCT_OFFSET (LsInvestigation, preventive_actions) },
};

/* The booleans and enumerations the walks of the model read where they
 * are. */
static const LsRecordText scalars[] = {
  { PROP_SIMILAR_BEFORE, G_STRUCT_OFFSET (LsInvestigation, similar_before) },
  { PROP_SERIOUSNESS, G_STRUCT_OFFSET (LsInvestigation, seriousness) },
};

static void
ls_investigation_class_init (LsInvestigationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_investigation_finalize;
  object_class->get_property = ls_investigation_get_property;
  object_class->set_property = ls_investigation_set_property;

  properties[PROP_STARTED_ON] = g_param_spec_string (
      "started-on", "Started on", "When the investigation began", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVESTIGATORS] = g_param_spec_object (
      "investigators", "Investigators", "Who investigates", G_TYPE_LIST_STORE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] = g_param_spec_object (
      "journal", "Journal", "The documented items", G_TYPE_LIST_STORE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAUSES] = g_param_spec_object (
      "causes", "Causes", "The causes found", G_TYPE_LIST_STORE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIMILAR_BEFORE] = g_param_spec_enum (
      "similar-before", "Similar before",
      "Whether something similar happened before", LS_TYPE_SIMILAR_BEFORE,
      LS_SIMILAR_BEFORE_UNKNOWN,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIMILAR_EXPLANATION] = g_param_spec_string (
      "similar-explanation", "Similar explanation", "Why it happened again",
      NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINKED_CASES] = g_param_spec_boxed (
      "linked-cases", "Linked cases", "The UUIDs of earlier similar cases",
      G_TYPE_STRV,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECURRENCE] = g_param_spec_string (
      "recurrence", "Recurrence",
      "Whether something similar could happen again", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMEDIAL_ACTIONS] = g_param_spec_object (
      "remedial-actions", "Remedial actions", "Actions that remedied it",
      G_TYPE_LIST_STORE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREVENTIVE_ACTIONS] = g_param_spec_object (
      "preventive-actions", "Preventive actions",
      "Actions that prevent it happening again", G_TYPE_LIST_STORE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OTHER_FINDINGS] = g_param_spec_string (
      "other-findings", "Other findings", "What else emerged", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONCLUSION] = g_param_spec_string (
      "conclusion", "Conclusion",
      "The conclusion the investigation closed with", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONCLUDED_ON] = g_param_spec_string (
      "concluded-on", "Concluded on", "When the conclusion was made", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIDED_BY] = g_param_spec_string (
      "decided-by", "Decided by", "Who made the conclusion", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIDED_BY_TITLE] = g_param_spec_string (
      "decided-by-title", "Decided by title", "Their title", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERIOUSNESS] = g_param_spec_enum (
      "seriousness", "Seriousness", "Whether it is a serious wrongdoing",
      LS_TYPE_SERIOUSNESS, LS_SERIOUSNESS_UNDECIDED,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_scalars (properties, scalars, G_N_ELEMENTS (scalars));
  ls_record_mark_objects (properties, objects, G_N_ELEMENTS (objects));

  ls_field_set_kind (properties[PROP_STARTED_ON], LS_FIELD_DATE);
  ls_field_set_kind (properties[PROP_CONCLUDED_ON], LS_FIELD_DATE);
}

static void
ls_investigation_init (LsInvestigation *self)
{
  self->investigators = g_list_store_new (LS_TYPE_INVESTIGATOR);
  self->journal = g_list_store_new (LS_TYPE_JOURNAL_ITEM);
  self->causes = g_list_store_new (LS_TYPE_CAUSE);
  self->remedial_actions = g_list_store_new (LS_TYPE_ACTION);
  self->preventive_actions = g_list_store_new (LS_TYPE_ACTION);
}

LsInvestigation *
ls_investigation_new (void)
{
  return g_object_new (LS_TYPE_INVESTIGATION, NULL);
}

const char *
ls_investigation_get_started_on (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->started_on;
}

void
ls_investigation_set_started_on (LsInvestigation *self, const char *started_on)
{
  g_return_if_fail (LS_IS_INVESTIGATION (self));

  if (started_on != NULL && *started_on == '\0')
    started_on = NULL;
  if (g_strcmp0 (self->started_on, started_on) == 0)
    return;
  g_free (self->started_on);
  self->started_on = g_strdup (started_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_ON]);
}

/**
 * ls_investigation_get_investigators:
 *
 * Returns: (transfer none): who investigates, a #GListStore of #LsInvestigator
 */
GListStore *
ls_investigation_get_investigators (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->investigators;
}

/**
 * ls_investigation_get_journal:
 *
 * Returns: (transfer none): the documented items, a #GListStore of
 * #LsJournalItem
 */
GListStore *
ls_investigation_get_journal (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->journal;
}

/**
 * ls_investigation_get_causes:
 *
 * Returns: (transfer none): the causes found, a #GListStore of #LsCause
 */
GListStore *
ls_investigation_get_causes (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->causes;
}

LsSimilarBefore
ls_investigation_get_similar_before (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), 0);

  return self->similar_before;
}

void
ls_investigation_set_similar_before (LsInvestigation *self,
                                     LsSimilarBefore similar_before)
{
  g_return_if_fail (LS_IS_INVESTIGATION (self));

  if (self->similar_before == similar_before)
    return;
  self->similar_before = similar_before;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIMILAR_BEFORE]);
}

const char *
ls_investigation_get_similar_explanation (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->similar_explanation;
}

void
ls_investigation_set_similar_explanation (LsInvestigation *self,
                                          const char *similar_explanation)
{
  g_return_if_fail (LS_IS_INVESTIGATION (self));

  if (similar_explanation != NULL && *similar_explanation == '\0')
    similar_explanation = NULL;
  if (g_strcmp0 (self->similar_explanation, similar_explanation) == 0)
    return;
  g_free (self->similar_explanation);
  self->similar_explanation = g_strdup (similar_explanation);
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[PROP_SIMILAR_EXPLANATION]);
}

/**
 * ls_investigation_get_linked_cases:
 *
 * Returns: (transfer none) (nullable): the uuids of earlier similar cases
 */
const char *const *
ls_investigation_get_linked_cases (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return (const char *const *) self->linked_cases;
}

void
ls_investigation_set_linked_cases (LsInvestigation *self,
                                   const char *const *linked_cases)
{
  g_return_if_fail (LS_IS_INVESTIGATION (self));

  if (self->linked_cases == NULL && linked_cases == NULL)
    return;
  if (self->linked_cases != NULL && linked_cases != NULL &&
      g_strv_equal ((const char *const *) self->linked_cases, linked_cases))
    return;
  g_strfreev (self->linked_cases);
  self->linked_cases = g_strdupv ((char **) linked_cases);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKED_CASES]);
}

const char *
ls_investigation_get_recurrence (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->recurrence;
}

void
ls_investigation_set_recurrence (LsInvestigation *self, const char *recurrence)
{
  g_return_if_fail (LS_IS_INVESTIGATION (self));

  if (recurrence != NULL && *recurrence == '\0')
    recurrence = NULL;
  if (g_strcmp0 (self->recurrence, recurrence) == 0)
    return;
  g_free (self->recurrence);
  self->recurrence = g_strdup (recurrence);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECURRENCE]);
}

/**
 * ls_investigation_get_remedial_actions:
 *
 * Returns: (transfer none): actions that remedied it, a #GListStore of
 * #LsAction
 */
GListStore *
ls_investigation_get_remedial_actions (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->remedial_actions;
}

/**
 * ls_investigation_get_preventive_actions:
 *
 * Returns: (transfer none): actions that prevent it happening again, a
 * #GListStore of #LsAction
 */
GListStore *
ls_investigation_get_preventive_actions (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->preventive_actions;
}

const char *
ls_investigation_get_other_findings (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->other_findings;
}

void
ls_investigation_set_other_findings (LsInvestigation *self,
                                     const char *other_findings)
{
  g_return_if_fail (LS_IS_INVESTIGATION (self));

  if (other_findings != NULL && *other_findings == '\0')
    other_findings = NULL;
  if (g_strcmp0 (self->other_findings, other_findings) == 0)
    return;
  g_free (self->other_findings);
  self->other_findings = g_strdup (other_findings);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OTHER_FINDINGS]);
}

const char *
ls_investigation_get_conclusion (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->conclusion;
}

void
ls_investigation_set_conclusion (LsInvestigation *self, const char *conclusion)
{
  g_return_if_fail (LS_IS_INVESTIGATION (self));

  if (conclusion != NULL && *conclusion == '\0')
    conclusion = NULL;
  if (g_strcmp0 (self->conclusion, conclusion) == 0)
    return;
  g_free (self->conclusion);
  self->conclusion = g_strdup (conclusion);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCLUSION]);
}

const char *
ls_investigation_get_concluded_on (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->concluded_on;
}

void
ls_investigation_set_concluded_on (LsInvestigation *self,
                                   const char *concluded_on)
{
  g_return_if_fail (LS_IS_INVESTIGATION (self));

  if (concluded_on != NULL && *concluded_on == '\0')
    concluded_on = NULL;
  if (g_strcmp0 (self->concluded_on, concluded_on) == 0)
    return;
  g_free (self->concluded_on);
  self->concluded_on = g_strdup (concluded_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCLUDED_ON]);
}

const char *
ls_investigation_get_decided_by (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->decided_by;
}

void
ls_investigation_set_decided_by (LsInvestigation *self, const char *decided_by)
{
  g_return_if_fail (LS_IS_INVESTIGATION (self));

  if (decided_by != NULL && *decided_by == '\0')
    decided_by = NULL;
  if (g_strcmp0 (self->decided_by, decided_by) == 0)
    return;
  g_free (self->decided_by);
  self->decided_by = g_strdup (decided_by);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIDED_BY]);
}

const char *
ls_investigation_get_decided_by_title (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), NULL);

  return self->decided_by_title;
}

void
ls_investigation_set_decided_by_title (LsInvestigation *self,
                                       const char *decided_by_title)
{
  g_return_if_fail (LS_IS_INVESTIGATION (self));

  if (decided_by_title != NULL && *decided_by_title == '\0')
    decided_by_title = NULL;
  if (g_strcmp0 (self->decided_by_title, decided_by_title) == 0)
    return;
  g_free (self->decided_by_title);
  self->decided_by_title = g_strdup (decided_by_title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIDED_BY_TITLE]);
}

LsSeriousness
ls_investigation_get_seriousness (LsInvestigation *self)
{
  g_return_val_if_fail (LS_IS_INVESTIGATION (self), 0);

  return self->seriousness;
}

void
ls_investigation_set_seriousness (LsInvestigation *self,
                                  LsSeriousness seriousness)
{
  g_return_if_fail (LS_IS_INVESTIGATION (self));

  if (self->seriousness == seriousness)
    return;
  self->seriousness = seriousness;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIOUSNESS]);
}
