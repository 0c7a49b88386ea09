/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-record"

#include "config.h"

#include "ls-record-private.h"

/* The setters of the model's records (the register's people, occasions
 * and routines, and the parts of a case and of the organisation) share
 * one way of storing a value: an empty text is no text, so that a cleared
 * field and a field nobody filled in are the same, and an unchanged value
 * notifies nobody. */

/* Returns: whether @field changed */
gboolean
ls_record_replace_string (char **field, const char *value)
{
  g_assert (field != NULL);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Stores @value as ls_record_replace_string() does and notifies @pspec of
 * @self when it changed: the body of a model's text setter. */
void
ls_record_set_string (gpointer self,
                      char **field,
                      GParamSpec *pspec,
                      const char *value)
{
  if (ls_record_replace_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* Returns: whether @field changed */
gboolean
ls_record_replace_strv (char ***field, const char *const *value)
{
  g_assert (field != NULL);

  if (value != NULL && value[0] == NULL)
    value = NULL;
  if (*field == NULL && value == NULL)
    return FALSE;
  if (*field != NULL && value != NULL &&
      g_strv_equal ((const char *const *) *field, value))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

gboolean
ls_record_strv_contains (const char *const *strv, const char *value)
{
  return strv != NULL && value != NULL && g_strv_contains (strv, value);
}

/* The text properties of a record are listed once, in a table of
 * LsRecordText, and these serve its setters, get_property, set_property
 * and finalize alike. */

/* Returns: (nullable): the member that keeps @prop_id, if it is a text */
char **
ls_record_text_field (gpointer self,
                      const LsRecordText *texts,
                      guint n_texts,
                      guint prop_id)
{
  for (guint i = 0; i < n_texts; i++)
    if (texts[i].prop_id == prop_id)
      return G_STRUCT_MEMBER_P (self, texts[i].offset);
  return NULL;
}

/* Stores @value as ls_record_replace_string() does and notifies
 * @properties[@prop_id] when it changed.
 *
 * Returns: whether @prop_id is one of @texts */
gboolean
ls_record_set_text (gpointer self,
                    const LsRecordText *texts,
                    guint n_texts,
                    GParamSpec **properties,
                    guint prop_id,
                    const char *value)
{
  char **field = ls_record_text_field (self, texts, n_texts, prop_id);

  if (field == NULL)
    return FALSE;
  ls_record_set_string (self, field, properties[prop_id], value);
  return TRUE;
}

/* Returns: whether @prop_id is one of @texts, and @value was set */
gboolean
ls_record_get_text_value (gpointer self,
                          const LsRecordText *texts,
                          guint n_texts,
                          guint prop_id,
                          GValue *value)
{
  char **field = ls_record_text_field (self, texts, n_texts, prop_id);

  if (field == NULL)
    return FALSE;
  g_value_set_string (value, *field);
  return TRUE;
}

/* Returns: whether @prop_id is one of @texts, and was set from @value */
gboolean
ls_record_set_text_value (gpointer self,
                          const LsRecordText *texts,
                          guint n_texts,
                          GParamSpec **properties,
                          guint prop_id,
                          const GValue *value)
{
  if (ls_record_text_field (self, texts, n_texts, prop_id) == NULL)
    return FALSE;
  return ls_record_set_text (self, texts, n_texts, properties, prop_id,
                             g_value_get_string (value));
}

void
ls_record_free_texts (gpointer self, const LsRecordText *texts, guint n_texts)
{
  for (guint i = 0; i < n_texts; i++)
    g_clear_pointer ((char **) G_STRUCT_MEMBER_P (self, texts[i].offset),
                     g_free);
}

/* Where a record keeps a text (TEXT_OFFSETS), a child object or list
 * it owns and hands out as it is (OBJECT_OFFSETS), or a boolean or a
 * value of an enumeration (SCALAR_OFFSETS), on the property's
 * qdata, so that the walks of the model (ls-model.c) read and set the
 * member itself (the scalars are only read, by ls-model-write.c), as
 * get_property and set_property would, without a GValue and the copy or
 * reference it takes: every walk of a case reads each of them. */
enum
{
  TEXT_OFFSETS,
  OBJECT_OFFSETS,
  SCALAR_OFFSETS,
};

static GQuark
offset_quark (guint which)
{
  static const char *const names[] = {
    [TEXT_OFFSETS] = "ls-record-text-offset",
    [OBJECT_OFFSETS] = "ls-record-object-offset",
    [SCALAR_OFFSETS] = "ls-record-scalar-offset",
  };
  static GQuark quarks[G_N_ELEMENTS (names)];

  if (G_UNLIKELY (quarks[which] == 0))
    quarks[which] = g_quark_from_static_string (names[which]);
  return quarks[which];
}

static void
mark_offsets (GParamSpec **properties,
              const LsRecordText *members,
              guint n_members,
              guint which)
{
  for (guint i = 0; i < n_members; i++)
    g_param_spec_set_qdata (properties[members[i].prop_id],
                            offset_quark (which),
                            GSIZE_TO_POINTER (members[i].offset + 1));
}

/* Marks each of @texts on its property, after the class installed them. */
void
ls_record_mark_texts (GParamSpec **properties,
                      const LsRecordText *texts,
                      guint n_texts)
{
  mark_offsets (properties, texts, n_texts, TEXT_OFFSETS);
}

/* Returns: the G_STRUCT_OFFSET() of the text @pspec is kept in, plus one;
 * 0 when it is no text of a table of LsRecordText */
gsize
ls_record_text_offset (GParamSpec *pspec)
{
  return GPOINTER_TO_SIZE (
      g_param_spec_get_qdata (pspec, offset_quark (TEXT_OFFSETS)));
}

/* Marks each of @objects, children or lists that get_property hands out
 * as the member holds them. */
void
ls_record_mark_objects (GParamSpec **properties,
                        const LsRecordText *objects,
                        guint n_objects)
{
  mark_offsets (properties, objects, n_objects, OBJECT_OFFSETS);
}

/* Returns: the G_STRUCT_OFFSET() of the member @pspec is kept in, plus
 * one; 0 when ls_record_mark_objects() did not mark it */
gsize
ls_record_object_offset (GParamSpec *pspec)
{
  return GPOINTER_TO_SIZE (
      g_param_spec_get_qdata (pspec, offset_quark (OBJECT_OFFSETS)));
}

/* Marks each of @scalars, a boolean (a #gboolean member) or a value of
 * an enumeration (a member of the enumeration's type) that get_property
 * hands out as the member holds it. */
void
ls_record_mark_scalars (GParamSpec **properties,
                        const LsRecordText *scalars,
                        guint n_scalars)
{
  for (guint i = 0; i < n_scalars; i++)
    g_assert (G_IS_PARAM_SPEC_BOOLEAN (properties[scalars[i].prop_id]) ||
              G_IS_PARAM_SPEC_ENUM (properties[scalars[i].prop_id]));
  mark_offsets (properties, scalars, n_scalars, SCALAR_OFFSETS);
}

/* Returns: the G_STRUCT_OFFSET() of the member @pspec is kept in, plus
 * one; 0 when ls_record_mark_scalars() did not mark it */
gsize
ls_record_scalar_offset (GParamSpec *pspec)
{
  return GPOINTER_TO_SIZE (
      g_param_spec_get_qdata (pspec, offset_quark (SCALAR_OFFSETS)));
}

/* Stores @value, as TRUE or FALSE, and notifies @pspec when it changed. */
void
ls_record_set_boolean (gpointer self,
                       gboolean *field,
                       GParamSpec *pspec,
                       gboolean value)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}
