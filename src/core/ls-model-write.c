/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-model"

#include "config.h"

#include <string.h>

#include "ls-model-private.h"
#include "ls-model-props.h"
#include "ls-model.h"

/* A record written as JSON text, as the store keeps it. */

/* g_string_append_len() without its call where the bytes fit, as most
 * of the hundreds of pieces of a case's JSON do. */
static inline void
put (GString *out, const char *bytes, gsize len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, bytes, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, bytes, len);
}

/* The bytes append_string() writes otherwise than as they are, the end
 * of the text among them: one look-up a byte. */
static const guint8 needs_escape[256] = {
  [0 ... 0x1f] = 1,
  ['"'] = 1,
  ['\\'] = 1,
  [0x7f] = 1,
};

/* A string as json-glib's generator writes it, byte for byte, so that a
 * record written here compares equal to one it wrote: control characters
 * below 0x1f and DEL escaped, the rest of UTF-8 as it is.  Returns the
 * length of @text. */
static gsize
append_string (GString *out, const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  /* The bytes that need no escape in runs, not one at a time: the texts
   * of a case are most of what the store writes. */
  for (const char *p = text;; p++)
    {
      guchar c = (guchar) *p;
      const char *escape;
      char code[8];

      if (G_LIKELY (!needs_escape[c]))
        continue;
      put (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '\0':
          g_string_append_c (out, '"');
          return p - text;
        case '"':
          escape = "\\\"";
          break;
        case '\\':
          escape = "\\\\";
          break;
        case '\b':
          escape = "\\b";
          break;
        case '\f':
          escape = "\\f";
          break;
        case '\n':
          escape = "\\n";
          break;
        case '\r':
          escape = "\\r";
          break;
        case '\t':
          escape = "\\t";
          break;
        default:
          /* 0x1f is written as it is, as json-glib writes it. */
          if (c == 0x1f)
            {
              g_string_append_c (out, (char) c);
              continue;
            }
          g_snprintf (code, sizeof code, "\\u%04x", c);
          escape = code;
          break;
        }
      g_string_append (out, escape);
    }
}

static void
append_boolean (GString *out, gboolean value)
{
  if (value)
    put (out, "true", 4);
  else
    put (out, "false", 5);
}

static void
append_enum (GString *out, GParamSpec *pspec, int value)
{
  GEnumValue *ev =
      g_enum_get_value (((GParamSpecEnum *) pspec)->enum_class, value);

  append_string (out, ev != NULL ? ev->value_nick : "");
}

static void
append_scalar (GString *out,
               GString *text,
               GObject *object,
               const PropList *props,
               guint index)
{
  g_auto (GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = props->pspecs[index];
  LsFieldKind field = props->fields[index];
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    {
      const char *string = ls_model_peek_text (object, props, index, &value);
      gsize len;

      if (string == NULL)
        {
          put (out, "null", 4);
          return;
        }
      len = append_string (out, string);
      /* As ls_model_collect_text() gathers it. */
      if (text != NULL && field == LS_FIELD_TEXT)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          put (text, string, len);
        }
      return;
    }

  /* A boolean or a value of an enumeration where the record keeps it. */
  if (props->scalar_offsets[index] > 0)
    {
      int held =
          G_STRUCT_MEMBER (int, object, props->scalar_offsets[index] - 1);

      if (type == G_TYPE_BOOLEAN)
        append_boolean (out, held);
      else
        append_enum (out, pspec, held);
      return;
    }

  ls_model_get_value (object, pspec, &value);
  if (type == G_TYPE_BOOLEAN)
    append_boolean (out, g_value_get_boolean (&value));
  else if (type == G_TYPE_INT)
    g_string_append_printf (out, "%d", g_value_get_int (&value));
  else if (G_TYPE_IS_ENUM (type))
    append_enum (out, pspec, g_value_get_enum (&value));
  else if (G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = ((GParamSpecFlags *) pspec)->flags_class;
      guint flags = g_value_get_flags (&value);
      gboolean first = TRUE;

      g_string_append_c (out, '[');
      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != 0 &&
            (flags & klass->values[i].value) == klass->values[i].value)
          {
            if (!first)
              g_string_append_c (out, ',');
            append_string (out, klass->values[i].value_nick);
            first = FALSE;
          }
      g_string_append_c (out, ']');
    }
  else if (type == G_TYPE_STRV)
    {
      const char *const *strv = g_value_get_boxed (&value);

      g_string_append_c (out, '[');
      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_string (out, strv[i]);
        }
      g_string_append_c (out, ']');
    }
  else
    g_return_if_reached ();
}

/**
 * ls_model_append_json:
 * @omit: (nullable): a list of the tree to write as empty
 * @out: where the JSON goes
 * @text: (nullable): where the free text goes, as ls_model_collect_text()
 *   gathers it (but for @omit)
 *
 * Writes exactly what ls_model_to_json() and json-glib's generator would,
 * without building the document first: the store writes every case it
 * saves this way, and takes its search text on the same walk.  The list
 * @omit (a case's journal, which the store keeps in a table of its own)
 * is written as "[]".
 */
void
ls_model_append_json (GObject *object,
                      GListModel *omit,
                      GString *out,
                      GString *text)
{
  const PropList *props;
  gboolean first = TRUE;

  g_return_if_fail (G_IS_OBJECT (object));

  props = ls_model_prop_list (object);
  g_string_append_c (out, '{');
  for (guint i = 0; i < props->n_pspecs; i++)
    {
      PropKind kind = props->kinds[i];

      if (kind == KIND_SKIP)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      put (out, props->keys[i], props->key_lens[i]);

      switch (kind)
        {
        case KIND_SCALAR:
          append_scalar (out, text, object, props, i);
          break;
        case KIND_CHILD:
          {
            GObject *child = ls_model_peek_child (object, props, i);

            if (child != NULL)
              ls_model_append_json (child, omit, out, text);
            else
              put (out, "null", 4);
          }
          break;
        case KIND_LIST:
          {
            GListModel *list =
                G_LIST_MODEL (ls_model_peek_child (object, props, i));
            guint n = list == omit ? 0 : g_list_model_get_n_items (list);

            g_string_append_c (out, '[');
            for (guint k = 0; k < n; k++)
              {
                g_autoptr (GObject) item = g_list_model_get_item (list, k);

                if (k > 0)
                  g_string_append_c (out, ',');
                ls_model_append_json (item, omit, out, text);
              }
            g_string_append_c (out, ']');
          }
          break;
        case KIND_SKIP:
        default:
          break;
        }
    }
  g_string_append_c (out, '}');
}
