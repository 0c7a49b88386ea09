/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sys/resource.h>

#include "ls-action.h"
#include "ls-cause.h"
#include "ls-core-test.h"
#include "ls-enum-types.h"
#include "ls-individual.h"
#include "ls-investigator.h"
#include "ls-journal-item.h"
#include "ls-model.h"
#include "ls-requirement.h"
#include "ls-rules.h"
#include "ls-store-backend-private.h"
#include "ls-store.h"

/* The store against a floor of bare sqlite3 calls (built with
 * LS_BENCH_PG: bare libpq calls on the test server) writing the same rows
 * (case, search index, documented items, history, attention) into the
 * same schema in transactions of the same size.  LS_BENCH_CASES sets the
 * number of cases, 100,000 by default.
 *
 * Targets: the store's bulk inserts within 1.5 times the floor's time, and
 * a search under 10 ms at the 95th percentile. */

#ifdef LS_BENCH_PG
#define BACKEND "postgresql"
#define FLOOR "libpq"
#else
#define BACKEND "sqlite"
#define FLOOR "sqlite3"
#endif

#define BATCH 1000
#define SINGLE_SAVES 200
#define QUERIES 400
#define UNIT_SOLGARDEN "6637c86c-a47f-4dae-8000-0b60995e4035"
#define UNIT_LINDEN "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"

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
static LsCase *
generate_case (GRand *rand, guint64 n)
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

/* ---- The floor ------------------------------------------------------------
 */

/* The rows the store writes for a case, computed before the clock starts:
 * the floor pays for SQLite only. */
typedef struct
{
  char *uuid;
  char *regno;
  char *status;
  char *unit;
  char *kind;
  char *title;
  char *received_at;
  char *next_deadline;
  char *json;
  char *search_text;
  char *search_folded;  /* PostgreSQL's search column */
  GPtrArray *journal;   /* JournalRow */
  GPtrArray *attention; /* "step\tdue" */
} FloorRow;

typedef struct
{
  char *uuid;
  char *documented_on;
  char *text;
  char *json;
} JournalRow;

static void
journal_row_free (JournalRow *row)
{
  g_free (row->uuid);
  g_free (row->documented_on);
  g_free (row->text);
  g_free (row->json);
  g_free (row);
}

static void
floor_row_clear (FloorRow *row)
{
  g_free (row->uuid);
  g_free (row->regno);
  g_free (row->status);
  g_free (row->unit);
  g_free (row->kind);
  g_free (row->title);
  g_free (row->received_at);
  g_free (row->next_deadline);
  g_free (row->json);
  g_free (row->search_text);
  g_free (row->search_folded);
  g_clear_pointer (&row->journal, g_ptr_array_unref);
  g_clear_pointer (&row->attention, g_ptr_array_unref);
}

static char *
nick (GType type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);

  return g_strdup (g_enum_get_value (klass, value)->value_nick);
}

static char *
object_text (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static void
floor_row_init (FloorRow *row, LsCase *lcase, LsOrganisation *organisation)
{
  g_autoptr (JsonObject) json = ls_case_to_json (lcase);
  JsonObject *inv = json_object_get_object_member (json, "investigation");
  g_autoptr (JsonArray) journal =
      json_array_ref (json_object_get_array_member (inv, "journal"));
  g_autoptr (GListStore) requirements = ls_rules_check (lcase, organisation);
  GString *text = g_string_new (NULL);
  LsReport *report = ls_case_get_report (lcase);

  row->uuid = g_strdup (ls_case_get_uuid (lcase));
  row->regno = g_strdup (ls_case_get_regno (lcase));
  row->status = nick (LS_TYPE_CASE_STATUS, ls_case_get_status (lcase));
  row->unit = g_strdup (ls_case_get_unit_id (lcase));
  row->kind = nick (LS_TYPE_CASE_KIND, ls_report_get_kind (report));
  row->title = ls_case_dup_title (lcase);
  row->received_at = g_strdup (ls_report_get_received_at (report));
  row->next_deadline = ls_case_get_status (lcase) != LS_CASE_STATUS_CLOSED
                           ? g_strdup (ls_case_get_next_deadline (lcase))
                           : NULL;
  ls_model_collect_text (G_OBJECT (lcase), text);
  row->search_text = g_string_free (text, FALSE);
  {
    g_autofree char *all_text =
        g_strconcat (row->regno ? row->regno : "", " ", row->search_text, NULL);

    row->search_folded = ls_store_fold_words (all_text);
  }

  row->journal =
      g_ptr_array_new_with_free_func ((GDestroyNotify) journal_row_free);
  for (guint i = 0; i < json_array_get_length (journal); i++)
    {
      JsonObject *item = json_array_get_object_element (journal, i);
      JournalRow *jr = g_new0 (JournalRow, 1);

      jr->uuid = g_strdup (json_object_get_string_member (item, "uuid"));
      jr->documented_on =
          g_strdup (json_object_get_string_member (item, "documented_on"));
      jr->text = g_strdup (json_object_get_string_member (item, "text"));
      jr->json = object_text (item);
      g_ptr_array_add (row->journal, jr);
    }
  json_object_set_array_member (inv, "journal", json_array_new ());
  row->json = object_text (json);

  /* As the store's attention list: the individual, the notification and
   * its deadline, and follow-ups with a date. */
  row->attention = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (requirements));
       i++)
    {
      g_autoptr (LsRequirement) r =
          g_list_model_get_item (G_LIST_MODEL (requirements), i);
      LsStep step = ls_requirement_get_step (r);

      if (step == LS_STEP_NOTIFICATION || step == LS_STEP_INVESTIGATION_SENT ||
          step == LS_STEP_INDIVIDUAL ||
          (step == LS_STEP_FOLLOW_UP && ls_requirement_get_due (r) != NULL))
        {
          g_autofree char *step_nick = nick (LS_TYPE_STEP, step);

          g_ptr_array_add (row->attention,
                           g_strdup_printf ("%s\t%s", step_nick,
                                            ls_requirement_get_due (r)
                                                ? ls_requirement_get_due (r)
                                                : ""));
        }
    }
}

#ifdef LS_BENCH_PG
/* The floor on PostgreSQL: bare libpq, statements prepared once, the
 * same rows (with the folded search column the store computes) in the
 * same schema, in transactions of the same size. */
typedef struct
{
  PGconn *conn;
} Floor;

static void
floor_run (
    Floor *floor, const char *name, int n, const char *const *values, char **id)
{
  PGresult *result =
      PQexecPrepared (floor->conn, name, n, values, NULL, NULL, 0);

  g_assert_true (PQresultStatus (result) == PGRES_COMMAND_OK ||
                 PQresultStatus (result) == PGRES_TUPLES_OK);
  if (id != NULL)
    *id = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
}

static void
floor_sql (Floor *floor, const char *sql)
{
  PGresult *result = PQexec (floor->conn, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
}

static void
floor_begin (Floor *floor)
{
  floor_sql (floor, "BEGIN");
}

static void
floor_commit (Floor *floor)
{
  floor_sql (floor, "COMMIT");
}

static void
floor_insert (Floor *floor, FloorRow *row, const char *now)
{
  g_autofree char *case_id = NULL;
  const char *values[] = {
    row->uuid, row->regno,         row->status,      row->unit,
    row->kind, row->title,         row->received_at, now,
    row->json, row->next_deadline, row->search_text, row->search_folded
  };
  const char *history[] = { NULL, now, "case", row->regno };

  floor_run (floor, "case", G_N_ELEMENTS (values), values, &case_id);
  history[0] = case_id;
  floor_run (floor, "history", 4, history, NULL);
  for (guint i = 0; i < row->journal->len; i++)
    {
      JournalRow *jr = row->journal->pdata[i];
      const char *journal[] = { jr->uuid, case_id, jr->documented_on, jr->text,
                                jr->json };
      const char *added[] = { case_id, now, "investigation.journal", jr->uuid };

      floor_run (floor, "journal", 5, journal, NULL);
      floor_run (floor, "history", 4, added, NULL);
    }
  for (guint i = 0; i < row->attention->len; i++)
    {
      g_auto (GStrv) parts = g_strsplit (row->attention->pdata[i], "\t", 2);
      const char *attention[] = { case_id, parts[0],
                                  *parts[1] != '\0' ? parts[1] : NULL };

      floor_run (floor, "attention", 3, attention, NULL);
    }
}

static void
floor_prepare (Floor *floor, const char *name, const char *sql)
{
  PGresult *result = PQprepare (floor->conn, name, sql, 0, NULL);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
}

static Floor *
floor_open (const char *location, LsOrganisation *organisation)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) schema = ls_store_open (location, &error);
  Floor *floor = g_new0 (Floor, 1);

  g_assert_no_error (error);
  g_assert_true (ls_store_save_organisation (schema, organisation, &error));
  g_clear_object (&schema);
  floor->conn = ls_core_test_pg_connect (location);
  floor_prepare (floor, "case",
                 "INSERT INTO cases (uuid, regno, status, unit, kind, title, "
                 "received_at, updated_at, json, next_deadline, search_text, "
                 "search_folded, saved_by, saved_at) VALUES ($1, $2, $3, $4, "
                 "$5, $6, $7, $8, $9, $10, $11, $12, 'Bench', $8) "
                 "RETURNING id");
  floor_prepare (floor, "history",
                 "INSERT INTO history (case_id, at, field, old, new, who) "
                 "VALUES ($1, $2, $3, NULL, $4, 'Bench')");
  floor_prepare (floor, "journal",
                 "INSERT INTO journal (uuid, case_id, documented_at, text, "
                 "json) VALUES ($1, $2, $3, $4, $5)");
  floor_prepare (floor, "attention",
                 "INSERT INTO attention (case_id, step, due) "
                 "VALUES ($1, $2, $3)");
  return floor;
}

static void
floor_close (Floor *floor)
{
  PQfinish (floor->conn);
  g_free (floor);
}

#else
typedef struct
{
  sqlite3 *db;
  sqlite3_stmt *begin;
  sqlite3_stmt *commit;
  sqlite3_stmt *insert;
  sqlite3_stmt *history;
  sqlite3_stmt *journal;
  sqlite3_stmt *attention;
} Floor;

static void
floor_exec (sqlite3_stmt *stmt)
{
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static void
bind (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

static void
floor_insert (Floor *floor, FloorRow *row, const char *now)
{
  sqlite3_stmt *s = floor->insert;
  gint64 case_id;

  bind (s, 1, row->uuid);
  bind (s, 2, row->regno);
  bind (s, 3, row->status);
  bind (s, 4, row->unit);
  bind (s, 5, row->kind);
  bind (s, 6, row->title);
  bind (s, 7, row->received_at);
  bind (s, 8, now);
  bind (s, 9, row->json);
  bind (s, 10, row->next_deadline);
  bind (s, 11, row->search_text);
  floor_exec (s);
  case_id = sqlite3_last_insert_rowid (floor->db);

  s = floor->history;
  sqlite3_bind_int64 (s, 1, case_id);
  bind (s, 2, now);
  bind (s, 3, "case");
  bind (s, 4, row->regno);
  floor_exec (s);

  for (guint i = 0; i < row->journal->len; i++)
    {
      JournalRow *jr = row->journal->pdata[i];

      s = floor->journal;
      bind (s, 1, jr->uuid);
      sqlite3_bind_int64 (s, 2, case_id);
      bind (s, 3, jr->documented_on);
      bind (s, 4, jr->text);
      bind (s, 5, jr->json);
      floor_exec (s);
      s = floor->history;
      sqlite3_bind_int64 (s, 1, case_id);
      bind (s, 2, now);
      bind (s, 3, "investigation.journal");
      bind (s, 4, jr->uuid);
      floor_exec (s);
    }

  for (guint i = 0; i < row->attention->len; i++)
    {
      const char *entry = row->attention->pdata[i];
      const char *tab = strchr (entry, '\t');

      s = floor->attention;
      sqlite3_bind_int64 (s, 1, case_id);
      sqlite3_bind_text (s, 2, entry, tab - entry, SQLITE_STATIC);
      if (tab[1] != '\0')
        sqlite3_bind_text (s, 3, tab + 1, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (s, 3);
      floor_exec (s);
    }
}

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  return stmt;
}

static Floor *
floor_open (const char *path, LsOrganisation *organisation)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsStore) schema = ls_store_open (path, &error);
  Floor *floor = g_new0 (Floor, 1);

  /* The same file format and schema as the store's, then bare sqlite3
   * with the same settings. */
  g_assert_no_error (error);
  g_assert_true (ls_store_save_organisation (schema, organisation, &error));
  g_clear_object (&schema);
  g_assert_cmpint (sqlite3_open (path, &floor->db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (floor->db,
                                 "PRAGMA journal_mode = WAL;"
                                 "PRAGMA synchronous = FULL;"
                                 "PRAGMA foreign_keys = ON;"
                                 "PRAGMA cache_size = -16384;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  floor->begin = prepare (floor->db, "BEGIN IMMEDIATE");
  floor->commit = prepare (floor->db, "COMMIT");
  floor->insert = prepare (
      floor->db, "INSERT INTO cases (uuid, regno, status, unit, kind, title, "
                 "received_at, updated_at, json, next_deadline, search_text) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  floor->history =
      prepare (floor->db, "INSERT INTO history (case_id, at, field, old, "
                          "new, who) VALUES (?, ?, ?, NULL, ?, 'Bench')");
  floor->journal = prepare (floor->db, "INSERT INTO journal (uuid, case_id, "
                                       "documented_at, text, json) VALUES "
                                       "(?, ?, ?, ?, ?)");
  floor->attention = prepare (
      floor->db, "INSERT INTO attention (case_id, step, due) VALUES (?, ?, ?)");
  return floor;
}

static void
floor_close (Floor *floor)
{
  sqlite3_finalize (floor->begin);
  sqlite3_finalize (floor->commit);
  sqlite3_finalize (floor->insert);
  sqlite3_finalize (floor->history);
  sqlite3_finalize (floor->journal);
  sqlite3_finalize (floor->attention);
  sqlite3_close (floor->db);
  g_free (floor);
}

static void
floor_begin (Floor *floor)
{
  floor_exec (floor->begin);
}

static void
floor_commit (Floor *floor)
{
  floor_exec (floor->commit);
}

#endif

/* ---- Measuring ------------------------------------------------------------
 */

/* Microseconds of CPU, in user space and in the kernel (reads and writes
 * of pages), used by this process so far. */
static void
cpu_times (gint64 *user, gint64 *sys)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  *user = usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec;
  *sys = usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values, double p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double,
                        MIN (values->len - 1, (guint) (p * values->len)));
}

static JsonNode *
make_document (GPtrArray *batch)
{
  JsonObject *root = json_object_new ();
  JsonArray *cases = json_array_new ();

  for (guint i = 0; i < batch->len; i++)
    json_array_add_object_element (cases, ls_case_to_json (batch->pdata[i]));
  json_object_set_string_member (root, "format", "lexsarah");
  json_object_set_int_member (root, "version", 1);
  json_object_set_array_member (root, "cases", cases);
  return json_node_init_object (json_node_alloc (), root);
}

/* What managers type: the start of a word, two words, a rare word, a word
 * in nearly every case, a name, a registration number. */
static char *
make_query (GRand *rand, guint i, guint n_cases)
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

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = ls_core_test_make_tmpdir ("bench");
  g_autofree char *store_path = g_build_filename (dir, "store.db", NULL);
  g_autofree char *floor_path = g_build_filename (dir, "floor.db", NULL);
  g_autoptr (LsStore) store = NULL;
  g_autoptr (LsOrganisation) organisation =
      ls_core_test_example_organisation ();
  g_autoptr (GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) count_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) store_save_ms =
      g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_save_ms =
      g_array_new (FALSE, FALSE, sizeof (double));
  const char *env = g_getenv ("LS_BENCH_CASES");
  guint n_cases = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 100000;
  GRand *rand = g_rand_new_with_seed (20260301);
  GRand *query_rand = g_rand_new_with_seed (7);
  guint64 serial = 0;
  Floor *floor;
  gint64 store_us = 0;
  gint64 floor_us = 0;
  gint64 store_user = 0, store_sys = 0, floor_user = 0, floor_sys = 0;
  gint64 u0, s0, u1, s1;
  gint64 t;
  double open_ms;
  double page_ms;
  double store_rate;
  double floor_rate;
  double ratio;
  double search_p95;
  const char *now = "2026-03-01T12:00:00Z";
  g_autofree char *store_db = NULL;
  g_autofree char *floor_db = NULL;

  n_cases = MAX (n_cases, BATCH) / BATCH * BATCH;
#ifdef LS_BENCH_PG
  /* The store and the floor each in a database of their own on the
   * server of the tests. */
  if (ls_core_test_pg_server () == NULL)
    {
      g_print ("No PostgreSQL server (LEXSARAH_TEST_PG): skipped\n");
      return 77;
    }
  g_free (store_path);
  g_free (floor_path);
  store_path = ls_core_test_pg_create_database (&store_db);
  floor_path = ls_core_test_pg_create_database (&floor_db);
#endif

  store = ls_store_open (store_path, &error);
  g_assert_no_error (error);
  g_assert_true (ls_store_save_organisation (store, organisation, &error));
  floor = floor_open (floor_path, organisation);

  /* Bulk: an import of BATCH cases is one transaction in the store; the
   * floor writes the same rows in transactions of the same size. */
  for (guint done = 0; done < n_cases; done += BATCH)
    {
      g_autoptr (GPtrArray) batch =
          g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (JsonNode) document = NULL;
      g_autoptr (GArray) rows =
          g_array_sized_new (FALSE, TRUE, sizeof (FloorRow), BATCH);

      g_array_set_clear_func (rows, (GDestroyNotify) floor_row_clear);
      for (guint i = 0; i < BATCH; i++)
        {
          FloorRow row = { 0 };
          LsCase *lcase = generate_case (rand, ++serial);

          g_ptr_array_add (batch, lcase);
          floor_row_init (&row, lcase, organisation);
          g_array_append_val (rows, row);
        }
      document = make_document (batch);

      cpu_times (&u0, &s0);
      t = g_get_monotonic_time ();
      g_assert_true (
          ls_store_import_document (store, document, "Bench", NULL, &error));
      store_us += g_get_monotonic_time () - t;
      cpu_times (&u1, &s1);
      store_user += u1 - u0;
      store_sys += s1 - s0;
      g_assert_no_error (error);

      cpu_times (&u0, &s0);
      t = g_get_monotonic_time ();
      floor_begin (floor);
      for (guint i = 0; i < BATCH; i++)
        floor_insert (floor, &g_array_index (rows, FloorRow, i), now);
      floor_commit (floor);
      floor_us += g_get_monotonic_time () - t;
      cpu_times (&u1, &s1);
      floor_user += u1 - u0;
      floor_sys += s1 - s0;
    }

  /* One user action, one transaction, one fsync. */
  for (guint i = 0; i < SINGLE_SAVES; i++)
    {
      g_autoptr (LsCase) lcase = generate_case (rand, ++serial);
      FloorRow row = { 0 };
      double ms;

      floor_row_init (&row, lcase, organisation);
      t = g_get_monotonic_time ();
      g_assert_true (ls_store_save_case (store, lcase, "Bench", &error));
      ms = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (store_save_ms, ms);

      t = g_get_monotonic_time ();
      floor_begin (floor);
      floor_insert (floor, &row, now);
      floor_commit (floor);
      ms = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (floor_save_ms, ms);
      floor_row_clear (&row);
    }
  floor_close (floor);
  g_clear_object (&store);

  t = g_get_monotonic_time ();
  store = ls_store_open (store_path, &error);
  open_ms = (g_get_monotonic_time () - t) / 1000.0;
  g_assert_no_error (error);
  g_assert_cmpint (ls_store_count_cases (store, NULL, &error), ==,
                   n_cases + SINGLE_SAVES);

  for (guint i = 0; i < QUERIES; i++)
    {
      g_autofree char *text = make_query (query_rand, i, n_cases);
      g_autoptr (GPtrArray) found = NULL;
      LsStoreQuery query = { 0 };
      double ms;

      t = g_get_monotonic_time ();
      found = ls_store_search (store, text, 50, &error);
      ms = (g_get_monotonic_time () - t) / 1000.0;
      g_assert_no_error (error);
      g_array_append_val (search_ms, ms);

      query.search = text;
      t = g_get_monotonic_time ();
      g_assert_cmpint (ls_store_count_cases (store, &query, &error), >=, 0);
      ms = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (count_ms, ms);
    }

  {
    g_autoptr (GPtrArray) page = NULL;
    LsStoreQuery query = { .order = LS_STORE_ORDER_DEADLINE };

    t = g_get_monotonic_time ();
    page = ls_store_list_cases (store, &query, n_cases / 2, 200, &error);
    page_ms = (g_get_monotonic_time () - t) / 1000.0;
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 200);
  }

  store_rate = n_cases / (store_us / 1e6);
  floor_rate = n_cases / (floor_us / 1e6);
  ratio = floor_rate / store_rate;
  search_p95 = percentile (search_ms, 0.95);
  g_print ("cases: %u (LS_BENCH_CASES)\n", n_cases);
  g_print ("bulk insert, %u per transaction: store %.0f cases/s, "
           "bare " FLOOR " floor %.0f cases/s, ratio %.2fx (target 1.5x): %s\n",
           BATCH, store_rate, floor_rate, ratio,
           ratio <= 1.5 ? "met" : "MISSED");
  g_print ("  CPU time: store %.1f s user %.1f s system, floor %.1f s user "
           "%.1f s system; wall: store %.1f s, floor %.1f s\n",
           store_user / 1e6, store_sys / 1e6, floor_user / 1e6, floor_sys / 1e6,
           store_us / 1e6, floor_us / 1e6);
  g_print ("single save, one transaction each (%u): store p50 %.2f ms "
           "p95 %.2f ms, floor p50 %.2f ms p95 %.2f ms\n",
           SINGLE_SAVES, percentile (store_save_ms, 0.5),
           percentile (store_save_ms, 0.95), percentile (floor_save_ms, 0.5),
           percentile (floor_save_ms, 0.95));
  g_print ("open of the %u-case database: %.1f ms\n", n_cases + SINGLE_SAVES,
           open_ms);
  g_print ("search, top 50 (%u queries): p50 %.2f ms, p95 %.2f ms "
           "(target 10 ms): %s\n",
           QUERIES, percentile (search_ms, 0.5), search_p95,
           search_p95 < 10.0 ? "met" : "MISSED");
  g_print ("list count with search: p50 %.2f ms, p95 %.2f ms\n",
           percentile (count_ms, 0.5), percentile (count_ms, 0.95));
  g_print ("list page of 200 at offset %u by deadline: %.2f ms\n", n_cases / 2,
           page_ms);
  g_print ("figure %s_bulk_insert %.0f cases/s, ratio %.2f (target 1.5)\n",
           BACKEND, store_rate, ratio);
  g_print ("figure %s_search_p95 %.2f ms, ratio %.2f (target 10 ms)\n", BACKEND,
           search_p95, search_p95 / 10.0);
  g_print ("figure %s_list_page %.2f ms, ratio %.2f (target 50 ms)\n", BACKEND,
           page_ms, page_ms / 50.0);

  if (store_db != NULL)
    {
      g_clear_object (&store);
      ls_core_test_pg_drop_database (store_db);
      ls_core_test_pg_drop_database (floor_db);
    }

  g_clear_object (&store);
  ls_core_test_remove_tree (dir);
  g_rand_free (rand);
  g_rand_free (query_rand);
  return 0;
}
