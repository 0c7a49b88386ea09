/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-case-list.h"
#include "ls-core-test.h"
#include "ls-store-backend-private.h"

#define UNIT_SOLGARDEN LS_CORE_TEST_UNIT_SOLGARDEN
#define UNIT_LINDEN LS_CORE_TEST_UNIT_LINDEN
#define N_CASES 1000

/* The list on both backends: SQLite, and a database of its own on the
 * PostgreSQL test server. */
static const gboolean on_sqlite = FALSE;
static const gboolean on_pg = TRUE;

typedef struct
{
  char *dir;
  LsStore *store;
  LsCaseList *list;
  JsonNode *document; /* the cases imported at the start */
  guint calls;
  guint position;
  guint removed;
  guint added;
  guint applied;
  gboolean done;
} Fixture;

static void
items_changed_cb (
    GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  f->calls++;
  f->position = position;
  f->removed = removed;
  f->added = added;
}

static void
query_applied_cb (GObject *list, GParamSpec *pspec, Fixture *f)
{
  f->applied++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  f->dir = ls_core_test_make_tmpdir ("list");
  f->store = ls_store_open (
      ls_core_test_location (f->dir, "cases.db", *(const gboolean *) data),
      &error);
  g_assert_no_error (error);

  f->document = ls_core_test_numbered_document (N_CASES);
  g_assert_true (
      ls_store_import_document (f->store, f->document, "Maria", NULL, &error));
  g_assert_no_error (error);

  f->list = ls_case_list_new (f->store);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (items_changed_cb), f);
  g_signal_connect (f->list, "notify::query-serial",
                    G_CALLBACK (query_applied_cb), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->list);
  g_clear_object (&f->store);
  g_clear_pointer (&f->document, json_node_unref);
  ls_core_test_drop_locations ();
  ls_core_test_remove_tree (f->dir);
  g_free (f->dir);
}

static guint
n_items (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->list));
}

static void
assert_regno_at (Fixture *f, guint position, const char *regno)
{
  g_autoptr (LsCaseSummary) item =
      g_list_model_get_item (G_LIST_MODEL (f->list), position);

  g_assert_nonnull (item);
  g_assert_cmpstr (ls_case_summary_get_regno (item), ==, regno);
}

static void
test_paging (Fixture *f, gconstpointer data)
{
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) ==
                 LS_TYPE_CASE_SUMMARY);
  g_assert_true (ls_case_list_get_store (f->list) == f->store);
  g_assert_cmpuint (n_items (f), ==, N_CASES);

  ls_case_list_set_order (f->list, LS_STORE_ORDER_REGNO);
  g_assert_cmpuint (f->calls, ==, 1);
  assert_regno_at (f, 0, "VON-2026-00001");
  /* The first page is read at first only as far as a window shows; the
   * rest of it when a row below is asked for, and the next page after
   * it. */
  assert_regno_at (f, 40, "VON-2026-00041");
  assert_regno_at (f, 23, "VON-2026-00024");
  assert_regno_at (f, 24, "VON-2026-00025");
  assert_regno_at (f, 49, "VON-2026-00050");
  assert_regno_at (f, 50, "VON-2026-00051");
  /* Pages far apart, fetched when asked for, more than are kept. */
  assert_regno_at (f, 999, "VON-2026-01000");
  assert_regno_at (f, 450, "VON-2026-00451");
  assert_regno_at (f, 199, "VON-2026-00200");
  assert_regno_at (f, 200, "VON-2026-00201");
  assert_regno_at (f, 650, "VON-2026-00651");
  assert_regno_at (f, 850, "VON-2026-00851");
  assert_regno_at (f, 1, "VON-2026-00002");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), N_CASES));

  /* The summary carries what a row shows. */
  {
    g_autoptr (LsCaseSummary) item =
        g_list_model_get_item (G_LIST_MODEL (f->list), 3);

    g_assert_cmpstr (ls_case_summary_get_uuid (item), ==,
                     "40000000-0000-4000-8000-000000000004");
    g_assert_cmpstr (ls_case_summary_get_status (item), ==, "closed");
    g_assert_cmpstr (ls_case_summary_get_unit (item), ==, UNIT_SOLGARDEN);
    g_assert_cmpstr (ls_case_summary_get_kind (item), ==, "wrongdoing");
    g_assert_true (g_str_has_prefix (ls_case_summary_get_title (item),
                                     "Bemötandet vid måltiden 4"));
    g_assert_cmpstr (ls_case_summary_get_received_at (item), ==,
                     "2026-02-05T10:00:00+01:00");
  }

  /* Newest received first. */
  ls_case_list_set_order (f->list, LS_STORE_ORDER_RECEIVED);
  {
    g_autoptr (LsCaseSummary) first =
        g_list_model_get_item (G_LIST_MODEL (f->list), 0);
    g_autoptr (LsCaseSummary) last =
        g_list_model_get_item (G_LIST_MODEL (f->list), N_CASES - 1);

    g_assert_true (g_str_has_prefix (ls_case_summary_get_received_at (first),
                                     "2026-03-28"));
    g_assert_true (g_str_has_prefix (ls_case_summary_get_received_at (last),
                                     "2026-01-01"));
  }
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  ls_case_list_set_order (f->list, LS_STORE_ORDER_REGNO);
  f->calls = 0;

  ls_case_list_set_status (f->list, "closed");
  g_assert_cmpuint (n_items (f), ==, N_CASES / 4);
  g_assert_cmpuint (f->calls, ==, 1);
  g_assert_cmpuint (f->removed, ==, N_CASES);
  g_assert_cmpuint (f->added, ==, N_CASES / 4);
  assert_regno_at (f, 0, "VON-2026-00004");
  assert_regno_at (f, 249, "VON-2026-01000");

  ls_case_list_set_status (f->list, "reported");
  g_assert_cmpuint (n_items (f), ==, N_CASES * 3 / 4);
  ls_case_list_set_status (f->list, "notified");
  g_assert_cmpuint (n_items (f), ==, 0);
  ls_case_list_set_status (f->list, NULL);

  /* Closed cases are all at Solgården (even numbers). */
  ls_case_list_set_unit (f->list, UNIT_LINDEN);
  g_assert_cmpuint (n_items (f), ==, N_CASES / 2);
  assert_regno_at (f, 0, "VON-2026-00001");
  ls_case_list_set_status (f->list, "closed");
  g_assert_cmpuint (n_items (f), ==, 0);
  ls_case_list_set_unit (f->list, UNIT_SOLGARDEN);
  g_assert_cmpuint (n_items (f), ==, N_CASES / 4);
  ls_case_list_set_status (f->list, NULL);
  ls_case_list_set_unit (f->list, NULL);
  g_assert_cmpuint (n_items (f), ==, N_CASES);

  /* Search, as typed, combined with the filters. */
  ls_case_list_set_search (f->list, "fallo");
  g_assert_cmpuint (n_items (f), ==, N_CASES / 5);
  ls_case_list_set_search (f->list, "Fallolycka badrum");
  g_assert_cmpuint (n_items (f), ==, N_CASES / 5);
  ls_case_list_set_unit (f->list, UNIT_LINDEN);
  /* Multiples of 5 that are odd. */
  g_assert_cmpuint (n_items (f), ==, N_CASES / 10);
  assert_regno_at (f, 0, "VON-2026-00005");
  ls_case_list_set_search (f->list, "bemotandet");
  g_assert_cmpuint (n_items (f), ==, N_CASES / 2 - N_CASES / 10);
  ls_case_list_set_search (f->list, "");
  ls_case_list_set_unit (f->list, NULL);
  g_assert_cmpuint (n_items (f), ==, N_CASES);

  /* Only cases with a deadline: none yet. */
  ls_case_list_set_with_deadline (f->list, TRUE);
  g_assert_cmpuint (n_items (f), ==, 0);
}

static void
test_follows_store (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (5000);
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCaseSummary) item = NULL;

  ls_case_list_set_order (f->list, LS_STORE_ORDER_REGNO);
  ls_case_list_set_status (f->list, "closed");
  g_assert_cmpuint (n_items (f), ==, N_CASES / 4);
  f->calls = 0;

  /* A new case appears... */
  g_assert_true (ls_store_save_case (f->store, lcase, "Bo", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->calls, ==, 1);
  g_assert_cmpuint (n_items (f), ==, N_CASES / 4 + 1);
  assert_regno_at (f, N_CASES / 4, "VON-2026-05000");

  /* ...and a changed one moves with its status. */
  stored = ls_store_load_case (f->store, "40000000-0000-4000-8000-000000000004",
                               &error);
  g_assert_no_error (error);
  ls_investigation_set_concluded_on (ls_case_get_investigation (stored), NULL);
  g_assert_true (ls_store_save_case_why (f->store, stored, "Bo",
                                         "Utredningen öppnas igen.", &error));
  g_assert_cmpuint (f->calls, ==, 2);
  g_assert_cmpuint (n_items (f), ==, N_CASES / 4);
  assert_regno_at (f, 0, "VON-2026-00008");

  /* A new deadline shows in the deadline list. */
  ls_case_list_set_status (f->list, NULL);
  ls_case_list_set_with_deadline (f->list, TRUE);
  ls_case_list_set_order (f->list, LS_STORE_ORDER_DEADLINE);
  g_assert_cmpuint (n_items (f), ==, 0);
  ls_notification_set_submitted_on (ls_case_get_notification (stored),
                                    "2026-03-21");
  g_assert_true (ls_store_save_case (f->store, stored, "Bo", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (f), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  g_assert_cmpstr (ls_case_summary_get_next_deadline (item), ==, "2026-05-21");
  g_assert_cmpstr (ls_case_summary_get_status (item), ==, "notified");
}

static void
query_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Fixture *f = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (
      ls_case_list_set_query_finish (LS_CASE_LIST (source), result, &error));
  g_assert_no_error (error);
  f->done = TRUE;
}

/* A search as the window runs it, off the main loop. */
static void
search_async_in_order (Fixture *f, const char *text, LsStoreOrder order)
{
  LsStoreQuery query = { NULL, NULL, text, FALSE, order };

  f->done = FALSE;
  ls_case_list_set_query_async (f->list, &query, NULL, query_done_cb, f);
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
search_async (Fixture *f, const char *text)
{
  search_async_in_order (f, text, LS_STORE_ORDER_UPDATED);
}

/* A keystroke that leaves the newest matches as they were changes no
 * item, so that the list view makes none of its rows again; the list
 * still says that it shows the new search. */
static void
test_search_keeps_rows (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCaseSummary) first = NULL;
  g_autoptr (LsCaseSummary) again = NULL;
  g_autoptr (LsCaseSummary) other = NULL;

  search_async (f, "bemot");
  g_assert_cmpuint (n_items (f), ==, N_CASES - N_CASES / 5);
  g_assert_cmpuint (f->applied, ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (f->list), 0);

  f->calls = 0;
  search_async (f, "bemota");
  g_assert_cmpuint (f->applied, ==, 2);
  g_assert_cmpuint (f->calls, ==, 0);
  g_assert_cmpuint (n_items (f), ==, N_CASES - N_CASES / 5);
  again = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  g_assert_true (again == first);

  /* Other matches: the items from the first that differs change. */
  search_async (f, "fallo");
  g_assert_cmpuint (f->calls, ==, 1);
  g_assert_cmpuint (f->position, ==, 0);
  g_assert_cmpuint (f->removed, ==, N_CASES - N_CASES / 5);
  g_assert_cmpuint (f->added, ==, N_CASES / 5);
  other = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  g_assert_true (g_str_has_prefix (ls_case_summary_get_title (other),
                                   "Fallolycka i badrummet"));
  g_assert_false (ls_case_list_get_limited (f->list));
}

/* A window takes the result of a search just before it draws a frame,
 * before the task's callback: the list then shows the matches, once, and
 * the callback still says that it shows them. */
static void
test_search_applied_early (Fixture *f, gconstpointer data)
{
  LsStoreQuery query = { NULL, NULL, "fallo", FALSE, LS_STORE_ORDER_UPDATED };
  g_autoptr (LsCaseSummary) first = NULL;

  g_assert_false (ls_case_list_apply_pending_query (f->list, 0));
  f->done = FALSE;
  ls_case_list_set_query_async (f->list, &query, NULL, query_done_cb, f);
  /* Waits for the thread as long as it takes here. */
  g_assert_true (
      ls_case_list_apply_pending_query (f->list, G_USEC_PER_SEC * 60));
  g_assert_false (f->done);
  g_assert_cmpuint (f->applied, ==, 1);
  g_assert_cmpuint (n_items (f), ==, N_CASES / 5);
  first = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  g_assert_true (g_str_has_prefix (ls_case_summary_get_title (first),
                                   "Fallolycka i badrummet"));
  /* Taken once. */
  g_assert_false (ls_case_list_apply_pending_query (f->list, 0));

  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->applied, ==, 1);
  g_assert_cmpuint (n_items (f), ==, N_CASES / 5);

  /* Another, whose matches are more. */
  search_async (f, "bemot");
  g_assert_cmpuint (f->applied, ==, 2);
  f->done = FALSE;
  query.search = "VON";
  ls_case_list_set_query_async (f->list, &query, NULL, query_done_cb, f);
  g_assert_cmpuint (n_items (f), ==, N_CASES - N_CASES / 5);
  g_assert_true (
      ls_case_list_apply_pending_query (f->list, G_USEC_PER_SEC * 60));
  g_assert_cmpuint (n_items (f), ==, N_CASES);
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->applied, ==, 3);
}

/* A search stops at LS_CASE_LIST_SEARCH_LIMIT matches, the newest, and
 * says that there were more. */
static void
test_search_limited (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (5000);
  g_autoptr (LsCaseSummary) newest = NULL;
  g_autoptr (GError) error = NULL;

  search_async (f, "VON");
  g_assert_cmpuint (n_items (f), ==, N_CASES);
  g_assert_false (ls_case_list_get_limited (f->list));

  g_assert_true (ls_store_save_case (f->store, lcase, "Bo", &error));
  g_assert_no_error (error);
  search_async (f, "VON-2026");
  g_assert_cmpuint (n_items (f), ==, LS_CASE_LIST_SEARCH_LIMIT);
  g_assert_true (ls_case_list_get_limited (f->list));
  newest = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  g_assert_cmpstr (ls_case_summary_get_regno (newest), ==, "VON-2026-05000");
}

static void
copy_element (JsonArray *array, guint index, JsonNode *node, gpointer copy)
{
  json_array_add_element (copy, json_node_copy (node));
}

/* A search that finds more than the list shows is counted no further
 * than the limit and one more: the list says "more than 1,000", and a
 * keystroke never counts every case. */
static void
test_search_count_capped (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) more = NULL;
  JsonArray *cases = json_array_new ();
  g_autoptr (GError) error = NULL;
  LsStoreQuery query = { .search = "Kim" };
  guint n_changed = 0;

  /* The cases imported at the start as they were, with their moment of
   * registration (to the minute: numbered anew in the next minute they
   * would differ), and ten more. */
  json_array_foreach_element (json_object_get_array_member (
                                  json_node_get_object (f->document), "cases"),
                              copy_element, cases);
  for (guint i = N_CASES + 1; i <= N_CASES + 10; i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_numbered_case (i);

      json_array_add_object_element (cases, ls_case_to_json (lcase));
    }
  more = ls_core_test_document_of (cases);
  g_assert_true (
      ls_store_import_document (f->store, more, "Maria", &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 10);
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, &error), ==,
                   N_CASES + 10);
  /* Every case names its reporter, Kim Berg. */
  g_assert_cmpint (ls_store_count_cases (f->store, &query, &error), ==,
                   LS_STORE_SEARCH_COUNT_LIMIT + 1);
  g_assert_no_error (error);
  /* Fewer hits than the limit are counted exactly. */
  query.search = "fallolycka";
  g_assert_cmpint (ls_store_count_cases (f->store, &query, &error), ==,
                   (N_CASES + 10) / 5);

  ls_case_list_set_search (f->list, "Kim");
  g_assert_cmpuint (n_items (f), ==, LS_CASE_LIST_SEARCH_LIMIT);
  g_assert_true (ls_case_list_get_limited (f->list));
  ls_case_list_set_search (f->list, "fallolycka");
  g_assert_false (ls_case_list_get_limited (f->list));
}

/* The uuids of @rows from @from on, at most @n of them, as one string. */
static char *
join_uuids (GPtrArray *rows, guint from, guint n)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = from; i < rows->len && i < from + n; i++)
    {
      g_string_append (text, ls_case_summary_get_uuid (rows->pdata[i]));
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Every case in @query's order, a page at a time, each after the last
 * row of the one before. */
static GPtrArray *
walk_by_key (LsStore *store, const LsStoreQuery *query, guint page_size)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  for (;;)
    {
      g_autoptr (GPtrArray) page = ls_store_list_cases_after (
          store, query, all->len > 0 ? all->pdata[all->len - 1] : NULL, 0,
          page_size, &error);

      g_assert_no_error (error);
      g_assert_nonnull (page);
      g_assert_cmpuint (page->len, <=, page_size);
      g_ptr_array_extend_and_steal (all, g_steal_pointer (&page));
      if (all->len == 0 || all->len % page_size != 0)
        break;
    }
  return g_steal_pointer (&all);
}

/* Cases without a registration number, a received time or a deadline:
 * the orders' other group, first by registration number, last by the
 * others. */
static void
add_cases_without_values (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_numbered_case (N_CASES + i);

      ls_case_set_regno (lcase, NULL);
      ls_report_set_received_at (ls_case_get_report (lcase), NULL);
      g_assert_true (ls_store_save_case (f->store, lcase, "Maria", &error));
      g_assert_no_error (error);
    }
}

/* Pages after a key hold exactly the rows of the pages by offset, in
 * every order: none skipped or repeated where many cases share a value
 * (a thousand cases on 84 days), nor where the cases without a value
 * begin. */
static void
test_keyset_pages (Fixture *f, gconstpointer data)
{
  static const LsStoreOrder orders[] = { LS_STORE_ORDER_UPDATED,
                                         LS_STORE_ORDER_RECEIVED,
                                         LS_STORE_ORDER_DEADLINE,
                                         LS_STORE_ORDER_REGNO };
  g_autoptr (GError) error = NULL;

  add_cases_without_values (f);
  for (guint k = 0; k < G_N_ELEMENTS (orders); k++)
    {
      LsStoreQuery query = { .order = orders[k] };
      g_autoptr (GPtrArray) expected = NULL;
      g_autoptr (GPtrArray) walked = NULL;
      g_autoptr (GPtrArray) skipped = NULL;
      g_autoptr (GPtrArray) across = NULL;
      g_autofree char *expected_text = NULL;
      g_autofree char *walked_text = NULL;
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;

      expected =
          ls_store_list_cases (f->store, &query, 0, N_CASES + 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (expected->len, ==, N_CASES + 3);
      walked = walk_by_key (f->store, &query, 37);
      expected_text = join_uuids (expected, 0, G_MAXUINT);
      walked_text = join_uuids (walked, 0, G_MAXUINT);
      g_assert_cmpstr (walked_text, ==, expected_text);

      /* After a key and an offset: a jump from a page held. */
      skipped = ls_store_list_cases_after (
          f->store, &query, expected->pdata[100], 50, 10, &error);
      g_assert_no_error (error);
      want = join_uuids (expected, 151, 10);
      got = join_uuids (skipped, 0, G_MAXUINT);
      g_assert_cmpstr (got, ==, want);
      g_clear_pointer (&want, g_free);
      g_clear_pointer (&got, g_free);

      /* Across the border of the cases without a value, skipping rows
       * on both sides of it. */
      across = ls_store_list_cases_after (f->store, &query, expected->pdata[1],
                                          N_CASES - 3, 4, &error);
      g_assert_no_error (error);
      want = join_uuids (expected, N_CASES - 1, 4);
      got = join_uuids (across, 0, G_MAXUINT);
      g_assert_cmpstr (got, ==, want);
    }
}

/* A save between two pages: the next page begins after the row shown
 * last, as it was shown, even when that very case was saved and moved. */
static void
test_keyset_after_save (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  LsStoreQuery query = { .order = LS_STORE_ORDER_UPDATED };
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) second = NULL;
  g_autoptr (GPtrArray) rest = g_ptr_array_new ();
  g_autoptr (LsCase) moved = NULL;
  g_autoptr (LsCase) last_shown = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  before = ls_store_list_cases (f->store, &query, 0, N_CASES, &error);
  g_assert_no_error (error);
  first = ls_store_list_cases_after (f->store, &query, NULL, 0, 40, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 40);

  /* A case further down and the last one shown are saved: both move to
   * the top of the list. */
  moved = ls_store_load_case (
      f->store, ls_case_summary_get_uuid (before->pdata[60]), &error);
  g_assert_no_error (error);
  ls_report_set_description (ls_case_get_report (moved),
                             "Sparad mellan två sidor");
  g_assert_true (
      ls_store_save_case_why (f->store, moved, "Maria", "Rättelse", &error));
  g_assert_no_error (error);
  last_shown = ls_store_load_case (
      f->store, ls_case_summary_get_uuid (first->pdata[39]), &error);
  g_assert_no_error (error);
  ls_report_set_description (ls_case_get_report (last_shown), "Också sparad");
  g_assert_true (ls_store_save_case_why (f->store, last_shown, "Maria",
                                         "Rättelse", &error));
  g_assert_no_error (error);

  second = ls_store_list_cases_after (f->store, &query, first->pdata[39], 0, 40,
                                      &error);
  g_assert_no_error (error);
  for (guint i = 40; i < before->len; i++)
    if (i != 60)
      g_ptr_array_add (rest, before->pdata[i]);
  want = join_uuids (rest, 0, 40);
  got = join_uuids (second, 0, G_MAXUINT);
  g_assert_cmpstr (got, ==, want);
}

/* The list reads the next page after the last row of the one it holds:
 * scrolled through to the end it shows every case once, in order. */
static void
test_list_scrolls_by_key (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  LsStoreQuery query = { .order = LS_STORE_ORDER_RECEIVED };
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  ls_case_list_set_order (f->list, LS_STORE_ORDER_RECEIVED);
  expected = ls_store_list_cases (f->store, &query, 0, N_CASES, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_items (f); i++)
    g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (f->list), i));
  want = join_uuids (expected, 0, G_MAXUINT);
  got = join_uuids (shown, 0, G_MAXUINT);
  g_assert_cmpstr (got, ==, want);
}

/* A count with a filter is capped too, and counts only what passes it. */
static void
test_search_count_filtered (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  LsStoreQuery query = { .search = "Kim", .unit = UNIT_LINDEN };

  /* Every other case is Linden's. */
  g_assert_cmpint (ls_store_count_cases (f->store, &query, &error), ==,
                   N_CASES / 2);
  g_assert_no_error (error);
  query.search = "fallolycka";
  g_assert_cmpint (ls_store_count_cases (f->store, &query, &error), ==,
                   N_CASES / 10);
  /* A search of no words counts what passes the filter. */
  query.search = "  ";
  g_assert_cmpint (ls_store_count_cases (f->store, &query, &error), ==,
                   N_CASES / 2);
  g_assert_no_error (error);
}

/* The regnos of the list's items, one a line. */
static char *
join_regnos (Fixture *f)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_items (f); i++)
    {
      g_autoptr (LsCaseSummary) item =
          g_list_model_get_item (G_LIST_MODEL (f->list), i);

      g_string_append (text, ls_case_summary_get_regno (item));
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A search with a filter takes the newest matches that pass it: where
 * more than the limit match the words but fewer pass the filter, the
 * list holds every one of those, in the order asked for, and says no
 * more than it shows. */
static void
test_search_filtered_whole (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) want = g_string_new (NULL);
  g_autofree char *got = NULL;

  for (guint i = N_CASES + 1; i <= N_CASES + 10; i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_numbered_case (i);

      g_assert_true (ls_store_save_case (f->store, lcase, "Bo", &error));
      g_assert_no_error (error);
    }
  /* Every case names its reporter, Kim Berg. */
  search_async (f, "Kim");
  g_assert_cmpuint (n_items (f), ==, LS_CASE_LIST_SEARCH_LIMIT);
  g_assert_true (ls_case_list_get_limited (f->list));

  /* Linden's are the odd numbers: 505, the oldest of them too. */
  ls_case_list_set_order (f->list, LS_STORE_ORDER_REGNO);
  ls_case_list_set_unit (f->list, UNIT_LINDEN);
  g_assert_false (ls_case_list_get_limited (f->list));
  for (guint i = 1; i <= N_CASES + 10; i += 2)
    g_string_append_printf (want, "VON-2026-%05u\n", i);
  got = join_regnos (f);
  g_assert_cmpstr (got, ==, want->str);

  /* Another filter on top: the closed ones are all Solgården's. */
  ls_case_list_set_status (f->list, "closed");
  g_assert_cmpuint (n_items (f), ==, 0);
  g_assert_false (ls_case_list_get_limited (f->list));
  ls_case_list_set_unit (f->list, UNIT_SOLGARDEN);
  /* Multiples of 4 up to 1,008. */
  g_assert_cmpuint (n_items (f), ==, (N_CASES + 10) / 4);
  assert_regno_at (f, 0, "VON-2026-00004");
  assert_regno_at (f, (N_CASES + 10) / 4 - 1, "VON-2026-01008");

  /* The filter as the window sets it, with the search, off the main
   * loop; newest registered first. */
  {
    LsStoreQuery query = { "closed", UNIT_SOLGARDEN, "Kim fallolycka", FALSE,
                           LS_STORE_ORDER_RECEIVED };

    f->done = FALSE;
    ls_case_list_set_query_async (f->list, &query, NULL, query_done_cb, f);
    while (!f->done)
      g_main_context_iteration (NULL, TRUE);
    /* Multiples of 20. */
    g_assert_cmpuint (n_items (f), ==, (N_CASES + 10) / 20);
    g_assert_false (ls_case_list_get_limited (f->list));
  }
  {
    g_autoptr (LsCaseSummary) first =
        g_list_model_get_item (G_LIST_MODEL (f->list), 0);
    g_autoptr (LsCaseSummary) last =
        g_list_model_get_item (G_LIST_MODEL (f->list), n_items (f) - 1);

    g_assert_cmpstr (ls_case_summary_get_status (first), ==, "closed");
    g_assert_cmpstr (ls_case_summary_get_unit (first), ==, UNIT_SOLGARDEN);
    g_assert_cmpint (g_strcmp0 (ls_case_summary_get_received_at (first),
                                ls_case_summary_get_received_at (last)),
                     >, 0);
  }
}

/* A keystroke shows the summaries the last search read, unless the store
 * changed since: a case saved between two keystrokes shows as saved, and
 * the filter applies to it as it is now. */
static void
test_search_after_save (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) moved = NULL;
  g_autoptr (LsCaseSummary) item = NULL;

  search_async_in_order (f, "fallo", LS_STORE_ORDER_REGNO);
  g_assert_cmpuint (n_items (f), ==, N_CASES / 5);
  assert_regno_at (f, 0, "VON-2026-00005");

  moved = ls_store_load_case (f->store, "40000000-0000-4000-8000-000000000005",
                              &error);
  g_assert_no_error (error);
  ls_case_set_unit_id (moved, UNIT_SOLGARDEN);
  g_assert_true (
      ls_store_save_case_why (f->store, moved, "Maria", "Rättelse", &error));
  g_assert_no_error (error);

  search_async_in_order (f, "fallolyc", LS_STORE_ORDER_REGNO);
  g_assert_cmpuint (n_items (f), ==, N_CASES / 5);
  item = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  g_assert_cmpstr (ls_case_summary_get_regno (item), ==, "VON-2026-00005");
  g_assert_cmpstr (ls_case_summary_get_unit (item), ==, UNIT_SOLGARDEN);

  ls_case_list_set_unit (f->list, UNIT_LINDEN);
  g_assert_cmpuint (n_items (f), ==, N_CASES / 10 - 1);
  assert_regno_at (f, 0, "VON-2026-00015");
}

static guint
n_search_ids (Fixture *f, const char *text)
{
  g_autoptr (GError) error = NULL;
  LsStoreQuery query = { .search = text };
  g_autoptr (GArray) ids =
      ls_store_search_ids (f->store, &query, 5000, NULL, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* A word longer than the index's prefixes is still the start of a word,
 * diacritics folded, also of one saved after a search read the words
 * that start alike; one that starts none finds nothing. */
static void
test_search_long_words (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (5000);

  g_assert_cmpuint (n_search_ids (f, "Fallolyck"), ==, N_CASES / 5);
  g_assert_cmpuint (n_search_ids (f, "fallolycka"), ==, N_CASES / 5);
  g_assert_cmpuint (n_search_ids (f, "fallolyckan"), ==, 0);
  g_assert_cmpuint (n_search_ids (f, "maltide"), ==, N_CASES - N_CASES / 5);
  g_assert_cmpuint (n_search_ids (f, "Bemötandet måltiden"), ==,
                    N_CASES - N_CASES / 5);
  g_assert_cmpuint (n_search_ids (f, "badrummet bemötandet"), ==, 0);

  ls_report_set_description (ls_case_get_report (lcase),
                             "Fallolyckorna i trappan");
  g_assert_true (ls_store_save_case (f->store, lcase, "Bo", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_search_ids (f, "fallolycko"), ==, 1);
  g_assert_cmpuint (n_search_ids (f, "FALLOLYC"), ==, N_CASES / 5 + 1);
  ls_case_list_set_search (f->list, "fallolyckorna trappan");
  g_assert_cmpuint (n_items (f), ==, 1);
  assert_regno_at (f, 0, "VON-2026-05000");
}

/* A search's count, its ids and a page of its matches, which agree. */
static guint
n_matches (Fixture *f, const char *text, const char *unit)
{
  g_autoptr (GError) error = NULL;
  LsStoreQuery query = { .unit = unit, .search = text };
  g_autoptr (GArray) ids =
      ls_store_search_ids (f->store, &query, 5000, NULL, &error);
  g_autoptr (GPtrArray) page = NULL;
  gint64 count;

  g_assert_no_error (error);
  count = ls_store_count_cases (f->store, &query, &error);
  g_assert_no_error (error);
  page = ls_store_list_cases (f->store, &query, 0, 5000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, ids->len);
  g_assert_cmpuint (page->len, ==, ids->len);
  for (guint i = 0; unit != NULL && i < page->len; i++)
    g_assert_cmpstr (ls_case_summary_get_unit (page->pdata[i]), ==, unit);
  return ids->len;
}

/* Counted and listed as the list's search finds them: words longer than
 * the index's prefixes, folded, with a filter, one that starts no word,
 * and after a save that adds a word that starts alike. */
static void
test_search_count_long_words (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (5001);

  g_assert_cmpuint (n_matches (f, "Fallolyck", NULL), ==, N_CASES / 5);
  g_assert_cmpuint (n_matches (f, "FALLOLYCKA", NULL), ==, N_CASES / 5);
  g_assert_cmpuint (n_matches (f, "fallolyckan", NULL), ==, 0);
  g_assert_cmpuint (n_matches (f, "maltiden", NULL), ==, N_CASES - N_CASES / 5);
  /* Linden's are the odd numbers: of the multiples of 5, half. */
  g_assert_cmpuint (n_matches (f, "fallolycka", UNIT_LINDEN), ==, N_CASES / 10);
  g_assert_cmpuint (n_matches (f, "Bemötandet måltiden", UNIT_LINDEN), ==,
                    N_CASES / 2 - N_CASES / 10);
  g_assert_cmpuint (n_matches (f, "badrummet bemötandet", UNIT_LINDEN), ==, 0);

  ls_report_set_description (ls_case_get_report (lcase),
                             "Fallolyckorna i trappan");
  g_assert_true (ls_store_save_case (f->store, lcase, "Bo", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_matches (f, "fallolycko", NULL), ==, 1);
  g_assert_cmpuint (n_matches (f, "fallolycko", UNIT_LINDEN), ==, 1);
  g_assert_cmpuint (n_matches (f, "fallolyc", NULL), ==, N_CASES / 5 + 1);
}

/* The order of a search's matches as the list sorted their summaries
 * before it read only their ids and values: by the order's column, the
 * cases without one last, equal ones newest first. */
static int
compare_as_before (gconstpointer a, gconstpointer b, gpointer user_data)
{
  LsCaseSummary *x = *(LsCaseSummary **) a;
  LsCaseSummary *y = *(LsCaseSummary **) b;
  const char *p, *q;
  gboolean descending = FALSE;

  switch (GPOINTER_TO_INT (user_data))
    {
    case LS_STORE_ORDER_RECEIVED:
      p = ls_case_summary_get_received_at (x);
      q = ls_case_summary_get_received_at (y);
      descending = TRUE;
      break;
    case LS_STORE_ORDER_DEADLINE:
      p = ls_case_summary_get_next_deadline (x);
      q = ls_case_summary_get_next_deadline (y);
      break;
    case LS_STORE_ORDER_REGNO:
      p = ls_case_summary_get_regno (x);
      q = ls_case_summary_get_regno (y);
      break;
    case LS_STORE_ORDER_UPDATED:
    default:
      p = ls_case_summary_get_updated_at (x);
      q = ls_case_summary_get_updated_at (y);
      descending = TRUE;
      break;
    }
  if (p == NULL || q == NULL)
    return (p == NULL) - (q == NULL);
  return descending ? -strcmp (p, q) : strcmp (p, q);
}

/* The uuids of a search's matches, one a line, as the list showed them
 * when it read the summaries of all its matches to sort them: the newest
 * LS_CASE_LIST_SEARCH_LIMIT, their summaries sorted stably. */
static char *
dup_matches_as_before (LsStore *store, const LsStoreQuery *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) read = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  ids = ls_store_search_ids (store, query, LS_CASE_LIST_SEARCH_LIMIT + 1, NULL,
                             &error);
  g_assert_no_error (error);
  if (ids->len > LS_CASE_LIST_SEARCH_LIMIT)
    g_array_set_size (ids, LS_CASE_LIST_SEARCH_LIMIT);
  read = ls_store_read_summaries (store, (const gint64 *) ids->data, ids->len,
                                  &error);
  g_assert_no_error (error);
  for (guint i = 0; i < read->len; i++)
    if (read->pdata[i] != NULL)
      g_ptr_array_add (rows, read->pdata[i]);
  g_ptr_array_sort_with_data (rows, compare_as_before,
                              GINT_TO_POINTER (query->order));
  return join_uuids (rows, 0, G_MAXUINT);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The ids of every match of @query, newest first, are those of the cases
 * that the list of every case with the search finds, and the values of
 * the order's column read with them are theirs; the newest of them too,
 * and their count. */
static void
assert_ids_whole (LsStore *store, const LsStoreQuery *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) newest_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) newest = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) read = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GPtrArray) a = g_ptr_array_new ();
  g_autoptr (GPtrArray) b = g_ptr_array_new ();

  ids = ls_store_search_ids (store, query, 5000, keys, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, ids->len);
  for (guint i = 1; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i - 1), >,
                     g_array_index (ids, gint64, i));
  read = ls_store_read_summaries (store, (const gint64 *) ids->data, ids->len,
                                  &error);
  g_assert_no_error (error);
  for (guint i = 0; i < read->len; i++)
    {
      const LsStoreOrderInfo *info = ls_store_order_info (query->order);

      g_assert_cmpstr (keys->pdata[i], ==, info->get (read->pdata[i]));
    }
  newest = ls_store_search_ids (store, query, 7, newest_keys, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (newest->len, ==, MIN (ids->len, 7));
  for (guint i = 0; i < newest->len; i++)
    {
      g_assert_cmpint (g_array_index (newest, gint64, i), ==,
                       g_array_index (ids, gint64, i));
      g_assert_cmpstr (newest_keys->pdata[i], ==, keys->pdata[i]);
    }
  listed = ls_store_list_cases (store, query, 0, 5000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, listed->len);
  for (guint i = 0; i < read->len; i++)
    {
      g_ptr_array_add (a, (char *) ls_case_summary_get_uuid (read->pdata[i]));
      g_ptr_array_add (b, (char *) ls_case_summary_get_uuid (listed->pdata[i]));
    }
  g_ptr_array_sort (a, compare_strings);
  g_ptr_array_sort (b, compare_strings);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
  g_assert_cmpint (ls_store_count_cases (store, query, &error), ==,
                   MIN (ids->len, LS_STORE_SEARCH_COUNT_LIMIT + 1));
}

/* The uuids of the list's items, one a line, its pages asked for out of
 * order first, as a view scrolled by its bar asks. */
static char *
dup_list_uuids (Fixture *f)
{
  guint n = n_items (f);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i += 137)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (f->list), n - 1 - i));
  for (guint i = 0; i < n; i++)
    {
      LsCaseSummary *item = g_list_model_get_item (G_LIST_MODEL (f->list), i);

      g_assert_nonnull (item);
      g_ptr_array_add (rows, item);
    }
  return join_uuids (rows, 0, G_MAXUINT);
}

/* Every search, filter and order shows exactly the cases it did when the
 * list read every match's summary to sort them, in the same order: where
 * many cases share the order's value (all imported in the same minute),
 * where some have none, and beyond the limit; with the query set at once
 * off the main loop, and a part at a time, as the window sets them. */
static void
test_search_same_order (Fixture *f, gconstpointer data)
{
  static const char *const searches[] = { "Kim",         "fallo",
                                          "bemötandet",  "VON 2026",
                                          "VON-2026-01", "maltid Kim" };
  static const char *const statuses[] = { NULL, "closed" };
  static const char *const units[] = { NULL, UNIT_LINDEN };
  g_autoptr (GError) error = NULL;

  add_cases_without_values (f);
  /* Some saved later, their last change and deadline other than the
   * rest's. */
  for (guint i = 3; i <= N_CASES; i += 97)
    {
      g_autofree char *uuid =
          g_strdup_printf ("40000000-0000-4000-8000-%012u", i);
      g_autoptr (LsCase) lcase = ls_store_load_case (f->store, uuid, &error);

      g_assert_no_error (error);
      ls_case_set_unit_id (lcase, UNIT_LINDEN);
      g_assert_true (ls_store_save_case_why (f->store, lcase, "Maria",
                                             "Rättelse", &error));
      g_assert_no_error (error);
    }
  for (guint i = N_CASES + 4; i <= N_CASES + 10; i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_numbered_case (i);

      g_assert_true (ls_store_save_case (f->store, lcase, "Bo", &error));
      g_assert_no_error (error);
    }

  for (guint o = 0; o <= LS_STORE_ORDER_REGNO; o++)
    for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
      for (guint k = 0; k < G_N_ELEMENTS (statuses); k++)
        for (guint u = 0; u < G_N_ELEMENTS (units); u++)
          for (guint d = 0; d < 2; d++)
            {
              LsStoreQuery query = { statuses[k], units[u], searches[s], d,
                                     (LsStoreOrder) o };
              g_autofree char *want = dup_matches_as_before (f->store, &query);
              g_autofree char *got = NULL;
              g_autofree char *again = NULL;

              if (o == 0 || d == 0)
                assert_ids_whole (f->store, &query);
              f->done = FALSE;
              ls_case_list_set_query_async (f->list, &query, NULL,
                                            query_done_cb, f);
              while (!f->done)
                g_main_context_iteration (NULL, TRUE);
              got = dup_list_uuids (f);
              g_assert_cmpstr (got, ==, want);

              /* A part at a time, on the main loop, from another list. */
              ls_case_list_set_search (f->list, NULL);
              ls_case_list_set_order (f->list, (LsStoreOrder) o);
              ls_case_list_set_status (f->list, statuses[k]);
              ls_case_list_set_unit (f->list, units[u]);
              ls_case_list_set_with_deadline (f->list, d);
              ls_case_list_set_search (f->list, searches[s]);
              again = dup_list_uuids (f);
              g_assert_cmpstr (again, ==, want);
            }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                        \
  LS_CORE_TEST_ADD_BOTH (path, Fixture, &on_sqlite, &on_pg, fixture_set_up,    \
                         func, fixture_tear_down)

  ADD ("/case-list/paging", test_paging);
  ADD ("/case-list/filters", test_filters);
  ADD ("/case-list/follows-store", test_follows_store);
  ADD ("/case-list/search-keeps-rows", test_search_keeps_rows);
  ADD ("/case-list/search-applied-early", test_search_applied_early);
  ADD ("/case-list/search-limited", test_search_limited);
  ADD ("/case-list/search-count-capped", test_search_count_capped);
  ADD ("/case-list/search-count-filtered", test_search_count_filtered);
  ADD ("/case-list/search-filtered-whole", test_search_filtered_whole);
  ADD ("/case-list/search-after-save", test_search_after_save);
  ADD ("/case-list/search-long-words", test_search_long_words);
  ADD ("/case-list/search-count-long-words", test_search_count_long_words);
  ADD ("/case-list/search-same-order", test_search_same_order);
  ADD ("/case-list/keyset-pages", test_keyset_pages);
  ADD ("/case-list/keyset-after-save", test_keyset_after_save);
  ADD ("/case-list/scrolls-by-key", test_list_scrolls_by_key);
  return g_test_run ();
}
