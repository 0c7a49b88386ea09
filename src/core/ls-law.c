/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-law"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-law.h"

/* Everything the app knows of the law and of the supervisory authority is
 * here, as data.  References are to SOSFS 2011:5 unless they name another
 * act; they are Swedish legal citations and are not translated. */

/* The categories IVO uses in its statistics of lex Sarah notifications. */
static const LsChoice categories[] = {
  { "legal-certainty", N_ ("Legal certainty in case handling"),
    "Rättssäkerhet i handläggningen" },
  { "service-carried-out-wrongly", N_ ("Service carried out wrongly"),
    "Insats utförd på fel sätt" },
  { "service-not-carried-out", N_ ("Service not carried out"),
    "Insats har inte utförts" },
  { "poor-treatment", N_ ("Poor treatment"), "Bristande bemötande" },
  { "physical-abuse", N_ ("Physical abuse"), "Fysiska övergrepp" },
  { "psychological-abuse", N_ ("Psychological abuse"), "Psykiska övergrepp" },
  { "sexual-abuse", N_ ("Sexual abuse"), "Sexuella övergrepp" },
  { "financial-abuse", N_ ("Financial abuse"), "Ekonomiska övergrepp" },
  { "environment-technology", N_ ("Environment or technology"),
    "Brister i miljö eller teknik" },
  { "other", N_ ("Other"), "Annat" },
};

/* Causes at system level (IVO's finding 2: look for causes in how the
 * work is organised, not in one person). */
static const LsChoice cause_categories[] = {
  { "routines", N_ ("Routines missing or not followed"),
    "Rutiner saknas eller följs inte" },
  { "competence", N_ ("Competence and training"), "Kompetens och utbildning" },
  { "staffing", N_ ("Staffing and continuity"), "Bemanning och kontinuitet" },
  { "communication", N_ ("Communication and information"),
    "Kommunikation och information" },
  { "leadership", N_ ("Organisation and leadership"),
    "Organisation och ledning" },
  { "documentation", N_ ("Documentation"), "Dokumentation" },
  { "environment-technology", N_ ("Environment and technology"),
    "Miljö och teknik" },
  { "cooperation", N_ ("Cooperation with others"), "Samverkan med andra" },
  { "other", N_ ("Other"), "Annat" },
};

/* IVO's six regional supervision departments and the counties each
 * supervises, as IVO lists them.  A reorganisation is a change here. */
static const LsDepartment departments[] = {
  { "nord", "Avdelning nord", "Umeå",
    "Västernorrlands, Jämtlands, Västerbottens och Norrbottens län" },
  { "mitt", "Avdelning mitt", "Örebro",
    "Uppsala, Gävleborgs, Västmanlands, Dalarnas, Värmlands, Örebro och "
    "Södermanlands län" },
  { "ost", "Avdelning öst", "Stockholm", "Stockholms och Gotlands län" },
  { "sydost", "Avdelning sydöst", "Jönköping",
    "Östergötlands, Jönköpings och Kalmar län" },
  { "sydvast", "Avdelning sydväst", "Göteborg",
    "Västra Götalands och Hallands län" },
  { "syd", "Avdelning syd", "Malmö", "Skåne, Kronobergs och Blekinge län" },
};

static const char *const references[LS_LAW_N_REFS] = {
  [LS_LAW_REPORT] = "2 kap. 3 § SOSFS 2011:5",
  [LS_LAW_REPORTERS] = "2 kap. 1 § SOSFS 2011:5",
  [LS_LAW_IMMEDIATE_ACTIONS] = "3 kap. 1 § SOSFS 2011:5",
  [LS_LAW_BOARD_PRIVATE] = "4 kap. 1 § SOSFS 2011:5",
  [LS_LAW_BOARD_SIS] = "4 kap. 2 § SOSFS 2011:5",
  [LS_LAW_DOCUMENTED_CONTINUOUSLY] = "5 kap. 1 § SOSFS 2011:5",
  [LS_LAW_POINT_1] = "5 kap. 2 § 1 SOSFS 2011:5",
  [LS_LAW_POINT_2] = "5 kap. 2 § 2 SOSFS 2011:5",
  [LS_LAW_POINT_3] = "5 kap. 2 § 3 SOSFS 2011:5",
  [LS_LAW_POINT_4] = "5 kap. 2 § 4 SOSFS 2011:5",
  [LS_LAW_POINT_5] = "5 kap. 2 § 5 SOSFS 2011:5",
  [LS_LAW_POINT_6] = "5 kap. 2 § 6 SOSFS 2011:5",
  [LS_LAW_POINT_7] = "5 kap. 2 § 7 SOSFS 2011:5",
  [LS_LAW_REMEDIAL_ACTIONS] = "5 kap. 3 § 1 SOSFS 2011:5",
  [LS_LAW_OTHER_FINDINGS] = "5 kap. 3 § 2 SOSFS 2011:5",
  [LS_LAW_CONCLUSION] = "5 kap. 3 § 3 SOSFS 2011:5",
  [LS_LAW_DOCUMENTED_ITEM] = "5 kap. 4 § SOSFS 2011:5",
  [LS_LAW_PREVENTIVE_ACTIONS] = "5 kap. 5 § SOSFS 2011:5",
  [LS_LAW_INFORM_INDIVIDUAL] = "allmänna råd till 5 kap. SOSFS 2011:5",
  [LS_LAW_NOTIFICATION] = "6 kap. 1–2 §§ SOSFS 2011:5",
  [LS_LAW_INVESTIGATION_SENT] = "6 kap. 2 § SOSFS 2011:5",
  [LS_LAW_NOTIFY_BOARD_PRIVATE] = "6 kap. 3–4 §§ SOSFS 2011:5",
  [LS_LAW_NOTIFY_BOARD_SIS] = "6 kap. 5 § SOSFS 2011:5",
  /* Not a provision: IVO's advice from its supervision of lex Sarah, on
   * following up the actions of 5 kap. 5 § */
  [LS_LAW_FOLLOW_UP] = "IVO:s råd om uppföljning, till 5 kap. 5 § SOSFS 2011:5",
  [LS_LAW_SCOPE] = "1 kap. 1 § SOSFS 2011:5",
  [LS_LAW_CONTENTS] = "1 kap. 2 § SOSFS 2011:5",
  [LS_LAW_INFORM_REPORTERS] = "2 kap. 2 § SOSFS 2011:5",
  [LS_LAW_INFORM_REPORTERS_ADVICE] =
      "allmänna råd till 2 kap. 2 § SOSFS 2011:5",
  [LS_LAW_BOARD_MUNICIPAL] = "2 kap. 4 § SOSFS 2011:5",
  [LS_LAW_BOARD_PRIVATE_ADVICE] = "allmänna råd till 4 kap. 1 § SOSFS 2011:5",
  [LS_LAW_BOARD_MUNICIPAL_ADVICE] =
      "allmänna råd till 4 kap. SOSFS 2011:5 (kommunal verksamhet)",
  [LS_LAW_NOTIFY_BOARD_PRIVATE_ADVICE] =
      "allmänna råd till 6 kap. 3 § SOSFS 2011:5",
  [LS_LAW_NOTIFY_BOARD_MUNICIPAL_ADVICE] =
      "allmänna råd till 6 kap. SOSFS 2011:5 (information till beslutande "
      "nämnd)",
  [LS_LAW_INFORM_INDIVIDUAL_NOTIFICATION] =
      "allmänna råd till 6 kap. SOSFS 2011:5 (information till den enskilde)",
  [LS_LAW_ROUTINES] = "7 kap. 1 § SOSFS 2011:5",
  [LS_LAW_ROUTINES_ADVICE] = "allmänna råd till 7 kap. SOSFS 2011:5",
  [LS_LAW_FORM] = "bilagan till SOSFS 2011:5 (blankett)",
  [LS_LAW_RECEIVER_CHANGED] = "2 kap. 2 § andra stycket SOSFS 2011:5",
  [LS_LAW_CONFLICT_OF_INTEREST] =
      "allmänna råd till 7 kap. SOSFS 2011:5 (jäv och liknande situationer)",
};

typedef struct
{
  const char *notification;
  const char *investigation;
  const char *report;
} RegimeSections;

static const RegimeSections regimes[] = {
  [LS_REGIME_SOL] = { "14 kap. 7 § SoL", "14 kap. 6 § SoL", "14 kap. 3 § SoL" },
  [LS_REGIME_LSS] = { "24 f § LSS", "24 e § LSS", "24 b § LSS" },
};

const LsChoice *
ls_law_get_categories (guint *n_categories)
{
  g_return_val_if_fail (n_categories != NULL, NULL);

  *n_categories = G_N_ELEMENTS (categories);
  return categories;
}

const LsChoice *
ls_law_get_cause_categories (guint *n_categories)
{
  g_return_val_if_fail (n_categories != NULL, NULL);

  *n_categories = G_N_ELEMENTS (cause_categories);
  return cause_categories;
}

/**
 * ls_law_find_choice:
 * @id: (nullable): the identifier looked for
 *
 * Returns: (nullable): the entry of @choices with @id
 */
const LsChoice *
ls_law_find_choice (const LsChoice *choices, guint n_choices, const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < n_choices; i++)
    if (strcmp (choices[i].id, id) == 0)
      return &choices[i];
  return NULL;
}

const LsDepartment *
ls_law_get_departments (guint *n_departments)
{
  g_return_val_if_fail (n_departments != NULL, NULL);

  *n_departments = G_N_ELEMENTS (departments);
  return departments;
}

/**
 * ls_law_find_department:
 * @id: (nullable): a department's identifier
 *
 * Returns: (nullable): the department
 */
const LsDepartment *
ls_law_find_department (const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    if (strcmp (departments[i].id, id) == 0)
      return &departments[i];
  return NULL;
}

/**
 * ls_law_get_reference:
 *
 * Returns: (transfer none): the citation, such as "5 kap. 2 § 1 SOSFS
 *   2011:5"
 */
const char *
ls_law_get_reference (LsLawRef ref)
{
  g_return_val_if_fail (ref < LS_LAW_N_REFS, NULL);

  return references[ref];
}

/* Whether the space between @before (ending at a space) and @after stays
 * inside a legal reference: "5 kap. 3 § 1", "24 f § LSS", "SOSFS 2011:5",
 * "6 kap. 1–2 §§". */
static gboolean
joins_reference (const char *before,
                 gsize before_len,
                 const char *after,
                 gboolean joined_before)
{
  gsize after_len = strcspn (after, " ");
  gboolean before_digit, after_digit;

#define IS(word, len, lit)                                                     \
  ((len) == strlen (lit) && strncmp (word, lit, len) == 0)
  if (before_len == 0 || after_len == 0)
    return FALSE;
  /* "(5 kap. 3 § 1)" */
  before_digit = g_ascii_isdigit (before[before[0] == '(' && before_len > 1]);
  after_digit = g_ascii_isdigit (after[0]);
  if (before_digit && (IS (after, after_len, "kap.") ||
                       strncmp (after, "§", strlen ("§")) == 0))
    return TRUE;
  if (IS (before, before_len, "kap.") && after_digit)
    return TRUE;
  if (IS (before, before_len, "§") || IS (before, before_len, "§§"))
    return after_digit || IS (after, after_len, "SoL") ||
           IS (after, after_len, "LSS") || IS (after, after_len, "SOSFS");
  if (IS (before, before_len, "SOSFS") && after_digit)
    return TRUE;
  /* "24 f §": a section with a letter */
  if (before_digit && after_len == 1 && g_ascii_islower (after[0]) &&
      strncmp (after + 1, " §", strlen (" §")) == 0)
    return TRUE;
  if (before_len == 1 && g_ascii_islower (before[0]) &&
      strncmp (after, "§", strlen ("§")) == 0)
    return TRUE;
  /* "2 och 4 §§" */
  if (before_digit && IS (after, after_len, "och"))
    return after[after_len] == ' ' && g_ascii_isdigit (after[after_len + 1]);
  if (IS (before, before_len, "och") && joined_before && after_digit)
    return TRUE;
#undef IS
  return FALSE;
}

/**
 * ls_law_format_reference:
 * @text: (nullable): text that may hold legal references
 *
 * Puts no-break spaces (U+00A0) inside every legal reference of @text, so
 * that "5 kap. 3 § 1" or "24 f § LSS" never wraps inside, on paper or on
 * screen.  The spaces around a reference are left as they are.
 *
 * Returns: (transfer full): the text, "" for %NULL
 */
char *
ls_law_format_reference (const char *text)
{
  GString *out;
  const char *word;
  gboolean joined = FALSE;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text) + 8);
  word = text;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != ' ')
        {
          g_string_append_c (out, *p);
          continue;
        }
      joined = joins_reference (word, p - word, p + 1, joined);
      if (joined)
        g_string_append (out, "\xC2\xA0");
      else
        g_string_append_c (out, ' ');
      word = p + 1;
    }

  return g_string_free (out, FALSE);
}

/**
 * ls_law_get_notification_section:
 *
 * Returns: (transfer none): the section notifications are made under,
 *   "14 kap. 7 § SoL" or "24 f § LSS"
 */
const char *
ls_law_get_notification_section (LsRegime regime)
{
  g_return_val_if_fail (regime <= LS_REGIME_LSS, NULL);

  return regimes[regime].notification;
}

/**
 * ls_law_get_investigation_section:
 *
 * Returns: (transfer none): the section the investigation is documented
 *   under, "14 kap. 6 § SoL" or "24 e § LSS"
 */
const char *
ls_law_get_investigation_section (LsRegime regime)
{
  g_return_val_if_fail (regime <= LS_REGIME_LSS, NULL);

  return regimes[regime].investigation;
}

/**
 * ls_law_get_report_section:
 *
 * Returns: (transfer none): the section of the duty to report, "14 kap.
 *   3 § SoL" or "24 b § LSS"
 */
const char *
ls_law_get_report_section (LsRegime regime)
{
  g_return_val_if_fail (regime <= LS_REGIME_LSS, NULL);

  return regimes[regime].report;
}

/**
 * ls_law_board_notice_required:
 *
 * A private provider must tell the board that decided the individual's
 * service of a report (4:1) and of a notification (6:3, 6:4); SiS must
 * tell the responsible social welfare board (4:2, 6:5).  For a municipal
 * board it is advice only, so it is not required.
 *
 * Returns: whether a board must be told
 */
gboolean
ls_law_board_notice_required (LsOrganisationKind kind, LsNoticeStage stage)
{
  return kind == LS_ORGANISATION_KIND_PRIVATE_PROVIDER ||
         kind == LS_ORGANISATION_KIND_SIS;
}

/**
 * ls_law_point_reference:
 * @point: one point of 5 kap. 2 §
 *
 * Returns: the reference of that point
 */
LsLawRef
ls_law_point_reference (LsPoints point)
{
  switch (point)
    {
    case LS_POINT_WHAT_HAPPENED:
      return LS_LAW_POINT_1;
    case LS_POINT_RECEIVED:
      return LS_LAW_POINT_2;
    case LS_POINT_NOTICED:
      return LS_LAW_POINT_3;
    case LS_POINT_OCCURRED:
      return LS_LAW_POINT_4;
    case LS_POINT_CAUSES:
      return LS_LAW_POINT_5;
    case LS_POINT_SIMILAR_BEFORE:
      return LS_LAW_POINT_6;
    case LS_POINT_RECURRENCE:
      return LS_LAW_POINT_7;
    case LS_POINT_NONE:
    default:
      g_return_val_if_reached (LS_LAW_POINT_1);
    }
}
