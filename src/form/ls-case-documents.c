/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-documents"

#include "config.h"

#include "ls-action.h"
#include "ls-bidi.h"
#include "ls-case-documents.h"
#include "ls-cause.h"
#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-individual.h"
#include "ls-investigator.h"
#include "ls-journal-item.h"
#include "ls-law.h"
#include "ls-names.h"
#include "ls-rules.h"
#include "ls-store.h"

/* The documents a case produces: the notification on the annex form, and
 * the finished investigation that goes with it to IVO.  Both are Swedish
 * legal documents, so every word the app writes on them is Swedish
 * whatever the language of the app, and nothing here is translated. */

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static gpointer
item_at (GListStore *store, guint position)
{
  gpointer item = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_object_unref (item);
  return item;
}

/**
 * ls_case_documents_notification_is_draft:
 *
 * Whether the case's notification form is only a draft: when the
 * investigation concluded that the wrongdoing is not serious, or has not
 * concluded yet.  The law lets a manager notify before the investigation
 * is finished (6 kap. 2 §): a notification that was submitted, or that the
 * notifier has dated and signed for sending, is made on purpose and is not
 * a draft.  Only a case concluded as serious needs neither.
 *
 * Returns: %TRUE when the form prints as a draft
 */
gboolean
ls_case_documents_notification_is_draft (LsCase *lcase)
{
  LsNotification *notification;

  g_return_val_if_fail (LS_IS_CASE (lcase), TRUE);

  notification = ls_case_get_notification (lcase);
  /* a notification that was made is printed exactly as it was made */
  if (ls_notification_get_submitted_on (notification) != NULL)
    return FALSE;
  switch (ls_investigation_get_seriousness (ls_case_get_investigation (lcase)))
    {
    case LS_SERIOUSNESS_SERIOUS:
      return FALSE;
    case LS_SERIOUSNESS_NOT_SERIOUS:
      return TRUE;
    case LS_SERIOUSNESS_UNDECIDED:
    default:
      return ls_notification_get_signed_on (notification) == NULL;
    }
}

/**
 * ls_case_documents_dup_notification_form:
 *
 * Copies the case's notification onto the annex form, with the law of the
 * case's regime; a draft when ls_case_documents_notification_is_draft()
 * says so.
 *
 * Returns: (transfer full): the form
 */
LsNotificationForm *
ls_case_documents_dup_notification_form (LsCase *lcase)
{
  static const struct
  {
    LsNotificationField field;
    const char *property;
  } texts[] = {
    { LS_NOTIFICATION_FIELD_BOARD_NAME, "board-name" },
    { LS_NOTIFICATION_FIELD_BOARD_MUNICIPALITY, "board-municipality" },
    { LS_NOTIFICATION_FIELD_PROVIDER_NAME, "provider-name" },
    { LS_NOTIFICATION_FIELD_CONTACT_NAME, "contact-name" },
    { LS_NOTIFICATION_FIELD_CONTACT_TITLE, "contact-title" },
    { LS_NOTIFICATION_FIELD_WORKPLACE, "workplace" },
    { LS_NOTIFICATION_FIELD_POSTAL_ADDRESS, "postal-address" },
    { LS_NOTIFICATION_FIELD_POSTCODE, "postcode" },
    { LS_NOTIFICATION_FIELD_TOWN, "town" },
    { LS_NOTIFICATION_FIELD_PHONE, "phone" },
    { LS_NOTIFICATION_FIELD_EMAIL, "email" },
    { LS_NOTIFICATION_FIELD_UNIT, "unit-name" },
    { LS_NOTIFICATION_FIELD_ACTIVITY_TYPE, "activity" },
    { LS_NOTIFICATION_FIELD_UNIT_STREET, "unit-street-address" },
    { LS_NOTIFICATION_FIELD_UNIT_POSTCODE, "unit-postcode" },
    { LS_NOTIFICATION_FIELD_UNIT_TOWN, "unit-town" },
    { LS_NOTIFICATION_FIELD_UNIT_PHONE, "unit-phone" },
    { LS_NOTIFICATION_FIELD_OCCURRED, "occurred" },
    { LS_NOTIFICATION_FIELD_DESCRIPTION, "description" },
    { LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT, "other-attachments" },
    { LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING, "organisation-staffing" },
    { LS_NOTIFICATION_FIELD_STAFF_DETAILS, "staff-details" },
    { LS_NOTIFICATION_FIELD_ACTIONS, "actions" },
    { LS_NOTIFICATION_FIELD_NAME_IN_PRINT, "signatory" },
  };
  LsNotification *notification;
  LsNotificationForm *form;
  const LsDepartment *department;
  LsNotificationAttachment attachments = LS_NOTIFICATION_ATTACHMENT_NONE;

  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);

  notification = ls_case_get_notification (lcase);
  form = ls_notification_form_new ();

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (notification, texts[i].property, &value, NULL);
      ls_notification_form_set_text (form, texts[i].field, value);
    }
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_REGNO,
                                 ls_case_get_regno (lcase));
  department =
      ls_law_find_department (ls_notification_get_department (notification));
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_DEPARTMENT,
                                 department != NULL ? department->name : NULL);
  if (ls_notification_get_signed_on (notification) != NULL)
    {
      g_autofree char *date = ls_dates_format_display (
          ls_notification_get_signed_on (notification));

      ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_DATE, date);
    }

  ls_notification_form_set_regime (form,
                                   ls_case_get_regime (lcase) == LS_REGIME_LSS
                                       ? LS_NOTIFICATION_REGIME_LSS
                                       : LS_NOTIFICATION_REGIME_SOL);
  switch (ls_notification_get_kind (notification))
    {
    case LS_CASE_KIND_WRONGDOING:
      ls_notification_form_set_kind (form, LS_NOTIFICATION_KIND_WRONGDOING);
      break;
    case LS_CASE_KIND_CLEAR_RISK:
      ls_notification_form_set_kind (form, LS_NOTIFICATION_KIND_RISK);
      break;
    case LS_CASE_KIND_UNSET:
    default:
      ls_notification_form_set_kind (form, LS_NOTIFICATION_KIND_UNSET);
      break;
    }
  switch (ls_notification_get_sender (notification))
    {
    case LS_ORGANISATION_KIND_PRIVATE_PROVIDER:
      ls_notification_form_set_sender (form, LS_NOTIFICATION_SENDER_PRIVATE);
      break;
    case LS_ORGANISATION_KIND_SIS:
      ls_notification_form_set_sender (form, LS_NOTIFICATION_SENDER_SIS);
      break;
    case LS_ORGANISATION_KIND_MUNICIPAL_BOARD:
    default:
      ls_notification_form_set_sender (form, LS_NOTIFICATION_SENDER_BOARD);
      break;
    }
  /* Being told of the wrongdoing is not being told of the notification:
   * the box ticks only from the latter, recorded per individual. */
  ls_notification_form_set_informed (form,
                                     ls_rules_all_told_of_notification (lcase));
  if (ls_notification_get_attach_investigation (notification))
    attachments |= LS_NOTIFICATION_ATTACHMENT_INVESTIGATION;
  if (ls_notification_get_attach_routines (notification))
    attachments |= LS_NOTIFICATION_ATTACHMENT_ROUTINES;
  if (ls_notification_get_attach_other (notification))
    attachments |= LS_NOTIFICATION_ATTACHMENT_OTHER;
  ls_notification_form_set_attachments (form, attachments);
  ls_notification_form_set_draft (
      form, ls_case_documents_notification_is_draft (lcase));

  return form;
}

/**
 * ls_case_documents_build_notification:
 *
 * Returns: (transfer full): the case's notification laid out on the annex
 *   form, ready to paginate, print or write as PDF
 */
LsFormDocument *
ls_case_documents_build_notification (LsCase *lcase)
{
  g_autoptr (LsNotificationForm) form = NULL;

  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);

  form = ls_case_documents_dup_notification_form (lcase);
  return ls_notification_form_build_document (form);
}

/* ---- The investigation ----------------------------------------------- */

static const char *
or_dash (const char *text)
{
  return text != NULL ? text : "–";
}

static char *
dup_display (const char *when)
{
  return when != NULL ? ls_dates_format_display (when) : g_strdup ("–");
}

static void
add_pair (LsFormDocument *doc,
          const char *label_a,
          const char *value_a,
          const char *label_b,
          const char *value_b)
{
  LsFormBox boxes[] = {
    { .label = label_a, .value = value_a, .weight = 1 },
    { .label = label_b, .value = value_b, .weight = 1 },
  };

  ls_form_document_add_row (doc, boxes, label_b != NULL ? 2 : 1);
}

/* The Swedish name of a value of the model, from its one table of names;
 * @unset for a value not chosen yet. */
static const char *
swedish_name (GType enum_type, int value, const char *unset)
{
  const LsChoice *name = ls_names_find (enum_type, value);

  return name != NULL && name->swedish != NULL ? name->swedish : unset;
}

static void
add_flowing (LsFormDocument *doc, const char *label, const char *value)
{
  ls_form_document_add_text (doc, label, value != NULL ? value : "–",
                             LS_FORM_TEXT_FLOW, 28);
}

static LsJournalItem *
find_item (GListStore *journal, const char *uuid, guint *index)
{
  for (guint i = 0; uuid != NULL && i < n_items (journal); i++)
    {
      LsJournalItem *item = item_at (journal, i);

      if (g_strcmp0 (ls_journal_item_get_uuid (item), uuid) == 0)
        {
          *index = i;
          return item;
        }
    }
  return NULL;
}

/* One documented item with everything 5 kap. 4 § asks of it: the date, the
 * source, fact or assessment, and who documented it. */
static void
add_journal_item (LsFormDocument *doc, GListStore *journal, guint index)
{
  LsJournalItem *item = item_at (journal, index);
  g_autofree char *date =
      dup_display (ls_journal_item_get_documented_on (item));
  g_autofree char *author = NULL;
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  guint other = 0;
  LsFormBox boxes[] = {
    { .label = "Dokumenterad", .value = date, .weight = 0.6 },
    { .label = "Källa",
      .value = or_dash (ls_journal_item_get_source (item)),
      .weight = 1.4 },
    { .label = "Fakta eller bedömning",
      .value = swedish_name (LS_TYPE_JOURNAL_KIND,
                             ls_journal_item_get_kind (item), "Inte angivet"),
      .weight = 0.9 },
    { .label = "Dokumenterad av", .value = NULL, .weight = 1.4 },
  };

  if (ls_journal_item_get_author_title (item) != NULL)
    author = ls_bidi_format ("%s, %s",
                             or_dash (ls_journal_item_get_author_name (item)),
                             ls_journal_item_get_author_title (item), NULL);
  else
    author = g_strdup (or_dash (ls_journal_item_get_author_name (item)));
  boxes[3].value = author;
  ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
  /* the date, source and author never stand on a page without the text */
  ls_form_document_keep_with_next (doc);

  /* A correction and what it corrects point at each other, so neither can
   * be read alone. */
  if (find_item (journal, ls_journal_item_get_corrects (item), &other))
    note = g_strdup_printf ("Rättar uppgift %u", other + 1);
  for (guint i = index + 1; note == NULL && i < n_items (journal); i++)
    if (g_strcmp0 (ls_journal_item_get_corrects (item_at (journal, i)),
                   ls_journal_item_get_uuid (item)) == 0)
      note = g_strdup_printf ("Rättad genom uppgift %u", i + 1);
  label = note != NULL ? g_strdup_printf ("Uppgift %u (%s)", index + 1, note)
                       : g_strdup_printf ("Uppgift %u", index + 1);
  add_flowing (doc, label, ls_journal_item_get_text (item));
  ls_form_document_add_space (doc, 4);
}

static void
add_items_of_point (LsFormDocument *doc, GListStore *journal, LsPoints point)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n_items (journal); i++)
    if (ls_journal_item_get_points (item_at (journal, i)) & point)
      {
        add_journal_item (doc, journal, i);
        any = TRUE;
      }
  if (!any)
    ls_form_document_add_paragraph (
        doc, "Inga dokumenterade uppgifter under denna punkt.", FALSE);
}

static void
add_action (LsFormDocument *doc, LsAction *action, gboolean planned)
{
  g_autofree char *when =
      dup_display (planned ? ls_action_get_due_on (action)
                           : ls_action_get_taken_at (action));
  LsFormBox boxes[] = {
    { .label = "Åtgärd",
      .value = or_dash (ls_action_get_description (action)),
      .weight = 2.2,
      .max_lines = 12 },
    { .label = planned ? "Ansvarig" : "Utförd av",
      .value = or_dash (ls_action_get_responsible (action)),
      .weight = 1 },
    { .label = planned ? "Klar senast" : "Tidpunkt",
      .value = when,
      .weight = 0.8 },
  };

  ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
  if (planned)
    {
      ls_form_document_keep_with_next (doc);
      g_autofree char *follow_up =
          dup_display (ls_action_get_follow_up_on (action));
      const char *status = swedish_name (
          LS_TYPE_ACTION_STATUS, ls_action_get_status (action), "Planerad");
      LsFormBox more[] = {
        { .label = "Status", .value = status, .weight = 0.7 },
        { .label = "Uppföljning", .value = follow_up, .weight = 0.7 },
        { .label = "Effekt för den enskilde",
          .value = or_dash (ls_action_get_effect (action)),
          .weight = 1.9,
          .max_lines = 12 },
        { .label = "Den enskilde eller närstående tillfrågad",
          .value = ls_action_get_individual_asked (action) ? "Ja" : "Nej",
          .weight = 0.7 },
      };

      ls_form_document_add_row (doc, more, G_N_ELEMENTS (more));
    }
  ls_form_document_add_space (doc, 4);
}

/* The actions of one point of the law, from one or two lists (the
 * immediate and the remedial actions both answer 5 kap. 3 § 1): "none"
 * only when all are empty. */
static void
add_actions (LsFormDocument *doc,
             GListStore *actions,
             GListStore *more_actions,
             gboolean planned)
{
  GListStore *lists[] = { actions, more_actions };
  guint total = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < n_items (lists[l]); i++)
      {
        add_action (doc, item_at (lists[l], i), planned);
        total++;
      }
  if (total == 0)
    ls_form_document_add_paragraph (doc, "Inga åtgärder dokumenterade.", FALSE);
}

static void
add_case_facts (LsFormDocument *doc,
                LsCase *lcase,
                LsOrganisation *organisation)
{
  LsReport *report = ls_case_get_report (lcase);
  LsUnit *unit = organisation != NULL
                     ? ls_organisation_find_unit (organisation,
                                                  ls_case_get_unit_id (lcase))
                     : NULL;
  /* A report of a wrongdoing unless it says it is a clear risk. */
  const char *kind = swedish_name (
      LS_TYPE_CASE_KIND, ls_report_get_kind (report),
      swedish_name (LS_TYPE_CASE_KIND, LS_CASE_KIND_WRONGDOING, NULL));

  ls_form_document_add_heading (doc, "Ärendet");
  add_pair (doc, "Enhet",
            or_dash (unit != NULL ? ls_unit_get_name (unit) : NULL),
            "Typ av verksamhet",
            or_dash (unit != NULL ? ls_unit_get_activity (unit) : NULL));
  {
    guint n_categories;
    const LsChoice *categories = ls_law_get_categories (&n_categories);
    const LsChoice *category = ls_law_find_choice (
        categories, n_categories, ls_report_get_category (report));

    add_pair (doc, "Rapporten gäller", kind, "Kategori",
              category != NULL ? category->swedish : "–");
  }
  add_pair (doc, "Rapportören är",
            swedish_name (LS_TYPE_REPORTER_CATEGORY,
                          ls_report_get_reporter_category (report), "–"),
            "Rapporterat enligt",
            ls_law_get_report_section (ls_case_get_regime (lcase)));
}

static void
add_investigators (LsFormDocument *doc, LsInvestigation *inv)
{
  GListStore *investigators = ls_investigation_get_investigators (inv);

  ls_form_document_add_heading (doc, "Utredare");
  for (guint i = 0; i < n_items (investigators); i++)
    {
      LsInvestigator *investigator = item_at (investigators, i);
      LsFormBox boxes[] = {
        { .label = "Namn",
          .value = or_dash (ls_investigator_get_name (investigator)),
          .weight = 1 },
        { .label = "Befattning",
          .value = or_dash (ls_investigator_get_title (investigator)),
          .weight = 1 },
        { .label = "Kompetens",
          .value = or_dash (ls_investigator_get_competence (investigator)),
          .weight = 1.6,
          .max_lines = 8 },
      };

      ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
    }
  if (n_items (investigators) == 0)
    ls_form_document_add_paragraph (doc, "Ingen utredare angiven.", FALSE);
}

static void
add_points (LsFormDocument *doc, LsCase *lcase, GHashTable *regnos)
{
  LsReport *report = ls_case_get_report (lcase);
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  GListStore *journal = ls_investigation_get_journal (inv);
  GListStore *causes = ls_investigation_get_causes (inv);
  g_autofree char *received = dup_display (ls_report_get_received_at (report));
  g_autofree char *noticed = dup_display (ls_report_get_noticed_at (report));
  g_autofree char *occurred = NULL;
  g_autoptr (GString) linked = g_string_new (NULL);
  const char *const *links = ls_investigation_get_linked_cases (inv);
  guint n_categories;
  const LsChoice *categories = ls_law_get_cause_categories (&n_categories);
  const char *how = swedish_name (LS_TYPE_RECEIVED_HOW,
                                  ls_report_get_received_how (report), "–");
  const char *similar =
      swedish_name (LS_TYPE_SIMILAR_BEFORE,
                    ls_investigation_get_similar_before (inv), "Inte bedömt");

  if (ls_report_get_occurred_unknown (report))
    occurred = g_strdup ("Tidpunkten är inte känd");
  else
    occurred = dup_display (ls_report_get_occurred_at (report));

  ls_form_document_add_heading (
      doc, "1. Vad missförhållandet eller risken bestod i och vilka "
           "konsekvenser det har fått eller kunde ha fått för den enskilde");
  add_flowing (doc, "Enligt rapporten", ls_report_get_description (report));
  add_flowing (doc, "Konsekvenser för den enskilde",
               ls_report_get_consequences (report));
  add_items_of_point (doc, journal, LS_POINT_WHAT_HAPPENED);

  ls_form_document_add_heading (
      doc, "2. När den muntliga eller skriftliga rapporten togs emot");
  add_pair (doc, "Rapporten togs emot", received, "Muntligt eller skriftligt",
            how);
  add_items_of_point (doc, journal, LS_POINT_RECEIVED);

  ls_form_document_add_heading (
      doc, "3. När och hur missförhållandet eller risken uppmärksammades");
  add_pair (doc, "Uppmärksammades", noticed, "Hur",
            or_dash (ls_report_get_noticed_how (report)));
  add_items_of_point (doc, journal, LS_POINT_NOTICED);

  ls_form_document_add_heading (doc, "4. När missförhållandet inträffade");
  add_pair (doc, "Inträffade", occurred, NULL, NULL);
  add_items_of_point (doc, journal, LS_POINT_OCCURRED);

  ls_form_document_add_heading (doc, "5. Orsaker som har identifierats");
  for (guint i = 0; i < n_items (causes); i++)
    {
      LsCause *cause = item_at (causes, i);
      const LsChoice *choice = ls_law_find_choice (
          categories, n_categories, ls_cause_get_category (cause));
      LsFormBox boxes[] = {
        { .label = "Orsak på systemnivå",
          .value = choice != NULL ? choice->swedish : "–",
          .weight = 1.2 },
        { .label = "Beskrivning",
          .value = or_dash (ls_cause_get_description (cause)),
          .weight = 2.2,
          .max_lines = 12 },
      };

      ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
    }
  add_items_of_point (doc, journal, LS_POINT_CAUSES);

  ls_form_document_add_heading (
      doc, "6. Om något liknande har inträffat tidigare och i så fall varför "
           "det har inträffat igen");
  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    {
      const char *regno =
          regnos != NULL ? g_hash_table_lookup (regnos, links[i]) : NULL;

      if (regno == NULL)
        continue;
      if (linked->len > 0)
        g_string_append (linked, ", ");
      g_string_append (linked, regno);
    }
  add_pair (doc, "Har något liknande inträffat tidigare?", similar,
            "Tidigare ärenden", linked->len > 0 ? linked->str : "–");
  add_flowing (doc, "Varför det har inträffat igen",
               ls_investigation_get_similar_explanation (inv));
  add_items_of_point (doc, journal, LS_POINT_SIMILAR_BEFORE);

  ls_form_document_add_heading (
      doc, "7. Bedömning av om något liknande skulle kunna inträffa igen");
  add_flowing (doc, "Bedömning", ls_investigation_get_recurrence (inv));
  add_items_of_point (doc, journal, LS_POINT_RECURRENCE);
}

static void
add_individuals (LsFormDocument *doc, LsReport *report)
{
  GListStore *individuals = ls_report_get_individuals (report);

  ls_form_document_add_heading (doc, "Information till den enskilde");
  for (guint i = 0; i < n_items (individuals); i++)
    {
      LsIndividual *individual = item_at (individuals, i);
      g_autofree char *informed =
          ls_individual_get_informed_on (individual) != NULL
              ? ls_dates_format_display (
                    ls_individual_get_informed_on (individual))
              : g_strdup ("Inte underrättad");
      LsFormBox boxes[] = {
        { .label = "Den enskilde",
          .value = or_dash (ls_individual_get_name (individual)),
          .weight = 1 },
        { .label = "Underrättad", .value = informed, .weight = 0.7 },
        { .label = "Hur",
          .value = or_dash (ls_individual_get_informed_how (individual)),
          .weight = 1.8,
          .max_lines = 8 },
      };

      ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
    }
}

static void
add_conclusion (LsFormDocument *doc, LsInvestigation *inv)
{
  g_autofree char *concluded =
      dup_display (ls_investigation_get_concluded_on (inv));
  g_autofree char *decided = NULL;
  const char *serious;

  switch (ls_investigation_get_seriousness (inv))
    {
    case LS_SERIOUSNESS_SERIOUS:
      serious = "Ja";
      break;
    case LS_SERIOUSNESS_NOT_SERIOUS:
      serious = "Nej";
      break;
    case LS_SERIOUSNESS_UNDECIDED:
    default:
      serious = "Inte bedömt";
      break;
    }
  if (ls_investigation_get_decided_by_title (inv) != NULL)
    decided = ls_bidi_format (
        "%s, %s", or_dash (ls_investigation_get_decided_by (inv)),
        ls_investigation_get_decided_by_title (inv), NULL);
  else
    decided = g_strdup (or_dash (ls_investigation_get_decided_by (inv)));

  ls_form_document_add_heading (
      doc, "Beslut eller ställningstagande som utredningen avslutas med "
           "(5 kap. 3 § 3)");
  add_flowing (doc, "Ställningstagande", ls_investigation_get_conclusion (inv));
  {
    LsFormBox boxes[] = {
      { .label = "Datum", .value = concluded, .weight = 0.6 },
      { .label = "Beslutat av", .value = decided, .weight = 1.6 },
      { .label = "Allvarligt missförhållande",
        .value = serious,
        .weight = 0.8 },
    };

    ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
  }
}

/* Items documented under no point of 5 kap. 2 § would otherwise be left
 * out: they are listed last, so the document holds the whole journal. */
static void
add_other_items (LsFormDocument *doc, GListStore *journal)
{
  gboolean heading = FALSE;

  for (guint i = 0; i < n_items (journal); i++)
    {
      if (ls_journal_item_get_points (item_at (journal, i)) != 0)
        continue;
      if (!heading)
        ls_form_document_add_heading (doc, "Övriga dokumenterade uppgifter");
      heading = TRUE;
      add_journal_item (doc, journal, i);
    }
}

/**
 * ls_case_documents_build_investigation:
 * @organisation: (nullable): the organisation, for the unit's name
 * @regnos: (nullable) (element-type utf8 utf8): registration numbers of
 *   the linked earlier cases, by uuid
 *
 * Lays out the finished investigation, the attachment of a notification
 * (14 kap. 6 § SoL or 24 e § LSS): every point of 5 kap. 2–5 §§ with the
 * documented items it rests on, each with its number in the journal, the
 * date, source, fact or assessment and author (5 kap. 4 §).  The reporter's
 * name is left out, as it may be in a document that is shared.
 *
 * Returns: (transfer full): the document
 */
LsFormDocument *
ls_case_documents_build_investigation (LsCase *lcase,
                                       LsOrganisation *organisation,
                                       GHashTable *regnos)
{
  g_autoptr (LsFormDocument) doc = NULL;
  LsInvestigation *inv;
  LsReport *report;
  LsRegime regime;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *header = NULL;
  const char *regno;

  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);

  inv = ls_case_get_investigation (lcase);
  report = ls_case_get_report (lcase);
  regime = ls_case_get_regime (lcase);
  regno = or_dash (ls_case_get_regno (lcase));

  title = g_strdup_printf ("Utredning – lex Sarah, %s", regno);
  subtitle = g_strdup_printf ("enligt %s och 5 kap. SOSFS 2011:5",
                              ls_law_get_investigation_section (regime));
  header =
      ls_bidi_format ("UTREDNING – lex Sarah – Diarienummer %s", regno, NULL);

  doc = ls_form_document_new (title, "Utredning av missförhållande eller "
                                     "påtaglig risk för missförhållande");
  ls_form_document_set_running_header (doc, header);
  {
    LsFormBox box = { .label = "Diarienummer", .value = regno, .weight = 1 };

    ls_form_document_add_title (doc, "UTREDNING – lex Sarah", subtitle, &box);
  }

  add_case_facts (doc, lcase, organisation);
  add_investigators (doc, inv);
  add_points (doc, lcase, regnos);

  ls_form_document_add_heading (
      doc, "Åtgärder för att undanröja eller avhjälpa missförhållandet och "
           "tidpunkt för dessa (5 kap. 3 § 1)");
  add_actions (doc, ls_report_get_immediate_actions (report),
               ls_investigation_get_remedial_actions (inv), FALSE);

  ls_form_document_add_heading (
      doc, "Vad som i övrigt har framkommit under utredningen (5 kap. 3 § 2)");
  add_flowing (doc, "Övrigt", ls_investigation_get_other_findings (inv));

  ls_form_document_add_heading (
      doc, "Åtgärder för att förhindra att liknande missförhållanden "
           "uppkommer igen (5 kap. 5 §)");
  add_actions (doc, ls_investigation_get_preventive_actions (inv), NULL, TRUE);

  add_individuals (doc, report);
  add_conclusion (doc, inv);
  add_other_items (doc, ls_investigation_get_journal (inv));

  return g_steal_pointer (&doc);
}

/* ---- The letter to the deciding board -------------------------------- */

/* The causes as one text, each under its system-level category. */
static char *
dup_causes (LsInvestigation *inv)
{
  GListStore *causes = ls_investigation_get_causes (inv);
  g_autoptr (GString) out = g_string_new (NULL);
  guint n_categories;
  const LsChoice *categories = ls_law_get_cause_categories (&n_categories);

  for (guint i = 0; i < n_items (causes); i++)
    {
      LsCause *cause = item_at (causes, i);
      const LsChoice *choice = ls_law_find_choice (
          categories, n_categories, ls_cause_get_category (cause));

      if (out->len > 0)
        g_string_append_c (out, '\n');
      {
        g_autofree char *line = ls_bidi_format (
            "• %s: %s", choice != NULL ? choice->swedish : "Övrigt",
            or_dash (ls_cause_get_description (cause)), NULL);

        g_string_append (out, line);
      }
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/**
 * ls_case_documents_build_board_letter:
 * @organisation: (nullable): the private provider who writes
 * @board: (nullable): the board that decided the individual's service
 *
 * Lays out the information a private provider gives the board that
 * decided the individual's service of a notification (6 kap. 3–4 §§):
 * what emerged in the investigation, its conclusion, and the actions
 * taken and planned.  No personal identity numbers and no reporter's
 * name: the board has its own file on the individual.
 *
 * Returns: (transfer full): the document
 */
LsFormDocument *
ls_case_documents_build_board_letter (LsCase *lcase,
                                      LsOrganisation *organisation,
                                      const char *board)
{
  g_autoptr (LsFormDocument) doc = NULL;
  LsInvestigation *inv;
  LsReport *report;
  LsNotification *notification;
  g_autofree char *title = NULL;
  g_autofree char *header = NULL;
  g_autofree char *causes = NULL;
  g_autofree char *submitted = NULL;
  const char *regno;
  const char *sender;

  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);

  inv = ls_case_get_investigation (lcase);
  report = ls_case_get_report (lcase);
  notification = ls_case_get_notification (lcase);
  regno = or_dash (ls_case_get_regno (lcase));
  sender = organisation != NULL
               ? ls_organisation_get_name (organisation)
               : ls_notification_get_provider_name (notification);

  title = g_strdup_printf ("Information till beslutande nämnd – lex Sarah, %s",
                           regno);
  header = ls_bidi_format ("INFORMATION TILL NÄMND – lex Sarah – "
                           "Diarienummer %s",
                           regno, NULL);
  doc = ls_form_document_new (title, "Information om anmälan av "
                                     "missförhållande enligt lex Sarah");
  ls_form_document_set_running_header (doc, header);
  {
    LsFormBox box = { .label = "Diarienummer", .value = regno, .weight = 1 };

    ls_form_document_add_title (doc, "INFORMATION TILL BESLUTANDE NÄMND",
                                "enligt 6 kap. 3–4 §§ SOSFS 2011:5", &box);
  }

  submitted = dup_display (ls_notification_get_submitted_on (notification));
  add_pair (doc, "Till", or_dash (board), "Från", or_dash (sender));
  add_pair (doc, "Anmälan till IVO gjordes", submitted, "Avdelning på IVO",
            or_dash (ls_notification_get_department (notification)));
  add_case_facts (doc, lcase, organisation);

  ls_form_document_add_heading (doc, "Vad som har framkommit i utredningen");
  add_flowing (doc, "Vad som hände och konsekvenserna för den enskilde",
               ls_report_get_description (report));
  if (ls_report_get_consequences (report) != NULL)
    add_flowing (doc, "Konsekvenser för den enskilde",
                 ls_report_get_consequences (report));
  causes = dup_causes (inv);
  add_flowing (doc, "Orsaker", causes);
  add_flowing (doc, "Bedömning av om det kan inträffa igen",
               ls_investigation_get_recurrence (inv));
  add_flowing (doc, "Vad som i övrigt har framkommit",
               ls_investigation_get_other_findings (inv));

  add_conclusion (doc, inv);

  ls_form_document_add_heading (doc, "Vidtagna åtgärder");
  add_actions (doc, ls_report_get_immediate_actions (report),
               ls_investigation_get_remedial_actions (inv), FALSE);
  ls_form_document_add_heading (doc, "Planerade åtgärder");
  add_actions (doc, ls_investigation_get_preventive_actions (inv), NULL, TRUE);

  ls_form_document_add_space (doc, 18);
  add_pair (doc, "Kontaktperson",
            or_dash (ls_notification_get_contact_name (notification)),
            "Telefon", or_dash (ls_notification_get_phone (notification)));
  return g_steal_pointer (&doc);
}

/**
 * ls_case_documents_dup_linked_regnos:
 *
 * Returns: (transfer full) (element-type utf8 utf8): the registration
 *   numbers of the earlier cases @lcase links to, by uuid, as
 *   ls_case_documents_build_investigation() prints them
 */
GHashTable *
ls_case_documents_dup_linked_regnos (LsStore *store, LsCase *lcase)
{
  GHashTable *regnos =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *const *links =
      ls_investigation_get_linked_cases (ls_case_get_investigation (lcase));

  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    {
      g_autoptr (LsCase) linked = ls_store_load_case (store, links[i], NULL);

      if (linked != NULL && ls_case_get_regno (linked) != NULL)
        g_hash_table_insert (regnos, g_strdup (links[i]),
                             g_strdup (ls_case_get_regno (linked)));
    }
  return regnos;
}
