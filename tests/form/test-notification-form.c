/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ls-form-test-utils.h"

/* The notification form as IVO receives it: the annex's boxes in the annex's
 * order, every value in its box, check boxes where they belong, nothing
 * cut, any script.  Every PDF is read back with poppler. */

/* The text beside each check box, or its first line when it wraps. */
static const char *const check_labels[N_CHECKS] = {
  "ett allvarligt missförhållande",
  "en påtaglig risk för ett allvarligt missförhållande",
  "Nämnd",
  "Enskild verksamhet",
  "Statens institutionsstyrelse",
  "Berörda enskilda har underrättats",
  "Slutförd utredning enligt 14 kap. 6 § SoL",
  "Slutförd utredning enligt 24 e § LSS",
  "Gällande rutiner i verksamheten",
  "Övrigt",
};

static PopplerDocument *
render_form (LsNotificationForm *form, LsFormDocument **doc_out)
{
  g_autoptr (LsFormDocument) doc = ls_notification_form_build_document (form);
  PopplerDocument *pdf = ls_test_render_to_poppler (doc);

  if (doc_out != NULL)
    *doc_out = g_steal_pointer (&doc);

  return pdf;
}

static gboolean
strv_has (GStrv strv, const char *text)
{
  return g_strv_contains ((const char *const *) strv, text);
}

static gboolean
page_has (PopplerDocument *pdf, guint page, const char *text)
{
  g_autofree char *page_text = ls_test_dup_page_text (pdf, page);
  g_autofree char *hay = ls_test_squeeze (page_text);
  g_autofree char *needle = ls_test_squeeze (text);

  return strstr (hay, needle) != NULL;
}

/* Each check box stands just left of its own text, on the same line. */
static void
assert_checks_beside_labels (LsFormDocument *doc, PopplerDocument *pdf)
{
  g_assert_cmpuint (ls_form_document_get_n_checks (doc), ==, N_CHECKS);

  for (guint i = 0; i < N_CHECKS; i++)
    {
      g_autoptr (PopplerPage) page = NULL;
      guint n;
      double x, y, size, width, height;
      gboolean beside = FALSE;
      GList *found;

      g_assert_true (
          ls_form_document_get_check (doc, i, &n, &x, &y, &size, NULL));
      page = poppler_document_get_page (pdf, n);
      poppler_page_get_size (page, &width, &height);
      found = poppler_page_find_text_with_options (page, check_labels[i],
                                                   POPPLER_FIND_CASE_SENSITIVE);
      for (GList *l = found; l != NULL; l = l->next)
        {
          PopplerRectangle *rect = l->data;
          double top = height - rect->y2, bottom = height - rect->y1;

          beside = beside || (rect->x1 > x + size && rect->x1 < x + size + 12 &&
                              top < y + size && bottom > y);
        }
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
      if (!beside)
        g_error ("check box %u is not beside “%s”", i, check_labels[i]);
    }
}

static void
assert_checks (LsNotificationForm *form, const gboolean expected[N_CHECKS])
{
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (PopplerDocument) pdf = render_form (form, &doc);

  for (guint i = 0; i < N_CHECKS; i++)
    {
      gboolean checked;

      g_assert_true (ls_form_document_get_check (doc, i, NULL, NULL, NULL, NULL,
                                                 &checked));
      if (checked != expected[i])
        g_error ("“%s” is %s, expected %s", check_labels[i],
                 checked ? "ticked" : "empty",
                 expected[i] ? "ticked" : "empty");
    }
  assert_checks_beside_labels (doc, pdf);
  ls_test_assert_checks_drawn (doc, pdf);
}

/* What a continuation page calls a field's box: the form has two boxes
 * labelled "Postnr", "Postort" and "Telefon", and the box of the other
 * attachments is labelled by its check box. */
static const char *
continued_label (LsNotificationField field)
{
  switch (field)
    {
    case LS_NOTIFICATION_FIELD_POSTCODE:
      return "Postnr (kontaktperson)";
    case LS_NOTIFICATION_FIELD_TOWN:
      return "Postort (kontaktperson)";
    case LS_NOTIFICATION_FIELD_PHONE:
      return "Telefon (kontaktperson)";
    case LS_NOTIFICATION_FIELD_UNIT_POSTCODE:
      return "Postnr (enhet/avdelning)";
    case LS_NOTIFICATION_FIELD_UNIT_TOWN:
      return "Postort (enhet/avdelning)";
    case LS_NOTIFICATION_FIELD_UNIT_PHONE:
      return "Telefon (enhet/avdelning)";
    case LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT:
      return "Vilka handlingar";
    default:
      return ls_notification_field_get_label (field);
    }
}

static void
test_example_layout (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (PopplerDocument) pdf = render_form (form, NULL);
  /* The annex's order; row by row, left to right. */
  const LsTestItem items[] = {
    { "ANMÄLAN – lex Sarah", NULL, 0 },
    { "Avsändarens diarienummer", "SN 2026/0142", 0 },
    { "enligt 14 kap. 7 § SoL", NULL, 0 },
    { "ett allvarligt missförhållande", NULL, 0 },
    { "en påtaglig risk för ett allvarligt missförhållande", NULL, 0 },
    { "Anmälan görs till den avdelning inom Inspektionen för vård och "
      "omsorg (IVO)",
      NULL, 0 },
    { "Mottagare", "Inspektionen för vård och omsorg (IVO)", 0 },
    { "Avdelning", "Avdelning mitt", 0 },
    { "Anmälan görs av", NULL, 0 },
    { "Nämnd", NULL, 0 },
    { "Nämndens namn", "Vård- och omsorgsnämnden", 0 },
    { "i kommun/region", "Exempelby", 0 },
    { "Enskild verksamhet", NULL, 0 },
    { "Namnet på t.ex. bolaget, stiftelsen", NULL, 0 },
    { "Statens institutionsstyrelse", NULL, 0 },
    { "Kontaktperson", "Åsa Öberg", 0 },
    { "Titel/funktion", "Medicinskt ansvarig sjuksköterska", 0 },
    { "Arbetsplats", "Vård- och omsorgsförvaltningen", 0 },
    { "Utdelningsadress", "Box 123", 0 },
    { "Postnr", "123 45", 0 },
    { "Postort", "Exempelby", 0 },
    { "Telefon (inkl. riktnr)", "0123-456 78", 0 },
    { "E-postadress", "asa.oberg@exempelby.example", 0 },
    { "Var och när har det allvarliga missförhållandet inträffat", NULL, 0 },
    { "Enhet/avdelning", "Solgårdens vård- och omsorgsboende, avd. 2", 0 },
    { "Typ av verksamhet", "Särskilt boende för äldre", 0 },
    { "Gatuadress", "Solvägen 7", 0 },
    { "Postnr", "123 46", 0 },
    { "Postort", "Exempelby", 0 },
    { "Telefon (inkl. riktnr)", "0123-456 90", 0 },
    { "Datum, veckodag samt klockslag för det inträffade",
      "2026-03-01, söndag, kl. 22.30", 0 },
    { "Kortfattad beskrivning av det allvarliga", NULL, 0 },
    { "En boende med hög fallrisk", NULL, 0 },
    { "Berörda enskilda har underrättats", NULL, 0 },
    { "Bifogade handlingar", NULL, 0 },
    { "Slutförd utredning enligt 14 kap. 6 § SoL", NULL, 0 },
    { "Slutförd utredning enligt 24 e § LSS", NULL, 0 },
    { "Gällande rutiner i verksamheten som är av betydelse", NULL, 0 },
    { "Övrigt", NULL, 0 },
    { "Vilka handlingar", NULL, 0 },
    { "Blankett enligt bilaga till SOSFS 2011:5", NULL, 0 },
    { "Sida 1 av 2", NULL, 0 },
    { "ANMÄLAN – lex Sarah enligt 14 kap. 7 § SoL – Avsändarens "
      "diarienummer: SN 2026/0142",
      NULL, 1 },
    { "Beskrivning av verksamhetens organisation och bemanning", NULL, 1 },
    { "Avdelningen har 12 platser.", NULL, 1 },
    { "Uppgifter om personalens utbildning, tjänstgöringstid", NULL, 1 },
    { "Nattpersonalen är utbildade undersköterskor", NULL, 1 },
    { "Åtgärder som har vidtagits eller planeras", NULL, 1 },
    { "Omedelbart: larmmottagarna byttes", NULL, 1 },
    { "Datum", "2026-03-04", 1 },
    { "Den anmälningsansvariges underskrift/protokollsutdrag", NULL, 1 },
    { "Namnförtydligande", "Åsa Öberg", 1 },
    { "Sida 2 av 2", NULL, 1 },
  };

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  ls_test_assert_a4 (pdf);
  ls_test_assert_page_numbers (pdf);
  ls_test_assert_fonts_embedded (pdf);
  ls_test_assert_layout (pdf, items, G_N_ELEMENTS (items));

  /* the long texts whole, each on its page */
  g_assert_true (page_has (
      pdf, 0,
      ls_notification_form_get_text (form, LS_NOTIFICATION_FIELD_DESCRIPTION)));
  g_assert_true (
      page_has (pdf, 1,
                ls_notification_form_get_text (
                    form, LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING)));
  g_assert_true (page_has (pdf, 1,
                           ls_notification_form_get_text (
                               form, LS_NOTIFICATION_FIELD_STAFF_DETAILS)));
  g_assert_true (page_has (
      pdf, 1,
      ls_notification_form_get_text (form, LS_NOTIFICATION_FIELD_ACTIONS)));
  /* nothing of the example needs a continuation page */
  g_assert_false (page_has (pdf, 0, "forts."));
  g_assert_false (page_has (pdf, 1, "forts."));
}

/* Every label of the table and every value the example fills in is in the
 * PDF, searchable. */
static void
test_example_every_field (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (PopplerDocument) pdf = render_form (form, NULL);
  g_autofree char *all = ls_test_dup_all_text (pdf);
  g_autofree char *hay = ls_test_squeeze (all);

  for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
    {
      const char *label = ls_notification_field_get_label (i);
      const char *value = ls_notification_form_get_text (form, i);
      g_autofree char *squeezed_label = ls_test_squeeze (label);
      g_autofree char *squeezed_value = ls_test_squeeze (value);

      if (strstr (hay, squeezed_label) == NULL)
        g_error ("label “%s” is missing", label);
      if (strstr (hay, squeezed_value) == NULL)
        g_error ("value “%s” of “%s” is missing", value, label);
    }
}

static void
test_example_metadata (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (PopplerDocument) pdf = render_form (form, NULL);
  g_autofree char *title = poppler_document_get_title (pdf);
  g_autofree char *subject = poppler_document_get_subject (pdf);
  g_autofree char *creator = poppler_document_get_creator (pdf);

  g_assert_cmpstr (title, ==, "ANMÄLAN – lex Sarah, SN 2026/0142");
  g_assert_cmpstr (subject, ==,
                   "Anmälan enligt 14 kap. 7 § SoL till Inspektionen för vård "
                   "och omsorg (IVO)");
  g_assert_cmpstr (creator, ==, "Lex Sarah " PACKAGE_VERSION);
  g_assert_cmpint (poppler_document_get_creation_date (pdf), >, 0);
}

/* A blank form, as one printed to fill in by hand: every box and check
 * box, all empty. */
static void
test_empty_form (void)
{
  g_autoptr (LsNotificationForm) form = ls_notification_form_new ();
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (PopplerDocument) pdf = render_form (form, &doc);
  g_autofree char *all = ls_test_dup_all_text (pdf);
  g_autofree char *title = poppler_document_get_title (pdf);
  g_autofree char *header = NULL;
  const gboolean none[N_CHECKS] = { FALSE };

  ls_test_assert_a4 (pdf);
  ls_test_assert_page_numbers (pdf);
  g_assert_cmpstr (title, ==, "ANMÄLAN – lex Sarah");
  for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
    ls_test_assert_in_order (
        all, (const char *[]){ ls_notification_field_get_label (i), NULL });
  g_assert_null (strstr (all, "forts."));

  /* no dangling "diarienummer:" at the top of later pages */
  header = ls_test_dup_page_text (pdf, 1);
  g_assert_null (strstr (header, "diarienummer:"));

  assert_checks (form, none);
  g_assert_cmpuint (ls_form_document_get_n_checks (doc), ==, N_CHECKS);
}

/* Every field far longer than its box, the description 20,000 characters:
 * every word is printed, in order, and every cut box is continued under its
 * own name. */
static void
test_maximum_lengths (void)
{
  g_autoptr (LsNotificationForm) form = ls_notification_form_new ();
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *all = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr (GArray) items = g_array_new (FALSE, TRUE, sizeof (LsTestItem));
  g_autoptr (GPtrArray) firsts = g_ptr_array_new_with_free_func (g_free);
  const gboolean all_checks[N_CHECKS] = {
    [CHECK_WRONGDOING] = TRUE,
    [CHECK_INFORMED] = TRUE,
    [CHECK_INVESTIGATION_SOL] = TRUE,
    [CHECK_ROUTINES] = TRUE,
    [CHECK_OTHER] = TRUE,
  };

  for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("f%uw", i);
      gsize length;
      g_autofree char *text = NULL;

      switch (i)
        {
        case LS_NOTIFICATION_FIELD_DESCRIPTION:
          length = 20000;
          break;
        case LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING:
        case LS_NOTIFICATION_FIELD_STAFF_DETAILS:
        case LS_NOTIFICATION_FIELD_ACTIONS:
          length = 8000;
          break;
        default:
          length = 500;
        }
      text = ls_test_dup_numbered_words (prefix, length);
      ls_notification_form_set_text (form, i, text);
    }
  ls_notification_form_set_kind (form, LS_NOTIFICATION_KIND_WRONGDOING);
  /* no sender chosen: the board's and the provider's boxes both print */
  ls_notification_form_set_informed (form, TRUE);
  ls_notification_form_set_attachments (
      form, LS_NOTIFICATION_ATTACHMENT_INVESTIGATION |
                LS_NOTIFICATION_ATTACHMENT_ROUTINES |
                LS_NOTIFICATION_ATTACHMENT_OTHER);

  pdf = render_form (form, &doc);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >, 8);
  ls_test_assert_a4 (pdf);
  ls_test_assert_page_numbers (pdf);
  ls_test_assert_fonts_embedded (pdf);

  all = ls_test_dup_all_text (pdf);
  squeezed = ls_test_squeeze (all);
  for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
    {
      const char *label = continued_label (i);
      g_autofree char *continued = g_strdup_printf ("forts. %s", label);
      g_autofree char *squeezed_continued = NULL;

      squeezed_continued = ls_test_squeeze (continued);
      if (strstr (squeezed, squeezed_continued) == NULL)
        g_error ("“%s” is cut but not continued", label);
      ls_test_assert_words_in_order (all,
                                     ls_notification_form_get_text (form, i));
    }

  /* The form's own pages keep the annex's order, each value starting in
   * its box; the continuations follow in the same order. */
  for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
    {
      const char *label = ls_notification_field_get_label (i);
      LsTestItem item = { label, NULL, -1 };

      if (i == LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT)
        item.label = "Vilka handlingar";
      if (i == LS_NOTIFICATION_FIELD_DESCRIPTION ||
          i == LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING ||
          i == LS_NOTIFICATION_FIELD_STAFF_DETAILS ||
          i == LS_NOTIFICATION_FIELD_ACTIONS)
        {
          /* a section's heading can wrap: its first words will do */
          item.label =
              g_utf8_substring (label, 0, MIN (30, g_utf8_strlen (label, -1)));
          g_ptr_array_add (firsts, (char *) item.label);
        }
      else
        {
          item.value = g_strdup_printf ("f%uw0.", i);
          g_ptr_array_add (firsts, (char *) item.value);
        }
      g_array_append_val (items, item);
    }
  for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
    {
      LsTestItem item = { NULL, NULL, -1 };
      g_autofree char *continued =
          g_strdup_printf ("forts. %s", continued_label (i));

      /* its first line will do */
      item.label = g_utf8_substring (continued, 0,
                                     MIN (40, g_utf8_strlen (continued, -1)));
      g_ptr_array_add (firsts, (char *) item.label);
      g_array_append_val (items, item);
    }
  ls_test_assert_layout (pdf, (LsTestItem *) items->data, items->len);
  assert_checks (form, all_checks);
}

typedef struct
{
  const char *name;
  const char *text;
} Sample;

/* Names and places as they are written in the Nordic countries and by
 * people who came from elsewhere. */
static const Sample samples[] = {
  { "Swedish", "Åsa Öberg, Ängelholm, Västerås, Örebro" },
  { "Finnish", "Jyväskylä, Hämeenlinna, Šakki Žukov" },
  { "Northern Sami", "Čoahkkima ášši, Ŋuorra Đávgi, Ŧuolba" },
  { "Meänkieli", "Pajala kunta, Käymä, Hyvää päivää" },
  { "Cyrillic", "Ирина Смирнова, Москва, Україна, ЁЖЇ" },
  { "Greek", "Ελένη Παπαδοπούλου" },
  { "Arabic", "محمد العلي" },
  { "Chinese", "王小明，北京市朝阳区" },
};

/* Every script is drawn with fonts embedded in the PDF; where the system
 * has a font for it, poppler finds the text again.  A system without a
 * font for a script (CI has only DejaVu, which has no Chinese) still draws
 * everything else whole, and the test says what it could not check. */
static void
test_scripts (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (GString) description = g_string_new (NULL);
  g_autoptr (PopplerDocument) pdf = NULL;
  /* pango 1.50 has no autoptr for contexts */
  PangoContext *context =
      pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autofree char *all = NULL;
  g_autofree char *hay = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    g_string_append_printf (description, "%s: %s.\n", samples[i].name,
                            samples[i].text);
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_DESCRIPTION,
                                 description->str);
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_CONTACT_NAME,
                                 "Ирина Смирнова");
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_UNIT,
                                 "Čoahkkima ášši");
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_WORKPLACE,
                                 "محمد العلي");
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_NAME_IN_PRINT,
                                 "王小明");

  pdf = render_form (form, NULL);
  ls_test_assert_fonts_embedded (pdf);
  all = ls_test_dup_all_text (pdf);
  hay = ls_test_squeeze (all);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr (PangoLayout) layout = pango_layout_new (context);
      g_autoptr (PangoFontDescription) font =
          pango_font_description_from_string ("DejaVu Sans 10");
      g_autofree char *needle = ls_test_squeeze (samples[i].text);
      g_autofree char *name = g_strdup_printf ("%s:", samples[i].name);
      g_autofree char *reversed = NULL;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, samples[i].text, -1);
      /* The name before each sample is Latin: it is always found. */
      ls_test_assert_in_order (all, (const char *[]){ name, NULL });
      if (pango_layout_get_unknown_glyphs_count (layout) > 0)
        {
          g_test_message ("No font for the %s sample here: not checked",
                          samples[i].name);
          continue;
        }
      /* poppler-glib gives right-to-left text in visual order */
      reversed = g_utf8_strreverse (needle, -1);
      if (strstr (hay, needle) == NULL && strstr (hay, reversed) == NULL)
        g_error ("the %s sample “%s” is not in the PDF", samples[i].name,
                 samples[i].text);
    }
  ls_test_assert_in_order (
      all, (const char *[]){ "Ирина Смирнова", "Čoahkkima ášši", NULL });
  g_object_unref (context);
}

static void
test_regime_sol (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *subject = NULL;
  const LsTestItem items[] = {
    { "ANMÄLAN – lex Sarah", NULL, 0 },
    { "enligt 14 kap. 7 § SoL", NULL, 0 },
    { "ANMÄLAN – lex Sarah enligt 14 kap. 7 § SoL", NULL, 1 },
  };

  ls_notification_form_set_regime (form, LS_NOTIFICATION_REGIME_SOL);
  pdf = render_form (form, NULL);
  ls_test_assert_layout (pdf, items, G_N_ELEMENTS (items));
  g_assert_false (page_has (pdf, 0, "24 f § LSS"));
  subject = poppler_document_get_subject (pdf);
  g_assert_nonnull (strstr (subject, "14 kap. 7 § SoL"));
  g_assert_cmpstr (ls_notification_regime_get_law (LS_NOTIFICATION_REGIME_SOL),
                   ==, "14 kap. 7 § SoL");
}

static void
test_regime_lss (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *subject = NULL;
  const LsTestItem items[] = {
    { "ANMÄLAN – lex Sarah", NULL, 0 },
    { "enligt 24 f § LSS", NULL, 0 },
    { "ANMÄLAN – lex Sarah enligt 24 f § LSS", NULL, 1 },
  };
  const gboolean expected[N_CHECKS] = {
    [CHECK_WRONGDOING] = TRUE, [CHECK_BOARD] = TRUE,
    [CHECK_INFORMED] = TRUE,   [CHECK_INVESTIGATION_LSS] = TRUE,
    [CHECK_ROUTINES] = TRUE,
  };

  ls_notification_form_set_regime (form, LS_NOTIFICATION_REGIME_LSS);
  pdf = render_form (form, NULL);
  ls_test_assert_layout (pdf, items, G_N_ELEMENTS (items));
  g_assert_false (page_has (pdf, 0, "14 kap. 7 § SoL"));
  g_assert_false (page_has (pdf, 1, "14 kap. 7 § SoL"));
  subject = poppler_document_get_subject (pdf);
  g_assert_nonnull (strstr (subject, "24 f § LSS"));
  /* the finished investigation is the one of the LSS act */
  assert_checks (form, expected);
}

static void
test_checks_kind (void)
{
  g_autoptr (LsNotificationForm) form = ls_notification_form_new ();
  const LsNotificationKind kinds[] = { LS_NOTIFICATION_KIND_UNSET,
                                       LS_NOTIFICATION_KIND_WRONGDOING,
                                       LS_NOTIFICATION_KIND_RISK };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gboolean expected[N_CHECKS] = { FALSE };

      expected[CHECK_WRONGDOING] = kinds[i] == LS_NOTIFICATION_KIND_WRONGDOING;
      expected[CHECK_RISK] = kinds[i] == LS_NOTIFICATION_KIND_RISK;
      ls_notification_form_set_kind (form, kinds[i]);
      assert_checks (form, expected);
    }
}

static void
test_checks_sender (void)
{
  g_autoptr (LsNotificationForm) form = ls_notification_form_new ();
  const LsNotificationSender senders[] = { LS_NOTIFICATION_SENDER_UNSET,
                                           LS_NOTIFICATION_SENDER_BOARD,
                                           LS_NOTIFICATION_SENDER_PRIVATE,
                                           LS_NOTIFICATION_SENDER_SIS };

  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_PROVIDER_NAME,
                                 "Omsorgsbolaget i Norden AB");
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_BOARD_NAME,
                                 "Socialnämnden");
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_BOARD_MUNICIPALITY,
                                 "Exempelby");
  for (guint i = 0; i < G_N_ELEMENTS (senders); i++)
    {
      gboolean expected[N_CHECKS] = { FALSE };
      g_autoptr (PopplerDocument) pdf = NULL;
      gboolean board_shown, provider_shown;

      expected[CHECK_BOARD] = senders[i] == LS_NOTIFICATION_SENDER_BOARD;
      expected[CHECK_PRIVATE] = senders[i] == LS_NOTIFICATION_SENDER_PRIVATE;
      expected[CHECK_SIS] = senders[i] == LS_NOTIFICATION_SENDER_SIS;
      ls_notification_form_set_sender (form, senders[i]);
      assert_checks (form, expected);

      /* only the details of the sender ticked, or of any while none is */
      pdf = render_form (form, NULL);
      board_shown =
          page_has (pdf, 0, "Socialnämnden") && page_has (pdf, 0, "Exempelby");
      provider_shown = page_has (pdf, 0, "Omsorgsbolaget i Norden AB");
      g_assert_cmpint (board_shown, ==,
                       senders[i] == LS_NOTIFICATION_SENDER_UNSET ||
                           senders[i] == LS_NOTIFICATION_SENDER_BOARD);
      g_assert_cmpint (provider_shown, ==,
                       senders[i] == LS_NOTIFICATION_SENDER_UNSET ||
                           senders[i] == LS_NOTIFICATION_SENDER_PRIVATE);
    }

  /* the provider's name stands in its box beside its check box */
  ls_notification_form_set_sender (form, LS_NOTIFICATION_SENDER_PRIVATE);
  {
    g_autoptr (PopplerDocument) pdf = render_form (form, NULL);
    const LsTestItem items[] = {
      { "Enskild verksamhet", NULL, 0 },
      { "Namnet på t.ex. bolaget, stiftelsen", "Omsorgsbolaget i Norden AB",
        0 },
      { "Statens institutionsstyrelse", NULL, 0 },
    };

    ls_test_assert_layout (pdf, items, G_N_ELEMENTS (items));
  }
}

static void
test_checks_informed (void)
{
  g_autoptr (LsNotificationForm) form = ls_notification_form_new ();

  for (guint i = 0; i < 2; i++)
    {
      gboolean expected[N_CHECKS] = { FALSE };

      expected[CHECK_INFORMED] = i == 1;
      ls_notification_form_set_informed (form, i == 1);
      g_assert_cmpint (ls_notification_form_get_informed (form), ==, i == 1);
      assert_checks (form, expected);
    }
}

static void
test_checks_attachments (void)
{
  g_autoptr (LsNotificationForm) form = ls_notification_form_new ();
  const LsNotificationAttachment sets[] = {
    LS_NOTIFICATION_ATTACHMENT_NONE,
    LS_NOTIFICATION_ATTACHMENT_INVESTIGATION,
    LS_NOTIFICATION_ATTACHMENT_ROUTINES,
    LS_NOTIFICATION_ATTACHMENT_OTHER,
    LS_NOTIFICATION_ATTACHMENT_INVESTIGATION |
        LS_NOTIFICATION_ATTACHMENT_ROUTINES | LS_NOTIFICATION_ATTACHMENT_OTHER,
  };

  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT,
                                 "Larmlogg från natten");
  for (guint r = 0; r < 2; r++)
    for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
      {
        LsNotificationRegime regime =
            r == 0 ? LS_NOTIFICATION_REGIME_SOL : LS_NOTIFICATION_REGIME_LSS;
        gboolean investigation =
            (sets[i] & LS_NOTIFICATION_ATTACHMENT_INVESTIGATION) != 0;
        gboolean expected[N_CHECKS] = { FALSE };

        expected[CHECK_INVESTIGATION_SOL] =
            investigation && regime == LS_NOTIFICATION_REGIME_SOL;
        expected[CHECK_INVESTIGATION_LSS] =
            investigation && regime == LS_NOTIFICATION_REGIME_LSS;
        expected[CHECK_ROUTINES] =
            (sets[i] & LS_NOTIFICATION_ATTACHMENT_ROUTINES) != 0;
        expected[CHECK_OTHER] =
            (sets[i] & LS_NOTIFICATION_ATTACHMENT_OTHER) != 0;
        ls_notification_form_set_regime (form, regime);
        ls_notification_form_set_attachments (form, sets[i]);
        assert_checks (form, expected);
        {
          g_autoptr (PopplerDocument) pdf = render_form (form, NULL);

          /* what the other attachments are, only when they are attached */
          g_assert_cmpint (page_has (pdf, 0, "Larmlogg från natten"), ==,
                           expected[CHECK_OTHER]);
        }
      }
}

static void
test_missing_example_complete (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_auto (GStrv) missing = ls_notification_form_list_missing (form);

  g_assert_cmpuint (g_strv_length (missing), ==, 0);
}

static void
test_missing_empty (void)
{
  g_autoptr (LsNotificationForm) form = ls_notification_form_new ();
  g_auto (GStrv) missing = ls_notification_form_list_missing (form);

  /* the choices come first where the form asks them, then the boxes */
  g_assert_cmpstr (missing[0], ==, "Sender’s registration number");
  g_assert_cmpstr (missing[1], ==, "Serious wrongdoing or clear risk of one");
  g_assert_cmpstr (missing[2], ==, "IVO department");
  g_assert_cmpstr (missing[3], ==, "Who notifies");
  g_assert_cmpstr (missing[4], ==, "Contact person");
  g_assert_true (strv_has (missing, "Short description and consequences for "
                                    "the individual"));
  g_assert_true (strv_has (missing, "Name in print"));
  /* no sender chosen: neither the board's nor the provider's boxes */
  g_assert_false (strv_has (missing, "Board"));
  g_assert_false (strv_has (missing, "Municipality or region of the board"));
  g_assert_false (strv_has (missing, "Private provider’s name"));
  g_assert_false (strv_has (missing, "Other attachments"));
  /* optional on the form */
  g_assert_false (strv_has (missing, "Phone of the unit"));
  g_assert_false (strv_has (missing, "Signature"));
}

static void
test_missing_sender (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();

  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_BOARD_NAME, NULL);
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_BOARD_MUNICIPALITY,
                                 " ");

  {
    g_auto (GStrv) missing = ls_notification_form_list_missing (form);

    /* white space is not an answer */
    g_assert_cmpuint (g_strv_length (missing), ==, 2);
    g_assert_cmpstr (missing[0], ==, "Board");
    g_assert_cmpstr (missing[1], ==, "Municipality or region of the board");
  }

  ls_notification_form_set_sender (form, LS_NOTIFICATION_SENDER_PRIVATE);
  {
    g_auto (GStrv) missing = ls_notification_form_list_missing (form);

    g_assert_cmpuint (g_strv_length (missing), ==, 1);
    g_assert_cmpstr (missing[0], ==, "Private provider’s name");
  }

  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_PROVIDER_NAME,
                                 "Omsorgsbolaget AB");
  {
    g_auto (GStrv) missing = ls_notification_form_list_missing (form);

    g_assert_cmpuint (g_strv_length (missing), ==, 0);
  }

  ls_notification_form_set_sender (form, LS_NOTIFICATION_SENDER_SIS);
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_PROVIDER_NAME,
                                 NULL);
  {
    g_auto (GStrv) missing = ls_notification_form_list_missing (form);

    g_assert_cmpuint (g_strv_length (missing), ==, 0);
  }

  ls_notification_form_set_sender (form, LS_NOTIFICATION_SENDER_UNSET);
  ls_notification_form_set_kind (form, LS_NOTIFICATION_KIND_UNSET);
  {
    g_auto (GStrv) missing = ls_notification_form_list_missing (form);

    g_assert_cmpuint (g_strv_length (missing), ==, 2);
    g_assert_cmpstr (missing[0], ==, "Serious wrongdoing or clear risk of one");
    g_assert_cmpstr (missing[1], ==, "Who notifies");
  }
}

static void
test_missing_other_attachment (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();

  ls_notification_form_set_attachments (form, LS_NOTIFICATION_ATTACHMENT_OTHER);
  {
    g_auto (GStrv) missing = ls_notification_form_list_missing (form);

    g_assert_cmpuint (g_strv_length (missing), ==, 1);
    g_assert_cmpstr (missing[0], ==, "Other attachments");
  }

  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT,
                                 "Avvikelserapport 2026-03-02");
  {
    g_auto (GStrv) missing = ls_notification_form_list_missing (form);

    g_assert_cmpuint (g_strv_length (missing), ==, 0);
  }

  /* a text left behind when the box is unticked is not asked for */
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT,
                                 NULL);
  ls_notification_form_set_attachments (form,
                                        LS_NOTIFICATION_ATTACHMENT_ROUTINES);
  {
    g_auto (GStrv) missing = ls_notification_form_list_missing (form);

    g_assert_cmpuint (g_strv_length (missing), ==, 0);
  }
}

/* Page 1 of the example against tests/form/data/notification-form-page1.png;
 * see ls_test_assert_golden() for how to make the image again. */
static void
test_golden_page_1 (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (PopplerDocument) pdf = render_form (form, NULL);

  ls_test_assert_golden (pdf, 0, "notification-form-page1.png");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/form/notification/example/layout", test_example_layout);
  g_test_add_func ("/form/notification/example/every-field",
                   test_example_every_field);
  g_test_add_func ("/form/notification/example/metadata",
                   test_example_metadata);
  g_test_add_func ("/form/notification/example/golden-page-1",
                   test_golden_page_1);
  g_test_add_func ("/form/notification/empty", test_empty_form);
  g_test_add_func ("/form/notification/maximum-lengths", test_maximum_lengths);
  g_test_add_func ("/form/notification/scripts", test_scripts);
  g_test_add_func ("/form/notification/regime/sol", test_regime_sol);
  g_test_add_func ("/form/notification/regime/lss", test_regime_lss);
  g_test_add_func ("/form/notification/checks/kind", test_checks_kind);
  g_test_add_func ("/form/notification/checks/sender", test_checks_sender);
  g_test_add_func ("/form/notification/checks/informed", test_checks_informed);
  g_test_add_func ("/form/notification/checks/attachments",
                   test_checks_attachments);
  g_test_add_func ("/form/notification/missing/example-complete",
                   test_missing_example_complete);
  g_test_add_func ("/form/notification/missing/empty", test_missing_empty);
  g_test_add_func ("/form/notification/missing/sender", test_missing_sender);
  g_test_add_func ("/form/notification/missing/other-attachment",
                   test_missing_other_attachment);

  return g_test_run ();
}
