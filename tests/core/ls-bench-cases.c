/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <math.h>
#include <sqlite3.h>

#include "ls-action.h"
#include "ls-bench-cases.h"
#include "ls-cause.h"
#include "ls-core-test.h"
#include "ls-enum-types.h"
#include "ls-individual.h"
#include "ls-investigator.h"
#include "ls-journal-item.h"
#include "ls-requirement.h"
#include "ls-sqlite-store-private.h"
#include "ls-store-backend-private.h"

/* Synthetic cases for the benchmarks, as managers write them, the same for
 * every run (the random numbers are seeded), and a database of them kept
 * between runs. */

#define UNIT_SOLGARDEN "6637c86c-a47f-4dae-8000-0b60995e4035"
#define UNIT_LINDEN "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"
#define DATABASE_BATCH 1000

/* How a build goes: comments of a test's output in a test. */
static void G_GNUC_PRINTF (1, 2) progress (const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (g_test_initialized ())
    g_test_message ("%s", text);
  else
    g_print ("%s\n", text);
}

/* ---- Synthetic cases ------------------------------------------------------
 */

static const char *const words[] = {
  "brukaren",       "personalen",   "larmet",        "trygghetslarm",
  "läkemedel",      "insulin",      "fallolycka",    "bemötande",
  "måltid",         "nattpersonal", "dusch",         "rullstol",
  "lyft",           "hemtjänst",    "boende",        "omvårdnad",
  "avvikelse",      "rutin",        "signering",     "journal",
  "anhörig",        "kränkning",    "hot",           "våld",
  "ekonomiska",     "tvångsåtgärd", "skyddsåtgärd",  "sondmatning",
  "förflyttning",   "dörren",       "nyckel",        "låst",
  "utevistelse",    "besök",        "planering",     "genomförandeplan",
  "biståndsbeslut", "handläggning", "rättssäkerhet", "dokumentation",
  "kommunikation",  "introduktion", "vikarie",       "bemanning",
  "schemat",        "kvällen",      "morgonen",      "helgen",
  "badrummet",      "köket",        "sovrummet",     "korridoren",
  "trappan",        "hissen",
};

static const char *const common[] = {
  "och", "att", "som", "på",  "inte",  "med", "till", "den", "det", "var",
  "har", "för", "av",  "när", "efter", "vid", "en",   "ett", "hon", "han",
};

static const char *const syllables[] = {
  "an", "be", "dra", "fö", "gå",  "hem", "in", "ka", "lå", "mo",
  "nä", "om", "pe",  "rå", "sta", "ti",  "ut", "vä", "yr", "ör",
};

static const char *const first_names[] = {
  "Anna",  "Erik",     "Maria", "Karl",      "Kerstin", "Lars",  "Ingrid",
  "Nils",  "Birgitta", "Sven",  "Margareta", "Olof",    "Elsa",  "Gunnar",
  "Aisha", "Mohammed", "Britt", "Per",       "Sara",    "Johan",
};

static const char *const last_names[] = {
  "Andersson", "Johansson", "Karlsson", "Nilsson",    "Eriksson",   "Larsson",
  "Olsson",    "Persson",   "Svensson", "Gustafsson", "Pettersson", "Jonsson",
  "Lindberg",  "Holm",      "Berg",     "Lund",
};

static const char *const categories[] = {
  "legal-certainty",         "service-carried-out-wrongly",
  "service-not-carried-out", "poor-treatment",
  "physical-abuse",          "psychological-abuse",
  "financial-abuse",         "environment-technology",
};

static const char *const cause_categories[] = {
  "routines",      "competence", "staffing",
  "communication", "leadership", "documentation",
};

/* Grammar words everywhere, the domain's words often, and a long tail of
 * rarer words (log-uniformly drawn from 8,000). */
static void
append_word (GRand *rand, GString *out)
{
  double kind = g_rand_double (rand);

  if (kind < 0.35)
    g_string_append (out,
                     common[g_rand_int_range (rand, 0, G_N_ELEMENTS (common))]);
  else if (kind < 0.5)
    g_string_append (out,
                     words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  else
    {
      guint n = (guint) pow (8000.0, g_rand_double (rand));

      for (guint k = 0; k < 3; k++)
        {
          g_string_append (out, syllables[n % G_N_ELEMENTS (syllables)]);
          n /= G_N_ELEMENTS (syllables);
        }
      g_string_append (out, "ning");
    }
}

static char *
sentence (GRand *rand, guint n_words)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_word (rand, out);
    }
  g_string_append_c (out, '.');
  out->str[0] = g_ascii_toupper (out->str[0]);
  return g_string_free (out, FALSE);
}

static const char *
pick (GRand *rand, const char *const *list, guint n)
{
  return list[g_rand_int_range (rand, 0, n)];
}

#define PICK(rand, list) pick (rand, list, G_N_ELEMENTS (list))

static char *
person (GRand *rand)
{
  return g_strdup_printf ("%s %s", PICK (rand, first_names),
                          PICK (rand, last_names));
}

/* A personal identity number with its check digit, born 1920-1999. */
static char *
personal_number (GRand *rand)
{
  char ten[11];
  guint sum = 0;

  g_snprintf (ten, sizeof ten, "%02d%02d%02d%03d",
              g_rand_int_range (rand, 20, 100), g_rand_int_range (rand, 1, 13),
              g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 0, 1000));
  for (guint i = 0; i < 9; i++)
    {
      guint d = (ten[i] - '0') * (i % 2 == 0 ? 2 : 1);

      sum += d > 9 ? d - 9 : d;
    }
  ten[9] = '0' + (10 - sum % 10) % 10;
  ten[10] = '\0';
  return g_strdup_printf ("19%.6s-%.4s", ten, ten + 6);
}

static char *
day (int year, int month, int mday)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, mday);
}

/* A case as managers write them: every report complete, most
 * investigated, some concluded, a few serious and notified. */
LsCase *
ls_bench_generate_case (GRand *rand, guint64 n)
{
  LsCase *lcase = ls_case_new ();
  LsReport *report = ls_case_get_report (lcase);
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  int year = g_rand_int_range (rand, 2016, 2026);
  int month = g_rand_int_range (rand, 1, 10);
  int mday = g_rand_int_range (rand, 2, 28);
  g_autofree char *uuid =
      g_strdup_printf ("50000000-0000-4000-8000-%012" G_GUINT64_FORMAT, n);
  g_autofree char *regno =
      g_strdup_printf ("VON-%04d-%06" G_GUINT64_FORMAT, year, n);
  g_autofree char *received = g_strdup_printf (
      "%04d-%02d-%02dT%02d:%02d:00+01:00", year, month, mday,
      g_rand_int_range (rand, 7, 17), g_rand_int_range (rand, 0, 60));
  g_autofree char *occurred = day (year, month, mday - 1);
  g_autofree char *noticed = day (year, month, mday);
  g_autofree char *reporter = person (rand);
  g_autofree char *description = sentence (rand, 40);
  g_autofree char *consequences = sentence (rand, 15);
  g_autofree char *noticed_how = sentence (rand, 10);
  double stage = g_rand_double (rand);
  guint n_individuals = g_rand_int_range (rand, 1, 3);

  ls_case_set_uuid (lcase, uuid);
  ls_case_set_regno (lcase, regno);
  /* Registered when it was received, not at the minute it was generated:
   * two databases built of the same cases, one on each side of a minute,
   * would otherwise differ in every case. */
  ls_case_set_created_at (lcase, received);
  ls_case_set_unit_id (lcase, n % 3 ? UNIT_SOLGARDEN : UNIT_LINDEN);
  ls_case_set_regime (lcase, n % 3 ? LS_REGIME_SOL : LS_REGIME_LSS);
  ls_report_set_kind (report, g_rand_double (rand) < 0.8
                                  ? LS_CASE_KIND_WRONGDOING
                                  : LS_CASE_KIND_CLEAR_RISK);
  ls_report_set_category (report, PICK (rand, categories));
  ls_report_set_received_at (report, received);
  ls_report_set_received_how (report, LS_RECEIVED_HOW_WRITTEN);
  ls_report_set_received_by (report, "Maria Lind");
  ls_report_set_reporter_name (report, reporter);
  ls_report_set_reporter_category (report, LS_REPORTER_CATEGORY_EMPLOYEE);
  ls_report_set_occurred_at (report, occurred);
  ls_report_set_noticed_at (report, noticed);
  ls_report_set_noticed_how (report, noticed_how);
  ls_report_set_description (report, description);
  ls_report_set_consequences (report, consequences);
  for (guint i = 0; i < n_individuals; i++)
    {
      g_autoptr (LsIndividual) individual = ls_individual_new ();
      g_autofree char *name = person (rand);
      g_autofree char *pnr = personal_number (rand);

      ls_individual_set_name (individual, name);
      ls_individual_set_personal_number (individual, pnr);
      if (g_rand_double (rand) < 0.9)
        {
          ls_individual_set_informed_on (individual, noticed);
          ls_individual_set_informed_how (individual, "Samtal på boendet.");
        }
      g_list_store_append (ls_report_get_individuals (report), individual);
    }
  {
    g_autoptr (LsAction) action = ls_action_new ();
    g_autofree char *what = sentence (rand, 12);

    ls_action_set_description (action, what);
    ls_action_set_responsible (action, "Enhetschefen");
    ls_action_set_taken_at (action, received);
    ls_action_set_status (action, LS_ACTION_STATUS_DONE);
    g_list_store_append (ls_report_get_immediate_actions (report), action);
  }

  if (stage < 0.3)
    return lcase;

  /* Investigated: an investigator, documented items, a cause. */
  {
    g_autoptr (LsInvestigator) investigator = ls_investigator_new ();
    g_autofree char *name = person (rand);

    ls_investigation_set_started_on (inv, noticed);
    ls_investigator_set_name (investigator, name);
    ls_investigator_set_title (investigator, "Kvalitetsutvecklare");
    g_list_store_append (ls_investigation_get_investigators (inv),
                         investigator);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr (LsJournalItem) item = ls_journal_item_new ();
        g_autofree char *item_uuid = g_strdup_printf (
            "51%06x-0000-4000-8000-%012" G_GUINT64_FORMAT, i, n);
        g_autofree char *text = sentence (rand, 25);

        ls_journal_item_set_uuid (item, item_uuid);
        ls_journal_item_set_documented_on (item, noticed);
        ls_journal_item_set_source (item, "Samtal med personalen");
        ls_journal_item_set_kind (item, i == 0 ? LS_JOURNAL_KIND_FACT
                                               : LS_JOURNAL_KIND_ASSESSMENT);
        ls_journal_item_set_author_name (item, name);
        ls_journal_item_set_author_title (item, "Kvalitetsutvecklare");
        ls_journal_item_set_text (item, text);
        ls_journal_item_set_points (item, i == 0 ? LS_POINT_WHAT_HAPPENED
                                                 : LS_POINT_CAUSES);
        g_list_store_append (ls_investigation_get_journal (inv), item);
      }
    {
      g_autoptr (LsCause) cause = ls_cause_new ();
      g_autofree char *why = sentence (rand, 12);

      ls_cause_set_category (cause, PICK (rand, cause_categories));
      ls_cause_set_description (cause, why);
      g_list_store_append (ls_investigation_get_causes (inv), cause);
    }
  }
  if (stage < 0.6)
    return lcase;

  /* Concluded, with a preventive action to follow up. */
  {
    g_autoptr (LsAction) action = ls_action_new ();
    g_autofree char *what = sentence (rand, 10);
    g_autofree char *conclusion = sentence (rand, 20);
    g_autofree char *concluded = day (year, month + 1, mday);
    g_autofree char *due = day (year, month + 3, mday);
    g_autofree char *sent = day (year, month + 2, mday);

    ls_investigation_set_similar_before (inv, LS_SIMILAR_BEFORE_NO);
    ls_investigation_set_recurrence (inv, "Risken bedöms som låg.");
    ls_investigation_set_other_findings (inv, "Inget annat framkom.");
    ls_investigation_set_conclusion (inv, conclusion);
    ls_investigation_set_concluded_on (inv, concluded);
    ls_investigation_set_decided_by (inv, "Maria Lind");
    ls_action_set_kind (action, LS_ACTION_KIND_PREVENTIVE);
    ls_action_set_description (action, what);
    ls_action_set_responsible (action, "Enhetschefen");
    ls_action_set_due_on (action, due);
    ls_action_set_follow_up_on (action, due);
    g_list_store_append (ls_investigation_get_preventive_actions (inv), action);
    if (stage < 0.9)
      {
        ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_NOT_SERIOUS);
      }
    else
      {
        LsNotification *notification = ls_case_get_notification (lcase);

        ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_SERIOUS);
        ls_notification_set_kind (notification, ls_report_get_kind (report));
        ls_notification_set_department (notification, "mitt");
        ls_notification_set_submitted_on (notification, concluded);
        if (stage < 0.97)
          ls_notification_set_investigation_sent_on (notification, sent);
      }
  }
  return lcase;
}

/* An exchange document of @batch, with the organisation the cases are
 * of: a document always names it, and the import checks the cases
 * against it. */
JsonNode *
ls_bench_make_document (GPtrArray *batch, LsOrganisation *organisation)
{
  JsonObject *root = json_object_new ();
  JsonArray *cases = json_array_new ();

  json_object_set_object_member (root, "organisation",
                                 ls_organisation_to_json (organisation));
  for (guint i = 0; i < batch->len; i++)
    json_array_add_object_element (cases, ls_case_to_json (batch->pdata[i]));
  json_object_set_string_member (root, "format", "lexsarah");
  json_object_set_int_member (root, "version", 1);
  json_object_set_array_member (root, "cases", cases);
  return json_node_init_object (json_node_alloc (), root);
}

/* What managers type: the start of a word, two words, a rare word, a word
 * in nearly every case, a name, a registration number. */
char *
ls_bench_make_query (GRand *rand, guint i, guint n_cases)
{
  const char *word = PICK (rand, words);

  switch (i % 6)
    {
    case 0:
      return g_utf8_substring (
          word, 0,
          MIN (g_utf8_strlen (word, -1), g_rand_int_range (rand, 3, 7)));
    case 1:
      return g_strdup_printf ("%s %s", word, PICK (rand, words));
    case 2:
      {
        GString *rare = g_string_new (NULL);

        append_word (rand, rare);
        return g_string_free (rare, FALSE);
      }
    case 3:
      return g_strdup (PICK (rand, common));
    case 4:
      return g_strdup (PICK (rand, last_names));
    case 5:
    default:
      return g_strdup_printf ("%06u", g_rand_int_range (rand, 1, n_cases));
    }
}

/* A case database of @n_cases generated cases and the example's
 * organisation at @path, built by the store's own import unless the file
 * already holds that many (it is kept between runs: building 100,000 takes
 * minutes).  Returns whether it was built now. */
gboolean
ls_bench_ensure_database (const char *path, guint n_cases)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  gint64 start;

  g_mkdir_with_parents (dir, 0700);
  store = ls_store_open (path, &error);
  g_assert_no_error (error);
  if (ls_store_count_cases (store, NULL, NULL) == n_cases)
    return FALSE;

  /* Anything else is the remains of an interrupted build. */
  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  store = ls_store_open (path, &error);
  g_assert_no_error (error);

  progress ("Building a database of %u cases (kept for later runs)...",
            n_cases);
  start = g_get_monotonic_time ();
  ls_bench_import_cases (store, n_cases);
  progress ("Built in %.1f s.",
            (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  return TRUE;
}

/* The example's organisation and @n_cases generated cases into the empty
 * @store by its own import, a thousand cases a document. */
void
ls_bench_import_cases (LsStore *store, guint n_cases)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260301);

  g_assert_true (ls_store_save_organisation (store, organisation, &error));
  for (guint done = 0; done < n_cases; done += DATABASE_BATCH)
    {
      g_autoptr (GPtrArray) batch =
          g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (JsonNode) document = NULL;

      for (guint i = done; i < MIN (done + DATABASE_BATCH, n_cases); i++)
        g_ptr_array_add (batch, ls_bench_generate_case (rand, i + 1));
      document = ls_bench_make_document (batch, organisation);
      g_assert_true (ls_store_import_document (store, document, "Benchmark",
                                               NULL, &error));
      g_assert_no_error (error);
    }
}

/* ---- A large database, written in bare sqlite3 -------------------------
 */

/* The rows the store's import writes for a case, written with bare
 * sqlite3 in transactions of tens of thousands of cases: a million cases
 * imported a thousand at a time took hours, their search index and
 * indexes read back again and again through the store's small page cache.
 * The rows are the store's own: its JSON, derived columns and search text
 * (ls_store_serialize_case(), ls_store_derive()), its history of a new
 * case and its documented items, what needs attention by its rule, and
 * the search index written at the end of each transaction by the
 * statement the store uses at its commit.  The schema, its triggers and
 * the number of cases they keep are the store's, as the file is made by
 * ls_store_open() first.  tests/core/test-bench-database.c checks that
 * the result equals the store's import of the same cases. */

#define LARGE_BATCH 20000
#define AUTHOR "Benchmark"

typedef struct
{
  sqlite3 *db;
  sqlite3_stmt *begin;
  sqlite3_stmt *commit;
  sqlite3_stmt *insert;
  sqlite3_stmt *history;
  sqlite3_stmt *journal;
  sqlite3_stmt *attention;
  sqlite3_stmt *index;
  char *when;
  /* The id of the transaction's first case, for the index, and of the
   * case whose rows are written. */
  gint64 first;
  gint64 case_id;
} Writer;

static sqlite3_stmt *
writer_prepare (Writer *writer, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (writer->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (writer->db));
  return stmt;
}

static void
writer_step (Writer *writer, sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s: %s", sqlite3_sql (stmt), sqlite3_errmsg (writer->db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
writer_exec (Writer *writer, const char *sql)
{
  if (sqlite3_exec (writer->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (writer->db));
}

static void
bind (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* ---- What both writers share ------------------------------------------ */

/* How a writer writes a transaction of cases: begun, each case's rows
 * added in the order the store writes them, committed.  A row of the
 * history, a documented item or what needs attention is of the case
 * added last. */
typedef struct
{
  void (*begin) (gpointer writer);
  void (*add_case) (gpointer writer,
                    LsCase *lcase,
                    const char *json,
                    const LsDerived *derived);
  void (*add_history) (gpointer writer,
                       const char *field,
                       const char *new_value);
  void (*add_item) (gpointer writer,
                    LsJournalItem *item,
                    const char *documented_at,
                    const char *text,
                    const char *json);
  void (*add_attention) (gpointer writer, const char *step, const char *due);
  void (*commit) (gpointer writer);
} BatchWriter;

/* The rows of @lcase as the store's save of a new case writes them
 * (ls_sqlite_store_save_case_locked(), ls_pg_store_save_case_locked()),
 * in their order, so that every table's ids are the store's too; @when
 * is the time of writing. */
static void
write_case (const BatchWriter *batch_writer,
            gpointer writer,
            const char *when,
            LsCase *lcase,
            LsOrganisation *organisation)
{
  GListModel *journal = G_LIST_MODEL (
      ls_investigation_get_journal (ls_case_get_investigation (lcase)));
  g_autoptr (GPtrArray) item_json = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *json = ls_store_serialize_case (lcase, item_json, text);
  g_autoptr (GPtrArray) attention = NULL;
  g_auto (LsDerived) derived = { 0 };

  ls_store_derive (lcase, &derived, g_strdup (text->str));
  batch_writer->add_case (writer, lcase, json, &derived);
  batch_writer->add_history (writer, "case", ls_case_get_regno (lcase));

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr (LsJournalItem) item = g_list_model_get_item (journal, i);
      const char *documented_on = ls_journal_item_get_documented_on (item);
      const char *item_text = ls_journal_item_get_text (item);

      /* Generated items correct none. */
      g_assert_null (ls_journal_item_get_corrects (item));
      batch_writer->add_item (
          writer, item, documented_on != NULL ? documented_on : when,
          item_text != NULL ? item_text : "", item_json->pdata[i]);
      batch_writer->add_history (writer, "investigation.journal",
                                 ls_journal_item_get_uuid (item));
    }

  /* The benchmarks' register has no routines. */
  attention = ls_store_attention_requirements (lcase, organisation, NULL);
  for (guint i = 0; i < attention->len; i++)
    {
      LsRequirement *requirement = attention->pdata[i];
      g_autofree char *step = ls_store_dup_enum_nick (
          LS_TYPE_STEP, ls_requirement_get_step (requirement));

      batch_writer->add_attention (writer, step,
                                   ls_requirement_get_due (requirement));
    }
}

/* The example's organisation, saved by the store into the new, empty
 * database at @location, which the store's opening gives its schema. */
static LsOrganisation *
save_example_organisation (const char *location)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = ls_store_open (location, &error);
  LsOrganisation *organisation = ls_core_test_example_organisation ();

  g_assert_no_error (error);
  g_assert_cmpint (ls_store_count_cases (store, NULL, NULL), ==, 0);
  g_assert_true (ls_store_save_organisation (store, organisation, &error));
  g_assert_no_error (error);
  return organisation;
}

/* The rows of @n_cases generated cases (those of
 * ls_bench_ensure_database()), given to @batch_writer in transactions of
 * @batch cases; @when is the time of writing. */
static void
write_in_batches (const BatchWriter *batch_writer,
                  gpointer writer,
                  const char *when,
                  LsOrganisation *organisation,
                  guint n_cases,
                  guint batch)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260301);
  gint64 start = g_get_monotonic_time ();
  gint64 last = start;

  for (guint done = 0; done < n_cases; done += batch)
    {
      batch_writer->begin (writer);
      for (guint i = done; i < MIN (done + batch, n_cases); i++)
        {
          g_autoptr (LsCase) lcase = ls_bench_generate_case (rand, i + 1);

          write_case (batch_writer, writer, when, lcase, organisation);
        }
      batch_writer->commit (writer);

      /* How the build goes, to see that it stays linear. */
      if (n_cases >= 100000 && (done + batch) % 100000 < batch)
        {
          gint64 now = g_get_monotonic_time ();

          progress ("  %u cases, %.1f s (the last 100,000 in %.1f s)",
                    MIN (done + batch, n_cases), (now - start) / 1e6,
                    (now - last) / 1e6);
          last = now;
        }
    }
}

/* The number of cases in the database at @location. */
static gint64
count_stored (const char *location)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) store = ls_store_open (location, &error);
  gint64 n;

  g_assert_no_error (error);
  n = ls_store_count_cases (store, NULL, &error);
  g_assert_no_error (error);
  return n;
}

static void
built (gint64 start, double bytes)
{
  progress ("Built in %.1f s, %.2f GB.",
            (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
            bytes / 1e9);
}

/* ---- The SQLite writer -------------------------------------------------- */

static void
sqlite_writer_begin (gpointer data)
{
  Writer *writer = data;

  writer_step (writer, writer->begin);
  writer->first = 0;
}

static void
sqlite_writer_add_case (gpointer data,
                        LsCase *lcase,
                        const char *json,
                        const LsDerived *derived)
{
  Writer *writer = data;
  sqlite3_stmt *s = writer->insert;

  bind (s, 1, ls_case_get_regno (lcase));
  bind (s, 2, writer->when);
  bind (s, 3, json);
  bind (s, 4, derived->status);
  bind (s, 5, derived->unit);
  bind (s, 6, derived->kind);
  bind (s, 7, derived->title);
  bind (s, 8, derived->received_at);
  bind (s, 9, derived->next_deadline);
  bind (s, 10, derived->search_text);
  bind (s, 11, ls_case_get_uuid (lcase));
  writer_step (writer, s);
  writer->case_id = sqlite3_last_insert_rowid (writer->db);
  if (writer->first == 0)
    writer->first = writer->case_id;
}

static void
sqlite_writer_add_history (gpointer data,
                           const char *field,
                           const char *new_value)
{
  Writer *writer = data;

  sqlite3_bind_int64 (writer->history, 1, writer->case_id);
  bind (writer->history, 2, writer->when);
  bind (writer->history, 3, field);
  bind (writer->history, 4, new_value);
  writer_step (writer, writer->history);
}

static void
sqlite_writer_add_item (gpointer data,
                        LsJournalItem *item,
                        const char *documented_at,
                        const char *text,
                        const char *json)
{
  Writer *writer = data;
  sqlite3_stmt *s = writer->journal;

  bind (s, 1, ls_journal_item_get_uuid (item));
  sqlite3_bind_int64 (s, 2, writer->case_id);
  bind (s, 3, documented_at);
  bind (s, 4, text);
  bind (s, 5, json);
  writer_step (writer, s);
}

static void
sqlite_writer_add_attention (gpointer data, const char *step, const char *due)
{
  Writer *writer = data;
  sqlite3_stmt *s = writer->attention;

  sqlite3_bind_int64 (s, 1, writer->case_id);
  bind (s, 2, step);
  bind (s, 3, due);
  writer_step (writer, s);
}

static void
sqlite_writer_commit (gpointer data)
{
  Writer *writer = data;

  sqlite3_bind_int64 (writer->index, 1, writer->first);
  sqlite3_bind_int64 (writer->index, 2, writer->case_id);
  writer_step (writer, writer->index);
  writer_step (writer, writer->commit);
}

static const BatchWriter sqlite_batch_writer = {
  .begin = sqlite_writer_begin,
  .add_case = sqlite_writer_add_case,
  .add_history = sqlite_writer_add_history,
  .add_item = sqlite_writer_add_item,
  .add_attention = sqlite_writer_add_attention,
  .commit = sqlite_writer_commit,
};

/* @n_cases generated cases (those of ls_bench_ensure_database()) and the
 * example's organisation in a new database at @path, in transactions of
 * @batch cases. */
void
ls_bench_write_database (const char *path, guint n_cases, guint batch)
{
  g_autoptr (LsOrganisation) organisation = save_example_organisation (path);
  Writer writer = { 0 };

  g_assert_cmpint (sqlite3_open (path, &writer.db), ==, SQLITE_OK);
  /* Nothing of the build needs to survive a crash (the file is only
   * used once complete), and its indexes fit in a large page cache:
   * every insert in the middle of an index is then made in memory. */
  writer_exec (&writer, "PRAGMA journal_mode = OFF;"
                        "PRAGMA synchronous = OFF;"
                        "PRAGMA locking_mode = EXCLUSIVE;"
                        "PRAGMA cache_size = -1048576;");
  writer.when = ls_store_now_iso ();
  writer.begin = writer_prepare (&writer, "BEGIN");
  writer.commit = writer_prepare (&writer, "COMMIT");
  writer.insert = writer_prepare (
      &writer, "INSERT INTO cases (regno, updated_at, json, status, unit, "
               "kind, title, received_at, next_deadline, search_text, uuid) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  writer.history = writer_prepare (
      &writer, "INSERT INTO history (case_id, at, field, old, new, who, why) "
               "VALUES (?, ?, ?, NULL, ?, '" AUTHOR "', NULL)");
  writer.journal = writer_prepare (
      &writer, "INSERT INTO journal (uuid, case_id, corrects, "
               "documented_at, text, json) VALUES (?, ?, NULL, ?, ?, ?)");
  writer.attention = writer_prepare (
      &writer, "INSERT INTO attention (case_id, step, due) VALUES (?, ?, ?)");
  /* The store's own statement at its commit (ls_sqlite_store_commit()). */
  writer.index = writer_prepare (
      &writer, "INSERT INTO case_fts (rowid, regno, body, journal, filter) "
               "SELECT id, coalesce (regno, ''), search_text, "
               "'', " LS_SQLITE_FILTER_TERMS_SQL " FROM cases "
               "WHERE id BETWEEN ? AND ?");

  write_in_batches (&sqlite_batch_writer, &writer, writer.when, organisation,
                    n_cases, batch);

  /* The store's file again: write-ahead logged, as it made it. */
  writer_exec (&writer, "PRAGMA locking_mode = NORMAL;"
                        "PRAGMA journal_mode = WAL;");
  sqlite3_finalize (writer.begin);
  sqlite3_finalize (writer.commit);
  sqlite3_finalize (writer.insert);
  sqlite3_finalize (writer.history);
  sqlite3_finalize (writer.journal);
  sqlite3_finalize (writer.attention);
  sqlite3_finalize (writer.index);
  g_assert_cmpint (sqlite3_close (writer.db), ==, SQLITE_OK);
  g_free (writer.when);
}

/* A database of at least @n_cases generated cases at @path, the same as
 * ls_bench_ensure_database() would build, kept between runs (a million
 * cases are some 10 GB): written by ls_bench_write_database() into a
 * file beside it that replaces it once complete.  A run may add cases to
 * it.  Returns the number of cases it holds. */
guint
ls_bench_ensure_large_database (const char *path, guint n_cases)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  gint64 start;
  gint64 n;

  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      (n = count_stored (path)) >= n_cases)
    return n;

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (part, suffixes[i], NULL);

      g_remove (file);
    }
  progress ("Building a database of %u cases (kept for later runs)...",
            n_cases);
  start = g_get_monotonic_time ();
  ls_bench_write_database (part, n_cases, LARGE_BATCH);
  g_assert_cmpint (g_rename (part, path), ==, 0);
  {
    GStatBuf buf;

    g_assert_cmpint (g_stat (path, &buf), ==, 0);
    built (start, buf.st_size);
  }
  return n_cases;
}

/* ---- A large database on the server, written with COPY -----------------
 */

/* The rows the store's import writes on PostgreSQL (ls-pg-store-save.c
 * for a new case): the case with its derived columns and search column,
 * its documented items, its history and what needs attention, with the
 * ids the store's sequences would give them, in the order the store
 * writes them.  Written with COPY in transactions of many cases, each
 * table's rows of a transaction in one COPY: a million cases imported a
 * thousand at a time take hours.  The schema is the store's, made by
 * ls_store_open() first.  The session runs as a replica, so that no
 * trigger fires: in a database of one user (not set up for a team) the
 * only ones are the notices to other clients and the checks that the
 * journal and the history are only added to, and the foreign keys hold
 * by construction.  test-bench-database.c checks that the result equals
 * the store's import of the same cases. */

typedef struct
{
  PGconn *conn;
  char *when;
  GString *cases;
  GString *journal;
  GString *history;
  GString *attention;
  gint64 case_id;
  gint64 item_id;
  gint64 history_id;
} PgWriter;

static void
pg_writer_exec (PgWriter *writer, const char *sql)
{
  PGresult *result = PQexec (writer->conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK &&
      PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
}

/* One value of a row of COPY's text format, after a tab unless first. */
static void
copy_value (GString *row, gboolean first, const char *value)
{
  if (!first)
    g_string_append_c (row, '\t');
  if (value == NULL)
    {
      g_string_append (row, "\\N");
      return;
    }
  for (const char *p = value; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (row, "\\\\");
        break;
      case '\t':
        g_string_append (row, "\\t");
        break;
      case '\n':
        g_string_append (row, "\\n");
        break;
      case '\r':
        g_string_append (row, "\\r");
        break;
      default:
        g_string_append_c (row, *p);
      }
}

static void
copy_id (GString *row, gboolean first, gint64 id)
{
  if (!first)
    g_string_append_c (row, '\t');
  g_string_append_printf (row, "%" G_GINT64_FORMAT, id);
}

static void
pg_writer_add_history (gpointer data, const char *field, const char *new_value)
{
  PgWriter *writer = data;
  GString *row = writer->history;

  copy_id (row, TRUE, ++writer->history_id);
  copy_id (row, FALSE, writer->case_id);
  copy_value (row, FALSE, writer->when);
  copy_value (row, FALSE, field);
  copy_value (row, FALSE, NULL);
  copy_value (row, FALSE, new_value);
  copy_value (row, FALSE, AUTHOR);
  copy_value (row, FALSE, NULL);
  g_string_append_c (row, '\n');
}

static void
pg_writer_add_case (gpointer data,
                    LsCase *lcase,
                    const char *json,
                    const LsDerived *derived)
{
  PgWriter *writer = data;
  const char *regno = ls_case_get_regno (lcase);
  g_autofree char *all_words =
      g_strconcat (regno != NULL ? regno : "", " ", derived->search_text, NULL);
  g_autofree char *folded = ls_store_fold_words (all_words);
  GString *row = writer->cases;

  copy_id (row, TRUE, ++writer->case_id);
  copy_value (row, FALSE, regno);
  copy_value (row, FALSE, writer->when);
  copy_value (row, FALSE, json);
  copy_value (row, FALSE, derived->status);
  copy_value (row, FALSE, derived->unit);
  copy_value (row, FALSE, derived->kind);
  copy_value (row, FALSE, derived->title);
  copy_value (row, FALSE, derived->received_at);
  copy_value (row, FALSE, derived->next_deadline);
  copy_value (row, FALSE, derived->search_text);
  copy_value (row, FALSE, folded);
  copy_value (row, FALSE, AUTHOR);
  copy_value (row, FALSE, writer->when);
  copy_value (row, FALSE, ls_case_get_uuid (lcase));
  g_string_append_c (row, '\n');
}

static void
pg_writer_add_item (gpointer data,
                    LsJournalItem *item,
                    const char *documented_at,
                    const char *text,
                    const char *json)
{
  PgWriter *writer = data;
  GString *row = writer->journal;

  copy_id (row, TRUE, ++writer->item_id);
  copy_value (row, FALSE, ls_journal_item_get_uuid (item));
  copy_id (row, FALSE, writer->case_id);
  copy_value (row, FALSE, NULL);
  copy_value (row, FALSE, documented_at);
  copy_value (row, FALSE, text);
  copy_value (row, FALSE, json);
  copy_value (row, FALSE, "1");
  g_string_append_c (row, '\n');
}

static void
pg_writer_add_attention (gpointer data, const char *step, const char *due)
{
  PgWriter *writer = data;
  GString *row = writer->attention;

  copy_id (row, TRUE, writer->case_id);
  copy_value (row, FALSE, step);
  copy_value (row, FALSE, due);
  g_string_append_c (row, '\n');
}

static void
pg_writer_copy (PgWriter *writer, const char *sql, GString *rows)
{
  PGresult *result = PQexec (writer->conn, sql);

  if (PQresultStatus (result) != PGRES_COPY_IN)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  if (PQputCopyData (writer->conn, rows->str, rows->len) != 1 ||
      PQputCopyEnd (writer->conn, NULL) != 1)
    g_error ("%s: %s", sql, PQerrorMessage (writer->conn));
  result = PQgetResult (writer->conn);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  while ((result = PQgetResult (writer->conn)) != NULL)
    PQclear (result);
  g_string_truncate (rows, 0);
}

static void
pg_writer_begin (gpointer writer)
{
  pg_writer_exec (writer, "BEGIN");
}

/* Each table's rows of the transaction in one COPY. */
static void
pg_writer_commit (gpointer data)
{
  PgWriter *writer = data;

  pg_writer_copy (writer,
                  "COPY cases (id, regno, updated_at, json, status, "
                  "unit, kind, title, received_at, next_deadline, "
                  "search_text, search_folded, saved_by, saved_at, uuid) "
                  "FROM STDIN",
                  writer->cases);
  pg_writer_copy (writer,
                  "COPY journal (id, uuid, case_id, corrects, "
                  "documented_at, text, json, revision) FROM STDIN",
                  writer->journal);
  pg_writer_copy (writer,
                  "COPY history (id, case_id, at, field, old, new, who, "
                  "why) FROM STDIN",
                  writer->history);
  pg_writer_copy (writer, "COPY attention (case_id, step, due) FROM STDIN",
                  writer->attention);
  pg_writer_exec (writer, "COMMIT");
}

static const BatchWriter pg_batch_writer = {
  .begin = pg_writer_begin,
  .add_case = pg_writer_add_case,
  .add_history = pg_writer_add_history,
  .add_item = pg_writer_add_item,
  .add_attention = pg_writer_add_attention,
  .commit = pg_writer_commit,
};

/* @n_cases generated cases (those of ls_bench_ensure_database()) and the
 * example's organisation in the new, empty database of @conninfo, in
 * transactions of @batch cases. */
void
ls_bench_write_pg_database (const char *conninfo, guint n_cases, guint batch)
{
  g_autoptr (LsOrganisation) organisation =
      save_example_organisation (conninfo);
  PgWriter writer = { 0 };

  writer.conn = ls_core_test_pg_connect (conninfo);
  writer.when = ls_store_now_iso ();
  writer.cases = g_string_new (NULL);
  writer.journal = g_string_new (NULL);
  writer.history = g_string_new (NULL);
  writer.attention = g_string_new (NULL);
  /* Nothing of the build needs to survive a crash: the database is used
   * only once complete. */
  pg_writer_exec (&writer, "SET session_replication_role = replica;"
                           "SET synchronous_commit = off;"
                           "SET maintenance_work_mem = '256MB'");

  write_in_batches (&pg_batch_writer, &writer, writer.when, organisation,
                    n_cases, batch);

  /* The sequences where the store's nextval() would have left them. */
  {
    static const char *const tables[] = { "cases", "journal", "history" };

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *sql = g_strdup_printf (
            "SELECT setval ('%s_id_seq', max (id)) FROM %s HAVING "
            "count(*) > 0",
            tables[i], tables[i]);

        pg_writer_exec (&writer, sql);
      }
  }
  PQfinish (writer.conn);
  g_string_free (writer.cases, TRUE);
  g_string_free (writer.journal, TRUE);
  g_string_free (writer.history, TRUE);
  g_string_free (writer.attention, TRUE);
  g_free (writer.when);
}

/* A database of at least @n_cases generated cases named @name on the
 * test server, the same as the store's import of them would write, kept
 * between runs of the benchmark on the same server: written by
 * ls_bench_write_pg_database() into a database beside it that is renamed
 * to @name once complete.  A run may add cases to it.  Returns the
 * connection to it; *@n_stored is the number of cases it holds. */
char *
ls_bench_ensure_large_pg_database (const char *name,
                                   guint n_cases,
                                   guint *n_stored)
{
  const char *server = ls_core_test_pg_server ();
  g_autofree char *part = g_strconcat (name, "_part", NULL);
  g_autofree char *exists_sql = g_strdup_printf (
      "SELECT count(*) FROM pg_database WHERE datname = '%s'", name);
  char *location = g_strdup_printf ("%s dbname=%s", server, name);
  gint64 start;

  if (ls_core_test_pg_query_int (server, exists_sql) == 1)
    {
      gint64 n = count_stored (location);

      if (n >= n_cases)
        {
          *n_stored = n;
          return location;
        }
      ls_core_test_pg_drop_database (name);
    }

  {
    g_autofree char *sql =
        g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0", part);
    g_autofree char *rename =
        g_strdup_printf ("ALTER DATABASE %s RENAME TO %s", part, name);
    g_autofree char *part_location =
        g_strdup_printf ("%s dbname=%s", server, part);
    g_autofree char *message = NULL;
    g_autofree char *size_sql =
        g_strdup_printf ("SELECT pg_database_size ('%s')", name);

    ls_core_test_pg_drop_database (part);
    message = ls_core_test_pg_exec (server, sql);
    g_assert_null (message);
    progress ("Building a database of %u cases on the server (kept for "
              "later runs on it)...",
              n_cases);
    start = g_get_monotonic_time ();
    ls_bench_write_pg_database (part_location, n_cases, LARGE_BATCH);
    /* As a server's autovacuum leaves a table long written to: its
     * statistics gathered, its pages marked as seen by every
     * transaction. */
    g_clear_pointer (&message, g_free);
    message = ls_core_test_pg_exec (part_location, "VACUUM ANALYZE");
    g_assert_null (message);
    message = ls_core_test_pg_exec (server, rename);
    g_assert_null (message);
    built (start, ls_core_test_pg_query_int (server, size_sql));
  }
  *n_stored = n_cases;
  return location;
}
