/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-substitution"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-record-private.h"
#include "ls-substitution.h"

/*
 * That someone took over a responsibility in a case because its holder
 * was concerned by the report (jäv, general advice to 7 kap.): who held
 * it, who took over and why.  Part of the case, so that it is saved, kept
 * in the history with who recorded it, and exported.
 */
struct _LsSubstitution
{
  GObject parent_instance;

  LsResponsibility responsibility;
  char *holder;
  char *substitute;
  char *reason;
};

G_DEFINE_FINAL_TYPE (LsSubstitution, ls_substitution, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_RESPONSIBILITY,
  PROP_HOLDER,
  PROP_SUBSTITUTE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_HOLDER, G_STRUCT_OFFSET (LsSubstitution, holder) },
  { PROP_SUBSTITUTE, G_STRUCT_OFFSET (LsSubstitution, substitute) },
  { PROP_REASON, G_STRUCT_OFFSET (LsSubstitution, reason) },
};

static void
ls_substitution_finalize (GObject *object)
{
  ls_record_free_texts (object, texts, G_N_ELEMENTS (texts));

  G_OBJECT_CLASS (ls_substitution_parent_class)->finalize (object);
}

static void
ls_substitution_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  LsSubstitution *self = LS_SUBSTITUTION (object);

  if (prop_id == PROP_RESPONSIBILITY)
    g_value_set_enum (value, self->responsibility);
  else if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts),
                                      prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ls_substitution_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  LsSubstitution *self = LS_SUBSTITUTION (object);

  if (prop_id == PROP_RESPONSIBILITY)
    {
      if (self->responsibility == (LsResponsibility) g_value_get_enum (value))
        return;
      self->responsibility = g_value_get_enum (value);
      g_object_notify_by_pspec (object, pspec);
    }
  else if (!ls_record_set_text_value (self, texts, G_N_ELEMENTS (texts),
                                      properties, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/* The booleans and enumerations the walks of the model read where they
 * are. */
static const LsRecordText scalars[] = {
  { PROP_RESPONSIBILITY, G_STRUCT_OFFSET (LsSubstitution, responsibility) },
};

static void
ls_substitution_class_init (LsSubstitutionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags =
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ls_substitution_finalize;
  object_class->get_property = ls_substitution_get_property;
  object_class->set_property = ls_substitution_set_property;

  properties[PROP_RESPONSIBILITY] = g_param_spec_enum (
      "responsibility", "Responsibility", "The responsibility taken over",
      LS_TYPE_RESPONSIBILITY, LS_RESPONSIBILITY_INFORM_REPORTERS, flags);
  properties[PROP_HOLDER] = g_param_spec_string (
      "holder", "Holder", "Who holds it by the routines", NULL, flags);
  properties[PROP_SUBSTITUTE] = g_param_spec_string (
      "substitute", "Substitute", "Who took over", NULL, flags);
  properties[PROP_REASON] = g_param_spec_string (
      "reason", "Reason", "Why the holder could not act", NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_scalars (properties, scalars, G_N_ELEMENTS (scalars));
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));
}

static void
ls_substitution_init (LsSubstitution *self)
{
}

/**
 * ls_substitution_new:
 *
 * Returns: (transfer full): a record that @substitute took over
 *   @responsibility from @holder
 */
LsSubstitution *
ls_substitution_new (LsResponsibility responsibility,
                     const char *holder,
                     const char *substitute,
                     const char *reason)
{
  return g_object_new (LS_TYPE_SUBSTITUTION, "responsibility", responsibility,
                       "holder", holder, "substitute", substitute, "reason",
                       reason, NULL);
}

LsResponsibility
ls_substitution_get_responsibility (LsSubstitution *self)
{
  g_return_val_if_fail (LS_IS_SUBSTITUTION (self), 0);

  return self->responsibility;
}

const char *
ls_substitution_get_holder (LsSubstitution *self)
{
  g_return_val_if_fail (LS_IS_SUBSTITUTION (self), NULL);

  return self->holder;
}

const char *
ls_substitution_get_substitute (LsSubstitution *self)
{
  g_return_val_if_fail (LS_IS_SUBSTITUTION (self), NULL);

  return self->substitute;
}

const char *
ls_substitution_get_reason (LsSubstitution *self)
{
  g_return_val_if_fail (LS_IS_SUBSTITUTION (self), NULL);

  return self->reason;
}
