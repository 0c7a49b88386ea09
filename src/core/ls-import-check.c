/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ls-field.h"
#include "ls-files.h"
#include "ls-import-check.h"

/* The checks of an exchange document as a whole, and against what the
 * database holds, that no member alone can make: one document per file,
 * each case in it once, and an import that never makes the database lose
 * what it holds, neither a stored case's content nor a unit that stored
 * cases belong to. */

static JsonArray *
get_cases (JsonNode *root)
{
  JsonNode *node;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  node = json_object_get_member (json_node_get_object (root), "cases");
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node)
             ? json_node_get_array (node)
             : NULL;
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * ls_import_name_case:
 * @regno: (nullable): the case's registration number, as it has it
 * @uuid: (nullable): its uuid
 * @index: its place in the document's cases
 *
 * Returns: (transfer full): how messages name the case: its registration
 *   number when it is one (one plain line), else its uuid, else its place
 *   ("cases[3]"); never text that is not a case's name
 */
char *
ls_import_name_case (const char *regno, const char *uuid, guint index)
{
  if (regno != NULL && *regno != '\0' &&
      ls_field_validate (LS_FIELD_REGNO, regno, NULL))
    {
      gboolean plain = TRUE;

      for (const char *p = regno; *p != '\0'; p++)
        plain = plain && !g_ascii_iscntrl (*p);
      if (plain)
        return g_strdup (regno);
    }
  if (uuid != NULL && g_uuid_string_is_valid (uuid))
    return g_strdup (uuid);
  return g_strdup_printf ("cases[%u]", index);
}

/**
 * ls_import_dup_case_name:
 * @element: a case of a document, as it is there
 * @index: its place in the document's cases
 *
 * Returns: (transfer full): how messages name the case, as
 *   ls_import_name_case() does
 */
char *
ls_import_dup_case_name (JsonNode *element, guint index)
{
  JsonObject *object = element != NULL && JSON_NODE_HOLDS_OBJECT (element)
                           ? json_node_get_object (element)
                           : NULL;

  if (object == NULL)
    return ls_import_name_case (NULL, NULL, index);
  return ls_import_name_case (
      json_object_get_string_member_with_default (object, "regno", NULL),
      json_object_get_string_member_with_default (object, "uuid", NULL), index);
}

/**
 * ls_import_parse_document:
 * @data: the text of a file
 *
 * Parses an exchange document after ls_files_scan_json() has found it to
 * be one JSON document, bounded in depth.  A text holding a NUL character
 * is refused with its member path and case, as json-glib would cut it.
 *
 * Returns: (transfer full): the document's root, or %NULL with @error set
 */
JsonNode *
ls_import_parse_document (const char *data, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *nul_path = NULL;
  JsonNode *root;
  guint index;

  if (!ls_files_scan_json (data, length, &nul_path, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib's own message quotes the text it stopped at. */
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The file is not valid JSON at line %u, column %u."),
                   json_parser_get_current_line (parser),
                   json_parser_get_current_pos (parser));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (nul_path == NULL)
    return root != NULL ? json_node_ref (root) : NULL;

  if (sscanf (nul_path, "cases[%u]", &index) == 1 && root != NULL &&
      JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonArray *cases = get_cases (root);
      g_autofree char *name = ls_import_dup_case_name (
          cases != NULL && index < json_array_get_length (cases)
              ? json_array_get_element (cases, index)
              : NULL,
          index);
      g_autofree char *message = g_strdup_printf (
          "%s: %s", nul_path,
          _ ("the text holds a NUL character (\\u0000), which cannot be "
             "kept."));

      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("Case %s is not valid: %s"), name, message);
    }
  else
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID, "%s: %s",
                   nul_path,
                   _ ("the text holds a NUL character (\\u0000), which cannot "
                      "be kept."));
    }
  return NULL;
}

/**
 * ls_import_read_document:
 * @file: an exchange document
 *
 * Reads and parses @file within the limits of ls_files_read_input() and
 * ls_files_scan_json().
 *
 * Returns: (transfer full): the document's root, or %NULL with @error
 *   naming the file
 */
JsonNode *
ls_import_read_document (const char *file, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;
  gsize length;
  const char *data;

  g_return_val_if_fail (file != NULL, NULL);

  bytes = ls_files_read_input (file, LS_FILES_MAX_INPUT, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  root = ls_import_parse_document (data, length, &local_error);
  if (root == NULL)
    {
      g_autofree char *display = g_filename_display_name (file);

      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("Could not read “%s”: %s"), display,
                   local_error->message);
    }
  return root;
}

/**
 * ls_import_check_document:
 *
 * Checks what the document holds as a whole: every member of its root is
 * written, and no case is in it twice.
 */
gboolean
ls_import_check_document (JsonNode *document, GError **error)
{
  static const char *const members[] = { "format", "version", "organisation",
                                         "cases" };
  g_autoptr (GHashTable) seen = NULL;
  JsonObject *root;
  JsonArray *cases;

  if (document == NULL || !JSON_NODE_HOLDS_OBJECT (document))
    return invalid (error,
                    _ ("The file is not a Lex Sarah exchange document."));
  root = json_node_get_object (document);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (!json_object_has_member (root, members[i]))
      {
        g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                     _ ("The exchange document has no valid “%s”."),
                     members[i]);
        return FALSE;
      }
  cases = get_cases (document);
  if (cases == NULL)
    return TRUE;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonNode *element = json_array_get_element (cases, i);
      const char *uuid = JSON_NODE_HOLDS_OBJECT (element)
                             ? json_object_get_string_member_with_default (
                                   json_node_get_object (element), "uuid", NULL)
                             : NULL;
      gpointer first;

      if (uuid == NULL)
        continue;
      if (g_hash_table_lookup_extended (seen, uuid, NULL, &first))
        {
          guint k = GPOINTER_TO_UINT (first);
          g_autofree char *a =
              ls_import_dup_case_name (json_array_get_element (cases, k), k);
          g_autofree char *b = ls_import_dup_case_name (element, i);
          g_autofree char *where_a = g_strdup_printf ("cases[%u]", k);
          g_autofree char *where_b = g_strdup_printf ("cases[%u]", i);

          /* Translators: the cases are named by registration number or
           * uuid, then by their places in the file. */
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                       _ ("Cases %s (%s) and %s (%s) have the same uuid; a "
                          "document holds each case once."),
                       a, where_a, b, where_b);
          return FALSE;
        }
      g_hash_table_insert (seen, (gpointer) uuid, GUINT_TO_POINTER (i));
    }
  return TRUE;
}

/* Whether a member holds content: a text, a choice made, a list entry. */
static gboolean
holds_content (JsonNode *node)
{
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) > 0;
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return TRUE;
  text = json_node_get_string (node);
  /* "unset" and "undecided" say that nobody has chosen yet. */
  return *text != '\0' && !g_str_equal (text, "unset") &&
         !g_str_equal (text, "undecided");
}

/* The uuid that names a list entry, where it has one. */
static const char *
get_entry_uuid (JsonNode *entry)
{
  return JSON_NODE_HOLDS_OBJECT (entry)
             ? json_object_get_string_member_with_default (
                   json_node_get_object (entry), "uuid", NULL)
             : NULL;
}

/* Whether the document's @other is the stored @entry: the same uuid where
 * the entry has one, else the same content. */
static gboolean
is_same_entry (JsonNode *entry, JsonNode *other)
{
  const char *uuid = get_entry_uuid (entry);

  return uuid != NULL ? g_strcmp0 (uuid, get_entry_uuid (other)) == 0
                      : json_node_equal (entry, other);
}

static char *find_loss (JsonNode *stored,
                        JsonNode *incoming,
                        const char *path,
                        gboolean lists);

/* The first entry of a stored list that the document's list has lost.
 * Entries are matched by who they are, not by their place, so that the
 * same entries in another order lose nothing: by uuid where they have
 * one, else by their whole content, each entry of the document matching
 * one stored entry.  A stored entry of members without a uuid that is
 * left over was edited in place: it is paired with the next entry of the
 * document left over and loses what that one empties.  Any other stored
 * entry left over (a uuid the document lacks, a text gone from a list of
 * texts, an entry with nothing left to pair with) has been removed. */
static char *
find_entry_loss (JsonArray *stored,
                 JsonArray *incoming,
                 const char *path,
                 gboolean lists)
{
  guint n_stored = json_array_get_length (stored);
  guint n_incoming = json_array_get_length (incoming);
  g_autofree JsonNode **match = g_new0 (JsonNode *, n_stored);
  g_autofree gboolean *used = g_new0 (gboolean, n_incoming);
  g_autofree gboolean *whole = g_new0 (gboolean, n_stored);
  guint next = 0;

  /* Looking from the entry's own place first keeps a list in its stored
   * order linear. */
  for (guint i = 0; i < n_stored; i++)
    for (guint j = 0; j < n_incoming && match[i] == NULL; j++)
      {
        guint k = (i + j) % n_incoming;

        if (!used[k] && is_same_entry (json_array_get_element (stored, i),
                                       json_array_get_element (incoming, k)))
          {
            match[i] = json_array_get_element (incoming, k);
            used[k] = TRUE;
            whole[i] = get_entry_uuid (match[i]) == NULL;
          }
      }

  for (guint i = 0; i < n_stored; i++)
    {
      JsonNode *entry = json_array_get_element (stored, i);
      g_autofree char *child = NULL;
      char *lost;

      /* The same content: nothing of it is lost. */
      if (whole[i])
        continue;
      if (match[i] == NULL && JSON_NODE_HOLDS_OBJECT (entry) &&
          get_entry_uuid (entry) == NULL)
        {
          while (next < n_incoming &&
                 (used[next] || get_entry_uuid (json_array_get_element (
                                    incoming, next)) != NULL))
            next++;
          if (next < n_incoming)
            {
              match[i] = json_array_get_element (incoming, next);
              used[next] = TRUE;
            }
        }
      child = g_strdup_printf ("%s[%u]", path, i);
      lost = find_loss (entry, match[i], child, lists);
      if (lost != NULL)
        return lost;
    }
  return NULL;
}

/* The first member that holds content in @stored and less in @incoming:
 * a text or a choice emptied, an entry of a list removed. */
static char *
find_loss (JsonNode *stored,
           JsonNode *incoming,
           const char *path,
           gboolean lists)
{
  if (stored == NULL || !holds_content (stored))
    return NULL;
  if (!holds_content (incoming))
    return g_strdup (path);
  if (JSON_NODE_HOLDS_OBJECT (stored) && JSON_NODE_HOLDS_OBJECT (incoming))
    {
      JsonObject *a = json_node_get_object (stored);
      JsonObject *b = json_node_get_object (incoming);
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, a);
      while (json_object_iter_next (&iter, &name, &node))
        {
          g_autofree char *child = g_strdup_printf ("%s.%s", path, name);
          char *lost;

          if (!lists && JSON_NODE_HOLDS_ARRAY (node))
            continue;
          lost =
              find_loss (node, json_object_get_member (b, name), child, lists);
          if (lost != NULL)
            return lost;
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (stored) && JSON_NODE_HOLDS_ARRAY (incoming))
    {
      return find_entry_loss (json_node_get_array (stored),
                              json_node_get_array (incoming), path, lists);
    }
  return NULL;
}

static char *
find_object_loss (JsonObject *stored,
                  JsonObject *incoming,
                  const char *path,
                  gboolean lists)
{
  g_autoptr (JsonNode) a = json_node_init_object (json_node_alloc (), stored);
  g_autoptr (JsonNode) b = json_node_init_object (json_node_alloc (), incoming);

  return find_loss (a, b, path, lists);
}

/* A database whose organisation nobody has set up yet takes any. */
static gboolean
is_set_up (LsOrganisation *organisation)
{
  return !ls_field_is_blank (ls_organisation_get_name (organisation));
}

/**
 * ls_import_check_organisation:
 * @stored: the database's organisation
 * @incoming: the document's
 *
 * Refuses the organisation of another document than the database's (of
 * another kind, name or municipality), and one that would empty a member
 * the database's holds.  Units are checked by ls_import_check_units().
 */
gboolean
ls_import_check_organisation (LsOrganisation *stored,
                              LsOrganisation *incoming,
                              GError **error)
{
  static const char *const identity[] = { "kind", "name", "municipality" };
  g_autoptr (JsonObject) a = NULL;
  g_autoptr (JsonObject) b = NULL;
  g_autoptr (GString) differ = g_string_new (NULL);
  g_autofree char *lost = NULL;

  if (!is_set_up (stored))
    return TRUE;
  a = ls_organisation_to_json (stored);
  b = ls_organisation_to_json (incoming);
  for (guint i = 0; i < G_N_ELEMENTS (identity); i++)
    if (!json_node_equal (json_object_get_member (a, identity[i]),
                          json_object_get_member (b, identity[i])))
      g_string_append_printf (differ, "%sorganisation.%s",
                              differ->len > 0 ? ", " : "", identity[i]);
  if (differ->len > 0)
    {
      /* Translators: %s names the members, such as "organisation.name". */
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The document is of another organisation than the "
                      "database: %s differ. Import it into its own "
                      "organisation's database."),
                   differ->str);
      return FALSE;
    }
  lost = find_object_loss (a, b, "organisation", FALSE);
  if (lost != NULL)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The organisation is not valid: %s: %s"), lost,
                   _ ("empty in the document but filled in in the database; "
                      "an import never removes what is stored."));
      return FALSE;
    }
  return TRUE;
}

/**
 * ls_import_check_case:
 * @stored: (nullable): the case as the import's own transaction holds it,
 *   with what the import has written so far; %NULL when it holds none
 * @incoming: case @index of the document
 *
 * Refuses a case that the database holds with more content than the
 * document: a text or choice emptied, an entry of a list left out.  A
 * document that carries less than the database is a conflict to settle
 * in the app, not an update.  @stored is read by the backend inside the
 * import's transaction, never on another connection: a connection of
 * its own would judge against a state the import is not writing over.
 */
gboolean
ls_import_check_case (LsCase *stored,
                      LsCase *incoming,
                      guint index,
                      GError **error)
{
  g_autoptr (JsonObject) a = NULL;
  g_autoptr (JsonObject) b = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *name = NULL;

  /* A case the database does not hold has lost nothing. */
  if (stored == NULL)
    return TRUE;
  path = g_strdup_printf ("cases[%u]", index);
  a = ls_case_to_json (stored);
  b = ls_case_to_json (incoming);
  lost = find_object_loss (a, b, path, TRUE);
  if (lost == NULL)
    return TRUE;
  name = ls_import_name_case (ls_case_get_regno (stored),
                              ls_case_get_uuid (stored), index);
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
               _ ("Case %s is not imported: %s is empty or shorter in the "
                  "document than in the database, and an import never "
                  "removes what is stored. Change the case in Lex Sarah "
                  "instead."),
               name, lost);
  return FALSE;
}

/**
 * ls_import_check_units:
 * @store: the database, in the import's transaction, after its cases
 * @organisation: the organisation it will hold
 *
 * Refuses an import after which a stored case would belong to a unit the
 * organisation no longer has: its export could not be imported anywhere.
 */
gboolean
ls_import_check_units (LsStore *store,
                       LsOrganisation *organisation,
                       GError **error)
{
  g_auto (GStrv) units = ls_store_dup_units_in_use (store, error);

  if (units == NULL)
    return FALSE;
  for (guint i = 0; units[i] != NULL; i++)
    if (ls_organisation_find_unit (organisation, units[i]) == NULL)
      {
        g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                     _ ("The document's organisation has no unit %s, which "
                        "cases in the database belong to; a unit that cases "
                        "use cannot be removed."),
                     units[i]);
        return FALSE;
      }
  return TRUE;
}
