/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include "ls-store-backend-private.h"

/* The cases of an import, read from its document in a thread of their
 * own while the import writes those read before: reading a case into the
 * model is about half of what an import costs beside the database's own
 * work.  Each case is read by ls_store_read_case(), as it would be in
 * the import's thread, and handed over in the document's order; the
 * first case that cannot be read ends the reading, with its error, so
 * that the import fails on the same case with the same message. */

/* How many cases may wait, read, for the import: a few, so that a large
 * document is not held twice in memory. */
#define READ_AHEAD 32

/* The written cases go back to the reader this many at a time, each
 * letting it read one more: waking it for each case cost more than it
 * saved on a busy machine.  Below READ_AHEAD, so that the import never
 * waits for a case the reader may not read yet. */
#define RELEASE_BATCH 8

/* In @wanted after the batches: the import needs no more. */
static char stop_token;
#define STOP ((gpointer) &stop_token)

typedef struct
{
  LsCase *lcase;
  GError *error;
} ReadCase;

struct _LsStoreCaseReader
{
  JsonArray *cases; /* borrowed: the import holds its document */
  guint n_cases;
  guint next;          /* the index the import asks for next */
  GAsyncQueue *read;   /* ReadCase, in the document's order */
  GAsyncQueue *wanted; /* GPtrArray of written cases, or STOP */
  GPtrArray *written;  /* the import's, not yet handed back */
  gint stop;           /* atomic: the import needs no more */
  GThread *thread;
};

static void
read_case_free (gpointer data)
{
  ReadCase *read = data;

  g_clear_object (&read->lcase);
  g_clear_error (&read->error);
  g_free (read);
}

static void
wanted_free (gpointer data)
{
  if (data != STOP)
    g_ptr_array_unref (data);
}

static gpointer
read_cases (gpointer data)
{
  LsStoreCaseReader *self = data;
  gboolean failed = FALSE;
  guint allowed = READ_AHEAD;
  guint next = 0;

  for (;;)
    {
      gpointer token;

      while (allowed > 0 && !failed && next < self->n_cases &&
             !g_atomic_int_get (&self->stop))
        {
          ReadCase *read = g_new0 (ReadCase, 1);

          read->lcase = ls_store_read_case (self->cases, next++, &read->error);
          failed = read->lcase == NULL;
          allowed--;
          g_async_queue_push (self->read, read);
        }
      token = g_async_queue_pop (self->wanted);
      if (token == STOP)
        break;
      /* Lets go of the written cases here: freeing a case costs the
       * import a fifth of writing it. */
      allowed += ((GPtrArray *) token)->len;
      g_ptr_array_unref (token);
    }
  return NULL;
}

/* Starts reading @cases, each of which the import then takes with
 * ls_store_case_reader_next(), in order. */
LsStoreCaseReader *
ls_store_case_reader_new (JsonArray *cases)
{
  LsStoreCaseReader *self = g_new0 (LsStoreCaseReader, 1);

  self->cases = cases;
  self->n_cases = json_array_get_length (cases);
  self->read = g_async_queue_new_full (read_case_free);
  self->wanted = g_async_queue_new_full (wanted_free);
  self->written = g_ptr_array_new_with_free_func (g_object_unref);
  self->thread = g_thread_new ("ls-import-read", read_cases, self);
  return self;
}

/* Returns: (transfer full) (nullable): case @index, the next one, as
 * ls_store_read_case() reads it, or %NULL with its @error */
LsCase *
ls_store_case_reader_next (LsStoreCaseReader *self, guint index, GError **error)
{
  ReadCase *read;
  LsCase *lcase;

  g_return_val_if_fail (index == self->next && index < self->n_cases, NULL);

  read = g_async_queue_pop (self->read);
  self->next++;
  lcase = g_steal_pointer (&read->lcase);
  if (lcase == NULL)
    g_propagate_error (error, g_steal_pointer (&read->error));
  read_case_free (read);
  return lcase;
}

/* Lets go of @lcase, taken from @self and written, in the reader's
 * thread. */
void
ls_store_case_reader_release (LsStoreCaseReader *self, LsCase *lcase)
{
  g_ptr_array_add (self->written, lcase);
  if (self->written->len < RELEASE_BATCH)
    return;
  g_async_queue_push (self->wanted, self->written);
  self->written = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Stops the reading, waits for it, and lets go of what was read and not
 * taken. */
void
ls_store_case_reader_free (LsStoreCaseReader *self)
{
  g_atomic_int_set (&self->stop, 1);
  g_async_queue_push (self->wanted, STOP);
  g_thread_join (self->thread);
  g_async_queue_unref (self->read);
  g_async_queue_unref (self->wanted);
  g_ptr_array_unref (self->written);
  g_free (self);
}
