/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-duty.h"
#include "ls-model.h"
#include "ls-rules.h"
#include "ls-store-backend-private.h"

/* What the backends do alike beyond a case's row: the organisation read
 * from its JSON, the register of people written record by record, the
 * lock of a concluded investigation, late duties in the history, and the
 * history and attachments that travel with a case in an exchange
 * document.  Each backend gives the SQL as callbacks; the decisions and
 * the messages are made here once. */

/**
 * ls_store_organisation_from_text:
 * @text: (nullable): the stored JSON, or %NULL when none is stored
 *
 * Returns: (transfer full): the organisation, a new empty one when
 *   nothing is stored, or %NULL with @error set when it is unreadable
 */
LsOrganisation *
ls_store_organisation_from_text (const char *text, GError **error)
{
  g_autoptr (JsonObject) object = NULL;

  if (text == NULL)
    return ls_organisation_new ();
  object = ls_store_object_from_string (text, error);
  if (object == NULL)
    return NULL;
  return ls_organisation_new_from_json (object, "organisation", error);
}

/* ---- The register of people ------------------------------------------- */

static const char *const register_members[LS_STORE_REGISTER_TABLES] = {
  "people",
  "occasions",
  "routines",
};

const char *
ls_store_register_member (guint table)
{
  g_return_val_if_fail (table < LS_STORE_REGISTER_TABLES, NULL);

  return register_members[table];
}

const char *
ls_store_register_item_id (GObject *item)
{
  if (LS_IS_PERSON (item))
    return ls_person_get_id (LS_PERSON (item));
  if (LS_IS_INFORMATION_OCCASION (item))
    return ls_information_occasion_get_id (LS_INFORMATION_OCCASION (item));
  return ls_routines_get_id (LS_ROUTINES (item));
}

/**
 * ls_store_register_from_part:
 * @part: an object with the stored records of each table as the lists
 *   "people", "occasions" and "routines"
 *
 * Returns: (transfer full): the register, or %NULL with @error set
 */
LsPeopleRegister *
ls_store_register_from_part (JsonObject *part, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  LsPeopleRegister *register_;

  register_ = ls_people_register_new_from_document (part, NULL, &local_error);
  if (register_ == NULL)
    g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_CORRUPT,
                 _ ("The register of people is damaged: %s"),
                 local_error->message);
  return register_;
}

static gboolean
write_record (const LsStoreRegisterIO *io,
              guint table,
              GObject *item,
              guint index,
              guint *n_changed,
              GError **error)
{
  g_autoptr (JsonObject) object = ls_model_to_json (item);
  g_autofree char *json = ls_store_object_to_string (object);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *old = io->stored (
      io->backend, table, ls_store_register_item_id (item), &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (old != NULL && g_str_equal (old, json))
    return TRUE;
  if (old != NULL && LS_IS_ROUTINES (item))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY,
                   _ ("routines[%u]: a decided version of the routines "
                      "cannot be changed; decide a new version instead."),
                   index);
      return FALSE;
    }
  if (!io->write (io->backend, table, item, json, &local_error))
    {
      /* The only unique value a save can meet twice. */
      if (g_error_matches (local_error, LS_STORE_ERROR,
                           LS_STORE_ERROR_DUPLICATE))
        g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE,
                     _ ("%s[%u]: another person has the same staff number."),
                     register_members[table], index);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  (*n_changed)++;
  return TRUE;
}

/**
 * ls_store_write_register:
 * @n_changed: (out) (optional): how many records were written
 *
 * Inside a transaction of the backend: checks @register_ against
 * @organisation and writes every person, occasion and version of the
 * routines that is new or changed; a decided version is never changed.
 */
gboolean
ls_store_write_register (const LsStoreRegisterIO *io,
                         LsPeopleRegister *register_,
                         LsOrganisation *organisation,
                         guint *n_changed,
                         GError **error)
{
  g_autoptr (GError) local_error = NULL;
  guint changed = 0;

  if (!ls_people_register_validate (register_, organisation, &local_error))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The register of people is not valid: %s"),
                   local_error->message);
      return FALSE;
    }
  for (guint t = 0; t < LS_STORE_REGISTER_TABLES; t++)
    {
      g_autoptr (GListModel) list = NULL;

      g_object_get (register_, register_members[t], &list, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (list, i);

          if (!write_record (io, t, item, i, &changed, error))
            return FALSE;
        }
    }
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;
}

/**
 * ls_store_import_register:
 * @root: an exchange document's root object
 *
 * Inside the import's transaction: the people, occasions and routines of
 * a document of version 2, matched by their ids, so that importing the
 * same document again writes nothing.
 */
gboolean
ls_store_import_register (const LsStoreRegisterIO *io,
                          JsonObject *root,
                          LsOrganisation *organisation,
                          guint *n_changed,
                          GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (LsPeopleRegister) register_ =
      ls_people_register_new_from_document (root, organisation, &local_error);
  guint changed = 0;

  if (register_ == NULL)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The register of people is not valid: %s"),
                   local_error->message);
      return FALSE;
    }
  if (!ls_store_write_register (io, register_, organisation, &changed, error))
    return FALSE;
  *n_changed += changed;
  return TRUE;
}

/* ---- A concluded investigation, late duties ---------------------------- */

/**
 * ls_store_check_change:
 * @old_text: the stored case's JSON
 * @n_stored: how many documented items the case has stored
 * @import: the case comes from an exchange document
 * @why: (inout) (nullable): why the case changes; an import of a change to
 *   a concluded or notified case gets its reason here
 *
 * A concluded investigation changes only by being reopened, and every
 * change after a conclusion or a notification says why, whichever call
 * saves it.
 */
gboolean
ls_store_check_change (const char *old_text,
                       LsCase *lcase,
                       gboolean row_changed,
                       gint64 n_stored,
                       gboolean import,
                       const char **why,
                       GError **error)
{
  g_autoptr (JsonObject) old = ls_store_object_from_string (old_text, error);
  g_autoptr (LsCase) before = NULL;
  gboolean journal_grew;

  if (old == NULL)
    return FALSE;
  before = ls_case_new_from_json (old, NULL, error);
  if (before == NULL)
    return FALSE;
  if (!ls_rules_is_locked (before))
    return TRUE;
  journal_grew =
      (gint64) g_list_model_get_n_items (G_LIST_MODEL (
          ls_investigation_get_journal (ls_case_get_investigation (lcase)))) >
      n_stored;
  if (!row_changed && !journal_grew)
    return TRUE;
  /* An import brings the changes another copy made, a reopening
   * included, and has already refused a document that carries less than
   * this database.  Refusing the change would leave the other copy's
   * work out of this one; taking it with the import as the reason keeps
   * it, and the history keeps every value it replaces. */
  if (import)
    {
      if (*why == NULL)
        *why = _ ("Imported from an exchange document");
      return TRUE;
    }
  return ls_rules_check_change (before, lcase, journal_grew, *why, error);
}

static LsDuty *
find_duty (GPtrArray *duties, LsDuty *like)
{
  for (guint i = 0; i < duties->len; i++)
    {
      LsDuty *duty = duties->pdata[i];

      if (ls_duty_get_kind (duty) == ls_duty_get_kind (like) &&
          g_strcmp0 (ls_duty_get_what (duty), ls_duty_get_what (like)) == 0 &&
          g_strcmp0 (ls_duty_get_due_on (duty), ls_duty_get_due_on (like)) == 0)
        return duty;
    }
  return NULL;
}

/**
 * ls_store_record_late_duties:
 * @old_text: the stored case's JSON before this save
 * @func: called with the duty's field ("late.investigation-sent"), the
 *   day it was due and the day it was done
 *
 * A duty done late is written into the history when it is done, so that
 * the history says it was late even if the dates change later.
 */
gboolean
ls_store_record_late_duties (const char *old_text,
                             LsCase *lcase,
                             LsHistoryFunc func,
                             gpointer user_data,
                             GError **error)
{
  static const char *const fields[] = {
    [LS_DUTY_INVESTIGATION_SENT] = "late.investigation-sent",
    [LS_DUTY_PREVENTIVE_ACTION] = "late.preventive-action",
    [LS_DUTY_FOLLOW_UP] = "late.follow-up",
  };
  g_autoptr (JsonObject) old = ls_store_object_from_string (old_text, error);
  g_autoptr (LsCase) before = NULL;
  g_autoptr (GPtrArray) was = NULL;
  g_autoptr (GPtrArray) now = NULL;

  if (old == NULL)
    return FALSE;
  before = ls_case_new_from_json (old, NULL, NULL);
  if (before == NULL)
    return TRUE;
  was = ls_rules_list_duties (before, NULL);
  now = ls_rules_list_duties (lcase, NULL);
  for (guint i = 0; i < now->len; i++)
    {
      LsDuty *duty = now->pdata[i];
      LsDuty *earlier = find_duty (was, duty);

      if (!ls_duty_get_done (duty) || ls_duty_get_days_late (duty) == 0 ||
          ls_duty_get_done_on (duty) == NULL ||
          (earlier != NULL && ls_duty_get_done (earlier)))
        continue;
      if (!func (fields[ls_duty_get_kind (duty)], ls_duty_get_due_on (duty),
                 ls_duty_get_done_on (duty), user_data, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- History and attachments in the exchange format -------------------- */

static const char *const history_members[6] = { "at",  "field", "old",
                                                "new", "who",   "why" };

/**
 * ls_store_history_entry_to_json:
 * @values: at, field, old, new, who, why, each nullable
 *
 * Returns: (transfer full): the entry as the exchange format has it
 */
JsonObject *
ls_store_history_entry_to_json (const char *const values[6])
{
  JsonObject *entry = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (history_members); i++)
    if (values[i] != NULL)
      json_object_set_string_member (entry, history_members[i], values[i]);
    else
      json_object_set_null_member (entry, history_members[i]);
  return entry;
}

/**
 * ls_store_extras_member:
 * @name: "history" or "attachments"
 * @out: (out) (transfer none): the list, or %NULL when the case has none
 *
 * A case's "history" or "attachments": absent in version 1, else a list.
 */
gboolean
ls_store_extras_member (JsonObject *element,
                        const char *name,
                        const char *path,
                        JsonArray **out,
                        GError **error)
{
  JsonNode *node = json_object_get_member (element, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID, "%s.%s: %s",
                   path, name, _ ("expected a list."));
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

/**
 * ls_store_set_extras:
 * @history: (transfer full): the case's history, as the exchange format
 *   has it
 * @list: (element-type LsAttachment): the case's attachments
 * @read: reads an attachment's bytes on @connection
 *
 * Sets a case's "history" and "attachments", with their bytes, in its
 * exchange @json.
 */
gboolean
ls_store_set_extras (JsonObject *json,
                     JsonArray *history,
                     GPtrArray *list,
                     LsStoreReadFunc read,
                     gpointer connection,
                     GError **error)
{
  g_autoptr (JsonArray) owned = history;
  g_autoptr (JsonArray) attachments = json_array_new ();

  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr (GBytes) data =
          read (connection, ls_attachment_get_uuid (list->pdata[i]), error);

      if (data == NULL)
        return FALSE;
      json_array_add_object_element (
          attachments, ls_attachment_to_json (list->pdata[i], data));
    }
  json_object_set_array_member (json, "history", g_steal_pointer (&owned));
  json_object_set_array_member (json, "attachments",
                                g_steal_pointer (&attachments));
  return TRUE;
}

static const char *
entry_text (JsonObject *entry, const char *member, gboolean *ok)
{
  JsonNode *node = json_object_get_member (entry, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
bad_entry (GError **error, const char *path, guint index, const char *member)
{
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
               _ ("%s.history[%u].%s: the history entry is not valid."), path,
               index, member);
  return FALSE;
}

/* The history's times are the store's own, in UTC to the microsecond. */
static gboolean
is_moment (const char *text)
{
  g_autoptr (GDateTime) moment =
      text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return moment != NULL;
}

static gboolean
import_entry (const LsStoreExtrasIO *io,
              JsonNode *node,
              const char *path,
              guint index,
              gboolean *changed,
              GError **error)
{
  const char *values[G_N_ELEMENTS (history_members)];
  gboolean ok = TRUE;
  JsonObject *entry;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_entry (error, path, index, "at");
  entry = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (history_members); i++)
    {
      values[i] = entry_text (entry, history_members[i], &ok);
      if (!ok)
        return bad_entry (error, path, index, history_members[i]);
    }
  if (!is_moment (values[0]))
    return bad_entry (error, path, index, "at");
  if (values[1] == NULL)
    return bad_entry (error, path, index, "field");
  if (values[4] == NULL)
    return bad_entry (error, path, index, "who");

  return io->add_history_once (io->backend, values, changed, error);
}

/**
 * ls_store_import_extras:
 * @history: (nullable): the case's "history" in the document
 * @attachments: (nullable): its "attachments"
 * @path: "cases[N]", for the messages
 *
 * Inside the import's transaction, after the case is saved: the entries
 * of its history the database lacks, in the document's order, and its
 * attachments, each checked against its SHA-256.
 */
gboolean
ls_store_import_extras (const LsStoreExtrasIO *io,
                        JsonArray *history,
                        JsonArray *attachments,
                        const char *path,
                        gboolean *changed,
                        GError **error)
{
  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    if (!import_entry (io, json_array_get_element (history, i), path, i,
                       changed, error))
      return FALSE;
  for (guint i = 0;
       attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonNode *node = json_array_get_element (attachments, i);
      g_autofree char *item_path =
          g_strdup_printf ("%s.attachments[%u]", path, i);
      g_autoptr (LsAttachment) attachment = NULL;
      g_autoptr (GBytes) data = NULL;
      g_autoptr (GError) local_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID, "%s: %s",
                       item_path, _ ("expected an object."));
          return FALSE;
        }
      attachment = ls_attachment_new_from_json (json_node_get_object (node),
                                                item_path, &data, &local_error);
      if (attachment == NULL)
        {
          g_set_error_literal (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                               local_error->message);
          return FALSE;
        }
      if (!io->insert_attachment (io->backend, attachment, data, changed,
                                  error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ls_store_check_attachment_data:
 *
 * Returns: whether @data is the file @attachment describes (its size
 *   and SHA-256); else %FALSE with @error set
 */
gboolean
ls_store_check_attachment_data (LsAttachment *attachment,
                                GBytes *data,
                                GError **error)
{
  g_autofree char *sha256 =
      g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);

  if ((gint64) g_bytes_get_size (data) != ls_attachment_get_size (attachment) ||
      g_strcmp0 (sha256, ls_attachment_get_sha256 (attachment)) != 0)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The file changed while it was attached; attach it "
                      "again."));
      return FALSE;
    }
  return TRUE;
}

/**
 * ls_store_attachment_changed_error:
 *
 * An attachment already stored under its uuid that is not the same file:
 * nothing is changed in place.
 */
gboolean
ls_store_attachment_changed_error (GError **error)
{
  g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY,
               _ ("An attachment is never changed: add the new version "
                  "as a new attachment."));
  return FALSE;
}
