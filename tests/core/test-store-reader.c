/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-case-list.h"
#include "ls-core-test.h"
#include "ls-rules.h"
#include "ls-sqlite-store-private.h"
#include "ls-store.h"

/* The store's reads that a window makes on its main loop (count, pages of
 * the list, search, a case) never wait for a write; "changed" names the
 * case; the attention list and the similar cases as core calls. */

#define N_CASES 450

typedef struct
{
  char *dir;
  char *path;
  LsStore *store;
  gint64 n_cases;

  /* The writer, waiting for a lock in another thread. */
  GMutex mutex;
  GCond cond;
  gboolean writer_waits;
  gboolean saved;
  char *save_error;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) example = ls_core_test_load_example ();
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (N_CASES);

  f->dir = ls_core_test_make_tmpdir ("reader");
  f->path = g_build_filename (f->dir, "cases.db", NULL);
  f->store = ls_store_open (f->path, &error);
  g_assert_no_error (error);
  /* The example's cases first, for the attention list: the numbered ones,
   * saved later, come first in the list. */
  g_assert_true (
      ls_store_import_document (f->store, example, "Maria", NULL, &error));
  g_assert_true (
      ls_store_import_document (f->store, document, "Maria", NULL, &error));
  g_assert_no_error (error);
  f->n_cases = ls_store_count_cases (f->store, NULL, &error);
  g_assert_cmpint (f->n_cases, >, N_CASES);
  g_mutex_init (&f->mutex);
  g_cond_init (&f->cond);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  /* "changed" of a save in a thread waits in the main context. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->store);
  ls_core_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->save_error);
  g_mutex_clear (&f->mutex);
  g_cond_clear (&f->cond);
}

static void
writer_waits_cb (gpointer user_data)
{
  Fixture *f = user_data;

  g_mutex_lock (&f->mutex);
  f->writer_waits = TRUE;
  g_cond_signal (&f->cond);
  g_mutex_unlock (&f->mutex);
}

static gpointer
save_thread (gpointer user_data)
{
  Fixture *f = user_data;
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (N_CASES + 1);
  g_autoptr (GError) error = NULL;

  f->saved = ls_store_save_case (f->store, lcase, "Maria", &error);
  if (error != NULL)
    f->save_error = g_strdup (error->message);
  return NULL;
}

/* Position @position of the list, newest first: the import saved every
 * case at the same time, so the order is the reverse of the numbers. */
static void
assert_item (GListModel *list, guint position, guint n)
{
  g_autoptr (LsCaseSummary) item = g_list_model_get_item (list, position);
  g_autofree char *regno = g_strdup_printf ("VON-2026-%05u", n);

  g_assert_nonnull (item);
  g_assert_cmpstr (ls_case_summary_get_regno (item), ==, regno);
}

/* Another program holds the write lock, and the store's writer waits for
 * it in a worker thread, holding the writer's mutex: every read of the
 * list answers all the same, from the committed data.  Had they to wait
 * for the writer, they would come only after its save had given up (the
 * lock is let go after the reads), and the save would fail. */
static void
test_reads_beside_writer (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCaseList) list = ls_case_list_new (f->store);
  LsStoreQuery falls = { .search = "fallolycka" };
  LsStoreQuery closed = { .status = "closed" };
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) attention = NULL;
  g_autoptr (LsCase) lcase = NULL;
  g_autofree char *uuid = ls_core_test_uuid (7);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) attention_before =
      ls_store_list_attention (f->store, 1000, NULL);
  gint64 n_found = ls_store_count_cases (f->store, &falls, NULL);
  sqlite3 *other = ls_core_test_open_raw (f->path);
  GThread *thread;

  g_assert_cmpuint (attention_before->len, >, 0);
  g_assert_cmpint (n_found, >=, N_CASES / 5);

  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  ls_sqlite_store_set_busy_hook (LS_SQLITE_STORE (f->store), writer_waits_cb,
                                 f);
  thread = g_thread_new ("save", save_thread, f);
  g_mutex_lock (&f->mutex);
  while (!f->writer_waits)
    g_cond_wait (&f->cond, &f->mutex);
  g_mutex_unlock (&f->mutex);

  g_assert_cmpint (ls_store_count_cases (f->store, NULL, &error), ==,
                   f->n_cases);
  g_assert_cmpint (ls_store_count_cases (f->store, &closed, &error), >=,
                   N_CASES / 4);
  page = ls_store_list_cases (f->store, NULL, 10, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 5);
  g_assert_cmpstr (ls_case_summary_get_regno (page->pdata[0]), ==,
                   "VON-2026-00440");
  found = ls_core_test_search (f->store, "badrummet", 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, N_CASES / 5);
  attention = ls_store_list_attention (f->store, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attention->len, ==, attention_before->len);
  for (guint i = 0; i < attention->len; i++)
    g_assert_cmpstr (ls_case_summary_get_uuid (attention->pdata[i]), ==,
                     ls_case_summary_get_uuid (attention_before->pdata[i]));
  lcase = ls_store_load_case (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ls_case_get_regno (lcase), ==, "VON-2026-00007");

  /* The list counts, and fetches a page beyond its first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    f->n_cases);
  assert_item (G_LIST_MODEL (list), 0, N_CASES);
  assert_item (G_LIST_MODEL (list), 300, N_CASES - 300);
  ls_case_list_set_search (list, "fallolycka");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    n_found);
  g_assert_cmpint (ls_store_count_cases (f->store, &falls, &error), ==,
                   n_found);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_thread_join (thread);
  g_assert_cmpstr (f->save_error, ==, NULL);
  g_assert_true (f->saved);
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, &error), ==,
                   f->n_cases + 1);
  sqlite3_close (other);
}

/* What another program writes and has not committed is not seen; what it
 * commits is, also by the kept count of all cases.  (A bare copy of a row:
 * the store would never write one.) */
static void
test_reads_committed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *other = ls_core_test_open_raw (f->path);

  g_assert_cmpint (ls_store_count_cases (f->store, NULL, &error), ==,
                   f->n_cases);
  g_assert_cmpint (
      sqlite3_exec (other,
                    "BEGIN IMMEDIATE;"
                    "INSERT INTO cases (uuid, regno, status, updated_at, "
                    "json) SELECT 'another', 'VON-2026-99999', status, "
                    "updated_at, json FROM cases WHERE id = 1;",
                    NULL, NULL, NULL),
      ==, SQLITE_OK);
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, &error), ==,
                   f->n_cases);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, &error), ==,
                   f->n_cases + 1);
  g_assert_no_error (error);
  sqlite3_close (other);
}

static void
changed_cb (LsStore *store, const char *uuid, GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strdup (uuid != NULL ? uuid : "(none)"));
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (ls_store_save_case_finish (LS_STORE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* A save says which case it saved, also from a worker thread; the
 * organisation and an import may change many: no uuid. */
static void
test_changed_names_case (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (3);
  g_autoptr (LsCase) other = ls_core_test_numbered_case (N_CASES + 1);
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (2);
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;

  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), seen);

  ls_report_set_description (ls_case_get_report (lcase), "Ny beskrivning");
  g_assert_true (ls_store_save_case (f->store, lcase, "Maria", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, ls_case_get_uuid (lcase));

  ls_store_save_case_async (f->store, other, "Maria", NULL, saved_cb, &done);
  while (!done || seen->len < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (seen->pdata[1], ==, ls_case_get_uuid (other));

  organisation = ls_store_load_organisation (f->store, &error);
  ls_organisation_set_name (organisation, "Omsorgsnämnden");
  g_assert_true (ls_store_save_organisation (f->store, organisation, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (seen->pdata[2], ==, "(none)");

  /* A document of the same organisation, as it is named now: one of
   * another would be refused. */
  json_object_set_string_member (
      json_object_get_object_member (json_node_get_object (document),
                                     "organisation"),
      "name", "Omsorgsnämnden");
  g_assert_true (
      ls_store_import_document (f->store, document, "Maria", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 4);
  g_assert_cmpstr (seen->pdata[3], ==, "(none)");
}

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* Every case the store lists for attention, with exactly the rules'
 * requirements that need attention; in a worker thread the same. */
static void
test_attention_items (Fixture *f, gconstpointer data)
{
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (GPtrArray) summaries = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint k = 0;

  organisation = ls_store_load_organisation (f->store, &error);
  summaries = ls_store_list_attention (f->store, 20, &error);
  items = ls_store_list_attention_items (f->store, organisation, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 0);

  for (guint i = 0; i < summaries->len; i++)
    {
      const char *uuid = ls_case_summary_get_uuid (summaries->pdata[i]);
      g_autoptr (LsCase) lcase = ls_store_load_case (f->store, uuid, NULL);
      g_autoptr (GListStore) all = ls_rules_check (lcase, organisation);
      g_autoptr (GPtrArray) needed = g_ptr_array_new ();
      LsAttentionItem *item;
      GPtrArray *requirements;

      for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (all)); r++)
        {
          g_autoptr (LsRequirement) requirement =
              g_list_model_get_item (G_LIST_MODEL (all), r);

          if (ls_rules_needs_attention (requirement))
            g_ptr_array_add (
                needed, (gpointer) ls_requirement_get_message (requirement));
        }
      if (needed->len == 0)
        continue;
      g_assert_cmpuint (k, <, items->len);
      item = items->pdata[k++];
      g_assert_cmpstr (ls_attention_item_get_uuid (item), ==, uuid);
      g_assert_cmpstr (ls_attention_item_get_regno (item), ==,
                       ls_case_get_regno (lcase));
      g_assert_cmpstr (ls_attention_item_get_unit (item), ==,
                       ls_case_get_unit_id (lcase));
      g_assert_cmpstr (ls_attention_item_get_status (item), ==,
                       ls_case_summary_get_status (summaries->pdata[i]));
      requirements = ls_attention_item_get_requirements (item);
      g_assert_cmpuint (requirements->len, ==, needed->len);
      for (guint r = 0; r < needed->len; r++)
        g_assert_cmpstr (ls_requirement_get_message (requirements->pdata[r]),
                         ==, needed->pdata[r]);
    }
  g_assert_cmpuint (k, ==, items->len);

  ls_store_list_attention_items_async (f->store, organisation, 20, NULL,
                                       result_cb, &result);
  again = ls_store_list_attention_items_finish (f->store, wait_for (&result),
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, items->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (ls_attention_item_get_uuid (again->pdata[i]), ==,
                     ls_attention_item_get_uuid (items->pdata[i]));
}

static GPtrArray *
find_similar (Fixture *f, const char *uuid, const char *const *linked)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *rows;

  ls_store_find_similar_cases_async (f->store, uuid, linked, 1, NULL, result_cb,
                                     &result);
  rows =
      ls_store_find_similar_cases_finish (f->store, wait_for (&result), &error);
  g_assert_no_error (error);
  return rows;
}

/* The search's ranking, then every linked case it did not rank, once,
 * summarised from the case; a link to a case that is gone is left out. */
static void
test_similar_with_links (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = ls_core_test_uuid (5);
  g_autofree char *linked_uuid = NULL;
  g_autofree char *second = ls_core_test_uuid (2);
  g_autoptr (GPtrArray) ranked = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) top_only = NULL;
  g_autoptr (GError) error = NULL;
  const char *top;
  guint linked_n;

  ranked = ls_store_find_similar_cases (f->store, uuid, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranked->len, ==, 1);
  top = ls_case_summary_get_uuid (ranked->pdata[0]);
  linked_n = g_str_equal (top, second) ? 3 : 2;
  linked_uuid = ls_core_test_uuid (linked_n);

  {
    const char *linked[] = { linked_uuid,
                             "00000000-0000-4000-8000-000000000000", NULL };
    g_autofree char *regno = g_strdup_printf ("VON-2026-%05u", linked_n);

    rows = find_similar (f, uuid, linked);
    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (ls_case_summary_get_uuid (rows->pdata[0]), ==, top);
    g_assert_cmpstr (ls_case_summary_get_uuid (rows->pdata[1]), ==,
                     linked_uuid);
    g_assert_cmpstr (ls_case_summary_get_regno (rows->pdata[1]), ==, regno);
    g_assert_cmpstr (ls_case_summary_get_status (rows->pdata[1]), !=, NULL);
  }
  {
    const char *linked[] = { top, NULL };

    top_only = find_similar (f, uuid, linked);
    g_assert_cmpuint (top_only->len, ==, 1);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                        \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/reader/beside-writer", test_reads_beside_writer);
  ADD ("/store/reader/committed", test_reads_committed);
  ADD ("/store/changed/names-case", test_changed_names_case);
  ADD ("/store/attention/items", test_attention_items);
  ADD ("/store/similar/with-links", test_similar_with_links);
#undef ADD

  return g_test_run ();
}
