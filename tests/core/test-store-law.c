/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-attachment.h"
#include "ls-model.h"
#include "ls-core-test.h"
#include "ls-error.h"
#include "ls-individual.h"
#include "ls-rules.h"
#include "ls-store.h"

/* What the store keeps for the law: a locked conclusion and why things
 * changed, late duties in the history, attachments, and all of it in the
 * exchange format. */

#define CASE_CLOSED "108402d6-8410-4307-a298-64786b3633aa"

/* Every test on both backends: SQLite files, or databases of their own
 * on the PostgreSQL test server. */
static const gboolean on_sqlite = FALSE;
static const gboolean on_pg = TRUE;

/* The example imported into a store of its own. */
typedef LsCoreTestStore Fixture;

/* Another store beside the fixture's, on the same backend. */
static LsStore *
open_store (Fixture *f, const char *name)
{
  return ls_core_test_open_store (ls_core_test_location (f->dir, name, f->pg));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  ls_core_test_store_set_up (f, "store-law", *(const gboolean *) data, TRUE);
}

static LsCase *
load_closed (LsStore *store)
{
  g_autoptr (GError) error = NULL;
  LsCase *lcase = ls_store_find_case_by_regno (store, "VON-2026-0003", &error);

  g_assert_no_error (error);
  return lcase;
}

static LsHistoryEntry *
find_entry (GPtrArray *history, const char *field)
{
  for (guint i = history->len; i > 0; i--)
    {
      LsHistoryEntry *entry = history->pdata[i - 1];

      if (g_str_equal (entry->field, field))
        return entry;
    }
  return NULL;
}

/* ---- 11: a concluded investigation is locked ---------------------------- */

static void
test_locked_conclusion (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load_closed (f->store);
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (LsCase) stored = NULL;
  LsHistoryEntry *entry;

  g_assert_true (ls_rules_is_locked (lcase));

  /* Changed in place, even with a reason: refused. */
  ls_investigation_set_recurrence (inv, "Kan inte inträffa igen.");
  g_assert_false (ls_store_save_case_why (f->store, lcase, "Jonas Ahl",
                                          "Skrivfel", &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Reopen"));
  g_clear_error (&error);
  /* ...also by the call that does not ask why. */
  g_assert_false (ls_store_save_case (f->store, lcase, "Jonas Ahl", &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_LOCKED);
  g_clear_error (&error);

  /* Reopened without a reason: asked why. */
  ls_rules_reopen_investigation (lcase);
  g_assert_false (
      ls_store_save_case_why (f->store, lcase, "Jonas Ahl", NULL, &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_REASON_REQUIRED);
  g_clear_error (&error);
  g_assert_false (
      ls_store_save_case_why (f->store, lcase, "Jonas Ahl", "  ", &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_REASON_REQUIRED);
  g_clear_error (&error);

  /* With one: saved, and the history says who, when, what and why. */
  g_assert_true (ls_store_save_case_why (f->store, lcase, "Jonas Ahl",
                                         "Ny uppgift om larmet från anhörig",
                                         &error));
  g_assert_no_error (error);
  history = ls_store_list_history (f->store, CASE_CLOSED, &error);
  g_assert_no_error (error);
  entry = find_entry (history, "investigation.concluded_on");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->old_value, ==, "2026-03-20");
  g_assert_null (entry->new_value);
  g_assert_cmpstr (entry->who, ==, "Jonas Ahl");
  g_assert_cmpstr (entry->why, ==, "Ny uppgift om larmet från anhörig");
  g_assert_nonnull (entry->when);
  entry = find_entry (history, "investigation.recurrence");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->why, ==, "Ny uppgift om larmet från anhörig");

  /* Still notified: the next change is asked why too. */
  stored = load_closed (f->store);
  ls_case_set_lessons_learned (stored, "Larmet bärs alltid.");
  g_assert_false (
      ls_store_save_case_why (f->store, stored, "Jonas Ahl", NULL, &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_REASON_REQUIRED);
}

/* ---- 1: a late duty stays in the history -------------------------------- */

static void
test_late_in_history (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load_closed (f->store);
  LsNotification *notification = ls_case_get_notification (lcase);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  LsHistoryEntry *entry;

  /* Notified on 6 March, due 6 May, sent on 8 May: two days late. */
  ls_notification_set_investigation_sent_on (notification, NULL);
  g_assert_true (ls_store_save_case_why (f->store, lcase, "Maria Lind",
                                         "Fel datum", &error));
  ls_notification_set_investigation_sent_on (notification, "2026-05-08");
  g_assert_true (ls_store_save_case_why (f->store, lcase, "Maria Lind",
                                         "Utredningen skickad", &error));
  g_assert_no_error (error);
  history = ls_store_list_history (f->store, CASE_CLOSED, &error);
  entry = find_entry (history, "late.investigation-sent");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->old_value, ==, "2026-05-06");
  g_assert_cmpstr (entry->new_value, ==, "2026-05-08");
  g_assert_cmpstr (entry->who, ==, "Maria Lind");
}

/* ---- 12: attachments ---------------------------------------------------- */

static void
test_attachments (Fixture *f, gconstpointer data)
{
  static const char text[] = "Vittnesmål från nattpersonalen.";
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (GBytes) changed = g_bytes_new_static ("Ändrat", 7);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsAttachment) attachment = NULL;
  g_autoptr (LsAttachment) stored = NULL;
  g_autoptr (LsAttachment) version = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GBytes) read = NULL;
  g_autoptr (GBytes) big = NULL;
  g_autofree char *sha = NULL;
  const char *location = ls_core_test_location (f->dir, "cases.db", f->pg);

  attachment =
      ls_attachment_new ("/home/maria/Vittnesmål.txt", "text/plain",
                         "statement", bytes, NULL, "Maria Lind", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ls_attachment_get_name (attachment), ==, "Vittnesmål.txt");
  g_assert_cmpint (ls_attachment_get_size (attachment), ==, strlen (text));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text,
                                     strlen (text));
  g_assert_cmpstr (ls_attachment_get_sha256 (attachment), ==, sha);

  stored = ls_store_add_attachment (f->store, CASE_CLOSED, attachment, bytes,
                                    &error);
  g_assert_no_error (error);
  list = ls_store_list_attachments (f->store, CASE_CLOSED, &error);
  g_assert_no_error (error);
  /* The example's routines and the statement. */
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (ls_attachment_get_added_by (list->pdata[1]), ==,
                   "Maria Lind");
  g_assert_nonnull (ls_attachment_get_added_at (list->pdata[1]));
  g_assert_cmpstr (ls_attachment_get_content_type (list->pdata[1]), ==,
                   "text/plain");
  read = ls_store_read_attachment (
      f->store, ls_attachment_get_uuid (list->pdata[1]), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, bytes));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Never changed in place: the same uuid with other bytes is refused, in
   * the store and in the file. */
  g_assert_null (ls_store_add_attachment (f->store, CASE_CLOSED, attachment,
                                          changed, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&f->store);
  g_assert_false (
      ls_core_test_raw_exec (location, "UPDATE attachments SET name = 'x'"));
  g_assert_false (ls_core_test_raw_exec (location, "DELETE FROM attachments"));
  g_assert_cmpint (
      ls_core_test_raw_int (location, "SELECT count(*) FROM attachments"), ==,
      2);
  f->store = open_store (f, "cases.db");

  /* A new version is a new attachment; the old one stays. */
  version = ls_attachment_new ("Vittnesmål.txt", "text/plain", "statement",
                               changed, ls_attachment_get_uuid (attachment),
                               "Maria Lind", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored =
      ls_store_add_attachment (f->store, CASE_CLOSED, version, changed, &error);
  g_assert_no_error (error);
  list = ls_store_list_attachments (f->store, CASE_CLOSED, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (ls_attachment_get_replaces (list->pdata[2]), ==,
                   ls_attachment_get_uuid (list->pdata[1]));

  /* Too large: a clear message with the size and the limit. */
  big = g_bytes_new_take (g_malloc0 (25 * 1024 * 1024), 25 * 1024 * 1024);
  g_assert_null (ls_attachment_new ("film.mp4", "video/mp4", "photo", big, NULL,
                                    "Maria Lind", NULL, &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "25.0"));
  g_assert_nonnull (strstr (error->message, "20.0"));
  g_assert_nonnull (strstr (error->message, "at most"));
  g_assert_null (strstr (error->message, "film"));
}

/* ---- 11, 12: the history and the attachments travel --------------------- */

static void
test_export_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) photo = g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\1\2", 11);
  g_autoptr (LsAttachment) attachment = NULL;
  g_autoptr (LsAttachment) stored = NULL;
  g_autoptr (LsCase) lcase = load_closed (f->store);
  g_autoptr (JsonNode) exported = NULL;
  g_autoptr (JsonNode) again = NULL;
  g_autoptr (LsStore) fresh = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GBytes) read = NULL;
  g_autoptr (GError) error = NULL;
  guint n_changed = 0;
  LsHistoryEntry *entry;

  attachment = ls_attachment_new ("foto.png", "image/png", "photo", photo, NULL,
                                  "Maria Lind", NULL, &error);
  stored = ls_store_add_attachment (f->store, CASE_CLOSED, attachment, photo,
                                    &error);
  g_assert_no_error (error);
  ls_case_set_lessons_learned (lcase, "Överlämningen av larmet är fast.");
  /* The photo is chosen to go with the notification to IVO. */
  ls_notification_set_attachment_sent (ls_case_get_notification (lcase),
                                       ls_attachment_get_uuid (stored), TRUE);
  g_assert_true (ls_store_save_case_why (f->store, lcase, "Jonas Ahl",
                                         "Lärdomen formulerades om", &error));

  exported = ls_store_export_document (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (
      json_object_get_int_member (json_node_get_object (exported), "version"),
      ==, 3);
  fresh = open_store (f, "fresh.db");
  g_assert_true (ls_store_import_document (fresh, exported, "Lena Holm",
                                           &n_changed, &error));
  g_assert_no_error (error);
  again = ls_store_export_document (fresh, &error);
  g_assert_true (ls_core_test_json_equal (exported, again));

  /* The audit trail moved with the case, who and why included... */
  history = ls_store_list_history (fresh, CASE_CLOSED, &error);
  entry = find_entry (history, "lessons_learned");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->who, ==, "Jonas Ahl");
  g_assert_cmpstr (entry->why, ==, "Lärdomen formulerades om");
  /* ...and the photo, byte for byte. */
  list = ls_store_list_attachments (fresh, CASE_CLOSED, &error);
  g_assert_cmpuint (list->len, ==, 2);
  read =
      ls_store_read_attachment (fresh, ls_attachment_get_uuid (stored), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, photo));
  /* ...and the choice of it for IVO. */
  {
    g_autoptr (LsCase) moved = load_closed (fresh);
    const char *const *chosen =
        ls_notification_get_sent_attachments (ls_case_get_notification (moved));

    g_assert_nonnull (chosen);
    g_assert_cmpstr (chosen[0], ==, ls_attachment_get_uuid (stored));
    g_assert_null (chosen[1]);
  }

  /* Imported again: nothing changes. */
  g_assert_true (ls_store_import_document (fresh, exported, "Lena Holm",
                                           &n_changed, &error));
  g_assert_cmpuint (n_changed, ==, 0);
}

static void
test_damaged_attachment_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  JsonObject *att = json_array_get_object_element (
      json_object_get_array_member (
          json_array_get_object_element (
              json_object_get_array_member (json_node_get_object (document),
                                            "cases"),
              0),
          "attachments"),
      0);
  g_autoptr (LsStore) fresh = open_store (f, "fresh.db");
  g_autoptr (GError) error = NULL;

  /* Same size, other bytes. */
  json_object_set_string_member (att, "data",
                                 "WFhYWFhYWFhYWFhYWFhYWFhY"
                                 "WFhYWFhYWFhYWFhYWFhYWFhY");
  g_assert_false (
      ls_store_import_document (fresh, document, "Lena Holm", NULL, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cases[0].attachments[0]"));
  g_assert_cmpint (ls_store_count_cases (fresh, NULL, NULL), ==, 0);
}

/* Documents of version 1, before the history, the attachments and the new
 * members, still import. */
static void
test_version_1_imports (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  JsonObject *root = json_node_get_object (document);
  JsonArray *cases = json_object_get_array_member (root, "cases");
  g_autoptr (LsStore) fresh = open_store (f, "v1.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (LsCase) lcase = NULL;

  json_object_set_int_member (root, "version", 1);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      JsonArray *individuals = json_object_get_array_member (
          json_object_get_object_member (c, "report"), "individuals");

      json_object_remove_member (c, "history");
      json_object_remove_member (c, "attachments");
      json_object_remove_member (c, "deciding_board");
      json_object_remove_member (c, "assistance_compensation");
      json_object_remove_member (c, "assistance_board");
      json_object_remove_member (
          json_object_get_object_member (c, "notification"),
          "sent_attachments");
      for (guint k = 0; k < json_array_get_length (individuals); k++)
        {
          JsonObject *individual =
              json_array_get_object_element (individuals, k);

          json_object_remove_member (individual, "told_of_notification_on");
          json_object_remove_member (individual, "told_of_notification_how");
        }
    }
  g_assert_true (
      ls_store_import_document (fresh, document, "Lena Holm", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ls_store_count_cases (fresh, NULL, NULL), ==, 2);
  lcase = load_closed (fresh);
  g_assert_cmpint (ls_case_get_status (lcase), ==, LS_CASE_STATUS_CLOSED);
  /* Without a history of its own, the import is the case's first entry. */
  history = ls_store_list_history (fresh, CASE_CLOSED, &error);
  g_assert_cmpuint (history->len, >=, 1);
  g_assert_cmpstr (((LsHistoryEntry *) history->pdata[0])->field, ==, "case");
  g_assert_cmpstr (((LsHistoryEntry *) history->pdata[0])->who, ==,
                   "Lena Holm");
}

/* ---- 13: the attachments chosen for IVO --------------------------------- */

/* A document of version 2 has no choice of attachments: it imports with
 * none chosen. */
static void
test_version_2_imports (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  JsonObject *root = json_node_get_object (document);
  JsonArray *cases = json_object_get_array_member (root, "cases");
  g_autoptr (LsStore) fresh = open_store (f, "v2.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = NULL;
  const char *const *chosen;

  json_object_set_int_member (root, "version", 2);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    json_object_remove_member (
        json_object_get_object_member (json_array_get_object_element (cases, i),
                                       "notification"),
        "sent_attachments");
  g_assert_true (
      ls_store_import_document (fresh, document, "Lena Holm", NULL, &error));
  g_assert_no_error (error);
  lcase = load_closed (fresh);
  chosen =
      ls_notification_get_sent_attachments (ls_case_get_notification (lcase));
  g_assert_true (chosen == NULL || chosen[0] == NULL);
}

/* ---- 14: earlier similar cases mean earlier ------------------------------ */

#define UNIT_SOLGARDEN "6637c86c-a47f-4dae-8000-0b60995e4035"
#define UNIT_LINDEN "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"

static LsCase *
alarm_case (const char *regno, const char *unit, const char *received_at)
{
  LsCase *lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);

  ls_case_set_regno (lcase, regno);
  ls_case_set_unit_id (lcase, unit);
  ls_report_set_kind (report, LS_CASE_KIND_WRONGDOING);
  ls_report_set_received_at (report, received_at);
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_report_set_description (report, "Ett trygghetslarm besvarades inte "
                                     "under natten. Larmtelefonen låg "
                                     "urladdad i personalrummet.");
  return lcase;
}

static void
test_similar_earlier_first (Fixture *f, gconstpointer data)
{
  g_autoptr (LsCase) elsewhere =
      alarm_case ("VON-2025-0040", UNIT_LINDEN, "2025-11-02T08:15:00+01:00");
  g_autoptr (LsCase) before =
      alarm_case ("VON-2025-0041", UNIT_SOLGARDEN, "2025-10-02T08:15:00+01:00");
  g_autoptr (LsCase) later =
      alarm_case ("VON-2026-0042", UNIT_SOLGARDEN, "2026-04-02T08:15:00+01:00");
  g_autoptr (GPtrArray) similar = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (ls_store_save_case (f->store, elsewhere, "Maria", &error));
  g_assert_true (ls_store_save_case (f->store, before, "Maria", &error));
  g_assert_true (ls_store_save_case (f->store, later, "Maria", &error));
  g_assert_no_error (error);

  similar = ls_store_find_similar_cases (f->store, CASE_CLOSED, 10, &error);
  g_assert_no_error (error);
  /* The earlier case of the same unit first, then the one of another unit
   * (which the wizard marks as from elsewhere); never the later one. */
  g_assert_cmpuint (similar->len, >=, 2);
  g_assert_cmpstr (ls_case_summary_get_regno (similar->pdata[0]), ==,
                   "VON-2025-0041");
  g_assert_cmpstr (ls_case_summary_get_regno (similar->pdata[1]), ==,
                   "VON-2025-0040");
  g_assert_cmpstr (ls_case_summary_get_unit (similar->pdata[1]), ==,
                   UNIT_LINDEN);
  for (guint i = 0; i < similar->len; i++)
    g_assert_cmpstr (ls_case_summary_get_regno (similar->pdata[i]), !=,
                     "VON-2026-0042");
}

/* ---- 11: every change after a notification says why --------------------- */

#define CASE_OPEN "2964fd60-6bce-47ca-b9e8-3be54621b4eb"

/* The "why" of the last entry for @field in case @uuid of @document. */
static const char *
exported_why (JsonNode *document, const char *uuid, const char *field)
{
  JsonArray *cases =
      json_object_get_array_member (json_node_get_object (document), "cases");
  const char *why = NULL;

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *lcase = json_array_get_object_element (cases, i);
      JsonArray *history;

      if (!g_str_equal (json_object_get_string_member (lcase, "uuid"), uuid))
        continue;
      history = json_object_get_array_member (lcase, "history");
      for (guint k = 0; k < json_array_get_length (history); k++)
        {
          JsonObject *entry = json_array_get_object_element (history, k);

          if (g_str_equal (json_object_get_string_member (entry, "field"),
                           field))
            why = json_object_get_string_member (entry, "why");
        }
    }
  return why;
}

static void
test_reason_required (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = ls_store_load_case (f->store, CASE_OPEN, &error);
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (JsonNode) exported = NULL;
  g_autoptr (JsonNode) again = NULL;
  g_autoptr (LsStore) fresh = NULL;
  LsNotification *notification;
  LsHistoryEntry *entry;
  const char *before;

  g_assert_no_error (error);
  notification = ls_case_get_notification (lcase);
  ls_notification_set_submitted_on (notification, "2026-04-02");
  g_assert_true (
      ls_store_save_case_why (f->store, lcase, "Maria Lind", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ls_rules_is_locked (lcase));
  before = ls_notification_get_actions (notification);

  /* Notified, not concluded: a change without a reason is refused, and
   * the message names the case by its registration number. */
  ls_notification_set_actions (notification, "Larmet byts mot ett bärbart.");
  g_assert_false (
      ls_store_save_case_why (f->store, lcase, "Jonas Ahl", NULL, &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_REASON_REQUIRED);
  g_assert_nonnull (strstr (error->message, "VON-2026-0004"));
  g_assert_null (strstr (error->message, "bärbart"));
  g_clear_error (&error);
  stored = ls_store_load_case (f->store, CASE_OPEN, &error);
  g_assert_cmpstr (
      ls_notification_get_actions (ls_case_get_notification (stored)), ==,
      before);
  g_clear_object (&stored);

  /* Recording what happened since (the individual told of the
   * notification) is no change of what was notified: no reason. */
  stored = ls_store_load_case (f->store, CASE_OPEN, &error);
  {
    g_autoptr (LsIndividual) individual = g_list_model_get_item (
        G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (stored))),
        0);

    ls_individual_set_told_of_notification_on (individual, "2026-04-03");
    ls_individual_set_told_of_notification_how (individual, "Brev");
  }
  g_assert_true (
      ls_store_save_case_why (f->store, stored, "Jonas Ahl", NULL, &error));
  g_assert_no_error (error);
  /* Changing it once recorded is a change. */
  {
    g_autoptr (LsCase) copy = ls_case_new ();
    g_autoptr (LsIndividual) individual = NULL;

    ls_model_copy (G_OBJECT (copy), G_OBJECT (stored));
    individual = g_list_model_get_item (
        G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (copy))),
        0);
    ls_individual_set_told_of_notification_how (individual, "Samtal");
    g_assert_false (
        ls_store_save_case_why (f->store, copy, "Jonas Ahl", NULL, &error));
    g_assert_error (error, LS_ERROR, LS_ERROR_REASON_REQUIRED);
    g_clear_error (&error);
  }
  /* The case as last saved, not the copy opened before. */
  ls_notification_set_actions (ls_case_get_notification (stored),
                               "Larmet byts mot ett bärbart.");

  /* With one: kept in the history... */
  g_assert_true (ls_store_save_case_why (f->store, stored, "Jonas Ahl",
                                         "IVO bad om åtgärden", &error));
  g_assert_no_error (error);
  history = ls_store_list_history (f->store, CASE_OPEN, &error);
  entry = find_entry (history, "notification.actions");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->who, ==, "Jonas Ahl");
  g_assert_cmpstr (entry->why, ==, "IVO bad om åtgärden");
  g_assert_cmpstr (entry->new_value, ==, "Larmet byts mot ett bärbart.");
  g_assert_nonnull (entry->when);

  /* ...and in the export, which carries it to another store and back. */
  exported = ls_store_export_document (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exported_why (exported, CASE_OPEN, "notification.actions"),
                   ==, "IVO bad om åtgärden");
  fresh = open_store (f, "fresh.db");
  g_assert_true (
      ls_store_import_document (fresh, exported, "Lena Holm", NULL, &error));
  g_assert_no_error (error);
  again = ls_store_export_document (fresh, &error);
  g_assert_cmpstr (exported_why (again, CASE_OPEN, "notification.actions"), ==,
                   "IVO bad om åtgärden");
}

/* The plain save asks why as the wizards' save does: a change after a
 * notification or a conclusion without a reason is refused, with the
 * case named, and nothing of it is kept. */
static void
test_plain_save_asks_why (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = ls_store_load_case (f->store, CASE_OPEN, &error);
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (LsCase) closed = load_closed (f->store);
  g_autoptr (GPtrArray) history = NULL;
  guint n_history;

  g_assert_no_error (error);
  /* Sending the notification is the next step, not a change. */
  ls_notification_set_submitted_on (ls_case_get_notification (lcase),
                                    "2026-04-02");
  g_assert_true (ls_store_save_case (f->store, lcase, "Maria Lind", &error));
  g_assert_no_error (error);
  history = ls_store_list_history (f->store, CASE_OPEN, &error);
  g_assert_no_error (error);
  n_history = history->len;
  g_clear_pointer (&history, g_ptr_array_unref);

  ls_notification_set_actions (ls_case_get_notification (lcase),
                               "Larmet byts mot ett bärbart.");
  g_assert_false (ls_store_save_case (f->store, lcase, "Jonas Ahl", &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_REASON_REQUIRED);
  g_assert_nonnull (strstr (error->message, "VON-2026-0004"));
  g_assert_null (strstr (error->message, "bärbart"));
  g_clear_error (&error);
  stored = ls_store_load_case (f->store, CASE_OPEN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (
      ls_notification_get_actions (ls_case_get_notification (stored)), !=,
      "Larmet byts mot ett bärbart.");
  history = ls_store_list_history (f->store, CASE_OPEN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, n_history);
  for (guint i = 0; i < history->len; i++)
    g_assert_cmpstr (((LsHistoryEntry *) history->pdata[i])->why, !=, "-");

  /* The concluded investigation. */
  ls_case_set_lessons_learned (closed, "Larmen testas varje vecka.");
  g_assert_false (ls_store_save_case (f->store, closed, "Jonas Ahl", &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_REASON_REQUIRED);
  g_assert_nonnull (strstr (error->message, "VON-2026-0003"));
}

/* An import is no one's change in this copy: another copy's change of a
 * concluded case is taken, so that its work is not left out, with the
 * import as the reason in the history, which keeps what it replaced. */
static void
test_import_changes_locked (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  JsonArray *cases =
      json_object_get_array_member (json_node_get_object (document), "cases");
  g_autoptr (LsCase) before = load_closed (f->store);
  g_autoptr (LsCase) stored = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *old_lessons =
      g_strdup (ls_case_get_lessons_learned (before));
  LsHistoryEntry *entry;

  g_assert_true (ls_rules_is_locked (before));
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *lcase = json_array_get_object_element (cases, i);

      if (g_str_equal (json_object_get_string_member (lcase, "uuid"),
                       CASE_CLOSED))
        json_object_set_string_member (lcase, "lessons_learned",
                                       "Larmen testas varje vecka.");
    }
  g_assert_true (
      ls_store_import_document (f->store, document, "Lena Holm", NULL, &error));
  g_assert_no_error (error);

  stored = load_closed (f->store);
  g_assert_cmpstr (ls_case_get_lessons_learned (stored), ==,
                   "Larmen testas varje vecka.");
  history = ls_store_list_history (f->store, CASE_CLOSED, &error);
  g_assert_no_error (error);
  entry = find_entry (history, "lessons_learned");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->who, ==, "Lena Holm");
  g_assert_cmpstr (entry->why, ==, "Imported from an exchange document");
  g_assert_cmpstr (entry->old_value, ==, old_lessons);
  g_assert_cmpstr (entry->new_value, ==, "Larmen testas varje vecka.");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                        \
  LS_CORE_TEST_ADD_BOTH (path, Fixture, &on_sqlite, &on_pg, fixture_set_up,    \
                         func, ls_core_test_store_tear_down)
  ADD ("/store-law/locked-conclusion", test_locked_conclusion);
  ADD ("/store-law/reason-required", test_reason_required);
  ADD ("/store-law/plain-save-asks-why", test_plain_save_asks_why);
  ADD ("/store-law/import-changes-locked", test_import_changes_locked);
  ADD ("/store-law/late-in-history", test_late_in_history);
  ADD ("/store-law/attachments", test_attachments);
  ADD ("/store-law/export-round-trip", test_export_round_trip);
  ADD ("/store-law/damaged-attachment-refused",
       test_damaged_attachment_refused);
  ADD ("/store-law/version-1-imports", test_version_1_imports);
  ADD ("/store-law/version-2-imports", test_version_2_imports);
  ADD ("/store-law/similar-earlier-first", test_similar_earlier_first);
#undef ADD
  return g_test_run ();
}
