/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-summary"

#include "config.h"

#include "ls-case-summary.h"

/* The columns a case list shows, read from the store without loading the
 * whole case, so that a list of 100,000 cases stays light.  Immutable: the
 * store makes new ones when a case changes, a page of them at a time, so
 * they are made without the property machinery (see ls_case_summary_new). */
struct _LsCaseSummary
{
  GObject parent_instance;

  char *uuid;
  char *regno;
  char *status;
  char *unit;
  char *kind;
  char *title;
  char *received_at;
  char *next_deadline;
  char *updated_at;
};

G_DEFINE_FINAL_TYPE (LsCaseSummary, ls_case_summary, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_REGNO,
  PROP_STATUS,
  PROP_UNIT,
  PROP_KIND,
  PROP_TITLE,
  PROP_RECEIVED_AT,
  PROP_NEXT_DEADLINE,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
field_for_prop (LsCaseSummary *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_UUID:
      return &self->uuid;
    case PROP_REGNO:
      return &self->regno;
    case PROP_STATUS:
      return &self->status;
    case PROP_UNIT:
      return &self->unit;
    case PROP_KIND:
      return &self->kind;
    case PROP_TITLE:
      return &self->title;
    case PROP_RECEIVED_AT:
      return &self->received_at;
    case PROP_NEXT_DEADLINE:
      return &self->next_deadline;
    case PROP_UPDATED_AT:
      return &self->updated_at;
    default:
      return NULL;
    }
}

static void
ls_case_summary_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  char **field = field_for_prop (LS_CASE_SUMMARY (object), prop_id);

  if (field == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *field);
}

static void
ls_case_summary_finalize (GObject *object)
{
  LsCaseSummary *self = LS_CASE_SUMMARY (object);

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    g_clear_pointer (field_for_prop (self, i), g_free);

  G_OBJECT_CLASS (ls_case_summary_parent_class)->finalize (object);
}

static void
ls_case_summary_class_init (LsCaseSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *names[N_PROPS] = {
    NULL,   "uuid",  "regno",       "status",        "unit",
    "kind", "title", "received-at", "next-deadline", "updated-at",
  };

  object_class->get_property = ls_case_summary_get_property;
  object_class->finalize = ls_case_summary_finalize;

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (
        names[i], NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ls_case_summary_init (LsCaseSummary *self)
{
}

/**
 * ls_case_summary_new:
 * @uuid: the case's identifier
 * @regno: (nullable): its registration number
 * @status: (nullable): the nick of its status
 * @unit: (nullable): the id of its unit
 * @kind: (nullable): the nick of its kind
 * @title: (nullable): what happened, in short
 * @received_at: (nullable): when the report came in
 * @next_deadline: (nullable): its next deadline
 * @updated_at: (nullable): when it was last saved
 *
 * Returns: (transfer full): a summary of a case, as a list shows it
 */
LsCaseSummary *
ls_case_summary_new (const char *uuid,
                     const char *regno,
                     const char *status,
                     const char *unit,
                     const char *kind,
                     const char *title,
                     const char *received_at,
                     const char *next_deadline,
                     const char *updated_at)
{
  LsCaseSummary *self = g_object_new (LS_TYPE_CASE_SUMMARY, NULL);

  self->uuid = g_strdup (uuid);
  self->regno = g_strdup (regno);
  self->status = g_strdup (status);
  self->unit = g_strdup (unit);
  self->kind = g_strdup (kind);
  self->title = g_strdup (title);
  self->received_at = g_strdup (received_at);
  self->next_deadline = g_strdup (next_deadline);
  self->updated_at = g_strdup (updated_at);
  return self;
}

#define GETTER(name)                                                           \
  const char *ls_case_summary_get_##name (LsCaseSummary *self)                 \
  {                                                                            \
    g_return_val_if_fail (LS_IS_CASE_SUMMARY (self), NULL);                    \
    return self->name;                                                         \
  }

GETTER (uuid)
GETTER (regno)
GETTER (status)
GETTER (unit)
GETTER (kind)
GETTER (title)
GETTER (received_at)
GETTER (next_deadline)
GETTER (updated_at)
