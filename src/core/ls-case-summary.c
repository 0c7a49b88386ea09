/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-summary"

#include "config.h"

#include <string.h>

#include "ls-case-summary.h"

/* The texts of a summary, in the order of its properties. */
enum
{
  FIELD_UUID,
  FIELD_REGNO,
  FIELD_STATUS,
  FIELD_UNIT,
  FIELD_KIND,
  FIELD_TITLE,
  FIELD_RECEIVED_AT,
  FIELD_NEXT_DEADLINE,
  FIELD_UPDATED_AT,
  N_FIELDS
};

/* The columns a case list shows, read from the store without loading the
 * whole case, so that a list of 100,000 cases stays light.  Immutable: the
 * store makes new ones when a case changes, a page of them at a time, so
 * they are made without the property machinery (see ls_case_summary_new). */
struct _LsCaseSummary
{
  GObject parent_instance;

  /* Every text in one block, in the order of the properties: a list holds
   * up to a thousand summaries of a search, and each is one allocation
   * besides its object instead of nine. */
  const char *fields[N_FIELDS];
  char *block;
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

static void
ls_case_summary_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  LsCaseSummary *self = LS_CASE_SUMMARY (object);

  if (prop_id <= PROP_0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, self->fields[prop_id - PROP_UUID]);
}

static void
ls_case_summary_finalize (GObject *object)
{
  LsCaseSummary *self = LS_CASE_SUMMARY (object);

  g_free (self->block);

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
  const char *given[N_FIELDS] = { uuid,        regno,         status,
                                  unit,        kind,          title,
                                  received_at, next_deadline, updated_at };
  LsCaseSummary *self = g_object_new (LS_TYPE_CASE_SUMMARY, NULL);
  gsize lengths[N_FIELDS];
  gsize size = 0;
  char *next;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      lengths[i] = given[i] != NULL ? strlen (given[i]) + 1 : 0;
      size += lengths[i];
    }
  next = self->block = g_malloc (MAX (size, 1));
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (given[i] == NULL)
        continue;
      memcpy (next, given[i], lengths[i]);
      self->fields[i] = next;
      next += lengths[i];
    }
  return self;
}

/**
 * ls_case_summary_equal:
 * @a: a summary
 * @b: another
 *
 * Whether @a and @b show the same case with the same texts, so that a
 * list's row made for one shows the other as well.
 *
 * Returns: whether they are equal
 */
gboolean
ls_case_summary_equal (LsCaseSummary *a, LsCaseSummary *b)
{
  g_return_val_if_fail (LS_IS_CASE_SUMMARY (a), FALSE);
  g_return_val_if_fail (LS_IS_CASE_SUMMARY (b), FALSE);

  if (a == b)
    return TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (a->fields[i], b->fields[i]) != 0)
      return FALSE;
  return TRUE;
}

#define GETTER(name, field)                                                    \
  const char *ls_case_summary_get_##name (LsCaseSummary *self)                 \
  {                                                                            \
    g_return_val_if_fail (LS_IS_CASE_SUMMARY (self), NULL);                    \
    return self->fields[field];                                                \
  }

GETTER (uuid, FIELD_UUID)
GETTER (regno, FIELD_REGNO)
GETTER (status, FIELD_STATUS)
GETTER (unit, FIELD_UNIT)
GETTER (kind, FIELD_KIND)
GETTER (title, FIELD_TITLE)
GETTER (received_at, FIELD_RECEIVED_AT)
GETTER (next_deadline, FIELD_NEXT_DEADLINE)
GETTER (updated_at, FIELD_UPDATED_AT)
