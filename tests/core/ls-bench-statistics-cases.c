/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-action.h"
#include "ls-bench-statistics-cases.h"
#include "ls-cause.h"
#include "ls-core-test.h"

/* Cases for the statistics benchmarks: every field the statistics count,
 * spread over ten years, two units, the categories and the outcomes, and
 * imported a thousand to a transaction.  LS_BENCH_CASES sets how many
 * (100,000 by default). */

#define BATCH 1000
#define UNIT_SOLGARDEN "6637c86c-a47f-4dae-8000-0b60995e4035"
#define UNIT_LINDEN "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"

static const char *const categories[] = {
  "legal-certainty",         "service-carried-out-wrongly",
  "service-not-carried-out", "poor-treatment",
  "physical-abuse",          "psychological-abuse",
  "financial-abuse",         "environment-technology",
};
static const char *const causes[] = {
  "routines", "competence", "staffing", "communication", "leadership",
};

guint
ls_bench_statistics_cases_count (void)
{
  const char *env = g_getenv ("LS_BENCH_CASES");
  guint n = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 100000;

  return MAX (n, BATCH) / BATCH * BATCH;
}

static char *
day (int year, int month, int mday)
{
  while (month > 12)
    {
      month -= 12;
      year++;
    }
  return g_strdup_printf ("%04d-%02d-%02d", year, month, mday);
}

static LsCase *
make_case (GRand *rand, guint n)
{
  LsCase *lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  int year = g_rand_int_range (rand, 2016, 2026);
  int month = g_rand_int_range (rand, 1, 10);
  int mday = g_rand_int_range (rand, 1, 28);
  g_autofree char *uuid = ls_core_test_uuid (n);
  g_autofree char *received =
      g_strdup_printf ("%04d-%02d-%02dT10:00:00+01:00", year, month, mday);
  double stage = g_rand_double (rand);

  ls_case_set_uuid (lcase, uuid);
  ls_case_set_unit_id (lcase, n % 3 ? UNIT_SOLGARDEN : UNIT_LINDEN);
  ls_report_set_kind (report, g_rand_double (rand) < 0.7
                                  ? LS_CASE_KIND_WRONGDOING
                                  : LS_CASE_KIND_CLEAR_RISK);
  ls_report_set_category (
      report,
      categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))]);
  ls_report_set_received_at (report, received);
  ls_report_set_reporter_name (report, "Kim Berg");
  ls_report_set_reporter_category (report, 1 + n % 4);
  ls_report_set_description (report, "Larmet besvarades inte i tid.");
  if (stage < 0.3)
    return lcase;
  {
    g_autoptr (LsCause) cause = ls_cause_new ();
    g_autoptr (LsAction) action = ls_action_new ();
    g_autofree char *concluded = day (year, month + 1, mday);
    g_autofree char *due = day (year, month + 2, mday);
    g_autofree char *follow = day (year, month + 4, mday);

    ls_cause_set_category (
        cause, causes[g_rand_int_range (rand, 0, G_N_ELEMENTS (causes))]);
    ls_cause_set_description (cause, "Rutinen saknades.");
    g_list_store_append (ls_investigation_get_causes (inv), cause);
    ls_investigation_set_conclusion (inv, "Utredningen är avslutad.");
    ls_investigation_set_concluded_on (inv, concluded);
    ls_investigation_set_decided_by (inv, "Maria Lind");
    ls_action_set_kind (action, LS_ACTION_KIND_PREVENTIVE);
    ls_action_set_description (action, "Ny rutin för överlämning.");
    ls_action_set_due_on (action, due);
    ls_action_set_follow_up_on (action, follow);
    if (stage > 0.5)
      {
        ls_action_set_status (action, LS_ACTION_STATUS_DONE);
        ls_action_set_taken_at (action, due);
        ls_action_set_evaluated_on (action, follow);
        ls_action_set_effect (action, "Inga fler missade larm.");
        ls_action_set_outcome (action, stage > 0.6
                                           ? LS_EFFECT_OUTCOME_HELPED
                                           : LS_EFFECT_OUTCOME_NOT_HELPED);
        ls_action_set_individual_asked (action, stage > 0.7);
      }
    g_list_store_append (ls_investigation_get_preventive_actions (inv), action);
    if (stage > 0.8)
      {
        g_autofree char *sent = day (year, month + 2, 1);

        ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_SERIOUS);
        ls_notification_set_submitted_on (ls_case_get_notification (lcase),
                                          concluded);
        ls_notification_set_investigation_sent_on (
            ls_case_get_notification (lcase), sent);
      }
  }
  return lcase;
}

/* Fills @store with @n_cases cases, always the same ones. */
void
ls_bench_statistics_cases_fill (LsStore *store, guint n_cases)
{
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (20260315);
  guint serial = 1000;

  g_assert_true (ls_store_save_organisation (store, organisation, &error));
  for (guint done = 0; done < n_cases; done += BATCH)
    {
      g_autoptr (JsonNode) document = json_node_new (JSON_NODE_OBJECT);
      JsonObject *root = json_object_new ();
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < BATCH; i++)
        {
          g_autoptr (LsCase) lcase = make_case (rand, ++serial);

          json_array_add_object_element (array, ls_case_to_json (lcase));
        }
      json_object_set_string_member (root, "format", "lexsarah");
      json_object_set_int_member (root, "version", 1);
      json_object_set_object_member (root, "organisation",
                                     ls_organisation_to_json (organisation));
      json_object_set_array_member (root, "cases", array);
      json_node_take_object (document, root);
      g_assert_true (
          ls_store_import_document (store, document, "Bench", NULL, &error));
      g_assert_no_error (error);
    }
  g_rand_free (rand);
}
