/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-case-private.h"
#include "ls-import-check.h"
#include "ls-enum-types.h"
#include "ls-journal-item.h"
#include "ls-model-private.h"
#include "ls-model.h"
#include "ls-people-rules.h"
#include "ls-requirement.h"
#include "ls-rules.h"
#include "ls-store-backend-private.h"

/* The parts of a backend that do not depend on its database: written
 * once, so that SQLite and PostgreSQL keep the same guarantees. */

/* ---- Revisions ---------------------------------------------------------- */

static GQuark
seen_quark (void)
{
  return g_quark_from_static_string ("ls-store-seen");
}

/* Only in the thread that owns @lcase. */
void
ls_store_set_seen (LsCase *lcase, const LsStoreSeen *seen)
{
  g_object_set_qdata_full (G_OBJECT (lcase), seen_quark (),
                           g_memdup2 (seen, sizeof *seen), g_free);
}

const LsStoreSeen *
ls_store_get_seen (LsCase *lcase)
{
  return g_object_get_qdata (G_OBJECT (lcase), seen_quark ());
}

/* ---- Derived columns ---------------------------------------------------- */

void
ls_derived_clear (LsDerived *derived)
{
  g_free (derived->status);
  g_free (derived->unit);
  g_free (derived->kind);
  g_free (derived->title);
  g_free (derived->received_at);
  g_free (derived->next_deadline);
  g_free (derived->search_text);
}

char *
ls_store_dup_enum_nick (GType type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return g_strdup (ev != NULL ? ev->value_nick : NULL);
}

/* @search_text: (nullable) (transfer full): the case's free text, when
 * the caller gathered it already */
void
ls_store_derive (LsCase *lcase, LsDerived *derived, char *search_text)
{
  LsReport *report = ls_case_get_report (lcase);

  derived->status =
      ls_store_dup_enum_nick (LS_TYPE_CASE_STATUS, ls_case_get_status (lcase));
  derived->unit = g_strdup (ls_case_get_unit_id (lcase));
  derived->kind = ls_report_get_kind (report) != LS_CASE_KIND_UNSET
                      ? ls_store_dup_enum_nick (LS_TYPE_CASE_KIND,
                                                ls_report_get_kind (report))
                      : NULL;
  derived->title = ls_case_dup_title (lcase);
  derived->received_at = g_strdup (ls_report_get_received_at (report));
  /* A closed case keeps its follow-ups in the attention list, but no
   * longer sorts among the open deadlines. */
  derived->next_deadline = ls_case_get_status (lcase) != LS_CASE_STATUS_CLOSED
                               ? g_strdup (ls_case_get_next_deadline (lcase))
                               : NULL;
  if (search_text == NULL)
    {
      GString *text = g_string_new (NULL);

      ls_model_collect_text (G_OBJECT (lcase), text);
      search_text = g_string_free (text, FALSE);
    }
  derived->search_text = search_text;
}

/* The case as the store keeps it: its JSON without the journal, each
 * journal item's JSON into @item_json, and every text into @search_text,
 * gathered on the same walks. */
char *
ls_store_serialize_case (LsCase *lcase,
                         GPtrArray *item_json,
                         GString *search_text)
{
  GListModel *journal = G_LIST_MODEL (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)));
  GString *json = g_string_sized_new (4096);

  ls_model_append_json (G_OBJECT (lcase), journal, json, search_text);
  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (journal, i);
      GString *item_text = g_string_sized_new (512);

      ls_model_append_json (item, NULL, item_text, search_text);
      g_ptr_array_add (item_json, g_string_free (item_text, FALSE));
    }
  return g_string_free (json, FALSE);
}

/* The requirements of ls_rules_check() that need attention now. */
GPtrArray *
ls_store_attention_requirements (LsCase *lcase,
                                 LsOrganisation *organisation,
                                 LsPeopleRegister *routines)
{
  g_autoptr (GListStore) requirements = ls_rules_check (lcase, organisation);
  GPtrArray *needed = g_ptr_array_new_with_free_func (g_object_unref);

  /* A holder of the routines concerned by the report with no substitute. */
  if (routines != NULL)
    ls_people_rules_check_case (routines, lcase, requirements);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (requirements));
       i++)
    {
      g_autoptr (LsRequirement) requirement =
          g_list_model_get_item (G_LIST_MODEL (requirements), i);

      if (ls_rules_needs_attention (requirement))
        g_ptr_array_add (needed, g_steal_pointer (&requirement));
    }
  return needed;
}

/* The rows of the attention table of @lcase: what
 * ls_store_attention_requirements() finds, in its order, as
 * #LsRulesAttention, without making the requirements that do not need
 * attention or the messages of those that do. */
GArray *
ls_store_attention_rows (LsCase *lcase,
                         LsOrganisation *organisation,
                         LsPeopleRegister *routines)
{
  GArray *rows = ls_rules_check_attention (lcase, organisation);

  if (routines != NULL)
    ls_people_rules_check_attention (routines, lcase, rows);
  return rows;
}

/* ---- History ------------------------------------------------------------ */

static char *
node_to_string (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* The uuid that names a list entry, where it has one. */
static const char *
entry_uuid (JsonNode *entry)
{
  return JSON_NODE_HOLDS_OBJECT (entry)
             ? json_object_get_string_member_with_default (
                   json_node_get_object (entry), "uuid", NULL)
             : NULL;
}

static gboolean
same_entry (JsonNode *a, JsonNode *b)
{
  if (entry_uuid (a) != NULL || entry_uuid (b) != NULL)
    return g_strcmp0 (entry_uuid (a), entry_uuid (b)) == 0;
  return json_node_equal (a, b);
}

static int
compare_places (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The places (from 1) in the old list of the entries kept, in the order
 * of @from: "1, 2, 3" and "3, 1, 2" say what moved, and no personal
 * detail. */
static char *
order_text (const guint *from, guint n, gboolean sorted)
{
  g_autoptr (GArray) places = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint j = 0; j < n; j++)
    if (from[j] != G_MAXUINT)
      g_array_append_val (places, from[j]);
  if (sorted)
    g_array_sort (places, compare_places);
  for (guint k = 0; k < places->len; k++)
    g_string_append_printf (text, k > 0 ? ", %u" : "%u",
                            g_array_index (places, guint, k) + 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A list's entries are matched by who they are, not by their place: by
 * uuid where they have one, else by their whole content, and what is
 * left in the order it comes, so that an entry changed in place is
 * recorded field by field.  An entry moved is one change of the list's
 * order, not a change of every field of every entry that changed place.
 * An entry is named by its place in the new list, a removed one by its
 * place in the old. */
static gboolean
diff_lists (const char *path,
            JsonArray *old_array,
            JsonArray *new_array,
            LsHistoryFunc func,
            gpointer user_data,
            GError **error)
{
  guint n_old = json_array_get_length (old_array);
  guint n_new = json_array_get_length (new_array);
  g_autofree guint *from = g_new (guint, MAX (n_new, 1));
  g_autofree gboolean *used = g_new0 (gboolean, MAX (n_old, 1));
  guint next = 0;
  gboolean moved = FALSE;

  for (guint j = 0; j < n_new; j++)
    {
      from[j] = G_MAXUINT;
      for (guint i = 0; i < n_old && from[j] == G_MAXUINT; i++)
        if (!used[i] && same_entry (json_array_get_element (old_array, i),
                                    json_array_get_element (new_array, j)))
          {
            from[j] = i;
            used[i] = TRUE;
          }
    }
  for (guint j = 0; j < n_new; j++)
    {
      if (from[j] != G_MAXUINT ||
          entry_uuid (json_array_get_element (new_array, j)) != NULL)
        continue;
      while (next < n_old && (used[next] || entry_uuid (json_array_get_element (
                                                old_array, next)) != NULL))
        next++;
      if (next == n_old)
        break;
      from[j] = next;
      used[next] = TRUE;
    }
  for (guint j = 0, last = 0; j < n_new && !moved; j++)
    if (from[j] != G_MAXUINT)
      {
        moved = from[j] < last;
        last = from[j];
      }
  if (moved)
    {
      g_autofree char *old_order = order_text (from, n_new, TRUE);
      g_autofree char *new_order = order_text (from, n_new, FALSE);

      if (!func (path, old_order, new_order, user_data, error))
        return FALSE;
    }

  for (guint i = 0; i < n_old; i++)
    {
      g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);

      if (!used[i] &&
          !ls_store_diff (child, json_array_get_element (old_array, i), NULL,
                          func, user_data, error))
        return FALSE;
    }
  for (guint j = 0; j < n_new; j++)
    {
      g_autofree char *child = g_strdup_printf ("%s[%u]", path, j);

      if (!ls_store_diff (
              child,
              from[j] != G_MAXUINT ? json_array_get_element (old_array, from[j])
                                   : NULL,
              json_array_get_element (new_array, j), func, user_data, error))
        return FALSE;
    }
  return TRUE;
}

/* The history records every field that changed, by its path in the case
 * ("report.description", "report.individuals[0].informed_on"), so that a
 * manager can answer "who changed this, and when". */
gboolean
ls_store_diff (const char *path,
               JsonNode *old_node,
               JsonNode *new_node,
               LsHistoryFunc func,
               gpointer user_data,
               GError **error)
{
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

  if (old_node != NULL && new_node != NULL &&
      json_node_equal (old_node, new_node))
    return TRUE;

  if (old_node != NULL && new_node != NULL &&
      JSON_NODE_HOLDS_OBJECT (old_node) && JSON_NODE_HOLDS_OBJECT (new_node))
    {
      JsonObject *objects[2] = { json_node_get_object (old_node),
                                 json_node_get_object (new_node) };
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; k < 2; k++)
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *member;

          json_object_iter_init (&iter, objects[k]);
          while (json_object_iter_next (&iter, &name, &member))
            {
              g_autofree char *child = NULL;

              if (!g_hash_table_add (seen, (gpointer) name))
                continue;
              child = *path != '\0' ? g_strconcat (path, ".", name, NULL)
                                    : g_strdup (name);
              if (!ls_store_diff (child,
                                  json_object_get_member (objects[0], name),
                                  json_object_get_member (objects[1], name),
                                  func, user_data, error))
                return FALSE;
            }
        }
      return TRUE;
    }

  if (old_node != NULL && new_node != NULL &&
      JSON_NODE_HOLDS_ARRAY (old_node) && JSON_NODE_HOLDS_ARRAY (new_node))
    return diff_lists (path, json_node_get_array (old_node),
                       json_node_get_array (new_node), func, user_data, error);

  old_value = node_to_string (old_node);
  new_value = node_to_string (new_node);
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;
  return func (path, old_value, new_value, user_data, error);
}

/* ls_store_diff() of two cases as stored. */
gboolean
ls_store_diff_texts (const char *old_text,
                     const char *new_text,
                     LsHistoryFunc func,
                     gpointer user_data,
                     GError **error)
{
  g_autoptr (JsonObject) old = ls_store_object_from_string (old_text, error);
  g_autoptr (JsonObject) current = NULL;
  g_autoptr (JsonNode) a = NULL;
  g_autoptr (JsonNode) b = NULL;

  if (old == NULL)
    return FALSE;
  current = ls_store_object_from_string (new_text, error);
  if (current == NULL)
    return FALSE;
  a = json_node_init_object (json_node_alloc (), old);
  b = json_node_init_object (json_node_alloc (), current);
  return ls_store_diff ("", a, b, func, user_data, error);
}

/* ---- Journal items ------------------------------------------------------ */

gboolean
ls_store_journal_changed_error (GError **error)
{
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY,
               _ ("A documented item can never be changed or removed; add a "
                  "correction instead."));
  return FALSE;
}

/* Whether two records say the same, however they were written. */
gboolean
ls_store_same_record (const char *a, const char *b)
{
  g_autoptr (JsonNode) na = NULL;
  g_autoptr (JsonNode) nb = NULL;

  if (g_str_equal (a, b))
    return TRUE;
  na = json_from_string (a, NULL);
  nb = json_from_string (b, NULL);
  return na != NULL && nb != NULL && json_node_equal (na, nb);
}

/* Whether a stored item says what @json says.  An item stored before a
 * field was added to the model lacks that member: read back into the
 * model, it has the field's default, as an unchanged item has, and is not
 * taken for a change that the append-only journal would refuse. */
gboolean
ls_store_same_item (const char *stored, const char *json)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (LsJournalItem) item = NULL;
  g_autoptr (GString) normal = NULL;

  if (ls_store_same_record (stored, json))
    return TRUE;
  node = json_from_string (stored, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  item = ls_journal_item_new ();
  if (!ls_model_from_json (G_OBJECT (item), json_node_get_object (node), NULL,
                           NULL))
    return FALSE;
  normal = g_string_new (NULL);
  ls_model_append_json (G_OBJECT (item), NULL, normal, NULL);
  return g_str_equal (normal->str, json);
}

/* ---- Orders ------------------------------------------------------------- */

/* What each order of the list sorts by, before the case id that makes it
 * total: the column, whether it runs from the highest value down, whether
 * the cases without a value come first, and a summary's value of it.  The
 * same on every backend: a page after a key (LsStoreKey) compares these,
 * and ls_store_list_cases_after() takes the key from a summary. */
static const LsStoreOrderInfo orders[] = {
  [LS_STORE_ORDER_UPDATED] = { "updated_at", TRUE, FALSE,
                               ls_case_summary_get_updated_at },
  [LS_STORE_ORDER_RECEIVED] = { "received_at", TRUE, FALSE,
                                ls_case_summary_get_received_at },
  [LS_STORE_ORDER_DEADLINE] = { "next_deadline", FALSE, FALSE,
                                ls_case_summary_get_next_deadline },
  [LS_STORE_ORDER_REGNO] = { "regno", FALSE, TRUE, ls_case_summary_get_regno },
};

/* An order not known sorts as by the last change, the list's first. */
const LsStoreOrderInfo *
ls_store_order_info (LsStoreOrder order)
{
  return &orders[(guint) order < G_N_ELEMENTS (orders)
                     ? order
                     : LS_STORE_ORDER_UPDATED];
}

const char *
ls_store_order_column (LsStoreOrder order, gboolean *descending)
{
  const LsStoreOrderInfo *info = ls_store_order_info (order);

  *descending = info->descending;
  return info->column;
}

/* ---- Words -------------------------------------------------------------- */

/* The words of @text: runs of letters and digits, as typed. */
GPtrArray *
ls_store_split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p != start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
  return words;
}

/* The most telling words of a case's text, lower case, each once, at
 * most 24: long words tell most; short ones are mostly grammar. */
GPtrArray *
ls_store_similar_words (const char *text)
{
  g_autoptr (GPtrArray) words = ls_store_split_words (text);
  g_autoptr (GHashTable) seen =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < words->len && chosen->len < 24; i++)
    {
      char *folded;

      if (g_utf8_strlen (words->pdata[i], -1) < 5)
        continue;
      folded = g_utf8_strdown (words->pdata[i], -1);
      /* Asked before adding: adding a word already there would put this
       * copy in the table in place of the first, and it is freed. */
      if (g_hash_table_contains (seen, folded))
        {
          g_free (folded);
          continue;
        }
      g_hash_table_add (seen, folded);
      g_ptr_array_add (chosen, folded);
    }
  return chosen;
}

/* @text's words in lower case without diacritics, one space between
 * them, as SQLite's unicode61 tokenizer with remove_diacritics folds
 * them: "Anmälan, 2026-0007" is "anmalan 2026 0007". */
char *
ls_store_fold_words (const char *text)
{
  g_autoptr (GPtrArray) words = ls_store_split_words (text);
  GString *folded = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *lower = g_utf8_strdown (words->pdata[i], -1);
      g_autofree char *nfd = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);

      if (folded->len > 0)
        g_string_append_c (folded, ' ');
      for (const char *p = nfd; p != NULL && *p != '\0';
           p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
            g_string_append_unichar (folded, c);
        }
    }
  return g_string_free (folded, FALSE);
}

/* ---- JSON --------------------------------------------------------------- */

char *
ls_store_now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

char *
ls_store_object_to_string (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_node_set_object (node, object);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

JsonObject *
ls_store_object_from_string (const char *text, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_CORRUPT,
                   _ ("The case database is damaged: a record is unreadable."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

/* ---- Exchange documents ------------------------------------------------- */
static gboolean
bad_document (GError **error, const char *member)
{
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
               _ ("The exchange document has no valid “%s”."), member);
  return FALSE;
}

gboolean
ls_store_read_document (JsonNode *document,
                        LsOrganisation **organisation,
                        JsonArray **cases,
                        GError **error)
{
  JsonObject *root;
  JsonNode *node;

  /* The whole document first: every member written, one uuid a case, no
   * NUL inside a text. */
  if (!ls_import_check_document (document, error))
    return FALSE;
  if (document == NULL || !JSON_NODE_HOLDS_OBJECT (document))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The file is not a Lex Sarah exchange document."));
      return FALSE;
    }
  root = json_node_get_object (document);
  if (g_strcmp0 (
          json_object_get_string_member_with_default (root, "format", NULL),
          "lexsarah") != 0)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The file is not a Lex Sarah exchange document."));
      return FALSE;
    }
  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return bad_document (error, "version");
  /* Version 2 added the register of people and the routines, and to the
   * cases their history, attachments, being told of the notification,
   * secrecy and the boards of the advice; version 3 the attachments
   * chosen for the package for IVO.  An older document has none of them
   * and reads as it always did. */
  if (json_node_get_int (node) < 1 ||
      json_node_get_int (node) > LS_EXCHANGE_FORMAT_VERSION)
    {
      /* The number as text: a format macro in a message cannot be
       * translated. */
      g_autofree char *version =
          g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The exchange document is of version %s, which this "
                      "version of Lex Sarah cannot read. Update Lex Sarah to "
                      "import it."),
                   version);
      return FALSE;
    }

  node = json_object_get_member (root, "organisation");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autoptr (GError) local_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad_document (error, "organisation");
      *organisation = ls_organisation_new_from_document (
          json_node_get_object (node), "organisation", &local_error);
      if (*organisation == NULL)
        {
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("The organisation is not valid: %s"),
                       local_error->message);
          return FALSE;
        }
    }

  node = json_object_get_member (root, "cases");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return bad_document (error, "cases");
  *cases = json_node_get_array (node);
  return TRUE;
}

/* Reads case @index of the document, checking every field, to be stored
 * as it is: the case does not follow changes (ls_case_read_to_store()). */
LsCase *
ls_store_read_case (JsonArray *cases, guint index, GError **error)
{
  JsonNode *element = json_array_get_element (cases, index);
  g_autofree char *path = g_strdup_printf ("cases[%u]", index);
  g_autoptr (GError) local_error = NULL;
  LsCase *lcase;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("Case %u of the exchange document is not a case."),
                   index + 1);
      return NULL;
    }
  lcase = ls_case_read_to_store (json_node_get_object (element), path,
                                 &local_error);
  if (lcase == NULL)
    {
      g_autofree char *regno = ls_import_dup_case_name (element, index);

      /* Translators: the first %s is a registration number (or the
       * number of the case in the file), the second says what is
       * wrong and where. */
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("Case %s is not valid: %s"), regno, local_error->message);
      return NULL;
    }
  return lcase;
}

/* @local_error, of saving case @index of an import, as the import's
 * error: a database that cannot be written is not the case's fault. */
void
ls_store_import_case_error (LsCase *lcase,
                            guint index,
                            GError *local_error,
                            GError **error)
{
  g_autofree char *name = NULL;

  if (g_error_matches (local_error, LS_STORE_ERROR, LS_STORE_ERROR_READ_ONLY) ||
      g_error_matches (local_error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED))
    {
      g_propagate_error (error, local_error);
      return;
    }
  name = ls_import_name_case (ls_case_get_regno (lcase),
                              ls_case_get_uuid (lcase), index);
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
               _ ("Case %s is not valid: %s"), name, local_error->message);
  g_error_free (local_error);
}

gboolean
ls_store_organisation_differs (LsOrganisation *a, LsOrganisation *b)
{
  g_autoptr (JsonObject) ja = ls_organisation_to_json (a);
  g_autoptr (JsonObject) jb = ls_organisation_to_json (b);
  g_autofree char *ta = ls_store_object_to_string (ja);
  g_autofree char *tb = ls_store_object_to_string (jb);

  return !g_str_equal (ta, tb);
}

/**
 * ls_store_import_with:
 * @io: the backend's transaction and import
 * @n_changed: (out) (optional): how many cases the import changed
 *
 * An import as every backend runs it: the document read and checked as
 * a whole, then written in one transaction of the writer, which is
 * rolled back on any failure so that nothing of a refused document is
 * kept; the store's windows hear of it once, after the commit.
 */
gboolean
ls_store_import_with (LsStore *store,
                      const LsStoreImportIO *io,
                      JsonNode *document,
                      const char *author,
                      guint *n_changed,
                      GError **error)
{
  g_autoptr (LsOrganisation) imported = NULL;
  g_autoptr (GRecMutexLocker) locker = NULL;
  JsonArray *cases = NULL;
  guint changed_count = 0;
  guint people_changed = 0;

  if (!ls_store_read_document (document, &imported, &cases, error))
    return FALSE;

  locker = g_rec_mutex_locker_new (io->mutex);
  if (!io->begin (io->backend, error) ||
      !io->import (io->backend, imported, json_node_get_object (document),
                   cases, author, &changed_count, &people_changed, error) ||
      !io->commit (io->backend, error))
    {
      io->rollback (io->backend);
      return FALSE;
    }
  if (io->committed != NULL)
    io->committed (io->backend);
  g_clear_pointer (&locker, g_rec_mutex_locker_free);

  if (n_changed != NULL)
    *n_changed = changed_count;
  if (changed_count > 0 || people_changed > 0 || imported != NULL)
    ls_store_emit_changed (store, NULL);
  return TRUE;
}

/* Takes @cases.  A backend that keeps no register of people (@register_
 * %NULL) writes its members empty: every member of the version is written. */
JsonNode *
ls_store_build_document (LsOrganisation *organisation,
                         LsPeopleRegister *register_,
                         JsonArray *cases)
{
  g_autoptr (JsonObject) root = json_object_new ();
  g_autoptr (LsPeopleRegister) empty = NULL;

  if (register_ == NULL)
    register_ = empty = ls_people_register_new ();
  json_object_set_string_member (root, "format", "lexsarah");
  json_object_set_int_member (root, "version", LS_EXCHANGE_FORMAT_VERSION);
  json_object_set_object_member (root, "organisation",
                                 ls_organisation_to_json (organisation));
  ls_people_register_add_to_document (register_, root);
  json_object_set_array_member (root, "cases", cases);
  return json_node_init_object (json_node_alloc (), root);
}
