/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-bidi.h"
#include "ls-form-test-utils.h"
#include "ls-pnr.h"

/* Values put into a sentence keep their direction to themselves: an
 * Arabic name does not turn the masked personal identity number after it
 * around, on screen or in a PDF.  The isolates are not drawn, and the PDF
 * reads back with the number in its order. */

#define ARABIC_NAME "ليلى حسن"
#define PNR "19380415-2340"
#define MASKED "19380415-****"
#define TURNED "****-19380415"

static void
test_format (void)
{
  g_autofree char *isolated = ls_bidi_isolate (ARABIC_NAME);
  g_autofree char *empty = ls_bidi_isolate (NULL);
  g_autofree char *sentence =
      ls_bidi_format ("%s (%s)", ARABIC_NAME, MASKED, NULL);
  g_autofree char *reordered =
      ls_bidi_format ("%2$s, 100%% %1$s", "a", "b", NULL);
  g_autofree char *worded = ls_bidi_format ("Namn: %s", ARABIC_NAME, NULL);

  g_assert_cmpstr (isolated, ==, "\u2068" ARABIC_NAME "\u2069");
  g_assert_cmpstr (empty, ==, "");
  /* A sentence that starts with a value starts with the mark of the
   * user's direction too: left to right here, as in English and Swedish. */
  g_assert_cmpstr (sentence, ==,
                   "\u200e\u2068" ARABIC_NAME "\u2069 (\u2068" MASKED
                   "\u2069)");
  g_assert_cmpstr (reordered, ==, "\u200e\u2068b\u2069, 100% \u2068a\u2069");
  /* A word first gives the line its direction itself. */
  g_assert_cmpstr (worded, ==, "Namn: \u2068" ARABIC_NAME "\u2069");
}

static char *
dup_pdf_text (const char *value)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new ("Test", "Test");
  g_autoptr (PopplerDocument) pdf = NULL;
  LsFormBox box = { .label = "Den enskilde", .value = value, .weight = 1 };

  ls_form_document_add_row (doc, &box, 1);
  ls_form_document_add_paragraph (doc, value, FALSE);
  pdf = ls_test_render_to_poppler (doc);
  return ls_test_dup_all_text (pdf);
}

/* The name beside the masked number, in a box and in a paragraph of a
 * PDF: read back, the number is as it was masked, the digits before the
 * stars, and the isolates are not there to be read. */
static void
test_pdf (void)
{
  g_autofree char *masked = ls_pnr_mask (PNR);
  g_autofree char *value =
      ls_bidi_format ("%s (%s)", ARABIC_NAME, masked, NULL);
  g_autofree char *text = dup_pdf_text (value);
  g_autofree char *plain = g_strconcat (ARABIC_NAME, " (", masked, ")", NULL);
  g_autofree char *unisolated = dup_pdf_text (plain);

  g_assert_cmpstr (masked, ==, MASKED);
  g_assert_nonnull (strstr (text, MASKED));
  g_assert_null (strstr (text, TURNED));
  g_assert_null (strstr (text, "\u2068"));
  g_assert_null (strstr (text, "\u2069"));
  /* Without the isolates the number turns: the test sees the fault. */
  g_assert_nonnull (strstr (unisolated, TURNED));
}

/* A paragraph that begins with an Arabic name is still a Swedish
 * paragraph: laid out left to right from the left margin, the number
 * after the name, not pushed to the right margin.  Without the isolates
 * and the mark too, which the user's text does not have. */
static void
test_pdf_arabic_first (void)
{
  const char *values[] = { NULL, ARABIC_NAME " (" MASKED ")" };
  g_autofree char *isolated =
      ls_bidi_format ("%s (%s)", ARABIC_NAME, MASKED, NULL);

  values[0] = isolated;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr (LsFormDocument) doc = ls_form_document_new ("Test", "Test");
      g_autoptr (PopplerDocument) pdf = NULL;
      g_autoptr (PopplerPage) page = NULL;
      GList *found;
      double width, height;

      ls_form_document_add_paragraph (doc, values[i], FALSE);
      pdf = ls_test_render_to_poppler (doc);
      page = poppler_document_get_page (pdf, 0);
      poppler_page_get_size (page, &width, &height);
      found = poppler_page_find_text (page, "19380415");
      g_assert_nonnull (found);
      g_assert_cmpfloat (((PopplerRectangle *) found->data)->x1, <, width / 2);
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bidi/format", test_format);
  g_test_add_func ("/bidi/pdf", test_pdf);
  g_test_add_func ("/bidi/pdf-arabic-first", test_pdf_arabic_first);
  return g_test_run ();
}
