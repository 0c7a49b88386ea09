/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-statistics"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ls-action.h"
#include "ls-case.h"
#include "ls-cause.h"
#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-law.h"
#include "ls-names.h"
#include "ls-statistics-private.h"
#include "ls-unit.h"

/* The statistics of issue 15 and IVO's three findings: how much is
 * reported and by whom (a high share of clear risks shows that staff dare
 * to report early), how fast investigations conclude and duties are met,
 * what causes are found and whether the actions helped the individual. */

struct _LsStatisticsQuery
{
  char *from;
  char *to;
  GStrv units;
  GHashTable *obliged; /* unit id ("" for all) -> GUINT_TO_POINTER */
  char *today;
};

G_DEFINE_BOXED_TYPE (LsStatisticsQuery,
                     ls_statistics_query,
                     ls_statistics_query_copy,
                     ls_statistics_query_free)

G_DEFINE_QUARK (ls - statistics - error - quark, ls_statistics_error)

/* A row of fixed figures, named in both languages. */
typedef struct
{
  const char *key;
  const char *name;
  const char *swedish;
} Figure;

typedef struct
{
  const char *key;
  const char *title;
  const char *title_sv;
  const char *dimension;
  const char *dimension_sv;
  guint n_columns;
  const char *columns[3];
  const char *columns_sv[3];
  gboolean over_time;
  const Figure *figures;
  guint n_figures;
} TableInfo;

static const Figure time_figures[] = {
  { "concluded", N_ ("Concluded investigations"), "Avslutade utredningar" },
  { "median", N_ ("Median days"), "Median, dagar" },
  { "slowest", N_ ("Slowest, days"), "Längst tid, dagar" },
};

static const Figure notified_figures[] = {
  { "reports", N_ ("Reports"), "Rapporter" },
  { "notified", N_ ("Notified to IVO"), "Anmälda till IVO" },
  { "share", N_ ("Share notified (%)"), "Andel anmälda (%)" },
};

static const Figure duty_figures[] = {
  { "investigation-sent",
    N_ ("Finished investigation sent to IVO within two months"),
    "Färdig utredning till IVO inom två månader" },
  { "actions-done", N_ ("Actions done by their due date"),
    "Åtgärder genomförda i tid" },
  { "follow-ups", N_ ("Effects followed up by their follow-up date"),
    "Effekter uppföljda i tid" },
};

static const Figure action_figures[] = {
  { "actions", N_ ("Actions"), "Åtgärder" },
  { "followed-up", N_ ("Effect followed up"), "Effekten uppföljd" },
  { "helped", N_ ("Helped the individual"), "Gav effekt för den enskilde" },
  { "not-helped", N_ ("Did not help the individual"),
    "Gav ingen effekt för den enskilde" },
  { "individual-asked", N_ ("Individual or next of kin asked"),
    "Den enskilde eller närstående tillfrågad" },
};

static const Figure all_units_figure = { "", N_ ("All units"), "Alla enheter" };

static const TableInfo tables[LS_STATISTICS_N_TABLES] = {
  [LS_STATISTICS_BY_CATEGORY] = { "category",
                                  N_ ("Reports by category"),
                                  "Rapporter per kategori",
                                  N_ ("Category"),
                                  "Kategori",
                                  1,
                                  { N_ ("Reports") },
                                  { "Rapporter" } },
  [LS_STATISTICS_BY_KIND] = { "kind",
                              N_ ("Wrongdoings and clear risks"),
                              "Missförhållanden och påtagliga risker",
                              N_ ("Kind"),
                              "Slag",
                              2,
                              { N_ ("Reports"), N_ ("Share (%)") },
                              { "Rapporter", "Andel (%)" } },
  [LS_STATISTICS_BY_UNIT] = { "unit",
                              N_ ("Reports by unit"),
                              "Rapporter per enhet",
                              N_ ("Unit"),
                              "Enhet",
                              1,
                              { N_ ("Reports") },
                              { "Rapporter" } },
  [LS_STATISTICS_BY_REPORTER] = { "reporter-category",
                                  N_ ("Reports by who reported"),
                                  "Rapporter per rapportörens kategori",
                                  N_ ("Reporter"),
                                  "Rapportör",
                                  1,
                                  { N_ ("Reports") },
                                  { "Rapporter" } },
  [LS_STATISTICS_BY_MONTH] = { "month",
                               N_ ("Reports per month"),
                               "Rapporter per månad",
                               N_ ("Month"),
                               "Månad",
                               3,
                               { N_ ("Reports"), N_ ("Clear risks"),
                                 N_ ("Wrongdoings") },
                               { "Rapporter", "Påtagliga risker",
                                 "Missförhållanden" },
                               TRUE },
  [LS_STATISTICS_RATE] = { "rate",
                           N_ ("Reports per 10 people who must report"),
                           "Rapporter per 10 rapporteringsskyldiga",
                           N_ ("Unit"),
                           "Enhet",
                           3,
                           { N_ ("Reports"), N_ ("People who must report"),
                             N_ ("Reports per 10") },
                           { "Rapporter", "Rapporteringsskyldiga",
                             "Rapporter per 10" } },
  [LS_STATISTICS_TIME] = { "time",
                           N_ ("From report to concluded investigation"),
                           "Från rapport till avslutad utredning",
                           N_ ("Figure"),
                           "Uppgift",
                           1,
                           { N_ ("Value") },
                           { "Värde" },
                           FALSE,
                           time_figures,
                           G_N_ELEMENTS (time_figures) },
  [LS_STATISTICS_NOTIFIED] = { "notified",
                               N_ ("Notified to IVO"),
                               "Anmälda till IVO",
                               N_ ("Figure"),
                               "Uppgift",
                               1,
                               { N_ ("Value") },
                               { "Värde" },
                               FALSE,
                               notified_figures,
                               G_N_ELEMENTS (notified_figures) },
  [LS_STATISTICS_DUTIES] = { "duties",
                             N_ ("Duties met on time"),
                             "Skyldigheter uppfyllda i tid",
                             N_ ("Duty"),
                             "Skyldighet",
                             3,
                             { N_ ("On time"), N_ ("Late"),
                               N_ ("Not yet due") },
                             { "I tid", "För sent", "Ännu inte aktuell" },
                             FALSE,
                             duty_figures,
                             G_N_ELEMENTS (duty_figures) },
  [LS_STATISTICS_CAUSES] = { "causes",
                             N_ ("Causes by category"),
                             "Orsaker per kategori",
                             N_ ("Cause"),
                             "Orsak",
                             2,
                             { N_ ("Causes"), N_ ("Cases") },
                             { "Orsaker", "Ärenden" } },
  [LS_STATISTICS_ACTIONS] = { "actions",
                              N_ ("Effect of the actions for the individual"),
                              "Åtgärdernas effekt för den enskilde",
                              N_ ("Figure"),
                              "Uppgift",
                              2,
                              { N_ ("Preventive"), N_ ("Remedial") },
                              { "Förebyggande", "Avhjälpande" },
                              FALSE,
                              action_figures,
                              G_N_ELEMENTS (action_figures) },
};

typedef struct
{
  LsStatisticsTable table;
  const char *columns[3];
  GHashTable *by_key; /* key -> LsStatisticsRow, owned by table.rows */
  gboolean present;
} Table;

struct _LsStatistics
{
  GObject parent_instance;

  LsStatisticsQuery *query;
  LsOrganisation *organisation;
  Table tables[LS_STATISTICS_N_TABLES];
  GArray *days; /* int: days from report to conclusion */
  guint n_cases;
  gboolean finished;
};

G_DEFINE_FINAL_TYPE (LsStatistics, ls_statistics, G_TYPE_OBJECT)

/* ---- The query -------------------------------------------------------- */

static LsStatisticsQuery *
query_new_days (const GDate *from, const GDate *to)
{
  LsStatisticsQuery *query = g_new0 (LsStatisticsQuery, 1);

  query->from = ls_dates_format_day (from);
  query->to = ls_dates_format_day (to);
  query->obliged =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return query;
}

/**
 * ls_statistics_query_new:
 * @from: the first day, "YYYY-MM-DD"
 * @to: the last day
 *
 * Returns: (transfer full) (nullable): the query, or %NULL with @error set
 *   when a day is not a date or @to lies before @from
 */
LsStatisticsQuery *
ls_statistics_query_new (const char *from, const char *to, GError **error)
{
  GDate day_from, day_to;

  if (!ls_dates_get_day (from, &day_from))
    {
      g_set_error (error, LS_STATISTICS_ERROR, LS_STATISTICS_ERROR_PERIOD,
                   _ ("The first day of the period is not a date; write it "
                      "as 2026-01-31."));
      return NULL;
    }
  if (!ls_dates_get_day (to, &day_to))
    {
      g_set_error (error, LS_STATISTICS_ERROR, LS_STATISTICS_ERROR_PERIOD,
                   _ ("The last day of the period is not a date; write it "
                      "as 2026-12-31."));
      return NULL;
    }
  if (g_date_compare (&day_from, &day_to) > 0)
    {
      g_set_error (error, LS_STATISTICS_ERROR, LS_STATISTICS_ERROR_PERIOD,
                   _ ("The period ends before it begins."));
      return NULL;
    }
  return query_new_days (&day_from, &day_to);
}

static LsStatisticsQuery *
query_new_months (int year, int first_month, guint n_months)
{
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, first_month, year);
  to = from;
  g_date_add_months (&to, n_months);
  g_date_subtract_days (&to, 1);
  return query_new_days (&from, &to);
}

LsStatisticsQuery *
ls_statistics_query_new_month (int year, int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  g_return_val_if_fail (g_date_valid_year (year), NULL);

  return query_new_months (year, month, 1);
}

LsStatisticsQuery *
ls_statistics_query_new_quarter (int year, int quarter)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);
  g_return_val_if_fail (g_date_valid_year (year), NULL);

  return query_new_months (year, 3 * (quarter - 1) + 1, 3);
}

LsStatisticsQuery *
ls_statistics_query_new_year (int year)
{
  g_return_val_if_fail (g_date_valid_year (year), NULL);

  return query_new_months (year, 1, 12);
}

LsStatisticsQuery *
ls_statistics_query_copy (const LsStatisticsQuery *query)
{
  LsStatisticsQuery *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_new0 (LsStatisticsQuery, 1);
  copy->from = g_strdup (query->from);
  copy->to = g_strdup (query->to);
  copy->units = g_strdupv (query->units);
  copy->today = g_strdup (query->today);
  copy->obliged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, query->obliged);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->obliged, g_strdup (key), value);
  return copy;
}

void
ls_statistics_query_free (LsStatisticsQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->from);
  g_free (query->to);
  g_strfreev (query->units);
  g_hash_table_unref (query->obliged);
  g_free (query->today);
  g_free (query);
}

const char *
ls_statistics_query_get_from (const LsStatisticsQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  return query->from;
}

const char *
ls_statistics_query_get_to (const LsStatisticsQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  return query->to;
}

/**
 * ls_statistics_query_set_units:
 * @units: (nullable) (array zero-terminated=1): the ids of the units to
 *   count; %NULL or empty for all
 */
void
ls_statistics_query_set_units (LsStatisticsQuery *query,
                               const char *const *units)
{
  g_return_if_fail (query != NULL);

  g_strfreev (query->units);
  query->units =
      units != NULL && units[0] != NULL ? g_strdupv ((char **) units) : NULL;
}

/**
 * ls_statistics_query_get_units:
 *
 * Returns: (nullable) (transfer none): the units, %NULL for all
 */
const char *const *
ls_statistics_query_get_units (const LsStatisticsQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  return (const char *const *) query->units;
}

gboolean
ls_statistics_query_has_unit (const LsStatisticsQuery *query, const char *unit)
{
  g_return_val_if_fail (query != NULL, FALSE);

  if (query->units == NULL)
    return TRUE;
  return unit != NULL &&
         g_strv_contains ((const char *const *) query->units, unit);
}

/**
 * ls_statistics_query_set_obliged:
 * @unit: (nullable): a unit's id, or %NULL for all the units counted
 * @n_people: how many people must report there (2 kap. 1 §); 0 when not
 *   known
 *
 * The number of people who must report comes from the register of staff;
 * where it is not given, no rate is worked out.
 */
void
ls_statistics_query_set_obliged (LsStatisticsQuery *query,
                                 const char *unit,
                                 guint n_people)
{
  g_return_if_fail (query != NULL);

  if (n_people == 0)
    g_hash_table_remove (query->obliged, unit != NULL ? unit : "");
  else
    g_hash_table_insert (query->obliged, g_strdup (unit != NULL ? unit : ""),
                         GUINT_TO_POINTER (n_people));
}

/**
 * ls_statistics_query_has_obliged:
 *
 * Returns: whether the number of people who must report is given for
 *   some unit or for all
 */
gboolean
ls_statistics_query_has_obliged (const LsStatisticsQuery *query)
{
  g_return_val_if_fail (query != NULL, FALSE);

  return g_hash_table_size (query->obliged) > 0;
}

/**
 * ls_statistics_query_set_today:
 * @today: (nullable): the day against which open deadlines are judged,
 *   %NULL for the clock's
 */
void
ls_statistics_query_set_today (LsStatisticsQuery *query, const char *today)
{
  g_return_if_fail (query != NULL);

  g_free (query->today);
  query->today = g_strdup (today);
}

/**
 * ls_statistics_query_get_today:
 *
 * Returns: the day against which deadlines are judged
 */
const char *
ls_statistics_query_get_today (const LsStatisticsQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  /* Fixed once asked for, so that every table of one run is judged on the
   * same day even across midnight. */
  if (query->today == NULL)
    ((LsStatisticsQuery *) query)->today = ls_dates_dup_today (NULL);
  return query->today;
}

static char *
dup_swedish_day (const GDate *day, gboolean with_year)
{
  static const char *const months[] = {
    "januari", "februari", "mars",      "april",   "maj",      "juni",
    "juli",    "augusti",  "september", "oktober", "november", "december",
  };

  if (with_year)
    return g_strdup_printf ("%u %s %u", g_date_get_day (day),
                            months[g_date_get_month (day) - 1],
                            g_date_get_year (day));
  return g_strdup_printf ("%u %s", g_date_get_day (day),
                          months[g_date_get_month (day) - 1]);
}

/**
 * ls_statistics_query_dup_label:
 *
 * Returns: (transfer full): the period in Swedish words, such as
 *   "1 januari–31 mars 2026", for documents
 */
char *
ls_statistics_query_dup_label (const LsStatisticsQuery *query)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate first, last;

  g_return_val_if_fail (query != NULL, NULL);

  ls_dates_get_day (query->from, &first);
  ls_dates_get_day (query->to, &last);
  from = dup_swedish_day (&first,
                          g_date_get_year (&first) != g_date_get_year (&last));
  to = dup_swedish_day (&last, TRUE);
  return g_strdup_printf ("%s–%s", from, to);
}

/* ---- Building the tables --------------------------------------------- */

static void
row_free (gpointer data)
{
  LsStatisticsRow *row = data;

  g_free (row->key);
  g_free (row->label);
  g_free (row->label_sv);
  g_free (row->values);
  g_free (row);
}

static void
ls_statistics_finalize (GObject *object)
{
  LsStatistics *self = LS_STATISTICS (object);

  for (guint i = 0; i < LS_STATISTICS_N_TABLES; i++)
    {
      g_clear_pointer (&self->tables[i].table.rows, g_ptr_array_unref);
      g_clear_pointer (&self->tables[i].by_key, g_hash_table_unref);
    }
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->query, ls_statistics_query_free);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (ls_statistics_parent_class)->finalize (object);
}

static void
ls_statistics_class_init (LsStatisticsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ls_statistics_finalize;
}

static void
ls_statistics_init (LsStatistics *self)
{
  self->days = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < LS_STATISTICS_N_TABLES; i++)
    {
      Table *table = &self->tables[i];
      const TableInfo *info = &tables[i];

      table->table.id = i;
      table->table.key = info->key;
      table->table.title = _ (info->title);
      table->table.title_sv = info->title_sv;
      table->table.dimension = _ (info->dimension);
      table->table.dimension_sv = info->dimension_sv;
      table->table.n_columns = info->n_columns;
      for (guint c = 0; c < info->n_columns; c++)
        table->columns[c] = _ (info->columns[c]);
      table->table.columns = table->columns;
      table->table.columns_sv = info->columns_sv;
      table->table.over_time = info->over_time;
      table->table.rows = g_ptr_array_new_with_free_func (row_free);
      table->by_key = g_hash_table_new (g_str_hash, g_str_equal);
      table->present = TRUE;
    }
}

static LsStatisticsRow *
ensure_row (Table *table, const char *key)
{
  LsStatisticsRow *row = g_hash_table_lookup (table->by_key, key);

  if (row != NULL)
    return row;
  row = g_new0 (LsStatisticsRow, 1);
  row->key = g_strdup (key);
  row->values = g_new0 (double, table->table.n_columns);
  g_ptr_array_add (table->table.rows, row);
  g_hash_table_insert (table->by_key, row->key, row);
  return row;
}

/**
 * ls_statistics_begin: (skip)
 * @organisation: (nullable): names the units
 *
 * Returns: (transfer full): empty statistics to add counts to
 */
LsStatistics *
ls_statistics_begin (const LsStatisticsQuery *query,
                     LsOrganisation *organisation)
{
  LsStatistics *self;

  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (LS_TYPE_STATISTICS, NULL);
  self->query = ls_statistics_query_copy (query);
  ls_statistics_query_get_today (self->query);
  if (organisation != NULL)
    self->organisation = g_object_ref (organisation);
  return self;
}

void
ls_statistics_add (LsStatistics *self,
                   LsStatisticsTableId id,
                   const char *row_key,
                   guint column,
                   double amount)
{
  Table *table;

  g_return_if_fail (LS_IS_STATISTICS (self));
  g_return_if_fail (id < LS_STATISTICS_N_TABLES);
  g_return_if_fail (!self->finished);

  table = &self->tables[id];
  g_return_if_fail (column < table->table.n_columns);
  ensure_row (table, row_key != NULL ? row_key : "")->values[column] += amount;
}

void
ls_statistics_add_cases (LsStatistics *self, guint n_cases)
{
  g_return_if_fail (LS_IS_STATISTICS (self));

  self->n_cases += n_cases;
}

void
ls_statistics_add_days (LsStatistics *self, int days)
{
  g_return_if_fail (LS_IS_STATISTICS (self));

  g_array_append_val (self->days, days);
}

/**
 * ls_statistics_judge_duty: (skip)
 * @due: (nullable): the day by which it was to be done
 * @done: whether it is done
 * @done_on: (nullable): when, where known; a duty done on an unknown day
 *   counts as done on time
 * @today: the day of the statistics
 *
 * The same judgement as the store's SQL in ls-store-statistics.c.
 */
LsDuty
ls_statistics_judge_duty (const char *due,
                          gboolean done,
                          const char *done_on,
                          const char *today)
{
  GDate due_day, done_day, today_day;

  if (!ls_dates_get_day (due, &due_day))
    return LS_DUTY_NONE;
  if (done)
    return ls_dates_get_day (done_on, &done_day) &&
                   g_date_compare (&done_day, &due_day) > 0
               ? LS_DUTY_LATE
               : LS_DUTY_ON_TIME;
  if (ls_dates_get_day (today, &today_day) &&
      g_date_compare (&today_day, &due_day) > 0)
    return LS_DUTY_LATE;
  return LS_DUTY_NOT_YET_DUE;
}

static void
name_row (LsStatisticsRow *row, const char *name, const char *swedish)
{
  g_free (row->label);
  g_free (row->label_sv);
  row->label = g_strdup (name);
  row->label_sv = g_strdup (swedish);
}

static int
compare_row_keys (gconstpointer a, gconstpointer b)
{
  const LsStatisticsRow *ra = *(LsStatisticsRow *const *) a;
  const LsStatisticsRow *rb = *(LsStatisticsRow *const *) b;

  return strcmp (ra->key, rb->key);
}

/* Puts the rows whose keys are listed first, in that order, made with
 * zeros where nothing was counted; the rest follow in the order of their
 * keys, and a row of "not given" last, only when something was counted. */
static void
order_rows (Table *table, const char *const *keys, guint n_keys)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GPtrArray) rest = g_ptr_array_new ();
  LsStatisticsRow *not_given = g_hash_table_lookup (table->by_key, "");

  for (guint i = 0; i < n_keys; i++)
    g_ptr_array_add (rows, ensure_row (table, keys[i]));
  for (guint i = 0; i < table->table.rows->len; i++)
    {
      LsStatisticsRow *row = g_ptr_array_index (table->table.rows, i);

      if (row != not_given && !g_ptr_array_find (rows, row, NULL))
        g_ptr_array_add (rest, row);
    }
  g_ptr_array_sort (rest, compare_row_keys);
  g_ptr_array_extend_and_steal (rows, g_steal_pointer (&rest));
  if (not_given != NULL && !g_ptr_array_find (rows, not_given, NULL))
    {
      name_row (not_given, _ ("Not given"), "Inte angivet");
      g_ptr_array_add (rows, not_given);
    }

  /* The rows now change hands: steal them from the old array. */
  g_ptr_array_set_free_func (table->table.rows, NULL);
  g_ptr_array_unref (table->table.rows);
  table->table.rows = g_ptr_array_new_with_free_func (row_free);
  g_ptr_array_extend (table->table.rows, rows, NULL, NULL);
}

static void
finish_choices (Table *table, const LsChoice *choices, guint n_choices)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < n_choices; i++)
    if (choices[i].id != NULL)
      g_ptr_array_add (keys, (gpointer) choices[i].id);
  order_rows (table, (const char *const *) keys->pdata, keys->len);
  for (guint i = 0; i < table->table.rows->len; i++)
    {
      LsStatisticsRow *row = g_ptr_array_index (table->table.rows, i);
      const LsChoice *choice = NULL;

      /* Not ls_law_find_choice(): an enumeration's table has entries
       * without an id, for the value that means "not chosen". */
      for (guint c = 0; c < n_choices && choice == NULL; c++)
        if (g_strcmp0 (choices[c].id, row->key) == 0 && *row->key)
          choice = &choices[c];

      if (choice != NULL)
        name_row (row, _ (choice->name), choice->swedish);
      else if (row->label == NULL)
        name_row (row, row->key, row->key);
    }
}

static void
finish_enum (Table *table, GType type)
{
  guint n_names;
  const LsChoice *names = ls_names_get (type, &n_names);

  finish_choices (table, names, n_names);
}

static void
finish_figures (Table *table, const Figure *figures, guint n_figures)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < n_figures; i++)
    g_ptr_array_add (keys, (gpointer) figures[i].key);
  order_rows (table, (const char *const *) keys->pdata, keys->len);
  for (guint i = 0; i < n_figures; i++)
    name_row (ensure_row (table, figures[i].key), _ (figures[i].name),
              figures[i].swedish);
}

static GPtrArray *
dup_unit_keys (LsStatistics *self)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  GListModel *units;

  if (self->organisation == NULL)
    return keys;
  units = G_LIST_MODEL (ls_organisation_get_units (self->organisation));
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (units, i);

      if (ls_statistics_query_has_unit (self->query, ls_unit_get_id (unit)))
        g_ptr_array_add (keys, g_strdup (ls_unit_get_id (unit)));
    }
  return keys;
}

static void
name_unit_rows (LsStatistics *self, Table *table)
{
  for (guint i = 0; i < table->table.rows->len; i++)
    {
      LsStatisticsRow *row = g_ptr_array_index (table->table.rows, i);
      LsUnit *unit =
          self->organisation != NULL && *row->key
              ? ls_organisation_find_unit (self->organisation, row->key)
              : NULL;

      if (unit != NULL)
        name_row (row, ls_unit_get_name (unit), ls_unit_get_name (unit));
      else if (*row->key)
        name_row (row, _ ("Unknown unit"), "Okänd enhet");
    }
}

static void
finish_units (LsStatistics *self)
{
  Table *table = &self->tables[LS_STATISTICS_BY_UNIT];
  g_autoptr (GPtrArray) keys = dup_unit_keys (self);

  order_rows (table, (const char *const *) keys->pdata, keys->len);
  name_unit_rows (self, table);
}

static void
finish_months (LsStatistics *self)
{
  Table *table = &self->tables[LS_STATISTICS_BY_MONTH];
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GDate month, last;

  if (ls_dates_get_day (self->query->from, &month) &&
      ls_dates_get_day (self->query->to, &last))
    {
      g_date_set_day (&month, 1);
      while (g_date_compare (&month, &last) <= 0)
        {
          g_ptr_array_add (keys, g_strdup_printf ("%04d-%02d",
                                                  g_date_get_year (&month),
                                                  g_date_get_month (&month)));
          g_date_add_months (&month, 1);
        }
    }
  order_rows (table, (const char *const *) keys->pdata, keys->len);
  for (guint i = 0; i < table->table.rows->len; i++)
    {
      LsStatisticsRow *row = g_ptr_array_index (table->table.rows, i);

      if (row->label == NULL)
        name_row (row, row->key, row->key);
    }
}

/* Reports per 10 people who must report: only where the register said how
 * many there are, per unit and for all the units counted. */
static void
finish_rate (LsStatistics *self)
{
  Table *table = &self->tables[LS_STATISTICS_RATE];
  Table *units = &self->tables[LS_STATISTICS_BY_UNIT];

  table->present = g_hash_table_size (self->query->obliged) > 0;
  if (!table->present)
    return;
  for (guint i = 0; i < units->table.rows->len; i++)
    {
      LsStatisticsRow *unit = g_ptr_array_index (units->table.rows, i);
      gpointer n = g_hash_table_lookup (self->query->obliged, unit->key);
      LsStatisticsRow *row;

      if (!*unit->key || n == NULL)
        continue;
      row = ensure_row (table, unit->key);
      row->values[LS_STATISTICS_RATE_REPORTS] = unit->values[0];
      row->values[LS_STATISTICS_RATE_PEOPLE] = GPOINTER_TO_UINT (n);
      name_row (row, unit->label, unit->label_sv);
    }
  if (g_hash_table_contains (self->query->obliged, ""))
    {
      LsStatisticsRow *row = ensure_row (table, "all");

      row->values[LS_STATISTICS_RATE_REPORTS] = self->n_cases;
      row->values[LS_STATISTICS_RATE_PEOPLE] =
          GPOINTER_TO_UINT (g_hash_table_lookup (self->query->obliged, ""));
      name_row (row, _ (all_units_figure.name), all_units_figure.swedish);
    }
  for (guint i = 0; i < table->table.rows->len; i++)
    {
      LsStatisticsRow *row = g_ptr_array_index (table->table.rows, i);

      row->values[LS_STATISTICS_RATE_PER_10] =
          10.0 * row->values[LS_STATISTICS_RATE_REPORTS] /
          row->values[LS_STATISTICS_RATE_PEOPLE];
    }
}

static int
compare_ints (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
finish_time (LsStatistics *self)
{
  Table *table = &self->tables[LS_STATISTICS_TIME];
  guint n = self->days->len;
  double median = NAN, slowest = NAN;

  finish_figures (table, time_figures, G_N_ELEMENTS (time_figures));
  if (n > 0)
    {
      const int *days = (const int *) self->days->data;

      g_array_sort (self->days, compare_ints);
      median = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
      slowest = days[n - 1];
    }
  ensure_row (table, "concluded")->values[0] = n;
  ensure_row (table, "median")->values[0] = median;
  ensure_row (table, "slowest")->values[0] = slowest;
}

static double
share (double part, double whole)
{
  return whole > 0 ? 100.0 * part / whole : NAN;
}

void
ls_statistics_finish (LsStatistics *self)
{
  Table *kinds = &self->tables[LS_STATISTICS_BY_KIND];
  Table *notified = &self->tables[LS_STATISTICS_NOTIFIED];
  guint n_cause_categories;
  guint n_categories;
  const LsChoice *cause_categories =
      ls_law_get_cause_categories (&n_cause_categories);
  const LsChoice *categories = ls_law_get_categories (&n_categories);
  LsStatisticsRow *row;

  g_return_if_fail (LS_IS_STATISTICS (self));
  g_return_if_fail (!self->finished);

  finish_choices (&self->tables[LS_STATISTICS_BY_CATEGORY], categories,
                  n_categories);
  finish_enum (kinds, LS_TYPE_CASE_KIND);
  for (guint i = 0; i < kinds->table.rows->len; i++)
    {
      row = g_ptr_array_index (kinds->table.rows, i);
      row->values[LS_STATISTICS_SHARE] =
          share (row->values[LS_STATISTICS_REPORTS], self->n_cases);
    }
  finish_units (self);
  finish_enum (&self->tables[LS_STATISTICS_BY_REPORTER],
               LS_TYPE_REPORTER_CATEGORY);
  finish_months (self);
  finish_rate (self);
  finish_time (self);

  finish_figures (notified, notified_figures, G_N_ELEMENTS (notified_figures));
  ensure_row (notified, "reports")->values[0] = self->n_cases;
  row = ensure_row (notified, "share");
  row->values[0] =
      share (ensure_row (notified, "notified")->values[0], self->n_cases);

  finish_figures (&self->tables[LS_STATISTICS_DUTIES], duty_figures,
                  G_N_ELEMENTS (duty_figures));
  finish_choices (&self->tables[LS_STATISTICS_CAUSES], cause_categories,
                  n_cause_categories);
  finish_figures (&self->tables[LS_STATISTICS_ACTIONS], action_figures,
                  G_N_ELEMENTS (action_figures));
  self->finished = TRUE;
}

/* ---- Reading ------------------------------------------------------------ */

const LsStatisticsQuery *
ls_statistics_get_query (LsStatistics *self)
{
  g_return_val_if_fail (LS_IS_STATISTICS (self), NULL);

  return self->query;
}

/**
 * ls_statistics_get_n_cases:
 *
 * Returns: how many reports the statistics cover
 */
guint
ls_statistics_get_n_cases (LsStatistics *self)
{
  g_return_val_if_fail (LS_IS_STATISTICS (self), 0);

  return self->n_cases;
}

/**
 * ls_statistics_get_n_tables:
 *
 * Returns: how many tables there are; the rate per 10 people who must
 *   report is left out where their number is not known
 */
guint
ls_statistics_get_n_tables (LsStatistics *self)
{
  guint n = 0;

  g_return_val_if_fail (LS_IS_STATISTICS (self), 0);

  for (guint i = 0; i < LS_STATISTICS_N_TABLES; i++)
    n += self->tables[i].present;
  return n;
}

/**
 * ls_statistics_get_table:
 * @index: from 0 to ls_statistics_get_n_tables()
 *
 * Returns: (transfer none): the table
 */
const LsStatisticsTable *
ls_statistics_get_table (LsStatistics *self, guint index)
{
  g_return_val_if_fail (LS_IS_STATISTICS (self), NULL);

  for (guint i = 0; i < LS_STATISTICS_N_TABLES; i++)
    {
      if (!self->tables[i].present)
        continue;
      if (index-- == 0)
        return &self->tables[i].table;
    }
  g_return_val_if_reached (NULL);
}

/**
 * ls_statistics_lookup_table:
 *
 * Returns: (transfer none) (nullable): the table, %NULL when it is left
 *   out
 */
const LsStatisticsTable *
ls_statistics_lookup_table (LsStatistics *self, LsStatisticsTableId id)
{
  g_return_val_if_fail (LS_IS_STATISTICS (self), NULL);
  g_return_val_if_fail (id < LS_STATISTICS_N_TABLES, NULL);

  return self->tables[id].present ? &self->tables[id].table : NULL;
}

/**
 * ls_statistics_get_value:
 *
 * Returns: the value of a cell, 0 for a row that is not there, NAN for a
 *   figure that cannot be worked out (the median of nothing)
 */
double
ls_statistics_get_value (LsStatistics *self,
                         LsStatisticsTableId id,
                         const char *row_key,
                         guint column)
{
  LsStatisticsRow *row;

  g_return_val_if_fail (LS_IS_STATISTICS (self), 0);
  g_return_val_if_fail (id < LS_STATISTICS_N_TABLES, 0);
  g_return_val_if_fail (column < self->tables[id].table.n_columns, 0);

  row = g_hash_table_lookup (self->tables[id].by_key,
                             row_key != NULL ? row_key : "");
  return row != NULL ? row->values[column] : 0;
}

/**
 * ls_statistics_format_value:
 *
 * Formats a value as Swedish spreadsheets read it: a whole number as it
 * is, anything else with one decimal after a decimal comma ("12,5"); a
 * value that cannot be worked out as nothing.
 *
 * Returns: (transfer full): the text
 */
char *
ls_statistics_format_value (double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  char *point;

  if (isnan (value))
    return g_strdup ("");
  /* Not printf: the decimal point must not depend on LC_NUMERIC. */
  g_ascii_formatd (
      text, sizeof text,
      value == floor (value) && fabs (value) < 1e15 ? "%.0f" : "%.1f", value);
  point = strchr (text, '.');
  if (point != NULL)
    *point = ',';
  return g_strdup (text);
}
