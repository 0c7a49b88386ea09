/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-action.h"
#include "ls-core-test.h"
#include "ls-investigator.h"
#include "ls-model.h"
#include "ls-people-rules.h"
#include "ls-sqlite-store-private.h"
#include "ls-store.h"

/* The register of people, the information occasions and the routines in
 * the store: saved and loaded whole, migrated into an older file, never
 * deleted, decided versions never changed, a staff list imported through
 * the store, and carried by the exchange document. */

#define TODAY "2026-03-10"

/* Every test but the migration on both backends: a SQLite file, or a
 * database of its own on the PostgreSQL test server; and with the
 * example imported or not. */
typedef struct
{
  gboolean pg;
  gboolean empty;
} Setup;

static const Setup sqlite_example = { FALSE, FALSE };
static const Setup sqlite_empty = { FALSE, TRUE };
static const Setup pg_example = { TRUE, FALSE };
static const Setup pg_empty = { TRUE, TRUE };

typedef LsCoreTestStore Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  const Setup *setup = data;

  ls_core_test_store_set_up (f, "store-people", setup->pg, !setup->empty);
}

static LsPeopleRegister *
load (LsStore *store)
{
  g_autoptr (GError) error = NULL;
  LsPeopleRegister *register_ = ls_store_load_people (store, &error);

  g_assert_no_error (error);
  return register_;
}

static char *
register_text (LsPeopleRegister *register_)
{
  g_autoptr (JsonObject) json = ls_model_to_json (G_OBJECT (register_));
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), json);

  return json_to_string (node, FALSE);
}

static guint
n_of (GListStore *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* On the server the register's tables are named apart from the team's
 * people: register_people, register_occasions, register_routines. */
static char *
dup_sql_for (const char *path, const char *sql)
{
  g_autoptr (GRegex) tables = NULL;

  if (!ls_store_location_is_server (path))
    return g_strdup (sql);
  tables = g_regex_new ("\\b(people|occasions|routines)\\b", 0, 0, NULL);
  return g_regex_replace (tables, sql, -1, 0, "register_\\1", 0, NULL);
}

static gint64
raw_int (const char *path, const char *sql)
{
  g_autofree char *text = dup_sql_for (path, sql);

  return ls_core_test_raw_int (path, text);
}

/* SQLITE_OK, or SQLITE_CONSTRAINT for what the database refused. */
static int
raw_exec (const char *path, const char *sql)
{
  g_autofree char *text = dup_sql_for (path, sql);

  return ls_core_test_raw_exec (path, text) ? SQLITE_OK : SQLITE_CONSTRAINT;
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (LsPeopleRegister) register_ = load (f->store);
  g_autoptr (LsPeopleRegister) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (LsPerson) added = ls_person_new ();
  g_autoptr (LsInformationOccasion) occasion = ls_information_occasion_new ();
  g_autoptr (GError) error = NULL;
  LsPerson *person;

  /* The example's six people, three occasions and two versions. */
  g_assert_cmpuint (n_of (ls_people_register_get_people (register_)), ==, 6);
  g_assert_cmpuint (n_of (ls_people_register_get_occasions (register_)), ==, 3);
  g_assert_cmpuint (n_of (ls_people_register_get_routines (register_)), ==, 2);
  g_assert_cmpint (raw_int (f->location, "SELECT count(*) FROM people"), ==, 6);
  g_assert_cmpint (raw_int (f->location, "SELECT count(*) FROM routines"), ==,
                   2);

  ls_person_set_name (added, "Nora Lund");
  ls_person_set_category (added, LS_REPORTER_CATEGORY_TRAINEE);
  ls_person_set_started_on (added, "2026-03-09");
  g_list_store_append (ls_people_register_get_people (register_), added);
  person = ls_people_register_find_staff_number (register_, "1002");
  ls_person_set_ended_on (person, "2026-03-31");
  ls_information_occasion_set_held_on (occasion, TODAY);
  ls_information_occasion_set_oral (occasion, TRUE);
  ls_information_occasion_add_participant (occasion, ls_person_get_id (added));
  g_list_store_append (ls_people_register_get_occasions (register_), occasion);
  g_assert_true (ls_store_save_people (f->store, register_, &error));
  g_assert_no_error (error);

  before = register_text (register_);
  g_clear_object (&f->store);
  f->store = ls_store_open (f->location, &error);
  g_assert_no_error (error);
  again = load (f->store);
  after = register_text (again);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (ls_person_get_ended_on (
                       ls_people_register_find_staff_number (again, "1002")),
                   ==, "2026-03-31");
}

static void
result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (LsPeopleRegister) register_ = NULL;
  g_autoptr (GError) error = NULL;

  ls_store_load_people_async (f->store, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  register_ = ls_store_load_people_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_of (ls_people_register_get_people (register_)), ==, 6);
  g_clear_object (&result);

  ls_person_set_name (ls_people_register_find_staff_number (register_, "1001"),
                      "Kim Berg Ek");
  ls_store_save_people_async (f->store, register_, NULL, result_cb, &result);
  /* Copied first: a change made now is not what is saved. */
  ls_person_set_name (ls_people_register_find_staff_number (register_, "1001"),
                      "Someone Else");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ls_store_save_people_finish (f->store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&register_);
  register_ = load (f->store);
  g_assert_cmpstr (ls_person_get_name (ls_people_register_find_staff_number (
                       register_, "1001")),
                   ==, "Kim Berg Ek");
}

static void
test_never_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr (LsPeopleRegister) register_ = load (f->store);
  g_autoptr (LsPeopleRegister) again = NULL;
  g_autoptr (GError) error = NULL;

  /* A person left out of a save is still there. */
  g_list_store_remove (ls_people_register_get_people (register_), 0);
  g_list_store_remove_all (ls_people_register_get_occasions (register_));
  g_assert_true (ls_store_save_people (f->store, register_, &error));
  again = load (f->store);
  g_assert_cmpuint (n_of (ls_people_register_get_people (again)), ==, 6);
  g_assert_cmpuint (n_of (ls_people_register_get_occasions (again)), ==, 3);

  /* Nor can another program remove one behind the store's back. */
  g_assert_cmpint (raw_exec (f->location, "DELETE FROM people"), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (f->location, "DELETE FROM occasions"), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_int (f->location, "SELECT count(*) FROM people"), ==, 6);
}

static void
test_routines_append_only (Fixture *f, gconstpointer data)
{
  g_autoptr (LsPeopleRegister) register_ = load (f->store);
  g_autoptr (LsPeopleRegister) again = NULL;
  g_autoptr (LsRoutines) next = NULL;
  g_autoptr (GError) error = NULL;
  LsRoutines *latest = ls_people_register_get_latest_routines (register_);
  LsAssignment *assignment =
      ls_routines_find (latest, LS_RESPONSIBILITY_INVESTIGATE, NULL);

  /* Changing a decided version is refused, and nothing is saved. */
  ls_assignment_set_holder (assignment, "Någon annan");
  ls_person_set_name (ls_people_register_find_staff_number (register_, "1001"),
                      "Kim Ek");
  g_assert_false (ls_store_save_people (f->store, register_, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_APPEND_ONLY);
  g_assert_nonnull (strstr (error->message, "routines[1]"));
  g_clear_error (&error);
  again = load (f->store);
  g_assert_cmpstr (
      ls_person_get_name (ls_people_register_find_staff_number (again, "1001")),
      ==, "Kim Berg");
  g_assert_cmpint (
      raw_exec (f->location, "UPDATE routines SET decided_by = 'x'"), ==,
      SQLITE_CONSTRAINT);

  /* A new decision is a new version, and the old one stays. */
  g_clear_object (&again);
  again = load (f->store);
  latest = ls_people_register_get_latest_routines (again);
  next = ls_routines_new_version (latest);
  ls_assignment_set_holder (
      ls_routines_find (next, LS_RESPONSIBILITY_INVESTIGATE, NULL),
      "Jonas Ek, medicinskt ansvarig sjuksköterska");
  ls_routines_set_decided_on (next, "2026-03-01");
  ls_routines_set_decided_by (next, "Vård- och omsorgsnämnden, § 7");
  g_list_store_append (ls_people_register_get_routines (again), next);
  g_assert_true (ls_store_save_people (f->store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->location, "SELECT count(*) FROM routines"), ==,
                   3);
}

static void
test_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr (LsPeopleRegister) register_ = load (f->store);
  g_autoptr (LsPerson) twin = ls_person_new ();
  g_autoptr (GError) error = NULL;
  const char *units[] = { "00000000-0000-4000-8000-000000000000", NULL };
  LsPerson *person = ls_people_register_find_staff_number (register_, "1003");

  ls_person_set_units (person, units);
  g_assert_false (ls_store_save_people (f->store, register_, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "people[2].units"));
  g_clear_error (&error);
  ls_person_set_units (person, NULL);

  ls_person_set_name (twin, "Kim Berg");
  ls_person_set_staff_number (twin, "1001");
  ls_person_set_category (twin, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_person_set_started_on (twin, "2026-01-01");
  g_list_store_append (ls_people_register_get_people (register_), twin);
  g_assert_false (ls_store_save_people (f->store, register_, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (raw_int (f->location, "SELECT count(*) FROM people"), ==, 6);
}

static void
test_import_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *csv_path = g_build_filename (LS_TEST_SRCDIR, "..", "docs",
                                                "staff-example.csv", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "bad.csv", NULL);
  g_autoptr (GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr (GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsPeopleRegister) before = NULL;
  g_autoptr (LsPeopleRegister) after = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  LsPeopleCsvCounts counts;

  /* The example's people have the same staff numbers as the list, and
   * one (0987) has left already: a first import adds nobody new. */
  g_assert_true (
      ls_store_import_people (f->store, csv, TODAY, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.changed + counts.unchanged, ==, 5);
  g_assert_cmpuint (counts.ended, ==, 0);

  /* Idempotent: the same file again changes nothing. */
  before = load (f->store);
  before_text = register_text (before);
  g_assert_true (
      ls_store_import_people (f->store, csv, TODAY, &counts, &error));
  g_assert_cmpuint (counts.added + counts.changed + counts.ended, ==, 0);
  after = load (f->store);
  after_text = register_text (after);
  g_assert_cmpstr (before_text, ==, after_text);

  /* A bad row: nothing is imported. */
  g_assert_true (g_file_set_contents (
      bad_path,
      "staff_number;name;started_on\n2001;Nils Ek;2026-01-01\n"
      "2002;Eva Ek;2026-13-01\n",
      -1, NULL));
  g_assert_false (
      ls_store_import_people (f->store, bad, TODAY, &counts, &error));
  g_assert_error (error, LS_STORE_ERROR, LS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_cmpint (raw_int (f->location, "SELECT count(*) FROM people"), ==, 6);
}

static void
test_exchange (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) exported = NULL;
  g_autoptr (JsonNode) example = ls_core_test_load_example ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  guint n_changed = 99;

  exported = ls_store_export_document (f->store, &error);
  g_assert_no_error (error);
  root = json_node_get_object (exported);
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==,
                   LS_EXCHANGE_FORMAT_VERSION);
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (root, "people")), ==,
      6);
  g_assert_true (ls_core_test_json_equal (example, exported));

  /* The same document again changes nothing. */
  g_assert_true (ls_store_import_document (f->store, example, "Maria Lind",
                                           &n_changed, &error));
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpint (raw_int (f->location, "SELECT count(*) FROM people"), ==, 6);
}

static void
test_old_document (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  JsonObject *root = json_node_get_object (document);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsPeopleRegister) register_ = NULL;
  JsonArray *cases = json_object_get_array_member (root, "cases");

  /* A document of version 1, as it was written before the register. */
  json_object_set_int_member (root, "version", 1);
  json_object_remove_member (root, "people");
  json_object_remove_member (root, "occasions");
  json_object_remove_member (root, "routines");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      json_object_remove_member (json_array_get_object_element (cases, i),
                                 "concerned");
      json_object_remove_member (json_array_get_object_element (cases, i),
                                 "substitutions");
    }
  f->store = ls_store_open (f->location, &error);
  g_assert_no_error (error);
  ls_store_import_document (f->store, document, "Maria", NULL, &error);
  g_assert_no_error (error);
  register_ = load (f->store);
  g_assert_cmpuint (n_of (ls_people_register_get_people (register_)), ==, 0);
  g_assert_cmpint (raw_int (f->location, "SELECT count(*) FROM cases"), ==, 2);
}

static void
test_migrate_from_v3 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsPeopleRegister) register_ = NULL;
  g_autoptr (LsPerson) person = ls_person_new ();
  g_autoptr (GString) sql = g_string_new (NULL);

  for (int step = 1; step <= 3; step++)
    g_string_append (sql, ls_store_schema_step (step));
  g_string_append_printf (sql,
                          "PRAGMA user_version = 3;"
                          "PRAGMA application_id = %d;",
                          LS_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_exec (f->location, sql->str), ==, SQLITE_OK);

  f->store = ls_store_open (f->location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->location, "PRAGMA user_version"), ==,
                   LS_STORE_SCHEMA_VERSION);
  register_ = load (f->store);
  g_assert_cmpuint (n_of (ls_people_register_get_people (register_)), ==, 0);
  ls_person_set_name (person, "Kim Berg");
  ls_person_set_category (person, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_person_set_started_on (person, "2026-01-01");
  g_list_store_append (ls_people_register_get_people (register_), person);
  g_assert_true (ls_store_save_people (f->store, register_, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->location, "SELECT count(*) FROM people"), ==, 1);
}

/* A report naming the holder of the investigation, Maria Lind. */
static LsCase *
new_report (void)
{
  LsCase *lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);

  ls_case_set_unit_id (lcase, "6637c86c-a47f-4dae-8000-0b60995e4035");
  ls_report_set_kind (report, LS_CASE_KIND_WRONGDOING);
  ls_report_set_received_at (report, "2026-03-02T08:15:00+01:00");
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_report_set_description (report, "Maria Lind svarade inte på larmet.");
  return lcase;
}

/* Whether "needs attention now" lists the case @uuid at all, and with
 * @conflict, that the holder of the investigation is concerned and
 * nobody takes over. */
static gboolean
needs_attention (LsStore *store, const char *uuid, gboolean conflict)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items =
      ls_store_list_attention_items (store, NULL, 100, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      GPtrArray *requirements =
          ls_attention_item_get_requirements (items->pdata[i]);

      if (g_strcmp0 (ls_attention_item_get_uuid (items->pdata[i]), uuid) != 0)
        continue;
      found = found || !conflict;
      for (guint k = 0; k < requirements->len; k++)
        if (ls_requirement_get_step (requirements->pdata[k]) ==
                LS_STEP_INVESTIGATORS &&
            ls_people_rules_is_conflict (requirements->pdata[k]))
          found = TRUE;
    }
  return found;
}

/* A report naming the holder of the investigation, and routines naming
 * no substitute: it needs attention now, at the investigators' step. */
static void
test_attention_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (LsPeopleRegister) register_ = load (f->store);
  g_autoptr (LsRoutines) next = NULL;
  g_autoptr (LsCase) lcase = new_report ();
  g_autoptr (GError) error = NULL;

  next = ls_routines_new_version (
      ls_people_register_get_latest_routines (register_));
  ls_assignment_set_substitute (
      ls_routines_find (next, LS_RESPONSIBILITY_INVESTIGATE, NULL), NULL);
  ls_routines_set_decided_on (next, "2026-03-01");
  ls_routines_set_decided_by (next, "Vård- och omsorgsnämnden, § 7");
  g_list_store_append (ls_people_register_get_routines (register_), next);
  g_assert_true (ls_store_save_people (f->store, register_, &error));

  g_assert_true (ls_store_save_case (f->store, lcase, "Anna", &error));
  g_assert_no_error (error);

  g_assert_true (needs_attention (f->store, ls_case_get_uuid (lcase), TRUE));
}

/* A report saved remedied at once and under investigation: nothing else
 * needs attention now, so what the routines change is all there is. */
static LsCase *
save_remedied_report (LsStore *store)
{
  LsCase *lcase = new_report ();
  g_autoptr (LsAction) action = ls_action_new ();
  g_autoptr (LsInvestigator) investigator = ls_investigator_new ();
  g_autoptr (GError) error = NULL;

  ls_action_set_description (action, "Larmet byttes.");
  ls_action_set_taken_at (action, "2026-03-02T09:00:00+01:00");
  g_list_store_append (
      ls_report_get_immediate_actions (ls_case_get_report (lcase)), action);
  ls_investigator_set_name (investigator, "Lena Holm");
  g_list_store_append (
      ls_investigation_get_investigators (ls_case_get_investigation (lcase)),
      investigator);
  g_assert_true (ls_store_save_case (store, lcase, "Anna", &error));
  g_assert_no_error (error);
  g_assert_false (needs_attention (store, ls_case_get_uuid (lcase), FALSE));
  return lcase;
}

/* The routines change what needs attention in the cases already saved:
 * no substitute in a new version, and the case whose report names the
 * holder needs attention without being saved again; a substitute named
 * in the next version, and it no longer does. */
static void
test_attention_follows_routines (Fixture *f, gconstpointer data)
{
  g_autoptr (LsPeopleRegister) register_ = load (f->store);
  g_autoptr (LsRoutines) without = NULL;
  g_autoptr (LsRoutines) with = NULL;
  g_autoptr (LsCase) lcase = save_remedied_report (f->store);
  g_autoptr (GError) error = NULL;
  g_autofree char *substitute = NULL;

  without = ls_routines_new_version (
      ls_people_register_get_latest_routines (register_));
  substitute = g_strdup (ls_assignment_get_substitute (
      ls_routines_find (without, LS_RESPONSIBILITY_INVESTIGATE, NULL)));
  g_assert_nonnull (substitute);
  ls_assignment_set_substitute (
      ls_routines_find (without, LS_RESPONSIBILITY_INVESTIGATE, NULL), NULL);
  ls_routines_set_decided_on (without, "2026-03-01");
  ls_routines_set_decided_by (without, "Vård- och omsorgsnämnden, § 7");
  g_list_store_append (ls_people_register_get_routines (register_), without);
  g_assert_true (ls_store_save_people (f->store, register_, &error));
  g_assert_no_error (error);
  g_assert_true (needs_attention (f->store, ls_case_get_uuid (lcase), TRUE));

  with = ls_routines_new_version (without);
  ls_assignment_set_substitute (
      ls_routines_find (with, LS_RESPONSIBILITY_INVESTIGATE, NULL), substitute);
  ls_routines_set_decided_on (with, "2026-03-05");
  ls_routines_set_decided_by (with, "Vård- och omsorgsnämnden, § 9");
  g_list_store_append (ls_people_register_get_routines (register_), with);
  g_assert_true (ls_store_save_people (f->store, register_, &error));
  g_assert_no_error (error);
  g_assert_false (needs_attention (f->store, ls_case_get_uuid (lcase), FALSE));
}

/* A document whose routines come after its cases, as every document's
 * do: a new version without a substitute, and the case already saved
 * that names the holder needs attention after the import. */
static void
test_attention_follows_imported_routines (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  JsonArray *routines = json_object_get_array_member (
      json_node_get_object (document), "routines");
  g_autofree char *text = json_to_string (
      json_array_get_element (routines, json_array_get_length (routines) - 1),
      FALSE);
  g_autoptr (JsonNode) version = json_from_string (text, NULL);
  JsonArray *assignments = json_object_get_array_member (
      json_node_get_object (version), "assignments");
  g_autoptr (LsCase) lcase = save_remedied_report (f->store);
  g_autoptr (GError) error = NULL;

  json_object_set_string_member (json_node_get_object (version), "id",
                                 "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b0ff1");
  json_object_set_string_member (json_node_get_object (version), "decided_on",
                                 "2026-03-01");
  for (guint i = 0; i < json_array_get_length (assignments); i++)
    {
      JsonObject *assignment = json_array_get_object_element (assignments, i);

      if (g_str_equal (
              json_object_get_string_member (assignment, "responsibility"),
              "investigate"))
        json_object_set_null_member (assignment, "substitute");
    }
  json_array_add_element (routines, g_steal_pointer (&version));
  g_assert_true (ls_store_import_document (f->store, document, "Maria Lind",
                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_true (needs_attention (f->store, ls_case_get_uuid (lcase), TRUE));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                        \
  LS_CORE_TEST_ADD_BOTH (path, Fixture, &sqlite_example, &pg_example,          \
                         fixture_set_up, func, ls_core_test_store_tear_down)
  ADD ("/store/people/round-trip", test_round_trip);
  ADD ("/store/people/async", test_async);
  ADD ("/store/people/never-deleted", test_never_deleted);
  ADD ("/store/people/routines-append-only", test_routines_append_only);
  ADD ("/store/people/invalid", test_invalid);
  ADD ("/store/people/import-csv", test_import_csv);
  ADD ("/store/people/exchange", test_exchange);
  ADD ("/store/people/attention-conflict", test_attention_conflict);
  ADD ("/store/people/attention-follows-routines",
       test_attention_follows_routines);
  ADD ("/store/people/attention-follows-imported-routines",
       test_attention_follows_imported_routines);
  LS_CORE_TEST_ADD_BOTH ("/store/people/old-document", Fixture, &sqlite_empty,
                         &pg_empty, fixture_set_up, test_old_document,
                         ls_core_test_store_tear_down);
#undef ADD
  /* The schema of a SQLite file before the register. */
  g_test_add ("/store/people/migrate-from-v3", Fixture, &sqlite_empty,
              fixture_set_up, test_migrate_from_v3,
              ls_core_test_store_tear_down);

  return g_test_run ();
}
