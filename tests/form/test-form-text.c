/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ls-form-test-utils.h"

/* Text in the form documents: any length wraps whole, a continued box says
 * where it goes on and starts with its first word, addresses and legal
 * references break only where they may, and what no font can draw is
 * replaced and reported.  Every PDF is read back with poppler. */

/* Sentences without a single line break, each with a marker of its own:
 * "m00001." to "m14999." and on. */
static char *
dup_sentences (gsize length, guint *n_sentences)
{
  GString *text = g_string_sized_new (length + 64);
  guint n = 0;

  while (text->len < length)
    g_string_append_printf (text, "Mening m%05u. utan radbryt ", n++);
  *n_sentences = n;
  return g_string_free (text, FALSE);
}

static void
assert_markers_in_order (const char *pdf_text, guint n_sentences)
{
  g_autofree char *squeezed = ls_test_squeeze (pdf_text);
  const char *from = squeezed;

  for (guint i = 0; i < n_sentences; i++)
    {
      char marker[16];
      const char *found;

      g_snprintf (marker, sizeof marker, "m%05u.", i);
      found = strstr (from, marker);
      if (found == NULL)
        g_error ("sentence %u of %u is missing or out of order", i,
                 n_sentences);
      from = found + strlen (marker);
    }
}

/* 420,000 bytes without a line break used to give three pages holding three
 * sentences, clipped at the page's edge. */
static void
test_long_paragraph_whole (void)
{
  guint n_sentences;
  g_autofree char *text = dup_sentences (420000, &n_sentences);
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Lång", NULL);
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *all = NULL;

  ls_form_document_add_text (doc, "Enligt rapporten", text, LS_FORM_TEXT_FLOW,
                             28);
  ls_form_document_add_paragraph (doc, "Slut på dokumentet", FALSE);
  pdf = ls_test_render_to_poppler (doc);

  g_assert_cmpint (n_sentences, >=, 15000);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >, 40);
  ls_test_assert_page_numbers (pdf);
  all = ls_test_dup_all_text (pdf);
  assert_markers_in_order (all, n_sentences);
  ls_test_assert_in_order (
      all, (const char *[]){ "m00000.", "Slut på dokumentet", NULL });
}

/* A megabyte in a fixed box of the form: the box shows its start and the
 * rest goes on over continuation pages, every sentence of it. */
static void
test_megabyte_description (void)
{
  guint n_sentences;
  g_autofree char *text = dup_sentences (1000000, &n_sentences);
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *all = NULL;

  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_DESCRIPTION, text);
  doc = ls_notification_form_build_document (form);
  pdf = ls_test_render_to_poppler (doc);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), >, 100);
  all = ls_test_dup_all_text (pdf);
  assert_markers_in_order (all, n_sentences);
}

/* Every page of a flowing box but its last says where it goes on. */
static void
test_continued_box_says_where (void)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Flöde", NULL);
  g_autofree char *text = ls_test_dup_numbered_words ("ord", 30000);
  g_autoptr (PopplerDocument) pdf = NULL;
  int n_pages;

  ls_form_document_add_text (doc, "Beskrivning", text, LS_FORM_TEXT_FLOW, 0);
  pdf = ls_test_render_to_poppler (doc);
  n_pages = poppler_document_get_n_pages (pdf);

  g_assert_cmpint (n_pages, >=, 4);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *page = ls_test_dup_page_text (pdf, i);
      g_autofree char *squeezed = ls_test_squeeze (page);
      g_autofree char *note = g_strdup_printf ("forts.påsida%d", i + 2);

      if (i + 1 < n_pages)
        g_assert_nonnull (strstr (squeezed, note));
      else
        g_assert_null (strstr (squeezed, "forts.påsida"));
      if (i > 0)
        g_assert_nonnull (strstr (squeezed, "forts.Beskrivning"));
    }
}

/* Where on its page the character at byte @offset of the page's text is. */
static void
char_rect (PopplerPage *page,
           const char *text,
           const char *at,
           PopplerRectangle *rect)
{
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  glong index = g_utf8_pointer_to_offset (text, at);

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  g_assert_cmpint (index, <, (glong) n_rects);
  *rect = rects[index];
}

/* Paragraphs apart by blank lines: wherever a page breaks, the part on the
 * next page starts with a word right under its label, not a blank line. */
static void
test_no_blank_line_on_top (void)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Stycken", NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (PopplerDocument) pdf = NULL;
  int n_pages;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "Stycke %u.\n\n\n", i);
  ls_form_document_add_text (doc, "Text", text->str, LS_FORM_TEXT_FLOW, 0);
  pdf = ls_test_render_to_poppler (doc);
  n_pages = poppler_document_get_n_pages (pdf);

  g_assert_cmpint (n_pages, >=, 3);
  for (int i = 1; i < n_pages; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      const char *label = strstr (page_text, "forts. Text");
      const char *word;
      PopplerRectangle label_rect, word_rect;

      g_assert_nonnull (label);
      word = strstr (label, "Stycke");
      g_assert_nonnull (word);
      char_rect (page, page_text, label, &label_rect);
      char_rect (page, page_text, word, &word_rect);
      /* the label is 7 pt; one blank line of the value would be 11 pt */
      g_assert_cmpfloat (fabs (word_rect.y1 - label_rect.y2), <, 6);
    }
}

/* An e-mail address too long for its box is never broken with a hyphen
 * that is not in it: it shrinks, and breaks only after "@" or ".". */
static void
test_email_address (void)
{
  const char *address = "forste.forvaltningsovergripande.kvalitetsutvecklare"
                        "@socialforvaltningen.exempelkommunensomhetermycket."
                        "se";
  const char *short_address = "maria.lind.kvalitet@exempelstad.se";
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *page = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *squeezed_address = ls_test_squeeze (address);
  const char *p;
  guint n_breaks = 0;

  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_EMAIL, address);
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_PHONE,
                                 short_address);
  doc = ls_notification_form_build_document (form);
  pdf = ls_test_render_to_poppler (doc);
  page = ls_test_dup_page_text (pdf, 0);
  squeezed = ls_test_squeeze (page);

  g_assert_nonnull (strstr (squeezed, squeezed_address));
  /* the address as poppler reads it: its lines end after "@" or "." */
  p = strstr (page, "forste.");
  g_assert_nonnull (p);
  for (gsize j = 0; address[j] != '\0'; p++)
    {
      if (*p == '\n')
        {
          g_assert_true (j > 0 &&
                         (address[j - 1] == '@' || address[j - 1] == '.'));
          n_breaks++;
          continue;
        }
      g_assert_cmpint (*p, ==, address[j]);
      j++;
    }
  g_assert_cmpuint (n_breaks, >=, 1);
  g_assert_null (strstr (page, "-\n"));
}

/* An emoji with a skin tone has no font here: it prints as one visible
 * placeholder, and both the form and the document say which field held
 * it. */
static void
test_undrawable_characters (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autofree char *all = NULL;
  g_autofree char *squeezed = NULL;
  g_auto (GStrv) fields = NULL;
  g_auto (GStrv) labels = NULL;

  ls_notification_form_set_text (
      form, LS_NOTIFICATION_FIELD_DESCRIPTION,
      "Hon visade tummen upp \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD och log.");
  fields = ls_notification_form_list_undrawable (form);
  g_assert_cmpuint (g_strv_length (fields), ==, 1);
  g_assert_cmpstr (
      fields[0], ==,
      ls_notification_field_get_name (LS_NOTIFICATION_FIELD_DESCRIPTION));

  doc = ls_notification_form_build_document (form);
  labels = ls_form_document_dup_undrawable_labels (doc);
  g_assert_cmpuint (g_strv_length (labels), ==, 1);
  g_assert_cmpstr (
      labels[0], ==,
      ls_notification_field_get_label (LS_NOTIFICATION_FIELD_DESCRIPTION));

  pdf = ls_test_render_to_poppler (doc);
  all = ls_test_dup_all_text (pdf);
  squeezed = ls_test_squeeze (all);
  g_assert_nonnull (strstr (squeezed, "tummenupp\xEF\xBF\xBDochlog."));

  /* what the fonts draw is left alone */
  g_clear_pointer (&fields, g_strfreev);
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_DESCRIPTION,
                                 "Åsa, Øystein, Σωκράτης och Дмитрий.");
  fields = ls_notification_form_list_undrawable (form);
  g_assert_cmpuint (g_strv_length (fields), ==, 0);
}

/* A legal reference never wraps inside, wherever the line ends. */
static void
test_reference_never_wraps (void)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Hänvisningar", NULL);
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autoptr (GString) prefix = g_string_new ("Åtgärder");
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autofree char *all = NULL;
  guint n = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *heading =
          g_strdup_printf ("%s (5 kap. 3 § 1)", prefix->str);

      ls_form_document_add_heading (doc, heading);
      g_string_append (prefix, i % 2 ? " ii" : " m");
    }
  pdf = ls_test_render_to_poppler (doc);
  all = ls_test_dup_all_text (pdf);

  /* a no-break space may come back as one; a wrap comes back as a new
   * line */
  for (const char *p = all; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0x00A0)
      g_string_append_c (plain, ' ');
    else
      g_string_append_unichar (plain, g_utf8_get_char (p));
  for (const char *p = plain->str; (p = strstr (p, "(5 kap. 3 § 1)")) != NULL;
       p++)
    n++;
  g_assert_cmpuint (n, ==, 40);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/form/text/long-paragraph-whole",
                   test_long_paragraph_whole);
  g_test_add_func ("/form/text/megabyte-description",
                   test_megabyte_description);
  g_test_add_func ("/form/text/continued-box-says-where",
                   test_continued_box_says_where);
  g_test_add_func ("/form/text/no-blank-line-on-top",
                   test_no_blank_line_on_top);
  g_test_add_func ("/form/text/email-address", test_email_address);
  g_test_add_func ("/form/text/undrawable-characters",
                   test_undrawable_characters);
  g_test_add_func ("/form/text/reference-never-wraps",
                   test_reference_never_wraps);

  return g_test_run ();
}
