/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-statistics"

#include "config.h"

#include "ls-dates.h"
#include "ls-statistics.h"

/* How many people must report (2 kap. 1 §), for the rate of reports per
 * 10 of them: those of the register whose engagement overlaps the period,
 * counted in each of their units the query covers, and once in all. */

/* Whether @person's engagement, from its start to its end (open when it
 * has none), shares a day with the period. */
static gboolean
engaged_within (LsPerson *person, const LsStatisticsQuery *query)
{
  const char *started = ls_person_get_started_on (person);
  const char *ended = ls_person_get_ended_on (person);

  if (started != NULL &&
      ls_dates_compare (started, ls_statistics_query_get_to (query)) > 0)
    return FALSE;
  return ended == NULL ||
         ls_dates_compare (ended, ls_statistics_query_get_from (query)) >= 0;
}

/**
 * ls_statistics_query_count_obliged:
 * @register_: the register of the people who must report
 *
 * Gives @query the number of people of @register_ engaged during its
 * period: for each unit it covers that has anybody, and for all of them,
 * where a person of several units counts in each and once in all.  When
 * the query covers every unit, all counts everybody engaged, also those
 * of no unit in particular.  Nothing is given where nobody is known, so
 * that no rate is shown there.
 */
void
ls_statistics_query_count_obliged (LsStatisticsQuery *query,
                                   LsPeopleRegister *register_)
{
  GListModel *people;
  g_autoptr (GHashTable) per_unit = NULL;
  gboolean all_units;
  guint in_all = 0;
  GHashTableIter iter;
  gpointer unit, count;

  g_return_if_fail (query != NULL);
  g_return_if_fail (LS_IS_PEOPLE_REGISTER (register_));

  all_units = ls_statistics_query_get_units (query) == NULL;
  per_unit = g_hash_table_new (g_str_hash, g_str_equal);
  people = G_LIST_MODEL (ls_people_register_get_people (register_));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (LsPerson) person = g_list_model_get_item (people, i);
      const char *const *units = ls_person_get_units (person);
      gboolean counted = all_units;

      if (!engaged_within (person, query))
        continue;
      for (guint u = 0; units != NULL && units[u] != NULL; u++)
        {
          /* A unit listed twice for a person counts the person once. */
          if (!ls_statistics_query_has_unit (query, units[u]) ||
              g_strv_contains (units + u + 1, units[u]))
            continue;
          g_hash_table_insert (
              per_unit, (gpointer) units[u],
              GUINT_TO_POINTER (
                  GPOINTER_TO_UINT (g_hash_table_lookup (per_unit, units[u])) +
                  1));
          counted = TRUE;
        }
      if (counted)
        in_all++;
    }

  /* The people are the register's; the query keeps copies of the ids. */
  g_hash_table_iter_init (&iter, per_unit);
  while (g_hash_table_iter_next (&iter, &unit, &count))
    ls_statistics_query_set_obliged (query, unit, GPOINTER_TO_UINT (count));
  ls_statistics_query_set_obliged (query, NULL, in_all);
}
