/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-digest"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-action.h"
#include "ls-case.h"
#include "ls-cause.h"
#include "ls-dates.h"
#include "ls-digest.h"
#include "ls-law.h"
#include "ls-names.h"
#include "ls-enum-types.h"
#include "ls-pseudonymise.h"
#include "ls-store-statistics.h"
#include "ls-unit.h"

/* The learning digest (IVO's second finding: spread what investigations
 * teach): for each case concluded in a period, what happened, why, what it
 * taught and what was done so that it does not happen again, grouped by
 * the kind of cause so that one unit learns from another's case.  It may
 * be shared across units and with politicians, so it is pseudonymised as
 * it is made: no text of a case enters it without going through
 * LsPseudonymiser, and fields that only identify (names, numbers,
 * registration numbers) are left out altogether. */

#define MAX_SENTENCE 300

struct _LsDigest
{
  GObject parent_instance;

  LsStatisticsQuery *query;
  char *organisation_name;
  GPtrArray *groups; /* LsDigestGroup */
  guint n_entries;
};

G_DEFINE_FINAL_TYPE (LsDigest, ls_digest, G_TYPE_OBJECT)

static void
cause_free (gpointer data)
{
  LsDigestCause *cause = data;

  g_free (cause->category);
  g_free (cause->description);
  g_free (cause);
}

static void
action_free (gpointer data)
{
  LsDigestAction *action = data;

  g_free (action->description);
  g_free (action->effect);
  g_free (action);
}

static void
entry_free (gpointer data)
{
  LsDigestEntry *entry = data;

  g_free (entry->unit);
  g_free (entry->category);
  g_free (entry->concluded_on);
  g_free (entry->what_happened);
  g_ptr_array_unref (entry->causes);
  g_free (entry->lessons);
  g_ptr_array_unref (entry->actions);
  g_free (entry);
}

static void
group_free (gpointer data)
{
  LsDigestGroup *group = data;

  g_free (group->category);
  g_free (group->name);
  g_free (group->name_sv);
  g_ptr_array_unref (group->entries);
  g_free (group);
}

static void
ls_digest_finalize (GObject *object)
{
  LsDigest *self = LS_DIGEST (object);

  g_clear_pointer (&self->query, ls_statistics_query_free);
  g_clear_pointer (&self->organisation_name, g_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_digest_parent_class)->finalize (object);
}

static void
ls_digest_class_init (LsDigestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ls_digest_finalize;
}

static void
ls_digest_init (LsDigest *self)
{
  self->groups = g_ptr_array_new_with_free_func (group_free);
}

static gboolean
is_abbreviation (const char *text, const char *stop)
{
  static const char *const abbreviations[] = {
    "kl", "ca", "t.ex", "bl.a", "m.m", "s.k", "dvs", "resp", "nr", "jfr",
  };
  const char *start = stop;

  while (start > text && !g_ascii_isspace (start[-1]))
    start--;
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if ((gsize) (stop - start) == strlen (abbreviations[i]) &&
        g_ascii_strncasecmp (start, abbreviations[i], stop - start) == 0)
      return TRUE;
  return FALSE;
}

/**
 * ls_digest_dup_first_sentence:
 * @text: (nullable): a description
 *
 * Returns: (transfer full) (nullable): its first sentence, ending where a
 *   full stop, question or exclamation mark is followed by a capital
 *   letter (not after "kl." and such), and cut at a word with "…" when
 *   longer than a reader takes in at once
 */
char *
ls_digest_dup_first_sentence (const char *text)
{
  const char *end = NULL;
  g_autofree char *sentence = NULL;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p && end == NULL; p++)
    {
      const char *next = p + 1;

      if (*p == '\n')
        {
          end = p;
          continue;
        }
      if ((*p != '.' && *p != '!' && *p != '?') ||
          (*p == '.' && is_abbreviation (text, p)))
        continue;
      while (g_ascii_isspace (*next))
        next++;
      if (*next == '\0' ||
          (next > p + 1 && g_unichar_isupper (g_utf8_get_char (next))))
        end = p + 1;
    }
  sentence = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
  g_strstrip (sentence);
  if (g_utf8_strlen (sentence, -1) > MAX_SENTENCE)
    {
      char *cut = g_utf8_offset_to_pointer (sentence, MAX_SENTENCE);
      char *space;

      *cut = '\0';
      space = strrchr (sentence, ' ');
      if (space != NULL)
        *space = '\0';
      return g_strconcat (sentence, "…", NULL);
    }
  return g_steal_pointer (&sentence);
}

static LsDigestEntry *
make_entry (LsCase *lcase,
            LsOrganisation *organisation,
            LsPseudonymiser *pseudonymiser)
{
  LsReport *report = ls_case_get_report (lcase);
  LsInvestigation *investigation = ls_case_get_investigation (lcase);
  GListModel *causes =
      G_LIST_MODEL (ls_investigation_get_causes (investigation));
  GListModel *actions =
      G_LIST_MODEL (ls_investigation_get_preventive_actions (investigation));
  LsUnit *unit = organisation != NULL && ls_case_get_unit_id (lcase) != NULL
                     ? ls_organisation_find_unit (organisation,
                                                  ls_case_get_unit_id (lcase))
                     : NULL;
  LsDigestEntry *entry = g_new0 (LsDigestEntry, 1);
  g_autofree char *description = NULL;

  entry->unit = unit != NULL ? g_strdup (ls_unit_get_name (unit)) : NULL;
  entry->kind = ls_report_get_kind (report);
  entry->category = g_strdup (ls_report_get_category (report));
  entry->concluded_on =
      g_strdup (ls_investigation_get_concluded_on (investigation));
  description = ls_pseudonymiser_apply (pseudonymiser,
                                        ls_report_get_description (report));
  entry->what_happened = ls_digest_dup_first_sentence (description);
  entry->lessons = ls_pseudonymiser_apply (pseudonymiser,
                                           ls_case_get_lessons_learned (lcase));

  entry->causes = g_ptr_array_new_with_free_func (cause_free);
  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr (LsCause) cause = g_list_model_get_item (causes, i);
      LsDigestCause *out = g_new0 (LsDigestCause, 1);

      out->category = g_strdup (ls_cause_get_category (cause));
      out->description = ls_pseudonymiser_apply (
          pseudonymiser, ls_cause_get_description (cause));
      g_ptr_array_add (entry->causes, out);
    }

  entry->actions = g_ptr_array_new_with_free_func (action_free);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (LsAction) action = g_list_model_get_item (actions, i);
      LsDigestAction *out = g_new0 (LsDigestAction, 1);

      out->description = ls_pseudonymiser_apply (
          pseudonymiser, ls_action_get_description (action));
      out->effect =
          ls_pseudonymiser_apply (pseudonymiser, ls_action_get_effect (action));
      out->evaluated = ls_action_is_evaluated (action);
      out->outcome = ls_action_get_outcome (action);
      out->individual_asked = ls_action_get_individual_asked (action);
      g_ptr_array_add (entry->actions, out);
    }
  return entry;
}

static LsDigestGroup *
ensure_group (LsDigest *self, const char *category)
{
  guint n_categories;
  const LsChoice *categories = ls_law_get_cause_categories (&n_categories);
  const LsChoice *choice = NULL;
  LsDigestGroup *group;

  for (guint i = 0; i < self->groups->len; i++)
    {
      group = g_ptr_array_index (self->groups, i);
      if (g_str_equal (group->category, category))
        return group;
    }
  if (*category)
    choice = ls_law_find_choice (categories, n_categories, category);
  group = g_new0 (LsDigestGroup, 1);
  group->category = g_strdup (category);
  group->name =
      g_strdup (choice != NULL ? _ (choice->name) : _ ("No cause given"));
  group->name_sv =
      g_strdup (choice != NULL ? choice->swedish : "Ingen orsak angiven");
  group->entries = g_ptr_array_new_with_free_func (entry_free);
  g_ptr_array_add (self->groups, group);
  return group;
}

static int
category_rank (const char *category)
{
  guint n_categories;
  const LsChoice *categories = ls_law_get_cause_categories (&n_categories);

  for (guint i = 0; i < n_categories; i++)
    if (g_str_equal (categories[i].id, category))
      return i;
  return n_categories;
}

static int
compare_groups (gconstpointer a, gconstpointer b)
{
  const LsDigestGroup *ga = *(LsDigestGroup *const *) a;
  const LsDigestGroup *gb = *(LsDigestGroup *const *) b;

  return category_rank (ga->category) - category_rank (gb->category);
}

/**
 * ls_digest_new_from_cases:
 * @cases: (element-type LsCase): cases, of which those concluded in the
 *   query's period and units are taken
 * @organisation: (nullable): names the units
 *
 * Returns: (transfer full): the digest
 */
LsDigest *
ls_digest_new_from_cases (const LsStatisticsQuery *query,
                          GPtrArray *cases,
                          LsOrganisation *organisation)
{
  g_autoptr (LsPseudonymiser) pseudonymiser = ls_pseudonymiser_new ();
  LsDigest *self;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (cases != NULL, NULL);

  /* One for all the cases: a case may name someone of another, and the
   * staff of one unit work in another. */
  for (guint i = 0; i < cases->len; i++)
    ls_pseudonymiser_add_object (pseudonymiser, g_ptr_array_index (cases, i));
  if (organisation != NULL)
    ls_pseudonymiser_add_object (pseudonymiser, G_OBJECT (organisation));

  self = g_object_new (LS_TYPE_DIGEST, NULL);
  self->query = ls_statistics_query_copy (query);
  if (organisation != NULL)
    self->organisation_name =
        g_strdup (ls_organisation_get_name (organisation));
  for (guint i = 0; i < cases->len; i++)
    {
      LsCase *lcase = g_ptr_array_index (cases, i);
      GListModel *causes = G_LIST_MODEL (
          ls_investigation_get_causes (ls_case_get_investigation (lcase)));
      g_autoptr (LsCause) first = NULL;

      if (!ls_statistics_query_selects (query, lcase,
                                        LS_STATISTICS_DAY_CONCLUDED))
        continue;
      /* A case teaches most under its first cause, which the investigator
       * puts first as the main one; its other causes are shown with it. */
      if (g_list_model_get_n_items (causes) > 0)
        first = g_list_model_get_item (causes, 0);
      g_ptr_array_add (
          ensure_group (self, first != NULL && ls_cause_get_category (first)
                                  ? ls_cause_get_category (first)
                                  : "")
              ->entries,
          make_entry (lcase, organisation, pseudonymiser));
      self->n_entries++;
    }
  g_ptr_array_sort (self->groups, compare_groups);
  return self;
}

/**
 * ls_digest_new_from_store:
 *
 * Returns: (transfer full) (nullable): the digest of the cases concluded
 *   in the query's period and units, or %NULL with @error set
 */
LsDigest *
ls_digest_new_from_store (LsStore *store,
                          const LsStatisticsQuery *query,
                          GError **error)
{
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (GPtrArray) cases = NULL;

  g_return_val_if_fail (LS_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  organisation = ls_store_load_organisation (store, error);
  if (organisation == NULL)
    return NULL;
  cases = ls_store_list_concluded_cases (store, query, error);
  if (cases == NULL)
    return NULL;
  return ls_digest_new_from_cases (query, cases, organisation);
}

const LsStatisticsQuery *
ls_digest_get_query (LsDigest *self)
{
  g_return_val_if_fail (LS_IS_DIGEST (self), NULL);

  return self->query;
}

/**
 * ls_digest_get_organisation_name:
 *
 * Returns: (nullable): the organisation's name, which may be shared
 */
const char *
ls_digest_get_organisation_name (LsDigest *self)
{
  g_return_val_if_fail (LS_IS_DIGEST (self), NULL);

  return self->organisation_name;
}

guint
ls_digest_get_n_entries (LsDigest *self)
{
  g_return_val_if_fail (LS_IS_DIGEST (self), 0);

  return self->n_entries;
}

/**
 * ls_digest_get_groups:
 *
 * Returns: (transfer none) (element-type LsDigestGroup): the groups, in
 *   the order of the cause categories
 */
GPtrArray *
ls_digest_get_groups (LsDigest *self)
{
  g_return_val_if_fail (LS_IS_DIGEST (self), NULL);

  return self->groups;
}

static void
append_line (GString *out, const char *label, const char *text)
{
  if (text == NULL)
    return;
  if (label != NULL)
    g_string_append_printf (out, "%s: ", label);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

/**
 * ls_digest_dup_text:
 *
 * Returns: (transfer full): every text of the digest, Swedish, as lines,
 *   which is also what its document and view show
 */
char *
ls_digest_dup_text (LsDigest *self)
{
  guint n_cause_categories;
  const LsChoice *cause_categories =
      ls_law_get_cause_categories (&n_cause_categories);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (LS_IS_DIGEST (self), NULL);

  for (guint g = 0; g < self->groups->len; g++)
    {
      LsDigestGroup *group = g_ptr_array_index (self->groups, g);

      append_line (out, NULL, group->name_sv);
      for (guint e = 0; e < group->entries->len; e++)
        {
          LsDigestEntry *entry = g_ptr_array_index (group->entries, e);

          append_line (out, "Enhet", entry->unit);
          append_line (out, "Vad hände", entry->what_happened);
          for (guint c = 0; c < entry->causes->len; c++)
            {
              LsDigestCause *cause = g_ptr_array_index (entry->causes, c);
              const LsChoice *choice =
                  cause->category != NULL
                      ? ls_law_find_choice (cause_categories,
                                            n_cause_categories, cause->category)
                      : NULL;

              append_line (out, choice != NULL ? choice->swedish : "Orsak",
                           cause->description);
            }
          append_line (out, "Lärdomar", entry->lessons);
          for (guint a = 0; a < entry->actions->len; a++)
            {
              LsDigestAction *action = g_ptr_array_index (entry->actions, a);

              append_line (out, "Åtgärd", action->description);
              append_line (out, "Effekt", action->effect);
            }
        }
    }
  return g_string_free (out, FALSE);
}
