/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-core-test.h"
#include "ls-import-reader.h"
#include "ls-store-backend-private.h"
#include "ls-store.h"

/* The reader of an import's cases, which reads, checks and serialises
 * them on a thread of its own while the writer saves the ones before: the
 * writer gets every case in the document's order, as it would have read
 * it itself, and an import reports the first fault in that order however
 * far ahead the reader is. */

static const gboolean on_sqlite = FALSE;
static const gboolean on_pg = TRUE;

typedef LsCoreTestStore Fixture;

/* Where the cases were let go, seen by weak references. */
typedef struct
{
  GThread *writer;
  gint finalized;
  gint elsewhere;
} Finalized;

static void
case_finalized_cb (gpointer data, GObject *where_the_object_was)
{
  Finalized *seen = data;

  g_atomic_int_inc (&seen->finalized);
  if (g_thread_self () != seen->writer)
    g_atomic_int_inc (&seen->elsewhere);
}

static JsonArray *
document_cases (JsonNode *document)
{
  return json_object_get_array_member (json_node_get_object (document),
                                       "cases");
}

static JsonObject *
case_member (JsonNode *document, guint index, const char *member)
{
  return json_object_get_object_member (
      json_array_get_object_element (document_cases (document), index), member);
}

/* A field no case has: the case cannot be read. */
static void
spoil_read (JsonNode *document, guint index)
{
  json_object_set_string_member (case_member (document, index, "investigation"),
                                 "verdict", "skyldig");
}

/* A unit the organisation does not have: the case is read, and not valid. */
static void
spoil_unit (JsonNode *document, guint index)
{
  json_object_set_string_member (
      json_array_get_object_element (document_cases (document), index),
      "unit_id", "00000000-0000-4000-8000-000000000001");
}

/* A reader of @document's cases, checked against the example's
 * organisation. */
static LsImportReader *
reader_of (JsonNode *document)
{
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();

  return ls_import_reader_new (document_cases (document), organisation);
}

static void
test_in_order (void)
{
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (300);
  JsonArray *cases = document_cases (document);
  LsImportReader *reader = reader_of (document);
  Finalized seen = { g_thread_self (), 0, 0 };

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *uuid = ls_core_test_uuid (i + 1);
      LsStoreRecord *record = ls_import_reader_next (reader, &error);
      g_autoptr (LsCase) again = ls_store_read_case (cases, i, &error);
      g_autoptr (GPtrArray) item_json = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GString) search_text = g_string_new (NULL);
      g_autofree char *json = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_cmpstr (ls_case_get_uuid (record->lcase), ==, uuid);
      g_assert_no_error (record->invalid);
      /* What the writer would have made of the case itself. */
      json = ls_store_serialize_case (again, item_json, search_text);
      g_assert_cmpstr (record->json, ==, json);
      g_assert_cmpstr (record->search_text->str, ==, search_text->str);
      g_assert_cmpuint (record->item_json->len, ==, item_json->len);
      for (guint k = 0; k < item_json->len; k++)
        g_assert_cmpstr (record->item_json->pdata[k], ==, item_json->pdata[k]);
      g_object_weak_ref (G_OBJECT (record->lcase), case_finalized_cb, &seen);
      ls_import_reader_done (reader, record);
    }
  ls_import_reader_free (reader);

  /* Every case let go, most of them by the reader's thread. */
  g_assert_cmpint (g_atomic_int_get (&seen.finalized), ==, 300);
  g_assert_cmpint (g_atomic_int_get (&seen.elsewhere), >, 0);
}

static void
test_unreadable (void)
{
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (200);
  g_autoptr (LsImportReader) reader = NULL;
  g_autoptr (GError) error = NULL;

  spoil_read (document, 150);
  reader = reader_of (document);
  for (guint i = 0; i < 150; i++)
    {
      LsStoreRecord *record = ls_import_reader_next (reader, &error);

      g_assert_no_error (error);
      g_assert_nonnull (record);
      ls_import_reader_done (reader, record);
    }
  g_assert_null (ls_import_reader_next (reader, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "VON-2026-00151"));
  g_assert_nonnull (
      strstr (error->message, "cases[150].investigation.verdict"));
  g_assert_null (strstr (error->message, "skyldig"));
}

static void
test_invalid (void)
{
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (40);
  g_autoptr (LsImportReader) reader = NULL;

  spoil_unit (document, 7);
  reader = reader_of (document);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LsStoreRecord) record = ls_import_reader_next (reader, &error);

      g_assert_no_error (error);
      g_assert_nonnull (record);
      if (i != 7)
        {
          g_assert_no_error (record->invalid);
          g_assert_nonnull (record->json);
          continue;
        }
      /* Kept for the save to report, nothing made of it. */
      g_assert_nonnull (record->invalid);
      g_assert_nonnull (strstr (record->invalid->message, "unit_id"));
      g_assert_null (record->json);
    }
}

/* An import that fails early: the reader is stopped where it is, and
 * every case it read is let go. */
static void
test_stop_early (void)
{
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (1000);
  LsImportReader *reader = reader_of (document);
  Finalized seen = { g_thread_self (), 0, 0 };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (GError) error = NULL;
      LsStoreRecord *record = ls_import_reader_next (reader, &error);

      g_assert_no_error (error);
      g_object_weak_ref (G_OBJECT (record->lcase), case_finalized_cb, &seen);
      if (i == 0)
        ls_import_reader_done (reader, record);
      else
        ls_store_record_free (record);
    }
  ls_import_reader_free (reader);
  g_assert_cmpint (g_atomic_int_get (&seen.finalized), ==, 3);
}

/* A single case is read where it is saved. */
static void
test_one_case (void)
{
  g_autoptr (JsonNode) document = ls_core_test_numbered_document (1);
  LsImportReader *reader = reader_of (document);
  Finalized seen = { g_thread_self (), 0, 0 };
  g_autoptr (GError) error = NULL;
  LsStoreRecord *record = ls_import_reader_next (reader, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ls_case_get_regno (record->lcase), ==, "VON-2026-00001");
  g_object_weak_ref (G_OBJECT (record->lcase), case_finalized_cb, &seen);
  ls_import_reader_done (reader, record);
  g_assert_cmpint (seen.finalized, ==, 1);
  g_assert_cmpint (seen.elsewhere, ==, 0);
  ls_import_reader_free (reader);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  ls_core_test_store_set_up (f, "import-reader", *(const gboolean *) data,
                             FALSE);
  f->store = ls_core_test_open_store (f->location);
}

static void
assert_refused (Fixture *f,
                JsonNode *document,
                const char *regno,
                const char *path)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (
      ls_store_import_document (f->store, document, "Maria", NULL, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, regno));
  g_assert_nonnull (strstr (error->message, path));
}

/* Faults far apart in a document: the first in the document's order is
 * the one reported, whether the reader or the writer finds it, and
 * nothing of the document is kept. */
static void
test_first_fault (Fixture *f, gconstpointer data)
{
  /* The second fault further on than the reader reads ahead, and
   * within it, so that the reader has found it first. */
  static const guint second[] = { 250, 45 };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (second); i++)
    {
      g_autoptr (JsonNode) document = ls_core_test_numbered_document (300);
      g_autoptr (JsonNode) other = ls_core_test_numbered_document (300);

      spoil_unit (document, 40);
      spoil_read (document, second[i]);
      assert_refused (f, document, "VON-2026-00041", "unit_id");
      spoil_read (other, 40);
      spoil_unit (other, second[i]);
      assert_refused (f, other, "VON-2026-00041",
                      "cases[40].investigation.verdict");
    }
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==, 0);
  g_assert_cmpint (
      ls_core_test_raw_int (f->location, "SELECT count(*) FROM history"), ==,
      0);

  /* Stored: a later document that would empty case 41's description is
   * refused by the writer, before the reader's fault at case 251. */
  {
    g_autoptr (JsonNode) document = ls_core_test_numbered_document (300);

    g_assert_true (
        ls_store_import_document (f->store, document, "Maria", NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr (JsonNode) document = ls_core_test_numbered_document (300);

    json_object_set_string_member (case_member (document, 40, "report"),
                                   "description", "");
    spoil_read (document, 250);
    assert_refused (f, document, "VON-2026-00041",
                    "cases[40].report.description");
  }
  g_assert_cmpint (ls_store_count_cases (f->store, NULL, NULL), ==, 300);
  {
    g_autoptr (LsCase) stored =
        ls_store_find_case_by_regno (f->store, "VON-2026-00041", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ls_report_get_description (ls_case_get_report (stored)),
                     ==, "Bemötandet vid måltiden 41");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-reader/in-order", test_in_order);
  g_test_add_func ("/import-reader/unreadable", test_unreadable);
  g_test_add_func ("/import-reader/invalid", test_invalid);
  g_test_add_func ("/import-reader/stop-early", test_stop_early);
  g_test_add_func ("/import-reader/one-case", test_one_case);
  LS_CORE_TEST_ADD_BOTH ("/import-reader/first-fault", Fixture, &on_sqlite,
                         &on_pg, fixture_set_up, test_first_fault,
                         ls_core_test_store_tear_down);
  return g_test_run ();
}
