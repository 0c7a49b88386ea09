/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-enum-types.h"
#include "ls-requirement.h"
#include "ls-rules.h"
#include "ls-sqlite-store.h"
#include "ls-store-backend-private.h"
#include "ls-store-connect.h"
#include "ls-store.h"

/* What the model, the forms and the windows know of a database: this
 * abstract class, its public functions and its "changed" signal.  A
 * backend (ls-sqlite-store*.c) implements the blocking operations as
 * virtual methods; everything built on them (the _async functions in
 * ls-store-async.c, the attention items, the similar cases with their
 * links) is written once, here. */

typedef struct
{
  /* "changed" is emitted in the thread that owns the store, also for a
   * save that ran in a worker. */
  GThread *owner;
  GMainContext *context;
  /* What the session may do, set by the backend when it connects. */
  LsStoreRights rights;
  /* Who the session is, for a server that says so (team mode). */
  char *identity_name;
  char *identity_title;
} LsStorePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LsStore, ls_store, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef LsStore *(*OpenFunc) (const char *location,
                              LsStoreOpenFlags flags,
                              GError **error);

/* Which backend a location is for; the first row whose test holds opens
 * it.  A connection to a server ("postgresql://…", "service=…") is
 * PostgreSQL; what matches nothing else is a file. */
static const struct
{
  gboolean (*is_location) (const char *location);
  OpenFunc open;
} backends[] = {
  { ls_store_location_is_server, ls_store_server_open },
  { NULL, ls_sqlite_store_open },
};

GQuark
ls_store_error_quark (void)
{
  return g_quark_from_static_string ("ls-store-error-quark");
}

static void
take_ownership (LsStore *self)
{
  LsStorePrivate *priv = ls_store_get_instance_private (self);

  priv->owner = g_thread_self ();
  g_clear_pointer (&priv->context, g_main_context_unref);
  priv->context = g_main_context_ref_thread_default ();
}

static void
ls_store_finalize (GObject *object)
{
  LsStorePrivate *priv = ls_store_get_instance_private (LS_STORE (object));

  g_clear_pointer (&priv->context, g_main_context_unref);
  g_clear_pointer (&priv->identity_name, g_free);
  g_clear_pointer (&priv->identity_title, g_free);

  G_OBJECT_CLASS (ls_store_parent_class)->finalize (object);
}

static void
ls_store_class_init (LsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_store_finalize;

  /**
   * LsStore::changed:
   * @uuid: (nullable): the case that was saved, or %NULL when many may
   *   have changed (an import, the organisation, another program)
   *
   * Cases were saved or imported.  Emitted in the thread that opened the
   * store (its main loop), also for saves done by the _async functions.
   */
  signals[CHANGED] = g_signal_new (
      "changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
      NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ls_store_init (LsStore *self)
{
  LsStorePrivate *priv = ls_store_get_instance_private (self);

  priv->rights = LS_STORE_RIGHTS_ALL;
  take_ownership (self);
}

/* ---- Changes ----------------------------------------------------------- */

/* A weak reference: a change told by another thread (a save in a worker,
 * another client's NOTIFY) does not keep a store alive that its owner
 * let go. */
typedef struct
{
  GWeakRef store;
  char *uuid;
} Change;

static void
change_free (Change *change)
{
  g_weak_ref_clear (&change->store);
  g_free (change->uuid);
  g_free (change);
}

static gboolean
emit_changed_idle_cb (gpointer user_data)
{
  Change *change = user_data;
  g_autoptr (LsStore) store = g_weak_ref_get (&change->store);

  if (store != NULL)
    g_signal_emit (store, signals[CHANGED], 0, change->uuid);
  return G_SOURCE_REMOVE;
}

/**
 * ls_store_emit_changed:
 * @uuid: (nullable): the case that changed, %NULL for many
 *
 * For backends: tells the lists that a write was committed.  Safe from
 * any thread; the signal reaches the thread (main loop) that owns the
 * store.
 */
void
ls_store_emit_changed (LsStore *self, const char *uuid)
{
  LsStorePrivate *priv;
  g_autoptr (GSource) source = NULL;
  Change *change;

  g_return_if_fail (LS_IS_STORE (self));

  priv = ls_store_get_instance_private (self);
  if (g_thread_self () == priv->owner)
    {
      g_signal_emit (self, signals[CHANGED], 0, uuid);
      return;
    }

  change = g_new0 (Change, 1);
  g_weak_ref_init (&change->store, self);
  change->uuid = g_strdup (uuid);
  source = g_idle_source_new ();
  g_source_set_callback (source, emit_changed_idle_cb, change,
                         (GDestroyNotify) change_free);
  g_source_set_static_name (source, "[ls-store] changed");
  g_source_attach (source, priv->context);
}

/* ---- Opening ----------------------------------------------------------- */

void
ls_history_entry_free (LsHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->when);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->who);
  g_free (entry->why);
  g_free (entry);
}

/**
 * ls_store_location_is_server:
 * @location: what `--database` or the preferences name
 *
 * Returns: whether @location is a connection to a database server rather
 *   than a file: a PostgreSQL URI (postgresql://, postgres://) or libpq's
 *   keyword=value form (with service=, host=, dbname= …).  A file's path
 *   is not, even with an "=" in it.  Told from the text alone, so that
 *   team mode's module is not loaded to tell it.
 */
gboolean
ls_store_location_is_server (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  if (g_str_has_prefix (location, "postgresql://") ||
      g_str_has_prefix (location, "postgres://"))
    return TRUE;
  if (location[0] == '/' || location[0] == '.' || location[0] == '~')
    return FALSE;
  return strchr (location, '=') != NULL;
}

/**
 * ls_store_canonicalize_location:
 * @location: what `--database` or the preferences name
 *
 * Returns: (transfer full): a file's absolute path, or a connection as it
 *   was given: it is not a path to resolve against the current folder
 */
char *
ls_store_canonicalize_location (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (ls_store_location_is_server (location))
    return g_strdup (location);
  return g_canonicalize_filename (location, NULL);
}

/**
 * ls_store_open_full:
 * @location: where the database is: the path of a file, created 0600
 *   (and its folder 0700) if missing, or a PostgreSQL connection in
 *   libpq's form ("postgresql://host/db", "service=lexsarah")
 * @flags: how to open it
 *
 * Opens the case database with the backend that @location names, and
 * migrates it to the current schema if it is older.  A file that is not a
 * database, is damaged or comes from a newer version is refused and left
 * exactly as it was.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LsStore *
ls_store_open_full (const char *location,
                    LsStoreOpenFlags flags,
                    GError **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (backends); i++)
    if (backends[i].is_location == NULL || backends[i].is_location (location))
      return backends[i].open (location, flags, error);
  g_assert_not_reached ();
}

/**
 * ls_store_open:
 * @location: as for ls_store_open_full()
 *
 * Opens the case database for reading and writing.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LsStore *
ls_store_open (const char *location, GError **error)
{
  return ls_store_open_full (location, LS_STORE_OPEN_DEFAULT, error);
}

static void
open_thread (GTask *task,
             gpointer source_object,
             gpointer task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  LsStore *store = ls_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
ls_store_open_async (const char *location,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (location != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ls_store_open_async);
  g_task_set_task_data (task, g_strdup (location), g_free);
  g_task_run_in_thread (task, open_thread);
}

LsStore *
ls_store_open_finish (GAsyncResult *result, GError **error)
{
  LsStore *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  self = g_task_propagate_pointer (G_TASK (result), error);
  /* The store belongs to the thread that asked for it. */
  if (self != NULL)
    take_ownership (self);
  return self;
}

/**
 * ls_store_get_location:
 *
 * Returns: where the database is, as given to ls_store_open()
 */
const char *
ls_store_get_location (LsStore *self)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  return LS_STORE_GET_CLASS (self)->get_location (self);
}

/**
 * ls_store_get_rights:
 *
 * What the session may do, as the database told when the store was
 * opened: for a shared database the group roles the person is a member
 * of; for a file of one computer everything.  The server enforces these
 * whatever the app shows; the windows use them to leave out or make
 * insensitive what would be refused.
 *
 * Returns: the rights of the session
 */
LsStoreRights
ls_store_get_rights (LsStore *self)
{
  LsStorePrivate *priv;

  g_return_val_if_fail (LS_IS_STORE (self), 0);

  priv = ls_store_get_instance_private (self);
  return priv->rights;
}

/**
 * ls_store_may:
 * @rights: one or more rights
 *
 * Returns: whether the session has every one of @rights
 */
gboolean
ls_store_may (LsStore *self, LsStoreRights rights)
{
  return (ls_store_get_rights (self) & rights) == rights;
}

/* For a backend, when it connects: the default is everything. */
void
ls_store_set_rights (LsStore *self, LsStoreRights rights)
{
  LsStorePrivate *priv = ls_store_get_instance_private (self);

  priv->rights = rights;
}

/* For a backend whose server names the person: the author of every save. */
void
ls_store_set_identity (LsStore *self, const char *name, const char *title)
{
  LsStorePrivate *priv = ls_store_get_instance_private (self);

  g_free (priv->identity_name);
  priv->identity_name = g_strdup (name);
  g_free (priv->identity_title);
  priv->identity_title = g_strdup (title);
}

/**
 * ls_store_get_identity_name:
 *
 * Returns: (nullable): the person's name as the shared database knows
 *   their role, which it writes as the author of what they save whatever
 *   the client gives; %NULL for a file of one computer, whose author is
 *   the one in the preferences
 */
const char *
ls_store_get_identity_name (LsStore *self)
{
  LsStorePrivate *priv;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  priv = ls_store_get_instance_private (self);
  return priv->identity_name;
}

/**
 * ls_store_get_identity_title:
 *
 * Returns: (nullable): the person's title as the shared database knows it
 */
const char *
ls_store_get_identity_title (LsStore *self)
{
  LsStorePrivate *priv;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  priv = ls_store_get_instance_private (self);
  return priv->identity_title;
}

/**
 * ls_store_rights_explain:
 * @rights: a right the session lacks
 *
 * Returns: (transfer none): a translated sentence saying who may do what
 *   @rights allows, for a control that is insensitive or an action
 *   refused
 */
const char *
ls_store_rights_explain (LsStoreRights rights)
{
  if (rights & LS_STORE_RIGHT_CONCLUDE)
    return _ ("Only a decision-maker can conclude an investigation.");
  if (rights & LS_STORE_RIGHT_NOTIFY)
    return _ ("Only a notifier can record a notification as sent to IVO.");
  if (rights & LS_STORE_RIGHT_ADMINISTER)
    return _ ("Only an administrator can change the organisation and its "
              "people.");
  if (rights & LS_STORE_RIGHT_INVESTIGATE)
    return _ ("Only an investigator can work on an investigation.");
  return _ ("Only a receiver can file a report.");
}

/**
 * ls_store_get_path:
 *
 * Returns: the same as ls_store_get_location()
 */
const char *
ls_store_get_path (LsStore *self)
{
  return ls_store_get_location (self);
}

/* ---- Cases ------------------------------------------------------------- */

/**
 * ls_store_save_case:
 * @lcase: the case; checked with ls_rules_validate() against the stored
 *   organisation first, and not saved if anything in it is wrong
 * @author: the name of whoever makes the change, kept in the history
 *
 * Saves a case in one transaction, with the documented items added since
 * it was loaded, and records every changed field in the history with
 * @author and the time.  A documented item that was changed or removed is
 * refused (%LS_STORE_ERROR_APPEND_ONLY) and nothing is saved.  This call
 * gives no reason, so once the investigation is concluded or IVO is
 * notified a change is refused (%LS_ERROR_REASON_REQUIRED) as
 * ls_store_save_case_why() refuses it without one.
 */
gboolean
ls_store_save_case (LsStore *self,
                    LsCase *lcase,
                    const char *author,
                    GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (LS_IS_CASE (lcase), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return LS_STORE_GET_CLASS (self)->save_case (self, lcase, author, error);
}

/**
 * ls_store_load_case:
 *
 * Returns: (transfer full): the case with its documented items, as saved
 */
LsCase *
ls_store_load_case (LsStore *self, const char *uuid, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return LS_STORE_GET_CLASS (self)->load_case (self, uuid, error);
}

/**
 * ls_store_find_case_by_regno:
 * @regno: a registration number
 *
 * Returns: (transfer full): the case with @regno, or %NULL with
 *   %LS_STORE_ERROR_NOT_FOUND
 */
LsCase *
ls_store_find_case_by_regno (LsStore *self, const char *regno, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (regno != NULL, NULL);

  return LS_STORE_GET_CLASS (self)->find_case_by_regno (self, regno, error);
}

/**
 * ls_store_list_history:
 *
 * Returns: (transfer full) (element-type LsHistoryEntry): who changed what
 * and when, oldest first
 */
GPtrArray *
ls_store_list_history (LsStore *self, const char *case_uuid, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (case_uuid != NULL, NULL);

  return LS_STORE_GET_CLASS (self)->list_history (self, case_uuid, error);
}

/* ---- Organisation and registration numbers ----------------------------- */

/**
 * ls_store_save_organisation:
 *
 * Saves the organisation and its units.  A field that is not well-formed
 * is refused with @error naming it.
 */
gboolean
ls_store_save_organisation (LsStore *self,
                            LsOrganisation *organisation,
                            GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (LS_IS_ORGANISATION (organisation), FALSE);

  return LS_STORE_GET_CLASS (self)->save_organisation (self, organisation,
                                                       error);
}

/**
 * ls_store_load_organisation:
 *
 * Returns: (transfer full): the organisation, an empty one (no name, no
 *   units) if none was saved yet
 */
LsOrganisation *
ls_store_load_organisation (LsStore *self, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  return LS_STORE_GET_CLASS (self)->load_organisation (self, error);
}

/**
 * ls_store_next_regno:
 * @year: the year of the registration number
 *
 * Suggests the next free registration number of @year: "2026-0007", or
 * "SN-2026-0007" with the organisation's prefix "SN".  Saving a case with
 * a number that is taken fails with %LS_STORE_ERROR_DUPLICATE.
 *
 * Returns: (transfer full): the number
 */
char *
ls_store_next_regno (LsStore *self, int year, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (year > 0 && year < 10000, NULL);

  return LS_STORE_GET_CLASS (self)->next_regno (self, year, error);
}

/**
 * ls_store_dup_units_in_use:
 *
 * Returns: (transfer full): the ids of the units that cases belong to,
 *   which may not be removed from the organisation
 */
GStrv
ls_store_dup_units_in_use (LsStore *self, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  return LS_STORE_GET_CLASS (self)->dup_units_in_use (self, error);
}

/* ---- Lists and search -------------------------------------------------- */

/**
 * ls_store_count_cases:
 * @query: (nullable): which cases
 *
 * Never waits for a write in progress.  With a search, counting stops
 * after %LS_STORE_SEARCH_COUNT_LIMIT + 1 cases.
 *
 * Returns: the number of cases @query selects (with a search, at most
 *   %LS_STORE_SEARCH_COUNT_LIMIT + 1: more than the limit), -1 on error
 */
gint64
ls_store_count_cases (LsStore *self, const LsStoreQuery *query, GError **error)
{
  static const LsStoreQuery all = { 0 };

  g_return_val_if_fail (LS_IS_STORE (self), -1);

  return LS_STORE_GET_CLASS (self)->count_cases (
      self, query != NULL ? query : &all, error);
}

/**
 * ls_store_list_cases:
 * @query: (nullable): which cases, in which order
 * @offset: the first row
 * @limit: how many rows at most
 *
 * Never waits for a write in progress.
 *
 * Returns: (transfer full) (element-type LsCaseSummary): one page of cases
 */
GPtrArray *
ls_store_list_cases (LsStore *self,
                     const LsStoreQuery *query,
                     guint offset,
                     guint limit,
                     GError **error)
{
  static const LsStoreQuery all = { 0 };

  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  return LS_STORE_GET_CLASS (self)->list_cases (
      self, query != NULL ? query : &all, NULL, offset, limit, error);
}

/**
 * ls_store_list_cases_after:
 * @query: (nullable): which cases, in which order
 * @after: (nullable): the case just before the page, as it was listed
 * @offset: how many rows after @after to skip
 * @limit: how many rows at most
 *
 * Like ls_store_list_cases(), counted from the case after @after rather
 * than from the first (keyset paging): the next page of a list costs the
 * same at its end as at its start, where an offset steps over every row
 * before the page.  @after places the page by the values it was listed
 * with, so that a save of it since moves neither it nor the page.
 *
 * Returns: (transfer full) (element-type LsCaseSummary): one page of cases
 */
GPtrArray *
ls_store_list_cases_after (LsStore *self,
                           const LsStoreQuery *query,
                           LsCaseSummary *after,
                           guint offset,
                           guint limit,
                           GError **error)
{
  static const LsStoreQuery all = { 0 };
  LsStoreClass *klass;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) more = NULL;
  LsStoreKey key = { 0 };
  const LsStoreOrderInfo *order;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (after == NULL || LS_IS_CASE_SUMMARY (after), NULL);

  if (after == NULL)
    return ls_store_list_cases (self, query, offset, limit, error);
  if (query == NULL)
    query = &all;
  klass = LS_STORE_GET_CLASS (self);

  /* The cases without a value of the column come first in some orders
   * (by registration number), last in the others. */
  order = ls_store_order_info (query->order);
  key.uuid = ls_case_summary_get_uuid (after);
  key.value = order->get (after);
  key.nulls = key.value == NULL;
  rows = klass->list_cases (self, query, &key, offset, limit, error);
  if (rows == NULL || rows->len == limit || key.nulls != order->nulls_first)
    return g_steal_pointer (&rows);

  /* The rest of the page from the group that follows, the whole of it.
   * Of the rows to skip, those of the group before are known only when
   * it gave some; otherwise it is read to count them (a jump only, never
   * the next page). */
  if (rows->len == 0 && offset > 0)
    {
      g_autoptr (GPtrArray) skipped =
          klass->list_cases (self, query, &key, 0, offset, error);

      if (skipped == NULL)
        return NULL;
      offset -= skipped->len;
    }
  else
    offset = 0;
  key.uuid = NULL;
  key.value = NULL;
  key.nulls = !key.nulls;
  more =
      klass->list_cases (self, query, &key, offset, limit - rows->len, error);
  if (more == NULL)
    return NULL;
  g_ptr_array_extend_and_steal (rows, g_steal_pointer (&more));
  return g_steal_pointer (&rows);
}

/**
 * ls_store_list_attention:
 * @limit: how many cases at most
 *
 * Lists the cases with something that needs attention now: a notification
 * to make, the finished investigation due at IVO, an individual not yet
 * told, a preventive action or its follow-up due.  What exactly is asked
 * is ls_rules_check()'s to say for each case.
 *
 * Returns: (transfer full) (element-type LsCaseSummary): the soonest due
 *   first, those without a date after them
 */
GPtrArray *
ls_store_list_attention (LsStore *self, guint limit, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  return LS_STORE_GET_CLASS (self)->list_attention (self, limit, error);
}

static int
compare_requirements (gconstpointer a, gconstpointer b)
{
  return ls_rules_compare_urgency (*(LsRequirement **) a,
                                   *(LsRequirement **) b);
}

/* By the most urgent thing each case asks. */
static int
compare_items (gconstpointer a, gconstpointer b)
{
  GPtrArray *first =
      ls_attention_item_get_requirements (*(LsAttentionItem **) a);
  GPtrArray *second =
      ls_attention_item_get_requirements (*(LsAttentionItem **) b);

  return ls_rules_compare_urgency (first->pdata[0], second->pdata[0]);
}

/**
 * ls_store_list_attention_items:
 * @organisation: (nullable): what the rules check the cases against
 * @limit: how many cases at most
 *
 * Lists what needs attention now, case by case: the cases of
 * ls_store_list_attention(), each with the requirements of
 * ls_rules_check() for which ls_rules_needs_attention() holds, ordered by
 * ls_rules_compare_urgency(), and the cases by their most urgent.  A case
 * whose requirements were all met since it was saved is left out.
 *
 * Returns: (transfer full) (element-type LsAttentionItem): the soonest due
 *   first
 */
GPtrArray *
ls_store_list_attention_items (LsStore *self,
                               LsOrganisation *organisation,
                               guint limit,
                               GError **error)
{
  g_autoptr (GPtrArray) summaries = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (LsOrganisation) empty = NULL;
  g_autoptr (LsPeopleRegister) register_ = NULL;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), NULL);

  if (organisation == NULL)
    organisation = empty = ls_organisation_new ();
  summaries = ls_store_list_attention (self, limit, error);
  if (summaries == NULL)
    return NULL;
  /* The routines say whose conflict of interest needs a substitute. */
  register_ = ls_store_load_people (self, error);
  if (register_ == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < summaries->len; i++)
    {
      LsCaseSummary *summary = summaries->pdata[i];
      g_autoptr (LsCase) lcase = NULL;
      g_autoptr (GPtrArray) needed = NULL;

      lcase =
          ls_store_load_case (self, ls_case_summary_get_uuid (summary), error);
      if (lcase == NULL)
        return NULL;
      needed = ls_store_attention_requirements (lcase, organisation, register_);
      if (needed->len > 0)
        {
          g_ptr_array_sort (needed, compare_requirements);
          g_ptr_array_add (items, ls_attention_item_new (summary, needed));
        }
    }
  /* Stable: cases equally urgent keep the order of their first day. */
  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

/**
 * ls_store_search_ids:
 * @query: the words and the filter, not the order: every word must occur,
 *   as a word or the start of one, in the registration number, a case
 *   text or the journal.  Diacritics are folded: "anmalan" finds
 *   "anmälan".  A word of one letter beside longer ones may be left out,
 *   as not yet typed (the SQLite store does, see
 *   ls-sqlite-store-queries.c).
 * @keys: (nullable) (element-type utf8): given, the value each case has of
 *   the column of @query's order (%NULL where it has none) is added to it
 *   at the place of its id, so that the matches can be sorted before any
 *   summary is read
 *
 * Returns: (transfer full) (element-type gint64): the ids of the newest
 *   cases that match every word and pass the filter, at most @limit, the
 *   newest first; a list reads the summaries only of the rows it shows,
 *   and of cases it did not show before (ls_store_read_summaries()); never
 *   waits for a write in progress
 */
GArray *
ls_store_search_ids (LsStore *self,
                     const LsStoreQuery *query,
                     guint limit,
                     GPtrArray *keys,
                     GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (query->search == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  return LS_STORE_GET_CLASS (self)->search_ids (self, query, limit, keys,
                                                error);
}

static void
unref_summary (gpointer summary)
{
  g_clear_object (&summary);
}

/**
 * ls_store_read_summaries:
 * @ids: (array length=n_ids): from ls_store_search_ids()
 * Returns: (transfer full) (element-type LsCaseSummary): the summary of
 *   each of @ids at its place, %NULL where the case is gone
 */
GPtrArray *
ls_store_read_summaries (LsStore *self,
                         const gint64 *ids,
                         guint n_ids,
                         GError **error)
{
  g_autoptr (GPtrArray) summaries = g_ptr_array_new_full (n_ids, unref_summary);

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_ptr_array_set_size (summaries, n_ids);
  if (n_ids > 0 && !LS_STORE_GET_CLASS (self)->read_summaries (
                       self, ids, n_ids, summaries, error))
    return NULL;
  return g_steal_pointer (&summaries);
}

/**
 * ls_store_find_similar_cases:
 * @case_uuid: the case to compare with
 * @limit: how many cases at most
 *
 * Finds earlier cases that share the most telling words of this case's
 * texts, so that an investigation can see whether it happened before.
 *
 * Returns: (transfer full) (element-type LsCaseSummary): the most similar
 * first, never the case itself
 */
GPtrArray *
ls_store_find_similar_cases (LsStore *self,
                             const char *case_uuid,
                             guint limit,
                             GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (case_uuid != NULL, NULL);

  return LS_STORE_GET_CLASS (self)->find_similar_cases (self, case_uuid, limit,
                                                        error);
}

/* ---- Exchange documents ------------------------------------------------ */

/**
 * ls_store_import_document:
 * @document: an exchange document
 * @author: who imports, kept in the history
 * @n_changed: (out) (optional): how many cases were added or changed
 *
 * Imports the organisation and every case of @document.  Everything is
 * checked first, and then written in one transaction: a document with a
 * single bad field changes nothing, and @error names the case and the
 * field.  Cases are matched by their uuid, so importing the same document
 * twice changes nothing the second time.
 */
gboolean
ls_store_import_document (LsStore *self,
                          JsonNode *document,
                          const char *author,
                          guint *n_changed,
                          GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return LS_STORE_GET_CLASS (self)->import_document (self, document, author,
                                                     n_changed, error);
}

/**
 * ls_store_export_document:
 *
 * Returns: (transfer full): an exchange document with the organisation and
 * every case with its documented items, in the order they were first saved
 */
JsonNode *
ls_store_export_document (LsStore *self, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), NULL);

  return LS_STORE_GET_CLASS (self)->export_document (self, error);
}

/**
 * ls_store_save_case_why:
 * @why: (nullable): why the case changes
 *
 * Saves @lcase as ls_store_save_case() does, and records @why with every
 * change in its history.  Once its investigation is concluded or IVO is
 * notified, a change needs a reason (%LS_ERROR_REASON_REQUIRED), and a
 * concluded investigation changes only by being reopened
 * (%LS_ERROR_LOCKED).
 */
gboolean
ls_store_save_case_why (LsStore *self,
                        LsCase *lcase,
                        const char *author,
                        const char *why,
                        GError **error)
{
  LsStoreClass *klass;

  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (LS_IS_CASE (lcase), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = LS_STORE_GET_CLASS (self);
  if (klass->save_case_why == NULL)
    return klass->save_case (self, lcase, author, error);
  return klass->save_case_why (self, lcase, author, why, error);
}

static gboolean
no_attachments (GError **error)
{
  g_set_error_literal (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
                       _ ("This database cannot hold attachments."));
  return FALSE;
}

/**
 * ls_store_add_attachment:
 * @attachment: made by ls_attachment_new() for @data
 *
 * Stores a file with the case.  An attachment is never changed: a new
 * version is a new attachment whose replaces names the old one.
 *
 * Returns: (transfer full) (nullable): the stored attachment
 */
LsAttachment *
ls_store_add_attachment (LsStore *self,
                         const char *case_uuid,
                         LsAttachment *attachment,
                         GBytes *data,
                         GError **error)
{
  LsStoreClass *klass;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (case_uuid != NULL, NULL);
  g_return_val_if_fail (LS_IS_ATTACHMENT (attachment), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  klass = LS_STORE_GET_CLASS (self);
  if (klass->add_attachment == NULL)
    {
      no_attachments (error);
      return NULL;
    }
  return klass->add_attachment (self, case_uuid, attachment, data, error);
}

/**
 * ls_store_list_attachments:
 *
 * Returns: (transfer full) (element-type LsAttachment): the case's
 *   attachments, oldest first, every version
 */
GPtrArray *
ls_store_list_attachments (LsStore *self, const char *case_uuid, GError **error)
{
  LsStoreClass *klass;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (case_uuid != NULL, NULL);

  klass = LS_STORE_GET_CLASS (self);
  if (klass->list_attachments == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return klass->list_attachments (self, case_uuid, error);
}

/**
 * ls_store_read_attachment:
 *
 * Returns: (transfer full) (nullable): the bytes of the attachment
 */
GBytes *
ls_store_read_attachment (LsStore *self, const char *uuid, GError **error)
{
  LsStoreClass *klass;

  g_return_val_if_fail (LS_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  klass = LS_STORE_GET_CLASS (self);
  if (klass->read_attachment == NULL)
    {
      no_attachments (error);
      return NULL;
    }
  return klass->read_attachment (self, uuid, error);
}

/* ---- Backups ----------------------------------------------------------- */

static gboolean
not_supported (GError **error)
{
  g_set_error_literal (error, LS_STORE_ERROR, LS_STORE_ERROR_FAILED,
                       _ ("This kind of case database cannot be backed up "
                          "from Lex Sarah."));
  return FALSE;
}

/**
 * ls_store_checkpoint:
 *
 * Makes the database's own file hold everything saved, so that the file
 * alone is a whole copy once the app has ended (SQLite's -wal folded in).
 * Called when the app ends, however it ends.  A backend with no such
 * files does nothing.
 */
gboolean
ls_store_checkpoint (LsStore *self, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (LS_STORE_GET_CLASS (self)->checkpoint == NULL)
    return TRUE;
  return LS_STORE_GET_CLASS (self)->checkpoint (self, error);
}

/**
 * ls_store_backup:
 * @path: the file to write; replaced if it exists
 *
 * Writes a consistent copy of the whole database to @path at any moment,
 * also while others save: 0600, and atomically (@path is the old file or
 * the whole copy, never half of one).
 */
gboolean
ls_store_backup (LsStore *self, const char *path, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (LS_STORE_GET_CLASS (self)->backup == NULL)
    return not_supported (error);
  return LS_STORE_GET_CLASS (self)->backup (self, path, error);
}

/**
 * ls_store_check_copy:
 * @copy: a file chosen to be restored
 *
 * Checks, without changing anything, whether ls_store_restore() would
 * take @copy: a sound case database of this version or older.
 *
 * Returns: how many cases @copy holds, or -1 with @error set
 */
gint64
ls_store_check_copy (LsStore *self, const char *copy, GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), -1);
  g_return_val_if_fail (copy != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (LS_STORE_GET_CLASS (self)->check_copy == NULL)
    {
      not_supported (error);
      return -1;
    }
  return LS_STORE_GET_CLASS (self)->check_copy (self, copy, error);
}

/**
 * ls_store_restore:
 * @copy: a copy written by ls_store_backup()
 * @keep: where the current content is written first, as ls_store_backup()
 *   writes it
 *
 * Replaces everything in the database by the content of @copy, once
 * @copy was found to be a sound case database of this version or older.
 * Nothing is changed when @copy is refused or @keep cannot be written.
 * Emits #LsStore::changed for all cases.
 */
gboolean
ls_store_restore (LsStore *self,
                  const char *copy,
                  const char *keep,
                  GError **error)
{
  g_return_val_if_fail (LS_IS_STORE (self), FALSE);
  g_return_val_if_fail (copy != NULL, FALSE);
  g_return_val_if_fail (keep != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (LS_STORE_GET_CLASS (self)->restore == NULL)
    return not_supported (error);
  return LS_STORE_GET_CLASS (self)->restore (self, copy, keep, error);
}
