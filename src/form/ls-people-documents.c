/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-people-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-dates.h"
#include "ls-enum-types.h"
#include "ls-model.h"
#include "ls-names.h"
#include "ls-people-documents.h"
#include "ls-responsibility.h"

/* The printed material of the register and the routines: the routines
 * document (7 kap. 1 §), the information sheet for staff (2 kap. 2 §) and
 * the attendance list of an information occasion.  They are read by
 * staff, boards and IVO in Swedish, so every word here is Swedish
 * whatever the language of the app, and nothing in them is translated;
 * only a message to the manager is. */

static const char *
or_undecided (const char *text)
{
  return text != NULL ? text : "Inte fastställt i rutinerna";
}

static char *
dup_day (const char *day)
{
  return day != NULL ? ls_dates_format_display (day) : g_strdup ("–");
}

static const char *
organisation_name (LsOrganisation *organisation)
{
  const char *name =
      organisation != NULL ? ls_organisation_get_name (organisation) : NULL;

  return name != NULL ? name : "Verksamheten";
}

static const char *
unit_name (LsOrganisation *organisation, const char *unit_id)
{
  LsUnit *unit = organisation != NULL && unit_id != NULL
                     ? ls_organisation_find_unit (organisation, unit_id)
                     : NULL;

  return unit != NULL && ls_unit_get_name (unit) != NULL
             ? ls_unit_get_name (unit)
             : "Okänd enhet";
}

static void
add_assignment (LsFormDocument *doc, LsAssignment *assignment, const char *unit)
{
  LsFormBox boxes[] = {
    { .label = unit != NULL ? "Enhet" : "Gäller",
      .value = unit != NULL ? unit : "Hela verksamheten",
      .weight = 1 },
    { .label = "Ansvarig (person eller funktion)",
      .value = or_undecided (ls_assignment_get_holder (assignment)),
      .weight = 1.4 },
    { .label = "Ersättare om den ansvarige berörs av rapporten (jäv)",
      .value = or_undecided (ls_assignment_get_substitute (assignment)),
      .weight = 1.4 },
  };

  ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
  if (ls_assignment_get_how (assignment) != NULL)
    ls_form_document_add_text (doc, "Så går det till",
                               ls_assignment_get_how (assignment),
                               LS_FORM_TEXT_FLOW, 20);
}

static void
add_checklist (LsFormDocument *doc)
{
  guint n_items;
  const char *const *items = ls_responsibility_get_checklist (&n_items);
  g_autoptr (GString) text = g_string_new (NULL);

  ls_form_document_add_paragraph (
      doc,
      "Utredningen dokumenteras fortlöpande (5 kap. 1 §) och ska visa:", FALSE);
  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (text, "%s%u. %s", i > 0 ? "\n" : "", i + 1,
                            items[i]);
  ls_form_document_add_text (doc, "Vad en utredning ska innehålla", text->str,
                             LS_FORM_TEXT_FLOW, 28);
}

/**
 * ls_people_documents_build_routines:
 * @routines: the version to print
 * @organisation: (nullable): whose routines they are, for its name and
 *   its units' names
 *
 * The routines document "Rutiner enligt lex Sarah": who decided them and
 * when, and for every responsibility the advice to 7 kap. 1 § names, its
 * holder and the substitute under conflict of interest, the organisation's
 * first and then every unit's own; what an investigation contains is the
 * app's checklist of 5 kap.
 *
 * Returns: (transfer full): the document
 */
LsFormDocument *
ls_people_documents_build_routines (LsRoutines *routines,
                                    LsOrganisation *organisation)
{
  g_autoptr (LsFormDocument) doc = NULL;
  g_autofree char *decided_on = NULL;
  g_autofree char *header = NULL;
  GListModel *assignments;

  g_return_val_if_fail (LS_IS_ROUTINES (routines), NULL);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), NULL);

  decided_on = dup_day (ls_routines_get_decided_on (routines));
  header = ls_bidi_format ("Rutiner enligt lex Sarah – %s – fastställda %s",
                           organisation_name (organisation), decided_on, NULL);
  doc = ls_form_document_new ("Rutiner enligt lex Sarah",
                              "Rutiner för att rapportera, utreda, avhjälpa "
                              "och anmäla missförhållanden");
  ls_form_document_set_running_header (doc, header);
  {
    LsFormBox box = { .label = "Fastställda",
                      .value = decided_on,
                      .weight = 1 };

    ls_form_document_add_title (doc, "Rutiner enligt lex Sarah",
                                "enligt 7 kap. 1 § SOSFS 2011:5", &box);
  }
  {
    LsFormBox boxes[] = {
      { .label = "Verksamhet",
        .value = organisation_name (organisation),
        .weight = 1 },
      { .label = "Fastställda av",
        .value = or_undecided (ls_routines_get_decided_by (routines)),
        .weight = 1 },
    };

    ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
  }
  ls_form_document_add_paragraph (
      doc,
      "Alla som arbetar i verksamheten ska rapportera missförhållanden och "
      "påtagliga risker för missförhållanden. Rutinerna visar vem som gör "
      "vad när en rapport kommer in, och vem som tar över om den som är "
      "ansvarig själv berörs av det som rapporteras (jäv).",
      FALSE);

  assignments = G_LIST_MODEL (ls_routines_get_assignments (routines));
  for (guint r = 0; r < LS_N_RESPONSIBILITIES; r++)
    {
      const LsResponsibilityInfo *info = ls_responsibility_get_info (r);
      LsAssignment *own = ls_routines_find (routines, r, NULL);

      ls_form_document_add_heading (doc, info->swedish);
      if (!info->has_holder)
        {
          add_checklist (doc);
          continue;
        }
      if (own != NULL)
        add_assignment (doc, own, NULL);
      else
        {
          g_autoptr (LsAssignment) empty = ls_assignment_new (r, NULL);

          add_assignment (doc, empty, NULL);
        }
      for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
        {
          g_autoptr (LsAssignment) assignment =
              g_list_model_get_item (assignments, i);
          const char *unit_id = ls_assignment_get_unit_id (assignment);

          if (ls_assignment_get_responsibility (assignment) == r &&
              unit_id != NULL && ls_assignment_get_holder (assignment) != NULL)
            add_assignment (doc, assignment, unit_name (organisation, unit_id));
        }
    }

  ls_form_document_add_heading (doc, "Jäv och liknande situationer");
  ls_form_document_add_paragraph (
      doc,
      "Om den som ansvarar för en uppgift själv berörs av innehållet i "
      "rapporten tar ersättaren ovan över uppgiften. Det antecknas i ärendet "
      "vem som tog över och varför.",
      FALSE);
  return g_steal_pointer (&doc);
}

static const char *
receiver_of (LsRoutines *routines, LsAssignment **assignment)
{
  *assignment =
      routines != NULL
          ? ls_routines_find (routines, LS_RESPONSIBILITY_RECEIVE_REPORTS, NULL)
          : NULL;
  return *assignment != NULL ? ls_assignment_get_holder (*assignment) : NULL;
}

/**
 * ls_people_documents_build_staff_information:
 * @routines: (nullable): the routines in force, for who receives reports
 *   and how
 * @organisation: (nullable): the organisation, for its name
 *
 * The information sheet for staff, in plain Swedish: the duty to report,
 * what a wrongdoing and a clear risk of one are, that a risk is as welcome
 * as an incident, that reporting is about learning and not about pointing
 * anyone out, and who receives reports and how.
 *
 * Returns: (transfer full): the document
 */
LsFormDocument *
ls_people_documents_build_staff_information (LsRoutines *routines,
                                             LsOrganisation *organisation)
{
  g_autoptr (LsFormDocument) doc = NULL;
  LsAssignment *receive = NULL;
  const char *receiver = receiver_of (routines, &receive);
  g_autofree char *who = NULL;

  g_return_val_if_fail (routines == NULL || LS_IS_ROUTINES (routines), NULL);

  doc = ls_form_document_new ("Du ska rapportera missförhållanden",
                              "Information om lex Sarah till dig som arbetar "
                              "i verksamheten");
  ls_form_document_set_running_header (doc, organisation_name (organisation));
  ls_form_document_add_title (doc, "Du ska rapportera missförhållanden",
                              "Information om lex Sarah – 2 kap. SOSFS 2011:5",
                              NULL);

  ls_form_document_add_heading (doc, "Din skyldighet");
  ls_form_document_add_paragraph (
      doc,
      "Alla som arbetar här – anställda, uppdragstagare, praktikanter och "
      "deltagare i arbetsmarknadspolitiska program – ska genast rapportera om "
      "de ser eller får veta något som är ett missförhållande eller en "
      "påtaglig risk för ett missförhållande för någon av dem vi ger stöd "
      "och omsorg. Det är lag (14 kap. 3 § socialtjänstlagen och 24 b § LSS).",
      FALSE);

  ls_form_document_add_heading (doc, "Vad ska du rapportera?");
  ls_form_document_add_paragraph (
      doc,
      "Ett missförhållande är något som har gjorts, eller något som borde ha "
      "gjorts men inte blev gjort, och som har skadat eller kunde ha skadat "
      "någons liv, säkerhet eller hälsa, kroppsligt eller psykiskt. Till "
      "exempel: någon får inte sin medicin, ett larm besvaras inte, någon "
      "blir illa bemött, slagen eller lurad på pengar.",
      FALSE);
  ls_form_document_add_paragraph (
      doc,
      "En påtaglig risk är en tydlig och konkret risk för att något sådant "
      "ska hända, även om ingenting har hänt ännu. Till exempel: en trasig "
      "dörr som gör att någon kan gå ut och gå vilse, ett schema där ingen "
      "kan ge insulinet.",
      FALSE);

  ls_form_document_add_heading (doc,
                                "En risk är lika välkommen som en händelse");
  ls_form_document_add_paragraph (
      doc,
      "Rapportera hellre en gång för mycket än en gång för lite. Du behöver "
      "inte vara säker och du behöver inte veta vems felet är. Det är bättre "
      "att vi får veta om en risk innan något händer än efteråt.",
      FALSE);

  ls_form_document_add_heading (doc, "Att rapportera handlar om att lära");
  ls_form_document_add_paragraph (
      doc,
      "En rapport pekar inte ut någon. Den hjälper oss att se vad i "
      "arbetssättet, rutinerna eller miljön som behöver bli bättre, så att "
      "det inte händer igen. Ingen ska råka illa ut för att ha rapporterat.",
      FALSE);

  ls_form_document_add_heading (doc, "Till vem och hur rapporterar du?");
  if (receiver != NULL)
    who = ls_bidi_format ("Du rapporterar till %s.", receiver, NULL);
  else
    who = g_strdup ("Vem du rapporterar till står i verksamhetens rutiner "
                    "enligt lex Sarah; fråga din chef.");
  ls_form_document_add_paragraph (doc, who, TRUE);
  if (receive != NULL && ls_assignment_get_substitute (receive) != NULL)
    {
      g_autofree char *substitute = ls_bidi_format (
          "Om rapporten gäller %s själv rapporterar du till %s.", receiver,
          ls_assignment_get_substitute (receive), NULL);

      ls_form_document_add_paragraph (doc, substitute, FALSE);
    }
  ls_form_document_add_paragraph (
      doc,
      receive != NULL && ls_assignment_get_how (receive) != NULL
          ? ls_assignment_get_how (receive)
          : "Du kan rapportera muntligt eller skriftligt. Gör det så snart du "
            "kan, samma dag. Den som tar emot rapporten ser till att det som "
            "behövs görs direkt och att rapporten utreds.",
      FALSE);
  return g_steal_pointer (&doc);
}

static char *
dup_units (LsPerson *person, LsOrganisation *organisation)
{
  const char *const *units = ls_person_get_units (person);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    {
      g_autofree char *name =
          ls_bidi_isolate (unit_name (organisation, units[i]));

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ls_people_documents_build_attendance:
 * @occasion: the occasion
 * @register_: the register its participants are in
 * @organisation: (nullable): the organisation, for its name and units
 *
 * The attendance list of an information occasion: when, how, by whom and
 * about what, and a row with room for a signature for every participant.
 *
 * Returns: (transfer full): the document
 */
LsFormDocument *
ls_people_documents_build_attendance (LsInformationOccasion *occasion,
                                      LsPeopleRegister *register_,
                                      LsOrganisation *organisation)
{
  g_autoptr (LsFormDocument) doc = NULL;
  g_autofree char *held_on = NULL;
  const char *const *participants;
  LsOccasionCovered covered;
  const char *how;

  g_return_val_if_fail (LS_IS_INFORMATION_OCCASION (occasion), NULL);
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), NULL);

  held_on = dup_day (ls_information_occasion_get_held_on (occasion));
  doc = ls_form_document_new ("Närvarolista – information om lex Sarah",
                              "Information om skyldigheten att rapportera "
                              "missförhållanden");
  ls_form_document_set_running_header (doc, organisation_name (organisation));
  {
    LsFormBox box = { .label = "Datum", .value = held_on, .weight = 1 };

    ls_form_document_add_title (doc, "Närvarolista",
                                "Information om lex Sarah enligt 2 kap. 2 § "
                                "SOSFS 2011:5",
                                &box);
  }
  if (ls_information_occasion_get_oral (occasion) &&
      ls_information_occasion_get_written (occasion))
    how = "Muntligt och skriftligt";
  else if (ls_information_occasion_get_oral (occasion))
    how = "Muntligt";
  else
    how = "Skriftligt";
  {
    LsFormBox boxes[] = {
      { .label = "Informationen gavs av",
        .value = ls_information_occasion_get_given_by (occasion),
        .weight = 1 },
      { .label = "Hur", .value = how, .weight = 1 },
    };

    ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
  }
  covered = ls_information_occasion_get_covered (occasion);
  ls_form_document_add_check (doc, "Skyldigheten att rapportera",
                              covered & LS_OCCASION_COVERED_DUTY, NULL, 0);
  ls_form_document_add_check (doc, "Vad som ska rapporteras",
                              covered & LS_OCCASION_COVERED_WHAT, NULL, 0);
  ls_form_document_add_check (
      doc, "Vem som tar emot rapporter", covered & LS_OCCASION_COVERED_RECEIVER,
      (LsFormBox[]){ { .label = "Mottagare",
                       .value = ls_information_occasion_get_receiver (occasion),
                       .weight = 1 } },
      1);

  ls_form_document_add_heading (
      doc, "Deltagare – med min underskrift intygar jag att jag har fått "
           "informationen");
  participants = ls_information_occasion_get_participants (occasion);
  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      LsPerson *person =
          ls_people_register_find_person (register_, participants[i]);
      g_autofree char *units = NULL;
      const LsChoice *category;

      if (person == NULL)
        continue;
      units = dup_units (person, organisation);
      category = ls_names_find (LS_TYPE_REPORTER_CATEGORY,
                                ls_person_get_category (person));
      {
        LsFormBox boxes[] = {
          { .label = "Namn",
            .value = ls_person_get_name (person),
            .weight = 1.2 },
          { .label = "Enhet", .value = units, .weight = 1 },
          { .label = "Kategori",
            .value = category != NULL ? category->swedish : NULL,
            .weight = 0.7 },
          { .label = "Underskrift",
            .value = NULL,
            .weight = 1.3,
            .min_lines = 2 },
        };

        ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
      }
    }
  return g_steal_pointer (&doc);
}

/**
 * ls_people_documents_build:
 * @routines: (nullable): the routines in force; the routines document
 *   needs them
 *
 * Returns: (transfer full): @document
 */
LsFormDocument *
ls_people_documents_build (LsPeopleDocument document,
                           LsRoutines *routines,
                           LsOrganisation *organisation)
{
  if (document == LS_PEOPLE_DOCUMENT_ROUTINES)
    {
      g_autoptr (LsRoutines) none = NULL;

      if (routines == NULL)
        routines = none = ls_routines_new ();
      return ls_people_documents_build_routines (routines, organisation);
    }
  return ls_people_documents_build_staff_information (routines, organisation);
}

typedef struct
{
  LsPeopleDocument document;
  LsRoutines *routines;
  LsOrganisation *organisation;
  char *path;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_object (&job->routines);
  g_clear_object (&job->organisation);
  g_free (job->path);
  g_free (job);
}

static void
write_thread (GTask *task,
              gpointer source_object,
              gpointer task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr (LsFormDocument) doc = NULL;
  GError *error = NULL;

  if (job->path == NULL)
    {
      g_task_return_new_error (task, LS_FORM_ERROR, LS_FORM_ERROR_WRITE, "%s",
                               _ ("The PDF can only be saved in a folder of "
                                  "this computer."));
      return;
    }
  /* Built here, in the thread that draws it: Pango's font map is the
   * thread's own. */
  doc = ls_people_documents_build (job->document, job->routines,
                                   job->organisation);
  if (ls_form_document_write_pdf (doc, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ls_people_documents_write_pdf_async:
 * @routines: (nullable): the routines, copied before this returns
 * @organisation: (nullable): the organisation, copied too
 * @file: a local file to write, readable by its owner only
 *
 * Builds @document and writes it as PDF in a worker thread.
 */
void
ls_people_documents_write_pdf_async (LsPeopleDocument document,
                                     LsRoutines *routines,
                                     LsOrganisation *organisation,
                                     GFile *file,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  WriteJob *job = g_new0 (WriteJob, 1);

  g_return_if_fail (G_IS_FILE (file));

  job->document = document;
  if (routines != NULL)
    {
      job->routines = ls_routines_new ();
      ls_model_copy (G_OBJECT (job->routines), G_OBJECT (routines));
    }
  if (organisation != NULL)
    {
      job->organisation = ls_organisation_new ();
      ls_model_copy (G_OBJECT (job->organisation), G_OBJECT (organisation));
    }
  job->path = g_file_get_path (file);
  g_task_set_source_tag (task, ls_people_documents_write_pdf_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
ls_people_documents_write_pdf_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
