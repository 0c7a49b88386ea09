/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-journal-item"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-journal-item.h"
#include "ls-record-private.h"

/*
 * A documented item of the investigation (5:4): when it was
 * documented, where it comes from, fact or assessment, who documented it and
 * which points of 5:2 it documents.  Once stored it is never changed; a
 * correction is a new item that names the one it corrects.
 */
struct _LsJournalItem
{
  GObject parent_instance;

  char *uuid;
  char *documented_on;
  char *source;
  LsJournalKind kind;
  char *author_name;
  char *author_title;
  char *text;
  LsPoints points;
  char *corrects;
};

G_DEFINE_FINAL_TYPE (LsJournalItem, ls_journal_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_DOCUMENTED_ON,
  PROP_SOURCE,
  PROP_KIND,
  PROP_AUTHOR_NAME,
  PROP_AUTHOR_TITLE,
  PROP_TEXT,
  PROP_POINTS,
  PROP_CORRECTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ls_journal_item_finalize (GObject *object)
{
  LsJournalItem *self = LS_JOURNAL_ITEM (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->documented_on, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->author_name, g_free);
  g_clear_pointer (&self->author_title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->corrects, g_free);

  G_OBJECT_CLASS (ls_journal_item_parent_class)->finalize (object);
}

static void
ls_journal_item_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  LsJournalItem *self = LS_JOURNAL_ITEM (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_DOCUMENTED_ON:
      g_value_set_string (value, self->documented_on);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;
    case PROP_AUTHOR_TITLE:
      g_value_set_string (value, self->author_title);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_POINTS:
      g_value_set_flags (value, self->points);
      break;
    case PROP_CORRECTS:
      g_value_set_string (value, self->corrects);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_journal_item_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  LsJournalItem *self = LS_JOURNAL_ITEM (object);

  switch (prop_id)
    {
    case PROP_UUID:
      ls_journal_item_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_DOCUMENTED_ON:
      ls_journal_item_set_documented_on (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      ls_journal_item_set_source (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      ls_journal_item_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_AUTHOR_NAME:
      ls_journal_item_set_author_name (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR_TITLE:
      ls_journal_item_set_author_title (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      ls_journal_item_set_text (self, g_value_get_string (value));
      break;
    case PROP_POINTS:
      ls_journal_item_set_points (self, g_value_get_flags (value));
      break;
    case PROP_CORRECTS:
      ls_journal_item_set_corrects (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The booleans and enumerations the walks of the model read where they
 * are. */
static const LsRecordText scalars[] = {
  { PROP_KIND, G_STRUCT_OFFSET (LsJournalItem, kind) },
};

static void
ls_journal_item_class_init (LsJournalItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_journal_item_finalize;
  object_class->get_property = ls_journal_item_get_property;
  object_class->set_property = ls_journal_item_set_property;

  properties[PROP_UUID] = g_param_spec_string (
      "uuid", "UUID", "The item's stable identifier", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENTED_ON] = g_param_spec_string (
      "documented-on", "Documented on", "When the item was documented", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] = g_param_spec_string (
      "source", "Source", "Where the information comes from", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_enum (
      "kind", "Kind", "Fact or assessment", LS_TYPE_JOURNAL_KIND,
      LS_JOURNAL_KIND_UNSET,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR_NAME] = g_param_spec_string (
      "author-name", "Author", "Who documented it", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR_TITLE] = g_param_spec_string (
      "author-title", "Author's title", "The author's title", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] = g_param_spec_string (
      "text", "Text", "What was documented", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POINTS] = g_param_spec_flags (
      "points", "Points", "The points of 5:2 it documents", LS_TYPE_POINTS, 0,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CORRECTS] = g_param_spec_string (
      "corrects", "Corrects", "The item this one corrects", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_scalars (properties, scalars, G_N_ELEMENTS (scalars));

  ls_field_set_kind (properties[PROP_UUID], LS_FIELD_UUID);
  ls_field_set_kind (properties[PROP_DOCUMENTED_ON], LS_FIELD_DATE);
  ls_field_set_kind (properties[PROP_CORRECTS], LS_FIELD_UUID);
}

static void
ls_journal_item_init (LsJournalItem *self)
{
}

/**
 * ls_journal_item_new:
 *
 * Returns: (transfer full): a new journal item with a new identifier
 */
LsJournalItem *
ls_journal_item_new (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_object_new (LS_TYPE_JOURNAL_ITEM, "uuid", uuid, NULL);
}

const char *
ls_journal_item_get_uuid (LsJournalItem *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_ITEM (self), NULL);

  return self->uuid;
}

void
ls_journal_item_set_uuid (LsJournalItem *self, const char *uuid)
{
  g_return_if_fail (LS_IS_JOURNAL_ITEM (self));

  if (uuid != NULL && *uuid == '\0')
    uuid = NULL;
  if (g_strcmp0 (self->uuid, uuid) == 0)
    return;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
ls_journal_item_get_documented_on (LsJournalItem *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_ITEM (self), NULL);

  return self->documented_on;
}

void
ls_journal_item_set_documented_on (LsJournalItem *self,
                                   const char *documented_on)
{
  g_return_if_fail (LS_IS_JOURNAL_ITEM (self));

  if (documented_on != NULL && *documented_on == '\0')
    documented_on = NULL;
  if (g_strcmp0 (self->documented_on, documented_on) == 0)
    return;
  g_free (self->documented_on);
  self->documented_on = g_strdup (documented_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENTED_ON]);
}

const char *
ls_journal_item_get_source (LsJournalItem *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_ITEM (self), NULL);

  return self->source;
}

void
ls_journal_item_set_source (LsJournalItem *self, const char *source)
{
  g_return_if_fail (LS_IS_JOURNAL_ITEM (self));

  if (source != NULL && *source == '\0')
    source = NULL;
  if (g_strcmp0 (self->source, source) == 0)
    return;
  g_free (self->source);
  self->source = g_strdup (source);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

LsJournalKind
ls_journal_item_get_kind (LsJournalItem *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_ITEM (self), 0);

  return self->kind;
}

void
ls_journal_item_set_kind (LsJournalItem *self, LsJournalKind kind)
{
  g_return_if_fail (LS_IS_JOURNAL_ITEM (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
ls_journal_item_get_author_name (LsJournalItem *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_ITEM (self), NULL);

  return self->author_name;
}

void
ls_journal_item_set_author_name (LsJournalItem *self, const char *author_name)
{
  g_return_if_fail (LS_IS_JOURNAL_ITEM (self));

  if (author_name != NULL && *author_name == '\0')
    author_name = NULL;
  if (g_strcmp0 (self->author_name, author_name) == 0)
    return;
  g_free (self->author_name);
  self->author_name = g_strdup (author_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_NAME]);
}

const char *
ls_journal_item_get_author_title (LsJournalItem *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_ITEM (self), NULL);

  return self->author_title;
}

void
ls_journal_item_set_author_title (LsJournalItem *self, const char *author_title)
{
  g_return_if_fail (LS_IS_JOURNAL_ITEM (self));

  if (author_title != NULL && *author_title == '\0')
    author_title = NULL;
  if (g_strcmp0 (self->author_title, author_title) == 0)
    return;
  g_free (self->author_title);
  self->author_title = g_strdup (author_title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_TITLE]);
}

const char *
ls_journal_item_get_text (LsJournalItem *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_ITEM (self), NULL);

  return self->text;
}

void
ls_journal_item_set_text (LsJournalItem *self, const char *text)
{
  g_return_if_fail (LS_IS_JOURNAL_ITEM (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

LsPoints
ls_journal_item_get_points (LsJournalItem *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_ITEM (self), 0);

  return self->points;
}

void
ls_journal_item_set_points (LsJournalItem *self, LsPoints points)
{
  g_return_if_fail (LS_IS_JOURNAL_ITEM (self));

  if (self->points == points)
    return;
  self->points = points;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINTS]);
}

const char *
ls_journal_item_get_corrects (LsJournalItem *self)
{
  g_return_val_if_fail (LS_IS_JOURNAL_ITEM (self), NULL);

  return self->corrects;
}

void
ls_journal_item_set_corrects (LsJournalItem *self, const char *corrects)
{
  g_return_if_fail (LS_IS_JOURNAL_ITEM (self));

  if (corrects != NULL && *corrects == '\0')
    corrects = NULL;
  if (g_strcmp0 (self->corrects, corrects) == 0)
    return;
  g_free (self->corrects);
  self->corrects = g_strdup (corrects);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORRECTS]);
}
