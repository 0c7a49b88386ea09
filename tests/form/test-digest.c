/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "../core/ls-core-test.h"
#include "../core/ls-test-secrets.h"
#include "ls-chart.h"
#include "ls-digest-document.h"
#include "ls-digest.h"
#include "ls-form-test-utils.h"
#include "ls-pseudonymise.h"
#include "ls-statistics-document.h"
#include "ls-store-statistics.h"

static LsStatisticsQuery *
make_march (void)
{
  return ls_statistics_query_new_month (2026, 3);
}

/* The digest's own text, its PDF and the digest made from the store: none
 * holds a name or number that was planted in every free-text member. */
static void
test_pseudonymised (void)
{
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GPtrArray) secrets = NULL;
  g_autoptr (GPtrArray) cases =
      ls_test_secrets_make_cases (organisation, &secrets);
  g_autoptr (LsStatisticsQuery) query = make_march ();
  g_autoptr (LsDigest) digest =
      ls_digest_new_from_cases (query, cases, organisation);
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *text = ls_digest_dup_text (digest);
  g_autofree char *pdf_text = NULL;

  g_assert_cmpuint (ls_digest_get_n_entries (digest), ==, 2);
  ls_test_secrets_assert_none (text, secrets);
  /* What was there is still there, in roles. */
  g_assert_nonnull (strstr (text, "[den enskilde]"));
  g_assert_nonnull (strstr (text, "[medarbetare]"));
  g_assert_nonnull (strstr (text, "[personnummer]"));
  g_assert_nonnull (strstr (text, "[telefonnummer]"));
  g_assert_nonnull (strstr (text, "[adress]"));
  g_assert_nonnull (strstr (text, "En larmtelefon som ingen bär"));

  doc = ls_digest_document_build (digest);
  pdf = ls_test_render_to_poppler (doc);
  pdf_text = ls_test_dup_all_text (pdf);
  ls_test_secrets_assert_none (pdf_text, secrets);
  g_assert_nonnull (strstr (pdf_text, "LÄRANDE SAMMANSTÄLLNING"));
  g_assert_nonnull (strstr (pdf_text, "Lärdomar"));
  /* The units may be named: that is how one learns from another. */
  g_assert_nonnull (strstr (pdf_text, "Gruppbostaden"));
}

/* The same from a store, whose cases come back with their journal. */
static void
test_pseudonymised_store (void)
{
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GPtrArray) secrets = NULL;
  g_autoptr (GPtrArray) cases =
      ls_test_secrets_make_cases (organisation, &secrets);
  g_autoptr (LsStatisticsQuery) query = make_march ();
  g_autofree char *dir = ls_core_test_make_tmpdir ("digest");
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsDigest) digest = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  store = ls_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ls_store_save_organisation (store, organisation, &error));
  for (guint i = 0; i < cases->len; i++)
    {
      ls_store_save_case (store, g_ptr_array_index (cases, i), "Test", &error);
      g_assert_no_error (error);
    }
  digest = ls_digest_new_from_store (store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ls_digest_get_n_entries (digest), ==, 2);
  text = ls_digest_dup_text (digest);
  ls_test_secrets_assert_none (text, secrets);
  g_clear_object (&store);
  ls_core_test_remove_tree (dir);
}

static void
test_grouped (void)
{
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (LsStatisticsQuery) query = make_march ();
  g_autoptr (LsDigest) digest = NULL;
  GPtrArray *groups;
  LsDigestGroup *group;
  LsDigestEntry *entry;

  /* Case 1 is not concluded: only case 0, under its first cause. */
  g_ptr_array_add (cases, ls_core_test_example_case (0));
  g_ptr_array_add (cases, ls_core_test_example_case (1));
  digest = ls_digest_new_from_cases (query, cases, organisation);
  groups = ls_digest_get_groups (digest);
  g_assert_cmpuint (groups->len, ==, 1);
  group = g_ptr_array_index (groups, 0);
  g_assert_cmpstr (group->category, ==, "routines");
  g_assert_cmpstr (group->name_sv, ==, "Rutiner saknas eller följs inte");
  entry = g_ptr_array_index (group->entries, 0);
  g_assert_cmpstr (entry->unit, ==, "Solgårdens vård- och omsorgsboende");
  g_assert_cmpuint (entry->causes->len, ==, 3);
  g_assert_cmpuint (entry->actions->len, ==, 2);
  /* One sentence, with the individual's name replaced. */
  g_assert_cmpstr (entry->what_happened, ==,
                   "[den enskilde] larmade med sitt trygghetslarm kl. 22.30 "
                   "den 1 mars.");
}

static void
test_first_sentence (void)
{
  static const struct
  {
    const char *text;
    const char *sentence;
  } cases[] = {
    { "Hon ramlade kl. 22.30. Ingen kom.", "Hon ramlade kl. 22.30." },
    { "Larmet gick t.ex. inte fram. Sedan", "Larmet gick t.ex. inte fram." },
    { "Utan punkt", "Utan punkt" },
    { "Första raden\nandra raden", "Första raden" },
    { "Värdet 2.5 mg gavs. Sedan", "Värdet 2.5 mg gavs." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sentence = ls_digest_dup_first_sentence (cases[i].text);

      g_assert_cmpstr (sentence, ==, cases[i].sentence);
    }
}

static void
test_shapes (void)
{
  g_autoptr (LsPseudonymiser) p = ls_pseudonymiser_new ();
  g_autofree char *out = NULL;

  ls_pseudonymiser_add (p, "Åsa Öberg", LS_PSEUDONYM_INDIVIDUAL);
  out = ls_pseudonymiser_apply (
      p, "Åsa och Öbergs dotter ringde 08-123 456 78 kl. 06.40 den "
         "2026-03-02; pnr 19121212-1212, åsa.oberg@example.se.");
  g_assert_cmpstr (out, ==,
                   "[den enskilde] och [den enskilde] dotter ringde "
                   "[telefonnummer] kl. 06.40 den 2026-03-02; pnr "
                   "[personnummer], [e-post].");
}

/* The statistics fixture's first quarter; with the documented example's
 * register of staff when @with_register. */
static LsStatistics *
make_fixture_statistics (gboolean with_register)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      g_build_filename (LS_TEST_SRCDIR, "data", "statistics-cases.json", NULL);
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (LsStatisticsQuery) query =
      ls_statistics_query_new_quarter (2026, 1);
  g_autoptr (LsOrganisation) organisation = NULL;
  JsonObject *root;
  JsonArray *array;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  organisation = ls_organisation_new_from_json (
      json_object_get_object_member (root, "organisation"), "organisation",
      &error);
  g_assert_no_error (error);
  array = json_object_get_array_member (root, "cases");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_ptr_array_add (
          cases, ls_case_new_from_json (
                     json_array_get_object_element (array, i), NULL, &error));
      g_assert_no_error (error);
    }
  ls_statistics_query_set_today (query, "2026-06-15");
  if (with_register)
    {
      g_autofree char *example =
          g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
      g_autoptr (JsonParser) example_parser = json_parser_new ();
      g_autoptr (LsPeopleRegister) register_ = NULL;

      json_parser_load_from_file (example_parser, example, &error);
      g_assert_no_error (error);
      register_ = ls_people_register_new_from_document (
          json_node_get_object (json_parser_get_root (example_parser)),
          organisation, &error);
      g_assert_no_error (error);
      ls_statistics_query_count_obliged (query, register_);
    }
  return ls_statistics_new_from_cases (query, cases, organisation);
}

static PopplerDocument *
render_statistics (gboolean with_register)
{
  g_autoptr (LsStatistics) statistics = make_fixture_statistics (with_register);
  g_autoptr (LsFormDocument) doc =
      ls_statistics_document_build (statistics, "Vård- och omsorgsnämnden");

  return ls_test_render_to_poppler (doc);
}

/* Each table's title, its chart and its rows beneath, in Swedish. */
static void
test_statistics_document (void)
{
  g_autoptr (PopplerDocument) pdf = render_statistics (FALSE);
  g_autofree char *text = ls_test_dup_all_text (pdf);
  const char *in_order[] = {
    "STATISTIK – lex Sarah",
    "Rapporter per kategori",
    "Bristande bemötande",
    "Missförhållanden och påtagliga risker",
    "Rapporter per månad",
    "Från rapport till avslutad utredning",
    "Median, dagar",
    "Skyldigheter uppfyllda i tid",
    "Orsaker per kategori",
    "Åtgärdernas effekt för den enskilde",
    NULL,
  };

  ls_test_assert_a4 (pdf);
  ls_test_assert_page_numbers (pdf);
  ls_test_assert_in_order (text, in_order);
  g_assert_nonnull (strstr (text, "1 januari–31 mars 2026"));
  /* Without the register's numbers, no rate. */
  g_assert_null (strstr (text, "Rapporter per 10 rapporteringsskyldiga"));
}

/* With the register, the rate per 10 people who must report: Solgården
 * 3 reports among Kim, Ali and Fatima (Lena left in October), Linden 2
 * among Ali, Sara and Erik, all 5 among the five. */
static void
test_statistics_document_rate (void)
{
  g_autoptr (PopplerDocument) pdf = render_statistics (TRUE);
  g_autofree char *text = ls_test_dup_all_text (pdf);
  const char *in_order[] = {
    "Rapporter per enhet",
    "Rapporter per 10 rapporteringsskyldiga",
    "Rapporteringsskyldiga",
    "Gruppbostaden Linden",
    "6,7",
    "Alla enheter",
    "Från rapport till avslutad utredning",
    NULL,
  };

  ls_test_assert_in_order (text, in_order);
}

typedef struct
{
  LsStatistics *statistics;
  const LsStatisticsTable *table;
  LsChartStyle style;
} TestChart;

static void
test_chart_free (gpointer data)
{
  TestChart *chart = data;

  g_object_unref (chart->statistics);
  g_free (chart);
}

static void
test_chart_draw (cairo_t *cr, double width, double height, gpointer data)
{
  TestChart *chart = data;

  ls_chart_draw (cr, chart->table, &chart->style, width, height);
}

/* The month chart and the stacked duties, as the statistics PDF draws
 * them: look at tests/form/data/statistics-charts.png after a change. */
static void
test_chart_golden (void)
{
  g_autoptr (LsStatistics) statistics = make_fixture_statistics (FALSE);
  g_autoptr (LsFormDocument) charts = ls_form_document_new ("Diagram", NULL);
  g_autoptr (PopplerDocument) pdf = NULL;
  LsStatisticsTableId ids[] = { LS_STATISTICS_BY_MONTH, LS_STATISTICS_DUTIES };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const LsStatisticsTable *table =
          ls_statistics_lookup_table (statistics, ids[i]);
      TestChart *chart = g_new0 (TestChart, 1);
      g_autofree char *alt = ls_chart_dup_table_text (table, TRUE);

      chart->statistics = g_object_ref (statistics);
      chart->table = table;
      ls_chart_style_init (&chart->style, FALSE);
      chart->style.swedish = TRUE;
      g_assert_true (g_str_has_prefix (alt, table->title_sv));
      ls_form_document_add_heading (charts, table->title_sv);
      ls_form_document_add_drawing (
          charts,
          ls_chart_get_height (table, &chart->style,
                               ls_form_document_get_content_width (charts)),
          test_chart_draw, chart, test_chart_free);
    }
  pdf = ls_test_render_to_poppler (charts);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  ls_test_assert_golden (pdf, 0, "statistics-charts.png");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/digest/pseudonymised", test_pseudonymised);
  g_test_add_func ("/digest/pseudonymised-store", test_pseudonymised_store);
  g_test_add_func ("/digest/grouped", test_grouped);
  g_test_add_func ("/digest/first-sentence", test_first_sentence);
  g_test_add_func ("/digest/shapes", test_shapes);
  g_test_add_func ("/statistics/document", test_statistics_document);
  g_test_add_func ("/statistics/document-rate", test_statistics_document_rate);
  g_test_add_func ("/statistics/chart-golden", test_chart_golden);
  return g_test_run ();
}
