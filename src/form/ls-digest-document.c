/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-digest-document"

#include "config.h"

#include "ls-dates.h"
#include "ls-digest-document.h"
#include "ls-enum-types.h"
#include "ls-law.h"
#include "ls-names.h"

/* The learning digest as a document to share across units and with
 * politicians.  Swedish whatever the language of the app, as the
 * documents for boards are; everything it shows comes from the
 * pseudonymised LsDigest, never from a case. */

static const char *
or_dash (const char *value)
{
  return value != NULL && *value ? value : "–";
}

static const char *
swedish_choice (const LsChoice *choices, guint n_choices, const char *id)
{
  const LsChoice *choice =
      id != NULL ? ls_law_find_choice (choices, n_choices, id) : NULL;

  return choice != NULL ? choice->swedish : "–";
}

static char *
dup_causes_text (LsDigestEntry *entry)
{
  guint n_categories;
  const LsChoice *categories = ls_law_get_cause_categories (&n_categories);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < entry->causes->len; i++)
    {
      LsDigestCause *cause = g_ptr_array_index (entry->causes, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (
          text, "%s: %s",
          swedish_choice (categories, n_categories, cause->category),
          or_dash (cause->description));
    }
  return g_string_free (text, FALSE);
}

static const char *
outcome_text (const LsDigestAction *action)
{
  const LsChoice *name =
      ls_names_find (LS_TYPE_EFFECT_OUTCOME, action->outcome);

  if (!action->evaluated)
    return "Effekten är ännu inte uppföljd";
  return name != NULL && name->swedish != NULL ? name->swedish : "–";
}

static void
add_actions (LsFormDocument *doc, LsDigestEntry *entry)
{
  if (entry->actions->len == 0)
    {
      ls_form_document_add_text (doc, "Förebyggande åtgärder",
                                 "Inga förebyggande åtgärder.",
                                 LS_FORM_TEXT_FLOW, 20);
      return;
    }
  for (guint i = 0; i < entry->actions->len; i++)
    {
      LsDigestAction *action = g_ptr_array_index (entry->actions, i);
      LsFormBox boxes[] = {
        { .label = "Uppföljning",
          .value = outcome_text (action),
          .weight = 1.4 },
        { .label = "Den enskilde eller närstående tillfrågad",
          .value = action->individual_asked ? "Ja" : "Nej",
          .weight = 1 },
      };

      ls_form_document_add_text (doc, "Förebyggande åtgärd",
                                 or_dash (action->description),
                                 LS_FORM_TEXT_FLOW, 20);
      ls_form_document_add_text (doc, "Effekt för den enskilde",
                                 or_dash (action->effect), LS_FORM_TEXT_FLOW,
                                 20);
      ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
    }
}

static void
add_entry (LsFormDocument *doc, LsDigestEntry *entry)
{
  guint n_categories;
  const LsChoice *categories = ls_law_get_categories (&n_categories);
  const LsChoice *kind = ls_names_find (LS_TYPE_CASE_KIND, entry->kind);
  g_autofree char *concluded = ls_dates_format_swedish (entry->concluded_on);
  g_autofree char *causes = dup_causes_text (entry);
  LsFormBox boxes[] = {
    { .label = "Enhet", .value = or_dash (entry->unit), .weight = 1.6 },
    { .label = "Slag",
      .value = kind != NULL && kind->swedish ? kind->swedish : "–",
      .weight = 1.2 },
    { .label = "Kategori",
      .value = swedish_choice (categories, n_categories, entry->category),
      .weight = 1.2 },
    { .label = "Utredningen avslutad",
      .value = or_dash (concluded),
      .weight = 0.9 },
  };

  ls_form_document_add_row (doc, boxes, G_N_ELEMENTS (boxes));
  ls_form_document_add_text (doc, "Vad hände", or_dash (entry->what_happened),
                             LS_FORM_TEXT_FLOW, 20);
  ls_form_document_add_text (doc, "Orsaker", or_dash (causes),
                             LS_FORM_TEXT_FLOW, 20);
  ls_form_document_add_text (doc, "Lärdomar", or_dash (entry->lessons),
                             LS_FORM_TEXT_FLOW, 20);
  add_actions (doc, entry);
  ls_form_document_add_space (doc, 10);
}

/**
 * ls_digest_document_build:
 *
 * Returns: (transfer full): the digest as a document, grouped by cause
 */
LsFormDocument *
ls_digest_document_build (LsDigest *digest)
{
  g_autoptr (LsFormDocument) doc = NULL;
  g_autofree char *period =
      ls_statistics_query_dup_label (ls_digest_get_query (digest));
  g_autofree char *subtitle = NULL;
  GPtrArray *groups;

  g_return_val_if_fail (LS_IS_DIGEST (digest), NULL);

  subtitle =
      g_strdup_printf ("Avslutade utredningar %s%s%s", period,
                       ls_digest_get_organisation_name (digest) ? ", " : "",
                       ls_digest_get_organisation_name (digest)
                           ? ls_digest_get_organisation_name (digest)
                           : "");
  doc = ls_form_document_new ("Lärande sammanställning – lex Sarah",
                              "Avidentifierad sammanställning av avslutade "
                              "utredningar");
  ls_form_document_set_running_header (
      doc, "LÄRANDE SAMMANSTÄLLNING – lex Sarah – avidentifierad");
  {
    LsFormBox box = { .label = "Period", .value = period, .weight = 1 };

    ls_form_document_add_title (doc, "LÄRANDE SAMMANSTÄLLNING – lex Sarah",
                                subtitle, &box);
  }
  ls_form_document_add_paragraph (
      doc,
      "Sammanställningen visar vad utredningarna har lärt oss, ordnat efter "
      "den huvudsakliga orsaken, så att en verksamhet kan lära av en "
      "annans ärende. Den är avidentifierad: namn, personnummer, adresser, "
      "telefonnummer och diarienummer är borttagna eller ersatta med den "
      "roll de står för, till exempel [den enskilde] eller [medarbetare].",
      FALSE);
  ls_form_document_add_space (doc, 6);

  groups = ls_digest_get_groups (digest);
  if (groups->len == 0)
    ls_form_document_add_paragraph (
        doc, "Inga utredningar avslutades under perioden.", FALSE);
  for (guint g = 0; g < groups->len; g++)
    {
      LsDigestGroup *group = g_ptr_array_index (groups, g);
      g_autofree char *heading =
          g_strdup_printf ("%s (%u %s)", group->name_sv, group->entries->len,
                           group->entries->len == 1 ? "ärende" : "ärenden");

      ls_form_document_add_heading (doc, heading);
      for (guint e = 0; e < group->entries->len; e++)
        add_entry (doc, g_ptr_array_index (group->entries, e));
    }
  return g_steal_pointer (&doc);
}
