/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-saver"

#include "config.h"

#include "ls-case-saver.h"
#include "ls-rules.h"

/* Saves a wizard's case through the store, off the main loop, one save at
 * a time: a save asked for while one runs follows it with whatever the
 * case holds by then.  A new case gets the next registration number of
 * the year on its first save.  It knows what the store holds, so that an
 * unchanged case is not saved again: a wizard closed without a change
 * leaves the store as it was. */

struct _LsCaseSaver
{
  GObject parent_instance;

  LsStore *store;
  LsOrganisation *organisation;
  char *author;
  char *why; /* why the case changes, once asked */
  LsCase *lcase;
  GCancellable *cancellable;

  char *stored_json;  /* the case as the store has it; NULL if unknown */
  char *sending_json; /* the case as it is being saved */
  gboolean busy;
  gboolean again;
  gboolean regno_assigned;
  guint regno_tries;
};

G_DEFINE_FINAL_TYPE (LsCaseSaver, ls_case_saver, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Another window may have taken the number between the suggestion and
 * the save; a new one is asked for this many times. */
#define MAX_REGNO_TRIES 3

static char *
dup_case_json (LsCase *lcase)
{
  g_autoptr (JsonObject) object = ls_case_to_json (lcase);
  g_autoptr (JsonNode) node =
      json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

static void
set_busy (LsCaseSaver *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void start_save (LsCaseSaver *self);
static void next_regno (LsCaseSaver *self);
static void save_now (LsCaseSaver *self);

static void
finish_one (LsCaseSaver *self)
{
  set_busy (self, FALSE);
  if (self->again)
    {
      self->again = FALSE;
      save_now (self);
      if (self->busy)
        return;
    }
  g_signal_emit (self, signals[SAVED], 0);
}

static void
save_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsCaseSaver) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ls_store_save_case_finish (LS_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_pointer (&self->sending_json, g_free);
      if (g_error_matches (error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE) &&
          self->regno_assigned && self->regno_tries < MAX_REGNO_TRIES)
        {
          ls_case_set_regno (self->lcase, NULL);
          next_regno (self);
          return;
        }
      self->again = FALSE;
      set_busy (self, FALSE);
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  g_free (self->stored_json);
  self->stored_json = g_steal_pointer (&self->sending_json);
  self->regno_assigned = FALSE;
  self->regno_tries = 0;
  finish_one (self);
}

static void
start_save (LsCaseSaver *self)
{
  g_free (self->sending_json);
  self->sending_json = dup_case_json (self->lcase);
  /* Without a reason the store refuses a change of a concluded or
   * notified case (%LS_ERROR_REASON_REQUIRED): whoever shows the saver's
   * failure asks why, sets it and saves again. */
  ls_store_save_case_why_async (self->store, self->lcase, self->author,
                                self->why, self->cancellable, save_cb,
                                g_object_ref (self));
}

static void
regno_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsCaseSaver) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *regno = NULL;

  regno = ls_store_next_regno_finish (LS_STORE (source), result, &error);
  if (regno == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->again = FALSE;
      set_busy (self, FALSE);
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }
  ls_case_set_regno (self->lcase, regno);
  self->regno_assigned = TRUE;
  start_save (self);
}

static void
next_regno (LsCaseSaver *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  self->regno_tries++;
  ls_store_next_regno_async (self->store, g_date_time_get_year (now),
                             self->cancellable, regno_cb, g_object_ref (self));
}

static void
ls_case_saver_dispose (GObject *object)
{
  LsCaseSaver *self = LS_CASE_SAVER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lcase);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (ls_case_saver_parent_class)->dispose (object);
}

static void
ls_case_saver_finalize (GObject *object)
{
  LsCaseSaver *self = LS_CASE_SAVER (object);

  g_free (self->author);
  g_free (self->why);
  g_free (self->stored_json);
  g_free (self->sending_json);

  G_OBJECT_CLASS (ls_case_saver_parent_class)->finalize (object);
}

static void
ls_case_saver_get_property (GObject *object,
                            guint prop_id,
                            GValue *value,
                            GParamSpec *pspec)
{
  LsCaseSaver *self = LS_CASE_SAVER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_case_saver_class_init (LsCaseSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ls_case_saver_dispose;
  object_class->finalize = ls_case_saver_finalize;
  object_class->get_property = ls_case_saver_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean (
      "busy", "Busy", "Whether a save is under way", FALSE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LsCaseSaver::saved:
   *
   * The store holds the case as it was when the last save began.
   */
  signals[SAVED] =
      g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * LsCaseSaver::failed:
   * @error: why, such as a full disk or a read-only file
   *
   * The case could not be saved; it is unchanged, and the next save tries
   * again with everything it holds.
   */
  signals[FAILED] =
      g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
ls_case_saver_init (LsCaseSaver *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * ls_case_saver_new:
 * @organisation: (nullable): the organisation the store checks cases
 *   against, its units and its kind
 * @author: who makes the changes, for the history
 *
 * Returns: (transfer full): a saver without a case
 */
LsCaseSaver *
ls_case_saver_new (LsStore *store,
                   LsOrganisation *organisation,
                   const char *author)
{
  LsCaseSaver *self;

  g_return_val_if_fail (LS_IS_STORE (store), NULL);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (author != NULL, NULL);

  self = g_object_new (LS_TYPE_CASE_SAVER, NULL);
  self->store = g_object_ref (store);
  if (organisation != NULL)
    self->organisation = g_object_ref (organisation);
  self->author = g_strdup (author);
  return self;
}

/**
 * ls_case_saver_set_case:
 * @lcase: the case the wizard works on
 * @stored: whether the store holds @lcase exactly as it is
 */
void
ls_case_saver_set_case (LsCaseSaver *self, LsCase *lcase, gboolean stored)
{
  g_return_if_fail (LS_IS_CASE_SAVER (self));
  g_return_if_fail (LS_IS_CASE (lcase));

  g_set_object (&self->lcase, lcase);
  g_clear_pointer (&self->stored_json, g_free);
  if (stored)
    self->stored_json = dup_case_json (lcase);
}

static void
save_now (LsCaseSaver *self)
{
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }
  if (ls_case_saver_get_saved (self))
    return;

  set_busy (self, TRUE);
  if (ls_case_get_regno (self->lcase) == NULL)
    {
      self->regno_tries = 0;
      next_regno (self);
    }
  else
    {
      start_save (self);
    }
}

/**
 * ls_case_saver_save:
 * @bad_path: (out) (optional) (transfer full): the field the rules find
 *   wrong, when they do
 *
 * Saves the case as it is now, unless the store already holds it so, or
 * the rules find it wrong: the store would refuse it, so it is not sent,
 * and @error says why, for the field at @bad_path.  Otherwise ends with
 * #LsCaseSaver::saved or #LsCaseSaver::failed; @busy tells whether one is
 * under way.
 *
 * Returns: whether the case is sound enough to be saved
 */
gboolean
ls_case_saver_save (LsCaseSaver *self, char **bad_path, GError **error)
{
  g_return_val_if_fail (LS_IS_CASE_SAVER (self), FALSE);
  g_return_val_if_fail (self->lcase != NULL, FALSE);

  if (!ls_rules_find_invalid (self->lcase, self->organisation, NULL, bad_path,
                              error))
    return FALSE;
  save_now (self);
  return TRUE;
}

/**
 * ls_case_saver_get_saved:
 *
 * Returns: whether the store holds the case as it is now, so that there
 *   is nothing to save
 */
gboolean
ls_case_saver_get_saved (LsCaseSaver *self)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (LS_IS_CASE_SAVER (self), FALSE);
  g_return_val_if_fail (self->lcase != NULL, FALSE);

  if (self->stored_json == NULL)
    return FALSE;
  json = dup_case_json (self->lcase);
  return g_str_equal (json, self->stored_json);
}

gboolean
ls_case_saver_get_busy (LsCaseSaver *self)
{
  g_return_val_if_fail (LS_IS_CASE_SAVER (self), FALSE);

  return self->busy;
}

/**
 * ls_case_saver_cancel:
 *
 * Stops listening for saves under way; a save already handed to the store
 * still completes there.
 */
void
ls_case_saver_cancel (LsCaseSaver *self)
{
  g_return_if_fail (LS_IS_CASE_SAVER (self));

  g_cancellable_cancel (self->cancellable);
}

/**
 * ls_case_saver_set_why:
 * @why: (nullable): why the case changes
 *
 * From now on every save records @why with its changes in the history,
 * as a change after a conclusion or a notification must (see
 * ls_store_save_case_why()).
 */
void
ls_case_saver_set_why (LsCaseSaver *self, const char *why)
{
  g_return_if_fail (LS_IS_CASE_SAVER (self));

  g_free (self->why);
  self->why = g_strdup (why);
}
