/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-labels.h"
#include "ls-law.h"
#include "ls-names.h"
#include "ls-pnr.h"

/* The words the app shows for the model's values: the exchange format's
 * nicks and field paths become what a manager reads.  Kept in one place so
 * that the overview and the wizards say the same thing; the names of the
 * values themselves are the model's one table (ls-names.c), which the
 * Swedish documents use too. */

typedef struct
{
  const char *nick;
  const char *label;
} NickLabel;

static const char *
find_label (const NickLabel *table, guint n, const char *nick)
{
  if (nick == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    if (strcmp (table[i].nick, nick) == 0)
      return _ (table[i].label);
  return NULL;
}

/**
 * ls_labels_value:
 * @enum_type: an enumeration of the model, such as %LS_TYPE_ACTION_STATUS
 * @value: one of its values
 *
 * Returns: (nullable): the name of @value in the app's language, from the
 *   model's one table of names (see ls_names_get()); %NULL for a value
 *   that means "not chosen yet"
 */
const char *
ls_labels_value (GType enum_type, int value)
{
  const LsChoice *name = ls_names_find (enum_type, value);

  return name != NULL ? _ (name->name) : NULL;
}

/**
 * ls_labels_value_nick:
 * @enum_type: an enumeration of the model
 * @nick: (nullable): one of its nicks, as the exchange format has it
 *
 * Returns: (nullable): as ls_labels_value(), for a value named by its nick
 */
const char *
ls_labels_value_nick (GType enum_type, const char *nick)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *value;

  if (nick == NULL)
    return NULL;
  klass = g_type_class_ref (enum_type);
  value = g_enum_get_value_by_nick (klass, nick);
  return value != NULL ? ls_labels_value (enum_type, value->value) : NULL;
}

/**
 * ls_labels_status:
 * @nick: (nullable): a status nick, such as "under-investigation"
 *
 * Returns: the status as a manager reads it
 */
const char *
ls_labels_status (const char *nick)
{
  const char *label = ls_labels_value_nick (LS_TYPE_CASE_STATUS, nick);

  return label != NULL ? label : ls_labels_case_status (LS_CASE_STATUS_DRAFT);
}

/**
 * ls_labels_case_status:
 *
 * Returns: (transfer none): the status as the user reads it
 */
const char *
ls_labels_case_status (LsCaseStatus status)
{
  const char *label = ls_labels_value (LS_TYPE_CASE_STATUS, status);

  return label != NULL
             ? label
             : ls_labels_value (LS_TYPE_CASE_STATUS, LS_CASE_STATUS_DRAFT);
}

/**
 * ls_labels_status_css_class:
 *
 * Returns: the style class that tints a status label, "status-draft" and
 *   so on (see style.css)
 */
const char *
ls_labels_status_css_class (const char *nick)
{
  static const char *const classes[] = {
    [LS_CASE_STATUS_DRAFT] = "status-draft",
    [LS_CASE_STATUS_REPORTED] = "status-reported",
    [LS_CASE_STATUS_UNDER_INVESTIGATION] = "status-investigation",
    [LS_CASE_STATUS_NOTIFIED] = "status-notified",
    [LS_CASE_STATUS_CLOSED] = "status-closed",
  };
  g_autoptr (GEnumClass) klass = g_type_class_ref (LS_TYPE_CASE_STATUS);
  GEnumValue *value =
      nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (value == NULL || (guint) value->value >= G_N_ELEMENTS (classes))
    return classes[LS_CASE_STATUS_DRAFT];
  return classes[value->value];
}

/**
 * ls_labels_kind:
 * @nick: (nullable): "wrongdoing" or "clear-risk"
 *
 * Returns: the kind, or a note that it is not yet said
 */
const char *
ls_labels_kind (const char *nick)
{
  const char *label = ls_labels_value_nick (LS_TYPE_CASE_KIND, nick);

  return label != NULL ? label : _ ("Kind not yet given");
}

const char *
ls_labels_organisation_kind (LsOrganisationKind kind)
{
  const char *label = ls_labels_value (LS_TYPE_ORGANISATION_KIND, kind);

  return label != NULL ? label
                       : ls_labels_value (LS_TYPE_ORGANISATION_KIND,
                                          LS_ORGANISATION_KIND_MUNICIPAL_BOARD);
}

/**
 * ls_labels_organisation_kind_help:
 *
 * Returns: one line on who is of this kind, for the first-run setup
 */
const char *
ls_labels_organisation_kind_help (LsOrganisationKind kind)
{
  switch (kind)
    {
    case LS_ORGANISATION_KIND_PRIVATE_PROVIDER:
      return _ ("A company, foundation or association that runs the activity "
                "under a permit or a contract with the municipality.");
    case LS_ORGANISATION_KIND_SIS:
      return _ ("The state agency that runs special homes for young people "
                "and LVM homes.");
    case LS_ORGANISATION_KIND_MUNICIPAL_BOARD:
    default:
      return _ ("A board of the municipality or region runs the activity "
                "itself.");
    }
}

/**
 * ls_labels_regime:
 *
 * Returns: the act's short name, "SoL" or "LSS"
 */
const char *
ls_labels_regime (LsRegime regime)
{
  const char *label = ls_labels_value (LS_TYPE_REGIME, regime);

  return label != NULL ? label
                       : ls_labels_value (LS_TYPE_REGIME, LS_REGIME_SOL);
}

/**
 * ls_labels_regime_in_full:
 *
 * Returns: the act as a manager may not know it by its initials: "Social
 *   Services Act (SoL)"; LSS goes by its initials alone
 */
const char *
ls_labels_regime_in_full (LsRegime regime)
{
  return regime == LS_REGIME_LSS ? ls_labels_regime (regime)
                                 : _ ("Social Services Act (SoL)");
}

/**
 * ls_labels_unit_name:
 * @organisation: (nullable): whose units
 * @unit_id: (nullable): a unit's identifier
 *
 * Returns: the unit's name, or a note that the unit is unknown
 */
const char *
ls_labels_unit_name (LsOrganisation *organisation, const char *unit_id)
{
  LsUnit *unit = NULL;

  if (unit_id == NULL)
    return _ ("No unit chosen");
  if (organisation != NULL)
    unit = ls_organisation_find_unit (organisation, unit_id);
  if (unit == NULL || ls_unit_get_name (unit) == NULL)
    return _ ("Unknown unit");
  return ls_unit_get_name (unit);
}

/**
 * ls_labels_deadline:
 * @due: (nullable): a day or a moment
 * @now: today, in local time
 * @urgency: (out): how near it is
 *
 * Returns: (transfer full): "Overdue since 2026-05-09", "Due in 3 days",
 *   "Due 2026-12-20", or "" without a deadline
 */
char *
ls_labels_deadline (const char *due, GDateTime *now, LsUrgency *urgency)
{
  g_autofree char *day_text = NULL;
  GDate day;
  GDate today;
  int days;

  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (urgency != NULL, NULL);

  *urgency = LS_URGENCY_NONE;
  if (!ls_dates_get_day (due, &day))
    return g_strdup ("");

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  days = g_date_days_between (&today, &day);
  day_text = ls_dates_format_day (&day);

  if (days < 0)
    {
      *urgency = LS_URGENCY_OVERDUE;
      return g_strdup_printf (_ ("Overdue since %s"), day_text);
    }
  if (days == 0)
    {
      *urgency = LS_URGENCY_SOON;
      return g_strdup (_ ("Due today"));
    }
  if (days <= LS_LABELS_SOON_DAYS)
    {
      *urgency = LS_URGENCY_SOON;
      return g_strdup_printf (ngettext ("Due tomorrow", "Due in %d days", days),
                              days);
    }
  *urgency = LS_URGENCY_LATER;
  return g_strdup_printf (_ ("Due %s"), day_text);
}

const char *
ls_labels_urgency_css_class (LsUrgency urgency)
{
  switch (urgency)
    {
    case LS_URGENCY_OVERDUE:
      return "error";
    case LS_URGENCY_SOON:
      return "warning";
    case LS_URGENCY_NONE:
    case LS_URGENCY_LATER:
    default:
      return "dim-label";
    }
}

/**
 * ls_labels_requirement_stage:
 *
 * Returns: the stage of the case that @requirement belongs to
 */
LsStage
ls_labels_requirement_stage (LsRequirement *requirement)
{
  switch (ls_requirement_get_step (requirement))
    {
    case LS_STEP_REPORT:
    case LS_STEP_IMMEDIATE_ACTIONS:
      return LS_STAGE_REPORT;
    case LS_STEP_BOARD_NOTICE:
      /* A board is told of the report (blocking, 4 kap.) or of the
       * notification (6 kap.). */
      return ls_requirement_get_blocking (requirement) ? LS_STAGE_REPORT
                                                       : LS_STAGE_NOTIFICATION;
    case LS_STEP_ACTIONS:
      /* A preventive action without a date belongs to the follow-up once
       * the investigation no longer waits for it. */
      return ls_requirement_get_blocking (requirement) ? LS_STAGE_INVESTIGATION
                                                       : LS_STAGE_FOLLOW_UP;
    case LS_STEP_NOTIFICATION:
    case LS_STEP_INVESTIGATION_SENT:
    case LS_STEP_TOLD_OF_NOTIFICATION:
      return LS_STAGE_NOTIFICATION;
    case LS_STEP_FOLLOW_UP:
    case LS_STEP_REMEDIAL_FOLLOW_UP:
      return LS_STAGE_FOLLOW_UP;
    case LS_STEP_INVESTIGATORS:
    case LS_STEP_JOURNAL:
    case LS_STEP_CAUSES:
    case LS_STEP_SIMILAR:
    case LS_STEP_RECURRENCE:
    case LS_STEP_OTHER_FINDINGS:
    case LS_STEP_INDIVIDUAL:
    case LS_STEP_CONCLUSION:
    default:
      return LS_STAGE_INVESTIGATION;
    }
}

const char *
ls_labels_stage (LsStage stage)
{
  switch (stage)
    {
    case LS_STAGE_REPORT:
      return _ ("Report");
    case LS_STAGE_INVESTIGATION:
      return _ ("Investigation");
    case LS_STAGE_NOTIFICATION:
      return _ ("Notification");
    case LS_STAGE_FOLLOW_UP:
      return _ ("Follow-up");
    case LS_N_STAGES:
    default:
      g_return_val_if_reached ("");
    }
}

/* ---- History ------------------------------------------------------------- */

/* Field paths of a case with their indices taken out, and what a manager
 * calls them. */
static const NickLabel fields[] = {
  { "case", N_ ("Case registered") },
  { "regno", N_ ("Registration number") },
  { "unit_id", N_ ("Unit") },
  { "regime", N_ ("Act (SoL or LSS)") },
  { "created_at", N_ ("Registered") },
  { "lessons_learned", N_ ("Lessons learned") },
  { "report.kind", N_ ("Wrongdoing or clear risk") },
  { "report.category", N_ ("Category") },
  { "report.received_at", N_ ("Report received") },
  { "report.received_how", N_ ("Report received how") },
  { "report.received_by", N_ ("Report received by") },
  { "report.reporter_name", N_ ("Reporter") },
  { "report.reporter_category", N_ ("Reporter’s role") },
  { "report.occurred_at", N_ ("When it happened") },
  { "report.occurred_unknown", N_ ("Time it happened unknown") },
  { "report.noticed_at", N_ ("When it was noticed") },
  { "report.noticed_how", N_ ("How it was noticed") },
  { "report.description", N_ ("What happened") },
  { "report.consequences", N_ ("Consequences for the individual") },
  { "report.individuals", N_ ("Individuals concerned") },
  { "report.immediate_actions", N_ ("Immediate actions") },
  { "board_notices", N_ ("Boards told") },
  { "investigation.started_on", N_ ("Investigation started") },
  { "investigation.investigators", N_ ("Investigators") },
  { "investigation.journal", N_ ("Documented item added") },
  { "investigation.causes", N_ ("Causes") },
  { "investigation.similar_before", N_ ("Happened before") },
  { "investigation.similar_explanation", N_ ("Why it happened again") },
  { "investigation.linked_cases", N_ ("Linked cases") },
  { "investigation.recurrence", N_ ("Could it happen again") },
  { "investigation.remedial_actions", N_ ("Remedial actions") },
  { "investigation.preventive_actions", N_ ("Preventive actions") },
  { "investigation.other_findings", N_ ("What else emerged") },
  { "investigation.conclusion", N_ ("Conclusion") },
  { "investigation.concluded_on", N_ ("Concluded on") },
  { "investigation.decided_by", N_ ("Decided by") },
  { "investigation.decided_by_title", N_ ("Decided by (title)") },
  { "investigation.seriousness", N_ ("Serious") },
  { "notification.submitted_on", N_ ("Notification submitted") },
  { "notification.investigation_sent_on", N_ ("Investigation sent to IVO") },
  { "notification.signed_on", N_ ("Notification signed") },
  { "notification.signatory", N_ ("Notification signed by") },
  { "notification.kind", N_ ("Notification: wrongdoing or clear risk") },
  { "notification.sender", N_ ("Notification: who notifies") },
  { "notification.department", N_ ("Notification: IVO department") },
  { "notification.board_name", N_ ("Notification: board") },
  { "notification.board_municipality",
    N_ ("Notification: municipality or region") },
  { "notification.provider_name", N_ ("Notification: provider") },
  { "notification.contact_name", N_ ("Notification: contact person") },
  { "notification.contact_title", N_ ("Notification: contact’s title") },
  { "notification.workplace", N_ ("Notification: workplace") },
  { "notification.postal_address", N_ ("Notification: postal address") },
  { "notification.postcode", N_ ("Notification: postcode") },
  { "notification.town", N_ ("Notification: town") },
  { "notification.phone", N_ ("Notification: phone") },
  { "notification.email", N_ ("Notification: e-mail") },
  { "notification.unit_name", N_ ("Notification: unit") },
  { "notification.activity", N_ ("Notification: type of activity") },
  { "notification.unit_street_address",
    N_ ("Notification: unit’s street address") },
  { "notification.unit_postcode", N_ ("Notification: unit’s postcode") },
  { "notification.unit_town", N_ ("Notification: unit’s town") },
  { "notification.unit_phone", N_ ("Notification: unit’s phone") },
  { "notification.occurred", N_ ("Notification: when it happened") },
  { "notification.description", N_ ("Notification: what happened") },
  { "notification.individuals_informed",
    N_ ("Notification: individuals told") },
  { "notification.attach_investigation",
    N_ ("Notification: investigation attached") },
  { "notification.attach_routines", N_ ("Notification: routines attached") },
  { "notification.attach_other", N_ ("Notification: other attachments") },
  { "notification.other_attachments",
    N_ ("Notification: which other attachments") },
  { "notification.organisation_staffing",
    N_ ("Notification: organisation and staffing") },
  { "notification.staff_details",
    N_ ("Notification: staff training and employment") },
  { "notification.actions", N_ ("Notification: actions") },
};

/* Members of the items of a list, the same whichever list they are in. */
static const NickLabel members[] = {
  { "name", N_ ("Name") },
  { "personal_number", N_ ("Personal identity number") },
  { "informed_on", N_ ("Told on") },
  { "informed_how", N_ ("Told how") },
  { "description", N_ ("Description") },
  { "responsible", N_ ("Responsible") },
  { "taken_at", N_ ("Done") },
  { "due_on", N_ ("Due") },
  { "status", N_ ("Status") },
  { "follow_up_on", N_ ("Follow-up on") },
  { "effect", N_ ("Effect") },
  { "individual_asked", N_ ("Individual asked") },
  { "kind", N_ ("Kind") },
  { "stage", N_ ("Told of") },
  { "board", N_ ("Board") },
  { "notified_on", N_ ("Told on") },
  { "how", N_ ("How") },
  { "title", N_ ("Title") },
  { "competence", N_ ("Competence") },
  { "category", N_ ("Category") },
};

static const NickLabel lists[] = {
  /* Translators: %u is the number of the individual in the case. */
  { "report.individuals", N_ ("Individual %u") },
  /* Translators: %u is a number. */
  { "report.immediate_actions", N_ ("Immediate action %u") },
  /* Translators: %u is a number. */
  { "board_notices", N_ ("Board notice %u") },
  /* Translators: %u is a number. */
  { "investigation.investigators", N_ ("Investigator %u") },
  /* Translators: %u is a number. */
  { "investigation.causes", N_ ("Cause %u") },
  /* Translators: %u is a number. */
  { "investigation.remedial_actions", N_ ("Remedial action %u") },
  /* Translators: %u is a number. */
  { "investigation.preventive_actions", N_ ("Preventive action %u") },
  /* Translators: %u is a number. */
  { "investigation.linked_cases", N_ ("Linked case %u") },
};

/* "report.individuals[2].name" -> "report.individuals", 2, "name" */
static gboolean
split_list_path (const char *path, char **list, guint *index, char **member)
{
  const char *open = strchr (path, '[');
  const char *close;
  g_autofree char *digits = NULL;
  guint64 n;

  if (open == NULL)
    return FALSE;
  close = strchr (open, ']');
  if (close == NULL)
    return FALSE;
  digits = g_strndup (open + 1, close - open - 1);
  if (!g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT - 1, &n, NULL))
    return FALSE;
  *list = g_strndup (path, open - path);
  *index = (guint) n;
  *member = g_strdup (close[1] == '.' ? close + 2 : "");
  return TRUE;
}

/**
 * ls_labels_history_field:
 * @path: a field path of the history, "report.individuals[0].informed_on"
 *
 * Returns: (transfer full): the field in words, "Individual 1: Told on"
 */
char *
ls_labels_history_field (const char *path)
{
  g_autofree char *list = NULL;
  g_autofree char *member = NULL;
  const char *label;
  guint index;

  g_return_val_if_fail (path != NULL, NULL);

  label = find_label (fields, G_N_ELEMENTS (fields), path);
  if (label != NULL)
    return g_strdup (label);

  if (split_list_path (path, &list, &index, &member))
    {
      const char *item = find_label (lists, G_N_ELEMENTS (lists), list);
      const char *what = find_label (members, G_N_ELEMENTS (members), member);
      g_autofree char *item_text = NULL;

      if (item == NULL)
        item = find_label (fields, G_N_ELEMENTS (fields), list);
      if (item == NULL)
        return g_strdup (path);
      {
        g_autoptr (GString) text = g_string_new (item);
        g_autofree char *number = g_strdup_printf ("%u", index + 1);

        g_string_replace (text, "%u", number, 1);
        item_text = g_string_free (g_steal_pointer (&text), FALSE);
      }
      if (what == NULL)
        return g_steal_pointer (&item_text);
      /* Translators: a field of an item of a list in the history, such as
       * "Individual 1: Told on". */
      return g_strdup_printf (_ ("%s: %s"), item_text, what);
    }

  /* A field a later version added: its name is better than nothing. */
  return g_strdup (path);
}

static const char *
leaf_name (const char *path)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL ? dot + 1 : path;
}

/* The enumerations whose values the history shows, by the name of the
 * field that holds them; a nick means the same in each. */
static char *
enum_value_label (const char *leaf, const char *value)
{
  static const char *const enum_leaves[] = {
    "kind",           "received_how", "reporter_category",
    "status",         "regime",       "seriousness",
    "similar_before", "sender",       "stage",
  };
  const GType types[] = {
    LS_TYPE_CASE_KIND,      LS_TYPE_RECEIVED_HOW,  LS_TYPE_REPORTER_CATEGORY,
    LS_TYPE_JOURNAL_KIND,   LS_TYPE_ACTION_STATUS, LS_TYPE_SERIOUSNESS,
    LS_TYPE_SIMILAR_BEFORE, LS_TYPE_REGIME,        LS_TYPE_ORGANISATION_KIND,
    LS_TYPE_NOTICE_STAGE,
  };
  gboolean is_enum = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (enum_leaves); i++)
    is_enum = is_enum || strcmp (leaf, enum_leaves[i]) == 0;
  if (!is_enum)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      const char *label = ls_labels_value_nick (types[i], value);

      if (label != NULL)
        return g_strdup (label);
    }
  if (strcmp (leaf, "similar_before") == 0)
    return g_strdup (
        ls_labels_value (LS_TYPE_SIMILAR_BEFORE, LS_SIMILAR_BEFORE_UNKNOWN));
  if (strcmp (value, "unset") == 0)
    return g_strdup (_ ("Not given"));
  return NULL;
}

static char *
summarise_json (const char *value)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, value, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      guint n = json_array_get_length (json_node_get_array (root));

      if (n == 0)
        return g_strdup (_ ("none"));
      return g_strdup_printf (ngettext ("%u entry", "%u entries", n), n);
    }
  if (JSON_NODE_HOLDS_OBJECT (root))
    return g_strdup (_ ("an entry"));
  return NULL;
}

/**
 * ls_labels_history_value:
 * @path: the field path the value belongs to
 * @value: (nullable): the value as the history keeps it
 * @organisation: (nullable): to name units
 *
 * Returns: (transfer full): the value as a manager reads it; personal
 *   identity numbers masked, lists and entries counted rather than shown
 *   whole, "—" when empty
 */
char *
ls_labels_history_value (const char *path,
                         const char *value,
                         LsOrganisation *organisation)
{
  const char *leaf;
  char *label;

  g_return_val_if_fail (path != NULL, NULL);

  if (value == NULL || *value == '\0' || strcmp (value, "null") == 0)
    return g_strdup ("—");

  leaf = leaf_name (path);
  if (strcmp (leaf, "personal_number") == 0)
    return ls_pnr_mask (value);
  if (strcmp (leaf, "unit_id") == 0)
    return g_strdup (ls_labels_unit_name (organisation, value));
  if (strcmp (leaf, "category") == 0)
    {
      const LsChoice *choices;
      const LsChoice *choice;
      guint n;

      choices = ls_law_get_categories (&n);
      choice = ls_law_find_choice (choices, n, value);
      if (choice == NULL)
        {
          choices = ls_law_get_cause_categories (&n);
          choice = ls_law_find_choice (choices, n, value);
        }
      if (choice != NULL)
        return g_strdup (_ (choice->name));
    }
  if (strcmp (leaf, "department") == 0 && ls_law_find_department (value))
    return g_strdup (ls_law_find_department (value)->name);
  if (strcmp (value, "true") == 0)
    return g_strdup (_ ("Yes"));
  if (strcmp (value, "false") == 0)
    return g_strdup (_ ("No"));
  if ((label = enum_value_label (leaf, value)) != NULL)
    return label;
  if ((value[0] == '[' || value[0] == '{') &&
      (label = summarise_json (value)) != NULL)
    return label;
  if (ls_dates_validate (value, LS_DATES_DATE | LS_DATES_DATETIME, NULL))
    return ls_dates_format_display (value);
  return g_strdup (value);
}
