/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-names"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-enum-types.h"
#include "ls-names.h"

/* What the values of the model's enumerations are called: one table per
 * enumeration, indexed by the value, with the exchange format's nick, the
 * English name (a msgid, for the app) and the Swedish one (for the
 * documents that go to IVO, which are Swedish whatever the language of
 * the app; %NULL where no document names the value).  A value that means
 * "not chosen yet" has no name: each place says that in its own words. */

static const LsChoice case_statuses[] = {
  [LS_CASE_STATUS_DRAFT] = { "draft", N_ ("Draft"), NULL },
  [LS_CASE_STATUS_REPORTED] = { "reported", N_ ("Reported"), NULL },
  [LS_CASE_STATUS_UNDER_INVESTIGATION] = { "under-investigation",
                                           N_ ("Under investigation"), NULL },
  [LS_CASE_STATUS_NOTIFIED] = { "notified", N_ ("Notified to IVO"), NULL },
  [LS_CASE_STATUS_CLOSED] = { "closed", N_ ("Closed"), NULL },
};

static const LsChoice case_kinds[] = {
  [LS_CASE_KIND_UNSET] = { NULL },
  [LS_CASE_KIND_WRONGDOING] = { "wrongdoing", N_ ("Wrongdoing"),
                                "Missförhållande" },
  [LS_CASE_KIND_CLEAR_RISK] = { "clear-risk", N_ ("Clear risk of wrongdoing"),
                                "Påtaglig risk för missförhållande" },
};

/* Who must report (2 kap. 1 § SOSFS 2011:5). */
static const LsChoice reporter_categories[] = {
  [LS_REPORTER_CATEGORY_UNSET] = { NULL },
  [LS_REPORTER_CATEGORY_EMPLOYEE] = { "employee", N_ ("Employee"), "Anställd" },
  [LS_REPORTER_CATEGORY_CONTRACTOR] = { "contractor", N_ ("Contractor"),
                                        "Uppdragstagare" },
  [LS_REPORTER_CATEGORY_TRAINEE] = { "trainee", N_ ("Trainee"), "Praktikant" },
  [LS_REPORTER_CATEGORY_PROGRAMME_PARTICIPANT] = { "programme-participant",
                                                   N_ ("Labour-market "
                                                       "programme participant"),
                                                   "Deltagare i "
                                                   "arbetsmarknadspolitiskt "
                                                   "program" },
};

static const LsChoice received_hows[] = {
  [LS_RECEIVED_HOW_UNSET] = { NULL },
  [LS_RECEIVED_HOW_ORAL] = { "oral", N_ ("Orally"), "Muntligt" },
  [LS_RECEIVED_HOW_WRITTEN] = { "written", N_ ("In writing"), "Skriftligt" },
};

/* What every documented item must say of itself (5 kap. 4 §). */
static const LsChoice journal_kinds[] = {
  [LS_JOURNAL_KIND_UNSET] = { NULL },
  [LS_JOURNAL_KIND_FACT] = { "fact", N_ ("Fact"), "Faktisk omständighet" },
  [LS_JOURNAL_KIND_ASSESSMENT] = { "assessment", N_ ("Assessment"),
                                   "Bedömning" },
};

static const LsChoice action_statuses[] = {
  [LS_ACTION_STATUS_PLANNED] = { "planned", N_ ("Planned"), "Planerad" },
  [LS_ACTION_STATUS_IN_PROGRESS] = { "in-progress", N_ ("In progress"),
                                     "Pågår" },
  [LS_ACTION_STATUS_DONE] = { "done", N_ ("Done"), "Genomförd" },
};

/* What a follow-up found an action did for the individual. */
static const LsChoice effect_outcomes[] = {
  [LS_EFFECT_OUTCOME_UNKNOWN] = { "unknown", N_ ("Not yet known"),
                                  "Inte bedömt" },
  [LS_EFFECT_OUTCOME_HELPED] = { "helped", N_ ("Helped the individual"),
                                 "Gav effekt för den enskilde" },
  [LS_EFFECT_OUTCOME_NOT_HELPED] = { "not-helped",
                                     N_ ("Did not help the individual"),
                                     "Gav ingen effekt för den enskilde" },
};

/* The answer to point 6 of 5 kap. 2 §: has it happened before? */
static const LsChoice similar_befores[] = {
  [LS_SIMILAR_BEFORE_UNKNOWN] = { "unknown", N_ ("Not yet known"),
                                  "Inte bedömt" },
  [LS_SIMILAR_BEFORE_NO] = { "no", N_ ("No"), "Nej" },
  [LS_SIMILAR_BEFORE_YES] = { "yes", N_ ("Yes"), "Ja" },
};

static const LsChoice seriousnesses[] = {
  [LS_SERIOUSNESS_UNDECIDED] = { "undecided", N_ ("Not yet decided"), NULL },
  [LS_SERIOUSNESS_NOT_SERIOUS] = { "not-serious", N_ ("Not serious"), NULL },
  [LS_SERIOUSNESS_SERIOUS] = { "serious", N_ ("Serious"), NULL },
};

static const LsChoice regimes[] = {
  [LS_REGIME_SOL] = { "sol", N_ ("SoL"), "SoL" },
  [LS_REGIME_LSS] = { "lss", N_ ("LSS"), "LSS" },
};

static const LsChoice organisation_kinds[] = {
  [LS_ORGANISATION_KIND_MUNICIPAL_BOARD] = { "municipal-board",
                                             N_ ("Municipal board"), NULL },
  [LS_ORGANISATION_KIND_PRIVATE_PROVIDER] = { "private-provider",
                                              N_ ("Private provider"), NULL },
  [LS_ORGANISATION_KIND_SIS] = { "sis",
                                 N_ ("National Board of Institutional Care "
                                     "(SiS)"),
                                 NULL },
};

/* What a board was told of (4 kap. or 6 kap.). */
static const LsChoice notice_stages[] = {
  [LS_NOTICE_STAGE_REPORT] = { "report", N_ ("The report"), NULL },
  [LS_NOTICE_STAGE_NOTIFICATION] = { "notification", N_ ("The notification"),
                                     NULL },
};

#define TABLE(type, table)                                                     \
  {                                                                            \
    type, table, G_N_ELEMENTS (table)                                          \
  }

/**
 * ls_names_get:
 * @enum_type: an enumeration of the model, such as %LS_TYPE_ACTION_STATUS
 * @n_values: (out): how many values the table covers
 *
 * Returns: (transfer none) (array length=n_values) (nullable): the names
 *   of the values of @enum_type, indexed by value; an entry without an id
 *   names no value.  %NULL for an enumeration without names.
 */
const LsChoice *
ls_names_get (GType enum_type, guint *n_values)
{
  /* GTypes are not constants: the table of tables is made at run time. */
  const struct
  {
    GType type;
    const LsChoice *names;
    guint n_names;
  } tables[] = {
    TABLE (LS_TYPE_CASE_STATUS, case_statuses),
    TABLE (LS_TYPE_CASE_KIND, case_kinds),
    TABLE (LS_TYPE_REPORTER_CATEGORY, reporter_categories),
    TABLE (LS_TYPE_RECEIVED_HOW, received_hows),
    TABLE (LS_TYPE_JOURNAL_KIND, journal_kinds),
    TABLE (LS_TYPE_ACTION_STATUS, action_statuses),
    TABLE (LS_TYPE_SIMILAR_BEFORE, similar_befores),
    TABLE (LS_TYPE_EFFECT_OUTCOME, effect_outcomes),
    TABLE (LS_TYPE_SERIOUSNESS, seriousnesses),
    TABLE (LS_TYPE_REGIME, regimes),
    TABLE (LS_TYPE_ORGANISATION_KIND, organisation_kinds),
    TABLE (LS_TYPE_NOTICE_STAGE, notice_stages),
  };

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);
  g_return_val_if_fail (n_values != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i].type == enum_type)
      {
        *n_values = tables[i].n_names;
        return tables[i].names;
      }
  *n_values = 0;
  return NULL;
}

/**
 * ls_names_find:
 * @enum_type: an enumeration of the model
 * @value: one of its values
 *
 * Returns: (transfer none) (nullable): the names of @value, or %NULL when
 *   it has none, such as a value that means "not chosen yet"
 */
const LsChoice *
ls_names_find (GType enum_type, int value)
{
  const LsChoice *names;
  guint n_values;

  names = ls_names_get (enum_type, &n_values);
  if (names == NULL || value < 0 || (guint) value >= n_values ||
      names[value].id == NULL)
    return NULL;
  return &names[value];
}
