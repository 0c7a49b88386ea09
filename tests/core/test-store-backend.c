/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-core-test.h"
#include "ls-store-backend-private.h"
#include "ls-store.h"

/* A backend of a few virtual methods, in memory: what the base class
 * builds on them (the _async pairs, "changed" from a worker, the similar
 * cases with their links) works without any SQL. */

#define LS_TYPE_MEMORY_STORE (ls_memory_store_get_type ())
G_DECLARE_FINAL_TYPE (LsMemoryStore, ls_memory_store, LS, MEMORY_STORE, LsStore)

struct _LsMemoryStore
{
  LsStore parent_instance;

  GMutex mutex;
  GHashTable *cases; /* uuid -> JSON of the case */
};

G_DEFINE_FINAL_TYPE (LsMemoryStore, ls_memory_store, LS_TYPE_STORE)

static const char *
memory_get_location (LsStore *store)
{
  return "memory:";
}

static gboolean
memory_save_case (LsStore *store,
                  LsCase *lcase,
                  const char *author,
                  GError **error)
{
  LsMemoryStore *self = LS_MEMORY_STORE (store);

  g_mutex_lock (&self->mutex);
  g_hash_table_insert (self->cases, g_strdup (ls_case_get_uuid (lcase)),
                       ls_case_to_json (lcase));
  g_mutex_unlock (&self->mutex);
  ls_store_emit_changed (store, ls_case_get_uuid (lcase));
  return TRUE;
}

static LsCase *
memory_load_case (LsStore *store, const char *uuid, GError **error)
{
  LsMemoryStore *self = LS_MEMORY_STORE (store);
  g_autoptr (JsonObject) object = NULL;

  g_mutex_lock (&self->mutex);
  object = g_hash_table_lookup (self->cases, uuid);
  if (object != NULL)
    json_object_ref (object);
  g_mutex_unlock (&self->mutex);
  if (object == NULL)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                   "No such case");
      return NULL;
    }
  return ls_case_new_from_json (object, NULL, error);
}

static GPtrArray *
memory_find_similar_cases (LsStore *store,
                           const char *case_uuid,
                           guint limit,
                           GError **error)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
ls_memory_store_finalize (GObject *object)
{
  LsMemoryStore *self = LS_MEMORY_STORE (object);

  g_hash_table_unref (self->cases);
  g_mutex_clear (&self->mutex);
  G_OBJECT_CLASS (ls_memory_store_parent_class)->finalize (object);
}

static void
ls_memory_store_class_init (LsMemoryStoreClass *klass)
{
  LsStoreClass *store_class = LS_STORE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ls_memory_store_finalize;
  store_class->get_location = memory_get_location;
  store_class->save_case = memory_save_case;
  store_class->load_case = memory_load_case;
  store_class->find_similar_cases = memory_find_similar_cases;
}

static void
ls_memory_store_init (LsMemoryStore *self)
{
  g_mutex_init (&self->mutex);
  self->cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) json_object_unref);
}

static void
changed_cb (LsStore *store, const char *uuid, char **changed)
{
  g_free (*changed);
  *changed = g_strdup (uuid);
}

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_memory_backend (void)
{
  g_autoptr (LsStore) store = g_object_new (LS_TYPE_MEMORY_STORE, NULL);
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (1);
  g_autoptr (LsCase) linked = ls_core_test_numbered_case (2);
  g_autoptr (GAsyncResult) saved = NULL;
  g_autoptr (GAsyncResult) loaded = NULL;
  g_autoptr (GAsyncResult) similar = NULL;
  g_autoptr (LsCase) back = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *changed = NULL;
  const char *links[] = { ls_case_get_uuid (linked), NULL };

  g_assert_cmpstr (ls_store_get_location (store), ==, "memory:");
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changed);
  g_assert_true (ls_store_save_case (store, linked, "Maria", &error));

  ls_store_save_case_async (store, lcase, "Maria", NULL, result_cb, &saved);
  while (saved == NULL || g_strcmp0 (changed, ls_case_get_uuid (lcase)) != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ls_store_save_case_finish (store, saved, &error));
  g_assert_no_error (error);

  ls_store_load_case_async (store, ls_case_get_uuid (lcase), NULL, result_cb,
                            &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  back = ls_store_load_case_finish (store, loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ls_case_get_regno (back), ==, "VON-2026-00001");

  ls_store_find_similar_cases_async (store, ls_case_get_uuid (lcase), links, 5,
                                     NULL, result_cb, &similar);
  while (similar == NULL)
    g_main_context_iteration (NULL, TRUE);
  rows = ls_store_find_similar_cases_finish (store, similar, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (ls_case_summary_get_regno (rows->pdata[0]), ==,
                   "VON-2026-00002");
}

/* The words similar cases are found by: long ones, lower case, each
 * once however often the text repeats it (a repeated word used to leave
 * a freed copy in the table of those seen). */
static void
test_similar_words (void)
{
  g_autoptr (GPtrArray) words = ls_store_similar_words (
      "Dosetten stämde inte med dosetten. Medicin, medicin och DOSETTEN; "
      "listan i medicinskåpet och dosetten.");
  const char *const expected[] = { "dosetten", "stämde", "medicin", "listan",
                                   "medicinskåpet" };

  g_assert_cmpuint (words->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (words->pdata[i], ==, expected[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/backend/memory", test_memory_backend);
  g_test_add_func ("/store/backend/similar-words", test_similar_words);
  return g_test_run ();
}
