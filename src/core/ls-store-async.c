/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-digest.h"
#include "ls-enum-types.h"
#include "ls-model.h"
#include "ls-store-backend-private.h"
#include "ls-store-statistics.h"
#include "ls-store.h"

/* ---- Async ------------------------------------------------------------- */

/*
 * Every _async function runs its blocking twin (which dispatches to the
 * backend's virtual method) in a worker thread, the same way, so that a
 * backend implements blocking functions only: the arguments are copied into an
 * AsyncCall, so the caller may go on changing its own, and the result comes
 * back through the GTask. A read that is cancelled before it starts is not run;
 * a write always is, so that what the user saved is saved even when nobody
 * waits for it.
 *
 * Each call has an AsyncCallKind: what it runs, what frees its result and
 * whether it writes.  The pairs of the reads that take no argument, one
 * text or a query of the statistics are one DEFINE_READ (),
 * DEFINE_TEXT_READ () or DEFINE_QUERY_READ () line each; a call with
 * arguments of its own writes its _async out and packs them into the
 * AsyncCall.
 */
typedef struct _AsyncCall AsyncCall;

/* Returns the result, or %NULL with @error set. */
typedef gpointer (*AsyncFunc) (LsStore *self, AsyncCall *call, GError **error);

struct _AsyncCall
{
  AsyncFunc func;
  GDestroyNotify result_free;
  gboolean writes;

  /* The arguments, each function using those it needs. */
  JsonObject *object;
  GObject *model;
  char *text;
  GStrv strv;
  guint number; /* a limit, or a year */
  LsStatisticsQuery *query;

  /* A save: the revision its case was loaded at, and after the save the
   * one it made, for the caller's case (@model). */
  LsStoreSeen seen;
  gboolean has_seen;
};

static void
async_call_free (AsyncCall *call)
{
  g_clear_pointer (&call->object, json_object_unref);
  g_clear_object (&call->model);
  g_free (call->text);
  g_strfreev (call->strv);
  g_clear_pointer (&call->query, ls_statistics_query_free);
  g_free (call);
}

static AsyncCall *
async_call_new (AsyncFunc func, GDestroyNotify result_free, gboolean writes)
{
  AsyncCall *call = g_new0 (AsyncCall, 1);

  call->func = func;
  call->result_free = result_free;
  call->writes = writes;
  return call;
}

/* A call's descriptor: the function that runs in the worker thread, what
 * frees its result, and whether it writes. */
typedef struct
{
  AsyncFunc func;
  GDestroyNotify result_free;
  gboolean writes;
} AsyncCallKind;

/* A call of @kind with the arguments most calls take, copied: a text and
 * a number. */
static AsyncCall *
async_call_new_for (const AsyncCallKind *kind, const char *text, guint number)
{
  AsyncCall *call =
      async_call_new (kind->func, kind->result_free, kind->writes);

  call->text = g_strdup (text);
  call->number = number;
  return call;
}

/* A call of @kind on a copy of @model (or, without one, a new model of
 * @type), so that the caller may go on changing its own. */
static AsyncCall *
async_call_new_on_copy (const AsyncCallKind *kind, GType type, gpointer model)
{
  AsyncCall *call = async_call_new_for (kind, NULL, 0);

  call->model = g_object_new (type, NULL);
  if (model != NULL)
    ls_model_copy (call->model, model);
  return call;
}

static void
async_thread (GTask *task,
              gpointer source_object,
              gpointer task_data,
              GCancellable *cancellable)
{
  AsyncCall *call = task_data;
  GError *error = NULL;
  gpointer result;

  if (!call->writes && g_task_return_error_if_cancelled (task))
    return;
  result = call->func (source_object, call, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, call->result_free);
}

static void
run_async (LsStore *self,
           AsyncCall *call,
           gpointer source_tag,
           GCancellable *cancellable,
           GAsyncReadyCallback callback,
           gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) async_call_free);
  g_task_run_in_thread (task, async_thread);
}

static gpointer
finish_async (LsStore *self,
              GAsyncResult *result,
              gpointer source_tag,
              GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
finish_boolean (LsStore *self,
                GAsyncResult *result,
                gpointer source_tag,
                GError **error)
{
  return finish_async (self, result, source_tag, error) != NULL;
}

/* The _finish of @func_async, whose result is a pointer, as its blocking
 * twin @func returns it. */
#define DEFINE_FINISH_OF(func, Result)                                         \
  Result func##_finish (LsStore *self, GAsyncResult *result, GError **error)   \
  {                                                                            \
    return finish_async (self, result, func##_async, error);                   \
  }

/* The _finish of a store's call. */
#define DEFINE_FINISH(name, Result) DEFINE_FINISH_OF (ls_store_##name, Result)

/* The pair of a read of one query of the statistics that makes an object:
 * @func_async() runs @func (store, query) in the worker thread, on a copy
 * of the query, so that the caller may go on changing its own. */
#define DEFINE_QUERY_READ(func, Result)                                        \
  static gpointer func##_call (LsStore *self, AsyncCall *call, GError **error) \
  {                                                                            \
    return func (self, call->query, error);                                    \
  }                                                                            \
  static const AsyncCallKind func##_kind = { func##_call, g_object_unref,      \
                                             FALSE };                          \
  void func##_async (LsStore *self, const LsStatisticsQuery *query,            \
                     GCancellable *cancellable, GAsyncReadyCallback callback,  \
                     gpointer user_data)                                       \
  {                                                                            \
    AsyncCall *call;                                                           \
                                                                               \
    g_return_if_fail (LS_IS_STORE (self));                                     \
    g_return_if_fail (query != NULL);                                          \
                                                                               \
    call = async_call_new_for (&func##_kind, NULL, 0);                         \
    call->query = ls_statistics_query_copy (query);                            \
    run_async (self, call, func##_async, cancellable, callback, user_data);    \
  }                                                                            \
  DEFINE_FINISH_OF (func, Result)

/* The pair of a read that takes no argument: ls_store_NAME_async() runs
 * ls_store_NAME() in the worker thread. */
#define DEFINE_READ(name, Result, result_free)                                 \
  static gpointer name##_call (LsStore *self, AsyncCall *call, GError **error) \
  {                                                                            \
    return ls_store_##name (self, error);                                      \
  }                                                                            \
  static const AsyncCallKind name##_kind = { name##_call, result_free,         \
                                             FALSE };                          \
  void ls_store_##name##_async (LsStore *self, GCancellable *cancellable,      \
                                GAsyncReadyCallback callback,                  \
                                gpointer user_data)                            \
  {                                                                            \
    g_return_if_fail (LS_IS_STORE (self));                                     \
    run_async (self, async_call_new_for (&name##_kind, NULL, 0),               \
               ls_store_##name##_async, cancellable, callback, user_data);     \
  }                                                                            \
  DEFINE_FINISH (name, Result)

/* The _async of a call of @kind that takes one text, @arg, that may not
 * be %NULL. */
#define DEFINE_TEXT_ASYNC(name, arg, kind)                                     \
  void ls_store_##name##_async (                                               \
      LsStore *self, const char *arg, GCancellable *cancellable,               \
      GAsyncReadyCallback callback, gpointer user_data)                        \
  {                                                                            \
    g_return_if_fail (LS_IS_STORE (self));                                     \
    g_return_if_fail (arg != NULL);                                            \
    run_async (self, async_call_new_for (&kind, arg, 0),                       \
               ls_store_##name##_async, cancellable, callback, user_data);     \
  }

/* The pair of a read that takes one text, @arg. */
#define DEFINE_TEXT_READ(name, Result, arg, result_free)                       \
  static gpointer name##_call (LsStore *self, AsyncCall *call, GError **error) \
  {                                                                            \
    return ls_store_##name (self, call->text, error);                          \
  }                                                                            \
  static const AsyncCallKind name##_kind = { name##_call, result_free,         \
                                             FALSE };                          \
  DEFINE_TEXT_ASYNC (name, arg, name##_kind)                                   \
  DEFINE_FINISH (name, Result)

/* What a write that succeeded returns, as it has no result of its own. */
#define DONE GINT_TO_POINTER (TRUE)

static gpointer
save_case_call (LsStore *self, AsyncCall *call, GError **error)
{
  g_autoptr (LsCase) lcase = ls_case_new_from_json (call->object, NULL, error);

  /* strv holds the reason of ls_store_save_case_why_async(). */
  if (lcase == NULL)
    return NULL;
  if (call->has_seen)
    ls_store_set_seen (lcase, &call->seen);
  if (call->strv != NULL ? !ls_store_save_case_why (self, lcase, call->text,
                                                    call->strv[0], error)
                         : !ls_store_save_case (self, lcase, call->text, error))
    return NULL;
  if (ls_store_get_seen (lcase) != NULL)
    {
      call->seen = *ls_store_get_seen (lcase);
      call->has_seen = TRUE;
    }
  return DONE;
}

static const AsyncCallKind save_case_kind = { save_case_call, NULL, TRUE };

/* A save of a copy of @lcase, with the revision it was loaded at; the
 * caller's case learns the revision the save makes when it finishes. */
static AsyncCall *
save_case_call_new (LsCase *lcase, const char *author)
{
  AsyncCall *call = async_call_new_for (&save_case_kind, author, 0);

  call->object = ls_case_to_json (lcase);
  call->model = g_object_ref (G_OBJECT (lcase));
  if (ls_store_get_seen (lcase) != NULL)
    {
      call->seen = *ls_store_get_seen (lcase);
      call->has_seen = TRUE;
    }
  return call;
}

/**
 * ls_store_save_case_async:
 *
 * Saves @lcase as ls_store_save_case() does, in a worker thread.  The case
 * is copied first, so the caller may go on changing it.
 */
void
ls_store_save_case_async (LsStore *self,
                          LsCase *lcase,
                          const char *author,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (LS_IS_CASE (lcase));
  g_return_if_fail (author != NULL);

  run_async (self, save_case_call_new (lcase, author), ls_store_save_case_async,
             cancellable, callback, user_data);
}

gboolean
ls_store_save_case_finish (LsStore *self, GAsyncResult *result, GError **error)
{
  AsyncCall *call;

  if (finish_async (self, result, ls_store_save_case_async, error) == NULL)
    return FALSE;
  /* The caller's case now knows the revision its save made. */
  call = g_task_get_task_data (G_TASK (result));
  if (call->has_seen)
    ls_store_set_seen (LS_CASE (call->model), &call->seen);
  return TRUE;
}

/**
 * ls_store_load_case_finish:
 *
 * Returns: (transfer full): the case, or %NULL with @error set
 */
DEFINE_TEXT_READ (load_case, LsCase *, uuid, g_object_unref)

/**
 * ls_store_list_history_async:
 *
 * Lists the history of a case as ls_store_list_history() does, in a worker
 * thread.
 */
/**
 * ls_store_list_history_finish:
 *
 * Returns: (transfer full) (element-type LsHistoryEntry): as
 *   ls_store_list_history()
 */
DEFINE_TEXT_READ (list_history,
                  GPtrArray *,
                  case_uuid,
                  (GDestroyNotify) g_ptr_array_unref)

static gpointer
save_organisation_call (LsStore *self, AsyncCall *call, GError **error)
{
  if (!ls_store_save_organisation (self, LS_ORGANISATION (call->model), error))
    return NULL;
  return DONE;
}

static const AsyncCallKind save_organisation_kind = { save_organisation_call,
                                                      NULL, TRUE };

/**
 * ls_store_save_organisation_async:
 *
 * Saves @organisation as ls_store_save_organisation() does, in a worker
 * thread.  It is copied first, so the caller may go on changing it.
 */
void
ls_store_save_organisation_async (LsStore *self,
                                  LsOrganisation *organisation,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (LS_IS_ORGANISATION (organisation));

  run_async (self,
             async_call_new_on_copy (&save_organisation_kind,
                                     LS_TYPE_ORGANISATION, organisation),
             ls_store_save_organisation_async, cancellable, callback,
             user_data);
}

gboolean
ls_store_save_organisation_finish (LsStore *self,
                                   GAsyncResult *result,
                                   GError **error)
{
  return finish_boolean (self, result, ls_store_save_organisation_async, error);
}

/**
 * ls_store_load_organisation_async:
 *
 * Loads the organisation as ls_store_load_organisation() does, in a worker
 * thread.
 */
/**
 * ls_store_load_organisation_finish:
 *
 * Returns: (transfer full): as ls_store_load_organisation()
 */
DEFINE_READ (load_organisation, LsOrganisation *, g_object_unref)

static gpointer
next_regno_call (LsStore *self, AsyncCall *call, GError **error)
{
  return ls_store_next_regno (self, (int) call->number, error);
}

static const AsyncCallKind next_regno_kind = { next_regno_call, g_free, FALSE };

/**
 * ls_store_next_regno_async:
 *
 * Suggests a registration number as ls_store_next_regno() does, in a
 * worker thread.
 */
void
ls_store_next_regno_async (LsStore *self,
                           int year,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (year > 0 && year < 10000);

  run_async (self, async_call_new_for (&next_regno_kind, NULL, (guint) year),
             ls_store_next_regno_async, cancellable, callback, user_data);
}

/**
 * ls_store_next_regno_finish:
 *
 * Returns: (transfer full): as ls_store_next_regno()
 */
DEFINE_FINISH (next_regno, char *)

/**
 * ls_store_dup_units_in_use_async:
 *
 * Lists the units cases belong to as ls_store_dup_units_in_use() does, in
 * a worker thread.
 */
/**
 * ls_store_dup_units_in_use_finish:
 *
 * Returns: (transfer full): as ls_store_dup_units_in_use()
 */
DEFINE_READ (dup_units_in_use, GStrv, (GDestroyNotify) g_strfreev)

static gpointer
attention_items_call (LsStore *self, AsyncCall *call, GError **error)
{
  return ls_store_list_attention_items (self, LS_ORGANISATION (call->model),
                                        call->number, error);
}

static const AsyncCallKind attention_items_kind = {
  attention_items_call, (GDestroyNotify) g_ptr_array_unref, FALSE
};

/**
 * ls_store_list_attention_items_async:
 * @organisation: (nullable): as for ls_store_list_attention_items(); it is
 *   copied first, so the caller may go on changing it
 *
 * Lists what needs attention as ls_store_list_attention_items() does, in a
 * worker thread.
 */
void
ls_store_list_attention_items_async (LsStore *self,
                                     LsOrganisation *organisation,
                                     guint limit,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (organisation == NULL || LS_IS_ORGANISATION (organisation));

  call = async_call_new_on_copy (&attention_items_kind, LS_TYPE_ORGANISATION,
                                 organisation);
  call->number = limit;
  run_async (self, call, ls_store_list_attention_items_async, cancellable,
             callback, user_data);
}

/**
 * ls_store_list_attention_items_finish:
 *
 * Returns: (transfer full) (element-type LsAttentionItem): as
 *   ls_store_list_attention_items()
 */
DEFINE_FINISH (list_attention_items, GPtrArray *)

static gboolean
summaries_have (GPtrArray *rows, const char *uuid)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (ls_case_summary_get_uuid (g_ptr_array_index (rows, i)),
                   uuid) == 0)
      return TRUE;
  return FALSE;
}

static LsCaseSummary *
summarise (LsCase *lcase)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (LS_TYPE_CASE_STATUS);
  GEnumValue *status = g_enum_get_value (klass, ls_case_get_status (lcase));
  g_autofree char *title = ls_case_dup_title (lcase);

  return ls_case_summary_new (
      ls_case_get_uuid (lcase), ls_case_get_regno (lcase),
      status != NULL ? status->value_nick : NULL, NULL, NULL, title,
      ls_report_get_received_at (ls_case_get_report (lcase)), NULL, NULL);
}

/* Linked cases that the search does not rank high any more are listed all
 * the same, so that a link is never dropped unseen; a link to a case that
 * is gone is left out. */
static gpointer
similar_call (LsStore *self, AsyncCall *call, GError **error)
{
  GPtrArray *rows;

  rows = ls_store_find_similar_cases (self, call->text, call->number, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; call->strv != NULL && call->strv[i] != NULL; i++)
    {
      g_autoptr (LsCase) linked = NULL;

      if (summaries_have (rows, call->strv[i]))
        continue;
      linked = ls_store_load_case (self, call->strv[i], NULL);
      if (linked != NULL)
        g_ptr_array_add (rows, summarise (linked));
    }
  return rows;
}

static const AsyncCallKind similar_kind = { similar_call,
                                            (GDestroyNotify) g_ptr_array_unref,
                                            FALSE };

/**
 * ls_store_find_similar_cases_async:
 * @case_uuid: the case to compare with
 * @linked: (nullable) (array zero-terminated=1): the uuids of the cases
 *   linked to it
 * @limit: how many cases the search ranks at most
 *
 * Finds similar cases as ls_store_find_similar_cases() does, in a worker
 * thread, and adds every case of @linked that the search did not rank,
 * after the ranked ones.
 */
void
ls_store_find_similar_cases_async (LsStore *self,
                                   const char *case_uuid,
                                   const char *const *linked,
                                   guint limit,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (case_uuid != NULL);

  call = async_call_new_for (&similar_kind, case_uuid, limit);
  call->strv = g_strdupv ((GStrv) linked);
  run_async (self, call, ls_store_find_similar_cases_async, cancellable,
             callback, user_data);
}

/**
 * ls_store_find_similar_cases_finish:
 *
 * Returns: (transfer full) (element-type LsCaseSummary): the ranked cases,
 *   then the linked ones the search did not rank
 */
DEFINE_FINISH (find_similar_cases, GPtrArray *)

/**
 * ls_store_save_case_why_async:
 * @why: (nullable): why the case changes
 *
 * Saves @lcase as ls_store_save_case_why() does, in a worker thread;
 * finish with ls_store_save_case_finish().
 */
void
ls_store_save_case_why_async (LsStore *self,
                              LsCase *lcase,
                              const char *author,
                              const char *why,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (LS_IS_CASE (lcase));
  g_return_if_fail (author != NULL);

  call = save_case_call_new (lcase, author);
  /* Asked why, even when no answer was given. */
  call->strv = g_new0 (char *, 2);
  call->strv[0] = g_strdup (why);
  /* The same source tag: ls_store_save_case_finish() finishes both. */
  run_async (self, call, ls_store_save_case_async, cancellable, callback,
             user_data);
}

/* The bytes travel as the call's model, wrapped: GBytes is not a GObject. */
static gpointer
add_attachment_call (LsStore *self, AsyncCall *call, GError **error)
{
  GBytes *data = g_object_get_data (call->model, "ls-bytes");

  return ls_store_add_attachment (self, call->text, LS_ATTACHMENT (call->model),
                                  data, error);
}

static const AsyncCallKind add_attachment_kind = { add_attachment_call,
                                                   g_object_unref, TRUE };

void
ls_store_add_attachment_async (LsStore *self,
                               const char *case_uuid,
                               LsAttachment *attachment,
                               GBytes *data,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (LS_IS_ATTACHMENT (attachment));

  call = async_call_new_for (&add_attachment_kind, case_uuid, 0);
  call->model = g_object_ref (G_OBJECT (attachment));
  g_object_set_data_full (call->model, "ls-bytes", g_bytes_ref (data),
                          (GDestroyNotify) g_bytes_unref);
  run_async (self, call, ls_store_add_attachment_async, cancellable, callback,
             user_data);
}

DEFINE_FINISH (add_attachment, LsAttachment *)

DEFINE_TEXT_READ (list_attachments,
                  GPtrArray *,
                  case_uuid,
                  (GDestroyNotify) g_ptr_array_unref)

static gpointer
backup_call (LsStore *self, AsyncCall *call, GError **error)
{
  return ls_store_backup (self, call->text, error) ? DONE : NULL;
}

static const AsyncCallKind backup_kind = { backup_call, NULL, TRUE };

/**
 * ls_store_backup_async:
 *
 * Writes a copy as ls_store_backup() does, in a worker thread.
 */
DEFINE_TEXT_ASYNC (backup, path, backup_kind)

gboolean
ls_store_backup_finish (LsStore *self, GAsyncResult *result, GError **error)
{
  return finish_boolean (self, result, ls_store_backup_async, error);
}

static gpointer
restore_call (LsStore *self, AsyncCall *call, GError **error)
{
  return ls_store_restore (self, call->strv[0], call->strv[1], error) ? DONE
                                                                      : NULL;
}

static const AsyncCallKind restore_kind = { restore_call, NULL, TRUE };

/**
 * ls_store_restore_async:
 *
 * Restores a copy as ls_store_restore() does, in a worker thread.
 */
void
ls_store_restore_async (LsStore *self,
                        const char *copy,
                        const char *keep,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (copy != NULL);
  g_return_if_fail (keep != NULL);

  call = async_call_new_for (&restore_kind, NULL, 0);
  call->strv = g_strdupv ((char *[]){ (char *) copy, (char *) keep, NULL });
  run_async (self, call, ls_store_restore_async, cancellable, callback,
             user_data);
}

gboolean
ls_store_restore_finish (LsStore *self, GAsyncResult *result, GError **error)
{
  return finish_boolean (self, result, ls_store_restore_async, error);
}

static gpointer
check_copy_call (LsStore *self, AsyncCall *call, GError **error)
{
  gint64 n = ls_store_check_copy (self, call->text, error);
  gint64 *result;

  if (n < 0)
    return NULL;
  result = g_new (gint64, 1);
  *result = n;
  return result;
}

static const AsyncCallKind check_copy_kind = { check_copy_call, g_free, FALSE };

/**
 * ls_store_check_copy_async:
 *
 * Checks a copy as ls_store_check_copy() does, in a worker thread.
 */
DEFINE_TEXT_ASYNC (check_copy, copy, check_copy_kind)

/**
 * ls_store_check_copy_finish:
 *
 * Returns: how many cases the copy holds, or -1 with @error set
 */
gint64
ls_store_check_copy_finish (LsStore *self, GAsyncResult *result, GError **error)
{
  g_autofree gint64 *n =
      finish_async (self, result, ls_store_check_copy_async, error);

  return n != NULL ? *n : -1;
}

/**
 * ls_store_load_people_async:
 *
 * Loads the register as ls_store_load_people() does, in a worker thread.
 */
/**
 * ls_store_load_people_finish:
 *
 * Returns: (transfer full): as ls_store_load_people()
 */
DEFINE_READ (load_people, LsPeopleRegister *, g_object_unref)

static gpointer
save_people_call (LsStore *self, AsyncCall *call, GError **error)
{
  if (!ls_store_save_people (self, LS_PEOPLE_REGISTER (call->model), error))
    return NULL;
  return DONE;
}

static const AsyncCallKind save_people_kind = { save_people_call, NULL, TRUE };

/**
 * ls_store_save_people_async:
 *
 * Saves @register_ as ls_store_save_people() does, in a worker thread.
 * It is copied first, so the caller may go on changing it.
 */
void
ls_store_save_people_async (LsStore *self,
                            LsPeopleRegister *register_,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (LS_IS_PEOPLE_REGISTER (register_));

  run_async (self,
             async_call_new_on_copy (&save_people_kind, LS_TYPE_PEOPLE_REGISTER,
                                     register_),
             ls_store_save_people_async, cancellable, callback, user_data);
}

gboolean
ls_store_save_people_finish (LsStore *self,
                             GAsyncResult *result,
                             GError **error)
{
  return finish_boolean (self, result, ls_store_save_people_async, error);
}

static gpointer
import_people_call (LsStore *self, AsyncCall *call, GError **error)
{
  g_autoptr (GFile) file = NULL;
  LsPeopleCsvCounts *counts;

  if (call->text == NULL)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID,
                   _ ("The staff list must be a file on this computer."));
      return NULL;
    }
  file = g_file_new_for_path (call->text);
  counts = g_new0 (LsPeopleCsvCounts, 1);
  if (!ls_store_import_people (self, file, call->strv[0], counts, error))
    {
      g_free (counts);
      return NULL;
    }
  return counts;
}

static const AsyncCallKind import_people_kind = { import_people_call, g_free,
                                                  TRUE };

/**
 * ls_store_import_people_async:
 * @file: a local file
 *
 * Imports a staff list as ls_store_import_people() does, in a worker
 * thread.
 */
void
ls_store_import_people_async (LsStore *self,
                              GFile *file,
                              const char *today,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  AsyncCall *call;
  const char *days[] = { today, NULL };

  g_return_if_fail (LS_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (today != NULL);

  call = async_call_new_for (&import_people_kind, NULL, 0);
  call->text = g_file_get_path (file);
  call->strv = g_strdupv ((char **) days);
  run_async (self, call, ls_store_import_people_async, cancellable, callback,
             user_data);
}

/**
 * ls_store_import_people_finish:
 * @counts: (out) (optional): what the import did
 */
gboolean
ls_store_import_people_finish (LsStore *self,
                               GAsyncResult *result,
                               LsPeopleCsvCounts *counts,
                               GError **error)
{
  g_autofree LsPeopleCsvCounts *done =
      finish_async (self, result, ls_store_import_people_async, error);

  if (done == NULL)
    return FALSE;
  if (counts != NULL)
    *counts = *done;
  return TRUE;
}

/**
 * ls_store_compute_statistics_async:
 *
 * Counts the statistics as ls_store_compute_statistics() does, in a worker
 * thread.
 */
/**
 * ls_store_compute_statistics_finish:
 *
 * Returns: (transfer full): as ls_store_compute_statistics()
 */
DEFINE_QUERY_READ (ls_store_compute_statistics, LsStatistics *)

/**
 * ls_digest_new_from_store_async:
 *
 * Makes the digest as ls_digest_new_from_store() does, in a worker thread.
 */
/**
 * ls_digest_new_from_store_finish:
 *
 * Returns: (transfer full): as ls_digest_new_from_store()
 */
DEFINE_QUERY_READ (ls_digest_new_from_store, LsDigest *)

/* The units travel as the call's strv, the day as its text. */
static gpointer
follow_ups_call (LsStore *self, AsyncCall *call, GError **error)
{
  return ls_store_list_follow_ups (self, (const char *const *) call->strv,
                                   call->text, error);
}

static const AsyncCallKind follow_ups_kind = {
  follow_ups_call, (GDestroyNotify) g_ptr_array_unref, FALSE
};

/**
 * ls_store_list_follow_ups_async:
 *
 * Lists the follow-ups due as ls_store_list_follow_ups() does, in a worker
 * thread.
 */
void
ls_store_list_follow_ups_async (LsStore *self,
                                const char *const *units,
                                const char *today,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  AsyncCall *call;

  g_return_if_fail (LS_IS_STORE (self));

  call = async_call_new_for (&follow_ups_kind, today, 0);
  call->strv = g_strdupv ((GStrv) units);
  run_async (self, call, ls_store_list_follow_ups_async, cancellable, callback,
             user_data);
}

/**
 * ls_store_list_follow_ups_finish:
 *
 * Returns: (transfer full) (element-type LsFollowUp) (nullable): as
 *   ls_store_list_follow_ups()
 */
DEFINE_FINISH (list_follow_ups, GPtrArray *)
