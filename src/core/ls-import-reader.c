/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include "ls-import-reader.h"
#include "ls-rules.h"
#include "ls-store-backend-private.h"

/* Reading a case from its JSON, checking it and serialising it again is a
 * quarter of an import's time and needs nothing of the database, so that
 * a thread of its own does it while the writer writes the cases before.
 * It keeps at most AHEAD cases ready: enough that the writer does not
 * wait, few enough that a large document is not held twice in memory. */
#define AHEAD 32

struct _LsImportReader
{
  JsonArray *cases;
  LsOrganisation *organisation; /* the reader's own copy */
  guint n_cases;
  GThread *thread; /* NULL: read on the writer's thread */
  guint next;      /* without a thread: the next case to read */

  GMutex mutex;
  GCond has_ready;
  GCond has_room;
  GQueue ready;  /* in the document's order */
  GQueue done;   /* saved, for the thread to free */
  GError *error; /* why the case after the last ready one cannot be read */
  gboolean stopping;
  gboolean finished;
};

static void
free_records (GQueue *records)
{
  LsStoreRecord *record;

  while ((record = g_queue_pop_head (records)) != NULL)
    ls_store_record_free (record);
}

static LsStoreRecord *
read_record (LsImportReader *self, guint index, GError **error)
{
  g_autoptr (LsCase) lcase = ls_store_read_case (self->cases, index, error);

  return lcase != NULL ? ls_store_record_new (lcase, self->organisation) : NULL;
}

static gpointer
read_cases_cb (gpointer data)
{
  LsImportReader *self = data;

  for (guint i = 0; i < self->n_cases; i++)
    {
      GQueue done = G_QUEUE_INIT;
      GError *error = NULL;
      LsStoreRecord *record;
      gboolean stopping;

      g_mutex_lock (&self->mutex);
      while (!self->stopping && self->ready.length >= AHEAD)
        g_cond_wait (&self->has_room, &self->mutex);
      stopping = self->stopping;
      done = self->done;
      g_queue_init (&self->done);
      g_mutex_unlock (&self->mutex);

      /* The cases the writer is done with are let go here, not there. */
      free_records (&done);
      if (stopping)
        break;

      record = read_record (self, i, &error);
      g_mutex_lock (&self->mutex);
      if (record != NULL)
        g_queue_push_tail (&self->ready, record);
      else
        self->error = error;
      g_cond_signal (&self->has_ready);
      g_mutex_unlock (&self->mutex);
      if (record == NULL)
        break;
    }

  g_mutex_lock (&self->mutex);
  self->finished = TRUE;
  g_cond_signal (&self->has_ready);
  g_mutex_unlock (&self->mutex);
  return NULL;
}

/* A copy of @organisation for the reading thread alone: an object of the
 * model is never used by two threads at once, and its list of units
 * remembers where it was last read.  %NULL if it cannot be copied. */
static LsOrganisation *
copy_organisation (LsOrganisation *organisation)
{
  g_autoptr (JsonObject) json = ls_organisation_to_json (organisation);

  return ls_organisation_new_from_json (json, NULL, NULL);
}

/**
 * ls_store_record_new:
 *
 * Checks @lcase against @organisation and, when it is valid, serialises
 * it as the store keeps it.
 *
 * Returns: (transfer full): the record, with ls_rules_validate()'s error in
 *   its invalid when the case is not valid
 */
LsStoreRecord *
ls_store_record_new (LsCase *lcase, LsOrganisation *organisation)
{
  LsStoreRecord *record = g_new0 (LsStoreRecord, 1);

  record->lcase = g_object_ref (lcase);
  if (!ls_rules_validate (lcase, organisation, NULL, &record->invalid))
    return record;
  record->item_json = g_ptr_array_new_with_free_func (g_free);
  record->search_text = g_string_new (NULL);
  record->json =
      ls_store_serialize_case (lcase, record->item_json, record->search_text);
  return record;
}

/**
 * ls_store_record_check:
 *
 * Returns: whether the record's case is valid, or %FALSE with a copy of
 *   ls_rules_validate()'s error in @error
 */
gboolean
ls_store_record_check (LsStoreRecord *record, GError **error)
{
  if (record->invalid == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (record->invalid));
  return FALSE;
}

void
ls_store_record_free (LsStoreRecord *record)
{
  if (record == NULL)
    return;
  g_object_unref (record->lcase);
  g_free (record->json);
  g_clear_pointer (&record->item_json, g_ptr_array_unref);
  if (record->search_text != NULL)
    g_string_free (record->search_text, TRUE);
  g_clear_error (&record->invalid);
  g_free (record);
}

/**
 * ls_import_reader_new:
 * @cases: the document's cases, read by ls_store_read_document()
 * @organisation: what the cases are checked against
 *
 * Starts reading @cases.  The caller keeps @cases unchanged until it
 * frees the reader.
 *
 * Returns: (transfer full): the reader
 */
LsImportReader *
ls_import_reader_new (JsonArray *cases, LsOrganisation *organisation)
{
  LsImportReader *self = g_new0 (LsImportReader, 1);

  self->cases = json_array_ref (cases);
  self->n_cases = json_array_get_length (cases);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->has_ready);
  g_cond_init (&self->has_room);
  /* One case is read as fast where it is saved; without a thread, the
   * import is as it was, only slower. */
  if (self->n_cases > 1)
    self->organisation = copy_organisation (organisation);
  if (self->organisation != NULL)
    self->thread =
        g_thread_try_new ("ls-import-reader", read_cases_cb, self, NULL);
  if (self->thread == NULL)
    g_set_object (&self->organisation, organisation);
  return self;
}

/**
 * ls_import_reader_next:
 *
 * The next case of the document, in its order.  Hand it back with
 * ls_import_reader_done() once it is saved.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with @error
 *   when the case cannot be read from the document
 */
LsStoreRecord *
ls_import_reader_next (LsImportReader *self, GError **error)
{
  LsStoreRecord *record;

  if (self->thread == NULL)
    {
      g_return_val_if_fail (self->next < self->n_cases, NULL);
      return read_record (self, self->next++, error);
    }

  g_mutex_lock (&self->mutex);
  while (self->ready.length == 0 && !self->finished)
    g_cond_wait (&self->has_ready, &self->mutex);
  record = g_queue_pop_head (&self->ready);
  if (record != NULL)
    g_cond_signal (&self->has_room);
  else if (self->error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->error));
  g_mutex_unlock (&self->mutex);
  g_return_val_if_fail (record != NULL || error == NULL || *error != NULL,
                        NULL);
  return record;
}

/**
 * ls_import_reader_done:
 * @record: (transfer full): a record of ls_import_reader_next()
 *
 * Lets go of @record on the reading thread, where that costs the writer
 * nothing.
 */
void
ls_import_reader_done (LsImportReader *self, LsStoreRecord *record)
{
  if (self->thread == NULL)
    {
      ls_store_record_free (record);
      return;
    }
  g_mutex_lock (&self->mutex);
  g_queue_push_tail (&self->done, record);
  g_mutex_unlock (&self->mutex);
}

/* Stops the thread where it is: an import that failed reads no further. */
void
ls_import_reader_free (LsImportReader *self)
{
  if (self == NULL)
    return;
  if (self->thread != NULL)
    {
      g_mutex_lock (&self->mutex);
      self->stopping = TRUE;
      g_cond_signal (&self->has_room);
      g_mutex_unlock (&self->mutex);
      g_thread_join (self->thread);
    }
  free_records (&self->ready);
  free_records (&self->done);
  g_clear_error (&self->error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->has_ready);
  g_cond_clear (&self->has_room);
  g_clear_object (&self->organisation);
  json_array_unref (self->cases);
  g_free (self);
}
