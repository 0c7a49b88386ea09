/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "ls-action.h"
#include "ls-case-documents.h"
#include "ls-form-cli.h"
#include "ls-form-test-utils.h"
#include "ls-individual.h"
#include "ls-journal-item.h"
#include "ls-requirement.h"
#include "ls-rules.h"
#include "ls-store.h"

/* A case's documents, made from the documented example of the exchange
 * format: what the manager filled in must stand in the right box of the
 * annex form, and the investigation must show every point the law asks
 * for, with the documented items it rests on. */

typedef struct
{
  char *dir;
  LsStore *store;
  LsOrganisation *organisation;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *db = NULL;
  g_autofree char *example =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);

  fixture->dir = g_dir_make_tmp ("ls-case-documents-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "cases.db", NULL);
  fixture->store = ls_store_open (db, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (parser, example, &error);
  g_assert_no_error (error);
  ls_store_import_document (fixture->store, json_parser_get_root (parser),
                            "Test", NULL, &error);
  g_assert_no_error (error);
  fixture->organisation = ls_store_load_organisation (fixture->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "cases.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_clear_object (&fixture->organisation);
  g_clear_object (&fixture->store);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static LsCase *
load (Fixture *fixture, const char *regno)
{
  g_autoptr (GError) error = NULL;
  LsCase *lcase = ls_store_find_case_by_regno (fixture->store, regno, &error);

  g_assert_no_error (error);
  return lcase;
}

/* Whether the text of a PDF, squeezed by ls_test_squeeze(), holds
 * @needle, whose spaces may fall anywhere in the PDF's lines. */
static gboolean
contains (const char *squeezed, const char *needle)
{
  g_autofree char *squeezed_needle = ls_test_squeeze (needle);

  return strstr (squeezed, squeezed_needle) != NULL;
}

static gboolean
find_check (LsFormDocument *doc, guint index)
{
  guint page;
  double x, y, size;
  gboolean checked = FALSE;

  g_assert_true (
      ls_form_document_get_check (doc, index, &page, &x, &y, &size, &checked));
  return checked;
}

static void
test_notification_example (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load (fixture, "VON-2026-0003");
  g_autoptr (LsFormDocument) doc = ls_case_documents_build_notification (lcase);
  g_autoptr (PopplerDocument) pdf = ls_test_render_to_poppler (doc);
  g_autofree char *all = ls_test_dup_all_text (pdf);
  g_autofree char *text = ls_test_squeeze (all);
  LsNotification *notification = ls_case_get_notification (lcase);
  const LsTestItem items[] = {
    { "Avsändarens diarienummer", "VON-2026-0003", 0 },
    { "Avdelning", "Avdelning mitt", 0 },
    { "Nämndens namn", ls_notification_get_board_name (notification), 0 },
    { "i kommun/region", "Exempelstad", 0 },
    { "Kontaktperson", "Maria Lind", 0 },
    { "Titel/funktion", "Verksamhetschef äldreomsorg", 0 },
    { "Arbetsplats", "Vård- och omsorgsförvaltningen", 0 },
    { "Utdelningsadress", "Box 100", 0 },
    { "E-postadress", "vard.omsorg@exempelstad.se", 0 },
    { "Enhet/avdelning", "Solgårdens vård- och omsorgsboende", 0 },
    { "Typ av verksamhet", "Särskilt boende för äldre", 0 },
    { "Gatuadress", "Solgårdsvägen 12", 0 },
    { "Datum, veckodag samt klockslag för det inträffade",
      "söndag 1 mars 2026 kl. 22.30", 0 },
  };
  const char *in_order[] = {
    "ANMÄLAN – lex Sarah",
    "enligt 14 kap. 7 § SoL",
    "Inspektionen för vård och omsorg",
    "Anmälan görs av",
    "Kortfattad beskrivning",
    "En boende larmade med sitt trygghetslarm kl. 22.30.",
    "Bifogade handlingar",
    "Beskrivning av verksamhetens organisation och bemanning",
    "Solgården har 32 platser på fyra avdelningar.",
    "Uppgifter om personalens utbildning",
    "Av nattpersonalen är fyra av sex utbildade undersköterskor",
    "Åtgärder som har vidtagits eller planeras",
    "Larmtelefonerna har bytts mot modeller",
    "Namnförtydligande",
    NULL,
  };
  gboolean expected[N_CHECKS] = {
    [CHECK_WRONGDOING] = TRUE,
    [CHECK_BOARD] = TRUE,
    [CHECK_INFORMED] = TRUE,
    [CHECK_ROUTINES] = TRUE,
  };

  ls_test_assert_a4 (pdf);
  ls_test_assert_page_numbers (pdf);
  ls_test_assert_fonts_embedded (pdf);
  ls_test_assert_layout (pdf, items, G_N_ELEMENTS (items));
  ls_test_assert_in_order (text, in_order);
  /* The form names IVO, not Socialstyrelsen, which no longer receives
   * notifications. */
  g_assert_false (contains (text, "Socialstyrelsen"));

  g_assert_cmpuint (ls_form_document_get_n_checks (doc), ==, N_CHECKS);
  for (guint i = 0; i < N_CHECKS; i++)
    if (find_check (doc, i) != expected[i])
      g_error ("check box %u is %s", i, expected[i] ? "empty" : "ticked");
  ls_test_assert_checks_drawn (doc, pdf);
}

/* A clear risk in an LSS group home, whose time is not known: the form
 * cites 24 f § LSS and is filled in from the case, the organisation and
 * the unit. */
static void
test_notification_prefilled_lss (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load (fixture, "VON-2026-0004");
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *all = NULL;
  g_autofree char *text = NULL;
  const LsTestItem items[] = {
    { "Enhet/avdelning", "Gruppbostaden Linden", 0 },
    { "Typ av verksamhet", "Gruppbostad enligt LSS", 0 },
    { "Gatuadress", "Lindvägen 4", 0 },
    { "Datum, veckodag samt klockslag för det inträffade",
      "Tidpunkten är inte känd", 0 },
  };
  const char *in_order[] = {
    "enligt 24 f § LSS",
    "Läkemedelslistan i medicinskåpet stämde inte med dosetten.",
    "Erik kunde ha fått en medicin som läkaren hade satt ut.",
    NULL,
  };

  ls_rules_prefill_notification (lcase, fixture->organisation);
  doc = ls_case_documents_build_notification (lcase);
  pdf = ls_test_render_to_poppler (doc);
  all = ls_test_dup_all_text (pdf);
  text = ls_test_squeeze (all);

  ls_test_assert_layout (pdf, items, G_N_ELEMENTS (items));
  ls_test_assert_in_order (text, in_order);
  g_assert_false (find_check (doc, CHECK_WRONGDOING));
  g_assert_true (find_check (doc, CHECK_RISK));
  /* Erik has not been told yet. */
  g_assert_false (find_check (doc, CHECK_INFORMED));
  ls_test_assert_checks_drawn (doc, pdf);
}

static void
test_notification_golden (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load (fixture, "VON-2026-0003");
  g_autoptr (LsFormDocument) doc = ls_case_documents_build_notification (lcase);
  g_autoptr (PopplerDocument) pdf = ls_test_render_to_poppler (doc);

  ls_test_assert_golden (pdf, 0, "example-notification-page1.png");
}

/* The prefill takes what the case, the organisation and the unit know,
 * and never overwrites what the manager wrote. */
static void
test_prefill (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load (fixture, "VON-2026-0004");
  LsNotification *notification = ls_case_get_notification (lcase);
  LsReport *report = ls_case_get_report (lcase);
  g_autoptr (LsAction) action = ls_action_new ();
  g_autoptr (LsIndividual) individual = NULL;
  LsNotificationForm *form = NULL;

  ls_notification_set_contact_name (notification, "Jonas Ahl");
  ls_action_set_kind (action, LS_ACTION_KIND_PREVENTIVE);
  ls_action_set_description (action, "Utsättningar förs in i listan direkt.");
  g_list_store_append (ls_investigation_get_preventive_actions (
                           ls_case_get_investigation (lcase)),
                       action);

  ls_rules_prefill_notification (lcase, fixture->organisation);

  g_assert_cmpstr (ls_notification_get_contact_name (notification), ==,
                   "Jonas Ahl");
  g_assert_cmpstr (ls_notification_get_contact_title (notification), ==,
                   "Verksamhetschef äldreomsorg");
  g_assert_cmpstr (ls_notification_get_board_name (notification), ==,
                   "Vård- och omsorgsnämnden");
  g_assert_null (ls_notification_get_provider_name (notification));
  g_assert_cmpstr (ls_notification_get_department (notification), ==, "mitt");
  g_assert_cmpint (ls_notification_get_kind (notification), ==,
                   LS_CASE_KIND_CLEAR_RISK);
  g_assert_cmpstr (ls_notification_get_unit_phone (notification), ==,
                   "019-10 14 50");
  g_assert_cmpstr (ls_notification_get_actions (notification), ==,
                   "• Utsättningar förs in i listan direkt.");
  g_assert_true (
      g_str_has_prefix (ls_notification_get_description (notification),
                        ls_report_get_description (report)));
  g_assert_true (
      g_str_has_suffix (ls_notification_get_description (notification),
                        ls_report_get_consequences (report)));
  g_assert_false (ls_notification_get_individuals_informed (notification));

  /* Being told of the wrongdoing does not tick "Berörda enskilda har
   * underrättats om anmälan"; being told of the notification does, once
   * every individual has been. */
  individual = g_list_model_get_item (
      G_LIST_MODEL (ls_report_get_individuals (report)), 0);
  ls_individual_set_informed_on (individual, "2026-03-10");
  ls_rules_prefill_notification (lcase, fixture->organisation);
  g_assert_false (ls_notification_get_individuals_informed (notification));
  form = ls_case_documents_dup_notification_form (lcase);
  g_assert_false (ls_notification_form_get_informed (form));
  g_clear_object (&form);
  ls_individual_set_told_of_notification_on (individual, "2026-03-12");
  ls_rules_prefill_notification (lcase, fixture->organisation);
  g_assert_true (ls_notification_get_individuals_informed (notification));
  form = ls_case_documents_dup_notification_form (lcase);
  g_assert_true (ls_notification_form_get_informed (form));
  g_clear_object (&form);

  /* What the manager chose is kept when the wizard fills in again. */
  ls_notification_set_sender (notification, LS_ORGANISATION_KIND_SIS);
  ls_rules_prefill_notification (lcase, fixture->organisation);
  g_assert_cmpint (ls_notification_get_sender (notification), ==,
                   LS_ORGANISATION_KIND_SIS);
}

/* A private provider notifies in its own name. */
static void
test_prefill_private_provider (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load (fixture, "VON-2026-0004");
  LsNotification *notification = ls_case_get_notification (lcase);

  ls_organisation_set_kind (fixture->organisation,
                            LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
  ls_rules_prefill_notification (lcase, fixture->organisation);
  g_assert_cmpint (ls_notification_get_sender (notification), ==,
                   LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
  g_assert_cmpstr (ls_notification_get_provider_name (notification), ==,
                   "Vård- och omsorgsnämnden");
  g_assert_null (ls_notification_get_board_name (notification));
}

static void
test_investigation_example (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load (fixture, "VON-2026-0003");
  g_autoptr (LsFormDocument) doc = ls_case_documents_build_investigation (
      lcase, fixture->organisation, NULL);
  g_autoptr (PopplerDocument) pdf = ls_test_render_to_poppler (doc);
  g_autofree char *all = ls_test_dup_all_text (pdf);
  g_autofree char *text = ls_test_squeeze (all);
  g_autofree char *title = poppler_document_get_title (pdf);
  const char *in_order[] = {
    "UTREDNING – lex Sarah",
    "enligt 14 kap. 6 § SoL",
    "Solgårdens vård- och omsorgsboende",
    /* Swedish on the document whatever the language of the app. */
    "Insats har inte utförts",
    "Anställd",
    "Lena Holm",
    "Utbildad i händelseanalys",
    "1. Vad missförhållandet eller risken bestod i",
    "Anna Svensson larmade med sitt trygghetslarm",
    "Anna fick ett blåmärke på höften",
    "Rapport från undersköterska",
    "Faktisk omständighet",
    "Lena Holm, Kvalitetsutvecklare",
    "2. När den muntliga eller skriftliga rapporten togs emot",
    "2026-03-02 08:15",
    "Skriftligt",
    "3. När och hur missförhållandet eller risken uppmärksammades",
    "Nattpersonalen fann Anna på golvet vid morgonrundan.",
    "4. När missförhållandet inträffade",
    "2026-03-01 22:30",
    "5. Orsaker som har identifierats",
    "Rutiner saknas eller följs inte",
    "Rutin för överlämning av larmtelefonen",
    "Miljö och teknik",
    "Bemanning och kontinuitet",
    "Utredarens analys",
    "Bedömning",
    "6. Om något liknande har inträffat tidigare",
    "Ett obesvarat larm i oktober 2025",
    "7. Bedömning av om något liknande skulle kunna inträffa igen",
    "Risken bedöms som låg",
    "Åtgärder för att undanröja eller avhjälpa",
    "Sjuksköterska undersökte Anna.",
    "2026-03-02 07:00",
    "Larmtelefonerna på Solgården byttes",
    "Vad som i övrigt har framkommit",
    "Nattpersonalen har under vintern ofta arbetat ensam",
    "Åtgärder för att förhindra",
    "Ny rutin: larmtelefonen lämnas över personligen",
    "Inga obesvarade larm mars till maj.",
    "Information till den enskilde",
    "Enhetschefen berättade för Anna och hennes dotter",
    "Beslut eller ställningstagande",
    "Ett allvarligt missförhållande har förelegat.",
    "2026-03-20",
    "Maria Lind, Verksamhetschef äldreomsorg",
    NULL,
  };

  ls_test_assert_a4 (pdf);
  ls_test_assert_page_numbers (pdf);
  ls_test_assert_fonts_embedded (pdf);
  ls_test_assert_in_order (text, in_order);
  g_assert_cmpstr (title, ==, "Utredning – lex Sarah, VON-2026-0003");
  {
    /* the act the report was made under, in its box */
    const LsTestItem section[] = {
      { "Rapporterat enligt", "14 kap. 3 § SoL", 0 },
    };

    ls_test_assert_layout (pdf, section, G_N_ELEMENTS (section));
  }

  /* Every documented item, with its number, under a point. */
  for (guint i = 1; i <= 7; i++)
    {
      g_autofree char *label = g_strdup_printf ("Uppgift %u", i);

      if (!contains (text, label))
        g_error ("“%s” is missing", label);
    }
}

/* A correction is a new item that names the one it corrects; both stand
 * in the document, each pointing at the other. */
static void
test_investigation_correction (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load (fixture, "VON-2026-0004");
  GListStore *journal =
      ls_investigation_get_journal (ls_case_get_investigation (lcase));
  g_autoptr (LsJournalItem) first =
      g_list_model_get_item (G_LIST_MODEL (journal), 0);
  g_autoptr (LsJournalItem) correction = ls_journal_item_new ();
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *all = NULL;
  g_autofree char *text = NULL;
  const char *in_order[] = {
    "Uppgift 1 (Rättad genom uppgift 2)",
    "Utsättningen kom från läkaren per telefon",
    "Uppgift 2 (Rättar uppgift 1)",
    "Utsättningen kom per e-post",
    NULL,
  };

  ls_journal_item_set_documented_on (correction, "2026-03-11");
  ls_journal_item_set_source (correction, "Läkarens journalanteckning");
  ls_journal_item_set_kind (correction, LS_JOURNAL_KIND_FACT);
  ls_journal_item_set_author_name (correction, "Lena Holm");
  ls_journal_item_set_author_title (correction, "Kvalitetsutvecklare");
  ls_journal_item_set_text (correction,
                            "Utsättningen kom per e-post, inte per telefon.");
  ls_journal_item_set_points (correction, LS_POINT_WHAT_HAPPENED);
  ls_journal_item_set_corrects (correction, ls_journal_item_get_uuid (first));
  g_list_store_append (journal, correction);

  doc = ls_case_documents_build_investigation (lcase, fixture->organisation,
                                               NULL);
  pdf = ls_test_render_to_poppler (doc);
  all = ls_test_dup_all_text (pdf);
  text = ls_test_squeeze (all);

  ls_test_assert_in_order (text, in_order);
  /* Points not yet investigated say so instead of being left out. */
  g_assert_true (
      contains (text, "Inga dokumenterade uppgifter under denna punkt."));
  g_assert_true (contains (text, "Tidpunkten är inte känd"));
  g_assert_true (contains (text, "enligt 24 e § LSS"));
  /* The reporter is named in the case, not in the document that is sent
   * and may be shared for learning. */
  g_assert_true (contains (text, "Praktikant"));
  g_assert_false (contains (text, "Nyberg"));
}

/* The part of the squeezed investigation between two headings. */
static char *
dup_section (LsCase *lcase, Fixture *fixture, const char *from, const char *to)
{
  g_autoptr (LsFormDocument) doc = ls_case_documents_build_investigation (
      lcase, fixture->organisation, NULL);
  g_autoptr (PopplerDocument) pdf = ls_test_render_to_poppler (doc);
  g_autofree char *all = ls_test_dup_all_text (pdf);
  g_autofree char *text = ls_test_squeeze (all);
  g_autofree char *start = ls_test_squeeze (from);
  g_autofree char *end = ls_test_squeeze (to);
  const char *a = strstr (text, start);
  const char *b = a != NULL ? strstr (a, end) : NULL;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  return g_strndup (a, b - a);
}

/* 5 kap. 3 § 1 lists the immediate and the remedial actions as one: "no
 * actions" only when there are none of either. */
static void
test_investigation_actions (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load (fixture, "VON-2026-0003");
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  GListStore *immediate =
      ls_report_get_immediate_actions (ls_case_get_report (lcase));
  const char *heading = "(5 kap. 3 § 1)";
  const char *next = "Vad som i övrigt har framkommit";
  g_autofree char *both = NULL;
  g_autofree char *immediate_only = NULL;
  g_autofree char *none = NULL;
  g_autofree char *first_action = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (immediate)), >, 0);
  first_action = ls_test_squeeze (ls_action_get_description (
      g_list_model_get_item (G_LIST_MODEL (immediate), 0)));
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (immediate), 0));

  both = dup_section (lcase, fixture, heading, next);
  g_assert_nonnull (strstr (both, first_action));
  g_assert_null (strstr (both, "Ingaåtgärderdokumenterade"));

  g_list_store_remove_all (ls_investigation_get_remedial_actions (inv));
  immediate_only = dup_section (lcase, fixture, heading, next);
  g_assert_nonnull (strstr (immediate_only, first_action));
  g_assert_null (strstr (immediate_only, "Ingaåtgärderdokumenterade"));

  g_list_store_remove_all (immediate);
  none = dup_section (lcase, fixture, heading, next);
  g_assert_nonnull (strstr (none, "Ingaåtgärderdokumenterade."));
  g_assert_null (strstr (strstr (none, "Ingaåtgärderdokumenterade.") + 1,
                         "Ingaåtgärderdokumenterade"));
}

static void
assert_draft (PopplerDocument *pdf, gboolean draft)
{
  g_autofree char *mark = ls_test_squeeze (LS_NOTIFICATION_DRAFT_MARK);
  g_autofree char *title = poppler_document_get_title (pdf);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *page = ls_test_dup_page_text (pdf, i);
      g_autofree char *squeezed = ls_test_squeeze (page);

      if (draft)
        g_assert_nonnull (strstr (squeezed, mark));
      else
        g_assert_null (strstr (squeezed, "UTKAST"));
    }
  g_assert_cmpint (g_str_has_prefix (title, "UTKAST"), ==, draft);
}

static void
assert_case_draft (LsCase *lcase, gboolean draft)
{
  g_autoptr (LsFormDocument) doc = ls_case_documents_build_notification (lcase);
  g_autoptr (PopplerDocument) pdf = ls_test_render_to_poppler (doc);

  g_assert_cmpint (ls_case_documents_notification_is_draft (lcase), ==, draft);
  assert_draft (pdf, draft);
}

/* A form for a case concluded as not serious, or not concluded, is a draft
 * marked across every page, unless the manager notifies early: submitted,
 * or dated and signed. */
static void
test_notification_draft (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) serious = load (fixture, "VON-2026-0003");
  g_autoptr (LsCase) open = load (fixture, "VON-2026-0004");
  LsNotification *notification = ls_case_get_notification (serious);

  assert_case_draft (serious, FALSE);
  ls_investigation_set_seriousness (ls_case_get_investigation (serious),
                                    LS_SERIOUSNESS_NOT_SERIOUS);
  /* one that was sent is printed as it was sent */
  assert_case_draft (serious, FALSE);
  ls_notification_set_submitted_on (notification, NULL);
  assert_case_draft (serious, TRUE);

  g_assert_cmpint (
      ls_investigation_get_seriousness (ls_case_get_investigation (open)), ==,
      LS_SERIOUSNESS_UNDECIDED);
  assert_case_draft (open, TRUE);
  ls_notification_set_signed_on (ls_case_get_notification (open), "2026-03-10");
  assert_case_draft (open, FALSE);
}

/* `lexsarah --notification-pdf` prints the same draft. */
static void
test_notification_draft_cli (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = g_build_filename (fixture->dir, "cases.db", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "form.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;

  g_assert_true (ls_form_cli_write_pdf (db, "VON-2026-0004",
                                        LS_FORM_CLI_NOTIFICATION, out, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (out, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  assert_draft (pdf, TRUE);
  g_clear_object (&pdf);

  g_assert_true (ls_form_cli_write_pdf (db, "VON-2026-0003",
                                        LS_FORM_CLI_NOTIFICATION, out, &error));
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  assert_draft (pdf, FALSE);
  g_clear_object (&pdf);
  g_unlink (out);
}

/* 6 kap. 4 §: the letter of a private provider to the deciding board
 * says what emerged, the conclusion, and the actions taken and planned;
 * the board notice records that it was sent and when. */
static void
test_board_letter (Fixture *fixture, gconstpointer data)
{
  g_autoptr (LsCase) lcase = load (fixture, "VON-2026-0003");
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *board = NULL;
  LsInvestigation *inv = ls_case_get_investigation (lcase);
  LsBoardNotice *notice;
  g_autoptr (GListStore) requirements = NULL;

  ls_organisation_set_kind (fixture->organisation,
                            LS_ORGANISATION_KIND_PRIVATE_PROVIDER);
  ls_organisation_set_name (fixture->organisation, "Omsorg i Exempelstad AB");
  ls_case_set_deciding_board (lcase, "Socialnämnden i Exempelstad");
  board = ls_rules_dup_deciding_board (lcase);
  g_assert_cmpstr (board, ==, "Socialnämnden i Exempelstad");

  doc = ls_case_documents_build_board_letter (lcase, fixture->organisation,
                                              board);
  pdf = ls_test_render_to_poppler (doc);
  text = ls_test_dup_all_text (pdf);
  squeezed = ls_test_squeeze (text);
  g_assert_true (contains (squeezed, "INFORMATION TILL BESLUTANDE NÄMND"));
  g_assert_true (contains (squeezed, "6 kap. 3–4 §§ SOSFS 2011:5"));
  g_assert_true (contains (squeezed, "Socialnämnden i Exempelstad"));
  g_assert_true (contains (squeezed, "Omsorg i Exempelstad AB"));
  ls_test_assert_in_order (
      squeezed,
      (const char *[]){ "Vadsomharframkommitiutredningen",
                        "Vadsomiövrigtharframkommit", "Ställningstagande",
                        "Vidtagnaåtgärder", "Planeradeåtgärder", NULL });
  {
    g_autofree char *conclusion =
        ls_test_squeeze (ls_investigation_get_conclusion (inv));
    g_autofree char *other =
        ls_test_squeeze (ls_investigation_get_other_findings (inv));
    g_autoptr (LsAction) action = g_list_model_get_item (
        G_LIST_MODEL (ls_investigation_get_preventive_actions (inv)), 0);
    g_autofree char *planned =
        ls_test_squeeze (ls_action_get_description (action));

    g_assert_nonnull (strstr (squeezed, conclusion));
    g_assert_nonnull (strstr (squeezed, other));
    g_assert_nonnull (strstr (squeezed, planned));
  }
  /* No personal identity number goes to the board. */
  g_assert_null (strstr (squeezed, "19380415"));

  notice = ls_rules_record_board_letter (lcase, board, "2026-03-25");
  g_assert_cmpstr (ls_board_notice_get_letter_sent_on (notice), ==,
                   "2026-03-25");
  g_assert_cmpstr (ls_board_notice_get_notified_on (notice), ==, "2026-03-25");
  g_assert_cmpint (ls_board_notice_get_stage (notice), ==,
                   LS_NOTICE_STAGE_NOTIFICATION);
  /* Recording it again keeps one notice. */
  g_assert_true (ls_rules_record_board_letter (lcase, board, "2026-03-26") ==
                 notice);
  requirements = ls_rules_check (lcase, fixture->organisation);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (requirements));
       i++)
    {
      g_autoptr (LsRequirement) r =
          g_list_model_get_item (G_LIST_MODEL (requirements), i);

      g_assert_cmpstr (ls_requirement_get_reference (r), !=,
                       "6 kap. 3–4 §§ SOSFS 2011:5");
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/case-documents/notification/example", Fixture, NULL,
              fixture_set_up, test_notification_example, fixture_tear_down);
  g_test_add ("/case-documents/notification/prefilled-lss", Fixture, NULL,
              fixture_set_up, test_notification_prefilled_lss,
              fixture_tear_down);
  g_test_add ("/case-documents/notification/golden", Fixture, NULL,
              fixture_set_up, test_notification_golden, fixture_tear_down);
  g_test_add ("/case-documents/board-letter", Fixture, NULL, fixture_set_up,
              test_board_letter, fixture_tear_down);
  g_test_add ("/case-documents/prefill", Fixture, NULL, fixture_set_up,
              test_prefill, fixture_tear_down);
  g_test_add ("/case-documents/prefill/private-provider", Fixture, NULL,
              fixture_set_up, test_prefill_private_provider, fixture_tear_down);
  g_test_add ("/case-documents/investigation/example", Fixture, NULL,
              fixture_set_up, test_investigation_example, fixture_tear_down);
  g_test_add ("/case-documents/investigation/correction", Fixture, NULL,
              fixture_set_up, test_investigation_correction, fixture_tear_down);

  g_test_add ("/case-documents/investigation/actions-5-3-1", Fixture, NULL,
              fixture_set_up, test_investigation_actions, fixture_tear_down);
  g_test_add ("/case-documents/notification/draft", Fixture, NULL,
              fixture_set_up, test_notification_draft, fixture_tear_down);
  g_test_add ("/case-documents/notification/draft-cli", Fixture, NULL,
              fixture_set_up, test_notification_draft_cli, fixture_tear_down);

  return g_test_run ();
}
