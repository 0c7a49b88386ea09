/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-action.h"
#include "ls-core-test.h"
#include "ls-error.h"
#include "ls-law.h"
#include "ls-people-register.h"
#include "ls-people-rules.h"
#include "ls-rules.h"

#define UNIT_A "6637c86c-a47f-4dae-8000-0b60995e4035"
#define UNIT_B "0b7c5a5e-1a51-4c7e-9d3e-8a0d2f3b9c11"
#define TODAY "2026-03-10"

/* ---- Fixtures ------------------------------------------------------------ */

static LsPerson *
add_person (LsPeopleRegister *reg, const char *name, const char *started_on)
{
  g_autoptr (LsPerson) person = ls_person_new ();
  const char *units[] = { UNIT_A, NULL };

  ls_person_set_name (person, name);
  ls_person_set_category (person, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_person_set_started_on (person, started_on);
  ls_person_set_units (person, units);
  g_list_store_append (ls_people_register_get_people (reg), person);
  return person;
}

static LsInformationOccasion *
add_occasion (LsPeopleRegister *reg,
              const char *held_on,
              gboolean oral,
              gboolean written,
              LsOccasionCovered covered,
              LsPerson *person)
{
  g_autoptr (LsInformationOccasion) occasion = ls_information_occasion_new ();

  ls_information_occasion_set_held_on (occasion, held_on);
  ls_information_occasion_set_oral (occasion, oral);
  ls_information_occasion_set_written (occasion, written);
  ls_information_occasion_set_covered (occasion, covered);
  ls_information_occasion_set_given_by (occasion, "Maria Lind");
  ls_information_occasion_add_participant (occasion, ls_person_get_id (person));
  g_list_store_append (ls_people_register_get_occasions (reg), occasion);
  return occasion;
}

static LsRoutines *
add_routines (LsPeopleRegister *reg,
              const char *decided_on,
              const char *receiver)
{
  g_autoptr (LsRoutines) routines = ls_routines_new ();
  LsAssignment *assignment;

  ls_routines_set_decided_on (routines, decided_on);
  ls_routines_set_decided_by (routines, "Vård- och omsorgsnämnden");
  assignment =
      ls_routines_ensure (routines, LS_RESPONSIBILITY_RECEIVE_REPORTS, NULL);
  ls_assignment_set_holder (assignment, receiver);
  ls_assignment_set_substitute (assignment, "Per Holm");
  assignment =
      ls_routines_ensure (routines, LS_RESPONSIBILITY_INVESTIGATE, NULL);
  ls_assignment_set_holder (assignment, "Maria Lind");
  ls_assignment_set_substitute (assignment, "Eva Ek");
  g_list_store_append (ls_people_register_get_routines (reg), routines);
  return routines;
}

static const LsOccasionCovered ALL = LS_OCCASION_COVERED_DUTY |
                                     LS_OCCASION_COVERED_WHAT |
                                     LS_OCCASION_COVERED_RECEIVER;

static LsPeopleFlag *
find_flag (GListStore *flags, LsPeopleFlagKind kind, LsPerson *person)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (flags)); i++)
    {
      g_autoptr (LsPeopleFlag) flag =
          g_list_model_get_item (G_LIST_MODEL (flags), i);

      if (ls_people_flag_get_kind (flag) == kind &&
          ls_people_flag_get_person (flag) == person)
        return flag;
    }
  return NULL;
}

/* ---- The model and the exchange format ------------------------------------
 */

static void
test_register_roundtrip (void)
{
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  g_autoptr (LsPeopleRegister) back = NULL;
  g_autoptr (JsonObject) document = json_object_new ();
  g_autoptr (GError) error = NULL;
  LsPerson *person = add_person (reg, "Kim Berg", "2025-01-07");
  LsRoutines *routines;
  LsPerson *read;
  LsAssignment *assignment;

  ls_person_set_staff_number (person, "A-1001");
  add_occasion (reg, "2025-01-07", TRUE, TRUE, ALL, person);
  add_routines (reg, "2025-01-01", "Anna Svensson");

  ls_people_register_add_to_document (reg, document);
  g_assert_true (json_object_has_member (document, "people"));
  g_assert_true (json_object_has_member (document, "occasions"));
  g_assert_true (json_object_has_member (document, "routines"));

  back = ls_people_register_new_from_document (document, NULL, &error);
  g_assert_no_error (error);
  read = ls_people_register_find_staff_number (back, "A-1001");
  g_assert_nonnull (read);
  g_assert_cmpstr (ls_person_get_name (read), ==, "Kim Berg");
  g_assert_cmpint (ls_person_get_category (read), ==,
                   LS_REPORTER_CATEGORY_EMPLOYEE);
  g_assert_cmpstr (ls_person_get_units (read)[0], ==, UNIT_A);
  g_assert_cmpuint (g_list_model_get_n_items (
                        G_LIST_MODEL (ls_people_register_get_occasions (back))),
                    ==, 1);
  routines = ls_people_register_get_latest_routines (back);
  g_assert_nonnull (routines);
  assignment =
      ls_routines_find (routines, LS_RESPONSIBILITY_INVESTIGATE, UNIT_A);
  g_assert_cmpstr (ls_assignment_get_holder (assignment), ==, "Maria Lind");
  g_assert_cmpstr (ls_assignment_get_substitute (assignment), ==, "Eva Ek");
}

static void
test_register_old_document (void)
{
  g_autoptr (JsonObject) v1 = json_object_new ();
  g_autoptr (LsPeopleRegister) reg = NULL;
  g_autoptr (GError) error = NULL;

  /* A document of version 1 carries none of the register's members. */
  json_object_set_string_member (v1, "format", "lexsarah");
  json_object_set_int_member (v1, "version", 1);
  reg = ls_people_register_new_from_document (v1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (
                        G_LIST_MODEL (ls_people_register_get_people (reg))),
                    ==, 0);
  g_assert_null (ls_people_register_get_latest_routines (reg));
}

static void
assert_invalid (LsPeopleRegister *reg, const char *path, LsError code)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (ls_people_register_validate (reg, NULL, &error));
  g_assert_error (error, LS_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, path));
}

static void
test_register_validate (void)
{
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  LsPerson *person = add_person (reg, "Kim Berg", "2025-01-07");
  LsInformationOccasion *occasion;
  LsRoutines *routines;

  ls_person_set_category (person, LS_REPORTER_CATEGORY_UNSET);
  assert_invalid (reg, "people[0].category:", LS_ERROR_EMPTY_FIELD);
  ls_person_set_category (person, LS_REPORTER_CATEGORY_TRAINEE);
  ls_person_set_ended_on (person, "2024-12-31");
  assert_invalid (reg, "people[0].ended_on:", LS_ERROR_INVALID_DATE);
  ls_person_set_ended_on (person, "2025-13-01");
  assert_invalid (reg, "people[0].ended_on:", LS_ERROR_INVALID_DATE);
  ls_person_set_ended_on (person, NULL);

  occasion = add_occasion (reg, "2025-01-07", FALSE, FALSE, ALL, person);
  assert_invalid (reg, "occasions[0].oral:", LS_ERROR_EMPTY_FIELD);
  ls_information_occasion_set_oral (occasion, TRUE);
  ls_information_occasion_add_participant (
      occasion, "00000000-0000-4000-8000-000000000000");
  assert_invalid (reg, "occasions[0].participants:", LS_ERROR_UNKNOWN_VALUE);
  ls_information_occasion_set_participants (occasion, NULL);

  routines = add_routines (reg, "2025-01-01", "Anna Svensson");
  ls_routines_set_decided_by (routines, NULL);
  assert_invalid (reg, "routines[0].decided_by:", LS_ERROR_EMPTY_FIELD);
  ls_routines_set_decided_by (routines, "Nämnden");
  g_assert_true (ls_people_register_validate (reg, NULL, NULL));
}

static void
test_routines_unit_override (void)
{
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  LsRoutines *routines = add_routines (reg, "2025-01-01", "Anna Svensson");
  g_autoptr (LsRoutines) next = NULL;
  LsAssignment *unit;

  unit =
      ls_routines_ensure (routines, LS_RESPONSIBILITY_RECEIVE_REPORTS, UNIT_B);
  ls_assignment_set_holder (unit, "Olle Ström");
  g_assert_cmpstr (ls_assignment_get_holder (ls_routines_find (
                       routines, LS_RESPONSIBILITY_RECEIVE_REPORTS, UNIT_B)),
                   ==, "Olle Ström");
  g_assert_cmpstr (ls_assignment_get_holder (ls_routines_find (
                       routines, LS_RESPONSIBILITY_RECEIVE_REPORTS, UNIT_A)),
                   ==, "Anna Svensson");

  /* A new decision starts from the last and leaves it as it was. */
  next = ls_routines_new_version (routines);
  g_assert_cmpstr (ls_routines_get_id (next), !=,
                   ls_routines_get_id (routines));
  g_assert_null (ls_routines_get_decided_on (next));
  ls_assignment_set_holder (
      ls_routines_find (next, LS_RESPONSIBILITY_RECEIVE_REPORTS, UNIT_B),
      "Lisa Berg");
  g_assert_cmpstr (ls_assignment_get_holder (ls_routines_find (
                       routines, LS_RESPONSIBILITY_RECEIVE_REPORTS, UNIT_B)),
                   ==, "Olle Ström");
}

/* ---- Rules: 2 kap. 2 § -----------------------------------------------------
 */

static void
test_rules_not_informed_at_start (void)
{
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  LsPerson *person = add_person (reg, "Kim Berg", "2026-02-01");
  LsPerson *later = add_person (reg, "Ali Demir", "2026-04-01");
  LsPerson *left = add_person (reg, "Eva Ek", "2020-02-01");
  g_autoptr (GListStore) flags = NULL;
  LsPeopleFlag *flag;

  add_routines (reg, "2025-01-01", "Anna Svensson");
  ls_person_set_ended_on (left, "2026-01-31");

  flags = ls_people_rules_check (reg, TODAY);
  flag = find_flag (flags, LS_PEOPLE_FLAG_NOT_INFORMED_AT_START, person);
  g_assert_nonnull (flag);
  g_assert_cmpstr (ls_people_flag_get_reference (flag), ==,
                   "2 kap. 2 § SOSFS 2011:5");
  g_assert_cmpstr (ls_people_flag_get_due (flag), ==, "2026-02-01");
  /* Not begun yet, or left: nothing asked. */
  g_assert_null (
      find_flag (flags, LS_PEOPLE_FLAG_NOT_INFORMED_AT_START, later));
  g_assert_null (find_flag (flags, LS_PEOPLE_FLAG_NOT_INFORMED_AT_START, left));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (flags)), ==, 1);

  /* Told of the duty but not of who receives reports is not enough. */
  add_occasion (reg, "2026-02-01", TRUE, TRUE, LS_OCCASION_COVERED_DUTY,
                person);
  g_clear_object (&flags);
  flags = ls_people_rules_check (reg, TODAY);
  g_assert_nonnull (
      find_flag (flags, LS_PEOPLE_FLAG_NOT_INFORMED_AT_START, person));

  add_occasion (reg, "2026-02-02", TRUE, TRUE, ALL, person);
  g_clear_object (&flags);
  flags = ls_people_rules_check (reg, TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (flags)), ==, 0);
}

static void
test_rules_yearly (void)
{
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  LsPerson *person = add_person (reg, "Kim Berg", "2024-01-08");
  g_autoptr (GListStore) flags = NULL;
  LsPeopleFlag *flag;

  add_routines (reg, "2024-01-01", "Anna Svensson");
  add_occasion (reg, "2024-01-08", TRUE, TRUE, ALL, person);
  /* Orally this year, in writing only last year. */
  add_occasion (reg, "2025-09-01", TRUE, FALSE, LS_OCCASION_COVERED_DUTY,
                person);
  flags = ls_people_rules_check (reg, TODAY);
  flag = find_flag (flags, LS_PEOPLE_FLAG_NOT_INFORMED_THIS_YEAR, person);
  g_assert_nonnull (flag);
  g_assert_cmpstr (ls_people_flag_get_reference (flag), ==,
                   "allmänna råd till 2 kap. 2 § SOSFS 2011:5");
  g_assert_cmpstr (ls_people_flag_get_due (flag), ==, "2025-01-08");

  /* In writing within the twelve months as well: done.  Exactly a year
   * ago still counts. */
  add_occasion (reg, "2025-03-10", FALSE, TRUE, LS_OCCASION_COVERED_DUTY,
                person);
  g_clear_object (&flags);
  flags = ls_people_rules_check (reg, TODAY);
  g_assert_null (
      find_flag (flags, LS_PEOPLE_FLAG_NOT_INFORMED_THIS_YEAR, person));
  g_clear_object (&flags);
  flags = ls_people_rules_check (reg, "2026-03-11");
  g_assert_nonnull (
      find_flag (flags, LS_PEOPLE_FLAG_NOT_INFORMED_THIS_YEAR, person));
}

static void
test_rules_yearly_new_person (void)
{
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  LsPerson *person = add_person (reg, "Kim Berg", "2025-12-01");
  g_autoptr (GListStore) flags = NULL;

  /* Told orally at the start, three months ago: the year is not up. */
  add_routines (reg, "2024-01-01", "Anna Svensson");
  add_occasion (reg, "2025-12-01", TRUE, FALSE, ALL, person);
  flags = ls_people_rules_check (reg, TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (flags)), ==, 0);
  g_clear_object (&flags);
  flags = ls_people_rules_check (reg, "2026-12-02");
  g_assert_nonnull (
      find_flag (flags, LS_PEOPLE_FLAG_NOT_INFORMED_THIS_YEAR, person));
}

static void
test_rules_receiver_changed (void)
{
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  LsPerson *person = add_person (reg, "Kim Berg", "2025-06-02");
  LsPerson *told = add_person (reg, "Ali Demir", "2025-06-02");
  g_autoptr (GListStore) flags = NULL;
  LsPeopleFlag *flag;

  add_routines (reg, "2025-01-01", "Anna Svensson");
  add_occasion (reg, "2025-06-02", TRUE, TRUE, ALL, person);
  add_occasion (reg, "2025-06-02", TRUE, TRUE, ALL, told);
  flags = ls_people_rules_check (reg, TODAY);
  g_assert_null (find_flag (flags, LS_PEOPLE_FLAG_RECEIVER_CHANGED, person));

  /* A new decision with the same receiver changes nothing. */
  add_routines (reg, "2025-09-01", "Anna Svensson");
  g_clear_object (&flags);
  flags = ls_people_rules_check (reg, TODAY);
  g_assert_null (find_flag (flags, LS_PEOPLE_FLAG_RECEIVER_CHANGED, person));

  add_routines (reg, "2026-01-15", "Olle Ström");
  add_occasion (reg, "2026-02-01", TRUE, FALSE, LS_OCCASION_COVERED_RECEIVER,
                told);
  g_clear_object (&flags);
  flags = ls_people_rules_check (reg, TODAY);
  flag = find_flag (flags, LS_PEOPLE_FLAG_RECEIVER_CHANGED, person);
  g_assert_nonnull (flag);
  g_assert_cmpstr (ls_people_flag_get_reference (flag), ==,
                   "2 kap. 2 § andra stycket SOSFS 2011:5");
  g_assert_null (find_flag (flags, LS_PEOPLE_FLAG_RECEIVER_CHANGED, told));
}

/* ---- Rules: 7 kap. ----------------------------------------------------------
 */

static void
test_rules_no_routines (void)
{
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  g_autoptr (GListStore) flags = ls_people_rules_check (reg, TODAY);
  g_autoptr (LsCase) lcase = ls_case_new ();
  g_autoptr (GListStore) requirements = g_list_store_new (LS_TYPE_REQUIREMENT);
  g_autoptr (LsRequirement) requirement = NULL;
  LsPeopleFlag *flag = find_flag (flags, LS_PEOPLE_FLAG_NO_ROUTINES, NULL);

  g_assert_nonnull (flag);
  g_assert_cmpstr (ls_people_flag_get_reference (flag), ==,
                   "7 kap. 1 § SOSFS 2011:5");

  ls_people_rules_check_case (reg, lcase, requirements);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (requirements)), ==,
                    1);
  requirement = g_list_model_get_item (G_LIST_MODEL (requirements), 0);
  g_assert_cmpstr (ls_requirement_get_reference (requirement), ==,
                   "7 kap. 1 § SOSFS 2011:5");

  /* Routines decided only in the future are not in force. */
  add_routines (reg, "2026-04-01", "Anna Svensson");
  g_clear_object (&flags);
  flags = ls_people_rules_check (reg, TODAY);
  g_assert_nonnull (find_flag (flags, LS_PEOPLE_FLAG_NO_ROUTINES, NULL));
  g_clear_object (&flags);
  flags = ls_people_rules_check (reg, "2026-04-01");
  g_assert_null (find_flag (flags, LS_PEOPLE_FLAG_NO_ROUTINES, NULL));
}

static void
test_rules_concerned (void)
{
  g_autoptr (LsCase) lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);
  g_autoptr (LsAction) action = ls_action_new ();
  const char *marked[] = { "Eva Ek", NULL };

  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_description (report,
                             "Maria Lind lämnade Sven ensam utan larm.");
  g_assert_true (ls_people_rules_is_concerned (lcase, "Kim Berg"));
  g_assert_true (ls_people_rules_is_concerned (lcase, "maria lind"));
  /* Whole names only: "Sven" is not "Svensson". */
  g_assert_false (ls_people_rules_is_concerned (lcase, "Svensson"));
  g_assert_false (ls_people_rules_is_concerned (lcase, "Per Holm"));

  ls_action_set_description (action, "Per Holm flyttade larmet.");
  g_list_store_append (ls_report_get_immediate_actions (report), action);
  g_assert_true (ls_people_rules_is_concerned (lcase, "Per Holm"));

  g_assert_false (ls_people_rules_is_concerned (lcase, "Eva Ek"));
  ls_case_set_concerned (lcase, marked);
  g_assert_true (ls_people_rules_is_concerned (lcase, "Eva Ek"));
}

static void
test_rules_concerned_without_substitute (void)
{
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  LsRoutines *routines = add_routines (reg, "2025-01-01", "Anna Svensson");
  g_autoptr (LsCase) lcase = ls_case_new ();
  g_autoptr (GListStore) requirements = g_list_store_new (LS_TYPE_REQUIREMENT);
  g_autoptr (LsRequirement) requirement = NULL;
  g_autoptr (LsSubstitution) substitution = NULL;
  g_autofree char *who = NULL;
  gboolean concerned = FALSE;
  LsAssignment *investigate =
      ls_routines_find (routines, LS_RESPONSIBILITY_INVESTIGATE, NULL);

  ls_report_set_reporter_name (ls_case_get_report (lcase), "Maria Lind");

  /* The holder is concerned; the substitute is suggested, nothing asked. */
  who = ls_people_rules_dup_suggestion (
      reg, lcase, LS_RESPONSIBILITY_INVESTIGATE, &concerned);
  g_assert_true (concerned);
  g_assert_cmpstr (who, ==, "Eva Ek");
  ls_people_rules_check_case (reg, lcase, requirements);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (requirements)), ==,
                    0);

  /* No substitute named: the investigators' step asks for one, and it
   * needs attention now. */
  ls_assignment_set_substitute (investigate, NULL);
  g_clear_pointer (&who, g_free);
  who = ls_people_rules_dup_suggestion (
      reg, lcase, LS_RESPONSIBILITY_INVESTIGATE, &concerned);
  g_assert_null (who);
  ls_people_rules_check_case (reg, lcase, requirements);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (requirements)), ==,
                    1);
  requirement = g_list_model_get_item (G_LIST_MODEL (requirements), 0);
  g_assert_cmpint (ls_requirement_get_step (requirement), ==,
                   LS_STEP_INVESTIGATORS);
  g_assert_cmpstr (ls_requirement_get_reference (requirement), ==,
                   ls_law_get_reference (LS_LAW_CONFLICT_OF_INTEREST));
  g_assert_true (ls_rules_needs_attention (requirement));

  /* Once the case records who took over, nothing more is asked, whatever
   * the routines say now. */
  substitution =
      ls_substitution_new (LS_RESPONSIBILITY_INVESTIGATE, "Maria Lind",
                           "Eva Ek", "Maria Lind är jävig");
  g_list_store_append (ls_case_get_substitutions (lcase), substitution);
  g_list_store_remove_all (requirements);
  ls_people_rules_check_case (reg, lcase, requirements);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (requirements)), ==,
                    0);
}

static void
test_rules_record_substitution (void)
{
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  g_autoptr (LsCase) lcase = ls_case_new ();
  LsSubstitution *substitution;

  add_routines (reg, "2025-01-01", "Anna Svensson");
  ls_report_set_description (ls_case_get_report (lcase),
                             "Anna Svensson svarade inte på larmet.");
  g_assert_null (ls_people_rules_record_substitution (
      reg, lcase, LS_RESPONSIBILITY_INVESTIGATE));
  substitution = ls_people_rules_record_substitution (
      reg, lcase, LS_RESPONSIBILITY_RECEIVE_REPORTS);
  g_assert_nonnull (substitution);
  g_assert_cmpstr (ls_substitution_get_holder (substitution), ==,
                   "Anna Svensson");
  g_assert_cmpstr (ls_substitution_get_substitute (substitution), ==,
                   "Per Holm");
  g_assert_nonnull (strstr (ls_substitution_get_reason (substitution),
                            "conflict of interest"));
  /* A holder named with a title is concerned by the name alone. */
  g_assert_true (ls_people_rules_is_concerned (lcase, "Anna Svensson"));
  {
    g_autofree char *title = NULL;
    g_autofree char *name =
        ls_people_rules_dup_name ("Maria Lind, verksamhetschef", &title);

    g_assert_cmpstr (name, ==, "Maria Lind");
    g_assert_cmpstr (title, ==, "verksamhetschef");
  }

  /* Once: asking again finds the record made. */
  g_assert_true (ls_people_rules_record_substitution (
                     reg, lcase, LS_RESPONSIBILITY_RECEIVE_REPORTS) ==
                 substitution);
  g_assert_cmpuint (g_list_model_get_n_items (
                        G_LIST_MODEL (ls_case_get_substitutions (lcase))),
                    ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/people/register/roundtrip", test_register_roundtrip);
  g_test_add_func ("/people/register/old-document", test_register_old_document);
  g_test_add_func ("/people/register/validate", test_register_validate);
  g_test_add_func ("/people/routines/unit-override",
                   test_routines_unit_override);
  g_test_add_func ("/people/rules/not-informed-at-start",
                   test_rules_not_informed_at_start);
  g_test_add_func ("/people/rules/yearly", test_rules_yearly);
  g_test_add_func ("/people/rules/yearly-new-person",
                   test_rules_yearly_new_person);
  g_test_add_func ("/people/rules/receiver-changed",
                   test_rules_receiver_changed);
  g_test_add_func ("/people/rules/no-routines", test_rules_no_routines);
  g_test_add_func ("/people/rules/concerned", test_rules_concerned);
  g_test_add_func ("/people/rules/concerned-without-substitute",
                   test_rules_concerned_without_substitute);
  g_test_add_func ("/people/rules/record-substitution",
                   test_rules_record_substitution);

  return g_test_run ();
}
