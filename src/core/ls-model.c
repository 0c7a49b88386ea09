/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-model"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-error.h"
#include "ls-field.h"
#include "ls-model-private.h"
#include "ls-model-props.h"
#include "ls-model.h"
#include "ls-record-private.h"

/* The model classes describe themselves through their properties, and the
 * operations that are the same for every class walk those properties: the
 * exchange format, field validation, copying and change tracking.  So the
 * format is the model, member for member, and a field added to a class is
 * exported, imported, checked and watched without another line.
 *
 * A property is part of the record when it is readable and writable
 * (strings, booleans, enums, flags, string lists), or when it holds a child
 * object or a GListStore of children (read-only: the parent owns them).
 * Read-only scalars, such as a case's status, are derived and left out. */

static PropKind
prop_kind (GParamSpec *pspec)
{
  if (!(pspec->flags & G_PARAM_READABLE))
    return KIND_SKIP;
  if (G_IS_PARAM_SPEC_OBJECT (pspec))
    {
      if (g_type_is_a (pspec->value_type, G_TYPE_LIST_STORE))
        return KIND_LIST;
      return KIND_CHILD;
    }
  if (!(pspec->flags & G_PARAM_WRITABLE))
    return KIND_SKIP;
  return KIND_SCALAR;
}

static int
compare_pspecs (gconstpointer a, gconstpointer b)
{
  const GParamSpec *pa = *(GParamSpec *const *) a;
  const GParamSpec *pb = *(GParamSpec *const *) b;

  return (int) pa->param_id - (int) pb->param_id;
}

static GQuark
prop_list_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("ls-model-prop-list");
  return quark;
}

const PropList *
ls_model_prop_list (GObject *object)
{
  static GMutex mutex;
  GType type = G_OBJECT_TYPE (object);
  PropList *list = g_type_get_qdata (type, prop_list_quark ());

  if (G_UNLIKELY (list == NULL))
    {
      g_mutex_lock (&mutex);
      list = g_type_get_qdata (type, prop_list_quark ());
      if (list == NULL)
        {
          list = g_new0 (PropList, 1);
          list->pspecs = g_object_class_list_properties (
              G_OBJECT_GET_CLASS (object), &list->n_pspecs);
          qsort (list->pspecs, list->n_pspecs, sizeof *list->pspecs,
                 compare_pspecs);
          list->kinds = g_new0 (PropKind, list->n_pspecs);
          list->names = g_new0 (char *, list->n_pspecs + 1);
          list->keys = g_new0 (char *, list->n_pspecs + 1);
          list->key_lens = g_new0 (gsize, list->n_pspecs);
          list->fields = g_new0 (LsFieldKind, list->n_pspecs);
          list->checks = g_new0 (LsModelChecks, list->n_pspecs);
          list->required = g_new0 (gboolean, list->n_pspecs);
          list->offsets = g_new0 (gsize, list->n_pspecs);
          list->object_offsets = g_new0 (gsize, list->n_pspecs);
          list->scalar_offsets = g_new0 (gsize, list->n_pspecs);
          list->by_member = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; i < list->n_pspecs; i++)
            {
              list->kinds[i] = prop_kind (list->pspecs[i]);
              list->names[i] = g_strdup (list->pspecs[i]->name);
              g_strdelimit (list->names[i], "-", '_');
              /* Names of properties need no escape. */
              list->keys[i] = g_strdup_printf ("\"%s\":", list->names[i]);
              list->key_lens[i] = strlen (list->keys[i]);
              list->fields[i] = ls_field_get_kind (list->pspecs[i]);
              list->checks[i] = ls_model_member_checks (list->names[i]);
              list->offsets[i] = ls_record_text_offset (list->pspecs[i]);
              list->object_offsets[i] =
                  ls_record_object_offset (list->pspecs[i]);
              list->scalar_offsets[i] =
                  ls_record_scalar_offset (list->pspecs[i]);
              list->required[i] = list->kinds[i] != KIND_SKIP &&
                                  !ls_model_is_added_later (list->pspecs[i]);
              if (list->required[i])
                list->n_required++;
              g_hash_table_insert (list->by_member, list->names[i],
                                   GUINT_TO_POINTER (i + 1));
            }
          g_type_set_qdata (type, prop_list_quark (), list);
        }
      g_mutex_unlock (&mutex);
    }
  return list;
}

/* g_object_get_property() into a new @value, without looking @pspec up
 * again by its name (with the reference and notify queue it takes): the
 * walks read every property of every object of a case that way. */
void
ls_model_get_value (GObject *object, GParamSpec *pspec, GValue *value)
{
  GObjectClass *klass = g_type_class_peek (pspec->owner_type);

  g_value_init (value, pspec->value_type);
  klass->get_property (object, pspec->param_id, value, pspec);
}

GObject *
ls_model_get_child (GObject *object, GParamSpec *pspec)
{
  g_auto (GValue) value = G_VALUE_INIT;

  /* Children live as long as their parent: a borrowed pointer. */
  ls_model_get_value (object, pspec, &value);
  return g_value_get_object (&value);
}

/* Child or list property @i of @object, borrowed: where the record keeps
 * it, or as ls_model_get_child() reads it. */
GObject *
ls_model_peek_child (GObject *object, const PropList *props, guint i)
{
  if (props->object_offsets[i] > 0)
    return G_STRUCT_MEMBER (GObject *, object, props->object_offsets[i] - 1);
  return ls_model_get_child (object, props->pspecs[i]);
}

/* A text property's value, borrowed while @value is held. */
static const char *
get_text (GObject *object, GParamSpec *pspec, GValue *value)
{
  ls_model_get_value (object, pspec, value);
  return g_value_get_string (value);
}

/* Text property @i of @object, borrowed: where the record keeps it, or
 * from get_property() into @value. */
const char *
ls_model_peek_text (GObject *object,
                    const PropList *props,
                    guint i,
                    GValue *value)
{
  if (props->offsets[i] > 0)
    return G_STRUCT_MEMBER (const char *, object, props->offsets[i] - 1);
  return get_text (object, props->pspecs[i], value);
}

static JsonNode *
scalar_to_node (GObject *object, GParamSpec *pspec)
{
  g_auto (GValue) value = G_VALUE_INIT;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  ls_model_get_value (object, pspec, &value);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (&value);

      return text != NULL ? json_node_init_string (json_node_alloc (), text)
                          : json_node_init_null (json_node_alloc ());
    }
  if (type == G_TYPE_BOOLEAN)
    return json_node_init_boolean (json_node_alloc (),
                                   g_value_get_boolean (&value));
  if (type == G_TYPE_INT)
    return json_node_init_int (json_node_alloc (), g_value_get_int (&value));
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr (GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (&value));

      return json_node_init_string (json_node_alloc (),
                                    ev != NULL ? ev->value_nick : "");
    }
  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr (GFlagsClass) klass = g_type_class_ref (type);
      /* json_node_init_array() takes a reference of its own. */
      g_autoptr (JsonArray) array = json_array_new ();
      guint flags = g_value_get_flags (&value);

      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != 0 &&
            (flags & klass->values[i].value) == klass->values[i].value)
          json_array_add_string_element (array, klass->values[i].value_nick);
      return json_node_init_array (json_node_alloc (), array);
    }
  if (type == G_TYPE_STRV)
    {
      const char *const *strv = g_value_get_boxed (&value);
      g_autoptr (JsonArray) array = json_array_new ();

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);
      return json_node_init_array (json_node_alloc (), array);
    }

  g_return_val_if_reached (json_node_init_null (json_node_alloc ()));
}

/**
 * ls_model_to_json:
 * @object: a model object
 *
 * Writes the object and its children as the exchange format has them:
 * every field of the record, members named as the properties with "_" for
 * "-", an empty text as null, enumerations by their nick.
 *
 * Returns: (transfer full): the object
 */
JsonObject *
ls_model_to_json (GObject *object)
{
  JsonObject *json = json_object_new ();
  const PropList *props;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  props = ls_model_prop_list (object);
  for (guint i = 0; i < props->n_pspecs; i++)
    {
      const char *name = props->names[i];

      switch (props->kinds[i])
        {
        case KIND_SCALAR:
          json_object_set_member (json, name,
                                  scalar_to_node (object, props->pspecs[i]));
          break;
        case KIND_CHILD:
          {
            GObject *child = ls_model_peek_child (object, props, i);

            if (child != NULL)
              json_object_set_object_member (json, name,
                                             ls_model_to_json (child));
            else
              json_object_set_null_member (json, name);
          }
          break;
        case KIND_LIST:
          {
            GListModel *list =
                G_LIST_MODEL (ls_model_peek_child (object, props, i));
            JsonArray *array = json_array_new ();

            for (guint k = 0; k < g_list_model_get_n_items (list); k++)
              {
                g_autoptr (GObject) item = g_list_model_get_item (list, k);

                json_array_add_object_element (array, ls_model_to_json (item));
              }
            json_object_set_array_member (json, name, array);
          }
          break;
        case KIND_SKIP:
        default:
          break;
        }
    }
  return json;
}

static gboolean
bad_value (GError **error,
           int code,
           const char *path,
           const char *name,
           const char *message)
{
  if (path != NULL && *path != '\0')
    g_set_error (error, LS_ERROR, code, "%s.%s: %s", path, name, message);
  else
    g_set_error (error, LS_ERROR, code, "%s: %s", name, message);
  return FALSE;
}

#define bad_member(error, path, name, message)                                 \
  bad_value (error, LS_ERROR_BAD_DOCUMENT, path, name, message)

static char *
join_path (const char *path, const char *name)
{
  if (path == NULL || *path == '\0')
    return g_strdup (name);
  return g_strconcat (path, ".", name, NULL);
}

/* "path.name[index]", or "name[index]" without a path: the path of each
 * item of a list read, made without printf. */
static char *
item_path_new (const char *path, const char *name, guint index)
{
  char digits[12];
  char *end = digits + sizeof digits;
  char *p = end;
  gsize path_len = path != NULL ? strlen (path) : 0;
  gsize name_len = strlen (name);
  char *item;
  char *out;

  do
    {
      *--p = (char) ('0' + index % 10);
      index /= 10;
    }
  while (index > 0);
  out = item = g_malloc (path_len + 1 + name_len + (end - p) + 3);
  if (path_len > 0)
    {
      memcpy (out, path, path_len);
      out += path_len;
      *out++ = '.';
    }
  memcpy (out, name, name_len);
  out += name_len;
  *out++ = '[';
  memcpy (out, p, end - p);
  out += end - p;
  *out++ = ']';
  *out = '\0';
  return item;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/* How from_json() reads: checking every field as it goes, and whether
 * the object is new, holding the defaults of its properties; a document
 * (an import) must also hold every member, and its messages never quote a
 * value. */
typedef enum
{
  FROM_JSON_CHECK = 1 << 0,
  FROM_JSON_FRESH = 1 << 1,
  FROM_JSON_DOCUMENT = 1 << 2,
} FromJsonFlags;

static gboolean
scalar_from_node (GObject *object,
                  const PropList *props,
                  guint index,
                  JsonNode *node,
                  const char *path,
                  const char *name,
                  FromJsonFlags flags,
                  GError **error)
{
  GParamSpec *pspec = props->pspecs[index];
  g_auto (GValue) value = G_VALUE_INIT;
  GType type = pspec->value_type;

  /* A text kept by the record needs no value. */
  if (type != G_TYPE_STRING)
    g_value_init (&value, type);

  if (type == G_TYPE_STRING)
    {
      const char *string = NULL;

      if (node_is_string (node))
        string = json_node_get_string (node);
      else if (!JSON_NODE_HOLDS_NULL (node))
        return bad_member (error, path, name, _ ("expected a text or null."));
      if (string != NULL && !g_utf8_validate (string, -1, NULL))
        return bad_member (error, path, name,
                           _ ("the text is not valid UTF-8."));
      if ((flags & FROM_JSON_CHECK) &&
          !ls_model_check_text (props->fields[index], props->checks[index],
                                string, path, name, flags & FROM_JSON_DOCUMENT,
                                error))
        return FALSE;
      /* Kept by the record: set as its set_property() would. */
      if (props->offsets[index] > 0)
        {
          ls_record_set_string (
              object, G_STRUCT_MEMBER_P (object, props->offsets[index] - 1),
              pspec, string);
          return TRUE;
        }
      g_value_init (&value, type);
      g_value_set_string (&value, string);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return bad_member (error, path, name, _ ("expected true or false."));
      g_value_set_boolean (&value, json_node_get_boolean (node));
    }
  else if (type == G_TYPE_INT)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_INT64)
        return bad_member (error, path, name, _ ("expected a whole number."));
      g_value_set_int (&value, (int) json_node_get_int (node));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr (GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev =
          node_is_string (node)
              ? g_enum_get_value_by_nick (klass, json_node_get_string (node))
              : NULL;

      if (ev == NULL)
        {
          g_autofree char *nicks = ls_model_dup_nicks (type);
          g_autofree char *message =
              g_strdup_printf (_ ("expected one of %s."), nicks);

          return bad_value (error, LS_ERROR_UNKNOWN_VALUE, path, name, message);
        }
      g_value_set_enum (&value, ev->value);
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr (GFlagsClass) klass = g_type_class_ref (type);
      JsonArray *array;
      guint bits = 0;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return bad_member (error, path, name, _ ("expected a list."));
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          GFlagsValue *fv = node_is_string (element)
                                ? g_flags_get_value_by_nick (
                                      klass, json_node_get_string (element))
                                : NULL;

          if (fv == NULL)
            {
              g_autofree char *nicks = ls_model_dup_nicks (type);
              g_autofree char *message =
                  g_strdup_printf (_ ("expected a list of %s."), nicks);

              return bad_value (error, LS_ERROR_UNKNOWN_VALUE, path, name,
                                message);
            }
          bits |= fv->value;
        }
      g_value_set_flags (&value, bits);
    }
  else if (type == G_TYPE_STRV)
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return bad_member (error, path, name, _ ("expected a list of texts."));
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!node_is_string (element))
            return bad_member (error, path, name,
                               _ ("expected a list of texts."));
          if ((flags & FROM_JSON_DOCUMENT) &&
              !ls_model_check_list_text (pspec, json_node_get_string (element),
                                         path, name, i, error))
            return FALSE;
          g_strv_builder_add (builder, json_node_get_string (element));
        }
      g_value_take_boxed (&value, g_strv_builder_end (builder));
    }
  else
    {
      g_return_val_if_reached (FALSE);
    }

  /* A text, a boolean or a value of the enumeration needs no validation
   * by @pspec, and is set without looking it up by its name again; a
   * number goes through GObject, which refuses one out of range. */
  if (type == G_TYPE_STRING || type == G_TYPE_BOOLEAN || G_TYPE_IS_ENUM (type))
    {
      GObjectClass *klass = g_type_class_peek (pspec->owner_type);

      klass->set_property (object, pspec->param_id, &value, pspec);
      /* As GObject does for a property whose setter does not notify. */
      if (!(pspec->flags & G_PARAM_EXPLICIT_NOTIFY))
        g_object_notify_by_pspec (object, pspec);
    }
  else
    g_object_set_property (object, pspec->name, &value);
  return TRUE;
}

static void suspend_changed (GObject *watcher);
static void resume_changed (GObject *watcher);

/* Whether @node is the default of @pspec, so that a new object already
 * holds it: most members of a case are empty, and setting a property costs
 * more than comparing it. */
static gboolean
holds_default (GParamSpec *pspec, JsonNode *node)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    return JSON_NODE_HOLDS_NULL (node) &&
           ((GParamSpecString *) pspec)->default_value == NULL;
  if (type == G_TYPE_BOOLEAN)
    return JSON_NODE_HOLDS_VALUE (node) &&
           json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
           json_node_get_boolean (node) ==
               ((GParamSpecBoolean *) pspec)->default_value;
  if (G_TYPE_IS_ENUM (type) && node_is_string (node))
    {
      GParamSpecEnum *espec = (GParamSpecEnum *) pspec;
      GEnumValue *ev =
          g_enum_get_value (espec->enum_class, espec->default_value);

      return ev != NULL &&
             g_str_equal (ev->value_nick, json_node_get_string (node));
    }
  return FALSE;
}

static gboolean
from_json (GObject *object,
           JsonObject *json,
           const char *path,
           FromJsonFlags flags,
           GError **error)
{
  const PropList *props;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint n_required = 0;
  guint next = 0;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  props = ls_model_prop_list (object);
  json_object_iter_init_ordered (&iter, json);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      guint index;
      GParamSpec *pspec;
      PropKind kind;

      /* A document lists the members in the class's order, as
       * ls_model_append_json() writes them: the next one is tried first. */
      while (next < props->n_pspecs && props->kinds[next] == KIND_SKIP)
        next++;
      if (next < props->n_pspecs && g_str_equal (props->names[next], name))
        index = next + 1;
      else
        index = GPOINTER_TO_UINT (g_hash_table_lookup (props->by_member, name));
      next = index;
      pspec = index > 0 ? props->pspecs[index - 1] : NULL;
      kind = index > 0 ? props->kinds[index - 1] : KIND_SKIP;

      if (kind == KIND_SKIP)
        return ls_model_fail_unknown_member (path, name, error);
      /* A JsonObject holds a name once: counting finds one missing. */
      if (props->required[index - 1])
        n_required++;

      switch (kind)
        {
        case KIND_SCALAR:
          if ((flags & FROM_JSON_FRESH) && holds_default (pspec, node))
            break;
          if (!scalar_from_node (object, props, index - 1, node, path, name,
                                 flags, error))
            return FALSE;
          break;
        case KIND_CHILD:
          {
            GObject *child = ls_model_peek_child (object, props, index - 1);
            g_autofree char *child_path = join_path (path, name);

            if (JSON_NODE_HOLDS_NULL (node) && !(flags & FROM_JSON_DOCUMENT))
              break;
            if (!JSON_NODE_HOLDS_OBJECT (node))
              return bad_member (error, path, name, _ ("expected an object."));
            if (!from_json (child, json_node_get_object (node), child_path,
                            flags, error))
              return FALSE;
          }
          break;
        case KIND_LIST:
          {
            GListStore *list =
                G_LIST_STORE (ls_model_peek_child (object, props, index - 1));
            GType item_type = g_list_model_get_item_type (G_LIST_MODEL (list));
            g_autoptr (GPtrArray) items =
                g_ptr_array_new_with_free_func (g_object_unref);
            JsonArray *array;

            if (!JSON_NODE_HOLDS_ARRAY (node))
              return bad_member (error, path, name, _ ("expected a list."));
            array = json_node_get_array (node);
            for (guint i = 0; i < json_array_get_length (array); i++)
              {
                JsonNode *element = json_array_get_element (array, i);
                g_autofree char *item_path = item_path_new (path, name, i);
                GObject *item;

                if (!JSON_NODE_HOLDS_OBJECT (element))
                  {
                    g_set_error (error, LS_ERROR, LS_ERROR_BAD_DOCUMENT,
                                 "%s: %s", item_path,
                                 _ ("expected an object."));
                    return FALSE;
                  }
                item = g_object_new (item_type, NULL);
                g_ptr_array_add (items, item);
                if (!from_json (item, json_node_get_object (element), item_path,
                                flags | FROM_JSON_FRESH, error))
                  return FALSE;
              }
            /* Most lists of a case are empty, read into empty lists:
             * nothing changes, and nothing is said. */
            if (items->len > 0 ||
                g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
              g_list_store_splice (
                  list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                  items->pdata, items->len);
          }
          break;
        case KIND_SKIP:
        default:
          break;
        }
    }
  if (!(flags & FROM_JSON_DOCUMENT) || n_required == props->n_required)
    return TRUE;
  for (guint i = 0; i < props->n_pspecs; i++)
    if (props->required[i] && !json_object_has_member (json, props->names[i]))
      return bad_member (error, path, props->names[i],
                         _ ("missing: a document writes every member."));
  return TRUE;
}

/**
 * ls_model_from_json:
 * @object: a new model object, filled in place
 * @json: the object as the exchange format has it
 * @path: (nullable): where @json is in its document, for messages, such as
 *   "cases[3]"
 *
 * Reads an object and its children.  Every member must be a field of the
 * record and of the right type; a missing member keeps its default.  On
 * failure @error names the member, such as
 * "cases[3].report.individuals[0].name: expected a text or null.", and
 * @object is left half-filled: callers throw it away.
 */
gboolean
ls_model_from_json (GObject *object,
                    JsonObject *json,
                    const char *path,
                    GError **error)
{
  gboolean ok;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  /* A watched tree (a case) hears of the whole document once, not of each
   * of its hundred fields as they are read. */
  suspend_changed (object);
  ok = from_json (object, json, path, 0, error);
  resume_changed (object);
  return ok;
}

/**
 * ls_model_from_json_checked:
 *
 * @object: a new model object, as g_object_new() made it
 *
 * Like ls_model_from_json(), and checks every field as
 * ls_model_validate() does while it is read, naming a bad one the same
 * way ("cases[3].report.received_at: …"): one walk instead of two.
 */
gboolean
ls_model_from_json_checked (GObject *object,
                            JsonObject *json,
                            const char *path,
                            GError **error)
{
  gboolean ok;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  suspend_changed (object);
  ok = from_json (object, json, path, FROM_JSON_CHECK | FROM_JSON_FRESH, error);
  resume_changed (object);
  return ok;
}

/**
 * ls_model_from_json_document:
 *
 * Like ls_model_from_json_checked(), for a document to import: every
 * member must be there (a child object may not be null), every value is
 * checked as ls_model_check_text() does, and messages name the member
 * without quoting its value.
 */
gboolean
ls_model_from_json_document (GObject *object,
                             JsonObject *json,
                             const char *path,
                             GError **error)
{
  gboolean ok;

  suspend_changed (object);
  ok =
      from_json (object, json, path,
                 FROM_JSON_CHECK | FROM_JSON_FRESH | FROM_JSON_DOCUMENT, error);
  resume_changed (object);
  return ok;
}

/**
 * ls_model_validate:
 * @path: (nullable): where @object is, such as "report"
 * @bad_path: (out) (optional): the path of the first bad field, such as
 *   "report.individuals[0].personal_number"
 *
 * Checks that every field of @object and its children is well-formed for
 * its kind (dates, personal identity numbers, e-mail addresses, postcodes,
 * identifiers).  Empty fields are valid here.  The message of @error is
 * about the value alone, so that a form can show it beside the field.
 */
gboolean
ls_model_validate (GObject *object,
                   const char *path,
                   char **bad_path,
                   GError **error)
{
  const PropList *props;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  props = ls_model_prop_list (object);
  for (guint i = 0; i < props->n_pspecs; i++)
    {
      GParamSpec *pspec = props->pspecs[i];
      const char *name = props->names[i];
      g_autofree char *child_path = join_path (path, name);

      switch (props->kinds[i])
        {
        case KIND_SCALAR:
          if (pspec->value_type == G_TYPE_STRING)
            {
              g_auto (GValue) value = G_VALUE_INIT;
              const char *text = ls_model_peek_text (object, props, i, &value);

              if (!ls_field_validate (props->fields[i], text, error))
                {
                  if (bad_path != NULL)
                    *bad_path = g_steal_pointer (&child_path);
                  return FALSE;
                }
            }
          break;
        case KIND_CHILD:
          {
            GObject *child = ls_model_peek_child (object, props, i);

            if (child != NULL &&
                !ls_model_validate (child, child_path, bad_path, error))
              return FALSE;
          }
          break;
        case KIND_LIST:
          {
            GListModel *list =
                G_LIST_MODEL (ls_model_peek_child (object, props, i));

            for (guint k = 0; k < g_list_model_get_n_items (list); k++)
              {
                g_autoptr (GObject) item = g_list_model_get_item (list, k);
                g_autofree char *item_path =
                    g_strdup_printf ("%s[%u]", child_path, k);

                if (!ls_model_validate (item, item_path, bad_path, error))
                  return FALSE;
              }
          }
          break;
        case KIND_SKIP:
        default:
          break;
        }
    }
  return TRUE;
}

/**
 * ls_model_copy:
 * @dest: a model object of the same type as @src
 *
 * Makes @dest a deep copy of @src: every field, and new children.
 */
void
ls_model_copy (GObject *dest, GObject *src)
{
  g_autoptr (JsonObject) json = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (G_IS_OBJECT (dest));
  g_return_if_fail (G_OBJECT_TYPE (dest) == G_OBJECT_TYPE (src));

  /* Through the record, so a copy is exactly what an export holds. */
  json = ls_model_to_json (src);
  if (!ls_model_from_json (dest, json, NULL, &error))
    g_critical ("Copying a %s failed: %s", G_OBJECT_TYPE_NAME (src),
                error->message);
}

/**
 * ls_model_collect_text:
 * @out: where the texts are appended, one per line
 *
 * Gathers the free text of @object and its children (what happened, names,
 * actions, the journal), for full-text search.  Dates, identifiers,
 * personal identity numbers and list identifiers are left out.
 */
void
ls_model_collect_text (GObject *object, GString *out)
{
  const PropList *props;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (out != NULL);

  props = ls_model_prop_list (object);
  for (guint i = 0; i < props->n_pspecs; i++)
    {
      GParamSpec *pspec = props->pspecs[i];

      switch (props->kinds[i])
        {
        case KIND_SCALAR:
          if (pspec->value_type == G_TYPE_STRING &&
              props->fields[i] == LS_FIELD_TEXT)
            {
              g_auto (GValue) value = G_VALUE_INIT;
              const char *text = ls_model_peek_text (object, props, i, &value);

              if (text != NULL)
                {
                  if (out->len > 0)
                    g_string_append_c (out, '\n');
                  g_string_append (out, text);
                }
            }
          break;
        case KIND_CHILD:
          {
            GObject *child = ls_model_peek_child (object, props, i);

            if (child != NULL)
              ls_model_collect_text (child, out);
          }
          break;
        case KIND_LIST:
          {
            GListModel *list =
                G_LIST_MODEL (ls_model_peek_child (object, props, i));

            for (guint k = 0; k < g_list_model_get_n_items (list); k++)
              {
                g_autoptr (GObject) item = g_list_model_get_item (list, k);

                ls_model_collect_text (item, out);
              }
          }
          break;
        case KIND_SKIP:
        default:
          break;
        }
    }
}

/* ---- Watching ------------------------------------------------------- */

/* What the handlers on a watched tree share: the watcher, until it goes.
 * A handler holds a reference, so that a child that outlives its parent
 * (an item taken out of a list and kept) finds the watcher gone rather
 * than freed.  Cheaper than g_signal_connect_object() on every object of
 * every case, which guards each emission with references and each
 * connection with a watch on the watcher. */
typedef struct
{
  gatomicrefcount ref;
  GObject *watcher; /* NULL once it is finalized */
  LsModelChangedFunc changed;
  guint suspended;
} WatchLink;

static WatchLink *
watch_link_ref (WatchLink *link)
{
  g_atomic_ref_count_inc (&link->ref);
  return link;
}

static void
watch_link_unref (gpointer data)
{
  WatchLink *link = data;

  if (g_atomic_ref_count_dec (&link->ref))
    g_free (link);
}

static void
watch_link_closure_unref (gpointer data, GClosure *closure)
{
  watch_link_unref (data);
}

/* The watcher's own reference, dropped when it is finalized. */
static void
watch_link_release (gpointer data)
{
  WatchLink *link = data;

  link->watcher = NULL;
  watch_link_unref (link);
}

static GQuark
ls_model_watch_link_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("ls-model-watch-link");
  return quark;
}

static void
emit_changed (WatchLink *link)
{
  if (link->watcher != NULL && link->suspended == 0)
    link->changed (link->watcher);
}

/* While a watcher's tree is filled in, its changes are told once, at the
 * end.  Only a watcher of itself (the root of its tree) is suspended. */
static void
suspend_changed (GObject *watcher)
{
  WatchLink *link = g_object_get_qdata (watcher, ls_model_watch_link_quark ());

  if (link != NULL)
    link->suspended++;
}

static void
resume_changed (GObject *watcher)
{
  WatchLink *link = g_object_get_qdata (watcher, ls_model_watch_link_quark ());

  if (link == NULL || link->suspended == 0)
    return;
  if (--link->suspended == 0)
    emit_changed (link);
}

static void watch_tree (GObject *object, WatchLink *link);

static void
notify_cb (GObject *object, GParamSpec *pspec, WatchLink *link)
{
  /* A derived value (a case's status, which its watcher sets) is no
   * change of the tree: telling it would derive everything again. */
  if (prop_kind (pspec) == KIND_SKIP)
    return;
  emit_changed (link);
}

static void
items_changed_cb (GListModel *list,
                  guint position,
                  guint removed,
                  guint added,
                  WatchLink *link)
{
  if (link->watcher == NULL)
    return;
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (list, i);

      watch_tree (item, link);
    }
  emit_changed (link);
}

static void
watch_tree (GObject *object, WatchLink *link)
{
  const PropList *props;

  g_signal_connect_data (object, "notify", G_CALLBACK (notify_cb),
                         watch_link_ref (link), watch_link_closure_unref, 0);

  props = ls_model_prop_list (object);
  for (guint i = 0; i < props->n_pspecs; i++)
    {
      GObject *child;

      switch (props->kinds[i])
        {
        case KIND_CHILD:
          child = ls_model_peek_child (object, props, i);
          if (child != NULL)
            watch_tree (child, link);
          break;
        case KIND_LIST:
          child = ls_model_peek_child (object, props, i);
          g_signal_connect_data (
              child, "items-changed", G_CALLBACK (items_changed_cb),
              watch_link_ref (link), watch_link_closure_unref, 0);
          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (child));
               k++)
            {
              g_autoptr (GObject) item =
                  g_list_model_get_item (G_LIST_MODEL (child), k);

              watch_tree (item, link);
            }
          break;
        case KIND_SCALAR:
        case KIND_SKIP:
        default:
          break;
        }
    }
}

/**
 * ls_model_watch:
 * @object: the root of a tree of model objects
 * @watcher: who is told; the handlers go when it goes
 * @changed: called on any change of a field, a child, or a list (items
 *   added later are watched too)
 *
 * Lets a parent follow its whole tree, so that what it derives from the
 * tree (a case's status) is always up to date and notified.
 */
void
ls_model_watch (GObject *object, GObject *watcher, LsModelChangedFunc changed)
{
  WatchLink *link;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (G_IS_OBJECT (watcher));
  g_return_if_fail (changed != NULL);
  g_return_if_fail (
      g_object_get_qdata (watcher, ls_model_watch_link_quark ()) == NULL);

  link = g_new0 (WatchLink, 1);
  g_atomic_ref_count_init (&link->ref);
  link->watcher = watcher;
  link->changed = changed;
  g_object_set_qdata_full (watcher, ls_model_watch_link_quark (), link,
                           watch_link_release);
  watch_tree (object, link);
}
