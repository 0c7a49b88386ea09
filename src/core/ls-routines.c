/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-routines"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-model.h"
#include "ls-record-private.h"
#include "ls-routines.h"

/*
 * The organisation's routines for lex Sarah (7 kap. 1 § SOSFS 2011:5) as
 * data: one version per decision, with who decided it and when, and for
 * each responsibility the general advice names who holds it and who
 * takes over when the holder is concerned by the report (jäv).
 *
 * An assignment without a unit is the organisation's; one with a unit
 * overrides it there.  A decided version is never changed: a new
 * decision is a new version, so that it stays known which routines were
 * in force when a case was handled.
 */

struct _LsAssignment
{
  GObject parent_instance;

  LsResponsibility responsibility;
  char *unit_id;
  char *holder;
  char *substitute;
  char *how;
};

G_DEFINE_FINAL_TYPE (LsAssignment, ls_assignment, G_TYPE_OBJECT)

enum
{
  ASSIGNMENT_PROP_0,
  ASSIGNMENT_PROP_RESPONSIBILITY,
  ASSIGNMENT_PROP_UNIT_ID,
  ASSIGNMENT_PROP_HOLDER,
  ASSIGNMENT_PROP_SUBSTITUTE,
  ASSIGNMENT_PROP_HOW,
  ASSIGNMENT_N_PROPS
};

static GParamSpec *assignment_props[ASSIGNMENT_N_PROPS];

static const LsRecordText assignment_texts[] = {
  { ASSIGNMENT_PROP_UNIT_ID, G_STRUCT_OFFSET (LsAssignment, unit_id) },
  { ASSIGNMENT_PROP_HOLDER, G_STRUCT_OFFSET (LsAssignment, holder) },
  { ASSIGNMENT_PROP_SUBSTITUTE, G_STRUCT_OFFSET (LsAssignment, substitute) },
  { ASSIGNMENT_PROP_HOW, G_STRUCT_OFFSET (LsAssignment, how) },
};

static void
assignment_set_string (LsAssignment *self, guint prop_id, const char *value)
{
  ls_record_set_text (self, assignment_texts, G_N_ELEMENTS (assignment_texts),
                      assignment_props, prop_id, value);
}

static void
ls_assignment_finalize (GObject *object)
{
  ls_record_free_texts (object, assignment_texts,
                        G_N_ELEMENTS (assignment_texts));

  G_OBJECT_CLASS (ls_assignment_parent_class)->finalize (object);
}

static void
ls_assignment_get_property (GObject *object,
                            guint prop_id,
                            GValue *value,
                            GParamSpec *pspec)
{
  LsAssignment *self = LS_ASSIGNMENT (object);

  if (prop_id == ASSIGNMENT_PROP_RESPONSIBILITY)
    g_value_set_enum (value, self->responsibility);
  else if (!ls_record_get_text_value (self, assignment_texts,
                                      G_N_ELEMENTS (assignment_texts), prop_id,
                                      value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ls_assignment_set_property (GObject *object,
                            guint prop_id,
                            const GValue *value,
                            GParamSpec *pspec)
{
  LsAssignment *self = LS_ASSIGNMENT (object);

  if (prop_id == ASSIGNMENT_PROP_RESPONSIBILITY)
    ls_assignment_set_responsibility (self, g_value_get_enum (value));
  else if (!ls_record_set_text_value (self, assignment_texts,
                                      G_N_ELEMENTS (assignment_texts),
                                      assignment_props, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ls_assignment_class_init (LsAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags =
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ls_assignment_finalize;
  object_class->get_property = ls_assignment_get_property;
  object_class->set_property = ls_assignment_set_property;

  assignment_props[ASSIGNMENT_PROP_RESPONSIBILITY] = g_param_spec_enum (
      "responsibility", "Responsibility", "Which responsibility it is",
      LS_TYPE_RESPONSIBILITY, LS_RESPONSIBILITY_INFORM_REPORTERS, flags);
  assignment_props[ASSIGNMENT_PROP_UNIT_ID] = g_param_spec_string (
      "unit-id", "Unit", "The unit it applies to, or none for all", NULL,
      flags);
  assignment_props[ASSIGNMENT_PROP_HOLDER] = g_param_spec_string (
      "holder", "Holder", "The person or function who holds it", NULL, flags);
  assignment_props[ASSIGNMENT_PROP_SUBSTITUTE] = g_param_spec_string (
      "substitute", "Substitute",
      "Who takes over when the holder is concerned by the report", NULL, flags);
  assignment_props[ASSIGNMENT_PROP_HOW] = g_param_spec_string (
      "how", "How", "How it is done, in the routines' words", NULL, flags);

  g_object_class_install_properties (object_class, ASSIGNMENT_N_PROPS,
                                     assignment_props);
  ls_record_mark_texts (assignment_props, assignment_texts,
                        G_N_ELEMENTS (assignment_texts));

  ls_field_set_kind (assignment_props[ASSIGNMENT_PROP_UNIT_ID], LS_FIELD_UUID);
}

static void
ls_assignment_init (LsAssignment *self)
{
}

/**
 * ls_assignment_new:
 * @unit_id: (nullable): the unit it overrides the organisation's for
 *
 * Returns: (transfer full): a new, empty assignment
 */
LsAssignment *
ls_assignment_new (LsResponsibility responsibility, const char *unit_id)
{
  return g_object_new (LS_TYPE_ASSIGNMENT, "responsibility", responsibility,
                       "unit-id", unit_id, NULL);
}

LsResponsibility
ls_assignment_get_responsibility (LsAssignment *self)
{
  g_return_val_if_fail (LS_IS_ASSIGNMENT (self), 0);

  return self->responsibility;
}

void
ls_assignment_set_responsibility (LsAssignment *self,
                                  LsResponsibility responsibility)
{
  g_return_if_fail (LS_IS_ASSIGNMENT (self));

  if (self->responsibility == responsibility)
    return;
  self->responsibility = responsibility;
  g_object_notify_by_pspec (G_OBJECT (self),
                            assignment_props[ASSIGNMENT_PROP_RESPONSIBILITY]);
}

const char *
ls_assignment_get_unit_id (LsAssignment *self)
{
  g_return_val_if_fail (LS_IS_ASSIGNMENT (self), NULL);

  return self->unit_id;
}

void
ls_assignment_set_unit_id (LsAssignment *self, const char *unit_id)
{
  g_return_if_fail (LS_IS_ASSIGNMENT (self));

  assignment_set_string (self, ASSIGNMENT_PROP_UNIT_ID, unit_id);
}

const char *
ls_assignment_get_holder (LsAssignment *self)
{
  g_return_val_if_fail (LS_IS_ASSIGNMENT (self), NULL);

  return self->holder;
}

void
ls_assignment_set_holder (LsAssignment *self, const char *holder)
{
  g_return_if_fail (LS_IS_ASSIGNMENT (self));

  assignment_set_string (self, ASSIGNMENT_PROP_HOLDER, holder);
}

const char *
ls_assignment_get_substitute (LsAssignment *self)
{
  g_return_val_if_fail (LS_IS_ASSIGNMENT (self), NULL);

  return self->substitute;
}

void
ls_assignment_set_substitute (LsAssignment *self, const char *substitute)
{
  g_return_if_fail (LS_IS_ASSIGNMENT (self));

  assignment_set_string (self, ASSIGNMENT_PROP_SUBSTITUTE, substitute);
}

const char *
ls_assignment_get_how (LsAssignment *self)
{
  g_return_val_if_fail (LS_IS_ASSIGNMENT (self), NULL);

  return self->how;
}

void
ls_assignment_set_how (LsAssignment *self, const char *how)
{
  g_return_if_fail (LS_IS_ASSIGNMENT (self));

  assignment_set_string (self, ASSIGNMENT_PROP_HOW, how);
}

struct _LsRoutines
{
  GObject parent_instance;

  char *id;
  char *decided_on;
  char *decided_by;
  GListStore *assignments;
};

G_DEFINE_FINAL_TYPE (LsRoutines, ls_routines, G_TYPE_OBJECT)

enum
{
  ROUTINES_PROP_0,
  ROUTINES_PROP_ID,
  ROUTINES_PROP_DECIDED_ON,
  ROUTINES_PROP_DECIDED_BY,
  ROUTINES_PROP_ASSIGNMENTS,
  ROUTINES_N_PROPS
};

static GParamSpec *routines_props[ROUTINES_N_PROPS];

static const LsRecordText routines_texts[] = {
  { ROUTINES_PROP_ID, G_STRUCT_OFFSET (LsRoutines, id) },
  { ROUTINES_PROP_DECIDED_ON, G_STRUCT_OFFSET (LsRoutines, decided_on) },
  { ROUTINES_PROP_DECIDED_BY, G_STRUCT_OFFSET (LsRoutines, decided_by) },
};

static void
routines_set_string (LsRoutines *self, guint prop_id, const char *value)
{
  ls_record_set_text (self, routines_texts, G_N_ELEMENTS (routines_texts),
                      routines_props, prop_id, value);
}

static void
ls_routines_finalize (GObject *object)
{
  LsRoutines *self = LS_ROUTINES (object);

  ls_record_free_texts (self, routines_texts, G_N_ELEMENTS (routines_texts));
  g_clear_object (&self->assignments);

  G_OBJECT_CLASS (ls_routines_parent_class)->finalize (object);
}

static void
ls_routines_get_property (GObject *object,
                          guint prop_id,
                          GValue *value,
                          GParamSpec *pspec)
{
  LsRoutines *self = LS_ROUTINES (object);

  if (prop_id == ROUTINES_PROP_ASSIGNMENTS)
    g_value_set_object (value, self->assignments);
  else if (!ls_record_get_text_value (self, routines_texts,
                                      G_N_ELEMENTS (routines_texts), prop_id,
                                      value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ls_routines_set_property (GObject *object,
                          guint prop_id,
                          const GValue *value,
                          GParamSpec *pspec)
{
  if (!ls_record_set_text_value (object, routines_texts,
                                 G_N_ELEMENTS (routines_texts), routines_props,
                                 prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ls_routines_class_init (LsRoutinesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags =
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ls_routines_finalize;
  object_class->get_property = ls_routines_get_property;
  object_class->set_property = ls_routines_set_property;

  routines_props[ROUTINES_PROP_ID] =
      g_param_spec_string ("id", "Id", "The version's identifier", NULL, flags);
  routines_props[ROUTINES_PROP_DECIDED_ON] =
      g_param_spec_string ("decided-on", "Decided on",
                           "The day the routines were decided", NULL, flags);
  routines_props[ROUTINES_PROP_DECIDED_BY] = g_param_spec_string (
      "decided-by", "Decided by",
      "Who decided them: the board, the provider, a manager", NULL, flags);
  routines_props[ROUTINES_PROP_ASSIGNMENTS] = g_param_spec_object (
      "assignments", "Assignments",
      "Who holds each responsibility, a list of LsAssignment",
      G_TYPE_LIST_STORE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ROUTINES_N_PROPS,
                                     routines_props);
  ls_record_mark_texts (routines_props, routines_texts,
                        G_N_ELEMENTS (routines_texts));

  ls_field_set_kind (routines_props[ROUTINES_PROP_ID], LS_FIELD_UUID);
  ls_field_set_kind (routines_props[ROUTINES_PROP_DECIDED_ON], LS_FIELD_DATE);
}

static void
ls_routines_init (LsRoutines *self)
{
  self->assignments = g_list_store_new (LS_TYPE_ASSIGNMENT);
}

/**
 * ls_routines_new:
 *
 * Returns: (transfer full): a new, undecided version with a new identifier
 */
LsRoutines *
ls_routines_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (LS_TYPE_ROUTINES, "id", id, NULL);
}

const char *
ls_routines_get_id (LsRoutines *self)
{
  g_return_val_if_fail (LS_IS_ROUTINES (self), NULL);

  return self->id;
}

void
ls_routines_set_id (LsRoutines *self, const char *id)
{
  g_return_if_fail (LS_IS_ROUTINES (self));

  routines_set_string (self, ROUTINES_PROP_ID, id);
}

const char *
ls_routines_get_decided_on (LsRoutines *self)
{
  g_return_val_if_fail (LS_IS_ROUTINES (self), NULL);

  return self->decided_on;
}

void
ls_routines_set_decided_on (LsRoutines *self, const char *decided_on)
{
  g_return_if_fail (LS_IS_ROUTINES (self));

  routines_set_string (self, ROUTINES_PROP_DECIDED_ON, decided_on);
}

const char *
ls_routines_get_decided_by (LsRoutines *self)
{
  g_return_val_if_fail (LS_IS_ROUTINES (self), NULL);

  return self->decided_by;
}

void
ls_routines_set_decided_by (LsRoutines *self, const char *decided_by)
{
  g_return_if_fail (LS_IS_ROUTINES (self));

  routines_set_string (self, ROUTINES_PROP_DECIDED_BY, decided_by);
}

/**
 * ls_routines_get_assignments:
 *
 * Returns: (transfer none): the assignments, a list of #LsAssignment
 */
GListStore *
ls_routines_get_assignments (LsRoutines *self)
{
  g_return_val_if_fail (LS_IS_ROUTINES (self), NULL);

  return self->assignments;
}

static LsAssignment *
find_exact (LsRoutines *self,
            LsResponsibility responsibility,
            const char *unit_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->assignments));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LsAssignment) assignment =
          g_list_model_get_item (G_LIST_MODEL (self->assignments), i);

      if (assignment->responsibility == responsibility &&
          g_strcmp0 (assignment->unit_id, unit_id) == 0)
        return assignment;
    }
  return NULL;
}

/**
 * ls_routines_find:
 * @unit_id: (nullable): the unit of the case, or %NULL for the
 *   organisation's
 *
 * Finds who holds @responsibility in @unit_id: the unit's own assignment
 * when it names a holder, else the organisation's.
 *
 * Returns: (nullable) (transfer none): the assignment in force
 */
LsAssignment *
ls_routines_find (LsRoutines *self,
                  LsResponsibility responsibility,
                  const char *unit_id)
{
  LsAssignment *assignment;

  g_return_val_if_fail (LS_IS_ROUTINES (self), NULL);

  if (unit_id != NULL)
    {
      assignment = find_exact (self, responsibility, unit_id);
      if (assignment != NULL && assignment->holder != NULL)
        return assignment;
    }
  return find_exact (self, responsibility, NULL);
}

/**
 * ls_routines_ensure:
 * @unit_id: (nullable): the unit, or %NULL for the organisation
 *
 * Returns: (transfer none): the assignment of exactly @unit_id, added
 *   empty when there was none
 */
LsAssignment *
ls_routines_ensure (LsRoutines *self,
                    LsResponsibility responsibility,
                    const char *unit_id)
{
  LsAssignment *assignment;
  g_autoptr (LsAssignment) added = NULL;

  g_return_val_if_fail (LS_IS_ROUTINES (self), NULL);

  assignment = find_exact (self, responsibility, unit_id);
  if (assignment != NULL)
    return assignment;
  added = ls_assignment_new (responsibility, unit_id);
  g_list_store_append (self->assignments, added);
  return added;
}

/**
 * ls_routines_new_version:
 *
 * Starts the next decision from this one: the same assignments, a new
 * identifier, and no decision yet.
 *
 * Returns: (transfer full): the new version
 */
LsRoutines *
ls_routines_new_version (LsRoutines *self)
{
  g_autofree char *id = g_uuid_string_random ();
  LsRoutines *next;

  g_return_val_if_fail (LS_IS_ROUTINES (self), NULL);

  next = ls_routines_new ();
  ls_model_copy (G_OBJECT (next), G_OBJECT (self));
  ls_routines_set_id (next, id);
  ls_routines_set_decided_on (next, NULL);
  ls_routines_set_decided_by (next, NULL);
  return next;
}
