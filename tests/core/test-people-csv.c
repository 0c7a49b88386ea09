/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-core-test.h"
#include "ls-error.h"
#include "ls-model.h"
#include "ls-people-csv.h"

#define SOLGARDEN "6637c86c-a47f-4dae-8000-0b60995e4035"
#define LINDEN "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"
#define TODAY "2026-03-10"

static char *
register_text (LsPeopleRegister *reg)
{
  g_autoptr (JsonObject) json = ls_model_to_json (G_OBJECT (reg));
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), json);

  return json_to_string (node, FALSE);
}

static char *
example_csv (void)
{
  g_autofree char *path = g_build_filename (LS_TEST_SRCDIR, "..", "docs",
                                            "staff-example.csv", NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static guint
n_people (LsPeopleRegister *reg)
{
  return g_list_model_get_n_items (
      G_LIST_MODEL (ls_people_register_get_people (reg)));
}

static void
test_good_file (void)
{
  g_autoptr (LsOrganisation) org = ls_core_test_example_organisation ();
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  g_autofree char *csv = example_csv ();
  g_autoptr (GError) error = NULL;
  LsPeopleCsvCounts counts;
  LsPerson *person;

  ls_people_csv_import (reg, org, csv, -1, TODAY, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 5);
  g_assert_cmpuint (counts.changed + counts.ended + counts.unchanged, ==, 0);
  g_assert_true (ls_people_register_validate (reg, org, NULL));

  person = ls_people_register_find_staff_number (reg, "1001");
  g_assert_cmpstr (ls_person_get_name (person), ==, "Kim Berg");
  g_assert_cmpint (ls_person_get_category (person), ==,
                   LS_REPORTER_CATEGORY_EMPLOYEE);
  g_assert_cmpstr (ls_person_get_units (person)[0], ==, SOLGARDEN);
  g_assert_cmpstr (ls_person_get_started_on (person), ==, "2019-08-19");
  g_assert_null (ls_person_get_ended_on (person));

  person = ls_people_register_find_staff_number (reg, "1002");
  g_assert_cmpuint (g_strv_length ((GStrv) ls_person_get_units (person)), ==,
                    2);
  g_assert_cmpstr (ls_person_get_units (person)[1], ==, LINDEN);

  person = ls_people_register_find_staff_number (reg, "1003");
  g_assert_cmpint (ls_person_get_category (person), ==,
                   LS_REPORTER_CATEGORY_TRAINEE);
  g_assert_cmpstr (ls_person_get_ended_on (person), ==, "2026-06-12");

  /* A quoted field keeps its separator; the name is the one column. */
  person = ls_people_register_find_staff_number (reg, "1004");
  g_assert_cmpstr (ls_person_get_name (person), ==, "Jonsson, Erik");
  g_assert_cmpint (ls_person_get_category (person), ==,
                   LS_REPORTER_CATEGORY_CONTRACTOR);
  person = ls_people_register_find_staff_number (reg, "1005");
  g_assert_cmpint (ls_person_get_category (person), ==,
                   LS_REPORTER_CATEGORY_PROGRAMME_PARTICIPANT);
}

static void
test_comma_english (void)
{
  g_autoptr (LsOrganisation) org = ls_core_test_example_organisation ();
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  g_autoptr (GError) error = NULL;
  const char *csv =
      "\xEF\xBB\xBF"
      "staff_number,name,category,units,started_on\r\n"
      "A7,\"Lind, \"\"Mia\"\"\",employee," LINDEN ",2025-01-01\r\n"
      "\r\n"
      "A8,Per Holm,,Gruppbostaden linden,2025-02-01\r\n";
  LsPerson *person;

  ls_people_csv_import (reg, org, csv, -1, TODAY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_people (reg), ==, 2);
  person = ls_people_register_find_staff_number (reg, "A7");
  g_assert_cmpstr (ls_person_get_name (person), ==, "Lind, \"Mia\"");
  g_assert_cmpstr (ls_person_get_units (person)[0], ==, LINDEN);
  /* No category given: an employee; a unit's name in any case. */
  person = ls_people_register_find_staff_number (reg, "A8");
  g_assert_cmpint (ls_person_get_category (person), ==,
                   LS_REPORTER_CATEGORY_EMPLOYEE);
  g_assert_cmpstr (ls_person_get_units (person)[0], ==, LINDEN);
}

static void
test_idempotent_and_ended (void)
{
  g_autoptr (LsOrganisation) org = ls_core_test_example_organisation ();
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  g_autofree char *csv = example_csv ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *later_text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsPerson) by_hand = ls_person_new ();
  LsPeopleCsvCounts counts;
  /* Kim Berg (1001) has left the later list; Ali Demir moved. */
  const char *later =
      "Anställningsnummer;Förnamn;Efternamn;Kategori;Enhet;Startdatum;"
      "Slutdatum\n"
      "1002;Ali;Demir;Anställd;Gruppbostaden Linden;2024-02-01;\n"
      "1003;Sara;Nilsson;Praktikant;Gruppbostaden "
      "Linden;2026-01-12;2026-06-12\n"
      "1004;\"Jonsson, Erik\";;Uppdragstagare;Gruppbostaden "
      "Linden;2025-05-01;\n"
      "1005;Fatima;Ali;Deltagare;Solgårdens vård- och "
      "omsorgsboende;2026-02-02;\n";

  ls_person_set_name (by_hand, "Eva Ek");
  ls_person_set_category (by_hand, LS_REPORTER_CATEGORY_CONTRACTOR);
  ls_person_set_started_on (by_hand, "2025-01-01");
  g_list_store_append (ls_people_register_get_people (reg), by_hand);

  ls_people_csv_import (reg, org, csv, -1, TODAY, NULL, &error);
  g_assert_no_error (error);
  first = register_text (reg);
  g_assert_true (
      ls_people_csv_import (reg, org, csv, -1, TODAY, &counts, &error));
  g_assert_no_error (error);
  second = register_text (reg);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (counts.added + counts.changed + counts.ended, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, 5);

  ls_people_csv_import (reg, org, later, -1, "2026-04-01", &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.ended, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, 3);
  /* Ended, not deleted; the person entered by hand is left alone. */
  g_assert_cmpuint (n_people (reg), ==, 6);
  g_assert_cmpstr (ls_person_get_ended_on (
                       ls_people_register_find_staff_number (reg, "1001")),
                   ==, "2026-04-01");
  g_assert_null (ls_person_get_ended_on (by_hand));

  /* The later list again, another day: nothing changes. */
  later_text = register_text (reg);
  g_assert_true (ls_people_csv_import (reg, org, later, -1, "2026-05-01",
                                       &counts, &error));
  g_assert_cmpuint (counts.added + counts.changed + counts.ended, ==, 0);
  g_clear_pointer (&second, g_free);
  second = register_text (reg);
  g_assert_cmpstr (later_text, ==, second);
}

typedef struct
{
  const char *name;
  const char *csv;
  const char *message_start;
  const char *secret; /* a value of the row the message must not echo */
} BadCase;

#define HEAD "staff_number;name;category;units;started_on;ended_on\n"
#define GOOD "1;Kim Berg;employee;Gruppbostaden Linden;2025-01-01;\n"

static const BadCase bad_cases[] = {
  { "bad-date", HEAD GOOD "2;Ali Demir;employee;;2025-02-30;\n",
    "Line 3, column “started_on”:", "2025-02-30" },
  { "bad-end-date", HEAD GOOD "2;Ali Demir;employee;;2025-02-01;1.2.2026\n",
    "Line 3, column “ended_on”:", "1.2.2026" },
  { "ends-before-start", HEAD GOOD "2;Ali Demir;;;2025-02-01;2025-01-01\n",
    "Line 3, column “ended_on”:", NULL },
  { "no-start", HEAD GOOD "2;Ali Demir;;;;\n",
    "Line 3, column “started_on”:", NULL },
  { "category", HEAD GOOD "2;Ali Demir;chef;;2025-02-01;\n",
    "Line 3, column “category”:", "chef" },
  { "unit", HEAD GOOD "2;Ali Demir;;Hemtjänst Norr;2025-02-01;\n",
    "Line 3, column “units”:", "Hemtjänst Norr" },
  { "no-staff-number", HEAD GOOD ";Ali Demir;;;2025-02-01;\n",
    "Line 3, column “staff_number”:", NULL },
  { "no-name", HEAD GOOD "2;;;;2025-02-01;\n", "Line 3, column “name”:", NULL },
  { "duplicate", HEAD GOOD "1;Ali Demir;;;2025-02-01;\n",
    "Line 3, column “staff_number”:", "Ali Demir" },
  { "too-many-fields", HEAD GOOD "2;Ali;Demir;;;2025-02-01;;\n",
    "Line 3:", "Demir" },
  { "unclosed-quote", HEAD GOOD "2;\"Ali Demir;;;2025-02-01;\n",
    "Line 3:", "Ali" },
  { "not-utf8", HEAD GOOD "2;Ali D\xE9mir;;;2025-02-01;\n", "Line 3:", NULL },
  { "no-staff-number-column", "name;started_on\nKim Berg;2025-01-01\n",
    "Line 1:", NULL },
  { "no-start-column", "staff_number;name\n1;Kim Berg\n", "Line 1:", NULL },
  { "empty", "\n\n", "Line 1:", NULL },
};

static void
test_bad_row (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr (LsOrganisation) org = ls_core_test_example_organisation ();
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  g_autofree char *csv = example_csv ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (ls_people_csv_import (reg, org, csv, -1, TODAY, NULL, NULL));
  before = register_text (reg);

  g_assert_false (
      ls_people_csv_import (reg, org, bad->csv, -1, TODAY, NULL, &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_BAD_DOCUMENT);
  if (!g_str_has_prefix (error->message, bad->message_start))
    g_error ("%s: “%s” does not start with “%s”", bad->name, error->message,
             bad->message_start);
  if (bad->secret != NULL)
    g_assert_null (strstr (error->message, bad->secret));

  /* Nothing half-imported: not the good row before the bad one, and
   * nobody ended. */
  after = register_text (reg);
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/people-csv/good-file", test_good_file);
  g_test_add_func ("/people-csv/comma-english", test_comma_english);
  g_test_add_func ("/people-csv/idempotent-and-ended",
                   test_idempotent_and_ended);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path =
          g_strdup_printf ("/people-csv/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_row);
    }

  return g_test_run ();
}
