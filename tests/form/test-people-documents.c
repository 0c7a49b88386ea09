/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ls-store.h"

#include "ls-form-test-utils.h"
#include "ls-people-cli.h"
#include "ls-people-documents.h"
#include "ls-responsibility.h"

/* The printed material of the register and the routines, read back from
 * the PDF: every responsibility of the advice to 7 kap. 1 § with its
 * holder and substitute, in Swedish; the staff information sheet's plain
 * words and the receiver from the routines; an attendance list with a
 * row for every participant. */

#define UNIT_A "6637c86c-a47f-4dae-8000-0b60995e4035"
#define UNIT_B "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"

static LsOrganisation *
new_organisation (void)
{
  LsOrganisation *organisation = ls_organisation_new ();
  g_autoptr (LsUnit) a = ls_unit_new ();
  g_autoptr (LsUnit) b = ls_unit_new ();

  ls_organisation_set_name (organisation, "Vård- och omsorgsnämnden");
  ls_unit_set_id (a, UNIT_A);
  ls_unit_set_name (a, "Solgårdens vård- och omsorgsboende");
  ls_unit_set_id (b, UNIT_B);
  ls_unit_set_name (b, "Gruppbostaden Linden");
  g_list_store_append (ls_organisation_get_units (organisation), a);
  g_list_store_append (ls_organisation_get_units (organisation), b);
  return organisation;
}

/* Routines where each responsibility's holder and substitute are names
 * of their own, "Ansvarig 3" and "Ersättare 3", so that a name printed
 * under the wrong responsibility is found out. */
static LsRoutines *
new_routines (void)
{
  LsRoutines *routines = ls_routines_new ();

  ls_routines_set_decided_on (routines, "2025-02-18");
  ls_routines_set_decided_by (routines, "Vård- och omsorgsnämnden, § 31");
  for (guint r = 0; r < LS_N_RESPONSIBILITIES; r++)
    {
      LsAssignment *assignment = ls_routines_ensure (routines, r, NULL);
      g_autofree char *holder = g_strdup_printf ("Ansvarig %u", r + 1);
      g_autofree char *substitute = g_strdup_printf ("Ersättare %u", r + 1);

      if (!ls_responsibility_get_info (r)->has_holder)
        continue;
      ls_assignment_set_holder (assignment, holder);
      ls_assignment_set_substitute (assignment, substitute);
    }
  ls_assignment_set_holder (
      ls_routines_ensure (routines, LS_RESPONSIBILITY_RECEIVE_REPORTS, UNIT_B),
      "Olle Ström");
  ls_assignment_set_substitute (
      ls_routines_ensure (routines, LS_RESPONSIBILITY_RECEIVE_REPORTS, UNIT_B),
      "Per Holm");
  ls_assignment_set_how (
      ls_routines_find (routines, LS_RESPONSIBILITY_RECEIVE_REPORTS, NULL),
      "Rapportera muntligt eller skriftligt samma dag.");
  return routines;
}

static char *
render_text (LsFormDocument *doc)
{
  g_autoptr (PopplerDocument) pdf = ls_test_render_to_poppler (doc);

  ls_test_assert_a4 (pdf);
  ls_test_assert_fonts_embedded (pdf);
  return ls_test_dup_all_text (pdf);
}

static void
test_routines_document (void)
{
  g_autoptr (LsOrganisation) organisation = new_organisation ();
  g_autoptr (LsRoutines) routines = new_routines ();
  g_autoptr (LsFormDocument) doc =
      ls_people_documents_build_routines (routines, organisation);
  g_autofree char *text = render_text (doc);
  g_autoptr (GPtrArray) needles = g_ptr_array_new_with_free_func (g_free);
  guint n_checklist;
  const char *const *checklist = ls_responsibility_get_checklist (&n_checklist);

  g_ptr_array_add (needles, g_strdup ("Rutiner enligt lex Sarah"));
  g_ptr_array_add (needles, g_strdup ("2025-02-18"));
  g_ptr_array_add (needles, g_strdup ("Vård- och omsorgsnämnden, § 31"));
  for (guint r = 0; r < LS_N_RESPONSIBILITIES; r++)
    {
      const LsResponsibilityInfo *info = ls_responsibility_get_info (r);

      g_ptr_array_add (needles, g_strdup (info->swedish));
      if (!info->has_holder)
        {
          /* What an investigation contains: the app's checklist, whole. */
          for (guint i = 0; i < n_checklist; i++)
            g_ptr_array_add (needles, g_strdup (checklist[i]));
          continue;
        }
      g_ptr_array_add (needles, g_strdup_printf ("Ansvarig %u", r + 1));
      g_ptr_array_add (needles, g_strdup_printf ("Ersättare %u", r + 1));
      if (r == LS_RESPONSIBILITY_RECEIVE_REPORTS)
        {
          g_ptr_array_add (needles, g_strdup ("Rapportera muntligt eller "
                                              "skriftligt samma dag."));
          g_ptr_array_add (needles, g_strdup ("Gruppbostaden Linden"));
          g_ptr_array_add (needles, g_strdup ("Olle Ström"));
          g_ptr_array_add (needles, g_strdup ("Per Holm"));
        }
    }
  g_ptr_array_add (needles, g_strdup ("Jäv och liknande situationer"));
  g_ptr_array_add (needles, NULL);
  ls_test_assert_in_order (text, (const char **) needles->pdata);
  g_assert_nonnull (strstr (text, "enligt 7 kap. 1 § SOSFS 2011:5"));
  g_assert_nonnull (
      strstr (text, "Ersättare om den ansvarige berörs av rapporten"));
  /* Swedish whatever the language: no English label slipped in. */
  g_assert_null (strstr (text, "Substitute"));
  g_assert_null (strstr (text, "Holder"));
}

static void
test_routines_undecided (void)
{
  g_autoptr (LsRoutines) routines = ls_routines_new ();
  g_autoptr (LsFormDocument) doc =
      ls_people_documents_build_routines (routines, NULL);
  g_autofree char *text = render_text (doc);
  g_autofree char *squeezed = ls_test_squeeze (text);
  g_autofree char *marker = ls_test_squeeze ("Inte fastställt i rutinerna");
  guint n = 0;

  /* Nobody named: every holder's and substitute's box says so. */
  for (const char *at = strstr (squeezed, marker); at != NULL;
       at = strstr (at + 1, marker))
    n++;
  g_assert_cmpuint (n, >=, 2 * (LS_N_RESPONSIBILITIES - 1));
}

static void
test_staff_information (void)
{
  g_autoptr (LsOrganisation) organisation = new_organisation ();
  g_autoptr (LsRoutines) routines = new_routines ();
  g_autoptr (LsFormDocument) doc =
      ls_people_documents_build_staff_information (routines, organisation);
  g_autofree char *text = render_text (doc);
  const char *needles[] = {
    "Du ska rapportera missförhållanden",
    "Din skyldighet",
    "anställda, uppdragstagare, praktikanter",
    "Vad ska du rapportera?",
    "Ett missförhållande är",
    "En påtaglig risk är",
    "En risk är lika välkommen som en händelse",
    "Att rapportera handlar om att lära",
    "En rapport pekar inte ut någon.",
    "Till vem och hur rapporterar du?",
    "Du rapporterar till Ansvarig 2.",
    "Om rapporten gäller Ansvarig 2 själv rapporterar du till Ersättare 2.",
    "Rapportera muntligt eller skriftligt samma dag.",
    NULL,
  };

  ls_test_assert_in_order (text, needles);
}

static void
test_staff_information_without_routines (void)
{
  g_autoptr (LsFormDocument) doc =
      ls_people_documents_build_staff_information (NULL, NULL);
  g_autofree char *text = render_text (doc);
  const char *needles[] = { "Till vem och hur rapporterar du?",
                            "fråga din chef", NULL };

  ls_test_assert_in_order (text, needles);
}

static void
test_attendance (void)
{
  g_autoptr (LsOrganisation) organisation = new_organisation ();
  g_autoptr (LsPeopleRegister) reg = ls_people_register_new ();
  g_autoptr (LsInformationOccasion) occasion = ls_information_occasion_new ();
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  const char *names[] = { "Kim Berg", "Ali Demir", "Sara Nilsson" };
  const char *const units[] = { UNIT_B, NULL };
  const char *needles[] = {
    "Närvarolista",
    "2025-03-12",
    "Informationen gavs av",
    "Maria Lind",
    "Muntligt och skriftligt",
    "Skyldigheten att rapportera",
    "Kim Berg",
    "Gruppbostaden Linden",
    "Anställd",
    "Ali Demir",
    "Sara Nilsson",
    NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (LsPerson) person = ls_person_new ();

      ls_person_set_name (person, names[i]);
      ls_person_set_category (person, LS_REPORTER_CATEGORY_EMPLOYEE);
      ls_person_set_units (person, units);
      g_list_store_append (ls_people_register_get_people (reg), person);
      ls_information_occasion_add_participant (occasion,
                                               ls_person_get_id (person));
    }
  ls_information_occasion_set_held_on (occasion, "2025-03-12");
  ls_information_occasion_set_oral (occasion, TRUE);
  ls_information_occasion_set_written (occasion, TRUE);
  ls_information_occasion_set_given_by (occasion, "Maria Lind");
  ls_information_occasion_set_receiver (occasion, "Anna Svensson");
  ls_information_occasion_set_covered (
      occasion, LS_OCCASION_COVERED_DUTY | LS_OCCASION_COVERED_RECEIVER);

  doc = ls_people_documents_build_attendance (occasion, reg, organisation);
  pdf = ls_test_render_to_poppler (doc);
  text = ls_test_dup_all_text (pdf);
  ls_test_assert_in_order (text, needles);
  g_assert_nonnull (strstr (text, "Anna Svensson"));
  /* Room to sign on every participant's row. */
  {
    guint n = 0;

    for (const char *at = strstr (text, "Underskrift"); at != NULL;
         at = strstr (at + 1, "Underskrift"))
      n++;
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (names));
  }
  /* What was covered is ticked, what was not is not. */
  ls_test_assert_checks_drawn (doc, pdf);
  g_assert_cmpuint (ls_form_document_get_n_checks (doc), ==, 3);
  {
    gboolean checked[3];

    for (guint i = 0; i < 3; i++)
      ls_form_document_get_check (doc, i, NULL, NULL, NULL, NULL, &checked[i]);
    g_assert_true (checked[0]);
    g_assert_false (checked[1]);
    g_assert_true (checked[2]);
  }
}

/* `lexsarah --routines-pdf`: the example's routines in force, every
 * holder and substitute as the database has them, the unit's own too. */
static void
test_routines_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ls-people-documents-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "cases.db", NULL);
  g_autofree char *out = g_build_filename (dir, "rutiner.pdf", NULL);
  g_autofree char *example =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsPeopleRegister) register_ = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  GListModel *assignments;
  LsRoutines *routines;

  json_parser_load_from_file (parser, example, &error);
  g_assert_no_error (error);
  store = ls_store_open (db, &error);
  g_assert_no_error (error);
  ls_store_import_document (store, json_parser_get_root (parser), "Test", NULL,
                            &error);
  g_assert_no_error (error);
  register_ = ls_store_load_people (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (
      ls_people_cli_write_pdf (db, LS_PEOPLE_DOCUMENT_ROUTINES, out, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (out, NULL, &error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  text = ls_test_dup_all_text (pdf);
  squeezed = ls_test_squeeze (text);

  routines = ls_people_register_get_latest_routines (register_);
  assignments = G_LIST_MODEL (ls_routines_get_assignments (routines));
  g_assert_cmpuint (g_list_model_get_n_items (assignments), >=,
                    LS_N_RESPONSIBILITIES - 1);
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr (LsAssignment) assignment =
          g_list_model_get_item (assignments, i);
      g_autofree char *holder =
          ls_test_squeeze (ls_assignment_get_holder (assignment));
      g_autofree char *substitute =
          ls_test_squeeze (ls_assignment_get_substitute (assignment));

      if (strstr (squeezed, holder) == NULL)
        g_error ("holder %u is not printed", i);
      if (strstr (squeezed, substitute) == NULL)
        g_error ("substitute %u is not printed", i);
    }
  g_assert_nonnull (strstr (text, "Vård- och omsorgsnämnden, § 31"));
  g_assert_nonnull (strstr (text, "Gruppbostaden Linden"));
  g_unlink (out);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/people-documents/routines", test_routines_document);
  g_test_add_func ("/people-documents/routines-undecided",
                   test_routines_undecided);
  g_test_add_func ("/people-documents/staff-information",
                   test_staff_information);
  g_test_add_func ("/people-documents/staff-information-without-routines",
                   test_staff_information_without_routines);
  g_test_add_func ("/people-documents/attendance", test_attendance);
  g_test_add_func ("/people-documents/routines-cli", test_routines_cli);

  return g_test_run ();
}
