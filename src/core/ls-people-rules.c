/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-people-rules"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-action.h"
#include "ls-dates.h"
#include "ls-law.h"
#include "ls-people-rules.h"
#include "ls-responsibility.h"
#include "ls-rules.h"

/*
 * What chapter 2 § 2 and chapter 7 of SOSFS 2011:5 ask of the people and
 * the routines, as rules: who must be told of the duty to report, and
 * who acts in a case when the holder of a responsibility is concerned by
 * the report.  Every flag carries its provision.
 */

/* The advice: told orally and in writing at least once a year. */
#define YEARLY_MONTHS 12

struct _LsPeopleFlag
{
  GObject parent_instance;

  LsPeopleFlagKind kind;
  LsPerson *person;
  const char *reference;
  char *message;
  char *due;
};

G_DEFINE_FINAL_TYPE (LsPeopleFlag, ls_people_flag, G_TYPE_OBJECT)

static void
ls_people_flag_finalize (GObject *object)
{
  LsPeopleFlag *self = LS_PEOPLE_FLAG (object);

  g_clear_object (&self->person);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->due, g_free);

  G_OBJECT_CLASS (ls_people_flag_parent_class)->finalize (object);
}

static void
ls_people_flag_class_init (LsPeopleFlagClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ls_people_flag_finalize;
}

static void
ls_people_flag_init (LsPeopleFlag *self)
{
}

static void
add_flag (GListStore *flags,
          LsPeopleFlagKind kind,
          LsPerson *person,
          LsLawRef reference,
          const char *message,
          const char *due)
{
  g_autoptr (LsPeopleFlag) flag = g_object_new (LS_TYPE_PEOPLE_FLAG, NULL);

  flag->kind = kind;
  flag->person = person != NULL ? g_object_ref (person) : NULL;
  flag->reference = ls_law_get_reference (reference);
  flag->message = g_strdup (message);
  flag->due = g_strdup (due);
  g_list_store_append (flags, flag);
}

LsPeopleFlagKind
ls_people_flag_get_kind (LsPeopleFlag *self)
{
  g_return_val_if_fail (LS_IS_PEOPLE_FLAG (self), 0);

  return self->kind;
}

/**
 * ls_people_flag_get_person:
 *
 * Returns: (nullable) (transfer none): the person flagged, or %NULL for a
 *   flag of the organisation
 */
LsPerson *
ls_people_flag_get_person (LsPeopleFlag *self)
{
  g_return_val_if_fail (LS_IS_PEOPLE_FLAG (self), NULL);

  return self->person;
}

const char *
ls_people_flag_get_reference (LsPeopleFlag *self)
{
  g_return_val_if_fail (LS_IS_PEOPLE_FLAG (self), NULL);

  return self->reference;
}

const char *
ls_people_flag_get_message (LsPeopleFlag *self)
{
  g_return_val_if_fail (LS_IS_PEOPLE_FLAG (self), NULL);

  return self->message;
}

/**
 * ls_people_flag_get_due:
 *
 * Returns: (nullable): the day by which it should have been done
 */
const char *
ls_people_flag_get_due (LsPeopleFlag *self)
{
  g_return_val_if_fail (LS_IS_PEOPLE_FLAG (self), NULL);

  return self->due;
}

/* The latest occasion on or before @today at which @person was told what
 * @covered says, given orally (@oral) or in writing; either when both are
 * FALSE. */
static const char *
last_occasion (LsPeopleRegister *register_,
               LsPerson *person,
               LsOccasionCovered covered,
               gboolean oral,
               gboolean written,
               const char *today)
{
  GListModel *occasions =
      G_LIST_MODEL (ls_people_register_get_occasions (register_));
  const char *last = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (occasions); i++)
    {
      g_autoptr (LsInformationOccasion) occasion =
          g_list_model_get_item (occasions, i);
      const char *held_on = ls_information_occasion_get_held_on (occasion);

      if (held_on == NULL || !ls_information_occasion_has_participant (
                                 occasion, ls_person_get_id (person)))
        continue;
      if ((ls_information_occasion_get_covered (occasion) & covered) != covered)
        continue;
      if (oral && !ls_information_occasion_get_oral (occasion))
        continue;
      if (written && !ls_information_occasion_get_written (occasion))
        continue;
      if (today != NULL && ls_dates_compare (held_on, today) > 0)
        continue;
      if (last == NULL || ls_dates_compare (held_on, last) > 0)
        last = held_on;
    }
  return last;
}

/**
 * ls_people_rules_last_informed:
 *
 * Returns: (nullable): the last day @person was told of the duty to report
 */
const char *
ls_people_rules_last_informed (LsPeopleRegister *register_, LsPerson *person)
{
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), NULL);
  g_return_val_if_fail (LS_IS_PERSON (person), NULL);

  return last_occasion (register_, person, LS_OCCASION_COVERED_DUTY, FALSE,
                        FALSE, NULL);
}

/* Who receives the reports of @person's first unit on @day, by the
 * routines then in force. */
static const char *
receiver_on (LsPeopleRegister *register_, LsPerson *person, const char *day)
{
  LsRoutines *routines =
      ls_people_register_get_routines_in_force (register_, day);
  const char *const *units = ls_person_get_units (person);
  LsAssignment *assignment;

  if (routines == NULL)
    return NULL;
  assignment = ls_routines_find (routines, LS_RESPONSIBILITY_RECEIVE_REPORTS,
                                 units != NULL ? units[0] : NULL);
  return assignment != NULL ? ls_assignment_get_holder (assignment) : NULL;
}

static gboolean
older_than_a_year (const char *day, const char *today, char **due)
{
  g_autofree char *until = ls_dates_add_months (day, YEARLY_MONTHS);

  if (ls_dates_compare (until, today) >= 0)
    return FALSE;
  *due = g_steal_pointer (&until);
  return TRUE;
}

static void
check_person (LsPeopleRegister *register_,
              LsPerson *person,
              const char *today,
              GListStore *flags)
{
  const char *started_on = ls_person_get_started_on (person);
  const char *at_start, *oral, *written, *told_receiver;
  g_autofree char *due = NULL;

  if (!ls_person_is_active (person, today) || started_on == NULL ||
      ls_dates_compare (started_on, today) > 0)
    return;

  at_start =
      last_occasion (register_, person,
                     LS_OCCASION_COVERED_DUTY | LS_OCCASION_COVERED_RECEIVER,
                     FALSE, FALSE, today);
  if (at_start == NULL)
    {
      add_flag (flags, LS_PEOPLE_FLAG_NOT_INFORMED_AT_START, person,
                LS_LAW_INFORM_REPORTERS,
                _ ("Not told of the duty to report and who receives reports "
                   "since the engagement began"),
                started_on);
      return;
    }

  oral = last_occasion (register_, person, LS_OCCASION_COVERED_DUTY, TRUE,
                        FALSE, today);
  written = last_occasion (register_, person, LS_OCCASION_COVERED_DUTY, FALSE,
                           TRUE, today);
  if (oral == NULL || written == NULL ||
      older_than_a_year (oral, today, &due) ||
      older_than_a_year (written, today, &due))
    {
      /* Someone who began less than a year ago and was told once has
       * until a year after that occasion to be told both ways. */
      if (due == NULL)
        older_than_a_year (at_start, today, &due);
      if (due != NULL)
        add_flag (flags, LS_PEOPLE_FLAG_NOT_INFORMED_THIS_YEAR, person,
                  LS_LAW_INFORM_REPORTERS_ADVICE,
                  _ ("Not told of the duty to report both orally and in "
                     "writing in the last twelve months"),
                  due);
    }

  told_receiver = last_occasion (
      register_, person, LS_OCCASION_COVERED_RECEIVER, FALSE, FALSE, today);
  if (told_receiver != NULL)
    {
      const char *then = receiver_on (register_, person, told_receiver);
      const char *now = receiver_on (register_, person, today);

      if (then != NULL && now != NULL && g_utf8_collate (then, now) != 0)
        add_flag (flags, LS_PEOPLE_FLAG_RECEIVER_CHANGED, person,
                  LS_LAW_RECEIVER_CHANGED,
                  _ ("The receiver of reports changed since the person was "
                     "last told who it is"),
                  NULL);
    }
}

/**
 * ls_people_rules_check_person:
 * @today: the day, "2026-03-01"
 *
 * Returns: (transfer full): what the law asks for @person that is not
 *   done, a #GListStore of #LsPeopleFlag; nothing for someone who has left
 */
GListStore *
ls_people_rules_check_person (LsPeopleRegister *register_,
                              LsPerson *person,
                              const char *today)
{
  GListStore *flags = g_list_store_new (LS_TYPE_PEOPLE_FLAG);

  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), flags);
  g_return_val_if_fail (LS_IS_PERSON (person), flags);
  g_return_val_if_fail (today != NULL, flags);

  check_person (register_, person, today, flags);
  return flags;
}

/**
 * ls_people_rules_check:
 * @today: the day, "2026-03-01"
 *
 * Checks the whole register: that routines have been decided, and every
 * person who has not left.
 *
 * Returns: (transfer full): a #GListStore of #LsPeopleFlag
 */
GListStore *
ls_people_rules_check (LsPeopleRegister *register_, const char *today)
{
  GListStore *flags = g_list_store_new (LS_TYPE_PEOPLE_FLAG);
  GListModel *people;

  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), flags);
  g_return_val_if_fail (today != NULL, flags);

  if (ls_people_register_get_routines_in_force (register_, today) == NULL)
    add_flag (flags, LS_PEOPLE_FLAG_NO_ROUTINES, NULL, LS_LAW_ROUTINES,
              _ ("No routines for reporting, investigating, remedying and "
                 "notifying have been decided"),
              NULL);

  people = G_LIST_MODEL (ls_people_register_get_people (register_));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (LsPerson) person = g_list_model_get_item (people, i);

      check_person (register_, person, today, flags);
    }
  return flags;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '-';
}

/* Whether @text names @name as whole words, whatever the case. */
static gboolean
names (const char *text, const char *name)
{
  g_autofree char *folded_text = NULL;
  g_autofree char *folded_name = NULL;
  const char *at;
  gsize len;

  if (text == NULL || name == NULL || *name == '\0')
    return FALSE;
  folded_text = g_utf8_casefold (text, -1);
  folded_name = g_utf8_casefold (name, -1);
  len = strlen (folded_name);
  for (at = strstr (folded_text, folded_name); at != NULL;
       at = strstr (at + 1, folded_name))
    {
      const char *before =
          at > folded_text ? g_utf8_find_prev_char (folded_text, at) : NULL;
      const char *after = at + len;

      if ((before == NULL || !is_word_char (g_utf8_get_char (before))) &&
          (*after == '\0' || !is_word_char (g_utf8_get_char (after))))
        return TRUE;
    }
  return FALSE;
}

/**
 * ls_people_rules_dup_name:
 * @holder: (nullable): a holder as the routines name one, such as
 *   "Maria Lind, verksamhetschef", or a function, "Enhetschefen"
 * @title: (out) (optional) (nullable): what follows the first comma
 *
 * Returns: (transfer full) (nullable): the name before the first comma,
 *   which is what a report names
 */
char *
ls_people_rules_dup_name (const char *holder, char **title)
{
  const char *comma = holder != NULL ? strchr (holder, ',') : NULL;
  char *name;

  if (title != NULL)
    *title = comma != NULL ? g_strstrip (g_strdup (comma + 1)) : NULL;
  if (holder == NULL)
    return NULL;
  name = comma != NULL ? g_strndup (holder, (gsize) (comma - holder))
                       : g_strdup (holder);
  return g_strstrip (name);
}

/* Whether the holder @holder of the routines is concerned by @lcase. */
static gboolean
holder_is_concerned (LsCase *lcase, const char *holder)
{
  g_autofree char *name = ls_people_rules_dup_name (holder, NULL);

  return ls_people_rules_is_concerned (lcase, name);
}

/**
 * ls_people_rules_is_concerned:
 * @name: (nullable): a person's name
 *
 * Whether @name is concerned by the report of @lcase: named as the
 * reporter, in the report's text, in an immediate action, or marked as
 * concerned by the user.
 */
gboolean
ls_people_rules_is_concerned (LsCase *lcase, const char *name)
{
  LsReport *report;
  GListModel *actions;
  const char *const *marked;

  g_return_val_if_fail (LS_IS_CASE (lcase), FALSE);

  if (name == NULL || *name == '\0')
    return FALSE;
  marked = ls_case_get_concerned (lcase);
  for (guint i = 0; marked != NULL && marked[i] != NULL; i++)
    if (g_utf8_collate (marked[i], name) == 0 || names (marked[i], name))
      return TRUE;

  report = ls_case_get_report (lcase);
  if (names (ls_report_get_reporter_name (report), name) ||
      names (ls_report_get_description (report), name) ||
      names (ls_report_get_consequences (report), name) ||
      names (ls_report_get_noticed_how (report), name))
    return TRUE;
  actions = G_LIST_MODEL (ls_report_get_immediate_actions (report));
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (LsAction) action = g_list_model_get_item (actions, i);

      if (names (ls_action_get_description (action), name) ||
          names (ls_action_get_responsible (action), name))
        return TRUE;
    }
  return FALSE;
}

/**
 * ls_people_rules_find_responsible:
 *
 * Returns: (nullable) (transfer none): the assignment of @responsibility
 *   for the unit of @lcase in the routines in force now
 */
LsAssignment *
ls_people_rules_find_responsible (LsPeopleRegister *register_,
                                  LsCase *lcase,
                                  LsResponsibility responsibility)
{
  LsRoutines *routines;

  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), NULL);
  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);

  routines = ls_people_register_get_latest_routines (register_);
  if (routines == NULL)
    return NULL;
  return ls_routines_find (routines, responsibility,
                           ls_case_get_unit_id (lcase));
}

/**
 * ls_people_rules_dup_suggestion:
 * @holder_concerned: (out) (optional): whether the holder is concerned by
 *   the report
 *
 * Who should act on @responsibility in @lcase: the holder the routines
 * name, or the substitute when the holder is concerned by the report.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL when the
 *   routines name nobody (or the holder is concerned and no substitute is
 *   named)
 */
char *
ls_people_rules_dup_suggestion (LsPeopleRegister *register_,
                                LsCase *lcase,
                                LsResponsibility responsibility,
                                gboolean *holder_concerned)
{
  LsAssignment *assignment =
      ls_people_rules_find_responsible (register_, lcase, responsibility);
  const char *holder;
  gboolean concerned;

  if (holder_concerned != NULL)
    *holder_concerned = FALSE;
  if (assignment == NULL || ls_assignment_get_holder (assignment) == NULL)
    return NULL;
  holder = ls_assignment_get_holder (assignment);
  concerned = holder_is_concerned (lcase, holder);
  if (holder_concerned != NULL)
    *holder_concerned = concerned;
  if (!concerned)
    return g_strdup (holder);
  if (holder_is_concerned (lcase, ls_assignment_get_substitute (assignment)))
    return NULL;
  return g_strdup (ls_assignment_get_substitute (assignment));
}

/* Whether the case records who took over @responsibility: then somebody
 * did, whatever the routines say now. */
static gboolean
has_substitution (LsCase *lcase, LsResponsibility responsibility)
{
  GListModel *substitutions = G_LIST_MODEL (ls_case_get_substitutions (lcase));

  for (guint i = 0; i < g_list_model_get_n_items (substitutions); i++)
    {
      g_autoptr (LsSubstitution) substitution =
          g_list_model_get_item (substitutions, i);

      if (ls_substitution_get_responsibility (substitution) == responsibility &&
          ls_substitution_get_substitute (substitution) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Whether a requirement of @step with @urgency is to be made into
 * @requirements; when only the attention rows are asked for
 * (@requirements %NULL), appends its row to @attention if it needs
 * attention now, and the requirement is not made. */
static gboolean
wants_requirement (GListStore *requirements,
                   GArray *attention,
                   LsStep step,
                   LsLegalUrgency urgency)
{
  LsRulesAttention row = { step, NULL };

  if (requirements != NULL)
    return TRUE;
  if (ls_rules_urgency_needs_attention (urgency))
    g_array_append_val (attention, row);
  return FALSE;
}

static void
append_requirement (GListStore *requirements,
                    LsStep step,
                    LsLawRef ref,
                    const char *message,
                    LsLegalUrgency urgency)
{
  g_autoptr (LsRequirement) requirement = ls_requirement_new (
      step, LS_POINT_NONE, ls_law_get_reference (ref), message, NULL, FALSE);

  ls_requirement_set_urgency (requirement, urgency);
  g_list_store_append (requirements, requirement);
}

/* What ls_people_rules_check_case() finds: into @requirements, or, when
 * it is %NULL, only the step and day of those that need attention now
 * into @attention (of #LsRulesAttention), without their messages or
 * objects, as the store writes them for every case it saves. */
static void
check_case (LsPeopleRegister *register_,
            LsCase *lcase,
            GListStore *requirements,
            GArray *attention)
{
  if (ls_people_register_get_latest_routines (register_) == NULL)
    {
      LsLegalUrgency urgency =
          ls_requirement_urgency_of_step (LS_STEP_REPORT, NULL);

      if (wants_requirement (requirements, attention, LS_STEP_REPORT, urgency))
        append_requirement (
            requirements, LS_STEP_REPORT, LS_LAW_ROUTINES,
            _ ("No routines for reporting, investigating, remedying and "
               "notifying have been decided"),
            urgency);
      return;
    }

  for (guint r = 0; r < LS_N_RESPONSIBILITIES; r++)
    {
      const LsResponsibilityInfo *info = ls_responsibility_get_info (r);
      gboolean concerned = FALSE;
      g_autofree char *who = NULL;
      g_autofree char *message = NULL;

      if (info->step < 0 || !info->has_holder || has_substitution (lcase, r))
        continue;
      who = ls_people_rules_dup_suggestion (register_, lcase, r, &concerned);
      /* Somebody must act at this step, and it is not clear who. */
      if (!concerned || who != NULL ||
          !wants_requirement (requirements, attention, info->step,
                              LS_LEGAL_URGENCY_WITHOUT_DELAY))
        continue;
      /* Translators: %s is what the holder of a responsibility does, such
       * as "Is responsible for the investigation" */
      message = g_strdup_printf (
          _ ("The person who by the routines holds this is concerned by the "
             "report and no substitute is named: %s"),
          g_dgettext (GETTEXT_PACKAGE, info->name));
      append_requirement (requirements, info->step, LS_LAW_CONFLICT_OF_INTEREST,
                          message, LS_LEGAL_URGENCY_WITHOUT_DELAY);
    }
}

/**
 * ls_people_rules_check_case:
 * @requirements: where to append, a #GListStore of #LsRequirement
 *
 * Appends what the routines ask of @lcase: that routines have been
 * decided (7 kap. 1 §), and, for each step, that a substitute is named
 * when the holder of its responsibility is concerned by the report,
 * unless the case records who took over.
 */
void
ls_people_rules_check_case (LsPeopleRegister *register_,
                            LsCase *lcase,
                            GListStore *requirements)
{
  g_return_if_fail (LS_IS_PEOPLE_REGISTER (register_));
  g_return_if_fail (LS_IS_CASE (lcase));
  g_return_if_fail (G_IS_LIST_STORE (requirements));

  check_case (register_, lcase, requirements, NULL);
}

/**
 * ls_people_rules_check_attention:
 * @rows: (element-type LsRulesAttention): where to append
 *
 * Appends the step and day of each requirement of
 * ls_people_rules_check_case() that needs attention now
 * (ls_rules_needs_attention()), in the same order, without making the
 * requirements or their messages.
 */
void
ls_people_rules_check_attention (LsPeopleRegister *register_,
                                 LsCase *lcase,
                                 GArray *rows)
{
  g_return_if_fail (LS_IS_PEOPLE_REGISTER (register_));
  g_return_if_fail (LS_IS_CASE (lcase));
  g_return_if_fail (rows != NULL);

  check_case (register_, lcase, NULL, rows);
}

/**
 * ls_people_rules_is_conflict:
 *
 * Returns: whether @requirement is one of a holder concerned by the report
 *   with no substitute, which needs attention without delay
 */
gboolean
ls_people_rules_is_conflict (LsRequirement *requirement)
{
  g_return_val_if_fail (LS_IS_REQUIREMENT (requirement), FALSE);

  return g_strcmp0 (ls_requirement_get_reference (requirement),
                    ls_law_get_reference (LS_LAW_CONFLICT_OF_INTEREST)) == 0;
}

/**
 * ls_people_rules_record_substitution:
 *
 * When the holder of @responsibility is concerned by the report of @lcase
 * and the routines name a substitute, records in the case that the
 * substitute took over and why, once.
 *
 * Returns: (nullable) (transfer none): the record, or %NULL when nobody
 *   needs to take over
 */
LsSubstitution *
ls_people_rules_record_substitution (LsPeopleRegister *register_,
                                     LsCase *lcase,
                                     LsResponsibility responsibility)
{
  LsAssignment *assignment;
  GListStore *substitutions;
  g_autoptr (LsSubstitution) added = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), NULL);
  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);

  assignment =
      ls_people_rules_find_responsible (register_, lcase, responsibility);
  if (assignment == NULL ||
      !holder_is_concerned (lcase, ls_assignment_get_holder (assignment)) ||
      ls_assignment_get_substitute (assignment) == NULL)
    return NULL;

  substitutions = ls_case_get_substitutions (lcase);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (substitutions));
       i++)
    {
      g_autoptr (LsSubstitution) substitution =
          g_list_model_get_item (G_LIST_MODEL (substitutions), i);

      if (ls_substitution_get_responsibility (substitution) == responsibility)
        return substitution;
    }

  /* Translators: the first %s is the holder of a responsibility by the
   * routines, the second the substitute */
  reason = g_strdup_printf (
      _ ("%s is concerned by the report (conflict of interest); %s takes "
         "over by the routines"),
      ls_assignment_get_holder (assignment),
      ls_assignment_get_substitute (assignment));
  added = ls_substitution_new (
      responsibility, ls_assignment_get_holder (assignment),
      ls_assignment_get_substitute (assignment), reason);
  g_list_store_append (substitutions, added);
  return added;
}
