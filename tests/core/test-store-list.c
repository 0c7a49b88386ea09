/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ls-case-list.h"

static JsonObject *
make_case (guint n, const char *status)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strdup_printf (
      "{\"uuid\": \"00000000-0000-4000-8000-%012u\","
      " \"regno\": \"LS-2026-%05u\", \"status\": \"%s\","
      " \"unit\": \"unit-%u\", \"description\": \"%s %u\"}",
      n, n, status, n % 2, n % 5 == 0 ? "Fallolycka" : "Bemötande", n);

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
items_changed_cb (
    GListModel *model, guint position, guint removed, guint added, guint *calls)
{
  calls[0]++;
  calls[1] = removed;
  calls[2] = added;
}

static void
test_case_list (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ls-list-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsCaseList) list = NULL;
  g_autoptr (JsonObject) root = json_object_new ();
  g_autoptr (JsonArray) cases = json_array_new ();
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (LsCaseSummary) item = NULL;
  guint calls[3] = { 0 };

  g_assert_no_error (error);
  store = ls_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 1; i <= 1000; i++)
    json_array_add_object_element (
        cases, make_case (i, i % 4 ? "reported" : "closed"));
  json_object_set_string_member (root, "format", "lexsarah");
  json_object_set_int_member (root, "version", 1);
  json_object_set_array_member (root, "cases", g_steal_pointer (&cases));
  document = json_node_init_object (json_node_alloc (), root);
  g_assert_true (
      ls_store_import_document (store, document, "Anna", NULL, &error));
  g_assert_no_error (error);

  list = ls_case_list_new (store);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb),
                    calls);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) ==
                 LS_TYPE_CASE_SUMMARY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);

  ls_case_list_set_order (list, LS_STORE_ORDER_REGNO);
  g_assert_cmpuint (calls[0], ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (ls_case_summary_get_regno (item), ==, "LS-2026-00001");
  g_clear_object (&item);
  /* Far pages, fetched on demand. */
  item = g_list_model_get_item (G_LIST_MODEL (list), 999);
  g_assert_cmpstr (ls_case_summary_get_regno (item), ==, "LS-2026-01000");
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (list), 450);
  g_assert_cmpstr (ls_case_summary_get_regno (item), ==, "LS-2026-00451");
  g_clear_object (&item);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1000));

  ls_case_list_set_status (list, "closed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);
  g_assert_cmpuint (calls[1], ==, 1000);
  g_assert_cmpuint (calls[2], ==, 250);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (ls_case_summary_get_regno (item), ==, "LS-2026-00004");
  g_assert_cmpstr (ls_case_summary_get_status (item), ==, "closed");
  g_clear_object (&item);

  ls_case_list_set_search (list, "fallo");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
  ls_case_list_set_unit (list, "unit-1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  ls_case_list_set_unit (list, "unit-0");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
  ls_case_list_set_search (list, NULL);
  ls_case_list_set_unit (list, NULL);

  /* A save refreshes the list. */
  calls[0] = 0;
  g_assert_true (ls_store_save_case_json (store, make_case (5000, "closed"),
                                          "Bo", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls[0], ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 251);
  item = g_list_model_get_item (G_LIST_MODEL (list), 250);
  g_assert_cmpstr (ls_case_summary_get_regno (item), ==, "LS-2026-05000");
  g_clear_object (&item);

  g_clear_object (&list);
  g_clear_object (&store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/case-list/paging-filters-refresh", test_case_list);

  return g_test_run ();
}
