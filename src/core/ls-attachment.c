/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-attachment"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-attachment.h"
#include "ls-dates.h"
#include "ls-error.h"
#include "ls-model-private.h"

/*
 * A file attached to a case: a statement, a photo, the routines in force,
 * a signed copy of the form.  Its bytes live in the database, so that a
 * backup or a move carries them; it is never changed in place: a new
 * version is a new attachment that names the one it replaces, and the old
 * one stays.  This object is its description, immutable once made; the
 * store reads its bytes on demand.
 */
struct _LsAttachment
{
  GObject parent_instance;

  char *uuid;
  char *name;
  char *content_type;
  char *kind;
  gint64 size;
  char *sha256;
  char *replaces;
  char *added_by;
  char *added_at;
};

G_DEFINE_FINAL_TYPE (LsAttachment, ls_attachment, G_TYPE_OBJECT)

/* What an attachment is, as the exchange format names it. */
static const char *const kinds[] = {
  "statement", "photo", "routines", "signed-form", "other",
};

static void
ls_attachment_finalize (GObject *object)
{
  LsAttachment *self = LS_ATTACHMENT (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->content_type);
  g_free (self->kind);
  g_free (self->sha256);
  g_free (self->replaces);
  g_free (self->added_by);
  g_free (self->added_at);

  G_OBJECT_CLASS (ls_attachment_parent_class)->finalize (object);
}

static void
ls_attachment_class_init (LsAttachmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ls_attachment_finalize;
}

static void
ls_attachment_init (LsAttachment *self)
{
}

gboolean
ls_attachment_kind_is_valid (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i]))
      return TRUE;
  return FALSE;
}

LsAttachment *
ls_attachment_new_stored (const char *uuid,
                          const char *name,
                          const char *content_type,
                          const char *kind,
                          gint64 size,
                          const char *sha256,
                          const char *replaces,
                          const char *added_by,
                          const char *added_at)
{
  LsAttachment *self = g_object_new (LS_TYPE_ATTACHMENT, NULL);

  self->uuid = g_strdup (uuid);
  self->name = g_strdup (name);
  self->content_type = g_strdup (content_type);
  self->kind = g_strdup (kind);
  self->size = size;
  self->sha256 = g_strdup (sha256);
  self->replaces = g_strdup (replaces);
  self->added_by = g_strdup (added_by);
  self->added_at = g_strdup (added_at);
  return self;
}

static gboolean
check_size (gsize size, GError **error)
{
  if (size <= LS_ATTACHMENT_MAX_SIZE)
    return TRUE;
  /* Translators: the first %s is the file's size, such as "25.3 MiB", the
   * second the limit, such as "20.0 MiB". */
  {
    g_autofree char *have = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
    g_autofree char *limit =
        g_format_size_full (LS_ATTACHMENT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

    g_set_error (error, LS_ERROR, LS_ERROR_INVALID_VALUE,
                 _ ("The file is %s; a case can hold files of at most %s. "
                    "Attach a smaller copy, such as a PDF of lower "
                    "resolution."),
                 have, limit);
  }
  return FALSE;
}

/**
 * ls_attachment_new:
 * @name: the file's name, without a folder
 * @content_type: its MIME type, such as "application/pdf"
 * @kind: what it is: "statement", "photo", "routines", "signed-form" or
 *   "other"
 * @replaces: (nullable): the uuid of the attachment this is a new version of
 * @added_at: (nullable): when, %NULL for now
 *
 * Returns: (transfer full) (nullable): a new attachment with its size and
 *   SHA-256, or %NULL with @error set when the file is too large or a
 *   value is not valid
 */
LsAttachment *
ls_attachment_new (const char *name,
                   const char *content_type,
                   const char *kind,
                   GBytes *data,
                   const char *replaces,
                   const char *added_by,
                   const char *added_at,
                   GError **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (!check_size (g_bytes_get_size (data), error))
    return NULL;
  base = name != NULL ? g_path_get_basename (name) : NULL;
  if (base == NULL || *base == '\0' || g_str_equal (base, ".") ||
      g_str_equal (base, G_DIR_SEPARATOR_S))
    {
      g_set_error_literal (error, LS_ERROR, LS_ERROR_EMPTY_FIELD,
                           _ ("The attachment needs a file name."));
      return NULL;
    }
  if (!ls_attachment_kind_is_valid (kind))
    {
      g_set_error_literal (error, LS_ERROR, LS_ERROR_UNKNOWN_VALUE,
                           _ ("Say what the attachment is: a statement, a "
                              "photo, the routines, a signed form or "
                              "something else."));
      return NULL;
    }
  if (added_by == NULL || *added_by == '\0')
    {
      g_set_error_literal (error, LS_ERROR, LS_ERROR_EMPTY_FIELD,
                           _ ("Say who adds the attachment."));
      return NULL;
    }
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  uuid = g_uuid_string_random ();
  if (added_at == NULL)
    added_at = now = ls_dates_dup_now (NULL);
  return ls_attachment_new_stored (
      uuid, base,
      content_type != NULL ? content_type : "application/octet-stream", kind,
      (gint64) g_bytes_get_size (data), sha256, replaces, added_by, added_at);
}

static const char *
member_string (JsonObject *json, const char *name)
{
  JsonNode *node = json_object_get_member (json, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static LsAttachment *
bad_member (GError **error, const char *path, const char *member)
{
  g_set_error (error, LS_ERROR, LS_ERROR_BAD_DOCUMENT,
               _ ("%s.%s: the attachment's value is missing or not valid."),
               path, member);
  return NULL;
}

/**
 * ls_attachment_new_from_json:
 * @path: where @json is, such as "cases[0].attachments[1]"
 * @data: (out): the attachment's bytes, decoded from base64
 *
 * Reads an attachment of the exchange format and checks that its bytes
 * are the ones it describes: their size and SHA-256.
 *
 * Returns: (transfer full) (nullable): the attachment
 */
LsAttachment *
ls_attachment_new_from_json (JsonObject *json,
                             const char *path,
                             GBytes **data,
                             GError **error)
{
  static const char *const required[] = {
    "uuid",   "name",     "content_type", "kind",
    "sha256", "added_by", "added_at",     "data",
  };
  const char *encoded;
  guchar *decoded;
  gsize length;
  g_autofree char *sha256 = NULL;
  g_autoptr (GBytes) bytes = NULL;
  JsonNode *size;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, json);
  while (json_object_iter_next (&iter, &name, &node))
    {
      gboolean known =
          g_str_equal (name, "size") || g_str_equal (name, "replaces");

      for (guint i = 0; !known && i < G_N_ELEMENTS (required); i++)
        known = g_str_equal (name, required[i]);
      if (!known)
        {
          ls_model_fail_unknown_member (path, name, error);
          return NULL;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (member_string (json, required[i]) == NULL)
      return bad_member (error, path, required[i]);
  if (!ls_attachment_kind_is_valid (member_string (json, "kind")))
    return bad_member (error, path, "kind");
  if (!g_uuid_string_is_valid (member_string (json, "uuid")))
    return bad_member (error, path, "uuid");
  if (!ls_dates_validate (member_string (json, "added_at"), LS_DATES_DATETIME,
                          NULL))
    return bad_member (error, path, "added_at");

  encoded = member_string (json, "data");
  decoded = g_base64_decode (encoded, &length);
  bytes = g_bytes_new_take (decoded, length);
  size = json_object_get_member (json, "size");
  if (size == NULL || !JSON_NODE_HOLDS_VALUE (size) ||
      json_node_get_value_type (size) != G_TYPE_INT64 ||
      json_node_get_int (size) != (gint64) length)
    return bad_member (error, path, "size");
  if (!check_size (length, error))
    {
      g_prefix_error (error, "%s.data: ", path);
      return NULL;
    }
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_ascii_strcasecmp (sha256, member_string (json, "sha256")) != 0)
    {
      g_set_error (error, LS_ERROR, LS_ERROR_BAD_DOCUMENT,
                   _ ("%s.data: the file's content does not match its "
                      "SHA-256; it was changed or damaged."),
                   path);
      return NULL;
    }
  *data = g_steal_pointer (&bytes);
  return ls_attachment_new_stored (
      member_string (json, "uuid"), member_string (json, "name"),
      member_string (json, "content_type"), member_string (json, "kind"),
      (gint64) length, sha256, member_string (json, "replaces"),
      member_string (json, "added_by"), member_string (json, "added_at"));
}

/**
 * ls_attachment_to_json:
 * @data: the attachment's bytes
 *
 * Returns: (transfer full): the attachment as the exchange format has it,
 *   its bytes in base64
 */
JsonObject *
ls_attachment_to_json (LsAttachment *self, GBytes *data)
{
  JsonObject *json = json_object_new ();
  gsize length;
  gconstpointer bytes = g_bytes_get_data (data, &length);

  json_object_set_string_member (json, "uuid", self->uuid);
  json_object_set_string_member (json, "name", self->name);
  json_object_set_string_member (json, "content_type", self->content_type);
  json_object_set_string_member (json, "kind", self->kind);
  json_object_set_int_member (json, "size", self->size);
  json_object_set_string_member (json, "sha256", self->sha256);
  if (self->replaces != NULL)
    json_object_set_string_member (json, "replaces", self->replaces);
  else
    json_object_set_null_member (json, "replaces");
  json_object_set_string_member (json, "added_by", self->added_by);
  json_object_set_string_member (json, "added_at", self->added_at);
  {
    g_autofree char *encoded = g_base64_encode (bytes, length);

    json_object_set_string_member (json, "data", encoded);
  }
  return json;
}

#define GETTER(type, field, fallback)                                          \
  type ls_attachment_get_##field (LsAttachment *self)                          \
  {                                                                            \
    g_return_val_if_fail (LS_IS_ATTACHMENT (self), fallback);                  \
    return self->field;                                                        \
  }

GETTER (const char *, uuid, NULL)
GETTER (const char *, name, NULL)
GETTER (const char *, content_type, NULL)
GETTER (const char *, kind, NULL)
GETTER (gint64, size, 0)
GETTER (const char *, sha256, NULL)
GETTER (const char *, replaces, NULL)
GETTER (const char *, added_by, NULL)
GETTER (const char *, added_at, NULL)
